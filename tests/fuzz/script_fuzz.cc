// Fuzzes the script frontend: tree-sitter parsing of TypeScript, TSX,
// JavaScript and Python, then the whole in-file dataflow (scopes, values,
// guards, handlers, code facts). Every range in the facts must lie inside
// the text; the prefilter's literal screen must agree with the RE2 set it
// stands before; nothing may crash, hang or recurse without bound.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frontend/script/code_facts.h"
#include "frontend/script/prefilter.h"
#include "frontend/script/syntax_tree.h"

namespace {

void CheckRange(rdslint::SourceRange r, size_t size) {
  if (r.begin > r.end || r.end > size) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rdslint::script;
  if (size == 0) return 0;
  // The first byte picks the grammar; the whole input is the source, so
  // that real files from testdata/ are good seeds as they are.
  static constexpr Language kLanguages[] = {Language::kTypeScript, Language::kTsx,
                                            Language::kJavaScript, Language::kPython};
  const Language language = kLanguages[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The screen before the RE2 set may only save work, never change the
  // answer.
  const DatabaseInterest screened = ScanForDatabase(text);
  const DatabaseInterest unscreened = internal::ScanUnscreened(text);
  if (screened.code_rules != unscreened.code_rules || screened.project_facts != unscreened.project_facts ||
      unscreened.code_rules != MayConcernDatabase(text)) {
    __builtin_trap();
  }
  const SyntaxTree tree = SyntaxTree::Parse(text, language);
  for (const SyntaxError& e : tree.errors()) CheckRange(e.range, size);
  FactsOptions options;
  options.handler_names = {"main"};
  options.prisma_env_vars = {"DATABASE_URL"};
  const CodeFacts facts = GatherCodeFacts(tree, options);
  for (const CodeUrl& u : facts.urls) {
    CheckRange(u.value->expr, size);
    CheckRange(u.ToSource(u.conn.range), size);
    CheckRange(u.ToSource(u.conn.host.range), size);
    CheckRange(u.ToSource(u.conn.password.range), size);
    for (const Hole& h : u.value->holes) CheckRange(h.expr, size);
    uint32_t at = 0;
    if (u.value->InsertionPoint(u.conn.param_insert_offset, &at) && at > size) __builtin_trap();
  }
  for (const ClientConfig& c : facts.clients) {
    CheckRange(c.call, size);
    CheckRange(c.callee, size);
  }
  for (const CredentialRead& r : facts.reads) CheckRange(r.call, size);
  for (const EnvWrite& w : facts.env_writes) CheckRange(w.target, size);
  for (const PrismaLifecycle& p : facts.prisma) CheckRange(p.where, size);
  for (const rdslint::SourceRange& r : facts.secret_literals) CheckRange(r, size);
  return 0;
}
