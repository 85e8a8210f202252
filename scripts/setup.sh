#!/usr/bin/env bash
# Presslens set-up: what a fresh Debian bookworm machine needs to build (and test) Presslens.
#   scripts/setup.sh            everything: desktop, web, sanitizers and the test tools (test.sh)
#   scripts/setup.sh --web      the web app only (start.sh)
#   scripts/setup.sh --native   the desktop app and CLI only (start.sh --native)
# Idempotent: each step checks a stamp first, so a second run takes seconds.
#   - Debian packages for the chosen target (with FreeDict's dictionaries for the native CLI)
#   - pinned Debian source packages, sha256-checked, unpacked into a cache outside the clone
#     (through a private apt state in that cache: the system's apt sources are not touched)
#   - wasm static libraries (SDL2, utf8proc, libstemmer) built once into that cache (web only)
#   - npm ci (stopwords-iso for the build; playwright-core for the browser tests)
# The cache lives in $PRESSLENS_DEPS (default ~/.cache/presslens-deps), keyed by version.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
DEPS=${PRESSLENS_DEPS:-$HOME/.cache/presslens-deps}
mode=${1:---all}
case "$mode" in --all|--web|--native) ;; *) echo "usage: setup.sh [--native|--web]" >&2; exit 2;; esac
export NODE_PATH=/usr/share/nodejs      # Debian's emcc needs node-acorn from here
export EMSDK_PYTHON=/usr/bin/python3
mkdir -p "$DEPS/src" "$DEPS/wasm" "$DEPS/include"
log() { printf '[setup] %s\n' "$*"; }
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
t0=$(date +%s)
want_web() { [ "$mode" != --native ]; }

# ---- 1. Debian packages --------------------------------------------------------------------
PKGS=(cmake ninja-build g++ make dpkg-dev xz-utils python3 nlohmann-json3-dev doctest-dev
      libsdl2-dev libgl-dev libgl1-mesa-dri libutf8proc-dev libstemmer-dev fonts-dejavu-core
      libstb-dev nodejs npm fonttools unicode-data libicu-dev icu-devtools lttoolbox-dev)
# fonttools: pyftsubset cuts the UI font for the page and the Noto fonts for the panels (5b);
# unicode-data: ArabicShaping.txt and UnicodeData.txt for the Arabic joining table (core/bidi);
# libicu-dev, icu-devtools: read ICU's word lists out of its data at set-up (core/segment; ICU is
# never linked into Presslens); lttoolbox-dev: lt-print writes Apertium's compiled bilingual
# dictionaries out as text at set-up (step 3c; Apertium is never linked into Presslens)
# bilingual dictionaries (FreeDict) for the codebook suggestions, turned into tables at build time
DICTS=(eng-deu eng-fra eng-spa eng-ita eng-nld eng-pol eng-por eng-rus eng-swe eng-dan eng-nor eng-fin eng-ces
       eng-tur eng-ell eng-hun deu-eng fra-eng spa-eng ita-eng nld-eng pol-eng por-eng swe-eng dan-eng fin-eng
       ces-eng tur-eng hun-eng ell-eng)
# (the native CLI reads them, and the web build packs them for the page's suggestion worker)
PKGS+=("${DICTS[@]/#/dict-freedict-}")
# and V. K. Mueller's English-Russian dictionary (dictd format, GPL), for the Russian table, which
# FreeDict gives about two thousand pairs (cmake/gen_mueller.py)
PKGS+=(mueller7-dict)
want_web && PKGS+=(emscripten)
# the test command: sanitizers and libFuzzer, the desktop app under Xvfb, chromium for the web app
[ "$mode" = --all ] && PKGS+=(clang-14 libclang-rt-14-dev xvfb xauth x11-apps xdotool imagemagick chromium)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
done
# The machine's node may come from elsewhere than Debian; only install Debian's when none runs.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=($(printf '%s\n' "${missing[@]}" | grep -vxE 'nodejs|npm' || true))
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ---- 2. Emscripten version pin ---------------------------------------------------------------
if want_web; then
  want=$(tr -d ' \n' < "$here/emsdk-version.txt")
  have=$(emcc --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9.]*\) .*/\1/p')
  if [ "$have" != "$want" ]; then
    echo "[setup] error: emcc reports version '${have:-none}', emsdk-version.txt pins '$want'." >&2
    echo "[setup] Install Debian bookworm's 'emscripten' package (3.1.6) and put its emcc first on PATH," >&2
    echo "[setup] or, if you move the pin on purpose, edit emsdk-version.txt and rebuild the wasm cache" >&2
    echo "[setup] (rm -rf \"$DEPS/wasm\")." >&2
    exit 1
  fi
