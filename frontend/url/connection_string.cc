// The shared connection-string analyser (see connection_string.h).
//
// Everything here is plain left-to-right scanning over string_views: the
// analyser runs on every candidate string of a repository, so there is no
// regex and no allocation except the strings of the result itself.
//
// Holes. A connection string in a repository is rarely a finished value: it
// is a template with ${X}, {{resolve:...}}, f-string fields and so on. A hole
// is an opaque unit: every search below (for '@', ':', '/', '?', '#', '&',
// whitespace, quotes) steps over holes as a whole, so a hole may hold any of
// those characters (`{{resolve:secretsmanager:arn:aws:...:SecretString:password}}`
// holds a dozen ':') without breaking the split. The hole syntaxes are listed
// in HoleFinder::At.
#include "frontend/url/connection_string.h"

#include <algorithm>

#include "frontend/url/placeholder.h"

namespace rdslint::url {
namespace {

constexpr size_t kNpos = std::string_view::npos;
// Built-in holes never cross a line and never exceed this many bytes, so
// that an unclosed "${" costs a bounded look-ahead (and the scan stays linear).
constexpr size_t kMaxHoleLength = 1024;
// How far a space inside a URL password looks for the '@' that would end it.
constexpr size_t kMaxSpaceLookahead = 128;

// ---------------------------------------------------------------------------
// Character classes (ASCII only, locale-free).

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlpha(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsIdentStart(char c) { return IsAlpha(c) || c == '_'; }
bool IsIdentChar(char c) { return IsAlnum(c) || c == '_'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsSchemeChar(char c) { return IsAlnum(c) || c == '+' || c == '-' || c == '.'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  return Lower(c) - 'a' + 10;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}
bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsNoCase(s.substr(0, prefix.size()), prefix);
}
bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsNoCase(s.substr(s.size() - suffix.size()), suffix);
}

SourceRange Range(size_t b, size_t e) {
  return SourceRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// ---------------------------------------------------------------------------
// Holes.

struct Hole {
  size_t end = 0;     // one past the hole; 0 when no hole starts here
  size_t close = 0;   // length of the closing delimiter ("}" = 1, "}}" = 2)
  bool caller = false;
};

class HoleFinder {
 public:
  HoleFinder(std::string_view text, const std::vector<SourceRange>& caller)
      : text_(text), caller_(caller) {}

  // The hole that starts at `i` (or, for caller holes, covers `i`), closed
  // before `limit`. Built-in hole syntaxes:
  //   ${X} ${var.x} ${{ secrets.X }}  shell, Terraform, CFN !Sub, Serverless, JS, GitHub Actions
  //   $(X)                            command substitution, Make
  //   $X                              shell, dotenv ("$$" is an escaped '$', not a hole)
  //   {{...}}                         CFN dynamic references, Helm, Jinja, mustache
  //   #{X}                            Ruby
  //   {X} {} {0} {x.y!r} {port:d}     str.format, fmt, std::format (<= 64 name chars)
  //   %VAR%                           Windows; upper case, and not mistaken for %XX escapes
  //   %s %v %d %(name)s               printf-style format verbs, when followed by a non-alphanumeric
  Hole At(size_t i, size_t limit) const {
    for (const SourceRange& r : caller_) {
      if (r.begin <= i && i < r.end) {
        size_t e = std::min<size_t>({r.end, limit, text_.size()});
        return Hole{std::max(e, i + 1), 0, true};
      }
    }
    const size_t n = std::min(limit, text_.size());
    if (i + 1 >= n) return {};
    const char c = text_[i];
    const char d = text_[i + 1];
    const size_t cap = std::min(n, i + kMaxHoleLength);
    switch (c) {
      case '$':
        if (d == '{') return Matched(i + 2, '{', '}', cap);
        if (d == '(') return Matched(i + 2, '(', ')', cap);
        if (IsIdentStart(d)) {
          size_t j = i + 2;
          while (j < n && IsIdentChar(text_[j])) ++j;
          return Hole{j, 0};
        }
        return {};
      case '#':
        if (d == '{') return Matched(i + 2, '{', '}', cap);
        return {};
      case '{': {
        if (d == '{') {
          for (size_t j = i + 2; j + 1 < cap && text_[j] != '\n'; ++j) {
            if (text_[j] == '}' && text_[j + 1] == '}') return Hole{j + 2, 2};
          }
          return {};
        }
        size_t j = i + 1;
        while (j < cap && j - i <= 64 && IsFormatFieldChar(text_[j])) ++j;
        if (j < n && text_[j] == '}') return Hole{j + 1, 1};
        return {};
      }
      case '%':
        return PercentHole(i, n, cap);
      default:
        return {};
    }
  }

  // One scanning step from `i`: past a hole (is_hole = true), past an escaped
  // "$$", or one byte.
  size_t Next(size_t i, size_t limit, bool* is_hole) const {
    const char c = text_[i];
    // Fast path: most bytes cannot start a hole.
    if (caller_.empty() && c != '$' && c != '{' && c != '#' && c != '%') {
      *is_hole = false;
      return i + 1;
    }
    const Hole h = At(i, limit);
    if (h.end > i) {
      *is_hole = true;
      return h.end;
    }
    *is_hole = false;
    if (text_[i] == '$' && i + 1 < limit && text_[i + 1] == '$') return i + 2;
    return i + 1;
  }

  bool InCallerHole(size_t i) const {
    for (const SourceRange& r : caller_) {
      if (r.begin <= i && i < r.end) return true;
    }
    return false;
  }

 private:
  static bool IsFormatFieldChar(char c) {
    return IsIdentChar(c) || c == '.' || c == ':' || c == '!' || c == '-';
  }

  // From just after an opening bracket, the end of the balanced group.
  Hole Matched(size_t from, char open, char close, size_t cap) const {
    int depth = 1;
    for (size_t j = from; j < cap; ++j) {
      const char c = text_[j];
      if (c == '\n') return {};
      if (c == open) ++depth;
      if (c == close && --depth == 0) return Hole{j + 1, 1};
    }
    return {};
  }

  Hole PercentHole(size_t i, size_t n, size_t cap) const {
    const char d = text_[i + 1];
    const auto verb_ends = [&](size_t j) { return j >= n || !IsAlnum(text_[j]); };
    if (d == '(') {  // %(name)s
      size_t j = i + 2;
      while (j < cap && IsIdentChar(text_[j])) ++j;
      if (j > i + 2 && j + 1 < n && text_[j] == ')' && IsAlpha(text_[j + 1])) return Hole{j + 2, 0};
      return {};
    }
    // %s, %v, and %d unless it reads as an escape (%d2 is the byte 0xD2).
    if ((d == 's' || d == 'v' || d == 'd') && verb_ends(i + 2)) return Hole{i + 2, 0};
    if (IsUpper(d) || d == '_') {  // %DB_PASSWORD%
      size_t j = i + 1;
      while (j < cap && (IsUpper(text_[j]) || IsDigit(text_[j]) || text_[j] == '_')) ++j;
      if (j < n && text_[j] == '%') {
        const size_t len = j - i - 1;
        // "%E2%" is the start of a percent-encoded UTF-8 sequence, not a variable.
        if (len >= 3 || !(IsHex(text_[i + 1]) && IsHex(text_[i + 2]))) return Hole{j + 1, 0};
      }
    }
    return {};
  }

  std::string_view text_;
  const std::vector<SourceRange>& caller_;
};

// `c` is one of the few bytes of `set` (no memchr call for 1-3 bytes).
bool InSet(char c, std::string_view set) {
  for (char x : set) {
    if (x == c) return true;
  }
  return false;
}

// Scanning helpers over [from, to), stepping over holes.
struct Scan {
  std::string_view text;
  const HoleFinder& holes;

  size_t FindFirst(size_t from, size_t to, std::string_view set) const {
    bool hole = false;
    for (size_t i = from; i < to;) {
      const size_t next = holes.Next(i, to, &hole);
      if (!hole && InSet(text[i], set)) return i;
      i = next;
    }
    return kNpos;
  }
  size_t FindLast(size_t from, size_t to, char c) const {
    size_t last = kNpos;
    bool hole = false;
    for (size_t i = from; i < to;) {
      const size_t next = holes.Next(i, to, &hole);
      if (!hole && text[i] == c) last = i;
      i = next;
    }
    return last;
  }
  bool HasHoles(size_t from, size_t to) const {
    bool hole = false;
    for (size_t i = from; i < to;) {
      i = holes.Next(i, to, &hole);
      if (hole) return true;
    }
    return false;
  }
  // Only digits and holes (a port-like text), and not empty.
  bool DigitsOrHoles(size_t from, size_t to) const {
    if (from >= to) return false;
    bool hole = false;
    for (size_t i = from; i < to;) {
      const size_t next = holes.Next(i, to, &hole);
      if (!hole && !IsDigit(text[i])) return false;
      i = next;
    }
    return true;
  }
  bool BadEscapeAt(size_t i, size_t to) const {
    return text[i] == '%' && !(i + 2 < to && IsHex(text[i + 1]) && IsHex(text[i + 2]));
  }
  // Percent-decodes [from, to); holes and malformed escapes are kept as written.
  std::string Decode(size_t from, size_t to) const {
    std::string out;
    out.reserve(to - from);
    bool hole = false;
    for (size_t i = from; i < to;) {
      const size_t next = holes.Next(i, to, &hole);
      if (!hole && text[i] == '%' && !BadEscapeAt(i, to)) {
        out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
        i += 3;
        continue;
      }
      out.append(text.substr(i, next - i));
      i = next;
    }
    return out;
  }
  Part MakePart(size_t from, size_t to, bool percent_decode) const {
    Part p;
    p.present = true;
    p.raw = std::string(text.substr(from, to - from));
    p.range = Range(from, to);
    p.has_holes = HasHoles(from, to);
    p.value = percent_decode ? Decode(from, to) : p.raw;
    return p;
  }
  // A kBadEscape problem for each '%' outside holes not followed by two hex digits.
  void CheckEscapes(size_t from, size_t to, std::string_view where,
                    std::vector<Problem>* problems) const {
    bool hole = false;
    for (size_t i = from; i < to;) {
      const size_t next = holes.Next(i, to, &hole);
      if (!hole && BadEscapeAt(i, to)) {
        problems->push_back(Problem{ProblemKind::kBadEscape, Range(i, std::min(i + 3, to)),
                                    "'%' not followed by two hex digits in the " +
                                        std::string(where) + "; write a literal '%' as %25"});
      }
      i = next;
    }
  }
};

// ---------------------------------------------------------------------------
// Classification.

enum class SchemeClass { kPostgres, kOtherDb, kUnknown, kNotDb };

bool InList(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// `scheme` is lower case. The part before '+' names the database;
// after it comes the SQLAlchemy driver (postgresql+psycopg2, mysql+pymysql).
SchemeClass ClassifyScheme(std::string_view scheme) {
  const std::string_view base = scheme.substr(0, scheme.find('+'));
  // pgsql and postgis are dj-database-url's names for the same PostgreSQL backend.
  if (InList(base, {"postgres", "postgresql", "pgsql", "postgis"})) return SchemeClass::kPostgres;
  if (InList(base, {"mysql", "mysql2", "mysqlx", "mariadb", "mysqlgis", "redis", "rediss",
                    "valkey", "memcached", "mongodb", "mongo", "mssql", "sqlserver", "oracle",
                    "oraclegis", "sqlite", "sqlite3", "spatialite", "cockroach", "cockroachdb",
                    "redshift", "snowflake", "clickhouse", "cassandra", "couchdb", "couchbase",
                    "neo4j", "bolt", "db2", "ibm_db_sa", "firebird", "sybase", "hive", "presto",
                    "trino", "duckdb", "timescale", "timescalegis", "influxdb", "elasticsearch",
                    "opensearch", "amqp", "amqps", "kafka", "nats", "mqtt", "mqtts", "dynamodb",
                    "bigquery", "spanner", "crate", "vertica", "teradata", "hana", "questdb",
                    // Prisma Accelerate / Prisma Postgres (prisma://, prisma+postgres://)
                    // and Turso: service URLs with their own API keys, not libpq's.
                    "prisma", "libsql"})) {
    return SchemeClass::kOtherDb;
  }
  // Web, storage, VCS and OS schemes: not connection strings at all, so they
  // are not reported (an https:// link is not a mistyped database URL).
  if (InList(base, {"http", "https", "ws", "wss", "ftp", "ftps", "sftp", "ssh", "scp", "git",
                    "svn", "hg", "file", "s3", "s3a", "s3n", "gs", "gcs", "az", "azure", "abfs",
                    "abfss", "wasb", "wasbs", "hdfs", "tcp", "udp", "unix", "npipe", "data",
                    "ldap", "ldaps", "smtp", "smtps", "imap", "imaps", "pop3", "pop3s", "nfs",
                    "smb", "docker", "oci", "npm", "chrome", "chrome-extension", "moz-extension",
                    "about", "vscode", "jar", "blob", "content", "android-app", "ipfs", "ipns",
                    "dns", "grpc", "grpcs", "xmpp", "irc", "ircs", "rtsp", "rtmp", "telnet", "sip",
                    "webcal", "feed", "hxxp", "hxxps", "ecr", "registry", "vault", "consul",
                    "etcd", "arn", "urn", "slack", "zoom", "spotify", "steam", "exp", "app",
                    "capacitor", "ionic", "localhost", "res", "ms-appx", "resource"})) {
    return SchemeClass::kNotDb;
  }
  return SchemeClass::kUnknown;
}

bool IsIpv4(std::string_view v) {
  int groups = 0;
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = i;
    int value = 0;
    while (j < v.size() && IsDigit(v[j]) && j - i < 3) value = value * 10 + (v[j++] - '0');
    if (j == i || value > 255) return false;
    ++groups;
    if (j == v.size()) return groups == 4;
    if (v[j] != '.') return false;
    i = j + 1;
  }
  return false;
}

// ::1, 0:0:0:0:0:0:0:1, 0::1, and the IPv4-mapped ::ffff:127.x.y.z.
bool IsIpv6Loopback(std::string_view v) {
  if (StartsWithNoCase(v, "::ffff:")) {
    std::string_view v4 = v.substr(7);
    return IsIpv4(v4) && v4.substr(0, 4) == "127.";
  }
  if (v.size() < 3 || v.back() != '1' || v.find(':') == kNpos) return false;
  for (size_t i = 0; i + 1 < v.size(); ++i) {
    if (v[i] != '0' && v[i] != ':') return false;
  }
  return v.find("::") != kNpos || std::count(v.begin(), v.end(), ':') == 7;
}

bool LooksLikeRegion(std::string_view r) {  // us-east-1, cn-northwest-1, us-gov-west-1
  return r.find('-') != kNpos && IsDigit(r.back());
}

// `v` is the decoded host, without holes.
HostKind ClassifyHost(std::string_view v, bool* china) {
  *china = false;
  if (v.empty()) return HostKind::kUnknown;
  // libpq: a host starting with '/' is a unix socket directory, '@' an abstract socket.
  if (v.front() == '/' || v.front() == '@') return HostKind::kLoopback;
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
  if (!v.empty() && v.back() == '.') v.remove_suffix(1);  // fully qualified "name."
  if (v.empty()) return HostKind::kUnknown;
  // host.docker.internal is the developer's own machine seen from a container;
  // 0.0.0.0 reaches the local host on Linux and macOS.
  if (EqualsNoCase(v, "localhost") || EndsWithNoCase(v, ".localhost") ||
      EqualsNoCase(v, "host.docker.internal") || v == "0.0.0.0") {
    return HostKind::kLoopback;
  }
  if (IsIpv4(v)) return v.substr(0, 4) == "127." ? HostKind::kLoopback : HostKind::kOther;
  if (IsIpv6Loopback(v)) return HostKind::kLoopback;

  // RDS endpoints: NAME.ID.REGION.rds.amazonaws.com[.cn], where the ID label
  // says what the endpoint is (RULES.md, "Facts the rules rest on"). NAME may
  // have several labels (custom proxy endpoints: NAME.endpoint.proxy-ID).
  std::string_view prefix;
  if (EndsWithNoCase(v, ".rds.amazonaws.com.cn")) {
    *china = true;
    prefix = v.substr(0, v.size() - 21);
  } else if (EndsWithNoCase(v, ".rds.amazonaws.com")) {
    prefix = v.substr(0, v.size() - 18);
  }
  if (!prefix.empty()) {
    const size_t r = prefix.rfind('.');
    if (r == kNpos || !LooksLikeRegion(prefix.substr(r + 1))) return HostKind::kOther;
    const std::string_view rest = prefix.substr(0, r);
    const size_t d = rest.rfind('.');
    if (d == kNpos || d == 0 || d + 1 == rest.size()) return HostKind::kOther;
    const std::string_view id = rest.substr(d + 1);
    if (StartsWithNoCase(id, "proxy-")) return HostKind::kRdsProxy;
    if (StartsWithNoCase(id, "cluster-ro-")) return HostKind::kAuroraReader;
    if (StartsWithNoCase(id, "cluster-custom-")) return HostKind::kAuroraCustom;
    if (StartsWithNoCase(id, "cluster-")) return HostKind::kAuroraCluster;
    return HostKind::kRdsInstance;
  }
  if (v.find(':') != kNpos) return HostKind::kOther;  // an IPv6 address
  if (v.find('.') == kNpos) {
    // A single label is a compose service name ("db", "postgres"), unless it
    // is a number (an IPv4 address written as one integer).
    const bool digits = std::all_of(v.begin(), v.end(), IsDigit);
    return digits ? HostKind::kOther : HostKind::kComposeService;
  }
  return HostKind::kOther;
}

PasswordKind ClassifyPassword(const Part& p) {
  if (!p.present || p.raw.empty()) return PasswordKind::kAbsent;  // "user:@host": no secret
  if (p.has_holes) return PasswordKind::kInterpolated;
  // The one list of placeholder words lives in placeholder.cc.
  if (LooksLikePlaceholder(p.value)) return PasswordKind::kPlaceholder;
  return PasswordKind::kLiteral;
}

void SetHostKind(ConnectionString* cs) {
  if (cs->host.has_holes) {
    cs->host_kind = HostKind::kUnknown;
    cs->china_partition = false;
    return;
  }
  cs->host_kind = ClassifyHost(cs->host.value, &cs->china_partition);
}

void CheckPort(const Part& port, std::vector<Problem>* problems) {
  if (!port.present || port.raw.empty() || port.has_holes) return;
  bool ok = port.value.size() <= 5 && std::all_of(port.value.begin(), port.value.end(), IsDigit);
  if (ok) ok = std::stoul(port.value) <= 65535;
  // The message never quotes the port: a password written without its '@'
  // lands exactly here ("postgres://admin:s3cret").
  if (!ok) {
    problems->push_back(Problem{ProblemKind::kBadPort, port.range,
                                "the port is not a number between 0 and 65535"});
  }
}

// ---------------------------------------------------------------------------
// URLs.

// A character that ends a URL standing in other text: whitespace and control
// characters, quotes, and "</" (the closing tag of XML/HTML around it).
bool EndsUrl(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '`') return true;
  return c == '<' && i + 1 < t.size() && t[i + 1] == '/';
}

class UrlParser {
 public:
  UrlParser(std::string_view text, const HoleFinder& holes) : t_(text), h_(holes), s_{text, holes} {}

