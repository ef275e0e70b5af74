#include "text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace ik::text {
namespace {

#include "fold_table.inc"

// Decodes one UTF-8 code point at s[i]; returns its length (1 for invalid bytes, cp = 0xFFFD).
size_t decode(std::string_view s, size_t i, uint32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  size_t len = (b >= 0xF0) ? 4 : (b >= 0xE0) ? 3 : (b >= 0xC0) ? 2 : 1;
  if (len == 1 || i + len > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  cp = b & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return len;
}

bool is_apostrophe(uint32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BF || cp == 0x02BE ||
         cp == 0x02BC || cp == 0x2032 || cp == 0x00B4;
}

// Non-ASCII punctuation and spaces: Latin-1 symbols, general punctuation, CJK/Arabic punctuation.
bool is_unicode_punct(uint32_t cp) {
  return (cp >= 0x00A0 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0xFEFF ||
         cp == 0xFFFD || (cp >= 0x2190 && cp <= 0x2BFF);
}

// ASCII folding of one code point; nullptr when it has none (kept as UTF-8).
const char* fold_cp(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0x24F) return kFold_00C0[cp - 0xC0];
  if (cp >= 0x1E00 && cp <= 0x1EFF) return kFold_1E00[cp - 0x1E00];
  return nullptr;
}

bool is_upper_cp(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return (cp % 2) == 0;  // Latin Extended-A alternates upper/lower
  if (cp >= 0x1E00 && cp <= 0x1EFF) return (cp % 2) == 0;
  return false;
}

}  // namespace

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool dateline_dash_after(std::string_view text, size_t end) {
  const std::string_view rest = text.substr(end, std::min<size_t>(60, text.size() - end));
  const size_t dash = std::min({rest.find(" - "), rest.find(" \xE2\x80\x93 "), rest.find(" \xE2\x80\x94 ")});
  return dash != std::string_view::npos && dash < std::min(rest.find('\n'), rest.find(". "));
}

bool when_clause_after(std::string_view text, size_t end) {
  const std::string_view rest = text.substr(std::min(end, text.size()), 7);
  return rest.starts_with(", when") || rest.starts_with(" when ");
}

std::string lower(std::string_view s) {
  std::string out(s);
  char* p = out.data();
  const size_t n = out.size();
  size_t i = 0;
  // Eight bytes a step (whole texts are lowered): 0x20 is added to the bytes 'A'..'Z', found without
  // carries between bytes (each byte's low seven bits plus a bias stays below 0x100).
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    const uint64_t low7 = w & ~kHighs;
    const uint64_t above_z = low7 + kOnes * (0x7F - 'Z');  // high bit set: low7 > 'Z'
    const uint64_t from_a = low7 + kOnes * (0x80 - 'A');   // high bit set: low7 >= 'A'
    const uint64_t upper = (from_a & ~above_z & ~w) & kHighs;  // ASCII, >= 'A' and <= 'Z'
    w |= upper >> 2;                                        // 0x80 >> 2 == 0x20
    std::memcpy(p + i, &w, 8);
  }
  for (; i < n; ++i) p[i] = lower(p[i]);
  return out;
}

std::string fold_with_offsets(std::string_view s, std::vector<uint32_t>& offsets) {
  std::string out;
  out.reserve(s.size());
  offsets.clear();
  offsets.reserve(s.size());
  bool pending_space = false;
  auto emit = [&](std::string_view piece, size_t at) {
    if (pending_space && !out.empty()) {
      out.push_back(' ');
      offsets.push_back(static_cast<uint32_t>(at));
    }
    pending_space = false;
    for (char c : piece) {
      out.push_back(c);
      offsets.push_back(static_cast<uint32_t>(at));
    }
  };
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    const size_t len = decode(s, i, cp);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(std::string_view(&c, 1), i);
      } else if (c >= 'A' && c <= 'Z') {
        const char l = lower(c);
        emit(std::string_view(&l, 1), i);
      } else if (!is_apostrophe(cp)) {
        pending_space = true;
      }
    } else if (is_apostrophe(cp)) {
      // dropped: "Ma‘arrat" -> "maarrat"
    } else if (is_unicode_punct(cp)) {
      pending_space = true;
    } else if (const char* f = fold_cp(cp)) {
      if (*f == ' ')
        pending_space = true;
      else
        emit(f, i);
    } else {
      emit(s.substr(i, len), i);
    }
    i += len;
  }
  return out;
}

