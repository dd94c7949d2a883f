// Fuzzes the connection-string analyser: every range it returns must lie
// inside the text, and its messages must never quote the password.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "frontend/url/connection_string.h"

namespace {

// Whether a password could coincide with the fixed words of a message
// ("PostgreSQL clients expect ..."): letters and spaces only.
bool OnlyWords(const std::string& s) {
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ')) return false;
  }
  return true;
}

void CheckRange(rdslint::SourceRange r, size_t size) {
  if (r.begin > r.end || r.end > size) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const rdslint::url::ConnectionString& c : rdslint::url::FindAll(text)) {
    CheckRange(c.range, size);
    for (const auto* p : {&c.user, &c.password, &c.host, &c.port, &c.database}) {
      if (p->present) CheckRange(p->range, size);
    }
    for (const auto& param : c.params) {
      CheckRange(param.key_range, size);
      CheckRange(param.value_range, size);
    }
    for (const auto& u : c.unencoded_password_chars) {
      if (u.offset >= size) __builtin_trap();
    }
    if (c.param_insert_offset > size) __builtin_trap();
    for (const auto& problem : c.problems) {
      CheckRange(problem.range, size);
      if (c.password.value.size() >= 4 && !OnlyWords(c.password.value) &&
          problem.message.find(c.password.value) != std::string::npos)
        __builtin_trap();
    }
  }
  return 0;
}
