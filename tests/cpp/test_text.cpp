// The shared text utilities of the built-in extractors: folding, tokens, sentences, numbers, lexicon.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "common/text.hpp"

using namespace ik::text;

namespace {

std::string slice(std::string_view text, uint32_t a, uint32_t b) { return std::string(text.substr(a, b - a)); }

TEST(Fold, RemovesDiacriticsApostrophesAndPunctuation) {
  EXPECT_EQ(fold("Ma‘arrat an Nu‘mān"), "maarrat an numan");
  EXPECT_EQ(fold("Khān Shaykhūn"), "khan shaykhun");
  EXPECT_EQ(fold("Arīḩā"), "ariha");
  EXPECT_EQ(fold("  Kafr-Nabl,  Idleb "), "kafr nabl idleb");
  EXPECT_EQ(fold("Ma'arrat"), "maarrat");
  EXPECT_EQ(fold("São Paulo"), "sao paulo");
  EXPECT_EQ(fold("Straße"), "strasse");
}

TEST(Fold, OffsetsPointBackIntoTheInput) {
  std::vector<uint32_t> offsets;
  const std::string in = "Arīḩā town";
  const std::string out = fold_with_offsets(in, offsets);
  ASSERT_EQ(out, "ariha town");
  ASSERT_EQ(offsets.size(), out.size());
  EXPECT_EQ(offsets[0], 0u);
  EXPECT_EQ(in.substr(offsets[6]), "town");
}

TEST(Tokenize, SplitsWordsNumbersAndPunctuation) {
  const std::string t = "At least 1,109 civilians—including 3.5% of Idlib's children.";
  auto toks = tokenize(t);
  std::vector<std::string> words;
  for (const auto& k : toks) words.push_back(std::string(k.text));
  const std::vector<std::string> want = {"At", "least", "1,109", "civilians", "—", "including", "3.5", "%", "of",
                                         "Idlib", "'", "s", "children", "."};
  EXPECT_EQ(words, want);
  EXPECT_EQ(toks[2].kind, TokenKind::Number);
  EXPECT_TRUE(toks[0].capitalised);
  EXPECT_FALSE(toks[1].capitalised);
  EXPECT_EQ(toks[4].kind, TokenKind::Punct);
}

TEST(Sentences, KnowAbbreviationsInitialsAndLines) {
  const std::string t =
      "Updated 23 February 2020\nOn Feb. 11 the U.N. said Dr. Ahmed was hurt. Two more died!\n\nA new paragraph.";
  auto s = sentences(t);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(slice(t, s[0].start, s[0].end), "Updated 23 February 2020");
  EXPECT_EQ(slice(t, s[1].start, s[1].end), "On Feb. 11 the U.N. said Dr. Ahmed was hurt.");
  EXPECT_EQ(slice(t, s[2].start, s[2].end), "Two more died!");
  EXPECT_EQ(s[2].paragraph, 0u);
  EXPECT_EQ(s[3].paragraph, 1u);
}

TEST(Sentences, DecimalsAndClosingQuotesStayInside) {
  const std::string t = "He said: \"We lost 2.5 hectares.\" Then he left.";
  auto s = sentences(t);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(slice(t, s[0].start, s[0].end), "He said: \"We lost 2.5 hectares.\"");
}

struct NumberCase {
  std::string text;
  double value;
  bool vague;
  std::string span;
};

TEST(ReadNumber, DigitsWordsAndVagueQuantities) {
  const std::vector<NumberCase> cases = {
      {"1,109 dead", 1109, false, "1,109"},
      {"eleven people", 11, false, "eleven"},
      {"twenty-one people", 21, false, "twenty-one"},
      {"two dozen people", 24, false, "two dozen"},
      {"a dozen people", 12, false, "a dozen"},
      {"three hundred and five homes", 305, false, "three hundred and five"},
      {"two thousand five hundred", 2500, false, "two thousand five hundred"},
      {"dozens of people", 12, true, "dozens"},
      {"hundreds of families", 100, true, "hundreds"},
      {"2 million people", 2e6, false, "2 million"},
  };
  for (const auto& c : cases) {
    auto toks = tokenize(c.text);
    auto n = read_number(toks, 0);
    ASSERT_TRUE(n.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(n->value, c.value) << c.text;
    EXPECT_EQ(n->vague, c.vague) << c.text;
    EXPECT_EQ(slice(c.text, n->start, n->end), c.span) << c.text;
  }
}

TEST(ReadNumber, RefusesNonNumbers) {
  for (std::string t : {"several people", "many were hurt", "a man", "first strike", "one two"}) {
    auto toks = tokenize(t);
    auto n = read_number(toks, 0);
    if (t == "one two") {
      ASSERT_TRUE(n.has_value());
      EXPECT_EQ(n->value, 1);  // two separate numbers, not 12 or 3
      continue;
    }
    EXPECT_FALSE(n.has_value()) << t;
  }
}

TEST(Lexicon, CaseInsensitiveWholeWordLongestMatch) {
  Lexicon lx;
  lx.add("air strike", 1);
  lx.add("strike", 2);
  lx.add("killed", 3);
  lx.add("U.N.", 4);
  lx.build();
  const std::string t = "An AIR  STRIKE killed two; strikes and ceasefire-killed? the U.N. said";
  auto found = lx.find(t);
  std::vector<std::pair<uint32_t, std::string>> got;
  for (const auto& m : found) got.push_back({m.id, slice(t, m.start, m.end)});
  const std::vector<std::pair<uint32_t, std::string>> want = {
      {1, "AIR  STRIKE"}, {3, "killed"}, {3, "killed"}, {4, "U.N."}};
  EXPECT_EQ(got, want);  // "strikes" is not the word "strike"; "ceasefire-killed" still holds "killed"
}

TEST(Lexicon, AllMatchesWhenOverlapsAreWanted) {
  Lexicon lx;
  lx.add("barrel bomb", 1);
  lx.add("bomb", 2);
  lx.build();
  auto found = lx.find("a barrel bomb fell", /*longest_only=*/false);
  ASSERT_EQ(found.size(), 2u);
}

// A lexicon of more than 32,768 states scans with the wide table, a smaller one with the narrow one:
// both find the same matches.
TEST(Lexicon, LargeLexiconFindsWhatASmallOneFinds) {
  const std::vector<std::string> phrases = {"air strike", "strike", "killed", "barrel bomb", "bomb", "U.N."};
  Lexicon small, large;
  for (uint32_t i = 0; i < phrases.size(); ++i) small.add(phrases[i], i), large.add(phrases[i], i);
  // Filler phrases no text below holds: 40,000 of 6 letters, most of their states their own.
  for (uint32_t i = 0; i < 40000; ++i) {
    std::string w = "qx";
    for (uint32_t v = i, d = 0; d < 4; ++d, v /= 26) w += char('a' + v % 26);
    large.add(w, 1000 + i);
  }
  small.build();
  large.build();
  const std::string t = "An AIR  STRIKE killed two; a barrel bomb hit,\nthe U.N. said. Strikes, qxaaa and qx: no.";
  for (bool longest : {true, false}) {
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> a, b;
    for (const auto& m : small.find(t, longest)) a.emplace_back(m.start, m.end, m.id);
    for (const auto& m : large.find(t, longest)) b.emplace_back(m.start, m.end, m.id);
    EXPECT_EQ(a, b);
    EXPECT_FALSE(a.empty());
  }
  EXPECT_EQ(large.find("then qxbaaa fell").size(), 1u);  // a filler phrase is found too
}

TEST(Lexicon, FindBeforeBuildIsAnError) {
  Lexicon lx;
  lx.add("x", 1);
  EXPECT_THROW(lx.find("x"), std::logic_error);
}

}  // namespace
