#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <bit>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "text/chars.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

struct StopwordModel {
  std::vector<std::string> languages;
  // word -> bitmask of languages that list it
  std::unordered_map<std::string, std::uint32_t> words;
  // The same words in an open-addressing table for the scan, which looks
  // up every word of the text's head. A word of up to 16 bytes is its
  // bytes packed little-endian into two integers, zero-padded (no listed
  // word holds a zero byte, so the packing keeps the length): the scan
  // packs each word as it reads it, and a probe is integer compares, with
  // no hash pass over the word and no memcmp. Every word lies in its home
  // slot or the next (Load grows the table until that holds), so a lookup
  // reads both and selects without a branch: whether a word of a text is
  // a function word is a coin toss the branch predictor lost half the
  // time. A slot with mask 0 is empty (every listed word has at least one
  // language); its key matches no packed word (whose first byte is not 0).
  struct Slot {
    std::uint64_t lo = 0, hi = 0;
    std::uint32_t mask = 0;
  };
  std::vector<Slot> slots;
  std::uint64_t slot_mask = 0;
  // Integers of four 16-bit vote lanes the languages need.
  std::size_t vote_groups = 0;
  // The longest listed word in bytes: longer words are not looked up.
  std::size_t max_word_bytes = 0;
  static constexpr std::size_t kMaxWordBytes = 16;

  static std::uint64_t Hash(std::uint64_t lo, std::uint64_t hi) {
    std::uint64_t h = (lo ^ (hi * 0x9E3779B97F4A7C15ULL)) * 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
  }

  static void Pack(std::string_view w, std::uint64_t& lo, std::uint64_t& hi) {
    lo = hi = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      (k < 8 ? lo : hi) |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[k])) << (8 * (k & 7));
    }
  }

  // The languages that list the packed word, as a bitmask (0: none).
  std::uint32_t Lookup(std::uint64_t lo, std::uint64_t hi) const {
    const std::uint64_t i = Hash(lo, hi) & slot_mask;
    const Slot& a = slots[i];
    const Slot& b = slots[(i + 1) & slot_mask];
    const std::uint32_t in_a = (a.lo == lo) & (a.hi == hi), in_b = (b.lo == lo) & (b.hi == hi);
    return (a.mask & (0u - in_a)) | (b.mask & (0u - in_b));
  }

  static StopwordModel Load() {
    StopwordModel m;
    for (std::string_view line : DataLines(Resource("text/stopwords.tsv"))) {
      std::size_t tab = line.find('\t');
      SITREP_CHECK(tab != std::string_view::npos, ConfigError,
                   "data/text/stopwords.tsv: line without a tab");
      SITREP_CHECK(m.languages.size() < 32, ConfigError, "data/text/stopwords.tsv: over 32 languages");
      std::uint32_t bit = 1u << m.languages.size();
      m.languages.emplace_back(line.substr(0, tab));
      std::string_view rest = line.substr(tab + 1);
      std::size_t p = 0;
      while (p < rest.size()) {
        std::size_t sp = rest.find(' ', p);
        if (sp == std::string_view::npos) sp = rest.size();
        if (sp > p) {
          std::string_view w = rest.substr(p, sp - p);
          SITREP_CHECK(w.find('\0') == std::string_view::npos, ConfigError,
                       "data/text/stopwords.tsv: a word with a zero byte");
          m.words[std::string(w)] |= bit;
          m.max_word_bytes = std::max(m.max_word_bytes, sp - p);
        }
        p = sp + 1;
      }
    }
    m.vote_groups = (m.languages.size() + 3) / 4;
    SITREP_CHECK(m.max_word_bytes <= kMaxWordBytes, ConfigError,
                 "data/text/stopwords.tsv: a word longer than " << kMaxWordBytes << " bytes");
    std::size_t slots = 16;
    while (slots < 2 * m.words.size()) slots *= 2;
    // Linear probing, in a table grown until no word lies past the slot
    // after its home (what Lookup reads).
    for (bool placed = false; !placed; slots *= 2) {
      m.slots.assign(slots, Slot{});
      m.slot_mask = slots - 1;
      placed = true;
      for (const auto& [w, bits] : m.words) {
        std::uint64_t lo, hi;
        Pack(w, lo, hi);
        const std::uint64_t home = Hash(lo, hi) & m.slot_mask;
        std::uint64_t i = home;
        while (m.slots[i].mask != 0) i = (i + 1) & m.slot_mask;
        m.slots[i] = {lo, hi, bits};
        placed = placed && ((i - home) & m.slot_mask) <= 1;
      }
    }
    return m;
  }
};

const StopwordModel& Model() {
  static const StopwordModel model = StopwordModel::Load();
  return model;
}

