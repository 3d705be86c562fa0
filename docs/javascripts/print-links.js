// Printed pages show where each link in the text leads: CSS prints data-print-url after it.
(function () {
  "use strict";
  var links = document.querySelectorAll("article.md-content__inner a[href]:not(.headerlink)");
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute("href");
    if (href && href.charAt(0) !== "#") {
      links[i].setAttribute("data-print-url", links[i].href);
    }
  }
})();
