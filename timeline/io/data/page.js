// The offline page's script: draw the chart with vega-embed, then let the legend filter the
// table. Names (of the legend's parameter, of the table's field) come from the chart's
// usermeta; values are compared as data in a Set, never looked up on a plain object.
window.timelineEmbed = function (target, spec, options, filters, zoomed) {
  "use strict";

  // A chart drawn as counts carries its marks packed (timeline/chart/packed.py): unpacked
  // after the first drawing, they are drawn one by one whenever the visible window holds at
  // most `limit` of them, and the counts are hidden meanwhile.
  function unpack(text, header) {
    var binary = atob(text), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      var raw = new Uint8Array(buffer), n = header.n, at = 0;
      function planes(size, signed) {
        var out = new Float64Array(n);
        for (var k = 0; k < n; k += 1) {
          var value = 0;
          for (var b = size - 1; b >= 0; b -= 1) value = value * 256 + raw[at + b * n + k];
          if (signed && value >= 2147483648) value -= 4294967296;
          out[k] = value;
        }
        at += size * n;
        return out;
      }
      var steps = planes(4, true), durations = planes(4, false), lanes = planes(2, false), colors = planes(2, false);
      var flags = raw.subarray(at, at + n), statuses = raw.subarray(at + n, at + 2 * n);
      at += 2 * n;
      var labels = header.labels ? new TextDecoder().decode(raw.subarray(at)).split("\n") : null;
      var mids = new Float64Array(n), t = header.t0;
      for (var j = 0; j < n; j += 1) { t += steps[j]; mids[j] = t; }
      return {n: n, mids: mids, durations: durations, lanes: lanes, colors: colors, flags: flags, statuses: statuses, labels: labels};
    });
  }

  function first(sorted, value) {  // the first index whose value is >= value
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >>> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function day(seconds) { return new Date(seconds * 1000).toISOString().slice(0, 10); }

  function drawZoomed(view, entry) {
    var header = entry.header, element = document.getElementById(entry.element);
    if (!element || typeof DecompressionStream === "undefined") return;
    unpack(element.textContent, header).then(function (marks) {
      var shown = false, pending = null;
      function update(selection) {  // the zoom selection: {field: [x0, x1]}, or empty at full view
        var domain = selection ? selection[entry.field] : null;
        var range = Array.isArray(domain) && domain.length === 2 ? domain : null;
        var lo = range ? first(marks.mids, Math.min(+range[0], +range[1]) / 1000) : 0;
        var hi = range ? first(marks.mids, Math.max(+range[0], +range[1]) / 1000 + 1e-9) : marks.n;
        var few = range !== null && hi - lo <= entry.limit;
        if (!few && !shown) return;
        var tuples = [];
        if (few) for (var i = lo; i < hi; i += 1) {
          var mid = marks.mids[i], length = marks.durations[i] * header.unit, f = marks.flags[i];
          var os = (f & 1) === 1, oe = (f & 2) === 2, start = mid - Math.floor(length / 2);
          if (os && !oe) start = mid - length; else if (oe && !os) start = mid;
          var lane = marks.lanes[i], colour = header.colors[marks.colors[i]], sc = header.statuses[marks.statuses[i]];
          var label = marks.labels ? marks.labels[i] : colour;
          tuples.push({
            lo: start * 1000, hi: (start + length) * 1000, mid: mid * 1000, cs: null, ce: null, os: os, oe: oe,
            row: entry.lanes[lane] + ((i % 7) - 3) * 0.12, li: lane, lane: entry.lane_names[lane], role: "",
            side: "right", color: colour, kind: entry.color_field === "kind" ? colour : "", status: sc, sc: sc,
            label: label, norm: os ? "before " + day(start + length) : (oe ? "from " + day(start) + " on" : day(start) + " – " + day(Math.max(start, start + length - 1))),
          });
        }
        shown = few;
        view.data(entry.data, tuples);
        view.signal(entry.signal, few);
        view.runAsync().then(function () { window.timelineZoomedAt = performance.now(); window.timelineZoomedCount = tuples.length; });
      }
      view.addSignalListener(entry.zoom, function (name, value) {
        if (pending !== null) cancelAnimationFrame(pending);
        pending = requestAnimationFrame(function () { pending = null; update(value); });
      });
      window.timelineMarksReady = performance.now();
    }).catch(function (error) { console.error(error); });
  }

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
    (zoomed || []).forEach(function (entry) { setTimeout(function () { drawZoomed(result.view, entry); }, 0); });
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
