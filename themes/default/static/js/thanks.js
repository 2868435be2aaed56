/* Shows the tracking code from ?code= on the thank-you page. */
(function () {
  var m = /[?&]code=([0-9A-Za-z-]{1,40})(?:&|$)/.exec(window.location.search);
  var el = document.getElementById('tracking-code');
  if (m && el) { el.textContent = m[1].toUpperCase(); }
})();
