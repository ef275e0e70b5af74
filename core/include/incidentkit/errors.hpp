// Error catalogue. Every error has a stable code ("E101") so users can search for it, and a message
// that names the file, line and document where there is one.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace ik {

// Codes by family: E1xx input, E2xx configuration, E3xx plugins, E4xx extraction.
namespace code {
inline constexpr const char* kMissingInput = "E101";     // a path that does not exist
inline constexpr const char* kBadJson = "E102";          // a JSONL line that is not valid JSON
inline constexpr const char* kNotObject = "E103";        // a JSONL line that is not an object
inline constexpr const char* kMissingText = "E104";      // no text field / empty text
inline constexpr const char* kBadUtf8 = "E105";          // invalid UTF-8
inline constexpr const char* kTooLarge = "E106";         // a document over the size limit
inline constexpr const char* kMissingColumn = "E107";    // CSV without the text column
inline constexpr const char* kBadCsv = "E108";           // malformed CSV record
inline constexpr const char* kUnreadable = "E109";       // I/O error reading a file
inline constexpr const char* kNulByte = "E110";          // NUL characters in text
inline constexpr const char* kBadField = "E111";         // a metadata field of the wrong type
inline constexpr const char* kConfig = "E201";           // bad option or config value
inline constexpr const char* kUnknownExtractor = "E202";
inline constexpr const char* kBrokenChain = "E203";      // requires not satisfied by earlier stages
inline constexpr const char* kPluginLoad = "E301";       // not a shared library / dlopen failed
inline constexpr const char* kPluginSymbol = "E302";     // no entry point
inline constexpr const char* kPluginVersion = "E303";    // ABI version mismatch
inline constexpr const char* kPluginInvalid = "E304";    // null callbacks, bad struct sizes, bad names
inline constexpr const char* kPluginDuplicate = "E305";  // an extractor name already registered
inline constexpr const char* kPluginInit = "E306";       // entry point or create() failed
inline constexpr const char* kExtractor = "E401";        // an extractor failed on a document
inline constexpr const char* kInternal = "E499";
}  // namespace code

class Error : public std::runtime_error {
 public:
  Error(std::string code, const std::string& message)
      : std::runtime_error("[" + code + "] " + message), code_(std::move(code)), message_(message) {}
  const std::string& code() const { return code_; }
  // The message without the "[E101] " prefix that what() carries.
  const std::string& message() const { return message_; }

 private:
  std::string code_;
  std::string message_;
};

// Bad input data or paths. `source` is the file (or "<stdin>"), `line` 1-based or 0 when not known.
class InputError : public Error {
 public:
  InputError(std::string code, const std::string& source, int64_t line, const std::string& message)
      : Error(std::move(code), source + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message),
        source_(source), line_(line) {}
  const std::string& source() const { return source_; }
  int64_t line() const { return line_; }

 private:
  std::string source_;
  int64_t line_;
};

class ConfigError : public Error {
 public:
  using Error::Error;
};

class PluginError : public Error {
 public:
  using Error::Error;
};

class ExtractionError : public Error {
 public:
  using Error::Error;
};

}  // namespace ik
