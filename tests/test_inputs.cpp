// io/inputs: classifying a batch of dropped files, merging, and the saved corpus.
#include <doctest/doctest.h>

#include "io/corpus_io.hpp"
#include "io/inputs.hpp"

using namespace presslens;

TEST_CASE("inputs: kinds are told apart by extension and top-level fields") {
    CHECK(ClassifyInput({"a.txt", "Title\n\nBody."}) == InputKind::Article);
    CHECK(ClassifyInput({"notes", "{\"codes\": []}"}) == InputKind::Article);  // no .json: text
    CHECK(ClassifyInput({"c.json", "{\"presslens_codebook\": 1, \"codes\": []}"}) == InputKind::Codebook);
    CHECK(ClassifyInput({"C.JSON", "{\"articles\": [{\"text\": \"x\"}]}"}) == InputKind::Corpus);
    CHECK(ClassifyInput({"m.json", "{\"articles\": [{\"file\": \"a.txt\", \"outlet\": \"X\"}]}"}) == InputKind::Metadata);
    // a broken corpus is still a corpus, so its parser reports where it broke
    CHECK(ClassifyInput({"b.json", "{\"articles\": [{\"text\": \"x\""}) == InputKind::Corpus);
    // a broken codebook is recognised by its "codes" before the break
    CHECK(ClassifyInput({"k.json", "{\"codes\": [ {\"id\": "}) == InputKind::Codebook);
    CHECK(std::string(InputKindName(InputKind::Metadata)) == "metadata");
}

TEST_CASE("inputs: parsing names the file and the place; failures append nothing") {
    std::vector<Article> arts;
    std::vector<MetadataEntry> meta;
    std::vector<std::string> warnings;
    LoadError err;
    CHECK(ParseInput({"dir/sub/a.txt", "Outlet: Wire\n\nHeadline\n\nText."}, InputKind::Article, arts, meta, warnings, err));
    REQUIRE(arts.size() == 1);
    CHECK(arts[0].source == "a.txt");  // the file name, as metadata.json names it
    CHECK(arts[0].meta.outlet == "Wire");
    CHECK_FALSE(ParseInput({"broken.json", "{\"articles\": [{\"text\": 5}]}"}, InputKind::Corpus, arts, meta, warnings, err));
    CHECK(err.ToString().find("broken.json") != std::string::npos);
    CHECK(err.ToString().find("/articles/0/text") != std::string::npos);
    CHECK_FALSE(ParseInput({"empty.json", "{\"articles\": []}"}, InputKind::Corpus, arts, meta, warnings, err));
    CHECK(err.message.find("no articles") != std::string::npos);
    CHECK_FALSE(ParseInput({"bin.txt", std::string("ab\0cd", 5)}, InputKind::Article, arts, meta, warnings, err));
    CHECK(err.message.find("binary") != std::string::npos);
    CHECK(arts.size() == 1);
}

TEST_CASE("inputs: merging replaces an article of the same source and appends the rest") {
    std::vector<Article> into(2);
    into[0].source = "a.txt";
    into[0].text = "old";
    into[1].source = "b.txt";
    std::vector<Article> more(2);
    more[0].source = "a.txt";
    more[0].text = "new";
    more[1].source = "c.txt";
    CHECK(MergeArticles(into, std::move(more)) == 1);
    REQUIRE(into.size() == 3);
    CHECK(into[0].text == "new");
    CHECK(into[2].source == "c.txt");
    // two of one source in one batch (a corpus that repeats a source) are both kept
    std::vector<Article> twins(2);
    twins[0].source = twins[1].source = "d.txt";
    CHECK(MergeArticles(into, std::move(twins)) == 0);
    CHECK(into.size() == 5);
}

