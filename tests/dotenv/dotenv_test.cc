#include "frontend/dotenv/dotenv.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <string_view>
#include <thread>

namespace rdslint::dotenv {
namespace {

std::string_view Sub(std::string_view text, SourceRange r) {
  return text.substr(r.begin, r.size());
}

// Every range must lie inside the text and every MappedText be well formed.
void CheckInvariants(std::string_view text, const Document& doc) {
  for (const Entry& e : doc.entries) {
    ASSERT_LE(e.key_range.begin, e.key_range.end);
    ASSERT_LE(e.key_range.end, text.size());
    ASSERT_LE(e.value_range.begin, e.value_range.end);
    ASSERT_LE(e.value_range.end, text.size());
    ASSERT_EQ(e.value.offsets.size(), e.value.text.size() + 1);
    for (size_t i = 0; i + 1 < e.value.offsets.size(); ++i) {
      ASSERT_LE(e.value.offsets[i], e.value.offsets[i + 1]);
      ASSERT_LT(e.value.offsets[i], text.size());
    }
    ASSERT_LE(e.value.offsets.back(), text.size());
    SourceRange all = e.value.ToSource(0, static_cast<uint32_t>(e.value.text.size()));
    ASSERT_LE(all.end, text.size());
  }
  for (const Error& err : doc.errors) {
    ASSERT_LE(err.range.begin, err.range.end);
    ASSERT_LE(err.range.end, text.size());
    ASSERT_FALSE(err.message.empty());
  }
}

const Entry* Find(const Document& doc, std::string_view key) {
  for (const Entry& e : doc.entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// .env

TEST(Dotenv, SimpleKeyValue) {
  const std::string text = "DB_HOST=db.example.com\nDB_PORT=5432\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 2u);
  const Entry& e = doc.entries[0];
  EXPECT_EQ(e.key, "DB_HOST");
  EXPECT_EQ(Sub(text, e.key_range), "DB_HOST");
  EXPECT_EQ(e.value.text, "db.example.com");
  EXPECT_EQ(Sub(text, e.value_range), "db.example.com");
  EXPECT_EQ(e.quote, 0);
  EXPECT_FALSE(e.exported);
  EXPECT_FALSE(e.inherited);
  EXPECT_EQ(e.expanded, "db.example.com");
  EXPECT_EQ(Sub(text, e.value.ToSource(3, 10)), "example");
  EXPECT_EQ(Sub(text, doc.entries[1].value_range), "5432");
}

TEST(Dotenv, ExportPrefix) {
  const std::string text = "export DB_USER=app\nexport\tB=1\nexport=2\nexport  =3\nexportC=4\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 5u);
  EXPECT_EQ(doc.entries[0].key, "DB_USER");
  EXPECT_TRUE(doc.entries[0].exported);
  EXPECT_EQ(Sub(text, doc.entries[0].key_range), "DB_USER");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), "app");
  EXPECT_EQ(doc.entries[1].key, "B");
  EXPECT_TRUE(doc.entries[1].exported);
  EXPECT_EQ(doc.entries[2].key, "export");
  EXPECT_FALSE(doc.entries[2].exported);
  EXPECT_EQ(doc.entries[3].key, "export");
  EXPECT_EQ(doc.entries[3].value.text, "3");
  EXPECT_EQ(doc.entries[4].key, "exportC");
}

TEST(Dotenv, SpacesAroundEquals) {
  const std::string text = "  KEY  =   some value  \n\tK2\t=\tv2\t\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(Sub(text, doc.entries[0].key_range), "KEY");
  EXPECT_EQ(doc.entries[0].value.text, "some value");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), "some value");
  EXPECT_EQ(doc.entries[1].value.text, "v2");
  EXPECT_EQ(Sub(text, doc.entries[1].value_range), "v2");
}

TEST(Dotenv, EmptyValues) {
  const std::string text = "A=\nB=\"\"\nC=''\nD=   \nE= # just a comment\nF=";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 6u);
  for (const Entry& e : doc.entries) {
    EXPECT_EQ(e.value.text, "") << e.key;
    EXPECT_TRUE(e.value_range.empty()) << e.key;
    EXPECT_EQ(e.expanded, "") << e.key;
  }
  EXPECT_EQ(doc.entries[0].value_range.begin, 2u);     // just after '='
  EXPECT_EQ(doc.entries[1].value_range.begin, 6u);     // between the quotes
  EXPECT_EQ(doc.entries[1].quote, '"');
  EXPECT_EQ(doc.entries[2].quote, '\'');
  EXPECT_EQ(doc.entries[5].value_range.begin, text.size());
}

