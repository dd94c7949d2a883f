#include "frontend/script/scopes.h"

#include <algorithm>

namespace rdslint::script {
namespace {

bool IsFunctionNode(TSNode n) {
  static constexpr const char* kTypes[] = {
      "function_declaration", "generator_function_declaration", "function_expression",
      "function", "generator_function", "arrow_function", "method_definition",
      "function_definition", "lambda"};
  if (IsNull(n) || !ts_node_is_named(n)) return false;
  const TSSymbol symbol = ts_node_symbol(n);
  const TSLanguage* language = ts_tree_language(n.tree);
  for (const char* t : kTypes) {
    if (NamedSymbol(language, t) == symbol) return true;
  }
  return false;
}

// "pg" from the source string of an import ('pg', "pg").
std::string ModuleName(const SyntaxTree& tree, TSNode source) {
  std::string_view s = tree.Text(source);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'')) s = s.substr(1, s.size() - 2);
  return std::string(s);
}

std::string Join(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  return std::string(a) + "." + std::string(b);
}

// The name a function expression gets from where it stands:
// `const handler = async () => ...`, `exports.handler = function ...`,
// `{ handler: async () => ... }`, a method's or class field's name.
std::string ContextName(const SyntaxTree& tree, TSNode fn, const std::vector<TSNode>& ancestors) {
  TSNode name = Field(fn, "name");
  if (!IsNull(name)) return std::string(tree.Text(name));
  if (ancestors.empty()) return "";
  TSNode parent = ancestors.back();
  if (Is(parent, "variable_declarator") || Is(parent, "public_field_definition")) {
    TSNode n = Field(parent, "name");
    if (Is(n, "identifier") || Is(n, "property_identifier")) return std::string(tree.Text(n));
  } else if (Is(parent, "field_definition")) {
    return std::string(tree.Text(Field(parent, "property")));
  } else if (Is(parent, "assignment_expression") || Is(parent, "assignment")) {
    return CollapseSpace(tree.Text(Field(parent, "left")), 128);
  } else if (Is(parent, "pair")) {
    TSNode key = Field(parent, "key");
    std::string_view k = tree.Text(key);
    if (Is(key, "string") && k.size() >= 2) k = k.substr(1, k.size() - 2);
    return std::string(k);
  }
  return "";
}

}  // namespace

std::string CollapseSpace(std::string_view s, size_t max_len) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
    if (out.size() >= max_len) {
      out += "...";
      break;
    }
  }
  return out;
}

ScopeIndex::ScopeIndex(const SyntaxTree& tree) : python_(tree.python()) {
  if (!tree.ok()) return;
  Collect(tree);
  CollectAssignments(tree);
  for (auto& [key, list] : index_) {
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return bindings_[a].statement.begin < bindings_[b].statement.begin;
    });
  }
}

void ScopeIndex::Add(Binding b) {
  index_[{b.scope, b.name}].push_back(bindings_.size());
  bindings_.push_back(std::move(b));
}

int ScopeIndex::FunctionAt(uint32_t offset) const {
  auto it = std::upper_bound(function_starts_.begin(), function_starts_.end(), offset);
  if (it == function_starts_.begin()) return kModuleScope;
  int f = static_cast<int>(it - function_starts_.begin()) - 1;
  while (f != kModuleScope && !(functions_[f].range.begin <= offset && offset < functions_[f].range.end)) {
    f = functions_[f].parent;
  }
  return f;
}

bool ScopeIndex::Within(int inner, int outer) const {
  for (int f = inner;; f = functions_[f].parent) {
    if (f == outer) return true;
    if (f == kModuleScope) return false;
  }
}

