#include "frontend/hcl/hcl_parser.h"

#include <chrono>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "core/source.h"

namespace rdslint::hcl {
namespace {

std::string_view Src(std::string_view text, SourceRange r) { return text.substr(r.begin, r.size()); }

const Expression& Attr(const Body& body, std::string_view name) {
  const Attribute* a = body.FindAttribute(name);
  EXPECT_NE(a, nullptr) << name;
  static const Expression kInvalid{};
  return a ? *a->expr : kInvalid;
}

ParseResult ParseOk(std::string_view text) {
  ParseResult r = ParseHcl(text);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
  return r;
}

std::string FirstError(std::string_view text) {
  ParseResult r = ParseHcl(text);
  return r.errors.empty() ? "" : r.errors[0].message;
}

// ---- structure --------------------------------------------------------------

TEST(HclStructure, BlocksLabelsAndRanges) {
  std::string text = "resource \"aws_db_instance\" \"main\" {\n  engine = \"postgres\"\n}\n";
  ParseResult r = ParseOk(text);
  ASSERT_EQ(r.body.blocks.size(), 1u);
  const Block& b = r.body.blocks[0];
  EXPECT_EQ(b.type, "resource");
  ASSERT_EQ(b.labels.size(), 2u);
  EXPECT_EQ(b.labels[0].value, "aws_db_instance");
  EXPECT_EQ(Src(text, b.labels[0].range), "\"aws_db_instance\"");
  EXPECT_EQ(b.labels[1].value, "main");
  EXPECT_EQ(Src(text, b.type_range), "resource");
  EXPECT_EQ(Src(text, b.open_brace), "{");
  EXPECT_EQ(Src(text, b.close_brace), "}");
  EXPECT_EQ(b.range.begin, 0u);
  EXPECT_EQ(b.range.end, text.size() - 1);
  const Attribute& a = b.body.attributes.at(0);
  EXPECT_EQ(a.name, "engine");
  EXPECT_EQ(Src(text, a.name_range), "engine");
  EXPECT_EQ(Src(text, a.range), "engine = \"postgres\"");
  EXPECT_EQ(Src(text, a.expr->range), "\"postgres\"");
}

TEST(HclStructure, UnquotedLabelsAndNestedBlocks) {
  ParseResult r = ParseOk("a b c {\n  inner {\n    x = 1\n  }\n  inner {}\n}\n");
  const Block& b = r.body.blocks.at(0);
  ASSERT_EQ(b.labels.size(), 2u);
  EXPECT_FALSE(b.labels[0].quoted);
  EXPECT_EQ(b.labels[1].value, "c");
  ASSERT_EQ(b.body.blocks.size(), 2u);
  EXPECT_EQ(b.body.blocks[0].body.attributes.size(), 1u);
}

TEST(HclStructure, SingleLineBlocks) {
  ParseResult r = ParseOk("a { b = 1 }\nc {}\n");
  ASSERT_EQ(r.body.blocks.size(), 2u);
  EXPECT_EQ(r.body.blocks[0].body.attributes.at(0).name, "b");
  EXPECT_TRUE(r.body.blocks[1].body.attributes.empty());
}

TEST(HclStructure, CommentsAllThreeForms) {
  ParseResult r = ParseOk("# one\n// two\n/* three\n */ a = 1 # trailing\nb = 2 // trailing\nc = /* inline */ 3\n");
  EXPECT_EQ(r.body.attributes.size(), 3u);
}

TEST(HclStructure, CrlfAndNoFinalNewline) {
  ParseResult r = ParseOk("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\nd = 2");
  EXPECT_EQ(r.body.attributes.size(), 2u);
  EXPECT_EQ(r.body.blocks.size(), 1u);
}

// ---- expressions --------------------------------------------------------------

TEST(HclExpr, Literals) {
  ParseResult r = ParseOk("n = 1.5e3\nt = true\nf = false\nz = null\n");
  const Literal* n = Attr(r.body, "n").As<Literal>();
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->kind, Literal::kNumber);
  EXPECT_DOUBLE_EQ(n->number, 1500);
  EXPECT_EQ(n->number_text, "1.5e3");
  EXPECT_TRUE(Attr(r.body, "t").As<Literal>()->boolean);
  EXPECT_EQ(Attr(r.body, "f").As<Literal>()->kind, Literal::kBool);
  EXPECT_EQ(Attr(r.body, "z").As<Literal>()->kind, Literal::kNull);
}

TEST(HclExpr, OperatorPrecedence) {
  std::string text = "x = a || b && c == d + e * f\n";
  ParseResult r = ParseOk(text);
  const Binary* orr = Attr(r.body, "x").As<Binary>();
  ASSERT_NE(orr, nullptr);
  EXPECT_EQ(orr->op, Op::kOr);
  const Binary* andd = orr->rhs->As<Binary>();
  ASSERT_NE(andd, nullptr);
  EXPECT_EQ(andd->op, Op::kAnd);
  const Binary* eq = andd->rhs->As<Binary>();
  ASSERT_NE(eq, nullptr);
  EXPECT_EQ(eq->op, Op::kEqual);
  const Binary* add = eq->rhs->As<Binary>();
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->op, Op::kAdd);
  EXPECT_EQ(add->rhs->As<Binary>()->op, Op::kMul);
  EXPECT_EQ(Src(text, eq->rhs->range), "d + e * f");
}

