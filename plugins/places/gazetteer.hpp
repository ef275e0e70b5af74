// The places gazetteer: entities (countries, admin units, populated places) and the loose-key index
// that finds them from a name as written. Loaded once from data/gazetteer/gazetteer.bin (written by
// data/build_gazetteer.py) plus any GeoNames dumps the user names; read-only afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ik::places {

enum Feature : uint8_t { kPlace = 0, kAdmin1 = 1, kAdmin2 = 2, kAdmin3 = 3, kCountry = 4, kRegion = 5, kNeighbourhood = 6 };
inline constexpr uint16_t kNoAdmin1 = 0xFFFF;

// One row of the entity table (same layout as the file).
#pragma pack(push, 1)
struct Entity {
  uint32_t name, admin2;     // offsets into the string pool
  int32_t lat_e5, lon_e5;    // degrees * 1e5
  uint32_t population, gid;  // gid: GeoNames id or 0
  uint16_t admin1;           // index into admin1(), kNoAdmin1 if unknown
  uint8_t country;           // index into countries()
  uint8_t flags;             // low 4 bits Feature; 0x10 weak (neighbourhood); 0x20 admin seat; 0x40 capital;
                             // 0x80 unplaced
  Feature feature() const { return Feature(flags & 0x0F); }
  bool weak() const { return flags & 0x10; }
  bool seat() const { return flags & 0x20; }
  bool capital() const { return flags & 0x40; }  // the country's capital (GeoNames PPLC)
  bool unplaced() const { return flags & 0x80; }  // its point is its province's (a district with no known place)
  double lat() const { return lat_e5 / 1e5; }
  double lon() const { return lon_e5 / 1e5; }
};
struct Admin1 {
  uint32_t entity, code;  // code: "SY.12" (GeoNames country.admin1 code)
  uint8_t country, pad[3];
};
struct Country {
  uint32_t entity;
  char iso2[2], iso3[3], pad[3];
};
#pragma pack(pop)
static_assert(sizeof(Entity) == 28 && sizeof(Admin1) == 12 && sizeof(Country) == 12);

// What a key found: an entity, whether the key came from its primary name, whether it is a demonym.
struct Hit {
  uint32_t entity;
  bool primary, demonym;
  bool loose = false;  // set by callers that check the spelling: a transliteration-class match only
};

// The loose match key of an already folded name (ik::text::fold): article tokens dropped, generic words
// of Arabic names reduced, transliteration classes merged, doubled letters collapsed. Mirrors
// name_key() in data/build_gazetteer.py.
std::string name_key(std::string_view folded);
// The exact-spelling key of a folded name: "=" + its tokens without articles, joined. The gazetteer
// stores it beside the loose key of every name (mirrors strict_key() in data/build_gazetteer.py).
std::string strict_key(std::string_view folded);
// Consonant skeleton of a folded name (articles dropped): the fuzzy fallback key.
std::string skeleton_key(std::string_view folded);
uint64_t fnv1a64(std::string_view s);

class Gazetteer {
 public:
  // Loads `dir`/gazetteer.bin; throws std::runtime_error when missing or malformed.
  explicit Gazetteer(const std::string& dir);
  // Adds a GeoNames dump (19 tab-separated columns: allCountries.txt, SY.txt, cities500.txt).
  // Populated places (feature class P) and admin divisions (class A) are added; returns rows added.
  size_t load_geonames(const std::string& path);
  void finish();  // builds the indexes; call once after the last load

  const Entity& entity(uint32_t i) const { return entities_[i]; }
  size_t entity_count() const { return entities_.size(); }
  const char* str(uint32_t off) const { return pool_.data() + off; }
  const Admin1& admin1(uint16_t i) const { return admin1_[i]; }
  const Country& country(uint8_t i) const { return countries_[i]; }
  std::string_view name(uint32_t e) const { return str(entities_[e].name); }
  std::string_view country_name(uint8_t c) const { return name(countries_[c].entity); }
  std::string_view admin1_name(uint16_t a) const { return a == kNoAdmin1 ? "" : name(admin1_[a].entity); }

  // Entities whose loose key equals `key` (name_key of a folded name).
  void lookup(std::string_view key, std::vector<Hit>& out) const;
  // Whether one of the entity's names is spelled `folded` (diacritics, case, punctuation and articles
  // aside): an exact match, as opposed to a loose transliteration-class one.
  bool spelled(uint32_t entity, std::string_view folded) const;
  // The same in two steps, for one name asked about several entities: strict_hash(folded) once, then
  // spelled_hash(entity, that) per entity.
  uint64_t strict_hash(std::string_view folded) const;
  bool spelled_hash(uint32_t entity, uint64_t strict) const;
  // Whether that exact spelling is one of the entity's demonyms ("Israeli", whose loose key is Israel's).
  bool spelled_demonym(uint32_t entity, uint64_t strict) const;
  // Entities whose primary-name skeleton equals `skel`.
  void lookup_skeleton(std::string_view skel, std::vector<uint32_t>& out) const;

 private:
  struct Key {
    uint32_t hash;  // low 32 bits of fnv1a64(key)
    uint32_t packed;  // entity (22 bits) | flags (3) | check (7 bits: fnv1a64 >> 57)
  };
  void add_key(std::string_view folded_name, uint32_t entity, bool primary);
  static void index(std::vector<Key>& keys, std::vector<uint32_t>& buckets);
  template <class F>
  void scan(const std::vector<Key>& keys, const std::vector<uint32_t>& buckets, uint64_t h, F&& f) const;

  std::vector<Entity> entities_;
  std::vector<Admin1> admin1_;
  std::vector<Country> countries_;
  std::string pool_;
  std::vector<Key> keys_, skeletons_;
  std::vector<uint32_t> key_buckets_, skel_buckets_;  // first key index per top-bits bucket
  uint32_t skeletons_known_ = 0;  // entities before this one have their skeleton keys in skeletons_ (from the file)
};

}  // namespace ik::places
