// Finding quotations and their speakers in one parsed article.
//
// The order of work: quotation marks first (they are unambiguous evidence
// of quoted words), then each marked quote's cue through the parse, then
// reported speech without marks (a cue verb with a clausal complement, or
// "according to X"), and last the speakers of quotes that have no cue of
// their own, which take the previous quote's speaker.
#include <algorithm>
#include <cctype>
#include <string>
#include <tuple>
#include <unordered_map>

#include "core/clauses.h"
#include "quotes/cues.h"
#include "quotes/parse_view.h"
#include "quotes/quotes.h"

namespace sitrep::quotes {
namespace {

using internal::Doc;
using internal::kNone;
using internal::Lower;
using internal::StartsWith;

// A cue found in the text: tokens [first, last] inclusive.
struct CueHit {
  std::int32_t first = kNone;
  std::int32_t last = kNone;
  CueType type = CueType::kSpeech;
  bool phrase = false;  // "according to": the source is the phrase's object
  std::uint16_t content = kClause | kTo;  // CueContent bits, for verbs
  bool by_context = false;  // a verb the tagger missed (VerbByContext)
  bool colon = false;       // "NAME: words" (ColonCue); first == last == the colon
  bool nominal = false;     // "the claim that", "calls for" (NominalCue)
};

// A marked quote with what the analysis learns about it.
struct Candidate {
  MarkedQuote marks;
  std::int32_t first = kNone;  // first token inside the marks
  std::int32_t last = kNone;   // last token inside the marks
  std::int32_t open_first = kNone;  // the first token of the opening mark
  std::int32_t close_tok = kNone;   // the last token of the closing mark, if separate
  int words = 0;
  std::int32_t cue = kNone;  // index into cues
  bool merged_away = false;  // joined to the previous candidate (split quote)
};

class Finder {
 public:
  Finder(Article& a, const CueLexicon& lex, const QuoteOptions& opt)
      : a_(a),
        doc_(a,
             [&lex](std::string_view lemma) {
               const auto* cues = lex.Verb(lemma);
               if (!cues) return false;
               for (const auto& c : *cues) {
                 if (c.type == CueType::kSpeech && c.rest.empty()) return true;
               }
               return false;
             }),
        lex_(lex),
        opt_(opt) {}

  void Run() {
    FindCues();
    MarkQuotes();
    for (std::size_t q = 0; q < cands_.size(); ++q) {
      cands_[q].cue = CueForQuote(cands_[q]);
      // A verb of saying before the quote that the parser made govern it
      // reports nothing of its own when the quote's cue follows it ("as X
      // denies, “...?” asked Y"): the quote is not its content.
      if (cands_[q].cue != kNone && cands_[q].cue == CueRightAfter(cands_[q])) {
        for (std::size_t k = 0; k < cues_.size(); ++k) {
          const CueHit& h = cues_[k];
          if (static_cast<std::int32_t>(k) == cands_[q].cue || h.first >= cands_[q].first ||
              doc_.sent(h.first) != doc_.sent(cands_[q].first))
            continue;
          bool governs = false;
          for (std::int32_t t = cands_[q].first; t <= cands_[q].last && !governs; ++t) governs = doc_.Dominates(h.first, t, 6);
          if (governs) used_cue_.push_back(static_cast<std::int32_t>(k));
        }
      }
    }
    JoinSplitQuotes();
    std::vector<Pending> found;
    for (Candidate& c : cands_) {
      if (c.merged_away) continue;
      Pending p;
      if (MakeMarkedQuote(c, &p)) found.push_back(std::move(p));
    }
    for (std::size_t k = 0; k < cues_.size(); ++k) {
      Pending p;
      if (MakeReportedSpeech(k, found, &p)) found.push_back(std::move(p));
    }
    std::sort(found.begin(), found.end(),
              [](const Pending& x, const Pending& y) { return x.q.content.begin < y.q.content.begin; });
    // Speakers in text order, so "he said" and quotes without a cue can
    // lean on the quotes before them.
    std::vector<Quote> out;
    for (Pending& p : found) {
      if (p.cue != kNone) {
        SetSpeaker(cues_[static_cast<std::size_t>(p.cue)], &p.q, out.empty() ? nullptr : &out.back());
      } else if (p.q.speaker_from != "cue") {  // a name before a colon has spoken already
        SpeakerWithoutCue(&p.q, out.empty() ? nullptr : &out.back());
      }
      out.push_back(std::move(p.q));
    }
    a_.quotes = std::move(out);
    for (std::size_t e = 0; e < a_.local_entities.size(); ++e) {
      if (IsPersonLocal(static_cast<std::int32_t>(e))) a_.local_entities[e].gender = EntityGender(static_cast<std::int32_t>(e));
    }
  }

 private:
  struct Pending {
    Quote q;
    std::int32_t cue = kNone;
  };

  // ---- cues ----
  void FindCues() {
    const std::int32_t n = static_cast<std::int32_t>(doc_.size());
    lower_.resize(static_cast<std::size_t>(n));
    for (std::int32_t t = 0; t < n; ++t) lower_[static_cast<std::size_t>(t)] = Lower(doc_.text(t));
    in_time_.assign(static_cast<std::size_t>(n), 0);
    for (const TimeExpr& x : a_.times) {
      for (std::int32_t t = doc_.TokenAt(x.begin); t >= 0 && t < n && doc_.tok(t).begin < x.end; ++t) {
        in_time_[static_cast<std::size_t>(t)] = 1;
      }
    }
    for (std::int32_t t = 0; t < n; ++t) {
      const Token& tok = doc_.tok(t);
      bool matched = false;
      for (const auto& ph : lex_.phrases()) {
        if (Matches(t, ph.words)) {
          cues_.push_back({t, t + static_cast<std::int32_t>(ph.words.size()) - 1, ph.type, true, 0});
          matched = true;
          break;
        }
      }
      // A verb used as a modifier ("so-called", "the quoted figure") is
      // not a cue.
      if (matched) continue;
      if (ColonCue(t)) {
        CueHit hit{t, t, CueType::kSpeech, false, 0};
        hit.colon = true;
        cues_.push_back(hit);
        continue;
      }
      const bool verb = tok.upos == "VERB" && tok.deprel != "amod" && tok.deprel != "compound";
      if (OtherNounRead(t)) continue;
      if (ObjectOfVerbBefore(t)) continue;
      if (AttributiveParticiple(t)) continue;
      if (AsideParticiple(t)) continue;
      if (!verb && !VerbByContext(t)) {
        NominalCue(t);
        continue;
      }
      const auto* verbs = lex_.Verb(Lower(tok.lemma));
      if (!verbs) continue;
      for (const auto& v : *verbs) {
        // "called off the protest", "told them off", "was sworn in",
        // "called in the army": these particles make another verb, not
        // the cue's ("spoke out", "called out", "wrote down" stay speech).
        if (v.rest.empty() && HasSenseParticle(t)) continue;
        // "spoke highly of", "talked more about", "called again for": an
        // adverb or two may stand between the verb and its particle.
        std::int32_t skip = 0;
        if (!v.rest.empty() && !Matches(t + 1, v.rest)) {
          skip = kNone;
          for (std::int32_t k = 1; k <= 2 && t + k < n && doc_.tok(t + k).upos == "ADV" && doc_.sent(t + k) == doc_.sent(t); ++k) {
            if (Matches(t + k + 1, v.rest)) {
              skip = k;
              break;
            }
          }
          if (skip == kNone) continue;
        }
        // "went down early on Sunday": past adverbs, a preposition of the
        // noun after it is no particle of the cue, unless the cue reports
        // the words after it ("spoke highly of").
        if (skip > 0 && !(v.content & kAfter) &&
            doc_.deprel(t + skip + static_cast<std::int32_t>(v.rest.size())) == "case")
          continue;
        CueHit hit{t, t + skip + static_cast<std::int32_t>(v.rest.size()), v.type, false, v.content};
        hit.by_context = !verb;
        cues_.push_back(hit);
        break;
      }
    }
    cue_of_.assign(static_cast<std::size_t>(n), kNone);
    for (std::size_t k = 0; k < cues_.size(); ++k) cue_of_[static_cast<std::size_t>(cues_[k].first)] = static_cast<std::int32_t>(k);
  }

  // "X, asked whether he would meet Y, said: ...": the question put to X
  // is no quote of X's (core/clauses.h).
  bool AsideParticiple(std::int32_t t) const {
    return IsAsideQuestionParticiple(a_, a_.sentences[static_cast<std::size_t>(doc_.sent(t))], static_cast<std::uint32_t>(t));
  }

  bool HasSenseParticle(std::int32_t t) const {
    const std::int32_t n = static_cast<std::int32_t>(doc_.size());
    for (std::int32_t k = t + 1; k < n && k <= t + 3 && doc_.sent(k) == doc_.sent(t); ++k) {
      if (doc_.head(k) != t || doc_.deprel(k) != "compound:prt") continue;
      const std::string_view w = lower_[static_cast<std::size_t>(k)];
      if (w == "off" || w == "in") return true;
    }
    return false;
  }

  // "475 pledged delegates", "the promised tax cut", "her stated aim": a
  // participle between a number, article or possessive and the noun it
  // modifies is an adjective, whatever the tagger said.
  bool AttributiveParticiple(std::int32_t t) const {
    const std::int32_t n = static_cast<std::int32_t>(doc_.size());
    if (t == 0 || t + 1 >= n || doc_.sent(t - 1) != doc_.sent(t) || doc_.sent(t + 1) != doc_.sent(t)) return false;
    std::string_view w = lower_[static_cast<std::size_t>(t)];
    if (w.size() < 3 || w.substr(w.size() - 2) != "ed") return false;
    std::string_view before = lower_[static_cast<std::size_t>(t - 1)];
    bool opens_np = doc_.tok(t - 1).xpos == "CD" || before == "the" || before == "a" || before == "an" ||
                    before == "his" || before == "her" || before == "their" || before == "its" || before == "our";
    std::string_view next = doc_.tok(t + 1).upos;
    return opens_np && (next == "NOUN" || (next == "ADJ" && t + 2 < n && doc_.tok(t + 2).upos == "NOUN"));
  }

  // "JOHN SMITH: We will ...", "Q: Why ...", "Senator: The deal is dead":
  // a paragraph that opens with a short name or noun phrase and a colon
  // credits the words after it to that source (transcripts, headlines).
  // The phrase must name someone: a person or organisation the
  // recogniser found, or a label in capitals as transcripts write them.
  bool ColonCue(std::int32_t t) const {
    if (doc_.text(t) != ":" || t == 0) return false;
    const std::int32_t n = static_cast<std::int32_t>(doc_.size());
    std::int32_t first = t;
    while (first > 0 && doc_.para(first - 1) == doc_.para(t) && t - first < 6) --first;
    if (first > 0 && doc_.para(first - 1) == doc_.para(t)) return false;  // not at the paragraph's start
    if (t - first > 5) return false;
    bool named = false, capitals = true;
    for (std::int32_t k = first; k < t; ++k) {
      bool upper = true;
      for (char c : doc_.text(k)) upper = upper && !std::islower(static_cast<unsigned char>(c));
      capitals = capitals && upper;
      // Taggers guess wildly at words in capitals; other words must be
      // those of a name or noun phrase.
      std::string_view up = doc_.tok(k).upos;
      if (!upper && !(up == "PROPN" || up == "NOUN" || up == "ADJ" || up == "DET" || up == "PART" || doc_.punct(k))) {
        return false;
      }
      std::int32_t m = doc_.mention(k);
      if (m != kNone) {
        std::string_view type = a_.mentions[static_cast<std::size_t>(m)].type;
        named = named || type == "PERSON" || type == "ORG";
      }
    }
    // A label in capitals names a speaker only when it takes turns, as in
    // a transcript; one alone is a heading ("UPDATE:", "CORRECTION:").
    // A name the recogniser missed ("Okafor:") counts when its words are
    // capitalised proper nouns and it takes turns, or opens the article
    // as a headline does ("Smith: Talks Are Over").
    if (!named) {
      const int turns = LabelTurns(a_.Text({doc_.tok(first).begin, doc_.tok(t - 1).end}));
      bool proper = true;
      for (std::int32_t k = first; k < t; ++k) {
        std::string_view w = doc_.text(k);
        std::string_view up = doc_.tok(k).upos;
        proper = proper && !w.empty() && std::isupper(static_cast<unsigned char>(w[0])) &&
                 (up == "PROPN" || (up == "NOUN" && turns >= 2));
      }
      const bool headline = doc_.para(first) == doc_.para(0);
      if (!(capitals && turns >= 2) && !(proper && (turns >= 2 || headline)) &&
          !(headline && HeadlineSource(first, t))) {
        return false;
      }
    }
    int words = 0;
    for (std::int32_t k = t + 1; k < n && doc_.para(k) == doc_.para(t) && words < 2; ++k) words += doc_.punct(k) ? 0 : 1;
    return words >= 2;
  }

  // A headline's label before its colon that names who speaks or reports
  // ("Insiders: ...", "Poll: ...", "Rival camp: ..."), though the tagger
  // took its title-case words for common nouns or verbs: at most three
  // words, the first capitalised and not a determiner nor a heading word
  // ("Breaking:", "Update:"), later words capitalised or lower-case
  // nouns and adjectives, no word in capitals longer than an acronym.
  bool HeadlineSource(std::int32_t first, std::int32_t colon) const {
    int words = 0;
    for (std::int32_t k = first; k < colon; ++k) {
      std::string_view w = doc_.text(k);
      if (doc_.punct(k)) return false;
      if (IsPossessive(w)) continue;
      ++words;
      std::size_t letters = 0, upper = 0;
      for (char c : w) {
        letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
        upper += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
        if (std::isdigit(static_cast<unsigned char>(c))) return false;
      }
      if (letters == 0 || (upper == letters && letters > 3)) return false;
      const bool cap = std::isupper(static_cast<unsigned char>(w[0]));
      std::string_view up = doc_.tok(k).upos;
      if (k == first) {
        if (!cap || up == "DET" || up == "PRON" || lex_.HeadingLabel(lower_[static_cast<std::size_t>(k)])) return false;
      } else if (!cap && up != "NOUN" && up != "ADJ") {
        return false;
      }
    }
    return words >= 1 && words <= 3;
  }

  // How many paragraphs open with `label` and a colon.
  int LabelTurns(std::string_view label) const {
    if (!labels_counted_) {
      labels_counted_ = true;
      const std::string& text = a_.text;
      for (std::size_t i = 0; i < text.size();) {
        std::size_t eol = text.find('\n', i);
        if (eol == std::string::npos) eol = text.size();
        std::size_t colon = text.find(':', i);
        if (colon < eol && colon - i <= 60) ++label_turns_[text.substr(i, colon - i)];
        i = eol + 1;
      }
    }
    auto it = label_turns_.find(std::string(label));
    return it == label_turns_.end() ? 0 : it->second;
  }

  // The noun of a verb of saying with what was said after it: "his claim
  // that X", "the promise to X", "calls for X" (the lexicon's entries with
  // a preposition). Adds the cue when t is one.
  void NominalCue(std::int32_t t) {
    if (doc_.tok(t).upos != "NOUN" || t + 2 >= static_cast<std::int32_t>(doc_.size())) return;
    std::string lemma = Lower(doc_.tok(t).lemma);
    if (lex_.OtherNoun(lemma)) return;
    const auto* verbs = lex_.Verb(lemma);
    if (!verbs || verbs->empty() || verbs->front().type != CueType::kSpeech) return;
    for (const auto& v : *verbs) {
      if (v.rest.empty() || !Matches(t + 1, v.rest) || !(v.content & kAfter)) continue;
      CueHit hit{t, t + static_cast<std::int32_t>(v.rest.size()), v.type, false, kAfter};
      hit.nominal = true;
      cues_.push_back(hit);
      return;
    }
    std::string_view next = lower_[static_cast<std::size_t>(t + 1)];
    std::string_view after = doc_.tok(t + 2).upos;
    // "the claim that was made" is a relative clause, not the claim.
    bool that_clause = next == "that" && after != "VERB" && after != "AUX" && after != "ADV";
    bool to_clause = next == "to" && doc_.tok(t + 2).xpos == "VB" && (verbs->front().content & kTo);
    if (!that_clause && !to_clause) return;
    CueHit hit{t, t, CueType::kSpeech, false, static_cast<std::uint8_t>(that_clause ? kClause : kTo)};
    hit.nominal = true;
    cues_.push_back(hit);
  }

  // A present-tense verb of saying the tagger took for a noun or an
  // interjection ("the Germans announce they ...", "one in five say they
  // ...", "strategists concede that ..."): a subject right before it and
  // "that" or a subject pronoun right after.
  bool VerbByContext(std::int32_t t) const {
    if (t == 0 || t + 1 >= static_cast<std::int32_t>(doc_.size()) || doc_.sent(t - 1) != doc_.sent(t) ||
        doc_.sent(t + 1) != doc_.sent(t)) {
      return false;
    }
    std::string_view up = doc_.tok(t).upos;
    if (up != "NOUN" && up != "INTJ" && up != "X" && up != "ADJ" && up != "SCONJ" && up != "CCONJ") return false;
    std::string_view prev_pos = doc_.tok(t - 1).upos;
    std::string_view prev = lower_[static_cast<std::size_t>(t - 1)];
    bool subject = prev_pos == "PROPN" || prev_pos == "NOUN" || prev_pos == "NUM" || IsSubjectPronoun(prev);
    std::string_view next = lower_[static_cast<std::size_t>(t + 1)];
    if (subject && (next == "that" || IsSubjectPronoun(next))) return true;
    // The plural present ("say", not "claims" or "reports", which are
    // nouns as often) after the subjects polls give: "those surveyed
    // say", "47% say", "Two-thirds, 67 percent, say"; then a subject of
    // its own and its verb ("say the company will ...").
    if (lower_[static_cast<std::size_t>(t)] != Lower(doc_.tok(t).lemma)) return false;
    bool after_comma = prev == "," && t >= 2 && (doc_.tok(t - 2).upos == "NOUN" || doc_.tok(t - 2).upos == "NUM" ||
                                                 doc_.tok(t - 2).upos == "PROPN" || doc_.tok(t - 2).upos == "SYM");
    subject = subject || after_comma || prev_pos == "SYM" ||
              (doc_.tok(t - 1).xpos == "VBN" && t >= 2 && doc_.tok(t - 2).upos == "DET");
    if (subject && IsSubjectPronoun(next)) return true;
    if (!subject || (doc_.tok(t + 1).upos != "DET" && doc_.tok(t + 1).upos != "PROPN")) return false;
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(t)].end_token);
    for (std::int32_t k = t + 2; k < end && k <= t + 6; ++k) {
      std::string_view x = doc_.tok(k).xpos;
      if (x == "MD" || x == "VBZ" || x == "VBP" || x == "VBD") return true;
      std::string_view u = doc_.tok(k).upos;
      if (!(u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "DET")) return false;
    }
    return false;
  }

  // A verb whose noun of the same spelling means something else
  // ("state") is that noun after an article, number, adjective or
  // preposition ("the two states that ...", "in swing states to ...") or
  // when a verb follows its "that" at once ("states that held
  // primaries"), however the tagger read it.
  bool OtherNounRead(std::int32_t t) const {
    if (t == 0 || doc_.sent(t - 1) != doc_.sent(t) || !lex_.OtherNoun(Lower(doc_.tok(t).lemma))) return false;
    // "by pointing out ...": a gerund is the verb.
    if (doc_.tok(t).xpos == "VBG") return false;
    std::string_view up = doc_.tok(t - 1).upos;
    if (up == "DET" || up == "NUM" || up == "ADJ" || up == "ADP") return true;
    const std::int32_t n = static_cast<std::int32_t>(doc_.size());
    if (t + 2 < n && lower_[static_cast<std::size_t>(t + 1)] == "that") {
      std::string_view after = doc_.tok(t + 2).upos;
      return after == "VERB" || after == "AUX" || after == "ADV";
    }
    return false;
  }

  // "she faces charges her allies call invented": a finite verb right
  // before the cue's form that the parse made the cue's subject. No
  // reading of English has a finite verb as a nominal subject (a clause
  // that is a subject is "csubj"), so the tagger took the verb's object
  // noun for a verb. A relative clause before a real cue ("the woman he
  // loves says ...") is no such verb, even where the parse hung it so: its
  // subject follows a noun, the clause's antecedent.
  bool ObjectOfVerbBefore(std::int32_t t) const {
    if (t == 0 || doc_.sent(t - 1) != doc_.sent(t)) return false;
    const Token& before = doc_.tok(t - 1);
    if (doc_.head(t - 1) != t || doc_.deprel(t - 1) != "nsubj" || before.upos != "VERB") return false;
    if (before.xpos != "VBZ" && before.xpos != "VBD" && before.xpos != "VBP") return false;
    const std::int32_t subj = doc_.Child(t - 1, "nsubj");
    if (subj != kNone && subj > 0 && doc_.sent(subj - 1) == doc_.sent(t)) {
      const std::string_view u = doc_.tok(subj - 1).upos;
      if (u == "NOUN" || u == "PROPN") return false;
    }
    return true;
  }

  static bool IsSubjectPronoun(std::string_view w) {
    return w == "i" || w == "we" || w == "you" || w == "he" || w == "she" || w == "they" || w == "it";
  }

