/**
 * The report's one inline script, as text: filtering and sorting the findings table. It is
 * allowed by the page's Content-Security-Policy through its SHA-256 hash (computed when the report
 * is built), so the page needs neither 'unsafe-inline' nor any file beside it. It reads only the
 * DOM the report wrote, sets `hidden` and moves rows; it never turns text into markup.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById('filter-text');
  var kind = document.getElementById('filter-kind');
  var family = document.getElementById('filter-family');
  var count = document.getElementById('shown');
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });

  function applyFilter() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var k = kind.value;
    var f = family.value;
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!k || row.getAttribute('data-kind') === k) && (!f || row.getAttribute('data-family') === f) &&
        words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = String(shown);
  }

  function sortBy(th) {
    var index = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var keyed = rows.map(function (row, i) {
      var cell = row.cells[index];
      var raw = cell.getAttribute('data-sort');
      var value = raw !== null ? raw : cell.textContent.trim().toLowerCase();
      return { row: row, i: i, value: numeric ? Number(value) : value };
    });
    keyed.sort(function (a, b) {
      var c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return (ascending ? c : -c) || a.i - b.i;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
  }

  search.addEventListener('input', applyFilter);
  kind.addEventListener('change', applyFilter);
  family.addEventListener('change', applyFilter);
  Array.prototype.forEach.call(table.querySelectorAll('th button'), function (button) {
    button.addEventListener('click', function () { sortBy(button.parentNode); });
  });
  document.documentElement.setAttribute('data-ready', '');
})();
`;
