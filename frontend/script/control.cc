#include "frontend/script/control.h"

#include <algorithm>
#include <cctype>
#include <deque>

namespace rdslint::script {
namespace {

constexpr int kMaxOnceDepth = 8;
// `!a || !b || ...` chains and the ancestors searched for a guard: deeper
// than any real code, shallow enough that adversarial input stays linear.
constexpr int kMaxTestDepth = 32;
constexpr size_t kMaxGuardAncestors = 200;

TSNode Strip(TSNode n) {
  while (Is(n, "parenthesized_expression") || Is(n, "non_null_expression") ||
         Is(n, "as_expression") || Is(n, "await_expression") || Is(n, "await")) {
    TSNode inner = FirstNamedChild(n);
    if (IsNull(inner)) break;
    n = inner;
  }
  return n;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsNullish(const SyntaxTree& tree, TSNode n) {
  n = Strip(n);
  return Is(n, "null") || Is(n, "undefined") || Is(n, "none") ||
         (Is(n, "identifier") && tree.Text(n) == "undefined") ||
         (Is(n, "unary_expression") && tree.Text(Field(n, "operator")) == "void");
}

// The operator of a Python comparison: "is", "is not", "==", "!=".
std::string ComparisonOperator(const SyntaxTree& tree, TSNode n) {
  std::string op;
  const uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_child(n, i);
    if (ts_node_is_named(c)) continue;
    if (!op.empty()) op += ' ';
    op += std::string(tree.Text(c));
  }
  return op;
}

bool ReturnsEarly(TSNode consequence) {
  if (Is(consequence, "return_statement")) return true;
  if (Is(consequence, "statement_block") || Is(consequence, "block")) {
    for (TSNode s : NamedChildren(consequence)) {
      if (Is(s, "return_statement")) return true;
    }
  }
  return false;
}

std::string Trimmed(std::string_view s) { return CollapseSpace(s, 60); }

}  // namespace

ControlFlow::ControlFlow(const SyntaxTree& tree, const ScopeIndex& scopes, Evaluator& eval,
                         const std::vector<std::string>& handler_names)
    : tree_(tree), scopes_(scopes), eval_(eval) {
  if (!tree.ok()) return;
  Collect();
  FindHandlers(handler_names);
  ComputePerInvocation();
}

bool ControlFlow::InCatch(uint32_t offset) const {
  for (const SourceRange& r : catches_) {
    if (r.begin <= offset && offset < r.end) return true;
  }
  return false;
}

bool ControlFlow::IsModuleState(TSNode identifier) const {
  if (!Is(identifier, "identifier")) return false;
  const uint32_t at = ts_node_start_byte(identifier);
  if (scopes_.FunctionAt(at) == kModuleScope) return false;
  const std::string_view name = tree_.Text(identifier);
  const Resolution r = scopes_.Resolve(name, at);
  if (!r.declared || r.scope != kModuleScope) return false;
  for (const Binding* b : scopes_.BindingsOf(name, kModuleScope)) {
    if (b->kind == BindingKind::kImport || b->kind == BindingKind::kFunction) return false;
  }
  return true;
}

std::string ControlFlow::StateName(TSNode expr) const {
  TSNode n = Strip(expr);
  for (int i = 0; i < 32; ++i) {
    if (Is(n, "member_expression") || Is(n, "attribute")) {
      n = Strip(Field(n, "object"));
    } else if (Is(n, "subscript_expression")) {
      n = Strip(Field(n, "object"));
    } else if (Is(n, "subscript")) {
      n = Strip(Field(n, "value"));
    } else {
      break;
    }
  }
  return IsModuleState(n) ? std::string(tree_.Text(n)) : "";
}

void ControlFlow::Collect() {
  // One walk; the catch clauses open around a node are counted as it goes.
  std::vector<uint32_t> open_catches;  // end offsets
  Walk(tree_, tree_.root(), [&](TSNode n, const std::vector<TSNode>& ancestors) {
    const uint32_t at = ts_node_start_byte(n);
    while (!open_catches.empty() && at >= open_catches.back()) open_catches.pop_back();
    if (!ts_node_is_named(n)) return true;
    const NodeKind is(n);
    if (is("catch_clause") || is("except_clause") || is("except_group_clause")) {
      catches_.push_back(RangeOf(n));
      open_catches.push_back(ts_node_end_byte(n));
      return true;
    }
    const bool in_catch = !open_catches.empty();
    if (IsCall(is)) {
      TSNode callee = Strip(Field(n, "function"));
      if (Is(callee, "identifier")) {
        const int f = scopes_.FunctionNamed(tree_.Text(callee), at);
        if (f >= 0) {
          CallSite site;
          site.callee = f;
          site.caller = scopes_.FunctionAt(at);
          site.range = RangeOf(n);
          site.guard = GuardOf(n, ancestors);
          site.in_catch = in_catch;
          if (site.in_catch) called_from_catch_.insert(f);
          calls_.push_back(std::move(site));
        }
      } else if ((Is(callee, "member_expression") || Is(callee, "attribute"))) {
        std::string_view method = tree_.Text(Field(callee, tree_.python() ? "attribute" : "property"));
        TSNode object = Strip(Field(callee, "object"));
        if (method == "cache_clear" || method == "cache_invalidate") {
          cleared_.insert(std::string(tree_.Text(object)));
        } else if (method == "clear" || method == "pop" || method == "delete") {
          std::string state = StateName(object);
          if (!state.empty()) cleared_.insert(state);
        }
      }
      return true;
    }
    if (is("unary_expression") && tree_.Text(Field(n, "operator")) == "delete") {
      TSNode arg = Strip(Field(n, "argument"));
      cleared_.insert(CollapseSpace(tree_.Text(arg), 200));
      std::string state = StateName(arg);
      if (!state.empty()) cleared_.insert(state);
      return true;
    }
    if (is("delete_statement")) {
      for (TSNode t : NamedChildren(n)) {
        std::string state = StateName(t);
        if (!state.empty()) cleared_.insert(state);
        cleared_.insert(CollapseSpace(tree_.Text(t), 200));
      }
      return true;
    }
    const bool assign = is("assignment_expression") || is("augmented_assignment_expression") ||
                        is("assignment") || is("augmented_assignment");
    if (assign && scopes_.FunctionAt(at) != kModuleScope) {
      TSNode left = Strip(Field(n, "left"));
      std::vector<TSNode> targets{left};
      if (Is(left, "pattern_list") || Is(left, "tuple_pattern")) targets = NamedChildren(left);
      for (TSNode t : targets) {
        const std::string name = StateName(t);
        if (name.empty()) continue;
        StateWrite w;
        w.name = name;
        w.range = RangeOf(n);
        w.function = scopes_.FunctionAt(at);
        w.in_catch = in_catch;
        std::optional<Guard> g = GuardOf(n, ancestors);
        w.guarded_by_itself = g && g->state == name;
        w.null_value = IsNullish(tree_, Field(n, "right")) && Is(t, "identifier");
        writes_.push_back(std::move(w));
      }
    }
    return true;
  });
}

// --- Handlers --------------------------------------------------------------

void ControlFlow::MarkHandler(int function, const std::string& name, const std::string& how) {
  if (function < 0) return;
  for (const Handler& h : handlers_) {
    if (h.function == function) return;
  }
  handlers_.push_back(Handler{function, name, how});
}

void ControlFlow::FindHandlers(const std::vector<std::string>& graph_names) {
  std::vector<std::string> names = graph_names;
  names.push_back(tree_.python() ? "lambda_handler" : "handler");
  if (tree_.python()) names.push_back("handler");
  auto wanted = [&](std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  auto graph = [&](std::string_view n) {
    return std::find(graph_names.begin(), graph_names.end(), n) != graph_names.end();
  };
  auto how_for = [&](std::string_view n, std::string form) {
    return graph(n) ? form + " (named as a handler by the project's IaC)" : form;
  };
  const auto& functions = scopes_.functions();
  auto function_of = [&](TSNode value) -> std::vector<int> {
    // A function, a name bound to one, or a wrapper call (middy(fn), wrap(async () => ...)).
    std::vector<int> out;
    value = Strip(value);
    if (Is(value, "identifier")) {
      out.push_back(scopes_.FunctionNamed(tree_.Text(value), ts_node_start_byte(value)));
      return out;
    }
    if (IsCall(value)) {
      TSNode args = Field(value, "arguments");
      for (TSNode a : NamedChildren(args)) {
        for (int f : [&] {
               std::vector<int> inner;
               TSNode s = Strip(a);
               if (Is(s, "identifier")) {
                 inner.push_back(scopes_.FunctionNamed(tree_.Text(s), ts_node_start_byte(s)));
               } else {
                 const int f = scopes_.FunctionAt(ts_node_start_byte(s));
                 if (f >= 0 && functions[f].range == RangeOf(s)) inner.push_back(f);
               }
               return inner;
             }()) {
          out.push_back(f);
        }
      }
      // middy(fn).use(...): the wrapper is the receiver of a method chain.
      TSNode callee = Field(value, "function");
      for (int i = 0; i < 8 && (Is(callee, "member_expression")); ++i) {
        TSNode object = Strip(Field(callee, "object"));
        if (!IsCall(object)) break;
        for (int f : [&] {
               std::vector<int> inner;
               for (TSNode a : NamedChildren(Field(object, "arguments"))) {
                 TSNode s = Strip(a);
                 if (Is(s, "identifier")) {
                   inner.push_back(scopes_.FunctionNamed(tree_.Text(s), ts_node_start_byte(s)));
                 } else {
                   const int g = scopes_.FunctionAt(ts_node_start_byte(s));
                   if (g >= 0 && functions[g].range == RangeOf(s)) inner.push_back(g);
                 }
               }
               return inner;
             }()) {
          out.push_back(f);
        }
        callee = Field(object, "function");
      }
      return out;
    }
    const int f = scopes_.FunctionAt(ts_node_start_byte(value));
    if (f >= 0 && functions[f].range == RangeOf(value)) out.push_back(f);
    return out;
  };

  for (TSNode stmt : NamedChildren(tree_.root())) {
    if (tree_.python()) {
      TSNode def = Is(stmt, "decorated_definition") ? Field(stmt, "definition") : stmt;
      if (!Is(def, "function_definition")) continue;
      const std::string name(tree_.Text(Field(def, "name")));
      std::vector<std::string> params;
      for (TSNode p : NamedChildren(Field(def, "parameters"))) {
        TSNode id = Is(p, "identifier") ? p : FirstNamedChild(p);
        params.emplace_back(tree_.Text(id));
      }
      const bool event_context = params.size() == 2 && params[0] == "event" && params[1] == "context";
      if (wanted(name) || event_context) {
        MarkHandler(scopes_.FunctionAt(ts_node_start_byte(def)), name,
                    how_for(name, "def " + name + "(" + (params.size() == 2 ? params[0] + ", " + params[1] : std::string("...")) + ")"));
      }
      continue;
    }
    if (Is(stmt, "export_statement")) {
      TSNode decl = Field(stmt, "declaration");
      if (Is(decl, "function_declaration") || Is(decl, "generator_function_declaration")) {
        const std::string name(tree_.Text(Field(decl, "name")));
        if (wanted(name)) {
          MarkHandler(scopes_.FunctionAt(ts_node_start_byte(decl)), name,
                      how_for(name, "export function " + name));
        }
      } else if (Is(decl, "lexical_declaration") || Is(decl, "variable_declaration")) {
        for (TSNode d : NamedChildren(decl)) {
          if (!Is(d, "variable_declarator")) continue;
          const std::string name(tree_.Text(Field(d, "name")));
          if (!wanted(name)) continue;
          for (int f : function_of(Field(d, "value"))) {
            MarkHandler(f, name, how_for(name, "export const " + name));
          }
        }
      }
      for (TSNode c : NamedChildren(stmt)) {
        if (!Is(c, "export_clause")) continue;
        for (TSNode spec : NamedChildren(c)) {
          TSNode local = Field(spec, "name");
          TSNode alias = Field(spec, "alias");
          const std::string exported(tree_.Text(IsNull(alias) ? local : alias));
          if (!wanted(exported)) continue;
          MarkHandler(scopes_.FunctionNamed(tree_.Text(local), ts_node_start_byte(local)), exported,
                      how_for(exported, "export { " + std::string(tree_.Text(local)) + " as " + exported + " }"));
        }
      }
      continue;
    }
    if (!Is(stmt, "expression_statement")) continue;
    TSNode e = Strip(FirstNamedChild(stmt));
    if (!Is(e, "assignment_expression")) continue;
    const std::string left = CollapseSpace(tree_.Text(Field(e, "left")), 200);
    TSNode right = Strip(Field(e, "right"));
    for (const char* prefix : {"exports.", "module.exports."}) {
      if (left.rfind(prefix, 0) != 0) continue;
      const std::string name = left.substr(std::strlen(prefix));
      if (!wanted(name)) continue;
      for (int f : function_of(right)) MarkHandler(f, name, how_for(name, left));
    }
    if (left == "module.exports" && Is(right, "object")) {
      for (TSNode p : NamedChildren(right)) {
        if (Is(p, "pair")) {
          const std::string name(tree_.Text(Field(p, "key")));
          if (!wanted(name)) continue;
          for (int f : function_of(Field(p, "value"))) MarkHandler(f, name, how_for(name, "module.exports." + name));
        } else if (Is(p, "shorthand_property_identifier")) {
          const std::string name(tree_.Text(p));
          if (!wanted(name)) continue;
          MarkHandler(scopes_.FunctionNamed(name, ts_node_start_byte(p)), name,
                      how_for(name, "module.exports." + name));
        }
      }
    }
  }
}

void ControlFlow::ComputePerInvocation() {
  const auto& functions = scopes_.functions();
  per_invocation_from_.assign(functions.size(), -2);
  std::deque<int> queue;
  for (const Handler& h : handlers_) {
    per_invocation_from_[h.function] = -1;
    queue.push_back(h.function);
  }
  std::vector<std::vector<size_t>> calls_by_caller(functions.size());
  std::vector<std::vector<int>> children(functions.size());
  for (size_t i = 0; i < calls_.size(); ++i) {
    if (calls_[i].caller >= 0) calls_by_caller[calls_[i].caller].push_back(i);
  }
  for (size_t f = 0; f < functions.size(); ++f) {
    if (functions[f].parent >= 0 && functions[f].name.empty()) children[functions[f].parent].push_back(static_cast<int>(f));
  }
  while (!queue.empty()) {
    const int f = queue.front();
    queue.pop_front();
    for (size_t i : calls_by_caller[f]) {
      const CallSite& c = calls_[i];
      if (c.guard || per_invocation_from_[c.callee] != -2) continue;
      per_invocation_from_[c.callee] = f;
      queue.push_back(c.callee);
    }
    for (int g : children[f]) {
      if (per_invocation_from_[g] != -2) continue;
      per_invocation_from_[g] = f;
      queue.push_back(g);
    }
  }
}

bool ControlFlow::PerInvocation(int function, std::string* path) const {
  if (function < 0 || function >= static_cast<int>(per_invocation_from_.size()) ||
      per_invocation_from_[function] == -2) {
    return false;
  }
  if (path) {
    std::vector<std::string> chain;
    int f = function;
    for (int i = 0; i < 64 && f >= 0; ++i) {
      const std::string& name = scopes_.functions()[f].name;
      if (!name.empty() || per_invocation_from_[f] == -1) {
        std::string shown = name.empty() ? "handler" : name;
        for (const Handler& h : handlers_) {
          if (h.function == f) shown = h.name;
        }
        chain.push_back(shown + "()");
      }
      f = per_invocation_from_[f];
    }
    std::reverse(chain.begin(), chain.end());
    path->clear();
    for (size_t i = 0; i < chain.size(); ++i) {
      if (i) *path += " -> ";
      *path += chain[i];
    }
  }
  return true;
}

// --- Guards ---------------------------------------------------------------

std::string ControlFlow::EmptinessTest(TSNode cond, int depth) {
  if (depth > kMaxTestDepth) return "";
  cond = Strip(cond);
  if (Is(cond, "unary_expression") && tree_.Text(Field(cond, "operator")) == "!") {
    return StateName(Field(cond, "argument"));
  }
  if (Is(cond, "not_operator")) return StateName(Field(cond, "argument"));
  if (Is(cond, "binary_expression")) {
    const std::string_view op = tree_.Text(Field(cond, "operator"));
    TSNode l = Field(cond, "left"), r = Field(cond, "right");
    if (op == "==" || op == "===") {
      if (IsNullish(tree_, r)) return StateName(l);
      if (IsNullish(tree_, l)) return StateName(r);
      // typeof x === "undefined"
      TSNode t = Strip(l);
      if (Is(t, "unary_expression") && tree_.Text(Field(t, "operator")) == "typeof" &&
          tree_.Text(r).find("undefined") != std::string_view::npos) {
        return StateName(Field(t, "argument"));
      }
    }
    if (op == "||" || op == "??") {
      std::string s = EmptinessTest(l, depth + 1);
      return s.empty() ? EmptinessTest(r, depth + 1) : s;
    }
  }
  if (Is(cond, "comparison_operator")) {
    std::vector<TSNode> c = NamedChildren(cond);
    const std::string op = ComparisonOperator(tree_, cond);
    if (c.size() == 2 && (op == "is" || op == "==") && IsNullish(tree_, c[1])) return StateName(c[0]);
  }
  if (Is(cond, "boolean_operator") && tree_.Text(Field(cond, "operator")) == "or") {
    TSNode l = Field(cond, "left"), r = Field(cond, "right");
    std::string s = EmptinessTest(l, depth + 1);
    return s.empty() ? EmptinessTest(r, depth + 1) : s;
  }
  return "";
}

std::string ControlFlow::PresenceTest(TSNode cond, int depth) {
  if (depth > kMaxTestDepth) return "";
  cond = Strip(cond);
  if (Is(cond, "identifier") || Is(cond, "member_expression") || Is(cond, "attribute") ||
      Is(cond, "subscript_expression") || Is(cond, "subscript")) {
    return StateName(cond);
  }
  if (Is(cond, "binary_expression")) {
    const std::string_view op = tree_.Text(Field(cond, "operator"));
    TSNode l = Field(cond, "left"), r = Field(cond, "right");
    if (op == "!=" || op == "!==") {
      if (IsNullish(tree_, r)) return StateName(l);
      if (IsNullish(tree_, l)) return StateName(r);
    }
    if (op == "&&") {
      std::string s = PresenceTest(l, depth + 1);
      return s.empty() ? PresenceTest(r, depth + 1) : s;
    }
  }
  if (Is(cond, "comparison_operator")) {
    std::vector<TSNode> c = NamedChildren(cond);
    const std::string op = ComparisonOperator(tree_, cond);
    if (c.size() == 2 && (op == "is not" || op == "!=") && IsNullish(tree_, c[1])) return StateName(c[0]);
  }
  if (Is(cond, "boolean_operator") && tree_.Text(Field(cond, "operator")) == "and") {
    TSNode l = Field(cond, "left"), r = Field(cond, "right");
    std::string s = PresenceTest(l, depth + 1);
    return s.empty() ? PresenceTest(r, depth + 1) : s;
  }
  return "";
}

std::optional<Guard> ControlFlow::MakeGuard(const std::string& state, TSNode whole,
                                            std::string display) {
  if (state.empty()) return std::nullopt;
  Guard g;
  g.state = state;
  g.test = RangeOf(whole);
  g.display = std::move(display);
  g.clock = HasClock(whole);
  if (g.clock) g.ttl_seconds = TtlSeconds(whole);
  return g;
}

std::optional<Guard> ControlFlow::GuardOf(TSNode node, const std::vector<TSNode>& ancestors) {
  const int f = scopes_.FunctionAt(ts_node_start_byte(node));
  if (f == kModuleScope) return std::nullopt;  // module code runs once anyway
  const TSNode fn = scopes_.functions()[f].node;
  const size_t stop = ancestors.size() > kMaxGuardAncestors ? ancestors.size() - kMaxGuardAncestors : 0;
  for (size_t i = ancestors.size(); i-- > stop;) {
    const TSNode a = ancestors[i];
    const TSNode child = i + 1 < ancestors.size() ? ancestors[i + 1] : node;
    if (SameNode(a, fn)) break;
    if (Is(a, "if_statement")) {
      TSNode cond = Field(a, "condition");
      const std::string shown = "if " + Trimmed(tree_.Text(cond));
      if (SameNode(child, Field(a, "consequence"))) {
        if (auto g = MakeGuard(EmptinessTest(cond, 0), cond, shown)) return g;
      } else if (!SameNode(child, cond)) {  // else / elif branch
        if (auto g = MakeGuard(PresenceTest(cond, 0), cond, shown + " ... else")) return g;
      }
    } else if (Is(a, "augmented_assignment_expression")) {
      const std::string_view op = tree_.Text(Field(a, "operator"));
      if ((op == "?\?=" || op == "||=") && SameNode(child, Field(a, "right"))) {
        if (auto g = MakeGuard(StateName(Field(a, "left")), a,
                               Trimmed(tree_.Text(Field(a, "left"))) + " " + std::string(op) + " ...")) {
          return g;
        }
      }
    } else if (Is(a, "binary_expression") || Is(a, "boolean_operator")) {
      const std::string_view op = tree_.Text(Field(a, "operator"));
      if ((op == "??" || op == "||" || op == "or") && SameNode(child, Field(a, "right"))) {
        if (auto g = MakeGuard(StateName(Field(a, "left")), a,
                               Trimmed(tree_.Text(Field(a, "left"))) + " " + std::string(op) + " ...")) {
          return g;
        }
      }
    } else if (Is(a, "statement_block") || Is(a, "block")) {
      // An early return: `if (cached) return cached;` before the node.
      for (TSNode s : NamedChildren(a)) {
        if (ts_node_start_byte(s) >= ts_node_start_byte(child)) break;
        if (!Is(s, "if_statement") || !IsNull(Field(s, "alternative"))) continue;
        if (!ReturnsEarly(Field(s, "consequence"))) continue;
        TSNode cond = Field(s, "condition");
        if (auto g = MakeGuard(PresenceTest(cond, 0), cond,
                               "if " + Trimmed(tree_.Text(cond)) + " return")) {
          return g;
        }
      }
    }
  }
  return std::nullopt;
}

bool ControlFlow::HasClock(TSNode root, int depth, bool by_name) {
  if (depth > 2 || IsNull(root)) return false;
  const auto key = std::make_tuple(root.id, depth, by_name);
  if (auto it = clock_cache_.find(key); it != clock_cache_.end()) return it->second;
  const bool found = ReadsClockUncached(root, depth, by_name);
  clock_cache_[key] = found;
  return found;
}

bool ControlFlow::ReadsClockUncached(TSNode root, int depth, bool by_name) {
  bool found = false;
  Walk(tree_, root, [&](TSNode n, const std::vector<TSNode>&) {
    if (found) return false;
    if (IsCall(n) || Is(n, "new_expression")) {
      TSNode callee = Field(n, IsCall(n) ? "function" : "constructor");
      const std::string text = CollapseSpace(tree_.Text(callee), 80);
      if (Is(n, "new_expression") && text == "Date") found = true;
      for (const char* clock : {"Date.now", "performance.now", "time.time", "time.monotonic",
                                "time.perf_counter", "datetime.now", "datetime.utcnow",
                                "datetime.datetime.now", "datetime.datetime.utcnow", "process.hrtime",
                                "time_ns", "monotonic"}) {
        if (text == clock || (text.size() > std::strlen(clock) &&
                              text.compare(text.size() - std::strlen(clock), std::string::npos, clock) == 0 &&
                              text[text.size() - std::strlen(clock) - 1] == '.')) {
          found = true;
        }
      }
      if (!found && IsCall(n) && Is(callee, "identifier")) {
        const int f = scopes_.FunctionNamed(tree_.Text(callee), ts_node_start_byte(callee));
        if (f >= 0 && HasClock(scopes_.functions()[f].body, depth + 1, by_name)) found = true;
      }
      return !found;
    }
    if (Is(n, "identifier") || Is(n, "property_identifier")) {
      const std::string name = Lower(tree_.Text(n));
      if (by_name && (name.find("expir") != std::string::npos || name.find("ttl") != std::string::npos)) {
        found = true;
        return false;
      }
      if (Is(n, "identifier")) {
        const Resolution r = scopes_.Resolve(tree_.Text(n), ts_node_start_byte(n));
        if (r.declared) {
          for (const Binding* b : scopes_.BindingsOf(tree_.Text(n), r.scope)) {
            if (b->kind == BindingKind::kImport || b->kind == BindingKind::kFunction ||
                b->kind == BindingKind::kParam) {
              continue;
            }
            if (!IsNull(b->value) && HasClock(b->value, depth + 1, by_name)) {
              found = true;
              break;
            }
          }
        }
      }
    }
    return !found;
  });
  return found;
}

// The TTL a clock comparison allows, in seconds: the constant it compares
// an age against (`Date.now() - at > TTL_MS`), or the offset added when an
// expiry was stored (`expiresAt = Date.now() + 600_000`), less a margin
// subtracted in the test (`expiresAt - 60_000`). -1 when it cannot be read.
double ControlFlow::TtlSeconds(TSNode condition) {
  const std::string text(tree_.Text(condition));
  bool millis = !tree_.python();
  double compared = -1, stored = -1, margin = 0;
  auto timedelta = [&](TSNode call) -> double {
    double s = 0;
    for (auto [key, factor] : std::vector<std::pair<const char*, double>>{
             {"days", 86400}, {"hours", 3600}, {"minutes", 60}, {"seconds", 1}}) {
      TSNode v = eval_.Keyword(call, key);
      if (IsNull(v)) continue;
      ValuePtr n = eval_.Evaluate(v);
      if (n->kind == Value::Kind::kNumber) s += n->number * factor;
    }
    std::vector<TSNode> pos = eval_.Positional(call);
    if (!pos.empty()) {
      ValuePtr n = eval_.Evaluate(pos[0]);
      if (n->kind == Value::Kind::kNumber) s += n->number * 86400;
    }
    return s;
  };
  auto number_of = [&](TSNode x, bool* seconds) -> double {
    x = Strip(x);
    if (IsCall(x) && CollapseSpace(tree_.Text(Field(x, "function")), 80).find("timedelta") != std::string::npos) {
      *seconds = true;
      return timedelta(x);
    }
    ValuePtr v = eval_.Evaluate(x);
    return v->kind == Value::Kind::kNumber ? v->number : -1;
  };
  Walk(tree_, condition, [&](TSNode n, const std::vector<TSNode>&) {
    const bool compare = (Is(n, "binary_expression") &&
                          [&] {
                            const std::string_view op = tree_.Text(Field(n, "operator"));
                            return op == "<" || op == ">" || op == "<=" || op == ">=";
                          }()) ||
                         Is(n, "comparison_operator");
    if (Is(n, "binary_expression") || Is(n, "binary_operator")) {
      const std::string_view op = tree_.Text(Field(n, "operator"));
      if (op == "-" && !ReadsClock(Field(n, "right"))) {
        bool seconds = false;
        const double m = number_of(Field(n, "right"), &seconds);
        TSNode l = Strip(Field(n, "left"));
        if (m > 0 && !Is(l, "call_expression") && !Is(l, "call") && HasClock(l)) {
          margin = std::max(margin, seconds ? m * (millis ? 1000 : 1) : m);
        }
      }
    }
    if (!compare) return true;
    std::vector<TSNode> sides = Is(n, "comparison_operator") ? NamedChildren(n)
                                                             : std::vector<TSNode>{Field(n, "left"), Field(n, "right")};
    for (TSNode side : sides) {
      TSNode s = Strip(side);
      if (!ReadsClock(s)) {
        bool seconds = false;
        const double v = number_of(s, &seconds);
        if (v > 0) compared = std::max(compared, seconds && millis ? v * 1000 : v);
        continue;
      }
      // An expiry stored earlier: the number added to the clock there
      // (`expiresAt - 60_000`: the margin is taken off above).
      if ((Is(s, "binary_expression") || Is(s, "binary_operator")) &&
          tree_.Text(Field(s, "operator")) == "-") {
        s = Strip(Field(s, "left"));
      }
      if (Is(s, "identifier") || Is(s, "member_expression") || Is(s, "attribute")) {
        std::string root = StateName(s);
        std::string_view leaf = tree_.Text(s);
        std::string_view property;
        if (Is(s, "member_expression") || Is(s, "attribute")) {
          property = tree_.Text(Field(s, tree_.python() ? "attribute" : "property"));
        }
        for (const Binding& b : scopes_.bindings()) {
          if (IsNull(b.value)) continue;
          if (b.name != leaf && b.name != root) continue;
          TSNode v = Strip(b.value);
          if ((Is(v, "object") || Is(v, "dictionary")) && !property.empty()) {
            for (TSNode pair : NamedChildren(v)) {
              if (!Is(pair, "pair")) continue;
              std::string_view key = tree_.Text(Field(pair, "key"));
              if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'')) key = key.substr(1, key.size() - 2);
              if (key == property) v = Strip(Field(pair, "value"));
            }
          }
          if (Is(v, "binary_expression") || Is(v, "binary_operator")) {
            if (tree_.Text(Field(v, "operator")) != "+") continue;
            for (TSNode part : {Field(v, "left"), Field(v, "right")}) {
              if (ReadsClock(part)) continue;
              bool seconds = false;
              const double add = number_of(part, &seconds);
              if (add > 0) stored = std::max(stored, seconds && millis ? add * 1000 : add);
            }
          }
        }
      }
    }
    return true;
  });
  (void)text;
  double ttl = stored > 0 ? stored - margin : compared;
  if (ttl <= 0) return -1;
  return millis ? ttl / 1000 : ttl;
}

