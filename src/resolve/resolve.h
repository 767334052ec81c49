// Entity merging: one entity per real thing, first within an article, then
// across all articles.
//
// MergeWithinArticle() runs per article (after the entities stage has typed
// the mentions) and groups its mentions into Article::local_entities. The
// Resolver then joins the local entities of every article into global
// entities with stable ids. Both only link names: pronouns and common-noun
// descriptions are not mentions here.
//
// Decisions worth knowing (the rules themselves are in within.cpp and
// resolver.cpp):
// - A bare surname links to the most recently mentioned earlier full name
//   with that surname, even when two people in the article share it:
//   writers repeat the first name when the nearer one is not meant. With no
//   earlier full name it links to the single later one, if there is only one.
// - PERSON never merges with another type: "Veskara" the person and the
//   country are different things. ORG, LOC and MISC mentions with the same name
//   merge and take the type most of their mentions have, since such clashes
//   are usually tagging mistakes ("Nato" tagged LOC once) or metonymy
//   ("Karvena said" tagged ORG); the place stays a LOC and the actor reading
//   is recorded on the mention (Mention::as_actor), never as a second entity.
// - Acronyms join what they stand for when defined in parentheses
//   ("... Organization (NATO)") or when their letters are the initials of
//   an ORG the article names (function words skipped or not).
// - A facility or organisation named again without its closing designator
//   ("the Harlow Crest Clinic" ... "Harlow Crest", data/resolve/designators.txt)
//   joins it, unless "in", "near", "of", "from" or "outside" comes before
//   the short form, which then reads as the place it is named after.
// - Across articles, two people merge only if first and last name agree
//   (after case, diacritic, honorific, initial and transliteration folding):
//   different first names never merge. A surname-only entity joins the one
//   full name with that surname; if there are several it stays apart, and if
//   there are none it is taken as a mononym and merges with the same name.
// - Across articles, organisations merge on the same content words in any
//   order (spelling variants folded), on "X Center" / "X Centre" / "X
//   Clinic", and an acronym-only one joins the one organisation whose
//   initials it is; places merge on the same country code from the hook.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace sitrep::resolve {

// Maps a place name as written ("US", "United States", "the U.S.") to a
// canonical country code ("USA"), or "" when the name is not a country.
// Supplied by the gazetteer; must be thread-safe and must not throw.
using CountryHook = std::function<std::string(std::string_view)>;

// Maps a name as written ("ICRC", "Red Cross") to the canonical name of
// the one listed organisation it names ("International Committee of the
// Red Cross"), or "" when it names none or more than one. Supplied by the
// gazetteer; must be thread-safe and must not throw.
using OrganisationHook = std::function<std::string(std::string_view)>;

struct MergeOptions {
  CountryHook canonical_country;            // optional
  OrganisationHook canonical_organisation;  // optional
};

// Groups the mentions of one article into local entities.
// Takes: a.mentions typed PERSON/ORG/LOC/MISC with byte offsets into a.text,
// sorted by begin (role/country/actor_code may be filled).
// Does: sets every mention's `local` to an index into a.local_entities and
// replaces a.local_entities: one per group, in order of first mention, with
// the fullest form as name, every distinct surface form (possessive removed)
// as aliases in first-seen order, roles merged in first-seen order, the most
// frequent country and actor code of the members, and the mention count.
// Guarantees: never throws; time O(mentions) (hash lookups per mention);
// mentions with offsets outside a.text get a local entity of their own.
void MergeWithinArticle(Article& a, const MergeOptions& options = {});

// Joins the local entities of many articles into global entities.
// Not thread-safe; Add() articles from one thread (the order matters only
// for `assignment`: clusters, names and ids do not depend on it).
class Resolver {
 public:
  struct Entity {
    std::string id;  // "e" + 16 hex digits, a hash of the entity's name keys
    std::string name, type;
    std::vector<std::string> aliases, roles;  // sorted, distinct
    std::string country, actor_code;
    std::vector<std::string> articles;  // sorted, distinct article ids
    std::uint64_t mention_count = 0;
  };

  explicit Resolver(MergeOptions options = {});
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // Adds one article's local entities (as MergeWithinArticle made them).
  // Computes their name keys now; O(entities + their aliases). `translated`
  // says the article is a translation: between two names used equally
  // often, the canonical name is then one an original article wrote.
  void Add(std::string_view article_id, const std::vector<LocalEntity>& entities, bool translated = false);

