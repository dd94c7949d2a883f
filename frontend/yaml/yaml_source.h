// What every yaml-cpp reader needs around it: a guard that rejects absurd
// nesting before yaml-cpp recurses into it, errors located in the source and
// free of values, and the source bytes behind each decoded scalar (yaml-cpp
// marks only where a node starts). Shared by the compose reader
// (frontend/dotenv) and the CloudFormation reader (frontend/cfn).
#ifndef RDSLINT_FRONTEND_YAML_YAML_SOURCE_H_
#define RDSLINT_FRONTEND_YAML_YAML_SOURCE_H_

#include <yaml-cpp/exceptions.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/source.h"

namespace rdslint::yaml {

// Deeper input is rejected before it reaches yaml-cpp, whose parser
// recurses once per level.
inline constexpr size_t kMaxNesting = 1000;

struct Error {
  SourceRange range;
  std::string message;  // never quotes a value
};

// A UTF-8 byte order mark: yaml-cpp's positions start after it.
bool HasBom(std::string_view text);

// Where `text` nests deeper than `limit` levels (flow brackets and block
// indentation, quoted scalars, comments and block scalar bodies skipped),
// or npos. Linear time.
size_t FindExcessiveNesting(std::string_view text, size_t limit);

// "file too large" or "YAML nested deeper than 1000 levels", located, for
// input that must not reach yaml-cpp at all.
std::optional<Error> CheckBeforeParse(std::string_view text);

// A yaml-cpp exception as a located error. yaml-cpp appends details (an
// escape character, an anchor name) after a colon; they may come from a
// value, so only the fixed part of its message is kept.
Error ErrorFromException(std::string_view text, const YAML::Exception& e);
std::string SafeMessage(const std::string& yaml_cpp_message);

// Maps the decoded scalar `decoded` of a node whose yaml-cpp mark is at byte
// `pos` (BOM included) back to its source bytes: escapes and '' pairs map to
// their whole spelling, folded line breaks to the break. Block scalars whose
// layout cannot be followed map onto their first content line. *quote
// receives '\'' or '"' for a quoted scalar, else 0.
MappedText MapScalar(std::string_view src, size_t pos, const std::string& decoded, char* quote);

}  // namespace rdslint::yaml

#endif  // RDSLINT_FRONTEND_YAML_YAML_SOURCE_H_
