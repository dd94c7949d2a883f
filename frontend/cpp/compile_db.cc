#include "frontend/cpp/compile_db.h"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

namespace rdslint::cpp {
namespace {

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string Parent(const std::string& dir) {
  if (dir.empty() || dir == "/") return "";
  const size_t slash = dir.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : dir.substr(0, slash);
}

std::string Join(const std::string& dir, std::string_view name) {
  return dir == "/" ? "/" + std::string(name) : dir + "/" + std::string(name);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `path` with "." and ".." resolved lexically; `path` is absolute.
std::string Normalize(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out;
  for (std::string_view p : parts) {
    out += '/';
    out += p;
  }
  return out.empty() ? "/" : out;
}

}  // namespace

std::optional<DatabaseLocation> DatabaseFinder::FindIn(const std::string& dir,
                                                       bool with_build_subdir) {
  if (std::string json = Join(dir, "compile_commands.json"); IsRegularFile(json)) {
    return DatabaseLocation{DatabaseLocation::Kind::kJson, json};
  }
  if (std::string flags = Join(dir, "compile_flags.txt"); IsRegularFile(flags)) {
    return DatabaseLocation{DatabaseLocation::Kind::kFlagsTxt, flags};
  }
  if (with_build_subdir) {
    if (std::string json = Join(dir, "build/compile_commands.json"); IsRegularFile(json)) {
      return DatabaseLocation{DatabaseLocation::Kind::kJson, json};
    }
  }
  return std::nullopt;
}

std::optional<DatabaseLocation> DatabaseFinder::Find(const std::string& file_dir) {
  // With -p the answer is the same for every file.
  const std::string start = build_path_.empty() ? file_dir : build_path_;
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> visited;
  std::optional<DatabaseLocation> found;
  for (std::string dir = start; !dir.empty(); dir = Parent(dir)) {
    if (auto it = by_dir_.find(dir); it != by_dir_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(dir);
    // -p names the build folder itself; its build/ is not looked into.
    if ((found = FindIn(dir, build_path_.empty()))) break;
  }
  for (const std::string& dir : visited) by_dir_[dir] = found;
  return found;
}

std::vector<std::string> DefaultCommand(std::string_view abs_path) {
  std::vector<std::string> argv;
  if (EndsWith(abs_path, ".c")) {
    argv = {"clang", "-x", "c", "-std=c17"};
  } else if (EndsWith(abs_path, ".h") || EndsWith(abs_path, ".hh") ||
             EndsWith(abs_path, ".hpp") || EndsWith(abs_path, ".hxx")) {
    // A .h may be C or C++; C++ reads most C headers, the reverse fails.
    argv = {"clang++", "-x", "c++-header", "-std=c++17"};
  } else {
    argv = {"clang++", "-x", "c++", "-std=c++17"};
  }
  argv.push_back("-I" RDSLINT_LIBPQ_INCLUDE_DIR);
  argv.emplace_back(abs_path);
  return argv;
}

std::string DefaultFlagsSummary(std::string_view abs_path) {
  std::vector<std::string> argv = DefaultCommand(abs_path);
  std::string out;
  for (size_t i = 1; i + 1 < argv.size(); ++i) {
    if (argv[i] == "-x") {
      ++i;  // the language follows from the file name
      continue;
    }
    if (!out.empty()) out += ' ';
    out += argv[i];
  }
  return out;
}

Result<std::string> ResolveRelativeDirectories(std::string_view json_text, std::string_view db_dir) {
  nlohmann::json db = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (db.is_discarded()) return Status::Error("not valid JSON");
  if (!db.is_array()) return Status::Error("not a JSON array of compile commands");
  bool changed = false;
  for (nlohmann::json& entry : db) {
    if (!entry.is_object()) continue;
    auto it = entry.find("directory");
    if (it == entry.end() || !it->is_string()) continue;
    const std::string dir = it->get<std::string>();
    if (!dir.empty() && dir[0] == '/') continue;
    *it = Normalize(std::string(db_dir) + "/" + dir);
    changed = true;
  }
  if (!changed) return std::string(json_text);
  return db.dump();
}

}  // namespace rdslint::cpp
