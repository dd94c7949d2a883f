#include "core/nolint.h"

#include <climits>

#include "core/config.h"
#include "core/glob.h"

namespace rdslint {
namespace {

enum class Kind { kSameLine, kNextLine, kBegin, kEnd };

struct Marker {
  Kind kind;
  SourceRange range;
  std::vector<std::string> globs;
  std::string glob_text;  // as written, for matching BEGIN with END
  int line;
};

bool IsWordChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Whether a comment is open at `pos` of a line, given the comment syntax.
// Block comments opened on an earlier line are tracked by the caller.
bool InComment(std::string_view line, size_t pos, CommentSyntax syntax, bool block_open) {
  if (block_open) return true;
  std::string_view before = line.substr(0, pos);
  if (syntax.hash && before.find('#') != std::string_view::npos) return true;
  if (syntax.double_slash && before.find("//") != std::string_view::npos) return true;
  if (syntax.block) {
    size_t open = before.rfind("/*");
    if (open != std::string_view::npos && before.find("*/", open + 2) == std::string_view::npos)
      return true;
  }
  return false;
}

// Tracks whether a /* comment is still open at the end of a line.
bool BlockOpenAfter(std::string_view line, bool open) {
  size_t i = 0;
  while (i < line.size()) {
    if (open) {
      size_t close = line.find("*/", i);
      if (close == std::string_view::npos) return true;
      open = false;
      i = close + 2;
    } else {
      size_t start = line.find("/*", i);
      if (start == std::string_view::npos) return false;
      open = true;
      i = start + 2;
    }
  }
  return open;
}

}  // namespace

Suppressions Suppressions::Scan(std::string_view text, CommentSyntax syntax) {
  Suppressions out;
  // Cheap exit: most files have no NOLINT at all.
  if (text.find("NOLINT") == std::string_view::npos) return out;

  std::vector<Marker> markers;
  bool block_open = false;
  int line_no = 0;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    ++line_no;
    size_t nl = text.find('\n', line_start);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(line_start, line_end - line_start);
    for (size_t pos = line.find("NOLINT"); pos != std::string_view::npos;
         pos = line.find("NOLINT", pos + 6)) {
      if (pos > 0 && IsWordChar(line[pos - 1])) continue;
      if (!InComment(line, pos, syntax, block_open)) continue;
      size_t p = pos + 6;
      Kind kind = Kind::kSameLine;
      auto take = [&](std::string_view word, Kind k) {
        if (line.substr(p, word.size()) == word) {
          p += word.size();
          kind = k;
          return true;
        }
        return false;
      };
      take("NEXTLINE", Kind::kNextLine) || take("BEGIN", Kind::kBegin) || take("END", Kind::kEnd);
      if (p < line.size() && IsWordChar(line[p])) continue;  // NOLINTFOO is not ours
      Marker m{kind, SourceRange{static_cast<uint32_t>(line_start + pos),
                                 static_cast<uint32_t>(line_start + p)},
               {}, "", line_no};
      if (p < line.size() && line[p] == '(') {
        size_t close = line.find(')', p);
        if (close != std::string_view::npos) {
          m.glob_text = std::string(line.substr(p + 1, close - p - 1));
          m.globs = SplitGlobs(m.glob_text);
          m.range.end = static_cast<uint32_t>(line_start + close + 1);
        }
      }
      markers.push_back(std::move(m));
    }
    if (syntax.block) block_open = BlockOpenAfter(line, block_open);
    if (nl == std::string_view::npos) break;
    line_start = nl + 1;
  }

  std::vector<const Marker*> open;
  for (const Marker& m : markers) {
    switch (m.kind) {
      case Kind::kSameLine:
        out.directives_.push_back(Directive{m.line, m.line, m.globs});
        break;
      case Kind::kNextLine:
        out.directives_.push_back(Directive{m.line + 1, m.line + 1, m.globs});
        break;
      case Kind::kBegin:
        open.push_back(&m);
        break;
      case Kind::kEnd: {
        // As clang-tidy: an END closes the latest BEGIN with the same list.
        auto it = open.rbegin();
        for (; it != open.rend(); ++it) {
          if ((*it)->glob_text == m.glob_text) break;
        }
        if (it == open.rend()) {
          out.problems_.push_back(NolintProblem{
              m.range, "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment"});
          break;
        }
        out.directives_.push_back(Directive{(*it)->line, m.line, m.globs});
        open.erase(std::next(it).base());
        break;
      }
    }
  }
  for (const Marker* m : open) {
    out.problems_.push_back(NolintProblem{
        m->range, "unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment"});
  }
  return out;
}

bool Suppressions::Suppressed(std::string_view rule_id, std::string_view problem_class,
                              int line) const {
  for (const Directive& d : directives_) {
    if (line < d.first_line || line > d.last_line) continue;
    if (d.globs.empty()) return true;
    bool on = false;
    for (const std::string& g : d.globs) {
      bool negative = !g.empty() && g[0] == '-';
      std::string_view pattern = negative ? std::string_view(g).substr(1) : std::string_view(g);
      if (MatchCheckGlob(pattern, rule_id) || MatchCheckGlob(pattern, problem_class))
        on = !negative;
    }
    if (on) return true;
  }
  return false;
}

}  // namespace rdslint
