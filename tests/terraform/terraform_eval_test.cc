#include "frontend/iac/terraform_eval.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>

#include <gtest/gtest.h>

#include "tests/terraform/terraform_test_util.h"

namespace rdslint::iac::tf {
namespace {

using testing::Files;
using Kind = Value::Kind;

class EvalTest : public ::testing::Test {
 protected:
  void Load(const std::map<std::string, std::string>& files) { LoadInputs(Files(files)); }
  void LoadInputs(std::vector<Input> inputs) {
    inputs_ = inputs;
    project_ = std::make_unique<Project>(LoadProject(std::move(inputs)));
    ev_ = std::make_unique<Evaluator>(project_.get());
    ev_->Instantiate();
  }
  Instance& Root(size_t i = 0) { return *ev_->roots().at(i); }
  Value Local(const std::string& name, size_t root = 0) { return ev_->Local(Root(root), name, Origin{}); }
  std::string Source(const Origin& o) const { return testing::TextAt(inputs_, o); }
  std::string Problems() const {
    std::string out;
    for (const GraphProblem& p : project_->problems) out += p.origin.file + ": " + p.message + "\n";
    return out;
  }
  bool HasProblem(std::string_view part) const { return Problems().find(part) != std::string::npos; }

  std::vector<Input> inputs_;
  std::unique_ptr<Project> project_;
  std::unique_ptr<Evaluator> ev_;
};

// ---- strings, segments, holes ---------------------------------------------------

TEST_F(EvalTest, TemplateKeepsWhereEachByteCameFrom) {
  Load({{"infra/variables.tf", "variable \"pw\" {\n  default = \"s3cret\"\n}\n"},
        {"infra/main.tf",
         "locals {\n  url = \"postgresql://app:${var.pw}@${aws_db_instance.main.address}:5432/db\"\n}\n"
         "resource \"aws_db_instance\" \"main\" {\n  engine = \"postgres\"\n}\n"}});
  Value v = Local("url");
  ASSERT_EQ(v.kind, Kind::kString);
  EXPECT_EQ(v.text, "postgresql://app:s3cret@${aws_db_instance.main.address}:5432/db");
  ASSERT_EQ(v.holes.size(), 1u);
  EXPECT_EQ(v.text.substr(v.holes[0].begin, v.holes[0].end - v.holes[0].begin), "${aws_db_instance.main.address}");
  ASSERT_TRUE(v.holes[0].reference);
  EXPECT_EQ(v.holes[0].reference->node, "aws_db_instance.main");
  EXPECT_EQ(v.holes[0].reference->attribute, "address");
  EXPECT_EQ(v.holes[0].reference->text, "aws_db_instance.main.address");
  // The password maps to the default in variables.tf, byte for byte.
  const uint32_t at = static_cast<uint32_t>(v.text.find("s3cret"));
  std::optional<Origin> o = v.OriginOf(at, at + 6);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->file, "infra/variables.tf");
  EXPECT_EQ(Source(*o), "s3cret");
  // The literal around it maps to main.tf, the hole to where it is written.
  o = v.OriginOf(0, 13);
  ASSERT_TRUE(o);
  EXPECT_EQ(Source(*o), "postgresql://");
  o = v.OriginOf(v.holes[0].begin, v.holes[0].end);
  ASSERT_TRUE(o);
  EXPECT_EQ(Source(*o), "${aws_db_instance.main.address}");
  ASSERT_FALSE(v.via.empty());
  EXPECT_EQ(v.via[0], "var.pw (default in infra/variables.tf:2)");
  ASSERT_EQ(v.references.size(), 1u);
  EXPECT_EQ(v.references[0].node, "aws_db_instance.main");
}

TEST_F(EvalTest, EscapesMapToTheirWholeSource) {
  Load({{"main.tf", "locals {\n  s = \"a\\tb$${c}\"\n}\n"}});
  Value v = Local("s");
  EXPECT_EQ(v.text, "a\tb${c}");
  std::optional<Origin> tab = v.OriginOf(1, 2);
  ASSERT_TRUE(tab);
  EXPECT_EQ(Source(*tab), "\\t");
  std::optional<Origin> b = v.OriginOf(2, 3);
  ASSERT_TRUE(b);
  EXPECT_EQ(Source(*b), "b");
  EXPECT_TRUE(v.holes.empty());  // $${ is a literal ${
}

TEST_F(EvalTest, HeredocJsonMapsThroughIndentation) {
  Load({{"main.tf", "locals {\n  doc = <<-EOT\n    {\n      \"a\": \"x\"\n    }\n  EOT\n}\n"}});
  Value v = Local("doc");
  EXPECT_EQ(v.text, "{\n  \"a\": \"x\"\n}\n");
  const uint32_t at = static_cast<uint32_t>(v.text.find("\"x\""));
  std::optional<Origin> o = MapRange(v, at, at + 3);
  ASSERT_TRUE(o);
  EXPECT_EQ(Source(*o), "\"x\"");
}

// ---- variables ------------------------------------------------------------------

TEST_F(EvalTest, TfvarsFilesApplyInTerraformsOrder) {
  Load({{"env/variables.tf",
         "variable \"a\" {\n  default = \"default\"\n}\nvariable \"b\" {\n  default = \"default\"\n}\n"
         "variable \"c\" {\n  default = \"default\"\n}\nvariable \"d\" {\n  default = \"default\"\n}\n"
         "locals {\n  a = var.a\n  b = var.b\n  c = var.c\n  d = var.d\n}\n"},
        {"env/terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n"},
        {"env/terraform.tfvars.json", "{\"b\": \"tfvars.json\", \"c\": \"tfvars.json\"}"},
        {"env/x.auto.tfvars", "c = \"x.auto\"\n"},
        {"env/prod.tfvars", "d = \"prod\"\n"}});
  EXPECT_EQ(Local("a").text, "tfvars");
  EXPECT_EQ(Local("b").text, "tfvars.json");
  EXPECT_EQ(Local("c").text, "x.auto");
  // prod.tfvars is only read with -var-file: not by us.
  EXPECT_EQ(Local("d").text, "default");
  Value a = Local("a");
  ASSERT_FALSE(a.via.empty());
  EXPECT_EQ(a.via[0], "var.a (env/terraform.tfvars:1)");
  std::optional<Origin> o = a.OriginOf(0, 6);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->file, "env/terraform.tfvars");
  EXPECT_EQ(Source(*o), "tfvars");
  Value b = Local("b");
  o = b.OriginOf(0, static_cast<uint32_t>(b.text.size()));
  ASSERT_TRUE(o);
  EXPECT_EQ(o->file, "env/terraform.tfvars.json");
  EXPECT_EQ(Source(*o), "tfvars.json");
}

