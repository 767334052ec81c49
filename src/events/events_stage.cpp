#include "events/coder.h"
#include "events/events.h"
#include "events/lexicon.h"

namespace sitrep::events {

EventsStage::EventsStage() : lexicon_(Lexicon::Load()) {}
EventsStage::~EventsStage() = default;

std::unique_ptr<StageScratch> EventsStage::NewScratch() const { return std::make_unique<CoderScratch>(); }

void EventsStage::Process(Article& article, StageScratch* scratch) const {
  if (!article.ReadsAsEnglish()) return;  // see EntitiesStage
  CoderScratch local;
  CoderScratch& s = scratch ? static_cast<CoderScratch&>(*scratch) : local;
  CodeArticle(*lexicon_, article, s);
}

}  // namespace sitrep::events
