#!/usr/bin/env bash
# Native desktop test: runs the real app in an Xvfb window, reads its state file, clicks the
# Dutch article's row with xdotool, checks the reader opened it, and saves a screenshot.
#   usage: desktop_test.sh BUILD_DIR OUT_DIR      (run inside xvfb-run)
set -euo pipefail
build=$1; out=$2; mkdir -p "$out"
state="$out/native-state.json"; rm -f "$state"
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
echo "desktop test passed: 5 articles listed, click opened $src in the reader; screenshot $out/native.png"
