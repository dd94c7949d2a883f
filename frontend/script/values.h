// The light dataflow of the code rules: what an expression evaluates to, as
// far as one file can tell. Strings are built the way programs build
// connection strings (template literals, `+`, concat/join, f-strings, `%`,
// .format), through const and module-level bindings, with every part that
// cannot be known kept as a hole that remembers where it came from: a
// Secrets Manager read, an RDS IAM token, an environment variable, and
// whether it passed a percent-encoder on the way.
#ifndef RDSLINT_FRONTEND_SCRIPT_VALUES_H_
#define RDSLINT_FRONTEND_SCRIPT_VALUES_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frontend/script/scopes.h"
#include "frontend/script/syntax_tree.h"

namespace rdslint::script {

// Where a value comes from.
struct Taint {
  static constexpr uint8_t kSecret = 1;    // a Secrets Manager read
  static constexpr uint8_t kIamToken = 2;  // an RDS IAM authentication token
  static constexpr uint8_t kEnv = 4;       // an environment variable
  uint8_t sources = 0;
  uint32_t origin = UINT32_MAX;  // start of the secret or token call it derives from
  std::string env_name;          // the first environment variable read

  bool secret() const { return sources & kSecret; }
  bool iam_token() const { return sources & kIamToken; }
  bool env() const { return sources & kEnv; }
  void Merge(const Taint& other);
};

enum class Encoding : uint8_t {
  kNone,
  kFull,        // encodeURIComponent, quote_plus, quote(..., safe="")
  kKeepsSlash,  // urllib.parse.quote with its default safe="/"
};

// A part of a string that is not known: the expression it stands for.
struct Hole {
  uint32_t begin = 0;  // in Value::text
  uint32_t end = 0;
  SourceRange expr;    // the expression in the file
  Taint taint;
  Encoding encoding = Encoding::kNone;
  SourceRange encoder;  // the encoding call, when there is one
  std::string name;     // the identifier or property read: "password"
  // The expression is written inside the string being built (a template
  // substitution, an f-string field, a `+` operand, a format argument), so
  // wrapping it in place changes exactly this use.
  bool in_place = false;
};

// A run of literal bytes, and where the source continues after it (just
// before a closing quote, or before the next piece of the literal).
struct Piece {
  uint32_t begin = 0;  // in Value::text
  uint32_t end = 0;
  uint32_t source_end = 0;
};

struct Value;
using ValuePtr = std::shared_ptr<const Value>;

struct Property {
  std::string key;
  SourceRange key_range;
  ValuePtr value;
};

struct Value {
  enum class Kind : uint8_t {
    kUnknown, kString, kNumber, kBool, kNull, kObject, kArray, kFunction, kImport
  };
  Kind kind = Kind::kUnknown;
  SourceRange expr;  // the expression it was computed from (where it is written)
  Taint taint;
  Encoding encoding = Encoding::kNone;  // kUnknown values that passed an encoder
  SourceRange encoder;
  // kUnknown: the name read ("password", "DATABASE_URL"); kImport and
  // runtime globals: the qualified name ("pg.Pool", "process.env",
  // "JSON.parse", "urllib.parse.quote").
  std::string name;
  std::string qualified;
  // kString: holes stand in `text` as "${name}"; offsets[i] is the source
  // offset of text[i] (for a hole byte: the hole's expression start), with
  // one more entry for the end.
  std::string text;
  std::vector<uint32_t> offsets;
  std::vector<Hole> holes;
  std::vector<Piece> pieces;
  double number = 0;  // kNumber
  bool boolean = false;  // kBool
  std::vector<Property> props;   // kObject, in source order (last key wins)
  std::vector<ValuePtr> items;   // kArray
  TSNode function{};             // kFunction: the function node
  bool from_literal = false;     // a literal written in the file (not computed)

