// Evaluation of Terraform expressions where they are static: variable
// defaults and .tfvars values, locals, string templates, the pure functions
// that matter to the rules, module inputs and outputs of local modules, and
// the configured arguments of resources. Everything else is an unknown
// iac::Value that remembers what it referenced (aws_db_instance.main.address),
// never a guess.
//
//   Project project = LoadProject(inputs);
//   Evaluator ev(&project);
//   ev.Instantiate();
//   Value v = ev.Local(*ev.roots()[0], "database_url");
//
// Evaluation is lazy and memoised (each local, variable, output and resource
// argument of an instance is evaluated once), so time is linear in the
// configuration. Cycles, nesting deeper than kMaxEvalDepth, module nesting
// deeper than kMaxModuleDepth and more than kMaxInstances module instances
// are reported as problems at the place that causes them; the values
// involved stay unknown.
#ifndef RDSLINT_FRONTEND_IAC_TERRAFORM_EVAL_H_
#define RDSLINT_FRONTEND_IAC_TERRAFORM_EVAL_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "frontend/iac/graph.h"
#include "frontend/iac/terraform_module.h"
#include "frontend/iac/terraform_value.h"

namespace rdslint::iac::tf {

inline constexpr int kMaxModuleDepth = 32;
// Module instances below one root module, and in the whole run: a module
// that calls another twice, nested, must not grow without bound.
inline constexpr size_t kMaxInstances = 4096;
inline constexpr size_t kMaxTotalInstances = 65536;
inline constexpr int kMaxEvalDepth = 160;
// Values built and copied, counted in elements: a configuration that asks
// for more (values doubling through locals) stops being evaluated.
inline constexpr uint64_t kWorkBudget = 50'000'000;

// One instantiation of a module: a root module, or a local module called
// from another instance.
struct Instance {
  struct Slot {
    enum State { kNew, kBusy, kDone };
    State state = kNew;
    Value value;
    bool failed = false;  // evaluating it was a Terraform error
    uint64_t cost = 1;    // elements in value
  };

  const Module* module = nullptr;
  Instance* parent = nullptr;
  const Def* call = nullptr;         // the module block in the parent
  std::string call_name;
  std::string address;               // "" for a root, "module.db." below it
  std::string id_prefix;             // node ids: root qualifier + address
  const Module* root = nullptr;
  int depth = 0;
  std::unordered_map<std::string, Instance*> children;  // local calls
  std::unordered_map<std::string, Value> tfvars;        // a root's .tfvars values
  std::unordered_map<std::string, Slot> vars, locals, outputs, attributes;
  int exists = -1;                   // -1 unknown yet; see Evaluator::Exists

  // "module.db.aws_db_instance.this" (with the root qualifier).
  std::string NodeId(std::string_view address_in_module) const;
};

class Evaluator {
 public:
  explicit Evaluator(Project* project);
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Creates an instance for every root and, below it, for every call of a
  // local module (depth limit, cycle check, instance budget).
  void Instantiate();
  const std::vector<Instance*>& roots() const { return roots_; }
  // Every instance: each root followed by its descendants, depth first.
  const std::vector<Instance*>& instances() const { return order_; }

  Value Eval(const hcl::Expression& e, Instance& in, const SourceFile& file);
  Value Var(Instance& in, const std::string& name, const Origin& use);
  Value Local(Instance& in, const std::string& name, const Origin& use);
  Value Output(Instance& in, const std::string& name, const Origin& use);
  // A resource's top-level argument as configured (Null when not set).
  Value Argument(Instance& in, const Resource& r, const std::string& name);
  // A block body as a kMap: attributes by name, nested blocks (and dynamic
  // blocks over a known collection) as a kList of kMaps under their type.
  // With `resource`, top-level arguments share Argument's memo.
  Value Body(Instance& in, const hcl::Body& body, const SourceFile& file,
             const Resource* resource = nullptr);
  // Whether a resource block makes at least one object: false when its
  // count is 0 or its for_each empty (known statically).
  bool Exists(Instance& in, const hcl::Block& block, const SourceFile& file);
  // Whether an instance exists: its call, and its parent's, are not
  // switched off by count/for_each.
  bool Exists(Instance& in);

