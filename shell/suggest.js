// The page's side of the suggestion worker (docs/architecture.md, "The page and the app"): loaded
// by page.js the first time the app asks for dictionary translations (wasm/suggest_bridge.cpp),
// never in the first load. It starts suggest_worker.js in a Web Worker, hands it the corpus once
// per corpus generation (the pieces the app left in window.presslens.dictionaryCorpus, transferred,
// not copied) and then the app's lookups (the codebook only), and queues its answers in
// window.presslens.dictionaryAnswers for the app to take:
//   {list, errors, error, corpus, codebook}: the answer's suggestions and failed tables
//   (io/suggestions_io.hpp's JSON, parsed here) or why there is none, and the generations it was
//   asked for (the app drops an answer for a corpus or codebook it no
//   longer has).
// window.presslens.suggest: flush() sends what page.js queued; lastMs is the last lookup's time
// from sending to answer; corpusMessages and corpusBytes count the corpora handed to the worker,
// lookups the lookups, corpusReads the corpora the worker says it has read.
'use strict';
(function () {
  var P = window.presslens;
  var worker = null, broken = '', next = 1, waiting = {}, held = -1;  // held: the corpus generation the worker has
  function wake() { if (window.Module && Module._presslens_wake) Module._presslens_wake(); }
  function answer(w, json, error) {
    var a = {list: [], errors: [], error: error || '', corpus: w.corpus, codebook: w.codebook};
    if (json) {
      try {
        var r = JSON.parse(json);
        a.list = r.suggestions;
        a.errors = r.errors;
      } catch (e) { a.error = 'the suggestion worker\'s answer is not JSON (' + e.message + ')'; }
    }
    P.dictionaryAnswers.push(a);
    wake();
  }
  function fail(why) {
    broken = why;
    Object.keys(waiting).forEach(function (id) { answer(waiting[id], '', why); });
    waiting = {};
    if (worker) worker.terminate();
    worker = null;
  }
  try {
    worker = new Worker('suggest_worker.js');
    worker.onmessage = function (e) {
      var m = e.data, w = waiting[m.id];
      if (!w) return;
      delete waiting[m.id];
      P.suggest.lastMs = performance.now() - w.sent;
      P.suggest.corpusReads = m.corpusReads;
      answer(w, m.json, m.error);
    };
    worker.onerror = function (e) {
      e.preventDefault();
      fail('the suggestion worker stopped: ' + (e.message || 'suggest_worker.js could not be loaded'));
    };
  } catch (e) {
    broken = 'the suggestion worker could not start: ' + e.message;
  }
  P.suggest = {
    lastMs: 0, corpusMessages: 0, corpusBytes: 0, corpusReads: 0, lookups: 0,
    flush: function () {
      // only the latest request matters: the app drops answers for a corpus or codebook it no
      // longer has
      var all = P.pendingLookups.splice(0), r = all[all.length - 1];
      all.slice(0, -1).forEach(function (o) { answer({corpus: o[2], codebook: o[3]}, '', 'superseded'); });
      if (!r) return;
      var w = {corpus: r[2], codebook: r[3], sent: performance.now()};
      if (!worker) return answer(w, '', broken || 'the suggestion worker is not running');
      // the corpus once per generation, before the first lookup for it
      var c = P.dictionaryCorpus;
      if (c && c.done && c.parts && c.generation === r[2] && held !== c.generation) {
        worker.postMessage({corpus: c.generation, parts: c.parts}, c.parts.map(function (b) { return b.buffer; }));
        held = c.generation;
        c.parts = null;  // (transferred)
        P.suggest.corpusMessages++;
        P.suggest.corpusBytes += c.bytes;
      }
      if (held !== r[2]) return answer(w, '', 'the lookup\'s corpus was not handed over (it changed meanwhile)');
      var id = next++;
      waiting[id] = w;
      P.suggest.lookups++;
      worker.postMessage({id: id, corpus: r[2], codebook: r[0], languages: r[1]}, [r[0].buffer]);
    }
  };
  P.suggest.flush();
})();
