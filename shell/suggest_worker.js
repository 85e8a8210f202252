// The suggestion worker (a Web Worker started by suggest.js): the full suggestion engine,
// presslens-suggest.js/.wasm (wasm/suggest_worker.cpp), and the dictionary tables it reads,
// dict-en-<lang>.tsv.gz beside the page (cmake/pack_dictionaries.py), each fetched the first time
// a request names its language and kept for the next. A message {id, request, languages} is
// answered {id, json} (io/suggestions_io.hpp; a table that could not be had is named in its
// errors, the rest go on without it) or {id, error} when the engine itself could not run.
'use strict';
importScripts('presslens-suggest.js');
var engine = PresslensSuggest({printErr: function (t) { console.error('presslens-suggest: ' + t); }});
var tables = {};  // language -> Promise of the unpacked table

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

onmessage = function (e) {
  var m = e.data;
  var got = m.languages.map(function (l) {
    return table(l).then(function (b) { return {lang: l, bytes: b}; }, function (err) { return {lang: l, error: err.message}; });
  });
  Promise.all([engine].concat(got)).then(function (r) {
    var mod = r[0], list = r.slice(1), held = [], enc = new TextEncoder();
    var ok = list.filter(function (x) { return x.bytes; });
    var errors = list.filter(function (x) { return x.error; }).map(function (x) { return x.error; });
    function put(bytes) {  // NUL-terminated, in the engine's memory
      var p = mod._malloc(bytes.length + 1);
      if (!p) throw new Error('out of memory for ' + bytes.length + ' bytes');
      mod.HEAPU8.set(bytes, p);
      mod.HEAPU8[p + bytes.length] = 0;
      held.push(p);
      return p;
    }
    try {
      var request = put(m.request);
      var langs = put(enc.encode(ok.map(function (x) { return x.lang; }).join(' ')));
      var ptrs = put(new Uint8Array(4 * ok.length)), sizes = put(new Uint8Array(4 * ok.length));
      ok.forEach(function (x, i) {
        var at = put(x.bytes);  // (may grow the memory: HEAP32 is read after)
        mod.HEAP32[(ptrs >> 2) + i] = at;
        mod.HEAP32[(sizes >> 2) + i] = x.bytes.length;
      });
      var errs = put(enc.encode(errors.join('\n')));
      var out = mod._pl_suggest(request, m.request.length, langs, ptrs, sizes, ok.length, errs);
      var h = mod.HEAPU8, end = out;
      while (h[end]) end++;
      var json = new TextDecoder().decode(h.subarray(out, end));
      postMessage({id: m.id, json: json});
    } finally {
      held.forEach(function (p) { mod._free(p); });
    }
  }).catch(function (err) {
    postMessage({id: m.id, error: 'the suggestion engine could not run (' + ((err && err.message) || err) + ')'});
  });
};
