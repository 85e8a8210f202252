// tests: the dictionary segmenter for Thai, Lao, Khmer and Burmese (core/segment.hpp) through the
// tokenizer, and codebook terms matched on segmented text. The texts are short and written for
// these tests. Edge cases first: tables that do not load, runs too short to cut, unknown words.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/corpus.hpp"
#include "core/segment.hpp"
#include "core/text.hpp"
#include "test_codebooks.hpp"

using namespace presslens;

namespace {
using V = std::vector<std::string>;
V Tokens(std::string_view text) {
    V out;
    for (const Token& t : TokenizeAll(text)) out.emplace_back(text.substr(t.span.begin, t.span.size()));
    return out;
}

// What every cut of a run must be, whatever the dictionary says: the tokens of a run without
// digits or punctuation cover it end to end, in order, and none begins with a combining mark or
// ends after a vowel written before its consonant, a Khmer coeng or a Myanmar virama.
void CheckCover(std::string_view run) {
    INFO(std::string(run));
    size_t at = 0;
    for (const Token& t : TokenizeAll(run)) {
        CHECK(t.span.begin == at);
        at = t.span.end;
        int32_t first, last = 0;
        REQUIRE(DecodeUtf8(run, t.span.begin, first) > 0);
        CHECK(ClassifyCodePoint(first) != CharClass::Mark);
        for (size_t i = t.span.begin; i < t.span.end;) i += static_cast<size_t>(DecodeUtf8(run, i, last));
        const bool joins_next = (last >= 0x0E40 && last <= 0x0E44) || (last >= 0x0EC0 && last <= 0x0EC4) ||
                                last == 0x17D2 || last == 0x1039;
        CHECK_FALSE(joins_next);
    }
    CHECK(at == run.size());
}
}  // namespace

TEST_CASE("segment tables: compiled in natively, or given with the language data") {
    for (SegmentScript s : {SegmentScript::Thai, SegmentScript::Lao, SegmentScript::Khmer, SegmentScript::Myanmar}) {
        CHECK(HasSegmentTable(s));
    }
    // ICU 72.1's lists
    CHECK(SegmentTableWords(SegmentScript::Thai) == 26383);
    CHECK(SegmentTableWords(SegmentScript::Lao) == 30550);
    CHECK(SegmentTableWords(SegmentScript::Khmer) == 81028);
    CHECK(SegmentTableWords(SegmentScript::Myanmar) == 41120);
    CHECK_FALSE(HasSegmentTable(SegmentScript::None));
    CHECK(SegmentScriptOf(0x0E01) == SegmentScript::Thai);
    CHECK(SegmentScriptOf(0x0E81) == SegmentScript::Lao);
    CHECK(SegmentScriptOf(0x1780) == SegmentScript::Khmer);
    CHECK(SegmentScriptOf(0x1000) == SegmentScript::Myanmar);
    CHECK(SegmentScriptOf(0x0F40) == SegmentScript::None);  // Tibetan: not cut
    CHECK(SegmentScriptOf('a') == SegmentScript::None);
}

TEST_CASE("segment tables: bad bytes are refused with a reason, the loaded tables kept") {
    CHECK(LoadSegmentTables(nullptr, 0) == "not a Presslens word table block (PLSEG1)");
    auto u32 = [](uint32_t v) { return std::string{char(v & 0xFF), char(v >> 8 & 0xFF), char(v >> 16 & 0xFF), char(v >> 24)}; };
    auto block = [&](std::string code, uint32_t base, uint32_t words, std::string entries, uint32_t announced) {
        code.resize(4);
        return std::string("PLSEG1\n\0", 8) + u32(1) + code + u32(base) + u32(words) + u32(announced) + entries;
    };
    CHECK(LoadSegmentTables(block("th", 0x0E00, 2, "\xC0\x01", 5).data(), 30).find("truncated") != std::string::npos);
    const std::string unsorted = block("th", 0x0E00, 2, "\xC0\x02\xC0\x01", 4);  // the second sorts first
    CHECK(LoadSegmentTables(unsorted.data(), unsorted.size()).find("does not decode") != std::string::npos);
    const std::string miscounted = block("th", 0x0E00, 3, "\xC0\x01\xC0\x02", 4);
    CHECK(LoadSegmentTables(miscounted.data(), miscounted.size()).find("does not decode") != std::string::npos);
    const std::string unknown = block("xx", 0x0E00, 2, "\xC0\x01\xC0\x02", 4);
    CHECK(LoadSegmentTables(unknown.data(), unknown.size()).find("names no script") != std::string::npos);
    const std::string elsewhere = block("lo", 0x0E00, 2, "\xC0\x01\xC0\x02", 4);
    CHECK(LoadSegmentTables(elsewhere.data(), elsewhere.size()).find("outside its script") != std::string::npos);
    // a good block for a script already loaded changes nothing: Thai keeps its full list
    static const std::string good = block("th", 0x0E00, 2, "\xC0\x01\xC0\x02", 4);
    CHECK(LoadSegmentTables(good.data(), good.size()) == "");
    CHECK(SegmentTableWords(SegmentScript::Thai) == 26383);
    CHECK(Tokens("ประชุมคณะรัฐมนตรี") == V{"ประชุม", "คณะ", "รัฐมนตรี"});
}

