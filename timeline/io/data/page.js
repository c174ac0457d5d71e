// The offline page's script: draw the chart with vega-embed, then let the legend filter the
// table. Names (of the legend's parameter, of the table's field) come from the chart's
// usermeta; values are compared as data in a Set, never looked up on a plain object.
window.timelineEmbed = function (target, spec, options, filters) {
  "use strict";

  function filterTable(view, param, field) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.events tbody tr"));
    var caption = document.querySelector("table.events caption");
    var original = caption ? caption.textContent : "";
    view.addSignalListener(param, function (name, value) {
      var chosen = value && Array.isArray(value[field]) ? new Set(value[field].map(String)) : null;
      var shown = 0;
      rows.forEach(function (row) {
        var keep = chosen === null || chosen.has(row.getAttribute("data-" + field) || "");
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      if (caption) caption.textContent = chosen === null ? original : original + " (" + shown + " shown: " + Array.from(chosen).join(", ") + ")";
    });
  }

  return window.vegaEmbed(target, spec, options).then(function (result) {
    window.timelineView = result.view;
    window.timelineRenderedAt = performance.now();  // ms since navigation: time to a drawn view
    filters.forEach(function (filter) { filterTable(result.view, filter[0], filter[1]); });
    target.setAttribute("data-rendered", "true");
    return result;
  }).catch(function (error) {
    var message = document.createElement("p");
    message.className = "error";
    message.textContent = "The chart could not be drawn: " + error;
    target.appendChild(message);
    console.error(error);
  });
};
