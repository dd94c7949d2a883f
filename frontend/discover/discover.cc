#include "frontend/discover/discover.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "core/config.h"
#include "core/file_read.h"
#include "frontend/discover/gitignore.h"

namespace rdslint {
namespace {

// The .gitignore rules of the folders on a path, innermost first; a folder
// shares its parent's chain and adds a link only when it has rules.
struct IgnoreChain {
  std::shared_ptr<const GitignoreRules> rules;
  std::shared_ptr<const IgnoreChain> outer;
};
using Ignores = std::shared_ptr<const IgnoreChain>;

// A later (inner) .gitignore overrides an outer one: the innermost rules
// that say anything decide.
bool Ignored(const Ignores& chain, const std::string& path, bool is_dir) {
  for (const IgnoreChain* c = chain.get(); c; c = c->outer.get()) {
    const GitignoreRules::Verdict v = c->rules->Match(path, is_dir);
    if (v != GitignoreRules::Verdict::kNone) return v == GitignoreRules::Verdict::kIgnore;
  }
  return false;
}

Ignores WithRules(Ignores chain, const std::string& dir, const std::string& text) {
  auto rules = std::make_shared<const GitignoreRules>(dir == "/" ? "" : dir, text);
  if (rules->empty()) return chain;
  return std::make_shared<const IgnoreChain>(IgnoreChain{std::move(rules), std::move(chain)});
}

struct Walker {
  const DiscoverOptions& options;

  void AddFile(const std::string& abs, uint64_t size, bool named, Discovery* out) const {
    AddFile(abs, ClassifyPath(abs), size, named, out);
  }

  void AddFile(const std::string& abs, FileKind kind, uint64_t size, bool named, Discovery* out) const {
    DiscoveredFile f;
    f.abs_path = abs;
    f.path = DisplayPath(abs);
    f.kind = kind;
    f.size = size;
    f.named = named;
    if (size > options.max_file_size && f.kind != FileKind::kOther) {
      out->notes.push_back(RunNote{RunNote::Level::kNote, f.path, 0, 0, SizeLimitNote(size, options.max_file_size)});
      return;
    }
    out->files.push_back(std::move(f));
  }

  // The .gitignore files of the folders above `root`, up to the top of its
  // git checkout, so that `rdslint src/` ignores what `rdslint .` would.
  static Ignores AncestorIgnores(const std::string& root) {
    std::vector<std::string> dirs;
    std::string dir = root;
    while (true) {
      struct stat st;
      if (stat((dir + "/.git").c_str(), &st) == 0) break;  // top of the checkout
      size_t slash = dir.rfind('/');
      if (slash == std::string::npos || dir == "/") return nullptr;  // not in a checkout
      dir = slash == 0 ? "/" : dir.substr(0, slash);
      dirs.push_back(dir);
    }
    Ignores chain;
    for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) {
      std::string text;
      if (ReadFileBytes(*it + "/.gitignore", &text) == 0) chain = WithRules(std::move(chain), *it, text);
    }
    return chain;
  }

  struct Folder {
    std::string dir;
    Ignores ignores;  // of the folders above it
  };

