// Runs the default pipeline over input files with no Python in the process: for profilers
// (perf record build/bench/bench/ik_profile_run FILE...). Prints the run's counts and MB/s.
#include <chrono>
#include <cstdio>
#include <fstream>

#include "incidentkit/loaders.hpp"
#include "incidentkit/pipeline.hpp"
#include "incidentkit/writers.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE... (writes incidents to /dev/null)\n", argv[0]);
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  ik::Registry registry;
  ik::Pipeline pipeline(registry, ik::default_chain());
  const auto t1 = std::chrono::steady_clock::now();
  auto reader = ik::open_documents(std::vector<std::string>(argv + 1, argv + argc), {});
  std::ofstream sink("/dev/null");
  auto writer = ik::make_writer("jsonl", sink);
  const auto stats = pipeline.run_stream(*reader, [&](ik::DocResult& r) { writer->write(r); });
  writer->finish();
  const auto t2 = std::chrono::steady_clock::now();
  const double setup = std::chrono::duration<double>(t1 - t0).count();
  const double run = std::chrono::duration<double>(t2 - t1).count();
  std::printf("%llu documents, %llu incidents, %llu errors; set-up %.3f s, run %.3f s, %.1f MB/s\n",
              (unsigned long long)stats.documents, (unsigned long long)stats.incidents,
              (unsigned long long)stats.errors, setup, run, stats.bytes / run / 1e6);
}
