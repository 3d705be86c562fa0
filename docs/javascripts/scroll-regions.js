// Scroll regions (wide tables, matrices, diagrams): the frame and the line "Svep i sidled …"
// show only on a region that really is wider than its box (class ls-overflows, set here), and
// only such a region stays a keyboard stop. Without JavaScript no line shows, so none can be
// false; the shadows at the edges (tables.css) still show where there is more to see.
// Material emits document$ for every page it shows, also after instant navigation, so this
// runs on each page; a ResizeObserver marks a region again when it or its content resizes
// (a phone turned sideways, a map fitted to the width).
(function () {
  var REGIONS = ".ls-report-table, .ls-raci-scroll, .ls-table-scroll, .ls-diagram";
  function mark(region) {
    var overflows = region.scrollWidth > region.clientWidth + 1;
    region.classList.toggle("ls-overflows", overflows);
    if (overflows) region.setAttribute("tabindex", "0");
    else region.removeAttribute("tabindex");
  }
  var observer = window.ResizeObserver
    ? new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var region = entry.target.closest(REGIONS);
          if (region) mark(region);
        });
      })
    : null;
  function run() {
    if (observer) observer.disconnect();
    document.querySelectorAll(REGIONS).forEach(function (region) {
      mark(region);
      if (!observer) return;
      observer.observe(region);
      if (region.firstElementChild) observer.observe(region.firstElementChild);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else document.addEventListener("DOMContentLoaded", run);
  if (!observer) window.addEventListener("resize", run);
})();
