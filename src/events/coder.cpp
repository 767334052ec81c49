#include "events/coder.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace sitrep::events {
namespace {

constexpr int kMaxConjuncts = 4;

bool Is(std::string_view deprel, std::string_view base) {
  return deprel.size() >= base.size() && deprel.substr(0, base.size()) == base &&
         (deprel.size() == base.size() || deprel[base.size()] == ':');
}

// Everything one sentence's coding needs, with tokens indexed within it.
class SentenceCoder {
 public:
  SentenceCoder(const Lexicon& lex, Article& a, std::uint32_t sentence_index, CoderScratch& s)
      : lex_(lex), a_(a), si_(sentence_index), sent_(a.sentences[sentence_index]), s_(s) {
    n_ = static_cast<std::int32_t>(sent_.token_count());
    s_.first_child.assign(static_cast<std::size_t>(n_), -1);
    s_.next_sibling.assign(static_cast<std::size_t>(n_), -1);
    s_.consumed.assign(static_cast<std::size_t>(n_), 0);
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
      if (Tok(i).upos != "VERB") continue;
      const Pattern* p = MatchVerb(i);
      if (p && p->kind == Pattern::Kind::kModal) CodeModal(i, *p);
    }
    for (std::int32_t i = 0; i < n_; ++i) {
      if (Consumed(i)) continue;
      const Token& t = Tok(i);
      if (t.upos == "VERB") {
        const Pattern* p = MatchVerb(i);
        if (p && p->kind == Pattern::Kind::kVerb) {
          CodeVerb(i, *p);
        } else if (!p && lex_.light.count(Lemma(i))) {
          std::int32_t o = Child(i, "obj");
          if (o >= 0 && !Consumed(o)) {
            if (const Pattern* np = MatchNoun(o)) {
              MarkConsumed(o);
              Emit(i, o, np->code, Subject(i), NounTarget(o, i), false);
            }
          }
        }
      } else if (t.upos == "NOUN") {
        const Pattern* np = MatchNoun(i);
        if (!np) continue;
        std::int32_t h = t.head;
        if (h < 0) continue;
        if ((Is(t.deprel, "nsubj")) && lex_.occur.count(Lemma(h))) {
          // "the talks between X and Y ended": actors come from the noun.
          auto [src, tgt] = NounActors(i);
          if (src < 0) continue;
          std::string code = np->code;
          bool planned = t.deprel == "nsubj:pass" && IsFutureOrPlanned(h);
          if (planned) code = std::string(lex_.Compose("intent", code));
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
  bool Consumed(std::int32_t i) const { return s_.consumed[static_cast<std::size_t>(i)] != 0; }
  void MarkConsumed(std::int32_t i) { s_.consumed[static_cast<std::size_t>(i)] = 1; }

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
  // The preposition of an oblique or nominal modifier ("on" in "on Syria").
  std::string Prep(std::int32_t h) {
    std::string p;
    EachChild(h, [&](std::int32_t c) {
      if (p.empty() && Tok(c).deprel == "case") p = LemmaCopy(c);
    });
    return p;
  }
  bool HasChildLemma(std::int32_t h, std::initializer_list<std::string_view> rels, const StringSet& lemmas) {
    bool hit = false;
    EachChild(h, [&](std::int32_t c) {
      if (hit) return;
      for (auto r : rels) {
        if (Is(Tok(c).deprel, r) && lemmas.count(Lemma(c))) hit = true;
      }
    });
    return hit;
  }

  // The object of a verb, or its passive subject ("sanctions were imposed").
  std::int32_t Object(std::int32_t v) const {
    std::int32_t o = Child(v, "obj");
    return o >= 0 ? o : ChildExact(v, "nsubj:pass");
  }

  const Pattern* MatchVerb(std::int32_t v) {
    auto it = lex_.verbs.find(Lemma(v));
    if (it == lex_.verbs.end()) return nullptr;
    std::int32_t obj = Object(v);
    std::int32_t subj = ChildExact(v, "nsubj");
    for (const Pattern& p : it->second) {
      if (!p.obj.empty()) {
        bool ok = obj >= 0 && p.obj.count(Lemma(obj));
        // "threatened Russia with sanctions": the noun sits in an oblique.
        if (!ok) {
          EachChild(v, [&](std::int32_t c) {
            if (!ok && Is(Tok(c).deprel, "obl") && p.obj.count(Lemma(c))) ok = true;
          });
        }
        if (!ok) continue;
      }
      if (!p.subj.empty() && !(subj >= 0 && p.subj.count(Lemma(subj)))) continue;
      if (!p.mod.empty()) {
        std::int32_t m = obj >= 0 ? obj : subj;
        if (m < 0 || !HasChildLemma(m, {"amod", "compound", "nmod"}, p.mod)) continue;
      }
      if (!p.xcomp.empty()) {
        bool ok = false;
        EachChild(v, [&](std::int32_t c) {
          if (!ok && (Is(Tok(c).deprel, "xcomp") || Is(Tok(c).deprel, "obj")) && p.xcomp.count(Lemma(c))) ok = true;
        });
        if (!ok) continue;
      }
      if (!p.prt.empty()) {
        bool ok = false;
        EachChild(v, [&](std::int32_t c) {
          std::string_view d = Tok(c).deprel;
          if (!ok && (d == "compound:prt" || d == "advmod" || Is(d, "obl") || d == "case") && Lemma(c) == p.prt) ok = true;
        });
        if (!ok) continue;
      }
      if (!p.prep.empty()) {
        bool ok = false;
        EachChild(v, [&](std::int32_t c) {
          if (!ok && (Is(Tok(c).deprel, "obl") || Is(Tok(c).deprel, "nmod")) && Prep(c) == p.prep) ok = true;
        });
        if (!ok) continue;
      }
      return &p;
    }
    return nullptr;
  }

  const Pattern* MatchNoun(std::int32_t n) {
    auto it = lex_.nouns.find(Lemma(n));
    if (it == lex_.nouns.end()) return nullptr;
    for (const Pattern& p : it->second) {
      if (!p.mod.empty() && !HasChildLemma(n, {"amod", "compound", "nmod"}, p.mod)) continue;
      return &p;
    }
    return nullptr;
  }

  bool Negated(std::int32_t h) {
    bool neg = false;
    EachChild(h, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      if (!neg && (d == "advmod" || d == "det" || d == "neg") && lex_.negation.count(Lemma(c))) neg = true;
    });
    return neg;
  }
  bool IsFuture(std::int32_t v) {
    bool fut = false;
    EachChild(v, [&](std::int32_t c) {
      if (!fut && Tok(c).deprel == "aux" && lex_.future.count(Lemma(c))) fut = true;
    });
    return fut;
  }
  bool IsFutureOrPlanned(std::int32_t v) {
    if (IsFuture(v)) return true;
    const Pattern* p = MatchVerb(v);
    return p && p->kind == Pattern::Kind::kModal && p->modal_class == "intent";
  }

  // The subject of a verb: its own, the agent of a passive, or the one it
  // shares with the verb it is coordinated with or controlled by.
  std::int32_t Subject(std::int32_t v) {
    for (int depth = 0; depth < 4 && v >= 0; ++depth) {
      std::int32_t s = ChildExact(v, "nsubj");
      if (s >= 0) return s;
      if (ChildExact(v, "nsubj:pass") >= 0) {
        std::int32_t agent = -1;
        EachChild(v, [&](std::int32_t c) {
          if (agent < 0 && (Tok(c).deprel == "obl:agent" || (Is(Tok(c).deprel, "obl") && Prep(c) == "by"))) agent = c;
        });
        return agent;
      }
      std::string_view d = Tok(v).deprel;
      if (!(Is(d, "conj") || Is(d, "xcomp") || Is(d, "advcl"))) return -1;
      v = Tok(v).head;
    }
    return -1;
  }

  // The target of a verb: its object (when the pattern did not use it as
  // the event noun), the passive subject when an agent acted, else an
  // oblique or the event noun's modifier with a preposition of direction.
  std::int32_t VerbTarget(std::int32_t v, const Pattern* p) {
    std::int32_t pass = ChildExact(v, "nsubj:pass");
    if (pass >= 0 && !(p && !p->obj.empty() && p->obj.count(Lemma(pass)))) return Subject(v) >= 0 ? pass : -1;
    std::int32_t obj = Child(v, "obj");
    if (obj < 0) obj = Child(v, "iobj");
    bool obj_is_event = obj >= 0 && ((p && !p->obj.empty() && p->obj.count(Lemma(obj))) || MatchNoun(obj));
    if (obj >= 0 && !obj_is_event) return obj;
    std::int32_t t = DirectedOblique(v);
    if (t >= 0) return t;
    if (obj >= 0) return NounTarget(obj, v);
    return -1;
  }
  std::int32_t DirectedOblique(std::int32_t h) {
    std::int32_t found = -1;
    EachChild(h, [&](std::int32_t c) {
      if (found >= 0) return;
      std::string_view d = Tok(c).deprel;
      if (!(Is(d, "obl") || Is(d, "nmod")) || d == "obl:agent" || d == "obl:tmod") return;
      std::string p = Prep(c);
      if (p == "on" || p == "against" || p == "with" || p == "to" || p == "toward" || p == "towards" ||
          p == "into" || p == "at" || p == "between" || p == "from") {
        if (IsActorish(c)) found = c;
      }
    });
    return found;
  }
  std::int32_t NounTarget(std::int32_t n, std::int32_t /*verb*/) { return DirectedOblique(n); }

  // Actors of a free-standing event noun: "talks between X and Y", "X's
  // visit", "Russian-led talks with Y".
  std::pair<std::int32_t, std::int32_t> NounActors(std::int32_t n) {
    std::int32_t src = -1, tgt = -1;
    EachChild(n, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      if (Is(d, "nmod") && Prep(c) == "between" && src < 0) {
        src = c;
        std::int32_t conj = Child(c, "conj");
        if (conj >= 0) tgt = conj;
      } else if ((d == "nmod:poss" || d == "amod" || d == "compound") && src < 0 && MentionAt(c) >= 0) {
        src = c;
      } else if (Is(d, "nmod") && tgt < 0 && (Prep(c) == "with" || Prep(c) == "on" || Prep(c) == "against")) {
        tgt = c;
      } else if (Is(d, "nmod") && src < 0 && (Prep(c) == "by" || Prep(c) == "of")) {
        src = c;
      }
    });
    return {src, tgt};
  }

  std::int32_t MentionAt(std::int32_t i) const {
    return s_.mention_of[sent_.first_token + static_cast<std::uint32_t>(i)];
  }
  bool IsActorish(std::int32_t h) {
    if (MentionAt(h) >= 0) return true;
    std::string_view u = Tok(h).upos;
    return (u == "NOUN" || u == "PROPN") && !MatchNoun(h);
  }

  // Resolves the noun phrase headed by h to an actor: the mention that
  // covers it; a common-noun actor ("police", "Russian troops"); a mention
  // within the phrase; or, for a noun, the noun phrase itself.
  std::optional<EventActor> Resolve(std::int32_t h) {
    if (h < 0) return std::nullopt;
    const Token& t = Tok(h);
    if (t.upos == "PRON" || t.upos == "DET" || t.upos == "NUM") return std::nullopt;
    std::int32_t m = MentionAt(h);
    if (m >= 0) return FromMention(m);
    // A mention modifying the head: "Russian troops", "the Chilean president".
    std::int32_t mod_mention = -1, mod_first = h;
    EachChild(h, [&](std::int32_t c) {
      std::string_view d = Tok(c).deprel;
      if (mod_mention < 0 && (d == "amod" || d == "compound" || d == "nmod:poss" || d == "nmod") && MentionAt(c) >= 0) {
        mod_mention = MentionAt(c);
        if (c < mod_first) mod_first = c;
      }
    });
    auto agent = lex_.agents.find(Lemma(h));
    if (agent != lex_.agents.end() || mod_mention >= 0 || t.upos == "NOUN" || t.upos == "PROPN") {
      EventActor act;
      std::int32_t first = h;
      EachChild(h, [&](std::int32_t c) {
        std::string_view d = Tok(c).deprel;
        if (c < h && (d == "compound" || d == "amod" || d == "flat")) first = std::min(first, c);
      });
      if (mod_mention >= 0 && mod_first < h) first = std::min(first, mod_first);
      act.text = std::string(a_.text.substr(Tok(first).begin, Tok(h).end - Tok(first).begin));
      std::string code = mod_mention >= 0 ? a_.mentions[static_cast<std::size_t>(mod_mention)].actor_code : std::string();
      if (agent != lex_.agents.end() && !agent->second.empty() && code.find(agent->second) == std::string::npos) {
        code = code.size() <= 3 ? code + agent->second : code;
      }
      act.actor_code = code;
      act.known = mod_mention >= 0 || agent != lex_.agents.end();
      if (mod_mention >= 0 && agent == lex_.agents.end() && t.upos != "NOUN") act.mention = mod_mention;
      return act;
    }
    return std::nullopt;
  }
  EventActor FromMention(std::int32_t m) {
    const Mention& mm = a_.mentions[static_cast<std::size_t>(m)];
    EventActor act;
    act.mention = m;
    act.text = std::string(a_.text.substr(mm.begin, mm.end - mm.begin));
    act.actor_code = mm.actor_code;
    return act;
  }

  // The actor and its coordinated actors ("the US and its allies").
  std::vector<EventActor> ResolveAll(std::int32_t h) {
    std::vector<EventActor> out;
    if (auto a = Resolve(h)) out.push_back(std::move(*a));
    if (h < 0) return out;
    EachChild(h, [&](std::int32_t c) {
      if (static_cast<int>(out.size()) < kMaxConjuncts && Tok(c).deprel == "conj") {
        if (auto a = Resolve(c)) out.push_back(std::move(*a));
      }
    });
    return out;
  }

  void CodeVerb(std::int32_t v, const Pattern& p) {
    MarkConsumed(v);
    std::int32_t obj = Object(v);
    if (obj >= 0 && !p.obj.empty()) MarkConsumed(obj);
    std::string code = p.code;
    if (IsFuture(v) && Root(code) == "04") code = std::string(lex_.Compose("intent", code));
    Emit(v, v, code, Subject(v), VerbTarget(v, &p), false);
  }

  // A verb of threat, intent, appeal, demand, refusal or consideration and
  // the event it governs.
  void CodeModal(std::int32_t m, const Pattern& p) {
    MarkConsumed(m);
    std::string governed;
    std::int32_t inner = -1, inner_target = -1;
    EachChild(m, [&](std::int32_t c) {
      if (inner >= 0) return;
      std::string_view d = Tok(c).deprel;
      if (Is(d, "xcomp") || (Is(d, "ccomp") && Tok(c).upos == "VERB") || Is(d, "advcl")) {
        const Pattern* ip = Tok(c).upos == "VERB" ? MatchVerb(c) : MatchNoun(c);
        if (ip && ip->kind != Pattern::Kind::kModal) {
          inner = c;
          governed = ip->code;
          inner_target = Tok(c).upos == "VERB" ? VerbTarget(c, ip) : DirectedOblique(c);
          MarkConsumed(c);
          std::int32_t o = Object(c);
          if (o >= 0 && !ip->obj.empty()) MarkConsumed(o);
        }
      } else if (Is(d, "obj") || Is(d, "obl") || Is(d, "nsubj:pass")) {
        if (const Pattern* np = MatchNoun(c)) {
          inner = c;
          governed = np->code;
          inner_target = DirectedOblique(c);
          MarkConsumed(c);
        }
      }
    });
    std::string code;
    if (!governed.empty()) code = std::string(lex_.Compose(p.modal_class, governed));
    // "agreed to a ceasefire" declares it.
    if (p.modal_class == "intent" && inner >= 0 && Tok(inner).upos == "NOUN" && Root(governed) == "08") code = governed;
    if (code.empty()) code = p.code;
    // Whom the appeal, demand or threat is addressed to.
    std::int32_t addressee = -1;
    EachChild(m, [&](std::int32_t c) {
      if (addressee >= 0 || c == inner) return;
      std::string_view d = Tok(c).deprel;
      if ((d == "obj" || d == "iobj") && IsActorish(c)) addressee = c;
      if (Is(d, "obl") && (Prep(c) == "on" || Prep(c) == "to" || Prep(c) == "against" || Prep(c) == "with") &&
          IsActorish(c) && p.modal_class != "intent")
        addressee = c;
    });
    if (inner >= 0 && Tok(inner).upos == "VERB" && inner_target < 0) {
      // "urged Myanmar to end": Myanmar may be parsed as the inner subject.
      std::int32_t is = ChildExact(inner, "nsubj");
      if (is >= 0 && addressee < 0) addressee = is;
    }
    std::int32_t target = addressee >= 0 && (p.modal_class == "appeal" || p.modal_class == "demand" ||
                                             p.modal_class == "threat" || inner_target < 0)
                              ? addressee
                              : inner_target;
    bool neg = inner >= 0 && Negated(inner);
    Emit(m, inner >= 0 ? inner : m, code, Subject(m), target, neg);
  }

  bool Attributed(std::int32_t v) {
    for (int depth = 0; depth < 8 && v >= 0; ++depth) {
      const Token& t = Tok(v);
      if (t.head < 0) return false;
      if (Is(t.deprel, "ccomp") && lex_.speech.count(Lemma(t.head))) return true;
      v = t.head;
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
        std::string p = Prep(c);
        if (m >= 0 && a_.mentions[static_cast<std::size_t>(m)].type == "LOC" && (p == "in" || p == "at" || p == "near")) {
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

  void Emit(std::int32_t clause, std::int32_t trigger, const std::string& code, std::int32_t src_head,
            std::int32_t tgt_head, bool extra_negation) {
    if (code.empty()) return;
    std::vector<EventActor> sources = ResolveAll(src_head);
    // A source must be a named actor or a known kind of actor ("police"):
    // any noun may be acted upon, but "its allies" or "the plan" do not act.
    std::erase_if(sources, [&](const EventActor& x) { return x.mention < 0 && !x.known; });
    if (sources.empty()) return;
    std::vector<EventActor> targets = ResolveAll(tgt_head);
    const CodeInfo* info = lex_.codebook->Find(code);
    if (targets.empty() && sources.size() > 1 && info && info->symmetric) {
      // "X and Y met": X met Y.
      targets.assign(sources.begin() + 1, sources.end());
      sources.resize(1);
    }
    Event base;
    base.sentence = si_;
    base.begin = Tok(trigger).begin;
    base.end = Tok(trigger).end;
    base.cameo = code;
    base.negated = extra_negation || Negated(clause) || (trigger != clause && Negated(trigger));
    base.attributed = Attributed(clause);
    base.location = Location(clause, trigger);
    // The date: a resolved time expression in the sentence, else publication.
    for (const TimeExpr& te : a_.times) {
      if (te.begin >= sent_.begin && te.end <= sent_.end && te.value && te.type == "DATE") {
        base.date = te.value;
        base.date_from = "text";
        break;
      }
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