// The four 16-bit lanes a nibble of a language mask adds one to.
struct NibbleLanes {
  std::uint64_t lanes[16];
  constexpr NibbleLanes() : lanes() {
    for (unsigned n = 0; n < 16; ++n) {
      for (unsigned b = 0; b < 4; ++b) {
        if ((n >> b) & 1) lanes[n] |= std::uint64_t{1} << (16 * b);
      }
    }
  }
};
constexpr NibbleLanes kSpread;

// The bytes of a word of n <= 16 bytes within its two packed halves:
// lo[n] keeps the first min(n, 8) bytes, hi[n] the next n - 8.
struct KeepMasks {
  std::uint64_t lo[17], hi[17];
  constexpr KeepMasks() : lo(), hi() {
    for (std::size_t n = 0; n <= 16; ++n) {
      const auto keep = [](std::size_t k) { return k >= 8 ? ~0ULL : (1ULL << (8 * k)) - 1; };
      lo[n] = keep(n < 8 ? n : 8);
      hi[n] = n > 8 ? keep(n - 8) : 0;
    }
  }
};
constexpr KeepMasks kKeep;

// Lowercases ASCII and the Latin-1/Latin Extended letters that function
// words use.
void AppendLower(std::string& out, char32_t c) {
  utf8::Append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
}

}  // namespace

std::string IdentifyLanguage(std::string_view text) {
  std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 2500));
  const StopwordModel& m = Model();
  // Script census over letters; function-word votes counted on the fly.
  std::array<int, USCRIPT_CODE_LIMIT> scripts{};
  // Function-word votes per language in 16-bit lanes, four languages to an
  // integer: a word's languages are added without a branch per language.
  // A lane gets at most one vote per word of the head (fewer than 2,500).
  std::uint64_t votes[8] = {};
  std::array<int, 32> score{};
  const auto count_votes = [&] {
    for (std::size_t l = 0; l < m.languages.size(); ++l) {
      score[l] = static_cast<int>((votes[l / 4] >> (16 * (l % 4))) & 0xFFFF);
    }
  };
  int letters = 0, kana = 0, hangul = 0, words = 0;
  bool ukrainian = false, belarusian = false, serbian = false, bulgarian_hint = false;
  // The current word, lowercased and packed as the table packs it: every
  // listed word fits (Load checks), so a longer word needs only its length.
  std::uint64_t packed[2] = {0, 0};
  std::size_t word_len = 0;
  auto push = [&](char ch) {
    if (word_len < StopwordModel::kMaxWordBytes) {
      packed[word_len >> 3] |= static_cast<std::uint64_t>(static_cast<unsigned char>(ch)) << (8 * (word_len & 7));
    }
    ++word_len;
  };
  int function_words = 0;
  // Stops reading once one language clearly leads on plain Latin text: a
  // clear lead after 40 function words does not change with more.
  auto settled = [&] {
    if (function_words < 40 || letters != scripts[USCRIPT_LATIN]) return false;
    count_votes();
    int best = 0, second = 0;
    for (std::size_t l = 0; l < m.languages.size(); ++l) {
      if (score[l] > best) {
        second = best;
        best = score[l];
      } else if (score[l] > second) {
        second = score[l];
      }
    }
    return best >= 3 * second;
  };
  // Ends the current word; true when reading can stop. settled() is
  // asked once per 32 words, right after the word that makes the count a
  // multiple of 32: until the next word ends, nothing it reads changes.
  auto end_word = [&] {
    if (word_len == 0) return false;
    ++words;
    if (word_len <= m.max_word_bytes) {
      // One vote per language that lists the word (none for other words).
      const std::uint32_t bits = m.Lookup(packed[0], packed[1]);
      function_words += bits != 0;
      // Unrolled: the loop's counter, index and test cost more than its
      // adds, and the jump into this chain goes the same way every time.
      const auto add = [&](int g) { votes[g] += kSpread.lanes[(bits >> (4 * g)) & 15]; };
      switch (m.vote_groups) {
        case 8: add(7); [[fallthrough]];
        case 7: add(6); [[fallthrough]];
        case 6: add(5); [[fallthrough]];
        case 5: add(4); [[fallthrough]];
        case 4: add(3); [[fallthrough]];
        case 3: add(2); [[fallthrough]];
        case 2: add(1); [[fallthrough]];
        case 1: add(0); [[fallthrough]];
        default: break;
      }
    }
    word_len = 0;
    packed[0] = packed[1] = 0;
    return (words & 31) == 0 && settled();
  };
  std::size_t i = 0;
  while (i < head.size()) {
    unsigned char b = static_cast<unsigned char>(head[i]);
    if (b < 0x80) {
      ++i;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        // The rest of a run of ASCII letters in one go.
        const std::size_t start = i - 1;
        std::size_t run_end = i;
        bool found_end = false;
#if defined(__SSE2__)
        // The run's end from one sixteen-byte compare: the byte loop
        // mispredicted its exit at the end of every word.
        if (start + 16 <= head.size()) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(head.data() + start));
          const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
          // Signed compares: bytes above 0x7F are negative, no letter.
          const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                               _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
          const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(letter)) & 0xFFFFu;
          if (other != 0) {
            run_end = start + static_cast<std::size_t>(std::countr_zero(other));
            found_end = true;
          } else {
            run_end = start + 16;
          }
        }
