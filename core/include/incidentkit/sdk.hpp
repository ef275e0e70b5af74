// incidentkit plugin SDK: header-only C++ over plugin_abi.h.
//
// Write an extractor as an ordinary C++ class and let IK_PLUGIN generate the C entry point:
//
//   struct Shouting {
//     static constexpr const char* name = "shouting", *version = "v1",
//         *requires_labels = "", *assigns = "shout", *default_config = "{}";
//     explicit Shouting(const ik::sdk::Config& cfg);        // may throw: reported as a config error
//     void process(ik::sdk::Doc& doc) const;                // may throw: reported, the document fails
//   };
//   IK_PLUGIN(shouting, "1.0.0", Shouting)
//
// (`requires_labels`, not `requires`: that is a C++20 keyword.)
// Every call is wrapped in try/catch; exceptions never cross the C boundary. process() runs on
// several threads at once, so it must only read the extractor's state.
#pragma once

#include <cmath>
#include <exception>
#include <initializer_list>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "incidentkit/plugin_abi.h"

namespace ik::sdk {

using Config = nlohmann::json;
inline constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// Thrown inside a plugin to fail with a specific ABI status code.
struct PluginError : std::runtime_error {
  int code;
  PluginError(int c, const std::string& m) : std::runtime_error(m), code(c) {}
};

// A mention as a plugin builds it (owning strings).
struct Mention {
  uint64_t start = 0, end = 0;
  std::string label;
  std::string value;
  double number = kNone, low = kNone, high = kNone;
  std::string attrs_json;  // empty: none
  double confidence = 1.0;
};

// A mention read back from the host (views valid during the current process() call).
struct MentionView {
  uint64_t start = 0, end = 0;
  std::string_view label, value, attrs_json, extractor;
  double number = kNone, low = kNone, high = kNone, confidence = 0;
  bool has_number() const { return !std::isnan(number); }
  nlohmann::json attrs() const {
    return attrs_json.empty() ? nlohmann::json::object() : nlohmann::json::parse(attrs_json);
  }
  // Only the named top-level attributes, and only those with plain values (string, number, bool, null):
  // as attrs() for them, but several times cheaper since nothing else is built. For hot loops.
  nlohmann::json attrs(std::initializer_list<std::string_view> keys) const;
};

namespace detail {
// SAX handler behind MentionView::attrs(keys): keeps wanted top-level scalars, skips the rest.
class AttrPicker final : public nlohmann::json_sax<nlohmann::json> {
 public:
  AttrPicker(std::initializer_list<std::string_view> keys, nlohmann::json& out) : keys_(keys), out_(out) {}
  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return put(v); }
  bool number_unsigned(number_unsigned_t v) override { return put(v); }
  bool number_float(number_float_t v, const string_t&) override { return put(v); }
  bool string(string_t& v) override { return put(std::move(v)); }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return open(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_object() override { return --depth_, true; }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& k) override {
    wanted_ = false;
    if (depth_ != 1) return true;
    for (auto w : keys_)
      if (w == k) {
        wanted_ = true;
        key_ = std::move(k);
        break;
      }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  template <class V>
  bool put(V&& v) {
    if (depth_ == 1 && wanted_) out_[key_] = std::forward<V>(v);  // the last duplicate wins, as in parse()
    wanted_ = false;
    return true;
  }
  bool open() {
    if (depth_ == 1 && wanted_) out_.erase(key_);  // a container replaces an earlier plain value
    wanted_ = false;
    return ++depth_, true;
  }
  std::initializer_list<std::string_view> keys_;
  nlohmann::json& out_;
  std::string key_;
  int depth_ = 0;
  bool wanted_ = false;
};
}  // namespace detail

inline nlohmann::json MentionView::attrs(std::initializer_list<std::string_view> keys) const {
  nlohmann::json out = nlohmann::json::object();
  if (attrs_json.empty()) return out;
  detail::AttrPicker picker(keys, out);
  if (!nlohmann::json::sax_parse(attrs_json, &picker)) {
    const auto throws_as_attrs_does = nlohmann::json::parse(attrs_json);
    (void)throws_as_attrs_does;
  }
  return out;
}

// The document being processed, with the host's services.
class Doc {
 public:
  Doc(const ik_host* host, ik_call* call, const ik_document* doc) : host_(host), call_(call), doc_(doc) {}

  std::string_view text() const { return {doc_->text, static_cast<size_t>(doc_->text_len)}; }
  std::string_view id() const { return doc_->id ? doc_->id : ""; }
  std::string_view title() const { return doc_->title ? doc_->title : ""; }
  // "YYYY-MM-DD" or empty when unknown.
  std::string_view published() const { return doc_->published ? doc_->published : ""; }

