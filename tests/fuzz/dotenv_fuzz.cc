// Fuzzes the .env and compose readers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frontend/dotenv/dotenv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  rdslint::dotenv::Document env = rdslint::dotenv::ParseDotenv(text);
  for (const auto& e : env.entries) {
    // Every mapped range must stay inside the input.
    if (e.value.offsets.size() != e.value.text.size() + 1) __builtin_trap();
    if (e.value_range.end > size || e.key_range.end > size) __builtin_trap();
  }
  rdslint::dotenv::Document compose = rdslint::dotenv::ParseComposeEnvironment(text);
  for (const auto& e : compose.entries) {
    if (e.value_range.end > size || e.key_range.end > size) __builtin_trap();
  }
  return 0;
}
