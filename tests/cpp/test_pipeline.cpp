// The pipeline: chain checks, per-document errors, incident records, and determinism across threads.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <set>

#include "incidentkit/errors.hpp"
#include "incidentkit/loaders.hpp"
#include "incidentkit/pipeline.hpp"
#include "test_util.hpp"

namespace {

using nlohmann::json;

// A stage written in the test: what it reads and writes, and what it does.
class FakeStage : public ik::Extractor {
 public:
  FakeStage(std::string name, std::vector<std::string> requires_labels, std::vector<std::string> assigns,
            std::function<void(ik::DocContext&)> fn)
      : fn_(std::move(fn)) {
    info_.name = std::move(name);
    info_.version = "v1";
    info_.requires_labels = std::move(requires_labels);
    info_.assigns = std::move(assigns);
    info_.source = "test";
  }
  const ik::ExtractorInfo& info() const override { return info_; }
  void process(ik::DocContext& ctx) const override { fn_(ctx); }

 private:
  ik::ExtractorInfo info_;
  std::function<void(ik::DocContext&)> fn_;
};

// Emits one incident per sentence-ish piece ending in '.', ranked from the last to the first so the
// pipeline's sort is visible; the fatalities are the number of words in the piece.
void emit_incidents(ik::DocContext& ctx) {
  const std::string& t = ctx.doc.text;
  std::vector<std::pair<size_t, size_t>> pieces;
  size_t start = 0;
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] == '.') {
      pieces.emplace_back(start, i);
      start = i + 1;
      while (start < t.size() && t[start] == ' ') ++start;
    }
  for (size_t k = 0; k < pieces.size(); ++k) {
    const auto [s, e] = pieces[k];
    const auto words = std::count(t.begin() + s, t.begin() + e, ' ') + 1;
    ik::Mention m;
    m.start = s;
    m.end = e;
    m.label = "incident";
    m.number = static_cast<double>(pieces.size() - 1 - k);
    json rec = {{"fatalities", words}, {"location", nullptr},
                {"evidence", json::array({{{"start", s}, {"end", e}, {"field", "fatalities"}}})}};
    m.attrs_json = rec.dump();
    ctx.mentions.push_back(m);
  }
}

ik::Pipeline incident_pipeline(const ik::Registry& registry, int threads, size_t batch = 256) {
  ik::PipelineOptions options;
  options.threads = threads;
  options.batch_size = batch;
  ik::Pipeline p(registry, {}, options);
  p.append(std::make_shared<FakeStage>("fake_incidents", std::vector<std::string>{}, std::vector<std::string>{"incident"},
                                       emit_incidents));
  return p;
}

// A result's incident records, parsed.
std::vector<json> parsed(const ik::DocResult& r) {
  std::vector<json> out;
  for (const auto& text : r.incidents) out.push_back(json::parse(text));
  return out;
}

std::string serialise(const std::vector<ik::DocResult>& results) {
  std::string out;
  for (const auto& r : results) {
    out += r.doc.id + (r.error ? " ERROR " + r.error->to_json().dump() : "") + "\n";
    for (const auto& m : r.mentions) out += m.to_json().dump() + "\n";
    for (const auto& i : r.incidents) out += i + "\n";
  }
  return out;
}

