// actors.v1: who did what to whom, named the way ACLED names actors, with ACLED's inter codes.
//
// One Lexicon holds every actor phrase (named groups, state-force nouns, demonyms and country names, generic
// armed men, crowds, civilians). Adjacent matches are joined into one chunk ("Israeli" + "military forces",
// "suspected" + "Fulani herdsmen") and the chunk is read as one actor. The country comes from a demonym in
// the chunk, the group's home, or the country where the event happened (the places mentions); a state's
// forces acting outside their own country are external forces (inter 8), as ACLED codes them. The role
// (perpetrator/victim) comes from the words around the chunk: "X attacked", "by X", "attacked X",
// "X were killed". Crowds of people take their inter code from their verb: "residents protested" are
// protesters (6), "youths attacked" rioters (5), "traders were beaten" civilians (7).
#include <algorithm>
#include <array>
#include <map>
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
using namespace ik::vocab;

// ---------------------------------------------------------------------------------------------- countries
// ISO3, the name as ACLED writes it, demonyms (adjective|plural noun), other names. "|" separates variants.
struct Country {
  std::string_view iso3, name, adjectives, plurals, names;
};
constexpr Country kCountries[] = {
    {"AFG", "Afghanistan", "Afghan", "Afghans", "Afghanistan"},
    {"ALB", "Albania", "Albanian", "Albanians", "Albania"},
    {"DZA", "Algeria", "Algerian", "Algerians", "Algeria"},
    {"AGO", "Angola", "Angolan", "Angolans", "Angola"},
    {"ARG", "Argentina", "Argentine|Argentinian", "Argentines|Argentinians", "Argentina"},
    {"ARM", "Armenia", "Armenian", "Armenians", "Armenia"},
    {"AUS", "Australia", "Australian", "Australians", "Australia"},
    {"AUT", "Austria", "Austrian", "Austrians", "Austria"},
    {"AZE", "Azerbaijan", "Azerbaijani|Azeri", "Azerbaijanis|Azeris", "Azerbaijan"},
    {"BHR", "Bahrain", "Bahraini", "Bahrainis", "Bahrain"},
    {"BGD", "Bangladesh", "Bangladeshi", "Bangladeshis", "Bangladesh"},
    {"BLR", "Belarus", "Belarusian", "Belarusians", "Belarus"},
    {"BEL", "Belgium", "Belgian", "Belgians", "Belgium"},
    {"BEN", "Benin", "Beninese", "", "Benin"},
    {"BOL", "Bolivia", "Bolivian", "Bolivians", "Bolivia"},
    {"BIH", "Bosnia and Herzegovina", "Bosnian", "Bosnians", "Bosnia and Herzegovina|Bosnia"},
    {"BWA", "Botswana", "Botswanan", "", "Botswana"},
    {"BRA", "Brazil", "Brazilian", "Brazilians", "Brazil"},
    {"BGR", "Bulgaria", "Bulgarian", "Bulgarians", "Bulgaria"},
    {"BFA", "Burkina Faso", "Burkinabe|Burkinabè", "", "Burkina Faso|Burkina"},
    {"BDI", "Burundi", "Burundian", "Burundians", "Burundi"},
    {"KHM", "Cambodia", "Cambodian", "Cambodians", "Cambodia"},
    {"CMR", "Cameroon", "Cameroonian", "Cameroonians", "Cameroon"},
    {"CAN", "Canada", "Canadian", "Canadians", "Canada"},
    {"CAF", "Central African Republic", "Central African", "Central Africans", "Central African Republic|CAR"},
    {"TCD", "Chad", "Chadian", "Chadians", "Chad"},
    {"CHL", "Chile", "Chilean", "Chileans", "Chile"},
    {"CHN", "China", "Chinese", "", "China"},
    {"COL", "Colombia", "Colombian", "Colombians", "Colombia"},
    {"COD", "Democratic Republic of Congo", "Congolese", "", "Democratic Republic of Congo|Democratic Republic of the Congo|DRC|DR Congo"},
    {"COG", "Republic of Congo", "", "", "Republic of Congo|Congo-Brazzaville"},
    {"CRI", "Costa Rica", "Costa Rican", "Costa Ricans", "Costa Rica"},
    {"CIV", "Ivory Coast", "Ivorian", "Ivorians", "Ivory Coast|Cote d'Ivoire|Côte d'Ivoire"},
    {"HRV", "Croatia", "Croatian", "Croatians", "Croatia"},
    {"CUB", "Cuba", "Cuban", "Cubans", "Cuba"},
    {"CYP", "Cyprus", "Cypriot", "Cypriots", "Cyprus"},
    {"CZE", "Czech Republic", "Czech", "Czechs", "Czech Republic|Czechia"},
    {"DNK", "Denmark", "Danish", "Danes", "Denmark"},
    {"DJI", "Djibouti", "Djiboutian", "Djiboutians", "Djibouti"},
    {"DOM", "Dominican Republic", "Dominican", "Dominicans", "Dominican Republic"},
    {"ECU", "Ecuador", "Ecuadorian|Ecuadorean", "Ecuadorians", "Ecuador"},
    {"EGY", "Egypt", "Egyptian", "Egyptians", "Egypt"},
    {"SLV", "El Salvador", "Salvadoran|Salvadorean", "Salvadorans", "El Salvador"},
    {"ERI", "Eritrea", "Eritrean", "Eritreans", "Eritrea"},
    {"EST", "Estonia", "Estonian", "Estonians", "Estonia"},
    {"ETH", "Ethiopia", "Ethiopian", "Ethiopians", "Ethiopia"},
    {"FIN", "Finland", "Finnish", "Finns", "Finland"},
    {"FRA", "France", "French", "", "France"},
    {"GAB", "Gabon", "Gabonese", "", "Gabon"},
    {"GMB", "Gambia", "Gambian", "Gambians", "Gambia"},
    {"GEO", "Georgia", "Georgian", "Georgians", "Georgia"},
    {"DEU", "Germany", "German", "Germans", "Germany"},
    {"GHA", "Ghana", "Ghanaian", "Ghanaians", "Ghana"},
    {"GRC", "Greece", "Greek", "Greeks", "Greece"},
    {"GTM", "Guatemala", "Guatemalan", "Guatemalans", "Guatemala"},
    {"GIN", "Guinea", "Guinean", "Guineans", "Guinea|Guinea-Conakry"},
    {"GNB", "Guinea-Bissau", "Bissau-Guinean", "", "Guinea-Bissau"},
    {"HTI", "Haiti", "Haitian", "Haitians", "Haiti"},
    {"HND", "Honduras", "Honduran", "Hondurans", "Honduras"},
    {"HUN", "Hungary", "Hungarian", "Hungarians", "Hungary"},
    {"IND", "India", "Indian", "Indians", "India"},
    {"IDN", "Indonesia", "Indonesian", "Indonesians", "Indonesia"},
    {"IRN", "Iran", "Iranian", "Iranians", "Iran"},
    {"IRQ", "Iraq", "Iraqi", "Iraqis", "Iraq"},
    {"IRL", "Ireland", "Irish", "", "Ireland"},
    {"ISR", "Israel", "Israeli", "Israelis", "Israel"},
    {"ITA", "Italy", "Italian", "Italians", "Italy"},
    {"JAM", "Jamaica", "Jamaican", "Jamaicans", "Jamaica"},
    {"JPN", "Japan", "Japanese", "", "Japan"},
    {"JOR", "Jordan", "Jordanian", "Jordanians", "Jordan"},
    {"KAZ", "Kazakhstan", "Kazakh|Kazakhstani", "Kazakhs", "Kazakhstan"},
    {"KEN", "Kenya", "Kenyan", "Kenyans", "Kenya"},
    {"XKX", "Kosovo", "Kosovar", "Kosovars", "Kosovo"},
    {"KWT", "Kuwait", "Kuwaiti", "Kuwaitis", "Kuwait"},
    {"KGZ", "Kyrgyzstan", "Kyrgyz", "", "Kyrgyzstan"},
    {"LAO", "Laos", "Lao|Laotian", "Laotians", "Laos"},
    {"LBN", "Lebanon", "Lebanese", "", "Lebanon"},
    {"LSO", "Lesotho", "Basotho", "", "Lesotho"},
    {"LBR", "Liberia", "Liberian", "Liberians", "Liberia"},
    {"LBY", "Libya", "Libyan", "Libyans", "Libya"},
    {"MDG", "Madagascar", "Malagasy", "", "Madagascar"},
    {"MWI", "Malawi", "Malawian", "Malawians", "Malawi"},
    {"MYS", "Malaysia", "Malaysian", "Malaysians", "Malaysia"},
    {"MLI", "Mali", "Malian", "Malians", "Mali"},
    {"MRT", "Mauritania", "Mauritanian", "Mauritanians", "Mauritania"},
    {"MEX", "Mexico", "Mexican", "Mexicans", "Mexico"},
    {"MDA", "Moldova", "Moldovan", "Moldovans", "Moldova"},
    {"MNG", "Mongolia", "Mongolian", "Mongolians", "Mongolia"},
    {"MNE", "Montenegro", "Montenegrin", "Montenegrins", "Montenegro"},
    {"MAR", "Morocco", "Moroccan", "Moroccans", "Morocco"},
    {"MOZ", "Mozambique", "Mozambican", "Mozambicans", "Mozambique"},
    {"MMR", "Myanmar", "Myanmar|Burmese", "", "Myanmar|Burma"},
    {"NAM", "Namibia", "Namibian", "Namibians", "Namibia"},
    {"NPL", "Nepal", "Nepali|Nepalese", "Nepalis", "Nepal"},
    {"NLD", "Netherlands", "Dutch", "", "Netherlands"},
    {"NZL", "New Zealand", "", "", "New Zealand"},
    {"NIC", "Nicaragua", "Nicaraguan", "Nicaraguans", "Nicaragua"},
    {"NER", "Niger", "Nigerien", "Nigeriens", "Niger"},
    {"NGA", "Nigeria", "Nigerian", "Nigerians", "Nigeria"},
    {"PRK", "North Korea", "North Korean", "North Koreans", "North Korea"},
    {"MKD", "North Macedonia", "Macedonian", "Macedonians", "North Macedonia|Macedonia"},
    {"NOR", "Norway", "Norwegian", "Norwegians", "Norway"},
    {"OMN", "Oman", "Omani", "Omanis", "Oman"},
    {"PAK", "Pakistan", "Pakistani", "Pakistanis", "Pakistan"},
    {"PSE", "Palestine", "Palestinian", "Palestinians", "Palestine|Gaza|Gaza Strip|West Bank"},
    {"PAN", "Panama", "Panamanian", "Panamanians", "Panama"},
    {"PNG", "Papua New Guinea", "Papua New Guinean", "", "Papua New Guinea"},
    {"PRY", "Paraguay", "Paraguayan", "Paraguayans", "Paraguay"},
    {"PER", "Peru", "Peruvian", "Peruvians", "Peru"},
    {"PHL", "Philippines", "Philippine|Filipino", "Filipinos", "Philippines"},
    {"POL", "Poland", "Polish", "Poles", "Poland"},
    {"PRT", "Portugal", "Portuguese", "", "Portugal"},
    {"PRI", "Puerto Rico", "Puerto Rican", "Puerto Ricans", "Puerto Rico"},
    {"QAT", "Qatar", "Qatari", "Qataris", "Qatar"},
    {"ROU", "Romania", "Romanian", "Romanians", "Romania"},
    {"RUS", "Russia", "Russian", "Russians", "Russia|Russian Federation"},
    {"RWA", "Rwanda", "Rwandan", "Rwandans", "Rwanda"},
    {"SAU", "Saudi Arabia", "Saudi", "Saudis", "Saudi Arabia"},
    {"SEN", "Senegal", "Senegalese", "", "Senegal"},
    {"SRB", "Serbia", "Serbian|Serb", "Serbs|Serbians", "Serbia"},
    {"SLE", "Sierra Leone", "Sierra Leonean", "Sierra Leoneans", "Sierra Leone"},
    {"SVK", "Slovakia", "Slovak", "Slovaks", "Slovakia"},
    {"SOM", "Somalia", "Somali", "Somalis", "Somalia"},
    {"ZAF", "South Africa", "South African", "South Africans", "South Africa"},
    {"KOR", "South Korea", "South Korean", "South Koreans", "South Korea"},
    {"SSD", "South Sudan", "South Sudanese", "", "South Sudan"},
    {"ESP", "Spain", "Spanish", "Spaniards", "Spain"},
    {"LKA", "Sri Lanka", "Sri Lankan", "Sri Lankans", "Sri Lanka"},
    {"SDN", "Sudan", "Sudanese", "", "Sudan"},
    {"SWE", "Sweden", "Swedish", "Swedes", "Sweden"},
    {"CHE", "Switzerland", "Swiss", "", "Switzerland"},
    {"SYR", "Syria", "Syrian", "Syrians", "Syria"},
    {"TWN", "Taiwan", "Taiwanese", "", "Taiwan"},
    {"TJK", "Tajikistan", "Tajik", "Tajiks", "Tajikistan"},
    {"TZA", "Tanzania", "Tanzanian", "Tanzanians", "Tanzania"},
    {"THA", "Thailand", "Thai", "Thais", "Thailand"},
    {"TGO", "Togo", "Togolese", "", "Togo"},
    {"TUN", "Tunisia", "Tunisian", "Tunisians", "Tunisia"},
    {"TUR", "Turkey", "Turkish", "Turks", "Turkey|Türkiye|Turkiye"},
    {"TKM", "Turkmenistan", "Turkmen", "", "Turkmenistan"},
    {"UGA", "Uganda", "Ugandan", "Ugandans", "Uganda"},
    {"UKR", "Ukraine", "Ukrainian", "Ukrainians", "Ukraine"},
    {"ARE", "United Arab Emirates", "Emirati", "Emiratis", "United Arab Emirates|UAE"},
    {"GBR", "United Kingdom", "British", "Britons", "United Kingdom|Britain|UK"},
    {"USA", "United States", "American|US|U.S.", "Americans", "United States|USA|U.S.A.|America"},
    {"URY", "Uruguay", "Uruguayan", "Uruguayans", "Uruguay"},
    {"UZB", "Uzbekistan", "Uzbek", "Uzbeks", "Uzbekistan"},
    {"VEN", "Venezuela", "Venezuelan", "Venezuelans", "Venezuela"},
    {"VNM", "Vietnam", "Vietnamese", "", "Vietnam"},
    {"YEM", "Yemen", "Yemeni", "Yemenis", "Yemen"},
    {"ZMB", "Zambia", "Zambian", "Zambians", "Zambia"},
    {"ZWE", "Zimbabwe", "Zimbabwean", "Zimbabweans", "Zimbabwe"},
};
constexpr int kCountryCount = int(std::size(kCountries));

