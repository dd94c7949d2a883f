// The syntax tree of HCL2's native syntax (and of Terraform's JSON syntax,
// which reader tf_json.h maps onto the same shapes). Every node keeps the
// byte range it was read from, so an evaluator or a check can point at the
// exact token. The tree is plain data: walk it with Expression::As<T>().
#ifndef RDSLINT_FRONTEND_HCL_HCL_AST_H_
#define RDSLINT_FRONTEND_HCL_HCL_AST_H_

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/source.h"

namespace rdslint::hcl {

// A syntax error, located where a Terraform user would look for it.
struct Error {
  SourceRange range;
  std::string message;  // "Summary; detail", in HCL's own words where we can
};

struct Expression;
using ExprPtr = std::unique_ptr<Expression>;

// number, bool or null. Strings are templates (see Template).
struct Literal {
  enum Kind { kNumber, kBool, kNull };
  Kind kind = kNull;
  double number = 0;
  std::string number_text;  // the digits as written, for exact arithmetic
  bool boolean = false;
};

// One piece of a template. A template is a flat list of these, except that
// %{if} and %{for} directives own the parts between them and their end.
struct TemplatePart {
  enum Kind { kLiteral, kInterpolation, kIf, kFor };
  Kind kind = kLiteral;
  SourceRange range;
  // kLiteral: escapes decoded, strip markers and heredoc indentation applied;
  // each byte maps back to its source byte.
  MappedText text;
  // kInterpolation: the expression; kIf: the condition; kFor: the collection.
  ExprPtr expr;
  // kFor: `%{for key, value in expr}`; key is empty when not given.
  std::string key_var, value_var;
  // kIf: then/else parts; kFor: the body in `then_parts`.
  std::vector<TemplatePart> then_parts, else_parts;
  bool has_else = false;
};

// A quoted string or a heredoc; a string without interpolation is a Template
// with one literal part (or none, for "").
struct Template {
  std::vector<TemplatePart> parts;
  bool heredoc = false;
  // "${x}" alone: HCL yields x's value unconverted (not a string).
  bool single_interpolation = false;
};

struct Tuple {
  std::vector<ExprPtr> items;
};

struct ObjectItem {
  // A bare identifier key (`name = ...`) is a Variable (or Traversal for
  // `a.b`) expression with `bare_key` set: Terraform reads it as the literal
  // string of its source text, not as a reference.
  ExprPtr key;
  bool bare_key = false;
  ExprPtr value;
};

struct Object {
  std::vector<ObjectItem> items;
};

struct FunctionCall {
  std::string name;  // may be namespaced: provider::aws::arn_parse
  SourceRange name_range;
  std::vector<ExprPtr> args;
  bool expand_final = false;  // f(a, b...)
};

struct Conditional {
  ExprPtr condition, then_expr, else_expr;
};

enum class Op {
  kNot, kNegate,                          // unary
  kMul, kDiv, kMod, kAdd, kSub,           // arithmetic
  kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual,
  kAnd, kOr,
};
const char* OpSpelling(Op op);

struct Unary {
  Op op = Op::kNot;
  ExprPtr operand;
};

struct Binary {
  Op op = Op::kAdd;
  ExprPtr lhs, rhs;
};

// A bare name: the root of a reference (var, local, aws_db_instance, each...).
struct Variable {
  std::string name;
};

struct TraversalStep {
  enum Kind { kAttr, kIndex, kLegacyIndex };  // .name  [expr]  .0
  Kind kind = kAttr;
  SourceRange range;
  std::string name;  // kAttr: the name; kLegacyIndex: the digits
  ExprPtr index;     // kIndex
};

// source.step.step... Consecutive steps are gathered into one node, so
// var.db.password is Traversal{Variable var, [.db, .password]}.
struct Traversal {
  ExprPtr source;
  std::vector<TraversalStep> steps;
};

// The element a splat is applying `each` to (HCL's anonymous symbol).
struct SplatItem {};

// source.*.each (attribute-only) or source[*].each (full). `each` is an
// expression over SplatItem; for a bare `a[*]` it is the SplatItem itself.
struct Splat {
  ExprPtr source;
  ExprPtr each;
  bool full = false;
};

// [for k, v in coll : value if cond]  or  {for k, v in coll : key => value... if cond}
struct For {
  std::string key_var, value_var;  // key_var empty when absent
  SourceRange key_var_range, value_var_range;
  ExprPtr collection;
  ExprPtr key;    // object form only
  ExprPtr value;
  ExprPtr condition;  // may be null
  bool object = false;
  bool grouping = false;  // `...` after the value
};

struct Parens {
  ExprPtr inner;
};

// Stands where a syntax error left no expression; an error was reported.
struct Invalid {};

struct Expression {
  using Node = std::variant<Literal, Template, Tuple, Object, FunctionCall,
                            Conditional, Unary, Binary, Variable, Traversal,
                            Splat, SplatItem, For, Parens, Invalid>;
  SourceRange range;
  Node node;

  template <typename T>
  const T* As() const { return std::get_if<T>(&node); }
  template <typename T>
  T* As() { return std::get_if<T>(&node); }
};

template <typename T>
ExprPtr MakeExpr(SourceRange range, T node) {
  auto e = std::make_unique<Expression>();
  e->range = range;
  e->node = std::move(node);
  return e;
}

struct Attribute {
  std::string name;
  SourceRange name_range;
  ExprPtr expr;  // never null
  SourceRange range;  // name through the end of the value
};

struct Block;

struct Body {
  std::vector<Attribute> attributes;  // in source order
  std::vector<Block> blocks;          // in source order
  SourceRange range;

  const Attribute* FindAttribute(std::string_view name) const;
};

struct Label {
  std::string value;  // decoded
  SourceRange range;  // as written, quotes included
  bool quoted = true;
};

struct Block {
  std::string type;
  SourceRange type_range;
  std::vector<Label> labels;
  Body body;
  SourceRange open_brace, close_brace;
  SourceRange range;  // type through the closing brace
};

}  // namespace rdslint::hcl

#endif  // RDSLINT_FRONTEND_HCL_HCL_AST_H_
