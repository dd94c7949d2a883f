#include "frontend/prisma/prisma_config.h"

#include <string>

#include <gtest/gtest.h>

namespace rdslint::prisma {
namespace {

std::string_view At(std::string_view text, SourceRange r) { return text.substr(r.begin, r.size()); }

TEST(PrismaConfigTest, ReadsTheDatasourceOfDefineConfig) {
  const std::string text =
      "import 'dotenv/config'\n"
      "import { defineConfig, env } from 'prisma/config'\n"
      "\n"
      "export default defineConfig({\n"
      "  schema: 'prisma/schema.prisma',\n"
      "  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },\n"
      "  datasource: {\n"
      "    url: env('DATABASE_URL'),\n"
      "    shadowDatabaseUrl: env<Env>(\"SHADOW_DATABASE_URL\"),\n"
      "  },\n"
      "})\n";
  const ConfigFile c = ReadPrismaConfig(text);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_TRUE(c.has_datasource);
  EXPECT_EQ(At(text, c.datasource_key), "datasource");
  ASSERT_EQ(c.datasource.size(), 2u);
  const ConfigProperty* url = c.Find("url");
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(url->value.kind, ConfigValue::Kind::kEnv);
  EXPECT_EQ(url->value.env_var, "DATABASE_URL");
  EXPECT_EQ(At(text, url->value.env_var_range), "DATABASE_URL");
  EXPECT_EQ(At(text, url->value.range), "env('DATABASE_URL')");
  const ConfigProperty* shadow = c.Find("shadowDatabaseUrl");
  ASSERT_NE(shadow, nullptr);
  EXPECT_EQ(shadow->value.env_var, "SHADOW_DATABASE_URL");
  ASSERT_EQ(c.env_refs.size(), 2u);
  EXPECT_EQ(c.env_refs[0].name, "DATABASE_URL");
}

TEST(PrismaConfigTest, ProcessEnvFormsAndFallbacks) {
  const std::string text =
      "export default {\n"
      "  datasource: {\n"
      "    url: process.env.DATABASE_URL!,\n"
      "    directUrl: process.env[\"DIRECT_URL\"] ?? \"\",\n"
      "    shadowDatabaseUrl: process.env.SHADOW || fallback(),\n"
      "    other: someFunction(process.env.X),\n"
      "  },\n"
      "} satisfies PrismaConfig\n";
  const ConfigFile c = ReadPrismaConfig(text);
  ASSERT_EQ(c.datasource.size(), 4u);
  EXPECT_EQ(c.Find("url")->value.kind, ConfigValue::Kind::kEnv);
  EXPECT_EQ(c.Find("url")->value.env_var, "DATABASE_URL");
  EXPECT_EQ(c.Find("directUrl")->value.env_var, "DIRECT_URL");
  EXPECT_EQ(At(text, c.Find("directUrl")->value.env_var_range), "DIRECT_URL");
  EXPECT_EQ(c.Find("shadowDatabaseUrl")->value.env_var, "SHADOW");
  EXPECT_EQ(c.Find("other")->value.kind, ConfigValue::Kind::kOther);
  // Every variable the file reads, in order, even inside calls.
  ASSERT_EQ(c.env_refs.size(), 4u);
  EXPECT_EQ(c.env_refs[3].name, "X");
}

TEST(PrismaConfigTest, LiteralsAndTemplatesMapBackToTheFile) {
  const std::string text =
      "const x = { datasource: { url: 'postgresql://u:p\\x40ss@h/db', "
      "shadowDatabaseUrl: `postgresql://${process.env.USER}:${pw}@h/db`, "
      "directUrl: `postgres://h/db` } }\n";
  const ConfigFile c = ReadPrismaConfig(text);
  ASSERT_EQ(c.datasource.size(), 3u);
  const ConfigValue& url = c.Find("url")->value;
  EXPECT_EQ(url.kind, ConfigValue::Kind::kString);
  EXPECT_EQ(url.text.text, "postgresql://u:p@ss@h/db");
  const size_t at = url.text.text.find('@');
  EXPECT_EQ(At(text, url.text.ToSource(static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1))),
            "\\x40");
  const ConfigValue& shadow = c.Find("shadowDatabaseUrl")->value;
  EXPECT_EQ(shadow.kind, ConfigValue::Kind::kTemplate);
  EXPECT_EQ(shadow.text.text, "postgresql://${process.env.USER}:${pw}@h/db");
  ASSERT_EQ(shadow.holes.size(), 2u);
  EXPECT_EQ(shadow.text.text.substr(shadow.holes[1].begin, shadow.holes[1].size()), "${pw}");
  EXPECT_EQ(c.Find("directUrl")->value.kind, ConfigValue::Kind::kString);
  // process.env.USER inside the template is a variable the file reads.
  bool user = false;
  for (const EnvReference& r : c.env_refs) user |= r.name == "USER";
  EXPECT_TRUE(user);
}

TEST(PrismaConfigTest, CommentsStringsAndRegexesAreNotCode) {
  const std::string text =
      "// datasource: { url: 'postgres://commented/out' }\n"
      "/* datasource: { url: 'postgres://block/comment' } */\n"
      "const s = \"datasource: { url: 'in a string' }\"\n"
      "const r = /datasource: { url: '\"/g\n"
      "export default defineConfig({ datasource: { url: env('REAL') } })\n";
  const ConfigFile c = ReadPrismaConfig(text);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.datasource.size(), 1u);
  EXPECT_EQ(c.datasource[0].value.env_var, "REAL");
  ASSERT_EQ(c.env_refs.size(), 1u);
}

TEST(PrismaConfigTest, NoDatasource) {
  const ConfigFile c = ReadPrismaConfig("export default defineConfig({ schema: 'prisma' })\n");
  EXPECT_FALSE(c.has_datasource);
  EXPECT_TRUE(c.datasource.empty());
  EXPECT_TRUE(c.errors.empty());
}

TEST(PrismaConfigTest, UnterminatedConstructsAreLocatedErrors) {
  struct Case {
    const char* text;
    uint32_t at;
  };
  for (const Case& k : {Case{"const a = 'abc\n", 10}, Case{"/* never closed", 0},
                        Case{"const t = `abc ${x}", 10}, Case{"x = \"a", 4}}) {
    const ConfigFile c = ReadPrismaConfig(k.text);
    ASSERT_EQ(c.errors.size(), 1u) << k.text;
    EXPECT_EQ(c.errors[0].range.begin, k.at) << k.text;
  }
}

TEST(PrismaConfigTest, DeepTemplatesAreCappedNotACrash) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "`${";
  const ConfigFile c = ReadPrismaConfig(text);
  EXPECT_FALSE(c.errors.empty());
}

TEST(PrismaConfigTest, ConfigPaths) {
  EXPECT_TRUE(IsPrismaConfigPath("prisma.config.ts"));
  EXPECT_TRUE(IsPrismaConfigPath("/repo/app/prisma.config.mjs"));
  EXPECT_FALSE(IsPrismaConfigPath("/repo/app/my-prisma.config.ts"));
  EXPECT_FALSE(IsPrismaConfigPath("/repo/prisma.config.ts/handler.ts"));
}

}  // namespace
}  // namespace rdslint::prisma