std::string fold(std::string_view s) {
  std::vector<uint32_t> offsets;
  return fold_with_offsets(s, offsets);
}

namespace {

constexpr std::array<bool, 256> kAsciiLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  return t;
}();

std::vector<Token> tokenize_text(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    if (text[i] == ' ') {  // the commonest byte between tokens, skipped as the white-space case below
      ++i;
      continue;
    }
    uint32_t cp;
    size_t len;
    if (static_cast<unsigned char>(text[i]) < 0x80) cp = static_cast<unsigned char>(text[i]), len = 1;  // no call
    else len = decode(text, i, cp);
    const bool ascii_alnum = cp < 0x80 && is_word_byte(static_cast<unsigned char>(cp));
    const bool letter = ascii_alnum || (cp >= 0x80 && !is_unicode_punct(cp) && !is_apostrophe(cp));
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0) {
      i += len;
      continue;
    }
    if (!letter) {  // one punctuation mark
      tokens.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), TokenKind::Punct, false,
                        text.substr(i, len)});
      i += len;
      continue;
    }
    const size_t start = i;
    bool all_digits = true;
    while (i < n) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (kAsciiLetter[b]) {  // most bytes of a word: what the ASCII case below does for a letter
        all_digits = false;
        ++i;
        continue;
      }
      if (b < 0x80) cp = b, len = 1;  // ASCII, the common case: no decoding
      else len = decode(text, i, cp);
      if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        if (c >= '0' && c <= '9') {
          i += len;
          continue;
        }
        // "1,109" and "3.5": a separator between digits stays inside a number
        if ((c == ',' || c == '.') && all_digits && i > start && i + 1 < n && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
          i += len;
          continue;
        }
        if (is_word_byte(static_cast<unsigned char>(c))) {
          all_digits = false;
          i += len;
          continue;
        }
        break;
      }
      if (is_unicode_punct(cp) || is_apostrophe(cp)) break;
      all_digits = false;
      i += len;
    }
    uint32_t first = static_cast<unsigned char>(text[start]);
    if (first >= 0x80) decode(text, start, first);
    tokens.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i),
                      all_digits ? TokenKind::Number : TokenKind::Word, is_upper_cp(first),
                      text.substr(start, i - start)});
  }
  return tokens;
}

}  // namespace

const std::vector<Token>& tokens_of(std::string_view text) {
  // Several extractors tokenize the same document one after another (on the same thread): the last
  // text's tokens are kept. Same address and same bytes, so the cached views are views into `text`.
  struct Last {
    const char* data = nullptr;
    std::string text;
    std::vector<Token> tokens;
  };
  thread_local Last last;
  if (text.data() == last.data && text == last.text) return last.tokens;
  last.tokens = tokenize_text(text);
  last.data = text.data();
  last.text.assign(text);
  return last.tokens;
}

std::vector<Token> tokenize(std::string_view text) { return tokens_of(text); }

// ------------------------------------------------------------------------------------------ sentences
namespace {

bool is_abbreviation(std::string_view word) {
  static const std::array<std::string_view, 47> kAbbrev = {
      "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "jan", "feb", "mar",
      "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "jr", "sr", "prof",
      "rep", "sen", "gov", "approx", "est", "dept", "fig", "mt", "ft", "inc", "ltd", "co", "corp", "pres",
      "incl", "excl", "appr"};  // (the last: logs' and tables' shorthand, "27 killed incl. 4 children")
  std::string l = lower(word);
  for (auto a : kAbbrev)
    if (l == a) return true;
  return false;
}

}  // namespace

