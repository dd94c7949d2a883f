#include "frontend/script/prefilter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <vector>

namespace rdslint::script {
namespace {

// Every token a code rule starts from. A rule whose trigger is missing here
// would silently never run, so the unit tests pair each rule's fixtures with
// this filter.
constexpr std::string_view kPattern =
    R"(postgres|Prisma|SecretsManager|[Gg]etSecretValue|get_secret|Signer|getAuthToken|)"
    R"(generate_db_auth_token|\bPool\b|\bClient\b|\bpg\b|psycopg|asyncpg|pg8000|)"
    R"(create_engine|create_async_engine|sslmode|DATABASE_URL|knex|Knex|Sequelize|)"
    R"(DataSource|typeorm|createConnection|rds\.amazonaws\.com|PG(?:PASSWORD|HOST))";

// A database setting read from the environment.
constexpr std::string_view kEnvReadPattern =
    R"((?:process\.env|os\.environ|getenv)\W{0,4}[A-Za-z_]*(?:DB|DATABASE|PG|POSTGRES|RDS|SECRET))";

const RE2& Pattern() {
  static const RE2* re = [] {
    RE2::Options options;
    options.set_never_capture(true);
    options.set_log_errors(false);
    return new RE2(re2::StringPiece(kPattern.data(), kPattern.size()), options);
  }();
  return *re;
}

}  // namespace

bool MayConcernDatabase(std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), Pattern());
}

DatabaseInterest ScanForDatabase(std::string_view text) {
  // A set runs one automaton for both patterns: most scripts match neither,
  // and their bytes are read once instead of twice.
  static const RE2::Set* set = [] {
    RE2::Options options;
    options.set_never_capture(true);
    options.set_log_errors(false);
    auto* s = new RE2::Set(options, RE2::UNANCHORED);
    s->Add(re2::StringPiece(kPattern.data(), kPattern.size()), nullptr);          // 0
    s->Add(re2::StringPiece(kEnvReadPattern.data(), kEnvReadPattern.size()), nullptr);  // 1
    s->Compile();
    return s;
  }();
  std::vector<int> matched;
  DatabaseInterest out;
  if (!set->Match(re2::StringPiece(text.data(), text.size()), &matched)) return out;
  for (int i : matched) {
    if (i == 0) out.code_rules = true;
  }
  out.project_facts = true;
  return out;
}

std::string_view PrefilterPattern() { return kPattern; }

}  // namespace rdslint::script
