// LD_PRELOAD shim for the bad-input test "a file deleted during the scan":
// the moment the process opens a file named vanish.env (fopen or open), the file is
// unlinked, then the real open runs (and fails with ENOENT), exactly as if a
// checkout had removed it between discovery and reading.
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace {

void Vanish(const char* path) {
  static const char kName[] = "vanish.env";
  const size_t n = std::strlen(path), k = sizeof kName - 1;
  if (n >= k && std::strcmp(path + n - k, kName) == 0) unlink(path);
}

using Fopen = FILE* (*)(const char*, const char*);
using Open = int (*)(const char*, int, ...);

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

// open(2) takes a mode only with O_CREAT or O_TMPFILE.
static int OpenVanishing(const char* real_name, const char* path, int flags, va_list args) {
  const mode_t mode = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(args, mode_t) : 0;
  Vanish(path);
  return reinterpret_cast<Open>(dlsym(RTLD_NEXT, real_name))(path, flags, mode);
}

extern "C" int open(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const int fd = OpenVanishing("open", path, flags, args);
  va_end(args);
  return fd;
}

extern "C" int open64(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const int fd = OpenVanishing("open64", path, flags, args);
  va_end(args);
  return fd;
}
