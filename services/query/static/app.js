// The live page of the newsflow query API: plain JS, no build step, nothing loaded from
// elsewhere. Every text from the API goes into the page through textContent, never as HTML.
"use strict";

const params = new URLSearchParams(window.location.search);
const REFRESH_S = Math.max(1, Number(params.get("refresh")) || 5);
const LIMIT = 25;

const state = {
  speaker: params.get("speaker") || "",
  type: params.get("type") || "",
  incident: null,
  seenClaims: new Set(),
  seenEvents: new Set(),
  firstLoad: true,
};

// --- helpers -----------------------------------------------------------------------------------

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(path, query) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.append(key, value);
  }
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (Array.isArray(body.detail)) message = body.detail.map((d) => d.msg).join("; ");
    } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return response.json();
}

function when(iso) {
  // "2022-03-31 09:05" in UTC: the same for every reader.
  return iso ? iso.replace("T", " ").slice(0, 16) : "";
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function figures(magnitudes) {
  return (magnitudes || []).map((m) => `${m.value} ${m.kind}`).join(", ");
}

function articleLink(article) {
  if (!article) return el("span", { className: "role" }, "(article not stored yet)");
  return el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer" },
    article.title || article.url);
}

function setStatus(text, isError) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.toggle("error", Boolean(isError));
}

function fillTable(tableId, rows, emptyId) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...rows);
  document.getElementById(emptyId).hidden = rows.length > 0;
}

function markFresh(row, id, seen) {
  if (!state.firstLoad && !seen.has(id)) row.classList.add("fresh");
  seen.add(id);
  return row;
}

// --- claims and events -------------------------------------------------------------------------

function claimRow(item) {
  const c = item.claim;
  const speaker = el("td", { className: "speaker" },
    c.speaker.name || "(unknown)",
    c.speaker.role ? el("div", { className: "role" }, c.speaker.role) : null);
  const row = el("tr", { dataset: { claimId: c.claim_id } },
    el("td", { className: "when" }, when(item.first_seen_at)),
    speaker,
    el("td", {}, el("span", { className: "tag" }, c.kind)),
    el("td", { className: "quote" }, c.content.text),
    el("td", {}, articleLink(item.article)));
  return markFresh(row, c.claim_id, state.seenClaims);
}

function eventRow(item) {
  const e = item.event;
  const place = e.location ? (e.location.name || e.location.text) : "";
  const country = e.location && e.location.country ? ` (${e.location.country})` : "";
  const incident = item.incident_id
    ? el("a", { href: `#incident=${item.incident_id}`, className: "incident-link" }, "view")
    : "";
  const row = el("tr", { dataset: { eventId: e.event_id, type: e.type } },
    el("td", { className: "when" }, when(item.first_seen_at)),
    el("td", {}, el("span", { className: "tag" }, e.type)),
    el("td", {}, e.status),
    el("td", {}, place + country),
    el("td", { className: "when" }, e.time && e.time.date ? e.time.date : ""),
    el("td", {}, e.trigger.text),
    el("td", { className: "num" }, figures(e.magnitudes)),
    el("td", {}, incident));
  return markFresh(row, e.event_id, state.seenEvents);
}

// Only the answer to the latest request of a list is shown: an older one (other filters) that
// arrives late is dropped.
const requestCounts = { claims: 0, events: 0 };

async function refreshClaims() {
  const ticket = ++requestCounts.claims;
  const page = await getJSON("/v1/claims", { speaker: state.speaker.trim(), limit: LIMIT });
  if (ticket === requestCounts.claims) fillTable("claims", page.items.map(claimRow), "claims-empty");
}

async function refreshEvents() {
  const ticket = ++requestCounts.events;
  const page = await getJSON("/v1/events", { type: state.type, limit: LIMIT });
  if (ticket === requestCounts.events) fillTable("events", page.items.map(eventRow), "events-empty");
}

// --- incidents ---------------------------------------------------------------------------------

function incidentLabel(incident) {
  const place = incident.place_name || incident.country;
  const span = incident.first_date === incident.last_date
    ? incident.first_date : `${incident.first_date} – ${incident.last_date}`;
  return `${incident.type} · ${place} · ${span}`;
}

function tollText(incident) {
  const parts = [];
  if (incident.killed !== null) parts.push(`${incident.killed} killed`);
  if (incident.injured !== null) parts.push(`${incident.injured} injured`);
  return parts.join(", ");
}

async function refreshIncidents() {
  const list = await getJSON("/v1/incidents", { limit: 12 });
  const items = list.items.map((incident) => el("li", {},
    el("button", {
      type: "button",
      dataset: { incidentId: incident.incident_id },
      "aria-pressed": String(incident.incident_id === state.incident),
      onclick: () => { window.location.hash = `incident=${incident.incident_id}`; },
    },
    incidentLabel(incident), " ",
    el("span", { className: "toll" }, tollText(incident)), " ",
    el("span", { className: "role" }, plural(incident.mention_count, "mention")))));
  document.getElementById("incidents").replaceChildren(...items);
  document.getElementById("incidents-empty").hidden = items.length > 0;
}

