// Helpers for the graph tests: read a fixture project of testdata/iac-graph/
// the way GatherProjectFacts does, and look nodes up.
#ifndef RDSLINT_TESTS_IAC_IAC_TEST_UTIL_H_
#define RDSLINT_TESTS_IAC_IAC_TEST_UTIL_H_

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/iac/cloudformation_graph.h"
#include "frontend/iac/graph.h"
#include "frontend/iac/serverless_graph.h"

namespace rdslint::iac::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void ListFiles(const std::string& dir, const std::string& rel, std::vector<std::string>* out) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      ListFiles(path, rel.empty() ? name : rel + "/" + name, out);
    } else {
      out->push_back(rel.empty() ? name : rel + "/" + name);
    }
  }
  closedir(d);
  std::sort(out->begin(), out->end());
}

struct Project {
  Graph graph;
  std::vector<GraphProblem> problems;
  std::vector<std::string> templates;  // files read as templates or services
};

inline bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Every YAML/JSON file of testdata/iac-graph/<name>, paths relative to the
// fixture folder.
// Serverless services first: the files they include are theirs, not
// templates of their own.
inline Project ReadProject(const std::string& name) {
  const std::string root = std::string(RDSLINT_SOURCE_DIR) + "/testdata/iac-graph/" + name;
  Project p;
  std::vector<std::string> files;
  ListFiles(root, "", &files);
  std::vector<std::string> included;
  auto is_service = [](const std::string& f) {
    const std::string base = f.substr(f.rfind('/') == std::string::npos ? 0 : f.rfind('/') + 1);
    return base.rfind("serverless.", 0) == 0 && (EndsWith(f, ".yml") || EndsWith(f, ".yaml"));
  };
  for (const std::string& f : files) {
    if (!is_service(f)) continue;
    const std::string dir = f.find('/') == std::string::npos ? "" : f.substr(0, f.rfind('/') + 1);
    ReadServiceFile read = [&](std::string_view rel, std::string* path, std::string* out) {
      *path = dir + std::string(rel);
      *out = ReadFile(root + "/" + *path);
      included.push_back(*path);
      return !out->empty();
    };
    if (AddServerlessConfig(f, ReadFile(root + "/" + f), read, &p.graph, &p.problems)) {
      p.templates.push_back(f);
    }
  }
  for (const std::string& f : files) {
    if (is_service(f) || std::find(included.begin(), included.end(), f) != included.end()) continue;
    if (EndsWith(f, ".yml") || EndsWith(f, ".yaml") || EndsWith(f, ".json")) {
      if (AddCloudFormationTemplate(f, ReadFile(root + "/" + f), Flavor::kCloudFormation, &p.graph,
                                    &p.problems)) {
        p.templates.push_back(f);
      }
    }
  }
  return p;
}

template <typename T>
const T* ById(const std::vector<T>& nodes, const std::string& id) {
  for (const T& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

// The text a range covers in a fixture file.
inline std::string SourceText(const Origin& o, const std::string& fixture) {
  const std::string text =
      ReadFile(std::string(RDSLINT_SOURCE_DIR) + "/testdata/iac-graph/" + fixture + "/" + o.file);
  if (o.range.end > text.size()) return "<out of range>";
  return text.substr(o.range.begin, o.range.end - o.range.begin);
}

}  // namespace rdslint::iac::testing

#endif  // RDSLINT_TESTS_IAC_IAC_TEST_UTIL_H_
