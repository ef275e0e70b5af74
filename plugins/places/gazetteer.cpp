#include "gazetteer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "common/text.hpp"

namespace ik::places {
namespace {

constexpr char kMagic[8] = {'I', 'K', 'G', 'A', 'Z', '0', '0', '1'};
constexpr int kBucketBits = 20;

// Keep these three tables identical to ARTICLES, GENERIC_SKELETONS and LOOSE_RULES in build_gazetteer.py.
constexpr std::array<std::string_view, 23> kArticles = {"al", "el", "ad", "ar", "as", "an", "at", "ash",
    "az", "adh", "ath", "ed", "er", "es", "et", "ez", "en", "ul", "ud", "ur", "us", "il", "l"};
constexpr std::array<std::string_view, 22> kGeneric = {"kfr", "mrt", "dr", "tl", "jbl", "krbt", "bt", "bn",
    "sk", "n", "m", "b", "rs", "jsr", "kn", "ks", "ksr", "sr", "mzrt", "mdnt", "kmp", "hr"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kLooseRules = {{
    {"sch", "sh"}, {"ch", "sh"}, {"kh", "k"}, {"gh", "g"}, {"dh", "d"}, {"th", "t"}, {"ph", "f"}, {"dj", "j"},
    {"ck", "k"}, {"q", "k"}, {"c", "k"}, {"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"ei", "i"}, {"ey", "i"},
    {"ay", "i"}, {"ai", "i"}, {"y", "i"}, {"w", "u"}, {"e", "i"}, {"o", "u"}}};

bool is_article(std::string_view t) {
  // Every article starts with a, e, i, l or u: most words are turned away before the table search.
  if (t.empty() || t.size() > 3) return false;
  const char c = t[0];
  if (c != 'a' && c != 'e' && c != 'i' && c != 'l' && c != 'u') return false;
  return std::find(kArticles.begin(), kArticles.end(), t) != kArticles.end();
}

// Tokens of a folded name with the articles dropped (all of them if nothing else is left); at most 16.
struct KeyTokens {
  std::array<std::string_view, 16> t;
  size_t n = 0;
};
KeyTokens key_tokens(std::string_view s) {
  KeyTokens all;
  uint32_t articles = 0;  // bit k: all.t[k] is an article
  size_t i = 0;
  while (i < s.size() && all.n < all.t.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) {
      if (is_article(s.substr(i, j - i))) articles |= 1u << all.n;
      all.t[all.n++] = s.substr(i, j - i);
    }
    i = j;
  }
  // Drop the articles in place, unless nothing else is left (one array: this runs for every name).
  if (articles && articles != (1u << all.n) - 1) {
    size_t kept = 0;
    for (size_t k = 0; k < all.n; ++k)
      if (!(articles >> k & 1)) all.t[kept++] = all.t[k];
    all.n = kept;
  }
  return all;
}

void collapse_doubles(std::string& s) {
  size_t w = 0;
  for (size_t r = 0; r < s.size(); ++r)
    if (w == 0 || s[r] != s[w - 1]) s[w++] = s[r];
  s.resize(w);
}

// Python's str.replace (left to right, non-overlapping), in place: every rule's replacement is no longer
// than what it replaces.
// The comparisons are inline loops (rules are 1-3 bytes; find/compare calls cost more than the work).
bool replace_all(std::string& s, std::string_view from, std::string_view to) {
  const size_t n = s.size(), len = from.size();
  auto at = [&](size_t r) {
    if (s[r] != from[0] || r + len > n) return false;
    for (size_t k = 1; k < len; ++k)
      if (s[r + k] != from[k]) return false;
    return true;
  };
  size_t r = 0;
  while (r < n && !at(r)) ++r;  // nothing to do mostly: no rewriting then
  if (r == n) return false;
  size_t w = r;
  bool changed = false;
  while (r < s.size()) {
    if (at(r)) {
      for (char c : to) s[w++] = c;
      r += from.size();
      changed = true;
    } else {
      s[w++] = s[r++];
    }
  }
  s.resize(w);
  return changed;
}

uint32_t letters_in(const std::string& s) {
  uint32_t m = 0;
  for (char c : s)
    if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
  return m;
}

// Bytes a skeleton drops: vowels, h, w, y, spaces (and NUL, as strchr("aeiouyhw ", c) found it).
constexpr std::array<bool, 256> kSkeletonDrops = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view("aeiouyhw \0", 10)) t[c] = true;
  return t;
}();

// skeleton_of() of the tokens of key_tokens() joined, into `out` (reused: this runs for every entity).
void skeleton_into(std::string_view folded, std::string& out) {
  out.clear();
  const KeyTokens toks = key_tokens(folded);
  for (size_t i = 0; i < toks.n; ++i)
    for (char c : toks.t[i])
      if (!kSkeletonDrops[static_cast<unsigned char>(c)] && (out.empty() || out.back() != c)) out += c;
}

std::string skeleton_of(std::string_view t) {
  std::string s;
  s.reserve(t.size());
  for (char c : t)
    if (!kSkeletonDrops[static_cast<unsigned char>(c)]) s += c;
  collapse_doubles(s);
  return s;
}

bool all_digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_vowel(char c) { return c == 'a' || c == 'i' || c == 'u'; }

}  // namespace

