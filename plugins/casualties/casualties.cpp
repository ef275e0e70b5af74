// casualties.v1: counts of people killed, injured, missing, abducted and arrested.
//
// Per sentence, one token scan finds triggers (phrase table keyed on the first word) and quantities
// (read_number plus qualifiers, articles, "both", pronouns, "an unknown number of"), then links them:
//   passive   "12 civilians were killed", "17 others wounded", "2 fatalities", "a man was shot dead"
//   active    "killing 12 civilians", "wounded another 25", "claimed the lives of 1,109", "killed a man"
//   toll      "the death toll rose to 15", "Fatalities coded as 10"
//   negation  "no casualties were reported", "no one was killed"      -> number 0, negated
//   unknown   "casualties unknown", "an unspecified number of soldiers killed" -> NaN, unknown
// Lists ("two VDP and three civilians were killed") give one summed mention plus the items as parts;
// breakdowns ("1,109 civilians, including 255 children and 209 women", "12 people - five policemen
// and seven civilians") give the total plus parts (attrs part_of_total, total_of = the total's text).
//
// Numbers (number = best, low, high; NaN when open):
//   "12"                       best 12, low 12, high 12
//   "at least 11", "more than 20", "over 20", "no fewer than 30"   best N, low N, high NaN
//   "up to 30", "as many as 30"                                    best N, high N, low NaN
//   "nearly 50", "almost 50", "close to 50"                         best N, high N (approximate)
//   "about/around/some/approximately 40"                           best N (approximate)
//   "between 10 and 15", "10-15", "10 to 15", "four or five"       best = low = 10, high 15 (ACLED: lower)
//   "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000     best = low (approximate, vague)
//   "several", "many", "a number of", "unknown number of"          NaN (unknown; attrs vague word)
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/text.hpp"
#include "incidentkit/sdk.hpp"

namespace {

using ik::sdk::kNone;
using ik::text::iequals;
using ik::text::Token;
using ik::text::TokenKind;

enum class Kind : uint8_t { Killed, Injured, Missing, Abducted, Arrested };
const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Killed: return "killed";
    case Kind::Injured: return "injured";
    case Kind::Missing: return "missing";
    case Kind::Abducted: return "abducted";
    case Kind::Arrested: return "arrested";
  }
  return "killed";
}

// How a trigger takes its count.
enum class Role : uint8_t {
  Verb,         // "killed": count before it (passive) or after it (active)
  Active,       // "killing", "kills", "shot dead": count after it
  Passive,      // "died", "dead", "deaths", "fatalities", "missing": count before it
  OfNoun,       // "the deaths of", "claimed the lives of", "bodies of": count after it
  Toll,         // "death toll", "fatalities coded as": the next count
  Negation,     // "no casualties", "no one was killed"
  Unknown,      // "casualties unknown", "number of casualties unknown"
  PersonLoss,   // "lost": only "lost 4 fighters/soldiers"
};

struct TriggerDef {
  Kind kind;
  Role role;
  bool both = false;       // negation/unknown/ambiguous: covers killed and injured
  bool summary = false;    // analyst's coded total ("2 fatalities", "fatalities coded as")
  bool ambiguous = false;  // "casualties": killed and/or injured
  bool part = false;       // "among the dead"
};

struct Phrase {
  std::vector<std::string> words;  // lower-case tokens after the first
  TriggerDef def;
};

// Phrase table keyed on the first (lower-case) token.
class Phrases {
 public:
  Phrases() = default;
  Phrases(const Phrases&) = delete;  // the table's keys view first_words_
  Phrases& operator=(const Phrases&) = delete;
  void add(std::string_view phrase, TriggerDef def) {
    std::vector<std::string> words;
    for (const auto& t : ik::text::tokenize(phrase)) words.push_back(ik::text::lower(t.text));
    auto it = table_.find(words.front());
    if (it == table_.end()) it = table_.emplace(first_words_.emplace_back(words.front()), std::vector<Phrase>{}).first;
    first_shape_[shape(words.front())] = true;
    words.erase(words.begin());
    it->second.push_back({std::move(words), def});
  }
  // The longest phrase starting at token i, and its length in tokens.
  std::optional<std::pair<TriggerDef, size_t>> match(const std::vector<std::string_view>& low, size_t i, size_t end) const {
    if (!first_shape_[shape(low[i])]) return std::nullopt;  // most words: no first word has their shape
    auto it = table_.find(low[i]);
    if (it == table_.end()) return std::nullopt;
    const Phrase* best = nullptr;
    for (const auto& p : it->second) {
      if (i + 1 + p.words.size() > end) continue;
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k) ok = low[i + 1 + k] == p.words[k];
      if (ok && (!best || p.words.size() > best->words.size())) best = &p;
    }
    if (!best) return std::nullopt;
    return std::make_pair(best->def, best->words.size() + 1);
  }

 private:
  // A word's length (16 for longer ones) and first byte, for a test cheaper than the hash.
  static size_t shape(std::string_view w) {
    return std::min<size_t>(w.size(), 16) * 256 + (w.empty() ? 0 : static_cast<unsigned char>(w[0]));
  }
  std::deque<std::string> first_words_;  // stable addresses
  std::unordered_map<std::string_view, std::vector<Phrase>> table_;
  std::vector<bool> first_shape_ = std::vector<bool>(17 * 256);  // shapes of the first words
};

// Group words -> the canonical group of LABELS.md.
const std::unordered_map<std::string_view, std::string_view>& groups() {
  static const std::unordered_map<std::string_view, std::string_view> g = {
      {"civilian", "civilians"}, {"civilians", "civilians"}, {"villager", "civilians"}, {"villagers", "civilians"},
      {"resident", "civilians"}, {"residents", "civilians"}, {"farmer", "civilians"}, {"farmers", "civilians"},
      {"worshipper", "civilians"}, {"worshippers", "civilians"}, {"worshipers", "civilians"},
      {"student", "civilians"}, {"students", "civilians"}, {"pupils", "civilians"}, {"passenger", "civilians"},
      {"passengers", "civilians"}, {"passerby", "civilians"}, {"passersby", "civilians"}, {"pilgrims", "civilians"},
      {"herder", "civilians"}, {"herders", "civilians"}, {"herdsmen", "civilians"}, {"herdsman", "civilians"},
      {"traders", "civilians"}, {"trader", "civilians"}, {"vendor", "civilians"}, {"vendors", "civilians"},
      {"shoppers", "civilians"}, {"refugees", "civilians"}, {"refugee", "civilians"}, {"migrants", "civilians"},
      {"idps", "civilians"}, {"nomads", "civilians"}, {"teachers", "civilians"}, {"teacher", "civilians"},
      {"doctors", "civilians"}, {"doctor", "civilians"}, {"medics", "civilians"}, {"paramedics", "civilians"},
      {"paramedic", "civilians"}, {"journalist", "civilians"}, {"journalists", "civilians"},
      {"workers", "civilians"}, {"worker", "civilians"}, {"miners", "civilians"}, {"fishermen", "civilians"},
      {"protesters", "civilians"}, {"protester", "civilians"}, {"demonstrators", "civilians"},
      {"mourners", "civilians"}, {"guests", "civilians"}, {"patients", "civilians"}, {"inhabitants", "civilians"},
      {"child", "children"}, {"children", "children"}, {"boy", "children"}, {"boys", "children"},
      {"girl", "children"}, {"girls", "children"}, {"kids", "children"}, {"minors", "children"},
      {"infant", "children"}, {"infants", "children"}, {"baby", "children"}, {"babies", "children"},
      {"toddler", "children"}, {"schoolchildren", "children"},
      {"woman", "women"}, {"women", "women"}, {"mother", "women"}, {"mothers", "women"}, {"wife", "women"},
      {"man", "men"}, {"men", "men"}, {"brothers", "men"}, {"brother", "men"}, {"father", "men"},
      {"soldier", "soldiers"}, {"soldiers", "soldiers"}, {"troops", "soldiers"}, {"servicemen", "soldiers"},
      {"serviceman", "soldiers"}, {"marines", "soldiers"}, {"paratroopers", "soldiers"}, {"personnel", "soldiers"},
      {"police", "police"}, {"policeman", "police"}, {"policemen", "police"}, {"policewoman", "police"},
      {"policewomen", "police"}, {"officers", "police"}, {"officer", "police"}, {"gendarmes", "police"},
      {"gendarme", "police"}, {"constables", "police"}, {"guards", "police"}, {"bodyguards", "police"},
      {"fighter", "fighters"}, {"fighters", "fighters"}, {"militant", "fighters"}, {"militants", "fighters"},
      {"rebel", "fighters"}, {"rebels", "fighters"}, {"insurgent", "fighters"}, {"insurgents", "fighters"},
      {"jihadist", "fighters"}, {"jihadists", "fighters"}, {"militiamen", "fighters"}, {"vigilantes", "fighters"}, {"militiaman", "fighters"},
      {"gunmen", "fighters"}, {"gunman", "fighters"}, {"attackers", "fighters"}, {"attacker", "fighters"},
      {"assailants", "fighters"}, {"assailant", "fighters"}, {"terrorists", "fighters"}, {"terrorist", "fighters"},
      {"combatants", "fighters"}, {"extremists", "fighters"}, {"bandits", "fighters"}, {"bandit", "fighters"},
      {"suspects", "fighters"}, {"suspect", "fighters"}, {"kidnappers", "fighters"}, {"raiders", "fighters"},
      {"raider", "fighters"},
      // armed groups named as their members: "10 Boko Haram were killed", "15 al-Shabaab", "12 ADF"
      {"haram", "fighters"}, {"shabaab", "fighters"}, {"shabab", "fighters"}, {"adf", "fighters"},
      {"fdlr", "fighters"}, {"lra", "fighters"}, {"iswap", "fighters"}, {"isis", "fighters"}, {"isil", "fighters"},
      {"daesh", "fighters"}, {"taliban", "fighters"}, {"houthis", "fighters"}, {"anti-balaka", "fighters"},
      {"seleka", "fighters"}, {"m23", "fighters"}, {"pkk", "fighters"}, {"ypg", "fighters"},
      {"family", "family"}, {"relatives", "family"}, {"relative", "family"}, {"son", "family"}, {"daughter", "family"},
      {"sons", "family"}, {"daughters", "family"}, {"sister", "women"}, {"sisters", "women"}, {"husband", "men"},
      {"guard", "people"}, {"driver", "civilians"}, {"drivers", "civilians"}, {"companion", "people"},
      {"friend", "people"}, {"friends", "people"}, {"cousin", "family"}, {"nephew", "family"}, {"niece", "family"},
      {"islamist", "fighters"}, {"islamists", "fighters"}, {"elements", "fighters"}, {"emir", "fighters"},
      {"emirs", "fighters"}, {"commander", "fighters"}, {"commanders", "fighters"}, {"conscript", "soldiers"},
      {"conscripts", "soldiers"}, {"recruits", "soldiers"}, {"sergeant", "soldiers"}, {"colonel", "soldiers"},
      {"captain", "soldiers"}, {"lieutenant", "soldiers"}, {"peacekeeper", "soldiers"}, {"peacekeepers", "soldiers"},
      {"ranger", "police"}, {"rangers", "police"}, {"watchman", "civilians"}, {"nightwatchmen", "civilians"},
      {"elder", "civilians"}, {"elders", "civilians"}, {"chief", "people"}, {"chiefs", "people"},
      {"cleric", "civilians"}, {"clerics", "civilians"}, {"imam", "civilians"}, {"pastor", "civilians"},
      {"priest", "civilians"}, {"priests", "civilians"}, {"activist", "civilians"}, {"activists", "civilians"},
      {"lawyer", "civilians"}, {"judge", "civilians"}, {"youth", "civilians"}, {"youths", "civilians"},
      {"staff", "civilians"}, {"employee", "civilians"}, {"employees", "civilians"}, {"occupants", "people"},
      {"official", "people"}, {"officials", "people"}, {"politician", "people"}, {"candidate", "people"},
      {"tribesmen", "people"}, {"inmates", "people"}, {"prisoners", "people"}, {"inmate", "people"},
      {"prisoner", "people"}, {"businessman", "civilians"}, {"citizen", "civilians"}, {"citizens", "civilians"}, {"leader", "people"}, {"leaders", "people"},
      {"thief", "people"}, {"thieves", "people"}, {"robber", "people"}, {"robbers", "people"},
      {"criminal", "people"}, {"criminals", "people"}, {"burglar", "people"}, {"burglars", "people"},
      {"bystander", "civilians"}, {"bystanders", "civilians"}, {"pastoralist", "civilians"},
      {"pastoralists", "civilians"}, {"nurse", "civilians"}, {"nurses", "civilians"}, {"merchant", "civilians"},
      {"merchants", "civilians"}, {"shopkeeper", "civilians"}, {"shopkeepers", "civilians"},
      {"councillor", "people"}, {"councillors", "people"}, {"councilor", "people"}, {"councilors", "people"},
      {"chairman", "people"}, {"pupil", "civilians"}, {"patient", "civilians"}, {"volunteer", "civilians"},
      {"volunteers", "civilians"}, {"rescuer", "civilians"}, {"rescuers", "civilians"}, {"medic", "civilians"},
      {"grandmother", "women"}, {"grandfather", "men"}, {"widow", "women"}, {"shepherd", "civilians"},
      {"shepherds", "civilians"}, {"baker", "civilians"}, {"bakers", "civilians"},
      {"people", "people"}, {"persons", "people"}, {"person", "people"}, {"individuals", "people"},
      {"individual", "people"}, {"others", "people"}, {"victims", "people"}, {"more", "people"},
  };
  return g;
}

// Nouns that are never the people a count refers to: munitions, buildings, animals, units.
bool non_person(std::string_view w) {
  static const std::unordered_map<std::string_view, int> s = {
      {"bombs", 1}, {"bomb", 1}, {"rockets", 1}, {"rocket", 1}, {"missiles", 1}, {"missile", 1}, {"shells", 1},
      {"mortars", 1}, {"mortar", 1}, {"strikes", 1}, {"airstrikes", 1}, {"raids", 1}, {"attacks", 1},
      {"attack", 1}, {"explosions", 1}, {"blasts", 1}, {"explosion", 1}, {"blast", 1}, {"bombings", 1},
      {"vehicles", 1}, {"cars", 1}, {"car", 1}, {"houses", 1}, {"homes", 1}, {"buildings", 1}, {"villages", 1},
      {"times", 1}, {"cattle", 1}, {"goats", 1}, {"cows", 1}, {"animals", 1}, {"livestock", 1}, {"camels", 1},
      {"sheep", 1}, {"pigs", 1}, {"dogs", 1}, {"donkeys", 1}, {"horses", 1}, {"chickens", 1}, {"poultry", 1},
      {"herd", 1}, {"heads", 1}, {"weapons", 1}, {"rounds", 1}, {"bullets", 1}, {"hours", 1}, {"days", 1}, {"weeks", 1},
      {"months", 1}, {"years", 1}, {"km", 1}, {"kilometres", 1}, {"kilometers", 1}, {"miles", 1},
      {"metres", 1}, {"meters", 1}, {"percent", 1}, {"per", 1}, {"tons", 1}, {"tonnes", 1}, {"kg", 1},
      {"dollars", 1}, {"euros", 1}, {"rupees", 1}, {"usd", 1}, {"am", 1}, {"pm", 1}, {"gmt", 1},
      {"barrel", 1}, {"drones", 1}, {"drone", 1}, {"shops", 1}, {"schools", 1}, {"churches", 1}, {"mosques", 1},
      {"incidents", 1}, {"clashes", 1}, {"massacres", 1}, {"operations", 1}, {"cases", 1}, {"tanks", 1},
      {"positions", 1}, {"checkpoints", 1}, {"hospitals", 1}, {"minutes", 1}, {"seconds", 1}, {"o", 1},
      {"year", 1}, {"day", 1}, {"hour", 1}, {"month", 1}, {"week", 1}, {"mm", 1}, {"locations", 1},
      {"events", 1}, {"separate", 1}, {"bodies", 0}, {"plan", 1}, {"plans", 1}, {"operation", 1},
      {"order", 1}, {"orders", 1}, {"mission", 1}, {"warrant", 1}, {"deal", 1}, {"strategy", 1}, {"project", 1},
      {"task", 1}, {"raid", 1}, {"strike", 1}, {"sides", 1}, {"side", 1}, {"parties", 1}, {"camps", 1},
      {"submunitions", 1}, {"submunition", 1}, {"munitions", 1}, {"bomblets", 1}, {"mines", 1}, {"landmines", 1},
      {"projectiles", 1}, {"grenades", 1}, {"fragments", 1}, {"unexploded", 1}, {"tents", 1}, {"stalls", 1},
  };
  auto it = s.find(w);
  return it != s.end() && it->second;
}

// Common misspellings of trigger words in analysts' notes, read as the word meant ("No causalities
// reported", "2 fatalties coded").
const std::unordered_map<std::string_view, std::string_view>& misspellings() {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"causalities", "casualties"}, {"causality", "casualty"}, {"casualites", "casualties"},
      {"casulaties", "casualties"}, {"causualties", "casualties"}, {"fatalties", "fatalities"},
      {"fatalitiies", "fatalities"}, {"fatalites", "fatalities"}, {"fatalaties", "fatalities"},
      {"assasinated", "assassinated"}, {"assassinted", "assassinated"}, {"kiled", "killed"},
      {"killled", "killed"}, {"injuried", "injured"}, {"woundded", "wounded"},
      // abbreviations of logs and tables (their full stop is dropped in process())
      {"incl", "including"}};
  return m;
}

bool is_be(std::string_view w) { return w == "is" || w == "was" || w == "were" || w == "are"; }