  std::vector<GraphProblem>& problems() { return project_->problems; }
  const Project& project() const { return *project_; }

 private:
  struct Scope {
    std::vector<std::pair<std::string, Value>> names;  // innermost last
    std::vector<const Value*> splat;                   // current splat items
  };
  struct Ctx {
    Instance* in = nullptr;
    const SourceFile* file = nullptr;
    Scope* scope = nullptr;
    bool constant = false;      // variable defaults, .tfvars: no references
    bool template_only = false; // templatefile(): only its variables
  };

  Value EvalIn(const hcl::Expression& e, Ctx& ctx);
  // A part of an expression a syntax error left out is null: unknown.
  Value EvalIn(const hcl::ExprPtr& e, Ctx& ctx);
  Value EvalTemplate(const hcl::Template& t, const hcl::Expression& e, Ctx& ctx);
  void TemplateParts(const std::vector<hcl::TemplatePart>& parts, Ctx& ctx, StringBuilder* out,
                     Value* unknown);
  Value EvalTraversal(const hcl::Traversal& t, const hcl::Expression& e, Ctx& ctx);
  Value EvalRoot(const std::string& root, const hcl::Traversal& t, size_t* consumed,
                 const hcl::Expression& e, Ctx& ctx);
  Value EvalResourceRef(const std::string& mode, const hcl::Traversal& t, size_t first,
                        size_t* consumed, const hcl::Expression& e, Ctx& ctx);
  Value ApplyStep(Value v, const hcl::TraversalStep& step, Ctx& ctx, const Origin& origin);
  Value EvalSplat(const hcl::Splat& s, const hcl::Expression& e, Ctx& ctx);
  Value EvalFor(const hcl::For& f, const hcl::Expression& e, Ctx& ctx);
  Value EvalCall(const hcl::FunctionCall& c, const hcl::Expression& e, Ctx& ctx);
  Value EvalBinary(const hcl::Binary& b, const hcl::Expression& e, Ctx& ctx);
  Value EvalObject(const hcl::Object& o, const hcl::Expression& e, Ctx& ctx);
  Value VarValue(Instance& in, const std::string& name, const Origin& use);
  Value ModuleOutput(Instance& in, const std::string& call, const std::string& output,
                     const Origin& use, const std::string& text);
  void BodyInto(Instance& in, const hcl::Body& body, const SourceFile& file, const Resource* resource,
                Value* out);

  // Builtin functions (terraform_functions.cc).
  Value CallBuiltin(const std::string& name, std::vector<Value>& args, const hcl::Expression& call,
                    Ctx& ctx);
  Value ReadFileFunction(const std::string& name, std::vector<Value>& args,
                         const hcl::Expression& call, Ctx& ctx);

  // A Terraform error while evaluating: the value is unknown, and try()
  // moves on to its next argument.
  Value Fail(std::string text, const Origin& origin, const std::vector<const Value*>& inputs = {});
  void Report(const Origin& where, std::string message);
  std::string SourceText(const Ctx& ctx, SourceRange r) const;
  Origin At(const Ctx& ctx, SourceRange r) const { return Origin{ctx.file->path, r}; }
  bool Budget(uint64_t cost, const Origin& where);

  template <typename Compute>
  Value UseSlot(Instance::Slot& slot, const Origin& use, const std::string& what, Compute compute);

  void InstantiateChildren(Instance* in, std::vector<const Module*>* chain);
  void LoadTfvars(Instance* root);

  Project* project_;
  std::vector<std::unique_ptr<Instance>> owned_;
  std::vector<Instance*> roots_, order_;
  int depth_ = 0;
  uint64_t work_ = 0;
  uint64_t failures_ = 0;
  bool budget_reported_ = false;
  bool depth_reported_ = false;
  bool instances_reported_ = false;  // for the current root
  size_t root_instances_ = 0;         // below the current root
  // templatefile() and file() sources, read once.
  std::unordered_map<std::string, std::unique_ptr<SourceFile>> read_files_;
  std::unordered_map<std::string, std::unique_ptr<hcl::Expression>> templates_;
};

}  // namespace rdslint::iac::tf

#endif  // RDSLINT_FRONTEND_IAC_TERRAFORM_EVAL_H_