#endif
        if (!found_end) {
          while (run_end < head.size() && ((head[run_end] | 0x20) >= 'a' && (head[run_end] | 0x20) <= 'z')) ++run_end;
        }
        const std::size_t run = run_end - start;
        letters += static_cast<int>(run);
        scripts[USCRIPT_LATIN] += static_cast<int>(run);
        if (word_len == 0 && run <= 16 && start + 16 <= head.size()) {
          // A word that starts here and fits the packed key: its lowercase
          // bytes from two loads, as push() would place them one by one.
          std::uint64_t lo, hi;
          __builtin_memcpy(&lo, head.data() + start, 8);
          __builtin_memcpy(&hi, head.data() + start + 8, 8);
          constexpr std::uint64_t kFold = 0x2020202020202020ULL;
          packed[0] = (lo | kFold) & kKeep.lo[run];
          packed[1] = (hi | kFold) & kKeep.hi[run];
          word_len = run;
          i = run_end;
        } else {
          push(static_cast<char>(b | 0x20));
          for (; i < run_end; ++i) push(static_cast<char>(head[i] | 0x20));
        }
      } else if (b == '\'' && word_len != 0) {
        push('\'');
      } else if (end_word()) {
        break;
      }
      continue;
    }
    std::size_t before = i;
    char32_t c = utf8::Decode(head, i);
    if (before + 1 == i && c == utf8::kReplacement) continue;
    if (IsAlpha(c)) {
      ++letters;
      UErrorCode st = U_ZERO_ERROR;
      int sc = uscript_getScript(static_cast<UChar32>(c), &st);
      if (U_SUCCESS(st) && sc >= 0 && sc < USCRIPT_CODE_LIMIT) ++scripts[static_cast<std::size_t>(sc)];
      if ((c >= 0x3040 && c <= 0x30FF)) ++kana;
      if (c >= 0xAC00 && c <= 0xD7AF) ++hangul;
      if (c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491) ukrainian = true;
      if (c == 0x045E) belarusian = true;
      if (c == 0x0452 || c == 0x045B || c == 0x0458 || c == 0x045A || c == 0x0459) serbian = true;
      if (c == 0x044A) bulgarian_hint = true;
      std::string lower;
      AppendLower(lower, c);
      for (char ch : lower) push(ch);
    } else if (IsApostrophe(c) && word_len != 0) {
      push('\'');
    } else if (end_word()) {
      break;
    }
  }
  end_word();
  if (letters < 10) return "und";

  int best_script = -1, best_count = 0;
  if (scripts[USCRIPT_LATIN] == letters) {
    // Every letter Latin (most texts): no other script has any, so the
    // search over every script code below would find Latin.
    best_script = USCRIPT_LATIN;
    best_count = letters;
  } else {
    for (std::size_t sc = 0; sc < scripts.size(); ++sc) {
      if (scripts[sc] > best_count) {
        best_script = static_cast<int>(sc);
        best_count = scripts[sc];
      }
    }
  }
  if (best_count * 2 < letters) return "und";
  switch (best_script) {
    case USCRIPT_CYRILLIC:
      if (ukrainian) return "uk";
      if (belarusian) return "be";
      if (serbian) return "sr";
      return bulgarian_hint ? "bg" : "ru";
    case USCRIPT_ARABIC: return "ar";
    case USCRIPT_HEBREW: return "he";
    case USCRIPT_GREEK: return "el";
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return kana * 10 > letters ? "ja" : "zh";
    case USCRIPT_HANGUL: return hangul > 0 ? "ko" : "und";
    case USCRIPT_THAI: return "th";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ARMENIAN: return "hy";
    case USCRIPT_LATIN: break;
    default: return "und";
  }
  count_votes();
  std::size_t best = 0, second = 0;
  for (std::size_t l = 1; l < m.languages.size(); ++l) {
    if (score[l] > score[best]) {
      second = best;
      best = l;
    } else if (l != best && (score[l] > score[second] || second == best)) {
      second = l;
    }
  }
  if (score[best] < 2 || score[best] * 10 < words) return "und";
  if (best != second && score[best] * 2 < score[second] * 3) return "und";
  return m.languages[best];
}

TextStage::TextStage() : lexicon_(DefaultLexicon()) {}

void TextStage::Process(Article& article, StageScratch*) const {
  if (article.language == "und" || article.language.empty()) {
    article.language = IdentifyLanguage(article.text);
  }
  Segment(&article, lexicon_);
}

}  // namespace sitrep::text
