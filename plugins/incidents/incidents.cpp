// incidents.v1: the assembler. Turns the extractors' mentions (plugins/LABELS.md) into incident
// records (shared/eval/README.md), every value tied to the mention it came from.
//
// How it works, in order:
//   1. read every mention once, parse its attrs once, and put it in its sentence;
//   2. frames: a sentence with an event trigger or a casualty opens a frame; later sentences of the
//      same paragraph join it while they do not conflict (a different stated date, a different
//      specific place, a period total vs. a single attack);
//   3. frames describing the same event are merged (same date+place, or the same death toll);
//   4. missing date/place are filled from the paragraph, then the document (main place, publication);
//      frames that still say too little (commentary, headlines) are dropped when better ones exist;
//   5. fields are derived (ACLED type from triggers + weapons + actors + victims, casualties from
//      totals not parts) and the incidents are ranked by confidence (mention `number` = rank).
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <forward_list>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "common/calendar.hpp"
#include "common/text.hpp"
#include "common/vocab.hpp"
#include "incidentkit/sdk.hpp"

namespace {

using ik::sdk::MentionView;
// Fields are compared with literals as string_views ("killed"sv): the size first and the bytes inline,
// where std::string == const char* measured the literal with strlen and compared out of line.
using namespace std::string_view_literals;

// ------------------------------------------------------------------ small helpers
// A set of views (a record's weapons, targets, trigger words): sorted and unique as std::set keeps them,
// so walks see the same order, but held in place while it has at most kInPlace members. A record builds
// several such sets of a word or two and asks them dozens of count()s; a tree allocated a node per
// insert and chased pointers per lookup.
class ViewSet {
 public:
  using const_iterator = const std::string_view*;
  ViewSet() = default;
  ViewSet(const ViewSet&) = delete;  // (views into in_ or spill_: not needed, not written)
  ViewSet& operator=(const ViewSet&) = delete;

  std::pair<const_iterator, bool> insert(std::string_view v) {
    std::string_view* b = data();
    std::string_view* e = b + size_;
    std::string_view* at = std::lower_bound(b, e, v);
    if (at != e && *at == v) return {at, false};
    const size_t pos = size_t(at - b);
    if (size_ == kInPlace && spill_.empty()) spill_.assign(in_.begin(), in_.end());  // outgrow the array
    if (!spill_.empty()) {
      spill_.insert(spill_.begin() + std::ptrdiff_t(pos), v);
    } else {
      std::move_backward(b + pos, e, e + 1);
      in_[pos] = v;
    }
    ++size_;
    return {data() + pos, true};
  }
  size_t count(std::string_view v) const {
    for (const std::string_view& x : *this)
      if (x == v) return 1;
    return 0;
  }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  const_iterator begin() const { return data(); }
  const_iterator end() const { return data() + size_; }

