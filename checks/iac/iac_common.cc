#include "checks/iac/iac_common.h"

#include <cstdlib>

namespace rdslint::iacrules {
namespace {

char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

const iac::Segment* SegmentHolding(const Value& v, uint32_t offset) {
  for (const iac::Segment& s : v.segments) {
    if (s.begin <= offset && offset < s.end) return &s;
  }
  return nullptr;
}

Origin At(const iac::Segment& s, uint32_t begin, uint32_t end) {
  Origin o = s.origin;
  if (s.verbatim) {
    o.range = SourceRange{s.origin.range.begin + (begin - s.begin),
                          s.origin.range.begin + (end - s.begin)};
  }
  return o;
}

bool GlobMatch(std::string_view p, std::string_view s) {
  // Iterative matching with one backtrack point: linear enough for the
  // short patterns of IAM actions.
  size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || LowerChar(p[pi]) == LowerChar(s[si]))) {
      ++pi;
      ++si;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

}  // namespace

bool IsAbsent(const Value& v) {
  if (v.kind == Value::Kind::kNull) return true;
  return v.kind == Value::Kind::kUnknown && v.text.empty() && v.references.empty() &&
         !v.origin.known();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerChar(c);
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerChar(a[i]) != LowerChar(b[i])) return false;
  }
  return true;
}

std::optional<bool> Truth(const Value& v) {
  if (v.kind == Value::Kind::kBool) return v.boolean;
  if (v.is_literal_string()) {
    if (IEquals(v.text, "true")) return true;
    if (IEquals(v.text, "false")) return false;
  }
  return std::nullopt;
}

std::optional<std::string> Literal(const Value& v) {
  if (v.is_literal_string()) return v.text;
  return std::nullopt;
}

std::optional<long> Number(const Value& v) {
  if (v.kind != Value::Kind::kNumber && !v.is_literal_string()) return std::nullopt;
  const std::string& t = v.text;
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(t.c_str(), &end);
  if (!end || *end != '\0' || d != static_cast<double>(static_cast<long>(d))) return std::nullopt;
  return static_cast<long>(d);
}

std::optional<Origin> MapRange(const Value& v, uint32_t begin, uint32_t end) {
  if (begin > end || end > v.text.size()) return std::nullopt;
  if (begin == end) {
    // An insertion point: the end of the segment before it, else the start
    // of the one after it.
    for (const iac::Segment& s : v.segments) {
      if (s.verbatim && s.begin < begin && begin <= s.end) return At(s, begin, begin);
    }
    for (const iac::Segment& s : v.segments) {
      if (s.verbatim && s.begin == begin) return At(s, begin, begin);
    }
    return std::nullopt;
  }
  if (std::optional<Origin> o = v.OriginOf(begin, end)) return o;
  const iac::Segment* first = SegmentHolding(v, begin);
  const iac::Segment* last = SegmentHolding(v, end - 1);
  if (!first || !last || first->origin.file != last->origin.file) return std::nullopt;
  const Origin a = At(*first, begin, first->verbatim ? begin + 1 : begin);
  const Origin b = At(*last, last->verbatim ? end - 1 : end, end);
  if (b.range.end < a.range.begin) return std::nullopt;
  return Origin{a.file, SourceRange{a.range.begin, b.range.end}};
}

Origin WhereWritten(const Value& v) {
  if (v.kind == Value::Kind::kString && !v.text.empty()) {
    if (std::optional<Origin> o = MapRange(v, 0, static_cast<uint32_t>(v.text.size()))) return *o;
  }
  return v.origin;
}

bool WrittenInPlace(const Value& v) { return v.via.empty() && !Elsewhere(v, WhereWritten(v)); }

std::string Through(const Value& v) {
  std::string out;
  for (const std::string& via : v.via) {
    // AWS::Region and friends say nothing about where a value was written.
    if (via.rfind("pseudo parameter", 0) == 0) continue;
    out += out.empty() ? ", set through " : ", then ";
    out += via;
  }
  return out;
}

bool Elsewhere(const Value& v, const Origin& where) {
  return where.file != v.origin.file || where.range.begin < v.origin.range.begin ||
         where.range.end > v.origin.range.end;
}

const iac::Hole* HoleIn(const Value& v, uint32_t begin, uint32_t end) {
  for (const iac::Hole& h : v.holes) {
    if (begin == end ? (h.begin <= begin && begin < h.end) : (h.begin < end && begin < h.end)) {
      return &h;
    }
  }
  return nullptr;
}

const Node* HoleTarget(const Graph& g, const iac::Hole& h) {
  return h.reference ? g.Resolve(*h.reference) : nullptr;
}

std::string NodeName(const Node& n) {
  if (!n.construct_path.empty()) return n.construct_path;
  return LogicalId(n);
}

std::string LogicalId(const Node& n) {
  const size_t hash = n.id.find('#');
  return hash == std::string::npos ? n.id : n.id.substr(hash + 1);
}

bool IsTerraform(const Node& n) { return n.flavor == iac::Flavor::kTerraform; }

bool IsServerlessFunction(const Node& n) {
  return n.flavor == iac::Flavor::kServerless && n.id.find("#functions.") != std::string::npos;
}

std::string_view AttrName(const Node& n, std::string_view tf, std::string_view cfn) {
  return IsTerraform(n) ? tf : cfn;
}

