#include "frontend/discover/discover.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "frontend/discover/gitignore.h"

namespace rdslint {
namespace {

struct Walker {
  const DiscoverOptions& options;
  Discovery& out;
  // .gitignore rules of the folders on the current path, outermost first.
  std::vector<std::shared_ptr<GitignoreRules>> ignores;

  bool Ignored(const std::string& path, bool is_dir) const {
    GitignoreRules::Verdict v = GitignoreRules::Verdict::kNone;
    for (const auto& rules : ignores) {
      GitignoreRules::Verdict r = rules->Match(path, is_dir);
      if (r != GitignoreRules::Verdict::kNone) v = r;
    }
    return v == GitignoreRules::Verdict::kIgnore;
  }

  void AddFile(const std::string& abs, uint64_t size, bool named) {
    AddFile(abs, ClassifyPath(abs), size, named);
  }

  void AddFile(const std::string& abs, FileKind kind, uint64_t size, bool named) {
    DiscoveredFile f;
    f.abs_path = abs;
    f.path = DisplayPath(abs);
    f.kind = kind;
    f.size = size;
    f.named = named;
    if (size > options.max_file_size && f.kind != FileKind::kOther) {
      out.notes.push_back(RunNote{RunNote::Level::kNote, f.path, 0, 0,
                                  "skipped: " + std::to_string(size) +
                                      " bytes is over the size limit of " +
                                      std::to_string(options.max_file_size) +
                                      " (--max-file-size)"});
      return;
    }
    out.files.push_back(std::move(f));
  }

  // The .gitignore files of the folders above `root`, up to the top of its
  // git checkout, so that `rdslint src/` ignores what `rdslint .` would.
  void LoadAncestorIgnores(const std::string& root) {
    std::vector<std::string> dirs;
    std::string dir = root;
    while (true) {
      struct stat st;
      if (stat((dir + "/.git").c_str(), &st) == 0) break;  // top of the checkout
      size_t slash = dir.rfind('/');
      if (slash == std::string::npos || dir == "/") return;  // not in a checkout
      dir = slash == 0 ? "/" : dir.substr(0, slash);
      dirs.push_back(dir);
    }
    for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) {
      std::ifstream in(*it + "/.gitignore", std::ios::binary);
      if (!in) continue;
      std::stringstream ss;
      ss << in.rdbuf();
      auto rules = std::make_shared<GitignoreRules>(*it == "/" ? "" : *it, ss.str());
      if (!rules->empty()) ignores.push_back(std::move(rules));
    }
  }

  // Iterative, so that deep trees cannot overflow the stack. The type of
  // an entry comes from readdir where the filesystem gives it, so a folder
  // costs no stat call, and a file one only when it is kept.
  void Walk(const std::string& root) {
    struct Entry {
      std::string name;
      unsigned char type;  // DT_DIR, DT_REG, ... or DT_UNKNOWN
      bool operator<(const Entry& o) const { return name < o.name; }
    };
    struct Frame {
      std::string dir;
      std::vector<Entry> entries;
      size_t next = 0;
      bool pushed_ignore = false;
    };
    std::vector<Frame> stack;
    auto enter = [&](const std::string& dir) {
      Frame f;
      f.dir = dir;
      bool has_gitignore = false;
      if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
          std::string name = e->d_name;
          if (name == "." || name == "..") continue;
          has_gitignore |= name == ".gitignore";
          f.entries.push_back(Entry{std::move(name), e->d_type});
        }
        closedir(d);
      } else {
        out.notes.push_back(RunNote{RunNote::Level::kWarning, DisplayPath(dir), 0, 0,
                                    "cannot read folder: " + std::string(strerror(errno))});
      }
      std::sort(f.entries.begin(), f.entries.end());
      if (options.respect_gitignore && has_gitignore) {
        std::ifstream in(dir + "/.gitignore", std::ios::binary);
        if (in) {
          std::stringstream ss;
          ss << in.rdbuf();
          auto rules = std::make_shared<GitignoreRules>(dir == "/" ? "" : dir, ss.str());
          if (!rules->empty()) {
            ignores.push_back(std::move(rules));
            f.pushed_ignore = true;
          }
        }
      }
      stack.push_back(std::move(f));
    };
    enter(root);
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next >= top.entries.size()) {
        if (top.pushed_ignore) ignores.pop_back();
        stack.pop_back();
        continue;
      }
      const Entry entry = top.entries[top.next++];
      const std::string& name = entry.name;
      const std::string path = (top.dir == "/" ? "" : top.dir) + "/" + name;
      // Links are not followed while walking, which also rules out loops.
      bool is_dir = entry.type == DT_DIR;
      bool is_reg = entry.type == DT_REG;
      struct stat st;
      bool have_stat = false;
      if (entry.type == DT_UNKNOWN) {
        if (lstat(path.c_str(), &st) != 0) continue;  // vanished meanwhile
        have_stat = true;
        is_dir = S_ISDIR(st.st_mode);
        is_reg = S_ISREG(st.st_mode);
      }
      if (is_dir) {
        if (IsSkippedFolderName(name) || Ignored(path, true)) continue;
        enter(path);
      } else if (is_reg) {
        const FileKind kind = ClassifyPath(path);
        if (options.keep && !options.keep(path, kind)) continue;
        if (Ignored(path, false)) continue;
        if (!options.script_sizes && kind == FileKind::kScript && !have_stat) {  // readdir said regular
          AddFile(path, kind, 0, false);
          continue;
        }
        if (!have_stat && lstat(path.c_str(), &st) != 0) continue;  // vanished meanwhile
        if (!S_ISREG(st.st_mode)) continue;
        AddFile(path, kind, static_cast<uint64_t>(st.st_size), false);
      }
    }
  }
};

