// io: the analyses as tables (rows and column names as documented in docs/cli.md), shared by
// the CLI, the viewer's exports and the golden tests.
#pragma once
#include <string_view>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/review.hpp"
#include "io/table.hpp"

namespace presslens {

Table ArticlesTable(const AnalyzedCorpus& ac);
Table BoilerplateTable(const AnalyzedCorpus& ac);
// Every counted sentence with its own language: id (article), source, sentence (index in the
// article), start, end (byte offsets), language, confidence (0..1), text.
Table SentencesTable(const AnalyzedCorpus& ac);
Table FreqTable(const std::vector<TermCount>& rows);
Table KeynessTable(const std::vector<KeynessRow>& rows);
// Two scopes side by side; a and b name them in the column names ("a_count", "a_per_1000").
Table CompareTable(const std::vector<CompareRow>& rows, const std::string& a, const std::string& b);
Table KwicTable(const AnalyzedCorpus& ac, const std::vector<KwicLine>& rows);

// Outlets × codes: one row per outlet with each code's hit count and the number of codes it
// reports ("codes"). With `totals`, a last row "(outlets reporting)" counts the outlets per code.
// `labels`: each code column is headed "ID: label" instead of the id alone (the viewer's CSV
// export, the CLI's --labels), so a spreadsheet shows what each column is.
Table MatrixTable(const AnalyzedCorpus& ac, const Codebook& cb, const Matrix& mx, bool totals, bool labels = false);
// One row per quote: outlet, source, code, sentence, start, end (byte offsets into the source
// file), language, rule, best (1 for the cell's best evidence).
// With a review (core/review.hpp): two more columns, "state" (automatic, confirmed, rejected, added
// by hand) and "coder", and a row for each passage coded by hand or confirmed sentence the rules
// no longer find (rule "(by hand)"); rejected sentences stay, marked rejected.
Table EvidenceTable(const AnalyzedCorpus& ac, const Codebook& cb, const MatchResult& m, const Matrix& mx,
                    const Review* review = nullptr, const ReviewedUnits* units = nullptr);
// Why each empty cell is empty: outlet, code, rules tried, then per near miss its source,
// sentence, rule and what was missing.
Table NearMissTable(const AnalyzedCorpus& ac, const Codebook& cb, const MatchResult& m, const Matrix& mx);
// The codebook's codes: id, group, label, colour, rules, languages.
Table CodebookTable(const Codebook& cb);

// The rule's id, or "<code>#<n>" when it has none.
std::string RuleName(const Codebook& cb, uint32_t code, uint32_t rule);

}  // namespace presslens
