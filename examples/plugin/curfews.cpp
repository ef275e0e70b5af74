// An example extractor: marks curfews and lockdown orders, one mention per match, with the index of the
// sentence it is in. Shows the SDK: config with defaults, reading earlier mentions, adding new ones.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "incidentkit/sdk.hpp"

namespace {

struct Curfews {
  static constexpr const char* name = "curfews";
  static constexpr const char* version = "v1";
  static constexpr const char* requires_labels = "sentence";
  static constexpr const char* assigns = "curfew";
  static constexpr const char* default_config = R"({"terms": ["curfew", "lockdown", "state of emergency"]})";

  std::vector<std::string> terms;  // lower case

  explicit Curfews(const ik::sdk::Config& config) {
    for (const auto& t : config.at("terms")) terms.push_back(lower(t.get<std::string>()));
    if (terms.empty()) throw std::invalid_argument("curfews.v1: \"terms\" must not be empty");
  }

  static std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  void process(ik::sdk::Doc& doc) const {
    const std::string text = lower(std::string(doc.text()));
    const auto sentences = doc.mentions("sentence");
    for (const auto& term : terms) {
      for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + term.size())) {
        ik::sdk::Mention m;
        m.start = at;
        m.end = at + term.size();
        m.label = "curfew";
        m.value = term;
        // Which sentence it is in, from the sentences.v1 mentions.
        const auto in = std::find_if(sentences.begin(), sentences.end(),
                                     [&](const auto& s) { return s.start <= m.start && m.end <= s.end; });
        m.number = in == sentences.end() ? ik::sdk::kNone : static_cast<double>(in - sentences.begin());
        m.confidence = 0.9;
        doc.add(m);
      }
    }
  }
};

}  // namespace

IK_PLUGIN(curfews, "0.1.0", Curfews)
