// The suggestion worker (a Web Worker started by suggest.js): the full suggestion engine,
// presslens-suggest.js/.wasm (wasm/suggest_worker.cpp), and the dictionary tables it reads,
// dict-en-<lang>.tsv.gz beside the page (cmake/pack_dictionaries.py), each fetched the first time
// a request names its language and kept for the next. A message {corpus, parts} is the corpus the
// next lookups are for (a saved corpus in pieces: read and analysed once, kept until the next one).
// A lookup {id, corpus, codebook, languages} is answered {id, json, corpusReads}
// (io/suggestions_io.hpp; a table that could not be had is named in its errors, the rest go on
// without it) or {id, error, corpusReads} when the engine could not run or holds another corpus
// than the lookup's; corpusReads counts the corpora read so far.
'use strict';
importScripts('presslens-suggest.js');
var engine = PresslensSuggest({printErr: function (t) { console.error('presslens-suggest: ' + t); }});
var tables = {};  // language -> Promise of the unpacked table
// the corpus held: its generation, or why it could not be read; `read` settles once it is read (a
// lookup that came after the corpus waits for it)
var held = {generation: -1, error: 'no corpus was sent'}, read = Promise.resolve(), corpusReads = 0;

function table(lang) {
  var name = 'dict-en-' + lang + '.tsv.gz';
  if (tables[lang]) return tables[lang];
  tables[lang] = fetch(name).then(function (res) {
    if (!res.ok) throw new Error(name + ': HTTP ' + res.status);
    return res.arrayBuffer();
  }, function (e) { throw new Error(name + ': could not be downloaded (' + e.message + ')'); }).then(function (buf) {
    var b = new Uint8Array(buf);
    // a server may have unpacked it already (Content-Encoding: gzip)
    if (b.length < 2 || b[0] !== 0x1f || b[1] !== 0x8b) return b;
    return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then(
      function (x) { return new Uint8Array(x); },
      function (e) { throw new Error(name + ': not a readable gzip file (' + e.message + ')'); });
  });
  tables[lang].catch(function () { delete tables[lang]; });  // asked again with the next request
  return tables[lang];
}

// Reads the corpus's pieces into the engine: copied into its memory one after another, read there.
function readCorpus(mod, m) {
  var size = m.parts.reduce(function (n, b) { return n + b.length; }, 0), p = mod._malloc(size + 1);
  held = {generation: m.corpus, error: ''};
  if (!p) return (held.error = 'out of memory for the corpus (' + size + ' bytes)');
  try {
    var at = p;
    m.parts.forEach(function (b) { mod.HEAPU8.set(b, at); at += b.length; });
    m.parts = null;
    var out = mod._pl_corpus(p, size), h = mod.HEAPU8, end = out;
    while (h[end]) end++;
    held.error = new TextDecoder().decode(h.subarray(out, end));
  } finally {
    mod._free(p);
    corpusReads++;
  }
}

onmessage = function (e) {
  var m = e.data;
  if (m.parts) {
    read = read.then(function () { return engine; }).then(function (mod) { readCorpus(mod, m); }).catch(function (err) {
      held = {generation: m.corpus, error: (err && err.message) || String(err)};
    });
    return;
  }
  var got = m.languages.map(function (l) {
    return table(l).then(function (b) { return {lang: l, bytes: b}; }, function (err) { return {lang: l, error: err.message}; });
  });
  Promise.all([engine, read].concat(got)).then(function (r) {
    var mod = r[0], list = r.slice(2), held_now = held, enc = new TextEncoder(), kept = [];
    if (held_now.generation !== m.corpus)
      return postMessage({id: m.id, error: 'the worker holds another corpus than the lookup\'s', corpusReads: corpusReads});
    if (held_now.error)
      return postMessage({id: m.id, error: 'the corpus could not be read (' + held_now.error + ')', corpusReads: corpusReads});
    var ok = list.filter(function (x) { return x.bytes; });
    var errors = list.filter(function (x) { return x.error; }).map(function (x) { return x.error; });
    function put(bytes) {  // NUL-terminated, in the engine's memory
      var p = mod._malloc(bytes.length + 1);
      if (!p) throw new Error('out of memory for ' + bytes.length + ' bytes');
      mod.HEAPU8.set(bytes, p);
      mod.HEAPU8[p + bytes.length] = 0;
      kept.push(p);
      return p;
    }
    try {
      var codebook = put(m.codebook);
      var langs = put(enc.encode(ok.map(function (x) { return x.lang; }).join(' ')));
      var ptrs = put(new Uint8Array(4 * ok.length)), sizes = put(new Uint8Array(4 * ok.length));
      ok.forEach(function (x, i) {
        var at = put(x.bytes);  // (may grow the memory: HEAP32 is read after)
        mod.HEAP32[(ptrs >> 2) + i] = at;
        mod.HEAP32[(sizes >> 2) + i] = x.bytes.length;
      });
      var errs = put(enc.encode(errors.join('\n')));
      var out = mod._pl_suggest(codebook, m.codebook.length, langs, ptrs, sizes, ok.length, errs);
      var h = mod.HEAPU8, end = out;
      while (h[end]) end++;
      var json = new TextDecoder().decode(h.subarray(out, end));
      postMessage({id: m.id, json: json, corpusReads: corpusReads});
    } finally {
      kept.forEach(function (p) { mod._free(p); });
    }
  }).catch(function (err) {
    postMessage({id: m.id, error: 'the suggestion engine could not run (' + ((err && err.message) || err) + ')', corpusReads: corpusReads});
  });
};