  // Records the outlet an added article comes from (its `outlet` field).
  // An entity that is not a person and is named as an outlet is ("Lenhall
  // Herald", "@lenhallherald") is an organisation, whatever type the
  // articles that mention it gave it, with CAMEO's media code (MED, after
  // its country when known) unless the articles gave it another. Outlet
  // names are compared in lower case without a leading "the" or
  // non-alphanumeric characters.
  void AddOutlet(std::string_view outlet);

  // Number of local entities added so far.
  std::size_t size() const;

  // Clusters everything added and returns the global entities sorted by id.
  // If `assignment` is not null, (*assignment)[i][j] is the index in the
  // result of local entity j of the i-th Add() call. Near-linear: candidate
  // pairs come only from shared name keys (hash maps, union-find), never
  // from comparing all pairs. The same input gives the same entities and
  // ids in any Add() order. Leaves the resolver empty.
  std::vector<Entity> Finish(std::vector<std::vector<std::uint32_t>>* assignment = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// --- Name keys, public for tests and for other stages that compare names. ---

// Lower-case ASCII word tokens of a surface form: diacritics of Latin
// letters folded ("Müller" -> "muller"), possessive 's / ’s and a final
// apostrophe dropped, apostrophes inside words removed ("O'Brien" ->
// "obrien"), dotted initials joined ("U.S." -> "us"), the hyphen after "co"
// joined ("co-operation" -> "cooperation"); every other non-letter,
// non-digit character separates tokens. Letters outside Latin are kept as
// they are.
std::vector<std::string> NameTokens(std::string_view surface);

// Folds one NameTokens() token to a transliteration key, so that common
// romanisations of one Russian, Ukrainian or Arabic name compare equal:
// shch->sh, tsch->ch, sch->sh, zh->sh, kh->h, ph->f, x->ks, ck->k, w->v, final -iy/-ii/-yi/-yy
// -> y, ye/ie->e, y/j->i, ue/oe before a consonant -> u/o, final -off/-eff
// -> -ov/-ev, final -ich/-itch -> -ic (South Slavic -ić), doubled letters single ("Wolschinskiy" and "Volshinsky" ->
// "volshinski"); then a given name listed in
// data/resolve/given_name_variants.tsv becomes the key all its spellings
// share ("Mohamed", "Muhammad").
std::string TranslitKey(std::string_view token);

// TranslitKey of the first word of a person's full name, with an English
// short form read as the name it is short for when that is the only one
// (data/resolve/given_name_short_forms.tsv): "Joe Kessar" and "Joseph R.
// Kessar", "Bill Lenhall" and "William Lenhall" are one person's names as
// different outlets' styles write them. Only for the given name: a
// surname "Will" stays "will".
std::string GivenNameKey(std::string_view token);

// The full given name an English short form stands for, lower case as the
// table writes it ("Joe" -> "joseph"); any other word in lower case. For
// comparing names as written, without transliteration folding.
std::string FullGivenName(std::string_view word);

// The words of a PERSON name that identify the person: NameTokens() without
// leading honorifics and titles ("Mr", "Gen.", "President"), closing
// suffixes ("Jr."), single-letter initials and nicknames in quotes or
// parentheses, and the Arabic article before a surname ("al-Kessar",
// "Al Kessar" inside a name -> "kessar"), with a compound "Abdel X",
// "Abdul-X", "Abd al-X" given name as one word "abdalx" when a surname
// follows. Keeps at least one token when there is one.
std::vector<std::string> PersonTokens(std::string_view surface);

// The initials a person's name writes after its first word, lower case
// and in order ("George H. W. Bush" and "George H.W. Bush": "hw"; "Ana
// Kessar": empty). Two names with the same first name and surname but
// different such initials name two people.
std::string MiddleInitials(std::string_view surface);

// The generation a person's name closes with, lower case: "jr" for "Jr."
// or "Jnr", "sr" for "Sr." or "Snr", "ii", "iii", "iv"; empty for none.
// "X Jr." and "X" are two people (a son and his father), so the merges
// compare it as part of the surname.
std::string Generation(std::string_view surface);

// One lower-case word with British and American spelling folded to one
// form (data/resolve/spellings.tsv, and -isation to -ization): "defence"
// and "organisation" -> "defense" and "organization". Other words as they
// are.
std::string FoldSpelling(std::string_view word);

// True for a one-word surface written as an acronym: 2 to 10 letters, all
// upper case, optionally dotted ("NATO", "U.S.", "NFC").
bool IsAcronym(std::string_view surface);

// The surface without a closing possessive ('s, ’s, or a lone apostrophe
// after s) and without surrounding spaces and quotes.
std::string_view StripPossessive(std::string_view surface);

}  // namespace sitrep::resolve
