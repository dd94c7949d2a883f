// LD_PRELOAD shim for the bad-input test "a file deleted during the scan":
// the moment the process opens a file named vanish.env, the file is
// unlinked, then the real open runs (and fails with ENOENT), exactly as if a
// checkout had removed it between discovery and reading.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace {

void Vanish(const char* path) {
  static const char kName[] = "vanish.env";
  const size_t n = std::strlen(path), k = sizeof kName - 1;
  if (n >= k && std::strcmp(path + n - k, kName) == 0) unlink(path);
}

using Fopen = FILE* (*)(const char*, const char*);

}  // namespace

extern "C" FILE* fopen(const char* path, const char* mode) {
  static Fopen real = reinterpret_cast<Fopen>(dlsym(RTLD_NEXT, "fopen"));
  Vanish(path);
  return real(path, mode);
}

extern "C" FILE* fopen64(const char* path, const char* mode) {
  static Fopen real = reinterpret_cast<Fopen>(dlsym(RTLD_NEXT, "fopen64"));
  Vanish(path);
  return real(path, mode);
}