TEST(HclExpr, LeftAssociativeAndComparisons) {
  ParseResult r = ParseOk("x = 1 - 2 - 3\ny = a < b\nz = a >= b != c\n");
  const Binary* x = Attr(r.body, "x").As<Binary>();
  ASSERT_NE(x, nullptr);
  EXPECT_NE(x->lhs->As<Binary>(), nullptr);  // (1 - 2) - 3
  EXPECT_EQ(Attr(r.body, "y").As<Binary>()->op, Op::kLess);
  const Binary* z = Attr(r.body, "z").As<Binary>();
  EXPECT_EQ(z->op, Op::kNotEqual);
  EXPECT_EQ(z->lhs->As<Binary>()->op, Op::kGreaterEqual);
}

TEST(HclExpr, UnaryBindsTighterThanBinary) {
  ParseResult r = ParseOk("x = -a * b\ny = !a && b\nz = - - 1\n");
  const Binary* x = Attr(r.body, "x").As<Binary>();
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->lhs->As<Unary>()->op, Op::kNegate);
  EXPECT_EQ(Attr(r.body, "y").As<Binary>()->lhs->As<Unary>()->op, Op::kNot);
  EXPECT_NE(Attr(r.body, "z").As<Unary>()->operand->As<Unary>(), nullptr);
}

TEST(HclExpr, ConditionalNestsToTheRight) {
  std::string text = "x = a ? b : c ? d : e\n";
  ParseResult r = ParseOk(text);
  const Conditional* c = Attr(r.body, "x").As<Conditional>();
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->else_expr->As<Conditional>(), nullptr);
  EXPECT_EQ(Src(text, Attr(r.body, "x").range), "a ? b : c ? d : e");
}

TEST(HclExpr, TraversalSteps) {
  std::string text = "x = aws_db_instance.main.address\ny = var.list[0].name\nz = a.0.b\n";
  ParseResult r = ParseOk(text);
  const Traversal* t = Attr(r.body, "x").As<Traversal>();
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->source->As<Variable>()->name, "aws_db_instance");
  ASSERT_EQ(t->steps.size(), 2u);
  EXPECT_EQ(t->steps[0].name, "main");
  EXPECT_EQ(t->steps[1].kind, TraversalStep::kAttr);
  EXPECT_EQ(Src(text, t->steps[1].range), ".address");
  const Traversal* y = Attr(r.body, "y").As<Traversal>();
  ASSERT_EQ(y->steps.size(), 3u);
  EXPECT_EQ(y->steps[1].kind, TraversalStep::kIndex);
  EXPECT_EQ(y->steps[1].index->As<Literal>()->number, 0);
  const Traversal* z = Attr(r.body, "z").As<Traversal>();
  ASSERT_EQ(z->steps.size(), 2u);
  EXPECT_EQ(z->steps[0].kind, TraversalStep::kLegacyIndex);
  EXPECT_EQ(z->steps[0].name, "0");
}

