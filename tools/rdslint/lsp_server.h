// `rdslint lsp`: a Language Server Protocol server over stdio. It lints the
// editor's buffers (not the files on disk) through the same Linter as the
// command, publishes the findings as diagnostics and offers their fix-its as
// quick fixes. Document text never leaves the process: not in diagnostics
// (messages are masked by the linter), not in logs.
#ifndef RDSLINT_TOOLS_RDSLINT_LSP_SERVER_H_
#define RDSLINT_TOOLS_RDSLINT_LSP_SERVER_H_

#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "checks/linter.h"
#include "core/config.h"
#include "frontend/discover/discover.h"
#include "frontend/discover/project_facts.h"
#include "tools/rdslint/lsp_position.h"

namespace rdslint::lsp {

struct ServerOptions {
  std::string version;           // serverInfo.version
  bool verbose = false;          // log protocol events (never text) to stderr
  uint64_t max_document_size = 10ull << 20;  // larger buffers are not linted
};

class Server {
 public:
  using SendFn = std::function<void(const nlohmann::json&)>;
  using LogFn = std::function<void(const std::string&)>;

  // `send` gets every outgoing message; `log` every log line (verbose only).
  Server(ServerOptions options, SendFn send, LogFn log);
  ~Server();

  // One message body as it arrived.
  void HandleBody(std::string_view body);
  // A frame the reader had to skip.
  void HandleBadFrame(const std::string& problem);

  bool exited() const { return exited_; }
  // The process exit status the protocol asks for: 0 after shutdown, else 1.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Document {
    std::string uri;
    std::string text;
    nlohmann::json version;  // integer, or null when the client sent none
    DiscoveredFile file;
    bool lintable = false;
    std::vector<Finding> findings;  // of the last lint of `text`
  };

  void Dispatch(const std::string& method, const nlohmann::json& id, const nlohmann::json& params,
                bool is_request);

  nlohmann::json Initialize(const nlohmann::json& params);
  void DidOpen(const nlohmann::json& params);
  void DidChange(const nlohmann::json& params);
  void DidSave(const nlohmann::json& params);
  void DidClose(const nlohmann::json& params);
  nlohmann::json CodeAction(const nlohmann::json& params);

  DiscoveredFile DescribeDocument(const std::string& uri) const;
  void Lint(Document& doc);
  void Publish(const Document& doc);
  void RelintAll();
  nlohmann::json DiagnosticFor(const Document& doc, const PositionMap& positions,
                               const Finding& f) const;
  nlohmann::json RelatedFor(const RelatedLocation& related) const;
  nlohmann::json Range(const PositionMap& positions, uint32_t begin, uint32_t end) const;
  const Linter& EnsureLinter();
  std::shared_ptr<const Config> ConfigFor(const Document& doc);
  void SendLogMessage(int type, const std::string& message);
  void Log(const std::string& line) const;

  ServerOptions options_;
  SendFn send_;
  LogFn log_;

  bool initialized_ = false;  // the initialize request was answered
  bool shutdown_ = false;
  bool exited_ = false;
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  bool related_information_ = false;
  bool document_changes_ = false;
  std::vector<std::string> roots_;  // absolute workspace folders

  std::unique_ptr<ProjectFacts> facts_;  // built on first use, dropped when IaC is saved
  std::unique_ptr<Linter> linter_;       // refers to *facts_
  std::unique_ptr<ConfigResolver> configs_;
  std::map<std::string, Document> documents_;  // by URI as the client wrote it
};

// Reads framed messages from `in` until the exit notification or the end of
// input, writing replies and notifications to `out`. Returns the exit status.
int Serve(std::istream& in, std::ostream& out, const ServerOptions& options);

// `rdslint lsp [--verbose] [--stdio]`; argv[0] is "lsp".
int RunLspCommand(int argc, char** argv, std::string_view version);

}  // namespace rdslint::lsp

#endif  // RDSLINT_TOOLS_RDSLINT_LSP_SERVER_H_
