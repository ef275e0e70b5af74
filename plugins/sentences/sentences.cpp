// sentences.v1: sentence spans (with their paragraph index) that the other extractors work within.
#include "common/text.hpp"
#include "incidentkit/sdk.hpp"

namespace {

struct Sentences {
  static constexpr const char* name = "sentences";
  static constexpr const char* version = "v1";
  static constexpr const char* requires = "";
  static constexpr const char* assigns = "sentence";
  static constexpr const char* default_config = "{}";

  explicit Sentences(const ik::sdk::Config&) {}

  void process(ik::sdk::Doc& doc) const {
    ik::sdk::Mention m;
    m.label = "sentence";
    for (const auto& s : ik::text::sentences(doc.text())) {
      m.start = s.start;
      m.end = s.end;
      m.number = s.paragraph;
      doc.add(m);
    }
  }
};

}  // namespace

IK_PLUGIN(ik_sentences, "1.0.0", Sentences)
