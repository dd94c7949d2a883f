// Terraform's builtin functions that matter to the rules, evaluated where
// their arguments are known. A function rdslint does not evaluate returns
// an unknown that keeps what its arguments referenced; an argument Terraform
// would reject is an evaluation error (try() moves on).
#include <re2/re2.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "frontend/hcl/hcl_parser.h"
#include "frontend/iac/terraform_eval.h"
#include "frontend/json/positioned_json.h"

namespace rdslint::iac::tf {
namespace {

using Kind = Value::Kind;

constexpr size_t kMaxReadFile = 10 << 20;

bool IsCollection(const Value& v) { return v.kind == Kind::kList || v.kind == Kind::kMap; }

std::vector<const Value*> Ptrs(const std::vector<Value>& args) {
  std::vector<const Value*> out;
  for (const Value& a : args) out.push_back(&a);
  return out;
}

// Go's encoding/json, which jsonencode uses: HTML-sensitive characters and
// the JavaScript line separators are escaped too.
std::string JsonEscape(unsigned char c, std::string_view rest) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '<': return "\\u003c";
    case '>': return "\\u003e";
    case '&': return "\\u0026";
    default: break;
  }
  if (c < 0x20) {
    char buf[8];
    snprintf(buf, sizeof buf, "\\u%04x", c);
    return buf;
  }
  if (c == 0xE2 && rest.size() >= 2 && static_cast<unsigned char>(rest[0]) == 0x80 &&
      (static_cast<unsigned char>(rest[1]) == 0xA8 || static_cast<unsigned char>(rest[1]) == 0xA9)) {
    return static_cast<unsigned char>(rest[1]) == 0xA8 ? "\\u2028" : "\\u2029";
  }
  return "";
}

void EncodeString(const Value& v, StringBuilder* b) {
  b->Synthetic("\"", v.origin);
  const std::string& s = v.text;
  size_t hole = 0;
  uint32_t run = 0;
  uint32_t i = 0;
  const uint32_t n = static_cast<uint32_t>(s.size());
  while (i < n) {
    while (hole < v.holes.size() && v.holes[hole].end <= i) ++hole;
    if (hole < v.holes.size() && v.holes[hole].begin == i) {
      // A hole stays whole: its text is not JSON, it is a stand-in.
      b->AppendSlice(v, run, i);
      b->AppendSlice(v, i, v.holes[hole].end);
      i = v.holes[hole].end;
      run = i;
      continue;
    }
    std::string esc = JsonEscape(static_cast<unsigned char>(s[i]), std::string_view(s).substr(i + 1));
    if (esc.empty()) {
      ++i;
      continue;
    }
    b->AppendSlice(v, run, i);
    uint32_t len = esc.size() == 6 && (esc == "\\u2028" || esc == "\\u2029") ? 3 : 1;
    std::optional<Origin> o = MapRange(v, i, i + len);
    b->Synthetic(esc, o ? *o : v.origin);
    i += len;
    run = i;
  }
  b->AppendSlice(v, run, n);
  b->Synthetic("\"", v.origin);
}

void Encode(const Value& v, StringBuilder* b) {
  switch (v.kind) {
    case Kind::kNull: b->Synthetic("null", v.origin); return;
    case Kind::kBool: b->Synthetic(v.boolean ? "true" : "false", v.origin); return;
    case Kind::kNumber: {
      auto n = AsNumber(v);
      b->Synthetic(n ? FormatNumber(*n) : v.text, v.origin);
      return;
    }
    case Kind::kString: EncodeString(v, b); return;
    case Kind::kList:
      b->Synthetic("[", v.origin);
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) b->Synthetic(",", v.origin);
        Encode(v.items[i], b);
      }
      b->Synthetic("]", v.origin);
      return;
    case Kind::kMap: {
      // Object attributes and map keys come out sorted, as cty orders them.
      std::vector<const std::pair<std::string, Value>*> sorted;
      for (const auto& e : v.entries) sorted.push_back(&e);
      std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* c) { return a->first < c->first; });
      b->Synthetic("{", v.origin);
      for (size_t i = 0; i < sorted.size(); ++i) {
        if (i) b->Synthetic(",", v.origin);
        Value key = MakeSyntheticString(sorted[i]->first, v.origin);
        EncodeString(key, b);
        b->Synthetic(":", v.origin);
        Encode(sorted[i]->second, b);
      }
      b->Synthetic("}", v.origin);
      return;
    }
    case Kind::kUnknown:
      b->Hole("${" + (v.text.empty() ? std::string("...") : v.text) + "}", v.origin, v);
      return;
  }
}

