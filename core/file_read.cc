#include "core/file_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace rdslint {

int ReadFileBytes(const std::string& path, std::string* out, size_t limit, uint64_t listed_size) {
  out->clear();
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  // A listed file was a regular one; if it has since become a folder, the
  // read below fails with EISDIR.
  bool regular = true;
  uint64_t size = listed_size;
  if (listed_size == 0) {
    struct stat st;
    if (fstat(fd, &st) != 0) {
      const int err = errno;
      close(fd);
      return err;
    }
    if (S_ISDIR(st.st_mode)) {
      close(fd);
      return EISDIR;
    }
    regular = S_ISREG(st.st_mode);
    size = static_cast<uint64_t>(st.st_size);
    if (regular && size > limit) {  // over it already: not read
      close(fd);
      return EFBIG;
    }
  }
  // One byte more than the size: reaching it means the file grew, and the
  // loop goes on reading (a FIFO or /proc file reports size 0).
  size_t capacity = regular ? static_cast<size_t>(size) + 1 : 1 << 16;
  if (capacity > limit) capacity = limit + 1;
  out->resize(capacity);
  size_t used = 0;
  int err = 0;
  for (;;) {
    if (used == out->size()) {
      if (used > limit) {
        err = EFBIG;
        break;
      }
      out->resize(used > limit / 2 ? limit + 1 : used * 2);
    }
    const size_t asked = out->size() - used;
    const ssize_t n = read(fd, out->data() + used, asked);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
    // A regular file's read comes up short only at its end: stop there
    // rather than ask again for the zero that says so (one system call of
    // five, on every file).
    if (regular && static_cast<size_t>(n) < asked) break;
  }
  close(fd);
  out->resize(err == 0 ? used : 0);
  return err;
}

}  // namespace rdslint
