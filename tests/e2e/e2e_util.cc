#include "tests/e2e/e2e_util.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rdslint::e2e {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Write(const std::string& path, const std::string& text) {
  // Parent folders are made as needed.
  for (size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    mkdir(path.substr(0, slash).c_str(), 0755);
  }
  std::ofstream(path, std::ios::binary) << text;
}

std::string TempDir() {
  char tmpl[] = "/tmp/rdslint-e2e-XXXXXX";
  return mkdtemp(tmpl);
}

Output Shell(const std::string& command) {
  static const std::string dir = TempDir();
  Output o;
  std::string full = "cd '" + kSourceDir + "' && { " + command + "; } >" + dir + "/out 2>" + dir + "/err";
  int rc = std::system(full.c_str());
  o.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  o.out = ReadAll(dir + "/out");
  o.err = ReadAll(dir + "/err");
  return o;
}

}  // namespace rdslint::e2e
