// The pipeline: builds and checks a chain of extractors, runs it over one document, many documents
// (thread pool, input order kept) or a stream, and turns the assembler's mentions into incident records.
#include "incidentkit/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <thread>

#include "incidentkit/errors.hpp"
#include "incidentkit/loaders.hpp"

#ifndef INCIDENTKIT_SOURCE_DATA_DIR
#define INCIDENTKIT_SOURCE_DATA_DIR "data"
#endif

namespace ik {
namespace {

// Effective config of one stage: defaults, then "*" (global), then the stage's own section.
nlohmann::json stage_config(const ExtractorInfo& info, const nlohmann::json& config) {
  nlohmann::json out = info.default_config.is_object() ? info.default_config : nlohmann::json::object();
  for (const std::string& key : {std::string("*"), info.full_name()}) {
    if (!config.is_object() || !config.contains(key)) continue;
    const auto& section = config.at(key);
    if (!section.is_object())
      throw ConfigError(code::kConfig, "config section \"" + key + "\" must be a JSON object");
    out.update(section, /*merge_objects=*/true);
  }
  if (!out.contains("data_dir")) {
    const char* env = std::getenv("INCIDENTKIT_DATA");
    out["data_dir"] = (env && *env) ? env : INCIDENTKIT_SOURCE_DATA_DIR;
  }
  return out;
}

// "dates" -> "dates.v1" when exactly one version is registered.
std::shared_ptr<ExtractorFactory> find_stage(const Registry& registry, const std::string& name) {
  if (auto f = registry.find(name)) return f;
  std::shared_ptr<ExtractorFactory> match;
  int count = 0;
  for (const auto& info : registry.list())
    if (info.name == name) {
      match = registry.find(info.full_name());
      ++count;
    }
  if (count == 1) return match;
  std::string known;
  for (const auto& info : registry.list()) known += (known.empty() ? "" : ", ") + info.full_name();
  throw ConfigError(code::kUnknownExtractor, "unknown extractor \"" + name + "\" (known: " + known + ")");
}

// Runs fn(i) for i in [0, n) on `threads` threads (the caller's included). Each index runs exactly once,
// and results go to per-index slots, so output never depends on scheduling.
template <class Fn>
void parallel_for(size_t n, int threads, Fn&& fn) {
  const size_t workers = std::min<size_t>(std::max(threads, 1), n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

// Every label a stage requires must be assigned by an earlier stage.
void check_chain(const std::vector<ExtractorInfo>& stages) {
  std::set<std::string> assigned;
  for (const auto& info : stages) {
    for (const auto& label : info.requires_labels)
      if (!assigned.count(label))
        throw ConfigError(code::kBrokenChain, "stage " + info.full_name() + " requires label \"" + label +
                                                  "\", which no earlier stage assigns");
    assigned.insert(info.assigns.begin(), info.assigns.end());
  }
}

std::string where(const Document& doc) {
  std::string s = doc.source.empty() ? "<unknown>" : doc.source;
  if (doc.line > 0) s += ":" + std::to_string(doc.line);
  return s;
}

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// FNV-1a: tiny, stable across platforms and runs (std::hash is neither guaranteed).
uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The contract's fields (shared/eval README); missing ones are written as null.
const char* const kContractFields[] = {
    "event_date", "date_end",  "time_precision", "event_type", "sub_event_type", "actor1",          "actor2",
    "inter1",     "inter2",    "civilian_targeting", "country", "iso3",         "admin1",          "admin2",
    "location",   "latitude",  "longitude",      "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
    "injured",    "victims",   "weapons",        "targets",    "is_aggregate",   "evidence",        "confidence"};

}  // namespace

Pipeline::Pipeline(const Registry& registry, const std::vector<std::string>& names, PipelineOptions options)
    : options_(std::move(options)) {
  if (options_.threads < 1) options_.threads = 1;
  if (options_.batch_size < 1) options_.batch_size = 1;
  if (!options_.config.is_object()) throw ConfigError(code::kConfig, "pipeline config must be a JSON object");
  std::vector<std::shared_ptr<ExtractorFactory>> factories;
  for (const auto& name : names) factories.push_back(find_stage(registry, name));
  // Check the chain before paying for create().
  std::vector<ExtractorInfo> infos;
  for (const auto& f : factories) infos.push_back(f->info());
  check_chain(infos);
  for (const auto& f : factories) stages_.push_back(f->create(stage_config(f->info(), options_.config)));
}

void Pipeline::append(std::shared_ptr<Extractor> stage) {
  if (!stage) throw ConfigError(code::kConfig, "null pipeline stage");
  stages_.push_back(std::move(stage));
  try {
    validate();
  } catch (...) {
    stages_.pop_back();
    throw;
  }
}

void Pipeline::validate() const {
  std::vector<ExtractorInfo> infos;
  for (const auto& stage : stages_) infos.push_back(stage->info());
  check_chain(infos);
}

DocResult Pipeline::run(Document doc) const {
  DocResult result;
  result.doc = std::move(doc);
  auto fail = [&](const std::string& stage, const std::string& message) {
    ErrorRecord e;
    e.source = result.doc.source;
    e.line = result.doc.line;
    e.id = result.doc.id;
    e.code = code::kExtractor;
    e.message = "document " + result.doc.id + " (" + where(result.doc) + "): extractor " + stage + " failed: " + message;
    result.error = std::move(e);
    result.incidents.clear();
  };
  for (const auto& stage : stages_) {
    DocContext ctx{result.doc, result.mentions};
    try {
      stage->process(ctx);
    } catch (const Error& e) {
      fail(stage->info().full_name(), e.message());
      return result;
    } catch (const std::exception& e) {
      fail(stage->info().full_name(), e.what());
      return result;
    } catch (...) {
      fail(stage->info().full_name(), "unknown exception");
      return result;
    }
  }
  try {
    result.incidents = finalise_incidents(result.doc, result.mentions);
  } catch (const std::exception& e) {
    fail("(incident records)", e.what());
  }
  return result;
}

std::vector<DocResult> Pipeline::run_all(std::vector<Document> docs) const {
  std::vector<DocResult> results(docs.size());
  parallel_for(docs.size(), options_.threads, [&](size_t i) { results[i] = run(std::move(docs[i])); });
  return results;
}

RunStats Pipeline::run_stream(DocumentReader& reader, const std::function<void(DocResult&)>& sink,
                              const std::function<void(const RunStats&)>& progress) const {
  const auto started = std::chrono::steady_clock::now();
  RunStats stats;
  std::vector<LoadedItem> batch;
  std::vector<DocResult> results;
  bool more = true;
  while (more) {
    // Read one batch; memory holds at most batch_size documents and their results.
    batch.clear();
    while (batch.size() < options_.batch_size) {
      LoadedItem item;
      if (!reader.next(item)) {
        more = false;
        break;
      }
      batch.push_back(std::move(item));
    }
    if (batch.empty()) break;
    results.assign(batch.size(), DocResult{});
    parallel_for(batch.size(), options_.threads, [&](size_t i) {
      if (batch[i].doc) {
        results[i] = run(std::move(*batch[i].doc));
      } else if (batch[i].error) {
        results[i].doc.source = batch[i].error->source;
        results[i].doc.line = batch[i].error->line;
        results[i].doc.id = batch[i].error->id;
        results[i].error = std::move(batch[i].error);
      }
    });
    for (auto& r : results) {
      ++stats.documents;
      if (r.error) {
        ++stats.errors;
      } else {
        ++stats.processed;
        stats.incidents += r.incidents.size();
      }
      if (sink) sink(r);
    }
    // Freeing a batch's mentions and records costs as much as writing them: do it on the pool too.
    parallel_for(results.size(), options_.threads, [&](size_t i) { results[i] = DocResult{}; });
    results.clear();
    stats.bytes = reader.bytes_read();
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress) progress(stats);
  }
  stats.bytes = reader.bytes_read();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

std::vector<nlohmann::json> finalise_incidents(const Document& doc, const std::vector<Mention>& mentions) {
  struct Ranked {
    double rank;
    size_t order;
    const Mention* m;
  };
  std::vector<Ranked> found;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].label == "incident")
      found.push_back({std::isnan(mentions[i].number) ? static_cast<double>(i) : mentions[i].number, i, &mentions[i]});
  std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });

  std::vector<nlohmann::json> out;
  out.reserve(found.size());
  for (size_t pos = 0; pos < found.size(); ++pos) {
    const Mention& m = *found[pos].m;
    nlohmann::json record = m.attrs_json.empty() ? nlohmann::json::object() : nlohmann::json::parse(m.attrs_json);
    if (!record.is_object()) throw ExtractionError(code::kExtractor, "incident attrs are not a JSON object");
    // Position after sorting, so ids are 0..n-1 per document whatever ranks the assembler used.
    record["id"] = hex64(fnv1a(doc.id + "#" + std::to_string(pos)));
    record["doc_id"] = doc.id;
    record["published"] = doc.published.empty() ? nlohmann::json(nullptr) : nlohmann::json(doc.published);
    for (const char* field : kContractFields)
      if (!record.contains(field)) record[field] = nullptr;
    if (!record["evidence"].is_array()) record["evidence"] = nlohmann::json::array();
    for (auto& ev : record["evidence"]) {
      if (!ev.is_object()) continue;
      const uint64_t size = doc.text.size();
      uint64_t start = ev.value("start", uint64_t{0}), end = ev.value("end", uint64_t{0});
      // Clamp to the text and widen to whole UTF-8 characters, so the text stays valid UTF-8.
      end = std::min(end, size);
      start = std::min(start, end);
      while (start > 0 && (static_cast<unsigned char>(doc.text[start]) & 0xC0) == 0x80) --start;
      while (end < size && (static_cast<unsigned char>(doc.text[end]) & 0xC0) == 0x80) ++end;
      ev["text"] = doc.text.substr(start, end - start);
    }
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace ik
