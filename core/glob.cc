#include "core/glob.h"

#include <vector>

namespace rdslint {
namespace {

// Matches a character class starting at glob[gi] == '['. Returns the index
// past the class, or npos when the class is not closed (then '[' is literal).
size_t MatchClass(std::string_view glob, size_t gi, char c, bool* matched) {
  size_t i = gi + 1;
  bool negate = i < glob.size() && (glob[i] == '!' || glob[i] == '^');
  if (negate) ++i;
  bool any = false;
  bool first = true;
  for (; i < glob.size() && (glob[i] != ']' || first); ++i) {
    first = false;
    char lo = glob[i];
    char hi = lo;
    if (i + 2 < glob.size() && glob[i + 1] == '-' && glob[i + 2] != ']') {
      hi = glob[i + 2];
      i += 2;
    }
    if (c >= lo && c <= hi) any = true;
  }
  if (i >= glob.size()) return std::string_view::npos;
  *matched = any != negate;
  return i + 1;
}

// Iterative matcher with backtracking over the last star, which keeps it
// linear-ish and free of recursion on long inputs.
bool Match(std::string_view glob, std::string_view s, bool path_mode) {
  size_t gi = 0, si = 0;
  size_t star_g = std::string_view::npos, star_s = 0;
  bool star_crosses = false;
  while (si < s.size()) {
    if (gi < glob.size()) {
      char g = glob[gi];
      if (g == '*') {
        bool double_star = path_mode && gi + 1 < glob.size() && glob[gi + 1] == '*';
        gi += double_star ? 2 : 1;
        // "**/" matches zero or more whole folders: try the rest of the glob
        // at this point and after each '/' that follows.
        if (double_star && gi < glob.size() && glob[gi] == '/') {
          std::string_view rest = glob.substr(gi + 1);
          for (size_t p = si;;) {
            if (Match(rest, s.substr(p), path_mode)) return true;
            p = s.find('/', p);
            if (p == std::string_view::npos) return false;
            ++p;
          }
        }
        star_g = gi;
        star_s = si;
        star_crosses = double_star || !path_mode;
        continue;
      }
      if (g == '?' && !(path_mode && s[si] == '/')) {
        ++gi;
        ++si;
        continue;
      }
      if (g == '[') {
        bool matched = false;
        size_t next = MatchClass(glob, gi, s[si], &matched);
        if (next != std::string_view::npos) {
          if (matched && !(path_mode && s[si] == '/')) {
            gi = next;
            ++si;
            continue;
          }
        } else if (s[si] == '[') {
          ++gi;
          ++si;
          continue;
        }
      } else if (g == s[si]) {
        ++gi;
        ++si;
        continue;
      }
    }
    // Mismatch: let the last star eat one more character.
    if (star_g == std::string_view::npos) return false;
    if (!star_crosses && s[star_s] == '/') return false;
    ++star_s;
    si = star_s;
    gi = star_g;
  }
  while (gi < glob.size() && glob[gi] == '*') ++gi;
  return gi == glob.size();
}

}  // namespace

bool MatchCheckGlob(std::string_view glob, std::string_view name) {
  return Match(glob, name, /*path_mode=*/false);
}

bool MatchPathGlob(std::string_view glob, std::string_view path) {
  return Match(glob, path, /*path_mode=*/true);
}

}  // namespace rdslint
