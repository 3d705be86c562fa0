// Starts Pagefind's search UI on the search page and runs the query from ?q=.
(function () {
  "use strict";
  var ui = new PagefindUI({
    element: "#sok",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: false,
    translations: { placeholder: "Sök i ledningssystemet" }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
