// Fetch a reCAPTCHA v3 token when the report form is sent (no inline script: CSP).
(function () {
  "use strict";
  document.querySelectorAll("input[data-recaptcha-v3]").forEach(function (input) {
    var form = input.form;
    if (!form) {
      return;
    }
    form.addEventListener("submit", function (event) {
      if (input.value || typeof window.grecaptcha === "undefined") {
        return; // already has a token, or the script is blocked: the server will say so
      }
      event.preventDefault();
      window.grecaptcha.ready(function () {
        window.grecaptcha
          .execute(input.dataset.sitekey, { action: input.dataset.action })
          .then(function (token) {
            input.value = token;
            form.submit();
          });
      });
    });
  });
})();
