// cpp-tls-missing-sslmode: a connection to a remote or unknown host that
// does not require TLS.
#include <set>

#include "checks/check.h"
#include "checks/cpp/cpp_checks.h"
#include "checks/cpp/cpp_file.h"
#include "checks/cpp/cpp_messages.h"

namespace rdslint {
namespace {

bool IsStrongSslmode(std::string_view mode) {
  return mode == "require" || mode == "verify-ca" || mode == "verify-full";
}

class CppTlsMissingSslmodeCheck : public Check {
 public:
  CppTlsMissingSslmodeCheck() : Check("cpp-tls-missing-sslmode") {}

  void CheckCpp(const CppFile& file, CheckContext& ctx) override {
    std::set<uint32_t> reported;
    for (const CppConnection& c : file.connections) {
      if (!c.conn || c.conn->scheme_kind != url::SchemeKind::kPostgres) continue;
      const url::ConnectionString& cs = *c.conn;
      // A host made of variables may be anything, an RDS endpoint included.
      const bool unknown_host = cs.host.present && cs.host_kind == url::HostKind::kUnknown;
      if (!cs.IsRemote() && !unknown_host) continue;
      if (const url::Param* sslmode = cs.FindParam("sslmode")) {
        if (IsStrongSslmode(sslmode->value) || sslmode->value_has_holes) continue;
        const SourceRange where = c.Locate(Unquoted(*sslmode));
        if (!reported.insert(where.begin).second) continue;
        ctx.Report(where, "sslmode=" + sslmode->value + " in " + ConnectionPhrase(c) + " " +
                              (sslmode->value == "disable" ? "never encrypts"
                                                           : "falls back to plaintext without a word") +
                              "; use sslmode=require, or verify-full with the RDS CA bundle "
                              "(sslrootcert)");
        continue;
      }
      // libpq's deprecated spelling of sslmode=require.
      if (const url::Param* old = cs.FindParam("requiressl"); old && old->value == "1") continue;
      const SourceRange where = c.Locate(Unquoted(cs.host));
      if (!reported.insert(where.begin).second) continue;
      std::string message =
          "the host in " + ConnectionPhrase(c) + " is " +
          (unknown_host ? "computed at run time" : "remote") +
          " and nothing requires TLS: libpq's default sslmode 'prefer' silently falls back to "
          "plaintext, and the password or IAM token then crosses the network in the clear; "
          "add sslmode=require (verify-full with the RDS CA bundle checks the server too)";
      Finding& f = ctx.Report(where, message);
      // Only where the string ends inside a literal of this file: the fix
      // then lands inside that literal, whatever built the rest.
      if (c.synthesized) continue;
      if (std::optional<uint32_t> at = c.value.InsertionPoint(cs.param_insert_offset)) {
        ctx.AddFix(f, "append sslmode=require",
                   {{SourceRange{*at, *at}, cs.param_separator + "sslmode=require"}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> CreateCppTlsMissingSslmodeCheck() {
  return std::make_unique<CppTlsMissingSslmodeCheck>();
}

}  // namespace rdslint
