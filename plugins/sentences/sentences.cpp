// sentences.v1: sentence spans (with their paragraph index) that the other extractors work within.
// Page furniture (share buttons, "Leave a Reply", comment forms, "Short Url") gets a "boilerplate" span
// instead, so nothing downstream reads it as part of the report.
#include <algorithm>

#include "common/text.hpp"
#include "incidentkit/sdk.hpp"

namespace {

// Phrases that mark a short line as page furniture rather than reporting.
constexpr const char* kBoilerplate[] = {
    "share this", "share on", "share this story", "leave a reply", "leave a comment", "post a comment",
    "your email address will not be published", "required fields are marked", "click here", "short url",
    "follow us", "sign up", "subscribe", "newsletter", "all rights reserved", "cookie", "cookies",
    "read more", "related articles", "related posts", "originally published", "tweet", "whatsapp",
    "print this", "email this", "advertisement", "skip to content", "comments", "copyright", "follow"};

// A line this long or longer is prose even if it mentions "cookies" or "follow".
constexpr size_t kMaxBoilerplateLine = 120;

struct Sentences {
  static constexpr const char* name = "sentences";
  static constexpr const char* version = "v1";
  static constexpr const char* requires_labels = "";
  static constexpr const char* assigns = "sentence boilerplate";
  static constexpr const char* default_config = "{}";

  ik::text::Lexicon furniture;

  explicit Sentences(const ik::sdk::Config&) {
    uint32_t id = 0;
    for (const char* p : kBoilerplate) furniture.add(p, id++);
    furniture.build();
  }

  bool is_boilerplate(std::string_view text, const ik::text::Span& s) const {
    // Only whole short lines qualify: find the line around the sentence.
    size_t a = s.start, b = s.end;
    while (a > 0 && text[a - 1] != '\n') --a;
    while (b < text.size() && text[b] != '\n') ++b;
    if (b - a >= kMaxBoilerplateLine) return false;
    return !furniture.find(text.substr(a, b - a)).empty();
  }

  void process(ik::sdk::Doc& doc) const {
    const auto text = doc.text();
    ik::sdk::Mention m;
    for (const auto& s : ik::text::sentences(text)) {
      m.start = s.start;
      m.end = s.end;
      m.number = s.paragraph;
      m.label = is_boilerplate(text, s) ? "boilerplate" : "sentence";
      doc.add(m);
    }
  }
};

}  // namespace

IK_PLUGIN(ik_sentences, "1.0.0", Sentences)
