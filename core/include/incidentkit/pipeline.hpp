// Extractors, the registry that knows them, and the pipeline that runs a chain of them over documents.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "incidentkit/document.hpp"

namespace ik {

// What the registry and `incidentkit plugins` show about an extractor.
struct ExtractorInfo {
  std::string name;                   // "dates"
  std::string version;                // "v1"
  std::vector<std::string> requires_labels;  // labels read (`requires` is a C++20 keyword)
  std::vector<std::string> assigns;   // labels written
  std::string source;                 // "built-in", a plugin file path, or "python"
  nlohmann::json default_config = nlohmann::json::object();
  std::string full_name() const { return name + "." + version; }
};

// Per-document state an extractor works on.
struct DocContext {
  Document& doc;
  std::vector<Mention>& mentions;
};

// One pipeline stage. Implementations: C-ABI extractors (built-in or from a plugin file) and Python
// callables (bindings/). process() is called from several threads at once and throws ik::Error on failure.
class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual const ExtractorInfo& info() const = 0;
  virtual void process(DocContext& ctx) const = 0;
};

// Makes configured extractor instances.
class ExtractorFactory {
 public:
  virtual ~ExtractorFactory() = default;
  virtual const ExtractorInfo& info() const = 0;
  virtual std::shared_ptr<Extractor> create(const nlohmann::json& config) const = 0;
};

// All extractors known to this process: built-ins, loaded plugin files, Python ones.
class Registry {
 public:
  Registry();  // with the built-in extractors
  // with_builtins=false: an empty registry (tests load the built-ins' plugin files into it).
  explicit Registry(bool with_builtins);
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Loads a plugin library; throws PluginError naming the file and the reason. Returns the names added.
  std::vector<std::string> load_plugin(const std::string& path);
  // Loads every plugin file in the directories of INCIDENTKIT_PLUGIN_PATH (":"-separated; the value
  // "disable" turns this off). Failures are logged and returned, not thrown.
  std::vector<std::string> load_plugin_path(std::vector<std::string>* failures = nullptr);
  // Registers a factory (e.g. a Python extractor); throws PluginError (E305) for a duplicate name.
  void add(std::shared_ptr<ExtractorFactory> factory);

  std::shared_ptr<ExtractorFactory> find(const std::string& full_name) const;  // null if unknown
  std::vector<ExtractorInfo> list() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The default chain of built-in extractors, in order.
std::vector<std::string> default_chain();

struct PipelineOptions {
  int threads = 1;            // worker threads (>=1)
  size_t batch_size = 256;    // documents per batch in streaming runs
  nlohmann::json config = nlohmann::json::object();  // {"places.v1": {...}, "*": {"data_dir": ...}}
};

struct RunStats {
  uint64_t documents = 0;     // documents (and unreadable records) seen
  uint64_t processed = 0;     // documents that produced a result (maybe zero incidents)
  uint64_t errors = 0;        // error records; documents == processed + errors
  uint64_t incidents = 0;
  uint64_t bytes = 0;
  double seconds = 0;
};

class Pipeline {
 public:
  // Builds the chain by name; throws ConfigError (E202 unknown, E203 requires not met).
  Pipeline(const Registry& registry, const std::vector<std::string>& names, PipelineOptions options = {});
  // Adds an already built stage at the end (validated like the others).
  void append(std::shared_ptr<Extractor> stage);

  const std::vector<std::shared_ptr<Extractor>>& stages() const { return stages_; }
  const PipelineOptions& options() const { return options_; }

  // One document; never throws: a failure becomes result.error.
  DocResult run(Document doc) const;
  // Many documents on the thread pool; results in input order, identical for any thread count.
  std::vector<DocResult> run_all(std::vector<Document> docs) const;
  // Streams a reader through the pipeline into a sink, batch by batch, in input order.
  // progress (may be empty) is called after each batch.
  RunStats run_stream(class DocumentReader& reader, const std::function<void(DocResult&)>& sink,
                      const std::function<void(const RunStats&)>& progress = {}) const;

 private:
  void validate() const;
  std::vector<std::shared_ptr<Extractor>> stages_;
  PipelineOptions options_;
};

// Turns the assembler's "incident" mentions into contract records (JSON text, see DocResult::incidents):
// adds id (stable hash of doc id and position), doc_id, published, missing contract fields (null) and
// the evidence texts.
std::vector<std::string> finalise_incidents(const Document& doc, const std::vector<Mention>& mentions);

}  // namespace ik
