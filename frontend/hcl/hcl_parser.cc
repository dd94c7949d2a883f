#include "frontend/hcl/hcl_parser.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "frontend/hcl/hcl_lexer.h"
#include "frontend/hcl/hcl_template.h"

namespace rdslint::hcl {
namespace {

using T = TokenType;

constexpr size_t kMaxErrors = 100;  // a binary file should not flood

bool IsOpener(T t) {
  return t == T::kOBrace || t == T::kOBrack || t == T::kOParen || t == T::kOQuote ||
         t == T::kOHeredoc || t == T::kTemplateInterp || t == T::kTemplateControl;
}
bool IsCloser(T t) {
  return t == T::kCBrace || t == T::kCBrack || t == T::kCParen || t == T::kCQuote ||
         t == T::kCHeredoc || t == T::kTemplateSeqEnd;
}

// digits ('.' digits*)? ([eE][+-]? digits)?  — the lexer already limited the
// characters; this catches "1.2.3" and friends.
bool ValidNumber(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t d = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == d) return false;
  }
  return i == s.size();
}

class Parser {
 public:
  Parser(std::string_view text, LexResult lex) : text_(text), toks_(std::move(lex.tokens)) {
    for (Error& e : lex.errors) Fail(e.range, std::move(e.message));
  }

  Body ParseFile() {
    Body body;
    ParseBodyItems(&body, /*top=*/true);
    body.range = SourceRange{0, static_cast<uint32_t>(text_.size())};
    return body;
  }

  ExprPtr ParseLoneExpression() {
    NewlineScope nl(this, false);
    ExprPtr e = ParseExpression();
    const Token& t = Peek();
    if (t.type != T::kEof && !abort_) {
      Fail(t.range, "Extra characters after expression; An expression was successfully parsed, but extra characters were found after it.");
    }
    return e;
  }

  ExprPtr ParseBareTemplate() {
    uint32_t end = static_cast<uint32_t>(text_.size());
    return ParseTemplateBody(SourceRange{0, 0}, /*heredoc=*/true, /*flush=*/false, end);
  }

