#include "core/config.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "core/glob.h"

namespace rdslint {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                        s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' ||
                        s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool MatchesRule(std::string_view glob, const RuleInfo& rule) {
  return MatchCheckGlob(glob, rule.id) || MatchCheckGlob(glob, rule.problem_class);
}

// Globs from a scalar ("a,-b") or a sequence (["a", "-b"]).
std::vector<std::string> GlobsOf(const YAML::Node& node) {
  if (node.IsSequence()) {
    std::vector<std::string> out;
    for (const YAML::Node& n : node) {
      for (std::string& g : SplitGlobs(n.as<std::string>())) out.push_back(std::move(g));
    }
    return out;
  }
  return SplitGlobs(node.as<std::string>());
}

bool IsFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string ParentDir(const std::string& dir) {
  if (dir == "/" || dir.empty()) return {};
  size_t slash = dir.rfind('/');
  if (slash == std::string::npos) return {};
  if (slash == 0) return "/";
  return dir.substr(0, slash);
}

}  // namespace

std::vector<std::string> SplitGlobs(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view g = Trim(text.substr(start, comma - start));
    if (!g.empty()) out.emplace_back(g);
    start = comma + 1;
  }
  return out;
}

bool Config::Enabled(const RuleInfo& rule) const {
  bool enabled = true;  // the implicit leading "*"
  for (const std::string& g : checks) {
    bool negative = !g.empty() && g[0] == '-';
    std::string_view pattern = negative ? std::string_view(g).substr(1) : std::string_view(g);
    if (MatchesRule(pattern, rule)) enabled = !negative;
  }
  return enabled;
}

bool Config::IsWarningAsError(const RuleInfo& rule) const {
  bool on = false;
  for (const std::string& g : warnings_as_errors) {
    bool negative = !g.empty() && g[0] == '-';
    std::string_view pattern = negative ? std::string_view(g).substr(1) : std::string_view(g);
    if (MatchesRule(pattern, rule)) on = !negative;
  }
  return on;
}

std::optional<std::string> Config::Option(std::string_view rule_id, std::string_view name) const {
  std::string key = std::string(rule_id) + "." + std::string(name);
  if (auto it = check_options.find(key); it != check_options.end()) return it->second;
  if (auto it = check_options.find(name); it != check_options.end()) return it->second;
  return std::nullopt;
}

bool Config::Excluded(std::string_view path) const {
  for (const ExcludeGlob& e : exclude) {
    std::string_view rel = path;
    if (!e.root.empty()) {
      std::string prefix = e.root == "/" ? "/" : e.root + "/";
      if (rel.substr(0, prefix.size()) != prefix) continue;
      rel.remove_prefix(prefix.size());
    }
    if (MatchPathGlob(e.glob, rel)) return true;
    // A glob without '/' matches a file or folder name at any depth, as in
    // .gitignore.
    if (e.glob.find('/') == std::string::npos) {
      size_t start = 0;
      while (start < rel.size()) {
        size_t slash = rel.find('/', start);
        if (slash == std::string_view::npos) slash = rel.size();
        if (MatchPathGlob(e.glob, rel.substr(start, slash - start))) return true;
        start = slash + 1;
      }
    } else if (MatchPathGlob(e.glob + "/**", rel)) {
      return true;  // a folder glob excludes what is below it
    }
  }
  return false;
}

void Config::InheritFrom(const Config& parent) {
  std::vector<std::string> c = parent.checks;
  c.insert(c.end(), checks.begin(), checks.end());
  checks = std::move(c);
  std::vector<std::string> w = parent.warnings_as_errors;
  w.insert(w.end(), warnings_as_errors.begin(), warnings_as_errors.end());
  warnings_as_errors = std::move(w);
  for (const auto& [k, v] : parent.check_options) check_options.emplace(k, v);
  std::vector<ExcludeGlob> e = parent.exclude;
  e.insert(e.end(), exclude.begin(), exclude.end());
  exclude = std::move(e);
}