function renderTimeline(days) {
  const most = Math.max(1, ...days.map((d) => d.mention_count));
  const items = days.map((day) => {
    const bar = el("div", { className: "bar" });
    bar.style.width = `${(100 * day.mention_count) / most}%`; // CSSOM: allowed by the page's CSP
    return el("li", { dataset: { date: day.date } },
      el("span", {}, day.date), bar,
      el("span", { className: "count" },
        `${plural(day.mention_count, "mention")}, ${plural(day.article_count, "article")}`));
  });
  document.getElementById("incident-timeline").replaceChildren(...items);
}

async function refreshIncident() {
  const view = document.getElementById("incident-view");
  if (!state.incident) { view.hidden = true; return; }
  let incident;
  try {
    incident = await getJSON(`/v1/incidents/${encodeURIComponent(state.incident)}`);
  } catch (error) {
    // Incidents regroup as reports arrive; an id can disappear.
    document.getElementById("incident-title").textContent = `Incident ${state.incident}: ${error.message}`;
    view.hidden = false;
    return;
  }
  document.getElementById("incident-title").textContent = incidentLabel(incident);
  document.getElementById("incident-meta").textContent =
    `${plural(incident.mention_count, "mention")} in ${plural(incident.article_count, "article")}` +
    (incident.actors.length ? ` · actors: ${incident.actors.join(", ")}` : "");
  const titles = new Map(incident.mentions.map((m) => [m.article_id, m.title || m.url]));
  const toll = Object.entries(incident.toll).map(([kind, f]) => el("tr", { dataset: { kind } },
    el("td", {}, kind),
    el("td", { className: "num" }, f.value + (f.cumulative ? " (cumulative)" : "")),
    el("td", { className: "when" }, when(f.published_at)),
    el("td", {}, titles.get(f.article_id) || f.article_id)));
  document.querySelector("#incident-toll tbody").replaceChildren(...toll);
  renderTimeline(incident.timeline);
  const mentions = incident.mentions.map((m) => el("tr", { dataset: { eventId: m.event_id } },
    el("td", { className: "when" }, m.event_date || ""),
    el("td", { className: "when" }, when(m.published_at)),
    el("td", {}, m.url
      ? el("a", { href: m.url, target: "_blank", rel: "noopener noreferrer" }, m.title || m.url)
      : m.article_id),
    el("td", {}, m.trigger_text),
    el("td", {}, m.status),
    el("td", { className: "num" }, m.magnitudes || "")));
  document.querySelector("#incident-mentions tbody").replaceChildren(...mentions);
  view.hidden = false;
}

// --- wiring ------------------------------------------------------------------------------------

let refreshing = null;

async function refresh() {
  if (refreshing) return refreshing;
  refreshing = Promise.all([refreshClaims(), refreshEvents(), refreshIncidents(), refreshIncident()])
    .then(() => {
      state.firstLoad = false;
      setStatus(`updated ${new Date().toLocaleTimeString()}`, false);
    })
    .catch((error) => setStatus(`cannot reach the API: ${error.message}`, true))
    .finally(() => { refreshing = null; });
  return refreshing;
}

function readHash() {
  const match = /incident=([^&]+)/.exec(window.location.hash);
  state.incident = match ? decodeURIComponent(match[1]) : null;
}

async function loadEventTypes() {
  // The types come from the API's own OpenAPI document, so the page never lists a stale set.
  const select = document.getElementById("event-type-filter");
  try {
    const spec = await getJSON("/openapi.json");
    const parameter = spec.paths["/v1/events"].get.parameters.find((p) => p.name === "type");
    const schema = parameter.schema.anyOf ? parameter.schema.anyOf[0] : parameter.schema;
    const types = schema.items.enum || [];
    select.append(...types.map((t) => el("option", { value: t }, t)));
  } catch (error) {
    setStatus(`cannot load event types: ${error.message}`, true);
  }
  select.value = state.type;
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("refresh-seconds").textContent = String(REFRESH_S);
  const speaker = document.getElementById("speaker-filter");
  speaker.value = state.speaker;
  const typeSelect = document.getElementById("event-type-filter");
  document.getElementById("filters").addEventListener("submit", (e) => e.preventDefault());
  speaker.addEventListener("input", debounce(() => {
    state.speaker = speaker.value;
    refreshClaims().catch((error) => setStatus(`cannot reach the API: ${error.message}`, true));
  }, 250));
  typeSelect.addEventListener("change", () => {
    state.type = typeSelect.value;
    refreshEvents().catch((error) => setStatus(`cannot reach the API: ${error.message}`, true));
  });
  window.addEventListener("hashchange", () => { readHash(); refresh(); });
  readHash();
  await loadEventTypes();
  await refresh();
  setInterval(refresh, REFRESH_S * 1000);
});
