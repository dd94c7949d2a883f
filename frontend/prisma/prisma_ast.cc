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

}  // namespace rdslint::prisma
