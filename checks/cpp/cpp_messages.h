// Wording shared by the cpp checks, so that every message names the call
// the same way.
#ifndef RDSLINT_CHECKS_CPP_CPP_MESSAGES_H_
#define RDSLINT_CHECKS_CPP_CPP_MESSAGES_H_

#include <string>

#include "checks/cpp/cpp_file.h"

namespace rdslint {

// "the connection string passed to PQconnectdb", "the keyword/value arrays
// passed to PQconnectdbParams", ...
std::string ConnectionPhrase(const CppConnection& c);

// The range of a conninfo value without the quotes around it.
SourceRange Unquoted(const url::Part& part);
SourceRange Unquoted(const url::Param& param);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CPP_CPP_MESSAGES_H_
