// Helpers shared by the within-article merge, the resolver and the
// coreference evaluation. Not part of the public API.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sitrep::resolve::detail {

// The word lists under data/resolve/, loaded once (thread-safe).
struct Lexicons {
  std::unordered_set<std::string> honorifics;
  std::unordered_set<std::string> title_prefixes;  // honorifics only before another ("lance corporal")
  std::unordered_set<std::string> suffixes;
  std::unordered_set<std::string> function_words;
  std::unordered_set<std::string> pronouns;
  std::unordered_set<std::string> designators;
  // Words that close a business's name (gazetteer/name_sectors.tsv, sector BUS: "lines", "holdings").
  std::unordered_set<std::string> company_words;
  std::unordered_set<std::string> state_forms;  // "republic", "grand duchy": "the Republic of X" is the place X
  std::unordered_set<std::string> water_features;  // "strait", "sea": "the Strait of X" is "the X Strait"
  // Last words of roles that name a task, not an office ("negotiator"; resolve/task_roles.txt).
  std::unordered_set<std::string> task_roles;
  std::unordered_map<std::string, std::string> spellings;
  // Folded spelling of a given name -> the folded form all its romanisations share.
  std::unordered_map<std::string, std::string> given_names;
  // Folded short form of an English given name -> the folded full name it
  // is short for ("joe" -> "josef" after folding; resolve/given_name_short_forms.tsv).
  std::unordered_map<std::string, std::string> short_given;
  // The same, lower case as written: "joe" -> "joseph".
  std::unordered_map<std::string, std::string> short_given_plain;
  // Lower-case first name -> 'm' or 'f' (quotes/first_name_gender.tsv: names
  // only one sex's lists hold), and a form of address -> 'm' or 'f' (the
  // honorifics that quotes/gender.tsv gives one: "mr", "mrs", "ms").
  std::unordered_map<std::string, char> first_name_gender;
  std::unordered_map<std::string, char> address_gender;
};

// The words after "of" when `tokens` (PlainTokens) name a place by its
// form of state: "federal republic of lenhall" -> {"lenhall"}; empty
// otherwise.
std::vector<std::string> StateFormRest(const Lexicons& lex, const std::vector<std::string>& tokens);
const Lexicons& GetLexicons();

// How many of lower_words[0, n) (lower case, without full stops) open a
// person's name as titles and forms of address ("mr", "lance corporal"),
// leaving at least one word: "lance" counts only before another title,
// so "Lance Varnell" keeps his first name.
std::size_t LeadingHonorifics(const Lexicons& lex, const std::vector<std::string>& lower_words);

// "strait of lenhall" -> {"lenhall", "strait"}: a body of water named
// with its kind word before "of" (resolve/water_features.txt), in the
// order news also writes it ("the Lenhall Strait"); empty otherwise.
std::vector<std::string> WaterFeatureReordered(const Lexicons& lex, const std::vector<std::string>& tokens);

// A NameTokens() token with British/American and -isation spelling folded
// and the transliteration key applied, for organisation word bags.
std::string OrgWord(const Lexicons& lex, const std::string& token);

// The words of an ORG, LOC or MISC name that carry its identity: NameTokens()
// without a leading "the".
std::vector<std::string> PlainTokens(std::string_view surface);

// Tokens without closing designator words ("harlow crest clinic" -> "harlow
// crest"); empty when there is none to drop or nothing else would be left.
std::vector<std::string> WithoutDesignators(const Lexicons& lex, const std::vector<std::string>& tokens);

// First letters of `tokens`, skipping function words if asked.
std::string Initials(const Lexicons& lex, const std::vector<std::string>& tokens, bool skip_function_words);

// The lower-case letters of an acronym ("U.S." -> "us"); "" if not one.
std::string AcronymLetters(std::string_view surface);

// Whether `token` (a PersonTokens word) is a given name that
// data/resolve/given_name_variants.tsv lists, all of them Arabic: the sign
// that the surname after it is a romanisation too.
bool ListedArabicGivenName(const Lexicons& lex, std::string_view token);

// A TranslitKey'd surname with the vowels that romanisations of Arabic
// write differently folded to one form: the diphthong "ei"/"ai" (and
// "ey"/"ay", already "ei"/"ai") to "ai", French "ou" to "u". Only for a name
// whose given name is Arabic (ListedArabicGivenName): in other names these
// vowels tell surnames apart ("Klein", "Klain").
std::string ArabicVowelFold(std::string_view key);

// Joins tokens with single spaces.
std::string Join(const std::vector<std::string>& tokens, std::string_view sep = " ");

// The last word of a title ("foreign minister" -> "minister"): titles of
// different last words name different offices ("first lady", "president").
// Empty for an empty title.
std::string_view RoleHead(std::string_view role);

}  // namespace sitrep::resolve::detail
