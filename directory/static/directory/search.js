// Search page: the "print this list" button (no inline script: Content-Security-Policy).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
