// iac-iam-dbconnect-bad-arn: an rds-db:connect resource that is not
// arn:aws:rds-db:REGION:ACCOUNT:dbuser:RESOURCE_ID/USER, checked part by
// part: the service, "dbuser", a resource id (db-..., cluster-..., prx-...,
// or a reference to the attribute that holds one) and a user.
#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

constexpr std::string_view kForm =
    "; rds-db:connect takes arn:aws:rds-db:REGION:ACCOUNT:dbuser:RESOURCE_ID/USER, where "
    "RESOURCE_ID is the instance's DbiResourceId (db-...), the cluster's resource id "
    "(cluster-...) or the proxy's id (prx-...); any other form matches no connection, and the "
    "IAM token is refused ('PAM authentication failed')";

bool IsResourceIdAttribute(std::string_view attribute) {
  const std::string a = Lower(attribute);
  return a == "resource_id" || a == "cluster_resource_id" || a == "dbiresourceid" ||
         a == "dbclusterresourceid";
}

// Attributes people put where the resource id belongs: names, ids,
// identifiers, ARNs, endpoints ("" is CloudFormation's !Ref).
bool IsMistakenIdAttribute(std::string_view attribute) {
  const std::string a = Lower(attribute);
  for (std::string_view m : {"", "id", "identifier", "name", "arn", "address", "endpoint",
                             "cluster_identifier", "dbinstanceidentifier", "dbclusteridentifier",
                             "dbproxyname", "dbproxyarn", "endpoint.address"}) {
    if (a == m) return true;
  }
  return false;
}

bool HasResourceIdPrefix(std::string_view id) {
  for (std::string_view p : {"db-", "cluster-", "prx-"}) {
    if (id.substr(0, p.size()) == p && id.size() > p.size()) return true;
  }
  return false;
}

