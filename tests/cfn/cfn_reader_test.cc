// The CloudFormation reader: exact positions in block, flow and JSON
// documents, every intrinsic function in both forms, Fn::Sub strings,
// dynamic references, and hostile input.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "frontend/cfn/document.h"

namespace rdslint::cfn {
namespace {

Document Yaml(std::string_view text) { return Parse(text, {Syntax::kYaml}); }
Document Json(std::string_view text) { return Parse(text, {Syntax::kJson}); }

std::string Slice(std::string_view text, SourceRange r) {
  return std::string(text.substr(r.begin, r.end - r.begin));
}

// Follows a path of map keys and list indices ("Resources.Db.Properties").
const Node* At(const Document& doc, std::string_view path) {
  const Node* n = doc.root();
  while (n && !path.empty()) {
    const size_t dot = path.find('.');
    const std::string_view part = path.substr(0, dot);
    if (n->is_list()) {
      n = doc.Item(*n, std::stoul(std::string(part)));
    } else {
      n = doc.Get(*n, part);
    }
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return n;
}

std::string Errors(const Document& doc) {
  std::string out;
  for (const Error& e : doc.errors) {
    out += std::to_string(e.range.begin) + "-" + std::to_string(e.range.end) + " " + e.message + "\n";
  }
  return out;
}

TEST(CfnReaderTest, BlockStylePositions) {
  const std::string t =
      "AWSTemplateFormatVersion: \"2010-09-09\"\n"
      "Resources:\n"
      "  Db:\n"
      "    Type: AWS::RDS::DBInstance\n"
      "    Properties:\n"
      "      Engine: postgres\n"
      "      MasterUsername: 'impulse_app'\n"
      "      Port: 5432\n"
      "      StorageEncrypted: true\n"
      "      DBName: \"imp\\x75lse\"\n"
      "      Description: |\n"
      "        line one\n"
      "        line two\n"
      "      Empty:\n"
      "      Tags:\n"
      "        - Key: team\n"
      "          Value: data\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed()) << Errors(doc);
  EXPECT_TRUE(doc.errors.empty()) << Errors(doc);
  const Node* engine = At(doc, "Resources.Db.Properties.Engine");
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Slice(t, engine->range), "postgres");
  EXPECT_TRUE(engine->plain);
  const Node* user = At(doc, "Resources.Db.Properties.MasterUsername");
  EXPECT_EQ(Slice(t, user->range), "'impulse_app'");
  EXPECT_EQ(user->text.text, "impulse_app");
  EXPECT_FALSE(user->plain);
  EXPECT_EQ(Slice(t, user->text.ToSource(0, 7)), "impulse");
  const Node* name = At(doc, "Resources.Db.Properties.DBName");
  EXPECT_EQ(name->text.text, "impulse");
  EXPECT_EQ(Slice(t, name->text.ToSource(3, 4)), "\\x75");  // an escape maps to its spelling
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.Port")->range), "5432");
  EXPECT_EQ(At(doc, "Resources.Db.Properties.StorageEncrypted")->AsBool(), true);
  const Node* desc = At(doc, "Resources.Db.Properties.Description");
  EXPECT_EQ(desc->text.text, "line one\nline two\n");
  EXPECT_EQ(Slice(t, desc->text.ToSource(9, 17)), "line two");
  const Node* empty = At(doc, "Resources.Db.Properties.Empty");
  ASSERT_TRUE(empty->is_null());
  EXPECT_EQ(empty->range.begin, t.find("Empty:") + 6);  // just after the colon
  EXPECT_TRUE(empty->range.empty());
  const Entry* key = doc.Find(*At(doc, "Resources.Db.Properties"), "Port");
  EXPECT_EQ(Slice(t, key->key_range), "Port");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.Tags.0.Value")->range), "data");
  EXPECT_EQ(Slice(t, doc.Find(*At(doc, ""), "AWSTemplateFormatVersion")->key_range),
            "AWSTemplateFormatVersion");
  const Node* tags = At(doc, "Resources.Db.Properties.Tags");
  EXPECT_EQ(Slice(t, tags->range), "- Key: team\n          Value: data");
}

TEST(CfnReaderTest, FlowStylePositions) {
  const std::string t =
      "{Resources: {Db: {Type: \"AWS::RDS::DBInstance\",\n"
      "  Properties: {Port: 5432, Sgs: [ a, 'b' , ], Pw: !Ref Pw, Az: [!GetAZs ''], E: {}}}}}\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed()) << Errors(doc);
  EXPECT_TRUE(doc.errors.empty()) << Errors(doc);
  const Node* props = At(doc, "Resources.Db.Properties");
  EXPECT_EQ(Slice(t, props->range),
            "{Port: 5432, Sgs: [ a, 'b' , ], Pw: !Ref Pw, Az: [!GetAZs ''], E: {}}");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.Sgs")->range), "[ a, 'b' , ]");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.Sgs.1")->range), "'b'");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Type")->range), "\"AWS::RDS::DBInstance\"");
  const Node* pw = At(doc, "Resources.Db.Properties.Pw");
  ASSERT_TRUE(pw->is_function(Fn::kRef));
  EXPECT_EQ(Slice(t, pw->range), "!Ref Pw");
  EXPECT_EQ(Slice(t, pw->fn_range), "!Ref");
  EXPECT_EQ(Slice(t, doc.Arg(*pw)->range), "Pw");
  const Node* az = At(doc, "Resources.Db.Properties.Az.0");
  ASSERT_TRUE(az->is_function(Fn::kGetAZs));
  EXPECT_EQ(Slice(t, az->range), "!GetAZs ''");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.E")->range), "{}");
  EXPECT_EQ(Slice(t, At(doc, "")->range), t.substr(0, t.size() - 1));
}

