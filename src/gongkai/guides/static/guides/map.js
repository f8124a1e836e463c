// The service map with the office's tile server (Leaflet, bundled). The list and the drawn
// overview stay on the page; the interactive map replaces the overview only once a tile has
// loaded, so an unreachable tile server leaves the page as it was.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var box = document.getElementById("service-map");
  if (!window.L || !box || !data.url || !data.points.length) { return; }
  box.hidden = false;
  var map = L.map(box, { scrollWheelZoom: false });
  var shown = false;
  var layer = L.tileLayer(data.url, { attribution: data.attribution, maxZoom: 18 });
  layer.on("tileload", function () {
    if (shown) { return; }
    shown = true;
    var overview = document.getElementById("overview");
    if (overview) { overview.hidden = true; }
  });
  layer.addTo(map);
  var bounds = [];
  data.points.forEach(function (p) {
    var marker = L.marker([p.lat, p.lon], { title: p.n + ". " + p.name }).addTo(map);
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.n + ". " + p.name;
    marker.bindPopup(link);
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  window.setTimeout(function () {
    if (!shown) { map.remove(); box.hidden = true; }
  }, 8000);
})();
