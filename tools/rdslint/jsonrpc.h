// JSON-RPC 2.0 over LSP's base protocol: messages framed by a
// "Content-Length: N" header block. The reader survives whatever arrives:
// a broken header block is skipped up to the next "Content-Length:", a body
// that is not JSON becomes an error to answer, never an exception.
#ifndef RDSLINT_TOOLS_RDSLINT_JSONRPC_H_
#define RDSLINT_TOOLS_RDSLINT_JSONRPC_H_

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rdslint::jsonrpc {

// Error codes of JSON-RPC and LSP.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

struct Frame {
  enum class Kind {
    kMessage,  // `body` holds one message's bytes
    kBadFrame, // something was skipped; `problem` says what (never the bytes)
    kEnd,      // end of input
  };
  Kind kind = Kind::kEnd;
  std::string body;
  std::string problem;
};

class FrameReader {
 public:
  // Bodies longer than this are skipped (the bytes are read and dropped).
  static constexpr size_t kDefaultMaxBody = 64u << 20;

  explicit FrameReader(std::istream& in, size_t max_body = kDefaultMaxBody)
      : in_(in), max_body_(max_body) {}

  Frame Next();

 private:
  // Reads one header line (without its "\r\n" or "\n"). False at the end.
  bool ReadLine(std::string* line, bool* too_long);
  // Drops input up to and including the next "Content-Length:" (any case),
  // and leaves it as the start of the next header block. False at the end.
  bool Resync();

  std::istream& in_;
  size_t max_body_;
  std::string pending_;  // a header line prefix found by Resync
};

// "Content-Length: N\r\n\r\n" + body.
std::string FrameMessage(std::string_view body);

// What one body says, classified.
struct Message {
  enum class Kind { kRequest, kNotification, kResponse, kInvalid };
  Kind kind = Kind::kInvalid;
  nlohmann::json id;      // request or response id; null when absent
  std::string method;
  nlohmann::json params;  // null when absent
  int error_code = 0;     // for kInvalid: what to answer
  std::string error;      // for kInvalid
};

Message ParseMessage(std::string_view body);

nlohmann::json ResponseOk(const nlohmann::json& id, nlohmann::json result);
nlohmann::json ResponseError(const nlohmann::json& id, int code, std::string_view message);
nlohmann::json Notification(std::string_view method, nlohmann::json params);

// Serialises without throwing: invalid UTF-8 in strings becomes U+FFFD.
std::string Dump(const nlohmann::json& message);

}  // namespace rdslint::jsonrpc

#endif  // RDSLINT_TOOLS_RDSLINT_JSONRPC_H_
