// incidentkit._native: thin adapters between the C++ core and the Python layer (python/incidentkit).
// Everything Pythonic (input kinds, offsets in str indices, pandas, the CLI) lives in Python; this file
// only converts, releases the GIL around native work, and carries errors and log records across.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <streambuf>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "incidentkit/document.hpp"
#include "incidentkit/errors.hpp"
#include "incidentkit/loaders.hpp"
#include "incidentkit/pipeline.hpp"
#include "incidentkit/writers.hpp"

namespace py = pybind11;
using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------------
// Logging: spdlog records are buffered (no GIL needed, so no deadlock with worker threads) and
// handed to Python's `logging` when control returns to Python.

struct LogRecord {
  std::string logger;
  int level;  // Python logging level
  std::string message;
};

class BufferSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::vector<LogRecord> take(size_t& dropped) {
    std::lock_guard<std::mutex> lock(mutex_);
    dropped = std::exchange(dropped_, 0);
    return std::exchange(records_, {});
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    if (records_.size() >= kMaxRecords) {  // a runaway extractor must not eat the memory
      ++dropped_;
      return;
    }
    static const int levels[] = {5, 10, 20, 30, 40, 50, 0};  // trace..critical, off
    records_.push_back({std::string(msg.logger_name.begin(), msg.logger_name.end()), levels[msg.level],
                        std::string(msg.payload.begin(), msg.payload.end())});
  }
  void flush_() override {}

 private:
  static constexpr size_t kMaxRecords = 10000;
  std::vector<LogRecord> records_;
  size_t dropped_ = 0;
};

std::shared_ptr<BufferSink>& log_sink() {
  static auto sink = std::make_shared<BufferSink>();
  return sink;
}

// Python's effective level for the "incidentkit" logger, as an spdlog level (so nothing below it is
// even formatted).
spdlog::level::level_enum python_log_level() {
  const int level = py::module_::import("logging").attr("getLogger")("incidentkit").attr("getEffectiveLevel")().cast<int>();
  if (level <= 5) return spdlog::level::trace;
  if (level <= 10) return spdlog::level::debug;
  if (level <= 20) return spdlog::level::info;
  if (level <= 30) return spdlog::level::warn;
  if (level <= 40) return spdlog::level::err;
  return spdlog::level::critical;
}

// The core makes one logger per extractor ("incidentkit.dates"), reusing a registered one of that
// name. Registering ours first (or re-pointing existing ones) routes them all into the buffer.
void route_logger(const std::string& name) {
  auto logger = spdlog::get(name);
  if (!logger) {
    logger = std::make_shared<spdlog::logger>(name, log_sink());
    spdlog::register_logger(logger);
  } else if (logger->sinks().size() != 1 || logger->sinks()[0] != log_sink()) {
    logger->sinks() = {log_sink()};
  }
  logger->set_level(python_log_level());
}

void route_loggers(const ik::Registry& registry) {
  route_logger("incidentkit.plugin");
  for (const auto& info : registry.list()) route_logger("incidentkit." + info.name);
  std::vector<std::string> others;  // apply_all holds spdlog's registry lock: route after it returns
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& l) {
    if (l->name().rfind("incidentkit", 0) == 0) others.push_back(l->name());
  });
  for (const auto& name : others) route_logger(name);
}

// Called with the GIL held.
void flush_logs() {
  size_t dropped = 0;
  auto records = log_sink()->take(dropped);
  if (records.empty() && !dropped) return;
  py::object get_logger = py::module_::import("logging").attr("getLogger");
  for (const auto& r : records) get_logger(r.logger).attr("log")(r.level, r.message);
  if (dropped) get_logger("incidentkit").attr("warning")(std::to_string(dropped) + " further log records dropped");
}

// ---------------------------------------------------------------------------------------------
// Errors: C++ exceptions become the classes of incidentkit.errors (which inherit builtins).

