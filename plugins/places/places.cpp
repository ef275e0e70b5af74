// places.v1: place mentions resolved against the embedded gazetteer (see gazetteer.hpp).
//
// 1. Tokens; capitalised word runs (with article/connector words such as "al-", "de") are looked up
//    longest-first by their loose key (transliteration variants fold together).
// 2. Layouts that say where a place is: "X (Admin2, Admin1)", "X, Admin1", "the village of X",
//    "X district", "X countryside". They fix the admin unit and place names the gazetteer lacks.
// 3. Ambiguous names are resolved by the admin units and countries the document names, then population.
// 4. Capitalised words that are not places here (sentence-initial words, words in organisation or person
//    names, common words) need stronger evidence: a locative preposition or one of the layouts above.
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/text.hpp"
#include "gazetteer.hpp"
#include "incidentkit/sdk.hpp"

namespace {

using ik::places::Entity;
using ik::places::Gazetteer;
using ik::places::Hit;
namespace P = ik::places;

struct ViewHash {  // lets the map below be searched with a string_view, no string built per lookup
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
// The loose key of a folded name (P::name_key), remembered per thread: documents ask for the same
// names and words again and again, and computing a key costs far more than looking it up.
// Returns a reference into the cache (no copy per hit): valid until the next call on this thread, which
// may clear the cache; callers that keep the key across another call copy it.
const std::string& name_key(std::string_view folded) {
  thread_local std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>> known;
  if (auto it = known.find(folded); it != known.end()) return it->second;
  if (known.size() >= (1u << 16)) known.clear();  // bounded: a long run sees many rare names
  return known.emplace(folded, P::name_key(folded)).first->second;
}

// ----------------------------------------------------------------------------- word lists
// A set of short lower-case words: words of up to 8 bytes are packed into a uint64 (two overlapping
// fixed-size loads, no memcpy call) and found in a small open-addressing table (no binary search: these
// sets are asked ~400 K times a run); longer ones fall back to a sorted vector of strings.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    size_t shorts = 0;
    for (auto w : words) shorts += !w.empty() && w.size() <= 8;
    size_t cap = 8;
    while (cap < 2 * shorts) cap *= 2;  // at most half full: probes stay short
    table_.assign(cap, 0);
    mask_ = cap - 1;
    for (auto w : words) {
      if (w.empty()) continue;
      if (w.size() <= 8) {
        const uint64_t v = pack(w);
        size_t i = slot(v);
        while (table_[i] != 0 && table_[i] != v) i = (i + 1) & mask_;
        table_[i] = v;
      } else {
        long_.emplace_back(w);
      }
    }
    std::sort(long_.begin(), long_.end());
  }
#if defined(__GNUC__)
  __attribute__((always_inline))  // a few instructions, asked ~500 K times: no call
#endif
  bool count(std::string_view w) const {
    if (w.empty()) return false;
    if (w.size() <= 8) {
      const uint64_t v = pack(w);  // 0 (all NUL bytes) marks an empty slot: no word packs to it
      for (size_t i = slot(v);; i = (i + 1) & mask_) {
        const uint64_t t = table_[i];
        if (t == v) return v != 0;
        if (t == 0) return false;
      }
    }
    return std::binary_search(long_.begin(), long_.end(), w);
  }

 private:
  // The bytes of w (1..8 of them) in a uint64, little-endian, zero above: what memcpy into 0 gives.
  static uint64_t pack(std::string_view w) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(w.data());
    const size_t n = w.size();
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return uint64_t(lo) | uint64_t(hi) << (8 * (n - 4));
    }
    return uint64_t(p[0]) | uint64_t(p[n >> 1]) << (8 * (n >> 1)) | uint64_t(p[n - 1]) << (8 * (n - 1));
  }
  size_t slot(uint64_t v) const { return size_t((v * 0x9E3779B97F4A7C15ull) >> 40) & mask_; }
  std::vector<uint64_t> table_;
  size_t mask_ = 0;
  std::vector<std::string_view> long_;
};

// Lower-case words that may sit inside a place name ("Maarat al-Numan", "Rio de Janeiro").
const WordSet kConnectors = {
    "al", "el", "ad", "ar", "as", "an", "at", "ash", "az", "adh", "ath", "ed", "er", "es", "et", "ez", "en",
    "ul", "ud", "ur", "us", "il", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la",
    "le", "les", "of", "y", "bin", "ibn", "bani", "wa", "and", "upon", "on", "sur", "am", "im", "van", "von"};
bool is_connector(std::string_view w) {
  if (w.empty() || w.size() > 6) return false;
  static constexpr uint32_t kFirst = (1u << ('a' - 'a')) | (1u << ('b' - 'a')) | (1u << ('d' - 'a')) |
                                     (1u << ('e' - 'a')) | (1u << ('i' - 'a')) | (1u << ('l' - 'a')) |
                                     (1u << ('o' - 'a')) | (1u << ('s' - 'a')) | (1u << ('u' - 'a')) |
                                     (1u << ('v' - 'a')) | (1u << ('w' - 'a')) | (1u << ('y' - 'a'));
  const char c = w[0];
  if (c < 'a' || c > 'z' || !(kFirst & (1u << (c - 'a')))) return false;
  return kConnectors.count(w);
}

// Connectors that cannot end a name and, alone, never start one.
const WordSet kInnerOnly = {"of", "and", "upon", "on", "y", "wa", "sur", "am", "im"};

// Words before a place that make it a location ("in Ariha", "near Saraqib").
const WordSet kLocPreps = {
    "in", "at", "near", "from", "outside", "into", "toward", "towards", "across", "around", "between",
    "of", "to", "on", "inside", "within", "over", "against", "nearby", "through", "throughout", "along", "besieged", "targeted",
    "struck", "shelled", "bombed", "hit", "raided", "stormed", "entered", "captured", "attacked", "seized",
    "surrounding", "outskirts", "beyond", "via"};

// Generic nouns saying the next/previous capitalised run is a place.
const WordSet kPlaceNouns = {
    "town", "village", "city", "area", "neighbourhood", "neighborhood", "suburb", "camp", "locality",
    "community", "district", "region", "province", "governorate", "state", "county", "municipality", "lga",
    "township", "hamlet", "countryside", "outskirts", "subdistrict", "sub-district", "subdivision", "sub-division",
    "subcounty", "sub-county", "settlement", "quarter",
    "commune", "department", "prefecture", "oblast", "raion", "valley", "island", "port", "villages", "towns",
    "areas", "cities", "communities", "sector", "zone", "market", "refugee", "idp", "territory", "chiefdom",
    "ward", "division", "plain", "plains", "mountains", "mount", "capital", "border", "crossing", "airport",
    "airbase", "oilfield", "university", "campus", "prison", "checkpoint", "junction", "payam", "boma", "woreda",
    "kebele", "upazila", "axis", "frontline", "frontlines"};
// Of these, the ones naming an admin unit (prefer the admin reading of the name before them).
const WordSet kAdmin1Nouns = {"province", "governorate", "state", "region", "oblast",
                                                           "department", "prefecture", "countryside", "provinces",
                                                           "states", "governorates", "regions"};
const WordSet kAdmin2Nouns = {"district", "county", "lga", "municipality",
                                                           "subdistrict", "raion", "territory", "division",
                                                           "payam", "woreda", "commune", "upazila", "subdivision",
                                                           "sub-division"};
// Days and months: a name never runs on into them ("the town of Taji on Tuesday").
const WordSet kCalendar = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
// Never places, whatever precedes them ("on Monday" is not Monda, Spain).
const WordSet kNever = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "god", "allah",
    "christmas", "ramadan", "easter", "eid", "reuters", "assad", "police", "army", "putin", "erdogan",
    "trump", "biden", "obama", "netanyahu", "bashar", "vladimir", "hassan", "hussein", "mohammed",
    "muhammad", "ahmed", "ali", "omar", "abdullah", "ibrahim", "mustafa", "khalid", "recep", "donald",
    "shiite", "shia", "shiites", "sunni", "sunnis", "muslim", "muslims", "christian", "christians", "islamic",
    "islamist", "islamists", "jihadist", "jihadists", "buddhist", "buddhists", "catholic", "orthodox",
    "english", "arabic", "french", "swahili", "kiswahili", "amharic", "portuguese", "spanish"};

// Capitalised words that may stand before a place name without making it part of a longer name
// ("Northern Idlib", "Rural Damascus", "Greater Khartoum"). Any other capitalised word does: "Forum for
// Democratic Change", "Nelson Mandela Municipality".
const WordSet kModifiers = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "middle", "greater", "rural", "downtown", "old", "new", "al", "el", "the", "northeast", "northwest", "southeast",
    "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "inner", "outer", "coastal"};

// "the vicinity of X", "the outskirts of X": words before "of" that make the name after it a place.
const WordSet kOfPlaceWords = {"vicinity", "outskirts", "environs", "residents", "inhabitants", "east", "west",
                               "north", "south", "northeast", "northwest", "southeast", "southwest", "centre",
                               "center", "heart", "streets", "people", "youths", "villagers", "parts", "part"};

// People named after where they live ("Kabale residents", "a Khayelitsha teenager").
const WordSet kResidentNouns = {
    "residents", "resident", "villagers", "inhabitants", "locals", "youths", "youth", "teenager", "teenagers",
    "community", "communities", "traders", "farmers", "herders", "fishermen", "motorists", "taxi", "township",
    "dwellers", "settlers", "natives", "pupils", "students", "women", "men", "boy", "girl", "man", "woman",
    "family", "families", "elders", "chiefs", "chief", "mob", "crowd"};

// Verbs whose object is often a place ("captured Sarrong", "raided Tombo").
const WordSet kSeizeVerbs = {"attacked", "captured", "raided", "stormed", "invaded", "bombed", "shelled",
                             "besieged", "entered", "seized", "overran", "looted", "torched", "recaptured",
                             "retook", "occupied", "attack", "attacks", "raid", "storm", "invade", "bomb", "shell",
                             "capture", "seize", "overrun", "loot", "left", "leave", "leaves", "reached", "reach",
                             "reaches", "abandoned", "vacated", "surrounded", "encircled"};
// "an attack on X".
const WordSet kAttackNouns = {"attack", "attacks", "raid", "raids", "assault", "offensive", "airstrike",
                              "airstrikes", "strike", "strikes", "advance", "ambush", "march", "fall", "fell",
                              "landed", "rained"};

// Capitalised only because they open a sentence or a title: never the first word of a place name.
const WordSet kFunctionWords = {
    "the", "a", "in", "on", "of", "for", "with", "by", "from", "to", "and", "or", "but", "if", "he", "she",
    "they", "we", "it", "this", "that", "these", "those", "there", "when", "where", "while", "after", "before",
    "during", "since", "until", "some", "many", "most", "several", "all", "both", "his", "her", "their", "its",
    "our", "according", "meanwhile", "however", "also", "earlier", "later", "later", "yesterday", "today",
    "over", "under", "about", "around", "across", "against", "among", "between", "into", "near", "without",
    "within", "upon", "once", "then", "thus", "still", "yet", "even", "only", "just", "not", "no", "any",
    "each", "every", "such", "what", "which", "who", "how", "why", "so", "than", "up", "out",
    "more", "less", "few", "other", "another", "here", "now", "unknown", "unidentified", "suspected"};

// Capitalised words of buildings and institutions: "X Y in Z" with these is not a place in Z.
const WordSet kFacilities = {
    "directorate", "ministry", "office", "center", "centre", "hospital", "school", "university", "square",
    "street", "stadium", "company", "council", "court", "headquarters", "station", "market", "college", "bank",
    "hotel", "mall", "airport", "prison", "embassy", "consulate", "mosque", "church", "temple", "library",
    "academy", "institute", "factory", "plant", "mine", "road", "avenue", "bridge", "building", "tower"};

// Parts of a town that may bear a country's name ("Liberia neighbourhood", "Sudan Street").
const WordSet kPartNouns = {"neighborhood", "neighbourhood", "quarter", "street", "road", "avenue", "square", "estate",
                            "ward"};

// Capitalised words following a name that still leave it a place ("Kano State", "Gaza City").
const WordSet kPlaceSuffixWords = {
    "state", "province", "governorate", "region", "district", "county", "city", "town", "village", "camp",
    "lga", "area", "oblast", "municipality", "countryside", "department", "prefecture", "strip", "valley",
    "sub", "local", "township", "division", "refugee", "governate", "island", "islands", "neighbourhood",
    "neighborhood", "zone", "territory", "federal", "cbd", "metropolis", "metropolitan"};

// Nouns that end an armed force's name (in_force_name).
const WordSet kForceNouns = {"force", "forces", "brigade", "brigades", "battalion", "battalions", "regiment",
                             "guard", "guards", "army", "front", "units", "militia"};

// Capitalised words that are never place mentions on their own (common nouns, titles, calendar words,
// news agencies, frequent person names that are also gazetteer entries).
const WordSet kStop = {
    "police", "mosque", "hospital", "union", "victoria", "reuters", "assad", "army", "government", "president",
    "minister", "ministry", "university", "school", "church", "market", "forces", "force", "security", "state",
    "states", "city", "town", "village", "district", "province", "region", "council", "court", "national",
    "republic", "islamic", "democratic", "people", "peoples", "party", "movement", "front", "liberation",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "christmas",
    "ramadan", "eid", "easter", "god", "allah", "prophet", "christian", "christians", "muslim", "muslims",
    "catholic", "mission", "central", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "upper", "lower", "middle", "new", "old", "great", "greater", "grand", "little", "saint", "san",
    "santa", "sao", "mount", "lake", "river", "sea", "ocean", "gulf", "bay", "port", "airport", "station",
    "bridge", "road", "street", "highway", "square", "camp", "prison", "palace", "park", "centre", "center",
    "valley", "hill", "hills", "coast", "beach", "island", "islands", "border", "desert", "field", "fields",
    "media", "news", "press", "agency", "associated", "afp", "ap", "bbc", "cnn", "sana", "anadolu", "xinhua",
    "times", "post", "telegraph", "guardian", "observatory", "amnesty", "human", "rights", "watch", "red",
    "cross", "crescent", "un", "nations", "united", "european", "african", "arab", "league", "council",
    "committee", "commission", "office", "general", "colonel", "major", "captain", "sergeant", "lieutenant",
    "commander", "chief", "governor", "mayor", "senator", "sheikh", "imam", "bishop", "pastor", "king",
    "queen", "prince", "princess", "lord", "sir", "mr", "mrs", "ms", "dr", "doctor", "professor", "pope",
    "al", "el", "the", "a", "an", "and", "or", "but", "if", "he", "she", "they", "we", "it", "his", "her",
    "their", "our", "its", "this", "that", "these", "those", "there", "here", "when", "where", "while",
    "after", "before", "during", "since", "until", "on", "in", "at", "of", "for", "with", "by", "from", "to",
    "as", "some", "many", "most", "several", "all", "both", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next", "other", "another", "also",
    "however", "meanwhile", "according", "although", "because", "gunmen", "militants", "soldiers",
    "troops", "rebels", "fighters", "civilians", "residents", "witnesses", "officials", "sources", "locals",
    "protesters", "rioters", "unknown", "unidentified", "armed", "military", "militia", "regime", "opposition",
    "coalition", "alliance", "brigade", "battalion", "division", "unit", "group", "groups", "members",
    "supporters", "youth", "youths", "students", "teachers", "workers", "farmers", "herders", "traders",
    "women", "children", "men", "family", "families", "victims", "survivors", "hospital", "clinic", "health",
    "medical", "doctors", "aid", "relief", "charity", "foundation", "international", "global", "world",
    "federal", "local", "provincial", "regional", "municipal", "interior", "defence", "defense", "justice",
    "foreign", "affairs", "home", "office", "house", "parliament", "senate", "congress", "assembly", "cabinet",
    "election", "elections", "electoral", "tribunal", "prosecutor", "police", "gendarmerie", "guard",
    "guards", "navy", "air", "special", "operations", "intelligence", "service", "services", "tiger",
    "tigers", "wagner", "hamas", "hezbollah", "taliban", "shabaab", "haram", "boko", "isis", "isil", "daesh",
    "jnim", "fano", "tplf", "sdf", "ypg", "pkk", "hts", "fsa", "sna", "idf", "rsf", "saf", "swat", "frente",
    "fuerza", "friday", "death", "deaths", "dead", "killed", "attack", "attacks", "violence", "conflict", "war",
    "crisis", "peace", "ceasefire", "truce", "deal", "agreement", "talks", "summit", "conference", "report",
    "reports", "statement", "video", "photo", "image", "images", "picture", "source", "updated", "published",
    "follow", "share", "read", "more", "click", "sign", "login", "home", "menu", "search", "contact", "about",
    "privacy", "terms", "cookie", "cookies", "copyright", "advertisement", "subscribe", "newsletter", "email",
    // field labels of logs and forms ("Date: 28 Apr 2019" is not Date, Japan)
    "date", "time", "status", "sector", "damage", "notes", "note", "facility", "location", "type", "summary",
    "casualties", "perpetrator", "title", "subject", "reference",
    "twitter", "facebook", "whatsapp", "telegram", "youtube", "instagram", "online", "internet", "digital",
    "social", "economic", "political", "politics", "business", "sports", "sport", "culture", "opinion",
    "analysis", "editorial", "feature", "features", "live", "latest", "breaking", "exclusive", "special",
    "independent", "liberal", "labour", "conservative", "green", "white", "black", "blue", "golden", "gold",
    "silver", "star", "sun", "moon", "rose", "lily", "hope", "faith", "grace", "joy", "paradise", "eden",
    "victory", "liberty", "freedom", "justice", "unity", "progress", "success", "fortune", "providence",
    "bethel", "salem", "zion", "hebron", "nazareth", "bethlehem", "canaan", "goshen", "sharon", "jordan",
    "chad", "george", "florence", "paris", "sydney", "austin", "lincoln", "washington", "jackson",
    "douglas", "hamilton", "wellington", "nelson", "raleigh", "charlotte", "augusta", "marion", "clinton",
    "madison", "franklin", "warren", "mobile", "reading", "bath", "split", "nice", "mission", "aurora",
    "orange", "shiite", "shia", "shiites", "sunni", "sunnis", "kurdish", "kurds", "arab", "arabs",
    "christian", "jewish", "druze", "alawite", "yazidi", "fulani", "hausa", "tiv", "turkmen", "pashtun",
    "education", "agriculture", "finance", "transport", "technology", "science", "works", "energy", "trade",
    "information", "communications", "environment", "housing", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "plantation", "company", "ltd", "limited", "inc", "corporation", "holdings", "group",
    "toyota", "hilux", "nissan", "land", "cruiser", "antonov", "sukhoi", "mig", "kalashnikov"};
// (Place names in the list above still match when a layout or preposition vouches for them, e.g.
//  "in Jordan", "in Lagos": only the bare, unsupported capitalised word is dropped.)


// ----------------------------------------------------------------------------- country cues
// Words that say which country a report is about without naming a place: armed groups, parties and
// forces with one home country, peace missions, and the admin vocabulary of one country. Each is
// country evidence (weaker than the country's name) that steers ambiguous names and lets unlisted
// places be placed. `acronym`: matches only when written in capitals ("ADF", not "adf"). Groups active
// in several countries (IS, AQIM, LRA, PKK, "SNA" = Syrian or Somali National Army) are left out, and so
// are armies that fight abroad (KDF, UPDF and ENDF are most often reported in Somalia).
struct CountryCue {
  std::string_view phrase;  // folded words, space-separated ("boko haram")
  const char* iso2;
  bool acronym;
  bool common_words = false;  // a lower-case phrase, not a name: "service delivery" (protests)
  bool before_party_noun = false;  // an acronym with other meanings elsewhere ("APC": an armoured vehicle,
                                   // "PDP-Laban"): counts only as a party, "APC supporters", "a PDP chieftain"
  bool unqualified = false;  // counts only with no capitalised word before it: "regime forces" are Syria's
                             // in the reports we read, "Iranian regime forces" are not
};

// Words that make an acronym before them a political party.
const WordSet kPartyNouns = {
    "supporters", "supporter", "member", "members", "chieftain", "chieftains", "candidate", "candidates",
    "chairman", "chairmen", "leader", "leaders", "youths", "thugs", "stalwart", "stalwarts", "rally", "rallies",
    "secretariat", "office", "offices", "campaign", "governorship", "senatorial", "agents", "agent", "loyalists",
    "councillor", "councillors", "primaries", "primary", "ward", "party", "faithful", "delegates", "aspirant"};
constexpr CountryCue kCountryCues[] = {
    // Nigeria
    {"boko haram", "NG", false}, {"iswap", "NG", true}, {"lga", "NG", true}, {"local government area", "NG", false},
    {"ipob", "NG", true}, {"nscdc", "NG", true}, {"amotekun", "NG", false}, {"miyetti allah", "NG", false},
    {"naira", "NG", false}, {"niger delta avengers", "NG", false}, {"iswa", "NG", true},
    {"pdp", "NG", true, false, true}, {"apc", "NG", true, false, true}, {"all progressives congress", "NG", false},
    // Somalia
    {"al shabaab", "SO", false}, {"al shabab", "SO", false}, {"shabaab", "SO", false}, {"amisom", "SO", true},
    {"atmis", "SO", true}, {"galmudug", "SO", false}, {"jubaland", "SO", false}, {"puntland", "SO", false},
    {"ahlu sunna wal jamaa", "SO", false}, {"ahlu sunna waljamaa", "SO", false}, {"khatumo", "SO", false},
    {"somaliland", "SO", false}, {"hirshabelle", "SO", false}, {"pmpf", "SO", true},
    // South Sudan
    {"spla", "SS", true}, {"splm", "SS", true}, {"unmiss", "SS", true}, {"sspdf", "SS", true}, {"payam", "SS", false},
    {"white army", "SS", false}, {"arrow boys", "SS", false},
    // Sudan
    {"rsf", "SD", true}, {"rapid support forces", "SD", false}, {"janjaweed", "SD", false}, {"unamid", "SD", true},
    {"saf", "SD", true}, {"sudanese armed forces", "SD", false}, {"sudan armed forces", "SD", false}, {"jem", "SD", true},
    {"splm n", "SD", false}, {"spla n", "SD", false},
    // DR Congo
    {"fardc", "CD", true}, {"monusco", "CD", true}, {"adf", "CD", true}, {"m23", "CD", true}, {"fdlr", "CD", true},
    {"mai mai", "CD", false}, {"mayi mayi", "CD", false}, {"raia mutomboki", "CD", false}, {"nyatura", "CD", false},
    {"codeco", "CD", true}, {"apcls", "CD", true}, {"kamuina nsapu", "CD", false}, {"groupement", "CD", false},
    {"chefferie", "CD", false}, {"mai-mai", "CD", false},
    // Central African Republic
    {"minusca", "CF", true}, {"seleka", "CF", false}, {"anti balaka", "CF", false}, {"fprc", "CF", true},
    // Mali, Burkina Faso
    {"minusma", "ML", true}, {"fama", "ML", true}, {"mnla", "ML", true}, {"gatia", "ML", true}, {"ansar dine", "ML", false},
    {"vdp", "BF", true}, {"koglweogo", "BF", false}, {"ansarul islam", "BF", false},
    // Ethiopia
    {"woreda", "ET", false}, {"kebele", "ET", false}, {"tplf", "ET", true}, {"fano", "ET", false},
    {"onlf", "ET", true}, {"liyu", "ET", false}, {"olf", "ET", true}, {"ola", "ET", true}, {"eprdf", "ET", true},
    // Kenya, Uganda, Burundi, Mozambique, Cameroon
    {"imbonerakure", "BI", false}, {"cndd fdd", "BI", false},
    {"renamo", "MZ", false}, {"frelimo", "MZ", false}, {"ambazonia", "CM", false}, {"ambazonian", "CM", false},
    // South Africa, Zimbabwe
    {"anc", "ZA", true}, {"eff", "ZA", true}, {"ifp", "ZA", true}, {"saps", "ZA", true}, {"cosatu", "ZA", true},
    {"numsa", "ZA", true}, {"amcu", "ZA", true}, {"zanu", "ZW", true}, {"zanu pf", "ZW", false}, {"zrp", "ZW", true},
    // North Africa
    {"wilaya", "DZ", false}, {"daira", "DZ", false}, {"ugtt", "TN", true}, {"lna", "LY", true}, {"gna", "LY", true},
    {"haftar", "LY", false}, {"serraj", "LY", false}, {"sarraj", "LY", false},
    {"zintani", "LY", false}, {"hasm", "EG", true},
    // Middle East
    {"houthi", "YE", false}, {"houthis", "YE", false}, {"ansar allah", "YE", false}, {"ansarallah", "YE", false},
    {"aqap", "YE", true}, {"hashd", "IQ", false}, {"peshmerga", "IQ", false}, {"hts", "SY", true}, {"sdf", "SY", true},
    {"ypg", "SY", true}, {"white helmets", "SY", false}, {"hayat tahrir al sham", "SY", false},
    {"tahrir al sham", "SY", false}, {"hurras al din", "SY", false}, {"hurras ad din", "SY", false},
    {"jabhat al nusra", "SY", false}, {"nusra front", "SY", false}, {"jabhat fateh al sham", "SY", false},
    {"ahrar al sham", "SY", false}, {"jaysh al islam", "SY", false}, {"faylaq al sham", "SY", false},
    {"tiger forces", "SY", false}, {"ahrar al sharqiya", "SY", false}, {"jaysh al izza", "SY", false},
    {"qsd", "SY", true}, {"ypj", "SY", true}, {"hamza division", "SY", false}, {"sultan murad", "SY", false},
    {"sultan suleiman shah", "SY", false}, {"levant front", "SY", false}, {"manbij military council", "SY", false},
    {"fatemiyoun", "SY", false}, {"zainabiyoun", "SY", false}, {"regime forces", "SY", false, true, false, true}, {"regime troops", "SY", false, true, false, true},
    {"regime warplanes", "SY", false, true, false, true}, {"regime helicopters", "SY", false, true, false, true},
    {"regime artillery", "SY", false, true, false, true}, {"regime s", "SY", false, true, false, true}, {"pro regime", "SY", false, true, false, true}, {"hamas", "PS", false}, {"unifil", "LB", true},
    {"hezbollah", "LB", false}, {"irgc", "IR", true}, {"basij", "IR", false},
    // South and South-East Asia
    {"taliban", "AF", false}, {"pakistani taliban", "PK", false}, {"ttp", "PK", true}, {"tehreek e taliban", "PK", false}, {"tehrik i taliban", "PK", false},
    {"pti", "PK", true}, {"awami league", "BD", false}, {"bnp", "BD", true},
    {"upazila", "BD", false}, {"tatmadaw", "MM", false}, {"arakan army", "MM", false}, {"barangay", "PH", false},
    {"abu sayyaf", "PH", false}, {"npa", "PH", true}, {"milf", "PH", true},
    // Communities, clans, parties, unions and leaders with one home country (frequent in local reports).
    {"sng", "SO", true}, {"sngf", "SO", true}, {"sub clan", "SO", false}, {"habar gidir", "SO", false},
    {"majerteen", "SO", false}, {"dhulbahante", "SO", false}, {"hawiye", "SO", false}, {"abgaal", "SO", false},
    {"marehan", "SO", false}, {"isaaq", "SO", false}, {"rahanweyn", "SO", false},
    {"murle", "SS", false}, {"dinka", "SS", false}, {"nuer", "SS", false}, {"toposa", "SS", false},
    {"shilluk", "SS", false}, {"kiir", "SS", false}, {"machar", "SS", false},
    {"misseriya", "SD", false}, {"rizeigat", "SD", false}, {"slm", "SD", true}, {"sla", "SD", true},
    {"jebel marra", "SD", false}, {"jebel marrah", "SD", false}, {"darfur", "SD", false}, {"kordofan", "SD", false},
    {"nuba", "SD", false}, {"bashir", "SD", false},
    {"oromo", "ET", false}, {"qeerroo", "ET", false}, {"onla", "ET", true}, {"guji", "ET", false},
    {"frpi", "CD", true}, {"ituri", "CD", false}, {"kivu", "CD", false}, {"nande", "CD", false}, {"lendu", "CD", false},
    {"banyamulenge", "CD", false}, {"kabila", "CD", false}, {"nkurunziza", "BI", false}, {"fnl", "BI", true},
    {"fdc", "UG", true}, {"nrm", "UG", true}, {"besigye", "UG", false}, {"museveni", "UG", false},
    {"cuf", "TZ", true}, {"chadema", "TZ", false}, {"ccm", "TZ", true}, {"magufuli", "TZ", false},
    {"mrc", "KE", true}, {"iebc", "KE", true}, {"okada", "NG", false}, {"nulge", "NG", true}, {"nlc", "NG", true},
    {"asuu", "NG", true}, {"cjtf", "NG", true}, {"buhari", "NG", false}, {"biafra", "NG", false},
    {"biafran", "NG", false}, {"rdp", "ZA", true}, {"sanco", "ZA", true}, {"sadtu", "ZA", true},
    {"satawu", "ZA", true}, {"nehawu", "ZA", true}, {"popcru", "ZA", true}, {"zuma", "ZA", false},
    {"mugabe", "ZW", false}, {"tsvangirai", "ZW", false}, {"service delivery", "ZA", false, true},
    {"khoisan", "ZA", false}, {"dahalo", "MG", false}, {"casamance", "SN", false}, {"ufdg", "GN", true},
    {"ntoumi", "CG", false}, {"majeerten", "SO", false}, {"deby", "TD", false}, {"biya", "CM", false},
    {"sassou", "CG", false},
    {"misratan", "LY", false}, {"sisi", "EG", false},
    // Universities, student and labour unions, utilities, state agencies and parties of one country (the
    // organisers and targets of most local protests). Acronyms with other meanings count only as parties.
    {"uct", "ZA", true}, {"nmmu", "ZA", true}, {"wsu", "ZA", true}, {"ukzn", "ZA", true}, {"cput", "ZA", true},
    {"dut", "ZA", true}, {"uwc", "ZA", true}, {"unisa", "ZA", true}, {"sasco", "ZA", true}, {"samwu", "ZA", true},
    {"feesmustfall", "ZA", false}, {"rhodesmustfall", "ZA", false}, {"feeswillfall", "ZA", false},
    {"nans", "NG", true}, {"jamb", "NG", true}, {"nysc", "NG", true}, {"nimasa", "NG", true}, {"unilag", "NG", true},
    {"niss", "SD", true}, {"nisa", "SO", true}, {"faca", "CF", true}, {"uget", "TN", true}, {"pfg", "LY", true},
    {"upnd", "ZM", true}, {"mdc", "ZW", true}, {"zctu", "ZW", true}, {"udps", "CD", true}, {"jirama", "MG", true},
    {"pdci", "CI", true}, {"rhdp", "CI", true}, {"odm", "KE", true}, {"opdo", "ET", true},
    {"mpp", "BF", true, false, true}, {"udp", "GM", true, false, true}, {"mcp", "MW", true, false, true},
    // Europe, the Americas
    {"oblast", "UA", false}, {"hromada", "UA", false}, {"farc", "CO", true}, {"eln", "CO", true}, {"cjng", "MX", true}};

