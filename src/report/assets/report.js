// pressmine report: sortable tables, filter boxes and the figure card. No network, no libraries.
(function () {
  'use strict';
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  // Sortable tables: a click on a header sorts by that column (again: the other way).
  each(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, col) {
      th.addEventListener('click', function () {
        var up = th.getAttribute('aria-sort') !== 'ascending';
        each(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var num = th.getAttribute('data-type') === 'num';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          var c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, 'zh');
          return up ? c : -c;
        });
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r); });
        body.appendChild(frag);
      });
    });
  });

  // Filter boxes: hide the items (data-filter: a selector) whose text lacks the query.
  each(document.querySelectorAll('input[data-filter]'), function (input) {
    var items = document.querySelectorAll(input.getAttribute('data-filter'));
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      each(items, function (el) { el.hidden = q !== '' && el.textContent.toLowerCase().indexOf(q) < 0; });
    });
  });

  // The figure card: hover or click a figure to see its normalized value and attributes.
  var card = document.getElementById('card');
  if (!card) { return; }
  var pinned = null;
  var fields = [['metric', 'metric'], ['indicator', 'indicator'], ['scope', 'scope'], ['place', 'place'],
    ['period', 'period'], ['kind', 'kind'], ['basis', 'basis'], ['qualifier', 'qualifier'],
    ['modality', 'modality'], ['surface', 'as written'], ['rule', 'rule']];
  function show(mark) {
    var d = mark.dataset;
    card.textContent = '';
    var v = document.createElement('div');
    v.className = 'v';
    v.textContent = d.value + (d.unit ? ' ' + d.unit : '');
    card.appendChild(v);
    var dl = document.createElement('dl');
    fields.forEach(function (f) {
      if (!d[f[0]]) { return; }
      var dt = document.createElement('dt'); dt.textContent = f[1];
      var dd = document.createElement('dd'); dd.textContent = d[f[0]];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    card.appendChild(dl);
    var r = mark.getBoundingClientRect();
    card.style.left = (window.scrollX + Math.min(r.left, window.innerWidth - 380)) + 'px';
    card.style.top = (window.scrollY + r.bottom + 6) + 'px';
    card.hidden = false;
  }
  document.addEventListener('mouseover', function (e) {
    var m = e.target.closest && e.target.closest('mark.claim');
    if (m && !pinned) { show(m); }
  });
  document.addEventListener('mouseout', function (e) {
    var m = e.target.closest && e.target.closest('mark.claim');
    if (m && !pinned) { card.hidden = true; }
  });
  document.addEventListener('click', function (e) {
    var m = e.target.closest && e.target.closest('mark.claim');
    if (pinned) { pinned.classList.remove('active'); }
    if (m && m !== pinned) { pinned = m; m.classList.add('active'); show(m); } else { pinned = null; card.hidden = true; }
  });
})();
