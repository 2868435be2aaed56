/* search.js: answers queries from the index the build wrote, in shards
 * (generator/publish/search.h): search/meta.js, the map; search/t/<hex>.js,
 * the words by their first letters; search/d/<k>.js, the documents.  A
 * query loads only the shards along its own text and the documents it
 * shows, within the map's budget, so that it stays small however large
 * the site.
 * Thai has no spaces: the query is cut into the longest words the index
 * knows; a remaining piece matches the words that begin with it, and, when
 * every document fits in the budget (a small site), any title holding it
 * (substring fallback).  A document matches when every piece does; titles
 * holding the whole query come first. */
(function () {
  "use strict";
  var MAXLEN = 24, STEP = 20;
  function norm(s) { return s.toLowerCase().replace(/\s+/g, " ").trim(); }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function hex(k) {
    var b = unescape(encodeURIComponent(k)), h = "";
    for (var i = 0; i < b.length; i++) h += ("0" + b.charCodeAt(i).toString(16)).slice(-2);
    return h;
  }
  /* make(load): load(names, done) fetches search/<name>.js for each name
   * (each calls put(name, data)), then calls done(). */
  function make(load) {
    var store = {};
    function put(name, data) { store[name] = data; }
    function get(names, done) {
      var need = names.filter(function (n) { return !has(store, n); });
      if (!need.length) { done(); return; }
      load(need, function () { need.forEach(function (n) { if (!has(store, n)) store[n] = null; }); done(); });
    }
    /* the word's documents, or undefined (not a word, or its shard not loaded) */
    function lookup(t, km, w) {
      for (var L = Math.min(km, w.length); L > 0; L--) {
        var k = w.substr(0, L);
        if (has(t, k)) { var s = store["t/" + hex(k)]; return s && has(s, w) ? s[w] : undefined; }
      }
      return undefined;
    }
    function decode(g, set) { for (var i = 0, d = 0; i < g.length; i++) { d += g[i]; set[d] = 1; } }
    /* run(q, limit, done): done({total, docs: [[path,title,kind,extra],...]}) */
    function run(q, limit, done) {
      get(["meta"], function () {
        var meta = store.meta;
        if (!meta) { done(null); return; }
        var t = meta.t, km = meta.keymax, parts = norm(q).split(" ").filter(Boolean), want = [], used = 0;
        if (!parts.length) { done({ total: 0, docs: [] }); return; }
        function wantKey(k) {
          var n = "t/" + hex(k);
          if (want.indexOf(n) < 0 && used + t[k] <= meta.budget[0]) { used += t[k]; want.push(n); }
        }
        /* 1: the shards of every word that could start at each position */
        parts.forEach(function (p) {
          for (var i = 0; i < p.length; i++)
            for (var L = 1; L <= km && i + L <= p.length; L++)
              if (has(t, p.substr(i, L))) wantKey(p.substr(i, L));
        });
        get(want, function () {
          var pieces = [];
          parts.forEach(function (p) {
            var i = 0, miss = "";
            while (i < p.length) {
              var found = 0;
              for (var L = Math.min(MAXLEN, p.length - i); L > 0; L--)
                if (lookup(t, km, p.substr(i, L))) { found = L; break; }
              if (found) {
                if (miss) { pieces.push({ text: miss }); miss = ""; }
                pieces.push({ text: p.substr(i, found), term: true });
                i += found;
              } else { miss += p.charAt(i); i++; }
            }
            if (miss) pieces.push({ text: miss });
          });
          /* 2: for a piece that is no word, the shards of the words beginning with it */
          pieces.forEach(function (pc) {
            if (pc.term) return;
            for (var k in t) if (has(t, k) && (k.indexOf(pc.text) === 0 || pc.text.indexOf(k) === 0)) wantKey(k);
          });
          get(want, function () {
            pieces.forEach(function (pc) {
              pc.set = {};
              if (pc.term) { decode(lookup(t, km, pc.text), pc.set); return; }
              want.forEach(function (n) {
                var s = store[n];
                for (var w in s) if (has(s, w) && w.indexOf(pc.text) === 0) decode(s[w], pc.set);
              });
            });
            answer(meta, pieces, norm(q), limit, done);
          });
        });
      });
    }
    function answer(meta, pieces, whole, limit, done) {
      var nchunks = meta.d.length, all = 0, names = [], c, d;
      for (c = 0; c < nchunks; c++) all += meta.d[c];
      function doc(d) { var ch = store["d/" + Math.floor(d / meta.chunk)]; return ch ? ch[d % meta.chunk] : null; }
      function rank(list) {
        var first = [], rest = [];
        list.forEach(function (d) { var x = doc(d); if (x) (norm(x[1]).indexOf(whole) >= 0 ? first : rest).push(x); });
        return first.concat(rest);
      }
      if (all <= meta.budget[1]) { /* a small site: every document, the substring fallback too */
        for (c = 0; c < nchunks; c++) names.push("d/" + c);
        get(names, function () {
          var hits = [];
          for (d = 0; d < meta.docs; d++) {
            var x = doc(d), title = x ? norm(x[1] + " " + x[3]) : "", ok = !!x;
            for (var k = 0; k < pieces.length && ok; k++)
              ok = has(pieces[k].set, d) || title.indexOf(pieces[k].text) >= 0;
            if (ok) hits.push(d);
          }
          var r = rank(hits);
          done({ total: r.length, docs: r.slice(0, limit) });
        });
        return;
      }
      /* a large site: the documents every piece's words lead to */
      var hits = [], used = 0;
      for (d in pieces[0].set) {
        if (!has(pieces[0].set, d)) continue;
        d = +d;
        var ok = true;
        for (var k = 1; k < pieces.length && ok; k++) ok = has(pieces[k].set, d);
        if (ok) hits.push(d);
      }
      hits.sort(function (a, b) { return a - b; });
      var shown = [];
      hits.slice(0, limit).forEach(function (d) {
        var n = "d/" + Math.floor(d / meta.chunk);
        if (names.indexOf(n) < 0) {
          if (used + meta.d[Math.floor(d / meta.chunk)] > meta.budget[1]) return;
          used += meta.d[Math.floor(d / meta.chunk)];
          names.push(n);
        }
        shown.push(d);
      });
      get(names, function () { done({ total: hits.length, docs: rank(shown) }); });
    }
    return { run: run, put: put, store: store };
  }
  if (typeof module !== "undefined") { module.exports = { make: make, norm: norm, hex: hex }; return; }
  var form = document.getElementById("search-form"), input = document.getElementById("q");
  var list = document.getElementById("search-results"), status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var me = document.currentScript || document.querySelector("script[src*='assets/js/search.']");
  if (!form || !me) return;
  var root = (me.getAttribute("src") || "").replace(/assets\/js\/search(\.[0-9a-f]+)?\.js$/, "");
  /* the files are scripts (they work from file:// too) */
  var engine = make(function (names, done) {
    var left = names.length;
    names.forEach(function (n) {
      var s = document.createElement("script");
      s.src = root + "search/" + n + ".js";
      s.onload = s.onerror = function () { if (--left === 0) done(); };
      document.head.appendChild(s);
    });
  });
  window.prongsaiSearch = engine.put;
  var seq = 0, limit = STEP, asked = "";
  function run() {
    var q = input.value, my = ++seq;
    if (norm(q) !== asked) limit = STEP;
    asked = norm(q);
    if (!asked) { list.textContent = ""; status.textContent = ""; if (more) more.hidden = true; return; }
    engine.run(q, limit, function (r) {
      if (my !== seq) return; /* a later query is under way */
      list.textContent = "";
      if (!r) { status.textContent = "ค้นหาไม่ได้ในขณะนี้"; return; }
      status.textContent = "พบ " + r.total + " รายการ" + (r.docs.length < r.total ? " แสดง " + r.docs.length + " รายการแรก" : "");
      r.docs.forEach(function (doc) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = root + doc[0];
        a.textContent = doc[1];
        li.appendChild(a);
        if (doc[3]) { var s = document.createElement("span"); s.className = "small"; s.textContent = " " + doc[3]; li.appendChild(s); }
        list.appendChild(li);
      });
      if (more) more.hidden = r.docs.length >= r.total;
    });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("input", run);
  if (more) more.addEventListener("click", function () { limit += STEP; run(); });
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); run(); }
})();