uint64_t fnv1a64(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return h;
}

std::string name_key(std::string_view folded) {
  const KeyTokens toks = key_tokens(folded);
  std::string s;
  s.reserve(folded.size());
  for (size_t i = 0; i < toks.n; ++i) {
    if (i + 1 < toks.n && toks.t[i].size() <= 8 && !all_digits(toks.t[i])) {  // generic words are short
      std::string sk = skeleton_of(toks.t[i]);
      if (std::find(kGeneric.begin(), kGeneric.end(), sk) != kGeneric.end() && !sk.empty()) {
        s += sk;
        continue;
      }
    }
    s += toks.t[i];
  }
  // Letters that may be in s (a superset: a rule only adds the letters of its replacement), so rules
  // with a letter absent from s are skipped without a scan.
  static constexpr std::array<uint32_t, kLooseRules.size()> kRuleLetters = [] {
    std::array<uint32_t, kLooseRules.size()> m{};
    for (size_t r = 0; r < kLooseRules.size(); ++r)
      for (char c : kLooseRules[r].first) m[r] |= 1u << (c - 'a');
    return m;
  }();
  uint32_t present = letters_in(s);
  for (size_t r = 0; r < kLooseRules.size(); ++r) {
    if ((present & kRuleLetters[r]) != kRuleLetters[r]) continue;
    const auto& [a, b] = kLooseRules[r];
    if (replace_all(s, a, b))
      for (char c : b) present |= 1u << (c - 'a');
  }
  collapse_doubles(s);
  if (s.size() > 3 && s.back() == 'h' && is_vowel(s[s.size() - 2])) s.pop_back();
  if (s.size() > 4 && (s.back() == 'a' || s.back() == 'i') && !is_vowel(s[s.size() - 2])) s.pop_back();
  return s;
}

std::string strict_key(std::string_view folded) {
  std::string s = "=";
  const KeyTokens toks = key_tokens(folded);
  for (size_t i = 0; i < toks.n; ++i) s += toks.t[i];
  return s;
}

std::string skeleton_key(std::string_view folded) {
  std::string s;
  skeleton_into(folded, s);
  return s;
}

Gazetteer::Gazetteer(const std::string& dir) {
  const std::string path = dir + "/gazetteer.bin";
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("places: cannot open the gazetteer " + path);
  f.seekg(0, std::ios::end);
  std::string buf(size_t(f.tellg()), '\0');
  f.seekg(0);
  f.read(buf.data(), std::streamsize(buf.size()));
  uint32_t n[6];
  if (buf.size() < sizeof kMagic + sizeof n || std::memcmp(buf.data(), kMagic, sizeof kMagic) != 0)
    throw std::runtime_error("places: not a gazetteer file (bad magic): " + path);
  std::memcpy(n, buf.data() + sizeof kMagic, sizeof n);
  // n[5]: skeleton keys stored by data/build_gazetteer.py (0 in older files: finish() computes them all).
  const size_t need = sizeof kMagic + sizeof n + n[0] * sizeof(Entity) + n[1] * sizeof(Admin1) +
                      n[2] * sizeof(Country) + n[3] * sizeof(Key) + n[5] * sizeof(Key) + n[4];
  if (buf.size() != need) throw std::runtime_error("places: truncated gazetteer file: " + path);
  const char* p = buf.data() + sizeof kMagic + sizeof n;
  auto take = [&p](auto& vec, size_t count) {
    vec.resize(count);
    std::memcpy(vec.data(), p, count * sizeof(vec[0]));
    p += count * sizeof(vec[0]);
  };
  take(entities_, n[0]);
  take(admin1_, n[1]);
  take(countries_, n[2]);
  take(keys_, n[3]);
  take(skeletons_, n[5]);
  if (n[5] > 0) skeletons_known_ = n[0];
  pool_.assign(p, n[4]);
}

void Gazetteer::add_key(std::string_view folded_name, uint32_t entity, bool primary) {
  if (folded_name.size() < 2) return;
  std::string k = name_key(folded_name);
  if (k.size() < 2) return;
  for (const uint64_t h : {fnv1a64(k), fnv1a64(strict_key(folded_name))})
    keys_.push_back({uint32_t(h), entity | (primary ? 1u << 22 : 0u) | uint32_t(h >> 57) << 25});
}

