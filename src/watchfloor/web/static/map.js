// Map page: event places on an offline SVG base map, clustered by screen distance, with popups
// linking to the evidence. Coordinates are degrees: x = longitude, y = -latitude.
"use strict";
(function () {
  const points = JSON.parse(document.getElementById("points").textContent);
  const svg = document.getElementById("map");
  const layer = document.getElementById("markers");
  const popup = document.getElementById("popup");
  const NS = "http://www.w3.org/2000/svg";
  let view = { x: -180, y: -90, w: 360, h: 180 };

  function apply() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    svg.style.setProperty("--stroke", String(view.w / 900));
    draw();
  }

  function clusters() {
    const cell = view.w / 24;
    const groups = new Map();
    points.forEach((p) => {
      const key = Math.floor(p.lon / cell) + ":" + Math.floor(-p.lat / cell);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    });
    return Array.from(groups.values()).map((members) => ({
      members,
      x: members.reduce((s, p) => s + p.lon, 0) / members.length,
      y: members.reduce((s, p) => s - p.lat, 0) / members.length,
      spots: new Set(members.map((p) => p.lat.toFixed(3) + "," + p.lon.toFixed(3))).size,
    }));
  }

  function draw() {
    layer.replaceChildren();
    const unit = view.w / 360;
    clusters().forEach((c) => {
      const g = document.createElementNS(NS, "g");
      g.setAttribute("class", c.members.length > 1 ? "cluster" : "marker q-" + c.members[0].quad);
      g.setAttribute("tabindex", "0");
      const r = unit * (2.2 + Math.log2(c.members.length) * 1.1);
      const circle = document.createElementNS(NS, "circle");
      circle.setAttribute("cx", c.x);
      circle.setAttribute("cy", c.y);
      circle.setAttribute("r", r);
      g.appendChild(circle);
      if (c.members.length > 1) {
        const label = document.createElementNS(NS, "text");
        label.setAttribute("x", c.x);
        label.setAttribute("y", c.y + r * 0.35);
        label.setAttribute("font-size", r);
        label.textContent = String(c.members.length);
        g.appendChild(label);
      }
      const title = document.createElementNS(NS, "title");
      title.textContent = Array.from(new Set(c.members.map((p) => p.place))).join(", ");
      g.appendChild(title);
      g.addEventListener("click", (event) => open(c, event));
      g.addEventListener("keydown", (event) => { if (event.key === "Enter") open(c, event); });
      layer.appendChild(g);
    });
  }

  function open(c, event) {
    event.stopPropagation();
    if (c.spots > 1 && view.w > 4) {
      zoomAt(c.x, c.y, 0.33);
      return;
    }
    popup.replaceChildren();
    const heading = document.createElement("h3");
    heading.textContent = Array.from(new Set(c.members.map((p) => p.place))).join(", ");
    popup.appendChild(heading);
    const list = document.createElement("ul");
    c.members.forEach((p) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = p.href;
      link.textContent = p.label;
      link.className = "q-" + p.quad;
      item.appendChild(link);
      list.appendChild(item);
    });
    popup.appendChild(list);
    const box = svg.parentElement.getBoundingClientRect();
    popup.style.left = Math.min(event.clientX - box.left + 8, box.width - 280) + "px";
    popup.style.top = event.clientY - box.top + 8 + "px";
    popup.hidden = false;
  }

  function zoomAt(cx, cy, factor) {
    const w = Math.min(360, Math.max(1, view.w * factor));
    const h = w / 2;
    view = { x: cx - w / 2, y: cy - h / 2, w, h };
    popup.hidden = true;
    apply();
  }

  function fit() {
    if (!points.length) return;
    const xs = points.map((p) => p.lon), ys = points.map((p) => -p.lat);
    const w = Math.max(8, (Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 2.8);
    zoomAt((Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2, w / view.w);
  }

  let drag = null;
  svg.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY, view: { ...view } }; });
  window.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const scale = view.w / svg.getBoundingClientRect().width;
    view = { ...drag.view, x: drag.view.x - (e.clientX - drag.x) * scale, y: drag.view.y - (e.clientY - drag.y) * scale };
    apply();
  });
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    zoomAt(view.x + view.w / 2, view.y + view.h / 2, e.deltaY > 0 ? 1.25 : 0.8);
  }, { passive: false });
  svg.addEventListener("click", () => { popup.hidden = true; });
  document.getElementById("zoom-in").addEventListener("click", () => zoomAt(view.x + view.w / 2, view.y + view.h / 2, 0.5));
  document.getElementById("zoom-out").addEventListener("click", () => zoomAt(view.x + view.w / 2, view.y + view.h / 2, 2));
  document.getElementById("zoom-fit").addEventListener("click", fit);
  apply();
  fit();
})();
