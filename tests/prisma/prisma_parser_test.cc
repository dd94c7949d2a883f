#include "frontend/prisma/prisma_parser.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace rdslint::prisma {
namespace {

std::string_view At(std::string_view text, SourceRange r) { return text.substr(r.begin, r.size()); }

const Block* FindBlock(const Schema& s, std::string_view name) {
  for (const Block& b : s.blocks) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

std::string Errors(const Schema& s) {
  std::string out;
  for (const Error& e : s.errors) out += std::to_string(e.range.begin) + ": " + e.message + "\n";
  return out;
}

TEST(PrismaParserTest, ReadsEveryKindOfBlockWithPositions) {
  const std::string text =
      "// The impulse schema\n"
      "generator client {\n"
      "  provider      = \"prisma-client-js\"\n"
      "  binaryTargets = [\"native\", \"rhel-openssl-3.0.x\"] // for Lambda\n"
      "}\n"
      "\n"
      "datasource db {\n"
      "  provider  = \"postgresql\"\n"
      "  url       = env(\"DATABASE_URL\")\n"
      "  directUrl = env(\"DIRECT_URL\")\n"
      "}\n"
      "\n"
      "/// A person who signs in.\n"
      "model User {\n"
      "  id        Int      @id @default(autoincrement())\n"
      "  email     String   @unique @db.VarChar(255)\n"
      "  name      String?\n"
      "  posts     Post[]\n"
      "  role      Role     @default(USER)\n"
      "  location  Unsupported(\"point\")?\n"
      "  createdAt DateTime @default(now()) @map(\"created_at\")\n"
      "\n"
      "  @@index([email, name], map: \"user_email\")\n"
      "  @@map(\"users\")\n"
      "}\n"
      "\n"
      "enum Role {\n"
      "  USER\n"
      "  ADMIN @map(\"admin\")\n"
      "}\n"
      "\n"
      "view Active {\n"
      "  id Int @unique\n"
      "}\n"
      "\n"
      "type Address {\n"
      "  street String\n"
      "}\n";
  const Schema s = ParseSchema(text);
  ASSERT_TRUE(s.ok()) << Errors(s);
  ASSERT_EQ(s.blocks.size(), 6u);

  const Block* gen = FindBlock(s, "client");
  ASSERT_NE(gen, nullptr);
  EXPECT_EQ(gen->kind, BlockKind::kGenerator);
  const Property* targets = gen->Find("binaryTargets");
  ASSERT_NE(targets, nullptr);
  ASSERT_EQ(targets->value.kind, Expression::Kind::kArray);
  ASSERT_EQ(targets->value.items.size(), 2u);
  EXPECT_EQ(targets->value.items[1].string.text, "rhel-openssl-3.0.x");
  EXPECT_EQ(At(text, targets->value.range), "[\"native\", \"rhel-openssl-3.0.x\"]");
  EXPECT_EQ(targets->indent, "  ");
  EXPECT_EQ(targets->line_break, "\n");
  EXPECT_EQ(At(text, targets->line_range).back(), '\n');

  const Block* db = FindBlock(s, "db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->kind, BlockKind::kDatasource);
  EXPECT_EQ(At(text, db->keyword_range), "datasource");
  const Property* url = db->Find("url");
  ASSERT_NE(url, nullptr);
  const Expression* var = url->value.EnvVariable();
  ASSERT_NE(var, nullptr);
  EXPECT_EQ(var->string.text, "DATABASE_URL");
  EXPECT_EQ(At(text, var->string.ToSource(0, 12)), "DATABASE_URL");
  EXPECT_EQ(At(text, url->value.range), "env(\"DATABASE_URL\")");
  EXPECT_EQ(At(text, url->key_range), "url");

  const Block* user = FindBlock(s, "User");
  ASSERT_NE(user, nullptr);
  EXPECT_EQ(user->doc, "A person who signs in.");
  ASSERT_EQ(user->fields.size(), 7u);
  const Field& id = user->fields[0];
  EXPECT_EQ(id.type->name, "Int");
  ASSERT_EQ(id.attributes.size(), 2u);
  EXPECT_EQ(id.attributes[1].name, "default");
  EXPECT_EQ(id.attributes[1].arguments[0].value.kind, Expression::Kind::kFunction);
  EXPECT_EQ(id.attributes[1].arguments[0].value.text, "autoincrement");
  const Field& email = user->fields[1];
  EXPECT_EQ(email.attributes[1].name, "db.VarChar");
  EXPECT_EQ(email.attributes[1].arguments[0].value.text, "255");
  EXPECT_TRUE(user->fields[2].type->optional);
  EXPECT_TRUE(user->fields[3].type->list);
  EXPECT_EQ(user->fields[5].type->name, "Unsupported");
  EXPECT_TRUE(user->fields[5].type->optional);
  ASSERT_EQ(user->attributes.size(), 2u);
  EXPECT_TRUE(user->attributes[0].block);
  EXPECT_EQ(user->attributes[0].arguments[1].name, "map");

  const Block* role = FindBlock(s, "Role");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->kind, BlockKind::kEnum);
  ASSERT_EQ(role->fields.size(), 2u);
  EXPECT_FALSE(role->fields[0].type.has_value());
  EXPECT_EQ(FindBlock(s, "Active")->kind, BlockKind::kView);
  EXPECT_EQ(FindBlock(s, "Address")->kind, BlockKind::kType);
  EXPECT_EQ(s.comments.size(), 3u);
}

TEST(PrismaParserTest, StringsDecodeEscapesAndMapBack) {
  const std::string text =
      "datasource db {\n"
      "  provider = \"postgresql\"\n"
      "  url      = \"postgresql://u:p\\u0040ss@h/db?x=\\\"q\\\"\"\n"
      "}\n";
  const Schema s = ParseSchema(text);
  ASSERT_TRUE(s.ok()) << Errors(s);
  const Expression& v = s.blocks[0].Find("url")->value;
  ASSERT_TRUE(v.is_string());
  EXPECT_EQ(v.string.text, "postgresql://u:p@ss@h/db?x=\"q\"");
  // The decoded '@' maps to its whole \u0040 escape.
  const size_t at = v.string.text.find('@');
  EXPECT_EQ(At(text, v.string.ToSource(static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1))),
            "\\u0040");
  EXPECT_EQ(v.string.offsets.size(), v.string.text.size() + 1);
}

TEST(PrismaParserTest, KeepsBlocksOfUnknownKeywords) {
  const std::string text =
      "policy ReadOwn {\n"
      "  on     = \"User\"\n"
      "  target String @id\n"
      "  other\n"
      "}\n";
  const Schema s = ParseSchema(text);
  ASSERT_TRUE(s.ok()) << Errors(s);
  ASSERT_EQ(s.blocks.size(), 1u);
  EXPECT_EQ(s.blocks[0].kind, BlockKind::kUnknown);
  EXPECT_EQ(s.blocks[0].keyword, "policy");
  ASSERT_EQ(s.blocks[0].properties.size(), 1u);
  EXPECT_EQ(s.blocks[0].properties[0].key, "on");
  ASSERT_EQ(s.blocks[0].fields.size(), 2u);
  EXPECT_FALSE(s.blocks[0].fields[1].type.has_value());
}

TEST(PrismaParserTest, AcceptsWhatPrismaAccepts) {
  // Each of these is valid for Prisma's own parser (checked against
  // @prisma/prisma-schema-wasm while writing this test).
  for (const char* text : {
           "",
           "model A { anything Prisma ignores\n  id Int @id\n}\n",
           "model A {\n  id Int @ id\n}\n",
           "generator c {\n  provider = env (\"X\")\n}\n",
           "generator c {\r  provider = \"prisma-client\"\r}\r",
           "generator c {\r\n  provider = \"prisma-client\"\r\n}\r\n",
           "generator c {\n  provider=\"prisma-client\"\n}\n",
           "generator c {\n  provider\xC2\xA0= \"x\"\n}\n",
           "generator c {\n  provider = \"x\"\n}\n// no final newline",
           "model A {\n  id Int @id @default(-1)\n}\n",
           "model A {\n  id String @id @default(dbgenerated(\"gen_random_uuid()\")) @db.Uuid\n}\n",
           "model A {\n  id Int @id /// doc\n}\n",
           "model A {\n  id Int @id @default(autoincrement(),)\n}\n",
           "model A {\n  id Int\n  @@id([id]) // c\n}\n",
           "generator c {\n\t\n  provider = \"x\"\n}\n",
           "model A {\n  id Int @id\n} // after\n",
       }) {
    const Schema s = ParseSchema(text);
    EXPECT_TRUE(s.ok()) << text << "\n" << Errors(s);
  }
}

struct Rejected {
  const char* text;
  const char* message_part;
  uint32_t at;
};

TEST(PrismaParserTest, RejectsWhatPrismaRejectsWithLocatedMessages) {
  for (const Rejected& r : std::vector<Rejected>{
           {"model A {\n  id Int @id\n", "not closed", 0},
           {"generator c {\n  binaryTargets = [\n    \"native\"\n  ]\n}\n", "line break inside [ ]", 32},
           {"generator c {\n  output = \"a\tb\"\n}\n", "control character", 27},
           {"generator c {\n  output = \"a\\qb\"\n}\n", "Unknown escape sequence", 27},
           {"generator c {\n  output = \"abc\n}\n", "not closed", 25},
           {"foo {\n  x = 1\n}\n", "This block is invalid", 0},
           {"type X = String\n", "Invalid type definition", 0},
           {"model A {\n  id Int @id\n  name\n}\n", "missing a name or a type", 25},
           {"model A {\n  id: Int @id\n}\n", "don't require a `:`", 14},
           {"model A {\n  id Int! @id\n}\n", "`!` is no longer required", 18},
           {"model A {\n  id Int @id\n} garbage\n", "does not start with any known", 25},
           {"model A {\n  id Int @id\n  @@index([id,])\n}\n", "cannot end with a comma", 36},
           {"generator c { provider = \"x\" }\n", "not closed", 0},
           {"\xEF\xBB\xBFgenerator c {\n  provider = \"x\"\n}\n", "byte-order mark", 0},
           {"enum E {\n  A Int\n}\n", "not an enum value definition", 11},
           {"model A {\n  id Int @id\n  x = 1\n}\n", "not a valid field or attribute", 25},
           {"datasource db {\n  @@map(\"x\")\n}\n", "within a datasource", 18},
           {"model A {\n  id Float @id @default(1.)\n}\n", "cannot end with '.'", 34},
           {"model A {\n  id Int @id}\n", "not a valid field", 12},
           {"model A {\n  id Int @id @default(now()\n}\n", "not closed on its line", 31},
           {"_model A {\n}\n", "does not start with any known", 0},
       }) {
    const Schema s = ParseSchema(r.text);
    ASSERT_FALSE(s.ok()) << r.text;
    bool found = false;
    for (const Error& e : s.errors) {
      if (e.message.find(r.message_part) != std::string::npos) {
        found = true;
        EXPECT_EQ(e.range.begin, r.at) << r.text << "\n" << Errors(s);
      }
    }
    EXPECT_TRUE(found) << r.text << "\n" << Errors(s);
  }
}

TEST(PrismaParserTest, RecoversAfterAnInvalidLine) {
  const std::string text =
      "model A {\n"
      "  id Int @id\n"
      "  ???\n"
      "  name String\n"
      "}\n"
      "model B {\n"
      "  id Int @id\n"
      "}\n";
  const Schema s = ParseSchema(text);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].range.begin, text.find("???"));
  ASSERT_EQ(s.blocks.size(), 2u);
  EXPECT_EQ(s.blocks[0].fields.size(), 2u);
  EXPECT_EQ(s.blocks[1].name, "B");
}

