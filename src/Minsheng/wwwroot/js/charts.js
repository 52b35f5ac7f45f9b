// Draws the dashboard's charts from the JSON the page embeds in <script id="dashboard-data">.
// Each chart's numbers are also in the table under it, which is what screen readers and printouts use.
(function () {
  "use strict";
  const source = document.getElementById("dashboard-data");
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const calm = !window.matchMedia || !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const palette = ["#1c4f8c", "#a61b1b", "#1f6f43", "#8a5300", "#6b2fa3", "#0e7490", "#b45309", "#475569", "#be185d", "#4d7c0f"];
  const font = { fontFamily: getComputedStyle(document.documentElement).fontFamily, color: "#1f2933" };
  const charts = [];

  function draw(id, option) {
    const node = document.getElementById(id);
    if (!node) return;
    const chart = echarts.init(node, null, { renderer: "canvas" });
    chart.setOption(Object.assign({ color: palette, textStyle: font, animation: calm, tooltip: { confine: true } }, option));
    charts.push(chart);
  }

  // Long category names are cut in the axis; the full name is in the tooltip and the table.
  const shortLabel = { width: 96, overflow: "truncate" };

  function bars(id, items, horizontal) {
    // A horizontal bar per township or category: let the chart grow so every name stays readable.
    const node = document.getElementById(id);
    if (node && horizontal) node.style.height = Math.max(280, items.length * 24 + 50) + "px";
    const names = items.map((i) => i.name);
    const values = items.map((i) => i.value);
    const category = { type: "category", data: horizontal ? names.slice().reverse() : names, axisLabel: horizontal ? shortLabel : { interval: 0, rotate: names.length > 5 ? 30 : 0 } };
    const value = { type: "value", minInterval: 1 };
    draw(id, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: "bar", name: "受理量", data: horizontal ? values.slice().reverse() : values, barMaxWidth: 28,
        label: { show: items.length <= 12, position: horizontal ? "right" : "top" } }],
    });
  }

  const t = data.trend;
  draw("chart-trend", {
    tooltip: { trigger: "axis" },
    legend: {
      type: "scroll", top: 0,
      // The channels are there to compare on demand; the two totals are what the line is for.
      selected: Object.fromEntries(t.channels.map((c) => [c.name, false])),
    },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", boundaryGap: false, data: t.labels },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { type: "line", name: "受理量", data: t.received, smooth: true, smoothMonotone: "x", symbolSize: 5, areaStyle: { opacity: 0.08 } },
      { type: "line", name: "其中已办结", data: t.closed, smooth: true, smoothMonotone: "x", symbolSize: 5 },
    ].concat(t.channels.map((c) => ({ type: "line", name: c.name, data: c.data, smooth: true, smoothMonotone: "x", symbolSize: 4, lineStyle: { width: 1.5, type: "dashed" } }))),
  });

  draw("chart-channel", {
    tooltip: { trigger: "item", formatter: "{b}：{c} 件（{d}%）" },
    legend: { type: "scroll", bottom: 0 },
    series: [{ type: "pie", name: "受理渠道", radius: ["36%", "62%"], center: ["50%", "44%"], data: data.channel,
      // Thin slices get no label (they would overlap); the legend, tooltip and table still name them.
      minShowLabelAngle: 12, percentPrecision: 1, label: { formatter: "{b}\n{d}%" }, avoidLabelOverlap: true }],
  });
  bars("chart-type", data.type, false);
  bars("chart-category", data.category, true);
  bars("chart-township", data.township, true);

  let pending = 0;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => charts.forEach((c) => c.resize()));
  });
})();