[[noreturn]] void raise_python(const char* kind, const ik::Error& e, const std::string& source = {},
                               int64_t line = 0) {
  py::object exc = py::module_::import("incidentkit.errors")
                       .attr("from_native")(kind, e.code(), e.what(), source.empty() ? py::object(py::none()) : py::str(source), line);
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
  throw py::error_already_set();
}

void translate_exception(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const ik::InputError& e) {
    raise_python("InputError", e, e.source(), e.line());
  } catch (const ik::ConfigError& e) {
    raise_python("ConfigError", e);
  } catch (const ik::PluginError& e) {
    raise_python("PluginError", e);
  } catch (const ik::ExtractionError& e) {
    raise_python("ExtractionError", e);
  } catch (const ik::Error& e) {
    raise_python("IncidentkitError", e);
  }
}

py::tuple error_tuple(const ik::ErrorRecord& e) { return py::make_tuple(e.source, e.line, e.id, e.code, e.message); }

py::dict stats_dict(const ik::RunStats& s) {
  py::dict d;
  d["documents"] = s.documents;
  d["processed"] = s.processed;
  d["errors"] = s.errors;
  d["incidents"] = s.incidents;
  d["bytes"] = s.bytes;
  d["seconds"] = s.seconds;
  return d;
}

// ---------------------------------------------------------------------------------------------
// Output: a writer into memory, a file or standard output (fd 1, unbuffered by Python's sys.stdout).

class FdBuf final : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  ~FdBuf() override { sync(); }

 protected:
  int overflow(int c) override {
    if (sync() != 0) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, pptr() - p);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      p += n;
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return 0;
  }

 private:
  int fd_;
  std::vector<char> buf_;
};

// "" = memory (returned to Python), "-" = standard output, else a file.
struct Output {
  std::ostringstream memory;
  std::ofstream file;
  std::unique_ptr<FdBuf> fdbuf;
  std::unique_ptr<std::ostream> fdstream;
  std::ostream* out = nullptr;

  explicit Output(const std::string& where) {
    if (where.empty()) {
      out = &memory;
    } else if (where == "-") {
      fdbuf = std::make_unique<FdBuf>(1);
      fdstream = std::make_unique<std::ostream>(fdbuf.get());
      out = fdstream.get();
    } else {
      file.open(where, std::ios::binary | std::ios::trunc);
      if (!file) throw ik::InputError(ik::code::kUnreadable, where, 0, "cannot open for writing");
      out = &file;
    }
  }
  void finish(const std::string& where) {
    out->flush();
    if (!*out) throw ik::InputError(ik::code::kUnreadable, where.empty() ? "<memory>" : where, 0, "write failed");
  }
};

// ---------------------------------------------------------------------------------------------
// Python extractors: a Python callable adapted to ik::Extractor. The Python layer hands in an adapter
// `fn(view) -> list[(start, end, label, value, number, low, high, attrs_json, confidence)]` with UTF-8
// byte offsets; this side only converts and checks them.

// Read-only view of the document during one Python call; invalid afterwards.
struct DocView {
  ik::DocContext* ctx = nullptr;
  const ik::DocContext& get() const {
    if (!ctx) throw std::runtime_error("the document view is only valid during the extractor call");
    return *ctx;
  }
};

// Drops a Python reference from a C++ destructor, which may run without the GIL.
void release_with_gil(py::object& obj) {
  if (!Py_IsInitialized()) {
    obj.release();  // the interpreter is gone: leak rather than crash
    return;
  }
  py::gil_scoped_acquire gil;
  obj = py::object();
}

class PyExtractor final : public ik::Extractor {
 public:
  PyExtractor(ik::ExtractorInfo info, py::object fn) : info_(std::move(info)), fn_(std::move(fn)) {}
  ~PyExtractor() override { release_with_gil(fn_); }
  const ik::ExtractorInfo& info() const override { return info_; }

