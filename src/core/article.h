// The in-memory article that flows through the per-article pipeline.
//
// Stages fill it in order (ingest -> clean -> text -> syntax -> entities ->
// time -> quotes -> events) and later stages read what earlier ones wrote
// through these plain structs, never by re-parsing strings. All offsets
// here are BYTE offsets into Article::text; the store converts them to the
// contract's code point offsets when it writes JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

struct ByteSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
  bool operator==(const ByteSpan&) const = default;
};

// One token. begin/end index Article::text. The linguistic fields are empty
// until the syntax stage has run; label views point into storage owned by
// the loaded model and stay valid for the life of the process.
struct Token {
  Token() = default;
  // The tokenizer's: emplace_back(begin, end, space_after) builds a token
  // in place. Without a constructor, emplace_back() zero-fills the whole
  // (large) Token first, push_back moves a built one (lemma included), and
  // C++20's parenthesised aggregate initialisation measured as slow.
  Token(std::uint32_t b, std::uint32_t e, bool space = true) : begin(b), end(e), space_after(space) {}
  // Every field in order, as the aggregate's braces took them (tests and
  // tools build tokens with the syntax fields filled in).
  Token(std::uint32_t b, std::uint32_t e, bool space, std::string lem, std::string_view up = {},
        std::string_view xp = {}, std::int32_t h = -1, std::string_view dep = {})
      : begin(b), end(e), head(h), space_after(space), lemma(std::move(lem)), upos(up), xpos(xp), deprel(dep) {}
  // The small fields first, together: 96 bytes where the declaration
  // order of the constructor's parameters left two holes (104).
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::int32_t head = -1;   // index of the head token within its sentence; -1 for the root
  bool space_after = true;  // false when the next token follows directly
  std::string lemma;
  std::string_view upos;    // Universal POS tag, e.g. "PROPN"
  std::string_view xpos;    // Penn Treebank tag, e.g. "NNP"
  std::string_view deprel;  // Universal Dependencies relation, e.g. "nsubj"
};

// A sentence: its byte span and its tokens [first_token, end_token).
struct Sentence {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
  std::uint32_t token_count() const { return end_token - first_token; }
};

// A line or block dropped from the body, with the reason.
struct Removed {
  std::string text;
  std::string why;
};

// A named-entity mention (filled by the entities stage).
struct Mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string type;    // PERSON, ORG, LOC, MISC
  std::string entity;  // id in entities.jsonl, set by the cross-article merge
  // What the text says about this mention, filled from lexicons: a title
  // or role stated with it, lower case ("deputy foreign minister"); the
  // ISO 3166-1 alpha-3 country it belongs to; its CAMEO actor code. Empty
  // when unknown.
  std::string role;
  std::string country;
  std::string actor_code;
  // A place named as an actor ("Moscow said"): the mention stays a LOC and
  // its entity stays the place; this flag records the metonymy.
  bool as_actor = false;
  // Index into Article::local_entities after the within-article merge, -1 before.
  std::int32_t local = -1;
  // A role standing for a person named earlier ("the secretary-general"),
  // not a name: the entities stage links it to that person.
  bool nominal = false;
  // The country (and the actor code's) is not said near the name but is
  // that of the article's own country (gazetteer/describe.cpp,
  // HomeCountry): weaker evidence than a country said with the name.
  bool country_from_article = false;
};

// One real thing as one article names it: the mentions that the
// within-article merge put together. The cross-article merge joins these.
struct LocalEntity {
  std::string type;  // PERSON, ORG, LOC, MISC
  std::string name;  // the fullest form the article uses
  std::vector<std::string> aliases;  // every surface form, in first-seen order
  std::vector<std::string> roles;    // lower case, first-seen order
  std::string country;               // alpha-3 or empty
  std::string actor_code;            // CAMEO or empty
  // Country and actor code only from mentions whose country is the
  // article's own (Mention::country_from_article).
  bool country_from_article = false;
  std::uint32_t mention_count = 0;
  // 'm', 'f' or 0 (unknown): a person's grammatical gender, from a form of
  // address, a gendered title or role, a first name the name lists give
  // one sex, or "his"/"her" in a sentence about that person alone. Set by
  // the quotes stage (which reads it for "he said"); later stages read it
  // to resolve "he", "she", "him" and "her". Not written to the output.
  char gender = 0;
};

// A time expression (filled by the time stage). value is the resolved ISO
// date at its granularity, or nullopt when it cannot be resolved.
struct TimeExpr {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string type;  // DATE, TIME, DURATION, SET (TimeML)
  std::optional<std::string> value;
};

// Something the article says that contradicts itself, e.g. a weekday that
// does not match the date next to it.
struct Inconsistency {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string kind;
  std::string detail;
};

