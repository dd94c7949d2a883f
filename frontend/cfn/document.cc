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
