#include "frontend/iac/cfn_values.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace rdslint::iac::internal {
namespace {

constexpr int kMaxDepth = 48;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// YAML/JSON numbers as CloudFormation reads them: 5432, -1, 2.5, 1e3.
bool LooksNumeric(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  const size_t digits = i;
  while (i < t.size() && IsDigit(t[i])) ++i;
  if (i == digits) return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    const size_t exp = i;
    while (i < t.size() && IsDigit(t[i])) ++i;
    if (i == exp) return false;
  }
  return i == t.size();
}

void CollectReferences(const Value& v, std::vector<Reference>* out) {
  out->insert(out->end(), v.references.begin(), v.references.end());
}

// A piece of a string value: its text, segments and holes in [b, e).
Value SliceString(const Value& v, uint32_t b, uint32_t e) {
  Value out;
  out.kind = Value::Kind::kString;
  out.origin = v.origin;
  out.via = v.via;
  out.text = v.text.substr(b, e - b);
  for (const Segment& s : v.segments) {
    const uint32_t sb = std::max(s.begin, b), se = std::min(s.end, e);
    if (sb >= se) continue;
    Segment n = s;
    if (s.verbatim) {
      n.origin.range = SourceRange{s.origin.range.begin + (sb - s.begin),
                                   s.origin.range.begin + (se - s.begin)};
    }
    n.begin = sb - b;
    n.end = se - b;
    out.segments.push_back(std::move(n));
  }
  for (const Hole& h : v.holes) {
    if (h.begin >= b && h.end <= e) {
      Hole n = h;
      n.begin -= b;
      n.end -= b;
      out.holes.push_back(std::move(n));
      if (h.reference) out.references.push_back(*h.reference);
    }
  }
  return out;
}

}  // namespace

std::string SourceFile::Where(uint32_t offset) const {
  return path + ":" + std::to_string(lines.Locate(offset).line);
}

At At::Get(std::string_view key) const {
  if (!node) return {};
  return At{file, file->doc.Get(*node, key)};
}

At At::Arg() const {
  if (!node) return {};
  return At{file, file->doc.Arg(*node)};
}

At At::Item(size_t i) const {
  if (!node) return {};
  return At{file, file->doc.Item(*node, i)};
}

const cfn::Entry* At::Find(std::string_view key) const {
  return node ? file->doc.Find(*node, key) : nullptr;
}

Origin At::origin() const { return node ? Origin{file->path, node->range} : Origin{}; }

std::string_view At::Source() const {
  if (!node) return {};
  return std::string_view(file->text).substr(node->range.begin, node->range.size());
}

const std::string& At::Text() const {
  static const std::string kEmpty;
  return IsScalar() ? node->text.text : kEmpty;
}

std::string TemplateScope::NodeId(std::string_view logical_id) const {
  return path + "#" + std::string(logical_id);
}

std::string TemplateScope::ResolveId(std::string_view logical_id) const {
  const std::string id(logical_id);
  if (auto it = implicit.find(id); it != implicit.end()) return it->second;
  if (resources.count(id)) return NodeId(logical_id);
  return "";
}

bool ValueBuilder::Enter() {
  if (depth_ >= kMaxDepth) return false;
  ++depth_;
  return true;
}

void ValueBuilder::Problem(Origin origin, std::string message) {
  if (problems_) problems_->push_back(GraphProblem{std::move(origin), std::move(message)});
}

Value ValueBuilder::Unknown(At n, std::string via) {
  Value v;
  v.kind = Value::Kind::kUnknown;
  v.origin = n.origin();
  v.text = std::string(n.Source());
  if (!via.empty()) v.via.push_back(std::move(via));
  return v;
}

Value ValueBuilder::EmptyString(Origin origin) {
  Value v;
  v.kind = Value::Kind::kString;
  v.origin = std::move(origin);
  return v;
}

