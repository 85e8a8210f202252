// The page's side of the suggestion worker (docs/architecture.md, "The page and the app"): loaded
// by page.js the first time the app asks for dictionary translations (wasm/suggest_bridge.cpp),
// never in the first load. It starts suggest_worker.js in a Web Worker, hands it the app's
// requests and queues its answers in window.presslens.dictionaryAnswers for the app to take:
//   {list, errors, error, corpus, codebook}: the answer's suggestions and failed tables
//   (io/suggestions_io.hpp's JSON, parsed here) or why there is none, and the generations it was
//   asked for (the app drops an answer for a corpus or codebook it no
//   longer has).
// window.presslens.suggest: flush() sends what page.js queued; lastMs is the last request's time
// from sending to answer.
'use strict';
(function () {
  var P = window.presslens;
  var worker = null, broken = '', next = 1, waiting = {};
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
    lastMs: 0,
    flush: function () {
      // only the latest request matters: the app drops answers for a corpus or codebook it no
      // longer has
      var all = P.pendingLookups.splice(0), r = all[all.length - 1];
      all.slice(0, -1).forEach(function (o) { answer({corpus: o[2], codebook: o[3]}, '', 'superseded'); });
      if (!r) return;
      var w = {corpus: r[2], codebook: r[3], sent: performance.now()};
      if (!worker) return answer(w, '', broken || 'the suggestion worker is not running');
      var id = next++;
      waiting[id] = w;
      worker.postMessage({id: id, request: r[0], languages: r[1]}, [r[0].buffer]);
    }
  };
  P.suggest.flush();
})();