TEST(CfnReaderTest, JsonPositions) {
  const std::string t =
      "{\n"
      "  \"Resources\": {\n"
      "    \"Db\": {\n"
      "      \"Type\": \"AWS::RDS::DBInstance\",\n"
      "      \"Properties\": {\"Port\": 5432, \"Public\": false, \"Id\": \"caf\\u00e9\",\n"
      "        \"Pw\": {\"Ref\": \"DbPassword\"}, \"Nothing\": null, \"List\": [1, \"two\"]}\n"
      "    }\n"
      "  }\n"
      "}\n";
  Document doc = Json(t);
  ASSERT_TRUE(doc.parsed()) << Errors(doc);
  EXPECT_TRUE(doc.errors.empty()) << Errors(doc);
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Type")->range), "\"AWS::RDS::DBInstance\"");
  EXPECT_EQ(At(doc, "Resources.Db.Type")->text.text, "AWS::RDS::DBInstance");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.Port")->range), "5432");
  EXPECT_TRUE(At(doc, "Resources.Db.Properties.Port")->plain);
  EXPECT_EQ(At(doc, "Resources.Db.Properties.Public")->AsBool(), false);
  const Node* id = At(doc, "Resources.Db.Properties.Id");
  EXPECT_EQ(id->text.text, "caf\xC3\xA9");
  EXPECT_EQ(Slice(t, id->text.ToSource(3, 5)), "\\u00e9");
  const Node* pw = At(doc, "Resources.Db.Properties.Pw");
  ASSERT_TRUE(pw->is_function(Fn::kRef));
  EXPECT_EQ(Slice(t, pw->range), "{\"Ref\": \"DbPassword\"}");
  EXPECT_EQ(Slice(t, pw->fn_range), "\"Ref\"");
  EXPECT_EQ(doc.Arg(*pw)->text.text, "DbPassword");
  EXPECT_TRUE(At(doc, "Resources.Db.Properties.Nothing")->is_null());
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.Nothing")->range), "null");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Properties.List.1")->range), "\"two\"");
  EXPECT_EQ(Slice(t, doc.Find(*At(doc, "Resources.Db"), "Properties")->key_range), "\"Properties\"");
}

