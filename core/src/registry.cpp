// The plugin host: the ik_host services, validation of what a plugin's entry point returns, adapters
// that turn C-ABI extractors into ik::Extractor, and the Registry (built-ins + plugin files).
#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "builtin_plugins.hpp"
#include "incidentkit/errors.hpp"
#include "incidentkit/pipeline.hpp"
#include "incidentkit/plugin_abi.h"
// (defined here: the shortcuts it declares for the built-ins are defined below)
#define IK_SDK_IN_PROCESS
#include "incidentkit/sdk.hpp"

namespace ik {
namespace {

// One logger per extractor ("incidentkit.dates"), shared by every registry in the process.
std::shared_ptr<spdlog::logger> logger_for(const std::string& name) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  const std::string full = "incidentkit." + name;
  if (auto existing = spdlog::get(full)) return existing;
  return spdlog::stderr_color_mt(full);
}

std::vector<std::string> split_labels(const char* s) {
  std::vector<std::string> out;
  std::istringstream in(s ? s : "");
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Names and versions: short, no spaces or dots in names, so "name.version" stays unambiguous.
bool valid_name(const char* s, bool allow_dot) {
  if (!s || !*s || std::strlen(s) > 64) return false;
  for (const char* p = s; *p; ++p) {
    const char c = *p;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || (allow_dot && c == '.');
    if (!ok) return false;
  }
  return true;
}

bool valid_iso_date(const char* s) {
  if (!s || std::strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool utf8_boundary(const std::string& text, uint64_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}


// Whether `s` is one JSON object and nothing else (white space aside): exactly what
// nlohmann::json::accept() decides for text starting with '{', without building anything. The host
// checks every mention's attrs, so this runs once per mention and must stay cheap.
// Bytes a JSON string holds as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlainStringByte = [] {
  std::array<bool, 256> t{};
  for (unsigned c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

bool is_json_object(const char* s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  auto skip_ws = [&] {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') ++p;
  };
  auto hex4 = [&](unsigned& v) {
    v = 0;
    for (int i = 0; i < 4; ++i, ++p) {
      const unsigned c = *p;
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return false;
    }
    return true;
  };
  auto string = [&] {  // at the opening quote
    ++p;
    for (;;) {
      while (kPlainStringByte[*p]) ++p;  // the common case, one test a byte
      const unsigned c = *p;
      if (c == '"') {
        ++p;
        return true;
      }
      if (c < 0x20) return false;  // control characters (and the end of the text)
      if (c == '\\') {
        ++p;
        const unsigned e = *p++;
        if (e == 'u') {
          unsigned v;
          if (!hex4(v)) return false;
          if (v >= 0xDC00 && v <= 0xDFFF) return false;  // a low surrogate alone
          if (v >= 0xD800 && v <= 0xDBFF) {               // must pair with a low one
            if (p[0] != '\\' || p[1] != 'u') return false;
            p += 2;
            if (!hex4(v) || v < 0xDC00 || v > 0xDFFF) return false;
          }
        } else if (!std::strchr("\"\\/bfnrt", static_cast<int>(e)) || e == 0) {
          return false;
        }
        continue;
      }
      if (c < 0x80) {
        ++p;
        continue;
      }
      // UTF-8, well-formed (RFC 3629), as nlohmann's lexer requires
      size_t len;
      unsigned lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) len = 2;
      else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      else return false;
      if (p[1] < lo || p[1] > hi) return false;
      for (size_t k = 2; k < len; ++k)
        if ((p[k] & 0xC0) != 0x80) return false;
      p += len;
    }
  };
  auto number = [&] {
    const unsigned char* from = p;
    if (*p == '-') ++p;
    if (*p == '0') {
      ++p;
    } else if (*p >= '1' && *p <= '9') {
      while (*p >= '0' && *p <= '9') ++p;
    } else {
      return false;
    }
    const bool long_int = p - from > 300;
    bool exponent = false;
    if (*p == '.') {
      ++p;
      if (!(*p >= '0' && *p <= '9')) return false;
      while (*p >= '0' && *p <= '9') ++p;
    }
    if (*p == 'e' || *p == 'E') {
      exponent = true;
      ++p;
      if (*p == '+' || *p == '-') ++p;
      if (!(*p >= '0' && *p <= '9')) return false;
      while (*p >= '0' && *p <= '9') ++p;
    }
    // nlohmann refuses numbers that overflow a double ("1e400"); only these forms can.
    if (exponent || long_int) return std::isfinite(std::strtod(reinterpret_cast<const char*>(from), nullptr));
    return true;
  };
  auto literal = [&](const char* word) {
    const size_t n = std::strlen(word);
    if (std::strncmp(reinterpret_cast<const char*>(p), word, n) != 0) return false;
    p += n;
    return true;
  };

  std::string open;  // the containers we are in: '{' or '['
  skip_ws();
  if (*p != '{') return false;
  // Each turn reads one value, then the separator or closing brackets after it.
  for (;;) {
    skip_ws();
    const unsigned c = *p;
    if (c == '{' || c == '[') {
      open.push_back(static_cast<char>(c));
      ++p;
      skip_ws();
      if (*p == (c == '{' ? '}' : ']')) {  // empty container: a complete value
        open.pop_back();
        ++p;
      } else if (c == '{') {
        if (*p != '"' || !string()) return false;
        skip_ws();
        if (*p++ != ':') return false;
        continue;
      } else {
        continue;
      }
    } else if (c == '"') {
      if (!string()) return false;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      if (!number()) return false;
    } else if (!(literal("true") || literal("false") || literal("null"))) {
      return false;
    }
    // After a value: ',' (next member or element), or close containers.
    for (;;) {
      skip_ws();
      if (open.empty()) return *p == 0;
      const char in = open.back();
      if (*p == ',') {
        ++p;
        if (in == '{') {
          skip_ws();
          if (*p != '"' || !string()) return false;
          skip_ws();
          if (*p++ != ':') return false;
        }
        break;
      }
      if (*p != (in == '{' ? '}' : ']')) return false;
      ++p;
      open.pop_back();
    }
  }
}
}  // namespace

// A loaded library (null handle for built-ins); extractors keep it alive while they exist.
struct PluginLibrary {
  void* handle = nullptr;
  std::string path;  // "built-in" or the file
  ~PluginLibrary() {
    if (handle) dlclose(handle);
  }
};

// What every call of one extractor shares: names and the logger.
struct ExtractorIdentity {
  std::string full_name;  // "dates.v1"
  std::string source;     // "built-in" or the plugin file
  std::shared_ptr<spdlog::logger> logger;
  // Compiled into this library (not loaded from a file): its attrs are not re-read on add (see
  // host_add_mention).
  bool built_in = false;
};

}  // namespace ik

namespace ik {
// The mentions one call adds, in chunks that never move: pointers handed out by get_mention stay valid
// while more are added. clear() keeps the chunks, so a reused ik_call (see CallLease) mostly allocates
// nothing; every field of a reused slot is overwritten by host_add_mention.
class AddedMentions {
 public:
  size_t size() const { return size_; }
  Mention& operator[](size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const Mention& operator[](size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  Mention& next_slot() {
    if (size_ == chunks_.size() * kChunk) chunks_.push_back(std::make_unique<Mention[]>(kChunk));
    return (*this)[size_++];
  }
  void clear() { size_ = 0; }

 private:
  static constexpr size_t kChunk = 16;
  std::vector<std::unique_ptr<Mention[]>> chunks_;
  size_t size_ = 0;
};
}  // namespace ik

// The per-call context behind the opaque ik_call: one per create()/process() call, so threads never
// share one. Mentions a call adds go to `added` and join the document only when process() succeeds.
struct ik_call {
  const ik::ExtractorIdentity* who = nullptr;
  ik::Document* doc = nullptr;                       // null outside process()
  const std::vector<ik::Mention>* earlier = nullptr;  // mentions of earlier stages
  ik::AddedMentions added;
  std::string published;  // set_published, applied after a successful process()
  int error_code = 0;
  std::string error;    // from set_error
  std::string refusal;  // why the host refused the last add_mention/set_published
};

namespace ik {
namespace {

// The entry point has no ik_call: during it, set_error(NULL, ...) and log(NULL, ...) land here.
thread_local ik_call* t_init_call = nullptr;

void host_set_error(ik_call* call, int code, const char* message) {
  if (!call) call = t_init_call;
  if (!call) return;
  call->error_code = code;
  call->error = message && *message ? message : "unknown error";
}

void host_log(ik_call* call, int level, const char* message) {
  if (!call) call = t_init_call;
  if (!call || !call->who || !message) return;
  auto& log = *call->who->logger;
  const std::string doc = call->doc ? " [doc " + call->doc->id + "]" : std::string();
  switch (level) {
    case IK_LOG_DEBUG: log.debug("{}{}", message, doc); break;
    case IK_LOG_INFO: log.info("{}{}", message, doc); break;
    case IK_LOG_WARN: log.warn("{}{}", message, doc); break;
    default: log.error("{}{}", message, doc); break;
  }
}

int refuse(ik_call* call, const std::string& why) {
  call->refusal = why;
  if (call->who) call->who->logger->debug("refused: {}", why);
  return IK_ERR_INPUT;
}

// The checks add_mention makes on a mention's parts: IK_OK, or refuse()'s code.
int check_mention(ik_call* call, uint64_t start, uint64_t end, const char* label, const char* attrs_json) {
  if (!label || !*label) return refuse(call, "mention without a label");
  const std::string& text = call->doc->text;
  if (start > end || end > text.size())
    return refuse(call, "span " + std::to_string(start) + ".." + std::to_string(end) + " of '" + label +
                            "' is outside the text (" + std::to_string(text.size()) + " bytes)");
  if (!utf8_boundary(text, start) || !utf8_boundary(text, end))
    return refuse(call, std::string("span of '") + label + "' splits a UTF-8 character");
  // The attrs must be one JSON object. The built-in extractors write theirs with the SDK's JSON helpers
  // (or nlohmann's dump()), and re-reading each of them cost several percent of a run, so release builds
  // take them as written; plugin files are always checked, debug builds check the built-ins too.
#ifdef NDEBUG
  const bool check_attrs = !(call->who && call->who->built_in);
#else
  const bool check_attrs = true;
#endif
  if (check_attrs && attrs_json && *attrs_json && !is_json_object(attrs_json))
    return refuse(call, std::string("attrs of '") + label + "' are not a JSON object");
  return IK_OK;
}

// The slot of the next mention the call adds, its extractor set. The slot may hold an earlier call's
// mention: the caller sets every other field.
Mention& next_mention(ik_call* call) {
  Mention& out = call->added.next_slot();
  if (call->who) out.extractor = call->who->full_name;
  else out.extractor.clear();
  return out;
}

int host_add_mention(ik_call* call, const ik_mention* in) {
  if (!call) return IK_ERR_GENERIC;
  if (!call->doc) return refuse(call, "add_mention outside process()");
  if (!in) return refuse(call, "null mention");
  // Structs from a newer ABI are refused; older (smaller) ones are zero-filled.
  if (in->struct_size > sizeof(ik_mention))
    return refuse(call, "ik_mention struct_size " + std::to_string(in->struct_size) + " is larger than the host's " +
                            std::to_string(sizeof(ik_mention)));
  if (in->struct_size < offsetof(ik_mention, label) + sizeof(const char*))
    return refuse(call, "ik_mention struct_size " + std::to_string(in->struct_size) + " is too small");
  ik_mention m{};
  std::memcpy(&m, in, in->struct_size);
  if (const int rc = check_mention(call, m.start, m.end, m.label, m.attrs_json); rc != IK_OK) return rc;
  // Written in place. Its strings were usually moved out with the slot's earlier mention: building each
  // outright and moving it in costs less than assign()'s general replace path.
  Mention& out = next_mention(call);
  auto set_text = [](std::string& field, const char* text) {
    if (text) field = std::string(text);
    else field.clear();
  };
  out.start = m.start;
  out.end = m.end;
  set_text(out.label, m.label);
  set_text(out.value, m.value);
  out.number = m.number;
  out.low = m.low;
  out.high = m.high;
  set_text(out.attrs_json, m.attrs_json);
  out.confidence = m.confidence;
  return IK_OK;
}

uint64_t host_mention_count(ik_call* call) {
  if (!call || !call->earlier) return 0;
  return call->earlier->size() + call->added.size();
}

int host_get_mention(ik_call* call, uint64_t index, ik_mention* out) {
  if (!call || !call->earlier || !out || out->struct_size == 0) return IK_ERR_GENERIC;
  const size_t n_earlier = call->earlier->size();
  if (index >= n_earlier + call->added.size()) return IK_ERR_GENERIC;
  const Mention& m = index < n_earlier ? (*call->earlier)[index] : call->added[index - n_earlier];
  auto fill = [&](ik_mention& c, size_t size) {
    c.struct_size = static_cast<uint32_t>(size);
    c.reserved = 0;
    c.start = m.start;
    c.end = m.end;
    c.label = m.label.c_str();
    c.value = m.value.empty() ? nullptr : m.value.c_str();
    c.number = m.number;
    c.low = m.low;
    c.high = m.high;
    c.attrs_json = m.attrs_json.empty() ? nullptr : m.attrs_json.c_str();
    c.confidence = m.confidence;
    c.extractor = m.extractor.c_str();
  };
  // A caller with this host's struct (the usual case, a few times per mention and stage) is filled in
  // place; an older, smaller one gets only as much as it holds.
  if (out->struct_size >= sizeof(ik_mention)) {
    fill(*out, sizeof(ik_mention));
    return IK_OK;
  }
  ik_mention local{};
  const size_t size = out->struct_size;
  fill(local, size);
  std::memcpy(out, &local, size);
  return IK_OK;
}

int host_set_published(ik_call* call, const char* iso_date) {
  if (!call) return IK_ERR_GENERIC;
  if (!call->doc) return refuse(call, "set_published outside process()");
  if (!valid_iso_date(iso_date)) return refuse(call, std::string("set_published: not YYYY-MM-DD: ") + (iso_date ? iso_date : "(null)"));
  call->published = iso_date;
  return IK_OK;
}

const ik_host kHost = {sizeof(ik_host),  IK_ABI_MAJOR,       IK_ABI_MINOR,       0,
                       &host_set_error,  &host_log,          &host_add_mention,  &host_mention_count,
                       &host_get_mention, &host_set_published};

// A host string as a plugin reads it through the C ABI: up to its first NUL byte.
std::string_view c_view(const std::string& s) {
  const void* nul = std::memchr(s.data(), 0, s.size());
  return {s.data(), nul ? size_t(static_cast<const char*>(nul) - s.data()) : s.size()};
}

}  // namespace
}  // namespace ik

// sdk.hpp's shortcut for the extractors compiled into this library (IK_SDK_IN_PROCESS): add_mention on a
// C++ object, with the same checks and result, the plugin's strings moved rather than copied through C
// strings. -1: `host` is not this library's, use the C ABI.
namespace ik::sdk::detail {

int in_process_add(const ik_host* host, ik_call* call, sdk::Mention& m) {
  if (host != &ik::kHost) return -1;
  if (!call) return IK_ERR_GENERIC;
  if (!call->doc) return ik::refuse(call, "add_mention outside process()");
  const int rc = ik::check_mention(call, m.start, m.end, m.label.c_str(),
                                   m.attrs_json.empty() ? nullptr : m.attrs_json.c_str());
  if (rc != IK_OK) return rc;
  ik::Mention& out = ik::next_mention(call);
  auto take = [](std::string& field, std::string& from) {
    const size_t size = ik::c_view(from).size();  // what the C string would hold
    field = std::move(from);
    field.resize(size);
  };
  out.start = m.start;
  out.end = m.end;
  take(out.label, m.label);
  take(out.value, m.value);
  out.number = m.number;
  out.low = m.low;
  out.high = m.high;
  take(out.attrs_json, m.attrs_json);
  out.confidence = m.confidence;
  return IK_OK;
}

}  // namespace ik::sdk::detail

namespace ik {
namespace {

std::string call_error(const ik_call& call, int rc) {
  std::string msg = call.error.empty() ? "returned error code " + std::to_string(rc) : call.error;
  if (!call.refusal.empty()) msg += " (host refused: " + call.refusal + ")";
  return msg;
}

// An ik_call for one process() call, taken from a per-thread pool and given back cleared, so the
// buffers of its mentions are reused from call to call. A pool rather than one object per thread: a
// stage may run a pipeline inside its own process() (a Python extractor, say).
struct CallLease {
  CallLease() : call(take()) {}
  ~CallLease() {
    call.who = nullptr;
    call.doc = nullptr;
    call.earlier = nullptr;
    call.added.clear();
    call.published.clear();
    call.error_code = 0;
    call.error.clear();
    call.refusal.clear();
    try {
      pool().emplace_back(&call);
    } catch (...) {  // no memory to keep it: not worth failing for
      delete &call;
    }
  }
  CallLease(const CallLease&) = delete;
  CallLease& operator=(const CallLease&) = delete;
  ik_call& call;

 private:
  static std::vector<std::unique_ptr<ik_call>>& pool() {
    thread_local std::vector<std::unique_ptr<ik_call>> calls;
    return calls;
  }
  static ik_call& take() {
    auto& calls = pool();
    if (calls.empty()) return *new ik_call;
    ik_call* c = calls.back().release();
    calls.pop_back();
    return *c;
  }
};

// A configured C-ABI extractor instance.
class CAbiExtractor final : public Extractor {
 public:
  CAbiExtractor(ExtractorInfo info, const ik_extractor& desc, std::shared_ptr<const ExtractorIdentity> who,
                std::shared_ptr<PluginLibrary> lib, void* state)
      : info_(std::move(info)), desc_(desc), who_(std::move(who)), lib_(std::move(lib)), state_(state) {}
  ~CAbiExtractor() override { desc_.destroy(state_); }

  const ExtractorInfo& info() const override { return info_; }

  void process(DocContext& ctx) const override {
    CallLease lease;
    ik_call& call = lease.call;
    call.who = who_.get();
    call.doc = &ctx.doc;
    call.earlier = &ctx.mentions;
    const Document& d = ctx.doc;
    const std::string meta = d.meta.empty() ? std::string() : d.meta.dump();
    ik_document doc{};
    doc.struct_size = sizeof(ik_document);
    doc.id = d.id.c_str();
    doc.text = d.text.c_str();
    doc.text_len = d.text.size();
    doc.title = d.title.empty() ? nullptr : d.title.c_str();
    doc.source = d.source.empty() ? nullptr : d.source.c_str();
    doc.url = d.url.empty() ? nullptr : d.url.c_str();
    doc.published = d.published.empty() ? nullptr : d.published.c_str();
    doc.meta_json = meta.empty() ? nullptr : meta.c_str();
    const int rc = desc_.process(state_, &kHost, &call, &doc);
    if (rc != IK_OK)
      throw ExtractionError(code::kExtractor, info_.full_name() + " (" + info_.source + "): " + call_error(call, rc));
    auto& mentions = ctx.mentions;
    const size_t n = call.added.size();
    if (mentions.capacity() < mentions.size() + n)  // grow geometrically, as insert() would
      mentions.reserve(std::max(mentions.size() + n, 2 * mentions.capacity()));
    for (size_t i = 0; i < n; ++i) mentions.push_back(std::move(call.added[i]));
    if (!call.published.empty() && ctx.doc.published.empty()) ctx.doc.published = call.published;
  }

 private:
  ExtractorInfo info_;
  ik_extractor desc_;
  std::shared_ptr<const ExtractorIdentity> who_;
  std::shared_ptr<PluginLibrary> lib_;
  void* state_;
};

class CAbiFactory final : public ExtractorFactory {
 public:
  CAbiFactory(ExtractorInfo info, const ik_extractor& desc, std::shared_ptr<PluginLibrary> lib)
      : info_(std::move(info)), desc_(desc), lib_(std::move(lib)) {
    auto who = std::make_shared<ExtractorIdentity>();
    who->full_name = info_.full_name();
    who->source = info_.source;
    who->logger = logger_for(info_.name);
    who->built_in = lib_ && !lib_->handle;  // the built-ins' "library" has no handle
    who_ = std::move(who);
  }

  const ExtractorInfo& info() const override { return info_; }

  std::shared_ptr<Extractor> create(const nlohmann::json& config) const override {
    ik_call call;
    call.who = who_.get();
    const std::string text = config.dump();
    void* state = desc_.create(&kHost, &call, text.c_str());
    if (!state) {
      const std::string why = call.error.empty() ? "create() returned no state and gave no reason"
                                                 : call_error(call, call.error_code);
      throw PluginError(code::kPluginInit, "extractor " + info_.full_name() + " (" + info_.source +
                                               ") failed to start: " + why);
    }
    return std::make_shared<CAbiExtractor>(info_, desc_, who_, lib_, state);
  }

 private:
  ExtractorInfo info_;
  ik_extractor desc_;
  std::shared_ptr<PluginLibrary> lib_;
  std::shared_ptr<const ExtractorIdentity> who_;
};

}  // namespace

struct Registry::Impl {
  std::map<std::string, std::shared_ptr<ExtractorFactory>> by_name;
  std::vector<std::shared_ptr<ExtractorFactory>> in_order;  // registration order, for list()

  // Calls an entry point, validates everything it returns and registers its extractors (all or none).
  std::vector<std::string> register_plugin(ik_plugin_init_fn init, std::shared_ptr<PluginLibrary> lib,
                                           const std::string& entry) {
    const std::string& where = lib->path;
    auto fail = [&](const char* code, const std::string& why) -> PluginError {
      return PluginError(code, "plugin " + where + ": " + why);
    };
    ik_call call;
    auto who = std::make_shared<ExtractorIdentity>();
    who->full_name = entry;
    who->source = where;
    who->logger = logger_for("plugin");
    call.who = who.get();
    ik_plugin plugin{};
    plugin.struct_size = sizeof(ik_plugin);
    t_init_call = &call;
    const int rc = init(&kHost, &plugin);
    t_init_call = nullptr;
    if (rc != IK_OK) throw fail(code::kPluginInit, entry + "() failed: " + call_error(call, rc));
    if (plugin.struct_size == 0 || plugin.struct_size > sizeof(ik_plugin))
      throw fail(code::kPluginInvalid, "ik_plugin struct_size " + std::to_string(plugin.struct_size) +
                                           " (host: " + std::to_string(sizeof(ik_plugin)) + ")");
    const std::string versions = "plugin ABI " + std::to_string(plugin.abi_major) + "." +
                                 std::to_string(plugin.abi_minor) + ", host ABI " + std::to_string(IK_ABI_MAJOR) +
                                 "." + std::to_string(IK_ABI_MINOR);
    if (plugin.abi_major != IK_ABI_MAJOR) throw fail(code::kPluginVersion, "incompatible major version: " + versions);
    if (plugin.abi_minor > IK_ABI_MINOR)
      throw fail(code::kPluginVersion, "built for a newer ABI than this host: " + versions);
    if (!valid_name(plugin.name, false)) throw fail(code::kPluginInvalid, "missing or invalid plugin name");
    if (plugin.extractor_count > 0 && !plugin.extractors)
      throw fail(code::kPluginInvalid, "extractor list is null");

    std::vector<std::shared_ptr<ExtractorFactory>> found;
    std::vector<std::string> names;
    for (uint32_t i = 0; i < plugin.extractor_count; ++i) {
      const ik_extractor* raw = plugin.extractors[i];
      const std::string which = "extractor #" + std::to_string(i);
      if (!raw) throw fail(code::kPluginInvalid, which + " is null");
      if (raw->struct_size == 0 || raw->struct_size > sizeof(ik_extractor))
        throw fail(code::kPluginInvalid, which + ": ik_extractor struct_size " + std::to_string(raw->struct_size) +
                                             " (host: " + std::to_string(sizeof(ik_extractor)) + ")");
      ik_extractor desc{};
      std::memcpy(&desc, raw, raw->struct_size);
      if (!valid_name(desc.name, false)) throw fail(code::kPluginInvalid, which + ": missing or invalid name");
      if (!valid_name(desc.version, true))
        throw fail(code::kPluginInvalid, which + " (" + desc.name + "): missing or invalid version");
      ExtractorInfo info;
      info.name = desc.name;
      info.version = desc.version;
      info.source = where;
      const std::string full = info.full_name();
      if (!desc.create || !desc.destroy || !desc.process)
        throw fail(code::kPluginInvalid, full + ": create, destroy and process must all be set");
      info.requires_labels = split_labels(desc.requires_labels);
      info.assigns = split_labels(desc.assigns);
      if (desc.default_config && *desc.default_config) {
        auto cfg = nlohmann::json::parse(desc.default_config, nullptr, false);
        if (cfg.is_discarded() || !cfg.is_object())
          throw fail(code::kPluginInvalid, full + ": default_config is not a JSON object");
        info.default_config = std::move(cfg);
      }
      if (by_name.count(full) || std::find(names.begin(), names.end(), full) != names.end()) {
        const std::string other = by_name.count(full) ? by_name.at(full)->info().source : where;
        throw fail(code::kPluginDuplicate, "extractor " + full + " is already registered (from " + other + ")");
      }
      names.push_back(full);
      found.push_back(std::make_shared<CAbiFactory>(std::move(info), desc, lib));
    }
    for (auto& f : found) {
      by_name[f->info().full_name()] = f;
      in_order.push_back(f);
    }
    return names;
  }
};

Registry::Registry() : Registry(true) {}

Registry::Registry(bool with_builtins) : impl_(std::make_unique<Impl>()) {
  if (!with_builtins) return;
  auto builtin = std::make_shared<PluginLibrary>();
  builtin->path = "built-in";
  for (const auto& p : builtin_plugins()) impl_->register_plugin(p.init, builtin, std::string(p.name) + "_init");
}

Registry::~Registry() = default;

std::vector<std::string> Registry::load_plugin(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw PluginError(code::kPluginLoad, "plugin " + path + ": no such file");
  // A bare file name would make dlopen search the library path instead of opening this file.
  const std::string open_path = path.find('/') == std::string::npos ? "./" + path : path;
  dlerror();
  void* handle = dlopen(open_path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw PluginError(code::kPluginLoad, "plugin " + path + ": cannot load: " + (why ? why : "unknown dlopen error"));
  }
  auto lib = std::make_shared<PluginLibrary>();
  lib->handle = handle;
  lib->path = path;

  // libfoo.so / foo.so export foo_init; ik_plugin_init is the generic fallback.
  std::string stem = fs::path(path).filename().string();
  stem = stem.substr(0, stem.find('.'));
  if (stem.rfind("lib", 0) == 0) stem = stem.substr(3);
  const std::string named = stem + "_init";
  std::string entry = named;
  void* sym = dlsym(handle, named.c_str());
  if (!sym) {
    entry = "ik_plugin_init";
    sym = dlsym(handle, entry.c_str());
  }
  if (!sym)
    throw PluginError(code::kPluginSymbol,
                      "plugin " + path + ": no entry point (looked for " + named + " and ik_plugin_init)");
  return impl_->register_plugin(reinterpret_cast<ik_plugin_init_fn>(sym), lib, entry);
}

std::vector<std::string> Registry::load_plugin_path(std::vector<std::string>* failures) {
  namespace fs = std::filesystem;
  std::vector<std::string> added;
  const char* env = std::getenv("INCIDENTKIT_PLUGIN_PATH");
  if (!env || !*env || std::string(env) == "disable") return added;
  auto log = logger_for("plugin");
  auto failed = [&](const std::string& msg) {
    log->warn("{}", msg);
    if (failures) failures->push_back(msg);
  };
  std::stringstream dirs(env);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      failed("INCIDENTKIT_PLUGIN_PATH: " + dir + " is not a directory");
      continue;
    }
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const auto ext = entry.path().extension().string();
      if (entry.is_regular_file(ec) && (ext == ".so" || ext == ".dylib")) files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());  // deterministic load order
    for (const auto& f : files) {
      try {
        auto names = load_plugin(f);
        added.insert(added.end(), names.begin(), names.end());
      } catch (const Error& e) {
        failed(e.what());
      }
    }
  }
  return added;
}

void Registry::add(std::shared_ptr<ExtractorFactory> factory) {
  if (!factory) throw PluginError(code::kPluginInvalid, "null extractor factory");
  const std::string full = factory->info().full_name();
  if (impl_->by_name.count(full))
    throw PluginError(code::kPluginDuplicate, "extractor " + full + " is already registered (from " +
                                                  impl_->by_name.at(full)->info().source + ")");
  impl_->by_name[full] = factory;
  impl_->in_order.push_back(std::move(factory));
}

std::shared_ptr<ExtractorFactory> Registry::find(const std::string& full_name) const {
  auto it = impl_->by_name.find(full_name);
  return it == impl_->by_name.end() ? nullptr : it->second;
}

std::vector<ExtractorInfo> Registry::list() const {
  std::vector<ExtractorInfo> out;
  for (const auto& f : impl_->in_order) out.push_back(f->info());
  return out;
}

std::vector<std::string> default_chain() {
  return {"sentences.v1", "dates.v1",   "places.v1", "casualties.v1", "actors.v1",
          "weapons.v1",   "targets.v1", "events.v1", "incidents.v1"};
}

}  // namespace ik
