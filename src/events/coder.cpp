#include "events/coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "core/clauses.h"
#include "gazetteer/gazetteer.h"

namespace sitrep::events {
namespace {

constexpr int kMaxConjuncts = 4;

bool Is(std::string_view deprel, std::string_view base) {
  return deprel.size() >= base.size() && deprel.substr(0, base.size()) == base &&
         (deprel.size() == base.size() || deprel[base.size()] == ':');
}

bool IsDirectionPrep(std::string_view p) {
  return p == "on" || p == "against" || p == "with" || p == "to" || p == "toward" || p == "towards" ||
         p == "into" || p == "at" || p == "between" || p == "from";
}

// What a noun phrase is, as a side of an event.
enum class Role { kSource, kTarget };

// Everything one sentence's coding needs, with tokens indexed within it.
class SentenceCoder {
 public:
  SentenceCoder(const Lexicon& lex, Article& a, std::uint32_t sentence_index, CoderScratch& s)
      : lex_(lex), a_(a), si_(sentence_index), sent_(a.sentences[sentence_index]), s_(s) {
    n_ = static_cast<std::int32_t>(sent_.token_count());
    s_.first_child.assign(static_cast<std::size_t>(n_), -1);
    s_.next_sibling.assign(static_cast<std::size_t>(n_), -1);
    s_.consumed.assign(static_cast<std::size_t>(n_), 0);
    s_.root_of.assign(static_cast<std::size_t>(n_), std::string());
    for (std::int32_t i = n_ - 1; i >= 0; --i) {
      std::int32_t h = Tok(i).head;
      if (h >= 0 && h < n_ && h != i) {
        s_.next_sibling[static_cast<std::size_t>(i)] = s_.first_child[static_cast<std::size_t>(h)];
        s_.first_child[static_cast<std::size_t>(h)] = i;
      }
    }
  }

  void Run() {
    // Modal verbs first, so the events they govern are composed, not coded alone.
    for (std::int32_t i = 0; i < n_; ++i) {
      if (!IsVerb(i) || AsideParticiple(i)) continue;
      const Pattern* p = MatchVerb(i);
      if (p && p->kind == Pattern::Kind::kModal && !Consumed(i) && !InOpenQuestion(i)) CodeModal(i, *p);
    }
    for (std::int32_t i = 0; i < n_; ++i) {
      if (Consumed(i)) continue;
      const Token& t = Tok(i);
      if (IsVerb(i) && !AsideParticiple(i)) {
        const Pattern* p = MatchVerb(i);
        if (p && p->kind == Pattern::Kind::kVerb) {
          // "met to discuss": the purpose of a coded act of the same kind is that act.
          std::int32_t h = Head(i);
          if (h >= 0 && (Is(t.deprel, "xcomp") || Is(t.deprel, "advcl")) && Consumed(h) &&
              s_.root_of[static_cast<std::size_t>(h)] == Root(p->code)) {
            continue;
          }
          if (StoppedBy(i)) continue;
          CodeVerb(i, *p);
        } else if (!p && lex_.light.count(Lemma(i))) {
          std::int32_t o = Child(i, "obj");
          if (o >= 0 && !Consumed(o)) {
            if (const Pattern* np = MatchNoun(o)) {
              MarkConsumed(o);
              MarkConsumed(i);
              std::int32_t tgt = DirectedOblique(o, Role::kTarget);
              if (tgt < 0) tgt = DirectedOblique(i, Role::kTarget);
              std::int32_t src = Subject(i);
              std::string code = np->code;
              if (Obliged(i) && !AsDemand(i, code, src, tgt)) continue;
              Emit(i, o, code, src, tgt, false);
            }
          }
        }
      } else if (t.upos == "NOUN") {
        const Pattern* np = MatchNoun(i);
        if (!np) continue;
        std::int32_t h = Head(i);
        if (h < 0) continue;
        if (Is(t.deprel, "nsubj") && lex_.occur.count(Lemma(h))) {
          // "the talks between X and Y ended": actors come from the noun.
          // "earlier accords had collapsed" looks back past the story to
          // events it is not reporting.
          if (PastPerfect(h)) continue;
          auto [src, tgt] = NounActors(i);
          if (src < 0) continue;
          std::string code = np->code;
          if (IsFuture(h)) code = std::string(lex_.Compose("intent", code));
          MarkConsumed(i);
          Emit(h, i, code, src, tgt, false);
        } else if (t.deprel == "nsubj:pass") {
          // "further talks are planned for Thursday": an intent to meet.
          const Pattern* hp = MatchVerb(h);
          if (hp && hp->kind == Pattern::Kind::kModal && hp->modal_class == "intent") {
            auto [src, tgt] = NounActors(i);
            if (src < 0) continue;
            MarkConsumed(i);
            MarkConsumed(h);
            Emit(h, i, std::string(lex_.Compose("intent", np->code)), src, tgt, false);
          }
        }
      }
    }
  }

 private:
  const Token& Tok(std::int32_t i) const { return a_.tokens[sent_.first_token + static_cast<std::uint32_t>(i)]; }
  // The head of token i within the sentence, -1 for the root or a head out of range.
  std::int32_t Head(std::int32_t i) const {
    std::int32_t h = Tok(i).head;
    return h >= 0 && h < n_ && h != i ? h : -1;
  }
  bool Consumed(std::int32_t i) const { return s_.consumed[static_cast<std::size_t>(i)] != 0; }
  void MarkConsumed(std::int32_t i) { s_.consumed[static_cast<std::size_t>(i)] = 1; }
  // Verbs, and past-tense words the tagger took for something else in a
  // clause of their own ("the navy blockaded", tagged as an adjective).
  // "X, asked whether he would meet Y, said: ...": X was asked, and
  // asked nothing (core/clauses.h).
  bool AsideParticiple(std::int32_t i) const {
    return IsAsideQuestionParticiple(a_, sent_, sent_.first_token + static_cast<std::uint32_t>(i)) ||
           OpeningQuestionParticiple(i);
  }
  // "Asked whether he would run, X said ...": opening the sentence, the
  // participle puts a question to the subject of the main clause, who
  // asked nothing. (The quotes stage reads the question as one put by an
  // unnamed asker, so this test is the events' own.)
  bool OpeningQuestionParticiple(std::int32_t i) const {
    if (i != 0 || n_ < 4) return false;
    const Token& t = Tok(0);
    if (t.xpos != "VBN" && t.xpos != "VBD") return false;
    const std::string_view next = a_.TokenText(Tok(1));
    bool question = false;
    for (std::string_view w : {"whether", "if", "about", "why", "how", "what", "when"}) {
      bool same = next.size() == w.size();
      for (std::size_t k = 0; k < w.size() && same; ++k) same = (next[k] | 0x20) == w[k];
      question = question || same;
    }
    if (!question) return false;
    for (std::int32_t k = 2; k + 1 < n_; ++k) {
      if (a_.TokenText(Tok(k)) == ",") return true;
    }
    return false;
  }

  bool IsVerb(std::int32_t i) const {
    const Token& t = Tok(i);
    return t.upos == "VERB" || ((t.xpos == "VBD" || t.xpos == "VBN") && t.upos != "AUX");
  }