bool is_aux(std::string_view w) {
  static const std::unordered_map<std::string_view, int> s = {
      {"was", 1}, {"were", 1}, {"is", 1}, {"are", 1}, {"been", 1}, {"be", 1}, {"being", 1}, {"have", 1},
      {"has", 1}, {"had", 1}, {"got", 1}, {"get", 1}, {"reportedly", 1}, {"also", 1}, {"allegedly", 1},
      {"confirmed", 1}, {"reported", 1}, {"feared", 1}, {"believed", 1}, {"said", 1}, {"to", 1},
      {"all", 1}, {"later", 1}, {"subsequently", 1}, {"instantly", 1}, {"immediately", 1}, {"now", 1},
      {"either", 1}, {"critically", 1}, {"seriously", 1}, {"severely", 1}, {"fatally", 1}, {"badly", 1},
      {"slightly", 1}, {"lightly", 1}, {"gravely", 1}, {"mortally", 1}, {"presumed", 1}, {"thought", 1},
      {"claimed", 1}, {"found", 1}, {"discovered", 1}, {"left", 1}, {"still", 1}, {"apparently", 1}, {"initially", 1},
      {"eventually", 1}, {"known", 1}, {"understood", 1}, {"likely", 1}, {"probably", 1}, {"possibly", 1}, {"then", 1},
      {"were", 1}, {"are", 1}, {"not", 0}, {"supposedly", 1}, {"purportedly", 1}, {"again", 1},
      {"previously", 1}, {"recently", 1}, {"brutally", 1}, {"summarily", 1},
  };
  auto it = s.find(w);
  return it != s.end() && it->second;
}

// Verbs that raise a subject over "to have been killed": "was found to have been killed".
bool raising_verb(std::string_view w) {
  return w == "found" || w == "discovered" || w == "reported" || w == "believed" || w == "said" || w == "thought" ||
         w == "confirmed" || w == "presumed" || w == "feared" || w == "understood" || w == "known" || w == "alleged";
}

// Time words that may sit between a count and its verb ("were on Tuesday killed").
bool is_time_word(std::string_view w) {
  static const std::unordered_map<std::string_view, int> s = {
      {"monday", 1}, {"tuesday", 1}, {"wednesday", 1}, {"thursday", 1}, {"friday", 1}, {"saturday", 1},
      {"sunday", 1}, {"today", 1}, {"yesterday", 1}, {"tonight", 1}, {"overnight", 1}, {"morning", 1},
      {"night", 1}, {"evening", 1}, {"afternoon", 1}, {"earlier", 1}, {"week", 1}, {"weekend", 1}};
  return s.count(w) > 0;
}

// Words that end a subject noun phrase: clause boundaries, prepositions that start another phrase.
bool breaks_phrase(std::string_view w) {
  static const std::unordered_map<std::string_view, int> s = {
      {"when", 1}, {"after", 1}, {"before", 1}, {"while", 1}, {"as", 1}, {"who", 1}, {"whom", 0}, {"which", 1},
      {"that", 1}, {"where", 1}, {"because", 1}, {"since", 1}, {"until", 1}, {"during", 1}, {"in", 1},
      {"on", 1}, {"at", 1}, {"by", 1}, {"with", 1}, {"from", 1}, {"into", 1}, {"but", 1}, {"if", 1},
      {"than", 1}, {"for", 1}, {"near", 1}, {"against", 1}, {"across", 1}, {"between", 1}, {"per", 1},
      {"not", 1}, {"no", 1}, {"never", 1}, {"out", 1}, {"over", 1}, {"including", 1}, {"among", 1},
      {"said", 1}, {"says", 1}, {"say", 1}, {"told", 1}, {"there", 1}, {"it", 1}, {"they", 1}, {"he", 1},
      {"she", 1}, {"we", 1}, {"i", 1}, {"you", 1}, {"this", 1}, {"these", 1}, {"those", 1}, {"would", 1},
      {"could", 1}, {"will", 1}, {"may", 1}, {"might", 1}, {"and", 1}, {"or", 1}, {"along", 1}, {"alongside", 1},
      {"together", 1},
  };
  auto it = s.find(w);
  return it != s.end() && it->second;
}

// A plural noun ("guards", "policemen", "people"); capitalised words are names unless they end like a
// plural demonym ("Christians", "Shiites").
bool plural_word(std::string_view w, bool capitalised) {
  static const std::unordered_map<std::string_view, int> irregular = {
      {"people", 1}, {"children", 1}, {"police", 1}, {"personnel", 1}, {"staff", 1}, {"family", 0},
      {"others", 1}, {"both", 1}, {"them", 1}, {"they", 1}, {"themselves", 1}, {"this", 0}, {"his", 0},
      {"its", 0}, {"us", 0}, {"bus", 0}, {"news", 0}, {"status", 0}, {"campus", 0}, {"series", 0}};
  if (auto it = irregular.find(w); it != irregular.end()) return it->second;
  auto ends = [&](std::string_view s) { return w.size() > s.size() && w.substr(w.size() - s.size()) == s; };
  if (capitalised) return ends("ians") || ends("ans") || ends("ites") || ends("ists") || ends("ims");
  if (ends("men")) return true;
  return w.size() > 3 && w.back() == 's' && !ends("ss") && !ends("us") && !ends("is");
}

// The last word of an organisation's name ("the Islamic State", "Kenya Airways"): no person's body.
bool organisation_head(std::string_view w) {
  static const std::array<std::string_view, 16> kHeads = {"state", "army", "front", "movement", "forces", "party",
                                                          "council", "group", "organisation", "organization",
                                                          "airways", "company", "union", "government", "ministry",
                                                          "authority"};
  return std::find(kHeads.begin(), kHeads.end(), w) != kHeads.end();
}

// A word naming one person: a group word, a name, or an agent noun ("commissioner", "activist").
bool person_noun(std::string_view w, bool capitalised) {
  if (groups().count(w) || capitalised) return true;
  if (non_person(w) || plural_word(w, false)) return false;
  auto ends = [&](std::string_view s) { return w.size() > s.size() + 2 && w.substr(w.size() - s.size()) == s; };
  return ends("er") || ends("or") || ends("ist") || ends("ian") || ends("ant") || ends("ent") || ends("man") ||
         ends("woman");
}

// A count: number, bounds and how it was written.
struct Qty {
  size_t tb = 0, te = 0;  // tokens [tb, te) including the qualifier
  double best = kNone, low = kNone, high = kNone;
  bool approximate = false, vague = false, unknown = false, weak = false;  // weak: article/pronoun/"the"
  std::string vague_word;
};

struct Item {  // one linked count
  Qty q;
  size_t group_end = 0;  // token after the group words
  std::string group = "people";
};

struct Extracted {
  Kind kind;
  uint32_t start, end;
  double best, low, high;
  std::string group;
  double confidence;
  bool negated = false, unknown = false, approximate = false, summary = false, ambiguous = false, part = false,
       toll = false,  // "the death toll rose to 15": the running total
       sum = false;
  std::string total_of, vague_word;
  std::vector<std::string> includes;
};

struct Casualties {
  static constexpr const char* name = "casualties";
  static constexpr const char* version = "v1";
  static constexpr const char* requires_labels = "sentence";
  static constexpr const char* assigns = "casualty";
  static constexpr const char* default_config = "{}";

  Phrases phrases;

  explicit Casualties(const ik::sdk::Config&) {
    using K = Kind;
    using R = Role;
    auto add = [&](std::initializer_list<std::string_view> ps, TriggerDef d) {
      for (auto p : ps) phrases.add(p, d);
    };
    add({"killed", "murdered", "slain", "massacred", "executed", "beheaded", "slaughtered", "lynched", "hanged",
         "lynched to death", "lynch to death", "shot to death", "decapitated", "strangled", "strangled to death",
         "assassinated", "shot dead", "gunned down", "shot and killed", "stabbed to death", "hacked to death",
         "burned to death", "burnt to death", "beaten to death", "beat to death", "stoned to death",
         "clubbed to death", "tortured to death", "burned alive", "burnt alive", "buried alive", "butchered",
         "axed to death", "hacked dead", "macheted to death", "bludgeoned to death",
         "shot to death", "killed instantly", "pronounced dead", "declared dead"},
        {K::Killed, R::Verb});
    add({"killing", "kills", "kill", "murdering", "murders", "executing", "beheading", "slaughtering",
         "massacring", "shooting dead", "shoots dead", "execute", "executes", "assassinate",
         "assassinates", "lynch", "lynches", "behead", "beheads", "slaughters", "neutralized", "neutralised",
         "neutralizing", "neutralising", "eliminated", "eliminating", "eliminates", "murder", "assassinating",
         "burn to death", "burns to death",
         "stab to death", "stabs to death", "hack to death", "hacks to death", "stone to death",
         "stones to death", "beats to death", "shoot dead", "shoot to death", "gun down", "guns down"},
        {K::Killed, R::Active});
    add({"died", "dead", "perished", "lost their lives", "lost his life", "lost her life", "lost their life",
         "deaths", "death", "killed or missing", "drowned", "succumbed", "confirmed dead",
         "bodies", "corpses", "dies", "die", "dying", "lives",
         // the wording of Syrian local councils and monitors, and their translations: "three martyrs"
         "martyrs", "martyr", "martyred", "were martyred", "was martyred",
         // the shorthand of military and civil defence logs: "27 KIA incl. 4 children"
         "kia", "killed in action"},
        {K::Killed, R::Passive});
    // "a bystander sustained a fatal gunshot wound", "the body of a trader was found"
    add({"sustained a fatal", "sustained fatal", "suffered a fatal", "suffered fatal", "received a fatal",
         "sustained a mortal", "suffered a mortal", "body was found", "body was discovered", "body was recovered",
         "body has been found", "body had been found", "body is found", "body found", "bodies found",
         "bodies are found", "bodies were found", "bodies have been found", "bodies were discovered",
         "bodies were recovered"},
        {K::Killed, R::Passive});
    add({"fatalities", "fatality", "fatalities coded", "fatalities recorded", "fatality coded", "fatalities reported",
         "fatality recorded", "coded in a previous event", "coded in previous events", "coded in other events",
         "coded in another event", "coded elsewhere", "recorded in other events", "recorded elsewhere"},
        {K::Killed, R::Passive, false, true});
    add({"among the dead", "among the killed", "among those killed", "among the victims", "among the deceased"},
        {K::Killed, R::Passive, false, false, false, true});
    add({"among the injured", "among the wounded", "among those injured", "among those wounded"},
        {K::Injured, R::Passive, false, false, false, true});
    add({"body of", "dead body of", "deaths of", "death of", "killing of", "killings of", "lives of", "life of", "bodies of", "corpses of",
         "murder of", "murders of", "execution of", "massacre of", "claimed the lives of", "claiming the lives of",
         "claimed the life of", "claiming the life of", "took the lives of", "taking the lives of",
         "martyrdom of"},
        {K::Killed, R::OfNoun});
    add({"injury of", "injuries of", "wounding of"}, {K::Injured, R::OfNoun});
    add({"killers of", "murderers of", "remains of", "slit the throats of", "slitting the throats of",
         "beheading of", "assassination of"},
        {K::Killed, R::OfNoun});
    add({"fatally shot", "fatally stabbed", "fatally wounded", "shot and killed"}, {K::Killed, R::Verb});
    add({"death toll", "toll", "number of dead", "number of deaths", "number of people killed", "number of fatalities",
         "death count", "body count", "final count", "final tally", "final list"},
        {K::Killed, R::Toll});
    // a report's tally line: "Total reported killed in Arbin: 11", "Total injured: 40"
    add({"total killed", "total reported killed", "total dead", "total deaths", "total fatalities"}, {K::Killed, R::Toll});
    add({"total injured", "total reported injured", "total wounded"}, {K::Injured, R::Toll});
    // "Activists first reported four dead. By evening the figure had risen to six": the count of the dead
    // told before, updated
    add({"figure rose to", "figure had risen to", "figure has risen to", "figure climbed to", "number rose to",
         "number had risen to", "number has risen to", "number climbed to"},
        {K::Killed, R::Toll});
    add({"fatalities coded as", "fatalities were coded as", "fatalities recorded as", "coded as", "fatalities coded at",
         "fatalities coded to", "fatalities are coded as", "fatality coded as"},
        {K::Killed, R::Toll, false, true});
    add({"lost"}, {K::Killed, R::PersonLoss});
    add({"wounded", "injured", "hurt", "maimed", "shot and wounded", "shot and injured", "seriously injured",
         "seriously wounded", "critically injured", "slightly injured"},
        {K::Injured, R::Verb});
    add({"wounding", "injuring", "wounds", "injures", "injure", "wound", "hurting", "maiming"}, {K::Injured, R::Active});
    add({"injuries", "hospitalized", "hospitalised", "sustained injuries", "suffered injuries",
         "were hospitalized", "sustained gunshot wounds", "sustained bullet wounds", "injury"},
        {K::Injured, R::Passive});
    add({"injured toll", "number of injured", "number of wounded"}, {K::Injured, R::Toll});
    add({"wia", "wounded in action"}, {K::Injured, R::Passive});  // "40+ WIA", "1 woman WIA"
    add({"casualties", "casualty"}, {K::Killed, R::Passive, true, false, true});
    add({"killed or wounded", "killed or injured", "killed and wounded", "killed and injured", "dead or wounded",
         "dead and wounded", "dead and injured", "dead or injured", "killed or hurt"},
        {K::Killed, R::Verb, true, false, true});
    add({"abducted", "kidnapped", "abducting", "kidnapping", "abducts", "kidnaps", "taken hostage", "held hostage",
         "captured", "taken captive", "carried away", "seized"},
        {K::Abducted, R::Verb});
    add({"abduction of", "kidnapping of", "kidnap of"}, {K::Abducted, R::OfNoun});
    add({"arrested", "detained", "arresting", "arrests", "detaining", "apprehended", "taken into custody",
         "rounded up", "arrest"},
        {K::Arrested, R::Verb});
    add({"arrest of", "detention of"}, {K::Arrested, R::OfNoun});
    add({"missing", "unaccounted for", "disappeared", "went missing", "remain missing"}, {K::Missing, R::Passive});
    // Negations and unknowns.
    for (auto p : {"no casualties", "no casualty", "no deaths", "no fatalities", "no one was killed",
                   "nobody was killed", "no one killed", "no one died", "nobody died", "no one was hurt",
                   "nobody was hurt", "no one was injured", "nobody was injured", "no one was wounded",
                   "without causing casualties", "without causing any casualties", "without casualties",
                   "no reported casualties", "no reports of casualties", "no immediate reports of casualties",
                   "no casualties were reported", "no injuries or deaths", "no deaths or injuries",
                   "no fatalities or injuries", "no lives were lost", "no loss of life", "no loss of lives",
                   "no one was harmed", "nobody was harmed", "no one was killed or injured", "did not cause casualties",
                   "caused no casualties", "no human casualties", "there were no casualties", "no victims"})
      phrases.add(p, {K::Killed, R::Negation, true});
    for (auto p : {"no injuries", "no one was injured", "no injuries were reported", "no one was hurt"})
      phrases.add(p, {K::Injured, R::Negation});
    for (auto p : {"casualties unknown", "casualties are unknown", "casualties were unknown", "casualties remain unknown",
                   "number of casualties unknown", "number of casualties is unknown", "number of casualties remains unknown",
                   "number of casualties are unknown", "fatalities unknown", "fatalities are unknown",
                   "number of fatalities unknown", "unknown casualties", "unknown number of casualties",
                   "unspecified number of casualties", "unknown number of fatalities", "unspecified number of fatalities",
                   "unknown fatalities", "casualties not known", "casualty figures unknown",
                   "number of fatalities not yet verified", "exact numbers are currently unknown",
                   "exact number of casualties", "unspecified number of dead", "unknown number of dead",
                   "unknown number of deaths", "unspecified number of deaths", "a number of deaths",
                   "a number of fatalities", "a number of casualties",
                   "heavy casualties", "heavy casualities", "heavy causalities", "heavy losses", "huge casualties",
                   "heavy loss of life", "heavy death toll", "number of casualties not known",
                   "number of dead unknown", "number of dead not known", "undisclosed casualties",
                   "undisclosed casualty", "unidentified number of casualties", "undetermined number of casualties"})
      phrases.add(p, {K::Killed, R::Unknown, true});
    // Casualties said to have occurred, with no figure ("casualties reported, exact figures not known",
    // "the battle caused casualties"): ACLED codes such deaths as 10, like "an unknown number". ("Deaths
    // reported" is left out: a figure almost always goes before it, "six deaths reported".)
    for (auto p : {"casualties reported", "causalities reported", "casualties were reported", "causalities were reported",
                   "casualties have been reported", "reported casualties", "caused casualties", "causing casualties",
                   "left casualties", "leaving casualties", "suffered casualties", "suffered fatalities",
                   "inflicted casualties", "inflicting casualties", "resulted in casualties",
                   "resulting in casualties", "casualties occurred", "casualties had occurred", "some casualties",
                   "suffered an unknown number of causalities", "unknown number of causalities"})
      phrases.add(p, {K::Killed, R::Unknown, true});
    for (auto p : {"no casualties reported", "no specific casualties", "no known casualties", "no causalities",
                   "no causalities were reported", "no reported causalities"})
      phrases.add(p, {K::Killed, R::Negation, true});
  }

  // ------------------------------------------------------------------ quantities
  struct Ctx {
    std::string_view text;
    const std::vector<Token>& tok;
    const std::vector<std::string_view>& low;  // the tokens lower-cased (ASCII)
    size_t sb, se;  // sentence token range
    bool word(size_t i, std::string_view w) const { return i < se && low[i] == w; }
  };

  // The token after an age that begins at number token i and has a word after it ("12-year-old daughter"),
  // or i when none.
  static size_t age_end(const Ctx& c, size_t i) {
    if (i + 5 >= c.se || c.tok[i].kind != TokenKind::Number || c.low[i + 1] != "-" ||
        !(c.low[i + 2] == "year" || c.low[i + 2] == "month") || c.low[i + 3] != "-" || c.low[i + 4] != "old")
      return i;
    return i + 5;
  }

  static bool is_month(std::string_view w) {
    static const std::unordered_map<std::string_view, int> m = {
        {"january", 1}, {"february", 1}, {"march", 1}, {"april", 1}, {"may", 1}, {"june", 1}, {"july", 1},
        {"august", 1}, {"september", 1}, {"october", 1}, {"november", 1}, {"december", 1}, {"jan", 1},
        {"feb", 1}, {"mar", 1}, {"apr", 1}, {"jun", 1}, {"jul", 1}, {"aug", 1}, {"sep", 1}, {"sept", 1},
        {"oct", 1}, {"nov", 1}, {"dec", 1}};
    return m.count(w) > 0;
  }

