// The YAML reader's two event sources give the same document: libyaml,
// where it stands in for yaml-cpp, against yaml-cpp itself, on every YAML
// file of testdata/ and on the corners of the syntax; and libyaml refuses
// what it must leave to yaml-cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "frontend/cfn/intrinsics.h"
#include "tests/iac/iac_test_util.h"

namespace rdslint::cfn::internal {
namespace {

// Whether libyaml stood in, and when it did, that yaml-cpp reads the same.
bool SameBothWays(const std::string& text, const std::string& what) {
  bool took = false;
  for (bool serverless : {false, true}) {
    const ParseOptions options{Syntax::kYaml, serverless};
    Document fast, slow;
    took = ReadYamlWithLibyaml(text, options, &fast);
    if (!took) {
      EXPECT_EQ(Describe(fast), Describe(Document{})) << what << ": a refusal leaves the document untouched";
      continue;
    }
    ReadYamlWithYamlCpp(text, options, &slow);
    EXPECT_EQ(Describe(fast), Describe(slow)) << what;
  }
  return took;
}

TEST(YamlSourcesTest, LibyamlReadsEveryTestFileAsYamlCppDoes) {
  const std::string root = std::string(RDSLINT_SOURCE_DIR) + "/testdata";
  std::vector<std::string> all, files;
  iac::testing::ListFiles(root, "", &all);
  for (const std::string& f : all) {
    const size_t dot = f.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : f.substr(dot);
    if (ext == ".yaml" || ext == ".yml") files.push_back(f);
  }
  ASSERT_GT(files.size(), 40u);
  size_t took = 0;
  for (const std::string& f : files) took += SameBothWays(iac::testing::ReadFile(root + "/" + f), f);
  // Most are plain ASCII and well formed: libyaml reads them.
  EXPECT_GT(took, files.size() / 2) << took << " of " << files.size();
}

TEST(YamlSourcesTest, CornersOfTheSyntaxReadAlike) {
  const char* cases[] = {
      "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: app.handler\n",
      "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ''\ng: \"\"\n",
      "list:\n  -\n  - a\n  -   # comment\n  - ~\n",
      "flow: [a, b, {c: d, e: [f, g]}, [], {}]\nmap: {k: v, empty: , q: 'x'}\n",
      "base: &base\n  A: 1\n  B: 2\nuse:\n  <<: *base\n  B: 3\nmany:\n  <<: [*base, {C: 4}]\n",
      "lit: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n\n  c\nkeep: |+\n  x\n\nnext: 1\n",
      "plain: this is\n  folded over\n  three lines\nq: \"esc \\\" \\n \\t \\u0041\"\ns: 'it''s'\n",
      "Value: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'\nRef: !Ref Db\nAtt: !GetAtt Db.Endpoint.Address\n"
      "Azs: !GetAZs\nJoin: !Join [':', [a, !Ref B]]\nSel: !Select [0, !GetAZs '']\n",
      "Tagged: !Sub   # comment between\n  x-${Y}\nUnknown: !Foo bar\nData: !!str 12\nB: !!bool true\n",
      "? complex\n: value\n[a, b]: c\n",
      "---\nfirst: 1\n...\n---\nsecond: 2\n",
      "--- # only a comment after\n",
      "key: value # trailing\n# full line\nother:    spaced   \n",
      "a: 'unterminated\n",
      "a: *nowhere\n",
      "dup: 1\ndup: 2\n",
      "deep: [[[[[[[[[[1]]]]]]]]]]\n",
      "\ttab: indent\n",
      "a: b: c\n",
      "x: 1\n  y: 2\n",
      "anchor: &a [1, *a]\n",
      "Resources: &r\n  A: *r\n",
      "str: 'a' # c\nnum: 0x1F\nfloat: .5\nbool: yes\n",
      "a: &x\nb: *x\nc: &y # comment\nd: *y\n",
      "- &y\n- *y\n- [a, &z , *z]\n",
      ": no key\n",
      "{a: 1, : 2}\n",
      "Fn: !Ref\nOther: !Sub\n",
      "a:\n  b:\n~  c: 1\n",
      "a:\n  b:   # comment\n\n  # more\nnull: 1\n",
      "%YAML 1.1\n---\na: !Ref b\n",
      "%TAG ! tag:example.com,2000:\n---\na: !Ref b\n",
      "%TAG !e! tag:example.com,2000:\n---\na: !e!Ref b\nb: !<tag:x> c\n",
  };
  for (const char* text : cases) SameBothWays(text, text);
}

TEST(YamlSourcesTest, LibyamlLeavesToYamlCppWhatItCannotStandInFor) {
  const ParseOptions options;
  for (const char* text : {
           "a: 1\r\nb: 2\r\n",            // carriage returns
           "a: caf\xc3\xa9\n",            // not ASCII: marks would count characters
           "\xef\xbb\xbf" "a: 1\n",       // byte order mark
           "a: [1, 2\n",                  // a syntax error: yaml-cpp's message and place
           "a: *undefined\n",             // yaml-cpp's error too
           "{\"a\": {\"b\": 1}}\n}\n",         // a stray closer after the document
           "!\n",                         // a lone non-specific tag
           "- !Ref\n",                    // an empty tagged list item
           "{\"S\", [{\"E\": 1}]}\n",        // a flow key without a value, a list as a key
           "? [a]\n: b\n",                // a collection as a key
           "a: 1\n---\nb: [\n",          // a broken second document
           "",                            // no document
           "# only a comment\n",
       }) {
    Document doc;
    EXPECT_FALSE(ReadYamlWithLibyaml(text, options, &doc)) << text;
  }
  Document doc;
  EXPECT_TRUE(ReadYamlWithLibyaml("a: 1\n", options, &doc));
}

}  // namespace
}  // namespace rdslint::cfn::internal
