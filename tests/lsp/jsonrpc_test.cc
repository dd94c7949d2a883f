// The base protocol's framing and JSON-RPC classification: whatever bytes
// arrive, the reader returns messages, skips what it cannot use, and ends.
#include "tools/rdslint/jsonrpc.h"

#include <sstream>

#include <gtest/gtest.h>

namespace rdslint::jsonrpc {
namespace {

using Kind = Frame::Kind;

std::vector<Frame> ReadAll(const std::string& input, size_t max_body = FrameReader::kDefaultMaxBody) {
  std::istringstream in(input);
  FrameReader reader(in, max_body);
  std::vector<Frame> frames;
  for (int guard = 0; guard < 1000; ++guard) {
    Frame f = reader.Next();
    if (f.kind == Kind::kEnd) return frames;
    frames.push_back(std::move(f));
  }
  ADD_FAILURE() << "the reader never reached the end";
  return frames;
}

std::vector<std::string> Bodies(const std::vector<Frame>& frames) {
  std::vector<std::string> out;
  for (const Frame& f : frames) {
    if (f.kind == Kind::kMessage) out.push_back(f.body);
  }
  return out;
}

TEST(FrameReaderTest, ReadsConsecutiveMessages) {
  const std::string input = FrameMessage(R"({"a":1})") + FrameMessage("{}") + FrameMessage("");
  std::vector<Frame> frames = ReadAll(input);
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0].body, R"({"a":1})");
  EXPECT_EQ(frames[1].body, "{}");
  EXPECT_EQ(frames[2].kind, Kind::kMessage);
  EXPECT_EQ(frames[2].body, "");
}

TEST(FrameReaderTest, FramesMessagesAsTheProtocolSays) {
  EXPECT_EQ(FrameMessage("{}"), "Content-Length: 2\r\n\r\n{}");
  // Bytes, not characters: "é" is two.
  EXPECT_EQ(FrameMessage("\"\xC3\xA9\""), "Content-Length: 4\r\n\r\n\"\xC3\xA9\"");
}

TEST(FrameReaderTest, AcceptsOtherHeadersAnyCaseAndBareNewlines) {
  const std::string input =
      "content-length:  7 \nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n{\"b\":2}";
  EXPECT_EQ(Bodies(ReadAll(input)), std::vector<std::string>{"{\"b\":2}"});
}

TEST(FrameReaderTest, BodiesMayHoldNewlinesAndHeaderLookalikes) {
  const std::string body = "{\"t\":\"x\\r\\n\"}\r\n\r\nContent-Length: 3";
  std::vector<Frame> frames = ReadAll(FrameMessage(body) + FrameMessage("{}"));
  EXPECT_EQ(Bodies(frames), (std::vector<std::string>{body, "{}"}));
}

TEST(FrameReaderTest, SkipsABlockWithoutLengthAndFindsTheNextMessage) {
  const std::string input = "Content-Type: x\r\n\r\n{\"lost\":true}" + FrameMessage("{\"ok\":1}");
  std::vector<Frame> frames = ReadAll(input);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, Kind::kBadFrame);
  EXPECT_NE(frames[0].problem.find("without Content-Length"), std::string::npos);
  EXPECT_EQ(frames[1].body, "{\"ok\":1}");
}

TEST(FrameReaderTest, BadLengthsAreSkipped) {
  for (const char* bad : {"abc", "-5", "12x", "", "99999999999999999999"}) {
    const std::string input =
        std::string("Content-Length: ") + bad + "\r\n\r\n{}" + FrameMessage("{\"ok\":1}");
    std::vector<Frame> frames = ReadAll(input);
    ASSERT_EQ(frames.size(), 2u) << bad;
    EXPECT_EQ(frames[0].kind, Kind::kBadFrame) << bad;
    EXPECT_EQ(frames[1].body, "{\"ok\":1}") << bad;
  }
}

TEST(FrameReaderTest, ContradictoryLengthsAreSkipped) {
  const std::string input = "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" + FrameMessage("[]");
  std::vector<Frame> frames = ReadAll(input);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, Kind::kBadFrame);
  EXPECT_EQ(frames[1].body, "[]");
}

TEST(FrameReaderTest, AHeaderlessBodyDoesNotCostTheNextMessage) {
  // A body sent without its header runs straight into the next header.
  const std::string input = "{\"jsonrpc\":\"2.0\"}" + FrameMessage("{\"next\":1}");
  std::vector<Frame> frames = ReadAll(input);
  EXPECT_EQ(Bodies(frames), std::vector<std::string>{"{\"next\":1}"});
}

