/* "Exit this page" (after the GOV.UK design system): the link works without JavaScript;
   with it, the page is replaced in history (the back button does not return here), the
   content is hidden at once, and pressing Shift three times within a second also exits. */
(function () {
  "use strict";
  var button = document.getElementById("exit-this-page");
  if (!button) { return; }
  var target = button.getAttribute("data-exit-url") || button.href;

  function exitPage(event) {
    if (event) { event.preventDefault(); }
    document.body.classList.add("exiting");
    try { window.history.replaceState(null, "", "/"); } catch (e) { /* ignore */ }
    window.location.replace(target);
  }

  button.addEventListener("click", exitPage);

  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) { presses = 0; exitPage(); }
  });
})();