Result<Config> ParseConfig(std::string_view yaml_text, std::string_view origin,
                           std::string_view dir) {
  Config config;
  config.origin = std::string(origin);
  auto error = [&](int line, const std::string& msg) {
    return Status::Error(std::string(origin) + ":" + std::to_string(line) + ": " + msg);
  };
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return error(e.mark.line + 1, "invalid YAML: " + e.msg);
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) return error(1, "a configuration must be a mapping of keys");
  try {
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      int line = kv.first.Mark().line + 1;
      if (key == "Checks") {
        config.checks = GlobsOf(v);
      } else if (key == "WarningsAsErrors") {
        config.warnings_as_errors = GlobsOf(v);
      } else if (key == "InheritParentConfig") {
        config.inherit_parent = v.as<bool>();
      } else if (key == "Exclude") {
        std::vector<std::string> globs;
        if (v.IsSequence()) {
          for (const YAML::Node& g : v) globs.push_back(g.as<std::string>());
        } else {
          globs = SplitGlobs(v.as<std::string>());
        }
        for (std::string& g : globs) {
          while (g.size() > 1 && g.back() == '/') g.pop_back();
          if (g.rfind("./", 0) == 0) g.erase(0, 2);
          config.exclude.push_back(ExcludeGlob{std::string(dir), std::move(g)});
        }
      } else if (key == "CheckOptions") {
        if (v.IsMap()) {
          for (const auto& opt : v) {
            config.check_options[opt.first.as<std::string>()] = opt.second.as<std::string>();
          }
        } else if (v.IsSequence()) {
          // clang-tidy's older form: [{key: a.B, value: c}]
          for (const YAML::Node& opt : v) {
            if (!opt["key"] || !opt["value"]) {
              return error(opt.Mark().line + 1, "CheckOptions entries need 'key' and 'value'");
            }
            config.check_options[opt["key"].as<std::string>()] = opt["value"].as<std::string>();
          }
        } else {
          return error(line, "CheckOptions must be a mapping");
        }
      } else if (key == "FormatStyle" || key == "HeaderFilterRegex" || key == "User") {
        // clang-tidy keys that mean nothing here; accepted so one file can serve both.
      } else {
        return error(line, "unknown key '" + key +
                               "' (expected Checks, WarningsAsErrors, CheckOptions, "
                               "Exclude or InheritParentConfig)");
      }
    }
  } catch (const YAML::Exception& e) {
    return error(e.mark.line + 1, "invalid value: " + e.msg);
  }
  return config;
}

std::shared_ptr<const Config> ConfigResolver::ForDirectory(const std::string& dir,
                                                           std::vector<RunNote>* problems) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = by_dir_.find(dir); it != by_dir_.end()) return it->second;
  auto result = std::make_shared<Config>(
      overrides_.config ? *overrides_.config : *LoadChain(dir, problems));
  // Command-line globs come last, so they win over every file.
  result->checks.insert(result->checks.end(), overrides_.extra_checks.begin(),
                        overrides_.extra_checks.end());
  result->warnings_as_errors.insert(result->warnings_as_errors.end(),
                                    overrides_.extra_warnings_as_errors.begin(),
                                    overrides_.extra_warnings_as_errors.end());
  by_dir_[dir] = result;
  return result;
}

std::shared_ptr<const Config> ConfigResolver::LoadChain(const std::string& dir,
                                                        std::vector<RunNote>* problems) {
  if (auto it = file_chain_.find(dir); it != file_chain_.end()) return it->second;
  std::shared_ptr<const Config> result;
  std::string path = (dir == "/" ? "" : dir) + "/" + std::string(kConfigFileName);
  std::string parent = ParentDir(dir);
  std::optional<bool> listed;  // by discovery, without a stat
  if (known_folders_) {
    if (auto it = known_folders_->find(dir); it != known_folders_->end()) listed = it->second;
  }
  if (listed ? *listed : IsFile(path)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Result<Config> parsed = ParseConfig(ss.str(), path, dir);
    if (!parsed.ok()) {
      problems->push_back(RunNote{RunNote::Level::kError, path, 0, 0,
                                  "invalid configuration: " + parsed.status().message()});
      result = std::make_shared<Config>();
    } else {
      auto config = std::make_shared<Config>(parsed.value());
      if (config->inherit_parent && !parent.empty()) {
        config->InheritFrom(*LoadChain(parent, problems));
      }
      result = config;
    }
  } else if (!parent.empty()) {
    result = LoadChain(parent, problems);
  } else {
    result = std::make_shared<Config>();
  }
  file_chain_[dir] = result;
  return result;
}

}  // namespace rdslint
