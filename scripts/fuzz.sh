#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz) of the "sanitize" preset, each for SECONDS (default 60),
# one after the other, seeded from assets/ and tests/. Findings (crash-*, leak-*, timeout-*) land
# in build/sanitize/fuzz/artifacts and fail the run. The growing corpora stay in
# build/sanitize/fuzz/<target>, so a second run goes on where the first stopped.
#   usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (targets: corpus_json txt codebook html)
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(corpus_json txt codebook html)
b=build/sanitize
out=$b/fuzz; mkdir -p "$out/artifacts"
for t in "${targets[@]}"; do [ -x "$b/fuzz_$t" ] || { echo "fuzz: $b/fuzz_$t is missing: cmake --preset sanitize && cmake --build --preset sanitize" >&2; exit 1; }; done

seed() {  # seed TARGET FILE...: copy the seeds in (libFuzzer keeps them as inputs)
  local dir=$out/seeds/$1; shift; mkdir -p "$dir"
  for f in "$@"; do cp "$f" "$dir/$(basename "$f")"; done
}
seed txt assets/corpus/*.txt tests/fixtures/*.txt
seed codebook assets/codebook/*.json
mkdir -p "$out/seeds/html"  # a saved page with the parts the reader tells apart
printf '%s' '<!DOCTYPE html><html lang="en-GB"><head><meta charset="windows-1252"><title>T | Site</title><meta property="og:site_name" content="Site"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"name":"A"}}</script><style>p{}</style></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>H</h1><div class="byline">By A</div><p>First &amp; paragraph, with commas, and words.</p><p>Second<br>line &eacute; é.</p><ul><li>item</li></ul><div class="share"><a href="#">Share</a></div></article><aside class="related"><a href="/x">Other</a></aside><footer>(c)</footer></body></html>' > "$out/seeds/html/page.html"
seed corpus_json assets/corpus/metadata.json tests/fixtures/*.json
# A corpus JSON built from the default articles, so the loader's happy path is a seed too.
node -e '
  const fs = require("fs"), path = require("path");
  const files = fs.readdirSync("assets/corpus").filter(f => f.endsWith(".txt")).sort();
  const articles = files.map(f => ({source: f, text: fs.readFileSync(path.join("assets/corpus", f), "utf8")}));
  fs.writeFileSync(process.argv[1], JSON.stringify({articles}, null, 1));' "$out/seeds/corpus_json/default_corpus.json"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
for t in "${targets[@]}"; do
  mkdir -p "$out/$t"
  echo "=== fuzz_$t for $secs s"
  # -rss_limit_mb: memory must stay bounded; -timeout: one input may not take more than 10 s.
  "$b/fuzz_$t" "$out/$t" "$out/seeds/$t" -dict=tests/fuzz/presslens.dict -max_total_time="$secs" \
      -rss_limit_mb=2048 -timeout=10 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$out/artifacts/$t-" > "$out/$t.log" 2>&1
  code=$?
  grep -E '^(#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb)' "$out/$t.log" | tail -3
  if [ $code -ne 0 ]; then failed=1; echo "fuzz_$t: FAILED (exit $code), see $out/$t.log"; grep -m1 -A25 'ERROR\|==ERROR\|runtime error\|deadly signal' "$out/$t.log"; fi
done
[ $failed -eq 0 ] && echo "fuzz: all targets ran $secs s without a finding"
exit $failed
