// The pipeline: builds and checks a chain of extractors, runs it over one document, many documents
// (thread pool, input order kept) or a stream, and turns the assembler's mentions into incident records.
#include "incidentkit/pipeline.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <string_view>
#include <thread>

#include "incidentkit/errors.hpp"
#include "incidentkit/loaders.hpp"
#include "incidentkit/sdk.hpp"

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

// "%016llx" without snprintf (it runs once per incident).
std::string hex64(uint64_t v) {
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[size_t(i)] = digits[v & 15];
  return out;
}

// FNV-1a: tiny, stable across platforms and runs (std::hash is neither guaranteed).
constexpr uint64_t kFnvOffset = 1469598103934665603ull;
uint64_t fnv1a(std::string_view s, uint64_t h = kFnvOffset) {
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
  // About one mention per 16 bytes of text in news reports: room for them up front saves moving them
  // as each stage adds its own (capped: a huge text grows the vector as usual).
  result.mentions.reserve(std::min<size_t>(result.doc.text.size() / 16 + 8, 1024));
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
    auto result_of = [&](LoadedItem& item, DocResult& out) {
      if (item.doc) {
        out = run(std::move(*item.doc));
      } else if (item.error) {
        out.doc.source = item.error->source;
        out.doc.line = item.error->line;
        out.doc.id = item.error->id;
        out.error = std::move(item.error);
      }
    };
    auto settle = [&](DocResult& r) {
      ++stats.documents;
      if (r.error) {
        ++stats.errors;
      } else {
        ++stats.processed;
        stats.incidents += r.incidents.size();
      }
      if (sink) sink(r);
    };
    if (options_.threads <= 1) {
      // One thread: each result is written and freed before the next document runs, which then reuses
      // its memory (still in cache, and from malloc's per-thread cache rather than its slower bins).
      for (auto& item : batch) {
        DocResult r;
        result_of(item, r);
        settle(r);
      }
    } else {
      results.assign(batch.size(), DocResult{});
      parallel_for(batch.size(), options_.threads, [&](size_t i) { result_of(batch[i], results[i]); });
      for (auto& r : results) settle(r);
      // Freeing a batch's mentions and records costs as much as writing them: do it on the pool too.
      parallel_for(results.size(), options_.threads, [&](size_t i) { results[i] = DocResult{}; });
      results.clear();
    }
    stats.bytes = reader.bytes_read();
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress) progress(stats);
  }
  stats.bytes = reader.bytes_read();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

namespace {

// Reads JSON text that claims to be exactly what nlohmann's dump() writes (compact, keys sorted and
// unique, its escapes and number forms only), checking the claim as it goes. Keys with escapes and long
// integers are refused too (rare; they only cost the general path).
class Canonical {
 public:
  explicit Canonical(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}
  bool done() const { return p_ == end_; }
  bool eat(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  char peek() const { return p_ == end_ ? '\0' : *p_; }
  const char* pos() const { return p_; }
  const char* end() const { return end_; }
  void skip_to(const char* p) { p_ = p; }

  // A key (at its opening quote), without escapes; returned without quotes.
  bool key(std::string_view& k) {
    if (!eat('"')) return false;
    const char* from = p_;
    while ((p_ = sdk::json_text::skip_plain(p_, end_)) != end_ && *p_ != '"') {
      const auto c = static_cast<unsigned char>(*p_);
      if (c < 0x20 || c == '\\') return false;
      if (c < 0x80) {
        ++p_;
      } else {
        const size_t n = sdk::json_text::utf8_length({p_, size_t(end_ - p_)}, 0);
        if (!n) return false;
        p_ += n;
      }
    }
    k = std::string_view(from, size_t(p_ - from));
    return eat('"');
  }

  // Any value; its text in `raw`.
  bool value(std::string_view& raw, int depth = 0) {
    const char* from = p_;
    bool ok;
    switch (peek()) {
      case '"': ok = string(); break;
      case '{': ok = depth < 64 && object(depth); break;
      case '[': ok = depth < 64 && array(depth); break;
      case 't': ok = word("true"); break;
      case 'f': ok = word("false"); break;
      case 'n': ok = word("null"); break;
      default: ok = number(); break;
    }
    raw = std::string_view(from, size_t(p_ - from));
    return ok;
  }

  // A non-negative integer (as evidence offsets are).
  static bool unsigned_integer(std::string_view raw, uint64_t& v) {
    if (raw.empty() || raw.size() > 18 || raw[0] == '-') return false;
    v = 0;
    for (char c : raw) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + uint64_t(c - '0');
    }
    return true;
  }