 private:
  static constexpr size_t kInPlace = 8;
  std::string_view* data() { return spill_.empty() ? in_.data() : spill_.data(); }
  const std::string_view* data() const { return spill_.empty() ? in_.data() : spill_.data(); }
  std::array<std::string_view, kInPlace> in_{};
  std::vector<std::string_view> spill_;  // all members once there are more than kInPlace
  size_t size_ = 0;
};

using Attrs = ik::sdk::AttrReader;
// Keys as string_views (a literal's length is known: no strlen per lookup). String attrs: see parse().
bool bool_attr(const Attrs& a, std::string_view k) { return a.flag(k); }
double num_attr(const Attrs& a, std::string_view k) { return a.number(k); }
// std::tolower's answer for the current locale: with glibc read from its table (what tolower() itself
// reads), fetched once per string instead of a library call per byte.
struct ToLower {
#if defined(__GLIBC__)
  const int32_t* table = *__ctype_tolower_loc();
  char operator()(unsigned char c) const { return char(table[c]); }
#else
  char operator()(unsigned char c) const { return char(std::tolower(c)); }
#endif
};
// ASCII lower-case, letters and digits only: compares names that differ in case/punctuation.
std::string key(std::string_view s) {
  std::string o;
  o.reserve(s.size());  // one allocation at most
  const ToLower lower;
  for (unsigned char c : s)
    if (std::isalnum(c)) o += lower(c);
  return o;
}

// A name's consonants, a doubled one once, without h, w and y: "Idlib" and "Idleb" are one name.
std::string consonants(std::string_view s) {
  std::string o;
  for (unsigned char c : s) {
    c = static_cast<unsigned char>(std::tolower(c));
    if (!std::isalpha(c) || std::strchr("aeiouhwy", c) || (!o.empty() && o.back() == char(c))) continue;
    o += char(c);
  }
  return o;
}
std::string lower_ascii(std::string_view s) {
  std::string o(s);
  const ToLower lower;
  for (auto& c : o) c = lower((unsigned char)c);
  return o;
}
bool same_country(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return true;  // unknown: no evidence of a difference
  if (a == b) return true;                  // equal keys; the usual case, without building them
  // The keys as key() makes them, in stack buffers (country names are short): no allocation.
  char xb[64], yb[64];
  if (a.size() > sizeof xb || b.size() > sizeof yb) {
    std::string x = key(a), y = key(b);
    return x == y || x.find(y) != std::string::npos || y.find(x) != std::string::npos;
  }
  auto fill = [](std::string_view s, char* o) {
    size_t n = 0;
    const ToLower lower;
    for (unsigned char c : s)
      if (std::isalnum(c)) o[n++] = lower(c);
    return std::string_view(o, n);
  };
  const std::string_view x = fill(a, xb), y = fill(b, yb);
  return x == y || x.find(y) != std::string_view::npos || y.find(x) != std::string_view::npos;
}
bool has_word(std::string_view text, std::string_view word) {  // lower-case word, whole-word search
  for (size_t p = 0; (p = text.find(word, p)) != std::string_view::npos; ++p) {
    bool l = p == 0 || !std::isalpha((unsigned char)text[p - 1]);
    bool r = p + word.size() >= text.size() || !std::isalpha((unsigned char)text[p + word.size()]);
    if (l && r) return true;
  }
  return false;
}
// A phrase looked for in every sentence, with a Boyer-Moore-Horspool searcher prepared once: it skips
// most bytes, where find() stopped at every occurrence of the phrase's (common) first letter.
struct Phrase {
  explicit Phrase(std::string_view p) : text(p), searcher(p.begin(), p.end()) {}
  // The first occurrence at or after `from`, or npos.
  size_t find(std::string_view s, size_t from = 0) const {
    const auto it = std::search(s.begin() + std::min(from, s.size()), s.end(), searcher);
    return it == s.end() ? std::string_view::npos : size_t(it - s.begin());
  }
  // Whether an occurrence at `p` stands as whole words.
  bool whole_word_at(std::string_view s, size_t p) const {
    return (p == 0 || !std::isalpha((unsigned char)s[p - 1])) &&
           (p + text.size() >= s.size() || !std::isalpha((unsigned char)s[p + text.size()]));
  }
  // As has_word(s, text).
  bool whole_word_in(std::string_view s) const {
    for (size_t p = 0; (p = find(s, p)) != std::string_view::npos; ++p)
      if (whole_word_at(s, p)) return true;
    return false;
  }
  std::string_view text;
  std::boyer_moore_horspool_searcher<std::string_view::const_iterator> searcher;
};
// Day number of "YYYY-MM-DD" (1970-01-01 = 0), for ordering, distances and shifts.
std::optional<long> day_number(std::string_view iso) {
  const auto d = ik::calendar::parse_iso(iso);
  return d ? std::optional<long>(long(*d)) : std::nullopt;
}

// A word before a figure that adds it to the ones before ("another bomb killed three", "an additional two").
bool adds_word(std::string_view before) {
  return has_word(before, "another") || has_word(before, "additional") || has_word(before, "further");
}

// "killed as well" (an addition), not "as well as" (a list)
bool as_well(std::string_view s) {
  for (size_t p = 0; (p = s.find("as well", p)) != std::string::npos; p += 7)
    if (s.compare(p, 10, "as well as") != 0) return true;
  return false;
}

// An alias that describes unnamed attackers rather than a crowd ("men", "unidentified group").
bool unnamed_attackers(std::string_view alias) {
  const std::string a = lower_ascii(alias);
  if (a.find("unidentified") != std::string::npos || a.find("unknown") != std::string::npos ||
      a.find("armed") != std::string::npos || a.find("criminal") != std::string::npos)
    return true;
  return a == "men"sv || a == "man"sv || a == "group"sv || a == "the group"sv || a == "a group"sv || a == "gang"sv;
}

// A vague count ACLED codes as 10 ("several", "many", "an unknown number of"); not "killed civilians".
bool vague_count(std::string_view v) {
  return v == "several"sv || v == "many"sv || v == "numerous"sv || v == "some"sv || v == "a number of"sv || v == "unknown"sv ||
         v == "unspecified"sv || v == "unidentified"sv || v == "undetermined"sv || v == "undisclosed"sv || v == "unconfirmed"sv ||
         v == "unknown number"sv || v == "heavy"sv || v == "huge"sv || v == "reported"sv || v == "unstated"sv;
}

// Which side a victim group was on: 1 state forces, 2 armed groups, 3 civilians, 0 unknown ("people",
// "men": a generic group may include the others).
int side_of(std::string_view group) {
  if (group == "soldiers"sv || group == "police"sv) return 1;
  if (group == "fighters"sv) return 2;
  if (group == "civilians"sv || group == "children"sv || group == "women"sv || group == "family"sv) return 3;
  return 0;
}

// ------------------------------------------------------------------ mentions, typed
// Their text fields are views of the mentions' fields, attrs and the document's text: all of them live
// as long as process() runs, and copying them cost more than the rest of reading a mention.
struct Base {
  uint64_t start = 0, end = 0;
  int sent = 0;
  std::string_view extractor;
  double conf = 1;
};
struct DateM : Base {
  std::string_view value, end_value, kind;
  int precision = 1;
  bool relative = false, year_guessed = false;
  bool story = false;  // counted from a day the text told ("two days later", "that Friday"), not from publication
};
struct PlaceM : Base {
  std::string_view value, country, iso3, admin1, admin2, feature;
  double lat = ik::sdk::kNone, lon = ik::sdk::kNone;
  int geo_precision = 1;
  int rank = 9;          // specificity: lower is more specific
  bool marked = false;   // "X (A2, A1)" or "coded to X": ACLED's way of naming the event location
  bool relative = false; // "near X", "outside X", "5 km north of X": a reference point, not the scene
  bool road_end = false;  // "the Deir al-Zour-Palmyra highway": a relative place that names a road's end
  bool contained = false; // "Garubula village of Biu LGA": an unlisted place inside the known one after it
  bool context = false;   // "Makarivka, Donetsk": Donetsk only locates the unknown place before it
  bool scene = false;    // "in X", "at X"
  bool origin = false;   // "Okada riders", "Kano traders": whose people, not where (unless nowhere else)
  bool dateline = false; // "IDLIB - Artillery fire hit ...": where the report was filed, not the scene
  bool taken_to = false; // "the wounded were sent to Idlib city and Maarat Misrin": where victims were taken
  bool launch_site = false;  // "fired from its positions in Jurin": where the fire came from (ranked as a demonym)
  bool about = false;    // in what the event is about, not where it is: "amid anger at the Zliten attack,
                         // demonstrators in Misrata ...", "protested in Johannesburg, demanding ... in Ethiopia"
  bool reference = false;  // "after the attack on Kafr Nabl": another event's place, named to tell when
  bool label = false;  // "• Daraa: gunmen shot dead ... in Tafas": the name labelling a log's entry
};
struct CasM : Base {
  std::string_view kind, group;
  double number = ik::sdk::kNone, low = ik::sdk::kNone, high = ik::sdk::kNone;
  bool part = false, negated = false, unknown = false;
  bool toll = false;  // "the death toll rose to 15": a running total that replaces earlier figures
  bool summary = false;  // the analyst's coded figure ("3 fatalities recorded", "coded as 10")
  std::string_view vague;  // "several", "unknown" (number of), "a number of": a count the text did not give
};
struct ActorM : Base {
  std::string_view value, country, role, alias;
  std::string_view home, home_iso3;  // a named group's home country: the event's when no place is named
  int inter = 0;
  bool crowd = false;  // "residents", "people": a description, not a named party
};
struct TermM : Base {  // weapon, target, modality, period
  std::string_view value;
  bool implied = false;  // a weapon inferred from the actor ("gunmen" -> firearms), not named
};
struct DaysM : Base {  // a run of named days ("17-20/03", "over 18-21 May")
  std::string_view value;  // its first day, or empty when the year is unknown
  int days = 0;
};
struct EventM : Base {
  std::string_view value, type, sub;
  bool heading = false;  // "Looting: On 3 May ..." - the note's own label
  bool background = false;  // what a protest is about ("protested against the killing of ...")
  bool opening = false;     // in an opening "after/amid ..." clause (background too)
};

// Place specificity, most specific first. A name the gazetteer did not know ("unlisted") ranks
// below district names: it is often an organisation or a common word taken for a place.
enum Rank : int { kPlace, kAdmin3, kAdmin2, kUnlisted, kAdmin1, kRegion, kCountry, kDemonym };
int place_rank(std::string_view feature) {
  if (feature == "place"sv) return kPlace;
  if (feature == "admin3"sv) return kAdmin3;
  if (feature == "admin2"sv) return kAdmin2;
  if (feature == "admin1"sv) return kAdmin1;
  if (feature == "region"sv) return kRegion;
  if (feature == "country"sv) return kCountry;
  return kUnlisted;
}
bool is_specific(int rank) { return rank == kPlace || rank == kAdmin3 || rank == kUnlisted; }
bool is_armed(int inter) { return inter == 1 || inter == 2 || inter == 3 || inter == 4 || inter == 8; }
bool civilian_group(std::string_view g) {
  static const std::set<std::string_view> civ = {"civilians", "civilian", "children", "child", "women", "woman",
                                            "people", "persons", "residents", "villagers", "students",
                                            "farmers", "worshippers", "family", "men", "elderly",
                                            "journalists", "aid_workers", "patients", "doctors",
                                            "medics", "teachers", "displaced", "refugees", "passengers"};
  return civ.count(g) > 0;
}
bool armed_group(std::string_view g) {
  static const std::set<std::string_view> armed = {"soldiers", "fighters", "police", "militants", "troops",
                                              "rebels", "militia", "security_forces", "officers",
                                              "combatants", "insurgents", "attackers", "gunmen"};
  return armed.count(g) > 0;
}
const std::set<std::string_view>& civilian_targets() {
  static const std::set<std::string_view> t = {"hospital", "school", "market", "residential", "place_of_worship",
                                          "camp", "bakery", "civil_defense"};
  return t;
}

struct Sentence {
  uint64_t start = 0, end = 0;
  int para = 0;
  // Its mentions of each kind (indices into Parsed's vectors, ascending): views of Parsed::in_sentences.
  std::span<const int> dates, places, cas, actors, weapons, targets, events, modals, periods;
  bool anchor() const;
  const std::vector<CasM>* cas_store = nullptr;
};

struct Parsed {
  std::vector<Sentence> sents;
  std::vector<DateM> dates;
  std::vector<PlaceM> places;
  std::vector<CasM> cas;
  std::vector<ActorM> actors;
  std::vector<TermM> weapons, targets, modals, periods;
  std::vector<EventM> events;
  std::vector<DaysM> runs;
  std::string published;         // from the document or a `published` mention
  int published_mention = -1;    // index into pub_spans when it came from the text
  std::vector<Base> pub_spans;
  // String attrs the mentions' attrs text does not hold as they are (escaped ones): the typed mentions'
  // views of them point here. A list: adding one moves none, and an empty one allocates nothing.
  std::forward_list<std::string> kept;
  // The sentences' index lists, kind after kind and sentence after sentence: one array rather than a
  // vector per sentence and kind.
  std::vector<int> in_sentences;
};

bool Sentence::anchor() const {
  if (!events.empty()) return true;
  for (int i : cas) {
    const CasM& c = (*cas_store)[i];
    if (!c.negated && !c.unknown && c.kind != "arrested"sv) return true;
  }
  return false;
}

int sentence_of(const std::vector<Sentence>& s, uint64_t pos) {
  auto it = std::upper_bound(s.begin(), s.end(), pos, [](uint64_t p, const Sentence& x) { return p < x.start; });
  if (it == s.begin()) return 0;
  return int(it - s.begin()) - 1;
}

// The labels parse() reads, told apart once per mention.
enum LabelKind : uint8_t {
  kOtherL, kSentenceL, kPublishedL, kBoilerplateL, kDateL, kPlaceL, kCasualtyL, kActorL, kEventL, kWeaponL,
  kTargetL, kModalityL, kPeriodL, kDaysL, kLabelKinds
};
uint8_t label_kind(std::string_view l) {
  static constexpr std::pair<std::string_view, LabelKind> kLabels[] = {
      {"sentence", kSentenceL}, {"published", kPublishedL}, {"boilerplate", kBoilerplateL}, {"date", kDateL},
      {"place", kPlaceL},       {"casualty", kCasualtyL},   {"actor", kActorL},             {"event", kEventL},
      {"weapon", kWeaponL},     {"target", kTargetL},       {"modality", kModalityL},       {"period", kPeriodL},
      {"days", kDaysL}};
  for (const auto& [name, kind] : kLabels)
    if (l.size() == name.size() && l[0] == name[0] && std::memcmp(l.data(), name.data(), l.size()) == 0) return kind;
  return kOtherL;
}

// Do the (lower-cased) words before a phrase end inside a "which had / who had / that had" clause (no comma
// since)? "Ramadan, which had begun a week earlier": what the clause tells is about something else.
bool in_pluperfect_clause(std::string_view before) {
  for (std::string_view cue : {"which had "sv, "who had "sv, "that had "sv})
    if (const size_t at = before.rfind(cue);
        at != std::string_view::npos && before.find_first_of(",;", at) == std::string_view::npos)
      return true;
  return false;
}

// "Staff had left after the attack on Kafr Nabl", "since the strikes on Ariha": a place named with another
// event to tell when (the words before it, its sentence's text up to it, end so).
bool reference_place(std::string_view head) {
  if (head.size() > 60) head = head.substr(head.size() - 60);
  const std::string h = lower_ascii(head);
  // "As in Afrin, no group claimed the attack": another event's place, to compare
  for (std::string_view w : {"as in "sv, "like in "sv, "unlike in "sv})
    if (h.ends_with(w) && (h.size() == w.size() || !std::isalpha(static_cast<unsigned char>(h[h.size() - w.size() - 1]))))
      return true;
  static constexpr std::string_view kNouns[] = {"attack ", "attacks ", "strike ", "strikes ", "airstrike ",
                                                "airstrikes ", "bombing ", "bombings ", "shelling ", "massacre ",
                                                "raid ", "raids "};
  static constexpr std::string_view kPreps[] = {"on ", "in ", "of ", "at "};
  for (std::string_view prep : kPreps) {
    if (!h.ends_with(prep)) continue;
    const std::string_view rest = std::string_view(h).substr(0, h.size() - prep.size());
    for (std::string_view noun : kNouns) {
      if (!rest.ends_with(noun)) continue;
      // "after the attack on", "since the previous day's strikes on", "following Monday's shelling of"
      const std::string_view lead = rest.substr(0, rest.size() - noun.size());
      for (std::string_view w : {"after "sv, "since "sv, "following "sv, "before "sv})
        if (const size_t at = lead.rfind(w); at != std::string_view::npos && lead.size() - at <= w.size() + 25 &&
                                             (at == 0 || lead[at - 1] == ' ') &&
                                             lead.substr(at).find_first_of(",;") == std::string_view::npos)
          return true;
    }
  }
  return false;
}

// The words that place one name by another after it: " near ", " south of ", ", 7 km north-west of ",
// " a few kilometres from ", " just outside ".
bool near_phrase(std::string_view gap) {
  std::string_view g = gap;
  while (!g.empty() && (g.front() == ' ' || g.front() == ',')) g.remove_prefix(1);
  for (std::string_view lead : {"a village "sv, "a town "sv, "a small town "sv, "a small village "sv, "a hamlet "sv,
                                "some "sv, "about "sv, "around "sv, "roughly "sv, "just "sv, "a few "sv})
    if (g.starts_with(lead)) g.remove_prefix(lead.size());
  // a distance: "7 km", "10 kilometres", "kilometres"
  size_t k = 0;
  while (k < g.size() && (std::isdigit(static_cast<unsigned char>(g[k])) || g[k] == '.')) ++k;
  g.remove_prefix(k);
  while (!g.empty() && g.front() == ' ') g.remove_prefix(1);
  for (std::string_view unit : {"km "sv, "kilometres "sv, "kilometers "sv, "miles "sv})
    if (g.starts_with(unit)) g.remove_prefix(unit.size());
  if (g == "near " || g == "outside " || g == "close to " || g == "from " || g == "away from ") return true;
  for (std::string_view dir : {"north"sv, "south"sv, "east"sv, "west"sv, "north-east"sv, "north-west"sv,
                               "south-east"sv, "south-west"sv, "northeast"sv, "northwest"sv, "southeast"sv,
                               "southwest"sv})
    if (g.starts_with(dir) && g.substr(dir.size()) == " of ") return true;
  return false;
}

// Places in what an event is about rather than where it is: a place in the clause of a background event
// ("Amid anger at the Zliten attack, demonstrators in Misrata ..."), and a country in what protesters
// demand ("protested in Johannesburg, demanding an end to repression in Ethiopia").
void mark_about_places(Parsed& P, std::string_view text) {
  auto one_clause = [&](const Base& x, const Base& y) {  // nothing but words between the two
    const Base &a = x.start < y.start ? x : y, &b = x.start < y.start ? y : x;
    return a.end <= b.start && text.substr(a.end, b.start - a.end).find_first_of(",;.\n") == std::string_view::npos;
  };
  // What people fled is no event of the report: "relatives who had fled the fighting in Aleppo city"
  for (EventM& e : P.events) {
    const uint64_t from = e.start > 20 ? e.start - 20 : 0;
    const std::string before = lower_ascii(text.substr(from, e.start - from));
    for (std::string_view w : {"fled the "sv, "fleeing the "sv, "escaped the "sv, "escaping the "sv, "fled from the "sv})
      if (before.ends_with(w)) e.background = true;
  }
  // (a) the clause of the background event after it, (b) the sentence's opening "after/amid ..." clause,
  // up to its comma, when an event in it was read as one (lexicons.cpp, opening_clause)
  for (PlaceM& p : P.places) {
    const uint64_t ss = P.sents[p.sent].start;
    const std::string_view head = text.substr(ss, p.start - ss);
    p.reference = reference_place(head);
    const bool in_opening_clause = head.find(',') == std::string_view::npos;
    for (const EventM& e : P.events)
      if (e.background && e.sent == p.sent &&
          ((e.start < p.start && one_clause(p, e)) ||
           (in_opening_clause && e.opening && text.substr(ss, e.start - ss).find(',') == std::string_view::npos)))
        p.about = true;
    if (p.rank != kCountry || p.about) continue;
    const std::string before = lower_ascii(head);
    for (std::string_view w : {"demanding "sv, "calling for "sv, "called for "sv, "in solidarity with "sv,
                               "denouncing "sv, "condemning "sv, "to denounce "sv, "to condemn "sv})
      p.about = p.about || before.find(w) != std::string::npos;
  }
}

// Whether the (lower-cased) text before a place opens a phrase of where fire came from that runs on to the
// place: "fired from positions in the western countryside of " (no clause break after "from"). People who
// come from a countryside ("families displaced from the countryside of X") are not its scene either.
// A campaign's name ("the offensive", "the battle for Raqqa"): a period of fighting, not one attack.
bool campaign_noun(std::string_view w) {
  return w == "offensive"sv || w == "campaign"sv || w == "operation"sv || w == "assault"sv || w == "battle"sv;
}

bool from_fire_phrase(std::string_view near) {
  // (the verb may lie beyond the bytes looked at: "[fired] from positions in the western countryside of ")
  const size_t best = near.rfind(" from ");
  if (best == std::string_view::npos) return false;
  // Only words of a launch site may follow "from" (a verb or an object ends it: "fired from SDF positions
  // struck a house in X" names where the shells fell).
  static const std::set<std::string_view> kSiteWords = {
      "the", "its", "their", "government", "regime", "army", "rebel", "opposition", "militia", "sdf", "positions",
      "position", "bases", "base", "in", "of", "western", "eastern", "northern", "southern", "countryside", "rural",
      "areas", "area", "government-held", "regime-held", "rebel-held", "held", "military", "airport", "air",
      "direction"};
  bool site = false;
  for (size_t k = best + 6; k < near.size();) {
    const size_t sp = near.find(' ', k);
    const std::string_view w = near.substr(k, (sp == std::string_view::npos ? near.size() : sp) - k);
    if (!w.empty() && !kSiteWords.count(w)) return false;
    // ("fired from the direction of Tal Rifaat")
    site = site || w == "positions"sv || w == "countryside"sv || w == "bases"sv || w == "airport"sv || w == "direction"sv;
    if (sp == std::string_view::npos) break;
    k = sp + 1;
  }
  return site;
}

// Whether the lower-cased text before a place says victims were taken there ("many were driven to Idlib
// city", "rushed to hospitals in Sarmada", "ambulances carried the wounded to Darat Izza"), or that
// someone lives there now or fled there: no scene of the attack either way.
// "two days after the attack on the hospital in Arbin", "since the massacre in Houla": a place that names an
// earlier event, told to date or explain another
bool earlier_event_phrase(std::string_view near) {
  size_t at = std::string_view::npos;
  for (std::string_view lead : {"after the "sv, "since the "sv})
    if (const size_t k = near.rfind(lead); k != std::string_view::npos && (at == std::string_view::npos || k > at))
      at = k + lead.size();
  if (at == std::string_view::npos || near.find_first_of(".,;:", at) != std::string_view::npos) return false;
  const std::string_view rest = near.substr(at);
  for (std::string_view noun : {"attack "sv, "attacks "sv, "strike "sv, "strikes "sv, "massacre "sv, "bombing "sv,
                                "shelling "sv, "raid "sv, "explosion "sv, "air strike"sv})
    if (rest.starts_with(noun)) return true;
  return false;
}

bool taken_to_phrase(std::string_view near) {
  std::string_view h = near;
  bool to_hospital = false;  // "... and then, because it could not cope, to hospitals in Idleb city"
  for (std::string_view tail : {"hospitals in "sv, "hospital in "sv, "clinics in "sv, "clinic in "sv, "hospitals in the "sv,
                                "hospital in the "sv, "clinics in the "sv, "clinic in the "sv})
    if (h.ends_with(tail)) {
      to_hospital = true;
      h.remove_suffix(tail.size());
      // "to a field hospital in X", "to the national hospital in X": up to two words before the noun
      // ("treated at smaller clinics in X": where they were treated, too)
      for (int k = 0; k < 2 && !h.ends_with(" to "); ++k) {
        if (h.ends_with(" treated at ") || h.ends_with(" treated in ") || h.ends_with(" admitted to ")) return true;
        const size_t sp = h.size() >= 2 ? h.rfind(' ', h.size() - 2) : std::string_view::npos;
        if (sp == std::string_view::npos) break;
        h.remove_suffix(h.size() - sp - 1);
      }
      // "two more died the next day in a field hospital in X": where the wounded died later
      if (const size_t died = h.rfind(" died "); died != std::string_view::npos && h.size() - died <= 32 &&
                                                 (h.ends_with(" in ") || h.ends_with(" at ")))
        return true;
      break;
    }
  if (h.size() > 4 && h.substr(h.size() - 4) == " to "sv) {
    h.remove_suffix(4);
    static const std::set<std::string_view> kTakenVerbs = {
        "taken", "driven", "rushed", "transferred", "evacuated", "transported", "referred", "brought",
        "carried", "airlifted", "ferried", "sent", "take", "took", "drove", "rush", "transfer", "evacuate",
        "transport", "bring", "carry", "send"};
    // "ambulances carried the wounded to Darat Izza": the verb may stand before its object
    static const std::set<std::string_view> kCarried = {"wounded", "injured", "casualties", "victims",
                                                        "bodies", "dead", "them", "him", "her"};
    auto last_word = [](std::string_view& x) {
      const size_t sp = x.rfind(' ');
      const std::string_view w = sp == std::string_view::npos ? x : x.substr(sp + 1);
      x = sp == std::string_view::npos ? std::string_view() : x.substr(0, sp);
      return w;
    };
    std::string_view w = last_word(h);
    if (kCarried.count(w)) {
      w = last_word(h);
      if (w == "the"sv) w = last_word(h);
    }
    if (to_hospital || kTakenVerbs.count(w)) return true;
  }
  // where someone lives now or fled to ("a nurse who now lives in Jarablus", "families who fled to Atmeh"),
  // not "lost their lives in X" nor "people living in X", who may be the victims
  for (std::string_view w : {" now lives in "sv, " who lives in "sv, " now living in "sv, " now live in "sv,
                             " fled to "sv, " moved to "sv, " took refuge in "sv, " resettled in "sv})
    if (near.ends_with(w)) return true;
  return false;
}

Parsed parse(const ik::sdk::Doc& doc) {
  Parsed P;
  const std::string_view text = doc.text();
  std::vector<MentionView> all = doc.mentions();
  // Each mention's label read once (the loops below asked it again and again), and room for each kind up
  // front: the typed mentions are large, and growing their vectors moved them all.
  std::vector<uint8_t> kinds(all.size());
  {
    size_t count[kLabelKinds] = {};
    for (size_t i = 0; i < all.size(); ++i) ++count[kinds[i] = label_kind(all[i].label)];
    P.sents.reserve(count[kSentenceL] + 1);
    P.dates.reserve(count[kDateL]);
    P.places.reserve(count[kPlaceL]);
    P.cas.reserve(count[kCasualtyL]);
    P.actors.reserve(count[kActorL]);
    P.events.reserve(count[kEventL]);
    P.weapons.reserve(count[kWeaponL]);
    P.targets.reserve(count[kTargetL]);
    P.modals.reserve(count[kModalityL]);
    P.periods.reserve(count[kPeriodL]);
  }
  auto kind_of = [&](const MentionView& m) { return kinds[size_t(&m - all.data())]; };
  for (const auto& m : all)
    if (kind_of(m) == kSentenceL) {
      Sentence s;
      s.start = m.start;
      s.end = m.end;
      s.para = m.has_number() ? int(m.number) : 0;
      P.sents.push_back(std::move(s));
    }
  std::sort(P.sents.begin(), P.sents.end(), [](const Sentence& a, const Sentence& b) { return a.start < b.start; });
  if (P.sents.empty()) {
    Sentence s;
    s.end = text.size();
    P.sents.push_back(s);
  }
  for (const auto& m : all)
    if (kind_of(m) == kPublishedL) {
      Base b{m.start, m.end, 0, m.extractor, m.confidence};
      P.pub_spans.push_back(b);
      if (P.published.empty()) P.published = std::string(m.value), P.published_mention = int(P.pub_spans.size()) - 1;
    }
  if (!doc.published().empty()) P.published = std::string(doc.published()), P.published_mention = -1;

  // A string attr as a view that lives as long as P. AttrReader's view points into the mention's attrs
  // (alive during process()) except when its fallback read them (escapes): it owns those, so they are
  // copied into P.kept.
  auto str_attr = [&P](const Attrs& a, const MentionView& m, std::string_view k) -> std::string_view {
    const std::string_view v = a.str(k), attrs = m.attrs_json;
    const std::less<const char*> before;  // (a total order, also for pointers into different objects)
    if (v.empty() || (!before(v.data(), attrs.data()) && !before(attrs.data() + attrs.size(), v.data() + v.size())))
      return v;
    return P.kept.emplace_front(v);
  };
  auto fill = [&](Base& b, const MentionView& m) {
    b.start = m.start;
    b.end = m.end;
    b.sent = sentence_of(P.sents, m.start);
    b.extractor = m.extractor;
    b.conf = m.confidence;
  };
  // Page furniture ("Share this story!", cookie notices) is not report text.
  std::vector<std::pair<uint64_t, uint64_t>> furniture;
  for (const auto& m : all)
    if (kind_of(m) == kBoilerplateL) furniture.emplace_back(m.start, m.end);
  auto in_furniture = [&](const MentionView& m) {
    for (const auto& [s, e] : furniture)
      if (m.start >= s && m.end <= e) return true;
    return false;
  };
  for (const auto& m : all) {
    const uint8_t L = kind_of(m);
    if (!furniture.empty() && in_furniture(m)) continue;
    if (L == kDateL) {
      bool in_dateline = false;
      for (const auto& p : P.pub_spans)
        if (m.start < p.end && p.start < m.end) in_dateline = true;
      if (in_dateline || m.value.size() < 7) continue;
      const Attrs a(m.attrs_json);
      DateM d;
      fill(d, m);
      d.value = m.value;
      d.precision = m.has_number() ? int(m.number) : 1;
      d.end_value = str_attr(a, m, "end");
      d.kind = str_attr(a, m, "kind");
      d.relative = bool_attr(a, "relative");
      d.year_guessed = bool_attr(a, "year_guessed");
      d.story = bool_attr(a, "story");
      P.dates.push_back(std::move(d));
    } else if (L == kPlaceL) {
      const Attrs a(m.attrs_json);
      PlaceM p;
      fill(p, m);
      p.value = m.value;
      p.country = str_attr(a, m, "country");
      p.iso3 = str_attr(a, m, "iso3");
      p.admin1 = str_attr(a, m, "admin1");
      p.admin2 = str_attr(a, m, "admin2");
      p.feature = str_attr(a, m, "feature");
      p.lat = num_attr(a, "lat");
      p.lon = num_attr(a, "lon");
      double gp = num_attr(a, "geo_precision");
      p.geo_precision = std::isnan(gp) ? 1 : int(gp);
      p.rank = bool_attr(a, "demonym") ? kDemonym : place_rank(p.feature);  // "Israeli" names an actor
      // A country's adjective read as the country ("Israeli" for Israel, "Iraqi" for Iraq) is a demonym too
      // (one word: "Syrian Arab Republic" and "Russian Federation" are the countries' names).
      const std::string_view surface = text.substr(m.start, m.end - m.start);
      if (p.rank == kCountry && surface.size() > p.value.size() && surface.find(' ') == std::string_view::npos &&
          ik::text::iequals(surface.substr(0, p.value.size()), p.value))
        p.rank = kDemonym;
      // "X (A2, A1)": the parenthesis right after the name holds its admin units.
      size_t e = m.end;
      while (e < text.size() && text[e] == ' ') ++e;
      // "Amran city (Amran)", "Walwa town (Sangli)": a generic noun may sit between
      for (std::string_view noun : {"city "sv, "town "sv, "village "sv, "camp "sv, "district "sv, "county "sv, "upazila "sv,
                                "township "sv, "woreda "sv, "municipality "sv, "commune "sv, "area "sv})
        if (text.substr(e, noun.size()) == noun && e + noun.size() < text.size() && text[e + noun.size()] == '(') {
          e += noun.size();
          break;
        }
      {
        // a name before a noun of people who work or live somewhere names them, not the scene
        static const std::set<std::string_view> kPeople = {
            "riders", "traders", "youths", "farmers", "herders", "herdsmen", "students", "workers", "drivers",
            "operators", "indigenes", "natives", "elders", "fishermen", "miners", "vendors", "merchants"};
        size_t w = e;
        while (w < text.size() && std::islower(static_cast<unsigned char>(text[w]))) ++w;
        p.origin = w > e && kPeople.count(text.substr(e, w - e)) > 0;
        // ... and a name that opens a force's or a body's name ("a Manbij Military Council vehicle in Arab
        // Hassan village") names whose, not where
        // (the word right after it: "Dekina Local Council" is a district)
        static const std::set<std::string_view> kBodies = {"Military", "Council", "Forces", "Brigade", "Brigades",
                                                           "Battalion", "Regiment", "Division", "Front", "Guards"};
        if (e < text.size() && std::isupper(static_cast<unsigned char>(text[e]))) {
          size_t b = e;
          while (b < text.size() && std::isalpha(static_cast<unsigned char>(text[b]))) ++b;
          p.origin = p.origin || kBodies.count(text.substr(e, b - e)) > 0 ||
                     text.substr(e, 12) == "City Council"sv;  // "a Mosul City Council official"
        }
      }
      // (admin units are names: not "Pukah (coded separately)", "X (likely Y)")
      if (e + 1 < text.size() && text[e] == '(' && p.rank <= kUnlisted && !std::islower(static_cast<unsigned char>(text[e + 1])))
        p.marked = true;
      // The 48 bytes before the name, lower-cased once (as lower_ascii does) into a stack buffer: the
      // phrase tests below read them some thirty times per place.
      char near_buf[48];
      const size_t rf = m.start > 48 ? m.start - 48 : 0;
      const std::string_view near(near_buf, m.start - rf);
      {
        const ToLower lower;
        for (size_t i = 0; i < near.size(); ++i) near_buf[i] = lower((unsigned char)text[rf + i]);
      }
      // "coded to X" / "coded as X" in the last 16 bytes
      const std::string_view before = near.substr(near.size() > 16 ? near.size() - 16 : 0);
      if (before.find("coded to"sv) != std::string_view::npos || before.find("coded as"sv) != std::string_view::npos)
        p.marked = true;
      // "Abrone neighbourhood (Marka)": the town a neighbourhood is coded to
      const std::string_view evidence = str_attr(a, m, "evidence");  // how places.v1 found the name
      if (evidence == "town_of_part"sv) p.marked = true;
      p.context = evidence == "admin_context"sv;
      p.label = evidence == "label"sv;
      {
        // A dateline: the name opens a line, in capitals or before a comma, and a dash ends the line's
        // first part ("IDLIB - ...", "BEIRUT, Feb 26 (Reuters) - ...").
        size_t b = m.start;
        while (b > 0 && text[b - 1] == ' ') --b;
        const bool line_start = b == 0 || text[b - 1] == '\n';
        const std::string_view surface = text.substr(m.start, m.end - m.start);
        const bool caps = std::none_of(surface.begin(), surface.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (line_start && (caps || (m.end < text.size() && text[m.end] == ',')))
          p.dateline = ik::text::dateline_dash_after(text, m.end);
        // (not a log entry's scene, its province told before the dash: "Kansafra, in the southern
        // countryside of Idlib - Government artillery shelled the village")
        if (p.dateline) {
          const std::string head = ik::text::lower(text.substr(m.end, 60));
          for (std::string_view unit : {" in "sv, "countryside"sv, "governorate"sv, "province"sv, "district"sv})
            if (const size_t at = head.find(unit); at != std::string_view::npos && at < head.find(" - "sv))
              p.dateline = false;
        }
      }
      {
        // (a byte loop: the first byte turns most phrases away, where a memcmp call costs more)
        auto ends_with = [&](std::string_view w) {
          if (near.size() < w.size()) return false;
          const char* tail = near.data() + near.size() - w.size();
          for (size_t i = 0; i < w.size(); ++i)
            if (tail[i] != w[i]) return false;
          return true;
        };
        p.relative = ends_with("near ") || ends_with("outside ") ||
                     ends_with("north of ") || ends_with("south of ") || ends_with("east of ") ||
                     ends_with("west of ") || ends_with("km of ") || ends_with("km from ") ||
                     ends_with("kilometres from ") || ends_with("kilometers from ") || ends_with("miles from ") ||
                     ends_with("close to ") || ends_with("nw of ") || ends_with("ne of ") || ends_with("sw of ") ||
                     ends_with("se of ") || ends_with("road to ") || ends_with("between ") ||
                     evidence == "road_end"sv;  // "the Maiduguri-Damboa road"
        // "55 km north of the town of Beni": the direction before the settlement noun
        for (std::string_view unit : {"the town of "sv, "the city of "sv, "the village of "sv})
          if (!p.relative && ends_with(unit)) {
            const std::string_view before = near.substr(0, near.size() - unit.size());
            for (std::string_view d : {"north of "sv, "south of "sv, "east of "sv, "west of "sv, "near "sv, "outside "sv})
              p.relative = p.relative || before.ends_with(d);
          }
        p.road_end = evidence == "road_end"sv;
        // "kidnapped two traders from Daraa near Al-Mazraa": where the victims come from, not the scene
        if (ends_with(" from ")) {
          static const std::set<std::string_view> kPeopleFrom = {
              "traders", "trader", "men", "man", "people", "residents", "civilians", "families", "family",
              "youths", "women", "children", "students", "farmers", "workers", "shepherds", "villagers",
              "brothers", "members", "fighters", "soldiers", "persons", "individuals", "merchants", "drivers",
              // "three men displaced from Tall Kalakh were shot dead in Homs"
              "displaced", "originally", "hailing", "evacuees", "returnees",
              // one person's home: "He was from Qamishli", "an aid worker from Hasakah city"
              "was", "is", "worker", "woman", "teacher", "doctor", "nurse", "farmer", "student", "resident",
              "refugee", "journalist", "activist", "volunteer", "boy", "girl"};
          const std::string_view head = near.substr(0, near.size() - 6);
          const size_t sp = head.rfind(' ');
          if (kPeopleFrom.count(sp == std::string_view::npos ? head : head.substr(sp + 1))) p.origin = true;
        }
        // (and the places listed with it: "families displaced from Aleppo, Homs and Palmyra")
        if (!P.places.empty() && P.places.back().origin && m.start >= P.places.back().end) {
          const std::string_view gap = text.substr(P.places.back().end, m.start - P.places.back().end);
          if (gap == ", "sv || gap == " and "sv || gap == ", and "sv || gap == " or "sv) p.origin = true;
        }
        // where aircraft or munitions came from ("took off from Hmeimim", "fired from Leithi") is no scene
        // of the attack: it ranks as a name of the attacker does, below any place it hit
        if (ends_with("off from ") || ends_with("off from the ") || ends_with("launched from ") ||
            ends_with("fired from ") || ends_with("flew from ") || ends_with("flying from ") ||
            ends_with("came from ") || ends_with("shelled from ") ||
            // "fired from positions in the western countryside of Aleppo": a from-phrase still open
            from_fire_phrase(near) ||
            // "the shells came from the regime positions in Wadi al-Deif"
            ((ends_with("positions in ") || ends_with("positions on the ") || ends_with("positions on ") ||
              ends_with("bases in ") || ends_with("base in ") || ends_with("base at ") || ends_with("airport at ")) &&
             ik::text::lower(text.substr(m.start > 60 ? m.start - 60 : 0, std::min<uint64_t>(m.start, 60))).find("from ") !=
                 std::string::npos))
          p.rank = kDemonym, p.launch_site = true;
        // "two jets leaving Kweires airbase", "helicopters that had left Hama military airport": an air base
        // the aircraft departed from
        if (ends_with("leaving ") || ends_with("left ") || ends_with("departing ") || ends_with("departed ") ||
            ends_with("departing from ") || ends_with("from ") || ends_with("from the ")) {
          const std::string after = ik::text::lower(text.substr(m.end, std::min<uint64_t>(text.size() - m.end, 20)));
          for (std::string_view base : {" airbase"sv, " air base"sv, " airfield"sv, " airport"sv, " military airport"sv,
                                        " military airfield"sv, " air field"sv})
            if (std::string_view(after).starts_with(base)) p.rank = kDemonym, p.launch_site = true;
        }
        // "Government artillery positioned at the Hama military airport shelled the town", "from positions
        // at the Ezraa brigade base": a base the guns stood at
        if (near.find("positioned ") != std::string_view::npos || near.find(" positions ") != std::string_view::npos ||
            near.find("stationed ") != std::string_view::npos) {
          const std::string after = ik::text::lower(text.substr(m.end, std::min<uint64_t>(text.size() - m.end, 20)));
          for (std::string_view base : {" airbase"sv, " air base"sv, " airfield"sv, " airport"sv, " military airport"sv,
                                        " brigade"sv, " base"sv, " barracks"sv})
            if (std::string_view(after).starts_with(base)) p.rank = kDemonym, p.launch_site = true;
        }
        // where the victims were taken or where someone lives now is no scene either
        {
          p.taken_to = taken_to_phrase(near);
          // (and the places listed with it, "to Idlib city and Maarat Misrin", "and some to Turkey", "and
          // across the Turkish border to Reyhanli", and the way there: "through the Bab al-Hawa crossing")
          size_t prev = P.places.size();
          while (prev > 0 && !P.places[prev - 1].taken_to && P.places[prev - 1].rank == kDemonym && !P.places[prev - 1].origin) --prev;
          if (prev > 0 && P.places[prev - 1].taken_to && m.start >= P.places[prev - 1].end &&
              m.start - P.places[prev - 1].end <= 48) {
            std::string_view gap = text.substr(P.places[prev - 1].end, m.start - P.places[prev - 1].end);
            if (gap.starts_with(" city") || gap.starts_with(" town")) gap.remove_prefix(5);
            const bool one_clause = gap.find_first_of(".;") == std::string_view::npos;
            const bool listed = gap.size() <= 12 && (gap.find(" and ") != std::string_view::npos || gap.find(", ") != std::string_view::npos);
            const bool more = one_clause && (gap.starts_with(" and ") || gap.starts_with(", ")) &&
                              (gap.ends_with(" to ") || gap.ends_with(" to the "));
            const bool route = one_clause && (gap.ends_with(" through ") || gap.ends_with(" through the ") || gap.ends_with(" via "));
            p.taken_to = p.taken_to || listed || more || route;
          }
          if (p.taken_to) p.rank = kDemonym;
        }
        // (also a preposition that opens the text or a line: "In Safina village, 45 km south of Mosul, ...")
        auto opens = [&](std::string_view w) {
          return ends_with(w) && (near.size() == w.size() || near[near.size() - w.size() - 1] == '\n');
        };
        p.scene = ends_with(" in ") || ends_with(" at ") || opens("in ") || opens("at ") || ends_with(" inside ") ||
                  ends_with("village of ") || ends_with("locality of ") || ends_with("hamlet of ") ||
                  ends_with("town of ") || ends_with("city of ") || ends_with("neighbourhood of ") ||
                  ends_with("neighborhood of ");
        // "in eastern DR Congo", "in southwestern Ethiopia": a direction between the preposition and the name
        for (std::string_view d : {" in northern "sv, " in southern "sv, " in eastern "sv, " in western "sv,
                                   " in central "sv, " in northeastern "sv, " in northwestern "sv,
                                   " in southeastern "sv, " in southwestern "sv, " in north-eastern "sv,
                                   " in north-western "sv, " in south-eastern "sv, " in south-western "sv})
          p.scene = p.scene || ends_with(d);
        // "near Tal Tamer in northwestern Hasakah countryside": the country around a town locates the
        // scene, as a reference point does; it is not the town itself. (Not "X area", which in most
        // reports names the locality of the scene: "in the Farshaya area north of Delling".)
        size_t w = m.end;
        while (w < text.size() && text[w] == ' ') ++w;
        // ("the southern suburbs of Idlib": the translators' word for the same countryside, the Arabic rif)
        if (text.substr(w, 11) == "countryside"sv) p.scene = false, p.relative = true;
        if (ends_with("countryside of ") || ends_with("countryside of the ") || ends_with(" suburbs of ") ||
            ends_with(" suburbs of the "))
          p.scene = false, p.relative = true;
        if (earlier_event_phrase(near)) p.scene = false, p.relative = true;
      }
      P.places.push_back(std::move(p));
    } else if (L == kCasualtyL) {
      const Attrs a(m.attrs_json);
      CasM c;
      fill(c, m);
      c.kind = m.value;
      c.group = str_attr(a, m, "group");
      c.number = m.number;
      c.low = m.low;
      c.high = m.high;
      c.part = bool_attr(a, "part_of_total");
      c.negated = bool_attr(a, "negated");
      c.unknown = bool_attr(a, "unknown");
      c.toll = bool_attr(a, "toll");
      c.summary = bool_attr(a, "summary");
      c.vague = str_attr(a, m, "vague");
      P.cas.push_back(std::move(c));
    } else if (L == kActorL) {
      const Attrs a(m.attrs_json);
      ActorM x;
      fill(x, m);
      x.value = m.value;
      double inter = num_attr(a, "inter");
      x.inter = !std::isnan(inter) ? int(inter) : (m.has_number() ? int(m.number) : 0);
      x.country = str_attr(a, m, "country");
      x.role = str_attr(a, m, "role");
      x.alias = str_attr(a, m, "alias");
      x.crowd = bool_attr(a, "crowd");
      x.home = str_attr(a, m, "home");
      x.home_iso3 = str_attr(a, m, "home_iso3");
      if (x.alias.empty()) x.alias = text.substr(m.start, m.end - m.start);
      P.actors.push_back(std::move(x));
    } else if (L == kEventL) {
      const Attrs a(m.attrs_json);
      EventM e;
      fill(e, m);
      e.value = m.value;
      e.type = str_attr(a, m, "event_type");
      e.sub = str_attr(a, m, "sub_event_type");
      e.heading = bool_attr(a, "heading");
      e.background = bool_attr(a, "background");
      e.opening = bool_attr(a, "opening");
      P.events.push_back(std::move(e));
    } else if (L == kWeaponL || L == kTargetL || L == kModalityL || L == kPeriodL) {
      TermM t;
      fill(t, m);
      t.value = m.value;
      if (L == kWeaponL) t.implied = bool_attr(Attrs(m.attrs_json), "implied");
      if (L == kWeaponL && ik::vocab::contains(ik::vocab::kWeapons, t.value)) P.weapons.push_back(std::move(t));
      else if (L == kTargetL && ik::vocab::contains(ik::vocab::kTargets, t.value)) P.targets.push_back(std::move(t));
      else if (L == kModalityL) P.modals.push_back(std::move(t));
      else if (L == kPeriodL) P.periods.push_back(std::move(t));
    } else if (L == kDaysL && m.has_number()) {
      DaysM d;
      fill(d, m);
      d.value = m.value;
      d.days = int(m.number);
      P.runs.push_back(std::move(d));
    }
  }
  // Places in text order, for the relations between neighbours below.
  std::vector<size_t> order(P.places.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return P.places[a].start < P.places[b].start; });
  // "Garubula village of Biu local government area", "Agasha community in Guma LGA": the unlisted name is
  // the scene, inside the known place named after it (whose point it takes).
  {
    // the unlisted x lies in or by the known y: it takes y's point and the units it lacks
    const auto placed_in = [](PlaceM& x, const PlaceM& y) {
      x.contained = true;
      x.lat = y.lat, x.lon = y.lon;  // the container's point beats an admin centroid
      x.geo_precision = std::max(x.geo_precision, y.geo_precision);  // (a district known by its province's point)
      if (x.admin1.empty()) x.admin1 = y.admin1;
      if (x.admin2.empty()) x.admin2 = y.rank == kAdmin2 ? y.value : y.admin2;
      if (x.country.empty()) x.country = y.country, x.iso3 = y.iso3;
    };
    for (size_t k = 0; k + 1 < order.size(); ++k) {
      PlaceM &x = P.places[order[k]], &y = P.places[order[k + 1]];
      if (x.rank != kUnlisted || y.rank > kAdmin2 || y.rank == kUnlisted || x.end > y.start || y.start - x.end > 90 ||
          x.sent != y.sent || std::isnan(y.lat))
        continue;
      // "Hass is a village of some 15,000 people lying roughly 7 km south of Kafr Nabl": the town that places a
      // village the sentence describes
      {
        const std::string g = lower_ascii(text.substr(x.end, y.start - x.end));
        bool described = false;
        for (std::string_view copula : {" is a village "sv, " is a small village "sv, " is a town "sv,
                                        " is a small town "sv, " is a farming village "sv, " is a hamlet "sv})
          described = described || g.starts_with(copula);
        if (described && g.find_first_of(".;") == std::string::npos)
          for (std::string_view end : {" near "sv, " outside "sv, " from "sv, " north of "sv, " south of "sv,
                                       " east of "sv, " west of "sv, "-east of "sv, "-west of "sv})
            if (g.ends_with(end)) {
              placed_in(x, y);
              break;
            }
        if (x.contained || y.start - x.end > 40) continue;
      }
      // the unlisted name is called a place, after it or before it ("the village of Goura Tembe in ...")
      static const std::array<std::string_view, 12> kNouns = {"village", "community", "locality", "area", "town",
                                                              "settlement", "hamlet", "ward", "neighbourhood",
                                                              "neighborhood", "quarter", "camp"};
      std::string gap = lower_ascii(text.substr(x.end, y.start - x.end));
      // an apposition says the same: "Kijimatari, a village in Guzamala LGA"
      for (std::string_view appos : {", a "sv, ", the "sv})
        if (gap.size() > appos.size() && gap.compare(0, appos.size(), appos) == 0) {
          gap = " " + gap.substr(appos.size());
          break;
        }
      bool called = false;
      for (std::string_view noun : kNouns)
        if (gap.size() > noun.size() + 1 && gap.compare(1, noun.size(), noun) == 0) {
          gap = gap.substr(noun.size() + 1);
          called = true;
          break;
        }
      const uint64_t b = x.start > 16 ? x.start - 16 : 0;
      const std::string before = lower_ascii(text.substr(b, x.start - b));
      for (std::string_view noun : kNouns)
        called = called || before.find(std::string(noun) + " of ") != std::string::npos;
      // ... or followed by the unit that locates it ("Gomora informal settlement in Daspoort, Pretoria")
      const bool located = y.context && !gap.empty() && gap.find(',') != std::string::npos;
      // ... or by the local unit after a comma ("Kukoki community, Shiroro Local Government Area")
      const bool unit_after = called && gap == ", "sv && (y.rank == kAdmin2 || y.rank == kAdmin3);
      // ... or inside a unit or a stretch of land said to be one ("Jurin in the Al-Ghab plain")
      bool in_region = false;
      if (!called && (gap == " in "sv || gap == " in the "sv)) {
        const std::string after = lower_ascii(text.substr(y.end, std::min<size_t>(16, text.size() - y.end)));
        for (std::string_view noun : {" plain"sv, " valley"sv, " region"sv, " district"sv, " countryside"sv,
                                      " desert"sv, " mountains"sv, " province"sv, " governorate"sv, " subdistrict"sv})
          in_region = in_region || (after.compare(0, noun.size(), noun) == 0 &&
                                    (after.size() == noun.size() || !std::isalpha((unsigned char)after[noun.size()])));
      }
      // ... or placed by the known town next to it ("Hass, a village south of Kafranbel", "the Qah camp near
      // Atmeh", "Kavuye, 5 km from Pinga"): the scene is the unlisted name, at the town's point, which an
      // analyst who cannot find the village codes too
      const bool placed_by = (called || gap.starts_with(", ") || (x.start >= 4 && before.ends_with("the "))) &&
                             near_phrase(gap);
      if (located || unit_after || in_region || placed_by ||
          (called && (gap == " of "sv || gap == " in "sv || gap == " of the "sv || gap == " in the "sv))) {
        placed_in(x, y);
      }
    }
  }
  // "Kansafra and Fatira (Ariha, Idleb)": the mark names the place of every name in the list before it
  {
    for (size_t k = order.size(); k-- > 1;) {
      PlaceM &a = P.places[order[k - 1]], &b = P.places[order[k]];
      if (!b.marked || a.marked || a.rank > kUnlisted || a.end > b.start) continue;
      const std::string_view gap = text.substr(a.end, b.start - a.end);
      if (gap == " and "sv || gap == ", "sv || gap == ", and "sv) a.marked = true;
    }
  }
  mark_about_places(P, text);
  std::sort(P.runs.begin(), P.runs.end(), [](const DaysM& a, const DaysM& b) { return a.start < b.start; });
  for (auto& s : P.sents) s.cas_store = &P.cas;
  P.in_sentences.resize(P.dates.size() + P.places.size() + P.cas.size() + P.actors.size() + P.weapons.size() +
                        P.targets.size() + P.events.size() + P.modals.size() + P.periods.size());
  int* free_slot = P.in_sentences.data();
  std::vector<int> first(P.sents.size() + 1);  // per sentence: where its indices go, then the next free slot
  auto bucket = [&](const auto& vec, std::span<const int> Sentence::*field) {
    std::fill(first.begin(), first.end(), 0);
    for (const auto& m : vec) ++first[m.sent + 1];
    for (size_t s = 1; s < first.size(); ++s) first[s] += first[s - 1];
    for (size_t s = 0; s < P.sents.size(); ++s)
      P.sents[s].*field = std::span<const int>(free_slot + first[s], size_t(first[s + 1] - first[s]));
    for (size_t i = 0; i < vec.size(); ++i) free_slot[first[vec[i].sent]++] = int(i);
    free_slot += vec.size();
  };
  bucket(P.dates, &Sentence::dates);
  bucket(P.places, &Sentence::places);
  bucket(P.cas, &Sentence::cas);
  bucket(P.actors, &Sentence::actors);
  bucket(P.weapons, &Sentence::weapons);
  bucket(P.targets, &Sentence::targets);
  bucket(P.events, &Sentence::events);
  bucket(P.modals, &Sentence::modals);
  bucket(P.periods, &Sentence::periods);
  return P;
}


// ------------------------------------------------------------------ the record of an incident
// Its fields, written straight to JSON text (nlohmann::json's dump() of the same object, byte for byte:
// keys sorted, unset optionals null). Building a json object only to dump it cost more than assembling.
using Str = std::optional<std::string>;
struct Evidence {
  std::vector<std::pair<const Base*, const char*>> list;  // mention (alive while the document is), field
  void add(const Base& b, const char* field) { list.emplace_back(&b, field); }
};
// A period total ranks below the single attacks told beside it.
constexpr double kAggregateRank = 0.75;
// A confidence as records write it: 3 decimals.
double as_written(double confidence) { return std::round(confidence * 1000) / 1000; }

struct Record {
  Str actor1, actor2, admin1, admin2, country, date_end, event_date, event_type, iso3, location, status,
      sub_event_type;
  std::vector<std::string> actor1_aliases, targets, weapons;
  std::optional<long long> fatalities, fatalities_high, fatalities_low, injured;
  std::optional<int> geo_precision, inter1, inter2, time_precision;
  std::optional<double> latitude, longitude;
  std::vector<std::pair<std::string, long long>> victims;  // by group, sorted; none: null
  bool civilian_targeting = false, is_aggregate = false;
  // A total over a run of named days, told as ACLED codes it: one incident per day with its share
  // (split_day 1..split_days), beside the total itself (split_day 0, an aggregate).
  int split_day = 0, split_days = 0;
  double confidence = 0;       // as written (3 decimals)
  double rank_confidence = 0;  // unrounded, ranks the incidents
  Evidence evidence;

