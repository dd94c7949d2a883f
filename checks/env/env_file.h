// A .env file or a compose file's environment blocks, prepared once for all
// env checks: every entry with its connection string analysed.
#ifndef RDSLINT_CHECKS_ENV_ENV_FILE_H_
#define RDSLINT_CHECKS_ENV_ENV_FILE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/secret_mask.h"
#include "frontend/dotenv/dotenv.h"
#include "frontend/url/connection_string.h"

namespace rdslint {

struct EnvValue {
  const dotenv::Entry* entry = nullptr;
  // The connection string in the value, ranges relative to entry->value.text.
  // On the heap: most values are none, and a file of many short entries
  // must not cost a whole ConnectionString each (issue 11, memory).
  std::unique_ptr<const url::ConnectionString> conn;

  // A range of the value's text mapped to the file.
  SourceRange ToSource(SourceRange in_value) const { return entry->value.ToSource(in_value); }
};

struct EnvFile {
  enum class Flavor { kDotenv, kTemplate, kCompose };
  Flavor flavor = Flavor::kDotenv;
  const dotenv::Document* doc = nullptr;
  std::vector<EnvValue> values;

  // The value of a key defined in this file, or nullptr (last one wins, as
  // in every dotenv loader).
  const EnvValue* Find(std::string_view key) const;
};

// Analyses every value, and marks the secret ones (values of password-like
// keys, passwords inside URLs) in `mask`.
EnvFile PrepareEnvFile(const dotenv::Document& doc, EnvFile::Flavor flavor, SecretMask* mask);

// DB_PASSWORD, PGPASSWORD, *_PASSWORD, *_PASSWD, *_PASS, *_PWD.
bool IsPasswordKey(std::string_view key);
// Keys whose value is secret whatever it looks like (masked, not reported).
bool IsSecretKey(std::string_view key);
// DATABASE_URL, *_DATABASE_URL, DB_URL, *_DB_URL, POSTGRES*_URL, PG*_URL, *_DSN.
bool IsDatabaseUrlKey(std::string_view key);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_ENV_ENV_FILE_H_