Value ValueBuilder::Synthetic(std::string text, Origin origin) {
  Value v = EmptyString(origin);
  v.segments.push_back(Segment{0, static_cast<uint32_t>(text.size()), origin, false});
  v.text = std::move(text);
  return v;
}

Reference ValueBuilder::MakeReference(At where, std::string_view logical_id, std::string attribute,
                                      std::string text) const {
  Reference r;
  r.node = scope_.ResolveId(logical_id);
  if (r.node.empty()) r.node = scope_.NodeId(logical_id);
  auto it = scope_.resources.find(std::string(logical_id));
  // A Ref to a secret's attachment is the secret's ARN (CDK writes these).
  if (it != scope_.resources.end() && attribute.empty() &&
      it->second.type == "AWS::SecretsManager::SecretTargetAttachment") {
    const At secret = it->second.properties.Get("SecretId");
    if (secret.Is(cfn::Fn::kRef) && secret.Arg().IsScalar() && secret.Arg().Text() != logical_id) {
      const std::string id = scope_.ResolveId(secret.Arg().Text());
      if (!id.empty()) r.node = id;
    }
  }
  // The secret RDS manages for a DB is a node of its own.
  if (it != scope_.resources.end() && StartsWith(attribute, "MasterUserSecret") &&
      (it->second.type == "AWS::RDS::DBInstance" || it->second.type == "AWS::RDS::DBCluster")) {
    const At manage = it->second.properties.Get("ManageMasterUserPassword");
    if (manage && manage.node->AsBool() == true) {
      r.node = scope_.NodeId(std::string(logical_id) + ".MasterUserSecret");
      const size_t dot = attribute.find('.');
      attribute = dot == std::string::npos ? "" : attribute.substr(dot + 1);
    }
  }
  r.attribute = std::move(attribute);
  r.origin = where.origin();
  r.text = std::move(text);
  return r;
}

Value ValueBuilder::Convert(At n) {
  if (!n) return Value{};
  if (exhausted_ || budget_ == 0) {
    if (!exhausted_) {
      Problem(n.origin(), "values expand to too much data (YAML aliases); the rest of the file "
                          "is read as unknown");
    }
    exhausted_ = true;
    return Unknown(n);
  }
  --budget_;
  if (!Enter()) return Unknown(n, "nested too deeply to follow");
  Value v;
  v.origin = n.origin();
  switch (n.node->kind) {
    case cfn::Node::Kind::kNull:
      v.kind = Value::Kind::kNull;
      break;
    case cfn::Node::Kind::kScalar:
      v = Scalar(n);
      break;
    case cfn::Node::Kind::kList:
      v.kind = Value::Kind::kList;
      for (size_t i = 0; i < n.node->items.size(); ++i) v.items.push_back(Convert(n.Item(i)));
      break;
    case cfn::Node::Kind::kMap:
      v.kind = Value::Kind::kMap;
      for (const cfn::Entry& e : n.node->entries) v.entries.emplace_back(e.key.text, Convert(n.Value(e)));
      break;
    case cfn::Node::Kind::kFunction:
      v = ConvertFunction(n);
      break;
  }
  Leave();
  return v;
}

std::vector<Value> ValueBuilder::Items(At n) {
  std::vector<Value> out;
  if (!n) return out;
  Value v = Convert(n);
  if (v.kind == Value::Kind::kList) return std::move(v.items);
  out.push_back(std::move(v));
  return out;
}

Value ValueBuilder::Scalar(At n) {
  Value v;
  v.origin = n.origin();
  const std::string& t = n.node->text.text;
  if (n.node->plain) {
    if (std::optional<bool> b = n.node->AsBool()) {
      v.kind = Value::Kind::kBool;
      v.boolean = *b;
      v.text = t;
      return v;
    }
    if (LooksNumeric(t)) {
      v.kind = Value::Kind::kNumber;
      v.text = t;
      return v;
    }
  }
  if (variables_) {
    if (std::optional<Value> whole = variables_->Whole(*this, n)) {
      whole->origin = n.origin();
      return std::move(*whole);
    }
  }
  v.kind = Value::Kind::kString;
  AppendText(&v, n.node->text, 0, t.size(), *n.file);
  MarkDynamicReferences(&v);
  return v;
}

