#include "core/fixes.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace rdslint {
namespace {

// A YAML double-quoted scalar; LLVM's YAML reader decodes these escapes.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string Absolute(const std::string& path, const std::string& base_dir) {
  if (!path.empty() && path[0] == '/') return path;
  return base_dir + "/" + path;
}

const char* Level(Severity s) {
  switch (s) {
    case Severity::kError: return "Error";
    case Severity::kWarning: return "Warning";
    case Severity::kNote: return "Remark";
  }
  return "Warning";
}

}  // namespace

std::string FormatReplacementsYaml(const std::vector<Finding>& findings, const std::string& base_dir) {
  std::string main_file;
  for (const Finding& f : findings) {
    if (!f.fixes.empty()) {
      main_file = Absolute(f.location.file, base_dir);
      break;
    }
  }
  std::string out = "---\nMainSourceFile: " + Quote(main_file) + "\nDiagnostics:\n";
  bool any = false;
  for (const Finding& f : findings) {
    if (f.fixes.empty()) continue;
    any = true;
    const std::string file = Absolute(f.location.file, base_dir);
    out += "  - DiagnosticName: " + Quote(f.rule_id) + "\n";
    out += "    DiagnosticMessage:\n";
    out += "      Message: " + Quote(f.message) + "\n";
    out += "      FilePath: " + Quote(file) + "\n";
    out += "      FileOffset: " + std::to_string(f.location.range.begin) + "\n";
    out += "      Replacements:\n";
    // clang-tidy exports the first fix of a diagnostic; so do we.
    for (const Replacement& r : f.fixes.front().replacements) {
      out += "        - FilePath: " + Quote(Absolute(r.file, base_dir)) + "\n";
      out += "          Offset: " + std::to_string(r.offset) + "\n";
      out += "          Length: " + std::to_string(r.length) + "\n";
      out += "          ReplacementText: " + Quote(r.text) + "\n";
    }
    out += "    Level: " + std::string(Level(f.severity)) + "\n";
    out += "    BuildDirectory: " + Quote(base_dir) + "\n";
  }
  if (!any) out = "---\nMainSourceFile: \"\"\nDiagnostics: []\n";
  return out + "...\n";
}

FixResult ApplyFixes(const std::vector<Finding>& findings) {
  FixResult result;
  // Per file, the accepted fixes' replacements.
  std::map<std::string, std::vector<const Replacement*>> by_file;
  for (const Finding& f : findings) {
    if (f.fixes.empty()) continue;
    const FixIt& fix = f.fixes.front();
    bool overlaps = false;
    for (const Replacement& r : fix.replacements) {
      for (const Replacement* other : by_file[r.file]) {
        const uint32_t a0 = r.offset, a1 = r.offset + r.length;
        const uint32_t b0 = other->offset, b1 = other->offset + other->length;
        // Two insertions at one point, or ranges that share a byte, collide.
        if ((a0 < b1 && b0 < a1) || (a0 == b0 && (r.length == 0 || other->length == 0))) overlaps = true;
      }
    }
    if (overlaps) {
      ++result.fixes_skipped;
      continue;
    }
    for (const Replacement& r : fix.replacements) by_file[r.file].push_back(&r);
    ++result.fixes_applied;
  }
  for (auto& [file, reps] : by_file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      result.errors.push_back(RunNote{RunNote::Level::kError, file, 0, 0, "cannot read for --fix"});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::sort(reps.begin(), reps.end(),
              [](const Replacement* a, const Replacement* b) { return a->offset > b->offset; });
    bool ok = true;
    for (const Replacement* r : reps) {
      if (r->offset + r->length > text.size()) {
        ok = false;  // the file changed since it was linted
        break;
      }
      text.replace(r->offset, r->length, r->text);
    }
    if (!ok) {
      result.errors.push_back(RunNote{RunNote::Level::kError, file, 0, 0,
                                      "changed while it was linted; not fixed"});
      continue;
    }
    // Write beside and rename, so a failure never leaves half a file.
    const std::string tmp = file + ".rdslint-fix";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << text;
      if (!out) {
        result.errors.push_back(RunNote{RunNote::Level::kError, file, 0, 0, "cannot write for --fix"});
        unlink(tmp.c_str());
        continue;
      }
    }
    struct stat st;
    if (stat(file.c_str(), &st) == 0) chmod(tmp.c_str(), st.st_mode & 07777);
    if (rename(tmp.c_str(), file.c_str()) != 0) {
      result.errors.push_back(RunNote{RunNote::Level::kError, file, 0, 0, "cannot replace for --fix"});
      unlink(tmp.c_str());
      continue;
    }
    ++result.files_changed;
  }
  return result;
}

}  // namespace rdslint
