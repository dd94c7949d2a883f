#include "frontend/iac/graph.h"

#include <iterator>
#include <type_traits>

namespace rdslint::iac {
namespace {

template <typename T>
const T* FindIn(const std::vector<T>& nodes, std::string_view id) {
  for (const T& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::string_view FlavorName(Flavor f) {
  switch (f) {
    case Flavor::kTerraform: return "Terraform";
    case Flavor::kCloudFormation: return "CloudFormation";
    case Flavor::kSam: return "SAM";
    case Flavor::kServerless: return "Serverless Framework";
    case Flavor::kCdk: return "CDK";
  }
  return "IaC";
}

const Value* Value::Get(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::optional<Origin> Value::OriginOf(uint32_t begin, uint32_t end) const {
  for (const Segment& s : segments) {
    if (begin < s.begin || end > s.end) continue;
    Origin o = s.origin;
    if (s.verbatim) {
      o.range = SourceRange{s.origin.range.begin + (begin - s.begin),
                            s.origin.range.begin + (end - s.begin)};
    }
    return o;
  }
  return std::nullopt;
}

bool Database::IsPostgres() const {
  if (engine.kind != Value::Kind::kString) return false;
  return engine.text == "postgres" || engine.text == "aurora-postgresql";
}

const Value* ParameterGroup::Parameter(std::string_view name) const {
  for (const auto& [k, v] : parameters) {
    if (k == name) return &v;
  }
  return nullptr;
}

const EnvVar* Function::Env(std::string_view name) const {
  for (const EnvVar& e : environment) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

size_t Graph::NodeCount() const {
  return databases.size() + parameter_groups.size() + proxies.size() + secrets.size() +
         functions.size() + roles.size() + policies.size() + security_group_rules.size();
}

void Graph::BuildIndex() {
  index_.clear();
  auto add = [this](const auto& nodes) {
    for (const auto& n : nodes) {
      Indexed& e = index_[n.id];
      if (!e.any) e.any = &n;
      using T = std::decay_t<decltype(n)>;
      if constexpr (std::is_same_v<T, Database>) {
        if (!e.database) e.database = &n;
      } else if constexpr (std::is_same_v<T, Role>) {
        if (!e.role) e.role = &n;
      } else if constexpr (std::is_same_v<T, Secret>) {
        if (!e.secret) e.secret = &n;
      }
    }
  };
  // Find's order: the first node of the first kind that has the id.
  add(databases);
  add(parameter_groups);
  add(proxies);
  add(secrets);
  add(functions);
  add(roles);
  add(policies);
  add(security_group_rules);
  indexed_for_ = this;
  indexed_nodes_ = NodeCount();
}

const Graph::Indexed* Graph::Lookup(std::string_view id, bool* indexed) const {
  *indexed = indexed_for_ == this && indexed_nodes_ == NodeCount();
  if (!*indexed) return nullptr;
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &it->second;
}

const Node* Graph::Find(std::string_view id) const {
  bool indexed;
  if (const Indexed* e = Lookup(id, &indexed)) return e->any;
  if (indexed) return nullptr;
  if (const Node* n = FindIn(databases, id)) return n;
  if (const Node* n = FindIn(parameter_groups, id)) return n;
  if (const Node* n = FindIn(proxies, id)) return n;
  if (const Node* n = FindIn(secrets, id)) return n;
  if (const Node* n = FindIn(functions, id)) return n;
  if (const Node* n = FindIn(roles, id)) return n;
  if (const Node* n = FindIn(policies, id)) return n;
  if (const Node* n = FindIn(security_group_rules, id)) return n;
  return nullptr;
}

const Database* Graph::FindDatabase(std::string_view id) const {
  bool indexed;
  if (const Indexed* e = Lookup(id, &indexed)) return e->database;
  return indexed ? nullptr : FindIn(databases, id);
}

const Role* Graph::FindRole(std::string_view id) const {
  bool indexed;
  if (const Indexed* e = Lookup(id, &indexed)) return e->role;
  return indexed ? nullptr : FindIn(roles, id);
}

const Secret* Graph::FindSecret(std::string_view id) const {
  bool indexed;
  if (const Indexed* e = Lookup(id, &indexed)) return e->secret;
  return indexed ? nullptr : FindIn(secrets, id);
}

const Node* Graph::Resolve(const Reference& ref) const { return Find(ref.node); }

void Graph::Merge(Graph other) {
  Append(databases, other.databases);
  Append(parameter_groups, other.parameter_groups);
  Append(proxies, other.proxies);
  Append(secrets, other.secrets);
  Append(functions, other.functions);
  Append(roles, other.roles);
  Append(policies, other.policies);
  Append(security_group_rules, other.security_group_rules);
  Append(policy_errors, other.policy_errors);
  Append(secret_spans, other.secret_spans);
  Append(problems, other.problems);
  Append(sources, other.sources);
}

uint64_t TextFingerprint(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace rdslint::iac
