// Runs the default pipeline over input files with no Python in the process: for profilers
// (perf record build/bench/bench/ik_profile_run FILE...). Prints the run's counts and MB/s.
// --threads N runs N workers (default 1); --output FILE writes the JSONL there instead of /dev/null.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "incidentkit/loaders.hpp"
#include "incidentkit/pipeline.hpp"
#include "incidentkit/writers.hpp"

int main(int argc, char** argv) {
  ik::PipelineOptions options;
  std::string output = "/dev/null";
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) options.threads = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--output") == 0 && i + 1 < argc) output = argv[++i];
    else files.emplace_back(argv[i]);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s [--threads N] [--output FILE] FILE... (incidents go to /dev/null)\n", argv[0]);
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  ik::Registry registry;
  ik::Pipeline pipeline(registry, ik::default_chain(), options);
  const auto t1 = std::chrono::steady_clock::now();
  auto reader = ik::open_documents(files, {});
  std::ofstream sink(output);
  auto writer = ik::make_writer("jsonl", sink);
  const auto stats = pipeline.run_stream(*reader, [&](ik::DocResult& r) { writer->write(r); });
  writer->finish();
  const auto t2 = std::chrono::steady_clock::now();
  const double setup = std::chrono::duration<double>(t1 - t0).count();
  const double run = std::chrono::duration<double>(t2 - t1).count();
  std::printf("%llu documents, %llu incidents, %llu errors; set-up %.3f s, run %.3f s, %.1f MB/s (%d threads)\n",
              (unsigned long long)stats.documents, (unsigned long long)stats.incidents,
              (unsigned long long)stats.errors, setup, run, stats.bytes / run / 1e6, options.threads);
}
