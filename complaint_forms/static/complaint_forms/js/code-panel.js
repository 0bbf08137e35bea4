/* Copy and print buttons for the tracking code. Without this file the buttons stay hidden
   and the code is plain selectable text (one tap selects it all). */
(function () {
  "use strict";
  var status = document.querySelector("[data-copy-status]");
  function say(message) {
    if (status) status.textContent = message;
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var code = target.textContent.trim();
      var done = function () { say(button.getAttribute("data-copied") || code); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code).then(done, function () { selectText(target); });
      } else {
        selectText(target);
      }
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();
