#include "tools/rdslint/jsonrpc.h"

#include <cctype>

namespace rdslint::jsonrpc {
namespace {

constexpr size_t kMaxHeaderLine = 8192;
constexpr std::string_view kLengthHeader = "content-length";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

std::string LowerCase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Digits only, and not absurdly many of them.
bool ParseLength(std::string_view s, size_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 15) return false;
  size_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  *out = n;
  return true;
}

}  // namespace

bool FrameReader::ReadLine(std::string* line, bool* too_long) {
  line->swap(pending_);
  pending_.clear();
  *too_long = false;
  bool any = !line->empty();
  for (;;) {
    const int c = in_.get();
    if (c == std::char_traits<char>::eof()) return any;
    any = true;
    if (c == '\n') break;
    if (line->size() < kMaxHeaderLine) {
      line->push_back(static_cast<char>(c));
    } else {
      *too_long = true;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

bool FrameReader::Resync() {
  constexpr std::string_view kNeedle = "content-length:";
  std::string window;
  for (;;) {
    const int c = in_.get();
    if (c == std::char_traits<char>::eof()) return false;
    window.push_back(static_cast<char>(std::tolower(c)));
    if (window.size() > kNeedle.size()) window.erase(0, 1);
    if (window == kNeedle) {
      pending_ = "Content-Length:";
      return true;
    }
  }
}

Frame FrameReader::Next() {
  Frame frame;
  bool saw_header = false;
  bool have_length = false;
  bool length_bad = false;  // unreadable or contradictory: the body cannot be found
  size_t length = 0;
  std::string problem;
  for (;;) {
    std::string line;
    bool too_long = false;
    if (!ReadLine(&line, &too_long)) {
      if (!saw_header) return frame;  // kEnd
      frame.kind = Frame::Kind::kBadFrame;
      frame.problem = "input ended inside a header block";
      return frame;
    }
    if (line.empty()) {
      if (!saw_header) continue;  // stray blank lines between messages
      break;
    }
    saw_header = true;
    if (too_long) {
      problem = "header line longer than 8192 bytes";
      continue;
    }
    // A body without its header runs into the next message's header on one
    // line: keep that header rather than lose the next message too.
    if (size_t at = LowerCase(line).find("content-length:"); at != std::string::npos && at > 0) {
      line.erase(0, at);
    }
    const size_t colon = line.find(':');
    if (colon == std::string::npos) {
      problem = "header line without ':'";
      continue;
    }
    if (!EqualsIgnoreCase(Trim(std::string_view(line).substr(0, colon)), kLengthHeader)) {
      continue;  // Content-Type and anything else: nothing to do with it
    }
    size_t n = 0;
    if (!ParseLength(std::string_view(line).substr(colon + 1), &n)) {
      problem = "Content-Length is not a number";
      length_bad = true;
    } else if (have_length && n != length) {
      problem = "two different Content-Length headers";
      length_bad = true;
    } else {
      have_length = true;
      length = n;
    }
  }

  frame.kind = Frame::Kind::kBadFrame;
  if (!have_length || length_bad) {
    // Without a trustworthy length the body cannot be found: skip to the
    // next message's header.
    frame.problem = problem.empty() ? "header block without Content-Length" : problem;
    Resync();
    return frame;
  }
  if (length > max_body_) {
    in_.ignore(static_cast<std::streamsize>(length));
    frame.problem = "message of " + std::to_string(length) + " bytes skipped (limit " +
                    std::to_string(max_body_) + ")";
    return frame;
  }
  frame.body.resize(length);
  in_.read(frame.body.data(), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(in_.gcount()) != length) {
    frame.body.clear();
    frame.problem = "input ended inside a message body";
    return frame;
  }
  frame.kind = Frame::Kind::kMessage;
  return frame;
}

std::string FrameMessage(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

Message ParseMessage(std::string_view body) {
  Message m;
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    m.error_code = kParseError;
    m.error = "the message is not valid JSON";
    return m;
  }
  if (!j.is_object()) {
    m.error_code = kInvalidRequest;
    m.error = "a message must be a JSON object";
    return m;
  }
  const auto id = j.find("id");
  const bool has_id = id != j.end();
  if (has_id) {
    if (!id->is_string() && !id->is_number_integer() && !id->is_null()) {
      m.error_code = kInvalidRequest;
      m.error = "id must be a string or an integer";
      return m;
    }
    m.id = *id;
  }
  const auto method = j.find("method");
  if (method != j.end()) {
    if (!method->is_string()) {
      m.error_code = kInvalidRequest;
      m.error = "method must be a string";
      return m;
    }
    m.method = method->get<std::string>();
    if (const auto params = j.find("params"); params != j.end()) m.params = *params;
    m.kind = has_id ? Message::Kind::kRequest : Message::Kind::kNotification;
    return m;
  }
  if (has_id && (j.contains("result") || j.contains("error"))) {
    m.kind = Message::Kind::kResponse;
    return m;
  }
  m.error_code = kInvalidRequest;
  m.error = "a message needs a method, or an id and a result";
  return m;
}

nlohmann::json ResponseOk(const nlohmann::json& id, nlohmann::json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json ResponseError(const nlohmann::json& id, int code, std::string_view message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", code}, {"message", std::string(message)}}}};
}

nlohmann::json Notification(std::string_view method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", std::move(params)}};
}

std::string Dump(const nlohmann::json& message) {
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace rdslint::jsonrpc