TEST(Dotenv, KeysWithDotsAndDashes) {
  const std::string text = "spring.datasource.url=jdbc\nmy-key=1\n_PRIVATE=2\nK9=3\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 4u);
  EXPECT_EQ(doc.entries[0].key, "spring.datasource.url");
  EXPECT_EQ(doc.entries[1].key, "my-key");
  EXPECT_EQ(doc.entries[2].key, "_PRIVATE");
  EXPECT_EQ(doc.entries[3].key, "K9");
}

TEST(Dotenv, InvalidKeysAreErrorsAndParsingContinues) {
  const std::string text = "1KEY=hunter2\nGOOD=1\n-X=2\nA$B=3\n=4\nLAST=5\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[0].key, "GOOD");
  EXPECT_EQ(doc.entries[1].key, "LAST");
  ASSERT_EQ(doc.errors.size(), 4u);
  EXPECT_EQ(Sub(text, doc.errors[0].range), "1KEY");
  EXPECT_EQ(Sub(text, doc.errors[1].range), "-X");
  EXPECT_EQ(Sub(text, doc.errors[2].range), "A$B");
  EXPECT_EQ(Sub(text, doc.errors[3].range), "=");
  for (const Error& e : doc.errors) {
    EXPECT_EQ(e.message.find("hunter2"), std::string::npos);
  }
}

TEST(Dotenv, InvalidKeyStillConsumesMultiLineValue) {
  const std::string text = "9KEY=\"line1\nline2\nline3\"\nOK=1\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 1u);  // not one per line of the value
  EXPECT_EQ(Sub(text, doc.errors[0].range), "9KEY");
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].key, "OK");
}

TEST(Dotenv, LinesWithoutEqualsAreErrors) {
  const std::string text = "GOOD=1\nsupersecretpassword\n  KEY value  \r\nexport ONLY\nAFTER=2\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[1].key, "AFTER");
  ASSERT_EQ(doc.errors.size(), 3u);
  EXPECT_EQ(Sub(text, doc.errors[0].range), "supersecretpassword");
  EXPECT_EQ(Sub(text, doc.errors[1].range), "KEY value");
  EXPECT_EQ(Sub(text, doc.errors[2].range), "export ONLY");
  for (const Error& e : doc.errors) {
    EXPECT_EQ(e.message, "expected KEY=VALUE");
  }
}

TEST(Dotenv, UnquotedTrailingWhitespaceAndInlineComments) {
  const std::string text =
      "A=value   \nB=value # comment\nC=p#ss\nD=p#ss #real comment\nE=#notcomment\n"
      "F=a\t# tab comment\nG=a b  c\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 7u);
  EXPECT_EQ(doc.entries[0].value.text, "value");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), "value");
  EXPECT_EQ(doc.entries[1].value.text, "value");
  EXPECT_EQ(Sub(text, doc.entries[1].value_range), "value");
  EXPECT_EQ(doc.entries[2].value.text, "p#ss");
  EXPECT_EQ(Sub(text, doc.entries[2].value_range), "p#ss");
  EXPECT_EQ(doc.entries[3].value.text, "p#ss");
  EXPECT_EQ(doc.entries[4].value.text, "#notcomment");
  EXPECT_EQ(doc.entries[5].value.text, "a");
  EXPECT_EQ(doc.entries[6].value.text, "a b  c");
}

TEST(Dotenv, CrlfLineEndings) {
  const std::string text = "A=one\r\nB=two # c\r\nC='three'\r\n\r\n# comment\r\nD=\"x\r\ny\"\r\nE=\r\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 5u);
  EXPECT_EQ(doc.entries[0].value.text, "one");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), "one");
  EXPECT_EQ(doc.entries[1].value.text, "two");
  EXPECT_EQ(doc.entries[2].value.text, "three");
  // A line break inside quotes reads as "\n"; it maps to both source bytes.
  const Entry& d = doc.entries[3];
  EXPECT_EQ(d.value.text, "x\ny");
  EXPECT_EQ(Sub(text, d.value_range), "x\r\ny");
  EXPECT_EQ(Sub(text, d.value.ToSource(1, 2)), "\r\n");
  EXPECT_EQ(Sub(text, d.value.ToSource(2, 3)), "y");
  EXPECT_EQ(doc.entries[4].value.text, "");
}

TEST(Dotenv, SingleQuotesAreLiteral) {
  const std::string text = "A='p@ss \\n $HOME ${X} # not a comment'  # comment\nB='multi\nline'\nC=after\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 3u);
  const Entry& a = doc.entries[0];
  EXPECT_EQ(a.quote, '\'');
  EXPECT_EQ(a.value.text, "p@ss \\n $HOME ${X} # not a comment");
  EXPECT_EQ(Sub(text, a.value_range), a.value.text);
  EXPECT_EQ(a.expanded, a.value.text);
  EXPECT_EQ(doc.entries[1].value.text, "multi\nline");
  EXPECT_EQ(Sub(text, doc.entries[1].value_range), "multi\nline");
  EXPECT_EQ(doc.entries[2].key, "C");
}

