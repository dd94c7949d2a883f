#include "checks/env/env_file.h"

#include <string>

namespace rdslint {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ${X}, $X or {{...}} and nothing else.
bool IsSingleReference(std::string_view s) {
  if (s.size() >= 3 && s[0] == '$' && s[1] == '{') return s.find('}') == s.size() - 1;
  if (s.size() >= 4 && s.substr(0, 2) == "{{") return s.find("}}") == s.size() - 2;
  if (s.size() >= 2 && s[0] == '$') {
    for (char c : s.substr(1)) {
      if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
        return false;
    }
    return true;
  }
  return false;
}

}  // namespace

bool IsPasswordKey(std::string_view key) {
  const std::string k = Upper(key);
  return EndsWith(k, "PASSWORD") || EndsWith(k, "PASSWD") || EndsWith(k, "_PASS") ||
         (EndsWith(k, "_PWD") && k != "OLDPWD");
}

bool IsSecretKey(std::string_view key) {
  if (IsPasswordKey(key)) return true;
  const std::string k = Upper(key);
  for (std::string_view w : {"SECRET", "TOKEN", "PRIVATE_KEY", "API_KEY", "CREDENTIAL"}) {
    if (k.find(w) != std::string::npos) return true;
  }
  return false;
}

bool IsDatabaseUrlKey(std::string_view key) {
  const std::string k = Upper(key);
  if (k == "DATABASE_URL" || EndsWith(k, "_DATABASE_URL") || k == "DB_URL" ||
      EndsWith(k, "_DB_URL") || EndsWith(k, "_DSN") || k == "DSN" || k == "DIRECT_URL" ||
      k == "SHADOW_DATABASE_URL") {
    return true;
  }
  return (k.rfind("POSTGRES", 0) == 0 || k.rfind("PG", 0) == 0) &&
         (EndsWith(k, "_URL") || EndsWith(k, "_URI"));
}

const EnvValue* EnvFile::Find(std::string_view key) const {
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    if (it->entry->key == key) return &*it;
  }
  return nullptr;
}

EnvFile PrepareEnvFile(const dotenv::Document& doc, EnvFile::Flavor flavor, SecretMask* mask) {
  EnvFile file;
  file.flavor = flavor;
  file.doc = &doc;
  file.values.reserve(doc.entries.size());
  for (const dotenv::Entry& e : doc.entries) {
    EnvValue v;
    v.entry = &e;
    // Most values (flags, names, regions) cannot be connection strings: skip
    // the analyser unless the value has a scheme separator or a key=value.
    if (e.value.text.find("://") != std::string::npos ||
        e.value.text.find('=') != std::string::npos) {
      if (std::optional<url::ConnectionString> c = url::Analyze(e.value.text)) {
        v.conn = std::make_unique<const url::ConnectionString>(std::move(*c));
      }
    }
    if (IsSecretKey(e.key) && !e.value.text.empty()) mask->Add(e.value_range);
    // A password that is one reference (${DB_PASSWORD}) names no secret and
    // stays readable; anything with literal characters is masked.
    if (v.conn && v.conn->password.present && !v.conn->password.range.empty() &&
        !IsSingleReference(v.conn->password.raw)) {
      mask->Add(v.ToSource(v.conn->password.range));
    }
    // sslpassword, oauth_client_secret and the like stay in the parameters.
    if (v.conn) {
      for (const url::Param& p : v.conn->params) {
        if (p.key.find("password") != std::string::npos || p.key.find("secret") != std::string::npos)
          mask->Add(v.ToSource(p.value_range));
      }
    }
    file.values.push_back(std::move(v));
  }
  return file;
}

}  // namespace rdslint
