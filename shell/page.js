// The page around the app: loading progress, errors, waking the idle loop, dropped and picked
// files, browser storage, paste. Kept out of index.html so the Content-Security-Policy can
// forbid inline script.
'use strict';
(function () {
  window.presslens = window.presslens || {};  // the page's side of the app (docs/architecture.md)
  var overlay = document.getElementById('overlay');
  var msg = document.getElementById('msg');
  var fill = document.getElementById('fill');
  var canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // a policy violation is a bug: make it visible to users and tests
  document.addEventListener('securitypolicyviolation', function (e) {
    window.presslens.cspViolations = (window.presslens.cspViolations || []).concat(e.violatedDirective + ' ' + e.blockedURI);
  });
  window.presslens.ready = false;

  function showError(text) {
    window.presslens.error = text;
    overlay.classList.remove('hidden');
    document.getElementById('bar').style.display = 'none';
    msg.className = 'error';
    msg.textContent = text;
  }
  window.presslens.showError = showError;
  window.presslens.onReady = function () {
    overlay.classList.add('hidden');
    canvas.focus();
    // CLD2's 83 languages come after the first frame, never in the first load (languages.js)
    var l = document.createElement('script');
    l.src = 'languages.js';
    l.onerror = function () { window.presslens.languages = {state: 'failed', error: 'could not load languages.js'}; wake(); };
    document.body.appendChild(l);
  };

  // Dictionary translations for the suggestions (wasm/suggest_bridge.cpp): the suggestion worker
  // comes with suggest.js, loaded the first time the app asks, never in the first load.
  var P = window.presslens;
  P.dictionaryAnswers = [];
  P.pendingLookups = [];
  P.lookUpDictionaries = function (request, languages, corpus, codebook) {
    P.pendingLookups.push([request, languages, corpus, codebook]);
    if (P.suggest) return P.suggest.flush();
    if (P.suggestRequestedMs) return;
    P.suggestRequestedMs = performance.now();
    var s = document.createElement('script');
    s.src = 'suggest.js';
    s.onerror = function () {
      P.suggestRequestedMs = 0;  // tried again with the next request
      P.pendingLookups.splice(0).forEach(function (r) {
        P.dictionaryAnswers.push({list: [], errors: [], error: 'could not load suggest.js', corpus: r[2], codebook: r[3]});
      });
      wake();
    };
    document.body.appendChild(s);
  };

  function kb(n) { return (n / 1024).toFixed(0) + ' KB'; }

  // The app sleeps while nothing changes; any input wakes it (see wasm/platform_web.cpp).
  function wake() { if (window.Module && Module._presslens_wake) Module._presslens_wake(); }
  ['pointermove', 'pointerdown', 'pointerup', 'mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown',
   'keyup', 'keypress', 'touchstart', 'touchmove', 'touchend', 'resize', 'focus', 'blur',
   'visibilitychange', 'input', 'compositionend', 'paste', 'drop', 'dragover', 'hashchange', 'popstate'].forEach(function (t) {
    window.addEventListener(t, wake, {capture: true, passive: true});
  });

  // ---- the user's files: dropped on the page or picked; read here, handed to the app in batches
  // (window.presslens.batches, read by wasm/platform_web.cpp). Nothing leaves the machine.
  window.presslens.batches = [];
  var dropzone = document.getElementById('dropzone'), picker = document.getElementById('picker');
  function readBatch(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (!files.length) return;
    Promise.all(files.map(function (f) {
      // over the app's limit (File > Limits): not read at all, the app names the limit
      if (window.presslens.maxFileBytes && f.size > window.presslens.maxFileBytes)
        return Promise.resolve({name: f.name, size: f.size, tooBig: true});
      return f.arrayBuffer().then(function (buf) { return {name: f.name, bytes: new Uint8Array(buf)}; },
                                  function (e) {
                                    // a dropped folder arrives as an unreadable file with no type
                                    var folder = !f.type && f.size % 4096 === 0 ? '; if it is a folder, drop the files in it instead' : '';
                                    return {name: f.name, error: 'could not be read (' + e.message + ')' + folder};
                                  });
    })).then(function (batch) { window.presslens.batches.push(batch); wake(); });
  }
  var dragDepth = 0;
  window.addEventListener('dragenter', function (e) { e.preventDefault(); dragDepth++; dropzone.classList.add('on'); });
  window.addEventListener('dragleave', function () { if (--dragDepth <= 0) { dragDepth = 0; dropzone.classList.remove('on'); } });
  window.addEventListener('dragover', function (e) { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', function (e) {
    e.preventDefault();
    dragDepth = 0;
    dropzone.classList.remove('on');
    if (e.dataTransfer) readBatch(e.dataTransfer.files);
  });
  picker.addEventListener('change', function () { readBatch(picker.files); picker.value = ''; });
  window.presslens.openPicker = function () { picker.click(); };
  // Paste: SDL cancels the Ctrl/Cmd+V keydown, which stops the browser's paste event, the only
  // way a page may read the clipboard without a permission prompt. So the shortcut skips SDL,
  // the browser pastes, and the app gets the text and the shortcut (wasm/platform_web.cpp).
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) e.stopImmediatePropagation();
  }, true);
  window.addEventListener('paste', function (e) {
    if (!e.clipboardData) return;
    e.preventDefault();
    window.presslens.pasted = e.clipboardData.getData('text/plain');
    window.presslens.pastedHtml = e.clipboardData.getData('text/html');  // a copied web page: read as one
    window.presslens.pasteNew = true;
    if (window.Module && Module._presslens_paste) { Module._presslens_paste(); wake(); }
  }, true);

  // ---- what the user keeps between visits: IndexedDB (the edited codebook, the loaded corpus,
  // the theme), read before the app starts, written when the app says so. Opening IndexedDB costs
  // a first visit tens to hundreds of ms, so a mark in localStorage says whether anything was ever
  // kept: without it the app starts at once and the database is opened at the first write.
  window.presslens.stored = {};
  window.presslens.storeWrites = 0;
  function keptMark(set) {
    try {
      if (set) localStorage.setItem('presslens.kept', '1');
      return localStorage.getItem('presslens.kept') === '1';
    } catch (e) { return true; }  // no localStorage: look in IndexedDB every time
  }
  var dbPromise = null;
  function openDb() {
    dbPromise = dbPromise || new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error('no IndexedDB')); return; }
      var req = indexedDB.open('presslens', 1);
      req.onupgradeneeded = function () { req.result.createObjectStore('kv'); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
    return dbPromise;
  }
  window.presslens.store = function (key, bytes) {
    if (bytes) keptMark(true);
    openDb().then(function (db) {
      var tx = db.transaction('kv', 'readwrite');
      if (bytes) tx.objectStore('kv').put(bytes, key); else tx.objectStore('kv').delete(key);
      tx.oncomplete = function () { window.presslens.storeWrites++; };
      tx.onerror = tx.onabort = function () {
        window.presslens.storeError = key + ': ' + (tx.error ? tx.error.message : 'write failed');
        wake();
      };
    }, function (e) { window.presslens.storeError = e.message; wake(); });
  };
  // A kept recent project, read when asked and handed over as a dropped file of that name.
  window.presslens.openKept = function (key, name) {
    openDb().then(function (db) {
      var r = db.transaction('kv', 'readonly').objectStore('kv').get(key);
      r.onsuccess = function () {
        window.presslens.batches.push([r.result ? {name: name, bytes: new Uint8Array(r.result)}
                                               : {name: name, error: 'is no longer kept in this browser'}]);
        wake();
      };
      r.onerror = function () { window.presslens.batches.push([{name: name, error: 'could not be read from the browser\'s storage'}]); wake(); };
    }, function (e) { window.presslens.batches.push([{name: name, error: 'browser storage unavailable: ' + e.message}]); wake(); });
  };
  var storedReady = !keptMark(false) ? Promise.resolve() : openDb().then(function (db) {
    return new Promise(function (resolve) {
      var tx = db.transaction('kv', 'readonly'), store = tx.objectStore('kv');
      ['codebook', 'corpus', 'settings', 'project', 'recent', 'review'].forEach(function (k) {
        var r = store.get(k);
        r.onsuccess = function () { if (r.result) window.presslens.stored[k] = new Uint8Array(r.result); };
      });
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = function () { resolve(); };
    });
  }).catch(function (e) { console.warn('presslens: browser storage unavailable: ' + e.message); });

  window.Module = {
    canvas: canvas,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.error(t); },
    onAbort: function (what) { showError('Presslens stopped: ' + what); },
  };
  window.addEventListener('error', function (e) {
    if (!window.presslens.ready) showError('Presslens failed to start: ' + e.message);
  });

  // ---- start-up: presslens.wasm is compiled while it downloads (streaming compilation), its
  // bytes counted on the way for the progress bar; presslens.js downloads meanwhile (both are
  // preloaded by index.html), and its loader is handed the compiled module (Module.instantiateWasm).
  function progress(got, total) {
    window.presslens.bytes = got;
    if (window.presslens.error) return;
    fill.style.width = total ? Math.min(100, 100 * got / total).toFixed(1) + '%' : '50%';
    msg.textContent = 'Downloading ' + kb(got) + (total ? ' of ' + kb(total) : '') + '\u2026';
  }
  var compiled = fetch('presslens.wasm').then(function (res) {
    if (!res.ok) throw new Error('presslens.wasm: HTTP ' + res.status);
    var total = Number(res.headers.get('Content-Length')) || 0, got = 0;
    var counter = new TransformStream({
      transform: function (chunk, out) { got += chunk.length; progress(got, total); out.enqueue(chunk); },
    });
    // a new Response around the counted stream: compileStreaming needs application/wasm, which is
    // what the bytes are whatever type the server gave them
    var counted = new Response(res.body.pipeThrough(counter), {headers: {'Content-Type': 'application/wasm'}});
    if (WebAssembly.compileStreaming) return WebAssembly.compileStreaming(counted);
    return counted.arrayBuffer().then(function (buf) { return WebAssembly.compile(buf); });
  }).catch(function (e) { throw new Error('could not download presslens.wasm (' + e.message + ')'); });
  compiled.then(function () { if (!window.presslens.error) msg.textContent = 'Starting\u2026'; }, function () {});
  Module.instantiateWasm = function (imports, receiveInstance) {
    // the app reads what the user kept (storedReady) in main(), so the instance waits for it too
    Promise.all([compiled, storedReady]).then(function (r) {
      return WebAssembly.instantiate(r[0], imports).then(function (instance) { receiveInstance(instance, r[0]); });
    }).catch(function (e) { showError('Presslens could not start: ' + e.message); });
    return {};  // exports arrive through receiveInstance
  };
  // WebGL2 is required: say so plainly instead of failing inside the app (checked here, after the
  // downloads and storage have started, since a first WebGL context takes a while to create).
  var probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    showError('Presslens needs WebGL2, which this browser does not provide (or it is switched off).\n' +
              'Try a current Firefox, Chrome, Edge or Safari, and check that hardware acceleration is allowed.');
    return;
  }
  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();
    showError('The graphics context was lost (the GPU was reset or the tab was in the background too long).\n' +
              'Reload the page to continue.');
  }, false);

  var s = document.createElement('script');
  s.src = 'presslens.js';
  s.onerror = function () { showError('Could not load presslens.js.'); };
  document.body.appendChild(s);
})();
