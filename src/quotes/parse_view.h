// A read-only view of one parsed article for the quotes stage: each
// token's sentence, head, children, mention and paragraph, computed once
// so the rules that find quotes and speakers walk the tree by index.
// Internal to the quotes stage.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"

namespace sitrep::quotes::internal {

inline constexpr std::int32_t kNone = -1;

inline bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A pronoun that can only be a subject ("he", never "him").
inline bool SubjectPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "we" || w == "i";
}

inline bool HasAlnum(std::string_view s) {
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

// Read-only views of one article's parse, built once per article.
class Doc {
 public:
  // speech_verb (may be empty) says whether a lower-case lemma is a verb
  // of saying, for the one repair that needs to know (RepairParse).
  explicit Doc(const Article& a, std::function<bool(std::string_view)> speech_verb = {})
      : a_(a), speech_verb_(std::move(speech_verb)) {
    const std::size_t n = a.tokens.size();
    sent_.assign(n, 0);
    head_.assign(n, kNone);
    first_child_.assign(n, kNone);
    next_sib_.assign(n, kNone);
    mention_.assign(n, kNone);
    para_.assign(n, 0);
    for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
      const Sentence& st = a.sentences[s];
      for (std::uint32_t t = st.first_token; t < st.end_token && t < n; ++t) {
        sent_[t] = s;
        const Token& tok = a.tokens[t];
        if (tok.head >= 0 && st.first_token + static_cast<std::uint32_t>(tok.head) < st.end_token) {
          head_[t] = static_cast<std::int32_t>(st.first_token) + tok.head;
        }
      }
    }
    deprel_.resize(n);
    for (std::size_t t = 0; t < n; ++t) deprel_[t] = a.tokens[t].deprel;
    RepairParse();
    // Children in reverse so the lists come out in token order.
    for (std::size_t t = n; t-- > 0;) {
      std::int32_t h = head_[t];
      if (h == kNone) continue;
      next_sib_[t] = first_child_[static_cast<std::size_t>(h)];
      first_child_[static_cast<std::size_t>(h)] = static_cast<std::int32_t>(t);
    }
    std::size_t m = 0;
    for (std::size_t t = 0; t < n; ++t) {
      const Token& tok = a.tokens[t];
      while (m < a.mentions.size() && a.mentions[m].end <= tok.begin) ++m;
      if (m < a.mentions.size() && a.mentions[m].begin <= tok.begin && tok.end <= a.mentions[m].end) {
        mention_[t] = static_cast<std::int32_t>(m);
      }
    }
    std::uint32_t para = 0;
    std::size_t t = 0;
    for (std::size_t i = 0; i < a.text.size() && t < n; ++i) {
      while (t < n && a.tokens[t].begin <= i) para_[t++] = para;
      // A blank line between paragraphs is one break, not two.
      if (a.text[i] == '\n' && (i + 1 >= a.text.size() || a.text[i + 1] != '\n')) ++para;
    }
    while (t < n) para_[t++] = para;
  }

  const Article& article() const { return a_; }
  std::size_t size() const { return a_.tokens.size(); }
  const Token& tok(std::int32_t t) const { return a_.tokens[static_cast<std::size_t>(t)]; }
  std::string_view text(std::int32_t t) const { return a_.TokenText(tok(t)); }
  std::string_view deprel(std::int32_t t) const { return deprel_[static_cast<std::size_t>(t)]; }
  std::uint32_t sent(std::int32_t t) const { return sent_[static_cast<std::size_t>(t)]; }
  std::int32_t head(std::int32_t t) const { return head_[static_cast<std::size_t>(t)]; }
  std::int32_t mention(std::int32_t t) const { return mention_[static_cast<std::size_t>(t)]; }
  std::uint32_t para(std::int32_t t) const { return para_[static_cast<std::size_t>(t)]; }
  bool punct(std::int32_t t) const { return tok(t).upos == "PUNCT" || !HasAlnum(text(t)); }

  template <typename Fn>
  void EachChild(std::int32_t t, Fn fn) const {
    for (std::int32_t c = first_child_[static_cast<std::size_t>(t)]; c != kNone; c = next_sib_[static_cast<std::size_t>(c)]) {
      fn(c);
    }
  }
  std::int32_t Child(std::int32_t t, std::string_view rel_prefix) const {
    std::int32_t found = kNone;
    EachChild(t, [&](std::int32_t c) {
      if (found == kNone && StartsWith(deprel(c), rel_prefix)) found = c;
    });
    return found;
  }

  // True if anc dominates t within max_hops steps up the tree.
  bool Dominates(std::int32_t anc, std::int32_t t, int max_hops) const {
    for (int k = 0; k < max_hops && t != kNone; ++k) {
      t = head(t);
      if (t == anc) return true;
    }
    return false;
  }

  // The token range [lo, hi] of t's subtree, leaving out children whose
  // relation `skip` accepts (and their subtrees). Iterative: parses can be
  // deep.
  template <typename Skip>
  std::pair<std::int32_t, std::int32_t> Subtree(std::int32_t t, Skip skip) const {
    std::int32_t lo = t, hi = t;
    stack_.clear();
    stack_.push_back(t);
    while (!stack_.empty()) {
      std::int32_t x = stack_.back();
      stack_.pop_back();
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      EachChild(x, [&](std::int32_t c) {
        if (x == t && skip(c)) return;
        stack_.push_back(c);
      });
    }
    return {lo, hi};
  }
  std::pair<std::int32_t, std::int32_t> Subtree(std::int32_t t) const {
    return Subtree(t, [](std::int32_t) { return false; });
  }

  // The first token that starts at or after byte b (size() if none).
  std::int32_t TokenAt(std::uint32_t b) const {
    auto it = std::lower_bound(a_.tokens.begin(), a_.tokens.end(), b,
                               [](const Token& x, std::uint32_t v) { return x.begin < v; });
    return static_cast<std::int32_t>(it - a_.tokens.begin());
  }

 private:
  const Article& a_;
  std::vector<std::uint32_t> sent_;
  std::vector<std::int32_t> head_, first_child_, next_sib_, mention_;
  std::vector<std::uint32_t> para_;
  std::vector<std::string_view> deprel_;
  std::function<bool(std::string_view)> speech_verb_;
  mutable std::vector<std::int32_t> stack_;

  std::size_t SentenceBegin(std::int32_t t) const { return a_.sentences[sent_[static_cast<std::size_t>(t)]].first_token; }
  std::size_t SentenceEnd(std::int32_t t) const {
    return std::min<std::size_t>(a_.sentences[sent_[static_cast<std::size_t>(t)]].end_token, head_.size());
  }
  static bool Finite(std::string_view xpos) {
    return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD";
  }

  // Attachments no reading of English allows, which parsers still make,
  // undone before any rule reads the tree (the rules should not depend on
  // which of two parsers' habits they meet); a relative clause on a verb
  // and a tensed predicate conjoined to a noun or a modifier are
  // described where they are undone:
  //  - "left late after the crew complained": a subordinator read as a
  //    preposition of the next finite verb's subject (or of a noun the
  //    verb then lacks as its subject), the verb conjoined to the main
  //    clause with no coordinator or hung on it as a second clause. The
  //    noun is the verb's subject, the word its marker, the verb an
  //    adverbial clause of the predicate of the words before the
  //    subordinator.
  //  - "responded saying the harbor was too shallow": a gerund of saying
  //    made the subject of the clause it reports, with that clause's
  //    subject as its object. The clause is the gerund's complement.
  //  - "one envoy who watched the vote said": the relative clause's
  //    object read as a second subject of the main verb.
  //  - "plans to invade and accuses the alliance": an object after a verb
  //    conjoined to its head, hung across that verb on the first one.
  //    An object follows its own verb, so it is the conjoined verb's.
  void RepairParse() {
    const std::size_t n = head_.size();
    auto in_sentence = [&](std::int32_t x, std::int32_t y) {
      return x >= 0 && y >= 0 && static_cast<std::size_t>(x) < n && static_cast<std::size_t>(y) < n &&
             sent_[static_cast<std::size_t>(x)] == sent_[static_cast<std::size_t>(y)];
    };
    // One pass picks the few tokens each repair starts from.
    std::vector<std::uint32_t> cases, objects, subjects, nominal_subjects, others, marks, participles;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view r = deprel_[i];
      const auto k = static_cast<std::uint32_t>(i);
      switch (r.size()) {
        case 3:
          if (r == "obj") objects.push_back(k);
          break;
        case 4:
          if (r == "case" && Subordinator(a_.TokenText(a_.tokens[i]))) cases.push_back(k);
          if (r == "conj") others.push_back(k);
          if (r == "mark" && a_.tokens[i].upos == "ADP") marks.push_back(k);
          break;
        case 5:
          if (r == "xcomp") others.push_back(k);
          if (r == "csubj") subjects.push_back(k);
          if (r == "nsubj") nominal_subjects.push_back(k);
          if (r == "ccomp" && a_.tokens[i].xpos == "VBN") participles.push_back(k);
          break;
        case 9:
          if (r == "acl:relcl" || r == "parataxis") others.push_back(k);
          break;
        default:
          break;
      }
    }
    for (std::size_t i : cases) {
      const std::int32_t p = static_cast<std::int32_t>(i);
      const std::int32_t noun = head_[i];
      if (noun <= p || !in_sentence(p, noun) || !in_sentence(p - 1, p)) continue;
      const std::string_view nrel = deprel_[static_cast<std::size_t>(noun)];
      // The verb: the one right after the noun phrase, whose subject the
      // noun is or should be.
      const std::int32_t v = noun + 1;
      if (!in_sentence(noun, v) || !Finite(a_.tokens[static_cast<std::size_t>(v)].xpos)) continue;
      const std::string_view vrel = deprel_[static_cast<std::size_t>(v)];
      if (vrel != "conj" && vrel != "parataxis" && vrel != "advcl") continue;
      const bool its_subject = StartsWith(nrel, "nsubj") && head_[static_cast<std::size_t>(noun)] == v;
      if (!its_subject && !StartsWith(nrel, "obl") && !StartsWith(nrel, "nmod")) continue;
      // Every word between the subordinator and the verb is the noun's.
      bool phrase = true;
      for (std::int32_t t = p + 1; t < noun && phrase; ++t) phrase = head_[static_cast<std::size_t>(t)] == noun;
      bool subject = false, coordinated = false;
      for (std::size_t c = SentenceBegin(v); c < SentenceEnd(v); ++c) {
        if (head_[c] != v || static_cast<std::int32_t>(c) == noun) continue;
        subject = subject || StartsWith(deprel_[c], "nsubj") || StartsWith(deprel_[c], "expl");
        coordinated = coordinated || deprel_[c] == "cc";
      }
      if (!phrase || subject || coordinated) continue;
      // The clause modifies the predicate of the words before it.
      std::int32_t host = p - 1;
      for (int k = 0; k < 8 && host != kNone; ++k) {
        const std::string_view u = a_.tokens[static_cast<std::size_t>(host)].upos;
        if (u == "VERB" || u == "AUX" || u == "ADJ") break;
        host = head_[static_cast<std::size_t>(host)];
      }
      if (host == kNone || host == v) continue;
      const std::string_view hu = a_.tokens[static_cast<std::size_t>(host)].upos;
      if (hu != "VERB" && hu != "AUX" && hu != "ADJ") continue;
      // Not a word below the verb: the tree must stay a tree.
      bool below = false;
      for (std::int32_t x = host, k = 0; x != kNone && k < static_cast<std::int32_t>(n) && !below; ++k) {
        below = x == v;
        x = head_[static_cast<std::size_t>(x)];
      }
      if (below) continue;
      head_[static_cast<std::size_t>(v)] = host;
      deprel_[static_cast<std::size_t>(v)] = "advcl";
      head_[static_cast<std::size_t>(noun)] = v;
      deprel_[static_cast<std::size_t>(noun)] = "nsubj";
      head_[i] = v;
      deprel_[i] = "mark";
    }
    for (std::size_t i : objects) {
      const std::int32_t o = static_cast<std::int32_t>(i);
      const std::int32_t h = head_[i];
      if (deprel_[i] != "obj" || h == kNone || h >= o) continue;
      // The last verb conjoined to h between h and the object.
      std::int32_t conj = kNone;
      for (std::int32_t c = h + 1; c < o; ++c) {
        if (head_[static_cast<std::size_t>(c)] == h && deprel_[static_cast<std::size_t>(c)] == "conj" &&
            a_.tokens[static_cast<std::size_t>(c)].upos == "VERB") {
          conj = c;
        }
      }
      if (conj == kNone) continue;
      bool adjacent = true, has_object = false;
      for (std::int32_t t = conj + 1; t < o && adjacent; ++t) adjacent = head_[static_cast<std::size_t>(t)] == o;
      for (std::size_t c = SentenceBegin(conj); c < SentenceEnd(conj); ++c) {
        has_object = has_object || (head_[c] == conj && deprel_[c] == "obj");
      }
      if (adjacent && !has_object) head_[i] = conj;
    }
    // "The council on Tuesday proposed ...": a preposition read as a
    // subordinator and its noun as a second subject of the verb, which
    // has its own subject before them. The preposition is the noun's, and
    // the noun the verb's oblique.
    for (std::size_t i : marks) {
      const std::int32_t v = head_[i];
      const std::size_t j = i + 1;
      if (v == kNone || j >= n || !in_sentence(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j)) ||
          head_[j] != v || deprel_[j] != "nsubj") {
        continue;
      }
      const std::string_view u = a_.tokens[j].upos;
      if (u != "NOUN" && u != "PROPN") continue;
      bool earlier = false;
      for (std::size_t c = SentenceBegin(v); c < i && !earlier; ++c) earlier = head_[c] == v && StartsWith(deprel_[c], "nsubj");
      if (!earlier) continue;
      head_[i] = static_cast<std::int32_t>(j);
      deprel_[i] = "case";
      deprel_[j] = "obl";
    }
    // "listing 31 individuals accused of helping X, the minister said": a
    // past participle with no subject or auxiliary of its own is no
    // clause a verb can report; right after a noun, it is that noun's
    // reduced relative clause.
    for (std::size_t i : participles) {
      if (i == 0 || !in_sentence(static_cast<std::int32_t>(i - 1), static_cast<std::int32_t>(i))) continue;
      const std::string_view u = a_.tokens[i - 1].upos;
      if (u != "NOUN" && u != "PROPN") continue;
      bool own = false;
      for (std::size_t c = SentenceBegin(static_cast<std::int32_t>(i)); c < SentenceEnd(static_cast<std::int32_t>(i)) && !own; ++c) {
        own = head_[c] == static_cast<std::int32_t>(i) &&
              (StartsWith(deprel_[c], "nsubj") || StartsWith(deprel_[c], "aux") || deprel_[c] == "cop" ||
               deprel_[c] == "expl");
      }
      // The noun must not hang below the participle: the tree stays a tree.
      bool below = false;
      for (std::int32_t x = static_cast<std::int32_t>(i - 1), k = 0; x != kNone && k < 64 && !below; ++k) {
        below = x == static_cast<std::int32_t>(i);
        x = head_[static_cast<std::size_t>(x)];
      }
      if (own || below) continue;
      head_[i] = static_cast<std::int32_t>(i - 1);
      deprel_[i] = "acl";
    }
    // "..., said he to journalists" (an old or translated word order): a
    // subject pronoun ("he", "they") is never an object; read as one, it
    // is the verb's subject, when the verb has no other.
    for (std::size_t i : objects) {
      const std::int32_t h = head_[i];
      if (deprel_[i] != "obj" || h == kNone || !SubjectPronoun(Lower(a_.TokenText(a_.tokens[i])))) continue;
      bool subject = false;
      for (std::size_t c = SentenceBegin(h); c < SentenceEnd(h) && !subject; ++c) {
        subject = head_[c] == h && StartsWith(deprel_[c], "nsubj");
      }
      if (!subject) deprel_[i] = "nsubj";
    }
    for (std::size_t i : objects) RepairOpeningParticiple(i);
    for (std::size_t i = 1; i < n; ++i) RepairClosingSpeaker(i);
    for (std::size_t i : subjects) RepairSpeechGerund(i);
    for (std::size_t i : others) RepairInvertedCue(i);
    for (std::size_t i : others) RepairAppositiveSpeaker(i);
    for (std::size_t i = 1; i < n; ++i) RepairTrailingSpeechGerund(i);
    for (std::size_t i : nominal_subjects) RepairPrepositionalSubject(i);
    for (std::size_t i : nominal_subjects) {
      if (deprel_[i] == "nsubj") RepairSecondSubject(i);
    }
    for (std::size_t i : nominal_subjects) {
      if (deprel_[i] == "nsubj") RepairReportedSubject(i);
    }
    for (std::size_t i : others) {
      const std::int32_t c = static_cast<std::int32_t>(i);
      const std::int32_t h = head_[i];
      if (h == kNone) continue;
      const std::string_view hu = a_.tokens[static_cast<std::size_t>(h)].upos;
      if (deprel_[i] == "acl:relcl" && (hu == "VERB" || hu == "AUX") && h < c) {
        // "refuse to hire Odalys Kessar, who runs a bakery": a
        // relative clause on a verb. It is the noun's right before it.
        std::int32_t first = c;
        for (std::size_t t = SentenceBegin(c); t < i; ++t) {
          std::int32_t x = static_cast<std::int32_t>(t);
          for (int k = 0; k < 12 && x != kNone && x != c; ++k) x = head_[static_cast<std::size_t>(x)];
          if (x == c) {
            first = static_cast<std::int32_t>(t);
            break;
          }
        }
        std::int32_t noun = first - 1;
        while (noun > h && Punct(noun)) --noun;
        if (noun <= h) continue;
        // The name's head: "Kessar" is a flat part of "Odalys".
        while ((deprel_[static_cast<std::size_t>(noun)] == "flat" || deprel_[static_cast<std::size_t>(noun)] == "compound") &&
               head_[static_cast<std::size_t>(noun)] > h && head_[static_cast<std::size_t>(noun)] < noun) {
          noun = head_[static_cast<std::size_t>(noun)];
        }
        const std::string_view nu = a_.tokens[static_cast<std::size_t>(noun)].upos;
        if (nu == "NOUN" || nu == "PROPN" || nu == "PRON") head_[i] = noun;
      } else if (deprel_[i] == "conj" && (hu == "NOUN" || hu == "PROPN" || deprel_[static_cast<std::size_t>(h)] == "advmod" ||
                                          deprel_[static_cast<std::size_t>(h)] == "amod") &&
                 !Clausal(deprel_[static_cast<std::size_t>(h)])) {
        // "plans that promise to cut costs but are likely to fail", "kept
        // the estimate low but said ...": a tensed
        // predicate with no subject of its own conjoined to a noun or a
        // modifier that is no predicate itself. It shares the subject of
        // the nearest tensed verb above, and is that verb's conjunct.
        // A verb form alone is not enough after a noun: "the rides and
        // tours" may tag "tours" as a present-tense verb.
        const bool modifier = hu != "NOUN" && hu != "PROPN";
        bool tensed = modifier && Finite(a_.tokens[i].xpos), subject = false;
        for (std::size_t t = SentenceBegin(c); t < SentenceEnd(c); ++t) {
          if (head_[t] != c) continue;
          subject = subject || StartsWith(deprel_[t], "nsubj") || StartsWith(deprel_[t], "csubj");
          tensed = tensed || ((deprel_[t] == "cop" || StartsWith(deprel_[t], "aux")) && Finite(a_.tokens[t].xpos));
        }
        if (!tensed || subject) continue;
        std::int32_t x = head_[static_cast<std::size_t>(h)];
        for (int k = 0; k < 6 && x != kNone && !Finite(a_.tokens[static_cast<std::size_t>(x)].xpos); ++k) {
          x = head_[static_cast<std::size_t>(x)];
        }
        if (x != kNone && x < c) head_[i] = x;
      }
    }
  }
  static bool Clausal(std::string_view r) {
    return r == "root" || r == "conj" || r == "ccomp" || r == "xcomp" || r == "advcl" || r == "parataxis" ||
           StartsWith(r, "acl") || StartsWith(r, "csubj");
  }
  // "Neighbouring Lorvani's foreign ministry said ...", "Ruling party
  // deputies voted ...": a participle opening the sentence read as a verb
  // whose object runs straight, with no comma, into a finite verb that has
  // no subject. An opening participial clause is set off by a comma and
  // the verb needs a subject, so the object is the verb's subject and the
  // participle its modifier.
  void RepairOpeningParticiple(std::size_t i) {
    const std::int32_t o = static_cast<std::int32_t>(i);
    const std::int32_t g = head_[i];
    if (deprel_[i] != "obj" || g == kNone || g >= o || static_cast<std::size_t>(g) != SentenceBegin(o)) return;
    const Token& gt = a_.tokens[static_cast<std::size_t>(g)];
    if (gt.xpos != "VBG" || deprel_[static_cast<std::size_t>(g)] != "advcl") return;
    const std::int32_t v = head_[static_cast<std::size_t>(g)];
    if (v == kNone || v <= o || !Finite(a_.tokens[static_cast<std::size_t>(v)].xpos)) return;
    // Every word from the participle to the verb is the object's, with
    // no punctuation between.
    for (std::int32_t t = g + 1; t < v; ++t) {
      if (Punct(t)) return;
      std::int32_t x = t;
      for (int k = 0; k < 8 && x != kNone && x != o; ++k) x = head_[static_cast<std::size_t>(x)];
      if (x != o) return;
    }
    for (std::size_t c = SentenceBegin(v); c < SentenceEnd(v); ++c) {
      if (head_[c] == v && (StartsWith(deprel_[c], "nsubj") || StartsWith(deprel_[c], "csubj") ||
                            StartsWith(deprel_[c], "expl"))) {
        return;
      }
    }
    head_[i] = v;
    deprel_[i] = "nsubj";
    head_[static_cast<std::size_t>(g)] = o;
    deprel_[static_cast<std::size_t>(g)] = "amod";
  }

  // "The ministry said 40 of the 120 people detained had been released": a
  // verb of saying with its subject before it and a second one right
  // after it, directly followed by the clause it reports, which has no
  // subject. The second is that clause's subject.
  void RepairReportedSubject(std::size_t i) {
    const std::int32_t s2 = static_cast<std::int32_t>(i);
    const std::int32_t v = head_[i];
    if (!speech_verb_ || v == kNone || v > s2 || sent_[static_cast<std::size_t>(v)] != sent_[i] ||
        !speech_verb_(Lower(a_.tokens[static_cast<std::size_t>(v)].lemma))) {
      return;
    }
    std::int32_t s1 = kNone, comp = kNone;
    for (std::size_t t = SentenceBegin(s2); t < SentenceEnd(s2); ++t) {
      if (head_[t] != v) continue;
      if (static_cast<std::int32_t>(t) < v && StartsWith(deprel_[t], "nsubj")) s1 = static_cast<std::int32_t>(t);
      if (static_cast<std::int32_t>(t) > s2 && deprel_[t] == "ccomp" && comp == kNone) comp = static_cast<std::int32_t>(t);
    }
    if (s1 == kNone || comp == kNone) return;
    bool pass = false;
    for (std::size_t t = SentenceBegin(s2); t < SentenceEnd(s2); ++t) {
      if (head_[t] != comp) continue;
      if (StartsWith(deprel_[t], "nsubj") || StartsWith(deprel_[t], "expl") || deprel_[t] == "mark") return;
      pass = pass || deprel_[t] == "aux:pass";
    }
    // The second subject's words run from right after the verb to just
    // before the clause's first word: nothing else stands between.
    std::int32_t clause_first = comp;
    for (std::int32_t t = comp - 1; t > s2; --t) {
      std::int32_t x = t;
      for (int k = 0; k < 40 && x != kNone && x != comp && x != s2; ++k) x = head_[static_cast<std::size_t>(x)];
      if (x == comp) clause_first = t;
      else if (x != s2) return;
    }
    for (std::int32_t t = v + 1; t < clause_first; ++t) {
      std::int32_t x = t;
      for (int k = 0; k < 40 && x != kNone && x != s2; ++k) x = head_[static_cast<std::size_t>(x)];
      if (x != s2) return;
    }
    head_[i] = comp;
    deprel_[i] = pass ? "nsubj:pass" : "nsubj";
  }

  // A person's name with its title between a comma and the cue at c
  // ("..., EU Trade Commissioner Ana Kessar said"): the phrase's first
  // token in *first and its one top word (the only word whose head lies
  // outside the phrase), or kNone when the words back to the comma are not
  // such a phrase, the name starts before the comma's next word, the top
  // already hangs on the cue, or the cue hangs below the top (the tree
  // must stay a tree).
  std::int32_t NamePhraseTop(std::size_t c, const Mention& person, std::size_t* first) const {
    const std::int32_t ci = static_cast<std::int32_t>(c);
    std::size_t comma = c - 1;
    while (comma > SentenceBegin(ci) && comma + 8 > c && a_.TokenText(a_.tokens[comma]) != ",") {
      const std::string_view u = a_.tokens[comma].upos;
      if (u != "PROPN" && u != "NOUN" && u != "ADJ" && u != "DET") return kNone;
      --comma;
    }
    if (a_.TokenText(a_.tokens[comma]) != "," || comma + 1 >= c || person.begin < a_.tokens[comma + 1].begin) {
      return kNone;
    }
    *first = comma + 1;
    std::int32_t top = kNone;
    for (std::size_t t = *first; t < c; ++t) {
      const std::int32_t h = head_[t];
      if (h >= static_cast<std::int32_t>(*first) && h < ci) continue;
      if (top != kNone) return kNone;
      top = static_cast<std::int32_t>(t);
    }
    if (top == kNone || head_[static_cast<std::size_t>(top)] == ci) return kNone;
    for (std::int32_t x = ci, k = 0; x != kNone && k < 64; ++k, x = head_[static_cast<std::size_t>(x)]) {
      if (x == top) return kNone;
    }
    return top;
  }

  // "One envoy who watched the vote said ...": of two subjects of a
  // verb, a later one right after the earlier one's relative clause verb,
  // which has no object, is that verb's object.
  void RepairSecondSubject(std::size_t i) {
    const std::int32_t s2 = static_cast<std::int32_t>(i);
    const std::int32_t v = head_[i];
    if (v == kNone || v < s2) return;
    std::int32_t s1 = kNone;
    for (std::size_t t = SentenceBegin(s2); t < i; ++t) {
      if (head_[t] == v && StartsWith(deprel_[t], "nsubj")) s1 = static_cast<std::int32_t>(t);
    }
    if (s1 == kNone) return;
    std::int32_t rel = kNone;
    bool object = false;
    for (std::size_t t = static_cast<std::size_t>(s1) + 1; t < i; ++t) {
      if (head_[t] == s1 && deprel_[t] == "acl:relcl") rel = static_cast<std::int32_t>(t);
    }
    if (rel == kNone) return;
    // Every word between the relative verb and the second subject is the
    // latter's (its determiner, adjectives).
    for (std::int32_t t = rel + 1; t < s2; ++t) {
      if (head_[static_cast<std::size_t>(t)] != s2) return;
    }
    for (std::size_t t = SentenceBegin(s2); t < SentenceEnd(s2); ++t) {
      object = object || (head_[t] == rel && (deprel_[t] == "obj" || deprel_[t] == "ccomp" || deprel_[t] == "xcomp"));
    }
    if (object) return;
    head_[i] = rel;
    deprel_[i] = "obj";
  }
  // "The council will open new schools, announced the minister Ines
  // Varga.": a verb of saying after a comma, with no subject of its own
  // and a person as its only object, read as a second predicate of the
  // clause it reports (conj, xcomp or parataxis). A verb of saying does not take the speaker as its
  // object, so the inversion is undone: the cue heads the sentence, the
  // clause is what was said and the person says it ("said" is parsed so
  // already; the other cues often are not).
  // "X proposed its package of sanctions against Y, Commissioner Ana
  // Kessar said.": the closing speaker read as an apposition of the noun
  // before the comma, and that noun (the reported verb's object) as the
  // subject of the verb of saying. A person's name right before the
  // sentence's last verb of saying, after a comma, is its subject; the old
  // subject, after the reported clause's verb that has no object, is that
  // verb's object.
  void RepairClosingSpeaker(std::size_t v) {
    const Token& cue = a_.tokens[v];
    if (!speech_verb_ || (cue.xpos != "VBD" && cue.xpos != "VBZ") || !speech_verb_(Lower(cue.lemma))) return;
    const std::int32_t vi = static_cast<std::int32_t>(v);
    const std::size_t end = SentenceEnd(vi);
    if (v + 1 < end && !(v + 2 == end && Punct(static_cast<std::int32_t>(v + 1)))) return;
    const Mention* person = nullptr;
    for (const Mention& m : a_.mentions) {
      if (m.type == "PERSON" && m.end <= cue.begin && m.end >= a_.tokens[v - 1].end) person = &m;
    }
    if (person == nullptr) return;
    // The name with its title ("EU Trade Commissioner Ana Kessar") back to
    // the comma: one phrase whose top word does not hang on the verb.
    std::size_t first = 0;
    const std::int32_t top = NamePhraseTop(v, *person, &first);
    if (top == kNone || a_.tokens[first].end > person->end) return;
    const std::size_t comma = first - 1;
    std::int32_t subject = kNone, comp = kNone;
    for (std::size_t c = SentenceBegin(vi); c < end; ++c) {
      if (head_[c] != vi) continue;
      if (deprel_[c] == "nsubj") subject = subject == kNone ? static_cast<std::int32_t>(c) : -2;
      if (deprel_[c] == "ccomp") comp = comp == kNone ? static_cast<std::int32_t>(c) : -2;
    }
    if (subject == -2 || comp < 0 || comp >= static_cast<std::int32_t>(comma)) return;
    if (subject != kNone) {
      if (!(comp < subject) || subject >= static_cast<std::int32_t>(comma)) return;
      for (std::size_t c = SentenceBegin(comp); c < end; ++c) {
        if (head_[c] == comp && (deprel_[c] == "obj" || deprel_[c] == "ccomp")) return;
      }
      head_[static_cast<std::size_t>(subject)] = comp;
      deprel_[static_cast<std::size_t>(subject)] = "obj";
    }
    head_[static_cast<std::size_t>(top)] = vi;
    deprel_[static_cast<std::size_t>(top)] = "nsubj";
    head_[comma] = vi;
    deprel_[comma] = "punct";
  }

  void RepairInvertedCue(std::size_t i) {
    const std::int32_t v = static_cast<std::int32_t>(i);
    const std::int32_t h = head_[i];
    const Token& cue = a_.tokens[i];
    if (!speech_verb_ || h == kNone || h >= v - 1 || sent_[static_cast<std::size_t>(h)] != sent_[i] ||
        (deprel_[i] != "conj" && deprel_[i] != "xcomp" && deprel_[i] != "parataxis") || (cue.xpos != "VBD" && cue.xpos != "VBZ") ||
        a_.TokenText(a_.tokens[i - 1]) != "," || a_.tokens[static_cast<std::size_t>(h)].upos != "VERB" ||
        !speech_verb_(Lower(cue.lemma))) {
      return;
    }
    std::int32_t obj = kNone;
    for (std::size_t t = SentenceBegin(v); t < SentenceEnd(v); ++t) {
      if (head_[t] != v) continue;
      const std::string_view r = deprel_[t];
      if (StartsWith(r, "nsubj") || StartsWith(r, "csubj") || r == "expl" || r == "ccomp" || r == "cc") return;
      if (r == "obj") {
        if (obj != kNone || static_cast<std::int32_t>(t) < v) return;
        obj = static_cast<std::int32_t>(t);
      }
    }
    if (obj == kNone) return;
    // Every word after the cue is the cue's (the person's phrase, the stop).
    auto under = [&](std::int32_t x, std::int32_t top) {
      for (std::size_t k = 0; x != kNone && k < 64; ++k) {
        if (x == top) return true;
        x = head_[static_cast<std::size_t>(x)];
      }
      return false;
    };
    bool person = false;
    for (std::size_t t = i + 1; t < SentenceEnd(v); ++t) {
      if (!under(static_cast<std::int32_t>(t), v) && !Punct(static_cast<std::int32_t>(t))) return;
      if (!under(static_cast<std::int32_t>(t), obj)) continue;
      for (const Mention& m : a_.mentions) {
        if (m.type == "PERSON" && m.begin <= a_.tokens[t].begin && a_.tokens[t].end <= m.end) person = true;
      }
    }
    if (!person) return;
    head_[i] = head_[static_cast<std::size_t>(h)];
    deprel_[i] = head_[i] == kNone ? std::string_view("root") : deprel_[static_cast<std::size_t>(h)];
    head_[static_cast<std::size_t>(h)] = v;
    deprel_[static_cast<std::size_t>(h)] = "ccomp";
    deprel_[static_cast<std::size_t>(obj)] = "nsubj";
  }
  // "At least 19 people died in the flood, Mayor Odal Kessar said on
  // Wednesday.": the closing speaker, with words after the cue, read as an
  // apposition of the noun before the comma and the cue as a second
  // predicate (conj, xcomp or parataxis) of the clause it reports, with no
  // subject of its own. A person's name between a comma and a verb of
  // saying that lacks a subject is its subject, and the clause before the
  // comma what was said.
  void RepairAppositiveSpeaker(std::size_t i) {
    const std::int32_t v = static_cast<std::int32_t>(i);
    const std::int32_t h = head_[i];
    const Token& cue = a_.tokens[i];
    if (!speech_verb_ || h == kNone || h >= v || i < 3 || sent_[static_cast<std::size_t>(h)] != sent_[i] ||
        (deprel_[i] != "conj" && deprel_[i] != "xcomp" && deprel_[i] != "parataxis") ||
        (cue.xpos != "VBD" && cue.xpos != "VBZ") || a_.tokens[static_cast<std::size_t>(h)].upos != "VERB" ||
        !speech_verb_(Lower(cue.lemma))) {
      return;
    }
    for (std::size_t t = SentenceBegin(v); t < SentenceEnd(v); ++t) {
      if (head_[t] != v) continue;
      const std::string_view r = deprel_[t];
      if (StartsWith(r, "nsubj") || StartsWith(r, "csubj") || r == "expl" || r == "cc" ||
          ((r == "ccomp" || r == "obj") && static_cast<std::int32_t>(t) < v)) {
        return;
      }
    }
    const Mention* person = nullptr;
    for (const Mention& m : a_.mentions) {
      if (m.type == "PERSON" && m.end <= cue.begin && m.end >= a_.tokens[i - 1].end) person = &m;
    }
    if (person == nullptr) return;
    // The name with its title back to the comma, after the reported verb.
    std::size_t first = 0;
    const std::int32_t top = NamePhraseTop(i, *person, &first);
    const std::size_t comma = first - 1;
    if (top == kNone || static_cast<std::int32_t>(comma) <= h) return;
    // "..., Mayor X said on Friday, a higher toll than the police gave":
    // a clause after a further comma, read as what the cue reports, adds
    // to the sentence; the words before that comma are the cue's own.
    std::size_t after = i + 1;
    while (after < SentenceEnd(v) && a_.TokenText(a_.tokens[after]) != ",") ++after;
    for (std::size_t t = after + 1; t < SentenceEnd(v); ++t) {
      if (head_[t] != v || deprel_[t] != "ccomp") continue;
      for (std::size_t k = i + 1; k < after; ++k) {
        if (head_[k] == static_cast<std::int32_t>(t)) head_[k] = v;
      }
      head_[t] = h;
      deprel_[t] = "parataxis";
    }
    head_[i] = head_[static_cast<std::size_t>(h)];
    deprel_[i] = head_[i] == kNone ? std::string_view("root") : deprel_[static_cast<std::size_t>(h)];
    head_[static_cast<std::size_t>(h)] = v;
    deprel_[static_cast<std::size_t>(h)] = "ccomp";
    head_[static_cast<std::size_t>(top)] = v;
    deprel_[static_cast<std::size_t>(top)] = "nsubj";
    head_[comma] = v;
    deprel_[comma] = "punct";
  }
  // "X denied that Y had ignored the warning, saying it came too late":
  // a gerund of saying after a comma, hung on the clause another verb of
  // saying reports. A participle set off at the end of the sentence is the
  // main clause's: X says it, not Y.
  void RepairTrailingSpeechGerund(std::size_t i) {
    const Token& g = a_.tokens[i];
    if (!speech_verb_ || g.xpos != "VBG" || deprel_[i] != "advcl" || a_.TokenText(a_.tokens[i - 1]) != ",") return;
    const std::int32_t h = head_[i];
    if (h == kNone || h >= static_cast<std::int32_t>(i) || deprel_[static_cast<std::size_t>(h)] != "ccomp") return;
    const std::int32_t v = head_[static_cast<std::size_t>(h)];
    if (v == kNone || v >= h || a_.tokens[static_cast<std::size_t>(v)].upos != "VERB" ||
        !speech_verb_(Lower(a_.tokens[static_cast<std::size_t>(v)].lemma)) || !speech_verb_(Lower(g.lemma))) {
      return;
    }
    head_[i] = v;
    head_[i - 1] = static_cast<std::int32_t>(i);
  }
  // "The union on Tuesday accused ...": parsers read the time phrase as a
  // clause of its own, the preposition its marker and the noun a second
  // subject of the verb. A verb has one subject, and one led by a
  // preposition is none: the phrase goes back to being an oblique.
  // ("For them to win" keeps its subject: the verb has no other.)
  void RepairPrepositionalSubject(std::size_t i) {
    const std::int32_t s = static_cast<std::int32_t>(i);
    const std::int32_t v = head_[i];
    if (v == kNone || deprel_[i] != "nsubj") return;
    std::int32_t first = s;
    while (first > 0 && sent_[static_cast<std::size_t>(first - 1)] == sent_[i] &&
           head_[static_cast<std::size_t>(first - 1)] == s) {
      --first;
    }
    const std::int32_t p = first - 1;
    if (p < 0 || sent_[static_cast<std::size_t>(p)] != sent_[i]) return;
    const auto pi = static_cast<std::size_t>(p);
    if (head_[pi] != v || deprel_[pi] != "mark" || a_.tokens[pi].upos != "ADP") return;
    bool other = false;
    for (std::size_t t = SentenceBegin(s); t < SentenceEnd(s) && !other; ++t) {
      other = t != i && head_[t] == v && StartsWith(deprel_[t], "nsubj");
    }
    if (!other) return;
    deprel_[i] = "obl";
    head_[pi] = s;
    deprel_[pi] = "case";
  }
  void RepairSpeechGerund(std::size_t i) {
    const std::int32_t c = static_cast<std::int32_t>(i);
    const std::int32_t p = head_[i];
    const Token& g = a_.tokens[i];
    if (!speech_verb_ || deprel_[i] != "csubj" || g.xpos != "VBG" || p == kNone || p <= c || c == 0 ||
        sent_[static_cast<std::size_t>(c - 1)] != sent_[i] || a_.tokens[i - 1].upos != "VERB" ||
        !speech_verb_(Lower(g.lemma))) {
      return;
    }
    std::int32_t obj = kNone;
    bool subject = false;
    for (std::size_t t = SentenceBegin(c); t < SentenceEnd(c); ++t) {
      if (head_[t] == c && deprel_[t] == "obj" && static_cast<std::int32_t>(t) > c) obj = static_cast<std::int32_t>(t);
      if (head_[t] == p && t != i && (StartsWith(deprel_[t], "nsubj") || StartsWith(deprel_[t], "csubj"))) subject = true;
    }
    if (obj == kNone || obj > p || subject) return;
    head_[static_cast<std::size_t>(obj)] = p;
    deprel_[static_cast<std::size_t>(obj)] = "nsubj";
    head_[i] = head_[static_cast<std::size_t>(p)];
    deprel_[i] = head_[i] == kNone ? std::string_view("root") : std::string_view("advcl");
    head_[static_cast<std::size_t>(p)] = c;
    deprel_[static_cast<std::size_t>(p)] = "ccomp";
  }
  // "after", "before", "since", "until", "till", "once", "because",
  // "while" in any case: words that open a clause as often as a phrase.
  static bool Subordinator(std::string_view w) {
    if (w.size() < 4 || w.size() > 7) return false;
    char buf[8];
    for (std::size_t k = 0; k < w.size(); ++k) buf[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
    const std::string_view l(buf, w.size());
    return l == "after" || l == "before" || l == "since" || l == "until" || l == "till" || l == "once" ||
           l == "because" || l == "while";
  }
  bool Punct(std::int32_t t) const {
    const Token& tok = a_.tokens[static_cast<std::size_t>(t)];
    return tok.upos == "PUNCT" || !HasAlnum(a_.TokenText(tok));
  }
};

}  // namespace sitrep::quotes::internal
