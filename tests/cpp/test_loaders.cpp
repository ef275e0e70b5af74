// Loaders: every input form and every kind of bad input. Inputs are written to a temporary folder.
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "incidentkit/errors.hpp"
#include "incidentkit/loaders.hpp"
#include "test_util.hpp"

namespace {

using ik::test::load;
using ik::test::TempDir;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(Txt, WholeFileIsOneDocumentWithTitleBomAndCrlfHandled) {
  TempDir dir;
  const auto path = dir.write("idlib_report.txt", "\xEF\xBB\xBFSchool hit in Idlib\r\n\r\nA strike hit a school.\r\nNine were hurt.\r\n");
  const auto got = load({path});
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_TRUE(got.errors.empty());
  const auto& d = got.docs[0];
  EXPECT_EQ(d.id, "idlib_report");
  EXPECT_EQ(d.title, "School hit in Idlib");
  EXPECT_EQ(d.text, "School hit in Idlib\n\nA strike hit a school.\nNine were hurt.\n");
  EXPECT_EQ(d.source, path);
}

TEST(Txt, NoTitleWithoutABlankLine) {
  TempDir dir;
  const auto got = load({dir.write("a.txt", "First line of the story\nsecond line.\n")});
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_TRUE(got.docs[0].title.empty());
}

TEST(Folder, RecursiveSortedMixedFormatsWithUniqueIds) {
  TempDir dir;
  dir.write("b/report.txt", "Second folder report.");
  dir.write("a/report.txt", "First folder report.");
  dir.write("a/extra.jsonl", "{\"text\": \"from jsonl\"}\n");
  dir.write("c.csv", "id,text\nc1,from csv\n");
  dir.write("ignored.png", "\x89PNG");
  const auto got = load({dir.path().string()});
  ASSERT_TRUE(got.errors.empty());
  std::vector<std::string> ids;
  for (const auto& d : got.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a/extra.jsonl:1", "a/report", "b/report", "c1"}));
  // The same file twice still gives distinct ids, stable in input order.
  const auto file = (dir.path() / "a/report.txt").string();
  const auto twice = load({file, file});
  ASSERT_EQ(twice.docs.size(), 2u);
  EXPECT_EQ(twice.docs[0].id, "report");
  EXPECT_EQ(twice.docs[1].id, "report~2");
}

TEST(Paths, MissingPathIsAnInputErrorNamingIt) {
  TempDir dir;
  const auto missing = (dir.path() / "nope.jsonl").string();
  try {
    ik::open_documents({missing}, {});
    FAIL();
  } catch (const ik::InputError& e) {
    EXPECT_EQ(e.code(), "E101");
    EXPECT_TRUE(contains(e.what(), missing));
  }
}

TEST(Jsonl, ReadsFieldsAliasesAndMeta) {
  TempDir dir;
  const auto path = dir.write("in.jsonl",
                              R"({"id": "a", "text": "Shots fired.", "published": "11 May 2020", "title": "T", "url": "http://x", "source": "Reuters", "country": "Mali"})"
                              "\n"
                              R"({"id": 42, "notes": "Notes as text.", "published": "2020-05-11T08:30:00Z"})"
                              "\n\n"
                              R"({"body": "Body as text.", "published": "May 3, 2021"})"
                              "\n");
  const auto got = load({path});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].message;
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_EQ(got.docs[0].id, "a");
  EXPECT_EQ(got.docs[0].published, "2020-05-11");
  EXPECT_EQ(got.docs[0].title, "T");
  EXPECT_EQ(got.docs[0].url, "http://x");
  EXPECT_EQ(got.docs[0].meta["country"], "Mali");
  EXPECT_EQ(got.docs[0].meta["source"], "Reuters");  // the outlet; Document::source is the file
  EXPECT_EQ(got.docs[0].source, path);
  EXPECT_FALSE(got.docs[0].meta.contains("text"));
  EXPECT_EQ(got.docs[1].id, "42");
  EXPECT_EQ(got.docs[1].text, "Notes as text.");
  EXPECT_EQ(got.docs[1].published, "2020-05-11");
  EXPECT_EQ(got.docs[2].id, "in.jsonl:4");  // default id: file and line
  EXPECT_EQ(got.docs[2].line, 4);
  EXPECT_EQ(got.docs[2].published, "2021-05-03");
}

TEST(Jsonl, ChosenTextFieldWins) {
  TempDir dir;
  const auto path = dir.write("in.jsonl", R"({"text": "short", "full_text": "The long version."})" "\n");
  ik::LoadOptions options;
  options.text_column = "full_text";
  const auto got = load({path}, options);
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "The long version.");
}

