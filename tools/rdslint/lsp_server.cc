#include "tools/rdslint/lsp_server.h"

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/rule_registry.h"
#include "tools/rdslint/file_uri.h"
#include "tools/rdslint/jsonrpc.h"

namespace rdslint::lsp {
namespace {

using json = nlohmann::json;

// LSP's enums.
constexpr int kSeverityError = 1;
constexpr int kSeverityWarning = 2;
constexpr int kSeverityInformation = 3;
constexpr int kMessageError = 1;
constexpr int kMessageWarning = 2;
constexpr int kMessageInfo = 3;
constexpr int kSyncFull = 1;

const json* Field(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

const json* FieldPath(const json& j, std::initializer_list<const char*> keys) {
  const json* at = &j;
  for (const char* key : keys) {
    at = Field(*at, key);
    if (!at) return nullptr;
  }
  return at;
}

bool TrueAt(const json& j, std::initializer_list<const char*> keys) {
  const json* v = FieldPath(j, keys);
  return v && v->is_boolean() && v->get<bool>();
}

std::optional<std::string> StringAt(const json& j, std::initializer_list<const char*> keys) {
  const json* v = FieldPath(j, keys);
  if (!v || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::optional<Position> PositionAt(const json* j) {
  if (!j) return std::nullopt;
  const json* line = Field(*j, "line");
  const json* character = Field(*j, "character");
  if (!line || !character || !line->is_number_integer() || !character->is_number_integer()) {
    return std::nullopt;
  }
  const int64_t l = line->get<int64_t>(), c = character->get<int64_t>();
  if (l < 0 || c < 0 || l > INT32_MAX || c > INT32_MAX) return std::nullopt;
  return Position{static_cast<int>(l), static_cast<int>(c)};
}

json PositionJson(Position p) { return {{"line", p.line}, {"character", p.character}}; }

int LspSeverity(Severity s) {
  switch (s) {
    case Severity::kError:
      return kSeverityError;
    case Severity::kWarning:
      return kSeverityWarning;
    case Severity::kNote:
      return kSeverityInformation;
  }
  return kSeverityWarning;
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Parent(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return CurrentDirectory();
  return slash == 0 ? "/" : path.substr(0, slash);
}

// Files the project facts are gathered from (GatherProjectFacts reads IaC,
// Prisma, package.json, .env and compose files, Dockerfiles): saving one
// rebuilds them. Other scripts do not count; saving them is too frequent to
// rescan the workspace each time.
bool FeedsProjectFacts(FileKind kind, const std::string& path) {
  const std::string name = BaseName(path);
  switch (kind) {
    case FileKind::kTerraform:
    case FileKind::kTerraformVars:
    case FileKind::kTerraformJson:
    case FileKind::kServerless:
    case FileKind::kYaml:
    case FileKind::kJson:
    case FileKind::kPrisma:
    case FileKind::kPackageJson:
    case FileKind::kDotenv:
    case FileKind::kCompose:
      return true;
    case FileKind::kScript:
      return name.rfind("prisma.config.", 0) == 0;
    case FileKind::kOther:
      return name == "Dockerfile" || name.rfind("Dockerfile.", 0) == 0 ||
             (name.size() > 11 && name.compare(name.size() - 11, 11, ".dockerfile") == 0);
    default:
      return false;
  }
}

// Without a workspace from the client, the project of a file is the top of
// its git checkout, else its folder: what the command uses for files named
// one by one. Not "/" or the home folder, though: walking those would keep
// the editor waiting.
std::string ProjectRootOf(const std::string& abs_file) {
  const std::string dir = Parent(abs_file);
  for (std::string d = dir; d.size() > 1; d = Parent(d)) {
    struct stat st;
    if (stat((d + "/.git").c_str(), &st) == 0) return d;
  }
  const char* home = getenv("HOME");
  if (dir == "/" || (home && dir == AbsolutePath(home))) return "";
  return dir;
}

// The protocol's answer to a request: a result or an error.
struct Reply {
  json result;
  int error_code = 0;
  std::string error;
  static Reply Error(int code, std::string message) {
    Reply r;
    r.error_code = code;
    r.error = std::move(message);
    return r;
  }
};

std::optional<std::string> ReadSmallFile(const std::string& path, uint64_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > limit) return std::nullopt;
  }
  return text;
}

}  // namespace

Server::Server(ServerOptions options, SendFn send, LogFn log)
    : options_(std::move(options)), send_(std::move(send)), log_(std::move(log)) {}

Server::~Server() = default;

void Server::Log(const std::string& line) const {
  if (options_.verbose && log_) log_(line);
}

void Server::HandleBadFrame(const std::string& problem) {
  Log("skipped input: " + problem);
}

void Server::HandleBody(std::string_view body) {
  const jsonrpc::Message m = jsonrpc::ParseMessage(body);
  switch (m.kind) {
    case jsonrpc::Message::Kind::kInvalid:
      Log("bad message: " + m.error);
      send_(jsonrpc::ResponseError(m.id, m.error_code, m.error));
      return;
    case jsonrpc::Message::Kind::kResponse:
      return;  // this server sends no requests
    case jsonrpc::Message::Kind::kRequest:
    case jsonrpc::Message::Kind::kNotification:
      break;
  }
  const bool is_request = m.kind == jsonrpc::Message::Kind::kRequest;
  try {
    Dispatch(m.method, m.id, m.params, is_request);
  } catch (const json::exception& e) {
    // Handlers check shapes before use; this is the net under them.
    Log(m.method + ": " + e.what());
    if (is_request) send_(jsonrpc::ResponseError(m.id, jsonrpc::kInvalidParams, e.what()));
  } catch (const std::exception& e) {
    Log(m.method + ": internal error: " + e.what());
    if (is_request) send_(jsonrpc::ResponseError(m.id, jsonrpc::kInternalError, e.what()));
  }
}

void Server::Dispatch(const std::string& method, const json& id, const json& params,
                      bool is_request) {
  if (method == "exit") {
    exited_ = true;
    Log("exit");
    return;
  }
  if (!is_request) {
    if (!initialized_ || shutdown_) {
      Log("ignored " + method + (shutdown_ ? " after shutdown" : " before initialize"));
      return;
    }
    if (method == "textDocument/didOpen") DidOpen(params);
    else if (method == "textDocument/didChange") DidChange(params);
    else if (method == "textDocument/didSave") DidSave(params);
    else if (method == "textDocument/didClose") DidClose(params);
    else if (method != "initialized") Log("ignored notification " + method);
    return;
  }

  Reply reply;
  if (method == "initialize") {
    if (initialized_) {
      reply = Reply::Error(jsonrpc::kInvalidRequest, "initialize was already received");
    } else {
      reply.result = Initialize(params);
      initialized_ = true;
    }
  } else if (!initialized_) {
    reply = Reply::Error(jsonrpc::kServerNotInitialized, "initialize first");
  } else if (shutdown_) {
    reply = Reply::Error(jsonrpc::kInvalidRequest, "the server is shutting down");
  } else if (method == "shutdown") {
    shutdown_ = true;
    reply.result = nullptr;
    Log("shutdown");
  } else if (method == "textDocument/codeAction") {
    reply.result = CodeAction(params);
  } else {
    reply = Reply::Error(jsonrpc::kMethodNotFound, "unsupported method " + method);
  }
  if (reply.error_code != 0) {
    Log(method + ": " + reply.error);
    send_(jsonrpc::ResponseError(id, reply.error_code, reply.error));
  } else {
    send_(jsonrpc::ResponseOk(id, std::move(reply.result)));
  }
}

json Server::Initialize(const json& params) {
  const json* caps_field = Field(params, "capabilities");
  const json& caps = caps_field ? *caps_field : json::object();
  // Position encoding: UTF-8 when the client offers it (no conversion to get
  // wrong), else the protocol's default UTF-16. clangd's older
  // `offsetEncoding` extension is honoured too, for clients that send only it.
  bool legacy_offset_encoding = false;
  if (const json* offered = FieldPath(caps, {"general", "positionEncodings"});
      offered && offered->is_array()) {
    for (const json& e : *offered) {
      if (e == "utf-8") encoding_ = PositionEncoding::kUtf8;
    }
  } else if (const json* legacy = Field(caps, "offsetEncoding"); legacy && legacy->is_array()) {
    for (const json& e : *legacy) {
      if (e == "utf-8") {
        encoding_ = PositionEncoding::kUtf8;
        legacy_offset_encoding = true;
      }
    }
  }
  related_information_ = TrueAt(caps, {"textDocument", "publishDiagnostics", "relatedInformation"});
  document_changes_ = TrueAt(caps, {"workspace", "workspaceEdit", "documentChanges"});
  const bool code_action_literals =
      FieldPath(caps, {"textDocument", "codeAction", "codeActionLiteralSupport"}) != nullptr;

  // The workspace: every folder, else rootUri, else the deprecated rootPath.
  if (const json* folders = Field(params, "workspaceFolders"); folders && folders->is_array()) {
    for (const json& folder : *folders) {
      if (std::optional<std::string> uri = StringAt(folder, {"uri"})) {
        if (std::optional<std::string> path = FileUriToPath(*uri)) roots_.push_back(AbsolutePath(*path));
      }
    }
  }
  if (roots_.empty()) {
    if (std::optional<std::string> uri = StringAt(params, {"rootUri"})) {
      if (std::optional<std::string> path = FileUriToPath(*uri)) roots_.push_back(AbsolutePath(*path));
    } else if (std::optional<std::string> path = StringAt(params, {"rootPath"});
               path && !path->empty()) {
      roots_.push_back(AbsolutePath(*path));
    }
  }
  for (const std::string& root : roots_) Log("workspace folder " + root);
  Log(std::string("position encoding ") + std::string(EncodingName(encoding_)));

  json capabilities = {
      {"positionEncoding", EncodingName(encoding_)},
      {"textDocumentSync",
       {{"openClose", true}, {"change", kSyncFull}, {"save", {{"includeText", false}}}}},
  };
  // The options form is only for clients that take CodeAction literals.
  capabilities["codeActionProvider"] =
      code_action_literals ? json{{"codeActionKinds", {"quickfix"}}} : json(true);
  json result = {{"capabilities", std::move(capabilities)},
                 {"serverInfo", {{"name", "rdslint"}, {"version", options_.version}}}};
  if (legacy_offset_encoding) result["offsetEncoding"] = "utf-8";
  return result;
}

DiscoveredFile Server::DescribeDocument(const std::string& uri) const {
  DiscoveredFile file;
  if (std::optional<std::string> path = FileUriToPath(uri)) {
    file.abs_path = AbsolutePath(*path);
    file.path = DisplayPath(file.abs_path);
  } else {
    file.path = uri;  // an unsaved buffer: its name still tells its kind
  }
  file.kind = ClassifyPath(file.abs_path.empty() ? file.path : file.abs_path);
  file.named = true;
  return file;
}

const Linter& Server::EnsureLinter() {
  if (!linter_) {
    const auto start = std::chrono::steady_clock::now();
    facts_ = std::make_unique<ProjectFacts>();
    if (!roots_.empty()) {
      Discovery discovery = Discover(roots_, DiscoverOptions{});
      *facts_ = GatherProjectFacts(discovery.files);
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
      Log("project facts from " + std::to_string(discovery.files.size()) + " files in " +
          std::to_string(ms) + " ms");
    }
    linter_ = std::make_unique<Linter>(RuleRegistry::Embedded(), *facts_);
  }
  return *linter_;
}

std::shared_ptr<const Config> Server::ConfigFor(const Document& doc) {
  if (!configs_) configs_ = std::make_unique<ConfigResolver>(ConfigResolver::Overrides{});
  std::string dir = !doc.file.abs_path.empty() ? Parent(doc.file.abs_path)
                    : !roots_.empty()          ? roots_.front()
                                               : CurrentDirectory();
  std::vector<RunNote> problems;
  std::shared_ptr<const Config> config = configs_->ForDirectory(dir, &problems);
  for (const RunNote& p : problems) {
    std::string where = p.file;
    if (p.line > 0) where += ":" + std::to_string(p.line);
    if (p.column > 0) where += ":" + std::to_string(p.column);
    const std::string message = "rdslint: " + (where.empty() ? "" : where + ": ") + p.message;
    if (p.level == RunNote::Level::kError) {
      // A broken configuration is worth a pop-up: the defaults apply meanwhile.
      send_(jsonrpc::Notification("window/showMessage",
                                  {{"type", kMessageError}, {"message", message}}));
    } else {
      SendLogMessage(p.level == RunNote::Level::kWarning ? kMessageWarning : kMessageInfo, message);
    }
  }
  return config;
}

void Server::SendLogMessage(int type, const std::string& message) {
  send_(jsonrpc::Notification("window/logMessage", {{"type", type}, {"message", message}}));
}

void Server::Lint(Document& doc) {
  doc.findings.clear();
  if (!doc.lintable) return;
  if (doc.text.size() > options_.max_document_size) {
    Log(doc.uri + ": not linted: larger than " + std::to_string(options_.max_document_size) +
        " bytes");
    Publish(doc);
    return;
  }
  std::shared_ptr<const Config> config = ConfigFor(doc);
  if (!doc.file.abs_path.empty() && config->Excluded(doc.file.abs_path)) {
    Log(doc.uri + ": excluded by " + config->origin);
    Publish(doc);
    return;
  }
  FileResult result = EnsureLinter().LintText(doc.file, doc.text, *config);
  for (const RunNote& note : result.notes) Log(doc.uri + ": " + note.message);
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  doc.findings = std::move(result.findings);
  Log(doc.uri + ": " + std::to_string(doc.findings.size()) + " finding(s)");
  Publish(doc);
}

void Server::RelintAll() {
  for (auto& [uri, doc] : documents_) Lint(doc);
}

json Server::Range(const PositionMap& positions, uint32_t begin, uint32_t end) const {
  if (end < begin) end = begin;
  return {{"start", PositionJson(positions.FromOffset(begin))},
          {"end", PositionJson(positions.FromOffset(end))}};
}

json Server::RelatedFor(const RelatedLocation& related) const {
  const std::string abs = AbsolutePath(related.location.file);
  std::optional<std::string> text;
  for (const auto& [uri, doc] : documents_) {
    if (doc.file.abs_path == abs) text = doc.text;
  }
  if (!text) text = ReadSmallFile(abs, options_.max_document_size);
  if (!text) return nullptr;
  const PositionMap positions(*text, encoding_);
  return {{"location",
           {{"uri", PathToFileUri(abs)},
            {"range", Range(positions, related.location.range.begin, related.location.range.end)}}},
          {"message", related.message}};
}

json Server::DiagnosticFor(const Document& doc, const PositionMap& positions,
                           const Finding& f) const {
  json d = {
      {"range", Range(positions, f.location.range.begin, f.location.range.end)},
      {"severity", LspSeverity(f.severity)},
      {"code", f.rule_id},
      {"codeDescription", {{"href", RuleDocUri(f.rule_id)}}},
      {"source", "rdslint"},
      {"message", f.message},
  };
  if (related_information_ && !f.related.empty()) {
    json related = json::array();
    for (const RelatedLocation& r : f.related) {
      json item = RelatedFor(r);
      if (!item.is_null()) related.push_back(std::move(item));
    }
    if (!related.empty()) d["relatedInformation"] = std::move(related);
  }
  return d;
}

void Server::Publish(const Document& doc) {
  const PositionMap positions(doc.text, encoding_);
  json diagnostics = json::array();
  for (const Finding& f : doc.findings) diagnostics.push_back(DiagnosticFor(doc, positions, f));
  json params = {{"uri", doc.uri}, {"diagnostics", std::move(diagnostics)}};
  if (!doc.version.is_null()) params["version"] = doc.version;
  send_(jsonrpc::Notification("textDocument/publishDiagnostics", std::move(params)));
}

void Server::DidOpen(const json& params) {
  const std::optional<std::string> uri = StringAt(params, {"textDocument", "uri"});
  const std::optional<std::string> text = StringAt(params, {"textDocument", "text"});
  if (!uri || !text) {
    Log("didOpen without textDocument.uri and text: ignored");
    return;
  }
  Document doc;
  doc.uri = *uri;
  doc.text = *text;
  if (const json* v = FieldPath(params, {"textDocument", "version"}); v && v->is_number_integer()) {
    doc.version = *v;
  }
  doc.file = DescribeDocument(*uri);
  if (roots_.empty() && !doc.file.abs_path.empty()) {
    if (std::string root = ProjectRootOf(doc.file.abs_path); !root.empty()) {
      Log("no workspace folder from the client: using " + root);
      roots_.push_back(std::move(root));
      linter_.reset();  // facts from that project, not from nothing
      facts_.reset();
    }
  }
  doc.lintable = Linter::Lintable(doc.file.kind) && doc.file.kind != FileKind::kCpp;
  Log("didOpen " + *uri + " (" + std::string(FileKindName(doc.file.kind)) +
      (doc.lintable ? ")" : ", not linted)"));
  Document& stored = documents_[*uri] = std::move(doc);
  Lint(stored);
}

void Server::DidChange(const json& params) {
  const std::optional<std::string> uri = StringAt(params, {"textDocument", "uri"});
  const json* changes = Field(params, "contentChanges");
  const auto it = uri ? documents_.find(*uri) : documents_.end();
  if (it == documents_.end() || !changes || !changes->is_array()) {
    Log("didChange for a document not open, or without contentChanges: ignored");
    return;
  }
  Document& doc = it->second;
  for (const json& change : *changes) {
    const std::optional<std::string> text = StringAt(change, {"text"});
    if (!text) continue;
    const json* range = Field(change, "range");
    if (!range) {
      doc.text = *text;
      continue;
    }
    // We ask for full syncs; a client that sends ranges anyway still gets
    // them applied, in the order given.
    const std::optional<Position> start = PositionAt(Field(*range, "start"));
    const std::optional<Position> end = PositionAt(Field(*range, "end"));
    if (!start || !end) {
      Log("didChange with a malformed range: ignored");
      continue;
    }
    const PositionMap positions(doc.text, encoding_);
    uint32_t b = positions.ToOffset(*start), e = positions.ToOffset(*end);
    if (e < b) std::swap(b, e);
    doc.text.replace(b, e - b, *text);
  }
  if (const json* v = FieldPath(params, {"textDocument", "version"}); v && v->is_number_integer()) {
    doc.version = *v;
  }
  Lint(doc);
}

void Server::DidSave(const json& params) {
  const std::optional<std::string> uri = StringAt(params, {"textDocument", "uri"});
  if (!uri) return;
  const DiscoveredFile file = DescribeDocument(*uri);
  const std::string name = BaseName(file.abs_path.empty() ? file.path : file.abs_path);
  if (name == ".rdslint.yaml") {
    Log("configuration saved: reloading it");
    configs_.reset();
    RelintAll();
  } else if (FeedsProjectFacts(file.kind, file.path)) {
    Log("project file saved: gathering project facts again");
    linter_.reset();  // before the facts it refers to
    facts_.reset();
    RelintAll();
  }
}

void Server::DidClose(const json& params) {
  const std::optional<std::string> uri = StringAt(params, {"textDocument", "uri"});
  const auto it = uri ? documents_.find(*uri) : documents_.end();
  if (it == documents_.end()) return;
  Document& doc = it->second;
  if (doc.lintable) {
    // A closed file keeps no squiggles: the client shows what we last sent.
    doc.findings.clear();
    doc.version = nullptr;
    Publish(doc);
  }
  Log("didClose " + *uri);
  documents_.erase(it);
}

json Server::CodeAction(const json& params) {
  json actions = json::array();
  const std::optional<std::string> uri = StringAt(params, {"textDocument", "uri"});
  const auto it = uri ? documents_.find(*uri) : documents_.end();
  const json* range = Field(params, "range");
  if (it == documents_.end() || !range) return actions;
  const std::optional<Position> start = PositionAt(Field(*range, "start"));
  const std::optional<Position> end = PositionAt(Field(*range, "end"));
  if (!start || !end) return actions;
  // `only` narrows by kind: "quickfix" or a parent of it ("" is everything).
  if (const json* only = FieldPath(params, {"context", "only"}); only && only->is_array()) {
    bool wanted = false;
    for (const json& kind : *only) wanted |= kind == "quickfix" || kind == "";
    if (!wanted) return actions;
  }
  const Document& doc = it->second;
  const PositionMap positions(doc.text, encoding_);
  for (const Finding& f : doc.findings) {
    if (f.fixes.empty()) continue;
    // Whole lines: a cursor anywhere on the finding's line offers its fix.
    const Position fb = positions.FromOffset(f.location.range.begin);
    const Position fe = positions.FromOffset(std::max(f.location.range.begin, f.location.range.end));
    if (fe.line < start->line || fb.line > end->line) continue;
    for (const FixIt& fix : f.fixes) {
      json edits = json::array();
      bool usable = !fix.replacements.empty();
      for (const Replacement& r : fix.replacements) {
        // Only edits of this buffer; a fix that reaches into another file is
        // left to --fix.
        if (r.file != doc.file.path || uint64_t{r.offset} + r.length > doc.text.size()) {
          usable = false;
          break;
        }
        edits.push_back({{"range", Range(positions, r.offset, r.offset + r.length)},
                         {"newText", r.text}});
      }
      if (!usable) continue;
      json edit;
      if (document_changes_) {
        edit["documentChanges"] = json::array(
            {{{"textDocument", {{"uri", doc.uri}, {"version", doc.version}}}, {"edits", edits}}});
      } else {
        edit["changes"] = {{doc.uri, edits}};
      }
      actions.push_back({{"title", fix.description + " [" + f.rule_id + "]"},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({DiagnosticFor(doc, positions, f)})},
                         {"isPreferred", f.fixes.size() == 1},
                         {"edit", std::move(edit)}});
    }
  }
  Log("codeAction " + doc.uri + ": " + std::to_string(actions.size()) + " action(s)");
  return actions;
}

int Serve(std::istream& in, std::ostream& out, const ServerOptions& options) {
  bool output_failed = false;
  Server server(
      options,
      [&](const json& message) {
        const std::string framed = jsonrpc::FrameMessage(jsonrpc::Dump(message));
        out.write(framed.data(), static_cast<std::streamsize>(framed.size()));
        out.flush();
        output_failed |= !out.good();
      },
      [](const std::string& line) { std::cerr << "rdslint lsp: " << line << std::endl; });
  jsonrpc::FrameReader reader(in);
  while (!server.exited() && !output_failed) {
    jsonrpc::Frame frame = reader.Next();
    if (frame.kind == jsonrpc::Frame::Kind::kEnd) break;
    if (frame.kind == jsonrpc::Frame::Kind::kBadFrame) {
      server.HandleBadFrame(frame.problem);
      continue;
    }
    server.HandleBody(frame.body);
  }
  return server.exit_code();
}

int RunLspCommand(int argc, char** argv, std::string_view version) {
  ServerOptions options;
  options.version = std::string(version);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
    } else if (arg == "--stdio") {
      // What generic LSP clients pass; stdio is the only transport.
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "Usage: rdslint lsp [--verbose]\n\n"
                   "Runs the language server on standard input and output. --verbose logs\n"
                   "protocol events (never file contents) to standard error.\n";
      return 0;
    } else {
      std::cerr << "rdslint: error: unknown lsp option '" << arg << "'\nTry 'rdslint lsp --help'.\n";
      return 2;
    }
  }
  // A client that goes away must end the loop through end of input or a
  // failed write, not kill the server in the middle of a write.
  signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  return Serve(std::cin, std::cout, options);
}

}  // namespace rdslint::lsp
