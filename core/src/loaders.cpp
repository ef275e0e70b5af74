// Readers for .txt files, folders, JSONL, CSV and standard input. Each reads one record at a time, so
// memory stays flat however large the input; a bad record becomes an ErrorRecord and reading goes on.
#include "incidentkit/loaders.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "incidentkit/errors.hpp"
#include "incidentkit/sdk.hpp"

namespace ik {
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------------
// A JSONL line of the usual shape, read fast

// Appends code point cp as UTF-8.
void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// A flat object whose values are strings, null, true or false (what most JSONL inputs are: an id and a
// text), read as nlohmann::json::parse() reads it, without its per-byte lexer. Anything else (numbers,
// nesting, bad syntax or escapes) returns false: the caller then parses the line with nlohmann, which
// also words the errors. `s` is valid UTF-8 already.
struct FlatMember {
  std::string key;
  char kind;          // '"' string, 'n' null, 't' true, 'f' false
  std::string value;  // the string's text
};

// Its members in order, duplicates kept.
bool parse_flat_members(std::string_view s, std::vector<FlatMember>& out) {
  const char* p = s.data();
  const char* const end = p + s.size();
  auto ws = [&] {
    while (p != end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
  };
  auto eat = [&](char c) {
    if (p == end || *p != c) return false;
    ++p;
    return true;
  };
  auto word = [&](std::string_view w) {
    if (size_t(end - p) < w.size() || std::string_view(p, w.size()) != w) return false;
    p += w.size();
    return true;
  };
  auto hex4 = [&](uint32_t& v) {
    if (end - p < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = p[i];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= uint32_t(c - '0');
      else if (c >= 'a' && c <= 'f') v |= uint32_t(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= uint32_t(c - 'A' + 10);
      else return false;
    }
    p += 4;
    return true;
  };
  auto string = [&](std::string& o) {
    if (!eat('"')) return false;
    for (;;) {
      const char* run = p;
      // Up to a quote, a backslash or a control character (UTF-8 is taken as it is).
      while ((p = sdk::json_text::skip_plain(p, end)) != end && static_cast<unsigned char>(*p) >= 0x80) ++p;
      o.append(run, size_t(p - run));
      if (p == end || static_cast<unsigned char>(*p) < 0x20) return false;
      if (*p++ == '"') return true;
      if (p == end) return false;
      switch (*p++) {  // after a backslash
        case '"': o += '"'; break;
        case '\\': o += '\\'; break;
        case '/': o += '/'; break;
        case 'b': o += '\b'; break;
        case 'f': o += '\f'; break;
        case 'n': o += '\n'; break;
        case 'r': o += '\r'; break;
        case 't': o += '\t'; break;
        case 'u': {
          uint32_t cp, low;
          if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
            if (!eat('\\') || !eat('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(o, cp);
          break;
        }
        default: return false;
      }
    }
  };
  out.clear();
  ws();
  if (!eat('{')) return false;
  ws();
  if (!eat('}')) {
    for (;;) {
      FlatMember& m = out.emplace_back();
      ws();
      if (!string(m.key)) return false;
      ws();
      if (!eat(':')) return false;
      ws();
      if (p != end && *p == '"') {
        m.kind = '"';
        if (!string(m.value)) return false;
      } else if (word("null")) {
        m.kind = 'n';
      } else if (word("true")) {
        m.kind = 't';
      } else if (word("false")) {
        m.kind = 'f';
      } else {
        return false;
      }
      ws();
      if (eat('}')) break;
      if (!eat(',')) return false;
    }
  }
  ws();
  return p == end;
}

// The members as the object nlohmann::json::parse() makes of their text (the last duplicate key wins).
nlohmann::json flat_object(std::vector<FlatMember>& members) {
  nlohmann::json out = nlohmann::json::object();
  for (auto& m : members) {
    if (m.kind == '"') out[m.key] = std::move(m.value);
    else if (m.kind == 'n') out[m.key] = nullptr;
    else out[m.key] = m.kind == 't';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Text checks

// Offset of the first byte that is not valid UTF-8 (overlongs, surrogates and > U+10FFFF refused),
// or npos when all is well.
size_t invalid_utf8_at(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII, the bulk of most texts: eight bytes a step while none has its high bit set.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i == n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string::npos;
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

void strip_bom(std::string& s) {
  if (s.compare(0, kBom.size(), kBom) == 0) s.erase(0, kBom.size());
}

// CRLF and lone CR become LF, in place.
void normalise_newlines(std::string& s) {
  if (s.find('\r') == std::string::npos) return;
  size_t w = 0;
  for (size_t r = 0; r < s.size(); ++r) {
    if (s[r] == '\r') {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
    } else {
      s[w++] = s[r];
    }
  }
  s.resize(w);
}

int64_t line_of(std::string_view s, size_t offset) {
  return 1 + std::count(s.begin(), s.begin() + std::min(offset, s.size()), '\n');
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether s is empty or all white space: trim(s).empty() without the copy.
bool blank(std::string_view s) {
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

// ---------------------------------------------------------------------------------------------------
// Publication dates: "2020-05-11", "2020-05-11T08:00:00Z", "2020/05/11", "11 May 2020", "May 11, 2020",
// "11-May-2020", "20200511" -> "2020-05-11". Empty when not understood.

int month_number(std::string m) {
  static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  m = lower(m);
  if (m.size() < 3) return 0;
  for (int i = 0; i < 12; ++i)
    if (m.compare(0, 3, names[i]) == 0) return i + 1;
  return 0;
}

std::string iso(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return {};
  char buf[11];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string normalise_date(const std::string& raw) {
  const std::string s = trim(raw);
  int y = 0, m = 0, d = 0;
  char sep1 = 0, sep2 = 0;
  // Year first: 2020-05-11, 2020/05/11, 2020.05.11, with anything (a time) after.
  if (std::sscanf(s.c_str(), "%4d%c%2d%c%2d", &y, &sep1, &m, &sep2, &d) == 5 && sep1 == sep2 &&
      (sep1 == '-' || sep1 == '/' || sep1 == '.') && s.size() >= 8 && std::isdigit(static_cast<unsigned char>(s[3])))
    return iso(y, m, d);
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return iso(std::stoi(s.substr(0, 4)), std::stoi(s.substr(4, 2)), std::stoi(s.substr(6, 2)));
  // Words: "11 May 2020", "11-May-2020", "May 11, 2020", "Monday, 11 May 2020".
  std::string cleaned;
  for (char c : s) cleaned += (c == ',' || c == '-' || c == '/' || c == '.') ? ' ' : c;
  std::istringstream in(cleaned);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  auto is_num = [](const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    const auto &a = words[i], &b = words[i + 1], &c = words[i + 2];
    if (is_num(a) && month_number(b) && is_num(c) && a.size() <= 2 && c.size() == 4)
      return iso(std::stoi(c), month_number(b), std::stoi(a));
    if (month_number(a) && is_num(b) && is_num(c) && b.size() <= 2 && c.size() == 4)
      return iso(std::stoi(c), month_number(a), std::stoi(b));
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------
// Buffered byte input with a count of bytes consumed.

class ByteInput {
 public:
  explicit ByteInput(std::istream& in) : buf_(in.rdbuf()) {}
  uint64_t bytes() const { return bytes_; }

  int get() {
    if (pos_ == chunk_.size() && !fill()) return EOF;
    ++bytes_;
    return static_cast<unsigned char>(chunk_[pos_++]);
  }
  int peek() {
    if (pos_ == chunk_.size() && !fill()) return EOF;
    return static_cast<unsigned char>(chunk_[pos_]);
  }

  // One line without its "\n" (a trailing "\r" is kept; callers normalise). Returns false at the end.
  // Lines longer than `cap` are consumed but not kept: `too_long` tells.
  bool line(std::string& out, size_t cap, bool& too_long) {
    out.clear();
    too_long = false;
    if (pos_ == chunk_.size() && !fill()) return false;
    for (;;) {
      const char* from = chunk_.data() + pos_;
      const size_t left = chunk_.size() - pos_;
      const auto* eol = static_cast<const char*>(std::memchr(from, '\n', left));
      const size_t n = eol ? size_t(eol - from) : left;
      const size_t keep = std::min(n, cap - std::min(cap, out.size()));
      if (keep < n) too_long = true;
      out.append(from, keep);
      pos_ += n;
      bytes_ += n;
      if (eol) {
        ++pos_;
        ++bytes_;
        return true;
      }
      if (!fill()) return true;
    }
  }

 private:
  // Takes what the stream has ready (at least one byte unless it ended), so reading a pipe never waits
  // for more than the next byte: lines come as soon as they are written.
  bool fill() {
    std::streamsize ready = buf_->in_avail();
    if (ready <= 0) {
      if (buf_->sgetc() == EOF) return false;
      ready = std::max<std::streamsize>(buf_->in_avail(), 1);
    }
    chunk_.resize(static_cast<size_t>(std::min<std::streamsize>(ready, 1 << 16)));
    chunk_.resize(static_cast<size_t>(buf_->sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()))));
    pos_ = 0;
    return !chunk_.empty();
  }

  std::streambuf* buf_;
  std::string chunk_;  // bytes taken from the stream, consumed up to pos_
  size_t pos_ = 0;
  uint64_t bytes_ = 0;
};

std::optional<std::ifstream> open_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  return f;
}

ErrorRecord make_error(const char* code, const std::string& source, int64_t line, const std::string& id,
                       const std::string& message) {
  ErrorRecord e;
  e.source = source;
  e.line = line;
  e.id = id;
  e.code = code;
  e.message = source + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message;
  return e;
}

// An InputError thrown while reading a record, as that record's error (its message names file and line).
ErrorRecord from_input_error(const InputError& e, const std::string& id) {
  ErrorRecord r;
  r.source = e.source();
  r.line = e.line();
  r.id = id;
  r.code = e.code();
  r.message = e.message();
  return r;
}

// One input file as the reader sees it: `source` is the path as given, `name` the part used in ids
// (the file name, or the path inside a folder that was given).
struct InputFile {
  std::string source;
  std::string name;
  std::string format;  // txt | jsonl | csv
};

// Per-format readers of one file (or stdin).
class FileReader {
 public:
  virtual ~FileReader() = default;
  virtual bool next(LoadedItem& item) = 0;
  virtual uint64_t bytes_read() const = 0;
};

// Field names, most specific first.
const std::vector<std::string> kTextFields = {"text", "notes", "body", "content", "description", "article"};
const std::vector<std::string> kIdFields = {"id", "event_id_cnty", "doc_id", "document_id"};
const std::vector<std::string> kPublishedFields = {"published", "publication_date", "published_at", "pub_date",
                                                   "date_published", "date"};

// Fills title/url/published and meta from the record's remaining fields; shared by JSONL and CSV.
// Returns an error message for a field of the wrong type, else empty.
std::string fill_metadata(Document& doc, nlohmann::json& fields, const std::string& text_field,
                          const std::string& id_field) {
  auto take_string = [&](const std::string& key, std::string& into) -> std::string {
    auto it = fields.find(key);
    if (it == fields.end() || it->is_null()) return {};
    if (!it->is_string()) return "field \"" + key + "\" must be a string, not " + std::string(it->type_name());
    into = it->get<std::string>();
    fields.erase(it);
    return {};
  };
  fields.erase(text_field);
  if (!id_field.empty()) fields.erase(id_field);
  for (const char* key : {"title", "url"}) {
    std::string value;
    if (auto err = take_string(key, value); !err.empty()) return err;
    (key == std::string("title") ? doc.title : doc.url) = value;
  }
  for (const auto& key : kPublishedFields) {
    auto it = fields.find(key);
    if (it == fields.end() || it->is_null()) continue;
    if (!it->is_string()) return "field \"" + key + "\" must be a date string, not " + std::string(it->type_name());
    const std::string raw = it->get<std::string>();
    if (raw.empty()) continue;
    doc.published = normalise_date(raw);
    if (doc.published.empty()) doc.meta["published_raw"] = raw;  // kept, not trusted
    fields.erase(it);
    break;
  }
  for (auto& [key, value] : fields.items()) doc.meta[key] = std::move(value);
  return {};
}

// ---------------------------------------------------------------------------------------------------
// .txt: the whole file is one document; a short first line followed by a blank line is its title.

class TxtReader : public FileReader {
 public:
  TxtReader(InputFile file, std::string id, const LoadOptions& options, std::istream* in = nullptr)
      : file_(std::move(file)), id_(std::move(id)), options_(options), in_(in) {}

  bool next(LoadedItem& item) override {
    if (done_) return false;
    done_ = true;
    item = {};
    std::string text;
    if (in_) {
      text.assign(std::istreambuf_iterator<char>(*in_), std::istreambuf_iterator<char>());
    } else {
      std::error_code ec;
      const auto size = fs::file_size(file_.source, ec);
      if (!ec && size > options_.max_document_bytes) {
        bytes_ = size;
        item.error = make_error(code::kTooLarge, file_.source, 0, id_,
                                "document of " + std::to_string(size) + " bytes is over the limit of " +
                                    std::to_string(options_.max_document_bytes));
        return true;
      }
      auto f = open_file(file_.source);
      if (!f) {
        item.error = make_error(code::kUnreadable, file_.source, 0, id_, "cannot read: " + std::string(std::strerror(errno)));
        return true;
      }
      text.assign(std::istreambuf_iterator<char>(*f), std::istreambuf_iterator<char>());
    }
    bytes_ = text.size();
    if (text.size() > options_.max_document_bytes) {
      item.error = make_error(code::kTooLarge, file_.source, 0, id_,
                              "document of " + std::to_string(text.size()) + " bytes is over the limit of " +
                                  std::to_string(options_.max_document_bytes));
      return true;
    }
    try {
      text = normalise_text(std::move(text), file_.source, 0);
    } catch (const InputError& e) {
      item.error = from_input_error(e, id_);
      return true;
    }
    if (trim(text).empty()) {
      item.error = make_error(code::kMissingText, file_.source, 0, id_, "empty document");
      return true;
    }
    Document doc;
    doc.id = id_;
    doc.source = file_.source;
    const size_t eol = text.find('\n');
    if (eol != std::string::npos && eol <= 300 && text.compare(eol, 2, "\n\n") == 0 && !trim(text.substr(0, eol)).empty())
      doc.title = trim(text.substr(0, eol));
    doc.text = std::move(text);
    item.doc = std::move(doc);
    return true;
  }
  uint64_t bytes_read() const override { return bytes_; }

 private:
  InputFile file_;
  std::string id_;
  const LoadOptions& options_;
  std::istream* in_;
  bool done_ = false;
  uint64_t bytes_ = 0;
};

// ---------------------------------------------------------------------------------------------------
// JSONL: one object a line.

class JsonlReader : public FileReader {
 public:
  JsonlReader(InputFile file, const LoadOptions& options, std::unique_ptr<std::istream> owned, std::istream& in,
              std::string first_chunk = {})
      : file_(std::move(file)), options_(options), owned_(std::move(owned)), input_(in), pending_(std::move(first_chunk)) {}

  bool next(LoadedItem& item) override {
    // JSON escapes can make a line longer than its text; allow some slack before giving up on it.
    const size_t cap = options_.max_document_bytes * 2 + 65536;
    std::string& line = line_;  // the buffer is reused: no allocation per line
    bool too_long = false;
    while (read_line(line, cap, too_long)) {
      ++line_no_;
      item = {};
      if (line_no_ == 1) strip_bom(line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!too_long && blank(line)) continue;
      parse(line, too_long, item);
      return true;
    }
    return false;
  }
  uint64_t bytes_read() const override { return input_.bytes(); }

 private:
  // The sniffed first chunk of stdin is replayed before the stream.
  bool read_line(std::string& line, size_t cap, bool& too_long) {
    if (pending_.empty()) return input_.line(line, cap, too_long);
    const size_t eol = pending_.find('\n');
    if (eol != std::string::npos) {
      line = pending_.substr(0, eol);
      pending_.erase(0, eol + 1);
      too_long = line.size() > cap;
      return true;
    }
    std::string rest;
    input_.line(rest, cap, too_long);
    line = pending_ + rest;
    pending_.clear();
    return true;
  }

  void parse(const std::string& line, bool too_long, LoadedItem& item) {
    const std::string default_id = file_.name + ":" + std::to_string(line_no_);
    auto fail = [&](const char* code, const std::string& id, const std::string& msg) {
      item.error = make_error(code, file_.source, line_no_, id, msg);
    };
    if (too_long) return fail(code::kTooLarge, default_id, "line is over the document size limit");
    if (const size_t bad = invalid_utf8_at(line); bad != std::string::npos)
      return fail(code::kBadUtf8, default_id, "invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
    nlohmann::json j;
    try {
      if (!parse_flat_members(line, members_)) j = nlohmann::json::parse(line);
      else if (quick_document(default_id, item)) return;
      else j = flat_object(members_);
    } catch (const nlohmann::json::parse_error& e) {
      return fail(code::kBadJson, default_id, std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object()) return fail(code::kNotObject, default_id, std::string("expected a JSON object, found ") + j.type_name());

    Document doc;
    doc.source = file_.source;
    doc.line = line_no_;
    doc.id = default_id;
    std::string id_field = options_.id_column;
    if (id_field.empty())
      for (const auto& key : kIdFields)
        if (j.contains(key) && !j[key].is_null()) {
          id_field = key;
          break;
        }
    if (!id_field.empty() && j.contains(id_field)) {
      const auto& id = j[id_field];
      if (id.is_string() && !id.get<std::string>().empty()) doc.id = id.get<std::string>();
      else if (id.is_number_integer()) doc.id = std::to_string(id.get<int64_t>());
      else if (!id.is_null() && !id.is_string())
        return fail(code::kBadField, default_id, "field \"" + id_field + "\" must be a string or an integer");
    }
    std::string text_field = options_.text_column;
    if (text_field.empty()) {
      for (const auto& key : kTextFields)
        if (j.contains(key) && !j[key].is_null()) {
          text_field = key;
          break;
        }
    }
    if (text_field.empty() || !j.contains(text_field) || j[text_field].is_null())
      return fail(code::kMissingText, doc.id,
                  options_.text_column.empty() ? "no text field (text, notes, body, content, description, article)"
                                               : "no \"" + options_.text_column + "\" field");
    if (!j[text_field].is_string()) return fail(code::kBadField, doc.id, "field \"" + text_field + "\" must be a string");
    // Moved out: fill_metadata() drops the field anyway.
    std::string text = std::move(j[text_field].get_ref<std::string&>());
    if (text.size() > options_.max_document_bytes)
      return fail(code::kTooLarge, doc.id, "document of " + std::to_string(text.size()) +
                                               " bytes is over the limit of " + std::to_string(options_.max_document_bytes));
    try {
      doc.text = normalise_text(std::move(text), file_.source, line_no_);
    } catch (const InputError& e) {
      item.error = from_input_error(e, doc.id);
      return;
    }
    if (blank(doc.text)) return fail(code::kMissingText, doc.id, "empty text");
    if (auto err = fill_metadata(doc, j, text_field, id_field); !err.empty()) return fail(code::kBadField, doc.id, err);
    item.doc = std::move(doc);
  }

  // The usual record: "id", "text", "published" (not empty), "title" and "url", strings, each once, and
  // nothing else, with the default id and text fields. The document straight from members_, as parse()
  // makes it from the object; false (members_ untouched) for anything else.
  bool quick_document(const std::string& default_id, LoadedItem& item) {
    if (!options_.id_column.empty() || !options_.text_column.empty()) return false;
    FlatMember *id = nullptr, *text = nullptr, *published = nullptr, *title = nullptr, *url = nullptr;
    for (auto& m : members_) {
      if (m.kind != '"') return false;
      FlatMember** slot = m.key == "id"          ? &id
                          : m.key == "text"      ? &text
                          : m.key == "published" ? &published
                          : m.key == "title"     ? &title
                          : m.key == "url"       ? &url
                                                 : nullptr;
      if (!slot || *slot) return false;  // a field for meta, or a duplicate
      *slot = &m;
    }
    if (!text || text->value.size() > options_.max_document_bytes || (published && published->value.empty()))
      return false;
    Document doc;
    doc.source = file_.source;
    doc.line = line_no_;
    doc.id = id && !id->value.empty() ? id->value : default_id;
    try {
      doc.text = normalise_text(std::move(text->value), file_.source, line_no_);
    } catch (const InputError& e) {
      item.error = from_input_error(e, doc.id);
      return true;
    }
    if (blank(doc.text)) {
      item.error = make_error(code::kMissingText, file_.source, line_no_, doc.id, "empty text");
      return true;
    }
    if (title) doc.title = std::move(title->value);
    if (url) doc.url = std::move(url->value);
    if (published) {
      doc.published = normalise_date(published->value);
      if (doc.published.empty()) doc.meta["published_raw"] = published->value;  // kept, not trusted
    }
    item.doc = std::move(doc);
    return true;
  }

  InputFile file_;
  const LoadOptions& options_;
  std::unique_ptr<std::istream> owned_;
  ByteInput input_;
  std::string pending_;
  int64_t line_no_ = 0;
  std::vector<FlatMember> members_;  // the line's, when it is a flat object
  std::string line_;                 // the line being read (see next())
};

// ---------------------------------------------------------------------------------------------------
// CSV (RFC 4180): "," separated, fields may be quoted with '"' ("" inside is a quote) and span lines.

class CsvParser {
 public:
  explicit CsvParser(std::istream& in) : input_(in) {}

  // Next record; false at the end. `line` is where it starts. Sets `error` for a malformed record
  // (the record is then skipped up to the next line end). Records over `cap` bytes set too_long.
  bool record(std::vector<std::string>& fields, int64_t& line, std::string& error, size_t cap, bool& too_long) {
    fields.clear();
    error.clear();
    too_long = false;
    int c = input_.get();
    // Skip blank lines between records.
    while (c == '\n' || c == '\r') {
      if (c == '\n') ++line_;
      c = input_.get();
    }
    if (c == EOF) return false;
    if (line_ == 1 && c == 0xEF && input_.peek() == 0xBB) {  // BOM
      input_.get();
      input_.get();
      c = input_.get();
    }
    line = line_;
    size_t size = 0;
    std::string field;
    bool quoted = false, was_quoted = false;
    for (;; c = input_.get()) {
      if (quoted) {
        if (c == EOF) {
          error = "quoted field not closed before the end of the file";
          fields.push_back(std::move(field));
          return true;
        }
        if (c == '"') {
          if (input_.peek() == '"') {
            input_.get();
            add(field, '"', size, cap, too_long);
          } else {
            quoted = false;
          }
          continue;
        }
        if (c == '\n') ++line_;
        add(field, static_cast<char>(c), size, cap, too_long);
        continue;
      }
      if (c == ',' ) {
        fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        continue;
      }
      if (c == '\r' && input_.peek() == '\n') continue;
      if (c == '\n' || c == EOF) {
        if (c == '\n') ++line_;
        fields.push_back(std::move(field));
        return true;
      }
      if (c == '"' && field.empty() && !was_quoted) {
        quoted = was_quoted = true;
        continue;
      }
      if (was_quoted && error.empty()) error = "text after a closing quote";
      add(field, static_cast<char>(c), size, cap, too_long);
    }
  }
  uint64_t bytes() const { return input_.bytes(); }

 private:
  static void add(std::string& field, char c, size_t& size, size_t cap, bool& too_long) {
    if (++size > cap) {
      too_long = true;
      return;
    }
    field.push_back(c);
  }
  ByteInput input_;
  int64_t line_ = 1;
};

class CsvReader : public FileReader {
 public:
  // Reads the header now so a missing text column is reported before anything is processed.
  CsvReader(InputFile file, const LoadOptions& options, std::unique_ptr<std::istream> owned, std::istream& in)
      : file_(std::move(file)), options_(options), owned_(std::move(owned)), parser_(in) {
    std::string error;
    int64_t line = 0;
    bool too_long = false;
    if (!parser_.record(header_, line, error, 1 << 20, too_long) || !error.empty() || too_long)
      throw InputError(code::kMissingColumn, file_.source, 1, "cannot read the CSV header" + (error.empty() ? "" : ": " + error));
    for (auto& h : header_) h = trim(h);
    text_col_ = pick_column(options_.text_column, kTextFields, "text");
    if (text_col_ < 0) {
      if (!options_.text_column.empty())
        throw InputError(code::kMissingColumn, file_.source, 1, "no column \"" + options_.text_column + "\" (columns: " + columns() + ")");
      throw InputError(code::kMissingColumn, file_.source, 1,
                       "no text column (looked for text, notes, body, content, description, article; columns: " +
                           columns() + "); choose one with --text-column");
    }
    id_col_ = pick_column(options_.id_column, kIdFields, "id");
    if (id_col_ < 0 && !options_.id_column.empty())
      throw InputError(code::kMissingColumn, file_.source, 1, "no column \"" + options_.id_column + "\" (columns: " + columns() + ")");
  }

  bool next(LoadedItem& item) override {
    std::vector<std::string> fields;
    int64_t line = 0;
    std::string error;
    bool too_long = false;
    while (parser_.record(fields, line, error, options_.max_document_bytes * 2 + 65536, too_long)) {
      item = {};
      if (fields.size() == 1 && trim(fields[0]).empty() && error.empty()) continue;
      const std::string default_id = file_.name + ":" + std::to_string(line);
      auto fail = [&](const char* code, const std::string& id, const std::string& msg) {
        item.error = make_error(code, file_.source, line, id, msg);
        return true;
      };
      if (too_long) return fail(code::kTooLarge, default_id, "record is over the document size limit");
      if (!error.empty()) return fail(code::kBadCsv, default_id, "malformed CSV record: " + error);
      if (fields.size() != header_.size())
        return fail(code::kBadCsv, default_id, "expected " + std::to_string(header_.size()) + " fields, found " +
                                                   std::to_string(fields.size()));
      for (size_t i = 0; i < fields.size(); ++i)
        if (const size_t bad = invalid_utf8_at(fields[i]); bad != std::string::npos)
          return fail(code::kBadUtf8, default_id, "invalid UTF-8 in column \"" + header_[i] + "\" at byte " + std::to_string(bad));
      Document doc;
      doc.source = file_.source;
      doc.line = line;
      doc.id = (id_col_ >= 0 && !trim(fields[id_col_]).empty()) ? trim(fields[id_col_]) : default_id;
      std::string& text = fields[text_col_];
      if (text.size() > options_.max_document_bytes)
        return fail(code::kTooLarge, doc.id, "document of " + std::to_string(text.size()) + " bytes is over the limit");
      try {
        doc.text = normalise_text(std::move(text), file_.source, line);
      } catch (const InputError& e) {
        item.error = from_input_error(e, doc.id);
        return true;
      }
      if (trim(doc.text).empty()) return fail(code::kMissingText, doc.id, "empty text in column \"" + header_[text_col_] + "\"");
      nlohmann::json rest = nlohmann::json::object();
      for (size_t i = 0; i < fields.size(); ++i)
        if (static_cast<int>(i) != text_col_ && static_cast<int>(i) != id_col_ && !header_[i].empty())
          rest[header_[i]] = fields[i];
      fill_metadata(doc, rest, "", "");  // CSV fields are all strings: no type errors
      item.doc = std::move(doc);
      return true;
    }
    return false;
  }
  uint64_t bytes_read() const override { return parser_.bytes(); }

 private:
  // The named column (case-insensitive), or the first of `candidates` present; -1 if none.
  int pick_column(const std::string& named, const std::vector<std::string>& candidates, const char*) const {
    auto index = [&](const std::string& name) -> int {
      for (size_t i = 0; i < header_.size(); ++i)
        if (lower(header_[i]) == lower(name)) return static_cast<int>(i);
      return -1;
    };
    if (!named.empty()) return index(named);
    for (const auto& c : candidates)
      if (int i = index(c); i >= 0) return i;
    return -1;
  }
  std::string columns() const {
    std::string s;
    for (const auto& h : header_) s += (s.empty() ? "" : ", ") + h;
    return s;
  }

  InputFile file_;
  const LoadOptions& options_;
  std::unique_ptr<std::istream> owned_;
  CsvParser parser_;
  std::vector<std::string> header_;
  int text_col_ = -1, id_col_ = -1;
};

// ---------------------------------------------------------------------------------------------------
// All inputs, one after the other.

std::string format_of(const fs::path& p, const std::string& forced) {
  if (forced != "auto") return forced;
  const std::string ext = lower(p.extension().string());
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return "jsonl";
  if (ext == ".csv") return "csv";
  if (ext == ".txt" || ext == ".text") return "txt";
  return {};  // not a document file
}

class MultiReader : public DocumentReader {
 public:
  MultiReader(std::vector<InputFile> files, const LoadOptions& options) : files_(std::move(files)), options_(options) {
    // CSV headers are checked now: a missing text column must fail before any document is processed.
    // (The readers are dropped again, so a folder of many CSVs does not hold many files open.)
    for (size_t i = 0; i < files_.size(); ++i)
      if (files_[i].format == "csv" && files_[i].source != "-") open(i);
  }

  bool next(LoadedItem& item) override {
    while (current_index_ < files_.size()) {
      if (!current_) {
        current_ = open(current_index_);
        if (!current_) {  // unreadable file: one error record
          const auto& f = files_[current_index_++];
          item = {};
          item.error = make_error(code::kUnreadable, f.source, 0, f.name, "cannot open: " + std::string(std::strerror(errno)));
          return true;
        }
      }
      if (current_->next(item)) return true;
      finished_bytes_ += current_->bytes_read();
      current_.reset();
      ++current_index_;
    }
    return false;
  }
  uint64_t bytes_read() const override { return finished_bytes_ + (current_ ? current_->bytes_read() : 0); }

 private:
  std::unique_ptr<FileReader> open(size_t i) {
    const InputFile& f = files_[i];
    if (f.source == "-") return open_stdin(f);
    if (f.format == "txt") return std::make_unique<TxtReader>(f, unique_txt_id(f), options_);
    auto stream = std::make_unique<std::ifstream>(f.source, std::ios::binary);
    if (!*stream) return nullptr;
    std::istream& in = *stream;
    if (f.format == "csv") return std::make_unique<CsvReader>(f, options_, std::move(stream), in);
    return std::make_unique<JsonlReader>(f, options_, std::move(stream), in);
  }

  // Standard input: JSONL when the first non-blank character opens an object, else one text document.
  std::unique_ptr<FileReader> open_stdin(const InputFile& f) {
    if (f.format == "csv") return std::make_unique<CsvReader>(f, options_, nullptr, std::cin);
    std::string format = f.format;
    std::string head;
    if (format == "auto") {
      while (true) {
        const int c = std::cin.get();
        if (c == EOF) break;
        head.push_back(static_cast<char>(c));
        std::string_view rest(head);
        if (rest.compare(0, kBom.size(), kBom) == 0) rest.remove_prefix(kBom.size());
        const auto first = rest.find_first_not_of(" \t\r\n");
        if (first != std::string_view::npos) {
          format = rest[first] == '{' ? "jsonl" : "txt";
          break;
        }
      }
      if (format == "auto") format = "txt";
    }
    InputFile g = f;
    g.format = format;
    if (format == "jsonl") return std::make_unique<JsonlReader>(g, options_, nullptr, std::cin, head);
    stdin_text_ = std::make_unique<std::stringstream>();
    *stdin_text_ << head << std::cin.rdbuf();
    return std::make_unique<TxtReader>(g, unique_txt_id(g), options_, stdin_text_.get());
  }

  // Text files are named by their path without extension; repeats get "~2", "~3" (stable: input order).
  std::string unique_txt_id(const InputFile& f) {
    std::string id = f.source == "-" ? "stdin" : fs::path(f.name).replace_extension().generic_string();
    std::string candidate = id;
    for (int n = 2; txt_ids_.count(candidate); ++n) candidate = id + "~" + std::to_string(n);
    txt_ids_.insert(candidate);
    return candidate;
  }

  std::vector<InputFile> files_;
  const LoadOptions& options_;
  std::unique_ptr<FileReader> current_;
  size_t current_index_ = 0;
  uint64_t finished_bytes_ = 0;
  std::set<std::string> txt_ids_;
  std::unique_ptr<std::stringstream> stdin_text_;
};

// Owns the options so readers can keep a reference for their whole life.
class OwningReader : public DocumentReader {
 public:
  OwningReader(std::vector<InputFile> files, LoadOptions options)
      : options_(std::make_unique<LoadOptions>(std::move(options))), inner_(std::move(files), *options_) {}
  bool next(LoadedItem& item) override { return inner_.next(item); }
  uint64_t bytes_read() const override { return inner_.bytes_read(); }

 private:
  std::unique_ptr<LoadOptions> options_;
  MultiReader inner_;
};

}  // namespace

std::string normalise_text(std::string text, const std::string& source, int64_t line) {
  strip_bom(text);
  if (const size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
    // Whole files report the line of the bad byte; records report their own line.
    const int64_t at_line = line > 0 ? line : line_of(text, bad);
    throw InputError(code::kBadUtf8, source, at_line,
                     "invalid UTF-8 at byte " + std::to_string(bad) + (line > 0 ? " of the text" : ""));
  }
  if (const size_t nul = text.find('\0'); nul != std::string::npos)
    throw InputError(code::kNulByte, source, line > 0 ? line : line_of(text, nul),
                     "NUL character at byte " + std::to_string(nul));
  normalise_newlines(text);
  return text;
}

std::unique_ptr<DocumentReader> open_documents(const std::vector<std::string>& paths, const LoadOptions& options) {
  static const std::set<std::string> formats = {"auto", "txt", "jsonl", "csv"};
  if (!formats.count(options.format))
    throw ConfigError(code::kConfig, "unknown input format \"" + options.format + "\" (auto, txt, jsonl, csv)");
  std::vector<InputFile> files;
  for (const auto& path : paths) {
    if (path == "-") {
      files.push_back({"-", "stdin", options.format});
      continue;
    }
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
      std::vector<InputFile> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string format = format_of(it->path(), "auto");  // only document files, by extension
        if (format.empty()) continue;
        found.push_back({it->path().string(), fs::relative(it->path(), p, ec).generic_string(),
                         options.format == "auto" ? format : options.format});
      }
      std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.name < b.name; });
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      std::string format = format_of(p, options.format);
      files.push_back({path, p.filename().string(), format.empty() ? "txt" : format});
    } else {
      throw InputError(code::kMissingInput, path, 0, "no such file or directory");
    }
  }
  return std::make_unique<OwningReader>(std::move(files), options);
}

}  // namespace ik
