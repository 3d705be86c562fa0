// Starts Pagefind's search UI on the search page and runs the query from ?q=.
// Result links are prefixed with the site's own path, so the portal also works when the
// intranet serves it below a folder (https://intranat/ledningssystem/).
(function () {
  "use strict";
  var holder = document.getElementById("sok");
  var root = holder.getAttribute("data-site-root");
  var ui = new PagefindUI({
    element: "#sok",
    baseUrl: new URL(root, window.location.href).pathname,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: false,
    translations: { placeholder: holder.getAttribute("data-placeholder") }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
