/* Finding the model that fits (mohinh.outputs.finder): the finder /tim-mo-hinh/ and the comparison
   /so-sanh/?m=a,b,c, the only pages that load this file (after compare-tray.js, whose choice they read and keep).
   Data is read only on those two pages; every figure in it was formatted by the generator. Without JavaScript
   the finder page offers the catalogue's filter links. */
(function () {
  "use strict";
  var tray = window.mohinhCompare;
  var chosen = tray.chosen, keep = tray.keep, paint = tray.paint, MOST = tray.most;

  /* --- the finder --- */
  function initFinder(form) {
    var count = document.querySelector(".mh-finder__count");
    var heading = document.querySelector(".mh-finder__heading");
    var list = document.querySelector(".mh-finder__results");
    var more = document.querySelector(".mh-finder__more");
    var PAGE = 10;
    var data = null;
    var ranked = [];
    var shown = 0;

    function answers() {
      var params = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && field.checked && field.value) params.append(field.name, field.value);
      });
      return params;
    }

    function limit(name) {
      var field = form.querySelector("input[name='" + name + "']:checked");
      var most = field ? field.getAttribute("data-toi-da") : null;
      return most === null || most === "" ? null : Number(most);
    }

    function rank() {
      var col = {};
      data.cot.forEach(function (name, i) { col[name] = i; });
      var params = answers();
      var community = params.get("cong-dong");
      var topic = params.get("van-de");
      var practice = params.get("loai");
      var budget = limit("kinh-phi");
      var people = limit("so-nguoi");
      var peopleAsked = !!params.get("so-nguoi");
      var wants = params.getAll("muon");
      var unknown = data.chua_co;
      var noBudget = params.get("kinh-phi") === "khong";
      return data.mo_hinh.filter(function (row) {
        var cost = row[col.chi_phi_lon_nhat];
        /* a cost not known may still fit; with no budget, a model the residents pay for fits too */
        return budget === null || cost === null || cost <= budget || (noBudget && row[col.dan_tu_lo]);
      }).map(function (row) {
        var score = 0;
        var reasons = [];
        if (noBudget && row[col.dan_tu_lo]) {
          score += 3;  /* known to need no budget first, then the models whose cost is not known */
          reasons.push("không cần ngân sách: " + (row[col.chi_phi_lon_nhat] ? "người dân tự góp" : "nguồn ghi không tốn tiền"));
        }
        var kind = data.cong_dong[row[col.cong_dong]] || row[col.cong_dong];
        if (community && row[col.cong_dong] === community) {
          score += 4;
          reasons.push("cùng loại cộng đồng: " + kind);
        } else {
          reasons.push("loại cộng đồng: " + kind);
        }
        if (topic && row[col.chu_de].indexOf(topic) >= 0) {
          score += 3;
          reasons.push("đúng vấn đề: " + data.chu_de[topic]);
        }
        var practices = row[col.loai] || [];
        if (practice && practices.indexOf(practice) >= 0) {
          score += 3;
          reasons.push("đúng loại mô hình: " + data.loai[practice]);
        } else if (practices.length) {
          reasons.push("loại mô hình: " + practices.map(function (p) { return data.loai[p]; }).join(", "));
        }
        var cost = row[col.chi_phi_lon_nhat];
        reasons.push(cost === null ? "chi phí: " + unknown : "chi phí đã biết: " + row[col.chi_phi]);
        var smallest = row[col.to_it_nhat];
        if (smallest === null) {
          reasons.push("số người mỗi tổ: " + unknown);
        } else if (peopleAsked && (people === null || smallest <= people)) {
          score += 1;
          reasons.push("vừa với số người có thể tham gia: mỗi tổ " + row[col.to]);
        } else {
          reasons.push("mỗi tổ " + row[col.to]);
        }
        var copied = row[col.nhan_rong];
        reasons.push(copied ? copied : "nhân rộng: " + unknown);
        if (wants.indexOf("nhan-rong") >= 0 && row[col.da_nhan_rong]) score += 2;
        var recognised = row[col.cong_nhan];
        reasons.push(recognised ? "được công nhận: " + recognised : "công nhận: " + unknown);
        if (wants.indexOf("cong-nhan") >= 0 && recognised) score += 2;
        var kit = row[col.bo_nhan_rong];
        reasons.push(kit ? kit : "bộ nhân rộng: " + unknown);
        if (wants.indexOf("bo-nhan-rong") >= 0 && kit) score += 2;
        return { row: row, score: score, reasons: reasons, level: row[col.muc_thong_tin], col: col };
      }).sort(function (a, b) {
        return b.score - a.score || b.level - a.level || a.row[col.ten].localeCompare(b.row[col.ten], "vi");
      });
    }

    function item(entry) {
      var col = entry.col;
      var li = document.createElement("li");
      li.className = "mh-finder__item";
      var title = document.createElement("h3");
      var link = document.createElement("a");
      link.href = "../mo-hinh/" + entry.row[col.id] + "/";
      link.textContent = entry.row[col.ten];
      title.appendChild(link);
      li.appendChild(title);
      var place = document.createElement("p");
      place.className = "mh-finder__place";
      place.textContent = entry.row[col.dia_ban];
      li.appendChild(place);
      var why = document.createElement("ul");
      why.className = "mh-finder__reasons";
      why.setAttribute("aria-label", "Lý do");
      entry.reasons.forEach(function (reason) {
        var r = document.createElement("li");
        r.textContent = reason;
        why.appendChild(r);
      });
      li.appendChild(why);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button mh-compare-toggle";
      button.setAttribute("data-mh-compare", entry.row[col.id]);
      button.setAttribute("data-mh-name", entry.row[col.ten]);
      li.appendChild(button);
      return li;
    }

    function show(upto) {
      ranked.slice(shown, upto).forEach(function (entry) { list.appendChild(item(entry)); });
      shown = Math.min(upto, ranked.length);
      more.hidden = shown >= ranked.length;
      paint();
    }

    /* The results start far below the questions: the page moves to them, and the keyboard with it. */
    function toResults() {
      heading.hidden = false;
      heading.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    }

    function update() {
      var params = answers();
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params.toString() : "") + location.hash);
      ranked = rank();
      list.textContent = "";
      shown = 0;
      heading.hidden = false;
      count.textContent = ranked.length ? ranked.length + " mô hình, hợp nhất ở đầu danh sách."
        : "Không có mô hình nào với kinh phí này; thử chọn mức kinh phí khác.";
      show(PAGE);
    }

    var initial = new URLSearchParams(location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) return;
      var values = initial.getAll(field.name);
      if (field.type === "radio" && values.length) field.checked = values[0] === field.value;
      if (field.type === "checkbox") field.checked = values.indexOf(field.value) >= 0;
    });
    form.hidden = false;
    count.textContent = "Đang tải danh sách mô hình…";
    fetch(new URL(form.getAttribute("data-du-lieu"), location.href)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (loaded) {
      data = loaded;
      form.addEventListener("change", update);
      form.addEventListener("reset", function () { setTimeout(update, 0); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        update();
        toResults();
      });
      more.addEventListener("click", function () { show(shown + PAGE); });
      update();
      if (location.search) toResults();  /* answers given in the address: the page opens on the results */
    }).catch(function () {
      count.textContent = "Không tải được danh sách mô hình; hãy tải lại trang, hoặc xem theo danh mục bên dưới.";
    });
  }

  /* --- the comparison --- */
  function initCompare(box) {
    var status = box.querySelector(".mh-compare__status");
    var scroll = box.querySelector(".mh-compare__scroll");
    var head = box.querySelector("thead");
    var body = box.querySelector("tbody");
    var actions = box.querySelector(".mh-compare__actions");
    var given = new URLSearchParams(location.search).get("m");
    var ids = given !== null ? given.split(",") : chosen().map(function (m) { return m.id; });
    ids = ids.filter(function (id, i) { return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && ids.indexOf(id) === i; }).slice(0, MOST);

    actions.querySelector("button").addEventListener("click", function () { window.print(); });

    function render(models) {
      head.textContent = "";
      body.textContent = "";
      if (!models.length) {
        scroll.hidden = true;
        actions.hidden = true;
        status.textContent = "Chưa chọn mô hình nào: bấm “So sánh” ở danh mục hoặc trang mô hình (tối đa " + MOST + ").";
        return;
      }
      var top = document.createElement("tr");
      var corner = document.createElement("td");
      top.appendChild(corner);
      models.forEach(function (model) {
        var th = document.createElement("th");
        th.scope = "col";
        var link = document.createElement("a");
        link.href = "../mo-hinh/" + model.id + "/";
        link.textContent = model.ten;
        th.appendChild(link);
        var drop = document.createElement("button");
        drop.type = "button";
        drop.className = "mh-compare__drop";
        drop.textContent = "Bỏ";
        drop.setAttribute("aria-label", "Bỏ " + model.ten + " khỏi bảng so sánh");
        drop.addEventListener("click", function () {
          var rest = models.filter(function (m) { return m.id !== model.id; });
          keep(rest.map(function (m) { return { id: m.id, name: m.ten }; }));
          history.replaceState(null, "", location.pathname + (rest.length ? "?m=" + rest.map(function (m) { return m.id; }).join(",") : ""));
          render(rest);
        });
        th.appendChild(drop);
        top.appendChild(th);
      });
      head.appendChild(top);
      models[0].dong.forEach(function (row, r) {
        var tr = document.createElement("tr");
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = row[0];
        tr.appendChild(th);
        models.forEach(function (model) {
          var td = document.createElement("td");
          var lines = model.dong[r][1];
          if (lines.length === 1) {
            td.textContent = lines[0];
          } else {
            var ul = document.createElement("ul");
            lines.forEach(function (line) {
              var li = document.createElement("li");
              li.textContent = line;
              ul.appendChild(li);
            });
            td.appendChild(ul);
          }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      scroll.hidden = false;
      actions.hidden = false;
      status.textContent = "So sánh " + models.length + " mô hình: " + models.map(function (m) { return m.ten; }).join("; ") + ".";
    }

    if (!ids.length) { render([]); return; }
    status.textContent = "Đang tải…";
    Promise.all(ids.map(function (id) {
      return fetch(new URL(box.getAttribute("data-thu-muc") + id + ".json", location.href)).then(function (response) {
        return response.ok ? response.json() : null;
      }).catch(function () { return null; });
    })).then(function (models) {
      models = models.filter(Boolean);
      keep(models.map(function (m) { return { id: m.id, name: m.ten }; }));
      history.replaceState(null, "", location.pathname + (models.length ? "?m=" + models.map(function (m) { return m.id; }).join(",") : ""));
      render(models);
      paint();
    });
  }

  document.querySelectorAll("form.mh-finder").forEach(initFinder);
  document.querySelectorAll(".mh-compare").forEach(initCompare);
})();