  // Parses the URL whose "://" is at `sep`. `min_start` bounds the scheme on
  // the left (the end of the previous URL). Returns false when the text there
  // is not a connection string (no scheme, a web URL, ...). Candidates must
  // come in increasing order: the hole scan that finds a URL nested in a
  // hole resumes where the previous candidate left it, so a whole text is
  // scanned once however many URLs it holds.
  bool Parse(size_t sep, size_t min_start, ConnectionString* out, size_t* end);

 private:
  void ParseQuery(size_t from, size_t to, ConnectionString* cs, size_t* pw_begin, size_t* pw_end);
  Part FirstOfList(size_t from, size_t to) const {
    const size_t comma = s_.FindFirst(from, to, ",");
    return s_.MakePart(from, comma == kNpos ? to : comma, true);
  }
  bool SpaceInPassword(size_t i, size_t limit) const;

  std::string_view t_;
  const HoleFinder& h_;
  Scan s_;
  size_t cursor_ = 0;  // a unit boundary of the hole scan from the start of the text
};

// "postgres://app:pa ss@host/db": is the space at `i` inside a password? Yes
// when an '@' follows before anything that ends a userinfo (a '/', '?', '#',
// "://", a quote or a line break) within a short distance.
bool UrlParser::SpaceInPassword(size_t i, size_t limit) const {
  const size_t cap = std::min(limit, i + kMaxSpaceLookahead);
  bool hole = false;
  for (size_t j = i + 1; j < cap;) {
    const size_t next = h_.Next(j, cap, &hole);
    if (!hole) {
      const char c = t_[j];
      if (c == '@') return true;
      if ((c != ' ' && EndsUrl(t_, j)) || c == '/' || c == '?' || c == '#') return false;
    }
    j = next;
  }
  return false;
}

bool UrlParser::Parse(size_t sep, size_t min_start, ConnectionString* out, size_t* end) {
  // --- Scheme: the run of scheme characters before "://", starting with a letter.
  size_t s0 = sep;
  while (s0 > min_start && IsSchemeChar(t_[s0 - 1])) --s0;
  while (s0 < sep && !IsAlpha(t_[s0])) ++s0;
  if (s0 == sep || sep - s0 > 32) return false;
  if (s0 > 0 && (t_[s0 - 1] == '$' || t_[s0 - 1] == '%')) return false;  // $SCHEME://
  if (h_.InCallerHole(s0) || h_.InCallerHole(sep)) return false;  // code, not text
  std::string scheme(t_.substr(s0, sep - s0));
  for (char& c : scheme) c = Lower(c);
  const SchemeClass sc = ClassifyScheme(scheme);
  if (sc == SchemeClass::kNotDb) return false;

  // --- A URL inside a hole: ${DATABASE_URL:-postgres://app@db/app} is a
  // real default value; it ends where the hole closes.
  size_t limit = t_.size();
  {
    bool hole = false;
    while (cursor_ < s0) {
      const size_t next = h_.Next(cursor_, t_.size(), &hole);
      if (hole && next > s0) {
        // Stay at the hole's start: a later URL in the same hole is nested too.
        limit = next - h_.At(cursor_, t_.size()).close;
        break;
      }
      cursor_ = next;
    }
    if (limit < sep + 3) return false;
  }

  ConnectionString cs;
  cs.syntax = Syntax::kUrl;
  cs.scheme = scheme;
  cs.scheme_kind = sc == SchemeClass::kPostgres ? SchemeKind::kPostgres
                   : sc == SchemeClass::kOtherDb ? SchemeKind::kOtherDb
                                                 : SchemeKind::kUnknown;
  if (cs.scheme_kind == SchemeKind::kUnknown) {
    cs.problems.push_back(Problem{ProblemKind::kUnknownScheme, Range(s0, sep),
                                  "unknown scheme '" + scheme +
                                      "'; PostgreSQL clients expect postgresql:// or postgres://"});
  }
  // jdbc:postgresql://... belongs to the string as a whole.
  const size_t start = s0 >= 5 && s0 - 5 >= min_start && EqualsNoCase(t_.substr(s0 - 5, 5), "jdbc:")
                           ? s0 - 5
                           : s0;

  // --- Extent: up to whitespace, a quote or the limit, holes stepped over.
  // A space inside the userinfo, after the user's ':', that is followed by
  // the '@' is kept: it is an unencoded space in the password.
  const size_t a = sep + 3;
  size_t e = a;
  {
    bool in_authority = true, at_seen = false, hole = false;
    size_t first_colon = kNpos;
    while (e < limit) {
      const size_t next = h_.Next(e, limit, &hole);
      if (hole) {
        e = next;
        continue;
      }
      const char c = t_[e];
      if (EndsUrl(t_, e)) {
        if (c == ' ' && in_authority && !at_seen && first_colon != kNpos &&
            !s_.DigitsOrHoles(first_colon + 1, e) && SpaceInPassword(e, limit)) {
          ++e;
          continue;
        }
        break;
      }
      if (in_authority) {
        if (c == '@') at_seen = true;
        if (c == ':' && first_colon == kNpos) first_colon = e;
        if (c == '/' || c == '?' || c == '#') in_authority = false;
      }
      e = next;
    }
  }
  cs.range = Range(start, e);

  // --- Authority. Normally it ends at the first '/', '?' or '#', and the
  // userinfo ends at its last '@' (so "app:p@ss@host" is user "app",
  // password "p@ss", as WHATWG and libpq split it).
  //
  // Heuristic for an unencoded '/', '?' or '#' in the password
  // ("postgres://u:pa/ss@host/db", "postgres://app:p@ss:w/rd@host/db"):
  // when an '@' follows that first delimiter, the delimiter is taken to be
  // inside the password, the authority runs to the first delimiter after
  // that '@', and the userinfo to the last '@' before it. Only when:
  //  - the text before the delimiter has a ':' (user:password) not followed
  //    by a port (only digits or holes: "postgres://h:5432/db@x" is a path);
  //  - the text between the delimiter and the '@' has no '=' or '&' (else the
  //    '@' is in a query value: "postgres://u:pw@h/db?application_name=a@b");
  //  - a host follows the '@'.
  // What it gives up: a database name or fragment holding '@' after a
  // userinfo with a password ("postgres://u:pw@h/my@db") is misread; such
  // names are far rarer than generated passwords holding '/' or '#'.
  size_t auth_end = s_.FindFirst(a, e, "/?#");
  if (auth_end == kNpos) auth_end = e;
  if (auth_end < e) {
    const size_t colon = s_.FindFirst(a, auth_end, ":");
    if (colon != kNpos && !s_.DigitsOrHoles(colon + 1, auth_end)) {
      const size_t p = s_.FindFirst(auth_end, e, "@");
      if (p != kNpos && p + 1 < e && s_.FindFirst(auth_end, p, "=&") == kNpos &&
          s_.FindFirst(p + 1, p + 2, "/?#") == kNpos) {
        const size_t t = s_.FindFirst(p + 1, e, "/?#");
        auth_end = t == kNpos ? e : t;
      }
    }
  }
  const size_t at = s_.FindLast(a, auth_end, '@');

  // --- Userinfo.
  size_t ui_pw_begin = kNpos, ui_pw_end = kNpos;
  PasswordKind ui_pw_kind = PasswordKind::kAbsent;
  if (at != kNpos) {
    const size_t colon = s_.FindFirst(a, at, ":");
    cs.user = s_.MakePart(a, colon == kNpos ? at : colon, true);
    s_.CheckEscapes(cs.user.range.begin, cs.user.range.end, "user name", &cs.problems);
    if (colon != kNpos) {
      ui_pw_begin = colon + 1;
      ui_pw_end = at;
      cs.password = s_.MakePart(ui_pw_begin, ui_pw_end, true);
      ui_pw_kind = ClassifyPassword(cs.password);
    }
  }

  // --- Host and port (the first host of a list "h1:5432,h2:5433").
  const size_t h0 = at == kNpos ? a : at + 1;
  bool host_broken = false;
  if (h0 < auth_end && t_[h0] == '[') {
    const size_t close = s_.FindFirst(h0, auth_end, "]");
    if (close == kNpos) {
      host_broken = true;
      const size_t comma = s_.FindFirst(h0, auth_end, ",");
      cs.host = s_.MakePart(h0, comma == kNpos ? auth_end : comma, true);
      cs.problems.push_back(Problem{ProblemKind::kNoHost, cs.host.range,
                                    "the IPv6 host has no closing ']'"});
    } else {
      cs.host = s_.MakePart(h0, close + 1, true);
      cs.host.value = s_.Decode(h0 + 1, close);
      if (close + 1 < auth_end && t_[close + 1] == ':') {
        const size_t comma = s_.FindFirst(close + 2, auth_end, ",");
        cs.port = s_.MakePart(close + 2, comma == kNpos ? auth_end : comma, true);
      }
    }
  } else {
    size_t seg_end = s_.FindFirst(h0, auth_end, ",");
    if (seg_end == kNpos) seg_end = auth_end;
    const size_t colon = s_.FindFirst(h0, seg_end, ":");
    const bool bare_ipv6 = colon != kNpos && s_.FindFirst(colon + 1, seg_end, ":") != kNpos;
    if (colon == kNpos || bare_ipv6) {
      if (h0 < seg_end) cs.host = s_.MakePart(h0, seg_end, true);
    } else {
      if (h0 < colon) cs.host = s_.MakePart(h0, colon, true);
      cs.port = s_.MakePart(colon + 1, seg_end, true);
    }
  }
  if (!cs.host.present) cs.host.range = Range(h0, h0);  // where a host would go
  if (cs.host.present && !host_broken) {
    s_.CheckEscapes(cs.host.range.begin, cs.host.range.end, "host", &cs.problems);
  }
  const bool authority_port = cs.port.present && !cs.port.raw.empty();

  // --- Path (the database), query, fragment.
  size_t pos = auth_end;
  if (pos < e && t_[pos] == '/') {
    size_t db_end = s_.FindFirst(pos + 1, e, "?#");
    if (db_end == kNpos) db_end = e;
    cs.database = s_.MakePart(pos + 1, db_end, true);
    s_.CheckEscapes(pos + 1, db_end, "database name", &cs.problems);
    pos = db_end;
  }
  size_t pw_param_begin = kNpos, pw_param_end = kNpos;
  if (pos < e && t_[pos] == '?') {
    size_t q_end = s_.FindFirst(pos + 1, e, "#");
    if (q_end == kNpos) q_end = e;
    ParseQuery(pos + 1, q_end, &cs, &pw_param_begin, &pw_param_end);
    cs.param_insert_offset = static_cast<uint32_t>(q_end);
    // "?" alone or a trailing '&': the new parameter needs no separator.
    const char last = t_[q_end - 1];
    cs.param_separator = (last == '?' || last == '&') ? "" : "&";
  } else {
    cs.param_insert_offset = static_cast<uint32_t>(pos < e && t_[pos] == '#' ? pos : e);
    cs.param_separator = "?";
  }

  // --- Query parameters that libpq applies over the authority (the later
  // setting of a keyword wins, and the query comes after the authority).
  if (const Param* p = cs.FindParam("user")) {
    cs.user = s_.MakePart(p->value_range.begin, p->value_range.end, true);
  }
  if (pw_param_begin != kNpos) cs.password = s_.MakePart(pw_param_begin, pw_param_end, true);
  if (const Param* p = cs.FindParam("dbname")) {
    cs.database = s_.MakePart(p->value_range.begin, p->value_range.end, true);
  }
  if (const Param* p = cs.FindParam("port")) cs.port = FirstOfList(p->value_range.begin, p->value_range.end);
  const Param* host_param = cs.FindParam("host");
  if (host_param == nullptr && !cs.host.present) host_param = cs.FindParam("hostaddr");
  if (host_param != nullptr) {
    cs.host = FirstOfList(host_param->value_range.begin, host_param->value_range.end);
    host_broken = false;
  }
  CheckPort(cs.port, &cs.problems);

  // --- Host kind. An empty host is valid libpq: it connects to the default
  // unix socket ("postgres:///db", "postgres://u:pw@/db"), so it is loopback
  // and no problem. But a port with no host ("postgres://:5432/db",
  // "postgres://u:pw@:5432/db") says a TCP server was meant and its name is
  // missing: the typical result of a template whose host variable came out
  // empty, and a URL Prisma and the WHATWG URL parser reject outright. That
  // is kNoHost, as is an unterminated "[" (reported above).
  if (host_broken) {
    cs.host_kind = HostKind::kUnknown;
  } else if (!cs.host.present || (cs.host.value.empty() && !cs.host.has_holes)) {
    if (authority_port && !cs.host.present) {
      cs.host_kind = HostKind::kUnknown;
      cs.problems.push_back(Problem{ProblemKind::kNoHost, cs.port.range,
                                    "the URL has a port but no host name"});
    } else {
      cs.host_kind = HostKind::kLoopback;
    }
  } else {
    SetHostKind(&cs);
  }

  cs.password_kind = ClassifyPassword(cs.password);

  // --- Reserved characters in the userinfo password (not in holes). A
  // placeholder ("[password]") is not a real password and is not reported.
  if (ui_pw_begin != kNpos) {
    if (ui_pw_kind != PasswordKind::kPlaceholder) {
      bool hole = false;
      for (size_t i = ui_pw_begin; i < ui_pw_end;) {
        const size_t next = h_.Next(i, ui_pw_end, &hole);
        const char c = t_[i];
        if (!hole && (c == '@' || c == ':' || c == '/' || c == '?' || c == '#' || c == '[' ||
                      c == ']' || c == ' ' || s_.BadEscapeAt(i, ui_pw_end))) {
          cs.unencoded_password_chars.push_back(UnencodedChar{c, static_cast<uint32_t>(i)});
        }
        i = next;
      }
    }
  }

  *out = std::move(cs);
  *end = e;
  return true;
}

void UrlParser::ParseQuery(size_t from, size_t to, ConnectionString* cs, size_t* pw_begin,
                           size_t* pw_end) {
  size_t i = from;
  while (i < to) {
    size_t amp = s_.FindFirst(i, to, "&");
    if (amp == kNpos) amp = to;
    if (amp > i) {  // empty segments ("&&", a trailing '&') are ignored
      const size_t eq = s_.FindFirst(i, amp, "=");
      const size_t key_end = eq == kNpos ? amp : eq;
      const size_t val_begin = eq == kNpos ? amp : eq + 1;
      std::string key = s_.Decode(i, key_end);
      if (key_end == i) {
        cs->problems.push_back(Problem{ProblemKind::kEmptyParamKey, Range(i, amp),
                                       "a query parameter has a value but no name"});
      }
      s_.CheckEscapes(i, key_end, "query parameter name", &cs->problems);
      if (key == "password") {
        // The password lives in the password Part only, never in `params`.
        *pw_begin = val_begin;
        *pw_end = amp;
        s_.CheckEscapes(val_begin, amp, "password", &cs->problems);
      } else {
        s_.CheckEscapes(val_begin, amp, "value of a query parameter", &cs->problems);
        Param p;
        p.key = std::move(key);
        p.value = s_.Decode(val_begin, amp);
        p.key_range = Range(i, key_end);
        p.value_range = Range(val_begin, amp);
        p.value_has_holes = s_.HasHoles(val_begin, amp);
        cs->params.push_back(std::move(p));
      }
    }
    i = amp + 1;
  }
}

// ---------------------------------------------------------------------------
// libpq keyword/value conninfo: `keyword = value` pairs separated by
// whitespace; a value is unquoted (up to whitespace) or single-quoted; a
// backslash escapes the next character in both.

bool IsConninfoKeyword(std::string_view k) {
  return InList(k, {"host", "hostaddr", "port", "dbname", "user", "password", "passfile",
                    "require_auth", "channel_binding", "connect_timeout", "client_encoding",
                    "options", "application_name", "fallback_application_name", "keepalives",
                    "keepalives_idle", "keepalives_interval", "keepalives_count",
                    "tcp_user_timeout", "replication", "gssencmode", "sslmode", "requiressl",
                    "sslnegotiation", "sslcompression", "sslcert", "sslkey", "sslkeylogfile",
                    "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
                    "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version",
                    "min_protocol_version", "max_protocol_version", "krbsrvname", "gsslib",
                    "gssdelegation", "service", "target_session_attrs", "load_balance_hosts",
                    "oauth_issuer", "oauth_client_id", "oauth_client_secret", "oauth_scope"});
}

struct ConninfoPair {
  size_t key_begin, key_end, val_begin, val_end;
  bool quoted;
  std::string value;  // quotes and escapes removed; holes kept as written
};

// A Part from a pair: raw is the value as written (quotes included), value
// the decoded text. For host and port, only the first of a list "h1,h2".
Part ConninfoPart(const Scan& s, const ConninfoPair& p, bool first_of_list) {
  Part part;
  part.present = true;
  part.value = p.value;
  size_t end = p.val_end;
  if (first_of_list) {
    const size_t comma = p.value.find(',');
    if (comma != std::string::npos) {
      part.value.resize(comma);
      // The raw text is cut at the comma too when it maps 1:1 onto the
      // value (unquoted, no backslash); otherwise raw stays whole.
      if (!p.quoted && s.text.substr(p.val_begin, comma) == part.value) end = p.val_begin + comma;
    }
  }
  part.range = Range(p.val_begin, end);
  part.raw = std::string(s.text.substr(p.val_begin, end - p.val_begin));
  part.has_holes = s.HasHoles(p.val_begin, end);
  return part;
}

// Messages here quote no text at all: with an unquoted password holding a
// space ("password=a b"), the "keyword" after the space is the password's tail.
std::optional<ConnectionString> ParseConninfo(std::string_view t, const HoleFinder& h) {
  const Scan s{t, h};
  ConnectionString cs;
  cs.syntax = Syntax::kConninfo;
  cs.scheme_kind = SchemeKind::kPostgres;
  bool known = false, first = true, hole = false;
  size_t begin = 0, last_end = 0;
  ConninfoPair p;
  std::optional<ConninfoPair> hostaddr;
  const size_t n = t.size();
  size_t i = 0;
  while (true) {
    while (i < n && IsSpace(t[i])) ++i;
    if (i >= n) break;
    const size_t kb = i;
    while (i < n && t[i] != '=' && !IsSpace(t[i])) i = h.Next(i, n, &hole);
    const size_t ke = i;
    size_t j = i;
    while (j < n && IsSpace(t[j])) ++j;
    if (j >= n || t[j] != '=') {
      if (first) return std::nullopt;  // prose, SQL, ...: not conninfo
      cs.problems.push_back(Problem{ProblemKind::kMissingEquals, Range(kb, ke),
                                    "a word of the conninfo string is not a keyword=value "
                                    "pair (values with spaces must be single-quoted)"});
      last_end = ke;
      continue;
    }
    // libpq skips whitespace on both sides of '='.
    i = j + 1;
    while (i < n && IsSpace(t[i])) ++i;
    p.key_begin = kb;
    p.key_end = ke;
    p.val_begin = i;
    p.quoted = i < n && t[i] == '\'';
    p.value.clear();
    if (p.quoted) {
      ++i;
      bool closed = false;
      while (i < n) {
        const size_t next = h.Next(i, n, &hole);
        if (hole) {
          p.value.append(t.substr(i, next - i));
          i = next;
        } else if (t[i] == '\\' && i + 1 < n) {
          p.value.push_back(t[i + 1]);
          i += 2;
        } else if (t[i] == '\'') {
          ++i;
          closed = true;
          break;
        } else {
          p.value.push_back(t[i++]);
        }
      }
      if (!closed) {
        cs.problems.push_back(Problem{ProblemKind::kUnterminatedQuote, Range(p.val_begin, n),
                                      "a quoted conninfo value has no closing quote"});
      }
    } else {
      while (i < n && !IsSpace(t[i])) {
        const size_t next = h.Next(i, n, &hole);
        if (!hole && t[i] == '\\' && i + 1 < n) {
          p.value.push_back(t[i + 1]);
          i += 2;
        } else {
          p.value.append(t.substr(i, next - i));
          i = next;
        }
      }
    }
    p.val_end = i;
    const std::string_view key = t.substr(kb, ke - kb);
    if (first) {
      if (key.empty()) return std::nullopt;
      // "user=bob&password=x" is a form body or a query string, not conninfo.
      if (!p.quoted && i == n) {
        const size_t amp = p.value.find('&');
        if (amp != std::string::npos && p.value.find('=', amp) != std::string::npos) {
          return std::nullopt;
        }
      }
      begin = kb;
      first = false;
    }
    known = known || IsConninfoKeyword(key);
    last_end = i;
    if (key.empty()) {
      cs.problems.push_back(Problem{ProblemKind::kEmptyParamKey, Range(kb, i),
                                    "a conninfo value has no keyword before its '='"});
    }
    // Later settings override earlier ones, as in libpq.
    if (key == "password") {
      cs.password = ConninfoPart(s, p, false);
      continue;  // the password lives in its Part only, never in `params`
    }
    if (key == "host") cs.host = ConninfoPart(s, p, true);
    if (key == "hostaddr") hostaddr = p;
    if (key == "port") cs.port = ConninfoPart(s, p, true);
    if (key == "dbname") cs.database = ConninfoPart(s, p, false);
    if (key == "user") cs.user = ConninfoPart(s, p, false);
    Param param;
    param.key = std::string(key);
    param.value = p.value;
    param.key_range = Range(kb, ke);
    param.value_range = Range(p.val_begin, p.val_end);
    param.value_has_holes = s.HasHoles(p.val_begin, p.val_end);
    cs.params.push_back(std::move(param));
  }
  // A conninfo string needs at least one keyword libpq knows.
  if (!known) return std::nullopt;

  cs.range = Range(begin, last_end);
  cs.param_insert_offset = static_cast<uint32_t>(last_end);
  cs.param_separator = " ";
  if (!cs.host.present && hostaddr) cs.host = ConninfoPart(s, *hostaddr, true);
  CheckPort(cs.port, &cs.problems);
  // No host keyword: libpq takes PGHOST from the environment, else the
  // default socket; a conninfo fragment in code usually gets its host that
  // way, so the host is unknown (not loopback, unlike an empty URL authority).
  if (cs.host.present) {
    SetHostKind(&cs);
  } else {
    cs.host_kind = HostKind::kUnknown;
  }
  cs.password_kind = ClassifyPassword(cs.password);
  return cs;
}

}  // namespace

// ---------------------------------------------------------------------------

const Param* ConnectionString::FindParam(std::string_view key) const {
  // A repeated key: the last one wins, as in libpq.
  for (auto it = params.rbegin(); it != params.rend(); ++it) {
    if (it->key == key) return &*it;
  }
  return nullptr;
}

bool ConnectionString::IsRemote() const {
  switch (host_kind) {
    case HostKind::kRdsInstance:
    case HostKind::kAuroraCluster:
    case HostKind::kAuroraReader:
    case HostKind::kAuroraCustom:
    case HostKind::kRdsProxy:
    case HostKind::kOther:
      return true;
    case HostKind::kUnknown:
    case HostKind::kLoopback:
    case HostKind::kComposeService:
      return false;
  }
  return false;
}

bool ConnectionString::IsRdsDirect() const {
  return host_kind == HostKind::kRdsInstance || host_kind == HostKind::kAuroraCluster ||
         host_kind == HostKind::kAuroraReader || host_kind == HostKind::kAuroraCustom;
}

std::optional<ConnectionString> Analyze(std::string_view text, const AnalyzeOptions& options) {
  if (text.size() >= UINT32_MAX) return std::nullopt;
  const HoleFinder holes(text, options.holes);
  UrlParser parser(text, holes);
  bool any_separator = false;
  for (size_t sep = text.find("://"); sep != kNpos; sep = text.find("://", sep + 3)) {
    any_separator = true;
    ConnectionString cs;
    size_t end = 0;
    if (parser.Parse(sep, 0, &cs, &end)) return cs;
  }
  // A conninfo string is the whole text, and never holds "://".
  if (any_separator || text.find('=') == kNpos) return std::nullopt;
  return ParseConninfo(text, holes);
}

std::vector<ConnectionString> FindAll(std::string_view text, const AnalyzeOptions& options) {
  std::vector<ConnectionString> all;
  if (text.size() >= UINT32_MAX) return all;
  const HoleFinder holes(text, options.holes);
  UrlParser parser(text, holes);
  bool any_separator = false;
  size_t min_start = 0;
  for (size_t sep = text.find("://"); sep != kNpos;) {
    any_separator = true;
    ConnectionString cs;
    size_t end = 0;
    if (parser.Parse(sep, min_start, &cs, &end)) {
      all.push_back(std::move(cs));
      min_start = end;
      sep = text.find("://", std::max(end, sep + 3));
    } else {
      sep = text.find("://", sep + 3);
    }
  }
  if (!any_separator && text.find('=') != kNpos) {
    if (auto cs = ParseConninfo(text, holes)) all.push_back(std::move(*cs));
  }
  return all;
}

std::string PercentEncode(char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto u = static_cast<unsigned char>(c);
  return std::string{'%', kHex[u >> 4], kHex[u & 15]};
}

std::string_view HostKindName(HostKind kind) {
  switch (kind) {
    case HostKind::kUnknown: return "unknown";
    case HostKind::kRdsInstance: return "rds-instance";
    case HostKind::kAuroraCluster: return "aurora-cluster";
    case HostKind::kAuroraReader: return "aurora-reader";
    case HostKind::kAuroraCustom: return "aurora-custom";
    case HostKind::kRdsProxy: return "rds-proxy";
    case HostKind::kLoopback: return "loopback";
    case HostKind::kComposeService: return "compose-service";
    case HostKind::kOther: return "other";
  }
  return "unknown";
}

std::string_view HostKindPhrase(HostKind kind) {
  switch (kind) {
    case HostKind::kRdsInstance: return "an RDS instance endpoint";
    case HostKind::kAuroraCluster: return "an Aurora cluster (writer) endpoint";
    case HostKind::kAuroraReader: return "an Aurora reader endpoint";
    case HostKind::kAuroraCustom: return "an Aurora custom endpoint";
    case HostKind::kRdsProxy: return "an RDS Proxy endpoint";
    default: return "a database endpoint";
  }
}

}  // namespace rdslint::url