void ValueBuilder::AppendLiteral(Value* acc, const MappedText& m, size_t begin, size_t end,
                                 const SourceFile& file) {
  const std::string_view src = file.text;
  size_t i = begin;
  while (i < end) {
    const uint32_t off = static_cast<uint32_t>(acc->text.size());
    // A verbatim run: each byte copied from the next source byte.
    auto verbatim = [&](size_t k) {
      return m.offsets[k + 1] == m.offsets[k] + 1 && m.offsets[k] < src.size() &&
             src[m.offsets[k]] == m.text[k];
    };
    size_t j = i;
    if (verbatim(i)) {
      while (j < end && verbatim(j) && (j == i || m.offsets[j] == m.offsets[j - 1] + 1)) ++j;
      acc->segments.push_back(Segment{off, off + static_cast<uint32_t>(j - i),
                                      Origin{file.path, SourceRange{m.offsets[i], m.offsets[j]}}, true});
    } else {
      while (j < end && !verbatim(j)) ++j;
      const uint32_t sb = m.offsets[i];
      const uint32_t se = std::max(m.offsets[j], sb + 1);
      acc->segments.push_back(Segment{off, off + static_cast<uint32_t>(j - i),
                                      Origin{file.path, SourceRange{sb, se}}, false});
    }
    acc->text.append(m.text, i, j - i);
    i = j;
  }
}

void ValueBuilder::AppendText(Value* acc, const MappedText& m, size_t begin, size_t end,
                              const SourceFile& file) {
  if (variables_) {
    variables_->Append(*this, acc, m, begin, end, file);
  } else {
    AppendLiteral(acc, m, begin, end, file);
  }
}

void ValueBuilder::AppendValue(Value* acc, const Value& piece, std::string_view hole_text) {
  const uint32_t off = static_cast<uint32_t>(acc->text.size());
  acc->via.insert(acc->via.end(), piece.via.begin(), piece.via.end());
  acc->deploy_time_secret = acc->deploy_time_secret || piece.deploy_time_secret;
  switch (piece.kind) {
    case Value::Kind::kString:
      acc->text += piece.text;
      for (Segment s : piece.segments) {
        s.begin += off;
        s.end += off;
        acc->segments.push_back(std::move(s));
      }
      for (Hole h : piece.holes) {
        h.begin += off;
        h.end += off;
        acc->holes.push_back(std::move(h));
      }
      CollectReferences(piece, &acc->references);
      return;
    case Value::Kind::kNumber:
    case Value::Kind::kBool: {
      const std::string t = piece.kind == Value::Kind::kBool ? (piece.boolean ? "true" : "false")
                                                             : piece.text;
      acc->text += t;
      const bool verbatim = piece.origin.range.size() == t.size();
      acc->segments.push_back(Segment{off, off + static_cast<uint32_t>(t.size()), piece.origin, verbatim});
      return;
    }
    default: {
      std::string h(hole_text);
      if (h.empty()) {
        h = piece.references.size() == 1 ? "${" + piece.references[0].text + "}" : "${...}";
      }
      acc->text += h;
      Hole hole{off, off + static_cast<uint32_t>(h.size()), std::nullopt};
      if (piece.references.size() == 1) hole.reference = piece.references[0];
      acc->holes.push_back(std::move(hole));
      acc->segments.push_back(Segment{off, off + static_cast<uint32_t>(h.size()), piece.origin, false});
      CollectReferences(piece, &acc->references);
      return;
    }
  }
}

