// Helpers for end-to-end tests: run shell commands from the source folder,
// read and write files, make temporary folders.
#ifndef RDSLINT_TESTS_E2E_E2E_UTIL_H_
#define RDSLINT_TESTS_E2E_E2E_UTIL_H_

#include <string>

namespace rdslint::e2e {

struct Output {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh from the source folder.
Output Shell(const std::string& command);
std::string ReadAll(const std::string& path);
// Writes `text` to `path`, making its parent folders.
void Write(const std::string& path, const std::string& text);
std::string TempDir();

// The built binary and the source folder.
inline const std::string kRdslint = RDSLINT_BINARY;
inline const std::string kSourceDir = RDSLINT_SOURCE_DIR;

}  // namespace rdslint::e2e

#endif  // RDSLINT_TESTS_E2E_E2E_UTIL_H_
