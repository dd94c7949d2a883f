// Fuzzes NOLINT comment scanning on its own (config_fuzz also feeds it the
// .rdslint.yaml text): every comment syntax, every line asked about, and the
// problems it reports located inside the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/nolint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  int lines = 1;
  for (char c : text) lines += c == '\n';
  for (int bits = 1; bits < 8; ++bits) {
    const rdslint::CommentSyntax syntax{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
    const rdslint::Suppressions s = rdslint::Suppressions::Scan(text, syntax);
    for (const rdslint::NolintProblem& p : s.problems()) {
      if (p.range.begin > p.range.end || p.range.end > size) __builtin_trap();
    }
    // Every line, one past the end, and out-of-range lines.
    for (int line = -1; line <= lines + 1 && line < 4096; ++line) {
      const bool any = s.Suppressed("env-password-literal", "password", line);
      // NOLINT(*) and a bare NOLINT suppress every rule alike: a rule that
      // is suppressed by globs could only be more specific, never less.
      if (s.empty() && any) __builtin_trap();
      s.Suppressed("iac-proxy-tls", "", line);
    }
  }
  return 0;
}
