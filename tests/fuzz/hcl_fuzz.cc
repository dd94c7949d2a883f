// Fuzzes the HCL2 native-syntax parser and the .tf.json reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frontend/hcl/hcl_parser.h"
#include "frontend/hcl/tf_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  rdslint::hcl::ParseResult hcl = rdslint::hcl::ParseHcl(text);
  for (const auto& e : hcl.errors) {
    if (e.range.end > size) __builtin_trap();
  }
  rdslint::hcl::ParseResult json = rdslint::hcl::ParseTfJson(text);
  for (const auto& e : json.errors) {
    if (e.range.end > size) __builtin_trap();
  }
  return 0;
}
