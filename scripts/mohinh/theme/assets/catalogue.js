/* Catalogue filters (/mo-hinh/): combine province, topic, community, status, year, evidence, costs and a
   keyword; sort by the date of the newest information. The form sits in a <details> ("Lọc"), whose button
   shows how many filters are on; nothing is revealed after load. Without JavaScript the button is left out
   (a <noscript> style) and the page is a plain list of every model, richest and newest first. An older
   address with ?tinh-cu= (a province as the source named it) still filters, through a hidden field. */
(function () {
  "use strict";
  var form = document.querySelector("form.mh-facets");
  if (!form) return;
  var list = document.querySelector(".mh-catalogue");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".mh-catalogue > .mh-card"));
  var count = document.querySelector(".mh-facets__count");
  var active = document.querySelector(".mh-filter__active");
  var sort = form.elements["sap-xep"];

  var reordered = false;
  function order() {
    if (!(sort && sort.value) && !reordered) return;  // the page's own order: leave the cards where they are
    var sorted = cards.slice();
    if (sort && sort.value === "moi-nhat") {
      sorted.sort(function (a, b) {
        var da = a.getAttribute("data-ngay"), db = b.getAttribute("data-ngay");
        return da < db ? 1 : da > db ? -1 : cards.indexOf(a) - cards.indexOf(b);
      });
    }
    reordered = !!(sort && sort.value);
    sorted.forEach(function (card) { list.appendChild(card); });
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function apply() {
    var words = fold(form.elements.q.value).split(/\s+/).filter(Boolean);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select, input[type=hidden]")).filter(function (s) { return s !== sort; });
    var shown = 0;
    cards.forEach(function (card) {
      var keep = selects.every(function (select) {
        if (!select.value) return true;
        return (card.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) >= 0;
      }) && words.every(function (word) { return card.getAttribute("data-text").indexOf(word) >= 0; });
      card.hidden = !keep;
      if (keep) shown += 1;
    });
    var on = selects.filter(function (select) { return select.value; }).length + (words.length ? 1 : 0);
    if (active) active.textContent = on ? " (" + on + " đang bật)" : "";
    var said = "Đang hiện " + shown + "/" + cards.length + " mô hình";
    if (count.textContent !== said) count.textContent = said;
    var params = new URLSearchParams();
    if (form.elements.q.value) params.set("q", form.elements.q.value);
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    if (sort && sort.value) params.set(sort.name, sort.value);
    order();
    var query = params.toString();
    if (query === location.search.replace(/^\?/, "")) return;
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  var initial = new URLSearchParams(location.search);
  Array.prototype.forEach.call(form.elements, function (field) {
    if (field.name && initial.get(field.name)) field.value = initial.get(field.name);
  });
  if (Array.prototype.some.call(form.elements, function (field) { return field.name && field.type !== "hidden" && field.value; })) {
    form.parentNode.open = true;  // filters given in the address are shown
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    form.querySelectorAll("input[type=hidden]").forEach(function (field) { field.value = ""; });
    setTimeout(apply, 0);
  });
  apply();
})();
