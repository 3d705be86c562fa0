// Process maps: "Anpassa till bredd" and "Helskärm" buttons beside each map on a process
// page. Without JavaScript the same views are on the map's own page (a link beside the map).
(function () {
  function enhance(figure) {
    var tools = figure.previousElementSibling;
    while (tools && !(tools.classList && tools.classList.contains("ls-map-tools"))) {
      tools = tools.previousElementSibling;
    }
    if (!tools || tools.querySelector("button")) return;
    var fit = document.createElement("button");
    fit.type = "button";
    fit.textContent = "Anpassa till bredd";
    fit.setAttribute("aria-pressed", "false");
    fit.addEventListener("click", function () {
      var on = figure.classList.toggle("ls-figure--fit");
      fit.setAttribute("aria-pressed", on ? "true" : "false");
    });
    tools.insertBefore(fit, tools.firstChild);
    if (figure.requestFullscreen) {
      var full = document.createElement("button");
      full.type = "button";
      full.textContent = "Helskärm";
      full.addEventListener("click", function () { figure.requestFullscreen(); });
      tools.insertBefore(full, fit.nextSibling);
    }
  }
  function run() {
    document.querySelectorAll(".ls-figure--map").forEach(enhance);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else document.addEventListener("DOMContentLoaded", run);
})();
