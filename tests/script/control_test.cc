// Handlers, per-invocation code, once-per-container code, guards, TTLs and
// resets.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/script/script_test_util.h"

namespace rdslint::script {
namespace {

// The ancestors of `node`, for GuardOf/OnceAt.
std::vector<TSNode> AncestorsOf(const SyntaxTree& tree, TSNode node) {
  std::vector<TSNode> found;
  Walk(tree.root(), [&](TSNode n, const std::vector<TSNode>& ancestors) {
    if (SameNode(n, node)) found = ancestors;
    return ts_node_start_byte(n) <= ts_node_start_byte(node) && ts_node_end_byte(node) <= ts_node_end_byte(n);
  });
  return found;
}

std::vector<std::string> HandlerNames(const char* text, Language language,
                                      std::vector<std::string> graph = {}) {
  Script s(text, language);
  ControlFlow flow(s.tree(), s.scopes(), s.eval(), graph);
  std::vector<std::string> out;
  for (const Handler& h : flow.handlers()) out.push_back(s.scopes().functions()[h.function].name + "=" + h.name);
  return out;
}

TEST(ControlTest, RecognisesHandlers) {
  using V = std::vector<std::string>;
  EXPECT_EQ(HandlerNames("export const handler = async () => 1;", Language::kTypeScript), V{"handler=handler"});
  EXPECT_EQ(HandlerNames("export async function handler(e) {}", Language::kTypeScript), V{"handler=handler"});
  EXPECT_EQ(HandlerNames("exports.handler = async function (e) {};", Language::kJavaScript),
            V{"exports.handler=handler"});
  EXPECT_EQ(HandlerNames("module.exports.handler = async (e) => {};", Language::kJavaScript),
            V{"module.exports.handler=handler"});
  EXPECT_EQ(HandlerNames("async function main() {}\nmodule.exports = { handler: main };", Language::kJavaScript),
            V{"main=handler"});
  EXPECT_EQ(HandlerNames("function handler() {}\nmodule.exports = { handler };", Language::kJavaScript),
            V{"handler=handler"});
  EXPECT_EQ(HandlerNames("const base = async () => 1;\nexport const handler = middy(base).use(x());", Language::kTypeScript),
            V{"base=handler"});
  EXPECT_EQ(HandlerNames("async function run() {}\nexport { run as handler };", Language::kTypeScript), V{"run=handler"});
  EXPECT_EQ(HandlerNames("def lambda_handler(event, context):\n    pass\n", Language::kPython),
            V{"lambda_handler=lambda_handler"});
  EXPECT_EQ(HandlerNames("def process(event, context):\n    pass\n", Language::kPython), V{"process=process"});
  // Named by the project graph (template.yaml Handler: app.main).
  EXPECT_EQ(HandlerNames("export async function main() {}", Language::kTypeScript, {"main"}), V{"main=main"});
  EXPECT_TRUE(HandlerNames("export async function main() {}", Language::kTypeScript).empty());
  EXPECT_TRUE(HandlerNames("const handler = () => 1;", Language::kTypeScript).empty()) << "not exported";
}

TEST(ControlTest, PerInvocationFollowsUnguardedCalls) {
  Script s(
      "let cache;\n"
      "function direct() {}\n"
      "function guarded() {}\n"
      "function nested() { direct(); }\n"
      "function unused() {}\n"
      "export const handler = async () => { nested(); if (!cache) { cache = guarded(); } };\n",
      Language::kJavaScript);
  ControlFlow flow(s.tree(), s.scopes(), s.eval(), {});
  auto index = [&](const char* name) {
    for (size_t i = 0; i < s.scopes().functions().size(); ++i) {
      if (s.scopes().functions()[i].name == name) return static_cast<int>(i);
    }
    return -1;
  };
  std::string path;
  EXPECT_TRUE(flow.PerInvocation(index("direct"), &path));
  EXPECT_EQ(path, "handler() -> nested() -> direct()");
  EXPECT_FALSE(flow.PerInvocation(index("guarded")));
  EXPECT_FALSE(flow.PerInvocation(index("unused")));
}

struct GuardCase {
  const char* text;
  Language language;
  const char* at;  // the call the guard protects
  const char* state;
  bool clock;
  double ttl;  // -1 unknown
};

TEST(ControlTest, GuardsAndTheirTtl) {
  const GuardCase cases[] = {
      {"let p;\nfunction f() { if (!p) { p = load(); } }", Language::kJavaScript, "load()", "p", false, -1},
      {"let p;\nfunction f() { p ??= load(); }", Language::kJavaScript, "load()", "p", false, -1},
      {"let p;\nfunction f() { return p || (p = load()); }", Language::kJavaScript, "load()", "p", false, -1},
      {"let p;\nfunction f() { if (p) return p;\n  p = load(); }", Language::kJavaScript, "load()", "p", false, -1},
      {"let p;\nfunction f() { if (p != null) { use(); } else { p = load(); } }", Language::kJavaScript, "load()", "p", false, -1},
      {"let c; let at = 0; const TTL_MS = 10 * 60 * 1000;\n"
       "function f() { if (!c || Date.now() - at > TTL_MS) { c = load(); at = Date.now(); } }",
       Language::kJavaScript, "load()", "c", true, 600},
      {"let c; let expiresAt = 0;\n"
       "function f() { if (!c || Date.now() > expiresAt - 60_000) { c = load(); expiresAt = Date.now() + 20 * 60_000; } }",
       Language::kJavaScript, "load()", "c", true, 1140},
      {"_c = None\n_t = 0\ndef f():\n    global _c, _t\n    if _c is None or time.time() - _t > 300:\n        _c = load()\n",
       Language::kPython, "load()", "_c", true, 300},
      {"_c = None\ndef f():\n    global _c\n    if not _c or datetime.now() - _c.at > timedelta(minutes=20):\n        _c = load()\n",
       Language::kPython, "load()", "_c", true, 1200},
  };
  for (const GuardCase& c : cases) {
    Script s(c.text, c.language);
    ControlFlow flow(s.tree(), s.scopes(), s.eval(), {});
    TSNode call = s.Find(c.at);
    ASSERT_FALSE(ts_node_is_null(call)) << c.text;
    std::optional<Guard> g = flow.GuardOf(call, AncestorsOf(s.tree(), call));
    ASSERT_TRUE(g.has_value()) << c.text;
    EXPECT_EQ(g->state, c.state) << c.text;
    EXPECT_EQ(g->clock, c.clock) << c.text;
    EXPECT_NEAR(g->ttl_seconds, c.ttl, 0.5) << c.text;
  }
}

TEST(ControlTest, LocalsAndParametersAreNotGuards) {
  Script s("function f(p) { let q; if (!p) load(); if (!q) load2(); }", Language::kJavaScript);
  ControlFlow flow(s.tree(), s.scopes(), s.eval(), {});
  for (const char* at : {"load()", "load2()"}) {
    TSNode call = s.Find(at);
    EXPECT_FALSE(flow.GuardOf(call, AncestorsOf(s.tree(), call)).has_value()) << at;
  }
  Script py("_c = None\ndef f():\n    if _c is None:\n        _c = load()\n", Language::kPython);
  ControlFlow pyflow(py.tree(), py.scopes(), py.eval(), {});
  TSNode call = py.Find("load()");
  EXPECT_FALSE(pyflow.GuardOf(call, AncestorsOf(py.tree(), call)).has_value())
      << "without `global`, _c is a local of f";
}

TEST(ControlTest, OnceAndResets) {
  Script s(
      "let pool;\nlet other;\n"
      "const boot = load('a');\n"
      "async function init() { return load('b'); }\n"
      "const ready = init();\n"
      "function getPool() { if (!pool) pool = load('c'); return pool; }\n"
      "function getOther() { if (!other) other = load('d'); return other; }\n"
      "async function query() { try { return getOther(); } catch (e) { other = undefined; throw e; } }\n"
      "function perCall() { return load('e'); }\n",
      Language::kJavaScript);
  ControlFlow flow(s.tree(), s.scopes(), s.eval(), {});
  auto once = [&](const char* call) {
    TSNode n = s.Find(call);
    return flow.OnceAt(n, AncestorsOf(s.tree(), n));
  };
  Once a = once("load('a')");
  EXPECT_TRUE(a.once && !a.expires);
  EXPECT_EQ(a.how, "at module scope");
  EXPECT_EQ(a.state, "boot");
  Once b = once("load('b')");
  EXPECT_TRUE(b.once);
  EXPECT_EQ(b.how, "in init(), called at module scope");
  Once c = once("load('c')");
  EXPECT_TRUE(c.once && !c.expires);
  EXPECT_EQ(c.state, "pool");
  Once d = once("load('d')");
  EXPECT_TRUE(d.once && d.expires) << "reset in a catch";
  EXPECT_FALSE(once("load('e')").once);
  std::string how;
  EXPECT_TRUE(flow.IsReset("other", &how));
  EXPECT_EQ(how, "it is reset to empty");
  EXPECT_FALSE(flow.IsReset("pool"));
}

TEST(ControlTest, LruCacheRunsOnce) {
  Script s(
      "import functools\n"
      "@functools.lru_cache(maxsize=1)\ndef creds():\n    return load(1)\n"
      "@cached(cache=TTLCache(maxsize=1, ttl=300))\ndef fresh():\n    return load(2)\n",
      Language::kPython);
  ControlFlow flow(s.tree(), s.scopes(), s.eval(), {});
  TSNode one = s.Find("load(1)");
  Once a = flow.OnceAt(one, AncestorsOf(s.tree(), one));
  EXPECT_TRUE(a.once && !a.expires);
  TSNode two = s.Find("load(2)");
  Once b = flow.OnceAt(two, AncestorsOf(s.tree(), two));
  EXPECT_TRUE(b.once && b.expires);
}

}  // namespace
}  // namespace rdslint::script
