/* Draws the dashboard's charts from the JSON the page embeds (json_script "dashboard-data").
   No inline script: the page's Content-Security-Policy forbids it. Every chart also has its
   table on the page, so nothing depends on this file. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var palette = ["#1f4e8c", "#2e8540", "#d4a72c", "#b3261e", "#6f42c1", "#0b7285", "#8a4b08"];

  function option(chart) {
    var labels = chart.rows.map(function (row) { return String(row[0]); });
    var names = chart.columns.slice(1);
    var series = names.map(function (name, i) {
      var s = {
        name: name,
        type: chart.kind === "line" ? "line" : "bar",
        data: chart.rows.map(function (row) { return row[i + 1]; })
      };
      if (chart.kind === "stacked") { s.stack = "total"; }
      return s;
    });
    if (chart.kind === "line" && names.length > 2) {
      // Replies as bars, the rate and the median as lines on their own axis.
      series.forEach(function (s, i) {
        s.type = i < 2 ? "bar" : "line";
        s.yAxisIndex = i < 2 ? 0 : 1;
      });
    }
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 40, right: 40, top: 40, bottom: 40, containLabel: true },
      xAxis: { type: "category", data: labels },
      yAxis: chart.kind === "line" ? [{ type: "value" }, { type: "value" }] : { type: "value" },
      series: series
    };
  }

  var drawn = [];
  data.charts.forEach(function (chart) {
    var element = document.getElementById("chart-" + chart.code);
    if (!element || !chart.rows.length) { return; }
    var instance = echarts.init(element, null, { renderer: "canvas" });
    instance.setOption(option(chart));
    element.setAttribute("data-drawn", "true");
    drawn.push(instance);
  });
  window.addEventListener("resize", function () {
    drawn.forEach(function (instance) { instance.resize(); });
  });
})();