 private:
  bool word(std::string_view w) {
    if (size_t(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }
  bool string() {
    ++p_;
    while (p_ != end_) {
      p_ = sdk::json_text::skip_plain(p_, end_);  // the common case
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (end_ - p_ < 2) return false;
        const char e = p_[1];
        if (e == 'u') {  // dump() writes \u00XX for control characters without a short escape only
          if (end_ - p_ < 6 || p_[2] != '0' || p_[3] != '0') return false;
          const char h = p_[4], l = p_[5];
          const bool lower_hex = (l >= '0' && l <= '9') || (l >= 'a' && l <= 'f');
          if (!(h == '0' || h == '1') || !lower_hex) return false;
          const int v = (h - '0') * 16 + (l <= '9' ? l - '0' : l - 'a' + 10);
          if (v == '\b' || v == '\t' || v == '\n' || v == '\f' || v == '\r') return false;
          p_ += 6;
        } else if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
          p_ += 2;
        } else {
          return false;  // "\/" and others: dump() never writes them
        }
        continue;
      }
      if (c < 0x80) {
        ++p_;
        continue;
      }
      const size_t n = sdk::json_text::utf8_length({p_, size_t(end_ - p_)}, 0);
      if (!n) return false;
      p_ += n;
    }
    return false;
  }
  bool number() {
    const char* from = p_;
    eat('-');
    if (eat('0')) {
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++p_;
    } else {
      return false;
    }
    bool fraction = false;
    if (eat('.')) {
      fraction = true;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++p_;
    }
    if (peek() == 'e' || peek() == 'E') {
      fraction = true;
      ++p_;
      if (peek() == '+' || peek() == '-') ++p_;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++p_;
    }
    const std::string_view tok(from, size_t(p_ - from));
    if (!fraction) return tok != "-0" && tok.size() <= 18;  // well inside int64: dump() writes it back as is
    return canonical_float(tok);
  }
  // Whether tok is the shortest form of its double, as dump() writes it. The round trip costs about a
  // thousand instructions, and records repeat their floats (confidences, a place's coordinates): the
  // answers for recent tokens are kept per thread.
  static bool canonical_float(std::string_view tok) {
    struct Seen {
      char text[24];
      uint8_t size = 0;  // 0: empty slot
      bool canonical = false;
    };
    thread_local std::array<Seen, 256> seen{};
    const bool cacheable = tok.size() < sizeof(Seen::text);
    Seen* slot = nullptr;
    if (cacheable) {
      uint32_t h = 2166136261u;
      for (char ch : tok) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
      slot = &seen[(h ^ (h >> 8) ^ (h >> 16)) & 255];
      if (slot->size == tok.size() && std::memcmp(slot->text, tok.data(), tok.size()) == 0) return slot->canonical;
    }
    char out[64];
    double x;
    bool canonical = false;
    if (std::from_chars(tok.data(), tok.data() + tok.size(), x).ec == std::errc() && std::isfinite(x)) {
      const char* e = nlohmann::detail::to_chars(out, out + sizeof out, x);
      canonical = std::string_view(out, size_t(e - out)) == tok;
    }
    if (slot) {
      std::memcpy(slot->text, tok.data(), tok.size());
      slot->size = static_cast<uint8_t>(tok.size());
      slot->canonical = canonical;
    }
    return canonical;
  }
  bool object(int depth) {
    ++p_;
    if (eat('}')) return true;
    std::string_view last, k, v;
    for (bool first = true;; first = false) {
      if (!key(k) || (!first && !(last < k)) || !eat(':') || !value(v, depth + 1)) return false;
      last = k;
      if (eat('}')) return true;
      if (!eat(',')) return false;
    }
  }
  bool array(int depth) {
    ++p_;
    if (eat(']')) return true;
    std::string_view v;
    for (;;) {
      if (!value(v, depth + 1)) return false;
      if (eat(']')) return true;
      if (!eat(',')) return false;
    }
  }