// A copy of a string with its bytes changed in place (lower, upper): the
// segments still say where each byte came from, but no longer verbatim.
Value Transformed(const Value& s, std::string text, const Origin& origin) {
  Value out = s;
  out.text = std::move(text);
  for (Segment& seg : out.segments) seg.verbatim = false;
  out.origin = origin;
  return out;
}

// Go's url.QueryEscape.
std::string QueryEscape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      char buf[4];
      snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

size_t RuneCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void Flatten(const Value& v, Value* out) {
  for (const Value& i : v.items) {
    if (i.kind == Kind::kList) {
      Flatten(i, out);
    } else {
      out->items.push_back(i);
    }
  }
}

// Go's regexp replacement syntax ($1, ${1}) in RE2's (\1); named groups are
// not translated.
std::optional<std::string> GoReplacement(std::string_view r) {
  std::string out;
  for (size_t i = 0; i < r.size(); ++i) {
    char c = r[i];
    if (c == '\\') {
      out += "\\\\";
      continue;
    }
    if (c != '$') {
      out.push_back(c);
      continue;
    }
    if (i + 1 < r.size() && r[i + 1] == '$') {
      out.push_back('$');
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool braced = j < r.size() && r[j] == '{';
    if (braced) ++j;
    size_t start = j;
    while (j < r.size() && isdigit(static_cast<unsigned char>(r[j]))) ++j;
    if (j == start || j - start > 1) return std::nullopt;
    if (braced) {
      if (j >= r.size() || r[j] != '}') return std::nullopt;
      ++j;
    }
    out += "\\";
    out += r.substr(start, 1);
    i = j - 1;
  }
  return out;
}

}  // namespace

