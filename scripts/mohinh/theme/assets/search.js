/* mohinh search: Pagefind, loaded on first use, accent-insensitive, keyboard accessible. The header box shows
   the first results; /tim-kiem/?q=... shows them all, with the catalogue's filters (search-page.js, loaded by
   that page only). Both go through `find`. */
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
  var SHOWN = 8;       /* results in the header box */
  var RANKED = 16;     /* results whose page data is read to order them (the rest keep Pagefind's order), as many as before */

  function expand(query) {
    return query.normalize("NFC").split(/\s+/).map(function (word) {
      var long = ABBREVIATIONS[word.toLowerCase()];
      return long || word;
    }).join(" ").trim();
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  /* The query's neighbouring syllables joined, as mohinh.text.syllable_pairs indexes them for every model
     page (name, places, summary): "Quảng Nam" -> "quangnam". */
  function pairs(query) {
    var words = fold(query).match(/[\p{L}\p{N}]+/gu) || [];
    var found = [];
    for (var i = 0; i + 1 < words.length; i++) {
      if (found.indexOf(words[i] + words[i + 1]) < 0) found.push(words[i] + words[i + 1]);
    }
    return found;
  }

  /* Pagefind matches a word by its beginning: a query that finds few pages is tried again with each long
     word cut by two letters, so one wrong letter near the end of a word ("kenh", "formoza") still finds. */
  function loosened(query) {
    return query.split(/\s+/).map(function (word) {
      return word.length >= 4 ? word.slice(0, Math.max(3, word.length - 2)) : word;
    }).join(" ");
  }

  function isModel(item) { return /\/mo-hinh\/[^/]+\/$/.test(new URL(item.url, location.href).pathname); }

  /* The order a reader expects: pages where the query's syllables stand together (its pairs), then the name
     with the exact accents typed, then places with the exact accents, then names starting with or containing
     the query, then places containing it, then names holding more of the query's words (even with a letter
     wrong near their end); model pages before guides; otherwise Pagefind's order. A model type's page whose
     name or one of its other names is the query ("mắt thần", "camera giam sat") ranks with the exact names. */
  function order(query, entries) {
    var exact = query.normalize("NFC").toLowerCase();
    var folded = fold(query);
    var accented = exact !== folded;
    function tier(item) {
      var title = ((item.meta && item.meta.title) || "").normalize("NFC").toLowerCase();
      /* a model type's page whose name or one of its other names is the query ("mắt thần", "camera giam sat")
         ranks with an exact name */
      var names = [title].concat(((item.meta && item.meta["ten-khac"]) || "").split(",")).map(function (n) { return fold(n.trim()); });
      if (item.meta && item.meta.loai === "loai-mo-hinh" && names.indexOf(folded.trim()) >= 0) return 0;
      var places = ((item.meta && (item.meta["dia-ban"] || item.meta.tinh)) || "").normalize("NFC").toLowerCase();
      if (accented && title.indexOf(exact) >= 0) return 0;
      if (accented && places.indexOf(exact) >= 0) return 1;
      if (fold(title).indexOf(folded) === 0) return 2;
      if (fold(title).indexOf(folded) >= 0) return 3;
      if (fold(places).indexOf(folded) >= 0) return 4;
      return 5;
    }
    var loose = fold(loosened(query)).split(/\s+/).filter(Boolean);
    function missing(item) {  /* words of the query (cut as `loosened` cuts them) no word of the title starts with */
      var words = fold((item.meta && item.meta.title) || "").split(/[^\p{L}\p{N}]+/u);
      return loose.filter(function (w) { return !words.some(function (t) { return t.indexOf(w) === 0; }); }).length;
    }
    /* words of the query, and pairs of its neighbouring words, the page does not hold whole: Pagefind matches
       "gia" in "giám" and "giáp" ("tham gia" and "lại" hold both words, but not side by side), so
       "camera gia lai" would otherwise put a camera in Đà Nẵng next to those of Gia Lai */
    var wanted = fold(expand(query)).match(/[\p{L}\p{N}]+/gu) || [];
    wanted = wanted.concat(wanted.slice(1).map(function (w, i) { return wanted[i] + " " + w; }));
    function absent(item) {
      var text = " " + fold([(item.meta && item.meta.title) || "", (item.meta && item.meta.tinh) || "", item.content || ""].join(" "))
        .replace(/[^\p{L}\p{N}]+/gu, " ") + " ";
      return wanted.filter(function (w) { return text.indexOf(" " + w + " ") < 0; }).length;
    }
    return entries.map(function (e, i) {
      return { e: e, key: [absent(e.item), e.phrase ? 0 : 1, tier(e.item), missing(e.item), isModel(e.item) ? 0 : 1, i] };
    }).sort(function (a, b) {
      for (var k = 0; k < a.key.length; k++) if (a.key[k] !== b.key[k]) return a.key[k] - b.key[k];
      return 0;
    }).map(function (x) { return x.e; });
  }

  var loading = null;
  function load() {
    var form = document.querySelector("form.mh-search");
    if (!form) return Promise.reject(new Error("no search form"));
    if (!loading) {
      /* import() resolves against this script, not the page: make the URL absolute first */
      loading = import(new URL(form.getAttribute("data-pagefind"), document.baseURI).href).then(function (module) {
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
    return loading;
  }

  /* Every result of `query` (with Pagefind `filters`), in the order above: {count, results: [{result, item?}]}
     where the first `RANKED` have their page data (`item`). Two Pagefind searches side by side: the words,
     and the pairs of the words (pages holding the phrase). */
  function find(query, filters) {
    var words = expand(query);
    var options = filters ? { filters: filters } : undefined;
    return load().then(function (module) {
      var phrase = pairs(words).join(" ");
      return Promise.all([module.search(words, options), phrase ? module.search(phrase, options) : null]).then(function (found) {
        if (found[0] && found[0].results.length < SHOWN && loosened(words) !== words) {
          return module.search(loosened(words), options).then(function (loose) { return found.concat([loose]); });
        }
        return found;
      });
    }).then(function (found) {
      var all = found[0] ? found[0].results.slice() : [];
      var seen = {};
      all.forEach(function (r) { seen[r.id] = true; });
      (found[2] ? found[2].results : []).forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; all.push(r); } });
      var inPhrase = {};
      (found[1] ? found[1].results : []).forEach(function (r) { inPhrase[r.id] = true; });
      var entries = all.map(function (r) { return { result: r, phrase: !!inPhrase[r.id] }; });
      entries.sort(function (a, b) { return (a.phrase ? 0 : 1) - (b.phrase ? 0 : 1); });  /* stable */
      var head = entries.slice(0, RANKED);
      return Promise.all(head.map(function (e) { return e.result.data(); })).then(function (items) {
        head.forEach(function (e, i) { e.item = items[i]; });
        return { count: entries.length, results: order(query, head).concat(entries.slice(RANKED)) };
      });
    });
  }

  /* The excerpt from the model's own text: the part of the page with most matches, never the hidden search data
     of a model page (its own part, under the heading #mh-du-lieu-tim-kiem); without a match elsewhere, the
     page's first words. */
  function excerptOf(item) {
    var excerpt = document.createElement("span");
    excerpt.className = "mh-search__excerpt";
    var parts = (item.sub_results || []).filter(function (sub) { return !/#mh-du-lieu-tim-kiem$/.test(sub.url); });
    parts.sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; });
    if (parts.length) {
      excerpt.innerHTML = parts[0].excerpt; /* Pagefind escapes page text; it only adds <mark> */
      fromSentence(excerpt, item.content || "");
    } else {
      excerpt.textContent = (item.content || "").split(/\s+/).slice(0, 24).join(" ") + "…";
    }
    return excerpt;
  }

  /* Pagefind cuts an excerpt by syllables, so it may start inside a word ("hình camera…" of "Mô hình camera…"):
     it starts again at the beginning of its sentence when that is a few words back, otherwise after "…". */
  function fromSentence(excerpt, content) {
    var text = excerpt.textContent;
    var at = content.indexOf(text.slice(0, 40));
    if (at <= 0) return;
    var before = content.slice(Math.max(0, at - 120), at);
    var sentence = before.match(/(?:^|[.!?]\s)([^.!?]*)$/);
    var lead = sentence && (sentence.index > 0 || at <= 120) ? sentence[1] : "";
    /* a sentence cut short, or one starting in lower case (a list item after a heading), reads on from before */
    if (!sentence || !(sentence.index > 0 || at <= 120) || /^\p{Ll}/u.test(lead + text)) lead = "… " + lead;
    excerpt.insertBefore(document.createTextNode(lead), excerpt.firstChild);
  }

  function entryLink(item, className) {
    var link = document.createElement("a");
    link.href = item.url;
    if (className) link.className = className;
    var title = document.createElement("strong");
    title.textContent = (item.meta && item.meta.title) || item.url;
    link.appendChild(title);
    if (item.meta && item.meta.tinh) {
      var place = document.createElement("span");
      place.className = "mh-search__place";
      place.textContent = item.meta.tinh;
      link.appendChild(place);
    }
    link.appendChild(excerptOf(item));
    return link;
  }

  function resultsPage(query) {
    var form = document.querySelector("form.mh-search");
    return new URL((form && form.getAttribute("data-results")) || "tim-kiem/", document.baseURI).href
      + "?q=" + encodeURIComponent(query);
  }

  function initHeader(form) {
    var input = form.querySelector("input[type=search]");
    var box = form.querySelector(".mh-search__results");
    var timer = null;
    var serial = 0;

    function clear() {
      box.hidden = true;
      box.textContent = "";
    }

    function render(query, found) {
      box.textContent = "";
      var heading = document.createElement("p");
      heading.className = "mh-search__count";
      heading.textContent = found.count ? "Kết quả cho “" + query + "”" : "Không tìm thấy mô hình nào cho “" + query + "”";
      box.appendChild(heading);
      var list = document.createElement("ol");
      found.results.slice(0, SHOWN).forEach(function (entry) {
        var li = document.createElement("li");
        li.appendChild(entryLink(entry.item));
        list.appendChild(li);
      });
      box.appendChild(list);
      if (found.count > SHOWN) {
        var all = document.createElement("a");
        all.className = "mh-search__all";
        all.href = resultsPage(query);
        all.textContent = "Xem tất cả " + found.count + " kết quả";
        box.appendChild(all);
      }
      box.hidden = false;
    }

    function search() {
      var query = input.value.trim();
      var mine = ++serial;
      if (!query) { clear(); return; }
      find(query).then(function (found) {
        if (mine === serial) render(query, found);
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

  document.querySelectorAll("form.mh-search").forEach(initHeader);
  /* for the full results page (/tim-kiem/, theme/assets/search-page.js) */
  window.mohinhSearch = { find: find, entryLink: entryLink, load: load };
})();
