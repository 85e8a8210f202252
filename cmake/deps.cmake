# Third-party targets, all from the set-up cache (scripts/setup.sh), wrapped in presslens:: names.
# Native: Debian's -dev packages for SDL2, utf8proc and libstemmer. Wasm: the same versions built
# from Debian's source packages with emcc. ImGui is compiled from Debian's 1.90.1 source for both.
set(PRESSLENS_DEPS "$ENV{PRESSLENS_DEPS}" CACHE PATH "set-up cache (scripts/setup.sh)")
if(NOT PRESSLENS_DEPS)
  set(PRESSLENS_DEPS "$ENV{HOME}/.cache/presslens-deps" CACHE PATH "" FORCE)
endif()
# the Noto fonts cut by scripts/setup.sh (5b): WOFF for the page, TrueType for the desktop's panels
set(PRESSLENS_NOTO_DIR ${PRESSLENS_DEPS}/fonts/noto-20201225-20220127-3)
if(NOT EXISTS "${PRESSLENS_DEPS}/include/.presslens-ok")
  message(FATAL_ERROR "Dependency cache ${PRESSLENS_DEPS} is not ready: run scripts/setup.sh first.")
endif()

option(PRESSLENS_BUILD_APP "Build the ImGui viewer (needs SDL2 + GL)" ON)
set(PRESSLENS_WASM_SIZE_OPT -Oz CACHE STRING "wasm: optimisation of the code whose speed does not matter (UI, ImGui)")

# header-only: a copy of Debian's headers, never -I/usr/include (breaks em++'s libc++)
add_library(presslens_json INTERFACE)
target_include_directories(presslens_json SYSTEM INTERFACE ${PRESSLENS_DEPS}/include)
add_library(presslens::json ALIAS presslens_json)
add_library(presslens_doctest INTERFACE)
target_include_directories(presslens_doctest SYSTEM INTERFACE ${PRESSLENS_DEPS}/include)
add_library(presslens::doctest ALIAS presslens_doctest)
add_library(presslens_stb INTERFACE)  # stb/stb_image_write.h (and stb/stb_image.h for the tests)
target_include_directories(presslens_stb SYSTEM INTERFACE ${PRESSLENS_DEPS}/include)
add_library(presslens::stb ALIAS presslens_stb)

if(EMSCRIPTEN)
  set(_w ${PRESSLENS_DEPS}/wasm)
  add_library(presslens_utf8proc STATIC IMPORTED)
  set_target_properties(presslens_utf8proc PROPERTIES IMPORTED_LOCATION ${_w}/utf8proc-2.8.0/lib/libutf8proc.a
    INTERFACE_INCLUDE_DIRECTORIES ${_w}/utf8proc-2.8.0/include INTERFACE_COMPILE_DEFINITIONS UTF8PROC_STATIC)
  add_library(presslens_stemmer STATIC IMPORTED)
  set_target_properties(presslens_stemmer PROPERTIES IMPORTED_LOCATION ${_w}/snowball-2.2.0-utf8/lib/libstemmer.a
    INTERFACE_INCLUDE_DIRECTORIES ${_w}/snowball-2.2.0-utf8/include)
  set(SDL2_DIR ${_w}/sdl2-2.26.5-oz/lib/cmake/SDL2)
else()
  find_path(UTF8PROC_INCLUDE utf8proc.h REQUIRED)
  find_library(UTF8PROC_LIB utf8proc REQUIRED)
  add_library(presslens_utf8proc UNKNOWN IMPORTED)
  set_target_properties(presslens_utf8proc PROPERTIES IMPORTED_LOCATION ${UTF8PROC_LIB}
    INTERFACE_INCLUDE_DIRECTORIES ${UTF8PROC_INCLUDE})
  find_path(STEMMER_INCLUDE libstemmer.h REQUIRED)
  find_library(STEMMER_LIB stemmer REQUIRED)
  add_library(presslens_stemmer UNKNOWN IMPORTED)
  set_target_properties(presslens_stemmer PROPERTIES IMPORTED_LOCATION ${STEMMER_LIB}
    INTERFACE_INCLUDE_DIRECTORIES ${STEMMER_INCLUDE})
