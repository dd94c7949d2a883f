// Every rule has its page in docs/rules/, and the page is what the pack says
// today (SARIF helpUri and LSP diagnostics link there).
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/rule_registry.h"

namespace rdslint {
namespace {

TEST(RuleDocsTest, EveryRuleHasAnUpToDatePage) {
  for (const RuleInfo& r : RuleRegistry::Embedded().rules()) {
    const std::string path = std::string(RDSLINT_SOURCE_DIR) + "/docs/rules/" + r.id + ".md";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << r.id << " has no documentation page " << path << ": run `make docs`";
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), RuleMarkdown(r)) << path << " is stale: run `make docs`";
    EXPECT_NE(RuleDocUri(r.id).find("docs/rules/" + r.id + ".md"), std::string::npos);
  }
}

}  // namespace
}  // namespace rdslint
