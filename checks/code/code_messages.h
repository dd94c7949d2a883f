// Wording shared by the code checks.
#ifndef RDSLINT_CHECKS_CODE_CODE_MESSAGES_H_
#define RDSLINT_CHECKS_CODE_CODE_MESSAGES_H_

#include <string>

#include "checks/check.h"
#include "checks/code/script_file.h"

namespace rdslint {

// "the connection string written to process.env.DATABASE_URL", "the
// connection string given to the node-postgres client", "this connection
// string".
inline std::string UrlName(const script::CodeUrl& u) {
  if (u.target.empty()) return "this connection string";
  if (u.target.rfind("the ", 0) == 0) return "the connection string given to " + u.target;
  return "the connection string written to " + u.target;
}

// "the node-postgres client", "psycopg2.connect()".
inline std::string ClientName(const script::ClientConfig& c) {
  return "the " + std::string(script::LibraryName(c.library)) + " client";
}

// Where a value comes from, for messages: "the secret read at line 11",
// "the environment variable DB_HOST", or "".
inline std::string OriginPhrase(const ScriptFile& file, const script::Taint& t) {
  if ((t.secret() || t.iam_token()) && t.origin != UINT32_MAX) {
    return std::string("the ") + (t.iam_token() ? "IAM token signed" : "secret read") + " at " +
           file.Line(t.origin);
  }
  if (t.env() && !t.env_name.empty()) return "the environment variable " + t.env_name;
  return "";
}

// " (from the secret read at line 11)", or "".
inline std::string HoleOrigin(const ScriptFile& file, const script::Taint& t) {
  const std::string phrase = OriginPhrase(file, t);
  return phrase.empty() ? "" : " (from " + phrase + ")";
}

// Reports at `range` cut to its first line: an expression that spans lines
// (a call with its arguments) is pointed at where it starts, so the caret
// and SARIF's one-line context region both hold it.
inline Finding& ReportAt(CheckContext& ctx, const ScriptFile& file, SourceRange range,
                         std::string message) {
  const std::string_view text = file.text();
  const size_t nl = text.find('\n', range.begin);
  if (nl != std::string_view::npos && nl < range.end) range.end = static_cast<uint32_t>(nl);
  return ctx.Report(range, std::move(message));
}
inline Finding& ReportAt(CheckContext& ctx, const ScriptFile& file, SourceRange range,
                         std::string message, Severity severity) {
  Finding& f = ReportAt(ctx, file, range, std::move(message));
  f.severity = severity;
  return f;
}

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CODE_CODE_MESSAGES_H_
