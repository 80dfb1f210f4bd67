// Filters the rows of a table by the <select data-filter="KEY"> of a form.wgo-filter: a row shows
// when its data-KEY equals every chosen value. The table is complete without this script, so the
// form stays hidden until the script runs. Shipped with the site: nothing is loaded from elsewhere.
(function () {
  "use strict";

  function setUp(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table || !table.tBodies.length) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var output = form.querySelector("output");

    function matches(row) {
      return selects.every(function (select) {
        return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
      });
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = !matches(row);
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
