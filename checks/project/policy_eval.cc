#include "checks/project/policy_eval.h"

#include <algorithm>
#include <functional>

#include "checks/iac/iac_common.h"

namespace rdslint::project {
namespace {

using iac::Value;

// In a pattern: a hole that references the target itself (matches the
// target's unknown part exactly), and one that references another resource
// of the same kind (matches nothing).
constexpr char kTargetHole = '\x03';
constexpr char kOtherHole = '\x02';

Tri And(Tri a, Tri b) {
  if (a == Tri::kNo || b == Tri::kNo) return Tri::kNo;
  if (a == Tri::kYes && b == Tri::kYes) return Tri::kYes;
  return Tri::kUnknown;
}

Tri Or(Tri a, Tri b) {
  if (a == Tri::kYes || b == Tri::kYes) return Tri::kYes;
  if (a == Tri::kNo && b == Tri::kNo) return Tri::kNo;
  return Tri::kUnknown;
}

Tri Not(Tri a) {
  if (a == Tri::kYes) return Tri::kNo;
  if (a == Tri::kNo) return Tri::kYes;
  return Tri::kUnknown;
}

char Fold(char c, bool fold) {
  return fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Glob matching as a memoised walk over (pattern, text) positions. In the
// strict walk kUnknownText in the text is matched only by '*' (or by a hole
// of the pattern that references the target); in the lenient walk it may
// stand for any run of pattern bytes except a hole naming another resource.
class GlobWalk {
 public:
  GlobWalk(std::string_view p, std::string_view t, bool fold, bool lenient)
      : p_(p), t_(t), fold_(fold), lenient_(lenient), memo_((p.size() + 1) * (t.size() + 1), -1) {}

  bool Run() { return At(0, 0); }

 private:
  bool At(size_t i, size_t j) {
    int8_t& m = memo_[i * (t_.size() + 1) + j];
    if (m >= 0) return m;
    m = Compute(i, j);
    return m;
  }

  bool Compute(size_t i, size_t j) {
    if (j == t_.size()) {
      for (size_t k = i; k < p_.size(); ++k) {
        if (p_[k] != '*') return false;
      }
      return true;
    }
    if (lenient_ && t_[j] == kUnknownText) {
      if (At(i, j + 1)) return true;
      return i < p_.size() && p_[i] != kOtherHole && At(i + 1, j);
    }
    if (i == p_.size()) return false;
    if (p_[i] == '*') return At(i + 1, j) || At(i, j + 1);
    if (t_[j] == kUnknownText) return p_[i] == kTargetHole && At(i + 1, j + 1);
    if (p_[i] == kTargetHole || p_[i] == kOtherHole) return false;
    if (p_[i] == '?' || Fold(p_[i], fold_) == Fold(t_[j], fold_)) return At(i + 1, j + 1);
    return false;
  }

  std::string_view p_, t_;
  bool fold_, lenient_;
  std::vector<int8_t> memo_;
};

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Splits an ARN at its first five colons: arn, partition, service, region,
// account, resource. Fewer parts when it has fewer colons.
std::vector<std::string> ArnParts(std::string_view s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() < 5) {
    const size_t colon = s.find(':', start);
    if (colon == std::string_view::npos) break;
    parts.emplace_back(s.substr(start, colon - start));
    start = colon + 1;
  }
  parts.emplace_back(s.substr(start));
  return parts;
}

bool AllStars(std::string_view s) {
  return !s.empty() && s.find_first_not_of('*') == std::string_view::npos;
}

// The statements of AWS-managed policies whose content is fixed and which
// the project rules can meet on a Lambda role: (action pattern) on "*".
struct ManagedPolicy {
  std::string_view name;
  std::vector<std::string_view> actions;
};

const std::vector<ManagedPolicy>& ManagedPolicies() {
  static const std::vector<ManagedPolicy> table = {
      {"AWSLambdaBasicExecutionRole", {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}},
      {"AWSLambdaVPCAccessExecutionRole",
       {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"}},
      {"AWSXRayDaemonWriteAccess",
       {"xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
        "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"}},
      {"AdministratorAccess", {"*"}},
  };
  return table;
}

// The managed policy a name or ARN names, when its content is in the table.
const ManagedPolicy* KnownManaged(std::string_view arn) {
  if (arn.rfind("arn:", 0) == 0 && arn.find(":iam::aws:policy/") == std::string_view::npos) {
    return nullptr;  // a customer-managed policy outside the project
  }
  const size_t slash = arn.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? arn : arn.substr(slash + 1);
  for (const ManagedPolicy& m : ManagedPolicies()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

Tri AnyOf(const std::vector<Value>& elements, const std::function<Tri(const Value&)>& match) {
  Tri out = Tri::kNo;
  for (const Value& e : elements) {
    if (e.kind == Value::Kind::kList) {
      out = Or(out, AnyOf(e.items, match));
    } else {
      out = Or(out, match(e));
    }
  }
  return out;
}

}  // namespace

std::string_view TriName(Tri t) {
  switch (t) {
    case Tri::kNo: return "no";
    case Tri::kUnknown: return "unknown";
    case Tri::kYes: return "yes";
  }
  return "?";
}

bool IsKind(const iac::Node& node, ResourceKind kind) {
  const std::string& t = node.type;
  switch (kind) {
    case ResourceKind::kSecret:
      return t == "aws_secretsmanager_secret" || t == "AWS::SecretsManager::Secret";
    case ResourceKind::kKey:
      return t == "aws_kms_key" || t == "aws_kms_alias" || t == "AWS::KMS::Key" || t == "AWS::KMS::Alias";
    case ResourceKind::kDatabase:
      return t == "aws_db_instance" || t == "aws_rds_cluster" || t == "aws_db_proxy" ||
             t == "AWS::RDS::DBInstance" || t == "AWS::RDS::DBCluster" || t == "AWS::RDS::DBProxy";
  }
  return false;
}

Tri Glob(std::string_view pattern, std::string_view text, bool fold_case) {
  if (pattern.size() > 2048 || text.size() > 2048) return Tri::kUnknown;
  if (GlobWalk(pattern, text, fold_case, /*lenient=*/false).Run()) return Tri::kYes;
  if (!GlobWalk(pattern, text, fold_case, /*lenient=*/true).Run()) return Tri::kNo;
  return Tri::kUnknown;
}

ResourceTarget SecretTarget(const iac::Secret* secret, std::string_view literal_id) {
  ResourceTarget t;
  t.kind = ResourceKind::kSecret;
  t.service = "secretsmanager";
  if (secret) t.nodes.push_back(secret->id);
  if (literal_id.rfind("arn:", 0) == 0) {
    const std::vector<std::string> parts = ArnParts(literal_id);
    if (parts.size() == 6) t.resource = parts[5];
  } else if (!literal_id.empty()) {
    // A name: the ARN ends in the name, '-' and six random characters.
    t.resource = "secret:" + std::string(literal_id) + "-" + kUnknownText;
  } else if (secret && secret->name.is_literal_string() && !secret->name.text.empty()) {
    t.resource = "secret:" + secret->name.text + "-" + kUnknownText;
  }
  return t;
}

ResourceTarget KeyTarget(const std::vector<std::string>& nodes, std::string_view literal_arn) {
  ResourceTarget t;
  t.kind = ResourceKind::kKey;
  t.service = "kms";
  t.nodes = nodes;
  if (literal_arn.rfind("arn:", 0) == 0) {
    const std::vector<std::string> parts = ArnParts(literal_arn);
    if (parts.size() == 6) t.resource = parts[5];
  } else {
    t.resource = std::string("key/") + kUnknownText;
  }
  return t;
}

ResourceTarget DbUserTarget(std::vector<std::string> nodes, std::string_view user) {
  ResourceTarget t;
  t.kind = ResourceKind::kDatabase;
  t.service = "rds-db";
  t.nodes = std::move(nodes);
  t.resource = std::string("dbuser:") + kUnknownText + "/" +
               (user.empty() ? std::string(1, kUnknownText) : std::string(user));
  return t;
}

Tri ResourceMatches(const iac::Graph& g, const Value& pattern, const ResourceTarget& target) {
  bool refs_target = false, refs_other = false, refs_unknown = false;
  for (const iac::Reference* r : ReferencesOf(pattern)) {
    const iac::Node* n = g.Find(r->node);
    if (Contains(target.nodes, r->node)) refs_target = true;
    else if (n && IsKind(*n, target.kind)) refs_other = true;
    else refs_unknown = true;
  }
  const bool in_arn = target.kind == ResourceKind::kDatabase;  // the id sits inside the ARN
  if (pattern.kind != Value::Kind::kString) {
    if (refs_target && !in_arn) return Tri::kYes;
    if (refs_other && !refs_target && !refs_unknown) return Tri::kNo;
    return Tri::kUnknown;
  }
  if (pattern.is_literal_string() && AllStars(pattern.text)) return Tri::kYes;
  const bool arn = pattern.text.rfind("arn:", 0) == 0 &&
                   (pattern.holes.empty() || pattern.holes.front().begin >= 4);
  if (!arn || !in_arn) {
    if (refs_target) return Tri::kYes;  // scoped to the resource itself
    if (!arn) {
      if (pattern.is_literal_string()) return Tri::kNo;  // not an ARN: matches no resource
      if (refs_other && !refs_unknown && pattern.text.find('*') == std::string::npos) return Tri::kNo;
      return Tri::kUnknown;
    }
  }
  // Holes become: the target's unknown part, a byte matching nothing, or
  // '*' (then a match is only possible, not certain).
  std::string text;
  bool unknown_hole = false;
  std::vector<uint32_t> unknown_at;  // where each unresolved hole starts in `text`
  size_t i = 0;
  for (const iac::Hole& h : pattern.holes) {
    if (h.begin < i) continue;
    text.append(pattern.text, i, h.begin - i);
    const iac::Node* n = h.reference ? g.Find(h.reference->node) : nullptr;
    if (h.reference && Contains(target.nodes, h.reference->node)) {
      text += kTargetHole;
    } else if (n && IsKind(*n, target.kind)) {
      text += kOtherHole;
    } else {
      unknown_at.push_back(static_cast<uint32_t>(text.size()));
      text += '*';
    }
    i = h.end;
  }
  text.append(pattern.text, std::min(i, pattern.text.size()), std::string::npos);

  const std::vector<std::string> parts = ArnParts(text);
  // Where each part starts in `text`, to tell which parts unresolved holes fell in.
  auto part_of = [&](uint32_t offset) {
    int colons = 0;
    for (uint32_t k = 0; k < offset && k < text.size() && colons < 5; ++k) colons += text[k] == ':';
    return colons;
  };
  for (const uint32_t offset : unknown_at) {
    const int part = part_of(offset);
    if (part != 1 && part != 3 && part != 4) unknown_hole = true;  // partition, region, account: assumed
  }
  Tri result;
  if (parts.size() < 6) {
    // "arn:aws:secretsmanager:*": a wildcard spanning the remaining parts.
    const std::string whole = std::string("arn:aws:") + target.service + ":" + kUnknownText + ":" +
                              kUnknownText + ":" +
                              (target.resource ? *target.resource : std::string(1, kUnknownText));
    result = Glob(text, whole, /*fold_case=*/false);
  } else {
    if (Glob(parts[0], "arn", false) == Tri::kNo) return Tri::kNo;
    const Tri service = Glob(parts[2], target.service, /*fold_case=*/true);
    if (service == Tri::kNo) return Tri::kNo;
    // The partition, region and account are the project's own: a literal
    // there is taken to be right (a wrong one is another rule's matter).
    if (!target.resource) {
      result = AllStars(parts[5]) ? Tri::kYes : Tri::kUnknown;
    } else {
      result = Glob(parts[5], *target.resource, /*fold_case=*/false);
    }
    result = And(result, service);
  }
  if (result == Tri::kYes && unknown_hole) return Tri::kUnknown;
  return result;
}

Tri ActionElementMatches(const Value& pattern, std::string_view action) {
  if (!pattern.is_literal_string()) return Tri::kUnknown;
  return iacrules::ActionMatches(pattern.text, action) ? Tri::kYes : Tri::kNo;
}

Tri StatementApplies(const iac::Graph& g, const iac::Statement& s, std::string_view action,
                     const ResourceTarget& target) {
  auto action_match = [&](const Value& v) { return ActionElementMatches(v, action); };
  auto resource_match = [&](const Value& v) { return ResourceMatches(g, v, target); };
  Tri act = Tri::kNo;
  if (!s.actions.empty()) act = AnyOf(s.actions, action_match);
  else if (!s.not_actions.empty()) act = Not(AnyOf(s.not_actions, action_match));
  if (act == Tri::kNo) return Tri::kNo;
  Tri res = Tri::kNo;
  if (!s.resources.empty()) res = AnyOf(s.resources, resource_match);
  else if (!s.not_resources.empty()) res = Not(AnyOf(s.not_resources, resource_match));
  Tri out = And(act, res);
  // A Condition depends on the request (source VPC, tags, time): never certain.
  if (out == Tri::kYes && !iacrules::IsAbsent(s.conditions) &&
      !(s.conditions.kind == Value::Kind::kMap && s.conditions.entries.empty())) {
    out = Tri::kUnknown;
  }
  return out;
}

Decision Evaluate(const iac::Graph& g, const iac::Role& role, std::string_view action,
                  const ResourceTarget& target) {
  Decision d;
  bool allow_yes = false, allow_maybe = false, deny_yes = false, deny_maybe = false;
  for (const iac::Statement& s : role.statements) {
    const Tri applies = StatementApplies(g, s, action, target);
    if (applies == Tri::kNo) continue;
    if (!iacrules::IsAllow(s) && !iacrules::IEquals(s.effect, "Deny")) {
      // An Effect the project does not spell out (a variable): either way.
      allow_maybe = deny_maybe = true;
      if (d.unknown_because.empty()) d.unknown_because = "a statement whose Effect is not known";
      continue;
    }
    if (iacrules::IsAllow(s)) {
      (applies == Tri::kYes ? allow_yes : allow_maybe) = true;
      d.allowing.push_back(&s);
      if (applies == Tri::kUnknown && d.unknown_because.empty()) {
        d.unknown_because = "a statement with a Condition or an unresolved element";
      }
    } else {
      (applies == Tri::kYes ? deny_yes : deny_maybe) = true;
      d.denying.push_back(&s);
      if (applies == Tri::kUnknown && d.unknown_because.empty()) {
        d.unknown_because = "a Deny statement with a Condition or an unresolved element";
      }
    }
  }
  for (const Value& arn : role.managed_policy_arns) {
    // A policy of the project attached to the role: its statements are
    // already the role's.
    bool in_project = false;
    for (const iac::Reference* r : ReferencesOf(arn)) {
      const iac::Node* n = g.Find(r->node);
      in_project |= n && n->type.find("olicy") != std::string::npos;
    }
    if (in_project) continue;
    const ManagedPolicy* m = arn.is_literal_string() ? KnownManaged(arn.text) : nullptr;
    if (!m) {
      allow_maybe = true;
      if (d.unknown_because.empty()) {
        d.unknown_because = arn.is_literal_string() ? "the managed policy " + arn.text
                                                    : "a managed policy the project does not define";
      }
      continue;
    }
    for (std::string_view a : m->actions) {
      if (iacrules::ActionMatches(a, action)) allow_yes = true;
    }
  }
  if (deny_yes) {
    d.allowed = Tri::kNo;
  } else if (allow_yes && !deny_maybe) {
    d.allowed = Tri::kYes;
  } else if (allow_yes || allow_maybe) {
    d.allowed = Tri::kUnknown;
  } else {
    d.allowed = Tri::kNo;
  }
  return d;
}

std::vector<const iac::Reference*> ReferencesOf(const Value& v) {
  std::vector<const iac::Reference*> out;
  for (const iac::Reference& r : v.references) out.push_back(&r);
  for (const iac::Hole& h : v.holes) {
    if (h.reference) out.push_back(&*h.reference);
  }
  return out;
}

const iac::Role* RoleOf(const iac::Graph& g, const iac::Function& fn) {
  for (const iac::Reference* r : ReferencesOf(fn.role)) {
    if (const iac::Role* role = g.FindRole(r->node)) return role;
  }
  return nullptr;
}

}  // namespace rdslint::project
