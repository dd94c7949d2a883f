// Test header: the few AWS SDK for C++ declarations rdslint's C++ fixtures
// use, with the SDK's real names and signatures (aws-sdk-cpp, aws-cpp-sdk-core).
// The SDK is not packaged in Debian; the checks only need the declarations.
#pragma once

#include <memory>
#include <string>

namespace Aws {

// Without USE_AWS_MEMORY_MANAGEMENT, as the SDK is usually built.
template <typename T>
using Allocator = std::allocator<T>;
using String = std::basic_string<char, std::char_traits<char>, Aws::Allocator<char>>;

struct SDKOptions {};
void InitAPI(const SDKOptions& options);
void ShutdownAPI(const SDKOptions& options);

namespace Client {

struct ClientConfiguration {
  ClientConfiguration();
  Aws::String region;
};

template <typename ERROR_TYPE>
class AWSError {
 public:
  const Aws::String& GetMessage() const;
  ERROR_TYPE GetErrorType() const;
};

}  // namespace Client

namespace Utils {

template <typename R, typename E>
class Outcome {
 public:
  Outcome();
  Outcome(const R& r);
  Outcome(const E& e);
  bool IsSuccess() const;
  const E& GetError() const;
  const R& GetResult() const;
  R& GetResult();
  R&& GetResultWithOwnership();
};

class StringUtils {
 public:
  static Aws::String URLEncode(const char* unsafe);
};

}  // namespace Utils
}  // namespace Aws
