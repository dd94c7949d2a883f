// JSON templates through the strict positioned JSON reader: exact ranges for
// every value and key, and JSON's own error messages.
#include <string>
#include <unordered_set>
#include <utility>

#include "frontend/cfn/intrinsics.h"
#include "frontend/json/positioned_json.h"

namespace rdslint::cfn::internal {
namespace {

class JsonConverter {
 public:
  JsonConverter(Document* doc, const ParseOptions& options) : doc_(doc), finish_(doc, options) {}

  // json::ParseJson bounds the depth (json::kMaxDepth), so recursion is safe.
  uint32_t Convert(const json::Value& v) {
    Node n;
    n.range = v.range;
    switch (v.kind) {
      case json::Value::kNull:
        break;
      case json::Value::kBool:
        n.kind = Node::Kind::kScalar;
        n.plain = true;
        n.text = MappedText::Verbatim(v.boolean ? "true" : "false", v.range.begin);
        break;
      case json::Value::kNumber:
        n.kind = Node::Kind::kScalar;
        n.plain = true;
        n.text = MappedText::Verbatim(v.number_text, v.range.begin);
        break;
      case json::Value::kString:
        n.kind = Node::Kind::kScalar;
        n.text = v.string;
        break;
      case json::Value::kArray:
        n.kind = Node::Kind::kList;
        n.items.reserve(v.array.size());
        for (const json::Value& item : v.array) n.items.push_back(Convert(item));
        break;
      case json::Value::kObject: {
        n.kind = Node::Kind::kMap;
        std::unordered_set<std::string> seen;
        for (const json::Member& m : v.object) {
          if (!seen.insert(m.key.text).second) {
            finish_.AddError(m.key_range, "duplicate key '" + m.key.text + "'");
          }
          n.entries.push_back(Entry{m.key, m.key_range, Convert(m.value), false});
        }
        break;
      }
    }
    std::vector<Node>& nodes = doc_->mutable_nodes();
    nodes.push_back(std::move(n));
    const uint32_t index = static_cast<uint32_t>(nodes.size() - 1);
    if (nodes[index].is_scalar() && !nodes[index].plain) finish_.Scalar(index);
    if (nodes[index].is_map()) finish_.Map(index);
    return index;
  }

 private:
  Document* doc_;
  Finisher finish_;
};

}  // namespace

void ReadJson(std::string_view text, const ParseOptions& options, Document* doc) {
  json::ParseResult r = json::ParseJson(text);
  if (!r.ok()) {
    for (const json::Error& e : r.errors) {
      doc->errors.push_back(Error{e.range, "JSON syntax error: " + e.message});
    }
    return;
  }
  JsonConverter converter(doc, options);
  doc->set_root(converter.Convert(r.value));
}

}  // namespace rdslint::cfn::internal
