// Where a C++ file's compiler flags come from, found the way clang-tidy finds
// them, and the flags rdslint uses when there are none. No clang headers
// here: the lookup is plain file-system work, and the rest of rdslint (and
// its tests) include this without paying for clang.
#ifndef RDSLINT_FRONTEND_CPP_COMPILE_DB_H_
#define RDSLINT_FRONTEND_CPP_COMPILE_DB_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace rdslint::cpp {

struct DatabaseLocation {
  enum class Kind { kJson, kFlagsTxt };  // compile_commands.json, compile_flags.txt
  Kind kind = Kind::kJson;
  std::string path;  // absolute
};

// Finds the compilation database for files in `file_dir` (absolute).
//  - With `build_path` (-p): BUILD_PATH/compile_commands.json or
//    compile_flags.txt, else the same in its parent folders, as clang-tidy's
//    -p does.
//  - Without: from `file_dir` upwards, in each folder compile_commands.json,
//    compile_flags.txt, then build/compile_commands.json.
// Lookups are cached per folder; thread-safe.
class DatabaseFinder {
 public:
  explicit DatabaseFinder(std::string build_path) : build_path_(std::move(build_path)) {}

  std::optional<DatabaseLocation> Find(const std::string& file_dir);
  const std::string& build_path() const { return build_path_; }

 private:
  std::optional<DatabaseLocation> FindIn(const std::string& dir, bool with_build_subdir);

  const std::string build_path_;
  std::mutex mu_;
  std::map<std::string, std::optional<DatabaseLocation>> by_dir_;
};

// The compile command rdslint uses for a file with no database: C++17 (C17
// for .c, a C++ header for .h/.hh/.hpp/.hxx) with libpq's include folder.
// argv[0] is the driver name; the file is the last argument.
std::vector<std::string> DefaultCommand(std::string_view abs_path);
// "-std=c++17 -I/usr/include/postgresql", for notes.
std::string DefaultFlagsSummary(std::string_view abs_path);

// A compile_commands.json with every relative "directory" made absolute
// against `db_dir`, the folder that holds it. The JSON compilation database
// format asks for absolute folders; a relative one is accepted so that a
// database committed to a repository works from any checkout (clang-tidy
// itself would take it relative to its working directory).
Result<std::string> ResolveRelativeDirectories(std::string_view json_text, std::string_view db_dir);

}  // namespace rdslint::cpp

#endif  // RDSLINT_FRONTEND_CPP_COMPILE_DB_H_