std::string Normalize(const std::string& abs) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= abs.size()) {
    size_t slash = abs.find('/', start);
    if (slash == std::string::npos) slash = abs.size();
    std::string part = abs.substr(start, slash - start);
    start = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(std::move(part));
  }
  std::string out;
  for (const std::string& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

}  // namespace

bool IsSkippedFolderName(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {
      ".git", ".hg", ".svn", "node_modules", ".terraform", ".terragrunt-cache",
      ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache",
      ".aws-sam", ".serverless", "build", "dist", "out", "target", "coverage",
      "bower_components", ".next", ".cache",
  };
  for (std::string_view s : kSkipped) {
    if (name == s) return true;
  }
  // Build folders of CMake projects: build-debug, build-asan, cmake-build-*.
  return name.substr(0, 6) == "build-" || name.substr(0, 12) == "cmake-build-";
}

// rdslint never changes its working directory, and paths are made absolute
// by the thousand: getcwd (a system call) is asked once.
std::string CurrentDirectory() {
  static const std::string cwd = [] {
    char buf[4096];
    return getcwd(buf, sizeof buf) == nullptr ? std::string("/") : std::string(buf);
  }();
  return cwd;
}

std::string AbsolutePath(const std::string& path) {
  if (!path.empty() && path[0] == '/') return Normalize(path);
  return Normalize(CurrentDirectory() + "/" + path);
}

std::string DisplayPath(const std::string& abs) {
  static const std::string cwd = CurrentDirectory();
  if (cwd == "/") return abs.size() > 1 ? abs.substr(1) : abs;
  if (abs.size() > cwd.size() && abs.compare(0, cwd.size(), cwd) == 0 && abs[cwd.size()] == '/') {
    return abs.substr(cwd.size() + 1);
  }
  return abs;
}

Discovery Discover(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  Discovery out;
  Walker walker{options, out, {}};
  for (const std::string& given : paths) {
    const std::string abs = AbsolutePath(given);
    struct stat st;
    if (stat(abs.c_str(), &st) != 0) {
      out.notes.push_back(RunNote{RunNote::Level::kError, given, 0, 0,
                                  std::string("no such file or folder: ") + strerror(errno)});
      out.had_missing_path = true;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      walker.ignores.clear();
      if (options.respect_gitignore) walker.LoadAncestorIgnores(abs);
      walker.Walk(abs);
    } else if (S_ISREG(st.st_mode)) {
      walker.AddFile(abs, static_cast<uint64_t>(st.st_size), true);
    } else {
      out.notes.push_back(RunNote{RunNote::Level::kNote, given, 0, 0,
                                  "skipped: not a regular file or folder"});
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.abs_path < b.abs_path; });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const DiscoveredFile& a, const DiscoveredFile& b) {
                                return a.abs_path == b.abs_path;
                              }),
                  out.files.end());
  return out;
}

}  // namespace rdslint
