/* Replication checklist: ticks are remembered by this browser only (localStorage, no cookie, no server). */
(function () {
  "use strict";
  document.querySelectorAll(".mh-kit[data-model]").forEach(function (kit) {
    var key = "mohinh:checklist:" + kit.getAttribute("data-model");
    var boxes = Array.prototype.slice.call(kit.querySelectorAll("input.mh-step__box"));
    var progress = kit.querySelector(".mh-kit__progress");
    var clear = kit.querySelector(".mh-kit__clear");
    var store = null;
    try { store = window.localStorage; } catch (error) { store = null; }

    function load() {
      try { return JSON.parse((store && store.getItem(key)) || "[]"); } catch (error) { return []; }
    }
    function save() {
      var done = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-step"); });
      if (store) {
        if (done.length) store.setItem(key, JSON.stringify(done)); else store.removeItem(key);
      }
      progress.textContent = "Đã xong " + done.length + "/" + boxes.length + " bước";
    }
    var done = load();
    boxes.forEach(function (box) {
      box.checked = done.indexOf(box.getAttribute("data-step")) >= 0;
      box.addEventListener("change", save);
    });
    progress.hidden = false;
    clear.hidden = false;
    clear.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
    });
    save();
  });
})();
