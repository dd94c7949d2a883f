// The languages the script frontend reads, and their compiled-in tree-sitter
// grammars.
#ifndef RDSLINT_FRONTEND_SCRIPT_GRAMMARS_H_
#define RDSLINT_FRONTEND_SCRIPT_GRAMMARS_H_

#include <optional>
#include <string>
#include <string_view>

struct TSLanguage;

namespace rdslint::script {

enum class Language { kTypeScript, kTsx, kJavaScript, kPython };

// .ts .mts .cts -> TypeScript, .tsx -> TSX, .js .jsx .mjs .cjs -> JavaScript
// (its grammar includes JSX), .py -> Python.
std::optional<Language> LanguageForPath(std::string_view path);
std::string_view LanguageName(Language language);  // "TypeScript", ...
bool IsPython(Language language);

const TSLanguage* Grammar(Language language);

// Why the linked tree-sitter runtime refuses a grammar (its ABI version is
// outside what the runtime accepts), or "" when it accepts it.
std::string GrammarAbiProblem(Language language);

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_GRAMMARS_H_
