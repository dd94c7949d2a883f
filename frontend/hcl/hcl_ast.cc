#include "frontend/hcl/hcl_ast.h"

namespace rdslint::hcl {

const char* OpSpelling(Op op) {
  switch (op) {
    case Op::kNot: return "!";
    case Op::kNegate: return "-";
    case Op::kMul: return "*";
    case Op::kDiv: return "/";
    case Op::kMod: return "%";
    case Op::kAdd: return "+";
    case Op::kSub: return "-";
    case Op::kLess: return "<";
    case Op::kLessEqual: return "<=";
    case Op::kGreater: return ">";
    case Op::kGreaterEqual: return ">=";
    case Op::kEqual: return "==";
    case Op::kNotEqual: return "!=";
    case Op::kAnd: return "&&";
    case Op::kOr: return "||";
  }
  return "?";
}

const Attribute* Body::FindAttribute(std::string_view name) const {
  for (const Attribute& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace rdslint::hcl
