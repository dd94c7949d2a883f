#include "core/json_stream.h"

#include <string>

namespace rdslint {

namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void WriteJsonWithStreamedArray(const nlohmann::json& doc, std::string_view key, size_t count,
                                const std::function<nlohmann::json(size_t)>& item, std::ostream& out) {
  const std::string whole = Dump(doc);
  // A key and its empty array outside any string: inside a string the
  // quotes would be escaped.
  const std::string marker = "\"" + std::string(key) + "\": []";
  const size_t at = whole.find(marker);
  if (at == std::string::npos) {  // no such array: nothing to stream into
    out << whole << "\n";
    return;
  }
  const size_t line_start = whole.rfind('\n', at) + 1;  // rfind gives npos (+1 = 0) on the first line
  const std::string indent(at - line_start + 2, ' ');
  out.write(whole.data(), static_cast<std::streamsize>(at + marker.size() - 1));  // up to "["
  for (size_t i = 0; i < count; ++i) {
    out << (i ? ",\n" : "\n") << indent;
    const std::string text = Dump(item(i));
    size_t from = 0;
    for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
      out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
      out << indent;
      from = nl + 1;
    }
    out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
  }
  if (count > 0) out << "\n" << std::string(indent.size() - 2, ' ');
  out << "]";
  out.write(whole.data() + at + marker.size(), static_cast<std::streamsize>(whole.size() - at - marker.size()));
  out << "\n";
}

}  // namespace rdslint
