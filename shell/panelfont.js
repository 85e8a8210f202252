// A font for the app's panels (its ImGui atlas; docs/accessibility.md): the page's WOFF file,
// fetched and unpacked to the TrueType/OpenType tables stb_truetype reads (a WOFF table is the
// same table, zlib-compressed when that saved room). Loaded by mirror.js when first needed; the
// app takes the bytes from window.presslens.fontFiles (wasm/platform_web.cpp).
'use strict';
(function () {
  window.presslens = window.presslens || {};  // the page's side of the app (docs/architecture.md)
  function woffToSfnt(buf) {
    var v = new DataView(buf);
    if (v.getUint32(0) !== 0x774F4646) throw new Error('not a WOFF file');
    var n = v.getUint16(12), tables = [];
    for (var i = 0; i < n; i++) {
      var o = 44 + 20 * i;
      tables.push({tag: v.getUint32(o), at: v.getUint32(o + 4), size: v.getUint32(o + 8), full: v.getUint32(o + 12), sum: v.getUint32(o + 16)});
    }
    return Promise.all(tables.map(function (t) {
      var data = new Uint8Array(buf, t.at, t.size);
      if (t.size === t.full) return data;
      return new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer()
        .then(function (b) { return new Uint8Array(b); });
    })).then(function (datas) {
      var at = 12 + 16 * n, total = at;
      datas.forEach(function (d) { total += (d.length + 3) & ~3; });
      var out = new Uint8Array(total), w = new DataView(out.buffer);
      var pow = 1, log = 0;
      while (pow * 2 <= n) { pow *= 2; log++; }
      w.setUint32(0, v.getUint32(4)); w.setUint16(4, n); w.setUint16(6, pow * 16); w.setUint16(8, log); w.setUint16(10, n * 16 - pow * 16);
      tables.forEach(function (t, i) {
        var r = 12 + 16 * i;
        w.setUint32(r, t.tag); w.setUint32(r + 4, t.sum); w.setUint32(r + 8, at); w.setUint32(r + 12, datas[i].length);
        out.set(datas[i], at);
        at += (datas[i].length + 3) & ~3;
      });
      return out;
    });
  }
  window.presslens.fetchFont = function (name, done) {
    fetch('fonts/' + name + '.woff').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(woffToSfnt).then(function (bytes) {
      window.presslens.fontFiles[name] = {bytes: bytes};
    }, function (e) {
      window.presslens.fontFiles[name] = {error: 'fonts/' + name + '.woff: ' + e.message};
    }).then(done);
  };

})();
