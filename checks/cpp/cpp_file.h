// The document the cpp checks read: what the AST matchers of
// checks/cpp/collector.cc found in one C++ file — every connection string
// that reaches libpq or libpqxx, evaluated as far as constants go and
// analysed by the shared analyser, and every AWS credential kept in static
// storage. Plain data with byte ranges, no clang types: the five checks are
// written once against it, and both adapters (rdslint's linter and the
// clang-tidy plugin) hand it to them.
#ifndef RDSLINT_CHECKS_CPP_CPP_FILE_H_
#define RDSLINT_CHECKS_CPP_CPP_FILE_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "frontend/url/connection_string.h"

namespace rdslint {

class SecretMask;

// A part of a string the evaluator could not compute: a parameter, a call,
// a variable that changes. It stands in CppString::text as "${name}" and is
// passed to the analyser as a hole.
struct CppHole {
  SourceRange in_text;
  std::optional<SourceRange> source;  // the expression, when it is in this file
  std::string name;    // "db_password", "config.password", "getenv()"; never a literal
  std::string callee;  // qualified name when the hole is a call's result, else ""
  // The environment variable it reads: getenv("DB_HOST"), directly or
  // through a variable it initialises; else "".
  std::string env_name;
};

// The value of a C++ string expression with, for each byte, where it is
// spelled in this file: string literals (escapes, adjacent literals, raw
// strings), constants and concatenations keep their bytes' positions; bytes
// from another file or a macro in another file, and bytes rdslint wrote
// itself (quotes around keyword/value pairs), have none.
struct CppString {
  static constexpr uint32_t kNoSource = std::numeric_limits<uint32_t>::max();

  std::string text;
  std::vector<uint32_t> begin;  // per byte: offset of its spelling, or kNoSource
  std::vector<uint32_t> end;    // per byte: offset just past its spelling
  std::vector<CppHole> holes;

  void AppendSynthetic(std::string_view s);
  void AppendSpelled(char c, uint32_t begin_offset, uint32_t end_offset);
  // Appends [from, to) of `other`, holes included.
  void Append(const CppString& other, size_t from = 0, size_t to = std::string::npos);
  void AppendHole(CppHole hole);  // hole.in_text is filled in

  // The source range a range of `text` is spelled at, when both ends are.
  std::optional<SourceRange> ToSource(SourceRange in_text) const;
  // Where text inserted at `pos` of `text` goes in the source, when the byte
  // before it is a character spelled as itself in a string literal (so the
  // insertion lands inside the same literal).
  std::optional<uint32_t> InsertionPoint(uint32_t pos) const;
  // Whether byte i is spelled as itself in a literal (not an escape, not a hole).
  bool Plain(size_t i) const;
  const CppHole* HoleAt(size_t i) const;
  std::vector<SourceRange> HoleRanges() const;
};

struct CppConnection {
  std::string api;  // "PQconnectdb", "PQconnectdbParams", "PQsetdbLogin", "pqxx::connection", ...
  // The call or construction, in this file: where a finding goes when the
  // part it is about is spelled elsewhere.
  SourceRange anchor;
  // The conninfo or URL. For PQconnectdbParams/PQsetdbLogin rdslint writes
  // the keyword/value pairs as a conninfo string (values quoted), so one
  // analysis covers every API.
  CppString value;
  bool synthesized = false;
  std::optional<url::ConnectionString> conn;  // ranges are in value.text

  // A part of `value.text` in this file, else the anchor.
  SourceRange Locate(SourceRange in_text) const;
};

// An AWS credential (a Secrets Manager secret, an RDS IAM token) kept in
// static storage by a store that runs once, and never written again.
struct CppCredentialStore {
  enum class Source { kSecretsManager, kRdsAuthToken };
  enum class Storage { kGlobal, kStaticMember, kFunctionStatic, kThreadLocal };
  Source source = Source::kSecretsManager;
  Storage storage = Storage::kGlobal;
  std::string variable;  // "g_password", "Db::token_", "cache.password"
  bool member_of_object = false;  // `variable` is a member of a static object
  SourceRange where;     // the store: the variable's name in its declaration, or the assignment
  std::string how;       // "initialised once", "filled once behind 'if (password.empty())'", ...
};

// An environment variable read by name: getenv("DB_SECRET_ARN"),
// std::getenv, secure_getenv, Aws::Environment::GetEnv.
struct CppEnvRead {
  std::string name;
  SourceRange where;  // the call
};

// A Secrets Manager read or an RDS IAM token being signed, with what names
// the credential (the request's SecretId; the token's user and host), for
// the project rules. A part the file does not say is left out.
struct CppArgument {
  CppString value;
  SourceRange where;  // the expression (in this file), else the call
};
struct CppCredentialCall {
  bool iam_token = false;
  SourceRange call;
  SourceRange callee;  // `client.GetSecretValue`, `rds.GenerateConnectAuthToken`
  std::optional<CppArgument> id;    // SecretId, or the token's user
  std::optional<CppArgument> host;  // the token's host
};

struct CppFile {
  std::vector<CppConnection> connections;
  std::vector<CppCredentialStore> credential_stores;
  std::vector<CppEnvRead> env_reads;
  std::vector<CppCredentialCall> credential_calls;
  // Spans of this file that hold secrets (passwords in connection strings,
  // literals of password-like variables): masked in every output.
  std::vector<SourceRange> secrets;
};

// Whether the text names any API the cpp checks follow. rdslint parses a C++
// file only when it does: a file that never mentions libpq, libpqxx or the
// two AWS calls cannot give a finding, and parsing costs 0.1-0.5 s.
bool MentionsDatabaseApi(std::string_view text);

// One run's C++ analysis for rdslint: parses each file with the compile
// command of its compilation database (frontend/cpp), runs the matchers,
// and returns the file's facts. Thread-safe.
class CppAnalyzer {
 public:
  explicit CppAnalyzer(std::string build_path);
  ~CppAnalyzer();

  struct Result {
    std::optional<CppFile> file;  // none when the file was not parsed
    std::vector<std::pair<SourceRange, std::string>> errors;  // compile errors (parse-error)
    std::vector<std::pair<bool, std::string>> notes;          // (warning?, text)
  };
  // Marks the file's secrets in `mask`.
  Result Analyze(const std::string& abs_path, std::string_view text, SecretMask* mask) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CPP_CPP_FILE_H_
