// Draws the responder-rate chart of the outcomes page with uPlot from the data in the element's
// data-chart attribute. Without JavaScript the table under the chart shows the same figures.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("outcome-chart");
  if (!box || typeof uPlot === "undefined") {
    return;
  }
  var data = JSON.parse(box.getAttribute("data-chart"));
  if (!data.days || data.days.length === 0) {
    return;
  }
  box.hidden = false;
  // On a narrow screen the early time points (2 and 6 weeks) would print over each other on a scale
  // of days, so there the time points are spaced evenly and the axis says so by its labels alone.
  var even = box.clientWidth < 600;
  var xs = even ? data.days.map(function (d, i) { return i; }) : data.days;
  var labels = {};
  xs.forEach(function (x, i) { labels[x] = even ? data.shortLabels[i] : data.labels[i]; });
  var percent = function (u, v) { return v == null ? "—" : v.toFixed(1) + " %"; };
  var options = {
    width: Math.max(320, box.clientWidth),
    height: 280,
    scales: { x: { time: false }, y: { range: [0, 100] } },
    series: [
      { label: "Follow-up", value: function (u, v) { return v == null ? "—" : labels[v]; } },
      { label: "≥ 50 % responders", stroke: "#1d6b57", width: 2, value: percent, points: { size: 7 } },
      { label: "95 % CI lower", stroke: "#1d6b57", dash: [4, 4], width: 1, value: percent },
      { label: "95 % CI upper", stroke: "#1d6b57", dash: [4, 4], width: 1, value: percent },
      { label: "≥ 30 % responders", stroke: "#8a5a00", width: 2, value: percent, points: { size: 7 } }
    ],
    bands: [{ series: [3, 2], fill: "rgba(29, 107, 87, 0.12)" }],
    axes: [
      { splits: function () { return xs; },
        values: function (u, splits) { return splits.map(function (v) { return labels[v] || ""; }); } },
      { size: 60, values: function (u, splits) { return splits.map(function (v) { return v + " %"; }); } }
    ]
  };
  var plot = new uPlot(options, [xs, data.rate50, data.lower50, data.upper50, data.rate30], box);
  window.addEventListener("resize", function () {
    plot.setSize({ width: Math.max(320, box.clientWidth), height: 280 });
  });
});