fi

# ---- 3. pinned source packages -------------------------------------------------------------
# name=version  sha256-of-orig-tarball  orig-tarball  unpacked-dir  [cache-dir]  (imgui and gumbo
# for every target, compiled from these sources by cmake/deps.cmake; the rest are built for wasm
# only: natively Debian's -dev packages of the same versions are used). A fifth field renames an
# unpacked directory that carries no version (gumbo's), so the cache stays keyed by version.
# cld2 (Compact Language Detector 2, the 2015-08-06 snapshot Debian packages) identifies 83
# languages; compiled from source for both targets (natively with its tables linked in, for the
# page without them: cmake/deps.cmake writes them to a data file the page fetches on demand).
# gumbo-parser 0.13.0 (trixie) is the maintained line of the HTML5 parser: bookworm's 0.10.1 is
# the last release of the abandoned original, without the later years of fuzzing fixes.
SOURCES=("imgui=1.90.1+ds-1 ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c imgui_1.90.1+ds.orig.tar.xz imgui-1.90.1"
  "gumbo-parser=0.13.0+dfsg-2 1d01316617df9cefcd3f43235b519f606a5465a526a768734714fcc51ccb79e4 gumbo-parser_0.13.0+dfsg.orig.tar.xz gumbo-parser gumbo-parser-0.13.0"
  "cld2=0.0.0-git20150806-9 00c69f6901a09f930a0065a15bbc85891edb57a6a05ce8078a4837fd4ee7bf16 cld2_0.0.0-git20150806.orig.tar.gz CLD2Owners-cld2-84b58a5 cld2-0.0.0-git20150806")
want_web && SOURCES+=(
  "libsdl2=2.26.5+dfsg-1 b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3 libsdl2_2.26.5+dfsg.orig.tar.gz SDL2-2.26.5"
  "utf8proc=2.8.0-1 a0a60a79fe6f6d54e7d411facbfcc867a6e198608f2cd992490e46f04b1bcecc utf8proc_2.8.0.orig.tar.gz utf8proc-2.8.0"
  "snowball=2.2.0-2 425cdb5fba13a01db59a1713780f0662e984204f402d3dae1525bda9e6d30f1a snowball_2.2.0.orig.tar.gz snowball-2.2.0")
