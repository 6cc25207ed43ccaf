/* Share buttons of a model page: copy the link, or the phone's own share sheet (Zalo, Messenger...).
   No third-party script: the Email, Facebook and Zalo buttons are plain links. */
(function () {
  "use strict";
  document.querySelectorAll(".mh-share").forEach(function (box) {
    var url = box.getAttribute("data-url") || location.href.split("#")[0];
    var copy = box.querySelector(".mh-share__copy");
    var native = box.querySelector(".mh-share__native");
    if (navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () { copy.textContent = "Đã sao chép liên kết"; });
      });
    }
    if (navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () { navigator.share({ title: document.title, url: url }); });
    }
  });
})();