  void process(ik::DocContext& ctx) const override {
    py::gil_scoped_acquire gil;  // held only while Python runs
    DocView view{&ctx};
    try {
      py::list out = fn_(py::cast(&view, py::return_value_policy::reference));
      view.ctx = nullptr;
      const size_t size = ctx.doc.text.size();
      for (const auto& item : out) {
        auto t = item.cast<py::tuple>();
        ik::Mention m;
        m.start = t[0].cast<uint64_t>();
        m.end = t[1].cast<uint64_t>();
        m.label = t[2].cast<std::string>();
        m.value = t[3].is_none() ? std::string() : t[3].cast<std::string>();
        m.number = t[4].cast<double>();
        m.low = t[5].cast<double>();
        m.high = t[6].cast<double>();
        m.attrs_json = t[7].is_none() ? std::string() : t[7].cast<std::string>();
        m.confidence = t[8].cast<double>();
        m.extractor = info_.full_name();
        if (m.start > m.end || m.end > size)
          throw ik::ExtractionError(ik::code::kExtractor, info_.full_name() + ": mention span [" + std::to_string(m.start) +
                                                              ", " + std::to_string(m.end) + ") is outside the text");
        if (m.label.empty()) throw ik::ExtractionError(ik::code::kExtractor, info_.full_name() + ": mention without a label");
        ctx.mentions.push_back(std::move(m));
      }
    } catch (py::error_already_set& e) {
      view.ctx = nullptr;
      throw ik::ExtractionError(ik::code::kExtractor, e.what());
    } catch (const py::cast_error& e) {
      view.ctx = nullptr;
      throw ik::ExtractionError(ik::code::kExtractor, info_.full_name() + ": bad mention from Python: " + e.what());
    }
  }

 private:
  ik::ExtractorInfo info_;
  py::object fn_;
};

class PyFactory final : public ik::ExtractorFactory {
 public:
  PyFactory(ik::ExtractorInfo info, py::object make) : info_(std::move(info)), make_(std::move(make)) {}
  ~PyFactory() override { release_with_gil(make_); }
  const ik::ExtractorInfo& info() const override { return info_; }
  std::shared_ptr<ik::Extractor> create(const json& config) const override {
    py::gil_scoped_acquire gil;
    try {
      return std::make_shared<PyExtractor>(info_, make_(config.dump()));
    } catch (py::error_already_set& e) {
      throw ik::PluginError(ik::code::kPluginInit, "extractor " + info_.full_name() + " (python): " + e.what());
    }
  }

 private:
  ik::ExtractorInfo info_;
  py::object make_;
};

// ---------------------------------------------------------------------------------------------
// The documents of an in-memory run that produced incidents (mentions dropped), so Python's
// IncidentSet can be written with the very writers the CLI uses (CSV notes come from the document).
struct Results {
  std::vector<ik::DocResult> docs;
  void keep(ik::DocResult& r) {
    if (r.error || r.incidents.empty()) return;
    r.mentions.clear();
    r.mentions.shrink_to_fit();
    docs.push_back(std::move(r));
  }
};

// Writes the incidents of several Results, in order, as one file: "" = returned as bytes.
py::object write_results(const std::vector<std::shared_ptr<Results>>& parts, const std::string& format,
                         const std::string& output) {
  Output out(output);
  auto writer = ik::make_writer(format, *out.out);
  for (const auto& part : parts)
    for (const auto& r : part->docs) writer->write(r);
  writer->finish();
  out.finish(output);
  if (output.empty()) return py::bytes(out.memory.str());
  return py::none();
}

// ---------------------------------------------------------------------------------------------
// A pipeline that keeps its registry (and so its plugin libraries) alive.

struct NativePipeline {
  std::shared_ptr<ik::Registry> registry;
  ik::Pipeline pipeline;

  NativePipeline(std::shared_ptr<ik::Registry> r, const std::vector<std::string>& names, int threads,
                 size_t batch_size, const std::string& config_json)
      : registry(prepare(r)), pipeline(*registry, names, options(threads, batch_size, config_json)) {
    route_loggers(*registry);
  }

