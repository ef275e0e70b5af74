// weapons.v1, targets.v1, events.v1: cue-phrase extractors. Each builds one Lexicon at load and scans a
// document once; a few cues get a short look at their neighbouring tokens to drop false hits.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/text.hpp"
#include "common/vocab.hpp"
#include "incidentkit/sdk.hpp"

namespace {

using ik::sdk::Config;
using ik::sdk::Doc;
using ik::sdk::Mention;
using ik::text::Lexicon;
using ik::text::Token;
using ik::text::TokenKind;

constexpr int kNone = -1;  // an absorbing phrase: matched (so shorter cues inside it are not) but emits nothing

// One cue phrase of a lexicon: what it means and how sure it is on its own.
struct Cue {
  std::string_view phrase;
  int value;          // index into the extractor's value table, or kNone
  float confidence;
  unsigned flags = 0;
};

// Shared context helpers over a token list --------------------------------------------------------------

// Index of the first token starting at or after byte `pos`.
size_t token_at(const std::vector<Token>& toks, uint32_t pos) {
  auto it = std::lower_bound(toks.begin(), toks.end(), pos, [](const Token& t, uint32_t p) { return t.start < p; });
  return static_cast<size_t>(it - toks.begin());
}

bool word_is(const Token& t, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (ik::text::iequals(t.text, w)) return true;
  return false;
}

// The sentence [start, end) byte range containing `pos`.
struct Range {
  uint32_t start, end;
};
std::vector<Range> sentence_ranges(const Doc& doc) {
  std::vector<Range> out;
  const auto sents = doc.mentions("sentence");
  out.reserve(sents.size());
  for (const auto& m : sents) out.push_back({uint32_t(m.start), uint32_t(m.end)});
  if (out.empty())
    for (const auto& s : ik::text::sentences(doc.text())) out.push_back({s.start, s.end});
  std::sort(out.begin(), out.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
  return out;
}
Range sentence_of(const std::vector<Range>& sents, uint32_t pos, uint32_t text_len) {
  auto it = std::upper_bound(sents.begin(), sents.end(), pos, [](uint32_t p, const Range& r) { return p < r.start; });
  if (it != sents.begin()) {
    --it;
    if (pos < it->end) return *it;
  }
  return {0, text_len};
}

// The three extractors run one after another on the same document: one scan with a lexicon of all their
// cues serves them all (see cue_matches() at the end of the file).
enum CueSet { kWeaponCues, kTargetCues, kEventCues };
// Matches of one set's cues in `text` (ids index that set's cue list), overlaps resolved leftmost-longest
// within the set: what a lexicon of that set alone finds.
std::vector<Lexicon::Match> cue_matches(std::string_view text, CueSet set);

void emit(const Doc& doc, uint32_t start, uint32_t end, const char* label, std::string_view value, double conf,
          std::string attrs = {}) {
  Mention m;
  m.start = start;
  m.end = end;
  m.label = label;
  m.value = std::string(value);
  m.confidence = conf;
  m.attrs_json = std::move(attrs);
  doc.add(std::move(m));
}

// ================================================================================================ weapons
enum Weapon {
  kFirearms, kExplosive, kIed, kLandmine, kGrenade, kCarBomb, kSuicideBomb, kAirStrike, kDrone, kBarrelBomb,
  kShelling, kMissile, kCluster, kIncendiary, kChemical, kHeavy, kBladed, kArson, kBlunt
};
static_assert(ik::vocab::kWeapons.size() == kBlunt + 1);

constexpr unsigned kImplied = 1;     // the phrase implies the weapon without naming it (raid -> firearms)
constexpr unsigned kAlsoCar = 2;     // suicide car bomb: also a car bomb
constexpr unsigned kNotAfterAnti = 4;  // "anti-aircraft" is not an air strike
constexpr unsigned kAlsoAir = 8;       // a barrel bomb is dropped from the air: also an air strike

const std::vector<Cue>& weapon_cues() {
  static const std::vector<Cue> cues = {
      // firearms
      {"shot", kFirearms, 0.85f}, {"shot dead", kFirearms, 0.95f}, {"shot and killed", kFirearms, 0.95f},
      {"shoot", kFirearms, 0.7f}, {"shooting", kFirearms, 0.85f}, {"shootings", kFirearms, 0.85f},
      {"shootout", kFirearms, 0.9f}, {"shoot-out", kFirearms, 0.9f}, {"gunfire", kFirearms, 0.95f},
      {"gunshot", kFirearms, 0.95f}, {"gunshots", kFirearms, 0.95f}, {"gunshot wounds", kFirearms, 0.95f},
      {"gunmen", kFirearms, 0.9f}, {"gunman", kFirearms, 0.9f}, {"gunned down", kFirearms, 0.95f},
      {"opened fire", kFirearms, 0.9f}, {"open fire", kFirearms, 0.85f}, {"opening fire", kFirearms, 0.9f},
      {"machinegun", kFirearms, 0.95f}, {"machine gun", kFirearms, 0.95f}, {"machine-gun", kFirearms, 0.95f},
      {"machineguns", kFirearms, 0.95f}, {"machine guns", kFirearms, 0.95f}, {"rifle", kFirearms, 0.9f},
      {"rifles", kFirearms, 0.9f}, {"ak-47", kFirearms, 0.95f}, {"ak47", kFirearms, 0.95f},
      {"kalashnikov", kFirearms, 0.95f}, {"kalashnikovs", kFirearms, 0.95f}, {"pistol", kFirearms, 0.9f},
      {"pistols", kFirearms, 0.9f}, {"gun", kFirearms, 0.8f}, {"guns", kFirearms, 0.8f},
      {"gun attack", kFirearms, 0.95f}, {"gunpoint", kFirearms, 0.85f}, {"sniper", kFirearms, 0.9f},
      {"snipers", kFirearms, 0.9f}, {"sniper fire", kFirearms, 0.95f}, {"live ammunition", kFirearms, 0.95f},
      {"live bullets", kFirearms, 0.95f}, {"live fire", kFirearms, 0.9f}, {"bullet", kFirearms, 0.85f},
      {"bullets", kFirearms, 0.85f}, {"drive-by", kFirearms, 0.9f}, {"fired shots", kFirearms, 0.9f},
      {"shots", kFirearms, 0.75f}, {"small arms", kFirearms, 0.9f}, {"small-arms", kFirearms, 0.9f},
      {"firearm", kFirearms, 0.95f}, {"firearms", kFirearms, 0.95f}, {"gunfight", kFirearms, 0.95f},
      {"gun battle", kFirearms, 0.95f}, {"firefight", kFirearms, 0.9f}, {"exchange of fire", kFirearms, 0.8f},
      {"exchanged fire", kFirearms, 0.8f}, {"armed men", kFirearms, 0.6f}, {"armed assailants", kFirearms, 0.6f},
      {"armed individuals", kFirearms, 0.6f}, {"armed individual", kFirearms, 0.6f},
      {"heavy machine guns", kFirearms, 0.9f},
      // implied firearms: armed raids and ambushes are, unless the text says otherwise, gun attacks
      {"ambush", kFirearms, 0.35f, kImplied}, {"ambushed", kFirearms, 0.35f, kImplied},
      {"raid", kFirearms, 0.3f, kImplied}, {"raided", kFirearms, 0.3f, kImplied},
      {"stormed", kFirearms, 0.3f, kImplied}, {"gunmen stormed", kFirearms, 0.9f},
      {"militants", kFirearms, 0.25f, kImplied}, {"insurgents", kFirearms, 0.25f, kImplied},
      {"bandits", kFirearms, 0.3f, kImplied}, {"jihadists", kFirearms, 0.25f, kImplied},
      {"assailants", kFirearms, 0.3f, kImplied}, {"attackers", kFirearms, 0.25f, kImplied},
      {"executed", kFirearms, 0.3f, kImplied}, {"assassinated", kFirearms, 0.3f, kImplied},
      {"clashes", kFirearms, 0.3f, kImplied}, {"clashed", kFirearms, 0.3f, kImplied},
      {"clash", kFirearms, 0.25f, kImplied}, {"fighting", kFirearms, 0.25f, kImplied},
      {"killed", kFirearms, 0.2f, kImplied}, {"attack", kFirearms, 0.2f, kImplied},
      {"attacks", kFirearms, 0.2f, kImplied}, {"attacked", kFirearms, 0.2f, kImplied},
      {"murdered", kFirearms, 0.25f, kImplied}, {"massacre", kFirearms, 0.25f, kImplied},
      {"massacred", kFirearms, 0.25f, kImplied},
      {"killed in an accident", kNone, 0}, {"killed in a road accident", kNone, 0},
      {"killed in a car accident", kNone, 0}, {"heart attack", kNone, 0}, {"panic attack", kNone, 0},
      {"cyber attack", kNone, 0}, {"cyberattack", kNone, 0}, {"committed suicide", kNone, 0},
      {"suicide note", kNone, 0}, {"suicide rate", kNone, 0}, {"suicide", kSuicideBomb, 0.6f},
      {"blowing himself up", kSuicideBomb, 0.98f}, {"blowing herself up", kSuicideBomb, 0.98f},
      {"blowing themselves up", kSuicideBomb, 0.98f}, {"bomber", kExplosive, 0.6f},
      // less-lethal means: absorbed, not firearms
      {"rubber bullets", kNone, 0}, {"rubber-coated bullets", kNone, 0}, {"rubber coated bullets", kNone, 0},
      {"rubber-coated metal bullets", kNone, 0}, {"plastic bullets", kNone, 0}, {"pellet guns", kNone, 0},
      {"water cannon", kNone, 0}, {"tear gas", kNone, 0}, {"teargas", kNone, 0}, {"tear-gas", kNone, 0},
      {"stun grenade", kNone, 0}, {"stun grenades", kNone, 0}, {"sound bombs", kNone, 0},
      {"sound bomb", kNone, 0}, {"smoke bomb", kNone, 0}, {"smoke bombs", kNone, 0}, {"flash-bang", kNone, 0},
      {"screenshot", kNone, 0}, {"shot put", kNone, 0}, {"mug shot", kNone, 0}, {"booster shot", kNone, 0},
      {"flu shot", kNone, 0}, {"top gun", kNone, 0}, {"gun control", kNone, 0}, {"gun laws", kNone, 0},
      {"cease-fire", kNone, 0}, {"cease fire", kNone, 0}, {"ceasefire", kNone, 0},
      // explosives
      {"explosion", kExplosive, 0.8f}, {"explosions", kExplosive, 0.8f}, {"blast", kExplosive, 0.75f},
      {"blasts", kExplosive, 0.75f}, {"bomb", kExplosive, 0.8f}, {"bombs", kExplosive, 0.8f},
      {"bomb attack", kExplosive, 0.9f}, {"bombing", kExplosive, 0.75f}, {"bombings", kExplosive, 0.75f},
      {"exploded", kExplosive, 0.75f}, {"explosive", kExplosive, 0.85f}, {"explosives", kExplosive, 0.85f},
      {"explosive device", kExplosive, 0.9f}, {"explosive devices", kExplosive, 0.9f},
      {"detonated", kExplosive, 0.7f}, {"detonation", kExplosive, 0.7f}, {"dynamite", kExplosive, 0.9f},
      {"blew up", kExplosive, 0.75f}, {"unexploded ordnance", kExplosive, 0.8f}, {"uxo", kExplosive, 0.8f},
      {"explosive remnants of war", kExplosive, 0.8f}, {"bomb threat", kNone, 0}, {"bomb threats", kNone, 0},
      {"bomb scare", kNone, 0}, {"bomb shelter", kNone, 0}, {"bomb shelters", kNone, 0}, {"bomb squad", kNone, 0},
      {"bomb disposal", kNone, 0}, {"bomb hoax", kNone, 0},
      // improvised devices
      {"ied", kIed, 0.95f}, {"ieds", kIed, 0.95f}, {"i.e.d.", kIed, 0.95f}, {"roadside bomb", kIed, 0.95f},
      {"roadside bombs", kIed, 0.95f}, {"improvised explosive device", kIed, 0.95f},
      {"improvised explosive devices", kIed, 0.95f}, {"improvised explosive", kIed, 0.95f},
      {"planted bomb", kIed, 0.9f}, {"sticky bomb", kIed, 0.95f}, {"sticky bombs", kIed, 0.95f},
      {"magnetic bomb", kIed, 0.95f}, {"remote-controlled bomb", kIed, 0.95f}, {"parcel bomb", kIed, 0.9f},
      {"roadside explosive", kIed, 0.9f}, {"pipe bomb", kIed, 0.9f}, {"homemade bomb", kIed, 0.9f},
      {"home-made bomb", kIed, 0.9f}, {"booby trap", kIed, 0.85f}, {"booby-trapped", kIed, 0.85f},
      // mines
      {"landmine", kLandmine, 0.95f}, {"landmines", kLandmine, 0.95f}, {"land mine", kLandmine, 0.95f},
      {"land mines", kLandmine, 0.95f}, {"land-mine", kLandmine, 0.95f}, {"hit a mine", kLandmine, 0.95f},
      {"struck a mine", kLandmine, 0.95f}, {"stepped on a mine", kLandmine, 0.95f},
      {"ran over a mine", kLandmine, 0.95f}, {"mine explosion", kLandmine, 0.95f},
      {"mine blast", kLandmine, 0.95f}, {"anti-personnel mine", kLandmine, 0.95f},
      {"anti-personnel mines", kLandmine, 0.95f}, {"anti-tank mine", kLandmine, 0.95f},
      {"anti-tank mines", kLandmine, 0.95f}, {"antipersonnel mine", kLandmine, 0.95f},
      {"antitank mine", kLandmine, 0.95f}, {"mine exploded", kLandmine, 0.95f}, {"mines", kLandmine, 0.5f},
      // grenades
      {"grenade", kGrenade, 0.95f}, {"grenades", kGrenade, 0.95f}, {"hand grenade", kGrenade, 0.95f},
      {"hand grenades", kGrenade, 0.95f}, {"rocket-propelled grenade", kGrenade, 0.9f},
      {"rocket-propelled grenades", kGrenade, 0.9f}, {"rpg", kGrenade, 0.85f}, {"rpgs", kGrenade, 0.85f},
      // car bombs
      {"car bomb", kCarBomb, 0.95f}, {"car bombs", kCarBomb, 0.95f}, {"car-bomb", kCarBomb, 0.95f},
      {"car bombing", kCarBomb, 0.95f}, {"vbied", kCarBomb, 0.95f}, {"vbieds", kCarBomb, 0.95f},
      {"vehicle-borne", kCarBomb, 0.95f}, {"booby-trapped car", kCarBomb, 0.95f},
      {"booby-trapped vehicle", kCarBomb, 0.95f}, {"truck bomb", kCarBomb, 0.95f},
      {"bomb-laden car", kCarBomb, 0.95f}, {"bomb-laden vehicle", kCarBomb, 0.95f},
      {"bomb-laden truck", kCarBomb, 0.95f}, {"explosives-laden car", kCarBomb, 0.95f},
      {"explosives-laden vehicle", kCarBomb, 0.95f}, {"explosives-laden truck", kCarBomb, 0.95f},
      {"car packed with explosives", kCarBomb, 0.95f}, {"motorcycle bomb", kCarBomb, 0.9f},
      // (any vehicle packed with, laden with or rigged with explosives)
      {"truck packed with explosives", kCarBomb, 0.95f}, {"tanker packed with explosives", kCarBomb, 0.95f},
      {"vehicle packed with explosives", kCarBomb, 0.95f}, {"van packed with explosives", kCarBomb, 0.95f},
      {"car laden with explosives", kCarBomb, 0.95f}, {"truck laden with explosives", kCarBomb, 0.95f},
      {"vehicle laden with explosives", kCarBomb, 0.95f}, {"tanker laden with explosives", kCarBomb, 0.95f},
      {"car rigged with explosives", kCarBomb, 0.95f}, {"vehicle rigged with explosives", kCarBomb, 0.95f},
      {"motorcycle rigged with explosives", kCarBomb, 0.9f}, {"tanker bomb", kCarBomb, 0.95f},
      {"fuel tanker bomb", kCarBomb, 0.95f}, {"booby-trapped truck", kCarBomb, 0.95f},
      // suicide attacks
      {"suicide bomber", kSuicideBomb, 0.98f}, {"suicide bombers", kSuicideBomb, 0.98f},
      {"suicide bombing", kSuicideBomb, 0.98f}, {"suicide bombings", kSuicideBomb, 0.98f},
      {"suicide attack", kSuicideBomb, 0.95f}, {"suicide attacks", kSuicideBomb, 0.95f},
      {"suicide attacker", kSuicideBomb, 0.95f}, {"suicide attackers", kSuicideBomb, 0.95f},
      {"suicide blast", kSuicideBomb, 0.98f}, {"suicide bomb", kSuicideBomb, 0.98f},
      {"suicide bombs", kSuicideBomb, 0.98f}, {"suicide vest", kSuicideBomb, 0.98f},
      {"suicide vests", kSuicideBomb, 0.98f}, {"suicide belt", kSuicideBomb, 0.98f},
      {"explosive vest", kSuicideBomb, 0.95f}, {"explosive belt", kSuicideBomb, 0.95f},
      {"blew himself up", kSuicideBomb, 0.98f}, {"blew herself up", kSuicideBomb, 0.98f},
      {"blew themselves up", kSuicideBomb, 0.98f}, {"detonated himself", kSuicideBomb, 0.98f},
      {"detonated herself", kSuicideBomb, 0.98f}, {"suicide car bomb", kSuicideBomb, 0.98f, kAlsoCar},
      {"suicide car bomber", kSuicideBomb, 0.98f, kAlsoCar}, {"suicide car bombing", kSuicideBomb, 0.98f, kAlsoCar},
      {"suicide truck bomb", kSuicideBomb, 0.98f, kAlsoCar}, {"suicide vbied", kSuicideBomb, 0.98f, kAlsoCar},
      {"suicide car-bomb", kSuicideBomb, 0.98f, kAlsoCar},
      // from the air
      {"airstrike", kAirStrike, 0.95f}, {"airstrikes", kAirStrike, 0.95f}, {"air strike", kAirStrike, 0.95f},
      {"air strikes", kAirStrike, 0.95f}, {"air-strike", kAirStrike, 0.95f}, {"air-strikes", kAirStrike, 0.95f},
      // Bare heads, naming nothing alone, that a coordinated modifier completes: "air and ground strikes".
      {"strikes", kNone, 0}, {"raids", kNone, 0},
      {"air raid", kAirStrike, 0.95f}, {"air raids", kAirStrike, 0.95f}, {"air-raid", kAirStrike, 0.95f},
      {"air-raids", kAirStrike, 0.95f}, {"airraid", kAirStrike, 0.95f}, {"air attack", kAirStrike, 0.9f},
      {"air attacks", kAirStrike, 0.9f}, {"aerial attack", kAirStrike, 0.9f}, {"aerial attacks", kAirStrike, 0.9f},
      {"aerial bombardment", kAirStrike, 0.95f}, {"aerial bombardments", kAirStrike, 0.95f},
      {"aerial bombing", kAirStrike, 0.95f}, {"aerial bombings", kAirStrike, 0.95f},
      {"air bombardment", kAirStrike, 0.95f}, {"aerial strike", kAirStrike, 0.95f},
      {"aerial strikes", kAirStrike, 0.95f}, {"bombed from the air", kAirStrike, 0.95f},
      {"warplane", kAirStrike, 0.9f}, {"warplanes", kAirStrike, 0.9f}, {"war plane", kAirStrike, 0.9f},
      {"war planes", kAirStrike, 0.9f}, {"war jets", kAirStrike, 0.9f}, {"jet", kAirStrike, 0.7f},
      {"jets", kAirStrike, 0.75f}, {"fighter jet", kAirStrike, 0.9f}, {"fighter jets", kAirStrike, 0.9f},
      {"fighter planes", kAirStrike, 0.9f}, {"military aircraft", kAirStrike, 0.85f},
      {"aircraft", kAirStrike, 0.6f, kNotAfterAnti}, {"bombers", kExplosive, 0.6f},
      {"bomber jets", kAirStrike, 0.9f}, {"bomber aircraft", kAirStrike, 0.9f},
      {"planes", kAirStrike, 0.7f}, {"plane", kAirStrike, 0.6f}, {"bunker-busters", kAirStrike, 0.8f},
      {"bunker-buster", kAirStrike, 0.8f}, {"bunker buster", kAirStrike, 0.8f}, {"bunker busters", kAirStrike, 0.8f},
      {"helicopter gunship", kAirStrike, 0.9f}, {"helicopter gunships", kAirStrike, 0.9f},
      {"helicopters", kAirStrike, 0.6f}, {"helicopter", kAirStrike, 0.55f}, {"sukhoi", kAirStrike, 0.9f},
      {"air force", kAirStrike, 0.6f}, {"airforce", kAirStrike, 0.6f}, {"air-dropped", kAirStrike, 0.8f},
      {"air-delivered", kAirStrike, 0.8f},
      {"dropped bombs", kAirStrike, 0.85f}, {"jet fuel", kNone, 0}, {"private jet", kNone, 0},
      {"air force intelligence", kNone, 0},
      {"jet lag", kNone, 0}, {"jet ski", kNone, 0},
      // drones
      {"drone", kDrone, 0.95f}, {"drones", kDrone, 0.95f}, {"drone strike", kDrone, 0.98f},
      {"drone strikes", kDrone, 0.98f}, {"drone attack", kDrone, 0.98f}, {"drone attacks", kDrone, 0.98f},
      {"uav", kDrone, 0.95f}, {"uavs", kDrone, 0.95f}, {"unmanned aerial vehicle", kDrone, 0.95f},
      {"unmanned aerial vehicles", kDrone, 0.95f}, {"loitering munition", kDrone, 0.95f},
      // a drone that explodes on its target is a drone, not a suicide bomber
      {"suicide drone", kDrone, 0.98f}, {"suicide drones", kDrone, 0.98f}, {"kamikaze drone", kDrone, 0.98f},
      {"kamikaze drones", kDrone, 0.98f},
      {"loitering munitions", kDrone, 0.95f}, {"shahed", kDrone, 0.9f}, {"quadcopter", kDrone, 0.9f},
      {"quadcopters", kDrone, 0.9f},
      // barrel bombs
      {"barrel bomb", kBarrelBomb, 0.98f, kAlsoAir}, {"barrel bombs", kBarrelBomb, 0.98f, kAlsoAir},
      {"barrel-bomb", kBarrelBomb, 0.98f, kAlsoAir}, {"barrel-bombs", kBarrelBomb, 0.98f, kAlsoAir},
      {"barrel bombing", kBarrelBomb, 0.98f, kAlsoAir}, {"explosive barrels", kBarrelBomb, 0.95f, kAlsoAir},
      {"barrel bombed", kBarrelBomb, 0.98f, kAlsoAir},
      // shelling and artillery
      {"shelled", kShelling, 0.95f}, {"shelling", kShelling, 0.95f}, {"shellings", kShelling, 0.95f},
      {"shells", kShelling, 0.85f}, {"shell", kShelling, 0.7f}, {"artillery", kShelling, 0.95f},
      {"artillery fire", kShelling, 0.95f}, {"mortar", kShelling, 0.95f}, {"mortars", kShelling, 0.95f},
      {"mortar fire", kShelling, 0.95f}, {"mortar shells", kShelling, 0.95f}, {"mortar rounds", kShelling, 0.95f},
      {"rocket", kShelling, 0.85f}, {"rockets", kShelling, 0.85f}, {"rocket fire", kShelling, 0.9f},
      {"rocket attack", kShelling, 0.9f}, {"rocket attacks", kShelling, 0.9f}, {"grad rockets", kShelling, 0.95f},
      {"rocket launchers", kShelling, 0.9f}, {"multiple rocket launchers", kShelling, 0.95f},
      {"mlrs", kShelling, 0.95f}, {"howitzer", kShelling, 0.95f}, {"howitzers", kShelling, 0.95f},
      {"tank fire", kShelling, 0.9f}, {"tank shells", kShelling, 0.95f}, {"tank shell", kShelling, 0.95f},
      {"bombarded", kShelling, 0.8f}, {"bombardment", kShelling, 0.8f}, {"bombardments", kShelling, 0.8f},
      {"projectiles", kShelling, 0.7f}, {"projectile", kShelling, 0.7f}, {"shelled artillery", kShelling, 0.95f},
      {"shell company", kNone, 0}, {"shell companies", kNone, 0}, {"rocket scientist", kNone, 0},
      // missiles
      {"missile", kMissile, 0.95f}, {"missiles", kMissile, 0.95f}, {"ballistic missile", kMissile, 0.98f},
      {"ballistic missiles", kMissile, 0.98f}, {"cruise missile", kMissile, 0.98f},
      {"cruise missiles", kMissile, 0.98f}, {"guided missile", kMissile, 0.98f},
      {"guided missiles", kMissile, 0.98f}, {"anti-tank missile", kMissile, 0.95f},
      {"anti-tank missiles", kMissile, 0.95f}, {"atgm", kMissile, 0.95f}, {"atgms", kMissile, 0.95f},
      {"iskander", kMissile, 0.95f}, {"tochka", kMissile, 0.95f}, {"kalibr", kMissile, 0.95f},
      {"missile defense", kNone, 0}, {"missile defence", kNone, 0},
      // cluster munitions
      {"cluster munition", kCluster, 0.98f}, {"cluster munitions", kCluster, 0.98f},
      {"cluster bomb", kCluster, 0.98f}, {"cluster bombs", kCluster, 0.98f}, {"cluster bomblets", kCluster, 0.98f},
      {"cluster rockets", kCluster, 0.98f}, {"cluster rocket", kCluster, 0.98f}, {"submunitions", kCluster, 0.95f},
      {"sub-munitions", kCluster, 0.95f}, {"bomblets", kCluster, 0.9f}, {"cluster ammunition", kCluster, 0.98f},
      {"cluster shells", kCluster, 0.98f},
      // incendiary
      {"incendiary", kIncendiary, 0.95f}, {"white phosphorus", kIncendiary, 0.98f}, {"napalm", kIncendiary, 0.98f},
      {"thermite", kIncendiary, 0.95f}, {"molotov cocktail", kIncendiary, 0.95f},
      {"molotov cocktails", kIncendiary, 0.95f}, {"petrol bomb", kIncendiary, 0.95f},
      {"petrol bombs", kIncendiary, 0.95f}, {"firebomb", kIncendiary, 0.95f}, {"firebombs", kIncendiary, 0.95f},
      {"fire bomb", kIncendiary, 0.95f}, {"fire bombs", kIncendiary, 0.95f}, {"firebombed", kIncendiary, 0.95f},
      {"incendiary bombs", kIncendiary, 0.98f}, {"incendiary munitions", kIncendiary, 0.98f},
      // chemical
      {"chemical weapon", kChemical, 0.98f}, {"chemical weapons", kChemical, 0.98f},
      {"chemical attack", kChemical, 0.98f}, {"chemical attacks", kChemical, 0.98f}, {"sarin", kChemical, 0.98f},
      {"chlorine", kChemical, 0.9f}, {"chlorine gas", kChemical, 0.98f}, {"toxic gas", kChemical, 0.95f},
      {"poison gas", kChemical, 0.98f}, {"poisonous gas", kChemical, 0.95f}, {"nerve agent", kChemical, 0.98f},
      {"nerve gas", kChemical, 0.98f}, {"mustard gas", kChemical, 0.98f}, {"chemical agent", kChemical, 0.95f},
      {"chemical agents", kChemical, 0.95f}, {"gas attack", kChemical, 0.9f}, {"chemical munitions", kChemical, 0.98f},
      // heavy weapons
      {"heavy weapons", kHeavy, 0.9f}, {"heavy weaponry", kHeavy, 0.9f}, {"tanks", kHeavy, 0.6f},
      {"tank", kHeavy, 0.5f}, {"anti-aircraft", kHeavy, 0.85f}, {"anti-aircraft fire", kHeavy, 0.9f},
      {"anti-aircraft guns", kHeavy, 0.9f}, {"armoured vehicles", kHeavy, 0.7f}, {"armored vehicles", kHeavy, 0.7f},
      {"heavy artillery", kShelling, 0.95f}, {"water tank", kNone, 0}, {"water tanks", kNone, 0},
      {"fuel tank", kNone, 0}, {"think tank", kNone, 0}, {"think tanks", kNone, 0}, {"septic tank", kNone, 0},
      {"gas tank", kNone, 0}, {"storage tank", kNone, 0}, {"storage tanks", kNone, 0}, {"fuel tanks", kNone, 0},
      {"oil tank", kNone, 0}, {"oil tanks", kNone, 0}, {"elevated tank", kNone, 0},
      // blades
      {"stabbed", kBladed, 0.95f}, {"stabbing", kBladed, 0.95f}, {"stabbings", kBladed, 0.95f},
      {"stab wounds", kBladed, 0.95f}, {"stabbed to death", kBladed, 0.98f}, {"knife", kBladed, 0.85f},
      {"knives", kBladed, 0.85f}, {"knifed", kBladed, 0.9f}, {"machete", kBladed, 0.95f},
      {"machetes", kBladed, 0.95f}, {"hacked", kBladed, 0.8f}, {"hacked to death", kBladed, 0.98f},
      {"axe", kBladed, 0.85f}, {"axes", kBladed, 0.85f}, {"beheaded", kBladed, 0.9f}, {"beheading", kBladed, 0.9f},
      {"decapitated", kBladed, 0.9f}, {"slit", kBladed, 0.6f}, {"sword", kBladed, 0.85f}, {"swords", kBladed, 0.85f},
      {"dagger", kBladed, 0.85f}, {"daggers", kBladed, 0.85f}, {"cutlass", kBladed, 0.9f},
      {"cutlasses", kBladed, 0.9f}, {"bladed weapons", kBladed, 0.95f}, {"sharp objects", kBladed, 0.85f},
      {"throats", kBladed, 0.5f}, {"hacked into", kNone, 0},
      // arson
      {"set fire", kArson, 0.9f}, {"set fire to", kArson, 0.95f}, {"set on fire", kArson, 0.95f},
      {"setting fire", kArson, 0.9f}, {"sets fire", kArson, 0.9f}, {"set ablaze", kArson, 0.95f},
      {"set alight", kArson, 0.95f}, {"torched", kArson, 0.95f}, {"torching", kArson, 0.95f},
      {"burned down", kArson, 0.9f}, {"burnt down", kArson, 0.9f}, {"burned alive", kArson, 0.95f},
      {"burnt alive", kArson, 0.95f}, {"burned to death", kArson, 0.95f}, {"burnt to death", kArson, 0.95f},
      {"arson", kArson, 0.95f}, {"arsonists", kArson, 0.95f}, {"burned", kArson, 0.55f}, {"burnt", kArson, 0.55f},
      {"burning", kArson, 0.5f}, {"razed", kArson, 0.6f}, {"torch", kArson, 0.5f},
      // blunt force
      {"beaten", kBlunt, 0.85f}, {"beat", kBlunt, 0.7f}, {"beating", kBlunt, 0.8f}, {"beatings", kBlunt, 0.85f},
      {"beaten to death", kBlunt, 0.98f}, {"beat to death", kBlunt, 0.98f}, {"clubbed", kBlunt, 0.95f},
      {"clubbed to death", kBlunt, 0.98f}, {"clubs", kBlunt, 0.75f}, {"sticks", kBlunt, 0.8f},
      {"stones", kBlunt, 0.8f}, {"stoned", kBlunt, 0.85f}, {"stoning", kBlunt, 0.9f}, {"rocks", kBlunt, 0.75f},
      {"threw stones", kBlunt, 0.9f}, {"threw rocks", kBlunt, 0.9f}, {"hurled stones", kBlunt, 0.9f},
      {"hurled rocks", kBlunt, 0.9f}, {"pelted", kBlunt, 0.85f}, {"iron bars", kBlunt, 0.9f},
      {"iron rods", kBlunt, 0.9f}, {"batons", kBlunt, 0.8f}, {"hammer", kBlunt, 0.8f}, {"hammers", kBlunt, 0.8f},
      {"lynched", kBlunt, 0.8f}, {"lynching", kBlunt, 0.8f}, {"bludgeoned", kBlunt, 0.95f},
      {"beat up", kBlunt, 0.9f}, {"clubbing", kBlunt, 0.9f}, {"tortured", kBlunt, 0.5f},
      {"beat the odds", kNone, 0}, {"drum beat", kNone, 0}, {"rocks the", kNone, 0},
  };
  return cues;
}

struct Weapons {
  static constexpr const char *name = "weapons", *version = "v1", *requires_labels = "sentence",
                              *assigns = "weapon", *default_config = "{}";
  explicit Weapons(const Config&) { cue_matches({}, kWeaponCues); }  // builds the lexicon now, not on the first document

  void process(Doc& doc) const {
    const std::string_view text = doc.text();
    const auto& cues = weapon_cues();
    const auto matches = cue_matches(text, kWeaponCues);
    if (matches.empty()) return;
    // Implied weapons (an ambush, a raid, a killing: most often by gunfire) only stand in for a sentence
    // that names no weapon.
    const auto sents = sentence_ranges(doc);
    std::vector<uint32_t> named_in;  // start of each sentence that names a weapon
    for (const auto& m : matches)
      if (cues[m.id].value != kNone && !(cues[m.id].flags & kImplied))
        named_in.push_back(sentence_of(sents, m.start, uint32_t(text.size())).start);
    for (const auto& m : matches) {
      const Cue& c = cues[m.id];
      if (c.value == kNone) continue;
      if ((c.flags & kImplied) && std::find(named_in.begin(), named_in.end(),
                                            sentence_of(sents, m.start, uint32_t(text.size())).start) != named_in.end())
        continue;
      // "anti-aircraft": the aircraft is the target of the gun, not the weapon.
      if ((c.flags & kNotAfterAnti) && m.start >= 5 && ik::text::lower(text.substr(m.start - 5, 5)) == "anti-")
        continue;
      const std::string attrs = (c.flags & kImplied) ? R"({"implied":true})" : "";
      emit(doc, m.start, m.end, "weapon", ik::vocab::kWeapons[c.value], c.confidence, attrs);
      if (c.flags & kAlsoCar) emit(doc, m.start, m.end, "weapon", ik::vocab::kWeapons[kCarBomb], c.confidence);
      if (c.flags & kAlsoAir) emit(doc, m.start, m.end, "weapon", ik::vocab::kWeapons[kAirStrike], c.confidence);
    }
  }
};

// ================================================================================================ targets
enum Target {
  kHospital, kSchool, kMarket, kResidential, kWorship, kCamp, kBakery, kCivilDefense, kGovernment, kMilitary,
  kInfrastructure, kVehicle
};
static_assert(ik::vocab::kTargets.size() == kVehicle + 1);

constexpr unsigned kWeak = 1;  // a generic noun ("building", "camp", "vehicle"): needs a hit cue very close by
constexpr unsigned kAlsoVehicle = 2;  // an ambulance is a medical target and a vehicle

// Hit cues (anything saying a place was struck, damaged or attacked) share the lexicon with the target
// nouns; their ids start at kHitBase.
constexpr int kHitBase = 1000;

const std::vector<Cue>& target_cues() {
  static const std::vector<Cue> cues = {
      {"hospital", kHospital, 0.9f}, {"hospitals", kHospital, 0.9f}, {"clinic", kHospital, 0.9f},
      {"clinics", kHospital, 0.9f}, {"medical point", kHospital, 0.95f}, {"medical points", kHospital, 0.95f},
      {"medical centre", kHospital, 0.95f}, {"medical center", kHospital, 0.95f},
      {"medical centres", kHospital, 0.95f}, {"medical centers", kHospital, 0.95f},
      {"medical facility", kHospital, 0.95f}, {"medical facilities", kHospital, 0.95f},
      {"health facility", kHospital, 0.95f}, {"health facilities", kHospital, 0.95f},
      {"health centre", kHospital, 0.95f}, {"health center", kHospital, 0.95f},
      {"health centres", kHospital, 0.95f}, {"health centers", kHospital, 0.95f},
      {"healthcare facilities", kHospital, 0.95f}, {"health care facilities", kHospital, 0.95f},
      {"field hospital", kHospital, 0.95f}, {"dispensary", kHospital, 0.9f}, {"maternity", kHospital, 0.8f},
      {"health post", kHospital, 0.9f}, {"surgical point", kHospital, 0.95f}, {"surgical points", kHospital, 0.95f},
      {"trauma point", kHospital, 0.95f}, {"trauma points", kHospital, 0.95f}, {"surgical facility", kHospital, 0.95f},
      {"surgical centre", kHospital, 0.95f}, {"surgical center", kHospital, 0.95f}, {"emergency room", kHospital, 0.8f},
      {"operating theatre", kHospital, 0.8f}, {"operating theater", kHospital, 0.8f}, {"operating room", kHospital, 0.8f},
      {"ambulance", kHospital, 0.6f, kAlsoVehicle}, {"ambulances", kHospital, 0.6f, kAlsoVehicle},
      {"medical staff", kHospital, 0.5f, kWeak}, {"medics", kHospital, 0.5f, kWeak},
      // hospital as the place casualties were taken to, or where sources spoke: not a target
      {"taken to hospital", kNone, 0}, {"taken to a hospital", kNone, 0}, {"taken to the hospital", kNone, 0},
      {"rushed to hospital", kNone, 0}, {"rushed to a hospital", kNone, 0}, {"rushed to the hospital", kNone, 0},
      {"admitted to hospital", kNone, 0}, {"admitted to a hospital", kNone, 0},
      {"admitted to the hospital", kNone, 0}, {"transferred to hospital", kNone, 0},
      {"transferred to a hospital", kNone, 0}, {"transferred to the hospital", kNone, 0},
      {"transported to hospital", kNone, 0}, {"transported to a hospital", kNone, 0},
      {"transported to the hospital", kNone, 0}, {"evacuated to hospital", kNone, 0},
      {"brought to hospital", kNone, 0}, {"brought to the hospital", kNone, 0}, {"moved to hospital", kNone, 0},
      {"died in hospital", kNone, 0}, {"died in the hospital", kNone, 0}, {"died at the hospital", kNone, 0},
      {"died at a hospital", kNone, 0}, {"in hospital", kNone, 0}, {"receiving treatment in hospital", kNone, 0},
      {"hospital source", kNone, 0}, {"hospital sources", kNone, 0}, {"hospital official", kNone, 0},
      {"hospital officials", kNone, 0}, {"hospital director", kNone, 0}, {"hospital staff said", kNone, 0},
      {"hospital records", kNone, 0}, {"treated at", kNone, 0}, {"taken to the clinic", kNone, 0},
      {"taken to a clinic", kNone, 0}, {"taken to clinic", kNone, 0},
      // schools
      {"school", kSchool, 0.9f}, {"schools", kSchool, 0.9f}, {"kindergarten", kSchool, 0.95f},
      {"university", kSchool, 0.7f}, {"college", kSchool, 0.7f}, {"classroom", kSchool, 0.9f},
      {"classrooms", kSchool, 0.9f}, {"madrassa", kSchool, 0.9f}, {"madrasa", kSchool, 0.9f},
      {"educational facility", kSchool, 0.95f}, {"educational facilities", kSchool, 0.95f},
      {"schoolyard", kSchool, 0.9f}, {"school yard", kSchool, 0.9f}, {"school playground", kSchool, 0.9f},
      {"school year", kNone, 0}, {"high school student", kNone, 0}, {"school teacher", kNone, 0},
      {"school of thought", kNone, 0},
      // markets
      {"market", kMarket, 0.9f}, {"markets", kMarket, 0.9f}, {"marketplace", kMarket, 0.95f},
      {"market place", kMarket, 0.95f}, {"bazaar", kMarket, 0.95f}, {"souk", kMarket, 0.95f},
      {"popular market", kMarket, 0.95f}, {"vegetable market", kMarket, 0.95f}, {"shopping centre", kMarket, 0.9f},
      {"shopping center", kMarket, 0.9f}, {"shopping mall", kMarket, 0.9f}, {"shops", kMarket, 0.6f},
      // a market's sections and stalls ("two barrel bombs fell on the vegetable section")
      {"vegetable section", kMarket, 0.85f}, {"fruit section", kMarket, 0.85f}, {"meat section", kMarket, 0.85f},
      {"clothing section", kMarket, 0.85f}, {"spice section", kMarket, 0.85f}, {"fish section", kMarket, 0.85f},
      {"market stalls", kMarket, 0.95f}, {"commercial street", kMarket, 0.9f},
      {"commercial streets", kMarket, 0.9f}, {"commercial area", kMarket, 0.85f}, {"commercial district", kMarket, 0.85f},
      {"shopping street", kMarket, 0.9f}, {"shopping area", kMarket, 0.85f}, {"vegetable stalls", kMarket, 0.9f}, {"stalls", kMarket, 0.7f}, {"market square", kMarket, 0.95f},
      {"black market", kNone, 0}, {"stock market", kNone, 0}, {"market price", kNone, 0},
      {"market prices", kNone, 0}, {"labour market", kNone, 0}, {"labor market", kNone, 0},
      {"market share", kNone, 0},
      // homes
      {"house", kResidential, 0.8f}, {"houses", kResidential, 0.85f}, {"home", kResidential, 0.7f},
      {"homes", kResidential, 0.8f}, {"residential", kResidential, 0.85f}, {"residential area", kResidential, 0.95f},
      {"residential areas", kResidential, 0.95f}, {"residential neighbourhood", kResidential, 0.95f},
      {"residential neighborhood", kResidential, 0.95f}, {"residential neighbourhoods", kResidential, 0.95f},
      {"residential neighborhoods", kResidential, 0.95f}, {"residential building", kResidential, 0.95f},
      {"residential buildings", kResidential, 0.95f}, {"apartment", kResidential, 0.85f},
      {"apartments", kResidential, 0.85f}, {"apartment building", kResidential, 0.95f},
      {"building", kResidential, 0.5f, kWeak}, {"buildings", kResidential, 0.55f, kWeak},
      {"neighbourhood", kResidential, 0.5f, kWeak}, {"neighborhood", kResidential, 0.5f, kWeak},
      {"neighbourhoods", kResidential, 0.55f, kWeak}, {"neighborhoods", kResidential, 0.55f, kWeak},
      {"civilian homes", kResidential, 0.95f}, {"dwellings", kResidential, 0.85f}, {"dwelling", kResidential, 0.85f},
      {"populated areas", kResidential, 0.7f}, {"residential rooms", kResidential, 0.9f},
      {"residence", kResidential, 0.75f}, {"tents", kResidential, 0.5f, kWeak},
      {"suburb", kResidential, 0.6f, kWeak}, {"suburbs", kResidential, 0.6f, kWeak},
      {"tower block", kResidential, 0.9f}, {"tower blocks", kResidential, 0.9f}, {"apartment block", kResidential, 0.95f},
      {"apartment blocks", kResidential, 0.95f}, {"block of flats", kResidential, 0.95f},
      {"blocks of flats", kResidential, 0.95f}, {"apartment buildings", kResidential, 0.95f},
      {"flats", kResidential, 0.7f}, {"family home", kResidential, 0.9f},
      {"house of representatives", kNone, 0}, {"white house", kNone, 0}, {"home town", kNone, 0},
      {"hometown", kNone, 0}, {"home to", kNone, 0}, {"home office", kNone, 0}, {"home minister", kNone, 0},
      {"home ministry", kNone, 0}, {"home affairs", kNone, 0}, {"fled their homes", kNone, 0},
      {"flee their homes", kNone, 0}, {"fleeing their homes", kNone, 0}, {"left their homes", kNone, 0},
      {"return to their homes", kNone, 0}, {"returned to their homes", kNone, 0},
      {"returning to their homes", kNone, 0}, {"displaced from their homes", kNone, 0},
      {"forced from their homes", kNone, 0}, {"stay home", kNone, 0}, {"went home", kNone, 0},
      {"on their way home", kNone, 0}, {"on his way home", kNone, 0}, {"on her way home", kNone, 0},
      {"house arrest", kNone, 0}, {"safe house", kNone, 0}, {"parliament building", kGovernment, 0.9f},
      // worship
      {"mosque", kWorship, 0.95f}, {"mosques", kWorship, 0.95f}, {"church", kWorship, 0.95f},
      {"churches", kWorship, 0.95f}, {"temple", kWorship, 0.9f}, {"temples", kWorship, 0.9f},
      {"synagogue", kWorship, 0.95f}, {"shrine", kWorship, 0.9f}, {"shrines", kWorship, 0.9f},
      {"cathedral", kWorship, 0.95f}, {"monastery", kWorship, 0.9f}, {"chapel", kWorship, 0.9f},
      {"place of worship", kWorship, 0.98f}, {"places of worship", kWorship, 0.98f},
      {"house of worship", kWorship, 0.98f}, {"houses of worship", kWorship, 0.98f},
      {"husseiniya", kWorship, 0.95f}, {"imambargah", kWorship, 0.95f}, {"pagoda", kWorship, 0.9f},
      {"monasteries", kWorship, 0.9f},
      // camps
      {"idp camp", kCamp, 0.98f}, {"idp camps", kCamp, 0.98f}, {"refugee camp", kCamp, 0.98f},
      {"refugee camps", kCamp, 0.98f}, {"displacement camp", kCamp, 0.98f}, {"displacement camps", kCamp, 0.98f},
      {"camp for displaced", kCamp, 0.98f}, {"camps for displaced", kCamp, 0.98f},
      {"camp for internally displaced", kCamp, 0.98f}, {"displaced persons camp", kCamp, 0.98f},
      {"displaced people's camp", kCamp, 0.98f}, {"camp", kCamp, 0.6f, kWeak}, {"camps", kCamp, 0.6f, kWeak},
      {"shelter", kCamp, 0.5f, kWeak}, {"shelters", kCamp, 0.5f, kWeak}, {"military camp", kMilitary, 0.9f},
      // where displaced people were living when it was hit ("a school where 60 displaced people lived")
      {"displaced people", kCamp, 0.45f, kWeak}, {"displaced families", kCamp, 0.45f, kWeak},
      {"displaced persons", kCamp, 0.45f, kWeak},
      {"army camp", kMilitary, 0.9f}, {"training camp", kMilitary, 0.9f}, {"military camps", kMilitary, 0.9f},
      // bakeries
      {"bakery", kBakery, 0.98f}, {"bakeries", kBakery, 0.98f}, {"bread line", kBakery, 0.9f},
      {"bread queue", kBakery, 0.9f}, {"bread oven", kBakery, 0.9f},
      // rescuers
      {"white helmets", kCivilDefense, 0.98f}, {"civil defence", kCivilDefense, 0.95f},
      {"civil defense", kCivilDefense, 0.95f}, {"rescue workers", kCivilDefense, 0.85f},
      {"rescuers", kCivilDefense, 0.8f}, {"first responders", kCivilDefense, 0.85f},
      {"civil defence centre", kCivilDefense, 0.98f}, {"civil defense center", kCivilDefense, 0.98f},
      {"civil defence center", kCivilDefense, 0.98f}, {"civil defence centres", kCivilDefense, 0.98f},
      // the Syria Civil Defence's own short name for its stations ("the SCD centre in Maar Shamsheh")
      {"scd centre", kCivilDefense, 0.98f}, {"scd center", kCivilDefense, 0.98f}, {"scd centres", kCivilDefense, 0.98f},
      {"scd team", kCivilDefense, 0.9f}, {"scd teams", kCivilDefense, 0.9f}, {"scd volunteers", kCivilDefense, 0.9f},
      // government
      {"government building", kGovernment, 0.95f}, {"government buildings", kGovernment, 0.95f},
      {"government office", kGovernment, 0.95f}, {"government offices", kGovernment, 0.95f},
      {"ministry", kGovernment, 0.7f}, {"town hall", kGovernment, 0.9f}, {"city hall", kGovernment, 0.9f},
      {"courthouse", kGovernment, 0.9f}, {"governor's office", kGovernment, 0.95f},
      {"municipal building", kGovernment, 0.95f}, {"municipality building", kGovernment, 0.95f},
      // Police posts are the security forces' own (an attack on one is a clash with the state), like checkpoints.
      {"police station", kMilitary, 0.9f}, {"police stations", kMilitary, 0.9f}, {"police post", kMilitary, 0.9f},
      {"police posts", kMilitary, 0.9f}, {"gendarmerie post", kMilitary, 0.9f}, {"gendarmerie station", kMilitary, 0.9f},
      {"district office", kGovernment, 0.85f}, {"administrative building", kGovernment, 0.9f},
      {"polling station", kGovernment, 0.9f}, {"polling stations", kGovernment, 0.9f}, {"parliament", kGovernment, 0.6f},
      {"prison", kGovernment, 0.7f}, {"embassy", kGovernment, 0.85f}, {"consulate", kGovernment, 0.85f},
      {"government headquarters", kGovernment, 0.95f}, {"party office", kGovernment, 0.8f},
      {"party offices", kGovernment, 0.8f}, {"electoral commission", kGovernment, 0.8f},
      // military
      {"military base", kMilitary, 0.95f}, {"military bases", kMilitary, 0.95f}, {"army base", kMilitary, 0.95f},
      {"air base", kMilitary, 0.95f}, {"airbase", kMilitary, 0.95f}, {"military post", kMilitary, 0.95f},
      {"military posts", kMilitary, 0.95f}, {"observation post", kMilitary, 0.95f},
      {"observation posts", kMilitary, 0.95f}, {"checkpoint", kMilitary, 0.9f}, {"checkpoints", kMilitary, 0.9f},
      {"barracks", kMilitary, 0.95f}, {"military position", kMilitary, 0.95f},
      {"military positions", kMilitary, 0.95f}, {"positions", kMilitary, 0.6f, kWeak},
      {"outpost", kMilitary, 0.9f}, {"outposts", kMilitary, 0.9f}, {"military convoy", kMilitary, 0.9f},
      {"military vehicle", kMilitary, 0.9f}, {"military vehicles", kMilitary, 0.9f},
      {"army vehicles", kMilitary, 0.9f}, {"army vehicle", kMilitary, 0.9f}, {"military patrol", kMilitary, 0.9f},
      {"army patrol", kMilitary, 0.9f}, {"police patrol", kMilitary, 0.85f}, {"patrol", kMilitary, 0.6f, kWeak},
      {"troops", kMilitary, 0.5f, kWeak}, {"soldiers", kMilitary, 0.5f, kWeak}, {"military site", kMilitary, 0.9f},
      {"military sites", kMilitary, 0.9f}, {"headquarters", kMilitary, 0.6f, kWeak}, {"base", kMilitary, 0.5f, kWeak},
      {"military headquarters", kMilitary, 0.95f}, {"turkish military posts", kMilitary, 0.95f},
      {"military observation post", kMilitary, 0.95f}, {"military observation posts", kMilitary, 0.95f},
      {"security post", kMilitary, 0.9f}, {"security posts", kMilitary, 0.9f},
      // infrastructure
      {"water station", kInfrastructure, 0.95f}, {"water stations", kInfrastructure, 0.95f},
      {"water pumping station", kInfrastructure, 0.95f}, {"pumping station", kInfrastructure, 0.9f},
      {"power station", kInfrastructure, 0.95f}, {"power stations", kInfrastructure, 0.95f},
      {"power plant", kInfrastructure, 0.95f}, {"power plants", kInfrastructure, 0.95f},
      {"power grid", kInfrastructure, 0.95f}, {"power lines", kInfrastructure, 0.9f},
      {"power line", kInfrastructure, 0.9f}, {"electricity", kInfrastructure, 0.6f},
      {"energy infrastructure", kInfrastructure, 0.98f}, {"infrastructure", kInfrastructure, 0.85f},
      {"critical infrastructure", kInfrastructure, 0.95f}, {"substation", kInfrastructure, 0.95f},
      {"bridge", kInfrastructure, 0.85f}, {"bridges", kInfrastructure, 0.85f}, {"dam", kInfrastructure, 0.8f},
      {"pipeline", kInfrastructure, 0.85f}, {"pipelines", kInfrastructure, 0.85f},
      {"telecommunications tower", kInfrastructure, 0.95f}, {"telecom tower", kInfrastructure, 0.95f},
      {"fuel depot", kInfrastructure, 0.95f}, {"gas station", kInfrastructure, 0.85f},
      {"petrol station", kInfrastructure, 0.85f}, {"airport", kInfrastructure, 0.85f},
      {"railway", kInfrastructure, 0.8f}, {"railway station", kInfrastructure, 0.9f},
      {"train station", kInfrastructure, 0.9f}, {"water tank", kInfrastructure, 0.85f},
      {"water tanks", kInfrastructure, 0.85f}, {"water containers", kInfrastructure, 0.8f},
      {"water lines", kInfrastructure, 0.85f}, {"electricity lines", kInfrastructure, 0.9f},
      {"solar panels", kInfrastructure, 0.8f}, {"oil facility", kInfrastructure, 0.9f},
      {"oil facilities", kInfrastructure, 0.9f}, {"oil field", kInfrastructure, 0.85f},
      {"refinery", kInfrastructure, 0.9f}, {"water well", kInfrastructure, 0.85f}, {"flour mill", kInfrastructure, 0.9f},
      {"flour mills", kInfrastructure, 0.9f}, {"grain store", kInfrastructure, 0.85f}, {"grain silo", kInfrastructure, 0.9f},
      {"grain silos", kInfrastructure, 0.9f}, {"silos", kInfrastructure, 0.8f}, {"mill", kInfrastructure, 0.7f},
      {"water network", kInfrastructure, 0.9f}, {"port", kInfrastructure, 0.6f, kWeak},
      {"water point", kInfrastructure, 0.9f}, {"water points", kInfrastructure, 0.9f},
      {"water distribution point", kInfrastructure, 0.95f}, {"water distribution points", kInfrastructure, 0.95f},
      {"water treatment plant", kInfrastructure, 0.95f}, {"water plant", kInfrastructure, 0.9f},
      {"pumping stations", kInfrastructure, 0.9f}, {"desalination plant", kInfrastructure, 0.95f},
      {"electricity station", kInfrastructure, 0.95f}, {"electricity stations", kInfrastructure, 0.95f},
      {"gas facility", kInfrastructure, 0.95f}, {"gas facilities", kInfrastructure, 0.95f},
      {"gas plant", kInfrastructure, 0.95f}, {"fuel storage", kInfrastructure, 0.9f},
      {"fuel depots", kInfrastructure, 0.95f}, {"storage depot", kInfrastructure, 0.85f},
      {"water wells", kInfrastructure, 0.9f}, {"wells", kInfrastructure, 0.7f}, {"water source", kInfrastructure, 0.85f},
      {"water sources", kInfrastructure, 0.85f}, {"water supply", kInfrastructure, 0.8f},
      // vehicles
      {"car", kVehicle, 0.8f}, {"cars", kVehicle, 0.8f}, {"bus", kVehicle, 0.85f}, {"buses", kVehicle, 0.85f},
      {"minibus", kVehicle, 0.9f}, {"minibuses", kVehicle, 0.9f}, {"vehicle", kVehicle, 0.75f},
      {"vehicles", kVehicle, 0.75f}, {"truck", kVehicle, 0.8f}, {"trucks", kVehicle, 0.8f},
      {"lorry", kVehicle, 0.8f}, {"motorcycle", kVehicle, 0.6f}, {"motorbike", kVehicle, 0.6f},
      {"taxi", kVehicle, 0.8f}, {"van", kVehicle, 0.75f}, {"pickup", kVehicle, 0.75f}, {"convoy", kVehicle, 0.6f},
      {"civilian car", kVehicle, 0.95f}, {"civilian vehicle", kVehicle, 0.95f}, {"civilian vehicles", kVehicle, 0.95f},
      {"passenger bus", kVehicle, 0.95f}, {"tuk-tuk", kVehicle, 0.85f}, {"fire engine", kVehicle, 0.9f}, {"fire engines", kVehicle, 0.9f},
      {"fire truck", kVehicle, 0.9f}, {"fire trucks", kVehicle, 0.9f}, {"tanker", kVehicle, 0.7f},
      {"fuel tanker", kVehicle, 0.9f}, {"fuel tankers", kVehicle, 0.9f}, {"boat", kVehicle, 0.6f},
      {"car bomb", kNone, 0}, {"car bombs", kNone, 0}, {"car-bomb", kNone, 0}, {"vehicle-borne", kNone, 0},
      {"car packed with explosives", kNone, 0}, {"on a motorcycle", kNone, 0}, {"on motorcycles", kNone, 0},
      {"on motorbikes", kNone, 0}, {"on a motorbike", kNone, 0}, {"in three cars", kNone, 0},
      {"from a moving vehicle", kNone, 0},
      // hit cues
      {"rubble of", kHitBase, 0}, {"landed on", kHitBase, 0}, {"fell on", kHitBase, 0}, {"struck", kHitBase, 0}, {"strike", kHitBase, 0}, {"strikes", kHitBase, 0}, {"hit", kHitBase, 0},
      {"hitting", kHitBase, 0}, {"targeted", kHitBase, 0}, {"targeting", kHitBase, 0}, {"targets", kHitBase, 0},
      {"target", kHitBase, 0}, {"shelled", kHitBase, 0}, {"shelling", kHitBase, 0}, {"bombed", kHitBase, 0},
      {"bombing", kHitBase, 0}, {"bombings", kHitBase, 0}, {"bombarded", kHitBase, 0},
      {"bombardment", kHitBase, 0}, {"attacked", kHitBase, 0}, {"attack", kHitBase, 0},
      {"attacks", kHitBase, 0}, {"attacking", kHitBase, 0}, {"raided", kHitBase, 0}, {"raid", kHitBase, 0},
      {"stormed", kHitBase, 0}, {"destroyed", kHitBase, 0}, {"destroying", kHitBase, 0},
      {"destruction", kHitBase, 0}, {"damaged", kHitBase, 0}, {"damaging", kHitBase, 0}, {"damage", kHitBase, 0},
      {"damages", kHitBase, 0}, {"burned", kHitBase, 0}, {"burnt", kHitBase, 0}, {"set fire", kHitBase, 0},
      {"torched", kHitBase, 0}, {"set ablaze", kHitBase, 0}, {"exploded", kHitBase, 0}, {"explosion", kHitBase, 0},
      {"caught fire", kHitBase, 0}, {"setting fire", kHitBase, 0}, {"sets fire", kHitBase, 0},
      {"set on fire", kHitBase, 0}, {"burst over", kHitBase, 0}, {"landed in", kHitBase, 0},
      {"fell in", kHitBase, 0}, {"fell among", kHitBase, 0}, {"slammed into", kHitBase, 0},
      {"fell onto", kHitBase, 0}, {"fell across", kHitBase, 0}, {"landed among", kHitBase, 0},
      {"fell at", kHitBase, 0}, {"landed at", kHitBase, 0},
      {"alight", kHitBase, 0}, {"threw", kHitBase, 0}, {"thrown", kHitBase, 0},
      {"shooting", kHitBase, 0}, {"grenade", kHitBase, 0},
      {"tore through", kHitBase, 0}, {"ripped through", kHitBase, 0}, {"crashed into", kHitBase, 0},
      {"blast", kHitBase, 0}, {"detonated", kHitBase, 0}, {"airstrike", kHitBase, 0}, {"airstrikes", kHitBase, 0},
      {"air strike", kHitBase, 0}, {"air strikes", kHitBase, 0}, {"air raid", kHitBase, 0},
      {"air raids", kHitBase, 0}, {"fired", kHitBase, 0}, {"fire on", kHitBase, 0}, {"opened fire", kHitBase, 0},
      {"looted", kHitBase, 0}, {"looting", kHitBase, 0}, {"demolished", kHitBase, 0},
      {"demolition", kHitBase, 0}, {"ransacked", kHitBase, 0}, {"vandalised", kHitBase, 0},
      {"vandalized", kHitBase, 0}, {"killed", kHitBase, 0}, {"killing", kHitBase, 0}, {"wounded", kHitBase, 0},
      {"injured", kHitBase, 0}, {"barrel bombs", kHitBase, 0}, {"missile", kHitBase, 0},
      {"missiles", kHitBase, 0}, {"rockets", kHitBase, 0}, {"rocket", kHitBase, 0}, {"shells", kHitBase, 0},
      {"mortar", kHitBase, 0}, {"hit by", kHitBase, 0}, {"razed", kHitBase, 0}, {"flattened", kHitBase, 0},
      {"threw rocks at", kHitBase, 0}, {"threw stones at", kHitBase, 0}, {"hurled stones at", kHitBase, 0},
      {"pelted", kHitBase, 0}, {"broke into", kHitBase, 0}, {"break into", kHitBase, 0}, {"seized", kHitBase, 0},
      {"ambushed", kHitBase, 0}, {"ambush", kHitBase, 0}, {"explosive device", kHitBase, 0},
      {"bombs", kHitBase, 0}, {"bomb", kHitBase, 0}, {"drone", kHitBase, 0}, {"drones", kHitBase, 0},
      {"warplanes", kHitBase, 0}, {"blew up", kHitBase, 0}, {"strafed", kHitBase, 0}, {"bulldozed", kHitBase, 0},
      {"hits", kHitBase, 0}, {"shot", kHitBase, 0}, {"invaded", kHitBase, 0}, {"assault", kHitBase, 0},
      {"assaulted", kHitBase, 0}, {"besieged", kHitBase, 0}, {"siege", kHitBase, 0},
      {"executed", kHitBase, 0}, {"confiscated", kHitBase, 0}, {"collapsed", kHitBase, 0},
      {"levelled", kHitBase, 0}, {"leveled", kHitBase, 0}, {"gutted", kHitBase, 0},
      {"dropped", kHitBase, 0}, {"munition", kHitBase, 0}, {"munitions", kHitBase, 0},
      {"projectile", kHitBase, 0}, {"projectiles", kHitBase, 0},
  };
  return cues;
}

struct Targets {
  static constexpr const char *name = "targets", *version = "v1", *requires_labels = "sentence",
                              *assigns = "target", *default_config = "{\"window_tokens\": 22}";
  int window = 22;  // how far (in tokens) a target noun may be from a hit cue in the same sentence
  explicit Targets(const Config& cfg) {
    window = cfg.value("window_tokens", 22);
    cue_matches({}, kTargetCues);
  }

  // "taken to the town's hospital", "rushed to Bab al-Hawa hospital": where the wounded went, not what
  // was hit (the fixed phrases are in the lexicon; this catches the names and words in between).
  static bool care_destination(const std::vector<ik::text::Token>& toks, size_t ti, uint32_t sent_start) {
    static constexpr std::array<std::string_view, 12> kCareVerbs = {
        "taken", "rushed", "admitted", "transferred", "transported", "evacuated",
        "brought", "moved", "treated", "died", "referred", "airlifted"};
    for (size_t k = ti, steps = 0; k-- > 1 && steps < 6 && toks[k].start >= sent_start; ++steps) {
      const std::string_view w = toks[k].text;
      const std::string_view verb = toks[k - 1].text;
      if ((w == "to" || w == "at" || w == "in") &&
          std::find(kCareVerbs.begin(), kCareVerbs.end(), verb) != kCareVerbs.end())
        return true;
    }
    return false;
  }

  // "an aircraft flying from Shayrat air base", "shells fired from army positions": where the attack came
  // from, not what it hit ("from" within three words before the noun).
  // ("moving from house to house" goes through the houses: no origin)
  static bool origin(const std::vector<ik::text::Token>& toks, size_t ti, uint32_t sent_start) {
    for (size_t k = ti, steps = 0; k-- > 0 && steps < 3 && toks[k].start >= sent_start; ++steps)
      if (toks[k].text == "from")
        return !(k + 3 < toks.size() && toks[k + 2].text == "to" && ik::text::iequals(toks[k + 1].text, toks[k + 3].text));
    return false;
  }

  // "rescue workers said", "according to the civil defence": the rescuers as a source, not as what was
  // hit (a report verb within a few words after the cue, which starts at token `first`; `after` is the
  // token after it).
  static bool reporting(const std::vector<ik::text::Token>& toks, size_t after, size_t first, Range sent) {
    static constexpr std::array<std::string_view, 16> kSaid = {"said", "say", "says", "told", "reported",
                                                               "stated", "confirmed", "estimated", "counted",
                                                               "denied", "denies", "claimed", "announced",
                                                               "insisted", "accused", "blamed"};
    // ("wounding three civil defence volunteers, the group said": the rescuers were hit)
    static constexpr std::array<std::string_view, 14> kHurt = {"killing", "wounding", "injuring", "killed", "wounded",
                                                               "injured", "targeting", "targeted", "hitting", "hit",
                                                               "struck", "two", "three", "several"};
    for (size_t k = first, n = 0; k-- > 0 && n < 3 && toks[k].start >= sent.start; ++n)
      if (std::find(kHurt.begin(), kHurt.end(), toks[k].text) != kHurt.end() ||
          (!toks[k].text.empty() && toks[k].text[0] >= '0' && toks[k].text[0] <= '9'))
        return false;
    for (size_t k = after, n = 0; k < toks.size() && n < 8 && toks[k].start < sent.end; ++k, ++n) {
      if (std::find(kSaid.begin(), kSaid.end(), toks[k].text) != kSaid.end()) return true;
      if (toks[k].text == "." || toks[k].text == ";") break;
    }
    return first >= 2 && toks[first - 2].start >= sent.start &&
           ((toks[first - 2].text == "according" && toks[first - 1].text == "to") ||
            (first >= 3 && toks[first - 3].text == "according" && toks[first - 2].text == "to"));
  }

  void process(Doc& doc) const {
    const std::string_view text = doc.text();
    const auto& cues = target_cues();
    const auto matches = cue_matches(text, kTargetCues);
    if (matches.empty()) return;
    const auto& toks = ik::text::tokens_of(text);  // (no other tokenize() below on this thread)
    const auto sents = sentence_ranges(doc);
    std::vector<size_t> hits;  // token index of each hit cue
    for (const auto& m : matches)
      if (cues[m.id].value == kHitBase) hits.push_back(token_at(toks, m.start));
    std::vector<const Lexicon::Match*> unhit;  // facility nouns with no hit cue in their sentence, in text order
    std::vector<const Lexicon::Match*> hit_shelters;  // hit schools, mosques, buildings: where the displaced may live
    for (const auto& m : matches) {
      const Cue& c = cues[m.id];
      if (c.value == kNone || c.value == kHitBase) continue;
      const size_t ti = token_at(toks, m.start);
      const Range sent = sentence_of(sents, m.start, uint32_t(text.size()));
      const int reach = (c.flags & kWeak) ? window / 2 : window;
      int best = 1 << 20;
      for (size_t h : hits) {
        if (h >= toks.size() || toks[h].start < sent.start || toks[h].start >= sent.end) continue;
        best = std::min(best, std::abs(int(h) - int(ti)));
      }
      // "the vegetable market in Saraqib, 25 kilometres north of Maarat al-Numan at the junction of the
      // highways, was hit": the sentence's first facility is the subject of a passive hit after an apposition
      if (best > reach && !(c.flags & kWeak) &&
          std::none_of(matches.begin(), matches.end(), [&](const auto& o) {  // (the sentence's first facility)
            return o.start < m.start && o.start >= sent.start && cues[o.id].value != kNone && cues[o.id].value != kHitBase;
          }) &&
          std::any_of(hits.begin(), hits.end(), [&](size_t h) {
            return h > ti + 2 && h - ti <= 45 && toks[h].start < sent.end && toks[h - 2].text == "," &&
                   (toks[h - 1].text == "was" || toks[h - 1].text == "were");
          }))
        best = reach;
      if (best > reach) {
        if (!(c.flags & kWeak)) unhit.push_back(&m);
        continue;
      }
      if (c.value == kHospital && care_destination(toks, ti, sent.start)) continue;
      if (origin(toks, ti, sent.start)) continue;
      // (rescuers or medics as a source: "the civil defence said", "local medics said"; a ministry as the
      // one speaking: "the defence ministry denied that its aircraft struck any hospital")
      if ((c.value == kCivilDefense || c.value == kGovernment || (c.value == kHospital && (c.flags & kWeak))) &&
          reporting(toks, token_at(toks, m.end), ti, sent))
        continue;
      // Nearer cues make it likelier the noun is what was hit rather than a landmark or a by-stander.
      const double conf = c.confidence * (best <= 4 ? 1.0 : 0.8);
      emit(doc, m.start, m.end, "target", ik::vocab::kTargets[c.value], conf);
      if (c.flags & kAlsoVehicle) emit(doc, m.start, m.end, "target", ik::vocab::kTargets[kVehicle], conf);
      if (c.value == kSchool || c.value == kWorship || (c.value == kResidential && (c.flags & kWeak)))
        hit_shelters.push_back(&m);
    }
    hit_by_anaphor(doc, toks, sents, hits, unhit, matches);
    if (!hit_shelters.empty()) sheltering_displaced(doc, toks, sents, hit_shelters);
  }

  // "The school complex in Hass brought together a primary and a secondary school. ... aircraft carried out
  // strikes on the complex": a hit on "the complex", "the building", "the facility" is a hit on the
  // facility the paragraph named just before (within three sentences, no blank line between).
  // A first-person report ("I am writing from the basement of our hospital ... two bombs hit our building")
  // names its own facility once: "our building" is the last facility it called "our", however far back.
  // "It was hit", "hit it": the facility named in the two sentences before.
  void hit_by_anaphor(Doc& doc, const std::vector<Token>& toks, const std::vector<Range>& sents,
                      const std::vector<size_t>& hits, const std::vector<const Lexicon::Match*>& unhit,
                      const std::vector<Lexicon::Match>& all) const {
    const std::string_view text = doc.text();
    const auto& cues = target_cues();
    std::vector<const Lexicon::Match*> ours;  // "our hospital", "our school": the writer's own facility
    for (const auto& m : all) {
      const int v = cues[m.id].value;
      if (v == kNone || v == kHitBase || v == kVehicle || (cues[m.id].flags & kWeak)) continue;
      const size_t ti = token_at(toks, m.start);
      if (ti > 0 && word_is(toks[ti - 1], {"our"})) ours.push_back(&m);
    }
    std::vector<size_t> marked;  // anaphors already marked
    for (size_t h : hits) {
      if (h >= toks.size()) continue;
      const Range sent = sentence_of(sents, toks[h].start, uint32_t(text.size()));
      // "the complex" within four words after the cue, or "the building was hit" just before it ("our
      // building", "the station compound", "the centre" too)
      // ("It was hit by two air strikes", "Russian planes hit it": the pronoun right at the hit)
      const auto pronoun = [&](size_t k) {
        return word_is(toks[k], {"it", "It"}) && ((k + 2 == h && word_is(toks[k + 1], {"was"})) || k == h + 1);
      };
      const auto anaphor = [&](size_t k) {
        if (pronoun(k)) return true;
        if (k == 0 || !word_is(toks[k], {"complex", "building", "facility", "site", "compound", "premises", "structure",
                                         "centre", "center", "station"}))
          return false;
        static const std::initializer_list<std::string_view> kDet = {"the", "this", "that", "our", "its", "their"};
        return word_is(toks[k - 1], kDet) ||
               (k > 1 && toks[k - 1].kind == TokenKind::Word && !toks[k - 1].capitalised && word_is(toks[k - 2], kDet));
      };
      size_t noun = toks.size();
      for (size_t k = h + 1; k < toks.size() && k <= h + 4 && toks[k].start < sent.end && noun == toks.size(); ++k)
        if (anaphor(k)) noun = k;
      for (size_t k = h; k-- > 1 && k + 3 >= h && toks[k].start >= sent.start && noun == toks.size();)
        if (anaphor(k)) noun = k;
      if (noun == toks.size()) continue;
      const Lexicon::Match* named = nullptr;
      if (word_is(toks[noun - 1], {"our"})) {
        for (const Lexicon::Match* m : ours)
          if (m->end <= toks[noun].start) named = m;
      }
      if (!named) {
        // the nearest facility named before, in this paragraph, at most three sentences back (a building, not
        // the vehicles parked in it)
        for (const Lexicon::Match* m : unhit)
          if (m->end <= toks[noun].start && cues[m->id].value != kVehicle) named = m;
        if (named) {
          const std::string_view between = text.substr(named->end, toks[noun].start - named->end);
          int back = 0;
          for (const Range& r : sents) back += r.start > named->end && r.start <= toks[noun].start;
          if (between.find("\n\n") != std::string_view::npos || back > (pronoun(noun) ? 2 : 3)) named = nullptr;
        }
        // "The al-Mayadin pumping station was built in 1998 ... [another section] ... two bombs struck the
        // station": the last facility named with the anaphor's own head noun, however far back
        if (!named && !pronoun(noun))
          for (const auto& m : all) {
            const int v = cues[m.id].value;
            if (m.end > toks[noun].start || v == kNone || v == kHitBase || v == kVehicle || (cues[m.id].flags & kWeak))
              continue;
            const std::string_view name = text.substr(m.start, m.end - m.start);
            const std::string_view head = toks[noun].text;
            if (name.size() > head.size() && name[name.size() - head.size() - 1] == ' ' &&
                ik::text::iequals(name.substr(name.size() - head.size()), head))
              named = &m;
          }
        if (!named) continue;
      }
      // (marked on the anaphor, in the sentence that tells the hit, so it goes with the attack; once)
      if (std::find(marked.begin(), marked.end(), noun) != marked.end()) continue;
      marked.push_back(noun);
      const Cue& c = cues[named->id];
      const uint32_t a = toks[noun].start, b = toks[noun].end;
      emit(doc, a, b, "target", ik::vocab::kTargets[c.value], c.confidence * 0.7);
      if (c.flags & kAlsoVehicle) emit(doc, a, b, "target", ik::vocab::kTargets[kVehicle], c.confidence * 0.7);
    }
  }

  // "a former girls' school, where around 60 displaced people had been living", "The school ... was housing
  // 50 displaced families", "school used as a collective shelter": a hit school, mosque or building that
  // sheltered the displaced was hit as a camp too. The words must say so within two sentences of the hit,
  // in its paragraph, and name a school, mosque or building themselves. The camp is marked on
  // the facility hit (so it goes with the attack), the sheltering word in its attrs.
  void sheltering_displaced(Doc& doc, const std::vector<Token>& toks, const std::vector<Range>& sents,
                            const std::vector<const Lexicon::Match*>& hit_shelters) const {
    const std::string_view text = doc.text();
    static const std::initializer_list<std::string_view> kHousing = {
        "housed", "housing", "sheltering", "sheltered", "hosting", "hosted", "lived", "living", "staying"};
    static const std::initializer_list<std::string_view> kDisplaced = {"displaced", "IDPs", "evacuees", "refugees"};
    static const std::initializer_list<std::string_view> kFacility = {
        "school", "schools", "mosque", "mosques", "church", "building", "buildings", "classrooms", "hall"};
    std::vector<const Lexicon::Match*> marked;
    for (size_t i = 0; i < sents.size(); ++i) {
      const Range r = sents[i];
      // the nearest hit shelter in this sentence or up to two before or after it, with no blank line between
      const Lexicon::Match* hit = nullptr;
      const uint32_t from = sents[i >= 2 ? i - 2 : 0].start, to = sents[std::min(i + 2, sents.size() - 1)].end;
      const auto apart = [&](const Lexicon::Match* m) {
        return m->start >= r.end ? m->start - r.end : m->start >= r.start ? 0 : r.start - m->start;
      };
      for (const Lexicon::Match* m : hit_shelters) {
        if (m->start < from || m->start >= to || (hit && apart(hit) <= apart(m))) continue;
        const uint32_t a = std::min<uint32_t>(m->start, r.start), b = std::max<uint32_t>(m->start, r.end);
        if (text.substr(a, b - a).find("\n\n") == std::string_view::npos) hit = m;
      }
      if (!hit || std::find(marked.begin(), marked.end(), hit) != marked.end()) continue;
      size_t first = token_at(toks, r.start), last = first;
      while (last < toks.size() && toks[last].start < r.end) ++last;
      bool facility = false;
      for (size_t k = first; k < last && !facility; ++k) facility = word_is(toks[k], kFacility);
      if (!facility) continue;
      bool displaced = false;
      for (size_t k = first; k < last && !displaced; ++k) displaced = word_is(toks[k], kDisplaced);
      for (size_t k = first; k < last; ++k) {
        // "a collective shelter", "used as a shelter by displaced families" (not a basement families hid in)
        bool marker = word_is(toks[k], {"shelter", "shelters"}) && k >= first + 2 &&
                      (word_is(toks[k - 1], {"collective"}) || (displaced && word_is(toks[k - 2], {"as"})));
        // "housed 23 families displaced from ...", "where 60 displaced people from X and Y had been living"
        if (!marker && word_is(toks[k], kHousing))
          for (size_t j = k > first + 12 ? k - 12 : first; j < last && j <= k + 10 && !marker; ++j)
            marker = word_is(toks[j], kDisplaced);
        if (!marker) continue;
        emit(doc, hit->start, hit->end, "target", ik::vocab::kTargets[kCamp], 0.7,
             nlohmann::json{{"sheltering", toks[k].text}}.dump());
        marked.push_back(hit);
        break;
      }
    }
  }
};

// ================================================================================================ events
enum Type { kBattles, kExplosions, kVac, kProtests, kRiots, kStrategic };
const std::array<std::string_view, 6> kTypeNames = {"Battles", "Explosions/Remote violence",
                                                    "Violence against civilians", "Protests", "Riots",
                                                    "Strategic developments"};

// A trigger: the class written as the mention's value, and ACLED's type/sub-type it suggests on its own.
struct Trigger {
  std::string_view value;
  int type;
  std::string_view sub;
};
const std::vector<Trigger> kTriggers = {
    {"strike", kExplosions, "Air/drone strike"},                          // 0
    {"shelling", kExplosions, "Shelling/artillery/missile attack"},       // 1
    {"explosion", kExplosions, "Remote explosive/landmine/IED"},          // 2
    {"suicide_bomb", kExplosions, "Suicide bomb"},                        // 3
    {"grenade", kExplosions, "Grenade"},                                  // 4
    {"chemical", kExplosions, "Chemical weapon"},                         // 5
    {"clash", kBattles, "Armed clash"},                                   // 6
    {"attack", kVac, "Attack"},                                           // 7
    {"abduction", kVac, "Abduction/forced disappearance"},                // 8
    {"sexual_violence", kVac, "Sexual violence"},                         // 9
    {"protest", kProtests, "Peaceful protest"},                           // 10
    {"intervention", kProtests, "Protest with intervention"},             // 11
    {"excessive_force", kProtests, "Excessive force against protesters"},  // 12
    {"riot", kRiots, "Violent demonstration"},                            // 13
    {"riot", kRiots, "Mob violence"},                                     // 14
    {"looting", kStrategic, "Looting/property destruction"},              // 15
    {"arrest", kStrategic, "Arrests"},                                    // 16
    {"disrupted", kStrategic, "Disrupted weapons use"},                   // 17
    {"group_change", kStrategic, "Change to group/activity"},             // 18
    {"headquarters", kStrategic, "Headquarters or base established"},     // 19
    {"agreement", kStrategic, "Agreement"},                               // 20
    {"territory", kStrategic, "Non-violent transfer of territory"},       // 21
    {"territory", kBattles, "Government regains territory"},              // 22
    {"territory", kBattles, "Non-state actor overtakes territory"},       // 23
    {"other", kStrategic, "Other"},                                       // 24
};
enum TriggerId {
  tStrike, tShelling, tExplosion, tSuicide, tGrenade, tChemical, tClash, tAttack, tAbduction, tSexual, tProtest,
  tIntervention, tExcessive, tRiot, tMob, tLooting, tArrest, tDisrupted, tChange, tHq, tAgreement, tTransfer,
  tRegain, tOvertake, tOther
};

// Event cue flags.
constexpr unsigned kHeading = 1;      // an ACLED note's leading label ("Looting: On 3 May ..."): only at the start
constexpr unsigned kCapture = 2;      // "captured"/"seized": territory, arrest or looting by what follows
constexpr unsigned kLabourStrike = 4;  // bare "strike": a labour strike or a military strike by its sentence
constexpr unsigned kNotMonth = 8;     // "march": not the month
constexpr unsigned kNotThat = 16;     // "demonstrated that": not a demonstration
constexpr unsigned kNotAfterViolence = 32;  // "demanding": not after a violent act of the same sentence
                                            // ("soldiers beat villagers demanding to know ...")
constexpr unsigned kLowerCase = 64;  // "shell": only written in lower case (not "Shell", the oil company)

// Modality cues use ids from kModalityBase.
constexpr int kModalityBase = 2000;
enum Modality { mDenied, mAlleged, mClaimed, mPlanned };
const std::array<std::string_view, 4> kModalityNames = {"denied", "alleged", "claimed", "planned"};

const std::vector<Cue>& event_cues() {
  static const std::vector<Cue> cues = {
      // air and drone strikes
      {"airstrike", tStrike, 0.95f}, {"airstrikes", tStrike, 0.95f}, {"air strike", tStrike, 0.95f},
      {"air strikes", tStrike, 0.95f}, {"air-strike", tStrike, 0.95f}, {"air-strikes", tStrike, 0.95f},
      {"air raid", tStrike, 0.95f}, {"air raids", tStrike, 0.95f}, {"air-raid", tStrike, 0.95f},
      {"air-raids", tStrike, 0.95f}, {"air attack", tStrike, 0.9f}, {"air attacks", tStrike, 0.9f},
      {"aerial attack", tStrike, 0.9f}, {"aerial attacks", tStrike, 0.9f}, {"aerial bombardment", tStrike, 0.95f},
      {"aerial bombardments", tStrike, 0.95f}, {"aerial bombing", tStrike, 0.95f},
      {"air bombardment", tStrike, 0.95f}, {"aerial strikes", tStrike, 0.95f}, {"bombed from the air", tStrike, 0.95f},
      {"warplanes", tStrike, 0.85f}, {"warplane", tStrike, 0.85f}, {"war planes", tStrike, 0.85f},
      {"fighter jets", tStrike, 0.85f}, {"jets", tStrike, 0.7f}, {"aircraft", tStrike, 0.75f},
      {"fighter jet", tStrike, 0.85f}, {"jet", tStrike, 0.65f}, {"war plane", tStrike, 0.85f},
      {"war jets", tStrike, 0.85f},
      {"planes", tStrike, 0.7f}, {"air-dropped", tStrike, 0.85f}, {"air dropped", tStrike, 0.85f},
      {"air-delivered", tStrike, 0.85f},
      {"military aircraft", tStrike, 0.85f}, {"anti-aircraft", kNone, 0}, {"anti aircraft", kNone, 0},
      {"helicopter gunships", tStrike, 0.85f},
      // "a mosque in Ariha was struck shortly after dawn prayers": hit by something from afar, weapon untold
      {"was struck", tStrike, 0.4f}, {"were struck", tStrike, 0.4f}, {"was hit", tStrike, 0.4f},
      {"were hit", tStrike, 0.4f},
      // (with "by", what hit says it: "hit by protests", "struck by a bullet", "hit by an air strike")
      {"was struck by", kNone, 0}, {"were struck by", kNone, 0}, {"was hit by", kNone, 0}, {"were hit by", kNone, 0},
      {"drone strike", tStrike, 0.95f}, {"drone strikes", tStrike, 0.95f}, {"drone attack", tStrike, 0.95f},
      {"drone attacks", tStrike, 0.95f}, {"drone", tStrike, 0.8f}, {"drones", tStrike, 0.8f},
      {"uav", tStrike, 0.8f}, {"uavs", tStrike, 0.8f}, {"dropped bombs", tStrike, 0.85f},
      {"barrel bombs", tStrike, 0.9f}, {"barrel bomb", tStrike, 0.9f}, {"barrel-bombs", tStrike, 0.9f},
      {"air force", tStrike, 0.5f}, {"strikes", tStrike, 0.45f}, {"air force intelligence", kNone, 0},
      {"strike", tStrike, 0.4f, kLabourStrike}, {"gunboats", tShelling, 0.8f}, {"gunboat", tShelling, 0.8f},
      // shelling, artillery, missiles
      {"shelled", tShelling, 0.9f}, {"shelling", tShelling, 0.9f}, {"artillery", tShelling, 0.85f},
      {"mortar", tShelling, 0.85f}, {"mortars", tShelling, 0.85f}, {"mortar shells", tShelling, 0.9f},
      {"rockets", tShelling, 0.8f}, {"rocket", tShelling, 0.75f}, {"rocket attack", tShelling, 0.9f},
      {"missile", tShelling, 0.8f}, {"missiles", tShelling, 0.8f}, {"missile strike", tShelling, 0.9f},
      {"missile strikes", tShelling, 0.9f}, {"missile attack", tShelling, 0.9f}, {"bombarded", tShelling, 0.7f},
      {"bombardment", tShelling, 0.65f}, {"tank fire", tShelling, 0.85f}, {"shells", tShelling, 0.75f},
      {"shell", tShelling, 0.7f, kLowerCase}, {"shell casings", kNone, 0}, {"shell company", kNone, 0},
      {"shell companies", kNone, 0},
      {"projectiles", tShelling, 0.6f}, {"flares", tShelling, 0.5f}, {"cluster munitions", tShelling, 0.8f},
      {"cluster bombs", tShelling, 0.7f}, {"rocket launchers", tShelling, 0.7f}, {"submunitions", tShelling, 0.6f},
      {"incendiary", tStrike, 0.55f},
      // remote explosives
      {"ied", tExplosion, 0.95f}, {"ieds", tExplosion, 0.95f}, {"roadside bomb", tExplosion, 0.95f},
      {"improvised explosive device", tExplosion, 0.95f}, {"explosive device", tExplosion, 0.85f},
      {"explosive devices", tExplosion, 0.85f}, {"landmine", tExplosion, 0.95f}, {"landmines", tExplosion, 0.95f},
      {"land mine", tExplosion, 0.95f}, {"hit a mine", tExplosion, 0.95f}, {"car bomb", tExplosion, 0.9f},
      {"car bombs", tExplosion, 0.9f}, {"vbied", tExplosion, 0.9f}, {"bomb", tExplosion, 0.6f},
      {"bombs", tExplosion, 0.55f}, {"bombing", tExplosion, 0.6f}, {"explosion", tExplosion, 0.7f},
      {"explosions", tExplosion, 0.65f}, {"blast", tExplosion, 0.65f}, {"exploded", tExplosion, 0.7f},
      {"detonated", tExplosion, 0.75f}, {"blew up", tExplosion, 0.7f}, {"unexploded ordnance", tExplosion, 0.85f},
      {"sticky bomb", tExplosion, 0.95f}, {"magnetic bomb", tExplosion, 0.95f},
      {"bomb threat", kNone, 0}, {"bomb shelter", kNone, 0}, {"bomb squad", kNone, 0}, {"sound bombs", kNone, 0},
      {"smoke bombs", kNone, 0}, {"petrol bombs", tRiot, 0.5f}, {"molotov cocktails", tRiot, 0.5f},
      // suicide bombings
      {"suicide bomber", tSuicide, 0.98f}, {"suicide bombers", tSuicide, 0.98f}, {"suicide bombing", tSuicide, 0.98f},
      {"suicide attack", tSuicide, 0.95f}, {"suicide attacks", tSuicide, 0.95f}, {"suicide car bomb", tSuicide, 0.98f},
      {"suicide vest", tSuicide, 0.98f}, {"blew himself up", tSuicide, 0.98f}, {"blew herself up", tSuicide, 0.98f},
      {"suicide bomb", tSuicide, 0.98f}, {"suicide attacker", tSuicide, 0.95f},
      // grenades
      {"grenade", tGrenade, 0.85f}, {"grenades", tGrenade, 0.85f}, {"hand grenade", tGrenade, 0.9f},
      {"stun grenade", kNone, 0}, {"stun grenades", kNone, 0},
      // chemical weapons
      {"chemical attack", tChemical, 0.98f}, {"chemical attacks", tChemical, 0.98f},
      {"chemical weapon", tChemical, 0.95f}, {"chemical weapons", tChemical, 0.95f}, {"sarin", tChemical, 0.95f},
      {"chlorine", tChemical, 0.85f}, {"toxic gas", tChemical, 0.9f}, {"poison gas", tChemical, 0.95f},
      {"nerve agent", tChemical, 0.95f}, {"gas attack", tChemical, 0.9f},
      // battles
      {"clashed", tClash, 0.9f}, {"clashes", tClash, 0.85f}, {"clash", tClash, 0.8f}, {"clashing", tClash, 0.85f},
      {"armed clash", tClash, 0.95f}, {"armed clashes", tClash, 0.95f}, {"fighting", tClash, 0.6f},
      {"fighting between", tClash, 0.85f}, {"fought", tClash, 0.75f}, {"exchange of fire", tClash, 0.9f},
      {"exchanged fire", tClash, 0.9f}, {"gun battle", tClash, 0.9f}, {"gunfight", tClash, 0.9f},
      {"firefight", tClash, 0.9f}, {"shootout", tClash, 0.8f}, {"shoot-out", tClash, 0.8f},
      {"skirmish", tClash, 0.85f}, {"skirmishes", tClash, 0.85f}, {"repelled", tClash, 0.8f},
      {"repulsed", tClash, 0.8f}, {"ambushed", tClash, 0.55f}, {"ambush", tClash, 0.55f}, {"battle", tClash, 0.6f},
      {"battles", tClash, 0.6f}, {"engaged", tClash, 0.4f}, {"counter-attack", tClash, 0.7f},
      {"counterattack", tClash, 0.7f}, {"offensive", tClash, 0.45f}, {"infiltration attempt", tClash, 0.7f},
      {"armed confrontation", tClash, 0.9f}, {"confrontations", tClash, 0.6f}, {"gun battles", tClash, 0.9f},
      // present tense, as analysts' notes write them ("Military battle Boko Haram", "militants ambush a convoy")
      {"ambushes", tClash, 0.55f}, {"battled", tClash, 0.8f}, {"battling", tClash, 0.75f}, {"clash with", tClash, 0.85f},
      {"fight", tClash, 0.45f}, {"fights", tClash, 0.5f}, {"repel", tClash, 0.7f}, {"repels", tClash, 0.8f},
      {"exchange fire", tClash, 0.9f}, {"exchanges of fire", tClash, 0.9f}, {"heavy fighting", tClash, 0.9f},
      // communal violence between armed groups of two communities: ACLED's armed clashes
      {"communal clashes", tClash, 0.9f}, {"intercommunal clashes", tClash, 0.9f}, {"inter-communal clashes", tClash, 0.9f},
      {"communal violence", tClash, 0.7f}, {"renewed hostilities", tClash, 0.7f}, {"cattle raid", tClash, 0.6f},
      {"cattle raids", tClash, 0.6f}, {"cattle raiding", tClash, 0.6f}, {"farmland dispute", tClash, 0.5f},
      // attacks
      {"attacked", tAttack, 0.4f}, {"attack", tAttack, 0.3f}, {"attacks", tAttack, 0.3f}, {"killed", tAttack, 0.3f},
      {"shot dead", tAttack, 0.7f}, {"shot and killed", tAttack, 0.7f}, {"gunned down", tAttack, 0.7f},
      {"shot", tAttack, 0.45f}, {"executed", tAttack, 0.7f}, {"assassinated", tAttack, 0.7f},
      {"assassination", tAttack, 0.7f}, {"murdered", tAttack, 0.7f}, {"murder", tAttack, 0.6f},
      {"massacre", tAttack, 0.7f}, {"massacred", tAttack, 0.75f}, {"slaughtered", tAttack, 0.6f},
      {"beheaded", tAttack, 0.8f}, {"hacked to death", tAttack, 0.8f}, {"stabbed", tAttack, 0.7f},
      {"stabbed to death", tAttack, 0.8f}, {"beaten to death", tAttack, 0.75f}, {"burned alive", tAttack, 0.75f},
      {"opened fire", tAttack, 0.5f}, {"drive-by shooting", tAttack, 0.8f}, {"shooting", tAttack, 0.45f},
      {"raided", tAttack, 0.35f}, {"raid", tAttack, 0.3f}, {"stormed", tAttack, 0.35f},
      // Present-tense forms, the house style of many monitoring notes ("Militiamen wound four in X").
      {"kill", tAttack, 0.3f}, {"kills", tAttack, 0.3f}, {"shoot", tAttack, 0.4f}, {"shoots", tAttack, 0.4f},
      {"wound", tAttack, 0.3f}, {"injure", tAttack, 0.3f}, {"kill themselves", kNone, 0}, {"kill himself", kNone, 0},
      {"kill herself", kNone, 0}, {"petrol-bombed", kNone, 0}, {"petrol bombed", kNone, 0},
      {"fired on", tAttack, 0.5f}, {"fired at", tAttack, 0.5f}, {"open fire", tAttack, 0.5f}, {"whip", tAttack, 0.5f},
      {"atrocities", tAttack, 0.4f}, {"abuses against civilians", tAttack, 0.6f},
      {"abduct", tAbduction, 0.85f}, {"abducts", tAbduction, 0.85f}, {"kidnaps", tAbduction, 0.85f},
      {"raping", tSexual, 0.85f},
      {"exchanged gunfire", tClash, 0.85f}, {"exchange gunfire", tClash, 0.85f}, {"crossfire", tClash, 0.6f},
      {"gunbattle", tClash, 0.9f}, {"bombed", tStrike, 0.5f}, {"blown up", tExplosion, 0.7f},
      {"assaulted", tAttack, 0.55f}, {"beat", tAttack, 0.4f}, {"beaten", tAttack, 0.5f}, {"whipped", tAttack, 0.6f},
      {"flogged", tAttack, 0.6f}, {"beat the odds", kNone, 0}, {"physically attacked", tAttack, 0.7f}, {"tortured", tAttack, 0.6f},
      {"targeted", tAttack, 0.3f}, {"killing", tAttack, 0.3f}, {"killings", tAttack, 0.5f},
      {"bodies", tAttack, 0.35f}, {"body", tAttack, 0.3f}, {"found dead", tAttack, 0.6f},
      {"invaded", tAttack, 0.4f},
      // abductions
      {"kidnapped", tAbduction, 0.9f}, {"abducted", tAbduction, 0.9f}, {"abduction", tAbduction, 0.85f},
      {"abductions", tAbduction, 0.85f}, {"kidnapping", tAbduction, 0.85f}, {"kidnappings", tAbduction, 0.85f},
      {"taken hostage", tAbduction, 0.9f}, {"held hostage", tAbduction, 0.8f}, {"hostages", tAbduction, 0.5f},
      {"forcibly disappeared", tAbduction, 0.9f}, {"enforced disappearance", tAbduction, 0.9f},
      {"abducting", tAbduction, 0.9f}, {"kidnap", tAbduction, 0.8f}, {"kidnappers", tAbduction, 0.7f},
      // sexual violence
      {"raped", tSexual, 0.95f}, {"rape", tSexual, 0.85f}, {"rapes", tSexual, 0.85f},
      {"sexually assaulted", tSexual, 0.95f}, {"sexual violence", tSexual, 0.9f}, {"gang-raped", tSexual, 0.95f},
      {"gang raped", tSexual, 0.95f}, {"sexual assault", tSexual, 0.9f}, {"sexually abused", tSexual, 0.9f},
      // peaceful protests
      {"protested", tProtest, 0.9f}, {"protest", tProtest, 0.8f}, {"protests", tProtest, 0.8f},
      {"protesting", tProtest, 0.85f}, {"protesters", tProtest, 0.8f}, {"protestors", tProtest, 0.8f},
      {"demonstrated", tProtest, 0.8f, kNotThat}, {"demonstration", tProtest, 0.85f},
      {"demonstrations", tProtest, 0.85f}, {"demonstrators", tProtest, 0.85f}, {"demonstrating", tProtest, 0.8f},
      {"rally", tProtest, 0.8f}, {"rallies", tProtest, 0.8f}, {"rallied", tProtest, 0.8f},
      {"sit-in", tProtest, 0.9f}, {"sit-ins", tProtest, 0.9f}, {"sit in", tProtest, 0.6f},
      {"marched", tProtest, 0.75f}, {"march", tProtest, 0.6f, kNotMonth}, {"protest march", tProtest, 0.9f},
      {"vigil", tProtest, 0.7f}, {"picket", tProtest, 0.8f}, {"picketed", tProtest, 0.8f},
      {"picketing", tProtest, 0.8f}, {"boycott", tProtest, 0.5f}, {"boycotted", tProtest, 0.6f},
      {"went on strike", tProtest, 0.9f}, {"on strike", tProtest, 0.85f}, {"general strike", tProtest, 0.9f},
      {"hunger strike", tProtest, 0.9f}, {"staged a strike", tProtest, 0.9f}, {"held a strike", tProtest, 0.9f},
      {"labour strike", tProtest, 0.9f}, {"labor strike", tProtest, 0.9f}, {"strike action", tProtest, 0.9f},
      {"workers' strike", tProtest, 0.9f}, {"called a strike", tProtest, 0.85f}, {"walkout", tProtest, 0.8f},
      {"walked out", tProtest, 0.6f}, {"press conference", tProtest, 0.35f}, {"gathered", tProtest, 0.35f},
      {"gathering", tProtest, 0.45f}, {"held a gathering", tProtest, 0.75f}, {"demonstrate", tProtest, 0.6f},
      {"took to the streets", tProtest, 0.8f},
      {"chanted", tProtest, 0.6f}, {"chanting", tProtest, 0.6f}, {"slogans", tProtest, 0.6f},
      {"banners", tProtest, 0.5f}, {"banner", tProtest, 0.45f}, {"placards", tProtest, 0.6f},
      {"blocked the road", tProtest, 0.6f}, {"blocked a road", tProtest, 0.6f}, {"blocked roads", tProtest, 0.6f},
      {"blocked the highway", tProtest, 0.6f}, {"in solidarity with", tProtest, 0.5f},
      {"to demand", tProtest, 0.45f}, {"to denounce", tProtest, 0.5f}, {"to protest", tProtest, 0.8f},
      {"to condemn", tProtest, 0.45f}, {"denounced", tProtest, 0.35f}, {"demanded", tProtest, 0.3f},
      {"demanding", tProtest, 0.4f, kNotAfterViolence}, {"motorcade", tProtest, 0.5f}, {"car rally", tProtest, 0.8f},
      {"petition", tProtest, 0.3f}, {"strikers", tProtest, 0.8f}, {"striking workers", tProtest, 0.85f},
      {"downed tools", tProtest, 0.9f}, {"work stoppage", tProtest, 0.9f}, {"stayaway", tProtest, 0.8f},
      {"stay-away", tProtest, 0.8f}, {"sit-down strike", tProtest, 0.9f}, {"sit down strike", tProtest, 0.9f},
      {"striked", tProtest, 0.85f}, {"day strike", tProtest, 0.85f}, {"cut the road", tProtest, 0.6f},
      {"cut off the road", tProtest, 0.6f}, {"blocked the entrance", tProtest, 0.55f}, {"blockaded", tProtest, 0.55f},
      {"barricaded", tProtest, 0.5f}, {"to voice", tProtest, 0.5f},
      {"to call for", tProtest, 0.4f}, {"calling for", tProtest, 0.35f}, {"calling on", tProtest, 0.3f},
      {"in protest", tProtest, 0.8f}, {"protest action", tProtest, 0.9f}, {"service delivery", tProtest, 0.5f},
      // protests met by force
      {"dispersed", tIntervention, 0.7f}, {"disperse", tIntervention, 0.65f}, {"tear gas", tIntervention, 0.55f},
      {"dispersed peacefully", kNone, 0}, {"fired into the air", tIntervention, 0.6f},
      {"fired in the air", tIntervention, 0.6f}, {"warning shots", tIntervention, 0.55f},
      {"teargas", tIntervention, 0.55f}, {"water cannon", tIntervention, 0.6f}, {"water cannons", tIntervention, 0.6f},
      {"rubber bullets", tIntervention, 0.4f}, {"baton charge", tIntervention, 0.6f},
      {"baton-charged", tIntervention, 0.6f}, {"broke up", tIntervention, 0.6f},
      {"killed protesters", tExcessive, 0.85f}, {"shot protesters", tExcessive, 0.85f},
      {"fired live ammunition at protesters", tExcessive, 0.9f}, {"protesters were killed", tExcessive, 0.85f},
      {"demonstrators were killed", tExcessive, 0.85f}, {"protesters were shot", tExcessive, 0.85f},
      // riots
      {"rioters", tMob, 0.85f}, {"riot", tRiot, 0.75f}, {"riots", tRiot, 0.75f}, {"rioting", tRiot, 0.75f},
      {"rioted", tRiot, 0.75f}, {"threw stones", tMob, 0.7f}, {"threw rocks", tMob, 0.7f},
      {"hurled stones", tMob, 0.7f}, {"hurled rocks", tMob, 0.7f}, {"pelted", tMob, 0.65f},
      {"stone-throwing", tMob, 0.7f}, {"stone throwing", tMob, 0.7f}, {"burned tires", tRiot, 0.8f},
      {"burned tyres", tRiot, 0.8f}, {"burnt tyres", tRiot, 0.8f}, {"burning tyres", tRiot, 0.8f},
      {"burning tires", tRiot, 0.8f}, {"burnt tires", tRiot, 0.8f}, {"bonfires", tRiot, 0.6f},
      {"vandalised", tRiot, 0.65f}, {"vandalized", tRiot, 0.65f}, {"vandalism", tRiot, 0.6f},
      {"mob", tMob, 0.8f}, {"mobs", tMob, 0.8f}, {"angry mob", tMob, 0.9f}, {"lynched", tMob, 0.9f},
      {"lynching", tMob, 0.9f}, {"mob justice", tMob, 0.95f}, {"jungle justice", tMob, 0.95f},
      {"mob violence", tMob, 0.95f}, {"threw plastic bottles", tRiot, 0.6f}, {"beat up", tMob, 0.55f},
      {"settlers", tMob, 0.5f}, {"scuffle", tMob, 0.5f}, {"scuffles", tMob, 0.5f}, {"brawl", tMob, 0.6f},
      {"ransacked", tMob, 0.55f},
      // looting and destruction
      {"looted", tLooting, 0.85f}, {"looting", tLooting, 0.85f}, {"plundered", tLooting, 0.85f},
      {"pillaged", tLooting, 0.85f}, {"carted away", tLooting, 0.85f}, {"stole", tLooting, 0.6f},
      {"stealing", tLooting, 0.55f}, {"rustled", tLooting, 0.85f}, {"cattle rustling", tLooting, 0.85f},
      {"demolished", tLooting, 0.8f}, {"demolition", tLooting, 0.8f}, {"demolitions", tLooting, 0.8f},
      {"self-demolish", tLooting, 0.9f}, {"bulldozed", tLooting, 0.8f}, {"set fire to", tLooting, 0.55f},
      {"torched", tLooting, 0.55f}, {"burned down", tLooting, 0.55f}, {"razed", tLooting, 0.6f},
      {"confiscated", tLooting, 0.6f}, {"land seizure", tLooting, 0.85f}, {"seized livestock", tLooting, 0.85f},
      {"destroyed", tLooting, 0.35f}, {"property destruction", tLooting, 0.9f},
      // arrests
      {"arrested", tArrest, 0.85f}, {"arrests", tArrest, 0.8f}, {"arrest", tArrest, 0.7f},
      {"detained", tArrest, 0.8f}, {"detaining", tArrest, 0.8f}, {"detention", tArrest, 0.6f},
      {"apprehended", tArrest, 0.8f}, {"took into custody", tArrest, 0.85f}, {"taken into custody", tArrest, 0.85f},
      {"rounded up", tArrest, 0.75f}, {"nabbed", tArrest, 0.8f}, {"arrest campaign", tArrest, 0.9f},
      {"house arrest", tArrest, 0.6f},
      // disrupted weapons use
      {"defused", tDisrupted, 0.9f}, {"defuse", tDisrupted, 0.85f}, {"dismantled", tDisrupted, 0.6f},
      {"intercepted", tDisrupted, 0.85f}, {"interception", tDisrupted, 0.8f}, {"shot down", tDisrupted, 0.85f},
      {"foiled", tDisrupted, 0.8f}, {"thwarted", tDisrupted, 0.8f}, {"weapons cache", tDisrupted, 0.8f},
      {"arms cache", tDisrupted, 0.8f}, {"seized weapons", tDisrupted, 0.8f}, {"weapons seizure", tDisrupted, 0.85f},
      {"bomb disposal", tDisrupted, 0.8f}, {"neutralised", tDisrupted, 0.5f}, {"neutralized", tDisrupted, 0.5f},
      {"defusal", tDisrupted, 0.9f}, {"safely detonated", tDisrupted, 0.85f}, {"controlled explosion", tDisrupted, 0.85f},
      // changes to groups and activity, bases, agreements
      {"deployed", tChange, 0.6f}, {"deployment", tChange, 0.6f}, {"curfew", tChange, 0.75f},
      {"security measures", tChange, 0.8f}, {"reinforcements", tChange, 0.6f}, {"movement of forces", tChange, 0.85f},
      {"recruited", tChange, 0.5f}, {"recruitment", tChange, 0.5f}, {"mobilised", tChange, 0.5f},
      {"mobilized", tChange, 0.5f}, {"set up checkpoints", tChange, 0.6f}, {"military exercise", tChange, 0.6f},
      {"dispatched", tChange, 0.55f}, {"were deployed", tChange, 0.7f}, {"increased security", tChange, 0.7f},
      {"security presence", tChange, 0.6f}, {"crossed into", tChange, 0.6f}, {"moved into", tChange, 0.5f},
      {"defected", tChange, 0.7f},
      {"defection", tChange, 0.7f}, {"announced the creation", tChange, 0.7f}, {"split from", tChange, 0.7f},
      {"gave up their arms", tAgreement, 0.8f}, {"handed in their weapons", tAgreement, 0.8f},
      {"set up a temporary base", tHq, 0.85f}, {"established a temporary base", tHq, 0.85f},
      {"established a base", tHq, 0.85f}, {"set up a base", tHq, 0.85f}, {"set up headquarters", tHq, 0.85f},
      {"established headquarters", tHq, 0.85f}, {"established a military base", tHq, 0.9f},
      {"set up a new military post", tHq, 0.9f}, {"set up a military post", tHq, 0.9f},
      {"established a military post", tHq, 0.9f}, {"established a new military post", tHq, 0.9f},
      {"set up a new military point", tHq, 0.9f}, {"established a new military point", tHq, 0.9f},
      {"set up a new base", tHq, 0.85f}, {"established a new base", tHq, 0.85f},
      {"set up an observation post", tHq, 0.85f}, {"established an observation post", tHq, 0.85f},
      {"set up a new observation post", tHq, 0.85f}, {"established a new observation post", tHq, 0.85f},
      {"set up a new base", tHq, 0.85f}, {"established a new base", tHq, 0.85f},
      {"reached an agreement", tAgreement, 0.85f}, {"reached a deal", tAgreement, 0.85f},
      {"brokered deal", tAgreement, 0.8f}, {"brokered agreement", tAgreement, 0.8f},
      {"reconciliation agreement", tAgreement, 0.85f}, {"settlement agreement", tAgreement, 0.8f},
      {"agreed to a ceasefire", tAgreement, 0.8f}, {"agreed on a ceasefire", tAgreement, 0.8f},
      {"merged into", tChange, 0.8f}, {"announced the formation", tChange, 0.8f},
      {"announced its dissolution", tChange, 0.8f}, {"announced the dissolution", tChange, 0.8f},
      {"without fighting", tTransfer, 0.8f}, {"without a fight", tTransfer, 0.8f},
      {"without any clashes", tTransfer, 0.8f}, {"without clashes", tTransfer, 0.8f},
      {"without any fighting", tTransfer, 0.8f}, {"without a shot", tTransfer, 0.8f},
      {"without resistance", tTransfer, 0.75f}, {"no fighting occurred", tTransfer, 0.8f},
      {"no fighting took place", tTransfer, 0.8f}, {"reached a settlement", tAgreement, 0.85f},
      {"sponsored settlement", tAgreement, 0.8f}, {"brokered settlement", tAgreement, 0.8f},
      {"settlement deal", tAgreement, 0.75f}, {"joint operations room", tChange, 0.75f},
      {"formed a joint", tChange, 0.7f}, {"pledged allegiance", tChange, 0.75f}, {"into its ranks", tChange, 0.75f},
      {"into their ranks", tChange, 0.75f}, {"defected to", tChange, 0.6f},
      // held with no word of where: a forced disappearance, not an arrest
      {"whereabouts unknown", tAbduction, 0.85f}, {"whereabouts remain unknown", tAbduction, 0.9f},
      {"whereabouts are unknown", tAbduction, 0.9f}, {"whereabouts remained unknown", tAbduction, 0.9f},
      {"about his whereabouts", tAbduction, 0.85f}, {"about her whereabouts", tAbduction, 0.85f},
      {"about their whereabouts", tAbduction, 0.85f}, {"forcibly disappeared", tAbduction, 0.9f},
      {"enforced disappearance", tAbduction, 0.85f}, {"cut down", tLooting, 0.6f}, {"uprooted", tLooting, 0.7f},
      {"ransom", tAbduction, 0.8f}, {"for ransom", tAbduction, 0.9f}, {"demanded a ransom", tAbduction, 0.9f},
      {"demanding a ransom", tAbduction, 0.9f}, {"demanded ransom", tAbduction, 0.9f}, {"firefight", tClash, 0.85f},
      {"firefights", tClash, 0.85f},
      {"signed an agreement", tAgreement, 0.85f}, {"peace agreement", tAgreement, 0.8f},
      {"peace deal", tAgreement, 0.8f}, {"ceasefire agreement", tAgreement, 0.7f}, {"truce", tAgreement, 0.6f},
      {"surrendered", tAgreement, 0.6f}, {"prisoner exchange", tAgreement, 0.85f}, {"prisoner swap", tAgreement, 0.85f},
      {"disarmament", tAgreement, 0.55f}, {"signed a peace", tAgreement, 0.85f},
      // territory
      {"captured", tOvertake, 0.6f, kCapture}, {"seized", tOvertake, 0.5f, kCapture},
      {"took control of", tOvertake, 0.85f}, {"taken control of", tOvertake, 0.85f},
      {"took full control of", tOvertake, 0.9f}, {"taken full control of", tOvertake, 0.9f},
      {"took back control of", tRegain, 0.9f}, {"announced full control of", tOvertake, 0.9f},
      {"seized full control of", tOvertake, 0.9f}, {"full control over", tOvertake, 0.8f},
      {"seized control of", tOvertake, 0.9f}, {"took over", tOvertake, 0.6f}, {"overran", tOvertake, 0.85f},
      {"recaptured", tRegain, 0.85f}, {"retook", tRegain, 0.85f}, {"regained control", tRegain, 0.9f},
      {"regained", tRegain, 0.7f}, {"retaken", tRegain, 0.8f}, {"recapture", tRegain, 0.75f},
      {"overtakes", tOvertake, 0.85f}, {"overtook", tOvertake, 0.85f}, {"overtake", tOvertake, 0.7f},
      {"overruns", tOvertake, 0.85f}, {"overrun", tOvertake, 0.75f}, {"takes control of", tOvertake, 0.85f},
      {"seizes control of", tOvertake, 0.9f}, {"take control of", tOvertake, 0.75f}, {"takes over", tOvertake, 0.6f},
      {"gained control of", tOvertake, 0.85f}, {"gains control of", tOvertake, 0.85f},
      {"gain control of", tOvertake, 0.8f}, {"retakes", tRegain, 0.85f}, {"recaptures", tRegain, 0.85f},
      {"regains control", tRegain, 0.9f}, {"retake control", tRegain, 0.9f}, {"retook control", tRegain, 0.9f},
      {"withdrew from", tTransfer, 0.6f}, {"handed over", tTransfer, 0.5f}, {"withdrawal", tTransfer, 0.4f},
      // "Other"
      {"displacement", tOther, 0.6f}, {"displaced", tOther, 0.35f}, {"fled their", tOther, 0.4f},
      {"released hostages", tOther, 0.6f},
      // ACLED note headings
      {"interception:", tDisrupted, 0.98f, kHeading}, {"defusal:", tDisrupted, 0.98f, kHeading},
      {"weapons seizure:", tDisrupted, 0.98f, kHeading}, {"property destruction:", tLooting, 0.98f, kHeading},
      {"looting:", tLooting, 0.98f, kHeading}, {"land seizure:", tLooting, 0.98f, kHeading},
      {"security measures:", tChange, 0.98f, kHeading}, {"movement of forces:", tChange, 0.98f, kHeading},
      {"change to group/activity:", tChange, 0.98f, kHeading}, {"training:", tOther, 0.9f, kHeading},
      {"displacement:", tOther, 0.98f, kHeading}, {"other:", tOther, 0.98f, kHeading},
      {"non-violent activity:", tOther, 0.95f, kHeading}, {"arrests:", tArrest, 0.98f, kHeading},
      {"arrest:", tArrest, 0.98f, kHeading}, {"agreement:", tAgreement, 0.98f, kHeading},
      {"headquarters established:", tHq, 0.98f, kHeading}, {"base established:", tHq, 0.98f, kHeading},
      {"non-violent transfer of territory:", tTransfer, 0.98f, kHeading},
      {"abduction:", tAbduction, 0.98f, kHeading}, {"sexual violence:", tSexual, 0.98f, kHeading},
      // not events
      {"ceasefire", kNone, 0}, {"cease-fire", kNone, 0}, {"fighting age", kNone, 0}, {"fighting for", kNone, 0},
      {"fighting against corruption", kNone, 0}, {"shot put", kNone, 0}, {"screenshot", kNone, 0},
      {"heart attack", kNone, 0}, {"panic attack", kNone, 0}, {"cyber attack", kNone, 0},
      {"cyberattack", kNone, 0}, {"hunger strike", tProtest, 0.9f}, {"strike a deal", kNone, 0},
      {"struck a deal", kNone, 0}, {"killed time", kNone, 0}, {"protest vote", kNone, 0},
      // modality
      {"denied", kModalityBase + mDenied, 0.8f}, {"denies", kModalityBase + mDenied, 0.8f},
      {"denying", kModalityBase + mDenied, 0.7f}, {"deny", kModalityBase + mDenied, 0.6f},
      {"allegedly", kModalityBase + mAlleged, 0.8f}, {"alleged", kModalityBase + mAlleged, 0.7f},
      {"reportedly", kModalityBase + mAlleged, 0.6f}, {"purportedly", kModalityBase + mAlleged, 0.7f},
      {"suspected", kModalityBase + mAlleged, 0.5f}, {"accused", kModalityBase + mAlleged, 0.6f},
      {"said to have", kModalityBase + mAlleged, 0.6f}, {"unconfirmed", kModalityBase + mAlleged, 0.7f},
      {"claimed responsibility", kModalityBase + mClaimed, 0.95f},
      {"claimed the attack", kModalityBase + mClaimed, 0.9f}, {"claimed the attacks", kModalityBase + mClaimed, 0.9f},
      {"claimed both attacks", kModalityBase + mClaimed, 0.9f}, {"took responsibility", kModalityBase + mClaimed, 0.9f},
      {"claiming responsibility", kModalityBase + mClaimed, 0.9f}, {"claims responsibility", kModalityBase + mClaimed, 0.9f},
      {"planned", kModalityBase + mPlanned, 0.6f}, {"planning to", kModalityBase + mPlanned, 0.7f},
      {"plotting", kModalityBase + mPlanned, 0.7f}, {"plotted", kModalityBase + mPlanned, 0.7f},
      {"threatened to", kModalityBase + mPlanned, 0.7f}, {"intended to", kModalityBase + mPlanned, 0.6f},
      {"plans to", kModalityBase + mPlanned, 0.6f}, {"in preparations to", kModalityBase + mPlanned, 0.7f},
      {"in preparation to", kModalityBase + mPlanned, 0.7f}, {"was planning", kModalityBase + mPlanned, 0.7f},
  };
  return cues;
}

// Words around a bare "strike" that make it a labour strike.
bool labour_context(const std::vector<Token>& toks, size_t i) {
  const size_t lo = i > 8 ? i - 8 : 0, hi = std::min(toks.size(), i + 8);
  for (size_t k = lo; k < hi; ++k)
    if (word_is(toks[k], {"workers", "union", "unions", "teachers", "doctors", "nurses", "employees", "staff",
                          "drivers", "wages", "wage", "salary", "salaries", "pay", "labour", "labor", "general",
                          "indefinite", "hunger", "students", "lecturers", "transporters", "traders",
                          "went", "declared", "called", "strikers", "industrial", "pension", "pensions"}))
      return true;
  return false;
}

// Words around a bare "strike" that make it a military strike.
bool military_context(const std::vector<Token>& toks, size_t i) {
  const size_t lo = i > 8 ? i - 8 : 0, hi = std::min(toks.size(), i + 8);
  for (size_t k = lo; k < hi; ++k)
    if (word_is(toks[k], {"air", "drone", "missile", "launched", "carried", "conducted", "killed", "targeted",
                          "warplanes", "jets", "aircraft", "military", "army", "forces", "regime", "bombs",
                          "killing", "wounded", "injured", "hit", "targeting", "aerial", "coalition"}))
      return true;
  return false;
}

// What follows "captured"/"seized": people (an arrest or an abduction), goods (looting), or ground.
int capture_kind(const std::vector<Token>& toks, size_t i) {
  for (size_t k = i + 1; k < std::min(toks.size(), i + 5); ++k) {
    const Token& t = toks[k];
    if (t.kind == TokenKind::Punct) break;
    if (word_is(t, {"migrants", "suspects", "suspect", "people", "men", "man", "civilians", "women", "children",
                    "soldiers", "fighters", "members", "persons", "individuals", "militants", "him", "them",
                    "her", "officers", "policemen", "smugglers", "refugees", "farmers", "traders", "youths",
                    "woman", "boy", "girl", "child", "teacher", "teachers", "doctor", "doctors", "trader",
                    "shopkeeper", "student", "students", "journalist", "journalists", "activist", "activists",
                    "official", "officials", "driver", "drivers", "worker", "workers", "resident", "residents",
                    "villager", "villagers", "shepherd", "shepherds", "farmer", "merchant", "engineer", "nurse"}))
      return tArrest;
    static const std::initializer_list<std::string_view> kMateriel = {"weapons", "arms", "ammunition", "explosives",
                                                                       "rifles", "guns", "drugs"};
    if (word_is(t, kMateriel)) return tDisrupted;
    // "seized a truck loaded with rifles": what the carrier carried
    if (word_is(t, {"truck", "lorry", "van", "car", "vehicle", "shipment", "consignment", "boat"}))
      for (size_t q = k + 1; q < std::min(toks.size(), k + 5) && toks[q].kind != TokenKind::Punct; ++q)
        if (word_is(toks[q], kMateriel)) return tDisrupted;
    if (word_is(t, {"livestock", "cattle", "cows", "goats", "sheep", "camels", "property", "goods", "money",
                    "vehicles", "cars", "motorcycles", "land", "lands", "crops", "food", "grain"}))
      return tLooting;
    if (word_is(t, {"control", "town", "village", "city", "area", "areas", "positions", "position", "hill",
                    "base", "villages", "towns", "territory", "district", "neighbourhood", "neighborhood",
                    "airport", "headquarters", "road", "highway", "crossing", "outskirts", "strategic"}))
      return tOvertake;
  }
  return -1;
}

// Whether a protest trigger comes earlier (or, with `later`, later) in the same sentence as match `m`
// (no sentence end in between; "5 March" is no march).
bool protest_beside(const std::vector<Lexicon::Match>& matches, const std::vector<Cue>& cues, const Lexicon::Match& m,
                    std::string_view text, bool later) {
  for (const auto& o : matches) {
    if (!later && o.start >= m.start) break;
    if (later && o.start <= m.start) continue;
    const Cue& c = cues[o.id];
    if (c.value != tProtest) continue;
    const uint32_t from = later ? m.end : o.end, to = later ? o.start : m.start;
    if (to < from || to - from > 200) continue;
    if ((c.flags & kNotMonth) && std::isupper(static_cast<unsigned char>(text[o.start]))) continue;
    const std::string_view between = text.substr(from, to - from);
    if (between.find(". ") == std::string_view::npos && between.find('\n') == std::string_view::npos) return true;
  }
  return false;
}

// "Shortly after fighting broke out between the army and local gunmen, a shell struck a house": a
// trigger in an opening "after/following/amid" clause sets the time of the event the main clause tells
// (when that clause has a trigger of its own).
bool opening_clause(const std::vector<Lexicon::Match>& matches, const std::vector<Cue>& cues, const Lexicon::Match& m,
                    std::string_view text) {
  const uint32_t lo = m.start > 120 ? m.start - 120 : 0;
  uint32_t cs = lo;
  for (uint32_t k = m.start; k > lo; --k) {
    const char ch = text[k - 1];
    if (ch == ',' || ch == '\n' || ((ch == '.' || ch == ';') && k < text.size() && text[k] == ' ')) {
      cs = k;
      break;
    }
  }
  if (cs == lo && lo != 0) return false;
  std::string_view lead = text.substr(cs, m.start - cs);  // compared in place: this runs for every trigger
  const size_t skip = lead.find_first_not_of(" \"'");
  lead.remove_prefix(skip == std::string_view::npos ? lead.size() : skip);
  static const std::array<std::string_view, 12> kOpeners = {
      "after ", "shortly after ", "soon after ", "hours after ", "minutes after ", "following ", "amid ",
      "as part of ", "in the wake of ", "in response to ", "in retaliation for ", "in retaliation to "};
  if (std::none_of(kOpeners.begin(), kOpeners.end(), [&](std::string_view o) {
        return lead.size() >= o.size() && ik::text::iequals(lead.substr(0, o.size()), o);
      }))
    return false;
  // the clause ends at a comma before the sentence does; the main clause after it has a trigger
  size_t comma = m.end;
  while (comma < text.size() && text[comma] != ',' && text[comma] != '.' && text[comma] != '\n' && text[comma] != ';')
    ++comma;
  if (comma >= text.size() || text[comma] != ',') return false;
  size_t stop = text.find_first_of(".;\n", comma);
  if (stop == std::string_view::npos) stop = text.size();
  for (const auto& o : matches) {
    if (o.start <= comma) continue;
    if (o.start >= stop) break;
    const Cue& c = cues[o.id];
    if (c.value != kNone && c.value < kModalityBase) return true;
  }
  return false;
}

struct Events {
  static constexpr const char *name = "events", *version = "v1", *requires_labels = "sentence",
                              *assigns = "event modality", *default_config = "{}";
  explicit Events(const Config&) { cue_matches({}, kEventCues); }

  void process(Doc& doc) const {
    const std::string_view text = doc.text();
    const auto& cues = event_cues();
    const auto matches = cue_matches(text, kEventCues);
    if (matches.empty()) return;
    const auto& toks = ik::text::tokens_of(text);  // (no other tokenize() below on this thread)
    std::vector<Range> sents;  // computed when a cue needs its sentence
    for (const auto& m : matches) {
      const Cue& c = cues[m.id];
      if (c.value == kNone) continue;
      if (c.value >= kModalityBase) {
        emit(doc, m.start, m.end, "modality", kModalityNames[c.value - kModalityBase], c.confidence);
        continue;
      }
      const size_t ti = token_at(toks, m.start);
      int trig = c.value;
      double conf = c.confidence;
      if (c.flags & kHeading) {
        // Only as the note's leading label (the first few bytes of the text).
        size_t lead = 0;
        while (lead < m.start && (text[lead] == ' ' || text[lead] == '\n' || text[lead] == '"')) ++lead;
        if (lead != m.start) continue;
      }
      if ((c.flags & kNotMonth) && ti < toks.size()) {
        // "March 2020", "3 March": the month.
        const bool cap = toks[ti].capitalised;
        const bool num_next = ti + 1 < toks.size() && toks[ti + 1].kind == TokenKind::Number;
        const bool num_prev = ti > 0 && toks[ti - 1].kind == TokenKind::Number;
        if (cap && (num_next || num_prev || ti == 0 || (ti > 0 && word_is(toks[ti - 1], {"in", "on", "since", "of", "until", "by", "early", "late", "mid", "end"}))))
          continue;
      }
      if ((c.flags & kLowerCase) && std::isupper(static_cast<unsigned char>(text[m.start]))) continue;
      if ((c.flags & kNotThat) && ti + 1 < toks.size() && word_is(toks[ti + 1], {"that", "how", "its", "their", "his", "her"}))
        continue;
      if (c.flags & kNotAfterViolence) {
        if (sents.empty()) sents = sentence_ranges(doc);
        const Range sent = sentence_of(sents, m.start, uint32_t(text.size()));
        bool violent = false;
        for (const auto& o : matches) {
          if (o.start >= m.start) break;
          const Cue& oc = cues[o.id];
          violent |= o.start >= sent.start && oc.value != kNone && oc.value < kModalityBase &&
                     kTriggers[oc.value].type != kProtests;
        }
        if (violent) continue;
      }
      if (c.flags & kLabourStrike) {
        if (ti < toks.size() && toks[ti].capitalised && ti > 0 && toks[ti - 1].kind == TokenKind::Word)
          continue;  // part of a name ("Women's Strike movement")
        if (labour_context(toks, ti)) trig = tProtest, conf = 0.75;
        else if (!military_context(toks, ti)) continue;
      }
      if (c.flags & kCapture) {
        int k = capture_kind(toks, ti);
        // "were captured": people, not ground.
        if (k < 0 && ti > 0 && word_is(toks[ti - 1], {"were", "was", "been", "being"})) k = tArrest;
        if (k < 0) conf *= 0.6;
        else trig = k;
      }
      const Trigger& t = kTriggers[trig];
      // "protested against the killing of ...", "rallied ... in the wake of renewed fighting": what a
      // protest is about is not an event of the report.
      // Only nouns and passives ("the killing of", "was assaulted"): a finite verb after a protest is
      // usually what the protesters did ("demonstrated and burned tyres").
      const std::string_view surface = text.substr(m.start, m.end - m.start);
      const bool nominal = !(surface.size() > 2 && surface.substr(surface.size() - 2) == "ed") ||
                           (ti > 0 && word_is(toks[ti - 1], {"was", "were", "been"}));
      // "the families of two men who were killed in a shooting held a vigil": a relative clause on the
      // protesters says why they protest, when a protest follows in the sentence
      bool relative_clause = false;
      if (t.type != kProtests && t.type != kRiots) {
        const size_t from = m.start > 60 ? m.start - 60 : 0;
        const std::string_view before = text.substr(from, m.start - from);
        // (rfind() compares at every position: a find() of what the phrases share rules them out first,
        // in most texts)
        if (before.find(" who ") != std::string_view::npos)
          for (const char* w : {" who were ", " who was ", " who had been "})
            if (const size_t at = before.rfind(w); at != std::string_view::npos &&
                before.find_first_of(".;", at) == std::string_view::npos)
              relative_clause = true;
        relative_clause = relative_clause && protest_beside(matches, cues, m, text, true);
        // "demonstrated, demanding the release of relatives detained in raids": whom they want freed
        if (!relative_clause && before.find("release of ") != std::string_view::npos)
          if (const size_t at = before.rfind("release of "); before.find_first_of(".;", at) == std::string_view::npos)
            relative_clause = protest_beside(matches, cues, m, text, false);
      }
      const bool opening = opening_clause(matches, cues, m, text);
      const bool background = (t.type != kProtests && t.type != kRiots &&
                               ((nominal && protest_beside(matches, cues, m, text, false)) || relative_clause)) ||
                              opening;
      if (background) conf *= 0.4;
      // One buffer, handed over (no temporaries per piece, no copy into emit())
      std::string attrs;
      attrs.reserve(96);
      attrs += R"({"event_type":")";
      attrs += kTypeNames[t.type];
      attrs += R"(","sub_event_type":")";
      attrs += t.sub;
      attrs += '"';
      if (c.flags & kHeading) attrs += R"(,"heading":true)";
      if (background) attrs += R"(,"background":true)";
      if (opening) attrs += R"(,"opening":true)";  // (its clause's places are background too: incidents.v1)
      attrs += '}';
      emit(doc, m.start, m.end, "event", t.value, conf, std::move(attrs));
    }
  }
};

// "medical and educational facilities", "air and ground strikes", "schools, markets and residential
// areas": a modifier coordinated with the first word of a matched cue shares its head noun, so
// "medical facilities" is named too. Adds a match on the modifier alone when modifier + the rest of the
// cue is itself a cue of the set.
void add_coordinated(std::string_view text, const std::unordered_map<std::string, uint32_t>& phrase_id,
                     std::vector<Lexicon::Match>& found) {
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; };
  const auto skip_space = [&](size_t i) {
    while (i > 0 && text[i - 1] == ' ') --i;
    return i;
  };
  const auto word_before = [&](size_t end) {  // [start, end) of the letters ending at `end`
    size_t b = end;
    while (b > 0 && is_letter(text[b - 1])) --b;
    return b;
  };
  const size_t n = found.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string_view phrase = text.substr(found[i].start, found[i].end - found[i].start);
    const size_t sp = phrase.find(' ');
    size_t at = found[i].start;
    std::string head;  // " facilities"
    if (sp != std::string_view::npos) {
      head = ik::text::lower(phrase.substr(sp));
    } else {  // a bare head noun after a modifier that is not a cue: "air and ground strikes"
      const size_t j = skip_space(at);
      const size_t b = word_before(j);
      if (j == at || b == j) continue;
      head = " " + ik::text::lower(phrase);
      at = b;
    }
    for (int hops = 0; hops < 4; ++hops) {  // walk back through a list: "A, B and C facilities"
      size_t j = skip_space(at);
      bool joined = false;
      if (j > 0 && text[j - 1] == ',') {
        joined = true;
        j = skip_space(j - 1);
      }
      const size_t cw = word_before(j);
      const std::string conj = ik::text::lower(text.substr(cw, j - cw));
      if (conj == "and" || conj == "or") {
        joined = true;
        j = skip_space(cw);
        if (j > 0 && text[j - 1] == ',') j = skip_space(j - 1);  // Oxford comma
      }
      if (!joined) break;
      const size_t b = word_before(j);
      if (b == j) break;
      const auto it = phrase_id.find(ik::text::lower(text.substr(b, j - b)) + head);
      if (it == phrase_id.end()) break;
      bool covered = false;
      for (const auto& m : found) covered |= m.start <= b && b < m.end;
      if (!covered) found.push_back({uint32_t(b), uint32_t(j), it->second});
      at = b;
    }
  }
  if (found.size() != n)
    std::sort(found.begin(), found.end(), [](const Lexicon::Match& a, const Lexicon::Match& b) { return a.start < b.start; });
}