// --- Once per container ------------------------------------------------------

bool ControlFlow::IsReset(const std::string& state, std::string* how) const {
  if (state.empty()) return false;
  if (cleared_.count(state)) {
    if (how) *how = "it is cleared";
    return true;
  }
  for (const StateWrite& w : writes_) {
    if (w.name != state) continue;
    if (w.null_value) {
      if (how) *how = "it is reset to empty";
      return true;
    }
    if (w.in_catch) {
      if (how) *how = "it is refreshed in a catch";
      return true;
    }
    if (w.guarded_by_itself) continue;
    if (called_from_catch_.count(w.function)) {
      if (how) *how = "it is refreshed by a function called from a catch";
      return true;
    }
  }
  return false;
}

Once ControlFlow::OnceAt(TSNode node, const std::vector<TSNode>& ancestors) {
  Once once;
  const uint32_t at = ts_node_start_byte(node);
  const int f = scopes_.FunctionAt(at);
  if (f == kModuleScope) {
    once.once = true;
    once.how = "at module scope";
    for (size_t i = ancestors.size(); i-- > 0;) {
      const TSNode a = ancestors[i];
      TSNode target{};
      if (Is(a, "variable_declarator")) target = Field(a, "name");
      else if (Is(a, "assignment_expression") || Is(a, "assignment")) target = Field(a, "left");
      if (IsNull(target)) continue;
      if (Is(target, "identifier")) once.state = std::string(tree_.Text(target));
      break;
    }
  } else if (std::optional<Guard> g = GuardOf(node, ancestors)) {
    once.once = true;
    once.how = "under `" + g->display + "`";
    once.state = g->state;
    if (g->clock) {
      once.expires = true;
      once.expiry = "a clock comparison";
      once.ttl_seconds = g->ttl_seconds;
    }
  } else {
    std::vector<int> visiting;
    once = OnceIn(f, 0, &visiting);
  }
  if (once.once && !once.state.empty()) {
    for (const Binding* b : scopes_.BindingsOf(once.state, kModuleScope)) {
      once.state_decl = b->name_range;
      break;
    }
    std::string how;
    if (!once.expires && IsReset(once.state, &how)) {
      once.expires = true;
      once.expiry = how;
    }
  }
  return once;
}

