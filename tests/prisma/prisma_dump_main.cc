// prisma_dump FILE...  prints one JSON line per file: whether our readers
// accept it and the errors they report, with 1-based line and byte column.
// Files named prisma.config.* go to the config reader, others to the schema
// parser. The Prisma validator test (validate_fixtures.js) compares this
// with Prisma's own verdict.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/source.h"
#include "frontend/prisma/prisma_config.h"
#include "frontend/prisma/prisma_parser.h"

int main(int argc, char** argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    nlohmann::json out;
    out["file"] = argv[i];
    if (!in) {
      out["ok"] = false;
      out["errors"] = {{{"line", 0}, {"column", 0}, {"message", "cannot read the file"}}};
      std::cout << out.dump() << "\n";
      status = 2;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const rdslint::LineIndex lines(text);
    std::vector<rdslint::prisma::Error> errors;
    if (rdslint::prisma::IsPrismaConfigPath(argv[i])) {
      rdslint::prisma::ConfigFile config = rdslint::prisma::ReadPrismaConfig(text);
      errors = std::move(config.errors);
      out["datasource"] = nlohmann::json::object();
      for (const rdslint::prisma::ConfigProperty& p : config.datasource) {
        out["datasource"][p.key] = static_cast<int>(p.value.kind);
      }
    } else {
      errors = rdslint::prisma::ParseSchema(text).errors;
    }
    out["ok"] = errors.empty();
    out["errors"] = nlohmann::json::array();
    for (const rdslint::prisma::Error& e : errors) {
      const rdslint::LineColumn at = lines.Locate(e.range.begin);
      out["errors"].push_back({{"line", at.line}, {"column", at.column}, {"message", e.message}});
    }
    std::cout << out.dump() << "\n";
  }
  return status;
}
