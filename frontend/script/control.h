// When code runs, as far as one file can tell: Lambda handlers and the local
// functions they call on every invocation; code that runs once per
// container (module scope, under a module-state guard such as
// `if (!prisma)`, in an @lru_cache function, in an init function only ever
// called that way); and whether such state ever expires (a clock
// comparison) or is reset (assigned null, or re-fetched in a catch).
#ifndef RDSLINT_FRONTEND_SCRIPT_CONTROL_H_
#define RDSLINT_FRONTEND_SCRIPT_CONTROL_H_

#include <map>
#include <optional>
#include <tuple>
#include <set>
#include <string>
#include <vector>

#include "frontend/script/scopes.h"
#include "frontend/script/values.h"

namespace rdslint::script {

// A test of module state that decides whether code runs:
// `if (!prisma)`, `if (cached) return cached;`, `pool ??= ...`,
// `if _conn is None:`.
struct Guard {
  std::string state;        // the module-scope name tested
  SourceRange test;         // the condition (or the operator expression)
  std::string display;      // "if (!prisma)", "pool ??= ...", "if (cached) return"
  bool clock = false;       // the condition also compares a clock (a TTL)
  double ttl_seconds = -1;  // the TTL when it could be read
};

struct Once {
  bool once = false;
  std::string how;          // "at module scope", "under `if (!prisma)`", "in an @lru_cache function"
  std::string state;        // the module-scope name that keeps the result, when known
  SourceRange state_decl;   // where it is declared
  bool expires = false;     // a TTL or a reset gives it an end
  std::string expiry;       // how: "a clock comparison", "reset in a catch"
  double ttl_seconds = -1;
};

struct Handler {
  int function = -1;
  std::string name;   // as exported: "handler", "lambda_handler"
  std::string how;    // "export const handler", "exports.handler", "project graph (template.yaml)"
};

class ControlFlow {
 public:
  // `handler_names`: exported names the project's IaC names as handlers of
  // this file (from the project graph), on top of the usual ones.
  ControlFlow(const SyntaxTree& tree, const ScopeIndex& scopes, Evaluator& eval,
              const std::vector<std::string>& handler_names);

  const std::vector<Handler>& handlers() const { return handlers_; }
  // Whether a function runs on every invocation (a handler, or called
  // from one without a guard); `path` gets "handler -> getDb".
  bool PerInvocation(int function, std::string* path = nullptr) const;

  std::optional<Guard> GuardOf(TSNode node, const std::vector<TSNode>& ancestors);
  Once OnceAt(TSNode node, const std::vector<TSNode>& ancestors);

  // Whether module state is ever reset or refreshed: assigned null/None
  // outside its declaration, reassigned in a catch/except (or in a function
  // called from one) outside its own guard, deleted, or cache_clear()ed.
  bool IsReset(const std::string& state, std::string* how = nullptr) const;
  bool InCatch(uint32_t offset) const;
  bool IsModuleState(TSNode identifier) const;
  // The module-scope name at the root of `a.b.c` / `a["b"]`, or "".
  std::string StateName(TSNode expr) const;

 private:
  struct CallSite {
    int callee = -1;
    int caller = kModuleScope;
    SourceRange range;
    std::optional<Guard> guard;
    bool in_catch = false;
  };
  struct StateWrite {
    std::string name;
    SourceRange range;
    int function = kModuleScope;
    bool in_catch = false;
    bool guarded_by_itself = false;
    bool null_value = false;
  };

  void Collect();
  void FindHandlers(const std::vector<std::string>& names);
  void MarkHandler(int function, const std::string& name, const std::string& how);
  void ComputePerInvocation();
  // Whether an expression reads a clock (Date.now(), time.time(), ...)
  // directly or through a binding or a local function; HasClock also
  // counts names that say so (expiresAt, ttl).
  bool HasClock(TSNode n, int depth = 0, bool by_name = true);
  bool ReadsClock(TSNode n) { return HasClock(n, 0, false); }
  bool ReadsClockUncached(TSNode n, int depth, bool by_name);
  double TtlSeconds(TSNode condition);
  // The module-state name `cond` tests for emptiness (`!x`, `x is None`,
  // `!x || expired`) or presence (`x`, `x != null`, `x && fresh`), or "".
  std::string EmptinessTest(TSNode cond, int depth);
  std::string PresenceTest(TSNode cond, int depth);
  std::optional<Guard> MakeGuard(const std::string& state, TSNode whole, std::string display);
  Once OnceIn(int function, int depth, std::vector<int>* visiting);

  const SyntaxTree& tree_;
  const ScopeIndex& scopes_;
  Evaluator& eval_;
  std::vector<Handler> handlers_;
  std::vector<SourceRange> catches_;
  std::vector<CallSite> calls_;
  std::vector<StateWrite> writes_;
  std::set<std::string> cleared_;  // names with .cache_clear(), delete, del
  std::set<int> called_from_catch_;
  std::map<std::tuple<const void*, int, bool>, bool> clock_cache_;
  std::vector<int> per_invocation_from_;  // -2 no; -1 handler; else the caller
};

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_CONTROL_H_
