// Baselines for adopting rdslint on an old repository: known findings are
// recorded by fingerprint (rule, file, the masked text of the line and its
// occurrence), not by line number, so they stay known when lines move or
// unrelated code changes, and a new finding on an edited line shows up.
#ifndef RDSLINT_CORE_BASELINE_H_
#define RDSLINT_CORE_BASELINE_H_

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace rdslint {

class Baseline {
 public:
  static Result<Baseline> Parse(std::string_view json_text, std::string_view origin);
  static std::string Write(const std::vector<Finding>& findings);

  bool Contains(const Finding& f) const;
  size_t size() const { return keys_.size(); }

 private:
  // (rule, file, fingerprint)
  std::set<std::tuple<std::string, std::string, std::string>> keys_;
};

// Removes the findings the baseline knows; returns how many.
size_t ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings);

}  // namespace rdslint

#endif  // RDSLINT_CORE_BASELINE_H_