std::string EnvName(const Function& f, const iac::EnvVar& e) {
  return e.name + " in the environment of " + NodeName(f);
}

bool IsPostgres(const Database& d) {
  std::optional<std::string> e = Literal(d.engine);
  if (!e) return false;
  const std::string engine = Lower(*e);
  return engine == "postgres" || engine == "aurora-postgresql";
}

bool IsAurora(const Database& d) {
  std::optional<std::string> e = Literal(d.engine);
  return e && Lower(*e) == "aurora-postgresql";
}

bool IsClusterMember(const Database& d) { return !d.cluster && !IsAbsent(d.cluster_identifier); }

bool MaybePostgresProxy(const iac::Proxy& p) {
  std::optional<std::string> family = Literal(p.engine_family);
  return !family || IEquals(*family, "POSTGRESQL");
}

bool ProxyFronts(const Graph& g, const iac::Proxy& p, std::string_view db_id, bool* unresolved) {
  bool fronts = false;
  for (const iac::Reference& t : p.targets) {
    if (t.node.empty() || !g.Find(t.node)) {
      if (unresolved) *unresolved = true;
    } else if (t.node == db_id) {
      fronts = true;
    }
  }
  return fronts;
}

bool IsHostAttribute(std::string_view attribute) {
  const std::string a = Lower(attribute);
  return a == "address" || a == "endpoint" || a == "reader_endpoint" || a == "endpoint.address" ||
         a == "readendpoint.address";
}

std::vector<OwnedStatement> AllStatements(const Graph& g) {
  std::vector<OwnedStatement> out;
  std::set<std::tuple<std::string, uint32_t, uint32_t>> seen;
  auto add = [&](const iac::Statement& s, const Node& owner) {
    if (s.origin.known() &&
        !seen.emplace(s.origin.file, s.origin.range.begin, s.origin.range.end).second) {
      return;
    }
    out.push_back(OwnedStatement{&s, &owner});
  };
  // Policies first: a statement is named after the policy it is written in.
  for (const iac::Policy& p : g.policies) {
    for (const iac::Statement& s : p.statements) add(s, p);
  }
  for (const iac::Role& r : g.roles) {
    for (const iac::Statement& s : r.statements) add(s, r);
  }
  return out;
}

bool IsAllow(const iac::Statement& s) { return IEquals(s.effect, "Allow"); }

bool ActionMatches(std::string_view pattern, std::string_view action) {
  return GlobMatch(pattern, action);
}

std::string OwnerName(const Node& owner) {
  const bool policy = owner.type.find("olicy") != std::string::npos;
  return std::string(policy ? "the policy " : "the role ") + NodeName(owner);
}

std::optional<ArnParts> SplitArn(const Value& v) {
  if (v.kind != Value::Kind::kString || v.text.compare(0, 4, "arn:") != 0 ||
      !IsLiteralPart(v, SourceRange{0, 4})) {
    return std::nullopt;
  }
  ArnParts a;
  uint32_t start = 0;
  int n = 0;
  for (uint32_t i = 0; i < v.text.size() && n < 5; ++i) {
    if (v.text[i] != ':' || HoleIn(v, i, i + 1)) continue;
    a.part[n++] = SourceRange{start, i};
    start = i + 1;
  }
  if (n < 5) return std::nullopt;
  a.part[5] = SourceRange{start, static_cast<uint32_t>(v.text.size())};
  return a;
}

bool IsLiteralPart(const Value& v, SourceRange r) {
  for (const iac::Hole& h : v.holes) {
    if (h.begin < r.end && r.begin < h.end) return false;
  }
  return true;
}

std::vector<url::ConnectionString> UrlsIn(const Value& v) {
  if (v.kind != Value::Kind::kString || v.text.empty()) return {};
  url::AnalyzeOptions options;
  for (const iac::Hole& h : v.holes) options.holes.push_back(SourceRange{h.begin, h.end});
  return url::FindAll(v.text, options);
}

const Node* HostTarget(const Graph& g, const Value& v, const url::ConnectionString& c) {
  if (!c.host.present || !c.host.has_holes) return nullptr;
  const iac::Hole* h = HoleIn(v, c.host.range.begin, c.host.range.end);
  if (!h) return nullptr;
  const Node* n = HoleTarget(g, *h);
  if (!n) return nullptr;
  if (g.FindDatabase(n->id)) return n;
  for (const iac::Proxy& p : g.proxies) {
    if (p.id == n->id) return n;
  }
  return nullptr;
}

Origin WherePart(const Value& v, SourceRange part) {
  if (const iac::Hole* h = HoleIn(v, part.begin, part.end);
      h && h->reference && h->reference->origin.known()) {
    return h->reference->origin;
  }
  if (std::optional<Origin> o = MapRange(v, part.begin, part.end)) return *o;
  return WhereWritten(v);
}

Finding* Reporter::Report(const Origin& where, std::string message) {
  return Report(where, std::move(message), ctx_.rule().severity);
}

Finding* Reporter::Report(const Origin& where, std::string message, Severity severity) {
  if (!where.known()) return nullptr;
  if (!seen_.emplace(where.file, where.range.begin, where.range.end).second) return nullptr;
  return &ctx_.ReportAt(where.file, where.range, std::move(message), severity);
}

}  // namespace rdslint::iacrules
