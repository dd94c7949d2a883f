// cpp-url-unencoded-password: a password variable concatenated into a URL
// without percent-encoding, or into a conninfo password= without quotes.
#include <cctype>
#include <set>

#include "checks/check.h"
#include "checks/cpp/cpp_checks.h"
#include "checks/cpp/cpp_file.h"
#include "checks/cpp/cpp_messages.h"
#include "core/config.h"

namespace rdslint {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Describe(char c) { return c == ' ' ? "a space" : std::string("'") + c + "'"; }

class CppUrlUnencodedPasswordCheck : public Check {
 public:
  CppUrlUnencodedPasswordCheck() : Check("cpp-url-unencoded-password") {}

  void CheckCpp(const CppFile& file, CheckContext& ctx) override {
    const std::vector<std::string> encoders = SplitGlobs(ctx.Option("EncodingFunctions"));
    std::set<uint32_t> reported;
    for (const CppConnection& c : file.connections) {
      if (!c.conn || !c.conn->password.present || c.synthesized) continue;
      const url::ConnectionString& cs = *c.conn;
      const SourceRange password = cs.password.range;
      const bool url = cs.syntax == url::Syntax::kUrl;
      // Quotes protect a conninfo value; nothing but encoding protects a URL's.
      if (!url && !cs.password.raw.empty() && cs.password.raw.front() == '\'') continue;
      for (const CppHole& h : c.value.holes) {
        if (h.in_text.end <= password.begin || h.in_text.begin >= password.end) continue;
        if (Encoded(h, encoders)) continue;
        const SourceRange where = h.source ? *h.source : c.anchor;
        if (!reported.insert(where.begin).second) continue;
        if (url) {
          ctx.Report(where,
                     "'" + h.name + "' is concatenated into the password of " + ConnectionPhrase(c) +
                         " without percent-encoding: a generated password (or an IAM token, "
                         "full of '&', '=' and '%') with '@', ':', '/', '?' or '#' splits the URL "
                         "at the wrong place, and the server answers 'FATAL: password "
                         "authentication failed', which looks exactly like a wrong or rotated "
                         "password; percent-encode it first");
        } else {
          ctx.Report(where,
                     "'" + h.name + "' is concatenated into password= of " + ConnectionPhrase(c) +
                         " without quotes: a space, a quote or a backslash in a generated "
                         "password ends the value early and the connection fails as if the "
                         "password were wrong; write password='...' with ' and \\ escaped, or "
                         "pass the values through PQconnectdbParams");
        }
      }
      if (url && c.value.holes.empty() && !cs.unencoded_password_chars.empty()) {
        ReportLiteral(c, ctx, &reported);
      }
    }
  }

 private:
  static bool Encoded(const CppHole& h, const std::vector<std::string>& encoders) {
    const std::string name = Lower(h.callee.empty() ? h.name : h.callee);
    for (const char* word : {"encode", "escape", "quote"}) {
      if (name.find(word) != std::string::npos) return true;
    }
    if (h.callee.empty()) return false;
    const std::string unqualified = h.callee.substr(h.callee.rfind(':') + 1);
    for (const std::string& e : encoders) {
      if (e == h.callee || e == unqualified) return true;
    }
    return false;
  }

  // A literal password with reserved characters: percent-encode them in
  // place, one edit per character, so that the fix never carries the password.
  static void ReportLiteral(const CppConnection& c, CheckContext& ctx, std::set<uint32_t>* reported) {
    const auto& chars = c.conn->unencoded_password_chars;
    std::string distinct;
    for (const url::UnencodedChar& u : chars) {
      if (distinct.find(u.ch) == std::string::npos) distinct.push_back(u.ch);
    }
    std::string list, example;
    for (size_t i = 0; i < distinct.size(); ++i) {
      if (i) list += i + 1 == distinct.size() ? " and " : ", ";
      list += Describe(distinct[i]);
      if (i) example += ", ";
      example += Describe(distinct[i]) + " -> " + url::PercentEncode(distinct[i]);
    }
    const uint32_t first = chars.front().offset;
    const SourceRange where = c.Locate(SourceRange{first, first + 1});
    if (!reported->insert(where.begin).second) return;
    Finding& f = ctx.Report(where, "the password in " + ConnectionPhrase(c) + " contains " + list +
                                       " not percent-encoded: the URL is split at the wrong "
                                       "place and the server answers 'FATAL: password "
                                       "authentication failed'; percent-encode it (" + example + ")");
    std::vector<std::pair<SourceRange, std::string>> edits;
    for (const url::UnencodedChar& u : chars) {
      if (!c.value.Plain(u.offset)) return;  // an escape or another file: no certain edit
      edits.emplace_back(SourceRange{c.value.begin[u.offset], c.value.end[u.offset]},
                         url::PercentEncode(u.ch));
    }
    ctx.AddFix(f, "percent-encode the password", std::move(edits));
  }
};

}  // namespace

std::unique_ptr<Check> CreateCppUrlUnencodedPasswordCheck() {
  return std::make_unique<CppUrlUnencodedPasswordCheck>();
}

}  // namespace rdslint
