#include "frontend/cfn/intrinsics.h"

#include <utility>

namespace rdslint::cfn::internal {
namespace {

struct FnSpelling {
  Fn fn;
  std::string_view long_form;
  bool has_tag;  // a YAML short form "!Name" exists
};

constexpr FnSpelling kFunctions[] = {
    {Fn::kRef, "Ref", true},
    {Fn::kCondition, "Condition", true},
    {Fn::kSub, "Fn::Sub", true},
    {Fn::kGetAtt, "Fn::GetAtt", true},
    {Fn::kJoin, "Fn::Join", true},
    {Fn::kSelect, "Fn::Select", true},
    {Fn::kSplit, "Fn::Split", true},
    {Fn::kIf, "Fn::If", true},
    {Fn::kEquals, "Fn::Equals", true},
    {Fn::kAnd, "Fn::And", true},
    {Fn::kOr, "Fn::Or", true},
    {Fn::kNot, "Fn::Not", true},
    {Fn::kImportValue, "Fn::ImportValue", true},
    {Fn::kFindInMap, "Fn::FindInMap", true},
    {Fn::kBase64, "Fn::Base64", true},
    {Fn::kCidr, "Fn::Cidr", true},
    {Fn::kGetAZs, "Fn::GetAZs", true},
    {Fn::kTransform, "Fn::Transform", true},
    // AWS::LanguageExtensions: long form only.
    {Fn::kLength, "Fn::Length", false},
    {Fn::kToJsonString, "Fn::ToJsonString", false},
};

// Long forms that exist but are not values: the Rules section's assertion
// functions. They stay maps.
constexpr std::string_view kRuleFunctions[] = {
    "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn",
    "Fn::RefAll",   "Fn::ValueOf",          "Fn::ValueOfAll",
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

Fn FnForKey(std::string_view key) {
  for (const FnSpelling& f : kFunctions) {
    if (f.long_form == key) return f.fn;
  }
  return Fn::kNone;
}

bool IsSubNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':';
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// "self:custom.x", "env:X, 'd'", "file(./a.yml):k", "ssm(us-east-1):/p":
// a Serverless Framework variable, not a Sub variable ("AWS::Region" has
// a double colon).
bool LooksLikeServerlessVariable(std::string_view content) {
  size_t i = 0;
  while (i < content.size() && ((content[i] >= 'a' && content[i] <= 'z') ||
                                (content[i] >= 'A' && content[i] <= 'Z') ||
                                (content[i] >= '0' && content[i] <= '9'))) {
    ++i;
  }
  if (i == 0) return false;
  if (i < content.size() && content[i] == '(') {
    const size_t close = content.find(')', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
    if (i == content.size()) return true;  // ${strToBool(x)}
  }
  return i < content.size() && content[i] == ':' &&
         (i + 1 >= content.size() || content[i + 1] != ':');
}

void Push(MappedText* m, char c, uint32_t at) {
  m->text.push_back(c);
  m->offsets.push_back(at);
}

}  // namespace

TagKind ClassifyTag(std::string_view tag, Fn* fn) {
  *fn = Fn::kNone;
  if (tag.empty() || tag == "?" || tag == "!" || StartsWith(tag, "tag:yaml.org,2002:")) {
    return TagKind::kData;
  }
  if (tag.size() > 1 && tag[0] == '!') {
    for (const FnSpelling& f : kFunctions) {
      if (!f.has_tag) continue;
      std::string_view name = f.long_form;
      if (StartsWith(name, "Fn::")) name.remove_prefix(4);
      if (tag.substr(1) == name) {
        *fn = f.fn;
        return TagKind::kFunction;
      }
    }
  }
  return TagKind::kUnknown;
}

void Finisher::AddError(SourceRange range, std::string message) {
  if (doc_->errors.size() > kMaxErrors) return;
  if (doc_->errors.size() == kMaxErrors) {
    doc_->errors.push_back(Error{range, "too many errors; the rest of the file is not reported"});
    return;
  }
  doc_->errors.push_back(Error{range, std::move(message)});
}

void Finisher::Scalar(uint32_t index) {
  Node& n = doc_->mutable_nodes()[index];
  const std::string& t = n.text.text;
  size_t from = 0;
  while (true) {
    const size_t open = t.find("{{resolve:", from);
    if (open == std::string::npos) return;
    const size_t close = t.find("}}", open);
    const SourceRange at = n.text.ToSource(static_cast<uint32_t>(open),
                                           static_cast<uint32_t>(open + 10));
    // Fn::Join often splits one across its pieces (CDK writes
    // "{{resolve:secretsmanager:", {"Ref": ...}, ":SecretString:password::}}").
    if (close == std::string::npos) return;
    const size_t svc_begin = open + 10;
    size_t svc_end = t.find(':', svc_begin);
    if (svc_end == std::string::npos || svc_end > close) svc_end = close;
    const std::string service = t.substr(svc_begin, svc_end - svc_begin);
    if (service == "secretsmanager" || service == "ssm-secure" || service == "ssm") {
      n.dynamic_refs.push_back(
          DynamicRef{service, static_cast<uint32_t>(open), static_cast<uint32_t>(close + 2)});
    } else {
      bool literal = !service.empty();
      for (char c : service) literal = literal && (IsLower(c) || c == '-');
      // "{{resolve:${Service}:...}}" names its service through Fn::Sub.
      if (literal) {
        AddError(at, "unknown dynamic reference service: use ssm, ssm-secure or secretsmanager");
      }
    }
    from = close + 2;
  }
}

void Finisher::Map(uint32_t index) {
  std::vector<Node>& nodes = doc_->mutable_nodes();
  if (nodes[index].entries.size() != 1 || nodes[index].entries[0].merged) return;
  const Entry& e = nodes[index].entries[0];
  const std::string& key = e.key.text;
  Fn fn = FnForKey(key);
  if (fn == Fn::kCondition && !nodes[e.value].is_scalar()) return;  // a key named Condition
  if (fn == Fn::kNone) {
    if (!StartsWith(key, "Fn::") || StartsWith(key, "Fn::ForEach::")) return;
    for (std::string_view r : kRuleFunctions) {
      if (key == r) return;
    }
    AddError(e.key_range, "unknown intrinsic function '" + key + "'");
    return;
  }
  Node& n = nodes[index];
  n.kind = Node::Kind::kFunction;
  n.fn = fn;
  n.fn_range = n.entries[0].key_range;
  n.arg = n.entries[0].value;
  Function(index);
}

uint32_t Finisher::Tagged(Fn fn, SourceRange tag_range, uint32_t content, SourceRange whole) {
  std::vector<Node>& nodes = doc_->mutable_nodes();
  Node n;
  n.kind = Node::Kind::kFunction;
  n.fn = fn;
  n.fn_range = tag_range;
  n.arg = content;
  n.range = whole;
  nodes.push_back(std::move(n));
  const uint32_t index = static_cast<uint32_t>(nodes.size() - 1);
  Function(index);
  return index;
}

void Finisher::Function(uint32_t index) {
  CheckShape(index);
  const Node& n = doc_->at(index);
  if (n.fn != Fn::kSub) return;
  const Node& arg = doc_->at(n.arg);
  if (arg.is_scalar()) {
    ParseSub(index, n.arg);
  } else if (arg.is_list() && !arg.items.empty() && doc_->at(arg.items[0]).is_scalar()) {
    ParseSub(index, arg.items[0]);
  }
}

// Only shapes CloudFormation rejects outright are errors; an argument that
// is itself a function is accepted wherever CloudFormation accepts one.
void Finisher::CheckShape(uint32_t index) {
  const Node& n = doc_->at(index);
  const Node& a = doc_->at(n.arg);
  const size_t count = a.is_list() ? a.items.size() : 0;
  auto item = [&](size_t i) -> const Node& { return doc_->at(a.items[i]); };
  auto fail = [&](const char* usage) {
    AddError(n.range, std::string(FnName(n.fn)) + " takes " + usage);
  };
  switch (n.fn) {
    case Fn::kRef:
      if (!a.is_scalar() || a.text.text.empty()) fail("the logical id of a resource or a parameter name");
      break;
    case Fn::kCondition:
      if (!a.is_scalar()) fail("the name of a condition");
      break;
    case Fn::kGetAtt:
      if (a.is_scalar()) {
        const std::string& t = a.text.text;
        const size_t dot = t.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == t.size()) {
          fail("\"LogicalId.Attribute\" or [LogicalId, Attribute]");
        }
      } else if (count != 2 || !item(0).is_scalar() ||
                 !(item(1).is_scalar() || item(1).kind == Node::Kind::kFunction)) {
        fail("\"LogicalId.Attribute\" or [LogicalId, Attribute]");
      }
      break;
    case Fn::kSub:
      if (!(a.is_scalar() || (count == 2 && item(0).is_scalar() && item(1).is_map()))) {
        fail("a string, or [string, {Name: value, ...}]");
      }
      break;
    case Fn::kJoin:
      if (count != 2 || !item(0).is_scalar() ||
          !(item(1).is_list() || item(1).kind == Node::Kind::kFunction)) {
        fail("[delimiter, [values...]]");
      }
      break;
    case Fn::kSelect:
      if (count != 2) fail("[index, [values...]]");
      break;
    case Fn::kSplit:
      if (count != 2 || !item(0).is_scalar()) fail("[delimiter, string]");
      break;
    case Fn::kIf:
      if (count != 3 || !item(0).is_scalar()) fail("[condition name, value if true, value if false]");
      break;
    case Fn::kEquals:
      if (count != 2) fail("[value, value]");
      break;
    case Fn::kAnd:
    case Fn::kOr:
      if (count < 2 || count > 10) fail("a list of 2 to 10 conditions");
      break;
    case Fn::kNot:
      if (count != 1) fail("a list of one condition");
      break;
    case Fn::kFindInMap:
      if (count != 3 && count != 4) fail("[MapName, TopLevelKey, SecondLevelKey]");
      break;
    case Fn::kCidr:
      if (count != 3) fail("[ipBlock, count, cidrBits]");
      break;
    case Fn::kGetAZs:
      if (!(a.is_scalar() || a.is_null() || a.kind == Node::Kind::kFunction)) fail("a region name or \"\"");
      break;
    default:
      break;
  }
}

// "${Name}" is a variable, "${!Name}" the literal text "${Name}". Names are
// letters, digits, '_', '.' and ':' (AWS::Region, Db.Endpoint.Address).
void Finisher::ParseSub(uint32_t fn_index, uint32_t template_index) {
  const MappedText& m = doc_->at(template_index).text;
  const std::string& t = m.text;
  const size_t n = t.size();
  std::vector<SubPart> parts;
  SubPart lit;
  auto flush = [&](size_t upto) {
    if (!lit.text.text.empty()) {
      lit.text.offsets.push_back(m.offsets[upto]);
      lit.range = SourceRange{lit.text.offsets.front(), lit.text.offsets.back()};
      parts.push_back(std::move(lit));
    }
    lit = SubPart{};
  };
  auto literal = [&](size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) Push(&lit.text, t[k], m.offsets[k]);
  };
  size_t i = 0;
  while (i < n) {
    if (t[i] != '$' || i + 1 >= n || t[i + 1] != '{') {
      Push(&lit.text, t[i], m.offsets[i]);
      ++i;
      continue;
    }
    if (i + 2 < n && t[i + 2] == '!') {  // "${!" is a literal "${"
      literal(i, i + 2);
      i += 3;
      continue;
    }
    size_t close = std::string::npos;
    if (options_.serverless_variables) {
      // Serverless variables nest: ${self:custom.${opt:stage}}.
      int depth = 0;
      for (size_t k = i; k < n; ++k) {
        if (t[k] == '$' && k + 1 < n && t[k + 1] == '{') {
          ++depth;
          ++k;
        } else if (t[k] == '}' && --depth == 0) {
          close = k;
          break;
        }
      }
    } else {
      close = t.find('}', i + 2);
    }
    if (close == std::string::npos) {
      AddError(m.ToSource(static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2)),
               "unterminated '${' in Fn::Sub (write '${!' for a literal '${')");
      literal(i, n);
      i = n;
      break;
    }
    const std::string_view name(t.data() + i + 2, close - i - 2);
    bool valid = !name.empty();
    for (char c : name) valid = valid && IsSubNameChar(c);
    if (options_.serverless_variables && (!valid || LooksLikeServerlessVariable(name))) {
      literal(i, close + 1);  // resolved by the Serverless Framework first
      i = close + 1;
      continue;
    }
    const SourceRange whole = m.ToSource(static_cast<uint32_t>(i), static_cast<uint32_t>(close + 1));
    if (!valid) {
      AddError(whole, name.empty() ? "empty variable '${}' in Fn::Sub"
                                   : "invalid variable name in Fn::Sub: only letters, digits, "
                                     "'_', '.' and ':' may stand between '${' and '}'");
      literal(i, close + 1);
      i = close + 1;
      continue;
    }
    flush(i);
    SubPart var;
    var.kind = SubPart::Kind::kVariable;
    for (size_t k = i + 2; k < close; ++k) Push(&var.text, t[k], m.offsets[k]);
    var.text.offsets.push_back(m.offsets[close]);
    var.range = whole;
    parts.push_back(std::move(var));
    i = close + 1;
  }
  flush(n);
  doc_->mutable_nodes()[fn_index].sub = std::move(parts);
}

}  // namespace rdslint::cfn::internal

namespace rdslint::cfn {

std::string_view FnName(Fn fn) {
  for (const internal::FnSpelling& f : internal::kFunctions) {
    if (f.fn == fn) return f.long_form;
  }
  return "";
}

}  // namespace rdslint::cfn
