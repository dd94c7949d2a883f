#include "frontend/prisma/prisma_ast.h"

namespace rdslint::prisma {

const Expression* Expression::EnvVariable() const {
  if (kind != Kind::kFunction || text != "env" || arguments.size() != 1) return nullptr;
  const Argument& a = arguments[0];
  if (!a.name.empty() || !a.has_value || !a.value.is_string()) return nullptr;
  return &a.value;
}

const Property* Block::Find(std::string_view key) const {
  for (const Property& p : properties) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kDatasource: return "datasource";
    case BlockKind::kGenerator: return "generator";
    case BlockKind::kModel: return "model";
    case BlockKind::kEnum: return "enum";
    case BlockKind::kView: return "view";
    case BlockKind::kType: return "type";
    case BlockKind::kUnknown: return "block";
  }
  return "block";
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, uint32_t source, MappedText* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  std::string bytes;
  if (cp < 0x80) {
    bytes.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    bytes.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    bytes.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    bytes.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    bytes.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    bytes.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    bytes.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    bytes.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    bytes.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    bytes.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  for (char b : bytes) {
    out->text.push_back(b);
    out->offsets.push_back(source);
  }
}

}  // namespace rdslint::prisma
