// dates.v1: dates, periods and the publication dateline.
//
// One token scan finds absolute date "atoms" ("29 January 2020", "January 29, 2020", "Jan. 29",
// "29/01/2020", "2020-01-29", "September 2019", "in 2019"), then combines them into ranges ("between
// May 2019 and February 2020", "from 1 to 3 December", "since June 2017") and resolves relative
// expressions ("on Saturday", "yesterday", "last week", "last September", "over the past year")
// against the publication date. The publication date comes from the document's metadata or, failing
// that, from a dateline near the top ("Updated 23 February 2020", "May 11, 2020 at 12:22 pm").
//
// Output (plugins/LABELS.md): `date` (value = start date, number = ACLED time precision 1 day /
// 2 week / 3 month or longer, attrs end/kind/relative/year_guessed, and story for a day counted on the
// story's own timeline), `published`, `period`, and `days`
// for a run of named days ("17-20/03"), whose length is known even when its year is not.
// Without a publication date, relative expressions are skipped and missing years are taken from the
// nearest explicit year in the document (year_guessed).
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/calendar.hpp"
#include "common/text.hpp"
#include "incidentkit/sdk.hpp"

namespace {

using ik::text::iequals;
using ik::text::Token;
using ik::text::TokenKind;

// ------------------------------------------------------------------------------------ calendar
using ik::calendar::civil_from_days;
using ik::calendar::days_from_civil;
using ik::calendar::days_in_month;
using ik::calendar::iso;
using ik::calendar::parse_iso;
using ik::calendar::weekday;  // 0 = Sunday
using ik::calendar::Ymd;


int64_t first_day(const Ymd& a) { return days_from_civil(a.y, a.m ? a.m : 1, a.d ? a.d : 1); }
int64_t last_day(const Ymd& a) {
  if (a.m == 0) return days_from_civil(a.y, 12, 31);
  if (a.d == 0) return days_from_civil(a.y, a.m, days_in_month(a.y, a.m));
  return days_from_civil(a.y, a.m, a.d);
}

// ACLED time precision of a span of days: 1 a day, 2 up to a week, 3 longer.
int precision_of(int64_t from, int64_t to) {
  const int64_t n = to - from + 1;
  return n <= 1 ? 1 : n <= 7 ? 2 : 3;
}

// ------------------------------------------------------------------------------------ words
int month_of(std::string_view w) {
  static const std::array<std::string_view, 12> kFull = {"january", "february", "march",     "april",
                                                         "may",     "june",     "july",      "august",
                                                         "september", "october", "november", "december"};
  static const std::array<std::string_view, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  // Asked of most capitalised words: those of no month's length (3 to 9) or first letter go at once.
  if (w.size() < 3 || w.size() > 9) return 0;
  switch (ik::text::lower(w[0])) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
  }
  for (int k = 0; k < 12; ++k)
    if (iequals(w, kFull[k]) || iequals(w, kShort[k])) return k + 1;
  if (iequals(w, "sept")) return 9;
  return 0;
}

// A full month name other than the two that are also common words ("may", "march").
bool unambiguous_month(std::string_view w) {
  return w.size() > 3 && !iequals(w, "may") && !iequals(w, "march") && !iequals(w, "sept");
}

// 0..6 (Sunday first), -1 when not a weekday. Abbreviations only with `short_ok`.
int weekday_of(std::string_view w, bool short_ok) {
  static const std::array<std::string_view, 7> kFull = {"sunday",   "monday", "tuesday", "wednesday",
                                                        "thursday", "friday", "saturday"};
  for (int k = 0; k < 7; ++k)
    if (iequals(w, kFull[k])) return k;
  if (!short_ok) return -1;
  static const std::array<std::string_view, 7> kShort = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (int k = 0; k < 7; ++k)
    if (iequals(w, kShort[k])) return k;
  if (iequals(w, "tues")) return 2;
  if (iequals(w, "thur") || iequals(w, "thurs")) return 4;
  return -1;
}

bool is_any(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (iequals(w, x)) return true;
  return false;
}

// Whether w may be a word every relative-day phrase of Dates::sequel_at() turns on ("later", "earlier",
// "after", "next", "following", "same", "previous"). sequel_at() is asked of every token, twice, and most
// are none of them: their length or first letter turns them away before any comparison.
bool may_turn_sequel(std::string_view w) {
  if (w.size() < 4 || w.size() > 9) return false;
  switch (ik::text::lower(w[0])) {
    case 'l': case 'e': case 'a': case 'n': case 'f': case 's': case 'p':
      return is_any(w, {"later", "earlier", "after", "next", "following", "same", "previous"});
    default:
      return false;
  }
}

// Days in the run from a to b (day precision; a missing year counts as a common year, b's is a's, or the
// next one when b's month comes first: "Dec 30 - Jan 1").
int run_days(Ymd a, Ymd b) {
  if (!a.y) a.y = b.y ? b.y : 2001;
  if (!b.y) b.y = b.m < a.m ? a.y + 1 : a.y;
  return int(days_from_civil(b.y, b.m, b.d) - days_from_civil(a.y, a.m, a.d)) + 1;
}

