/* Filter and sort the deployability matrix in the browser, and keep its header row in view.
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
  const workProcess = form.elements.namedItem("wp");
  const least = form.elements.namedItem("level");

  function levelOf(cell) {
    const badge = cell.querySelector(".wgo-level");
    return badge ? Number(badge.textContent) : 0;
  }

  // The column of a work process in one table, or of the overall level (the first after the work processes).
  function levelColumn(table, wpId) {
    const header = Array.from(table.tHead.rows[0].cells);
    if (wpId) return header.findIndex((th) => th.dataset.wp === wpId);
    return header.filter((th) => th.dataset.wp).length + 1;
  }

  // With a work process chosen, only its column of levels stays (name, overall, target and status too).
  function showColumns(table, wpId) {
    Array.from(table.tHead.rows[0].cells).forEach((th, column) => {
      const hide = Boolean(wpId && th.dataset.wp && th.dataset.wp !== wpId);
      for (const row of table.rows) if (row.cells[column]) row.cells[column].hidden = hide;
    });
  }

  function filterRows() {
    const teamId = team ? team.value : "";
    const needle = name.value.trim().toLocaleLowerCase();
    const wpId = workProcess.value;
    const minimum = Number(least.value || 0);
    for (const section of sections) {
      const table = section.querySelector(".wgo-matrix-table");
      const column = levelColumn(table, wpId);
      showColumns(table, wpId);
      let shown = 0;
      for (const row of table.tBodies[0].rows) {
        const match = (!needle || row.cells[0].textContent.toLocaleLowerCase().includes(needle)) &&
          (!minimum || levelOf(row.cells[column]) >= minimum);
        row.hidden = !match;
        if (match) shown += 1;
      }
      // A hidden team is left out of the print too: printing after filtering prints that team.
      section.hidden = Boolean(teamId && section.dataset.team !== teamId) || shown === 0;
    }
    keepHeadersInView();
  }

  // The header row stays under Material's top bar while any part of its table is on screen. Inside its
  // box it is sticky (the box scrolls on its own when the table is tall or wide); when the page scrolls the
  // box itself up, CSS cannot follow (sticky holds to the nearest scrolling box), so it is shifted here.
  const bar = document.querySelector(".md-header");
  function keepHeadersInView() {
    const top = bar ? bar.getBoundingClientRect().bottom : 0;
    for (const table of tables) {
      const box = table.parentElement;
      const room = box.clientHeight - table.tHead.offsetHeight;
      const shift = Math.max(0, Math.min(top - box.getBoundingClientRect().top, room));
      table.style.setProperty("--wgo-head-shift", shift + "px");
    }
  }
  let queued = false;
  function onScroll() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; keepHeadersInView(); });
  }
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll);
  for (const table of tables) table.parentElement.addEventListener("scroll", onScroll, { passive: true });

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
  keepHeadersInView();
})();
