// core: words in Thai, Lao, Khmer and Burmese, written without spaces between words: a dictionary
// segmenter over ICU's word lists (maximal matching with three words of lookahead, as ICU's
// dictionary break engines do; docs/languages.md says why this method and measures it against
// ICU). The tokenizer (text.hpp) calls it for a run of one of these scripts once that script's
// table is loaded; until then the run stays one token. std only; no files: the tables come as
// bytes (compiled in natively, from the page's language data in the browser).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace presslens {

// The scripts the segmenter cuts, by their Unicode blocks.
enum class SegmentScript : uint8_t { None, Thai, Lao, Khmer, Myanmar };
inline SegmentScript SegmentScriptOf(int32_t cp) {
    if (cp < 0x0E00 || cp >= 0x1800) return SegmentScript::None;
    if (cp < 0x0E80) return SegmentScript::Thai;
    if (cp < 0x0F00) return SegmentScript::Lao;
    if (cp >= 0x1000 && cp < 0x10A0) return SegmentScript::Myanmar;
    if (cp >= 0x1780) return SegmentScript::Khmer;
    return SegmentScript::None;
}

// Takes word tables in cmake/gen_segment_dicts.py's layout ("PLSEG1"). The bytes must stay alive
// and unchanged for as long as the program runs (a table is decoded from them at its first use).
// A script whose table is already loaded keeps it. Returns "" on success, else why not (not such
// a data block, truncated, a table that does not decode); then nothing was loaded.
std::string LoadSegmentTables(const void* data, size_t size);

// Whether the tokenizer cuts this script into words now. Natively the tables are compiled in
// (the first call loads them); in the page, once the language data has come.
bool HasSegmentTable(SegmentScript script);

// Number of words in a script's table (0 when none); decodes the table if it was not yet.
size_t SegmentTableWords(SegmentScript script);

// Dictionary steps taken by this thread so far (one per character compared in a table's sorted
// list): the segmenter's work, so that tests can hold it linear in the text's length.
uint64_t SegmentSteps();

}  // namespace presslens
