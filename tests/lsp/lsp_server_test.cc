// The language server driven in memory, message by message: the protocol's
// life cycle, diagnostics of the buffer (not the file), quick fixes, and
// nothing secret in anything it sends.
#include "tools/rdslint/lsp_server.h"

#include <stdlib.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tools/rdslint/file_uri.h"
#include "tools/rdslint/jsonrpc.h"

namespace rdslint::lsp {
namespace {

using json = nlohmann::json;

// A URL whose password has an '@' and a '#' that are not percent-encoded,
// after a two-byte character so that UTF-16 and byte columns differ.
const char kEnv[] =
    "# caf\xC3\xA9\n"
    "DATABASE_URL=\"postgresql://caf\xC3\xA9_app:Pl4nted@pw#1@db.internal:5432/app?sslmode=require\"\n";

class LspServerTest : public testing::Test {
 protected:
  LspServerTest()
      : server_(ServerOptions{"test", false},
                [this](const json& m) { sent_.push_back(m); },
                nullptr) {}

  ~LspServerTest() override {
    for (const json& m : sent_) {
      EXPECT_EQ(jsonrpc::Dump(m).find("Pl4nted"), std::string::npos) << jsonrpc::Dump(m);
    }
  }

  void Send(const json& message) { server_.HandleBody(message.dump()); }
  void Request(int id, const std::string& method, json params) {
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void Notify(const std::string& method, json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  json Initialize(json capabilities = json::object()) {
    Request(1, "initialize", {{"rootUri", nullptr}, {"capabilities", std::move(capabilities)}});
    Notify("initialized", json::object());
    return Response(1);
  }

  void Open(const std::string& uri, const std::string& text, int version = 1) {
    Notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "dotenv"}, {"version", version},
                              {"text", text}}}});
  }

  json Response(int id) const {
    for (const json& m : sent_) {
      if (m.contains("id") && m["id"] == id) return m;
    }
    return nullptr;
  }

  // The last diagnostics published for `uri`, or null.
  json Diagnostics(const std::string& uri) const {
    json last;
    for (const json& m : sent_) {
      if (m.value("method", "") == "textDocument/publishDiagnostics" &&
          m["params"]["uri"] == uri) {
        last = m["params"];
      }
    }
    return last;
  }

  static json FindRule(const json& diagnostics, const std::string& rule) {
    for (const json& d : diagnostics) {
      if (d["code"] == rule) return d;
    }
    return nullptr;
  }

  std::vector<json> sent_;
  Server server_;
};

const std::string kUri = "file:///nonexistent-rdslint-test/.env";

json Pos(int line, int character) { return {{"line", line}, {"character", character}}; }
json Rng(int l1, int c1, int l2, int c2) { return {{"start", Pos(l1, c1)}, {"end", Pos(l2, c2)}}; }
json Change(json range, std::string text) {
  json c = {{"text", std::move(text)}};
  if (!range.is_null()) c["range"] = std::move(range);
  return c;
}

TEST_F(LspServerTest, AnswersInitializeWithItsCapabilities) {
  json r = Initialize();
  ASSERT_TRUE(r.contains("result")) << r;
  const json& caps = r["result"]["capabilities"];
  EXPECT_EQ(caps["positionEncoding"], "utf-16");
  EXPECT_EQ(caps["textDocumentSync"]["change"], 1);
  EXPECT_EQ(caps["textDocumentSync"]["openClose"], true);
  EXPECT_TRUE(caps["textDocumentSync"]["save"].is_object());
  EXPECT_EQ(caps["codeActionProvider"], true);  // no literal support announced
  EXPECT_EQ(r["result"]["serverInfo"]["name"], "rdslint");
}

TEST_F(LspServerTest, PublishesDiagnosticsForTheBufferInUtf16) {
  Initialize();
  Open(kUri, kEnv, 4);
  json published = Diagnostics(kUri);
  ASSERT_TRUE(published.is_object()) << "no diagnostics published";
  EXPECT_EQ(published["version"], 4);
  json d = FindRule(published["diagnostics"], "env-url-unencoded-password");
  ASSERT_TRUE(d.is_object()) << published;
  // Line 2, byte column 45 (1-based): the '@' after "Pl4nted". "é" before it
  // is two bytes but one UTF-16 unit.
  EXPECT_EQ(d["range"]["start"], json({{"line", 1}, {"character", 43}}));
  EXPECT_EQ(d["range"]["end"], json({{"line", 1}, {"character", 44}}));
  EXPECT_EQ(d["severity"], 1);
  EXPECT_EQ(d["source"], "rdslint");
  EXPECT_EQ(d["codeDescription"]["href"], RuleDocUri("env-url-unencoded-password"));
  EXPECT_NE(d["message"].get<std::string>().find("percent-encode"), std::string::npos);
}