TEST(CfnReaderTest, CrlfAndByteOrderMark) {
  const std::string t = "\xEF\xBB\xBFResources:\r\n  Db:\r\n    Type: \"AWS::RDS::DBCluster\"\r\n"
                        "    Name: plain value\r\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed()) << Errors(doc);
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Type")->range), "\"AWS::RDS::DBCluster\"");
  EXPECT_EQ(Slice(t, At(doc, "Resources.Db.Name")->range), "plain value");
  EXPECT_EQ(Slice(t, doc.Find(*At(doc, ""), "Resources")->key_range), "Resources");
}

struct TagCase {
  const char* yaml;
  Fn fn;
  const char* tag;
};

TEST(CfnReaderTest, EveryShortFormTagAndItsLongForm) {
  const TagCase cases[] = {
      {"!Ref Db", Fn::kRef, "!Ref"},
      {"!Sub 'arn:${AWS::Partition}:x'", Fn::kSub, "!Sub"},
      {"!GetAtt Db.Endpoint.Address", Fn::kGetAtt, "!GetAtt"},
      {"!GetAtt [Db, Endpoint.Address]", Fn::kGetAtt, "!GetAtt"},
      {"!Join ['', [a, b]]", Fn::kJoin, "!Join"},
      {"!Select [0, [a, b]]", Fn::kSelect, "!Select"},
      {"!Split [',', 'a,b']", Fn::kSplit, "!Split"},
      {"!If [IsProd, a, b]", Fn::kIf, "!If"},
      {"!Equals [a, b]", Fn::kEquals, "!Equals"},
      {"!And [!Condition A, !Condition B]", Fn::kAnd, "!And"},
      {"!Or [!Condition A, !Condition B]", Fn::kOr, "!Or"},
      {"!Not [!Condition A]", Fn::kNot, "!Not"},
      {"!Condition IsProd", Fn::kCondition, "!Condition"},
      {"!ImportValue shared-db-host", Fn::kImportValue, "!ImportValue"},
      {"!FindInMap [Env, !Ref Stage, Host]", Fn::kFindInMap, "!FindInMap"},
      {"!Base64 'echo hi'", Fn::kBase64, "!Base64"},
      {"!Cidr [10.0.0.0/16, 4, 8]", Fn::kCidr, "!Cidr"},
      {"!GetAZs ''", Fn::kGetAZs, "!GetAZs"},
      {"!GetAZs", Fn::kGetAZs, "!GetAZs"},
      {"!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}", Fn::kTransform,
       "!Transform"},
  };
  for (const TagCase& c : cases) {
    const std::string t = "Value: " + std::string(c.yaml) + "\n";
    Document doc = Yaml(t);
    ASSERT_TRUE(doc.parsed()) << c.yaml << "\n" << Errors(doc);
    EXPECT_TRUE(doc.errors.empty()) << c.yaml << "\n" << Errors(doc);
    const Node* v = At(doc, "Value");
    ASSERT_EQ(v->kind, Node::Kind::kFunction) << c.yaml;
    EXPECT_EQ(v->fn, c.fn) << c.yaml;
    EXPECT_EQ(Slice(t, v->fn_range), c.tag) << c.yaml;
    EXPECT_EQ(Slice(t, v->range), c.yaml) << c.yaml;
    ASSERT_NE(doc.Arg(*v), nullptr);

    // The long form reads the same.
    std::string name(FnName(c.fn));
    const std::string arg = std::string(c.yaml).substr(std::string(c.tag).size());
    const std::string long_form = "Value:\n  " + name + ":" + (arg.empty() ? " ''" : arg) + "\n";
    Document ldoc = Yaml(long_form);
    ASSERT_TRUE(ldoc.parsed()) << long_form << Errors(ldoc);
    EXPECT_TRUE(ldoc.errors.empty()) << long_form << Errors(ldoc);
    const Node* lv = At(ldoc, "Value");
    EXPECT_EQ(lv->kind, Node::Kind::kFunction) << long_form;
    EXPECT_EQ(lv->fn, c.fn) << long_form;
    EXPECT_EQ(Slice(long_form, lv->fn_range), name);
  }
  // JSON long forms, including those without a short form.
  for (const char* fn : {"Fn::Length", "Fn::ToJsonString"}) {
    const std::string t = std::string("{\"V\": {\"") + fn + "\": [1, 2]}}";
    Document doc = Json(t);
    ASSERT_TRUE(doc.parsed());
    EXPECT_EQ(FnName(At(doc, "V")->fn), fn);
  }
}

