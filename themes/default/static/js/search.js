/* search.js: answers queries from the index the build wrote (search/index.js).
 * Thai has no spaces: the query is cut into the longest words the index knows;
 * any remaining piece must appear in the title (substring fallback).  A
 * document matches when every piece does. */
(function () {
  "use strict";
  function norm(s) { return s.toLowerCase().replace(/\s+/g, " ").trim(); }
  function pieces(index, q) {
    var out = [], parts = norm(q).split(" "), maxLen = 24;
    parts.forEach(function (p) {
      var i = 0, miss = "";
      while (i < p.length) {
        var found = 0;
        for (var L = Math.min(maxLen, p.length - i); L > 0; L--) {
          if (Object.prototype.hasOwnProperty.call(index.terms, p.substr(i, L))) { found = L; break; }
        }
        if (found) {
          if (miss) { out.push({ text: miss }); miss = ""; }
          out.push({ text: p.substr(i, found), term: true });
          i += found;
        } else { miss += p.charAt(i); i++; }
      }
      if (miss) out.push({ text: miss });
    });
    return out;
  }
  function query(index, q) {
    var ps = pieces(index, q), hits = [], rest = [], whole = norm(q);
    if (!ps.length) return hits;
    for (var d = 0; d < index.docs.length; d++) {
      var title = norm(index.docs[d][1] + " " + index.docs[d][3]), ok = true;
      for (var k = 0; k < ps.length && ok; k++) {
        var p = ps[k];
        ok = (p.term && index.terms[p.text].indexOf(d) >= 0) || title.indexOf(p.text) >= 0;
      }
      /* titles holding the whole query first (a form before the pages that mention it) */
      if (ok) (norm(index.docs[d][1]).indexOf(whole) >= 0 ? hits : rest).push(d);
    }
    return hits.concat(rest);
  }
  if (typeof module !== "undefined") { module.exports = { query: query, pieces: pieces }; return; }
  var form = document.getElementById("search-form"), input = document.getElementById("q");
  var list = document.getElementById("search-results"), status = document.getElementById("search-status");
  var me = document.currentScript || document.querySelector("script[src*='assets/js/search.']");
  if (!form || !me) return;
  var root = (me.getAttribute("src") || "").replace(/assets\/js\/search(\.[0-9a-f]+)?\.js$/, "");
  function run() {
    if (!window.prongsaiIndex) return;
    var q = input.value, index = window.prongsaiIndex;
    list.textContent = "";
    if (!norm(q)) { status.textContent = ""; return; }
    var hits = query(index, q);
    status.textContent = "พบ " + hits.length + " รายการ";
    hits.slice(0, 100).forEach(function (d) {
      var doc = index.docs[d], li = document.createElement("li"), a = document.createElement("a");
      a.href = root + doc[0];
      a.textContent = doc[1];
      li.appendChild(a);
      if (doc[3]) { var s = document.createElement("span"); s.className = "small"; s.textContent = " " + doc[3]; li.appendChild(s); }
      list.appendChild(li);
    });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("input", run);
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) input.value = decodeURIComponent(m[1].replace(/\+/g, " "));
  /* the index is a script (works from file:// too); load it, then answer */
  var s = document.createElement("script");
  s.src = root + "search/index.js";
  s.onload = run;
  document.head.appendChild(s);
})();
