#!/usr/bin/env bash
# Builds everything (native + web + sanitizers) and runs every test: unit tests natively, under
# node and under ASan + UBSan, the CLI on good and bad input, a minute of each fuzzer, the desktop
# app under Xvfb, the web app in headless chromium. Screenshots land in
# build/native/shots and build/web/shots.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export NODE_PATH=/usr/share/nodejs EMSDK_PYTHON=/usr/bin/python3
t0=$(date +%s); passed=0; failed=0; failures=()
step() {  # step NAME COMMAND...
  local name=$1; shift
  local s=$(date +%s)
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); echo "=== $name: ok ($(( $(date +%s) - s )) s)"
  else failed=$((failed + 1)); failures+=("$name"); echo "=== $name: FAILED ($(( $(date +%s) - s )) s)"; fi
}
build() { cmake --preset "$1" >/dev/null && cmake --build --preset "$1"; }

step "build native" build native || true
step "build web" build web || true
step "unit tests (native)" ctest --preset native
step "unit tests (wasm, node)" ctest --preset web
step "default corpus matches its checksums (assets/corpus/SHA256SUMS)" bash -c '
  cd assets/corpus && sha256sum --strict -c SHA256SUMS || exit 1
  [ "$(ls *.txt | wc -l)" = "$(wc -l < SHA256SUMS)" ] || { echo "assets/corpus holds other .txt files than SHA256SUMS lists"; exit 1; }'
step "command-line tool" bash tests/cli/cli_test.sh build/native
step "bad inputs through the command-line tool" node --test tests/robustness/
step "build with ASan + UBSan (clang 14)" build sanitize || true
step "unit tests under ASan + UBSan" ctest --preset sanitize
step "command-line tool and bad inputs under ASan + UBSan" bash -c '
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  bash tests/cli/cli_test.sh build/sanitize && PRESSLENS_CLI=build/sanitize/presslens-cli node --test tests/robustness/'
step "fuzzing: 60 s per libFuzzer target" bash scripts/fuzz.sh 60
step "desktop app under Xvfb" xvfb-run -a -s "-screen 0 1280x800x24" tests/native/desktop_test.sh build/native build/native/shots
step "web app in chromium" node --test --test-concurrency=1 tests/browser/

echo
echo "test.sh: $(( $(date +%s) - t0 )) s; screenshots in build/native/shots and build/web/shots"
[ $failed -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "steps: $passed passed, $failed failed"
[ $failed -eq 0 ]