  static std::shared_ptr<ik::Registry> prepare(std::shared_ptr<ik::Registry> r) {
    route_loggers(*r);
    return r;
  }
  static ik::PipelineOptions options(int threads, size_t batch_size, const std::string& config_json) {
    ik::PipelineOptions o;
    o.threads = threads;
    o.batch_size = batch_size;
    o.config = json::parse(config_json.empty() ? "{}" : config_json, nullptr, false);
    if (o.config.is_discarded()) throw ik::ConfigError(ik::code::kConfig, "config is not valid JSON");
    return o;
  }

  std::vector<std::string> stage_names() const {
    std::vector<std::string> out;
    for (const auto& s : pipeline.stages()) out.push_back(s->info().full_name());
    return out;
  }

  // In-memory texts (str, bytes or None) with optional metadata columns (empty list = not given);
  // text i is line first_line + i of `source`, with the id "<line - 1>" unless ids are given.
  // Returns (Results, [error tuples], stats).
  py::tuple run_texts(const py::list& texts, const std::vector<std::string>& ids, const std::vector<std::string>& titles,
                      const std::vector<std::string>& urls, const std::vector<std::string>& published,
                      const std::string& source, uint64_t max_bytes, int64_t first_line) {
    const size_t n = texts.size();
    auto column = [&](const std::vector<std::string>& c, size_t i) { return c.size() == n ? c[i] : std::string(); };
    std::vector<ik::Document> docs;
    std::vector<std::optional<ik::ErrorRecord>> early(n);  // input problems, by position
    std::vector<size_t> doc_index;
    uint64_t bytes = 0;
    for (size_t i = 0; i < n; ++i) {
      const int64_t line = first_line + static_cast<int64_t>(i);  // 1-based position in the caller's input
      const std::string id = ids.size() == n ? ids[i] : std::to_string(line - 1);
      auto fail = [&](const char* code, const std::string& why) {
        early[i] = ik::ErrorRecord{source, line, id, code, source + ":" + std::to_string(line) + " (id " + id + "): " + why};
      };
      py::handle t = texts[i];
      std::string text;
      if (t.is_none()) {
        fail(ik::code::kMissingText, "no text");
        continue;
      } else if (PyBytes_Check(t.ptr())) {
        text = t.cast<std::string>();
      } else if (PyUnicode_Check(t.ptr())) {
        Py_ssize_t len = 0;
        const char* p = PyUnicode_AsUTF8AndSize(t.ptr(), &len);
        if (!p) {  // lone surrogates
          PyErr_Clear();
          fail(ik::code::kBadUtf8, "text is not encodable as UTF-8");
          continue;
        }
        text.assign(p, static_cast<size_t>(len));
      } else {
        fail(ik::code::kBadField, std::string("text is a ") + Py_TYPE(t.ptr())->tp_name + ", not str");
        continue;
      }
      bytes += text.size();
      if (text.size() > max_bytes) {
        fail(ik::code::kTooLarge, "document of " + std::to_string(text.size()) + " bytes is over the limit of " +
                                      std::to_string(max_bytes));
        continue;
      }
      try {
        text = ik::normalise_text(std::move(text), source, line);
      } catch (const ik::Error& e) {
        fail(e.code().c_str(), e.what());
        continue;
      }
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        fail(ik::code::kMissingText, "empty text");
        continue;
      }
      ik::Document d;
      d.id = id;
      d.text = std::move(text);
      d.title = column(titles, i);
      d.url = column(urls, i);
      d.published = column(published, i);
      d.source = source;
      d.line = line;
      docs.push_back(std::move(d));
      doc_index.push_back(i);
    }

