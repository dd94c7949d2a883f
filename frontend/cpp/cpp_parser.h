// The C++ frontend: parses one file with clang LibTooling 14, using the
// compile command of its compilation database (or rdslint's defaults), and
// hands the AST to a callback. This header names clang types only by
// forward declaration, so that including it costs nothing; the one
// translation unit that includes clang's headers is cpp_parser.cc.
#ifndef RDSLINT_FRONTEND_CPP_CPP_PARSER_H_
#define RDSLINT_FRONTEND_CPP_CPP_PARSER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clang {
class ASTContext;
}

namespace rdslint::cpp {

// A compile error, in the terms of the parsed file: an error inside an
// included file is reported at the #include that brought it in.
struct ParseError {
  uint32_t offset = 0;  // byte offset in the parsed text
  uint32_t length = 0;
  std::string message;
};

struct ParseNote {
  bool warning = false;  // a broken compilation database, not just information
  std::string message;
};

struct ParseOutcome {
  // The AST was built and handed to the callback (also after compile
  // errors: clang recovers, and what it parsed is still worth checking).
  bool ran = false;
  // The first compile error, its message saying how many followed and
  // which flags were used. Empty when the file compiles.
  std::vector<ParseError> errors;
  std::vector<ParseNote> notes;  // how the flags were chosen, when not from a database
};

using AstCallback = std::function<void(clang::ASTContext&)>;

class Parser {
 public:
  // `build_path`: rdslint's -p, "" to look up compile_commands.json from
  // each file's folder.
  explicit Parser(std::string build_path);
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Parses `text` as the contents of `abs_path` (which need not match the
  // disk: the text is what is checked). Bodies of functions outside this
  // file are skipped, as clangd does for its preamble: checks look at this
  // file's code, and the parse is several times faster. Thread-safe: files
  // are parsed in parallel, each with its own clang instance.
  ParseOutcome Parse(const std::string& abs_path, std::string_view text,
                     const AstCallback& on_ast) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rdslint::cpp

#endif  // RDSLINT_FRONTEND_CPP_CPP_PARSER_H_
