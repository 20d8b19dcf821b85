// Search page (the "print this list" button is handled by maillage/static/js/maillage.js).
// htmx replaces the search block after each filter change: keep the filter panel open if the
// person had opened it (without JavaScript the page reloads and the chips show the filters).
var filtersOpen = false;
document.addEventListener("htmx:beforeRequest", function () {
  filtersOpen = !!document.querySelector(".filter-panel[open]");
});
document.addEventListener("htmx:afterSettle", function () {
  var panel = document.querySelector(".filter-panel");
  if (filtersOpen && panel) {
    panel.setAttribute("open", "");
  }
});
