// Golden records: tests/golden/*.jsonl, one case per line (format in tests/golden/README.md), run through
// the real pipeline and its C ABI. Each case is its own parameterised test named after file and line.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "incidentkit/pipeline.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct GoldenCase {
  std::string name;  // "casualties_12"
  json record;
};

// gtest prints parameters on failure: show the case name, not the bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

std::vector<GoldenCase> load_cases() {
  std::vector<GoldenCase> cases;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(IK_GOLDEN_DIR))
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      GoldenCase c{file.stem().string() + "_" + std::to_string(n), json()};
      try {
        c.record = json::parse(line);
      } catch (const std::exception& e) {
        c.record = {{"parse_error", file.string() + ":" + std::to_string(n) + ": " + e.what()}};
      }
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

// One pipeline per chain, built once: the places extractor loads its gazetteer at creation.
const ik::Pipeline& pipeline_for(const std::vector<std::string>& chain) {
  static ik::Registry registry;
  static std::map<std::vector<std::string>, std::unique_ptr<ik::Pipeline>> cache;
  static std::mutex lock;
  std::lock_guard<std::mutex> guard(lock);
  auto& slot = cache[chain];
  if (!slot) slot = std::make_unique<ik::Pipeline>(registry, chain);
  return *slot;
}

bool number_equals(const json& expected, double actual) {
  if (expected.is_null()) return std::isnan(actual);
  return expected.is_number() && !std::isnan(actual) && std::fabs(expected.get<double>() - actual) < 1e-9;
}

// Subset match: every key of `expected` equals the one in `actual`; lists: every expected item present.
bool subset(const json& expected, const json& actual) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [k, v] : expected.items()) {
      if (!actual.contains(k)) {
        if (!v.is_null()) return false;
        continue;
      }
      if (!subset(v, actual.at(k))) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return false;
    for (const auto& item : expected) {
      bool found = false;
      for (const auto& a : actual) found = found || subset(item, a);
      if (!found) return false;
    }
    return true;
  }
  if (expected.is_number() && actual.is_number()) return std::fabs(expected.get<double>() - actual.get<double>()) < 1e-9;
  return expected == actual;
}

bool mention_matches(const json& want, const ik::Mention& m, const std::string& text) {
  for (const auto& [k, v] : want.items()) {
    if (k == "label" && v != m.label) return false;
    if (k == "value" && v != m.value) return false;
    if (k == "text" && v != text.substr(m.start, m.end - m.start)) return false;
    if (k == "start" && v.get<uint64_t>() != uint64_t(m.start)) return false;  // which of a name's mentions
    if (k == "number" && !number_equals(v, m.number)) return false;
    if (k == "low" && !number_equals(v, m.low)) return false;
    if (k == "high" && !number_equals(v, m.high)) return false;
    if (k == "attrs") {
      const json attrs = m.attrs_json.empty() ? json::object() : json::parse(m.attrs_json);
      if (!subset(v, attrs)) return false;
    }
  }
  return true;
}

std::string describe(const std::vector<ik::Mention>& mentions, const std::string& text) {
  std::string out;
  for (const auto& m : mentions) {
    if (m.label == "sentence") continue;
    json j = m.to_json();
    j["text"] = text.substr(m.start, m.end - m.start);
    out += "  " + j.dump() + "\n";
  }
  return out;
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, Record) {
  const json& rec = GetParam().record;
  ASSERT_FALSE(rec.contains("parse_error")) << rec["parse_error"].get<std::string>();
  ASSERT_TRUE(rec.contains("text")) << "a golden record needs \"text\"";
  const auto chain = rec.contains("chain") ? rec["chain"].get<std::vector<std::string>>() : ik::default_chain();
  ik::Document doc;
  doc.id = GetParam().name;
  doc.source = "golden";
  doc.text = rec["text"].get<std::string>();
  if (rec.contains("published")) doc.published = rec["published"].get<std::string>();
  const std::string text = doc.text;
  ik::DocResult result = pipeline_for(chain).run(std::move(doc));
  ASSERT_FALSE(result.error) << result.error->message;
  const std::string note = rec.value("note", "");

  for (const auto& want : rec.value("expect", json::array())) {
    bool found = false;
    for (const auto& m : result.mentions) found = found || mention_matches(want, m, text);
    EXPECT_TRUE(found) << "expected " << want.dump() << "\n" << note << "\nmentions:\n" << describe(result.mentions, text);
  }
  for (const auto& unwanted : rec.value("absent", json::array())) {
    for (const auto& m : result.mentions)
      EXPECT_FALSE(mention_matches(unwanted, m, text))
          << "unexpected " << unwanted.dump() << " at [" << text.substr(m.start, m.end - m.start) << "]\n" << note;
  }
  if (rec.contains("incident")) {
    ASSERT_FALSE(result.incidents.empty()) << "no incident\n" << note << "\nmentions:\n" << describe(result.mentions, text);
    EXPECT_TRUE(subset(rec["incident"], json::parse(result.incidents.front())))
        << "expected incident fields " << rec["incident"].dump() << "\ngot " << result.incidents.front() << "\n"
        << note;
  }
  for (const auto& want : rec.value("incident_any", json::array())) {
    bool found = false;
    for (const auto& inc : result.incidents) found = found || subset(want, json::parse(inc));
    std::string all;
    for (const auto& inc : result.incidents) all += inc + "\n";
    EXPECT_TRUE(found) << "expected an incident with " << want.dump() << "\n" << note << "\nincidents:\n" << all;
  }
  if (rec.contains("incident_count")) {
    EXPECT_EQ(result.incidents.size(), rec["incident_count"].get<size_t>()) << note;
  }
}

INSTANTIATE_TEST_SUITE_P(Records, Golden, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) { return info.param.name; });

}  // namespace