  // The record's JSON text. identity (when given) gets the same text without evidence, confidence and
  // actor1_aliases: equal for one incident told twice. Cut from the record rather than written again.
  std::string json(std::string* identity = nullptr) const;
};

namespace jt = ik::sdk::json_text;
// Writes ,"key": (no comma first in the object) to buf (N + 3 bytes at most); returns its length.
template <size_t N>
size_t key_text(char* buf, const std::string& o, const char (&k)[N]) {
  size_t n = 0;
  if (o.size() > 1) buf[n++] = ',';
  buf[n++] = '"';
  std::memcpy(buf + n, k, N - 1);
  n += N - 1;
  buf[n++] = '"';
  buf[n++] = ':';
  return n;
}
// ,"key": in one append (keys are literals).
template <size_t N>
void put_key(std::string& o, const char (&k)[N]) {
  char buf[N + 3];
  o.append(buf, key_text(buf, o, k));
}
template <size_t N>
void put(std::string& o, const char (&k)[N], const Str& v) {
  // ,"key":"value" in one append when the value is short and needs no escaping, as most are
  char buf[N + 3 + 66];
  if (v && v->size() <= 64 && jt::skip_plain(v->data(), v->data() + v->size()) == v->data() + v->size()) {
    size_t n = key_text(buf, o, k);
    buf[n++] = '"';
    std::memcpy(buf + n, v->data(), v->size());
    n += v->size();
    buf[n++] = '"';
    o.append(buf, n);
    return;
  }
  put_key(o, k);
  if (v) jt::append_string_or_throw(o, *v);
  else o += "null";
}
template <class Int, size_t N>
void put(std::string& o, const char (&k)[N], const std::optional<Int>& v) {
  put_key(o, k);
  if (v) jt::append_integer(o, *v);
  else o += "null";
}
template <size_t N>
void put(std::string& o, const char (&k)[N], const std::optional<double>& v) {
  put_key(o, k);
  if (v) jt::append_double(o, *v);
  else o += "null";
}
template <size_t N>
void put(std::string& o, const char (&k)[N], bool v) {
  put_key(o, k);
  o += v ? "true" : "false";
}
template <size_t N>
void put(std::string& o, const char (&k)[N], const std::vector<std::string>& v) {
  put_key(o, k);
  o += '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) o += ',';
    jt::append_string_or_throw(o, v[i]);
  }
  o += ']';
}

// A short name (an extractor's, a field's) as a JSON string: one append when it needs no escaping, as
// these always do; append_string_or_throw otherwise.
void append_name(std::string& o, std::string_view v) {
  char buf[64];
  if (v.size() + 2 <= sizeof buf && jt::skip_plain(v.data(), v.data() + v.size()) == v.data() + v.size()) {
    buf[0] = '"';
    std::memcpy(buf + 1, v.data(), v.size());
    buf[v.size() + 1] = '"';
    o.append(buf, v.size() + 2);
  } else {
    jt::append_string_or_throw(o, v);
  }
}

std::string Record::json(std::string* identity) const {
  std::string o;
  o.reserve(1024 + 80 * evidence.list.size());  // about the size of a record
  o += '{';
  // [from, to) of the members the identity leaves out, each with its leading comma (none is first)
  size_t cut[3][2];
  int cuts = 0;
  auto cut_from = [&] { cut[cuts][0] = o.size(); };
  auto cut_to = [&] { cut[cuts++][1] = o.size(); };
  put(o, "actor1", actor1);
  cut_from();
  put(o, "actor1_aliases", actor1_aliases);
  cut_to();
  put(o, "actor2", actor2);
  put(o, "admin1", admin1);
  put(o, "admin2", admin2);
  put(o, "civilian_targeting", civilian_targeting);
  cut_from();
  put(o, "confidence", std::optional<double>(confidence));
  cut_to();
  put(o, "country", country);
  put(o, "date_end", date_end);
  put(o, "event_date", event_date);
  put(o, "event_type", event_type);
  {
    cut_from();
    put_key(o, "evidence");
    o += '[';
    // The bulk of a record: literals appended with their lengths, numbers by to_chars (what
    // append_unsigned writes, without its temporary string).
    using std::string_view_literals::operator""sv;
    char num[24];
    for (size_t i = 0; i < evidence.list.size(); ++i) {
      const auto& [b, field] = evidence.list[i];
      o += i ? ",{\"end\":"sv : "{\"end\":"sv;
      o.append(num, std::to_chars(num, num + sizeof num, b->end).ptr);
      o += ",\"extractor\":"sv;
      append_name(o, b->extractor);
      o += ",\"field\":"sv;
      append_name(o, field);
      o += ",\"start\":"sv;
      o.append(num, std::to_chars(num, num + sizeof num, b->start).ptr);
      o += '}';
    }
    o += ']';
    cut_to();
  }
  put(o, "fatalities", fatalities);
  put(o, "fatalities_high", fatalities_high);
  put(o, "fatalities_low", fatalities_low);
  put(o, "geo_precision", geo_precision);
  put(o, "injured", injured);
  put(o, "inter1", inter1);
  put(o, "inter2", inter2);
  put(o, "is_aggregate", is_aggregate);
  put(o, "iso3", iso3);
  put(o, "latitude", latitude);
  put(o, "location", location);
  put(o, "longitude", longitude);
  if (split_days) {
    put_key(o, "split");
    o += '{';
    if (split_day) o += "\"day\":", jt::append_integer(o, split_day), o += ',';
    o += "\"days\":";
    jt::append_integer(o, split_days);
    o += '}';
  }
  if (status) put(o, "status", status);
  put(o, "sub_event_type", sub_event_type);
  put(o, "targets", targets);
  put(o, "time_precision", time_precision);
  put_key(o, "victims");
  if (victims.empty()) {
    o += "null";
  } else {
    o += '{';
    for (size_t i = 0; i < victims.size(); ++i) {
      if (i) o += ',';
      jt::append_string_or_throw(o, victims[i].first);
      o += ':';
      jt::append_integer(o, victims[i].second);
    }
    o += '}';
  }
  put(o, "weapons", weapons);
  o += '}';
  if (identity) {
    identity->clear();
    identity->reserve(o.size());  // the record less a few members: one allocation, not one per piece
    size_t from = 0;
    for (int i = 0; i < cuts; ++i) {
      identity->append(o, from, cut[i][0] - from);
      from = cut[i][1];
    }
    identity->append(o, from, std::string::npos);
  }
  return o;
}

// ------------------------------------------------------------------ frames
struct Frame {
  std::vector<int> sents;     // sentence indices, ascending
  int para = 0;
  int date = -1, place = -1;  // own date/place (from its sentences)
  int date_src = 0, place_src = 0;  // 0 the frame's own sentences, 1 its paragraph, 2 the document
  bool place_of_document = false;     // its place is only the one the document is mostly about
  bool aggregate = false;
  bool alive = true;
  bool fallback = false;      // no trigger or casualty: a guess from the first sentence
  int lead = -1;              // the sentence that tells the event, when not the first (a headline went before)
  int day_of = -1, day_shift = 0;  // "a day earlier": dated from the date of the frame told before
  int reference_place = -1;   // "after the attack on X": X, only where nothing else places the frame
};

class Assembler {
 public:
  Assembler(const Parsed& p, std::string_view text) : P(p), text_(text), lower_(lower_ascii(text)) {
    background_.assign(P.dates.size(), 0);
    for (const Sentence& S : P.sents)
      for (int d : S.dates) background_[d] = is_background(S, d);
    // The country the document is about: the one its places most often lie in. Places elsewhere are
    // doubted (datelines like "LONDON:", words the gazetteer mistook for a foreign town). Countries
    // and states named outright weigh more than towns; an unlisted name's country is only a guess
    // and a demonym names an actor, so neither counts.
    std::map<std::string_view, std::pair<int, size_t>> n;  // country -> (weight, first place index)
    for (size_t i = 0; i < P.places.size(); ++i) {
      const PlaceM& pl = P.places[i];
      if (pl.country.empty()) continue;
      auto& c = n.try_emplace(pl.country, 0, i).first->second;
      // (A country weighs most where the text puts something in it; "Turkey agreed", "pressuring Turkey"
      // name a party, not where the report is.)
      // (nor does where the report was filed: "BEIRUT, March 9 (Wire) - ... jets bombed Saraqib")
      c.first += pl.dateline ? 0
                 : pl.rank == kCountry ? (pl.scene && !pl.about ? 3 : 0) : pl.rank == kAdmin1 ? 2 : (pl.rank == kUnlisted || pl.rank == kDemonym) ? 0 : 1;
    }
    int best = 0;
    size_t first = SIZE_MAX;
    for (const auto& [c, w] : n)  // ties go to the country named first; weightless names decide nothing
      if (w.first > 0 && (w.first > best || (w.first == best && w.second < first)))
        best = w.first, first = w.second, main_country_ = c;
    // "Reporting period: 10 February 2020, 06:00 - 11 February 2020, 06:00": a daily report's entries that
    // name no day happened in its period, which opens on its first day (not on the day it was issued)
    for (const Sentence& S : P.sents) {
      const std::string_view head = lower(S.start, std::min<uint64_t>(S.end - S.start, 20));
      if (S.dates.empty() || !(head.starts_with("reporting period") || head.starts_with("period covered")))
        continue;
      const auto a = day_number(P.dates[S.dates.front()].value), b = day_number(P.dates[S.dates.back()].value);
      if (a && b && exact_day(S.dates.front()) && *b - *a <= 1) reporting_day_ = S.dates.front();
      break;
    }
  }
  // "Briefing, 11 October 2013 ... In the early hours of 4 August 2013, armed groups overran the villages ...
  // / Balouta. ... 43 civilians were killed": a report published a week or more after the last day it told
  // before an undated incident is no news of that week; the incident carries that day, not the day of
  // publication. (-1: none, or the report is recent news.)
  int retrospective_day(const Frame& f) const {
    const auto pub = P.published.size() >= 10 ? day_number(std::string_view(P.published).substr(0, 10)) : std::nullopt;
    if (!pub || f.aggregate) return -1;
    for (int si = f.sents.front() - 1; si >= 0; --si) {
      if (period_sentence(P.sents[si])) continue;
      for (auto it = P.sents[si].dates.rbegin(); it != P.sents[si].dates.rend(); ++it) {
        if (background_[*it] || !exact_day(*it)) continue;
        const auto day = day_number(P.dates[*it].value);
        if (!day) continue;
        return *pub - *day >= 7 ? *it : -1;
      }
    }
    return -1;
  }
  // A date told to the day and not counted from another ("On 22 February 2017", not "the next day").
  bool exact_day(int d) const { return P.dates[d].precision == 1 && !P.dates[d].relative; }
  bool foreign(const PlaceM& p) const {
    return !main_country_.empty() && !p.country.empty() && !same_country(p.country, main_country_);
  }

  std::vector<Frame> frames() const {
    std::vector<Frame> F;
    int cur = -1;
    int last_joined = -1;  // the last sentence any frame took
    for (int si = 0; si < int(P.sents.size()); ++si) {
      const Sentence& S = P.sents[si];
      if (cur >= 0 && F[cur].para != S.para) cur = -1;
      if (prescriptive(S)) continue;
      const int d = first_date(S), p = best_place(S.places);
      const bool per = period_sentence(S);
      // "- 5 May - Al-Amal hospital, Hass": an item of a list that opens with its own date tells another event
      if (cur >= 0 && d >= 0 && dated_item(S)) cur = -1;
      // "the toll later rose to 43, after several of the injured died in hospitals in Idlib": a running
      // total of the event before, wherever the victims died
      const bool update = cur >= 0 && !per && !date_conflict(F[cur].date, d) && !F[cur].aggregate &&
                          std::any_of(S.cas.begin(), S.cas.end(), [&](int i) { return P.cas[i].toll; });
      if (S.anchor()) {
        if (update) {
          join(F[cur], si, d, -1, per, true);
        } else if (cur >= 0 && !conflict(F[cur], d, p, per, true)) {
          join(F[cur], si, d, p, per, true);
        } else {
          Frame f;
          f.para = S.para;
          join(f, si, d, p, per, true);
          lead_in(f, si, last_joined);
          F.push_back(f);
          cur = int(F.size()) - 1;
        }
        last_joined = si;
      } else if (cur >= 0 && interesting(S) && !conflict(F[cur], d, p, per, false)) {
        // (a date in a sentence that tells no event does not date the frame: "The centre reopened on 27/01";
        // a record's labelled date field does: "Title: Air strikes on the hospital / Date: 27 April 2016")
        join(F[cur], si, date_field(S) ? d : -1, p, per, false);
        last_joined = si;
      } else if (cur >= 0 && F[cur].aggregate && !per && d >= 0 && exact_day(d)) {
        // "In the winter of 2017 the bombing was often. On the twenty-second of February, at two, I was at
        // my house. I heard a helicopter ...": a day told after a total opens what follows to a new event
        cur = -1;
      }
    }
    merge_same_events(F);
    for (auto& f : F)
      if (f.alive) fill_from_context(f);
    merge_placed_by_section(F);
    join_later_toll(F);
    date_from_previous(F);
    merge_town_day(F);
    drop_weak(F);
    if (std::none_of(F.begin(), F.end(), [](const Frame& f) { return f.alive; })) {
      // No trigger and no casualty: a note still describes one event ("workers went on strike in
      // X"); its first sentence naming a place or date stands for it, with little confidence.
      for (int si = 0; si < int(P.sents.size()); ++si) {
        const Sentence& S = P.sents[si];
        if (S.places.empty() && S.dates.empty()) continue;
        Frame f;
        f.para = S.para;
        join(f, si, first_date(S), best_place(S.places), period_sentence(S), true);
        f.fallback = true;
        fill_from_context(f);
        F.push_back(f);
        break;
      }
    }
    return F;
  }

