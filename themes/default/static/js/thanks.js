/* Shows the tracking code from ?code= on the thank-you page, and says so
 * when the collector found the submission already stored (?repeat=1). */
(function () {
  var m = /[?&]code=([0-9A-Za-z-]{1,40})(?:&|$)/.exec(window.location.search);
  var el = document.getElementById('tracking-code');
  if (m && el) { el.textContent = m[1].toUpperCase(); }
  var r = document.getElementById('repeat-note');
  if (r && /[?&]repeat=1(?:&|$)/.test(window.location.search)) { r.hidden = false; }
})();
