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

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "incidentkit/plugin_abi.h"

// The scanners' small steps, inlined into their loops even where the compiler would call them.
#if defined(__GNUC__)
#define IK_SDK_INLINE __attribute__((always_inline)) inline
#else
#define IK_SDK_INLINE inline
#endif

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

// Writing JSON text by hand, byte for byte as nlohmann's dump() (compact, ensure_ascii off) writes the
// same values: for hot paths that would otherwise build a nlohmann::json only to dump it.
namespace json_text {

// Bytes a JSON string holds as they are: printable ASCII but the quote and the backslash. The scanners
// below skip runs of them with one test a byte.
inline constexpr std::array<bool, 256> kPlainStringByte = [] {
  std::array<bool, 256> t{};
  for (unsigned c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();
inline bool plain_byte(char c) { return kPlainStringByte[static_cast<unsigned char>(c)]; }

// The first byte in [p, end) that is not plain (end if none): eight bytes a step where it can, since
// JSON text is mostly plain bytes and this is the scanners' inner loop.
inline const char* skip_plain(const char* p, const char* end) {
#if defined(__SSE2__) && defined(__GNUC__)
  // Sixteen bytes a step: a signed compare below 0x20 marks control characters and non-ASCII bytes alike.
  const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i marked =
        _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (const int mask = _mm_movemask_epi8(marked)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    // A byte's high bit ends up set when it is a control character, '"', '\\' or not ASCII. The
    // subtractions borrow only from such a byte into the ones after it, so the lowest marked byte is
    // the first that is not plain.
    const uint64_t marked =
        (w | (w - kOnes * 0x20) | ((w ^ (kOnes * '"')) - kOnes) | ((w ^ (kOnes * '\\')) - kOnes)) & kHighs;
    if (marked) return p + (__builtin_ctzll(marked) >> 3);
    p += 8;
  }
#endif
  while (p != end && plain_byte(*p)) ++p;
  return p;
}

// Length of the well-formed UTF-8 character (RFC 3629, as nlohmann's decoder demands) at s[i], 0 if none.
inline size_t utf8_length(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = at(0);
  if (c < 0x80) return i < s.size() ? 1 : 0;
  size_t len;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (at(1) < lo || at(1) > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if ((at(k) & 0xC0) != 0x80) return 0;
  return len;
}

// Appends s as a JSON string. Returns false, appending nothing, when s is not valid UTF-8 (which dump()
// refuses or replaces: the caller decides).
inline bool append_string(std::string& out, std::string_view s) {
  const size_t mark = out.size();
  out += '"';
  size_t plain = 0;  // start of the run of bytes copied as they are
  for (size_t i = 0; i < s.size();) {
    i = size_t(skip_plain(s.data() + i, s.data() + s.size()) - s.data());
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = utf8_length(s, i);
      if (n == 0) {
        out.resize(mark);
        return false;
      }
      i += n;
      continue;
    }
    out.append(s.data() + plain, i - plain);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: {
        static const char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    plain = ++i;
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
  return true;
}

// As append_string, but invalid UTF-8 throws what dump() throws.
inline void append_string_or_throw(std::string& out, std::string_view s) {
  if (!append_string(out, s)) out += nlohmann::json(std::string(s)).dump();
}

inline void append_integer(std::string& out, long long v) { out += std::to_string(v); }
inline void append_unsigned(std::string& out, unsigned long long v) { out += std::to_string(v); }
// A double as a JSON number (nlohmann's shortest round-trip form: 36.0, 0.125, 1e+20); NaN/inf -> null.
inline void append_double(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  char buf[64];
  out.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, x));
}

}  // namespace json_text

// A mention's plain top-level attributes read in one pass over the text, nothing built: for hot loops
// that read a few attributes of every mention. Reads exactly what attrs() gives (the last duplicate key
// wins; invalid text throws attrs()'s parse error); text beyond the simple forms (escapes, exponents,
// very deep or very wide objects) is handed to attrs() itself.
class AttrReader {
 public:
  explicit AttrReader(std::string_view attrs_json) {
    if (attrs_json.empty()) return;
    if (attrs_json.size() > 0xFFFFFFFFu || !scan(attrs_json.data(), attrs_json.data() + attrs_json.size())) {
      n_ = 0;
      parsed_ = std::make_unique<nlohmann::json>(nlohmann::json::parse(attrs_json));  // throws as attrs() does
    }
  }
  // The string value, or "" when absent or not a string.
  std::string_view str(std::string_view key) const {
    if (parsed_) {
      auto it = parsed_->find(key);
      return it != parsed_->end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : "";
    }
    const Member* m = find(key);
    return m && m->kind == '"' ? std::string_view(m->raw + 1, m->raw_len - 2) : std::string_view();
  }
  // True only for the value true.
  bool flag(std::string_view key) const {
    if (parsed_) {
      auto it = parsed_->find(key);
      return it != parsed_->end() && it->is_boolean() && it->get<bool>();
    }
    const Member* m = find(key);
    return m && m->kind == 't';
  }
  // The number, or NaN when absent or not a number.
  double number(std::string_view key) const {
    if (parsed_) {
      auto it = parsed_->find(key);
      return it != parsed_->end() && it->is_number() ? it->get<double>() : kNone;
    }
    const Member* m = find(key);
    if (!m || m->kind != '0') return kNone;
    // Correct rounding, as parse() gives for floats (strtod); for integers it equals their conversion.
    double x = kNone;
    if (short_decimal(m->raw, m->raw + m->raw_len, x)) return x;
#if defined(__cpp_lib_to_chars)
    std::from_chars(m->raw, m->raw + m->raw_len, x);
#else
    char buf[400];
    if (m->raw_len >= sizeof buf) return nlohmann::json::parse(std::string_view(m->raw, m->raw_len)).get<double>();
    std::memcpy(buf, m->raw, m->raw_len);
    buf[m->raw_len] = '\0';
    x = std::strtod(buf, nullptr);
#endif
    return x;
  }

 private:
  // Plain data (no initialisers): a reader is made for every mention, and only the first n_ are read.
  struct Member {
    const char* key;
    const char* raw;
    uint32_t key_len, raw_len;
    char kind;  // '"' string, '0' number, 't' true, 'f' false, 'n' null, '{' object or array
  };
  const Member* find(std::string_view key) const {
    const size_t size = key.size();
    if (size == 0) {
      for (size_t i = n_; i-- > 0;)
        if (members_[i].key_len == 0) return &members_[i];
      return nullptr;
    }
    // The length and first byte settle most members without a call.
    const char first = key[0];
    for (size_t i = n_; i-- > 0;) {
      const Member& m = members_[i];
      if (m.key_len == size && m.key[0] == first && std::memcmp(m.key, key.data(), size) == 0) return &m;
    }
    return nullptr;
  }
  static bool ws_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  static const char* skip_ws(const char* p, const char* e) {
    while (p != e && static_cast<unsigned char>(*p) <= ' ' && ws_byte(*p)) ++p;
    return p;
  }
  static bool digit(char c) { return c >= '0' && c <= '9'; }
  // A number as skip_number() accepts it (no exponent) with at most 15 digits, read the way from_chars
  // would, several times cheaper: its digits make an integer exact in a double, divided by a power of ten
  // that is exact too (at most 1e15), and one IEEE division is correctly rounded (Clinger's fast path).
  // False, x untouched, for longer numbers.
  static bool short_decimal(const char* p, const char* e, double& x) {
    static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const bool negative = p != e && *p == '-';
    if (negative) ++p;
    uint64_t v = 0;
    int digits = 0, fraction = -1;  // fraction: digits after the point, -1 before it
    for (; p != e; ++p) {
      if (*p == '.') {
        fraction = 0;
        continue;
      }
      if (++digits > 15) return false;
      v = v * 10 + uint64_t(*p - '0');
      if (fraction >= 0) ++fraction;
    }
    const double r = fraction > 0 ? double(v) / kPow10[fraction] : double(v);
    x = negative ? -r : r;
    return true;
  }
  // A string without escapes, valid UTF-8, at its opening quote: the byte after its closing quote, or
  // null (escapes and control characters go to the fallback, which decides).
  IK_SDK_INLINE static const char* skip_string(const char* p, const char* e) {
    ++p;
    for (;;) {
      p = json_text::skip_plain(p, e);
      if (p == e) return nullptr;
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"') return p + 1;
      if (c < 0x80) return nullptr;  // a control character or a backslash
      const size_t n = json_text::utf8_length({p, size_t(e - p)}, 0);
      if (!n) return nullptr;
      p += n;
    }
  }
  // A number without an exponent and not absurdly long (only those can overflow a double, which parse()
  // refuses: the fallback decides): the byte after it, or null.
  static const char* skip_number(const char* p, const char* e) {
    const char* from = p;
    if (p != e && *p == '-') ++p;
    if (p == e) return nullptr;
    if (*p == '0') {
      ++p;
    } else if (*p >= '1' && *p <= '9') {
      do ++p;
      while (p != e && digit(*p));
    } else {
      return nullptr;
    }
    if (p != e && *p == '.') {
      ++p;
      if (p == e || !digit(*p)) return nullptr;
      do ++p;
      while (p != e && digit(*p));
    }
    if (p != e && (*p == 'e' || *p == 'E')) return nullptr;
    return p - from <= 300 ? p : nullptr;
  }
  static const char* skip_word(const char* p, const char* e, const char* w, size_t n) {
    return size_t(e - p) >= n && std::memcmp(p, w, n) == 0 ? p + n : nullptr;
  }
  // Any value at p (no white space before it): the byte after it, or null.
  IK_SDK_INLINE static const char* skip_value(const char* p, const char* e, char& kind, int depth) {
    if (p == e) return nullptr;
    switch (kind = *p) {
      case '"': return skip_string(p, e);
      case 't': return skip_word(p, e, "true", 4);
      case 'f': return skip_word(p, e, "false", 5);
      case 'n': return skip_word(p, e, "null", 4);
      case '{':
      case '[': kind = '{'; return skip_container(p, e, depth);
      default: kind = '0'; return skip_number(p, e);
    }
  }
  static const char* skip_container(const char* p, const char* e, int depth) {
    if (depth >= 32) return nullptr;
    const char close = *p == '{' ? '}' : ']';
    p = skip_ws(p + 1, e);
    if (p != e && *p == close) return p + 1;
    for (;;) {
      char k;
      if (close == '}') {
        p = skip_ws(p, e);
        if (p == e || *p != '"' || !(p = skip_string(p, e))) return nullptr;
        p = skip_ws(p, e);
        if (p == e || *p != ':') return nullptr;
        ++p;
      }
      p = skip_ws(p, e);
      if (!(p = skip_value(p, e, k, depth + 1))) return nullptr;
      p = skip_ws(p, e);
      if (p == e) return nullptr;
      if (*p == close) return p + 1;
      if (*p != ',') return nullptr;
      ++p;
    }
  }
  bool scan(const char* p, const char* e) {
    p = skip_ws(p, e);
    if (p == e || *p != '{') return false;
    p = skip_ws(p + 1, e);
    if (p != e && *p == '}') {
      ++p;
    } else {
      for (;;) {
        p = skip_ws(p, e);
        if (p == e || *p != '"') return false;
        const char* k = p;
        if (!(p = skip_string(p, e))) return false;
        const auto key_len = uint32_t(p - k - 2);
        p = skip_ws(p, e);
        if (p == e || *p != ':') return false;
        p = skip_ws(p + 1, e);
        const char* v = p;
        char kind;
        if (!(p = skip_value(p, e, kind, 0)) || n_ == std::size(members_)) return false;
        members_[n_++] = {k + 1, v, key_len, uint32_t(p - v), kind};
        p = skip_ws(p, e);
        if (p == e) return false;
        if (*p == '}') {
          ++p;
          break;
        }
        if (*p != ',') return false;
        ++p;
      }
    }
    return skip_ws(p, e) == e;
  }

  size_t n_ = 0;
  std::unique_ptr<nlohmann::json> parsed_;  // the fallback's reading
  Member members_[24];
};

#ifdef IK_SDK_IN_PROCESS
namespace detail {
// A shortcut of the library's own host for the extractors compiled into it (their object libraries define
// IK_SDK_IN_PROCESS; their loadable builds and every other plugin use the C ABI): what add_mention does,
// on a C++ object, its strings moved to the host rather than copied (a mention's attrs are a few hundred
// bytes). Returns -1 when `host` is not that library's (the caller then uses the C ABI), else an ik_status.
int in_process_add(const ik_host* host, ik_call* call, Mention& m);
}  // namespace detail
#endif

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
  // The same for a mention the caller is done with: the in-process host takes its strings.
  void add(Mention&& m) const {
#ifdef IK_SDK_IN_PROCESS
    if (const int rc = detail::in_process_add(host_, call_, m); rc >= 0) {
      if (rc != IK_OK) throw PluginError(IK_ERR_INTERNAL, "host refused mention '" + m.label + "'");
      return;
    }
#endif
    add(static_cast<const Mention&>(m));
  }

  // All mentions so far, optionally only those with one label, in the order they were added.
  std::vector<MentionView> mentions(std::string_view label = {}) const {
    std::vector<MentionView> out;
    const uint64_t n = host_->mention_count(call_);
    // All of them, or (one label) usually a few: room for those up front rather than grown from one.
    out.reserve(label.empty() ? n : std::min<uint64_t>(n, 8));
    ik_mention c{};
    for (uint64_t i = 0; i < n; ++i) {
      // Zeroed once: a host fills all it knows of the struct and says how much in struct_size; only an
      // older host's smaller struct leaves a tail, cleared below, so no field survives from the last one.
      c.struct_size = sizeof(ik_mention);
      if (host_->get_mention(call_, i, &c) != IK_OK) {
        c = ik_mention{};
        continue;
      }
      if (c.struct_size < sizeof(ik_mention))
        std::memset(reinterpret_cast<char*>(&c) + c.struct_size, 0, sizeof(ik_mention) - c.struct_size);
      const char* lab_text = c.label ? c.label : "";
      // Most mentions have another label, which its first byte tells without measuring the string.
      if (!label.empty() && lab_text[0] != label[0]) continue;
      const std::string_view lab = lab_text;
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
