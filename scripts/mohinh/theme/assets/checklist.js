/* Replication checklist on a model page: ticked steps are remembered by this browser only
   (localStorage under "mohinh:checklist:<model id>"; no cookie, nothing is sent anywhere).
   Without JavaScript the steps still read and print; the count and the clear button stay hidden. */
(function () {
  "use strict";

  function storage() {
    try {
      var store = window.localStorage;
      var probe = "mohinh:probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // private mode or storage disabled: ticks work for this visit only
    }
  }

  // A step is remembered by its title, so ticks stay with the right step if the steps are reordered.
  function stepKey(box) {
    var item = box.closest("li");
    var title = item && item.querySelector(".mh-step__title");
    return title ? title.textContent.trim() : box.getAttribute("data-step");
  }

  function setUp(kit, store) {
    var key = "mohinh:checklist:" + kit.getAttribute("data-model");
    var boxes = Array.prototype.slice.call(kit.querySelectorAll("input.mh-step__box"));
    var bar = kit.querySelector(".mh-kit__bar");
    var progress = kit.querySelector(".mh-kit__progress");
    var clear = kit.querySelector(".mh-kit__clear");
    if (!boxes.length || !bar || !progress || !clear) return;

    function remembered() {
      try {
        var saved = JSON.parse((store && store.getItem(key)) || "[]");
        return Array.isArray(saved) ? saved : [];
      } catch (error) {
        return [];
      }
    }

    function show() {
      var done = boxes.filter(function (box) { return box.checked; });
      progress.textContent = "Đã xong " + done.length + "/" + boxes.length + " bước";
      clear.disabled = done.length === 0;
      return done;
    }

    function save() {
      var done = show().map(stepKey);
      if (!store) return;
      try {
        if (done.length) store.setItem(key, JSON.stringify(done)); else store.removeItem(key);
      } catch (error) {
        /* storage full or refused: the ticks still show for this visit */
      }
    }

    var saved = remembered();
    boxes.forEach(function (box) {
      box.checked = saved.indexOf(stepKey(box)) >= 0;
      box.addEventListener("change", save);
    });
    clear.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
    });
    bar.hidden = false;
    show();
  }

  function start() {
    var store = storage();
    document.querySelectorAll(".mh-kit[data-model]").forEach(function (kit) { setUp(kit, store); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