TEST_F(LspServerTest, NegotiatesUtf8WhenTheClientOffersIt) {
  json r = Initialize({{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
  EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-8");
  Open(kUri, kEnv);
  json d = FindRule(Diagnostics(kUri)["diagnostics"], "env-url-unencoded-password");
  ASSERT_TRUE(d.is_object());
  EXPECT_EQ(d["range"]["start"]["character"], 44);
}

TEST_F(LspServerTest, HonoursClangdsOffsetEncodingExtension) {
  json r = Initialize({{"offsetEncoding", {"utf-8", "utf-16"}}});
  EXPECT_EQ(r["result"]["offsetEncoding"], "utf-8");
  EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-8");
}

TEST_F(LspServerTest, LintsEachChangeAndClearsOnClose) {
  Initialize();
  Open(kUri, kEnv);
  ASSERT_FALSE(Diagnostics(kUri)["diagnostics"].empty());
  Notify("textDocument/didChange",
         {{"textDocument", {{"uri", kUri}, {"version", 2}}},
          {"contentChanges",
           json::array({Change(nullptr, "APP_URL=postgresql://app@db.example.com/app?sslmode=require\n")})}});
  EXPECT_EQ(Diagnostics(kUri)["version"], 2);
  EXPECT_TRUE(Diagnostics(kUri)["diagnostics"].empty()) << Diagnostics(kUri);
  // A ranged change (sent although we asked for full syncs) is applied too.
  Notify("textDocument/didChange",
         {{"textDocument", {{"uri", kUri}, {"version", 3}}},
          {"contentChanges", json::array({Change(Rng(0, 24, 0, 24), ":Pl4nted-x")})}});
  json d = FindRule(Diagnostics(kUri)["diagnostics"], "env-password-literal");
  ASSERT_TRUE(d.is_object()) << Diagnostics(kUri);
  Notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_TRUE(Diagnostics(kUri)["diagnostics"].empty());
}

TEST_F(LspServerTest, OffersTheFixItAsAQuickFix) {
  Initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}},
              {"textDocument", {{"codeAction", {{"codeActionLiteralSupport", json::object()}}}}}});
  Open(kUri, kEnv, 7);
  Request(2, "textDocument/codeAction",
          {{"textDocument", {{"uri", kUri}}},
           {"range", Rng(1, 0, 1, 0)},
           {"context", {{"diagnostics", json::array()}}}});
  json r = Response(2);
  ASSERT_TRUE(r["result"].is_array()) << r;
  json action;
  for (const json& a : r["result"]) {
    if (a["diagnostics"][0]["code"] == "env-url-unencoded-password") action = a;
  }
  ASSERT_TRUE(action.is_object()) << r;
  EXPECT_EQ(action["kind"], "quickfix");
  const json& change = action["edit"]["documentChanges"][0];
  EXPECT_EQ(change["textDocument"]["uri"], kUri);
  EXPECT_EQ(change["textDocument"]["version"], 7);
  // One edit per reserved character, never the password itself.
  ASSERT_EQ(change["edits"].size(), 2u) << change;
  EXPECT_EQ(change["edits"][0]["newText"], "%40");
  EXPECT_EQ(change["edits"][0]["range"]["start"], json({{"line", 1}, {"character", 43}}));
  EXPECT_EQ(change["edits"][0]["range"]["end"], json({{"line", 1}, {"character", 44}}));
  EXPECT_EQ(change["edits"][1]["newText"], "%23");
  EXPECT_EQ(change["edits"][1]["range"]["start"], json({{"line", 1}, {"character", 46}}));

  // Other lines, and kinds other than quick fixes, get nothing.
  Request(3, "textDocument/codeAction",
          {{"textDocument", {{"uri", kUri}}},
           {"range", Rng(0, 0, 0, 3)},
           {"context", {{"diagnostics", json::array()}}}});
  EXPECT_EQ(Response(3)["result"], json::array());
  Request(4, "textDocument/codeAction",
          {{"textDocument", {{"uri", kUri}}},
           {"range", Rng(1, 0, 1, 0)},
           {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}});
  EXPECT_EQ(Response(4)["result"], json::array());
}

