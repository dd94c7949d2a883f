#include "frontend/discover/gitignore.h"

#include "core/glob.h"

namespace rdslint {

GitignoreRules::GitignoreRules(std::string_view dir, std::string_view text) : dir_(dir) {
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trailing spaces are ignored unless escaped.
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() >= 2 && line[line.size() - 2] == '\\'))
      line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Pattern p;
    if (line[0] == '!') {
      p.negate = true;
      line.remove_prefix(1);
    } else if (line[0] == '\\') {
      line.remove_prefix(1);  // "\#" and "\!" are literal
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    if (line[0] == '/') {
      p.anchored = true;
      line.remove_prefix(1);
    } else if (line.find('/') != std::string_view::npos) {
      p.anchored = true;  // a slash in the middle anchors too
    }
    if (line.substr(0, 3) == "**/") {
      p.anchored = false;
      line.remove_prefix(3);
    }
    p.glob = std::string(line);
    patterns_.push_back(std::move(p));
  }
}

GitignoreRules::Verdict GitignoreRules::Match(std::string_view path, bool is_dir) const {
  std::string_view rel = path;
  if (!dir_.empty()) {
    if (rel.size() <= dir_.size() || rel.substr(0, dir_.size()) != dir_ || rel[dir_.size()] != '/')
      return Verdict::kNone;
    rel.remove_prefix(dir_.size() + 1);
  }
  size_t slash = rel.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  Verdict verdict = Verdict::kNone;
  for (const Pattern& p : patterns_) {
    if (p.dir_only && !is_dir) continue;
    bool hit = p.anchored ? MatchPathGlob(p.glob, rel) : MatchPathGlob(p.glob, base);
    if (hit) verdict = p.negate ? Verdict::kInclude : Verdict::kIgnore;
  }
  return verdict;
}

}  // namespace rdslint
