#include "frontend/script/grammars.h"

#include <tree_sitter/api.h>

extern "C" {
const TSLanguage* tree_sitter_typescript(void);
const TSLanguage* tree_sitter_tsx(void);
const TSLanguage* tree_sitter_javascript(void);
const TSLanguage* tree_sitter_python(void);
}

namespace rdslint::script {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<Language> LanguageForPath(std::string_view path) {
  if (EndsWith(path, ".tsx")) return Language::kTsx;
  for (std::string_view ext : {".ts", ".mts", ".cts"}) {
    if (EndsWith(path, ext)) return Language::kTypeScript;
  }
  for (std::string_view ext : {".js", ".jsx", ".mjs", ".cjs"}) {
    if (EndsWith(path, ext)) return Language::kJavaScript;
  }
  if (EndsWith(path, ".py")) return Language::kPython;
  return std::nullopt;
}

std::string_view LanguageName(Language language) {
  switch (language) {
    case Language::kTypeScript: return "TypeScript";
    case Language::kTsx: return "TSX";
    case Language::kJavaScript: return "JavaScript";
    case Language::kPython: return "Python";
  }
  return "script";
}

bool IsPython(Language language) { return language == Language::kPython; }

const TSLanguage* Grammar(Language language) {
  switch (language) {
    case Language::kTypeScript: return tree_sitter_typescript();
    case Language::kTsx: return tree_sitter_tsx();
    case Language::kJavaScript: return tree_sitter_javascript();
    case Language::kPython: return tree_sitter_python();
  }
  return nullptr;
}

std::string GrammarAbiProblem(Language language) {
  const uint32_t abi = ts_language_version(Grammar(language));
  if (abi >= TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION && abi <= TREE_SITTER_LANGUAGE_VERSION) {
    return "";
  }
  return "the " + std::string(LanguageName(language)) + " grammar has ABI " +
         std::to_string(abi) + ", and the tree-sitter runtime accepts " +
         std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) + " to " +
         std::to_string(TREE_SITTER_LANGUAGE_VERSION);
}

}  // namespace rdslint::script