TEST_F(LspServerTest, FallsBackToChangesWithoutDocumentChanges) {
  Initialize();
  Open(kUri, kEnv);
  Request(2, "textDocument/codeAction",
          {{"textDocument", {{"uri", kUri}}},
           {"range", Rng(1, 50, 1, 50)},
           {"context", {{"diagnostics", json::array()}}}});
  json r = Response(2);
  ASSERT_FALSE(r["result"].empty()) << r;
  EXPECT_TRUE(r["result"][0]["edit"]["changes"][kUri].is_array()) << r;
}

TEST_F(LspServerTest, FilesRdslintDoesNotLintGetNoDiagnostics) {
  Initialize();
  Open("file:///nonexistent-rdslint-test/main.cc", "int main() {}\n");
  Open("file:///nonexistent-rdslint-test/README.md", kEnv);
  EXPECT_TRUE(Diagnostics("file:///nonexistent-rdslint-test/main.cc").is_null());
  EXPECT_TRUE(Diagnostics("file:///nonexistent-rdslint-test/README.md").is_null());
}

TEST_F(LspServerTest, FollowsTheLifeCycle) {
  Request(1, "textDocument/codeAction", json::object());
  EXPECT_EQ(Response(1)["error"]["code"], jsonrpc::kServerNotInitialized);
  Open(kUri, kEnv);  // before initialize: dropped
  EXPECT_TRUE(Diagnostics(kUri).is_null());

  Request(2, "initialize", {{"capabilities", json::object()}});
  EXPECT_TRUE(Response(2).contains("result"));
  Request(3, "initialize", {{"capabilities", json::object()}});
  EXPECT_EQ(Response(3)["error"]["code"], jsonrpc::kInvalidRequest);
  Request(4, "textDocument/hover", json::object());
  EXPECT_EQ(Response(4)["error"]["code"], jsonrpc::kMethodNotFound);

  Request(5, "shutdown", nullptr);
  EXPECT_TRUE(Response(5)["result"].is_null());
  EXPECT_TRUE(Response(5).contains("result"));
  Request(6, "textDocument/codeAction", json::object());
  EXPECT_EQ(Response(6)["error"]["code"], jsonrpc::kInvalidRequest);
  EXPECT_FALSE(server_.exited());
  Notify("exit", nullptr);
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exit_code(), 0);
}

TEST_F(LspServerTest, ExitWithoutShutdownIsAnError) {
  Initialize();
  Notify("exit", nullptr);
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exit_code(), 1);
}

TEST_F(LspServerTest, MalformedMessagesGetErrorsNotCrashes) {
  server_.HandleBody("{not json");
  ASSERT_FALSE(sent_.empty());
  EXPECT_EQ(sent_.back()["error"]["code"], jsonrpc::kParseError);
  Initialize();
  const size_t before = sent_.size();
  // Wrong shapes everywhere: each request still gets exactly one answer.
  Request(10, "textDocument/codeAction", "nonsense");
  Request(11, "textDocument/codeAction", {{"textDocument", 5}, {"range", {{"start", "x"}}}});
  Request(12, "textDocument/codeAction", {{"textDocument", {{"uri", kUri}}}, {"range", {{"start", Pos(-1, 0)}, {"end", nullptr}}}});
  Notify("textDocument/didOpen", {{"textDocument", {{"uri", 5}}}});
  Notify("textDocument/didOpen", nullptr);
  Notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}}}, {"contentChanges", 3}});
  Notify("textDocument/didSave", json::array());
  Notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  Open(kUri, kEnv);
  Notify("textDocument/didChange",
         {{"textDocument", {{"uri", kUri}, {"version", "x"}}},
          {"contentChanges", json::array({Change(Rng(99, 99, 0, 0), "A=1\n"),
                                          json{{"range", "bad"}, {"text", "B"}},
                                          json{{"text", 5}}})}});
  for (int id : {10, 11, 12}) {
    json r = Response(id);
    EXPECT_TRUE(r.contains("result") || r.contains("error")) << id;
  }
  EXPECT_GT(sent_.size(), before);
}

