// Writing incidents: JSONL, CSV in ACLED's columns, GeoJSON. Errors: JSONL.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "incidentkit/document.hpp"

namespace ik {

class IncidentWriter {
 public:
  virtual ~IncidentWriter() = default;
  virtual void write(const DocResult& result) = 0;  // writes result.incidents
  virtual void finish() {}                          // closes brackets etc.
};

// format: "jsonl" | "csv" | "geojson"; throws ConfigError for another.
std::unique_ptr<IncidentWriter> make_writer(const std::string& format, std::ostream& out);

// ACLED's column order used by the CSV writer (and pandas export).
const std::vector<std::string>& acled_columns();

}  // namespace ik
