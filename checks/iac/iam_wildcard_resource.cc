// iac-iam-wildcard-resource: an Allow of secretsmanager:GetSecretValue,
// rds-db:connect or kms:Decrypt on "*" or on a wildcard that covers every
// secret, every DB user or every key.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

enum Kind { kSecret, kDbUser, kKey, kKinds };

constexpr std::string_view kActions[kKinds] = {"secretsmanager:GetSecretValue", "rds-db:connect",
                                               "kms:Decrypt"};
constexpr std::string_view kEvery[kKinds] = {
    "every secret", "every database user (the master user included)", "every KMS key"};
constexpr std::string_view kService[kKinds] = {"secretsmanager", "rds-db", "kms"};

bool HasConditions(const iac::Statement& s) {
  const Value& c = s.conditions;
  if (IsAbsent(c)) return false;
  if (c.kind == Value::Kind::kMap) return !c.entries.empty();
  if (c.kind == Value::Kind::kList) return !c.items.empty();
  return true;
}

bool AllStars(std::string_view s) {
  return !s.empty() && s.find_first_not_of('*') == std::string_view::npos;
}

// Whether a resource covers every resource of kind `k`.
bool CoversEvery(const Value& r, Kind k) {
  if (r.is_literal_string() && AllStars(r.text)) return true;
  const std::optional<ArnParts> arn = SplitArn(r);
  if (!arn) return false;
  const std::string_view service = arn->Text(r, 2);
  const std::string_view res = arn->Text(r, 5);
  if (!IsLiteralPart(r, arn->part[2]) || !IsLiteralPart(r, arn->part[5])) return false;
  if (AllStars(service)) return AllStars(res);
  if (!IEquals(service, kService[k])) return false;
  if (AllStars(res)) return true;
  switch (k) {
    case kSecret:
      return res.substr(0, 7) == "secret:" && AllStars(res.substr(7));
    case kKey:
      return res.substr(0, 4) == "key/" && AllStars(res.substr(4));
    case kDbUser: {
      // dbuser:ID/USER with USER "*": every user of the DB, master included.
      if (res.substr(0, 7) != "dbuser:") return false;
      const size_t slash = res.rfind('/');
      return slash == std::string_view::npos ? AllStars(res.substr(7))
                                             : AllStars(res.substr(slash + 1));
    }
    default:
      return false;
  }
}

std::string_view FixFor(Kind k) {
  switch (k) {
    case kSecret:
      return "name the secret itself (its ARN: aws_secretsmanager_secret.x.arn, !Ref Secret)";
    case kDbUser:
      return "name the one user: arn:aws:rds-db:REGION:ACCOUNT:dbuser:RESOURCE_ID/USER";
    default:
      return "name the key's ARN (aws_kms_key.x.arn, !GetAtt Key.Arn)";
  }
}

class IacIamWildcardResourceCheck : public Check {
 public:
  IacIamWildcardResourceCheck() : Check("iac-iam-wildcard-resource") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    for (const OwnedStatement& os : AllStatements(ctx.project().graph)) {
      const iac::Statement& s = *os.statement;
      // A condition (a tag, kms:ViaService) may narrow the wildcard.
      if (!IsAllow(s) || HasConditions(s)) continue;
      bool covered[kKinds] = {};
      for (const Value& a : s.actions) {
        const std::optional<std::string> action = Literal(a);
        if (!action) continue;
        for (int k = 0; k < kKinds; ++k)
          covered[k] = covered[k] || ActionMatches(*action, kActions[k]);
      }
      for (const Value& r : s.resources) {
        for (int k = 0; k < kKinds; ++k) {
          if (!covered[k] || !CoversEvery(r, static_cast<Kind>(k))) continue;
          out.Report(WhereWritten(r),
                     OwnerName(*os.owner) + " allows " + std::string(kActions[k]) + " on " + "'" +
                         r.text + "'" + " (" + std::string(kEvery[k]) + ")" + Through(r) +
                         ": one compromised function can read every credential or connect as "
                         "anyone, far beyond the one it needs; " +
                         std::string(FixFor(static_cast<Kind>(k))));
          break;  // one finding a resource
        }
      }
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacIamWildcardResourceCheck() {
  return std::make_unique<iacrules::IacIamWildcardResourceCheck>();
}

}  // namespace rdslint
