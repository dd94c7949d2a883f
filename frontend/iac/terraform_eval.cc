#include "frontend/iac/terraform_eval.h"

#include <algorithm>
#include <cmath>

#include "frontend/iac/terraform_registry.h"

namespace rdslint::iac::tf {
namespace {

using Kind = Value::Kind;

// Restores a counter on scope exit.
struct DepthGuard {
  explicit DepthGuard(int* d) : d_(d) { ++*d_; }
  ~DepthGuard() { --*d_; }
  int* d_;
};

// Elements in a value, for the work budget.
uint64_t CostOf(const Value& v) {
  uint64_t n = 1 + v.text.size() / 64 + v.segments.size();
  for (const Value& i : v.items) n += CostOf(i);
  for (const auto& [k, e] : v.entries) n += CostOf(e);
  return n;
}

std::string Trimmed(std::string_view s, size_t max = 120) {
  std::string out(s.substr(0, max));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (s.size() > max) out += "...";
  return out;
}

// The resources whose configured arguments are not what their attributes
// read back (an RDS managed secret is a nested object, not an argument).
bool IsMasterSecretOwner(std::string_view type) {
  return type == "aws_db_instance" || type == "aws_rds_cluster";
}

bool IsDeployTimeSecret(std::string_view type, std::string_view attribute) {
  return type == "aws_secretsmanager_secret_version" &&
         (attribute == "secret_string" || attribute == "secret_binary");
}

}  // namespace

std::string Instance::NodeId(std::string_view address_in_module) const {
  return id_prefix + std::string(address_in_module);
}

Evaluator::Evaluator(Project* project) : project_(project) {}

// ---- instances ------------------------------------------------------------------

void Evaluator::Instantiate() {
  const bool qualify = project_->qualify_ids || project_->roots.size() > 1;
  for (const Module* m : project_->roots) {
    auto root = std::make_unique<Instance>();
    root->module = m;
    root->root = m;
    root->id_prefix = qualify ? m->dir + "#" : "";
    Instance* r = root.get();
    owned_.push_back(std::move(root));
    roots_.push_back(r);
    order_.push_back(r);
    LoadTfvars(r);
    root_instances_ = 0;
    instances_reported_ = false;
    std::vector<const Module*> chain{m};
    InstantiateChildren(r, &chain);
  }
}

void Evaluator::LoadTfvars(Instance* root) {
  for (const SourceFile* f : root->module->auto_vars) {
    std::string name = f->path.substr(f->path.find_last_of('/') + 1);
    if (f->role == FileRole::kVarsJson) {
      for (const auto& [k, v] : f->vars_json.entries) {
        Value copy = v;
        AddVia(&copy, "var." + k + " (" + f->Where(v.origin.range.begin) + ")");
        root->tfvars[k] = std::move(copy);
      }
      continue;
    }
    for (const hcl::Attribute& a : f->body.attributes) {
      Scope scope;
      Ctx ctx{root, f, &scope, true, false};
      Value v = EvalIn(a.expr, ctx);
      AddVia(&v, "var." + a.name + " (" + f->Where(a.expr->range.begin) + ")");
      root->tfvars[a.name] = std::move(v);
    }
  }
}

void Evaluator::InstantiateChildren(Instance* in, std::vector<const Module*>* chain) {
  for (const std::string& name : in->module->call_order) {
    const Def& call = in->module->calls.at(name);
    const hcl::Attribute* src = call.block->body.FindAttribute("source");
    if (!src) continue;
    std::optional<std::string> source = LiteralString(*src->expr);
    if (!source || !IsLocalSource(*source)) continue;
    const Module* m = project_->ModuleAt(JoinPath(in->module->abs_dir, *source));
    if (!m) continue;  // a folder outside the run: its outputs stay unknown
    const Origin at{call.file->path, src->expr->range};
    if (std::find(chain->begin(), chain->end(), m) != chain->end()) {
      std::string path;
      for (const Module* c : *chain) path += c->dir + " -> ";
      Report(at, "Module cycle; module \"" + name + "\" calls " + *source + ", which is already being read (" +
                     path + m->dir + "). A module cannot call itself, directly or through other modules.");
      continue;
    }
    if (in->depth + 1 > kMaxModuleDepth) {
      Report(at, "Module nesting too deep; module \"" + name + "\" is nested more than " +
                     std::to_string(kMaxModuleDepth) + " modules deep; rdslint does not read further.");
      continue;
    }
    if (root_instances_ >= kMaxInstances || owned_.size() >= kMaxTotalInstances) {
      if (!instances_reported_) {
        instances_reported_ = true;
        Report(at, "Too many module instances; this configuration instantiates more than " +
                       std::to_string(root_instances_ >= kMaxInstances ? kMaxInstances : kMaxTotalInstances) +
                       " modules; rdslint does not read further.");
      }
      continue;
    }
    ++root_instances_;
    auto child = std::make_unique<Instance>();
    child->module = m;
    child->parent = in;
    child->call = &call;
    child->call_name = name;
    child->address = in->address + "module." + name + ".";
    child->id_prefix = in->id_prefix + "module." + name + ".";
    child->root = in->root;
    child->depth = in->depth + 1;
    Instance* c = child.get();
    owned_.push_back(std::move(child));
    in->children[name] = c;
    order_.push_back(c);
    chain->push_back(m);
    InstantiateChildren(c, chain);
    chain->pop_back();
  }
}

bool Evaluator::Exists(Instance& in) {
  if (in.exists >= 0) return in.exists == 1;
  bool exists = true;
  if (in.parent) {
    exists = Exists(*in.parent) && Exists(*in.parent, *in.call->block, *in.call->file);
  }
  in.exists = exists ? 1 : 0;
  return exists;
}

bool Evaluator::Exists(Instance& in, const hcl::Block& block, const SourceFile& file) {
  if (const hcl::Attribute* count = block.body.FindAttribute("count")) {
    Value v = Eval(*count->expr, in, file);
    if (auto n = AsNumber(v); n && *n <= 0) return false;
  }
  if (const hcl::Attribute* each = block.body.FindAttribute("for_each")) {
    Value v = Eval(*each->expr, in, file);
    if ((v.kind == Kind::kList && v.items.empty()) || (v.kind == Kind::kMap && v.entries.empty())) return false;
  }
  return true;
}

// ---- errors and budgets -----------------------------------------------------------

Value Evaluator::Fail(std::string text, const Origin& origin, const std::vector<const Value*>& inputs) {
  ++failures_;
  return UnknownFrom(std::move(text), origin, inputs);
}

void Evaluator::Report(const Origin& where, std::string message) {
  project_->problems.push_back(GraphProblem{where, std::move(message)});
}

bool Evaluator::Budget(uint64_t cost, const Origin& where) {
  work_ += cost;
  if (work_ <= kWorkBudget) return true;
  if (!budget_reported_) {
    budget_reported_ = true;
    Report(where, "Configuration too large to evaluate; the values built here grow beyond what rdslint "
                  "evaluates (more than " + std::to_string(kWorkBudget / 1000000) +
                  " million elements); the rest of this configuration is read as unknown.");
  }
  return false;
}

std::string Evaluator::SourceText(const Ctx& ctx, SourceRange r) const {
  return Trimmed(ctx.file->Text(r));
}

template <typename Compute>
Value Evaluator::UseSlot(Instance::Slot& slot, const Origin& use, const std::string& what, Compute compute) {
  if (slot.state == Instance::Slot::kBusy) {
    Report(use, "Cycle; " + what + " refers to itself (directly or through other values); it is read as unknown.");
    return Fail(what, use);
  }
  if (slot.state == Instance::Slot::kNew) {
    slot.state = Instance::Slot::kBusy;
    const uint64_t failures = failures_;
    Value v = compute();
    slot.failed = failures_ != failures;
    // Terraform rejects a value with an error anywhere in it: what we
    // computed around the error is not what Terraform would use.
    if (slot.failed && IsWhollyKnown(v) == false && v.kind != Kind::kUnknown) v = UnknownFrom(what, use, {&v});
    slot.cost = CostOf(v);
    slot.value = std::move(v);
    slot.state = Instance::Slot::kDone;
  } else if (slot.failed) {
    ++failures_;  // the error is seen again by every use (try())
  }
  if (!Budget(slot.cost, use)) return UnknownFrom(what, use, {&slot.value});
  Value out = slot.value;
  out.origin = use;
  return out;
}

// ---- named values ---------------------------------------------------------------

namespace {

// A variable's declared primitive type converts the value it is given, as
// Terraform does: "true" for a bool is true, "5432" for a number is 5432.
Value Converted(Value v, const hcl::Block& decl) {
  const hcl::Attribute* type = decl.body.FindAttribute("type");
  const hcl::Variable* t = type ? type->expr->As<hcl::Variable>() : nullptr;
  if (!t || v.kind != Kind::kString || !v.holes.empty()) return v;
  if (t->name == "bool" && (v.text == "true" || v.text == "false")) {
    Value b = MakeBool(v.text == "true", v.origin);
    AddProvenance(&b, v);
    return b;
  }
  if (t->name == "number" && AsNumber(v)) {
    Value n = MakeNumberText(v.text, v.origin);
    AddProvenance(&n, v);
    return n;
  }
  return v;
}

}  // namespace

Value Evaluator::Var(Instance& in, const std::string& name, const Origin& use) {
  const std::string what = "var." + name;
  return UseSlot(in.vars[name], use, what, [&]() -> Value {
    auto decl = in.module->variables.find(name);
    if (decl == in.module->variables.end()) return Fail(what, use);
    return Converted(VarValue(in, name, use), *decl->second.block);
  });
}

Value Evaluator::VarValue(Instance& in, const std::string& name, const Origin& use) {
  const std::string what = "var." + name;
  auto decl = in.module->variables.find(name);
  if (decl == in.module->variables.end()) {
    return Fail(what, use);  // Terraform: Reference to undeclared input variable
  }
  const Def& def = decl->second;
  if (in.parent) {
    if (const hcl::Attribute* a = in.call->block->body.FindAttribute(name)) {
      Value v = Eval(*a->expr, *in.parent, *in.call->file);
      AddVia(&v, what + " of module." + in.call_name + " (" + in.call->file->Where(a->expr->range.begin) + ")");
      return v;
    }
  } else if (auto it = in.tfvars.find(name); it != in.tfvars.end()) {
    return it->second;
  }
  if (const hcl::Attribute* d = def.block->body.FindAttribute("default")) {
    Scope scope;
    Ctx ctx{&in, def.file, &scope, true, false};
    Value v = EvalIn(d->expr, ctx);
    AddVia(&v, what + " (default in " + def.file->Where(d->expr->range.begin) + ")");
    return v;
  }
  Value u = MakeUnknown(what, Origin{def.file->path, def.block->labels[0].range});
  u.references.push_back(Reference{in.id_prefix + what, "", use, what});
  return u;
}

Value Evaluator::Local(Instance& in, const std::string& name, const Origin& use) {
  const std::string what = "local." + name;
  return UseSlot(in.locals[name], use, what, [&]() -> Value {
    auto def = in.module->locals.find(name);
    if (def == in.module->locals.end()) return Fail(what, use);
    return Eval(*def->second.attr->expr, in, *def->second.file);
  });
}

Value Evaluator::Output(Instance& in, const std::string& name, const Origin& use) {
  const std::string what = "module." + in.call_name + "." + name;
  return UseSlot(in.outputs[name], use, what, [&]() -> Value {
    auto def = in.module->outputs.find(name);
    if (def == in.module->outputs.end()) return Fail(what, use);
    const hcl::Attribute* value = def->second.block->body.FindAttribute("value");
    if (!value) return Fail(what, use);
    Value v = Eval(*value->expr, in, *def->second.file);
    AddVia(&v, what + " (output in " + def->second.file->Where(value->expr->range.begin) + ")");
    return v;
  });
}

Value Evaluator::Argument(Instance& in, const Resource& r, const std::string& name) {
  const hcl::Attribute* a = r.def.block->body.FindAttribute(name);
  const Origin where{r.def.file->path, a ? a->expr->range : r.def.block->type_range};
  if (!a) return MakeNull(where);
  return UseSlot(in.attributes[r.Address() + "." + name], where, r.Address() + "." + name,
                 [&]() { return Eval(*a->expr, in, *r.def.file); });
}

Value Evaluator::ModuleOutput(Instance& in, const std::string& call, const std::string& output,
                              const Origin& use, const std::string& text) {
  if (auto child = in.children.find(call); child != in.children.end()) {
    return Output(*child->second, output, use);
  }
  const std::string call_id = in.id_prefix + "module." + call;
  Value u = MakeUnknown(text, use);
  if (auto def = in.module->calls.find(call); def != in.module->calls.end()) {
    const hcl::Attribute* src = def->second.block->body.FindAttribute("source");
    std::optional<std::string> source = src ? LiteralString(*src->expr) : std::nullopt;
    RegistryModule kind = source ? RegistryModuleOf(*source) : RegistryModule::kNone;
    if (auto target = RegistryOutput(kind, call_id, output)) {
      u.references.push_back(Reference{target->node, target->attribute, use, text});
      return u;
    }
  }
  u.references.push_back(Reference{call_id, output, use, text});
  return u;
}

// ---- expressions ------------------------------------------------------------------

Value Evaluator::Eval(const hcl::Expression& e, Instance& in, const SourceFile& file) {
  Scope scope;
  Ctx ctx{&in, &file, &scope, false, false};
  return EvalIn(e, ctx);
}

Value Evaluator::EvalIn(const hcl::ExprPtr& e, Ctx& ctx) {
  if (!e) return Fail("", Origin{ctx.file->path, SourceRange{}});
  return EvalIn(*e, ctx);
}

Value Evaluator::EvalIn(const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  if (depth_ >= kMaxEvalDepth) {
    if (!depth_reported_) {
      depth_reported_ = true;
      Report(origin, "Expression too deeply nested to evaluate; the references and expressions here nest more than " +
                         std::to_string(kMaxEvalDepth) + " levels deep; rdslint reads the value as unknown.");
    }
    return Fail(SourceText(ctx, e.range), origin);
  }
  if (!Budget(1, origin)) return MakeUnknown(SourceText(ctx, e.range), origin);
  DepthGuard guard(&depth_);

  if (const auto* lit = e.As<hcl::Literal>()) {
    switch (lit->kind) {
      case hcl::Literal::kNumber: return MakeNumberText(lit->number_text, origin);
      case hcl::Literal::kBool: return MakeBool(lit->boolean, origin);
      case hcl::Literal::kNull: return MakeNull(origin);
    }
  }
  if (const auto* t = e.As<hcl::Template>()) return EvalTemplate(*t, e, ctx);
  if (const auto* t = e.As<hcl::Tuple>()) {
    Value v;
    v.kind = Kind::kList;
    v.origin = origin;
    for (const hcl::ExprPtr& item : t->items) {
      v.items.push_back(EvalIn(item, ctx));
      AddProvenance(&v, v.items.back());
    }
    return v;
  }
  if (const auto* o = e.As<hcl::Object>()) return EvalObject(*o, e, ctx);
  if (const auto* c = e.As<hcl::FunctionCall>()) return EvalCall(*c, e, ctx);
  if (const auto* c = e.As<hcl::Conditional>()) {
    Value cond = EvalIn(c->condition, ctx);
    if (cond.kind == Kind::kBool) {
      Value v = EvalIn(cond.boolean ? *c->then_expr : *c->else_expr, ctx);
      AddProvenance(&v, cond);
      return v;
    }
    Value a = EvalIn(c->then_expr, ctx);
    Value b = EvalIn(c->else_expr, ctx);
    if (IsKnown(cond)) return Fail(SourceText(ctx, e.range), origin, {&cond, &a, &b});
    return UnknownFrom(SourceText(ctx, e.range), origin, {&cond, &a, &b});
  }
  if (const auto* u = e.As<hcl::Unary>()) {
    Value v = EvalIn(u->operand, ctx);
    if (!IsKnown(v)) return UnknownFrom(SourceText(ctx, e.range), origin, {&v});
    if (u->op == hcl::Op::kNot) {
      if (v.kind != Kind::kBool) return Fail(SourceText(ctx, e.range), origin, {&v});
      Value r = MakeBool(!v.boolean, origin);
      AddProvenance(&r, v);
      return r;
    }
    auto n = AsNumber(v);
    if (!n) return Fail(SourceText(ctx, e.range), origin, {&v});
    Value r = MakeNumber(-*n, origin);
    AddProvenance(&r, v);
    return r;
  }
  if (const auto* b = e.As<hcl::Binary>()) return EvalBinary(*b, e, ctx);
  if (const auto* v = e.As<hcl::Variable>()) {
    for (auto it = ctx.scope->names.rbegin(); it != ctx.scope->names.rend(); ++it) {
      if (it->first == v->name) {
        Value out = it->second;
        out.origin = origin;
        return out;
      }
    }
    hcl::Traversal bare;
    size_t consumed = 0;
    return EvalRoot(v->name, bare, &consumed, e, ctx);
  }
  if (const auto* t = e.As<hcl::Traversal>()) return EvalTraversal(*t, e, ctx);
  if (const auto* s = e.As<hcl::Splat>()) return EvalSplat(*s, e, ctx);
  if (e.As<hcl::SplatItem>()) {
    if (ctx.scope->splat.empty()) return Fail(SourceText(ctx, e.range), origin);
    return *ctx.scope->splat.back();
  }
  if (const auto* f = e.As<hcl::For>()) return EvalFor(*f, e, ctx);
  if (const auto* p = e.As<hcl::Parens>()) {
    Value v = EvalIn(p->inner, ctx);
    v.origin = origin;
    return v;
  }
  return Fail(SourceText(ctx, e.range), origin);  // Invalid: a syntax error was reported
}

Value Evaluator::EvalTemplate(const hcl::Template& t, const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  if (t.single_interpolation && t.parts.size() == 1 && t.parts[0].expr) {
    Value v = EvalIn(t.parts[0].expr, ctx);
    v.origin = origin;
    return v;
  }
  StringBuilder b;
  Value unknown;  // set when a directive could not be decided
  TemplateParts(t.parts, ctx, &b, &unknown);
  if (!unknown.text.empty()) {
    Value u = UnknownFrom(SourceText(ctx, e.range), origin, {&unknown});
    return u;
  }
  return b.Finish(origin);
}

void Evaluator::TemplateParts(const std::vector<hcl::TemplatePart>& parts, Ctx& ctx, StringBuilder* out,
                              Value* unknown) {
  for (const hcl::TemplatePart& p : parts) {
    const Origin at = At(ctx, p.range);
    switch (p.kind) {
      case hcl::TemplatePart::kLiteral:
        out->Literal(p.text, ctx.file->path);
        break;
      case hcl::TemplatePart::kInterpolation: {
        Value v = EvalIn(p.expr, ctx);
        if (v.kind == Kind::kNull) {
          Value f = Fail(SourceText(ctx, p.range), at, {&v});
          out->Hole(SourceText(ctx, p.range), at, f);
        } else if (v.kind == Kind::kList || v.kind == Kind::kMap) {
          Value f = Fail(SourceText(ctx, p.range), at, {&v});
          out->Hole(SourceText(ctx, p.range), at, f);
        } else if (v.kind == Kind::kUnknown) {
          std::string_view written = ctx.file->Text(p.range);
          std::string text = written.substr(0, 2) == "${" && written.back() == '}'
                                 ? std::string(written)
                                 : "${" + v.text + "}";
          out->Hole(text, at, v);
        } else {
          out->Append(v);
        }
        break;
      }
      case hcl::TemplatePart::kIf: {
        Value cond = EvalIn(p.expr, ctx);
        if (cond.kind == Kind::kBool) {
          TemplateParts(cond.boolean ? p.then_parts : p.else_parts, ctx, out, unknown);
        } else {
          // Which branch is written is not known: the text is not known.
          AddProvenance(unknown, cond);
          if (unknown->text.empty()) unknown->text = "%{if}";
        }
        break;
      }
      case hcl::TemplatePart::kFor: {
        Value coll = EvalIn(p.expr, ctx);
        if (coll.kind != Kind::kList && coll.kind != Kind::kMap) {
          AddProvenance(unknown, coll);
          if (unknown->text.empty()) unknown->text = "%{for}";
          break;
        }
        const size_t n = coll.kind == Kind::kList ? coll.items.size() : coll.entries.size();
        for (size_t i = 0; i < n; ++i) {
          Value key = coll.kind == Kind::kList ? MakeNumber(static_cast<double>(i), at)
                                               : MakeSyntheticString(coll.entries[i].first, at);
          const Value& item = coll.kind == Kind::kList ? coll.items[i] : coll.entries[i].second;
          size_t mark = ctx.scope->names.size();
          if (!p.key_var.empty()) ctx.scope->names.emplace_back(p.key_var, std::move(key));
          ctx.scope->names.emplace_back(p.value_var, item);
          TemplateParts(p.then_parts, ctx, out, unknown);
          ctx.scope->names.resize(mark);
          if (out->overflow()) break;
        }
        break;
      }
    }
  }
}

Value Evaluator::EvalObject(const hcl::Object& o, const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  Value v;
  v.kind = Kind::kMap;
  v.origin = origin;
  std::unordered_map<std::string, size_t> index;
  for (const hcl::ObjectItem& item : o.items) {
    std::string key;
    if (!item.key || !item.value) continue;  // left by a syntax error
    if (item.bare_key) {
      key = std::string(ctx.file->Text(item.key->range));
    } else {
      Value k = EvalIn(item.key, ctx);
      std::optional<std::string> s = AsPlainString(k);
      if (!s) {
        // An unknown key: the object's shape is not known.
        Value val = EvalIn(item.value, ctx);
        return UnknownFrom(SourceText(ctx, e.range), origin, {&k, &val, &v});
      }
      key = std::move(*s);
    }
    Value val = EvalIn(item.value, ctx);
    AddProvenance(&v, val);
    auto [it, fresh] = index.emplace(key, v.entries.size());
    if (fresh) {
      v.entries.emplace_back(std::move(key), std::move(val));
    } else {
      v.entries[it->second].second = std::move(val);
    }
  }
  return v;
}

Value Evaluator::EvalBinary(const hcl::Binary& b, const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  Value l = EvalIn(b.lhs, ctx);
  Value r = EvalIn(b.rhs, ctx);
  auto done = [&](Value v) {
    AddProvenance(&v, l);
    AddProvenance(&v, r);
    return v;
  };
  using hcl::Op;
  if (b.op == Op::kEqual || b.op == Op::kNotEqual) {
    if (!IsWhollyKnown(l) || !IsWhollyKnown(r)) return UnknownFrom(SourceText(ctx, e.range), origin, {&l, &r});
    bool same = SameValue(l, r);
    return done(MakeBool(b.op == Op::kEqual ? same : !same, origin));
  }
  if (!IsKnown(l) || !IsKnown(r)) return UnknownFrom(SourceText(ctx, e.range), origin, {&l, &r});
  if (b.op == Op::kAnd || b.op == Op::kOr) {
    if (l.kind != Kind::kBool || r.kind != Kind::kBool) return Fail(SourceText(ctx, e.range), origin, {&l, &r});
    return done(MakeBool(b.op == Op::kAnd ? l.boolean && r.boolean : l.boolean || r.boolean, origin));
  }
  auto x = AsNumber(l), y = AsNumber(r);
  if (!x || !y) return Fail(SourceText(ctx, e.range), origin, {&l, &r});
  switch (b.op) {
    case Op::kAdd: return done(MakeNumber(*x + *y, origin));
    case Op::kSub: return done(MakeNumber(*x - *y, origin));
    case Op::kMul: return done(MakeNumber(*x * *y, origin));
    case Op::kDiv:
      if (*y == 0) return Fail(SourceText(ctx, e.range), origin, {&l, &r});
      return done(MakeNumber(*x / *y, origin));
    case Op::kMod:
      if (*y == 0) return Fail(SourceText(ctx, e.range), origin, {&l, &r});
      return done(MakeNumber(std::fmod(*x, *y), origin));
    case Op::kLess: return done(MakeBool(*x < *y, origin));
    case Op::kLessEqual: return done(MakeBool(*x <= *y, origin));
    case Op::kGreater: return done(MakeBool(*x > *y, origin));
    case Op::kGreaterEqual: return done(MakeBool(*x >= *y, origin));
    default: return Fail(SourceText(ctx, e.range), origin, {&l, &r});
  }
}

// ---- references -----------------------------------------------------------------

Value Evaluator::EvalTraversal(const hcl::Traversal& t, const hcl::Expression& e, Ctx& ctx) {
  size_t consumed = 0;
  Value v;
  const auto* root = t.source ? t.source->As<hcl::Variable>() : nullptr;
  bool bound = false;
  if (root) {
    for (auto it = ctx.scope->names.rbegin(); it != ctx.scope->names.rend(); ++it) {
      if (it->first == root->name) {
        v = it->second;
        bound = true;
        break;
      }
    }
  }
  if (root && !bound) {
    v = EvalRoot(root->name, t, &consumed, e, ctx);
  } else if (!root) {
    v = EvalIn(t.source, ctx);
  }
  for (size_t i = consumed; i < t.steps.size(); ++i) {
    SourceRange r{e.range.begin, t.steps[i].range.end};
    v = ApplyStep(std::move(v), t.steps[i], ctx, At(ctx, r));
  }
  v.origin = At(ctx, e.range);
  return v;
}

// The value a traversal's root names, consuming the steps that are part of
// the name (var.NAME, module.CALL.OUTPUT, TYPE.NAME.ATTRIBUTE, ...).
Value Evaluator::EvalRoot(const std::string& root, const hcl::Traversal& t, size_t* consumed,
                          const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  const std::string text = SourceText(ctx, e.range);
  auto attr = [&](size_t i) -> const std::string* {
    if (i < t.steps.size() && t.steps[i].kind == hcl::TraversalStep::kAttr) return &t.steps[i].name;
    return nullptr;
  };
  if (ctx.template_only) return Fail(text, origin);  // templatefile(): only its variables
  if (ctx.constant) {
    Report(origin, "Variables not allowed; Variables may not be used here.");
    return Fail(text, origin);
  }
  Instance& in = *ctx.in;
  if (root == "var" || root == "local") {
    const std::string* name = attr(0);
    if (!name) return Fail(text, origin);
    *consumed = 1;
    SourceRange r{e.range.begin, t.steps[0].range.end};
    return root == "var" ? Var(in, *name, At(ctx, r)) : Local(in, *name, At(ctx, r));
  }
  if (root == "module") {
    const std::string* call = attr(0);
    if (!call) return Fail(text, origin);
    const std::string* output = attr(1);
    if (!output) {
      *consumed = 1;
      Value u = MakeUnknown(text, origin);
      u.references.push_back(Reference{in.id_prefix + "module." + *call, "", origin, text});
      return u;
    }
    *consumed = 2;
    SourceRange r{e.range.begin, t.steps[1].range.end};
    return ModuleOutput(in, *call, *output, At(ctx, r), std::string(ctx.file->Text(r)));
  }
  if (root == "path") {
    const std::string* what = attr(0);
    if (!what) return Fail(text, origin);
    *consumed = 1;
    // Relative to the root module, which is Terraform's working directory.
    if (*what == "root") return MakeSyntheticString(".", origin);
    if (*what == "module") {
      std::string rel = in.module->abs_dir == in.root->abs_dir
                            ? "."
                            : in.module->abs_dir.substr(0, in.root->abs_dir.size() + 1) == in.root->abs_dir + "/"
                                  ? in.module->abs_dir.substr(in.root->abs_dir.size() + 1)
                                  : in.module->abs_dir;
      return MakeSyntheticString(rel, origin);
    }
    return MakeUnknown(text, origin);
  }
  if (root == "data" || root == "ephemeral") return EvalResourceRef("data", t, 0, consumed, e, ctx);
  if (root == "count" || root == "each" || root == "self" || root == "terraform") {
    *consumed = attr(0) ? 1 : 0;
    return MakeUnknown(text, origin);
  }
  if (t.steps.empty()) return Fail(text, origin);  // a bare name that is nothing
  return EvalResourceRef(root, t, 0, consumed, e, ctx);
}

// TYPE.NAME[...].ATTRIBUTE... (mode "resource", root is TYPE) or
// data.TYPE.NAME... (mode "data").
Value Evaluator::EvalResourceRef(const std::string& mode_or_type, const hcl::Traversal& t, size_t first,
                                 size_t* consumed, const hcl::Expression& e, Ctx& ctx) {
  Instance& in = *ctx.in;
  const bool data = mode_or_type == "data";
  size_t i = first;
  std::string type;
  if (data) {
    if (i >= t.steps.size() || t.steps[i].kind != hcl::TraversalStep::kAttr) return Fail(SourceText(ctx, e.range), At(ctx, e.range));
    type = t.steps[i++].name;
  } else {
    const auto* root = t.source ? t.source->As<hcl::Variable>() : nullptr;
    type = root ? root->name : mode_or_type;
  }
  if (i >= t.steps.size() || t.steps[i].kind != hcl::TraversalStep::kAttr) {
    return Fail(SourceText(ctx, e.range), At(ctx, e.range));
  }
  const std::string name = t.steps[i++].name;
  const std::string address = (data ? "data." : "") + type + "." + name;
  const Resource* res = in.module->FindResource(address);
  // Instance keys ([0], ["a"]) select one object of a counted resource; the
  // graph has one node for all of them.
  while (i < t.steps.size() && t.steps[i].kind != hcl::TraversalStep::kAttr) ++i;
  std::string node = in.NodeId(address);
  std::string attribute;
  SourceRange written{e.range.begin, t.steps[i > 0 ? i - 1 : 0].range.end};
  if (i < t.steps.size()) {
    const std::string& a = t.steps[i].name;
    written.end = t.steps[i].range.end;
    ++i;
    if (!data && IsMasterSecretOwner(type) && a == "master_user_secret") {
      // The RDS-managed secret is a node of its own.
      node += ".master_user_secret";
      while (i < t.steps.size() && t.steps[i].kind != hcl::TraversalStep::kAttr) ++i;
      if (i < t.steps.size()) {
        attribute = t.steps[i].name;
        written.end = t.steps[i].range.end;
        ++i;
      }
    } else {
      attribute = a;
      // A configured argument reads back as configured.
      if (res && res->def.block->body.FindAttribute(a)) {
        *consumed = i;
        Value v = Argument(in, *res, a);
        std::string text(ctx.file->Text(written));
        v.references.insert(v.references.begin(), Reference{node, attribute, At(ctx, written), text});
        v.origin = At(ctx, written);
        return v;
      }
    }
  }
  *consumed = i;
  std::string text(ctx.file->Text(written));
  Value u = MakeUnknown(text, At(ctx, written));
  if (data && IsDeployTimeSecret(type, attribute)) {
    u.deploy_time_secret = true;
    // The secret it reads, first: the value is that secret's.
    if (res && res->def.block->body.FindAttribute("secret_id")) {
      Value id = Argument(in, *res, "secret_id");
      u.references = id.references;
    }
  }
  u.references.push_back(Reference{node, attribute, At(ctx, written), text});
  return u;
}

Value Evaluator::ApplyStep(Value v, const hcl::TraversalStep& step, Ctx& ctx, const Origin& origin) {
  if (v.kind == Kind::kUnknown || (v.kind == Kind::kString && !v.holes.empty())) {
    Value u = MakeUnknown(std::string(ctx.file->Text(origin.range)), origin);
    AddProvenance(&u, v);
    // An attribute of a whole resource (aws_db_instance.x[*] then .address)
    // names that attribute.
    if (step.kind == hcl::TraversalStep::kAttr && u.references.size() == 1 && u.references[0].attribute.empty() &&
        v.kind == Kind::kUnknown) {
      u.references[0].attribute = step.name;
    }
    return u;
  }
  Value key;
  if (step.kind == hcl::TraversalStep::kAttr) {
    key = MakeSyntheticString(step.name, origin);
  } else if (step.kind == hcl::TraversalStep::kLegacyIndex) {
    key = MakeNumberText(step.name, origin);
  } else {
    key = EvalIn(step.index, ctx);
  }
  if (!IsKnown(key)) return UnknownFrom(std::string(ctx.file->Text(origin.range)), origin, {&v, &key});
  Value out;
  if (v.kind == Kind::kMap) {
    std::optional<std::string> k = AsPlainString(key);
    const Value* got = k ? v.Get(*k) : nullptr;
    if (!got) return Fail(std::string(ctx.file->Text(origin.range)), origin, {&v});
    out = *got;
  } else if (v.kind == Kind::kList && step.kind != hcl::TraversalStep::kAttr) {
    auto n = AsNumber(key);
    if (!n || *n < 0 || *n >= static_cast<double>(v.items.size()) || std::floor(*n) != *n) {
      return Fail(std::string(ctx.file->Text(origin.range)), origin, {&v});
    }
    out = v.items[static_cast<size_t>(*n)];
  } else {
    return Fail(std::string(ctx.file->Text(origin.range)), origin, {&v});
  }
  AddProvenance(&out, v);
  return out;
}

Value Evaluator::EvalSplat(const hcl::Splat& s, const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  Value src = EvalIn(s.source, ctx);
  if (!IsKnown(src)) {
    // Apply `each` to the unknown: aws_db_instance.x[*].address keeps
    // naming the address.
    ctx.scope->splat.push_back(&src);
    Value each = EvalIn(s.each, ctx);
    ctx.scope->splat.pop_back();
    Value u = MakeUnknown(SourceText(ctx, e.range), origin);
    AddProvenance(&u, each);  // each started from src: its references are there
    return u;
  }
  Value list;
  list.kind = Kind::kList;
  list.origin = origin;
  if (src.kind == Kind::kNull) return list;
  std::vector<const Value*> items;
  Value single;
  if (src.kind == Kind::kList) {
    for (const Value& i : src.items) items.push_back(&i);
  } else {
    items.push_back(&src);  // a single value splats into a one-element list
  }
  for (const Value* item : items) {
    ctx.scope->splat.push_back(item);
    list.items.push_back(EvalIn(s.each, ctx));
    ctx.scope->splat.pop_back();
    AddProvenance(&list, list.items.back());
  }
  return list;
}

Value Evaluator::EvalFor(const hcl::For& f, const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  Value coll = EvalIn(f.collection, ctx);
  if (coll.kind != Kind::kList && coll.kind != Kind::kMap) {
    if (IsKnown(coll) && coll.kind != Kind::kUnknown) return Fail(SourceText(ctx, e.range), origin, {&coll});
    return UnknownFrom(SourceText(ctx, e.range), origin, {&coll});
  }
  Value out;
  out.kind = f.object ? Kind::kMap : Kind::kList;
  out.origin = origin;
  std::unordered_map<std::string, size_t> index;
  const size_t n = coll.kind == Kind::kList ? coll.items.size() : coll.entries.size();
  for (size_t i = 0; i < n; ++i) {
    Value key = coll.kind == Kind::kList ? MakeNumber(static_cast<double>(i), origin)
                                         : MakeSyntheticString(coll.entries[i].first, origin);
    const Value& item = coll.kind == Kind::kList ? coll.items[i] : coll.entries[i].second;
    size_t mark = ctx.scope->names.size();
    if (!f.key_var.empty()) ctx.scope->names.emplace_back(f.key_var, key);
    ctx.scope->names.emplace_back(f.value_var, item);
    bool keep = true;
    if (f.condition) {
      Value c = EvalIn(f.condition, ctx);
      if (c.kind != Kind::kBool) {
        ctx.scope->names.resize(mark);
        return UnknownFrom(SourceText(ctx, e.range), origin, {&coll, &c});
      }
      keep = c.boolean;
    }
    if (keep) {
      Value v = EvalIn(f.value, ctx);
      AddProvenance(&out, v);
      if (!f.object) {
        out.items.push_back(std::move(v));
      } else {
        Value k = EvalIn(f.key, ctx);
        std::optional<std::string> ks = AsPlainString(k);
        if (!ks) {
          ctx.scope->names.resize(mark);
          return UnknownFrom(SourceText(ctx, e.range), origin, {&coll, &k});
        }
        auto [it, fresh] = index.emplace(*ks, out.entries.size());
        if (f.grouping) {
          if (fresh) {
            Value group;
            group.kind = Kind::kList;
            group.origin = origin;
            out.entries.emplace_back(*ks, std::move(group));
          }
          out.entries[it->second].second.items.push_back(std::move(v));
        } else if (fresh) {
          out.entries.emplace_back(*ks, std::move(v));
        } else {
          ctx.scope->names.resize(mark);
          // Terraform: Duplicate object key (without the `...` grouping mode).
          return Fail(SourceText(ctx, e.range), origin, {&coll});
        }
      }
    }
    ctx.scope->names.resize(mark);
    if (!Budget(1, origin)) break;
  }
  return out;
}

Value Evaluator::EvalCall(const hcl::FunctionCall& c, const hcl::Expression& e, Ctx& ctx) {
  const Origin origin = At(ctx, e.range);
  const std::string name = c.name;
  // try() and can() decide on errors, so their arguments are evaluated here.
  if (name == "try" || name == "can") {
    std::vector<Value> seen;
    for (const hcl::ExprPtr& arg : c.args) {
      const uint64_t before = failures_;
      Value v = EvalIn(arg, ctx);
      const bool failed = failures_ != before;
      failures_ = before;
      if (name == "can") {
        if (failed) return MakeBool(false, origin);
        if (!IsWhollyKnown(v)) return UnknownFrom(SourceText(ctx, e.range), origin, {&v});
        return MakeBool(true, origin);
      }
      if (failed) {
        seen.push_back(std::move(v));
        continue;
      }
      if (!IsWhollyKnown(v)) {
        // Unknown now; whether it fails is decided when it is known.
        std::vector<const Value*> inputs{&v};
        for (const Value& s : seen) inputs.push_back(&s);
        return UnknownFrom(SourceText(ctx, e.range), origin, inputs);
      }
      v.origin = origin;
      return v;
    }
    return Fail(SourceText(ctx, e.range), origin);  // Terraform: no expression succeeded
  }
  std::vector<Value> args;
  args.reserve(c.args.size());
  for (const hcl::ExprPtr& arg : c.args) args.push_back(EvalIn(arg, ctx));
  if (c.expand_final && !args.empty()) {
    Value last = std::move(args.back());
    args.pop_back();
    if (last.kind != Kind::kList) {
      std::vector<const Value*> inputs;
      for (const Value& a : args) inputs.push_back(&a);
      inputs.push_back(&last);
      return UnknownFrom(SourceText(ctx, e.range), origin, inputs);
    }
    for (Value& item : last.items) args.push_back(std::move(item));
  }
  return CallBuiltin(name, args, e, ctx);
}

// ---- bodies -----------------------------------------------------------------------

Value Evaluator::Body(Instance& in, const hcl::Body& body, const SourceFile& file, const Resource* resource) {
  Value out;
  out.kind = Kind::kMap;
  out.origin = Origin{file.path, body.range};
  BodyInto(in, body, file, resource, &out);
  return out;
}

void Evaluator::BodyInto(Instance& in, const hcl::Body& body, const SourceFile& file, const Resource* resource,
                         Value* out) {
  for (const hcl::Attribute& a : body.attributes) {
    // An argument another expression already read comes from the memo; the
    // others are evaluated here without keeping a copy (most are read once).
    Value v;
    auto slot = resource ? in.attributes.find(resource->Address() + "." + a.name) : in.attributes.end();
    if (slot != in.attributes.end()) {
      v = Argument(in, *resource, a.name);
    } else {
      const uint64_t failures = failures_;
      v = Eval(*a.expr, in, file);
      if (failures_ != failures && v.kind != Kind::kUnknown && !IsWhollyKnown(v)) {
        v = UnknownFrom(a.name, v.origin, {&v});
      }
    }
    out->entries.emplace_back(a.name, std::move(v));
  }
  auto list_for = [&](const std::string& type, const Origin& origin) -> Value& {
    for (auto& [k, v] : out->entries) {
      if (k == type && v.kind == Kind::kList) return v;
    }
    Value list;
    list.kind = Kind::kList;
    list.origin = origin;
    out->entries.emplace_back(type, std::move(list));
    return out->entries.back().second;
  };
  for (const hcl::Block& b : body.blocks) {
    const Origin origin{file.path, b.range};
    if (b.type == "dynamic" && b.labels.size() == 1) {
      const hcl::Attribute* each = b.body.FindAttribute("for_each");
      const hcl::Block* content = nullptr;
      for (const hcl::Block& c : b.body.blocks) {
        if (c.type == "content") content = &c;
      }
      if (!each || !content) continue;
      Value coll = Eval(*each->expr, in, file);
      // Blocks made from a collection that is not known are not made up.
      if (coll.kind != Kind::kList && coll.kind != Kind::kMap) continue;
      std::string iterator = b.labels[0].value;
      if (const hcl::Attribute* it = b.body.FindAttribute("iterator")) {
        iterator = std::string(file.Text(it->expr->range));
      }
      Value& list = list_for(b.labels[0].value, origin);
      const size_t n = coll.kind == Kind::kList ? coll.items.size() : coll.entries.size();
      for (size_t i = 0; i < n; ++i) {
        Value obj;
        obj.kind = Kind::kMap;
        obj.origin = origin;
        obj.entries.emplace_back("key", coll.kind == Kind::kList ? MakeNumber(static_cast<double>(i), origin)
                                                                 : MakeSyntheticString(coll.entries[i].first, origin));
        obj.entries.emplace_back("value", coll.kind == Kind::kList ? coll.items[i] : coll.entries[i].second);
        Value block;
        block.kind = Kind::kMap;
        block.origin = Origin{file.path, content->range};
        for (const hcl::Attribute& a : content->body.attributes) {
          Scope scope;
          scope.names.emplace_back(iterator, obj);
          Ctx ctx{&in, &file, &scope, false, false};
          block.entries.emplace_back(a.name, EvalIn(a.expr, ctx));
        }
        list.items.push_back(std::move(block));
        if (!Budget(1, origin)) break;
      }
      continue;
    }
    Value block;
    block.kind = Kind::kMap;
    block.origin = origin;
    BodyInto(in, b.body, file, nullptr, &block);
    list_for(b.type, origin).items.push_back(std::move(block));
  }
}

}  // namespace rdslint::iac::tf