  // The bare number at i (digits or words), rejecting dates, ages, times, years, measures and labels.
  static std::optional<ik::text::Number> bare_number(const Ctx& c, size_t i) {
    const auto& tok = c.tok;
    if (i >= c.se) return std::nullopt;
    auto n = ik::text::read_number(tok, i);
    if (!n) return std::nullopt;
    const size_t e = i + n->token_count;
    // vague words only as counts: "hundreds of people" yes, "hundreds" alone fine
    if (tok[i].kind == TokenKind::Number) {
      if (tok[i].text.find('.') != std::string_view::npos) return std::nullopt;  // decimals
      if (n->value >= 1900 && n->value <= 2100 && tok[i].text.size() == 4) return std::nullopt;  // years
    }
    if (i > c.sb) {
      const std::string_view p = c.low[i - 1];
      if (is_month(p) || p == "resolution" || p == "article" || p == "no" || p == "number" || p == "route" ||
          p == "$" || p == "#" || p == "brigade" || p == "division" || p == "battalion" || p == "unit" ||
          p == "section" || p == "page" || p == "chapter" || p == "aged" || p == "age" || p == "km" ||
          p == "kilometre" || p == "kilometer" || p == "highway" || p == "road" || p == "/" ||
          p == "€" || p == "£" || p == "zone" || p == "sector" || p == "phase" || p == "camp")
        return std::nullopt;
      if (p == "." && tok[i - 1].start == tok[i].start - 1) return std::nullopt;
      // a time's minutes ("07:45"), not a label's value ("Casualties: 1 killed")
      if (p == ":" && tok[i - 1].end == tok[i].start) return std::nullopt;
      // a code's number: "PP-51", "F-16", "Su-24" (letters, a dash and the digits written together)
      if (p == "-" && i >= c.sb + 2 && tok[i].kind == TokenKind::Number && tok[i - 1].end == tok[i].start &&
          tok[i - 2].end == tok[i - 1].start && tok[i - 2].kind == TokenKind::Word && tok[i - 2].capitalised)
        return std::nullopt;
      // "Jan. 9": a day after an abbreviated month
      if (p == "." && i >= c.sb + 2 && is_month(c.low[i - 2])) return std::nullopt;
      // the second day of "Mar 23 and 24", "18 to 19 Feb": its first day follows or precedes a month
      if ((p == "and" || p == "to" || p == "-" || p == "\xE2\x80\x93" || p == "&") && i >= c.sb + 3 &&
          tok[i - 2].kind == TokenKind::Number && is_month(c.low[i - 3]))
        return std::nullopt;
      // ages given as a range: "aged between 7 and 12", "aged 7 to 12", "between the ages of 7 and 12"
      const auto age_at = [&](size_t k) {
        return k >= c.sb && k < i && (c.low[k] == "aged" || c.low[k] == "age" || c.low[k] == "ages");
      };
      const auto opens_ages = [&](size_t k) {  // the words before a range's first number
        return k >= c.sb + 1 && (age_at(k) || ((c.low[k] == "between" || c.low[k] == "from") && age_at(k - 1)) ||
                                 (c.low[k] == "of" && age_at(k - 1)));
      };
      if (opens_ages(i - 1)) return std::nullopt;
      // an age set off after a person's full name: "Marie Colvin, 56, and Remi Ochlik, 28, were killed"
      if (p == "," && i >= c.sb + 3 && e < c.se && c.low[e] == "," && tok[i].kind == TokenKind::Number &&
          tok[i - 2].kind == TokenKind::Word && tok[i - 2].capitalised && tok[i - 3].kind == TokenKind::Word &&
          tok[i - 3].capitalised && tok[i - 2].start > tok[i - 3].end)
        return std::nullopt;
      // a list of ages: "Three children, aged 9, 11 and 13, were killed"
      // (number, separator, number ... back to "aged": not ", and 3 neighbours" after the ages)
      if (p == "," || p == "and") {
        size_t k = i - 1;  // a separator
        while (k >= c.sb + 2 && k + 9 > i && tok[k - 1].kind == TokenKind::Number &&
               (c.low[k] == "," || c.low[k] == "and")) {
          if (age_at(k - 2)) return std::nullopt;
          k -= 2;
        }
      }
      // "In three of them civilians were killed", "in two cases": a count of the cases told, not of victims
      // ("resulted in 12 deaths" stays a count)
      if (p == "in" && e + 1 < c.se &&
          ((c.low[e] == "of" && (c.low[e + 1] == "them" || c.low[e + 1] == "these" || c.low[e + 1] == "those")) ||
           c.low[e] == "cases" || c.low[e] == "incidents" || c.low[e] == "instances" || c.low[e] == "attacks"))
        return std::nullopt;
      if ((p == "and" || p == "to" || p == "-" || p == "\xE2\x80\x93") && i >= c.sb + 3 &&
          tok[i - 2].kind == TokenKind::Number && opens_ages(i - 3))
        return std::nullopt;
      // a number right after a count is a unit's name: "one 21 Brigade fighter"
      if (tok[i].kind == TokenKind::Number && tok[i - 1].kind == TokenKind::Number) return std::nullopt;
      if (tok[i].kind == TokenKind::Number && tok[i - 1].kind == TokenKind::Word)
        if (auto prev = ik::text::read_number(tok, i - 1); prev && !prev->vague && prev->token_count == 1)
          return std::nullopt;
      // the end of a date range ("Mar.4-6"): its start was not a count either
      if (p == "-" && i >= c.sb + 3 && tok[i - 2].kind == TokenKind::Number && tok[i - 2].end == tok[i - 1].start &&
          (is_month(c.low[i - 3]) || c.low[i - 3] == "."))
        return std::nullopt;
    }
    if (e < c.se) {
      const std::string_view nx = c.low[e];
      if (is_month(nx) || nx == ":" || nx == "%" || nx == "/" || nx == "th" || nx == "st" || nx == "nd" || nx == "rd")
        return std::nullopt;
      if (nx == "-" && e + 1 < c.se && (c.low[e + 1] == "year" || c.low[e + 1] == "years" || c.low[e + 1] == "month" ||
                                         c.low[e + 1] == "day" || c.low[e + 1] == "km" || c.low[e + 1] == "hour"))
        return std::nullopt;  // "16-year-old", "3-day"
      if ((nx == "year" || nx == "years") && e + 1 < c.se && c.low[e + 1] == "old") return std::nullopt;
      if (nx == "of" && e + 1 < c.se && is_month(c.low[e + 1])) return std::nullopt;
      // a unit's number: "the 115 Brigade", "21 Infantry Battalion"
      if (tok[i].kind == TokenKind::Number && tok[e].capitalised &&
          (nx == "brigade" || nx == "battalion" || nx == "division" || nx == "regiment" || nx == "infantry" ||
           nx == "mechanized" || nx == "mechanised" || nx == "corps" || nx == "squadron" || nx == "armoured" ||
           nx == "armored" || nx == "artillery"))
        return std::nullopt;
    }
    return n;
  }

  // A small set of lower-case words, found by first letter and length before any comparison: for tests
  // that run on nearly every token.
  class WordList {
   public:
    template <class... Lists>
    explicit WordList(const Lists&... lists) {
      (add(lists), ...);
    }
    template <class List>
    void add(const List& list) {
      for (std::string_view w : list) {
        if (!fits(w)) throw std::logic_error("WordList: not a short lower-case word");
        buckets_[slot(w)].push_back(w);
      }
    }
    bool contains(std::string_view w) const {
      if (!fits(w)) return false;
      for (auto x : buckets_[slot(w)])
        if (x == w) return true;
      return false;
    }

   private:
    static constexpr size_t kLongest = 15;
    static bool fits(std::string_view w) { return !w.empty() && w.size() <= kLongest && w[0] >= 'a' && w[0] <= 'z'; }
    static size_t slot(std::string_view w) { return size_t(w[0] - 'a') * (kLongest + 1) + w.size(); }
    std::array<std::vector<std::string_view>, 26 * (kLongest + 1)> buckets_;
  };

  // The first words of the qualifiers in qty_at().
  static constexpr std::array<std::string_view, 25> kQualifierFirstWords = {
      "at", "no", "not", "a", "more", "over", "upwards", "in", "up", "as", "nearly", "almost", "close", "just",
      "about", "around", "approximately", "some", "roughly", "an", "estimated", "approx", "circa",
      "reportedly", "between"};

  // A count at i with its qualifier: "at least 11", "between 10 and 15", "a man", "an unknown number of".
  static std::optional<Qty> qty_at(const Ctx& c, size_t i) {
    // Every count below starts with one of these words (each is compared with low[i] on some path) or
    // with a number: other tokens, most of them, are turned away at once. A new path that starts with
    // another word must add it here.
    static const WordList kCountStart(
        kQualifierFirstWords,
        std::array<std::string_view, 24>{"their", "his", "her", "another", "further", "other", "additional", "the",
                                         "unknown", "unspecified", "unidentified", "undetermined", "undisclosed",
                                         "unconfirmed", "large", "high", "significant", "exact", "heavy",
                                         "several", "many", "numerous", "one", "both"});
    if (i >= c.se || (!kCountStart.contains(c.low[i]) && !ik::text::may_start_number(c.tok[i])))
      return std::nullopt;
    const auto& low = c.low;
    Qty q;
    q.tb = i;
    size_t k = i;
    enum { None, AtLeast, UpTo, Nearly, About, Between } qual = None;
    // Inlined: each call's words are then constants, compared without a call or a loop.
#if defined(__GNUC__)
#define IK_TAKE_INLINE __attribute__((always_inline))
#else
#define IK_TAKE_INLINE
#endif
    auto take = [&](std::initializer_list<std::string_view> ws) IK_TAKE_INLINE {
      size_t j = k;
      for (auto w : ws) {
        if (j >= c.se || low[j] != w) return false;
        ++j;
      }
      k = j;
      return true;
    };
    // Most tokens start no qualifier: one look-up is cheaper than trying every qualifier.
    static const WordList kQualifierFirst(kQualifierFirstWords);
    if (k >= c.se || !kQualifierFirst.contains(low[k])) {
      // no qualifier
    } else if (take({"at", "least"}) || take({"no", "fewer", "than"}) || take({"no", "less", "than"}) ||
        take({"not", "less", "than"}) || take({"a", "minimum", "of"}) || take({"more", "than"}) ||
        take({"over"}) || take({"upwards", "of"}) || take({"in", "excess", "of"}) || take({"a", "total", "of"}) ||
        take({"not", "fewer", "than"}) || take({"at", "minimum"})) {
      qual = (low[i] == "a" && low[i + 1] == "total") ? None : AtLeast;
      q.approximate = low[i] == "more" || low[i] == "over" || low[i] == "upwards" || low[i] == "in";
    } else if (take({"up", "to"}) || take({"as", "many", "as"})) {
      qual = UpTo;
    } else if (take({"nearly"}) || take({"almost"}) || take({"close", "to"}) || take({"just", "under"})) {
      qual = Nearly;
    } else if (take({"about"}) || take({"around"}) || take({"approximately"}) || take({"some"}) ||
               take({"roughly"}) || take({"an", "estimated"}) || take({"estimated"}) || take({"approx"}) ||
               take({"circa"}) || take({"reportedly"})) {
      qual = About;
    } else if (take({"between"})) {
      qual = Between;
    }
    // "their two sons", "his three children": the possessive before a count (not an age: "his 12-year-old")
    if (qual == None && k + 1 < c.se && (low[k] == "their" || low[k] == "his" || low[k] == "her") &&
        c.tok[k + 1].kind == TokenKind::Number && age_end(c, k + 1) == k + 1)
      ++k;
    else if (qual == None && k + 1 < c.se && (low[k] == "their" || low[k] == "his" || low[k] == "her") &&
             bare_number(c, k + 1) && low[k + 1] != "one")
      ++k;
    const bool another = take({"another"});
    another || take({"a", "further"}) || take({"further"}) || take({"other"});
    // "an additional two attackers" (not "an additional judge": that is "a judge")
    if (k + 2 < c.se && low[k] == "an" && low[k + 1] == "additional" && bare_number(c, k + 2)) k += 2;
    else if (k + 1 < c.se && low[k] == "additional" && bare_number(c, k + 1)) k += 1;
    if (qual != None && qual != Between && k < c.se && low[k] == "at" && k + 1 < c.se && low[k + 1] == "least") k += 2;
    if (k >= c.se) return std::nullopt;
    // unknown counts
    {
      size_t j = k;
      if (low[j] == "an" || low[j] == "a" || low[j] == "the") ++j;
      if (j + 2 < c.se + 1 && j + 1 < c.se &&
          (low[j] == "unknown" || low[j] == "unspecified" || low[j] == "unidentified" || low[j] == "undetermined" ||
           low[j] == "undisclosed" || low[j] == "unconfirmed" || low[j] == "large" || low[j] == "high" ||
           low[j] == "significant" || low[j] == "exact" || low[j] == "heavy") &&
          (low[j + 1] == "number" || low[j + 1] == "numbers") && j + 2 < c.se && low[j + 2] == "of") {
        q.te = j + 3;
        q.unknown = true;
        q.vague_word = low[j];
        return q;
      }
      if (low[k] == "a" && k + 2 < c.se && low[k + 1] == "number" && low[k + 2] == "of") {
        q.te = k + 3;
        q.unknown = true;
        q.vague_word = "a number of";
        return q;
      }
      if (low[k] == "several" || low[k] == "many" || low[k] == "numerous" ||
          (low[k] == "a" && k + 1 < c.se && low[k + 1] == "few") || (low[k] == "some" && qual == None)) {
        q.te = k + (low[k] == "a" ? 2 : 1);
        if (q.te < c.se && low[q.te] == "of") ++q.te;
        q.unknown = true;
        q.vague_word = low[k] == "a" ? "a few" : low[k];
        return q;
      }
    }
    auto n = bare_number(c, k);
    if (!n && qual == About && low[i] == "some" && k == i + 1 && c.tok[k].kind == TokenKind::Word &&
        (groups().count(low[k]) || c.tok[k].capitalised || low[k] == "casualties" || low[k] == "fatalities" ||
         low[k] == "deaths" || low[k] == "dead") &&
        !breaks_phrase(low[k]) && low[k] != "more") {
      q.te = k;  // "some Boko Haram were killed": "some" as a count, no number
      q.unknown = true;
      q.vague_word = "some";
      return q;
    }
    if (!n) {
      if (qual != None) return std::nullopt;
      if (another && k < c.se && c.tok[k].kind == TokenKind::Word) {  // "and another soldier"
        q.te = k;
        q.best = q.low = q.high = 1;
        q.weak = true;
        return q;
      }
      // "a man", "an elderly woman", "a 16-year-old Palestinian": one person
      if ((low[k] == "a" || low[k] == "an" || low[k] == "one") && k + 1 < c.se) {
        const std::string_view nx = low[k + 1];
        // "a (Chinese) couple": two; "a couple of men": about two; "a (Christian) family of seven": seven
        for (size_t h = k + 1; h < c.se && h <= k + 3; ++h) {
          const bool of_next = h + 1 < c.se && low[h + 1] == "of";
          if (low[h] == "couple") {
            q.te = of_next ? h + 2 : h + 1;
            q.best = q.low = q.high = 2;
            q.approximate = of_next;
            return q;
          }
          if (low[h] == "family" && of_next && h + 2 < c.se) {
            if (auto n = qty_at(c, h + 2); n && !std::isnan(n->best) && n->best >= 2 && n->best <= 30) {
              q.te = n->te;
              q.best = q.low = q.high = n->best;
              return q;
            }
          }
          if (c.tok[h].kind != TokenKind::Word || low[h] == "of" || low[h] == "and") break;  // through adjectives only
        }
        if (nx == "number" || nx == "few" || nx == "lot" || nx == "total" || nx == "further" || nx == "series" ||
            nx == "wave" || nx == "group" || nx == "couple" || nx == "dozen" || nx == "hundred" || nx == "thousand")
          return std::nullopt;
        q.te = k + 1;
        q.best = q.low = q.high = 1;
        q.weak = true;
        return q;
      }
      // "killing him and his guard", "four children and their teacher"
      if ((low[k] == "his" || low[k] == "her" || low[k] == "their") && k + 1 < c.se) {
        static const std::unordered_map<std::string_view, int> kin = {
            {"wife", 1}, {"husband", 1}, {"son", 1}, {"daughter", 1}, {"brother", 1}, {"sister", 1}, {"father", 1},
            {"mother", 1}, {"guard", 1}, {"bodyguard", 1}, {"driver", 1}, {"friend", 1}, {"companion", 1},
            {"colleague", 1}, {"cousin", 1}, {"nephew", 1}, {"niece", 1}, {"child", 1}, {"relative", 1},
            {"assistant", 1}, {"aide", 1}, {"uncle", 1}, {"grandson", 1}, {"granddaughter", 1}, {"teacher", 1},
            {"neighbour", 1}, {"neighbor", 1}, {"grandmother", 1}, {"grandfather", 1}, {"guide", 1}, {"aunt", 1}};
        size_t h = k + 1;
        h = age_end(c, h);  // "his 12-year-old daughter": an age before the noun
        if (h + 1 < c.se && kin.count(low[h]) == 0 && kin.count(low[h + 1])) ++h;  // "his young son"
        if (kin.count(low[h])) {
          q.te = k + 1;
          q.best = q.low = q.high = 1;
          q.weak = true;
          return q;
        }
        return std::nullopt;
      }
      if (low[k] == "both") {
        q.te = k + 1;
        q.best = q.low = q.high = 2;
        return q;
      }
      return std::nullopt;
    }
    q.te = k + n->token_count;
    if (q.te < c.se && low[q.te] == "of" && n->vague) ++q.te;  // "dozens of"
    const double v = n->value;
    q.best = v;
    if (n->vague) {
      q.low = v;
      q.approximate = q.vague = true;
      q.vague_word = std::string(c.tok[k].text);
      return q;
    }
    // second number of a range: "10 and 15", "10-15", "10 to 15", "four or five"
    size_t r = q.te;
    if (r + 1 < c.se && (low[r] == "-" || low[r] == "\xE2\x80\x93" || low[r] == "to" || low[r] == "or" ||
                         (qual == Between && low[r] == "and"))) {
      if (auto m = bare_number(c, r + 1); m && !m->vague && m->value > v && m->value < v * 10 + 10) {
        q.te = r + 1 + m->token_count;
        q.low = v;
        q.high = m->value;
        return q;
      }
    }
    switch (qual) {
      case AtLeast: q.low = v; break;
      case UpTo: q.high = v; break;
      case Nearly: q.high = v; q.approximate = true; break;
      case About: q.approximate = true; break;
      case Between: return std::nullopt;
      case None: q.low = q.high = v; break;
    }
    return q;
  }

