/* On wide screens the main menu is always shown: open its <details> and hide the toggle.
   Without this file the menu still opens with its "Menu" button at every width. */
(function () {
  "use strict";
  var toggle = document.querySelector("[data-menu-toggle]");
  if (!toggle || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48em)");
  function apply() {
    if (wide.matches) {
      toggle.open = true;
      toggle.setAttribute("data-wide", "");
    } else if (toggle.hasAttribute("data-wide")) {
      toggle.open = false;
      toggle.removeAttribute("data-wide");
    }
  }
  apply();
  wide.addEventListener("change", apply);
})();