std::vector<Lexicon::Match> cue_matches(std::string_view text, CueSet set) {
  // One lexicon of every cue: the ids of set k follow those of the sets before it.
  struct Merged {
    Lexicon lex;
    std::array<uint32_t, 4> first{};  // first id of each set; first[3]: the total
    std::array<std::unordered_map<std::string, uint32_t>, 2> phrase_id;  // weapon and target cues by phrase
  };
  static const Merged merged = [] {
    Merged m;
    const std::array<const std::vector<Cue>*, 3> sets = {&weapon_cues(), &target_cues(), &event_cues()};
    uint32_t id = 0;
    for (size_t k = 0; k < sets.size(); ++k) {
      m.first[k] = id;
      for (const Cue& c : *sets[k]) m.lex.add(c.phrase, id++);
    }
    m.first[3] = id;
    m.lex.build();
    for (size_t k = 0; k < 2; ++k)
      for (const Cue& c : *sets[k]) m.phrase_id[k].emplace(std::string(c.phrase), uint32_t(&c - sets[k]->data()));
    return m;
  }();
  // The last text scanned on this thread and its matches per set. Keyed by the text's bytes (not its
  // address, which a later document may reuse): the matches depend on nothing else.
  struct Last {
    bool valid = false;
    std::string text;
    std::array<std::vector<Lexicon::Match>, 3> matches;
  };
  thread_local Last last;
  if (!last.valid || text != last.text) {
    last.valid = false;
    for (auto& v : last.matches) v.clear();
    // All matches, in find()'s order; split by set, each keeps that order, so keep_longest() resolves
    // overlaps exactly as a find() with the set's own lexicon would.
    for (Lexicon::Match m : merged.lex.find(text, false)) {
      size_t k = 0;
      while (m.id >= merged.first[k + 1]) ++k;
      m.id -= merged.first[k];
      last.matches[k].push_back(m);
    }
    for (auto& v : last.matches) Lexicon::keep_longest(v);
    for (size_t k = 0; k < 2; ++k) add_coordinated(text, merged.phrase_id[k], last.matches[k]);
    last.text.assign(text);
    last.valid = true;
  }
  return last.matches[set];
}

}  // namespace

IK_PLUGIN(ik_lexicons, "1.0.0", Weapons, Targets, Events)