void ValueBuilder::MarkDynamicReferences(Value* v) {
  if (v->kind != Value::Kind::kString) return;
  size_t from = 0;
  while (true) {
    const size_t b = v->text.find("{{resolve:", from);
    if (b == std::string::npos) return;
    const size_t close = v->text.find("}}", b);
    if (close == std::string::npos) return;
    const uint32_t e = static_cast<uint32_t>(close + 2);
    const size_t svc_end = v->text.find(':', b + 10);
    const std::string_view service =
        std::string_view(v->text).substr(b + 10, svc_end == std::string::npos ? 0 : svc_end - b - 10);
    if (service == "secretsmanager" || service == "ssm-secure") v->deploy_time_secret = true;
    Hole merged{static_cast<uint32_t>(b), e, std::nullopt};
    std::vector<Hole> kept;
    for (Hole& h : v->holes) {
      if (h.begin >= b && h.end <= e) {
        if (!merged.reference && h.reference) merged.reference = std::move(h.reference);
      } else {
        kept.push_back(std::move(h));
      }
    }
    kept.push_back(std::move(merged));
    std::sort(kept.begin(), kept.end(), [](const Hole& x, const Hole& y) { return x.begin < y.begin; });
    v->holes = std::move(kept);
    from = e;
  }
}

Value ValueBuilder::ConvertFunction(At n) {
  const At arg = n.Arg();
  switch (n.node->fn) {
    case cfn::Fn::kRef:
      if (!arg.IsScalar()) return Unknown(n);
      return Ref(n, arg.Text());
    case cfn::Fn::kGetAtt:
      return GetAtt(n);
    case cfn::Fn::kSub:
      return Sub(n);
    case cfn::Fn::kJoin:
      return Join(n);
    case cfn::Fn::kSelect:
      return Select(n);
    case cfn::Fn::kFindInMap:
      return FindInMap(n);
    case cfn::Fn::kImportValue: {
      Value v = Unknown(n, "Fn::ImportValue (exported by another stack)");
      CollectReferences(Convert(arg), &v.references);
      return v;
    }
    default: {
      // Conditions (Fn::If), Fn::Base64, Fn::Split, Fn::GetAZs, Fn::Cidr, ...:
      // not evaluated, but what they reference is kept.
      Value v = Unknown(n);
      Value a = Convert(arg);
      std::vector<Reference> refs;
      std::function<void(const Value&)> walk = [&](const Value& x) {
        CollectReferences(x, &refs);
        for (const Value& i : x.items) walk(i);
        for (const auto& [k, e] : x.entries) walk(e);
      };
      walk(a);
      v.references = std::move(refs);
      return v;
    }
  }
}

Value ValueBuilder::Ref(At n, const std::string& name) {
  if (name == "AWS::NoValue") {
    Value v;
    v.kind = Value::Kind::kNull;
    v.origin = n.origin();
    v.via.push_back("AWS::NoValue");
    return v;
  }
  if (StartsWith(name, "AWS::")) return Unknown(n, "pseudo parameter " + name);
  if (auto it = scope_.parameters.find(name); it != scope_.parameters.end()) {
    return Parameter(n, name, it->second);
  }
  Value v = Unknown(n);
  v.references.push_back(MakeReference(n, name, "", name));
  return v;
}

Value ValueBuilder::Parameter(At where, const std::string& name, const At& definition) {
  const std::string& type = definition.Get("Type").Text();
  if (StartsWith(type, "AWS::SSM::Parameter::Value<")) {
    return Unknown(where, "parameter " + name + " (read from SSM Parameter Store at deploy time)");
  }
  const At def = definition.Get("Default");
  if (!def || def.IsNull()) {
    return Unknown(where, "parameter " + name + " (no Default: given at deploy time)");
  }
  Value v = Convert(def);
  v.via.push_back("parameter " + name + " (Default, " + def.file->Where(def.node->range.begin) + ")");
  v.origin = where.origin();
  if ((type == "CommaDelimitedList" || StartsWith(type, "List<")) && v.kind == Value::Kind::kString &&
      v.holes.empty()) {
    Value list;
    list.kind = Value::Kind::kList;
    list.origin = v.origin;
    list.via = v.via;
    uint32_t b = 0;
    for (uint32_t i = 0; i <= v.text.size(); ++i) {
      if (i == v.text.size() || v.text[i] == ',') {
        list.items.push_back(SliceString(v, b, i));
        b = i + 1;
      }
    }
    return list;
  }
  return v;
}

