#!/usr/bin/env bash
# Native desktop test: runs the real app in an Xvfb window, reads its state file, clicks the
# Dutch article's row with xdotool, checks the reader opened it, and saves a screenshot. Then:
# a file named on the command line is the corpus, Export > Matrix as CSV writes a file, and a
# restart without arguments restores that corpus from the config folder.
#   usage: desktop_test.sh BUILD_DIR OUT_DIR      (run inside xvfb-run)
set -euo pipefail
build=$1; out=$2; mkdir -p "$out"
state="$out/native-state.json"; rm -f "$state"
# a config folder of our own: the user's kept corpus and codebook are not touched
export XDG_CONFIG_HOME="$out/config"; rm -rf "$XDG_CONFIG_HOME" "$out/exports"
"$build/presslens" --view "panel=articles" --state-out "$state" > "$out/native-run.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
fail() { echo "desktop test FAILED: $*"; cat "$out/native-run.log"; exit 1; }

for _ in $(seq 100); do [ -s "$state" ] && break; sleep 0.1; done
[ -s "$state" ] || fail "no state published within 10 s"
sleep 0.3  # let the first frames settle (rows have rects from the second frame on)
read_state() { node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(eval(process.argv[2]))' "$state" "$1"; }
n=$(read_state 's.articles.length')
[ "$n" = 5 ] || fail "expected 5 articles listed, got $n"
lang=$(read_state 's.articles[0].language')
[ "$lang" = nl ] || fail "expected article 0 to be nl, got $lang"
[ "$(read_state 's.selected')" = -1 ] || fail "an article was selected before any click"

# Move with XTEST (mousemove_relative): SDL on X11 reads the pointer from XInput2 raw events,
# which an absolute xdotool warp does not produce. The window sits at 0,0 (no window manager).
move_to() {
  eval "$(xdotool getmouselocation --shell)"
  xdotool mousemove_relative -- $(( $1 - X )) $(( $2 - Y ))
}
xdotool search --sync --name '^Presslens$' >/dev/null
move_to $(read_state 'Math.round(s.articles[0].rect.x + s.articles[0].rect.w/2) + " " + Math.round(s.articles[0].rect.y + s.articles[0].rect.h/2)')
sleep 0.2
xdotool click 1
for _ in $(seq 50); do [ "$(read_state 's.selected')" = 0 ] && break; sleep 0.1; done
[ "$(read_state 's.selected')" = 0 ] || fail "clicking the Dutch article's row did not select it"
src=$(read_state 's.reader.source')
[ "$src" = 000_f08923bbbf1d2df1.txt ] || fail "reader shows $src"
sleep 0.3
import -window root "$out/native.png"
echo "desktop: 5 articles listed, click opened $src in the reader; screenshot $out/native.png"
kill $pid; wait $pid 2>/dev/null || true

# Paths on the command line are the corpus; the menu exports into --export-dir.
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$state"
"$build/presslens" "$here/../fixtures/testwire.txt" --export-dir "$out/exports" --state-out "$state" > "$out/native-run.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$state" ] && break; sleep 0.1; done
[ -s "$state" ] || fail "no state published within 10 s (second run)"
sleep 0.3
[ "$(read_state 's.articles.length')" = 1 ] || fail "expected the one named article, got $(read_state 's.articles.length')"
[ "$(read_state 's.outlets[0]')" = "Test Wire" ] || fail "outlet is $(read_state 's.outlets[0]')"
[ "$(read_state 's.matrix[0].slice(0,3).map(c => c.hits > 0).join()')" = "true,true,true" ] || fail "Test Wire should report D1 D2 D3"
click_at() { move_to "$1" "$2"; sleep 0.2; xdotool click 1; }
centre() { read_state "Math.round(s.menu['$1'].x + s.menu['$1'].w/2) + ' ' + Math.round(s.menu['$1'].y + s.menu['$1'].h/2)"; }
click_at $(centre Export)
for _ in $(seq 50); do [ "$(read_state "!!s.menu['Export/Matrix as CSV']")" = true ] && break; sleep 0.1; done
click_at $(centre 'Export/Matrix as CSV')
for _ in $(seq 50); do [ -s "$out/exports/presslens-matrix.csv" ] && break; sleep 0.1; done
[ -s "$out/exports/presslens-matrix.csv" ] || fail "Export > Matrix as CSV wrote no file"
grep -q '^Test Wire,1,1,1,' "$out/exports/presslens-matrix.csv" || fail "the exported matrix lacks the Test Wire row: $(cat "$out/exports/presslens-matrix.csv")"
import -window root "$out/native-export.png"
kill $pid; wait $pid 2>/dev/null || true
[ -s "$XDG_CONFIG_HOME/presslens/corpus" ] || fail "the loaded corpus was not kept in $XDG_CONFIG_HOME/presslens"