  // Lower-case lemma; the parser keeps the case of proper nouns' lemmas.
  std::string_view Lemma(std::int32_t i) {
    const std::string& l = Tok(i).lemma;
    bool upper = false;
    for (char c : l) upper = upper || (c >= 'A' && c <= 'Z');
    if (!upper) return l;
    s_.lower.assign(l);
    for (char& c : s_.lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s_.lower;
  }
  std::string LemmaCopy(std::int32_t i) { return std::string(Lemma(i)); }

  // Entries for token i: by its lemma, else by the word with a regular
  // ending removed, which recovers lemmatiser slips ("shelled" -> "shel").
  template <typename Map>
  const typename Map::mapped_type* Find(const Map& map, std::int32_t i) {
    // A hyphenated compound the tokenizer split ("Secretary-General"):
    // the whole word first, so that its last part ("General") is not read
    // alone.
    if (i >= 2 && Tok(i - 1).end - Tok(i - 1).begin == 1 && a_.text[Tok(i - 1).begin] == '-' &&
        Tok(i - 2).end == Tok(i - 1).begin && Tok(i - 1).end == Tok(i).begin) {
      std::string whole(a_.text, Tok(i - 2).begin, Tok(i).end - Tok(i - 2).begin);
      for (char& c : whole) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto hy = map.find(whole);
      if (hy != map.end()) return &hy->second;
    }
    auto it = map.find(Lemma(i));
    if (it != map.end()) return &it->second;
    const Token& t = Tok(i);
    std::string& w = s_.word;
    w.assign(a_.text, t.begin, t.end - t.begin);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto try_form = [&](std::size_t cut, std::string_view add) -> const typename Map::mapped_type* {
      if (w.size() <= cut + 2) return nullptr;
      s_.lower.assign(w, 0, w.size() - cut);
      s_.lower += add;
      auto f = map.find(s_.lower);
      return f == map.end() ? nullptr : &f->second;
    };
    auto ends = [&](std::string_view suf) { return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0; };
    const typename Map::mapped_type* r = nullptr;
    if (ends("ed")) {
      if (!r) r = try_form(2, "");
      if (!r) r = try_form(1, "");
      if (!r && w.size() > 4 && w[w.size() - 3] == w[w.size() - 4]) r = try_form(3, "");
    } else if (ends("ing")) {
      if (!r) r = try_form(3, "");
      if (!r) r = try_form(3, "e");
    } else if (ends("s")) {
      if (!r) r = try_form(1, "");
      if (!r && ends("es")) r = try_form(2, "");
    } else {
      auto f = map.find(w);
      if (f != map.end()) r = &f->second;
    }
    return r;
  }
  // True if the lemma (or its singular) is in the set.
  bool InSet(const StringSet& set, std::int32_t i) {
    std::string_view l = Lemma(i);
    if (set.count(l)) return true;
    if (l.size() > 3 && l.back() == 's') return set.count(l.substr(0, l.size() - 1)) > 0;
    return false;
  }

  template <typename Fn>
  void EachChild(std::int32_t h, Fn fn) const {
    for (std::int32_t c = s_.first_child[static_cast<std::size_t>(h)]; c >= 0;
         c = s_.next_sibling[static_cast<std::size_t>(c)]) {
      fn(c);
    }
  }
  std::int32_t Child(std::int32_t h, std::string_view rel) const {
    std::int32_t found = -1;
    EachChild(h, [&](std::int32_t c) {
      if (found < 0 && Is(Tok(c).deprel, rel)) found = c;
    });
    return found;
  }
  std::int32_t ChildExact(std::int32_t h, std::string_view rel) const {
    std::int32_t found = -1;
    EachChild(h, [&](std::int32_t c) {
      if (found < 0 && Tok(c).deprel == rel) found = c;
    });
    return found;
  }
  // The preposition of an oblique or nominal modifier ("on" in "on Syria");
  // the last one of a compound preposition ("out of").
  std::string Prep(std::int32_t h) {
    std::string p;
    EachChild(h, [&](std::int32_t c) {
      if (Tok(c).deprel == "case" && c < h) p = LemmaCopy(c);
    });
    return p;
  }
  bool HasCase(std::int32_t h, std::string_view word) {
    bool hit = false;
    EachChild(h, [&](std::int32_t c) {
      if (!hit && Tok(c).deprel == "case" && Lemma(c) == word) hit = true;
    });
    return hit;
  }
  bool HasChildLemma(std::int32_t h, std::initializer_list<std::string_view> rels, const StringSet& lemmas) {
    bool hit = false;
    EachChild(h, [&](std::int32_t c) {
      if (hit) return;
      for (auto r : rels) {
        if (Is(Tok(c).deprel, r) && InSet(lemmas, c)) hit = true;
      }
    });
    return hit;
  }

  // The object of a verb, or its passive subject ("sanctions were imposed").
  std::int32_t Object(std::int32_t v) const {
    std::int32_t o = Child(v, "obj");
    if (o < 0) o = ChildExact(v, "nsubj:pass");
    return o >= 0 ? o : DisplacedObject(v);
  }
  // "signed on Friday a ceasefire agreement" (word order of translated
  // text): the parser hangs the object on the time phrase between them as
  // its apposition or object; a date has neither.
  std::int32_t DisplacedObject(std::int32_t v) const {
    std::int32_t found = -1;
    EachChild(v, [&](std::int32_t c) {
      if (found >= 0 || c < v || !Is(Tok(c).deprel, "obl") || !IsTime(c)) return;
      EachChild(c, [&](std::int32_t g) {
        const std::string_view d = Tok(g).deprel;
        if (found < 0 && g > c && (d == "appos" || d == "obj") && Tok(g).upos == "NOUN" && !IsTime(g)) found = g;
      });
    });
    return found;
  }
  // "On Thursday, Ana Kessar threatened ...": the parser hangs the
  // subject on the fronted time phrase before it as its apposition; a date
  // has none. The name must come after a comma, right up to the verb's
  // words, with no subject of the verb's own.
  std::int32_t DisplacedSubject(std::int32_t v) const {
    std::int32_t found = -1;
    EachChild(v, [&](std::int32_t c) {
      if (found >= 0 || c > v || !Is(Tok(c).deprel, "obl") || !IsTime(c)) return;
      EachChild(c, [&](std::int32_t g) {
        if (found >= 0 || g < c || g > v || Tok(g).deprel != "appos" || IsTime(g)) return;
        if (Tok(g).upos != "PROPN" && Tok(g).upos != "NOUN") return;
        bool comma = false;
        for (std::int32_t k = c + 1; k < g && !comma; ++k) comma = Tok(k).xpos == ",";
        if (comma) found = g;
      });
    });
    return found;
  }
  bool IsTime(std::int32_t i) const {
    const Token& t = Tok(i);
    for (const TimeExpr& te : a_.times) {
      if (te.begin <= t.begin && t.end <= te.end) return true;
    }
    return false;
  }

  const Pattern* MatchVerb(std::int32_t v) {
    const std::vector<Pattern>* entries = Find(lex_.verbs, v);
    if (!entries) return nullptr;
    const std::int32_t obj0 = ThroughQuantity(Object(v));
    std::int32_t subj = ThroughQuantity(ChildExact(v, "nsubj"));
    // "sent a search and rescue team": the head the pattern names may be a
    // later conjunct of the object.
    const std::int32_t obj_conj = obj0 >= 0 ? ChildExact(obj0, "conj") : -1;
    for (const Pattern& p : *entries) {
      std::int32_t obj = obj_conj >= 0 && !p.obj.empty() && !InSet(p.obj, obj0) && InSet(p.obj, obj_conj)
                             ? obj_conj
                             : obj0;
      if (!p.obj.empty()) {
        bool ok = obj >= 0 && InSet(p.obj, obj);
        // "threatened Russia with sanctions", "put forces on alert": the noun may sit in an oblique.
        if (!ok) {
          EachChild(v, [&](std::int32_t c) {
            if (!ok && Is(Tok(c).deprel, "obl") && InSet(p.obj, c)) ok = true;
          });
        }
        if (!ok) continue;
      }
      if (!p.subj.empty() && !(subj >= 0 && InSet(p.subj, subj))) continue;
      if (p.needs_actor && !(obj >= 0 && ActorLike(obj, Role::kSource))) continue;
      if (p.needs_party && !HasSecondParty(v, subj)) continue;
      if (p.needs_people) {
        auto person = [&](std::int32_t i) {
          const std::int32_t m = i >= 0 ? MentionAt(i) : -1;
          return m >= 0 && a_.mentions[static_cast<std::size_t>(m)].type == "PERSON";
        };
        bool with = false;
        EachChild(v, [&](std::int32_t c) {
          if (!with && Is(Tok(c).deprel, "obl")) EachChild(c, [&](std::int32_t g) { with = with || (Tok(g).deprel == "case" && Lemma(g) == "with"); });
        });
        if (!person(subj) || !person(obj) || with) continue;
      }
      if (!p.mod.empty()) {
        std::int32_t m = obj >= 0 ? obj : subj;
        if (m < 0 || !HasChildLemma(m, {"amod", "compound", "nmod"}, p.mod)) continue;
      }
      if (!p.xcomp.empty()) {
        bool ok = false;
        EachChild(v, [&](std::int32_t c) {
          std::string_view d = Tok(c).deprel;
          if (!ok && (Is(d, "xcomp") || Is(d, "obj") || Is(d, "ccomp")) && InSet(p.xcomp, c)) ok = true;
        });
        if (!ok) continue;
      }
      if (!p.prt.empty()) {
        bool ok = false;
        EachChild(v, [&](std::int32_t c) {
          std::string_view d = Tok(c).deprel;
          if (ok) return;
          if ((d == "compound:prt" || d == "advmod") && Lemma(c) == p.prt) ok = true;
          // "pulled out of the city": the particle parsed as part of a preposition.
          if (Is(d, "obl") && HasCase(c, p.prt)) ok = true;
        });
        if (!ok) continue;
      }
      if (!p.prep.empty()) {
        bool ok = false;
        EachChild(v, [&](std::int32_t c) {
          if (!ok && (Is(Tok(c).deprel, "obl") || Is(Tok(c).deprel, "nmod")) && HasCase(c, p.prep)) ok = true;
        });
        // "ordered two brigades to the border": the parser may hang the
        // phrase on the object the pattern names.
        // So may "blamed the bombing of the depot on X", deeper.
        if (!ok && obj >= 0) ok = PrepUnderObject(obj, p.prep, p.obj.empty() ? 1 : 0) >= 0;
        if (!ok) continue;
      }
      return p.code == kNoEvent ? nullptr : &p;
    }
    return nullptr;
  }

  // Whether verb v is done with someone: a "with" phrase, or a subject of
  // two conjuncts or in the plural ("Lorvania and Morvia discussed",
  // "the sides discussed", "they discussed"). "Kessar will discuss his
  // book" on a talk show is no negotiation.
  bool HasSecondParty(std::int32_t v, std::int32_t subj) {
    bool with = false;
    EachChild(v, [&](std::int32_t c) {
      if (!with && (Is(Tok(c).deprel, "obl") || Is(Tok(c).deprel, "nmod")) && HasCase(c, "with")) with = true;
    });
    if (with) return true;
    if (subj < 0) return false;
    if (ChildExact(subj, "conj") >= 0) return true;
    const std::string_view x = Tok(subj).xpos;
    if (x == "NNS" || x == "NNPS") return true;
    const std::string_view l = Lemma(subj);
    return x == "PRP" && (l == "they" || l == "we");
  }

  // A nominal modifier with preposition `prep` after the object `obj`,
  // or after a nominal modifier of it when `deeper` is 1 ("the bombing
  // of the depot on X"); -1 if none.
  std::int32_t PrepUnderObject(std::int32_t obj, std::string_view prep, int deeper) {
    std::int32_t found = -1;
    EachChild(obj, [&](std::int32_t c) {
      if (found >= 0 || c < obj || !Is(Tok(c).deprel, "nmod")) return;
      if (HasCase(c, prep)) {
        found = c;
      } else if (deeper > 0) {
        found = PrepUnderObject(c, prep, deeper - 1);
      }
    });
    return found;
  }

  // "thousands of civilians" -> "civilians".
  std::int32_t ThroughQuantity(std::int32_t h) {
    for (int hop = 0; hop < 2 && h >= 0 && MentionAt(h) < 0 && (InSet(lex_.quantity, h) || Tok(h).upos == "NUM"); ++hop) {
      std::int32_t inner = -1;
      EachChild(h, [&](std::int32_t c) {
        if (inner < 0 && Is(Tok(c).deprel, "nmod") && HasCase(c, "of")) inner = c;
      });
      if (inner < 0) break;
      h = inner;
    }
    return h;
  }

  const Pattern* MatchNoun(std::int32_t n) {
    if (Tok(n).upos != "NOUN") return nullptr;
    const std::vector<Pattern>* entries = Find(lex_.nouns, n);
    if (!entries) return nullptr;
    for (const Pattern& p : *entries) {
      if (!p.mod.empty() && !HasChildLemma(n, {"amod", "compound", "nmod"}, p.mod)) continue;
      return &p;
    }
    return nullptr;
  }

  // "commits both sides to stop fighting": an act that is stopped or
  // avoided is not reported as happening.
  // True when v's clause is opened by one of `marks` (its "mark" child).
  bool MarkedBy(std::int32_t v, std::initializer_list<std::string_view> marks) {
    bool hit = false;
    EachChild(v, [&](std::int32_t c) {
      if (hit || Tok(c).deprel != "mark") return;
      for (std::string_view m : marks) hit = hit || Lemma(c) == m;
    });
    return hit;
  }

  // True when the clause of verb v puts a question: a complement clause
  // opened by "whether", "if" or a wh-word, or one closed by a question
  // mark, and no infinitive asking for an act.
  bool PutsAQuestion(std::int32_t v) {
    bool question = false, act = false;
    EachChild(v, [&](std::int32_t c) {
      const std::string_view d = Tok(c).deprel;
      if (Is(d, "xcomp") || (Is(d, "advcl") && Child(c, "mark") >= 0 && Lemma(Child(c, "mark")) == "to")) act = true;
      if (!(Is(d, "ccomp") || Is(d, "advcl") || Is(d, "parataxis"))) return;
      if (MarkedBy(c, {"whether", "if"})) question = true;
      for (std::int32_t k = v + 1; k <= c && !question; ++k) {
          const std::string_view x = Tok(k).xpos;
        if ((x == "WP" || x == "WRB" || x == "WDT" || x == "WP$") && (k == c || Head(k) == c || Head(Head(k)) == c))
          question = true;
      }
      for (std::int32_t k = c + 1; k < n_ && !question; ++k) {
        if (a_.TokenText(Tok(k)) == "?") question = true;
      }
    });
    // The parser may hang a wh-clause on the object ("asked the envoy
    // what the plan was" read as a relative clause): read the words after
    // the verb, up to the first that asks for something ("to", "for").
    for (std::int32_t k = v + 1; k < n_ && k <= v + 8 && !question && !act; ++k) {
      const std::string_view w = a_.TokenText(Tok(k));
      const std::string_view x = Tok(k).xpos;
      if (w == "to" || w == "for" || w == "." || w == ";" || w == ",") break;
      if (w == "whether" || w == "if" || x == "WP" || x == "WRB") question = true;
    }
    return question && !act;
  }

  // True for the verb of a "whether" clause ("a test of whether X will
  // lend its courts to ...", "wonder whether X will send troops"): an
  // open question asserts no act.
  bool InOpenQuestion(std::int32_t v) { return MarkedBy(v, {"whether"}); }

  bool StoppedBy(std::int32_t v) {
    const Token& t = Tok(v);
    if (InOpenQuestion(v)) return true;
    if (Head(v) < 0) return false;
    std::string_view d = t.deprel;
    return (Is(d, "xcomp") || Is(d, "obj") || Is(d, "ccomp") || Is(d, "advcl")) && lex_.stop.count(Lemma(Head(v)));
  }

  // Negation on the verb, or on the verbs it is governed by ("not going to sanction").
  bool NegatedChain(std::int32_t v) {
    for (int depth = 0; depth < 3 && v >= 0; ++depth) {
      if (Negated(v)) return true;
      if (!Is(Tok(v).deprel, "xcomp")) return false;
      v = Head(v);
    }
    return false;
  }

  bool Negated(std::int32_t h) {
    bool neg = false;
    EachChild(h, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      // "mark" and "case" for "without": "left without signing", "ended
      // without an agreement".
      if (!neg && (d == "advmod" || d == "det" || d == "neg" || d == "mark" || d == "case") &&
          lex_.negation.count(Lemma(c))) {
        neg = true;
      }
    });
    return neg;
  }
  // True if the noun h is quantified by a negation: "offered no sign of
  // retreat", "sent no troops" say the act did not happen.
  bool NoneOf(std::int32_t h) {
    if (h < 0) return false;
    bool none = false;
    EachChild(h, [&](std::int32_t c) {
      if (Tok(c).deprel == "det" && lex_.negation.count(Lemma(c))) none = true;
    });
    return none;
  }
  // A sum or a currency: the word itself or a number-like word on it ("$5 million").
  bool IsMoney(std::int32_t h) {
    if (InSet(lex_.money, h)) return true;
    bool hit = false;
    EachChild(h, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      if (!hit && (d == "nummod" || d == "compound") && InSet(lex_.money, c)) hit = true;
    });
    return hit;
  }
  bool IsFuture(std::int32_t v) {
    bool fut = false;
    EachChild(v, [&](std::int32_t c) {
      if (!fut && Tok(c).deprel == "aux" && lex_.future.count(Lemma(c))) fut = true;
    });
    return fut;
  }
  // "must withdraw", "should release them": an obligation, not an act.
  bool Obliged(std::int32_t v) {
    bool hit = false;
    EachChild(v, [&](std::int32_t c) {
      if (!hit && Tok(c).deprel == "aux" && lex_.obligation.count(Lemma(c))) hit = true;
    });
    return hit;
  }
  // The named subject of the verb of speech whose reported clause holds v.
  std::int32_t Speaker(std::int32_t v) {
    for (int depth = 0; depth < 8 && v >= 0 && Head(v) >= 0; ++depth) {
      if (Is(Tok(v).deprel, "ccomp") && lex_.speech.count(Lemma(Head(v)))) return ChildExact(Head(v), "nsubj");
      v = Head(v);
    }
    return -1;
  }
  // What an obliged act is (CAMEO codes what was done or said, and "X must
  // withdraw" says nothing was done): said by someone, their demand that the
  // subject do it, with the subject as target; unattributed, nothing.
  // Returns false when no event is to be coded.
  bool AsDemand(std::int32_t v, std::string& code, std::int32_t& source, std::int32_t& target) {
    const std::int32_t speaker = Speaker(v);
    // "must not attack" asks for restraint, which the demand codes do not
    // say; a negated demand would read as no demand at all.
    if (speaker < 0 || NegatedChain(v)) return false;
    code = std::string(lex_.Compose("demand", code));
    target = Subject(v);
    source = speaker;
    return !code.empty();
  }
  // "said X would free them" is the future of a past report, not a
  // condition; outside reported speech "would" stays hypothetical.
  bool IsReportedFuture(std::int32_t v) {
    // "would help pay for it": the auxiliary may sit on the verb above.
    for (int depth = 0; depth < 2 && v >= 0; ++depth) {
      if (IsFuture(v)) return true;
      // "is expected to sign", "is set to meet": said of what is to come, like "will".
      if (depth > 0 && lex_.due.count(Lemma(v)) && (Child(v, "aux:pass") >= 0 || Tok(v).upos == "ADJ")) return true;
      bool would = false;
      EachChild(v, [&](std::int32_t c) {
        if (!would && Tok(c).deprel == "aux" && Lemma(c) == "would") would = true;
      });
      if (would && Attributed(v)) return true;
      if (!Is(Tok(v).deprel, "xcomp")) return false;
      v = Head(v);
    }
    return false;
  }
  bool PastPerfect(std::int32_t v) {
    bool had = false;
    EachChild(v, [&](std::int32_t c) {
      if (!had && Tok(c).deprel == "aux" && Tok(c).xpos == "VBD" && Lemma(c) == "have") had = true;
    });
    return had;
  }