TEST(HclExpr, Splats) {
  std::string text = "a = x.*.id\nb = x[*].y[0]\nc = x.*.y[0]\nd = x[*]\n";
  ParseResult r = ParseOk(text);
  const Splat* a = Attr(r.body, "a").As<Splat>();
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->full);
  EXPECT_EQ(a->each->As<Traversal>()->steps.at(0).name, "id");
  EXPECT_NE(a->each->As<Traversal>()->source->As<SplatItem>(), nullptr);
  const Splat* b = Attr(r.body, "b").As<Splat>();
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->full);
  EXPECT_EQ(b->each->As<Traversal>()->steps.size(), 2u);  // .y and [0] apply to each
  // An index after an attribute-only splat applies to the result.
  const Traversal* c = Attr(r.body, "c").As<Traversal>();
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->source->As<Splat>(), nullptr);
  EXPECT_EQ(Src(text, Attr(r.body, "c").range), "x.*.y[0]");
  EXPECT_NE(Attr(r.body, "d").As<Splat>()->each->As<SplatItem>(), nullptr);
}

TEST(HclExpr, FunctionCalls) {
  std::string text = "a = max(var.n...)\nb = format(\n  \"%s\",\n  x,\n)\nc = provider::aws::arn_parse(\"x\")\nd = f()\n";
  ParseResult r = ParseOk(text);
  const FunctionCall* a = Attr(r.body, "a").As<FunctionCall>();
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->name, "max");
  EXPECT_TRUE(a->expand_final);
  const FunctionCall* b = Attr(r.body, "b").As<FunctionCall>();
  EXPECT_EQ(b->args.size(), 2u);
  EXPECT_FALSE(b->expand_final);
  EXPECT_EQ(Attr(r.body, "c").As<FunctionCall>()->name, "provider::aws::arn_parse");
  EXPECT_TRUE(Attr(r.body, "d").As<FunctionCall>()->args.empty());
}

TEST(HclExpr, TuplesAndObjects) {
  std::string text = "t = [1, \"a\",\n  b,\n]\no = {\n  k = 1\n  \"q\" = 2, (v) = 3\n  c: 4\n}\n";
  ParseResult r = ParseOk(text);
  EXPECT_EQ(Attr(r.body, "t").As<Tuple>()->items.size(), 3u);
  const Object* o = Attr(r.body, "o").As<Object>();
  ASSERT_NE(o, nullptr);
  ASSERT_EQ(o->items.size(), 4u);
  EXPECT_TRUE(o->items[0].bare_key);
  EXPECT_EQ(o->items[0].key->As<Variable>()->name, "k");
  EXPECT_FALSE(o->items[1].bare_key);
  EXPECT_NE(o->items[1].key->As<Template>(), nullptr);
  EXPECT_NE(o->items[2].key->As<Parens>(), nullptr);
  EXPECT_TRUE(o->items[3].bare_key);
}

TEST(HclExpr, ForExpressions) {
  std::string text =
      "a = [for i, v in var.l : upper(v) if v != \"\"]\n"
      "b = {for k, v in var.m : k => v... if v}\n"
      "c = {\n  for x in y :\n  x => 1\n}\n";
  ParseResult r = ParseOk(text);
  const For* a = Attr(r.body, "a").As<For>();
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->object);
  EXPECT_EQ(a->key_var, "i");
  EXPECT_EQ(a->value_var, "v");
  EXPECT_NE(a->condition, nullptr);
  EXPECT_EQ(Src(text, a->value_var_range), "v");
  const For* b = Attr(r.body, "b").As<For>();
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->object);
  EXPECT_TRUE(b->grouping);
  EXPECT_NE(b->key, nullptr);
  EXPECT_NE(Attr(r.body, "c").As<For>(), nullptr);
}

TEST(HclExpr, ParensKeepTheirRange) {
  std::string text = "x = (1 + 2) * 3\n";
  ParseResult r = ParseOk(text);
  const Binary* m = Attr(r.body, "x").As<Binary>();
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->op, Op::kMul);
  EXPECT_EQ(Src(text, m->lhs->range), "(1 + 2)");
  EXPECT_NE(m->lhs->As<Parens>(), nullptr);
}

TEST(HclExpr, NewlinesInsideBracketsAreIgnored) {
  ParseResult r = ParseOk("x = [\n  1 +\n  2,\n]\ny = (\n a\n ? b\n : c\n)\n");
  EXPECT_NE(Attr(r.body, "x").As<Tuple>(), nullptr);
  EXPECT_NE(Attr(r.body, "y").As<Parens>()->inner->As<Conditional>(), nullptr);
}

