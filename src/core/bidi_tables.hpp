// core: the Arabic joining tables bidi.cpp reads, generated at build time by
// cmake/gen_arabic_joining.py from Debian's unicode-data (see that script for their layout).
#pragma once
#include <cstddef>
#include <cstdint>

namespace presslens::bidi_tables {

struct ArabicForms {
    uint16_t letter;  // U+0600-08FF
    uint16_t forms[4];  // isolated, final, initial, medial (0: the letter has no such form)
};
struct LamAlef {
    uint16_t alef, isolated, final_form;
};

extern const uint8_t kJoiningTypes[192];  // U+0600-08FF, 2 bits each: 0 U, 1 R, 2 D (and C), 3 T
extern const ArabicForms kForms[];        // sorted by letter
extern const size_t kFormsCount;
extern const LamAlef kLamAlef[];
extern const size_t kLamAlefCount;

}  // namespace presslens::bidi_tables
