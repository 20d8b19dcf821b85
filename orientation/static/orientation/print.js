// Orientation result page: shows the "Print" button and prints on click. Without JavaScript
// the page says to use the browser's print command; nothing else depends on this file.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
document.querySelectorAll(".print-hint").forEach(function (hint) {
  hint.hidden = true;
});