Once ControlFlow::OnceIn(int function, int depth, std::vector<int>* visiting) {
  Once once;
  if (function < 0 || depth > kMaxOnceDepth ||
      std::find(visiting->begin(), visiting->end(), function) != visiting->end()) {
    return once;
  }
  for (const Handler& h : handlers_) {
    if (h.function == function) return once;  // runs on every invocation
  }
  const FunctionInfo& fn = scopes_.functions()[function];
  for (const std::string& d : fn.decorators) {
    if (d.find("lru_cache") != std::string::npos || d == "cache" || d == "functools.cache" ||
        d.rfind("cached", 0) == 0 || d.find(".cached") != std::string::npos ||
        d.find("cached_property") != std::string::npos) {
      once.once = true;
      once.how = "in " + fn.name + "(), whose @" + d + " keeps the first result";
      if (d.find("TTL") != std::string::npos || d.find("ttl") != std::string::npos) {
        once.expires = true;
        once.expiry = "a TTL cache";
      } else if (cleared_.count(fn.name)) {
        once.expires = true;
        once.expiry = "its cache is cleared";
      }
      return once;
    }
  }
  visiting->push_back(function);
  bool any = false, all_once = true, all_expire = true;
  Once first;
  for (const CallSite& c : calls_) {
    if (c.callee != function) continue;
    any = true;
    Once site;
    if (c.caller == kModuleScope) {
      site.once = true;
      site.how = "in " + fn.name + "(), called at module scope";
    } else if (c.guard) {
      site.once = true;
      site.how = "in " + fn.name + "(), called under `" + c.guard->display + "`";
      site.state = c.guard->state;
      if (c.guard->clock) {
        site.expires = true;
        site.expiry = "a clock comparison";
        site.ttl_seconds = c.guard->ttl_seconds;
      }
    } else {
      site = OnceIn(c.caller, depth + 1, visiting);
      if (site.once) site.how = "in " + fn.name + "(), " + site.how;
    }
    if (!site.once) {
      all_once = false;
      break;
    }
    if (site.once && !site.expires && !site.state.empty()) {
      std::string how;
      if (IsReset(site.state, &how)) {
        site.expires = true;
        site.expiry = how;
      }
    }
    if (!site.expires) all_expire = false;
    if (first.how.empty() || (!site.expires && first.expires)) first = site;
  }
  visiting->pop_back();
  if (!any || !all_once) return once;
  first.once = true;
  first.expires = all_expire;
  return first;
}

}  // namespace rdslint::script