std::vector<Span> sentences(std::string_view text) {
  std::vector<Span> out;
  const size_t n = text.size();
  uint32_t paragraph = 0;
  size_t start = 0;
  auto flush = [&](size_t end) {
    size_t a = start, b = end;
    while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\n' || text[a] == '\r')) ++a;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\n' || text[b - 1] == '\r')) --b;
    if (b > a) out.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b), paragraph});
  };
  // The bytes the loop below acts on; it skips runs of others in a tight loop first.
  static constexpr std::array<bool, 256> kMark = [] {
    std::array<bool, 256> t{};
    t['\n'] = t['.'] = t['!'] = t['?'] = true;
    return t;
  }();
  for (size_t i = 0; i < n; ++i) {
    while (i < n && !kMark[static_cast<unsigned char>(text[i])]) ++i;
    if (i == n) break;
    const char c = text[i];
    if (c == '\n') {
      // Every line break ends a sentence (scraped pages put headlines, datelines and bullets on lines
      // of their own); a blank line also starts a new paragraph.
      flush(i);
      size_t j = i + 1;
      bool blank = false;
      while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) {
        if (text[j] == '\n') blank = true;
        ++j;
      }
      if (blank) ++paragraph;
      start = j;
      i = j - 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    // Closing quotes and brackets stay with the sentence.
    size_t end = i + 1;
    while (end < n && (text[end] == '"' || text[end] == ')' || text[end] == '\'' ||
                       (static_cast<unsigned char>(text[end]) == 0xE2 && end + 2 < n &&
                        static_cast<unsigned char>(text[end + 1]) == 0x80 &&
                        (static_cast<unsigned char>(text[end + 2]) == 0x9D ||
                         static_cast<unsigned char>(text[end + 2]) == 0x99)))) {
      end += (text[end] == '\xE2') ? 3 : 1;
    }
    if (end < n && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' && text[end] != '\r') continue;
    if (c == '.') {
      // the word before the dot
      size_t w = i;
      while (w > start && is_word_byte(static_cast<unsigned char>(text[w - 1]))) --w;
      std::string_view word = text.substr(w, i - w);
      if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') continue;  // initials, "U.N."
      if (is_abbreviation(word)) continue;
      // the next word must not start lower-case (a lower-case continuation means no sentence end)
      size_t k = end;
      while (k < n && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (k < n && text[k] >= 'a' && text[k] <= 'z') continue;
    }
    flush(end);
    start = end;
    i = end - 1;
  }
  flush(n);
  return out;
}

// ------------------------------------------------------------------------------------------ numbers
namespace {

struct WordValue {
  std::string_view word;
  int value;
};
constexpr std::array<WordValue, 28> kUnits = {{
    {"zero", 0},      {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},     {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},     {"eleven", 11},
    {"twelve", 12},   {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16}, {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19},  {"twenty", 20},   {"thirty", 30},   {"forty", 40},   {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},   {"ninety", 90},
}};

int unit_value(std::string_view w) {
  // Asked of nearly every word: most are turned away by their length ("one".."seventeen": 3 to 9 bytes)
  // or by their first letter, the others lower-cased once and compared with the (lower-case) table.
  if (w.size() < 3 || w.size() > 9) return -1;
  static const auto by_length = [] {  // the table's words by their length: at most six of each
    std::array<std::vector<WordValue>, 10> t;
    for (const auto& u : kUnits) t[u.word.size()].push_back(u);
    return t;
  }();
  const auto& candidates = by_length[w.size()];
  const char first = lower(w[0]);
  bool any = false;
  for (const auto& u : candidates) any = any || u.word[0] == first;
  if (!any) return -1;
  char buf[9];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = lower(w[i]);
  const std::string_view l(buf, w.size());
  for (const auto& u : candidates)
    if (u.word == l) return u.value;
  return -1;
}

double multiplier(std::string_view w) {
  if (iequals(w, "hundred")) return 100;
  if (iequals(w, "thousand")) return 1000;
  if (iequals(w, "million")) return 1e6;
  if (iequals(w, "dozen")) return 12;
  if (iequals(w, "score")) return 20;  // "a score of people"
  return 0;
}

// "dozens", "hundreds", "scores", "thousands": ACLED-style conventional values.
double vague_value(std::string_view w) {
  if (iequals(w, "dozens")) return 12;
  if (iequals(w, "scores")) return 20;
  if (iequals(w, "hundreds")) return 100;
  if (iequals(w, "thousands")) return 1000;
  return 0;
}

bool parse_digits(std::string_view s, double& out) {
  std::string clean;
  for (char c : s)
    if (c != ',') clean.push_back(c);
  if (clean.empty()) return false;
  try {
    size_t used = 0;
    out = std::stod(clean, &used);
    return used == clean.size();
  } catch (...) {
    return false;
  }
}

// A number in words starts with a vague word, "a"/"an", "half" or a unit (the cases of read_number()):
// the word is one of those (any case), found by its length and first letter.
bool may_start_word_number(std::string_view w) {
  static const auto starts = [] {  // [length][first letter] -> the words
    std::array<std::array<std::vector<std::string_view>, 26>, 10> t;
    auto add = [&](std::string_view s) { t[s.size()][size_t(s[0] - 'a')].push_back(s); };
    for (const char* s : {"dozens", "scores", "hundreds", "thousands", "a", "an", "half"}) add(s);
    for (const auto& u : kUnits) add(u.word);
    return t;
  }();
  if (w.empty() || w.size() >= starts.size()) return false;
  const char first = lower(w[0]);
  if (first < 'a' || first > 'z') return false;
  for (const auto s : starts[w.size()][size_t(first - 'a')])
    if (iequals(s, w)) return true;
  return false;
}

}  // namespace

bool may_start_number(const Token& t) {
  return t.kind == TokenKind::Number || (t.kind == TokenKind::Word && may_start_word_number(t.text));
}

std::optional<Number> read_number(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const Token& t = tokens[i];
  Number num;
  num.start = t.start;
  if (t.kind == TokenKind::Number) {
    if (!parse_digits(t.text, num.value)) return std::nullopt;
    num.end = t.end;
    num.token_count = 1;
    if (i + 1 < tokens.size()) {
      const double m = multiplier(tokens[i + 1].text);
      if (m >= 100) {
        num.value *= m;
        num.end = tokens[i + 1].end;
        num.token_count = 2;
      }
    }
    return num;
  }
  if (t.kind != TokenKind::Word) return std::nullopt;
  if (!may_start_word_number(t.text)) return std::nullopt;
  if (const double v = vague_value(t.text); v > 0) {
    num.value = v;
    num.vague = true;
    num.end = t.end;
    num.token_count = 1;
    // "dozens of", "hundreds of": the "of" belongs to the quantity
    return num;
  }
  // "half a dozen", "half a million"
  if (iequals(t.text, "half")) {
    if (i + 2 >= tokens.size() || !(iequals(tokens[i + 1].text, "a") || iequals(tokens[i + 1].text, "an")))
      return std::nullopt;
    const double m = multiplier(tokens[i + 2].text);
    if (m == 0) return std::nullopt;
    num.value = m / 2;
    num.end = tokens[i + 2].end;
    num.token_count = 3;
    return num;
  }
  // "a dozen", "a hundred", "an estimated"? only the first two
  size_t k = i;
  if ((iequals(t.text, "a") || iequals(t.text, "an")) && i + 1 < tokens.size()) {
    const double m = multiplier(tokens[i + 1].text);
    if (m == 0) return std::nullopt;
    num.value = m;
    num.end = tokens[i + 1].end;
    num.token_count = 2;
    return num;
  }
  // Word numbers: ("twenty" ["-"] "one") ("hundred" ["and"] ...) ("thousand" ...)
  double total = 0, current = 0;
  bool any = false;
  size_t last = i;
  while (k < tokens.size()) {
    const Token& w = tokens[k];
    if (w.kind != TokenKind::Word) {
      // hyphen inside "twenty-one"
      if (any && w.text == "-" && k + 1 < tokens.size() && unit_value(tokens[k + 1].text) > 0 &&
          unit_value(tokens[k + 1].text) < 10 && static_cast<int>(current) % 100 >= 20) {
        ++k;
        continue;
      }
      break;
    }
    const int u = unit_value(w.text);
    if (u >= 0) {
      // "twenty one": units after tens; a second unit of the same order ends the number ("two three")
      if (any && u >= 10 && static_cast<int>(current) % 100 != 0) break;
      if (any && u < 10 && static_cast<int>(current) % 10 != 0) break;
      current += u;
      any = true;
      last = k;
      ++k;
      continue;
    }
    const double m = multiplier(w.text);
    if (m > 0 && any) {
      if (m == 12) {  // "two dozen"
        current *= 12;
      } else if (m == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else {
        total += (current == 0 ? 1 : current) * m;
        current = 0;
      }
      last = k;
      ++k;
      continue;
    }
    if (any && iequals(w.text, "and") && k + 1 < tokens.size() && unit_value(tokens[k + 1].text) > 0 &&
        (static_cast<int>(current) % 100 == 0 || total > 0)) {
      ++k;
      continue;
    }
    break;
  }
  if (!any) return std::nullopt;
  num.value = total + current;
  num.end = tokens[last].end;
  num.token_count = last - i + 1;
  return num;
}

// ------------------------------------------------------------------------------------------ Lexicon
// Aho-Corasick automaton over lower-cased bytes. Bytes are mapped to classes (only the bytes that occur
// in some phrase get a class of their own), which keeps the full transition table small.
struct Lexicon::Impl {
  struct Output {
    uint32_t id;
    uint32_t length;  // phrase length in bytes
  };
  std::array<uint16_t, 256> byte_class{};  // 0: a byte in no phrase
  uint16_t classes = 1;
  std::vector<std::vector<int32_t>> trie;   // child per class, -1 none (during building)
  std::vector<std::vector<Output>> outputs;
  std::vector<int32_t> fail, dict_link;     // dict_link: nearest node on the fail chain with outputs
  std::vector<int32_t> delta;               // [node * classes + class] (during building)
  std::vector<int32_t> first_output;        // the node itself if it has outputs, else dict_link
  std::vector<uint16_t> in_class{0};        // the class of the byte that leads into each node (root: 0)
  // What find() walks: [row + class] -> the next state's row (node * classes), with kHasOutput set when
  // that state has outputs. One load per byte, no multiply: the scan is bound by this table's latency.
  static constexpr uint32_t kHasOutput = 0x80000000u;
  std::vector<uint32_t> step;
  // The same table with 16-bit entries (the next state's number, kHasOutput16 when it has outputs), used
  // instead of `step` when there are fewer than 32,768 states (as in every built-in lexicon): half the
  // bytes, so more of it stays in cache between documents, and the scan of a short text is bound by the
  // misses on this table, not by the multiply it adds per byte. Empty for larger lexicons.
  static constexpr uint16_t kHasOutput16 = 0x8000u;
  std::vector<uint16_t> step16;
  std::array<uint16_t, 256> input_class{};  // byte -> class with case and white space folded in
  bool built = false;
  size_t phrases = 0;

  // (a hyphen joins words as a space does: "civil-defence centre" is the civil defence centre, "air-strike"
  // an air strike)
  static unsigned char normalise(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
    if (c == '\n' || c == '\t' || c == '\r' || c == '-') return ' ';
    return c;
  }
};

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) { impl_->trie.emplace_back(); impl_->outputs.emplace_back(); }
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
size_t Lexicon::size() const { return impl_->phrases; }

void Lexicon::add(std::string_view phrase, uint32_t id) {
  auto& m = *impl_;
  if (m.built) throw std::logic_error("Lexicon::add after build()");
  // Collapse white space so "air  strike" and "air strike" are one phrase.
  std::string p;
  for (char ch : phrase) {
    const unsigned char c = Impl::normalise(static_cast<unsigned char>(ch));
    if (c == ' ' && (p.empty() || p.back() == ' ')) continue;
    p.push_back(static_cast<char>(c));
  }
  while (!p.empty() && p.back() == ' ') p.pop_back();
  if (p.empty()) return;
  int32_t node = 0;
  for (unsigned char c : p) {
    if (m.byte_class[c] == 0) m.byte_class[c] = m.classes++;
    const uint16_t cls = m.byte_class[c];
    auto& children = m.trie[node];
    if (children.size() <= cls) children.resize(cls + 1, -1);
    if (children[cls] < 0) {
      children[cls] = static_cast<int32_t>(m.trie.size());
      m.trie.emplace_back();
      m.outputs.emplace_back();
      m.in_class.push_back(cls);
    }
    node = m.trie[node][cls];
  }
  m.outputs[node].push_back({id, static_cast<uint32_t>(p.size())});
  ++m.phrases;
}

void Lexicon::build() {
  auto& m = *impl_;
  const size_t nodes = m.trie.size();
  const size_t k = m.classes;
  m.delta.assign(nodes * k, 0);
  m.fail.assign(nodes, 0);
  m.dict_link.assign(nodes, -1);
  std::vector<int32_t> queue;
  queue.reserve(nodes);
  for (size_t c = 1; c < k; ++c) {
    const int32_t child = c < m.trie[0].size() ? m.trie[0][c] : -1;
    if (child > 0) {
      m.delta[c] = child;
      queue.push_back(child);
    }
  }
  for (size_t qi = 0; qi < queue.size(); ++qi) {
    const int32_t node = queue[qi];
    const int32_t f = m.fail[node];
    m.dict_link[node] = m.outputs[f].empty() ? m.dict_link[f] : f;
    for (size_t c = 1; c < k; ++c) {
      const int32_t child = c < m.trie[node].size() ? m.trie[node][c] : -1;
      if (child > 0) {
        m.fail[child] = m.delta[f * k + c];
        m.delta[node * k + c] = child;
        queue.push_back(child);
      } else {
        m.delta[node * k + c] = m.delta[f * k + c];
      }
    }
  }
  m.first_output.resize(nodes);
  for (size_t i = 0; i < nodes; ++i) m.first_output[i] = m.outputs[i].empty() ? m.dict_link[i] : static_cast<int32_t>(i);
  for (int b = 0; b < 256; ++b) m.input_class[b] = m.byte_class[Impl::normalise(static_cast<unsigned char>(b))];
  if (nodes * k >= Impl::kHasOutput) throw std::length_error("Lexicon too large");
  m.step.resize(nodes * k);
  for (size_t i = 0; i < nodes * k; ++i) {
    const auto target = static_cast<uint32_t>(m.delta[i]);
    m.step[i] = static_cast<uint32_t>(target * k) | (m.first_output[target] >= 0 ? Impl::kHasOutput : 0u);
  }
  // Runs of white space count as one space. A state entered by a space (its phrase prefix ends with
  // one) stays put on more white space, which is what skipping those bytes would do; elsewhere a
  // second space changes nothing either: no phrase prefix holds two spaces or starts with one, so
  // from the root it leads back to the root. find() then needs no test for white space.
  const uint16_t space = m.byte_class[' '];
  if (space != 0)
    for (size_t node = 1; node < nodes; ++node)
      if (m.in_class[node] == space) m.step[node * k + space] = static_cast<uint32_t>(node * k);
  if (nodes <= Impl::kHasOutput16) {
    m.step16.resize(nodes * k);
    for (size_t i = 0; i < nodes * k; ++i)
      m.step16[i] = static_cast<uint16_t>((m.step[i] & ~Impl::kHasOutput) / k) |
                    ((m.step[i] & Impl::kHasOutput) ? Impl::kHasOutput16 : 0);
    m.step.clear();
    m.step.shrink_to_fit();
  }
  m.delta.clear();
  m.delta.shrink_to_fit();
  m.trie.clear();
  m.trie.shrink_to_fit();
  m.built = true;
}

namespace {
// Where a phrase of `length` normalised bytes that ends at text[last] starts, counting white-space runs as one.
size_t phrase_start(std::string_view text, size_t last, uint32_t length) {
  size_t i = last + 1;
  uint32_t left = length;
  while (left > 0 && i > 0) {
    --i;
    const char c = text[i];
    const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (ws)
      while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t' || text[i - 1] == '\r')) --i;
    --left;
  }
  return i;
}
}  // namespace

namespace {
// The states from state `s` down its dictionary links: the matches of phrases that end at text[i] (a word
// end) and start at a word start. Out of line: it runs for few bytes, and kept apart it leaves find()'s
// byte loop its registers.
template <class Outputs>
__attribute__((noinline)) void add_matches(std::string_view text, size_t i, int32_t s, const Outputs& outputs,
                                           const std::vector<int32_t>& dict_link, std::vector<Lexicon::Match>& found) {
  for (; s > 0; s = dict_link[size_t(s)]) {
    for (const auto& out : outputs[size_t(s)]) {
      const size_t start = phrase_start(text, i, out.length);
      const unsigned char first = static_cast<unsigned char>(text[start]);
      const bool start_ok =
          start == 0 || !is_word_byte(static_cast<unsigned char>(text[start - 1])) || !is_word_byte(first);
      if (!start_ok) continue;
      if (found.capacity() == 0) found.reserve(16);  // a text has several matches: not grown from one
      found.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i + 1), out.id});
    }
  }
}
}  // namespace