TEST(Dotenv, DoubleQuoteEscapesMapToSource) {
  const std::string text = R"(PASS="a\nb\"c\\d\$e\tf\rg\qh")" "\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 1u);
  const Entry& e = doc.entries[0];
  EXPECT_EQ(e.quote, '"');
  EXPECT_EQ(e.value.text, "a\nb\"c\\d$e\tf\rg\\qh");
  EXPECT_EQ(Sub(text, e.value_range), R"(a\nb\"c\\d\$e\tf\rg\qh)");
  EXPECT_EQ(Sub(text, e.value.ToSource(1, 2)), "\\n");
  EXPECT_EQ(Sub(text, e.value.ToSource(2, 3)), "b");
  EXPECT_EQ(Sub(text, e.value.ToSource(3, 4)), "\\\"");
  EXPECT_EQ(Sub(text, e.value.ToSource(5, 6)), "\\\\");
  EXPECT_EQ(Sub(text, e.value.ToSource(7, 8)), "\\$");
  EXPECT_EQ(Sub(text, e.value.ToSource(0, 3)), "a\\nb");
  // Unknown escapes are kept: "\q" stays two bytes.
  const size_t q = e.value.text.find("\\q");
  EXPECT_EQ(Sub(text, e.value.ToSource(q, q + 2)), "\\q");
  EXPECT_EQ(e.expanded, e.value.text);  // "\$e" is a literal dollar
}

TEST(Dotenv, MultiLineDoubleQuotedPem) {
  const std::string text =
      "BEFORE=1\n"
      "PRIVATE_KEY=\"-----BEGIN RSA PRIVATE KEY-----\n"
      "MIIEowIBAAKCAQEA\n"
      "-----END RSA PRIVATE KEY-----\"  # trailing comment\n"
      "AFTER=2\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 3u);
  const Entry& k = doc.entries[1];
  EXPECT_EQ(k.key, "PRIVATE_KEY");
  EXPECT_EQ(k.value.text,
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----");
  EXPECT_EQ(Sub(text, k.value_range), k.value.text);
  const size_t m = k.value.text.find("MIIE");
  EXPECT_EQ(Sub(text, k.value.ToSource(m, m + 16)), "MIIEowIBAAKCAQEA");
  EXPECT_EQ(doc.entries[2].key, "AFTER");
}

TEST(Dotenv, TextAfterClosingQuoteIgnored) {
  const std::string text = "A=\"x\" trailing junk\nB='y'junk # c\nC=\"z\"#c\nD=1\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 4u);
  EXPECT_EQ(doc.entries[0].value.text, "x");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), "x");
  EXPECT_EQ(doc.entries[1].value.text, "y");
  EXPECT_EQ(doc.entries[2].value.text, "z");
  EXPECT_EQ(doc.entries[3].value.text, "1");
}

TEST(Dotenv, UnterminatedDoubleQuote) {
  const std::string text = "A=1\nPASSWORD=\"s3cret\nB=2\nC=3\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 1u);
  const size_t quote = text.find('"');
  EXPECT_EQ(doc.errors[0].range.begin, quote);
  EXPECT_EQ(doc.errors[0].range.end, quote + 1);
  EXPECT_EQ(doc.errors[0].message.find("s3cret"), std::string::npos);
  ASSERT_EQ(doc.entries.size(), 3u);
  EXPECT_EQ(doc.entries[0].key, "A");
  EXPECT_EQ(doc.entries[1].key, "B");
  EXPECT_EQ(doc.entries[2].key, "C");
  EXPECT_EQ(Find(doc, "PASSWORD"), nullptr);
}

TEST(Dotenv, UnterminatedSingleQuoteAndBacktick) {
  const std::string text = "A='open\nB=`open\nC=3";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 2u);
  EXPECT_EQ(Sub(text, doc.errors[0].range), "'");
  EXPECT_EQ(Sub(text, doc.errors[1].range), "`");
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].key, "C");
}

TEST(Dotenv, Backticks) {
  const std::string text = "A=`it's \"quoted\" $HOME \\n`\nB=`multi\nline`\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[0].quote, '`');
  EXPECT_EQ(doc.entries[0].value.text, "it's \"quoted\" $HOME \\n");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), doc.entries[0].value.text);
  EXPECT_EQ(doc.entries[0].expanded, doc.entries[0].value.text);
  EXPECT_EQ(doc.entries[1].value.text, "multi\nline");
}

TEST(Dotenv, CommentsBlankLinesAndBom) {
  const std::string text = "\xEF\xBB\xBF# header\n\n   \n  # indented comment\nKEY=v\n\t\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(Sub(text, doc.entries[0].key_range), "KEY");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), "v");

  const std::string bom_key = "\xEF\xBB\xBFKEY=v";
  Document d2 = ParseDotenv(bom_key);
  ASSERT_EQ(d2.entries.size(), 1u);
  EXPECT_EQ(d2.entries[0].key, "KEY");
  EXPECT_EQ(d2.entries[0].key_range.begin, 3u);
}