TEST_CASE("inputs: the saved corpus keeps every byte, metadata and offsets") {
    Corpus c;
    LoadError err;
    REQUIRE(LoadDefaultCorpus(c, err));
    Article odd;
    odd.source = "odd.txt";
    odd.text = std::string("bad \xC3( utf-8\nand a NUL-free\n\nline without end", 44);
    odd.meta.title = "T";
    odd.body_begin = 4;
    odd.source_offset = 3;
    c.articles.push_back(odd);
    std::string saved = SavedCorpusBytes(c);
    Corpus back;
    REQUIRE(ParseSavedCorpus(saved, "saved", back, err));
    REQUIRE(back.articles.size() == c.articles.size());
    for (size_t i = 0; i < c.articles.size(); ++i) {
        CHECK(back.articles[i].source == c.articles[i].source);
        CHECK(back.articles[i].text == c.articles[i].text);
        CHECK(back.articles[i].meta.outlet == c.articles[i].meta.outlet);
        CHECK(back.articles[i].meta.date == c.articles[i].meta.date);
        CHECK(back.articles[i].meta.title == c.articles[i].meta.title);
        CHECK(back.articles[i].body_begin == c.articles[i].body_begin);
        CHECK(back.articles[i].source_offset == c.articles[i].source_offset);
    }
    // truncated, or not ours: an error naming the place, and `back` untouched
    Corpus keep = back;
    CHECK_FALSE(ParseSavedCorpus(saved.substr(0, saved.size() - 10), "saved", back, err));
    CHECK(err.message.find("article 6") != std::string::npos);
    CHECK(err.message.find("runs past the end") != std::string::npos);
    CHECK_FALSE(ParseSavedCorpus("hello", "saved", back, err));
    CHECK(err.message.find("not a saved Presslens corpus") != std::string::npos);
    CHECK(back.articles.size() == keep.articles.size());

    // The pieces the viewer stores: the same bytes, with the texts viewed in place, not copied.
    SavedCorpusParts parts = SavedCorpusPieces(c);
    std::string joined;
    for (std::string_view p : parts.pieces) joined += p;
    CHECK(joined == saved);
    CHECK(parts.size() == saved.size());
    REQUIRE(parts.pieces.size() == 1 + 3 * c.articles.size());
    for (size_t i = 0; i < c.articles.size(); ++i)
        CHECK(parts.pieces[2 + 3 * i].data() == c.articles[i].text.data());
    CHECK(SavedCorpusPieces(Corpus{}).size() == std::string_view("presslens-saved-corpus 1\n").size());
}

#include "io/png.hpp"

TEST_CASE("png: checksums match their published check values; the file has the right layout") {
    const std::string nine = "123456789";
    CHECK(Crc32(reinterpret_cast<const uint8_t*>(nine.data()), nine.size()) == 0xCBF43926u);
    const std::string wiki = "Wikipedia";
    CHECK(Adler32(reinterpret_cast<const uint8_t*>(wiki.data()), wiki.size()) == 0x11E60398u);
    // 300 x 80 RGBA: 96,080 bytes of scanlines, so two stored blocks
    std::vector<uint8_t> px(300 * 80 * 4);
    for (size_t i = 0; i < px.size(); ++i) px[i] = static_cast<uint8_t>(i * 7);
    std::string png = EncodePng(px.data(), 300, 80);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.substr(12, 4) == "IHDR");
    auto be32 = [&](size_t at) {
        return (uint32_t(uint8_t(png[at])) << 24) | (uint32_t(uint8_t(png[at + 1])) << 16) |
               (uint32_t(uint8_t(png[at + 2])) << 8) | uint32_t(uint8_t(png[at + 3]));
    };
    CHECK(be32(16) == 300);
    CHECK(be32(20) == 80);
    // IHDR's CRC covers its type and data
    CHECK(be32(29) == Crc32(reinterpret_cast<const uint8_t*>(png.data() + 12), 17));
    CHECK(png.substr(37, 4) == "IDAT");
    const size_t raw = (300 * 4 + 1) * 80;
    const size_t zlen = 2 + raw + 5 * 2 + 4;  // header, data, two block headers, Adler-32
    CHECK(be32(33) == zlen);
    CHECK(png.size() == 8 + 25 + 12 + zlen + 12);
    CHECK(png.substr(png.size() - 8, 4) == "IEND");
}