  // "A day earlier, shelling on Idlib killed three": an undated frame that dates itself from the
  // event told before it. A frame that opens so ("About an hour later, warplanes bombed the hospital in
  // Hass. It had been evacuated two days earlier.") is dated so even when a later sentence names a date.
  static constexpr std::string_view kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
                                                   "saturday"};
  void date_from_previous(std::vector<Frame>& F) const {
    static const std::pair<const char*, int> kShifts[] = {
        {"a day earlier", -1}, {"the day before", -1}, {"the previous day", -1}, {"one day earlier", -1},
        {"two days earlier", -2}, {"a day later", 1}, {"the next day", 1}, {"the following day", 1},
        {"one day later", 1}, {"two days later", 2}};
    // Said only at the start of the sentence: the same day as the event before.
    static const std::string_view kSameDay[] = {"an hour later", "hours later", "minutes later", "moments later",
                                                "shortly afterwards", "shortly after that", "later that day",
                                                "later the same day", "that afternoon", "that evening"};
    // The event before: its date mention and the days counted on from it ("two days later" after it)
    int prev = -1, prev_shift = 0;
    for (size_t i = 0; i < F.size(); ++i) {
      Frame& f = F[i];
      if (!f.alive) continue;
      if (prev >= 0) {
        const Sentence& S = P.sents[f.lead >= 0 ? f.lead : f.sents.front()];
        const std::string_view s = lower(S.start, S.end - S.start);
        const std::string_view head = s.substr(0, 32);
        int shift = INT_MIN;
        bool opening = false;
        // ("Ramadan, which had begun a week earlier": a clause about something else counts no day)
        for (const auto& [phrase, k] : kShifts)
          if (const size_t at = s.find(phrase);
              at != std::string::npos && !in_pluperfect_clause(s.substr(at > 30 ? at - 30 : 0, at > 30 ? 30 : at))) {
            shift = k, opening = at < 12;
            break;
          }
        if (shift == INT_MIN)
          for (std::string_view phrase : kSameDay)
            if (head.find(phrase) != std::string_view::npos) {
              shift = 0, opening = true;
              break;
            }
        // "On the following Friday", "the next Monday", "on the Saturday": that weekday after the event before
        if (shift == INT_MIN)
          if (const auto from = day_number(P.dates[prev].value))
            for (int wd = 0; wd < 7 && shift == INT_MIN; ++wd)
              for (std::string_view lead : {"the following "sv, "the next "sv, "on the "sv}) {
                const size_t at = head.find(lead);
                if (at == std::string_view::npos || s.substr(at + lead.size(), kWeekdays[wd].size()) != kWeekdays[wd])
                  continue;
                const int from_wd = ik::calendar::weekday(*from + prev_shift);  // 0 = Sunday
                shift = (wd - from_wd + 7) % 7;
                if (shift == 0) shift = 7;
                opening = true;
                break;
              }
        const bool own_date = f.date >= 0 && P.dates[f.date].start >= S.start && P.dates[f.date].start < S.end;
        // (a weekday or "yesterday" counted from the publication gives way: "Two days later, on the Saturday")
        const bool own_absolute = own_date && (!P.dates[f.date].relative || P.dates[f.date].story);
        if (shift != INT_MIN && (f.date < 0 || f.date_src > 0 || (opening && !own_absolute))) {
          f.date = -1;
          f.day_of = prev, f.day_shift = prev_shift + shift;
          prev_shift = f.day_shift;
          continue;
        }
      }
      // (from a day: "the next day" does not follow "they had moved there in May")
      if (f.date >= 0 && !f.aggregate && P.dates[f.date].precision == 1 && P.dates[f.date].value.size() == 10)
        prev = f.date, prev_shift = 0;
    }
  }

  // The record of one frame: contract fields (minus id/doc_id/published) + evidence; confidence out.
  Record record(const Frame& f) const;

  // A short note tells one event. When its best-ranked incident states no toll and another of the same
  // paragraph does, that frame was split off by a second place named in passing ("the victims were
  // travelling to Y", "taken to hospital in Y") or by a hedge that lowered its rank: the toll joins the
  // best-ranked one, which keeps its place and date. A toll told as another, earlier event ("last
  // week", "a day after clashes in X left six dead") or on another date stays apart.
  // `R` (one slot per frame) keeps the records built to rank them, for the caller to reuse.
  void lend_toll(std::vector<Frame>& F, std::vector<std::optional<Record>>& R) const {
    if (P.sents.size() > 8) return;  // longer reports tell several events
    if (std::count_if(F.begin(), F.end(), [](const Frame& f) { return f.alive && !f.aggregate; }) < 2) return;
    int top = -1;
    for (size_t i = 0; i < F.size(); ++i) {
      if (!F[i].alive || F[i].aggregate) continue;
      R[i] = record(F[i]);
      if (top < 0 || R[i]->rank_confidence > R[top]->rank_confidence) top = int(i);
    }
    if (top < 0 || R[top]->fatalities) return;
    int lender = -1;
    for (size_t j = 0; j < F.size(); ++j) {
      if (!R[j] || int(j) == top || F[j].para != F[top].para || !R[j]->fatalities || *R[j]->fatalities <= 0) continue;
      if (date_conflict(F[top].date, F[j].date) || earlier_event(F[j])) continue;
      if (lender < 0 || R[j]->rank_confidence > R[lender]->rank_confidence) lender = int(j);
    }
    if (lender < 0) return;
    Frame &a = F[top], &b = F[lender];
    a.sents.insert(a.sents.end(), b.sents.begin(), b.sents.end());
    std::sort(a.sents.begin(), a.sents.end());
    if (a.date < 0 || a.date_src > b.date_src) a.date = b.date, a.date_src = b.date_src;
    if (a.place < 0 || a.place_src > b.place_src) a.place = b.place, a.place_src = b.place_src;
    b.alive = false;
    R[top].reset();  // its frame has changed
  }
  // Is a frame's death toll told as another, earlier event? Its first figure, with the words before it
  // in its sentence ("last week", "a day after clashes in X left eight dead") or just after it ("three
  // were killed two days ago"); "killed a day after the raid" is the frame's own event.
  bool earlier_event(const Frame& f) const {
    for (int si : f.sents)
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind != "killed"sv || c.negated || c.unknown) continue;
        const uint64_t s = P.sents[si].start, e = std::min<uint64_t>(P.sents[si].end, c.end + 45);
        const std::string_view before = lower(s, c.start > s ? c.start - s : 0);
        const std::string_view after = lower(c.end, e > c.end ? e - c.end : 0);
        for (const char* cue : {"last week", "last month", "last year", "earlier", "previous"})
          if (before.find(cue) != std::string::npos || after.find(cue) != std::string::npos) return true;
        for (const char* cue : {"day after", "days after", "week after", "weeks after", "came after", "comes after", "just after"})
          if (before.find(cue) != std::string::npos) return true;
        for (const char* cue : {" ago", "day before", "days before", "week before"})
          if (after.find(cue) != std::string::npos) return true;
        return false;
      }
    return false;
  }

  // ACLED notes state the coded figure outright: "3 fatalities recorded", "(coded as 10)". The first such
  // figure replaces the narrative's; "2 fatalities recorded in other events" is taken off it; "divided
  // between three events" splits it.
  template <class Toll, class Ev>
  void coded_figure(const Frame& f, Toll& t, Ev& ev, const char* field) const {
    const CasM* coded = nullptr;
    double elsewhere = 0;
    for (int si : f.sents)
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind != "killed"sv || !c.summary || c.negated || std::isnan(c.number)) continue;
        const uint64_t e = std::min<uint64_t>(P.sents[si].end, c.end + 45);
        const std::string_view after = lower(c.end, e > c.end ? e - c.end : 0);
        if (after.find("other event") != std::string::npos || after.find("previous event") != std::string::npos ||
            after.find("another event") != std::string::npos || after.find("separate event") != std::string::npos ||
            after.find("elsewhere") != std::string::npos)
          elsewhere += c.number;
        else if (!coded)
          coded = &c;
      }
    if (coded) {
      t.best = t.low = t.high = coded->number;
      t.open_high = false;
      t.coded = true;
      ev.add(*coded, field);
    } else if (elsewhere > 0 && !std::isnan(t.best) && t.best > elsewhere) {
      t.best -= elsewhere;
      t.low = t.high = t.best;
      t.coded = true;
    }
    if (std::isnan(t.best)) return;
    static const char* const words[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    for (int si = 0; si < int(P.sents.size()); ++si) {  // the remark may stand alone in the paragraph
      if (P.sents[si].para != f.para) continue;
      const std::string_view raw = text_.substr(P.sents[si].start, P.sents[si].end - P.sents[si].start);
      if (raw.find("events") == std::string_view::npos) continue;
      const std::string s = lower_ascii(raw);
      for (const char* prep : {"between ", "over ", "across ", "among "}) {
        for (size_t p = 0; (p = s.find(prep, p)) != std::string::npos; ++p) {
          size_t q = p + std::string_view(prep).size();
          int n = 0;
          if (q < s.size() && std::isdigit((unsigned char)s[q])) n = std::atoi(s.c_str() + q);
          else
            for (int w = 0; w < 9 && !n; ++w)
              if (s.compare(q, std::strlen(words[w]), words[w]) == 0) n = w + 2;
          if (n < 2 || n > 10) continue;
          while (q < s.size() && s[q] != ' ') ++q;
          if (s.compare(q, 7, " events") == 0) {
            t.best = t.low = t.high = std::round(t.best / n);
            t.coded = true;
            return;
          }
        }
      }
    }
  }

 private:
  const Parsed& P;
  std::string_view text_;
  // The text lower-cased once (as lower_ascii does): the phrase tests below read parts of it instead of
  // lower-casing a copy of each sentence or span, often the same one again and again.
  std::string lower_;
  std::string_view lower(uint64_t from, uint64_t n) const { return std::string_view(lower_).substr(from, n); }
  std::string main_country_;

  // "a greengrocer who had kept his shop open throughout the previous offensive in 2018, was loading crates
  // when the missile hit": a month or a year in a clause about an earlier time is background. Read once
  // per date (in the constructor) into background_.
  std::vector<char> background_;  // by date index
  int reporting_day_ = -1;        // the first day of a daily report's period, when it states one
  // "by the evening of the following day it stood at 110", "By Monday, 30 had died": the day a count was
  // reached, not the day of the event it counts ("killed by Monday's strike" is the event's).
  bool as_of_count(const Sentence& S, const DateM& x) const {
    const uint64_t from = std::max<uint64_t>(S.start, x.start > 40 ? x.start - 40 : 0);
    std::string_view before = lower(from, x.start - from);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view part : {"the evening of"sv, "the morning of"sv, "the afternoon of"sv, "the night of"sv,
                                  "the end of"sv, "the close of"sv})
      if (before.ends_with(part)) {
        before.remove_suffix(part.size());
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        break;
      }
    // ("The next day, the toll stood at 11": a day opening a sentence that only updates a toll, no event)
    const bool toll_only = !S.cas.empty() && S.events.empty() && S.weapons.empty() &&
                           std::all_of(S.cas.begin(), S.cas.end(), [&](int i) {
                             return P.cas[i].toll || P.cas[i].part || P.cas[i].kind != "killed"sv;
                           }) &&
                           std::any_of(S.cas.begin(), S.cas.end(), [&](int i) { return P.cas[i].toll && P.cas[i].start > x.end; });
    if (toll_only && x.relative) return true;
    // ("The number of people killed when warplanes bombed the market rose to 111 on Monday": the day right
    // after a running total is the day it stood there)
    if (std::any_of(S.cas.begin(), S.cas.end(), [&](int i) {
          const CasM& c = P.cas[i];
          if (!c.toll || c.kind != "killed"sv || c.end > x.start || x.start - c.end > 8) return false;
          const std::string_view gap = lower(c.end, x.start - c.end);
          return gap == " on " || gap == " by " || gap == " " || gap == ", ";
        }))
      return true;
    // ("Update on 28 April: 27 killed", "Final (list of names, 3 May): 55 killed": the day a sheet's count
    // was updated, told before the count, in a sentence naming no weapon)
    if (x.end < S.end && update_told(lower(S.start, S.end - S.start)) &&
        std::none_of(S.weapons.begin(), S.weapons.end(), [&](int i) { return !P.weapons[i].implied; }) &&
        std::any_of(S.cas.begin(), S.cas.end(), [&](int i) {
          return P.cas[i].start >= x.end && P.cas[i].kind == "killed"sv && !P.cas[i].negated;
        }) &&
        (before.ends_with(" on") || before.ends_with(" of") || before.ends_with(",") || before.ends_with(" as at") ||
         before == "update" || before == "updated" || before.find('(') != std::string_view::npos))
      return true;
    // ("As of this morning, 25 people are confirmed dead": so is the day a count stood at)
    if (!(before.ends_with(" by") || before == "by" || before.ends_with("as of") || before.ends_with("as at"))) return false;
    if (x.end + 1 < S.end && (lower(x.end, 2) == "'s" || lower(x.end, 3) == "\xE2\x80\x99"))  // Monday's strike
      return false;
    // ("By the following night they had counted more than 30": a count with no casualty word of its own)
    const std::string_view after = lower(x.end, std::min<uint64_t>(S.end - x.end, 60));
    if (S.events.empty() && (after.find(" counted ") != std::string_view::npos ||
                             after.find(" recorded ") != std::string_view::npos))
      return true;
    return std::any_of(S.cas.begin(), S.cas.end(), [&](int i) {
      return P.cas[i].start >= x.end && (P.cas[i].kind == "killed"sv || P.cas[i].kind == "injured"sv) &&
             !P.cas[i].negated;
    });
  }

  bool is_background(const Sentence& S, int d) const {
    const DateM& x = P.dates[d];
    if (as_of_count(S, x)) return true;
    if (x.start > S.start) {
      // the clause before the date, back to its comma
      const uint64_t from = std::max<uint64_t>(S.start, x.start > 50 ? x.start - 50 : 0);
      std::string_view clause = lower(from, x.start - from);
      if (const size_t comma = clause.find_last_of(",;"); comma != std::string_view::npos) clause.remove_prefix(comma + 1);
      // ("Video posted by supporters of the group the next day showed ...": when the footage came out)
      static const Phrase kPublished[] = {Phrase("posted"), Phrase("uploaded"), Phrase("published"),
                                          Phrase("broadcast"), Phrase("shared online"), Phrase("circulated")};
      if (std::any_of(std::begin(kPublished), std::end(kPublished), [&](const Phrase& w) { return w.whole_word_in(clause); }))
        return true;
      // ("... late on Wednesday night. Twelve people were killed, the official said by telephone early on
      // Thursday": an attribution after the toll, dated, gives the day of the statement, when the sentence
      // before has told a day)
      const size_t si = size_t(&S - P.sents.data());
      if (si > 0 && P.sents[si - 1].para == S.para && !P.sents[si - 1].dates.empty()) {
        static const Phrase kSpeech[] = {Phrase("said"), Phrase("told"), Phrase("reported"), Phrase("announced"),
                                         Phrase("stated")};
        for (const Phrase& w : kSpeech)
          for (size_t at = w.find(clause); at != std::string_view::npos; at = w.find(clause, at + 1)) {
            const uint64_t verb = x.start - (clause.size() - at);
            if (w.whole_word_at(clause, at) &&
                std::any_of(S.cas.begin(), S.cas.end(), [&](int i) { return P.cas[i].end <= verb; }))
              return true;
          }
      }
    }
    // ("The next day the ministry said 40 people had died": the day of a statement about deaths before it)
    if (x.relative && x.end < S.end) {
      const std::string_view after = lower(x.end, std::min<uint64_t>(S.end - x.end, 160));
      static const Phrase kSaid[] = {Phrase("said"), Phrase("announced"), Phrase("reported"), Phrase("stated")};
      for (const Phrase& w : kSaid)
        if (const size_t at = w.find(after); at != std::string_view::npos && at < 60) {
          const std::string_view told = after.substr(at);
          if (told.find(" had died") != std::string_view::npos || told.find(" had been killed") != std::string_view::npos)
            return true;
        }
      // ("some reports the following day put the figure at over 100", "the next day SANA raised the toll
      // to 16": the day a count was given)
      static const Phrase kCounted[] = {Phrase("put the figure"), Phrase("put the toll"), Phrase("put the death toll"),
                                        Phrase("put the number"), Phrase("raised the toll"), Phrase("raised the figure"),
                                        Phrase("raised the death toll"), Phrase("revised the toll"), Phrase("revised the figure")};
      for (const Phrase& w : kCounted)
        if (const size_t at = w.find(after); at != std::string_view::npos && at < 60) return true;
    }
    // ("By the time the council finished matching remains in mid-May, the list had grown to 46", "By 3 May the
    // toll had risen to 12": the day a count was updated, not of the attack)
    if (x.start > S.start) {
      const uint64_t from = std::max<uint64_t>(S.start, x.start > 120 ? x.start - 120 : 0);
      const std::string_view before = lower(from, x.start - from);
      const bool by_then = (before.find("by the time ") != std::string_view::npos &&
                            before.find_first_of(",;", before.find("by the time ")) == std::string_view::npos) ||
                           before.ends_with("by ") || before.ends_with("by mid-") || before.ends_with("by late ") ||
                           before.ends_with("by early ");
      if (by_then) {
        const std::string_view s = lower(S.start, S.end - S.start);
        static const Phrase kGrown[] = {Phrase("grown to"), Phrase("grew to"), Phrase("risen to"), Phrase("rose to"),
                                        Phrase("reached"),  Phrase("climbed to")};
        if (std::any_of(std::begin(kGrown), std::end(kGrown), [&](const Phrase& w) { return w.whole_word_in(s); }))
          return true;
      }
    }
    // ("In Ramadan, which had begun a week earlier, ...": a day counted back in a clause about something else)
    if (x.relative && x.start > S.start) {
      const uint64_t from = std::max<uint64_t>(S.start, x.start > 30 ? x.start - 30 : 0);
      if (in_pluperfect_clause(lower(from, x.start - from))) return true;
    }
    if (x.precision == 1 || x.start <= S.start) return false;
    const uint64_t from = std::max<uint64_t>(S.start, x.start > 80 ? x.start - 80 : 0);
    const std::string_view before = lower(from, x.start - from);
    // ("the hospital had been rendered inoperable by an attack in May": an older event the sentence recalls)
    for (std::string_view cue : {"who had "sv, "which had "sv, "that had "sv, "previous "sv, " had been "sv, " had already "sv})
      if (before.find(cue) != std::string_view::npos) return true;
    return false;
  }

  // The sentence's last date that is not background ("which had begun a week earlier"), or -1.
  int last_told_date(const Sentence& S) const {
    for (auto it = S.dates.rbegin(); it != S.dates.rend(); ++it)
      if (!background_[*it]) return *it;
    return -1;
  }

  // The sentence's date; with several, the last one before its death toll: "the offensive, launched in
  // April 2019, came to a head in February when regime forces killed 34 soldiers" is February's.
  int first_date(const Sentence& S) const {
    if (std::any_of(S.dates.begin(), S.dates.end(), [&](int d) { return background_[d] != 0; })) {
      std::vector<int> keep;
      for (int d : S.dates)
        if (!background_[d]) keep.push_back(d);
      Sentence told = S;
      told.dates = keep;
      return first_date(told);
    }
    if (S.dates.size() < 2) return S.dates.empty() ? -1 : S.dates.front();
    // "Monday's strike was the deadliest since Feb. 27, when an air strike killed 33 soldiers": a date the
    // sentence then tells with a when-clause holding the toll is the toll's
    for (int d : S.dates) {
      const uint64_t e = P.dates[d].end;
      if (e >= S.end || !ik::text::when_clause_after(lower(e, S.end - e), 0)) continue;
      for (int i : S.cas)
        if (P.cas[i].kind == "killed"sv && !P.cas[i].negated && !std::isnan(P.cas[i].number) && P.cas[i].start > e)
          return d;
    }
    // A date that opens the sentence ("On 1 December 2023, ...", "Around 30 November, (from 26 to 29
    // November)") is the one the writer gives the event.
    // (a week it opens with gives way to the day in it the sentence then names: "the following week, on the
    // Wednesday of that week")
    if (P.dates[S.dates.front()].start <= S.start + 10) {
      const DateM& open = P.dates[S.dates.front()];
      if (open.precision == 2 && open.story)
        if (const auto at = day_number(open.value)) {
          const int64_t monday = *at - (ik::calendar::weekday(*at) + 6) % 7;
          for (int d : S.dates)
            if (const auto day = day_number(P.dates[d].value);
                P.dates[d].precision == 1 && day && *day >= monday && *day < monday + 7)
              return d;
        }
      return S.dates.front();
    }
    for (int i : S.cas) {
      const CasM& c = P.cas[i];
      if (c.kind != "killed"sv || c.negated || std::isnan(c.number)) continue;
      int pick = -1;
      for (int d : S.dates)
        if (P.dates[d].end <= c.start) pick = d;
      return pick >= 0 ? pick : S.dates.front();
    }
    return S.dates.front();
  }

  // The most specific place; a marked one ("X (A2, A1)", "coded to X") first; then the earliest.
  int best_place(std::span<const int> idx) const {
    int best = -1;
    for (int i : idx) {
      if (best < 0) { best = i; continue; }
      const PlaceM &a = P.places[i], &b = P.places[best];
      // between two named places, the scene ("in X") beats a reference point ("near Y", "5 km west of Y")
      const bool both_specific = a.rank <= kUnlisted && b.rank <= kUnlisted;
      // (and a town at a road's end is a reference for the road, not for a place named near it)
      bool ra = both_specific && (((a.relative || a.origin) && b.scene) || (a.road_end && !b.road_end && b.relative)),
           rb = both_specific && (((b.relative || b.origin) && a.scene) || (b.road_end && !a.road_end && a.relative));
      // between two names the gazetteer lacks, the reference point ("Katerom east of Nertiti") is the one
      // readers are expected to know: ACLED codes an unknown village to the town it is placed by
      const bool both_unlisted = a.rank == kUnlisted && b.rank == kUnlisted && !a.contained && !b.contained;
      ra = ra || (both_unlisted && b.relative && !a.relative && !a.scene);
      rb = rb || (both_unlisted && a.relative && !b.relative && !b.scene);
      // an entry's label gives way to a place of its province the entry names ("• Daraa: gunmen shot dead a
      // former commander in Tafas", "• Homs desert: ISIS attacked positions near al-Sukhnah")
      const auto yields_to = [&](const PlaceM& label, const PlaceM& other) {
        return label.label && !other.label && other.rank <= kUnlisted && !other.origin && !other.taken_to &&
               !other.launch_site && !other.about && !label.admin1.empty() && other.admin1 == label.admin1;
      };
      const bool la = yields_to(a, b), lb = yields_to(b, a);
      // (an unlisted place inside the known one named after it is as specific as a known place)
      const int rank_a = a.contained ? int(kPlace) : a.rank, rank_b = b.contained ? int(kPlace) : b.rank;
      // (where the victims came from, "traders from Daraa", only when nothing else is named)
      // (a demonym names people, not where: "a Turkish soldier was killed in Idlib" is Idlib, whatever the
      // document's main country)
      const bool people_a = a.rank == kDemonym && b.rank <= kUnlisted, people_b = b.rank == kDemonym && a.rank <= kUnlisted;
      if (std::make_tuple(!a.marked, people_a, foreign(a), a.context, a.dateline, a.reference, a.origin && !b.origin && a.rank <= kUnlisted, ra, la, rank_a, a.about, a.start) <
          std::make_tuple(!b.marked, people_b, foreign(b), b.context, b.dateline, b.reference, b.origin && !a.origin && b.rank <= kUnlisted, rb, lb, rank_b, b.about, b.start))
        best = i;
    }
    return best;
  }

  bool period_sentence(const Sentence& S) const {
    // (not a period in a clause about something else: "a cleaner who had worked at the hospital since 2014")
    // (nor the span a superlative is measured over: "the deadliest attack anywhere in the region since the
    // war began", "the worst since 2013")
    const auto measured = [&](uint64_t at) {
      const uint64_t from = std::max<uint64_t>(S.start, at > 120 ? at - 120 : 0);
      const std::string_view before = lower(from, at - from);
      static const Phrase kMost[] = {Phrase("deadliest"), Phrase("worst"), Phrase("bloodiest"), Phrase("largest"),
                                     Phrase("biggest"), Phrase("highest"), Phrase("heaviest"), Phrase("most lethal")};
      return std::any_of(std::begin(kMost), std::end(kMost), [&](const Phrase& w) { return w.whole_word_in(before); });
    };
    for (int i : S.periods)
      if (std::none_of(S.dates.begin(), S.dates.end(),
                       [&](int d) { return background_[d] && P.dates[d].start == P.periods[i].start; }) &&
          !measured(P.periods[i].start))
        return true;
    // a campaign told with its length ("the almost year-long bombing campaign, which killed hundreds",
    // "over the nine-year-long war", "the months-long siege")
    {
      const std::string_view s = lower(S.start, S.end - S.start);
      // (of a campaign, not of a lull: "deliveries had resumed after a week-long interruption")
      static const Phrase kCampaigns[] = {Phrase("campaign"), Phrase("siege"), Phrase("offensive"), Phrase("bombing"),
                                          Phrase("bombardment"), Phrase("war"), Phrase("conflict"), Phrase("battle"),
                                          Phrase("fighting"), Phrase("assault"), Phrase("blockade"), Phrase("operation"),
                                          Phrase("crackdown"), Phrase("violence"), Phrase("shelling"), Phrase("strikes"),
                                          Phrase("attacks"), Phrase("air"), Phrase("military"), Phrase("aerial")};
      // (each phrase holds "-long" or "period": most sentences hold neither, one scan instead of seven or four)
      if (s.find("-long"sv) != std::string_view::npos)
        for (std::string_view len : {"week-long"sv, "weeks-long"sv, "month-long"sv, "months-long"sv, "year-long"sv,
                                     "years-long"sv, "decade-long"sv})
          for (size_t at = s.find(len); at != std::string_view::npos; at = s.find(len, at + 1)) {
            const std::string_view next = s.substr(at + len.size(), 28);
            if (std::any_of(std::begin(kCampaigns), std::end(kCampaigns),
                            [&](const Phrase& w) { return w.whole_word_in(next); }))
              return true;
          }
      // a period named before, referred back to: "1,089 civilians killed in the same period"
      if (s.find("period"sv) != std::string_view::npos)
        for (std::string_view back : {"the same period"sv, "that period"sv, "this period"sv, "the period covered"sv})
          if (s.find(back) != std::string_view::npos) return true;
    }
    // a campaign told as a habit ("forces repeatedly struck markets and hospitals"), not one dated day
    {
      const std::string_view s = lower(S.start, S.end - S.start);
      static const Phrase repeatedly("repeatedly"), systematically("systematically"), time_and_again("time and again");
      if (repeatedly.whole_word_in(s) || systematically.whole_word_in(s) ||
          time_and_again.find(s) != std::string_view::npos) {
        bool day = false;
        for (int i : S.dates) day = day || (P.dates[i].precision == 1 && P.dates[i].end_value.empty());
        // (nor hours of one attack: "over several hours, the site was struck repeatedly")
        static const Phrase kWithinDay[] = {Phrase("hours"), Phrase("hour"), Phrase("minutes"), Phrase("p.m."),
                                            Phrase("a.m."), Phrase("overnight"), Phrase("that night"),
                                            Phrase("that day"), Phrase("same day")};
        for (const Phrase& w : kWithinDay) day = day || w.whole_word_in(s);
        if (!day) return true;
      }
    }
    for (int i : S.dates) {
      const DateM& d = P.dates[i];
      if (background_[i]) continue;
      if (d.kind == "since"sv && !measured(d.start)) return true;
      // "Since the end of April": the date reader took the month, the period is the sentence's
      {
        const uint64_t a = d.start > 24 ? d.start - 24 : 0;
        const std::string_view before = lower(a, d.start - a);
        if (before.find("since the ") != std::string::npos || before.find("since early") != std::string::npos ||
            before.find("since late") != std::string::npos || before.find("since mid") != std::string::npos)
          return true;
      }
      if (!d.end_value.empty()) {  // a range or a whole year: more than a month is a period
        auto a = day_number(d.value), b = day_number(d.end_value);
        if (a && b && *b - *a > 31) return true;
      }
    }
    // A monitor's tally over a month or a year: "the network documented 112 civilian deaths in Idlib
    // in October", "... recorded during that month"
    if (!S.cas.empty()) {
      const std::string_view s = lower(S.start, S.end - S.start);
      static const Phrase kTallied[] = {Phrase("documented"), Phrase("recorded"), Phrase("registered"),
                                        Phrase("verified")};
      static const Phrase kSpans[] = {Phrase("that month"), Phrase("this month"), Phrase("the month"),
                                      Phrase("that year"), Phrase("this year")};
      const auto any_in = [&](const auto& phrases) {
        return std::any_of(std::begin(phrases), std::end(phrases), [&](const Phrase& p) { return p.whole_word_in(s); });
      };
      if (any_in(kTallied)) {
        bool day = false, longer = false;
        for (int i : S.dates) (P.dates[i].precision >= 3 ? longer : day) = true;
        if ((longer || any_in(kSpans)) && !day) return true;
      }
    }
    return false;
  }

  bool interesting(const Sentence& S) const {
    return !S.cas.empty() || !S.weapons.empty() || !S.targets.empty() || !S.places.empty() ||
           !S.actors.empty() || !S.modals.empty() || !S.dates.empty();
  }

  bool date_conflict(int a, int b) const {
    if (a < 0 || b < 0) return false;
    const DateM &A = P.dates[a], &B = P.dates[b];
    if (A.value == B.value) return false;
    if (A.precision >= 3 || B.precision >= 3)  // a month contains its days
      if (A.value.compare(0, 7, B.value, 0, 7) == 0) return false;
    if (!A.relative && B.relative) {  // "on Monday" after a stated date: usually when it was reported
      auto x = day_number(A.value), y = day_number(B.value);
      if (x && y && *y >= *x) return false;
    }
    return true;
  }

  // Does `coarse` (an admin unit or country) contain `fine`?
  bool contains(const PlaceM& coarse, const PlaceM& fine) const {
    if (coarse.feature == "country"sv) return same_country(coarse.country.empty() ? coarse.value : coarse.country, fine.country);
    if (coarse.feature == "admin1"sv) return key(fine.admin1) == key(coarse.admin1.empty() ? coarse.value : coarse.admin1) || fine.admin1.empty();
    if (coarse.feature == "admin2"sv)
      return key(fine.admin2) == key(coarse.admin2.empty() ? coarse.value : coarse.admin2) || fine.admin2.empty();
    return true;  // regions: no evidence either way
  }

  // One scene under two names: the same name, or a quarter and its town ("Raqqa - Badu", which places.v1
  // placed in Raqqa and gave its coordinates, and "Ar Raqqah"). Two quarters of a town stay two scenes.
  bool same_place(int a, int b) const {
    const PlaceM &A = P.places[a], &B = P.places[b];
    if (key(A.value) == key(B.value)) return true;
    auto quarter_of = [](const PlaceM& part, const PlaceM& town) {
      return part.rank == kUnlisted && town.rank == kPlace && part.value.find(" - ") != std::string_view::npos &&
             !std::isnan(part.lat) && !std::isnan(town.lat) && std::abs(part.lat - town.lat) < 0.01 &&
             std::abs(part.lon - town.lon) < 0.01;
    };
    return quarter_of(A, B) || quarter_of(B, A);
  }

  bool place_conflict(int a, int b) const {
    if (a < 0 || b < 0) return false;
    const PlaceM &A = P.places[a], &B = P.places[b];
    if (same_place(a, b)) return false;
    if (foreign(A) || foreign(B)) return false;  // a doubtful place does not split an event
    if (A.dateline || B.dateline) return false;  // nor where the report was filed
    if (A.rank == kDemonym || B.rank == kDemonym) return false;
    if (is_specific(A.rank) && is_specific(B.rank)) return true;  // two different named places
    const PlaceM& coarse = A.rank >= B.rank ? A : B;
    const PlaceM& fine = A.rank >= B.rank ? B : A;
    return !contains(coarse, fine);
  }

  bool conflict(const Frame& f, int d, int p, bool per, bool anchor) const {
    if (date_conflict(f.date, d) || place_conflict(f.place, p)) return true;
    if (per && !f.aggregate) return true;           // a period total is not the attack before it
    if (!per && f.aggregate && anchor && d >= 0) return true;  // a dated attack after a total
    return false;
  }

  // A line opening with a list mark ("-", "*", a bullet, "3.", "2-") and a date: an item of a list of
  // events ("- 10 May - Primary health care centre, Kafr Nabl.", "1- Jisr al-Shughur city - Sunday
  // 11/03/2018:"). The date opens the item, or anywhere on a short line.
  bool dated_item(const Sentence& S) const {
    if (S.start > 0 && text_[S.start - 1] != '\n') return false;
    std::string_view s = text_.substr(S.start, std::min<uint64_t>(S.end - S.start, 24));
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    size_t digits = 0;
    while (digits < s.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
    if (s.starts_with("\xE2\x80\xA2")) s.remove_prefix(3);
    else if (!s.empty() && (s.front() == '-' || s.front() == '*')) s.remove_prefix(1);
    else if (digits > 0 && digits < s.size() && (s[digits] == '-' || s[digits] == '.' || s[digits] == ')') &&
             digits + 1 < s.size() && s[digits + 1] == ' ')
      s.remove_prefix(digits + 1);
    else return false;
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    const uint64_t at = uint64_t(s.data() - text_.data());
    const bool short_line = S.end - S.start <= 100;
    return std::any_of(S.dates.begin(), S.dates.end(), [&](int d) { return short_line || P.dates[d].start <= at + 12; });
  }

  // A report's recommendations tell what should be done, not what happened: "(a) Cease attacks on
  // medical facilities;", "The Commission recommends that ...", "Investigate all strikes on schools".
  bool prescriptive(const Sentence& S) const {
    if (S.events.empty()) return false;
    std::string_view s = lower(S.start, S.end - S.start);
    // (a list marker first: "(a)", "1.", "-", "•")
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == '*' || s[i] == '\n')) ++i;
    if (i + 2 < s.size() && s[i] == '(' && s.find(')', i) != std::string_view::npos && s.find(')', i) - i <= 4) i = s.find(')', i) + 1;
    while (i < s.size() && (std::isdigit((unsigned char)s[i]) || s[i] == '.' || s[i] == ' ')) ++i;
    if (i + 2 < s.size() && s.substr(i, 3) == "\xE2\x80\xA2") i += 3;
    while (i < s.size() && s[i] == ' ') ++i;
    s.remove_prefix(i);
    static constexpr std::string_view kImperatives[] = {
        "cease ", "refrain ", "ensure ", "end ", "stop ", "halt ", "allow ", "facilitate ", "investigate ",
        "respect ", "comply ", "protect ", "take all ", "immediately ", "put an end "};
    for (std::string_view v : kImperatives)
      if (s.substr(0, v.size()) == v) return true;
    static const Phrase kCalls[] = {Phrase("recommends that"), Phrase("recommend that"), Phrase("urges all"),
                                    Phrase("calls on all parties"), Phrase("call on all parties")};
    // (as what the sentence does, near its start: not "condemns the strikes that hit ... and calls on all
    // parties to stop", which tells the event first)
    const std::string_view head = s.substr(0, 40);
    return std::any_of(std::begin(kCalls), std::end(kCalls), [&](const Phrase& p) { return p.find(head) != std::string_view::npos; });
  }

  // "On 7 April, a gas cylinder struck a residential building in Douma. At least 49 people were
  // killed.": the sentence before a new frame's first, in its paragraph and in no frame, that tells
  // what was hit or with what (and counts no victims of its own) leads into the event.
  void lead_in(Frame& f, int si, int last_joined) const {
    // (the sentence before, or the one before that across a sentence of colour: "they hit the vegetable
    // market. I was two streets away ... Half a dozen dead.")
    int pi = si - 1;
    if (pi < 0 || pi <= last_joined || P.sents[pi].para != f.para) return;
    if (P.sents[pi].weapons.empty() && P.sents[pi].targets.empty() && P.sents[pi].places.empty() &&
        P.sents[pi].dates.empty() && !P.sents[pi].anchor() && P.sents[pi].cas.empty() && pi - 1 > last_joined &&
        pi >= 1 && P.sents[pi - 1].para == f.para)
      --pi;
    // (and the one before that, when it too tells what was hit or with what: "a gas cylinder fell onto a
    // residential building in Douma. Witnesses heard a helicopter overhead. ... At least 43 people died.")
    for (int led = 0; led < 2 && pi >= 0 && pi > last_joined && P.sents[pi].para == f.para; ++led, --pi) {
      const Sentence& S = P.sents[pi];
      // (or a list item's opening line: "- 10 May - Primary health care centre, Kafr Nabl.")
      if (S.anchor() || !S.cas.empty() || (S.weapons.empty() && S.targets.empty() && !dated_item(S))) return;
      const int d = first_date(S), p = best_place(S.places);
      const bool per = period_sentence(S);
      if (per || conflict(f, d, p, per, false)) return;
      f.sents.insert(f.sents.begin(), pi);
      f.lead = si;
      if (f.date < 0) f.date = d;
      // (a place over one that names only a country: "2- Maaret Al-Nouman city - Tuesday 13/03/2018:" over
      // "Russian aircraft targeted the popular market")
      if (f.place < 0 || (p >= 0 && P.places[f.place].rank >= kCountry && is_specific(P.places[p].rank))) f.place = p;
      if (dated_item(S)) return;  // (a list item's opening line opens it)
    }
  }

  // Adds a sentence to a frame. Only a sentence that itself tells of the event (an anchor) may
  // replace the frame's place with a more specific one: "residents told reporters in Maiduguri"
  // names where it was reported, not where it happened.
  void join(Frame& f, int si, int d, int p, bool per, bool anchor) const {
    f.sents.push_back(si);
    if (f.date < 0) f.date = d;
    // "The bombardment began in early February. On 7 February, warplanes struck the school": a day within
    // the month the frame was dated by dates the event
    else if (anchor && d >= 0 && !per && !f.aggregate && P.dates[f.date].precision > 1 && P.dates[d].precision == 1 &&
             P.dates[d].value.substr(0, 7) == P.dates[f.date].value.substr(0, 7) &&
             (P.dates[f.date].end_value.empty() || P.dates[d].value <= P.dates[f.date].end_value))
      f.date = d;
    if (p >= 0 && P.places[p].taken_to) p = -1;  // where the victims were taken: context places the frame
    // (a denial's place is the denier's words, not the scene: "the ministry denied that its forces struck any
    // medical facility in Idlib")
    if (p >= 0 && !f.sents.empty() && f.sents.front() != si &&
        std::any_of(P.sents[si].modals.begin(), P.sents[si].modals.end(),
                    [&](int m) { return P.modals[m].value == "denied"sv; }))
      p = -1;
    // (another event's place, told to say when; or where what the sentence is about happened)
    // (or where the people came from: "families displaced from Aleppo, Homs and Palmyra")
    if (p >= 0 && (P.places[p].reference || ((P.places[p].about || P.places[p].origin) && is_specific(P.places[p].rank)))) {
      if (f.reference_place < 0) f.reference_place = p;
      p = -1;
    }
    if (p >= 0 && (f.place < 0 || anchor) &&
        (f.place < 0 || std::make_tuple(!P.places[p].marked, foreign(P.places[p]), P.places[p].context,
                                        P.places[p].dateline, P.places[p].rank, P.places[p].about) <
                            std::make_tuple(!P.places[f.place].marked, foreign(P.places[f.place]),
                                            P.places[f.place].context, P.places[f.place].dateline, P.places[f.place].rank,
                                            P.places[f.place].about)))
      f.place = p;
    f.aggregate = f.aggregate || per;
  }

  // Does the frame give its toll as an update of one told before ("the toll rose to", "Update: 11 now",
  // "Final list: 14 martyrs")?
  bool updates_toll(const Frame& f) const {
    for (int si : f.sents)
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind == "killed"sv && !c.negated && !std::isnan(c.number) && (c.toll || update_sentence(si))) return true;
      }
    return false;
  }
  // A frame whose every death count is a figure the text says was superseded: "the civil defence, which had
  // earlier put the death toll at 12, said ...", "an initial toll of nine": an earlier count of the event
  // the report tells with its final toll.
  bool superseded_toll(const Frame& f) const {
    static const Phrase kEarlier[] = {Phrase("earlier put"), Phrase("had earlier"), Phrase("initially put"),
                                      Phrase("earlier toll"), Phrase("initial toll"), Phrase("initially reported"),
                                      Phrase("earlier reported"), Phrase("earlier count"), Phrase("initial count")};
    bool any = false;
    for (int si : f.sents)
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind != "killed"sv || c.negated || std::isnan(c.number)) continue;
        const std::string_view told = lower(P.sents[si].start, P.sents[si].end - P.sents[si].start);
        if (std::none_of(std::begin(kEarlier), std::end(kEarlier), [&](const Phrase& w) { return w.whole_word_in(told); }))
          return false;
        any = true;
      }
    return any;
  }
  // A sentence that tells a toll as an update: "Update from the market: 11 martyrs", "Final list: 14".
  // (not a first report's: "Early posts spoke of fifteen; the Monitor will update this figure")
  bool update_sentence(int si) const { return update_told(lower(P.sents[si].start, P.sents[si].end - P.sents[si].start)); }
  static bool update_told(std::string_view told) {
    static const Phrase kUpdate[] = {Phrase("update"),  Phrase("updated"), Phrase("final"),
                                     Phrase("revised"), Phrase("grown to"), Phrase("grew to")};
    return !first_report(told) &&
           std::any_of(std::begin(kUpdate), std::end(kUpdate), [&](const Phrase& w) { return w.whole_word_in(told); });
  }
  // A sentence that tells the count the investigators themselves established, after the figures others
  // reported: "Having cross-checked the lists, the Commission has established that at least 112 people were
  // killed", "our researchers have been able to confirm 71 names", "We have recorded 53 people killed".
  static bool finding_sentence(std::string_view told) {
    static const Phrase kFound[] = {Phrase("established that"), Phrase("has established"),
                                    Phrase("have established"), Phrase("able to confirm"),
                                    Phrase("able to verify"), Phrase("able to document"),
                                    Phrase("cross-checked"), Phrase("cross-checking"), Phrase("has verified"),
                                    Phrase("verified that"),
                                    Phrase("have verified"), Phrase("we have recorded"), Phrase("we recorded"),
                                    Phrase("we have documented"), Phrase("we documented"), Phrase("we verified"),
                                    Phrase("we have confirmed"), Phrase("we confirmed"), Phrase("we consider"),
                                    Phrase("best supported"), Phrase("recorded the names"),
                                    Phrase("documented the names"), Phrase("confirmed the names"),
                                    Phrase("the names of")};
    // ("was not able to confirm these figures" disowns a count, it establishes none)
    const auto asserted = [&](const Phrase& w) {
      for (size_t p = 0; (p = w.find(told, p)) != std::string_view::npos; ++p) {
        const std::string_view before = told.substr(p >= 7 ? p - 7 : 0, p >= 7 ? 7 : p);
        if (w.whole_word_at(told, p) && !before.ends_with("not ") && !before.ends_with("n't ") &&
            !before.ends_with("never "))
          return true;
      }
      return false;
    };
    return std::any_of(std::begin(kFound), std::end(kFound), asserted);
  }
  // Does a sentence after `a`, up to `b`, say the figures told before could not be confirmed ("Human
  // Rights Watch was not able to confirm these figures")?
  bool disowned_between(int a, int b) const {
    static const Phrase kDisowned[] = {Phrase("not able to confirm"), Phrase("unable to confirm"),
                                       Phrase("could not confirm"),   Phrase("not able to verify"),
                                       Phrase("unable to verify"),    Phrase("could not verify"),
                                       Phrase("cannot confirm"),      Phrase("cannot verify")};
    for (int si = a + 1; si <= b && si < int(P.sents.size()); ++si) {
      const std::string_view told = lower(P.sents[si].start, P.sents[si].end - P.sents[si].start);
      for (const Phrase& w : kDisowned)
        if (const size_t at = w.find(told); at != std::string_view::npos) {
          const std::string_view rest = told.substr(at, 60);
          if (rest.find("figure") != std::string_view::npos || rest.find("toll") != std::string_view::npos ||
              rest.find("number") != std::string_view::npos || rest.find("these") != std::string_view::npos ||
              rest.find("count") != std::string_view::npos)
            return true;
        }
    }
    return false;
  }
  // A sentence that tells a first, unconfirmed count: "The first reports spoke of six dead".
  static bool first_report(std::string_view told) {
    static const Phrase kFirst[] = {Phrase("first reports"), Phrase("first reported"), Phrase("initially"),
                                    Phrase("initial reports"), Phrase("early reports"), Phrase("early posts"),
                                    Phrase("first recorded"), Phrase("preliminary"), Phrase("first counts"),
                                    Phrase("first figure"), Phrase("first figures"), Phrase("initial figure"),
                                    Phrase("initial figures"), Phrase("early figures"), Phrase("first toll"),
                                    Phrase("initial toll"), Phrase("initial count"), Phrase("first count"),
                                    Phrase("first statement"), Phrase("initial statement")};
    return std::any_of(std::begin(kFirst), std::end(kFirst), [&](const Phrase& w) { return w.whole_word_in(told); });
  }

  // A figure of one told as a person ("his brother", "a nurse", "the driver"), not counted ("one", "1").
  bool person_told(const CasM& c) const {
    if (c.number != 1 || c.end <= c.start) return false;
    const std::string_view w = lower(c.start, c.end - c.start);
    if (std::isdigit(static_cast<unsigned char>(w.front()))) return false;
    for (std::string_view counted : {"one"sv, "single"sv, "a single"sv, "only one"sv, "at least one"sv})
      if (w.starts_with(counted) && (w.size() == counted.size() || w[counted.size()] == ' ')) return false;
    return true;
  }

  // The number of a victim told by an ordinal ("a fourth pupil", "a third victim"), or 0.
  int ordinal_victim(const CasM& c) const {
    if (c.number != 1 || c.end <= c.start) return 0;
    static const std::pair<std::string_view, int> kNth[] = {{"a second ", 2}, {"a third ", 3}, {"a fourth ", 4},
                                                            {"a fifth ", 5}, {"a sixth ", 6}, {"a seventh ", 7},
                                                            {"an eighth ", 8}, {"a ninth ", 9}, {"a tenth ", 10}};
    const std::string_view w = lower(c.start, c.end - c.start);
    for (const auto& [word, n] : kNth)
      if (w.starts_with(word)) return n;
    return 0;
  }

  // A few people told as someone's ("his two employees", "their three children"): a witness's own dead,
  // among those a later count tallies.
  bool kin_told(const CasM& c) const {
    if (c.end <= c.start || c.number > 5) return false;
    const uint64_t a = c.start >= 6 ? c.start - 6 : 0;
    const std::string_view w = lower(a, c.end - a);
    for (std::string_view own : {"his "sv, "her "sv, "their "sv, "my "sv, "our "sv})
      if (const size_t at = w.find(own);
          at != std::string_view::npos && at <= c.start - a && (at == 0 || w[at - 1] == ' '))
        return true;
    return false;
  }
  bool told_as_persons(const CasM& c) const { return person_told(c) || kin_told(c); }

  // Largest count of `kind` ("killed", "injured") stated in the frame (0 when none): identifies repeated
  // reports of one event.
  double toll_max(const Frame& f, std::string_view kind = "killed"sv) const {
    double m = 0;
    for (int si : f.sents)
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind == kind && !c.negated && !std::isnan(c.number)) m = std::max(m, c.number);
      }
    return m;
  }

  // Is the frame's largest death count a word for a rough number ("dozens", "several")?
  bool toll_vague(const Frame& f) const {
    const double m = toll_max(f);
    for (int si : f.sents)
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind == "killed"sv && !c.negated && c.number == m && c.vague.empty()) return false;
      }
    return m > 0;
  }

  // Frames told twice (headline and body, fact box and text) become one.
  void merge_same_events(std::vector<Frame>& F) const {
    for (size_t j = 1; j < F.size(); ++j) {
      for (size_t i = 0; i < j; ++i) {
        if (!F[i].alive || !F[j].alive) continue;
        Frame &A = F[i], &B = F[j];
        // A frame with no date or place of its own that names the other's event ("the offensive"): later,
        // it tells more of it; earlier (a headline), it announces it.
        const auto unplaced = [&](const Frame& f) { return f.date < 0 && (f.place < 0 || P.places[f.place].rank == kDemonym); };
        // "Air strikes on a town in northwest Syria killed 15 ... The strikes hit a school in the town of
        // Maarat Misrin": a next frame, undated, that refers back and names the place more exactly.
        const bool next = std::none_of(F.begin() + i + 1, F.begin() + j, [](const Frame& f) { return f.alive; });
        const bool sharper = next && B.date < 0 && A.date >= 0 && B.place >= 0 && !A.aggregate &&
                             !B.aggregate &&
                             (A.place < 0 || P.places[B.place].rank < P.places[A.place].rank ||
                              (P.places[B.place].rank == kPlace && !P.places[A.place].admin1.empty() &&
                               P.places[A.place].admin1 == P.places[B.place].admin1)) &&
                             toll_max(B) <= toll_max(A) && refers_back(B, A);
        if (sharper) {
          A.sents.insert(A.sents.end(), B.sents.begin(), B.sents.end());
          std::sort(A.sents.begin(), A.sents.end());
          A.place = B.place;
          B.alive = false;
          continue;
        }
        const bool back = unplaced(B) && refers_back(B, A);
        const bool ahead = !back && unplaced(A) && !unplaced(B) && refers_back(A, B);
        const bool anaphor = back || ahead;
        if (A.aggregate != B.aggregate && !anaphor) continue;
        if (date_conflict(A.date, B.date) || place_conflict(A.place, B.place)) continue;
        // (a diary's or a log's entries: frames under headings of two different days are two events, though
        // neither names its day yet: "Sunday 25 February / ... a little boy died" and "Friday 2 March / ... a
        // nurse was killed")
        if (const int ha = heading_day(A.sents.front()), hb = heading_day(B.sents.front());
            ha >= 0 && hb >= 0 && date_conflict(ha, hb))
          continue;
        // (so are entries whose paragraphs open on two different days: "3 November — Jarjanaz, southern Idlib
        // countryside. Artillery shells ..." and "6 November — Kafr Ruma, ... Government aircraft struck ...")
        const auto day_before = [&](const Frame& f) {
          const int s0 = f.sents.front();
          return s0 > 0 && P.sents[s0 - 1].para == P.sents[s0].para ? last_told_date(P.sents[s0 - 1]) : -1;
        };
        if (A.para != B.para)
          if (const int da = day_before(A), db = day_before(B); da >= 0 && db >= 0 && date_conflict(da, db)) continue;
        const double ka = toll_max(A), kb = toll_max(B);
        const bool same_date = A.date >= 0 && B.date >= 0 && P.dates[A.date].value == P.dates[B.date].value;
        const bool no_dates = A.date < 0 && B.date < 0;
        const bool same_place = A.place >= 0 && B.place >= 0 && this->same_place(A.place, B.place);
        const bool no_places = A.place < 0 && B.place < 0;
        // (a small toll repeated far apart is a coincidence, not one event told twice: "Three children died in
        // that room" in one witness's account and "Abu Khalil and both girls were killed" in another's)
        // (nor "dozens" read as 12 beside an exact 12: "an air strike in Halfaya killed dozens")
        const bool same_toll = ka > 0 && ka == kb && (ka >= 5 || std::abs(B.para - A.para) <= 3) &&
                               !toll_vague(A) && !toll_vague(B);
        // ("Market. They hit the market ... At least 6 martyrs." ... "Update from the market: 11 martyrs now."
        // ... "Final list for today's market massacre: 14 martyrs": the same day's and place's toll, updated)
        // (or the toll of an attack told first without one, on the same day in the same town: ACLED codes one
        // event a town a day - "13 May: jets struck the market ... Nine people were killed there")
        // (an earlier, superseded figure with no day of its own is the event's: "the civil defence, which had
        // earlier put the death toll at 12, said ..." after "a missile ... killing 16")
        const bool superseded = kb > 0 && kb < ka && B.date < 0 && superseded_toll(B);
        const bool toll_ok = kb == 0 || ka == kb || (kb > ka && ka > 0 && updates_toll(B)) ||
                             (ka == 0 && same_date && same_place && exact_day(A.date) && !A.aggregate);
        // (two frames with neither a date nor a place of their own yet, in different paragraphs, are two
        // events told in a row until context dates and places them: "A farmer was killed among his trees."
        // ... "A series of air strikes hit the market.")
        const bool unknown_apart = no_dates && no_places && A.para != B.para;

        if (same_toll || superseded || ((same_date || no_dates) && (same_place || no_places) && toll_ok && !unknown_apart) ||
            (back && (toll_ok || ka == 0)) || (ahead && (ka == 0 || ka == kb))) {
          A.sents.insert(A.sents.end(), B.sents.begin(), B.sents.end());
          std::sort(A.sents.begin(), A.sents.end());
          if (ahead) {  // the announced event's own date and place stand
            A.aggregate = B.aggregate;
            A.date = B.date;
            A.place = B.place;
            A.lead = B.lead >= 0 ? B.lead : B.sents.front();
          } else if (!back) {  // a frame referring back adds facts, not a place (at most a demonym)
            if (A.date < 0) A.date = B.date;
            if (A.place < 0 || (B.place >= 0 && std::make_tuple(foreign(P.places[B.place]), P.places[B.place].rank) <
                                                    std::make_tuple(foreign(P.places[A.place]), P.places[A.place].rank)))
              A.place = B.place;
          }
          B.alive = false;
        }
      }
    }
  }

  // "Kafr Zita, 3 May / The hospital was struck on 3 May ... patients were moved to Idlib. / Observers saw
  // two jets over Kafr Zita at the time of the attack.": once the section heading has placed a frame, the
  // next frame of the same section with the same day and town and no other toll (or the toll as an update)
  // tells more of that event.
  void merge_placed_by_section(std::vector<Frame>& F) const {
    for (size_t j = 1; j < F.size(); ++j) {
      Frame& B = F[j];
      if (!B.alive || B.aggregate || B.date < 0 || B.place < 0) continue;
      size_t i = j;
      while (i > 0 && !F[i - 1].alive) --i;
      if (i == 0) continue;
      Frame& A = F[i - 1];
      if (A.aggregate || A.date < 0 || A.place < 0 || (A.place_src != 2 && B.place_src != 2)) continue;
      if (P.dates[A.date].value != P.dates[B.date].value || P.dates[A.date].precision != 1 ||
          !(exact_day(A.date) || exact_day(B.date)) ||
          !same_place(A.place, B.place) || !is_specific(P.places[A.place].rank))
        continue;
      const double ka = toll_max(A), kb = toll_max(B);
      if (kb > 0 && ka != kb && !updates_toll(B)) continue;
      if (hits_other_target(A, B)) continue;
      if (section_between(A.sents.back() + 1, B.sents.front())) continue;
      A.sents.insert(A.sents.end(), B.sents.begin(), B.sents.end());
      std::sort(A.sents.begin(), A.sents.end());
      B.alive = false;
    }
  }

  // A frame naming a civilian site the first did not tells another attack that day: "hours later, a strike
  // hit the hospital that was treating the victims" (an air base is more often where the jets came from).
  bool hits_other_target(const Frame& A, const Frame& B) const {
    std::set<std::string_view> hit;
    for (int si : A.sents)
      for (int t : P.sents[si].targets) hit.insert(P.targets[t].value);
    return std::any_of(B.sents.begin(), B.sents.end(), [&](int si) {
      return std::any_of(P.sents[si].targets.begin(), P.sents[si].targets.end(), [&](int t) {
        return !hit.count(P.targets[t].value) && civilian_targets().count(P.targets[t].value);
      });
    });
  }

  // ACLED codes one event a town a day. Once context has dated and placed every frame, two frames of the
  // same day (told to the day) and the same town are one attack told apart: "III. Ariha, 30 January / [the
  // town and its hospital] / On the night of 30 January strikes hit the street ... / [the toll]" and, pages
  // later, "The Ariha strikes of 30 January were carried out by Russian aircraft". Not when both give
  // different tolls (two attacks; one victim told apart is one of the other's toll), nor when the later
  // names a civilian site the first did not. A headline naming the town's province is that town here.
  void merge_town_day(std::vector<Frame>& F) const {
    const auto day_of = [&](const Frame& f) {
      return f.date >= 0 && f.date_src < 2 && !f.aggregate && P.dates[f.date].precision == 1;
    };
    // ("Hospital destroyed in air strikes in Idlib; at least 25 dead" heading a release over "a hospital
    // in Maarat al-Numan, in Idlib governorate, was hit on Monday": a headline's province, or its city
    // named like it, is where the body's town lies)
    const auto headline_seat = [&](const Frame& h, const Frame& t) {
      if (h.sents.front() > 2 || h.date < 0 || h.aggregate || P.dates[h.date].precision != 1) return false;
      const PlaceM &S = P.places[h.place], &W = P.places[t.place];
      return (S.rank == kPlace || S.rank == kAdmin1) && W.rank == kPlace && !S.admin1.empty() &&
             consonants(S.admin1) == consonants(W.admin1) && consonants(S.value) == consonants(S.admin1);
    };
    for (size_t j = 1; j < F.size(); ++j) {
      Frame& B = F[j];
      if (!B.alive || !day_of(B) || B.place < 0 || !is_specific(P.places[B.place].rank) || foreign(P.places[B.place]))
        continue;
      for (size_t i = 0; i < j; ++i) {
        Frame& A = F[i];
        if (!A.alive || A.place < 0 || A.date < 0 || P.dates[A.date].value != P.dates[B.date].value ||
            !(exact_day(A.date) || exact_day(B.date)))
          continue;
        const bool headline = headline_seat(A, B);
        if (!headline && (!day_of(A) || !same_place(A.place, B.place))) continue;
        const double ka = toll_max(A), kb = toll_max(B);
        if (ka > 0 && kb > 0 && ka != kb && std::min(ka, kb) > 1 && !updates_toll(B)) continue;
        if (hits_other_target(A, B)) continue;
        if (headline) A.place = B.place;
        A.sents.insert(A.sents.end(), B.sents.begin(), B.sents.end());
        std::sort(A.sents.begin(), A.sents.end());
        B.alive = false;
        break;
      }
    }
  }

  // "Two aircraft struck the market in Ariha. [a witness's words] The health directorate recorded 44
  // people killed; many were driven to Idlib city.": a paragraph giving a toll, with no date or scene of
  // its own, after an attack told without one, in the same section, is that attack's toll.
  void join_later_toll(std::vector<Frame>& F) const {
    for (size_t j = 1; j < F.size(); ++j) {
      Frame& B = F[j];
      // (a toll of the wounded alone counts too, where the attack told none: "Three others were wounded
      // and taken to ...")
      const bool dead = toll_max(B) > 0, hurt = toll_max(B, "injured"sv) > 0;
      if (!B.alive || B.aggregate || (B.date >= 0 && B.date_src == 0) || (!dead && !hurt)) continue;
      // (passing over a witness's words told in between, with no day, place or toll of their own: "When the
      // bomb came I was thrown against the wall")
      const auto told_between = [&](const Frame& f) {
        return f.date < 0 && f.place_src != 0 && toll_max(f) == 0 && toll_max(f, "injured"sv) == 0;
      };
      size_t i = j;
      while (i > 0 && (!F[i - 1].alive || (told_between(F[i - 1]) && i > 1))) --i;
      if (i == 0) continue;
      // (an attack told with its date and its town: not a witness's general words, nor a province)
      Frame& A = F[i - 1];
      // (a toll naming a place of its own tells another event, unless it is the attack's town: "112 people
      // killed ... the air force had struck 'terrorist headquarters' in Douma that day")
      if (B.place >= 0 && B.place_src == 0 && P.places[B.place].rank != kDemonym &&
          !(A.place >= 0 && same_place(A.place, B.place)))
        continue;
      // (placed by the document alone, it still tells an attack when its paragraph dates it and its words
      // say what was hit: "On Monday 13 November the market was busy. At 11:30 air strikes hit the market")
      const bool told = A.date_src <= 1 && std::any_of(A.sents.begin(), A.sents.end(), [&](int si) {
        return !P.sents[si].weapons.empty() && !P.sents[si].targets.empty();
      });
      // (nor a toll its own paragraph dates to another day: "It was the twenty-second of July ... 31 killed")
      if (B.date >= 0 && B.date_src == 1 && date_conflict(A.date, B.date)) continue;
      // (victims told as persons are not yet the toll: "A porter who lost his brother in the attack ..." /
      // "Nine civilians were killed", a paragraph of no day of its own; "his two employees were killed" /
      // "the list had grown to 46 names")
      const bool person_only =
          (B.date < 0 || B.date_src == 2) && toll_max(A) < toll_max(B) && toll_max(B) > 1 &&
          std::all_of(A.sents.begin(), A.sents.end(), [&](int si) {
            return std::all_of(P.sents[si].cas.begin(), P.sents[si].cas.end(), [&](int i) {
              return P.cas[i].kind != "killed"sv || std::isnan(P.cas[i].number) ||
                     told_as_persons(P.cas[i]);
            });
          });
      if (A.aggregate || A.para >= B.para || (dead ? toll_max(A) > 0 && !person_only : toll_max(A, "injured"sv) > 0) ||
          A.date < 0 || A.place < 0 ||
          (A.place_of_document && !told) || !is_specific(P.places[A.place].rank) || foreign(P.places[A.place]))
        continue;
      // (no section heading between them: a new section tells another event)
      if (section_between(A.sents.back() + 1, B.sents.front(), true)) continue;
      A.sents.insert(A.sents.end(), B.sents.begin(), B.sents.end());
      std::sort(A.sents.begin(), A.sents.end());
      B.alive = false;
    }
  }

  // "the offensive hit hospitals, schools and markets", told after the offensive was dated and placed:
  // a frame naming no date or place of its own whose first sentence refers back with a definite noun
  // ("the offensive", "these strikes") to one an earlier frame used tells more of that event.
  bool refers_back(const Frame& B, const Frame& A) const {
    static const char* const kNouns[] = {"offensive", "campaign", "attack", "attacks", "strike", "strikes",
                                         "airstrikes", "bombing", "bombardment", "assault", "raid", "raids"};
    const Sentence& S = P.sents[B.sents.front()];
    const std::string_view first = lower(S.start, S.end - S.start);
    // Words of the sentence, to find "the [adjective] noun".
    std::vector<std::string_view> words;
    for (size_t i = 0; i < first.size();) {
      while (i < first.size() && !std::isalpha((unsigned char)first[i])) ++i;
      const size_t b = i;
      while (i < first.size() && std::isalpha((unsigned char)first[i])) ++i;
      if (i > b) words.push_back(first.substr(b, i - b));
    }
    const auto determiner = [](std::string_view w) { return w == "the"sv || w == "this"sv || w == "these"sv || w == "that"sv; };
    for (const char* noun : kNouns) {
      bool definite = false;
      for (size_t k = 1; k < words.size() && !definite; ++k)
        definite = words[k] == noun && (determiner(words[k - 1]) || (k >= 2 && determiner(words[k - 2])));
      if (!definite) continue;
      for (int si : A.sents)
        if (has_word(lower(P.sents[si].start, P.sents[si].end - P.sents[si].start), noun)) return true;
    }
    // "The shells landed ...", "the blast": the munitions of the attack told before (one that named a weapon)
    static const char* const kMunitions[] = {"shells", "shell", "shelling", "rockets", "rocket", "missiles", "missile",
                                             "bombs", "bomb", "blast", "explosion", "explosions", "barrels"};
    const bool armed_before = std::any_of(A.sents.begin(), A.sents.end(), [&](int si) { return !P.sents[si].weapons.empty(); });
    // ("The first shell struck the main building": a word may stand between)
    for (const char* noun : kMunitions)
      for (size_t k = 1; k < words.size() && k < 5 && armed_before; ++k)
        if (words[k] == noun && (determiner(words[k - 1]) || (k >= 2 && determiner(words[k - 2])))) return true;
    // "Rescuers pulled 14 bodies from the rubble": the aftermath of the attack told just before
    static const char* const kAftermath[] = {"rubble", "wreckage", "debris", "ruins"};
    for (const char* noun : kAftermath)
      for (size_t k = 1; k < words.size(); ++k)
        if (words[k] == noun && determiner(words[k - 1])) return true;
    return false;
  }

  // A frame says enough to be an incident when it gives a toll, or at least two of: a date and a
  // place (its own or its paragraph's), a named weapon, a target. Commentary ("the regime has used
  // attacks on civilians as a strategy", a headline) does not; it is dropped when better ones exist.
  // A line of its own without a full stop: a title or a section heading ("Idlib: Deadly Strikes on
  // Medical Facilities"), which announces rather than tells.
  // So is a page's standfirst bullet ("• Regime also attacked Turkish posts"), and a title the page repeats
  // among other lines.
  bool heading(int si) const {
    const Sentence& S = P.sents[si];
    if (S.end - S.start > 150) return false;
    uint64_t b = S.start, e = S.end;
    while (e > b && std::isspace(static_cast<unsigned char>(text_[e - 1]))) --e;
    while (b < e && std::isspace(static_cast<unsigned char>(text_[b]))) ++b;
    const char last = e > b ? text_[e - 1] : '.';
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == ')') return false;
    const bool alone = !((si > 0 && P.sents[si - 1].para == S.para) ||
                         (si + 1 < int(P.sents.size()) && P.sents[si + 1].para == S.para));
    if (alone) return true;
    // a diary's or a log's line that is a date alone heads the entry under it ("Sunday 25 February /
    // Count: salbutamol 6. / In the evening people came running ...")
    if ((b == 0 || text_[b - 1] == '\n') && e < text_.size() && text_[e] == '\n' && S.dates.size() == 1 &&
        P.dates[S.dates.front()].end - P.dates[S.dates.front()].start + 12 >= e - b)
      return true;
    const std::string_view line = text_.substr(b, e - b);
    for (std::string_view bullet : {"\xE2\x80\xA2"sv, "\xE2\x96\xAA"sv, "\xC2\xB7"sv})  // bullet, square, middle dot
      if (line.substr(0, bullet.size()) == bullet) return true;
    for (int k = 0; k < int(P.sents.size()); ++k) {
      if (k == si || P.sents[k].end - P.sents[k].start < line.size()) continue;
      const std::string_view other = text_.substr(P.sents[k].start, P.sents[k].end - P.sents[k].start);
      if (other.find(line) != std::string_view::npos && other.size() - line.size() <= 4) return true;
    }
    return false;
  }

  // A heading that only names a topic of the story ("The dead", "Casualties", "What the doctors saw"): no
  // place, no date, nothing announcing another event ("The second attack", "Another strike").
  bool topic_label(int si) const {
    const Sentence& S = P.sents[si];
    if (!S.places.empty() || !S.dates.empty()) return false;
    static const Phrase kOther[] = {Phrase("second"), Phrase("third"), Phrase("fourth"), Phrase("another"),
                                    Phrase("other"), Phrase("next"), Phrase("later"), Phrase("new"), Phrase("last"),
                                    Phrase("final"), Phrase("again")};
    const std::string_view line = lower(S.start, S.end - S.start);
    return std::none_of(std::begin(kOther), std::end(kOther), [&](const Phrase& w) { return w.whole_word_in(line); });
  }

  // Is there a section heading among sentences [from, to)? A new section tells another event (a heading
  // that only names a topic, "The dead", does not when `past_topics`).
  bool section_between(int from, int to, bool past_topics = false) const {
    for (int si = from; si < to; ++si)
      if (heading(si) && !(past_topics && topic_label(si))) return true;
    return false;
  }

  // A line opening with a date label: "When: ...", "Date: ...", "Date and time: ...".
  bool date_field(const Sentence& S) const {
    if (S.start > 0 && text_[S.start - 1] != '\n') return false;
    const std::string_view head = lower(S.start, std::min<uint64_t>(S.end - S.start, 24));
    const size_t colon = head.find(':');
    if (colon == std::string_view::npos) return false;
    static const std::set<std::string_view> kLabels = {"when", "date", "dates", "date and time", "time and date",
                                                        "incident date", "date of incident", "date of attack",
                                                        "date of the attack", "date of the incident"};
    return kLabels.count(head.substr(0, colon)) > 0;
  }

  // The day the nearest section heading above sentence `first` names, or -1.
  int heading_day(int first) const {
    const int h = heading_above(first, false);
    if (h < 0 || P.sents[h].dates.empty() || period_sentence(P.sents[h])) return -1;
    const int d = first_date(P.sents[h]);
    return exact_day(d) ? d : -1;
  }

  // The nearest section heading above sentence `first` (not the title's paragraph when `past_title`), or -1.
  int heading_above(int first, bool past_title) const {
    for (int si = first - 1; si >= 0 && (!past_title || P.sents[si].para > 0); --si)
      if (heading(si)) return si;
    return -1;
  }

  bool weak(const Frame& f) const {
    // "Russia's defence ministry denied its jets had carried out any strikes": a denial of the event
    // told before, no event of its own
    if (f.date < 0 || f.date_src > 0) {
      const bool denial = std::all_of(f.sents.begin(), f.sents.end(), [&](int si) {
        return std::any_of(P.sents[si].modals.begin(), P.sents[si].modals.end(),
                           [&](int m) { return P.modals[m].value == "denied"sv; });
      });
      if (denial) return true;
    }
    if (toll_max(f) > 0) return false;
    if (std::all_of(f.sents.begin(), f.sents.end(), [&](int si) { return heading(si); })) return true;
    int facts = 0;
    bool weapon = false, target = false, injured = false;
    for (int si : f.sents) {
      for (int i : P.sents[si].weapons) weapon = weapon || !P.weapons[i].implied;
      target = target || !P.sents[si].targets.empty();
      for (int i : P.sents[si].cas) injured = injured || (P.cas[i].kind == "injured"sv && !std::isnan(P.cas[i].number) && !P.cas[i].negated);
    }
    if (injured) return false;
    facts += f.date >= 0 && f.date_src < 2;
    facts += f.place >= 0 && f.place_src < 2 && P.places[f.place].rank <= kAdmin1 && !foreign(P.places[f.place]);
    facts += weapon;
    facts += target;
    return facts < 2;
  }
  void drop_weak(std::vector<Frame>& F) const {
    bool any_strong = false;
    for (const auto& f : F)
      if (f.alive && !weak(f)) any_strong = true;
    if (!any_strong) return;
    for (auto& f : F)
      if (f.alive && weak(f)) f.alive = false;
  }

  // Missing date/place: earlier sentences of the paragraph, then later ones (place only), then the
  // document (its main place; its publication date is used when the record is built).
  // A place named near a frame that may stand for its scene: a town or a part of one in the document's
  // country, not a landmark ("north of X") nor where victims were taken.
  bool stands_for_scene(const PlaceM& p) const {
    return is_specific(p.rank) && !foreign(p) && !p.relative && !p.taken_to;
  }

  void fill_from_context(Frame& f) const {
    const int first = f.sents.front();
    // "families were hit by an air strike just outside town ... attention was fixed on the debate in
    // Washington": a place abroad named only after the event's sentence is no scene of it
    if (P.sents.size() > 8 && f.place >= 0 && f.place_src == 0 && foreign(P.places[f.place]) &&
        P.places[f.place].sent > (f.lead >= 0 ? f.lead : first))
      f.place = -1;
    // "Six weeks later, a suicide car bomb hit Sousian. It was 24 February 2017, the day after the groups
    // had taken al-Bab. The explosion killed 51.": a sentence the frame skipped (for its other place) dates
    // it when it has no date or only a rough count of weeks (a date from outside the frame, not one of the
    // facts that make it an incident).
    const auto rough = [&](int d) { return d < 0 || (P.dates[d].relative && P.dates[d].precision > 1); };
    // (not over the day its own paragraph opens with: "16 August (Sunday) — Douma. Between 11:30 and 12:15,
    // warplanes ...", told again further on after the next day's entry)
    const bool opens_on_day = f.date < 0 && first > 0 && P.sents[first - 1].para == P.sents[first].para &&
                              [&] { const int d = last_told_date(P.sents[first - 1]); return d >= 0 && exact_day(d); }();
    if (rough(f.date) && !opens_on_day)
      for (int si = first + 1; si < f.sents.back(); ++si) {
        if (P.sents[si].dates.empty() || period_sentence(P.sents[si]) ||
            std::find(f.sents.begin(), f.sents.end(), si) != f.sents.end())
          continue;
        const int d = first_date(P.sents[si]);
        if (f.date >= 0 && (P.dates[d].relative || P.dates[d].precision != 1)) continue;
        f.date = d, f.date_src = 2;
        break;
      }
    // (a form's "Incident date: 15/01/2020" over "Facility type: bakery, supported since 2018": the day of
    // the paragraph, passing over a period told in between, unless nothing else dates it)
    if (f.date < 0 && !f.aggregate)
      for (int si = first - 1; si >= 0 && P.sents[si].para == f.para; --si) {
        const int d = last_told_date(P.sents[si]);
        if (d < 0 || period_sentence(P.sents[si])) continue;
        if (exact_day(d)) f.date = d, f.date_src = 1;
        break;
      }
    if (f.date < 0) {
      for (int si = first - 1; si >= 0 && P.sents[si].para == f.para; --si)
        if (const int d = last_told_date(P.sents[si]); d >= 0) {
          // (a total "in that period" refers back to the period's start: "between 18 February and April")
          f.date = f.aggregate ? first_date(P.sents[si]) : d;
          f.date_src = 1;
          // "... 30 massacres since that date. The massacres claimed 1,109 lives": the date's period too
          if (period_sentence(P.sents[si])) f.aggregate = true;
          break;
        }
    }
    // "Qamishli, 10 October" over a section: its heading dates what the section tells.
    if (f.date < 0)
      for (int si = first - 1; si >= 0; --si) {
        if (P.sents[si].para == f.para || !heading(si)) continue;
        if (!P.sents[si].dates.empty() && !period_sentence(P.sents[si])) f.date = first_date(P.sents[si]), f.date_src = 1;
        break;
      }
    // "Row 3 - Al-Rahma Hospital, Ariha / When: Tuesday 4 February 2020, after 22:00. / What happened: Two
    // bombs struck the hospital": a record's labelled date field dates the record's account below it.
    if (f.date < 0)
      for (int si = first - 1; si >= 0 && P.sents[si].para >= f.para - 3 && !heading(si); --si)
        if (!P.sents[si].dates.empty() && date_field(P.sents[si])) {
          f.date = first_date(P.sents[si]), f.date_src = 1;
          break;
        }
    // "Fighters entered Granij on Sunday, 10 August. / They shot dead 27 men in a schoolyard.": a paragraph
    // that tells no day goes on at the day the paragraph just before it told last, when that one names the
    // frame's town (or the frame names none) and no heading stands between
    if (f.date < 0 && !f.aggregate && first > 0 && P.sents[first - 1].para == f.para - 1 && !heading(first - 1)) {
      bool names_town = f.place < 0;
      int d = -1;
      for (int si = first - 1; si >= 0 && P.sents[si].para == f.para - 1; --si) {
        if (d < 0 && !period_sentence(P.sents[si])) d = last_told_date(P.sents[si]);
        for (int i : P.sents[si].places) names_town = names_town || same_place(i, f.place);
      }
      if (d >= 0 && exact_day(d) && names_town) f.date = d, f.date_src = 2;
    }
    // "Al-Lataminah, 30 March 2017" just over "an aircraft dropped a munition on the outskirts of the same
    // town": the section heading's place locates a frame that names no place or only a country (context,
    // not a fact that makes it an incident). So it does when the frame's own sentence names no place and a
    // later one does ("Kafr Zita, 3 May" over "The hospital was struck ... Patients were moved to Idlib").
    const auto later_place = [&] {
      const int own = f.lead >= 0 ? f.lead : first;
      return f.place >= 0 && f.place_src == 0 && P.places[f.place].sent > own && P.sents[own].places.empty();
    };
    if ((f.place < 0 || P.places[f.place].rank >= kCountry || later_place()) && first > 0 &&
        P.sents[first - 1].para == f.para - 1 && heading(first - 1))
      for (int i : P.sents[first - 1].places)
        if (stands_for_scene(P.places[i])) {
          f.place = i, f.place_src = 2;
          break;
        }
    // "Site 2: the covered market in Kafr Batna / Before. ... / After. ... / Helicopters are flown over Ghouta
    // only by the Air Force": so does the heading of a section of several paragraphs (not the title), over a
    // later sentence's place or a province or region that holds its town (a town the gazetteer knows, and
    // not one the heading places in the frame's own: "Qadi Askar, Aleppo" over "near the Qadi Askar bakery
    // in eastern Aleppo" names a quarter of the city).
    if (const int h = heading_above(first, true);
        h >= 0 && f.place >= 0 && f.place_src == 0 && (later_place() || P.places[f.place].rank >= kAdmin1)) {
      const auto& hp = P.sents[h].places;
      const bool names_it = std::any_of(hp.begin(), hp.end(), [&](int i) {
        return key(P.places[i].value) == key(P.places[f.place].value);
      });
      for (int i : hp)
        if (stands_for_scene(P.places[i]) &&
            (later_place() || (!names_it && P.places[i].rank != kUnlisted && contains(P.places[f.place], P.places[i])))) {
          f.place = i, f.place_src = 2;
          break;
        }
    }
    // "QAMISHLI, Syria — ... The truck bomb that exploded here on Wednesday": "here", in a report filed
    // from a town, is that town
    if (f.place < 0 || P.places[f.place].rank >= kCountry) {
      static const Phrase kHere("here");
      const auto dl = std::find_if(P.places.begin(), P.places.end(), [&](const PlaceM& p) {
        return p.dateline && is_specific(p.rank) && !foreign(p);
      });
      if (dl != P.places.end() && std::any_of(f.sents.begin(), f.sents.end(), [&](int si) {
            return kHere.whole_word_in(lower(P.sents[si].start, P.sents[si].end - P.sents[si].start));
          }))
        f.place = int(dl - P.places.begin()), f.place_src = 1;
    }
    // "Facility: X hospital, X, Hama governorate / What hit it: ... / Assessed perpetrator: Syrian Air
    // Force": a frame naming only a country takes the town its paragraph named before it
    if (f.place >= 0 && f.place_src == 0 && P.places[f.place].rank >= kCountry)
      for (int si = first - 1; si >= 0 && P.sents[si].para == f.para; --si) {
        const auto& ps = P.sents[si].places;
        const auto it = std::find_if(ps.begin(), ps.end(), [&](int i) { return stands_for_scene(P.places[i]); });
        if (it != ps.end()) { f.place = *it, f.place_src = 1; break; }
      }
    // "Russian jets struck the market": a demonym names who acted, not where; the frame takes a town its
    // paragraph or the one before names, as one naming no place would (but not the document's main place).
    const int demonym = f.place >= 0 && P.places[f.place].rank == kDemonym ? f.place : -1;
    if (demonym >= 0) f.place = -1;
    if (f.place < 0) {
      // (not where the victims were taken, "to hospitals in Idlib city", nor a demonym)
      const auto place_in = [&](const Sentence& S) {
        std::vector<int> v;
        for (int i : S.places)  // (for a demonym's frame, not another country: "... the United States announced")
          if (P.places[i].rank != kDemonym && !(demonym >= 0 && foreign(P.places[i]))) v.push_back(i);
        return v.empty() ? -1 : best_place(v);
      };
      for (int si = first - 1; si >= 0 && P.sents[si].para == f.para && f.place < 0; --si)
        if ((f.place = place_in(P.sents[si])) >= 0) f.place_src = 1;
      for (int si = f.sents.back() + 1; si < int(P.sents.size()) && P.sents[si].para == f.para && f.place < 0; ++si)
        if ((f.place = place_in(P.sents[si])) >= 0) f.place_src = 1;
      // A paragraph that names no place goes on where the one before it was (a town named there).
      if (f.place < 0 && f.para > 0)
        for (int si = first - 1; si >= 0 && P.sents[si].para >= f.para - 1 && f.place < 0; --si)
          for (int i : P.sents[si].places)
            // (not where people came from or were taken: "it has housed thousands displaced from Afrin")
            // (an unlisted name only when a known place places it: "Hass, a village south of Kafranbel")
            if (is_specific(P.places[i].rank) && (P.places[i].rank < kUnlisted || P.places[i].contained) &&
                !foreign(P.places[i]) &&
                !P.places[i].relative && !P.places[i].origin && !P.places[i].taken_to) {
              f.place = i, f.place_src = 2;
              break;
            }
      // "Site 1: the surgical hospital in Arbin / Before. ... / After. ... / Dating and casualties. ... three
      // people were killed": a section of several paragraphs is where its heading says.
      if (const int h = f.place < 0 ? heading_above(first, false) : -1; h >= 0)
        for (int i : P.sents[h].places)
          if (stands_for_scene(P.places[i])) {
            f.place = i, f.place_src = 2;
            break;
          }
      // (a demonym stays, and later steps may join the frame to an attack told before; where the fire came
      // from is never the scene: "the artillery fired from its positions in Jurin at the mosque")
      if (f.place < 0 && demonym >= 0 && !P.places[demonym].launch_site) {
        // (the town the whole report is about, if it is about one; a total keeps the country)
        const int m = f.aggregate ? -1 : main_place();
        f.place = m >= 0 && is_specific(P.places[m].rank) ? m : demonym;
        if (f.place == m) f.place_src = 2, f.place_of_document = true;
      }
      if (f.place < 0 && f.reference_place >= 0) f.place = f.reference_place;
      if (f.place < 0 && (f.place = main_place()) >= 0) f.place_src = 2, f.place_of_document = true;
    }
  }

  // The place the document is mostly about: the most often named one, counting admin units and
  // specific places (countries only when nothing else is named); ties go to the earliest.
  int main_place() const {
    std::map<std::string, std::pair<int, int>> count;  // key -> (count, first index)
    for (int i = 0; i < int(P.places.size()); ++i) {
      // (not a landmark to find another by, "the Houla area north-west of Homs", nor where victims were taken
      // or people came from)
      if (P.places[i].rank >= kRegion || foreign(P.places[i]) || P.places[i].relative || P.places[i].taken_to ||
          P.places[i].origin)
        continue;
      auto& c = count.try_emplace(key(P.places[i].value), 0, i).first->second;
      ++c.first;
    }
    int best = -1, best_n = 0;
    for (const auto& [k, c] : count)
      if (c.first > best_n || (c.first == best_n && c.second < best)) best = c.second, best_n = c.first;
    if (best < 0 && !P.places.empty()) best = best_place([&] {
      std::vector<int> v;
      for (int i = 0; i < int(P.places.size()); ++i)
        if (!P.places[i].taken_to) v.push_back(i);
      return v;
    }());
    return best;
  }

 public:
  std::string_view text() const { return text_; }
};