size_t Gazetteer::load_geonames(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw std::runtime_error("places: cannot open GeoNames file " + path);
  std::unordered_map<std::string, uint8_t> country_of;
  for (size_t i = 0; i < countries_.size(); ++i) country_of[std::string(countries_[i].iso2, 2)] = uint8_t(i);
  std::unordered_map<std::string, uint16_t> admin1_of;
  for (size_t i = 0; i < admin1_.size(); ++i) admin1_of[str(admin1_[i].code)] = uint16_t(i);
  std::string line;
  size_t added = 0, lineno = 0;
  std::vector<std::string_view> c;
  while (std::getline(f, line)) {
    ++lineno;
    c.clear();
    size_t s = 0;
    for (size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == '\t') {
        c.emplace_back(line.data() + s, i - s);
        s = i + 1;
      }
    if (c.size() < 19 || c[0].empty() || !all_digits(c[0])) {
      if (line.empty() || line[0] == '#') continue;
      throw std::runtime_error("places: " + path + ":" + std::to_string(lineno) +
                               ": not a GeoNames row (19 tab-separated columns expected)");
    }
    const std::string_view fclass = c[6], fcode = c[7];
    Feature feat;
    if (fclass == "P") feat = kPlace;
    else if (fcode == "ADM1") feat = kAdmin1;
    else if (fcode == "ADM2") feat = kAdmin2;
    else if (fcode == "ADM3") feat = kAdmin3;
    else continue;
    auto cit = country_of.find(std::string(c[8]));
    if (cit == country_of.end()) continue;
    auto ait = admin1_of.find(std::string(c[8]) + "." + std::string(c[10]));
    const uint16_t a1 = ait == admin1_of.end() ? kNoAdmin1 : ait->second;
    uint32_t ent;
    if (feat == kAdmin1 && a1 != kNoAdmin1) {
      ent = admin1_[a1].entity;  // known province: only its names are new
    } else {
      Entity e{};
      e.name = uint32_t(pool_.size());
      pool_.append(c[2].empty() ? c[1] : c[2]).push_back('\0');
      e.admin2 = 0;
      e.lat_e5 = int32_t(std::lround(std::stod(std::string(c[4])) * 1e5));
      e.lon_e5 = int32_t(std::lround(std::stod(std::string(c[5])) * 1e5));
      e.population = c[14].empty() ? 0 : uint32_t(std::stoul(std::string(c[14])));
      e.gid = uint32_t(std::stoul(std::string(c[0])));
      e.admin1 = a1;
      e.country = cit->second;
      e.flags = feat | ((fcode == "PPLA" || fcode == "PPLC") ? 0x20 : 0);
      ent = uint32_t(entities_.size());
      if (ent >= (1u << 22)) throw std::runtime_error("places: too many gazetteer entries");
      entities_.push_back(e);
    }
    const std::string fname = text::fold(c[1]);
    const std::string name_skeleton = skeleton_key(fname);
    add_key(fname, ent, true);
    if (!c[2].empty()) add_key(text::fold(c[2]), ent, true);
    size_t a = 0;
    const std::string_view alts = c[3];
    while (a < alts.size()) {
      size_t b = alts.find(',', a);
      if (b == std::string_view::npos) b = alts.size();
      std::string_view alt = alts.substr(a, b - a);
      a = b + 1;
      // As data/build_gazetteer.py's good_alternate(): Latin spellings with a capital (lower-case ones are
      // machine transliterations), 4+ letters, no codes ("KIU") or abbreviations ("U.S.").
      if (alt.size() < 4 || !(alt[0] >= 'A' && alt[0] <= 'Z') || alt.find('.') != std::string_view::npos) continue;
      if (std::none_of(alt.begin(), alt.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) continue;
      std::string fa = text::fold(alt);
      // A spelling variant of the name itself (same consonant skeleton) counts as the primary name.
      if (!fa.empty()) add_key(fa, ent, skeleton_key(fa) == name_skeleton);
    }
    ++added;
  }
  return added;
}

void Gazetteer::index(std::vector<Key>& keys, std::vector<uint32_t>& buckets) {
  auto less = [](const Key& a, const Key& b) { return a.hash != b.hash ? a.hash < b.hash : a.packed < b.packed; };
  auto bucket_of = [](const Key& k) { return k.hash >> (32 - kBucketBits); };
  auto count_buckets = [&] {
    buckets.assign((1u << kBucketBits) + 1, 0);
    for (const Key& k : keys) ++buckets[bucket_of(k) + 1];
    for (size_t i = 1; i < buckets.size(); ++i) buckets[i] += buckets[i - 1];
  };
  bool counted = false;
  if (!std::is_sorted(keys.begin(), keys.end(), less)) {  // the file's keys are; the skeletons are not
    // Distribute by the hash's top bits, then sort each (small) bucket: the order std::sort gives, in
    // linear time.
    count_buckets();
    std::vector<Key> sorted(keys.size());
    std::vector<uint32_t> next(buckets.begin(), buckets.end() - 1);
    for (const Key& k : keys) sorted[next[bucket_of(k)]++] = k;
    for (size_t b = 0; b + 1 < buckets.size(); ++b)
      if (buckets[b + 1] - buckets[b] > 1) std::sort(sorted.begin() + buckets[b], sorted.begin() + buckets[b + 1], less);
    keys = std::move(sorted);
    counted = true;
  }
  const size_t before = keys.size();
  keys.erase(std::unique(keys.begin(), keys.end(),
                         [](const Key& a, const Key& b) { return a.hash == b.hash && a.packed == b.packed; }),
             keys.end());
  if (!counted || keys.size() != before) count_buckets();
}

void Gazetteer::finish() {
  // Skeletons of primary names (places, admin units, countries) for the fuzzy fallback. The file's own
  // entities usually come with theirs (computing them is most of the loading time); entities added from
  // GeoNames dumps, and those of a file without the table, get theirs here.
  std::string folded, sk;
  for (uint32_t i = skeletons_known_; i < entities_.size(); ++i) {
    // Embedded names are ASCII: lower-casing them is their fold (apostrophes dropped, punctuation a space).
    const std::string_view n = name(i);
    folded.clear();
    bool ascii = true;
    for (char c : n) {
      if (static_cast<unsigned char>(c) >= 0x80) { ascii = false; break; }
      if (c == '\'' || c == '`') continue;
      const char l = text::lower(c);
      if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) folded += l;
      else if (!folded.empty() && folded.back() != ' ') folded += ' ';
    }
    if (ascii) skeleton_into(folded, sk);
    else skeleton_into(text::fold(n), sk);
    if (sk.size() < 4) continue;
    const uint64_t h = fnv1a64(sk);
    skeletons_.push_back({uint32_t(h), i | uint32_t(h >> 57) << 25});
  }
  index(keys_, key_buckets_);
  index(skeletons_, skel_buckets_);
}