# Source packages come through a private apt state under $DEPS/apt, so the system's apt sources
# and lists stay as they are. Its deb-src entries are derived from the machine's own deb822 file
# (no host name is typed here): bookworm's, and trixie's for one reason only: Dear ImGui 1.90.1,
# the version the UI is written against, is packaged in trixie and not in bookworm. The entries are
# source-only, so no trixie binary can ever be installed through them.
APT_OPTS=()
private_apt() {
  [ ${#APT_OPTS[@]} -gt 0 ] && return 0
  local SRC=/etc/apt/sources.list.d/debian.sources A="$DEPS/apt"
  [ -f "$SRC" ] || { echo "[setup] error: $SRC not found; cannot derive deb-src entries" >&2; exit 1; }
  mkdir -p "$A/sources.list.d" "$A/lists/partial" "$A/cache/archives/partial"
  { sed -e 's/^Types: deb$/Types: deb-src/' "$SRC"; echo
    awk 'BEGIN{RS="";ORS="\n\n"} !/debian-security/ {print; exit}' "$SRC" \
      | sed -e 's/^Types: deb$/Types: deb-src/' -e 's/^Suites: .*/Suites: trixie/'
  } > "$A/sources.list.d/presslens-src.sources"
  APT_OPTS=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$A/sources.list.d"
            -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache" -o APT::Sandbox::User=root)
  log "reading the Debian source indexes (private apt state in $A)"
  apt-get "${APT_OPTS[@]}" update -q >"$A/update.log" 2>&1 || { tail -20 "$A/update.log"; exit 1; }
}
for entry in "${SOURCES[@]}"; do
  read -r spec sum tarball dir keep <<<"$entry"
  keep=${keep:-$dir}
  [ -f "$DEPS/src/$keep/.presslens-ok" ] && continue
  private_apt
  log "fetching source $spec"
  # --tar-only: the upstream tarball is all we build from (and all we check)
  (cd "$DEPS/src" && apt-get "${APT_OPTS[@]}" source --download-only --tar-only -q "$spec" >/dev/null)
  echo "$sum  $DEPS/src/$tarball" | sha256sum -c --quiet - || { echo "[setup] error: checksum mismatch for $tarball" >&2; exit 1; }
  rm -rf "$DEPS/src/$dir" "$DEPS/src/$keep" && tar -C "$DEPS/src" -xf "$DEPS/src/$tarball"
  [ "$keep" = "$dir" ] || mv "$DEPS/src/$dir" "$DEPS/src/$keep"
  touch "$DEPS/src/$keep/.presslens-ok"
done

# ICU's word lists for Thai, Lao, Khmer and Burmese (data, under the ICU licence): the source of
# the tokenizer's dictionary segmenter (src/core/segment.hpp). Debian's ICU source carries its data
# compiled (icudt72l.dat), not as the lists' text: icupkg takes the four dictionaries out of it and
# a small tool of ours (cmake/icu_dict_words.cpp, linking libicu through its public BytesTrie
# iterator, at set-up only) writes their words back as text; cmake/gen_segment_dicts.py turns those
# into compact tables at build time. Only the word lists and ICU's licence are kept.
ICU_DICTS="$DEPS/src/icu-72.1-dictionaries"
if [ ! -f "$ICU_DICTS/.presslens-ok" ]; then
  private_apt
  log "fetching source icu=72.1-3+deb12u1 (its word lists)"
  (cd "$DEPS/src" && apt-get "${APT_OPTS[@]}" source --download-only --tar-only -q "icu=72.1-3+deb12u1" >/dev/null)
  echo "a2d2d38217092a7ed56635e34467f92f976b370e20182ad325edea6681a71d68  $DEPS/src/icu_72.1.orig.tar.gz" | sha256sum -c --quiet - \
    || { echo "[setup] error: checksum mismatch for icu_72.1.orig.tar.gz" >&2; exit 1; }
  rm -rf "$ICU_DICTS"; mkdir -p "$ICU_DICTS/work"; w="$ICU_DICTS/work"
  tar -C "$w" -xzf "$DEPS/src/icu_72.1.orig.tar.gz" icu/LICENSE icu/source/data/in/icudt72l.dat
  g++ -O1 -std=c++17 -o "$w/icu_dict_words" "$here/cmake/icu_dict_words.cpp" -licuuc
  for lang in thai lao khmer burmese; do
    icupkg -x "brkitr/${lang}dict.dict" -d "$w" "$w/icu/source/data/in/icudt72l.dat"
    "$w/icu_dict_words" "$w/brkitr/${lang}dict.dict" > "$ICU_DICTS/${lang}.txt" 2>>"$ICU_DICTS/words.log" \
      || { cat "$ICU_DICTS/words.log"; exit 1; }
  done
  mv "$w/icu/LICENSE" "$ICU_DICTS/LICENSE"; rm -rf "$w" "$DEPS/src/icu_72.1.orig.tar.gz"
  touch "$ICU_DICTS/.presslens-ok"
fi

# ---- 3c. Apertium's bilingual dictionaries (data, GPL) for the codebook suggestions -----------
# Apertium's English->Spanish pair, which cmake/gen_apertium.py adds to FreeDict's Spanish table at
# build time; and eng-cat with the pairs from Spanish and Catalan into French, Portuguese and
# Italian, for the pivots it can make (measured and off by default, docs/benchmarks.md: kept here
# so that the measurement can be repeated, about 20 s of set-up once). The dictionaries' XML is
# in the source packages, whose tarballs this machine's package mirror does not serve; the binary
# packages (pinned, sha256-checked like the fonts in 5b) carry each direction compiled
# (DIRECTION.autobil.bin), and lttoolbox's lt-print writes it back as text (AT&T form, one arc a
# line), which is all that is kept, with each package's copyright file.
APERTIUM="$DEPS/src/apertium-bidix-1"
if [ ! -f "$APERTIUM/.presslens-ok" ]; then
  log "fetching Apertium's bilingual dictionaries (apertium-eng-spa, -eng-cat, -fr-es, -es-pt, -spa-ita, -fra-cat, -por-cat)"
  rm -rf "$APERTIUM"; mkdir -p "$APERTIUM/deb" "$APERTIUM/root"
  # name=version  sha256 of the .deb  the directions kept
  aps=("apertium-eng-spa=0.8.1-2 4f342a77a946219b943c31e25e839e49d6cdb16b410fab5bbb34929873d9d265 eng-spa"
       "apertium-eng-cat=1.0.1-5 f591110a4f8e6ae9c5fc027adfb68e232b37e5674923d9d640dd2562c775c85c eng-cat"
       "apertium-fr-es=0.9.4-1 42ca35411f6b17ac633cb6a49355ecc8355103e557f99b261dbe03cb3eeb0a55 es-fr"
       "apertium-es-pt=1.1.6-1 55436bb2f1e9292f63291572b2c27018b8c173948198fd599f7b87febdb316c0 es-pt"
       "apertium-spa-ita=0.2.1-3 4f0be45d32ce9e12a40ef89b22fabb43292fa1050a174126474e5f09037bab8a spa-ita"
       "apertium-fra-cat=1.10.0-1 8bd1f2054b3b888c2c8454397bfc9c5531a8339c4b7c8b4199e53ad72ae3eb6d cat-fra"
       "apertium-por-cat=0.10.1-2 64503281f1b9f853318fc1f5d64c8c794f5468882a2d14baf7a8bffa6eae211b cat-por")
  for entry in "${aps[@]}"; do
    read -r spec sum dir <<<"$entry"
    name=${spec%%=*} ver=${spec#*=}
    file="${name}_${ver}_all.deb"
    (cd "$APERTIUM/deb" && apt-get -o APT::Sandbox::User=root download -q "$spec" >/dev/null) ||
      { $SUDO apt-get update -q && (cd "$APERTIUM/deb" && apt-get -o APT::Sandbox::User=root download -q "$spec" >/dev/null); }
    echo "$sum  $APERTIUM/deb/$file" | sha256sum -c --quiet - || { echo "[setup] error: checksum mismatch for $file" >&2; exit 1; }
    dpkg-deb -x "$APERTIUM/deb/$file" "$APERTIUM/root"
    bin="$APERTIUM/root/usr/share/apertium/$name/$dir.autobil.bin"
    [ -f "$bin" ] || { echo "[setup] error: $file holds no $dir.autobil.bin" >&2; exit 1; }
    lt-print "$bin" > "$APERTIUM/$dir.att" || { echo "[setup] error: lt-print could not read $bin" >&2; exit 1; }
    cp "$APERTIUM/root/usr/share/doc/$name/copyright" "$APERTIUM/$name.copyright"
  done
  rm -rf "$APERTIUM/deb" "$APERTIUM/root"
  touch "$APERTIUM/.presslens-ok"
fi

# ---- 4. header-only libraries: a copy, so em++ never sees -I/usr/include ------------------------
# nlohmann/json, doctest, stb_image_write (PNG export) and stb_image (the tests decode PNGs with it)
for h in nlohmann doctest stb/stb_image_write.h stb/stb_image.h; do
  if ! diff -rq "/usr/include/$h" "$DEPS/include/$h" >/dev/null 2>&1; then
    mkdir -p "$(dirname "$DEPS/include/$h")"; rm -rf "$DEPS/include/$h"; cp -r "/usr/include/$h" "$DEPS/include/$h"
  fi
done
touch "$DEPS/include/.presslens-ok"

# ---- 5. wasm static libraries --------------------------------------------------------------
if want_web; then
  # Built for size: the page only polls events and swaps GL buffers through SDL, yet its video
  # driver's tables keep the software blitters linked (about 110 KB of code at -O3).
  SDL_PREFIX="$DEPS/wasm/sdl2-2.26.5-oz"
  if [ ! -f "$SDL_PREFIX/.presslens-ok" ]; then
    log "building SDL2 2.26.5 for wasm (about 3 minutes, once)"
    b="$DEPS/wasm/build-sdl2"; rm -rf "$b" "$SDL_PREFIX"
    emcmake cmake -S "$DEPS/src/SDL2-2.26.5" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
      -DCMAKE_C_FLAGS_MINSIZEREL="-Oz -DNDEBUG" \
      -DCMAKE_INSTALL_PREFIX="$SDL_PREFIX" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
      -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF \
      -DSDL_HIDAPI=OFF -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF \
      -DSDL_RENDER=OFF > "$DEPS/wasm/sdl2-config.log" 2>&1 || { tail -30 "$DEPS/wasm/sdl2-config.log"; exit 1; }
    cmake --build "$b" > "$DEPS/wasm/sdl2-build.log" 2>&1 || { tail -30 "$DEPS/wasm/sdl2-build.log"; exit 1; }
    cmake --install "$b" > /dev/null
    rm -rf "$b"; touch "$SDL_PREFIX/.presslens-ok"
  fi

  U_PREFIX="$DEPS/wasm/utf8proc-2.8.0"
  if [ ! -f "$U_PREFIX/.presslens-ok" ]; then
    log "building utf8proc 2.8.0 for wasm"
    rm -rf "$U_PREFIX"; mkdir -p "$U_PREFIX/include" "$U_PREFIX/lib"
    emcc -O2 -DUTF8PROC_STATIC -c "$DEPS/src/utf8proc-2.8.0/utf8proc.c" -o "$U_PREFIX/utf8proc.o"
    emar rcs "$U_PREFIX/lib/libutf8proc.a" "$U_PREFIX/utf8proc.o" && rm "$U_PREFIX/utf8proc.o"
    cp "$DEPS/src/utf8proc-2.8.0/utf8proc.h" "$U_PREFIX/include/"
    touch "$U_PREFIX/.presslens-ok"
  fi

  # UTF-8 stemmers only (Presslens asks for no other encoding): modules.txt lists ISO-8859-1/2 and
  # KOI8-R twins of most stemmers, 90 KB of tables and their code that the page would download.
  S_PREFIX="$DEPS/wasm/snowball-2.2.0-utf8"
  if [ ! -f "$S_PREFIX/.presslens-ok" ]; then
    log "building Snowball libstemmer 2.2.0 (UTF-8 stemmers) for wasm"
    s="$DEPS/wasm/build-snowball"; rm -rf "$s" "$S_PREFIX"; cp -r "$DEPS/src/snowball-2.2.0" "$s"
    sed -i -E 's/^([a-z_0-9]+[[:space:]]+)[A-Z0-9_,]+/\1UTF_8/' "$s/libstemmer/modules.txt"
    # First natively: the snowball compiler and the generated C stemmers. Then the objects again
    # with emcc; the generated sources are up to date, so make only recompiles them.
    make -C "$s" -j"$(nproc)" libstemmer.a > "$DEPS/wasm/snowball-native.log" 2>&1
    find "$s/src_c" "$s/runtime" "$s/libstemmer" -name '*.o' -delete; rm -f "$s/libstemmer.a"
    make -C "$s" -j"$(nproc)" libstemmer.a CC=emcc AR=emar CFLAGS='-O2' > "$DEPS/wasm/snowball-wasm.log" 2>&1
    mkdir -p "$S_PREFIX/include" "$S_PREFIX/lib"
    cp "$s/libstemmer.a" "$S_PREFIX/lib/"; cp "$s/include/libstemmer.h" "$S_PREFIX/include/"
    rm -rf "$s"; touch "$S_PREFIX/.presslens-ok"
  fi

  # CLD2's tables as a data file for the page (cmake/deps.cmake compiles the page's detector
  # without them): its own dump tool, built natively once with the same table set, writes them.
  C_DATA="$DEPS/wasm/cld2-0.0.0-git20150806"
  if [ ! -f "$C_DATA/.presslens-ok" ]; then
    log "writing CLD2's tables to a data file for the page (about a minute, once)"
    rm -rf "$C_DATA"; mkdir -p "$C_DATA"; c="$DEPS/src/cld2-0.0.0-git20150806/internal"
    (cd "$c" && g++ -O1 -w -Wno-narrowing -std=c++11 -o "$C_DATA/cld2_dynamic_data_tool" \
      cld2_dynamic_data_tool.cc cld2_dynamic_data.cc cld2_dynamic_data_extractor.cc cld2_dynamic_data_loader.cc \
      cldutil.cc cldutil_shared.cc compact_lang_det.cc compact_lang_det_hint_code.cc compact_lang_det_impl.cc \
      debug_empty.cc fixunicodevalue.cc generated_entities.cc generated_language.cc generated_ulscript.cc \
      getonescriptspan.cc lang_script.cc offsetmap.cc scoreonescriptspan.cc tote.cc utf8statetable.cc \
      cld_generated_cjk_uni_prop_80.cc cld2_generated_cjk_compatible.cc cld_generated_cjk_delta_bi_4.cc \
      generated_distinct_bi_0.cc cld2_generated_quadchrome_2.cc cld2_generated_deltaoctachrome.cc \
      cld2_generated_distinctoctachrome.cc cld_generated_score_quad_octa_2.cc) > "$C_DATA/build.log" 2>&1 \
      || { tail -30 "$C_DATA/build.log"; exit 1; }
    "$C_DATA/cld2_dynamic_data_tool" --dump "$C_DATA/cld2-chrome.data" >> "$C_DATA/build.log" 2>&1 \
      || { tail -30 "$C_DATA/build.log"; exit 1; }
    rm "$C_DATA/cld2_dynamic_data_tool"; touch "$C_DATA/.presslens-ok"
  fi
fi

# ---- 5b. Noto fonts for the scripts DejaVu lacks (docs/accessibility.md, docs/languages.md) ------
# Debian's fonts-noto-core and fonts-noto-cjk, cut by pyftsubset to one script's characters each:
#  - as WOFF (zlib; WOFF2 needs brotli, which bookworm's python3 lacks) for the page: page.css names
#    the reader's with a unicode-range, and the app's panels fetch any of them when a title, an
#    outlet, a word or a code first holds its script (shell/panelfont.js); nothing in the first load;
#  - as plain TrueType/OpenType (.ttf) for the desktop app, which reads them from here on the same
#    trigger (stb_truetype reads sfnt, not WOFF).
# The list of fonts and their characters is the app's too (src/ui/panel_fonts.cpp): keep in step.
web_fonts() {
  local F="$DEPS/fonts" out="$DEPS/fonts/noto-20201225-20220127-3"
  [ -f "$out/.presslens-ok" ] && return 0
  log "fetching Noto fonts (fonts-noto-core, fonts-noto-cjk) and cutting them for the page and the panels"
  mkdir -p "$F/deb" "$out"
  local debs=("fonts-noto-core=20201225-1 58f4f0bb6720f919f92096b3508e1412a0f1544424ade6c5b5bf1eb694dd64ba fonts-noto-core_20201225-1_all.deb"
              "fonts-noto-cjk=1:20220127+repack1-1 4a2515eb6db3978b897fef9709ed0d2b1f4c6c4df4d83d6c4ef65f71f1b1f502 fonts-noto-cjk_1%3a20220127+repack1-1_all.deb")
  for entry in "${debs[@]}"; do
    read -r spec sum file <<<"$entry"
    # (a machine whose package lists were never read needs them read first)
    [ -f "$F/deb/$file" ] || (cd "$F/deb" && apt-get -o APT::Sandbox::User=root download -q "$spec" >/dev/null) ||
      { $SUDO apt-get update -q && (cd "$F/deb" && apt-get -o APT::Sandbox::User=root download -q "$spec" >/dev/null); }
    echo "$sum  $F/deb/$file" | sha256sum -c --quiet - || { echo "[setup] error: checksum mismatch for $file" >&2; exit 1; }
    dpkg-deb -x "$F/deb/$file" "$F/root"
  done
  local noto="$F/root/usr/share/fonts/truetype/noto" cjkfile="$F/root/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
  # name  source file  font number in a collection  unicodes
  cut_font() {
    local flavor
    for flavor in woff ttf; do
      pyftsubset "$2" --font-number="$3" --unicodes="$4" $([ $flavor = woff ] && echo --flavor=woff) --no-hinting \
        --layout-features='*' --output-file="$out/$1.$flavor" || { echo "[setup] error: could not cut $1" >&2; exit 1; }
    done
  }
  local common=U+0020-007E,U+00A0,U+200C-200F,U+2010-2027,U+25CC
  cut_font noto-greek "$noto/NotoSans-Regular.ttf" 0 "$common,U+0370-03FF,U+1F00-1FFF"
  cut_font noto-cyrillic "$noto/NotoSans-Regular.ttf" 0 "$common,U+0400-052F"
  cut_font noto-armenian "$noto/NotoSansArmenian-Regular.ttf" 0 "$common,U+0530-058F,U+FB13-FB17"
  cut_font noto-georgian "$noto/NotoSansGeorgian-Regular.ttf" 0 "$common,U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F"
  cut_font noto-arabic "$noto/NotoSansArabic-Regular.ttf" 0 "$common,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF"
  cut_font noto-hebrew "$noto/NotoSansHebrew-Regular.ttf" 0 "$common,U+0590-05FF,U+FB1D-FB4F"
  cut_font noto-syriac "$noto/NotoSansSyriac-Regular.ttf" 0 "$common,U+0700-074F"
  cut_font noto-thaana "$noto/NotoSansThaana-Regular.ttf" 0 "$common,U+0780-07BF"
  cut_font noto-devanagari "$noto/NotoSansDevanagari-Regular.ttf" 0 "$common,U+0900-097F,U+A8E0-A8FF,U+1CD0-1CFF"
  cut_font noto-bengali "$noto/NotoSansBengali-Regular.ttf" 0 "$common,U+0980-09FF"
  cut_font noto-gurmukhi "$noto/NotoSansGurmukhi-Regular.ttf" 0 "$common,U+0A00-0A7F"
  cut_font noto-gujarati "$noto/NotoSansGujarati-Regular.ttf" 0 "$common,U+0A80-0AFF"
  cut_font noto-oriya "$noto/NotoSansOriya-Regular.ttf" 0 "$common,U+0B00-0B7F"
  cut_font noto-tamil "$noto/NotoSansTamil-Regular.ttf" 0 "$common,U+0B80-0BFF"
  cut_font noto-telugu "$noto/NotoSansTelugu-Regular.ttf" 0 "$common,U+0C00-0C7F"
  cut_font noto-kannada "$noto/NotoSansKannada-Regular.ttf" 0 "$common,U+0C80-0CFF"
  cut_font noto-malayalam "$noto/NotoSansMalayalam-Regular.ttf" 0 "$common,U+0D00-0D7F"
  cut_font noto-sinhala "$noto/NotoSansSinhala-Regular.ttf" 0 "$common,U+0D80-0DFF"
  cut_font noto-thai "$noto/NotoSansThai-Regular.ttf" 0 "$common,U+0E00-0E7F"
  cut_font noto-lao "$noto/NotoSansLao-Regular.ttf" 0 "$common,U+0E80-0EFF"
  cut_font noto-tibetan "$noto/NotoSerifTibetan-Regular.ttf" 0 "$common,U+0F00-0FFF"
  cut_font noto-myanmar "$noto/NotoSansMyanmar-Regular.ttf" 0 "$common,U+1000-109F,U+AA60-AA7F"
  cut_font noto-ethiopic "$noto/NotoSansEthiopic-Regular.ttf" 0 "$common,U+1200-139F,U+2D80-2DDF"
  cut_font noto-cherokee "$noto/NotoSansCherokee-Regular.ttf" 0 "$common,U+13A0-13FF,U+AB70-ABBF"
  cut_font noto-canadian "$noto/NotoSansCanadianAboriginal-Regular.ttf" 0 "$common,U+1400-167F"
  cut_font noto-khmer "$noto/NotoSansKhmer-Regular.ttf" 0 "$common,U+1780-17FF,U+19E0-19FF"
  # Chinese: the 6,763 ideographs of GB 2312 (the common set of simplified Chinese), with kana,
  # CJK punctuation and full-width forms; the whole font (65,535 glyphs) would be 16 MB. Korean:
  # the 2,350 Hangul syllables of KS X 1001 (the everyday set) and the compatibility jamo, from the
  # collection's Korean font; both sets derived from Python's codecs, not typed.
  local cjk hangul
  cjk=$(python3 -c 'cps = [c for c in range(0x4E00, 0xA000) if len(chr(c).encode("gb2312", "ignore")) == 2]
print(",".join(["U+3000-30FF", "U+FF00-FFEF"] + ["U+%04X" % c for c in cps]))')
  hangul=$(python3 -c 'cps = [c for c in range(0xAC00, 0xD7A4) if len(chr(c).encode("euc_kr", "ignore")) == 2]
print(",".join(["U+0020-007E", "U+3000-303F", "U+3131-318E"] + ["U+%04X" % c for c in cps]))')
  cut_font noto-cjk-sc "$cjkfile" 2 "$cjk"
  cut_font noto-hangul "$cjkfile" 1 "$hangul"
  rm -rf "$F/root"
  ls -l "$out" | sed 's/^/[setup]   /'
  touch "$out/.presslens-ok"
}
web_fonts

# ---- 6. npm packages -----------------------------------------------------------------------
if [ ! -f "$here/node_modules/.presslens-lock" ] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.presslens-lock"; then
  log "npm ci"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.presslens-lock"
fi

log "ready in $(( $(date +%s) - t0 )) s (deps cache: $DEPS)"
