/* Draws the monitor's trend from the JSON the page embeds ("monitor-trend-data"), with the
   ECharts file the reports app bundles. No inline script (CSP); the table holds the same
   figures, so nothing depends on this file. */
(function () {
  "use strict";
  var source = document.getElementById("monitor-trend-data");
  var target = document.getElementById("monitor-trend");
  if (!source || !target || typeof echarts === "undefined") { return; }
  var points = JSON.parse(source.textContent);
  var headers = target.parentNode.querySelectorAll("thead th");
  var names = [headers[1].textContent, headers[2].textContent];
  var chart = echarts.init(target);
  chart.setOption({
    color: ["#1f4e8c", "#b3261e"],
    tooltip: { trigger: "axis" },
    legend: { data: names },
    grid: { left: 40, right: 16, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: points.map(function (p) { return p.day; }) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: names[0], type: "line", data: points.map(function (p) { return p.findings; }) },
      { name: names[1], type: "line", data: points.map(function (p) { return p.vetoes; }) }
    ]
  });
  target.setAttribute("data-drawn", "true");
  window.addEventListener("resize", function () { chart.resize(); });
}());