TEST_CASE("segment: Thai clauses become words") {
    // (ICU's BreakIterator cuts these the same: bench/segment_bench.cpp)
    CHECK(Tokens("นายกรัฐมนตรีประชุมคณะรัฐมนตรีที่ทำเนียบรัฐบาล") ==
          V{"นายก", "รัฐมนตรี", "ประชุม", "คณะ", "รัฐมนตรี", "ที่", "ทำเนียบ", "รัฐบาล"});
    CHECK(Tokens("ฝนตกหนักทำให้เกิดน้ำท่วม") == V{"ฝน", "ตกหนัก", "ทำให้", "เกิด", "น้ำ", "ท่วม"});
    // too short for two words (as ICU): one token
    CHECK(Tokens("ไทย") == V{"ไทย"});
    // ๆ (repetition) stays with its word
    CHECK(Tokens("เด็กเล็กๆเล่นกัน") == V{"เด็ก", "เล็กๆ", "เล่น", "กัน"});
    CheckCover("กระทรวงสาธารณสุขรายงานว่าจำนวนผู้ป่วยในกรุงเทพมหานครลดลงเมื่อสัปดาห์ที่ผ่านมา");
}

TEST_CASE("segment: unknown words, numbers and Latin inside Thai") {
    // letters the dictionary does not know are one token between the known words around them
    CHECK(Tokens("บริษัทฃฅฃฅเขียนจดหมาย") == V{"บริษัท", "ฃฅฃฅ", "เขียน", "จดหมาย"});
    // a foreign name falls into the syllables the dictionary has; the words after it are found again
    CHECK(Tokens("นายเบโซสเขียนจดหมายถึงพนักงาน") == V{"นาย", "เบ", "โซส", "เขียน", "จดหมาย", "ถึง", "พนักงาน"});
    CheckCover("พนักงานบริษัทอเมซอนเขียนจดหมาย");
    // digits (Arabic and Thai) and Latin end the run and are tokens of their own
    // (a run of four Thai letters or fewer is too short for two words, as in ICU: ในปี stays whole)
    CHECK(Tokens("ร้อยละ2.5ของAmazonในปี๒๕๖๗") == V{"ร้อย", "ละ", "2.5", "ของ", "Amazon", "ในปี", "๒๕๖๗"});
    CHECK(Tokens("Amazonประกาศ") == V{"Amazon", "ประกาศ"});
    // a string of consonants no dictionary knows is not dropped and not cut inside a cluster
    CheckCover("ฃฅฃฅฃฅฃฅฃฅฃฅ");
    CheckCover("กี่่่่่่่่่ขี้้้้้้้้");  // stacked marks
}

