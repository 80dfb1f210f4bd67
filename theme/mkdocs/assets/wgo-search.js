// Search: when the worker answered a query that found nothing with the results of a corrected one
// (a typing mistake, theme/hooks/wgo_search_worker.js), say so above the results, in the line that
// otherwise counts them. Material's search publishes each answer on window.component$.
(function () {
  "use strict";
  if (!window.component$) {
    return;
  }
  window.component$.subscribe(function (component) {
    if (!component || typeof component.wgoCorrected !== "string") {
      return;
    }
    var meta = component.ref.querySelector(".md-search-result__meta");
    if (!meta) {
      return;
    }
    var count = meta.textContent;  // Material has just written it
    var line = document.createElement("strong");
    line.className = "wgo-search-corrected";
    line.textContent = component.wgoCorrected;
    meta.textContent = "";
    meta.append(line, document.createElement("br"), count);
  });
})();
