// A handful of hand-written sentences for training tests.
#pragma once

#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace sitrep::syntax {

inline std::vector<ConllSentence> TinyTreebank() {
  const char* data =
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tyesterday\tyesterday\tNOUN\tNN\t_\t3\tobl:tmod\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ttwo\ttwo\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
      "4\tmen\tman\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tParis\tParis\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\ttalks\ttalk\tNOUN\tNNS\t_\t5\tnsubj\t_\t_\n"
      "5\tfailed\tfail\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tPrices\tprice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\trose\trise\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tsharply\tsharply\tADV\tRB\t_\t2\tadvmod\t_\t_\n"
      "4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"
      "5\tstayed\tstay\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
      "6\thigh\thigh\tADJ\tJJ\t_\t5\txcomp\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  std::vector<ConllSentence> out;
  std::string error;
  ParseConllu(data, &out, &error);
  return out;
}

}  // namespace sitrep::syntax