// ---- templates ------------------------------------------------------------------

TEST(HclTemplate, LiteralPartsMapBackToSource) {
  std::string text = "x = \"a\\tb ${var.y} c\\u00e9\"\n";
  ParseResult r = ParseOk(text);
  const Template* t = Attr(r.body, "x").As<Template>();
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->parts.size(), 3u);
  EXPECT_EQ(t->parts[0].text.text, "a\tb ");
  // "\t" decodes to one byte that maps back to its two source bytes.
  SourceRange tab = t->parts[0].text.ToSource(1, 2);
  EXPECT_EQ(Src(text, tab), "\\t");
  EXPECT_EQ(t->parts[1].kind, TemplatePart::kInterpolation);
  EXPECT_EQ(Src(text, t->parts[1].range), "${var.y}");
  EXPECT_EQ(Src(text, t->parts[1].expr->range), "var.y");
  EXPECT_EQ(t->parts[2].text.text, " c\xC3\xA9");
  EXPECT_FALSE(t->single_interpolation);
}

TEST(HclTemplate, SingleInterpolationAndEscapes) {
  ParseResult r = ParseOk("a = \"${x}\"\nb = \"$${x} %%{y}\"\nc = \"\"\n");
  EXPECT_TRUE(Attr(r.body, "a").As<Template>()->single_interpolation);
  const Template* b = Attr(r.body, "b").As<Template>();
  ASSERT_EQ(b->parts.size(), 1u);
  EXPECT_EQ(b->parts[0].text.text, "${x} %{y}");
  EXPECT_TRUE(Attr(r.body, "c").As<Template>()->parts.empty());
}

TEST(HclTemplate, Directives) {
  std::string text = "x = \"%{ if a }yes%{ else }no%{ endif }|%{ for k, v in m }${k}%{ endfor }\"\n";
  ParseResult r = ParseOk(text);
  const Template* t = Attr(r.body, "x").As<Template>();
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->parts.size(), 3u);
  const TemplatePart& i = t->parts[0];
  EXPECT_EQ(i.kind, TemplatePart::kIf);
  EXPECT_TRUE(i.has_else);
  EXPECT_EQ(i.then_parts.at(0).text.text, "yes");
  EXPECT_EQ(i.else_parts.at(0).text.text, "no");
  EXPECT_EQ(Src(text, i.range), "%{ if a }yes%{ else }no%{ endif }");
  const TemplatePart& f = t->parts[2];
  EXPECT_EQ(f.kind, TemplatePart::kFor);
  EXPECT_EQ(f.key_var, "k");
  EXPECT_EQ(f.value_var, "v");
  EXPECT_EQ(Src(text, f.expr->range), "m");
  EXPECT_EQ(f.then_parts.at(0).kind, TemplatePart::kInterpolation);
}

TEST(HclTemplate, StripMarkers) {
  ParseResult r = ParseOk("x = \"a  ${~ b ~}  c\"\ny = \"%{ if a ~}  yes  %{~ endif }\"\n");
  const Template* x = Attr(r.body, "x").As<Template>();
  ASSERT_EQ(x->parts.size(), 3u);
  EXPECT_EQ(x->parts[0].text.text, "a");
  EXPECT_EQ(x->parts[2].text.text, "c");
  const Template* y = Attr(r.body, "y").As<Template>();
  EXPECT_EQ(y->parts.at(0).then_parts.at(0).text.text, "yes");
}

TEST(HclTemplate, Heredocs) {
  std::string text =
      "a = <<EOT\nhello ${name}\n  world\nEOT\n"
      "b = <<-EOT\n    one\n      two\n\n    three\n  EOT\n";
  ParseResult r = ParseOk(text);
  const Template* a = Attr(r.body, "a").As<Template>();
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->heredoc);
  std::string joined;
  for (const TemplatePart& p : a->parts) joined += p.kind == TemplatePart::kLiteral ? p.text.text : "<I>";
  EXPECT_EQ(joined, "hello <I>\n  world\n");
  const Template* b = Attr(r.body, "b").As<Template>();
  joined.clear();
  for (const TemplatePart& p : b->parts) joined += p.text.text;
  EXPECT_EQ(joined, "one\n  two\n\nthree\n");
  // Indentation removal keeps positions: "one" still points at its source.
  EXPECT_EQ(Src(text, b->parts[0].text.ToSource(0, 3)), "one");
  EXPECT_EQ(Src(text, Attr(r.body, "b").range).substr(0, 5), "<<-EO");
}