  const char* p_;
  const char* end_;
};

// The text of an evidence span: clamped to the text and widened to whole UTF-8 characters, so it stays
// valid UTF-8.
std::string_view evidence_text(const std::string& text, uint64_t start, uint64_t end) {
  const uint64_t size = text.size();
  end = std::min(end, size);
  start = std::min(start, end);
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  while (end < size && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return std::string_view(text).substr(start, end - start);
}

// a <=> b as std::string compares them (bytes unsigned). Eight bytes a step, read big-endian so that the
// first differing byte decides: keys are short and share long prefixes ("fatalities_high"/"_low"), and
// this runs a few times for every member.
int key_compare(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t i = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return __builtin_bswap64(x) < __builtin_bswap64(y) ? -1 : 1;
  }
#endif
  for (; i < n; ++i)
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}
bool key_less(std::string_view a, std::string_view b) { return key_compare(a, b) < 0; }

// A canonical non-negative integer at p (what Canonical::number accepts and unsigned_integer reads): "0"
// or no leading zero, at most 18 digits. The byte after it, or null.
const char* fast_digits(const char* p, const char* end, uint64_t& v) {
  const char* from = p;
  v = 0;
  while (p != end && *p >= '0' && *p <= '9') v = v * 10 + uint64_t(*p++ - '0');
  const size_t n = size_t(p - from);
  if (n == 0 || n > 18 || (n > 1 && *from == '0')) return nullptr;
  return p;
}
// A string of plain bytes only (no escapes, ASCII) at its opening quote: the byte after the closing one.
const char* fast_plain_string(const char* p, const char* end) {
  if (p == end || *p != '"') return nullptr;
  p = sdk::json_text::skip_plain(p + 1, end);
  return p != end && *p == '"' ? p + 1 : nullptr;
}
// The evidence object as the assembler writes it, {"end":N,"extractor":"..","field":"..","start":N} with
// plain strings, read in one pass and appended with its "text" (what the member loop below makes of it,
// byte for byte; ~5 such objects per record made that loop the bulk of a record's cost). False, nothing
// read or written: the member loop decides.
bool fast_evidence(Canonical& c, const std::string& text, std::string& out) {
  using std::string_view_literals::operator""sv;
  const char* const from = c.pos();
  const char* const end = c.end();
  const char* p = from;
  auto lit = [&](std::string_view w) {
    if (!p || size_t(end - p) < w.size() || std::memcmp(p, w.data(), w.size()) != 0) return p = nullptr, false;
    p += w.size();
    return true;
  };
  uint64_t start = 0, stop = 0;
  if (!lit("{\"end\":"sv) || !(p = fast_digits(p, end, stop)) || !lit(",\"extractor\":"sv) ||
      !(p = fast_plain_string(p, end)) || !lit(",\"field\":"sv) || !(p = fast_plain_string(p, end)) ||
      !lit(",\"start\":"sv) || !(p = fast_digits(p, end, start)) || p == end || *p != '}')
    return false;
  const size_t mark = out.size();
  out.append(from, size_t(p - from));
  out += ",\"text\":"sv;
  if (!sdk::json_text::append_string(out, evidence_text(text, start, stop))) {
    out.resize(mark);  // the member loop fails the same way
    return false;
  }
  out += '}';
  c.skip_to(p + 1);
  return true;
}

// Reads the evidence list at c (canonical, as Canonical::value checks) and appends it to out with each
// object's "text" added. Members are copied as runs of the input text; only "text" is written. False:
// the general path decides.
bool evidence_with_texts(Canonical& c, const std::string& text, std::string& out) {
  if (!c.eat('[')) return false;
  out += '[';
  if (c.eat(']')) {
    out += ']';
    return true;
  }
  for (bool first = true;; first = false) {
    if (!first) out += ',';
    if (fast_evidence(c, text, out)) {
      // the assembler's usual object, done in one pass
    } else if (c.peek() != '{') {  // not an object: kept as it is
      std::string_view v;
      if (!c.value(v, 1)) return false;
      out += v;
    } else {
      c.eat('{');
      out += '{';
      const char* copied = c.pos();  // input before this is in out
      uint64_t start = 0, end = 0;
      bool text_done = false;
      // Appends ,"text":"..." (or without the comma when it comes first).
      auto add_text = [&](bool comma) {
        text_done = true;
        out += comma ? ",\"text\":" : "\"text\":";
        return sdk::json_text::append_string(out, evidence_text(text, start, end));
      };
      // Members come in key order and "end" < "start" < "text": both offsets are read before "text" is due.
      if (!c.eat('}')) {
        std::string_view last;
        for (bool first_member = true;; first_member = false) {
          const char* from = c.pos();
          std::string_view k, v;
          if (!c.key(k) || (!first_member && !key_less(last, k)) || !c.eat(':') || !c.value(v, 2)) return false;
          last = k;
          const int vs_text = key_compare(k, "text");
          if (vs_text == 0) return false;  // overwritten by the general path
          if (!text_done && vs_text > 0) {  // "text" goes before this member
            out.append(copied, size_t(from - copied));
            copied = from;
            if (!add_text(false)) return false;
            out += ',';
          }
          if (k == "start" && !Canonical::unsigned_integer(v, start)) return false;
          if (k == "end" && !Canonical::unsigned_integer(v, end)) return false;
          if (c.eat('}')) break;
          if (!c.eat(',')) return false;
        }
        out.append(copied, size_t(c.pos() - 1 - copied));  // up to the closing brace
      }
      if (!text_done && !add_text(out.back() != '{')) return false;
      out += '}';
    }
    if (c.eat(']')) break;
    if (!c.eat(',')) return false;
  }
  out += ']';
  return true;
}

// The members a record may lack, sorted by key: every contract field (null; evidence []) and id, doc_id
// and published (their values are the document's).
struct AddedMember {
  std::string key;
  std::string text;  // "key":null or "evidence":[]; empty for id, doc_id and published
};
const std::vector<AddedMember>& added_members() {
  static const std::vector<AddedMember> added = [] {
    std::vector<AddedMember> keys;
    for (const char* k : kContractFields)
      keys.push_back({k, "\"" + std::string(k) + "\":" + (k == std::string("evidence") ? "[]" : "null")});
    for (const char* k : {"id", "doc_id", "published"}) keys.push_back({k, ""});
    std::sort(keys.begin(), keys.end(), [](const AddedMember& a, const AddedMember& b) { return a.key < b.key; });
    return keys;
  }();
  return added;
}

// The record from the assembler's text without parsing it: its members as they are, the added ones
// merged in key order. Empty when the text is not canonical (see Canonical) or needs the general path.
// The record's text is copied in runs: only the added members and the evidence texts are written.
std::optional<std::string> quick_record(const Document& doc, const std::string& attrs, const std::string& id) {
  Canonical c(attrs);
  if (!c.eat('{')) return std::nullopt;
  const auto& added = added_members();
  std::string out;
  out.reserve(attrs.size() + attrs.size() / 2 + 256);  // the evidence texts and added members
  out += '{';
  const char* copied = c.pos();  // input before this is in out (or replaced)
  size_t a = 0;                  // the next added member
  // Appends added[i] (no comma). False when a value cannot be written as dump() would.
  auto put_added = [&](const AddedMember& m) {
    if (!m.text.empty()) {
      out += m.text;
    } else if (m.key == "id") {
      out += "\"id\":\"";
      out += id;
      out += '"';
    } else if (m.key == "doc_id") {
      out += "\"doc_id\":";
      if (!sdk::json_text::append_string(out, doc.id)) return false;
    } else {  // published
      out += "\"published\":";
      if (doc.published.empty()) out += "null";
      else if (!sdk::json_text::append_string(out, doc.published)) return false;
    }
    return true;
  };
  if (!c.eat('}')) {
    std::string_view last;
    for (bool first = true;; first = false) {
      const char* from = c.pos();
      std::string_view k, v;
      if (!c.key(k) || (!first && !key_less(last, k)) || !c.eat(':')) return std::nullopt;
      last = k;
      // Added members before this one go in here; one with this key is the record's own.
      while (a < added.size()) {
        const std::string& ak = added[a].key;
        // (Most keys are the next added member's: equal length and bytes tell it without an ordering.)
        const int cmp = ak.size() == k.size() && std::memcmp(ak.data(), k.data(), k.size()) == 0 ? 0 : key_compare(ak, k);
        if (cmp > 0) break;
        if (cmp == 0) {
          if (added[a].text.empty()) return std::nullopt;  // id, doc_id, published: the general path
          ++a;
          break;
        }
        out.append(copied, size_t(from - copied));
        copied = from;
        if (!put_added(added[a++])) return std::nullopt;
        out += ',';
      }
      if (k == "evidence") {
        out.append(copied, size_t(c.pos() - copied));  // up to "evidence":
        if (!evidence_with_texts(c, doc.text, out)) return std::nullopt;
        copied = c.pos();
      } else if (!c.value(v)) {
        return std::nullopt;
      }
      if (c.eat('}')) break;
      if (!c.eat(',')) return std::nullopt;
    }
    out.append(copied, size_t(c.pos() - 1 - copied));  // up to the closing brace
  }
  if (!c.done()) return std::nullopt;
  for (; a < added.size(); ++a) {
    if (out.size() > 1) out += ',';
    if (!put_added(added[a])) return std::nullopt;
  }
  out += '}';
  return out;
}

// The general path: any attrs object, parsed, completed and dumped as the JSONL writer would.
std::string general_record(const Document& doc, const std::string& attrs, const std::string& id) {
  nlohmann::json record = attrs.empty() ? nlohmann::json::object() : nlohmann::json::parse(attrs);
  if (!record.is_object()) throw ExtractionError(code::kExtractor, "incident attrs are not a JSON object");
  record["id"] = id;
  record["doc_id"] = doc.id;
  record["published"] = doc.published.empty() ? nlohmann::json(nullptr) : nlohmann::json(doc.published);
  for (const char* field : kContractFields)
    if (!record.contains(field)) record[field] = nullptr;
  if (!record["evidence"].is_array()) record["evidence"] = nlohmann::json::array();
  for (auto& ev : record["evidence"]) {
    if (!ev.is_object()) continue;
    const uint64_t start = ev.value("start", uint64_t{0}), end = ev.value("end", uint64_t{0});
    ev["text"] = std::string(evidence_text(doc.text, start, end));
  }
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::vector<std::string> finalise_incidents(const Document& doc, const std::vector<Mention>& mentions) {
  struct Ranked {
    double rank;
    size_t order;
    const Mention* m;
  };
  std::vector<Ranked> found;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (std::string_view(mentions[i].label) == std::string_view("incident"))  // size first, inline
      found.push_back({std::isnan(mentions[i].number) ? static_cast<double>(i) : mentions[i].number, i, &mentions[i]});
  std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });

  std::vector<std::string> out;
  out.reserve(found.size());
  for (size_t pos = 0; pos < found.size(); ++pos) {
    const Mention& m = *found[pos].m;
    // Position after sorting, so ids are 0..n-1 per document whatever ranks the assembler used.
    // The hash of doc.id + "#" + pos, without building that string.
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, pos);
    const std::string id = hex64(fnv1a(std::string_view(digits, size_t(r.ptr - digits)), fnv1a("#", fnv1a(doc.id))));
    auto quick = quick_record(doc, m.attrs_json, id);
    out.push_back(quick ? std::move(*quick) : general_record(doc, m.attrs_json, id));
  }
  return out;
}

}  // namespace ik
