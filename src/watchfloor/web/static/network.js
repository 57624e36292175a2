// Actor network: a small force layout (repulsion between nodes, springs along edges), drawn once
// it settles. Node size is how often an actor appears; edge width is the number of events.
"use strict";
(function () {
  const graph = JSON.parse(document.getElementById("graph").textContent);
  const svg = document.getElementById("network");
  const NS = "http://www.w3.org/2000/svg";
  const W = 900, H = 560;
  const codes = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
  const nodes = graph.nodes.filter((n) => codes.has(n.code)).map((n, i, all) => {
    const angle = (2 * Math.PI * i) / Math.max(all.length, 1);
    return { ...n, x: W / 2 + 200 * Math.cos(angle), y: H / 2 + 200 * Math.sin(angle), vx: 0, vy: 0 };
  });
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const edges = graph.edges.filter((e) => byCode.has(e.source) && byCode.has(e.target));

  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    nodes.forEach((a) => nodes.forEach((b) => {
      if (a === b) return;
      const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 100), d = Math.sqrt(d2);
      a.vx += (dx / d) * (6000 / d2); a.vy += (dy / d) * (6000 / d2);
    }));
    edges.forEach((e) => {
      const a = byCode.get(e.source), b = byCode.get(e.target);
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, pull = (d - 140) * 0.02;
      a.vx += (dx / d) * pull; a.vy += (dy / d) * pull; b.vx -= (dx / d) * pull; b.vy -= (dy / d) * pull;
    });
    nodes.forEach((n) => {
      n.vx += (W / 2 - n.x) * 0.004; n.vy += (H / 2 - n.y) * 0.004;
      n.x = Math.min(W - 40, Math.max(40, n.x + n.vx * cool)); n.y = Math.min(H - 30, Math.max(30, n.y + n.vy * cool));
      n.vx *= 0.6; n.vy *= 0.6;
    });
  }

  function add(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    (parent || svg).appendChild(node);
    return node;
  }
  const defs = add("defs", {});
  const marker = add("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
  add("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow" }, marker);
  const radius = (n) => 8 + 4 * Math.sqrt(n.as_actor + n.as_recipient);

  edges.forEach((e) => {
    const a = byCode.get(e.source), b = byCode.get(e.target);
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, rb = radius(b) + 3;
    const tone = e.mean_intensity < 0 ? "conflict" : "coop";
    const line = add("line", {
      x1: a.x, y1: a.y, x2: b.x - (dx / d) * rb, y2: b.y - (dy / d) * rb,
      class: "edge " + tone, "stroke-width": String(1 + 1.5 * Math.sqrt(e.events)), "marker-end": "url(#arrow)",
    });
    add("title", {}, line).textContent = e.source + " → " + e.target + ": " + e.events + " events (" + e.types.join(", ") + "), mean intensity " + e.mean_intensity;
  });
  nodes.forEach((n) => {
    const link = add("a", { href: "/timeline?actor=" + encodeURIComponent(n.code), class: "node" });
    add("circle", { cx: n.x, cy: n.y, r: radius(n), class: n.mean_intensity < 0 ? "conflict" : "coop" }, link);
    add("text", { x: n.x, y: n.y + radius(n) + 13 }, link).textContent = n.code;
    add("title", {}, link).textContent = n.name + " (" + n.code + "): actor in " + n.as_actor + ", recipient in " + n.as_recipient + " events";
  });
})();