// A quotation or a piece of reported speech (filled by the quotes stage).
// Spans are byte spans into Article::text.
struct Quote {
  // The quoted words only, without the marks: one part, or several for a
  // quote split by its cue ("A," she said, "B.") or running over
  // paragraphs. For reported speech, the reported clause.
  std::vector<ByteSpan> parts;
  // Everything the source is credited with: for a mixed quote, the whole
  // reported clause around the quoted fragment; otherwise the parts' extent.
  ByteSpan content;
  std::string kind;  // "direct", "mixed" or "indirect"
  ByteSpan cue;      // the attributing verb or phrase; empty when none
  std::string cue_text;  // e.g. "said", "told reporters", "according to"
  // Who said it. speaker_span is the words naming the source where the
  // text names it at the cue (possibly a pronoun), empty otherwise.
  ByteSpan speaker_span;
  std::int32_t speaker_local = -1;  // index into Article::local_entities, -1 when none
  std::string speaker_name;         // canonical name when a named entity
  std::string speaker_description;  // an unnamed source as written ("one European diplomat")
  // How the speaker was found: "cue" (subject or agent of the cue),
  // "pronoun" (a pronoun resolved to an earlier name), "previous" (a
  // quote with no cue of its own, credited to the previous quote's
  // speaker), or "" when unknown.
  std::string speaker_from;
};

// One side of a coded event: who acted or was acted upon.
struct EventActor {
  std::int32_t mention = -1;   // index into Article::mentions, -1 for a common-noun actor ("police")
  std::string text;            // the words that name it in the sentence
  std::string actor_code;      // CAMEO actor code, empty when unknown
  bool known = false;          // a common noun the actor lexicon knows, or one a mention modifies
};

// A political event coded in CAMEO within one sentence (events stage).
struct Event {
  std::uint32_t sentence = 0;          // index into Article::sentences
  std::uint32_t begin = 0, end = 0;    // the trigger word (verb or event noun)
  std::string cameo;                   // full code, e.g. "0431"
  EventActor source;
  std::optional<EventActor> target;
  std::int32_t location = -1;          // index into Article::mentions (a LOC), -1 for none
  std::optional<std::string> date;     // ISO date, or nullopt
  std::string date_from;               // "text" (a time expression in the sentence), "published", or empty
  bool negated = false;                // "did not meet"
  bool attributed = false;             // stated under a speech verb ("X said Y attacked Z"), not by the reporter
};

// Word counts behind the article's tone (tone stage), GDELT-style: the
// share of rated positive and negative words among all words.
struct ToneCounts {
  std::uint32_t words = 0;     // tokens with a letter or digit
  std::uint32_t positive = 0;  // words the tone lexicon rates above zero
  std::uint32_t negative = 0;  // words it rates below zero

  // GDELT's figures, in percent of words (0 when there are none):
  // tone = positive - negative, polarity = positive + negative.
  double PositivePercent() const { return words ? 100.0 * positive / words : 0.0; }
  double NegativePercent() const { return words ? 100.0 * negative / words : 0.0; }
  double Tone() const { return PositivePercent() - NegativePercent(); }
  double Polarity() const { return PositivePercent() + NegativePercent(); }
};

enum class ArticleStatus { kOk, kSkipped };

struct Article {
  // Provenance.
  std::string id;
  std::string source;  // path, "path:LINE" for JSON Lines, "-:LINE" for stdin
  ArticleStatus status = ArticleStatus::kOk;
  std::string reason;  // why it was skipped
  std::uint64_t input_bytes = 0;
  std::string input_format;  // "text", "markdown" or "json"

  // Metadata. Each optional is null when not known.
  std::optional<std::string> outlet;
  std::optional<std::string> published;  // ISO date
  std::string published_from;            // "metadata", "dateline", or empty
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::optional<std::string> author;
  std::string language = "und";
  std::optional<std::string> translated_from;  // language named in a translation note

  // The cleaned body (UTF-8, NFC) and what was removed from it.
  std::string text;
  std::vector<Removed> removed;
  // Notes about the input that a user should know (repaired encoding, ...).
  std::vector<std::string> warnings;

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<LocalEntity> local_entities;
  std::vector<TimeExpr> times;
  std::vector<Inconsistency> inconsistencies;
  std::vector<Quote> quotes;
  std::vector<Event> events;
  std::optional<ToneCounts> tone;  // nullopt until the tone stage has run

  bool ok() const { return status == ArticleStatus::kOk; }
  // True when the article is in English or its language is not known: the
  // trained models and lexicons read English only, and on other languages
  // they find sentences as names and quotes (the entities, quotes and
  // events stages leave such an article alone, with a warning). Another
  // language is believed only for a text of kLanguageTrustBytes or more:
  // on one sentence the function-word count can name the wrong language
  // (an English sentence with "a" and "to" read as Czech).
  static constexpr std::size_t kLanguageTrustBytes = 400;
  bool ReadsAsEnglish() const {
    std::string_view primary = std::string_view(language).substr(0, language.find('-'));
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    return primary.empty() || (primary.size() == 2 && lower(primary[0]) == 'e' && lower(primary[1]) == 'n') ||
           primary == "und" || text.size() < kLanguageTrustBytes;
  }
  std::string_view Text(ByteSpan s) const { return std::string_view(text).substr(s.begin, s.size()); }
  std::string_view TokenText(const Token& t) const {
    return std::string_view(text).substr(t.begin, t.end - t.begin);
  }
  void Skip(std::string why) {
    status = ArticleStatus::kSkipped;
    reason = std::move(why);
  }
};

}  // namespace sitrep
