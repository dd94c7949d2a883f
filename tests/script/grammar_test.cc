// The tree-sitter runtime and the compiled-in grammars: ABI, languages,
// located syntax errors, and walks that do not recurse.
#include <gtest/gtest.h>

#include <string>

#include "frontend/script/grammars.h"
#include "frontend/script/syntax_tree.h"

namespace rdslint::script {
namespace {

constexpr Language kAll[] = {Language::kTypeScript, Language::kTsx, Language::kJavaScript,
                             Language::kPython};

TEST(GrammarTest, RuntimeAcceptsEveryGrammarAbi) {
  for (Language l : kAll) {
    EXPECT_EQ(GrammarAbiProblem(l), "") << LanguageName(l);
    TSParser* parser = ts_parser_new();
    EXPECT_TRUE(ts_parser_set_language(parser, Grammar(l))) << LanguageName(l);
    EXPECT_EQ(ts_language_version(Grammar(l)), 14u) << "the pinned npm grammars are ABI 14";
    ts_parser_delete(parser);
  }
}

TEST(GrammarTest, LanguageFromExtension) {
  EXPECT_EQ(LanguageForPath("src/handler.ts"), Language::kTypeScript);
  EXPECT_EQ(LanguageForPath("a.mts"), Language::kTypeScript);
  EXPECT_EQ(LanguageForPath("a.cts"), Language::kTypeScript);
  EXPECT_EQ(LanguageForPath("App.tsx"), Language::kTsx);
  for (const char* js : {"a.js", "a.jsx", "a.mjs", "a.cjs"}) EXPECT_EQ(LanguageForPath(js), Language::kJavaScript) << js;
  EXPECT_EQ(LanguageForPath("app.py"), Language::kPython);
  EXPECT_FALSE(LanguageForPath("main.tf").has_value());
  EXPECT_FALSE(LanguageForPath("types.d.ts.map").has_value());
}

TEST(GrammarTest, EachLanguageParsesItsOwnSyntax) {
  const std::pair<Language, std::string> cases[] = {
      {Language::kTypeScript, "let p: PrismaClient | null = null;\nexport const handler = async (e: Event): Promise<void> => { p!.x satisfies T; };\n"},
      {Language::kTsx, "export const App = () => <div className=\"x\">{url}</div>;\n"},
      {Language::kJavaScript, "const { Pool } = require('pg');\nexports.handler = async (event) => <b>{event}</b>;\n"},
      {Language::kPython, "async def lambda_handler(event, context):\n    return f\"{event!r:>10}\"\n"},
  };
  for (const auto& [language, text] : cases) {
    SyntaxTree tree = SyntaxTree::Parse(text, language);
    ASSERT_TRUE(tree.ok());
    EXPECT_TRUE(tree.errors().empty()) << LanguageName(language) << ": " << tree.errors().front().message;
  }
}

TEST(GrammarTest, SyntaxErrorsAreLocatedAndNeverQuoteTheFile) {
  const std::string ts = "const ok = 1;\nconst secret = \"Pl4nted-x\" \"Pl4nted-y\";\nconst x = ;\n";
  SyntaxTree tree = SyntaxTree::Parse(ts, Language::kTypeScript);
  ASSERT_FALSE(tree.errors().empty());
  for (const SyntaxError& e : tree.errors()) {
    EXPECT_LE(e.range.end, ts.size());
    EXPECT_EQ(e.message.find("Pl4nted"), std::string::npos) << e.message;
    EXPECT_EQ(e.message.rfind("TypeScript syntax error", 0), 0u) << e.message;
  }
  EXPECT_GE(tree.errors().front().range.begin, ts.find('\n'));

  const std::string py = "def f(:\n    pass\n";
  SyntaxTree pt = SyntaxTree::Parse(py, Language::kPython);
  ASSERT_FALSE(pt.errors().empty());
  EXPECT_LT(pt.errors().front().range.begin, py.find('\n') + 1);
}

TEST(GrammarTest, DeepNestingWalksWithoutRecursion) {
  const int n = 20000;
  const std::string text = "x = " + std::string(n, '[') + std::string(n, ']') + "\n";
  SyntaxTree tree = SyntaxTree::Parse(text, Language::kPython);
  ASSERT_TRUE(tree.ok()) << (tree.errors().empty() ? "" : tree.errors().front().message);
  size_t nodes = 0, deepest = 0;
  Walk(tree.root(), [&](TSNode, const std::vector<TSNode>& ancestors) {
    ++nodes;
    deepest = std::max(deepest, ancestors.size());
    return true;
  });
  EXPECT_GT(deepest, static_cast<size_t>(n));
  EXPECT_GT(nodes, static_cast<size_t>(2 * n));
}

// A walk over the tree's node list sees what a cursor walk sees: the same
// nodes, in the same order, with the same ancestors, from the root or from
// any node below it, and skipping the children a visit declines.
TEST(GrammarTest, ListedWalkIsTheCursorWalk) {
  const std::string ts =
      "import { Pool } from 'pg';\nconst pool = new Pool({ ssl: true });\n"
      "export async function handler(e: any) {\n  try { return await pool.query(`select ${e.id}`); }\n"
      "  catch (err) { console.log(err); }\n}\nclass A { m() { return [1, [2, [3]]]; } }\n";
  const std::string py = "def f(a, *b, **c):\n    if a:\n        return [x for x in b if x]\n    return c\n";
  for (const auto& [text, language] : {std::pair{ts, Language::kTypeScript}, std::pair{py, Language::kPython}}) {
    SyntaxTree tree = SyntaxTree::Parse(text, language);
    ASSERT_TRUE(tree.ok());
    ASSERT_FALSE(tree.nodes().empty());
    using Visit = std::vector<std::pair<uint32_t, std::vector<uint32_t>>>;  // start byte, ancestors' starts
    auto record = [](Visit* out, int skip_every) {
      return [out, skip_every](TSNode n, const std::vector<TSNode>& ancestors) {
        std::vector<uint32_t> up;
        for (TSNode a : ancestors) up.push_back(ts_node_symbol(a) * 100000 + ts_node_start_byte(a));
        out->push_back({ts_node_symbol(n) * 100000 + ts_node_start_byte(n), up});
        return skip_every == 0 || out->size() % skip_every != 0;
      };
    };
    size_t roots = 0;
    for (const SyntaxTree::ListedNode& from : tree.nodes()) {
      for (int skip_every : {0, 3, 7}) {
        Visit cursor, listed;
        Walk(from.node, record(&cursor, skip_every));
        Walk(tree, from.node, record(&listed, skip_every));
        ASSERT_EQ(cursor, listed) << "from the node at byte " << from.start << ", skipping every " << skip_every;
      }
      ++roots;
    }
    EXPECT_GT(roots, 30u);
  }
}

TEST(GrammarTest, NullNodesAreSafe) {
  EXPECT_TRUE(NamedChildren(TSNode{}).empty());
  EXPECT_TRUE(ts_node_is_null(Field(TSNode{}, "name")));
  EXPECT_TRUE(RangeOf(TSNode{}).empty());
  SyntaxTree tree = SyntaxTree::Parse("x", Language::kPython);
  EXPECT_EQ(tree.Text(TSNode{}), "");
}

}  // namespace
}  // namespace rdslint::script