  bool is_string() const { return kind == Kind::kString; }
  bool is_literal_string() const { return kind == Kind::kString && holes.empty(); }
  bool is_object() const { return kind == Kind::kObject; }
  // A property (last one wins, as in JavaScript and Python dicts), or nullptr.
  const Property* Find(std::string_view key) const;
  const Value* Get(std::string_view key) const;
  // The hole covering text offset `i`, or nullptr.
  const Hole* HoleAt(uint32_t i) const;
  // A range of `text` as source: holes map to their whole expression.
  SourceRange ToSource(SourceRange in_text) const;
  // Where text can be inserted at text offset `i` inside a literal of the
  // file (after a literal byte of the same piece), or nullopt.
  bool InsertionPoint(uint32_t i, uint32_t* source) const;
};

// What a call does, for the dataflow and the rules.
enum class CallKind {
  kOther,
  kSecretFetch,   // GetSecretValueCommand, getSecretValue, get_secret_value, powertools getSecret
  kIamToken,      // Signer#getAuthToken, generate_db_auth_token
  kEncoder,       // encodeURIComponent, quote, quote_plus
  kPassthrough,   // JSON.parse, json.loads, String(), str(), .trim(), .promise(), ...
  kEnvRead,       // os.environ.get, os.getenv
  kLocal,         // a function of this file
};

struct CallInfo {
  CallKind kind = CallKind::kOther;
  std::string qualified;  // callee: "pg.Pool", "JSON.parse", "" when local or unknown
  std::string method;     // last member name: "send", "get_secret_value"
  TSNode callee{};
  TSNode receiver{};      // object of a method call
  int function = -1;      // kLocal: index in ScopeIndex::functions()
  Encoding encoding = Encoding::kNone;
};

class Evaluator {
 public:
  Evaluator(const SyntaxTree& tree, const ScopeIndex& scopes);

  ValuePtr Evaluate(TSNode expr);
  // The value of a binding (its initializer, followed along its
  // destructuring path).
  ValuePtr ValueOf(const Binding& binding);
  CallInfo Classify(TSNode call);
  // What a local function does, transitively through the local functions it
  // calls: Taint::kSecret when it fetches a secret, kIamToken when it signs
  // a token.
  uint8_t FunctionSources(int function);
  // The call node of the first secret fetch / token signing inside a local
  // function (transitively), for messages; null when none.
  TSNode FirstSourceCall(int function, uint8_t source);

  // Whether a string expression's value was spliced into a larger string
  // (then it is a part, not a finished connection string).
  bool Consumed(SourceRange expr) const { return consumed_.count(Key(expr)) > 0; }

  // Arguments of a call: positional ones and (Python) keyword ones.
  std::vector<TSNode> Positional(TSNode call) const;
  TSNode Keyword(TSNode call, std::string_view name) const;

  const SyntaxTree& tree() const { return tree_; }
  const ScopeIndex& scopes() const { return scopes_; }

 private:
  static uint64_t Key(SourceRange r) { return (uint64_t{r.begin} << 32) | r.end; }
  ValuePtr Eval(TSNode n);
  ValuePtr EvalUncached(TSNode n);
  ValuePtr Unknown(TSNode n, std::string name = "");
  ValuePtr StringLiteral(TSNode n);
  ValuePtr TemplateString(TSNode n);
  ValuePtr PythonString(TSNode n);
  ValuePtr Binary(TSNode n);
  ValuePtr Call(TSNode n);
  ValuePtr Member(TSNode object_node, ValuePtr object, std::string_view key, TSNode n);
  ValuePtr ObjectLiteral(TSNode n);
  ValuePtr ArrayLiteral(TSNode n);
  ValuePtr Identifier(TSNode n);
  ValuePtr Format(const ValuePtr& format, TSNode call);
  ValuePtr PercentFormat(const ValuePtr& format, TSNode binary);
  ValuePtr Join(const ValuePtr& separator, const ValuePtr& items, TSNode n);
  ValuePtr StepPath(ValuePtr v, const std::vector<PathStep>& path, const Binding& b);
  uint8_t Sources(int function, std::vector<int>* visiting);

  const SyntaxTree& tree_;
  const ScopeIndex& scopes_;
  std::unordered_map<const void*, ValuePtr> binding_cache_;
  std::set<const void*> in_progress_;
  std::set<uint64_t> consumed_;
  std::vector<int8_t> function_sources_;  // -1 unknown yet
  int depth_ = 0;
  long budget_;         // evaluation steps left
  long string_budget_;  // string bytes left to build
};

// Appends b to a (string concatenation), for callers building strings.
Value Concat(const Value& a, const Value& b);

}  // namespace rdslint::script

#endif  // RDSLINT_FRONTEND_SCRIPT_VALUES_H_
