// io: the analyses as tables (rows and column names as documented in docs/cli.md), shared by
// the CLI, the viewer's exports and the golden tests.
#pragma once
#include <string_view>

#include "core/analysis.hpp"
#include "io/table.hpp"

namespace presslens {

Table ArticlesTable(const AnalyzedCorpus& ac);
Table BoilerplateTable(const AnalyzedCorpus& ac);
Table FreqTable(const std::vector<TermCount>& rows);
Table KeynessTable(const std::vector<KeynessRow>& rows);
Table KwicTable(const AnalyzedCorpus& ac, const std::vector<KwicLine>& rows);

}  // namespace presslens