TEST_F(EvalTest, AVariableWithNoValueIsAnUnknownThatSaysSo) {
  Load({{"main.tf", "variable \"host\" {}\nlocals {\n  h = var.host\n  u = \"pg://${var.host}/db\"\n}\n"}});
  Value h = Local("h");
  EXPECT_EQ(h.kind, Kind::kUnknown);
  ASSERT_EQ(h.references.size(), 1u);
  EXPECT_EQ(h.references[0].node, "var.host");
  Value u = Local("u");
  ASSERT_EQ(u.holes.size(), 1u);
  EXPECT_EQ(u.text, "pg://${var.host}/db");
}

TEST_F(EvalTest, ReferencesAreNotAllowedInDefaultsAndTfvars) {
  Load({{"main.tf", "variable \"a\" {\n  default = local.x\n}\nlocals {\n  x = \"1\"\n  a = var.a\n}\n"},
        {"terraform.tfvars", "b = var.a\n"}});
  EXPECT_EQ(Local("a").kind, Kind::kUnknown);
  EXPECT_TRUE(HasProblem("Variables not allowed")) << Problems();
}

// ---- functions --------------------------------------------------------------------

TEST_F(EvalTest, StringFunctions) {
  Load({{"main.tf",
         "locals {\n"
         "  f  = format(\"%s-%03d-%v-%t\", \"a\", 7, 1.5, true)\n"
         "  j  = join(\",\", [\"a\", \"b\"], [\"c\"])\n"
         "  s  = split(\",\", \"x,y,,z\")\n"
         "  e  = element([\"a\", \"b\", \"c\"], 4)\n"
         "  lo = lower(\"AbC\")\n"
         "  up = upper(\"AbC\")\n"
         "  r1 = replace(\"a-b-c\", \"-\", \"_\")\n"
         "  r2 = replace(\"v1.2.3\", \"/v(\\\\d+)\\\\..*/\", \"major $1\")\n"
         "  c  = concat([1], [2, 3])\n"
         "  m  = merge({a = 1, b = 2}, null, {b = 3})\n"
         "  l1 = lookup({a = \"x\"}, \"a\", \"d\")\n"
         "  l2 = lookup({a = \"x\"}, \"b\", \"d\")\n"
         "  t  = try(local.m.missing, \"fallback\")\n"
         "  t2 = try(local.m.a, \"fallback\")\n"
         "  co = coalesce(null, \"\", \"first\")\n"
         "  q  = format(\"%q\", \"a\\\"b\")\n"
         "  u  = urlencode(\"p@ss w/rd\")\n"
         "}\n"}});
  EXPECT_EQ(Local("f").text, "a-007-1.5-true");
  EXPECT_EQ(Local("j").text, "a,b,c");
  Value s = Local("s");
  ASSERT_EQ(s.items.size(), 4u);
  EXPECT_EQ(s.items[2].text, "");
  EXPECT_EQ(s.items[3].text, "z");
  std::optional<Origin> z = s.items[3].OriginOf(0, 1);
  ASSERT_TRUE(z);
  EXPECT_EQ(Source(*z), "z");
  EXPECT_EQ(Local("e").text, "b");
  EXPECT_EQ(Local("lo").text, "abc");
  EXPECT_EQ(Local("up").text, "ABC");
  EXPECT_EQ(Local("r1").text, "a_b_c");
  EXPECT_EQ(Local("r2").text, "major 1");
  EXPECT_EQ(Local("c").items.size(), 3u);
  Value m = Local("m");
  ASSERT_EQ(m.entries.size(), 2u);
  EXPECT_EQ(m.Get("b")->text, "3");
  EXPECT_EQ(Local("l1").text, "x");
  EXPECT_EQ(Local("l2").text, "d");
  EXPECT_EQ(Local("t").text, "fallback");
  EXPECT_EQ(Local("t2").text, "1");
  EXPECT_EQ(Local("co").text, "first");
  EXPECT_EQ(Local("q").text, "\"a\\\"b\"");
  EXPECT_EQ(Local("u").text, "p%40ss+w%2Frd");
}

