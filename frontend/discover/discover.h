// Finds the files to lint: walks folders (respecting .gitignore, skipping
// VCS, dependency and build folders), classifies each file, and always takes
// a path named on the command line, as ripgrep does.
#ifndef RDSLINT_FRONTEND_DISCOVER_DISCOVER_H_
#define RDSLINT_FRONTEND_DISCOVER_DISCOVER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/finding.h"
#include "frontend/discover/file_kind.h"

namespace rdslint {

struct DiscoveredFile {
  std::string path;      // as reported: relative to the working directory when below it
  std::string abs_path;  // absolute, '/'-separated
  FileKind kind = FileKind::kOther;
  // When listed; 0 also when not asked: a walk lists files of no kind
  // rdslint reads, and scripts (most of a repository), without a stat each;
  // a script's size limit (DiscoverOptions::max_file_size) applies as it
  // is read.
  uint64_t size = 0;
  bool named = false;    // given on the command line
};

inline constexpr uint64_t kDefaultMaxFileSize = 10ull << 20;

struct DiscoverOptions {
  uint64_t max_file_size = kDefaultMaxFileSize;
  bool respect_gitignore = true;
  // When set, files walked into are kept only when this says so; the others
  // cost no stat call (the project facts pass of `rdslint FILE...` wants a
  // few kinds out of the whole repository). Named files are always kept.
  bool (*keep)(std::string_view abs_path, FileKind kind) = nullptr;
  // Threads that read folders.
  int jobs = 1;
};

struct Discovery {
  std::vector<DiscoveredFile> files;  // sorted by path
  std::vector<RunNote> notes;         // skipped files, missing paths
  bool had_missing_path = false;      // a named path that does not exist
  // Every folder listed, and whether it holds the configuration file
  // (kConfigFileName) as a regular file, for ConfigResolver::KnowFolders.
  // A folder where that name is a link or of unknown type is left out (the
  // lookup follows links).
  std::unordered_map<std::string, bool> config_in_folder;
};

Discovery Discover(const std::vector<std::string>& paths, const DiscoverOptions& options);

// "skipped: N bytes is over the size limit of M (--max-file-size)": the note
// for a file over the limit, whether the walk saw its size or its reader did.
std::string SizeLimitNote(uint64_t size, uint64_t limit);

// Folders never walked into (they can still be named on the command line).
bool IsSkippedFolderName(std::string_view name);

// The working directory, without a trailing /; asked of the system once
// (rdslint never changes it).
std::string CurrentDirectory();
// `path` made absolute and normalised ('.' and '..' resolved lexically).
std::string AbsolutePath(const std::string& path);
// `abs` relative to the working directory when below it, else unchanged.
std::string DisplayPath(const std::string& abs);

}  // namespace rdslint

#endif  // RDSLINT_FRONTEND_DISCOVER_DISCOVER_H_
