// Reading a whole file with one open and, for a regular file whose size
// does not change underneath, one read: the string is sized once from
// fstat, not grown chunk by chunk.
#ifndef RDSLINT_CORE_FILE_READ_H_
#define RDSLINT_CORE_FILE_READ_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace rdslint {

// Reads `path` into `*out` (replaced). Returns 0, or the errno of what
// failed (ENOENT for a file deleted since it was listed, EISDIR for a
// folder, ...). Stops at `limit` bytes and returns EFBIG when the file is
// longer (a file that grows while it is read cannot run away with memory).
// `listed_size`: the size of the regular file `path` was when it was listed
// (discovery's stat); the read then needs no fstat (one system call of
// four). 0: not known, asked of fstat.
int ReadFileBytes(const std::string& path, std::string* out, size_t limit = static_cast<size_t>(-1),
                  uint64_t listed_size = 0);

}  // namespace rdslint

#endif  // RDSLINT_CORE_FILE_READ_H_