std::vector<Lexicon::Match> Lexicon::find(std::string_view text, bool longest_only) const {
  const auto& m = *impl_;
  if (!m.built) throw std::logic_error("Lexicon::find before build()");
  std::vector<Match> found;
  const size_t k = m.classes;
  const uint16_t* const cls = m.input_class.data();
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char* const end = bytes + n;
  // Runs of white space count as one space: the table stays in place on the second and later (see
  // build()). `row_of` and `has_output` read an entry of either table.
  const auto scan = [&](const auto* step, auto row_of, auto has_output) {
    size_t row = 0;  // the current state's row in the table
    const unsigned char* p = bytes;
    while (p != end) {
      // The byte loop: one table load a byte until a state with outputs.
      bool output;
      do {
        const auto e = step[row + cls[*p++]];
        row = row_of(e);
        output = has_output(e);
      } while (!output && p != end);
      if (!output) break;
      const size_t last = size_t(p - bytes) - 1;  // the byte that entered the state
      if (p != end && is_word_byte(*p) && is_word_byte(bytes[last])) continue;  // not a word end
      add_matches(text, last, m.first_output[row / k], m.outputs, m.dict_link, found);
    }
  };
  if (!m.step16.empty())
    scan(
        m.step16.data(), [k](uint16_t e) { return size_t(e & ~Impl::kHasOutput16) * k; },
        [](uint16_t e) { return (e & Impl::kHasOutput16) != 0; });
  else
    scan(
        m.step.data(), [](uint32_t e) { return size_t(e & ~Impl::kHasOutput); },
        [](uint32_t e) { return (e & Impl::kHasOutput) != 0; });
  if (longest_only) keep_longest(found);
  return found;
}

void Lexicon::keep_longest(std::vector<Match>& found) {
  if (found.size() < 2) return;
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    return a.start != b.start ? a.start < b.start : (a.end - a.start) > (b.end - b.start);
  });
  // Kept in place (the kept ones only move towards the front): no second vector.
  size_t kept = 0;
  uint32_t covered = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    if (kept && found[i].start < covered) continue;
    covered = found[i].end;
    found[kept++] = found[i];
  }
  found.resize(kept);
}

std::string json_escape(std::string_view s) {
  // Names and aliases mostly need no escape: one copy instead of a push_back per byte.
  if (std::none_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == '"' || c == '\\';
      }))
    return std::string(s);
  std::string out;
  out.reserve(s.size() + 2);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  return out;
}

}  // namespace ik::text
