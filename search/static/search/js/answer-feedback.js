/* "Was this helpful?" sends the search that led to the answer, so a "yes" teaches search
   (search.learning). The browser reads it from the referrer, not the server, so the page
   stays the same for every visitor and a front cache can share it. Without JavaScript the
   vote is still counted, only without the search words. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-search-query-from]");
  if (!input || input.value || !document.referrer) {
    return;
  }
  var from;
  try {
    from = new URL(document.referrer);
  } catch (error) {
    return;
  }
  if (from.origin !== window.location.origin || from.pathname !== input.dataset.searchQueryFrom) {
    return;
  }
  input.value = (from.searchParams.get("q") || "").trim().slice(0, 200);
})();