template <class F>
void Gazetteer::scan(const std::vector<Key>& keys, const std::vector<uint32_t>& buckets, uint64_t h, F&& f) const {
  const uint32_t h32 = uint32_t(h), check = uint32_t(h >> 57);
  const uint32_t b = h32 >> (32 - kBucketBits);
  for (uint32_t i = buckets[b]; i < buckets[b + 1]; ++i) {
    const Key& k = keys[i];
    if (k.hash == h32 && (k.packed >> 25) == check) f(k.packed);
  }
}

void Gazetteer::lookup(std::string_view key, std::vector<Hit>& out) const {
  if (key.size() < 2) return;
  scan(keys_, key_buckets_, fnv1a64(key), [&](uint32_t p) {
    // A name often has several hits: room for a few at once, not grown from one by doubling.
    if (out.capacity() == 0) out.reserve(8);
    out.push_back({p & 0x3FFFFF, bool(p & (1u << 22)), bool(p & (1u << 23))});
  });
}

bool Gazetteer::spelled(uint32_t entity, std::string_view folded) const {
  return spelled_hash(entity, strict_hash(folded));
}

uint64_t Gazetteer::strict_hash(std::string_view folded) const {
  // fnv1a64(strict_key(folded)), hashed token by token instead of building the key string first.
  uint64_t h = 0xCBF29CE484222325ull;
  auto add = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001B3ull;
    }
  };
  add("=");
  const KeyTokens toks = key_tokens(folded);
  for (size_t i = 0; i < toks.n; ++i) add(toks.t[i]);
  return h;
}

bool Gazetteer::spelled_hash(uint32_t entity, uint64_t strict) const {
  bool found = false;
  scan(keys_, key_buckets_, strict, [&](uint32_t p) { found |= (p & 0x3FFFFF) == entity; });
  return found;
}

bool Gazetteer::spelled_demonym(uint32_t entity, uint64_t strict) const {
  bool found = false;
  scan(keys_, key_buckets_, strict, [&](uint32_t p) { found |= (p & 0x3FFFFF) == entity && (p & (1u << 23)); });
  return found;
}

void Gazetteer::lookup_skeleton(std::string_view skel, std::vector<uint32_t>& out) const {
  if (skel.size() < 4) return;
  scan(skeletons_, skel_buckets_, fnv1a64(skel), [&](uint32_t p) { out.push_back(p & 0x3FFFFF); });
}

}  // namespace ik::places
