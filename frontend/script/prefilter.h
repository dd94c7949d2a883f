// The cheap test before a script is parsed: one RE2 pass for the tokens the
// code rules care about (database drivers and ORMs, Secrets Manager, the RDS
// IAM signer, connection-string words). Most files of a real repository
// mention none of them and never reach the parser; most do not even reach
// the RE2 pass, turned away by a screen for the words the patterns hold.
#ifndef RDSLINT_FRONTEND_SCRIPT_PREFILTER_H_
#define RDSLINT_FRONTEND_SCRIPT_PREFILTER_H_

#include <string_view>

namespace rdslint::script {

bool MayConcernDatabase(std::string_view text);

// Both questions the linter asks of a script, answered in one pass over its
// bytes: does a code rule start from a token in it (MayConcernDatabase),
// and does it concern the database for the project facts (that, or it reads
// a database setting from the environment: `process.env.DB_SECRET_ARN` in a
// config module).
struct DatabaseInterest {
  bool code_rules = false;
  bool project_facts = false;
};
DatabaseInterest ScanForDatabase(std::string_view text);

// The pattern, for documentation and tests.
std::string_view PrefilterPattern();

namespace internal {
// The screen before the RE2 set: false only when neither pattern can
// match (no word every alternative contains is there). Exposed for tests.
bool MayMatchLiterally(std::string_view text);
// ScanForDatabase without the screen: the RE2 set alone. The two must
// always agree (tests and the script fuzz target check it).
DatabaseInterest ScanUnscreened(std::string_view text);
}  // namespace internal

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_PREFILTER_H_
