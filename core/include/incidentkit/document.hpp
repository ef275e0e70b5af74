// The document model: documents in, mentions on them, incidents and error records out.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ik {

struct Document {
  std::string id;
  std::string text;       // valid UTF-8 (loaders guarantee it), BOM removed, CRLF -> LF
  std::string title;
  std::string source;     // file it came from, "<stdin>", "<python>"
  std::string url;
  std::string published;  // "YYYY-MM-DD", or empty: an extractor may find it in the dateline
  nlohmann::json meta = nlohmann::json::object();  // any other input fields
  int64_t line = 0;       // 1-based line (JSONL/CSV record) it started on; 0 for whole files
};

// A labelled span. See plugins/LABELS.md for the labels the built-ins use and their values.
struct Mention {
  uint64_t start = 0, end = 0;  // UTF-8 byte offsets, end exclusive
  std::string label;
  std::string value;
  double number = std::numeric_limits<double>::quiet_NaN();
  double low = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();
  std::string attrs_json;  // JSON object text or empty
  double confidence = 1.0;
  std::string extractor;   // "dates.v1"

  // {"start","end","label","value","number","low","high","attrs","confidence","extractor"}; NaN -> null
  nlohmann::json to_json() const;
};

// A document that could not be processed, or a line that could not be read.
struct ErrorRecord {
  std::string source;
  int64_t line = 0;
  std::string id;
  std::string code;     // "E102"
  std::string message;  // human-readable, names file and line
  nlohmann::json to_json() const;  // {"source","line","id","code","message"}
};

// Everything one document produced.
struct DocResult {
  Document doc;
  std::vector<Mention> mentions;
  // The incident records (contract fields of shared/eval README, with id/doc_id/published), each as compact
  // JSON text with sorted keys: exactly the line the JSONL writer writes. Text because nearly every run
  // only writes them; nlohmann::json::parse() one to read its fields.
  std::vector<std::string> incidents;
  std::optional<ErrorRecord> error;       // set when the document failed; incidents then empty
};

}  // namespace ik