int country_by_iso3(std::string_view iso3) {
  // Asked for every place mention of every document: a hash lookup, not a scan of the table.
  static const std::unordered_map<std::string_view, int> index = [] {
    std::unordered_map<std::string_view, int> m;
    for (int i = 0; i < kCountryCount; ++i) m.emplace(kCountries[i].iso3, i);  // the first row of a code wins
    return m;
  }();
  const auto it = index.find(iso3);
  return it == index.end() ? -1 : it->second;
}
int country_by_name(std::string_view name) {
  for (int i = 0; i < kCountryCount; ++i) {
    if (ik::text::iequals(kCountries[i].name, name)) return i;
    std::string_view rest = kCountries[i].names;
    while (!rest.empty()) {
      const size_t bar = rest.find('|');
      if (ik::text::iequals(rest.substr(0, bar), name)) return i;
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    }
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------- phrases
enum class Kind : uint8_t {
  Country,        // a country's name ("Syria"): the chunk's country
  Adjective,      // a demonym adjective ("Syrian"): the chunk's country
  Plural,         // a plural demonym ("Palestinians"): people of that country
  Force,          // a state's forces: "army", "police", "warplanes", "authorities"
  Named,          // a named organisation with an ACLED name
  Armed,          // unnamed armed men: "gunmen", "militants", "bandits", "gang"
  Crowd,          // people who may protest, riot or be victims: "residents", "students", "youths"
  Civilians,      // victims unless the verb says otherwise: "civilians", "villagers", "passengers"
  Modifier,       // words joined into a chunk but naming nothing: "suspected", "pro-government"
  Stop,           // absorbing phrases that are not actors ("regime change", "police station")
};

enum ForceKind : uint8_t { kMilitary, kAir, kPolice, kGovernment };
enum ArmedKind : uint8_t { kUnidentified, kGang, kRebel, kMilitia, kIdentity, kClan, kTribal, kCommunal, kProGov };
enum CrowdKind : uint8_t { cProtesters, cRioters, cPeople, cSettlers };
enum ModKind : uint8_t { kModPlain, kModProGov, kModSuspected };

// A named organisation. `country` (ISO3) is its home: a state's force, or where a group is based; empty
// when it is named by the place of the event. State forces abroad become inter 8.
struct Named {
  std::string_view name;   // ACLED's name; "{}" is replaced by the country ("Islamic State ({})")
  int inter;
  std::string_view country;
  bool state = false;      // a state force: foreign -> 8
  std::string_view home;   // where a group named without a country mostly fights: the document's
                           // country when it names no place ("Boko Haram" -> Nigeria)
};

struct Phrase {
  std::string_view text;
  Kind kind;
  int arg;  // country index, ForceKind, Named index, ArmedKind, CrowdKind, ModKind
};

const std::vector<Named>& named_groups() {
  static const std::vector<Named> v = {
      {"Hamas Movement", 3, "PSE"},                                                       // 0
      {"PIJ: Palestinian Islamic Jihad", 3, "PSE"},                                       // 1
      {"Al Aqsa Martyrs Brigade", 3, "PSE"},                                              // 2
      {"Hezbollah", 3, "LBN"},                                                            // 3
      {"Military Forces of Yemen (2017-) Houthi", 1, "YEM", true},                        // 4
      {"Islamic State ({})", 2, ""},                                                      // 5
      {"Islamic State West Africa Province", 2, "", false, "NGA"},                                      // 6
      {"Islamic State Sahel Province", 2, ""},                                            // 7
      {"Islamic State Khorasan Province", 2, ""},                                         // 8
      {"Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2, "", false, "NGA"},                // 9
      {"Al Shabaab", 2, "", false, "SOM"},                                                          // 10
      {"JNIM: Group for Support of Islam and Muslims", 2, "", false, "MLI"},                            // 11
      {"Taliban", 2, "AFG"},                                                              // 12 (see kTalibanState)
      {"TTP: Tehreek-i-Taliban Pakistan", 2, "PAK"},                                      // 13
      {"Hayat Tahrir al Sham", 2, "SYR"},                                                 // 14
      {"Jabhat Fateh al Sham", 2, "SYR"},                                                 // 15
      {"Syrian National Army", 2, "SYR"},                                                 // 16
      {"QSD: Syrian Democratic Forces", 2, "SYR"},                                        // 17
      {"PKK: Kurdistan Workers Party", 2, "", false, "TUR"},                                            // 18
      {"Rapid Support Forces", 2, "SDN"},                                                 // 19
      {"Military Forces of Sudan (2019-)", 1, "SDN", true},                               // 20
      {"SPLM-N: Sudan People's Liberation Movement-North", 2, "SDN"},                     // 21
      {"M23: March 23 Movement", 2, "COD"},                                               // 22
      {"ADF: Allied Democratic Forces", 2, "", false, "COD"},                                           // 23
      {"CODECO: Cooperative for Development of Congo", 3, "COD"},                         // 24
      {"Mayi Mayi Militia", 3, "COD"},                                                    // 25
      {"Military Forces of Democratic Republic of Congo (2019-)", 1, "COD", true},        // 26
      {"Military Forces of Mali (2021-)", 1, "MLI", true},                                // 27
      {"Wagner Group", 8, ""},                                                            // 28
      {"VDP: Volunteers for the Defense of the Homeland", 3, "BFA"},                      // 29
      {"Dozo Communal Militia ({})", 4, ""},                                              // 30
      {"Koglweogo Militia", 4, "BFA"},                                                    // 31
      {"Fulani Ethnic Militia ({})", 4, ""},                                              // 32
      {"IPOB: Indigenous People of Biafra", 3, "NGA"},                                    // 33
      {"CJTF: Civilian Joint Task Force", 3, "NGA"},                                      // 34
      {"Fano Militia", 4, "ETH"},                                                         // 35
      {"OLF: Oromo Liberation Front (Shane Splinter Faction)", 2, "ETH"},                 // 36
      {"TPLF: Tigray People's Liberation Front", 2, "ETH"},                               // 37
      {"Military Forces of Somalia (2022-)", 1, "SOM", true},                             // 38
      {"AU: African Union", 8, ""},                                                       // 39
      {"UN: United Nations", 8, ""},                                                      // 40
      {"PDF: People's Defense Force", 3, "MMR"},                                          // 41
      {"KNU/KNLA: Karen National Union/Karen National Liberation Army", 2, "MMR"},        // 42
      {"PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army", 2, "MMR"},  // 43
      {"KIO/KIA: Kachin Independence Organization/Kachin Independence Army", 2, "MMR"},   // 44
      {"AA: Arakan Army", 2, "MMR"},                                                      // 45
      {"MNDAA: Myanmar National Democratic Alliance Army", 2, "MMR"},                     // 46
      {"BLA: Balochistan Liberation Army", 2, "PAK"},                                     // 47
      {"ELN: National Liberation Army", 2, "COL"},                                        // 48
      {"FARC Dissidents", 2, "COL"},                                                      // 49
      {"Gulf Clan", 3, "COL"},                                                            // 50
      {"CJNG: Jalisco New Generation Cartel", 3, "MEX"},                                  // 51
      {"Sinaloa Cartel", 3, "MEX"},                                                       // 52
      {"CV: Red Command", 3, "BRA"},                                                      // 53
      {"PCC: First Capital Command", 3, "BRA"},                                           // 54
      {"TCP: Pure Third Command", 3, "BRA"},                                              // 55
      {"NPA: New People's Army", 2, "PHL"},                                               // 56
      {"Abu Sayyaf Group", 2, "PHL"},                                                     // 57
      {"Military Forces of Iraq (2022-) Popular Mobilization Forces", 1, "IRQ", true},    // 58
      {"Islamic Resistance in Iraq", 3, "IRQ"},                                           // 59
      {"Kataib Hezbollah", 3, "IRQ"},                                                     // 60
      {"Global Coalition Against Daesh", 8, ""},                                          // 61
      {"Operation Restoring Hope", 8, "YEM"},                                             // 62
      {"Ambazonian Separatists", 2, "CMR"},                                               // 63
      {"Military Forces of Syria", 1, "SYR", true},                                       // 64
      {"NDF: National Defence Forces", 3, "SYR"},                                         // 65
      {"Military Forces of Israel (2022-)", 1, "ISR", true},                              // 66
      {"Military Forces of Myanmar (2021-)", 1, "MMR", true},                             // 67
      {"Military Forces of Burkina Faso", 1, "BFA", true},                                // 68
      {"Military Forces of Ethiopia (2018-)", 1, "ETH", true},                            // 69
      {"Military Forces of South Sudan (2011-)", 1, "SSD", true},                         // 70
      {"Military Forces of Niger", 1, "NER", true},                                       // 71
      {"Military Forces of Nigeria (2023-)", 1, "NGA", true},                             // 72
      {"Police Forces of Nigeria (2023-) NSCDC: Nigeria Security and Civil Defence Corps", 1, "NGA", true},  // 73
      {"Military Forces of Russia (2000-)", 1, "RUS", true},                              // 74
      {"Military Forces of Ukraine (2019-)", 1, "UKR", true},                             // 75
      {"Al Qaeda in the Arabian Peninsula", 2, "YEM"},                                    // 76
      {"Southern Transitional Council", 3, "YEM"},                                        // 77
      {"Military Forces of Turkey (2016-)", 1, "TUR", true},                              // 78
      {"Islamic State Mozambique Province", 2, "MOZ"},                                    // 79
      {"CNDD-FDD-Imbonerakure", 3, "BDI"},                                                // 80
      {"Anti-Balaka", 4, "CAF"},                                                          // 81
      {"UPC: Unity for Peace in Central Africa", 2, "CAF"},                               // 82
      {"Military Forces of Cameroon", 1, "CMR", true},                                    // 83
      {"Patriot Front", 3, "USA"},                                                        // 84
      {"Afghanistan Freedom Front", 2, "AFG"},                                            // 85
      {"NRF: National Resistance Front", 2, "AFG"},                                       // 86
      // Groups of the African conflicts ACLED has coded since 1997.
      {"AU: African Union", 8, "", false, "SOM"},                                         // 87 AMISOM/ATMIS
      {"UN: United Nations", 8, "", false, "CAF"},                                        // 88 MINUSCA
      {"UN: United Nations", 8, "", false, "COD"},                                        // 89 MONUSCO
      {"UN: United Nations", 8, "", false, "MLI"},                                        // 90 MINUSMA
      {"UN: United Nations", 8, "", false, "SSD"},                                        // 91 UNMISS
      {"UN: United Nations", 8, "", false, "SDN"},                                        // 92 UNAMID
      {"Military Forces of Kenya", 1, "KEN", true},                                       // 93
      {"Military Forces of Uganda", 1, "UGA", true},                                      // 94
      {"SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)", 2, "SSD"},   // 95
      {"SLM/A: Sudan Liberation Movement/Army", 2, "SDN"},                                // 96
      {"JEM: Justice and Equality Movement", 2, "SDN"},                                   // 97
      {"FRPI: Patriotic Resistance Front of Ituri", 2, "COD"},                            // 98
      {"FDLR: Democratic Forces for the Liberation of Rwanda", 2, "COD"},                 // 99
      {"Nyatura Militia", 3, "COD"},                                                      // 100
      {"Raia Mutomboki Militia", 3, "COD"},                                               // 101
      {"APCLS: Alliance of Patriots for a Free and Sovereign Congo", 3, "COD"},           // 102
      {"Ex-Seleka Militia", 2, "CAF"},                                                    // 103
      {"LNA: Libyan National Army", 1, "LBY", true},                                      // 104
      {"MNLA: National Movement for the Liberation of Azawad", 2, "MLI"},                 // 105
      {"GATIA: Imghad Tuareg and Allies Self-Defense Group", 3, "MLI"},                   // 106
      {"Military Forces of Burundi", 1, "BDI", true},                                     // 107
      {"Military Forces of Chad", 1, "TCD", true},                                        // 108
      {"Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", 1, "IRN", true},  // 109
  };
  return v;
}
constexpr int kIslamicState = 5, kTaliban = 12, kSyrianNationalArmy = 16, kSomaliArmy = 38, kFulani = 32;

const std::vector<Phrase>& phrases() {
  static const std::vector<Phrase> v = [] {
    std::vector<Phrase> p;
    // Countries: names, adjectives, plural nouns.
    auto split = [&](std::string_view s, Kind k, int idx) {
      while (!s.empty()) {
        const size_t bar = s.find('|');
        p.push_back({s.substr(0, bar), k, idx});
        s = bar == std::string_view::npos ? std::string_view{} : s.substr(bar + 1);
      }
    };
    for (int i = 0; i < kCountryCount; ++i) {
      split(kCountries[i].names, Kind::Country, i);
      split(kCountries[i].adjectives, Kind::Adjective, i);
      split(kCountries[i].plurals, Kind::Plural, i);
    }
    const std::initializer_list<std::pair<std::string_view, int>> forces = {
        {"forces", kMilitary}, {"military forces", kMilitary}, {"armed forces", kMilitary}, {"army", kMilitary},
        {"military", kMilitary}, {"troops", kMilitary}, {"soldiers", kMilitary}, {"soldier", kMilitary},
        {"security forces", kMilitary}, {"special forces", kMilitary}, {"regime forces", kMilitary},
        {"government forces", kMilitary}, {"regime troops", kMilitary}, {"government troops", kMilitary},
        {"government soldiers", kMilitary}, {"state forces", kMilitary}, {"defence forces", kMilitary},
        {"defense forces", kMilitary}, {"navy", kMilitary}, {"naval forces", kMilitary}, {"marines", kMilitary},
        {"border guards", kMilitary}, {"coast guard", kMilitary}, {"artillery", kMilitary}, {"tanks", kMilitary},
        {"servicemen", kMilitary}, {"paratroopers", kMilitary}, {"commandos", kMilitary},
        {"military personnel", kMilitary}, {"regime", kMilitary}, {"junta", kMilitary}, {"junta forces", kMilitary},
        {"junta troops", kMilitary}, {"military junta", kMilitary}, {"ground forces", kMilitary},
        {"occupation forces", kMilitary}, {"occupation", kMilitary}, {"military units", kMilitary},
        {"army units", kMilitary}, {"forces loyal to", kMilitary}, {"military officers", kMilitary},
        {"army officers", kMilitary}, {"security personnel", kMilitary}, {"security services", kMilitary},
        {"joint forces", kMilitary}, {"joint security forces", kMilitary}, {"government", kGovernment},
        {"air force", kAir}, {"air forces", kAir}, {"warplanes", kAir}, {"warplane", kAir}, {"war planes", kAir},
        {"jets", kAir}, {"jet", kAir}, {"fighter jets", kAir}, {"aircraft", kAir}, {"military aircraft", kAir},
        {"helicopters", kAir}, {"helicopter", kAir}, {"drones", kAir}, {"drone", kAir}, {"aviation", kAir},
        {"bombers", kAir}, {"gunboats", kMilitary}, {"gunboat", kMilitary}, {"warships", kMilitary},
        {"naval vessels", kMilitary}, {"navy boats", kMilitary}, {"missiles", kMilitary}, {"missile", kMilitary},
        {"rockets", kMilitary}, {"airstrikes", kAir}, {"airstrike", kAir}, {"air strikes", kAir},
        {"air strike", kAir}, {"strikes", kMilitary}, {"shelling", kMilitary}, {"police", kPolice}, {"police forces", kPolice}, {"police officers", kPolice},
        {"police officer", kPolice}, {"policemen", kPolice}, {"policeman", kPolice}, {"gendarmerie", kPolice},
        {"gendarmes", kPolice}, {"gendarmerie forces", kPolice}, {"military police", kPolice},
        {"civil police", kPolice}, {"riot police", kPolice}, {"national guard", kPolice},
        {"security agents", kPolice}, {"border police", kPolice}, {"municipal guards", kPolice},
        {"municipal guard", kPolice}, {"federal police", kPolice}, {"state police", kPolice},
        {"police personnel", kPolice}, {"officers", kPolice}, {"intelligence", kPolice},
        {"intelligence services", kPolice}, {"authorities", kGovernment}, {"administration", kGovernment},
    };
    for (auto [t, k] : forces) p.push_back({t, Kind::Force, k});
    const std::initializer_list<std::pair<std::string_view, int>> named = {
        {"hamas", 0}, {"qassam brigades", 0}, {"al-qassam brigades", 0}, {"al qassam brigades", 0},
        {"izz ad-din al-qassam brigades", 0}, {"palestinian islamic jihad", 1}, {"pij", 1}, {"islamic jihad", 1},
        {"al-quds brigades", 1}, {"al quds brigades", 1}, {"saraya al-quds", 1}, {"al aqsa martyrs brigade", 2},
        {"al-aqsa martyrs brigade", 2}, {"al aqsa martyrs brigades", 2}, {"al-aqsa martyrs brigades", 2},
        {"aamb", 2}, {"hezbollah", 3}, {"hizbollah", 3}, {"hizballah", 3}, {"hizbullah", 3}, {"houthi", 4},
        {"houthis", 4}, {"houthi forces", 4}, {"houthi militia", 4}, {"houthi militias", 4}, {"ansar allah", 4},
        {"islamic state", 5}, {"isis", 5}, {"isil", 5}, {"daesh", 5}, {"is militants", 5}, {"is fighters", 5},
        {"is group", 5}, {"iswap", 6}, {"islamic state west africa province", 6},
        {"islamic state west africa", 6}, {"islamic state in west africa", 6},
        {"islamic state's west africa province", 6}, {"issp", 7}, {"isgs", 7},
        {"islamic state sahel province", 7}, {"islamic state in the greater sahara", 7},
        {"islamic state in greater sahara", 7}, {"iskp", 8}, {"isis-k", 8}, {"islamic state khorasan", 8},
        {"islamic state khorasan province", 8}, {"boko haram", 9}, {"jamaatu ahli is-sunnah lid-dawati wal-jihad", 9},
        {"al shabaab", 10}, {"al-shabaab", 10}, {"al-shabab", 10}, {"al shabab", 10}, {"shabaab", 10},
        {"jnim", 11}, {"gsim", 11}, {"jama'at nusrat al-islam wal-muslimin", 11},
        {"group for support of islam and muslims", 11}, {"taliban", kTaliban}, {"ttp", 13},
        {"tehreek-i-taliban pakistan", 13}, {"tehrik-i-taliban pakistan", 13}, {"pakistani taliban", 13},
        {"hts", 14}, {"hayat tahrir al-sham", 14}, {"hayat tahrir al sham", 14}, {"hayat tahrir al-sham (hts)", 14},
        {"tahrir al-sham", 14}, {"hayat tahrir", 14}, {"nusra front", 15}, {"al-nusra front", 15},
        {"jabhat al-nusra", 15}, {"al-nusra", 15}, {"free syrian army", kSyrianNationalArmy},
        {"fsa", kSyrianNationalArmy}, {"syrian national army", kSyrianNationalArmy},
        {"national liberation front", kSyrianNationalArmy}, {"turkish-backed", kSyrianNationalArmy},
        {"turkey-backed", kSyrianNationalArmy}, {"sdf", 17}, {"syrian democratic forces", 17}, {"qsd", 17},
        {"ypg", 17}, {"people's protection units", 17}, {"pkk", 18}, {"kurdistan workers' party", 18},
        {"kurdistan workers party", 18}, {"rsf", 19}, {"rapid support forces", 19}, {"rfs", 19}, {"saf", 20},
        {"sudanese armed forces", 20}, {"sudan armed forces", 20}, {"splm-n", 21}, {"m23", 22},
        {"march 23 movement", 22}, {"adf", 23}, {"allied democratic forces", 23}, {"codeco", 24},
        {"mai-mai", 25}, {"mai mai", 25}, {"mayi mayi", 25}, {"mayi-mayi", 25}, {"wazalendo", 25}, {"fardc", 26},
        {"fama", 27}, {"wagner", 28}, {"wagner group", 28}, {"wagner forces", 28}, {"africa corps", 28},
        {"vdp", 29}, {"volunteers for the defense of the homeland", 29}, {"dozo", 30}, {"dozos", 30},
        {"dozo hunters", 30}, {"koglweogo", 31}, {"fulani", kFulani}, {"fulani herdsmen", kFulani},
        {"fulani herders", kFulani}, {"fulani militia", kFulani}, {"fulani militiamen", kFulani},
        {"fulani ethnic militia", kFulani}, {"fulani gunmen", kFulani}, {"fulani militants", kFulani},
        {"fulani bandits", kFulani}, {"ipob", 33}, {"indigenous people of biafra", 33},
        {"eastern security network", 33}, {"esn", 33}, {"cjtf", 34}, {"civilian jtf", 34},
        {"civilian joint task force", 34}, {"fano", 35}, {"fano militia", 35}, {"ola", 36},
        {"oromo liberation army", 36}, {"olf-shane", 36}, {"olf shane", 36}, {"tplf", 37},
        {"tigray defense forces", 37}, {"tigray defence forces", 37}, {"tdf", 37}, {"sna", kSomaliArmy},
        {"somali national army", kSomaliArmy}, {"amisom", 87}, {"atmis", 87}, {"monusco", 89}, {"minusma", 90},
        {"unifil", 40}, {"un peacekeepers", 40}, {"peacekeepers", 40}, {"pdf", 41}, {"people's defense force", 41},
        {"people's defence force", 41}, {"people's defense forces", 41}, {"people's defence forces", 41},
        {"knu", 42}, {"knla", 42}, {"karen national union", 42}, {"karen national liberation army", 42},
        {"tnla", 43}, {"ta'ang national liberation army", 43}, {"kia", 44}, {"kio", 44},
        {"kachin independence army", 44}, {"arakan army", 45}, {"mndaa", 46}, {"bla", 47},
        {"balochistan liberation army", 47}, {"baloch liberation army", 47}, {"eln", 48}, {"farc dissidents", 49},
        {"farc", 49}, {"emc", 49}, {"gulf clan", 50}, {"clan del golfo", 50}, {"agc", 50}, {"cjng", 51},
        {"jalisco new generation cartel", 51}, {"jalisco cartel", 51}, {"sinaloa cartel", 52},
        {"comando vermelho", 53}, {"red command", 53}, {"pcc", 54}, {"first capital command", 54},
        {"primeiro comando da capital", 54}, {"tcp", 55}, {"pure third command", 55}, {"npa", 56},
        {"new people's army", 56}, {"abu sayyaf", 57}, {"pmf", 58}, {"popular mobilization forces", 58},
        {"popular mobilisation forces", 58}, {"hashd al-shaabi", 58}, {"islamic resistance in iraq", 59},
        {"kataib hezbollah", 60}, {"kata'ib hezbollah", 60}, {"global coalition", 61},
        {"international coalition", 61}, {"us-led coalition", 61}, {"coalition forces", 61},
        {"saudi-led coalition", 62}, {"arab coalition", 62}, {"ambazonian separatists", 63},
        {"ambazonian fighters", 63}, {"amba boys", 63}, {"separatist fighters", 63}, {"tiger forces", 64},
        {"assad forces", 64}, {"assad regime", 64}, {"assad's forces", 64}, {"assad regime forces", 64},
        {"forces loyal to bashar assad", 64}, {"forces loyal to bashar al-assad", 64},
        {"forces loyal to assad", 64}, {"forces loyal to president bashar al-assad", 64},
        {"syrian regime", 64}, {"syrian regime forces", 64}, {"syrian army", 64}, {"syrian arab army", 64},
        {"fourth division", 64}, {"4th division", 64}, {"republican guard", 64}, {"ndf", 65},
        {"national defence forces", 65}, {"national defense forces", 65}, {"shabiha", 65}, {"idf", 66},
        {"israel defense forces", 66}, {"israel defence forces", 66}, {"tatmadaw", 67}, {"myanmar military", 67},
        {"fds", 68}, {"endf", 69}, {"sspdf", 70}, {"fan", 71}, {"nscdc", 73}, {"aqap", 76},
        {"al qaeda in the arabian peninsula", 76}, {"stc", 77}, {"southern transitional council", 77},
        {"shabwani defense forces", 77}, {"shabwani defence forces", 77}, {"ahlu sunnah wal jamaa", 79},
        {"al-sunnah wa jama'ah", 79}, {"imbonerakure", 80}, {"anti-balaka", 81}, {"upc", 82},
        {"patriot front", 84}, {"afghanistan freedom front", 85}, {"national resistance front", 86},
        {"minusca", 88}, {"unmiss", 91}, {"unamid", 92}, {"kdf", 93}, {"kenya defence forces", 93},
        {"kenya defense forces", 93}, {"kenyan defence forces", 93}, {"updf", 94},
        {"uganda people's defence force", 94}, {"uganda people's defense force", 94}, {"spla", 70},
        {"sudan people's liberation army", 70}, {"spla-io", 95}, {"splm-io", 95}, {"splm/a-io", 95},
        {"spla io", 95}, {"spla-in opposition", 95}, {"slm", 96}, {"sla", 96}, {"slm/a", 96}, {"slm-aw", 96},
        {"slm/a-aw", 96}, {"sla-aw", 96}, {"slm/a-nur", 96}, {"slm-mm", 96}, {"sla-mm", 96},
        {"sudan liberation army", 96}, {"sudan liberation movement", 96}, {"jem", 97},
        {"justice and equality movement", 97}, {"frpi", 98}, {"fdlr", 99}, {"nyatura", 100},
        {"raia mutomboki", 101}, {"apcls", 102}, {"seleka", 103}, {"ex-seleka", 103}, {"lna", 104},
        {"libyan national army", 104}, {"mnla", 105}, {"gatia", 106}, {"fdnb", 107}, {"niss", 20},
        {"chadian army", 108}, {"irgc", 109}, {"islamic revolutionary guard corps", 109},
        {"revolutionary guard corps", 109}, {"revolutionary guards", 109}, {"quds force", 109}, {"sng", kSomaliArmy}, {"sngf", kSomaliArmy}, {"somali government forces", kSomaliArmy},
    };
    for (auto [t, k] : named) p.push_back({t, Kind::Named, k});
    const std::initializer_list<std::pair<std::string_view, int>> armed = {
        {"gunmen", kUnidentified}, {"gunman", kUnidentified}, {"armed men", kUnidentified},
        {"assailants", kUnidentified}, {"assailant", kUnidentified}, {"attackers", kUnidentified},
        {"attacker", kUnidentified}, {"armed individuals", kUnidentified}, {"armed individual", kUnidentified},
        {"armed assailants", kUnidentified}, {"individuals", kUnidentified}, {"unidentified men", kUnidentified},
        {"unknown men", kUnidentified}, {"armed group", kUnidentified}, {"armed groups", kUnidentified},
        {"militants", kUnidentified}, {"militant", kUnidentified}, {"insurgents", kUnidentified},
        {"jihadists", kUnidentified}, {"jihadist", kUnidentified}, {"terrorists", kUnidentified},
        {"extremists", kUnidentified}, {"kidnappers", kUnidentified}, {"abductors", kUnidentified},
        {"hitmen", kUnidentified}, {"sicarios", kUnidentified}, {"masked men", kUnidentified},
        {"armed persons", kUnidentified}, {"perpetrators", kUnidentified}, {"killers", kUnidentified},
        {"fighters", kUnidentified}, {"armed elements", kUnidentified}, {"bandits", kUnidentified},
        {"armed bandits", kUnidentified}, {"pirates", kUnidentified}, {"snipers", kUnidentified},
        {"robbers", kGang}, {"armed robbers", kGang}, {"criminals", kGang}, {"gang", kGang}, {"gangs", kGang},
        {"gang members", kGang}, {"gangsters", kGang}, {"drug traffickers", kGang}, {"traffickers", kGang},
        {"cartel", kGang}, {"cartels", kGang}, {"cartel members", kGang}, {"criminal group", kGang},
        {"criminal gang", kGang}, {"cultists", kGang}, {"cult members", kGang}, {"thieves", kGang},
        {"rebels", kRebel}, {"rebel", kRebel}, {"rebel fighters", kRebel}, {"rebel group", kRebel},
        {"rebel groups", kRebel}, {"opposition fighters", kRebel}, {"opposition factions", kRebel},
        {"opposition groups", kRebel}, {"armed opposition", kRebel}, {"separatists", kRebel},
        {"insurgent group", kRebel}, {"militia", kMilitia}, {"militias", kMilitia}, {"militiamen", kMilitia},
        {"militia members", kMilitia}, {"paramilitaries", kMilitia}, {"paramilitary", kMilitia},
        {"herdsmen", kIdentity}, {"herders", kIdentity}, {"ethnic militia", kIdentity},
        {"ethnic militiamen", kIdentity}, {"tribesmen", kTribal}, {"armed tribesmen", kTribal},
        {"tribal militia", kTribal}, {"tribal militants", kTribal}, {"tribal militias", kTribal}, {"tribal fighters", kTribal}, {"tribal gunmen", kTribal},
        {"clan militia", kClan}, {"clan militiamen", kClan}, {"clan fighters", kClan}, {"communal militia", kCommunal},
        {"vigilantes", kCommunal}, {"vigilante", kCommunal}, {"vigilante group", kCommunal},
        {"local militia", kCommunal}, {"self-defense group", kCommunal}, {"self-defence group", kCommunal},
        {"hunters", kCommunal}, {"local defense forces", kCommunal},
    };
    for (auto [t, k] : armed) p.push_back({t, Kind::Armed, k});
    const std::initializer_list<std::pair<std::string_view, int>> crowds = {
        {"protesters", cProtesters}, {"protestors", cProtesters}, {"demonstrators", cProtesters},
        {"marchers", cProtesters}, {"strikers", cProtesters}, {"activists", cProtesters},
        {"striking workers", cProtesters}, {"rioters", cRioters}, {"mob", cRioters}, {"mobs", cRioters},
        {"angry mob", cRioters}, {"vandals", cRioters}, {"settlers", cSettlers}, {"settler", cSettlers},
        {"residents", cPeople}, {"students", cPeople}, {"workers", cPeople}, {"teachers", cPeople},
        {"doctors", cPeople}, {"nurses", cPeople}, {"traders", cPeople}, {"drivers", cPeople},
        {"employees", cPeople}, {"members", cPeople}, {"supporters", cPeople}, {"youths", cPeople},
        {"youth", cPeople}, {"people", cPeople}, {"locals", cPeople}, {"pensioners", cPeople},
        {"retirees", cPeople}, {"lawyers", cPeople}, {"journalists", cPeople}, {"families", cPeople},
        {"relatives", cPeople}, {"inhabitants", cPeople}, {"citizens", cPeople}, {"merchants", cPeople},
        {"vendors", cPeople}, {"shopkeepers", cPeople}, {"miners", cPeople}, {"fishermen", cPeople},
        {"transporters", cPeople}, {"parents", cPeople}, {"unionists", cPeople}, {"staff", cPeople},
        {"health workers", cPeople}, {"civil servants", cPeople}, {"hundreds", cPeople}, {"dozens", cPeople},
        {"thousands", cPeople}, {"farmers", cPeople}, {"women", cPeople}, {"worshippers", cPeople},
        {"opposition supporters", cPeople}, {"party supporters", cPeople}, {"community members", cPeople},
        {"motorcyclists", cPeople}, {"taxi drivers", cPeople}, {"villagers", cPeople}, {"men", cPeople},
        {"group", cPeople}, {"crowd", cPeople}, {"crowds", cPeople}, {"fans", cPeople}, {"prisoners", cPeople},
        {"inmates", cPeople}, {"mourners", cPeople},
    };
    for (auto [t, k] : crowds) p.push_back({t, Kind::Crowd, k});
    for (std::string_view t : {"civilians", "civilian", "passengers", "children", "child", "displaced",
                               "idps", "refugees", "migrants", "shepherd", "shepherds", "man", "woman", "boy",
                               "girl", "boys", "girls", "teenager", "family", "elderly", "farmer", "trader",
                               "villager", "resident", "student", "worker", "teacher", "driver", "brothers",
                               "persons", "person", "paramedics", "journalist", "cleric", "doctor",
                               "humanitarian workers", "aid workers", "internally displaced persons",
                               "bystanders", "pedestrians", "motorist", "shopkeeper", "vendor", "herder",
                               "fisherman", "fishermen", "a civilian"})
      p.push_back({t, Kind::Civilians, 0});
    for (auto [t, k] : std::initializer_list<std::pair<std::string_view, int>>{
             {"suspected", kModSuspected}, {"alleged", kModSuspected}, {"unknown", kModPlain},
             {"unidentified", kModPlain}, {"armed", kModPlain}, {"masked", kModPlain}, {"local", kModPlain},
             {"heavily armed", kModPlain}, {"pro-government", kModProGov}, {"pro-regime", kModProGov},
             {"pro-assad", kModProGov}, {"regime-backed", kModProGov}, {"government-backed", kModProGov},
             {"pro-junta", kModProGov}, {"iranian-backed", kModProGov}, {"iran-backed", kModProGov},
             {"russian-backed", kModProGov}, {"elite", kModPlain}, {"infamous", kModPlain},
             {"regime-affiliated", kModProGov}, {"government-affiliated", kModProGov}, {"angry", kModPlain},
             {"opposing", kModPlain}, {"rival", kModPlain}, {"ethnic", kModPlain}})
      p.push_back({t, Kind::Modifier, k});
    for (std::string_view t : {"regime change", "police station", "police stations", "army base", "military base",
                               "military bases", "military post", "military posts", "army camp", "military camp",
                               "military vehicle", "military vehicles", "army vehicles", "police vehicles",
                               "police vehicle", "military court", "military operations", "military operation",
                               "military activity", "military council", "government building",
                               "government buildings", "government offices", "government office",
                               "government official", "government officials", "members of parliament",
                               "member of parliament", "people's republic", "security measures",
                               "armed forces day", "police spokesperson", "police spokesman", "police said",
                               "army spokesman", "military spokesman", "military sources", "security sources",
                               "military source", "security source", "local sources", "police sources",
                               "local government area", "local government areas", "local government council"})
      p.push_back({t, Kind::Stop, 0});
    return p;
  }();
  return v;
}

// ------------------------------------------------------------------------------------------- verb classes
enum VerbClass : uint8_t { kNoVerb, kViolent, kProtestVerb, kPassiveAux, kVictimParticiple, kFiller, kAgentBy };

struct ViewHash {  // lets a map keyed by strings be searched with a string_view
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

VerbClass verb_class(std::string_view w) {
  using Table = std::unordered_map<std::string, VerbClass, ViewHash, std::equal_to<>>;
  static const Table table = [] {  // hashed: called for most words
    Table t;
    for (const char* s : {"attacked", "attack", "attacks", "shot", "shoot", "killed", "kill", "kills",
                          "shelled", "shell", "struck", "strike", "fired", "fire", "raided", "raid", "stormed",
                          "abducted", "kidnapped", "arrested", "detained", "clashed", "clash", "threw", "hurled",
                          "pelted", "burned", "burnt", "torched", "set", "beat", "assaulted", "lynched", "looted",
                          "stole", "demolished", "destroyed", "seized", "captured", "targeted", "bombed",
                          "launched", "carried", "opened", "ambushed", "executed", "massacred", "stabbed",
                          "hacked", "invaded", "used", "dropped", "planted", "detonated", "blew", "exploded",
                          "vandalised", "vandalized", "chased", "injured", "wounded", "murdered", "assassinated",
                          "fought", "repelled", "repulsed", "advanced", "entered", "shelling", "firing",
                          "attacking", "conducted", "forced", "confiscated", "bulldozed", "intercepted",
                          "deployed", "established", "imposed", "enforced", "released", "built", "surrendered",
                          "signed", "announced", "kidnap", "abduct", "continue", "continued", "also", "reportedly",
                          "allegedly", "physically", "took", "recaptured", "retook", "overran", "hit", "targeting",
                          "barricaded", "damaged", "set", "raped", "tortured", "harassed", "broke", "razed",
                          "pursued", "besieged", "bombarded", "dispersed", "rustled", "carted",
                          "engaged", "exchanged", "hurl", "throw", "clashing", "fighting", "mortared", "rocketed",
                          "struck", "gunned", "slaughtered", "beheaded", "burn", "loot", "defused", "dismantled",
                          // the present tense of notes ("Militia rape girl in X", "Gunmen ambush a vehicle"); not
                          // the forms in -s that are as often plural nouns ("clashes", "raids", "shells", "wounds")
                          "rape", "ambush", "abducts", "kidnaps", "storm", "beat", "torture", "assault", "shoots",
                          "seize", "seizes", "capture", "destroy", "destroys", "arrest", "detain", "detains",
                          "execute", "executes", "stab", "stabs", "invade", "invades", "lynch", "murder", "injure",
                          "injures", "wound", "bomb"})
      t[s] = kViolent;
    for (const char* s : {"protested", "protest", "protesting", "demonstrated", "demonstrate", "rallied",
                          "marched", "gathered", "held", "staged", "organised", "organized", "went", "picketed",
                          "chanted", "denounced", "demanded", "condemned", "called", "participated", "joined",
                          "boycotted", "sat", "commemorated", "submitted", "petitioned", "refused", "expressed",
                          "assembled", "converged", "mobilised", "mobilized", "voiced", "rejected", "decried",
                          "opposed", "walked", "paraded", "hold", "stage", "took to", "occupied", "camped",
                          "criticised", "criticized", "urged", "displayed", "blocked", "blockaded"})
      t[s] = kProtestVerb;
    for (const char* s : {"were", "was", "been", "got", "are", "is"}) t[s] = kPassiveAux;
    for (const char* s : {"also", "reportedly", "allegedly", "later", "then", "again", "had", "have", "has",
                          "who", "which", "jointly", "together", "subsequently", "further", "first", "on",
                          "reportedly,", "had", "all", "both", "who", "that", "immediately", "briefly",
                          "of", "from", "in", "the", "a", "an", "belonging", "affiliated", "with", "and"})
      t[s] = kFiller;
    t["by"] = kAgentBy;
    return t;
  }();
  // Lower-cased on the stack: every word of the table is far shorter than the buffer.
  char buf[32];
  if (w.size() > sizeof buf) return kNoVerb;
  for (size_t i = 0; i < w.size(); ++i) buf[i] = ik::text::lower(w[i]);
  auto it = table.find(std::string_view(buf, w.size()));
  return it == table.end() ? kNoVerb : it->second;
}

// Lower-case words, found case-insensitively (as iequals compares). These run for most tokens of a
// sentence and few tokens are listed: a word no listed word matches in length and first letter is turned
// away by one bit test before the list is walked.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words) : words_(words) {
    for (auto w : words_)
      if (!w.empty() && w.size() < kLengths) first_[w.size()] |= bit(w[0]);
  }
  bool contains(std::string_view w) const {
    if (w.empty() || (w.size() < kLengths && !(first_[w.size()] & bit(w[0])))) return false;
    for (auto v : words_)
      if (w.size() == v.size() && ik::text::iequals(w, v)) return true;
    return false;
  }

 private:
  static constexpr size_t kLengths = 32;  // longer words are not filtered
  static uint64_t bit(char c) { return uint64_t{1} << (static_cast<unsigned char>(ik::text::lower(c)) & 63); }
  std::vector<std::string_view> words_;
  std::array<uint64_t, kLengths> first_{};  // by length: the first letters of the words that long
};

bool victim_participle(std::string_view w) {
  static const WordList ps = {
      "killed", "injured", "wounded", "shot", "abducted", "kidnapped", "arrested", "detained", "attacked",
      "targeted", "beaten", "stabbed", "executed", "hurt", "hit", "displaced", "murdered", "assaulted",
      "taken", "lynched", "tortured", "raped", "harassed", "struck", "hacked", "burned", "captured", "dead"};
  return ps.contains(w);
}

// Transitive violent verbs whose object is the victim ("attacked X", "killing X").
bool takes_victim_object(std::string_view w) {
  static const WordList vs = {
      "attacked", "attacking", "attack", "targeted", "targeting", "killed", "killing", "shot", "shooting",
      "shelled", "shelling", "struck", "ambushed", "abducted", "kidnapped", "arrested", "detained", "against",
      "injuring", "wounding", "injured", "wounded", "beat", "beating", "assaulted", "executed", "stabbed",
      "at", "on", "raided", "lynched", "hit", "hitting", "murdered", "massacred", "abducting", "kidnapping",
      "arresting", "detaining", "besieged", "bombed", "bombarded", "bombing", "stormed", "raiding"};
  return vs.contains(w);
}

bool skippable_before(const Token& t) {
  if (t.kind == TokenKind::Number) return true;
  static const WordList ws = {
      "the", "a", "an", "two", "three", "several", "some", "many", "of", "other", "its", "their", "his", "her",
      "at", "least", "about", "around", "more", "than", "dozens", "hundreds"};
  return ws.contains(t.text);
}

// ------------------------------------------------------------------------------------------------ chunks
struct Chunk {
  uint32_t start = 0, end = 0;  // bytes
  size_t tok_begin = 0, tok_end = 0;
  int country = -1;             // from a demonym or country name inside the chunk
  int plural = -1;              // a plural demonym ("Palestinians")
  int force = -1, named = -1, armed = -1, crowd = -1;
  bool civilians = false, pro_gov = false, suspected = false, anti = false;
  bool weaponish = false;       // the force is named by its weapon ("tanks", "warplanes"): whose is in context
  bool by_weapon_only = false;  // "Israeli missiles": a force only with its country named in the chunk
  bool named_force = false;     // a force word that is no weapon ("regime artillery": the regime's)
};

bool word_is(const Token& t, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (t.text.size() == w.size() && ik::text::iequals(t.text, w)) return true;
  return false;
}

// African countries, where ACLED codes a local militia named after a place or people as communal/ethnic (4).
bool in_africa(int country) {
  if (country < 0) return false;
  static const std::array<std::string_view, 40> af = {
      "DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CMR", "CAF", "TCD", "COD", "COG", "CIV", "DJI", "EGY",
      "ERI", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MLI",
      "MRT", "MAR", "MOZ", "NAM", "NER", "NGA", "RWA", "SEN", "SLE", "SOM", "ZAF", "SSD"};
  for (auto a : af)
    if (kCountries[country].iso3 == a) return true;
  const auto iso = kCountries[country].iso3;
  return iso == "SDN" || iso == "TZA" || iso == "TGO" || iso == "TUN" || iso == "UGA" || iso == "ZMB" || iso == "ZWE";
}

size_t token_at(const std::vector<Token>& toks, uint32_t pos) {
  auto it = std::lower_bound(toks.begin(), toks.end(), pos, [](const Token& t, uint32_t p) { return t.start < p; });
  return static_cast<size_t>(it - toks.begin());
}

// Text between two matches that still joins them into one actor phrase.
bool joins(std::string_view gap) {
  static const std::array<std::string_view, 9> ok = {"", " ", "-", "'s ", "’s ", " of ", " of the ", " from ", " from the "};
  for (auto g : ok)
    if (gap == g) return true;
  return false;
}

// The word just before `pos` (spaces skipped, and hyphens too when `hyphen`: "ex-soldier"), as its
// [begin, end) offsets in text; empty when none.
std::pair<size_t, size_t> word_before(std::string_view text, size_t pos, bool hyphen) {
  size_t b = pos;
  while (b > 0 && (text[b - 1] == ' ' || (hyphen && text[b - 1] == '-'))) --b;
  size_t a = b;
  while (a > 0 && std::isalpha(static_cast<unsigned char>(text[a - 1]))) --a;
  return {a, b};
}

// Actor name templates.
std::string with_country(std::string_view tmpl, const std::string& country) {
  std::string s(tmpl);
  const size_t p = s.find("{}");
  if (p != std::string::npos) s.replace(p, 2, country.empty() ? "International" : country);
  return s;
}

struct Actors {
  static constexpr const char* name = "actors";
  static constexpr const char* version = "v1";
  static constexpr const char* requires_labels = "sentence place date";
  static constexpr const char* assigns = "actor";
  static constexpr const char* default_config = "{}";

  Lexicon lex;
  explicit Actors(const Config&) {
    const auto& ps = phrases();
    for (uint32_t i = 0; i < ps.size(); ++i) lex.add(ps[i].text, i);
    lex.build();
  }

  // The country the event happened in: the places' countries (the first sentence counts double), else
  // countries named in the text.
  static int event_country(const std::vector<ik::sdk::MentionView>& all, const std::vector<Lexicon::Match>& matches,
                           uint32_t first_sentence_end) {
    std::map<int, double> votes;
    for (const auto& m : all) {
      if (m.label != "place") continue;
      if (m.confidence < 0.45) continue;
      const ik::sdk::AttrReader a(m.attrs_json);
      int c = country_by_iso3(a.str("iso3"));  // "" (absent) matches no country
      if (c < 0) c = country_by_name(a.str("country"));
      if (c < 0) continue;
      if (a.flag("demonym")) continue;  // "Israeli"
      votes[c] += (m.start < first_sentence_end ? 2.0 : 1.0) * m.confidence * m.confidence;
    }
    if (votes.empty()) {
      const auto& ps = phrases();
      for (const auto& m : matches)
        if (ps[m.id].kind == Kind::Country) votes[ps[m.id].arg] += 1.0;
    }
    int best = -1;
    double bv = 0;
    for (auto [c, v] : votes)
      if (v > bv) best = c, bv = v;
    return best;
  }

  // "12 KIA", "2 KIA: father and son": after a count, "KIA" is a log's "killed in action", not the Kachin
  // Independence Army (whose members are counted with a noun: "five KIA fighters").
  static bool casualty_shorthand(std::string_view text, size_t start, size_t end) {
    if (text.substr(start, end - start) != "KIA") return false;
    size_t b = start;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '+')) --b;
    if (b == 0 || !std::isdigit(static_cast<unsigned char>(text[b - 1]))) return false;
    size_t e = end;
    while (e < text.size() && text[e] == ' ') ++e;
    size_t w = e;
    while (w < text.size() && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
    static const std::array<std::string_view, 6> kMembers = {"fighters", "members", "soldiers", "troops", "rebels",
                                                             "militants"};
    return std::find(kMembers.begin(), kMembers.end(), text.substr(e, w - e)) == kMembers.end();
  }

  // Whether the text is dated after the Taliban took power (August 2021).
  static bool after_taliban_takeover(const Doc& doc, const std::vector<ik::sdk::MentionView>& all) {
    std::string latest(doc.published());
    for (const auto& m : all)
      if (m.label == "date" && std::string(m.value) > latest) latest = std::string(m.value);
    return latest >= "2021-08-15";
  }

  void process(Doc& doc) const {
    const std::string_view text = doc.text();
    const auto& ps = phrases();
    auto matches = lex.find(text);
    // A country's acronym counts only in capitals: "a car" is not the CAR, "told us" not the US.
    matches.erase(std::remove_if(matches.begin(), matches.end(),
                                 [&](const Lexicon::Match& m) {
                                   const std::string_view t = ps[m.id].text;
                                   const bool acronym = std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                                   return (acronym && text.substr(m.start, m.end - m.start) != t) ||
                                          casualty_shorthand(text, m.start, m.end);
                                 }),
                  matches.end());
    if (matches.empty()) return;
    const auto& toks = ik::text::tokens_of(text);  // (no other tokenize() below on this thread)
    std::vector<std::pair<uint32_t, uint32_t>> sents;
    // The mentions read once (each doc.mentions(label) walked all of them through the host), in order.
    const std::vector<ik::sdk::MentionView> all = doc.mentions();
    for (const auto& m : all)
      if (m.label == "sentence") sents.push_back({uint32_t(m.start), uint32_t(m.end)});
    if (sents.empty())
      for (const auto& s : ik::text::sentences(text)) sents.push_back({s.start, s.end});
    std::sort(sents.begin(), sents.end());
    const uint32_t first_end = sents.empty() ? uint32_t(text.size()) : sents.front().second;
    const int where = event_country(all, matches, first_end);
    const bool taliban_state = after_taliban_takeover(doc, all);

    // Join adjacent matches into chunks.
    std::vector<Chunk> chunks;
    for (size_t i = 0; i < matches.size(); ++i) {
      const auto& m = matches[i];
      const Phrase& p = ps[m.id];
      if (p.kind == Kind::Stop) continue;
      bool join = !chunks.empty() && m.start >= chunks.back().end &&
                  joins(text.substr(chunks.back().end, m.start - chunks.back().end));
      // "Turkish Jandarma border guards": a country's force with the force's own name in between
      if (!join && !chunks.empty() && m.start >= chunks.back().end && p.kind == Kind::Force &&
          chunks.back().country >= 0 && chunks.back().force < 0 && chunks.back().named < 0) {
        const std::string_view gap = text.substr(chunks.back().end, m.start - chunks.back().end);
        join = gap.size() >= 4 && gap.front() == ' ' && gap.back() == ' ' &&
               std::isupper(static_cast<unsigned char>(gap[1])) &&
               std::all_of(gap.begin() + 2, gap.end() - 1, [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); });
      }
      if (!join) {
        chunks.emplace_back();
        chunks.back().start = m.start;
      }
      Chunk& c = chunks.back();
      c.end = m.end;
      // (iequals: what lower() == would say, ASCII case only, without building the lowered copies)
      const bool after_pro = m.start >= 4 && (ik::text::iequals(text.substr(m.start - 4, 4), "pro-") ||
                                              (m.start >= 5 && ik::text::iequals(text.substr(m.start - 5, 5), "anti-")));
      switch (p.kind) {
        case Kind::Country:
        case Kind::Adjective:
          if (after_pro) c.anti = true;
          else if (c.country < 0) c.country = p.arg;
          break;
        case Kind::Plural: if (!after_pro) c.plural = p.arg; break;
        case Kind::Force: {
          // "Syrian government helicopters": the forces that acted, not the government behind them
          if (c.force < 0 || (c.force == kGovernment && p.arg != kGovernment)) c.force = p.arg;
          static const std::array<std::string_view, 9> kStrikes = {
              "missiles", "missile", "rockets", "airstrikes", "airstrike", "air strikes", "air strike", "strikes",
              "shelling"};
          const bool strike = std::find(kStrikes.begin(), kStrikes.end(), p.text) != kStrikes.end();
          // ("government shelling", "regime airstrikes": the force named before the strike word says whose)
          if (strike && c.force == p.arg && !c.named_force) c.by_weapon_only = true;
          else if (!strike) c.by_weapon_only = false;
          if (p.arg == kAir || p.text == "artillery" || p.text == "tanks" || p.text.rfind("gunboat", 0) == 0 ||
              p.text == "warships" || p.text == "naval vessels" || p.text == "navy boats")
            c.weaponish = true;
          else if (!strike)
            c.named_force = true;
          break;
        }
        case Kind::Named: if (c.named < 0) c.named = p.arg; break;
        case Kind::Armed: c.armed = p.arg; break;
        case Kind::Crowd: c.crowd = p.arg; break;
        case Kind::Civilians: c.civilians = true; break;
        case Kind::Modifier:
          if (p.arg == kModProGov) c.pro_gov = true;
          if (p.arg == kModSuspected) c.suspected = true;
          break;
        case Kind::Stop: break;
      }
    }

    int last_force_country = -1;  // the latest state force named with its country
    for (size_t ci = 0; ci < chunks.size(); ++ci) {
      Chunk& c = chunks[ci];
      // "government and Russian forces": the government's forces
      if (c.force == kGovernment && c.country < 0 && c.named < 0 && ci + 1 < chunks.size() &&
          chunks[ci + 1].force >= 0 && chunks[ci + 1].force != kGovernment &&
          text.substr(c.end, chunks[ci + 1].start - c.end) == " and ")
        c.force = chunks[ci + 1].force;
      // "Russian and Ukrainian military": a lone adjective coordinated with a force is a force too.
      if (c.country >= 0 && c.force < 0 && c.named < 0 && c.armed < 0 && c.crowd < 0 && !c.civilians &&
          c.plural < 0 && ci + 1 < chunks.size() && chunks[ci + 1].force >= 0) {
        const std::string_view gap = text.substr(c.end, chunks[ci + 1].start - c.end);
        if (gap == " and " || gap == ", " || gap == " or ") c.force = chunks[ci + 1].force;
      }
      // "a retired police officer", "a former FSA fighter", "an ex-soldier": no longer under arms
      if ((c.force >= 0 || c.armed >= 0 || c.named >= 0) && c.start > 0) {
        const auto [a, b] = word_before(text, c.start, true);
        const std::string before = ik::text::lower(text.substr(a, b - a));
        if (before == "retired" || before == "former" || before == "ex") {
          c.force = c.armed = c.named = -1;
          c.civilians = true;
        }
      }
      // "and thousands more injured", "hundreds were displaced": a count of victims, not a crowd that acted
      if (c.crowd == cPeople && c.named < 0 && c.country < 0) {
        const std::string head = ik::text::lower(text.substr(c.start, c.end - c.start));
        if (head == "thousands" || head == "hundreds" || head == "dozens") {
          static const std::array<std::string_view, 12> kSuffered = {
              "more", "injured", "wounded", "killed", "dead", "displaced", "died", "fled", "arrested", "detained",
              "missing", "hurt"};
          std::vector<std::string> next;  // the next three words
          for (size_t k = c.end; k < text.size() && next.size() < 3;) {
            while (k < text.size() && text[k] == ' ') ++k;
            size_t e = k;
            while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
            if (e == k) break;
            next.push_back(ik::text::lower(text.substr(k, e - k)));
            k = e;
          }
          auto suffered = [&](size_t i) {
            return i < next.size() && std::find(kSuffered.begin(), kSuffered.end(), next[i]) != kSuffered.end();
          };
          const bool passive = !next.empty() && (next[0] == "were" || next[0] == "have" || next[0] == "had");
          if (suffered(0) || (passive && (suffered(1) || (next.size() > 1 && next[1] == "been" && suffered(2)))))
            continue;
        }
      }
      // "missiles were fired": a strike word names a force only with its country ("Israeli missiles")
      if (c.by_weapon_only && c.country < 0 && c.named < 0 && c.armed < 0) continue;
      // "security members", "faction members", "Faylaq al-Sham members": men of an armed body, not a crowd
      if (c.crowd == cPeople && c.named < 0 && c.start > 1) {
        const auto [a, b] = word_before(text, c.start, false);
        const std::string before = ik::text::lower(text.substr(a, b - a));
        const std::string head = ik::text::lower(text.substr(c.start, c.end - c.start));
        if ((head.rfind("members", 0) == 0 || head.rfind("elements", 0) == 0) &&
            (before == "security" || before == "military" || before == "armed" || before == "faction" ||
             before == "militia" || before == "intelligence" || before == "police" || before == "army" ||
             before == "division" || before == "brigade" || before == "battalion" || before == "regiment" ||
             before == "legion" || before == "corps" || before == "front" || before == "cell" || before == "cells"))
          c.crowd = -1, c.armed = kUnidentified;
        // (a capitalised name before them, not opening the sentence: a group's members)
        const bool named_before = a < b && std::isupper(static_cast<unsigned char>(text[a])) &&
                                  text.substr(a, b - a) != "The" && !(a >= 2 && text[a - 2] == '.');
        // (unless they demonstrate: "Vigilance Committee members demonstrated" are protesters)
        if (c.crowd >= 0 && head.rfind("members", 0) == 0 && named_before && a > 0) {
          const std::string after = ik::text::lower(text.substr(c.end, std::min<size_t>(80, text.size() - c.end)));
          const bool protesting = after.find("demonstrat") != std::string::npos || after.find("protest") != std::string::npos ||
                                  after.find("marched") != std::string::npos || after.find("rallied") != std::string::npos;
          if (!protesting) c.crowd = -1, c.armed = kUnidentified;
        }
      }
      // "members of the Eighth Brigade": an armed unit's members, not a crowd
      if (c.crowd == cPeople && c.named < 0) {
        const size_t lim = std::min<size_t>(text.size(), c.end + 60);
        size_t k = c.end;
        auto skip_word = [&](std::string_view w) {
          while (k < lim && text[k] == ' ') ++k;
          if (k + w.size() <= lim && ik::text::iequals(text.substr(k, w.size()), w)) { k += w.size(); return true; }
          return false;
        };
        if (skip_word("of") && skip_word("the")) {
          static const std::array<std::string_view, 9> kUnits = {"brigade", "brigades", "battalion", "battalions",
                                                                 "regiment", "division", "front", "militia", "army"};
          std::string last;
          for (int words = 0; words < 4; ++words) {
            while (k < lim && text[k] == ' ') ++k;
            if (k >= lim || !std::isupper(static_cast<unsigned char>(text[k]))) break;
            size_t e = k;
            while (e < lim && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '-')) ++e;
            last = ik::text::lower(text.substr(k, e - k));
            k = e;
          }
          if (std::find(kUnits.begin(), kUnits.end(), last) != kUnits.end()) c.crowd = -1, c.armed = kUnidentified;
        }
      }
      // "Russian-backed government forces", "Iran-backed Syrian troops": a state's own forces with a patron
      if (c.pro_gov && c.force >= 0 && c.armed < 0) {
        std::string surface = ik::text::lower(text.substr(c.start, c.end - c.start));
        const size_t dash = surface.find("-backed");
        if (dash != std::string::npos) surface = surface.substr(dash + 7);
        for (std::string_view w : {"government", "army", "troops", "military", "soldiers", "air force", "regime"})
          if (surface.find(w) != std::string::npos) c.pro_gov = false;
      }
      // "IRGC-backed militias", "Saudi-led coalition": the sponsor describes the group after it ("LNA-allied
      // fighters" are the LNA's side, and stay)
      {
        static const std::array<std::string_view, 5> kSponsored = {"-backed", "-led", "-sponsored", "-supported",
                                                                   "-funded"};
        const std::string after = ik::text::lower(text.substr(c.end, std::min<size_t>(12, text.size() - c.end)));
        if (std::any_of(kSponsored.begin(), kSponsored.end(), [&](std::string_view w) { return after.rfind(w, 0) == 0; }))
          continue;
      }
      // "artillery fire by Turkish forces": weapons without a demonym belong to the force the next words
      // name as their agent; "Israeli artillery, tanks and warplanes": else to the force last named.
      if (c.force >= 0 && c.country < 0 && c.named < 0 && c.weaponish && !c.named_force && ci + 1 < chunks.size() &&
          chunks[ci + 1].country >= 0 && chunks[ci + 1].force >= 0) {
        const std::string gap = ik::text::lower(text.substr(c.end, chunks[ci + 1].start - c.end));
        static const std::array<std::string_view, 8> kByAgent = {" by ", " fire by ", " shells fired by ", " fire from ",
                                                                 " shelling by ", " rounds fired by ", " strikes by ",
                                                                 " shells by "};
        if (std::find(kByAgent.begin(), kByAgent.end(), gap) != kByAgent.end()) c.country = chunks[ci + 1].country;
      }
      if (c.force >= 0 && c.country < 0 && c.named < 0 && c.weaponish && !c.named_force && last_force_country >= 0)
        c.country = last_force_country;
      if (c.force >= 0 && c.country >= 0 && c.named < 0) last_force_country = c.country;
      c.tok_begin = token_at(toks, c.start);
      c.tok_end = token_at(toks, c.end);
      auto sit = std::upper_bound(sents.begin(), sents.end(), std::make_pair(c.start, UINT32_MAX));
      uint32_t s_start = 0, s_end = uint32_t(text.size());
      if (sit != sents.begin() && c.start < std::prev(sit)->second) s_start = std::prev(sit)->first, s_end = std::prev(sit)->second;
      resolve(doc, text, toks, c, s_start, s_end, where, taliban_state);
    }
  }

  // What follows the chunk: the verb class of the first content word, and whether it is passive.
  struct Right {
    VerbClass cls = kNoVerb;
    bool passive_victim = false;
    bool reporting = false;  // "activists reported", "residents said": the speaker of a report
  };
  // `counted`: a number right before the phrase ("112 people").
  static Right look_right(const std::vector<Token>& toks, size_t i, uint32_t s_end, bool counted) {
    Right r;
    bool in_pp = false;  // inside "of the X"/"from X": only names and place nouns may follow
    for (size_t k = i, seen = 0; k < toks.size() && seen < 7 && toks[k].start < s_end; ++k, ++seen) {
      const Token& t = toks[k];
      if (t.kind == TokenKind::Punct) {
        if (t.text == "," || t.text == "(" || t.text == ")") continue;
        // a hyphen inside a name ("in Al-Sanamayn beat ..."): the name goes on
        if (t.text == "-" && k > i && k + 1 < toks.size() && toks[k - 1].end == t.start && toks[k + 1].start == t.end &&
            toks[k + 1].capitalised) {
          --seen;
          continue;
        }
        break;
      }
      if (t.kind == TokenKind::Number) continue;
      // "authorities estimated 7,000 were displaced", "police said two men were shot": the speaker of a
      // report, not a party to what it reports
      if (word_is(t, {"said", "says", "say", "estimated", "estimate", "estimates", "reported", "reports",
                      "told", "stated", "announced", "confirmed", "added", "noted", "warned", "counted"})) {
        r.reporting = true;
        return r;
      }
      // ("activists put the number of dead at more than 90")
      if (word_is(t, {"put", "puts", "gave", "give", "gives"}))
        for (size_t j = k + 1; j < std::min(toks.size(), k + 4); ++j)
          if (word_is(toks[j], {"toll", "number", "figure", "figures", "death", "count"})) {
            r.reporting = true;
            return r;
          }
      const VerbClass v = verb_class(t.text);
      if (v == kPassiveAux) {
        // "were killed", "was shot", "had been abducted"
        for (size_t j = k + 1; j < std::min(toks.size(), k + 4); ++j) {
          if (victim_participle(toks[j].text)) {
            r.passive_victim = true;
            return r;
          }
          if (!ik::text::iequals(toks[j].text, "been") && !ik::text::iequals(toks[j].text, "reportedly") &&
              !ik::text::iequals(toks[j].text, "allegedly") && !ik::text::iequals(toks[j].text, "also"))
            break;
        }
        return r;
      }
      if (v == kViolent || v == kProtestVerb) {
        // "the names of 112 people killed, at least 17 of them children": a counted noun with a participle
        // right after it and no object describes the victims (a reduced "who were killed")
        if (counted && seen == 0 && k > 0 && toks[k - 1].kind != TokenKind::Punct &&
            word_is(t, {"killed", "injured", "wounded", "hurt", "murdered", "executed", "abducted", "kidnapped"}) &&
            (k + 1 >= toks.size() || toks[k + 1].start >= s_end || toks[k + 1].kind == TokenKind::Punct ||
             word_is(toks[k + 1], {"in", "by", "during", "since", "last", "yesterday", "today", "including",
                                   "among"}))) {
          r.passive_victim = true;
          return r;
        }
        r.cls = v;
        return r;
      }
      if (v == kFiller) {
        if (word_is(t, {"of", "from", "in"})) in_pp = true;
        continue;
      }
      if (in_pp && t.capitalised && seen > 0) --seen;  // a place's name in "of X in Y" costs nothing
      if (in_pp && !t.capitalised &&
          !word_is(t, {"area", "village", "villages", "town", "city", "district", "community", "communities",
                       "neighbourhood", "neighborhood", "university", "camp", "region", "state", "province",
                       "market", "union", "party", "movement", "group", "nearby", "local", "several"}))
        return r;  // "families of two men who were killed": the verb is the men's
      if (in_pp && !t.capitalised) {  // "in the Houla area": a place noun of the phrase, not a new clause
        if (seen > 0) --seen;
        continue;
      }
      if (ik::text::iequals(t.text, "sustained") || ik::text::iequals(t.text, "died") ||
          ik::text::iequals(t.text, "fled") || ik::text::iequals(t.text, "suffered")) {
        r.passive_victim = true;
        return r;
      }
      // Any other word: a noun phrase continues ("students from the university protested") or the clause
      // has moved on. Allow a few words of a post-modifier, then stop.
      if (t.capitalised || seen < 3) continue;
      break;
    }
    return r;
  }

  // What precedes the chunk: "by X" (the perpetrator) or "attacked X", "clashed with X" (the target).
  enum class Left { None, Agent, Object, With, Aside };  // Aside: "backed by X", "owned by X": no party
  // Whether the chunk at token i is the subject of a "where" clause ("where hundreds of families had gathered").
  static bool after_where(const std::vector<Token>& toks, size_t i, uint32_t s_start) {
    for (size_t k = i, seen = 0; k-- > 0 && seen < 4 && toks[k].start >= s_start; ++seen) {
      if (toks[k].kind == TokenKind::Punct) return false;
      if (ik::text::iequals(toks[k].text, "where")) return true;
    }
    return false;
  }

  static Left look_left(const std::vector<Token>& toks, size_t i, uint32_t s_start) {
    for (size_t k = i, seen = 0; k-- > 0 && seen < 5 && toks[k].start >= s_start; ++seen) {
      const Token& t = toks[k];
      if (t.kind == TokenKind::Punct) return Left::None;
      // "fighters, backed by Turkish artillery, recaptured X": a supporter, not the one acting; "trees
      // owned by Kurdish residents": whose, not who did it
      static constexpr std::array<std::string_view, 12> kNotAgent = {
          "backed", "supported", "assisted", "aided", "owned", "run", "operated", "inhabited", "populated",
          "controlled", "held", "used"};
      auto aside_by = [&](size_t at) {  // toks[at] is "by"
        return at > 0 && std::any_of(kNotAgent.begin(), kNotAgent.end(),
                                     [&](std::string_view w) { return ik::text::iequals(toks[at - 1].text, w); });
      };
      if (ik::text::iequals(t.text, "by")) return aside_by(k) ? Left::Aside : Left::Agent;
      if (ik::text::iequals(t.text, "from")) {
        // "recaptured Kinsabba from opposition factions": the side that lost the ground
        for (size_t j = k; j-- > 0 && j + 10 > k && toks[j].start >= s_start;) {
          const std::string w = ik::text::lower(toks[j].text);
          if (w == "recaptured" || w == "retook" || w == "captured" || w == "seized" || w == "control" ||
              w == "wrested" || w == "regained" || w == "expelled" || w == "drove" || w == "ousted")
            return Left::Object;
        }
        return Left::None;
      }
      if (ik::text::iequals(t.text, "and")) {
        // "backed by Turkish drones and artillery": the second supporter too
        for (size_t j = k; j-- > 0 && j + 6 > k && toks[j].start >= s_start && toks[j].kind != TokenKind::Punct;)
          if (ik::text::iequals(toks[j].text, "by") && aside_by(j)) return Left::Aside;
      }
      if (ik::text::iequals(t.text, "with") || ik::text::iequals(t.text, "and")) {
        // "clashed with X", "clashes between Y and X": the other side.
        for (size_t j = k; j-- > 0 && j + 8 > k && toks[j].start >= s_start;)
          if (ik::text::lower(toks[j].text).rfind("clash", 0) == 0 || ik::text::iequals(toks[j].text, "fighting") ||
              ik::text::iequals(toks[j].text, "between") || ik::text::iequals(toks[j].text, "fought"))
            return Left::With;
        return Left::None;
      }
      // "the union, which blamed Syrian government aircraft", "residents accused the militia": the one blamed
      // is who did it
      // (right before it: "accused of holding residents hostage" blames whoever is accused, not the residents)
      if (word_is(t, {"blamed", "blaming", "blames", "accused", "accusing", "accuses"}) &&
          (k + 1 == i || (k + 2 == i && word_is(toks[k + 1], {"the"}))))
        return Left::Agent;
      if (takes_victim_object(t.text)) return Left::Object;
      if (skippable_before(t) || verb_class(t.text) == kNoVerb) continue;
      return Left::None;
    }
    return Left::None;
  }

  // Whether the chunk at token i hangs on a noun before it by "of" ("calling out the names of residents,
  // and shot ...": the verb after it is the clause's, not theirs), unless the noun counts them ("dozens of
  // residents attacked").
  static bool owned_by_noun(const std::vector<Token>& toks, size_t i, uint32_t s_start) {
    if (i < 2 || toks[i - 2].start < s_start || !ik::text::iequals(toks[i - 1].text, "of")) return false;
    const Token& head = toks[i - 2];
    if (head.kind != TokenKind::Word) return false;
    return !word_is(head, {"dozens", "hundreds", "thousands", "scores", "group", "groups", "crowd", "crowds",
                           "number", "some", "many", "several", "all", "most", "one", "two", "three", "band",
                           "gang", "mob", "members", "hundred", "thousand", "dozen", "lot", "lots", "bunch"});
  }

  void resolve(const Doc& doc, std::string_view text, const std::vector<Token>& toks, const Chunk& c,
               uint32_t s_start, uint32_t s_end, int where, bool taliban_state) const {
    const auto& groups = named_groups();
    const Left left = look_left(toks, c.tok_begin, s_start);
    const Right right =
        look_right(toks, c.tok_end, s_end, c.tok_begin > 0 && toks[c.tok_begin - 1].kind == TokenKind::Number);
    const char* role = nullptr;
    if (left == Left::Agent) role = "perpetrator";
    else if (left == Left::Object || left == Left::With || right.passive_victim) role = "victim";
    else if (left != Left::Aside && (right.cls == kViolent || right.cls == kProtestVerb) &&
             !owned_by_noun(toks, c.tok_begin, s_start))
      role = "perpetrator";

    std::string name;
    int inter = 0;
    int country = -1;
    double conf = 0.7;
    const std::string where_name = where >= 0 ? std::string(kCountries[where].name) : std::string();

    if (c.named >= 0) {
      int g = c.named;
      // "SNA" is Syria's opposition army in Syria and Somalia's army elsewhere.
      if (g == kSomaliArmy && where >= 0 && kCountries[where].iso3 == "SYR") g = kSyrianNationalArmy;
      const Named& n = groups[g];
      country = !n.country.empty() ? country_by_iso3(n.country) : (c.country >= 0 ? c.country : where);
      if (g == kTaliban && taliban_state) {
        name = "Military Forces of Afghanistan (2021-)";
        inter = kStateForces;
      } else {
        name = with_country(n.name, country >= 0 ? std::string(kCountries[country].name) : where_name);
        inter = n.inter;
      }
      if ((n.state || (g == kTaliban && taliban_state)) && where >= 0 && country >= 0 && where != country)
        inter = kExternalForces;
      if (g == kIslamicState || g == kFulani || n.country.empty()) country = where >= 0 ? where : country;
      conf = 0.9;
    } else if (c.force >= 0 && !c.pro_gov && c.armed < 0) {
      country = c.country >= 0 ? c.country : where;
      // "the regime" without a country is, in this domain, almost always Syria's.
      if (country < 0 && ik::text::lower(text.substr(c.start, c.end - c.start)).find("regime") != std::string::npos)
        country = country_by_iso3("SYR");
      if (country < 0) return;  // "the army" of an unknown country names nobody
      // ACLED knows no Palestinian army or air force: unattributed armed forces in Gaza and the West Bank
      // are Israel's (Palestinian police are the Palestinian Authority's).
      if (c.country < 0 && kCountries[country].iso3 == "PSE" && (c.force == kMilitary || c.force == kAir))
        country = country_by_iso3("ISR");
      const std::string cn(kCountries[country].name);
      switch (c.force) {
        case kPolice: name = "Police Forces of " + cn; break;
        case kGovernment: name = "Government of " + cn; break;
        default: name = "Military Forces of " + cn; break;
      }
      inter = (where >= 0 && where != country) ? kExternalForces : kStateForces;
      conf = c.country >= 0 ? 0.85 : 0.7;
      // A lone "officers"/"intelligence"/"government" is weak evidence of a state actor.
      const std::string surface = ik::text::lower(text.substr(c.start, c.end - c.start));
      if (c.country < 0 && (surface == "officers" || surface == "government" || surface == "administration" ||
                            surface == "intelligence" || surface == "forces" || surface == "jet"))
        conf = 0.4;
    } else if (c.armed >= 0 || c.pro_gov) {
      country = where >= 0 ? where : c.country;
      const std::string cn = country >= 0 ? std::string(kCountries[country].name) : "";
      const std::string paren = cn.empty() ? "" : " (" + cn + ")";
      // An ethnonym right before "militia"/"herders" ("Toposa militia") names an identity militia.
      std::string ethnic;
      if (c.tok_begin > 0 && c.armed != kGang && c.armed != kRebel && c.armed != kUnidentified &&
          (c.armed != kMilitia || in_africa(country))) {
        const Token& prev = toks[c.tok_begin - 1];
        if (prev.kind == TokenKind::Word && prev.capitalised && prev.text.size() > 2 && prev.end + 1 == c.start &&
            verb_class(prev.text) == kNoVerb)
          ethnic = std::string(prev.text);
      }
      if (c.pro_gov) {
        name = "Pro-Government Militia" + paren;
        inter = kPoliticalMilitia;
      } else if (!ethnic.empty()) {
        name = ethnic + (c.armed == kClan     ? " Clan Militia"
                         : c.armed == kTribal ? " Tribal Militia"
                         : c.armed == kMilitia || c.armed == kCommunal ? " Communal Militia"
                                                                       : " Ethnic Militia") + paren;
        inter = kIdentityMilitia;
      } else {
        switch (c.armed) {
          case kGang: name = "Unidentified Gang" + paren; inter = kPoliticalMilitia; break;
          case kRebel: name = "Unidentified Rebel Group" + paren; inter = kRebels; break;
          case kIdentity: name = "Unidentified Ethnic Militia" + paren; inter = kIdentityMilitia; break;
          case kClan: name = "Unidentified Clan Militia" + paren; inter = kIdentityMilitia; break;
          case kTribal: name = "Unidentified Tribal Militia" + paren; inter = kIdentityMilitia; break;
          case kCommunal: name = "Unidentified Communal Militia" + paren; inter = kIdentityMilitia; break;
          default: name = "Unidentified Armed Group" + paren; inter = kPoliticalMilitia; break;
        }
      }
      conf = 0.7;
      // "fighters" alone are as often victims as attackers; "individuals" need "armed"/"unknown".
      const std::string surface = ik::text::lower(text.substr(c.start, c.end - c.start));
      if (surface == "fighters" || surface == "individuals" || surface == "militant" || surface == "attacker")
        conf = 0.45;
    } else if (c.crowd >= 0 || c.civilians || c.plural >= 0) {
      country = where >= 0 ? where : (c.plural >= 0 ? c.plural : c.country);
      if (c.crowd == cSettlers) country = country_by_iso3("ISR");
      const std::string cn = country >= 0 ? std::string(kCountries[country].name) : "International";
      // ("the street where families had gathered": the place's people, on the receiving end; not "where
      // residents damaged an ATM")
      if (c.crowd >= 0 && c.crowd != cProtesters && c.crowd != cRioters && right.cls != kViolent &&
          after_where(toks, c.tok_begin, s_start))
        role = "victim";
      const bool perp = role && std::string_view(role) == "perpetrator";
      // ("local activists reported four dead": they report the event, they do not protest in it)
      if (c.crowd == cProtesters && right.reporting && !perp) return;
      // ("an unknown group ambushed a vehicle": an unidentified armed group, not a crowd)
      const std::string surf = ik::text::lower(text.substr(c.start, c.end - c.start));
      const bool unknown_group = c.crowd >= 0 && (surf.rfind("unknown ", 0) == 0 || surf.rfind("unidentified ", 0) == 0) &&
                                 (surf.ends_with(" group") || surf.ends_with(" groups"));
      if (unknown_group) {
        name = country >= 0 ? "Unidentified Armed Group (" + cn + ")" : "Unidentified Armed Group";
        inter = kPoliticalMilitia;
        conf = 0.7;
      } else if (c.crowd == cProtesters || (c.crowd >= 0 && perp && right.cls == kProtestVerb)) {
        name = "Protesters (" + cn + ")";
        inter = kProtesters;
        role = "perpetrator";
        conf = c.crowd == cProtesters ? 0.85 : 0.7;
      } else if (c.crowd == cRioters || c.crowd == cSettlers || (c.crowd >= 0 && perp)) {
        name = "Rioters (" + cn + ")";
        inter = kRioters;
        if (!role || std::string_view(role) != "victim") role = "perpetrator";
        conf = c.crowd == cPeople ? 0.55 : 0.8;
      } else if (c.civilians || c.plural >= 0 || (role && std::string_view(role) == "victim")) {
        name = "Civilians (" + cn + ")";
        inter = kCivilians;
        if (!role) role = "victim";
        conf = c.civilians ? 0.75 : 0.6;
      } else {
        return;  // "residents said", "members of parliament": not an actor in the event
      }
    } else {
      return;  // a bare country name or demonym is a place or an adjective, not an actor
    }

    // Appended in place (one buffer rather than a temporary string per piece).
    const std::string_view alias = text.substr(c.start, c.end - c.start);
    std::string attrs;
    attrs.reserve(160 + alias.size());
    attrs += "{\"inter\":";
    attrs += std::to_string(inter);
    attrs += ",\"country\":";
    if (country >= 0) {
      attrs += '"';
      attrs += kCountries[country].name;
      attrs += '"';
    } else {
      attrs += "null";
    }
    attrs += ",\"role\":";
    if (role) {
      attrs += '"';
      attrs += role;
      attrs += '"';
    } else {
      attrs += "null";
    }
    attrs += ",\"alias\":\"";
    attrs += ik::text::json_escape(alias);
    attrs += '"';
    if (c.suspected) attrs += ",\"suspected\":true";
    if (c.crowd >= 0) attrs += ",\"crowd\":true";
    if (c.named >= 0) {  // where the group is at home: the country when the document names no place
      const Named& n = named_groups()[c.named];
      const std::string_view h = !n.country.empty() ? n.country : n.home;
      if (const int hc = h.empty() ? -1 : country_by_iso3(h); hc >= 0) {
        attrs += ",\"home\":\"";
        attrs += kCountries[hc].name;
        attrs += "\",\"home_iso3\":\"";
        attrs += kCountries[hc].iso3;
        attrs += '"';
      }
    }
    attrs += '}';
    Mention m;
    m.start = c.start;
    m.end = c.end;
    m.label = "actor";
    m.value = std::move(name);
    m.number = inter;
    m.attrs_json = std::move(attrs);
    m.confidence = conf;
    doc.add(std::move(m));
  }
};

}  // namespace

IK_PLUGIN(ik_actors, "1.0.0", Actors)
