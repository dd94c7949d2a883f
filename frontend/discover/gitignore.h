// .gitignore patterns, as git reads them: comments, '!' negation, trailing
// '/' for folders only, anchoring by a leading or middle '/', '**'.
#ifndef RDSLINT_FRONTEND_DISCOVER_GITIGNORE_H_
#define RDSLINT_FRONTEND_DISCOVER_GITIGNORE_H_

#include <string>
#include <string_view>
#include <vector>

namespace rdslint {

class GitignoreRules {
 public:
  // `dir` is the folder holding the .gitignore ('/'-separated, no trailing '/').
  GitignoreRules(std::string_view dir, std::string_view text);

  enum class Verdict { kNone, kIgnore, kInclude };
  // The last matching pattern's verdict for `path` (absolute, '/'-separated).
  Verdict Match(std::string_view path, bool is_dir) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string glob;
    bool negate = false;
    bool dir_only = false;
    bool anchored = false;  // relative to dir_, not any depth
  };
  std::string dir_;
  std::vector<Pattern> patterns_;
};

}  // namespace rdslint

#endif  // RDSLINT_FRONTEND_DISCOVER_GITIGNORE_H_
