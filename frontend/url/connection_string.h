// The connection-string analyser every pack shares (DESIGN.md, "Connection
// strings"). It understands postgres:// / postgresql:// / postgresql+driver://
// URLs and libpq key=value conninfo strings, including strings with holes
// (${X}, $X, {{...}}, %VAR%, or holes the caller marks), and reports every part
// with its byte range inside the analysed text.
#ifndef RDSLINT_FRONTEND_URL_CONNECTION_STRING_H_
#define RDSLINT_FRONTEND_URL_CONNECTION_STRING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace rdslint::url {

enum class Syntax { kUrl, kConninfo };

// What the scheme says the string is for.
enum class SchemeKind {
  kPostgres,    // postgres, postgresql, postgresql+psycopg2, postgres+asyncpg, ...
  kOtherDb,     // mysql, mariadb, redis, mongodb, sqlserver, ...: not ours
  kUnknown,     // anything else, e.g. the typo "postgress"
};

enum class HostKind {
  kUnknown,        // empty, or made (partly) of holes
  kRdsInstance,    // NAME.ID.REGION.rds.amazonaws.com
  kAuroraCluster,  // NAME.cluster-ID.REGION.rds.amazonaws.com (writer)
  kAuroraReader,   // NAME.cluster-ro-ID...
  kAuroraCustom,   // NAME.cluster-custom-ID...
  kRdsProxy,       // NAME.proxy-ID... and custom proxy endpoints NAME.endpoint.proxy-ID...
  kLoopback,       // localhost, 127.0.0.0/8, ::1, a unix socket directory
  kComposeService, // a bare name with no dot (a compose service, e.g. "db")
  kOther,          // any other literal host
};

enum class PasswordKind {
  kAbsent,        // no password in the string
  kLiteral,       // a literal password
  kPlaceholder,   // <password>, changeme, REPLACED_BY_SECRET-style markers, xxx, ...
  kInterpolated,  // contains a hole: ${X}, $X, {{...}}, %VAR%, or a caller hole
};

// One component. `raw` is the text as written (percent-encoding kept);
// `value` is decoded (percent-decoding for URLs, quote/escape removal for
// conninfo). `range` covers `raw` inside the analysed text.
// `present` means the component is written, possibly empty: "user:@h" has an
// empty password, "h:/db" an empty port, "h/" an empty database. A URL host
// is present only when non-empty; an absent URL host keeps in `range` the
// empty range where it would go. Holes inside a value are kept as written
// (never percent-decoded).
struct Part {
  bool present = false;
  std::string raw;
  std::string value;
  SourceRange range;
  bool has_holes = false;
};

struct Param {
  std::string key;        // decoded
  std::string value;      // decoded
  SourceRange key_range;
  SourceRange value_range;
  bool value_has_holes = false;
};

// A reserved character in a URL password that is not percent-encoded
// (@ : / ? # [ ] space, or % not followed by two hex digits).
struct UnencodedChar {
  char ch = 0;
  uint32_t offset = 0;  // in the analysed text
};

enum class ProblemKind {
  kNoHost,
  kBadPort,
  kBadEscape,        // % not followed by two hex digits outside the password
  kUnknownScheme,
  kUnterminatedQuote, // conninfo
  kMissingEquals,     // conninfo keyword without '='
  kEmptyParamKey,
};

struct Problem {
  ProblemKind kind;
  SourceRange range;
  std::string message;  // never contains the password
};

// The password is never copied anywhere but `password` (not into `params`,
// nor into problem messages). In a URL, the query parameters host, hostaddr
// (when no host), port, dbname, user and password override the authority, as
// in libpq; the Parts then point at the query values.
struct ConnectionString {
  Syntax syntax = Syntax::kUrl;
  std::string scheme;    // lower-cased, "" for conninfo
  SchemeKind scheme_kind = SchemeKind::kPostgres;
  SourceRange range;     // the whole connection string inside the text

  Part user;
  Part password;
  PasswordKind password_kind = PasswordKind::kAbsent;
  Part host;             // first host when there are several (host1,host2)
  HostKind host_kind = HostKind::kUnknown;
  bool china_partition = false;  // *.rds.amazonaws.com.cn
  Part port;
  Part database;
  std::vector<Param> params;

  std::vector<UnencodedChar> unencoded_password_chars;  // URL syntax only
  std::vector<Problem> problems;

  // Where a new parameter goes: for a URL the offset at which
  // "?sslmode=require" or "&sslmode=require" is inserted (before any
  // #fragment, at the end of the query); for conninfo the end of the string,
  // where " sslmode=require" is appended. `param_separator` is the text to put
  // before "key=value" there: "?", "&" or " ", or "" when the URL's query is
  // empty ("...db?") or ends with '&' (libpq rejects an empty parameter).
  uint32_t param_insert_offset = 0;
  std::string param_separator;

  // The value of a parameter (decoded), or nullptr. Keys compare
  // case-sensitively, as libpq does; of a repeated key the last one wins, as
  // in libpq. Never finds "password".
  const Param* FindParam(std::string_view key) const;
  bool IsRemote() const;  // host is a literal that is not loopback and not a compose service
  bool IsRdsDirect() const;  // an RDS instance or Aurora cluster endpoint, not a proxy
};

struct AnalyzeOptions {
  // Extra hole ranges inside the text that the caller knows about (f-string
  // fields, C++ concatenated variables, YAML !Sub references, ...).
  std::vector<SourceRange> holes;
};

// Finds and analyses the connection string in `text`. A URL may stand
// anywhere in the text (it is found by its scheme followed by "://", and ends
// at whitespace, a quote or the end of the text, a hole stepped over whole);
// web and storage URLs (https://, s3://, ...) are skipped. A conninfo string
// must be the whole text, hold no "://", start with a key=value pair and use
// at least one libpq keyword. Returns nullopt when the text holds neither.
std::optional<ConnectionString> Analyze(std::string_view text,
                                        const AnalyzeOptions& options = {});

// Every URL in `text` (for text that can hold several, such as a JSON blob);
// when it holds no URL at all but is a conninfo string, that one.
std::vector<ConnectionString> FindAll(std::string_view text,
                                      const AnalyzeOptions& options = {});

// Percent-encoding of one character, e.g. '@' -> "%40".
std::string PercentEncode(char c);

std::string_view HostKindName(HostKind kind);
// The kind in a message: "an RDS instance endpoint", "an Aurora reader
// endpoint", ...; "a database endpoint" for the kinds that are not RDS's.
std::string_view HostKindPhrase(HostKind kind);

}  // namespace rdslint::url

#endif  // RDSLINT_FRONTEND_URL_CONNECTION_STRING_H_