// Sentences of varied length so documents take different times on different threads.
std::vector<ik::Document> many_documents(size_t n) {
  static const char* words[] = {"gunmen", "attacked", "a", "village", "near", "the", "river", "and", "killed",
                                "three", "farmers", "market", "shelling", "wounded", "seven", "people"};
  std::vector<ik::Document> docs;
  for (size_t i = 0; i < n; ++i) {
    ik::Document d;
    d.id = "doc-" + std::to_string(i);
    d.source = "generated";
    const size_t sentences = 1 + (i * 7) % 5, length = 3 + (i * 13) % 40;
    for (size_t s = 0; s < sentences; ++s) {
      for (size_t w = 0; w < length + s; ++w) d.text += std::string(w ? " " : "") + words[(i + s * 3 + w) % 16];
      d.text += ". ";
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

TEST(Chain, RefusesAStageWhoseRequiredLabelNoEarlierStageAssigns) {
  ik::Registry registry;
  try {
    ik::Pipeline p(registry, {"sentences.v1", "incidents.v1"});
    FAIL();
  } catch (const ik::ConfigError& e) {
    EXPECT_EQ(e.code(), "E203");
    EXPECT_NE(std::string(e.what()).find("incidents.v1"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("\"date\""), std::string::npos);  // first label missing
  }
  try {
    ik::Pipeline p(registry, {"dates.v1", "sentences.v1"});  // right stages, wrong order
    FAIL();
  } catch (const ik::ConfigError& e) {
    EXPECT_EQ(e.code(), "E203");
    EXPECT_NE(std::string(e.what()).find("dates.v1"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("sentence"), std::string::npos);
  }
}

TEST(Chain, AcceptsTheDefaultChainAndShortNames) {
  ik::Registry registry;
  EXPECT_EQ(ik::Pipeline(registry, ik::default_chain()).stages().size(), ik::default_chain().size());
  ik::Pipeline p(registry, {"sentences", "dates"});
  ASSERT_EQ(p.stages().size(), 2u);
  EXPECT_EQ(p.stages()[1]->info().full_name(), "dates.v1");
}

TEST(Chain, UnknownExtractorIsAConfigError) {
  ik::Registry registry;
  try {
    ik::Pipeline p(registry, {"sentences.v1", "sentiment.v1"});
    FAIL();
  } catch (const ik::ConfigError& e) {
    EXPECT_EQ(e.code(), "E202");
    EXPECT_NE(std::string(e.what()).find("sentiment.v1"), std::string::npos);
  }
}

TEST(Chain, AppendValidatesAndKeepsThePipelineUsableOnFailure) {
  ik::Registry registry;
  ik::Pipeline p(registry, {"sentences.v1"});
  auto needs_dates = std::make_shared<FakeStage>("needs", std::vector<std::string>{"date"}, std::vector<std::string>{},
                                                 [](ik::DocContext&) {});
  EXPECT_THROW(p.append(needs_dates), ik::ConfigError);
  EXPECT_EQ(p.stages().size(), 1u);
  auto needs_sentences = std::make_shared<FakeStage>("ok", std::vector<std::string>{"sentence"},
                                                     std::vector<std::string>{}, [](ik::DocContext&) {});
  EXPECT_NO_THROW(p.append(needs_sentences));
  EXPECT_EQ(p.stages().size(), 2u);
}

TEST(Run, AThrowingStageBecomesAnErrorRecordAndLaterStagesDoNotRun) {
  ik::Registry registry;
  ik::Pipeline p(registry, {});
  bool later_ran = false;
  p.append(std::make_shared<FakeStage>("explodes", std::vector<std::string>{}, std::vector<std::string>{},
                                       [](ik::DocContext&) { throw std::runtime_error("index out of range"); }));
  p.append(std::make_shared<FakeStage>("later", std::vector<std::string>{}, std::vector<std::string>{},
                                       [&](ik::DocContext&) { later_ran = true; }));
  ik::Document doc;
  doc.id = "r-1";
  doc.source = "in.csv";
  doc.line = 12;
  doc.text = "text";
  const auto r = p.run(doc);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "E401");
  for (const char* part : {"r-1", "in.csv:12", "explodes.v1", "index out of range"})
    EXPECT_NE(r.error->message.find(part), std::string::npos) << r.error->message;
  EXPECT_FALSE(later_ran);
}

TEST(Incidents, AreSortedByRankWithStableIdsAndEvidenceText) {
  ik::Registry registry;
  auto p = incident_pipeline(registry, 1);
  ik::Document doc;
  doc.id = "article-1";
  doc.published = "2021-03-04";
  doc.text = "Gunmen killed three farmers. A bomb exploded.";
  const auto result = p.run(doc);
  ASSERT_FALSE(result.error);
  const auto r = parsed(result);
  ASSERT_EQ(r.size(), 2u);
  // Ranks were given last-to-first: the second piece comes first.
  EXPECT_EQ(r[0]["evidence"][0]["text"], "A bomb exploded");
  EXPECT_EQ(r[1]["evidence"][0]["text"], "Gunmen killed three farmers");
  EXPECT_EQ(r[0]["fatalities"], 3);
  for (const auto& i : r) {
    EXPECT_EQ(i["doc_id"], "article-1");
    EXPECT_EQ(i["published"], "2021-03-04");
    EXPECT_TRUE(i.contains("event_type") && i["event_type"].is_null());  // contract fields always present
    EXPECT_EQ(i["id"].get<std::string>().size(), 16u);
  }
  EXPECT_NE(r[0]["id"], r[1]["id"]);
  // Same input, same ids; another document, other ids.
  EXPECT_EQ(parsed(p.run(doc))[0]["id"], r[0]["id"]);
  doc.id = "article-2";
  EXPECT_NE(parsed(p.run(doc))[0]["id"], r[0]["id"]);
  doc.published.clear();
  EXPECT_TRUE(parsed(p.run(doc))[0]["published"].is_null());
}

TEST(Incidents, EvidenceSpansAreClampedToTheTextAndWholeCharacters) {
  ik::Document doc;
  doc.id = "d";
  doc.text = "Şehit düştü";  // multi-byte characters
  ik::Mention m;
  m.label = "incident";
  m.number = 0;
  m.attrs_json = json({{"evidence", json::array({{{"start", 1}, {"end", 3}}, {{"start", 5}, {"end", 999}}})}}).dump();
  const auto incidents = ik::finalise_incidents(doc, {m});
  ASSERT_EQ(incidents.size(), 1u);
  const json record = json::parse(incidents[0]);  // throws for invalid UTF-8
  EXPECT_EQ(record["evidence"][0]["text"], "Şe");
  EXPECT_EQ(record["evidence"][1]["text"], doc.text.substr(5));
}

// Records in nlohmann's own compact form are completed without a parse; any other form of the same
// object (spaces, unsorted or escaped keys, other number forms, an existing "text") must give the same bytes.
TEST(Incidents, RecordTextDoesNotDependOnHowTheAttrsAreWritten) {
  ik::Document doc;
  doc.id = "d\"1";
  doc.published = "2020-01-02";
  doc.text = "Gunmen killed \"three\" farmers.\nA bomb exploded.";
  const json attrs = {{"fatalities", 3},
                      {"latitude", 36.25},
                      {"longitude", -1.5e-7},
                      {"zeta", {{"b", true}, {"a", json::array({1, "x/y", nullptr})}}},
                      {"actor1", "Gunmen \u00e9\t"},
                      {"evidence", json::array({{{"start", 0}, {"end", 30}, {"field", "fatalities"}},
                                                {{"start", 31}, {"end", 47}, {"zz", 1}},
                                                "not an object"})}};
  auto record_of = [&](const std::string& text) {
    ik::Mention m;
    m.label = "incident";
    m.attrs_json = text;
    const auto out = ik::finalise_incidents(doc, {m});
    return out.at(0);
  };
  const std::string expected = record_of(attrs.dump());
  const json got = json::parse(expected);
  EXPECT_EQ(got["evidence"][0]["text"], "Gunmen killed \"three\" farmers.");
  EXPECT_EQ(got["evidence"][1]["text"], "A bomb exploded.");
  EXPECT_EQ(got["evidence"][2], "not an object");
  EXPECT_EQ(got["doc_id"], "d\"1");
  EXPECT_TRUE(got["event_type"].is_null());
  EXPECT_EQ(expected, got.dump());  // compact, keys sorted
  for (const std::string& variant : {attrs.dump(2), attrs.dump(-1, ' ', true),
                                     std::string(R"({"zeta":{"a":[1,"x\/y",null],"b":true},"fatalities":3,)") +
                                         R"("l\u0061titude":36.250,"longitude":-1.5E-7,"actor1":"Gunmen \u00e9\t",)" +
                                         R"("evidence":[{"end":30,"start":0,"field":"fatalities","text":"old"},)" +
                                         R"({"zz":1,"start":31,"end":47},"not an object"]})"})
    EXPECT_EQ(record_of(variant), expected) << variant;
}

TEST(Threads, RunAllGivesIdenticalOutputInInputOrderForAnyThreadCount) {
  ik::Registry registry;
  const auto docs = many_documents(300);
  const std::string one = serialise(incident_pipeline(registry, 1).run_all(docs));
  for (int threads : {2, 3, 8}) {
    const auto results = incident_pipeline(registry, threads).run_all(docs);
    ASSERT_EQ(results.size(), docs.size());
    for (size_t i = 0; i < docs.size(); ++i) ASSERT_EQ(results[i].doc.id, docs[i].id);
    EXPECT_EQ(serialise(results), one) << threads << " threads";
  }
}

TEST(Threads, BuiltinChainIsDeterministicAcrossThreadCounts) {
  ik::Registry registry;
  auto docs = many_documents(60);
  ik::PipelineOptions options;
  const std::string one = serialise(ik::Pipeline(registry, ik::default_chain(), options).run_all(docs));
  options.threads = 4;
  EXPECT_EQ(serialise(ik::Pipeline(registry, ik::default_chain(), options).run_all(docs)), one);
}

TEST(Threads, RunStreamKeepsOrderCountsEverythingAndMatchesRunAll) {
  ik::test::TempDir dir;
  const auto docs = many_documents(50);
  std::string jsonl;
  for (size_t i = 0; i < docs.size(); ++i) {
    jsonl += json({{"id", docs[i].id}, {"text", docs[i].text}}).dump() + "\n";
    if (i % 10 == 3) jsonl += "{broken json\n";       // unreadable lines in between
    if (i % 10 == 7) jsonl += "{\"id\": \"x\"}\n";     // no text
  }
  const auto path = dir.write("docs.jsonl", jsonl);
  ik::Registry registry;
  std::string reference;
  for (int threads : {1, 3}) {
    for (size_t batch : {size_t{1}, size_t{7}, size_t{256}}) {
      auto reader = ik::open_documents({path}, {});
      std::vector<ik::DocResult> seen;
      std::vector<uint64_t> progress_docs;
      const auto stats = incident_pipeline(registry, threads, batch)
                             .run_stream(*reader, [&](ik::DocResult& r) { seen.push_back(r); },
                                         [&](const ik::RunStats& s) { progress_docs.push_back(s.documents); });
      EXPECT_EQ(stats.documents, seen.size());
      EXPECT_EQ(stats.documents, stats.processed + stats.errors);
      EXPECT_EQ(stats.processed, docs.size());
      EXPECT_EQ(stats.errors, 10u);
      EXPECT_EQ(stats.bytes, jsonl.size());
      EXPECT_EQ(progress_docs.size(), (seen.size() + batch - 1) / batch);  // once per batch
      uint64_t incidents = 0;
      for (const auto& r : seen) incidents += r.incidents.size();
      EXPECT_EQ(stats.incidents, incidents);
      const std::string out = serialise(seen);
      if (reference.empty()) reference = out;
      EXPECT_EQ(out, reference) << threads << " threads, batch " << batch;
    }
  }
  // Documents in input order, errors where the bad lines were.
  auto reader = ik::open_documents({path}, {});
  std::vector<std::string> order;
  incident_pipeline(registry, 2, 4).run_stream(*reader, [&](ik::DocResult& r) {
    order.push_back(r.error ? r.error->code : r.doc.id);
  });
  ASSERT_GE(order.size(), 6u);
  EXPECT_EQ(order[0], "doc-0");
  EXPECT_EQ(order[3], "doc-3");
  EXPECT_EQ(order[4], "E102");
  EXPECT_EQ(order[5], "doc-4");
}

TEST(Records, MentionAndErrorJson) {
  ik::Mention m;
  m.start = 3;
  m.end = 9;
  m.label = "casualty";
  m.value = "killed";
  m.number = 12;
  m.attrs_json = R"({"group": "civilians"})";
  m.extractor = "casualties.v1";
  const auto j = m.to_json();
  EXPECT_EQ(j["number"], 12.0);
  EXPECT_TRUE(j["low"].is_null());  // NaN -> null
  EXPECT_EQ(j["attrs"]["group"], "civilians");
  EXPECT_EQ(j["extractor"], "casualties.v1");
  ik::ErrorRecord e{"in.jsonl", 4, "in.jsonl:4", "E102", "in.jsonl:4: invalid JSON"};
  EXPECT_EQ(e.to_json(), json({{"source", "in.jsonl"}, {"line", 4}, {"id", "in.jsonl:4"}, {"code", "E102"},
                               {"message", "in.jsonl:4: invalid JSON"}}));
}

}  // namespace
