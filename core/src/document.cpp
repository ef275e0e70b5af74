// JSON views of mentions and error records.
#include "incidentkit/document.hpp"

#include <cmath>

namespace ik {

namespace {
nlohmann::json number_or_null(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }
}  // namespace

nlohmann::json Mention::to_json() const {
  nlohmann::json attrs = nlohmann::json::object();
  if (!attrs_json.empty()) {
    // The host validated attrs at add time; stay tolerant for mentions built by hand.
    attrs = nlohmann::json::parse(attrs_json, nullptr, /*allow_exceptions=*/false);
    if (attrs.is_discarded()) attrs = nlohmann::json::object();
  }
  return {{"start", start},
          {"end", end},
          {"label", label},
          {"value", value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value)},
          {"number", number_or_null(number)},
          {"low", number_or_null(low)},
          {"high", number_or_null(high)},
          {"attrs", std::move(attrs)},
          {"confidence", number_or_null(confidence)},
          {"extractor", extractor}};
}

nlohmann::json ErrorRecord::to_json() const {
  return {{"source", source}, {"line", line}, {"id", id}, {"code", code}, {"message", message}};
}

}  // namespace ik