TEST(CfnReaderTest, GetAttBothForms) {
  Document doc = Yaml("A: !GetAtt Db.Endpoint.Address\nB: !GetAtt [Db, Endpoint.Port]\n"
                      "C:\n  Fn::GetAtt: [Proxy, Endpoint]\n");
  ASSERT_TRUE(doc.parsed());
  EXPECT_TRUE(doc.errors.empty()) << Errors(doc);
  EXPECT_EQ(doc.Arg(*At(doc, "A"))->text.text, "Db.Endpoint.Address");
  EXPECT_EQ(doc.Item(*doc.Arg(*At(doc, "B")), 1)->text.text, "Endpoint.Port");
  EXPECT_TRUE(At(doc, "C")->is_function(Fn::kGetAtt));
}

TEST(CfnReaderTest, SubStringsSplitIntoLiteralsAndVariables) {
  const std::string t =
      "A: !Sub 'postgresql://${User}@${Db.Endpoint.Address}:5432/${AWS::StackName}?x=${!Literal}'\n"
      "B: !Sub\n"
      "  - \"postgresql://${U}@${Host}\\t/db\"\n"
      "  - U: app\n"
      "    Host: !GetAtt Proxy.Endpoint\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed());
  EXPECT_TRUE(doc.errors.empty()) << Errors(doc);
  const Node* a = At(doc, "A");
  ASSERT_EQ(a->sub.size(), 7u);
  const char* expect[] = {"postgresql://", "User", "@", "Db.Endpoint.Address", ":5432/",
                          "AWS::StackName", "?x=${Literal}"};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(a->sub[i].text.text, expect[i]) << i;
    EXPECT_EQ(a->sub[i].kind, i % 2 == 1 ? SubPart::Kind::kVariable : SubPart::Kind::kLiteral) << i;
  }
  EXPECT_EQ(Slice(t, a->sub[3].range), "${Db.Endpoint.Address}");
  EXPECT_EQ(Slice(t, a->sub[3].text.ToSource(0, 2)), "Db");
  EXPECT_EQ(Slice(t, a->sub[0].range), "postgresql://");
  EXPECT_EQ(Slice(t, a->sub[6].range), "?x=${!Literal}");
  const Node* b = At(doc, "B");
  ASSERT_EQ(b->sub.size(), 5u);
  EXPECT_EQ(b->sub[4].text.text, "\t/db");
  EXPECT_EQ(Slice(t, b->sub[4].range), "\\t/db");
  EXPECT_EQ(Slice(t, b->sub[3].range), "${Host}");
}

TEST(CfnReaderTest, MalformedSubIsAnError) {
  const std::string t = "A: !Sub 'x-${Name'\nB: !Sub 'x-${}'\nC: !Sub 'a ${bad name} b'\n"
                        "D: !Sub [1, 2, 3]\nE: !Sub 'ok-${!x'\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed());
  ASSERT_EQ(doc.errors.size(), 4u) << Errors(doc);
  EXPECT_EQ(Slice(t, doc.errors[0].range), "${");
  EXPECT_NE(doc.errors[0].message.find("unterminated"), std::string::npos);
  EXPECT_EQ(Slice(t, doc.errors[1].range), "${}");
  EXPECT_EQ(Slice(t, doc.errors[2].range), "${bad name}");
  EXPECT_EQ(Slice(t, doc.errors[3].range), "!Sub [1, 2, 3]");
}

