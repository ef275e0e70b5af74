// Incident writers: JSONL, CSV in ACLED's columns (plus incidentkit's own), GeoJSON.
#include "incidentkit/writers.hpp"

#include <algorithm>
#include <cmath>

#include "incidentkit/errors.hpp"

namespace ik {
namespace {

using json = nlohmann::json;

// Invalid UTF-8 should never reach here (loaders check), but a writer must not throw half-way.
std::string slow_dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void append_string(std::string& out, const std::string& v) {
  const bool plain = std::all_of(v.begin(), v.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  });
  if (!plain) {
    out += slow_dump(json(v));
    return;
  }
  out += '"';
  out += v;
  out += '"';
}

// Appends exactly what slow_dump(j) gives, faster: nlohmann's escaper decodes UTF-8 byte by byte, which
// dominates writing; strings of plain printable ASCII (nearly all of them) are copied as they are.
void append_json(std::string& out, const json& j) {
  switch (j.type()) {
    case json::value_t::null: out += "null"; return;
    case json::value_t::boolean: out += j.get<bool>() ? "true" : "false"; return;
    case json::value_t::number_integer: out += std::to_string(j.get<int64_t>()); return;
    case json::value_t::number_unsigned: out += std::to_string(j.get<uint64_t>()); return;
    case json::value_t::number_float: {
      const double x = j.get<double>();
      if (!std::isfinite(x)) {
        out += "null";
        return;
      }
      char buf[64];
      out.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, x));  // nlohmann's own formatting
      return;
    }
    case json::value_t::string: append_string(out, j.get_ref<const std::string&>()); return;
    case json::value_t::array: {
      out += '[';
      for (size_t i = 0; i < j.size(); ++i) {
        if (i) out += ',';
        append_json(out, j[i]);
      }
      out += ']';
      return;
    }
    case json::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (!first) out += ',';
        first = false;
        append_string(out, it.key());
        out += ':';
        append_json(out, it.value());
      }
      out += '}';
      return;
    }
    default: break;
  }
  out += slow_dump(j);
}

std::string dump(const json& j) {
  std::string out;
  append_json(out, j);
  return out;
}

class JsonlWriter final : public IncidentWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void write(const DocResult& result) override {
    line_.clear();
    for (const auto& incident : result.incidents) {  // already the JSON text
      line_ += incident;
      line_ += '\n';
    }
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  std::string line_;  // reused between documents
};

// RFC 4180: quote when needed, double the quotes inside.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos && (s.empty() || (s.front() != ' ' && s.back() != ' ')))
    return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A value as CSV text: null -> empty, strings as they are, lists of strings joined by ";", others as JSON.
std::string cell(const json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); })) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ";") + x.get<std::string>();
    return s;
  }
  return dump(v);
}

json field(const json& record, const char* key) {
  auto it = record.find(key);
  return it == record.end() ? json(nullptr) : *it;
}

// ACLED's disorder type follows from the event type.
std::string disorder_type(const std::string& event_type) {
  if (event_type.empty()) return {};
  if (event_type == "Protests" || event_type == "Riots") return "Demonstrations";
  if (event_type == "Strategic developments") return "Strategic developments";
  return "Political violence";
}

// ACLED's notes column: the assembler's notes if any, else the title, else the start of the text.
std::string notes(const json& record, const Document& doc) {
  if (auto n = field(record, "notes"); n.is_string()) return n.get<std::string>();
  if (!doc.title.empty()) return doc.title;
  size_t end = std::min<size_t>(doc.text.size(), 500);
  while (end < doc.text.size() && (static_cast<unsigned char>(doc.text[end]) & 0xC0) == 0x80) --end;
  return doc.text.substr(0, end);
}