  // One folder: its files and notes into `out`, its subfolders into
  // `subfolders`. The type of an entry comes from readdir where the
  // filesystem gives it, so a folder costs no stat call, and a file one
  // only when it is kept.
  void Visit(const Folder& folder, std::vector<Folder>* subfolders, Discovery* out) const {
    struct Entry {
      std::string name;
      unsigned char type;  // DT_DIR, DT_REG, ... or DT_UNKNOWN
      bool operator<(const Entry& o) const { return name < o.name; }
    };
    const std::string& dir = folder.dir;
    std::vector<Entry> entries;
    bool has_gitignore = false;
    if (DIR* d = opendir(dir.c_str())) {
      bool config = false, config_known = true;  // unknown when the entry is a link or untyped
      while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        has_gitignore |= name == ".gitignore";
        if (name == kConfigFileName) {
          config = e->d_type == DT_REG;
          config_known = config;
        }
        entries.push_back(Entry{std::move(name), e->d_type});
      }
      closedir(d);
      if (config_known) out->config_in_folder[dir] = config;
    } else {
      out->notes.push_back(RunNote{RunNote::Level::kWarning, DisplayPath(dir), 0, 0,
                                   "cannot read folder: " + std::string(strerror(errno))});
    }
    std::sort(entries.begin(), entries.end());
    Ignores ignores = folder.ignores;
    if (options.respect_gitignore && has_gitignore) {
      std::string text;
      if (ReadFileBytes(dir + "/.gitignore", &text) == 0) ignores = WithRules(std::move(ignores), dir, text);
    }
    for (const Entry& entry : entries) {
      const std::string& name = entry.name;
      const std::string path = (dir == "/" ? "" : dir) + "/" + name;
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
        if (IsSkippedFolderName(name) || Ignored(ignores, path, true)) continue;
        subfolders->push_back(Folder{path, ignores});
      } else if (is_reg) {
        const FileKind kind = ClassifyPath(path);
        if (options.keep && !options.keep(path, kind)) continue;
        if (Ignored(ignores, path, false)) continue;
        // readdir said regular: a file of no kind we read needs no size,
        // nor a script, whose reader applies the limits.
        if (!have_stat && (kind == FileKind::kOther || kind == FileKind::kScript)) {
          AddFile(path, kind, 0, false, out);
          continue;
        }
        if (!have_stat && lstat(path.c_str(), &st) != 0) continue;  // vanished meanwhile
        if (!S_ISREG(st.st_mode)) continue;
        AddFile(path, kind, static_cast<uint64_t>(st.st_size), false, out);
      }
    }
  }

  // Folders are visited by `options.jobs` threads from one shared list (a
  // walk is mostly system calls, and a repository's folders are many), so
  // deep trees cannot overflow the stack either. The caller sorts.
  void Walk(const std::string& root, Ignores ancestors, Discovery* out) const {
    const int jobs = std::max(1, options.jobs);
    std::vector<Folder> pending{Folder{root, std::move(ancestors)}};
    std::mutex mu;
    std::condition_variable changed;
    int busy = 0;
    std::vector<Discovery> parts(static_cast<size_t>(jobs));
    auto work = [&](size_t w) {
      std::unique_lock<std::mutex> lock(mu);
      for (;;) {
        changed.wait(lock, [&] { return !pending.empty() || busy == 0; });
        if (pending.empty()) return;  // and no folder is being read: done
        Folder folder = std::move(pending.back());
        pending.pop_back();
        ++busy;
        lock.unlock();
        std::vector<Folder> subfolders;
        Visit(folder, &subfolders, &parts[w]);
        lock.lock();
        for (Folder& f : subfolders) pending.push_back(std::move(f));
        --busy;
        changed.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (int w = 1; w < jobs; ++w) threads.emplace_back(work, static_cast<size_t>(w));
    work(0);
    for (std::thread& t : threads) t.join();
    for (Discovery& part : parts) {
      for (DiscoveredFile& f : part.files) out->files.push_back(std::move(f));
      for (RunNote& n : part.notes) out->notes.push_back(std::move(n));
      out->config_in_folder.merge(part.config_in_folder);
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

std::string SizeLimitNote(uint64_t size, uint64_t limit) {
  return "skipped: " + std::to_string(size) + " bytes is over the size limit of " + std::to_string(limit) +
         " (--max-file-size)";
}

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
  const Walker walker{options};
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
      walker.Walk(abs, options.respect_gitignore ? Walker::AncestorIgnores(abs) : nullptr, &out);
    } else if (S_ISREG(st.st_mode)) {
      walker.AddFile(abs, static_cast<uint64_t>(st.st_size), true, &out);
    } else {
      out.notes.push_back(RunNote{RunNote::Level::kNote, given, 0, 0,
                                  "skipped: not a regular file or folder"});
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.abs_path < b.abs_path; });
  // Threads finish folders in any order: notes are put in path order.
  std::stable_sort(out.notes.begin(), out.notes.end(),
                   [](const RunNote& a, const RunNote& b) { return a.file < b.file; });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const DiscoveredFile& a, const DiscoveredFile& b) {
                                return a.abs_path == b.abs_path;
                              }),
                  out.files.end());
  return out;
}

}  // namespace rdslint
