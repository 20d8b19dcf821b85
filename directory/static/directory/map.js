/* Directory map: markers from the JSON embedded in the page (public places only).
   Degrades gracefully: no tile URL -> markers on a blank background; no Leaflet -> no map,
   the list above gives the same information. Re-initialised after htmx swaps. */
(function () {
  "use strict";
  function init() {
    var element = document.getElementById("map");
    var data = document.getElementById("map-points");
    if (!element || !data) return;
    if (typeof L === "undefined") { element.hidden = true; return; }
    if (element._maillageMap) { element._maillageMap.remove(); }
    var points = JSON.parse(data.textContent || "[]");
    var map = L.map(element, { scrollWheelZoom: false }).setView([50.846, 4.357], 12);
    element._maillageMap = map;
    var tiles = element.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: element.dataset.attribution || "" }).addTo(map);
    } else {
      element.classList.add("no-tiles");
    }
    var bounds = [];
    points.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], { radius: 8, weight: 2, color: "#1d4e89", fillOpacity: 0.7 });
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = p.url; link.textContent = p.name;
      var org = document.createElement("div");
      org.textContent = p.organization;
      popup.appendChild(link); popup.appendChild(org);
      marker.bindPopup(popup).addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 15); }
    else if (bounds.length > 1) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 }); }
    element.dataset.markers = String(bounds.length);
  }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSettle", init);
})();