TEST_F(EvalTest, JsonencodeSortsKeysEscapesAndKeepsTheStructure) {
  Load({{"main.tf",
         "locals {\n"
         "  doc = jsonencode({\n    b = [1, true, null]\n    a = \"<x>\"\n    c = aws_secretsmanager_secret.s.arn\n  })\n"
         "  back = jsondecode(\"{\\\"k\\\": [1, \\\"v\\\"]}\")\n"
         "}\n"}});
  Value doc = Local("doc");
  ASSERT_EQ(doc.kind, Kind::kString);
  EXPECT_EQ(doc.text, "{\"a\":\"\\u003cx\\u003e\",\"b\":[1,true,null],\"c\":${aws_secretsmanager_secret.s.arn}}");
  ASSERT_EQ(doc.holes.size(), 1u);
  EXPECT_EQ(doc.holes[0].reference->node, "aws_secretsmanager_secret.s");
  ASSERT_EQ(doc.encoded.size(), 1u);
  const Value* c = doc.encoded[0].Get("c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Source(c->origin), "aws_secretsmanager_secret.s.arn");
  Value back = Local("back");
  ASSERT_EQ(back.kind, Kind::kMap);
  const Value* k = back.Get("k");
  ASSERT_NE(k, nullptr);
  ASSERT_EQ(k->items.size(), 2u);
  EXPECT_EQ(k->items[1].text, "v");
  EXPECT_EQ(Source(k->items[1].origin), "\\\"v\\\"");
}

TEST_F(EvalTest, UnknownsKeepWhatTheyReferenced) {
  Load({{"main.tf",
         "data \"aws_secretsmanager_secret_version\" \"s\" {\n  secret_id = \"x\"\n}\n"
         "locals {\n"
         "  raw  = data.aws_secretsmanager_secret_version.s.secret_string\n"
         "  pw   = jsondecode(data.aws_secretsmanager_secret_version.s.secret_string)[\"password\"]\n"
         "  url  = \"postgresql://u:${local.pw}@h/db\"\n"
         "  cond = var.on ? aws_db_instance.a.address : aws_db_proxy.p.endpoint\n"
         "  fn   = cidrsubnet(var.cidr, 8, 1)\n"
         "  ix   = aws_db_instance.a[0].endpoint\n"
         "  sp   = aws_db_instance.a[*].address\n"
         "}\n"
         "variable \"on\" {}\nvariable \"cidr\" {}\n"}});
  EXPECT_TRUE(Local("raw").deploy_time_secret);
  Value pw = Local("pw");
  EXPECT_EQ(pw.kind, Kind::kUnknown);
  EXPECT_TRUE(pw.deploy_time_secret);
  Value url = Local("url");
  EXPECT_TRUE(url.deploy_time_secret);
  ASSERT_EQ(url.holes.size(), 1u);
  Value cond = Local("cond");
  EXPECT_EQ(cond.kind, Kind::kUnknown);
  std::set<std::string> nodes;
  for (const Reference& r : cond.references) nodes.insert(r.node + "." + r.attribute);
  EXPECT_TRUE(nodes.count("var.on."));
  EXPECT_TRUE(nodes.count("aws_db_instance.a.address"));
  EXPECT_TRUE(nodes.count("aws_db_proxy.p.endpoint"));
  Value fn = Local("fn");
  EXPECT_EQ(fn.kind, Kind::kUnknown);
  EXPECT_EQ(fn.text, "cidrsubnet(var.cidr, 8, 1)");
  ASSERT_EQ(fn.references.size(), 1u);
  Value ix = Local("ix");
  ASSERT_EQ(ix.references.size(), 1u);
  EXPECT_EQ(ix.references[0].node, "aws_db_instance.a");
  EXPECT_EQ(ix.references[0].attribute, "endpoint");
  Value sp = Local("sp");
  ASSERT_EQ(sp.references.size(), 1u);
  EXPECT_EQ(sp.references[0].attribute, "address");
}

TEST_F(EvalTest, ConfiguredArgumentsReadBackWithTheirReference) {
  Load({{"main.tf",
         "resource \"aws_iam_role\" \"r\" {\n  name = \"app-${local.env}\"\n}\n"
         "resource \"aws_db_instance\" \"d\" {\n  master_user_secret_kms_key_id = \"k\"\n  manage_master_user_password = true\n}\n"
         "locals {\n  env = \"prod\"\n  n = aws_iam_role.r.name\n  a = aws_iam_role.r.arn\n"
         "  ms = aws_db_instance.d.master_user_secret[0].secret_arn\n}\n"}});
  Value n = Local("n");
  EXPECT_EQ(n.text, "app-prod");
  ASSERT_FALSE(n.references.empty());
  EXPECT_EQ(n.references[0].node, "aws_iam_role.r");
  EXPECT_EQ(n.references[0].attribute, "name");
  EXPECT_EQ(Local("a").kind, Kind::kUnknown);
  Value ms = Local("ms");
  ASSERT_EQ(ms.references.size(), 1u);
  EXPECT_EQ(ms.references[0].node, "aws_db_instance.d.master_user_secret");
  EXPECT_EQ(ms.references[0].attribute, "secret_arn");
}

TEST_F(EvalTest, ForExpressionsSplatsAndOperators) {
  Load({{"main.tf",
         "locals {\n"
         "  users = [{name = \"a\", admin = true}, {name = \"b\", admin = false}]\n"
         "  names = local.users[*].name\n"
         "  admins = [for u in local.users : upper(u.name) if u.admin]\n"
         "  by_name = {for i, u in local.users : u.name => i}\n"
         "  grouped = {for u in local.users : u.admin => u.name...}\n"
         "  math = (1 + 2) * 3 - 4 / 2 % 3\n"
         "  cmp = 3 >= 2 && !(1 == 2) || false\n"
         "  pick = 1 > 2 ? \"yes\" : \"no\"\n"
         "  tmpl = \"%{for n in local.names}[${n}]%{endfor}%{if true}!%{else}?%{endif}\"\n"
         "}\n"}});
  Value names = Local("names");
  ASSERT_EQ(names.items.size(), 2u);
  EXPECT_EQ(names.items[1].text, "b");
  Value admins = Local("admins");
  ASSERT_EQ(admins.items.size(), 1u);
  EXPECT_EQ(admins.items[0].text, "A");
  EXPECT_EQ(Local("by_name").Get("b")->text, "1");
  EXPECT_EQ(Local("grouped").Get("true")->items.size(), 1u);
  EXPECT_EQ(Local("math").text, "7");
  EXPECT_TRUE(Local("cmp").is_true());
  EXPECT_EQ(Local("pick").text, "no");
  EXPECT_EQ(Local("tmpl").text, "[a][b]!");
}

TEST_F(EvalTest, FileAndTemplatefileReadFromTheRootModule) {
  char tmpl[] = "/tmp/rdslint-tf-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  std::ofstream(dir + "/policy.json") << "{\"Statement\": []}";
  std::ofstream(dir + "/url.tpl") << "postgresql://${user}@${host}/db";
  std::vector<Input> inputs{Input{"infra/main.tf", dir + "/main.tf",
                                  "locals {\n  p = file(\"${path.module}/policy.json\")\n"
                                  "  u = templatefile(\"url.tpl\", {user = \"app\", host = aws_db_instance.d.address})\n"
                                  "  missing = file(\"build/out.json\")\n}\n"}};
  LoadInputs(inputs);
  Value p = Local("p");
  EXPECT_EQ(p.text, "{\"Statement\": []}");
  std::optional<Origin> o = p.OriginOf(2, 11);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->file, "infra/policy.json");
  EXPECT_EQ(o->range.begin, 2u);
  Value u = Local("u");
  EXPECT_EQ(u.text, "postgresql://app@${host}/db");
  ASSERT_EQ(u.holes.size(), 1u);
  EXPECT_EQ(u.holes[0].reference->node, "aws_db_instance.d");
  EXPECT_EQ(Local("missing").kind, Kind::kUnknown);
  std::system(("rm -rf " + dir).c_str());
}

// ---- modules ----------------------------------------------------------------------

TEST_F(EvalTest, ModuleInputsFlowInAndOutputsFlowBack) {
  Load({{"root/main.tf",
         "module \"db\" {\n  source = \"./modules/db\"\n  name = \"x-${local.env}\"\n}\n"
         "locals {\n  env = \"prod\"\n  id = module.db.id\n  addr = module.db.addr\n  gone = module.nope.x\n}\n"},
        {"root/modules/db/main.tf",
         "variable \"name\" {}\n"
         "resource \"aws_db_instance\" \"this\" {\n  identifier = var.name\n}\n"
         "output \"id\" {\n  value = aws_db_instance.this.identifier\n}\n"
         "output \"addr\" {\n  value = aws_db_instance.this.address\n}\n"}});
  ASSERT_EQ(ev_->roots().size(), 1u);
  EXPECT_EQ(ev_->instances().size(), 2u);
  Value id = Local("id");
  EXPECT_EQ(id.text, "x-prod");
  ASSERT_GE(id.via.size(), 2u);
  EXPECT_EQ(id.via[0], "var.name of module.db (root/main.tf:3)");
  EXPECT_EQ(id.via[1], "module.db.id (output in root/modules/db/main.tf:6)");
  Value addr = Local("addr");
  ASSERT_EQ(addr.references.size(), 1u);
  EXPECT_EQ(addr.references[0].node, "module.db.aws_db_instance.this");
  EXPECT_EQ(addr.references[0].attribute, "address");
  Value gone = Local("gone");
  ASSERT_EQ(gone.references.size(), 1u);
  EXPECT_EQ(gone.references[0].node, "module.nope");
}

TEST_F(EvalTest, ModuleCyclesAreReportedAndStop) {
  Load({{"a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n"},
        {"b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n"}});
  EXPECT_TRUE(HasProblem("Module cycle")) << Problems();
  EXPECT_LE(ev_->instances().size(), 2u);
  ASSERT_FALSE(project_->problems.empty());
  EXPECT_EQ(Source(project_->problems[0].origin), "\"../a\"");
}

TEST_F(EvalTest, ModuleNestingHasADepthLimit) {
  std::map<std::string, std::string> files;
  std::string dir = "m";
  for (int i = 0; i < 40; ++i) {
    files[dir + "/main.tf"] = "module \"next\" {\n  source = \"./n\"\n}\n";
    dir += "/n";
  }
  files[dir + "/main.tf"] = "locals {}\n";
  Load(files);
  EXPECT_TRUE(HasProblem("Module nesting too deep")) << Problems();
  EXPECT_EQ(ev_->instances().size(), static_cast<size_t>(kMaxModuleDepth + 1));
}

TEST_F(EvalTest, ExponentialModuleTreesStopAtTheInstanceBudget) {
  std::map<std::string, std::string> files;
  std::string dir = "m";
  for (int i = 0; i < 24; ++i) {
    files[dir + "/main.tf"] = "module \"a\" {\n  source = \"./n\"\n}\nmodule \"b\" {\n  source = \"./n\"\n}\n";
    dir += "/n";
  }
  auto start = std::chrono::steady_clock::now();
  Load(files);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_TRUE(HasProblem("Too many module instances")) << Problems();
  EXPECT_EQ(ev_->instances().size(), kMaxInstances + 1);  // the root and its budget
}

TEST_F(EvalTest, CyclesDeepChainsAndDoublingStayUnknown) {
  std::string locals = "locals {\n  a = local.b\n  b = \"x${local.a}\"\n";
  for (int i = 0; i < 600; ++i) locals += "  c" + std::to_string(i) + " = local.c" + std::to_string(i + 1) + "\n";
  locals += "  c600 = \"end\"\n  d0 = \"xxxxxxxxxxxxxxxx\"\n";
  for (int i = 1; i < 40; ++i) {
    locals += "  d" + std::to_string(i) + " = \"${local.d" + std::to_string(i - 1) + "}${local.d" +
              std::to_string(i - 1) + "}\"\n";
  }
  locals += "}\n";
  auto start = std::chrono::steady_clock::now();
  Load({{"main.tf", locals}});
  EXPECT_EQ(Local("a").kind, Kind::kUnknown);
  EXPECT_TRUE(HasProblem("Cycle")) << Problems();
  EXPECT_EQ(Local("c0").kind, Kind::kUnknown);
  EXPECT_TRUE(HasProblem("too deeply nested")) << Problems();
  EXPECT_EQ(Local("c500").text, "end");
  EXPECT_EQ(Local("d17").kind, Kind::kUnknown);  // 2 MiB: past the string limit
  EXPECT_FALSE(IsWhollyKnown(Local("d39")));
  EXPECT_EQ(Local("d10").text.size(), 16u << 10);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST_F(EvalTest, CountAndForEachSwitchBlocksOff) {
  Load({{"main.tf",
         "variable \"create\" {\n  default = false\n}\n"
         "resource \"aws_db_instance\" \"off\" {\n  count = var.create ? 1 : 0\n}\n"
         "resource \"aws_db_instance\" \"none\" {\n  for_each = {}\n}\n"
         "resource \"aws_db_instance\" \"maybe\" {\n  count = var.unknown_count\n}\n"
         "variable \"unknown_count\" {}\n"}});
  const Module& m = *Root().module;
  ASSERT_EQ(m.resources.size(), 3u);
  EXPECT_FALSE(ev_->Exists(Root(), *m.resources[0].def.block, *m.resources[0].def.file));
  EXPECT_FALSE(ev_->Exists(Root(), *m.resources[1].def.block, *m.resources[1].def.file));
  EXPECT_TRUE(ev_->Exists(Root(), *m.resources[2].def.block, *m.resources[2].def.file));
}

TEST_F(EvalTest, SyntaxErrorsAreProblemsAndTheRestIsRead) {
  Load({{"main.tf", "locals {\n  a = \"ok\"\n  b = \n}\nlocals {\n  c = local.a\n}\n"}});
  ASSERT_FALSE(project_->problems.empty());
  EXPECT_EQ(project_->problems[0].origin.file, "main.tf");
  EXPECT_EQ(Local("c").text, "ok");
}

TEST_F(EvalTest, DuplicateDefinitionsAreReported) {
  Load({{"a.tf", "resource \"aws_db_instance\" \"x\" {}\nvariable \"v\" {}\n"},
        {"b.tf", "resource \"aws_db_instance\" \"x\" {}\nvariable \"v\" {}\n"},
        {"b_override.tf", "resource \"aws_db_instance\" \"x\" {\n  engine = \"postgres\"\n}\n"}});
  EXPECT_TRUE(HasProblem("Duplicate resource \"aws_db_instance\" configuration")) << Problems();
  EXPECT_TRUE(HasProblem("Duplicate variable declaration")) << Problems();
  EXPECT_EQ(project_->problems.size(), 2u) << Problems();  // the override file is no duplicate
}

}  // namespace
}  // namespace rdslint::iac::tf

namespace rdslint::iac::tf {
namespace {

TEST_F(EvalTest, DeclaredPrimitiveTypesConvertTheirValues) {
  Load({{"main.tf", "variable \"public\" {\n  type = bool\n}\nvariable \"port\" {\n  type = number\n}\n"
                    "variable \"name\" {\n  type = string\n}\nlocals {\n  p = var.public\n  n = var.port\n  s = var.name\n}\n"},
        {"terraform.tfvars", "public = \"true\"\nport = \"5432\"\nname = \"true\"\n"}});
  EXPECT_TRUE(Local("p").is_true());
  EXPECT_EQ(Local("n").kind, Kind::kNumber);
  EXPECT_EQ(Local("s").kind, Kind::kString);
}

}  // namespace
}  // namespace rdslint::iac::tf
