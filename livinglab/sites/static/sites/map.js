// The field-site map: markers from the page's JSON (no inline script), tiles only when the
// deployment names a tile server (LIVINGLAB_MAP_TILES); otherwise a plain background.
(function () {
  "use strict";

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) { node.className = className; }
    return node;
  }

  function popup(point) {
    var box = document.createElement("div");
    var link = text("a", point.name);
    link.href = point.url;
    var title = document.createElement("p");
    title.appendChild(link);
    box.appendChild(title);
    box.appendChild(text("p", point.agency));
    if (point.capabilities.length) { box.appendChild(text("p", point.capabilities.join("、"))); }
    return box;
  }

  function draw() {
    var holder = document.getElementById("site-map");
    var data = JSON.parse(document.getElementById("site-map-data").textContent);
    if (!holder || !window.L) { return; }
    holder.textContent = "";
    var map = L.map(holder, { scrollWheelZoom: false, attributionControl: Boolean(data.tiles) });
    L.control.scale({ imperial: false }).addTo(map);
    if (data.tiles) {
      L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution || "" }).addTo(map);
    } else {
      holder.classList.add("is-plain");
      var note = L.control({ position: "bottomleft" });
      note.onAdd = function () { return text("div", data.plain, "site-map-note"); };
      note.addTo(map);
    }
    var markers = data.points.map(function (point) {
      // A numbered marker: the number is the site's place in the list below the map.
      var icon = L.divIcon({
        className: "site-marker",
        html: text("span", String(point.number)),
        iconSize: [28, 28],
        iconAnchor: [14, 14],
        popupAnchor: [0, -12]
      });
      var marker = L.marker([point.lat, point.lng], {
        icon: icon, title: point.name, alt: point.name, riseOnHover: true
      });
      marker.bindPopup(popup(point));
      marker.bindTooltip(point.name, { direction: "top", offset: [0, -14], className: "site-label" });
      return marker.addTo(map);
    });
    if (markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds(), { padding: [40, 40], maxZoom: 15 });
    } else {
      map.setView([25.04, 121.55], 11);  // Taipei
    }
    holder.dataset.ready = String(markers.length);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