TEST(FrameReaderTest, OversizedBodiesAreDroppedWithoutBeingKept) {
  const std::string input = FrameMessage(std::string(100, 'x')) + FrameMessage("{}");
  std::vector<Frame> frames = ReadAll(input, /*max_body=*/50);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, Kind::kBadFrame);
  EXPECT_TRUE(frames[0].body.empty());
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(FrameReaderTest, TruncatedInputEnds) {
  for (const std::string& input :
       {std::string("Content-Length: 10\r\n\r\n{\"a\""), std::string("Content-Length: 10\r\n"),
        std::string("Content-Len"), std::string("\r\n\r\n"), std::string("")}) {
    std::vector<Frame> frames = ReadAll(input);
    EXPECT_TRUE(Bodies(frames).empty()) << input;
    EXPECT_LE(frames.size(), 1u) << input;
  }
}

TEST(FrameReaderTest, OverlongHeaderLinesAreBounded) {
  const std::string input = "X-Junk: " + std::string(100000, 'j') + "\r\n" + "Content-Length: 2\r\n\r\n{}";
  EXPECT_EQ(Bodies(ReadAll(input)), std::vector<std::string>{"{}"});
}

TEST(FrameReaderTest, SurvivesEveryPrefixAndByteFlipOfAValidStream) {
  const std::string valid = FrameMessage(R"({"jsonrpc":"2.0","id":1,"method":"x"})") +
                            FrameMessage(R"({"jsonrpc":"2.0","method":"y"})");
  for (size_t n = 0; n <= valid.size(); ++n) ReadAll(valid.substr(0, n));
  for (size_t i = 0; i < valid.size(); ++i) {
    for (char c : {'\0', '\n', ':', '9', '\xff'}) {
      std::string mutated = valid;
      mutated[i] = c;
      for (const Frame& f : ReadAll(mutated)) ParseMessage(f.body);
    }
  }
}

TEST(ParseMessageTest, ClassifiesRequestsNotificationsAndResponses) {
  Message r = ParseMessage(R"({"jsonrpc":"2.0","id":7,"method":"initialize","params":{"a":1}})");
  EXPECT_EQ(r.kind, Message::Kind::kRequest);
  EXPECT_EQ(r.id, 7);
  EXPECT_EQ(r.method, "initialize");
  EXPECT_EQ(r.params["a"], 1);

  Message s = ParseMessage(R"({"jsonrpc":"2.0","id":"abc","method":"shutdown"})");
  EXPECT_EQ(s.kind, Message::Kind::kRequest);
  EXPECT_EQ(s.id, "abc");
  EXPECT_TRUE(s.params.is_null());

  EXPECT_EQ(ParseMessage(R"({"jsonrpc":"2.0","method":"exit"})").kind,
            Message::Kind::kNotification);
  EXPECT_EQ(ParseMessage(R"({"jsonrpc":"2.0","id":3,"result":null})").kind,
            Message::Kind::kResponse);
}

TEST(ParseMessageTest, BadBodiesSayWhatToAnswer) {
  Message json_error = ParseMessage("{\"id\":1,");
  EXPECT_EQ(json_error.kind, Message::Kind::kInvalid);
  EXPECT_EQ(json_error.error_code, kParseError);
  EXPECT_TRUE(json_error.id.is_null());

  for (const char* body : {"[]", "42", R"({"id":1})", R"({"id":1,"method":5})",
                           R"({"id":{"x":1},"method":"m"})", R"({"id":1.5,"method":"m"})"}) {
    Message m = ParseMessage(body);
    EXPECT_EQ(m.kind, Message::Kind::kInvalid) << body;
    EXPECT_EQ(m.error_code, kInvalidRequest) << body;
  }
  // The id is kept when it is usable, so the error reaches the right request.
  EXPECT_EQ(ParseMessage(R"({"id":4,"method":[]})").id, 4);
}

TEST(ParseMessageTest, InvalidUtf8NeverThrows) {
  ParseMessage("{\"id\":1,\"method\":\"\xff\xfe\"}");
  const nlohmann::json message = Notification("x", {{"text", "caf\xc3"}});
  const std::string out = Dump(message);
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos) << "replaced by U+FFFD";
}

TEST(ParseMessageTest, BuildsResponses) {
  EXPECT_EQ(Dump(ResponseOk(1, nullptr)), R"({"id":1,"jsonrpc":"2.0","result":null})");
  EXPECT_EQ(Dump(ResponseError("a", kMethodNotFound, "no")),
            R"({"error":{"code":-32601,"message":"no"},"id":"a","jsonrpc":"2.0"})");
}

}  // namespace
}  // namespace rdslint::jsonrpc