// ------------------------------------------------------------------ fields of a frame
std::optional<long long> num_or_null(double v) { return std::isnan(v) ? std::nullopt : std::optional(std::llround(v)); }

// Named weapons by reach: dropped from the air, fired from afar on the ground, used at close range.
struct Reach {
  int air = 0, ground = 0, close = 0;
  void add(const TermM& t) {
    if (t.implied) return;
    air += t.value == "air_strike"sv || t.value == "barrel_bomb"sv || t.value == "drone"sv;
    ground += t.value == "shelling"sv || t.value == "missile"sv || t.value == "heavy_weapons"sv;
    close += t.value == "firearms"sv || t.value == "bladed"sv || t.value == "blunt"sv || t.value == "arson"sv;
  }
};

Record Assembler::record(const Frame& f) const {
  Record r;
  Evidence& ev = r.evidence;
  ev.list.reserve(16);  // a record cites about ten mentions: one allocation, not one per doubling
  // All mentions of the frame's sentences, in text order.
  std::vector<int> cas, actors, weapons, targets, events, modals;
  for (int si : f.sents) {
    const Sentence& S = P.sents[si];
    cas.insert(cas.end(), S.cas.begin(), S.cas.end());
    actors.insert(actors.end(), S.actors.begin(), S.actors.end());
    weapons.insert(weapons.end(), S.weapons.begin(), S.weapons.end());
    targets.insert(targets.end(), S.targets.begin(), S.targets.end());
    events.insert(events.end(), S.events.begin(), S.events.end());
    modals.insert(modals.end(), S.modals.begin(), S.modals.end());
  }

  // ---- when
  if (f.date >= 0) {
    const DateM& d = P.dates[f.date];
    r.event_date = d.value.size() == 7 ? std::string(d.value) + "-01" : std::string(d.value);
    if (!d.end_value.empty()) r.date_end = d.end_value;
    r.time_precision = std::clamp(d.precision, 1, 3);
    ev.add(d, "event_date");
  } else if (f.day_of >= 0 && f.date < 0) {
    const DateM& d = P.dates[f.day_of];
    r.event_date = ik::calendar::iso(*day_number(d.value) + f.day_shift);
    r.time_precision = 1;
    ev.add(d, "event_date");
  } else if (reporting_day_ >= 0) {
    r.event_date = std::string(P.dates[reporting_day_].value);
    r.time_precision = 1;
    ev.add(P.dates[reporting_day_], "event_date");
  } else if (const int told = retrospective_day(f); told >= 0) {
    r.event_date = std::string(P.dates[told].value);
    r.time_precision = 2;
    ev.add(P.dates[told], "event_date");
  } else if (P.published.size() >= 10) {
    // Undated: reported as recent news; the publication date stands in, a week's precision.
    r.event_date = P.published.substr(0, 10);
    r.time_precision = 2;
    if (P.published_mention >= 0) ev.add(P.pub_spans[P.published_mention], "event_date");
  }

  // ---- where: the frame's place, its missing admin units from other places of the frame
  std::string location_country;
  if (f.place >= 0) {
    const PlaceM& p = P.places[f.place];
    auto set_str = [&](Str& field, std::string_view v) {
      if (!v.empty() && !field) field = std::string(v);
    };
    set_str(r.country, p.country);
    set_str(r.iso3, p.iso3);
    set_str(r.admin1, p.admin1);
    set_str(r.admin2, p.admin2);
    if (p.rank <= kUnlisted) r.location = p.value;
    else if (p.feature == "admin1"sv) set_str(r.admin1, p.value);
    else if (p.feature == "country"sv) set_str(r.country, p.value);
    if (!std::isnan(p.lat) && !std::isnan(p.lon)) r.latitude = p.lat, r.longitude = p.lon;
    r.geo_precision = p.rank <= kAdmin3 ? p.geo_precision : (p.rank <= kAdmin1 ? std::max(p.geo_precision, 2) : 3);
    if (!r.location) r.location = p.value;
    ev.add(p, "location");
    // An unknown place with no country takes the country of the frame's other places ("the Uru area,
    // southeast of Heiban"), a demonym's ("Sudanese") only when nothing else names one.
    if (p.country.empty()) {
      const PlaceM* by = nullptr;
      for (int si : f.sents)
        for (int i : P.sents[si].places) {
          const PlaceM& q = P.places[i];
          if (i == f.place || q.country.empty()) continue;
          if (!by || (by->rank == kDemonym && q.rank != kDemonym)) by = &q;
        }
      if (by) {
        set_str(r.country, by->country);
        set_str(r.iso3, by->iso3);
      }
    }
    // The admin units of the same frame complete a place the gazetteer did not know.
    for (int si : f.sents)
      for (int i : P.sents[si].places) {
        const PlaceM& q = P.places[i];
        if (i == f.place) continue;
        if (!p.country.empty() && !same_country(q.country, p.country)) continue;
        if (p.country.empty() && (q.rank == kDemonym || q.country.empty())) continue;
        // an unknown village placed by a known town ("Ennerdale, south of Johannesburg") lies in its units
        if (p.rank == kUnlisted && q.relative && q.rank < kUnlisted) {
          set_str(r.admin1, q.admin1);
          set_str(r.admin2, q.admin2);
          set_str(r.country, q.country);
          set_str(r.iso3, q.iso3);
          if (!std::isnan(q.lat) && !std::isnan(q.lon)) {  // better than the unknown place's centroid guess
            r.latitude = q.lat, r.longitude = q.lon;
            r.geo_precision = 2;
          }
          continue;
        }
        if (q.rank <= p.rank) continue;
        if (q.feature == "admin1"sv) set_str(r.admin1, q.admin1.empty() ? q.value : q.admin1);
        if (q.feature == "admin2"sv) set_str(r.admin2, q.admin2.empty() ? q.value : q.admin2);
        set_str(r.country, q.country);
        set_str(r.iso3, q.iso3);
        if (!r.latitude && !std::isnan(q.lat) && !std::isnan(q.lon)) {
          r.latitude = q.lat, r.longitude = q.lon;
          r.geo_precision = 2;
        }
      }
    if (r.country) location_country = *r.country;
  }
  // No place gives the country: a named group's home ("Boko Haram" -> Nigeria), first in the frame,
  // then anywhere in the document. (A state force's nationality is no guide: forces deploy abroad.)
  if (!r.country) {
    const ActorM* home = nullptr;
    for (int si : f.sents)
      for (int i : P.sents[si].actors)
        if (!home && !P.actors[i].home.empty()) home = &P.actors[i];
    for (const ActorM& a : P.actors)
      if (!home && !a.home.empty()) home = &a;
    if (home) {
      r.country = home->home;
      if (!home->home_iso3.empty()) r.iso3 = home->home_iso3;
      ev.add(*home, "country");
    }
  }

  // ---- how many: per sentence, distinct groups named together add up and parts of a stated total
  // do not; across sentences the lead figure stands (later ones repeat or break it down), unless a
  // later sentence adds victims ("also", "another").
  struct Toll {
    double best = ik::sdk::kNone, low = ik::sdk::kNone, high = ik::sdk::kNone;
    bool zero = false, open_high = false;
    bool coded = false;  // the analyst's own figure for this event ("3 fatalities coded for Mar 23")
    bool vague = false;  // no figure given: "dozens", or ACLED's 10 for "several killed"
  };
  std::map<std::string_view, double> victims;  // (ordered as std::string keys would be)
  auto toll = [&](std::string_view kind, const char* field) {  // (a view: c.kind != kind compares sizes first)
    Toll t;
    bool only_vague = false;  // t holds only vague counts ("dozens")
    bool prelim = false;      // t was told as a first report ("the first reports spoke of six dead")
    int one_person = -1;      // t is victims told as persons ("his brother", "his two employees") in this paragraph
    int told_in = -1;         // the sentence t was last counted in
    std::set<int> sides;  // sides of the victims counted so far
    for (int si : f.sents) {
      const std::string_view said = lower(P.sents[si].start, P.sents[si].end - P.sents[si].start);
      std::map<std::string_view, const CasM*> by_group;  // largest figure per victim group
      bool has_whole = false;
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind != kind || c.unknown) continue;
        if (c.negated) { t.zero = true; continue; }
        if (std::isnan(c.number)) continue;
        if (!c.part) has_whole = true;
        if (kind == "killed"sv && !c.group.empty())
          victims[c.group] = std::max(victims[c.group], c.number);
      }
      // Figures side by side ("two soldiers and three civilians") are one event's groups and add
      // up; a figure further on in the sentence is usually another event or an older total.
      std::vector<const CasM*> cluster;
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind != kind || c.unknown || c.negated || std::isnan(c.number)) continue;
        if (c.part && has_whole) continue;
        if (!cluster.empty()) {
          const CasM& prev = *cluster.back();
          const bool adjacent = c.start >= prev.end && c.start - prev.end <= 24 && c.group != prev.group &&
                                std::none_of(cluster.begin(), cluster.end(), [&](const CasM* x) { return x->group == c.group; });
          // "... and killed an additional two": a further figure in the same sentence adds too
          const uint64_t a = c.start >= 24 ? c.start - 24 : 0;
          const std::string_view lead = lower(a, std::min<uint64_t>(c.end, c.start + 20) - a);
          // (not how the count was reached: "recorded 16 killed, after a further seven bodies were recovered")
          const bool more = c.start >= prev.end && c.group != prev.group && adds_word(lead) &&
                            lead.find("after a") == std::string_view::npos &&
                            lead.find("after an") == std::string_view::npos;
          // two people, each told in a clause of their own: "The driver was killed, and the woman also died"
          const bool each = c.start >= prev.end && c.start - prev.end <= 120 && person_told(prev) &&
                            person_told(c) && !prev.part && !c.part &&
                            has_word(lower(prev.end, c.start - prev.end), "and");
          if (!adjacent && !more && !each) break;
        }
        cluster.push_back(&c);
      }
      if (cluster.empty()) continue;
      // "the first counts put the dead at 32; the final toll was at least 48": a later figure of the same
      // sentence that says it updates the count replaces the first
      for (int i : P.sents[si].cas) {
        const CasM& c = P.cas[i];
        if (c.kind != kind || !c.toll || c.unknown || c.negated || std::isnan(c.number) || c.part ||
            c.start < cluster.back()->end)
          continue;
        double sum = 0;
        for (const CasM* x : cluster) sum += x->number;
        if (c.number <= sum) continue;
        const std::string_view between = lower(cluster.back()->end, c.start - cluster.back()->end);
        static const Phrase kUpdated[] = {Phrase("final"), Phrase("later"), Phrase("rose"), Phrase("risen"),
                                          Phrase("climbed"), Phrase("reached"), Phrase("increased"), Phrase("updated")};
        if (std::any_of(std::begin(kUpdated), std::end(kUpdated), [&](const Phrase& w) { return w.whole_word_in(between); }))
          cluster.assign(1, &c);
      }
      // "Three pupils were killed. A fourth pupil died of her injuries": an ordinal victim brings the count to
      // its number (alone, "A seventh Islamist was killed in the same week", it is one death: the others were
      // other events)
      if (const int nth = cluster.size() == 1 && kind == "killed"sv ? ordinal_victim(*cluster.front()) : 0;
          nth && !std::isnan(t.best)) {
        if (nth > t.best) {
          t.best = t.low = nth;
          t.high = t.open_high ? ik::sdk::kNone : nth;
          ev.add(*cluster.front(), field);
        }
        continue;
      }
      double best = 0, low = 0, high = 0;
      bool high_open = false;
      for (const CasM* c : cluster) {
        best += c->number;
        low += std::isnan(c->low) ? c->number : c->low;
        // No bounds at all: an exact figure. A low bound without a high one: "at least".
        if (!std::isnan(c->high)) high += c->high;
        else if (std::isnan(c->low)) high += c->number;
        else high_open = true;
      }
      // "another"/"also" leading up to the figure ("another bomb killed three", "two others were also
      // killed"), not anywhere in the sentence nor inside a list ("the leader and another man")
      bool adds = false, raises = false;
      if (!std::isnan(t.best))
        for (const CasM* c : cluster) {
          const uint64_t a = std::max<uint64_t>(P.sents[si].start, c->start >= 60 ? c->start - 60 : 0);
          // the figure's own words count ("2 additional fatalities")
          const uint64_t m = std::min<uint64_t>(P.sents[si].end, std::max<uint64_t>(c->start + 8, c->end));
          const uint64_t b = std::min<uint64_t>(P.sents[si].end, c->end + 25);
          const std::string_view before = lower(a, m > a ? m - a : 0);
          const std::string_view around = lower(a, b > a ? b - a : 0);
          // ("three more bodies were recovered": the figure's own "more", not "more than 30")
          const std::string_view own = lower(c->start, c->end - c->start);
          adds = adds || adds_word(before) || has_word(around, "also") || as_well(around) || own.ends_with(" more");
          raises = raises || c->toll ||
                   (kind == "killed"sv &&
                    (update_told(said) || finding_sentence(said)));
        }
      // the other side's losses in a later sentence ("32 soldiers killed. 1 rebel killed.") add up, and so
      // do bystanders after the fighting sides ("... killing 10 rebels. Two civilians died in the
      // crossfire."); not the attackers after their victims ("killed 208 civilians. Forces killed 60 of the
      // attackers in the aftermath": another event), nor anyone after a generic group that may hold them
      if (!std::isnan(t.best) && !adds) {
        int s = -1;
        for (const CasM* c : cluster) s = (s == -1 || s == side_of(c->group)) ? side_of(c->group) : 0;
        if (s > 0 && !sides.empty() && !sides.count(s) && !sides.count(0) && !sides.count(3)) adds = true;
      }
      // "the toll has reached eight"; "The first reports spoke of six dead. Our investigation established that
      // 11 civilians were killed": a larger figure after one told as a first report replaces it
      // "a greengrocer who lost his brother in the attack. / Eleven civilians were killed": one victim told
      // as a person, and a count in a later paragraph, is one of the counted
      if ((raises || prelim || (one_person >= 0 && P.sents[si].para > one_person)) && !std::isnan(t.best) && best > t.best && !adds) {
        t = Toll{};
        t.zero = false;
      }
      // "activists reported that more than 90 people had been killed. Human Rights Watch was not able to
      // confirm these figures. The list of names ... contains the names of 64 people killed": the authors'
      // own count replaces figures they said they could not confirm, smaller or not
      if (kind == "killed"sv && !adds && !std::isnan(t.best) && told_in >= 0 && told_in < si &&
          finding_sentence(said) && disowned_between(told_in, si)) {
        t = Toll{};
        t.zero = false;
      }
      // "Dozens killed in gas attack ... At least 86 people were killed": a stated figure within the
      // vague one before it says what it was
      const bool exact = std::all_of(cluster.begin(), cluster.end(), [](const CasM* c) { return c->vague.empty(); });
      if (only_vague && exact && !adds && !std::isnan(t.best) && best >= t.low) {
        t = Toll{};
        t.zero = false;
      }
      if (std::isnan(t.best) || adds) {
        prelim = !adds && first_report(said);
        one_person = std::isnan(t.best) && cluster.size() == 1 && told_as_persons(*cluster.front())
                         ? P.sents[si].para : -1;
        only_vague = (std::isnan(t.best) || only_vague) && !exact;
        t.best = (std::isnan(t.best) ? 0 : t.best) + best;
        t.low = (std::isnan(t.low) ? 0 : t.low) + low;
        t.high = (std::isnan(t.high) ? 0 : t.high) + high;
        t.open_high = t.open_high || high_open;
        told_in = si;
        for (const CasM* c : cluster) ev.add(*c, field), sides.insert(side_of(c->group));
      }
    }
    if (kind == "killed"sv) coded_figure(f, t, ev, field);
    // ACLED's convention for deaths reported without a figure ("several killed", "an unknown number of
    // soldiers were killed"): 10.
    if (std::isnan(t.best) && !t.zero && kind == "killed"sv)
      for (int si : f.sents)
        for (int i : P.sents[si].cas) {
          const CasM& c = P.cas[i];
          if (c.kind != kind || !c.unknown || c.negated || !vague_count(c.vague) || !std::isnan(t.best)) continue;
          // "victims who were killed in an attack (coded separately)": another event's deaths
          const Sentence& S = P.sents[si];
          const std::string_view sent = lower(S.start, S.end - S.start);
          if (sent.find("coded separately") != std::string::npos || sent.find("coded elsewhere") != std::string::npos)
            continue;
          t.best = 10;
          t.vague = true;
          ev.add(c, field);
        }
    t.vague = t.vague || only_vague;
    if (std::isnan(t.best) && t.zero) t.best = t.low = t.high = 0;
    if (t.open_high) t.high = ik::sdk::kNone;
    return t;
  };
  const Toll killed = toll("killed", "fatalities"), injured = toll("injured", "injured");
  r.fatalities = num_or_null(killed.best);
  // A stated total over a run of 2-7 named days in the frame ("70 killed during four days of fighting
  // (17-20/03)") is ACLED's several daily events; process() splits it. Not the analyst's own per-event
  // figure, nor a count the text did not give.
  if (!f.aggregate && !killed.coded && !killed.vague && !std::isnan(killed.best))
    for (const DaysM& d : P.runs)
      if (d.days >= 2 && d.days <= 7 && killed.best >= d.days &&
          std::find(f.sents.begin(), f.sents.end(), d.sent) != f.sents.end()) {
        r.split_days = d.days;
        ev.add(d, "split");
        break;
      }
  r.fatalities_low = num_or_null(killed.low);
  r.fatalities_high = num_or_null(killed.high);
  r.injured = num_or_null(injured.best);
  for (const auto& [g, n] : victims)
    if (!g.empty()) r.victims.emplace_back(g, std::llround(n));

  // ---- with what, against what
  // Sets of views into P (alive for the whole record): no string copied per insert, none built per count("...").
  ViewSet WL, T;
  // A weapon implied by a killing ("39 civilians were killed" -> firearms) not beside an air or artillery
  // strike: the strike says how they died. (Beside a bomb or arson attackers often shoot too.)
  static const std::set<std::string_view> kFromAfar = {"air_strike", "drone", "shelling", "missile", "barrel_bomb",
                                                   "cluster_munition", "incendiary", "chemical"};
  const bool named_weapon = std::any_of(weapons.begin(), weapons.end(), [&](int i) {
    return !P.weapons[i].implied && kFromAfar.count(P.weapons[i].value);
  });
  // ... and in a report that names strikes from afar, a bare "killed" or "attack" implies no gunfire
  const bool afar_in_report = std::any_of(P.weapons.begin(), P.weapons.end(), [&](const TermM& w) {
    return !w.implied && kFromAfar.count(w.value);
  });
  for (int i : weapons) {
    const TermM& w = P.weapons[i];
    if (w.implied && (named_weapon || (afar_in_report && w.conf <= 0.2))) continue;
    if (WL.insert(w.value).second) r.weapons.emplace_back(w.value), ev.add(w, "weapons");
  }
  for (int i : targets)
    if (T.insert(P.targets[i].value).second) r.targets.emplace_back(P.targets[i].value), ev.add(P.targets[i], "targets");

  // ---- who
  const ActorM* perp = nullptr;
  const ActorM* victim = nullptr;
  for (int i : actors)
    if (P.actors[i].role == "perpetrator"sv) { perp = &P.actors[i]; break; }
  if (!perp)
    for (int i : actors) {
      const ActorM& a = P.actors[i];
      if (a.role != "victim"sv && a.inter != 7 && a.inter != 0) { perp = &a; break; }
    }
  for (int i : actors)
    if (P.actors[i].role == "victim"sv && &P.actors[i] != perp) { victim = &P.actors[i]; break; }
  if (!victim)
    for (int i : actors) {
      const ActorM& a = P.actors[i];
      if (&a != perp && (!perp || key(a.value) != key(perp->value))) { victim = &a; break; }
    }

  // named_civ: victims the text calls civilians, children, villagers...; "people" says nothing either way.
  bool civ_victims = false, armed_victims = false, named_civ = false;
  for (int i : cas) {
    const CasM& c = P.cas[i];
    // Who was on the receiving end, even when unhurt ("the officer was not injured").
    if (c.kind != "killed"sv && c.kind != "injured"sv && c.kind != "abducted"sv && c.kind != "missing"sv) continue;
    if (!c.negated && civilian_group(c.group) && c.group != "people"sv) named_civ = true;  // "killed elderly women"
    if (c.unknown) continue;  // "casualties unknown" says nothing about who
    if (armed_group(c.group)) armed_victims = true;
    else if (!c.negated && (civilian_group(c.group) || c.group.empty())) {
      civ_victims = true;
      if (!c.group.empty() && c.group != "people"sv) named_civ = true;
    }
  }
  if (victim) {
    if (victim->inter == 7) civ_victims = true;
    else if (is_armed(victim->inter) && victim->role != "perpetrator"sv && perp && perp->inter != 5 && perp->inter != 6)
      armed_victims = true;  // "Russian forces attacked the Ukrainian military"
  }
  // a military target, unless the military were the ones attacking ("soldiers killed 12 people")
  if (T.count("military") && !(perp && (perp->inter == 1 || perp->inter == 8))) armed_victims = true;
  bool civ_target = false;
  for (const auto& t : T)
    if (civilian_targets().count(t)) civ_target = true;

  // ---- what: ACLED type from triggers, weapons, actors and victims
  // The lead sentence (the frame's first with a trigger) says what happened; later sentences add
  // detail ("a communal clash that had just been resolved" does not make a beating a battle).
  std::span<const int> lead;
  if (f.lead >= 0) lead = P.sents[f.lead].events;
  // (a sentence whose only events are background - "who had fled the fighting in Aleppo" - tells none)
  const auto tells = [&](int si) {
    const auto& ev = P.sents[si].events;
    return std::any_of(ev.begin(), ev.end(), [&](int e) { return !P.events[e].background; });
  };
  for (int si : f.sents)
    if (lead.empty() && tells(si)) { lead = P.sents[si].events; break; }
  for (int si : f.sents)
    if (lead.empty() && !P.sents[si].events.empty()) { lead = P.sents[si].events; break; }
  ViewSet trig, trig_all;
  for (int i : lead)
    if (!P.events[i].background) trig.insert(P.events[i].value);
  for (int i : events) {
    const EventM& e = P.events[i];
    // What a protest was about does not count ("against Israel's attacks", "demanded his arrest"); an
    // arrest told after the protest does ("four of the protesters were detained").
    bool about = e.background;
    if (about && e.value == "arrest"sv) {
      const Sentence& S = P.sents[e.sent];
      const std::string_view before = lower(S.start, e.start - S.start);
      about = before.find("demand") != std::string::npos || before.find("against") != std::string::npos ||
              before.find("release") != std::string::npos || before.find("over the") != std::string::npos ||
              before.find("call") != std::string::npos || before.find("condemn") != std::string::npos;
    }
    if (!about) trig_all.insert(e.value);
  }
  auto has = [&](const char* t) { return trig.count(t) > 0; };
  auto trigger_with = [&](auto pred) -> const EventM* {
    for (int i : lead)
      if (pred(P.events[i])) return &P.events[i];
    for (int i : events)
      if (pred(P.events[i])) return &P.events[i];
    return nullptr;
  };
  const EventM* first_ev = lead.empty() ? nullptr : &P.events[lead.front()];
  // (what a protest is about, told before it - "families of men who were killed ... protested" - is no
  // event of its own)
  for (int i : lead)
    if (!P.events[i].background) { first_ev = &P.events[i]; break; }
  // "a shelter for displaced families was hit by an airstrike": a weak displacement word describes the
  // victims; a violent trigger after it in the sentence tells the event. Likewise a raid that only
  // made arrests ("SDF raided houses in Khsham and arrested 3 people") is an arrest.
  const bool hurt = (!std::isnan(killed.best) && killed.best > 0) || (!std::isnan(injured.best) && injured.best > 0);
  auto raid = [&](const EventM& e) {
    const std::string_view w = lower(e.start, e.end - e.start);
    return w.rfind("raid", 0) == 0 || w.rfind("storm", 0) == 0 || w.rfind("search", 0) == 0;
  };
  if (first_ev && first_ev->conf < 0.5 &&
      (first_ev->value == "other"sv || (first_ev->value == "attack"sv && !hurt && raid(*first_ev))))
    for (int i : lead)
      if (P.events[i].sent == first_ev->sent &&
          (first_ev->value == "other"sv ? P.events[i].value != "other"sv : P.events[i].value == "arrest"sv)) {
        first_ev = &P.events[i];
        break;
      }
  // "deployed in X without fighting", "took over positions ...; no fighting occurred": a handover said
  // outright names the movement or takeover it qualifies, whatever verb came first
  const bool moved = std::any_of(lead.begin(), lead.end(), [&](int i) {
    return P.events[i].value == "territory"sv || P.events[i].value == "group_change"sv;
  });
  for (int i : lead)
    if (moved && P.events[i].sub == "Non-violent transfer of territory"sv && P.events[i].conf >= 0.75 &&
        !P.events[i].background) {
      first_ev = &P.events[i];
      break;
    }
  // "fighters, backed by Turkish artillery, recaptured Saraqib": the support names no event of its own
  if (first_ev && lead.size() > 1) {
    const Sentence& S = P.sents[first_ev->sent];
    const std::string_view before = lower(S.start, first_ev->start - S.start);
    size_t b = std::string_view::npos;
    for (std::string_view w : {"backed by"sv, "supported by"sv})
      if (const size_t at = before.rfind(w); at != std::string_view::npos && (b == std::string_view::npos || at > b)) b = at;
    // (the trigger sits inside the phrase: "backed by Turkish artillery", a few words on, no clause break)
    // (more support may follow in the phrase: "backed by Turkish drone and artillery fire retook ...")
    if (b != std::string_view::npos && before.size() - b < 30 && before.find(',', b) == std::string_view::npos &&
        before.find(" and ", b) == std::string_view::npos) {
      const uint64_t phrase = S.start + b;
      for (int i : lead) {
        const EventM& e = P.events[i];
        if (e.start <= first_ev->end || e.sent != first_ev->sent || e.background) continue;
        const bool support = (e.value == "strike"sv || e.value == "shelling"sv) && e.start - phrase < 60 &&
                             lower(phrase, e.start - phrase).find_first_of(",;") == std::string_view::npos;
        if (support) continue;
        first_ev = &e;
        break;
      }
    }
  }
  // Weapons named (not implied by the actor) in the lead sentence, else anywhere in the frame.
  ViewSet W;
  bool lead_weapons = false;  // W holds weapons of the lead sentence
  // (not the weapon of a background trigger: "in retaliation for the shelling of their village, fighters
  // attacked a checkpoint")
  auto in_background = [&](const TermM& w) {
    return std::any_of(events.begin(), events.end(), [&](int e) {
      return P.events[e].background && P.events[e].start < w.end && w.start < P.events[e].end;
    });
  };
  for (int pass = 0; pass < 2 && W.empty(); ++pass)
    for (int i : weapons) {
      const TermM& w = P.weapons[i];
      if (!w.implied && (pass == 1 || lead.empty() || w.sent == P.events[lead.front()].sent) && !in_background(w))
        W.insert(w.value), lead_weapons = pass == 0;
    }
  // "The deadliest attack took place in Haas ... a series of air strikes hit the school": an attack whose
  // frame names only weapons fired from afar was one of them (not an attack on armed men: "forces attacked
  // Ukrainian forces ... shelled Avdiivka" is a battle)
  const bool all_from_afar = !W.empty() && !(victim && is_armed(victim->inter)) && !has("clash") &&
                             std::find(r.targets.begin(), r.targets.end(), "military") == r.targets.end() &&
                             std::any_of(W.begin(), W.end(), [](std::string_view w) { return kFromAfar.count(w) > 0; }) &&
                             // (an explosive told beside shells is what the shells carried: "high-explosive warheads")
                             std::all_of(W.begin(), W.end(), [](std::string_view w) {
                               return kFromAfar.count(w) > 0 || w == "explosive"sv;
                             });
  std::string type, sub;
  const EventM* type_ev = nullptr;
  // "three bombs struck the market ... the aircraft responsible": a bomb named alone in the lead is the
  // frame's air strike or shelling when the frame names one
  ViewSet W_frame;
  for (int i : weapons)
    if (!P.weapons[i].implied && !in_background(P.weapons[i])) W_frame.insert(P.weapons[i].value);
  auto remote_sub = [&]() -> std::string {
    const bool generic = std::all_of(W.begin(), W.end(), [](std::string_view w) { return w == "explosive"sv; });
    const ViewSet& U = generic ? W_frame : W;
    if (U.count("chemical") || has("chemical")) return "Chemical weapon";
    if (U.count("suicide_bomb")) return "Suicide bomb";
    if (U.count("air_strike") || U.count("drone") || U.count("barrel_bomb")) return "Air/drone strike";
    if (U.count("shelling") || U.count("missile") || U.count("heavy_weapons") || U.count("cluster_munition"))
      return "Shelling/artillery/missile attack";
    if (U.count("ied") || U.count("landmine") || U.count("car_bomb")) return "Remote explosive/landmine/IED";
    if (U.count("grenade")) return "Grenade";
    if (has("strike")) return "Air/drone strike";
    if (has("shelling")) return "Shelling/artillery/missile attack";
    if (has("explosion") || U.count("explosive")) return "Remote explosive/landmine/IED";
    return "";
  };
  // The primary trigger: a heading ("Property destruction:", "Interception:") names the event
  // outright; otherwise the lead sentence's first trigger, the main verb of the report.
  const EventM* primary = trigger_with([](const EventM& x) { return x.heading; });
  if (!primary) primary = first_ev;
  // "On 19 February, the first full day of the offensive, warplanes fired missiles at a hospital": a
  // campaign named in passing is not the event when a strike or shelling is told beside it
  // (told in the frame's next sentence too: "During the government offensive on Eastern Ghouta, teachers
  // moved their classes into basements. On 8 March an airstrike hit the school")
  const bool strike_told = trig_all.count("strike") > 0, shelling_told = trig_all.count("shelling") > 0;
  if (primary && primary->value == "clash"sv && (strike_told || shelling_told)) {
    const std::string_view w = lower(primary->start, primary->end - primary->start);
    if (campaign_noun(w))
      if (const EventM* s = trigger_with([&](const EventM& x) {
            return x.value == (strike_told ? "strike"sv : "shelling"sv) && !x.background;
          }))
        primary = s;
  }
  // "... destroyed a workshop used by terrorists", a claim quoted before the strike that killed two: with
  // a toll, what killed (a strike, shelling, an explosion) is the event rather than a non-violent development
  if (primary && !primary->heading && primary->type == "Strategic developments"sv && killed.best > 0)
    for (const char* v : {"strike", "shelling", "explosion"})
      if (const EventM* s = trigger_with([&](const EventM& x) { return x.value == std::string_view(v); })) {
        primary = s;
        break;
      }
  // "one day after Turkish-backed forces declared the town captured, a suicide bomber drove a car ...",
  // "After SDF forces took control of al-Tabqa, ... an explosive device ... exploded": a takeover told in a
  // clause of time dates the attack; the attack is the event
  if (primary && !primary->heading && primary->value == "territory"sv) {
    const uint64_t from = primary->start >= 80 ? primary->start - 80 : 0;
    const std::string_view before = lower(from, primary->start - from);
    size_t at = std::string_view::npos;
    for (std::string_view w : {"after ", "since "})
      if (const size_t p = before.rfind(w); p != std::string_view::npos && (at == std::string_view::npos || p > at))
        at = p;
    if (at != std::string_view::npos && (at == 0 || !std::isalpha((unsigned char)before[at - 1])) &&
        before.find_first_of(",;:.", at) == std::string_view::npos)
      if (const EventM* s = trigger_with([&](const EventM& x) {
            return !x.background && x.start > primary->start &&
                   (x.value == "strike"sv || x.value == "shelling"sv || x.value == "explosion"sv || x.value == "attack"sv);
          }))
        primary = s;
  }
  std::string_view pv = primary ? primary->value : std::string_view();
  // "Since the offensive began, at least 230 civilians have been killed", in a report on air strikes and
  // shelling: a period total of civilians killed in a campaign is the campaign's remote violence: air
  // strikes when the frame (else the report) names any, else shelling
  std::string campaign_sub;
  if (f.aggregate && civ_victims && !armed_victims && killed.best > 0 && afar_in_report && primary &&
      (primary->value == "clash"sv || primary->value == "attack"sv)) {
    const std::string_view w = lower(primary->start, primary->end - primary->start);
    const bool campaign = primary->value == "attack"sv || campaign_noun(w);
    Reach n;
    for (int i : weapons) n.add(P.weapons[i]);
    if (n.air + n.ground == 0)
      for (const TermM& t : P.weapons) n.add(t);
    if (campaign && n.air + n.ground > 0)
      campaign_sub = n.air > 0 ? "Air/drone strike" : "Shelling/artillery/missile attack";
  }
  // "Fourteen people died there, among them four children", a toll told apart from its strike in a report
  // of air strikes and shelling that names no gun, knife or gunmen anywhere: killed from afar, by what the
  // report names most
  if (!f.aggregate && civ_victims && !armed_victims && killed.best > 0 && W.empty() && campaign_sub.empty() &&
      (!primary || primary->value == "attack"sv)) {
    Reach n;
    for (const TermM& t : P.weapons) n.add(t);
    if (n.air + n.ground >= 3 && n.close == 0) {
      campaign_sub = n.air >= n.ground ? "Air/drone strike" : "Shelling/artillery/missile attack";
      // (nor were they shot: the firearms "killed" implied go, with their evidence)
      r.weapons.erase(std::remove(r.weapons.begin(), r.weapons.end(), "firearms"), r.weapons.end());
      ev.list.erase(std::remove_if(ev.list.begin(), ev.list.end(),
                                   [&](const auto& e) {
                                     return std::strcmp(e.second, "weapons") == 0 &&
                                            static_cast<const TermM*>(e.first)->value == "firearms"sv;
                                   }),
                    ev.list.end());
    }
  }
  // "men", "an unidentified group" taken for a crowd: ACLED codes unnamed attackers as an armed group
  if (perp && perp->inter == 5 && unnamed_attackers(perp->alias)) perp = nullptr;
  // "soldiers beat up students": a beating by an armed force is an attack; only a crowd makes it mob violence
  if (pv == "riot"sv && primary->sub == "Mob violence"sv && perp && is_armed(perp->inter)) pv = "attack"sv;
  // a crowd fires no missiles: with a strike, shelling or an explosion as the lead, or an attack told only
  // with weapons fired from afar, "people" near the verb are its victims, not rioters
  if (perp && perp->inter == 5 && perp->crowd &&
      (pv == "strike"sv || pv == "shelling"sv || pv == "explosion"sv || pv == "chemical"sv ||
       ((pv == "attack"sv || pv.empty()) && all_from_afar)))
    perp = nullptr;
  const bool rioters = perp && perp->inter == 5;
  const bool protesters = perp && perp->inter == 6;
  auto later = [&](const char* t) { return trig_all.count(t) > 0; };
  auto armed_sides = [&] {
    std::set<std::string> sides;
    for (int i : actors)
      if (is_armed(P.actors[i].inter)) sides.insert(key(P.actors[i].value));
    return sides.size();
  };
  type_ev = primary;
  const bool demonstration = pv == "protest"sv || protesters || later("protest");  // a crowd that was demonstrating
  // "protesters stormed the party office": the demonstrators themselves did the violence
  const bool crowd_violence = trigger_with([&](const EventM& a) {
    return a.value == "attack"sv && trigger_with([&](const EventM& p) {
             return p.value == "protest"sv && p.end <= a.start && a.start - p.end <= 2;
           }) != nullptr;
  }) != nullptr;
  if (primary && primary->heading && !primary->type.empty() && primary->type != "Violence against civilians"sv &&
      primary->type != "Explosions/Remote violence"sv) {
    type = primary->type, sub = primary->sub;  // ACLED's own heading
  } else if (pv == "riot"sv || (rioters && pv != "protest"sv) || (pv == "clash"sv && protesters) ||
             ((pv == "protest"sv || protesters) && (later("riot") || has("clash") || crowd_violence))) {
    type = "Riots";
    const EventM* r = trigger_with([](const EventM& x) { return x.type == "Riots"sv && !x.sub.empty(); });
    if (r) sub = r->sub;
    else sub = demonstration ? "Violent demonstration" : "Mob violence";
    // Demonstrators who turn violent ("held a demonstration ... threw rocks at the police"): a violent
    // demonstration, whatever the violent act; a lynching stays mob violence.
    if (demonstration && sub == "Mob violence"sv &&
        !trigger_with([&](const EventM& x) {
          const std::string_view w = lower(x.start, x.end - x.start);
          return w.find("lynch") != std::string::npos || w.find("mob") != std::string::npos ||
                 w.find("justice") != std::string::npos;
        }))
      sub = "Violent demonstration";
  } else if (pv == "protest"sv || (protesters && pv.empty()) ||
             (pv == "arrest"sv && trigger_with([](const EventM& x) { return x.value == "protest"sv; }))) {
    // (an arrest at a protest is the protest's intervention: "police detained 15 as they dispersed a rally")
    type = "Protests";
    sub = (primary && primary->type == "Protests"sv && !primary->sub.empty()) ? primary->sub : "Peaceful protest";
    if (sub == "Peaceful protest"sv && (later("arrest") || later("attack") || later("intervention")))
      sub = "Protest with intervention";
    // Lethal force needs a force that used it: "protested against the death of a girl" tells what the
    // protest was about.
    const bool force_present = std::any_of(actors.begin(), actors.end(), [&](int i) {
      const ActorM& a = P.actors[i];
      if (a.inter != 1 && a.inter != 3) return false;
      const std::string al = lower_ascii(a.alias);
      return al.find("government") == std::string::npos && al.find("authorit") == std::string::npos &&
             al.find("administration") == std::string::npos;
    });
    if (killed.best > 0 && (force_present || later("excessive_force"))) sub = "Excessive force against protesters";
  } else if ((pv == "shelling"sv || pv == "strike"sv) && has("clash") && armed_sides() >= 2 && victim &&
             is_armed(victim->inter) && !f.aggregate &&
             std::none_of(actors.begin(), actors.end(), [&](int i) { return P.actors[i].inter == 7; })) {
    // "shelling and ground fighting at rebel positions": fire that is part of a fight between two armed
    // sides is a battle (not when civilians are among those the frame names)
    type = "Battles", sub = "Armed clash";
  } else if (pv == "chemical"sv || W.count("chemical")) {
    type = "Explosions/Remote violence", sub = "Chemical weapon";
  } else if (!campaign_sub.empty()) {
    type = "Explosions/Remote violence", sub = campaign_sub;
  } else if (std::string rs = remote_sub(); !rs.empty() && (pv == "strike"sv || pv == "shelling"sv || pv == "explosion"sv ||
                                                            (pv == "attack"sv && (lead_weapons || all_from_afar)) || pv.empty())) {
    type = "Explosions/Remote violence", sub = rs;
  } else if (pv == "sexual_violence"sv) {
    type = "Violence against civilians", sub = "Sexual violence";
  } else if (pv == "abduction"sv ||
             (pv == "arrest"sv && later("abduction") && !(perp && (perp->inter == 1 || perp->inter == 8)))) {
    // ("gunmen seized a shopkeeper and demanded a ransom": a seizure for ransom is an abduction; the
    // police arresting "members of a kidnapping gang" is an arrest)
    type = "Violence against civilians", sub = "Abduction/forced disappearance";
  } else if (pv == "clash"sv) {
    // A clash of crowds (party supporters, residents, students) with each other or with the police is
    // a riot, not a battle: no armed group takes part.
    bool armed_group = false, crowd = false;
    for (int i : actors) {
      const int in = P.actors[i].inter;
      armed_group |= in == 2 || in == 3 || in == 4 || in == 8;
      // (people fleeing, "one million people fled their homes", are no party to it)
      const auto& evs = P.sents[P.actors[i].sent].events;
      auto ev_is = [&](const char* v) {
        return std::any_of(evs.begin(), evs.end(), [&](int e) { return P.events[e].value == v; });
      };
      crowd |= in == 5 || in == 6 || (in == 7 && P.actors[i].crowd && !(ev_is("other") && !ev_is("clash")));
    }
    if (crowd && !armed_group) {
      type = "Riots";
      sub = demonstration ? "Violent demonstration" : "Mob violence";
    } else {
      type = "Battles", sub = "Armed clash";
    }
  } else if (pv == "territory"sv) {
    type = primary->type.empty() ? "Battles" : primary->type;
    sub = primary->sub;
    if (type == "Battles"sv)
      sub = (perp && (perp->inter == 1 || perp->inter == 8)) ? "Government regains territory" : "Non-state actor overtakes territory";
  } else if (pv == "attack"sv || (pv.empty() && killed.best > 0) || (pv == "looting"sv && killed.best > 0)) {
    // Violence against someone: a battle when only armed men were on the receiving end.
    // Unnamed victims ("three people were killed in clashes", "killed 15 militants and captured 2")
    // count as a battle when there was fighting or the named victims were armed.
    if (victim && victim->inter == 7 && !victim->crowd) named_civ = true;
    // two armed parties fighting is a battle even when a bystander died ("clashes between the militia
    // and the army killed two militiamen and a civilian")
    std::set<std::string> armed_parties;
    for (int i : actors)
      if (is_armed(P.actors[i].inter)) armed_parties.insert(key(P.actors[i].value));
    const bool two_sides = has("clash") && armed_parties.size() >= 2;
    // armed men attacking armed men first ("militants attacked a position of the VDP; two VDP and three
    // civilians were killed"): a clash, bystanders or not
    const bool armed_object = victim && perp && victim != perp && is_armed(victim->inter) && is_armed(perp->inter) &&
                              victim->role == "victim"sv && key(victim->value) != key(perp->value);
    if ((armed_victims || has("clash") || armed_object) && (!named_civ || two_sides || armed_object))
      type = "Battles", sub = "Armed clash";
    // "forces opened fire on residents protesting fuel shortages, killing one": the victims were
    // demonstrating, and armed men fired on them
    else if (has("protest") && perp && is_armed(perp->inter) && !armed_victims && hurt)
      type = "Protests", sub = "Excessive force against protesters";
    else type = "Violence against civilians", sub = "Attack";
  } else if (primary) {
    type = primary->type, sub = primary->sub;
  }
  if (!type.empty()) r.event_type = type;
  if (!sub.empty()) r.sub_event_type = sub;
  if (type_ev && !type.empty()) ev.add(*type_ev, "event_type");

  // ---- actors by event type
  std::string country = location_country;
  if (country.empty() && perp) country = perp->country;
  std::string actor1, actor2;
  int inter1 = 0, inter2 = 0;
  if (perp) actor1 = perp->value, inter1 = perp->inter;
  // ACLED names unknown perpetrators by country: "Unidentified Armed Group (Mali)".
  if (perp && actor1.rfind("Unidentified", 0) == 0 && actor1.find('(') == std::string::npos && !country.empty())
    actor1 += " (" + country + ")";
  if (victim) actor2 = victim->value, inter2 = victim->inter;
  if (type == "Protests"sv) {
    const ActorM* prot = nullptr;
    for (int i : actors)
      if (P.actors[i].inter == 6) { prot = &P.actors[i]; break; }
    if (prot) actor1 = prot->value, perp = prot;
    else actor1 = country.empty() ? "Protesters" : "Protesters (" + country + ")", perp = nullptr;
    inter1 = 6;
    if (victim == prot) actor2.clear(), inter2 = 0;
  } else if (type == "Riots"sv) {
    const ActorM* riot = nullptr;
    for (int i : actors)
      if (P.actors[i].inter == 5) { riot = &P.actors[i]; break; }
    if (riot) actor1 = riot->value, perp = riot;
    else {
      std::string c = perp && !perp->country.empty() && perp->inter != 1 && perp->inter != 8 ? std::string(perp->country) : country;
      actor1 = c.empty() ? "Rioters" : "Rioters (" + c + ")";
      if (perp && (perp->inter == 1 || perp->inter == 8)) { actor2 = perp->value, inter2 = perp->inter; }
      perp = nullptr;
    }
    inter1 = 5;
  } else if ((!perp || perp->inter == 7) &&
             (type == "Violence against civilians"sv || type == "Explosions/Remote violence"sv || type == "Battles"sv)) {
    // (civilians are never the ones who attack: "an unknown person threw a grenade", "an IED attached
    // to a civilian car" have an unidentified armed group behind them)
    if (perp && !victim) actor2 = perp->value, inter2 = 7;
    actor1 = country.empty() ? "Unidentified Armed Group" : "Unidentified Armed Group (" + country + ")";
    inter1 = 3;
    perp = nullptr;
  }
  // "Interception: militants fired rockets toward Sderot": ACLED's actor1 is the side that stopped them,
  // the forces of the country where it happened (named when the text names them); the shooters are actor2.
  if (sub == "Disrupted weapons use"sv && primary && primary->heading && !location_country.empty() &&
      (!perp || perp->inter != 1 || !same_country(perp->country, location_country))) {
    if (perp) actor2 = actor1, inter2 = inter1;
    const ActorM* state = nullptr;
    for (int i : actors)
      if (P.actors[i].inter == 1 && same_country(P.actors[i].country, location_country)) { state = &P.actors[i]; break; }
    actor1 = state ? state->value : "Military Forces of " + location_country;
    inter1 = 1;
    perp = state;
  }
  // "Displacement: residents fled ...": ACLED's actor1 is the displaced civilians, whoever drove them out actor2.
  if (type == "Strategic developments"sv && primary && primary->heading &&
      lower(primary->start, primary->end - primary->start).rfind("displacement", 0) == 0) {
    if (perp && perp->inter != 7) actor2 = actor1, inter2 = inter1;
    actor1 = country.empty() ? "Civilians" : "Civilians (" + country + ")";
    inter1 = 7;
    perp = nullptr;
  }
  // State forces acting outside their own country are external forces in ACLED's coding.
  if (perp && perp->inter == 1 && !perp->country.empty() && !location_country.empty() &&
      !same_country(perp->country, location_country))
    inter1 = 8;
  if (victim && victim->inter == 1 && !victim->country.empty() && !location_country.empty() &&
      !same_country(victim->country, location_country))
    inter2 = 8;
  if (type == "Violence against civilians"sv && (actor2.empty() || inter2 != 7)) {
    actor2 = country.empty() ? "Civilians" : "Civilians (" + country + ")";
    inter2 = 7;
  }
  if (perp) ev.add(*perp, "actor1");
  if (victim && !actor2.empty() && actor2 == victim->value) ev.add(*victim, "actor2");
  if (!actor1.empty()) r.actor1 = actor1;
  if (!actor2.empty()) r.actor2 = actor2;
  if (inter1) r.inter1 = inter1;
  if (inter2) r.inter2 = inter2;
  for (int i : actors)
    if (P.actors[i].role != "victim"sv && P.actors[i].inter != 7) r.actor1_aliases.emplace_back(P.actors[i].alias);

  // ---- were civilians the target?
  bool civ = false;
  if (type == "Violence against civilians"sv) civ = true;
  else if (type == "Explosions/Remote violence"sv)
    civ = (civ_victims && !armed_victims) || (!civ_victims && !armed_victims && civ_target);
  else if (type == "Riots"sv && sub == "Mob violence"sv)
    civ = !has("clash") && !armed_victims && (civ_victims || civ_target || T.count("vehicle") || inter2 == 7);
  r.civilian_targeting = civ;
  // "Air strikes and shelling on the town killed 31 civilians": a bombardment of a town that names no
  // facility it hit struck the homes of those it killed; the town's name is the evidence.
  if (r.targets.empty() && named_weapon && civ && (r.fatalities.value_or(0) > 0 || r.injured.value_or(0) > 0) &&
      f.place >= 0 && P.places[f.place].rank <= kUnlisted && !foreign(P.places[f.place])) {
    r.targets.emplace_back("residential");
    ev.add(P.places[f.place], "targets");
  }

  // ---- period totals and claims
  r.is_aggregate = f.aggregate;
  if (f.aggregate)
    for (int si : f.sents)
      for (int i : P.sents[si].periods) ev.add(P.periods[i], "is_aggregate");
  std::string status;
  for (int i : modals) {
    const std::string_view v = P.modals[i].value;
    if (v == "denied"sv || (v == "alleged"sv && status != "denied"sv) || (v == "claimed"sv && status.empty())) status = v;
    ev.add(P.modals[i], "status");
  }
  if (!status.empty()) r.status = status;

  // ---- confidence: ranks the main incident first (filled fields, stated date, specific place,
  // explicit trigger, early in the text)
  double c = 0.25;
  if (!events.empty()) c += 0.15;
  if (f.fallback) c -= 0.15;
  if (f.date >= 0) c += f.date_src ? 0.04 : 0.1;
  if (f.place >= 0) c += f.place_src ? 0.03 : (is_specific(P.places[f.place].rank) ? 0.12 : 0.07);
  if (f.place >= 0 && foreign(P.places[f.place])) c -= 0.05;
  if (!std::isnan(killed.best)) c += 0.08;
  if (!std::isnan(injured.best)) c += 0.03;
  if (perp) c += 0.05;
  if (!WL.empty()) c += 0.04;
  const double nsent = std::max<size_t>(1, P.sents.size());
  c += 0.18 * (1.0 - double(f.sents.front()) / nsent);
  if (f.aggregate) c *= kAggregateRank;
  if (status == "alleged"sv) c *= 0.7;
  if (status == "denied"sv) c *= 0.5;
  r.rank_confidence = std::clamp(c, 0.01, 0.99);
  r.confidence = as_written(r.rank_confidence);
  return r;
}