TEST(PrismaParserTest, ConsecutiveInvalidLinesAreOneError) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "this is not a schema line\n";
  const Schema s = ParseSchema(text);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].range.begin, 0u);
  EXPECT_EQ(s.errors[0].range.end, text.find('\n'));  // on its first line
}

TEST(PrismaParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "generator c {\n  x = " + std::string(100000, '[') + "\n}\n";
  Schema s = ParseSchema(deep);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(Errors(s).find("nested too deeply"), std::string::npos);
  std::string calls = "generator c {\n  x = ";
  for (int i = 0; i < 20000; ++i) calls += "f(";
  calls += "\n}\n";
  EXPECT_FALSE(ParseSchema(calls).ok());
}

TEST(PrismaParserTest, LargeInputsParseInLinearTime) {
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "model M" + std::to_string(i) + " {\n  id Int @id @default(autoincrement())\n"
            "  name String? @db.VarChar(255)\n}\n";
  }
  text += "model Open {\n";
  for (int i = 0; i < 20000; ++i) text += "  \"unterminated\n";
  const auto start = std::chrono::steady_clock::now();
  const Schema s = ParseSchema(text);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  EXPECT_EQ(s.blocks.size(), 20001u);
  EXPECT_LT(ms, 5000);
}

}  // namespace
}  // namespace rdslint::prisma