// Lines of the usual shape take a fast path, the rest the full parser: either way a document's text and
// meta are what nlohmann::json::parse() reads from the line.
TEST(Jsonl, EscapesDuplicateKeysAndValueKindsReadAsTheJsonParserReadsThem) {
  const std::vector<std::string> lines = {
      R"({"id": "e1", "text": "Quote \" back \\ slash \/ tab\t line\n \u00e9 \u20AC \ud83d\ude00 end", "k": null, "b": true, "c": false})",
      R"({"id":"e2","text":"first","text":"second","note":"a","note":"b"})",
      R"({"id": "e3", "text": "numbers", "n": 3, "neg": -2, "f": -2.5e3, "big": 18446744073709551616})",
      "  { \"id\" : \"e4\" ,\t\"text\" : \"spaced\" , \"nested\" : {\"a\": [1, \"x\", null]} }  ",
      "{\"id\": \"e5\", \"text\": \"raw caf\\u00e9 and caf\xC3\xA9\", \"empty\": \"\", \"\": \"empty key\"}",
      R"({})",
  };
  TempDir dir;
  std::string content;
  for (const auto& l : lines) content += l + "\n";
  const auto path = dir.write("kinds.jsonl", content);
  const auto got = load({path});
  ASSERT_EQ(got.docs.size(), 5u);
  ASSERT_EQ(got.errors.size(), 1u);  // {}: no text
  EXPECT_EQ(got.errors[0].line, 6);
  for (size_t i = 0; i < got.docs.size(); ++i) {
    nlohmann::json expected = nlohmann::json::parse(lines[i]);
    EXPECT_EQ(got.docs[i].text, ik::normalise_text(expected["text"].get<std::string>(), path, int64_t(i + 1)));
    EXPECT_EQ(got.docs[i].id, expected["id"].get<std::string>());
    expected.erase("text");
    expected.erase("id");
    EXPECT_EQ(got.docs[i].meta, expected) << lines[i];
  }
  EXPECT_EQ(got.docs[0].text.substr(0, 7), "Quote \"");
  EXPECT_EQ(got.docs[1].text, "second");  // the last of duplicate keys
}

struct BadLine {
  std::string name;
  std::string line;
  std::string code;
  std::string message_part;
  friend void PrintTo(const BadLine& c, std::ostream* os) { *os << c.name; }
};

class JsonlBadLine : public ::testing::TestWithParam<BadLine> {};

// Each bad line becomes one error record with its code, file and line; the lines around it still load.
TEST_P(JsonlBadLine, BecomesAnErrorRecordAndTheBatchGoesOn) {
  const auto& c = GetParam();
  TempDir dir;
  const auto path = dir.write("bad.jsonl", "{\"id\": \"before\", \"text\": \"ok\"}\n" + c.line +
                                               "\n{\"id\": \"after\", \"text\": \"ok\"}\n");
  ik::LoadOptions options;
  options.max_document_bytes = 1000;
  const auto got = load({path}, options);
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].id, "before");
  EXPECT_EQ(got.docs[1].id, "after");
  ASSERT_EQ(got.errors.size(), 1u);
  const auto& e = got.errors[0];
  EXPECT_EQ(e.code, c.code) << e.message;
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.source, path);
  EXPECT_TRUE(contains(e.message, path + ":2")) << e.message;
  EXPECT_TRUE(contains(e.message, c.message_part)) << e.message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JsonlBadLine,
    ::testing::Values(
        BadLine{"BrokenJson", R"({"id": "x", "text": "unterminated)", "E102", "parse error"},
        BadLine{"LoneSurrogate", R"({"id": "x", "text": "a\ud800b"})", "E102", "surrogate"},
        BadLine{"UnknownEscape", R"({"id": "x", "text": "a\qb"})", "E102", "parse error"},
        BadLine{"TrailingGarbage", R"({"id": "x", "text": "ok"} x)", "E102", "parse error"},
        BadLine{"RawControlCharacter", "{\"id\": \"x\", \"text\": \"a\tb\"}", "E102", "parse error"},
        BadLine{"NotAnObject", R"(["a", "list"])", "E103", "array"},
        BadLine{"MissingText", R"({"id": "x", "title": "only a title"})", "E104", "text"},
        BadLine{"EmptyText", R"({"id": "x", "text": "   "})", "E104", "empty"},
        BadLine{"InvalidUtf8", "{\"id\": \"x\", \"text\": \"caf\xE9 bad\"}", "E105", "byte 24"},
        BadLine{"NulCharacter", R"({"id": "x", "text": "a\u0000b"})", "E110", "NUL"},
        BadLine{"TooLarge", "{\"id\": \"x\", \"text\": \"" + std::string(1500, 'a') + "\"}", "E106", "limit"},
        BadLine{"TextNotAString", R"({"id": "x", "text": 17})", "E111", "text"},
        BadLine{"TitleNotAString", R"({"id": "x", "text": "ok", "title": ["a"]})", "E111", "title"},
        BadLine{"IdNotAString", R"({"id": {"a": 1}, "text": "ok"})", "E111", "id"}),
    [](const auto& info) { return info.param.name; });

