// Fuzzes the guards every yaml-cpp reader stands behind (frontend/yaml): the
// nesting scan, the pre-parse check, yaml-cpp itself on what passes it,
// error locations and messages, and the mapping of each decoded scalar back
// to its source bytes.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <set>
#include <utility>
#include <vector>

#include "frontend/yaml/yaml_source.h"

namespace {

void CheckRange(rdslint::SourceRange r, size_t size) {
  if (r.begin > r.end || r.end > size) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (size_t limit : {size_t{1}, size_t{3}, size_t{64}, rdslint::yaml::kMaxNesting}) {
    const size_t at = rdslint::yaml::FindExcessiveNesting(text, limit);
    if (at != std::string_view::npos && at > size) __builtin_trap();
  }
  if (std::optional<rdslint::yaml::Error> pre = rdslint::yaml::CheckBeforeParse(text)) {
    CheckRange(pre->range, size);
    return 0;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    rdslint::yaml::Error err = rdslint::yaml::ErrorFromException(text, e);
    CheckRange(err.range, size);
    return 0;
  } catch (const std::exception&) {
    return 0;
  }
  const size_t bom = rdslint::yaml::HasBom(text) ? 3 : 0;
  // Iterative walk; aliases share their node, so each is read once (an
  // alias bomb stays linear), and a cap bounds the rest.
  std::vector<YAML::Node> stack{root};
  std::set<std::pair<int, int>> seen;
  size_t visits = 0;
  while (!stack.empty() && ++visits < 100000) {
    YAML::Node n = stack.back();
    stack.pop_back();
    if (!n.IsDefined()) continue;
    const int mark = n.Mark().pos;
    const size_t pos = mark < 0 ? 0 : std::min(static_cast<size_t>(mark) + bom, size);
    if (n.IsScalar()) {
      char quote = 0;
      rdslint::MappedText m = rdslint::yaml::MapScalar(text, pos, n.Scalar(), &quote);
      if (m.offsets.size() != m.text.size() + 1) __builtin_trap();
      for (uint32_t o : m.offsets) {
        if (o > size) __builtin_trap();
      }
      if (quote != 0 && quote != '\'' && quote != '"') __builtin_trap();
      continue;
    }
    // A map or sequence is known by where it starts (as the readers do).
    if (!seen.insert({mark, static_cast<int>(n.Type())}).second) continue;
    if (n.IsSequence()) {
      for (const YAML::Node& item : n) stack.push_back(item);
    } else if (n.IsMap()) {
      for (auto it = n.begin(); it != n.end(); ++it) {
        stack.push_back(it->first);
        stack.push_back(it->second);
      }
    }
  }
  return 0;
}
