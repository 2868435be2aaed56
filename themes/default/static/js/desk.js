/* desk.js: the complaint desk's case page (staff.cgi /case): opens the
 * complainant's sealed personal data and attachments on the officer's own
 * device.  The server sends only ciphertext (crypto_box_seal to the office's
 * public key, collector/seal.h); the officer picks their key file
 * (`prongsai inbox keygen`: "secret_key: BASE64" and "public_key: BASE64"
 * lines), which is read into this page's memory and never sent anywhere.
 * A file that is not a key file, or a key that is not the office's (its
 * public key, recomputed from the secret one, differs from the page's
 * data-pk), is refused with a Thai message before anything is opened, and
 * no request is made.  Attachments are fetched as stored (ciphertext),
 * opened here and offered for saving through a Blob link; nothing
 * decrypted goes back to the server.  Needs libsodium-wrappers
 * (assets/js/vendor/, copied from node_modules by `make desk-js`); without
 * it, or without JavaScript, the page says to use `prongsai inbox show`. */
(function () {
  "use strict";
  var sec = document.getElementById("personal");
  var opener = document.getElementById("key-opener");
  if (!sec || !opener || !window.sodium) return;
  var sodium = window.sodium;
  var input = document.getElementById("key-file");
  var msg = document.getElementById("key-msg");
  var out = document.getElementById("personal-values");
  var atts = document.getElementById("attachments");
  var KEY_MAX = 4096; /* bytes of a key file (prongsai writes about 150) */
  var keys = null;

  function say(th, en, bad) {
    msg.textContent = "";
    msg.className = bad ? "error" : "ok";
    msg.appendChild(document.createTextNode(th + " "));
    var s = document.createElement("span");
    s.lang = "en";
    s.textContent = en;
    msg.appendChild(s);
  }

  function labels() {
    var m = {}, li = document.querySelectorAll("#personal-labels li"), i;
    for (i = 0; i < li.length; i++) m[li[i].getAttribute("data-name")] = li[i].textContent;
    return m;
  }

  /* The key pair in a key file's text, or null. */
  function parseKey(text) {
    var sk = null, pk = null, lines = text.split(/\r?\n/), i, m, b;
    for (i = 0; i < lines.length; i++) {
      m = /^(secret_key|public_key):\s*([A-Za-z0-9+\/]{43}=)\s*$/.exec(lines[i]);
      if (!m) continue;
      try {
        b = sodium.from_base64(m[2], sodium.base64_variants.ORIGINAL);
      } catch (e) {
        return null;
      }
      if (b.length !== 32) return null;
      if (m[1] === "secret_key") sk = b;
      else pk = b;
    }
    if (!sk) return null;
    var derived = sodium.crypto_scalarmult_base(sk);
    if (pk && !sodium.memcmp(pk, derived)) return null;
    return { sk: sk, pk: derived };
  }

  function forget() {
    if (keys) sodium.memzero(keys.sk);
    keys = null;
  }

  function showValues(plain) {
    var names = labels(), parts = plain.split("&"), i, eq, dt, dd, name, value;
    out.textContent = "";
    for (i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      eq = parts[i].indexOf("=");
      name = decodeURIComponent(eq < 0 ? parts[i] : parts[i].slice(0, eq));
      value = eq < 0 ? "" : decodeURIComponent(parts[i].slice(eq + 1));
      dt = document.createElement("dt");
      dt.textContent = names[name] || name;
      dd = document.createElement("dd");
      dd.textContent = value;
      dd.setAttribute("data-name", name);
      out.appendChild(dt);
      out.appendChild(dd);
    }
    out.hidden = false;
  }

  function openAttachment(li, button) {
    var url = sec.getAttribute("data-att-url") + li.getAttribute("data-n");
    button.disabled = true;
    fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.arrayBuffer();
    }).then(function (buf) {
      var data = new Uint8Array(buf);
      if (li.getAttribute("data-sealed") === "1") {
        if (!keys) throw new Error("no key");
        data = sodium.crypto_box_seal_open(data, keys.pk, keys.sk);
      }
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([data], { type: li.getAttribute("data-type") || "application/octet-stream" }));
      a.download = li.getAttribute("data-name");
      a.className = "button";
      a.textContent = "บันทึก " + a.download;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      button.remove();
    }).catch(function () {
      button.disabled = false;
      say("เปิดไฟล์แนบไม่ได้ (กุญแจผิดหรือข้อมูลเสียหาย)", "(the attachment could not be opened)", true);
    });
  }

  function offerAttachments() {
    if (!atts) return;
    var li = atts.querySelectorAll("li[data-n]"), i;
    for (i = 0; i < li.length; i++) {
      if (li[i].querySelector("button, a")) continue;
      (function (item) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = "เปิดไฟล์แนบ " + (Number(item.getAttribute("data-n")) + 1);
        b.addEventListener("click", function () { openAttachment(item, b); });
        item.appendChild(document.createTextNode(" "));
        item.appendChild(b);
      })(li[i]);
    }
  }

  function useKey(text) {
    var k = text.length <= KEY_MAX ? parseKey(text) : null, pagePk;
    forget();
    out.hidden = true;
    out.textContent = "";
    if (!k) {
      say("แฟ้มนี้ไม่ใช่แฟ้มกุญแจลับ (inbox.key ที่สร้างด้วย prongsai inbox keygen) ไม่ได้เปิดและไม่ได้ส่งข้อมูลใด ๆ",
        "(not a secret key file: nothing was opened or sent)", true);
      return;
    }
    try {
      pagePk = sodium.from_base64(sec.getAttribute("data-pk"), sodium.base64_variants.ORIGINAL);
    } catch (e) {
      pagePk = null;
    }
    if (!pagePk || pagePk.length !== 32 || !sodium.memcmp(pagePk, k.pk)) {
      sodium.memzero(k.sk);
      say("กุญแจนี้ไม่ใช่กุญแจของสำนักงาน (ไม่ตรงกับกุญแจสาธารณะที่ใช้เข้ารหัส) ไม่ได้เปิดและไม่ได้ส่งข้อมูลใด ๆ",
        "(this is not the office's key: nothing was opened or sent)", true);
      return;
    }
    keys = k;
    var sealed = sec.getAttribute("data-sealed");
    if (sealed) {
      try {
        showValues(sodium.to_string(sodium.crypto_box_seal_open(
          sodium.from_base64(sealed, sodium.base64_variants.ORIGINAL), keys.pk, keys.sk)));
      } catch (e) {
        say("เปิดข้อมูลส่วนบุคคลด้วยกุญแจนี้ไม่ได้ (ข้อมูลเสียหาย)", "(the personal data could not be opened)", true);
        return;
      }
    }
    say("เปิดข้อมูลส่วนบุคคลบนเครื่องนี้แล้ว ข้อมูลนี้ไม่ถูกส่งไปที่ใด", "(opened on this device only)", false);
    offerAttachments();
  }

  sodium.ready.then(function () {
    opener.hidden = false;
    input.addEventListener("change", function () {
      var f = input.files && input.files[0];
      if (!f) return;
      if (f.size > KEY_MAX) {
        useKey(new Array(KEY_MAX + 2).join("x"));
        input.value = "";
        return;
      }
      f.text().then(function (t) {
        useKey(t);
        input.value = ""; /* the page keeps the key, not the form */
      });
    });
    window.addEventListener("pagehide", forget);
  });
})();
