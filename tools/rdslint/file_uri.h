// file:// URIs (how LSP names documents) to paths and back.
#ifndef RDSLINT_TOOLS_RDSLINT_FILE_URI_H_
#define RDSLINT_TOOLS_RDSLINT_FILE_URI_H_

#include <optional>
#include <string>
#include <string_view>

namespace rdslint::lsp {

// The absolute path of a "file:" URI ("file:///a/b%20c" -> "/a/b c"); nullopt
// for other schemes, remote hosts and paths that do not decode cleanly.
std::optional<std::string> FileUriToPath(std::string_view uri);

// "file://" + the path with every byte but letters, digits, "-._~/"
// percent-encoded, as VS Code writes them.
std::string PathToFileUri(std::string_view path);

}  // namespace rdslint::lsp

#endif  // RDSLINT_TOOLS_RDSLINT_FILE_URI_H_
