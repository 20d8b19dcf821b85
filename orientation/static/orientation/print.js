// Orientation result page: shows the "Print" button (maillage/static/js/maillage.js prints on
// click). Without JavaScript the page says to use the browser's print command instead.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
});
document.querySelectorAll(".print-hint").forEach(function (hint) {
  hint.hidden = true;
});
