// places.v1 beyond the golden records: a user's GeoNames dump loaded on top of the embedded gazetteer.
#include <gtest/gtest.h>

#include <string>

#include "incidentkit/errors.hpp"
#include "incidentkit/pipeline.hpp"
#include "test_util.hpp"

namespace {

// Two rows in the 19-column GeoNames dump format: an invented hamlet in Idlib (GeoNames admin1 code
// SY.12) with an alternate spelling, and an invented district (ADM2) in Nigeria's Kano State (NG.29).
const char* kDump =
    "99000001\tQaryat Zumurrud\tQaryat Zumurrud\tZumurrud Village,Qaryat Zimurrud,قرية زمرد\t35.81234\t36.61234\tP\tPPL\tSY\t\t12"
    "\t\t\t\t0\t\t410\tAsia/Damascus\t2024-01-01\n"
    "99000002\tTudun Gwarzo\tTudun Gwarzo\t\t11.90000\t8.40000\tA\tADM2\tNG\t\t29\t\t\t\t0\t\t480\tAfrica/Lagos\t2024-01-01\n"
    "99000003\tSomewhere Hill\tSomewhere Hill\t\t10.0\t10.0\tT\tHLL\tNG\t\t29\t\t\t\t0\t\t480\tAfrica/Lagos\t2024-01-01\n";

std::vector<ik::Mention> places_of(const ik::Pipeline& p, const std::string& text) {
  ik::Document d;
  d.id = "t";
  d.text = text;
  std::vector<ik::Mention> out;
  for (auto& m : p.run(std::move(d)).mentions)
    if (m.label == "place") out.push_back(m);
  return out;
}

const ik::Mention* find_text(const std::vector<ik::Mention>& ms, const std::string& text, const std::string& span) {
  for (auto& m : ms)
    if (text.substr(m.start, m.end - m.start) == span) return &m;
  return nullptr;
}

TEST(Places, GeoNamesDumpAddsPlacesOnTopOfTheEmbeddedGazetteer) {
  ik::test::TempDir dir;
  const std::string dump = dir.write("SY_extra.txt", kDump);
  ik::Registry registry;
  ik::PipelineOptions with;
  with.config = {{"places.v1", {{"geonames", {dump}}}}};
  ik::Pipeline pipeline(registry, {"sentences.v1", "places.v1"}, with);
  ik::Pipeline plain(registry, {"sentences.v1", "places.v1"});

  // (No admin name right after the village: "X in Idlib" would give the admin1 as the report writes it.)
  const std::string text = "Regime artillery shelled the village of Qaryat Zimurrud on Monday. Shelling also hit Saraqib in Idlib.";
  auto ms = places_of(pipeline, text);
  const ik::Mention* village = find_text(ms, text, "Qaryat Zimurrud");
  ASSERT_NE(village, nullptr) << "the dump's alternate spelling is found";
  EXPECT_EQ(village->value, "Qaryat Zumurrud");
  const auto a = nlohmann::json::parse(village->attrs_json);
  EXPECT_EQ(a["gid"], 99000001);
  EXPECT_EQ(a["country"], "Syria");
  EXPECT_EQ(a["admin1"], "Idleb") << "admin1 from the GeoNames code, named as the embedded table names it";
  EXPECT_NEAR(a["lat"].get<double>(), 35.81234, 1e-4);
  // The embedded gazetteer is still there.
  ASSERT_NE(find_text(ms, text, "Saraqib"), nullptr);

  // Without the dump the hamlet is not a gazetteer place.
  auto before = places_of(plain, text);
  const ik::Mention* m = find_text(before, text, "Qaryat Zimurrud");
  EXPECT_TRUE(m == nullptr || nlohmann::json::parse(m->attrs_json)["gid"] != 99000001);

  // Admin divisions (class A) load as admin units; other feature classes are skipped.
  const std::string t2 = "Gunmen attacked a village in Tudun Gwarzo district, Kano State.";
  auto ms2 = places_of(pipeline, t2);
  const ik::Mention* district = find_text(ms2, t2, "Tudun Gwarzo");
  ASSERT_NE(district, nullptr);
  EXPECT_EQ(nlohmann::json::parse(district->attrs_json)["feature"], "admin2");
  EXPECT_EQ(nlohmann::json::parse(district->attrs_json)["country"], "Nigeria");
  const std::string t3 = "Herders gathered near Somewhere Hill at dawn.";
  for (auto& p : places_of(pipeline, t3))
    EXPECT_NE(nlohmann::json::parse(p.attrs_json)["gid"], 99000003);
}

// An invented Nigerian hamlet (NG.29, Kano) for the spelling rules: Nigeria writes its names in Latin script,
// so a loose respelling stands for it only where the document names Nigeria.
const char* kLatinDump =
    "99000011\tKwanar Dangora\tKwanar Dangora\t\t11.50000\t8.60000\tP\tPPL\tNG\t\t29\t\t\t\t2500\t\t480"
    "\tAfrica/Lagos\t2024-01-01\n";

long gid_of(const std::vector<ik::Mention>& ms, const std::string& text, const std::string& span) {
  const ik::Mention* m = find_text(ms, text, span);
  if (!m) return -1;
  const auto a = nlohmann::json::parse(m->attrs_json);
  return a["gid"].is_number() ? a["gid"].get<long>() : 0;
}

TEST(Places, LooseSpellingsOfLatinScriptNamesNeedTheirCountryNamed) {
  ik::test::TempDir dir;
  const std::string dump = dir.write("NG_extra.txt", kLatinDump);
  ik::Registry registry;
  ik::PipelineOptions with;
  with.config = {{"places.v1", {{"geonames", {dump}}}}};
  ik::Pipeline pipeline(registry, {"sentences.v1", "places.v1"}, with);

  // The name as the gazetteer spells it (case and accents aside) matches without any context.
  const std::string exact = "Gunmen attacked Kwanar Dangora on Monday.";
  EXPECT_EQ(gid_of(places_of(pipeline, exact), exact, "Kwanar Dangora"), 99000011);
  const std::string accents = "Gunmen attacked KWANAR DANGORÁ on Monday.";
  EXPECT_EQ(gid_of(places_of(pipeline, accents), accents, "KWANAR DANGORÁ"), 99000011);

  // A transliteration-class respelling (ou/u, doubled letters) is another word without context ...
  const std::string loose = "Gunmen attacked Kwanar Dangoora on Monday.";
  EXPECT_NE(gid_of(places_of(pipeline, loose), loose, "Kwanar Dangoora"), 99000011);
  // ... and the hamlet once the document names its country.
  const std::string named = "Gunmen attacked Kwanar Dangoora in Kano State, Nigeria, on Monday.";
  EXPECT_EQ(gid_of(places_of(pipeline, named), named, "Kwanar Dangoora"), 99000011);
}

TEST(Places, MalformedGeoNamesDumpIsAConfigError) {
  ik::test::TempDir dir;
  const std::string bad = dir.write("bad.txt", "this is not\ta GeoNames row\n");
  ik::Registry registry;
  ik::PipelineOptions with;
  with.config = {{"places.v1", {{"geonames", {bad}}}}};
  EXPECT_THROW(ik::Pipeline(registry, {"sentences.v1", "places.v1"}, with), ik::Error);
  with.config = {{"places.v1", {{"geonames", {dir.path().string() + "/missing.txt"}}}}};
  EXPECT_THROW(ik::Pipeline(registry, {"sentences.v1", "places.v1"}, with), ik::Error);
}

TEST(Places, ACountryStandsAtItsCapital) {
  ik::Registry registry;
  ik::Pipeline pipeline(registry, {"sentences.v1", "places.v1"});
  // Gabon's centroid lies about 2 degrees south-east of Libreville (0.39 N, 9.45 E).
  const std::string text = "Public sector workers launched a national strike in Gabon on Monday.";
  auto ms = places_of(pipeline, text);
  const ik::Mention* gabon = find_text(ms, text, "Gabon");
  ASSERT_NE(gabon, nullptr);
  const auto a = nlohmann::json::parse(gabon->attrs_json);
  EXPECT_EQ(a["feature"], "country");
  EXPECT_EQ(a["geo_precision"], 3);
  EXPECT_NEAR(a["lat"].get<double>(), 0.39, 0.1) << "the capital's point, ACLED's for national-level events";
  EXPECT_NEAR(a["lon"].get<double>(), 9.45, 0.1);
}

}  // namespace
