// The canvas mirrored as real page content (docs/accessibility.md): the reader's text as a layer
// of text over its panel, so find-in-page, selection and copy, screen readers, right-to-left and
// complex scripts and the browser's translation work; the matrix and the article list as
// visually hidden tables for screen readers. The app sends what to show (wasm/platform_web.cpp);
// this file only draws it and hands back what the user did (a selection, a scroll).
//
// ---- the text layer: lines, fitting, the view and scroll, the mouse, selection and copy
// ---- a font for the app's panels
// ---- the accessible tables
'use strict';
(function () {
  window.presslens = window.presslens || {};  // the page's side of the app (docs/architecture.md)
  var canvas = document.getElementById('canvas');
  var utf8 = new TextEncoder(), fromUtf8 = new TextDecoder();
  function bytesOf(text) { return utf8.encode(text).length; }
  function css(c) {  // ImU32: R in the low byte
    return 'rgba(' + (c & 255) + ',' + ((c >>> 8) & 255) + ',' + ((c >>> 16) & 255) + ',' + ((c >>> 24) / 255).toFixed(3) + ')';
  }
  function call(name) {
    var f = window.Module && Module['_' + name];
    if (f) f.apply(null, Array.prototype.slice.call(arguments, 1));
  }

  // ---- the text layer ------------------------------------------------------------------------
  // #textlayer is placed over the reader's text area and scrolled with it; each visual line is an
  // absolutely placed line of text at the place the canvas drew it. Lines the canvas draws carry
  // transparent text stretched (scaleX, as PDF.js does) to the drawn line's width, so a selection
  // covers the glyphs it seems to; lines the canvas cannot draw (`page` lines: Arabic, Hindi,
  // Chinese, ...) are visible text the browser shapes, with the app's marks as backgrounds.
  var layer = document.getElementById('textlayer'), content = document.getElementById('textcontent');
  var current = null;          // the layout the app sent last
  var scrollSet = -1;          // the scrollTop the app set last (a scroll event that differs is the user's)
  var lastSent = '';           // the selection last handed to the app

  // The canvas's font (DejaVu Sans) is sized by ImGui to its ascender-to-descender height, CSS
  // sizes it by its em: 2048 units per em over a 1901 + 483 unit height.
  var EM = 2048 / 2384;

  function lineDiv(L, l) {
    var div = document.createElement('div');
    var page = (l[5] & 1) !== 0, grey = (l[5] & 2) !== 0;
    div.className = page ? 'tl-line tl-page' : 'tl-line';
    div.dataset.b = l[0];
    div.dataset.e = l[1];
    div.style.left = l[2] + 'px';
    div.style.top = l[3] + 'px';
    div.style.height = (page ? L.line_h : L.font_size) + 'px';
    div.style.lineHeight = (page ? L.line_h : L.font_size) + 'px';
    if (!page) {
      div.textContent = l[6];
      return div;
    }
    div.dir = 'auto';
    div.style.width = L.width + 'px';
    div.style.fontSize = L.font_size + 'px';  // scripts drawn only here read better at the UI's height
    div.style.color = css(grey ? L.grey : L.colour);
    // the line cut where a mark begins or ends; each piece knows its first byte
    var bytes = utf8.encode(l[6]), cuts = [l[0], l[1]];
    l[7].forEach(function (m) { cuts.push(Math.max(l[0], m[0]), Math.min(l[1], m[1])); });
    cuts = cuts.filter(function (c, i, a) { return c >= l[0] && c <= l[1] && a.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var b = cuts[i], e = cuts[i + 1], span = document.createElement('span');
      span.dataset.b = b;
      span.textContent = fromUtf8.decode(bytes.subarray(b - l[0], e - l[0]));
      l[7].forEach(function (m) {
        if (m[0] > b || m[1] < e) return;
        if (m[3] === 0) span.style.backgroundColor = css(m[2]);
        else if (m[3] === 1) span.style.outline = '2px solid ' + css(m[2]);
        else if (!span.style.backgroundColor) span.style.boxShadow = 'inset 0 0 0 100px ' + css(m[2]);
        if (m[3] === 2) span.className = 'tl-focus';
      });
      div.appendChild(span);
    }
    return div;
  }

  // The app laid the open article out again (another article, width, marks, focus).
  function layout(L) {
    current = L.article >= 0 ? L : null;
    content.textContent = '';
    lastSent = '';
    if (!current) { layer.hidden = true; return; }
    layer.setAttribute('aria-label', 'Article text: ' + (L.source || ''));
    // the article's language (two letters, else unknown): a screen reader's voice, the browser's translation
    if (/^[a-z]{2,3}$/.test(L.lang || '')) content.lang = L.lang; else content.removeAttribute('lang');
    content.style.fontSize = (L.font_size * EM).toFixed(3) + 'px';
    var frag = document.createDocumentFragment();
    L.lines.forEach(function (l) { frag.appendChild(lineDiv(L, l)); });
    content.appendChild(frag);
    fit();
  }

  // Each line fitted to the width the canvas gave it: the transparent ones stretched to the drawn
  // glyphs (scaleX, as PDF.js does), a visible one narrowed when it overflows the panel (the app
  // estimated its width). Again when a font arrives: the widths change.
  var fitPending = false;
  function fit() {
    if (!current) return;
    if (layer.hidden) { fitPending = true; return; }  // nothing can be measured while it is not shown
    fitPending = false;
    var lines = content.children, natural = [];
    for (var i = 0; i < lines.length; i++) lines[i].style.transform = '';
    // all measured after all are reset: one layout, not one per line
    for (i = 0; i < lines.length; i++) natural.push(lines[i].classList.contains('tl-page') ? lines[i].scrollWidth : lines[i].getBoundingClientRect().width);
    for (i = 0; i < lines.length; i++) {
      var d = lines[i], want = current.lines[i][4];
      if (!d.classList.contains('tl-page')) {
        if (natural[i] > 0 && want > 0) d.style.transform = 'scaleX(' + (want / natural[i]).toFixed(4) + ')';
      } else if (natural[i] > current.width + 1) {
        d.style.transformOrigin = getComputedStyle(d).direction === 'rtl' ? 'right' : 'left';
        d.style.transform = 'scaleX(' + (current.width / natural[i]).toFixed(4) + ')';
      }
    }
  }
  if (document.fonts) document.fonts.addEventListener('loadingdone', fit);

  // Where the reader's text is this frame and its scroll (cheap: sent when it changed).
  function view(V) {
    if (!current || V.article !== current.article || V.clip.w <= 0 || V.clip.h <= 0) { layer.hidden = true; return; }
    layer.hidden = false;
    if (fitPending) fit();
    layer.style.left = V.clip.x + 'px';
    layer.style.top = V.clip.y + 'px';
    layer.style.width = V.clip.w + 'px';
    layer.style.height = V.clip.h + 'px';
    content.style.left = (V.left - V.clip.x) + 'px';
    content.style.top = (V.top - V.clip.y) + 'px';
    content.style.height = (V.height + V.clip.h) + 'px';  // room to reach the app's last scroll position
    if (Math.abs(layer.scrollTop - V.scroll) >= 0.5) layer.scrollTop = V.scroll;
    // what the browser made of it (it clamps to the content, which a newly opened article may not
    // fill for a frame): only a scroll away from this is the layer's own
    scrollSet = layer.scrollTop;
  }

  // The layer scrolled by itself (find-in-page brought a line into view): the reader follows.
  layer.addEventListener('scroll', function () {
    if (Math.abs(layer.scrollTop - scrollSet) < 1) return;
    scrollSet = layer.scrollTop;
    call('presslens_reader_scrolled', layer.scrollTop);
  });

  // The mouse over the layer is the mouse over the reader for the app (hover, clicks, the wheel):
  // the same event is given to the canvas, where the app listens. A drag selects the page's text.
  function forward(e) {
    var init = {bubbles: true, cancelable: true, clientX: e.clientX, clientY: e.clientY, screenX: e.screenX,
                screenY: e.screenY, button: e.button, buttons: e.buttons, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey,
                altKey: e.altKey, metaKey: e.metaKey};
    if (e.type === 'wheel') {
      init.deltaX = e.deltaX; init.deltaY = e.deltaY; init.deltaMode = e.deltaMode;
      e.preventDefault();  // the app scrolls; the layer follows it
      canvas.dispatchEvent(new WheelEvent('wheel', init));
    } else {
      canvas.dispatchEvent(new MouseEvent(e.type, init));
    }
  }
  ['mousemove', 'mousedown', 'mouseenter'].forEach(function (t) { layer.addEventListener(t, forward); });
  layer.addEventListener('wheel', forward, {passive: false});
  layer.addEventListener('contextmenu', function (e) { e.stopPropagation(); });  // the browser's menu: Copy, Translate

  // A DOM point (node, offset) in the layer as a byte offset in the article, or -1.
  function byteAt(node, offset) {
    if (!layer.contains(node)) return -1;
    if (node.nodeType !== Node.TEXT_NODE) {
      var child = node.childNodes[offset];
      if (child) {
        while (child && child.nodeType !== Node.TEXT_NODE && child.firstChild) child = child.firstChild;
        return child ? byteAt(child, 0) : -1;
      }
      var el = node.closest ? node.closest('[data-b]') : null;
      if (!el) return -1;
      var lineEl = el.classList.contains('tl-line') ? el : el.closest('.tl-line');
      return el === lineEl ? Number(el.dataset.e) : Number(el.dataset.b) + bytesOf(el.textContent);
    }
    var holder = node.parentElement && node.parentElement.closest('[data-b]');
    if (!holder) return -1;
    return Number(holder.dataset.b) + bytesOf(node.textContent.slice(0, offset));
  }
  function selectedBytes() {
    var sel = document.getSelection();
    if (!current || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    var b = byteAt(r.startContainer, r.startOffset), e = byteAt(r.endContainer, r.endOffset);
    if (b < 0 && layer.contains(r.endContainer) && r.intersectsNode(content)) b = current.lines.length ? current.lines[0][0] : 0;
    if (e < 0 && layer.contains(r.startContainer) && r.intersectsNode(content)) e = current.lines.length ? current.lines[current.lines.length - 1][1] : 0;
    if (b < 0 || e < 0) return null;
    return b <= e ? [b, e] : [e, b];
  }
  document.addEventListener('selectionchange', function () {
    var s = selectedBytes(), key = s ? current.article + ':' + s[0] + '-' + s[1] : '';
    if (key === lastSent) return;
    lastSent = key;
    window.presslens.textSelection = s;
    if (current) call('presslens_reader_selection', current.article, s ? s[0] : 0, s ? s[1] : 0);
    // a selection made out of view (a search: window.find, a screen reader's cursor) is brought into
    // view, and the reader follows the layer's scroll (the browser's find bar does this itself)
    var sel = document.getSelection(), node = s && sel.focusNode;
    var line = node && (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest('.tl-line');
    if (line) {
      var r = line.getBoundingClientRect(), clip = layer.getBoundingClientRect();
      if (r.bottom > clip.bottom || r.top < clip.top) line.scrollIntoView({block: 'center'});
    }
  });
  // The article's text for bytes [b, e): its lines' text, a line break where the article has one
  // (a wrapped line joins the next without one).
  function textOf(b, e) {
    var out = '', prevEnd = -1;
    current.lines.forEach(function (l) {
      if (l[1] <= b || l[0] >= e) return;
      var bytes = utf8.encode(l[6]);
      var piece = fromUtf8.decode(bytes.subarray(Math.max(b, l[0]) - l[0], Math.min(e, l[1]) - l[0]));
      if (prevEnd >= 0 && l[0] !== prevEnd) out += '\n';
      out += piece;
      prevEnd = l[1];
    });
    return out;
  }
  document.addEventListener('copy', function (e) {
    var s = selectedBytes();
    if (!s || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', textOf(s[0], s[1]));
    e.preventDefault();
  });
  // Ctrl/Cmd+C (and A) with the layer's text selected belong to the browser, not the app (SDL
  // would cancel the key, and with it the copy).
  window.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if ((e.key === 'c' || e.key === 'C') && selectedBytes()) e.stopImmediatePropagation();
  }, true);

  // A DOM point for a byte offset in the article (the line holding it), for rangeOf.
  function pointAt(byte, atEnd) {
    var lines = content.children;
    for (var i = 0; i < lines.length; i++) {
      var d = lines[i], b = Number(d.dataset.b), e = Number(d.dataset.e);
      if (byte < b || byte > e || (byte === e && !atEnd && i + 1 < lines.length && Number(lines[i + 1].dataset.b) === e)) continue;
      var holders = d.children.length ? Array.prototype.slice.call(d.children) : [d];
      for (var k = holders.length - 1; k >= 0; k--) {
        var hb = Number(holders[k].dataset.b);
        if (hb > byte) continue;
        var node = holders[k].firstChild, t = node ? node.textContent : '', units = 0, at = hb;
        while (units < t.length && at < byte) {  // UTF-8 bytes to UTF-16 units
          var cp = t.codePointAt(units);
          at += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
          units += cp >= 0x10000 ? 2 : 1;
        }
        return node ? {node: node, offset: units} : null;
      }
    }
    return null;
  }
  // The bytes [b, e) of the open article as a DOM Range over the layer (null if not laid out).
  function rangeOf(b, e) {
    var p0 = pointAt(b, false), p1 = pointAt(e, true);
    if (!p0 || !p1) return null;
    var r = document.createRange();
    r.setStart(p0.node, p0.offset);
    r.setEnd(p1.node, p1.offset);
    return r;
  }

  window.presslens.textLayer = {layout: layout, view: view, rangeOf: rangeOf,
                               current: function () { return current; },
                               textOf: function (b, e) { return current ? textOf(b, e) : ''; }};

  // ---- a font for the app's panels (its atlas): the code that fetches and unpacks it
  // (panelfont.js) is fetched itself only when a title first needs such a font
  // (once: the fonts asked for meanwhile wait in `want`)
  var want = [], js;
  window.presslens.fontFiles = {};
  window.presslens.loadFont = function (name) {
    want.push(name);
    if (window.presslens.fetchFont) return fetchWanted();
    if (js) return;
    js = document.createElement('script');
    js.src = 'panelfont.js';
    js.onload = fetchWanted;
    js.onerror = function () {
      js = null;  // (a later font tries again)
      want.splice(0).forEach(function (n) { window.presslens.fontFiles[n] = {error: 'panelfont.js could not be loaded'}; });
      call('presslens_wake');
    };
    document.body.appendChild(js);
  };
  function fetchWanted() {
    want.splice(0).forEach(function (n) { window.presslens.fetchFont(n, function () { call('presslens_wake'); }); });
  }

  // ---- the accessible tables -----------------------------------------------------------------
  // The matrix (outlets by claims, each cell's state, its evidence or why it is empty as the
  // cell's description) and the article list, visually hidden, rebuilt when the app says they
  // changed.
  var a11y = document.getElementById('a11y');
  var STATES = ['not reported', 'reported', 'not covered'];
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  function table(label, heads) {
    var t = el('table', null, {'aria-label': label}), head = el('tr');
    t.appendChild(el('caption', label));
    heads.forEach(function (h) { head.appendChild(el('th', h[0], Object.assign({scope: 'col'}, h[1] || {}))); });
    t.appendChild(el('thead')).appendChild(head);
    return t;
  }
  // Called from the app's frame: the tables are built after it, once for the newest state (the
  // DOM work stays out of the frame, and a burst of changes builds them once).
  // A matrix without articles keeps the article list built last.
  var pendingMirror = null, articlesTable = null;
  window.presslens.mirror = function (M) {
    if (!pendingMirror) setTimeout(function () { var m = pendingMirror; pendingMirror = null; buildMirror(m); }, 0);
    else if (!M.articles && pendingMirror.articles) M.articles = pendingMirror.articles, M.article_count = pendingMirror.article_count, M.selected = pendingMirror.selected;
    pendingMirror = M;
  };
  function buildMirror(M) {
    a11y.textContent = '';
    var matrix = table('Matrix: which outlets report which claims',
                       [['Outlet']].concat(M.claims.map(function (c) { return [c[0] + ': ' + c[1]]; })));
    matrix.id = 'a11y-matrix';
    var body = matrix.appendChild(el('tbody'));
    M.outlets.forEach(function (o, r) {
      var tr = body.appendChild(el('tr'));
      tr.appendChild(el('th', o, {scope: 'row'}));
      (M.cells[r] || []).forEach(function (c) {
        var text = STATES[c[0]] + (c[0] === 1 ? ' (' + c[1] + (c[1] === 1 ? ' sentence)' : ' sentences)') : '');
        tr.appendChild(el('td', text, {'aria-description': c[2]}));
      });
    });
    a11y.appendChild(matrix);
    if (!M.articles) {
      if (articlesTable) a11y.appendChild(articlesTable);
      window.presslens.mirrored = (window.presslens.mirrored || 0) + 1;
      return;
    }
    var articles = articlesTable = table('Articles (' + M.article_count + ')', [['Outlet'], ['Title'], ['Language'], ['Date'], ['Words']]);
    articles.id = 'a11y-articles';
    body = articles.appendChild(el('tbody'));
    M.articles.forEach(function (a, i) {
      var tr = body.appendChild(el('tr', null, i === M.selected ? {'aria-current': 'true'} : {}));
      tr.appendChild(el('th', a[0], {scope: 'row'}));
      for (var k = 1; k < 5; k++) tr.appendChild(el('td', String(a[k])));
    });
    if (M.article_count > M.articles.length)
      articles.appendChild(el('tfoot')).appendChild(el('tr')).appendChild(
        el('td', (M.article_count - M.articles.length) + ' more articles are in the app\'s list', {colspan: '5'}));
    a11y.appendChild(articles);
    window.presslens.mirrored = (window.presslens.mirrored || 0) + 1;
  }
})();