TEST(Dotenv, Expansion) {
  const std::string text =
      "USER=app\n"
      "PASS=\"p@ss\"\n"
      "HOST=db\n"
      "URL=postgres://${USER}:$PASS@${HOST}:5432/db\n"
      "DEF=${MISSING:-fallback}\n"
      "DEF2=${USER:-fallback}\n"
      "EMPTY=\n"
      "D3=${EMPTY:-x}|${EMPTY-y}|${MISSING-z}\n"
      "UNKNOWN=${NOPE}/$NOPE\n"
      "LIT='${USER}'\n"
      "ESC=\"\\$USER ${USER}\"\n"
      "DOLLARS=$$USER\n"
      "LATER=$AFTER\n"
      "AFTER=1\n"
      "OPS=${USER:?err} ${USER:+alt}\n"
      "CHAIN=${URL}\n";
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  const Entry* url = Find(doc, "URL");
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(url->value.text, "postgres://${USER}:$PASS@${HOST}:5432/db");  // holes kept
  EXPECT_EQ(url->expanded, "postgres://app:p@ss@db:5432/db");
  EXPECT_EQ(Find(doc, "DEF")->expanded, "fallback");
  EXPECT_EQ(Find(doc, "DEF2")->expanded, "app");
  EXPECT_EQ(Find(doc, "D3")->expanded, "x||z");
  EXPECT_EQ(Find(doc, "UNKNOWN")->expanded, "${NOPE}/$NOPE");
  EXPECT_EQ(Find(doc, "LIT")->expanded, "${USER}");
  EXPECT_EQ(Find(doc, "ESC")->value.text, "$USER ${USER}");
  EXPECT_EQ(Find(doc, "ESC")->expanded, "$USER app");
  EXPECT_EQ(Find(doc, "DOLLARS")->expanded, "$$USER");
  EXPECT_EQ(Find(doc, "LATER")->expanded, "$AFTER");  // only earlier keys
  EXPECT_EQ(Find(doc, "OPS")->expanded, "${USER:?err} ${USER:+alt}");
  EXPECT_EQ(Find(doc, "CHAIN")->expanded, "postgres://app:p@ss@db:5432/db");
}

TEST(Dotenv, ExpansionUsesLatestEarlierDefinition) {
  const std::string text = "A=1\nB=$A\nA=2\nC=$A\n";
  Document doc = ParseDotenv(text);
  ASSERT_EQ(doc.entries.size(), 4u);
  EXPECT_EQ(doc.entries[1].expanded, "1");
  EXPECT_EQ(doc.entries[3].expanded, "2");
}

TEST(Dotenv, ExpansionBombIsBounded) {
  std::string text = "A0=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n";
  for (int i = 1; i < 64; ++i) {
    text += "A" + std::to_string(i) + "=$A" + std::to_string(i - 1) + "$A" +
            std::to_string(i - 1) + "\n";
  }
  auto start = std::chrono::steady_clock::now();
  Document doc = ParseDotenv(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  ASSERT_EQ(doc.entries.size(), 64u);
  size_t total = 0;
  for (const Entry& e : doc.entries) total += e.expanded.size();
  EXPECT_LT(total, 64u << 20);
  EXPECT_EQ(doc.entries[1].expanded.size(), 64u);  // small ones still expand
}

TEST(Dotenv, NulBytesAndInvalidUtf8) {
  const std::string text("A=x\0y\nB=\xff\xfe\x80\n\0\nC=\"\0\"\n", 20);
  Document doc = ParseDotenv(text);
  CheckInvariants(text, doc);
  const Entry* a = Find(doc, "A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->value.text, std::string("x\0y", 3));
  const Entry* b = Find(doc, "B");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->value.text, "\xff\xfe\x80");
  const Entry* c = Find(doc, "C");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value.text, std::string("\0", 1));
  EXPECT_EQ(doc.errors.size(), 1u);  // the lone NUL line
}

TEST(Dotenv, HugeInputsAreLinear) {
  auto start = std::chrono::steady_clock::now();
  {
    std::string text = "A=" + std::string(10 << 20, 'x') + "\n";
    Document doc = ParseDotenv(text);
    ASSERT_EQ(doc.entries.size(), 1u);
    EXPECT_EQ(doc.entries[0].value.text.size(), size_t{10} << 20);
  }
  {
    // Each line opens a quote that never closes.
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "K=\"open\nL='open\nM=`open\n";
    Document doc = ParseDotenv(text);
    CheckInvariants(text, doc);
  }
  {
    std::string text = "V=\"" + std::string(1 << 20, '\\') + "\n";
    for (int i = 0; i < 50000; ++i) text += "X=${${${${\n";
    ParseDotenv(text);
  }
  {
    std::string text(5 << 20, '\n');
    ParseDotenv(text);
    std::string hashes = "A=" + std::string(5 << 20, '#');
    ParseDotenv(hashes);
    std::string dollars = "A=" + std::string(5 << 20, '$');
    ParseDotenv(dollars);
    std::string braces = "A=x\nB=";
    for (int i = 0; i < 500000; ++i) braces += "${A:-";
    ParseDotenv(braces);
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(30));
}