// Binds every name of a destructuring pattern, with its path from the value.
// An explicit stack: patterns nest as deep as the input does.
void ScopeIndex::BindPattern(const SyntaxTree& tree, TSNode pattern, Binding base,
                             std::vector<PathStep> path) {
  std::vector<std::pair<TSNode, std::vector<PathStep>>> stack{{pattern, std::move(path)}};
  while (!stack.empty()) {
    auto [n, p] = std::move(stack.back());
    stack.pop_back();
    if (IsNull(n)) continue;
    if (Is(n, "identifier") || Is(n, "shorthand_property_identifier_pattern")) {
      Binding b = base;
      b.name = std::string(tree.Text(n));
      b.name_range = RangeOf(n);
      if (Is(n, "shorthand_property_identifier_pattern")) p.push_back(PathStep{b.name, -1});
      b.path = std::move(p);
      Add(std::move(b));
    } else if (Is(n, "object_pattern")) {
      for (TSNode c : NamedChildren(n)) {
        if (Is(c, "pair_pattern")) {
          TSNode key = Field(c, "key");
          std::string k(tree.Text(key));
          if (Is(key, "string") && k.size() >= 2) k = k.substr(1, k.size() - 2);
          auto q = p;
          q.push_back(PathStep{k, -1});
          stack.push_back({Field(c, "value"), std::move(q)});
        } else if (Is(c, "object_assignment_pattern")) {
          stack.push_back({Field(c, "left"), p});
        } else if (Is(c, "rest_pattern")) {
          Binding b = base;
          b.kind = BindingKind::kOpaque;
          TSNode id = FirstNamedChild(c);
          if (Is(id, "identifier")) {
            b.name = std::string(tree.Text(id));
            b.name_range = RangeOf(id);
            Add(std::move(b));
          }
        } else {
          stack.push_back({c, p});
        }
      }
    } else if (Is(n, "array_pattern")) {
      int i = 0;
      for (TSNode c : NamedChildren(n)) {
        auto q = p;
        q.push_back(PathStep{"", i++});
        stack.push_back({c, std::move(q)});
      }
    } else if (Is(n, "assignment_pattern")) {
      stack.push_back({Field(n, "left"), p});
    } else if (Is(n, "required_parameter") || Is(n, "optional_parameter")) {
      TSNode inner = Field(n, "pattern");
      if (IsNull(inner)) inner = Field(n, "name");
      stack.push_back({inner, p});
    } else if (Is(n, "rest_pattern")) {
      stack.push_back({FirstNamedChild(n), p});
    }
  }
}

// Python assignment targets: a name, or tuples/lists of them.
void ScopeIndex::BindPythonTarget(const SyntaxTree& tree, TSNode target, Binding base,
                                  std::vector<PathStep> path) {
  std::vector<std::pair<TSNode, std::vector<PathStep>>> stack{{target, std::move(path)}};
  while (!stack.empty()) {
    auto [n, p] = std::move(stack.back());
    stack.pop_back();
    if (Is(n, "identifier")) {
      Binding b = base;
      b.name = std::string(tree.Text(n));
      b.name_range = RangeOf(n);
      b.path = std::move(p);
      const int f = b.scope;
      if (f != kModuleScope) {
        const auto& g = functions_[f].globals;
        if (std::find(g.begin(), g.end(), b.name) != g.end()) b.scope = kModuleScope;
      }
      Add(std::move(b));
    } else if (Is(n, "pattern_list") || Is(n, "tuple_pattern") || Is(n, "list_pattern")) {
      int i = 0;
      for (TSNode c : NamedChildren(n)) {
        auto q = p;
        q.push_back(PathStep{"", i++});
        stack.push_back({c, std::move(q)});
      }
    } else if (Is(n, "list_splat_pattern") || Is(n, "parenthesized_expression")) {
      stack.push_back({FirstNamedChild(n), p});
    }
  }
}