  std::vector<Error> TakeErrors() {
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const Error& a, const Error& b) { return a.range.begin < b.range.begin; });
    return std::move(errors_);
  }

 private:
  // Newlines end attributes and object items, but are ignored inside (), []
  // and interpolations; the innermost bracket decides.
  struct NewlineScope {
    NewlineScope(Parser* p, bool significant) : p(p), saved(p->nl_) { p->nl_ = significant; }
    ~NewlineScope() { p->nl_ = saved; }
    Parser* p;
    bool saved;
  };
  // Bounds recursion: past kMaxNesting the parse stops with an error.
  struct DepthScope {
    explicit DepthScope(Parser* p) : p(p) {
      if (++p->depth_ > kMaxNesting && !p->abort_) {
        p->Fail(p->Peek().range, "Nesting too deep; This configuration nests blocks or expressions more than " +
                                     std::to_string(kMaxNesting) + " levels deep.");
        p->abort_ = true;
      }
    }
    ~DepthScope() { --p->depth_; }
    Parser* p;
  };

  size_t Skip(size_t i) const {
    if (!nl_) {
      while (toks_[i].type == T::kNewline) ++i;
    }
    return i;
  }
  const Token& Peek(int ahead = 0) const {
    size_t i = Skip(pos_);
    while (ahead-- > 0 && toks_[i].type != T::kEof) i = Skip(i + 1);
    return toks_[i];
  }
  Token Next() {
    size_t i = Skip(pos_);
    Token t = toks_[i];
    pos_ = t.type == T::kEof ? i : i + 1;
    return t;
  }
  std::string_view Text(const Token& t) const { return text_.substr(t.range.begin, t.range.size()); }
  std::string_view Text(SourceRange r) const { return text_.substr(r.begin, r.size()); }
  bool IsKeyword(const Token& t, std::string_view kw) const { return t.type == T::kIdent && Text(t) == kw; }

  void Fail(SourceRange r, std::string msg) {
    // One error per position: the lexer and parser may both see a bad token.
    if (errors_.size() >= kMaxErrors || !error_at_.insert(r.begin).second) return;
    errors_.push_back(Error{r, std::move(msg)});
  }

  ExprPtr InvalidAt(SourceRange r) { return MakeExpr(r, Invalid{}); }

  // Skips the rest of a broken body item: to the next newline outside
  // brackets, stopping before a `}` that closes the enclosing block.
  void RecoverLine() {
    int depth = 0;
    while (!abort_) {
      const Token& t = toks_[pos_];
      if (t.type == T::kEof) return;
      if (depth == 0 && t.type == T::kNewline) { ++pos_; return; }
      if (depth == 0 && t.type == T::kCBrace) return;
      if (IsOpener(t.type)) ++depth;
      if (IsCloser(t.type) && depth > 0) --depth;
      ++pos_;
    }
  }

  // Skips to the closer of the bracket we are in; consumes it if it is
  // `closer` (and `consume`), else leaves it for the enclosing construct.
  void RecoverTo(T closer, bool consume = true) {
    int depth = 0;
    while (!abort_) {
      const Token& t = toks_[pos_];
      if (t.type == T::kEof) return;
      if (depth == 0 && IsCloser(t.type)) {
        if (t.type == closer && consume) ++pos_;
        return;
      }
      if (IsOpener(t.type)) ++depth;
      if (IsCloser(t.type)) --depth;
      ++pos_;
    }
  }

  // ---- structure -----------------------------------------------------------

  void ParseBodyItems(Body* body, bool top) {
    NewlineScope nl(this, true);
    std::unordered_map<std::string_view, SourceRange> seen;
    while (!abort_) {
      const Token& t = Peek();
      if (t.type == T::kNewline) { Next(); continue; }
      if (t.type == T::kEof) return;
      if (t.type == T::kCBrace) {
        if (!top) return;
        Fail(t.range, "Argument or block definition required; An argument or block definition is required here.");
        Next();
        continue;
      }
      if (t.type != T::kIdent) {
        Fail(t.range, "Argument or block definition required; An argument or block definition is required here.");
        RecoverLine();
        continue;
      }
      ParseItem(body, &seen);
    }
  }

  void ParseItem(Body* body, std::unordered_map<std::string_view, SourceRange>* seen) {
    Token name = Next();
    const Token& t = Peek();
    if (t.type == T::kEqual) {
      Next();
      Attribute a = ParseAttributeRest(name);
      const Token& end = Peek();
      if (end.type == T::kNewline) {
        Next();
      } else if (end.type != T::kEof && !abort_) {
        Fail(end.range, "Missing newline after argument; An argument definition must end with a newline.");
        RecoverLine();
      }
      AddAttribute(body, std::move(a), seen);
      return;
    }
    if (t.type == T::kOBrace || t.type == T::kOQuote || t.type == T::kIdent) {
      ParseBlock(body, name);
      return;
    }
    Fail(t.range, "Argument or block definition required; An argument or block definition is required here. "
                  "To set an argument, use the equals sign \"=\" to introduce the argument value.");
    RecoverLine();
  }

  Attribute ParseAttributeRest(const Token& name) {
    Attribute a;
    a.name = std::string(Text(name));
    a.name_range = name.range;
    a.expr = ParseExpression();
    a.range = SourceRange{name.range.begin, std::max(name.range.end, a.expr->range.end)};
    return a;
  }

  void AddAttribute(Body* body, Attribute a, std::unordered_map<std::string_view, SourceRange>* seen) {
    std::string_view key = Text(a.name_range);
    auto [it, inserted] = seen->emplace(key, a.name_range);
    if (!inserted) {
      Fail(a.name_range, "Attribute redefined; The argument \"" + a.name +
                             "\" was already set. Each argument may be set only once.");
      return;
    }
    body->attributes.push_back(std::move(a));
  }

  void ParseBlock(Body* parent, const Token& type) {
    DepthScope depth(this);
    if (abort_) return;
    Block b;
    b.type = std::string(Text(type));
    b.type_range = type.range;
    for (;;) {
      const Token& t = Peek();
      if (t.type == T::kIdent) {
        Next();
        b.labels.push_back(Label{std::string(Text(t)), t.range, false});
      } else if (t.type == T::kOQuote) {
        ExprPtr e = ParseQuoted();
        Label l;
        l.range = e->range;
        const Template* tpl = e->As<Template>();
        bool literal = tpl != nullptr;
        if (tpl) {
          for (const TemplatePart& p : tpl->parts) {
            if (p.kind != TemplatePart::kLiteral) literal = false;
            else l.value += p.text.text;
          }
        }
        if (!literal) Fail(e->range, "Invalid block label; Template sequences are not allowed in block labels.");
        b.labels.push_back(std::move(l));
      } else {
        break;
      }
    }
    const Token& t = Peek();
    if (t.type != T::kOBrace) {
      Fail(t.range, "Invalid block definition; Either a quoted string block label or an opening brace (\"{\") is expected here.");
      RecoverLine();
      return;
    }
    Token open = Next();
    b.open_brace = open.range;
    const Token& first = Peek();
    if (first.type == T::kNewline) {
      ParseBodyItems(&b.body, false);
    } else if (first.type == T::kIdent && Peek(1).type == T::kEqual) {
      // Single-line block: `name { attr = value }`.
      Token name = Next();
      Next();
      Attribute a = ParseAttributeRest(name);
      std::unordered_map<std::string_view, SourceRange> seen;
      AddAttribute(&b.body, std::move(a), &seen);
      const Token& after = Peek();
      if (after.type == T::kComma) {
        Fail(after.range, "Invalid single-argument block definition; Single-line block syntax can include only one argument definition. "
                          "To define multiple arguments, use the multi-line block syntax with one argument definition per line.");
        RecoverTo(T::kCBrace, /*consume=*/false);
      } else if (after.type == T::kNewline) {
        Fail(after.range, "Invalid single-argument block definition; An argument definition on the same line as its containing block "
                          "creates a single-line block definition, which must also be closed on the same line. "
                          "Place the block's closing brace immediately after the argument definition.");
        ParseBodyItems(&b.body, false);
      } else if (after.type != T::kCBrace && after.type != T::kEof) {
        Fail(after.range, "Missing newline after argument; An argument definition must end with a newline.");
        RecoverLine();
        ParseBodyItems(&b.body, false);
      }
    } else if (first.type != T::kCBrace && first.type != T::kEof) {
      Fail(first.range, "Argument definition required; A single-line block definition can contain only a single argument. "
                        "To define a nested block, place it on a line of its own within its parent block.");
      RecoverTo(T::kCBrace, /*consume=*/false);
    }
    const Token& close = Peek();
    if (close.type != T::kCBrace) {
      if (!abort_) {
        Fail(open.range, "Unclosed configuration block; There is no closing brace for this block before the end of the file. "
                         "This may be caused by incorrect brace nesting elsewhere in this file.");
      }
      b.close_brace = SourceRange{close.range.begin, close.range.begin};
      b.range = SourceRange{type.range.begin, close.range.begin};
      parent->blocks.push_back(std::move(b));
      return;
    }
    Next();
    b.close_brace = close.range;
    b.range = SourceRange{type.range.begin, close.range.end};
    b.body.range = SourceRange{open.range.begin, close.range.end};
    parent->blocks.push_back(std::move(b));
    const Token& end = Peek();
    if (end.type == T::kNewline) {
      Next();
    } else if (end.type != T::kEof && !abort_) {
      Fail(end.range, "Missing newline after block definition; A block definition must end with a newline.");
      RecoverLine();
    }
  }

  // ---- expressions ---------------------------------------------------------

  ExprPtr ParseExpression() {
    DepthScope depth(this);
    if (abort_) return InvalidAt(Peek().range);
    ExprPtr cond = ParseBinary(0);
    if (Peek().type != T::kQuestion || abort_) return cond;
    Next();
    ExprPtr then_expr = ParseExpression();
    ExprPtr else_expr;
    if (Peek().type == T::kColon) {
      Next();
      else_expr = ParseExpression();
    } else {
      if (!abort_) Fail(Peek().range, "Missing false expression in conditional; The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
      else_expr = InvalidAt(Peek().range);
    }
    SourceRange r{cond->range.begin, std::max(cond->range.end, else_expr->range.end)};
    return MakeExpr(r, Conditional{std::move(cond), std::move(then_expr), std::move(else_expr)});
  }

  // Binary operators from loosest (0) to tightest (5); all left-associative.
  static bool BinaryOp(T t, int level, Op* op) {
    switch (level) {
      case 0: if (t == T::kOr) { *op = Op::kOr; return true; } return false;
      case 1: if (t == T::kAnd) { *op = Op::kAnd; return true; } return false;
      case 2:
        if (t == T::kEqualOp) { *op = Op::kEqual; return true; }
        if (t == T::kNotEqual) { *op = Op::kNotEqual; return true; }
        return false;
      case 3:
        if (t == T::kLess) { *op = Op::kLess; return true; }
        if (t == T::kLessEqual) { *op = Op::kLessEqual; return true; }
        if (t == T::kGreater) { *op = Op::kGreater; return true; }
        if (t == T::kGreaterEqual) { *op = Op::kGreaterEqual; return true; }
        return false;
      case 4:
        if (t == T::kPlus) { *op = Op::kAdd; return true; }
        if (t == T::kMinus) { *op = Op::kSub; return true; }
        return false;
      case 5:
        if (t == T::kStar) { *op = Op::kMul; return true; }
        if (t == T::kSlash) { *op = Op::kDiv; return true; }
        if (t == T::kPercent) { *op = Op::kMod; return true; }
        return false;
    }
    return false;
  }

  ExprPtr ParseBinary(int level) {
    if (level > 5) return ParseUnary();
    ExprPtr lhs = ParseBinary(level + 1);
    Op op;
    while (!abort_ && BinaryOp(Peek().type, level, &op)) {
      Next();
      ExprPtr rhs = ParseBinary(level + 1);
      SourceRange r{lhs->range.begin, std::max(lhs->range.end, rhs->range.end)};
      lhs = MakeExpr(r, Binary{op, std::move(lhs), std::move(rhs)});
    }
    return lhs;
  }

  ExprPtr ParseUnary() {
    const Token& t = Peek();
    if (t.type == T::kBang || t.type == T::kMinus) {
      Token op = Next();
      DepthScope depth(this);
      if (abort_) return InvalidAt(op.range);
      ExprPtr operand = ParseUnary();
      SourceRange r{op.range.begin, std::max(op.range.end, operand->range.end)};
      return MakeExpr(r, Unary{op.type == T::kBang ? Op::kNot : Op::kNegate, std::move(operand)});
    }
    return ParseTraversals(ParseTerm());
  }

  ExprPtr ParseTerm() {
    const Token& t = Peek();
    switch (t.type) {
      case T::kNumber: {
        Token n = Next();
        Literal lit;
        lit.kind = Literal::kNumber;
        lit.number_text = std::string(Text(n));
        if (!ValidNumber(lit.number_text)) {
          Fail(n.range, "Invalid number literal; Failed to recognize the value of this number literal.");
          return InvalidAt(n.range);
        }
        lit.number = std::strtod(lit.number_text.c_str(), nullptr);
        return MakeExpr(n.range, std::move(lit));
      }
      case T::kIdent: {
        T next = Peek(1).type;
        if (next == T::kOParen || next == T::kDoubleColon) return ParseCall();
        Token id = Next();
        std::string_view s = Text(id);
        if (s == "true" || s == "false") {
          Literal lit;
          lit.kind = Literal::kBool;
          lit.boolean = s == "true";
          return MakeExpr(id.range, std::move(lit));
        }
        if (s == "null") return MakeExpr(id.range, Literal{});
        return MakeExpr(id.range, Variable{std::string(s)});
      }
      case T::kOQuote: return ParseQuoted();
      case T::kOHeredoc: return ParseHeredoc();
      case T::kOParen: {
        Token open = Next();
        NewlineScope nl(this, false);
        ExprPtr inner = ParseExpression();
        const Token& close = Peek();
        if (close.type != T::kCParen) {
          if (!abort_) Fail(close.range, "Unbalanced parentheses; Expected a closing parenthesis to terminate the expression.");
          RecoverTo(T::kCParen);
          SourceRange r{open.range.begin, inner->range.end};
          return MakeExpr(r, Parens{std::move(inner)});
        }
        Next();
        return MakeExpr(SourceRange{open.range.begin, close.range.end}, Parens{std::move(inner)});
      }
      case T::kOBrack: {
        Token open = Next();
        NewlineScope nl(this, false);
        if (IsKeyword(Peek(), "for") && Peek(1).type == T::kIdent) return ParseFor(open, false);
        return ParseTuple(open);
      }
      case T::kOBrace: {
        Token open = Next();
        {
          NewlineScope nl(this, false);
          if (IsKeyword(Peek(), "for") && Peek(1).type == T::kIdent) return ParseFor(open, true);
        }
        return ParseObject(open);
      }
      default:
        break;
    }
    if (!abort_) Fail(t.range, "Invalid expression; Expected the start of an expression, but found an invalid expression token.");
    SourceRange r = t.range;
    // Consume a stray token so the caller makes progress, but leave anything
    // that ends a construct for the caller's recovery to see.
    if (t.type != T::kEof && t.type != T::kNewline && t.type != T::kComma && !IsCloser(t.type)) Next();
    return InvalidAt(r);
  }

  ExprPtr ParseCall() {
    Token first = Next();
    FunctionCall call;
    call.name = std::string(Text(first));
    call.name_range = first.range;
    while (Peek().type == T::kDoubleColon && Peek(1).type == T::kIdent) {
      Next();
      Token part = Next();
      call.name_range.end = part.range.end;
    }
    call.name = std::string(Text(call.name_range));
    const Token& open = Peek();
    if (open.type != T::kOParen) {
      Fail(open.range, "Missing open parenthesis; Function selector must be followed by an open parenthesis to begin the function call.");
      return InvalidAt(call.name_range);
    }
    Next();
    NewlineScope nl(this, false);
    while (!abort_) {
      if (Peek().type == T::kCParen) break;
      call.args.push_back(ParseExpression());
      const Token& t = Peek();
      if (t.type == T::kEllipsis) {
        Next();
        call.expand_final = true;
        if (Peek().type != T::kCParen) {
          Fail(t.range, "Missing closing parenthesis; An expanded function argument (with ...) must be immediately followed by closing parentheses.");
          RecoverTo(T::kCParen);
          return MakeExpr(SourceRange{first.range.begin, toks_[pos_ - 1].range.end}, std::move(call));
        }
        break;
      }
      if (t.type == T::kComma) { Next(); continue; }
      if (t.type == T::kCParen) break;
      if (!abort_) Fail(t.range, "Missing argument separator; A comma is required to separate each function argument from the next.");
      RecoverTo(T::kCParen);
      return MakeExpr(SourceRange{first.range.begin, toks_[pos_ - 1].range.end}, std::move(call));
    }
    Token close = Next();
    return MakeExpr(SourceRange{first.range.begin, close.range.end}, std::move(call));
  }

  ExprPtr ParseTuple(const Token& open) {
    Tuple tuple;
    while (!abort_) {
      if (Peek().type == T::kCBrack) break;
      tuple.items.push_back(ParseExpression());
      const Token& t = Peek();
      if (t.type == T::kComma) { Next(); continue; }
      if (t.type == T::kCBrack) break;
      if (!abort_) {
        Fail(t.type == T::kEof ? open.range : t.range,
             t.type == T::kEof ? "Unterminated tuple constructor; There is no corresponding closing bracket before the end of the file."
                               : "Missing item separator; Expected a comma to mark the beginning of the next item.");
      }
      RecoverTo(T::kCBrack);
      return MakeExpr(SourceRange{open.range.begin, toks_[pos_ > 0 ? pos_ - 1 : 0].range.end}, std::move(tuple));
    }
    Token close = Next();
    return MakeExpr(SourceRange{open.range.begin, close.range.end}, std::move(tuple));
  }

  ExprPtr ParseObject(const Token& open) {
    NewlineScope nl(this, true);
    Object obj;
    while (!abort_) {
      while (Peek().type == T::kNewline) Next();
      const Token& t = Peek();
      if (t.type == T::kCBrace) break;
      if (t.type == T::kEof) {
        Fail(open.range, "Unterminated object constructor; There is no corresponding closing brace before the end of the file.");
        return MakeExpr(SourceRange{open.range.begin, t.range.begin}, std::move(obj));
      }
      ObjectItem item;
      item.key = ParseExpression();
      if (item.key->As<Variable>()) {
        item.bare_key = true;
      } else if (const Traversal* tr = item.key->As<Traversal>()) {
        item.bare_key = tr->source && tr->source->As<Variable>();
      }
      const Token& sep = Peek();
      if (sep.type != T::kEqual && sep.type != T::kColon) {
        if (!abort_) Fail(sep.range, "Missing key/value separator; Expected an equals sign (\"=\") to mark the beginning of the attribute value.");
        RecoverTo(T::kCBrace);
        return MakeExpr(SourceRange{open.range.begin, toks_[pos_ > 0 ? pos_ - 1 : 0].range.end}, std::move(obj));
      }
      Next();
      item.value = ParseExpression();
      obj.items.push_back(std::move(item));
      const Token& after = Peek();
      if (after.type == T::kComma || after.type == T::kNewline) { Next(); continue; }
      if (after.type == T::kCBrace) break;
      if (!abort_) Fail(after.range, "Missing attribute separator; Expected a newline or comma to mark the beginning of the next attribute.");
      RecoverTo(T::kCBrace);
      return MakeExpr(SourceRange{open.range.begin, toks_[pos_ > 0 ? pos_ - 1 : 0].range.end}, std::move(obj));
    }
    Token close = Next();
    return MakeExpr(SourceRange{open.range.begin, close.range.end}, std::move(obj));
  }

  ExprPtr ParseFor(const Token& open, bool object) {
    NewlineScope nl(this, false);
    T closer = object ? T::kCBrace : T::kCBrack;
    For f;
    f.object = object;
    auto bad = [&](const Token& at, const char* msg) {
      if (!abort_) Fail(at.range, std::string("Invalid 'for' expression; ") + msg);
      RecoverTo(closer);
      return MakeExpr(SourceRange{open.range.begin, toks_[pos_ > 0 ? pos_ - 1 : 0].range.end}, std::move(f));
    };
    Next();  // for
    Token v1 = Next();  // an identifier, checked by the caller
    if (Peek().type == T::kComma) {
      Next();
      const Token& v2 = Peek();
      if (v2.type != T::kIdent) return bad(v2, "Value variable name expected after the comma.");
      Next();
      f.key_var = std::string(Text(v1));
      f.key_var_range = v1.range;
      f.value_var = std::string(Text(v2));
      f.value_var_range = v2.range;
    } else {
      f.value_var = std::string(Text(v1));
      f.value_var_range = v1.range;
    }
    if (!IsKeyword(Peek(), "in")) return bad(Peek(), "The 'in' keyword is expected after the iterator variable names.");
    Next();
    f.collection = ParseExpression();
    if (Peek().type != T::kColon) return bad(Peek(), "A colon is expected after the collection expression.");
    Next();
    if (object) {
      f.key = ParseExpression();
      if (Peek().type != T::kFatArrow) return bad(Peek(), "The key expression must be followed by \"=>\" and the value expression.");
      Next();
    }
    f.value = ParseExpression();
    if (object && Peek().type == T::kEllipsis) {
      Next();
      f.grouping = true;
    }
    if (IsKeyword(Peek(), "if")) {
      Next();
      f.condition = ParseExpression();
    }
    if (Peek().type != closer) {
      return bad(Peek(), object ? "Extra characters after the end of the 'for' expression; expected \"}\"."
                                : "Extra characters after the end of the 'for' expression; expected \"]\".");
    }
    Token close = Next();
    return MakeExpr(SourceRange{open.range.begin, close.range.end}, std::move(f));
  }

  // .name  .0  [index]  .*  [*] after a term.
  ExprPtr ParseTraversals(ExprPtr expr) {
    Traversal* trav = nullptr;  // the node steps are appended to, if any
    auto add_step = [&](TraversalStep step) {
      if (!trav) {
        SourceRange r = expr->range;
        Traversal t;
        t.source = std::move(expr);
        expr = MakeExpr(r, std::move(t));
        trav = expr->As<Traversal>();
      }
      expr->range.end = std::max(expr->range.end, step.range.end);
      trav->steps.push_back(std::move(step));
    };
    while (!abort_) {
      const Token& t = Peek();
      if (t.type == T::kDot) {
        const Token& n = Peek(1);
        if (n.type == T::kStar) {
          Token dot = Next();
          Token star = Next();
          expr = ParseSplat(std::move(expr), false, SourceRange{dot.range.begin, star.range.end});
          trav = nullptr;
          continue;
        }
        TraversalStep step;
        if (!ParseDotStep(&step)) return expr;
        add_step(std::move(step));
      } else if (t.type == T::kOBrack) {
        if (Peek(1).type == T::kStar && Peek(2).type == T::kCBrack) {
          Token open = Next();
          Next();
          Token close = Next();
          expr = ParseSplat(std::move(expr), true, SourceRange{open.range.begin, close.range.end});
          trav = nullptr;
          continue;
        }
        TraversalStep step;
        ParseIndexStep(&step);
        add_step(std::move(step));
      } else {
        break;
      }
    }
    return expr;
  }

  // After a dot: `.name` or `.0`. False (with an error) if neither.
  bool ParseDotStep(TraversalStep* step) {
    Token dot = Next();
    const Token& n = Peek();
    if (n.type == T::kIdent) {
      Next();
      step->kind = TraversalStep::kAttr;
      step->name = std::string(Text(n));
      step->range = SourceRange{dot.range.begin, n.range.end};
      return true;
    }
    if (n.type == T::kNumber) {
      Next();
      std::string_view digits = Text(n);
      if (digits.find_first_not_of("0123456789") != std::string_view::npos) {
        Fail(n.range, "Invalid legacy index syntax; When using the legacy index syntax, chaining two indexes together is not permitted. "
                      "Use the proper index syntax instead, like [0][1].");
      }
      step->kind = TraversalStep::kLegacyIndex;
      step->name = std::string(digits);
      step->range = SourceRange{dot.range.begin, n.range.end};
      return true;
    }
    Fail(n.range, "Invalid attribute name; An attribute name is required after a dot.");
    return false;
  }

  void ParseIndexStep(TraversalStep* step) {
    Token open = Next();
    NewlineScope nl(this, false);
    step->kind = TraversalStep::kIndex;
    step->index = ParseExpression();
    const Token& close = Peek();
    if (close.type != T::kCBrack) {
      if (!abort_) Fail(close.range, "Missing close bracket on index; The index operator must end with a closing bracket (\"]\").");
      RecoverTo(T::kCBrack);
      step->range = SourceRange{open.range.begin, toks_[pos_ > 0 ? pos_ - 1 : 0].range.end};
      return;
    }
    Next();
    step->range = SourceRange{open.range.begin, close.range.end};
  }

  // `.*` takes the following .name steps into each element; `[*]` also takes
  // [index] steps and further splats.
  ExprPtr ParseSplat(ExprPtr source, bool full, SourceRange op) {
    DepthScope depth(this);
    ExprPtr each = MakeExpr(op, SplatItem{});
    Traversal* trav = nullptr;
    uint32_t end = op.end;
    while (!abort_) {
      const Token& t = Peek();
      TraversalStep step;
      if (t.type == T::kDot && Peek(1).type != T::kStar) {
        if (!ParseDotStep(&step)) break;
      } else if (full && t.type == T::kOBrack && !(Peek(1).type == T::kStar && Peek(2).type == T::kCBrack)) {
        ParseIndexStep(&step);
      } else if (full && (t.type == T::kDot || t.type == T::kOBrack)) {
        // A nested splat applies inside each element.
        bool nested_full = t.type == T::kOBrack;
        Token a = Next();
        Next();
        Token b = nested_full ? Next() : toks_[pos_ - 1];
        each = ParseSplat(std::move(each), nested_full, SourceRange{a.range.begin, b.range.end});
        end = std::max(end, each->range.end);
        trav = nullptr;
        break;
      } else {
        break;
      }
      if (!trav) {
        SourceRange r = each->range;
        Traversal tr;
        tr.source = std::move(each);
        each = MakeExpr(r, std::move(tr));
        trav = each->As<Traversal>();
      }
      end = std::max(end, step.range.end);
      each->range.end = end;
      trav->steps.push_back(std::move(step));
    }
    SourceRange r{source->range.begin, end};
    Splat s;
    s.source = std::move(source);
    s.each = std::move(each);
    s.full = full;
    return MakeExpr(r, std::move(s));
  }

  // ---- templates -----------------------------------------------------------

  ExprPtr ParseQuoted() {
    Token open = Next();
    return ParseTemplateBody(open.range, false, false, 0);
  }

  ExprPtr ParseHeredoc() {
    Token open = Next();
    return ParseTemplateBody(open.range, true, open.flag, 0);
  }

  // Reads template tokens up to the closing quote/marker (or EOF for a bare
  // template). `bare_end` is the range end for a bare template.
  ExprPtr ParseTemplateBody(SourceRange open, bool heredoc, bool flush, uint32_t bare_end) {
    DepthScope depth(this);
    NewlineScope nl(this, false);
    std::vector<RawTemplatePart> raw;
    uint32_t end = open.end;
    bool quoted = !heredoc;
    while (!abort_) {
      const Token& t = toks_[pos_];
      if (t.type == T::kTemplateLiteral) {
        ++pos_;
        RawTemplatePart p;
        p.kind = RawTemplatePart::kLiteral;
        p.range = t.range;
        std::vector<Error> errs;
        p.text = quoted ? DecodeQuotedLiteral(Text(t), t.range.begin, &errs)
                        : DecodeHeredocLiteral(Text(t), t.range.begin);
        for (Error& e : errs) Fail(e.range, std::move(e.message));
        raw.push_back(std::move(p));
        continue;
      }
      if (t.type == T::kTemplateInterp) {
        Token o = Next();
        RawTemplatePart p;
        p.kind = RawTemplatePart::kInterp;
        p.strip_before = o.flag;
        p.expr = ParseExpression();
        p.range = SourceRange{o.range.begin, CloseSequence(&p)};
        raw.push_back(std::move(p));
        continue;
      }
      if (t.type == T::kTemplateControl) {
        Token o = Next();
        RawTemplatePart p;
        p.strip_before = o.flag;
        ParseDirective(&p);
        p.range = SourceRange{o.range.begin, CloseSequence(&p)};
        raw.push_back(std::move(p));
        continue;
      }
      if (t.type == T::kCQuote || t.type == T::kCHeredoc) {
        ++pos_;
        end = t.range.end;
        break;
      }
      if (t.type == T::kEof) {
        end = bare_end ? bare_end : t.range.begin;
        break;
      }
      // Only reachable after an error inside an interpolation.
      ++pos_;
    }
    std::vector<Error> errs;
    Template tpl = BuildTemplate(std::move(raw), heredoc, flush, &errs);
    for (Error& e : errs) Fail(e.range, std::move(e.message));
    return MakeExpr(SourceRange{open.begin, end}, std::move(tpl));
  }

  // Expects the `}` (or `~}`) ending an interpolation or directive; returns
  // the end offset of what was consumed.
  uint32_t CloseSequence(RawTemplatePart* p) {
    const Token& t = Peek();
    if (t.type == T::kTemplateSeqEnd) {
      Next();
      p->strip_after = t.flag;
      return t.range.end;
    }
    if (!abort_) {
      Fail(t.range, "Extra characters after interpolation expression; Expected a closing brace to end the interpolation expression, "
                    "but found extra characters.");
    }
    RecoverTo(T::kTemplateSeqEnd);
    return toks_[pos_ > 0 ? pos_ - 1 : 0].range.end;
  }

  void ParseDirective(RawTemplatePart* p) {
    const Token& kw = Peek();
    std::string_view s = kw.type == T::kIdent ? Text(kw) : std::string_view();
    if (s == "if") {
      Next();
      p->kind = RawTemplatePart::kIf;
      p->expr = ParseExpression();
    } else if (s == "else") {
      Next();
      p->kind = RawTemplatePart::kElse;
    } else if (s == "endif") {
      Next();
      p->kind = RawTemplatePart::kEndIf;
    } else if (s == "endfor") {
      Next();
      p->kind = RawTemplatePart::kEndFor;
    } else if (s == "for") {
      Next();
      p->kind = RawTemplatePart::kFor;
      const Token& v1 = Peek();
      if (v1.type != T::kIdent) {
        Fail(v1.range, "Invalid 'for' directive; For directive requires variable name after 'for'.");
        p->expr = InvalidAt(v1.range);
        return;
      }
      Next();
      p->value_var = std::string(Text(v1));
      if (Peek().type == T::kComma) {
        Next();
        const Token& v2 = Peek();
        if (v2.type != T::kIdent) {
          Fail(v2.range, "Invalid 'for' directive; Value variable name expected after the comma.");
          p->expr = InvalidAt(v2.range);
          return;
        }
        Next();
        p->key_var = std::move(p->value_var);
        p->value_var = std::string(Text(v2));
      }
      if (!IsKeyword(Peek(), "in")) {
        Fail(Peek().range, "Invalid 'for' directive; The 'in' keyword is expected after the iterator variable names.");
        p->expr = InvalidAt(Peek().range);
        return;
      }
      Next();
      p->expr = ParseExpression();
    } else {
      Fail(kw.range, "Invalid template directive; A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.");
      p->kind = RawTemplatePart::kLiteral;  // an empty literal: dropped
    }
  }

  std::string_view text_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  bool nl_ = true;
  int depth_ = 0;
  bool abort_ = false;
  std::vector<Error> errors_;
  std::unordered_set<uint32_t> error_at_;
};