TEST(Dotenv, RandomInputNeverBreaksInvariants) {
  std::mt19937 rng(12345);
  const char alphabet[] = "AB_=#'\"`\\$ {}:-\n\r\t.x1\xff";
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int len = rng() % 80;
    for (int i = 0; i < len; ++i) text.push_back(alphabet[rng() % (sizeof(alphabet) - 1)]);
    Document doc = ParseDotenv(text);
    CheckInvariants(text, doc);
    for (const Entry& e : doc.entries) {
      if (e.quote == 0) {
        ASSERT_EQ(Sub(text, e.value_range), e.value.text);
      }
      ASSERT_EQ(Sub(text, e.key_range), e.key);
    }
  }
}

// ---------------------------------------------------------------------------
// compose

TEST(Compose, MapForm) {
  const std::string text =
      "services:\n"
      "  api:\n"
      "    image: node\n"
      "    environment:\n"
      "      DB_HOST: db.example.com\n"
      "      DB_PORT: 5432\n"
      "      DB_SSL: true\n"
      "      DB_PASSWORD: 'it''s'\n"
      "      DB_URL: \"postgres://u:p\\u00e9@h/d\\n\"\n"
      "      FROM_HOST:\n"
      "      ALSO_HOST: null\n"
      "      \"QUOTED_KEY\": v\n"
      "  db:\n"
      "    image: postgres\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 8u);

  const Entry* host = Find(doc, "DB_HOST");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(Sub(text, host->key_range), "DB_HOST");
  EXPECT_EQ(host->value.text, "db.example.com");
  EXPECT_EQ(Sub(text, host->value_range), "db.example.com");
  EXPECT_EQ(host->expanded, "db.example.com");
  EXPECT_EQ(host->quote, 0);

  EXPECT_EQ(Sub(text, Find(doc, "DB_PORT")->value_range), "5432");
  EXPECT_EQ(Find(doc, "DB_SSL")->value.text, "true");

  const Entry* pw = Find(doc, "DB_PASSWORD");
  EXPECT_EQ(pw->quote, '\'');
  EXPECT_EQ(pw->value.text, "it's");
  EXPECT_EQ(Sub(text, pw->value_range), "it''s");
  EXPECT_EQ(Sub(text, pw->value.ToSource(2, 3)), "''");
  EXPECT_EQ(Sub(text, pw->value.ToSource(3, 4)), "s");

  const Entry* url = Find(doc, "DB_URL");
  EXPECT_EQ(url->quote, '"');
  EXPECT_EQ(url->value.text, "postgres://u:p\xC3\xA9@h/d\n");
  EXPECT_EQ(Sub(text, url->value_range), "postgres://u:p\\u00e9@h/d\\n");
  const size_t e_acute = url->value.text.find('\xC3');
  EXPECT_EQ(Sub(text, url->value.ToSource(e_acute, e_acute + 2)), "\\u00e9");
  const size_t at = url->value.text.find('@');
  EXPECT_EQ(Sub(text, url->value.ToSource(at, at + 4)), "@h/d");

  const Entry* inherit = Find(doc, "FROM_HOST");
  EXPECT_TRUE(inherit->inherited);
  EXPECT_EQ(inherit->value.text, "");
  EXPECT_TRUE(inherit->value_range.empty());
  EXPECT_EQ(text[inherit->value_range.begin - 1], ':');
  const Entry* also = Find(doc, "ALSO_HOST");
  EXPECT_TRUE(also->inherited);
  EXPECT_EQ(text.substr(also->value_range.begin, 4), "null");

  const Entry* qk = Find(doc, "QUOTED_KEY");
  ASSERT_NE(qk, nullptr);
  EXPECT_EQ(Sub(text, qk->key_range), "QUOTED_KEY");
  EXPECT_EQ(text[qk->key_range.begin - 1], '"');
}

