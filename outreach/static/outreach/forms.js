/* After a failed submit, move focus to the error summary so screen-reader and keyboard
   users start from the list of problems (each links to its field). */
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();
