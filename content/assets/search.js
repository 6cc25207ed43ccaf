/* mohinh header search: Pagefind, loaded on first use, accent-insensitive, keyboard accessible. */
(function () {
  "use strict";
  var ABBREVIATIONS = {
    antt: "an ninh trật tự",
    antq: "an ninh Tổ quốc",
    pccc: "phòng cháy chữa cháy",
    atgt: "an toàn giao thông",
    ccb: "cựu chiến binh",
    mttq: "Mặt trận Tổ quốc",
    tdbvantq: "Toàn dân bảo vệ an ninh Tổ quốc",
    ubnd: "Ủy ban nhân dân",
    tdp: "tổ dân phố"
  };

  function expand(query) {
    return query.normalize("NFC").split(/\s+/).map(function (word) {
      var long = ABBREVIATIONS[word.toLowerCase()];
      return long || word;
    }).join(" ").trim();
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  /* Pagefind ranks by content; a reader expects the model whose name matches what was typed first:
     the name with the exact accents typed, then names starting with the query, then containing it. */
  function rank(query, items) {
    var exact = query.normalize("NFC").toLowerCase();
    var folded = fold(query);
    function score(item) {
      var title = ((item.meta && item.meta.title) || "").normalize("NFC").toLowerCase();
      if (exact !== folded && title.indexOf(exact) >= 0) return 0;
      if (fold(title).indexOf(folded) === 0) return 1;
      if (fold(title).indexOf(folded) >= 0) return 2;
      return 3;
    }
    return items.map(function (item, i) { return { item: item, score: score(item), i: i }; })
      .sort(function (a, b) { return a.score - b.score || a.i - b.i; })
      .map(function (entry) { return entry.item; });
  }

  function init(form) {
    var input = form.querySelector("input[type=search]");
    var box = form.querySelector(".mh-search__results");
    var pagefind = null;
    var timer = null;
    var serial = 0;

    function load() {
      if (!pagefind) {
        /* import() resolves against this script, not the page: make the URL absolute first */
        pagefind = import(new URL(form.getAttribute("data-pagefind"), document.baseURI).href).then(function (module) {
          return module.options({ excerptLength: 24, ranking: { pageLength: 0.1, termSimilarity: 4, termFrequency: 0.5 } }).then(function () {
            /* a large site has several indexes (pagefind-2/, ...): searched as one. Merged one after the
               other: Pagefind sets up the first index when the first merge starts, so merges side by side race. */
            var more = (form.getAttribute("data-pagefind-more") || "").split(" ").filter(Boolean);
            return more.reduce(function (done, folder) {
              return done.then(function () { return module.mergeIndex(new URL(folder, document.baseURI).href); });
            }, Promise.resolve());
          }).then(function () { return module; });
        });
      }
      return pagefind;
    }

    function clear() {
      box.hidden = true;
      box.textContent = "";
    }

    function render(query, items) {
      box.textContent = "";
      var heading = document.createElement("p");
      heading.className = "mh-search__count";
      heading.textContent = items.length ? "Kết quả cho “" + query + "”" : "Không tìm thấy mô hình nào cho “" + query + "”";
      box.appendChild(heading);
      var list = document.createElement("ol");
      items.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        var title = document.createElement("strong");
        title.textContent = (item.meta && item.meta.title) || item.url;
        link.appendChild(title);
        if (item.meta && item.meta.tinh) {
          var place = document.createElement("span");
          place.className = "mh-search__place";
          place.textContent = item.meta.tinh;
          link.appendChild(place);
        }
        var excerpt = document.createElement("span");
        excerpt.className = "mh-search__excerpt";
        excerpt.innerHTML = item.excerpt; /* Pagefind escapes page text; it only adds <mark> */
        link.appendChild(excerpt);
        li.appendChild(link);
        list.appendChild(li);
      });
      box.appendChild(list);
      box.hidden = false;
    }

    function search() {
      var query = input.value.trim();
      var mine = ++serial;
      if (!query) { clear(); return; }
      load().then(function (module) {
        return module.search(expand(query));
      }).then(function (response) {
        if (!response || mine !== serial) return null;
        return Promise.all(response.results.slice(0, 16).map(function (r) { return r.data(); }));
      }).then(function (items) {
        if (items && mine === serial) render(query, rank(query, items).slice(0, 8));
      });
    }

    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    });
    form.addEventListener("submit", function (event) {
      if (!box.hidden && box.querySelector("a")) {
        event.preventDefault();
        box.querySelector("a").click();
      }
    });
    form.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(box.querySelectorAll("a"));
      var index = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(index + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && links.length) {
        event.preventDefault();
        if (index <= 0) input.focus(); else links[index - 1].focus();
      } else if (event.key === "Escape") {
        clear();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) box.hidden = true;
    });
  }

  document.querySelectorAll("form.mh-search").forEach(init);
})();
