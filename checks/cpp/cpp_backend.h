// The clang half of CppAnalyzer, built as librdslint-cpp.so: clang and LLVM
// are large shared libraries, and linking them into the rdslint command
// cost every run about 18 ms before main (relocations, page faults) even
// when no C++ file is read. The command loads the module on the first C++
// file that mentions a database API (analyzer_loader.cc).
#ifndef RDSLINT_CHECKS_CPP_CPP_BACKEND_H_
#define RDSLINT_CHECKS_CPP_CPP_BACKEND_H_

#include <string>
#include <string_view>

#include "checks/cpp/cpp_file.h"

namespace rdslint {

class SecretMask;

class CppBackend {
 public:
  virtual ~CppBackend() = default;
  // As CppAnalyzer::Analyze, for a file that mentions a database API.
  // Thread-safe.
  virtual CppAnalyzer::Result Analyze(const std::string& abs_path, std::string_view text,
                                      SecretMask* mask) const = 0;
};

// The module's one entry point, looked up by this name; the caller owns
// the result (and never unloads the module).
inline constexpr char kCppBackendFactory[] = "rdslint_cpp_backend_new";
using CppBackendFactory = CppBackend* (*)(const char* build_path);

}  // namespace rdslint

#endif  // RDSLINT_CHECKS_CPP_CPP_BACKEND_H_
