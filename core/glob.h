// Glob matching for check names and paths.
#ifndef RDSLINT_CORE_GLOB_H_
#define RDSLINT_CORE_GLOB_H_

#include <string_view>

namespace rdslint {

// Check-name globs, as clang-tidy's: '*' matches any run of characters.
bool MatchCheckGlob(std::string_view glob, std::string_view name);

// Path globs: '*' and '?' stop at '/', '**' crosses folders, [abc] and [!a-z]
// classes. Both arguments use '/' separators.
bool MatchPathGlob(std::string_view glob, std::string_view path);

}  // namespace rdslint

#endif  // RDSLINT_CORE_GLOB_H_
