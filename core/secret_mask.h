// Keeps secrets out of every output. Frontends and checks mark the byte
// ranges of a file that hold secret values; whatever text is about to leave
// the process (a source line, a message, a snippet) goes through here first.
#ifndef RDSLINT_CORE_SECRET_MASK_H_
#define RDSLINT_CORE_SECRET_MASK_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint {

inline constexpr std::string_view kMask = "****";

class SecretMask {
 public:
  SecretMask() = default;
  explicit SecretMask(std::string_view file_text) : text_(file_text) {}

  // Marks a range of the file as secret. Empty ranges are ignored.
  void Add(SourceRange range);
  bool empty() const { return spans_.empty(); }

  // A line of the file (starting at byte `line_start`) with every secret
  // span replaced by kMask. `column_map`, when given, receives for each
  // 1-based byte column of the original line the 1-based column it has in
  // the masked line (one extra entry for the end of line).
  std::string MaskLine(std::string_view line, uint32_t line_start,
                       std::vector<int>* column_map = nullptr) const;

  // `text` with every occurrence of a secret value of this file replaced by
  // kMask: the last defence for messages built from file content.
  std::string MaskText(std::string_view text) const;

  // Sorts and merges the spans; call once after the last Add.
  void Finish();

 private:
  std::string_view text_;
  std::vector<SourceRange> spans_;
  std::vector<std::string> values_;  // distinct secret strings, longest first
};

}  // namespace rdslint

#endif  // RDSLINT_CORE_SECRET_MASK_H_
