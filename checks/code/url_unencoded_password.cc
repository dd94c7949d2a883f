// code-url-unencoded-password: a password put into a URL without
// percent-encoding — interpolated (template literal, concatenation,
// f-string, % or .format) without encodeURIComponent / urllib.parse.quote,
// or written with reserved characters.
#include <set>

#include "checks/check.h"
#include "checks/code/code_checks.h"
#include "checks/code/code_messages.h"
#include "checks/code/script_file.h"

namespace rdslint {
namespace {

constexpr const char* kConsequence =
    ": a password with '@', ':', '/', '?', '#' or '%' (generated passwords have them) splits "
    "the URL at the wrong place, and the server answers 'FATAL: password authentication "
    "failed', which looks exactly like a wrong or rotated password";

class CodeUrlUnencodedPasswordCheck : public Check {
 public:
  CodeUrlUnencodedPasswordCheck() : Check("code-url-unencoded-password") {}

  void CheckScript(const ScriptFile& file, CheckContext& ctx) override {
    const std::vector<std::string> encoders = Split(ctx.Option("EncodingFunctions"));
    std::set<uint32_t> seen;
    for (const script::CodeUrl& u : file.facts.urls) {
      if (u.consumed || u.conn.syntax != url::Syntax::kUrl || !u.conn.password.present) continue;
      const SourceRange pw = u.conn.password.range;
      for (const script::Hole& h : u.value->holes) {
        if (h.end <= pw.begin || h.begin >= pw.end) continue;
        if (h.encoding == script::Encoding::kFull) continue;
        if (CallsEncoder(file.text().substr(h.expr.begin, h.expr.size()), encoders)) continue;
        if (!seen.insert(h.expr.begin).second) continue;
        if (h.encoding == script::Encoding::kKeepsSlash) {
          ReportKeepsSlash(file, u, h, ctx);
        } else {
          ReportHole(file, u, h, ctx);
        }
      }
      if (!u.conn.unencoded_password_chars.empty()) ReportLiteral(file, u, ctx, &seen);
    }
  }

 private:
  static std::vector<std::string> Split(const std::string& list) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : list + ",") {
      if (c == ',') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else if (c != ' ') {
        cur += c;
      }
    }
    return out;
  }

  // `encodePassword(x)` or `util.encodePassword(x)` for a configured name.
  static bool CallsEncoder(std::string_view expr, const std::vector<std::string>& names) {
    const size_t paren = expr.find('(');
    if (paren == std::string_view::npos) return false;
    std::string_view callee = expr.substr(0, paren);
    for (const std::string& n : names) {
      if (callee == n) return true;
      if (callee.size() > n.size() && callee.substr(callee.size() - n.size()) == n &&
          callee[callee.size() - n.size() - 1] == '.') {
        return true;
      }
    }
    return false;
  }

  static void ReportHole(const ScriptFile& file, const script::CodeUrl& u, const script::Hole& h,
                         CheckContext& ctx) {
    const std::string what = h.name.empty() ? "the password" : "`" + h.name + "`";
    std::string message = what + HoleOrigin(file, h.taint) + " is put into " + UrlName(u) +
                          " as the password without percent-encoding" + kConsequence;
    if (h.taint.iam_token()) message += " (an IAM token holds '%', '&' and '=')";
    const auto& f = file.facts;
    if (f.encode_prefix.empty()) {
      message += "; encode it with urllib.parse.quote(value, safe=\"\")";
      ReportAt(ctx, file, h.expr, message);
      return;
    }
    message += "; wrap it in " + f.encode_prefix + "..." + f.encode_suffix;
    Finding& finding = ReportAt(ctx, file, h.expr, message);
    ctx.AddFix(finding, "percent-encode the password with " + f.encode_prefix + "..." + f.encode_suffix,
               {{SourceRange{h.expr.begin, h.expr.begin}, f.encode_prefix},
                {SourceRange{h.expr.end, h.expr.end}, f.encode_suffix}});
  }

  // quote() keeps '/' by default, and libpq ends the user information at
  // the first '/'.
  static void ReportKeepsSlash(const ScriptFile& file, const script::CodeUrl& u,
                               const script::Hole& h, CheckContext& ctx) {
    const SourceRange call = h.encoder.empty() ? h.expr : h.encoder;
    Finding& finding = ReportAt(ctx, file, 
        call, "urllib.parse.quote() leaves '/' unencoded unless given safe=\"\", and the password "
              "in " + UrlName(u) + " then ends at its first '/'" + kConsequence +
                  "; pass safe=\"\"");
    const std::string_view text = file.text();
    if (call.end > call.begin && call.end <= text.size() && text[call.end - 1] == ')') {
      ctx.AddFix(finding, "encode '/' too", {{SourceRange{call.end - 1, call.end - 1}, ", safe=\"\""}});
    }
  }

  static void ReportLiteral(const ScriptFile& file, const script::CodeUrl& u, CheckContext& ctx,
                            std::set<uint32_t>* seen) {
    const auto& chars = u.conn.unencoded_password_chars;
    std::string distinct;
    for (const url::UnencodedChar& c : chars) {
      if (distinct.find(c.ch) == std::string::npos) distinct.push_back(c.ch);
    }
    std::string list, example;
    for (size_t i = 0; i < distinct.size(); ++i) {
      const std::string shown = distinct[i] == ' ' ? "a space" : std::string("'") + distinct[i] + "'";
      if (i) {
        list += i + 1 == distinct.size() ? " and " : ", ";
        example += ", ";
      }
      list += shown;
      example += shown + " -> " + url::PercentEncode(distinct[i]);
    }
    const SourceRange first = u.ToSource(SourceRange{chars.front().offset, chars.front().offset + 1});
    if (!seen->insert(first.begin).second) return;
    Finding& finding = ReportAt(ctx, file, first, "the password in " + UrlName(u) + " contains " + list +
                                             " not percent-encoded" + kConsequence +
                                             "; percent-encode it (" + example + ")");
    // One edit per character, each certain only where the source byte is
    // the character itself (not an escape sequence).
    std::vector<std::pair<SourceRange, std::string>> edits;
    const std::string_view text = file.text();
    for (const url::UnencodedChar& c : chars) {
      const SourceRange r = u.ToSource(SourceRange{c.offset, c.offset + 1});
      if (r.size() != 1 || r.begin >= text.size() || text[r.begin] != c.ch) return;
      edits.emplace_back(r, url::PercentEncode(c.ch));
    }
    ctx.AddFix(finding, "percent-encode the password", std::move(edits));
  }
};

}  // namespace

std::unique_ptr<Check> CreateCodeUrlUnencodedPasswordCheck() {
  return std::make_unique<CodeUrlUnencodedPasswordCheck>();
}

}  // namespace rdslint