void ScopeIndex::Collect(const SyntaxTree& tree) {
  std::vector<std::pair<uint32_t, int>> open;  // (end, function) of enclosing functions
  Walk(tree, tree.root(), [&](TSNode n, const std::vector<TSNode>& ancestors) {
    const uint32_t start = ts_node_start_byte(n);
    while (!open.empty() && start >= open.back().first) open.pop_back();
    const int scope = open.empty() ? kModuleScope : open.back().second;
    if (!ts_node_is_named(n)) return true;
    const NodeKind is(n);
    // Assignments are bound once every declaration is known (JavaScript
    // hoists), from this list rather than a second walk.
    if (is("assignment_expression") ||
        is("augmented_assignment_expression") ||
        is("assignment") || is("augmented_assignment") ||
        is("named_expression") ||
        (python_ && (is("for_statement") ||
                     is("as_pattern_target")))) {
      pending_assignments_.push_back(n);
    }

    if (IsFunctionNode(n)) {
      FunctionInfo fn;
      fn.node = n;
      fn.body = Field(n, "body");
      fn.name = ContextName(tree, n, ancestors);
      fn.parent = scope;
      fn.range = RangeOf(n);
      if (!ancestors.empty() && Is(ancestors.back(), "decorated_definition")) {
        for (TSNode d : NamedChildren(ancestors.back())) {
          if (!Is(d, "decorator")) continue;
          fn.decorators.push_back(CollapseSpace(tree.Text(FirstNamedChild(d)), 128));
        }
      }
      const int index = static_cast<int>(functions_.size());
      const bool declaration = is("function_declaration") ||
                               is("generator_function_declaration") ||
                               is("function_definition");
      if (declaration) {
        Binding b;
        TSNode name = Field(n, "name");
        b.name = std::string(tree.Text(name));
        b.name_range = RangeOf(name);
        b.kind = BindingKind::kFunction;
        b.scope = scope;
        b.value = n;
        b.statement = RangeOf(n);
        b.function = index;
        Add(std::move(b));
      }
      functions_.push_back(std::move(fn));
      function_starts_.push_back(start);
      open.push_back({ts_node_end_byte(n), index});
      // Parameters live in the function's scope.
      Binding param;
      param.kind = BindingKind::kParam;
      param.scope = index;
      param.statement = RangeOf(n);
      TSNode params = Field(n, "parameters");
      if (IsNull(params)) params = Field(n, "parameter");
      if (Is(params, "identifier")) {
        BindPattern(tree, params, param, {});
      } else if (!IsNull(params)) {
        for (TSNode p : NamedChildren(params)) {
          if (python_) {
            TSNode id = p;
            if (Is(p, "default_parameter") || Is(p, "typed_default_parameter")) id = Field(p, "name");
            else if (Is(p, "typed_parameter") || Is(p, "list_splat_pattern") ||
                     Is(p, "dictionary_splat_pattern")) id = FirstNamedChild(p);
            if (Is(id, "list_splat_pattern") || Is(id, "dictionary_splat_pattern")) id = FirstNamedChild(id);
            BindPythonTarget(tree, id, param, {});
          } else {
            BindPattern(tree, p, param, {});
          }
        }
      }
      return true;
    }

    if (is("class_declaration") || is("class_definition")) {
      TSNode name = Field(n, "name");
      if (!IsNull(name)) {
        Binding b;
        b.name = std::string(tree.Text(name));
        b.name_range = RangeOf(name);
        b.kind = BindingKind::kFunction;
        b.scope = scope;
        b.value = n;
        b.statement = RangeOf(n);
        Add(std::move(b));
      }
      return true;
    }

    if (is("variable_declarator")) {
      Binding b;
      b.kind = BindingKind::kLet;
      if (!ancestors.empty() && Is(ancestors.back(), "lexical_declaration")) {
        TSNode kind = Field(ancestors.back(), "kind");
        if (IsNull(kind)) kind = ts_node_child(ancestors.back(), 0);
        if (tree.Text(kind) == "const") b.kind = BindingKind::kConst;
      }
      b.scope = scope;
      b.value = Field(n, "value");
      b.statement = RangeOf(n);
      BindPattern(tree, Field(n, "name"), b, {});
      return true;
    }

    if (is("import_statement") && !python_) {
      TSNode source = Field(n, "source");
      const std::string module = ModuleName(tree, source);
      Binding b;
      b.kind = BindingKind::kImport;
      b.scope = scope;
      b.statement = RangeOf(n);
      for (TSNode c : NamedChildren(n)) {
        if (Is(c, "import_require_clause")) {
          TSNode id = FirstNamedChild(c);
          b.name = std::string(tree.Text(id));
          b.name_range = RangeOf(id);
          b.qualified = ModuleName(tree, Field(c, "source"));
          Add(b);
          continue;
        }
        if (!Is(c, "import_clause")) continue;
        for (TSNode part : NamedChildren(c)) {
          if (Is(part, "identifier")) {  // default import: the module itself
            b.name = std::string(tree.Text(part));
            b.name_range = RangeOf(part);
            b.qualified = module;
            Add(b);
          } else if (Is(part, "namespace_import")) {
            TSNode id = FirstNamedChild(part);
            b.name = std::string(tree.Text(id));
            b.name_range = RangeOf(id);
            b.qualified = module;
            Add(b);
          } else if (Is(part, "named_imports")) {
            for (TSNode spec : NamedChildren(part)) {
              if (!Is(spec, "import_specifier")) continue;
              TSNode name = Field(spec, "name");
              TSNode alias = Field(spec, "alias");
              TSNode local = IsNull(alias) ? name : alias;
              b.name = std::string(tree.Text(local));
              b.name_range = RangeOf(local);
              b.qualified = Join(module, ModuleName(tree, name));
              Add(b);
            }
          }
        }
      }
      return false;
    }

    if (python_ && (is("import_statement") ||
                    is("import_from_statement"))) {
      const bool from = is("import_from_statement");
      const std::string module = from ? std::string(tree.Text(Field(n, "module_name"))) : "";
      Binding b;
      b.kind = BindingKind::kImport;
      b.scope = scope;
      b.statement = RangeOf(n);
      const uint32_t count = ts_node_child_count(n);
      for (uint32_t i = 0; i < count; ++i) {
        const char* field = ts_node_field_name_for_child(n, i);
        if (!field || std::strcmp(field, "name") != 0) continue;
        TSNode c = ts_node_child(n, i);
        if (Is(c, "aliased_import")) {
          TSNode alias = Field(c, "alias");
          b.name = std::string(tree.Text(alias));
          b.name_range = RangeOf(alias);
          b.qualified = Join(module, tree.Text(Field(c, "name")));
        } else if (Is(c, "dotted_name")) {
          if (from) {
            TSNode last = ts_node_named_child(c, ts_node_named_child_count(c) - 1);
            b.name = std::string(tree.Text(last));
            b.name_range = RangeOf(last);
            b.qualified = Join(module, tree.Text(c));
          } else {  // `import a.b` binds `a`
            TSNode first = ts_node_named_child(c, 0);
            b.name = std::string(tree.Text(first));
            b.name_range = RangeOf(first);
            b.qualified = b.name;
          }
        } else {
          continue;
        }
        Add(b);
      }
      return false;
    }

    if (python_ && (is("global_statement") ||
                    is("nonlocal_statement"))) {
      if (scope != kModuleScope) {
        for (TSNode id : NamedChildren(n)) functions_[scope].globals.emplace_back(tree.Text(id));
      }
      return false;
    }

    if (is("catch_clause")) {
      Binding b;
      b.kind = BindingKind::kOpaque;
      b.scope = scope;
      b.statement = RangeOf(n);
      BindPattern(tree, Field(n, "parameter"), b, {});
      return true;
    }
    if (is("for_in_statement") && !python_) {
      Binding b;
      b.kind = BindingKind::kOpaque;
      b.scope = scope;
      b.statement = RangeOf(n);
      BindPattern(tree, Field(n, "left"), b, {});
      return true;
    }
    return true;
  });
}

