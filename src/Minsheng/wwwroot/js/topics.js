// Draws the hot-topic chart (daily counts of the five hottest topics) from the JSON in <script id="topics-data">.
// Every number is also on the page in the topic list and the topic pages, which screen readers use.
(function () {
  "use strict";
  const source = document.getElementById("topics-data");
  const node = document.getElementById("chart-topics");
  if (!source || !node || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const calm = !window.matchMedia || !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const narrow = window.matchMedia && window.matchMedia("(max-width: 640px)").matches;
  const chart = echarts.init(node, null, { renderer: "canvas" });
  chart.setOption({
    color: ["#1c4f8c", "#a61b1b", "#1f6f43", "#8a5300", "#6b2fa3"],
    textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily, color: "#1f2933" },
    animation: calm,
    tooltip: { trigger: "axis", confine: true },
    // Long topic titles: the legend scrolls and cuts them; the tooltip shows them whole.
    legend: { type: "scroll", top: 0, formatter: (name) => (name.length > (narrow ? 10 : 18) ? name.slice(0, narrow ? 10 : 18) + "…" : name) },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", boundaryGap: false, data: data.labels },
    yAxis: { type: "value", minInterval: 1 },
    series: data.series.map((s) => ({ type: "line", name: s.name, data: s.data, smooth: true, smoothMonotone: "x", symbolSize: 4 })),
  });
  window.addEventListener("resize", () => chart.resize());
})();