Value Evaluator::CallBuiltin(const std::string& name, std::vector<Value>& args, const hcl::Expression& call,
                             Ctx& ctx) {
  const Origin origin = At(ctx, call.range);
  const std::string text = SourceText(ctx, call.range);
  auto fail = [&]() { return Fail(text, origin, Ptrs(args)); };
  auto unknown = [&]() { return UnknownFrom(text, origin, Ptrs(args)); };
  auto with_provenance = [&](Value v) {
    for (const Value& a : args) AddProvenance(&v, a);
    v.origin = origin;
    return v;
  };
  auto all_known = [&](size_t from = 0) {
    for (size_t i = from; i < args.size(); ++i) {
      if (!IsWhollyKnown(args[i])) return false;
    }
    return true;
  };
  auto arity = [&](size_t min, size_t max) { return args.size() >= min && args.size() <= max; };

  // Identity and conversions.
  if (name == "sensitive" || name == "nonsensitive" || name == "tolist" || name == "toset" || name == "tomap" ||
      name == "type" || name == "ephemeralasnull") {
    if (!arity(1, 1)) return fail();
    if (name == "ephemeralasnull") return with_provenance(MakeNull(origin));
    if (name == "toset" && args[0].kind == Kind::kList) {
      Value out = args[0];
      out.items.clear();
      for (const Value& i : args[0].items) {
        bool dup = false;
        for (const Value& o : out.items) dup = dup || (IsWhollyKnown(i) && IsWhollyKnown(o) && SameValue(i, o));
        if (!dup) out.items.push_back(i);
      }
      return with_provenance(std::move(out));
    }
    return with_provenance(args[0]);
  }
  if (name == "tostring") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind == Kind::kString || args[0].kind == Kind::kNull || args[0].kind == Kind::kUnknown) {
      return with_provenance(args[0]);
    }
    if (IsCollection(args[0])) return fail();
    Value s = MakeSyntheticString(*AsPlainString(args[0]), args[0].origin);
    return with_provenance(std::move(s));
  }
  if (name == "tonumber") {
    if (!arity(1, 1)) return fail();
    if (!IsKnown(args[0])) return unknown();
    if (args[0].kind == Kind::kNull) return with_provenance(args[0]);
    auto n = AsNumber(args[0]);
    if (!n) return fail();
    return with_provenance(MakeNumber(*n, origin));
  }
  if (name == "tobool") {
    if (!arity(1, 1)) return fail();
    if (!IsKnown(args[0])) return unknown();
    const Value& v = args[0];
    if (v.kind == Kind::kBool || v.kind == Kind::kNull) return with_provenance(v);
    if (v.kind == Kind::kString && (v.text == "true" || v.text == "false")) {
      return with_provenance(MakeBool(v.text == "true", origin));
    }
    return fail();
  }

  if (name == "jsonencode") {
    if (!arity(1, 1)) return fail();
    StringBuilder b;
    Encode(args[0], &b);
    Value out = b.Finish(origin);
    if (out.kind == Kind::kString) out.encoded.push_back(args[0]);
    return with_provenance(std::move(out));
  }
  if (name == "jsondecode") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind != Kind::kString) return IsKnown(args[0]) ? fail() : unknown();
    if (!args[0].encoded.empty()) return with_provenance(args[0].encoded.front());
    if (!args[0].holes.empty()) return unknown();
    json::ParseResult j = json::ParseJson(args[0].text);
    if (!j.ok()) return fail();
    return with_provenance(FromJson(j.value, args[0]));
  }

  if (name == "format") {
    if (args.empty() || args[0].kind != Kind::kString) return args.empty() || IsKnown(args[0]) ? fail() : unknown();
    if (!args[0].holes.empty()) return unknown();
    const Value& fmt = args[0];
    StringBuilder b;
    size_t next = 1;
    uint32_t run = 0;
    const std::string& f = fmt.text;
    for (uint32_t i = 0; i < f.size(); ++i) {
      if (f[i] != '%') continue;
      b.AppendSlice(fmt, run, i);
      uint32_t j = i + 1;
      if (j < f.size() && f[j] == '%') {
        b.Synthetic("%", fmt.origin);
        i = j;
        run = j + 1;
        continue;
      }
      std::string spec = "%";
      while (j < f.size() && strchr("+-# 0", f[j])) spec.push_back(f[j++]);
      // Width and precision: up to three digits each (a spec snprintf accepts).
      for (int part = 0; part < 2; ++part) {
        if (part == 1) {
          if (j >= f.size() || f[j] != '.') break;
          spec.push_back(f[j++]);
        }
        for (int d = 0; d < 3 && j < f.size() && isdigit(static_cast<unsigned char>(f[j])); ++d) spec.push_back(f[j++]);
      }
      if (j >= f.size() || next >= args.size()) return fail();
      char verb = f[j];
      const Value& arg = args[next++];
      const bool plain = spec == "%";
      if (!IsKnown(arg) && !(arg.kind == Kind::kString && plain && (verb == 's' || verb == 'v'))) {
        b.Hole("${" + arg.text + "}", arg.origin, arg);
      } else if (verb == 's' || verb == 'v') {
        if (IsCollection(arg) || arg.kind == Kind::kNull) return fail();
        if (plain) {
          b.Append(arg);
        } else {
          std::string s = *AsPlainString(arg);
          char buf[512];
          snprintf(buf, sizeof buf, (spec + "s").c_str(), s.c_str());
          b.Synthetic(buf, arg.origin);
        }
      } else if (verb == 'q') {
        if (arg.kind != Kind::kString) return fail();
        StringBuilder q;
        EncodeString(arg, &q);
        Value quoted = q.Finish(arg.origin);
        b.Append(quoted);
      } else if (verb == 't') {
        if (arg.kind != Kind::kBool) return fail();
        b.Synthetic(arg.boolean ? "true" : "false", arg.origin);
      } else if (strchr("dfeEgGxXob", verb)) {
        auto n = AsNumber(arg);
        if (!n) return fail();
        char buf[512];
        if (strchr("dxXob", verb)) {
          if (verb == 'b') {
            std::string bits;
            long long v = static_cast<long long>(*n);
            for (unsigned long long u = v < 0 ? -v : v; u; u >>= 1) bits.insert(bits.begin(), char('0' + (u & 1)));
            if (bits.empty()) bits = "0";
            b.Synthetic((v < 0 ? "-" : "") + bits, arg.origin);
          } else {
            std::string c = spec + "ll" + (verb == 'd' ? 'd' : verb);
            snprintf(buf, sizeof buf, c.c_str(), static_cast<long long>(*n));
            b.Synthetic(buf, arg.origin);
          }
        } else {
          snprintf(buf, sizeof buf, (spec + verb).c_str(), *n);
          b.Synthetic(buf, arg.origin);
        }
      } else {
        return fail();
      }
      i = j;
      run = j + 1;
    }
    b.AppendSlice(fmt, run, static_cast<uint32_t>(f.size()));
    if (next != args.size()) return fail();  // Terraform: too many arguments
    Value out = b.Finish(origin);
    return with_provenance(std::move(out));
  }

  if (name == "join") {
    if (args.size() < 2 || args[0].kind != Kind::kString) return args.empty() || IsKnown(args[0]) ? fail() : unknown();
    StringBuilder b;
    bool first = true;
    for (size_t a = 1; a < args.size(); ++a) {
      if (args[a].kind != Kind::kList) return IsKnown(args[a]) ? fail() : unknown();
      for (const Value& item : args[a].items) {
        if (!first) b.Append(args[0]);
        first = false;
        if (item.kind == Kind::kNull || IsCollection(item)) return fail();
        b.Append(item);
      }
    }
    return with_provenance(b.Finish(origin));
  }
  if (name == "split") {
    if (!arity(2, 2)) return fail();
    if (!IsKnown(args[0]) || !IsKnown(args[1])) return unknown();
    if (args[0].kind != Kind::kString || args[1].kind != Kind::kString) return fail();
    const std::string& sep = args[0].text;
    const Value& s = args[1];
    Value out;
    out.kind = Kind::kList;
    auto piece = [&](uint32_t b, uint32_t e) {
      StringBuilder sb;
      sb.AppendSlice(s, b, e);
      std::optional<Origin> o = MapRange(s, b, e);
      out.items.push_back(sb.Finish(o ? *o : s.origin));
    };
    if (s.text.empty()) {
      piece(0, 0);
    } else if (sep.empty()) {
      for (uint32_t i = 0; i < s.text.size();) {
        uint32_t len = 1;
        while (i + len < s.text.size() && (static_cast<unsigned char>(s.text[i + len]) & 0xC0) == 0x80) ++len;
        piece(i, i + len);
        i += len;
      }
    } else {
      size_t start = 0;
      for (size_t at = s.text.find(sep); at != std::string::npos; at = s.text.find(sep, start)) {
        piece(static_cast<uint32_t>(start), static_cast<uint32_t>(at));
        start = at + sep.size();
      }
      piece(static_cast<uint32_t>(start), static_cast<uint32_t>(s.text.size()));
    }
    return with_provenance(std::move(out));
  }
  if (name == "element") {
    if (!arity(2, 2)) return fail();
    if (args[0].kind != Kind::kList) return IsKnown(args[0]) ? fail() : unknown();
    auto n = AsNumber(args[1]);
    if (!IsKnown(args[1])) return unknown();
    if (!n || *n < 0 || args[0].items.empty()) return fail();
    size_t i = static_cast<size_t>(*n) % args[0].items.size();
    return with_provenance(args[0].items[i]);
  }
  if (name == "lower" || name == "upper") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind != Kind::kString) return IsKnown(args[0]) ? fail() : unknown();
    if (!args[0].holes.empty()) return unknown();
    std::string t = args[0].text;
    for (char& c : t) {
      if (name == "lower" && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (name == "upper" && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return with_provenance(Transformed(args[0], std::move(t), origin));
  }
  if (name == "replace") {
    if (!arity(3, 3)) return fail();
    for (const Value& a : args) {
      if (a.kind != Kind::kString) return IsKnown(a) ? fail() : unknown();
      if (!a.holes.empty()) return unknown();
    }
    const Value& s = args[0];
    const std::string& sub = args[1].text;
    if (sub.size() >= 2 && sub.front() == '/' && sub.back() == '/') {
      RE2 re(sub.substr(1, sub.size() - 2));
      std::optional<std::string> rewrite = GoReplacement(args[2].text);
      if (!re.ok() || !rewrite) return fail();
      std::string out = s.text;
      RE2::GlobalReplace(&out, re, *rewrite);
      if (out == s.text) return with_provenance(s);
      return with_provenance(MakeSyntheticString(std::move(out), s.origin));
    }
    if (sub.empty()) return with_provenance(s);
    StringBuilder b;
    size_t start = 0;
    for (size_t at = s.text.find(sub); at != std::string::npos; at = s.text.find(sub, start)) {
      b.AppendSlice(s, static_cast<uint32_t>(start), static_cast<uint32_t>(at));
      b.Append(args[2]);
      start = at + sub.size();
    }
    b.AppendSlice(s, static_cast<uint32_t>(start), static_cast<uint32_t>(s.text.size()));
    return with_provenance(b.Finish(origin));
  }
  if (name == "urlencode") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind != Kind::kString) return IsKnown(args[0]) ? fail() : unknown();
    if (!args[0].holes.empty()) return unknown();
    std::optional<Origin> o = MapRange(args[0], 0, static_cast<uint32_t>(args[0].text.size()));
    return with_provenance(MakeSyntheticString(QueryEscape(args[0].text), o ? *o : args[0].origin));
  }
  if (name == "trimspace" || name == "chomp" || name == "trimprefix" || name == "trimsuffix") {
    const bool two = name == "trimprefix" || name == "trimsuffix";
    if (!arity(two ? 2 : 1, two ? 2 : 1)) return fail();
    for (const Value& a : args) {
      if (a.kind != Kind::kString) return IsKnown(a) ? fail() : unknown();
      if (!a.holes.empty()) return unknown();
    }
    const std::string& s = args[0].text;
    uint32_t b = 0, e = static_cast<uint32_t>(s.size());
    if (name == "trimspace") {
      while (b < e && isspace(static_cast<unsigned char>(s[b]))) ++b;
      while (e > b && isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    } else if (name == "chomp") {
      while (e > b && (s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    } else if (name == "trimprefix") {
      if (s.compare(0, args[1].text.size(), args[1].text) == 0) b = static_cast<uint32_t>(args[1].text.size());
    } else if (s.size() >= args[1].text.size() &&
               s.compare(s.size() - args[1].text.size(), args[1].text.size(), args[1].text) == 0) {
      e = static_cast<uint32_t>(s.size() - args[1].text.size());
    }
    StringBuilder sb;
    sb.AppendSlice(args[0], b, e);
    return with_provenance(sb.Finish(origin));
  }
  if (name == "concat") {
    Value out;
    out.kind = Kind::kList;
    for (const Value& a : args) {
      if (a.kind != Kind::kList) return IsKnown(a) ? fail() : unknown();
      out.items.insert(out.items.end(), a.items.begin(), a.items.end());
    }
    return with_provenance(std::move(out));
  }
  if (name == "merge") {
    Value out;
    out.kind = Kind::kMap;
    std::map<std::string, size_t> index;
    for (const Value& a : args) {
      if (a.kind == Kind::kNull) continue;
      if (a.kind != Kind::kMap) return IsKnown(a) ? fail() : unknown();
      for (const auto& [k, v] : a.entries) {
        auto [it, fresh] = index.emplace(k, out.entries.size());
        if (fresh) {
          out.entries.emplace_back(k, v);
        } else {
          out.entries[it->second].second = v;
        }
      }
    }
    return with_provenance(std::move(out));
  }
  if (name == "lookup") {
    if (!arity(2, 3)) return fail();
    if (args[0].kind != Kind::kMap) return IsKnown(args[0]) ? fail() : unknown();
    std::optional<std::string> key = AsPlainString(args[1]);
    if (!IsKnown(args[1])) return unknown();
    if (!key) return fail();
    if (const Value* v = args[0].Get(*key)) return with_provenance(*v);
    if (args.size() == 3) return with_provenance(args[2]);
    return fail();
  }
  if (name == "coalesce") {
    for (const Value& a : args) {
      if (!IsKnown(a)) return unknown();
      if (a.kind == Kind::kNull || (a.kind == Kind::kString && a.text.empty())) continue;
      return with_provenance(a);
    }
    return fail();  // Terraform: no non-null, non-empty-string arguments
  }
  if (name == "coalescelist") {
    for (const Value& a : args) {
      if (a.kind != Kind::kList) return IsKnown(a) ? fail() : unknown();
      if (!a.items.empty()) return with_provenance(a);
    }
    return fail();
  }
  if (name == "length") {
    if (!arity(1, 1)) return fail();
    const Value& v = args[0];
    if (v.kind == Kind::kList) return with_provenance(MakeNumber(static_cast<double>(v.items.size()), origin));
    if (v.kind == Kind::kMap) return with_provenance(MakeNumber(static_cast<double>(v.entries.size()), origin));
    if (v.kind == Kind::kString && v.holes.empty()) {
      return with_provenance(MakeNumber(static_cast<double>(RuneCount(v.text)), origin));
    }
    return IsKnown(v) ? fail() : unknown();
  }
  if (name == "keys" || name == "values") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind != Kind::kMap) return IsKnown(args[0]) ? fail() : unknown();
    std::vector<const std::pair<std::string, Value>*> sorted;
    for (const auto& e : args[0].entries) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    Value out;
    out.kind = Kind::kList;
    for (auto* e : sorted) {
      out.items.push_back(name == "keys" ? MakeSyntheticString(e->first, args[0].origin) : e->second);
    }
    return with_provenance(std::move(out));
  }
  if (name == "contains") {
    if (!arity(2, 2)) return fail();
    if (args[0].kind != Kind::kList) return IsKnown(args[0]) ? fail() : unknown();
    if (!all_known()) return unknown();
    for (const Value& i : args[0].items) {
      if (SameValue(i, args[1])) return with_provenance(MakeBool(true, origin));
    }
    return with_provenance(MakeBool(false, origin));
  }
  if (name == "flatten") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind != Kind::kList) return IsKnown(args[0]) ? fail() : unknown();
    Value out;
    out.kind = Kind::kList;
    Flatten(args[0], &out);
    return with_provenance(std::move(out));
  }
  if (name == "compact") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind != Kind::kList) return IsKnown(args[0]) ? fail() : unknown();
    Value out;
    out.kind = Kind::kList;
    for (const Value& i : args[0].items) {
      if (i.kind == Kind::kNull || (i.kind == Kind::kString && i.text.empty())) continue;
      out.items.push_back(i);
    }
    return with_provenance(std::move(out));
  }
  if (name == "one") {
    if (!arity(1, 1)) return fail();
    if (args[0].kind != Kind::kList) return IsKnown(args[0]) ? fail() : unknown();
    if (args[0].items.empty()) return with_provenance(MakeNull(origin));
    if (args[0].items.size() > 1) return fail();
    return with_provenance(args[0].items[0]);
  }
  if (name == "max" || name == "min" || name == "abs" || name == "ceil" || name == "floor") {
    if (args.empty()) return fail();
    if (!all_known()) return unknown();
    std::vector<double> nums;
    for (const Value& a : args) {
      auto n = AsNumber(a);
      if (!n) return fail();
      nums.push_back(*n);
    }
    double r = nums[0];
    if (name == "max") r = *std::max_element(nums.begin(), nums.end());
    if (name == "min") r = *std::min_element(nums.begin(), nums.end());
    if (name == "abs") r = std::fabs(r);
    if (name == "ceil") r = std::ceil(r);
    if (name == "floor") r = std::floor(r);
    return with_provenance(MakeNumber(r, origin));
  }
  if (name == "range") {
    if (!arity(1, 3)) return fail();
    if (!all_known()) return unknown();
    std::vector<double> n;
    for (const Value& a : args) {
      auto x = AsNumber(a);
      if (!x) return fail();
      n.push_back(*x);
    }
    const double start = n.size() == 1 ? 0 : n[0];
    const double limit = n.size() == 1 ? n[0] : n[1];
    const double step = n.size() == 3 ? n[2] : (limit >= start ? 1 : -1);
    if (step == 0) return fail();
    Value out;
    out.kind = Kind::kList;
    if ((step > 0) != (limit >= start)) return with_provenance(std::move(out));
    for (double v = start; step > 0 ? v < limit : v > limit; v += step) {
      if (out.items.size() >= 1024) return fail();  // Terraform's own limit
      out.items.push_back(MakeNumber(v, origin));
    }
    return with_provenance(std::move(out));
  }
  if (name == "startswith" || name == "endswith" || name == "strcontains") {
    if (!arity(2, 2)) return fail();
    if (!all_known()) return unknown();
    if (args[0].kind != Kind::kString || args[1].kind != Kind::kString) return fail();
    const std::string& s = args[0].text;
    const std::string& p = args[1].text;
    bool r = name == "startswith"  ? s.compare(0, p.size(), p) == 0
             : name == "endswith"  ? s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0
                                   : s.find(p) != std::string::npos;
    return with_provenance(MakeBool(r, origin));
  }
  if (name == "file" || name == "templatefile" || name == "fileexists") {
    return ReadFileFunction(name, args, call, ctx);
  }
  // Not evaluated here (timestamp, uuid, cidrsubnet, ...): unknown, keeping
  // what it was computed from.
  return unknown();
}

