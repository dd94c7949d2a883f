// hcl_dump FILE: prints our parse of FILE in hcl2json's shape, or the errors.
// A debugging aid for the differential test.
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/source.h"
#include "frontend/hcl/hcl_parser.h"
#include "tests/hcl/hcl2json_dump.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hcl_dump FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  rdslint::hcl::ParseResult r = rdslint::hcl::ParseHcl(text);
  rdslint::LineIndex lines(text);
  for (const auto& e : r.errors) {
    auto lc = lines.Locate(e.range.begin);
    std::cout << argv[1] << ":" << lc.line << ":" << lc.column << ": error: " << e.message << "\n";
  }
  if (!r.ok()) return 1;
  rdslint::hcl::DumpResult d = rdslint::hcl::DumpAsHcl2Json(r.body, text);
  if (!d.error.empty()) {
    std::cout << "convert error: " << d.error << "\n";
    return 1;
  }
  std::cout << d.json.dump(1) << "\n";
  return 0;
}
