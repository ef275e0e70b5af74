// Micro-benchmarks of the phrase matcher the extractors share (ik::text::Lexicon, Aho-Corasick), with
// peers run in the same process: Hyperscan literals (when installed) and std::regex alternation.
//   cmake -S . -B build/bench -G Ninja -DINCIDENTKIT_BUILD_BENCH=ON && ninja -C build/bench ik_bench_matcher
//   build/bench/bench/ik_bench_matcher
#include <benchmark/benchmark.h>

#include <random>
#include <regex>
#include <string>
#include <vector>

#include "common/text.hpp"

#ifdef IK_BENCH_HYPERSCAN
#include <hs/hs.h>
#endif

namespace {

// A 2,000-term lexicon: a few hundred real cue phrases plus invented place-like names.
std::vector<std::string> make_terms() {
  std::vector<std::string> terms = {"air strike", "airstrike", "barrel bomb", "shelling", "killed", "wounded",
                                    "injured", "gunmen", "regime forces", "civilians", "children", "hospital",
                                    "school", "market", "protesters", "demonstrated", "clashed", "abducted",
                                    "suicide bomber", "roadside bomb", "artillery", "drone strike", "mortar"};
  std::mt19937 rng(7);
  const char* syll[] = {"ka", "fr", "al", "ma", "ra", "sh", "kh", "an", "ba", "di", "ul", "ne", "ti", "zo", "qu"};
  while (terms.size() < 2000) {
    std::string w;
    const int n = 2 + rng() % 3;
    for (int i = 0; i < n; ++i) w += syll[rng() % 15];
    if (rng() % 4 == 0) w += std::string(" ") + syll[rng() % 15] + syll[rng() % 15] + "a";
    terms.push_back(w);
  }
  return terms;
}

// Dense conflict-report-like text, about 1 MB.
const std::string& corpus() {
  static const std::string text = [] {
    const auto terms = make_terms();
    std::mt19937 rng(11);
    const char* filler[] = {"On", "Tuesday", "the", "of", "in", "at", "least", "people", "were", "by", "near",
                            "village", "province", "said", "reported", "according", "to", "local", "sources"};
    std::string t;
    while (t.size() < (1u << 20)) {
      for (int i = 0; i < 12; ++i) {
        t += (rng() % 5 == 0) ? terms[rng() % terms.size()] : filler[rng() % 19];
        t += ' ';
      }
      t += "12 civilians. ";
    }
    return t;
  }();
  return text;
}

void BM_Lexicon(benchmark::State& state) {
  ik::text::Lexicon lx;
  uint32_t id = 0;
  for (const auto& t : make_terms()) lx.add(t, id++);
  lx.build();
  const auto& text = corpus();
  size_t matches = 0;
  for (auto _ : state) {
    auto found = lx.find(text);
    matches = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["matches"] = static_cast<double>(matches);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Lexicon)->Unit(benchmark::kMillisecond);

void BM_StdRegexAlternation(benchmark::State& state) {
  // std::regex is the naive peer: 100 terms only, on 64 KB, or it would not finish.
  auto terms = make_terms();
  terms.resize(100);
  std::string pattern = "\\b(";
  for (size_t i = 0; i < terms.size(); ++i) pattern += (i ? "|" : "") + terms[i];
  pattern += ")\\b";
  const std::regex re(pattern, std::regex::icase | std::regex::optimize);
  const std::string text = corpus().substr(0, 64 * 1024);
  for (auto _ : state) {
    size_t n = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_StdRegexAlternation)->Unit(benchmark::kMillisecond);

#ifdef IK_BENCH_HYPERSCAN
void BM_HyperscanLiterals(benchmark::State& state) {
  const auto terms = make_terms();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < terms.size(); ++i) {
    exprs.push_back(terms[i].c_str());
    lens.push_back(terms[i].size());
    flags.push_back(HS_FLAG_CASELESS);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(exprs.size()),
                           HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS) {
    state.SkipWithError(err ? err->message : "hs_compile_lit_multi failed");
    hs_free_compile_error(err);
    return;
  }
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  const auto& text = corpus();
  struct Ctx {
    const std::string* text;
    const std::vector<size_t>* lens;
    size_t n;
  } ctx{&text, &lens, 0};
  // Word boundaries are checked in the callback, as our matcher does.
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* p) -> int {
    auto* c = static_cast<Ctx*>(p);
    const size_t from = to - (*c->lens)[id];
    const auto& t = *c->text;
    if ((from == 0 || !ik::text::is_word_byte(t[from - 1])) && (to >= t.size() || !ik::text::is_word_byte(t[to])))
      ++c->n;
    return 0;
  };
  for (auto _ : state) {
    ctx.n = 0;
    hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &ctx);
    benchmark::DoNotOptimize(ctx.n);
  }
  state.counters["matches"] = static_cast<double>(ctx.n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  hs_free_scratch(scratch);
  hs_free_database(db);
}
BENCHMARK(BM_HyperscanLiterals)->Unit(benchmark::kMillisecond);
#endif

}  // namespace

BENCHMARK_MAIN();