// Moves every range of a tree parsed from decoded text to the file positions
// the decoded bytes came from.
class Remapper {
 public:
  explicit Remapper(const MappedText& m) : m_(m) {}

  SourceRange Map(SourceRange r) const {
    if (m_.offsets.empty()) return r;
    uint32_t last = static_cast<uint32_t>(m_.offsets.size() - 1);
    uint32_t b = std::min(r.begin, last), e = std::min(r.end, last);
    if (e <= b) return SourceRange{m_.offsets[b], m_.offsets[b]};
    return m_.ToSource(b, e);
  }

  void Expr(Expression* e) {
    if (!e) return;
    e->range = Map(e->range);
    std::visit([this](auto& n) { Node(n); }, e->node);
  }

 private:
  void Parts(std::vector<TemplatePart>& parts) {
    for (TemplatePart& p : parts) {
      p.range = Map(p.range);
      if (p.kind == TemplatePart::kLiteral) {
        for (uint32_t& o : p.text.offsets) o = Map(SourceRange{o, o}).begin;
      }
      Expr(p.expr.get());
      Parts(p.then_parts);
      Parts(p.else_parts);
    }
  }
  void Node(Literal&) {}
  void Node(Template& t) { Parts(t.parts); }
  void Node(Tuple& t) { for (auto& i : t.items) Expr(i.get()); }
  void Node(Object& o) { for (auto& i : o.items) { Expr(i.key.get()); Expr(i.value.get()); } }
  void Node(FunctionCall& f) { f.name_range = Map(f.name_range); for (auto& a : f.args) Expr(a.get()); }
  void Node(Conditional& c) { Expr(c.condition.get()); Expr(c.then_expr.get()); Expr(c.else_expr.get()); }
  void Node(Unary& u) { Expr(u.operand.get()); }
  void Node(Binary& b) { Expr(b.lhs.get()); Expr(b.rhs.get()); }
  void Node(Variable&) {}
  void Node(Traversal& t) {
    Expr(t.source.get());
    for (auto& s : t.steps) { s.range = Map(s.range); Expr(s.index.get()); }
  }
  void Node(Splat& s) { Expr(s.source.get()); Expr(s.each.get()); }
  void Node(SplatItem&) {}
  void Node(For& f) {
    f.key_var_range = Map(f.key_var_range);
    f.value_var_range = Map(f.value_var_range);
    Expr(f.collection.get()); Expr(f.key.get()); Expr(f.value.get()); Expr(f.condition.get());
  }
  void Node(Parens& p) { Expr(p.inner.get()); }
  void Node(Invalid&) {}

  const MappedText& m_;
};

}  // namespace

ParseResult ParseHcl(std::string_view text) {
  Parser p(text, Lex(text));
  ParseResult r;
  r.body = p.ParseFile();
  r.errors = p.TakeErrors();
  return r;
}

ExpressionResult ParseHclExpression(std::string_view text) {
  Parser p(text, Lex(text));
  ExpressionResult r;
  r.expr = p.ParseLoneExpression();
  r.errors = p.TakeErrors();
  return r;
}

ExpressionResult ParseHclExpression(const MappedText& text) {
  ExpressionResult r = ParseHclExpression(std::string_view(text.text));
  Remapper m(text);
  m.Expr(r.expr.get());
  for (Error& e : r.errors) e.range = m.Map(e.range);
  return r;
}

ExpressionResult ParseHclTemplate(const MappedText& text) {
  Parser p(text.text, LexTemplate(text.text));
  ExpressionResult r;
  r.expr = p.ParseBareTemplate();
  r.errors = p.TakeErrors();
  Remapper m(text);
  m.Expr(r.expr.get());
  for (Error& e : r.errors) e.range = m.Map(e.range);
  return r;
}

}  // namespace rdslint::hcl
