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

// Whether the text with the password's bytes replaced still gives problem
// `i`'s message word for word: then the password only happens to spell
// words of the message ("is not a number between 0 "), and nothing leaked.
bool FixedWording(std::string_view text, const rdslint::url::ConnectionString& c, size_t i) {
  const rdslint::SourceRange pw = c.password.range;
  if (pw.begin >= pw.end || pw.end > text.size()) return false;
  std::string masked(text);
  for (uint32_t k = pw.begin; k < pw.end; ++k) masked[k] = 'Q';
  for (const rdslint::url::ConnectionString& m : rdslint::url::FindAll(masked)) {
    for (const auto& p : m.problems) {
      if (p.message == c.problems[i].message) return true;
    }
  }
  return false;
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
    for (size_t i = 0; i < c.problems.size(); ++i) {
      const auto& problem = c.problems[i];
      CheckRange(problem.range, size);
      if (c.password.value.size() >= 4 && !OnlyWords(c.password.value) &&
          problem.message.find(c.password.value) != std::string::npos &&
          !FixedWording(text, c, i)) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
