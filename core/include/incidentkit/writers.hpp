// Writing incidents: JSONL, CSV in ACLED's columns, GeoJSON. Errors: JSONL.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

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

// The CSV writer's columns (and the pandas export's): ACLED's export columns in ACLED's order, as far as
// text can fill them, then incidentkit's own. Mapping: event_id_cnty = incident id; year from event_date;
// disorder_type derived from event_type; civilian_targeting = "Civilian targeting" or empty (as ACLED);
// iso = ACLED's numeric country code when the record has one (the ISO letters go to iso3); source = the
// document's "source" metadata; notes = the record's notes, else the document title, else the first 500
// bytes of its text. Extras: fatalities_low, fatalities_high, injured, victims (JSON), weapons and targets
// (";"-joined), is_aggregate, confidence, iso3, date_end, doc_id, published, evidence (JSON).
// Null values are empty cells; lines end in CRLF (RFC 4180).
const std::vector<std::string>& acled_columns();

}  // namespace ik
