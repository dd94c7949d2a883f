// Values that stand in for a secret rather than being one: "<password>",
// "changeme", "REPLACED_BY_SECRET", "AWS_IAM_TOKEN", "xxxx", ...
#ifndef RDSLINT_FRONTEND_URL_PLACEHOLDER_H_
#define RDSLINT_FRONTEND_URL_PLACEHOLDER_H_

#include <string_view>

namespace rdslint::url {

bool LooksLikePlaceholder(std::string_view value);

// ${X}, $X, {{...}}, %VAR%: a value that is resolved elsewhere.
bool HasHole(std::string_view value);

}  // namespace rdslint::url

#endif  // RDSLINT_FRONTEND_URL_PLACEHOLDER_H_