  void add(const Mention& m) const {
    ik_mention c{};
    c.struct_size = sizeof(ik_mention);
    c.start = m.start;
    c.end = m.end;
    c.label = m.label.c_str();
    c.value = m.value.empty() ? nullptr : m.value.c_str();
    c.number = m.number;
    c.low = m.low;
    c.high = m.high;
    c.attrs_json = m.attrs_json.empty() ? nullptr : m.attrs_json.c_str();
    c.confidence = m.confidence;
    if (host_->add_mention(call_, &c) != IK_OK)
      throw PluginError(IK_ERR_INTERNAL, "host refused mention '" + m.label + "'");
  }

  // All mentions so far, optionally only those with one label, in the order they were added.
  std::vector<MentionView> mentions(std::string_view label = {}) const {
    std::vector<MentionView> out;
    const uint64_t n = host_->mention_count(call_);
    for (uint64_t i = 0; i < n; ++i) {
      ik_mention c{};
      c.struct_size = sizeof(ik_mention);
      if (host_->get_mention(call_, i, &c) != IK_OK) continue;
      std::string_view lab = c.label ? c.label : "";
      if (!label.empty() && lab != label) continue;
      MentionView v;
      v.start = c.start;
      v.end = c.end;
      v.label = lab;
      v.value = c.value ? c.value : "";
      v.attrs_json = c.attrs_json ? c.attrs_json : "";
      v.extractor = c.extractor ? c.extractor : "";
      v.number = c.number;
      v.low = c.low;
      v.high = c.high;
      v.confidence = c.confidence;
      out.push_back(v);
    }
    return out;
  }

  void set_published(const std::string& iso) const { host_->set_published(call_, iso.c_str()); }
  void log(int level, const std::string& msg) const { host_->log(call_, level, msg.c_str()); }

 private:
  const ik_host* host_;
  ik_call* call_;
  const ik_document* doc_;
};

namespace detail {

inline int report(const ik_host* host, ik_call* call, int code, const char* what) {
  host->set_error(call, code, what);
  return code;
}

template <class T>
struct Thunks {
  static void* create(const ik_host* host, ik_call* call, const char* config_json) {
    try {
      Config cfg = (config_json && *config_json) ? Config::parse(config_json) : Config::object();
      return new T(cfg);
    } catch (const PluginError& e) {
      report(host, call, e.code, e.what());
    } catch (const std::exception& e) {
      report(host, call, IK_ERR_CONFIG, e.what());
    } catch (...) {
      report(host, call, IK_ERR_INTERNAL, "unknown exception in create()");
    }
    return nullptr;
  }
  static void destroy(void* state) noexcept { delete static_cast<T*>(state); }
  static int process(void* state, const ik_host* host, ik_call* call, const ik_document* doc) {
    try {
      Doc d(host, call, doc);
      static_cast<const T*>(state)->process(d);
      return IK_OK;
    } catch (const PluginError& e) {
      return report(host, call, e.code, e.what());
    } catch (const std::exception& e) {
      return report(host, call, IK_ERR_INTERNAL, e.what());
    } catch (...) {
      return report(host, call, IK_ERR_INTERNAL, "unknown exception in process()");
    }
  }
  static const ik_extractor* descriptor() {
    static const ik_extractor d = {sizeof(ik_extractor), 0, T::name, T::version, T::requires_labels,
                                   T::assigns,
                                   T::default_config, &create, &destroy, &process};
    return &d;
  }
};

template <class... Ts>
inline int fill_plugin(ik_plugin* out, const char* name, const char* version) {
  static const ik_extractor* const list[] = {Thunks<Ts>::descriptor()...};
  out->abi_major = IK_ABI_MAJOR;
  out->abi_minor = IK_ABI_MINOR;
  out->name = name;
  out->version = version;
  out->extractor_count = sizeof...(Ts);
  out->extractors = list;
  return IK_OK;
}

}  // namespace detail
}  // namespace ik::sdk

// Generates `extern "C" int NAME_init(const ik_host*, ik_plugin*)`. In a loadable build
// (IK_PLUGIN_LOADABLE defined) it also exports the generic `ik_plugin_init`.
#ifdef IK_PLUGIN_LOADABLE
#define IK_PLUGIN_GENERIC_ENTRY(NAME)                                                   \
  extern "C" IK_EXPORT int ik_plugin_init(const ik_host* host, ik_plugin* out) {       \
    return NAME##_init(host, out);                                                      \
  }
#else
#define IK_PLUGIN_GENERIC_ENTRY(NAME)
#endif

#define IK_PLUGIN(NAME, VERSION, ...)                                                      \
  extern "C" IK_EXPORT int NAME##_init(const ik_host* host, ik_plugin* out) {             \
    (void)host;                                                                            \
    try {                                                                                  \
      return ::ik::sdk::detail::fill_plugin<__VA_ARGS__>(out, #NAME, VERSION);            \
    } catch (...) {                                                                        \
      return IK_ERR_INTERNAL;                                                              \
    }                                                                                      \
  }                                                                                        \
  IK_PLUGIN_GENERIC_ENTRY(NAME)
