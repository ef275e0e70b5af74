// sentences.v1: sentence spans (with their paragraph index) that the other extractors work within.
// Page furniture (share buttons, "Leave a Reply", comment forms, "Short Url", photo captions) gets a
// "boilerplate" span instead, so nothing downstream reads it as part of the report.
#include <algorithm>
#include <string>
#include <string_view>

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

// A photo caption describes a picture, often of another day ("Soldiers are deployed in X, in this handout
// released on ..."), not what the report tells: lines that say they caption or credit a picture.
constexpr std::string_view kCaptionCues[] = {
    "in this handout", "in this photo", "in this picture", "in this image", "in this file photo",
    "in this undated", "in this still", "in this video grab", "in this screen grab", "in this frame grab",
    "file photo", "reuters/", "afp/", "ap photo", "getty images", "epa/", "photo credit"};
constexpr size_t kMaxCaptionLine = 400;

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

  static bool is_caption(std::string_view line) {
    if (line.size() >= kMaxCaptionLine) return false;
    const std::string low = ik::text::lower(line);
    // Each cue holds "in this", "photo", "/" or "getty": a line with none of them (most lines) is no
    // caption, found in four scans rather than seventeen.
    if (low.find("in this") == std::string::npos && low.find("photo") == std::string::npos &&
        low.find('/') == std::string::npos && low.find("getty") == std::string::npos)
      return false;
    return std::any_of(std::begin(kCaptionCues), std::end(kCaptionCues),
                       [&](std::string_view cue) { return low.find(cue) != std::string::npos; });
  }

  void process(ik::sdk::Doc& doc) const {
    const auto text = doc.text();
    ik::sdk::Mention m;
    // The line last tested for a caption ([0, 0) before the first), and the verdict.
    size_t line_end = 0;
    bool caption = false;
    for (const auto& s : ik::text::sentences(text)) {
      if (s.start >= line_end) {
        size_t a = s.start, b = s.end;
        while (a > 0 && text[a - 1] != '\n') --a;
        while (b < text.size() && text[b] != '\n') ++b;
        line_end = b;  // (b >= s.end: sentences end at line breaks)
        caption = is_caption(text.substr(a, b - a));
      }
      m.start = s.start;
      m.end = s.end;
      m.number = s.paragraph;
      m.label = caption || is_boilerplate(text, s) ? "boilerplate" : "sentence";
      doc.add(m);
    }
  }
};

}  // namespace

IK_PLUGIN(ik_sentences, "1.0.0", Sentences)
