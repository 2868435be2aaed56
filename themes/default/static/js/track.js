/* track.js: the tracking-code lookup (track/index.html).  Reads the code as a
 * person may type it (any case, spaces and hyphens anywhere, O for 0, I and
 * L for 1), checks its check symbol (Luhn mod 32, as common/trackcode.c)
 * and says at once when it is wrong; a good code is sent, written out, to
 * the collector (GET .../track?code=..., never logged), as without
 * JavaScript: it goes to track/<CODE>/index.html, or says when a code
 * received since the last site update gets its page. */
(function () {
  "use strict";
  var ALPHA = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  function normalize(s) {
    var v = [], i, c, k;
    s = String(s).slice(0, 64).toUpperCase();
    for (i = 0; i < s.length; i++) {
      c = s.charAt(i);
      if (c === " " || c === "-" || c === "\t") continue;
      if (c === "O") c = "0";
      else if (c === "I" || c === "L") c = "1";
      k = ALPHA.indexOf(c);
      if (k < 0) return null;
      v.push(k);
    }
    if (v.length !== 16) return null;
    var factor = 2, sum = 0, add;
    for (i = 14; i >= 0; i--) {
      add = factor * v[i];
      factor = factor === 2 ? 1 : 2;
      sum += Math.floor(add / 32) + (add % 32);
    }
    if ((32 - (sum % 32)) % 32 !== v[15]) return null;
    var out = "";
    for (i = 0; i < 16; i++) out += (i && i % 4 === 0 ? "-" : "") + ALPHA.charAt(v[i]);
    return out;
  }
  var form = document.querySelector("form.track-form");
  if (!form) return;
  form.addEventListener("submit", function (e) {
    var input = form.querySelector("input[name=code]");
    var err = document.getElementById("track-error");
    var code = normalize(input.value);
    if (!code) {
      e.preventDefault();
      if (err) err.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    input.value = code;
  });
  if (typeof module !== "undefined") module.exports = { normalize: normalize };
})();
