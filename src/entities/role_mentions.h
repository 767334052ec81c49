// Role-only references to a person named earlier in the article ("the
// secretary-general", "the special envoy"), linked to that person.
#pragma once

#include "core/article.h"
#include "entities/entities.h"
#include "gazetteer/gazetteer.h"

namespace sitrep::entities {

// Adds a PERSON mention (nominal = true) for each "the <role>" in the text
// whose role the gazetteer lists and exactly one person mentioned before it
// in the article holds (one of its local entity's roles), linked
// to that person's local entity. A title followed by a name ("the foreign
// minister, Anna Berg") is left to the recogniser. Mentions stay sorted and
// never overlap; the local entity's mention count grows. Call after the
// within-article merge. Time linear in the article (times the number of
// earlier person mentions for each role phrase found).
void LinkRoleMentions(const gazetteer::Gazetteer& g, Article& a, EntitiesScratch& scratch);

}  // namespace sitrep::entities
