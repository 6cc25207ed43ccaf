/* The full search results page /tim-kiem/?q=... (the only page that loads this file, after search.js, whose
   `find` orders the results as the header box does). */
(function () {
  "use strict";
  var search = window.mohinhSearch;
  if (!search) return;
  var find = search.find, entryLink = search.entryLink, load = search.load;

  /* /tim-kiem/: every result, 20 at a time, with Pagefind's filters (the catalogue's: province today and as
     reported, topic, community, status, year); the query and filters stay in the address. */
  function initPage(form) {
    var input = form.querySelector("input[type=search]");
    var filtersBox = form.querySelector(".mh-results__filters");
    var count = document.querySelector(".mh-results__count");
    var list = document.querySelector(".mh-results__list");
    var more = document.querySelector(".mh-results__more");
    var PAGE = 20;
    var current = [];
    var shown = 0;
    var serial = 0;
    var initial = new URLSearchParams(location.search);

    function chosen() {
      var filters = {};
      Array.prototype.forEach.call(filtersBox.querySelectorAll("select"), function (select) {
        if (select.value) filters[select.name] = select.value;
      });
      return filters;
    }

    function show(upto) {
      var rest = current.slice(shown, upto);
      return Promise.all(rest.map(function (e) { return e.item ? e.item : e.result.data(); })).then(function (items) {
        items.forEach(function (item) {
          var li = document.createElement("li");
          li.appendChild(entryLink(item));
          list.appendChild(li);
        });
        shown += items.length;
        more.hidden = shown >= current.length;
      });
    }

    function run() {
      var query = input.value.trim();
      var filters = chosen();
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      Object.keys(filters).forEach(function (key) { params.set(key, filters[key]); });
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params.toString() : ""));
      var mine = ++serial;
      list.textContent = "";
      shown = 0;
      more.hidden = true;
      if (!query) { count.textContent = "Gõ từ khóa để tìm mô hình."; return Promise.resolve(); }
      return find(query, Object.keys(filters).length ? filters : null).then(function (found) {
        if (mine !== serial) return;
        current = found.results;
        count.textContent = found.count ? "Có " + found.count + " kết quả cho “" + query + "”"
          : "Không tìm thấy mô hình nào cho “" + query + "”";
        return show(PAGE);
      });
    }

    load().then(function (module) { return module.filters(); }).then(function (filters) {
      Object.keys(filters).sort().forEach(function (name) {
        var label = document.createElement("label");
        label.textContent = name.charAt(0).toUpperCase() + name.slice(1) + " ";
        var select = document.createElement("select");
        select.name = name;
        var any = document.createElement("option");
        any.value = "";
        any.textContent = "Tất cả";
        select.appendChild(any);
        Object.keys(filters[name]).sort(function (a, b) { return a.localeCompare(b, "vi"); }).forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + filters[name][value] + ")";
          select.appendChild(option);
        });
        if (initial.get(name)) select.value = initial.get(name);
        label.appendChild(select);
        filtersBox.appendChild(label);
      });
      input.value = initial.get("q") || "";
      form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
      form.addEventListener("change", run);
      var typing = null;
      input.addEventListener("input", function () { clearTimeout(typing); typing = setTimeout(run, 200); });
      more.addEventListener("click", function () { show(shown + PAGE); });
      run();
    });
  }

  document.querySelectorAll("form.mh-results").forEach(initPage);
})();
