/* Filter and sort the deployability matrix in the browser.
   Without this script every table is complete and readable; with it, the form above the
   tables appears (it stays hidden otherwise, as it would do nothing). Sorting applies to
   every team's table at once, so that teams read alike. Served from the site itself. */
(function () {
  "use strict";
  const form = document.querySelector("form.wgo-matrix-filter");
  if (!form) return;
  const sections = Array.from(document.querySelectorAll(".wgo-matrix-team"));
  const tables = Array.from(document.querySelectorAll(".wgo-matrix-table"));
  const team = form.elements.namedItem("team");
  const name = form.elements.namedItem("name");

  function filterRows() {
    const teamId = team ? team.value : "";
    const needle = name.value.trim().toLocaleLowerCase();
    for (const section of sections) {
      let shown = 0;
      for (const row of section.querySelectorAll(".wgo-matrix-table > tbody:first-of-type > tr")) {
        const match = !needle || row.cells[0].textContent.toLocaleLowerCase().includes(needle);
        row.hidden = !match;
        if (match) shown += 1;
      }
      // A hidden team is left out of the print too: printing after filtering prints that team.
      section.hidden = Boolean(teamId && section.dataset.team !== teamId) || shown === 0;
    }
  }

  // A level cell sorts by its level, other cells by their number or text.
  function sortKey(cell) {
    const level = cell.querySelector(".wgo-level");
    const text = (level || cell).textContent.trim();
    const number = Number(text);
    return text !== "" && !Number.isNaN(number) ? number : text.toLocaleLowerCase();
  }

  function compare(a, b) {
    if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
    return typeof a === "number" ? -1 : 1;
  }

  const UNSORTED = "\u21C5";

  function sortBy(column, descending) {
    for (const table of tables) {
      const header = table.tHead.rows[0].cells;
      for (const th of header) {
        th.removeAttribute("aria-sort");
        const button = th.querySelector(".wgo-sort");
        if (button) button.textContent = UNSORTED;
      }
      header[column].setAttribute("aria-sort", descending ? "descending" : "ascending");
      // The sorted column shows its direction; the others that they can be sorted.
      const sorted = header[column].querySelector(".wgo-sort");
      if (sorted) sorted.textContent = descending ? "\u25BC" : "\u25B2";
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      // Array.prototype.sort is stable: rows of equal value keep their order.
      rows.sort((a, b) => compare(sortKey(a.cells[column]), sortKey(b.cells[column])) * (descending ? -1 : 1));
      body.append(...rows);
    }
  }

  const label = form.dataset.sortLabel || "";
  for (const table of tables) {
    Array.from(table.tHead.rows[0].cells).forEach((th, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "wgo-sort";
      button.textContent = UNSORTED;
      button.setAttribute("aria-label", label + ": " + th.textContent.trim());
      button.title = button.getAttribute("aria-label");
      button.addEventListener("click", () => {
        // First click: names A to Z, levels highest first; the next click turns it round.
        const current = th.getAttribute("aria-sort");
        const descending = current ? current === "ascending" : column > 0;
        sortBy(column, descending);
      });
      th.appendChild(button);
    });
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", filterRows);
  form.addEventListener("change", filterRows);
  form.hidden = false;
})();
