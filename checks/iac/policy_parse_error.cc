// iac-policy-parse-error: a policy document (inline JSON, jsonencode, a
// heredoc, aws_iam_policy_document) that is not valid.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

class IacPolicyParseErrorCheck : public Check {
 public:
  IacPolicyParseErrorCheck() : Check("iac-policy-parse-error") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const iac::PolicyError& e : ctx.project().graph.policy_errors) {
      std::string lead = Lead(e.message);
      while (!lead.empty() && (lead.back() == '.' || lead.back() == ' ')) lead.pop_back();
      out.Report(e.origin, lead +
                               "; IAM rejects it when the stack is deployed, and the function "
                               "it was meant for gets no access");
    }
  }

 private:
  // Builders word their messages differently: "Invalid policy document: X",
  // "the policy document is not valid JSON", "a statement needs an Effect".
  static std::string Lead(const std::string& message) {
    constexpr std::string_view kInvalid = "invalid policy document: ";
    if (IEquals(std::string_view(message).substr(0, kInvalid.size()), kInvalid)) {
      return "the policy document is not valid: " + message.substr(kInvalid.size());
    }
    if (Lower(message).rfind("the policy document", 0) == 0) return message;
    return "the policy document is not valid: " + message;
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacPolicyParseErrorCheck() {
  return std::make_unique<iacrules::IacPolicyParseErrorCheck>();
}

}  // namespace rdslint