TEST(Compose, ListForm) {
  const std::string text =
      "services:\n"
      "  api:\n"
      "    environment:\n"
      "      - DB_HOST=db\n"
      "      - \"DB_PASSWORD=s3\\\"cr=et\"\n"
      "      - 'DB_USER=it''s'\n"
      "      - FROM_HOST\n"
      "      - EMPTY=\n"
      "      - PORT=5432 # comment\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 6u);
  const Entry& host = doc.entries[0];
  EXPECT_EQ(host.key, "DB_HOST");
  EXPECT_EQ(Sub(text, host.key_range), "DB_HOST");
  EXPECT_EQ(Sub(text, host.value_range), "db");

  const Entry& pw = doc.entries[1];
  EXPECT_EQ(pw.key, "DB_PASSWORD");
  EXPECT_EQ(pw.quote, '"');
  EXPECT_EQ(Sub(text, pw.key_range), "DB_PASSWORD");
  EXPECT_EQ(pw.value.text, "s3\"cr=et");
  EXPECT_EQ(Sub(text, pw.value_range), "s3\\\"cr=et");
  EXPECT_EQ(Sub(text, pw.value.ToSource(2, 3)), "\\\"");

  const Entry& user = doc.entries[2];
  EXPECT_EQ(user.value.text, "it's");
  EXPECT_EQ(Sub(text, user.value_range), "it''s");

  const Entry& inherit = doc.entries[3];
  EXPECT_EQ(inherit.key, "FROM_HOST");
  EXPECT_TRUE(inherit.inherited);
  EXPECT_EQ(Sub(text, inherit.key_range), "FROM_HOST");

  EXPECT_EQ(doc.entries[4].value.text, "");
  EXPECT_FALSE(doc.entries[4].inherited);
  EXPECT_EQ(doc.entries[4].value_range.begin, text.find("EMPTY=") + 6);

  EXPECT_EQ(Sub(text, doc.entries[5].value_range), "5432");
}

TEST(Compose, FlowForms) {
  const std::string text =
      "services:\n"
      "  a: {environment: {A: 1, 'B': \"x y\"}}\n"
      "  b:\n"
      "    environment: [C=3, \"D=4\"]\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 4u);
  EXPECT_EQ(Sub(text, Find(doc, "A")->value_range), "1");
  EXPECT_EQ(Sub(text, Find(doc, "B")->key_range), "B");
  EXPECT_EQ(Sub(text, Find(doc, "B")->value_range), "x y");
  EXPECT_EQ(Sub(text, Find(doc, "C")->value_range), "3");
  EXPECT_EQ(Sub(text, Find(doc, "D")->key_range), "D");
  EXPECT_EQ(Sub(text, Find(doc, "D")->value_range), "4");
}

TEST(Compose, MultiLineFlowScalars) {
  const std::string text =
      "services:\n"
      "  a:\n"
      "    environment:\n"
      "      PLAIN: one\n"
      "        two\n"
      "      DQ: \"first\n"
      "        second \\\n"
      "        third\"\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  const Entry* plain = Find(doc, "PLAIN");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->value.text, "one two");
  EXPECT_EQ(Sub(text, plain->value.ToSource(4, 7)), "two");
  const Entry* dq = Find(doc, "DQ");
  ASSERT_NE(dq, nullptr);
  EXPECT_EQ(dq->value.text, "first second third");
  const size_t t = dq->value.text.find("third");
  EXPECT_EQ(Sub(text, dq->value.ToSource(t, t + 5)), "third");
}

TEST(Compose, BlockScalars) {
  const std::string text =
      "services:\n"
      "  a:\n"
      "    environment:\n"
      "      KEY: |\n"
      "        -----BEGIN KEY-----\n"
      "        abc\n"
      "      FOLDED: >-\n"
      "        one\n"
      "        two\n"
      "      EXPLICIT: |2\n"
      "          indented\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  const Entry* key = Find(doc, "KEY");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->value.text, "-----BEGIN KEY-----\nabc\n");
  EXPECT_EQ(Sub(text, key->value.ToSource(0, 19)), "-----BEGIN KEY-----");
  EXPECT_EQ(Sub(text, key->value.ToSource(20, 23)), "abc");
  const Entry* folded = Find(doc, "FOLDED");
  ASSERT_NE(folded, nullptr);
  EXPECT_EQ(folded->value.text, "one two");
  EXPECT_EQ(Sub(text, folded->value.ToSource(4, 7)), "two");
  // An explicit indentation indicator is not followed: best effort, the
  // value lies on its first content line.
  const Entry* ex = Find(doc, "EXPLICIT");
  ASSERT_NE(ex, nullptr);
  EXPECT_EQ(ex->value.text, "  indented\n");
  const size_t line = text.find("          indented");
  EXPECT_GE(ex->value_range.begin, line);
  EXPECT_LE(ex->value_range.end, line + 18 + 1);
}