TEST(CfnReaderTest, ServerlessVariablesInSubAreLiteral) {
  const std::string t =
      "A: !Sub \"arn:${AWS::Region}:${self:custom.${opt:stage, 'dev'}.db}:${env:X, 'y'}\"\n";
  Document doc = Parse(t, {Syntax::kYaml, true});
  ASSERT_TRUE(doc.parsed());
  EXPECT_TRUE(doc.errors.empty()) << Errors(doc);
  const Node* a = At(doc, "A");
  ASSERT_EQ(a->sub.size(), 3u);
  EXPECT_EQ(a->sub[1].text.text, "AWS::Region");
  EXPECT_EQ(a->sub[2].text.text, ":${self:custom.${opt:stage, 'dev'}.db}:${env:X, 'y'}");
}

TEST(CfnReaderTest, DynamicReferences) {
  const std::string t =
      "A: '{{resolve:secretsmanager:prod/db:SecretString:password}}'\n"
      "B: pre-{{resolve:ssm:/app/host}}-post\n"
      "C: '{{resolve:ssm-secure:/app/pw:3}}'\n"
      "D: '{{resolve:vault:x}}'\n"
      "E: '{{resolve:secretsmanager:x'\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed());
  const Node* a = At(doc, "A");
  ASSERT_EQ(a->dynamic_refs.size(), 1u);
  EXPECT_TRUE(a->dynamic_refs[0].secret());
  EXPECT_EQ(a->dynamic_refs[0].begin, 0u);
  EXPECT_EQ(a->dynamic_refs[0].end, a->text.text.size());
  const Node* b = At(doc, "B");
  ASSERT_EQ(b->dynamic_refs.size(), 1u);
  EXPECT_FALSE(b->dynamic_refs[0].secret());
  EXPECT_EQ(Slice(t, b->text.ToSource(b->dynamic_refs[0].begin, b->dynamic_refs[0].end)),
            "{{resolve:ssm:/app/host}}");
  EXPECT_TRUE(At(doc, "C")->dynamic_refs[0].secret());
  // E: a piece of an Fn::Join, not an error.
  EXPECT_TRUE(At(doc, "E")->dynamic_refs.empty());
  ASSERT_EQ(doc.errors.size(), 1u) << Errors(doc);
  EXPECT_NE(doc.errors[0].message.find("unknown dynamic reference service"), std::string::npos);
  EXPECT_EQ(Slice(t, doc.errors[0].range), "{{resolve:");
}

TEST(CfnReaderTest, UnknownFunctionsAndTagsAreLocatedErrors) {
  const std::string t = "A: !Reff Db\nB:\n  Fn::Subb: x\nC: !GetAtt Db\nD:\n  Fn::ForEach::Loop: []\n"
                        "E: !!str 5\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed());
  ASSERT_EQ(doc.errors.size(), 3u) << Errors(doc);
  EXPECT_EQ(Slice(t, doc.errors[0].range), "!Reff");
  EXPECT_NE(doc.errors[0].message.find("unknown tag '!Reff'"), std::string::npos);
  EXPECT_EQ(Slice(t, doc.errors[1].range), "Fn::Subb");
  EXPECT_NE(doc.errors[1].message.find("unknown intrinsic function"), std::string::npos);
  EXPECT_EQ(Slice(t, doc.errors[2].range), "!GetAtt Db");
  EXPECT_EQ(At(doc, "E")->text.text, "5");
  EXPECT_FALSE(At(doc, "E")->plain);
}

TEST(CfnReaderTest, SyntaxErrorsAreLocated) {
  const std::string y = "Resources:\n  Db:\n    Type: [AWS::RDS::DBInstance\n";
  Document doc = Yaml(y);
  EXPECT_FALSE(doc.parsed());
  ASSERT_FALSE(doc.errors.empty());
  EXPECT_NE(doc.errors[0].message.find("YAML syntax error"), std::string::npos);
  EXPECT_LE(doc.errors[0].range.end, y.size());

  const std::string y2 = "Resources:\n  Db: \"unterminated\n";
  Document doc2 = Yaml(y2);
  EXPECT_FALSE(doc2.parsed());

  const std::string j = "{\"Resources\": {\"Db\": {\"Type\": \"x\",}}}";
  Document jdoc = Json(j);
  EXPECT_FALSE(jdoc.parsed());
  ASSERT_EQ(jdoc.errors.size(), 1u);
  EXPECT_EQ(jdoc.errors[0].range.begin, j.find(",}") + 1);
  EXPECT_NE(jdoc.errors[0].message.find("JSON syntax error"), std::string::npos);
}