TEST_F(LspServerTest, EveryMethodSurvivesEveryWrongShape) {
  Initialize();
  Open(kUri, kEnv);
  const std::vector<json> shapes = {
      nullptr, 5, "text", json::array({1, 2}), json::object(),
      {{"textDocument", nullptr}},
      {{"textDocument", {{"uri", kUri}, {"text", 7}, {"version", "v"}}}},
      {{"textDocument", {{"uri", kUri}}}, {"contentChanges", {{{"text", nullptr}}}}},
      {{"textDocument", {{"uri", kUri}}}, {"range", {{"start", Pos(0, 0)}, {"end", Pos(2147483647, 2147483647)}}},
       {"context", {{"only", 5}}}},
      {{"capabilities", {{"general", {{"positionEncodings", "utf-8"}}}}}, {"workspaceFolders", 3}},
  };
  int id = 100;
  for (const char* method : {"textDocument/didOpen", "textDocument/didChange", "textDocument/didSave",
                             "textDocument/didClose", "textDocument/codeAction", "initialize",
                             "initialized", "$/cancelRequest", "workspace/symbol"}) {
    for (const json& params : shapes) {
      const size_t before = sent_.size();
      Request(++id, method, params);
      size_t answers = 0;
      for (size_t i = before; i < sent_.size(); ++i) answers += sent_[i].contains("id") && sent_[i]["id"] == id;
      EXPECT_EQ(answers, 1u) << method << " " << params;
      Notify(method, params);
      Open(kUri, kEnv);  // a document to work on again
    }
  }
}

class LspWorkspaceTest : public LspServerTest {
 protected:
  LspWorkspaceTest() {
    char tmpl[] = "/tmp/rdslint-lsp-test-XXXXXX";
    root_ = mkdtemp(tmpl) ? tmpl : "";
  }
  ~LspWorkspaceTest() override {
    if (!root_.empty()) std::system(("rm -rf '" + root_ + "'").c_str());
  }
  void WriteFile(const std::string& rel, const std::string& text) {
    std::system(("mkdir -p \"$(dirname '" + root_ + "/" + rel + "')\"").c_str());
    std::ofstream(root_ + "/" + rel, std::ios::binary) << text;
  }
  std::string Uri(const std::string& rel) const { return PathToFileUri(root_ + "/" + rel); }
  void InitializeWorkspace() {
    Request(1, "initialize", {{"rootUri", PathToFileUri(root_)}, {"capabilities", json::object()}});
    Notify("initialized", json::object());
  }
  void Saved(const std::string& rel) {
    Notify("textDocument/didSave", {{"textDocument", {{"uri", Uri(rel)}}}});
  }

  std::string root_;
};

const char kPrismaEnv[] =
    "DATABASE_URL=postgresql://app:${DB_PASSWORD}@impulse-proxy.proxy-c9akciq32abc.us-east-1."
    "rds.amazonaws.com:5432/app?sslmode=require\n";

TEST_F(LspWorkspaceTest, SavingIacRebuildsTheProjectFacts) {
  ASSERT_FALSE(root_.empty());
  WriteFile("prisma/schema.prisma",
            "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n");
  InitializeWorkspace();
  Open(Uri(".env"), kPrismaEnv);
  EXPECT_TRUE(Diagnostics(Uri(".env"))["diagnostics"].empty()) << "not a Lambda project yet";
  // A Lambda function appears on disk; only its save tells the server.
  WriteFile("infra/main.tf", "resource \"aws_lambda_function\" \"api\" {\n  runtime = \"nodejs20.x\"\n}\n");
  Saved("README.md");  // not a file the facts come from: nothing changes
  EXPECT_TRUE(Diagnostics(Uri(".env"))["diagnostics"].empty());
  Saved("infra/main.tf");
  json d = FindRule(Diagnostics(Uri(".env"))["diagnostics"], "env-prisma-connection-limit");
  ASSERT_TRUE(d.is_object()) << Diagnostics(Uri(".env"));
  EXPECT_EQ(d["severity"], 3);  // a note
}