  bool Matches(std::int32_t t, const std::vector<std::string>& words) const {
    if (t + static_cast<std::int32_t>(words.size()) > static_cast<std::int32_t>(doc_.size())) return false;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::int32_t k = t + static_cast<std::int32_t>(i);
      if (lower_[static_cast<std::size_t>(k)] != words[i]) return false;
      if (i > 0 && doc_.sent(k) != doc_.sent(t)) return false;
    }
    return true;
  }

  bool Wanted(const CueHit& c) const { return c.type == CueType::kSpeech || opt_.include_thoughts; }

  // True if the cue is denied: "did not say", "never said", "refused to
  // say", "neither was willing to say", "nobody said".
  bool Negated(std::int32_t verb) const {
    auto denies = [&](std::int32_t v) {
      bool neg = false;
      doc_.EachChild(v, [&](std::int32_t c) {
        std::string_view l = lower_[static_cast<std::size_t>(c)];
        std::string_view r = doc_.deprel(c);
        if ((r == "advmod" || StartsWith(r, "nsubj") || r == "det") &&
            (l == "not" || l == "n't" || l == "never" || l == "neither" || l == "nobody" || l == "none")) {
          neg = true;
        }
      });
      return neg;
    };
    if (denies(verb)) return true;
    std::int32_t v = verb;
    for (int k = 0; k < 2 && doc_.deprel(v) == "xcomp"; ++k) {
      v = doc_.head(v);
      if (v == kNone) break;
      std::string_view lemma = doc_.tok(v).lemma;
      if (denies(v) || lemma == "refuse" || lemma == "decline") return true;
    }
    return false;
  }

  // True if t, before the cue, lies in the cue's subject or in an
  // adverbial set before it ("Harking back to the “Great Game”, he
  // says ..."): words about the speaker or the occasion, not words the
  // cue reports.
  bool InCueFrame(const CueHit& h, std::int32_t t) const {
    if (t > h.first) return false;
    for (int k = 0; k < 8 && t != kNone; ++k) {
      std::int32_t hd = doc_.head(t);
      if (hd == h.first) {
        std::string_view r = doc_.deprel(t);
        return StartsWith(r, "nsubj") || r == "advcl" || StartsWith(r, "obl");
      }
      t = hd;
    }
    return false;
  }

  // A clause, not a stray noun: a verb, or a word with a subject or copula.
  bool ClauseLike(std::int32_t t) const {
    std::string_view up = doc_.tok(t).upos;
    if (up == "VERB" || up == "AUX") return true;
    return doc_.Child(t, "nsubj") != kNone || doc_.Child(t, "cop") != kNone;
  }

  // ---- quotation marks ----
  void MarkQuotes() {
    const std::int32_t n = static_cast<std::int32_t>(doc_.size());
    in_quote_.assign(static_cast<std::size_t>(n), kNone);
    for (MarkedQuote& m : ScanQuoteMarks(a_.text)) {
      Candidate c;
      c.marks = std::move(m);
      std::uint32_t inner_b = c.marks.parts.front().begin, inner_e = c.marks.parts.back().end;
      std::int32_t t = doc_.TokenAt(c.marks.open);
      c.open_first = t;
      for (; t < n && doc_.tok(t).begin < c.marks.close_end; ++t) {
        const Token& tok = doc_.tok(t);
        in_quote_[static_cast<std::size_t>(t)] = static_cast<std::int32_t>(cands_.size());
        if (tok.begin >= inner_b && tok.end <= inner_e) {
          if (c.first == kNone) c.first = t;
          c.last = t;
          if (!doc_.punct(t)) ++c.words;
        } else if (tok.begin >= inner_e) {
          c.close_tok = t;
        }
      }
      if (c.first == kNone) continue;  // empty quotes: nothing said
      cands_.push_back(std::move(c));
    }
  }

  bool InQuote(std::int32_t t) const { return in_quote_[static_cast<std::size_t>(t)] != kNone; }

  // The cue that attributes candidate c, or kNone.
  // “...?” asked X, “...,” X said: a quote that ends in a comma, a
  // question or an exclamation mark inside its marks, with a verb of
  // saying right after them and its subject on either side of it, is
  // that verb's, whatever the parser hung the quote on (a verb of saying
  // before it in the sentence: "as X denies, “...?” asked Y"). kNone if
  // the quote is not so followed.
  std::int32_t CueRightAfter(const Candidate& c) const {
    const std::int32_t inner_end = c.last;
    if (inner_end < c.first || !(doc_.text(inner_end) == "," || doc_.text(inner_end) == "?" || doc_.text(inner_end) == "!"))
      return kNone;
    const std::uint32_t s_last = doc_.sent(c.last);
    // Only a quote that opens on its own (at the sentence's start or after
    // punctuation), not words quoted inside a phrase ("Bemoaning the
    // “phony system,” X accused Y": the comma is the sentence's).
    const std::int32_t open = std::min(c.open_first, c.first);
    if (open > 0 && doc_.sent(open - 1) == doc_.sent(open) && !doc_.punct(open - 1)) return kNone;
    const std::int32_t after = (c.close_tok != kNone ? c.close_tok : c.last) + 1;
    const std::int32_t n = static_cast<std::int32_t>(doc_.size());
    auto nominal = [&](std::int32_t t) {
      if (t < 0 || t >= n) return false;
      const std::string_view u = doc_.tok(t).upos;
      return u == "PROPN" || u == "PRON" || u == "NOUN" || u == "DET";
    };
    for (std::int32_t t = after; t < n && t <= after + 1 && doc_.sent(t) == s_last; ++t) {
      const std::int32_t k = cue_of_[static_cast<std::size_t>(t)];
      if (k == kNone) continue;
      const CueHit& h = cues_[static_cast<std::size_t>(k)];
      const std::string_view x = doc_.tok(t).xpos;
      if (!Wanted(h) || h.phrase || h.colon || h.nominal || doc_.tok(t).upos != "VERB" ||
          (x != "VBD" && x != "VBZ" && x != "VBP"))
        continue;
      const bool inverted = t == after && nominal(h.last + 1);
      const bool subject_first = t == after + 1 && (doc_.tok(after).upos == "PROPN" || doc_.tok(after).upos == "PRON");
      if (inverted || subject_first) return k;
    }
    return kNone;
  }

  // True if verb cue h is an infinitive ("willing to discuss") or under a
  // modal ("would respond"): an act intended or foreseen, not done.
  bool Unrealised(const CueHit& h) const {
    if (h.phrase || h.colon || h.nominal || doc_.tok(h.first).upos != "VERB") return false;
    bool unrealised = false;
    doc_.EachChild(h.first, [&](std::int32_t c) {
      const std::string_view r = doc_.deprel(c);
      const std::string_view w = lower_[static_cast<std::size_t>(c)];
      if (r == "mark" && w == "to") unrealised = true;
      if (r == "aux" && (w == "would" || w == "will" || w == "could" || w == "might" || w == "may" ||
                         w == "should" || w == "can" || w == "shall" || w == "'ll" || w == "wo"))
        unrealised = true;
    });
    return unrealised;
  }

  std::int32_t CueForQuote(const Candidate& c) const {
    std::uint32_t s_first = doc_.sent(c.first), s_last = doc_.sent(c.last);
    // "..., to which the senator interjected: “...”": a cue that ends right
    // at the colon introducing the quote is its cue, however the parser
    // attached the quote.
    if (std::int32_t colon = std::min(c.open_first, c.first) - 1; colon > 0 && doc_.text(colon) == ":") {
      for (std::size_t k = 0; k < cues_.size(); ++k) {
        const CueHit& h = cues_[k];
        if (h.last == colon - 1 && !h.colon && Wanted(h) && !InQuote(h.first) && doc_.sent(h.first) == doc_.sent(colon)) {
          return static_cast<std::int32_t>(k);
        }
      }
    }
    if (const std::int32_t k = CueRightAfter(c); k != kNone) return k;
    std::int32_t best = kNone;
    int best_score = 1 << 30;
    for (std::size_t k = 0; k < cues_.size(); ++k) {
      const CueHit& h = cues_[k];
      if (!Wanted(h) || InQuote(h.first)) continue;
      std::uint32_t s = doc_.sent(h.first);
      if (s < s_first || s > s_last) continue;
      // Linked: the cue governs the quote ("said the army would
      // “hold ...”"), or hangs from it (“A,” she said).
      bool governs = false, hangs = false;
      for (std::int32_t t = c.first; t <= c.last && !governs; ++t) {
        governs = doc_.Dominates(h.first, t, 6) && !InCueFrame(h, t);
        hangs = hangs || doc_.Dominates(t, h.first, 2);
      }
      // “...,” he said, referring to X: a participle after the quote with
      // words of its own after it reports those, not the quote.
      if (h.first > c.last && doc_.tok(h.first).xpos == "VBG" && !h.phrase && !h.colon &&
          h.last + 1 < static_cast<std::int32_t>(doc_.size()) && !doc_.punct(h.last + 1) &&
          doc_.sent(h.last + 1) == s) {
        continue;
      }
      // "He said Tessary was willing to discuss the quota “at the summit”",
      // "warned that Tessary would respond “in kind”": a verb of saying that is
      // only intended or foreseen, inside what another cue reports, speaks
      // no words; the quoted fragment is the outer cue's.
      if (governs && Unrealised(h) && std::any_of(cues_.begin(), cues_.end(), [&](const CueHit& o) {
            return &o != &h && Wanted(o) && !o.phrase && !o.colon && !InQuote(o.first) &&
                   doc_.sent(o.first) == s && doc_.Dominates(o.first, h.first, 4);
          })) {
        continue;
      }
      bool linked = governs || hangs;
      int dist = h.first < c.first ? c.first - h.last : h.first - c.last;
      if (!linked) {
        // An unlinked cue counts only for a quote that reads as a
        // statement, or for a short one that closes the clause the cue
        // opens ("said the envoy's tone was “unusually harsh”." when the
        // parse lost the clause), and only when the cue has no reported
        // clause of its own.
        if ((c.words < 4 && !ClosesCueClause(h, c)) || dist > 12) continue;
        if (doc_.Child(h.first, "ccomp") != kNone && !InQuote(doc_.Child(h.first, "ccomp"))) continue;
      }
      int score = dist + (governs ? 0 : hangs ? 20 : 100);
      if (score < best_score) {
        best_score = score;
        best = static_cast<std::int32_t>(k);
      }
    }
    if (best != kNone) return best;
    // "X said:" at the end of the sentence before a quote that opens its own.
    std::int32_t before = std::min(c.open_first, c.first) - 1;
    if (before >= 0 && doc_.sent(before) + 1 == s_first && doc_.text(before) == ":") {
      for (std::int32_t t = before; t >= 0 && doc_.sent(t) == doc_.sent(before); --t) {
        std::int32_t k = cue_of_[static_cast<std::size_t>(t)];
        if (k != kNone && Wanted(cues_[static_cast<std::size_t>(k)]) && !InQuote(t)) return k;
      }
    }
    // Within one sentence, a colon before the quote also introduces it.
    return kNone;
  }

  // A verb of saying before the quote in its sentence, with only the
  // words of one clause between them (no punctuation, no other verb) and
  // nothing but punctuation after the quote to the sentence's end.
  bool ClosesCueClause(const CueHit& h, const Candidate& c) const {
    if (h.phrase || h.colon || h.nominal || h.last >= c.first || c.first - h.last > 9) return false;
    if (doc_.tok(h.first).upos != "VERB") return false;
    for (std::int32_t t = h.last + 1; t < std::min(c.open_first, c.first); ++t) {
      // (A possessive's apostrophe is no punctuation here.)
      if ((doc_.punct(t) && doc_.tok(t).upos != "PART") || doc_.tok(t).upos == "VERB" ||
          cue_of_[static_cast<std::size_t>(t)] != kNone) {
        return false;
      }
    }
    const std::int32_t after = (c.close_tok != kNone ? c.close_tok : c.last) + 1;
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    for (std::int32_t t = after; t < static_cast<std::int32_t>(s.end_token); ++t) {
      if (!doc_.punct(t)) return false;
    }
    return true;
  }

  // "A," she said, "B." is one quote with two parts.
  void JoinSplitQuotes() {
    for (std::size_t q = 1; q < cands_.size(); ++q) {
      Candidate& prev = cands_[q - 1];
      Candidate& cur = cands_[q];
      if (prev.merged_away || cur.first == kNone) continue;
      if (doc_.sent(prev.last) != doc_.sent(cur.first)) continue;
      std::int32_t cue = prev.cue != kNone ? prev.cue : cur.cue;
      if (cue == kNone || (cur.cue != kNone && cur.cue != cue)) continue;
      // Without a cue of its own the first part must end as a split
      // quote's does, with a comma inside the marks.
      if (prev.cue == kNone && !EndsWithComma(prev.marks.parts.back())) continue;
      const CueHit& h = cues_[static_cast<std::size_t>(cue)];
      if (!(h.first > prev.last && h.last < cur.first)) continue;
      if (cur.first - prev.last > 12) continue;
      // Cand q takes over prev: parts joined, prev dropped.
      std::vector<ByteSpan> parts = prev.marks.parts;
      parts.insert(parts.end(), cur.marks.parts.begin(), cur.marks.parts.end());
      cur.marks.parts = std::move(parts);
      cur.marks.open = prev.marks.open;
      cur.first = prev.first;
      cur.open_first = prev.open_first;
      cur.words += prev.words;
      cur.cue = cue;
      prev.merged_away = true;
    }
  }

  bool EndsWithComma(ByteSpan p) const {
    while (p.end > p.begin && a_.text[p.end - 1] == ' ') --p.end;
    return p.end > p.begin && a_.text[p.end - 1] == ',';
  }

  // Trims spaces and a trailing comma from a quoted part: the comma before
  // "she said" belongs to the reporter's sentence.
  ByteSpan TrimPart(ByteSpan p) const {
    const std::string& s = a_.text;
    while (p.begin < p.end && (s[p.begin] == ' ' || s[p.begin] == '\t')) ++p.begin;
    while (p.end > p.begin && (s[p.end - 1] == ' ' || s[p.end - 1] == '\t' || s[p.end - 1] == ',')) --p.end;
    return p;
  }

  bool MakeMarkedQuote(const Candidate& c, Pending* pending) {
    Quote* q = &pending->q;
    for (const ByteSpan& p : c.marks.parts) {
      ByteSpan t = TrimPart(p);
      if (t.end > t.begin) q->parts.push_back(t);
    }
    if (q->parts.empty()) return false;
    q->content = {q->parts.front().begin, q->parts.back().end};
    std::int32_t before = std::min(c.open_first, c.first) - 1;
    bool starts_sentence = before < 0 || doc_.sent(before) != doc_.sent(c.first);
    std::string_view prev_text = starts_sentence ? std::string_view() : doc_.text(before);
    bool introduced = starts_sentence || prev_text == ":" || prev_text == "," || prev_text == "\xE2\x80\x94" ||
                      prev_text == "\xE2\x80\x93" || prev_text == "-";
    unsigned char first_char = static_cast<unsigned char>(a_.text[q->parts.front().begin]);
    bool capital = std::isupper(first_char) || first_char >= 0x80 || std::isdigit(first_char);
    if (c.cue == kNone) {
      // No cue: a statement standing alone takes the previous speaker
      // (SpeakerWithoutCue); a short phrase is a scare quote, not a quotation.
      // A whole sentence in marks ("The ceasefire stands.") is a
      // statement however short.
      char last_char = a_.text[c.marks.parts.back().end > 0 ? c.marks.parts.back().end - 1 : 0];
      bool full_stop = last_char == '.' || last_char == '?' || last_char == '!';
      if (!capital || (c.words < 5 && !(full_stop && c.words >= 2))) return false;
      if (!starts_sentence) {
        // "... the pollster Jane Doe: “Early winners gain the most.”": a
        // colon after a name introduces the name's words. The source is
        // the last person or organisation named before it in the sentence.
        if (prev_text != ":") return false;
        std::int32_t best = kNone;
        const Sentence& sn = a_.sentences[doc_.sent(before)];
        for (std::size_t m = 0; m < a_.mentions.size(); ++m) {
          const Mention& mn = a_.mentions[m];
          if (mn.begin < sn.begin || mn.end > doc_.tok(before).begin || mn.local < 0) continue;
          if (mn.type != "PERSON" && mn.type != "ORG") continue;
          if (InQuote(doc_.TokenAt(mn.begin))) continue;
          // The name ends at the colon (TokenAt gives the first token
          // starting at or after a byte).
          if (doc_.TokenAt(mn.end) == before) best = static_cast<std::int32_t>(m);
        }
        if (best == kNone) return false;
        const Mention& mn = a_.mentions[static_cast<std::size_t>(best)];
        q->kind = "direct";
        q->cue = {doc_.tok(before).begin, doc_.tok(before).end};
        q->cue_text = ":";
        SetLocal(mn.local, q);
        q->speaker_from = "cue";
        return true;
      }
      q->kind = "direct";
      return true;
    }
    const CueHit& h = cues_[static_cast<std::size_t>(c.cue)];
    q->kind = introduced && (capital || c.words >= 5) ? "direct" : "mixed";
    SetCue(h, q);
    pending->cue = c.cue;
    if (q->kind == "mixed" && h.last < c.first && doc_.sent(h.last) == doc_.sent(c.first)) {
      // The content is everything the cue credits: from just after the
      // cue to the end of the quote, or of the clause holding it when
      // that runs on ("said the army would “hold” until Friday").
      std::int32_t lo = h.last + 1, hi = c.close_tok != kNone ? c.close_tok : c.last;
      doc_.EachChild(h.first, [&](std::int32_t ch) {
        auto [clo, chi] = Content(ch);
        if (clo <= c.first && chi >= c.last && clo > h.last) hi = std::max(hi, chi);
      });
      hi = ThatContinuation(TrailingModifiers(h, hi));
      // "..., referring to X" after the quote: a participle of saying
      // set off by a comma is an act of its own.
      for (std::int32_t k = c.last + 1; k <= hi; ++k) {
        std::int32_t ck = cue_of_[static_cast<std::size_t>(k)];
        if (ck != kNone && !InQuote(k) && doc_.tok(k).xpos == "VBG" && doc_.punct(k - 1) &&
            !cues_[static_cast<std::size_t>(ck)].phrase) {
          hi = LastWordBefore(lo, k);
          break;
        }
      }
      // "Smith: Deal Is 'Dead'": a label's turn runs to the paragraph's end.
      if (h.colon) {
        for (std::int32_t t = hi + 1; t < static_cast<std::int32_t>(doc_.size()) && doc_.para(t) == doc_.para(h.last); ++t) {
          hi = t;
        }
      }
      ByteSpan span = Span(lo, hi, /*drop_mark=*/true);
      if (span.begin <= q->content.begin && span.end >= q->content.end) q->content = span;
    } else if (q->kind == "mixed" && h.first > c.last && doc_.sent(h.first) == doc_.sent(c.last) && EndsClause(h)) {
      // “...” fragment inside a clause that the cue closes ("Fundraising
      // was “stagnant” for a month, she said."): the clause before the cue.
      auto [clo, chi] = doc_.Subtree(h.first);
      const Sentence& s = a_.sentences[doc_.sent(h.first)];
      ByteSpan span = Span(static_cast<std::int32_t>(s.first_token), clo - 1, /*drop_mark=*/false);
      if (span.begin <= q->content.begin && span.end >= q->content.end) q->content = span;
      (void)chi;
    } else if (q->kind == "mixed" && h.first > c.last && doc_.sent(h.first) == doc_.sent(c.last)) {
      // The same read off the surface when the parse does not show the cue
      // closing the clause: "It has used “velvet gloves” in Asia, he said."
      // or "The group is “overrun,” he said, and ...".
      ByteSpan span{};
      if (auto [plo, phi] = ClauseBeforeCue(h, /*allow_quotes=*/true); plo != kNone) {
        span = Span(plo, phi, /*drop_mark=*/false);
      } else if (auto [ilo, ihi] = InterruptingCue(h); ilo != kNone) {
        span = {Span(ilo, ihi.first, false).begin, Span(ihi.second, InterruptedClauseEnd(ihi.second), false).end};
      }
      // Up to the closing mark when the comma before the cue sits inside it.
      if (span.end > span.begin && c.marks.close_end > span.end && c.marks.close_end <= doc_.tok(h.first).begin) {
        span.end = c.marks.close_end;
      }
      if (span.end > span.begin && span.begin <= q->content.begin && span.end >= q->content.end) q->content = span;
    }
    used_cue_.push_back(c.cue);
    return true;
  }

  // ---- reported speech ----
  bool MakeReportedSpeech(std::size_t k, const std::vector<Pending>& found, Pending* pending) {
    Quote* q = &pending->q;
    const CueHit& h = cues_[k];
    if (!Wanted(h) || InQuote(h.first)) return false;
    if (std::find(used_cue_.begin(), used_cue_.end(), static_cast<std::int32_t>(k)) != used_cue_.end()) return false;
    std::vector<std::pair<std::int32_t, std::int32_t>> pieces;
    bool object_piece = false;  // the pieces are an object cue's object
    bool pro_form = false;      // "said so": one word may be the content
    if (h.nominal) {
      // What the noun reports: its preposition's object, or the clause
      // after "that"/"to" (the subtree of the verb "that" marks, else
      // the words to the next quotation or the sentence end).
      std::int32_t start = h.last + 1;
      if (h.last == h.first) start = h.first + 2;  // past "that" / "to"
      std::int32_t head = h.last == h.first ? doc_.head(h.first + 1) : doc_.head(h.last);
      // "talks that both sides described as useful": "that" is the
      // relative clause's object, not the marker of what the talks said.
      // (A clause with a subject or object of its own in that role has
      // "that" as its marker whatever the parse says: "charges that he
      // has perpetuated ...".)
      if (h.last == h.first && head != kNone && doc_.deprel(head) == "acl:relcl" && doc_.head(head) == h.first) {
        const std::string_view role = doc_.deprel(h.first + 1);
        bool other = false;
        doc_.EachChild(head, [&](std::int32_t c) {
          other = other || (c != h.first + 1 && role == "obj" && doc_.deprel(c) == "obj");
        });
        for (std::int32_t c = h.first + 2; c < head && role != "obj"; ++c) other = other || StartsWith(doc_.deprel(c), "nsubj");
        if ((role == "obj" || StartsWith(role, "nsubj")) && !other) return false;
      }
      std::int32_t hi = kNone;
      if (head != kNone && head >= start) {
        // "an appeal for 2 million euros": a sum asked for is no words.
        if (h.last != h.first && AmountPhrase(head, true)) return false;
        hi = Content(head).second;
      } else {
        const Sentence& s = a_.sentences[doc_.sent(h.first)];
        for (std::int32_t t = start; t < static_cast<std::int32_t>(s.end_token) && !InQuote(t); ++t) hi = t;
      }
      if (hi == kNone || hi < start) return false;
      pieces.push_back({h.last == h.first ? h.first + 1 : start, hi});
    } else if (h.colon) {
      // The rest of the paragraph: a transcript's turn runs over sentences.
      std::int32_t hi = h.last;
      for (std::int32_t t = h.last + 1; t < static_cast<std::int32_t>(doc_.size()) && doc_.para(t) == doc_.para(h.last);
           ++t) {
        // A turn that opens with a quotation is the marked quote's; one
        // that quotes inside ("Smith: Plan Is 'Dead', Talks Over") is mixed.
        if (InQuote(t) && (t == h.last + 1 || (t == h.last + 2 && doc_.punct(h.last + 1)))) return false;
        hi = t;
      }
      pieces.push_back({h.last + 1, hi});
    } else if (h.phrase) {
      // "according to X": the source runs to the next comma or the
      // sentence end; the content is the rest of the sentence, on either
      // side. Read off the surface: parsers often attach the phrase to a
      // nearby noun rather than to the clause it qualifies.
      auto [xlo, xhi] = PhraseObject(h);
      if (xlo == kNone) return false;
      const Sentence& s = a_.sentences[doc_.sent(h.first)];
      std::int32_t first = static_cast<std::int32_t>(s.first_token), last = static_cast<std::int32_t>(s.end_token) - 1;
      // Inside a relative clause set off by commas ("X, who according to
      // the count won 51 percent, has said ..."), the phrase credits that
      // clause alone, not the sentence that holds it.
      if (auto [rlo, rhi] = EnclosingRelative(h.first, xhi); rlo != kNone) {
        if (h.first > rlo) pieces.push_back({rlo, h.first - 1});
        if (rhi > xhi) pieces.push_back({xhi + 1, rhi});
        first = last = kNone;
      }
      if (first != kNone && h.first > first) pieces.push_back({first, h.first - 1});
      // After a whole clause, what follows the source may be the reporter's
      // words about it: a relative clause or apposition describing the
      // source ("..., according to X, who ..."; "..., the agency that ..."),
      // or a participle ("..., compared with ...", "..., taking a step
      // ..."). A clause the phrase interrupts goes on after it.
      bool clause_before = false;
      for (std::int32_t t = first; first != kNone && t < h.first; ++t) {
        std::string_view x = doc_.tok(t).xpos;
        clause_before = clause_before || (!InQuote(t) && (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD"));
      }
      bool reporters = false;
      if (clause_before && last > xhi) {
        std::int32_t t = xhi + 1;
        while (t < last && doc_.punct(t) && !InQuote(t)) ++t;
        std::string_view w = lower_[static_cast<std::size_t>(t)];
        std::string_view x = doc_.tok(t).xpos;
        reporters = w == "who" || w == "which" || w == "whose" || w == "where" || w == "a" || w == "an" ||
                    w == "the" || x == "VBG" || x == "VBN";
      }
      // "according to the spokesman, Ana Kessar, the plan ...": a name set
      // off by commas right after the source is the source's own.
      std::int32_t from = xhi + 1;
      if (from + 1 < last && doc_.text(from) == ",") {
        const std::int32_t m = doc_.mention(from + 1);
        if (m != kNone && a_.mentions[static_cast<std::size_t>(m)].type == "PERSON" &&
            doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].begin) == from + 1) {
          const std::int32_t after = doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].end);
          if (after < last && doc_.text(after) == ",") from = after + 1;
        }
      }
      if (last != kNone && last >= from && !reporters) pieces.push_back({from, last});
    } else {
      if (Negated(h.first)) return false;
      // The reported clause: a clausal complement after the cue, else one
      // before it ("The talks were useful, she said" in some parses).
      std::int32_t comp = kNone;
      doc_.EachChild(h.first, [&](std::int32_t ch) {
        if (doc_.deprel(ch) != "ccomp" || !ClauseLike(ch)) return;
        if (comp == kNone || (comp < h.first && ch > h.last)) comp = ch;
      });
      // Other complements the lexicon allows for this cue, after it.
      std::int32_t lo = kNone, hi = kNone;
      auto take = [&](std::int32_t ch) {
        auto [clo, chi] = Content(ch);
        // The particle of "call for" heads nothing but belongs to its
        // object's subtree: the content starts after the cue's words.
        if (clo <= h.first || ch <= h.last || InQuote(ch)) return;
        clo = std::max(clo, h.last + 1);
        lo = lo == kNone ? clo : std::min(lo, clo);
        hi = std::max(hi, chi);
      };
      // "explained how he built it", "told them what she saw": UD gives the
      // wh-word as the object, heading a relative clause; it is the clause.
      if (comp == kNone && (h.content & kClause)) {
        std::int32_t o = doc_.Child(h.first, "obj");
        if (o != kNone && o > h.last && !InQuote(o) && IsWhWord(lower_[static_cast<std::size_t>(o)]) &&
            (doc_.Child(o, "acl:relcl") != kNone || doc_.Child(o, "advcl:relcl") != kNone)) {
          comp = o;
        }
      }
      const bool clause = (h.content & kClause) && comp != kNone && comp > h.last;
      if (!clause && (h.content & kAfter) && h.last > h.first) {
        // "called for a ceasefire", "called on X to act": the particle's
        // object and an infinitive after it.
        std::int32_t obj = doc_.head(h.last);
        // A stranded particle ("the $5m the agency asked for in its
        // appeal") has no object of its own: a noun with a preposition of
        // its own after the particle is not one.
        bool stranded = false;
        for (std::int32_t t = h.last + 1; obj != kNone && t < obj && !stranded; ++t) {
          stranded = doc_.head(t) == obj && doc_.deprel(t) == "case";
        }
        if (obj != kNone && obj > h.last && !stranded && !AmountPhrase(obj, true)) take(obj);
        doc_.EachChild(h.first, [&](std::int32_t ch) {
          if (doc_.deprel(ch) == "xcomp" || doc_.deprel(ch) == "ccomp") take(ch);
          // "called on X to press for Y" with the infinitive read as an
          // adverbial clause of the cue.
          if (doc_.deprel(ch) == "advcl" && obj != kNone && ch > obj) {
            const std::int32_t mark = doc_.Child(ch, "mark");
            if (mark != kNone && mark == ch - 1 && lower_[static_cast<std::size_t>(mark)] == "to") take(ch);
          }
        });
        if (lo != kNone) lo = h.last + 1;
      } else if (!clause && (h.content & kTo) && doc_.Child(h.first, "xcomp") != kNone &&
                 doc_.Child(h.first, "xcomp") > h.last &&
                 doc_.Child(doc_.Child(h.first, "xcomp"), "mark") != kNone &&
                 doc_.Child(doc_.Child(h.first, "xcomp"), "aux:pass") == kNone) {
        // "vowed to fight on", not "asked not to be named".
        take(doc_.Child(h.first, "xcomp"));
      } else if (!clause && (h.content & kNaming) && doc_.Child(h.first, "obj") != kNone && !NamesItsObject(h)) {
        return false;  // "called a strike": what was called, no words of the source
      } else if (!clause && (h.content & kObject) && doc_.Child(h.first, "obj") != kNone &&
                 !((h.content & kAct) && AmountPhrase(doc_.Child(h.first, "obj"), false))) {
        // "announced his resignation", "called the plan a disgrace",
        // "accused them of lying": the object and what completes it.
        take(doc_.Child(h.first, "obj"));
        object_piece = lo != kNone;
        if (lo != kNone) {
          doc_.EachChild(h.first, [&](std::int32_t ch) {
            std::string_view r = doc_.deprel(ch);
            // Not the time of the act of speech ("announced support on
            // Thursday"): that is the reporter's, not the source's.
            if (ch > hi && (r == "xcomp" || (r == "obl" && CompletesObject(ch))) && !SetOffByComma(ch) &&
                !in_time_[static_cast<std::size_t>(ch)]) {
              take(ch);
            }
          });
        }
      }
      if (auto [wlo, whi] = ProForm(h); wlo != kNone) {
        pieces.push_back({wlo, whi});
        pro_form = true;
      } else if (clause) {
        auto [clo, chi] = Content(comp);
        // "told the crowd that [rebuilding it] was hard": a parse that hangs
        // the complement's first words elsewhere still leaves "that"
        // opening the content.
        for (std::int32_t t = h.last + 1; t < clo; ++t) {
          if (lower_[static_cast<std::size_t>(t)] == "that" && !InQuote(t)) {
            clo = t + 1;
            break;
          }
        }
        // "told the crowd that [rebuilding it] was hard" parsed with "the
        // crowd" as the clause's subject: the words up to "that" are the
        // hearer of a cue that takes one (not a relative "that" with its
        // verb right after it: "the crowd that gathered").
        if ((h.content & kHearer) && clo == h.last + 1) {
          for (std::int32_t t = clo; t <= clo + 4 && t < chi && !InQuote(t); ++t) {
            if (lower_[static_cast<std::size_t>(t)] == "that") {
              std::string_view x = doc_.tok(t + 1).xpos;
              if (t > clo && x != "VBD" && x != "VBZ" && x != "VBP" && x != "MD") clo = t + 1;
              break;
            }
            std::string_view u = doc_.tok(t).upos;
            if (u != "DET" && u != "ADJ" && u != "NOUN" && u != "PROPN" && u != "PRON" && u != "NUM") break;
          }
        }
        // "said around 5,000 workers had joined", parsed with "around" as a
        // preposition and its noun on the cue: a complement without a
        // subject takes the cue's nominal right before it as its subject.
        if (comp > h.last && doc_.Child(comp, "nsubj") == kNone && doc_.Child(comp, "nsubj:pass") == kNone &&
            doc_.Child(comp, "expl") == kNone && doc_.Child(comp, "mark") == kNone) {
          doc_.EachChild(h.first, [&](std::int32_t ch) {
            std::string_view r = doc_.deprel(ch);
            if (ch <= h.last || ch >= comp || InQuote(ch) || in_time_[static_cast<std::size_t>(ch)] ||
                !(StartsWith(r, "obl") || r == "obj")) {
              return;
            }
            const std::string_view up = doc_.tok(ch).upos;
            if (up != "NOUN" && up != "PROPN" && up != "PRON" && up != "NUM") return;
            const std::int32_t sub = doc_.Subtree(ch).first;
            // Only right before the complement: "told reporters on Friday
            // the plan ..." keeps its hearer.
            if (doc_.Subtree(ch).second + 1 == clo && sub > h.last) clo = std::min(clo, sub);
          });
        }
        // "said there will probably be rain": the parser hangs "there"
        // (and an adverb after it) on the cue; it opens the clause.
        for (std::int32_t t = clo - 1; t > h.last && t >= clo - 3 && !InQuote(t); --t) {
          if (ExistentialThere(t)) {
            clo = t;
            break;
          }
          if (doc_.tok(t).upos != "ADV") break;
        }
        // "said last week that she ...": the complement's own "that"
        // opens it; words the parser hung inside before it are the cue's.
        if (std::int32_t mk = doc_.Child(comp, "mark");
            mk != kNone && mk > clo && mk < comp && lower_[static_cast<std::size_t>(mk)] == "that" && !InQuote(mk)) {
          clo = mk + 1;
        }
        // "This campaign, he says, is different": the words before the
        // cue belong to the clause the parser hung after it.
        if (auto [ilo, ihi] = InterruptingCue(h); ilo != kNone && clo > h.last) {
          pieces.push_back({ilo, ihi.first});
          clo = std::max(clo, ihi.second);
        }
        pieces.push_back({clo, TrimTail(clo, ThatContinuation(TrailingModifiers(h, chi)))});
      } else if (lo != kNone) {
        pieces.push_back({lo, TrailingModifiers(h, hi, /*object=*/true)});
      } else if (std::int32_t g = GerundComplement(h); g != kNone) {
        // "reported spending $1 million", "denied taking the money": a
        // gerund clause is what the source reports.
        pieces.push_back({g, TrailingModifiers(h, Content(g).second)});
      } else if (auto [qlo, qhi] = IndirectQuestion(h); qlo != kNone) {
        pieces.push_back({qlo, qhi});
      } else if (auto [plo2, phi2] = ParticleFurtherOn(h); plo2 != kNone) {
        pieces.push_back({plo2, phi2});
      } else if (EndsClause(h) && (doc_.deprel(h.first) == "parataxis" || (comp != kNone && comp < h.first))) {
        // "The talks were useful, the minister said.": the reported
        // clause comes first and the cue hangs off it (or, in some parses,
        // the clause hangs off the cue).
        auto [clo, chi] = doc_.Subtree(h.first, [&](std::int32_t ch) { return ch == comp; });
        const Sentence& s = a_.sentences[doc_.sent(h.first)];
        std::int32_t first = static_cast<std::int32_t>(s.first_token);
        if (clo > first) pieces.push_back({first, clo - 1});
        (void)chi;
      } else if (auto [ilo, ihi] = InterruptingCue(h); ilo != kNone) {
        // "It was, he said, a failure.": the clause on both sides.
        pieces.push_back({ilo, ihi.first});
        pieces.push_back({ihi.second, InterruptedClauseEnd(ihi.second)});
      } else if (auto [plo, phi] = ClauseBeforeCue(h); plo != kNone) {
        pieces.push_back({plo, phi});
      } else if (auto [slo, shi] = ClauseBeforeSubjectAndCue(h); slo != kNone) {
        pieces.push_back({slo, shi});
      } else if (auto [vlo, vhi] = ClauseBeforeInvertedCue(h); vlo != kNone) {
        pieces.push_back({vlo, vhi});
        inverted_cues_.push_back(h.first);
      } else if (auto [alo, ahi] = ClauseAfterAsCue(h); alo != kNone) {
        pieces.push_back({alo, ahi});
      } else if (std::int32_t about = AboutObject(h); about != kNone) {
        pieces.push_back({doc_.Subtree(about).first + 1, Content(about).second});
      } else if (auto [rlo, rhi] = RelativeClauseCue(h); rlo != kNone) {
        pieces.push_back({rlo, rhi});
      } else if ((h.content & kClause) && !InQuote(h.last + 1 < static_cast<std::int32_t>(doc_.size()) ? h.last + 1 : h.last)) {
        // The parse found no complement (a mistagged word often hides
        // it): the words after the cue to the end of the sentence, when
        // they read as a clause.
        auto [flo, fhi] = SurfaceClause(h);
        if (flo == kNone) return false;
        pieces.push_back({flo, TrimTail(flo, fhi)});
      } else {
        return false;
      }
    }
    for (auto& [lo, hi] : pieces) {
      hi = FrontedClauseEnd(h, lo, hi);
      ByteSpan span = Span(lo, hi, /*drop_mark=*/true);
      if (span.end <= span.begin) continue;
      int words = 0;
      for (std::int32_t t = lo; t <= hi; ++t) words += doc_.punct(t) ? 0 : 1;
      // One word is content only as the named or pronoun object of an
      // object cue ("endorsed Okafor", "praised her").
      if (words < 2 && !pro_form && !(words == 1 && object_piece && NamesItsObject(lo, hi))) continue;
      q->parts.push_back(span);
    }
    if (q->parts.empty()) return false;
    q->content = {q->parts.front().begin, q->parts.back().end};
    // A clause already carried by a marked quote is that quote's content.
    // A quote whose cue lies inside this clause is nested in it ("she
    // noted that Y called it “weak”"): both stand.
    for (const Pending& f : found) {
      bool nested = f.q.cue.end > f.q.cue.begin && f.q.cue.begin >= q->content.begin && f.q.cue.end <= q->content.end &&
                    f.q.content.begin >= q->content.begin && f.q.content.end <= q->content.end &&
                    f.q.content.size() < q->content.size();
      if (!nested && f.q.content.begin < q->content.end && q->content.begin < f.q.content.end) return false;
    }
    for (const Candidate& c : cands_) {
      std::uint32_t b = a_.tokens[static_cast<std::size_t>(c.first)].begin;
      if (!c.merged_away && b >= q->content.begin && b < q->content.end && c.words >= 4 &&
          c.marks.parts.back().end >= q->content.end - 2) {
        return false;  // the clause is a quotation whose cue was not found
      }
    }
    q->kind = "indirect";
    SetCue(h, q);
    pending->cue = static_cast<std::int32_t>(k);
    return true;
  }

  // True if the one word in [lo, hi] is a name or a personal pronoun
  // ("endorsed Okafor", "defended them"), not "it", "this" or "that",
  // which stand for something the reporter said before.
  bool NamesItsObject(std::int32_t lo, std::int32_t hi) const {
    std::int32_t w = lo;
    while (w < hi && doc_.punct(w)) ++w;
    std::string_view up = doc_.tok(w).upos;
    std::string_view l = lower_[static_cast<std::size_t>(w)];
    return up == "PROPN" || (up == "PRON" && l != "it" && l != "this" && l != "that");
  }

  // The head of the noun phrase right after an inverted cue ("said
  // lobbyist and strategist Carl Brant, ..."): its last word before a
  // comma, a conjunction or the sentence end, or a name in it.
  std::int32_t InvertedSubject(const CueHit& h) const {
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(h.first)].end_token);
    std::int32_t head = kNone;
    for (std::int32_t t = h.last + 1; t < end && !doc_.punct(t); ++t) {
      std::string_view up = doc_.tok(t).upos;
      if (up == "ADP" || up == "VERB" || up == "AUX") break;
      if (up == "NOUN" || up == "PROPN") head = t;
    }
    return head;
  }

  // The gerund a cue that reports one (cues.tsv content "gerund")
  // governs as its complement right after it ("reported spending",
  // "admitted lying"), or kNone. Not a gerund of saying ("recalled
  // saying"), which is an act of its own.
  std::int32_t GerundComplement(const CueHit& h) const {
    if (!(h.content & kGerund) || h.nominal || h.phrase || h.colon) return kNone;
    std::int32_t t = h.last + 1;
    if (t >= static_cast<std::int32_t>(doc_.size()) || doc_.sent(t) != doc_.sent(h.first)) return kNone;
    if (doc_.tok(t).xpos != "VBG" || InQuote(t) || IsSpeechCue(t) || doc_.head(t) != h.first) return kNone;
    // Right after the cue, with no comma or marker between, a gerund is
    // its complement whatever the parser called it (some parses make it
    // an adverbial clause).
    std::string_view r = doc_.deprel(t);
    if (r != "xcomp" && r != "ccomp" && r != "obj" && (r != "advcl" || doc_.Child(t, "mark") != kNone)) return kNone;
    return t;
  }

  // True if passive verb v names its doer with "by" ("was asked by a
  // reporter").
  bool HasAgent(std::int32_t v) const {
    bool agent = false;
    doc_.EachChild(v, [&](std::int32_t c) {
      std::int32_t cs = doc_.Child(c, "case");
      agent = agent || doc_.deprel(c) == "obl:agent" ||
              (StartsWith(doc_.deprel(c), "obl") && cs != kNone && lower_[static_cast<std::size_t>(cs)] == "by");
    });
    return agent;
  }

  // True if participle v opens the sentence after a subordinator of time
  // or condition ("When asked ...", "If elected, ...").
  bool FrontedParticiple(std::int32_t v) const {
    const std::int32_t first = static_cast<std::int32_t>(a_.sentences[doc_.sent(v)].first_token);
    if (v != first + 1) return false;
    std::string_view w = lower_[static_cast<std::size_t>(first)];
    return w == "when" || w == "if" || w == "once" || w == "after" || w == "while" || w == "until";
  }

  // "asked if the bridge would reopen", "When asked by a reporter whether
  // X, she said ...": an indirect question that the parser hung on the
  // main verb or on a noun rather than on the cue, read off the surface:
  // from its "if", "whether" or wh-word, past the cue's own words (the
  // one asked, "by" the asker, when), to the sentence end or the comma
  // before the answerer and the answering cue. It must hold a finite verb.
  std::pair<std::int32_t, std::int32_t> IndirectQuestion(const CueHit& h) const {
    if (!(h.content & kQuestion) || h.nominal || h.phrase || h.colon) return {kNone, kNone};
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(h.first)].end_token);
    std::int32_t lo = kNone;
    for (std::int32_t t = h.last + 1; t < end && t <= h.last + 8 && !InQuote(t) && !doc_.punct(t); ++t) {
      std::string_view w = lower_[static_cast<std::size_t>(t)];
      // "asked which quality mattered most", "whose plan would work".
      if (w == "if" || w == "whether" || IsWhWord(w) || w == "which" || w == "whose") {
        lo = t;
        break;
      }
      std::string_view up = doc_.tok(t).upos;
      if (up == "VERB" || up == "AUX" || up == "SCONJ" || up == "CCONJ" || w == "to" || w == "that") break;
    }
    if (lo == kNone) return {kNone, kNone};
    std::int32_t hi = lo;
    bool finite = false;
    // "When asked which X mattered, most voters named Y": a question
    // that opens the sentence ends at the comma after its verb.
    const bool fronted = OpensSentence(h.first) || FrontedParticiple(h.first);
    for (std::int32_t k = lo + 1; k < end && !InQuote(k); ++k) {
      if (doc_.text(k) == "," && (SourceAndCueFollow(k) || (fronted && finite))) break;
      std::string_view x = doc_.tok(k).xpos;
      finite = finite || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
      hi = k;
    }
    if (!finite) return {kNone, kNone};
    return {lo, hi};
  }

  // "When asked by reporters on Thursday about the strike, she said ...":
  // a fronted participle cue whose lexicon entry takes "about" ("ask
  // about") and whose "about" comes further on, past the asker, the time
  // or the place, on which the parser hangs it. The content is its
  // object, to the comma that ends the fronted clause.
  std::pair<std::int32_t, std::int32_t> ParticleFurtherOn(const CueHit& h) const {
    if (h.nominal || h.phrase || h.colon || h.last != h.first) return {kNone, kNone};
    if (!(OpensSentence(h.first) || FrontedParticiple(h.first)) || doc_.tok(h.first).xpos != "VBN") return {kNone, kNone};
    const auto* verbs = lex_.Verb(Lower(doc_.tok(h.first).lemma));
    if (!verbs) return {kNone, kNone};
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(h.first)].end_token);
    for (std::int32_t t = h.last + 2; t < end && t <= h.last + 10 && !InQuote(t); ++t) {
      std::string_view w = lower_[static_cast<std::size_t>(t)];
      std::string_view up = doc_.tok(t).upos;
      if (doc_.punct(t) || up == "VERB" || up == "AUX" || up == "SCONJ" || up == "CCONJ" || w == "that") break;
      if (w != "about") continue;
      bool entry = false;
      for (const auto& v : *verbs) entry = entry || (v.type == h.type && v.rest.size() == 1 && v.rest[0] == w);
      if (!entry) return {kNone, kNone};
      std::int32_t hi = kNone;
      for (std::int32_t k = t + 1; k < end && !InQuote(k) && doc_.text(k) != "," && doc_.text(k) != ";"; ++k) {
        if (!doc_.punct(k)) hi = k;
      }
      return hi == kNone ? std::pair{kNone, kNone} : std::pair{t + 1, hi};
    }
    return {kNone, kNone};
  }

  // True if oblique t completes what an object cue says of its object
  // ("accused them of lying", "praised her for her courage", "described it
  // as a failure"), rather than placing the act of speech ("praised her at
  // a rally in Ohio").
  bool CompletesObject(std::int32_t t) const {
    std::int32_t cs = doc_.Child(t, "case");
    if (cs == kNone) return false;
    std::string_view p = lower_[static_cast<std::size_t>(cs)];
    // "estimated the crowd at 8,000", "put the cost at $2 billion": a
    // figure after "at" is the estimate, not where it was made.
    if (p == "at") return doc_.tok(t).upos == "NUM" || doc_.Child(t, "nummod") != kNone;
    return p == "of" || p == "for" || p == "as" || p == "over" || p == "about" || p == "against" || p == "with" ||
           p == "to" || p == "into" || p == "from";
  }

  // True if oblique t says where or when the act of speech took place
  // ("at a rally", "in an interview", "during the debate").
  bool PlacesTheAct(std::int32_t t) const {
    std::int32_t cs = doc_.Child(t, "case");
    if (cs == kNone) return false;
    std::string_view p = lower_[static_cast<std::size_t>(cs)];
    return p == "at" || p == "in" || p == "during" || p == "outside" || p == "before";
  }

  // The reporter's words that parsers leave inside a reported clause,
  // read off the surface: an attribution of its own ("..., according to
  // exit polls"), the reporter's next clause after a comma and a
  // coordinator ("..., but he did not say when"). Returns hi moved
  // before them.
  std::int32_t TrimTail(std::int32_t lo, std::int32_t hi) const {
    auto finite = [&](std::int32_t t) {
      std::string_view x = doc_.tok(t).xpos;
      return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    };
    for (std::int32_t k = lo + 2; k <= hi; ++k) {
      if (InQuote(k)) continue;
      std::int32_t cue = cue_of_[static_cast<std::size_t>(k)];
      if (cue != kNone && cues_[static_cast<std::size_t>(cue)].phrase) return LastWordBefore(lo, k);
      if (doc_.text(k) != "," || k + 2 > hi) continue;
      std::string_view next = lower_[static_cast<std::size_t>(k + 1)];
      // "..., compared with 40 percent who ...": the reporter sets the
      // figure against another.
      if ((next == "compared" || next == "comparing") &&
          (lower_[static_cast<std::size_t>(k + 2)] == "with" || lower_[static_cast<std::size_t>(k + 2)] == "to")) {
        return LastWordBefore(lo, k);
      }
      // "..., a swipe at his rivals", "..., a plan she has since dropped":
      // a noun phrase in apposition that closes the span is the
      // reporter's gloss on what was said.
      if ((next == "a" || next == "an") && TrailingAppositive(k + 1, hi)) return LastWordBefore(lo, k);
      // "..., while the governor put it at 300": another source's account
      // set beside this one is the reporter's.
      if (next == "while" || next == "whereas") {
        for (std::int32_t j = k + 2; j <= hi; ++j) {
          if (cue_of_[static_cast<std::size_t>(j)] != kNone && !InQuote(j)) return LastWordBefore(lo, k);
        }
      }
      if ((next == "but" || next == "and") && lower_[static_cast<std::size_t>(k + 2)] != "that") {
        std::string_view su = doc_.tok(k + 2).upos;
        if (su == "PRON" || su == "PROPN" || su == "DET" || su == "NOUN") {
          for (std::int32_t j = k + 3; j <= hi && j <= k + 7; ++j) {
            if (finite(j) && StartsWith(doc_.deprel(k + 2), "nsubj")) return LastWordBefore(lo, k);
          }
        }
      }
    }
    return hi;
  }

  // True if lo..hi is one subtree whose head is a noun the parser set in
  // apposition, with no cue inside.
  bool TrailingAppositive(std::int32_t lo, std::int32_t hi) const {
    std::int32_t root = kNone;
    for (std::int32_t t = lo; t <= hi; ++t) {
      if (cue_of_[static_cast<std::size_t>(t)] != kNone || InQuote(t)) return false;
      std::int32_t h = doc_.head(t);
      if (h >= lo && h <= hi) continue;
      if (root != kNone && !doc_.punct(t)) return false;
      if (!doc_.punct(t)) root = t;
    }
    return root != kNone && doc_.tok(root).upos == "NOUN" && doc_.deprel(root) == "appos";
  }

  // "While she has said the plan works, critics doubt it": a cue inside a
  // subordinate clause that opens the sentence reports no further than
  // that clause; the sentence's main clause after the comma is the
  // reporter's. Parsers often hang the main clause below the content.
  // Returns hi moved before the comma that opens the main clause (a
  // subject and a finite verb), or hi when the cue is not so placed.
  std::int32_t FrontedClauseEnd(const CueHit& h, std::int32_t lo, std::int32_t hi) const {
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    std::int32_t t = static_cast<std::int32_t>(s.first_token);
    while (t < h.first && (doc_.tok(t).upos == "CCONJ" || doc_.punct(t))) ++t;
    if (t > h.first || InQuote(t)) return hi;
    // The sentence opens with a subordinator or a preposition ("When",
    // "Despite", "With"; "now that"), not with its subject; or with the
    // cue itself as a participle ("Asked whether X, she said ...").
    bool opener = false;
    if (t == h.first) {
      // Not "According to X, Y": the phrase's content is the main clause.
      std::string_view x = doc_.tok(t).xpos;
      opener = !h.phrase && (x == "VBN" || x == "VBG");
    } else {
      std::string_view up = doc_.tok(t).upos;
      std::string_view w = lower_[static_cast<std::size_t>(t)];
      opener = up == "SCONJ" || up == "ADP" || w == "when" || w == "while" || w == "as" || w == "once" || w == "if" ||
               w == "although" || w == "though" || w == "because" || w == "since" ||
               (w == "now" && lower_[static_cast<std::size_t>(t + 1)] == "that");
    }
    if (!opener) return hi;
    // The cue is in that clause: no comma between the opener and the cue;
    // nor between the cue and the content, which is then the main clause
    // ("As the paper reported, X").
    for (std::int32_t k = t + 1; k < lo; ++k) {
      if ((k < h.first || k > h.last) && (doc_.text(k) == "," || doc_.text(k) == ";")) return hi;
    }
    auto finite = [&](std::int32_t k) {
      std::string_view x = doc_.tok(k).xpos;
      return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    };
    for (std::int32_t k = std::max(lo, h.last + 1) + 1; k < hi; ++k) {
      if (doc_.text(k) != "," || InQuote(k)) continue;
      std::int32_t j = k + 1;
      std::string_view nw = lower_[static_cast<std::size_t>(j)];
      if (IsWhWord(nw) || nw == "which" || nw == "whose" || nw == "that" || doc_.tok(j).upos == "CCONJ") continue;
      // A subject of a few words, then its finite verb.
      for (; j <= hi && j <= k + 8 && !finite(j); ++j) {
        std::string_view u = doc_.tok(j).upos;
        if (!(u == "DET" || u == "PRON" || u == "PROPN" || u == "NOUN" || u == "NUM" || u == "ADJ" || u == "PART" ||
              u == "ADV")) {
          break;
        }
      }
      if (j > k + 1 && j <= hi && finite(j) && doc_.tok(k + 1).upos != "ADV") return LastWordBefore(lo, k);
    }
    return hi;
  }

  // The last token before k that is not punctuation, and not before lo.
  std::int32_t LastWordBefore(std::int32_t lo, std::int32_t k) const {
    std::int32_t t = k - 1;
    while (t > lo && doc_.punct(t) && !InQuote(t)) --t;
    return t;
  }

  // "says A but that B", "argued A, and that B": a coordinator and
  // "that" after the content open a second complement of the same cue,
  // whatever the parser attached it to. Returns hi extended over each such
  // clause, to the end of the sentence or an act of speech of its own
  // ("..., and X said"); hi when none follows.
  std::int32_t ThatContinuation(std::int32_t hi) const {
    if (hi == kNone) return hi;
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(hi)].end_token);
    std::int32_t t = hi + 1;
    if (t < end && doc_.text(t) == ",") ++t;
    if (t + 2 >= end || doc_.tok(t).upos != "CCONJ" || lower_[static_cast<std::size_t>(t + 1)] != "that" ||
        InQuote(t + 1)) {
      return hi;
    }
    std::int32_t out = hi;
    for (std::int32_t k = t + 2; k < end; ++k) {
      if (IsSpeechCue(k) && (doc_.punct(k - 1) || doc_.tok(k - 1).upos == "CCONJ")) break;
      if (!doc_.punct(k) || InQuote(k)) out = k;
    }
    return out;
  }

  // Parsers often hang a modifier that ends the reported content on the
  // cue instead ("said he had been flooded with email, some of it
  // abusive"; "pointed out that X resigned after Y complained"). Returns
  // hi extended over the cue's dependents that follow it, up to a
  // conjoined clause, a coordinator or a cue of its own.
  // With object set, the content is an object cue's ("praised X for Y"),
  // and an oblique must complete it (CompletesObject).
  std::int32_t TrailingModifiers(const CueHit& h, std::int32_t hi, bool object = false) const {
    std::int32_t out = hi;
    bool stop = false;
    doc_.EachChild(h.first, [&](std::int32_t ch) {
      if (stop || ch <= hi) return;
      std::string_view r = doc_.deprel(ch);
      if (r == "punct") return;
      // "said A, and that B": a second complement the parser conjoined to
      // the cue is more of what was said.
      if (r == "conj" && !InQuote(ch)) {
        std::int32_t mk = doc_.Child(ch, "mark");
        if (mk != kNone && lower_[static_cast<std::size_t>(mk)] == "that" && doc_.Subtree(ch).first <= mk) {
          out = std::max(out, doc_.Subtree(ch).second);
          return;
        }
      }
      if (r == "cc") return;
      if (r == "conj" || r == "parataxis" || IsSpeechCue(ch) || InQuote(ch) ||
          !(r == "advcl" || StartsWith(r, "obl") || r == "advmod" || r == "dep" || r == "nmod" || r == "xcomp" ||
            r == "ccomp")) {
        stop = true;
        return;
      }
      // A modifier set off by a comma ("..., with the minister leveling
      // criticism at ...", "..., mocking his rival") is the reporter's
      // comment on the act of speech, not part of what was said.
      if (SetOffByComma(ch) || in_time_[static_cast<std::size_t>(ch)] ||
          (object && StartsWith(r, "obl") && PlacesTheAct(ch))) {
        stop = true;
        return;
      }
      out = std::max(out, doc_.Subtree(ch).second);
    });
    return out;
  }

  // "Tariffs will not bring the jobs back, she said." / "..., said X, a
  // professor.": the sentence up to the comma before the cue, when the
  // cue and its own words (subject, adverbs, time and place) close the
  // sentence and the words before read as a clause. Parsers make either
  // word the root, so this reads the surface and only asks the tree
  // whether the words around the cue are the cue's. {kNone, kNone} when
  // the sentence is not of that form.
  std::pair<std::int32_t, std::int32_t> ClauseBeforeCue(const CueHit& h, bool allow_quotes = false) const {
    if (!(h.content & kClause)) return {kNone, kNone};
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    const std::int32_t first = static_cast<std::int32_t>(s.first_token), end = static_cast<std::int32_t>(s.end_token);
    // The cue's own words: those it governs by a relation other than a
    // complement, within a few steps.
    auto own = [&](std::int32_t t) {
      for (int k = 0; k < 6 && t != kNone; ++k) {
        std::int32_t hd = doc_.head(t);
        if (hd == h.first) {
          std::string_view r = doc_.deprel(t);
          if (StartsWith(r, "nsubj") && SecondSubject(h, t)) return false;
          return r != "ccomp" && r != "xcomp" && r != "obj" && r != "conj" && r != "parataxis";
        }
        t = hd;
      }
      return false;
    };
    std::int32_t comma = kNone;
    for (std::int32_t t = h.first - 1; t > first; --t) {
      std::string_view w = doc_.text(t);
      if (w == "," || w == "\xE2\x80\x94" || w == "--") {
        comma = t;
        break;
      }
      // A closing mark between the clause and its cue ("“overrun,” he said").
      if (allow_quotes && doc_.punct(t) && IsQuoteMark(w)) continue;
      if (InQuote(t) || !own(t)) return {kNone, kNone};
      // "X rose to 287, while the governor put it at 300", "..., but the
      // minister said": a cue joined to the clause before by a conjunction
      // sets its source beside that clause, not behind it.
      if (doc_.tok(t).upos == "SCONJ" || doc_.tok(t).upos == "CCONJ") return {kNone, kNone};
    }
    if (comma == kNone) return {kNone, kNone};
    for (std::int32_t t = h.last + 1; t < end; ++t) {
      // "..., officials said on Monday, as rescuers dug on": a clause of
      // time after the cue is the reporter's, whatever the parse hangs it on.
      if (doc_.text(t) == "," && TimeClauseOpens(t + 1)) break;
      if (!doc_.punct(t) && (InQuote(t) || !own(t))) return {kNone, kNone};
    }
    int words = 0;
    bool finite = false;
    for (std::int32_t t = first; t < comma; ++t) {
      if (InQuote(t) && !allow_quotes) return {kNone, kNone};
      if (!doc_.punct(t)) ++words;
      std::string_view x = doc_.tok(t).xpos;
      finite = finite || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || PastTaggedParticiple(t);
    }
    if (words < 3 || !finite) return {kNone, kNone};
    return {first, comma - 1};
  }

  // "The firm lobbied on taxes, said lobbyist Carl Brant, a partner.":
  // the cue right after the comma with its subject after it, which a
  // parse may take for the content (a noun complement, or the words to
  // the sentence end): the clause before the comma is what was said.
  // The words after the cue hold no finite verb up to their first comma.
  std::pair<std::int32_t, std::int32_t> ClauseBeforeInvertedCue(const CueHit& h) const {
    if (!(h.content & kClause) || h.nominal || h.phrase || h.colon || h.last != h.first) return {kNone, kNone};
    std::string_view cue_tag = doc_.tok(h.first).xpos;
    if (cue_tag != "VBD" && cue_tag != "VBZ") return {kNone, kNone};
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    const std::int32_t first = static_cast<std::int32_t>(s.first_token), end = static_cast<std::int32_t>(s.end_token);
    const std::int32_t comma = h.first - 1;
    if (comma <= first + 2 || doc_.text(comma) != "," || h.first + 1 >= end) return {kNone, kNone};
    std::string_view up = doc_.tok(h.first + 1).upos;
    if (!(up == "NOUN" || up == "PROPN" || up == "DET" || up == "ADJ")) return {kNone, kNone};
    for (std::int32_t t = h.first + 1; t < end && doc_.text(t) != ","; ++t) {
      std::string_view x = doc_.tok(t).xpos;
      if (InQuote(t) || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || lower_[static_cast<std::size_t>(t)] == "that") {
        return {kNone, kNone};
      }
    }
    return FiniteClauseBefore(first, comma);
  }

  // The tokens [first, comma) as reported content: {first, comma - 1} when
  // they hold a finite verb and no quoted words, {kNone, kNone} otherwise.
  std::pair<std::int32_t, std::int32_t> FiniteClauseBefore(std::int32_t first, std::int32_t comma) const {
    bool finite = false;
    for (std::int32_t t = first; t < comma; ++t) {
      if (InQuote(t)) return {kNone, kNone};
      std::string_view x = doc_.tok(t).xpos;
      finite = finite || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    }
    if (!finite) return {kNone, kNone};
    return {first, comma - 1};
  }

  // "The firm is hanging on, its chief executive Jo Pell said." read off
  // the surface when the parser hung the cue's subject or the cue itself
  // inside the clause before it (as a relative clause or a conjunct): a
  // clause with a finite verb, a comma, then only a subject noun phrase
  // (a name, a noun with its determiner, adjectives and possessor, or a
  // pronoun), an adverb or auxiliary, the cue, and after it no verb of
  // its own to the sentence end.
  std::pair<std::int32_t, std::int32_t> ClauseBeforeSubjectAndCue(const CueHit& h) const {
    if (!(h.content & kClause) || h.nominal || h.phrase || h.colon) return {kNone, kNone};
    std::string_view cue_tag = doc_.tok(h.first).xpos;
    if (!(cue_tag == "VBD" || cue_tag == "VBZ" || cue_tag == "VBP" ||
          (cue_tag == "VBN" && doc_.Child(h.first, "aux") != kNone && doc_.Child(h.first, "aux:pass") == kNone))) {
      return {kNone, kNone};
    }
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    const std::int32_t first = static_cast<std::int32_t>(s.first_token), end = static_cast<std::int32_t>(s.end_token);
    std::int32_t comma = kNone;
    bool noun = false;
    for (std::int32_t t = h.first - 1; t > first && h.first - t <= 9; --t) {
      if (InQuote(t)) return {kNone, kNone};
      std::string_view w = doc_.text(t);
      if (w == ",") {
        comma = t;
        break;
      }
      std::string_view up = doc_.tok(t).upos;
      std::string_view l = lower_[static_cast<std::size_t>(t)];
      if (up == "NOUN" || up == "PROPN" || (up == "PRON" && IsSubjectPronoun(l))) {
        noun = true;
      } else if (!(up == "DET" || up == "ADJ" || up == "NUM" || up == "PART" || up == "ADV" || up == "AUX" ||
                   (up == "PRON" && (l == "his" || l == "her" || l == "its" || l == "their")) ||
                   (up == "ADP" && (l == "of" || l == "for" || l == "at")) || l == "." || w == "-")) {
        return {kNone, kNone};
      }
    }
    if (comma == kNone || !noun || comma - first < 3) return {kNone, kNone};
    for (std::int32_t t = h.last + 1; t < end; ++t) {
      if (!doc_.punct(t) && (InQuote(t) || !OwnWord(h, t))) return {kNone, kNone};
    }
    // Not a clause that a subordinator or preposition opens ("Though X,
    // Y maintains ..."): that is the reporter's frame, not the content.
    std::int32_t lead = first;
    while (lead < comma && (doc_.tok(lead).upos == "CCONJ" || doc_.punct(lead) || doc_.tok(lead).upos == "ADV")) ++lead;
    std::string_view lead_pos = doc_.tok(lead).upos;
    std::string_view lead_word = lower_[static_cast<std::size_t>(lead)];
    if (lead_pos == "SCONJ" || lead_pos == "ADP" || lead_pos == "VERB" || IsWhWord(lead_word) || lead_word == "as" ||
        lead_word == "while" || lead_word == "though" || lead_word == "although" || lead_word == "if") {
      return {kNone, kNone};
    }
    return FiniteClauseBefore(first, comma);
  }

  // "As reported by the agency, X" / "As the paper reported on Monday,
  // X": a clause opened by "as" that holds the cue and its own words
  // credits the sentence's main clause after the comma. {kNone, kNone}
  // when the sentence is not of that form.
  std::pair<std::int32_t, std::int32_t> ClauseAfterAsCue(const CueHit& h) const {
    if (!(h.content & kClause)) return {kNone, kNone};
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    const std::int32_t first = static_cast<std::int32_t>(s.first_token), end = static_cast<std::int32_t>(s.end_token);
    std::int32_t t = first;
    while (t < h.first && doc_.tok(t).upos == "CCONJ") ++t;
    if (lower_[static_cast<std::size_t>(t)] != "as" || h.first - t > 8) return {kNone, kNone};
    for (std::int32_t k = t + 1; k < h.first; ++k) {
      if (doc_.punct(k) || InQuote(k)) return {kNone, kNone};
    }
    // The cue's own words (an agent, a time), then the comma.
    std::int32_t comma = kNone;
    for (std::int32_t k = h.last + 1; k < end && k <= h.last + 8; ++k) {
      if (doc_.text(k) == ",") {
        comma = k;
        break;
      }
      std::string_view u = doc_.tok(k).upos;
      if (InQuote(k) || u == "VERB" || u == "AUX" || u == "SCONJ") return {kNone, kNone};
    }
    if (comma == kNone) return {kNone, kNone};
    std::int32_t hi = kNone;
    int words = 0;
    bool finite = false;
    for (std::int32_t k = comma + 1; k < end; ++k) {
      if (InQuote(k)) break;
      hi = k;
      if (!doc_.punct(k)) ++words;
      std::string_view x = doc_.tok(k).xpos;
      finite = finite || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || VerbReadAsNoun(k);
    }
    if (words < 3 || !finite) return {kNone, kNone};
    return {comma + 1, TrimTail(comma + 1, hi)};
  }

  // "It was, he said, one of his failures." / "Greensboro, X said,
  // made him question ...": a cue and its subject set between two commas
  // inside the clause they report. Returns {first word of the sentence,
  // {last word before the first comma, first word after the second}}, or
  // {kNone, ...} when the cue is not set so. The words before must not
  // read as a clause of their own (then the cue closes it, and
  // ClauseBeforeCue takes it), and the words after must go on with a verb.
  std::pair<std::int32_t, std::pair<std::int32_t, std::int32_t>> InterruptingCue(const CueHit& h) const {
    const std::pair<std::int32_t, std::pair<std::int32_t, std::int32_t>> none{kNone, {kNone, kNone}};
    if (!(h.content & kClause)) return none;
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    const std::int32_t first = static_cast<std::int32_t>(s.first_token), end = static_cast<std::int32_t>(s.end_token);
    // The subject: a few nominal words between the first comma and the cue.
    std::int32_t open = kNone;
    for (std::int32_t t = h.first - 1; t > first && t >= h.first - 8; --t) {
      if (doc_.text(t) == ",") {
        open = t;
        break;
      }
      std::string_view u = doc_.tok(t).upos;
      if (InQuote(t) || !(u == "PRON" || u == "PROPN" || u == "NOUN" || u == "DET" || u == "ADJ" || u == "PUNCT" ||
                          u == "ADP" || u == "NUM" || (u == "AUX" && t + 1 == h.first))) {
        return none;
      }
    }
    if (open == kNone || open == h.first - 1) return none;
    // The cue's own words after it (adverbs, "on Monday"), then a comma.
    std::int32_t close = kNone;
    for (std::int32_t t = h.last + 1; t < end && t <= h.last + 5; ++t) {
      if (doc_.text(t) == ",") {
        close = t;
        break;
      }
      if (InQuote(t) || !OwnWord(h, t)) return none;
    }
    if (close == kNone || close + 1 >= end) return none;
    int before = 0;
    for (std::int32_t t = first; t < open; ++t) {
      if (InQuote(t)) return none;
      before += doc_.punct(t) ? 0 : 1;
    }
    if (before == 0) return none;
    bool verb_after = false;
    for (std::int32_t t = close + 1; t < end; ++t) {
      if (InQuote(t)) return none;
      std::string_view x = doc_.tok(t).xpos;
      verb_after = verb_after || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    }
    bool verb_before = false;
    for (std::int32_t t = first; t < open; ++t) {
      std::string_view x = doc_.tok(t).xpos;
      verb_before = verb_before || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    }
    // "It was, he said, one of ..." has its verb before; "Greensboro, X
    // said, made him ..." after. A clause needs one of them.
    if (!verb_after && !verb_before) return none;
    // "The toll rose to 52, officials said on Monday, as rescuers dug":
    // a clause of time after the cue tells when it was said; the clause
    // before is whole, and the cue closes it.
    if (verb_before && TimeClauseOpens(close + 1)) return none;
    return {first, {open - 1, close + 1}};
  }

  // True if token t opens a clause of time ("as rescuers dug", "while
  // talks went on"): a subordinator of time with a subject and a verb of
  // its own after it, in t's sentence.
  bool TimeClauseOpens(std::int32_t t) const {
    const auto n = static_cast<std::int32_t>(doc_.size());
    if (t + 2 >= n || doc_.sent(t + 2) != doc_.sent(t) || doc_.tok(t).upos != "SCONJ" || InQuote(t)) return false;
    std::string_view w = lower_[static_cast<std::size_t>(t)];
    if (w != "as" && w != "while" && w != "when" && w != "after" && w != "before") return false;
    const std::int32_t v = doc_.head(t);
    return v > t && doc_.deprel(t) == "mark" &&
           (doc_.Child(v, "nsubj") != kNone || doc_.Child(v, "nsubj:pass") != kNone);
  }

  // The last word of the sentence that holds t.
  std::int32_t InterruptedClauseEnd(std::int32_t t) const {
    return static_cast<std::int32_t>(a_.sentences[doc_.sent(t)].end_token) - 1;
  }

  // True if token t opens an amount: a number, or a currency sign before
  // one ("500", "$4 billion"). "About" before an amount means roughly,
  // not the topic of speech ("agreed to rehire about 500 workers").
  bool StartsAmount(std::int32_t t) const {
    const auto n = static_cast<std::int32_t>(doc_.size());
    if (t >= n) return false;
    if (doc_.tok(t).upos == "NUM") return true;
    return doc_.tok(t).upos == "SYM" && t + 1 < n && doc_.tok(t + 1).upos == "NUM";
  }

  // True if the phrase headed by t is an amount and no more: it opens
  // with a number, a currency sign or a currency code before one ("EUR 2.5
  // million in aid", "3 million francs") and holds no verb. Announcing or
  // appealing for a sum is an act (aid given or asked for), not reported
  // words; promising one is a pledge, and stays content.
  // bare_number: a plain number opens one too; not for a verb's object,
  // where a count announced is news told ("announced 200 job cuts"): on
  // PolNeAR dev, content F1 drops when bare numbers count.
  bool AmountPhrase(std::int32_t t, bool bare_number) const {
    auto [lo, hi] = doc_.Subtree(t);
    for (std::int32_t k = lo; k <= hi; ++k) {
      if (doc_.tok(k).upos == "VERB" || doc_.tok(k).upos == "AUX") return false;
    }
    // "for 2 million": past the preposition and any determiner.
    while (lo < hi && (doc_.deprel(lo) == "case" || doc_.deprel(lo) == "det")) ++lo;
    if (StartsAmount(lo) && (bare_number || doc_.tok(lo).upos != "NUM")) return true;
    std::string_view w = doc_.text(lo);
    return lo < hi && doc_.tok(lo + 1).upos == "NUM" && w.size() == 3 &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }

  // "bragged about X", "wrote at length about X", "talked openly on
  // social media about X": the topic of speech, an oblique the cue
  // governs that opens with "about" after it, or an "about" phrase a parse
  // hung on the noun of such an oblique before it ("at length about X").
  // kNone when there is none.
  std::int32_t AboutObject(const CueHit& h) const {
    auto about = [&](std::int32_t c) {
      std::int32_t cs = doc_.Child(c, "case");
      return cs != kNone && lower_[static_cast<std::size_t>(cs)] == "about" && doc_.Subtree(c).first == cs &&
             !StartsAmount(cs + 1);
    };
    std::int32_t found = kNone;
    doc_.EachChild(h.first, [&](std::int32_t c) {
      if (found != kNone || c <= h.last || !StartsWith(doc_.deprel(c), "obl") || InQuote(c)) return;
      if (about(c)) {
        found = c;
        return;
      }
      doc_.EachChild(c, [&](std::int32_t n) {
        if (found == kNone && n > c && doc_.deprel(n) == "nmod" && !InQuote(n) && about(n)) found = n;
      });
    });
    return found;
  }

  // True if nothing but the cue's own words (its subject, adverbs,
  // punctuation) follows it in its sentence: "..., the minister said."
  // A phrase the parse hung on the cue through a punctuation mark or as
  // an apposition of the verb ("It was, she said, the hardest part":
  // "part" under the comma after "said") is no word of the cue's: no word
  // hangs from punctuation, and a verb has no apposition.
  // "The union proposed a levy" with "proposed" tagged a participle: a
  // participle with a subject of its own and no auxiliary is no
  // participle but a past tense (the two forms are one word).
  bool PastTaggedParticiple(std::int32_t t) const {
    return doc_.tok(t).xpos == "VBN" && doc_.Child(t, "nsubj") != kNone && doc_.Child(t, "aux") == kNone &&
           doc_.Child(t, "aux:pass") == kNone;
  }

  bool EndsClause(const CueHit& h) const {
    auto [lo, hi] = doc_.Subtree(h.first);
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    for (std::int32_t t = hi + 1; t < static_cast<std::int32_t>(s.end_token); ++t) {
      if (!doc_.punct(t)) return false;
    }
    for (std::int32_t t = h.last + 1; t <= hi; ++t) {
      if (doc_.punct(t)) continue;
      for (std::int32_t x = t; x != kNone && x != h.first; x = doc_.head(x)) {
        const std::int32_t hd = doc_.head(x);
        if ((hd != h.first && hd != kNone && doc_.punct(hd)) || (hd == h.first && doc_.deprel(x) == "appos")) {
          return false;
        }
      }
    }
    return lo > static_cast<std::int32_t>(s.first_token) && doc_.punct(lo - 1);
  }

  // The words after a clause cue, read off the surface: an optional
  // "that" (and for "told", the hearer before it), then a clause of at
  // least three words with a verb, to the end of the sentence or the
  // next quotation mark. {kNone, kNone} when there is none.
  std::pair<std::int32_t, std::int32_t> SurfaceClause(const CueHit& h) const {
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    const std::int32_t end = static_cast<std::int32_t>(s.end_token);
    std::int32_t t = h.last + 1;
    // The cue's own words first: "said in a statement on Friday (that)",
    // "told the crowd (that)".
    while (t < end && (doc_.punct(t) || OwnWord(h, t)) && !InQuote(t) && lower_[static_cast<std::size_t>(t)] != "that" &&
           !ExistentialThere(t)) {
      ++t;
    }
    bool that = false;
    for (std::int32_t k = t; k < end && k <= t + 4; ++k) {
      if (lower_[static_cast<std::size_t>(k)] == "that") {
        t = k + 1;
        that = true;
        break;
      }
    }
    // A clause starts with its subject (or a fronted adverbial clause
    // marker), never with a preposition or "to", unless "that" opens it
    // ("that helping them was hard"); and the cue must be a finite verb
    // or "saying", not a passive participle ("briefed on the talks", "was
    // reported near the town").
    if (t >= end || doc_.punct(t)) return {kNone, kNone};
    // "agreed to a truce next month, diplomats said on Tuesday": a
    // clause that is a subject and a cue of saying is the
    // sentence's own attribution, not what this cue reports.
    if (!that && StartsWith(doc_.deprel(t), "nsubj")) {
      const std::int32_t v = doc_.head(t);
      if (v != kNone && v > t && v <= t + 4 && IsSpeechCue(v)) return {kNone, kNone};
    }
    std::string_view first_pos = doc_.tok(t).upos;
    // A gerund may be the clause's subject ("said rebuilding it would take
    // years"), when a finite verb follows before any comma or clause of
    // its own ("kept building roads when ..." is a chain of verbs); a
    // gerund of saying is the source's next act ("responded saying X").
    bool gerund = false;
    if (doc_.tok(t).xpos == "VBG" && !that && !IsSpeechCue(t)) {
      for (std::int32_t k = t + 1; k < end && k <= t + 8 && !InQuote(k) && doc_.text(k) != ","; ++k) {
        std::string_view w = lower_[static_cast<std::size_t>(k)];
        if (doc_.tok(k).upos == "SCONJ" || w == "that" || w == "which" || w == "who" || IsWhWord(w) || w == "after" ||
            w == "before" || w == "until") {
          break;
        }
        std::string_view x = doc_.tok(k).xpos;
        if (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") {
          gerund = true;
          break;
        }
      }
    }
    // "said there was ...", and an adverb on the subject's first word
    // ("said nearly every donor ...", "about half of them").
    const bool opens = ExistentialThere(t) || (first_pos == "ADV" && QuantifiesNext(t));
    if (!that && !gerund && !opens &&
        !(first_pos == "PRON" || first_pos == "DET" || first_pos == "PROPN" || first_pos == "NOUN" ||
          first_pos == "NUM" || first_pos == "SCONJ" || first_pos == "ADJ")) {
      return {kNone, kNone};
    }
    if (that && (first_pos == "ADP" || lower_[static_cast<std::size_t>(t)] == "to")) return {kNone, kNone};
    std::string_view cue_tag = doc_.tok(h.first).xpos;
    bool has_aux = doc_.Child(h.first, "aux") != kNone && doc_.Child(h.first, "aux:pass") == kNone;
    if (!h.by_context && !(cue_tag == "VBD" || cue_tag == "VBZ" || cue_tag == "VBP" || cue_tag == "VBG" ||
                           (cue_tag == "VBN" && has_aux))) {
      return {kNone, kNone};
    }
    std::int32_t hi = t - 1;
    int words = 0;
    bool finite = false;
    for (std::int32_t k = t; k < end; ++k) {
      if (InQuote(k)) break;
      // Another act of speech set off from this one ("..., and X said")
      // ends it; a cue inside the clause ("she did feel") does not.
      if (IsSpeechCue(k) && k > t && (doc_.punct(k - 1) || doc_.tok(k - 1).upos == "CCONJ")) break;
      // "Asked if X, the senator said Y": so does a comma before a source and
      // its own cue.
      if (k > t && doc_.text(k) == "," && SourceAndCueFollow(k)) break;
      hi = k;
      if (!doc_.punct(k)) ++words;
      std::string_view x = doc_.tok(k).xpos;
      finite = finite || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || VerbReadAsNoun(k);
    }
    // Taggers often take a clause's verb for a plural noun ("the new rule
    // hurts small farms"); a cue that never reports a bare noun phrase
    // ("say", not "announce") vouches for a longer clause without one.
    if (words < 3 || (!finite && (words < 5 || (h.content & kObject)))) return {kNone, kNone};
    // Nor, for a cue that also names an act (cues.tsv "act"), when the
    // parse read those words as its object: a noun phrase with no verb
    // ("declared a state of emergency") is what was done, not said. Not
    // for every cue: PolNeAR counts such phrases after most of them.
    if (!finite && (h.content & kAct)) {
      const std::int32_t o = doc_.Child(h.first, "obj");
      if (o != kNone && o >= t && o <= hi && !VerbReadAsNoun(o)) return {kNone, kNone};
    }
    return {t, hi};
  }

  // A word standing for a clause right after a cue that allows it
  // (cues.tsv content 'proform'): "half said so in May", "everyone but
  // one said yes", "said no to the war", "64 percent say the same of X",
  // "24 percent said otherwise". Not "said no one came" or "said so
  // many things": the word must end the phrase, or "to" (after "yes" and
  // "no") or "of", "about", "for" (after "the same", "the opposite") must
  // follow, whose phrase runs to the next comma or the sentence end.
  std::pair<std::int32_t, std::int32_t> ProForm(const CueHit& h) const {
    if (!(h.content & kProForm) || h.nominal || h.phrase || h.colon) return {kNone, kNone};
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(h.first)].end_token);
    std::int32_t t = h.last + 1;
    if (t >= end || InQuote(t)) return {kNone, kNone};
    std::string_view w = lower_[static_cast<std::size_t>(t)];
    std::int32_t last = t;
    std::string_view links;
    if (w == "the" && t + 1 < end && (lower_[static_cast<std::size_t>(t + 1)] == "same" ||
                                      lower_[static_cast<std::size_t>(t + 1)] == "opposite")) {
      last = t + 1;
      links = "of about for";
    } else if (w == "no" || w == "yes") {
      links = "to";
    } else if (w != "so" && w != "otherwise") {
      return {kNone, kNone};
    }
    if (last + 1 >= end || doc_.punct(last + 1)) return {t, last};
    std::string_view next = lower_[static_cast<std::size_t>(last + 1)];
    bool linked = false;
    for (std::size_t at = 0; !links.empty() && at < links.size();) {
      std::size_t sp = links.find(' ', at);
      if (sp == std::string_view::npos) sp = links.size();
      linked = linked || links.substr(at, sp - at) == next;
      at = sp + 1;
    }
    if (!linked) {
      // "said so in May", "said no on Friday": a preposition after the
      // word opens the reporter's adjunct; anything else ("no one", "so
      // many") makes the word part of a phrase.
      return doc_.tok(last + 1).upos == "ADP" && next != "that" ? std::pair{t, last} : std::pair{kNone, kNone};
    }
    std::int32_t hi = last + 1;
    for (std::int32_t k = last + 2; k < end && !InQuote(k) && doc_.text(k) != ","; ++k) {
      if (!doc_.punct(k)) hi = k;
    }
    return hi > last + 1 ? std::pair{t, hi} : std::pair{kNone, kNone};
  }

  // "a letter that she said was drafted by the firm", "a trader who
  // officials say is tied to the navy", "what he said were failures": the
  // relative word is the reported clause's subject, so a finite verb
  // follows the cue at once. The content is that verb's phrase, to the
  // next comma, colon, dash, quotation or the sentence end; parsers rarely
  // give it to the cue.
  std::pair<std::int32_t, std::int32_t> RelativeClauseCue(const CueHit& h) const {
    if (!(h.content & kClause) || h.nominal || h.phrase || h.colon) return {kNone, kNone};
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    const std::int32_t first = static_cast<std::int32_t>(s.first_token), end = static_cast<std::int32_t>(s.end_token);
    std::string_view cue_tag = doc_.tok(h.first).xpos;
    if (!(cue_tag == "VBD" || cue_tag == "VBZ" || cue_tag == "VBP")) return {kNone, kNone};
    // The cue's subject: one to four words of a noun phrase (or a
    // pronoun) right after the relative word.
    std::int32_t r = h.first - 1;
    while (r >= first && h.first - r <= 4) {
      std::string_view u = doc_.tok(r).upos;
      if (!(u == "PRON" || u == "DET" || u == "PROPN" || u == "NOUN" || u == "ADJ" || u == "NUM") ||
          (doc_.tok(r).xpos == "WDT" || doc_.tok(r).xpos == "WP") || InQuote(r)) {
        break;
      }
      --r;
    }
    if (r < first || r == h.first - 1 || InQuote(r)) return {kNone, kNone};
    std::string_view w = lower_[static_cast<std::size_t>(r)];
    if (!(w == "which" || w == "that" || w == "who" || w == "whom" || w == "what")) return {kNone, kNone};
    // A relative clause on the sentence's subject is followed by the main
    // verb ("The letter that she wrote was long", "What he said was
    // true"): a finite verb must come before it.
    bool verb_before = false;
    for (std::int32_t k = first; k < r && !verb_before; ++k) verb_before = !InQuote(k) && IsFinite(k);
    if (!verb_before) return {kNone, kNone};
    std::int32_t t = h.last + 1;
    if (t >= end || InQuote(t)) return {kNone, kNone};
    std::string_view x = doc_.tok(t).xpos;
    if (!(x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD")) return {kNone, kNone};
    std::int32_t hi = t;
    int words = 0;
    for (std::int32_t k = t; k < end; ++k) {
      std::string_view tx = doc_.text(k);
      if (InQuote(k) || tx == "," || tx == ";" || tx == ":" || tx == "(" || tx == "\xE2\x80\x94" ||
          tx == "\xE2\x80\x93" || tx == "-" || tx == "--") {
        break;
      }
      if (!doc_.punct(k)) {
        hi = k;
        ++words;
      }
    }
    if (words < 2) return {kNone, kNone};
    return {t, hi};
  }

  // True if t is "there" before a form of "be" or a modal ("there is",
  // "there could be"): the opening of a clause, not an adverb of place.
  bool ExistentialThere(std::int32_t t) const {
    if (lower_[static_cast<std::size_t>(t)] != "there" || t + 1 >= static_cast<std::int32_t>(doc_.size())) return false;
    std::int32_t k = t + 1;
    if (doc_.tok(k).upos == "ADV" && k + 1 < static_cast<std::int32_t>(doc_.size())) ++k;
    std::string_view l = doc_.tok(k).lemma;
    return l == "be" || doc_.tok(k).xpos == "MD" || (l == "have" && doc_.tok(k).upos == "AUX");
  }

  // True if adverb t modifies the nominal right after it (a determiner,
  // number or noun it heads toward): "nearly every", "about half".
  bool QuantifiesNext(std::int32_t t) const {
    std::int32_t hd = doc_.head(t);
    if (hd == kNone || hd <= t || hd > t + 3) return false;
    std::string_view u = doc_.tok(hd).upos;
    std::string_view n = doc_.tok(t + 1).upos;
    return (u == "NOUN" || u == "NUM" || u == "DET" || u == "PRON") &&
           (n == "DET" || n == "NUM" || n == "NOUN" || n == "ADJ" || n == "PRON");
  }

  // True if the words after the comma at k are a subject and the cue of
  // speech it is the subject of ("..., the senator said").
  bool SourceAndCueFollow(std::int32_t k) const {
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(k)].end_token);
    for (std::int32_t j = k + 2; j < end && j <= k + 7; ++j) {
      if (!IsSpeechCue(j)) continue;
      std::int32_t subj = doc_.Child(j, "nsubj");
      return subj != kNone && subj < j && doc_.Subtree(subj).first == k + 1 && doc_.Subtree(subj).second == j - 1;
    }
    return false;
  }

  // True if s, a subject the cue governs after it, is the reported
  // clause's subject the parser hung on the cue: the cue has its own
  // subject before it, and s carries a finite verb ("X, a senator, said
  // the group's budget was cut": the parse may make "budget" a second
  // subject of "said", with "was cut" below it). An inverted cue's
  // subject ("..., said Jane Doe, a lawyer") has no verb of its own.
  bool SecondSubject(const CueHit& h, std::int32_t s) const {
    if (s <= h.last) return false;
    bool before = false;
    doc_.EachChild(h.first, [&](std::int32_t c) {
      before = before || (c < h.first && StartsWith(doc_.deprel(c), "nsubj") && !InQuote(c));
    });
    if (!before) return false;
    // The verb must be the clause's, not that of a relative clause or an
    // apposition describing an inverted cue's subject ("..., said Jane
    // Doe, who chairs the board").
    bool finite = false;
    std::vector<std::int32_t> stack{s};
    while (!stack.empty() && !finite) {
      std::int32_t x = stack.back();
      stack.pop_back();
      std::string_view xp = doc_.tok(x).xpos;
      finite = !InQuote(x) && (xp == "VBD" || xp == "VBZ" || xp == "VBP" || xp == "MD");
      doc_.EachChild(x, [&](std::int32_t c) {
        std::string_view r = doc_.deprel(c);
        if (!StartsWith(r, "acl") && r != "appos" && r != "parataxis") stack.push_back(c);
      });
    }
    return finite;
  }

  // True if t hangs from the cue (within a few steps) by a relation that
  // is not a complement: its hearer, adverbs, time and place. Not a
  // subject: after the cue a second "subject" is most often the reported
  // clause's, misattached.
  bool OwnWord(const CueHit& h, std::int32_t t) const {
    for (int k = 0; k < 6 && t != kNone; ++k) {
      // "said in a statement on Friday the border would stay closed"
      // parsed with the clause as a relative clause of "statement": a
      // relative clause with a subject of its own and no relative word
      // is the reported clause, not the cue's.
      if (doc_.deprel(t) == "acl:relcl" && ZeroRelativeWithSubject(t)) return false;
      std::int32_t hd = doc_.head(t);
      if (hd == h.first) {
        std::string_view r = doc_.deprel(t);
        return r == "iobj" || StartsWith(r, "obl") || r == "advmod" || StartsWith(r, "aux") ||
               r == "punct" || r == "cc" || r == "discourse" || r == "expl";
      }
      t = hd;
    }
    return false;
  }

  // "said the turnout rose sharply" with "rose" tagged as a noun: a noun
  // right after another noun of its phrase that takes a manner adverb in
  // "-ly" right after it is a verb; nouns take no such adverb.
  bool VerbReadAsNoun(std::int32_t k) const {
    const std::int32_t next = k + 1;
    if (doc_.tok(k).upos != "NOUN" || next >= static_cast<std::int32_t>(doc_.size()) || doc_.sent(next) != doc_.sent(k) ||
        k == 0 || doc_.tok(k - 1).upos != "NOUN" || doc_.tok(next).xpos != "RB" || doc_.head(next) != k) {
      return false;
    }
    const std::string_view adv = lower_[static_cast<std::size_t>(next)];
    return adv.size() > 4 && adv.substr(adv.size() - 2) == "ly";
  }

  bool ZeroRelativeWithSubject(std::int32_t v) const {
    bool subject = false, relative = false;
    doc_.EachChild(v, [&](std::int32_t c) {
      const std::string_view w = lower_[static_cast<std::size_t>(c)];
      relative = relative || IsRelativePronoun(w) || w == "whom" || w == "whose" || w == "where" || w == "when";
      subject = subject || (StartsWith(doc_.deprel(c), "nsubj") && doc_.Child(c, "det") != kNone);
    });
    return subject && !relative;
  }

  // The tokens a complement reports: its subtree, without a conjoined
  // clause that is an attribution of its own ("she respects X but argues
  // that Y").
  std::pair<std::int32_t, std::int32_t> Content(std::int32_t ch) const {
    std::int32_t lo = ch, hi = ch;
    std::vector<std::int32_t> stack{ch};
    while (!stack.empty()) {
      std::int32_t x = stack.back();
      stack.pop_back();
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      doc_.EachChild(x, [&](std::int32_t c) {
        std::string_view r = doc_.deprel(c);
        // A clause joined below the content root that holds a cue of
        // speech is an attribution of its own ("who said A, said B";
        // "says A but argues B"; "said A, but X did not say when").
        if ((r == "conj" || r == "parataxis") && IsSpeechCue(c)) return;
        // "said A, and B did C" / "..., but X did not say when": a clause
        // with its own subject after a comma and a coordinator is the
        // reporter's next statement.
        if (r == "conj" && c > x && doc_.Child(c, "nsubj") != kNone && SetOffByComma(c)) return;
        // "..., saying X" / "..., referring to Y": the source's next act of
        // speech, an attribution of its own.
        // Whatever the parse hung it on as ("acl:relcl" on a noun, too).
        if (IsSpeechCue(c) && doc_.tok(c).xpos == "VBG" && c > x && doc_.text(c - 1) == ",") return;
        // A comment set off after a noun ("..., Eric Fanning, who was his
        // chief of staff"; "the ban, a plan he has since changed") is the
        // reporter's background, not the claim.
        if (r == "acl:relcl" && c > x && SetOffByComma(c)) {
          return;
        }
        stack.push_back(c);
      });
    }
    return {lo, hi};
  }

  // True if the subtree of t opens with a comma, or follows one.
  bool SetOffByComma(std::int32_t t) const {
    std::int32_t first = doc_.Subtree(t).first;
    return doc_.text(first) == "," || (first > 0 && doc_.text(first - 1) == ",");
  }

  bool IsSpeechCue(std::int32_t t) const {
    std::int32_t cue = cue_of_[static_cast<std::size_t>(t)];
    return cue != kNone && cues_[static_cast<std::size_t>(cue)].type == CueType::kSpeech;
  }

  // True if the subtree of t holds a cue of speech.
  bool HoldsSpeechCue(std::int32_t t) const {
    auto [lo, hi] = doc_.Subtree(t);
    for (std::int32_t k = lo; k <= hi; ++k) {
      std::int32_t cue = cue_of_[static_cast<std::size_t>(k)];
      if (cue != kNone && cues_[static_cast<std::size_t>(cue)].type == CueType::kSpeech && doc_.Dominates(t, k, 8)) {
        return true;
      }
      if (k == t && cue != kNone && cues_[static_cast<std::size_t>(cue)].type == CueType::kSpeech) return true;
    }
    return false;
  }

  // The byte span of tokens [lo, hi] without edge punctuation, and without
  // a leading complementiser ("that") when drop_mark is set.
  ByteSpan Span(std::int32_t lo, std::int32_t hi, bool drop_mark) const {
    while (lo <= hi) {
      std::string_view l = lower_[static_cast<std::size_t>(lo)];
      bool mark = drop_mark && doc_.deprel(lo) == "mark" && (l == "that");
      // A currency sign is part of the amount it opens ("$4 billion").
      bool edge_punct = doc_.punct(lo) && !IsQuoteMark(doc_.text(lo)) && !(lo < hi && StartsAmount(lo));
      if (!mark && !edge_punct) break;
      ++lo;
    }
    while (hi >= lo && doc_.punct(hi) && !IsQuoteMark(doc_.text(hi))) --hi;
    if (hi < lo) return {0, 0};
    return {doc_.tok(lo).begin, doc_.tok(hi).end};
  }

  static bool IsWhWord(std::string_view w) {
    return w == "how" || w == "what" || w == "why" || w == "where" || w == "when" || w == "who" || w == "whom";
  }

  static bool IsPossessive(std::string_view s) { return s == "'s" || s == "\xE2\x80\x99s" || s == "'" || s == "\xE2\x80\x99"; }

  static bool IsQuoteMark(std::string_view s) {
    return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x98" || s == "\xE2\x80\x99" ||
           s == "\xC2\xAB" || s == "\xC2\xBB" || s == "\xE2\x80\x9E" || s == "'" || s == "''" || s == "``";
  }

  void SetCue(const CueHit& h, Quote* q) const {
    q->cue = {doc_.tok(h.first).begin, doc_.tok(h.last).end};
    q->cue_text = Lower(a_.Text(q->cue));
  }

  // ---- speakers ----
  static bool IsRelativePronoun(std::string_view w) { return w == "who" || w == "which" || w == "that"; }

  // The token naming the source of cue h, or kNone. The subject of the
  // cue (or of the verb it hangs from), the agent of a passive cue, the
  // antecedent of "who"; when the parse gives none, the name or noun
  // right before the cue, then a noun at the root of the sentence.
  std::int32_t SourceToken(const CueHit& h) const {
    if (h.nominal) {
      // "his claim", "Kessar's calls for": the possessor; else the subject
      // of the verb the noun is the object of ("She repeated her call").
      std::int32_t poss = doc_.Child(h.first, "nmod:poss");
      // "X, whose appeal for ...": the relative possessor stands for the
      // noun it follows, the clause's antecedent; none there, no source.
      if (poss != kNone && lower_[static_cast<std::size_t>(poss)] == "whose") return WhoseAntecedent(poss);
      if (poss != kNone) return poss;
      std::int32_t v = doc_.head(h.first);
      if (v != kNone && doc_.deprel(h.first) == "obj") {
        std::int32_t subj = doc_.Child(v, "nsubj");
        if (subj != kNone) return subj;
      }
      return kNone;
    }
    if (h.colon) {
      // The word before the colon whose head lies outside the phrase.
      std::int32_t first = h.first;
      while (first > 0 && doc_.para(first - 1) == doc_.para(h.first)) --first;
      for (std::int32_t t = first; t < h.first; ++t) {
        std::int32_t hd = doc_.head(t);
        if (!doc_.punct(t) && (hd == kNone || hd < first || hd >= h.first)) return t;
      }
      return kNone;
    }
    if (h.phrase) {
      // The phrase's object: the word of it whose head lies outside it.
      auto [xlo, xhi] = PhraseObject(h);
      if (xlo == kNone) return kNone;
      for (std::int32_t t = xlo; t <= xhi; ++t) {
        std::int32_t hd = doc_.head(t);
        if (!doc_.punct(t) && (hd == kNone || hd < xlo || hd > xhi)) return t;
      }
      return xhi;
    }
    // "X was quoted (by state media) as saying ...", read on the surface:
    // parsers hang the gerund anywhere. The passive subject is the source.
    if (h.first > 1 && doc_.tok(h.first).xpos == "VBG" && lower_[static_cast<std::size_t>(h.first - 1)] == "as") {
      const std::uint32_t s0 = a_.sentences[doc_.sent(h.first)].first_token;
      for (std::int32_t k = h.first - 2; k >= static_cast<std::int32_t>(s0) && k + 8 >= h.first; --k) {
        if (doc_.tok(k).xpos != "VBN") continue;
        const std::string_view lemma = doc_.tok(k).lemma;
        if (lemma != "quote" && lemma != "cite" && lemma != "report") break;
        const std::int32_t pass = doc_.Child(k, "nsubj:pass");
        if (pass != kNone && !InQuote(pass)) return pass;
        break;
      }
    }
    std::int32_t v = h.first;
    // An infinitive shares its subject with the verb it completes, so
    // climbing out of one ("urged X to refuse to hand over Y, arguing
    // that ...") costs no step of the three.
    int infinitives = 0;
    // Reached by climbing out of an infinitive: the passive subject of a
    // verb of report is the infinitive's ("X is reported to have called Y
    // 'free riders'", "X was forced to say").
    bool via_infinitive = false;
    for (int climb = 0; climb < 3 && v != kNone; ++climb) {
      // Of two subjects the parser gave one verb ("UN human rights chief
      // Volker Türk said", "..., on Sunday, residents said"), the one next
      // to the verb is the speaker; one with a preposition is no subject.
      std::int32_t subj = kNone;
      doc_.EachChild(v, [&](std::int32_t c) {
        std::string_view r = doc_.deprel(c);
        if (r != "nsubj" && r != "csubj" && !(via_infinitive && r == "nsubj:pass")) return;
        if (doc_.Child(c, "case") != kNone) return;
        // "Judge X of the Lenhall Justices' Court said", parsed with the
        // court's last word as a second subject: a name whose first words
        // the parse hung on another subject of the verb belongs to that
        // subject's phrase ("of the ..."), and speaks for no one.
        if (const std::int32_t m = doc_.mention(c); m != kNone) {
          const std::int32_t first = doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].begin);
          for (std::int32_t k = first; k >= 0 && k < c; ++k) {
            std::int32_t up = k;
            for (int step = 0; step < 6 && up != kNone && up != c && doc_.head(up) != v; ++step) up = doc_.head(up);
            if (up != kNone && up != c && doc_.head(up) == v && StartsWith(doc_.deprel(up), "nsubj")) return;
          }
        }
        if (subj == kNone) {
          subj = c;
          return;
        }
        // "The ministers of France and Germany welcomed": a conjunction
        // between them says the later one is a conjunct the parser misread.
        const std::int32_t before_c = doc_.Subtree(c).first - 1;
        const bool conjoined = before_c > subj && doc_.tok(before_c).upos == "CCONJ" && !InQuote(before_c);
        if (c < v && c > subj && !conjoined) subj = c;
      });
      if (subj != kNone && InQuote(subj)) break;  // a parse that runs into the quote
      if (subj != kNone) {
        // "X, who said": the relative clause's antecedent, which is the
        // head of the clause or, when the parse attached the clause
        // elsewhere, the noun just before "who".
        if (IsRelativePronoun(lower_[static_cast<std::size_t>(subj)])) {
          std::int32_t ante = doc_.deprel(v) == "acl:relcl" && doc_.head(v) != kNone ? doc_.head(v) : NounBefore(subj);
          // "who" names a person: "the verdict of one ambassador on the
          // talks, who told ..." is the ambassador's, not the talks' nor
          // the verdict's, whichever noun the parse hung the clause on.
          if (lower_[static_cast<std::size_t>(subj)] == "who") {
            ante = PersonAbove(ante);
            if (const std::int32_t near = PersonAbove(NounBefore(subj)); near != kNone && near != ante &&
                near > ante && IsPerson(near) && !IsPerson(ante)) {
              ante = near;
            }
          }
          return ante;
        }
        // "X who followed the talks said": a parse that makes "the talks"
        // the subject has the cue conjoined to the relative clause (or
        // hung on it as a second clause: "X, who asked not to be named,
        // said the observers' language was ..."); the source is the
        // clause's antecedent.
        if (doc_.deprel(v) == "conj" || doc_.deprel(v) == "parataxis") {
          std::int32_t rel = doc_.head(v);
          if (rel != kNone && doc_.deprel(rel) == "acl:relcl" && rel < subj && doc_.head(rel) != kNone) {
            std::int32_t who = doc_.Child(rel, "nsubj");
            if (who != kNone && IsRelativePronoun(lower_[static_cast<std::size_t>(who)])) return doc_.head(rel);
          }
        }
        return subj;
      }
      std::int32_t agent = doc_.Child(v, "obl:agent");
      if (agent != kNone) return agent;
      std::string_view r = doc_.deprel(v);
      // "..., saying that", "declined to say", "smiled and said": the
      // subject is the governing verb's.
      // "continued by saying": a gerund in an oblique, too.
      if (r == "advcl" || r == "xcomp" || r == "conj" || r == "ccomp" || r == "parataxis" ||
          (StartsWith(r, "obl") && doc_.tok(v).xpos == "VBG")) {
        std::int32_t up = doc_.head(v);
        // “... by the summer,” referring to X, with the participle hung
        // on a verb inside the quote: the speaker is that of the verb
        // the quote hangs from, outside it.
        if (v == h.first && doc_.tok(v).xpos == "VBG" && up != kNone && InQuote(up)) {
          for (int k = 0; k < 4 && up != kNone && (InQuote(up) || doc_.tok(up).upos != "VERB"); ++k) up = doc_.head(up);
          if (up == kNone || InQuote(up)) break;
        }
        // "X accused Y of breaking the truce within hours of it taking
        // hold, saying ...": a participle of saying hung on a gerund that
        // only qualifies a noun reports the subject of the finite verb above.
        if (r == "advcl" && v == h.first && doc_.tok(v).xpos == "VBG" && up != kNone &&
            doc_.tok(up).xpos == "VBG" && doc_.deprel(up) == "acl") {
          std::int32_t f = doc_.head(up);
          for (int k = 0; k < 6 && f != kNone && !IsFinite(f); ++k) f = doc_.head(f);
          if (f != kNone && !InQuote(f)) up = f;
        }
        // "X insists it has no plans to invade and accuses Y": a finite
        // verb the parser conjoined to an infinitive shares the subject of
        // the nearest finite verb above it.
        if (r == "conj" && up != kNone && IsFinite(v) && !IsFinite(up)) {
          std::int32_t f = doc_.head(up);
          for (int k = 0; k < 4 && f != kNone && !IsFinite(f); ++k) f = doc_.head(f);
          if (f != kNone && !InQuote(f)) up = f;
        }
        // "X said Malaysia \"regretted the loss\" but insisted that ...": a
        // verb conjoined to the fragment of a mixed quote is more of what
        // X said; the source is that of the cue the fragment reports.
        if (r == "conj" && up != kNone && InQuote(up) && !InQuote(v) && doc_.deprel(up) == "ccomp") {
          const std::int32_t outer = doc_.head(up);
          if (outer != kNone && !InQuote(outer) && IsSpeechCue(outer)) {
            v = outer;
            continue;
          }
        }
        if (up != kNone && !InQuote(up) &&
            (doc_.tok(up).upos == "VERB" || doc_.tok(up).upos == "AUX" || doc_.tok(up).upos == "ADJ")) {
          if (r == "xcomp" && v != h.first && infinitives < 3) {
            ++infinitives;
            --climb;
          }
          via_infinitive = r == "xcomp";
          v = up;
          continue;
        }
        break;
      }
      if (r == "acl") {
        std::int32_t owner = doc_.head(v);
        if (owner != kNone) {
          // "Tessary's interior minister, Ana Quessel, refused ..., saying":
          // the title's appositive name, not the title's country, spoke.
          const std::int32_t named = doc_.Child(owner, "appos");
          if (named != kNone && named < v && !InQuote(named) && IsPerson(named)) return named;
          std::int32_t poss = doc_.Child(owner, "nmod:poss");
          if (poss != kNone) return poss;
          // "Captain X of the fire brigade told Y that": a finite verb
          // modifies no noun; the parse hung the cue on the last noun of
          // the subject, whose head, above its prepositions, is the source.
          if (v == h.first && IsFinite(v) && !InQuote(owner) && StartsWith(doc_.deprel(owner), "nmod") &&
              doc_.Child(owner, "case") != kNone) {
            std::int32_t top = owner;
            while (top != kNone && StartsWith(doc_.deprel(top), "nmod") && doc_.Child(top, "case") != kNone) {
              top = doc_.head(top);
            }
            if (top != kNone && top < owner && !InQuote(top) &&
                (doc_.tok(top).upos == "PROPN" || doc_.tok(top).upos == "NOUN")) {
              return top;
            }
          }
        }
      }
      break;
    }
    // "The port's chief executive, X, called the strike ... and said":
    // a parse that made the subject noun phrase the root, with the verbs
    // conjoined to it. The phrase before them is the subject.
    if (v != h.first && v != kNone && v < h.first && doc_.head(v) == kNone &&
        (doc_.tok(v).upos == "NOUN" || doc_.tok(v).upos == "PROPN" ||
         (doc_.tok(v).upos == "ADJ" && (doc_.Child(v, "appos") != kNone || doc_.Child(v, "nmod:poss") != kNone)))) {
      return v;
    }
    // “...,” said former Governor X: the parse lost the inverted subject.
    if (std::int32_t t = SubjectAfterQuote(h); t != kNone) return t;
    // The parse found no subject, but a noun phrase the cue governs runs
    // up to it ("One observer, who spoke on condition of anonymity, said"
    // with the phrase taken for a complement): that phrase is the subject.
    {
      std::int32_t found = kNone;
      doc_.EachChild(h.first, [&](std::int32_t c) {
        if (found != kNone || c >= h.first || InQuote(c)) return;
        std::string_view u = doc_.tok(c).upos;
        if (u != "NOUN" && u != "PROPN") return;
        // Not a time, place or medium ("on Tuesday", "in a letter").
        std::string_view r = doc_.deprel(c);
        if (StartsWith(r, "obl") || StartsWith(r, "nmod") || r == "advmod" || doc_.Child(c, "case") != kNone ||
            in_time_[static_cast<std::size_t>(c)]) {
          return;
        }
        std::int32_t end = doc_.Subtree(c).second;
        while (end > c && doc_.punct(end)) --end;
        std::int32_t gap = end + 1;
        while (gap < h.first && doc_.punct(gap)) ++gap;
        if (gap == h.first) found = c;
      });
      if (found != kNone) return found;
    }
    // The name or noun just before the cue.
    const Sentence& sent = a_.sentences[doc_.sent(h.first)];
    if (std::int32_t t = NounBefore(h.first); t != kNone) return t;
    std::int32_t root = kNone;
    for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
      if (doc_.head(static_cast<std::int32_t>(t)) == kNone) root = static_cast<std::int32_t>(t);
    }
    if (root != kNone && root < h.first && (doc_.tok(root).upos == "NOUN" || doc_.tok(root).upos == "PROPN")) {
      return root;
    }
    return kNone;
  }

  // The subject of a cue that follows a closing quotation mark and comes
  // before its subject (“...,” said former Governor X): the first name in
  // the words right after the cue (titles and adjectives may lead), else
  // the last noun of them. kNone when the cue is not placed so.
  std::int32_t SubjectAfterQuote(const CueHit& h) const {
    std::int32_t before = h.first - 1;
    while (before >= 0 && doc_.text(before) == ",") --before;
    if (before < 0 || !InQuote(before) || InQuote(h.first)) return kNone;
    // “...,” referring to X: a participle's subject never follows it.
    if (doc_.tok(h.first).xpos == "VBG") return kNone;
    const std::int32_t end = static_cast<std::int32_t>(a_.sentences[doc_.sent(h.first)].end_token);
    std::int32_t hi = h.last;
    for (std::int32_t t = h.last + 1; t < end; ++t) {
      std::string_view up = doc_.tok(t).upos;
      // "said X's deputy, Y": a possessor is not the speaker; the run goes
      // on to the noun it qualifies.
      if (t > h.last + 1 && IsPossessive(doc_.text(t))) {
        hi = t;
        continue;
      }
      if (!(up == "PROPN" || up == "NOUN" || up == "ADJ" || up == "DET" || up == "NUM")) break;
      std::int32_t m = doc_.mention(t);
      if (m != kNone && (a_.mentions[static_cast<std::size_t>(m)].type == "PERSON" ||
                         a_.mentions[static_cast<std::size_t>(m)].type == "ORG")) {
        // A name followed by "'s" is a possessor: read on.
        std::int32_t after = doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].end);
        if (after < end && IsPossessive(doc_.text(after))) {
          hi = t;
          continue;
        }
        return t;
      }
      hi = t;
    }
    // No name: the word of the run that heads it ("said [one] Democrat
    // familiar with ...").
    for (std::int32_t t = h.last + 1; t <= hi; ++t) {
      std::int32_t hd = doc_.head(t);
      if (hd == kNone || hd <= h.last || hd > hi) return t;
    }
    return kNone;
  }

  // "called the plan a disgrace", "called it “a betrayal”": after a naming
  // verb's object, what it is called (a predicate, a second object or
  // quoted words). Without one the object is what was called ("called a
  // strike", "called an election"), not words of the source.
  // A participle names what it follows ("a group called the Lenhall
  // Fund"): its object is the name.
  bool NamesItsObject(const CueHit& h) const {
    if (doc_.tok(h.first).xpos == "VBN" || doc_.deprel(h.first).starts_with("acl")) return true;
    const std::int32_t obj = doc_.Child(h.first, "obj");
    bool named = false;
    doc_.EachChild(h.first, [&](std::int32_t ch) {
      std::string_view r = doc_.deprel(ch);
      named = named || (ch > obj && (r == "xcomp" || r == "obj" || r == "ccomp"));
    });
    // On the surface, whatever the parse hung where: in the object's
    // phrase, a noun right followed by "a"/"an" or by an adjective
    // ("called [the plan] a disgrace", "called [the charges] unfounded"),
    // or quoted words.
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    for (std::int32_t t = h.last + 1; !named && t + 1 < static_cast<std::int32_t>(s.end_token); ++t) {
      if (InQuote(t)) {
        named = true;
        break;
      }
      const std::string_view up = doc_.tok(t).upos;
      // Within the object's phrase: a verb or a clause's start ends it.
      if ((doc_.punct(t) && !IsPossessive(doc_.text(t))) || up == "VERB" || up == "AUX" || up == "SCONJ" ||
          lower_[static_cast<std::size_t>(t)] == "to") {
        break;
      }
      if (up != "NOUN" && up != "PROPN" && up != "PRON") continue;
      const std::string_view next = lower_[static_cast<std::size_t>(t + 1)];
      named = next == "a" || next == "an" || doc_.tok(t + 1).upos == "ADJ";
    }
    return named;
  }

  // The words after a phrase cue ("according to [a new poll by X]"): up
  // to the next comma, semicolon, dash, bracket or the sentence end.
  // {kNone, kNone} when empty.
  std::pair<std::int32_t, std::int32_t> PhraseObject(const CueHit& h) const {
    const Sentence& s = a_.sentences[doc_.sent(h.first)];
    std::int32_t lo = h.last + 1, hi = h.last;
    bool relative = false;  // "according to officials who spoke ..." describes them
    for (std::int32_t t = lo; t < static_cast<std::int32_t>(s.end_token); ++t) {
      std::string_view w = doc_.text(t);
      if (w == "," || w == ";" || w == "(" || w == ")" || w == ":" || w == "." || w == "\u2014" || w == "\u2013" ||
          w == "--" || InQuote(t)) {
        break;
      }
      // "who according to the official tally won ...": right after a
      // relative word the clause's verb is still to come, so the source
      // is a noun phrase and a tensed verb after it, with no relative word
      // between, starts the clause ("a speech she delivered" elsewhere
      // describes the source).
      const std::string_view x = doc_.tok(t).xpos;
      if (!relative && t > lo && (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") && h.first > 0 &&
          IsRelativePronoun(lower_[static_cast<std::size_t>(h.first - 1)])) {
        break;
      }
      relative = relative || IsRelativePronoun(lower_[static_cast<std::size_t>(t)]) || lower_[static_cast<std::size_t>(t)] == "that";
      hi = t;
    }
    if (hi < lo) return {kNone, kNone};
    return {lo, hi};
  }

  // The words of a relative clause opened after a comma that holds the
  // phrase cue at `cue` whose object ends at `object_end` (", who
  // according to X won ...,", ", in which Y won 51% according to X."):
  // from after the relative word to before the comma that closes it or
  // the sentence's end, or {kNone, kNone} when the cue is in none.
  std::pair<std::int32_t, std::int32_t> EnclosingRelative(std::int32_t cue, std::int32_t object_end) const {
    const Sentence& s = a_.sentences[doc_.sent(cue)];
    const auto first = static_cast<std::int32_t>(s.first_token), end = static_cast<std::int32_t>(s.end_token);
    std::int32_t rel = kNone;
    for (std::int32_t t = cue - 1; t > first && t >= cue - 30; --t) {
      // ("48.2%": a symbol is no clause boundary.)
      if (InQuote(t) || (doc_.punct(t) && doc_.tok(t).upos == "PUNCT")) return {kNone, kNone};
      if (!IsRelativePronoun(lower_[static_cast<std::size_t>(t)])) continue;
      const bool after_comma = doc_.text(t - 1) == "," ||
                               (t - 2 > first && doc_.tok(t - 1).upos == "ADP" && doc_.text(t - 2) == ",");
      if (after_comma) rel = t;
      break;
    }
    if (rel == kNone) return {kNone, kNone};
    std::int32_t last = object_end;
    for (std::int32_t t = object_end + 1; t < end; ++t) {
      if (InQuote(t)) return {kNone, kNone};
      if (doc_.text(t) == ",") break;
      if (!doc_.punct(t)) last = t;
    }
    return {rel + 1, last};
  }

  // The noun or name right before token t in its sentence, skipping
  // punctuation, adverbs, auxiliaries and relative pronouns, or kNone.
  // A relative clause set off by commas right before t is passed over
  // ("Executives for X, which earned a profit last year, say"): its last
  // noun is not the subject. A time expression never is.
  // The noun a relative "whose" at t stands for: the head of its
  // relative clause, else the noun before the comma that opens it; kNone
  // when neither is there.
  std::int32_t WhoseAntecedent(std::int32_t t) const {
    for (std::int32_t up = t, k = 0; up != kNone && k < 5; up = doc_.head(up), ++k) {
      if (doc_.deprel(up) == "acl:relcl") return doc_.head(up);
    }
    if (t > 0 && doc_.punct(t - 1)) return NounBefore(t);
    return kNone;
  }

  std::int32_t NounBefore(std::int32_t t) const {
    const Sentence& sent = a_.sentences[doc_.sent(t)];
    const std::int32_t first = static_cast<std::int32_t>(sent.first_token);
    if (t - 1 > first && doc_.text(t - 1) == ",") {
      for (std::int32_t k = t - 2; k > first && k >= t - 16; --k) {
        if (InQuote(k)) break;
        if (doc_.text(k) != ",") continue;
        std::string_view w = lower_[static_cast<std::size_t>(k + 1)];
        if (w == "which" || w == "who" || w == "whose") t = k;
        break;
      }
    }
    for (std::int32_t k = t - 1; k >= first; --k) {
      std::string_view up = doc_.tok(k).upos;
      if (doc_.punct(k) || up == "ADV" || up == "AUX" || up == "PART") continue;
      if (InQuote(k)) break;
      if (up == "PROPN" || up == "NOUN" || up == "PRON") {
        if (IsRelativePronoun(lower_[static_cast<std::size_t>(k)])) continue;
        if (in_time_[static_cast<std::size_t>(k)]) return kNone;
        return NounHead(k);
      }
      break;
    }
    return kNone;
  }

  // A name set beside the source noun before the cue: "Its finance
  // minister, X, said", "chief mediator X said". Stops at a verb.
  std::int32_t NameAfter(std::int32_t s, std::int32_t cue, bool set_off = false) const {
    std::int32_t limit = std::min<std::int32_t>(cue > s ? cue : s + 9, static_cast<std::int32_t>(a_.sentences[doc_.sent(s)].end_token));
    for (std::int32_t t = s + 1; t < limit && t <= s + 8; ++t) {
      if (InQuote(t)) break;
      std::string_view up = doc_.tok(t).upos;
      if (up == "VERB" || up == "AUX") break;
      std::int32_t m = doc_.mention(t);
      if (m != kNone && a_.mentions[static_cast<std::size_t>(m)].type == "PERSON") {
        // "residents of X", "a lawyer for X": a name after a preposition
        // is what the noun is of or for, not the noun's own name; one set
        // beside it later may still be ("a lawyer for X, Y, said"). So is
        // a role standing for a person after a preposition and its
        // determiner ("an official in the prime minister's office", "an
        // aide to the minister"): the noun's own speaker is unnamed.
        const std::int32_t first = doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].begin);
        std::int32_t before = first - 1;
        while (before > s && (doc_.tok(before).upos == "DET" || doc_.tok(before).upos == "ADJ")) --before;
        if (first > s && before > s && doc_.tok(before).upos == "ADP") {
          t = std::max(t, doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].end) - 1);
          continue;
        }
        // After a phrase cue's source ("according to the minister, X
        // ..."), past the comma that ends it, a name is the noun's own only
        // when a comma sets it off again ("..., Ana Kessar, the plan
        // ..."); else it opens the words credited ("..., the Lorvani
        // measures threaten ...").
        if (set_off && first > s + 1 && doc_.text(s + 1) == ",") {
          const std::int32_t after = doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].end);
          if (after >= static_cast<std::int32_t>(doc_.size()) || doc_.text(after) != ",") return kNone;
        }
        return a_.mentions[static_cast<std::size_t>(m)].local;
      }
    }
    return kNone;
  }

  // Two or more capitalised proper nouns in a row, set off by a comma
  // right after s and before the cue; titles written with a full stop
  // ("Col.", "Dr.") are left out. Empty when there is none.
  std::string UnrecognisedNameAfter(std::int32_t s, std::int32_t cue) const {
    // After an inverted cue (“...,” said X's deputy, Y Z.) the name runs
    // to the sentence end.
    const std::int32_t sent_end = static_cast<std::int32_t>(a_.sentences[doc_.sent(s)].end_token);
    const bool to_end = cue < s;
    if (to_end) cue = sent_end - 1;
    if (cue <= s + 2 || doc_.text(s + 1) != ",") return {};
    std::int32_t t = s + 2, first = kNone, last = kNone;
    for (; t < cue; ++t) {
      std::string_view w = doc_.text(t);
      if (doc_.tok(t).upos != "PROPN" || w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) break;
      if (w.back() == '.' && first == kNone) continue;
      if (first == kNone) first = t;
      last = t;
    }
    if (first == kNone || last == first) return {};
    if (to_end ? (t != cue || !doc_.punct(t)) : (t >= cue || doc_.text(t) != ",")) return {};
    return std::string(a_.Text({doc_.tok(first).begin, doc_.tok(last).end}));
  }

  // The head of the noun phrase token t belongs to (t itself, or the
  // nearest nominal it attaches to by compound, flat or name relations).
  std::int32_t NounHead(std::int32_t t) const {
    for (int k = 0; k < 3; ++k) {
      std::string_view r = doc_.deprel(t);
      std::int32_t h = doc_.head(t);
      if (h == kNone || !(r == "compound" || r == "flat" || r == "amod" || r == "det")) break;
      t = h;
    }
    return t;
  }

  void SetSpeaker(const CueHit& h, Quote* q, const Quote* previous) {
    // "Asked whether X, the minister said ...": the question was put to
    // the subject by someone the text does not name; the subject is not
    // its source. (A subjectless "Asked" opening the sentence is the
    // participle, whichever tag the tagger gave it.)
    if (!h.nominal && !h.phrase && !h.colon && Lower(doc_.tok(h.first).lemma) == "ask" &&
        (doc_.tok(h.first).xpos == "VBN" || doc_.tok(h.first).xpos == "VBD") && doc_.Child(h.first, "nsubj") == kNone &&
        doc_.Child(h.first, "nsubj:pass") == kNone && doc_.Child(h.first, "aux:pass") == kNone &&
        doc_.Child(h.first, "aux") == kNone && doc_.deprel(h.first) == "advcl" && OpensSentence(h.first)) {
      return;
    }
    // "The senator was asked if X", "When asked whether X, she said":
    // the one asked, or the answerer, is not the one who asked; with no
    // "by" agent the asker is unnamed.
    if (!h.nominal && !h.phrase && !h.colon && Lower(doc_.tok(h.first).lemma) == "ask" &&
        doc_.tok(h.first).xpos == "VBN" && !HasAgent(h.first) &&
        (doc_.Child(h.first, "aux:pass") != kNone ||
         (FrontedParticiple(h.first) && doc_.Child(h.first, "nsubj") == kNone))) {
      return;
    }
    std::int32_t s = std::find(inverted_cues_.begin(), inverted_cues_.end(), h.first) != inverted_cues_.end()
                         ? InvertedSubject(h)
                         : SourceToken(h);
    if ((s == kNone || InQuote(s)) && previous && !h.nominal && !h.phrase && !h.colon &&
        doc_.tok(h.first).xpos == "VBG" && h.first > 0 && doc_.punct(h.first - 1) &&
        previous->cue.end > previous->cue.begin && previous->cue.end <= doc_.tok(h.first).begin &&
        SentenceOf(previous->cue.begin) == doc_.sent(h.first)) {
      // "X called it “A,” adding that B": the participle's subject is the
      // one of the act before it in the sentence, whom the parse lost.
      q->speaker_local = previous->speaker_local;
      q->speaker_name = previous->speaker_name;
      q->speaker_description = previous->speaker_description;
      q->speaker_span = previous->speaker_span;
      q->speaker_from = previous->speaker_from;
      return;
    }
    // "X, whose statement warned that": the statement is X's.
    if (s != kNone && !h.nominal && !h.colon && !h.phrase) {
      if (std::int32_t p = doc_.Child(s, "nmod:poss"); p != kNone && lower_[static_cast<std::size_t>(p)] == "whose") {
        s = WhoseAntecedent(p);
      }
    }
    if (s == kNone || InQuote(s)) return;
    // A passive participle right after the noun says which of them spoke
    // ("diplomats briefed on the talks") and stays in the description; other
    // clauses on the noun tell more about it and do not.
    auto [lo, hi] = doc_.Subtree(s, [&](std::int32_t c) {
      std::string_view r = doc_.deprel(c);
      if (r == "acl" && c == s + 1 && (doc_.tok(c).xpos == "VBN" || doc_.tok(c).xpos == "VBD") && doc_.tok(s).upos == "NOUN")
        return false;
      return r == "acl:relcl" || r == "acl" || r == "appos" || r == "punct" || r == "parataxis" || r == "advcl" ||
             (h.phrase && r == "case") || r == "cc" || r == "conj" || r == "reparandum";
    });
    if (h.colon) {
      // The words before the colon, whatever the parser hung on them.
      lo = s;
      while (lo > 0 && doc_.para(lo - 1) == doc_.para(h.first)) --lo;
      hi = h.first - 1;
    }
    // "The ministers of France and Germany welcomed": the parser made the
    // second conjunct a subject of its own; the source is both.
    if (!h.colon && hi + 2 < static_cast<std::int32_t>(doc_.size()) && doc_.tok(hi + 1).upos == "CCONJ" &&
        StartsWith(doc_.deprel(hi + 2), "nsubj") && doc_.head(hi + 2) == doc_.head(s) && hi + 2 < h.first) {
      hi = doc_.Subtree(hi + 2).second;
    }
    // Not the relative clause that holds the cue ("one ambassador, who
    // told ..."), nor a preposition that attached the source.
    for (std::int32_t t = s + 1; t <= hi; ++t) {
      if (t == h.first || (IsRelativePronoun(lower_[static_cast<std::size_t>(t)]) && doc_.punct(t - 1))) {
        hi = std::max(s, t - 1);
        break;
      }
    }
    // Nor the words it is credited with, that a parse hung on the source
    // ("according to two aides, the vote failed" read with "the vote
    // failed" under "aides").
    for (std::int32_t t = s + 1; t <= hi; ++t) {
      const std::uint32_t b = doc_.tok(t).begin;
      if (std::any_of(q->parts.begin(), q->parts.end(), [&](const ByteSpan& p) { return b >= p.begin && b < p.end; })) {
        hi = t - 1;
        break;
      }
    }
    // A phrase cue's object is the source ("according to X"): words
    // before the phrase that a parse hung on it ("Late on Friday,
    // according to three aides, ...") are not.
    if (h.phrase && lo < h.first && s > h.last) lo = h.first;
    while (lo < s && doc_.deprel(lo) == "case") ++lo;
    // "..., but were quieter and smaller, police said": the clause's
    // predicate that a parse hung on the source as its modifier ends at
    // the comma before it; a name or noun there would be an apposition.
    for (std::int32_t k = s - 1; k > lo; --k) {
      if (doc_.text(k) != ",") continue;
      const std::string_view u = doc_.tok(k - 1).upos;
      if (u == "ADJ" || u == "ADV" || u == "VERB") lo = k + 1;
      break;
    }
    // Trim edge punctuation, a leading "according to", and quoted words a
    // parse hung on the source ("“... what worry us most,” a senior
    // official told X").
    while (lo < hi && (doc_.punct(lo) || (h.phrase && lo >= h.first && lo <= h.last) || (lo < s && InQuote(lo)))) ++lo;
    while (hi > lo && (doc_.punct(hi) || (hi > s && InQuote(hi)))) --hi;
    // "International donors on Thursday pledged": the time the parse hung
    // on the source is not part of it.
    if (hi > s && in_time_[static_cast<std::size_t>(hi)]) {
      std::int32_t t = hi;
      while (t > s && (in_time_[static_cast<std::size_t>(t)] || doc_.deprel(t) == "case")) --t;
      if (t >= s) hi = t;
      while (hi > lo && doc_.punct(hi)) --hi;
    }
    // "A person familiar with the talks said", "a source close to the
    // ministry told": an adjective with a phrase of its own after the
    // source's noun says which source it is, and stays in the description
    // whatever the parse made of it (it may take the adjective for the
    // clause's predicate and the phrase's noun for the cue's subject).
    if (!h.phrase && !h.colon && !h.nominal && hi == s && doc_.tok(s).upos == "NOUN" && s + 3 < h.first &&
        doc_.tok(s + 1).upos == "ADJ" && doc_.tok(s + 2).upos == "ADP" && doc_.sent(h.first) == doc_.sent(s)) {
      bool noun_phrase = true, noun = false;
      for (std::int32_t t = s + 3; t < h.first && noun_phrase; ++t) {
        const std::string_view u = doc_.tok(t).upos;
        noun_phrase = u == "DET" || u == "ADJ" || u == "NOUN" || u == "PROPN" || u == "NUM";
        noun = noun || u == "NOUN" || u == "PROPN";
      }
      if (noun_phrase && noun) hi = h.first - 1;
    }
    // "a tariff, a move officials say could pass": "a" never counts a
    // plural noun, so a singular noun with it before the plural source is
    // the apposition the saying comments on, not part of the source.
    if (lo + 1 < s && doc_.tok(s).xpos == "NNS" && doc_.tok(lo).upos == "DET" &&
        (lower_[static_cast<std::size_t>(lo)] == "a" || lower_[static_cast<std::size_t>(lo)] == "an") &&
        doc_.tok(lo + 1).xpos == "NN" && doc_.tok(s - 1).xpos == "NN") {
      lo = s;
    }
    q->speaker_span = {doc_.tok(lo).begin, doc_.tok(hi).end};
    q->speaker_from = "cue";
    std::int32_t local = LocalEntityAt(s);
    // "Its managing director, Ana Kessar, said", "The Minister of the
    // Interior, Ana Kessar, announced": a person's name set off by commas
    // right before the cue, after the subject's head, is the title's holder
    // and the source, whatever the parse made of the title (the name hung
    // on its "of" phrase, or "Its" read as the subject and the title as
    // adjectives). Not when the head is a person itself ("Ana Kessar, the
    // minister's aide, Tom Lee, ...": the head spoke).
    if (!h.nominal && !h.phrase && !h.colon && (local == kNone || !IsPersonLocal(local)) && h.first >= 3 &&
        doc_.text(h.first - 1) == "," && s < h.first - 2) {
      const std::int32_t m = doc_.mention(h.first - 2);
      if (m != kNone && a_.mentions[static_cast<std::size_t>(m)].type == "PERSON" &&
          IsPersonLocal(a_.mentions[static_cast<std::size_t>(m)].local)) {
        const std::int32_t first = doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].begin);
        if (first > s + 1 && doc_.text(first - 1) == "," && doc_.sent(first) == doc_.sent(h.first)) {
          q->speaker_span = {doc_.tok(lo).begin, doc_.tok(h.first - 2).end};
          SetLocal(a_.mentions[static_cast<std::size_t>(m)].local, q);
          return;
        }
      }
    }
    // "Morvian Interior Minister Odal Kessar said", parsed with a people's
    // adjective the tagger does not know as the head and the name as its
    // conjunct: with no "and" nor comma between them that is no
    // conjunction, and the person named is the source.
    if (!h.phrase && !h.colon && doc_.tok(s).upos == "PROPN" && (local == kNone || !IsPersonLocal(local))) {
      doc_.EachChild(s, [&](std::int32_t c) {
        if (doc_.deprel(c) != "conj" || (s < h.first && c > h.first) || doc_.Child(c, "cc") != kNone) return;
        for (std::int32_t t = s + 1; t < c; ++t)
          if (doc_.punct(t) || doc_.tok(t).upos == "CCONJ") return;
        const std::int32_t l = LocalEntityAt(c);
        if (l != kNone && IsPersonLocal(l)) local = l;
      });
    }
    if (local == kNone) {
      // "the spokesman, X": the name in an apposition; "Minister X" when
      // the name's head was not recognised: a compound or flat part. A
      // common noun's compound is not its name ("a UN official"), nor is
      // that of a lower-case word the tagger called a proper noun ("the
      // Lorvani interior ministry").
      const std::string_view sw = doc_.text(s);
      bool proper = doc_.tok(s).upos == "PROPN" && !sw.empty() && !std::islower(static_cast<unsigned char>(sw[0]));
      doc_.EachChild(s, [&](std::int32_t c) {
        std::string_view r = doc_.deprel(c);
        if (local == kNone && (r == "appos" || (proper && (r == "flat" || r == "compound")))) local = LocalEntityAt(c);
      });
    }
    // "EU Commissioner X said", parsed with "EU" as the head: a person
    // named in the phrase is the source, not the organisation that
    // qualifies the title.
    if (local != kNone && doc_.tok(s).upos == "PROPN" && !IsPersonLocal(local)) {
      doc_.EachChild(s, [&](std::int32_t c) {
        std::string_view r = doc_.deprel(c);
        if (r != "flat" && r != "compound" && r != "appos") return;
        std::int32_t l = LocalEntityAt(c);
        if (l != kNone && l != local && IsPersonLocal(l) && !IsPersonLocal(local)) local = l;
      });
    }
    // "Minister of Trade Ana Kessar declared", parsed with the name under
    // "Trade": a title written in capitals that runs straight into a
    // person's name closing the phrase is that person's ("a lawyer for
    // Ana Kessar" is not Kessar: a preposition stands before the name).
    if (local == kNone && doc_.tok(s).upos == "PROPN" && hi > s) {
      const std::int32_t m = doc_.mention(hi);
      if (m != kNone && a_.mentions[static_cast<std::size_t>(m)].type == "PERSON") {
        const std::int32_t first = doc_.TokenAt(a_.mentions[static_cast<std::size_t>(m)].begin);
        if (first > s && first > lo && doc_.tok(first - 1).upos == "PROPN" && doc_.mention(first - 1) != m &&
            IsPersonLocal(a_.mentions[static_cast<std::size_t>(m)].local)) {
          local = a_.mentions[static_cast<std::size_t>(m)].local;
        }
      }
    }
    if (local == kNone && doc_.tok(s).upos == "NOUN") local = NameAfter(s, h.first, h.phrase);
    if (local != kNone) {
      SetLocal(local, q);
      return;
    }
    if (doc_.tok(s).upos == "NOUN") {
      // A name the recogniser missed, beside the noun: "A government
      // spokesman, Col. X Y, said". Reported by name, without an entity.
      std::string name = UnrecognisedNameAfter(s, h.first);
      if (!name.empty()) {
        q->speaker_name = std::move(name);
        return;
      }
    }
    std::string_view w = lower_[static_cast<std::size_t>(s)];
    // A possessor names the source of a nominal cue ("his claim that").
    if (w == "his") w = "he";
    if (w == "her") w = "she";
    if (w == "their") w = "they";
    if (w == "its") w = "it";
    if (w == "my" || w == "our" || w == "your") w = "i";
    if (w == "he" || w == "she" || w == "they" || w == "it") {
      // "he said" right after a quote credited to a person the
      // recogniser did not catch: the same person.
      if ((w == "he" || w == "she") && previous && previous->speaker_local < 0 && !previous->speaker_name.empty() &&
          doc_.para(s) <= Paragraph(previous->content.begin) + 1) {
        q->speaker_name = previous->speaker_name;
        q->speaker_from = "pronoun";
        return;
      }
      // "The foreign ministers of X and Y welcomed it. “...,” they wrote.":
      // a plural unnamed source just before is who "they" are.
      if (w == "they" && previous && previous->speaker_local < 0 && !previous->speaker_description.empty() &&
          PluralHead(previous->speaker_span) && Paragraph(q->content.begin) <= Paragraph(previous->content.begin) + 1) {
        q->speaker_description = previous->speaker_description;
        q->speaker_from = "pronoun";
        return;
      }
      // "A diplomat from X said that A. “B,” he said.": the unnamed person
      // who spoke just before, with no name between, is who "he" is, not
      // the nearest name further back.
      if ((w == "he" || w == "she") && UnnamedPersonJustBefore(s, w, previous)) {
        q->speaker_description = previous->speaker_description;
        q->speaker_from = "pronoun";
        return;
      }
      // "Y said A. Z's ministry gave another account. It said B.": the
      // unnamed body that is the subject after the previous quote, not
      // that quote's source.
      if (w == "they" || w == "it") {
        if (auto [dlo, dhi] = SubjectPhraseBefore(s, w == "they");
            dlo != kNone && previous &&
            doc_.tok(dlo).begin >= std::max({previous->content.end, previous->cue.end, previous->speaker_span.end}) &&
            ResolvePronoun(s, w, previous, q) < 0) {
          q->speaker_description = std::string(a_.Text({doc_.tok(dlo).begin, doc_.tok(dhi).end}));
          q->speaker_from = "pronoun";
          return;
        }
      }
      std::int32_t r = ResolvePronoun(s, w, previous, q);
      if (r >= 0) {
        SetLocal(r, q);
        q->speaker_from = "pronoun";
        return;
      }
      // "A, the commission's chief said. “B,” she said.": with no name the
      // pronoun can mean, the one person who spoke just before, unnamed.
      if ((w == "he" || w == "she") && previous && previous->speaker_local < 0 && previous->speaker_name.empty() &&
          !previous->speaker_description.empty() && SinglePersonNoun(previous->speaker_span, w) &&
          doc_.para(s) <= Paragraph(previous->content.begin) + 1) {
        q->speaker_description = previous->speaker_description;
        q->speaker_from = "pronoun";
        return;
      }
      if ((w == "they" || w == "it") && previous && previous->speaker_local < 0 && !previous->speaker_description.empty() &&
          Paragraph(q->content.begin) <= Paragraph(previous->content.begin) + 1) {
        q->speaker_description = previous->speaker_description;
        q->speaker_from = "pronoun";
        return;
      }
      // "The election commission postponed the count, citing what it
      // called ...": an unnamed body that is the subject of the sentence
      // (or of the one before), agreeing in number.
      if (w == "they" || w == "it") {
        if (auto [dlo, dhi] = SubjectPhraseBefore(s, w == "they"); dlo != kNone) {
          q->speaker_description = std::string(a_.Text({doc_.tok(dlo).begin, doc_.tok(dhi).end}));
          q->speaker_from = "pronoun";
          return;
        }
      }
      q->speaker_from.clear();
      return;
    }
    if (w == "i" || w == "we" || w == "you" || IsRelativePronoun(w) || w == "whose" || w == "whom") {
      q->speaker_from.clear();
      return;
    }
    // A determiner alone ("the", "this", "all") describes no one: the
    // parse lost the noun, or the cue was no saying ("This said, ...").
    if (q->speaker_span.begin == doc_.tok(s).begin && q->speaker_span.end == doc_.tok(s).end &&
        (doc_.tok(s).upos == "DET" || w == "this" || w == "that" || w == "these" || w == "those")) {
      q->speaker_span = ByteSpan{};
      q->speaker_from.clear();
      return;
    }
    q->speaker_description = std::string(a_.Text(q->speaker_span));
    LinkDescription(lo, s, q);
  }

  // A description with a definite determiner or a possessor ("the
  // diplomat", "Nato's deputy secretary-general", "its finance minister")
  // refers back: to the one person the article gave that role, else to an
  // earlier unnamed source with the same head noun.
  void LinkDescription(std::int32_t lo, std::int32_t head, Quote* q) {
    std::string_view first = lower_[static_cast<std::size_t>(lo)];
    bool definite = first == "the" || first == "its" || first == "his" || first == "her" || first == "their" ||
                    doc_.deprel(lo) == "nmod:poss";
    std::string head_lemma = Lower(doc_.tok(head).lemma.empty() ? doc_.text(head) : std::string_view(doc_.tok(head).lemma));
    if (definite) {
      // The words of the role: after the determiner or possessor.
      std::int32_t from = lo;
      for (std::int32_t t = lo; t < head; ++t) {
        if (doc_.deprel(t) == "det" || doc_.deprel(t) == "case" || doc_.deprel(t) == "nmod:poss") from = t + 1;
      }
      std::string role = RoleKey(a_.Text({doc_.tok(from).begin, doc_.tok(head).end}));
      // "foreign minister" and "minister of foreign affairs" hold the role
      // "minister".
      auto holds_role = [&](const LocalEntity& le) {
        for (const std::string& r : le.roles) {
          std::string key = RoleKey(r);
          if (key == role || (key.size() > role.size() && key.compare(key.size() - role.size(), role.size(), role) == 0 &&
                              key[key.size() - role.size() - 1] == ' ')) {
            return true;
          }
          if (key.size() > role.size() + 4 && key.compare(0, role.size(), role) == 0 &&
              (key.compare(role.size(), 4, " of ") == 0 || key.compare(role.size(), 5, " for ") == 0)) {
            return true;
          }
        }
        return false;
      };
      // The holder named last before the description is the one it points
      // back to, when two people hold the role ("the minister" of each
      // side) and when one does: a description points back, never ahead to
      // a person the article names only later.
      std::vector<char> holds(a_.local_entities.size(), 0);
      for (std::size_t e = 0; e < a_.local_entities.size(); ++e) {
        const LocalEntity& le = a_.local_entities[e];
        holds[e] = le.type == "PERSON" && holds_role(le);
      }
      std::int32_t match = kNone;
      for (std::size_t i = a_.mentions.size(); i-- > 0 && match == kNone;) {
        const Mention& m = a_.mentions[i];
        if (m.begin >= doc_.tok(lo).begin || m.local < 0 || static_cast<std::size_t>(m.local) >= holds.size()) continue;
        if (holds[static_cast<std::size_t>(m.local)]) match = m.local;
      }
      if (match != kNone) {
        q->speaker_description.clear();
        SetLocal(match, q);
        q->speaker_from = "role";
        return;
      }
      // "the group", "the organisation": the organisation that was last a
      // subject, in this sentence or the two before, before an earlier
      // unnamed source of the same noun ("two groups").
      if (first == "the" && lex_.BodyNoun(head_lemma)) {
        const std::uint32_t s_now = doc_.sent(head);
        for (std::size_t i = a_.mentions.size(); i-- > 0;) {
          const Mention& m = a_.mentions[i];
          if (m.begin >= doc_.tok(lo).begin) continue;
          const std::int32_t t = doc_.TokenAt(m.begin);
          if (t >= static_cast<std::int32_t>(doc_.size()) || doc_.sent(t) + 2 < s_now) break;
          if (m.type != "ORG" || m.local < 0 || InQuote(t) || !IsSubjectMention(m)) continue;
          q->speaker_description.clear();
          SetLocal(m.local, q);
          q->speaker_from = "role";
          return;
        }
      }
      // "Both ministries described ... The Indonesian ministry said": one
      // named apart by a word before its noun is not the many ("the
      // group" after "two groups" may be them).
      const bool plural_head = doc_.tok(head).xpos == "NNS" || doc_.tok(head).xpos == "NNPS";
      bool set_apart = false;
      for (std::int32_t t = lo; t < head && !set_apart; ++t) {
        const std::string_view r = doc_.deprel(t);
        set_apart = doc_.head(t) == head && (r == "amod" || r == "compound" || r == "nmod:poss");
      }
      for (auto it = sources_.rbegin(); it != sources_.rend(); ++it) {
        if (it->lemma == head_lemma && (it->plural == plural_head || !set_apart)) {
          q->speaker_description = it->description;
          q->speaker_from = "description";
          return;
        }
      }
      // "One European diplomat briefed on the talks was blunter. ... the
      // diplomat said": the indefinite noun phrase that introduced it.
      std::uint32_t s_now = doc_.sent(head);
      for (std::int32_t t = head - 1; t >= 0 && doc_.sent(t) + 6 >= s_now; --t) {
        if (InQuote(t) || !StartsWith(doc_.deprel(t), "nsubj")) continue;
        std::string lemma = Lower(doc_.tok(t).lemma.empty() ? doc_.text(t) : std::string_view(doc_.tok(t).lemma));
        if (lemma != head_lemma) continue;
        bool indefinite = false;
        doc_.EachChild(t, [&](std::int32_t c) {
          std::string_view l = lower_[static_cast<std::size_t>(c)];
          if (l == "a" || l == "an" || l == "one" || l == "another") indefinite = true;
        });
        if (!indefinite) continue;
        auto [lo2, hi2] = doc_.Subtree(t, [&](std::int32_t c) {
          std::string_view r = doc_.deprel(c);
          return r == "acl:relcl" || r == "acl" || r == "appos" || r == "punct" || r == "conj" || r == "cc";
        });
        q->speaker_description = std::string(a_.Text({doc_.tok(lo2).begin, doc_.tok(hi2).end}));
        q->speaker_from = "description";
        return;
      }
      return;
    }
    sources_.push_back({head_lemma, q->speaker_description, doc_.tok(head).xpos == "NNS" || doc_.tok(head).xpos == "NNPS"});
  }

  static std::string RoleKey(std::string_view s) {
    std::string out;
    for (char c : s) {
      char x = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (x == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(x);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  std::int32_t LocalEntityAt(std::int32_t t) const {
    std::int32_t m = doc_.mention(t);
    if (m == kNone) return kNone;
    return a_.mentions[static_cast<std::size_t>(m)].local;
  }

  bool IsPersonLocal(std::int32_t local) const {
    return local >= 0 && static_cast<std::size_t>(local) < a_.local_entities.size() &&
           a_.local_entities[static_cast<std::size_t>(local)].type == "PERSON";
  }

  void SetLocal(std::int32_t local, Quote* q) const {
    q->speaker_local = local;
    if (local >= 0 && static_cast<std::size_t>(local) < a_.local_entities.size()) {
      q->speaker_name = a_.local_entities[static_cast<std::size_t>(local)].name;
    }
  }

  // 'm', 'f' or 0 for a local entity, from a form of address or gendered
  // title next to any of its mentions, or a gendered role.
  char EntityGender(std::int32_t local) {
    if (gender_.empty()) {
      gender_.assign(a_.local_entities.size(), 0);
      for (const Mention& m : a_.mentions) {
        if (m.local < 0 || static_cast<std::size_t>(m.local) >= gender_.size()) continue;
        char& g = gender_[static_cast<std::size_t>(m.local)];
        if (g) continue;
        std::int32_t t = doc_.TokenAt(m.begin);
        for (std::int32_t k = std::max(0, t - 2); k <= t && k < static_cast<std::int32_t>(doc_.size()); ++k) {
          if (char x = lex_.Gender(doc_.text(k)); x) g = x;
        }
        if (!g && !m.role.empty()) {
          std::size_t sp = m.role.rfind(' ');
          g = lex_.Gender(sp == std::string::npos ? std::string_view(m.role) : std::string_view(m.role).substr(sp + 1));
        }
        // A person named with a first name whose gender the name lists
        // give ("Ana Kessar"); names both sexes bear are not listed.
        if (!g && m.type == "PERSON" && t >= 0 && t < static_cast<std::int32_t>(doc_.size()) && m.end > doc_.tok(t).end) {
          g = lex_.FirstNameGender(doc_.text(t));
        }
      }
      // A sentence about one person, outside quotes, that says "his" or
      // "her" tells that person's gender ("X, a fisherman, lost his boat").
      for (const Sentence& sent : a_.sentences) {
        std::int32_t only = kNone;
        int people = 0;
        for (const Mention& m : a_.mentions) {
          if (m.begin < sent.begin || m.end > sent.end || m.type != "PERSON" || m.local < 0) continue;
          if (InQuote(doc_.TokenAt(m.begin))) continue;
          if (only != m.local) ++people;
          only = m.local;
        }
        if (people != 1 || gender_[static_cast<std::size_t>(only)]) continue;
        // "Her Malaysian counterpart, X, said", "his deputy X": a
        // possessive on a noun the name stands beside is someone else's,
        // named before; it tells nothing of X.
        auto beside_name = [&](std::uint32_t t) {
          for (const Mention& m : a_.mentions) {
            if (m.local != only || m.begin < sent.begin || m.end > sent.end) continue;
            const std::int32_t m0 = doc_.TokenAt(m.begin);
            const std::int32_t p = static_cast<std::int32_t>(t);
            if (m0 <= p || m0 > p + 5) continue;
            bool np = true;
            for (std::int32_t k = p + 1; k < m0 && np; ++k) {
              const std::string_view up = doc_.tok(k).upos;
              np = up == "ADJ" || up == "NOUN" || up == "PROPN" || doc_.text(k) == ",";
            }
            if (np) return true;
          }
          return false;
        };
        char seen = 0;
        bool mixed = false;
        for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
          std::string_view w = lower_[t];
          char x = (w == "his" || w == "himself") ? 'm' : (w == "her" || w == "herself") ? 'f' : 0;
          if (!x || InQuote(static_cast<std::int32_t>(t))) continue;
          if ((w == "his" || w == "her") && beside_name(t)) continue;
          mixed = mixed || (seen && seen != x);
          seen = x;
        }
        if (seen && !mixed) gender_[static_cast<std::size_t>(only)] = seen;
      }
    }
    return static_cast<std::size_t>(local) < gender_.size() ? gender_[static_cast<std::size_t>(local)] : 0;
  }

  // True if the mention's head token is a subject, or an apposition or
  // name part of one ("The rebel leader, X, struck ...").
  bool IsSubjectMention(const Mention& m) const {
    std::int32_t t = doc_.TokenAt(m.begin);
    std::int32_t e = doc_.TokenAt(m.end) - 1;
    for (std::int32_t k = t; k <= e && k < static_cast<std::int32_t>(doc_.size()); ++k) {
      std::int32_t hd = doc_.head(k);
      if (hd != kNone && hd >= t && hd <= e) continue;
      // An apposition the parse hung on its comma: the comma's head.
      while (hd != kNone && doc_.punct(hd)) hd = doc_.head(hd);
      std::string_view r = doc_.deprel(k);
      if (ActsAsSubject(k)) return true;
      if ((r == "appos" || r == "flat" || r == "compound") && hd != kNone && ActsAsSubject(hd)) return true;
      return false;
    }
    return false;
  }

  // The head of the words in span: the token whose head lies outside
  // them; kNone for an empty span.
  std::int32_t HeadOf(ByteSpan span) const {
    if (span.end <= span.begin) return kNone;
    std::int32_t lo = doc_.TokenAt(span.begin), hi = doc_.TokenAt(span.end);
    for (std::int32_t t = lo; t < hi && t < static_cast<std::int32_t>(doc_.size()); ++t) {
      std::int32_t hd = doc_.head(t);
      if (hd != kNone && hd >= lo && hd < hi) continue;
      return t;
    }
    return kNone;
  }

  // True if the head of the words in span is a plural noun.
  bool PluralHead(ByteSpan span) const {
    std::int32_t t = HeadOf(span);
    if (t == kNone) return false;
    std::string_view x = doc_.tok(t).xpos;
    return x == "NNS" || x == "NNPS";
  }

  // True if the previous quote's source is one unnamed person new to the
  // text ("a diplomat") whom the pronoun w at token p can be: that quote ends in
  // the same or the sentence before, no person is named from its start
  // to p, and the noun's gender, if it has one, agrees. Only then does
  // the unnamed source beat an earlier name as the pronoun's referent.
  bool UnnamedPersonJustBefore(std::int32_t p, std::string_view w, const Quote* previous) {
    if (!previous || previous->speaker_local >= 0 || !previous->speaker_name.empty() ||
        previous->speaker_description.empty() ||
        (previous->speaker_from != "cue" && previous->speaker_from != "description")) {
      return false;
    }
    std::int32_t h = HeadOf(previous->speaker_span);
    if (h == kNone || PluralHead(previous->speaker_span)) return false;
    std::string lemma = Lower(doc_.tok(h).lemma.empty() ? doc_.text(h) : std::string_view(doc_.tok(h).lemma));
    if (doc_.tok(h).upos != "NOUN" || !lex_.PersonNoun(lemma)) return false;
    // Only a source introduced as new ("a diplomat", "one official", or
    // "the diplomat" that points back to one): a definite one of its own
    // ("the party's nominee") is mostly a person the article named
    // before, whom the pronoun then means.
    std::string det = Lower(previous->speaker_description.substr(0, previous->speaker_description.find(' ')));
    if (det != "a" && det != "an" && det != "one" && det != "another") return false;
    char g = lex_.Gender(lower_[static_cast<std::size_t>(h)]);
    if (g && g != (w == "he" ? 'm' : 'f')) return false;
    std::uint32_t first = std::min(previous->content.begin, previous->speaker_span.begin);
    std::uint32_t last = std::max({previous->content.end, previous->speaker_span.end, previous->cue.end});
    if (SentenceOf(last) + 1 < doc_.sent(p)) return false;
    for (const Mention& m : a_.mentions) {
      if (m.begin >= first && m.begin < doc_.tok(p).begin && m.type == "PERSON") return false;
    }
    return true;
  }

  // True if x is a person's name or a noun for people.
  bool IsPerson(std::int32_t x) const {
    if (x == kNone) return false;
    std::int32_t m = doc_.mention(x);
    if (m != kNone) return a_.mentions[static_cast<std::size_t>(m)].type == "PERSON";
    return lex_.PersonNoun(Lower(doc_.tok(x).lemma.empty() ? doc_.text(x) : std::string_view(doc_.tok(x).lemma)));
  }

  // t when it names a person (a person's name or a person noun), else the
  // nearest noun above it through prepositional attachments that does;
  // t when none does.
  std::int32_t PersonAbove(std::int32_t t) const {
    auto person = [&](std::int32_t x) { return IsPerson(x); };
    if (t == kNone || person(t)) return t;
    std::int32_t x = t;
    for (int k = 0; k < 4; ++k) {
      if (doc_.Child(x, "case") == kNone && doc_.tok(x).upos != "PROPN" && !StartsWith(doc_.deprel(x), "nmod")) break;
      std::int32_t up = doc_.head(x);
      if (up == kNone || InQuote(up)) break;
      std::string_view u = doc_.tok(up).upos;
      if (u != "NOUN" && u != "PROPN") break;
      if (person(up)) return up;
      x = up;
    }
    return t;
  }

  // The words of a common-noun subject of the root verb of p's sentence
  // (before p) or of the sentence before, singular or plural as asked:
  // what "it" or "they" most likely refers to when no name does.
  // {kNone, kNone} when there is none.
  std::pair<std::int32_t, std::int32_t> SubjectPhraseBefore(std::int32_t p, bool plural) const {
    const std::uint32_t sp = doc_.sent(p);
    for (std::uint32_t sent = sp + 1; sent-- > 0 && sent + 1 >= sp;) {
      const Sentence& se = a_.sentences[sent];
      for (std::uint32_t k = se.first_token; k < se.end_token; ++k) {
        const auto t = static_cast<std::int32_t>(k);
        if (doc_.head(t) != kNone) continue;  // the root
        std::int32_t subj = doc_.Child(t, "nsubj");
        if (subj == kNone || subj >= p || InQuote(subj)) break;
        // A word in lower case that the tagger read as a proper noun ("the
        // Malaysian foreign ministry") is a common noun all the same.
        const std::string_view su = doc_.tok(subj).upos;
        const bool lower_case = !doc_.text(subj).empty() && std::islower(static_cast<unsigned char>(doc_.text(subj)[0]));
        if (su != "NOUN" && !(su == "PROPN" && lower_case)) break;
        std::string_view x = doc_.tok(subj).xpos;
        if ((x == "NNS" || x == "NNPS") != plural || doc_.mention(subj) != kNone) break;
        auto [lo, hi] = doc_.Subtree(subj, [&](std::int32_t c) {
          std::string_view r = doc_.deprel(c);
          return r == "acl:relcl" || r == "acl" || r == "appos" || r == "punct" || r == "conj" || r == "cc";
        });
        // Without a time the parse hung on it ("the commission on Tuesday").
        while (hi > subj && (in_time_[static_cast<std::size_t>(hi)] || doc_.deprel(hi) == "case" || doc_.punct(hi))) --hi;
        return {lo, hi};
      }
    }
    return {kNone, kNone};
  }

  // A finite verb: tensed, or with a tensed auxiliary or modal.
  bool IsFinite(std::int32_t t) const {
    std::string_view x = doc_.tok(t).xpos;
    if (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") return true;
    // A verb tagged as the base form that is written as its lemma plus
    // "s" ("accuses" tagged VB after "to invade and") is the third person
    // present whatever the tag says.
    if (x == "VB") {
      const std::string_view lemma = doc_.tok(t).lemma;
      const std::string form = Lower(doc_.text(t));
      if (!lemma.empty() && form.size() > lemma.size() && StartsWith(form, lemma) &&
          (form.substr(lemma.size()) == "s" || form.substr(lemma.size()) == "es")) {
        return true;
      }
    }
    bool aux = false;
    doc_.EachChild(t, [&](std::int32_t c) {
      std::string_view cx = doc_.tok(c).xpos;
      if (StartsWith(doc_.deprel(c), "aux") && (cx == "VBD" || cx == "VBZ" || cx == "VBP" || cx == "MD")) aux = true;
    });
    return aux;
  }

  // True if t is the first word of its sentence, or follows only a
  // subordinator ("When asked ...").
  bool OpensSentence(std::int32_t t) const {
    const std::int32_t first = static_cast<std::int32_t>(a_.sentences[doc_.sent(t)].first_token);
    if (t == first) return true;
    return t == first + 1 && doc_.deprel(first) == "mark";
  }

  // A subject, or the agent of a passive ("The delegation was led by its
  // deputy minister, X."), who is the doer all the same.
  bool ActsAsSubject(std::int32_t t) const {
    std::string_view r = doc_.deprel(t);
    if (StartsWith(r, "nsubj") || r == "obl:agent") return true;
    if (!StartsWith(r, "obl")) return false;
    std::int32_t c = doc_.Child(t, "case");
    std::int32_t verb = doc_.head(t);
    return c != kNone && lower_[static_cast<std::size_t>(c)] == "by" && verb != kNone &&
           doc_.Child(verb, "aux:pass") != kNone;
  }

  // Resolves a subject pronoun at token p to a local entity: the previous
  // quote's speaker when it agrees and is near, else the nearest earlier
  // subject that agrees in number and gender (people for he/she,
  // organisations for it and they) within a few sentences, else the
  // nearest agreeing name before it.
  // True if the phrase at span is headed by one person noun ("the
  // commission's chief") whose gender, if it has one, agrees with w.
  bool SinglePersonNoun(ByteSpan span, std::string_view w) {
    std::int32_t h = HeadOf(span);
    if (h == kNone || PluralHead(span) || doc_.tok(h).upos != "NOUN") return false;
    std::string lemma = Lower(doc_.tok(h).lemma.empty() ? doc_.text(h) : std::string_view(doc_.tok(h).lemma));
    if (!lex_.PersonNoun(lemma)) return false;
    char g = lex_.Gender(lower_[static_cast<std::size_t>(h)]);
    return !g || g == (w == "he" ? 'm' : 'f');
  }

  // The names inside the quote's own content are left out: "A and B will
  // meet on Monday, she said" is not said by A or B, who would have been
  // written as the speaker ("..., A said").
  // True if token t lies in a participle clause that opens the sentence
  // of pronoun p and ends at the comma right before p ("Asked if the envoy
  // would come back, she said ..."): the participle's unstated subject
  // is the pronoun's referent, so a name inside the clause is someone
  // else. Read on the surface, as parsers hang such clauses anywhere.
  bool InOpeningParticipleOf(std::int32_t t, std::int32_t p) const {
    if (p < 2 || doc_.sent(t) != doc_.sent(p) || t >= p || doc_.text(p - 1) != ",") return false;
    const std::int32_t first = static_cast<std::int32_t>(a_.sentences[doc_.sent(p)].first_token);
    const Token& open = doc_.tok(first);
    return open.upos == "VERB" && (open.xpos == "VBN" || open.xpos == "VBD" || open.xpos == "VBG");
  }

  std::int32_t ResolvePronoun(std::int32_t p, std::string_view w, const Quote* previous, const Quote* q) {
    auto in_content = [&](const Mention& m) { return q && m.begin >= q->content.begin && m.begin < q->content.end; };
    char want = w == "he" ? 'm' : w == "she" ? 'f' : 0;
    bool person = want != 0;
    std::uint32_t s = doc_.sent(p);
    auto agrees_local = [&](std::int32_t local) {
      if (local < 0 || static_cast<std::size_t>(local) >= a_.local_entities.size()) return false;
      const std::string& type = a_.local_entities[static_cast<std::size_t>(local)].type;
      if (person) {
        if (type != "PERSON") return false;
        char g = EntityGender(local);
        return g == 0 || g == want;
      }
      return type == "ORG";
    };
    // A subject named after the previous quote ("X, a fisherman, lost his
    // boat. “I am alive,” he said.") comes before that quote's speaker.
    const std::uint32_t after = previous ? previous->content.end : 0;
    for (std::size_t i = a_.mentions.size(); i-- > 0;) {
      const Mention& m = a_.mentions[i];
      if (m.begin >= doc_.tok(p).begin) continue;
      if (m.begin < after) break;
      std::int32_t t = doc_.TokenAt(m.begin);
      if (t >= static_cast<std::int32_t>(doc_.size()) || doc_.sent(t) + 4 < s) break;
      if (agrees_local(m.local) && !InQuote(t) && !in_content(m) && IsSubjectMention(m) && !InOpeningParticipleOf(t, p))
        return m.local;
    }
    if (previous && previous->speaker_local >= 0 && agrees_local(previous->speaker_local) &&
        doc_.para(p) <= Paragraph(previous->content.begin) + 1) {
      return previous->speaker_local;
    }
    std::int32_t nearest = kNone;
    for (std::size_t i = a_.mentions.size(); i-- > 0;) {
      const Mention& m = a_.mentions[i];
      if (m.begin >= doc_.tok(p).begin) continue;
      std::int32_t t = doc_.TokenAt(m.begin);
      if (t >= static_cast<std::int32_t>(doc_.size())) continue;
      bool ok = agrees_local(m.local) || (!person && m.type == "LOC" && m.as_actor && m.local >= 0);
      if (!ok || InQuote(t) || in_content(m) || InOpeningParticipleOf(t, p)) continue;
      // "It" reaches back no further than the window: an organisation
      // named paragraphs before is seldom what "it" is ("... read a
      // statement. It said: ...").
      if (nearest == kNone && (person || doc_.sent(t) + 4 >= s)) nearest = m.local;
      if (doc_.sent(t) + 4 < s) break;
      if (IsSubjectMention(m)) {
        // "..., operated by X's Board, ... Y's ministry gave another
        // account. It said ...": an unnamed body that is the subject of
        // the sentence just before is nearer than a name further back.
        if (!person) {
          const std::int32_t dlo = SubjectPhraseBefore(p, w == "they").first;
          if (dlo != kNone && doc_.tok(dlo).begin > m.begin) return kNone;
        }
        return m.local;
      }
    }
    // A name that was no subject loses to an unnamed body that is: "The
    // trade ministry said the measures answer what it called ..." after a
    // dateline's agency or an organisation named in passing.
    if (!person && nearest != kNone && SubjectPhraseBefore(p, w == "they").first != kNone) return kNone;
    return person || w == "it" ? nearest : kNone;
  }

  // A quote with no cue of its own: the previous quote's speaker when
  // that quote is in the same or the previous paragraph; else the person
  // the sentence before it is about ("The rebel leader, X, struck a
  // defiant note." then the quote).
  void SpeakerWithoutCue(Quote* q, const Quote* previous) {
    std::uint32_t para = Paragraph(q->content.begin);
    std::int32_t first = doc_.TokenAt(q->content.begin);
    if (first >= static_cast<std::int32_t>(doc_.size())) return;
    std::uint32_t s = doc_.sent(first);
    bool has_previous = previous && (previous->speaker_local >= 0 || !previous->speaker_name.empty() ||
                                     !previous->speaker_description.empty());
    auto carry = [&] {
      q->speaker_local = previous->speaker_local;
      q->speaker_name = previous->speaker_name;
      q->speaker_description = previous->speaker_description;
      q->speaker_from = "previous";
    };
    // The quote right before goes on.
    if (has_previous && SentenceOf(previous->content.end) + 1 >= s) return carry();
    // "The rebel leader, X, struck a defiant note." then the quote.
    if (s > 0) {
      const Sentence& before = a_.sentences[s - 1];
      if (doc_.para(static_cast<std::int32_t>(before.first_token)) + 1 >= para) {
        for (const Mention& m : a_.mentions) {
          if (m.begin < before.begin || m.end > before.end || m.type != "PERSON" || m.local < 0) continue;
          if (InQuote(doc_.TokenAt(m.begin)) || !IsSubjectMention(m)) continue;
          SetLocal(m.local, q);
          q->speaker_from = "previous_sentence";
          return;
        }
      }
    }
    if (has_previous && para <= Paragraph(previous->content.end) + 1) carry();
  }

  std::uint32_t SentenceOf(std::uint32_t byte) const {
    std::int32_t t = doc_.TokenAt(byte);
    if (t > 0 && (t >= static_cast<std::int32_t>(doc_.size()) || doc_.tok(t).begin > byte)) --t;
    return t < 0 ? 0 : doc_.sent(t);
  }

  std::uint32_t Paragraph(std::uint32_t byte) const {
    std::int32_t t = doc_.TokenAt(byte);
    if (t >= static_cast<std::int32_t>(doc_.size())) t = static_cast<std::int32_t>(doc_.size()) - 1;
    return t < 0 ? 0 : doc_.para(t);
  }

  Article& a_;
  Doc doc_;
  const CueLexicon& lex_;
  const QuoteOptions& opt_;
  std::vector<std::string> lower_;
  std::vector<CueHit> cues_;
  std::vector<std::int32_t> cue_of_;
  std::vector<char> in_time_;  // token lies in a time expression (Article::times)
  std::vector<Candidate> cands_;
  std::vector<std::int32_t> in_quote_;
  std::vector<std::int32_t> used_cue_;
  std::vector<std::int32_t> inverted_cues_;  // "X, said NAME": the speaker follows the cue
  std::vector<char> gender_;
  mutable bool labels_counted_ = false;
  mutable std::unordered_map<std::string, int> label_turns_;
  // Unnamed sources so far: head lemma, the description as written, and
  // whether the head is plural.
  struct Source {
    std::string lemma;
    std::string description;
    bool plural = false;
  };
  std::vector<Source> sources_;
};

}  // namespace

void FindQuotes(Article& article, const CueLexicon& lexicon, const QuoteOptions& options) {
  article.quotes.clear();
  if (!article.ok() || article.tokens.empty()) return;
  Finder(article, lexicon, options).Run();
}

QuotesStage::QuotesStage(QuoteOptions options) : lexicon_(DefaultCueLexicon()), options_(options) {}

void QuotesStage::Process(Article& article, StageScratch*) const {
  if (article.ReadsAsEnglish()) FindQuotes(article, lexicon_, options_);  // see EntitiesStage
}

}  // namespace sitrep::quotes
