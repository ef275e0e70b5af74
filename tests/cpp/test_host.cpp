// The plugin host seen from real plugin files: struct sizes, refused spans, reading back, publication
// dates, configuration, and failures of SDK extractors turned into recorded errors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

#include "incidentkit/errors.hpp"
#include "incidentkit/pipeline.hpp"

namespace {

const std::string kFixtures = IK_FIXTURE_DIR;

// "small=ok large=refused ..." -> {"small": "ok", "large": "refused", ...}
std::map<std::string, std::string> parse_report(const std::string& value) {
  std::map<std::string, std::string> out;
  std::istringstream in(value);
  for (std::string item; in >> item;) {
    const auto eq = item.find('=');
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

ik::DocResult run_probe(const std::string& text, const std::string& published = "") {
  ik::Registry registry(false);
  registry.load_plugin(kFixtures + "/fx_abi_probe.so");
  ik::Pipeline pipeline(registry, {"probe.v1"});
  ik::Document doc;
  doc.id = "probe-doc";
  doc.text = text;
  doc.published = published;
  return pipeline.run(doc);
}

TEST(Host, AnswersEachAbiCaseAsDocumented) {
  const auto result = run_probe("Shelling hit the café in Ariha.");
  ASSERT_FALSE(result.error) << result.error->message;
  std::string report;
  for (const auto& m : result.mentions)
    if (m.label == "probe") report = m.value;
  ASSERT_FALSE(report.empty());
  const auto r = parse_report(report);
  EXPECT_EQ(r.at("small"), "ok");          // older, smaller struct: accepted and zero-filled
  EXPECT_EQ(r.at("large"), "refused");     // newer, larger struct: refused
  EXPECT_EQ(r.at("outside"), "refused");   // end beyond the text
  EXPECT_EQ(r.at("reversed"), "refused");  // start > end
  EXPECT_EQ(r.at("nolabel"), "refused");
  EXPECT_EQ(r.at("attrs"), "refused");     // attrs must be a JSON object
  EXPECT_EQ(r.at("goodattrs"), "ok");
  EXPECT_EQ(r.at("split"), "refused");     // offsets inside a UTF-8 character
  EXPECT_EQ(r.at("readsmall"), "ok");
  EXPECT_EQ(r.at("canary"), "ok");         // the host wrote no more than the caller's struct_size
  EXPECT_EQ(r.at("readlabel"), "ok");
  EXPECT_EQ(r.at("readpast"), "refused");
  EXPECT_EQ(r.at("published"), "ok");
  EXPECT_EQ(r.at("badpublished"), "refused");
}

TEST(Host, ZeroFillsSmallStructsAndNamesTheExtractor) {
  const auto result = run_probe("Shelling hit the café in Ariha.");
  ASSERT_FALSE(result.error);
  const ik::Mention* small = nullptr;
  for (const auto& m : result.mentions)
    if (m.label == "small") small = &m;
  ASSERT_NE(small, nullptr);
  EXPECT_EQ(small->start, 0u);
  EXPECT_EQ(small->end, 4u);
  EXPECT_EQ(small->number, 0.0);  // the fields its struct lacked are zero
  EXPECT_EQ(small->confidence, 0.0);
  EXPECT_EQ(small->extractor, "probe.v1");
  for (const auto& m : result.mentions) {
    EXPECT_NE(m.label, "large");
    EXPECT_NE(m.label, "outside");
    EXPECT_LE(m.end, result.doc.text.size());
  }
}

TEST(Host, SetPublishedFillsOnlyAMissingDate) {
  EXPECT_EQ(run_probe("Shelling hit the café.").doc.published, "2020-05-11");
  EXPECT_EQ(run_probe("Shelling hit the café.", "2019-01-02").doc.published, "2019-01-02");
}

TEST(Host, MergesDefaultGlobalAndStageConfigAndAddsDataDir) {
  ik::Registry registry(false);
  registry.load_plugin(kFixtures + "/fx_sdk_faults.so");
  ik::PipelineOptions options;
  options.config = {{"*", {{"level", 2}, {"shared", "yes"}}},
                    {"configured.v1", {{"level", 3}, {"nested", {{"b", 5}}}}},
                    {"other.v1", {{"level", 9}}}};
  ik::Pipeline pipeline(registry, {"configured.v1"}, options);
  ik::Document doc;
  doc.id = "d";
  doc.text = "text";
  const auto result = pipeline.run(doc);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.mentions.size(), 1u);
  const auto cfg = nlohmann::json::parse(result.mentions[0].attrs_json);
  EXPECT_EQ(cfg["level"], 3);            // stage section beats global beats default
  EXPECT_EQ(cfg["shared"], "yes");       // global reaches every stage
  EXPECT_EQ(cfg["nested"]["a"], 1);      // objects merge key by key
  EXPECT_EQ(cfg["nested"]["b"], 5);
  ASSERT_TRUE(cfg.contains("data_dir"));  // always present
  EXPECT_FALSE(cfg["data_dir"].get<std::string>().empty());
}

TEST(Host, DataDirComesFromGlobalConfigThenEnvironment) {
  ik::Registry registry(false);
  registry.load_plugin(kFixtures + "/fx_sdk_faults.so");
  ik::Document doc;
  doc.id = "d";
  doc.text = "text";
  auto data_dir = [&](const nlohmann::json& config) {
    ik::PipelineOptions options;
    options.config = config;
    ik::Pipeline pipeline(registry, {"configured.v1"}, options);
    return nlohmann::json::parse(pipeline.run(doc).mentions.at(0).attrs_json)["data_dir"].get<std::string>();
  };
  EXPECT_EQ(data_dir({{"*", {{"data_dir", "/from/config"}}}}), "/from/config");
  setenv("INCIDENTKIT_DATA", "/from/env", 1);
  EXPECT_EQ(data_dir(nlohmann::json::object()), "/from/env");
  EXPECT_EQ(data_dir({{"*", {{"data_dir", "/from/config"}}}}), "/from/config");
  unsetenv("INCIDENTKIT_DATA");
  EXPECT_NE(data_dir(nlohmann::json::object()), "/from/env");
}

TEST(Host, CreateFailureNamesExtractorAndFile) {
  ik::Registry registry(false);
  registry.load_plugin(kFixtures + "/fx_sdk_faults.so");
  ik::PipelineOptions options;
  options.config = {{"configured.v1", {{"fail", true}}}};
  try {
    ik::Pipeline pipeline(registry, {"configured.v1"}, options);
    FAIL() << "expected PluginError";
  } catch (const ik::PluginError& e) {
    EXPECT_EQ(e.code(), "E306");
    EXPECT_NE(std::string(e.what()).find("configured.v1"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("fx_sdk_faults.so"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("option 'fail' is set"), std::string::npos);
  }
}

struct FailureCase {
  const char* extractor;
  const char* text;
  const char* expect_in_message;
  friend void PrintTo(const FailureCase& c, std::ostream* os) { *os << c.extractor; }
};

class ExtractorFailure : public ::testing::TestWithParam<FailureCase> {};

TEST_P(ExtractorFailure, BecomesARecordedErrorNamingDocumentExtractorAndFile) {
  const auto& c = GetParam();
  ik::Registry registry(false);
  registry.load_plugin(kFixtures + "/fx_sdk_faults.so");
  ik::Pipeline pipeline(registry, {c.extractor});
  ik::Document doc;
  doc.id = "doc-7";
  doc.source = "reports.jsonl";
  doc.line = 7;
  doc.text = c.text;
  ik::DocResult result;
  EXPECT_NO_THROW(result = pipeline.run(doc));
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->code, "E401");
  EXPECT_EQ(result.error->id, "doc-7");
  EXPECT_EQ(result.error->line, 7);
  const std::string& msg = result.error->message;
  for (const char* part : {"doc-7", "reports.jsonl:7", c.extractor, "fx_sdk_faults.so", c.expect_in_message})
    EXPECT_NE(msg.find(part), std::string::npos) << "'" << part << "' not in: " << msg;
  EXPECT_TRUE(result.incidents.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Sdk, ExtractorFailure,
    ::testing::Values(FailureCase{"throws.v1", "a boom here", "boom in the text"},
                      FailureCase{"refuses.v1", "anything", "cannot read this kind of text"},
                      FailureCase{"badspan.v1", "short", "outside the text"}),
    [](const auto& info) { return std::string(info.param.extractor).substr(0, std::string(info.param.extractor).find('.')); });

TEST(Host, AFailingDocumentDoesNotAffectTheNext) {
  ik::Registry registry(false);
  registry.load_plugin(kFixtures + "/fx_sdk_faults.so");
  ik::Pipeline pipeline(registry, {"throws.v1"});
  ik::Document bad, good;
  bad.id = "bad";
  bad.text = "boom";
  good.id = "good";
  good.text = "quiet";
  const auto results = pipeline.run_all({bad, good});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(results[0].error);
  EXPECT_FALSE(results[1].error);
}

}  // namespace