TEST(Jsonl, LineEndingsBomAndUnparsedDates) {
  TempDir dir;
  const auto path = dir.write("crlf.jsonl", "\xEF\xBB\xBF{\"text\": \"a\\r\\nb\", \"published\": \"sometime\"}\r\n");
  const auto got = load({path});
  ASSERT_EQ(got.docs.size(), 1u) << (got.errors.empty() ? "" : got.errors[0].message);
  EXPECT_EQ(got.docs[0].text, "a\nb");
  EXPECT_TRUE(got.docs[0].published.empty());
  EXPECT_EQ(got.docs[0].meta["published_raw"], "sometime");
}

TEST(Csv, AcledExportWithQuotedMultiLineFields) {
  TempDir dir;
  const auto path = dir.write(
      "acled.csv",
      "event_id_cnty,event_date,country,notes,fatalities\r\n"
      "SYR1,2019-06-03,Syria,\"On 3 June, an air strike hit a market, killing 11.\nA second line, \"\"quoted\"\".\",11\r\n"
      "NGA7,2019-06-04,Nigeria,Gunmen attacked a village.,3\r\n");
  const auto got = load({path});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].message;
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].id, "SYR1");
  EXPECT_EQ(got.docs[0].text, "On 3 June, an air strike hit a market, killing 11.\nA second line, \"quoted\".");
  EXPECT_EQ(got.docs[0].meta["event_date"], "2019-06-03");  // an event date is not a publication date
  EXPECT_TRUE(got.docs[0].published.empty());
  EXPECT_EQ(got.docs[0].meta["fatalities"], "11");
  EXPECT_EQ(got.docs[0].line, 2);
  EXPECT_EQ(got.docs[1].id, "NGA7");
  EXPECT_EQ(got.docs[1].line, 4);  // the record after a two-line one
}

TEST(Csv, ChosenTextColumnAndDefaultIds) {
  TempDir dir;
  const auto path = dir.write("x.csv", "headline,Description\nShort,The full description.\n");
  ik::LoadOptions options;
  options.text_column = "description";  // case-insensitive
  const auto got = load({path}, options);
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "The full description.");
  EXPECT_EQ(got.docs[0].id, "x.csv:2");
  EXPECT_EQ(got.docs[0].meta["headline"], "Short");
}

TEST(Csv, MissingNamedColumnFailsAtOpenNamingFileAndColumn) {
  TempDir dir;
  const auto path = dir.write("x.csv", "id,notes\n1,hello\n");
  ik::LoadOptions options;
  options.text_column = "article_text";
  try {
    ik::open_documents({path}, options);
    FAIL();
  } catch (const ik::InputError& e) {
    EXPECT_EQ(e.code(), "E107");
    EXPECT_TRUE(contains(e.what(), path));
    EXPECT_TRUE(contains(e.what(), "article_text"));
  }
}

TEST(Csv, NoTextColumnAtAllFailsAtOpenEvenInsideAFolder) {
  TempDir dir;
  dir.write("a.txt", "fine");
  const auto path = dir.write("z.csv", "id,value\n1,2\n");
  try {
    ik::open_documents({dir.path().string()}, {});
    FAIL();
  } catch (const ik::InputError& e) {
    EXPECT_EQ(e.code(), "E107");
    EXPECT_TRUE(contains(e.what(), path));
  }
}

