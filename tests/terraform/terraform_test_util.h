// Shared by the Terraform tests: projects from in-memory files or from a
// testdata folder, and small accessors.
#ifndef RDSLINT_TESTS_TERRAFORM_TERRAFORM_TEST_UTIL_H_
#define RDSLINT_TESTS_TERRAFORM_TERRAFORM_TEST_UTIL_H_

#include <dirent.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/iac/terraform_module.h"

namespace rdslint::iac::tf::testing {

// Files keyed by path relative to a virtual checkout.
inline std::vector<Input> Files(const std::map<std::string, std::string>& files) {
  std::vector<Input> out;
  for (const auto& [path, text] : files) out.push_back(Input{path, "/virtual/" + path, text});
  return out;
}

inline void Walk(const std::string& abs, const std::string& shown, std::vector<Input>* out) {
  DIR* d = opendir(abs.c_str());
  if (!d) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    struct stat st;
    const std::string a = abs + "/" + n;
    if (stat(a.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      Walk(a, shown + "/" + n, out);
    } else if (RoleOf(n) != FileRole::kOther) {
      std::ifstream in(a, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out->push_back(Input{shown + "/" + n, a, ss.str()});
    }
  }
}

// Every Terraform file below testdata/<dir>, with paths as reported from
// the source folder ("testdata/iac-graph/terraform/main.tf").
inline std::vector<Input> Testdata(const std::string& dir) {
  std::vector<Input> out;
  Walk(std::string(RDSLINT_SOURCE_DIR) + "/testdata/" + dir, "testdata/" + dir, &out);
  return out;
}

inline std::string TextAt(const std::vector<Input>& inputs, const Origin& o) {
  for (const Input& i : inputs) {
    if (i.path == o.file && o.range.end <= i.text.size()) return i.text.substr(o.range.begin, o.range.size());
  }
  return "<no such file: " + o.file + ">";
}

}  // namespace rdslint::iac::tf::testing

#endif  // RDSLINT_TESTS_TERRAFORM_TERRAFORM_TEST_UTIL_H_
