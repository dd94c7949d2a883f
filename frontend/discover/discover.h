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
  uint64_t size = 0;      // when listed; 0 also when not asked (kOther, DiscoverOptions::script_sizes)
  bool named = false;    // given on the command line
};

struct DiscoverOptions {
  uint64_t max_file_size = 10ull << 20;
  bool respect_gitignore = true;
  // When set, files walked into are kept only when this says so; the others
  // cost no stat call (the project facts pass of `rdslint FILE...` wants a
  // few kinds out of the whole repository). Named files are always kept.
  bool (*keep)(std::string_view abs_path, FileKind kind) = nullptr;
  // False: scripts walked into are listed without a stat call, size 0
  // (unknown), for a pass that reads them with a size limit of its own
  // (ReadDeferredScripts); most files of a repository are scripts.
  bool script_sizes = true;
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