Value Evaluator::ReadFileFunction(const std::string& name, std::vector<Value>& args, const hcl::Expression& call,
                                  Ctx& ctx) {
  const Origin origin = At(ctx, call.range);
  const std::string text = SourceText(ctx, call.range);
  if (args.empty() || args[0].kind != Kind::kString || !args[0].holes.empty()) {
    return UnknownFrom(text, origin, Ptrs(args));
  }
  if (!ctx.in || !ctx.in->root) return UnknownFrom(text, origin, Ptrs(args));
  // Relative paths are relative to the root module: Terraform's working
  // directory.
  const std::string abs = JoinPath(ctx.in->root->abs_dir, args[0].text);
  const std::string shown = args[0].text.substr(0, 1) == "/" ? abs : JoinPath(ctx.in->root->dir, args[0].text);
  auto cached = read_files_.find(abs);
  if (cached == read_files_.end()) {
    std::unique_ptr<SourceFile> f;
    struct stat st;
    if (stat(abs.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) <= kMaxReadFile) {
      std::ifstream in(abs, std::ios::binary);
      if (in) {
        std::stringstream ss;
        ss << in.rdbuf();
        f = std::make_unique<SourceFile>();
        f->path = shown;
        f->abs_path = abs;
        f->text = ss.str();
      }
    }
    cached = read_files_.emplace(abs, std::move(f)).first;
  }
  const SourceFile* file = cached->second.get();
  if (name == "fileexists") {
    Value v = MakeBool(file != nullptr, origin);
    AddProvenance(&v, args[0]);
    return v;
  }
  // A file that is not there may be made by the build: unknown, not wrong.
  if (!file) return UnknownFrom(text, origin, Ptrs(args));
  if (name == "file") {
    if (file->text.size() > kMaxStringSize) return UnknownFrom(text, origin, Ptrs(args));
    Value v = MakeString(MappedText::Verbatim(file->text, 0), file->path, origin);
    AddProvenance(&v, args[0]);
    return v;
  }
  // templatefile(path, vars): the file is a template that sees only vars.
  if (args.size() != 2 || args[1].kind != Kind::kMap) return UnknownFrom(text, origin, Ptrs(args));
  auto tpl = templates_.find(abs);
  if (tpl == templates_.end()) {
    hcl::ExpressionResult r = hcl::ParseHclTemplate(MappedText::Verbatim(file->text, 0));
    for (const hcl::Error& e : r.errors) Report(Origin{file->path, e.range}, e.message);
    tpl = templates_.emplace(abs, std::move(r.expr)).first;
  }
  Scope scope;
  for (const auto& [k, v] : args[1].entries) scope.names.emplace_back(k, v);
  Ctx inner{ctx.in, file, &scope, false, true};
  Value v = EvalIn(tpl->second, inner);
  v.origin = origin;
  return v;
}

}  // namespace rdslint::iac::tf
