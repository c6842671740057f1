// Reload the page when the dashboard's content changes (a file was edited, an action
// ran). While a form is being filled in, say so instead of throwing the input away.
(function () {
  "use strict";
  var shown = document.body.dataset.version;
  var editing = false;
  var banner = document.getElementById("live");
  document.addEventListener("input", function () { editing = true; });
  function poll() {
    fetch("/api/version", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (String(data.version) !== shown) {
          if (editing) {
            banner.textContent = banner.dataset.editing;
            banner.hidden = false;
          } else {
            sessionStorage.setItem("docgen-updated", "1");
            window.location.reload();
            return;
          }
        }
        window.setTimeout(poll, 500);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  if (sessionStorage.getItem("docgen-updated")) {
    sessionStorage.removeItem("docgen-updated");
    banner.textContent = banner.dataset.updated;
    banner.hidden = false;
    window.setTimeout(function () { banner.hidden = true; }, 3000);
  }
  window.setTimeout(poll, 500);
})();
