/* Gives the form page a random token (form_token) when it loads, so that the
 * collector folds only a resubmission of this very page (a double click, a
 * reload), never the same words sent by someone else (docs/collector.md). */
(function () {
  var el = document.querySelector('input[name="form_token"]');
  var c = window.crypto;
  if (!el || !c || !c.getRandomValues || el.value) { return; }
  var b = new Uint8Array(16), s = '', abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  c.getRandomValues(b);
  for (var i = 0; i < b.length; i++) { s += abc.charAt(b[i] & 63) + abc.charAt(b[i] >> 6); }
  el.value = s;
})();
