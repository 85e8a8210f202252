// io: a minimal PNG writer for chart exports: 8-bit RGBA, rows top to bottom, deflate "stored"
// blocks (no compression: charts are small and this keeps the writer short and exact).
#pragma once
#include <cstdint>
#include <string>

namespace presslens {

// `rgba` holds width*height*4 bytes. Returns the PNG file's bytes.
std::string EncodePng(const uint8_t* rgba, uint32_t width, uint32_t height);

// The CRC-32 (ISO 3309, as PNG uses) and Adler-32 (zlib) checksums, exposed for the tests.
uint32_t Crc32(const uint8_t* data, size_t size, uint32_t crc = 0);
uint32_t Adler32(const uint8_t* data, size_t size);

}  // namespace presslens
