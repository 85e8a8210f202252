// tests (shared fixture): a codebook from JSON text, failing the test (with the reader's message)
// when it does not parse. Header-only; doctest + io.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "io/codebook_io.hpp"

namespace presslens::test {

inline Codebook ParseCodebookOrFail(const std::string& json) {
    Codebook cb;
    LoadError err;
    bool ok = ParseCodebookJson(json, "test.json", cb, err);
    INFO(err.ToString());
    REQUIRE(ok);
    return cb;
}

}  // namespace presslens::test
