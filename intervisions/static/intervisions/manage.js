/* The coordinators' cycle page: the registrations list refreshes itself (htmx, every 30 s)
   except while the coordinator is choosing in it (a field has the focus, or registrations are
   ticked for the bulk accept); "select the whole page" ticks every box of the page. Without
   JavaScript the page works the same, without the refresh and the "whole page" box. */
(function () {
  "use strict";
  function list() { return document.getElementById("registrations-live"); }
  function busy() {
    var live = list();
    return !!live && (live.contains(document.activeElement) ||
      !!live.querySelector("input[type=checkbox][form=bulk-accept]:checked"));
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail && event.detail.elt === list() && busy()) { event.preventDefault(); }
  });
  function showWholePage() {
    var box = document.getElementById("select-page");
    if (box) { box.hidden = false; }
  }
  document.addEventListener("change", function (event) {
    if (event.target.id !== "select-page") { return; }
    var boxes = list().querySelectorAll("input[type=checkbox][form=bulk-accept]");
    for (var i = 0; i < boxes.length; i++) { boxes[i].checked = event.target.checked; }
  });
  document.addEventListener("DOMContentLoaded", showWholePage);
  document.addEventListener("htmx:afterSwap", showWholePage);
})();
