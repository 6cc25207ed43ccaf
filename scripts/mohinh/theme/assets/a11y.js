/* A- A A+ and "Tăng tương phản": applied before paint from localStorage, no cookie. */
(function () {
  "use strict";
  var root = document.documentElement;
  var store = null;
  try { store = window.localStorage; } catch (error) { store = null; }
  var SIZES = [100, 112.5, 125, 150, 175, 200];
  var level = parseInt((store && store.getItem("mohinh:co-chu")) || "2", 10);
  var contrast = (store && store.getItem("mohinh:tuong-phan")) === "1";

  function apply() {
    level = Math.max(0, Math.min(SIZES.length - 1, level));
    root.style.fontSize = SIZES[level] === 125 ? "" : SIZES[level] + "%";
    root.classList.toggle("mh-contrast", contrast);
    document.querySelectorAll("[data-mh-contrast]").forEach(function (b) {
      b.setAttribute("aria-pressed", contrast ? "true" : "false");
      b.title = contrast ? "Tắt chế độ tương phản cao" : "Bật chế độ tương phản cao";
    });
    if (store) {
      store.setItem("mohinh:co-chu", String(level));
      store.setItem("mohinh:tuong-phan", contrast ? "1" : "0");
    }
  }
  document.querySelectorAll(".mh-a11y").forEach(function (bar) {
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-mh-contrast")) {
        contrast = !contrast;
      } else {
        var step = parseInt(button.getAttribute("data-mh-size"), 10);
        level = step === 0 ? 2 : level + step;
      }
      apply();
    });
  });
  apply();

  /* A table wider than the screen scrolls sideways: let the keyboard reach and scroll it too.
     Material wraps tables after load (document$), so this runs on each page it shows. */
  function scrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Bảng (có thể cuộn ngang)");
    });
  }
  /* The printed page says where and when it was printed (theme/main.html, .mh-print-meta): the address
     the reader has open when the site has no real address of its own, and today's date, set before printing. */
  function printMeta() {
    var url = document.querySelector("[data-mh-print-url]");
    if (url && !/^https?:/.test(url.textContent)) url.textContent = window.location.href.split("#")[0];
    var date = document.querySelector("[data-mh-print-date]");
    if (date) {
      var d = new Date();
      date.textContent = ("0" + d.getDate()).slice(-2) + "/" + ("0" + (d.getMonth() + 1)).slice(-2) + "/" + d.getFullYear();
    }
  }
  window.addEventListener("beforeprint", printMeta);
  if (window.matchMedia) window.matchMedia("print").addEventListener("change", function (m) { if (m.matches) printMeta(); });
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(printMeta);
    window.document$.subscribe(scrollableTables);
  } else {
    document.addEventListener("DOMContentLoaded", scrollableTables);
    document.addEventListener("DOMContentLoaded", printMeta);
  }
})();