TEST(HclTemplate, HeredocDirectivesWithStrip) {
  ParseResult r = ParseOk("x = <<-EOT\n  %{ for ip in ips ~}\n  server ${ip}\n  %{ endfor ~}\nEOT\n");
  const Template* t = Attr(r.body, "x").As<Template>();
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->parts.size(), 1u);
  EXPECT_EQ(t->parts[0].kind, TemplatePart::kFor);
}

TEST(HclTemplate, StandaloneTemplateForJson) {
  // As if from a JSON string starting at file offset 100, one byte per byte.
  MappedText m = MappedText::Verbatim("db-${var.env}", 100);
  ExpressionResult r = ParseHclTemplate(m);
  ASSERT_TRUE(r.errors.empty());
  const Template* t = r.expr->As<Template>();
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->parts.size(), 2u);
  EXPECT_EQ(t->parts[0].text.text, "db-");
  EXPECT_EQ(t->parts[1].expr->range.begin, 105u);
  EXPECT_EQ(t->parts[1].expr->range.end, 112u);
}

TEST(HclExpression, Standalone) {
  ExpressionResult r = ParseHclExpression("var.a +\n 1");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_NE(r.expr->As<Binary>(), nullptr);
  EXPECT_FALSE(ParseHclExpression("a b").errors.empty());
}

// ---- errors ---------------------------------------------------------------------