  // The subject of a verb: its own, the agent of a passive, or the one it
  // shares with the verb it is coordinated with or controlled by.
  // "The Ministry of Defence blamed Lorvani forces", parsed with "blamed"
  // as an adjective of "forces" and the ministry as the root or as a second
  // subject of another verb: no clause can have that shape, so the verb is
  // the finite one, the noun phrase just before it its subject (returned)
  // and the noun it modifies its object.
  std::int32_t GardenPathSubject(std::int32_t v) {
    if (v <= 0 || Tok(v).deprel != "amod" || Head(v) <= v || (Tok(v).xpos != "VBD" && Tok(v).xpos != "VBN")) return -1;
    const std::string_view before = Tok(v - 1).upos;
    if (before != "NOUN" && before != "PROPN") return -1;
    std::int32_t np = v - 1;
    while (Head(np) >= 0 && Head(np) < v) np = Head(np);
    if (Tok(np).deprel == "root") return np;
    if (!Is(Tok(np).deprel, "nsubj") || Head(np) < 0) return -1;
    int subjects = 0;
    EachChild(Head(np), [&](std::int32_t c) { subjects += Is(Tok(c).deprel, "nsubj") ? 1 : 0; });
    return subjects > 1 ? np : -1;
  }
  // "The coalition fell apart after the Kessar Movement withdrew its
  // ministers": parsers read the subordinator as a preposition of the noun
  // right before the finite verb, which then has no subject and hangs on
  // the main clause. The noun is the verb's subject; the main clause's
  // subject did not do it. -1 when the sentence is not of that shape.
  std::int32_t SubordinatedSubject(std::int32_t v) {
    const std::string_view x = Tok(v).xpos;
    if (x != "VBD" && x != "VBZ" && x != "VBP") return -1;
    std::int32_t t = v - 1;
    while (t >= 0 && Tok(t).upos == "PUNCT") --t;
    if (t < 0) return -1;
    for (int k = 0; k < 4 && t >= 0 && t < v; ++k) {
      const std::string_view u = Tok(t).upos;
      if (u != "NOUN" && u != "PROPN") return -1;
      std::int32_t mark = -1;
      EachChild(t, [&](std::int32_t c) {
        if (c < t && Tok(c).deprel == "case") mark = c;
      });
      if (mark >= 0) {
        static constexpr std::array<std::string_view, 7> kSubordinators = {"after", "before", "since", "until",
                                                                           "once", "because", "while"};
        const std::string_view w = Lemma(mark);
        return std::find(kSubordinators.begin(), kSubordinators.end(), w) != kSubordinators.end() ? t : -1;
      }
      t = Head(t);
    }
    return -1;
  }

  std::int32_t Subject(std::int32_t v) {
    if (std::int32_t g = GardenPathSubject(v); g >= 0) return g;
    // "as fighting broke out": a gerund that is the subject of a verb of
    // occurrence names an event, and its actor is in its own words or
    // nowhere, never in the clause the parser hung it on.
    if (Tok(v).xpos == "VBG" && Child(v, "aux") < 0 && ChildExact(v, "nsubj") < 0 && v + 1 < n_ &&
        IsVerb(v + 1) && lex_.occur.count(Lemma(v + 1)))
      return -1;
    // "Lorvani drones struck": a plural noun right before the verb, tagged as
    // a verb with no object of its own, is the subject the parser missed.
    if (v > 0 && ChildExact(v, "nsubj") < 0 && ChildExact(v, "nsubj:pass") < 0 && Tok(v - 1).xpos == "VBZ" &&
        Tok(v - 1).upos == "VERB" && (InSet(lex_.weapon, v - 1) || IsKnownAgent(v - 1)) && Child(v - 1, "obj") < 0)
      return v - 1;
    // A reduced passive right after its noun, parsed with the participle
    // as the verb and the noun as its subject: the noun was acted upon and
    // the actor is not named. (A sentence's first word may be tagged a
    // proper noun.)
    if (v > 0 && ChildExact(v, "nsubj") == v - 1 &&
        (Tok(v - 1).upos == "NOUN" || (Tok(v - 1).upos == "PROPN" && v - 1 == 0)) && ReducedPassive(v))
      return -1;
    for (int depth = 0; depth < 4 && v >= 0; ++depth) {
      std::int32_t s = ChildExact(v, "nsubj");
      if (s >= 0) return s;
      if (ChildExact(v, "nsubj:pass") < 0) {
        if (std::int32_t d = DisplacedSubject(v); d >= 0) return d;
      }
      // "X is expected to sign": X is the one who signs.
      if (depth > 0 && lex_.due.count(Lemma(v)) && ChildExact(v, "nsubj:pass") >= 0) return ChildExact(v, "nsubj:pass");
      if (ChildExact(v, "nsubj:pass") >= 0) return Agent(v);
      std::string_view d = Tok(v).deprel;
      // "talks mediated by X", "the accord signed between X and Y": a
      // participle on an event noun names its actor in an agent or a
      // "between" phrase.
      if (Is(d, "acl") && Tok(v).xpos == "VBN" && Head(v) >= 0 && MatchNoun(Head(v))) {
        std::int32_t agent = Agent(v);
        if (agent >= 0) return agent;
        std::int32_t between = -1;
        for (std::int32_t h : {v, Head(v)}) {
          EachChild(h, [&](std::int32_t c) {
            if (between < 0 && (Is(Tok(c).deprel, "obl") || Is(Tok(c).deprel, "nmod")) && HasCase(c, "between")) between = c;
          });
        }
        if (between >= 0) return between;
      }
      // "The opposition called for ...", misparsed as a noun with a
      // reduced relative clause: the noun is the subject.
      if (d == "acl" && (Tok(v).xpos == "VBD" || Tok(v).xpos == "VBN") && Head(v) >= 0 && Tok(Head(v)).deprel == "root") {
        return ReducedPassive(v) ? -1 : Head(v);
      }
      // "Japan's decision to expel X": a decision's (or plan's) infinitive
      // is done by its possessor.
      if (d == "acl" && v >= 1 && Tok(v - 1).xpos == "TO" && Head(v) >= 0 && Tok(Head(v)).upos == "NOUN" &&
          (InSet(lex_.thing, Head(v)) || MatchNoun(Head(v)))) {
        std::int32_t owner = -1;
        EachChild(Head(v), [&](std::int32_t c) {
          if (owner < 0 && Tok(c).deprel == "nmod:poss" && Tok(c).upos != "PRON") owner = c;
        });
        return owner;
      }
      if (!(Is(d, "conj") || Is(d, "xcomp") || Is(d, "advcl"))) return -1;
      if (Is(d, "advcl") && ChildExact(v, "nsubj:pass") < 0) {
        if (std::int32_t s2 = SubordinatedSubject(v); s2 >= 0) return s2;
      }
      // "expelled an envoy accused of bribery": a past participle (or a
      // past tense the tagger gave one) completing an object is passive;
      // the main clause's subject did not do it.
      if (Is(d, "xcomp") && (Tok(v).xpos == "VBN" || (Tok(v).xpos == "VBD" && v > 0 && Tok(v - 1).deprel == "obj" &&
                                                      Head(v - 1) == Head(v))) &&
          Child(v, "obj") < 0 && Agent(v) < 0)
        return -1;
      // "respond to the decision to expel X", with the infinitive hung on
      // the verb: the decision's infinitive, done by whoever decided (its
      // possessor) or by no one named.
      if (Is(d, "advcl") && v >= 2 && Tok(v - 1).xpos == "TO" && Tok(v - 2).upos == "NOUN" &&
          Head(v - 2) == Head(v) && (InSet(lex_.thing, v - 2) || MatchNoun(v - 2))) {
        std::int32_t owner = -1;
        EachChild(v - 2, [&](std::int32_t c) {
          if (owner < 0 && Tok(c).deprel == "nmod:poss" && Tok(c).upos != "PRON") owner = c;
        });
        return owner;
      }
      // "X said Dravenia was preparing an invasion and put his army on
      // alert": "his" agrees with the person who spoke, not with the
      // country, so the conjunct coordinates with the verb of speech.
      if (Is(d, "conj") && Head(v) >= 0 && OwnsByPersonalPronoun(v)) {
        const std::int32_t inherited = Subject(Head(v));
        const std::int32_t speaker = Speaker(Head(v));
        if (inherited >= 0 && speaker >= 0 && !IsPerson(inherited) && IsPerson(speaker)) return speaker;
      }
      // "A quake struck the coast, killing 40, officials said": a participle
      // tells more of the clause it follows, never of the verb reporting it.
      // When the parser hung both on the reporting verb, the clause is the
      // earlier subject with its own verb; a reporter named after the
      // participle did not do it.
      if (Is(d, "advcl") && Tok(v).xpos == "VBG" && Head(v) >= 0 && lex_.speech.count(Lemma(Head(v)))) {
        std::int32_t clause = -1, later = -1;
        EachChild(Head(v), [&](std::int32_t c) {
          if (!Is(Tok(c).deprel, "nsubj")) return;
          if (c > v) later = c;
          EachChild(c, [&](std::int32_t g) {
            if (g > c && g < v && Tok(g).deprel == "acl" && Tok(g).upos == "VERB" &&
                (Tok(g).xpos == "VBD" || Tok(g).xpos == "VBN"))
              clause = c;
          });
        });
        if (clause >= 0) return clause;
        if (later >= 0) return -1;
      }
      // A bare past participle ("the hearings of those detained", "Arrested
      // in May, he ...") is passive: the clause above names the one
      // acted upon, or no one, never the agent.
      if (!Is(d, "conj") && Tok(v).xpos == "VBN" && Child(v, "aux") < 0 && Child(v, "aux:pass") < 0) return -1;
      v = Head(v);
    }
    return -1;
  }
  // A past participle with no auxiliary, object or agent, with the
  // clause's own verb still to come ("Hostages freed in the raid told
  // ..."): a reduced passive, whose noun was acted upon. (A lone "The army
  // pulled out of the city." is tagged the same, so the later verb decides.)
  bool ReducedPassive(std::int32_t v) {
    if (Tok(v).xpos != "VBN" || Child(v, "aux") >= 0 || Child(v, "aux:pass") >= 0 || Child(v, "obj") >= 0 || Agent(v) >= 0)
      return false;
    // A verb inside a conjunct of the participle is that conjunct's: "X
    // appealed for calm and said its inspectors would look into it" has no
    // verb to come.
    auto in_conjunct = [&](std::int32_t k) {
      for (int steps = 0; k >= 0 && steps < 32; k = Head(k), ++steps)
        if (Head(k) == v) return Tok(k).deprel == "conj";
      return false;
    };
    for (std::int32_t k = v + 1; k < n_; ++k) {
      if (Tok(k).upos == "VERB" && !in_conjunct(k) && Tok(k).deprel != "xcomp" && Tok(k).deprel != "advcl")
        return true;
    }
    return false;
  }