TEST(Compose, AnchorsTagsAndMerges) {
  const std::string text =
      "x-common: &common\n"
      "  SHARED: yes\n"
      "x-svc: &svc\n"
      "  environment:\n"
      "    FROM_SVC: 1\n"
      "services:\n"
      "  a:\n"
      "    environment:\n"
      "      <<: *common\n"
      "      PW: &pw hunter2\n"
      "      PW2: *pw\n"
      "      NUM: !!str 5\n"
      "  b:\n"
      "    <<: *svc\n"
      "  c:\n"
      "    <<: *svc\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 5u);  // FROM_SVC once although b and c share it
  const Entry* shared = Find(doc, "SHARED");
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(Sub(text, shared->value_range), "yes");
  EXPECT_EQ(Sub(text, Find(doc, "PW")->value_range), "hunter2");
  // An alias points at the anchored value.
  EXPECT_EQ(Find(doc, "PW2")->value_range, Find(doc, "PW")->value_range);
  EXPECT_EQ(Sub(text, Find(doc, "NUM")->value_range), "5");
  EXPECT_EQ(Sub(text, Find(doc, "FROM_SVC")->value_range), "1");
}

TEST(Compose, BomAndCrlf) {
  const std::string text =
      "\xEF\xBB\xBFservices:\r\n  a:\r\n    environment:\r\n      A: x\r\n      B: \"y\"\r\n"
      "      C: caf\xC3\xA9\r\n      D: after\r\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  ASSERT_EQ(doc.errors.size(), 0u);
  ASSERT_EQ(doc.entries.size(), 4u);
  EXPECT_EQ(Sub(text, doc.entries[0].key_range), "A");
  EXPECT_EQ(Sub(text, doc.entries[0].value_range), "x");
  EXPECT_EQ(Sub(text, doc.entries[1].value_range), "y");
  EXPECT_EQ(Sub(text, doc.entries[2].value_range), "caf\xC3\xA9");
  EXPECT_EQ(Sub(text, doc.entries[3].key_range), "D");  // positions count bytes
  EXPECT_EQ(Sub(text, doc.entries[3].value_range), "after");
}

TEST(Compose, BadYamlIsAnErrorWithLocation) {
  const std::string text = "services:\n  a:\n    environment:\n      A: \"bad\\qsecret\"\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  EXPECT_TRUE(doc.entries.empty());
  ASSERT_EQ(doc.errors.size(), 1u);
  EXPECT_EQ(doc.errors[0].message.find("secret"), std::string::npos);
  EXPECT_EQ(doc.errors[0].message.find(": q"), std::string::npos);
  EXPECT_GE(doc.errors[0].range.begin, text.find("\"bad"));
  EXPECT_LE(doc.errors[0].range.begin, text.find("secret"));

  const std::string flow = "services:\n  a: [\n";
  Document d2 = ParseComposeEnvironment(flow);
  CheckInvariants(flow, d2);
  ASSERT_EQ(d2.errors.size(), 1u);
  EXPECT_NE(d2.errors[0].message.find("YAML"), std::string::npos);

  const std::string anchor = "services:\n  a:\n    environment:\n      A: *nope\n";
  Document d3 = ParseComposeEnvironment(anchor);
  CheckInvariants(anchor, d3);
  ASSERT_EQ(d3.errors.size(), 1u);
  EXPECT_EQ(d3.errors[0].range.begin, anchor.find("*nope"));
  EXPECT_TRUE(ComposeServiceNames(anchor).empty());
}

TEST(Compose, NotComposeGivesNothing) {
  for (const std::string& text :
       {std::string("A=1\nB=2\n"), std::string(""), std::string("version: '3'\n"),
        std::string("services: 5\n"), std::string("- a\n- b\n"),
        std::string("services:\n  a:\n    environment: 7\n"),
        std::string("services:\n  a:\n    environment:\n      NESTED: {x: 1}\n      L: [1]\n")}) {
    Document doc = ParseComposeEnvironment(text);
    CheckInvariants(text, doc);
    EXPECT_TRUE(doc.entries.empty()) << text;
    EXPECT_TRUE(doc.errors.empty()) << text;
  }
}

TEST(Compose, DeepNestingRejectedBeforeYamlCpp) {
  const std::string flow(200000, '[');
  Document doc = ParseComposeEnvironment(flow);
  ASSERT_EQ(doc.errors.size(), 1u);
  EXPECT_GE(doc.errors[0].range.begin, 990u);  // the 1000th or 1001st bracket
  EXPECT_LE(doc.errors[0].range.begin, 1000u);
  EXPECT_NE(doc.errors[0].message.find("deeper"), std::string::npos);

  std::string braces = "services: ";
  for (int i = 0; i < 5000; ++i) braces += "{a: ";
  EXPECT_EQ(ParseComposeEnvironment(braces).errors.size(), 1u);

  std::string indent;
  for (int i = 0; i < 1500; ++i) indent += std::string(i, ' ') + "k:\n";
  doc = ParseComposeEnvironment(indent);
  ASSERT_EQ(doc.errors.size(), 1u);
  EXPECT_NE(doc.errors[0].message.find("deeper"), std::string::npos);

  std::string dashes = std::string("services:\n  a:\n    environment:\n      ");
  for (int i = 0; i < 3000; ++i) dashes += "- ";
  dashes += "x\n";
  EXPECT_EQ(ParseComposeEnvironment(dashes).errors.size(), 1u);
  EXPECT_TRUE(ComposeServiceNames(flow).empty());
}

