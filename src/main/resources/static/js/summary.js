// The pre-visit summary's timeline: one small uPlot chart per scale (NRS, ODI/NDI, PHQ-9, MME/day),
// on one shared time axis, with every procedure drawn as a numbered line across all of them. The
// data comes from the element's data-timeline attribute (no inline script: CSP script-src 'self').
// Without JavaScript the page shows the same data as a table.
(function () {
  'use strict';

  var host = document.getElementById('summary-chart');
  if (!host || typeof uPlot === 'undefined' || !host.dataset.timeline) {
    return;
  }
  var data = JSON.parse(host.dataset.timeline);
  var COLORS = { nrs: '#a4262c', odi: '#0f5f73', ndi: '#5b2a86', phq9: '#9a5b00', mme: '#1c2430' };
  var GROUPS = [
    { title: 'NRS pain (0–10)', codes: ['nrs'] },
    { title: 'Disability, ODI / NDI (%)', codes: ['odi', 'ndi'] },
    { title: 'PHQ-9 (0–27)', codes: ['phq9'] }
  ];
  var DAY = 86400;
  var span = Math.max(data.end - data.start, 30 * DAY);
  var xMin = data.start - span * 0.02;
  var xMax = data.end + span * 0.02;

  function byCode(code) {
    for (var i = 0; i < data.series.length; i++) {
      if (data.series[i].code === code) {
        return data.series[i];
      }
    }
    return null;
  }

  // Aligns several series on the union of their times, leaving gaps where one has no result.
  function aligned(list) {
    var times = {};
    list.forEach(function (s) { s.t.forEach(function (t) { times[t] = true; }); });
    var xs = Object.keys(times).map(Number).sort(function (a, b) { return a - b; });
    var out = [xs];
    list.forEach(function (s) {
      var at = {};
      s.t.forEach(function (t, i) { at[t] = s.v[i]; });
      out.push(xs.map(function (x) { return x in at ? at[x] : null; }));
    });
    return out;
  }

  function markers(first, thresholds) {
    return {
      hooks: {
        draw: function (u) {
          var ctx = u.ctx;
          var top = u.bbox.top;
          var bottom = u.bbox.top + u.bbox.height;
          ctx.save();
          (thresholds || []).forEach(function (value) {
            var y = u.valToPos(value, 'y', true);
            if (y < top || y > bottom) {
              return;
            }
            ctx.strokeStyle = '#a4262c';
            ctx.setLineDash([2, 4]);
            ctx.lineWidth = 1;
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = '#a4262c';
            ctx.font = 10 * devicePixelRatio + 'px system-ui, sans-serif';
            ctx.textAlign = 'end';
            ctx.fillText(value + ' MME/day', u.bbox.left + u.bbox.width - 4 * devicePixelRatio, y - 3 * devicePixelRatio);
            ctx.textAlign = 'start';
          });
          data.procedures.forEach(function (p) {
            var x = u.valToPos(p.t, 'x', true);
            ctx.strokeStyle = 'rgba(15, 95, 115, 0.75)';
            ctx.lineWidth = 1.5 * devicePixelRatio;
            ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, bottom);
            ctx.stroke();
            ctx.setLineDash([]);
            if (first) {
              var r = 8 * devicePixelRatio;
              ctx.fillStyle = '#0f5f73';
              ctx.beginPath();
              ctx.arc(x, top + r, r, 0, 2 * Math.PI);
              ctx.fill();
              ctx.fillStyle = '#ffffff';
              ctx.font = 'bold ' + 10 * devicePixelRatio + 'px system-ui, sans-serif';
              ctx.textAlign = 'center';
              ctx.textBaseline = 'middle';
              ctx.fillText(String(p.n), x, top + r);
              ctx.textAlign = 'start';
              ctx.textBaseline = 'alphabetic';
            }
          });
          ctx.restore();
        }
      }
    };
  }

  var charts = [];
  var width = Math.max(280, host.clientWidth);

  function add(title, seriesOpts, values, yRange, thresholds, stepped) {
    var holder = document.createElement('div');
    holder.className = 'summary-chart-panel';
    host.appendChild(holder);
    var opts = {
      title: title,
      width: width,
      height: 150,
      plugins: [markers(charts.length === 0, thresholds)],
      cursor: { sync: { key: 'summary' }, drag: { x: false, y: false } },
      scales: { x: { time: true, range: [xMin, xMax] }, y: { range: yRange } },
      axes: [{ grid: { stroke: '#eef1f4' } }, { grid: { stroke: '#eef1f4' }, size: 44 }],
      series: [{}].concat(seriesOpts.map(function (s) {
        return {
          label: s.label,
          stroke: s.color,
          width: 2,
          spanGaps: true,
          points: { show: !stepped, size: 6, fill: s.color },
          paths: stepped ? uPlot.paths.stepped({ align: 1 }) : undefined
        };
      }))
    };
    charts.push(new uPlot(opts, values, holder));
  }

  GROUPS.forEach(function (g) {
    var list = g.codes.map(byCode).filter(function (s) { return s !== null; });
    if (list.length === 0) {
      return;
    }
    add(
      g.title,
      list.map(function (s) { return { label: s.label, color: COLORS[s.code] || '#1c2430' }; }),
      aligned(list),
      function () { return [list[0].min, list[0].max]; },
      null,
      false
    );
  });

  if (data.mmeSteps.length > 0) {
    var xs = data.mmeSteps.map(function (s) { return s[0]; });
    var ys = data.mmeSteps.map(function (s) { return s[1]; });
    if (xs[xs.length - 1] < data.end) {
      xs.push(data.end);
      ys.push(ys[ys.length - 1]);
    }
    var top = Math.max.apply(null, ys.concat(data.mmeThresholds)) * 1.15 || 10;
    add(
      'Opioid dose (MME/day)',
      [{ label: 'MME/day', color: COLORS.mme }],
      [xs, ys],
      function () { return [0, top]; },
      data.mmeThresholds,
      true
    );
  }

  if (charts.length === 0 && data.procedures.length > 0) {
    add('Procedures', [{ label: '—', color: '#ffffff' }], [[xMin, xMax], [null, null]],
      function () { return [0, 1]; }, null, false);
  }

  if (charts.length > 0) {
    host.classList.add('drawn');
    var table = document.getElementById('timeline-table');
    if (table) {
      table.open = false;
    }
    window.addEventListener('resize', function () {
      var w = Math.max(280, host.clientWidth);
      charts.forEach(function (c) { c.setSize({ width: w, height: 150 }); });
    });
  }
})();