  // True if an object or oblique of v is owned by "his" or "her".
  bool OwnsByPersonalPronoun(std::int32_t v) {
    bool hit = false;
    EachChild(v, [&](std::int32_t c) {
      if (hit || !(Is(Tok(c).deprel, "obj") || Is(Tok(c).deprel, "obl"))) return;
      EachChild(c, [&](std::int32_t g) {
        if (hit || Tok(g).deprel != "nmod:poss" || Tok(g).upos != "PRON") return;
        std::string w(a_.text.substr(Tok(g).begin, Tok(g).end - Tok(g).begin));
        for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        hit = w == "his" || w == "her";
      });
    });
    return hit;
  }
  bool IsPerson(std::int32_t h) {
    const std::int32_t m = MentionAt(h);
    if (m >= 0) return a_.mentions[static_cast<std::size_t>(m)].type == "PERSON";
    return NamedWithin(h) >= 0 &&
           a_.mentions[static_cast<std::size_t>(NamedWithin(h))].type == "PERSON";
  }
  std::int32_t Agent(std::int32_t v) {
    std::int32_t agent = -1;
    EachChild(v, [&](std::int32_t c) {
      if (agent < 0 && (Tok(c).deprel == "obl:agent" || (Is(Tok(c).deprel, "obl") && HasCase(c, "by")))) agent = c;
    });
    return agent;
  }

  // The target of a verb.
  std::int32_t VerbTarget(std::int32_t v, const Pattern* p) {
    const CodeInfo* info = p ? lex_.codebook->Find(p->code) : nullptr;
    const bool own = info && info->own_means;
    const bool obj_is_event_noun = p && !p->obj.empty();
    std::int32_t pass = ChildExact(v, "nsubj:pass");
    std::int32_t obj = Child(v, "obj");
    if (obj < 0) obj = Child(v, "iobj");
    if (obj < 0 && pass < 0) obj = DisplacedObject(v);
    if (obj < 0 && pass < 0 && GardenPathSubject(v) >= 0) obj = Head(v);
    if (pass >= 0) {
      // "X was attacked by Y": the passive subject is acted upon.
      if (!obj_is_event_noun && !own && Agent(v) >= 0 && ActorLike(pass, Role::kTarget)) return pass;
      obj = pass;
    }
    // The oblique the pattern names ("arrived in Islamabad").
    if (p && !p->prep.empty()) {
      std::int32_t found = -1;
      EachChild(v, [&](std::int32_t c) {
        if (found < 0 && Is(Tok(c).deprel, "obl") && HasCase(c, p->prep) && ActorLike(c, Role::kSource)) found = c;
      });
      // "blamed the bombing of the depot on X": the parser may hang the
      // oblique on the object, or on a noun under it.
      if (found < 0 && obj >= 0) {
        const std::int32_t c = PrepUnderObject(obj, p->prep, 1);
        if (c >= 0 && ActorLike(c, Role::kSource)) found = c;
      }
      if (found >= 0) return found;
    }
    // Aid goes to someone: the object of "funded the clinics" is what is paid for.
    const Role obj_role = p && Root(p->code) == "07" ? Role::kSource : Role::kTarget;
    // "its troops" are the subject's own, but "her counterpart X" is someone else.
    bool obj_usable = obj >= 0 && !own && !obj_is_event_noun &&
                      (!OwnedByPronoun(obj) || NamedWithin(obj) >= 0 || OwnerIsNotSubject(obj, v)) &&
                      ActorLike(obj, obj_role);
    std::int32_t obl = DirectedOblique(v, Role::kTarget);
    // A named recipient beats a common noun ("extradited two suspects to Bangladesh").
    if (obj_usable && !(obl >= 0 && MentionAt(obj) < 0 && MentionAt(obl) >= 0 && !IsKnownAgent(obj))) return obj;
    // "filed a complaint against X at the WTO": the one the act's noun is
    // against is its target, not where it was filed.
    if (obj >= 0 && obj_is_event_noun && obl >= 0 && !HasCase(obl, "against")) {
      const std::int32_t t = DirectedOblique(obj, Role::kTarget);
      if (t >= 0 && HasCase(t, "against")) return t;
    }
    if (obl >= 0) return obl;
    if (obj >= 0 && pass != obj) {
      std::int32_t t = DirectedOblique(obj, Role::kTarget);
      // "moved 200 tonnes of food to X"
      if (t < 0 && ThroughQuantity(obj) != obj) t = DirectedOblique(ThroughQuantity(obj), Role::kTarget);
      if (t >= 0) return t;
    }
    if (obj >= 0 && pass == obj) {
      std::int32_t t = DirectedOblique(pass, Role::kTarget);
      if (t >= 0) return t;
    }
    // "expelled a Russian diplomat": the event noun is itself a person.
    // Never for aid: "moved 200 tonnes of food" names what is given.
    if (obj >= 0 && obj_is_event_noun && !own && Root(p->code) != "07" && !OwnedByPronoun(obj) &&
        ActorLike(obj, Role::kSource))
      return obj;
    // "protested outside the Lorvani embassy": a protest at a country's
    // mission is against that country's government.
    if (p && Root(p->code) == "14") {
      std::int32_t mission = -1;
      EachChild(v, [&](std::int32_t c) {
        if (mission >= 0 || !Is(Tok(c).deprel, "obl")) return;
        const std::string_view l = Lemma(c);
        if (l != "embassy" && l != "consulate") return;
        if (HasCase(c, "outside") || HasCase(c, "at") || HasCase(c, "near") || HasCase(c, "before")) mission = c;
      });
      if (mission >= 0) return mission;
    }
    return -1;
  }

  // "Sailors boarded the boat and detained its crew": "its" cannot stand
  // for a plural subject, so the crew is another's (the boat's).
  bool OwnerIsNotSubject(std::int32_t n, std::int32_t v) {
    std::int32_t its = -1;
    EachChild(n, [&](std::int32_t c) {
      if (its < 0 && Tok(c).deprel == "nmod:poss" && Tok(c).upos == "PRON" && Lemma(c) == "its") its = c;
    });
    if (its < 0) return false;
    const std::int32_t subj = Subject(v);
    if (subj < 0) return false;
    const std::string_view x = Tok(subj).xpos;
    return x == "NNS" || x == "NNPS";
  }

  bool OwnedByPronoun(std::int32_t n) {
    bool own = false;
    EachChild(n, [&](std::int32_t c) {
      if (!own && Tok(c).deprel == "nmod:poss" && Tok(c).upos == "PRON") own = true;
    });
    return own;
  }
  bool HasMentionModifier(std::int32_t n) {
    bool hit = false;
    EachChild(n, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      if (!hit && (d == "amod" || d == "compound" || d == "nmod:poss") && MentionAt(c) >= 0) hit = true;
    });
    return hit;
  }
  bool IsKnownAgent(std::int32_t n) { return Find(lex_.agents, n) != nullptr; }

  std::int32_t DirectedOblique(std::int32_t h, Role role) {
    std::int32_t found = -1;
    EachChild(h, [&](std::int32_t c) {
      if (found >= 0) return;
      std::string_view d = Tok(c).deprel;
      if (!(Is(d, "obl") || Is(d, "nmod")) || d == "obl:agent" || d == "obl:tmod" || d == "nmod:poss") return;
      if (IsDirectionPrep(Prep(c)) && ActorLike(c, Role::kSource)) found = c;
    });
    (void)role;
    return found;
  }

