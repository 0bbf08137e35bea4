// While a citizen describes a problem, show up to three knowledge-base answers that may
// already solve it. Progressive enhancement: without JavaScript the answers appear when
// the form comes back with errors.
(function () {
  "use strict";
  document.querySelectorAll("[data-similar-answers]").forEach(function (box) {
    var form = box.closest("form");
    if (!form || !window.fetch) return;
    var fields = ["title", "description"]
      .map(function (name) { return form.elements[name]; })
      .filter(Boolean);
    var list = box.querySelector("ul");
    var timer = null;
    var lastQuery = "";

    function render(answers) {
      list.replaceChildren();
      answers.forEach(function (answer) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = answer.url;
        link.textContent = answer.title;
        item.appendChild(link);
        if (answer.summary) {
          var summary = document.createElement("span");
          summary.textContent = " \u2014 " + answer.summary;
          item.appendChild(summary);
        }
        list.appendChild(item);
      });
      box.hidden = answers.length === 0;
    }

    function lookUp() {
      var query = fields.map(function (field) { return field.value.trim(); }).join(" ").trim();
      if (query.length < 8 || query === lastQuery) return;
      lastQuery = query;
      var url = box.dataset.similarAnswers + "?lang=" + encodeURIComponent(box.dataset.lang) +
        "&q=" + encodeURIComponent(query.slice(0, 1000));
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { answers: [] }; })
        .then(function (data) { if (query === lastQuery) render(data.answers || []); })
        .catch(function () { /* suggestions are a bonus; the form works without them */ });
    }

    fields.forEach(function (field) {
      field.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(lookUp, 600);
      });
    });
  });
})();
