/* The pair's changes as a compact chart: one lane per kind of change, a dot per day
   (rules starting are filled, ending hollow), the checked day as a line. Data comes from the
   page itself (#chart-data); the table under it holds the same rows for readers without JS. */
(function () {
  var holder = document.getElementById("chart");
  var source = document.getElementById("chart-data");
  if (!holder || !source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var lanes = data.lanes.filter(function (lane) {
    return data.rows.some(function (row) { return row.lane === lane; });
  });
  var points = data.rows.map(function (row) {
    return { value: [row.day, row.lane], row: row,
             itemStyle: row.change === "ends" ? { color: "#fff", borderColor: "#8a1c17", borderWidth: 2 } : null };
  });
  var chart = echarts.init(holder, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 16, top: 26, bottom: 48, containLabel: true },
    xAxis: { type: "time" },
    yAxis: { type: "category", data: lanes, inverse: true, axisTick: { show: false } },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 16, bottom: 4 }],
    tooltip: { trigger: "item", confine: true, extraCssText: "max-width: 320px; white-space: normal;",
      formatter: function (p) {
        var row = p.data.row, div = document.createElement("div");
        div.textContent = row.day + " · " + row.change + " · " + row.summary;
        return div.innerHTML;
      } },
    series: [{ type: "scatter", symbolSize: 10, data: points,
      markLine: data.on ? { symbol: "none", silent: true, label: { formatter: data.on },
        data: [{ xAxis: data.on }], lineStyle: { color: "#1d4ed8", type: "dashed" } } : undefined }]
  });
  holder.dataset.points = String(points.length);
  holder.dataset.lanes = lanes.join("|");
  window.addEventListener("resize", function () { chart.resize(); });
})();
