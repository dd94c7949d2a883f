// The C++ pack below the checks: the frontend (compile flags, missing
// headers, compile errors), the constant evaluator and the matchers, through
// CppAnalyzer on snippets parsed in memory, and the checks on its CppFile.
#include <stdlib.h>

#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/cpp/cpp_checks.h"
#include "checks/cpp/cpp_file.h"
#include "core/config.h"
#include "core/rule_registry.h"
#include "core/secret_mask.h"
#include "frontend/discover/project_facts.h"

namespace rdslint {
namespace {

class AnalyzerTest : public testing::Test {
 protected:
  // Outside the repository: no compilation database above, so the defaults.
  static void SetUpTestSuite() {
    char tmpl[] = "/tmp/rdslint-cpp-test-XXXXXX";
    dir_ = new std::string(mkdtemp(tmpl));
  }
  static void TearDownTestSuite() {
    system(("rm -rf '" + *dir_ + "'").c_str());
    delete dir_;
  }

  CppAnalyzer::Result Analyze(const std::string& text, const std::string& name = "snippet.cc") {
    text_ = text;
    mask_ = SecretMask(text_);
    return analyzer_.Analyze(*dir_ + "/" + name, text_, &mask_);
  }

  // The one connection of a snippet.
  const CppConnection& Only(const CppAnalyzer::Result& r) {
    static const CppConnection kNone;
    EXPECT_TRUE(r.file) << (r.errors.empty() ? "" : r.errors[0].second);
    if (!r.file) return kNone;
    EXPECT_EQ(r.file->connections.size(), 1u);
    return r.file->connections.empty() ? kNone : r.file->connections[0];
  }

  // The source text a range of the connection string is spelled at.
  std::string Spelled(const CppConnection& c, SourceRange in_text) {
    std::optional<SourceRange> r = c.value.ToSource(in_text);
    return r ? text_.substr(r->begin, r->size()) : "<none>";
  }

  // Runs one check on the file's facts.
  std::vector<Finding> Run(const std::string& rule, const CppFile& file, Config config = {}) {
    std::vector<Finding> out;
    const RuleInfo* info = RuleRegistry::Embedded().Find(rule);
    EXPECT_TRUE(info) << rule;
    ProjectFacts project;
    const std::string path = "snippet.cc";
    CheckContext ctx(path, *info, config, project, &out);
    for (std::unique_ptr<Check>& check : CreateCppChecks()) {
      if (check->id() == rule) check->CheckCpp(file, ctx);
    }
    return out;
  }