Value ValueBuilder::GetAtt(At n) {
  const At arg = n.Arg();
  std::string logical, attribute;
  if (arg.IsScalar()) {
    const std::string& t = arg.Text();
    const size_t dot = t.find('.');
    if (dot == std::string::npos) return Unknown(n);
    logical = t.substr(0, dot);
    attribute = t.substr(dot + 1);
  } else if (arg.IsList() && arg.Item(0).IsScalar()) {
    logical = arg.Item(0).Text();
    attribute = arg.Item(1).Text();  // "" when the attribute is itself computed
  } else {
    return Unknown(n);
  }
  Value v = Unknown(n);
  v.references.push_back(
      MakeReference(n, logical, attribute, attribute.empty() ? logical : logical + "." + attribute));
  return v;
}

Value ValueBuilder::Sub(At n) {
  const At arg = n.Arg();
  At tmpl = arg.IsScalar() ? arg : arg.Item(0);
  At vars = arg.IsList() ? arg.Item(1) : At{};
  if (!tmpl.IsScalar()) return Unknown(n);
  Value v = EmptyString(n.origin());
  for (const cfn::SubPart& part : n.node->sub) {
    if (part.kind == cfn::SubPart::Kind::kLiteral) {
      AppendText(&v, part.text, 0, part.text.text.size(), *n.file);
      continue;
    }
    const std::string& name = part.text.text;
    const At at_var{n.file, n.node};
    Value piece;
    if (At bound = vars.Get(name)) {
      piece = Convert(bound);
    } else {
      if (const size_t dot = name.find('.'); dot != std::string::npos && !StartsWith(name, "AWS::")) {
        piece = Unknown(at_var);
        piece.references.push_back(
            MakeReference(at_var, name.substr(0, dot), name.substr(dot + 1), name));
      } else {
        piece = Ref(at_var, name);
      }
      // Written here, as "${Name}".
      for (Reference& r : piece.references) r.origin.range = part.range;
      if (piece.kind == Value::Kind::kUnknown) piece.text = "${" + name + "}";
    }
    piece.origin.range = part.range;
    const size_t before = v.segments.size();
    const std::string hole = "${" + name + "}";
    AppendValue(&v, piece, hole);
    // A hole written as "${Name}" maps byte for byte onto its source.
    if (piece.kind != Value::Kind::kString && piece.kind != Value::Kind::kNumber &&
        piece.kind != Value::Kind::kBool && v.segments.size() == before + 1 &&
        std::string_view(n.file->text).substr(part.range.begin, part.range.size()) == hole) {
      v.segments.back().verbatim = true;
    }
  }
  MarkDynamicReferences(&v);
  return v;
}

Value ValueBuilder::Join(At n) {
  const At arg = n.Arg();
  const At delim = arg.Item(0);
  const At list = arg.Item(1);
  if (!delim.IsScalar() || !list) return Unknown(n);
  std::vector<std::pair<Value, std::string>> pieces;
  if (list.IsList()) {
    for (size_t i = 0; i < list.node->items.size(); ++i) {
      const At item = list.Item(i);
      std::string label;
      if (item.Is(cfn::Fn::kRef)) label = "${" + item.Arg().Text() + "}";
      if (item.Is(cfn::Fn::kGetAtt) && item.Arg().IsScalar()) label = "${" + item.Arg().Text() + "}";
      pieces.emplace_back(Convert(item), std::move(label));
    }
  } else {
    Value computed = Convert(list);
    if (computed.kind != Value::Kind::kList) {
      Value v = Unknown(n);
      v.references = computed.references;
      return v;
    }
    for (Value& item : computed.items) pieces.emplace_back(std::move(item), "");
  }
  Value v = EmptyString(n.origin());
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) AppendLiteral(&v, delim.node->text, 0, delim.Text().size(), *delim.file);
    AppendValue(&v, pieces[i].first, pieces[i].second);
  }
  MarkDynamicReferences(&v);
  return v;
}

