// io/inputs: classifying a batch of dropped files, merging, and the saved corpus.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

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

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>  // an independent decoder (its own inflate), to read back what we wrote

namespace {
uint32_t Be32(const std::string& s, size_t at) {
    return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
           (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}
}  // namespace

TEST_CASE("png: a chart-like image decodes back to the same pixels, compressed below the raw size") {
    // 300 x 80 RGBA: a flat background, two bars and a gradient, as a chart has
    const uint32_t w = 300, h = 80;
    std::vector<uint8_t> px(w * h * 4);
    for (uint32_t y = 0; y < h; ++y)
        for (uint32_t x = 0; x < w; ++x) {
            uint8_t* p = &px[(y * w + x) * 4];
            bool bar = (y >= 10 && y < 30 && x < 250) || (y >= 40 && y < 60 && x < 120);
            p[0] = bar ? 200 : 30;
            p[1] = bar ? static_cast<uint8_t>(x % 256) : 30;
            p[2] = bar ? 90 : 34;
            p[3] = 255;
        }
    std::string png = EncodePng(px.data(), w, h);
    REQUIRE(png.size() > 33);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.substr(12, 4) == "IHDR");
    CHECK(Be32(png, 16) == w);
    CHECK(Be32(png, 20) == h);
    CHECK(png[24] == 8);  // bits per channel
    CHECK(png[25] == 6);  // RGBA
    CHECK(png.substr(png.size() - 8, 4) == "IEND");
    // stored (uncompressed) deflate blocks would need the raw scanlines and more: far less here
    const size_t raw = (w * 4 + 1) * h;
    CHECK(png.size() < raw / 10);

    int dw = 0, dh = 0, channels = 0;
    stbi_uc* back = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()), static_cast<int>(png.size()),
                                          &dw, &dh, &channels, 4);
    REQUIRE(back != nullptr);
    CHECK(dw == static_cast<int>(w));
    CHECK(dh == static_cast<int>(h));
    CHECK(channels == 4);
    CHECK(std::equal(px.begin(), px.end(), back));
    stbi_image_free(back);
}

TEST_CASE("png: noise still round-trips; an empty image gives no bytes") {
    std::vector<uint8_t> px(17 * 5 * 4);
    uint32_t x = 12345;
    for (uint8_t& b : px) b = static_cast<uint8_t>((x = x * 1103515245u + 12345u) >> 24);
    std::string png = EncodePng(px.data(), 17, 5);
    int dw = 0, dh = 0, channels = 0;
    stbi_uc* back = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()), static_cast<int>(png.size()),
                                          &dw, &dh, &channels, 4);
    REQUIRE(back != nullptr);
    CHECK(dw == 17);
    CHECK(dh == 5);
    CHECK(std::equal(px.begin(), px.end(), back));
    stbi_image_free(back);
    CHECK(EncodePng(px.data(), 0, 5).empty());
}
