#include "frontend/script/prefilter.h"

#include <re2/re2.h>

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

std::string_view PrefilterPattern() { return kPattern; }

}  // namespace rdslint::script
