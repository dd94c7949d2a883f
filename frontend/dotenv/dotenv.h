// Reads .env files (and the environment: blocks of compose files) into
// positioned key/value entries.
#ifndef RDSLINT_FRONTEND_DOTENV_DOTENV_H_
#define RDSLINT_FRONTEND_DOTENV_DOTENV_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint::dotenv {

struct Entry {
  std::string key;
  SourceRange key_range;
  // The value after quote removal and escape processing, mapped back to the
  // source bytes. ${VAR} references are kept as written (holes).
  MappedText value;
  SourceRange value_range;   // the value as written, quotes excluded
  char quote = 0;            // 0, '\'', '"' or '`'
  bool exported = false;     // "export KEY=..."
  // Compose only: "KEY:" / "KEY: null" / "- KEY" give no value; compose takes
  // it from the host's environment. `value` is then empty, located where the
  // value would be.
  bool inherited = false;
  // The value with ${VAR} / $VAR references to keys defined earlier in the
  // same file substituted (single-quoted values are not expanded). Equal to
  // value.text when nothing was substituted.
  std::string expanded;
};

struct Error {
  SourceRange range;
  std::string message;  // never quotes a value
};

struct Document {
  std::vector<Entry> entries;
  std::vector<Error> errors;
};

// The dialect is the common ground of docker compose, python-dotenv and
// dotenv (npm): an optional "export " prefix; unquoted values are trimmed and
// end at an inline comment, which needs a blank before '#' ("p#ss" is a
// value, "KEY= # note" is empty); '...' and `...` are literal; "..." decodes
// \n \r \t \" \\ \$ (others stay as written); quoted values may span lines and
// a CRLF inside them reads as "\n"; text after a closing quote is ignored.
// An unterminated quote is an error at the quote, its entry is dropped and
// parsing resumes on the next line. `expanded` substitutes ${VAR},
// ${VAR:-default}, ${VAR-default} and $VAR from earlier keys; "\$" and "$$"
// never expand, other ${VAR:?..} forms stay as written. Linear time on any
// input; expansion is capped so that nested references cannot blow up.
Document ParseDotenv(std::string_view text);

// The environment: blocks of every service of a compose file, in map form
// (KEY: value) and list form (- KEY=value). A file that is not YAML, or has
// no services, gives an empty document with an error only for YAML syntax.
// Values map back to the source exactly for plain and quoted scalars; block
// scalars (| >) whose layout cannot be followed map onto their first content
// line. Each environment block is read once however many services share it
// through aliases or "<<" merges (merged entries appear where the "<<" is),
// and aliased data is capped, so alias bombs stay cheap. Quoted YAML scalars
// set `quote`. Compose interpolates from the host, not from sibling keys, so
// `expanded` is always value.text here. Input nested deeper than
// kMaxYamlNesting is rejected with an error before it reaches yaml-cpp.
Document ParseComposeEnvironment(std::string_view text);

inline constexpr int kMaxYamlNesting = 1000;  // yaml::kMaxNesting (frontend/yaml/yaml_source.h)

// The names of the services of a compose file (for "compose service" hosts).
std::vector<std::string> ComposeServiceNames(std::string_view text);

}  // namespace rdslint::dotenv

#endif  // RDSLINT_FRONTEND_DOTENV_DOTENV_H_