  static std::string* dir_;
  CppAnalyzer analyzer_{""};
  std::string text_;
  SecretMask mask_;
};
std::string* AnalyzerTest::dir_ = nullptr;

const char kPrelude[] = "#include <libpq-fe.h>\n#include <string>\n";

TEST_F(AnalyzerTest, FollowsConstantsConcatenationAndAppends) {
  auto r = Analyze(std::string(kPrelude) + R"cc(
namespace cfg { constexpr const char* kHost = "db.example.com"; }
const std::string kUser = "report";
PGconn* Connect() {
  std::string c = std::string("host=") + cfg::kHost;
  c += " user=" + kUser;
  c.append(" dbname=").append("app" " sslmode=" "require");
  return PQconnectdb(c.c_str());
}
)cc");
  const CppConnection& c = Only(r);
  EXPECT_EQ(c.api, "PQconnectdb");
  EXPECT_EQ(c.value.text, "host=db.example.com user=report dbname=app sslmode=require");
  EXPECT_TRUE(c.value.holes.empty());
  ASSERT_TRUE(c.conn);
  EXPECT_EQ(c.conn->host.value, "db.example.com");
  // Each part maps back to where it is spelled.
  EXPECT_EQ(Spelled(c, c.conn->host.range), "db.example.com");
  EXPECT_EQ(Spelled(c, c.conn->user.range), "report");
  EXPECT_TRUE(r.notes.size() == 1 && r.notes[0].second.find("defaults") != std::string::npos)
      << "a file with no compilation database says which flags it was parsed with";
}

TEST_F(AnalyzerTest, EscapesRawStringsAndMacros) {
  auto r = Analyze(std::string(kPrelude) + R"cc(
#define DSN R"(postgresql://app:p\w@db.example.com/app)" "\x3fsslmode=require"
PGconn* Connect() { return PQconnectdb(DSN); }
)cc");
  const CppConnection& c = Only(r);
  EXPECT_EQ(c.value.text, "postgresql://app:p\\w@db.example.com/app?sslmode=require");
  ASSERT_TRUE(c.conn);
  // A raw string's backslash is itself; "\x3f" is four bytes of source for one.
  EXPECT_EQ(Spelled(c, c.conn->password.range), "p\\w");
  const uint32_t q = static_cast<uint32_t>(c.value.text.find('?'));
  EXPECT_EQ(Spelled(c, SourceRange{q, q + 1}), "\\x3f");
  EXPECT_FALSE(c.value.Plain(q));
  EXPECT_TRUE(c.value.Plain(q - 1));
}

TEST_F(AnalyzerTest, UnknownPartsAreNamedHoles) {
  auto r = Analyze(std::string(kPrelude) + R"cc(
#include <cstdlib>
struct Config { std::string password; };
PGconn* Connect(const Config& config, const char* host) {
  return PQconnectdb((std::string("host=") + host + " password=" + config.password +
                      " user=" + std::getenv("DB_USER")).c_str());
}
)cc");
  const CppConnection& c = Only(r);
  ASSERT_EQ(c.value.holes.size(), 3u);
  EXPECT_EQ(c.value.holes[0].name, "host");
  EXPECT_EQ(c.value.holes[1].name, "config.password");
  EXPECT_EQ(c.value.holes[2].name, "getenv()");
  EXPECT_EQ(c.value.holes[2].callee, "getenv");
  ASSERT_TRUE(c.value.holes[1].source);
  EXPECT_EQ(text_.substr(c.value.holes[1].source->begin, c.value.holes[1].source->size()),
            "config.password");
  ASSERT_TRUE(c.conn);
  EXPECT_EQ(c.conn->host_kind, url::HostKind::kUnknown);
  EXPECT_EQ(c.conn->password_kind, url::PasswordKind::kInterpolated);
}

TEST_F(AnalyzerTest, LocalsAreReplayedUpToTheUse) {
  auto r = Analyze(std::string(kPrelude) + R"cc(
PGconn* Connect(bool verify) {
  std::string c = "host=db.example.com";
  c = "host=other.example.com";
  c += " port=" + std::to_string(5432);
  PGconn* first = PQconnectdb(c.c_str());
  c += " sslmode=require";
  return first;
}
)cc");
  const CppConnection& c = Only(r);
  EXPECT_EQ(c.value.text, "host=other.example.com port=5432");
}

TEST_F(AnalyzerTest, FormatWhereAvailable) {
  // libstdc++ 12 has no <format>: the declaration fmt::format has.
  auto r = Analyze(std::string(kPrelude) + R"cc(
namespace fmt {
template <typename T> struct identity { using type = T; };
template <typename... T> struct basic_format_string { basic_format_string(const char* s); };
template <typename... T>
std::string format(basic_format_string<typename identity<T>::type...> f, T&&... args);
}
PGconn* Connect(const std::string& password) {
  return PQconnectdb(fmt::format("host={} port={} password={2}{{}}", "db.example.com", 5432, password).c_str());
}
)cc");
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].second;
  const CppConnection& c = Only(r);
  EXPECT_EQ(c.value.text.substr(0, 33), "host=db.example.com port=5432 pas") << c.value.text;
  EXPECT_EQ(c.value.text.substr(33), "sword=${password}{}");
  ASSERT_EQ(c.value.holes.size(), 1u);
  EXPECT_EQ(c.value.holes[0].name, "password");
}

TEST_F(AnalyzerTest, KeywordValueArraysAndSetdbLogin) {
  auto r = Analyze(std::string(kPrelude) + R"cc(
#include <array>
PGconn* Params(const char* user) {
  static const char* const keys[] = {"dbname", "user", "sslmode", nullptr};
  const std::array<const char*, 4> values = {"host=db.example.com port=6432", user, nullptr, nullptr};
  return PQconnectdbParams(keys, values.data(), 1);
}
PGconn* Setdb() {
  return PQsetdbLogin("db.example.com", "5432", nullptr, nullptr, "app", "it's", "Pl4nted-x");
}
)cc");
  ASSERT_TRUE(r.file);
  ASSERT_EQ(r.file->connections.size(), 2u);
  const CppConnection& params = r.file->connections[0];
  EXPECT_TRUE(params.synthesized);
  // expand_dbname: the dbname value is spliced in as a connection string;
  // a null value is no parameter at all.
  EXPECT_EQ(params.value.text, "host=db.example.com port=6432 user='${user}'");
  const CppConnection& setdb = r.file->connections[1];
  EXPECT_EQ(setdb.value.text,
            "host='db.example.com' port='5432' dbname='app' user='it\\'s' password='Pl4nted-x'");
  ASSERT_TRUE(setdb.conn);
  EXPECT_EQ(setdb.conn->user.value, "it's");
  EXPECT_EQ(setdb.conn->password_kind, url::PasswordKind::kLiteral);
  // The password is masked in every output, wherever it is spelled.
  mask_.Finish();
  EXPECT_EQ(mask_.MaskText("x Pl4nted-x y"), "x **** y");
}

TEST_F(AnalyzerTest, PqxxConstructionAndMakeUnique) {
  auto r = Analyze(R"cc(#include <memory>
#include <pqxx/pqxx>
void Connect(const std::string& url) {
  pqxx::connection direct{"host=a.example.com"};
  pqxx::connection copy_of_url(url);
  auto owned = std::make_unique<pqxx::connection>("host=b.example.com");
}
)cc");
  ASSERT_TRUE(r.file);
  ASSERT_EQ(r.file->connections.size(), 3u);
  EXPECT_EQ(r.file->connections[0].value.text, "host=a.example.com");
  EXPECT_EQ(r.file->connections[1].value.holes.size(), 1u);
  EXPECT_EQ(r.file->connections[2].value.text, "host=b.example.com");
  for (const CppConnection& c : r.file->connections) EXPECT_EQ(c.api, "pqxx::connection");
}

TEST_F(AnalyzerTest, PlainCFile) {
  auto r = Analyze("#include <libpq-fe.h>\nPGconn* c(void) { return PQconnectdb(\"host=db.example.com\"); }\n",
                   "client.c");
  EXPECT_EQ(Only(r).value.text, "host=db.example.com");
  EXPECT_TRUE(r.errors.empty());
}

TEST_F(AnalyzerTest, MissingHeaderIsALocatedErrorAndTheRestIsStillChecked) {
  auto r = Analyze(std::string(kPrelude) + R"cc(#include <aws/core/Aws.h>
PGconn* c() { return PQconnectdb("host=db.example.com"); }
)cc");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(text_.substr(r.errors[0].first.begin, r.errors[0].first.size()), "<aws/core/Aws.h>");
  EXPECT_NE(r.errors[0].second.find("'aws/core/Aws.h' file not found"), std::string::npos)
      << r.errors[0].second;
  EXPECT_NE(r.errors[0].second.find("default flags"), std::string::npos) << r.errors[0].second;
  EXPECT_EQ(Only(r).value.text, "host=db.example.com");
}

TEST_F(AnalyzerTest, CompileErrorsAreCountedNotPrinted) {
  auto r = Analyze(std::string(kPrelude) + R"cc(
PGconn* c() { undeclared_a(); undeclared_b(); return PQconnectdb("host=x.example.com"); }
)cc");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].second.find("undeclared_a"), std::string::npos) << r.errors[0].second;
  EXPECT_NE(r.errors[0].second.find("1 more error"), std::string::npos) << r.errors[0].second;
}

TEST_F(AnalyzerTest, GarbageNeverCrashes) {
  for (const std::string& junk :
       {std::string("PQconnectdb(((((("), std::string("\xff\xfe PQconnectdb \"\\"),
        std::string("template<class T> struct S { S<T*> s; }; S<int> pqxx;"),
        std::string(kPrelude) + "auto x = PQconnectdb(R\"(unterminated"}) {
    auto r = Analyze(junk);
    EXPECT_FALSE(r.errors.empty()) << junk;
  }
}

TEST_F(AnalyzerTest, ConstantsThatDoubleAtEachLevelStayCheap) {
  std::string code = std::string(kPrelude) + "const std::string c0 = \"x\";\n";
  for (int i = 1; i <= 40; ++i) {
    code += "const std::string c" + std::to_string(i) + " = c" + std::to_string(i - 1) + " + c" +
            std::to_string(i - 1) + ";\n";
  }
  code += "PGconn* c() { return PQconnectdb((\"host=db.example.com password=\" + c40).c_str()); }\n";
  const auto start = std::chrono::steady_clock::now();
  auto r = Analyze(code);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  const CppConnection& c = Only(r);
  ASSERT_TRUE(c.conn);
  EXPECT_FALSE(c.value.holes.empty()) << "2^40 bytes are not computed";
}

TEST_F(AnalyzerTest, FilesThatNameNoApiAreNotParsed) {
  auto r = Analyze("#include <nothere.h>\nint main() { return 0; }\n");
  EXPECT_FALSE(r.file);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.notes.empty());
  EXPECT_TRUE(MentionsDatabaseApi("auto c = pqxx::connection{};"));
  EXPECT_FALSE(MentionsDatabaseApi("int main() {}"));
}