  // Actors of a free-standing event noun: "talks between X and Y", "X's
  // visit", "Russian-led talks with Y".
  std::pair<std::int32_t, std::int32_t> NounActors(std::int32_t n) {
    std::int32_t src = -1, tgt = -1;
    EachChild(n, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      std::string p = Is(d, "nmod") ? Prep(c) : std::string();
      if (p == "between" && src < 0) {
        src = c;
        std::int32_t conj = Child(c, "conj");
        if (conj >= 0) tgt = conj;
      } else if ((d == "nmod:poss" || d == "amod" || d == "compound") && src < 0 && MentionAt(c) >= 0) {
        src = c;
      } else if (tgt < 0 && (p == "with" || p == "on" || p == "against")) {
        tgt = c;
      } else if (src < 0 && (p == "by" || p == "of") && ActorLike(c, Role::kSource)) {
        src = c;
      }
    });
    return {src, tgt};
  }

  std::int32_t MentionAt(std::int32_t i) const {
    return s_.mention_of[sent_.first_token + static_cast<std::uint32_t>(i)];
  }

  // Could the phrase headed by h be an actor in this role? Sources and
  // obliques must be named or known kinds of actors; an object may also be
  // a person, group, place or vehicle of no actor code ("attacked a
  // village", words.tsv "undergoer"), but not an event, a thing said or
  // whatever else an act is about ("defended the tax").
  bool ActorLike(std::int32_t h, Role role) {
    // "signed this Friday in Tessary an accord", as translations order it:
    // a day the parser took for the object is when, never who.
    if (IsTime(h)) return false;
    if (const std::int32_t m = MentionAt(h); m >= 0) return !Site(m);
    std::string_view u = Tok(h).upos;
    if (u == "PRON") return role == Role::kTarget && IsObjectForm(h);  // "criticised him" (Resolve)
    if (u != "NOUN" && u != "PROPN") return false;
    if (MatchNoun(h) || InSet(lex_.thing, h)) return role == Role::kTarget && HasMentionModifier(h);
    if (InSet(lex_.quantity, h)) return true;
    if (IsKnownAgent(h) || HasMentionModifier(h)) return true;
    if (role != Role::kTarget) return false;
    // A capitalised head ("Minister", "Mr") or one with a person named
    // within it ("her counterpart X"): NamedWithin finds whom.
    return u == "PROPN" || InSet(lex_.undergoer, h) || InSet(lex_.site, h) || InSet(lex_.aim, h) ||
           NamedWithin(h) >= 0;
  }

  // A place named as a site within a town ("Freedom Square", words.tsv
  // "site"), whatever type the recogniser gave it: where an act happens,
  // not who does it or to whom.
  bool Site(std::int32_t m) {
    const Mention& mm = a_.mentions[static_cast<std::size_t>(m)];
    if (mm.type == "PERSON") return false;  // (a recogniser may type "X Square" an organisation)
    std::string_view name = std::string_view(a_.text).substr(mm.begin, mm.end - mm.begin);
    const std::size_t sp = name.find_last_of(' ');
    if (sp == std::string_view::npos) return false;
    std::string last(name.substr(sp + 1));
    for (char& ch : last) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return lex_.site.count(last) > 0;
  }

  // The person a title or role names: "her counterpart X" (apposition), or
  // "met Deputy Minister X" when the parser split the title from the name
  // and hung the name under the title, or beside it, as a second object.
  std::int32_t NamedWithin(std::int32_t h) {
    std::int32_t named = -1;
    EachChild(h, [&](std::int32_t c) {
      if (named >= 0 || c < h || MentionAt(c) < 0 || MentionAt(c) == MentionAt(h)) return;
      std::string_view d = Tok(c).deprel;
      if (d == "appos" || (d == "obj" && Is(Tok(h).deprel, "obj") &&
                           a_.mentions[static_cast<std::size_t>(MentionAt(c))].type == "PERSON"))
        named = MentionAt(c);
    });
    // "The foreign minister, Ana Kessar, condemned ...": an apposition the
    // parse hung on the comma after the head.
    if (named < 0) {
      EachChild(h, [&](std::int32_t c) {
        if (named >= 0 || c < h || Tok(c).deprel != "punct" || Tok(c).xpos != ",") return;
        EachChild(c, [&](std::int32_t g) {
          if (named >= 0 || g < c || Tok(g).deprel != "appos") return;
          // "Brigadier Ana Kessar": a rank the name does not include heads it.
          std::int32_t gm = MentionAt(g);
          if (gm < 0) {
            EachChild(g, [&](std::int32_t f) {
              if (gm < 0 && f > g && Tok(f).deprel == "flat") gm = MentionAt(f);
            });
          }
          if (gm >= 0 && gm != MentionAt(h) && a_.mentions[static_cast<std::size_t>(gm)].type == "PERSON") named = gm;
        });
      });
    }
    // "Trade Minister Ana Kessar accused ...", parsed with the title's
    // first word as the head and the name as its flat tail: the person
    // the title belongs to.
    if (named < 0 && MentionAt(h) < 0 && Tok(h).upos == "PROPN") {
      EachChild(h, [&](std::int32_t c) {
        if (named < 0 && c > h && (Tok(c).deprel == "flat" || Tok(c).deprel == "compound") && MentionAt(c) >= 0 &&
            a_.mentions[static_cast<std::size_t>(MentionAt(c))].type == "PERSON")
          named = MentionAt(c);
      });
    }
    if (named < 0 && Tok(h).deprel == "obj" && Head(h) >= 0 && MentionAt(h) < 0) {
      EachChild(Head(h), [&](std::int32_t c) {
        const bool bare = Tok(c).deprel == "obj" || (Is(Tok(c).deprel, "obl") && Prep(c).empty());
        if (named < 0 && c > h && bare && MentionAt(c) >= 0 &&
            a_.mentions[static_cast<std::size_t>(MentionAt(c))].type == "PERSON")
          named = MentionAt(c);
      });
    }
    return named;
  }

  // 'm' for he/him, 'f' for she/her, 0 for any other word.
  char PersonalPronounGender(std::int32_t h) const {
    const std::string w = LowerWord(h);
    if (w == "he" || w == "him") return 'm';
    if (w == "she" || w == "her") return 'f';
    return 0;
  }
  bool IsObjectForm(std::int32_t h) const {
    const std::string w = LowerWord(h);
    return w == "him" || w == "her";
  }
  std::string LowerWord(std::int32_t h) const {
    const Token& t = Tok(h);
    std::string w(a_.text.substr(t.begin, t.end - t.begin));
    for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return w;
  }

  // The last mention, before `end`, of the one person the text names
  // lately whose gender is `gender` or unknown, leaving out local entity
  // `exclude`; -1 when there is none or more than one. "Lately": from the
  // start of the sentence before; when no such person is named there,
  // from the start of the one before that, and so up to three sentences
  // back ("She criticised him. She said ... He rejected ...").
  std::int32_t PersonBefore(std::uint32_t end, char gender, std::int32_t exclude) const {
    for (std::size_t back = 1; back <= 3; ++back) {
      const std::uint32_t from = a_.sentences[si_ >= back ? si_ - back : 0].begin;
      std::int32_t person = -1;
      // Mentions are in text order: start at the first one after `from`.
      const auto first = std::lower_bound(a_.mentions.begin(), a_.mentions.end(), from,
                                          [](const Mention& x, std::uint32_t pos) { return x.begin < pos; });
      for (auto m = static_cast<std::size_t>(first - a_.mentions.begin()); m < a_.mentions.size(); ++m) {
        const Mention& mm = a_.mentions[m];
        if (mm.begin >= end) break;
        if (mm.type != "PERSON") continue;
        if (mm.local >= 0 && mm.local == exclude) continue;
        if (mm.local >= 0 && static_cast<std::size_t>(mm.local) < a_.local_entities.size()) {
          const char g = a_.local_entities[static_cast<std::size_t>(mm.local)].gender;
          if (g != 0 && g != gender) continue;
        }
        if (person >= 0 && !SamePerson(a_.mentions[static_cast<std::size_t>(person)], mm)) return -1;
        person = static_cast<std::int32_t>(m);
      }
      if (person >= 0 || si_ < back) return person;
    }
    return -1;
  }
  bool SamePerson(const Mention& x, const Mention& y) const {
    if (x.local >= 0 || y.local >= 0) return x.local == y.local;
    return a_.text.substr(x.begin, x.end - x.begin) == a_.text.substr(y.begin, y.end - y.begin);
  }
  // The local entity of clause head c's subject: a name, or "he"/"she"
  // resolved as above; -1 when none.
  std::int32_t SubjectLocal(std::int32_t c) const {
    const std::int32_t subj = ChildExact(c, "nsubj");
    if (subj < 0) return -1;
    std::int32_t m = MentionAt(subj);
    if (m < 0 && Tok(subj).upos == "PRON" && PersonalPronounGender(subj) && !IsObjectForm(subj)) {
      m = PersonBefore(Tok(subj).begin, PersonalPronounGender(subj), -1);
    }
    return m < 0 ? -1 : a_.mentions[static_cast<std::size_t>(m)].local;
  }

  // Resolves the noun phrase headed by h to an actor: the mention that
  // covers it; a common-noun actor ("police", "Russian troops"); or, for
  // a noun, the noun phrase itself.
  std::optional<EventActor> Resolve(std::int32_t h) {
    if (h < 0) return std::nullopt;
    const Token& t = Tok(h);
    if (t.upos == "PRON") {
      std::int32_t clause = Head(h);
      // "the president, who met ...": the relative pronoun stands for the noun.
      if (clause >= 0 && Is(Tok(clause).deprel, "acl") && Head(clause) >= 0 &&
          (t.xpos == "WP" || t.xpos == "WDT")) {
        std::int32_t noun = Head(clause);
        return noun == h ? std::nullopt : Resolve(noun);
      }
      // "Kessar flew to Harlen. He accused ...": "he" or "she" is the one
      // person of its gender (or of unknown gender) named lately; with two
      // or more such people it is left unresolved rather than guessed.
      const char gender = PersonalPronounGender(h);
      if (Is(t.deprel, "nsubj") && (clause < 0 || !Is(Tok(clause).deprel, "ccomp"))) {
        if (gender == 0 || IsObjectForm(h)) return std::nullopt;
        const std::int32_t person = PersonBefore(t.begin, gender, -1);
        if (person < 0) return std::nullopt;
        return FromMention(person);
      }
      // "She criticised him": "him" or "her" as an object is the one person
      // of its gender named lately other than the clause's subject.
      if (gender != 0 && IsObjectForm(h) && clause >= 0 &&
          (t.deprel == "obj" || t.deprel == "iobj" || Is(t.deprel, "obl"))) {
        const std::int32_t person = PersonBefore(t.begin, gender, SubjectLocal(clause));
        if (person < 0) return std::nullopt;
        return FromMention(person);
      }
      // "X said it would ...": the pronoun subject of a reported clause is the speaker.
      if (!Is(t.deprel, "nsubj") || clause < 0 || !Is(Tok(clause).deprel, "ccomp")) return std::nullopt;
      std::int32_t speech = Head(clause);
      if (speech < 0 || !lex_.speech.count(Lemma(speech))) return std::nullopt;
      std::int32_t speaker = ChildExact(speech, "nsubj");
      if (speaker < 0 || Tok(speaker).upos == "PRON") return std::nullopt;
      return Resolve(speaker);
    }
    if (t.upos == "DET" || t.upos == "NUM") return std::nullopt;
    std::int32_t m = MentionAt(h);
    // "congratulated Mr Lenhall": a form of address the parse made the
    // head of the name it precedes is the name's.
    if (m < 0 && t.upos == "PROPN") {
      EachChild(h, [&](std::int32_t c) {
        if (m < 0 && c > h && (Tok(c).deprel == "flat" || Tok(c).deprel == "compound")) m = MentionAt(c);
      });
    }
    // "Lorvanian President X" parsed with the people's adjective as the
    // head: the person the phrase names.
    if (m >= 0 && a_.mentions[static_cast<std::size_t>(m)].type == "MISC") {
      std::int32_t person = -1;
      EachChild(h, [&](std::int32_t c) {
        const std::string_view d = Tok(c).deprel;
        const std::int32_t cm = MentionAt(c);
        if (person < 0 && c > h && cm >= 0 && cm != m && a_.mentions[static_cast<std::size_t>(cm)].type == "PERSON" &&
            (Is(d, "nmod") || d == "appos" || d == "flat" || d == "compound"))
          person = cm;
      });
      if (person >= 0) m = person;
    }
    if (m >= 0) return FromMention(m);
    // "Kosovo's deputy prime minister, Arben Hoxhaj": the named apposition
    // is the actor, also when the parser hung it on a modifier of the head.
    std::int32_t named = NamedWithin(h);
    EachChild(h, [&](std::int32_t c) {
      if (named >= 0) return;
      if (named < 0 && Is(Tok(c).deprel, "nmod")) {
        EachChild(c, [&](std::int32_t g) {
          if (named < 0 && Tok(g).deprel == "appos" && MentionAt(g) >= 0) named = MentionAt(g);
        });
      }
    });
    if (named >= 0) return FromMention(named);
    if (MatchNoun(h) || InSet(lex_.thing, h)) {
      // "rejected the Serbian proposal", "praised Brazil's efforts": whose it is.
      std::int32_t owner = -1;
      EachChild(h, [&](std::int32_t c) {
        std::string_view d = Tok(c).deprel;
        if (owner < 0 && (d == "amod" || d == "compound" || d == "nmod:poss") && MentionAt(c) >= 0) owner = MentionAt(c);
      });
      if (owner >= 0) return FromMention(owner);
      return std::nullopt;
    }
    // A plural noun the tagger took for a verb ("Lorvani drones hit", with
    // "drones" as a verb whose subject is "Lorvani") keeps its modifier as
    // that subject.
    const bool noun_as_verb = t.upos == "VERB";
    auto modifier = [&](std::string_view d) {
      return d == "amod" || d == "compound" || d == "nmod:poss" || (noun_as_verb && d == "nsubj");
    };
    // A mention modifying the head: "Russian troops", "the Chilean president".
    std::int32_t mod_mention = -1;
    EachChild(h, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      if (mod_mention < 0 && c < h && modifier(d) && MentionAt(c) >= 0) {
        mod_mention = MentionAt(c);
      }
    });
    const std::string* agent = Find(lex_.agents, h);
    // "Lorvani drones struck a depot", like "Lorvani forces shelled the
    // town": a weapon that acts stands for the military that fires it. Not
    // a known agent elsewhere: "launched drones" names no target.
    // Unowned ("Missiles hit the capital") it names no actor.
    static const std::string kMilitary = "MIL";
    const bool weapon = !agent && InSet(lex_.weapon, h);
    if (weapon && (mod_mention >= 0 || OwnerWord(h, modifier))) agent = &kMilitary;
    // "rebel leaders", "an opposition spokesman", "Russian military
    // officials": a role acts for the body the agent word before it names,
    // as CAMEO codes whom it speaks for. A sector noun keeps its own
    // ("government troops" are the military).
    if (agent && InSet(lex_.role, h)) {
      EachChild(h, [&](std::int32_t c) {
        const std::string_view d = Tok(c).deprel;
        if (c > h || (d != "compound" && d != "amod") || MentionAt(c) >= 0 || InSet(lex_.role, c)) return;
        if (const std::string* sector = Find(lex_.agents, c); sector && !sector->empty()) agent = sector;
      });
    }
    if (t.upos != "NOUN" && t.upos != "PROPN" && !agent) return std::nullopt;
    // A country adjective the recogniser did not mark ("Russian troops").
    std::string country_code;
    if (mod_mention < 0) {
      EachChild(h, [&](std::int32_t c) {
        std::string_view d = Tok(c).deprel;
        if (!country_code.empty() || c > h || (d != "amod" && d != "compound" && !(noun_as_verb && d == "nsubj"))) return;
        std::string_view w = std::string_view(a_.text).substr(Tok(c).begin, Tok(c).end - Tok(c).begin);
        if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return;
        const auto& gaz = gazetteer::Gazetteer::Default();
        if (auto iso = gaz.CountryOf(w)) country_code = gaz.CameoCountry(*iso);
      });
    }
    // An organisation the recogniser did not mark ("European Union
    // foreign ministers" at a sentence's start): the capitalised words
    // right before the head that the gazetteer lists as one organisation
    // give its code, as a marked one would.
    if (mod_mention < 0 && country_code.empty() && h > 0) {
      auto capitalised = [&](std::int32_t k) {
        const std::string_view w = std::string_view(a_.text).substr(Tok(k).begin, Tok(k).end - Tok(k).begin);
        return !w.empty() && w[0] >= 'A' && w[0] <= 'Z' && (Tok(k).upos == "PROPN" || Tok(k).upos == "ADJ");
      };
      std::int32_t end = h - 1;
      while (end >= 0 && !capitalised(end) && Head(end) == h && (Tok(end).deprel == "amod" || Tok(end).deprel == "compound"))
        --end;  // "EU foreign ministers": past the lower-case modifiers
      std::int32_t begin = end;
      while (begin > 0 && end - begin < 4 && capitalised(begin - 1)) --begin;
      if (end >= 0 && capitalised(end)) {
        const auto& gaz = gazetteer::Gazetteer::Default();
        for (std::int32_t b = begin; b <= end && country_code.empty(); ++b) {
          const std::string_view name = std::string_view(a_.text).substr(Tok(b).begin, Tok(end).end - Tok(b).begin);
          for (std::uint32_t id : gaz.Lookup(name)) {
            const gazetteer::Entry& e = gaz.entry(id);
            if (e.kind == gazetteer::kOrganisation && !e.code.empty()) {
              country_code = e.code;
              break;
            }
          }
        }
      }
    }
    // "X said his government was ready": the speaker's own government,
    // army or ministry is of the speaker's country.
    if (mod_mention < 0 && country_code.empty() && agent && !agent->empty() && OwnedByPronoun(h)) {
      const std::int32_t speaker = Speaker(h);
      std::optional<EventActor> who = speaker >= 0 && speaker != h && !OwnedByPronoun(speaker) ? Resolve(speaker)
                                                                                                : std::nullopt;
      if (who && who->actor_code.size() >= 3) {
        const auto& gaz = gazetteer::Gazetteer::Default();
        if (auto iso = gaz.CountryOf(std::string_view(who->actor_code).substr(0, 3))) country_code = gaz.CameoCountry(*iso);
      }
    }
    // "bombed targets" names no one; "Russian targets", "government
    // positions" name their owner.
    if (InSet(lex_.aim, h) && mod_mention < 0 && country_code.empty()) {
      bool owner = false;
      EachChild(h, [&](std::int32_t c) {
        std::string_view d = Tok(c).deprel;
        owner = owner || (c < h && (d == "amod" || d == "compound" || d == "nmod:poss") && IsKnownAgent(c));
      });
      if (!owner) return std::nullopt;
    }
    EventActor act;
    // The words of the phrase: the head and the modifiers right before it.
    // A modifier of a modifier belongs too ("United" of "the United Nations
    // Secretary-General"), and so does a name's hyphenated or flat tail.
    std::int32_t first = h, last = h;
    for (std::int32_t k = h - 1; k >= 0; --k) {
      std::string_view d = Tok(k).deprel;
      const std::int32_t kh = Head(k);
      bool mod = kh == h && (modifier(d) || d == "flat");
      bool inner = kh >= first && kh < h && (d == "compound" || d == "amod" || d == "flat" || d == "punct") &&
                   Tok(k).upos != "PUNCT";
      // The hyphen inside a word the tokenizer split ("Secretary-General"):
      // the word before it belongs too, however the parser attached it
      // ("a Lorvanian-registered ship", "Lorvanian" hung on "registered" as an
      // oblique), or the phrase would start at the hyphen.
      const bool hyphen = k > 0 && Tok(k).xpos == "HYPH" && Tok(k).begin == Tok(k - 1).end && Tok(k).end == Tok(k + 1).begin;
      if (hyphen) {
        first = k;
        if (Tok(k - 1).upos != "PUNCT") first = --k;
        continue;
      }
      if (!(mod || inner) || Tok(k).upos == "PRON" || Tok(k).upos == "DET" || GardenPathSubject(k) >= 0) break;
      first = k;
    }
    for (std::int32_t k = h + 1; k + 1 < n_ && Tok(k).xpos == "HYPH" && Head(k + 1) == h && Tok(k + 1).deprel == "flat" &&
                                 Tok(k).begin == Tok(k - 1).end && Tok(k + 1).begin == Tok(k).end;
         k += 2) {
      last = k + 1;
    }
    act.text = std::string(a_.text.substr(Tok(first).begin, Tok(last).end - Tok(first).begin));
    std::string code = mod_mention >= 0 ? a_.mentions[static_cast<std::size_t>(mod_mention)].actor_code : country_code;
    // "a Vermont senator", "Texas officials": a state or town names no
    // actor of its own (no code) but is in a country.
    if (mod_mention >= 0 && code.empty()) {
      const Mention& mm = a_.mentions[static_cast<std::size_t>(mod_mention)];
      if (mm.type == "LOC" && !mm.country.empty()) code = gazetteer::Gazetteer::Default().CameoCountry(mm.country);
    }
    // "a Kessar Freight spokesman", "the Kessar union's leader": the
    // spokesman or leader of an organisation the gazetteer does not know
    // speaks for it, not for a government.
    // A capitalised word the recogniser missed there ("a Kessar
    // spokesman") is such an organisation too, unless it has a demonym's
    // ending ("a Lorvanian spokesman" speaks for Lorvania).
    bool unknown_org = mod_mention >= 0 && code.empty() &&
                       a_.mentions[static_cast<std::size_t>(mod_mention)].type == "ORG";
    if (mod_mention < 0 && code.empty()) {
      EachChild(h, [&](std::int32_t c) {
        if (unknown_org || c > h || (Tok(c).deprel != "compound" && Tok(c).deprel != "amod")) return;
        const std::string_view w = std::string_view(a_.text).substr(Tok(c).begin, Tok(c).end - Tok(c).begin);
        auto ends = [&](std::string_view suf) { return w.size() > suf.size() && w.substr(w.size() - suf.size()) == suf; };
        unknown_org = !w.empty() && w[0] >= 'A' && w[0] <= 'Z' && (Tok(c).upos == "PROPN" || Tok(c).upos == "ADJ") &&
                      !ends("an") && !ends("i") && !ends("ese") && !ends("ish") && !ends("ch") &&
                      gazetteer::Gazetteer::Default().Lookup(w).empty();
      });
    }
    // A sector without a country ("BUS" of a company) is whose agent it
    // is already: "a Kessar Holdings spokesman" is the company's.
    const bool sector_only = !code.empty() && !gazetteer::Gazetteer::Default().CountryOf(code);
    if (agent && !agent->empty() && code.size() <= 3 && !sector_only && !(unknown_org && *agent == "GOV")) code += *agent;
    act.actor_code = code;
    act.known = mod_mention >= 0 || agent != nullptr || !country_code.empty();
    return act;
  }
  // A modifier that names whose h is: a name, or a capitalised adjective
  // inside the sentence or with a demonym's ending at its start ("Lorvani",
  // "Dravenian"; not "Heavy").
  template <typename IsModifier>
  bool OwnerWord(std::int32_t h, IsModifier is_modifier) {
    bool owner = false;
    EachChild(h, [&](std::int32_t c) {
      if (owner || c > h || !is_modifier(Tok(c).deprel)) return;
      const std::string_view w = std::string_view(a_.text).substr(Tok(c).begin, Tok(c).end - Tok(c).begin);
      if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return;
      const std::string_view u = Tok(c).upos;
      auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 2 && w.substr(w.size() - suf.size()) == suf; };
      if (u == "PROPN" || (u == "ADJ" && (c > 0 || ends("an") || ends("i") || ends("ese") || ends("ish")))) owner = true;
    });
    return owner;
  }
  EventActor FromMention(std::int32_t m) {
    const Mention& mm = a_.mentions[static_cast<std::size_t>(m)];
    EventActor act;
    act.mention = m;
    act.text = std::string(a_.text.substr(mm.begin, mm.end - mm.begin));
    act.actor_code = mm.actor_code;
    // A storm, a war or a treaty ("Cyclone X killed 40") acts on no one
    // in CAMEO's sense: only a name with an actor code or of a person,
    // organisation or place may be a source.
    act.known = mm.type != "MISC" || !mm.actor_code.empty();
    return act;
  }

  // The actor and its coordinated actors ("the US and its allies"), seen
  // through words of number and containers ("dozens of students", "the
  // armies of X and Y").
  std::vector<EventActor> ResolveAll(std::int32_t h, bool first_only) {
    std::vector<EventActor> out;
    if (h < 0) return out;
    for (int hop = 0; hop < 2 && MentionAt(h) < 0; ++hop) {
      bool quantity = InSet(lex_.quantity, h) || Tok(h).upos == "NUM";
      bool container = InSet(lex_.container, h);
      if (!quantity && !container) break;
      std::int32_t inner = -1;
      EachChild(h, [&](std::int32_t c) {
        if (inner < 0 && Is(Tok(c).deprel, "nmod") && HasCase(c, "of") && (quantity || MentionAt(c) >= 0)) inner = c;
      });
      if (inner < 0) break;
      h = inner;
    }
    if (auto a = Resolve(h)) out.push_back(std::move(*a));
    if (first_only) return out;
    // "Serbian and Kosovo negotiators": one actor per country the modifier
    // names, each with the head's role ("SRBGOV", "KSVGOV").
    if (!out.empty() && out.front().mention < 0) {
      const std::string& front_code = out.front().actor_code;
      const std::string role = front_code.size() > 3 ? front_code.substr(3) : std::string();
      EachChild(h, [&](std::int32_t c) {
        std::string_view d = Tok(c).deprel;
        if (c > h || (d != "amod" && d != "compound" && d != "nmod:poss")) return;
        EachChild(c, [&](std::int32_t k) {
          if (Tok(k).deprel != "conj" || static_cast<int>(out.size()) >= kMaxConjuncts) return;
          std::string country;
          std::int32_t m = MentionAt(k);
          if (m >= 0) {
            country = a_.mentions[static_cast<std::size_t>(m)].actor_code;
          } else {
            std::string_view w = std::string_view(a_.text).substr(Tok(k).begin, Tok(k).end - Tok(k).begin);
            const auto& gaz = gazetteer::Gazetteer::Default();
            if (auto iso = gaz.CountryOf(w)) country = gaz.CameoCountry(*iso);
          }
          if (country.size() != 3) return;
          EventActor extra = out.front();
          extra.mention = -1;
          extra.text = std::string(a_.text.substr(Tok(k).begin, Tok(k).end - Tok(k).begin)) + " " +
                       std::string(a_.text.substr(Tok(h).begin, Tok(h).end - Tok(h).begin));
          extra.actor_code = country + role;
          extra.known = true;
          out.push_back(std::move(extra));
        });
      });
    }
    EachChild(h, [&](std::int32_t c) {
      if (static_cast<int>(out.size()) < kMaxConjuncts && Tok(c).deprel == "conj") {
        // "X and the rebel Free Harlen Movement", parsed with "rebel" as
        // X's conjunct and the name apart: a common noun in lower case
        // right before a name describes it, and the name is the conjunct.
        // (The recogniser may leave a capitalised word of the name out.)
        std::int32_t k = c;
        auto capitalised = [&](std::int32_t t) {
          const char x = a_.text[Tok(t).begin];
          return x >= 'A' && x <= 'Z';
        };
        if (c > 0 && Tok(c).upos == "NOUN" && MentionAt(c) < 0 && !capitalised(c)) {
          std::int32_t j = c + 1;
          while (j < n_ && j <= c + 2 && MentionAt(j) < 0 && capitalised(j)) ++j;
          if (j < n_ && MentionAt(j) >= 0 && (j == c + 1 || MentionAt(j) != MentionAt(c - 1))) {
            std::int32_t last = j;
            while (last + 1 < n_ && MentionAt(last + 1) == MentionAt(j)) ++last;
            if (a_.mentions[static_cast<std::size_t>(MentionAt(j))].begin == Tok(j).begin) k = last;
          }
        }
        if (auto a = Resolve(k)) out.push_back(std::move(*a));
      }
    });
    // "The prime minister and the president met", parsed as two subjects.
    // Without a word between them they are one actor, a title and a name
    // ("foreign ministry spokeswoman Jelena Scharowa"): the name stands.
    std::int32_t head = Head(h);
    if (head >= 0 && Tok(h).deprel == "nsubj") {
      EachChild(head, [&](std::int32_t c) {
        // The object of a verb the parser took for its adjective is no subject.
        bool garden_path_object = false;
        EachChild(c, [&](std::int32_t k) { garden_path_object = garden_path_object || GardenPathSubject(k) >= 0; });
        if (c > h && Tok(c).deprel == "nsubj" && !garden_path_object && static_cast<int>(out.size()) < kMaxConjuncts) {
          auto a = Resolve(c);
          if (!a) return;
          // "The opposition Popular Harlen Party": the words between the two
          // belong to the second's name (its phrase, or its named span),
          // so nothing stands between them.
          const std::int32_t named = MentionAt(c);
          bool adjacent = true;
          for (std::int32_t k = h + 1; k < c && adjacent; ++k) {
            // "Ethiopia and Tigrayan forces": a conjunction or a comma
            // between them makes two actors.
            if (Tok(k).upos == "CCONJ" || Tok(k).upos == "PUNCT") {
              adjacent = false;
              break;
            }
            std::int32_t up = k;
            for (int step = 0; step < 4 && up >= 0 && up != c; ++step) up = Head(up);
            adjacent = up == c || (named >= 0 && Tok(k).begin >= a_.mentions[static_cast<std::size_t>(named)].begin);
          }
          if (c != h + 1 && adjacent && out.empty()) {
            out.push_back(std::move(*a));
            return;
          }
          if (adjacent) {
            if (!out.empty() && out.back().mention < 0 && a->mention >= 0) out.back() = std::move(*a);
            return;
          }
          out.push_back(std::move(*a));
        }
      });
    }
    // "X and South Y", parsed with "South" as X's conjunct and "Y" as a
    // second subject, names the mention of South Y twice.
    for (std::size_t k = 1; k < out.size(); ++k) {
      if (out[k].mention < 0) continue;
      for (std::size_t j = 0; j < k; ++j) {
        if (out[j].mention == out[k].mention) {
          out.erase(out.begin() + static_cast<std::ptrdiff_t>(k--));
          break;
        }
      }
    }
    return out;
  }

  // True if v's subject is a natural force or a disease ("the cyclone",
  // "Storm X", "flooding"): nature is no political actor.
  bool NaturalSubject(std::int32_t v) {
    std::int32_t s = Child(v, "nsubj");
    // "The quake struck, killing 40": a shared subject counts as well.
    if (s < 0) s = Subject(v);
    if (s < 0) return false;
    return InSet(lex_.hazard, s) || HasChildLemma(s, {"compound", "flat", "amod"}, lex_.hazard);
  }

  // "threatened sanctions if Tessary did not withdraw its troops", "if
  // troops cross the border, sanctions will follow": an act in a condition
  // is one that may happen, not one that did (nor, negated, one that did
  // not); the threat or warning it belongs to is coded on its own verb.
  bool InCondition(std::int32_t v) { return MarkedBy(v, {"if", "unless"}); }

  void CodeVerb(std::int32_t v, const Pattern& p) {
    if (NaturalSubject(v) || InCondition(v)) return;
    std::int32_t obj = Object(v);
    // "struck a defiant note": force is used on actors and places, not on
    // things said; and "released a statement", "withdrew the bill" yield
    // nothing to anyone.
    if (p.obj.empty() && (QuadClass(p.code) == 4 || Root(p.code) == "08") && obj >= 0 && MentionAt(obj) < 0 &&
        InSet(lex_.thing, obj))
      return;
    MarkConsumed(v);
    if (obj >= 0 && !p.obj.empty()) MarkConsumed(obj);
    if (!p.xcomp.empty()) {
      EachChild(v, [&](std::int32_t c) {
        if (Is(Tok(c).deprel, "xcomp") || Is(Tok(c).deprel, "ccomp")) MarkConsumed(c);
      });
    }
    std::string code = p.code;
    // "sent humanitarian aid": the noun may say more than the verb's pattern.
    if (obj >= 0 && !p.obj.empty()) {
      const Pattern* np = MatchNoun(obj);
      // "releasing $5m in humanitarian aid": the sum is the object, the
      // oblique says what kind of aid it is.
      if (!np && InSet(lex_.money, obj) && Root(code) == "07") {
        for (std::int32_t h : {v, obj}) {
          EachChild(h, [&](std::int32_t c) {
            if (np || !(Is(Tok(c).deprel, "obl") || Is(Tok(c).deprel, "nmod")) || !HasCase(c, "in")) return;
            const Pattern* in = MatchNoun(c);
            if (in && Root(in->code) == "07") np = in;
          });
        }
        if (np && np->code != code) code = np->code;
        np = nullptr;
      }
      if (np && Root(np->code) == Root(code) && np->code.size() >= code.size() && np->code != code &&
          code.back() == '0')
        code = np->code;
    }
    // A cooperative act still to come is an intent to do it ("will meet",
    // "said it would free them"); a conflictual one is left as reported.
    // "will never recognise it" promises nothing: the act stays, negated
    // (a meeting that will not happen stays a negated intent to meet, as before).
    const std::string_view root = Root(code);
    // "ready to meet", "willing to release them" announce the act, as "will" does.
    const bool ready = Is(Tok(v).deprel, "xcomp") && Head(v) >= 0 && lex_.ready.count(Lemma(Head(v)));
    if (root >= "04" && root <= "08" && (ready || IsReportedFuture(v)) && (root == "04" || !NegatedChain(v)))
      code = std::string(lex_.Compose("intent", code));
    if (Obliged(v)) {
      std::int32_t source = -1, target = -1;
      if (AsDemand(v, code, source, target)) Emit(v, v, code, source, target, NoneOf(Child(v, "obj")));
      return;
    }
    joint_ = p.joint;
    // "X and Y exchanged prisoners": each side is the other's target, the
    // prisoners are what is exchanged; only "with Z" names another.
    const std::int32_t target = p.joint ? DirectedOblique(v, Role::kTarget) : VerbTarget(v, &p);
    Emit(v, v, code, Subject(v), target, NoneOf(Child(v, "obj")));
    joint_ = false;
  }

  // A verb of threat, intent, appeal, demand, refusal, denial or
  // consideration and the event it governs.
  void CodeModal(std::int32_t m, const Pattern& p) {
    MarkConsumed(m);
    // "ready to send a team if the government asked for one": an appeal,
    // threat or promise in a condition may be made, it was not.
    if (InCondition(m)) return;
    // "who asked not to be named", "asked to be excused": a request about
    // the asker's own treatment, the stock phrase of anonymous sources,
    // is no appeal to anyone.
    bool about_self = false;
    EachChild(m, [&](std::int32_t c) {
      const std::string_view d = Tok(c).deprel;
      const std::int32_t mark = Child(c, "mark");
      const bool infinitive = Is(d, "xcomp") || (Is(d, "advcl") && mark >= 0 && Lemma(mark) == "to");
      if (infinitive && Child(c, "aux:pass") >= 0 && Child(c, "obj") < 0) about_self = true;
    });
    if (about_self && Child(m, "obj") < 0) return;
    // "X asked Y whether the talks would resume", "asked what the plan
    // was", "X asked: 'Will you stay?'": a question put asks for an answer,
    // not for an act; CAMEO's appeals ask for help, talks or a change of
    // course. An appeal that also asks for an act ("asked Y to leave") has
    // an infinitive and stays one.
    if (p.modal_class == "appeal" && PutsAQuestion(m)) return;
    // "considered the offer inadequate", "considers the proposal
    // unacceptable": a judgement of a thing, not the weighing of a course
    // of action. The verb's predicate adjective, or a one-word quotation
    // set beside its object, says so.
    if (p.modal_class == "consider") {
      bool judged = false;
      EachChild(m, [&](std::int32_t c) {
        if (!judged && Is(Tok(c).deprel, "xcomp") && Tok(c).upos == "ADJ") judged = true;
      });
      if (const std::int32_t o = Child(m, "obj"); !judged && o >= 0) {
        EachChild(o, [&](std::int32_t c) {
          if (!judged && c > o && Tok(c).deprel == "appos" && c >= 2 && Tok(c - 1).xpos == "``") judged = true;
        });
      }
      if (judged) return;
    }
    std::string governed;
    std::int32_t inner = -1, inner_target = -1;
    bool inner_joint = false;
    EachChild(m, [&](std::int32_t c) {
      if (inner >= 0) return;
      std::string_view d = Tok(c).deprel;
      // "agreed to exchange prisoners" with "exchange" tagged a noun: an
      // object after "to" shows the infinitive.
      const bool infinitive_noun = Is(d, "obl") && Tok(c).upos == "NOUN" && HasCase(c, "to") &&
                                   Child(c, "obj") >= 0 && MatchVerb(c) != nullptr &&
                                   MatchVerb(c)->kind == Pattern::Kind::kVerb;
      if (((Is(d, "xcomp") || Is(d, "ccomp") || Is(d, "advcl")) && IsVerb(c)) || infinitive_noun) {
        const Pattern* ip = MatchVerb(c);
        // "urged X to refuse to hand over Y": what an appeal or demand asks
        // of another is only asked, never done, so a refusal or intent it
        // governs is no event of its own, nor are the acts under it (coded
        // alone, they would be done by the one appealing).
        if (ip && ip->kind == Pattern::Kind::kModal && (p.modal_class == "appeal" || p.modal_class == "demand")) {
          ConsumeAsked(c);
          return;
        }
        if (ip && ip->kind != Pattern::Kind::kModal) {
          inner = c;
          governed = ip->code;
          inner_joint = ip->joint;
          inner_target = ip->joint ? DirectedOblique(c, Role::kTarget) : VerbTarget(c, ip);
          MarkConsumed(c);
          std::int32_t o = Object(c);
          if (o >= 0 && !ip->obj.empty()) MarkConsumed(o);
        } else if (!ip && lex_.light.count(Lemma(c))) {
          // "threatened to launch a strike"
          std::int32_t o = Child(c, "obj");
          const Pattern* np = o >= 0 ? MatchNoun(o) : nullptr;
          if (np) {
            inner = c;
            governed = np->code;
            inner_target = DirectedOblique(o, Role::kTarget);
            if (inner_target < 0) inner_target = DirectedOblique(c, Role::kTarget);
            MarkConsumed(c);
            MarkConsumed(o);
          } else if (p.modal_class == "deny") {
            inner = c;
            MarkConsumed(c);
          }
        } else if (p.modal_class == "deny") {
          inner = c;  // a denied act is not coded as the act
          MarkConsumed(c);
        }
      } else if (Is(d, "obj") || Is(d, "obl") || Is(d, "nsubj:pass")) {
        if (const Pattern* np = MatchNoun(c)) {
          inner = c;
          governed = np->code;
          inner_joint = np->joint;
          inner_target = DirectedOblique(c, Role::kTarget);
          MarkConsumed(c);
        } else if (p.modal_class == "intent" && Is(d, "obj") && IsMoney(c)) {
          // "pledged $5 million": a sum promised is economic aid promised.
          inner = c;
          governed = "071";
          inner_target = DirectedOblique(c, Role::kTarget);
          MarkConsumed(c);
        }
      }
    });
    if (p.needs_argument && inner < 0 && Child(m, "obj") < 0) return;
    std::string code;
    joint_ = false;
    if (const CodeInfo* gi = governed.empty() ? nullptr : lex_.codebook->Find(governed)) joint_ = gi->symmetric || inner_joint;
    if (!governed.empty()) code = std::string(lex_.Compose(p.modal_class, governed));
    // "agreed to a ceasefire" declares it; "agreed to a prisoner exchange"
    // still only promises the exchange.
    if (p.modal_class == "intent" && inner >= 0 && Tok(inner).upos == "NOUN" && governed.starts_with("087")) code = governed;
    if (code.empty()) code = p.code;
    // Whom the appeal, demand or threat is addressed to.
    std::int32_t addressee = -1;
    EachChild(m, [&](std::int32_t c) {
      if (addressee >= 0 || c == inner) return;
      std::string_view d = Tok(c).deprel;
      // One appeals to, demands of or threatens someone: "urged restraint"
      // names what is asked for, so an object addressee must be able to act.
      if ((d == "obj" || d == "iobj") && ActorLike(c, Role::kSource) && !OwnedByPronoun(c)) addressee = c;
      std::string prep = Is(d, "obl") ? Prep(c) : std::string();
      if ((prep == "on" || prep == "to" || prep == "against" || prep == "with" || prep == "from") &&
          ActorLike(c, Role::kSource) && p.modal_class != "intent")
        addressee = c;
    });
    if (inner >= 0 && IsVerb(inner) && addressee < 0) {
      // "urged Myanmar to end": Myanmar may be parsed as the inner subject.
      std::int32_t is = ChildExact(inner, "nsubj");
      if (is >= 0 && p.modal_class != "intent" && p.modal_class != "deny") addressee = is;
    }
    std::int32_t target = addressee >= 0 && (p.modal_class == "appeal" || p.modal_class == "demand" ||
                                             p.modal_class == "threat" || inner_target < 0)
                              ? addressee
                              : inner_target;
    if (p.modal_class == "deny" || p.modal_class == "consider") target = -1;
    bool neg = (inner >= 0 && Negated(inner)) || NoneOf(Child(m, "obj"));
    // The trigger is the governed act when it is a verb; a noun or a sum
    // ("pledged $5 million") is no act's word, and the verb of intent is.
    Emit(m, inner >= 0 && Tok(inner).upos != "NOUN" && !IsMoney(inner) ? inner : m, code, Subject(m), target, neg);
    joint_ = false;
  }

  // Marks a verb asked for and the infinitives and clauses it governs.
  void ConsumeAsked(std::int32_t v) {
    MarkConsumed(v);
    EachChild(v, [&](std::int32_t c) {
      const std::string_view d = Tok(c).deprel;
      if ((Is(d, "xcomp") || Is(d, "ccomp")) && IsVerb(c) && !Consumed(c)) ConsumeAsked(c);
    });
  }

  bool Attributed(std::int32_t v) {
    for (int depth = 0; depth < 8 && v >= 0; ++depth) {
      const Token& t = Tok(v);
      if (Head(v) < 0) return false;
      if (Is(t.deprel, "ccomp") && lex_.speech.count(Lemma(Head(v)))) return true;
      v = Head(v);
    }
    return false;
  }

  // A LOC mention the clause puts the event in ("in Brussels").
  std::int32_t Location(std::int32_t v, std::int32_t trigger) {
    std::int32_t found = -1;
    auto look = [&](std::int32_t h, auto& self, int depth) -> void {
      EachChild(h, [&](std::int32_t c) {
        if (found >= 0) return;
        std::string_view d = Tok(c).deprel;
        if (!(Is(d, "obl") || Is(d, "nmod") || Is(d, "obj") || Is(d, "nsubj"))) return;
        std::int32_t m = MentionAt(c);
        // A site reached or left ("marched to Freedom Square") is where
        // the act took place as well.
        const bool placed = HasCase(c, "in") || HasCase(c, "at") || HasCase(c, "near") ||
                            (m >= 0 && Site(m) && (HasCase(c, "to") || HasCase(c, "from") || HasCase(c, "into")));
        // "in the Kessarian capital Odal": the name stands in apposition to
        // the common noun; "near the village of Odal": the place is named
        // after "of".
        if (m < 0 && placed) {
          EachChild(c, [&](std::int32_t g) {
            std::string_view gd = Tok(g).deprel;
            std::int32_t gm = MentionAt(g);
            const bool bare = gd == "appos" || gd == "flat" || gd == "compound" ||
                              (Is(gd, "nmod") && (Prep(g).empty() || Prep(g) == "of"));
            if (m < 0 && g > c && bare && gm >= 0 &&
                a_.mentions[static_cast<std::size_t>(gm)].type == "LOC")
              m = gm;
          });
        }
        if (m >= 0 && a_.mentions[static_cast<std::size_t>(m)].type == "LOC" && placed) {
          found = m;
          return;
        }
        if (depth < 2) self(c, self, depth + 1);
      });
    };
    look(v, look, 0);
    if (found < 0 && trigger != v) look(trigger, look, 0);
    return found;
  }

  // Whether a TIME value starts with a calendar day (YYYY-MM-DD).
  static bool DayOf(std::string_view v) {
    if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (v[i] < '0' || v[i] > '9') return false;
    return true;
  }

  // Whether `anc` is above `t` with no conjunct on the way up.
  bool InsideWithoutConjunct(std::int32_t anc, std::int32_t t) {
    for (int steps = 0; t >= 0 && steps < 32; t = Head(t), ++steps) {
      if (t == anc) return true;
      if (Tok(t).deprel == "conj") return false;
    }
    return false;
  }

  // Whether `anc` is `t` or above it in the tree.
  bool Dominates(std::int32_t anc, std::int32_t t) {
    for (int steps = 0; t >= 0 && steps < 32; t = Head(t), ++steps) {
      if (t == anc) return true;
    }
    return false;
  }

  // A TimeML value that is a calendar date or period ("2024", "2024-01",
  // "2024-01-12", "2024-W03"), not a reference ("PRESENT_REF") nor one
  // with unknown digits ("198X", "XXXX-WXX-7").
  static bool IsCalendarValue(std::string_view v) {
    if (v.size() < 4) return false;
    for (std::size_t k = 0; k < 4; ++k)
      if (v[k] < '0' || v[k] > '9') return false;
    return v.find('X') == std::string_view::npos;
  }

  // What a time expression of the sentence dates for the event at
  // clause/trigger: the event itself; the time of a verb of saying above
  // it ("X said on Wednesday (that) it would expel Y"), which bounds the
  // event (it happened then or before) without dating it in the text's
  // own words; or something else: one noun only ("Tuesday's earthquake",
  // "a 2007 agreement"), or a relative clause the event is not in ("X,
  // who governs since 2016, accused Y").
  enum class Dated { kEvent, kSaying, kOther };
  Dated WhatTimeDates(const TimeExpr& te, std::int32_t clause, std::int32_t trigger) {
    std::int32_t k = -1;
    for (std::int32_t i = 0; i < n_ && k < 0; ++i) {
      if (Tok(i).end == te.end) k = i;
    }
    if (k < 0) return Dated::kEvent;
    for (std::int32_t up = k, steps = 0; up >= 0 && steps < 16; up = Head(up), ++steps) {
      if (up == clause || up == trigger) break;
      // A relative clause dates what happens inside it ("the group, which
      // stormed X on 3 March 2017, killing 28 civilians": the killing),
      // not a predicate parsers conjoin to it ("X, who has led Y since
      // 2016, accused Z": the main clause's).
      if (Tok(up).deprel == "acl:relcl") {
        if (InsideWithoutConjunct(up, clause)) break;
        return Dated::kOther;
      }
      // "X accused Y on Monday of shelling the town on Sunday": a gerund
      // after "of" or "for" is what the act is about, and its time is
      // that deed's, not the act's.
      // (The tagger may read the gerund as a noun.)
      if (up != k && up != trigger && up != clause &&
          (Tok(up).xpos == "VBG" || (Tok(up).upos == "NOUN" && Lemma(up).ends_with("ing")))) {
        std::int32_t mk = Child(up, "mark");
        if (mk < 0) mk = Child(up, "case");
        if (mk >= 0 && (Lemma(mk) == "of" || Lemma(mk) == "for")) return Dated::kOther;
      }
      if (up != k && IsVerb(up) && lex_.speech.count(Lemma(up)) && Dominates(up, clause)) return Dated::kSaying;
      // "Police detained 12 people, the ministry said on Thursday": the
      // reporting clause after the report, hung on it as parataxis or as a
      // conjunct; the time is the saying's, which the act came on or before.
      if (up != k && up > clause && IsVerb(up) && lex_.speech.count(Lemma(up)) && Head(up) == clause &&
          (Tok(up).deprel == "parataxis" || Tok(up).deprel == "conj"))
        return Dated::kSaying;
    }
    return DatesOneNoun(te, k, clause, trigger) ? Dated::kOther : Dated::kEvent;
  }

  bool DatesOneNoun(const TimeExpr& te, std::int32_t k, std::int32_t clause, std::int32_t trigger) {
    if (Tok(k).upos == "PART" && Tok(k).deprel == "case") k = Head(k);
    if (k < 0 || Head(k) < 0) return false;
    const std::int32_t owner = Head(k);
    const std::string_view d = Tok(k).deprel;
    bool bound = false;
    if (d == "nmod:poss") {
      bound = true;
    } else if ((d == "nummod" || d == "amod" || d == "compound") && owner > k && Tok(owner).upos == "NOUN") {
      // Only a bare year: "the 14 October talks" still dates the talks' clause.
      std::string_view w = std::string_view(a_.text).substr(te.begin, te.end - te.begin);
      bound = w.size() == 4 && std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    }
    return bound && owner != trigger && owner != clause && Head(owner) != clause;
  }

  void Emit(std::int32_t clause, std::int32_t trigger, const std::string& code, std::int32_t src_head,
            std::int32_t tgt_head, bool extra_negation) {
    if (code.empty()) return;
    s_.root_of[static_cast<std::size_t>(clause)] = std::string(Root(code));
    std::vector<EventActor> sources = ResolveAll(src_head, false);
    // A source must be a named actor or a known kind of actor ("police"):
    // any noun may be acted upon, but "its allies" or "the plan" do not act.
    std::erase_if(sources, [&](const EventActor& x) { return !x.known; });
    if (sources.empty()) return;
    // "between X and Y" as a target: the pair is one side ("mediated between X and Y").
    bool between = tgt_head >= 0 && HasCase(tgt_head, "between");
    std::vector<EventActor> targets = ResolveAll(tgt_head, between);
    const CodeInfo* info = lex_.codebook->Find(code);
    if (targets.empty() && sources.size() > 1 && ((info && info->symmetric) || joint_)) {
      // "X and Y met": X met Y.
      targets.assign(sources.begin() + 1, sources.end());
      sources.resize(1);
    }
    Event base;
    base.sentence = si_;
    base.begin = Tok(trigger).begin;
    base.end = Tok(trigger).end;
    base.cameo = code;
    base.negated = extra_negation || NegatedChain(clause) || (trigger != clause && Negated(trigger));
    base.attributed = Attributed(clause);
    base.location = Location(clause, trigger);
    // The date: a resolved time expression in the sentence, else the time
    // it was said, else publication.
    for (const TimeExpr& te : a_.times) {
      if (te.begin < sent_.begin || te.end > sent_.end || !te.value) continue;
      // Only a calendar date or period dates an event: "now", "in the
      // past" (PRESENT_REF, PAST_REF), "the 1980s" (198X) or a weekday no
      // date anchors (XXXX-WXX-7) are no date an analyst can place on a
      // timeline, nor one GDELT's SQLDATE can hold.
      if (!IsCalendarValue(*te.value)) continue;
      // A part of a day ("on Thursday evening", 2022-01-13TEV) or a clock
      // time on a day dates the event to that day; a time with no day
      // ("at 6pm") does not.
      const bool day_time = te.type == "TIME" && DayOf(*te.value);
      if (te.type != "DATE" && !day_time) continue;
      const Dated what = WhatTimeDates(te, clause, trigger);
      if (what == Dated::kOther || (what == Dated::kSaying && base.date)) continue;
      base.date = day_time ? te.value->substr(0, 10) : *te.value;
      base.date_from = what == Dated::kSaying ? "said" : "text";
      if (what == Dated::kEvent) break;
    }
    if (!base.date && a_.published) {
      base.date = a_.published;
      base.date_from = "published";
    }
    for (const EventActor& s : sources) {
      if (targets.empty()) {
        Event e = base;
        e.source = s;
        a_.events.push_back(std::move(e));
        continue;
      }
      for (const EventActor& t : targets) {
        if (t.mention >= 0 && t.mention == s.mention) continue;
        Event e = base;
        e.source = s;
        e.target = t;
        a_.events.push_back(std::move(e));
      }
    }
  }

  const Lexicon& lex_;
  Article& a_;
  std::uint32_t si_;
  const Sentence& sent_;
  CoderScratch& s_;
  std::int32_t n_ = 0;
  bool joint_ = false;  // the act a modal verb governs is a joint one ("agreed to meet")
};

}  // namespace

void CodeArticle(const Lexicon& lex, Article& a, CoderScratch& scratch) {
  a.events.clear();
  if (a.tokens.empty() || a.sentences.empty()) return;
  scratch.mention_of.assign(a.tokens.size(), -1);
  // Mentions and tokens are both sorted by position: one merge pass.
  std::size_t t = 0;
  for (std::size_t m = 0; m < a.mentions.size(); ++m) {
    const Mention& mm = a.mentions[m];
    while (t < a.tokens.size() && a.tokens[t].end <= mm.begin) ++t;
    for (std::size_t k = t; k < a.tokens.size() && a.tokens[k].begin < mm.end; ++k) {
      scratch.mention_of[k] = static_cast<std::int32_t>(m);
    }
  }
  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    const Sentence& sent = a.sentences[s];
    if (sent.token_count() == 0 || sent.end_token > a.tokens.size()) continue;
    if (a.tokens[sent.first_token].upos.empty()) continue;  // not parsed
    SentenceCoder(lex, a, s, scratch).Run();
  }
}

}  // namespace sitrep::events
