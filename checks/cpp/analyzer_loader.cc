// CppAnalyzer in the rdslint command: clang-free. The clang half
// (librdslint-cpp.so, cpp_backend.h) is loaded on the first C++ file that
// mentions a database API, so that a run without one never maps clang.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "checks/cpp/cpp_backend.h"
#include "checks/cpp/cpp_file.h"

namespace rdslint {
namespace {

constexpr char kModuleName[] = "librdslint-cpp.so";

std::string ExecutableDir() {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  const std::string exe(buf, static_cast<size_t>(n));
  return exe.substr(0, exe.rfind('/'));
}

// RDSLINT_CPP_MODULE when set; else beside the executable (the build
// folder), in ../lib/rdslint (make install), and where this build put it
// (test programs live in folders of their own).
std::vector<std::string> ModuleCandidates() {
  if (const char* env = getenv("RDSLINT_CPP_MODULE"); env && *env) return {env};
  const std::string dir = ExecutableDir();
  return {dir + "/" + kModuleName, dir + "/../lib/rdslint/" + kModuleName, RDSLINT_CPP_MODULE_BUILT};
}

}  // namespace

struct CppAnalyzer::Impl {
  std::string build_path;
  std::once_flag once;
  std::unique_ptr<CppBackend> backend;  // the module stays loaded: never dlclose'd
  std::string error;

  void Load() {
    std::string tried;
    for (const std::string& path : ModuleCandidates()) {
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        tried += (tried.empty() ? "" : "; ") + std::string(dlerror());
        continue;
      }
      auto factory = reinterpret_cast<CppBackendFactory>(dlsym(handle, kCppBackendFactory));
      if (!factory) {
        tried += (tried.empty() ? "" : "; ") + path + ": no " + kCppBackendFactory;
        continue;
      }
      backend.reset(factory(build_path.c_str()));
      return;
    }
    error = "the C++ analysis module could not be loaded (" + tried + "); set RDSLINT_CPP_MODULE to its path";
  }
};

CppAnalyzer::CppAnalyzer(std::string build_path) : impl_(std::make_unique<Impl>()) {
  impl_->build_path = std::move(build_path);
}
CppAnalyzer::~CppAnalyzer() = default;

CppAnalyzer::Result CppAnalyzer::Analyze(const std::string& abs_path, std::string_view text,
                                         SecretMask* mask) const {
  Result result;
  if (!MentionsDatabaseApi(text)) return result;
  std::call_once(impl_->once, [this] { impl_->Load(); });
  if (!impl_->backend) {
    result.notes.emplace_back(true, impl_->error);
    return result;
  }
  return impl_->backend->Analyze(abs_path, text, mask);
}

}  // namespace rdslint