  // Group words after a count, up to `limit`: "civilians", "members of the same family", "Taliban fighters".
  std::string group_after(const Ctx& c, size_t from, size_t limit, size_t& end, bool* known = nullptr) const {
    std::string g;
    if (known) *known = false;
    size_t i = from;
    end = from;
    const auto& G = groups();
    for (; i < c.se && i < from + limit; ++i) {
      const std::string_view w = c.low[i];
      const Token& t = c.tok[i];
      if (t.kind == TokenKind::Punct) {
        // a unit's acronym inside the phrase: "a Central Security Forces (CSF) officer"
        if (w == "(" && i + 3 < c.se && c.low[i + 2] == ")" && c.tok[i + 1].capitalised &&
            c.tok[i + 3].kind == TokenKind::Word && !phrases.match(c.low, i + 3, c.se)) {
          i += 2;
          continue;
        }
        // only word-internal marks: "pro-government", "Shi'ite"
        const bool inside = i > 0 && i + 1 < c.se && c.tok[i - 1].end == t.start && t.end == c.tok[i + 1].start;
        if (!inside || (w != "-" && w != "'" && w != "\xE2\x80\x99")) break;
        continue;
      }
      if (phrases.match(c.low, i, c.se)) {
        // "five disappeared Fertit men", "two missing children": a participle before the noun
        // ("25 wounded Thursday", "3 wounded persons survived": a count's own trigger, so not "wounded")
        const bool adjective = (w == "disappeared" || w == "missing" || w == "abducted" || w == "kidnapped" ||
                                w == "detained" || w == "arrested") && i + 1 < c.se &&
                               c.tok[i + 1].kind == TokenKind::Word && !is_aux(c.low[i + 1]) &&
                               !is_time_word(c.low[i + 1]) && !is_month(c.low[i + 1]) &&
                               !breaks_phrase(c.low[i + 1]) && !phrases.match(c.low, i + 1, c.se) &&
                               (c.tok[i + 1].capitalised || G.count(c.low[i + 1]));
        if (!adjective) break;  // a trigger ends the phrase
        continue;
      }
      const bool age = i + 2 < c.se && ((c.low[i + 1] == "-" && (c.low[i + 2] == "year" || c.low[i + 2] == "years" ||
                                                                 c.low[i + 2] == "month")) ||
                                          ((c.low[i + 1] == "year" || c.low[i + 1] == "years") && c.low[i + 2] == "old"));
      if (t.kind == TokenKind::Number || age) {  // an age inside the phrase: "a 16-year-old", "a four-year-old"
        size_t k = i + 1;
        if (k < c.se && c.low[k] == "-") ++k;
        if (k < c.se && (c.low[k] == "year" || c.low[k] == "years")) {
          ++k;
          if (k < c.se && c.low[k] == "-") ++k;
          if (k < c.se && c.low[k] == "old") ++k;
          i = k - 1;
          end = k;
          continue;
        }
        // a unit's number inside the phrase: "one 21 Brigade fighter"
        if (t.kind == TokenKind::Number && i > from - 1 && i + 1 < c.se && c.tok[i + 1].capitalised &&
            c.tok[i + 1].kind == TokenKind::Word)
          continue;
        break;
      }
      // a non-person noun heads no victim phrase, but may modify one ("cattle raider")
      if (non_person(w) && !(i + 1 < c.se && c.tok[i + 1].kind == TokenKind::Word &&
                             person_noun(c.low[i + 1], false) && !phrases.match(c.low, i + 1, c.se)))
        return "";
      if (auto it = G.find(w); it != G.end()) {
        // a group word naming a place or vehicle of theirs: "a nearby police post", "an army base"
        static const WordList kPostOf(std::array<std::string_view, 15>{
            "post", "posts", "station", "stations", "checkpoint", "headquarters", "base", "bases", "camp",
            "barracks", "vehicle", "vehicles", "truck", "trucks", "convoy"});
        if (i + 1 < c.se && c.tok[i + 1].kind == TokenKind::Word && kPostOf.contains(c.low[i + 1])) return "";
        if (g.empty() || g == "people") g = std::string(it->second);
        if (w == "family" || w == "members") g = "family";
        // "a former opposition fighter", "an ex-soldier", "a retired army officer": no longer under arms
        if ((g == "fighters" || g == "soldiers" || g == "police") &&
            std::any_of(c.low.begin() + from, c.low.begin() + i,
                        [](std::string_view x) { return x == "former" || x == "ex" || x == "retired"; }))
          g = "civilians";
        end = i + 1;
        if (known) *known = true;
        // the head noun ends the phrase unless "of" or another noun follows ("members of the same
        // family", "civilian workers", "police officers", "five more people")
        if (i + 1 < c.se && c.tok[i + 1].kind == TokenKind::Word && !phrases.match(c.low, i + 1, c.se) &&
            (G.count(c.low[i + 1]) || plural_word(c.low[i + 1], c.tok[i + 1].capitalised)) &&
            !breaks_phrase(c.low[i + 1]) && !is_aux(c.low[i + 1]))
          continue;
        if (!(i + 1 < c.se && c.low[i + 1] == "of")) break;
        continue;
      }
      if (w == "of" && i + 1 < c.se && (c.low[i + 1] == "the" || c.low[i + 1] == "a" || c.low[i + 1] == "them" ||
                                        c.low[i + 1] == "whom" || c.low[i + 1] == "one" || c.low[i + 1] == "his" ||
                                        c.low[i + 1] == "their")) {
        if (c.low[i + 1] == "them" || c.low[i + 1] == "whom") {
          end = i + 2;
          break;
        }
        continue;
      }
      if ((w == "the" || w == "a" || w == "his" || w == "their" || w == "one") && i > from && c.low[i - 1] == "of") continue;
      if (w == "same") continue;
      if (w == "the" || w == "a" || w == "an") break;
      if (w == "members" || w == "member") {
        if (g.empty()) g = "people";
        end = i + 1;
        if (known) *known = true;
        continue;
      }
      if (breaks_phrase(w) || is_aux(w)) break;
      if (t.kind == TokenKind::Word) {
        end = i + 1;  // adjectives, nationalities, names ("Taliban", "Hezbollah", "elderly")
        continue;
      }
    }
    if (g.empty()) g = "people";
    return g;
  }

