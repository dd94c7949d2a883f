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

void Collect(const std::string& dir, std::vector<std::string>* out) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) Collect(path, out);
    else if (LanguageForPath(path)) out->push_back(path);
  }
  closedir(d);
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
