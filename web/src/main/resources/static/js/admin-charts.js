/*
 * The analytics page's charts (Chart.js 4, served by this module). The figures come from the page's
 * <script type="application/json" id="analytics-data"> block: the Content-Security-Policy runs no inline code,
 * and the same figures are in the tables under each chart for anyone who cannot see it.
 */
(function () {
  'use strict';

  var block = document.getElementById('analytics-data');
  if (!block || typeof window.Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(block.textContent);
  var BLUE = '#0b5cad';
  var GREEN = '#176b2c';
  var RED = '#a4161a';
  var AMBER = '#7a4b00';
  var motion = !window.matchMedia || !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function bar(id, labels, datasets, options) {
    var canvas = document.getElementById(id);
    if (!canvas || !labels || labels.length === 0) {
      return;
    }
    var config = {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: motion ? undefined : false,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { display: datasets.length > 1 } }
      }
    };
    if (options && options.indexAxis) {
      config.options.indexAxis = options.indexAxis;
      config.options.scales = { x: { beginAtZero: true } };
    }
    if (options && options.max) {
      config.options.scales.y.max = options.max;
    }
    return new window.Chart(canvas, config);
  }

  var t = data.titles || {};
  bar('chart-visitors', data.visitors.labels, [
    { label: t.visitors, data: data.visitors.visitors, backgroundColor: BLUE },
    { label: t.expected, data: data.visitors.expected, backgroundColor: GREEN }
  ]);
  bar('chart-fill-rate', data.fillRate.labels, [
    { label: t.fillRate, data: data.fillRate.percent, backgroundColor: AMBER }
  ], { max: 100 });
  bar('chart-cancellations', data.cancellations.labels, [
    { label: t.cancellations, data: data.cancellations.bookings, backgroundColor: RED }
  ], { indexAxis: 'y' });
  bar('chart-lead-time', data.leadTime.labels, [
    { label: t.leadTime, data: data.leadTime.bookings, backgroundColor: BLUE }
  ]);
}());
