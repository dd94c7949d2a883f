#include "frontend/cfn/document.h"

#include "frontend/cfn/intrinsics.h"

namespace rdslint::cfn {

std::optional<bool> Node::AsBool() const {
  if (kind != Kind::kScalar || !plain) return std::nullopt;
  const std::string& t = text.text;
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

const Entry* Document::Find(const Node& map, std::string_view key) const {
  if (!map.is_map()) return nullptr;
  for (size_t i = map.entries.size(); i-- > 0;) {
    if (map.entries[i].key.text == key) return &map.entries[i];
  }
  return nullptr;
}

const Node* Document::Get(const Node& map, std::string_view key) const {
  const Entry* e = Find(map, key);
  return e ? &nodes_[e->value] : nullptr;
}

const Node* Document::Arg(const Node& fn) const {
  return fn.kind == Node::Kind::kFunction && fn.arg != kNoNode ? &nodes_[fn.arg] : nullptr;
}

const Node* Document::Item(const Node& list, size_t i) const {
  return list.is_list() && i < list.items.size() ? &nodes_[list.items[i]] : nullptr;
}

namespace internal {
namespace {

std::string Describe(SourceRange r) { return std::to_string(r.begin) + "-" + std::to_string(r.end); }

std::string Describe(const MappedText& m) {
  std::string out = "'" + m.text + "'@";
  for (uint32_t o : m.offsets) out += std::to_string(o) + ",";
  return out;
}

}  // namespace

std::string Describe(const Document& doc) {
  std::string out = doc.parsed() ? "root " + std::to_string(doc.root() - &doc.at(0)) + "\n" : "no tree\n";
  for (const Error& e : doc.errors) out += "error " + Describe(e.range) + " " + e.message + "\n";
  for (size_t i = 0; i < doc.size(); ++i) {
    const Node& n = doc.at(static_cast<uint32_t>(i));
    out += std::to_string(i) + ": kind " + std::to_string(static_cast<int>(n.kind)) + " plain " +
           std::to_string(n.plain) + " " + Describe(n.range) + " " + Describe(n.text) + " fn " +
           std::to_string(static_cast<int>(n.fn)) + " " + Describe(n.fn_range) + " arg " + std::to_string(n.arg) +
           " items";
    for (uint32_t item : n.items) out += " " + std::to_string(item);
    for (const Entry& e : n.entries) {
      out += " [" + Describe(e.key) + " " + Describe(e.key_range) + " -> " + std::to_string(e.value) +
             (e.merged ? " merged]" : "]");
    }
    for (const DynamicRef& d : n.dynamic_refs) {
      out += " {" + d.service + " " + std::to_string(d.begin) + "-" + std::to_string(d.end) + "}";
    }
    for (const SubPart& p : n.sub) {
      out += " <" + std::to_string(static_cast<int>(p.kind)) + " " + Describe(p.text) + " " + Describe(p.range) + ">";
    }
    out += "\n";
  }
  return out;
}

}  // namespace internal

Document Parse(std::string_view text, const ParseOptions& options) {
  Document doc;
  if (options.syntax == Syntax::kJson) {
    internal::ReadJson(text, options, &doc);
  } else {
    internal::ReadYaml(text, options, &doc);
  }
  return doc;
}

}  // namespace rdslint::cfn