int ScopeIndex::DeclaringScope(std::string_view name, int from, bool python) const {
  for (int s = from;; s = functions_[s].parent) {
    if (s == kModuleScope) return kModuleScope;
    if (python) {
      const auto& g = functions_[s].globals;
      if (std::find(g.begin(), g.end(), name) != g.end()) return kModuleScope;
      return s;  // Python: an assignment makes the name local
    }
    auto it = index_.find(std::make_pair(s, std::string(name)));
    if (it != index_.end()) {
      for (size_t i : it->second) {
        if (bindings_[i].kind != BindingKind::kAssign && bindings_[i].kind != BindingKind::kAugment)
          return s;
      }
    }
  }
}

void ScopeIndex::CollectAssignments(const SyntaxTree& tree) {
  std::vector<Binding> found;
  for (TSNode n : pending_assignments_) {
    const bool js_assign = Is(n, "assignment_expression");
    const bool js_augment = Is(n, "augmented_assignment_expression");
    const bool py_assign = Is(n, "assignment");
    const bool py_augment = Is(n, "augmented_assignment");
    const bool py_walrus = Is(n, "named_expression");
    const bool py_opaque = python_ && (Is(n, "for_statement") ||
                                       Is(n, "as_pattern_target"));
    if (!(js_assign || js_augment || py_assign || py_augment || py_walrus || py_opaque)) continue;
    const int f = FunctionAt(ts_node_start_byte(n));
    Binding b;
    b.statement = RangeOf(n);
    b.kind = BindingKind::kAssign;
    b.value = Field(n, python_ ? (py_walrus ? "value" : "right") : "right");
    TSNode left = Field(n, py_walrus ? "name" : "left");
    if (py_opaque) {
      b.kind = BindingKind::kOpaque;
      b.value = TSNode{};
      if (Is(n, "as_pattern_target")) left = FirstNamedChild(n);
    }
    if (js_augment || py_augment) {
      std::string_view op = tree.Text(Field(n, "operator"));
      if (op == "?\?=" || op == "||=" || op == "&&=") {
        b.kind = BindingKind::kAssign;
      } else {
        b.kind = BindingKind::kAugment;
        b.op = op.empty() ? 0 : op[0];
      }
    }
    if (python_) {
      b.scope = f;
      // Scope per name is settled in BindPythonTarget (global declarations).
      BindPythonTarget(tree, left, b, {});
      continue;
    }
    if (Is(left, "parenthesized_expression")) left = FirstNamedChild(left);
    if (Is(left, "identifier")) {
      b.name = std::string(tree.Text(left));
      b.name_range = RangeOf(left);
      b.scope = DeclaringScope(b.name, f, false);
      found.push_back(std::move(b));
    } else if (Is(left, "object_pattern") || Is(left, "array_pattern")) {
      b.scope = f;  // settled per name below
      const size_t before = bindings_.size();
      BindPattern(tree, left, b, {});
      // Move the pattern's names to their declaring scopes.
      for (size_t i = before; i < bindings_.size(); ++i) {
        Binding moved = bindings_[i];
        moved.scope = DeclaringScope(moved.name, f, false);
        found.push_back(std::move(moved));
      }
      for (size_t i = bindings_.size(); i > before; --i) {
        const Binding& last = bindings_[i - 1];
        auto& list = index_[{last.scope, last.name}];
        list.erase(std::remove(list.begin(), list.end(), i - 1), list.end());
        if (list.empty()) index_.erase({last.scope, last.name});
      }
      bindings_.resize(before);
    }
  }
  pending_assignments_.clear();
  for (Binding& b : found) Add(std::move(b));
}