// Countries with sustained armed conflict or mass political violence in the 2010s-2020s (UCDP/ACLED
// public summaries): where reports of violence mostly come from. A name with namesakes and no country
// evidence in the document leans towards them.
constexpr const char* kConflictCountries[] = {
    "AF", "BF", "BI", "CD", "CF", "CM", "DZ", "EG", "ER", "ET", "IQ", "KE", "LB", "LY", "ML", "MM", "MZ", "NE", "NG",
    "PK", "PS", "SD", "SO", "SS", "SY", "TD", "TN", "UG", "UA", "YE", "ZA", "ZW", "CO", "HT", "BD", "PH", "RW", "SN",
    "GN", "CI", "MA", "IL", "LR", "SL"};

// Countries whose place names reach English through transliteration (Arabic, Persian, Ge'ez, Cyrillic,
// Greek, Hebrew, Armenian, Georgian and South-Asian scripts, and Somali/Sudanese names with competing
// spellings): only their places match loosely ("Maarat al-Numan" for "Ma'arrat an Nu'man"). Elsewhere a
// name is spelled one way, and a loose key match is a different word: "Mayama" is not Miami, "Grenade"
// not Grenada. East-Asian countries are left out: their romanisations are standard and GeoNames lists
// the old ones ("Peking") as alternate names.
constexpr const char* kTransliterated[] = {
    "DZ", "BH", "DJ", "EG", "EH", "ER", "ET", "IQ", "IR", "IL", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
    "SA", "SD", "SO", "SS", "SY", "TD", "TN", "AE", "YE", "AF", "PK", "IN", "BD", "NP", "LK", "MM", "TJ", "UZ", "KZ",
    "KG", "TM", "AZ", "AM", "GE", "RU", "UA", "BY", "BG", "RS", "MK", "MN", "GR", "CY"};

// ----------------------------------------------------------------------------- tokens
struct Tok {
  uint32_t s = 0, e = 0;
  enum Kind : uint8_t { Word, Num, Punct } kind = Word;
  bool cap = false;         // first letter upper case
  bool sent_start = false;  // first word of a sentence (or after ':' / a quote / a line break)
  bool space_before = false;
  char punct = 0;           // for Punct: the ASCII mark, or '-' for dashes, '"' for quotes
  std::string f;            // folded word
  std::string_view raw;     // the word as written
};

// "the National Mobile Force", "the Sinjar Resistance Units": a name whose next word is an armed force's
// noun is a word of the force's name (a town a group is named for is not where it fought: "the Hama
// Brigade" fought elsewhere), and no vote for the town's country.
bool in_force_name(const std::vector<Tok>& T, size_t last) {
  return last + 1 < T.size() && T[last + 1].kind == Tok::Word && T[last + 1].cap && kForceNouns.count(T[last + 1].f);
}

std::string_view text_of(const std::vector<Tok>& T, size_t i) { return T[i].raw; }

uint32_t decode(std::string_view t, size_t i, int& len) {
  const unsigned char c = t[i];
  if (c < 0x80) { len = 1; return c; }
  int n = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
  if (i + n > t.size()) { len = 1; return c; }
  uint32_t cp = (n == 2) ? (c & 0x1F) : (n == 3) ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
  len = n;
  return cp;
}

bool is_apostrophe(uint32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x02BF ||
         cp == 0x02BE || cp == 0x00B4 || cp == 0x2032;
}
// ASCII letters and digits, one load a byte for the tokenizer's inner loop.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (unsigned c = 0; c < 256; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();
bool is_letter(uint32_t cp) {
  if (cp < 0x80) return kAsciiAlnum[cp];
  if (cp < 0xC0) return false;                        // Latin-1 punctuation, NBSP
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;     // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp == 0xFEFF) return false;
  return true;
}
bool is_upper(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0;
  return false;
}

std::vector<Tok> tokenize(std::string_view t) {
  std::vector<Tok> out;
  out.reserve(t.size() / 5);
  size_t i = 0;
  bool space = true, start = true;
  while (i < t.size()) {
    if (t[i] == ' ') {  // the commonest byte between tokens: as the white-space case below, without decoding
      space = true;
      ++i;
      continue;
    }
    int len;
    uint32_t cp = decode(t, i, len);
    // Tokens are built in place (emplace_back()): a Tok holds a std::string, and moving one in cost a
    // memcpy call per token.
    if (is_letter(cp)) {
      Tok& k = out.emplace_back();
      k.s = uint32_t(i);
      k.cap = is_upper(cp);
      const bool digit = cp >= '0' && cp <= '9';
      size_t j = i + len;
      while (j < t.size()) {
        // ASCII letters and digits, most of every word, without the general decoding below.
        if (kAsciiAlnum[static_cast<unsigned char>(t[j])]) {
          ++j;
          continue;
        }
        int l2;
        uint32_t c2 = decode(t, j, l2);
        if (is_letter(c2)) { j += l2; continue; }
        if (is_apostrophe(c2) && j + l2 < t.size()) {
          int l3;
          uint32_t c3 = decode(t, j + l2, l3);
          // Internal apostrophe ("Ma'arrat", "Nu'man"), but not a possessive "'s".
          const bool possessive = (c3 == 's' || c3 == 'S') &&
                                  (j + l2 + 1 >= t.size() || !is_letter(decode(t, j + l2 + 1, l3)));
          if (is_letter(c3) && !(c3 >= '0' && c3 <= '9') && !possessive) { j += l2; continue; }
        }
        break;
      }
      k.e = uint32_t(j);
      k.raw = t.substr(i, j - i);
      k.kind = digit ? Tok::Num : Tok::Word;
      k.sent_start = start;
      k.space_before = space;
      start = false;
      space = false;
      i = j;
      continue;
    }
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0) { space = true; i += len; continue; }
    if (cp == '\n') { space = true; start = true; i += len; continue; }
    // (an abbreviation's word before a '.' is looked at below, before this token joins `out`)
    const bool after_short_cap = !out.empty() && out.back().kind == Tok::Word && out.back().e - out.back().s <= 2 &&
                                 out.back().cap;
    Tok& k = out.emplace_back();
    k.s = uint32_t(i);
    k.e = uint32_t(i + len);
    k.kind = Tok::Punct;
    k.space_before = space;
    if (cp < 0x80) k.punct = char(cp);
    else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2012) k.punct = '-';
    else if (cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB) k.punct = '"';
    else if (is_apostrophe(cp)) k.punct = '\'';
    else k.punct = '?';
    if (k.punct == '.' || k.punct == '!' || k.punct == '?' || k.punct == ':' || k.punct == '"' ||
        k.punct == ';' || k.punct == '|' || k.punct == '*')
      start = true;
    if (k.punct == '.' && after_short_cap) start = false;  // initials and abbreviations ("U.S.", "St.")
    space = false;
    i += len;
  }
  return out;
}

// Folds one word: ASCII words only need lower-casing.
std::string fold_word(std::string_view r) {
  bool plain = true;
  for (char c : r) plain &= static_cast<unsigned char>(c) < 0x80 && c != '\'' && c != '`';
  if (!plain) return ik::text::fold(r);
  std::string f(r);
  for (char& c : f) c = ik::text::lower(c);
  return f;
}

// A folded name without articles and spaces: "Ma'arrat an-Nu'man" and "Maarrat Numan" both give "maarratnuman".
std::string plain(std::string_view folded) {
  std::string out;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    const std::string_view t = folded.substr(i, j - i);
    static const WordSet articles = {"al", "el", "ad", "ar", "as", "an", "at", "ash", "az",
                                                                  "adh", "ath", "ed", "er", "es", "et", "ez", "en", "ul",
                                                                  "ud", "ur", "us", "il", "l"};
    if (!articles.count(t)) out += t;
    i = j;
  }
  return out;
}

// plain(fold(name)) for a gazetteer name; ASCII names (all of the embedded ones) skip the fold.
std::string plain_name(std::string_view name) {
  bool ascii = true;
  for (char c : name) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii) return plain(ik::text::fold(name));
  std::string folded;
  folded.reserve(name.size());
  for (char c : name) {
    if (c == '\'' || c == '`') continue;
    const char l = ik::text::lower(c);
    const bool alnum = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (alnum) folded += l;
    else if (!folded.empty() && folded.back() != ' ') folded += ' ';
  }
  return plain(folded);
}

bool all_caps(std::string_view r) {
  bool any = false;
  for (char c : r) {
    if (c >= 'a' && c <= 'z') return false;
    any |= (c >= 'A' && c <= 'Z');
  }
  return any;
}

// Lower-case words of a document, hashed on first use (most documents never ask).
class LowerWords {
 public:
  LowerWords(std::string_view text, const std::vector<Tok>& toks) : text_(text), toks_(toks) {}
  bool contains(std::string_view folded) {
    if (!built_) {
      hashes_.reserve(toks_.size());  // at most one a token: one allocation
      for (const Tok& t : toks_)
        if (t.kind == Tok::Word && !t.cap && t.e - t.s >= 4) hashes_.push_back(ik::places::fnv1a64(text_.substr(t.s, t.e - t.s)));
      std::sort(hashes_.begin(), hashes_.end());
      built_ = true;
    }
    return std::binary_search(hashes_.begin(), hashes_.end(), ik::places::fnv1a64(folded));
  }

 private:
  std::string_view text_;
  const std::vector<Tok>& toks_;
  std::vector<uint64_t> hashes_;
  bool built_ = false;
};

// ----------------------------------------------------------------------------- extractor
// Size for plausibility tests: admin seats count as towns even where GeoNames has no population (Syria).
uint32_t size_of(const Entity& e) { return e.population == 0 && e.seat() ? 20000u : e.population; }

struct Found {
  size_t t0 = 0, t1 = 0;    // token range [t0, t1]
  std::vector<Hit> hits;
};

// What we finally say about a span.
struct Place {
  uint32_t start = 0, end = 0;
  int entity = -1;          // -1: unlisted
  std::string value;
  int feature = P::kPlace;  // for unlisted: kPlace with "unlisted" output
  bool unlisted = false;
  int admin1 = -1;          // admin1 index (context for unlisted)
  std::string admin1_text;  // admin1 as the report spells it ("(Ashqelon, HaDarom)"), preferred in output
  int country = -1;
  std::string admin2;
  double lat = NAN, lon = NAN;
  int precision = 1;
  double confidence = 0.5;
  bool demonym = false;
  bool guessed_country = false;  // unlisted, country from the document rather than from the text around it
  std::string evidence;
};

struct Places {
  static constexpr const char* name = "places";
  static constexpr const char* version = "v1";
  static constexpr const char* requires_labels = "sentence";
  static constexpr const char* assigns = "place";
  static constexpr const char* default_config = R"({"geonames": [], "min_confidence": 0.0})";

