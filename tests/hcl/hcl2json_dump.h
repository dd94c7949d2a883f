// Renders our HCL tree the way @cdktf/hcl2json (HashiCorp's parser plus
// tmccombs/hcl2json's converter) renders a file, so the differential test can
// compare the two. The rules were found by experiment; see hcl2json_dump.cc.
#ifndef RDSLINT_TESTS_HCL_HCL2JSON_DUMP_H_
#define RDSLINT_TESTS_HCL_HCL2JSON_DUMP_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "frontend/hcl/hcl_ast.h"

namespace rdslint::hcl {

struct DumpResult {
  nlohmann::json json;
  std::string error;  // non-empty where hcl2json's converter gives up
};

// `text` is the file the body was parsed from (expressions render as source).
DumpResult DumpAsHcl2Json(const Body& body, std::string_view text);

}  // namespace rdslint::hcl

#endif  // RDSLINT_TESTS_HCL_HCL2JSON_DUMP_H_
