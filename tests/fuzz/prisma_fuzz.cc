// Fuzzes the Prisma schema parser and the prisma.config.ts reader: no input
// may crash, hang or produce a range outside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "frontend/prisma/prisma_config.h"
#include "frontend/prisma/prisma_parser.h"

namespace {

void CheckRange(rdslint::SourceRange r, size_t size) {
  if (r.begin > r.end || r.end > size) abort();
}

void CheckExpression(const rdslint::prisma::Expression& e, size_t size) {
  CheckRange(e.range, size);
  if (e.kind == rdslint::prisma::Expression::Kind::kString) {
    if (e.string.offsets.size() != e.string.text.size() + 1) abort();
    for (uint32_t o : e.string.offsets) {
      if (o > size) abort();
    }
  }
  for (const rdslint::prisma::Argument& a : e.arguments) CheckExpression(a.value, size);
  for (const rdslint::prisma::Expression& item : e.items) CheckExpression(item, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const rdslint::prisma::Schema schema = rdslint::prisma::ParseSchema(text);
  for (const rdslint::prisma::Block& b : schema.blocks) {
    CheckRange(b.range, size);
    CheckRange(b.name_range, size);
    for (const rdslint::prisma::Property& p : b.properties) {
      CheckRange(p.line_range, size);
      CheckExpression(p.value, size);
      if (const rdslint::prisma::Expression* var = p.value.EnvVariable()) {
        CheckRange(var->string.ToSource(0, static_cast<uint32_t>(var->string.text.size())), size);
      }
    }
    for (const rdslint::prisma::Field& f : b.fields) {
      CheckRange(f.range, size);
      for (const rdslint::prisma::Attribute& a : f.attributes) {
        for (const rdslint::prisma::Argument& arg : a.arguments) CheckExpression(arg.value, size);
      }
    }
  }
  for (const rdslint::prisma::Error& e : schema.errors) CheckRange(e.range, size);

  const rdslint::prisma::ConfigFile config = rdslint::prisma::ReadPrismaConfig(text);
  for (const rdslint::prisma::ConfigProperty& p : config.datasource) {
    CheckRange(p.value.range, size);
    if (p.value.text.offsets.size() != p.value.text.text.size() + 1 && !p.value.text.offsets.empty()) abort();
    for (uint32_t o : p.value.text.offsets) {
      if (o > size) abort();
    }
  }
  for (const rdslint::prisma::EnvReference& r : config.env_refs) CheckRange(r.range, size);
  for (const rdslint::prisma::Error& e : config.errors) CheckRange(e.range, size);
  return 0;
}
