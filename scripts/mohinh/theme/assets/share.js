/* Share buttons of a model page: copy the link, or the phone's own share sheet (Zalo, Messenger...).
   No third-party script: the Email, Facebook and Zalo buttons are plain links written by the generator;
   this file reveals the two buttons the browser can serve and, when the site has no real site_url, gives the
   three links the address of the page being read. */
(function () {
  "use strict";
  document.querySelectorAll(".mh-share").forEach(function (box) {
    var given = box.getAttribute("data-url") || "";
    var url = /^https?:\/\//.test(given) ? given : location.href.split("#")[0];  // no site_url: this page
    var title = box.getAttribute("data-title") || document.title;
    /* Without a real site_url the generator writes no address: the links share the page being read. */
    var links = {
      email: "mailto:?subject=" + encodeURIComponent(title) + "&body=" + encodeURIComponent(title + "\n" + url),
      facebook: "https://www.facebook.com/sharer/sharer.php?u=" + encodeURIComponent(url),
      zalo: "https://button-share.zalo.me/share_external?layout=1&color=blue&customize=false&d=" +
        encodeURIComponent(btoa(JSON.stringify({ url: url }))) + "&shareType=0"
    };
    box.querySelectorAll("[data-mh-share]").forEach(function (link) {
      var href = links[link.getAttribute("data-mh-share")];
      if (!href) return;
      link.href = href;
      link.hidden = false;
    });
    var copy = box.querySelector(".mh-share__copy");
    var native = box.querySelector(".mh-share__native");
    var status = document.createElement("span");
    status.className = "mh-share__status";
    status.setAttribute("role", "status");
    box.appendChild(status);
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = "Đã sao chép liên kết.";
        }, function () {
          status.textContent = "Không sao chép được; hãy chép địa chỉ trên thanh địa chỉ.";
        });
      });
    }
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: document.title, url: url }).catch(function () { /* closed by the reader */ });
      });
    }
  });
})();
