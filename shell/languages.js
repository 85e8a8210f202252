// The page's language module, fetched after the first frame (page.js adds this script when the app
// is ready; never part of the first load): CLD2 as a program of its own (presslens-cld2.js/.wasm,
// wasm/language_module.cpp) and the language data (presslens-languages.bin: CLD2's tables, the
// stopword lists not compiled into the app and the word tables of its Thai, Lao, Khmer and Burmese
// segmenter). Everything it offers is in one object,
// window.presslens.languages (docs/architecture.md, "The page and the app"):
//   state      'loading', then 'ready' or 'failed'
//   error      why it failed ('' otherwise)
//   requestedMs  performance.now() when the fetch began (after the app's first frame)
//   data       for the app: the language data without CLD2's tables (they stay in the module)
//   detect(bytes, bestEffort, spans) -> "code percent reliable other[ begin end code]..."
//   (wasm/language_module.cpp's answer, read by wasm/language_web.cpp); known(s), name(s) -> string
// The app (wasm/language_web.cpp, wasm/platform_web.cpp) calls these synchronously.
'use strict';
(function () {
  var L = window.presslens.languages = {state: 'loading', error: '', requestedMs: performance.now(), data: null};
  function wake() { if (window.Module && Module._presslens_wake) Module._presslens_wake(); }
  function fail(why) {
    L.state = 'failed';
    L.error = why;
    wake();
  }
  var moduleReady = new Promise(function (resolve, reject) {
    var s = document.createElement('script');
    s.src = 'presslens-cld2.js';
    s.onload = function () {
      if (typeof window.PresslensCld2 !== 'function') { reject(new Error('presslens-cld2.js did not define the module')); return; }
      window.PresslensCld2({printErr: function (t) { console.error('presslens-cld2: ' + t); }}).then(resolve, reject);
    };
    s.onerror = function () { reject(new Error('could not load presslens-cld2.js')); };
    document.body.appendChild(s);
  });
  var dataReady = fetch('presslens-languages.bin').then(function (res) {
    if (!res.ok) throw new Error('presslens-languages.bin: HTTP ' + res.status);
    return res.arrayBuffer();
  }, function (e) { throw new Error('could not download presslens-languages.bin (' + e.message + ')'); });

  Promise.all([moduleReady, dataReady]).then(function (r) {
    var m = r[0], buf = r[1], v = new DataView(buf);
    var magic = new TextDecoder().decode(new Uint8Array(buf, 0, Math.min(8, buf.byteLength)));
    if (buf.byteLength < 32 || magic !== 'PLLANG2\n') throw new Error('presslens-languages.bin is not a language data file');
    var cld2 = v.getUint32(8, true), rest = v.getUint32(12, true) + v.getUint32(16, true);
    if (32 + cld2 + rest !== buf.byteLength)
      throw new Error('presslens-languages.bin is ' + buf.byteLength + ' bytes, its header says ' + (32 + cld2 + rest));
    // CLD2 reads its tables in place: they stay in the module's memory for good
    var at = m._malloc(cld2);
    m.HEAPU8.set(new Uint8Array(buf, 32, cld2), at);
    var why = cstr(m, m._pl_cld2_load(at, cld2));
    if (why) throw new Error(why);
    // the app's part (the stopword lists and the word tables): the same layout with an empty CLD2
    // part (core/language.hpp, LoadLanguageData)
    var data = new Uint8Array(32 + rest);
    data.set(new Uint8Array(buf, 0, 32));
    new DataView(data.buffer).setUint32(8, 0, true);
    data.set(new Uint8Array(buf, 32 + cld2, rest), 32);
    var scratch = 0, room = 0;
    function put(bytes) {  // into the module's memory, NUL-terminated
      if (bytes.length + 1 > room) {
        if (scratch) m._free(scratch);
        room = Math.max(bytes.length + 1, 2 * room, 4096);
        scratch = m._malloc(room);
      }
      m.HEAPU8.set(bytes, scratch);
      m.HEAPU8[scratch + bytes.length] = 0;
      return scratch;
    }
    var enc = new TextEncoder();
    L.detect = function (bytes, best, spans) {
      return cstr(m, m._pl_cld2_detect(put(bytes), bytes.length, best ? 1 : 0, spans ? 1 : 0));
    };
    L.known = function (s) { return cstr(m, m._pl_cld2_known(put(enc.encode(s)))); };
    L.name = function (s) { return cstr(m, m._pl_cld2_name(put(enc.encode(s)))); };
    L.data = data;
    L.state = 'ready';
    wake();
  }).catch(function (e) { fail(e.message); });

  function cstr(m, p) {
    var h = m.HEAPU8, end = p;
    while (h[end]) end++;
    return new TextDecoder().decode(h.subarray(p, end));
  }
})();