TEST_CASE("segment: Lao, Khmer and Burmese clauses become words") {
    // (ICU's BreakIterator cuts these the same)
    CHECK(Tokens("ລັດຖະບານລາວສືບຕໍ່ມາດຕະການ") == V{"ລັດຖະບານ", "ລາວ", "ສືບຕໍ່", "ມາດ", "ຕະການ"});
    CHECK(Tokens("នាយករដ្ឋមន្ត្រីបានមានប្រសាសន៍ថា") == V{"នាយក", "រដ្ឋមន្ត្រី", "បាន", "មានប្រសាសន៍", "ថា"});
    CHECK(Tokens("မြန်မာနိုင်ငံအစိုးရသည်") == V{"မြန်မာနိုင်ငံ", "အစိုးရ", "သည်"});
    CheckCover("ກອງປະຊຸມຄັ້ງນີ້ໄດ້ສະຫຼຸບການເຄື່ອນໄຫວວຽກງານໃນປີຜ່ານມາແລະທິດທາງແຜນການປີໃໝ່");
    CheckCover("បុគ្គលិកក្រុមហ៊ុនបានសរសេរលិខិតទៅកាន់នាយកប្រតិបត្តិដើម្បីស្នើឱ្យឈប់លក់កម្មវិធីទៅប៉ូលិស");
    CheckCover("ကုမ္ပဏီဝန်ထမ်းများသည်ရဲများထံဆော့ဖ်ဝဲရောင်းချခြင်းကိုရပ်တန့်ရန်တောင်းဆိုခဲ့ကြသည်");
}

TEST_CASE("segment: a Thai codebook term matches the same words in segmented text") {
    Codebook cb = test::ParseCodebookOrFail(R"json({"codes": [
      {"id": "F", "label": "face recognition (th)", "rules": [{"lang": "th", "term": "ระบบจดจำใบหน้า"}]},
      {"id": "P", "label": "police (th)", "rules": [{"lang": "th", "term": "ตำรวจ"}]},
      {"id": "N", "label": "a word inside another", "rules": [{"lang": "th", "term": "มนตรี"}]}]})json");
    Corpus c;
    Article a;
    a.source = "th.txt";
    a.text = "พนักงานเขียนจดหมายขอให้บริษัทหยุดขายระบบจดจำใบหน้าให้ตำรวจ นายกรัฐมนตรีไม่ตอบจดหมายฉบับนี้";
    c.articles.push_back(std::move(a));
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    CHECK(ac.articles[0].effective_language == "th");
    CompiledCodebook compiled(cb);
    MatchResult m = MatchCorpus(ac, compiled);
    std::vector<size_t> codes;
    for (const Hit& h : m.hits) codes.push_back(h.code);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    // the phrase and the word match; a piece of a word (มนตรี inside นายกรัฐมนตรี) does not
    std::string seen;
    for (size_t c : codes) seen += std::to_string(c) + " ";
    INFO("codes: " << seen << "words: " << [&] {
        std::string w;
        for (const std::string& t : Tokens(c.articles[0].text)) w += t + "|";
        return w;
    }());
    CHECK(codes == std::vector<size_t>{0, 1});
}

TEST_CASE("segment: a megabyte of Thai without spaces is cut with linear work") {
    const std::string sentence = "ประชาชนหลายพันคนออกมาชุมนุมอย่างสงบบนถนนราชดำเนินเมื่อวันเสาร์";
    auto steps_for = [&](size_t bytes, const std::string& unit) {
        std::string text;
        while (text.size() < bytes) text += unit;
        const uint64_t before = SegmentSteps();
        size_t tokens = 0, covered = 0;
        Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, [&](const Token& t) {
            ++tokens;
            covered += t.span.size();
        });
        if (unit == sentence) CHECK(covered == text.size());  // every byte in a token: no word dropped
        else CHECK(tokens <= 1);  // no word anywhere: one stretch, too long to be a word
        return std::pair<uint64_t, size_t>{SegmentSteps() - before, text.size()};
    };
    for (const std::string& unit : {sentence, std::string("ฃฅฃฅฃฅฃฅ")}) {  // words, and text no word matches
        const std::pair<uint64_t, size_t> small = steps_for(100'000, unit), big = steps_for(1'000'000, unit);
        const uint64_t small_steps = small.first, big_steps = big.first;
        const size_t small_bytes = small.second, big_bytes = big.second;
        INFO("steps: " << small_steps << " for " << small_bytes << " bytes, " << big_steps << " for " << big_bytes);
        CHECK(big_steps > 0);
        // bounded work per character (3 bytes each), and ten times the text is ten times the work
        CHECK(big_steps <= 64 * big_bytes / 3);
        const double ratio = static_cast<double>(big_steps) / static_cast<double>(small_steps);
        const double size_ratio = static_cast<double>(big_bytes) / static_cast<double>(small_bytes);
        CHECK(ratio < size_ratio * 1.2);
    }
}
