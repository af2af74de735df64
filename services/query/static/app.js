// The live page of the newsflow query API: plain JS and the vendored Leaflet, markercluster,
// topojson-client and uPlot (make vendor); nothing is loaded from elsewhere. Every text from the
// API goes into the page through textContent, never as HTML.
//
// All the view's state is in the URL (filters, the selected day, the open event or incident):
// a changed filter is a new history entry, so a view can be shared and back/forward walk it.
"use strict";

const FILTERS = ["q", "country", "since", "source", "type", "actor", "target", "speaker", "day"];
const TEXT_FILTERS = ["q", "country", "source", "actor", "target", "speaker"];
const REFRESH_S = Math.max(1, Number(new URLSearchParams(window.location.search).get("refresh")) || 5);
const TABLE_ROWS = 50;
const MAP_EVENTS = 500;

const state = {
  filters: Object.fromEntries(FILTERS.map((k) => [k, ""])),
  event: null, // {event: event_id, article: article_id}
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

function withQuery(path, query) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.append(key, value);
  }
  return url;
}

async function getJSON(path, query) {
  const response = await fetch(withQuery(path, query), { headers: { accept: "application/json" } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (Array.isArray(body.detail)) {
        message = body.detail.map((d) => `${(d.loc || []).slice(-1)[0] || ""}: ${d.msg}`).join("; ");
      }
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

function participants(list) {
  return (list || []).map((p) => (p.name || p.text) + (p.country ? ` (${p.country})` : "")).join("; ");
}

function whereOf(event) {
  // The place the text ties to the event, else the article's place it is only set in.
  return event.location || event.setting || null;
}

function placeOf(event) {
  const loc = whereOf(event);
  if (!loc) return "";
  const name = (loc.name || loc.text) + (loc.country ? ` (${loc.country})` : "");
  return event.location ? name : `${name}, the article's place`;
}

function eventDay(item) {
  // The event's own date, else its article's publication (the API sorts by the same).
  const e = item.event;
  if (e.time && e.time.date) return e.time.date;
  return item.article ? `${item.article.published_at.slice(0, 10)} (published)` : "";
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
  document.querySelector(`#${tableId} tbody`).replaceChildren(...rows);
  document.getElementById(emptyId).hidden = rows.length > 0;
}

function markFresh(row, id, seen) {
  if (!state.firstLoad && !seen.has(id)) row.classList.add("fresh");
  seen.add(id);
  return row;
}

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// The first and last day of the TIMELINE_DAYS-day span of ``days`` (ISO, sorted) holding the
// largest count; the latest such span wins a tie.
function busiestSpan(days, count) {
  if (!days.length) return ["", ""];
  let best = -1;
  let span = [days[0], days[0]];
  let sum = 0;
  let lo = 0;
  for (let hi = 0; hi < days.length; hi += 1) {
    sum += count(days[hi]);
    const start = addDays(days[hi], 1 - TIMELINE_DAYS);
    while (days[lo] < start) { sum -= count(days[lo]); lo += 1; }
    if (sum >= best) { best = sum; span = [days[lo], days[hi]]; }
  }
  return span;
}

function nextDay(day) {
  return addDays(day, 1);
}

// --- the URL is the state ----------------------------------------------------------------------

function readURL() {
  const params = new URLSearchParams(window.location.search);
  for (const key of FILTERS) state.filters[key] = params.get(key) || "";
  state.event = params.get("event") ? { event: params.get("event"), article: params.get("article") } : null;
  state.incident = params.get("incident");
}

function writeURL({ push }) {
  const params = new URLSearchParams();
  const refresh = new URLSearchParams(window.location.search).get("refresh");
  for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.event) {
    params.set("event", state.event.event);
    if (state.event.article) params.set("article", state.event.article);
  }
  if (state.incident) params.set("incident", state.incident);
  if (refresh) params.set("refresh", refresh);
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

function showFiltersInForm() {
  for (const key of FILTERS) {
    const input = document.getElementById(`${key === "type" ? "event-type" : key}-filter`);
    if (!input || input.value === state.filters[key]) continue;
    if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === state.filters[key])) {
      input.append(el("option", { value: state.filters[key] }, state.filters[key])); // e.g. since=2022-03-01
    }
    input.value = state.filters[key];
  }
  document.getElementById("day-chip").hidden = !state.filters.day;
  document.getElementById("day-value").textContent = state.filters.day;
}

// The filters as the API takes them: a selected day bounds the time to that day.
function timeBounds(withDay) {
  const f = state.filters;
  if (withDay && f.day) return { since: f.day, until: nextDay(f.day) };
  return { since: f.since };
}

function eventQuery(withDay = true) {
  const f = state.filters;
  return { q: f.q, country: f.country, source: f.source, type: f.type, actor: f.actor,
    target: f.target, ...timeBounds(withDay) };
}

function claimQuery(withDay = true) {
  const f = state.filters;
  return { q: f.q, source: f.source, speaker: f.speaker, ...timeBounds(withDay) };
}

function showExportLinks() {
  for (const format of ["csv", "jsonl"]) {
    const events = withQuery("/v1/events/export", { ...eventQuery(), format });
    const claims = withQuery("/v1/claims/export", { ...claimQuery(), format });
    document.getElementById(`export-events-${format}`).href = events.pathname + events.search;
    document.getElementById(`export-claims-${format}`).href = claims.pathname + claims.search;
  }
}

let typingIn = null; // the text filter being typed into, if the last change came from typing

function setFilter(key, value, { push = true, typing = false } = {}) {
  if (!typing) typingIn = null;
  if (state.filters[key] === value) return;
  state.filters[key] = value;
  writeURL({ push });
  showFiltersInForm();
  reload();
}

// --- claims and events -------------------------------------------------------------------------

function claimRow(item) {
  const c = item.claim;
  const speaker = el("td", { className: "speaker" },
    c.speaker.name || "(unknown)",
    c.speaker.role ? el("div", { className: "role" }, c.speaker.role) : null);
  const row = el("tr", { dataset: { claimId: c.claim_id } },
    el("td", { className: "when" }, item.article ? when(item.article.published_at) : ""),
    speaker,
    el("td", {}, el("span", { className: "tag" }, c.kind)),
    el("td", { className: "quote" }, c.content.text),
    el("td", { className: "outlet" }, item.article ? item.article.source || "" : ""),
    el("td", {}, articleLink(item.article)));
  return markFresh(row, c.claim_id, state.seenClaims);
}

function eventRow(item) {
  const e = item.event;
  const incident = item.incident_id
    ? el("button", { type: "button", className: "link incident-link",
      onclick: () => openIncident(item.incident_id) }, "view")
    : "";
  const what = el("button", { type: "button", className: "link open-event",
    onclick: () => openEvent(item) }, e.trigger.text);
  const row = el("tr", { dataset: { eventId: e.event_id, type: e.type } },
    el("td", { className: "when" }, eventDay(item)),
    el("td", {}, el("span", { className: "tag" }, e.type), el("div", { className: "role" }, e.status)),
    el("td", { className: "actors" }, participants(e.actors)),
    el("td", { className: "what" }, what),
    el("td", { className: "targets" }, participants(e.targets)),
    el("td", { className: "where" }, placeOf(e)),
    el("td", { className: "num" }, figures(e.magnitudes)),
    el("td", { className: "outlet" }, item.article ? item.article.source || "" : ""),
    el("td", {}, incident));
  return markFresh(row, e.event_id, state.seenEvents);
}

// Only the answer to the latest request of a kind is shown: an older one (other filters) that
// arrives late is dropped.
const tickets = {};
async function latest(kind, work) {
  const ticket = (tickets[kind] = (tickets[kind] || 0) + 1);
  const result = await work();
  return ticket === tickets[kind] ? result : null;
}

let eventItems = [];

async function refreshEvents() {
  const page = await latest("events", () => getJSON("/v1/events", { ...eventQuery(), limit: MAP_EVENTS }));
  if (!page) return;
  eventItems = page.items;
  fillTable("events", page.items.slice(0, TABLE_ROWS).map(eventRow), "events-empty");
  showMarkers(page.items, Boolean(page.next));
}

async function refreshClaims() {
  const page = await latest("claims", () => getJSON("/v1/claims", { ...claimQuery(), limit: TABLE_ROWS }));
  if (page) fillTable("claims", page.items.map(claimRow), "claims-empty");
}

// --- counts: totals, the timeline, the top lists -----------------------------------------------

function topList(id, buckets, onPick) {
  const items = buckets.map((b) => el("li", {},
    el("button", { type: "button", className: "link", onclick: () => onPick(b) }, b.label || b.key),
    " ", el("span", { className: "role" }, String(b.count))));
  document.getElementById(id).replaceChildren(...items);
}

async function refreshCounts() {
  const [eventDays, claimDays, countries, actors, speakers] = await latest("counts", () => Promise.all([
    getJSON("/v1/events/counts", { ...eventQuery(false), by: "day" }),
    getJSON("/v1/claims/counts", { ...claimQuery(false), by: "day" }),
    getJSON("/v1/events/counts", { ...eventQuery(), by: "country", limit: 8 }),
    getJSON("/v1/events/counts", { ...eventQuery(), by: "actor", limit: 8 }),
    getJSON("/v1/claims/counts", { ...claimQuery(), by: "speaker", limit: 8 }),
  ])) || [];
  if (!eventDays) return;
  document.getElementById("events-total").textContent = `· ${plural(countries.total, "event")}`;
  document.getElementById("claims-total").textContent = `· ${plural(speakers.total, "claim")}`;
  document.getElementById("timeline-total").textContent =
    `· ${plural(eventDays.total, "event")}, ${plural(claimDays.total, "claim")}; click a day to see it`;
  topList("top-countries", countries.buckets, (b) => setFilter("country", b.label || b.key));
  topList("top-actors", actors.buckets, (b) => setFilter("actor", b.key));
  topList("top-speakers", speakers.buckets, (b) => setFilter("speaker", b.key));
  drawTimeline(eventDays.buckets, claimDays.buckets);
}

// --- the timeline (uPlot) ----------------------------------------------------------------------

let timeline = null;
let timelineDays = [];
const DAY_S = 86400;
const TIMELINE_DAYS = 92;
const DAY_STEPS = [1, 2, 7, 14, 28, 91, 365].map((days) => days * DAY_S); // ticks on whole days

function drawTimeline(eventBuckets, claimBuckets) {
  const events = new Map(eventBuckets.map((b) => [b.key, b.count]));
  const claims = new Map(claimBuckets.map((b) => [b.key, b.count]));
  const allDays = [...new Set([...events.keys(), ...claims.keys()])].sort();
  // The chart shows the TIMELINE_DAYS days that hold the most: a few events dated decades back
  // (history quoted) or months ahead (a planned vote) would squeeze the rest into one bar.
  const [first, last] = busiestSpan(allDays, (day) => (events.get(day) || 0) + (claims.get(day) || 0));
  const days = allDays.filter((day) => day >= first && day <= last);
  const outside = allDays.filter((day) => day < first || day > last)
    .reduce((n, day) => n + (events.get(day) || 0), 0);
  document.getElementById("timeline-earlier").textContent = outside
    ? `${plural(outside, "event")} dated before ${first} or after ${last} not drawn` : "";
  const key = JSON.stringify([eventBuckets, claimBuckets]);
  const list = days.map((day) => el("li", {},
    el("button", { type: "button", className: "link", dataset: { day },
      "aria-pressed": String(day === state.filters.day), onclick: () => setFilter("day", day) }, day),
    ` ${plural(events.get(day) || 0, "event")}, ${plural(claims.get(day) || 0, "claim")}`));
  document.getElementById("timeline-days").replaceChildren(...list);
  if (!HAS_CHART) {
    document.getElementById("timeline").textContent =
      "The chart's library is not installed: run `make vendor` (npm ci) and reload.";
    return;
  }
  if (timeline && timeline.key === key) return;
  timelineDays = days;
  const xs = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
  const data = [xs, days.map((d) => events.get(d) || 0), days.map((d) => claims.get(d) || 0)];
  const box = document.getElementById("timeline");
  if (timeline) timeline.destroy();
  const bars = window.uPlot.paths.bars({ size: [0.7, 24], gap: 1 });
  timeline = new window.uPlot({
    width: box.clientWidth || 600,
    height: 170,
    tzDate: (ts) => window.uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    scales: {
      // Half a day of room on each side, so the first and last bars are whole.
      x: { time: true, range: (u, min, max) => [min - DAY_S / 2, max + DAY_S / 2] },
      y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] },
    },
    cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    series: [
      { value: (u, ts) => (ts == null ? "" : new Date(ts * 1000).toISOString().slice(0, 10)) },
      { label: "events", stroke: "#2458c6", fill: "rgba(36, 88, 198, 0.45)", paths: bars },
      { label: "claims", stroke: "#c77d1e", width: 2 },
    ],
    axes: [
      { space: 90, incrs: DAY_STEPS, values: (u, splits) => splits.map((ts) => new Date(ts * 1000).toISOString().slice(0, 10)) },
      { size: 50 },
    ],
  }, data, box);
  timeline.key = key;
  timeline.over.addEventListener("click", () => {
    const index = timeline.cursor.idx;
    if (index !== null && index !== undefined) setFilter("day", timelineDays[index]);
  });
  window.newsflowTimeline = timeline; // for the browser test, which clicks a day on the chart
}

