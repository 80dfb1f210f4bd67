// Filters the rows of a table by the <select data-filter="KEY"> of a form.wgo-filter: a row shows
// when its data-KEY equals every chosen value, and, with an <input data-filter-name>, when its
// data-name holds what is typed there, in any case and without accents ("jans" finds Jansen, "yil"
// finds Yıldız). The table is complete without this script, so the form stays hidden until the
// script runs. Shipped with the site: nothing is loaded from elsewhere.
(function () {
  "use strict";

  // As search folds words (theme/hooks/wgo_search_worker.js): letters that do not decompose into a
  // base letter and accents, then the accents dropped.
  var LETTERS = { "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe" };

  function fold(text) {
    return text.toLowerCase()
      .replace(/[ıİøØłŁßæÆœŒ]/g, function (c) { return LETTERS[c]; })
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .trim();
  }

  function setUp(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table || !table.tBodies.length) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var output = form.querySelector("output");
    var name = form.querySelector("input[data-filter-name]");
    var names = rows.map(function (row) { return fold(row.getAttribute("data-name") || ""); });

    function matches(row, index) {
      var typed = name ? fold(name.value) : "";
      return (!typed || names[index].indexOf(typed) >= 0) && selects.every(function (select) {
        return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
      });
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row, index) {
        row.hidden = !matches(row, index);
        shown += row.hidden ? 0 : 1;
      });
      if (output) {
        output.textContent = output.getAttribute("data-template")
          .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      }
    }

    selects.forEach(function (select) {
      select.addEventListener("change", apply);
    });
    if (name) {
      name.addEventListener("input", apply);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.wgo-filter"), setUp);

  // A closed <details> prints closed: open the lists of names for paper.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.wgo-names"), function (details) {
      details.open = true;
    });
  });
})();
