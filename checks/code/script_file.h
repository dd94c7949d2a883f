// A TypeScript, JavaScript or Python file prepared once for all code checks:
// its syntax tree and the facts the script frontend gathers from it (URLs,
// client configurations, credential reads, environment writes, PrismaClient
// lifecycles), with every literal secret marked in the SecretMask.
#ifndef RDSLINT_CHECKS_CODE_SCRIPT_FILE_H_
#define RDSLINT_CHECKS_CODE_SCRIPT_FILE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/secret_mask.h"
#include "core/source.h"
#include "frontend/discover/project_facts.h"
#include "frontend/script/code_facts.h"
#include "frontend/script/syntax_tree.h"

namespace rdslint {

struct ScriptFile {
  ScriptFile(const script::SyntaxTree& tree, script::CodeFacts facts)
      : tree(&tree), facts(std::move(facts)), lines(tree.text()) {}

  const script::SyntaxTree* tree;
  script::CodeFacts facts;
  LineIndex lines;

  bool python() const { return tree->python(); }
  std::string_view text() const { return tree->text(); }
  // "line 12", for messages that point elsewhere in the file.
  std::string Line(uint32_t offset) const { return "line " + std::to_string(lines.Locate(offset).line); }
};

// The export names the project's functions name as handlers in `path`
// ("src/handler.handler" names `handler` in any src/handler.* or
// dist/handler.*: code is often built elsewhere than it is written).
std::vector<std::string> GraphHandlerNames(const ProjectFacts& project, std::string_view path);

// The same for every path, worked out once for a run: GraphHandlerNames
// scans every function of the project for each script.
class HandlerIndex {
 public:
  explicit HandlerIndex(const ProjectFacts& project);
  std::vector<std::string> Names(std::string_view path) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> by_stem_;
};

// Gathers the facts of a parsed script and marks its literal secrets
// (`handlers`: the run's index, else the functions are scanned).
ScriptFile PrepareScriptFile(const script::SyntaxTree& tree, std::string_view path,
                             const ProjectFacts& project, SecretMask* mask,
                             const HandlerIndex* handlers = nullptr);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CODE_SCRIPT_FILE_H_