TEST(HclErrors, UnclosedBlockPointsAtItsBrace) {
  std::string text = "resource \"a\" \"b\" {\n  x = 1\n";
  ParseResult r = ParseHcl(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Unclosed configuration block"), std::string::npos);
  EXPECT_EQ(Src(text, r.errors[0].range), "{");
  ASSERT_EQ(r.body.blocks.size(), 1u);  // kept, with what was read
  EXPECT_EQ(r.body.blocks[0].body.attributes.size(), 1u);
}

TEST(HclErrors, UnterminatedStringRecoversOnTheNextLine) {
  std::string text = "a {\n  p = \"open\n  q = 2\n}\nb {}\n";
  ParseResult r = ParseHcl(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Unterminated template string"), std::string::npos);
  LineIndex lines(text);
  EXPECT_EQ(lines.Locate(r.errors[0].range.begin).line, 2);
  EXPECT_EQ(Src(text, r.errors[0].range), "\"");
  ASSERT_EQ(r.body.blocks.size(), 2u);
  EXPECT_NE(r.body.blocks[0].body.FindAttribute("q"), nullptr);
}

TEST(HclErrors, UnterminatedHeredocAtItsOpener) {
  std::string text = "a = <<EOT\nnever closed\n";
  ParseResult r = ParseHcl(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Unterminated template string"), std::string::npos);
  EXPECT_EQ(Src(text, r.errors[0].range), "<<EOT");
}

TEST(HclErrors, UnterminatedComment) {
  std::string text = "a = 1\n/* open\nb = 2\n";
  ParseResult r = ParseHcl(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Unterminated comment"), std::string::npos);
  EXPECT_EQ(Src(text, r.errors[0].range), "/*");
}

TEST(HclErrors, Messages) {
  EXPECT_NE(FirstError("a = \n").find("Invalid expression"), std::string::npos);
  EXPECT_NE(FirstError("a = 1 b = 2\n").find("Missing newline after argument"), std::string::npos);
  EXPECT_NE(FirstError("a = 1\na = 2\n").find("Attribute redefined"), std::string::npos);
  EXPECT_NE(FirstError("a { b = 1, c = 2 }\n").find("Invalid single-argument block definition"), std::string::npos);
  EXPECT_NE(FirstError("a \"b\" = 1\n").find("Invalid block definition"), std::string::npos);
  EXPECT_NE(FirstError("a = \"\\q\"\n").find("Invalid escape sequence"), std::string::npos);
  EXPECT_NE(FirstError("a = x.0.1\n").find("Invalid legacy index syntax"), std::string::npos);
  EXPECT_NE(FirstError("a = 1.2.3\n").find("Invalid number literal"), std::string::npos);
  EXPECT_NE(FirstError("a = f(x..., y)\n").find("Missing closing parenthesis"), std::string::npos);
  EXPECT_NE(FirstError("a = \"%{if x}y\"\n").find("Unexpected end of template"), std::string::npos);
  EXPECT_NE(FirstError("a = $\n").find("Invalid character"), std::string::npos);
  EXPECT_NE(FirstError("a = {b = 1 c = 2}\n").find("Missing attribute separator"), std::string::npos);
}

TEST(HclErrors, RecoveryKeepsLaterTopLevelBlocks) {
  std::string text = "a {\n  x = = 1\n  y = [1 2]\n}\nb \"ok\" {\n  z = 3\n}\n";
  ParseResult r = ParseHcl(text);
  EXPECT_GE(r.errors.size(), 2u);
  ASSERT_EQ(r.body.blocks.size(), 2u);
  EXPECT_EQ(r.body.blocks[1].labels.at(0).value, "ok");
  EXPECT_NE(r.body.blocks[1].body.FindAttribute("z"), nullptr);
}

TEST(HclErrors, ErrorsAreSorted) {
  ParseResult r = ParseHcl("a = = 1\nb = \"\\q\"\nc = $\n");
  ASSERT_GE(r.errors.size(), 3u);
  for (size_t i = 1; i < r.errors.size(); ++i) EXPECT_LE(r.errors[i - 1].range.begin, r.errors[i].range.begin);
}

// ---- robustness -----------------------------------------------------------------

TEST(HclRobust, NestingLimitIsAnErrorNotACrash) {
  for (const char* open_close : {"[]", "()", "{}"}) {
    std::string deep = "x = " + std::string(100000, open_close[0]) + std::string(100000, open_close[1]) + "\n";
    ParseResult r = ParseHcl(deep);
    ASSERT_FALSE(r.ok()) << open_close;
    EXPECT_NE(r.errors[0].message.find("Nesting too deep"), std::string::npos);
    EXPECT_EQ(r.errors[0].range.begin, 4u + kMaxNesting) << open_close;  // the 257th bracket
  }
  std::string blocks;
  for (int i = 0; i < 5000; ++i) blocks += "b {\n";
  EXPECT_FALSE(ParseHcl(blocks).ok());
  EXPECT_FALSE(ParseHcl("x = " + std::string(100000, '-') + "1\n").ok());
  EXPECT_FALSE(ParseHcl("x = " + std::string(50000, '"') + "\n").ok());
  std::string interp = "x = ";
  for (int i = 0; i < 3000; ++i) interp += "\"${";
  EXPECT_FALSE(ParseHcl(interp).ok());
}

TEST(HclRobust, WithinTheLimitIsFine) {
  std::string ok = "x = " + std::string(200, '[') + std::string(200, ']') + "\n";
  EXPECT_TRUE(ParseHcl(ok).ok());
}

TEST(HclRobust, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "{}[]()\"$%~=:,.?!-+*/<>#\n \\abc019\r\t\x80\xC3\xE2";
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    size_t n = rng() % 200;
    for (size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    ParseResult r = ParseHcl(s);
    for (const Error& e : r.errors) {
      EXPECT_LE(e.range.begin, s.size());
      EXPECT_LE(e.range.end, s.size());
    }
  }
}

TEST(HclRobust, LinearTime) {
  auto time_for = [](int copies) {
    std::string unit =
        "resource \"aws_db_instance\" \"x\" {\n  a = \"${var.b}-c\"\n  d = [for x in y : x if x]\n  e = <<-EOT\n    z\n  EOT\n}\n";
    std::string text;
    for (int i = 0; i < copies; ++i) text += unit;
    auto t0 = std::chrono::steady_clock::now();
    ParseResult r = ParseHcl(text);
    auto t1 = std::chrono::steady_clock::now();
    EXPECT_TRUE(r.ok());
    return std::chrono::duration<double>(t1 - t0).count();
  };
  time_for(500);  // warm up
  double small = time_for(2000), large = time_for(16000);
  EXPECT_LT(large, small * 8 * 3) << small << "s vs " << large << "s";
  // Pathological: many newlines inside brackets, and a long unclosed run.
  std::string brackets = "x = [" + std::string(200000, '\n') + "]\n";
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(ParseHcl(brackets).ok());
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 2.0);
}

}  // namespace
}  // namespace rdslint::hcl