    route_loggers(*registry);
    const auto started = std::chrono::steady_clock::now();
    std::vector<ik::DocResult> results;
    {
      py::gil_scoped_release nogil;
      results = pipeline.run_all(std::move(docs));
    }
    ik::RunStats stats;
    stats.documents = n;
    stats.bytes = bytes;
    auto kept = std::make_shared<Results>();
    py::list errors;
    size_t next = 0;
    for (size_t i = 0; i < n; ++i) {  // input order, errors in place
      if (early[i]) {
        ++stats.errors;
        errors.append(error_tuple(*early[i]));
        continue;
      }
      auto& r = results[next++];
      if (r.error) {
        ++stats.errors;
        errors.append(error_tuple(*r.error));
      } else {
        ++stats.processed;
        stats.incidents += r.incidents.size();
        kept->keep(r);
      }
    }
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    flush_logs();
    return py::make_tuple(kept, errors, stats_dict(stats));
  }

  // Files, folders or "-" streamed natively: reading, extraction and writing without Python.
  // output: "" = return the results (a Results), "-" = stdout, else a file. errors_path: "" = return
  // at most `keep_errors` error records, "-" = stdout, else a file. progress(stats) is called after
  // each batch, with the GIL.
  py::tuple run_paths(const std::vector<std::string>& paths, const std::string& text_column,
                      const std::string& id_column, const std::string& format, const std::string& output,
                      const std::string& errors_path, size_t keep_errors, uint64_t max_bytes,
                      const std::optional<py::function>& progress) {
    ik::LoadOptions lo;
    lo.text_column = text_column;
    lo.id_column = id_column;
    lo.max_document_bytes = max_bytes;
    auto reader = ik::open_documents(paths, lo);  // InputError before anything is read
    auto results = std::make_shared<Results>();
    std::unique_ptr<Output> out = output.empty() ? nullptr : std::make_unique<Output>(output);
    auto writer = out ? ik::make_writer(format, *out->out) : nullptr;
    std::unique_ptr<Output> err_out = errors_path.empty() ? nullptr : std::make_unique<Output>(errors_path);
    std::vector<ik::ErrorRecord> kept;

    auto sink = [&](ik::DocResult& r) {
      if (!r.error) {
        if (writer)
          writer->write(r);
        else
          results->keep(r);
      } else if (err_out) {
        *err_out->out << r.error->to_json().dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
      } else if (kept.size() < keep_errors) {
        kept.push_back(*r.error);
      }
    };
    // Runs on this thread between batches: lets Ctrl-C through and reports progress.
    auto on_batch = [&](const ik::RunStats& s) {
      py::gil_scoped_acquire gil;
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (progress) (*progress)(stats_dict(s));
    };
    route_loggers(*registry);
    ik::RunStats stats;
    {
      py::gil_scoped_release nogil;
      stats = pipeline.run_stream(*reader, sink, on_batch);
      if (writer) writer->finish();
    }
    if (out) out->finish(output);
    if (err_out) err_out->finish(errors_path);
    flush_logs();
    py::list errors;
    for (const auto& e : kept) errors.append(error_tuple(e));
    return py::make_tuple(out ? py::object(py::none()) : py::cast(results), errors, stats_dict(stats));
  }

  // One text, every mention: returns JSON {"published", "mentions": [...], "error": {...}|null}.
  std::string annotate(const std::string& text, const std::string& id, const std::string& published) {
    ik::Document d;
    d.id = id;
    d.source = "<python>";
    d.text = ik::normalise_text(text, d.source, 0);
    d.published = published;
    route_loggers(*registry);
    ik::DocResult r;
    {
      py::gil_scoped_release nogil;
      r = pipeline.run(std::move(d));
    }
    flush_logs();
    json mentions = json::array();
    for (const auto& m : r.mentions) mentions.push_back(m.to_json());
    return json{{"text", r.doc.text},
                {"published", r.doc.published},
                {"mentions", std::move(mentions)},
                {"error", r.error ? r.error->to_json() : json(nullptr)}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
  }
};

