// iac-refresh-deploy-time-secret: a function environment variable whose
// value is a secret resolved when the stack is deployed, and so frozen into
// the function's configuration until the next deploy.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

// How each flavour writes a deploy-time secret resolution.
bool LooksResolvedAtDeploy(std::string_view text) {
  for (std::string_view marker :
       {"resolve:secretsmanager:", "resolve:ssm-secure:", "aws_secretsmanager_secret_version",
        "ssm:/aws/reference/secretsmanager/", "ssm:/aws/reference/secretsmanager"}) {
    if (text.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

// The resolution itself when the value is built around it (a URL with a
// {{resolve:...}} password), else the whole value.
Origin WhereResolved(const Value& v) {
  for (const iac::Hole& h : v.holes) {
    if (!LooksResolvedAtDeploy(std::string_view(v.text).substr(h.begin, h.end - h.begin))) continue;
    if (std::optional<Origin> o = MapRange(v, h.begin, h.end)) return *o;
    if (h.reference && h.reference->origin.known()) return h.reference->origin;
  }
  return WhereWritten(v);
}

std::string_view WhenDeployed(const Node& n) {
  switch (n.flavor) {
    case iac::Flavor::kTerraform:
      return "when Terraform applies the configuration";
    case iac::Flavor::kServerless:
      return "when the service is deployed";
    default:
      return "when CloudFormation deploys the stack";
  }
}

class IacRefreshDeployTimeSecretCheck : public Check {
 public:
  IacRefreshDeployTimeSecretCheck() : Check("iac-refresh-deploy-time-secret") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const Function& f : ctx.project().graph.functions) {
      for (const iac::EnvVar& e : f.environment) {
        if (!e.value.deploy_time_secret) continue;
        out.Report(WhereResolved(e.value),
                   EnvName(f, e) + " is a secret resolved " + std::string(WhenDeployed(f)) +
                       ": the value is frozen into the function's configuration, so after the "
                       "next rotation every new connection made with it fails with 'password "
                       "authentication failed' until the next deploy; pass the secret's ARN "
                       "instead and fetch the value at runtime (GetSecretValue), again after an "
                       "authentication failure");
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacRefreshDeployTimeSecretCheck() {
  return std::make_unique<iacrules::IacRefreshDeployTimeSecretCheck>();
}

}  // namespace rdslint