const iac::Proxy* FindProxy(const Graph& g, std::string_view id) {
  for (const iac::Proxy& p : g.proxies) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

// The attribute that holds the resource id, in the node's flavour.
std::string RightAttribute(const Node& n, bool cluster, bool proxy) {
  const std::string id = LogicalId(n);
  if (n.flavor == iac::Flavor::kCdk) {
    if (proxy) return "proxy.grantConnect(role, user), which builds the ARN from the proxy's id";
    return cluster ? "the cluster's clusterResourceIdentifier (Fn::GetAtt DBClusterResourceId)"
                   : "the instance's instanceResourceId (Fn::GetAtt DbiResourceId)";
  }
  if (proxy) {
    return IsTerraform(n) ? "element(split(\":\", " + id + ".arn), 6)"
                          : "!Select [6, !Split [\":\", !GetAtt " + id + ".DBProxyArn]]";
  }
  if (IsTerraform(n)) return id + (cluster ? ".cluster_resource_id" : ".resource_id");
  return "!GetAtt " + id + (cluster ? ".DBClusterResourceId" : ".DbiResourceId");
}

std::string AttributeText(const Node& n, const iac::Reference& ref) {
  if (!ref.attribute.empty()) return "the " + ref.attribute;
  return IsTerraform(n) ? "the id" : "the Ref (the identifier or name)";
}

// One resource of one statement.
class ResourceCheck {
 public:
  ResourceCheck(const Graph& g, const Value& r, const Node& owner, Reporter& out)
      : g_(g), r_(r), owner_(owner), out_(out) {}

  void Run() {
    if (r_.is_literal_string() && r_.text.find_first_not_of('*') == std::string::npos) return;
    if (r_.kind == Value::Kind::kUnknown) {
      WholeReference();
      return;
    }
    if (r_.kind != Value::Kind::kString) return;
    const std::optional<ArnParts> arn = SplitArn(r_);
    if (!arn) {
      if (r_.is_literal_string()) Part(WhereWritten(r_), "is not an ARN");
      return;
    }
    const SourceRange service = arn->part[2];
    if (!IsLiteralPart(r_, service)) return;
    if (arn->Text(r_, 2) != "rds-db") {
      const std::string s(arn->Text(r_, 2));
      Part(WherePart(r_, service),
           "is an arn:aws:" + s + ": ARN" +
               (s == "rds" ? " (the database's or proxy's own ARN, which rds-db:connect does not "
                             "match)"
                           : ""));
      return;
    }
    const SourceRange res = arn->part[5];
    if (arn->Text(r_, 5).substr(0, 7) != "dbuser:") {
      // A hole at the start may hold "dbuser:..." itself.
      if (IsLiteralPart(r_, SourceRange{res.begin, std::min(res.end, res.begin + 7)})) {
        Part(WherePart(r_, res),
             "does not name a dbuser (its last part must be "
             "dbuser:RESOURCE_ID/USER)");
      }
      return;
    }
    const uint32_t id_begin = res.begin + 7;
    uint32_t slash = res.end;
    for (uint32_t i = id_begin; i < res.end; ++i) {
      if (r_.text[i] == '/' && !HoleIn(r_, i, i + 1)) {
        slash = i;
        break;
      }
    }
    if (slash == res.end) {
      if (IsLiteralPart(r_, SourceRange{id_begin, res.end})) {
        Part(WherePart(r_, res), "names no database user (dbuser:RESOURCE_ID/USER)");
      }
      return;
    }
    Id(SourceRange{id_begin, slash});
    if (slash + 1 == res.end) {
      Part(WherePart(r_, SourceRange{slash, slash + 1}), "names no database user after '/'");
    }
  }

 private:
  // "the rds-db:connect resource of the role X", or, for a literal that
  // travelled from elsewhere, what it is used in.
  void Part(const Origin& where, const std::string& problem) {
    const std::string use = "the rds-db:connect resource in " + OwnerName(owner_);
    out_.Report(where,
                (Elsewhere(r_, where) ? "this text is used in " + use + ", which " : use + " ") +
                    problem + std::string(kForm));
  }

  void Id(SourceRange id) {
    const std::string_view text = std::string_view(r_.text).substr(id.begin, id.size());
    if (!IsLiteralPart(r_, id)) {
      IdHole(id);
      return;
    }
    if (text.empty()) {
      Part(WherePart(r_, SourceRange{id.begin - 1, id.begin}), "has an empty resource id");
      return;
    }
    if (text.find('*') != std::string_view::npos || HasResourceIdPrefix(text)) return;
    const Origin where = WherePart(r_, id);
    // Resolved from another resource's attribute (Terraform knows a
    // configured identifier): the mistake is the reference, report it.
    if (Elsewhere(r_, where)) {
      for (const iac::Reference& ref : r_.references) {
        const Node* n = g_.Resolve(ref);
        if (!n || !IsMistakenIdAttribute(ref.attribute)) continue;
        if (const Database* d = g_.FindDatabase(n->id)) {
          WrongAttribute(ref.origin, *d, ref, RightAttribute(*d, d->cluster, false));
          return;
        }
        if (const iac::Proxy* p = FindProxy(g_, n->id)) {
          WrongAttribute(ref.origin, *p, ref, RightAttribute(*p, false, true));
          return;
        }
      }
    }
    Part(where, "has '" + std::string(text) +
                    "' as its resource id, which is not one (it looks like an identifier or a "
                    "name)");
  }

  void IdHole(SourceRange id) {
    const iac::Hole* h = HoleIn(r_, id.begin, id.end);
    if (!h || !h->reference || h->begin < id.begin || h->end > id.end) return;
    const Node* n = HoleTarget(g_, *h);
    if (!n) return;
    const Origin where = WherePart(r_, SourceRange{h->begin, h->end});
    if (const Database* d = g_.FindDatabase(n->id)) {
      if (IsResourceIdAttribute(h->reference->attribute)) return;
      WrongAttribute(where, *d, *h->reference, RightAttribute(*d, d->cluster, false));
    } else if (const iac::Proxy* p = FindProxy(g_, n->id)) {
      // element(split(":", proxy.arn), 6) / !Select [6, !Split [":", ...]]
      const std::string hole = Lower(std::string_view(r_.text).substr(h->begin, h->end - h->begin));
      if (hole.find("split") != std::string::npos) return;
      // A template's Fn::Select over Fn::Split reaches the graph as a hole
      // on the ARN itself: it cannot be told from the bare ARN, so only
      // the attributes that never hold the id are reported there.
      if (!IsTerraform(*p) && Lower(h->reference->attribute).find("arn") != std::string::npos)
        return;
      WrongAttribute(where, *p, *h->reference, RightAttribute(*p, false, true));
    }
  }

  void WrongAttribute(const Origin& where, const Node& n, const iac::Reference& ref,
                      const std::string& right) {
    out_.Report(where, "the rds-db:connect resource in " + OwnerName(owner_) + " takes " +
                           AttributeText(n, ref) + " of " + NodeName(n) +
                           " as the resource id, which it is not; use " + right +
                           std::string(kForm));
  }

  void WholeReference() {
    if (r_.references.size() != 1) return;
    const iac::Reference& ref = r_.references.front();
    const Node* n = g_.Resolve(ref);
    if (!n || (!g_.FindDatabase(n->id) && !FindProxy(g_, n->id))) return;
    const bool arn = Lower(ref.attribute).find("arn") != std::string::npos;
    out_.Report(ref.origin.known() ? ref.origin : r_.origin,
                "the rds-db:connect resource in " + OwnerName(owner_) + " is " + ref.text + ", " +
                    (arn ? "the arn:aws:rds: ARN of " + NodeName(*n) +
                               ", which rds-db:connect does not match"
                         : std::string("not an rds-db ARN")) +
                    std::string(kForm));
  }

  const Graph& g_;
  const Value& r_;
  const Node& owner_;
  Reporter& out_;
};

bool ConnectsToDb(const iac::Statement& s) {
  for (const Value& a : s.actions) {
    const std::optional<std::string> action = Literal(a);
    if (action && IEquals(action->substr(0, 7), "rds-db:") &&
        ActionMatches(*action, "rds-db:connect")) {
      return true;
    }
  }
  return false;
}

class IacIamDbconnectBadArnCheck : public Check {
 public:
  IacIamDbconnectBadArnCheck() : Check("iac-iam-dbconnect-bad-arn") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    const Graph& g = ctx.project().graph;
    for (const OwnedStatement& os : AllStatements(g)) {
      if (!IsAllow(*os.statement) || !ConnectsToDb(*os.statement)) continue;
      for (const Value& r : os.statement->resources) ResourceCheck(g, r, *os.owner, out).Run();
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacIamDbconnectBadArnCheck() {
  return std::make_unique<iacrules::IacIamDbconnectBadArnCheck>();
}

}  // namespace rdslint
