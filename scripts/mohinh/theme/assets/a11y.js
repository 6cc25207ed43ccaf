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
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(scrollableTables);
  } else {
    document.addEventListener("DOMContentLoaded", scrollableTables);
  }
})();
