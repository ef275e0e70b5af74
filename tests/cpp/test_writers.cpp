// Writers: JSONL lines, CSV in ACLED's columns (read back with our own CSV loader), GeoJSON.
#include <gtest/gtest.h>

#include <sstream>

#include "incidentkit/errors.hpp"
#include "incidentkit/loaders.hpp"
#include "incidentkit/writers.hpp"
#include "test_util.hpp"

namespace {

using nlohmann::json;

ik::DocResult sample() {
  ik::DocResult r;
  r.doc.id = "doc-1";
  r.doc.title = "Market strike";
  r.doc.text = "Jets struck a market in Ariha, killing 11.";
  r.doc.meta["source"] = "Local Coordination Committees";
  r.incidents.push_back(json{{"id", "a1"},
                         {"doc_id", "doc-1"},
                         {"event_date", "2019-06-03"},
                         {"time_precision", 1},
                         {"event_type", "Explosions/Remote violence"},
                         {"sub_event_type", "Air/drone strike"},
                         {"actor1", "Military Forces of Syria"},
                         {"inter1", 1},
                         {"actor2", "Civilians (Syria)"},
                         {"inter2", 7},
                         {"civilian_targeting", true},
                         {"country", "Syria"},
                         {"iso3", "SYR"},
                         {"location", "Ariha"},
                         {"latitude", 35.8131},
                         {"longitude", 36.6099},
                         {"fatalities", 11},
                         {"weapons", {"air_strike", "explosive"}},
                         {"targets", {"market"}},
                         {"is_aggregate", false},
                         {"notes", "Said \"11 dead\", then\nmore, later."},
                         {"evidence", json::array({{{"start", 0}, {"end", 4}, {"text", "Jets"}}})}}
                            .dump());
  r.incidents.push_back(json{{"id", "a2"}, {"doc_id", "doc-1"}, {"latitude", nullptr}, {"longitude", nullptr},
                             {"location", nullptr}, {"fatalities", nullptr}}
                            .dump());
  return r;
}

TEST(Writers, JsonlOneIncidentPerLine) {
  std::ostringstream out;
  auto w = ik::make_writer("jsonl", out);
  w->write(sample());
  w->finish();
  std::istringstream in(out.str());
  std::vector<json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], json::parse(sample().incidents[0]));
  EXPECT_EQ(lines[1]["id"], "a2");
}

TEST(Writers, CsvHasAcledColumnsAndSurvivesARoundTrip) {
  std::ostringstream out;
  auto w = ik::make_writer("csv", out);
  w->write(sample());
  w->finish();
  const std::string csv = out.str();
  std::string header = csv.substr(0, csv.find("\r\n"));
  std::string expected;
  for (const auto& c : ik::acled_columns()) expected += (expected.empty() ? "" : ",") + c;
  EXPECT_EQ(header, expected);
  for (const char* c : {"event_id_cnty", "event_date", "event_type", "actor1", "inter1", "admin1", "latitude",
                        "geo_precision", "notes", "fatalities", "injured", "weapons", "evidence", "doc_id"})
    EXPECT_NE(std::find(ik::acled_columns().begin(), ik::acled_columns().end(), c), ik::acled_columns().end()) << c;

  ik::test::TempDir dir;
  ik::LoadOptions options;
  options.text_column = "notes";
  options.id_column = "event_id_cnty";
  const auto got = ik::test::load({dir.write("out.csv", csv)}, options);
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].message;
  ASSERT_EQ(got.docs.size(), 2u);
  const auto& row = got.docs[0];
  EXPECT_EQ(row.id, "a1");
  EXPECT_EQ(row.text, "Said \"11 dead\", then\nmore, later.");  // quotes, commas and newlines survive
  EXPECT_EQ(row.meta["year"], "2019");
  EXPECT_EQ(row.meta["disorder_type"], "Political violence");
  EXPECT_EQ(row.meta["civilian_targeting"], "Civilian targeting");
  EXPECT_EQ(row.meta["latitude"], "35.8131");
  EXPECT_EQ(row.meta["fatalities"], "11");
  EXPECT_EQ(row.meta["weapons"], "air_strike;explosive");
  EXPECT_EQ(row.meta["source"], "Local Coordination Committees");
  EXPECT_EQ(row.meta["iso3"], "SYR");
  EXPECT_EQ(json::parse(row.meta["evidence"].get<std::string>())[0]["text"], "Jets");
  // Nulls are empty cells; without notes, the title stands in.
  EXPECT_EQ(got.docs[1].text, "Market strike");
  EXPECT_EQ(got.docs[1].meta["fatalities"], "");
  EXPECT_EQ(got.docs[1].meta["civilian_targeting"], "");
}

TEST(Writers, GeoJsonPointsAndNullGeometry) {
  std::ostringstream out;
  auto w = ik::make_writer("geojson", out);
  w->write(sample());
  w->write(ik::DocResult{});  // a document without incidents adds nothing
  w->finish();
  const auto fc = json::parse(out.str());
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_EQ(fc["features"].size(), 2u);
  const auto& f = fc["features"][0];
  EXPECT_EQ(f["type"], "Feature");
  EXPECT_EQ(f["geometry"]["type"], "Point");
  EXPECT_EQ(f["geometry"]["coordinates"], json({36.6099, 35.8131}));  // lon, lat
  EXPECT_EQ(f["properties"]["location"], "Ariha");
  EXPECT_TRUE(fc["features"][1]["geometry"].is_null());
}

TEST(Writers, EmptyOutputsAreStillValid) {
  std::ostringstream geo, csv;
  auto g = ik::make_writer("geojson", geo);
  g->finish();
  EXPECT_EQ(json::parse(geo.str())["features"].size(), 0u);
  auto c = ik::make_writer("csv", csv);
  c->finish();
  const std::string text = csv.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);  // the header only
}

TEST(Writers, UnknownFormatIsAConfigError) {
  std::ostringstream out;
  try {
    ik::make_writer("xlsx", out);
    FAIL();
  } catch (const ik::ConfigError& e) {
    EXPECT_EQ(e.code(), "E201");
    EXPECT_NE(std::string(e.what()).find("xlsx"), std::string::npos);
  }
}

}  // namespace