std::vector<const Binding*> ScopeIndex::BindingsOf(std::string_view name, int scope) const {
  std::vector<const Binding*> out;
  auto it = index_.find(std::make_pair(scope, std::string(name)));
  if (it == index_.end()) return out;
  for (size_t i : it->second) out.push_back(&bindings_[i]);
  return out;
}

Resolution ScopeIndex::Resolve(std::string_view name, uint32_t offset) const {
  Resolution r;
  const int f = FunctionAt(offset);
  int s = f;
  const std::vector<size_t>* list = nullptr;
  for (;;) {
    if (python_ && s != kModuleScope) {
      const auto& g = functions_[s].globals;
      if (std::find(g.begin(), g.end(), name) != g.end()) s = kModuleScope;
    }
    auto it = index_.find(std::make_pair(s, std::string(name)));
    if (it != index_.end() && !it->second.empty()) {
      list = &it->second;
      break;
    }
    if (s == kModuleScope) return r;
    s = functions_[s].parent;
  }
  r.scope = s;
  r.declared = true;
  if (s == f) {
    // Straight-line code of one function: the last assignment that ends
    // before the use. The list is sorted by start; look back a bounded way
    // from the last one that starts before the use (an assignment that
    // contains the use, `x = x + 1`, does not count).
    auto it = std::upper_bound(list->begin(), list->end(), offset, [&](uint32_t at, size_t i) {
      return at < bindings_[i].statement.begin;
    });
    const Binding* last = nullptr;
    for (int steps = 0; it != list->begin() && steps < 64; ++steps) {
      const Binding& b = bindings_[*--it];
      if (b.statement.end <= offset || b.kind == BindingKind::kParam ||
          b.kind == BindingKind::kFunction) {
        last = &b;
        break;
      }
    }
    r.binding = last ? last : &bindings_[list->front()];
    return r;
  }
  // A closure or a module variable read inside a function: its value is
  // known only when one assignment ever gives it one.
  const Binding* only = nullptr;
  int values = 0;
  for (size_t i : *list) {
    const Binding& b = bindings_[i];
    if (b.kind == BindingKind::kLet && IsNull(b.value)) continue;
    ++values;
    only = &b;
  }
  r.binding = only ? only : &bindings_[list->front()];
  r.mutable_value = values > 1;
  return r;
}

int ScopeIndex::FunctionNamed(std::string_view name, uint32_t offset) const {
  const Resolution r = Resolve(name, offset);
  if (!r.binding || r.mutable_value) return -1;
  if (r.binding->function >= 0) return r.binding->function;
  const TSNode v = r.binding->value;
  if (IsNull(v) || !r.binding->path.empty()) return -1;
  const uint32_t start = ts_node_start_byte(v);
  auto it = std::lower_bound(function_starts_.begin(), function_starts_.end(), start);
  if (it != function_starts_.end() && *it == start) {
    const int idx = static_cast<int>(it - function_starts_.begin());
    if (ts_node_end_byte(functions_[idx].node) == ts_node_end_byte(v)) return idx;
  }
  return -1;
}

}  // namespace rdslint::script
