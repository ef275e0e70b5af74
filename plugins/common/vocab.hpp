// Controlled vocabularies of the output contract (shared/eval/README.md) and ACLED's taxonomy.
#pragma once

#include <array>
#include <string_view>

namespace ik::vocab {

inline constexpr std::array<std::string_view, 19> kWeapons = {
    "firearms", "explosive", "ied", "landmine", "grenade", "car_bomb", "suicide_bomb",
    "air_strike", "drone", "barrel_bomb", "shelling", "missile", "cluster_munition", "incendiary",
    "chemical", "heavy_weapons", "bladed", "arson", "blunt"};

inline constexpr std::array<std::string_view, 12> kTargets = {
    "hospital", "school", "market", "residential", "place_of_worship", "camp", "bakery",
    "civil_defense", "government", "military", "infrastructure", "vehicle"};

// ACLED event types and their sub-event types, spelled exactly as ACLED does.
struct EventType {
  std::string_view type;
  std::array<std::string_view, 6> subs;  // unused slots empty
};
inline constexpr std::array<EventType, 6> kEventTypes = {{
    {"Battles", {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "", "", ""}},
    {"Explosions/Remote violence",
     {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
      "Remote explosive/landmine/IED", "Grenade"}},
    {"Violence against civilians", {"Sexual violence", "Attack", "Abduction/forced disappearance", "", "", ""}},
    {"Protests", {"Peaceful protest", "Protest with intervention", "Excessive force against protesters", "", "", ""}},
    {"Riots", {"Violent demonstration", "Mob violence", "", "", "", ""}},
    {"Strategic developments",
     {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
      "Headquarters or base established", "Looting/property destruction"}},
}};
// Strategic developments also has "Non-violent transfer of territory" and "Other".
inline constexpr std::array<std::string_view, 2> kStrategicExtra = {"Non-violent transfer of territory", "Other"};

// ACLED interaction codes.
enum Inter : int {
  kStateForces = 1, kRebels = 2, kPoliticalMilitia = 3, kIdentityMilitia = 4,
  kRioters = 5, kProtesters = 6, kCivilians = 7, kExternalForces = 8
};

template <size_t N>
constexpr bool contains(const std::array<std::string_view, N>& a, std::string_view v) {
  for (auto x : a)
    if (x == v) return true;
  return false;
}

}  // namespace ik::vocab
