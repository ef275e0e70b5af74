// Reading documents: .txt files, folders (recursive), JSONL, CSV, standard input.
// Readers stream: memory does not grow with the input. A bad line or file becomes an ErrorRecord and
// reading goes on; only a missing path or a CSV lacking the text column is fatal (InputError).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "incidentkit/document.hpp"

namespace ik {

struct LoadOptions {
  std::string format = "auto";       // auto | txt | jsonl | csv  (auto: by extension; stdin sniffs)
  std::string text_column;           // CSV/JSONL text field; empty: auto-detect ("text", "notes", "body", ...)
  std::string id_column;             // empty: auto ("id", "event_id_cnty", ...), else file:line
  uint64_t max_document_bytes = 8u << 20;  // larger documents become E106 error records
};

// One item from a reader: a document or an error record standing for what could not be read.
struct LoadedItem {
  std::optional<Document> doc;
  std::optional<ErrorRecord> error;
};

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  // Next document or error; false at the end.
  virtual bool next(LoadedItem& item) = 0;
  // Bytes of input consumed so far (for MB/s).
  virtual uint64_t bytes_read() const = 0;
};

// Opens all paths ("-" is standard input). Throws InputError (E101) for a missing path and (E107) for a
// CSV without the text column, before anything is read.
std::unique_ptr<DocumentReader> open_documents(const std::vector<std::string>& paths, const LoadOptions& options);

// Normalises one in-memory text the way the loaders do (UTF-8 check, BOM, CRLF, NUL). Throws InputError.
std::string normalise_text(std::string text, const std::string& source, int64_t line);

}  // namespace ik
