/* mohinh serve: the errors of the last rebuild, shown over every page of the preview (only in `mohinh serve`).
 * `window.mohinhPreviewErrors` (set just above by the plugin) holds each problem as `mohinh check` prints it;
 * when it is empty, the records are valid and nothing is shown. MkDocs' live reload reloads the page after
 * every rebuild, so the panel goes as soon as the record is fixed. Text only (no HTML from the records). */
(function () {
  'use strict';
  var errors = window.mohinhPreviewErrors || [];
  if (!errors.length) return;

  function show() {
    var panel = document.createElement('section');
    panel.id = 'mohinh-loi-xem-truoc';
    panel.setAttribute('role', 'alert');
    panel.setAttribute('aria-labelledby', 'mohinh-loi-xem-truoc-tieu-de');
    panel.style.cssText = 'position:fixed;inset:0;z-index:100000;overflow:auto;background:#fff;color:#1a1a1a;' +
      'padding:1.5rem 2rem;font:16px/1.5 system-ui,sans-serif;border-top:.5rem solid #b00020';
    var title = document.createElement('h2');
    title.id = 'mohinh-loi-xem-truoc-tieu-de';
    title.style.cssText = 'font-size:1.5rem;margin:0 0 .5rem;color:#b00020';
    title.textContent = 'Hồ sơ có lỗi: trang xem trước chưa được cập nhật';
    var lead = document.createElement('p');
    lead.textContent = errors.length + ' lỗi, như lệnh `mohinh check` báo. Sửa tệp rồi lưu lại: trang tự tải lại ' +
      'và trở về bình thường khi hết lỗi. Trang bên dưới là bản dựng được gần nhất.';
    var list = document.createElement('ul');
    list.style.cssText = 'padding-left:1.25rem';
    errors.forEach(function (text) {
      var item = document.createElement('li');
      item.style.cssText = 'margin:.5rem 0';
      var where = /^(\S+:\d+:\d+:)\s*(.*)$/.exec(text);
      if (where) {
        var code = document.createElement('code');
        code.style.cssText = 'font-weight:bold;word-break:break-all';
        code.textContent = where[1];
        item.appendChild(code);
        item.appendChild(document.createTextNode(' ' + where[2]));
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
    var hide = document.createElement('button');
    hide.type = 'button';
    hide.textContent = 'Ẩn để xem trang cũ';
    hide.style.cssText = 'font:inherit;padding:.25rem .75rem;cursor:pointer';
    hide.addEventListener('click', function () { panel.remove(); });
    panel.append(title, lead, list, hide);
    document.body.appendChild(panel);
  }
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show);
})();
