// The RE2 prefilter: what it lets through, and that no fixture of a code
// rule is ever filtered out (a missing token would silently disable a rule).
#include <dirent.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/script/grammars.h"
#include "frontend/script/prefilter.h"

namespace rdslint::script {
namespace {

TEST(PrefilterTest, LetsThroughWhatTheRulesStartFrom) {
  for (const char* text : {
           "import { Pool } from 'pg'", "new Client({})", "postgresql://x", "PrismaClient",
           "new SecretsManagerClient()", "GetSecretValueCommand", "sm.getSecretValue(", "client.get_secret_value(",
           "new Signer({})", "rds.generate_db_auth_token(", "import psycopg2", "asyncpg.connect", "create_engine(",
           "sslmode", "DATABASE_URL", "knex({})", "new Sequelize()", "new DataSource()",
           "x.abc123.us-east-1.rds.amazonaws.com", "import pg8000", "PGPASSWORD"}) {
    EXPECT_TRUE(MayConcernDatabase(text)) << text;
  }
}

TEST(PrefilterTest, KeepsOrdinaryCodeAway) {
  for (const char* text : {
           "export const Button = () => <button onClick={go}>Go</button>;\n",
           "def add(a, b):\n    return a + b\n",
           "const pooling = makePooling(); const clientele = 3; import x from 'pgrid';\n"}) {
    EXPECT_FALSE(MayConcernDatabase(text)) << text;
  }
}

TEST(PrefilterTest, OnePassAnswersBothQuestions) {
  const std::vector<std::pair<std::string, std::pair<bool, bool>>> cases = {
      {"import { Pool } from 'pg';\n", {true, true}},
      {"const arn = process.env.DB_SECRET_ARN;\n", {false, true}},
      {"secret = os.environ['APP_SECRET']\n", {false, true}},
      {"const level = process.env.LOG_LEVEL;\n", {false, false}},
      {"export const add = (a, b) => a + b;\n", {false, false}},
      {"", {false, false}},
      // Both at once: the set reports each pattern, not the first.
      {"const url = process.env.DATABASE_URL; new Client(url);\n", {true, true}},
  };
  for (const auto& [text, want] : cases) {
    const DatabaseInterest got = ScanForDatabase(text);
    EXPECT_EQ(got.code_rules, want.first) << text;
    EXPECT_EQ(got.project_facts, want.second) << text;
    EXPECT_EQ(got.code_rules, MayConcernDatabase(text)) << text;
  }
}

// The literal screen before the RE2 set only saves work: wherever the set
// matches, the screen lets the text through. Near misses of every word's
// extra condition, at the edges of the text and around UTF-8.
TEST(PrefilterTest, TheScreenNeverTurnsAwayWhatTheSetMatches) {
  const std::vector<std::string> texts = {
      "Pool", "Pool.x", "x(Pool)", "aPool", "Pools", "_Pool", "Pool_", "\xc3\xa9Pool\xc3\xa9",
      "Client", "HttpClient", "Client2", "pg", "jpg", "pg8000", "upgrade", "(pg)", "psycopg", "asyncpg",
      "postgres", "Prisma", "SecretsManager", "GetSecretValue", "getSecretValue", "etSecretValue",
      "get_secret", "Signer", "getAuthToken", "generate_db_auth_token", "create_engine",
      "create_async_engine", "sslmode", "DATABASE_URL", "knex", "Knex", "Sequelize", "DataSource",
      "typeorm", "createConnection", "rds.amazonaws.com", "rds-amazonaws.com", "PGPASSWORD", "PGHOST",
      "PGUSER", "P", "G", "",
      // The environment reader, then up to four non-word characters, then
      // a name holding a database word.
      "process.env.DB_HOST", "process.env['DB_HOST']", "process.env[ \"x_DB\"]", "process.env    DB",
      "process.env     DB", "process.env.LOG_LEVEL", "process.env.", "process.env", "process.envDB",
      "process.env.dbHost", "process.env.MY_SECRET", "process.env.RDS_X", "process.env.PGHOST",
      "process.env.POSTGRES_URL", "process.env.X1DB", "process.env.DATABASE",
      "os.environ['DB']", "os.environ.get('PG_HOST')", "os.environ[\"SECRET\"]", "getenv(\"DB_NAME\")",
      "getenv(\"NAME\")", "os.getenv('RDS')",
      // Non-word characters of two and three bytes count one each.
      "process.env\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0" "DB", "process.env\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83" "DB",
      "process.env\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0" "DB", "process.env\xf0\x9f\x98\x80\xf0\x9f\x98\x80[\"" "DB",
  };
  for (const std::string& text : texts) {
    // At every offset of the screen's seven-byte blocks, alone and between
    // other text.
    std::vector<std::string> variants = {"x " + text + " y", "\n" + text, text + "\n"};
    for (int pad = 0; pad < 8; ++pad) variants.push_back(std::string(pad, ' ') + text);
    for (const std::string& t : variants) {
      const DatabaseInterest set = internal::ScanUnscreened(t);
      if (set.code_rules || set.project_facts) {
        EXPECT_TRUE(internal::MayMatchLiterally(t)) << t;
      }
      const DatabaseInterest got = ScanForDatabase(t);
      EXPECT_EQ(got.code_rules, set.code_rules) << t;
      EXPECT_EQ(got.project_facts, set.project_facts) << t;
    }
  }
  // And it does turn ordinary code away.
  for (const char* text : {"export const Button = () => <button onClick={go}>Go</button>;\n",
                           "const c = new HttpClient(); const img = 'a.jpg';\n",
                           "const level = process.env.LOG_LEVEL;\n"}) {
    EXPECT_FALSE(internal::MayMatchLiterally(text)) << text;
  }
}

void Collect(const std::string& dir, std::vector<std::string>* out, bool scripts_only = true) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) Collect(path, out, scripts_only);
    else if (S_ISREG(st.st_mode) && (!scripts_only || LanguageForPath(path))) out->push_back(path);
  }
  closedir(d);
}

void CollectAll(const std::string& dir, std::vector<std::string>* out) { Collect(dir, out, false); }

// Every file of testdata/, whatever its kind: the screened and unscreened
// answers are the same.
TEST(PrefilterTest, TheScreenAgreesWithTheSetOnEveryTestFile) {
  std::vector<std::string> files;
  CollectAll(std::string(RDSLINT_SOURCE_DIR) + "/testdata", &files);
  ASSERT_GE(files.size(), 200u);
  int matched = 0;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const DatabaseInterest set = internal::ScanUnscreened(text);
    const DatabaseInterest got = ScanForDatabase(text);
    EXPECT_EQ(got.code_rules, set.code_rules) << f;
    EXPECT_EQ(got.project_facts, set.project_facts) << f;
    matched += set.project_facts;
  }
  EXPECT_GE(matched, 50);  // the comparison saw matches, not only misses
}

TEST(PrefilterTest, EveryCodeFixtureReachesTheParser) {
  std::vector<std::string> files;
  Collect(std::string(RDSLINT_SOURCE_DIR) + "/testdata/code", &files);
  Collect(std::string(RDSLINT_SOURCE_DIR) + "/testdata/demo/src", &files);
  ASSERT_GE(files.size(), 20u);
  for (const std::string& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_TRUE(MayConcernDatabase(ss.str())) << f;
  }
}

}  // namespace
}  // namespace rdslint::script