TEST(CfnReaderTest, DuplicateKeys) {
  const std::string t = "Resources:\n  Db: {}\n  Db: {}\n";
  Document doc = Yaml(t);
  ASSERT_EQ(doc.errors.size(), 1u);
  EXPECT_EQ(doc.errors[0].range.begin, t.rfind("Db"));
  Document j = Json("{\"A\": 1, \"A\": 2}");
  ASSERT_EQ(j.errors.size(), 1u);
  EXPECT_EQ(j.errors[0].range.begin, 9u);
}

TEST(CfnReaderTest, AliasesShareNodesAndMergesApply) {
  const std::string t =
      "defaults: &d\n  Runtime: nodejs20.x\n  Timeout: 10\n"
      "fn:\n  <<: *d\n  Timeout: 30\n"
      "list: [*d, *d]\n";
  Document doc = Yaml(t);
  ASSERT_TRUE(doc.parsed());
  EXPECT_TRUE(doc.errors.empty()) << Errors(doc);
  EXPECT_EQ(At(doc, "fn.Runtime")->text.text, "nodejs20.x");
  EXPECT_EQ(At(doc, "fn.Timeout")->text.text, "30");  // written keys win
  EXPECT_EQ(At(doc, "list.0"), At(doc, "defaults"));
  EXPECT_EQ(At(doc, "list.1"), At(doc, "defaults"));
}

TEST(CfnReaderTest, AliasBombStaysSmallAndFast) {
  std::string t = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 30; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    t += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) t += (k ? ", " : "") + prev;
    t += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  Document doc = Yaml(t);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(doc.parsed());
  EXPECT_LT(doc.size(), 200u);
  EXPECT_LT(s, 2.0);

  // Merges of merges are budgeted.
  std::string m = "m0: &m0 {a: 1, b: 2, c: 3, d: 4}\n";
  for (int i = 1; i < 2000; ++i) {
    m += "m" + std::to_string(i) + ": &m" + std::to_string(i) + " {<<: [*m" + std::to_string(i - 1) +
         "], k" + std::to_string(i) + ": 1}\n";
  }
  Document md = Yaml(m);
  ASSERT_TRUE(md.parsed());
  EXPECT_NE(Errors(md).find("merge keys expand to too much data"), std::string::npos);
}

TEST(CfnReaderTest, RecursiveAliasAndDeepNesting) {
  Document r = Yaml("a: &a [1, *a]\n");
  ASSERT_TRUE(r.parsed());
  EXPECT_NE(Errors(r).find("alias to a node that contains it"), std::string::npos);

  std::string deep(5000, '[');
  Document d = Yaml("A: " + deep);
  EXPECT_FALSE(d.parsed());
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("nested deeper than 1000"), std::string::npos);

  std::string block;
  for (int i = 0; i < 1500; ++i) block += std::string(i, ' ') + "k:\n";
  Document b = Yaml(block);
  EXPECT_FALSE(b.parsed());

  std::string json_deep(300, '[');
  EXPECT_FALSE(Json(json_deep).parsed());
}

TEST(CfnReaderTest, EmptyAndScalarDocuments) {
  Document empty = Yaml("");
  ASSERT_TRUE(empty.parsed());
  EXPECT_TRUE(empty.root()->is_null());
  Document comment = Yaml("# nothing\n");
  ASSERT_TRUE(comment.parsed());
  Document scalar = Yaml("just text\n");
  ASSERT_TRUE(scalar.parsed());
  EXPECT_TRUE(scalar.root()->is_scalar());
}

}  // namespace
}  // namespace rdslint::cfn