TEST(Compose, ModerateNestingStillParses) {
  // Brackets inside quotes, comments and block scalars do not count.
  std::string text = "services:\n  a:\n    environment:\n      A: \"" + std::string(5000, '[') +
                     "\"\n      B: '" + std::string(5000, '{') + "'\n      # " +
                     std::string(5000, '[') + "\n      C: |\n";
  for (int i = 0; i < 1200; ++i) text += "        " + std::string(i % 3, ' ') + "[\n";
  text += "      D: " + std::string(400, '[') + std::string(400, ']') + "\n";
  Document doc = ParseComposeEnvironment(text);
  CheckInvariants(text, doc);
  EXPECT_TRUE(doc.errors.empty());
  EXPECT_NE(Find(doc, "A"), nullptr);
  EXPECT_NE(Find(doc, "C"), nullptr);
}

TEST(Compose, NestingJustUnderTheLimitDoesNotCrash) {
  // Under our limit yaml-cpp decides; 0.7 has its own guard near 500 levels.
  // Either way a worker thread's stack must survive.
  for (int depth : {400, 998}) {
    std::string text = "services: ";
    for (int i = 0; i < depth; ++i) text += "[";
    for (int i = 0; i < depth; ++i) text += "]";
    text += "\n";
    Document doc;
    std::thread worker([&] { doc = ParseComposeEnvironment(text); });
    worker.join();
    CheckInvariants(text, doc);
    EXPECT_TRUE(doc.entries.empty());
    if (depth == 400) {
      EXPECT_TRUE(doc.errors.empty());
    }
  }
}

TEST(Compose, AliasBombIsCheap) {
  std::string text =
      "x0: &a0 {A: \"" + std::string(1000, 'x') + "\"}\n";
  for (int i = 1; i < 30; ++i) {
    text += "x" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + "]\n";
  }
  text += "services:\n";
  for (int i = 0; i < 2000; ++i) {
    text += "  s" + std::to_string(i) + ":\n    environment: *a0\n    <<: *a29\n";
  }
  // An empty block scalar behind a long run of blank lines, aliased often.
  text += "  empty:\n    environment:\n      E0: &e |\n" + std::string(1 << 20, '\n');
  for (int i = 1; i < 20000; ++i) text += "      E" + std::to_string(i) + ": *e\n";
  // Many keys aliasing one long scalar.
  text += "  big:\n    environment:\n";
  text += "      V0: &v \"" + std::string(100000, 'y') + "\"\n";
  for (int i = 1; i < 2000; ++i) text += "      V" + std::to_string(i) + ": *v\n";
  auto start = std::chrono::steady_clock::now();
  Document doc = ParseComposeEnvironment(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(20));
  EXPECT_NE(Find(doc, "E19999"), nullptr);
  CheckInvariants(text, doc);
  size_t bytes = 0;
  for (const Entry& e : doc.entries) bytes += e.value.text.size();
  EXPECT_LE(bytes, 4 * text.size() + (size_t{1} << 20));
  EXPECT_EQ(ComposeServiceNames(text).size(), 2002u);
}

TEST(Compose, ServiceNames) {
  const std::string text =
      "version: '3.8'\nservices:\n  api:\n    image: a\n  db:\n    image: postgres\n"
      "  \"pg-proxy\": {}\n";
  std::vector<std::string> names = ComposeServiceNames(text);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], "api");
  EXPECT_EQ(names[1], "db");
  EXPECT_EQ(names[2], "pg-proxy");
  EXPECT_TRUE(ComposeServiceNames("not: [yaml").empty());
  EXPECT_TRUE(ComposeServiceNames("A=1\n").empty());
}

TEST(Compose, RandomInputNeverThrows) {
  std::mt19937 rng(777);
  const std::string base =
      "services:\n  a:\n    environment:\n      A: \"x\\ty\"\n      B: 'it''s'\n"
      "      - C=1\n      D: |\n        z\n  b: {environment: [E=2]}\n";
  const char alphabet[] = " \n:-'\"\\[]{}&*!|>#=\t\rx\xff";
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    const int edits = 1 + rng() % 4;
    for (int k = 0; k < edits; ++k) {
      const size_t at = rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0: text.insert(at, 1, alphabet[rng() % (sizeof(alphabet) - 1)]); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = alphabet[rng() % (sizeof(alphabet) - 1)];
      }
    }
    Document doc = ParseComposeEnvironment(text);
    CheckInvariants(text, doc);
    ComposeServiceNames(text);
  }
}

}  // namespace
}  // namespace rdslint::dotenv
