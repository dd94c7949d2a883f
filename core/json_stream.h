// Writing a large JSON report without holding it: the document is built
// with its one big array empty, and the array's items are written one by
// one where it stands, laid out exactly as nlohmann's dump(2) would.
#ifndef RDSLINT_CORE_JSON_STREAM_H_
#define RDSLINT_CORE_JSON_STREAM_H_

#include <cstddef>
#include <functional>
#include <ostream>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rdslint {

// Writes `doc` pretty-printed with two spaces, its empty array under `key`
// (which must be unique in `doc`) replaced by `count` items from `item(i)`.
// Invalid UTF-8 in any string is replaced, not fatal.
void WriteJsonWithStreamedArray(const nlohmann::json& doc, std::string_view key, size_t count,
                                const std::function<nlohmann::json(size_t)>& item, std::ostream& out);

}  // namespace rdslint

#endif  // RDSLINT_CORE_JSON_STREAM_H_
