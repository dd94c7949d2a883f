#include "frontend/url/placeholder.h"

#include <string>

namespace rdslint::url {
namespace {

std::string Normalize(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-' || c == '.' || c == ' ') c = '_';
    out.push_back(c);
  }
  return out;
}

bool AllSame(std::string_view v, char c) {
  for (char x : v) {
    if (x != c) return false;
  }
  return !v.empty();
}

}  // namespace

bool LooksLikePlaceholder(std::string_view value) {
  if (value.empty()) return false;
  // <password>, [password], {password}: the usual documentation markers.
  if (value.size() >= 3 && ((value.front() == '<' && value.back() == '>') ||
                            (value.front() == '[' && value.back() == ']'))) {
    return true;
  }
  if (AllSame(value, '*') || AllSame(value, 'x') || AllSame(value, 'X') ||
      AllSame(value, '.') || AllSame(value, '?')) {
    return true;
  }
  const std::string n = Normalize(value);
  static constexpr std::string_view kWords[] = {
      "password", "passwd", "pass", "pwd", "secret", "changeme", "change_me",
      "changeit", "replace_me", "replaceme", "todo", "tbd", "fixme", "dummy",
      "example", "placeholder", "your_password", "yourpassword", "your_password_here",
      "my_password", "mypassword", "db_password", "replaced_by_secret",
      "aws_iam_token", "iam_token", "token", "redacted", "none", "null", "empty",
  };
  for (std::string_view w : kWords) {
    if (n == w) return true;
  }
  // "your-db-password", "insert_password_here", "password_goes_here"
  if ((n.rfind("your_", 0) == 0 || n.rfind("insert_", 0) == 0 || n.rfind("enter_", 0) == 0) &&
      (n.find("pass") != std::string::npos || n.find("secret") != std::string::npos)) {
    return true;
  }
  if (n.size() > 5 && n.compare(n.size() - 5, 5, "_here") == 0) return true;
  return false;
}

bool HasHole(std::string_view v) {
  for (size_t i = 0; i + 1 < v.size(); ++i) {
    char c = v[i], d = v[i + 1];
    if (c == '$' && (d == '{' || d == '_' || (d >= 'A' && d <= 'Z') || (d >= 'a' && d <= 'z')))
      return true;
    if (c == '{' && d == '{' && v.find("}}", i + 2) != std::string_view::npos) return true;
    if (c == '%' && ((d >= 'A' && d <= 'Z') || d == '_')) {
      size_t close = v.find('%', i + 1);
      if (close != std::string_view::npos) {
        bool name = close > i + 1;
        for (size_t j = i + 1; j < close && name; ++j) {
          char x = v[j];
          name = (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || x == '_';
        }
        if (name) return true;
      }
    }
  }
  return false;
}

}  // namespace rdslint::url