TEST(Csv, MalformedRecordsAreErrorRecords) {
  TempDir dir;
  const auto path = dir.write("m.csv",
                              "id,text\n"
                              "1,fine\n"
                              "2,too,many\n"
                              "3,\"bad\xFF\"\n"
                              "4,\"never closed\n");
  const auto got = load({path});
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 3u);
  EXPECT_EQ(got.errors[0].code, "E108");
  EXPECT_EQ(got.errors[0].line, 3);
  EXPECT_EQ(got.errors[1].code, "E105");
  EXPECT_EQ(got.errors[1].line, 4);
  EXPECT_EQ(got.errors[2].code, "E108");
  EXPECT_EQ(got.errors[2].line, 5);
}

TEST(Txt, BadFilesAreErrorRecords) {
  TempDir dir;
  dir.write("a_utf8.txt", "line one\nline tw\xC3o\n");
  dir.write("b_nul.txt", std::string("abc\0def", 7));
  dir.write("c_big.txt", std::string(2000, 'x'));
  dir.write("d_empty.txt", "\n\n");
  dir.write("e_good.txt", "A good one.");
  ik::LoadOptions options;
  options.max_document_bytes = 1000;
  const auto got = load({dir.path().string()}, options);
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 4u);
  EXPECT_EQ(got.errors[0].code, "E105");
  EXPECT_EQ(got.errors[0].line, 2);
  EXPECT_TRUE(contains(got.errors[0].message, "byte 16")) << got.errors[0].message;
  EXPECT_TRUE(contains(got.errors[0].message, "a_utf8.txt:2")) << got.errors[0].message;
  EXPECT_EQ(got.errors[1].code, "E110");
  EXPECT_EQ(got.errors[2].code, "E106");
  EXPECT_EQ(got.errors[3].code, "E104");
}

TEST(Dates, CommonFormsNormaliseToIso) {
  TempDir dir;
  std::string jsonl;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2020-05-11", "2020-05-11"},  {"2020/5/1", "2020-05-01"},     {"20200511", "2020-05-11"},
      {"11 May 2020", "2020-05-11"}, {"11-May-2020", "2020-05-11"},  {"May 11, 2020", "2020-05-11"},
      {"Monday, 11 May 2020", "2020-05-11"}, {"11 September 2001", "2001-09-11"},
      {"2020-02-30", ""},            {"not a date", ""}};
  for (const auto& [raw, _] : cases) jsonl += nlohmann::json({{"text", "t"}, {"published", raw}}).dump() + "\n";
  const auto got = load({dir.write("d.jsonl", jsonl)});
  ASSERT_EQ(got.docs.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) EXPECT_EQ(got.docs[i].published, cases[i].second) << cases[i].first;
}

// Standard input: JSONL is recognised by its first character, anything else is one text document.
class StdinTest : public ::testing::Test {
 protected:
  void feed(const std::string& s) {
    input_.str(s);
    saved_ = std::cin.rdbuf(input_.rdbuf());
  }
  void TearDown() override {
    if (saved_) std::cin.rdbuf(saved_);
  }
  std::stringstream input_;
  std::streambuf* saved_ = nullptr;
};

TEST_F(StdinTest, SniffsJsonl) {
  feed("\n  {\"id\": \"s1\", \"text\": \"one\"}\n{\"text\": \"two\"}\nnot json\n");
  const auto got = load({"-"});
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].id, "s1");
  EXPECT_EQ(got.docs[1].id, "stdin:3");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].code, "E102");
  EXPECT_EQ(got.errors[0].line, 4);
}

TEST_F(StdinTest, PlainTextIsOneDocument) {
  feed("Headline\n\nTwo people died in Goma.\r\n");
  const auto got = load({"-"});
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].id, "stdin");
  EXPECT_EQ(got.docs[0].title, "Headline");
  EXPECT_EQ(got.docs[0].text, "Headline\n\nTwo people died in Goma.\n");
}

TEST(NormaliseText, ChecksAndCleans) {
  EXPECT_EQ(ik::normalise_text("\xEF\xBB\xBF" "a\r\nb\rc", "<python>", 0), "a\nb\nc");
  EXPECT_THROW(ik::normalise_text("\xED\xA0\x80", "<python>", 0), ik::InputError);  // a surrogate
  EXPECT_THROW(ik::normalise_text("\xC0\xAF", "<python>", 0), ik::InputError);      // overlong
  EXPECT_THROW(ik::normalise_text(std::string("a\0", 2), "<python>", 0), ik::InputError);
  EXPECT_EQ(ik::normalise_text("Ma\xE2\x80\x98" "arrat \xF0\x9F\x98\x80", "x", 1), "Ma\xE2\x80\x98" "arrat \xF0\x9F\x98\x80");
}

}  // namespace
