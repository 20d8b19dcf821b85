/* Small behaviours shared by every page, without inline script (the Content-Security-Policy
   forbids it): a button with data-print prints the page. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) { window.print(); }
  });
})();
/* Main menu groups (<details data-menu>): one open at a time, closed by Escape or a click
   elsewhere. Without this script they still open and close. */
(function () {
  "use strict";
  function menus() { return document.querySelectorAll("details[data-menu]"); }
  document.addEventListener("click", function (event) {
    menus().forEach(function (menu) { if (!menu.contains(event.target)) { menu.open = false; } });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    menus().forEach(function (menu) {
      if (menu.open) { menu.open = false; menu.querySelector("summary").focus(); }
    });
  });
})();