TEST_F(AnalyzerTest, EncodingFunctionsOption) {
  auto r = Analyze(std::string(kPrelude) + R"cc(
std::string Obscure(const std::string& s);
PGconn* c(const std::string& pw) {
  return PQconnectdb(("postgresql://app:" + Obscure(pw) + "@db.example.com/app?sslmode=require").c_str());
}
)cc");
  ASSERT_TRUE(r.file);
  EXPECT_EQ(Run("cpp-url-unencoded-password", *r.file).size(), 1u);
  Config config;
  config.check_options["cpp-url-unencoded-password.EncodingFunctions"] = "Other, Obscure";
  EXPECT_TRUE(Run("cpp-url-unencoded-password", *r.file, config).empty());
}

TEST_F(AnalyzerTest, StoresThatRunAgainAreRefreshes) {
  const std::string sdk = R"cc(
namespace Aws { using String = std::string;
namespace RDS { class RDSClient { public:
  String GenerateConnectAuthToken(const char*, const char*, unsigned, const char*) const; }; } }
Aws::String Token() { return Aws::RDS::RDSClient().GenerateConnectAuthToken("h", "r", 5432, "u"); }
)cc";
  auto looped = Analyze(std::string(kPrelude) + sdk + R"cc(
Aws::String g_token;
int main() { for (;;) { g_token = Token(); } }
)cc");
  ASSERT_TRUE(looped.file);
  EXPECT_TRUE(looped.file->credential_stores.empty()) << "a store in a loop runs again";

  auto asked = Analyze(std::string(kPrelude) + sdk + R"cc(
const Aws::String& Get(bool refresh) {
  static Aws::String token;
  if (token.empty() || refresh) token = Token();
  return token;
}
)cc");
  ASSERT_TRUE(asked.file);
  EXPECT_TRUE(asked.file->credential_stores.empty()) << "a caller can ask for a new token";

  auto once = Analyze(std::string(kPrelude) + sdk + R"cc(
thread_local const Aws::String tls_token = Token();
)cc");
  ASSERT_TRUE(once.file);
  ASSERT_EQ(once.file->credential_stores.size(), 1u);
  EXPECT_EQ(once.file->credential_stores[0].storage, CppCredentialStore::Storage::kThreadLocal);
  EXPECT_EQ(once.file->credential_stores[0].source, CppCredentialStore::Source::kRdsAuthToken);
}

}  // namespace
}  // namespace rdslint
