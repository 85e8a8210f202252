#!/usr/bin/env bash
# Presslens set-up: everything a fresh Debian bookworm machine needs to build and test.
# Idempotent: each step checks a stamp first, so a second run takes seconds.
#   - Debian packages (toolchains, -dev libraries, fonts, chromium, Xvfb)
#   - deb-src entries derived from the machine's own apt sources (no host name is typed here)
#   - pinned Debian source packages, sha256-checked, unpacked into a cache outside the clone
#   - wasm static libraries (SDL2, utf8proc, libstemmer) built once into that cache
#   - npm ci (playwright-core, stopwords-iso)
# The cache lives in $PRESSLENS_DEPS (default ~/.cache/presslens-deps), keyed by version.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
DEPS=${PRESSLENS_DEPS:-$HOME/.cache/presslens-deps}
export NODE_PATH=/usr/share/nodejs      # Debian's emcc needs node-acorn from here
export EMSDK_PYTHON=/usr/bin/python3
mkdir -p "$DEPS/src" "$DEPS/wasm" "$DEPS/include"
log() { printf '[setup] %s\n' "$*"; }
t0=$(date +%s)

# ---- 1. Debian packages --------------------------------------------------------------------
PKGS=(emscripten cmake ninja-build g++ make dpkg-dev xz-utils python3
      libsdl2-dev libgl-dev libgl1-mesa-dri nlohmann-json3-dev doctest-dev
      libutf8proc-dev libstemmer-dev fonts-dejavu-core
      xvfb xauth x11-apps xdotool imagemagick chromium nodejs npm)
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
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ---- 2. Emscripten version pin ---------------------------------------------------------------
want=$(tr -d ' \n' < "$here/emsdk-version.txt")
have=$(emcc --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9.]*\) .*/\1/p')
if [ "$have" != "$want" ]; then
  echo "[setup] error: emcc reports version '${have:-none}', emsdk-version.txt pins '$want'." >&2
  echo "[setup] Install Debian bookworm's 'emscripten' package (3.1.6) and put its emcc first on PATH," >&2
  echo "[setup] or, if you move the pin on purpose, edit emsdk-version.txt and rebuild the wasm cache" >&2
  echo "[setup] (rm -rf \"$DEPS/wasm\")." >&2
  exit 1
fi

# ---- 3. pinned source packages -------------------------------------------------------------
# name=version  sha256-of-orig-tarball  orig-tarball  unpacked-dir
SOURCES=(
  "imgui=1.90.1+ds-1 ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c imgui_1.90.1+ds.orig.tar.xz imgui-1.90.1"
  "libsdl2=2.26.5+dfsg-1 b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3 libsdl2_2.26.5+dfsg.orig.tar.gz SDL2-2.26.5"
  "utf8proc=2.8.0-1 a0a60a79fe6f6d54e7d411facbfcc867a6e198608f2cd992490e46f04b1bcecc utf8proc_2.8.0.orig.tar.gz utf8proc-2.8.0"
  "snowball=2.2.0-2 425cdb5fba13a01db59a1713780f0662e984204f402d3dae1525bda9e6d30f1a snowball_2.2.0.orig.tar.gz snowball-2.2.0"
)
ensure_deb_src() {
  # Derive deb-src entries from the existing deb822 file, once. imgui 1.90.1 is only in trixie:
  # a source-only stanza for it, so no trixie binaries can come in.
  grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null && \
    grep -rqs '^Suites: trixie' /etc/apt/sources.list.d/ && return 0
  local SRC=/etc/apt/sources.list.d/debian.sources SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  [ -f "$SRC" ] || { echo "[setup] error: $SRC not found; cannot derive deb-src entries" >&2; exit 1; }
  log "deriving deb-src entries from $SRC"
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/; then
    sed -e 's/^Types: deb$/Types: deb-src/' "$SRC" | $SUDO tee /etc/apt/sources.list.d/presslens-src.sources >/dev/null
  fi
  awk 'BEGIN{RS="";ORS="\n\n"} !/debian-security/ {print; exit}' "$SRC" \
    | sed -e 's/^Types: deb$/Types: deb-src/' -e 's/^Suites: .*/Suites: trixie/' \
    | $SUDO tee /etc/apt/sources.list.d/presslens-trixie-src.sources >/dev/null
  $SUDO apt-get update -q
}
for entry in "${SOURCES[@]}"; do
  read -r spec sum tarball dir <<<"$entry"
  [ -f "$DEPS/src/$dir/.presslens-ok" ] && continue
  ensure_deb_src
  log "fetching source $spec"
  (cd "$DEPS/src" && apt-get source --download-only -q -o APT::Sandbox::User=root "$spec" >/dev/null)
  echo "$sum  $DEPS/src/$tarball" | sha256sum -c --quiet - || { echo "[setup] error: checksum mismatch for $tarball" >&2; exit 1; }
  rm -rf "$DEPS/src/$dir" && tar -C "$DEPS/src" -xf "$DEPS/src/$tarball"
  touch "$DEPS/src/$dir/.presslens-ok"
done

# ---- 4. header-only libraries: a copy, so em++ never sees -I/usr/include ------------------------
if [ ! -f "$DEPS/include/.presslens-ok" ]; then
  cp -r /usr/include/nlohmann /usr/include/doctest "$DEPS/include/"
  touch "$DEPS/include/.presslens-ok"
fi

# ---- 5. wasm static libraries --------------------------------------------------------------
SDL_PREFIX="$DEPS/wasm/sdl2-2.26.5"
if [ ! -f "$SDL_PREFIX/.presslens-ok" ]; then
  log "building SDL2 2.26.5 for wasm (about 3 minutes, once)"
  b="$DEPS/wasm/build-sdl2"; rm -rf "$b" "$SDL_PREFIX"
  emcmake cmake -S "$DEPS/src/SDL2-2.26.5" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=Release \
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

S_PREFIX="$DEPS/wasm/snowball-2.2.0"
if [ ! -f "$S_PREFIX/.presslens-ok" ]; then
  log "building Snowball libstemmer 2.2.0 for wasm"
  s="$DEPS/wasm/build-snowball"; rm -rf "$s" "$S_PREFIX"; cp -r "$DEPS/src/snowball-2.2.0" "$s"
  # First natively: the snowball compiler and the generated C stemmers. Then the objects again
  # with emcc; the generated sources are up to date, so make only recompiles them.
  make -C "$s" -j"$(nproc)" libstemmer.a > "$DEPS/wasm/snowball-native.log" 2>&1
  find "$s/src_c" "$s/runtime" "$s/libstemmer" -name '*.o' -delete; rm -f "$s/libstemmer.a"
  make -C "$s" -j"$(nproc)" libstemmer.a CC=emcc AR=emar CFLAGS='-O2' > "$DEPS/wasm/snowball-wasm.log" 2>&1
  mkdir -p "$S_PREFIX/include" "$S_PREFIX/lib"
  cp "$s/libstemmer.a" "$S_PREFIX/lib/"; cp "$s/include/libstemmer.h" "$S_PREFIX/include/"
  rm -rf "$s"; touch "$S_PREFIX/.presslens-ok"
fi

# ---- 6. npm packages -----------------------------------------------------------------------
if [ ! -f "$here/node_modules/.presslens-lock" ] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.presslens-lock"; then
  log "npm ci"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.presslens-lock"
fi

log "ready in $(( $(date +%s) - t0 )) s (deps cache: $DEPS)"
