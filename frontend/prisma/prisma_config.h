// A focused reader for prisma.config.ts (and .mts/.js/.mjs/.cjs): Prisma 7
// keeps the connection URL the CLI migrates with there, in
//
//   export default defineConfig({
//     datasource: { url: env("DATABASE_URL"), shadowDatabaseUrl: "postgres://…" },
//   })
//
// It tokenizes the file as TypeScript (comments, the three kinds of string,
// template literals with nested ${…}, regular expressions where an operand
// is expected) and reads the first object property named `datasource` whose
// value is an object literal, wherever it stands (defineConfig({...}),
// `export default {...} satisfies PrismaConfig`, a `const config = {...}`).
// Each of its properties is classified as a string, a template literal (its
// ${…} parts kept as holes), an environment variable (env("X"),
// env<Env>("X"), process.env.X, process.env["X"], with a trailing `!`,
// `as …`, or `?? fallback` / `|| fallback` ignored), or something else.
//
// What it does not do: it does not evaluate code, so a URL built in a
// variable, imported from another module, or chosen by a condition is
// `kOther`; the fallback of `process.env.X ?? "postgres://…"` is not read;
// a datasource object reached through a spread or a variable is not
// followed; such values are kOther, and the rules stay silent on them.
//
// Never throws, linear in the input, nesting capped at kMaxNesting.
#ifndef RDSLINT_FRONTEND_PRISMA_PRISMA_CONFIG_H_
#define RDSLINT_FRONTEND_PRISMA_PRISMA_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "frontend/prisma/prisma_ast.h"

namespace rdslint::prisma {

struct ConfigValue {
  enum class Kind {
    kString,    // "…", '…', or a template literal with no ${…}
    kTemplate,  // `…${…}…`
    kEnv,       // env("X"), process.env.X, ...
    kOther,
  };
  Kind kind = Kind::kOther;
  SourceRange range;               // the value expression as written
  MappedText text;                 // kString, kTemplate: decoded; a ${…} stays as written
  std::vector<SourceRange> holes;  // kTemplate: the ${…} parts, as ranges of `text`
  std::string env_var;             // kEnv
  SourceRange env_var_range;       // kEnv: the variable's name in the file
};

struct ConfigProperty {
  std::string key;
  SourceRange key_range;
  ConfigValue value;
};

// env("X") or process.env.X anywhere in the file.
struct EnvReference {
  std::string name;
  SourceRange range;  // the name
};

struct ConfigFile {
  bool has_datasource = false;
  SourceRange datasource_key;
  std::vector<ConfigProperty> datasource;  // url, shadowDatabaseUrl, directUrl, ...
  std::vector<EnvReference> env_refs;
  std::vector<Error> errors;  // unterminated strings, comments, templates

  const ConfigProperty* Find(std::string_view key) const;
};

ConfigFile ReadPrismaConfig(std::string_view text);

// prisma.config.ts, prisma.config.mts, .cts, .js, .mjs, .cjs (by file name).
bool IsPrismaConfigPath(std::string_view path);

}  // namespace rdslint::prisma

#endif  // RDSLINT_FRONTEND_PRISMA_PRISMA_CONFIG_H_