endif()
# gumbo-parser 0.13.0 (HTML5 parsing for saved web pages), compiled from Debian's source for both
# targets, as ImGui is: the same parser, so a page gives the same article natively and in the page.
set(GUMBO_DIR ${PRESSLENS_DEPS}/src/gumbo-parser-0.13.0)
if(NOT EXISTS ${GUMBO_DIR}/.presslens-ok)
  message(FATAL_ERROR "${GUMBO_DIR} is missing: run scripts/setup.sh first.")
endif()
add_library(presslens_gumbo STATIC
  ${GUMBO_DIR}/src/attribute.c ${GUMBO_DIR}/src/char_ref.c ${GUMBO_DIR}/src/error.c
  ${GUMBO_DIR}/src/parser.c ${GUMBO_DIR}/src/string_buffer.c ${GUMBO_DIR}/src/string_piece.c
  ${GUMBO_DIR}/src/tag.c ${GUMBO_DIR}/src/tokenizer.c ${GUMBO_DIR}/src/utf8.c
  ${GUMBO_DIR}/src/util.c ${GUMBO_DIR}/src/vector.c)
set_target_properties(presslens_gumbo PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
target_include_directories(presslens_gumbo SYSTEM PUBLIC ${GUMBO_DIR}/src)
target_compile_options(presslens_gumbo PRIVATE -w)  # third-party code: its warnings are not ours
if(EMSCRIPTEN)
  # The page's first load has a budget (1 MiB gzip, tests/browser/weight.test.mjs): the parser and
  # its entity tables are compiled for size; it reads a saved page, not every frame.
  target_compile_options(presslens_gumbo PRIVATE -Oz)
endif()
add_library(presslens::gumbo ALIAS presslens_gumbo)

# CLD2 (Compact Language Detector 2, Debian's source of the 2015-08-06 snapshot): 83 languages from
# quadgram, octagram and CJK bigram tables, the "chrome" table set (the one Chromium shipped).
# Natively the tables are linked in. For the page they are not (about 1.4 MB, gzip 1 MB: more than
# the whole first-load budget): CLD2_DYNAMIC_MODE compiles the detector without them, and
# scripts/setup.sh dumps the same tables into a data file (cld2-chrome.data) that the page fetches
# after its first frame and hands to the detector (src/core/language.hpp, LoadLanguageTables).
set(CLD2_DIR ${PRESSLENS_DEPS}/src/cld2-0.0.0-git20150806)
if(NOT EXISTS ${CLD2_DIR}/.presslens-ok)
  message(FATAL_ERROR "${CLD2_DIR} is missing: run scripts/setup.sh first.")
endif()
set(_c ${CLD2_DIR}/internal)
set(PRESSLENS_CLD2_CODE
  ${_c}/cldutil.cc ${_c}/cldutil_shared.cc ${_c}/compact_lang_det.cc ${_c}/compact_lang_det_hint_code.cc
  ${_c}/compact_lang_det_impl.cc ${_c}/debug_empty.cc ${_c}/fixunicodevalue.cc ${_c}/generated_entities.cc
  ${_c}/generated_language.cc ${_c}/generated_ulscript.cc ${_c}/getonescriptspan.cc ${_c}/lang_script.cc
  ${_c}/offsetmap.cc ${_c}/scoreonescriptspan.cc ${_c}/tote.cc ${_c}/utf8statetable.cc)
# the tables setup.sh's dump tool links too: the data file and the native build hold the same ones
set(PRESSLENS_CLD2_TABLES
  ${_c}/cld_generated_cjk_uni_prop_80.cc ${_c}/cld2_generated_cjk_compatible.cc
  ${_c}/cld_generated_cjk_delta_bi_4.cc ${_c}/generated_distinct_bi_0.cc
  ${_c}/cld2_generated_quadchrome_2.cc ${_c}/cld2_generated_deltaoctachrome.cc
  ${_c}/cld2_generated_distinctoctachrome.cc ${_c}/cld_generated_score_quad_octa_2.cc)
if(EMSCRIPTEN)
  add_library(presslens_cld2 STATIC ${PRESSLENS_CLD2_CODE}
    ${_c}/cld2_dynamic_data.cc ${_c}/cld2_dynamic_data_loader.cc)
  target_compile_definitions(presslens_cld2 PUBLIC CLD2_DYNAMIC_MODE)
  # identification runs once per article and sentence, not per frame: compiled for size
  target_compile_options(presslens_cld2 PRIVATE -Oz)
  set(PRESSLENS_CLD2_DATA ${PRESSLENS_DEPS}/wasm/cld2-0.0.0-git20150806/cld2-chrome.data)
  if(NOT EXISTS ${PRESSLENS_CLD2_DATA})
    message(FATAL_ERROR "${PRESSLENS_CLD2_DATA} is missing: run scripts/setup.sh --web first.")
  endif()
else()
  add_library(presslens_cld2 STATIC ${PRESSLENS_CLD2_CODE} ${PRESSLENS_CLD2_TABLES})
endif()
set_target_properties(presslens_cld2 PROPERTIES CXX_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_include_directories(presslens_cld2 SYSTEM PUBLIC ${CLD2_DIR})  # "public/…", "internal/lang_script.h"
target_compile_options(presslens_cld2 PRIVATE -w -Wno-narrowing)  # third-party code (C++98 era)
# CLD2 keeps 0xFFFF ("no language") in its Language enum by design and shifts negative values
# (utf8statetable.cc); the sanitizer build stops at both on ordinary text. Not our code: those two
# checks are off for it (its int totals are kept from overflowing by what we pass it).
target_compile_options(presslens_cld2 PRIVATE -fno-sanitize=enum,shift)
add_library(presslens::cld2 ALIAS presslens_cld2)
add_library(presslens::utf8proc ALIAS presslens_utf8proc)
add_library(presslens::stemmer ALIAS presslens_stemmer)

if(PRESSLENS_BUILD_APP)
  find_package(SDL2 REQUIRED CONFIG)
  set(IMGUI_DIR ${PRESSLENS_DEPS}/src/imgui-1.90.1)
  add_library(presslens_imgui STATIC
    ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp)  # (the GL renderer is ours: src/platform/render_gl.cpp)
  target_include_directories(presslens_imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
  target_compile_definitions(presslens_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  if(EMSCRIPTEN)
    target_compile_options(presslens_imgui PRIVATE ${PRESSLENS_WASM_SIZE_OPT} -fno-exceptions)  # never throws
  endif()
  target_link_libraries(presslens_imgui PUBLIC SDL2::SDL2)
  if(NOT EMSCRIPTEN)
    find_package(OpenGL REQUIRED)
    target_link_libraries(presslens_imgui PUBLIC OpenGL::GL ${CMAKE_DL_LIBS})
  endif()
  add_library(presslens::imgui ALIAS presslens_imgui)

  # UI font: DejaVu Sans from Debian's fonts-dejavu-core (Latin-1, Latin Extended-A and B, punctuation)
  find_file(PRESSLENS_FONT_FILE DejaVuSans.ttf PATHS /usr/share/fonts/truetype/dejavu
            NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)  # a host file, also when cross-compiling
  # The code points the UI rasterises (ImGui 1.90 builds its atlas once, from fixed ranges): Basic
  # Latin to Latin Extended-B, general punctuation (‘’“” – — • … ›), euro, U+FFFD.
  # Cyrillic is a panel font fetched when it first appears (ui/panel_fonts.cpp), as Greek is: the
  # first load has no room for its 256 glyphs.
  # Pairs of first and last; ui.cpp gets them as PRESSLENS_FONT_RANGES, and the web build embeds a
  # subset of the font holding exactly these (CMakeLists.txt).
  set(PRESSLENS_FONT_RANGES 0x0020 0x024F  0x2000 0x206F  0x20AC 0x20AC  0xFFFD 0xFFFD)
endif()
