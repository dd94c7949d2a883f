#include "frontend/hcl/tf_json.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "frontend/json/positioned_json.h"

namespace rdslint::hcl {
namespace {

std::string_view Src(std::string_view text, SourceRange r) { return text.substr(r.begin, r.size()); }

std::string ReadTestdata(const char* path) {
  std::ifstream in(std::string(RDSLINT_SOURCE_DIR) + "/testdata/hcl/" + path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ---- positioned JSON ------------------------------------------------------------

TEST(PositionedJson, ValuesAndKeysKeepTheirRanges) {
  std::string text = R"({"a": [1, -2.5e3, true, null], "b\n": "x\u00e9\"y"})";
  json::ParseResult r = json::ParseJson(text);
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  ASSERT_TRUE(r.value.is_object());
  ASSERT_EQ(r.value.object.size(), 2u);
  const json::Member& a = r.value.object[0];
  EXPECT_EQ(Src(text, a.key_range), "\"a\"");
  EXPECT_EQ(Src(text, a.value.range), "[1, -2.5e3, true, null]");
  EXPECT_EQ(a.value.array[1].number, -2500);
  EXPECT_EQ(a.value.array[1].number_text, "-2.5e3");
  EXPECT_EQ(Src(text, a.value.array[2].range), "true");
  const json::Member& b = r.value.object[1];
  EXPECT_EQ(b.key.text, "b\n");
  EXPECT_EQ(b.value.string.text, "x\xC3\xA9\"y");
  // The é came from a six-byte escape.
  EXPECT_EQ(Src(text, b.value.string.ToSource(1, 3)), "\\u00e9");
  EXPECT_EQ(Src(text, b.value.string.ToSource(3, 4)), "\\\"");
  EXPECT_EQ(r.value.Find("a"), &a.value);
  EXPECT_EQ(r.value.Find("zz"), nullptr);
}

TEST(PositionedJson, SurrogatePairs) {
  json::ParseResult r = json::ParseJson(R"("\ud83d\ude00")");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.string.text, "\xF0\x9F\x98\x80");
}

TEST(PositionedJson, ErrorsArePositioned) {
  struct Case {
    const char* text;
    const char* message;
    uint32_t at;
  } cases[] = {
      {"{\"a\": 1,}", "Invalid object property name", 8},
      {"[1 2]", "Missing array element separator", 3},
      {"{\"a\" 1}", "Missing property value colon", 5},
      {"\"abc", "Unterminated string", 0},
      {"{\"a\": [1, 2}", "Missing array element separator", 11},
      {"[1, 2", "Unclosed array", 0},
      {"01", "Extraneous data", 1},
      {"tru", "Invalid JSON keyword", 0},
      {"\"\\x\"", "Invalid escape sequence", 1},
      {"", "Missing JSON value", 0},
      {"{} {}", "Extraneous data", 3},
      {"1.", "Invalid JSON number", 0},
  };
  for (const Case& c : cases) {
    json::ParseResult r = json::ParseJson(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.errors[0].message.find(c.message), std::string::npos) << c.text << ": " << r.errors[0].message;
    EXPECT_EQ(r.errors[0].range.begin, c.at) << c.text;
  }
}

TEST(PositionedJson, DepthLimit) {
  std::string deep(100000, '[');
  json::ParseResult r = json::ParseJson(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Nesting too deep"), std::string::npos);
  EXPECT_EQ(r.errors[0].range.begin, static_cast<uint32_t>(json::kMaxDepth));
  std::string ok = std::string(200, '[') + std::string(200, ']');
  EXPECT_TRUE(json::ParseJson(ok).ok());
}

// ---- .tf.json ---------------------------------------------------------------------

TEST(TfJson, MapsBlocksLabelsAndAttributes) {
  std::string text = ReadTestdata("json/main.tf.json");
  ASSERT_FALSE(text.empty());
  ParseResult r = ParseTfJson(text);
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  std::vector<std::string> kinds;
  for (const Block& b : r.body.blocks) {
    std::string k = b.type;
    for (const Label& l : b.labels) k += "." + l.value;
    kinds.push_back(k);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{
                       "terraform", "variable.db_password", "variable.environment", "locals", "provider.aws",
                       "provider.aws", "resource.aws_db_instance.main", "resource.aws_lambda_function.api",
                       "module.db", "output.endpoint"}));
  const Block& db = r.body.blocks[6];
  EXPECT_EQ(Src(text, db.labels[0].range), "\"aws_db_instance\"");
  const Attribute* pw = db.body.FindAttribute("password");
  ASSERT_NE(pw, nullptr);
  EXPECT_EQ(Src(text, pw->expr->range), "\"hunter2\"");
  const Template* pwt = pw->expr->As<Template>();
  ASSERT_NE(pwt, nullptr);
  EXPECT_EQ(Src(text, pwt->parts.at(0).range), "hunter2");
  EXPECT_EQ(Src(text, pw->name_range), "password");
  // lifecycle is a block, depends_on holds references.
  ASSERT_EQ(db.body.blocks.size(), 1u);
  EXPECT_EQ(db.body.blocks[0].type, "lifecycle");
  const Tuple* deps = db.body.FindAttribute("depends_on")->expr->As<Tuple>();
  ASSERT_NE(deps, nullptr);
  const Traversal* dep = deps->items.at(0)->As<Traversal>();
  ASSERT_NE(dep, nullptr);
  EXPECT_EQ(Src(text, deps->items[0]->range), "aws_kms_key.db");
}

TEST(TfJson, StringsAreTemplatesWithFilePositions) {
  std::string text = ReadTestdata("json/main.tf.json");
  ParseResult r = ParseTfJson(text);
  ASSERT_TRUE(r.ok());
  const Block& locals = r.body.blocks[3];
  const Template* url = locals.body.FindAttribute("url")->expr->As<Template>();
  ASSERT_NE(url, nullptr);
  ASSERT_EQ(url->parts.size(), 5u);
  EXPECT_EQ(url->parts[0].text.text, "postgresql://app:");
  EXPECT_EQ(Src(text, url->parts[1].expr->range), "var.db_password");
  EXPECT_EQ(Src(text, url->parts[3].expr->range), "aws_db_instance.main.address");
  EXPECT_NE(locals.body.FindAttribute("db_port")->expr->As<Literal>(), nullptr);
  // Literal contexts keep "${" as text.
  const Template* def = r.body.blocks[2].body.FindAttribute("default")->expr->As<Template>();
  ASSERT_NE(def, nullptr);
  ASSERT_EQ(def->parts.size(), 1u);
  EXPECT_EQ(def->parts[0].text.text, "dev ${literal}");
  // A variable's type is an expression.
  EXPECT_NE(r.body.blocks[1].body.FindAttribute("type")->expr->As<Variable>(), nullptr);
  // A single interpolation stays one, as in native syntax.
  const Template* fe = r.body.blocks[7].body.blocks.at(1).body.FindAttribute("for_each")->expr->As<Template>();
  ASSERT_NE(fe, nullptr);
  EXPECT_TRUE(fe->single_interpolation);
  EXPECT_NE(fe->parts.at(0).expr->As<Conditional>(), nullptr);
}

TEST(TfJson, NestedBlocksAndProviderObjects) {
  std::string text = ReadTestdata("json/main.tf.json");
  ParseResult r = ParseTfJson(text);
  const Block& fn = r.body.blocks[7];
  ASSERT_EQ(fn.body.blocks.size(), 2u);
  EXPECT_EQ(fn.body.blocks[0].type, "provisioner");
  EXPECT_EQ(fn.body.blocks[0].labels.at(0).value, "local-exec");
  EXPECT_EQ(fn.body.blocks[1].type, "dynamic");
  EXPECT_EQ(fn.body.blocks[1].labels.at(0).value, "vpc_config");
  EXPECT_EQ(fn.body.blocks[1].body.blocks.at(0).type, "content");
  // Without a provider schema, "environment" is an attribute holding an object.
  const Object* env = fn.body.FindAttribute("environment")->expr->As<Object>();
  ASSERT_NE(env, nullptr);
  EXPECT_EQ(env->items.at(0).key->As<Template>()->parts.at(0).text.text, "variables");
  const Block& tf = r.body.blocks[0];
  ASSERT_EQ(tf.body.blocks.size(), 2u);
  EXPECT_EQ(tf.body.blocks[1].type, "backend");
  EXPECT_EQ(tf.body.blocks[1].labels.at(0).value, "s3");
  EXPECT_EQ(tf.body.blocks[1].body.FindAttribute("key")->expr->As<Template>()->parts.at(0).text.text,
            "db/${not_a_template}");
}

TEST(TfJson, Errors) {
  ParseResult r = ParseTfJson("[1]");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Root value must be object"), std::string::npos);
  r = ParseTfJson("{\"resource\": {\"a\": {\"b\": 3}}}");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Incorrect JSON value type"), std::string::npos);
  r = ParseTfJson("{\"locals\": {\"a\": \"${var.x\"}}");
  ASSERT_FALSE(r.ok());
  r = ParseTfJson("{\"locals\": {\"a\": 1,}}");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("Invalid object property name"), std::string::npos);
  EXPECT_TRUE(ParseTfJson("{}").ok());
}

}  // namespace
}  // namespace rdslint::hcl