py::list registry_list(const ik::Registry& r) {
  py::list out;
  for (const auto& info : r.list()) {
    py::dict d;
    d["name"] = info.full_name();
    d["version"] = info.version;
    d["source"] = info.source;
    d["requires"] = info.requires_labels;
    d["assigns"] = info.assigns;
    d["default_config"] = info.default_config.dump();
    out.append(d);
  }
  return out;
}

}  // namespace

PYBIND11_MODULE(_native, m) {
  m.doc() = "incidentkit's C++ core (use the `incidentkit` package, not this module)";
  py::register_exception_translator(&translate_exception);

  py::class_<DocView>(m, "DocView")
      .def_property_readonly("text", [](const DocView& v) { return py::str(v.get().doc.text); })
      .def_property_readonly("id", [](const DocView& v) { return v.get().doc.id; })
      .def_property_readonly("title", [](const DocView& v) { return v.get().doc.title; })
      .def_property_readonly("url", [](const DocView& v) { return v.get().doc.url; })
      .def_property_readonly("source", [](const DocView& v) { return v.get().doc.source; })
      .def_property_readonly("published", [](const DocView& v) { return v.get().doc.published; })
      .def_property_readonly("line", [](const DocView& v) { return v.get().doc.line; })
      .def_property_readonly("meta_json", [](const DocView& v) { return v.get().doc.meta.dump(); })
      // Earlier stages' mentions (one label, or all when empty) as a JSON array.
      .def("mentions_json", [](const DocView& v, const std::string& label) {
        json out = json::array();
        for (const auto& mention : v.get().mentions)
          if (label.empty() || mention.label == label) out.push_back(mention.to_json());
        return out.dump(-1, ' ', false, json::error_handler_t::replace);
      });

  py::class_<ik::Registry, std::shared_ptr<ik::Registry>>(m, "Registry")
      .def(py::init([] {
        route_logger("incidentkit.plugin");
        return std::make_shared<ik::Registry>();
      }))
      .def("load_plugin",
           [](ik::Registry& r, const std::string& path) {
             route_logger("incidentkit.plugin");
             auto names = r.load_plugin(path);
             flush_logs();
             return names;
           })
      .def("load_plugin_path",
           [](ik::Registry& r) {
             route_logger("incidentkit.plugin");
             std::vector<std::string> failures;
             auto names = r.load_plugin_path(&failures);
             flush_logs();
             return py::make_tuple(names, failures);
           })
      .def("add_python",
           [](ik::Registry& r, const std::string& name, const std::string& version, std::vector<std::string> requires_,
              std::vector<std::string> assigns, const std::string& default_config, py::object make) {
             ik::ExtractorInfo info;
             info.name = name;
             info.version = version;
             info.requires_labels = std::move(requires_);
             info.assigns = std::move(assigns);
             info.source = "python";
             info.default_config = json::parse(default_config.empty() ? "{}" : default_config);
             r.add(std::make_shared<PyFactory>(std::move(info), std::move(make)));
           })
      .def("list", &registry_list);

  py::class_<Results, std::shared_ptr<Results>>(m, "Results")
      .def("__len__", [](const Results& r) { return r.docs.size(); });

  py::class_<NativePipeline>(m, "Pipeline")
      .def(py::init<std::shared_ptr<ik::Registry>, const std::vector<std::string>&, int, size_t, const std::string&>(),
           py::arg("registry"), py::arg("names"), py::arg("threads"), py::arg("batch_size"), py::arg("config_json"))
      .def_property_readonly("stages", &NativePipeline::stage_names)
      .def("run_texts", &NativePipeline::run_texts)
      .def("run_paths", &NativePipeline::run_paths)
      .def("annotate", &NativePipeline::annotate);

  m.def("default_chain", &ik::default_chain);
  m.def("acled_columns", &ik::acled_columns);
  m.def("write_results", &write_results, py::arg("parts"), py::arg("format"), py::arg("output"));
  m.def("flush_logs", &flush_logs);
}
