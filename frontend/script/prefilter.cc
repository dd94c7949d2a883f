#include "frontend/script/prefilter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <cstdint>
#include <cstring>
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

// --- The literal screen -------------------------------------------------
//
// Every alternative of both patterns contains one of these words, so a
// text holding none of them cannot match, and most scripts are answered
// without running the RE2 set (whose many-match automaton costs about 17
// instructions a byte). Each word is found through one pair of its bytes,
// the rarest in a sample of JavaScript, TypeScript and Python (npm
// packages and Debian's Python libraries); words sharing a pair share the
// lookup. A hit only sends the text on to the set, which decides.
enum class After { kNothing, kWordBounded, kEnvName };
struct Word {
  std::string_view text;
  size_t anchor;  // offset of the pair of bytes looked up
  After check;
};
constexpr Word kWords[] = {
    {"postgres", 3, After::kNothing},           // "tg"
    {"Prisma", 3, After::kNothing},             // "sm"
    {"SecretsManager", 6, After::kNothing},     // "sM"
    {"etSecretValue", 7, After::kNothing},      // "tV": [Gg]etSecretValue
    {"get_secret", 6, After::kNothing},         // "cr"
    {"Signer", 0, After::kNothing},             // "Si"
    {"getAuthToken", 6, After::kNothing},       // "hT"
    {"generate_db_auth_token", 9, After::kNothing},  // "db"
    {"Pool", 0, After::kWordBounded},           // "Po": \bPool\b
    {"Client", 0, After::kWordBounded},         // "Cl": \bClient\b
    {"pg", 0, After::kWordBounded},             // \bpg\b
    {"psycopg", 5, After::kNothing},            // "pg"
    {"asyncpg", 5, After::kNothing},            // "pg"
    {"pg8000", 0, After::kNothing},             // "pg"
    {"create_engine", 0, After::kNothing},      // "cr"
    {"create_async_engine", 0, After::kNothing},  // "cr"
    {"sslmode", 2, After::kNothing},            // "lm"
    {"DATABASE_URL", 8, After::kNothing},       // "_U"
    {"knex", 0, After::kNothing},               // "kn"
    {"Knex", 0, After::kNothing},               // "Kn"
    {"Sequelize", 0, After::kNothing},          // "Se"
    {"DataSource", 3, After::kNothing},         // "aS"
    {"typeorm", 3, After::kNothing},            // "eo"
    {"createConnection", 0, After::kNothing},   // "cr"
    {"rds.amazonaws.com", 7, After::kNothing},  // "zo"
    {"PG", 0, After::kNothing},                 // PG(?:PASSWORD|HOST)
    // kEnvReadPattern: the reader, then a name with a database word.
    {"process.env", 9, After::kEnvName},        // "nv"
    {"os.environ", 4, After::kEnvName},         // "nv"
    {"getenv", 4, After::kEnvName},             // "nv"
};

bool WordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool NameByte(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

// After "process.env" and the like: kEnvReadPattern wants at most four
// non-word characters, then letters holding a database word. Up to sixteen
// non-word bytes are allowed here (a character can take four), so this is
// never stricter than the pattern.
bool EnvNameFollows(std::string_view text, size_t at) {
  size_t skipped = 0;
  while (at < text.size() && skipped <= 16 && !WordByte(static_cast<unsigned char>(text[at]))) {
    ++at;
    ++skipped;
  }
  if (skipped > 16) return false;
  size_t end = at;
  while (end < text.size() && NameByte(static_cast<unsigned char>(text[end]))) ++end;
  const std::string_view name = text.substr(at, end - at);
  for (std::string_view w : {"DB", "DATABASE", "PG", "POSTGRES", "RDS", "SECRET"}) {
    if (name.find(w) != std::string_view::npos) return true;
  }
  return false;
}

uint16_t PairAt(const char* p) {
  return static_cast<uint16_t>(static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[1]) << 8);
}

struct Screen {
  // For each pair of bytes, 0, or 1 + the index of its list in `words`: a
  // byte each, not a bit, so that the test is one load.
  std::array<uint8_t, 65536> anchor{};
  std::vector<std::vector<const Word*>> words;  // the words each anchor pair finds
  Screen() {
    for (const Word& w : kWords) {
      uint8_t& slot = anchor[PairAt(w.text.data() + w.anchor)];
      if (slot == 0) {
        words.emplace_back();
        slot = static_cast<uint8_t>(words.size());
      }
      words[slot - 1].push_back(&w);
    }
  }
};

// Whether one of `words` (those found by the pair at `at`) sits there.
bool WordAt(std::string_view text, size_t at, const std::vector<const Word*>& words) {
  for (const Word* w : words) {
    if (at < w->anchor) continue;
    const size_t begin = at - w->anchor, end = begin + w->text.size();
    if (end > text.size() || std::memcmp(text.data() + begin, w->text.data(), w->text.size()) != 0) continue;
    switch (w->check) {
      case After::kNothing:
        return true;
      case After::kWordBounded:
        if ((begin == 0 || !WordByte(static_cast<unsigned char>(text[begin - 1]))) &&
            (end == text.size() || !WordByte(static_cast<unsigned char>(text[end])))) {
          return true;
        }
        break;
      case After::kEnvName:
        if (EnvNameFollows(text, end)) return true;
        break;
    }
  }
  return false;
}

}  // namespace

namespace internal {

bool MayMatchLiterally(std::string_view text) {
  static const Screen* screen = new Screen;
  const uint8_t* anchor = screen->anchor.data();
  const char* p = text.data();
  const size_t n = text.size();
  auto word_at = [&](size_t k) {
    const uint8_t slot = anchor[PairAt(p + k)];
    return slot && WordAt(text, k, screen->words[slot - 1]);
  };
  size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // Seven pairs from each eight-byte load (a pair is its two bytes read as
  // a little-endian number, as PairAt reads them); a block with an anchor
  // is looked at pair by pair.
  for (; i + 8 <= n; i += 7) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (anchor[w & 0xFFFF] | anchor[(w >> 8) & 0xFFFF] | anchor[(w >> 16) & 0xFFFF] |
        anchor[(w >> 24) & 0xFFFF] | anchor[(w >> 32) & 0xFFFF] | anchor[(w >> 40) & 0xFFFF] |
        anchor[(w >> 48) & 0xFFFF]) {
      for (size_t k = i; k < i + 7; ++k) {
        if (word_at(k)) return true;
      }
    }
  }
#endif
  for (; i + 1 < n; ++i) {
    if (word_at(i)) return true;
  }
  return false;
}

}  // namespace internal

bool MayConcernDatabase(std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), Pattern());
}

namespace internal {

DatabaseInterest ScanUnscreened(std::string_view text) {
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
  DatabaseInterest out;
  std::vector<int> matched;
  if (!set->Match(re2::StringPiece(text.data(), text.size()), &matched)) return out;
  for (int i : matched) {
    if (i == 0) out.code_rules = true;
  }
  out.project_facts = true;
  return out;
}

}  // namespace internal

DatabaseInterest ScanForDatabase(std::string_view text) {
  if (!internal::MayMatchLiterally(text)) return DatabaseInterest{};
  return internal::ScanUnscreened(text);
}

std::string_view PrefilterPattern() { return kPattern; }

}  // namespace rdslint::script
