// Draws 每月一题's appeals per month from <script id="volume-data">; the work month is marked. The table under the chart
// carries the same numbers for screen readers and print.
(function () {
  "use strict";
  const source = document.getElementById("volume-data");
  const node = document.getElementById("volume-chart");
  if (!source || !node || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const calm = !window.matchMedia || !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const chart = echarts.init(node, null, { renderer: "canvas" });
  chart.setOption({
    animation: calm,
    tooltip: { trigger: "axis", confine: true },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: data.months.map((m) => m.month), axisLabel: { rotate: data.months.length > 8 ? 30 : 0 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{
      type: "bar", name: "诉求量", barMaxWidth: 28, label: { show: true, position: "top" },
      data: data.months.map((m) => ({ value: m.appeals, itemStyle: { color: m.month === data.start ? "#a61b1b" : m.month < data.start ? "#8a9bb0" : "#1c4f8c" } })),
    }],
  });
  window.addEventListener("resize", () => chart.resize());
})();