// A total told over a run of days (Record::split_days), as ACLED codes it: the total itself, now an
// aggregate, and one incident a day, each with an even share of the counts. The first day, which ranks
// first, gets the share most days get: the remainder goes to the first days when it covers most of them
// (11 over four days is 3, 3, 3, 2), else to the last ones (70 over four days is 17, 17, 18, 18). The
// days are dated when the run is the record's date.
std::vector<Record> by_day(const Record& r) {
  const int n = r.split_days;
  std::vector<Record> out;
  out.reserve(n + 1);
  const std::optional<long> from = r.event_date ? day_number(*r.event_date) : std::nullopt;
  const std::optional<long> to = r.date_end ? day_number(*r.date_end) : std::nullopt;
  const bool dated = from && to && *to - *from + 1 == n;
  auto share = [n](const std::optional<long long>& total, int day) -> std::optional<long long> {
    if (!total) return std::nullopt;
    const long long extra = *total % n;
    return *total / n + ((extra > n - extra ? day <= extra : day > n - extra) ? 1 : 0);
  };
  for (int day = 1; day <= n; ++day) {
    Record d = r;
    d.split_day = day;
    d.fatalities = share(r.fatalities, day);
    d.fatalities_low = share(r.fatalities_low, day);
    d.fatalities_high = share(r.fatalities_high, day);
    d.injured = share(r.injured, day);
    d.victims.clear();  // which day each group's dead fell on is not told
    if (dated) {
      d.event_date = ik::calendar::iso(*from + day - 1);
      d.date_end.reset();
      d.time_precision = 1;
    }
    d.rank_confidence -= 0.001 * day;  // the first day first; the total after the days
    d.confidence = as_written(d.rank_confidence);
    out.push_back(std::move(d));
  }
  Record total = r;
  total.is_aggregate = true;
  total.rank_confidence *= kAggregateRank;
  total.confidence = as_written(total.rank_confidence);
  out.push_back(std::move(total));
  return out;
}

