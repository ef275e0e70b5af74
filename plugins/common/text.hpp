// Text utilities shared by the built-in extractors: folding, tokens, sentences, numbers, and the
// lexicon matcher. Compiled into each plugin (static, PIC); nothing here crosses the plugin ABI.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ik::text {

// Lower-case ASCII with Latin diacritics removed ("Ma‘arrat an Nu‘mān" -> "maarrat an numan").
// Apostrophes and ayn/hamza marks (' ’ ‘ ` ʿ ʾ) are dropped; other punctuation and hyphens become a
// space; runs of spaces collapse; the result is trimmed.
std::string fold(std::string_view s);

// Same as fold() but keeps a map from each output byte to the input byte offset it came from.
std::string fold_with_offsets(std::string_view s, std::vector<uint32_t>& offsets);

enum class TokenKind : uint8_t { Word, Number, Punct };

struct Token {
  uint32_t start = 0, end = 0;  // byte offsets in the text
  TokenKind kind = TokenKind::Word;
  bool capitalised = false;     // first letter upper-case (ASCII or Latin-1/Latin-A upper)
  std::string_view text;        // view into the original text
};

// Words (letters, digits, internal apostrophes/hyphens split off), numbers ("1,109", "3.5", "12"),
// and single punctuation marks.
std::vector<Token> tokenize(std::string_view text);
// The same tokens without a copy: a reference to this thread's cache of the last text tokenized, valid
// until the next tokenize()/tokens_of() call on the thread.
const std::vector<Token>& tokens_of(std::string_view text);

struct Span {
  uint32_t start = 0, end = 0;
  uint32_t paragraph = 0;  // index of the paragraph (blank-line separated block) it is in
};

// Sentences: splits on . ! ? and line breaks that end a paragraph or a short title-like line; knows
// abbreviations (Feb., Mr., U.N., St.), decimals and initials.
std::vector<Span> sentences(std::string_view text);

// A number written in digits or words, found at tokens[i]. Reads "1,109", "11", "eleven", "twenty-one",
// "a dozen", "two dozen", "dozens", "hundreds", "scores", "a hundred", "three hundred and five",
// "2 million". `vague` is true for "dozens"/"scores"/"hundreds"/"thousands", valued as ACLED codes them
// (the low reading: dozens=12, scores=20, hundreds=100, thousands=1000). `token_count` is how many
// tokens were consumed. Not numbers: "several", "many", ordinals.
struct Number {
  double value = 0;
  bool vague = false;
  uint32_t start = 0, end = 0;
  size_t token_count = 0;
};
std::optional<Number> read_number(const std::vector<Token>& tokens, size_t i);
// False when read_number() is sure to find no number starting at the token t (most words): a cheap test
// for callers that try every token.
bool may_start_number(const Token& t);

// Case-insensitive whole-word phrase matcher (Aho-Corasick over ASCII-lower-cased bytes). Non-ASCII bytes
// match themselves. A match must start and end at a word boundary.
class Lexicon {
 public:
  struct Match {
    uint32_t start, end;  // byte offsets
    uint32_t id;          // the id given to add()
  };
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  void add(std::string_view phrase, uint32_t id);
  void build();  // after the last add(); find() before build() throws
  // All whole-word matches; with longest_only, overlapping matches are resolved leftmost-longest.
  std::vector<Match> find(std::string_view text, bool longest_only = true) const;
  // What longest_only does to all matches (in find()'s order): overlaps resolved leftmost-longest. For
  // callers that scan with one lexicon holding several phrase sets and resolve each set on its own.
  static void keep_longest(std::vector<Match>& found);
  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ASCII helpers.
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
// Inline: asked of most tokens by several extractors (millions of times a run), mostly of words of
// another length, which then cost no call.
inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}
std::string lower(std::string_view s);
bool is_word_byte(unsigned char c);  // letter, digit or any non-ASCII byte
// Whether a spaced dash ends the lead of a line within 60 bytes after `end`, before its first sentence ends:
// the dateline's "- " in "BEIRUT, Feb 26 (Reuters) - ..." or "SARAQIB, Syria — ...".
bool dateline_dash_after(std::string_view text, size_t end);
// Whether a when-clause opens at `end` (", when" or " when"): "since Feb. 27, when an air strike killed 33".
bool when_clause_after(std::string_view text, size_t end);

// JSON-escape a string (for building attrs_json by hand on hot paths).
std::string json_escape(std::string_view s);

}  // namespace ik::text