  // ------------------------------------------------------------------ process
  void process(ik::sdk::Doc& doc) const {
    const std::string_view text = doc.text();
    auto tok = ik::text::tokenize(text);
    // Quotation marks say nothing about a count ('"Several" Boko Haram killed', '4 "Sinai Province"
    // militants were killed'): drop double quotes, and single quotes that open a quotation.
    tok.erase(std::remove_if(tok.begin(), tok.end(),
                             [&](const Token& t) {
                               if (t.kind != TokenKind::Punct) return false;
                               const std::string_view w = t.text;
                               if (w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D") return true;
                               if (w != "'" && w != "\xE2\x80\x98" && w != "\xE2\x80\x99") return false;
                               const bool glued_before = t.start > 0 && std::isalnum((unsigned char)text[t.start - 1]);
                               // an opening quote ("a 'number of deaths'"), not "Shi'ite" nor "Fulanis'"
                               return !glued_before;
                             }),
              tok.end());
    // The shorthand of logs: "40+ WIA" is a count of at least 40 (its best figure, as "at least 40"), and
    // the full stop of "27 KIA incl. 4 children" ends no clause.
    for (size_t i = 1; i < tok.size(); ++i)
      if (tok[i].start == tok[i - 1].end &&
          ((tok[i].text == "+" && tok[i - 1].kind == TokenKind::Number) ||
           (tok[i].text == "." && ik::text::iequals(tok[i - 1].text, "incl"))))
        tok.erase(tok.begin() + long(i));
    // Every token lower-cased, as views into one lower-cased copy of the text (no string per token, and
    // comparisons with literals stay cheap).
    const std::string lowered = ik::text::lower(text);
    std::vector<std::string_view> low(tok.size());
    // Only words that could be a misspelling (by length and first byte) are looked up: the hash costs
    // more than these tests.
    struct MisspellingShape {
      size_t shortest = SIZE_MAX, longest = 0;
      std::array<bool, 256> first{};
    };
    static const MisspellingShape shape = [] {
      MisspellingShape m;
      for (const auto& [wrong, right] : misspellings()) {
        m.shortest = std::min(m.shortest, wrong.size());
        m.longest = std::max(m.longest, wrong.size());
        m.first[static_cast<unsigned char>(wrong[0])] = true;
      }
      return m;
    }();
    for (size_t i = 0; i < tok.size(); ++i) {
      low[i] = std::string_view(lowered).substr(size_t(tok[i].text.data() - text.data()), tok[i].text.size());
      // "IS executed five youths": the group's acronym, not the verb "is" (which would make the words
      // before it the victims); an all-capital heading ("IS KILLED") keeps the verb.
      if (tok[i].text == "IS" && !(i + 1 < tok.size() && tok[i + 1].text.size() > 1 &&
                                   std::isupper(static_cast<unsigned char>(tok[i + 1].text[1]))))
        low[i] = tok[i].text;
      const std::string_view w = low[i];
      if (w.size() < shape.shortest || w.size() > shape.longest || !shape.first[static_cast<unsigned char>(w[0])])
        continue;
      if (auto it = misspellings().find(w); it != misspellings().end()) low[i] = it->second;
    }

    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const auto& m : doc.mentions("sentence")) spans.emplace_back(uint32_t(m.start), uint32_t(m.end));
    if (spans.empty())
      for (const auto& s : ik::text::sentences(text)) spans.emplace_back(s.start, s.end);

    std::vector<Extracted> out;
    size_t ti = 0;
    for (const auto& [ss, se] : spans) {
      while (ti < tok.size() && tok[ti].start < ss) ++ti;
      size_t te = ti;
      while (te < tok.size() && tok[te].end <= se) ++te;
      if (te > ti) sentence(Ctx{text, tok, low, ti, te}, out);
      ti = te;
    }
    // "At least six of the dead were children", "108 people, of whom 49 were children": a breakdown of the
    // toll told elsewhere, by its group, not a toll of its own.
    for (auto& e : out) {
      if (e.negated || e.group != "people") continue;
      // (most counts have neither " of" after nor "whom " before them: no lowering for those)
      if (!ik::text::iequals(text.substr(e.end, 3), " of") &&
          !(e.start >= 5 && ik::text::iequals(text.substr(e.start - 5, 5), "whom ")))
        continue;
      const std::string after = ik::text::lower(text.substr(e.end, 48));
      size_t at = std::string_view::npos;
      static constexpr std::string_view kOfTheDead[] = {" of the dead ",    " of the killed ",  " of those killed ",
                                                        " of the victims ", " of the wounded ", " of the injured "};
      for (std::string_view whole : kOfTheDead)
        if (after.starts_with(whole)) at = whole.size();
      // ("108 people, of whom 49 were children")
      if (at == std::string_view::npos && e.start >= 8 && ik::text::lower(text.substr(e.start - 8, 8)) == "of whom ")
        at = 0;
      if (at == std::string_view::npos) continue;
      std::string_view rest = std::string_view(after).substr(at);
      if (at == 0) rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(' ')));
      static constexpr std::string_view kBe[] = {"were ", "was ", "are "};
      for (std::string_view be : kBe)
        if (rest.starts_with(be)) rest.remove_prefix(be.size());
      const std::string_view word = rest.substr(0, rest.find_first_of(" ,.;"));
      if (const auto g = groups().find(word); g != groups().end()) {
        e.part = true;
        e.group = std::string(g->second);
      }
    }
    // "At least 5 soldiers were injured, with 4 dying of their wounds": the dead are some of the injured
    // and of their group.
    for (auto& e : out) {
      if (e.kind != Kind::Killed || e.group != "people" || e.part || e.start < 5) continue;
      size_t b = e.start;
      while (b > 0 && text[b - 1] == ' ') --b;
      if (b < 4 || ik::text::lower(text.substr(b - 4, 4)) != "with" || (b > 4 && std::isalpha((unsigned char)text[b - 5])))
        continue;
      for (auto it = out.rbegin(); it != out.rend(); ++it)
        if (it->kind == Kind::Injured && it->end <= b && it->group != "people" && !it->negated &&
            text.substr(it->end, b - it->end).find_first_of(".;") == std::string_view::npos) {
          e.group = it->group;
          break;
        }
    }
    for (const auto& e : out) emit(doc, e);
  }

  struct Trig {
    size_t tb, te;
    TriggerDef def;
    bool passive_form = false;  // "was killed", "were reportedly killed": a form of "be" before it
    bool singular = false;      // "was killed", "has been killed"
    bool either_number = false; // "had been killed": the verb does not say
  };

  // A verb that brings a running count to its figure: "the toll rose to 15", "it stood at 110".
  static bool count_verb(std::string_view w) {
    return w == "rose" || w == "risen" || w == "rises" || w == "climbed" || w == "climbs" || w == "reached" ||
           w == "jumped" || w == "increased" || w == "grew" || w == "grown" || w == "stood" || w == "stands";
  }

  // "The first count was 40 dead. It rose to 57 over the next two days", "the figure rose; by evening it
  // stood at 110", "By the evening the number was six": a count of the sentence before, updated, read as a
  // toll of that count's kind. Only right after such a count, so "it rose to 40 degrees" in other talk is
  // no toll.
  static std::optional<std::pair<TriggerDef, size_t>> count_update_at(const Ctx& c, size_t i,
                                                                     const std::vector<Extracted>& out) {
    const auto& low = c.low;
    if (!(low[i] == "it" || low[i] == "figure" || low[i] == "number" || low[i] == "count" || low[i] == "tally" ||
          low[i] == "total" || low[i] == "list"))  // ("the list had grown to 46 names")
      return std::nullopt;
    size_t v = i + 1;
    if (v < c.se && (low[v] == "had" || low[v] == "has" || low[v] == "then" || low[v] == "later" ||
                     low[v] == "eventually" || low[v] == "finally"))
      ++v;
    // ("By the evening the number was six": a noun's plain "was" too)
    const bool noun = low[i] != "it";
    // (its count alone: "the count was 12 dead" says its own kind, "the number was high" no count)
    const auto bare = [&](size_t q) {
      const auto n = qty_at(c, q);
      return n && (n->te >= c.se || low[n->te] == "." || low[n->te] == "," || low[n->te] == ";");
    };
    const bool plain_was = noun && v == i + 1 && v + 1 < c.se && (low[v] == "was" || low[v] == "is") && bare(v + 1);
    const bool rose_to = v + 1 < c.se && count_verb(low[v]) && (low[v + 1] == "to" || low[v + 1] == "at") &&
                         qty_at(c, v + 2);
    // ("A list later compiled by a network of activists contained 40 names")
    bool names = false;
    if (low[i] == "list")
      for (size_t k = i + 1; k + 2 < c.se && k < i + 12 && !names; ++k) {
        if (low[k] == "." || low[k] == ";") break;
        if (low[k] == "contained" || low[k] == "contains" || low[k] == "included" || low[k] == "includes")
          if (const auto n = qty_at(c, k + 1); n && n->te < c.se && low[n->te] == "names") names = true;
      }
    if (!plain_was && !rose_to && !names) return std::nullopt;
    const uint32_t here = uint32_t(c.tok[c.sb].start);
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
      if (it->end > here) continue;
      const std::string_view between = c.text.substr(it->end, here - it->end);
      if (between.size() > 400 || between.find("\n\n") != std::string_view::npos) break;
      if (it->negated || it->unknown || !(it->kind == Kind::Killed || it->kind == Kind::Injured)) continue;
      // (one sentence back at most)
      if (between.find(". ") != std::string_view::npos && between.find(". ") + 2 < between.size()) break;
      return std::make_pair(TriggerDef{it->kind, Role::Toll}, size_t(1));
    }
    return std::nullopt;
  }

  void sentence(const Ctx& c, std::vector<Extracted>& out) const {
    const auto& low = c.low;
    // "2. Omar D., 27, laboratory technician. Shot dead on 14 May 2017 by gunmen ...": a list of victims
    // whose line goes on with a participle and no subject counts the one person it names
    {
      size_t b = c.sb;
      while (b < c.se && c.tok[b].kind != TokenKind::Word) ++b;  // a list mark: "1.", "-", "(a)"
      if (b < c.se && b <= c.sb + 3 && c.tok[b].capitalised)
        if (auto m = phrases.match(low, b, c.se); m && m->first.role == Role::Verb && !m->first.both) {
          const size_t n = b + m->second;
          static const std::unordered_set<std::string_view> kAfter = {"on", "in", "at", "by", "when", "while",
                                                                       "during", "together", "along", "with", ","};
          // (not an inverted subject: "Killed in the strike were two brothers")
          bool inverted = false;
          for (size_t k = n; k < c.se && k < n + 10 && !inverted; ++k)
            inverted = low[k] == "were" || low[k] == "was" || low[k] == "are" || low[k] == "is" || low[k] == "include" ||
                       low[k] == "included";
          if (n < c.se && kAfter.count(low[n]) && !inverted)
            out.push_back(Extracted{m->first.kind, c.tok[b].start, c.tok[n - 1].end, 1, 1, 1, "people", 0.6});
        }
    }
    // triggers
    std::vector<Trig> trig;
    for (size_t i = c.sb; i < c.se;) {
      auto m = phrases.match(low, i, c.se);
      // "tried to kill themselves", "threatened to kill": an attempt or a threat is no casualty
      // ("tried to set a truck ablaze and kill themselves": the "to" may lie a few words back)
      for (size_t k = i; m && k > c.sb + 1 && k + 8 > i;) {
        const std::string_view w = low[--k];
        if (w == "." || w == ";" || w == "," || w == "but" || w == "then") break;
        const std::string_view v = low[k - 1];
        if (w == "to" && (v == "tried" || v == "attempted" || v == "threatened" || v == "trying" ||
                          v == "attempting" || v == "threatening" || v == "planned" || v == "plotted" ||
                          v == "vowed" || v == "sought"))
          m.reset();
      }
      // "killed in a road accident": not violence
      for (size_t k = i + 1; m && k < c.se && k < i + 9; ++k) {
        if (low[k] == "." || low[k] == ";") break;
        if (low[k] == "accident" || low[k] == "accidents") m.reset();
      }
      // "claimed 10 lives", "cost at least 30 lives": "lives" only after a count that such a verb takes
      if (m && low[i] == "lives" && m->second == 1) {
        bool claimed = false;
        for (size_t k = i; k > c.sb && k + 5 > i && !claimed; --k) {
          const std::string_view v = low[k - 1];
          if (v == "claimed" || v == "claiming" || v == "claims" || v == "claim" || v == "cost" || v == "costing" ||
              v == "costs" || v == "took" || v == "taking" || v == "takes") {
            auto q = qty_at(c, k);
            claimed = q && q->te == i && !q->weak && !q->unknown;
          }
        }
        if (!claimed) m.reset();
      }
      static const std::unordered_set<std::string_view> kAfterDead = {
          "following", "so", "overall", "behind", "inside", "outside", "nearby", "there", "here", "too", "yet",
          "altogether", "along", "alongside", "respectively", "each", "apiece", "afterwards", "later"};
      // "murder a chief", not "a murder suspect": the verb needs its object
      if (m && low[i] == "murder" && m->second == 1 && !(i + 1 < c.se && qty_at(c, i + 1))) m.reset();
      // "a dead city strike", "dead weight": "dead" right before a noun of no count is an adjective
      if (m && low[i] == "dead" && m->second == 1 && i + 1 < c.se && c.tok[i + 1].kind == TokenKind::Word &&
          !c.tok[i + 1].capitalised && !breaks_phrase(low[i + 1]) && !is_aux(low[i + 1]) &&
          !is_time_word(low[i + 1]) && !groups().count(low[i + 1]) && !phrases.match(low, i + 1, c.se) &&
          !bare_number(c, i + 1) && !kAfterDead.count(low[i + 1]))
        m.reset();
      // "Martyrs' Square", "the Martyrs Brigade": a capitalised "Martyrs" inside a sentence is a name
      if (m && low[i].starts_with("martyr") && c.tok[i].capitalised && i > c.sb) m.reset();
      // "a death zone", "death threats", "a death sentence": "death" as the first word of a compound
      static const std::unordered_set<std::string_view> kDeathCompounds = {
          "zone", "zones", "trap", "traps", "squad", "squads", "threat", "threats", "penalty", "sentence",
          "sentences", "row", "certificate", "certificates", "anniversary", "march", "camp", "camps", "warrant",
          "warrants", "wish", "knell", "blow", "spiral", "cult"};
      if (m && low[i] == "death" && m->second == 1 && i + 1 < c.se && kDeathCompounds.count(low[i + 1])) m.reset();
      // "fatally lynched", "fatally injured": any participle after "fatally" is a killing
      if (!m && low[i] == "fatally" && i + 1 < c.se && c.tok[i + 1].kind == TokenKind::Word &&
          low[i + 1].size() > 4 && low[i + 1].substr(low[i + 1].size() - 2) == "ed")
        m = std::make_pair(TriggerDef{Kind::Killed, Role::Verb}, size_t(2));
      if (!m) m = count_update_at(c, i, out);
      if (m) {
        Trig t{i, i + m->second, m->first};
        for (size_t k = i; k > c.sb && k + 12 > i;) {
          const std::string_view w = low[--k];
          if (w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "be" || w == "being" ||
              w == "got" || w == "get" || w == "gets") {
            t.passive_form = true;
            t.singular = w == "was" || w == "is" || (w == "been" && k > c.sb && (low[k - 1] == "has" || low[k - 1] == "had"));
            if (w == "been" && k > c.sb && low[k - 1] == "had") t.singular = false, t.either_number = true;
            // "was later found to have been killed": the number is in the verb before "to have been"
            if (w == "been" && k > c.sb + 3 && low[k - 1] == "have" && low[k - 2] == "to" && raising_verb(low[k - 3])) {
              size_t b = k - 3;  // back over at most three adverbs ("was later found")
              while (b > c.sb && b + 3 > k - 3 && (is_aux(low[b - 1]) || is_time_word(low[b - 1])) && !is_be(low[b - 1])) --b;
              if (b > c.sb && is_be(low[b - 1])) t.singular = low[b - 1] == "was" || low[b - 1] == "is";
            }
            break;
          }
          if (is_time_word(w) || w == "on" || w == "this" || w == "late" || w == "early") continue;  // "was on Friday killed"
          if (w == "]" || w == ")") {  // "were Tuesday [26 August] killed"
            size_t b = k;
            while (b > c.sb && b + 8 > k && low[b - 1] != "[" && low[b - 1] != "(") --b;
            if (b > c.sb && (low[b - 1] == "[" || low[b - 1] == "(")) {
              k = b - 1;
              continue;
            }
            break;
          }
          if (w == "and" && k > c.sb && low[k - 1].size() > 3 && low[k - 1].substr(low[k - 1].size() - 2) == "ed") {
            --k;  // "were kidnapped and killed"
            continue;
          }
          if (w == "and" || w == ",") {  // "is caught and fatally lynched", "were beaten, tied up and drowned"
            size_t b = k;
            while (b > c.sb && b + 6 > k && (low[b - 1] == "," || (c.tok[b - 1].kind == TokenKind::Word &&
                                                                  !breaks_phrase(low[b - 1]) && !is_be(low[b - 1]))))
              --b;
            if (b > c.sb && b < k && is_be(low[b - 1])) {
              k = b;
              continue;
            }
          }
          if (!is_aux(w) || w == "have" || w == "has" || w == "had" || w == "said" || w == "left" || w == "to") break;
        }
        trig.push_back(t);
        i += m->second;
      } else {
        ++i;
      }
    }
    // a sentence without a trigger may still set people on fire (see the end)
    if (trig.empty() && std::none_of(low.begin() + c.sb, low.begin() + c.se, [](std::string_view w) {
          return w == "ablaze" || w == "alight" || w == "fire";
        }))
      return;
    std::vector<char> used(c.se - c.sb, 0);  // count tokens already linked
    auto is_used = [&](size_t a, size_t b) {
      for (size_t k = a; k < b; ++k)
        if (used[k - c.sb]) return true;
      return false;
    };
    auto mark = [&](size_t a, size_t b) {
      for (size_t k = a; k < b && k < c.se; ++k) used[k - c.sb] = 1;
    };
    // "and his driver", "and their son": a companion of the person named before "and"
    auto after_and_possessive = [&](size_t k) {
      return k > c.sb + 1 && low[k - 1] == "and" && (low[k] == "his" || low[k] == "her" || low[k] == "their");
    };
    auto trigger_at = [&](size_t i) -> const Trig* {
      for (const auto& t : trig)
        if (t.tb == i) return &t;
      return nullptr;
    };

    // "were killed in the attack, along with five IS fighters", "dead, as well as one civilian": after a
    // trigger, a short scene phrase ("in Monday's attacks", "on 2 February") and a word joining more
    // victims; the token where their count starts, or 0. Another clause, another count, the perpetrator
    // ("by ...") or the other party ("with ...") end the search.
    auto as_was = [&](size_t k) { return k + 1 < c.se && low[k] == "as" && (low[k + 1] == "was" || low[k + 1] == "were"); };
    auto companion_at = [&](size_t k) -> size_t {
      static const std::unordered_set<std::string_view> stop = {
          "by", "when", "after", "before", "while", "and", "but", "or", "who", "whom", "which", "that", "as",
          "because", "said", "says", "told", "according", "including", "against", "than", "if", "since", "until",
          "with", "between", "among", "where", "leaving", "then", "also"};
      // "... were killed when the shell hit the queue, as was the baker": past a clause, up to the next count
      for (size_t j = k; j + 2 < c.se && j < k + 25; ++j) {
        if (trigger_at(j) || bare_number(c, j)) break;
        if (low[j] == "," && as_was(j + 1)) return j + 3;
      }
      for (size_t n = 0; k < c.se && n < 10; ++n, ++k) {
        const std::string_view w = low[k];
        if (k + 1 < c.se && (w == "along" || w == "together") && low[k + 1] == "with") return k + 2;
        if (w == "alongside") return k + 1;
        // "three children were killed, as was their grandmother"
        if (as_was(k)) return k + 2;
        if (k + 2 < c.se && w == "as" && low[k + 1] == "well" && low[k + 2] == "as") return k + 3;
        if (w == ",") {
          if (k + 1 < c.se && (low[k + 1] == "along" || low[k + 1] == "together" || low[k + 1] == "alongside" ||
                               low[k + 1] == "as"))
            continue;
          return 0;
        }
        const bool glued = k > c.sb && k + 1 < c.se && c.tok[k - 1].end == c.tok[k].start &&
                           c.tok[k].end == c.tok[k + 1].start;  // "Monday's", "pro-government"
        if (c.tok[k].kind == TokenKind::Punct && !glued) return 0;
        if (stop.count(w) || trigger_at(k) || bare_number(c, k)) return 0;
      }
      return 0;
    };

    // Is the noun phrase at i singular? Its head is the last word before "of", a clause word or a
    // mark; a possessive ("Somalia's") starts the phrase anew.
    auto singular_head = [&](size_t i) {
      size_t h = c.se;
      for (size_t k = i; k < c.se && k < i + 10; ++k) {
        if (c.tok[k].kind != TokenKind::Word) {
          if ((low[k] == "'" || low[k] == "\xE2\x80\x99") && k + 1 < c.se && low[k + 1] == "s") {
            ++k;
            continue;
          }
          if (low[k] == "-" && k + 1 < c.se && c.tok[k].start == c.tok[k - 1].end) continue;
          break;
        }
        if (k > i && (low[k] == "of" || low[k] == "and" || breaks_phrase(low[k]) || is_aux(low[k]) ||
                      is_time_word(low[k]) || phrases.match(low, k, c.se)))
          break;
        if (k == i && (low[k] == "the" || low[k] == "his" || low[k] == "her" || low[k] == "its" || low[k] == "their"))
          continue;
        h = k;
      }
      return h < c.se && !plural_word(low[h], c.tok[h].capitalised) && low[h] != "family";
    };

    auto make = [&](Kind kind, const Item& it, double conf) {
      Extracted e{};
      e.kind = kind;
      e.start = c.tok[it.q.tb].start;
      e.end = c.tok[std::max(it.group_end, it.q.te) - 1].end;
      e.best = it.q.best;
      e.low = it.q.low;
      e.high = it.q.high;
      e.group = it.group;
      e.approximate = it.q.approximate;
      e.unknown = it.q.unknown;
      e.vague_word = it.q.vague_word;
      e.confidence = conf * (it.q.weak ? 0.85 : 1.0) * (it.q.unknown ? 0.5 : 1.0) * (it.q.vague ? 0.7 : 1.0);
      return e;
    };

    // Items of a list after the first: ", 3 soldiers", "and a woman", "as well as two children".
    auto list_after = [&](size_t pos, std::vector<Item>& items, bool stop_before_trigger) {
      while (pos < c.se) {
        size_t k = pos;
        bool after_place = false;  // skipped where the item is from: the next item must name people
        // "a trader in Wau and a farmer in Busari": the item's place before the next item
        if ((low[k] == "in" || low[k] == "at" || low[k] == "near") && k + 1 < c.se && c.tok[k + 1].capitalised) {
          size_t e = k + 1;
          while (e < c.se && e < k + 5 && c.tok[e].capitalised && c.tok[e].kind == TokenKind::Word) ++e;
          if (e + 1 < c.se && low[e] == "and" && qty_at(c, e + 1)) k = e;
        }
        // "a member from the ruling party and a member of a youth league": where the item is from
        // (a short prepositional phrase, no verb or count in it) before the next item
        if (k == pos && (low[k] == "from" || low[k] == "of" || low[k] == "in" || low[k] == "at") && k + 1 < c.se &&
            (low[k + 1] == "the" || low[k + 1] == "a" || low[k + 1] == "an" || low[k + 1] == "his" ||
             low[k + 1] == "their")) {
          size_t e = k + 2;
          while (e < c.se && e < k + 8 && (c.tok[e].kind == TokenKind::Word || low[e] == "-") && low[e] != "and" &&
                 !breaks_phrase(low[e]) && !is_aux(low[e]) && !trigger_at(e))
            ++e;
          if (e > k + 2 && e + 1 < c.se && low[e] == "and" && qty_at(c, e + 1)) k = e, after_place = true;
        }
        if (low[k] == "," && k + 1 < c.se && low[k + 1] == "and") ++k;
        // ", along with his nephew", ", as well as two children"
        if (low[k] == "," && k + 2 < c.se &&
            (((low[k + 1] == "along" || low[k + 1] == "together") && low[k + 2] == "with") ||
             (low[k + 1] == "as" && low[k + 2] == "well")))
          ++k;
        const bool comma_only = low[k] == ",";
        if (low[k] == "and" || low[k] == ",") ++k;
        else if (low[k] == "as" && k + 2 < c.se && low[k + 1] == "well" && low[k + 2] == "as") k += 3;
        else if ((low[k] == "along" || low[k] == "together") && k + 1 < c.se && low[k + 1] == "with") k += 2;
        else break;
        auto q = qty_at(c, k);
        if (!q && k < c.se && items.back().q.weak && groups().count(low[k]) && !plural_word(low[k], false) &&
            low[k] != "more" && low[k] != "others") {
          q = Qty{};  // "a technician, guard and driver": bare nouns continue a list of single people
          q->tb = q->te = k;
          q->best = q->low = q->high = 1;
          q->weak = true;
        }
        if (!q || q->unknown || is_used(q->tb, q->te)) break;
        if (q->te + 1 < c.se && low[q->te] == "of" && (low[q->te + 1] == "them" || low[q->te + 1] == "whom")) break;
        // "killed two women, a mother of five and her sister-in-law": one person after a count, set off by a
        // comma, says who the counted were
        // (not "four doctors, their driver and guard": more people)
        if (comma_only && items.size() == 1 && items[0].q.best >= 2 && q->best == 1 && (low[k] == "a" || low[k] == "an"))
          break;
        Item it{*q};
        bool known = false;
        it.group = group_after(c, q->te, 6, it.group_end, &known);
        // "and a" + nothing; ", an army spokesman" / ", a police officer said" (an apposition, not a victim)
        if (it.group.empty() || (q->weak && (it.group_end == q->te || (comma_only && !known)))) break;
        if (after_place && !known) break;  // "in a shooting and a suicide bombing": no person
        if (comma_only && it.group_end < c.se &&
            (low[it.group_end] == "said" || low[it.group_end] == "told" || low[it.group_end] == "says" ||
             low[it.group_end] == "say" || low[it.group_end] == "added" || low[it.group_end] == "reported"))
          break;
        // an item followed by its own trigger belongs to that trigger ("and 45 others were wounded")
        if (stop_before_trigger) {
          size_t j = it.group_end;
          while (j < c.se && is_aux(low[j])) ++j;
          if (trigger_at(j)) break;
        }
        items.push_back(it);
        pos = std::max(it.group_end, q->te);
      }
      return pos;
    };

    // Breakdown after a total: ", including 255 children and 209 women", " - five policemen and ...".
    auto breakdown_after = [&](size_t pos, Extracted& total, Kind kind, double conf) {
      size_t k = pos;
      if (k < c.se && low[k] == ",") ++k;
      bool intro = false;
      if (k < c.se && (low[k] == "including" || low[k] == "incl" || low[k] == "mostly" || low[k] == "mainly")) {
        ++k;
        intro = true;
      } else if (k + 1 < c.se && ((low[k] == "among" && (low[k + 1] == "them" || low[k + 1] == "whom")) ||
                                  (low[k] == "of" && (low[k + 1] == "whom" || low[k + 1] == "them")))) {
        k += 2;
        intro = true;
      } else if (k < c.se && (low[k] == "-" || low[k] == "\xE2\x80\x94" || low[k] == "\xE2\x80\x93" || low[k] == "(" ||
                              low[k] == ":")) {
        ++k;
        intro = true;
      }
      std::optional<Qty> q;
      if (!intro && k < c.se) {  // ", six of them children"
        q = qty_at(c, k);
        if (!q || !(q->te + 1 < c.se && low[q->te] == "of" && (low[q->te + 1] == "them" || low[q->te + 1] == "whom")))
          return pos;
        Item part{*q};
        size_t ge = q->te + 2;
        part.group = group_after(c, q->te + 2, 4, ge);
        part.group_end = ge;
        if (part.group.empty()) return pos;
        Extracted p = make(kind, part, conf * 0.9);
        p.part = true;
        p.total_of = std::string(c.text.substr(total.start, total.end - total.start));
        out.push_back(p);
        mark(q->tb, q->te);
        return ge;
      }
      if (!intro || k >= c.se) return pos;
      q = qty_at(c, k);
      if (!q || q->unknown || is_used(q->tb, q->te)) {
        // "including women and children": groups without counts
        for (size_t j = k; j < c.se && j < k + 6; ++j) {
          auto it = groups().find(low[j]);
          if (it != groups().end() && it->second != "people") total.includes.emplace_back(it->second);
          else if (low[j] != "and" && low[j] != "," && c.tok[j].kind != TokenKind::Word) break;
        }
        return pos;
      }
      std::vector<Item> items;
      Item first{*q};
      first.group = group_after(c, q->te, 6, first.group_end);
      if (first.group.empty()) return pos;
      {  // "(10 fatalities coded)", "- 3 were wounded": a figure with its own trigger is no breakdown
        size_t j = std::max(first.group_end, q->te);
        while (j < c.se && is_aux(low[j])) ++j;
        if (trigger_at(j)) return pos;
      }
      items.push_back(first);
      size_t end = list_after(std::max(first.group_end, q->te), items, true);
      const std::string total_text(c.text.substr(total.start, total.end - total.start));
      for (const auto& it : items) {
        if (!std::isnan(total.best) && !std::isnan(it.q.best) && it.q.best > total.best) continue;
        Extracted p = make(kind, it, conf * 0.9);
        p.part = true;
        p.total_of = total_text;
        out.push_back(p);
        mark(it.q.tb, it.q.te);
      }
      return end;
    };

    // Emits a list of items for one trigger: a single item, or parts plus their sum.
    auto emit_items = [&](const Trig& t, std::vector<Item>& items, double conf, size_t after) {
      if (items.empty()) return;
      for (const auto& it : items) mark(it.q.tb, it.q.te);
      Kind kind = t.def.kind;
      // "2 additional fatalities were later attributed": more deaths, not the analyst's coded total
      bool added = false;
      for (size_t k = items.front().q.tb; k < t.tb && k < c.se; ++k)
        added = added || low[k] == "additional" || low[k] == "another" || low[k] == "more" ||
                low[k] == "further" || low[k] == "other";
      auto flag = [&](Extracted& e) {
        e.summary = t.def.summary && !added;
        e.toll = t.def.role == Role::Toll;
        e.ambiguous = t.def.ambiguous;
        e.part = e.part || t.def.part;
      };
      if (items.size() == 1) {
        Extracted e = make(kind, items[0], conf);
        flag(e);
        breakdown_after(after, e, kind, conf);
        out.push_back(e);
        if (t.def.both && !t.def.ambiguous) {
          e.kind = Kind::Injured;
          out.push_back(e);
        }
        return;
      }
      Extracted sum = make(kind, items[0], conf);
      sum.end = c.tok[std::max(items.back().group_end, items.back().q.te) - 1].end;
      sum.best = sum.low = sum.high = 0;
      std::string g = items[0].group;
      bool any_unknown = false;
      for (const auto& it : items) {
        if (it.q.unknown) any_unknown = true;
        sum.best += std::isnan(it.q.best) ? 0 : it.q.best;
        sum.low += std::isnan(it.q.low) ? (std::isnan(it.q.best) ? 0 : it.q.best) : it.q.low;
        sum.high = (std::isnan(sum.high) || std::isnan(it.q.high)) ? kNone : sum.high + it.q.high;
        sum.approximate = sum.approximate || it.q.approximate;
        if (it.group != g) g = "people";
      }
      if (any_unknown) sum.unknown = true;
      sum.group = g == "men" || g == "women" || g == "children" ? "people" : g;
      sum.sum = true;
      flag(sum);
      const std::string total_text(c.text.substr(sum.start, sum.end - sum.start));
      for (const auto& it : items) {
        Extracted p = make(kind, it, conf * 0.9);
        flag(p);
        p.part = true;
        p.total_of = total_text;
        out.push_back(p);
      }
      out.push_back(sum);
    };
    // "killed the village head, Musa Bala, and 11 others": one victim's name in apposition before the rest
    // of the list (capitalised words only, and a count after the "and"); the position after the name, or
    // pos when there is none.
    auto skip_name = [&](size_t pos) {
      if (pos + 3 >= c.se || low[pos] != "," || !c.tok[pos + 1].capitalised || c.tok[pos + 1].kind != TokenKind::Word)
        return pos;
      size_t e = pos + 1;
      while (e < c.se && e < pos + 6 && c.tok[e].capitalised && c.tok[e].kind == TokenKind::Word && !trigger_at(e)) ++e;
      const size_t a = e < c.se && low[e] == "," ? e + 1 : e;
      return a + 1 < c.se && low[a] == "and" && qty_at(c, a + 1) ? e : pos;
    };
    // One victim named without a count ("killed him", "killed a farmer"): a weak count of 1, plus the
    // list that may follow it ("and his guard").
    auto emit_single = [&](const Trig& t, size_t tb, size_t te, std::string group, size_t group_end, double conf) {
      Qty q;
      q.tb = tb;
      q.te = te;
      q.best = q.low = q.high = 1;
      q.weak = true;
      Item it{q};
      it.group = std::move(group);
      it.group_end = group_end;
      std::vector<Item> items{it};
      emit_items(t, items, conf, list_after(skip_name(group_end), items, true));
    };

    for (size_t ti = 0; ti < trig.size(); ++ti) {
      const Trig& t = trig[ti];
      const Role role = t.def.role;
      if (role == Role::Negation || role == Role::Unknown) {
        Extracted e{};
        e.kind = t.def.kind;
        e.start = c.tok[t.tb].start;
        e.end = c.tok[t.te - 1].end;
        e.best = role == Role::Negation ? 0 : kNone;
        e.low = e.high = e.best;
        e.negated = role == Role::Negation;
        e.unknown = role == Role::Unknown;
        if (e.unknown) {  // "an unknown number of casualties", "heavy losses": deaths without a figure
          for (size_t k = t.tb; k < t.te; ++k)
            if (low[k] == "number" || low[k] == "heavy" || low[k] == "huge" || low[k] == "undisclosed")
              e.vague_word = low[k] == "number" ? "unknown number" : low[k];
            else if (e.vague_word.empty() && (low[k] == "reported" || low[k] == "caused" || low[k] == "causing" ||
                                              low[k] == "left" || low[k] == "leaving" || low[k] == "suffered" ||
                                              low[k] == "sustained" || low[k] == "inflicted" || low[k] == "inflicting" ||
                                              low[k] == "resulted" || low[k] == "resulting" || low[k] == "occurred" ||
                                              low[k] == "some"))
              e.vague_word = "reported";
          if (e.vague_word == "reported") {
            // Not after a figure ("Two deaths reported": the count says it) nor under a negation or a doubt
            // ("no other casualties were reported", "unknown if the military suffered casualties").
            bool skip = false;
            if (t.tb > c.sb) {
              const std::string_view prev = low[t.tb - 1];
              static const std::array<std::string_view, 14> kCounts = {
                  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens",
                  "hundreds", "several"};
              skip = (!prev.empty() && prev[0] >= '0' && prev[0] <= '9') ||
                     std::find(kCounts.begin(), kCounts.end(), prev) != kCounts.end();
            }
            for (size_t k = t.tb; k-- > c.sb && t.tb - k <= 4;)
              skip |= low[k] == "no" || low[k] == "not" || low[k] == "unknown" || low[k] == "unclear" ||
                      low[k] == "if" || low[k] == "whether" || low[k] == "without" || low[k] == "nor";
            if (skip) continue;
          }
        }
        e.group = "people";
        e.confidence = role == Role::Negation ? 0.7 : 0.4;
        out.push_back(e);
        if (t.def.both) {
          e.kind = Kind::Injured;
          out.push_back(e);
        }
        continue;
      }
      // The next trigger when this one is "killed and"/"killed or" + another: they share the count.
      const Trig* next = nullptr;
      if (t.te + 1 < c.se && (low[t.te] == "and" || low[t.te] == "or") && ti + 1 < trig.size() &&
          trig[ti + 1].tb == t.te + 1)
        next = &trig[ti + 1];

      // "two bodies of al Shabaab fighters were seen": the count before "bodies of", the group after it
      if (role == Role::OfNoun && t.def.kind == Kind::Killed && (low[t.tb] == "bodies" || low[t.tb] == "corpses")) {
        std::optional<Qty> before;
        for (size_t j = t.tb > c.sb + 3 ? t.tb - 3 : c.sb; j < t.tb && !before; ++j)
          if (auto q = qty_at(c, j); q && q->te == t.tb && !q->weak && !q->unknown && !is_used(q->tb, q->te)) before = q;
        if (before) {
          Item it{*before};
          it.group = group_after(c, t.te, 6, it.group_end);
          out.push_back(make(Kind::Killed, it, 0.75));
          mark(before->tb, before->te);
          continue;
        }
      }
      // ---- active: count after the trigger
      if (role == Role::Active || role == Role::OfNoun || role == Role::PersonLoss || role == Role::Toll ||
          (role == Role::Verb && !t.passive_form)) {
        size_t k = t.te;
        if (next && (role == Role::Verb || role == Role::Active)) {
          const bool kill_injure = (t.def.kind == Kind::Killed) != (next->def.kind == Kind::Killed) &&
                                   (t.def.kind == Kind::Injured || next->def.kind == Kind::Injured);
          if (kill_injure) {
            // "killed and injured dozens": one ambiguous count
            if (auto q = qty_at(c, next->te); q && !is_used(q->tb, q->te)) {
              Item it{*q};
              it.group = group_after(c, q->te, 6, it.group_end);
              Extracted e = make(Kind::Killed, it, 0.3);
              e.ambiguous = true;
              out.push_back(e);
              e.kind = Kind::Injured;
              out.push_back(e);
              mark(q->tb, q->te);
            }
            continue;
          }
          k = next->te;  // "abducted and killed 8 children": both get the count
        }
        if (role == Role::Toll) {
          // "death toll rose to 15", "toll from 10 to 15": the last count before a clause break
          std::optional<Qty> best;
          // ("the civilian death toll from an attack late on Thursday on a restaurant in X has risen to 6":
          // the count after the verb of change, however long the toll's description)
          size_t from = t.te;
          for (size_t j = t.te; j < c.se && j < t.te + 30; ++j) {
            if (low[j] == "." || low[j] == ";") break;
            // ("The final toll, which the group published a week later, was 14")
            if (count_verb(low[j]) || low[j] == "was" || low[j] == "is" ||
                // ("The final list ... contains 19 names")
                low[j] == "contains" || low[j] == "contained" || low[j] == "lists" || low[j] == "listed") {
              from = j + 1;
              break;
            }
          }
          for (size_t j = from; j < c.se && j < from + 10; ++j) {
            if (low[j] == "." || low[j] == ";" || low[j] == "(") break;
            if (auto q = qty_at(c, j)) {
              if (j > c.sb && low[j - 1] == "from" && !std::isnan(q->high) && q->high != q->best)
                q->best = q->low = q->high;  // "rose from 10 to 15": the new figure
              best = q;
              j = q->te - 1;
              if (!(q->te < c.se && low[q->te] == "to")) break;
            }
          }
          if (best && !is_used(best->tb, best->te) && !best->weak) {
            Item it{*best};
            it.group = group_after(c, best->te, 6, it.group_end);
            std::vector<Item> items{it};
            emit_items(t, items, t.def.summary ? 0.95 : 0.85, std::max(it.group_end, best->te));
          }
          continue;
        }
        // "the body of a herder": a death found; "the killing of a student" often recalls an older one
        const bool body_found = low[t.tb] == "body" || low[t.tb] == "dead" || low[t.tb] == "bodies" ||
                                low[t.tb] == "remains" || low[t.tb] == "corpses";
        if (k + 1 < c.se && low[k] == "only" &&
            (low[k + 1] == "himself" || low[k + 1] == "herself" || low[k + 1] == "themselves"))
          ++k;  // "killing only herself"
        // pronoun objects: "killed him", "killing him and his guard", "killed himself and two others"
        if (k < c.se && (low[k] == "him" || low[k] == "her" || low[k] == "himself" || low[k] == "herself") &&
            !(low[k] == "her" && k + 1 < c.se && c.tok[k + 1].kind == TokenKind::Word && !breaks_phrase(low[k + 1]))) {
          emit_single(t, k, k + 1, "people", k + 1, 0.5);
          continue;
        }
        // "killing themselves and seven other people": the others
        if (k + 1 < c.se && low[k] == "themselves" && low[k + 1] == "and") {
          if (auto q = qty_at(c, k + 2); q && !q->unknown && !is_used(q->tb, q->te)) {
            Item it{*q};
            it.group = group_after(c, q->te, 6, it.group_end);
            if (!it.group.empty()) {
              std::vector<Item> items{it};
              size_t end = list_after(std::max(it.group_end, q->te), items, true);
              emit_items(t, items, 0.75, end);
              continue;
            }
          }
        }
        // "abducted two teachers and killed them": the count named before
        // "two suicide bombers blew up, killing (only) themselves": the count named before
        const bool selves = k < c.se && low[k] == "themselves" && !(k + 1 < c.se && low[k + 1] == "and");
        if (k < c.se && (low[k] == "them" || selves) && !t.passive_form) {
          for (size_t b = t.tb; b > c.sb && b + 25 > t.tb; --b) {
            if (low[b - 1] == "." || low[b - 1] == ";") break;
            auto q = qty_at(c, b - 1);
            if (!q || q->unknown || q->weak || std::isnan(q->best) || q->te > t.tb) continue;
            Item it{*q};
            it.group = group_after(c, q->te, 6, it.group_end);
            if (it.group.empty() || (it.group == "fighters" && !selves)) continue;
            Extracted e = make(t.def.kind, it, 0.6);
            e.start = c.tok[k].start;
            e.end = c.tok[k].end;
            out.push_back(e);
            break;
          }
          continue;
        }
        if (role == Role::OfNoun && k < c.se && (low[k] == "the" || low[k] == "his" || low[k] == "her") &&
            t.def.kind == Kind::Killed) {
          // "the deaths of the two men": skip the article when a number follows
          if (k + 1 < c.se && bare_number(c, k + 1)) ++k;
        }
        if (k + 1 < c.se && (low[k] == "the" || low[k] == "his" || low[k] == "their" || low[k] == "its") &&
            bare_number(c, k + 1))
          ++k;  // "killed the two men"
        if (auto q = qty_at(c, k); q && !is_used(q->tb, q->te)) {
          Item it{*q};
          it.group = group_after(c, q->te, 6, it.group_end);
          if (it.group.empty()) continue;
          if (role == Role::PersonLoss && it.group != "fighters" && it.group != "soldiers" && it.group != "police" &&
              it.group != "men")
            continue;
          // a count followed by its own passive trigger is not this verb's object
          size_t j = std::max(it.group_end, q->te);
          while (j < c.se && is_aux(low[j])) ++j;
          const Trig* own = trigger_at(j);
          const bool object = !(own && (own->def.role == Role::Passive || own->def.role == Role::Verb) &&
                                j > std::max(it.group_end, q->te));
          if (object && !(q->weak && it.group_end == q->te)) {
            std::vector<Item> items{it};
            const size_t after = std::max(it.group_end, q->te);
            size_t end = list_after(q->weak && q->best == 1 ? skip_name(after) : after, items, true);
            double conf = role == Role::OfNoun ? 0.8 : 0.85;
            if (role == Role::Verb && q->weak) conf = 0.75;
            emit_items(t, items, conf, end);
            if (next && next->def.kind != t.def.kind) {
              std::vector<Item> again{it};
              emit_items(*next, again, conf * 0.8, end);
            }
            continue;
          }
        }
        // "shot dead the mayor", "killing its driver", "the body of the victim": a definite singular
        // object is one person (after "body of" only when it names a person)
        if ((role == Role::Active || role == Role::Verb || (role == Role::OfNoun && body_found)) &&
            k + 1 < c.se && !t.passive_form &&
            (low[k] == "the" || low[k] == "its" || low[k] == "his" || low[k] == "her" || low[k] == "their")) {
          size_t ge = k + 1;
          bool known = false;
          std::string g = group_after(c, k + 1, 6, ge, &known);
          const bool plural = !singular_head(k + 1);
          // ("the body of the hospital director": a person's title counts too)
          const bool person = known || (ge > k + 1 && person_noun(low[ge - 1], c.tok[ge - 1].capitalised) &&
                                        !organisation_head(low[ge - 1]));
          if (!g.empty() && !plural && (role != Role::OfNoun || person)) {
            emit_single(t, k, k + 1, g, ge, 0.55);
            continue;
          }
        }
        // "killed Somali elder Mohamud Hussein", "shot dead Somalia's deputy prosecutor", "body of Omdurman
        // Hospital medical director": a name or title
        if ((role == Role::Active || role == Role::Verb || (role == Role::OfNoun && body_found && low[t.tb] == "body")) &&
            k < c.se && !t.passive_form && c.tok[k].capitalised &&
            c.tok[k].kind == TokenKind::Word && !is_time_word(low[k]) && !is_month(low[k]) && !breaks_phrase(low[k]) &&
            singular_head(k)) {
          size_t ge = k;
          std::string g = group_after(c, k, 8, ge);
          // (after "body of", a person: "Islamic State" is not one)
          if (!g.empty() && ge > k &&
              (role != Role::OfNoun || (person_noun(low[ge - 1], c.tok[ge - 1].capitalised) && !organisation_head(low[ge - 1])))) {
            emit_single(t, k, k, g, ge, 0.5);
            continue;
          }
        }
        // "killed civilian", "assassinated retired army colonel", "body of herder": a singular noun
        // without an article
        if ((role == Role::Active || role == Role::Verb || (role == Role::OfNoun && body_found)) &&
            k < c.se && !t.passive_form &&
            c.tok[k].kind == TokenKind::Word && !breaks_phrase(low[k]) && !is_aux(low[k])) {
          size_t ge = k;
          bool known = false;
          std::string g = group_after(c, k, 4, ge, &known);
          if (known && ge > k && !plural_word(low[ge - 1], false) && low[ge - 1] != "family" &&
              low[ge - 1] != "more" && low[ge - 1] != "others" && groups().count(low[ge - 1])) {
            emit_single(t, k, k, g, ge, 0.5);
            continue;
          }
        }
        // "killed civilians": a group without a count
        if ((role == Role::Active || role == Role::Verb) && k < c.se && !t.passive_form) {
          size_t ge = k;
          std::string g = group_after(c, k, 3, ge);
          if (ge > k && g != "people" && low[ge - 1].back() == 's' && !(low[k] == "the")) {
            Qty q;
            q.tb = k;
            q.te = k;
            q.unknown = true;
            q.vague_word = "unstated";
            Item it{q};
            it.group = g;
            it.group_end = ge;
            std::vector<Item> items{it};
            Extracted e = make(t.def.kind, it, 0.3);
            e.start = c.tok[k].start;
            out.push_back(e);
            continue;
          }
        }
        if (role != Role::Verb) continue;
      }

    }

    std::vector<char> linked(trig.size(), 0);
    auto trig_index = [&](size_t i) -> long {
      for (size_t k = 0; k < trig.size(); ++k)
        if (trig[k].tb == i) return static_cast<long>(k);
      return -1;
    };
    // A verb that takes its count from the subject: passive ("were killed"), passive-only ("died",
    // "dead"), or a headline's bare participle with no object ("8 civilians from X reportedly killed by
    // soldiers", "One militant (name) reported killed.")
    auto subject_verb = [&](const Trig& t) {
      if (t.passive_form || t.def.role == Role::Passive) return true;
      if (t.def.role != Role::Verb) return false;
      if (t.te >= c.se) return true;
      return (c.tok[t.te].kind == TokenKind::Punct && low[t.te] != "-" && low[t.te] != "--") || low[t.te] == "by";
    };
    // The passive trigger that ends a long subject starting at j (a participle, a prepositional phrase,
    // an apposition or a relative clause after the counted noun), or 0. The stretch may hold no other
    // trigger, no clause boundary, no reporting verb and no active verb with an object.
    auto long_subject_end = [&](size_t j, const Qty& q) -> size_t {
      static const std::unordered_map<std::string_view, int> stop = {
          {".", 1}, {";", 1}, {":", 1}, {"when", 1}, {"after", 1}, {"while", 1}, {"but", 1}, {"because", 1},
          {"before", 1}, {"although", 1}, {"though", 1}, {"whereas", 1}, {"since", 1}, {"until", 1}, {"if", 1},
          {"so", 1}, {"said", 2}, {"says", 1}, {"say", 1}, {"told", 1}, {"according", 1}, {"reported", 2},
          {"claimed", 1}, {"added", 1}, {"stated", 1}, {"announced", 1}, {"confirmed", 1}, {"took", 1},
          {"hit", 1}, {"set", 1}, {"fled", 1}, {"went", 1}, {"came", 1}, {"made", 1}, {"began", 1}, {"broke", 1},
          {"threw", 1}, {"fought", 1}, {"struck", 1}, {"stole", 1}, {"gave", 1}, {"met", 1}, {"caught", 1},
          {"they", 1}, {"he", 1}, {"she", 1}, {"we", 1}, {"it", 1}, {"there", 1}, {"then", 1}, {"left", 1},
          {"leaving", 1}, {"--", 1}, {"no", 1}, {"none", 1}, {"whom", 1}};
      size_t depth = 0;
      bool including = false;
      // "two gunmen who raided a shop ... died": the relative clause's verb has its own object
      const bool relative = low[j] == "who" || (low[j] == "," && j + 1 < c.se && low[j + 1] == "who");
      for (size_t k = j; k < c.se && k < j + 30; ++k) {
        const std::string_view w = low[k];
        if (w == "(" || w == "[") { ++depth; continue; }
        if ((w == ")" || w == "]") && depth) { --depth; continue; }
        if (depth) continue;
        if (const long ti = trig_index(k); ti >= 0) {
          const Trig& t = trig[ti];
          if (!subject_verb(t) || t.def.part) return 0;
          if (t.singular && !std::isnan(q.best) && q.best > 1) return 0;  // "five ... was": not its subject
          return k;
        }
        if (auto it = stop.find(w); it != stop.end()) {
          // "said to be", "reported to have"
          if (!(it->second == 2 && k + 1 < c.se && low[k + 1] == "to")) return 0;
        }
        if (w == "as" && !(k > j && (low[k - 1] == "such" || low[k - 1] == "well"))) return 0;
        if (w == "including" || w == "among") including = true;
        // another count ends the subject, except inside a phrase ("from one family")
        // (not a code's or a year's digits: "a candidate for PP-51", "the 2016 election")
        if (!including && bare_number(c, k) &&
            !(k > j && (low[k - 1] == "from" || low[k - 1] == "of" || low[k - 1] == "in" || low[k - 1] == "aged" ||
                        low[k - 1] == "the")))  // "from the two sides"
          return 0;
        // an active verb and its object: "attacked the village"
        if (!relative && w.size() > 4 && w.substr(w.size() - 2) == "ed" && k + 1 < c.se && !is_aux(w) &&
            (low[k + 1] == "the" || low[k + 1] == "a" || low[k + 1] == "an" || low[k + 1] == "his" ||
             low[k + 1] == "their" || low[k + 1] == "its" || low[k + 1] == "her" || low[k + 1] == "on" ||
             c.tok[k + 1].kind == TokenKind::Number))
          return 0;
      }
      return 0;
    };

    // No negation in the subject: "no one was killed", "none of them died".
    auto subject_free = [&](size_t p, const Trig& t) {
      for (size_t k = p > c.sb + 4 ? p - 4 : c.sb; k < t.tb; ++k)
        if (low[k] == "no" || low[k] == "none" || low[k] == "nobody" || low[k] == "neither" || low[k] == "nor" ||
            low[k] == "not" || low[k] == "never")
          return false;
      return !(low[p - 1] == "it" || low[p - 1] == "they" || low[p - 1] == "this" || low[p - 1] == "what");
    };
    // A verb with no object after it: "shot dead near the market", "killed on Monday".
    auto object_free = [&](const Trig& t) {
      if (t.te >= c.se) return true;
      const std::string_view w = low[t.te];
      return c.tok[t.te].kind == TokenKind::Punct || is_time_word(w) || breaks_phrase(w) || w == "inside" ||
             w == "outside" || w == "overnight" || w == "late" || w == "early" || w == "yesterday";
    };
    // Singular noun phrases joined by "and" before a plural passive: "the governor and his driver were
    // killed" = 2, "a woman, her husband and their three children were killed" = 5.
    auto conjunct_count = [&](size_t p) -> std::optional<std::pair<double, size_t>> {
      size_t a = p, depth = 0;
      bool joined = false;  // an "and" seen between a and p
      while (a > c.sb && p - a < 30) {
        const std::string_view w = low[a - 1];
        joined = joined || (!depth && w == "and");
        // "A nurse who was working in the emergency room and a patient ... were killed": a singular
        // conjunct's relative clause is inside the subject
        // (or "A pharmacist who worked at the point and a patient waiting for treatment were killed")
        const auto clause_verb = [](std::string_view v) {
          return v == "was" || v == "had" || v == "ran" || v == "lived" || (v.size() > 4 && v.ends_with("ed"));
        };
        if (!depth && w == "who" && joined && a < p && clause_verb(low[a]) && a >= c.sb + 2 &&
            c.tok[a - 2].kind == TokenKind::Word && !plural_word(low[a - 2], c.tok[a - 2].capitalised)) {
          --a;
          continue;
        }
        if (w == "]" || w == ")") ++depth;
        else if (w == "[" || w == "(") {
          if (!depth) break;
          --depth;
        } else if (!depth && ((w == "." && !(a >= c.sb + 2 && is_month(low[a - 2]))) ||  // not "Jan. 9"
                              w == ";" || w == ":" || w == "when" || w == "after" || w == "while" ||
                              w == "as" || w == "because" || w == "that" || w == "which" || w == "who" ||
                              w == "where" || w == "said" || w == "says" || w == "told" || w == "but" || w == "if" ||
                              w == "before" || trigger_at(a - 1)))
          break;
        --a;
      }
      // conjuncts at depth 0, split at "and" and at a comma before a determiner or a count
      std::vector<std::pair<size_t, size_t>> parts;
      size_t b = a;
      depth = 0;
      for (size_t k = a; k < p; ++k) {
        const std::string_view w = low[k];
        if (w == "[" || w == "(") ++depth;
        else if ((w == "]" || w == ")") && depth) --depth;
        else if (!depth && (w == "and" || (w == "," && k + 1 < p &&
                                           (low[k + 1] == "his" || low[k + 1] == "her" || low[k + 1] == "their" ||
                                            low[k + 1] == "a" || low[k + 1] == "an" || low[k + 1] == "the" ||
                                            low[k + 1] == "and" || bare_number(c, k + 1))))) {
          if (k > b) parts.emplace_back(b, k);
          b = k + 1;
        }
      }
      if (p > b) parts.emplace_back(b, p);
      // a lead-in ("In a night raid, a man and his son were killed") is not a conjunct
      size_t first = 0;
      for (size_t i = 0; i < parts.size(); ++i)
        if (breaks_phrase(low[parts[i].first]) && low[parts[i].first] != "and" && !qty_at(c, parts[i].first))
          first = i + 1;  // ("at least two" is a count, not a lead-in)
      if (parts.size() - first < 2 || parts.size() - first > 6) return std::nullopt;
      double total = 0;
      for (size_t i = first; i < parts.size(); ++i) {
        auto [s0, e0] = parts[i];
        size_t s1 = s0;
        if (s1 + 1 < e0 && (low[s1] == "his" || low[s1] == "her" || low[s1] == "their" || low[s1] == "the") &&
            bare_number(c, s1 + 1))
          ++s1;
        if (auto q = qty_at(c, s1); q && !q->unknown && !std::isnan(q->best) && !q->weak) {
          total += q->best;
          continue;
        }
        // a singular noun phrase: its head is the last word before "of"/"from"/"in"/","/"["
        auto determiner = [&](size_t k) {
          return low[k] == "a" || low[k] == "an" || low[k] == "the" || low[k] == "his" || low[k] == "her" ||
                 low[k] == "their" || low[k] == "its" || low[k] == "one";
        };
        // (a later conjunct may share the first one's determiner: "a soldier and refugee returnee were killed")
        if (!(determiner(s0) || c.tok[s0].capitalised || (i > first && determiner(parts[first].first))))
          return std::nullopt;
        size_t e1 = s0;
        while (e1 < e0 && c.tok[e1].kind == TokenKind::Word &&
               (e1 == s0 || !(low[e1] == "of" || breaks_phrase(low[e1]))))
          ++e1;
        if (e1 == s0 || plural_word(low[e1 - 1], c.tok[e1 - 1].capitalised) || low[e1 - 1] == "family") return std::nullopt;
        total += 1;
      }
      return std::make_pair(total, parts[first].first);
    };

    // ---- passive: a count before its trigger ("12 civilians were killed", "17 others wounded",
    // "2 fatalities", "at least 30 people, mostly civilians, have been killed")
    auto passive_ok = [&](const Trig& t) {
      if (t.def.role == Role::Passive) return true;
      if (t.def.role != Role::Verb) return false;
      // "gunmen killed 5 people": an active verb with its own object takes no subject count
      return t.passive_form || !is_used(t.te, std::min(t.te + 4, c.se));
    };
    // "34 interviews with relatives of the dead", "beds for the wounded": a nominal "the dead" after a
    // preposition names people, it says nothing of a count told before it ("12 of the dead" does)
    auto object_of_preposition = [&](const Trig& t, size_t count_end) {
      static const std::unordered_set<std::string_view> kPrepositions = {
          "of", "for", "with", "to", "among", "about", "from", "by", "on", "towards", "toward"};
      return t.tb >= c.sb + 2 && low[t.tb - 1] == "the" &&
             kPrepositions.count(low[t.tb - 2]) && count_end < t.tb - 2;
    };
    for (size_t i = c.sb; i < c.se; ++i) {
      if (used[i - c.sb] || trigger_at(i)) continue;
      auto q = qty_at(c, i);
      if (!q || is_used(q->tb, q->te)) continue;
      Item first{*q};
      bool first_known = false;
      first.group = group_after(c, q->te, 8, first.group_end, &first_known);
      // "a local youth group", "a farmers' union": the people noun modifies an organisation
      if (q->weak && first.group_end < c.se) {
        size_t k = first.group_end;
        if ((low[k] == "'" || low[k] == "\xE2\x80\x99") && k + 1 < c.se) ++k;  // "farmers'", "women's"
        if (low[k] == "s" && k + 1 < c.se && c.tok[k].start == c.tok[k - 1].end) ++k;
        if (c.tok[k].kind == TokenKind::Word && organisation_head(low[k])) first.group.clear();
      }
      if (first.group.empty()) {
        i = q->te - 1;
        continue;
      }
      std::vector<Item> items{first};
      size_t j = std::max(first.group_end, q->te);
      size_t paren_b = 0;
      long hit = -1;
      bool paren = false, skipped = false;  // skipped: words after the subject ("were", "on Tuesday")
      bool comma_after_first = false;        // "Five members of a family, a mother and four children"
      for (int budget = 0; j < c.se && budget < 45; ++budget) {
        const std::string_view w = low[j];
        if (const long ti = trig_index(j); ti >= 0) {
          if (passive_ok(trig[ti]) && !object_of_preposition(trig[ti], q->te)) hit = ti;
          break;
        }
        if (is_aux(w) || is_time_word(w) || w == "since" || w == "so" || w == "far" || w == "already" ||
            w == "each" || w == "both") {
          if (w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "have" || w == "has" ||
              w == "had")
            skipped = true;
          ++j;
          continue;
        }
        if ((w == "who" || w == "that") && j + 1 < c.se && (is_aux(low[j + 1]) || trigger_at(j + 1))) {
          ++j;
          continue;
        }
        // "were attacked and killed"
        if (w.size() > 3 && w.substr(w.size() - 2) == "ed" && j + 1 < c.se && low[j + 1] == "and") {
          j += 2;
          continue;
        }
        // after "were": "were beaten and killed", "were beaten, tied up and drowned"
        if (skipped && c.tok[j].kind == TokenKind::Word && !breaks_phrase(w)) {
          size_t k = j + 1;
          while (k < c.se && k < j + 6 && low[k] != "and" &&
                 (low[k] == "," || (c.tok[k].kind == TokenKind::Word && !breaks_phrase(low[k]) && !trigger_at(k))))
            ++k;
          if (k + 1 < c.se && low[k] == "and" && trigger_at(k + 1)) {
            j = k + 1;
            continue;
          }
        }
        // "on Tuesday", "this morning"
        if ((w == "on" || w == "this" || w == "last" || w == "late" || w == "early") && j + 1 < c.se &&
            is_time_word(low[j + 1])) {
          j += 2;
          continue;
        }
        // one count for two nouns: "82 soldiers and militiamen killed", or a noun and an armed group's
        // acronym right before the verb: "20 soldiers and RSF killed"
        const auto acronym_then_verb = [&](size_t k) {
          const std::string_view raw = c.text.substr(c.tok[k].start, c.tok[k].end - c.tok[k].start);
          return raw.size() >= 2 && raw.size() <= 6 && c.tok[k].kind == TokenKind::Word &&
                 std::all_of(raw.begin(), raw.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }) &&
                 k + 1 < c.se && trigger_at(k + 1);
        };
        if (w == "and" && !paren && items.size() == 1 && j + 1 < c.se &&
            ((groups().count(low[j + 1]) && plural_word(low[j + 1], c.tok[j + 1].capitalised)) ||
             acronym_then_verb(j + 1)) &&
            !trigger_at(j + 1) && low[j + 1] != "others" && low[j + 1] != "more") {
          const auto partner = groups().find(low[j + 1]);
          if (partner == groups().end() || items[0].group != partner->second) items[0].group = "people";
          items[0].group_end = j + 2;
          first = items[0];
          j += 2;
          continue;
        }
        // list: "two VDP and three civilians were killed"
        if ((w == "and" || w == ",") && !paren) {
          size_t k = j + 1;
          if (w == "," && k < c.se && low[k] == "and") ++k;
          const bool of_them = [&] {  // "three of them women": a breakdown, not another item
            auto q2 = qty_at(c, k);
            return q2 && q2->te + 1 < c.se && low[q2->te] == "of" && (low[q2->te + 1] == "them" || low[q2->te + 1] == "whom");
          }();
          if (auto q2 = qty_at(c, k); q2 && !of_them && !q2->unknown && !is_used(q2->tb, q2->te) && !trigger_at(k)) {
            Item it{*q2};
            bool known = false;
            it.group = group_after(c, q2->te, 8, it.group_end, &known);
            if (!it.group.empty() && !(q2->weak && !known) && !(first.q.weak && !first_known)) {
              if (items.size() == 1) comma_after_first = w == ",";
              items.push_back(it);
              j = std::max(it.group_end, q2->te);
              continue;
            }
          }
        }
        // a parenthesis: ", including ... ,", ", mostly civilians,", "(or 11)", "[residents report ten]",
        // "-- mostly women and children --": jump to the next passive trigger
        const bool opener = w == "(" || w == "[" || w == "--" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93" ||
                            w == "including" || w == "mostly" || w == "mainly" ||
                            (w == "-" && j + 1 < c.se && c.tok[j].start > c.tok[j - 1].end) ||
                            (w == "," && j + 1 < c.se &&
                             (low[j + 1] == "including" || low[j + 1] == "mostly" || low[j + 1] == "mainly" ||
                              low[j + 1] == "all" || low[j + 1] == "among" || low[j + 1] == "most" ||
                              low[j + 1] == "majority" || low[j + 1] == "many" || low[j + 1] == "some" ||
                              low[j + 1] == "both" || low[j + 1] == "of" || low[j + 1] == "largely" ||
                              low[j + 1] == "the" || low[j + 1] == "almost" || low[j + 1] == "nearly" ||
                              qty_at(c, j + 1)));
        if (opener && !paren) {
          size_t k = j + 1;
          for (; k < c.se && k < j + 40; ++k) {
            if (low[k] == "." || low[k] == ";") break;
            const long ti = trig_index(k);
            if (ti >= 0 && subject_verb(trig[ti])) break;
          }
          if (k < c.se && trig_index(k) >= 0 && k < j + 40) {
            paren = true;
            paren_b = (w == ",") ? j + 1 : j;
            j = k;
            continue;
          }
        }
        // a long subject: "Seven fishermen operating on the lake have been killed", "ten people said to be
        // of one family were killed", "five natives, who resisted eviction, were killed"
        if (!paren && !skipped && (items.size() == 1 || first_known) &&
            (first_known || (!first.q.weak && first.q.te < c.se && c.tok[first.q.te].kind == TokenKind::Word &&
                             !breaks_phrase(low[first.q.te])))) {  // a count with its noun, not "6 during ..."
          if (const size_t k = long_subject_end(j, items[0].q); k) {
            // the long subject may end in another conjunct: "two men from the militia and a civilian
            // bystander were killed" (the conjunct runs up to the verb, with only auxiliaries between)
            for (size_t a = j + 1; a + 1 < k; ++a) {
              // a breakdown ("68 others, among them 15 police and 12 guards") restates, not adds
              if (low[a] == "including" || low[a] == "among" || low[a] == "them" || low[a] == "mostly" ||
                  low[a] == "(")
                break;
              if (low[a] != "and") continue;
              auto q2 = qty_at(c, a + 1);
              if (!q2 || q2->unknown || is_used(q2->tb, q2->te)) continue;
              Item it{*q2};
              bool known = false;
              it.group = group_after(c, q2->te, 6, it.group_end, &known);
              if (it.group.empty() || !known) continue;
              size_t b = std::max(it.group_end, q2->te);
              while (b < k && (is_aux(low[b]) || is_time_word(low[b]))) ++b;
              if (b != k) continue;
              items.push_back(it);
              break;
            }
            paren = true;
            paren_b = j;
            j = k;
            continue;
          }
        }
        break;
      }
      if (hit < 0) continue;
      // an apposition that adds up to the first count restates it: "five members of one family, a mother
      // and four children", "two brothers, both farmers"
      if (items.size() > 1 && comma_after_first && !std::isnan(items[0].q.best)) {
        double rest = 0;
        for (size_t k = 1; k < items.size(); ++k) rest += std::isnan(items[k].q.best) ? 0 : items[k].q.best;
        if (rest == items[0].q.best) items.resize(1);
      }
      const Trig& t = trig[hit];
      linked[hit] = 1;
      {  // "two officials were killed along with another person", "... in the attack, as well as one attacker"
        if (const size_t k = companion_at(t.te)) {
          auto q2 = qty_at(c, k);
          // "..., as was the grandmother of two of them": one person, named with "the"
          if (!q2 && low[k] == "the" && k + 1 < c.se && groups().count(low[k + 1])) {
            q2 = Qty{};
            q2->tb = k;
            q2->te = k + 1;
            q2->best = q2->low = q2->high = 1;
            q2->weak = true;
          }
          if (q2 && !q2->unknown && !is_used(q2->tb, q2->te)) {
            Item it2{*q2};
            it2.group = group_after(c, q2->te, 6, it2.group_end);
            size_t own = std::max(it2.group_end, q2->te);  // "along with 5 others who were injured": not these
            while (own < c.se && (is_aux(low[own]) || low[own] == "who")) ++own;
            if (!it2.group.empty() && !trigger_at(own)) {
              items.push_back(it2);
              list_after(std::max(it2.group_end, q2->te), items, true);
            }
          }
        }
      }
      double conf = t.def.summary ? 0.95 : t.def.role == Role::Passive ? 0.8 : 0.85;
      if (t.def.ambiguous) conf = 0.35;
      // Singular people named before the count: "the officer and at least two bystanders were killed" = 3.
      if (!paren && items.front().q.tb > c.sb && low[items.front().q.tb - 1] == "and" && !items.front().q.weak) {
        size_t p = t.tb;
        while (p > c.sb && (is_aux(low[p - 1]) || is_time_word(low[p - 1]))) --p;
        double counted = 0;
        for (const auto& it : items) counted += std::isnan(it.q.best) ? 0 : it.q.best;
        // the conjunct before "and" must name a person ("the officer and", not "a house and"), and the
        // stretch may hold no other count ("six houses burnt and eight persons injured")
        const size_t before = items.front().q.tb - 1;
        bool person = before > c.sb && person_noun(low[before - 1], c.tok[before - 1].capitalised);
        auto n = person ? conjunct_count(p) : std::nullopt;
        for (size_t k = n ? n->second : before; k < before && person; ++k)
          if (used[k - c.sb] || bare_number(c, k)) person = false;
        if (n && person && n->first > counted && n->second < items.front().q.tb) {
          Item whole = items.front();
          const double extra = n->first - counted;
          whole.q.tb = n->second;
          whole.q.best = n->first;
          whole.q.low = std::isnan(items.front().q.low) ? kNone : items.front().q.low + extra;
          whole.q.high = std::isnan(items.front().q.high) ? kNone : items.front().q.high + extra;
          whole.group = "people";
          whole.group_end = std::max(items.back().group_end, items.back().q.te);
          items.assign(1, whole);
        }
      }
      if (items.size() == 1 && items[0].q.weak) {
        // "a man was killed" needs a singular verb
        bool singular = true;
        for (size_t k = items[0].q.te; k < t.tb; ++k)
          if (low[k] == "were" || low[k] == "are" || low[k] == "have") singular = false;
        // ("the chief and his driver was shot dead": a companion, whatever the verb's number)
        bool companion = after_and_possessive(items[0].q.tb);
        if (companion && singular) {  // the subject must be a list ("was killed and his brother wounded")
          size_t p = t.tb;
          while (p > c.sb && (is_aux(low[p - 1]) || is_time_word(low[p - 1]))) --p;
          companion = conjunct_count(p).has_value();
        }
        if (!singular || companion) {
          linked[hit] = 0;  // "the chief and his driver were killed": the subject is counted below
          continue;
        }
        conf = 0.7;
      }
      if (paren && items.size() == 1) {
        Extracted total = make(t.def.kind, items[0], conf);
        total.summary = t.def.summary;
        total.ambiguous = t.def.ambiguous;
        mark(items[0].q.tb, items[0].q.te);
        breakdown_after(paren_b, total, t.def.kind, conf);  // ", including 2 children," inside the subject
        out.push_back(total);
        if (t.def.both && !t.def.ambiguous) {
          total.kind = Kind::Injured;
          out.push_back(total);
        }
      } else {
        emit_items(t, items, conf, t.te);
      }
      // One subject, two verbs: "were abducted and killed", "was wounded in the raid and later died".
      {
        size_t k = t.te;
        if (k < c.se && low[k] == ",") ++k;
        // a short phrase may sit between them ("in the raid"): words only, no count, no other trigger
        for (size_t e = k; e < c.se && e < k + 6; ++e) {
          if (low[e] == "and") {
            k = e;
            break;
          }
          if (c.tok[e].kind != TokenKind::Word || trigger_at(e) || bare_number(c, e)) break;
        }
        if (k < c.se && low[k] == "and") {
          ++k;
          while (k < c.se && (low[k] == "later" || low[k] == "subsequently" || low[k] == "then" ||
                              low[k] == "eventually" || low[k] == "reportedly" || low[k] == "allegedly" ||
                              low[k] == "were" || low[k] == "was"))
            ++k;
          const long ni = trig_index(k);
          if (ni >= 0 && !linked[ni]) {
            const Trig& nt = trig[ni];
            const bool verbish = nt.def.role == Role::Passive || nt.def.role == Role::Verb;
            const bool then_injured = t.def.kind == Kind::Killed && nt.def.kind == Kind::Injured;
            if (verbish && nt.def.kind != t.def.kind && !then_injured && !nt.def.both && !nt.def.summary) {
              linked[ni] = 1;
              std::vector<Item> again(items.begin(), items.end());
              emit_items(nt, again, conf * 0.9, nt.te);
            }
          }
        }
      }
      i = std::max(items.back().group_end, items.back().q.te) - 1;
      if (paren) i = std::max(i, t.te - 1);  // counts inside the parenthesis belong to it
    }

    // ---- passive triggers without a count: pronouns, definite and singular subjects
    for (size_t ti = 0; ti < trig.size(); ++ti) {
      const Trig& t = trig[ti];
      if (linked[ti] || !(t.def.role == Role::Passive || t.def.role == Role::Verb)) continue;
      if (t.def.kind != Kind::Killed || t.def.summary || t.def.ambiguous || t.def.part) continue;
      if (!t.passive_form && t.def.role == Role::Verb && is_used(t.te, std::min(t.te + 4, c.se))) continue;
      size_t p = t.tb;
      while (p > c.sb && (is_aux(low[p - 1]) || is_time_word(low[p - 1]))) --p;
      if (p == c.sb) continue;
      // "he was killed", "he later died", "his death"
      if (low[p - 1] == "he" || low[p - 1] == "she" || low[p - 1] == "his" || low[p - 1] == "her") {
        if ((t.def.role == Role::Verb && t.passive_form) || low[t.tb] == "died" || low[t.tb] == "death" ||
            low[t.tb] == "dies") {
          Qty q;
          q.tb = p - 1;
          q.te = p;
          q.best = q.low = q.high = 1;
          q.weak = true;
          Item it{q};
          it.group_end = p;
          std::vector<Item> one{it};
          emit_items(t, one, 0.45, t.te);
        }
        continue;
      }
      // "A woman was shot in the chest and died on the way to hospital": a "died" joined by "and" to the
      // sentence's first verb has that verb's subject, counted when it is one person named at the start
      if ((low[t.tb] == "died" || low[t.tb] == "dies") && low[p - 1] == "and" && p - 1 > c.sb) {
        const size_t s0 = c.sb + (low[c.sb] == "a" || low[c.sb] == "an" || low[c.sb] == "the");
        size_t ge = s0;
        bool known = false;
        const std::string g = group_after(c, s0, 6, ge, &known);
        const bool one_person = !g.empty() && ge > s0 && ge + 1 < p && c.tok[ge].kind == TokenKind::Word &&
                                person_noun(low[ge - 1], c.tok[ge - 1].capitalised) &&
                                !plural_word(low[ge - 1], c.tok[ge - 1].capitalised) && !bare_number(c, c.sb) &&
                                low[ge] != "and" && low[ge] != "who" && subject_free(ge, t);
        // the words between are that one person's: no other victim, count or relative clause
        bool own = one_person && p - ge <= 16;
        for (size_t k = ge; own && k + 1 < p; ++k)
          own = !trigger_at(k) && !bare_number(c, k) && low[k] != "who" && low[k] != "and" && low[k] != ";";
        if (own) {
          Qty q;
          q.tb = c.sb;
          q.te = c.sb;
          q.best = q.low = q.high = 1;
          q.weak = true;
          Item it{q};
          it.group = g;
          it.group_end = ge;
          std::vector<Item> one{it};
          emit_items(t, one, 0.45, t.te);
          continue;
        }
      }
      // "was later found dead" reads like "was killed"
      const bool found_dead = low[t.tb] == "dead" && t.tb > c.sb && low[t.tb - 1] == "found";  // headline style
      const bool verb = t.def.role == Role::Verb || ((t.passive_form || found_dead) && low[t.tb] == "dead");
      const bool dies = !verb && (low[t.tb] == "died" || low[t.tb] == "dies");
      if (!verb && !dies) continue;
      if (!subject_free(p, t)) continue;
      // "a thief who later died": the noun before the relative pronoun
      size_t h = p;
      bool relative = low[p - 1] == "who" || low[p - 1] == "which" || low[p - 1] == "that";
      // "the nurse who sat beside him also died": a short relative clause of its own between noun and verb
      if (!relative && dies)
        for (size_t k = p; k > c.sb + 1 && k + 8 > p; --k) {
          const std::string_view w = low[k - 1];
          if (w == "who") {
            relative = true;
            p = k;
            break;
          }
          if (c.tok[k - 1].kind != TokenKind::Word || trigger_at(k - 1) || bare_number(c, k - 1) || w == "and" ||
              w == "but" || w == "when" || w == "after" || w == "while" || w == "whom")
            break;
        }
      if (relative) {
        h = p - 1;
        while (h > c.sb && low[h - 1] == ",") --h;
      }
      if (h == c.sb || trigger_at(h - 1)) continue;
      // the subject: words back to a clause boundary
      size_t d = h;
      while (d > c.sb && c.tok[d - 1].kind == TokenKind::Word && !breaks_phrase(low[d - 1]) && d + 8 > h) --d;
      const bool named = d < h && person_noun(low[h - 1], c.tok[h - 1].capitalised);
      const bool plural = d < h && plural_word(low[h - 1], c.tok[h - 1].capitalised);
      // One victim: "was killed"/"has been shot dead" (whatever the subject), "the herder died", and a
      // headline's "Bar owner shot dead near the market".
      bool one = false;
      if (verb && t.passive_form) one = t.singular;
      else if (dies) one = named && !plural;
      else one = d == c.sb && h == p && named && !plural && !relative && object_free(t);
      // a headline's subject with its own phrase: "Security guard from the Water Agency killed when ..."
      if (!one && verb && h == p && !relative && d > c.sb + 1 && object_free(t)) {
        size_t e = d;
        // through an organisation's name: "the Water and Forests Agency"
        while (e > c.sb + 2 && low[e - 1] == "and" && c.tok[e - 2].capitalised) {
          e -= 2;
          while (e > c.sb && c.tok[e - 1].kind == TokenKind::Word && c.tok[e - 1].capitalised) --e;
        }
        if (low[e - 1] == "the" || low[e - 1] == "a" || low[e - 1] == "an") --e;
        if (e > c.sb + 1 && (low[e - 1] == "from" || low[e - 1] == "of")) {
          size_t s0 = --e;
          while (s0 > c.sb && c.tok[s0 - 1].kind == TokenKind::Word && !breaks_phrase(low[s0 - 1]) && s0 + 4 > e) --s0;
          if (s0 == c.sb && s0 < e && c.tok[s0].capitalised && person_noun(low[e - 1], c.tok[e - 1].capitalised) &&
              !plural_word(low[e - 1], c.tok[e - 1].capitalised)) {
            one = true;
            d = s0;
          }
        }
      }
      if (!verb && !one) continue;
      if (!t.passive_form && !one) continue;
      Qty q;
      q.tb = d < h ? d : t.tb;
      q.te = q.tb;
      // "the leader of the party and his bodyguard was shot dead": a companion named with "and his"
      // counts, whatever number the verb has
      std::optional<std::pair<double, size_t>> n;
      if (after_and_possessive(d)) n = conjunct_count(h);
      const bool companion = n.has_value();
      if (one && !companion) {
        q.best = q.low = q.high = 1;
        q.weak = true;
      } else if (companion || (n = conjunct_count(h))) {  // "the governor and his driver were killed"
        q.tb = n->second;
        q.best = q.low = q.high = n->first;
      } else if (d < h && (low[d] == "a" || low[d] == "an" || (low[d] == "the" && t.either_number)) && named &&
                 !plural) {
        // "A Sorman councillor was reported to have been murdered", "the boy had been hanged": one, however
        // the verb is put
        q.best = q.low = q.high = 1;
        q.weak = true;
      } else {
        if (d == h) continue;
        q.unknown = true;
        q.vague_word = "unstated";
      }
      Item it{q};
      size_t ge = q.tb;
      it.group = d < h ? group_after(c, d, 8, ge) : std::string("people");
      it.group_end = std::max(ge, q.tb + 1);
      if (it.group.empty()) continue;
      if (d < h && !q.unknown) it.group_end = std::max(it.group_end, h);
      std::vector<Item> items{it};
      // "the governor was killed along with five bodyguards", "shot dead with his wife and child"
      size_t k = t.te;
      while (k < c.se && (is_time_word(low[k]) || low[k] == "on" || low[k] == "instantly")) ++k;
      if (k < c.se && low[k] == "with") k += 1;
      else k = companion_at(t.te);
      if (k && one) {
        if (auto q2 = qty_at(c, k); q2 && !q2->unknown && !is_used(q2->tb, q2->te)) {
          Item it2{*q2};
          bool known = false;
          it2.group = group_after(c, q2->te, 6, it2.group_end, &known);
          // "with his wife", not "with a machete"
          if (!it2.group.empty() && !(low[k - 1] == "with" && q2->weak && !known)) {
            items.push_back(it2);
            list_after(std::max(it2.group_end, q2->te), items, true);
          }
        }
      }
      if (items.size() > 1) {
        emit_items(t, items, 0.6, t.te);
      } else {
        Extracted e = make(t.def.kind, it, one ? 0.55 : q.unknown ? 0.5 : 0.6);
        out.push_back(e);
      }
    }

    // People set on fire ("a mob set two suspected thieves ablaze", "set the driver alight"): ACLED
    // counts them dead. Only counted people: "set them on fire" may be vans, "set himself on fire" a
    // protest.
    for (size_t i = c.sb; i + 3 < c.se; ++i) {
      if (low[i] != "set" && low[i] != "sets" && low[i] != "setting") continue;
      auto q = qty_at(c, i + 1);
      if (!q || q->unknown || is_used(q->tb, q->te)) continue;
      Item it{*q};
      bool known = false;
      it.group = group_after(c, q->te, 5, it.group_end, &known);
      const size_t g = std::max(it.group_end, q->te);
      const bool person = known || (g > q->te && person_noun(low[g - 1], c.tok[g - 1].capitalised));
      if (it.group.empty() || !person || g >= c.se) continue;
      const bool fire = low[g] == "ablaze" || low[g] == "alight" ||
                        (g + 1 < c.se && low[g] == "on" && low[g + 1] == "fire");
      if (!fire) continue;
      mark(q->tb, q->te);
      out.push_back(make(Kind::Killed, it, 0.6));
    }
  }

  static void emit(ik::sdk::Doc& doc, const Extracted& e) {
    ik::sdk::Mention m;
    m.start = e.start;
    m.end = e.end;
    m.label = "casualty";
    m.value = kind_name(e.kind);
    m.number = e.best;
    m.low = e.low;
    m.high = e.high;
    m.confidence = std::clamp(e.confidence, 0.0, 1.0);
    // Appended in place (one buffer rather than a temporary string per piece).
    std::string a;
    a.reserve(160 + e.group.size() + e.total_of.size());
    a += "{\"group\":\"";
    a += ik::text::json_escape(e.group);
    a += '"';
    a += e.part ? ",\"part_of_total\":true" : ",\"part_of_total\":false";
    if (!e.total_of.empty()) {
      a += ",\"total_of\":\"";
      a += ik::text::json_escape(e.total_of);
      a += '"';
    }
    a += e.negated ? ",\"negated\":true" : ",\"negated\":false";
    a += e.unknown ? ",\"unknown\":true" : ",\"unknown\":false";
    a += e.approximate ? ",\"approximate\":true" : ",\"approximate\":false";
    if (e.summary) a += ",\"summary\":true";
    if (e.toll) a += ",\"toll\":true";
    if (e.ambiguous) a += ",\"ambiguous\":true";
    if (e.sum) a += ",\"sum\":true";
    if (!e.vague_word.empty()) {
      a += ",\"vague\":\"";
      a += ik::text::json_escape(e.vague_word);
      a += '"';
    }
    if (!e.includes.empty()) {
      a += ",\"includes\":[";
      for (size_t i = 0; i < e.includes.size(); ++i) {
        a += i ? ",\"" : "\"";
        a += e.includes[i];
        a += '"';
      }
      a += "]";
    }
    a += "}";
    m.attrs_json = std::move(a);
    doc.add(std::move(m));
  }
};

}  // namespace

IK_PLUGIN(ik_casualties, "1.0.0", Casualties)
