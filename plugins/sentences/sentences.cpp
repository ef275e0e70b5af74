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

  // Only whole short lines qualify: [a, b) is the line (or lines) around the sentence.
  bool is_boilerplate(std::string_view text, size_t a, size_t b) const {
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
    LineBounds lines(text);
    for (const auto& s : ik::text::sentences(text)) {
      const size_t a = lines.start_before(s.start), b = lines.end_from(s.end);
      if (s.start >= line_end) {
        line_end = b;  // (b >= s.end: sentences end at line breaks)
        caption = is_caption(text.substr(a, b - a));
      }
      m.start = s.start;
      m.end = s.end;
      m.number = s.paragraph;
      m.label = caption || is_boilerplate(text, a, b) ? "boilerplate" : "sentence";
      doc.add(m);
    }
  }

 private:
  // The start of the line holding a position and the end of the line holding another: what walking
  // back and forth to the nearest '\n' gives, but the sentences come in text order, so each byte is
  // looked at about once (walking back from every sentence of a one-line note was quadratic).
  class LineBounds {
   public:
    explicit LineBounds(std::string_view text) : text_(text) {}
    // One past the last '\n' before pos (0 if none).
    size_t start_before(size_t pos) {
      if (pos < scanned_) {  // out of order: walk back as is
        size_t a = pos;
        while (a > 0 && text_[a - 1] != '\n') --a;
        return a;
      }
      for (; scanned_ < pos; ++scanned_)
        if (text_[scanned_] == '\n') line_start_ = scanned_ + 1;
      return line_start_;
    }
    // The first '\n' at or after pos (the text's size if none).
    size_t end_from(size_t pos) {
      if (pos < from_ || pos > line_end_) {
        from_ = pos;
        const size_t nl = pos < text_.size() ? text_.find('\n', pos) : std::string_view::npos;
        line_end_ = nl == std::string_view::npos ? std::max(pos, text_.size()) : nl;
      }
      return line_end_;
    }

   private:
    std::string_view text_;
    size_t scanned_ = 0, line_start_ = 0;  // [0, scanned_) looked at; line_start_ as start_before(scanned_)
    size_t from_ = 1, line_end_ = 0;       // end_from(q) == line_end_ for every q in [from_, line_end_]
  };
};

}  // namespace

IK_PLUGIN(ik_sentences, "1.0.0", Sentences)