int small_count(std::string_view w) {  // "two weeks ago", "three days"
  static const std::array<std::string_view, 13> kWords = {"zero", "one", "two",   "three", "four", "five", "six",
                                                          "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int k = 0; k < 13; ++k)
    if (iequals(w, kWords[k])) return k;
  if (iequals(w, "a") || iequals(w, "an")) return 1;
  if (iequals(w, "several") || iequals(w, "few")) return 3;
  int v = 0;
  if (w.empty() || w.size() > 3) return -1;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "the deadliest day since the truce took effect", "the worst attack since June": a comparison with a
// past moment, not a period the report totals. Looks back from `at` (the "since") within its sentence.
bool superlative_before(std::string_view text, size_t at) {
  size_t from = at > 80 ? at - 80 : 0;
  for (size_t k = at; k > from; --k)
    if (text[k - 1] == '\n' || text[k - 1] == ';' || (text[k - 1] == '.' && k < at && text[k] == ' ')) {
      from = k;
      break;
    }
  const std::string back = ik::text::lower(text.substr(from, at - from));
  static const std::array<std::string_view, 11> kWords = {"deadliest", "worst", "bloodiest", "heaviest", "fiercest",
                                                          "largest", "biggest", "highest", "most violent",
                                                          "first time", "first such"};
  for (std::string_view w : kWords)
    if (const size_t k = back.find(w);
        k != std::string::npos && (k == 0 || !std::isalpha(static_cast<unsigned char>(back[k - 1]))))
      return true;
  return false;
}

// A date inside such a comparison ("the worst attack since ... in March 2017"): "since" before it in the
// clause, a superlative before that.
bool comparison_reference(std::string_view text, size_t at, size_t end) {
  const size_t from = at > 100 ? at - 100 : 0;
  const std::string back = ik::text::lower(text.substr(from, at - from));
  const size_t k = back.rfind("since ");
  if (k == std::string::npos || back.find_first_of(".;\n", k) != std::string::npos) return false;
  // (unless a clause after it tells what happened that day: "the deadliest since Feb. 27, when an air
  // strike killed 33 Turkish soldiers")
  if (ik::text::when_clause_after(text, end)) return false;
  return superlative_before(text, from + k);
}

// ------------------------------------------------------------------------------------ atoms
struct Atom {
  size_t tb = 0, te = 0;  // token range [tb, te)
  Ymd v;                  // y == 0: year missing
  bool numeric = false;   // written in digits only ("29/01/2020")
  bool used = false;      // consumed by a range, the dateline or a relative phrase
  bool year_filled = false;  // its year was not written but completed (complete_year)
  bool telling = false;      // the dateline's or the telling's date, no day of the story
};

struct Found {
  uint32_t start = 0, end = 0;
  int64_t from = 0, to = 0;  // inclusive day numbers
  bool has_end = false;      // `to` is meaningful (ranges, weeks, months)
  int precision = 1;
  std::string kind = "point";
  bool relative = false, year_guessed = false, approximate = false, period = false;
  bool story = false;  // relative, but counted on the story's own timeline (from a day the text told)
  double confidence = 0.8;
  int days = 0;  // a run of named days ("17-20 March", "11/04 and 12/04"): how many
};

// A run of named days whose year is unknown (no year in the text, no publication date): its length is
// still known, so a `days` mention without a `date`.
struct YearlessRun {
  uint32_t start = 0, end = 0;
  int days = 0;
};

class Scanner {
 public:
  // The thread's cached tokens, not a copy: nothing tokenizes another text while a Scanner is in use.
  Scanner(std::string_view text) : text_(text), tok_(ik::text::tokens_of(text)) {}

  std::string_view text_;
  const std::vector<Token>& tok_;

  std::string_view w(size_t i) const { return i < tok_.size() ? tok_[i].text : std::string_view(); }
  bool is(size_t i, std::string_view s) const { return i < tok_.size() && iequals(tok_[i].text, s); }
  bool adjacent(size_t i) const {  // tokens i and i+1 touch (no space between)
    return i + 1 < tok_.size() && tok_[i].end == tok_[i + 1].start;
  }

  // A day of the month: "29", "1st", "22nd".
  int day_at(size_t i) const {
    if (i >= tok_.size()) return 0;
    std::string_view t = tok_[i].text;
    size_t k = 0;
    int v = 0;
    while (k < t.size() && t[k] >= '0' && t[k] <= '9' && k < 2) v = v * 10 + (t[k++] - '0');
    if (k == 0) return 0;
    std::string_view rest = t.substr(k);
    if (!rest.empty() && !is_any(rest, {"st", "nd", "rd", "th"})) return 0;
    if (rest.empty() && tok_[i].kind != TokenKind::Number) return 0;
    return (v >= 1 && v <= 31) ? v : 0;
  }
  int year_at(size_t i) const {
    if (i >= tok_.size() || tok_[i].kind != TokenKind::Number || tok_[i].text.size() != 4) return 0;
    int v = 0;
    for (char c : tok_[i].text) v = v * 10 + (c - '0');
    return (v >= 1900 && v <= 2100) ? v : 0;
  }
  int month_at(size_t i) const {
    if (i >= tok_.size() || tok_[i].kind != TokenKind::Word || !tok_[i].capitalised) return 0;
    return month_of(tok_[i].text);
  }
  // Tokens after a month: "Jan." takes its dot.
  size_t after_month(size_t i) const {
    size_t j = i + 1;
    if (j < tok_.size() && tok_[j].text == "." && tok_[i].text.size() <= 4 && adjacent(i) &&
        !is_any(tok_[i].text, {"may", "june", "july"}))  // abbreviations only
      ++j;
    return j;
  }
  // A day number that is really a count or a time ("March 12 people", "9:30")
  bool day_is_other(size_t i) const {
    if (i + 1 >= tok_.size()) return false;
    if (tok_[i + 1].text == ":" || tok_[i + 1].text == ".") return tok_[i + 1].text == ":" || (adjacent(i + 1) && adjacent(i));
    return tok_[i + 1].text == "-" && adjacent(i) && i + 2 < tok_.size() && tok_[i + 2].kind == TokenKind::Word;  // "16-year-old"
  }
  // "REYHANLI, Turkey, Nov 21": a month after a comma that follows a city written in capitals
  bool after_dateline_city(size_t i) const {
    if (i < 2 || !is(i - 1, ",")) return false;
    for (size_t back = 2; back <= 5 && back <= i; ++back) {
      const Token& t = tok_[i - back];
      if (t.kind == TokenKind::Word && t.text.size() >= 3 &&
          std::none_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return true;
    }
    return false;
  }
  bool cue_before(size_t i) const {  // a word that makes a bare month or year a date
    if (i == 0) return false;
    std::string_view p = tok_[i - 1].text;
    if (p == "-" && i >= 2) p = tok_[i - 2].text;  // "mid-September"
    return is_any(p, {"in", "since", "during", "until", "till", "from", "between", "through", "throughout",
                      "early", "late", "mid", "last", "of", "by", "before", "after", "and", "to", "end",
                      "beginning", "start", "around", "circa", "this", "next", "fall", "spring", "summer",
                      "winter", "autumn"});
  }

  // Numeric forms: 29/01/2020, 29/01, 2020-01-29, 29.01.2020.
  std::optional<Atom> numeric_at(size_t i) const {
    const Token& t = tok_[i];
    if (t.kind != TokenKind::Number) return std::nullopt;
    // "29.01.2020": one token with two dots
    if (std::count(t.text.begin(), t.text.end(), '.') == 2) {
      int a = 0, b = 0, c = 0, part = 0;
      for (char ch : t.text) {
        if (ch == '.') { ++part; continue; }
        int& x = part == 0 ? a : part == 1 ? b : c;
        x = x * 10 + (ch - '0');
      }
      if (c >= 1900 && c <= 2100 && a >= 1 && a <= 31 && b >= 1 && b <= 12)
        return Atom{i, i + 1, {c, b, a}, true};
      return std::nullopt;
    }
    auto num = [&](size_t k) -> int {
      if (k >= tok_.size() || tok_[k].kind != TokenKind::Number || tok_[k].text.size() > 4) return -1;
      int v = 0;
      for (char ch : tok_[k].text) {
        if (ch < '0' || ch > '9') return -1;
        v = v * 10 + (ch - '0');
      }
      return v;
    };
    auto sep = [&](size_t k, char c) { return k < tok_.size() && tok_[k].text.size() == 1 && tok_[k].text[0] == c &&
                                              adjacent(k - 1) && adjacent(k); };
    const int a = num(i);
    if (a < 0) return std::nullopt;
    if (t.text.size() == 4 && sep(i + 1, '-') && sep(i + 3, '-')) {  // 2020-01-29
      const int m = num(i + 2), d = num(i + 4);
      if (a >= 1900 && a <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(a, m))
        return Atom{i, i + 5, {a, m, d}, true};
      return std::nullopt;
    }
    if (t.text.size() <= 2 && sep(i + 1, '/')) {
      const int b = num(i + 2);
      if (b < 1) return std::nullopt;
      int day = a, mon = b;
      if (mon > 12 && day <= 12) std::swap(day, mon);  // US order when unambiguous
      if (day < 1 || day > 31 || mon < 1 || mon > 12) return std::nullopt;
      if (sep(i + 3, '/')) {
        int y = num(i + 4);
        if (y >= 0 && y < 100) y += 2000;
        if (y < 1900 || y > 2100 || day > days_in_month(y, mon)) return std::nullopt;
        return Atom{i, i + 5, {y, mon, day}, true};
      }
      // "on 09/05": only after a cue, and not a fraction ("2/3 of")
      const bool run_end = i >= 2 && tok_[i - 1].text == "-" && day_at(i - 2);  // "17-20/03"
      // "(24/05 and 25/05)": a bracket opens a run of dates, not a fraction
      const bool run_start = i > 0 && tok_[i - 1].text == "(" && i + 4 < tok_.size() &&
                             (is(i + 3, "and") || tok_[i + 3].text == "-") && tok_[i + 4].kind == TokenKind::Number;
      if (i > 0 && (run_end || run_start || is_any(tok_[i - 1].text, {"on", "of", "since", "from", "until", "between", "and", "to", "by"})) &&
          !is(i + 3, "of"))
        return Atom{i, i + 3, {0, mon, day}, true};
    }
    return std::nullopt;
  }

  // "the sixteenth of March": a day written as an ordinal word, only before "of" and a month.
  static int ordinal_day(std::string_view w) {
    static const char* const kOrdinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                                            "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                            "nineteenth", "twentieth"};
    for (int k = 0; k < 20; ++k)
      if (iequals(w, kOrdinals[k])) return k + 1;
    return iequals(w, "thirtieth") ? 30 : 0;
  }

  // "the twenty-second of February": tens, a hyphen or not, then an ordinal of one to nine. Returns the
  // day and sets `last` to its last token (0: no compound ordinal at i).
  int compound_ordinal_day(size_t i, size_t& last) const {
    const Token& t = tok_[i];
    const int tens = iequals(t.text, "twenty") ? 20 : iequals(t.text, "thirty") ? 30 : 0;
    if (!tens) return 0;
    const size_t k = is(i + 1, "-") ? i + 2 : i + 1;
    if (k >= tok_.size() || tok_[k].kind != TokenKind::Word) return 0;
    const int unit = ordinal_day(tok_[k].text);
    if (unit < 1 || unit > 9) return 0;
    last = k;
    return tens + unit;
  }

  std::optional<Atom> atom_at(size_t i) const {
    const Token& t = tok_[i];
    size_t last = i;
    int od = 0;
    // (the cheap test first: most words are followed by no "of")
    if (t.kind == TokenKind::Word && !t.capitalised) {
      if (is(i + 1, "of")) od = ordinal_day(t.text);
      else if (is(i + 2, "of") || is(i + 3, "of")) od = compound_ordinal_day(i, last);
    }
    if (od && is(last + 1, "of") && month_at(last + 2)) {
      const int m = month_at(last + 2);
      size_t k = after_month(last + 2), kk = k;
      if (is(kk, ",")) ++kk;
      Atom a{i, k, {0, m, od}};
      if (const int y = year_at(kk)) a.v.y = y, a.te = kk + 1;
      if (od <= days_in_month(a.v.y ? a.v.y : 2000, m)) return a;
    }
    // Every date starts with a number, a digit ("1st") or a capitalised word (a month): most tokens
    // (lower-case words, punctuation) are none of these and are turned away before the checks below.
    if (t.kind != TokenKind::Number && !(t.kind == TokenKind::Word && t.capitalised) &&
        !(!t.text.empty() && t.text[0] >= '0' && t.text[0] <= '9'))
      return std::nullopt;
    if (auto a = numeric_at(i)) return a;
    // D [of] Month [,] [Year]
    if (const int d = day_at(i); d && !day_is_other(i)) {
      size_t j = i + 1;
      if (is(j, "of")) ++j;
      if (const int m = month_at(j)) {
        size_t k = after_month(j);
        size_t kk = k;
        if (is(kk, ",")) ++kk;
        Atom a{i, k, {0, m, d}};
        if (const int y = year_at(kk)) {
          a.v.y = y;
          a.te = kk + 1;
        }
        if (d <= days_in_month(a.v.y ? a.v.y : 2000, m)) return a;
      }
      return std::nullopt;
    }
    if (const int m = month_at(i)) {
      const bool ambiguous = !unambiguous_month(t.text) && !(adjacent(i) && w(i + 1) == ".");
      size_t j = after_month(i);
      // Month D [,] [Year] (not a heading's month over a numbered paragraph: "A. February / 4. On 19 ...")
      if (const int d = day_at(j); d && !day_is_other(j) && !year_at(j) &&
                                   text_.substr(tok_[i].end, tok_[j].start - tok_[i].end).find('\n') == std::string_view::npos) {
        const bool count_like = i > 0 && is(i - 1, "in") && j + 1 < tok_.size() && tok_[j + 1].kind == TokenKind::Word;
        if (!count_like && d <= days_in_month(2000, m)) {
          Atom a{i, j + 1, {0, m, d}};
          size_t k = j + 1;
          if (is(k, ",")) ++k;
          if (const int y = year_at(k)) {
            a.v.y = y;
            a.te = k + 1;
          } else if (is(j + 1, "-") && day_at(j + 2)) {  // "Jan 1-3, 2016": the year after the range
            size_t kk = j + 3;
            if (is(kk, ",")) ++kk;
            a.v.y = year_at(kk);
          }
          // (after a weekday too: "on Tuesday, May 3")
          const bool after_weekday = (i > 0 && weekday_of(tok_[i - 1].text, false) >= 0) ||
                                     (i > 1 && is(i - 1, ",") && weekday_of(tok_[i - 2].text, false) >= 0);
          if (a.v.y || !ambiguous || cue_before(i) || (i > 0 && is(i - 1, "on")) || after_dateline_city(i) || after_weekday)
            return a;
          return std::nullopt;
        }
      }
      // Month [,] Year
      size_t k = j;
      if (is(k, ",")) ++k;
      if (const int y = year_at(k)) return Atom{i, k + 1, {y, m, 0}};
      // Bare month after a cue ("in September", "last May", "since December")
      // (an ambiguous one after "of" when capitalised: "the first week of March", "by the end of May")
      if (cue_before(i) && (!ambiguous || (i > 0 && !is(i - 1, "and") && !is(i - 1, "to") &&
                                           (!is(i - 1, "of") || tok_[i].capitalised))))
        return Atom{i, j, {0, m, 0}};
      return std::nullopt;
    }
    // A year after a cue ("in 2019", "since 2011")
    if (year_at(i) && cue_before(i) && !(i + 1 < tok_.size() && tok_[i + 1].kind == TokenKind::Word &&
                                          !is_any(tok_[i + 1].text, {"and", "to", "until", "when", "after", "before",
                                                                     "as", "while", "that", "in", "the", "but"})))
      return Atom{i, i + 1, {year_at(i), 0, 0}};
    return std::nullopt;
  }

  std::vector<Atom> atoms() const {
    std::vector<Atom> out;
    for (size_t i = 0; i < tok_.size();) {
      if (auto a = atom_at(i)) {
        out.push_back(*a);
        i = a->te;
      } else {
        ++i;
      }
    }
    return out;
  }
};

// ------------------------------------------------------------------------------------ extractor
struct Dates {
  static constexpr const char* name = "dates";
  static constexpr const char* version = "v1";
  static constexpr const char* requires_labels = "sentence";
  static constexpr const char* assigns = "date published period days";
  static constexpr const char* default_config = "{}";

  explicit Dates(const ik::sdk::Config&) {}

  void process(ik::sdk::Doc& doc) const {
    const std::string_view text = doc.text();
    Scanner s(text);
    std::vector<Atom> atoms = s.atoms();
    const auto& tok = s.tok_;

    // 1. The anchor: metadata, else the dateline.
    std::optional<int64_t> anchor = parse_iso(doc.published());
    auto line = find_dateline(s, atoms);
    // A wire dateline's year: that of the latest date the text states, or the next when the dateline's day
    // comes before that date in the year ("GAZIANTEP, Turkey, Feb 12" over "reopened in September 2019").
    // (with the publication day known, a dateline of that month and day is of that year: "ISTANBUL, April 29
    // (Levant Wire) -" published 2020-04-29, though the text recalls March 2018)
    if (line && !atoms[line->atom].v.y && anchor) {
      Atom& a = atoms[line->atom];
      const Ymd pub = civil_from_days(*anchor);
      if (a.v.m == pub.m && a.v.d == pub.d) a.v.y = pub.y;
    }
    if (line && !atoms[line->atom].v.y) {
      Atom& a = atoms[line->atom];
      Ymd latest{0, 0, 0};
      for (const Atom& b : atoms)
        if (!b.numeric && b.v.y && std::make_tuple(b.v.y, b.v.m, b.v.d) > std::make_tuple(latest.y, latest.m, latest.d)) latest = b.v;
      if (latest.y) a.v.y = latest.y + (std::make_pair(a.v.m, a.v.d) < std::make_pair(latest.m, latest.d) ? 1 : 0);
      else line.reset();
    }
    // (with the date known from metadata, a line dated otherwise is no dateline: "Reporting window: 28
    // April - 7 May", the "Date:" of an entry in a log)
    if (line && anchor) {
      const Atom& a = atoms[line->atom];
      if (days_from_civil(a.v.y, a.v.m, a.v.d) != *anchor) line.reset();
    }
    if (line) {
      Atom& a = atoms[line->atom];
      a.used = a.telling = true;  // the dateline is not an event date
      const int64_t day = days_from_civil(a.v.y, a.v.m, a.v.d);
      ik::sdk::Mention m;
      m.start = line->start;
      m.end = line->end;
      m.label = "published";
      m.value = iso(day);
      m.confidence = line->keyword ? 0.95 : 0.85;
      doc.add(m);
      if (!anchor) {
        doc.set_published(m.value);
        anchor = day;
      }
    }
    // A transcript or testimony says when it was told ("Transcript of the episode recorded on Wednesday 10
    // June 2015"): its "last Thursday" counts from then, not from when it was published.
    // So does a log's header naming the day it covers ("Coverage: Wednesday, 11 October 2017", posted the
    // next morning): its "today" and "yesterday" count from that day, which stays the entries' date.
    std::optional<int64_t> covered, told;
    for (Atom& a : atoms) {
      if (tok[a.tb].start > 600) break;
      if (!a.v.y || !a.v.m || !a.v.d) continue;
      size_t k = a.tb;  // the token before the date and its weekday
      if (k > 0 && tok[k - 1].text == ",") --k;
      if (k > 0 && weekday_of(tok[k - 1].text, false) >= 0) --k;
      const size_t c = k > 0 && tok[k - 1].text == ":" ? k - 1 : k;
      const bool range = a.te < tok.size() && is_any(tok[a.te].text, {"to", "-", "\xE2\x80\x93", "until", "through", "and"});
      if (!covered && c > 0 && !range && is_any(tok[c - 1].text, {"coverage", "covering", "covered", "covers"}))
        covered = days_from_civil(a.v.y, a.v.m, a.v.d);
      if (k >= 2 && iequals(tok[k - 1].text, "on") &&
          is_any(tok[k - 2].text, {"recorded", "written", "interviewed", "filmed", "broadcast", "taped"})) {
        a.used = a.telling = true;  // the telling's date, not an event's
        told = days_from_civil(a.v.y, a.v.m, a.v.d);
        break;
      }
    }
    if (told) anchor = told;
    else if (covered) anchor = covered;
    const std::optional<Ymd> anchor_ymd =
        anchor ? std::optional<Ymd>(civil_from_days(*anchor)) : std::nullopt;

    // The year a report's title gives its story ("Civilian testimony from the battle for Raqqa, March-October
    // 2017"): the latest year told in its first lines, up to the first blank line (a title, its subtitle).
    int title_year = 0;
    if (const size_t blank = text.find("\n\n"); blank != std::string_view::npos && blank < 300)
      for (const Atom& a : atoms)
        if (tok[a.tb].start < blank && a.v.y && !a.numeric) title_year = std::max(title_year, a.v.y);

    std::vector<Found> found;
    std::vector<YearlessRun> runs;
    // Year for an atom that lacks one: not after the publication date; else the nearest explicit year.
    auto complete_year = [&](Atom& a, bool& guessed) -> bool {
      if (a.v.y) return true;
      guessed = true;
      a.year_filled = true;
      const size_t idx = &a - atoms.data();
      // "March this year", "December last year"
      if (anchor_ymd && a.te + 1 < tok.size() && (s.is(a.te, "this") || s.is(a.te, "last")) && s.is(a.te + 1, "year")) {
        a.v.y = anchor_ymd->y - (s.is(a.te, "last") ? 1 : 0);
        a.te += 2;
        return true;
      }
      // "March 21 of this year", "on 3 May of last year"
      if (anchor_ymd && a.te + 2 < tok.size() && s.is(a.te, "of") && (s.is(a.te + 1, "this") || s.is(a.te + 1, "last")) &&
          s.is(a.te + 2, "year")) {
        a.v.y = anchor_ymd->y - (s.is(a.te + 1, "last") ? 1 : 0);
        a.te += 3;
        return true;
      }
      if (anchor_ymd) {
        a.v.y = anchor_ymd->y;
        if (first_day(a.v) > *anchor) --a.v.y;
        // A story told years back ("the night of 21 August 2013 ... Two days later, on 23 August") goes on
        // in the year of the last day it named with its year, or of a month told after that day ("On 3
        // October 2016 ... In late January 2020, ... on Wednesday 29 January"); not the
        // publication's (a day well before that month's falls in the next year). Months and years told with
        // no day before them are background ("A truce negotiated in December 2015 ... On 7 February"), but for
        // a month opening the sentence just before; a month named in passing does not move the story ("the
        // same footage, uploaded in June 2017").
        const auto opens_sentence = [&](size_t b) {
          while (b > 0 && is_any(tok[b - 1].text, {"in", "late", "early", "mid", "by", "the", "end", "of", "during"}))
            --b;
          if (b == 0) return true;
          const std::string_view gap = s.text_.substr(tok[b - 1].end, tok[b].start - tok[b - 1].end);
          return gap.find('\n') != std::string_view::npos || is_any(tok[b - 1].text, {".", ":", ";"});
        };
        const Atom* told = nullptr;  // the last day told with its year
        for (size_t k = idx; k-- > 0 && !told;)
          if (atoms[k].v.y && atoms[k].v.m && atoms[k].v.d && !atoms[k].numeric) told = &atoms[k];
        // (a month told in passing: "since the truce of April 2019", "footage uploaded in June 2017"; not
        // "In late January 2020, ...", "Then came October 2023.")
        const auto passing = [&](size_t b) {
          return b > 0 && (is_any(tok[b - 1].text, {"since", "of", "until", "till", "before", "after"}) ||
                           (is_any(tok[b - 1].text, {"in", "during"}) && !opens_sentence(b)));
        };
        if (told)
          for (size_t k = idx; k-- > 0 && &atoms[k] != told;)
            if (atoms[k].v.y && atoms[k].v.m && !atoms[k].v.d && !passing(atoms[k].tb)) {
              told = &atoms[k];
              break;
            }
        // (with no day told, the month that opens the sentence just before: "In April 2016 the siege
        // tightened. On 28 April a strike hit the hospital.")
        if (!told && idx > 0 && atoms[idx - 1].v.y && atoms[idx - 1].v.m && opens_sentence(atoms[idx - 1].tb))
          told = &atoms[idx - 1];
        // The same month, just told with its year, gives its year however recent ("the attack in March
        // 2017. Saturday, the twenty-fifth of March"; "And then June 2018. From about the nineteenth of June");
        // so does a day of that month told with its year before ("On 18 February 2018 the campaign began ...
        // in August 2015 ... On 19 February"), over a story's year from an older day told in between
        const Atom* same = nullptr;
        // (not a month whose year was counted from the publication: "since March of last year ... In the
        // first three weeks of March")
        // (nor one told in passing: "the deadliest since the chemical attack of August 2013 ... 13 August")
        if (idx > 0 && atoms[idx - 1].v.y && !atoms[idx - 1].year_filled && atoms[idx - 1].v.m == a.v.m && !atoms[idx - 1].v.d &&
            !passing(atoms[idx - 1].tb))
          same = &atoms[idx - 1];
        for (size_t k = idx; k-- > 0 && !same;)
          if (atoms[k].v.y && !atoms[k].year_filled && !atoms[k].telling && atoms[k].v.m == a.v.m && atoms[k].v.d && !atoms[k].numeric)
            same = &atoms[k];
        if (same && same->v.y <= anchor_ymd->y) {
          Ymd v = a.v;
          v.y = same->v.y;
          if (first_day(v) <= *anchor) a.v.y = v.y;
          return true;
        }
        // (with no day or month of another year told since, the title's year: "..., March-October 2017 / ...
        // I. The school in al-Mansurah, 21 March", published in June 2018)
        if (title_year && title_year < anchor_ymd->y && (!told || told->v.y == title_year)) {
          a.v.y = title_year;
          return true;
        }
        if (told && told->v.y < anchor_ymd->y - 1) {
          Ymd v = a.v;
          v.y = told->v.y;
          if (first_day(v) + 60 < first_day(told->v)) ++v.y;
          if (first_day(v) <= *anchor) a.v.y = v.y;
        }
        return true;
      }
      for (size_t k = idx; k-- > 0;)
        if (atoms[k].v.y && !atoms[k].numeric) return (a.v.y = atoms[k].v.y), true;
      for (size_t k = idx + 1; k < atoms.size(); ++k)
        if (atoms[k].v.y) return (a.v.y = atoms[k].v.y), true;
      return false;
    };

    // 2. Ranges and points built from atoms.
    for (size_t ai = 0; ai < atoms.size(); ++ai) {
      Atom& a = atoms[ai];
      if (a.used) continue;
      const size_t tb = a.tb;
      const std::string_view before = tb > 0 ? tok[tb - 1].text : std::string_view();
      const std::string_view before2 = tb > 1 ? tok[tb - 2].text : std::string_view();
      // ("every year on 13 November", "each 13 November": a commemoration's day, no event's)
      if (!a.v.y && (is_any(before, {"every", "each"}) ||
                     (iequals(before, "on") && iequals(before2, "year") && tb > 2 && is_any(tok[tb - 3].text, {"every", "each"}))))
        continue;

      // "between 1 and 5 December", "from 26 to 29 November", "1-3 December", "27 and 28 May"; with
      // weekdays, "Saturday 23 - Tuesday 26 April"
      const size_t lb = tb >= 1 && weekday_of(tok[tb - 1].text, false) >= 0 ? tb - 1 : tb;  // the link's token + 1
      const std::string_view link_w = lb > 0 ? tok[lb - 1].text : std::string_view();
      // (the first day's token, and where the run starts: its weekday, or "between"/"from" before it)
      const size_t d0_at = lb >= 2 ? lb - 2 : 0;
      const size_t d0_open = d0_at >= 1 && weekday_of(tok[d0_at - 1].text, false) >= 0 ? d0_at - 1 : d0_at;
      if (lb >= 2 && a.v.d && s.day_at(d0_at) && !s.month_at(lb - 1) &&
          (link_w == "-" || link_w == "\xE2\x80\x93" || iequals(link_w, "to") || iequals(link_w, "and") ||
           iequals(link_w, "until") || iequals(link_w, "till")) &&
          (d0_open < 1 || !(tok[d0_open - 1].kind == TokenKind::Number)) &&
          (link_w == "-" || link_w == "\xE2\x80\x93" || (d0_open >= 1 && is_any(tok[d0_open - 1].text, {"between", "from", "on"})))) {
        bool guessed = false;
        const bool dated = complete_year(a, guessed);
        const int d0 = s.day_at(d0_at);
        const size_t start_tok = (d0_open >= 1 && is_any(tok[d0_open - 1].text, {"between", "from"})) ? d0_open - 1 : d0_open;
        if (!dated) {
          if (d0 < a.v.d) runs.push_back({tok[start_tok].start, tok[a.te - 1].end, a.v.d - d0 + 1}), a.used = true;
          continue;
        }
        if (d0 < a.v.d) {
          Found f;
          f.start = tok[start_tok].start;
          f.end = tok[a.te - 1].end;
          f.days = a.v.d - d0 + 1;
          f.from = days_from_civil(a.v.y, a.v.m, d0);
          f.to = days_from_civil(a.v.y, a.v.m, a.v.d);
          f.has_end = true;
          f.kind = "range";
          f.year_guessed = guessed;
          f.precision = precision_of(f.from, f.to);
          f.confidence = 0.85;
          found.push_back(f);
          a.used = true;
          continue;
        }
      }
      // "between A and B", "from A to B", "A - B", "A until B"
      if (ai + 1 < atoms.size()) {
        Atom& b = atoms[ai + 1];
        const size_t gap = b.tb - a.te;
        const std::string_view link = gap == 1 ? tok[a.te].text : std::string_view();
        const bool opener = is_any(before, {"between", "from"});
        const bool dash = link == "-" || link == "\xE2\x80\x93";
        const int days = a.v.d && b.v.d ? run_days(a.v, b.v) : 0;
        const bool next_day = link == "and" && days == 2;  // "on 11/04 and 12/04", "Apr 30 and May 1"
        // (one line: "Facilities hit in May" over "- 3 May - Kafr Nabudah hospital" is no range)
        const bool one_line = text.substr(tok[a.tb].start, tok[b.te - 1].end - tok[a.tb].start).find('\n') == std::string_view::npos;
        if (gap == 1 && one_line && ((opener && is_any(link, {"and", "to", "until", "till", "through"})) || dash || next_day ||
                         (is_any(link, {"to", "until", "till", "through"}) && (a.v.y || a.v.m)))) {
          // the year of B fills A ("May to July 2019"; "December 2019 - February 2020")
          bool ga = false, gb = false;
          if (!a.v.y && b.v.y) {
            a.v.y = b.v.y;
            if (a.v.m > b.v.m) --a.v.y;
          }
          if (!complete_year(b, gb) || !complete_year(a, ga)) {
            if (days >= 2 && days <= 31) runs.push_back({tok[opener ? tb - 1 : tb].start, tok[b.te - 1].end, days}), a.used = b.used = true;
            continue;
          }
          const int64_t from = first_day(a.v), to = last_day(b.v);
          if (to >= from && to - from < 366 * 30) {
            Found f;
            f.start = tok[opener ? tb - 1 : tb].start;
            f.end = tok[b.te - 1].end;
            f.from = from;
            f.to = to;
            f.has_end = true;
            f.kind = "range";
            f.year_guessed = ga || gb;
            f.precision = precision_of(from, to);
            f.period = to - from > 31;
            f.days = days;
            f.confidence = 0.85;
            found.push_back(f);
            a.used = b.used = true;
            continue;
          }
        }
      }
      // "Jan 1-3"
      const bool month_run = a.v.d && a.te + 1 < tok.size() && tok[a.te].text == "-" && s.day_at(a.te + 1) > a.v.d &&
                             !s.month_at(a.te + 2) && !(a.te + 2 < tok.size() && tok[a.te + 2].text == "-");
      bool guessed = false;
      if (!complete_year(a, guessed)) {
        if (month_run) runs.push_back({tok[tb].start, tok[a.te + 1].end, s.day_at(a.te + 1) - a.v.d + 1}), a.used = true;
        continue;
      }
      Found f;
      f.start = tok[tb].start;
      f.end = tok[a.te - 1].end;
      f.from = first_day(a.v);
      f.to = last_day(a.v);
      f.has_end = a.v.d == 0;
      f.precision = a.v.d ? 1 : 3;
      f.year_guessed = guessed;
      f.confidence = a.v.d ? (a.v.y && !guessed ? 0.9 : 0.8) : a.v.m ? 0.7 : 0.5;
      if (month_run) {
        f.to = days_from_civil(a.v.y, a.v.m, std::min(s.day_at(a.te + 1), days_in_month(a.v.y, a.v.m)));
        f.has_end = true;
        f.kind = "range";
        f.days = int(f.to - f.from) + 1;
        f.precision = precision_of(f.from, f.to);
        f.end = tok[a.te + 1].end;
      }
      if (iequals(before, "last") && !a.v.d && anchor_ymd) {  // "last September": strictly before this month
        f.relative = true;
        const Ymd v = civil_from_days(f.from);
        if (v.y == anchor_ymd->y && v.m == anchor_ymd->m) {
          f.from = days_from_civil(v.y - 1, v.m, 1);
          f.to = days_from_civil(v.y - 1, v.m, days_in_month(v.y - 1, v.m));
        }
        f.start = tok[tb - 1].start;
      }
      // "since June 2017", and "since late/early/mid April 2019"
      const bool season = is_any(before, {"early", "late", "mid"});
      if ((iequals(before, "since") || (season && iequals(before2, "since"))) &&
          !superlative_before(text, tok[tb - (season ? 2 : 1)].start)) {
        f.kind = "since";
        f.start = tok[tb - (season ? 2 : 1)].start;
        f.approximate = f.approximate || season;
        f.to = anchor ? *anchor : f.to;
        f.has_end = anchor.has_value();
        f.precision = 3;
        f.period = true;
      } else if (is_any(before, {"until", "till"}) || (iequals(before, "to") && iequals(before2, "up"))) {
        f.kind = "until";
      } else if (is_any(before, {"around", "circa", "about"})) {
        f.approximate = true;
        f.start = tok[tb - 1].start;
      } else if (iequals(before, "on")) {
        f.confidence = std::min(0.95, f.confidence + 0.05);
      }
      if (iequals(before, "early") || iequals(before, "late") || iequals(before, "mid") ||
          (before == "-" && iequals(before2, "mid")))
        f.approximate = true;
      found.push_back(f);
      a.used = true;
    }

    // 3. Relative expressions, resolved against the publication day. Without one, the latest date the
    // text states stands in (reports tell later events relative to their own dates), at lower confidence.
    // Sequels told from the date before them ("Three days later", "the next day", "the same week") are
    // read in the same pass, so each counts from the day told just before it, whichever way it was told.
    std::optional<int64_t> relative_anchor = anchor;
    if (!relative_anchor)
      for (const Found& f : found)
        if (!f.year_guessed) relative_anchor = std::max(relative_anchor.value_or(f.from), f.has_end ? f.to : f.from);
    if (relative_anchor) {
      const size_t stated = found.size();
      relative(s, atoms, *relative_anchor, found);
      if (!anchor)
        for (size_t i = stated; i < found.size(); ++i)
          if (!found[i].story) {
            found[i].year_guessed = true;
            found[i].confidence *= 0.6;
          }
    } else {
      sequels(s, atoms, found);
    }

    // 4. Emit. (Not the past moment a superlative compares with: "the deadliest day since ... last
    // September" dates nothing that happened.)
    // A run right after another date bounds that date ("Around 30 November 2023, (from 26 to 29
    // November 2023)"): it is no span of several days.
    auto bounds_a_date = [&](uint32_t start) {
      return std::any_of(found.begin(), found.end(), [&](const Found& g) {
        if (g.end > start || start - g.end > 6) return false;
        return text.substr(g.end, start - g.end).find_first_not_of(" ,([") == std::string_view::npos;
      });
    };
    for (const YearlessRun& r : runs)
      if (!bounds_a_date(r.start)) add_days(doc, text, r.start, r.end, r.days, "");
    for (const Found& f : found) {
      if (comparison_reference(text, f.start, f.end)) continue;
      if (!bounds_a_date(f.start)) add_days(doc, text, f.start, f.end, f.days, iso(f.from));
      ik::sdk::Mention m;
      m.start = f.start;
      m.end = f.end;
      m.label = "date";
      m.value = iso(f.from);
      m.number = f.precision;
      const bool show_end = f.has_end && (f.kind != "point" || f.to != f.from);
      // Appended piece by piece into one reserved buffer (the operator+ chain made a temporary per piece).
      std::string& a = m.attrs_json;
      a.reserve(96);
      a += "{\"end\":";
      if (show_end) a += '"', a += iso(f.to), a += '"';
      else a += "null";
      a += ",\"kind\":\"";
      a += f.kind;
      a += "\",\"relative\":";
      a += f.relative ? "true" : "false";
      a += ",\"year_guessed\":";
      a += f.year_guessed ? "true" : "false";
      if (f.approximate) a += ",\"approximate\":true";
      if (f.story) a += ",\"story\":true";
      a += '}';
      m.confidence = f.confidence * (f.year_guessed ? 0.9 : 1.0);
      doc.add(std::move(m));
      if (f.period) {
        ik::sdk::Mention p;
        p.start = f.start;
        p.end = f.end;
        p.label = "period";
        p.value = iso(f.from);
        p.attrs_json = "{\"start\":\"" + iso(f.from) + "\",\"end\":" + (f.has_end ? "\"" + iso(f.to) + "\"" : "null") + "}";
        p.confidence = f.confidence;
        doc.add(std::move(p));
      }
    }
    event_periods(doc, text);
  }

  // `days`: a run of 2 or more named days, which a total may be told over ("killed 11 people over 18-21
  // May"). Not a run that only bounds one event's unknown day ("at some time between Apr 10-12", "at an
  // unreported point between 18/01 and 22/01"), nor a reporting period ("in the period 17-21 October").
  static void add_days(ik::sdk::Doc& doc, std::string_view text, uint32_t start, uint32_t end, int days,
                       std::string value) {
    if (days < 2) return;
    size_t from = start > 48 ? start - 48 : 0;
    for (size_t k = start; k > from; --k)  // within the sentence
      if (text[k - 1] == '\n' || (text[k - 1] == '.' && k < start && text[k] == ' ')) from = k;
    const std::string before = ik::text::lower(text.substr(from, start - from));
    for (std::string_view w : {"some time", "sometime", "point", "unclear", "unknown", "dates of", "period"})
      for (size_t k = before.find(w); k != std::string::npos; k = before.find(w, k + 1))
        if (k == 0 || !std::isalpha(static_cast<unsigned char>(before[k - 1]))) return;
    ik::sdk::Mention m;
    m.start = start;
    m.end = end;
    m.label = "days";
    m.value = std::move(value);
    m.number = days;
    m.confidence = 0.8;
    doc.add(std::move(m));
  }

  // Periods told by an event instead of a date: "since the agreement took effect", "since the start of
  // the offensive", "since the war began". A total over such a period is no single attack.
  static void event_periods(ik::sdk::Doc& doc, std::string_view text) {
    static const std::string_view kStarts[] = {"since the start of", "since the beginning of", "since the outbreak of",
                                               "since the onset of", "since the launch of", "since that date",
                                               "since that time", "since that day", "since then"};
    static const std::string_view kVerbs[] = {" began", " begun", " started", " took effect", " came into force",
                                              " came into effect", " was signed", " erupted", " broke out",
                                              " was launched", " was declared"};
    // Most documents have no "since th...": they need no lower-cased copy.
    static constexpr std::string_view kKey = "since th";
    const auto ci = [](char a, char b) { return ik::text::lower(a) == b; };
    if (std::search(text.begin(), text.end(), kKey.begin(), kKey.end(), ci) == text.end()) return;
    const std::string low = ik::text::lower(text);
    for (size_t at = 0; (at = low.find("since th", at)) != std::string::npos; at += 8) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(low[at - 1]))) continue;
      if (superlative_before(text, at)) continue;
      size_t end = std::string::npos;
      for (std::string_view st : kStarts)
        if (low.compare(at, st.size(), st) == 0) end = at + st.size();
      if (end != std::string::npos && end < low.size() && std::isalpha(static_cast<unsigned char>(low[end])))
        end = std::string::npos;  // "since thence", "since that dates..." are not these phrases
      if (end == std::string::npos && low.compare(at, 10, "since the ") == 0) {
        // "since the <up to 8 words> began": the clause ends at a sentence mark.
        const size_t stop = low.find_first_of(".;\n", at);
        const size_t lim = std::min(stop == std::string::npos ? low.size() : stop, at + 90);
        for (std::string_view v : kVerbs) {
          const size_t k = low.find(v, at + 9);
          if (k != std::string::npos && k + v.size() <= lim &&
              (k + v.size() == low.size() || !std::isalpha(static_cast<unsigned char>(low[k + v.size()]))))
            end = std::min(end == std::string::npos ? k + v.size() : end, k + v.size());
        }
      }
      if (end == std::string::npos) continue;
      ik::sdk::Mention p;
      p.start = uint32_t(at);
      p.end = uint32_t(end);
      p.label = "period";
      p.attrs_json = R"({"start":null,"end":null})";
      p.confidence = 0.6;
      doc.add(std::move(p));
    }
  }

  struct Dateline {
    size_t atom;
    uint32_t start, end;
    bool keyword;
  };

  // The first short line near the top that is a date with at most a time, a weekday or a keyword
  // ("Updated", "Published on", "Posted") around it.
  static std::optional<Dateline> find_dateline(const Scanner& s, const std::vector<Atom>& atoms) {
    const std::string_view text = s.text_;
    const auto& tok = s.tok_;
    const size_t limit = std::min<size_t>(text.size(), 3000);
    size_t line_start = 0, ai = 0, ti = 0;
    for (int line_no = 0; line_no < 30 && line_start < limit; ++line_no) {
      size_t line_end = text.find('\n', line_start);
      if (line_end == std::string_view::npos) line_end = text.size();
      while (ai < atoms.size() && tok[atoms[ai].tb].start < line_start) ++ai;
      while (ti < tok.size() && tok[ti].start < line_start) ++ti;
      size_t te = ti;
      while (te < tok.size() && tok[te].start < line_end) ++te;
      // A paragraph that opens with its dateline: "(Beirut, March 12, 2020) – ...", "BEIRUT, March 12,
      // 2020 - ...": a place, the date, then a dash.
      // (the year may be left out: "REYHANLI, Turkey, Nov 21 (Levant Wire) -")
      // (a short line too, when its place is in capitals and its date has a year: "NORTHERN HOMS
      // COUNTRYSIDE, 14 May 2016 -- Bread and school", not a section's "Aleppo, 3 May - the day it fell")
      if (te > ti && ai < atoms.size() && atoms[ai].v.m && atoms[ai].v.d && tok[atoms[ai].tb].start < line_start + 60) {
        const Atom& a = atoms[ai];
        size_t k = ti;
        if (k < a.tb && tok[k].text == "(") ++k;
        // the place, perhaps with its country, each part followed by a comma: "BEIRUT,", "REYHANLI, Turkey,"
        bool ok = false, capitals = true;
        for (int part = 0; part < 3 && !ok; ++part) {
          const size_t from = k;
          // ("NEW YORK/AMMAN, 27 October 2016 -": cities joined by a slash)
          while (k < a.tb && ((tok[k].kind == TokenKind::Word && tok[k].capitalised) ||
                              (tok[k].text == "/" && k > from && k + 1 < a.tb && tok[k + 1].capitalised))) {
            capitals = capitals && std::none_of(tok[k].text.begin(), tok[k].text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            ++k;
          }
          if (k == from || k >= a.tb || tok[k].text != ",") break;
          ok = ++k == a.tb;
        }
        ok = ok && (line_end - line_start > 100 || (capitals && a.v.y));
        size_t e = a.te;
        if (ok && e < te && tok[e].text == ")") ++e;
        // "AMMAN, Feb 26, 2020 (Reuters) - ", "(Levant Wire Service)": the agency's name in parentheses
        if (ok && e + 2 < te && tok[e].text == "(") {
          size_t k2 = e + 1;
          while (k2 < te && k2 < e + 6 && tok[k2].kind == TokenKind::Word && tok[k2].capitalised) ++k2;
          if (k2 > e + 1 && k2 < te && tok[k2].text == ")") e = k2 + 1;
        }
        ok = ok && e < te && (tok[e].text == "-" || tok[e].text == "\xE2\x80\x93" || tok[e].text == "\xE2\x80\x94");
        if (ok) return Dateline{ai, static_cast<uint32_t>(tok[ti].start), static_cast<uint32_t>(tok[e].end), false};
      }
      // ("Identical letters dated 3 February 2020 from the Permanent Representative of ...": a UN document's
      // title gives its date after "dated")
      if (line_no <= 2)
        for (size_t k = ai; k < atoms.size() && tok[atoms[k].tb].start < line_end; ++k)
          if (atoms[k].v.y && atoms[k].v.m && atoms[k].v.d && atoms[k].tb > ti &&
              is_any(tok[atoms[k].tb - 1].text, {"dated", "Dated"}) &&
              is_any(tok[ti].text, {"Letter", "Letters", "Identical", "Note", "Communication"}))
            return Dateline{k, static_cast<uint32_t>(tok[atoms[k].tb - 1].start), static_cast<uint32_t>(tok[atoms[k].te - 1].end), true};
      if (te > ti && line_end - line_start <= 100) {
        // the first full date on the line
        size_t found = atoms.size();
        for (size_t k = ai; k < atoms.size() && tok[atoms[k].tb].start < line_end; ++k)
          if (atoms[k].v.y && atoms[k].v.m && atoms[k].v.d) {
            found = k;
            break;
          }
        if (found < atoms.size()) {
          const Atom& a = atoms[found];
          // ("Situation as of 28 November 2019", "Issued on 3 May": a report's own date line)
          // (or the label right before the date: "UA: 84/21 Index: MDE 24/4512/2021 Date: 3 August 2021")
          size_t lab = a.tb > ti ? a.tb - 1 : ti;
          if (lab > ti && tok[lab].text == ":") --lab;
          // ("DAILY OPERATIONS LOG - MON 22 JUL 2019", "Flash Update No. 3 - 1 March 2020", "The Long Read -
          // 14 March 2023": a report's title that ends with its date)
          // ("Place and date of statement: Gaziantep, Turkey, 19 June 2018": a label naming the date)
          bool labelled = false;
          for (size_t k = ti; k < a.tb && !labelled; ++k)
            if (tok[k].text == ":")
              for (size_t j = ti; j < k && !labelled; ++j) labelled = is_any(tok[j].text, {"date", "dated"});
          // ("Journal of ..., Vol. 6, No. 1. Published online: 9 March 2020": the label right before the date
          // says it is the publication's, whatever the line holds before it)
          bool published_label = false;
          if (lab > ti && tok[lab + 1].text == ":")
            for (size_t j = lab >= ti + 2 ? lab - 2 : ti; j <= lab && !published_label; ++j)
              published_label = is_any(tok[j].text, {"Published", "published", "Issued", "issued", "Posted", "posted",
                                                      "Released", "released"});
          // ("Statement | March 22, 2021 | Washington, D.C.": a header line of parts set apart by bars, one of
          // them the date alone)
          const bool barred = a.tb > ti && tok[a.tb - 1].text == "|" && (a.te == te || tok[a.te].text == "|");
          bool titled = false;
          for (size_t k = ti; k < a.tb && a.te == te && !titled; ++k)
            titled = is_any(tok[k].text, {"log", "report", "sitrep", "bulletin", "update", "briefing", "digest",
                                          "summary", "newsletter", "dispatch", "note", "read", "feature",
                                          "investigation", "analysis", "explainer", "edition", "issue"});
          // ("Civilian Protection Watch - July 19, 2018": a byline, a name of capitalised words, a dash, the date
          // ending the line)
          bool byline = a.te == te && a.tb > ti + 1 &&
                        is_any(tok[a.tb - 1].text, {"-", "\xE2\x80\x93", "\xE2\x80\x94", "|"});
          for (size_t k = ti; k + 1 < a.tb && byline; ++k)
            byline = tok[k].kind != TokenKind::Word || tok[k].capitalised || is_any(tok[k].text, {"of", "for", "and", "the"});
          // ("By Lina Haddad | Maarat al-Numan, Idlib province | Friday 26 July 2019": a writer's byline, its
          // parts set apart, the date ending the line)
          bool writer = false;  // (the writer's name and where they wrote from are no words against it)
          if (a.te == te && is_any(tok[ti].text, {"by", "By"}))
            for (size_t k = ti + 1; k < a.tb && !writer; ++k)
              writer = is_any(tok[k].text, {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "/"});
          byline = byline || writer || barred;
          const bool keyword = titled || labelled || byline || published_label ||
                               is_any(tok[ti].text, {"updated", "published", "posted", "last", "first", "date",
                                                     "dated", "modified", "created", "released", "situation",
                                                     "issued", "as"}) ||
                               (lab > ti && is_any(tok[lab].text, {"date", "dated", "published", "updated", "issued"}));
          int others = 0;
          for (size_t k = ti; k < te; ++k) {
            if (k >= a.tb && k < a.te) continue;
            const Token& t = tok[k];
            if (t.kind != TokenKind::Word) continue;
            if (weekday_of(t.text, true) >= 0) continue;
            if (is_any(t.text, {"updated", "update", "published", "posted", "last", "first", "on", "at", "am", "pm",
                                "a", "m", "p", "gmt", "utc", "est", "edt", "cet", "cest", "bst", "ist", "ast",
                                "local", "time", "date", "dated", "by", "modified", "created", "released", "h",
                                "situation", "as", "of", "issued"}))
              continue;
            ++others;
          }
          if (others <= (writer || published_label ? 14 : keyword ? 6 : 2)) {
            uint32_t b = static_cast<uint32_t>(line_start), e = static_cast<uint32_t>(line_end);
            while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
            while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
            return Dateline{found, b, e, keyword};
          }
        }
      }
      line_start = line_end + 1;
    }
    return std::nullopt;
  }

  // Which tokens belong to an absolute date (a weekday before one is part of it).
  static std::vector<char> atom_tokens(size_t n, const std::vector<Atom>& atoms) {
    std::vector<char> covered(n, 0);
    for (const Atom& a : atoms)
      for (size_t k = a.tb; k < a.te; ++k) covered[k] = 1;
    return covered;
  }

  // Whether the line holding `at` is a heading of the text after it: short, ending without a full stop,
  // and not the line of `phrase`.
  static bool heading_line(std::string_view text, size_t at, size_t phrase) {
    const size_t b = text.rfind('\n', at);
    const size_t line_start = b == std::string_view::npos ? 0 : b + 1;
    size_t e = text.find('\n', at);
    if (e == std::string_view::npos || e >= phrase) return false;
    while (e > line_start && (text[e - 1] == ' ' || text[e - 1] == '\r')) --e;
    if (e - line_start > 80 || e == line_start) return false;
    const char last = text[e - 1];
    return last != '.' && last != '!' && last != '?' && last != '"' && last != ')' && last != ':' && last != ',';
  }

  // The first token starting at or after byte `at`.
  static size_t first_token_from(const std::vector<Token>& tok, size_t at) {
    return size_t(std::lower_bound(tok.begin(), tok.end(), at, [](const Token& t, size_t a) { return t.start < a; }) -
                  tok.begin());
  }

  // Whether the words after a date (ending at `end`) say someone told or reported something then: "On
  // Tuesday, the hospital's director told us ...", "On Monday the ministry said ...".
  static bool tells_of_telling(const Scanner& s, size_t end) {
    const auto& tok = s.tok_;
    size_t k = first_token_from(tok, end);
    for (size_t n = 0; k < tok.size() && n < 8; ++k, ++n) {
      if (tok[k].kind == TokenKind::Punct && (tok[k].text == "." || tok[k].text == ";")) break;
      if (is_any(tok[k].text, {"told", "said", "says", "reported", "announced", "confirmed", "stated"})) return true;
    }
    return false;
  }

  // Whether the sentence goes on, after a date ending at `end` (and before `limit`), in the pluperfect: "A week
  // earlier, on 4 May, a similar strike had killed two people".
  static bool told_in_pluperfect(const Scanner& s, size_t end, size_t limit) {
    const auto& tok = s.tok_;
    size_t k = first_token_from(tok, end);
    for (size_t n = 0; k + 1 < tok.size() && n < 20 && tok[k + 1].start < limit; ++k, ++n) {
      if (tok[k].kind == TokenKind::Punct && (tok[k].text == "." || tok[k].text == ";")) break;
      if (!iequals(tok[k].text, "had")) continue;
      const std::string_view v = tok[k + 1].text;
      if (v.size() > 3 && (v.ends_with("ed") || v.ends_with("en"))) return true;
      if (is_any(v, {"hit", "struck", "left", "shot", "lost", "fought", "held", "sent", "built", "burnt", "come",
                     "gone", "begun", "run", "made", "brought", "thrown", "seen", "taken", "already"}))
        return true;
    }
    return false;
  }

  // Whether `phrase` is the first words under the heading line holding `heading_end`.
  static bool opens_section(std::string_view text, size_t heading_end, size_t phrase) {
    const size_t e = text.find('\n', heading_end);
    return e != std::string_view::npos && e < phrase &&
           text.substr(e, phrase - e).find_first_not_of(" \r\n\t") == std::string_view::npos;
  }

  // "Three days later", "the following morning", "the same week": a day counted from the latest date the
  // text states before the phrase (a narrative's own timeline, not the publication day).
  // The day told (by date, or counted on the story's timeline) in the first sentence or heading that names
  // `name` with a day, before `before`: the day of "the massacre in Jasim".
  static const Found* day_told_with(const Scanner& s, const std::vector<Found>& found, std::string_view name,
                                    size_t before) {
    const std::string_view text = s.text_;
    const Found* best = nullptr;
    for (size_t at = text.find(name); at != std::string_view::npos && at < before && !best; at = text.find(name, at + 1)) {
      const size_t end = at + name.size();
      if ((at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) ||
          (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))))
        continue;
      const size_t b = text.find_last_of(".!?\n", at), ls = b == std::string_view::npos ? 0 : b + 1;
      const size_t le = std::min(text.find_first_of(".!?\n", end), before);
      auto a_day = [](const Found& f) { return ((!f.relative && f.precision == 1) || f.story) && !f.has_end; };
      for (const Found& f : found)
        if (a_day(f) && f.start >= ls && f.end <= le && (!best || f.start > best->start)) best = &f;
      // ("Row 9 - Health centre, Darat Izza / When: Wednesday 12 February 2020": a heading's place and the
      // day on the record's next lines)
      if (!best && le < text.size() && text[le] == '\n' && le - ls <= 120) {
        size_t stop = le;
        for (int lines = 0; lines < 3 && stop != std::string_view::npos && stop < before; ++lines)
          stop = text.find('\n', text.find_first_not_of('\n', stop));
        stop = std::min(stop == std::string_view::npos ? text.size() : stop, before);
        for (const Found& f : found)
          if (a_day(f) && f.start > le && f.end <= stop && (!best || f.start < best->start)) best = &f;
      }
    }
    return best;
  }

  // Reads the sequel phrase whose key word is token i, if any, into `found`.
  static bool sequel_at(const Scanner& s, size_t i, std::vector<char>& covered, std::vector<Found>& found) {
    const auto& tok = s.tok_;
    {
      if (covered[i] || tok[i].kind != TokenKind::Word) return false;
      size_t b = i, e = i + 1;  // the phrase's tokens [b, e)
      const Found* named_base = nullptr;  // the day of the event the phrase names, when it names one
      int64_t offset = 0;
      int precision = 1;
      const std::string_view t = tok[i].text;
      if (!may_turn_sequel(t)) return false;  // (each branch below needs one of its words)
      auto word = [&](size_t k) { return k < tok.size() ? tok[k].text : std::string_view{}; };
      // "three days later", "a week later", "hours later"; "three days earlier", "a day earlier"
      if ((iequals(t, "later") || iequals(t, "earlier")) && i >= 1) {
        const int sign = iequals(t, "later") ? 1 : -1;
        const std::string_view unit = word(i - 1);
        const int n = i >= 2 ? small_count(word(i - 2)) : -1;
        if (is_any(unit, {"hours", "minutes"})) b = i - 1;
        else if (n > 0 && is_any(unit, {"day", "days"})) b = i - 2, offset = sign * n;
        else if (n > 0 && is_any(unit, {"week", "weeks"})) b = i - 2, offset = sign * 7 * n, precision = 2;
        else return false;
      } else if (iequals(t, "after") && i >= 2 && small_count(word(i - 2)) > 0 &&
                 is_any(word(i - 1), {"day", "days", "week", "weeks"}) &&
                 (is_any(word(i + 1), {"we", "they", "i", "he", "she"}) ||
                  (iequals(word(i + 1), "that") && (i + 2 >= tok.size() || tok[i + 2].kind != TokenKind::Word)))) {
        // "a week after we arrived", "two days after they left", "three days after that": counted from the
        // day told before (not "two days after the attack on the hospital", which counts from that attack's
        // day)
        const int n = small_count(word(i - 2));
        b = i - 2;
        if (iequals(word(i + 1), "that")) e = i + 2;
        if (is_any(word(i - 1), {"day", "days"})) offset = n;
        else offset = 7 * n, precision = 2;
      } else if (iequals(t, "after") && i >= 2 && small_count(word(i - 2)) > 0 &&
                 is_any(word(i - 1), {"day", "days", "week", "weeks"}) && iequals(word(i + 1), "the") &&
                 is_any(word(i + 2), {"attack", "attacks", "strike", "strikes", "massacre", "bombing", "shelling",
                                      "raid", "explosion", "air"})) {
        // "a week after the massacre in Jasim", "two days after the attack on the hospital in Arbin": counted
        // from the day the text told in a sentence naming that place
        for (size_t k = i + 3; k < tok.size() && k < i + 12 && !named_base; ++k) {
          if (tok[k].kind == TokenKind::Punct) break;
          if (tok[k].capitalised && tok[k].text.size() >= 4 && is_any(word(k - 1), {"in", "at", "on", "of", "-", "the"}))
            named_base = day_told_with(s, found, tok[k].text, tok[i - 2].start);
        }
        if (!named_base) return false;
        const int n = small_count(word(i - 2));
        b = i - 2;
        if (is_any(word(i - 1), {"day", "days"})) offset = n;
        else offset = 7 * n, precision = 2;
      } else if (is_any(t, {"next", "following", "same", "previous"}) && i >= 1 &&
                 (iequals(word(i - 1), "the") || iequals(word(i - 1), "that"))) {
        const std::string_view unit = word(i + 1);
        const int step = iequals(t, "same") ? 0 : iequals(t, "previous") ? -1 : 1;
        b = i - 1, e = i + 2;
        if (is_any(unit, {"day", "morning", "afternoon", "evening", "night"})) offset = step;
        else if (iequals(unit, "week")) offset = 7 * step, precision = 2;
        else return false;
      } else {
        return false;
      }
      // ("he died four days later", "succumbed to his wounds two days later", "died of his wounds in a
      // hospital in Turkey the following day": when a victim died, not another event)
      for (size_t k = b; k-- > 0 && k + 12 >= b && tok[k].kind == TokenKind::Word;)
        if (is_any(tok[k].text, {"died", "succumbed"})) return false;
      // ("Over the following week five more of the wounded died": when the wounded died, told after it)
      {
        bool died = false, wounded = false;
        for (size_t k = e; k < tok.size() && k < e + 14 && !is_any(tok[k].text, {".", ";"}); ++k) {
          died = died || is_any(tok[k].text, {"died", "succumbed"});
          wounded = wounded || is_any(tok[k].text, {"wounded", "wounds", "injuries", "injured"});
        }
        if (died && wounded) return false;
      }
      // (a phrase already read, on the first pass; or one a date names in apposition: "The next day,
      // Thursday, ...")
      if (std::any_of(found.begin(), found.end(), [&](const Found& d) {
            return d.start == tok[b].start || (d.start >= tok[e - 1].end && d.start <= tok[e - 1].end + 3);
          }))
        return false;
      if (size_t n = e < tok.size() && tok[e].text == "," ? e + 1 : e;
          n < tok.size() && tok[n].capitalised && weekday_of(tok[n].text, false) >= 0)
        return false;
      // the latest date stated before the phrase, in this document, by date or as a day
      // (a day, passing over years told in between: "hit three times before, in 2014 and 2019. Two days
      // later ...")
      // (nor a day counted from publication that dates the telling: "On Tuesday, the hospital's director told
      // us the final toll was 11")
      // (and a day told in the pluperfect is a look back, passed over when another day is told: "On Wednesday
      // warplanes hit the bakery ... A week earlier, on 4 May, a strike had killed two people. / The following
      // morning ...")
      auto latest_before = [&](size_t at) {
        const Found *best = nullptr, *back = nullptr;
        for (const Found& d : found)
          if (d.end <= at && !(d.precision > 1 && !d.relative && !d.period && d.kind == "point") &&
              !(d.relative && !d.story && d.precision > 1) &&  // ("this year", "last week": no day)
              !(d.relative && !d.story && tells_of_telling(s, d.end))) {
            const Found*& slot = told_in_pluperfect(s, d.end, at) ? back : best;
            if (!slot || d.start > slot->start) slot = &d;
          }
        return best ? best : back;
      };
      const Found* base = named_base ? named_base : latest_before(tok[b].start);
      // (a phrase opening a section under a dated heading tells how its day follows the event before; the
      // heading has already told the day: "Incident 2: Al-Shaar, 25 July 2016 / Two days later, ...")
      // (so does the heading's own phrase told again below it: "Two days later / The town had no time to
      // recover. Two days later, a helicopter ...")
      if (!named_base && base && heading_line(s.text_, base->start, tok[b].start) &&
          (opens_section(s.text_, base->end, tok[b].start) ||
           (base->story && iequals(s.text_.substr(base->start, base->end - base->start),
                                   s.text_.substr(tok[b].start, tok[e - 1].end - tok[b].start)))))
        offset = 0, precision = base->precision;
      if (!base || base->period || base->kind != "point" || base->precision > 1) return false;
      Found f;
      f.start = tok[b].start;
      f.end = tok[e - 1].end;
      f.from = f.to = base->from + offset;
      f.precision = precision;
      f.relative = true;
      f.story = true;
      f.year_guessed = base->year_guessed;
      f.confidence = std::min(0.75, base->confidence);
      found.push_back(f);
      for (size_t k = b; k < e; ++k) covered[k] = 1;
      return true;
    }
  }

  static void sequels(const Scanner& s, const std::vector<Atom>& atoms, std::vector<Found>& found) {
    std::vector<char> covered = atom_tokens(s.tok_.size(), atoms);
    for (size_t i = 0; i < s.tok_.size(); ++i) sequel_at(s, i, covered, found);
  }

  // The first day of Eid al-Fitr and of Eid al-Adha as observed in Syria, 2010-2026 (the lunar calendar
  // gives no closed form that matches the announced days).
  struct EidDays {
    int year;
    int fitr_m, fitr_d, adha_m, adha_d;
  };
  static constexpr EidDays kEid[] = {
      {2010, 9, 10, 11, 16}, {2011, 8, 30, 11, 6},  {2012, 8, 19, 10, 26}, {2013, 8, 8, 10, 15},
      {2014, 7, 28, 10, 4},  {2015, 7, 17, 9, 24},  {2016, 7, 6, 9, 12},   {2017, 6, 25, 9, 1},
      {2018, 6, 15, 8, 21},  {2019, 6, 4, 8, 11},   {2020, 5, 24, 7, 31},  {2021, 5, 13, 7, 20},
      {2022, 5, 2, 7, 9},    {2023, 4, 21, 6, 28},  {2024, 4, 10, 6, 16},  {2025, 3, 30, 6, 6},
      {2026, 3, 20, 5, 27}};

  // Which Eid the token at i names ('f' al-Fitr, 'a' al-Adha, 0 neither) and the index after its name.
  static char eid_kind(const Scanner& s, size_t i, size_t& after) {
    const auto& tok = s.tok_;
    after = i + 1;
    for (size_t k = i + 1; k < tok.size() && k < i + 5; ++k) {
      const std::string_view w = tok[k].text;
      if (iequals(w, "fitr") || iequals(w, "adha")) {
        after = k + 1;
        return iequals(w, "fitr") ? 'f' : 'a';
      }
      if (!is_any(w, {"al", "el", "ul", "-"})) break;
    }
    return 0;
  }

  // "On the eve of Eid al-Fitr that year", "the third day of Eid", "two days before Eid", "the day after
  // Eid al-Adha in 2019": a day counted from the feast, in the year the phrase or the story gives.
  static bool holiday_at(const Scanner& s, size_t i, std::vector<char>& covered, std::vector<Found>& found,
                         int64_t doc_anchor) {
    const auto& tok = s.tok_;
    if (!iequals(tok[i].text, "eid") || !tok[i].capitalised) return false;
    size_t after;
    char kind = eid_kind(s, i, after);
    if (!kind) {  // a bare "Eid": the feast the document names, when it names only one
      bool fitr = false, adha = false;
      for (size_t k = 0; k < tok.size(); ++k)
        if (size_t a; iequals(tok[k].text, "eid")) {
          const char c = eid_kind(s, k, a);
          fitr |= c == 'f', adha |= c == 'a';
        }
      if (fitr == adha) return false;
      kind = fitr ? 'f' : 'a';
    }
    // the words before: "the eve of", "the day after", "two days before", "the third day of"
    size_t b = i;
    if (b > 0 && iequals(tok[b - 1].text, "the")) --b;
    int offset = 0;
    if (b >= 2 && iequals(tok[b - 1].text, "of") && iequals(tok[b - 2].text, "eve")) {
      offset = -1, b -= 2;
    } else if (b >= 3 && iequals(tok[b - 1].text, "of") && iequals(tok[b - 2].text, "day") &&
               Scanner::ordinal_day(tok[b - 3].text) > 0 && Scanner::ordinal_day(tok[b - 3].text) <= 4) {
      offset = Scanner::ordinal_day(tok[b - 3].text) - 1, b -= 3;
    } else if (b >= 2 && is_any(tok[b - 1].text, {"before", "after"})) {
      const int sign = iequals(tok[b - 1].text, "after") ? 1 : -1;
      const std::string_view unit = tok[b - 2].text;
      const int n = iequals(unit, "day") ? 1 : b >= 3 && iequals(unit, "days") ? small_count(tok[b - 3].text) : 0;
      if (n <= 0) return false;  // ("before Eid": some time before it)
      offset = sign * n, b -= iequals(unit, "day") ? 2 : 3;
    } else if (b >= 2 && iequals(tok[b - 1].text, "of") && iequals(tok[b - 2].text, "morning")) {
      b -= 2;
    } else if (b > 0 && iequals(tok[b - 1].text, "every")) {
      return false;  // a custom, no day
    }
    if (b > 0 && iequals(tok[b - 1].text, "the") && b < i) --b;
    // the year: written after the feast ("in 2019", "of 2016", "2016"), "this year" (publication's), else
    // the story's, from the last day told ("that year")
    int year = 0;
    size_t e = after;
    if (e < tok.size() && (iequals(tok[e].text, "in") || iequals(tok[e].text, "of")) && s.year_at(e + 1)) ++e;
    if (const int y = s.year_at(e)) year = y, ++e;
    const Ymd pub = civil_from_days(doc_anchor);
    if (!year && s.is(e, "this") && s.is(e + 1, "year")) year = pub.y;
    if (!year) {
      const Found* told = nullptr;
      for (const Found& f : found)
        if ((!f.relative || f.story) && f.end <= tok[i].start && (!told || f.end > told->end)) told = &f;
      year = told ? civil_from_days(told->from).y : pub.y;
    }
    const EidDays* row = nullptr;
    for (const EidDays& r : kEid)
      if (r.year == year) row = &r;
    if (!row) return false;
    int64_t day = kind == 'f' ? days_from_civil(year, row->fitr_m, row->fitr_d) : days_from_civil(year, row->adha_m, row->adha_d);
    day += offset;
    if (day > doc_anchor) return false;  // (a feast still to come is no day of the story)
    Found f;
    f.start = tok[b].start;
    f.end = tok[std::max(after, e) - 1].end;
    f.from = f.to = day;
    f.relative = true;
    f.story = true;
    f.confidence = 0.7;
    found.push_back(f);
    for (size_t k = b; k < std::max(after, e); ++k) covered[k] = 1;
    return true;
  }

  // Relative expressions resolved against `doc_anchor` (the publication day), or inside a section headed
  // by a date alone ("Monday 16 December" over a diary's entry) against that date: "Yesterday evening the
  // helicopters came" is the day before the entry's.
  static void relative(const Scanner& s, std::vector<Atom>& atoms, int64_t doc_anchor, std::vector<Found>& found) {
    const auto& tok = s.tok_;
    const std::string_view text = s.text_;
    // "of" and a month or a year at token k: "the last week of March", "the last days of 2019" are parts of it
    const auto of_date = [&](size_t k) {
      return k + 1 < tok.size() && iequals(tok[k].text, "of") && (s.month_at(k + 1) || s.year_at(k + 1));
    };
    std::vector<std::pair<size_t, int64_t>> heads;  // (offset, day) of lines that are a date alone
    for (const Found& f : found) {
      if (f.relative || f.has_end || f.precision != 1) continue;
      const size_t b = text.rfind('\n', f.start), ls = b == std::string_view::npos ? 0 : b + 1;
      size_t le = text.find('\n', f.end);
      if (le == std::string_view::npos) le = text.size();
      if (ls == 0 || le - ls > 32 || f.end - f.start + 12 < le - ls) continue;  // (a weekday may stand before it)
      heads.emplace_back(f.start, f.from);
    }
    std::sort(heads.begin(), heads.end());
    // A log entry's head line: its date among fields split by bars or dashes ("Entry 02 | 15/01/2020 | 13:15 |
    // Binnish local council"): "this morning", "yesterday" in the entry count from that day.
    std::vector<std::pair<size_t, int64_t>> entries;
    auto field_edge = [](std::string_view g, bool front) {
      for (const char* sep : {" | ", "| ", " |", " - ", " \xE2\x80\x93 "})
        if (front ? g.starts_with(sep) : g.ends_with(sep)) return true;
      return false;
    };
    for (const Found& f : found) {
      if (f.relative || f.has_end || f.precision != 1 || f.year_guessed) continue;
      const size_t b = text.rfind('\n', f.start), ls = b == std::string_view::npos ? 0 : b + 1;
      size_t le = text.find('\n', f.end);
      if (le == std::string_view::npos) le = text.size();
      if (ls == 0 || le - ls > 120 || f.start - ls > 40) continue;
      const std::string_view before = text.substr(ls, f.start - ls), after = text.substr(f.end, le - f.end);
      if ((before.empty() || field_edge(before, false)) && field_edge(after, true) && after.find(". ") == std::string_view::npos)
        entries.emplace_back(f.start, f.from);
    }
    std::sort(entries.begin(), entries.end());
    std::vector<char> covered = atom_tokens(tok.size(), atoms);
    // (the weekdays inside a range, "Saturday 23 - Tuesday 26 April", are the range's)
    for (const Found& f : found)
      if (f.kind == "range" && !f.relative)
        for (size_t k = first_token_from(tok, f.start); k < tok.size() && tok[k].end <= f.end; ++k) covered[k] = 1;
    auto add = [&](size_t tb, size_t te, int64_t from, int64_t to, int precision, double conf,
                   std::string kind = "point", bool period = false) {
      Found f;
      f.start = tok[tb].start;
      f.end = tok[te - 1].end;
      f.from = from;
      f.to = to;
      f.has_end = to != from;
      f.precision = precision;
      f.relative = true;
      f.kind = std::move(kind);
      f.period = period;
      f.confidence = conf;
      found.push_back(f);
    };
    auto month_start = [](int y, int m) { return days_from_civil(y, m, 1); };
    auto month_end = [](int y, int m) { return days_from_civil(y, m, days_in_month(y, m)); };
    // The anchor, its calendar date and its week's Monday, moved on at each dated heading.
    int64_t anchor = doc_anchor;
    Ymd A = civil_from_days(anchor);
    int64_t week_monday = anchor - ((weekday(anchor) + 6) % 7);
    // The day "today", "this morning", "yesterday" and "N days ago" count from: the anchor's, or a log
    // entry's below its head line.
    int64_t day_anchor = anchor;
    size_t h = 0, en = 0;
    for (size_t i = 0; i < tok.size(); ++i) {
      if (h < heads.size() && heads[h].first < tok[i].start) {
        while (h < heads.size() && heads[h].first < tok[i].start) ++h;
        anchor = day_anchor = heads[h - 1].second;
        A = civil_from_days(anchor);
        week_monday = anchor - ((weekday(anchor) + 6) % 7);
      }
      if (en < entries.size() && entries[en].first < tok[i].start) {
        while (en < entries.size() && entries[en].first < tok[i].start) ++en;
        day_anchor = entries[en - 1].second;
      }
      if (covered[i] || tok[i].kind != TokenKind::Word) continue;
      if (sequel_at(s, i, covered, found) || holiday_at(s, i, covered, found, doc_anchor)) continue;
      const std::string_view t = tok[i].text;
      const bool last = i > 0 && iequals(tok[i - 1].text, "last");
      const bool this_ = i > 0 && iequals(tok[i - 1].text, "this");
      const size_t lb = (last || this_) ? i - 1 : i;  // span start including "last"/"this"
      // weekday: the latest such day on/before the anchor ("last Friday": before it)
      if (const int wd = weekday_of(t, false); wd >= 0 && tok[i].capitalised) {
        // "16 August (Sunday) — Douma", "on 3 May, a Friday": the weekday of the day just told, no day of its own
        if (i >= 2 && (tok[i - 1].text == "(" || tok[i - 1].text == ",") &&
            std::any_of(found.begin(), found.end(), [&](const Found& f) {
              return f.end == tok[i - 2].end && f.precision == 1 && !f.has_end && weekday(f.from) == wd;
            }))
          continue;
        // "the first Friday of March", "the last Sunday of May 2017": counted within that month
        if (i > 0 && s.is(i + 1, "of") && s.month_at(i + 2)) {
          const std::string_view o = tok[i - 1].text;
          const int ordinal = Scanner::ordinal_day(o);
          const int nth = iequals(o, "last") ? -1 : ordinal <= 4 ? ordinal : 0;
          if (nth != 0) {
            const int m = s.month_at(i + 2);
            size_t e = s.after_month(i + 2);
            int y = s.year_at(e);
            if (y) ++e;
            else y = A.y - (days_from_civil(A.y, m, 1) > anchor ? 1 : 0);
            int64_t day;
            if (nth > 0) {
              day = days_from_civil(y, m, 1);
              day += (wd - weekday(day) + 7) % 7 + 7 * (nth - 1);
            } else {
              day = days_from_civil(y, m, days_in_month(y, m));
              day -= (weekday(day) - wd + 7) % 7;
            }
            // (the month read alone before is part of this day)
            const uint32_t mb = tok[i + 2].start, me = tok[e - 1].end;
            found.erase(std::remove_if(found.begin(), found.end(),
                                       [&](const Found& f) { return !f.relative && f.start >= mb && f.end <= me; }),
                        found.end());
            add(i - 1, e, day, day, 1, 0.8);
            for (size_t k = i - 1; k < e; ++k) covered[k] = 1;
            continue;
          }
        }
        // "Tuesday, 12 May 2020" and "Wednesday, the twenty-second of February" belong to the absolute date
        size_t n = i + 1;
        if (n < tok.size() && tok[n].text == ",") ++n;
        if (n + 1 < tok.size() && iequals(tok[n].text, "the") && covered[n + 1]) ++n;
        if (n < tok.size() && covered[n]) continue;
        // ("the sixteenth of March, a Monday night": the weekday of the date just told)
        if (i >= 3 && iequals(tok[i - 1].text, "a") && tok[i - 2].text == "," && covered[i - 3]) continue;
        // ("midday, on a Sunday, when the market was busiest", "it was a Friday": what kind of day it was,
        // not which)
        if (i >= 2 && iequals(tok[i - 1].text, "a") && is_any(tok[i - 2].text, {"on", "On", "was", "is", "every"})) continue;
        // "It was the twenty-sixth, a Tuesday": a day of the story's month (or the next) that falls on that
        // weekday
        if (i >= 4 && iequals(tok[i - 1].text, "a") && tok[i - 2].text == "," && !covered[i - 3]) {
          int day = 0;
          size_t first = i - 3, last = 0;
          for (size_t j = i >= 5 ? i - 5 : 0; !day && j < i - 3; ++j)
            if (const int d = s.compound_ordinal_day(j, last); d && last == i - 3) day = d, first = j;
          if (!day && (day = Scanner::ordinal_day(tok[i - 3].text)) == 0) day = s.day_at(i - 3);
          const Found* month = nullptr;  // the story's last month, told or as a day's
          for (const Found& f : found)
            if (((!f.relative && f.precision != 2) || f.story) && f.end <= tok[first].start && (!month || f.end > month->end))
              month = &f;
          bool dated = false;
          if (day && month && first > 0 && iequals(tok[first - 1].text, "the")) {
            const Ymd m = civil_from_days(month->from);
            for (int k = 0; k < 2 && !dated; ++k) {
              const int y = m.y + (m.m + k > 12), mo = (m.m + k - 1) % 12 + 1;
              if (day > days_in_month(y, mo)) continue;
              const int64_t d = days_from_civil(y, mo, day);
              if (weekday(d) != wd || d < month->from || d > anchor) continue;
              const bool guessed = month->year_guessed;  // (`month` points into `found`, which add() grows)
              add(first - 1, i + 1, d, d, 1, 0.75);
              found.back().story = true;
              found.back().year_guessed = guessed;
              dated = true;
            }
          }
          if (dated) continue;
        }
        // ("Saturday, the nineteenth of November 2016": the weekday of the date it introduces)
        if (std::any_of(found.begin(), found.end(), [&](const Found& f) {
              if (f.relative || f.start < tok[i].end || f.start > tok[i].end + 6) return false;
              std::string_view gap = s.text_.substr(tok[i].end, f.start - tok[i].end);
              while (!gap.empty() && (gap.front() == ' ' || gap.front() == ',')) gap.remove_prefix(1);
              return gap.empty() || gap == "the ";
            }))
          continue;
        // ("Eight days ago, on Sunday morning": the weekday of the day just told, in apposition)
        {
          const Found* just = nullptr;
          for (const Found& f : found)
            if (f.end <= tok[i].start && (!just || f.end > just->end)) just = &f;
          if (just && just->precision == 1 && !just->has_end && weekday(just->from) == wd) {
            std::string_view gap = s.text_.substr(just->end, tok[i].start - just->end);
            while (!gap.empty() && (gap.front() == ' ' || gap.front() == ',')) gap.remove_prefix(1);
            if (gap.empty() || gap == "on " || gap == "the " || gap == "on the ") {
              const Found prior = *just;  // (add() grows `found`: `just` may not outlive it)
              add(iequals(tok[i - 1].text, "the") ? i - 1 : i, i + 1, prior.from, prior.from, 1, prior.confidence);
              found.back().story = prior.story;
              found.back().year_guessed = prior.year_guessed;
              continue;
            }
          }
        }
        // ("the Friday prayer", "Friday sermons", "the Sunday market": a custom, no day)
        if (i + 1 < tok.size() && is_any(tok[i + 1].text, {"prayer", "prayers", "sermon", "sermons", "market",
                                                           "markets", "service", "services", "protest", "protests"}))
          continue;
        // ("next Friday"; "every Thursday", "the market is on Saturday - it has always been Saturday": a
        // habit or a schedule, no day)
        if (i > 0 && (iequals(tok[i - 1].text, "next") || iequals(tok[i - 1].text, "coming") || iequals(tok[i - 1].text, "every"))) continue;
        if (i > 1 && ((iequals(tok[i - 1].text, "on") && is_any(tok[i - 2].text, {"is", "are", "always", "usually", "normally"})) ||
                      (iequals(tok[i - 1].text, "been") && iequals(tok[i - 2].text, "always")) ||
                      is_any(tok[i - 1].text, {"always", "usually", "normally"})))
          continue;
        // "Two days after the strike of Tuesday 14 May, on the Thursday", "on the following Tuesday": the
        // first such day after the last day the story told
        const bool following = i > 0 && iequals(tok[i - 1].text, "following");
        const bool definite = i > 0 && iequals(tok[i - 1].text, "the");
        const bool that = i > 0 && iequals(tok[i - 1].text, "that");  // "That Friday": the told day's week
        const Found* told = nullptr;  // the last day the story told before, by date or counted from one
        for (const Found& f : found)
          if (((!f.relative && f.precision == 1) || f.story) && !f.has_end && f.end <= tok[i].start &&
              (!told || f.end > told->end))
            told = &f;
        // the story's day a weekday falls on: the first such day from the day told (that day itself when
        // the weekday stands in apposition to it, "Two days later, on the Thursday", or in its week, "That
        // Friday", or on a section heading's date, "Tal Abyad, 15 October ... The following Tuesday")
        // (from the first day of a run of days told, "Monday to Wednesday ... On Tuesday")
        const Found* base = told;
        if (told && told->story)
          for (const Found& f : found)
            if (f.story && f.end < told->start && told->start - f.end <= 8) {
              std::string_view gap = s.text_.substr(f.end, told->start - f.end);
              while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
              while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
              if (is_any(gap, {"to", "-", "until", "till"})) base = &f;
            }
        // (a week told, "the following week, on the Wednesday of that week": the day in that week)
        const bool week = base && base->story && base->precision == 2;
        auto story_day = [&](bool same_day) {
          const int64_t from = week ? base->from - (weekday(base->from) + 6) % 7 : base->from;
          const int64_t ahead = (wd - weekday(from) + 7) % 7;
          return from + (ahead == 0 && !same_day && !week ? 7 : ahead);
        };
        auto add_story = [&](size_t b, int64_t day) {
          const bool guessed = told->year_guessed;  // (add() grows `found`: `told` may not outlive it)
          add(b, i + 1, day, day, 1, 0.7);
          found.back().story = true;
          found.back().year_guessed = guessed;
        };
        const bool same_sentence = told && s.text_.substr(told->end, tok[i].start - told->end)
                                                   .find_first_of(".!?\n") == std::string_view::npos;
        if (told && (following || definite || that)) {
          const bool same_day = that || (told->story && same_sentence) || heading_line(s.text_, told->start, tok[i].start);
          add_story(following && i > 1 && iequals(tok[i - 2].text, "the") ? i - 2 : i - 1, story_day(same_day));
          continue;
        }
        // A bare weekday in a story told weeks before publication ("The offensive began on Tuesday 19 June
        // ... We left on Monday"): the story's day when the text goes on to tell a later day after it (a
        // chronicle) or the weekday stands in apposition to a day counted ("A week after we arrived, on
        // Thursday"); in a news story's fresh lead, the day before publication as below
        // (a weekday alone on its line heads a diary's entry: on the day told just before it is that day)
        if (told && !last && !this_ && told->from + 7 < anchor) {
          const int64_t day = story_day(same_sentence || heading_line(s.text_, tok[i].start, tok[i].end + 1));
          const bool chronicle = std::any_of(found.begin(), found.end(), [&](const Found& f) {
            return !f.relative && f.precision == 1 && f.start > tok[i].end && f.from >= day && f.from <= anchor;
          });
          if (chronicle || (told->story && same_sentence)) {
            add_story(lb, day);
            continue;
          }
        }
        int64_t back = (weekday(anchor) - wd + 7) % 7;
        if (last && back == 0) back = 7;
        add(lb, i + 1, anchor - back, anchor - back, 1, 0.75);
        continue;
      }
      if (iequals(t, "yesterday")) {
        if (i >= 3 && iequals(tok[i - 1].text, "before") && iequals(tok[i - 2].text, "day"))
          add(i - 3, i + 1, day_anchor - 2, day_anchor - 2, 1, 0.8);
        else
          add(i, i + 1, day_anchor - 1, day_anchor - 1, 1, 0.8);
        continue;
      }
      if (iequals(t, "today") || iequals(t, "tonight")) {
        add(i, i + 1, day_anchor, day_anchor, 1, 0.55);
        continue;
      }
      // ("overnight" opening a news story dates it; "we kept them overnight" in a narrative does not)
      if (iequals(t, "overnight") && found.empty()) {
        add(i, i + 1, anchor - 1, anchor - 1, 1, 0.4);
        continue;
      }
      if (this_ && is_any(t, {"morning", "afternoon", "evening"})) {
        add(lb, i + 1, day_anchor, day_anchor, 1, 0.7);
        continue;
      }
      if (last && is_any(t, {"night", "evening"})) {
        add(lb, i + 1, day_anchor - 1, day_anchor - 1, 1, 0.75);
        continue;
      }
      if (iequals(t, "ago") && i >= 2) {  // "three days ago", "a week ago"
        const std::string_view unit = tok[i - 1].text;
        const int n = small_count(tok[i - 2].text);
        if (n <= 0) continue;
        if (is_any(unit, {"day", "days"})) add(i - 2, i + 1, day_anchor - n, day_anchor - n, 1, 0.75);
        else if (is_any(unit, {"week", "weeks"})) add(i - 2, i + 1, anchor - 7 * n, anchor - 7 * n, 2, 0.65);
        else if (is_any(unit, {"month", "months"})) {
          int y = A.y, m = A.m - n;
          while (m < 1) m += 12, --y;
          add(i - 2, i + 1, month_start(y, m), month_end(y, m), 3, 0.6);
        } else if (is_any(unit, {"year", "years"}) && i + 1 < tok.size() && iequals(tok[i + 1].text, "today")) {
          // "a year ago today": an anniversary, the same day n years before (a bare "seven years ago" is
          // mostly background: "where the uprising began seven years ago")
          const int64_t day = days_from_civil(A.y - n, A.m, A.m == 2 && A.d == 29 ? 28 : A.d);
          add(i - 2, i + 2, day, day, 1, 0.75);
          ++i;
        }
        continue;
      }
      // (not "the last week of March": a part of a month, read with the month)
      if (iequals(t, "week") && (last || this_) && !of_date(i + 1)) {
        const bool earlier = this_ && i >= 2 && iequals(tok[i - 2].text, "earlier");
        const size_t b = earlier ? i - 2 : lb;
        if (last) add(b, i + 1, week_monday - 7, week_monday - 1, 2, 0.65);
        else add(b, i + 1, week_monday, anchor, 2, 0.6);
        continue;
      }
      if (iequals(t, "weekend") && (last || this_ || (i > 1 && iequals(tok[i - 1].text, "the") &&
                                                      is_any(tok[i - 2].text, {"over", "at", "during"})))) {
        int64_t sat = anchor - ((weekday(anchor) - 6 + 7) % 7);
        if (sat == anchor && !this_) sat -= 7;
        add(last || this_ ? lb : i - 2, i + 1, sat, std::min(sat + 1, anchor), 2, 0.6);
        continue;
      }
      if (iequals(t, "month") && (last || this_)) {
        const bool earlier = this_ && i >= 2 && is_any(tok[i - 2].text, {"earlier", "far"});
        const size_t b = earlier ? (iequals(tok[i - 2].text, "far") && i >= 3 ? i - 3 : i - 2) : lb;
        if (last) {
          const int y = A.m == 1 ? A.y - 1 : A.y, m = A.m == 1 ? 12 : A.m - 1;
          add(b, i + 1, month_start(y, m), month_end(y, m), 3, 0.65);
        } else {
          add(b, i + 1, month_start(A.y, A.m), anchor, 3, 0.6, "range", earlier && iequals(tok[i - 2].text, "far"));
        }
        continue;
      }
      if (iequals(t, "year") && (last || this_) && !(i > 0 && i >= 2 && s.month_at(i - 2))) {
        const bool earlier = this_ && i >= 2 && is_any(tok[i - 2].text, {"earlier", "far"});
        const size_t b = earlier ? i - 2 : lb;
        if (last) add(b, i + 1, days_from_civil(A.y - 1, 1, 1), days_from_civil(A.y - 1, 12, 31), 3, 0.55);
        else add(b, i + 1, days_from_civil(A.y, 1, 1), anchor, 3, 0.5, "range");
        continue;
      }
      // "over the past year", "in the last three months", "past 24 hours", "in recent weeks"
      if ((iequals(t, "past") || (iequals(t, "last") && i > 0 && iequals(tok[i - 1].text, "the"))) && i + 1 < tok.size()) {
        size_t k = i + 1;
        int n = 1;
        if (const int c = small_count(tok[k].text); c > 0 && !iequals(tok[k].text, "a")) {
          n = c;
          ++k;
        }
        if (k >= tok.size()) continue;
        const std::string_view unit = tok[k].text;
        int64_t days = 0;
        if (is_any(unit, {"hours", "hour"})) days = (n + 23) / 24;
        else if (is_any(unit, {"day", "days"})) days = n;
        else if (is_any(unit, {"week", "weeks"})) days = 7 * n;
        else if (is_any(unit, {"month", "months"})) days = 30 * n;
        else if (is_any(unit, {"year", "years"})) days = 365 * n;
        else if (is_any(unit, {"decade"})) days = 3652;
        if (days == 0) continue;
        if (of_date(k + 1)) continue;  // (a part of the date after "of")
        size_t b = i;
        if (b > 0 && iequals(tok[b - 1].text, "the")) --b;
        if (b > 0 && is_any(tok[b - 1].text, {"over", "in", "during", "within", "for", "throughout"})) --b;
        add(b, k + 1, anchor - days, anchor, precision_of(anchor - days + 1, anchor), days <= 2 ? 0.6 : 0.5,
            days <= 2 ? "range" : "since", days > 2);
        i = k;
        continue;
      }
      if (iequals(t, "recent") && i + 1 < tok.size() && is_any(tok[i + 1].text, {"days", "weeks", "months"}) &&
          i > 0 && is_any(tok[i - 1].text, {"in", "over", "during"})) {
        const int64_t days = iequals(tok[i + 1].text, "days") ? 7 : iequals(tok[i + 1].text, "weeks") ? 28 : 90;
        add(i - 1, i + 2, anchor - days, anchor, 3, 0.4, "since", true);
        continue;
      }
    }
  }
};

}  // namespace

IK_PLUGIN(ik_dates, "1.0.0", Dates)