# A restart without arguments restores it.
rm -f "$state"
"$build/presslens" --frames 5 --state-out "$state" > "$out/native-run.log" 2>&1 || fail "restart failed"
[ "$(read_state 's.articles.length')" = 1 ] || fail "restart shows $(read_state 's.articles.length') articles, not the kept one"
notice=$(read_state 's.notice')
[[ $notice == "restored 1 article from the last session"* ]] || fail "notice: $notice"

# Scripts beyond DejaVu: a corpus with Greek, Arabic, Hebrew, Hindi, Chinese, Thai and Korean titles
# and outlets (tests/language_samples.hpp's texts) makes the app read those scripts' Noto fonts
# from the set-up cache and merge them: no character the panels draw is a box (the state's count).
node -e '
const src = require("fs").readFileSync(process.argv[1], "utf8"), S = {};
for (const m of src.matchAll(/\{"([a-z]{2})",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}/g))
  S[m[1]] = [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((p) => p[1]).join("");
const outlets = {el: "Καθημερινή", ar: "الجزيرة 24", he: "הארץ", hi: "दैनिक भास्कर", zh: "人民日报", th: "ไทยรัฐ", ko: "조선일보"};
const title = (t) => [...t].slice(0, 48).join("").replace(/\s+\S*$/, "");
console.log(JSON.stringify({articles: Object.keys(outlets).map((c) => ({text: S[c], source: c + ".txt", outlet: outlets[c], title: title(S[c])}))}));
' "$here/../language_samples.hpp" > "$out/scripts.json"
fonts='["noto-arabic","noto-cjk-sc","noto-devanagari","noto-greek","noto-hangul","noto-hebrew","noto-thai"]'
rm -f "$state"
"$build/presslens" "$out/scripts.json" --view "panel=words" --state-out "$state" > "$out/native-run.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$state" ] && [ "$(read_state "JSON.stringify([...s.fonts.loaded].sort()) === '$fonts' && s.fonts.missing_glyphs === 0 && s.bars.length > 0")" = true ] && break; sleep 0.1; done
[ "$(read_state "JSON.stringify([...s.fonts.loaded].sort())")" = "$fonts" ] || fail "fonts loaded: $(read_state 'JSON.stringify(s.fonts)')"
[ "$(read_state 's.fonts.missing_glyphs')" = 0 ] || fail "characters drawn as boxes: $(read_state 'JSON.stringify(s.fonts)')"
[ "$(read_state 's.fonts.chars > 150 && s.fonts.atlas_glyphs > 400 + s.fonts.chars')" = true ] || fail "atlas: $(read_state 'JSON.stringify(s.fonts)')"
sleep 0.3
import -window root "$out/native-scripts-words.png"
kill $pid; wait $pid 2>/dev/null || true
# ...and without the fonts (an empty folder): the characters stay boxes, the status bar says why
mkdir -p "$out/nofonts"; rm -f "$state"
PRESSLENS_FONT_DIR="$out/nofonts" "$build/presslens" "$out/scripts.json" --view "panel=articles" --state-out "$state" > "$out/native-run.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$state" ] && [ "$(read_state 's.fonts.failed.length')" = 7 ] && break; sleep 0.1; done
[ "$(read_state 's.fonts.failed.length')" = 7 ] || fail "fonts failed: $(read_state 'JSON.stringify(s.fonts)')"
notice=$(read_state 's.notice')
[[ $notice == *"Thai characters show as boxes: the font noto-thai did not load ($out/nofonts/noto-thai.ttf: not found or unreadable)"* ]] || fail "notice: $notice"
[ "$(read_state 's.fonts.missing_glyphs === s.fonts.chars && s.articles.length === 7')" = true ] || fail "without fonts: $(read_state 'JSON.stringify(s.fonts)')"
kill $pid; wait $pid 2>/dev/null || true
echo "desktop test passed: click opens the reader; a named file is the corpus; Export wrote presslens-matrix.csv; a restart restored the corpus; seven scripts drawn from their Noto fonts, and said when a font is missing"
