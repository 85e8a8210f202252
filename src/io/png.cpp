// io: PNG encoding (see png.hpp), by stb_image_write: filtered rows, deflate-compressed.
#include "io/png.hpp"

#include <climits>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC  // its symbols stay in this file
#define STBI_WRITE_NO_STDIO     // bytes in memory; the host saves them
#include <stb/stb_image_write.h>

namespace presslens {

std::string EncodePng(const uint8_t* rgba, uint32_t width, uint32_t height) {
    std::string out;
    if (width == 0 || height == 0 || width > INT_MAX / 4 || height > INT_MAX) return out;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    const int w = static_cast<int>(width), h = static_cast<int>(height);
    if (!stbi_write_png_to_func(append, &out, w, h, 4, rgba, w * 4)) out.clear();
    return out;
}

}  // namespace presslens