// --- the map (Leaflet) -------------------------------------------------------------------------

let map = null;
let cluster = null;
let markerKey = "";

// The map and chart libraries are built into static/vendor/ by `make vendor`; without them the
// page still lists, counts and exports, and says what is missing.
const HAS_MAP = Boolean(window.L && window.L.markerClusterGroup && window.topojson);
const HAS_CHART = Boolean(window.uPlot);

function setUpMap() {
  if (!HAS_MAP) {
    document.getElementById("map").textContent =
      "The map's libraries are not installed: run `make vendor` (npm ci) and reload.";
    return;
  }
  // No zoom animation: a new filter moves the map at once (and the outlines are drawn whole).
  map = window.L.map("map", {
    minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: true, zoomAnimation: false,
    renderer: window.L.svg({ padding: 1 }),
  }).setView([25, 15], 1.5);
  map.attributionControl.addAttribution("outlines: Natural Earth");
  cluster = window.L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(cluster);
  // Country outlines: Natural Earth 1:50m (world-atlas), served by this app; no tile server.
  getJSON("/static/vendor/world-atlas/countries-50m.json").then((topology) => {
    const countries = window.topojson.feature(topology, topology.objects.countries);
    window.L.geoJSON(countries, {
      interactive: false,
      style: { color: "#a3acb9", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map).bringToBack();
  }).catch((error) => setStatus(`cannot load the country outlines: ${error.message}`, true));
}

function showMarkers(items, more) {
  const located = items.filter((i) => {
    const loc = whereOf(i.event);
    return loc && loc.lat !== null && loc.lat !== undefined && loc.lon !== null;
  });
  const note = `${plural(located.length, "event")} on the map of ${plural(items.length, "event")} listed` +
    (more ? ` (the newest ${MAP_EVENTS})` : "");
  document.getElementById("map-note").textContent = note;
  const key = located.map((i) => i.event.event_id).join(",");
  if (!map || key === markerKey) return;
  markerKey = key;
  cluster.clearLayers();
  const markers = located.map((item) => {
    const e = item.event;
    const loc = whereOf(e);
    const marker = window.L.marker([loc.lat, loc.lon], {
      // An event only set in the article's place is drawn faint: it is not where the text put it.
      opacity: e.location ? 1 : 0.5,
      title: `${e.type}: ${e.trigger.text} · ${placeOf(e)}`,
      alt: `${e.type} at ${placeOf(e)}`,
    });
    marker.on("click", () => openEvent(item));
    marker.on("add", () => { marker.getElement().dataset.eventId = e.event_id; });
    return marker;
  });
  cluster.addLayers(markers);
  if (markers.length) {
    map.fitBounds(window.L.featureGroup(markers).getBounds(), { padding: [30, 30], maxZoom: 6 });
  }
}

// --- one event and its article -----------------------------------------------------------------

function openEvent(item) {
  state.event = { event: item.event.event_id, article: item.event.article_id };
  state.incident = null;
  writeURL({ push: true });
  refreshSide();
}

function fact(term, value) {
  return value ? [el("dt", {}, term), el("dd", {}, value)] : [];
}

async function refreshEventView() {
  const view = document.getElementById("event-view");
  if (!state.event) { view.hidden = true; return; }
  let article = null;
  let event = null;
  let incidentId = null;
  const listed = eventItems.find((i) => i.event.event_id === state.event.event);
  try {
    if (state.event.article) article = await getJSON(`/v1/articles/${encodeURIComponent(state.event.article)}`);
  } catch (_) { /* the article may not be stored yet */ }
  if (article) {
    const found = article.events.find((e) => e.event.event_id === state.event.event);
    if (found) { event = found.event; incidentId = found.incident_id; }
  }
  if (!event && listed) { event = listed.event; incidentId = listed.incident_id; }
  if (!event) {
    document.getElementById("event-title").textContent = `Event ${state.event.event} is not stored (any more)`;
    document.getElementById("event-facts").replaceChildren();
    document.getElementById("event-evidence").replaceChildren();
    document.getElementById("event-article").replaceChildren();
    view.hidden = false;
    return;
  }
  document.getElementById("event-title").textContent = `${event.type} · ${event.status} · ${event.trigger.text}`;
  const loc = whereOf(event);
  document.getElementById("event-facts").replaceChildren(
    ...fact("when", event.time && event.time.date ? `${event.time.date} (“${event.time.text}”)` : ""),
    ...fact("actors", participants(event.actors)),
    ...fact("targets", participants(event.targets)),
    ...fact("where", loc ? placeOf(event) + (loc.lat !== null && loc.lat !== undefined ? ` · ${loc.lat.toFixed(2)}, ${loc.lon.toFixed(2)}` : "") : ""),
    ...fact("figures", figures(event.magnitudes)),
    ...(incidentId ? [el("dt", {}, "incident"), el("dd", {}, el("button", { type: "button", className: "link",
      onclick: () => openIncident(incidentId) }, "open the incident"))] : []));
  const evidence = document.getElementById("event-evidence");
  if (article && article.article.body) {
    const body = article.article.body;
    const span = event.evidence || { start: Math.max(0, event.trigger.start - 160), end: Math.min(body.length, event.trigger.end + 160) };
    const t = event.trigger;
    if (t.start >= span.start && t.end <= span.end) {
      evidence.replaceChildren(body.slice(span.start, t.start), el("mark", {}, body.slice(t.start, t.end)),
        body.slice(t.end, span.end));
    } else {
      evidence.replaceChildren(body.slice(span.start, span.end));
    }
  } else {
    evidence.replaceChildren(event.evidence ? event.evidence.text : "");
  }
  const a = article ? article.article : (listed ? listed.article : null);
  document.getElementById("event-article").replaceChildren(...(a ? [
    articleLink(a), el("div", { className: "role" }, `${a.source || "unknown outlet"} · published ${when(a.published_at)}`),
  ] : [el("span", { className: "role" }, "(article not stored yet)")]));
  view.hidden = false;
}

// --- incidents ---------------------------------------------------------------------------------

function openIncident(incidentId) {
  state.incident = incidentId;
  state.event = null;
  writeURL({ push: true });
  refreshSide();
}

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
      onclick: () => openIncident(incident.incident_id),
    },
    incidentLabel(incident), " ",
    el("span", { className: "toll" }, tollText(incident)), " ",
    el("span", { className: "role" }, plural(incident.mention_count, "mention")))));
  document.getElementById("incidents").replaceChildren(...items);
  document.getElementById("incidents-empty").hidden = items.length > 0;
}