Value ValueBuilder::Select(At n) {
  const At arg = n.Arg();
  const Value index = Convert(arg.Item(0));
  const At list = arg.Item(1);
  if ((index.kind != Value::Kind::kNumber && index.kind != Value::Kind::kString) ||
      !LooksNumeric(index.text) || index.text.find_first_of(".eE-") != std::string::npos) {
    return Unknown(n);
  }
  const size_t i = std::stoul(index.text.substr(0, 9));
  if (list.IsList()) {
    if (i < list.node->items.size()) return Convert(list.Item(i));
    return Unknown(n);
  }
  Value computed = Convert(list);
  if (computed.kind == Value::Kind::kList && i < computed.items.size()) {
    return std::move(computed.items[i]);
  }
  Value v = Unknown(n);
  v.references = computed.references;
  return v;
}

Value ValueBuilder::FindInMap(At n) {
  const At arg = n.Arg();
  const Value map = Convert(arg.Item(0));
  const Value k1 = Convert(arg.Item(1));
  const Value k2 = Convert(arg.Item(2));
  for (const Value* k : {&map, &k1, &k2}) {
    if (!k->is_literal_string() && k->kind != Value::Kind::kNumber) {
      Value v = Unknown(n);
      CollectReferences(k1, &v.references);
      CollectReferences(k2, &v.references);
      return v;
    }
  }
  const At found = scope_.mappings.Get(map.text).Get(k1.text).Get(k2.text);
  if (!found) return Unknown(n);
  Value v = Convert(found);
  v.via.push_back("mapping " + map.text + "." + k1.text + "." + k2.text + " (" +
                  found.file->Where(found.node->range.begin) + ")");
  v.origin = n.origin();
  return v;
}

bool IsSecretName(std::string_view name) {
  std::string u;
  for (char c : name) {
    if (c == '-' || c == '.') c = '_';
    u.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  }
  // Names of secrets, not secrets: DB_SECRET_ARN, SecretId, TokenName.
  for (std::string_view id : {"ARN", "_ID", "ID", "NAME", "_KEY_ID", "REGION", "_PATH"}) {
    if (EndsWith(u, id)) return false;
  }
  for (std::string_view s : {"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "PRIVATE_KEY", "API_KEY"}) {
    if (u.find(s) != std::string::npos) return true;
  }
  return EndsWith(u, "_PWD") || EndsWith(u, "_PASS") || u == "PWD" || u == "PGPASS";
}

void AddSecretSpans(const Value& v, std::vector<Origin>* spans) {
  switch (v.kind) {
    case Value::Kind::kString:
      for (const Segment& s : v.segments) {
        bool in_hole = false;
        for (const Hole& h : v.holes) in_hole = in_hole || (s.begin >= h.begin && s.end <= h.end);
        if (!in_hole && !s.origin.range.empty()) spans->push_back(s.origin);
      }
      break;
    case Value::Kind::kNumber:
      if (v.origin.known()) spans->push_back(v.origin);
      break;
    case Value::Kind::kList:
      for (const Value& i : v.items) AddSecretSpans(i, spans);
      break;
    case Value::Kind::kMap:
      for (const auto& [k, e] : v.entries) AddSecretSpans(e, spans);
      break;
    default:
      break;
  }
}

}  // namespace rdslint::iac::internal
