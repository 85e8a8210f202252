#!/usr/bin/env bash
# CLI end-to-end: the real presslens-cli on the default corpus and on bad input; checks output,
# messages and exit codes.   usage: cli_test.sh BUILD_DIR
set -uo pipefail
cli="$1/presslens-cli"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() {  # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
run() { out=$("$cli" "$@" 2>"$tmp/err"); code=$?; err=$(cat "$tmp/err"); }

run articles --format json
check "articles exits 0" test $code -eq 0
check "articles: nl for the Dutch article" test "$(node -e 'const a=JSON.parse(process.argv[1]);console.log(a[0].language)' "$out")" = nl
check "articles: en for the others" test "$(node -e 'const a=JSON.parse(process.argv[1]);console.log(a.slice(1).map(x=>x.language).join())' "$out")" = "en,en,en,en"
check "articles: boilerplate counted" test "$(node -e 'const a=JSON.parse(process.argv[1]);console.log(a.map(x=>x.boilerplate_lines).join())' "$out")" = "0,0,8,9,3"

run freq --top 30 --format csv
check "freq csv header" test "$(echo "$out" | head -1)" = "term,count,written"
check "freq: 30 rows" test "$(echo "$out" | tail -n +2 | wc -l)" -eq 30
check "freq: no stopwords in the top 30" bash -c '! echo "$1" | grep -qxE "(the|de|het|and|een|van|to|of|in|that),[0-9]+,.*"' _ "$out"
check "freq: no Cyrillic" bash -c '! echo "$1" | grep -qP "[\x{0400}-\x{04FF}]"' _ "$out"
check "freq: no curly apostrophes" bash -c '! echo "$1" | grep -q "’"' _ "$out"
run freq --keep-stopwords --top 1
check "freq --keep-stopwords: 'the' on top" bash -c 'echo "$1" | tail -1 | grep -q "^the "' _ "$out"
run freq --outlet CNET --stem --top 3 --format json
check "freq --outlet --stem works" bash -c 'echo "$1" | grep -q "\"term\": \"amazon\""' _ "$out"
run freq --article 0 --top 5
check "freq --article 0: Dutch words" bash -c 'echo "$1" | grep -q medewerkers' _ "$out"

run keyness --outlet "Metro US" --top 5 --format json
check "keyness exits 0" test $code -eq 0
check "keyness has log_likelihood" bash -c 'echo "$1" | grep -q log_likelihood' _ "$out"
run keyness --outlet Nope
check "keyness: unknown outlet exits 2" test $code -eq 2
check "keyness: lists the outlets" bash -c 'echo "$1" | grep -q "Sputnik International"' _ "$err"

run kwic palantir --width 20 --format csv
expected=$(cat "$(dirname "$0")"/../../assets/corpus/*.txt | grep -oi palantir | wc -l)
check "kwic: one line per 'palantir' in the corpus ($expected)" test "$(echo "$out" | tail -n +2 | wc -l)" -eq "$expected"

# files and directories
printf 'Outlet: Test Daily\nLanguage: en\n\nA headline\nThe employees wrote a letter. They want change.\n' > "$tmp/a.txt"
run articles "$tmp/a.txt" --format csv
check "txt with front matter" bash -c 'echo "$1" | grep -q "a.txt,Test Daily,A headline,en"' _ "$out"
run articles "$(dirname "$0")/../../assets/corpus" --format json
check "the assets directory + metadata.json = the default corpus" test "$("$cli" articles --format json)" = "$out"

# codebook and matrix
run matrix --format json
check "matrix exits 0" test $code -eq 0
jq_matrix() { node -e 'const a=JSON.parse(process.argv[1]);console.log(a.map(r=>r[process.argv[2]]>0?1:0).join(""))' "$out" "$1"; }
check "matrix: every outlet reports D1" test "$(jq_matrix D1)" = 11111
check "matrix: every outlet reports D2" test "$(jq_matrix D2)" = 11111
check "matrix: only CNET and Metro US report D3" test "$(jq_matrix D3)" = 00011
run matrix
check "matrix table: totals row" bash -c 'echo "$1" | grep -qE "^\(outlets reporting\) +5 +5 +2 "' _ "$out"
run evidence --format csv
check "evidence csv header" test "$(echo "$out" | head -1)" = "outlet,source,code,sentence,start,end,language,rule,best"
check "evidence: CNET's D3 bullet" bash -c 'echo "$1" | grep -q "^CNET,003_e9d2b8b8e93679c1.txt,D3,\"Implement strong transparency"' _ "$out"
check "evidence: offsets point into the source file" bash -c '
  line=$(echo "$1" | grep "^CNET,003_e9d2b8b8e93679c1.txt,D1,Stop selling facial recognition services to law enforcement,")
  start=$(echo "$line" | cut -d, -f5); end=$(echo "$line" | cut -d, -f6)
  [ "$(tail -c +$((start + 1)) "$2/003_e9d2b8b8e93679c1.txt" | head -c $((end - start)))" = "Stop selling facial recognition services to law enforcement" ]' _ "$out" "$(dirname "$0")/../../assets/corpus"
run matrix --why-empty --format json
check "why-empty: Dutch D3 explained" bash -c 'echo "$1" | grep -q "\"code\": \"D3\""' _ "$out"
run codebook default
printf '%s' "$out" > "$tmp/cb.json"
run codebook check "$tmp/cb.json"
check "codebook check: the default is valid" bash -c '[ $2 -eq 0 ] && echo "$1" | grep -q "valid: 10 codes"' _ "$err" $code
sed 's/"within": 3/"within": "x"/; 0,/"label": "Stop selling face recognition to law enforcement"/s//"label": 7/' "$tmp/cb.json" > "$tmp/bad.json"
run codebook check "$tmp/bad.json"
check "codebook check: wrong type named with line and column" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -qE "bad.json \(line [0-9]+, column [0-9]+\): /codes/0/label: expected a string, found number"' _ "$err" $code
run matrix --codebook "$tmp/bad.json"
check "matrix with a broken codebook: exit 1" test $code -eq 1
printf '{"codes": [{"id": "X", "label": "Palantir", "rules": [{"term": "palantir"}]}]}' > "$tmp/p.json"
run matrix --codebook "$tmp/p.json" --format csv
check "matrix with an own codebook" test "$(echo "$out" | head -1)" = "outlet,X,codes"

# codebook suggest / expand: an English claim carried into the corpus's other languages
mkdir -p "$tmp/story" "$tmp/nodict"
printf 'Outlet: Wire\nLanguage: en\n\nThe workers demand transparency on forced arbitration.\n' > "$tmp/story/a.txt"
printf 'Outlet: El Pais\nLanguage: es\n\nLos trabajadores exigen transparencia sobre el arbitraje forzoso.\n' > "$tmp/story/b.txt"
printf 'Outlet: NRC\nLanguage: nl\n\nDe werknemers eisen transparantie over gedwongen arbitrage.\n' > "$tmp/story/c.txt"
printf 'Outlet: Post\nLanguage: en\n\nStaff ask for an end to arbitrations.\n' > "$tmp/story/d.txt"
printf '{"name": "Walkout", "codes": [{"id": "W1", "label": "Transparency", "rules": [{"id": "W1-en", "lang": "en", "all": [["transparency", "arbitration"], ["demand*", "ask*"]]}]}]}' > "$tmp/en.json"
run matrix "$tmp/story" --codebook "$tmp/en.json" --format csv
check "before expand: the Spanish outlet is not covered (NA)" bash -c 'echo "$1" | grep -q "^El Pais,NA,0$"' _ "$out"
before=$out
run codebook suggest "$tmp/en.json" "$tmp/story" --format csv --dictionaries "$tmp/nodict"
check "suggest: exit 0" test $code -eq 0
check "suggest: header" test "$(echo "$out" | head -1)" = "code,rule,language,term,suggestion,source,articles,sentences,taken,example"
check "suggest: a Spanish cognate with its count and example" bash -c 'echo "$1" | grep -q "^W1,W1-en,es,transparency,transparencia,cognate,1,1,yes,Los trabajadores exigen"' _ "$out"
check "suggest: a form of an English term in the rule's own language, taken" bash -c 'echo "$1" | grep -q "^W1,W1-en,en,arbitration,arbitrations,form,1,1,yes,Staff ask for an end to arbitrations"' _ "$out"
check "suggest: the stance from the shared vocabulary" bash -c 'echo "$1" | grep -q "^W1,W1-en,nl,demand\*,@demand,vocabulary"' _ "$out"
check "suggest: a missing dictionary is said, not fatal" bash -c 'echo "$1" | grep -q "no dictionary for es, nl in .*nodict; suggestions for them come from the corpus only"' _ "$err"
run codebook expand "$tmp/en.json" "$tmp/story" --dictionaries "$tmp/nodict"
printf '%s' "$out" > "$tmp/expanded.json"
check "expand: exit 0" test $code -eq 0
run codebook check "$tmp/expanded.json" --format csv
check "expand: a valid codebook with a rule per language" bash -c '[ $2 -eq 0 ] && echo "$1" | grep -q "^W1,,Transparency,,3,en es nl$"' _ "$out" $code
run matrix "$tmp/story" --codebook "$tmp/expanded.json" --format csv
check "before expand: the English form is not matched" bash -c 'echo "$1" | grep -q "^Post,0,0$"' _ "$before"
check "after expand: Spanish and Dutch report the claim" bash -c 'echo "$1" | grep -q "^El Pais,1,1$" && echo "$1" | grep -q "^NRC,1,1$"' _ "$out"
check "after expand: the English rule holds the form" bash -c 'echo "$1" | grep -q "^Post,1,1$"' _ "$out"
run codebook expand "$tmp/expanded.json" "$tmp/story" --dictionaries "$tmp/nodict"
check "expand: an expanded codebook has nothing left to add (same bytes)" bash -c 'diff -q <(printf "%s" "$1") "$2" >/dev/null' _ "$out" "$tmp/expanded.json"
# a shared vocabulary is weighed by its content words: @demand's Dutch modal "moet" in five sentences
# of ten does not make it far more frequent than "demand*" in English (one sentence of ten)
mkdir -p "$tmp/modal"
printf 'Outlet: Wire\nLanguage: en\n\nThe staff demand a vote. The firm is large. The board met. The office is new. The city is busy. The sun shone. The train was late. The shop closed. The price rose. The team won.\n' > "$tmp/modal/en.txt"
printf 'Outlet: NRC\nLanguage: nl\n\nHet personeel eist een stemming. Het bedrijf moet groeien. De trein moet op tijd. Het team moet winnen. De winkel moet open. De stad moet schoon. De zon scheen. De prijs steeg. Het kantoor is nieuw. De raad vergaderde.\n' > "$tmp/modal/nl.txt"
printf '{"name": "x", "codes": [{"id": "D", "label": "Demand", "rules": [{"id": "D-en", "lang": "en", "any": ["demand*"]}]}]}' > "$tmp/modal-cb.json"
run codebook suggest "$tmp/modal-cb.json" "$tmp/modal" --dictionaries "$tmp/nodict" --format csv
check "suggest: a vocabulary is weighed without the modals it lists (@demand for Dutch)" bash -c 'echo "$1" | grep -q "^D,D-en,nl,demand\*,@demand,vocabulary,"' _ "$out"
run codebook suggest "$tmp/en.json" "$tmp/story" --dictionaries "$tmp/story/a.txt"
check "suggest: a dictionary path that is a file still suggests from the corpus" test $code -eq 0
run codebook expand "$tmp/en.json" "$tmp/story" --dictionaries "$tmp/nodict" --parallel sideways
check "expand --parallel: a wrong mode is named" bash -c '[ $2 -eq 2 ] && echo "$1" | grep -q "parallel takes agreeing, keyness or off, not .sideways."' _ "$err" $code
for mode in off agreeing keyness; do
  run codebook expand "$tmp/en.json" "$tmp/story" --dictionaries "$tmp/nodict" --parallel $mode
  printf '%s' "$out" > "$tmp/expanded-$mode.json"
  run codebook check "$tmp/expanded-$mode.json" --format csv
  check "expand --parallel $mode: a valid codebook with a rule per language" bash -c '[ $2 -eq 0 ] && echo "$1" | grep -q "^W1,,Transparency,,3,en es nl$"' _ "$out" $code
done

# agreement between two coders' codings
printf 'article,code,value\n' > "$tmp/ka.csv"; printf 'article,code,value,coder\n' > "$tmp/kb.csv"
for i in 0 1 2 3 4 5 6 7 8 9; do
  printf 'u%s.txt,X,%s\n' $i "$(echo 0 1 0 0 0 0 0 0 1 0 | cut -d' ' -f$((i + 1)))" >> "$tmp/ka.csv"
  printf 'u%s.txt,X,%s,Bo\n' $i "$(echo 1 1 1 0 0 1 0 0 0 0 | cut -d' ' -f$((i + 1)))" >> "$tmp/kb.csv"
done
printf 'u0.txt,Y,1\nu1.txt,Y,1\n' >> "$tmp/ka.csv"; printf 'u0.txt,Y,1,Bo\nu1.txt,Y,1,Bo\n' >> "$tmp/kb.csv"
run agreement "$tmp/ka.csv" "$tmp/kb.csv" --format json
check "agreement: exit 0" test $code -eq 0
check "agreement: Krippendorff's example, alpha 0.095" bash -c 'node -e "const r=JSON.parse(process.argv[1]); process.exit(r[0].code===\"X\" && r[0].n===10 && Math.abs(r[0].alpha-0.0952)<0.001 ? 0 : 1)" "$1"' _ "$out"
check "agreement: one value only gives null and says why" bash -c 'node -e "const r=JSON.parse(process.argv[1]); process.exit(r[1].code===\"Y\" && r[1].kappa===null && r[1].alpha===null && /every unit 1/.test(r[1].note) ? 0 : 1)" "$1"' _ "$out"
run agreement "$tmp/ka.csv" "$tmp/kb.csv" --format csv
check "agreement csv: NA, not NaN" bash -c 'echo "$1" | grep -q "^Y,2,1.000,NA,NA," && ! echo "$1" | grep -qi nan' _ "$out"
printf 'article,code,value\nu1.txt,X,2\nu2.txt,X,1\nu2.txt,X,0\n' > "$tmp/kbad.csv"
run agreement "$tmp/ka.csv" "$tmp/kbad.csv"
check "agreement: a bad value and a duplicate row are named, exit 1" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "kbad.csv: row 2: value \"2\" is not 0 or 1 (and 1 more problem)"' _ "$err" $code
printf 'article,code,value\nother.txt,X,1\n' > "$tmp/kother.csv"
run agreement "$tmp/ka.csv" "$tmp/kother.csv"
check "agreement: another project's codings: nothing in common, said" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "code no article x claim in common"' _ "$err" $code

# project files (.presslens): written, read back with their codebook, refused when damaged
"$cli" project --name "Letter" > "$tmp/p.presslens" 2>"$tmp/err"; code=$?
check "project: writes a project file" bash -c '[ $1 -eq 0 ] && head -1 "$2" | grep -qx "presslens-project 1"' _ $code "$tmp/p.presslens"
run matrix --format csv
default_matrix=$out
run matrix "$tmp/p.presslens" --format csv
check "project: matrix of the project equals the default corpus's (its codebook used)" test "$out" = "$default_matrix"
"$cli" project "$tmp/p.presslens" > "$tmp/p2.presslens" 2>/dev/null
check "project: a project written from a project is byte-identical" cmp -s "$tmp/p.presslens" "$tmp/p2.presslens"
printf '{"codes": [{"id": "X", "label": "Rekognition", "rules": [{"id": "x", "lang": "*", "term": "rekognition"}]}]}' > "$tmp/x.json"
run matrix "$tmp/p.presslens" --codebook "$tmp/x.json" --format csv
check "project: --codebook overrides the project's" bash -c 'echo "$1" | head -1 | grep -q "^outlet,X"' _ "$out"
head -c 3000 "$tmp/p.presslens" > "$tmp/cut.presslens"
run articles "$tmp/cut.presslens"
check "project: truncated is refused with the place" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "cut.presslens: .*truncated"' _ "$err" $code
printf 'presslens-project 9\n' > "$tmp/new.presslens"
run articles "$tmp/new.presslens"
check "project: a newer format is refused, saying so" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "newer Presslens (project format 9)"' _ "$err" $code

# a project's review (docs/formats.md): its decisions override the rules in matrix and evidence
node -e '
const fs = require("fs");
const b = fs.readFileSync(process.argv[1]);
const at = b.lastIndexOf("\n{\"link\"") + 1;
const review = JSON.stringify({decisions: [
  {article: "002_21dcaa8bcce8cfbc.txt", code: "D1", kind: "reject", value: 0, coder: "Ann", time: "2026-11-29T10:00:00Z"},
  {article: "002_21dcaa8bcce8cfbc.txt", code: "D3", kind: "add", value: 1, coder: "Ann", time: "2026-11-29T10:01:00Z"}], others: []});
const rec = Buffer.from(JSON.stringify({bytes: Buffer.byteLength(review), record: "review"}) + "\n" + review + "\n");
fs.writeFileSync(process.argv[2], Buffer.concat([b.subarray(0, at), rec, b.subarray(at)]));
' "$tmp/p.presslens" "$tmp/r.presslens"
run matrix "$tmp/r.presslens" --format json
check "review: matrix: the rejected cell is 0, the cell added by hand 1" bash -c 'node -e "const r=JSON.parse(process.argv[1]).find(x=>x.outlet===\"Sputnik International\"); process.exit(r.D1===0 && r.D3===1 ? 0 : 1)" "$1"' _ "$out"
run evidence "$tmp/r.presslens" --format json
check "review: evidence rows carry state and coder" bash -c 'node -e "const r=JSON.parse(process.argv[1]).filter(x=>x.source.startsWith(\"002_\") && x.code===\"D1\"); process.exit(r.length===3 && r.every(x=>x.state===\"rejected\" && x.coder===\"Ann\") ? 0 : 1)" "$1"' _ "$out"
run codings "$tmp/r.presslens" --format csv
check "codings: the reviewed units, as a codings CSV" test "$out" = "$(printf 'article,code,value,coder\n002_21dcaa8bcce8cfbc.txt,D1,0,Ann\n002_21dcaa8bcce8cfbc.txt,D3,1,Ann')"
run codings "$tmp/p.presslens"
check "codings: nothing reviewed is said, exit 1" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "nothing reviewed yet"' _ "$err" $code
run codings "$tmp/p.presslens" --rules --format csv
check "codings --rules: every article x claim" test "$(echo "$out" | tail -n +2 | wc -l)" -eq 50
run review "$tmp/r.presslens" --format json
check "review: the rules against the review (1 fp, 1 fn, no tp)" bash -c 'node -e "const r=JSON.parse(process.argv[1]); const a=r[r.length-1]; process.exit(a.code===\"(all)\" && a.n===2 && a.tp===0 && a.fp===1 && a.fn===1 && a.precision===0 ? 0 : 1)" "$1"' _ "$out"
"$cli" project "$tmp/r.presslens" > "$tmp/r2.presslens" 2>/dev/null
check "review: a project written again keeps its review byte-identical" cmp -s "$tmp/r.presslens" "$tmp/r2.presslens"
sed 's/"kind":"reject"/"kind":"rejekt"/' "$tmp/r.presslens" > "$tmp/rbad.presslens"
run matrix "$tmp/rbad.presslens"
check "review: a damaged review is refused, naming the field" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "review record.*decisions/0/kind"' _ "$err" $code

run matrix --labels --format csv
check "matrix --labels: columns headed ID: label" bash -c 'echo "$1" | head -1 | grep -q "^outlet,D1: Stop selling face recognition"' _ "$out"

# bad input: clear message, non-zero exit
run articles "$tmp/missing.txt"
check "missing file: exit 1" test $code -eq 1
check "missing file: named" bash -c 'echo "$1" | grep -q "missing.txt: no such file"' _ "$err"
printf 'DATA\001\002\000\000binary' > "$tmp/b.txt"
run articles "$tmp/b.txt"
check "binary file of no known kind: exit 1 and offset" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "binary file.*byte 6"' _ "$err" $code
printf '{"articles": [\n  {"text": "x",}\n]}' > "$tmp/c.json"
run articles "$tmp/c.json"
check "broken JSON: line and column" bash -c 'echo "$1" | grep -q "c.json (line 2, column"' _ "$err"
printf '{"articles": [{"text": 3}]}' > "$tmp/d.json"
run articles "$tmp/d.json"
check "wrong field type: field named" bash -c 'echo "$1" | grep -q "/articles/0/text"' _ "$err"
printf 'ok \377\376 text\n' > "$tmp/e.txt"
run articles "$tmp/e.txt"
check "invalid UTF-8: warning with offset, still exit 0" bash -c '[ $2 -eq 0 ] && echo "$1" | grep -q "2 invalid UTF-8 sequence(s), the first at byte 3"' _ "$err" $code
mkdir "$tmp/empty"
run articles "$tmp/empty"
check "empty directory: message" bash -c 'echo "$1" | grep -q "holds no .txt, .html or .json"' _ "$err"
run freq --top zero
check "bad --top: exit 2" test $code -eq 2
run frobnicate
check "unknown command: exit 2" test $code -eq 2

# text: the body that counts, of any input it reads
cat > "$tmp/page.html" <<'PAGE'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge approved | The Courier</title>
<meta property="og:site_name" content="The Courier"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge approved</h1><p>The council voted on Tuesday to build a new bridge, ending a long debate.</p>
<p>Work starts next spring, the mayor said.</p><div class="share"><a href="#">Share this</a></div></article>
<footer>Copyright The Courier</footer></body></html>
PAGE
run text "$tmp/page.html"
check "text: a saved page's title and paragraphs" test "$out" = "Bridge approved

The council voted on Tuesday to build a new bridge, ending a long debate.

Work starts next spring, the mayor said."
run articles "$tmp/page.html" --format csv
check "articles: a saved page's outlet and title" bash -c 'echo "$1" | grep -q "^0,page.html,The Courier,Bridge approved,en,"' _ "$out"
run text "$tmp/a.txt"
check "text: front matter left out" test "$out" = "A headline
The employees wrote a letter. They want change."
run text "$tmp/a.txt" "$tmp/page.html"
check "text: several articles, each after its source" bash -c '[ "$(echo "$1" | grep -c "^==> ")" -eq 2 ] && echo "$1" | grep -qx "==> page.html <=="' _ "$out"
printf '{"articles": [{"text": "One\\n\\nFirst text.", "source": "one"}, {"text": "Second text.", "source": "two"}]}' > "$tmp/corpus.json"
run text "$tmp/corpus.json"
check "text: a JSON corpus" test "$out" = "==> one <==
One

First text.

==> two <==
Second text."
printf '   <!doctype html><p>A pasted page saved as text, read as HTML.</p>' > "$tmp/saved.txt"
run text "$tmp/saved.txt"
check "text: HTML in a .txt is read as HTML" test "$out" = "A pasted page saved as text, read as HTML."
printf '<html><head><title>Only a title</title></head></html>' > "$tmp/nobody.html"
run text "$tmp/nobody.html"
check "text: no article text: exit 1, file named" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -q "no article text found in .*nobody.html"' _ "$err" $code
mkdir -p "$tmp/saved/story_files"
cp "$tmp/page.html" "$tmp/saved/story.html"
printf '<html><body><p>An ad frame of the saved page, not an article at all, with text.</p></body></html>' > "$tmp/saved/story_files/frame.html"
printf 'x' > "$tmp/saved/story_files/style.css"
run articles "$tmp/saved" --format csv
check "a complete save: page.html read, page_files/ left out" bash -c '[ "$(echo "$1" | tail -n +2 | wc -l)" -eq 1 ] && echo "$1" | grep -q "story.html"' _ "$out"

# files that are not text: refused by signature whatever the name, saying what they are
refuse() {  # refuse FILE-NAME PRINTF-FORMAT-OF-ITS-BYTES WHAT-IT-IS
  printf "$2" > "$tmp/$1"
  run text "$tmp/$1"
  check "refused: $1 is $3" bash -c '[ $2 -eq 1 ] && echo "$1" | grep -qF "$3, not text: "' _ "$err" $code "$1 is $3"
}
refuse report.txt '%%PDF-1.5\n%%\342\343\317\323\nstream\nx\234\313 compressed' "a PDF document"
refuse letter.txt 'PK\003\004\024\000\006\000[Content_Types].xml word/document.xml' "a Word document (DOCX)"
refuse book.html 'PK\003\004\012\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\010\000\000\000mimetypeapplication/epub+zip' "an e-book (EPUB)"
refuse bundle.txt 'PK\003\004\024\000 one.txt' "a ZIP archive"
refuse notes.txt '{\\rtf1\\ansi Hello}' "a Rich Text document (RTF)"
refuse photo.txt '\211PNG\r\n\032\n\000\000' "a PNG image"
refuse scan.json '\377\330\377\340\000\020JFIF' "a JPEG image"
refuse talk.txt 'ID3\004\000\000' "an MP3 audio file"
refuse clip.txt '\000\000\000\030ftypmp42' "an MPEG-4 video (MP4)"
refuse tool.txt '\177ELF\002\001\001' "a program (ELF executable)"
refuse archive.txt '\037\213\010\000' "a gzip-compressed file"
refuse db.txt 'SQLite format 3\000' "an SQLite database"

# each sentence's own language (issue 18): an English article quoting a German and a Swedish sentence
printf 'Title: Mixed\n\nAmazon employees wrote a letter to chief executive Jeff Bezos about face recognition.\nThey quoted the demands of workers in Germany and Sweden, who wrote in their own languages.\nDie Mitarbeiter fordern, dass das Unternehmen den Verkauf an die Polizei sofort stoppt.\nDe anställda kräver att företaget slutar sälja programvaran till polisen.\n' > "$tmp/mixed.txt"
run sentences "$tmp/mixed.txt" --format json
check "sentences exits 0" test $code -eq 0
check "sentences: en, en, de, sv" test "$(node -e 'const a=JSON.parse(process.argv[1]);console.log(a.map(x=>x.language).join())' "$out")" = "en,en,de,sv"
run articles "$tmp/mixed.txt" --format csv
check "articles: the mixed article is English (most of its sentences' bytes)" bash -c 'echo "$1" | tail -1 | grep -q ",en,"' _ "$out"

# the Apertium converter (cmake/gen_apertium.py) on a small dictionary dump written for the test,
# and its refusal of a folder that is not there
here=$(cd "$(dirname "$0")/../.." && pwd)
check "gen_apertium.py self-test on tests/fixtures/apertium-bidix.att" \
  python3 "$here/cmake/gen_apertium.py" --self-test "$here/tests/fixtures/apertium-bidix.att"
check "gen_apertium.py: a missing folder is named" bash -c \
  'python3 "$1" "$2/nope" "$2" 2>&1 | grep -q "nope is not a folder"' _ "$here/cmake/gen_apertium.py" "$tmp"

# the Mueller converter (cmake/gen_mueller.py): its reading of entries and its merge on a dictionary
# it writes itself, and its refusal of a folder that is not there
check "gen_mueller.py self-test" python3 "$here/cmake/gen_mueller.py" --self-test
check "gen_mueller.py: a missing folder is named" bash -c \
  'python3 "$1" "$2/nope" "$2" 2>&1 | grep -q "nope is not a folder"' _ "$here/cmake/gen_mueller.py" "$tmp"

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