struct Incidents {
  static constexpr const char* name = "incidents";
  static constexpr const char* version = "v1";
  static constexpr const char* requires_labels = "sentence date place casualty actor weapon target event modality";
  static constexpr const char* assigns = "incident";
  static constexpr const char* default_config = "{}";
  explicit Incidents(const ik::sdk::Config&) {}

  void process(ik::sdk::Doc& doc) const {
    const Parsed P = parse(doc);
    const Assembler A(P, doc.text());
    std::vector<Frame> frames = A.frames();
    std::vector<std::optional<Record>> records(frames.size());
    A.lend_toll(frames, records);
    struct Out {
      std::string rec;  // JSON text
      double conf;
      uint64_t start, end;
    };
    std::vector<Out> out;
    if (doc.text().empty()) return;
    // Two frames that end up with the same record fields are one incident told twice. Most documents
    // have one frame: no identity is cut and kept for it.
    const bool several = std::count_if(frames.begin(), frames.end(), [](const Frame& f) { return f.alive; }) > 1;
    std::set<std::string> seen;
    std::string identity;
    for (size_t fi = 0; fi < frames.size(); ++fi) {
      const Frame& f = frames[fi];
      if (!f.alive) continue;
      const Record r = records[fi] ? std::move(*records[fi]) : A.record(f);
      auto emit = [&](const Record& rec_of) {
        std::string rec = rec_of.json(several ? &identity : nullptr);
        if (several && !seen.insert(std::move(identity)).second) return;
        Out o;
        o.rec = std::move(rec);
        o.conf = rec_of.rank_confidence;
        o.start = P.sents[f.sents.front()].start;
        o.end = std::max(o.start + 1, P.sents[f.sents.front()].end);
        out.push_back(std::move(o));
      };
      if (r.split_days) {
        for (const Record& d : by_day(r)) emit(d);
      } else {
        emit(r);
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const Out& a, const Out& b) { return a.conf > b.conf; });
    for (size_t i = 0; i < out.size(); ++i) {
      ik::sdk::Mention m;
      m.start = out[i].start;
      m.end = std::min<uint64_t>(out[i].end, doc.text().size());
      if (m.end <= m.start) m.start = 0, m.end = doc.text().size();
      m.label = "incident";
      m.number = double(i);
      m.attrs_json = std::move(out[i].rec);
      m.confidence = out[i].conf;
      doc.add(std::move(m));
    }
  }
};

}  // namespace

IK_PLUGIN(ik_incidents, "1.0.0", Incidents)
