/* copy.js: a copy button for the tracking code, an enhancement only (the
 * code is on the page without it).  A <button data-copy="ID" hidden> is
 * shown and, when pressed, copies the text of the element ID and says so. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy]");
  var i;
  if (!navigator.clipboard || !navigator.clipboard.writeText) return;
  for (i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (e) {
      var b = e.currentTarget, el = document.getElementById(b.getAttribute("data-copy"));
      if (!el) return;
      navigator.clipboard.writeText(el.textContent.trim()).then(function () {
        b.textContent = "คัดลอกแล้ว (Copied)";
      }, function () {
        b.textContent = "คัดลอกไม่ได้ กรุณาจดรหัส (Could not copy)";
      });
    });
  }
})();