function renderIncidentTimeline(days) {
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
  renderIncidentTimeline(incident.timeline);
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

function report(error) {
  setStatus(`cannot reach the API: ${error.message}`, true);
}

function refreshSide() {
  return Promise.all([refreshIncidents(), refreshIncident(), refreshEventView()]).catch(report);
}

let refreshing = null;

function refresh() {
  if (refreshing) return refreshing;
  showExportLinks();
  refreshing = Promise.all([refreshEvents(), refreshClaims(), refreshCounts(), refreshSide()])
    .then(() => {
      state.firstLoad = false;
      setStatus(`updated ${new Date().toLocaleTimeString()}`, false);
    })
    .catch(report)
    .finally(() => { refreshing = null; });
  return refreshing;
}

// A change of filters: what is shown goes at once (an in-flight refresh answers for old filters).
function reload() {
  showExportLinks();
  Promise.all([refreshEvents(), refreshClaims(), refreshCounts()])
    .then(() => setStatus(`updated ${new Date().toLocaleTimeString()}`, false))
    .catch(report);
}

async function loadChoices() {
  // The types come from the API's own OpenAPI document, so the page never lists a stale set.
  const select = document.getElementById("event-type-filter");
  try {
    const [spec, countries] = await Promise.all([getJSON("/openapi.json"), getJSON("/v1/countries")]);
    const parameter = spec.paths["/v1/events"].get.parameters.find((p) => p.name === "type");
    const schema = parameter.schema.anyOf ? parameter.schema.anyOf[0] : parameter.schema;
    select.append(...(schema.items.enum || []).map((t) => el("option", { value: t }, t)));
    document.getElementById("country-names").replaceChildren(
      ...countries.items.map((c) => el("option", { value: c.name })));
  } catch (error) {
    setStatus(`cannot load the filter choices: ${error.message}`, true);
  }
  showFiltersInForm();
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function wireForm() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => e.preventDefault());
  for (const key of TEXT_FILTERS) {
    const input = document.getElementById(`${key}-filter`);
    // The first pause in typing makes a history entry; the next pauses in the same box amend it,
    // so Back returns to the view before the typing, not to every prefix typed.
    input.addEventListener("input", debounce(() => {
      const push = typingIn !== key;
      typingIn = key;
      setFilter(key, input.value.trim(), { push, typing: true });
    }, 350));
  }
  for (const [id, key] of [["since-filter", "since"], ["event-type-filter", "type"]]) {
    const select = document.getElementById(id);
    select.addEventListener("change", () => setFilter(key, select.value));
  }
  document.getElementById("day-clear").addEventListener("click", () => setFilter("day", ""));
  document.getElementById("clear-filters").addEventListener("click", () => {
    for (const key of FILTERS) state.filters[key] = "";
    writeURL({ push: true });
    showFiltersInForm();
    reload();
  });
  document.getElementById("event-close").addEventListener("click", () => {
    state.event = null;
    writeURL({ push: true });
    refreshSide();
  });
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("refresh-seconds").textContent = String(REFRESH_S);
  readURL();
  setUpMap();
  wireForm();
  window.addEventListener("popstate", () => {
    readURL();
    showFiltersInForm();
    reload();
    refreshSide();
  });
  window.addEventListener("resize", debounce(() => {
    if (timeline) timeline.setSize({ width: document.getElementById("timeline").clientWidth, height: 170 });
  }, 200));
  await loadChoices();
  await refresh();
  setInterval(refresh, REFRESH_S * 1000);
});