class CsvWriter final : public IncidentWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {
    const auto& cols = acled_columns();
    for (size_t i = 0; i < cols.size(); ++i) out_ << (i ? "," : "") << cols[i];
    out_ << "\r\n";  // RFC 4180 line ends, as ACLED's exports use
  }

  void write(const DocResult& result) override {
    for (const auto& text : result.incidents) {
      const json r = json::parse(text);
      const std::string date = cell(field(r, "event_date"));
      const std::string event_type = cell(field(r, "event_type"));
      const json source = result.doc.meta.contains("source") ? result.doc.meta["source"] : json(nullptr);
      const std::vector<std::string> row = {
          cell(field(r, "id")),                      // event_id_cnty
          date,                                      // event_date
          date.size() >= 4 ? date.substr(0, 4) : "",  // year
          cell(field(r, "time_precision")),
          field(r, "disorder_type").is_string() ? cell(field(r, "disorder_type")) : disorder_type(event_type),
          event_type,
          cell(field(r, "sub_event_type")),
          cell(field(r, "actor1")),
          cell(field(r, "inter1")),
          cell(field(r, "actor2")),
          cell(field(r, "inter2")),
          field(r, "civilian_targeting") == json(true) ? "Civilian targeting" : "",
          cell(field(r, "iso")),  // ACLED's numeric code, when the assembler gives it
          cell(field(r, "country")),
          cell(field(r, "admin1")),
          cell(field(r, "admin2")),
          cell(field(r, "admin3")),
          cell(field(r, "location")),
          cell(field(r, "latitude")),
          cell(field(r, "longitude")),
          cell(field(r, "geo_precision")),
          cell(source),
          notes(r, result.doc),
          cell(field(r, "fatalities")),
          // incidentkit's own columns
          cell(field(r, "fatalities_low")),
          cell(field(r, "fatalities_high")),
          cell(field(r, "injured")),
          cell(field(r, "victims")),
          cell(field(r, "weapons")),
          cell(field(r, "targets")),
          cell(field(r, "is_aggregate")),
          cell(field(r, "confidence")),
          cell(field(r, "iso3")),
          cell(field(r, "date_end")),
          cell(field(r, "doc_id")),
          cell(field(r, "published")),
          cell(field(r, "evidence")),
      };
      for (size_t i = 0; i < row.size(); ++i) out_ << (i ? "," : "") << csv_field(row[i]);
      out_ << "\r\n";
    }
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

class GeoJsonWriter final : public IncidentWriter {
 public:
  explicit GeoJsonWriter(std::ostream& out) : out_(out) {}

  void write(const DocResult& result) override {
    for (const auto& text : result.incidents) {
      const json r = json::parse(text);
      start();
      const json lat = field(r, "latitude"), lon = field(r, "longitude");
      json geometry = nullptr;  // GeoJSON allows null geometry for features without a place
      if (lat.is_number() && lon.is_number()) geometry = {{"type", "Point"}, {"coordinates", {lon, lat}}};
      json feature = {{"type", "Feature"}, {"id", field(r, "id")}, {"geometry", geometry}, {"properties", r}};
      out_ << (first_ ? "\n" : ",\n") << dump(feature);
      first_ = false;
    }
  }
  void finish() override {
    start();
    out_ << "\n]}\n";
    out_.flush();
  }

 private:
  void start() {
    if (started_) return;
    out_ << "{\"type\":\"FeatureCollection\",\"features\":[";
    started_ = true;
  }
  std::ostream& out_;
  bool started_ = false, first_ = true;
};

}  // namespace

const std::vector<std::string>& acled_columns() {
  static const std::vector<std::string> columns = {
      // ACLED's export columns, in ACLED's order (the ones an extractor can fill)
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
      "actor1", "inter1", "actor2", "inter2", "civilian_targeting", "iso", "country", "admin1", "admin2", "admin3",
      "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
      // incidentkit's additions
      "fatalities_low", "fatalities_high", "injured", "victims", "weapons", "targets", "is_aggregate",
      "confidence", "iso3", "date_end", "doc_id", "published", "evidence"};
  return columns;
}

std::unique_ptr<IncidentWriter> make_writer(const std::string& format, std::ostream& out) {
  if (format == "jsonl") return std::make_unique<JsonlWriter>(out);
  if (format == "csv") return std::make_unique<CsvWriter>(out);
  if (format == "geojson") return std::make_unique<GeoJsonWriter>(out);
  throw ConfigError(code::kConfig, "unknown output format \"" + format + "\" (jsonl, csv, geojson)");
}

}  // namespace ik
