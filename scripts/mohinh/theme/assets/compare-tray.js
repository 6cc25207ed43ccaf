/* The "So sánh" controls of cards and model pages and the tray that names what is chosen (loaded by the pages
   that show such a control, and by the finder and the comparison, theme/assets/finder.js, which use
   `window.mohinhCompare`). Without JavaScript the controls stay hidden. */
(function () {
  "use strict";
  var KEY = "mohinh-so-sanh";
  var MOST = 3;

  /* --- the models chosen for comparison, kept in this browser --- */
  function chosen() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (m) { return m && typeof m.id === "string"; }).slice(0, MOST) : [];
    } catch (error) {
      return [];
    }
  }

  function keep(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list.slice(0, MOST))); } catch (error) { /* private mode */ }
  }

  function comparePage() {
    var link = document.querySelector("link[rel=alternate][type='application/atom+xml']");
    var base = link ? new URL(".", link.href) : new URL("/", location.href);  /* feed.xml sits at the site's root */
    return new URL("so-sanh/", base);
  }

  function compareUrl(list) {
    return comparePage().href + (list.length ? "?m=" + list.map(function (m) { return m.id; }).join(",") : "");
  }

  /* The tray names what is chosen and leads to the comparison. It has a close button (closed, it stays closed
     until the choice changes, on every page) and the page keeps room below for it: it never covers content. */
  var CLOSED = "mohinh-so-sanh-dong";
  var tray = null;
  function closedFor() {
    try { return sessionStorage.getItem(CLOSED); } catch (error) { return null; }
  }
  function setRoom() {
    document.body.style.paddingBottom = tray && !tray.hidden ? (tray.offsetHeight + 16) + "px" : "";
  }
  function showTray(message) {
    var list = chosen();
    var ids = list.map(function (m) { return m.id; }).join(",");
    if (message) {
      try { sessionStorage.removeItem(CLOSED); } catch (error) { /* private mode */ }
    }
    if (!tray) {
      tray = document.createElement("div");
      tray.className = "mh-compare-tray";
      tray.setAttribute("role", "region");
      tray.setAttribute("aria-label", "So sánh mô hình");
      document.body.appendChild(tray);
      window.addEventListener("resize", setRoom);
    }
    tray.textContent = "";
    tray.hidden = (!list.length && !message) || (!message && closedFor() === ids);
    var text = document.createElement("span");
    text.className = "mh-compare-tray__text";
    text.setAttribute("role", "status");
    text.textContent = message || ("Đã chọn " + list.length + "/" + MOST + " mô hình để so sánh.");
    tray.appendChild(text);
    if (list.length) {
      var link = document.createElement("a");
      link.className = "md-button md-button--primary mh-compare-tray__go";
      link.href = compareUrl(list);
      link.textContent = "Xem so sánh";
      tray.appendChild(link);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "mh-compare-tray__close";
    close.setAttribute("aria-label", "Đóng thanh so sánh");
    close.title = "Đóng (các mô hình đã chọn vẫn được giữ)";
    close.textContent = "×";
    close.addEventListener("click", function () {
      try { sessionStorage.setItem(CLOSED, ids); } catch (error) { /* private mode */ }
      tray.hidden = true;
      setRoom();
    });
    tray.appendChild(close);
    setRoom();
  }

  function paint() {
    var ids = chosen().map(function (m) { return m.id; });
    document.querySelectorAll("[data-mh-compare]").forEach(function (button) {
      var on = ids.indexOf(button.getAttribute("data-mh-compare")) >= 0;
      button.hidden = false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "Bỏ so sánh" : "So sánh";
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-mh-compare]");
    if (!button) return;
    var id = button.getAttribute("data-mh-compare");
    var list = chosen();
    var at = list.map(function (m) { return m.id; }).indexOf(id);
    var message = "";
    if (at >= 0) {
      list.splice(at, 1);
    } else if (list.length >= MOST) {
      message = "Chỉ so sánh được " + MOST + " mô hình một lúc: bỏ bớt một mô hình trước.";
    } else {
      list.push({ id: id, name: button.getAttribute("data-mh-name") || id });
    }
    keep(list);
    paint();
    try { sessionStorage.removeItem(CLOSED); } catch (error) { /* private mode */ }
    showTray(message);
  });


  paint();
  if (chosen().length && !document.querySelector(".mh-compare")) showTray("");
  window.mohinhCompare = { chosen: chosen, keep: keep, paint: paint, most: MOST };
})();