TEST_F(LspWorkspaceTest, WithoutAWorkspaceTheGitCheckoutIsTheProject) {
  ASSERT_FALSE(root_.empty());
  WriteFile(".git/HEAD", "ref: refs/heads/main\n");
  WriteFile("prisma/schema.prisma",
            "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n");
  WriteFile("infra/main.tf", "resource \"aws_lambda_function\" \"api\" {\n  runtime = \"nodejs20.x\"\n}\n");
  Initialize();  // rootUri null, no workspaceFolders
  Open(Uri("services/api/.env"), kPrismaEnv);
  EXPECT_TRUE(FindRule(Diagnostics(Uri("services/api/.env"))["diagnostics"],
                       "env-prisma-connection-limit").is_object())
      << Diagnostics(Uri("services/api/.env"));
}

TEST_F(LspWorkspaceTest, FollowsTheConfigurationFile) {
  ASSERT_FALSE(root_.empty());
  InitializeWorkspace();
  Open(Uri("svc/.env"), kEnv);
  ASSERT_TRUE(FindRule(Diagnostics(Uri("svc/.env"))["diagnostics"], "env-password-literal").is_object());
  WriteFile(".rdslint.yaml", "Checks: '-*,env-url-*'\n");
  Saved(".rdslint.yaml");
  json diagnostics = Diagnostics(Uri("svc/.env"))["diagnostics"];
  EXPECT_TRUE(FindRule(diagnostics, "env-password-literal").is_null()) << diagnostics;
  EXPECT_TRUE(FindRule(diagnostics, "env-url-unencoded-password").is_object()) << diagnostics;

  // Excluded files get no diagnostics.
  WriteFile(".rdslint.yaml", "Exclude: ['svc/**']\n");
  Saved(".rdslint.yaml");
  EXPECT_TRUE(Diagnostics(Uri("svc/.env"))["diagnostics"].empty());

  // A broken file is shown to the user, and the defaults apply meanwhile.
  WriteFile(".rdslint.yaml", "Checks: [\n");
  Saved(".rdslint.yaml");
  bool shown = false;
  for (const json& m : sent_) {
    shown |= m.value("method", "") == "window/showMessage" &&
             m["params"]["message"].get<std::string>().find(".rdslint.yaml") != std::string::npos;
  }
  EXPECT_TRUE(shown);
  EXPECT_TRUE(FindRule(Diagnostics(Uri("svc/.env"))["diagnostics"], "env-password-literal").is_object());
}

TEST(ServeTest, RunsAWholeSessionOverStreams) {
  const std::string text(kEnv);
  std::string input;
  for (const json& m : std::vector<json>{
           {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}},
           {{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}},
           {{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
            {"params", {{"textDocument", {{"uri", kUri}, {"languageId", "dotenv"}, {"version", 1}, {"text", text}}}}}},
           {{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}},
           {{"jsonrpc", "2.0"}, {"method", "exit"}},
           {{"jsonrpc", "2.0"}, {"id", 3}, {"method", "never-read"}}}) {
    input += jsonrpc::FrameMessage(m.dump());
  }
  std::istringstream in("Content-Length: nope\r\n\r\n{}" + input);
  std::ostringstream out;
  EXPECT_EQ(Serve(in, out, ServerOptions{"test", false}), 0);
  std::istringstream replies(out.str());
  jsonrpc::FrameReader reader(replies);
  std::vector<std::string> methods;
  for (jsonrpc::Frame f = reader.Next(); f.kind != jsonrpc::Frame::Kind::kEnd; f = reader.Next()) {
    ASSERT_EQ(f.kind, jsonrpc::Frame::Kind::kMessage);
    EXPECT_EQ(f.body.find("Pl4nted"), std::string::npos);
    json m = json::parse(f.body);
    methods.push_back(m.contains("method") ? m["method"].get<std::string>()
                                           : "reply " + m["id"].dump());
  }
  EXPECT_EQ(methods, (std::vector<std::string>{"reply 1", "textDocument/publishDiagnostics",
                                               "reply 2"}));
}

TEST(ServeTest, EndOfInputWithoutShutdownExitsOne) {
  std::istringstream in("");
  std::ostringstream out;
  EXPECT_EQ(Serve(in, out, ServerOptions{}), 1);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace rdslint::lsp