  std::unique_ptr<Gazetteer> gaz;
  double min_confidence = 0;
  // Tells this instance's answers apart in the per-thread lookup_name() cache (an address could be
  // reused by a later instance with another gazetteer).
  const uint64_t serial = [] {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1);
  }();
  // Hash of each entity's plain name, computed on first use (0: not yet); atomics keep process()
  // thread-safe.
  mutable std::unique_ptr<std::atomic<uint32_t>[]> plain_hash;

  // Country cues by the hash of their first word; conflict_country[c]: c is in kConflictCountries.
  struct CueEntry {
    const CountryCue* cue;
    int country;
    std::vector<std::string_view> words;
  };
  std::vector<CueEntry> cues;
  std::unordered_map<uint64_t, std::vector<size_t>> cue_index;
  // cue_first[n] bit c: some cue's first word is n bytes long and starts with 'a' + c (most words of a
  // document are turned away by this before they are hashed); off when a first word is not like that.
  std::array<uint32_t, 25> cue_first{};
  bool cue_filter = true;
  std::vector<bool> conflict_country;
  std::vector<bool> transliterated;  // loose matches allowed (kTransliterated)
  std::vector<int> capital_of;       // country -> its capital's entity, or -1
  bool strict_keys = true;           // the gazetteer has exact-spelling keys (files built before them do not)
  size_t country_total() const {
    size_t n = 0;
    for (uint32_t e = 0; e < gaz->entity_count(); ++e)
      if (gaz->entity(e).feature() == P::kCountry) n = std::max(n, size_t(gaz->entity(e).country) + 1);
    return n;
  }

  // A word lower-cased into `buf` (ASCII words only; others give an empty view).
  static std::string_view lower_ascii(std::string_view r, char* buf, size_t cap) {
    if (r.size() > cap) return {};
    for (size_t i = 0; i < r.size(); ++i) {
      const unsigned char c = r[i];
      if (c >= 0x80) return {};
      buf[i] = ik::text::lower(char(c));
    }
    return {buf, r.size()};
  }

  // Country cues of the document: (first token, last token, country) of each.
  struct CueHit {
    size_t t0, t1;
    int country;
  };
  std::vector<CueHit> find_cues(std::string_view text, const std::vector<Tok>& T) const {
    std::vector<CueHit> out;
    char buf[32], buf2[32];
    for (size_t i = 0; i < T.size(); ++i) {
      const Tok& t = T[i];
      if (t.kind != Tok::Word || t.e - t.s < 3 || t.e - t.s > 24) continue;
      const std::string_view r = text.substr(t.s, t.e - t.s);
      std::string_view w = lower_ascii(r, buf, sizeof buf);
      if (w.empty()) continue;
      // An acronym's plural names the same thing: "in three LGAs".
      const bool plural_acronym = r.size() >= 4 && r.back() == 's' && std::isupper((unsigned char)r[0]) &&
                                  std::isupper((unsigned char)r[1]) && std::isupper((unsigned char)r[r.size() - 2]);
      if (plural_acronym) w.remove_suffix(1);
      if (cue_filter && (w[0] < 'a' || w[0] > 'z' || !(cue_first[w.size()] >> (w[0] - 'a') & 1))) continue;
      auto it = cue_index.find(P::fnv1a64(w));
      if (it == cue_index.end()) continue;
      for (size_t ci : it->second) {
        const CueEntry& ce = cues[ci];
        if (ce.words[0] != w) continue;
        if (ce.cue->acronym && !(r.size() >= 2 && std::isupper((unsigned char)r[0]) && std::isupper((unsigned char)r[1])))
          continue;
        if (plural_acronym && !ce.cue->acronym) continue;
        if (!ce.cue->acronym && !ce.cue->common_words && ce.words.size() > 1 && !t.cap) continue;  // names are capitalised
        size_t k = i, n = 1;
        for (; n < ce.words.size(); ++n) {
          size_t q = k + 1;
          if (q < T.size() && T[q].kind == Tok::Punct && (T[q].punct == '-' || T[q].punct == '/' || T[q].punct == '\'')) ++q;
          if (q >= T.size() || T[q].kind != Tok::Word) break;
          if (lower_ascii(text.substr(T[q].s, T[q].e - T[q].s), buf2, sizeof buf2) != ce.words[n]) break;
          k = q;
        }
        if (n < ce.words.size()) continue;
        if (ce.cue->unqualified && i > 0 && T[i - 1].kind == Tok::Word && T[i - 1].cap && T[i - 1].f != "the" &&
            !T[i].sent_start)
          continue;
        if (ce.cue->before_party_noun) {  // "APC supporters", or "a member of the PDP"
          auto party_noun = [&](size_t q) {
            return q < T.size() && T[q].kind == Tok::Word &&
                   kPartyNouns.count(lower_ascii(text.substr(T[q].s, T[q].e - T[q].s), buf2, sizeof buf2));
          };
          auto word_is = [&](size_t q, std::string_view w) {
            return T[q].kind == Tok::Word && text.substr(T[q].s, T[q].e - T[q].s) == w;
          };
          if (!party_noun(k + 1) && !(i >= 3 && word_is(i - 1, "the") && word_is(i - 2, "of") && party_noun(i - 3)))
            continue;
        }
        out.push_back({i, k, ce.country});
        break;
      }
    }
    return out;
  }

  bool same_plain(uint32_t e, std::string_view span_plain) const {
    uint32_t h = plain_hash[e].load(std::memory_order_relaxed);
    if (h == 0) {
      h = uint32_t(P::fnv1a64(plain_name(gaz->name(e)))) | 1u;
      plain_hash[e].store(h, std::memory_order_relaxed);
    }
    return h == (uint32_t(P::fnv1a64(span_plain)) | 1u);
  }

  explicit Places(const ik::sdk::Config& cfg) {
    std::string dir = cfg.value("gazetteer_dir", std::string());
    if (dir.empty()) dir = cfg.value("data_dir", std::string("data")) + "/gazetteer";
    gaz = std::make_unique<Gazetteer>(dir);
    if (cfg.contains("geonames")) {
      const auto& g = cfg["geonames"];
      if (g.is_string()) gaz->load_geonames(g.get<std::string>());
      else if (g.is_array())
        for (const auto& p : g) gaz->load_geonames(p.get<std::string>());
      else if (!g.is_null()) throw std::runtime_error("places: \"geonames\" must be a list of file paths");
    }
    gaz->finish();
    plain_hash.reset(new std::atomic<uint32_t>[gaz->entity_count()]());
    const size_t countries = country_total();  // a scan of every entity: once
    std::unordered_map<std::string, int> by_iso2;
    for (size_t c = 0; c < 256 && c < countries; ++c) by_iso2[std::string(gaz->country(uint8_t(c)).iso2, 2)] = int(c);
    conflict_country.assign(countries, false);
    for (const char* iso : kConflictCountries)
      if (auto it = by_iso2.find(iso); it != by_iso2.end()) conflict_country[it->second] = true;
    // A gazetteer written before exact-spelling keys existed: every match counts as spelled.
    if (gaz->entity_count() > 0 && countries > 0) {
      const uint32_t e = gaz->country(0).entity;
      strict_keys = gaz->spelled(e, ik::text::fold(gaz->name(e)));
    }
    capital_of.assign(countries, -1);
    for (uint32_t e = 0; e < gaz->entity_count(); ++e) {
      const Entity& en = gaz->entity(e);
      if (!en.capital() || en.country >= countries) continue;
      int& c = capital_of[en.country];
      if (c < 0 || gaz->entity(uint32_t(c)).population < en.population) c = int(e);
    }
    transliterated.assign(countries, false);
    for (const char* iso : kTransliterated)
      if (auto it = by_iso2.find(iso); it != by_iso2.end()) transliterated[it->second] = true;
    for (const CountryCue& cue : kCountryCues) {
      auto it = by_iso2.find(cue.iso2);
      if (it == by_iso2.end()) continue;
      CueEntry ce{&cue, it->second, {}};
      for (size_t a = 0; a < cue.phrase.size();) {
        size_t b = cue.phrase.find(' ', a);
        if (b == std::string_view::npos) b = cue.phrase.size();
        ce.words.push_back(cue.phrase.substr(a, b - a));
        a = b + 1;
      }
      cue_index[P::fnv1a64(ce.words[0])].push_back(cues.size());
      if (const std::string_view w = ce.words[0]; !w.empty() && w.size() < cue_first.size() && w[0] >= 'a' && w[0] <= 'z')
        cue_first[w.size()] |= 1u << (w[0] - 'a');
      else
        cue_filter = false;
      cues.push_back(std::move(ce));
    }
    // Longest phrase first: "SPLM-N" (Sudan) before "SPLM" (South Sudan).
    for (auto& [h, v] : cue_index)
      std::stable_sort(v.begin(), v.end(), [&](size_t a, size_t b) { return cues[a].words.size() > cues[b].words.size(); });
    min_confidence = cfg.value("min_confidence", 0.0);
    if (auto cd = by_iso2.find("CD"), cg = by_iso2.find("CG"); cd != by_iso2.end() && cg != by_iso2.end())
      drc = cd->second, congo_republic = cg->second;
  }
  int drc = -1, congo_republic = -1;

  // Bare "Congo" in news of violence is the Democratic Republic ("eastern Congo"); the Republic is named
  // as such ("Republic of Congo", "Congo-Brazzaville", "Congo Republic") or by its capital.
  void read_bare_congo(std::string_view text, const std::vector<Tok>& T, std::vector<Found>& found) const {
    if (drc < 0) return;
    for (Found& f : found) {
      if (f.t0 != f.t1 || T[f.t0].f != "congo") continue;
      const bool republic = (f.t0 >= 2 && raw(text, T[f.t0 - 1]) == "of") ||
                            (f.t0 >= 3 && raw(text, T[f.t0 - 1]) == "the" && raw(text, T[f.t0 - 2]) == "of") ||
                            (is_word(T, f.t0 + 1) && (T[f.t0 + 1].f == "republic" || T[f.t0 + 1].f == "brazzaville")) ||
                            (is_punct(T, f.t0 + 1, '-') && is_word(T, f.t0 + 2) && T[f.t0 + 2].f == "brazzaville");
      if (republic) continue;
      for (Hit& h : f.hits)
        if (!h.demonym && gaz->entity(h.entity).feature() == P::kCountry && gaz->entity(h.entity).country == congo_republic)
          h.entity = gaz->country(uint8_t(drc)).entity;
    }
  }

  // ---- helpers over tokens
  static bool is_word(const std::vector<Tok>& T, size_t i) { return i < T.size() && T[i].kind == Tok::Word; }
  static bool is_punct(const std::vector<Tok>& T, size_t i, char c) {
    return i < T.size() && T[i].kind == Tok::Punct && T[i].punct == c;
  }
  // An Arabic article joined to the next word by a hyphen: "al-Harir", "Al-Lataminah", "el-Bab".
  static bool arabic_article(const std::vector<Tok>& T, size_t i) {
    return is_word(T, i) && (T[i].f == "al" || T[i].f == "el") && is_punct(T, i + 1, '-') && !T[i + 1].space_before;
  }
  // (a token lies inside the text it was read from: no bounds check, which substr() made on every call)
  static std::string_view raw(std::string_view text, const Tok& t) {
    return std::string_view(text.data() + t.s, t.e - t.s);
  }

  // Extends a name run from token i: capitalised words joined by spaces or hyphens, with connector words.
  // Returns the word-token indices of the run (at most `max_words`).
  static std::vector<size_t> run_from(const std::vector<Tok>& T, size_t i, size_t max_words, bool allow_dash) {
    std::vector<size_t> w;
    run_from(T, i, max_words, allow_dash, w);
    return w;
  }
  // The same into w (cleared first): for pass 1, which tries a run at every capitalised word and so
  // reuses one buffer rather than allocating one per try.
  static void run_from(const std::vector<Tok>& T, size_t i, size_t max_words, bool allow_dash,
                       std::vector<size_t>& w) {
    w.clear();
    size_t k = i;
    while (k < T.size() && w.size() < max_words) {
      if (T[k].kind != Tok::Word) break;
      if (!T[k].cap && !is_connector(T[k].f)) break;
      if (!w.empty() && T[k].sent_start) break;
      if (!w.empty() && T[k].cap && kFunctionWords.count(T[k].f)) break;  // title case: "... In Idlib"
      if (!w.empty() && T[k].cap && kCalendar.count(T[k].f)) break;
      if (w.empty()) w.reserve(max_words);  // one allocation, not one per doubling
      w.push_back(k);
      size_t n = k + 1;
      // A possessive inside a name: "King William's Town", "Mitchell's Plain" (its "s" joins the run).
      if (T[k].cap && n + 2 < T.size() && T[n].kind == Tok::Punct && T[n].punct == '\'' && !T[n].space_before &&
          T[n + 1].kind == Tok::Word && !T[n + 1].space_before && T[n + 1].raw == "s" && T[n + 2].kind == Tok::Word &&
          T[n + 2].cap && T[n + 2].space_before && !T[n + 2].sent_start && w.size() + 2 <= max_words &&
          !is_connector(T[n + 2].f) && T[n + 2].f != "al" && T[n + 2].f != "el") {  // not "Cairo's Al-Haram"
        w.push_back(n + 1);
        k = n + 2;
        continue;
      }
      if (n < T.size() && T[n].kind == Tok::Punct && T[n].punct == '-') {
        const bool spaced = T[n].space_before;
        if (spaced && !allow_dash) break;
        ++n;
      }
      if (n < T.size() && T[n].kind == Tok::Word && !T[n].space_before && n == k + 1) break;
      k = n;
    }
    // A run ends on a capitalised word.
    while (!w.empty() && !T[w.back()].cap) w.pop_back();
  }

  std::string join_folded(const std::vector<Tok>& T, const std::vector<size_t>& w, size_t a, size_t b) const {
    std::string s;
    for (size_t k = a; k <= b; ++k) {
      if (!s.empty()) s += ' ';
      s += T[w[k]].f.empty() ? T[w[k]].raw : std::string_view(T[w[k]].f);  // the possessive "s" is not folded
    }
    return s;
  }

  // Entities a folded name may stand for: exact spellings of any of their names, and loose
  // (transliteration-class) matches only in countries whose names are transliterated.
  // `keep_loose`: keep the other loose matches too, marked (pass 1: the document's own country, known
  // only later, may vouch for them: "Zaki Biyam" in a report naming Nigeria is Zaki Biam).
  void lookup_name(std::string_view folded, std::vector<Hit>& hits, bool keep_loose = false) const {
    const Named& n = named(folded, keep_loose);
    hits.insert(hits.end(), n.hits.begin(), n.hits.end());
  }
  // A folded name's loose key (P::name_key) and the hits lookup_name() adds for it. They depend only on
  // the name, keep_loose and this instance, and documents ask about the same names again and again (each
  // costs a gazetteer probe and a spelling check per hit): they are remembered per thread, key and hits
  // in one entry, one look-up for both. The reference is valid until the next call on this thread.
  struct Named {
    size_t key_size;
    std::vector<Hit> hits;
  };
  const Named& named(std::string_view folded, bool keep_loose) const {
    struct Known {
      uint64_t owner = 0;  // the instance (serial) the answers are for
      std::unordered_map<std::string, Named, ViewHash, std::equal_to<>> names[2];  // [keep_loose]
    };
    thread_local Known known;
    if (known.owner != serial) {
      known.names[0].clear();
      known.names[1].clear();
      known.owner = serial;
    }
    auto& cache = known.names[keep_loose];
    if (auto it = cache.find(folded); it != cache.end()) return it->second;
    const std::string& key = name_key(folded);  // no name_key call below while key is used
    Named n{key.size(), {}};
    find_name(folded, key, n.hits, keep_loose);
    if (cache.size() >= (1u << 16)) cache.clear();  // bounded: a long run sees many rare names
    return cache.emplace(folded, std::move(n)).first->second;
  }
  // What lookup_name() adds, worked out.
  void find_name(std::string_view folded, std::string_view key, std::vector<Hit>& hits, bool keep_loose) const {
    const size_t first = hits.size();
    gaz->lookup(key, hits);
    uint64_t strict = 0;  // gaz->strict_hash(folded), computed at most once for all the hits
    bool have_strict = false;
    auto spelled_as = [&](uint32_t e) {
      if (!have_strict) strict = gaz->strict_hash(folded), have_strict = true;
      return gaz->spelled_hash(e, strict);
    };
    for (size_t i = first; i < hits.size(); ++i) {
      const Entity& e = gaz->entity(hits[i].entity);
      // A country is spelled one of its listed ways even where names are transliterated: "Quetta" is not
      // Kuwait.
      // Nor does a bare district (an admin2 unit with no population of its own): only as spelled.
      const bool translit = e.country < transliterated.size() && transliterated[e.country] &&
                            e.feature() != P::kCountry && !(e.feature() == P::kAdmin2 && e.population == 0);
      hits[i].loose = strict_keys && !hits[i].demonym && !translit && !spelled_as(hits[i].entity);
      // a key shared by a country's name and its demonym is stored as a name: the spelling says which
      if (strict_keys && e.feature() == P::kCountry && !hits[i].demonym && !hits[i].loose) {
        if (!have_strict) strict = gaz->strict_hash(folded), have_strict = true;
        hits[i].demonym = gaz->spelled_demonym(hits[i].entity, strict);
      }
    }
    // A demonym counts only as spelled: "Kobani" shares Cuban's loose key but names a Syrian town.
    if (strict_keys)
      hits.erase(std::remove_if(hits.begin() + first, hits.end(),
                                [&](const Hit& h) { return h.demonym && !spelled_as(h.entity); }),
                 hits.end());
    // A name spelled exactly as one entity's trumps respellings of others: "Sinai" is North Sinai, not
    // Syene (Aswan's old name) respelled.
    if (strict_keys) {
      bool exact = false;  // an admin1 or a country (or its demonym: "Iraqi" is not Arak) spelled exactly
      for (size_t i = first; i < hits.size() && !exact; ++i)
        exact = (gaz->entity(hits[i].entity).feature() == P::kCountry ||
                 (!hits[i].demonym && gaz->entity(hits[i].entity).feature() == P::kAdmin1)) &&
                spelled_as(hits[i].entity);
      if (exact)
        hits.erase(std::remove_if(hits.begin() + first, hits.end(),
                                  [&](const Hit& h) { return !h.demonym && !spelled_as(h.entity); }),
                   hits.end());
    }
    if (!keep_loose)
      hits.erase(std::remove_if(hits.begin() + first, hits.end(), [](const Hit& h) { return h.loose; }), hits.end());
  }
  bool spelled(uint32_t e, const std::vector<Tok>& T, size_t t0, size_t t1) const {
    std::string folded;
    for (size_t k = t0; k <= t1; ++k)
      if (T[k].kind == Tok::Word) { if (!folded.empty()) folded += ' '; folded += T[k].f.empty() ? T[k].raw : std::string_view(T[k].f); }
    return !strict_keys || gaz->spelled(e, folded);
  }

  // Longest gazetteer match starting at word w[0] of the run (or none).
  bool match_run(const std::vector<Tok>& T, const std::vector<size_t>& w, Found& out, bool keep_loose = false) const {
    for (size_t b = w.size(); b-- > 0;) {
      if (!T[w[b]].cap) continue;
      // Multiword names do not end in a weekday or a month ("Aleppo Monday").
      if (b > 0 && kNever.count(T[w[b]].f)) continue;
      if (kInnerOnly.count(T[w[0]].f)) return false;
      const std::string folded = join_folded(T, w, 0, b);
      const Named& name = named(folded, keep_loose);
      std::vector<Hit> hits = name.hits;
      // Short keys collide with country abbreviations ("The"/"Thai", "Qar"/"CAR"): acronyms only.
      if (name.key_size < 4 && !(w[0] == w[b] && all_caps(std::string_view(text_of(T, w[0])))))
        hits.erase(std::remove_if(hits.begin(), hits.end(),
                                  [&](const Hit& h) { return gaz->entity(h.entity).feature() == P::kCountry; }),
                   hits.end());
      if (!hits.empty()) {
        // a longer name known only by respelling gives way to a shorter one spelled exactly: "Kano City" is
        // Kano, not a loose key of some other town
        const bool only_loose = std::all_of(hits.begin(), hits.end(), [](const Hit& h) { return h.loose; });
        if (only_loose && b > 0 && out.hits.empty()) {
          out.t0 = w[0];
          out.t1 = w[b];
          out.hits = std::move(hits);
          continue;
        }
        // (the shorter one must be spelled exactly, or the longer respelling stands)
        if (!out.hits.empty() && (only_loose || std::none_of(hits.begin(), hits.end(), [&](const Hit& h) {
                                    return !h.demonym && !h.loose && spelled(h.entity, T, w[0], w[b]);
                                  })))
          continue;
        // "Western Region" is Uganda's unit by name and Ghana's "Western" with its level word: the units
        // named without a level word are candidates too (the document's country decides)
        static const WordSet kLevelWords = {"region", "state", "province", "governorate", "governate", "county",
                                            "district", "department", "prefecture", "division", "zone", "oblast"};
        if (b > 0 && kLevelWords.count(T[w[b]].f) && T[w[b - 1]].cap) {
          const Named& bare = named(join_folded(T, w, 0, b - 1), false);
          for (const Hit& h : bare.hits) {
            const int feature = gaz->entity(h.entity).feature();
            if (!h.loose && (feature == P::kAdmin1 || feature == P::kAdmin2) &&
                std::none_of(hits.begin(), hits.end(), [&](const Hit& x) { return x.entity == h.entity; }))
              hits.push_back(h);
          }
        }
        out.t0 = w[0];
        out.t1 = w[b];
        out.hits = std::move(hits);
        return true;
      }
    }
    return !out.hits.empty();
  }

  // Whether the span spells the entity's own name (not an alternate or a transliteration variant).
  bool exact(const Found& f, uint32_t e, const std::vector<Tok>& T) const {
    std::string span;
    for (size_t k = f.t0; k <= f.t1; ++k)
      if (T[k].kind == Tok::Word) { span += T[k].f.empty() ? T[k].raw : std::string_view(T[k].f); span += ' '; }
    const std::string sp = plain(span);
    if (same_plain(e, sp)) return true;
    // "Gaza City", "Kano town": the name plus the word for what it is.
    for (std::string_view suffix : {"city", "town"})
      if (sp.size() > suffix.size() && sp.compare(sp.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          same_plain(e, sp.substr(0, sp.size() - suffix.size())))
        return true;
    return false;
  }

  // ---- context
  struct Context {
    std::unordered_map<int, double> country_votes;
    std::unordered_map<int, double> admin1_votes;
    std::unordered_set<int> city_admin1s;  // the provinces of the cities the document names (100,000+)
    int top_country = -1;
    // Tie-breaks between countries with equal votes: how many smaller places of each the report names
    // ("deployed to Syria ... fled to Lebanon and Turkey ... the road to Ar-Rastan"), then which it names first.
    std::unordered_map<int, int> small_places;
    std::unordered_map<int, uint32_t> first_vote;
    void vote_country(int c, double w, uint32_t at) {
      if (c < 0) return;
      country_votes[c] += w;
      if (w > 0) first_vote.try_emplace(c, at);
    }
    double named_max = 0;
    bool places_voted = false;  // a big place, province or country cue of one country: the report is local
    void finish() {
      double best = 0;
      const auto smaller = [&](int c) {
        const auto it = small_places.find(c);
        return it == small_places.end() ? 0 : it->second;
      };
      for (auto& [c, v] : country_votes) {
        if (v <= 0) continue;
        const int more = top_country < 0 ? 0 : smaller(c) - smaller(top_country);
        const bool wins = top_country < 0 || v > best ||
                          (v == best && (more > 0 || (more == 0 && first_vote[c] < first_vote[top_country])));
        if (wins) { best = v; top_country = c; }
      }
      named_max = best;
    }
    double country_share(int c) const {
      double tot = 0, mine = 0;
      for (auto& [k, v] : country_votes) { tot += v; if (k == c) mine = v; }
      return tot > 0 ? mine / tot : 0;
    }
  };

  double entity_score(const Entity& e, const Hit* h, const Context& ctx, int want_admin1, int want_country,
                      int prefer_feature) const {
    double s = std::log10(double(size_of(e)) + 10.0);
    switch (e.feature()) {
      case P::kCountry: s += 8; break;
      case P::kAdmin1: break;  // its population is the sum of its places: weight enough
      case P::kAdmin2: case P::kAdmin3: s += 1.0; break;
      default: break;
    }
    if (e.seat()) s += 1.5;
    if (h && h->primary) s += 0.7;
    // No country evidence at all: lean towards countries where reports of violence mostly come from.
    if (ctx.top_country < 0 && e.country < conflict_country.size() && conflict_country[e.country]) s += 1.5;
    if (e.weak()) s -= 3;
    // a city's quarter where the document names that city: "al-Ansari" in a report on Aleppo is Aleppo's,
    // not Damascus's
    if (e.weak() && ctx.city_admin1s.count(e.admin1)) s += 1;
    s += 3 * ctx.country_share(e.country);
    if (e.country == ctx.top_country) s += 1.5;
    // Countries the document names outweigh population: Gaza in Palestine, not Mozambique's Gaza province.
    // (Not a city of millions where only country names vote: "Cairo" in a report that names the United
    // States in passing is still Cairo, Egypt; near a named town of another country ("the neighbourhood
    // of Riyadh, in Nyala") it is a local namesake.)
    const bool megacity = e.feature() == P::kPlace && e.population >= 1000000 && !ctx.places_voted;
    if (megacity && ctx.named_max >= 1.0) s += 2;  // and it outweighs a small namesake in the named country
    if (ctx.named_max >= 1.0 && !megacity) {
      auto it = ctx.country_votes.find(e.country);
      if (it == ctx.country_votes.end() || it->second < 0.7) s -= 3;
    }
    if (e.admin1 != P::kNoAdmin1) {
      auto it = ctx.admin1_votes.find(e.admin1);
      if (it != ctx.admin1_votes.end()) s += 2;
    }
    if (want_admin1 >= 0 && e.admin1 == want_admin1) s += 8;
    if (want_country >= 0 && e.country == want_country) s += 5;
    if (prefer_feature >= 0 && e.feature() == prefer_feature) s += 3;
    return s;
  }

  int best_hit(const std::vector<Hit>& hits, const Context& ctx, int want_admin1, int want_country,
               int prefer_feature, bool allow_demonym, const Hit** chosen = nullptr,
               const std::string* span_plain = nullptr) const {
    int best = -1;
    double bs = -1e9;
    for (const Hit& h : hits) {
      if (h.demonym && !allow_demonym) continue;
      double s = entity_score(gaz->entity(h.entity), &h, ctx, want_admin1, want_country, prefer_feature);
      if (span_plain && same_plain(h.entity, *span_plain)) s += 2;
      if (s > bs) { bs = s; best = int(h.entity); if (chosen) *chosen = &h; }
    }
    return best;
  }

  // A country named with all its words ("Somalia", "El Salvador"; not "Salvador").
  bool names_country_as_written(const std::string& folded) const {
    std::vector<Hit> hits;
    lookup_name(folded, hits);
    for (const Hit& h : hits) {
      if (h.demonym || gaz->entity(h.entity).feature() != P::kCountry) continue;
      std::string n(gaz->name(h.entity));
      for (char& c : n) c = (c == '-' ? ' ' : ik::text::lower(c));
      if (n == folded) return true;
    }
    return false;
  }

  bool is_country_name(std::string_view folded) const {
    std::vector<Hit> hits;
    lookup_name(folded, hits);
    for (const Hit& h : hits)
      if (!h.demonym && gaz->entity(h.entity).feature() == P::kCountry) return true;
    return false;
  }

  // The admin context a parenthesis or a trailing ", Admin1" gives: admin1 index and country (or -1).
  struct AdminCtx {
    int admin1 = -1, country = -1;
    std::string admin2;  // as written
    int admin2_entity = -1;
    bool by_part = false;  // named by a part of the admin1 ("West Hararge" for Oromia): not its own name
  };

  // Resolves a short capitalised run (one comma-separated segment) as an admin1 or a country.
  // Countries of the gazetteer places (spelled exactly, 1,000+ people or an admin seat) that end within a
  // few tokens before token `mark`, with only dashes between ("Manama - Adliya (").
  // `min_size`/`places_only`: a stricter reading for a city well known in its own right.
  std::vector<int> known_countries_before(const std::vector<Tok>& T, const std::vector<Found>& found, size_t mark,
                                          uint32_t min_size = 10000, bool places_only = false) const {
    std::vector<int> out;
    for (const Found& f : found) {
      if (f.t1 >= mark || f.t1 + 6 < mark) continue;
      // Right before the mark, or before a spaced dash and the part's name ("Manama - Adliya").
      bool clean = f.t1 + 1 == mark || (is_punct(T, f.t1 + 1, '-') && T[f.t1 + 1].space_before);
      // ... and the whole name, not the last word of a longer one ("Wajir Street" is not Street, England).
      clean &= !(f.t0 > 0 && is_word(T, f.t0 - 1) && (T[f.t0 - 1].cap || is_connector(T[f.t0 - 1].f))) &&
               !(f.t0 > 1 && is_punct(T, f.t0 - 1, '-') && !T[f.t0 - 1].space_before);
      for (size_t q = f.t1 + 2; clean && q < mark; ++q) clean &= is_word(T, q) && T[q].cap;
      if (!clean) continue;
      for (const Hit& h : f.hits) {
        const Entity& e = gaz->entity(h.entity);
        if (h.loose || h.demonym || e.feature() == P::kCountry || !(size_of(e) >= min_size || (e.seat() && !places_only)))
          continue;
        if (places_only && e.feature() != P::kPlace) continue;
        if (!exact(f, h.entity, T) && !spelled(h.entity, T, f.t0, f.t1)) continue;
        if (std::find(out.begin(), out.end(), int(e.country)) == out.end()) out.push_back(e.country);
      }
    }
    return out;
  }

  // In how many countries a name reads as an admin unit or a country.
  size_t admin_readings(std::string_view folded) const {
    std::vector<Hit> hits;
    lookup_name(folded, hits);
    std::vector<int> cs;
    for (const Hit& h : hits) {
      const Entity& e = gaz->entity(h.entity);
      if (!h.demonym && (e.feature() == P::kAdmin1 || e.feature() == P::kCountry) &&
          std::find(cs.begin(), cs.end(), int(e.country)) == cs.end())
        cs.push_back(e.country);
    }
    return cs.size();
  }

  // `x_countries`: countries of the place the segment locates; when given, the segment is read there.
  // `x_city`: X is a city of 100,000+ there, so an admin name that reads only in other countries is not
  // taken ("Sidon (Sayda)" is not Saida, Algeria); a smaller X yields to it ("Tunari (Cochabamba)").
  bool resolve_admin_segment(std::string_view folded, const Context& ctx, int want_country, AdminCtx& out,
                             const std::vector<int>* x_countries = nullptr, bool x_city = false) const {
    std::vector<Hit> hits;
    lookup_name(folded, hits);
    if (hits.empty()) {
      // "Kano State", "Idlib Governorate": drop the admin word.
      static const char* suffixes[] = {" state", " province", " governorate", " region", " oblast", " district",
                                       " county", " city", " department", " prefecture", " governate"};
      for (const char* suf : suffixes) {
        const size_t n = std::strlen(suf);
        if (folded.size() > n && folded.substr(folded.size() - n) == suf) {
          lookup_name(folded.substr(0, folded.size() - n), hits);
          break;
        }
      }
    }
    // X's countries decide only between readings in several countries ("Capital", "Northern").
    if (x_countries && !x_countries->empty()) {
      std::vector<int> cs;
      for (const Hit& h : hits) {
        const Entity& e = gaz->entity(h.entity);
        if (!h.demonym && (e.feature() == P::kAdmin1 || e.feature() == P::kCountry) &&
            std::find(cs.begin(), cs.end(), int(e.country)) == cs.end())
          cs.push_back(e.country);
      }
      // One reading, and it is in X's country or a country's own name ("Victoria (Seychelles)"): nothing
      // to decide. An admin name that reads only elsewhere is dropped when X is a city.
      const bool any_in_x = std::any_of(cs.begin(), cs.end(), [&](int c) {
        return std::find(x_countries->begin(), x_countries->end(), c) != x_countries->end();
      });
      const bool a_country = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
        return !h.demonym && gaz->entity(h.entity).feature() == P::kCountry;
      });
      if (cs.size() < 2 && (any_in_x || cs.empty() || a_country || !x_city)) x_countries = nullptr;
    }
    int best = -1, best_country = -1;
    bool best_primary = true;
    double bs = -1e9;
    const std::string span_plain = plain(folded);
    for (const Hit& h : hits) {
      const Entity& e = gaz->entity(h.entity);
      if (h.demonym) continue;
      const bool is_exact = same_plain(h.entity, span_plain);
      double s = entity_score(e, &h, ctx, -1, want_country, -1);
      // (an admin1 only loosely like the word yields to a place spelled so: "in Kosti" is the Sudanese city,
      // not Khost province)
      if (e.feature() == P::kAdmin1) s += (is_exact || !strict_keys || gaz->spelled(h.entity, folded)) ? 6 : 2;
      else if (e.feature() == P::kCountry) s += is_exact ? 5 : -8;  // "Sumy" is not "Suomi"
      else if (e.feature() == P::kPlace && e.seat() && is_exact && e.admin1 != P::kNoAdmin1) s += 2;  // "Makhmur, Erbil"
      // a city by any of its names locates what precedes it: "Veeplaas, Port Elizabeth" (Gqeberha), not the
      // hamlet of that name that seats an admin unit elsewhere
      // (spelled as listed: "Joba" is no respelling of Juba here)
      else if (e.feature() == P::kPlace && size_of(e) >= 100000 && e.admin1 != P::kNoAdmin1 &&
               (!strict_keys || gaz->spelled(h.entity, folded)))
        s += 2;
      // a district names its province: "(Diapaga, Tapoa)" is in Est, Tapoa's region
      // (weighing as much as a seat: a district has no population figure of its own)
      else if (e.feature() == P::kAdmin2 && is_exact && e.admin1 != P::kNoAdmin1 && e.population == 0)
        s += 1.5 + std::log10(20000.0 / 10.0);
      else continue;
      s += is_exact ? 3 : 0;
      if (x_countries && !x_countries->empty()) {
        if (std::find(x_countries->begin(), x_countries->end(), int(e.country)) == x_countries->end()) continue;
        s += 4;
      }
      if (s > bs) { bs = s; best = int(h.entity); best_primary = h.primary; }
    }
    if (best < 0) return false;
    const Entity& e = gaz->entity(best);
    out.by_part = (e.feature() == P::kAdmin1 && !best_primary &&
                   P::skeleton_key(folded) != P::skeleton_key(ik::text::lower(gaz->admin1_name(uint16_t(e.admin1))))) ||
                  e.feature() == P::kAdmin2;
    best_country = e.country;
    if (e.feature() == P::kCountry) {
      out.country = best_country;
      return true;
    }
    out.country = best_country;
    if (e.admin1 != P::kNoAdmin1) out.admin1 = e.admin1;
    if (e.feature() == P::kPlace) out.admin2_entity = best;  // read through its seat: "(Marjayoun)"
    return true;
  }

  void process(ik::sdk::Doc& doc) const {
    const std::string_view text = doc.text();
    std::vector<Tok> T = tokenize(text);

    // Sentence starts from sentences.v1 (our own guess from punctuation stays as a fallback).
    std::vector<std::pair<uint64_t, uint64_t>> boiler;
    {
      auto sents = doc.mentions("sentence");
      size_t k = 0;
      for (auto& m : sents) {
        while (k < T.size() && T[k].s < m.start) ++k;
        if (k < T.size()) T[k].sent_start = true;
      }
      for (auto& m : doc.mentions("boilerplate")) boiler.push_back({m.start, m.end});
    }
    // Folded forms of capitalised words and connectors; lower-case words seen (a capitalised word also
    // written in lower case in the same document is a common word: "Market", "Mission").
    for (auto& t : T) {
      if (t.kind != Tok::Word) continue;
      const std::string_view r = raw(text, t);
      if (t.cap) t.f = fold_word(r);
      else if (is_connector(r)) t.f = std::string(r);
    }
    LowerWords lower_words(text, T);

    // ---- pass 1: gazetteer matches over capitalised runs
    std::vector<Found> found;
    std::vector<size_t> w;  // the run tried at i
    for (size_t i = 0; i < T.size();) {
      const Tok& t = T[i];
      const bool starts = t.kind == Tok::Word && (t.cap || (!t.f.empty() && !kInnerOnly.count(t.f) &&
                                                             is_punct(T, i + 1, '-') && is_word(T, i + 2) && T[i + 2].cap));
      // (Saharan names may begin with "In": "near In Guezzam", "In Amenas"; mid-sentence, before a name)
      const bool in_name = t.f == "in" && t.cap && !t.sent_start && is_word(T, i + 1) && T[i + 1].cap;
      if (!starts || (kFunctionWords.count(t.f) && !in_name)) { ++i; continue; }
      run_from(T, i, 6, false, w);
      Found f;
      if (!w.empty() && match_run(T, w, f, true)) {
        found.push_back(std::move(f));
        i = found.back().t1 + 1;
      } else {
        ++i;
      }
    }

    read_bare_congo(text, T, found);
    // "#Save_Idlib", "#Idlib_is_being_exterminated": a hashtag names a cause, not where anything happened
    // (a country it names, "#FeesMustFall", still tells whose cause)
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const Found& f) {
                                 return in_hashtag(text, T[f.t0].s) &&
                                        std::none_of(f.hits.begin(), f.hits.end(), [&](const Hit& h) {
                                          return gaz->entity(h.entity).feature() == P::kCountry;
                                        });
                               }),
                found.end());

    // ---- context votes from unambiguous evidence: countries and demonyms named, big places and
    // provinces whose name is spelled exactly and belongs to one country.
    Context ctx;
    // How often the report names a match's words (counted once, when a name of several countries asks).
    std::unordered_map<std::string_view, int> named_count;
    auto times_named = [&](const Found& f) {
      if (named_count.empty())
        for (const Found& g : found) ++named_count[text.substr(T[g.t0].s, T[g.t1].e - T[g.t0].s)];
      return named_count[text.substr(T[f.t0].s, T[f.t1].e - T[f.t0].s)];
    };
    for (const Found& f : found) {
      // The countries of the hits: all that matters is whether there is exactly one, and which (no set
      // built per match).
      int country = -1;  // the first country seen
      bool several = false, demonym_only = true, has_country = false;
      for (const Hit& h : f.hits) {
        if (h.loose) continue;
        const Entity& e = gaz->entity(h.entity);
        if (e.feature() == P::kCountry) { has_country = true; country = e.country; several = false; demonym_only = h.demonym; break; }
        if (country < 0) country = e.country;
        else several |= country != int(e.country);
      }
      if (has_country) {
        if (currency_after(text, T, f.t1)) continue;
        // ("US drone", "UK troops": a country's initials before a force are an actor's, like a demonym)
        const bool initials_of_force = f.t0 == f.t1 && all_caps(raw(text, T[f.t0])) && attributive_country(text, T, f.t1);
        ctx.vote_country(country,
                         actor_adjective(text, T, f.t1) || agent_after_by(text, T, f.t0) || initials_of_force ||
                                 diplomatic_after(text, T, f.t1)
                             ? 0.7
                         : part_of_town(text, T, f.t1)                                  ? 0.0
                         : demonym_only ? (neighbour_or_people(text, T, f.t0, f.t1) ? 0.0
                                           : attributive_country(text, T, f.t1) ? 0.7 : 0.9)
                                                                                        : 2.0,
                         T[f.t0].s);
        continue;
      }
      // (a name of towns in several countries still votes when the report names it again and again and
      // only one of them is a city or a province spelled so: "Homs", throughout a report, is Syria's city
      // of 700,000, not Libya's Al Khums, which is also called so; "Hangu" once is no Chinese district)
      if (several && times_named(f) >= 3) {
        int big_country = -1;
        bool one = true;
        for (const Hit& h : f.hits) {
          if (h.loose) continue;
          const Entity& e = gaz->entity(h.entity);
          if (!((e.feature() == P::kAdmin1 || e.population >= 100000) && exact(f, h.entity, T))) continue;
          if (big_country >= 0 && big_country != int(e.country)) one = false;
          big_country = int(e.country);
        }
        if (big_country >= 0 && one) country = big_country, several = false;
      }
      if (country < 0 || several || in_force_name(T, f.t1)) continue;
      bool strong = false;
      for (const Hit& h : f.hits) {
        const Entity& e = gaz->entity(h.entity);
        strong |= (e.feature() == P::kAdmin1 || e.population >= 100000) && exact(f, h.entity, T);
        if (e.feature() == P::kPlace && e.population >= 100000 && e.admin1 != P::kNoAdmin1 && exact(f, h.entity, T))
          ctx.city_admin1s.insert(e.admin1);
      }
      // (a desk abroad weighs less than one place the report names: "Gaziantep, 2 October - ... in Aleppo")
      if (strong) ctx.vote_country(country, filed_from(text, T, f.t0, f.t1) ? 0.9 : 1.0, T[f.t0].s), ctx.places_voted = true;
      else if (std::any_of(f.hits.begin(), f.hits.end(), [&](const Hit& h) { return !h.loose && exact(f, h.entity, T); }))
        ++ctx.small_places[country];
      if (f.hits.size() == 1 && !f.hits[0].loose && gaz->entity(f.hits[0].entity).feature() == P::kAdmin1)
        ctx.admin1_votes[gaz->entity(f.hits[0].entity).admin1] += 1;
    }
    // Country cues (armed groups, missions, admin words): one vote per cue word, at most 2 per country.
    const std::vector<CueHit> cue_hits = find_cues(text, T);
    {
      std::unordered_map<int, std::pair<double, uint32_t>> from_cues;  // country -> (votes, first cue)
      for (const CueHit& c : cue_hits) {
        auto& [v, at] = from_cues.try_emplace(c.country, 0.0, T[c.t0].s).first->second;
        v = std::min(2.0, v + 1.0);
      }
      for (auto& [c, v] : from_cues) ctx.vote_country(c, v.first, v.second), ctx.places_voted = true;
    }
    ctx.finish();
    // A cue word ("Seleka", "Murle") is an armed group or a community: no place of another country.
    for (Found& f : found)
      for (const CueHit& c : cue_hits)
        if (c.t0 <= f.t1 && c.t1 >= f.t0)
          f.hits.erase(std::remove_if(f.hits.begin(), f.hits.end(),
                                      [&](const Hit& h) { return int(gaz->entity(h.entity).country) != c.country; }),
                       f.hits.end());
    // Loose matches outside the transliterating countries stand only in the country the document names.
    for (Found& f : found)
      f.hits.erase(std::remove_if(f.hits.begin(), f.hits.end(),
                                  [&](const Hit& h) {
                                    const int c = gaz->entity(h.entity).country;
                                    return h.loose && !(c == ctx.top_country && ctx.country_votes[c] >= 1.0);
                                  }),
                   f.hits.end());
    found.erase(std::remove_if(found.begin(), found.end(), [](const Found& f) { return f.hits.empty(); }), found.end());
    // The document's most named admin units must lie in its country ("Persian Gulf" names no province
    // of Papua New Guinea in a report about Saudi Arabia).
    if (ctx.top_country >= 0)
      for (auto it = ctx.admin1_votes.begin(); it != ctx.admin1_votes.end();)
        it = gaz->admin1(uint16_t(it->first)).country != ctx.top_country ? ctx.admin1_votes.erase(it) : std::next(it);

    std::vector<Place> places;
    std::vector<std::pair<uint32_t, uint32_t>> context_spans;  // units that only locate an unknown place
    std::vector<bool> covered(T.size(), false);

    // ---- layouts: "X (Admin2, Admin1)" and "X, Admin1"
    for (size_t i = 0; i < T.size(); ++i) {
      // "X (A2, A1)", "X, A1", "X in A1": the mark, then the admin segments.
      // ("Hass, in southern Idlib": a comma before the "in" of the unit)
      // ("Hass, also in the southern Idlib countryside")
      const size_t also = is_punct(T, i, ',') && is_word(T, i + 1) && raw(text, T[i + 1]) == "also" ? 1 : 0;
      const bool comma_in = is_punct(T, i, ',') && is_word(T, i + 1 + also) && !T[i + 1 + also].cap &&
                            raw(text, T[i + 1 + also]) == "in" && i > 0 && is_word(T, i - 1) && T[i - 1].cap;
      const bool in_word = comma_in || (is_word(T, i) && !T[i].cap && raw(text, T[i]) == "in" && i > 0 &&
                                        is_word(T, i - 1) && T[i - 1].cap);
      if (!is_punct(T, i, '(') && !is_punct(T, i, ',') && !in_word) continue;
      const bool paren = !in_word && T[i].punct == '(';
      // Segments after the mark.
      std::vector<std::vector<size_t>> segs;
      size_t k = comma_in ? i + 2 + also : i + 1;
      // "Saida in the eastern Daraa countryside": an article and a direction before the unit, which must
      // then be called one (a province, a governorate, the countryside of a town)
      bool unit_named = false, directed = false, unit_before = false;
      if (in_word) {
        const size_t k0 = k;
        if (is_word(T, k) && !T[k].cap && raw(text, T[k]) == "the") ++k;
        if (is_word(T, k) && !T[k].cap && kModifiers.count(raw(text, T[k]))) ++k;  // "eastern", "rural"
        unit_named = k > k0;
        // "Kansafra, in the southern countryside of Idlib", "X in the province of Hama": the unit's word
        // before its name
        if (unit_named && is_word(T, k) && !T[k].cap && kAdmin1Nouns.count(raw(text, T[k])) && is_word(T, k + 1) &&
            raw(text, T[k + 1]) == "of" && is_word(T, k + 2) && T[k + 2].cap)
          k += 2, unit_before = true;
      } else if (is_word(T, k) && !T[k].cap && kModifiers.count(raw(text, T[k])) && is_word(T, k + 1) &&
                 T[k + 1].cap) {
        // "Gharanij, eastern Deir Ezzor", "al-Shaar (eastern Aleppo)": a part of the unit locates the place
        // before it
        ++k, directed = true;
      }
      while (k < T.size() && segs.size() < 4) {
        if (!is_word(T, k) || !T[k].cap) break;
        auto w = run_from(T, k, 7, false);
        if (w.empty()) break;
        segs.push_back(w);
        k = w.back() + 1;
        // "(Muse township, Muse district, Shan-North state)": admin nouns after a segment.
        for (int skip = 0; skip < 2 && is_word(T, k) && !T[k].cap && kPlaceNouns.count(raw(text, T[k])); ++skip) ++k;
        if (paren && is_punct(T, k, ',')) { ++k; continue; }
        break;
      }
      if (segs.empty()) continue;
      // (a remark in lower case after the unit ends the parenthesis too: "(western Aleppo, government-held)")
      if (paren && k > 0 && is_punct(T, k - 1, ',') && is_word(T, k) && !T[k].cap) {
        size_t q = k;
        while (q < k + 5 && q < T.size() && ((is_word(T, q) && !T[q].cap) || is_punct(T, q, '-'))) ++q;
        if (is_punct(T, q, ')')) k = q;
      }
      // (a semicolon ends the admin segments before the analyst's remark: "(Dar'a; coded to Saida)")
      if (paren && !is_punct(T, k, ')') && !is_punct(T, k, ';')) continue;
      // "Tadmur (Palmyra)", "Ain al-Arab (Kobani)": the parenthesis gives another name of the same place,
      // not its province (Palmyra, Missouri). The place both names share is the place.
      if (paren && segs.size() == 1 && i > 0) {
        const Found* fx = nullptr;
        const Found* fp = nullptr;
        for (const Found& f : found) {
          if (f.t1 + 1 == i) fx = &f;
          if (f.t0 == segs[0].front() && f.t1 == segs[0].back()) fp = &f;
        }
        int same = -1;
        if (fx && fp)
          for (const Hit& a : fx->hits)
            for (const Hit& b : fp->hits)
              if (a.entity == b.entity && !a.demonym && gaz->entity(a.entity).feature() == P::kPlace &&
                  // (one of the names as the place spells it: "Qamishlo (Qamishli)" only loosely resemble
                  // Kamyshlov)
                  (spelled(a.entity, T, fx->t0, fx->t1) || spelled(b.entity, T, fp->t0, fp->t1)) &&
                  (same < 0 || size_of(gaz->entity(a.entity)) > size_of(gaz->entity(uint32_t(same)))))
                same = int(a.entity);
        if (same >= 0) {
          Place pl;
          pl.start = T[fx->t0].s;
          pl.end = T[fx->t1].e;
          fill_entity(pl, same);
          pl.evidence = "parenthesis";
          pl.confidence = 0.9;
          places.push_back(std::move(pl));
          for (size_t q = fx->t0; q <= segs[0].back(); ++q) covered[q] = true;
          continue;
        }
      }
      bool unit_noun = unit_before;  // "in Idlib province", "in the eastern Daraa countryside"
      if (in_word && segs.size() == 1)
        for (size_t q = segs[0].back() + 1; q <= k && !unit_noun; ++q)
          unit_noun = is_word(T, q) && !T[q].cap && kAdmin1Nouns.count(raw(text, T[q]));
      // (after a comma the phrase is plainly where the place lies: "Hass, in southern Idlib")
      if (unit_named && !unit_noun && !comma_in) continue;
      // "in the Somali region of Puntland": an adjective, the unit is named after "of"
      if (unit_named && ((is_word(T, k) && raw(text, T[k]) == "of") || (is_word(T, k + 1) && raw(text, T[k + 1]) == "of")))
        continue;
      if (unit_noun && is_word(T, k) && kAdmin1Nouns.count(raw(text, T[k]))) ++k;
      if (!paren) {
        // ", Admin1" must close the phrase: followed by punctuation, a lower-case word, the line's or the
        // text's end ("Facility: X hospital, X, Hama governorate" on a line of a log).
        const bool line_ends = k < T.size() && k > 0 && text.substr(T[k - 1].e, T[k].s - T[k - 1].e).find('\n') != std::string_view::npos;
        // (a dash closes it when spaced: "Kafr Zita, northern Hama countryside - Tuesday 10 July", not
        // "Idlib-based")
        if (k < T.size() && !line_ends && !(T[k].kind == Tok::Punct && (T[k].punct != '-' || T[k].space_before)) &&
            !(is_word(T, k) && !T[k].cap))
          continue;
        if (k < T.size() && is_word(T, k) && (T[k].f == "and" || T[k].f == "or") && !unit_noun) continue;  // a list
      }
      // The admin context. A trailing country segment gives the country; the last other segment is the
      // admin1 *as the report spells it* (ACLED's own names), the one before it the admin2.
      AdminCtx ac;
      size_t nsegs = segs.size();
      auto seg_text = [&](const std::vector<size_t>& w) {
        return ascii(text.substr(T[w.front()].s, T[w.back()].e - T[w.front()].s));
      };
      auto seg_fold = [&](const std::vector<size_t>& w) { return join_folded(T, w, 0, w.size() - 1); };
      bool bad = false;
      // "(ADF)", "(LeJ)", "(Amisom)" after a name: an acronym, not an admin unit.
      auto acronym = [&](std::string_view r) {
        size_t upper = 0;
        for (char c : r) upper += c >= 'A' && c <= 'Z';
        return (upper >= 2 && r.size() <= 4) || all_caps(r);  // not "HaZafon", "KwaZulu"
      };
      for (const auto& w : segs) bad |= w.size() == 1 && acronym(raw(text, T[w[0]])) && !is_country_name(T[w[0]].f);
      // "(PML-N)", "(SPLM-IO)": an acronym in parts written together
      for (const auto& w : segs) {
        bool parts = w.size() > 1;
        for (size_t j = 0; j < w.size() && parts; ++j) {
          const std::string_view r = raw(text, T[w[j]]);
          parts = all_caps(r) && r.size() <= 5 && (j == 0 || !T[w[j]].space_before);
        }
        bad |= parts;
      }
      // "Kenya Bureau of Standards (Kebs)", "(KNCHR)": a word made of the letters of the name before it, drawn
      // from three or more of its words in order, is its acronym.
      if (paren && segs.size() == 1 && segs[0].size() == 1 && i > 0) {
        std::vector<std::string> words;  // the capitalised words before the mark, lower-cased, in order
        for (size_t q = i; q-- > 0 && i - q <= 8;) {
          if (!is_word(T, q)) break;
          if (T[q].cap) words.insert(words.begin(), ik::text::lower(raw(text, T[q])));
          else if (!is_connector(T[q].f) && raw(text, T[q]) != "of" && raw(text, T[q]) != "for" && raw(text, T[q]) != "and") break;
        }
        const std::string y = ik::text::lower(raw(text, T[segs[0][0]]));
        if (words.size() >= 3 && y.size() >= 3 && y[0] == words[0][0]) {
          size_t wi = 0, ci = 0, used = 0;
          int last = -1;
          for (char ch : y) {
            while (wi < words.size() && (ci >= words[wi].size() || words[wi][ci] != ch)) {
              if (ci >= words[wi].size()) ++wi, ci = 0;
              else ++ci;
            }
            if (wi == words.size()) { used = 0; break; }
            if (int(wi) != last) ++used, last = int(wi);
            ++ci;
          }
          bad |= used >= 3;
        }
      }
      if (paren && segs.size() == 1 && segs[0].size() == 1 && !is_country_name(T[segs[0][0]].f)) {
        std::vector<Hit> hh;
        lookup_name(T[segs[0][0]].f, hh);
        bad |= hh.empty() && std::any_of(cue_hits.begin(), cue_hits.end(), [&](const CueHit& c) {
                 return c.t0 <= segs[0][0] && c.t1 >= segs[0][0];
               });
      }
      if (bad) continue;
      // Where the name before the mark is a known place ("Manama - Adliya (Capital)", "Sidon (Sayda)",
      // "Atlanta (Georgia)"): admin names are read in its country when they can be ("Capital", "Northern",
      // Georgia the state), and a name that reads only elsewhere does not move it ("Sayda" is also Saida,
      // Algeria).
      const std::vector<int> x_countries = paren ? known_countries_before(T, found, i) : std::vector<int>();
      const bool x_city = x_countries.size() == 1 && known_countries_before(T, found, i, 100000, true) == x_countries;
      if (nsegs >= 1) {
        AdminCtx one;
        if (resolve_admin_segment(seg_fold(segs[nsegs - 1]), ctx, -1, one, &x_countries, x_city) && one.admin1 < 0 &&
            one.country >= 0) {
          ac.country = one.country;
          --nsegs;
        }
      }
      std::string admin1_text;
      if (nsegs >= 1) {
        const auto& w = segs[nsegs - 1];
        AdminCtx one;
        // "Kanaker, western Damascus countryside": the governorate around the city-governorate, Rural Damascus
        const bool countryside = is_word(T, w.back() + 1) && raw(text, T[w.back() + 1]) == "countryside";
        if (countryside && resolve_admin_segment("rural " + seg_fold(w), ctx, ac.country, one, &x_countries, x_city) &&
            one.admin1 >= 0 && (ac.country < 0 || one.country == ac.country)) {
          ac.admin1 = one.admin1;
          ac.country = one.country;
          admin1_text = gaz->admin1_name(uint16_t(one.admin1));
        } else if (resolve_admin_segment(seg_fold(w), ctx, ac.country, one, &x_countries, x_city) && one.admin1 >= 0 &&
            (ac.country < 0 || one.country == ac.country)) {
          ac.admin1 = one.admin1;
          ac.country = one.country;
          // a seat named for its district ("Markaba (Marjayoun)"): the seat anchors, the admin1 is its own
          if (one.admin2_entity >= 0 && nsegs == 1) ac.admin2_entity = one.admin2_entity;
        } else if (x_countries.size() == 1 && nsegs == 1 && !district_in_paren(text, T, segs[0], i) &&
                   admin_readings(seg_fold(w)) >= (x_city ? 1u : 2u)) {
          ac.country = x_countries[0];  // an admin name the gazetteer lacks there: X's country stands
        }
        // (not a district's seat standing for its district, "(Marjayoun)": its admin1 has another name;
        // "(Amran)" for the governorate of Omran is the admin1 as ACLED spells it)
        const bool district_seat = one.by_part || (one.admin2_entity >= 0 && ac.admin1 >= 0 &&
                                                   P::skeleton_key(seg_fold(w)) !=
                                                       P::skeleton_key(ik::text::lower(gaz->admin1_name(uint16_t(ac.admin1)))));
        if ((paren || ac.admin1 >= 0) && !district_seat && admin1_text.empty()) admin1_text = seg_text(w);
      }
      // Admin2 (as written) and, when known, the place of that name: anchor and country evidence.
      if (paren && nsegs >= 2) {
        const auto& w = segs[nsegs - 2];
        ac.admin2 = seg_text(w);
        Found f;
        if (match_run(T, w, f) && f.t1 == w.back()) {
          const std::string sp = plain(seg_fold(w));
          int best = -1;
          double bs = -1e9;
          for (const Hit& h : f.hits) {
            const Entity& en = gaz->entity(h.entity);
            if (h.demonym || en.feature() == P::kCountry) continue;
            if (ac.country >= 0 && en.country != ac.country) continue;
            if (ac.admin1 >= 0 && en.admin1 != ac.admin1) continue;
            // "(Muse township, Muse district, Shan-North state)" in a report naming Myanmar: not Muse, USA.
            if (ac.country < 0 && ctx.named_max >= 1.0) {
              const auto cv = ctx.country_votes.find(en.country);
              if (cv == ctx.country_votes.end() || cv->second < 0.7) continue;
            }
            const bool ex = same_plain(h.entity, sp);
            if (!ex && ac.admin1 < 0) continue;
            const double sc = entity_score(en, &h, ctx, ac.admin1, ac.country, -1) + (ex ? 2 : 0);
            if (sc > bs) { bs = sc; best = int(h.entity); }
          }
          if (best >= 0) {
            ac.admin2_entity = best;
            if (ac.country < 0) ac.country = gaz->entity(best).country;
          }
        }
      }
      if (nsegs == 1 && (paren || unit_noun) && ac.admin1 < 0) {
        // "(Seoul City - Jongno)", "(Tyr)": a known place as the only segment gives the context.
        Found f;
        const auto& w = segs[0];
        // The whole segment, or its part before a spaced dash ("Seoul City - Jongno"), not a prefix of
        // a longer name ("South West Shawa" is not South-West, Cameroon).
        const Hit* h = nullptr;
        if (match_run(T, w, f) && (f.t1 == w.back() || (is_punct(T, f.t1 + 1, '-') && T[f.t1 + 1].space_before))) {
          int e = best_hit(f.hits, ctx, -1, ac.country, -1, false, &h);
          // Exactly spelled, or a transliteration variant of the name of a town or admin seat where
          // names are transliterated ("Kounine (Bint Jbeil)" for Bent Jbail, Lebanon).
          const bool named = e >= 0 && (exact(f, uint32_t(e), T) || spelled(uint32_t(e), T, f.t0, f.t1) ||
                                        (h && h->primary && transliterated[gaz->entity(e).country] &&
                                         size_of(gaz->entity(e)) >= 10000));
          const bool where_x = x_countries.empty() || std::find(x_countries.begin(), x_countries.end(),
                                                                int(gaz->entity(e).country)) != x_countries.end();
          // ("in the western Deraa countryside": only a town whose province bears its name, Dar'a's)
          const bool province_named = paren || (gaz->entity(e).admin1 != P::kNoAdmin1 &&
                                                P::skeleton_key(seg_fold(w)) ==
                                                    P::skeleton_key(ik::text::fold(gaz->admin1_name(gaz->entity(e).admin1))));
          // (a small admin seat abroad, "(Kisha)" for a village seat in Turkey, does not locate X in a report
          // whose places and cues name another country)
          const bool elsewhere = ctx.top_country >= 0 && ctx.named_max >= 1.5 && gaz->entity(e).country != ctx.top_country;
          if (named && where_x && province_named &&
              (gaz->entity(e).population >= 100000 || gaz->entity(e).country == ctx.top_country ||
               (gaz->entity(e).seat() && !elsewhere))) {
            const Entity& en = gaz->entity(e);
            ac.country = en.country;
            if (en.admin1 != P::kNoAdmin1) ac.admin1 = en.admin1;
            ac.admin2_entity = e;
            admin1_text.clear();
          }
        }
      }
      if (!paren && ac.admin1 < 0) continue;
      // X: the name run right before the mark, skipping generic nouns ("the Ngbo community (...)").
      size_t x_end = i;
      bool part_of_town = false;  // "Abrone neighbourhood (Marka)": X is a part of the town in the parenthesis
      while (x_end > 0 && is_word(T, x_end - 1) && !T[x_end - 1].cap &&
             kPlaceNouns.count(std::string_view(text.data() + T[x_end - 1].s, T[x_end - 1].e - T[x_end - 1].s)) &&
             i - x_end < 3) {
        const std::string_view n = raw(text, T[x_end - 1]);
        part_of_town |= town_part_noun(n);
        --x_end;
      }
      if (x_end == 0 || !is_word(T, x_end - 1) || !T[x_end - 1].cap) {
        // No name before: the admin unit itself is the place ("in Borno (Nigeria)"), or a district
        // locates what precedes it ("near the Bakara junction (Hodan District)").
        if (paren && segs.size() == 1 && district_in_paren(text, T, segs[0], i)) {
          std::vector<size_t> yw = segs[0];
          if (yw.size() > 1 && kAdmin2Nouns.count(T[yw.back()].f)) yw.pop_back();
          places.push_back(district_place(text, T, yw, ac, ctx));
          for (size_t q = yw.front(); q <= yw.back(); ++q) covered[q] = true;
        }
        continue;
      }
      size_t x0 = x_end - 1;
      size_t nwords = 1;
      while (x0 > 0 && nwords < 7) {
        size_t p = x0 - 1;
        const bool tight = is_punct(T, p, '-') && !T[p].space_before && !T[x0].space_before;
        if (is_punct(T, p, '-') && p > 0 && is_word(T, p - 1) && (T[p - 1].cap || is_connector(T[p - 1].f)) &&
            (paren || tight)) {
          x0 = p - 1; ++nwords; continue;
        }
        // "the villages of Um al-Kaif and Ain Issa (...)": a list, the mark's name is the last
        if (is_word(T, p) && raw(text, T[p]) == "and" &&
            std::none_of(found.begin(), found.end(), [&](const Found& f) { return f.t0 < p && f.t1 > p; }))
          break;  // (not "Trinidad and Tobago")
        if (is_word(T, p) && (T[p].cap || is_connector(T[p].f)) && !T[x0].sent_start) {
          x0 = p; ++nwords; continue;
        }
        break;
      }
      // (a lower-case article joined by a hyphen stays: "the village of al-Jinah, in ...")
      while (x0 < x_end && !(is_word(T, x0) && (T[x0].cap || arabic_article(T, x0)))) ++x0;
      // Drop leading words that are not part of the name (sentence-initial "In", stop words, demonyms).
      while (x0 + 1 < x_end) {
        const std::string& f0 = T[x0].f;
        std::vector<Hit> hh;
        gaz->lookup(name_key(f0), hh);
        bool demonym = !hh.empty() && std::all_of(hh.begin(), hh.end(), [](const Hit& h) { return h.demonym; });
        if ((kStop.count(f0) && !(!T[x0].cap && arabic_article(T, x0))) || demonym) { ++x0; continue; }
        break;
      }
      std::vector<size_t> xw;
      for (size_t q = x0; q < x_end; ++q)
        if (is_word(T, q)) xw.push_back(q);
      while (!xw.empty() && !T[xw.back()].cap) xw.pop_back();
      if (xw.empty()) continue;
      // A lone sentence-initial word before ", Admin1" is rarely a place ("Meanwhile, Kano ...").
      // (not before a direction: "Hass, southern Idlib" opening a heading's line)
      if (!paren && !directed && !comma_in && xw.size() == 1 && T[xw[0]].sent_start) continue;
      if (in_word && !comma_in && T[xw[0]].sent_start) continue;  // "“Targeting Life in Idlib”": a title, not a place
      // "Attacks on Bakeries and Bread Queues in Aleppo Governorate": a title's common noun, which the text
      // writes in lower case elsewhere ("bread had become ...")
      if (in_word && lower_words.contains(T[xw[0]].f)) continue;
      if (in_word && xw.front() > 0 && is_word(T, xw.front() - 1)) {
        // "a new Traffic Control Regulation in Ambo": a place takes no indefinite article; "the University
        // of Imam El Mahdi in Kosti": the name of an institution
        // (lower-case words have no folded form: compared as written)
        size_t q = xw.front() - 1;
        if (raw(text, T[q]) == "new" && q > 0 && is_word(T, q - 1)) --q;
        if (const std::string_view w = raw(text, T[q]); w == "a" || w == "an" || w == "A" || w == "An") continue;
        if (T[xw.front() - 1].f == "of" && xw.front() >= 2 && is_word(T, xw.front() - 2) &&
            kFacilities.count(T[xw.front() - 2].f))
          continue;
      }
      // "SPLA/M-IO in Magwi": initials, a group's, not a village in the unit
      if (in_word && std::all_of(xw.begin(), xw.end(), [&](size_t q) { return all_caps(raw(text, T[q])) && T[q].e - T[q].s <= 4; }))
        continue;
      // "Bego, Bale, Gadzama and ...": a list of names, not "X, Admin1".
      if (!paren && !in_word && is_punct(T, xw.front() - 1, ',') &&
          (is_punct(T, k, ',') || (is_word(T, k) && (T[k].f == "and" || raw(text, T[k]) == "and"))))
        continue;
      if (!paren) {
        // "Hamas in Gaza", "the Education Directorate in Beja": organisations and buildings, not places;
        // "Markets and Hospitals Under Fire in Idlib": a title (a function word written capitalised).
        bool stopword = false;
        for (size_t q : xw)
          stopword |= (kStop.count(T[q].f) > 0 && !(q > xw.front() && q < xw.back() && (T[q].f == "al" || T[q].f == "el"))) ||
                      kFacilities.count(T[q].f) > 0 || (q > xw.front() && kFunctionWords.count(T[q].f) > 0);
        // (an article inside a name is part of it: "Kharab al-Shahm")
        if (stopword) continue;
      }
      // "X (Y District)" where the gazetteer does not know X (a junction, a landmark, a hamlet): the
      // district is the most specific place that can be located, and stands for the event's place.
      if (paren && segs.size() == 1 && district_in_paren(text, T, segs[0], i)) {
        Found fx;
        const bool known_x = match_run(T, xw, fx) && fx.t1 == xw.back() &&
                             std::any_of(fx.hits.begin(), fx.hits.end(), [&](const Hit& h) {
                               // Known where the document is: a namesake elsewhere does not count.
                               const Entity& en = gaz->entity(h.entity);
                               const int want = ac.country >= 0 ? ac.country : ctx.top_country;
                               return !h.demonym && en.feature() != P::kCountry && spelled(h.entity, T, fx.t0, fx.t1) &&
                                      (want >= 0 ? en.country == want : size_of(en) >= 20000);
                             });
        if (!known_x) {
          std::vector<size_t> yw = segs[0];
          if (yw.size() > 1 && kAdmin2Nouns.count(T[yw.back()].f)) yw.pop_back();
          places.push_back(district_place(text, T, yw, ac, ctx));
          for (size_t q = xw.front(); q <= yw.back(); ++q) covered[q] = true;
          continue;
        }
      }
      if (ac.country < 0 && xw.size() == 1 && all_caps(raw(text, T[xw[0]]))) continue;  // "CPI (Maoists)"
      // "Somalia (Amisom)": a country is no place of its own country.
      if (xw.size() <= 3 && names_country_as_written(join_folded(T, xw, 0, xw.size() - 1))) continue;
      // "the Office of the President (Seoul City - Yongsan)": not a place name before the parenthesis.
      if (std::all_of(xw.begin(), xw.end(), [&](size_t q) { return kStop.count(T[q].f) > 0 || kFacilities.count(T[q].f) > 0; }))
        continue;
      // "the Samsun KHK (Decree Law) Victims Platform": an acronym in X and nothing known in the parenthesis.
      if (ac.country < 0 && std::any_of(xw.begin(), xw.end(), [&](size_t q) {
            return all_caps(raw(text, T[q])) && T[q].e - T[q].s >= 2;
          }))
        continue;
      // "Special Commandos (Danab)": a force's name and its nickname, not a place and its province
      if (kActorNouns.count(T[xw.back()].f)) continue;
      if (ac.country < 0) {
        // Nothing in the parenthesis is in the gazetteer: X's own exact reading, else the document's country.
        Found f;
        if (match_run(T, xw, f) && f.t1 == xw.back()) {
          const std::string sp = plain(join_folded(T, xw, 0, xw.size() - 1));
          const Hit* h = nullptr;
          int e = best_hit(f.hits, ctx, -1, -1, P::kPlace, false, &h, &sp);
          if (e >= 0 && exact(f, uint32_t(e), T) && gaz->entity(e).feature() != P::kCountry) ac.country = gaz->entity(e).country;
        }
        if (ac.country < 0 && ctx.top_country >= 0 && ctx.country_votes[ctx.top_country] >= 1.5) ac.country = ctx.top_country;
        if (ac.country < 0) continue;
      }

      Place pl;
      pl.start = T[xw.front()].s;
      pl.end = T[xw.back()].e;
      pl.evidence = paren ? "parenthesis" : in_word ? "in_admin" : "comma_admin";
      // Best gazetteer reading of X (or of its longest leading part) inside the admin context.
      int chosen = -1;
      bool whole = false;
      for (size_t a = 0; a < xw.size() && chosen < 0; ++a) {
        std::vector<size_t> sub(xw.begin() + a, xw.end());
        Found f;
        if (!match_run(T, sub, f)) continue;
        const Hit* h = nullptr;
        int e = best_hit(f.hits, ctx, ac.admin1, ac.country, P::kPlace, false, &h);
        if (e < 0) continue;
        const Entity& en = gaz->entity(e);
        const bool inside = en.country == ac.country && (ac.admin1 < 0 || en.admin1 == ac.admin1 ||
                                                          en.admin1 == P::kNoAdmin1);
        if (!inside) continue;
        if (en.feature() == P::kCountry) continue;
        whole = (a == 0 && f.t1 == xw.back());
        // A part stands for the whole only before a spaced dash ("Rio de Janeiro - North Zone");
        // "Zarichne-Pivdenne" is not Zarichne.
        if (!whole && !(a == 0 && is_punct(T, f.t1 + 1, '-') && T[f.t1 + 1].space_before)) continue;
        chosen = e;
      }
      if (chosen < 0) {
        // Fuzzy: consonant skeleton inside the admin unit.
        std::vector<uint32_t> cands;
        gaz->lookup_skeleton(P::skeleton_key(join_folded(T, xw, 0, xw.size() - 1)), cands);
        double bs = -1e9;
        for (uint32_t c : cands) {
          const Entity& en = gaz->entity(c);
          if (en.country != ac.country || (ac.admin1 >= 0 && en.admin1 != ac.admin1)) continue;
          double s = entity_score(en, nullptr, ctx, ac.admin1, ac.country, P::kPlace);
          if (s > bs) { bs = s; chosen = int(c); whole = true; }
        }
      }
      if (chosen < 0 && !paren) {
        // "Kano, Kaduna": X is a known place elsewhere, not a village of the unit after it.
        Found f;
        if (match_run(T, xw, f) && f.t1 == xw.back()) {
          bool known = false;
          for (const Hit& h : f.hits) {
            const Entity& en = gaz->entity(h.entity);
            known |= !h.demonym && en.population >= 20000 && exact(f, h.entity, T);
            known |= en.feature() == P::kCountry || en.feature() == P::kAdmin1;
          }
          // (not when the unit is called one: "Saida in the eastern Daraa countryside" is Daraa's Saida)
          if (known && !unit_noun) continue;
        }
        if (in_word && ac.admin1 < 0) continue;  // "X in Nigeria" alone says too little
      }
      if (chosen >= 0 && (gaz->entity(chosen).feature() == P::kAdmin1) && ac.admin1 >= 0 &&
          gaz->entity(chosen).admin1 == ac.admin1 && xw.size() == 1 && !whole) {
        chosen = -1;
      }
      // ACLED codes a town's unlisted neighbourhood to the town: the parenthesis is the place.
      int town = -1;
      if (chosen < 0 && part_of_town && nsegs == 1) {
        if (ac.admin2_entity >= 0 && gaz->entity(ac.admin2_entity).feature() == P::kPlace) {
          town = ac.admin2_entity;
        } else if (Found f; match_run(T, segs[0], f) && f.t1 == segs[0].back()) {
          const Hit* h = nullptr;
          const int e = best_hit(f.hits, ctx, -1, ac.country, P::kPlace, false, &h);
          if (e >= 0 && gaz->entity(e).feature() == P::kPlace && int(gaz->entity(e).country) == ac.country &&
              exact(f, uint32_t(e), T))
            town = e;
        }
      }
      if (town >= 0) {
        pl.start = T[segs[0].front()].s;
        pl.end = T[segs[0].back()].e;
        pl.evidence = "town_of_part";
        fill_entity(pl, town);
        pl.confidence = 0.9;
      } else if (chosen >= 0) {
        fill_entity(pl, chosen);
        if (!whole) pl.value = ascii(text.substr(pl.start, pl.end - pl.start));
        if (!ac.admin2.empty()) pl.admin2 = ac.admin2;
        pl.confidence = paren ? 0.92 : 0.85;
      } else {
        pl.unlisted = true;
        pl.value = ascii(text.substr(pl.start, pl.end - pl.start));
        pl.country = ac.country;
        pl.admin1 = ac.admin1;
        pl.admin2 = ac.admin2;
        pl.precision = 2;
        const int anchor = ac.admin2_entity >= 0 ? ac.admin2_entity
                          : ac.admin1 >= 0        ? int(gaz->admin1(uint16_t(ac.admin1)).entity)
                                                  : int(gaz->country(uint8_t(ac.country)).entity);
        pl.lat = gaz->entity(anchor).lat();
        pl.lon = gaz->entity(anchor).lon();
        pl.confidence = paren ? 0.88 : 0.75;
      }
      if (!admin1_text.empty() && town < 0) pl.admin1_text = admin1_text;
      const bool unlisted_x = pl.unlisted;
      places.push_back(std::move(pl));
      for (size_t q = xw.front(); q <= xw.back(); ++q) covered[q] = true;
      // (and any other reading of the name, with the article it was read without: "Al-Sabha (Deir-ez-Zor)"
      // is not also Sabha, Libya)
      if (paren)
        for (const Found& f : found) {
          if (!(f.t0 < xw.front() && f.t1 >= xw.front() && f.t1 <= xw.back())) continue;
          std::string art;
          for (char ch : text.substr(T[f.t0].s, T[xw.front()].s - T[f.t0].s))
            if (ch != '-' && ch != ' ') art += ik::text::lower(ch);
          static const WordSet kArticles = {"al", "el", "ad", "ar", "as", "an", "at", "ash", "az"};
          if (kArticles.count(art))
            for (size_t q = f.t0; q <= f.t1; ++q) covered[q] = true;
        }
      // "shelled Makarivka, Donetsk", "Aje town, West Arsi": the unit after an unknown place locates it;
      // it is no scene of its own (Donetsk the city would outrank the village): marked "admin_context"
      // (inside a parenthesis, "(Shariatpur, Dhaka)", the unit is the event's admin1 and stays)
      bool in_parens = false;
      for (size_t q = i; q-- > 0 && !T[q].sent_start && !in_parens;) {
        if (is_punct(T, q, ')')) break;
        in_parens = is_punct(T, q, '(');
      }
      if (unlisted_x && !paren && !in_word && !in_parens && k > i + 1)
        context_spans.emplace_back(T[i + 1].s, T[k - 1].e);
      // The admin names of the mark are read in the place's country ("(Capital)" of Manama is not
      // Venezuela's Capital district): other readings of them are dropped.
      if (ac.country >= 0)
        for (Found& f : found) {
          if (f.t0 <= i || f.t0 > k) continue;
          f.hits.erase(std::remove_if(f.hits.begin(), f.hits.end(),
                                      [&](const Hit& h) { return gaz->entity(h.entity).country != ac.country; }),
                       f.hits.end());
          if (f.hits.empty())
            for (size_t q = f.t0; q <= f.t1; ++q) covered[q] = true;
        }
      if (ac.admin1 >= 0) ctx.admin1_votes[ac.admin1] += 1;
      ctx.vote_country(ac.country, 0.5, T[i].s);
    }

    // ---- generic nouns after names (below): "the village of X", "X village", "X district", "X countryside"
    // The noun may be capitalised after the name ("Walaq Village", "Eleme LGA").
    static const WordSet kNameNouns = {"village", "town", "district", "county", "camp", "area", "lga", "township",
                                       "neighbourhood", "neighborhood", "locality", "settlement", "hamlet",
                                       "payam", "boma", "woreda", "kebele", "commune", "upazila", "subdivision",
                                       "sub-division", "subcounty", "sub-county", "chiefdom", "municipality",
                                       "ward"};
    // "Cali Fool Dheere Village": a listed name that only begins a longer capitalised name of a village
    // ("Village" capitalised as part of it) is that unknown village, not the listed place.
    auto begins_longer_name = [&](const Found& f) {
      size_t k = f.t1 + 1;
      // (not a unit's title: "Gassol Local Government Area", "Aniocha North Local Government Area")
      static const WordSet kTitleWords = {"local", "government", "council", "municipal", "north", "south", "east",
                                          "west", "central", "upper", "lower", "state", "city", "metropolitan"};
      while (k < T.size() && k <= f.t1 + 3 && is_word(T, k) && T[k].cap && !T[k].sent_start &&
             !kNameNouns.count(T[k].f)) {
        if (kTitleWords.count(T[k].f)) return false;
        for (const Found& g : found)
          if (g.t0 == k) return false;  // a listed name follows: two names, not one
        ++k;
      }
      return k > f.t1 + 1 && is_word(T, k) && T[k].cap && kNameNouns.count(T[k].f);
    };

    // ---- the remaining gazetteer matches, with ambiguity and false-positive checks
    for (const Found& f : found) {
      if (covered[f.t0] || begins_longer_name(f)) continue;
      const size_t before = places.size();
      place_found(text, T, f, ctx, lower_words, places);
      // A rejected namesake leaves the words free for the unlisted rules below.
      for (size_t q = f.t0; q <= f.t1; ++q) covered[q] = covered[q] || places.size() > before;
    }

    // ---- generic nouns: "the village of X", "X village", "X district", "X countryside" for unknown X
    // (X may open with a lower-case article: "the village of al-Jinah")
    // An article joined by a hyphen to the word after it: the "al" of "al-Jinah", "Al-Lataminah".
    auto joined_article = [&](size_t k) {
      return is_word(T, k) && is_connector(T[k].f) && is_punct(T, k + 1, '-') && !T[k + 1].space_before;
    };
    auto article_name = [&](size_t k) {  // "al-Jinah": a lower-case article, then the name
      return joined_article(k) && !T[k].cap && is_word(T, k + 2) && T[k + 2].cap && !T[k + 2].space_before;
    };
    // "Kansafra, a village in Jabal al-Zawiya", "Al-Lataminah, a small town in the northern Hama countryside":
    // a name set off by a comma and called a settlement; the run of words before the comma, or nothing.
    auto apposition_name = [&](size_t i) -> std::vector<size_t> {
      // the name ends before ", a village" or ", a small town"
      // (apposed_settlement() ends on the noun at i: most tokens are none, turned away here at once)
      if (!is_word(T, i) || T[i].cap || !settlement_noun(raw(text, T[i]))) return {};
      size_t e = SIZE_MAX;
      for (size_t back : {size_t(3), size_t(4)})
        if (i >= back && apposed_settlement(text, T, i - back) == i) { e = i - back; break; }
      if (e == SIZE_MAX || !is_word(T, e) || !T[e].cap || covered[e]) return {};
      size_t a = e;
      while (a > 0 && e - a < 5 && !T[a].sent_start) {
        // (a connector only inside a name: "Kafr al Ward", not "on" before "Al-Lataminah")
        const bool inner = a >= 2 && is_word(T, a - 1) && is_connector(T[a - 1].f) && is_word(T, a - 2) && T[a - 2].cap;
        if (is_word(T, a - 1) && (T[a - 1].cap || inner) && !covered[a - 1]) { --a; continue; }
        if (a >= 2 && is_punct(T, a - 1, '-') && !T[a - 1].space_before && !T[a].space_before && is_word(T, a - 2) &&
            (T[a - 2].cap || is_connector(T[a - 2].f)) && !covered[a - 2]) { a -= 2; continue; }
        break;
      }
      while (a < e && !(is_word(T, a) && (T[a].cap || is_connector(T[a].f)))) ++a;
      std::vector<size_t> w;
      for (size_t q = a; q <= e; ++q)
        if (is_word(T, q)) w.push_back(q);
      if (w.empty()) return {};
      // (a common word opens no name unless it is an article joined to it: "Al-Lataminah"; a facility is
      // no settlement's name)
      if ((kStop.count(T[w.front()].f) && !joined_article(w.front())) || kFacilities.count(T[w.back()].f)) return {};
      return w;
    };
    // The admin1 an unlisted name between tokens t0 and t1 lies in: one named in its sentence (the
    // nearest), else the one the document names most; -1 when none.
    std::optional<int> cities_admin1;  // the province of the places the report names most, once asked
    auto admin1_around = [&](size_t t0, size_t t1, uint32_t at) {
      int a1 = -1;
      uint32_t sent_start = 0, sent_end = uint32_t(text.size());
      for (size_t q = t0 + 1; q-- > 0;)
        if (T[q].sent_start) { sent_start = T[q].s; break; }
      for (size_t q = t1 + 1; q < T.size(); ++q)
        if (T[q].sent_start) { sent_end = T[q].s; break; }
      uint32_t best_d = UINT32_MAX;
      for (const Place& p : places) {
        if (p.admin1 < 0 || p.start < sent_start || p.start >= sent_end || p.demonym) continue;
        const uint32_t d = p.start > at ? p.start - at : at - p.start;
        if (d < best_d) { best_d = d; a1 = p.admin1; }
      }
      // (of the document's country: a press office abroad, named twice, is no province of the report's)
      double best_v = 0;
      if (a1 < 0)
        for (auto& [a, v] : ctx.admin1_votes)
          if (v > best_v && (ctx.top_country < 0 || gaz->admin1(uint16_t(a)).country == ctx.top_country)) {
            best_v = v;
            a1 = a;
          }
      // (a report that names no province, only its city, "Homs" again and again: the city's province; the
      // listed places are all found by now, so they are counted once)
      if (a1 < 0) {
        if (!cities_admin1) {
          std::map<int, int> n;
          for (const Place& p : places)
            if (p.entity >= 0 && p.admin1 >= 0 && !p.demonym && p.feature == P::kPlace &&
                (ctx.top_country < 0 || p.country == ctx.top_country))
              ++n[p.admin1];
          int most = 1;  // named twice at least
          cities_admin1 = -1;
          for (const auto& [a, c] : n)
            if (c > most) most = c, cities_admin1 = a;
        }
        a1 = *cities_admin1;
      }
      return a1;
    };
    for (size_t i = 0; i < T.size(); ++i) {
      if (!is_word(T, i) || covered[i]) continue;
      // "Lokopo Sub-County", "the Kolofata sub-division": the name comes before the "sub-"
      const size_t at = i >= 3 && is_punct(T, i - 1, '-') && !T[i].space_before && !T[i - 1].space_before &&
                                is_word(T, i - 2) && T[i - 2].f == "sub" && !T[i - 2].sent_start
                            ? i - 2 : i;
      // Cheap shape test first: a capitalised word before it, or "of" + capitalised word after it.
      const bool cap_before = at > 0 && is_word(T, at - 1) && T[at - 1].cap;
      const bool of_after = is_word(T, i + 2) && (T[i + 2].cap || article_name(i + 2)) && is_word(T, i + 1) &&
                            raw(text, T[i + 1]) == "of";
      std::vector<size_t> appos;
      if (!cap_before && !of_after) {
        appos = apposition_name(i);
        if (appos.empty()) continue;
      }
      if (T[at].cap && !(cap_before && (at != i || kNameNouns.count(T[i].f)) && !T[at].sent_start)) continue;
      const std::string_view noun = T[i].cap ? std::string_view(T[i].f) : raw(text, T[i]);
      // "on the Kafr Ruma front", "the Dadikh axis": a front line named after the village it runs by
      const bool front_line = !T[i].cap && cap_before && (noun == "front" || noun == "axis" || noun == "frontline");
      if (!kPlaceNouns.count(noun) && !front_line) continue;
      const bool capital = noun == "capital";  // "the Kazakh capital": an adjective before it, no place
      std::vector<size_t> xw;
      if (!appos.empty()) {
        xw = appos;
      } else if (is_word(T, i + 1) && raw(text, T[i + 1]) == "of" && is_word(T, i + 2) &&
          (T[i + 2].cap || article_name(i + 2)) && !covered[i + 2]) {
        xw = run_from(T, i + 2, 4, false);
      } else if (!capital && cap_before && !covered[at - 1] && !T[at - 1].sent_start) {
        size_t a = at - 1;
        while (a > 0 && at - a < 7 && !T[a].sent_start) {
          if (is_word(T, a - 1) && T[a - 1].cap && !covered[a - 1] && at - a < 4) { --a; continue; }
          // "the Bustan al-Qasr neighbourhood": an article joined by a hyphen to the word after it
          if (a >= 3 && joined_article(a - 2) && !T[a].space_before && !T[a - 2].sent_start && is_word(T, a - 3) &&
              T[a - 3].cap && !covered[a - 3]) {
            a -= 3;
            continue;
          }
          break;
        }
        xw = run_from(T, a, 5, false);
        while (!xw.empty() && xw.back() >= at) xw.pop_back();
      }
      if (xw.empty()) continue;
      // (an article joined to the name, "al-Jinah", opens it)
      if (kStop.count(T[xw[0]].f) && !joined_article(xw[0])) {
        // "Arab Hassan village": a common word may open a village's name, when more of the name follows
        static const WordSet kSettlements = {"village", "town", "hamlet", "neighbourhood", "neighborhood", "quarter"};
        const bool named_settlement = xw.size() >= 2 && kSettlements.count(noun) && xw.back() + 1 == i &&
                                      !T[xw[0]].sent_start &&  // (not "In Safina village, ...")
                                      std::none_of(xw.begin() + 1, xw.end(), [&](size_t q) { return kStop.count(T[q].f) > 0; });
        if (!named_settlement) continue;
      }
      // A tight hyphen joins the word before into the name ("Ceel-Cadde village", "the Bashali-Mokoto
      // area"), but "SPLM-N areas" is the tail of an acronym, not a name.
      const size_t x0 = xw.front();
      if (x0 >= 2 && is_punct(T, x0 - 1, '-') && !T[x0].space_before && !T[x0 - 1].space_before &&
          is_word(T, x0 - 2) && !is_connector(T[x0 - 2].f)) {
        if (!T[x0 - 2].cap || all_caps(raw(text, T[x0 - 2])) || covered[x0 - 2]) continue;
        xw.insert(xw.begin(), x0 - 2);
      }
      bool any_covered = false;
      for (size_t q : xw) any_covered |= covered[q];
      if (any_covered) continue;
      // "the UCT campus", "the MSF hospital", "the UN compound": an acronym names an organisation
      if (xw.size() == 1 && all_caps(raw(text, T[xw[0]]))) continue;
      // "the ethnic Nande community", "the Murle community": a people, not a place
      bool people = xw.front() > 0 && is_word(T, xw.front() - 1) && raw(text, T[xw.front() - 1]) == "ethnic";
      if (noun == "community" || noun == "communities")  // (a cue that names a region stays a place: "Darfur region")
        for (const CueHit& c : cue_hits) people |= c.t0 <= xw.back() && c.t1 >= xw.front();
      if (people) continue;
      // "the outskirts of Zamalka and Ein Tarma": two places joined by "and", each its own
      std::vector<size_t> second;
      for (size_t j = 1; j + 1 < xw.size(); ++j)
        if (raw(text, T[xw[j]]) == "and") {
          if (T[xw[j + 1]].cap) second.assign(xw.begin() + long(j) + 1, xw.end());
          xw.resize(j);
          break;
        }
      Place pl = unlisted_place(text, T[xw.front()].s, T[xw.back()].e, "place_noun");
      // Context: an admin1 named in the same sentence (nearest), else the document's most named admin1,
      // else the document's country when it is named.
      const int a1 = admin1_around(xw.front(), xw.back(), pl.start);
      if (a1 >= 0) {
        const Entity& ae = gaz->entity(gaz->admin1(uint16_t(a1)).entity);
        pl.admin1 = a1;
        pl.country = ae.country;
        pl.lat = ae.lat();
        pl.lon = ae.lon();
      } else if (ctx.top_country >= 0 && ctx.country_votes[ctx.top_country] >= 1.5) {
        const Entity& ce = gaz->entity(gaz->country(uint8_t(ctx.top_country)).entity);
        pl.country = ctx.top_country;
        pl.lat = ce.lat();
        pl.lon = ce.lon();
        pl.precision = 3;
      }  // else: no country yet (see the end of process())
      pl.guessed_country = a1 < 0;
      // (a neighbourhood's town is found once all places are known, below)
      pl.confidence = pl.country >= 0 ? 0.55 : 0.45;
      // "Nassriya city": a city the gazetteer lacks under this spelling is most likely a large one spelled
      // another way (villages are what it lacks, and nobody calls them cities).
      const int v = noun == "city" && xw.back() + 1 == i ? vowel_variant(T, xw) : -1;
      if (v >= 0 && (pl.country < 0 || pl.country == gaz->entity(v).country)) {
        fill_entity(pl, v);
        pl.unlisted = pl.guessed_country = false;
        pl.confidence = 0.6;
      }
      if (!second.empty() && pl.unlisted) {
        Place other = pl;
        const Place named = unlisted_place(text, T[second.front()].s, T[second.back()].e, "place_noun");
        other.start = named.start, other.end = named.end, other.value = named.value;
        places.push_back(std::move(other));
        for (size_t q : second) covered[q] = true;
      }
      places.push_back(std::move(pl));
      for (size_t q : xw) covered[q] = true;
    }

    // ---- "in X", "near X", "attack on X", "captured X" for a capitalised X the gazetteer lacks: the
    // name is the place whatever the gazetteer says (villages are mostly missing from it). Placed by the
    // document's country when it has one; a country only guessed from a demonym or a cue still counts.
    {
      const int doc_country = ctx.top_country >= 0 && ctx.country_votes[ctx.top_country] >= 0.7 ? ctx.top_country : -1;
      // An unlisted name placed by the document's country: the country and its point (false: none named).
      const auto in_doc_country = [&](Place& pl) {
        if (doc_country < 0) return false;
        const Entity& ce = gaz->entity(gaz->country(uint8_t(doc_country)).entity);
        pl.country = doc_country;
        pl.lat = ce.lat();
        pl.lon = ce.lon();
        return true;
      };
      // "Kasungu residents riot ...": a sentence-initial name before a word for its inhabitants (adjectives
      // that open such sentences are not names).
      static const WordSet kPeopleAdjectives = {
          "angry", "local", "poor", "rural", "urban", "disgruntled", "concerned", "frustrated", "irate", "affected",
          "displaced", "aggrieved", "unhappy", "furious", "hundreds", "thousands", "dozens", "scores", "fellow",
          "young", "elderly", "female", "male", "unemployed", "striking", "protesting", "former", "black", "white",
          "informal", "innocent", "armed", "unarmed", "suspected", "alleged", "worried", "desperate", "jobless",
          "unknown", "unidentified", "other", "many", "some", "several", "more", "most", "few", "christian", "muslim"};
      for (size_t i = 0; i + 1 < T.size(); ++i) {
        if (!is_word(T, i) || !T[i].cap || !T[i].sent_start || covered[i] || all_caps(raw(text, T[i]))) continue;
        if (!is_word(T, i + 1) || T[i + 1].cap || !kResidentNouns.count(raw(text, T[i + 1]))) continue;
        if (T[i].e - T[i].s < 4 || kStop.count(T[i].f) || kNever.count(T[i].f) || kFunctionWords.count(T[i].f) ||
            kPeopleAdjectives.count(T[i].f) || lower_words.contains(T[i].f))
          continue;
        // (a participle is an adjective too: "Masked men", "Hooded youths")
        if (T[i].f.size() > 4 && T[i].f.compare(T[i].f.size() - 2, 2, "ed") == 0) continue;
        if (ik::text::read_number(ik::text::tokenize(raw(text, T[i])), 0)) continue;  // "Nineteen residents were hurt"
        std::vector<Hit> hh;
        gaz->lookup(name_key(T[i].f), hh);
        if (std::any_of(hh.begin(), hh.end(), [](const Hit& h) { return h.demonym; })) continue;
        bool cue = false;
        for (const CueHit& c : cue_hits) cue |= c.t0 <= i && c.t1 >= i;
        if (cue) continue;
        Place pl = unlisted_place(text, T[i].s, T[i].e, "residents");
        pl.guessed_country = true;
        pl.confidence = 0.35;
        in_doc_country(pl);
        places.push_back(std::move(pl));
        covered[i] = true;
      }
      // "Al-Lataminah, 30 March 2017", "Sousian, near al-Bab, February 2017": a section heading that opens
      // with the name of where the section's events happened, then a date or a "near".
      // (also after the section's number and before a spaced dash: "2.3 Hass - 16 August")
      for (size_t i = 0; i < T.size(); ++i) {
        if (!is_word(T, i) || !T[i].cap || covered[i] || !opens_line(text, T[i].s)) continue;
        // (an article joined by a hyphen opens the name: "Al-Lataminah")
        const bool article = arabic_article(T, i) && is_word(T, i + 2) && !T[i + 2].space_before;
        auto xw = run_from(T, article ? i + 2 : i, 4, false);
        while (!xw.empty() && !T[xw.back()].cap) xw.pop_back();
        if (xw.empty() || !(is_punct(T, xw.back() + 1, ',') ||
                            (is_punct(T, xw.back() + 1, '-') && T[xw.back() + 1].space_before)))  // (a spaced dash)
          continue;
        const size_t a = xw.back() + 2;
        const bool dated = a < T.size() && (T[a].kind == Tok::Num || (is_word(T, a) && kCalendar.count(T[a].f)) ||
                                             (is_word(T, a) && !T[a].cap && raw(text, T[a]) == "near"));
        if (!dated || !heading_line(text, T[i].s, T[xw.back()].e)) continue;
        bool bad = false;
        for (size_t q : xw)
          bad |= covered[q] || kStop.count(T[q].f) || kNever.count(T[q].f) || kFunctionWords.count(T[q].f) ||
                 kFacilities.count(T[q].f) || lower_words.contains(T[q].f);
        if (bad) continue;
        Place pl = unlisted_place(text, T[i].s, T[xw.back()].e, "heading");
        pl.guessed_country = true;
        pl.confidence = 0.4;
        in_doc_country(pl);
        places.push_back(std::move(pl));
        for (size_t q = i; q <= xw.back(); ++q) covered[q] = true;
      }
      for (size_t i = 1; i < T.size(); ++i) {
        if (!is_word(T, i) || !T[i].cap || covered[i] || T[i].sent_start) continue;
        // (a lower-case article joined by a hyphen opens the name: "in al-Latamneh", "in el-Bab")
        const bool article = i >= 3 && !T[i - 2].cap && arabic_article(T, i - 2) && is_word(T, i - 3) && !covered[i - 2];
        const size_t p = article ? i - 3 : i - 1;  // the word before the name
        if (!is_word(T, p)) continue;
        // (a name found before without its article keeps that reading: "al-Khalidiya neighbourhood" of Homs,
        // then "in al-Khalidiya")
        if (article && std::any_of(places.begin(), places.end(), [&](const Place& q) {
              return text.substr(q.start, q.end - q.start) == raw(text, T[i]);
            }))
          continue;
        // The word before is lower case, or a sentence-initial "In"/"Near"/"A" ("In Hidra, protesters ...").
        if (T[p].cap && !(T[p].sent_start && (T[p].f == "in" || T[p].f == "near" || T[p].f == "at" ||
                                              T[p].f == "a" || T[p].f == "an" || T[p].f == "the")))
          continue;
        const std::string_view pw = T[p].cap ? std::string_view(T[p].f) : raw(text, T[p]);
        // "a Khayelitsha teenager", "the Kagiso residents": the name of where people live.
        const bool resident_of = (pw == "a" || pw == "an" || pw == "the") && is_word(T, i + 1) && !T[i + 1].cap &&
                                 kResidentNouns.count(raw(text, T[i + 1]));
        std::string pw2 = p >= 1 && is_word(T, p - 1) ? std::string(raw(text, T[p - 1])) : std::string();
        for (char& c : pw2) c = ik::text::lower(c);  // "Residents of X"
        if (!(pw == "in" || pw == "at" || pw == "near" || pw == "outside" || pw == "of" || pw == "from" ||
              pw == "around" || pw == "between" || pw == "on" || kSeizeVerbs.count(pw) || resident_of))
          continue;
        if (pw == "of" || pw == "from") {  // after a place noun or a direction: "the village of X", "east of X"
          static const WordSet kOfWords = {"east", "west", "north", "south", "northeast", "northwest", "southeast",
                                           "southwest", "outskirts", "control", "residents", "inhabitants",
                                           "vicinity", "environs", "centre", "center", "heart", "edge", "edges",
                                           "entrance", "suburbs"};
          // "3kms from X", "10 kilometres from X": a distance from a reference place
          std::string unit;
          if (p >= 1 && T[p - 1].kind != Tok::Punct)
            for (char ch : raw(text, T[p - 1]))
              if (!(ch >= '0' && ch <= '9')) unit += ik::text::lower(ch);
          static const WordSet kDistanceUnits = {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer",
                                                 "miles", "mile"};
          if (!(kPlaceNouns.count(pw2) || kOfWords.count(pw2) || kDistanceUnits.count(unit))) continue;
        }
        // "an attack on X", "barrel bombs on X", not "on Monday"
        static const WordSet kFallingOn = {"bombs", "barrels", "shells", "rockets", "missiles", "weapons",
                                           "munitions", "mortars", "bombardment", "shelling", "down"};
        if (pw == "on" && (!(kAttackNouns.count(pw2) || kFallingOn.count(pw2)) || kCalendar.count(T[i].f))) continue;
        auto xw = run_from(T, i, 3, false);
        // "in Tungudu and Opira": the first name; "in Kamaza on Tuesday": the name before the date; "in
        // Kolofata Cameroon's Far North": the name before a country's.
        for (size_t q = 1; q < xw.size(); ++q)
          if ((!T[xw[q]].cap && (T[xw[q]].f == "and" || T[xw[q]].f == "or" || kInnerOnly.count(T[xw[q]].f))) ||
              kNever.count(T[xw[q]].f) || (covered[xw[q]] && is_country_name(T[xw[q]].f))) {
            xw.resize(q);
            break;
          }
        while (!xw.empty() && !T[xw.back()].cap) xw.pop_back();
        if (xw.empty()) continue;
        bool bad = false;
        for (size_t q : xw) {
          // an Arabic article before more of the name is part of it: "in El Azraq", "in Al Qawz"
          if ((T[q].f == "el" || T[q].f == "al") && q < xw.back() && !covered[q]) continue;
          bad |= covered[q] || kStop.count(T[q].f) || kNever.count(T[q].f) || kFacilities.count(T[q].f) ||
                 kFunctionWords.count(T[q].f) || all_caps(raw(text, T[q]));
        }
        if (bad) continue;
        // A possessive or a capitalised word after it: an organisation or a person ("in Kano Pillars").
        const size_t nx = xw.back() + 1;
        // (not a country's name: "in Kolofata Cameroon's Far North"; nor the first word of the next line, after
        // a heading "Site 3: the bakery in Saqba")
        const bool next_line = nx < T.size() && text.substr(T[xw.back()].e, T[nx].s - T[xw.back()].e).find('\n') != std::string_view::npos;
        if (is_word(T, nx) && T[nx].cap && !next_line && !kPlaceSuffixWords.count(T[nx].f) &&
            !(covered[nx] && is_country_name(T[nx].f)))
          continue;
        if (is_punct(T, nx, '\'')) continue;
        if (nx < T.size() && T[nx].kind == Tok::Num) continue;  // "in Ward 5": a numbered unit, not a name
        const size_t nlen = T[xw.back()].e - T[xw.front()].s;
        if (nlen < 3) continue;
        // Cue words ("in Boko Haram") and demonyms ("in Somali") are not places.
        bool cue = false;
        for (const CueHit& c : cue_hits) cue |= c.t0 <= xw.back() && c.t1 >= xw.front();
        if (cue) continue;
        std::vector<Hit> hh;
        gaz->lookup(name_key(T[xw[0]].f == "el" || T[xw[0]].f == "al" ? T[xw[1]].f : T[xw[0]].f), hh);
        if (std::any_of(hh.begin(), hh.end(), [](const Hit& h) { return h.demonym; })) continue;
        if (lower_words.contains(T[xw[0]].f) || peoples_coordinated(text, T, xw.back())) continue;
        Place pl = unlisted_place(text, T[article ? i - 2 : xw.front()].s, T[xw.back()].e, "preposition");
        pl.confidence = 0.45;
        pl.guessed_country = true;
        if (in_doc_country(pl)) {
          if (ctx.country_votes[doc_country] < 1.0) pl.confidence = 0.4;
          // (and in the province the sentence or the document names: "in Hamouriyah" in a report on
          // Rural Damascus)
          if (const int a1 = admin1_around(xw.front(), xw.back(), pl.start); a1 >= 0) {
            const Entity& ae = gaz->entity(gaz->admin1(uint16_t(a1)).entity);
            if (int(ae.country) == pl.country) pl.admin1 = a1, pl.lat = ae.lat(), pl.lon = ae.lon();
          }
        } else {
          pl.confidence = 0.35;
        }
        // "near Sirghaya in the Zabadani area": it lies in the listed place named right after it
        size_t k = xw.back() + 1;
        if (is_word(T, k) && raw(text, T[k]) == "in") {
          if (is_word(T, k + 1) && raw(text, T[k + 1]) == "the") ++k;
          for (const Place& host : places)
            if (k + 1 < T.size() && host.start == T[k + 1].s && host.entity >= 0 && !host.demonym &&
                host.country >= 0 && host.feature != P::kCountry) {
              lies_in(pl, host);
              pl.confidence = 0.45;
              break;
            }
        }
        // "al-Khalidiya, a large opposition neighbourhood in the north of the city": ACLED codes a town's
        // unlisted neighbourhood to the town, the last one named before it
        if (const size_t n = apposed_settlement(text, T, xw.back()); n != SIZE_MAX && town_part_noun(raw(text, T[n])))
          for (auto host = places.rbegin(); host != places.rend(); ++host)
            if (host->start < pl.start && host->entity >= 0 && !host->demonym && !host->unlisted &&
                host->feature == P::kPlace && host->country == pl.country) {
              fill_entity(pl, host->entity);
              pl.evidence = "town_of_part";
              pl.confidence = 0.6;
              break;
            }
        places.push_back(std::move(pl));
        for (size_t q = article ? i - 2 : xw.front(); q <= xw.back(); ++q) covered[q] = true;
      }
    }

    // ---- a document whose only country evidence is its cues: the country, at the first cue.
    if (ctx.top_country >= 0) {
      const bool placed = std::any_of(places.begin(), places.end(), [&](const Place& p) { return p.country == ctx.top_country; });
      for (const CueHit& c : cue_hits) {
        if (placed || c.country != ctx.top_country) continue;
        Place pl;
        pl.start = T[c.t0].s;
        pl.end = T[c.t1].e;
        fill_entity(pl, int(gaz->country(uint8_t(c.country)).entity));
        pl.confidence = 0.2;
        pl.evidence = "affiliation";
        places.push_back(std::move(pl));
        break;
      }
    }

    // ---- nothing placed: sentence-initial names get a second chance ("Tozeur is witnessing ...").
    auto nothing_placed = [&] {
      return std::none_of(places.begin(), places.end(), [](const Place& p) { return !p.demonym && p.evidence != "affiliation"; });
    };
    if (nothing_placed())
      for (const Found& f : found)
        if (!covered[f.t0] && T[f.t0].sent_start) place_found(text, T, f, ctx, lower_words, places, true);

    // ---- still nothing: a city of 100,000+ inside an institution's name is where it is ("the Federal
    // University of Agriculture Makurdi", "Bangkok Metropolitan Administration"), spelled exactly.
    // (the end of a longer name, or its first word before an institution's noun; "Florence Nightingale" is
    // neither)
    static const WordSet kInstitutionNouns = {"metropolitan", "municipal", "municipality", "city", "university",
                                              "council", "administration", "police", "hospital", "airport",
                                              "court", "state", "county", "district", "regional", "provincial",
                                              "magistrate", "magistrates", "high", "technical", "teaching",
                                              "general", "central", "prison", "station", "college"};
    if (nothing_placed())
      for (const Found& f : found) {
        if (covered[f.t0]) continue;
        const bool ends_name = f.t0 > 0 && is_word(T, f.t0 - 1) && T[f.t0 - 1].cap && !T[f.t0].sent_start;
        const bool heads_name = is_word(T, f.t1 + 1) && T[f.t1 + 1].cap && kInstitutionNouns.count(T[f.t1 + 1].f);
        if (!ends_name && !heads_name) continue;
        int best = -1;
        for (const Hit& h : f.hits) {
          const Entity& en = gaz->entity(h.entity);
          if (h.demonym || en.feature() != P::kPlace || en.population < 100000 || !exact(f, h.entity, T)) continue;
          if (best < 0 || gaz->entity(uint32_t(best)).population < en.population) best = int(h.entity);
        }
        if (best < 0) continue;
        Place pl;
        pl.start = T[f.t0].s;
        pl.end = T[f.t1].e;
        fill_entity(pl, best);
        pl.confidence = 0.3;
        pl.evidence = "inside_name";
        places.push_back(std::move(pl));
        break;
      }

    // "the Ashrafiyeh neighbourhood of Afrin city", "the al-Badu neighbourhood" after "Raqqa": a part of a
    // town, the one named after "of" or else the last one named before. An unlisted part takes the town's
    // point; a namesake the gazetteer knows far from the town (a village, another city's quarter) is not
    // the part either.
    std::unordered_map<std::string, Place> parts;  // a part named so, by its surface text
    // The lower-case noun right after a place ("" if none): a part's is "neighbourhood" or "quarter"; a
    // "district" too, of a city in another province than the namesake the gazetteer knows ("the al-Shaar
    // district" of Aleppo is no Deir ez-Zor village; "the Jisr al-Shughur district" stays)
    const auto noun_after = [&](const Place& p) {
      const size_t t = first_token_at(T, p.end);
      return is_word(T, t) && !T[t].cap ? raw(text, T[t]) : std::string_view();
    };
    const auto part_noun = [](std::string_view n) { return n == "neighbourhood" || n == "neighborhood" || n == "quarter"; };
    // (or before a name the gazetteer lacks: "the mainly Alawite neighbourhood of Akrama"; not "the eastern
    // neighbourhood of Ariha", the town's own part)
    const auto part_of_before = [&](const Place& p) {
      static const WordSet kWhere = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                                     "central", "old", "same", "this", "that", "whole", "entire"};
      const size_t t = first_token_at(T, p.start);
      if (p.entity >= 0 || t < 3 || !is_word(T, t - 1) || raw(text, T[t - 1]) != "of" || !is_word(T, t - 2) ||
          !part_noun(raw(text, T[t - 2])) || (is_word(T, t - 3) && kWhere.count(ik::text::lower(raw(text, T[t - 3])))))
        return false;
      // ("the" names the part; "a residential quarter of Deir Qanun, a village" is some part of the village)
      for (size_t k = t - 3, n = 0; n < 6 && k > 0 && !T[k].sent_start; --k, ++n) {
        if (!is_word(T, k)) continue;
        const std::string_view w = raw(text, T[k]);
        if (w == "a" || w == "an" || w == "one") return false;
        if (w == "the" || w == "The") break;
      }
      const size_t n = apposed_settlement(text, T, first_token_at(T, p.end) - 1);
      return n == SIZE_MAX || town_part_noun(raw(text, T[n]));
    };
    // The city the report names most, of those named before `p` (ties: the later): the town of a part
    // named without it ("the neighbourhood of Akrama" in a report on Homs that also names Idlib once).
    // (with how often it is named)
    const auto city_named_most = [&](const Place& p) -> std::pair<const Place*, int> {
      const Place* best = nullptr;
      int best_n = 0;
      for (const Place& q : places) {
        if (q.end > p.start || q.entity < 0 || q.demonym || q.feature != P::kPlace || (p.country >= 0 && q.country != p.country) ||
            size_of(gaz->entity(uint32_t(q.entity))) < 100000)
          continue;
        const int n = int(std::count_if(places.begin(), places.end(), [&](const Place& r) { return r.entity == q.entity; }));
        if (n >= best_n) best = &q, best_n = n;
      }
      return {best, best_n};
    };
    // (or apposed: "al-Nahda, a neighbourhood of apartment blocks in the centre of the city")
    const auto called_part = [&](const Place& p) {
      if (part_noun(noun_after(p)) || part_of_before(p)) return true;
      const size_t last = first_token_at(T, p.end) - 1, n = apposed_settlement(text, T, last);
      return n != SIZE_MAX && town_part_noun(raw(text, T[n]));
    };
    // (a name's own words, written with or without its article: "al-Joura" is "Joura")
    const auto surface = [&](const Place& p) {
      std::string w = ik::text::lower(text.substr(p.start, p.end - p.start));
      for (std::string_view article : {"al-", "el-", "al ", "el "})
        if (w.size() > article.size() + 2 && w.starts_with(article)) return w.substr(article.size());
      return w;
    };
    std::unordered_set<std::string> part_names;  // names the report calls a neighbourhood somewhere
    for (const Place& p : places)
      if (!p.demonym && called_part(p)) part_names.insert(surface(p));
    for (Place& p : places) {
      if (p.demonym || (p.entity < 0 && !p.unlisted) || (p.feature != P::kPlace && p.feature != P::kNeighbourhood)) continue;
      const std::string_view noun = noun_after(p);
      const bool district = noun == "district";
      if (!district && !called_part(p)) continue;
      const size_t t = first_token_at(T, p.end);
      const Place* town = nullptr;
      // (or after a comma: "al-Sha'ar neighbourhood, Aleppo city")
      const bool comma_town = is_punct(T, t + 1, ',') && t + 2 < T.size() &&
                              std::any_of(places.begin(), places.end(), [&](const Place& q) {
                                return q.start == T[t + 2].s && q.entity >= 0 && !q.demonym;
                              });
      if ((is_word(T, t + 1) && raw(text, T[t + 1]) == "of") || comma_town) {
        const size_t n = comma_town ? t + 2 : is_word(T, t + 2) && raw(text, T[t + 2]) == "the" ? t + 3 : t + 2;
        if (n < T.size())
          for (const Place& q : places)
            if (q.start == T[n].s) town = &q;
      } else if (part_of_before(p)) {
        town = city_named_most(p).first;
      } else {
        // (not a province's countryside: "volunteers in the western Aleppo and Hama countryside")
        const auto countryside = [&](const Place& q) {
          size_t k = first_token_at(T, q.end);
          if (is_word(T, k) && raw(text, T[k]) == "and" && is_word(T, k + 1) && T[k + 1].cap)
            k = first_token_at(T, T[k + 1].e);
          return is_word(T, k) && (raw(text, T[k]) == "countryside" || raw(text, T[k]) == "governorate" ||
                                   raw(text, T[k]) == "province");
        };
        for (const Place& q : places)
          // (not a name the report calls a neighbourhood: "Al-Shaar, 18 November" heading a paragraph)
          if (q.end <= p.start && (!town || q.start > town->start) && q.entity >= 0 && !q.demonym && !countryside(q) &&
              (q.feature == P::kPlace || q.feature == P::kAdmin1) &&
              (p.country < 0 || q.country == p.country || p.entity >= 0) &&  // (a namesake abroad: "al-Mashhad")
              !part_names.count(surface(q)))
            town = &q;
        // (a town named last in another paragraph gives way to the city the report is about: "former residents,
        // now in Gaziantep, Kilis and Idlib" / "The hospital in al-Sakhour" in a report naming Aleppo six times)
        if (town && text.substr(town->end, p.start - town->end).find("\n\n") != std::string_view::npos)
          if (const auto [main, times] = city_named_most(p); main && main->entity != town->entity && times >= 3)
            town = main;
      }
      Place host;
      if (!town || !as_town(*town, found, T, host)) continue;
      if (district && (p.entity < 0 || p.admin1 < 0 || p.admin1 == host.admin1 || host.entity < 0 ||
                       size_of(gaz->entity(uint32_t(host.entity))) < 100000))  // (a city's districts)
        continue;
      if (p.entity >= 0) {  // a listed place: only when it lies away from the town
        if (std::isnan(p.lat) || std::isnan(host.lat)) continue;
        const double dlat = (p.lat - host.lat) * 111.0, dlon = (p.lon - host.lon) * 111.0 * std::cos(host.lat * M_PI / 180);
        if (dlat * dlat + dlon * dlon <= 10.0 * 10.0) continue;
      }
      Place part = unlisted_place(text, p.start, p.end, p.entity >= 0 ? "part_of_town" : p.evidence.c_str());
      part_of(text, part, host);
      part.confidence = p.confidence;
      p = std::move(part);
      parts.emplace(surface(p), p);
    }
    // One name, one place in a report: the part named again on its own ("a bakery in al-Sha'ar") is that part,
    // whether the gazetteer lists the name elsewhere or not at all.
    if (!parts.empty())
      for (Place& p : places) {
        if (p.demonym || (p.entity < 0 && !p.unlisted) ||
            (p.entity >= 0 && p.feature != P::kPlace && p.feature != P::kNeighbourhood))
          continue;
        const auto it = parts.find(surface(p));
        if (it == parts.end()) continue;
        const uint32_t s0 = p.start, e0 = p.end;
        const double conf = p.confidence;
        p = it->second;
        p.start = s0, p.end = e0, p.confidence = conf;
      }

    // A town named in full and then by its first word ("Ma'arrat al-Nu'man ... Maarrat market update", "Jisr
    // al-Shughur ... Jisr team 1"): the short name is that town, not a namesake or a loose match elsewhere.
    for (size_t i = 0; i < places.size(); ++i) {
      Place& p = places[i];
      if (p.demonym || (p.entity >= 0 && p.feature != P::kPlace)) continue;
      const std::string_view short_name = text.substr(p.start, p.end - p.start);
      if (short_name.size() < 4 || short_name.find(' ') != std::string_view::npos) continue;
      if (p.entity >= 0 && gaz->entity(uint32_t(p.entity)).population >= 100000) continue;
      static const WordSet kGenericNouns = {"city", "town", "village", "governorate", "province", "district",
                                            "subdistrict", "countryside", "area", "camp", "region", "neighbourhood",
                                            "neighborhood", "quarter", "suburb", "hospital", "market"};
      std::string short_key;  // the short name's loose key, once, when a full name is first compared
      for (size_t j = 0; j < places.size(); ++j) {
        const Place& q = places[j];
        if (q.end > p.start || q.entity < 0 || q.entity == p.entity || q.demonym || q.feature != P::kPlace) continue;
        const std::string_view full = text.substr(q.start, q.end - q.start);
        const size_t sp = full.find(' ');
        if (sp == std::string_view::npos || sp + 1 >= full.size()) continue;
        size_t w = sp + 1;
        while (w < full.size() && full[w] != ' ' && full[w] != '-') ++w;
        if (kGenericNouns.count(ik::text::lower(full.substr(sp + 1, w - sp - 1)))) continue;
        if (short_key.empty()) short_key = name_key(ik::text::fold(short_name));
        if (name_key(ik::text::fold(full.substr(0, sp))) != short_key) continue;
        const uint32_t s0 = p.start, e0 = p.end;
        p = q;
        p.start = s0, p.end = e0, p.confidence = std::min(q.confidence, 0.6);
        p.evidence = "short_name";
        break;
      }
    }

    // Names placed by the document's country: a resolved place of the same sentence says better ("villages
    // in Jakawa, in Ethiopia's Gambella region" after "raiders from South Sudan").
    for (Place& p : places) {
      if (!p.guessed_country) continue;
      uint32_t sent_start = 0, sent_end = uint32_t(text.size());
      for (size_t q = 0; q < T.size(); ++q) {
        if (!T[q].sent_start) continue;
        if (T[q].s <= p.start) sent_start = T[q].s;
        else { sent_end = T[q].s; break; }
      }
      const Place* best = nullptr;
      uint32_t bd = UINT32_MAX;
      for (const Place& q : places) {
        if (q.entity < 0 || q.demonym || q.evidence == "affiliation" || q.country < 0) continue;
        if (q.start < sent_start || q.start >= sent_end) continue;
        const uint32_t d = q.start > p.start ? q.start - p.start : p.start - q.start;
        if (d < bd) { bd = d; best = &q; }
      }
      if (best && best->country != p.country) {
        const Entity& ce = gaz->entity(gaz->country(uint8_t(best->country)).entity);
        p.country = best->country;
        p.admin1 = -1;
        p.lat = ce.lat();
        p.lon = ce.lon();
      }
    }

    // Names placed without a country: the country where the document's resolved places lie ("in the
    // vicinity of Damerale (45km E of Galkacyo)" puts Damerale in Somalia).
    {
      std::unordered_map<int, double> where;
      for (const Place& p : places)
        if (p.entity >= 0 && !p.demonym && p.country >= 0)
          where[p.country] += p.feature == P::kCountry || p.feature == P::kAdmin1 ? 2.0 : 1.0;
      int best = -1;
      double bw = 0;
      for (auto& [c, w] : where)
        if (w > bw || (w == bw && c < best)) { bw = w; best = c; }
      if (best >= 0)
        for (Place& p : places)
          if (p.entity < 0 && p.country < 0) {
            const Entity& ce = gaz->entity(gaz->country(uint8_t(best)).entity);
            p.country = best;
            p.lat = ce.lat();
            p.lon = ce.lon();
          }
      // "in the capital": that country's capital city (unless it is named right after: "the capital, Kabul").
      // (with no place resolved, the country the demonyms and cues point to: "Yemeni officials said")
      if (best < 0) best = ctx.top_country;
      if (best >= 0 && size_t(best) < capital_of.size() && capital_of[best] >= 0)
        for (size_t k = 1; k < T.size(); ++k) {
          if (!is_word(T, k) || T[k].cap || raw(text, T[k]) != "capital" || raw(text, T[k - 1]) != "the") continue;
          if (!capital_stands_alone(text, T, k)) continue;
          if (is_punct(T, k + 1, ',') && is_word(T, k + 2) && T[k + 2].cap) continue;  // "the capital, Kabul"
          if (is_punct(T, k + 1, '\'')) continue;  // "the capital's governor": an office, not the scene
          if (std::any_of(places.begin(), places.end(), [&](const Place& p) { return p.start == T[k].s; })) continue;
          places.push_back(capital_place(T, k, best, 0.5));
        }
    }

    anchor_unlisted_places(text, T, places);
    respell_unlisted_places(text, ctx, places);
    retell_named_places(text, T, places);
    share_unlisted_units(places);

    std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) { return a.start < b.start; });
    for (Place& p : places)
      for (auto& [s, e] : context_spans)
        if (p.start >= s && p.end <= e && !p.unlisted) p.evidence = "admin_context";
    for (const Place& p : places) {
      if (p.confidence < min_confidence) continue;
      bool in_boiler = false;
      for (auto& [s, e] : boiler) in_boiler |= (p.start >= s && p.end <= e);
      if (in_boiler || (in_hashtag(text, p.start) && p.feature != P::kCountry)) continue;
      if (street_name(text, p.end, p.unlisted)) continue;
      emit(doc, p);
    }
  }

  // "Saudi-led", "US-backed": a country name used as an actor's adjective (the token after the name
  // ending at `t1`).
  static bool actor_adjective(std::string_view text, const std::vector<Tok>& T, size_t t1) {
    static const WordSet kActorSuffixes = {"led", "backed", "based", "funded", "supported", "allied", "brokered",
                                           "trained", "armed", "sponsored", "born", "owned", "registered"};
    return is_punct(T, t1 + 1, '-') && !T[t1 + 1].space_before && is_word(T, t1 + 2) &&
           kActorSuffixes.count(raw(text, T[t1 + 2]));
  }

  // Whether the word at `start` is inside a hashtag ("#Save_Idlib"): letters, digits and underscores back to a '#'.
  static bool in_hashtag(std::string_view text, uint32_t start) {
    size_t k = start;
    while (k > 0 && (std::isalnum(static_cast<unsigned char>(text[k - 1])) || text[k - 1] == '_')) --k;
    return k > 0 && text[k - 1] == '#';
  }

  // "Raju Street", "Baghdad Street": the name ending at `end` names a street, not the town it is named after. (A
  // known town before "Road" is where the road leads, which places the scene: only an unlisted name there is
  // dropped. A square is most often named after the district around it: "Mataryia Square", "Casuarina Square".)
  static bool street_name(std::string_view text, uint32_t end, bool unlisted) {
    static constexpr std::string_view kStreets[] = {" Street", " St.", " Avenue", " Boulevard", " Lane"};
    static constexpr std::string_view kRoads[] = {" Road", " Roundabout", " Highway"};
    const auto followed_by = [&](std::string_view w) {
      return text.substr(end, w.size()) == w &&
             (end + w.size() == text.size() || !std::isalpha(static_cast<unsigned char>(text[end + w.size()])));
    };
    return std::any_of(std::begin(kStreets), std::end(kStreets), followed_by) ||
           (unlisted && std::any_of(std::begin(kRoads), std::end(kRoads), followed_by));
  }

  // "Liberia neighbourhood", "Sudan Street": the name ending at t1 is on a part of town.
  static bool part_of_town(std::string_view text, const std::vector<Tok>& T, size_t t1) {
    return is_word(T, t1 + 1) && kPartNouns.count(T[t1 + 1].cap ? std::string_view(T[t1 + 1].f) : raw(text, T[t1 + 1]));
  }

  // "near the Pakistani border", "pro-Russian separatists", "ethnic Turkmen": a demonym that names a
  // neighbour, a side or a people, not where the report is.
  static bool neighbour_or_people(std::string_view text, const std::vector<Tok>& T, size_t t0, size_t t1) {
    // (but "the Lebanese border town of Arsal" is in Lebanon)
    static const WordSet kEdges = {"border", "borders", "frontier", "boundary"};
    static const WordSet kBorderPlaces = {"town", "city", "village", "villages", "area", "region", "district",
                                          "province", "post", "crossing", "guards", "police"};
    if (is_word(T, t1 + 1) && kEdges.count(raw(text, T[t1 + 1])))
      return !(is_word(T, t1 + 2) && kBorderPlaces.count(raw(text, T[t1 + 2])));
    if (t0 >= 2 && is_punct(T, t0 - 1, '-') && is_word(T, t0 - 2) && raw(text, T[t0 - 2]) == "pro") return true;
    return t0 >= 1 && is_word(T, t0 - 1) && raw(text, T[t0 - 1]) == "ethnic";
  }

  // Nouns of forces, officials and firms: a name before one names who acted, not where.
  static inline const WordSet kActorNouns = {
      "forces", "force", "defence", "defense", "army", "troops", "soldiers", "soldier", "military", "police",
      "navy", "air", "marines", "warplanes", "jets", "aircraft", "drone", "drones", "peacekeepers",
      "peacekeeper", "contingent", "special", "coalition", "government", "authorities", "officials",
      "embassy", "national", "nationals", "citizen", "citizens", "company", "firm", "ambassador", "militia",
      "militias", "militiamen", "fighters", "mercenaries", "commandos", "commando", "brigade", "battalion",
      "regiment"};

  // "Kenya Defence Forces", "United States forces", "a South Africa company": a country name before a
  // noun of forces, officials or firms names who acted (or whose nationals were hit), not where. (It still
  // counts as the country's full vote: forces mostly act at home, "the Myanmar military".)
  // "US dollars", "Egyptian pounds": a currency, no place and no country evidence.
  static bool currency_after(std::string_view text, const std::vector<Tok>& T, size_t t1) {
    static const WordSet kCurrencies = {"dollar", "dollars", "pound", "pounds", "euro", "euros", "franc", "francs",
                                        "shilling", "shillings", "lira", "dinar", "dinars", "rial", "riyal",
                                        "riyals", "rupee", "rupees", "rand", "currency", "cents"};
    return is_word(T, t1 + 1) && !T[t1 + 1].cap && kCurrencies.count(raw(text, T[t1 + 1]));
  }

  static bool attributive_country(std::string_view text, const std::vector<Tok>& T, size_t t1) {
    return is_word(T, t1 + 1) && kActorNouns.count(T[t1 + 1].cap ? std::string_view(T[t1 + 1].f) : raw(text, T[t1 + 1]));
  }

  // "Lithuania's foreign minister", "the French embassy", "Kenya's honorary consul": a country's
  // diplomats speak for it abroad; the report is about where they serve, not about that country.
  static bool diplomatic_after(std::string_view text, const std::vector<Tok>& T, size_t t1) {
    static const WordSet kDiplomatic = {"foreign", "embassy", "embassies", "ambassador", "consul", "consulate",
                                        "envoy", "diplomat", "diplomats", "diplomatic", "honorary"};
    size_t k = t1 + 1;
    if (k + 1 < T.size() && T[k].kind == Tok::Punct && T[k].punct == '\'' && !T[k].space_before &&
        is_word(T, k + 1) && T[k + 1].raw == "s")
      k += 2;
    return is_word(T, k) && kDiplomatic.count(T[k].cap ? std::string_view(T[k].f) : raw(text, T[k]));
  }

  // "hit by Russia", "strikes by Turkey": a country after the passive "by" is the agent, an actor rather
  // than where it happened (the place is named elsewhere: "in Idlib ... by Russia").
  // Also the second of coordinated agents: "by the regime and Russia".
  static bool agent_after_by(std::string_view text, const std::vector<Tok>& T, size_t t0) {
    if (t0 > 0 && is_word(T, t0 - 1) && raw(text, T[t0 - 1]) == "the") --t0;  // "by the United States"
    if (t0 == 0) return false;
    if (is_word(T, t0 - 1) && raw(text, T[t0 - 1]) == "by") return true;
    if (!(is_word(T, t0 - 1) && raw(text, T[t0 - 1]) == "and")) return false;
    static const WordSet kBreaks = {"in", "on", "at", "of", "from", "to", "near", "into", "between", "with"};
    for (size_t k = t0 - 1; k-- > 0 && t0 - k <= 7;) {
      if (is_word(T, k)) {
        const std::string_view w = raw(text, T[k]);
        if (w == "by") return true;
        if (kBreaks.count(w)) return false;
      } else if (!is_punct(T, k, ',')) {
        return false;
      }
    }
    return false;
  }

  // Whether the parenthesis opened at token `open` holds one name followed by a district word:
  // "(Hodan District)", "(Bama LGA)", "(Yei county)".
  static bool district_in_paren(std::string_view text, const std::vector<Tok>& T, const std::vector<size_t>& seg,
                                size_t open) {
    if (seg.empty() || seg.front() != open + 1) return false;
    size_t k = seg.back() + 1;
    if (seg.size() > 1 && kAdmin2Nouns.count(T[seg.back()].f)) return is_punct(T, k, ')');
    return is_word(T, k) && !T[k].cap && kAdmin2Nouns.count(raw(text, T[k])) && is_punct(T, k + 1, ')');
  }

  // The district Y of "X (Y District)": its gazetteer place when the name is spelled as the gazetteer
  // spells it, else an admin2 the gazetteer lacks, placed by the document's country.
  Place district_place(std::string_view text, const std::vector<Tok>& T, const std::vector<size_t>& yw,
                       const AdminCtx& ac, const Context& ctx) const {
    Place pl;
    pl.start = T[yw.front()].s;
    pl.end = T[yw.back()].e;
    pl.evidence = "parenthesis";
    pl.precision = 2;
    Found f;
    if (match_run(T, yw, f) && f.t1 == yw.back()) {
      const Hit* h = nullptr;
      const int e = best_hit(f.hits, ctx, ac.admin1, ac.country, P::kPlace, false, &h);
      if (e >= 0 && gaz->entity(e).feature() != P::kCountry && spelled(uint32_t(e), T, f.t0, f.t1) &&
          (ac.country < 0 || gaz->entity(e).country == ac.country)) {
        fill_entity(pl, e);
        pl.precision = std::max(pl.precision, 2);
        pl.confidence = 0.85;
        return pl;
      }
    }
    pl.value = ascii(text.substr(pl.start, pl.end - pl.start));
    pl.feature = P::kAdmin2;
    pl.admin2 = pl.value;
    pl.admin1 = ac.admin1;
    pl.country = ac.country >= 0 ? ac.country : ctx.top_country;
    if (pl.country >= 0) {
      const Entity& ce = gaz->entity(ac.admin1 >= 0 ? gaz->admin1(uint16_t(ac.admin1)).entity
                                                    : gaz->country(uint8_t(pl.country)).entity);
      pl.lat = ce.lat();
      pl.lon = ce.lon();
    }
    pl.confidence = 0.8;
    return pl;
  }

  // A name the gazetteer lacks that is one vowel away from the loose key of a city of 100,000+ where names
  // are transliterated ("Nassriya" for Nasiriyah): that city, when only one country has such a city.
  // Vowels are what transliterations drop or add; consonants stay. Too loose for any capitalised word
  // ("Qardho" is not Khardah): only for a name the text calls a city.
  int vowel_variant(const std::vector<Tok>& T, const std::vector<size_t>& xw) const {
    const std::string key = name_key(join_folded(T, xw, 0, xw.size() - 1));
    if (key.size() < 5) return -1;  // short keys have too many one-vowel neighbours ("Tyr": Tver, Tehran)
    std::vector<std::string> variants;
    static constexpr char kVowels[] = {'a', 'i', 'u'};
    for (size_t k = 0; k <= key.size(); ++k) {
      for (char v : kVowels) variants.push_back(key.substr(0, k) + v + key.substr(k));
      if (k < key.size() && std::strchr("aiu", key[k])) variants.push_back(key.substr(0, k) + key.substr(k + 1));
    }
    int best = -1;
    std::vector<Hit> hits;
    for (const std::string& v : variants) {
      hits.clear();
      gaz->lookup(v, hits);
      for (const Hit& h : hits) {
        const Entity& e = gaz->entity(h.entity);
        if (h.demonym || e.feature() != P::kPlace || size_of(e) < 100000 || !transliterated[e.country]) continue;
        if (best >= 0 && gaz->entity(best).country != e.country) return -1;  // cities in two countries
        if (best < 0 || size_of(e) > size_of(gaz->entity(best))) best = int(h.entity);
      }
    }
    return best;
  }

  // A place the gazetteer does not know, named by the text between start and end.
  // "Busra al-Harir, a town in the eastern countryside of Daraa governorate ... jets struck Busra al-Harir": an
  // unlisted name told again without its province keeps the units and point of where the report placed it.
  static void share_unlisted_units(std::vector<Place>& places) {
    std::unordered_map<std::string, const Place*> placed;
    for (const Place& p : places)
      if (p.unlisted && p.admin1 >= 0 && !p.demonym) placed.try_emplace(ik::text::fold(p.value), &p);
    if (placed.empty()) return;
    for (Place& p : places) {
      if (!p.unlisted || p.admin1 >= 0 || p.demonym) continue;
      const auto it = placed.find(ik::text::fold(p.value));
      if (it == placed.end() || (p.country >= 0 && p.country != it->second->country)) continue;
      const Place& q = *it->second;
      p.admin1 = q.admin1, p.admin1_text = q.admin1_text, p.country = q.country, p.admin2 = q.admin2;
      p.lat = q.lat, p.lon = q.lon, p.precision = q.precision, p.guessed_country = q.guessed_country;
    }
  }

  // "Al-Bukamal" for Abu Kamal, "Kafranbel" for Kafr Nabl: an unlisted name in a country whose names are
  // transliterated is a respelling of the one place there with its consonants (in its province when one
  // is known, else in one the document names or where its other places are). Several such places and no
  // province to choose by: it stays unlisted.
  void respell_unlisted_places(std::string_view text, const Context& ctx, std::vector<Place>& places) const {
    std::vector<uint32_t> cands;
    std::vector<int> named_admin1;  // provinces of the listed places named
    for (const Place& q : places)
      if (q.entity >= 0 && !q.demonym && q.admin1 >= 0) named_admin1.push_back(q.admin1);
    for (Place& p : places) {
      if (!p.unlisted || p.country < 0 || !transliterated[p.country] || p.evidence == "residents") continue;
      cands.clear();
      gaz->lookup_skeleton(P::skeleton_key(ik::text::fold(text.substr(p.start, p.end - p.start))), cands);
      int pick = -1, n = 0;
      for (uint32_t c : cands) {
        const Entity& en = gaz->entity(c);
        if (int(en.country) != p.country || (en.feature() != P::kPlace && en.feature() != P::kAdmin3)) continue;
        if (p.admin1 >= 0 ? en.admin1 != p.admin1
                          : (!ctx.admin1_votes.empty() && !ctx.admin1_votes.count(en.admin1)) ||
                                (!named_admin1.empty() &&
                                 std::find(named_admin1.begin(), named_admin1.end(), int(en.admin1)) == named_admin1.end()))
          continue;
        if (pick >= 0 && uint32_t(pick) == c) continue;
        ++n;
        if (pick < 0 || size_of(en) > size_of(gaz->entity(uint32_t(pick)))) pick = int(c);
      }
      if (pick < 0 || n > 1) continue;
      const std::string admin1_text = p.admin1_text;
      fill_entity(p, pick);
      p.unlisted = p.guessed_country = false;
      p.admin1_text = admin1_text;
      p.evidence += "+skeleton";
    }
  }

  // A part of a town introduced with its noun ("the Al-Sukkari neighbourhood" of Aleppo) is that part
  // wherever its name recurs on its own: a section heading ("Incident 3: Ibn Rushd Trauma Centre,
  // Al-Sukkari, 28 September 2016"), a subject ("Al-Sukkari was hit again").
  void retell_named_places(std::string_view text, const std::vector<Tok>& T, std::vector<Place>& places) const {
    std::vector<size_t> named;  // places introduced by a noun, by their index
    for (size_t i = 0; i < places.size(); ++i) {
      const Place& p = places[i];
      // Only a part of a listed town ("Aleppo - Sukkari"): a listed place's bare name is read, or turned
      // away, by the gazetteer match itself, and an unplaced name of a village, a region or a market
      // ("the Hawran plain", "Al-Manara market") would outrank the town it lies in.
      if (p.demonym || !p.unlisted || (p.evidence != "place_noun" && p.evidence != "part_of_town") ||
          p.value.find(" - ") == std::string::npos)
        continue;
      if (p.end - p.start < 4 || !(text[p.start] >= 'A' && text[p.start] <= 'Z')) continue;
      named.push_back(i);
    }
    if (named.empty()) return;
    auto covered = [&](uint32_t s, uint32_t e) {
      for (const Place& q : places)
        if (q.start < e && s < q.end) return true;
      return false;
    };
    for (size_t k = 0; k < T.size(); ++k) {
      if (!is_word(T, k) || !T[k].cap) continue;
      for (size_t i : named) {
        const std::string_view name = text.substr(places[i].start, places[i].end - places[i].start);
        const uint32_t s = T[k].s, e = s + uint32_t(name.size());
        if (e > text.size() || text.substr(s, name.size()) != name) continue;
        if (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || static_cast<unsigned char>(text[e]) >= 0x80))
          continue;
        if (covered(s, e)) continue;
        Place again = places[i];
        again.start = s, again.end = e;
        again.confidence = std::min(again.confidence, 0.6);
        again.evidence = "named_before";
        places.push_back(std::move(again));
        break;
      }
    }
  }

  // "Bouli 3 km from Sortony", "Um Beleina near Golo", "Buufow Bacaad (5km NW of Marka town)",
  // "Ambareeso area, Baraawe district": an unlisted place said to lie by a listed town stands at that
  // town (ACLED's practice: the nearest known place), in its country and province.
  void anchor_unlisted_places(std::string_view text, const std::vector<Tok>& T, std::vector<Place>& places) const {
    static const WordSet kRelation = {"near", "from", "of", "outside", "outskirts", "close", "nearby", "neighbouring",
                                      "neighboring", "bordering"};
    static const WordSet kFiller = {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile",
                                    "north", "south", "east", "west", "northeast", "northwest", "southeast",
                                    "southwest", "northern", "southern", "eastern", "western", "n", "s", "e", "w",
                                    "ne", "nw", "se", "sw", "nne", "ene", "ese", "sse", "ssw", "wsw", "wnw", "nnw",
                                    "the", "on", "to", "about", "around", "approximately", "some", "roughly", "located",
                                    "situated", "lies", "just", "few", "a", "area", "village", "town", "locality",
                                    "outpost", "settlement", "in", "by", "and", "city", "centre", "center", "region",
                                    "district", "neighbourhood", "neighborhood", "quarter", "central", "downtown"};
    static const WordSet kUnitWords = {"the", "village", "town", "city", "area", "locality", "settlement", "district",
                                       "neighbourhood", "neighborhood", "quarter", "central", "downtown", "community",
                                       "region", "valley", "mountains"};
    auto token_at = [&](uint32_t offset) { return first_token_at(T, offset); };
    for (Place& p : places) {
      // a listed town abroad said to lie by a town of another country is that country's namesake or an
      // unlisted place there ("Lima, west of Kadugli" is in Sudan, not Peru)
      const bool listed_town = p.entity >= 0 && p.feature == P::kPlace && p.evidence != "affiliation";
      if ((p.entity >= 0 && !listed_town) || p.demonym) continue;
      size_t k = token_at(p.end);
      bool related = false, contained = false, plain_gap = true;
      for (size_t steps = 0; k < T.size() && steps < 10 && !T[k].sent_start; ++k, ++steps) {
        const Tok& t = T[k];
        if (t.kind == Tok::Num) { plain_gap = false; continue; }
        if (t.kind == Tok::Punct) {
          // (a listed town's other name in parentheses: "Gare region (Chiya-e Gara) of Duhok")
          if (t.punct == '(' && listed_town && steps > 0) {
            size_t close = k + 1;
            bool plain_name = true;  // no distance or direction inside ("(32km SW of Y)" is read word by word)
            while (close < T.size() && close < k + 8 && !is_punct(T, close, ')') && !T[close].sent_start) {
              plain_name &= T[close].kind != Tok::Num && !(is_word(T, close) && kRelation.count(raw(text, T[close])));
              ++close;
            }
            if (is_punct(T, close, ')') && plain_name) {
              k = close;
              continue;
            }
          }
          if (t.punct == ',' || t.punct == '(' || t.punct == '-' || t.punct == '.') continue;
          break;
        }
        const std::string_view w = t.cap ? std::string_view(t.f) : raw(text, t);
        // "X (village) in Y", "X district of Y": contained, not placed by a direction ("X, north of Y")
        // ("Casuarina Square", "Al-Karama square in Sweida city")
        const bool facility_word = (t.cap && (kFacilities.count(t.f) || t.f == "park")) ||
                                   (!t.cap && (w == "square" || w == "street" || w == "roundabout"));
        if ((w == "in" || w == "of") && plain_gap) contained = true;
        else if (!kUnitWords.count(w) && !facility_word) plain_gap = false;
        if (kRelation.count(w)) { related = true; continue; }
        if (kFiller.count(w)) continue;
        // (a facility named after a listed place lies where the text then says: "Casuarina Square in Darwin")
        if (listed_town && facility_word) continue;
        if (!t.cap) break;
        // a capitalised word: is it where a listed town of the document begins?
        // (a province too, for a listed village said to be in it: "Sawran in the northern Aleppo countryside")
        const Place* town = nullptr;
        for (const Place& q : places)
          if (q.start == t.s && q.entity >= 0 && !q.demonym && q.feature != P::kCountry &&
              (q.feature != P::kAdmin1 || (listed_town && contained)))
            town = &q;
        if (!town) break;
        // without a word of nearness, only a local unit named after the town: "Ambareeso area, Baraawe district"
        const size_t after = token_at(town->end);
        const bool unit = is_word(T, after) && kAdmin2Nouns.count(raw(text, T[after]));
        if (listed_town) {
          // ("Karrada district in Baghdad": a village of another province of the same country is a namesake
          // too; not a city, "Kano in Nigeria's north")
          const bool inside = contained && town->country == p.country && p.admin1 >= 0 &&
                              town->admin1 >= 0 && town->admin1 != p.admin1 && p.entity >= 0 &&
                              size_of(gaz->entity(uint32_t(p.entity))) < 100000;
          if ((related && town->country >= 0 && town->country != p.country) || inside) relocate_near(text, p, *town);
          break;
        }
        if (related || unit) place_by_town(p, *town);
        break;
      }
    }
  }

  // Place p, a listed town of another country or province than `town`, by `town`: its namesake there if
  // the gazetteer has one, else an unlisted place at town's point.
  void relocate_near(std::string_view text, Place& p, const Place& town) const {
    const bool same_country = p.country == town.country;  // then the namesake is in town's province
    std::vector<Hit> hits;
    lookup_name(ik::text::fold(text.substr(p.start, p.end - p.start)), hits);
    int best = -1;
    for (const Hit& h : hits) {
      const Entity& en = gaz->entity(h.entity);
      if (h.demonym || en.country != town.country || en.feature() != P::kPlace) continue;
      if (same_country && int(en.admin1) != town.admin1) continue;
      if (best < 0 || size_of(gaz->entity(uint32_t(best))) < size_of(en)) best = int(h.entity);
    }
    if (best >= 0) {
      fill_entity(p, best);
      return;
    }
    Place unlisted = unlisted_place(text, p.start, p.end, "");
    unlisted.evidence = std::move(p.evidence);
    unlisted.confidence = p.confidence;
    p = std::move(unlisted);
    place_by_town(p, town);
  }

  // An unlisted place said to lie by `town` takes its units and point.
  static void place_by_town(Place& p, const Place& town) {
    p.country = town.country;
    p.admin1 = town.admin1;
    p.admin2 = town.admin2;
    p.lat = town.lat;
    p.lon = town.lon;
    p.precision = 2;
    p.guessed_country = false;
    p.confidence = std::max(p.confidence, 0.7);
  }

  static Place unlisted_place(std::string_view text, uint32_t start, uint32_t end, const char* evidence) {
    Place pl;
    pl.start = start;
    pl.end = end;
    pl.value = ascii(text.substr(start, end - start));
    pl.unlisted = true;
    pl.evidence = evidence;
    pl.precision = 2;
    return pl;
  }

  static std::string ascii(std::string_view s) {
    // Keep ASCII; drop diacritics via fold but preserve case where the byte is ASCII already.
    std::string out;
    bool plain = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (plain) return std::string(s);
    size_t i = 0;
    while (i < s.size()) {
      int len;
      uint32_t cp = decode(s, i, len);
      if (cp < 0x80) out += char(cp);
      else if (is_apostrophe(cp)) out += '\'';
      else if (cp == 0x2013 || cp == 0x2014) out += '-';
      else {
        std::string f = ik::text::fold(s.substr(i, len));
        if (!f.empty() && is_upper(cp) && f[0] >= 'a' && f[0] <= 'z') f[0] = char(f[0] - 32);
        out += f;
      }
      i += len;
    }
    return out;
  }

  void fill_entity(Place& pl, int e) const {
    const Entity& en = gaz->entity(e);
    pl.entity = e;
    pl.value = std::string(gaz->name(e));
    pl.feature = en.feature();
    pl.country = en.country;
    pl.admin1 = en.admin1 == P::kNoAdmin1 ? -1 : en.admin1;
    pl.admin2 = gaz->str(en.admin2);
    pl.lat = en.lat();
    pl.lon = en.lon();
    // A country stands at its capital, ACLED's point for events known only at the national level.
    if (en.feature() == P::kCountry && en.country < capital_of.size() && capital_of[en.country] >= 0) {
      pl.lat = gaz->entity(uint32_t(capital_of[en.country])).lat();
      pl.lon = gaz->entity(uint32_t(capital_of[en.country])).lon();
    }
    pl.precision = en.feature() == P::kCountry || en.feature() == P::kAdmin1 || en.unplaced() ? 3
                   : (en.feature() == P::kAdmin2 || en.feature() == P::kAdmin3) ? 2 : 1;
  }

  // An unlisted place `pl` that lies in (or is a part of) the listed place `host`: host's admin units
  // and point.
  static void lies_in(Place& pl, const Place& host) {
    pl.country = host.country, pl.admin1 = host.admin1, pl.admin1_text = host.admin1_text;
    pl.admin2 = host.admin2, pl.lat = host.lat, pl.lon = host.lon;
    pl.guessed_country = false;
  }

  // The first token starting at or after `offset`.
  static size_t first_token_at(const std::vector<Tok>& T, uint32_t offset) {
    return size_t(std::lower_bound(T.begin(), T.end(), offset, [](const Tok& t, uint32_t o) { return t.s < o; }) -
                  T.begin());
  }

  // "Kansafra, a village in Jabal al-Zawiya", "Ariha, a small town of 60,000": after the name ending at
  // token e, a comma (or "is", "was"), "a" or "an", perhaps a size, and a settlement noun that ends the
  // phrase ("Smith, a town official" is a person). The noun's token, or SIZE_MAX.
  // A noun that names a part of a town: "neighbourhood", "quarter", "suburb".
  static bool town_part_noun(std::string_view w) {
    return w == "neighbourhood" || w == "neighborhood" || w == "quarter" || w == "suburb";
  }
  static bool settlement_noun(std::string_view w) {
    static const WordSet kSettlements = {"village", "town", "city", "hamlet", "suburb", "neighbourhood",
                                         "neighborhood", "settlement", "locality"};
    return kSettlements.count(w);
  }
  // (up to two words describe the settlement: "a small town", "a hill town", "a densely populated suburb")
  static size_t apposed_settlement(std::string_view text, const std::vector<Tok>& T, size_t e) {
    static const WordSet kAfter = {"in", "of", "near", "on", "outside", "north", "south", "east", "west",
                                   "northeast", "northwest", "southeast", "southwest", "about", "some", "located",
                                   "close", "just", "roughly", "approximately", "where", "that", "which"};
    // (or said with a verb: "Tarmala is a farming village of around 4,000 people")
    const bool copula = is_word(T, e + 1) && (raw(text, T[e + 1]) == "is" || raw(text, T[e + 1]) == "was");
    if (!(is_punct(T, e + 1, ',') || copula) || !is_word(T, e + 2) || (raw(text, T[e + 2]) != "a" && raw(text, T[e + 2]) != "an"))
      return SIZE_MAX;
    size_t i = e + 3;
    for (int k = 0; k < 2 && is_word(T, i) && !T[i].cap && !settlement_noun(raw(text, T[i])) &&
                    !kFunctionWords.count(raw(text, T[i]));
         ++k)
      ++i;
    if (!is_word(T, i) || T[i].cap || !settlement_noun(raw(text, T[i]))) return SIZE_MAX;
    const bool closes = i + 1 >= T.size() || (T[i + 1].kind == Tok::Punct && (T[i + 1].punct == ',' || T[i + 1].punct == '.')) ||
                        (is_word(T, i + 1) && kAfter.count(raw(text, T[i + 1])));
    return closes ? i : SIZE_MAX;
  }

  // "Um Mahmoud, a 46-year-old mother of five", "Um Mahmoud's husband": the name ending at t1 is a
  // person's, told by an apposition that describes a person or by a relative of theirs.
  static bool names_person(std::string_view text, const std::vector<Tok>& T, size_t t1) {
    static const WordSet kPeople = {"mother", "father", "son", "daughter", "wife", "husband", "brother", "sister",
                                    "widow", "grandmother", "grandfather", "teacher", "doctor", "nurse", "farmer",
                                    "man", "woman", "boy", "girl", "survivor", "witness", "pharmacist", "nephew",
                                    "niece", "cousin", "uncle", "aunt", "children", "sons", "daughters"};
    if (is_punct(T, t1 + 1, ',') && is_word(T, t1 + 2) &&
        (raw(text, T[t1 + 2]) == "a" || raw(text, T[t1 + 2]) == "an"))
      for (size_t k = t1 + 3; k < t1 + 9 && k < T.size() && !is_punct(T, k, ','); ++k)
        if (is_word(T, k) && (kPeople.count(raw(text, T[k])) ||  // ("a 46-year-old", not "a village of old houses")
                              (raw(text, T[k]) == "old" && k >= 2 && is_word(T, k - 2) &&
                               (raw(text, T[k - 2]) == "year" || raw(text, T[k - 2]) == "years"))))
          return true;
    // (a possessive before a relative)
    return is_punct(T, t1 + 1, '\'') && is_word(T, t1 + 2) && raw(text, T[t1 + 2]) == "s" && is_word(T, t1 + 3) &&
           kPeople.count(raw(text, T[t1 + 3])) && raw(text, T[t1 + 3]) != "man" && raw(text, T[t1 + 3]) != "woman";
  }

  // A hyphen, an en dash or an em dash ends `s`.
  static bool ends_in_dash(std::string_view s) {
    return s.ends_with("-") || s.ends_with("\xE2\x80\x93") || s.ends_with("\xE2\x80\x94");
  }

  // "BEIRUT, March 9 (Wire) -", "For immediate release — Gaziantep, 2 October 2016": where a report was
  // filed, on one of its first lines. It names a desk, often abroad, more than where things happened.
  static bool filed_from(std::string_view text, const std::vector<Tok>& T, size_t t0, size_t t1) {
    if (T[t0].s > 400 || !is_punct(T, t1 + 1, ',')) return false;
    size_t b = T[t0].s;
    while (b > 0 && text[b - 1] != '\n') --b;
    std::string_view head = text.substr(b, T[t0].s - b);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    if (!head.empty() && !ends_in_dash(head)) return false;
    if (ik::text::dateline_dash_after(text, T[t1].e)) return true;
    // (a date after the comma ends the line)
    const size_t k = t1 + 2;
    if (k >= T.size() || !(T[k].kind == Tok::Num || (is_word(T, k) && kCalendar.count(T[k].f)))) return false;
    const size_t eol = text.find('\n', T[k].s);
    return (eol == std::string_view::npos ? text.size() : eol) - T[k].s <= 30;
  }

  // Whether the text at `at` opens its line, alone or after a section's number: "III. Ariha, 30 January",
  // "2) Saraqib:", "IV - Sarmin", "2.3 Kafr Zita, northern Hama countryside".
  static bool opens_line(std::string_view text, size_t at) {
    size_t b = at;
    while (b > 0 && text[b - 1] != '\n') --b;
    std::string_view head = text.substr(b, at - b);
    while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
    if (head.empty()) return true;
    if (head.back() == '.' || head.back() == ')' || head.back() == '-' || head.back() == ':') head.remove_suffix(1);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    if (head.empty() || head.size() > 6) return false;
    // (numbered sections and their parts: "2.", "2.3", "B.2")
    if (head.size() > 2 && head[0] >= 'A' && head[0] <= 'Z' && head[1] == '.') head.remove_prefix(2);
    const bool digits = head[0] >= '0' && head[0] <= '9' &&
                        std::all_of(head.begin(), head.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    const bool roman = std::all_of(head.begin(), head.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
    return digits || roman;
  }

  // "- Atarib (western countryside): Air strike on the town's market ...": a name labelling a bulleted
  // entry of a log, before a colon (and a parenthesis that places it), or a dated one.
  static bool labels_entry(std::string_view text, const std::vector<Tok>& T, size_t t0, size_t t1) {
    size_t b = T[t0].s;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    const std::string_view bullets[] = {"-", "*", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94"};
    bool bulleted = false;
    for (std::string_view m : bullets)
      bulleted |= b >= m.size() && text.substr(b - m.size(), m.size()) == m &&
                  (b == m.size() || text[b - m.size() - 1] == '\n');
    // ("10 October - Qamishli. Turkish artillery struck ...": a log entry's date, a dash, its place)
    bool dated = false;
    if (!bulleted) {
      size_t l = b;
      while (l > 0 && text[l - 1] != '\n') --l;
      std::string_view head = text.substr(l, b - l);
      if (!ends_in_dash(head) || head.size() > 30) return false;
      for (size_t q = t0; q-- > 0 && T[q].s >= l && !dated;)
        dated = T[q].kind == Tok::Num || (is_word(T, q) && kCalendar.count(T[q].f));
      if (!dated) return false;
    }
    size_t k = t1 + 1;
    // (a region's word may follow the name: "• Homs desert:", "- Idlib countryside:")
    if (bulleted && is_word(T, k) && (!T[k].cap || kPlaceNouns.count(T[k].f)) && is_punct(T, k + 1, ':')) ++k;
    if (is_punct(T, k, '(')) {
      while (k < T.size() && k < t1 + 10 && !is_punct(T, k, ')')) ++k;
      ++k;
    }
    return is_punct(T, k, ':') || (dated && (is_punct(T, k, '.') || is_punct(T, k, ',')));
  }

  // Whether the line that starts at `line_start` is a short heading over more text: at most 80 bytes, not
  // ended by a full stop, with a line below it (`from`: where to look for its end, after the name).
  static bool heading_line(std::string_view text, uint32_t line_start, uint32_t from) {
    size_t e = text.find('\n', from);
    if (e == std::string_view::npos) return false;
    while (e > from && (text[e - 1] == ' ' || text[e - 1] == '\r')) --e;
    return e - line_start <= 80 && text[e - 1] != '.';
  }

  // The town a place mention stands for: itself when it is a populated place; for a province named like
  // its seat ("the al-Badu neighbourhood, in the centre of Raqqa") the seat, from the mention's matches.
  bool as_town(const Place& q, const std::vector<Found>& found, const std::vector<Tok>& T, Place& town) const {
    if (q.entity < 0 || q.demonym || q.unlisted) return false;
    if (q.feature == P::kPlace) { town = q; return true; }
    if (q.feature != P::kAdmin1) return false;
    int best = -1;
    for (const Found& f : found) {
      if (T[f.t0].s != q.start) continue;
      for (const Hit& h : f.hits) {
        const Entity& e = gaz->entity(h.entity);
        if (h.demonym || e.feature() != P::kPlace || e.admin1 != q.admin1 || !e.seat()) continue;
        if (best < 0 || size_of(e) > size_of(gaz->entity(uint32_t(best)))) best = int(h.entity);
      }
    }
    if (best < 0) return false;
    town = q;
    fill_entity(town, best);
    return true;
  }

  // An unlisted neighbourhood or quarter `pl` of the town `host`, named as ACLED names one, the town as
  // the report spells it: "Afrin - Ashrafiyeh" (a containing admin unit only gives its context).
  static void part_of(std::string_view text, Place& pl, const Place& host) {
    lies_in(pl, host);
    if (host.feature == P::kPlace && !host.unlisted)
      pl.value = ascii(text.substr(host.start, host.end - host.start)) + " - " + pl.value;
  }

  // Two names of one unit: the same consonant skeleton ("Idlib", "Idleb") or a shared word of four
  // letters or more ("Damascus Countryside", "Rural Damascus"; "Nord-Kivu", "North Kivu").
  static bool names_alike(std::string_view a, std::string_view b) {
    const std::string fa = ik::text::fold(a), fb = ik::text::fold(b);
    if (P::skeleton_key(fa) == P::skeleton_key(fb)) return true;
    const std::string padded = " " + fb + " ";
    for (size_t i = 0; i < fa.size();) {
      const size_t e = std::min(fa.find(' ', i), fa.size());
      if (e - i >= 4 && padded.find(" " + fa.substr(i, e - i) + " ") != std::string::npos) return true;
      i = e + 1;
    }
    return false;
  }

  // "Turkana warriors", "Murle raiders": a people named like a place, not the place.
  static inline const WordSet kPeopleNouns = {"warriors", "raiders", "tribesmen", "militia", "militias", "militiamen",
                                              "pastoralists", "herdsmen", "clansmen", "tribe", "tribes", "gunmen"};

  // "clashes between Tabu and Zuwaya groups": the name ending at token k and the next are two peoples
  // coordinated before their noun.
  static bool peoples_coordinated(std::string_view text, const std::vector<Tok>& T, size_t k) {
    if (!is_word(T, k + 1) || raw(text, T[k + 1]) != "and") return false;
    size_t n = k + 2;  // the second people's name, up to three words: "and Awlad Suleiman groups"
    while (n < k + 5 && is_word(T, n) && T[n].cap) ++n;
    if (n == k + 2 || !is_word(T, n)) return false;
    const std::string_view noun = raw(text, T[n]);
    return kPeopleNouns.count(noun) || noun == "groups";  // ("communities" are often villages: "Gwani community")
  }

  // A plain gazetteer match: choose the entity, then decide whether the evidence is enough.
  // `last_resort`: the document names no other place, so a sentence-initial name ("Tozeur is
  // witnessing ...") is taken without a preposition when it is spelled exactly and lies where the
  // document or the usual geography of violence puts it.
  void place_found(std::string_view text, const std::vector<Tok>& T, const Found& f, const Context& ctx,
                   LowerWords& lower_words, std::vector<Place>& places, bool last_resort = false) const {
    const bool single = f.t0 == f.t1;
    const std::string& f0 = T[f.t0].f;
    // Evidence around the span.
    size_t prev = f.t0;
    while (prev > 0 && T[prev - 1].kind == Tok::Punct && (T[prev - 1].punct == '-' || T[prev - 1].punct == '"')) --prev;
    const Tok* pw = (prev > 0 && T[prev - 1].kind == Tok::Word) ? &T[prev - 1] : nullptr;
    const std::string_view prev_word = !pw ? std::string_view() : pw->cap ? std::string_view(pw->f) : raw(text, *pw);
    // "in downtown Cairo", "in eastern Cairo's Nasr City": a part-of-town word between keeps the preposition
    static const WordSet kPartWords = {"downtown", "central", "eastern", "western", "northern", "southern",
                                       "northeastern", "northwestern", "southeastern", "southwestern", "greater"};
    const bool part_prep = pw && !pw->cap && kPartWords.count(prev_word) && prev >= 2 && is_word(T, prev - 2) &&
                           (T[prev - 2].cap ? T[prev - 2].sent_start && kLocPreps.count(T[prev - 2].f)
                                            : kLocPreps.count(raw(text, T[prev - 2])) > 0);
    const bool prep = pw && (((!pw->cap || pw->sent_start) && kLocPreps.count(prev_word)) || part_prep);  // "In Hidra, ..."
    // "Al-Lataminah, 30 March 2017", "Hass: an empty hospital destroyed": a name opening a short heading
    // line, before a comma or a colon, says where the section below happened.
    const bool entry_label = labels_entry(text, T, f.t0, f.t1);
    const bool heading_name = (opens_line(text, T[f.t0].s) &&
                               (is_punct(T, f.t1 + 1, ',') || is_punct(T, f.t1 + 1, ':')) &&
                               heading_line(text, T[f.t0].s, T[f.t1].e)) ||
                              entry_label;
    // "SARAQIB, Syria — The stalls were open again": a dateline, where the report was filed
    // ("Darkush (western countryside of Idlib) - Two shells landed ...", "Hass (southern Idlib): ...": a
    // log entry's dateline, its province in brackets)
    const bool bracketed_dateline = opens_line(text, T[f.t0].s) && is_punct(T, f.t1 + 1, '(') && [&] {
      const size_t close = text.find(')', T[f.t1].e);
      if (close == std::string_view::npos || close > text.find('\n', T[f.t1].e) || close - T[f.t1].e > 120)
        return false;
      const std::string_view rest = text.substr(close + 1, 5);
      return rest.starts_with(" - ") || rest.starts_with(" \xE2\x80\x93 ") || rest.starts_with(" \xE2\x80\x94 ") ||
             rest.starts_with(":");
    }();
    const bool dateline_name = (opens_line(text, T[f.t0].s) && is_punct(T, f.t1 + 1, ',') &&
                                ik::text::dateline_dash_after(text, T[f.t1].e)) ||
                               bracketed_dateline;
    const Tok* nw = is_word(T, f.t1 + 1) ? &T[f.t1 + 1] : nullptr;
    const std::string_view next_word = !nw ? std::string_view() : nw->cap ? std::string_view(nw->f) : raw(text, *nw);
    // "the Jos University Teaching Hospital", "Bosasso Main Market": a facility named after its place.
    static const WordSet kNamedFacilities = {"university", "hospital", "market", "airport", "prison", "stadium",
                                             "college", "mosque", "church", "school", "station", "campus", "airbase",
                                             "beach"};
    // (an article joined to the name opens it: "al-Atarib Surgical Hospital")
    const bool joined_article = arabic_article(T, f.t0) && f.t0 + 2 <= f.t1;
    const bool facility_next = nw && nw->cap && (!kStop.count(T[f.t0].f) || joined_article) &&
                               (kNamedFacilities.count(next_word) ||
                                // "Kafr Nabl Surgical Hospital", "Bosasso Main Market": one qualifier between
                                (is_word(T, f.t1 + 2) && T[f.t1 + 2].cap && kNamedFacilities.count(T[f.t1 + 2].f)));
    // "Arbin's main hospital operated underground": a town's facility, named with the town's possessive
    const bool owns_facility = [&] {
      if (!is_punct(T, f.t1 + 1, '\'') || !is_word(T, f.t1 + 2) || raw(text, T[f.t1 + 2]) != "s") return false;
      for (size_t k = f.t1 + 3; k <= f.t1 + 5 && is_word(T, k) && !T[k].cap; ++k) {
        const std::string_view w = raw(text, T[k]);
        if (kNamedFacilities.count(w) || w == "bakery" || w == "hospitals" || w == "markets") return true;
      }
      return false;
    }();
    // "Grad missiles", "Tochka rockets": a weapon's name
    if (nw && !nw->cap) {
      const std::string n = ik::text::lower(next_word);
      if (n == "missile" || n == "missiles" || n == "rocket" || n == "rockets" || n == "launcher" || n == "launchers")
        return;
    }
    // "the Al-Shami hospital in Ariha", "El Mansoura beach in the town of Kelibia": the facility's own name;
    // its place follows
    if (nw && kNamedFacilities.count(nw->cap ? next_word : std::string_view(ik::text::lower(next_word))) &&
        is_word(T, f.t1 + 2) && (raw(text, T[f.t1 + 2]) == "in" || raw(text, T[f.t1 + 2]) == "at")) {
      size_t k = f.t1 + 3;
      const auto settlement = [&](size_t q) {
        return is_word(T, q) && (raw(text, T[q]) == "town" || raw(text, T[q]) == "city" || raw(text, T[q]) == "village");
      };
      if (is_word(T, k) && raw(text, T[k]) == "the" && settlement(k + 1) && is_word(T, k + 2) && raw(text, T[k + 2]) == "of")
        k += 3;
      if (is_word(T, k) && T[k].cap) return;
    }
    // "on the Arua-Nimule highway", "along the Kuajok-Wau road": two places joined by the road between them
    static const WordSet kRoadNouns = {"road", "highway", "expressway", "route", "axis", "corridor", "motorway",
                                       "railway", "roads", "highways"};
    auto road_at = [&](size_t k) {
      return is_word(T, k) && kRoadNouns.count(T[k].cap ? std::string_view(T[k].f) : raw(text, T[k]));
    };
    auto tight_dash = [&](size_t k) {
      return is_punct(T, k, '-') && !T[k].space_before && k + 1 < T.size() && !T[k + 1].space_before;
    };
    const bool road_first = tight_dash(f.t1 + 1) && is_word(T, f.t1 + 2) && T[f.t1 + 2].cap && road_at(f.t1 + 3);
    const bool road_second = f.t0 >= 2 && tight_dash(f.t0 - 1) && is_word(T, f.t0 - 2) && T[f.t0 - 2].cap &&
                             road_at(f.t1 + 1);
    // "Ariha, a town of some 60,000 people": an apposition saying what the name is
    const bool next_noun = (nw && (kPlaceNouns.count(next_word) || facility_next)) || road_first || road_second ||
                           apposed_settlement(text, T, f.t1) != SIZE_MAX;
    const bool admin1_noun = nw && kAdmin1Nouns.count(next_word);
    const bool admin2_noun = nw && kAdmin2Nouns.count(next_word);
    // A capitalised word before the name makes it part of a longer name, unless that word is a generic
    // modifier ("Northern Idlib", "Rural Damascus"); words of organisation names count ("Forum for
    // Democratic Change").
    // (an acronym before the name qualifies it: "near the UN Malakal base", "a SPLA Juba barracks")
    const bool acronym_before = pw && pw->e - pw->s <= 5 && all_caps(raw(text, *pw));
    // (a spaced dash parts them: "10 October - Qamishli.")
    const bool dash_before = f.t0 > 0 && is_punct(T, f.t0 - 1, '-') && T[f.t0 - 1].space_before && T[f.t0].space_before;
    // (so does a spaced article after one, the name's own: "Hay'at Tahrir al Sham" is not al-Sham, Damascus)
    const bool spaced_article_run = pw && !pw->cap && (prev_word == "al" || prev_word == "el") && prev >= 2 &&
                                    prev == f.t0 && is_word(T, prev - 2) && T[prev - 2].cap &&
                                    !kFunctionWords.count(T[prev - 2].f) && !kLocPreps.count(T[prev - 2].f) &&
                                    !kPlaceSuffixWords.count(T[prev - 2].f) && !kModifiers.count(T[prev - 2].f);
    const bool prev_cap_run = spaced_article_run ||
                              (!road_second && !acronym_before && !dash_before && pw && pw->cap && !pw->sent_start &&
                               !T[f.t0].sent_start &&
                               !kPlaceSuffixWords.count(prev_word) && !kModifiers.count(prev_word) &&
                               !kFunctionWords.count(prev_word) && !kLocPreps.count(prev_word));
    // A tight hyphen continues the name: "Ceel-Cali" is not Ceel, "Hawl-Wadaag" not Hawl.
    static const WordSet kHyphenSuffixes = {"based", "led", "backed", "born", "bound", "area", "region", "border",
                                            "road", "highway", "axis", "town", "city", "district", "held", "controlled"};
    const bool hyphen_next = !road_first && is_punct(T, f.t1 + 1, '-') && !T[f.t1 + 1].space_before && is_word(T, f.t1 + 2) &&
                             !T[f.t1 + 2].space_before &&
                             (T[f.t1 + 2].cap ? !kPlaceSuffixWords.count(T[f.t1 + 2].f)
                                              : !kHyphenSuffixes.count(raw(text, T[f.t1 + 2])));  // "Okwo-ngbo"
    // (A facility named after the place, "Bosasso Main Market", does not make the name a longer one.)
    // "Bab al-Hawa": an article joined by a hyphen to a capitalised word continues the name (not Al Bab);
    // "Daraa al-Balad", "Homs al-Jadida": a part of the same town (old city, new town, east, upper ...)
    static const WordSet kTownParts = {"balad", "mahatta", "jadida", "jadideh", "qadima", "kabir", "kabira",
                                       "saghir", "saghira", "sharqi", "sharqiya", "gharbi", "gharbiya", "shamali",
                                       "shamaliya", "janoubi", "janoubiya", "fawqa", "fouqani", "tahta", "tahtani",
                                       "wusta", "markaz"};
    const bool article_next = (nw && !nw->cap && is_connector(nw->f) && is_punct(T, f.t1 + 2, '-') &&
                               !T[f.t1 + 2].space_before && is_word(T, f.t1 + 3) && T[f.t1 + 3].cap &&
                               !T[f.t1 + 3].space_before && !kTownParts.count(T[f.t1 + 3].f)) ||
                              // (spaced too: "Bab al Hawa")
                              (nw && !nw->cap && (nw->f == "al" || nw->f == "el") && is_word(T, f.t1 + 2) &&
                               T[f.t1 + 2].cap && !T[f.t1 + 2].sent_start && !kTownParts.count(T[f.t1 + 2].f) &&
                               !kFunctionWords.count(T[f.t1 + 2].f));
    const bool next_cap_run = (nw && nw->cap && !kPlaceSuffixWords.count(next_word) && !nw->sent_start && !facility_next &&
                               !kStop.count(next_word)) || hyphen_next || article_next;
    const bool of_noun = pw && prev_word == "of" && f.t0 >= 2 && is_word(T, prev - 2) &&
                         (kPlaceNouns.count(ik::text::lower(raw(text, T[prev - 2]))) ||
                          kOfPlaceWords.count(ik::text::lower(raw(text, T[prev - 2]))));
    // "Kabale residents", "a Khayelitsha teenager": the name used as an adjective of people who live there.
    const bool resident_noun = nw && !nw->cap && kResidentNouns.count(next_word);

    // Cheap rejections first (most capitalised words that match some namesake end here).
    bool any_country = false;
    for (const Hit& hh : f.hits) any_country |= gaz->entity(hh.entity).feature() == P::kCountry;
    if (!any_country) {
      if (single && kNever.count(f0)) return;
      if (names_person(text, T, f.t1)) return;
      if (single && kStop.count(f0) && !(prep || next_noun || of_noun)) return;
      if (prev_cap_run && !of_noun) return;
      // ("Busra al-Harir, a town ..." opening a sentence: "al-Harir" is the tail of the longer name; not
      // across a line break: "Sunday 21 March / al-Atareb (...) - ...")
      if (joined_article && pw && pw->cap && pw->e + 1 == T[f.t0].s && text[pw->e] == ' ' &&
          !kModifiers.count(prev_word) &&
          !kLocPreps.count(prev_word) && !kFunctionWords.count(prev_word))
        return;
      if ((next_cap_run && !prep) || article_next) return;
      if (single && T[f.t0].sent_start &&
          !(next_noun || prep || resident_noun || last_resort || heading_name || dateline_name || owns_facility)) {
        bool big = false;
        for (const Hit& hh : f.hits) {
          const Entity& he = gaz->entity(hh.entity);
          big |= he.feature() == P::kAdmin1 || size_of(he) >= 100000;
        }
        if (!big) return;
      }
    }
    // "Eastern Countryside of Daraa Governorate", "the Western Suburbs of Homs": a direction naming part of
    // the unit after "of", no place of its own (not Uganda's "Eastern" region)
    {
      static const WordSet kParts = {"countryside", "suburbs", "outskirts", "part", "parts", "side", "region",
                                     "areas", "countrysides"};
      if (single && nw && kModifiers.count(f0) && kParts.count(ik::text::lower(next_word)) && is_word(T, f.t1 + 2) &&
          raw(text, T[f.t1 + 2]) == "of")
        return;
    }
    const bool town_noun = nw && (next_word == "city" || next_word == "town" || next_word == "village");
    // "in southern Idlib", "northern Aleppo": a part of the province, when the name is also a city's
    static const WordSet kCompass = {"northern", "southern", "eastern", "western", "northeastern", "northwestern",
                                     "southeastern", "southwestern", "north-western", "north-eastern",
                                     "south-western", "south-eastern"};
    const bool compass_before = pw && kCompass.count(pw->cap ? prev_word : std::string_view(ik::text::lower(prev_word)));
    const bool names_country = std::any_of(f.hits.begin(), f.hits.end(), [&](const Hit& hh) {
      return gaz->entity(hh.entity).feature() == P::kCountry;
    });
    // "the western countryside of Aleppo", "the province of Idlib": the admin unit
    // ("the southern suburbs of Idlib": translators' word for the same countryside, the Arabic rif, after a
    // direction)
    const bool compass_suburbs = pw && prev_word == "of" && f.t0 >= 3 && is_word(T, prev - 2) &&
                                 is_word(T, prev - 3) && ik::text::lower(raw(text, T[prev - 2])) == "suburbs" &&
                                 kCompass.count(ik::text::lower(raw(text, T[prev - 3])));
    const bool of_admin1_noun = (of_noun && kAdmin1Nouns.count(ik::text::lower(raw(text, T[prev - 2])))) || compass_suburbs;
    const int prefer = admin1_noun || of_admin1_noun || (compass_before && !town_noun && !names_country) ? P::kAdmin1
                       : admin2_noun                                ? P::kAdmin2
                       : town_noun                                  ? P::kPlace
                                                                    : -1;
    std::string span_folded;
    for (size_t k = f.t0; k <= f.t1; ++k)
      if (T[k].kind == Tok::Word) { span_folded += T[k].f; span_folded += ' '; }
    const std::string span_plain = plain(span_folded);
    const Hit* h = nullptr;
    int e;
    if (actor_adjective(text, T, f.t1)) {  // "Saudi-led": the country as an actor, never a town named like it
      std::vector<Hit> countries;
      for (const Hit& hh : f.hits)
        if (gaz->entity(hh.entity).feature() == P::kCountry) countries.push_back(hh);
      if (countries.empty()) return;
      e = best_hit(countries, ctx, -1, -1, -1, true, &h, &span_plain);
      if (e >= 0) h = &*std::find_if(f.hits.begin(), f.hits.end(), [&](const Hit& x) { return int(x.entity) == e; });
    } else if (admin1_noun && names_country && !(is_word(T, f.t1 + 2) && raw(text, T[f.t1 + 2]) == "of") &&
               std::any_of(f.hits.begin(), f.hits.end(), [&](const Hit& x) { return gaz->entity(x.entity).feature() == P::kAdmin1; })) {
      // "Niger State", "Somali Region": a country's name before an admin1 noun is the province of that name
      // (not an adjective: "the Somali region of Puntland")
      std::vector<Hit> units;
      for (const Hit& hh : f.hits)
        if (gaz->entity(hh.entity).feature() == P::kAdmin1) units.push_back(hh);
      e = best_hit(units, ctx, -1, -1, prefer, true, &h, &span_plain);
      if (e >= 0) h = &*std::find_if(f.hits.begin(), f.hits.end(), [&](const Hit& x) { return int(x.entity) == e; });
    } else {
      e = best_hit(f.hits, ctx, -1, -1, prefer, true, &h, &span_plain);
      // A respelling of a place the document does not point to gives way to a place spelled exactly so:
      // "in Salima" is Salima, Malawi, not Jerusalem (whose key it shares).
      if (e >= 0 && int(gaz->entity(uint32_t(e)).country) != ctx.top_country && !spelled(uint32_t(e), T, f.t0, f.t1)) {
        std::vector<Hit> spelled_hits;
        for (const Hit& hh : f.hits)
          if (!hh.loose && !hh.demonym && spelled(hh.entity, T, f.t0, f.t1)) spelled_hits.push_back(hh);
        if (!spelled_hits.empty()) {
          e = best_hit(spelled_hits, ctx, -1, -1, prefer, true, &h, &span_plain);
          if (e >= 0) h = &*std::find_if(f.hits.begin(), f.hits.end(), [&](const Hit& x) { return int(x.entity) == e; });
        }
      }
    }
    if (e < 0) return;
    const Entity& en = gaz->entity(e);
    // "al-Khalidiya, a large neighbourhood in the north of the city": a part of a town, not a namesake town
    // abroad
    if (const size_t n = apposed_settlement(text, T, f.t1);
        n != SIZE_MAX && ctx.top_country >= 0 && int(en.country) != ctx.top_country && town_part_noun(raw(text, T[n])))
      return;
    bool demonym_use = h && h->demonym;
    const bool is_country = en.feature() == P::kCountry;
    if (!prep && nw && !nw->cap && kPeopleNouns.count(next_word) && !is_country) return;
    if (!is_country && peoples_coordinated(text, T, f.t1)) return;
    // "Saudi-led", "US-backed": the country names an actor here, like a demonym.
    // "in Liberia neighborhood", "Sudan Street": a country's name on a part of town is that part's name
    if (is_country && !demonym_use && part_of_town(text, T, f.t1)) return;
    if (is_country && currency_after(text, T, f.t1)) return;  // "dealing in US dollars"
    // "according to the Syria Civil Defence", "the Nigeria Red Cross": a country's name opening an
    // organisation's is neither a place nor where the event was (a force's, "Kenya Defence Forces", is an
    // actor's adjective, below)
    if (is_country && !demonym_use && is_word(T, f.t1 + 1) && T[f.t1 + 1].cap && !attributive_country(text, T, f.t1)) {
      static const WordSet kOrgWords = {"civil", "defence", "defense", "network", "observatory", "council", "committee",
                                        "police", "ministry", "commission", "centre", "center", "federation", "union",
                                        "association", "campaign", "relief", "red", "national", "human", "response",
                                        "coordinators", "institute", "foundation", "mission"};
      if (kOrgWords.count(T[f.t1 + 1].f)) return;
    }
    if (is_country && (actor_adjective(text, T, f.t1) || agent_after_by(text, T, f.t0) || attributive_country(text, T, f.t1)))
      demonym_use = true;
    const bool is_admin = en.feature() == P::kAdmin1;
    const bool strong_name = is_country || is_admin || size_of(en) >= 100000;
    // "the Kazakh capital Astana": a town named like the adjective before "capital" is no place (the
    // country's demonym is: "the Iraqi capital")
    if (nw && next_word == "capital" && !nw->cap && !is_country && !demonym_use && !is_admin) return;
    // "the Gulf War", "the annual Salt March", "the Geneva Convention": the name of an event or an accord
    // (a country's name stays: it still says what the report is about)
    static const WordSet kNamedEvents = {"war", "wars", "march", "revolution", "uprising", "accord", "accords",
                                         "agreement", "declaration", "convention", "festival", "summit",
                                         "conference", "games", "cup", "talks", "marathon"};
    if (nw && nw->cap && !is_country && kNamedEvents.count(nw->f)) return;
    if (!is_country && !is_admin && in_force_name(T, f.t1)) return;
    // "the baker's son Mahmoud", "my friend Ziad": a name right after a kinship or a friend is a person's
    static const WordSet kKin = {"son", "daughter", "brother", "sister", "father", "mother", "wife", "husband",
                                 "uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter",
                                 "friend", "neighbour", "neighbor", "colleague"};
    if (!is_country && f.t0 > 0 && is_word(T, f.t0 - 1) && !T[f.t0 - 1].cap && kKin.count(raw(text, T[f.t0 - 1]))) return;
    // "One volunteer, Mahmoud, aged 29", "said Abu Khaled, 19,": a person's name and age
    if (!is_country && is_punct(T, f.t1 + 1, ',') && f.t1 + 2 < T.size() &&
        ((is_word(T, f.t1 + 2) && raw(text, T[f.t1 + 2]) == "aged") ||
         (T[f.t1 + 2].kind == Tok::Num && T[f.t1 + 2].e - T[f.t1 + 2].s <= 2 && is_punct(T, f.t1 + 3, ','))))
      return;
    // "two Red Sea islands", "off the Red Sea coast": a province named for a sea is the sea, unless
    // its unit is named ("Red Sea State")
    if (is_admin && (T[f.t1].f == "sea" || T[f.t1].f == "ocean") && !(nw && kAdmin1Nouns.count(ik::text::lower(next_word))))
      return;
    // "the Salah al-Din neighbourhood of Aleppo": a province's name on a part of a town names the part
    if (is_admin && part_of_town(text, T, f.t1) && is_word(T, f.t1 + 2) &&
        (raw(text, T[f.t1 + 2]) == "of" || raw(text, T[f.t1 + 2]) == "in") && is_word(T, f.t1 + 3) && T[f.t1 + 3].cap)
      return;

    // False-positive checks. `core`: the name without its articles ("Al Shabaab" -> "shabaab").
    std::string core;
    for (size_t k = f.t0; k <= f.t1; ++k)
      if (T[k].kind == Tok::Word && !T[k].f.empty() && !(k < f.t1 && is_connector(T[k].f) ) &&
          !(k < f.t1 && (T[k].f == "al" || T[k].f == "el"))) {
        if (!core.empty()) core += ' ';
        core += T[k].f;
      }
    if (kNever.count(core)) return;
    // "al-Sham" alone is the Levant of armed groups' names ("Islamic State of Iraq and al-Sham", "Ahrar
    // al-Sham"), never Damascus in the reports (a town named with it, "Busra al-Sham", is matched whole)
    if (core == "sham") return;
    const bool stop = kStop.count(core) > 0;
    if (stop && !spelled(uint32_t(e), T, f.t0, f.t1)) return;  // "Human (Rights)" is not a respelling of Uman
    const bool is_exact = exact(f, uint32_t(e), T);
    const bool spelled_name = is_exact || spelled(uint32_t(e), T, f.t0, f.t1);  // not a loose match
    // Acronyms ("US", "KIU", "SNA") name only countries.
    if (single && all_caps(raw(text, T[f.t0])) && T[f.t0].e - T[f.t0].s <= 4 && !is_country) return;
    if (!is_country) {  // "SPLA/O-IO": acronyms joined by a dash are not a place either
      bool acronyms = true;
      for (size_t k = f.t0; k <= f.t1; ++k)  // articles aside: "An IED" is not Yeed
        if (T[k].kind == Tok::Word && !(k < f.t1 && (is_connector(T[k].f) || T[k].f == "an" || T[k].f == "a")))
          acronyms &= all_caps(raw(text, T[k])) && T[k].e - T[k].s <= 4;
      if (acronyms) return;
    }
    if (core.size() < 3 && !is_country) return;
    const bool lower_elsewhere = single && !prep && lower_words.contains(f0);
    double conf;
    if (demonym_use) {
      conf = 0.15;
    } else if (is_country) {
      conf = prep ? 0.4 : 0.3;
      if (stop && !prep) return;
    } else {
      if ((stop || lower_elsewhere) && !(prep || next_noun || of_noun)) return;
      if (prev_cap_run && !of_noun) return;  // inside a longer proper name ("Hayat Tahrir al-Sham")
      // "the Temple of Justice", "the Rhodes of Africa": the head of an institution's or a title's name
      if (!prep && prev_word == "the" && nw && !nw->cap && next_word == "of" && is_word(T, f.t1 + 2) && T[f.t1 + 2].cap)
        return;
      if (next_cap_run && !prep) return;  // "Vladimir Putin", "Kano Pillars"
      // "at Mile 12 market", "in Zone 3": a name numbered is a local unit, not the town of that name
      if (f.t0 == f.t1 && f.t1 + 1 < T.size() && T[f.t1 + 1].kind == Tok::Num && size_of(en) < 100000 && !is_admin) return;
      const size_t nlen = T[f.t1].e - T[f.t0].s;
      if (nlen <= 3 && !(prep || next_noun || of_noun)) return;
      if (en.weak() && !(prep && ctx.top_country == en.country)) return;
      const bool in_context = ctx.top_country < 0 || en.country == ctx.top_country ||
                              ctx.country_share(en.country) >= 0.3 ||
                              (en.admin1 != P::kNoAdmin1 && ctx.admin1_votes.count(en.admin1));
      if (T[f.t0].sent_start && single &&
          !(strong_name || next_noun || heading_name || dateline_name ||
            ((resident_noun || last_resort) && spelled_name && size_of(en) >= 1000)))
        return;
      // A sentence-initial word with nothing saying it is a place ("Grenade attack in ...", "Change
      // came ...") is a place only where the document or the usual geography of violence puts it.
      if (T[f.t0].sent_start && single && !prep && !next_noun && !of_noun && !resident_noun && !heading_name &&
          !dateline_name &&
          !(ctx.top_country >= 0 && en.country == ctx.top_country) &&
          !(en.country < conflict_country.size() && conflict_country[en.country]))
        return;
      // A spelling variant or alternate name of a small place far from the document's country is more
      // likely a different, unlisted place or not a place at all.
      const bool named_context = ctx.top_country >= 0 && en.country == ctx.top_country;
      const bool admin_context = en.admin1 != P::kNoAdmin1 && ctx.admin1_votes.count(en.admin1);
      const bool variant = h && h->primary;  // a spelling of the place's own name, not another language's
      const bool evidence = prep || next_noun || of_noun || owns_facility;
      // (A town of 50,000+ goes by its other names too, spelled as listed, with a preposition: "in Adama"
      // is Nazret, where the report or the usual geography of violence puts it. Not where the name is also
      // spelled as a province or a local unit ("Al-Sabkha district").)
      // A city of 300,000+ needs no preposition for a name of two words or more: "the Port Elizabeth court".
      const bool other_name_of_city =
          (evidence || (size_of(en) >= 300000 && f.t1 > f.t0)) && spelled_name && size_of(en) >= 50000 &&
          !(nw && kAdmin2Nouns.count(next_word)) &&
          (int(en.country) == ctx.top_country || (en.country < conflict_country.size() && conflict_country[en.country])) &&
          std::none_of(f.hits.begin(), f.hits.end(), [&](const Hit& x) {  // a respelling of one does not count
            return gaz->entity(x.entity).feature() == P::kAdmin1 && spelled(x.entity, T, f.t0, f.t1);
          });
      if (!is_exact && !named_context && !admin_context && !is_admin &&
          !(variant && size_of(en) >= (evidence ? 20000u : 50000u)) && !other_name_of_city)
        return;
      // A loose match needs a preposition or a place noun, or the document naming the place's country
      // ("Change" is not Shanghai); and it must cover the whole capitalised name: "Suuqa Weyn" is not
      // Soka, "Ceel Cadde" not Kiel.
      if (!spelled_name && !named_context && !admin_context && !evidence) return;
      // "the Ismaili community": a faith or a people named like a town abroad is not the town
      if (!prep && nw && (next_word == "community" || next_word == "communities") &&
          (!spelled_name || (prev_word == "the" && next_word == "community" && !named_context && !admin_context &&
                             !(is_word(T, f.t1 + 2) && (raw(text, T[f.t1 + 2]) == "of" || raw(text, T[f.t1 + 2]) == "in")))))
        return;
      if (!spelled_name && next_cap_run) return;
      // Nor, without a preposition, before a common noun: "the al-Shami hospital" is named for a family or
      // a region, not Damascus respelled.
      if (!spelled_name && !prep && !is_admin && nw && !nw->cap && !next_noun && !of_noun && !resident_noun &&
          !kFunctionWords.count(next_word) && !is_connector(next_word))
        return;
      // "Madi district" is a local unit named Madi, not a respelling of a town elsewhere.
      if (!spelled_name && !named_context && nw && (kAdmin2Nouns.count(next_word) || next_word == "local")) return;
      // Likewise an exact name that is only the start of a longer one, unless a big city: "in Dobo Umda"
      // is not Dobo, Indonesia, "Ceel Gaduud" not Eyl, "Wadi Kehaila" not El Oued.
      if (next_cap_run && (size_of(en) < 100000 || is_admin)) return;
      // The document names other countries and nothing vouches for this one: a namesake.
      const auto cv = ctx.country_votes.find(en.country);
      const bool foreign = ctx.named_max >= 1.0 && (cv == ctx.country_votes.end() || cv->second < 0.7);
      // A foreign namesake needs its exact name, a preposition and some size ("held in Gaza" still counts).
      // (A big city, or an admin seat: "Delft" in a report about Cape Town is the township, not the Dutch town.)
      if (foreign && !is_admin && !(is_exact && evidence && (size_of(en) >= 300000 || (en.seat() && size_of(en) >= 50000))))
        return;
      // ... and never one followed by the name of a local admin unit ("Kaga Local Government Area").
      if (foreign && nw && (kAdmin2Nouns.count(next_word) || next_word == "local")) return;
      // No country evidence at all: a village far from where violence is usually reported is more likely
      // a local place the gazetteer lacks ("between Suni and Deribat" is not Suni, Sardinia).
      if (ctx.top_country < 0 && !is_admin && size_of(en) < 20000 &&
          !(en.country < conflict_country.size() && conflict_country[en.country]))
        return;
      if (prep || next_noun || of_noun) {
        if (!in_context && size_of(en) < 5000 && !is_admin) return;
        conf = next_noun || of_noun ? 0.8 : 0.72;
      } else if (resident_noun && spelled_name) {
        if (!in_context && size_of(en) < 5000) return;
        conf = 0.6;
      } else {
        if (!strong_name && size_of(en) < 20000 && !(in_context && ctx.top_country >= 0)) return;
        if (!in_context && !strong_name) return;
        conf = 0.5;
      }
      if (!in_context) conf -= 0.15;
      if (is_admin) conf -= 0.1;
      if (next_cap_run) conf -= 0.15;
    }
    Place pl;
    // "An Israeli drone": the article belongs to the sentence, not to the country.
    size_t t0 = f.t0;
    if ((is_country || demonym_use) && t0 < f.t1 && name_key(T[t0].f).size() <= 3) ++t0;
    pl.start = T[t0].s;
    pl.end = T[f.t1].e;
    fill_entity(pl, e);
    // "the Damascus countryside": a governorate of its own ("Rural Damascus") around the city-governorate
    if (next_word == "countryside" && !demonym_use) {
      std::vector<Hit> rural;
      std::vector<size_t> words;
      for (size_t q = f.t0; q <= f.t1; ++q)
        if (is_word(T, q)) words.push_back(q);
      lookup_name("rural " + join_folded(T, words, 0, words.size() - 1), rural);
      for (const Hit& rh : rural)
        if (!rh.demonym && gaz->entity(rh.entity).feature() == P::kAdmin1 && int(gaz->entity(rh.entity).country) == pl.country) {
          fill_entity(pl, int(rh.entity));
          break;
        }
    }
    // "eastern Ghouta", "Jabal al-Zawiya": a region lying in one governorate, listed as another name of
    // it, keeps the report's name (the governorate is its admin1); a spelling of the governorate's own
    // name ("Idlib", "Nord-Kivu", "Damascus Countryside") takes the listed name.
    if (is_admin && !demonym_use && h && !h->primary &&
        !names_alike(text.substr(T[f.t0].s, T[f.t1].e - T[f.t0].s), gaz->name(e))) {
      size_t r0 = f.t0;
      if (r0 < f.t1 && T[r0].f == "the") ++r0;
      pl.value = std::string(text.substr(T[r0].s, T[f.t1].e - T[r0].s));
      if (!pl.value.empty()) pl.value[0] = char(std::toupper(static_cast<unsigned char>(pl.value[0])));
      pl.precision = 2;
    }
    pl.demonym = demonym_use;
    pl.confidence = conf;
    pl.evidence = demonym_use ? "demonym" : (road_first || road_second) ? "road_end" : prep ? "preposition"
                  : (next_noun || of_noun) ? "place_noun"
                  : resident_noun ? "residents" : entry_label ? "label" : "name";
    if (next_word == "countryside" || next_word == "outskirts" || prev_word == "near" || prev_word == "outside")
      pl.precision = std::max(pl.precision, 2);
    places.push_back(std::move(pl));
    if (is_country || demonym_use) capital_after(text, T, f, e, places);
  }

  // "the Honduran capital", "Yemen's capital", "the capital of Mali": the country's capital city, at the
  // word "capital" (not "capital punishment", "capital city of the province").
  void capital_after(std::string_view text, const std::vector<Tok>& T, const Found& f, int country_entity,
                     std::vector<Place>& places) const {
    const int c = gaz->entity(uint32_t(country_entity)).country;
    if (c < 0 || size_t(c) >= capital_of.size() || capital_of[c] < 0) return;
    size_t k = f.t1 + 1;
    if (is_punct(T, k, '\'') && is_word(T, k + 1) && raw(text, T[k + 1]) == "s") k += 2;  // "Yemen's capital"
    if (is_word(T, k) && raw(text, T[k]) == "capital" && capital_stands_alone(text, T, k))
      places.push_back(capital_place(T, k, c, 0.7));
    else if (f.t0 >= 2 && is_word(T, f.t0 - 1) && raw(text, T[f.t0 - 1]) == "of" && is_word(T, f.t0 - 2) &&
             raw(text, T[f.t0 - 2]) == "capital")
      places.push_back(capital_place(T, f.t0 - 2, c, 0.7));  // "the capital of Mali"
  }

  // The word "capital" at k names the city itself: not "capital punishment", "the capital city of the
  // province", nor a capital named right after it ("the Yemeni capital Sanaa" is found by its own name).
  static bool capital_stands_alone(std::string_view text, const std::vector<Tok>& T, size_t k) {
    if (!is_word(T, k + 1)) return true;
    const std::string_view next = raw(text, T[k + 1]);
    return !T[k + 1].cap && (next == "on" || next == "in" || next == "and");
  }

  Place capital_place(const std::vector<Tok>& T, size_t k, int country, double confidence) const {
    Place pl;
    pl.start = T[k].s;
    pl.end = T[k].e;
    fill_entity(pl, capital_of[country]);
    pl.confidence = confidence;
    pl.evidence = "capital";
    return pl;
  }

  // std::to_chars(v, fixed, 5), but without its general algorithm where the answer is plain: v * 1e5
  // is off the exact product by far less than 1e-6 for |v| < 1e6, so unless the product sits that close
  // to a rounding tie its nearest integer is the correctly rounded one.
  static std::to_chars_result fixed5(char* first, char* last, double v) {
    const double scaled = std::fabs(v) * 1e5;
    const double fl = std::floor(scaled), frac = scaled - fl;
    if (!(std::fabs(v) < 1e6) || std::fabs(frac - 0.5) < 1e-6)
      return std::to_chars(first, last, v, std::chars_format::fixed, 5);
    const uint64_t n = uint64_t(fl) + (frac > 0.5);
    char* p = first;
    if (std::signbit(v)) *p++ = '-';
    p = std::to_chars(p, last, n / 100000).ptr;
    *p++ = '.';
    uint64_t f = n % 100000;
    for (int d = 4; d >= 0; --d, f /= 10) p[d] = char('0' + f % 10);
    return {p + 5, std::errc()};
  }

  void emit(ik::sdk::Doc& doc, const Place& p) const {
    using ik::text::json_escape;
    ik::sdk::Mention m;
    m.start = p.start;
    m.end = p.end;
    m.label = "place";
    m.value = p.value;
    m.confidence = p.confidence;
    std::string a;
    a.reserve(384);  // one allocation: the attrs of a place are about 250 bytes
    a += '{';
    auto str = [&](std::string_view k, std::string_view v, bool comma = true) {
      // "key":"value", in one append when nothing needs escaping (the usual case): a stack buffer
      char buf[256];
      const bool plain = std::none_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\'; });
      if (plain && k.size() + v.size() + 8 <= sizeof buf) {
        size_t n = 0;
        buf[n++] = '"';
        std::memcpy(buf + n, k.data(), k.size()), n += k.size();
        buf[n++] = '"', buf[n++] = ':';
        if (v.empty()) std::memcpy(buf + n, "null", 4), n += 4;
        else buf[n++] = '"', std::memcpy(buf + n, v.data(), v.size()), n += v.size(), buf[n++] = '"';
        if (comma) buf[n++] = ',';
        a.append(buf, n);
        return;
      }
      a += '"'; a += k; a += "\":";
      if (v.empty()) a += "null";
      else if (plain)
        { a += '"'; a += v; a += '"'; }  // nothing to escape, the usual case
      else { a += '"'; a += json_escape(v); a += '"'; }
      if (comma) a += ',';
    };
    std::string_view country, iso3;
    std::string iso3s;
    if (p.country >= 0) {
      country = gaz->country_name(uint8_t(p.country));
      iso3s.assign(gaz->country(uint8_t(p.country)).iso3, 3);
      iso3 = iso3s;
    }
    const char* feature = p.unlisted ? "unlisted"
                          : p.feature == P::kAdmin1 ? "admin1"
                          : p.feature == P::kAdmin2 ? "admin2"
                          : p.feature == P::kAdmin3 ? "admin3"
                          : p.feature == P::kCountry ? "country"
                          : p.feature == P::kRegion ? "region" : "place";
    str("country", country);
    str("iso3", iso3);
    str("admin1", !p.admin1_text.empty() ? std::string_view(p.admin1_text)
                  : p.admin1 >= 0         ? gaz->admin1_name(uint16_t(p.admin1))
                                          : std::string_view());
    str("admin2", p.admin2);
    // std::to_chars writes what printf's %.5f / %d / %u would (exact rounding, C locale), without its cost.
    auto num = [&](std::string_view k, auto v) {  // "key":number, in one append
      char buf[96];
      size_t n = 0;
      buf[n++] = '"';
      std::memcpy(buf + n, k.data(), k.size()), n += k.size();
      buf[n++] = '"', buf[n++] = ':';
      std::to_chars_result r;
      if constexpr (std::is_floating_point_v<decltype(v)>) r = fixed5(buf + n, buf + sizeof buf - 1, v);
      else r = std::to_chars(buf + n, buf + sizeof buf - 1, v);
      *r.ptr = ',';
      a.append(buf, r.ptr + 1);
    };
    if (std::isnan(p.lat)) a += "\"lat\":null,\"lon\":null,";
    else {
      num("lat", p.lat);
      num("lon", p.lon);
    }
    num("geo_precision", int(p.precision));
    str("feature", feature);
    if (p.entity >= 0) {
      const Entity& en = gaz->entity(uint32_t(p.entity));
      num("population", uint32_t(en.population));
      if (en.gid) num("gid", uint32_t(en.gid));
      else a += "\"gid\":null,";
    } else {
      a += "\"population\":null,\"gid\":null,";
    }
    a += p.demonym ? "\"demonym\":true," : "\"demonym\":false,";
    str("evidence", p.evidence, false);
    a += '}';
    m.attrs_json = std::move(a);
    doc.add(std::move(m));
  }
};

}  // namespace

IK_PLUGIN(ik_places, "1.0.0", Places)
