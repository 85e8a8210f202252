// io: PNG encoding for chart exports: 8-bit RGBA, rows top to bottom, compressed by
// stb_image_write (Debian's libstb-dev).
#pragma once
#include <cstdint>
#include <string>

namespace presslens {

// `rgba` holds width*height*4 bytes. Returns the PNG file's bytes (empty if it cannot be encoded).
std::string EncodePng(const uint8_t* rgba, uint32_t width, uint32_t height);

}  // namespace presslens
