// Document page: click a marked passage (or a row of the lists) to see its event, claim or place.
// Everything shown is built with textContent: article text is never parsed as HTML.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("annotations").textContent);
  const panel = document.getElementById("details");
  const text = document.getElementById("doc-text");

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function row(list, label, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    list.appendChild(el("dt", null, label));
    list.appendChild(el("dd", null, value));
  }

  function actors(list) {
    return list.map((a) => a.code + " (" + a.name + ")").join(", ");
  }

  function why(explanation) {
    if (!explanation) return null;
    const rule = explanation.rule || {};
    const parts = ["trigger '" + explanation.trigger + "' (lexicon: " + rule.lemma + " -> " + rule.event + (rule.mode ? "/" + rule.mode : "") + ")"];
    return parts.concat(explanation.roles || [], explanation.date ? ["date from " + explanation.date] : []).join("; ");
  }

  function eventCard(item) {
    const card = el("section", "card event");
    card.appendChild(el("h3", "badge q-" + item.quad, item.event + (item.mode ? " · " + item.mode : "")));
    const list = el("dl");
    row(list, "Actor", actors(item.actor));
    row(list, "Recipient", actors(item.recipient));
    row(list, "Date", (item.date.start || "undated") + (item.date.end && item.date.end !== item.date.start ? " to " + item.date.end : "") +
      " (" + item.date.precision + (item.date.text ? ', "' + item.date.text + '"' : "") + ")");
    row(list, "Place", item.place ? item.place.name + " (" + item.place.kind + (item.place.relation ? ", " + item.place.relation : "") + ")" : null);
    row(list, "Context", (item.context || []).join(", "));
    row(list, "Quad · intensity", item.quad + " · " + item.intensity);
    row(list, "Quantities", (item.quantities || []).map((q) => q.text + (q.about ? " " + q.about : "")).join("; "));
    row(list, "Flag", item.aux);
    row(list, "Confidence", item.confidence);
    row(list, "Why", why(item.explanation));
    row(list, "Id", item.id);
    card.appendChild(list);
    return card;
  }

  function claimCard(item) {
    const card = el("section", "card claim");
    card.appendChild(el("h3", "badge v-" + item.verdict, item.verdict + " · " + item.kind));
    card.appendChild(el("p", "reason", item.reason));
    const list = el("dl");
    row(list, "Subject", item.subject);
    row(list, "Attribute", item.attribute);
    row(list, "Value", typeof item.value === "object" && item.value !== null ? JSON.stringify(item.value) : item.value);
    row(list, "As of", item.as_of);
    row(list, "Check-worthiness", item.checkworthy);
    card.appendChild(list);
    if (item.references && item.references.length) {
      card.appendChild(el("h4", null, "References"));
      const refs = el("ul", "refs");
      item.references.forEach((ref) => {
        refs.appendChild(el("li", null, ref.statement + " (" + (ref.source || "no source") + (ref.as_of ? ", as of " + ref.as_of : "") + ")"));
      });
      card.appendChild(refs);
    }
    return card;
  }

  function placeCard(item) {
    const card = el("section", "card place");
    card.appendChild(el("h3", "badge pl", item.name));
    const list = el("dl");
    row(list, "Text", item.text);
    row(list, "Kind", item.kind);
    row(list, "Country", item.country);
    row(list, "Coordinates", item.lat !== null && item.lat !== undefined ? item.lat.toFixed(3) + ", " + item.lon.toFixed(3) : null);
    row(list, "Knowledge base", item.kb_id);
    card.appendChild(list);
    return card;
  }

  function show(keys, origin) {
    panel.replaceChildren();
    document.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
    keys.forEach((key) => {
      const item = data[key];
      if (!item) return;
      const card = item.mark === "event" ? eventCard(item) : item.mark === "claim" ? claimCard(item) : placeCard(item);
      card.id = "card-" + key;
      panel.appendChild(card);
      text.querySelectorAll("mark").forEach((m) => {
        if (m.dataset.marks.split(" ").includes(key)) m.classList.add("selected");
      });
    });
    if (origin) panel.scrollIntoView({ block: "nearest" });
  }

  function select(key) {
    const first = Array.from(text.querySelectorAll("mark")).find((m) => m.dataset.marks.split(" ").includes(key));
    if (!first) return;
    first.scrollIntoView({ block: "center" });
    const keys = [key].concat(first.dataset.marks.split(" ").filter((k) => k !== key && !k.startsWith("p-")));
    show(keys, false);
  }

  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (mark) show(mark.dataset.marks.split(" "), true);
  });
  text.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(mark.dataset.marks.split(" "), true);
    }
  });
  document.querySelectorAll("[data-mark]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      history.replaceState(null, "", "#" + link.dataset.mark);
      select(link.dataset.mark);
    });
  });
  if (location.hash.length > 1) select(decodeURIComponent(location.hash.slice(1)));
})();
