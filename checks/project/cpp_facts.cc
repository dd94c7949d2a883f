#include "checks/project/cpp_facts.h"

#include <string_view>
#include <utility>

namespace rdslint::project {
namespace {

script::Taint TaintOf(const CppHole& h, uint32_t origin) {
  script::Taint t;
  const std::string_view callee = h.callee;
  if (!h.env_name.empty()) {
    t.sources |= script::Taint::kEnv;
    t.env_name = h.env_name;
  }
  if (callee.find("SecretsManagerClient::GetSecretValue") != std::string_view::npos) {
    t.sources |= script::Taint::kSecret;
  }
  if (callee.find("RDSClient::GenerateConnectAuthToken") != std::string_view::npos) {
    t.sources |= script::Taint::kIamToken;
  }
  if (t.sources & (script::Taint::kSecret | script::Taint::kIamToken)) t.origin = origin;
  return t;
}

script::Setting ArgumentSetting(const std::optional<CppArgument>& a, SourceRange key) {
  script::Setting s;
  if (!a) return s;
  s.present = true;
  s.key = key;
  s.value = CppValue(a->value, a->where);
  return s;
}

}  // namespace

script::ValuePtr CppValue(const CppString& s, SourceRange where) {
  auto v = std::make_shared<script::Value>();
  v->kind = script::Value::Kind::kString;
  v->expr = where;
  v->text = s.text;
  // Bytes rdslint wrote (the quotes and keys of PQconnectdbParams' pairs)
  // are not in the file: a closing quote stands at the end of the value it
  // closes, anything else at the start of what follows, so that a range of
  // the text covers the value as written.
  const size_t n = s.text.size();
  v->offsets.assign(n + 1, where.begin);
  uint32_t next = where.end;
  for (size_t i = n; i-- > 0;) {
    if (s.begin[i] != CppString::kNoSource) next = s.begin[i];
    v->offsets[i] = next;
  }
  for (size_t i = 1; i < n; ++i) {
    if (s.begin[i] == CppString::kNoSource && s.end[i - 1] != CppString::kNoSource && s.end[i - 1] > 0) {
      v->offsets[i] = s.end[i - 1] - 1;
    }
  }
  if (n > 0 && s.end.back() != CppString::kNoSource) v->offsets[n] = s.end.back();
  else v->offsets[n] = where.end;
  for (const CppHole& h : s.holes) {
    script::Hole hole;
    hole.begin = h.in_text.begin;
    hole.end = h.in_text.end;
    hole.expr = h.source.value_or(where);
    hole.name = h.name;
    hole.taint = TaintOf(h, hole.expr.begin);
    v->taint.Merge(hole.taint);
    v->holes.push_back(std::move(hole));
  }
  // Runs of literal bytes spelled one after another in the file: where an
  // edit inside the literal can go (escapes make a byte longer than one).
  bool all_spelled = s.holes.empty();
  for (size_t i = 0; i < s.text.size();) {
    if (s.begin[i] == CppString::kNoSource || s.HoleAt(i)) {
      all_spelled = false;
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < s.text.size() && s.begin[j + 1] == s.end[j] && !s.HoleAt(j + 1)) ++j;
    v->pieces.push_back(script::Piece{static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1), s.end[j]});
    i = j + 1;
  }
  v->from_literal = all_spelled;
  return v;
}

ScriptFacts CppScriptFacts(const CppFile& file, std::string path, std::string abs_path,
                           std::string text) {
  ScriptFacts out;
  out.file = std::move(path);
  out.abs_path = std::move(abs_path);
  out.text = std::move(text);
  script::CodeFacts& facts = out.facts;
  for (const CppEnvRead& r : file.env_reads) facts.env_reads.push_back(script::EnvRead{r.name, r.where});
  for (const CppCredentialCall& c : file.credential_calls) {
    script::CredentialRead r;
    r.iam_token = c.iam_token;
    r.call = c.call;
    r.callee = c.callee;
    r.id = ArgumentSetting(c.id, c.callee);
    r.host = ArgumentSetting(c.host, c.callee);
    facts.reads.push_back(std::move(r));
  }
  for (const CppConnection& c : file.connections) {
    if (!c.conn) continue;
    script::CodeUrl u;
    // A whole conninfo spelled in the file points at itself; one rdslint
    // wrote from PQconnectdbParams' arrays points at the call.
    const std::optional<SourceRange> spelled =
        c.synthesized ? std::nullopt : c.value.ToSource(SourceRange{0, static_cast<uint32_t>(c.value.text.size())});
    u.value = CppValue(c.value, spelled.value_or(c.anchor));
    u.conn = *c.conn;
    u.target = c.api;
    facts.urls.push_back(std::move(u));
  }
  facts.secret_literals = file.secrets;
  return out;
}

}  // namespace rdslint::project
