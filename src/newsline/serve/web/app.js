// newsline workspace: a small single-page client of the newsline HTTP API.
// Written by hand, without a framework or a build step, so the server ships three static files and
// nothing is fetched from elsewhere. Document text is untrusted: every string goes into the page as
// a text node (el() and highlighted() below), never as markup.
"use strict";

const view = () => document.getElementById("view");
const cache = new Map(); // GET responses of this page load, by URL: views share documents and lists

// el("a", {href: "#/x", class: "y"}, "text", child...) -> element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "style") node.style.cssText = value; // through the CSSOM: the page's CSP forbids style attributes
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...nodes(children));
  return node;
}

// Children as nodes: nested lists flattened, absent ones dropped, strings made text (never markup).
function nodes(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}

function show(...children) {
  view().replaceChildren(...nodes(children));
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") query.set(k, v);
  const url = "/api/" + path + (query.toString() ? "?" + query : "");
  if (cache.has(url)) return cache.get(url);
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await response.json();
  if (!response.ok) {
    const error = new Error((body.error && body.error.message) || response.statusText);
    error.hint = body.error && body.error.hint;
    throw error;
  }
  cache.set(url, body);
  return body;
}

// The text with each range {start, end, cls, title, id} marked; overlapping ranges are clipped.
function highlighted(text, ranges) {
  const out = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(el("mark", {class: r.cls, title: r.title, id: r.id}, text.slice(start, r.end)));
    at = r.end;
  }
  out.push(text.slice(at));
  return out;
}

function route() {
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  return {parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "")};
}

function go(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) query.set(k, v);
  location.hash = path + (query.toString() ? "?" + query : "");
}

function dateLabel(event) {
  if (!event.start) return "undated";
  return event.end && event.end !== event.start ? `${event.start} – ${event.end}` : event.start;
}

function eventLink(event) {
  const planned = event.modality === "planned";
  return el("a", {class: "event" + (planned ? " planned" : ""), href: "#/event/" + encodeURIComponent(event.id)},
    event.summary,
    el("span", {class: "badge"}, event.type),
    planned ? el("span", {class: "badge planned"}, "planned") : null,
    event.modality !== "happened" && !planned ? el("span", {class: "badge"}, event.modality) : null,
    el("span", {class: "badge", title: (event.outlets || []).join(", ")},
      `${event.documents} document${event.documents === 1 ? "" : "s"}`));
}

function pager(page, onPage) {
  if (page.total <= page.limit && page.offset === 0) return null;
  const last = page.offset + page.items.length;
  return el("div", {class: "pager"},
    el("button", {disabled: page.offset === 0, onclick: () => onPage(Math.max(0, page.offset - page.limit))}, "← Previous"),
    el("span", {class: "muted"}, `${page.offset + 1}–${last} of ${page.total}`),
    el("button", {disabled: last >= page.total, onclick: () => onPage(page.offset + page.limit)}, "Next →"));
}

// A bar of filters whose submission opens ``path`` with the form's fields as the query.
function filterForm(path, attrs, ...children) {
  return el("form", {...attrs, class: "controls", onsubmit: (e) => {
    e.preventDefault();
    go(path, Object.fromEntries(new FormData(e.target)));
  }}, ...children);
}

function select(name, label, options, current) {
  return el("label", {}, label, el("select", {name},
    el("option", {value: ""}, "all"),
    options.map(([value, text]) => el("option", {value, selected: value === current}, text))));
}

// ---- timeline -------------------------------------------------------------------------------------

function bucketKey(date, size) { return size === "year" ? date.slice(0, 4) : size === "month" ? date.slice(0, 7) : date.slice(0, 10); }

function bucketRange(key) {
  if (key.length === 4) return [key + "-01-01", key + "-12-31"];
  if (key.length === 7) {
    const lastDay = new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)), 0)).getUTCDate();
    return [key + "-01", `${key}-${lastDay}`];
  }
  return [key, key];
}

async function timelineView(params) {
  const [stats, entities, outlets] = await Promise.all([api("stats"), api("entities", {limit: 200}), api("outlets", {limit: 500})]);
  const filters = {from: params.get("from"), to: params.get("to"), type: params.get("type"),
                   entity: params.get("entity"), outlet: params.get("outlet")};
  const offset = Number(params.get("offset") || 0);
  if (!filters.from && !filters.to && params.get("all") !== "1") {
    // A big collection's dates run from a founding in 1439 to a forecast for 2099; open on the span
    // where the story is, with a way out to every year.
    const focus = centralSpan((await api("events", {...filters, dated: true, limit: 1})).dates);
    if (focus) { go("/", {...filters, from: focus[0], to: focus[1], focus: "1"}); return REDIRECTED; }
  }
  const apart = params.get("apart") === "1";  // the events kept out of the timeline, with their reasons
  const page = await api("events", {...filters, dated: true, starting: true, entries: !apart, limit: 200, offset});
  const focused = params.get("focus") === "1";
  const form = filterForm("/", {id: "timeline-filters"},
    el("label", {}, "From", el("input", {type: "date", name: "from", value: filters.from || ""})),
    el("label", {}, "To", el("input", {type: "date", name: "to", value: filters.to || ""})),
    select("type", "Type", stats.event_types.map((t) => [t, t]), filters.type),
    select("entity", "Entity", entities.items.map((e) => [e.id, `${e.name} (${e.mentions})`]), filters.entity),
    select("outlet", "Outlet", outlets.items.map((s) => [s.outlet, `${s.outlet} (${s.documents})`]), filters.outlet),
    el("button", {type: "submit"}, "Apply"),
    el("button", {type: "button", onclick: () => zoomOut(filters, stats)}, "Zoom out"),
    el("button", {type: "button", onclick: () => go("/", {})}, "Reset"));
  const byDay = new Map();
  for (const event of page.items) {
    if (!byDay.has(event.start)) byDay.set(event.start, []);
    byDay.get(event.start).push(event);
  }
  show(
    el("h1", {}, "Timeline", el("span", {class: "muted"}, ` · ${page.total} dated ${apart ? "events, with those kept apart" : "entries"}`)),
    el("p", {class: "muted"}, apart ? el("a", {href: "#/", id: "entries-only"}, "Show the timeline's entries only")
      : el("a", {href: "#/?apart=1&all=1", id: "show-apart"}, "Show the events kept out of the timeline too")),
    form,
    focused ? el("p", {class: "muted", id: "focus-note"}, `Showing ${filters.from} to ${filters.to}, the shortest span with 80% of the events dated to the day. `,
      el("a", {href: "#/?all=1"}, "Show every year")) : null,
    density(page.dates, filters),
    page.items.length ? null : el("p", {class: "muted"}, "No dated events match."),
    ...[...byDay.entries()].map(([day, events]) => el("section", {class: "day"},
      el("time", {datetime: day}, day), el("div", {}, events.map(eventLink)))),
    pager(page, (o) => go("/", {...filters, offset: o})));
}

// The shortest span of days holding 80% of the events dated to the day ([first, last]), when it is
// much narrower than the span of all dated events; else null. A story's coverage also dates what
// it recalls (a founding in 1439, "the last century"), and those few events would stretch the view.
const FOCUS_SHARE = 0.8;

function centralSpan(dates) {
  const days = Object.keys(dates || {}).filter((d) => d.length === 10).sort();
  const total = days.reduce((n, d) => n + dates[d], 0);
  if (total < 40) return null; // a small collection is read whole
  const time = (d) => Date.parse(d);
  let best = null, held = 0, left = 0;
  for (let right = 0; right < days.length; right++) {
    held += dates[days[right]];
    while (held - dates[days[left]] >= total * FOCUS_SHARE) held -= dates[days[left++]];
    if (held >= total * FOCUS_SHARE && (!best || time(days[right]) - time(days[left]) < time(best[1]) - time(best[0]))) {
      best = [days[left], days[right]];
    }
  }
  const all = Object.keys(dates).sort();
  const first = bucketRange(all[0])[0], last = bucketRange(all[all.length - 1])[1];
  return best && time(best[1]) - time(best[0]) < (time(last) - time(first)) / 2 ? best : null;
}

// Bars of events per day, month or year (whichever gives a readable number of bars); a bar zooms in.
function density(dates, filters) {
  const days = Object.keys(dates || {}).sort();
  if (!days.length) return null;
  const spanDays = (Date.parse(days[days.length - 1].slice(0, 10).padEnd(10, "-01")) - Date.parse(days[0].slice(0, 10).padEnd(10, "-01"))) / 864e5;
  const size = spanDays > 3 * 365 ? "year" : spanDays > 120 ? "month" : "day";
  const counts = new Map();
  for (const day of days) counts.set(bucketKey(day, size), (counts.get(bucketKey(day, size)) || 0) + dates[day]);
  const most = Math.max(...counts.values());
  const keys = [...counts.keys()];
  return el("div", {},
    el("div", {class: "density", role: "group", "aria-label": `events per ${size}; choose one to zoom in`},
      keys.map((key) => el("button", {type: "button", title: `${key}: ${counts.get(key)} events`,
        style: `height:${Math.max(4, Math.round(60 * counts.get(key) / most))}px`,
        onclick: () => { const [from, to] = bucketRange(key); go("/", {...filters, from, to}); }}))),
    el("div", {class: "axis"}, el("span", {}, keys[0]), el("span", {}, `events per ${size}`), el("span", {}, keys[keys.length - 1])));
}

function zoomOut(filters, stats) {
  if (!filters.from && !filters.to) return;
  const from = Date.parse(filters.from || stats.first), to = Date.parse(filters.to || stats.last);
  const widen = Math.max(to - from, 864e5 * 7);
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  go("/", {...filters, from: iso(from - widen), to: iso(to + widen)});
}

// ---- one event, its citations in their sources ------------------------------------------------------

const REDIRECTED = Symbol("redirected"); // a view that went elsewhere instead of drawing
const SOURCES_SHOWN = 12; // an event of a big collection may cite hundreds of articles: the rest on request

async function eventView(id, params) {
  const event = await api("events/" + encodeURIComponent(id));
  const byDocument = new Map();
  for (const c of event.citations) {
    if (!byDocument.has(c.document)) byDocument.set(c.document, []);
    byDocument.get(c.document).push(c);
  }
  const all = params.get("all") === "1";
  const shown = [...byDocument.keys()].slice(0, all ? undefined : SOURCES_SHOWN);
  const documents = await Promise.all(shown.map((d) => api("documents/" + encodeURIComponent(d), {spans: false})));
  const more = byDocument.size - documents.length;
  const names = Object.entries(event.names || {});
  show(
    el("h1", {}, event.summary),
    el("p", {}, el("strong", {}, dateLabel(event)), el("span", {class: "badge"}, event.type),
      el("span", {class: "badge" + (event.modality === "planned" ? " planned" : "")}, event.modality),
      event.attributions.length ? el("span", {class: "muted"}, ` · according to ${event.attributions.join("; ")}`) : null,
      event.outlets.length ? el("span", {class: "muted"}, ` · published by ${event.outlets.join(", ")}`) : null),
    (event.evidence || []).map((line) => el("p", {class: "muted evidence"}, line)),
    event.aside ? el("p", {class: "muted aside"}, `Kept out of the timeline: ${event.aside}`) : null,
    names.length ? el("p", {}, "Who and where: ", names.map(([eid, name], i) =>
      [i ? ", " : "", el("a", {href: "#/entity/" + encodeURIComponent(eid)}, name)])) : null,
    el("h2", {}, `Citations (${event.citations.length}) in ${byDocument.size} document${byDocument.size === 1 ? "" : "s"}`),
    documents.map((doc, n) => {
      const cites = byDocument.get(doc.id);
      return el("section", {class: "citation"},
        el("h3", {}, el("a", {href: "#/document/" + encodeURIComponent(doc.id)}, doc.title || doc.path),
          el("span", {class: "muted"}, ` · ${doc.outlet} · ${doc.published || "undated"}`),
          doc.flags.map((f) => el("span", {class: "badge flag", title: f.explanation}, f.kind))),
        el("blockquote", {class: "muted"}, cites.map((c) => c.text).join(" … ")),
        el("div", {class: "source-text", tabindex: 0}, highlighted(doc.text, cites.map((c, i) => (
          {start: c.start, end: c.end, cls: "citation" + (i === 0 ? " current" : ""), title: "cited for this event",
           id: n === 0 && i === 0 ? "first-citation" : null})))));
    }),
    more > 0 ? el("button", {type: "button", id: "more-sources", onclick: () => go("/event/" + encodeURIComponent(id), {all: "1"})},
      `Show the other ${more} source${more === 1 ? "" : "s"}`) : null);
  for (const box of view().querySelectorAll(".source-text")) {
    const mark = box.querySelector("mark.current");
    if (mark) box.scrollTop = mark.offsetTop - box.offsetTop - 40;
  }
}

// ---- entities -------------------------------------------------------------------------------------

async function entitiesView(params) {
  const offset = Number(params.get("offset") || 0);
  const q = params.get("q") || "", type = params.get("type") || "";
  const page = await api("entities", {q, type, offset, limit: 100});
  show(
    el("h1", {}, "Entities", el("span", {class: "muted"}, ` · ${page.total}`)),
    filterForm("/entities", {},
      el("label", {}, "Name", el("input", {name: "q", value: q})),
      select("type", "Type", ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"].map((t) => [t, t]), type),
      el("button", {type: "submit"}, "Filter")),
    el("table", {}, el("thead", {}, el("tr", {}, ["Name", "Type", "Mentions", "Documents", "Events", "Also called"].map((h) => el("th", {}, h)))),
      el("tbody", {}, page.items.map((e) => el("tr", {},
        el("td", {}, el("a", {href: "#/entity/" + encodeURIComponent(e.id)}, e.name), e.framed ? el("span", {class: "badge"}, "framed") : null),
        el("td", {}, e.type), el("td", {}, e.mentions), el("td", {}, e.documents), el("td", {}, e.events),
        el("td", {class: "muted"}, e.aliases.filter((a) => a !== e.name).slice(0, 6).join(", ")))))),
    pager(page, (o) => go("/entities", {q, type, offset: o})));
}

function termList(terms) {
  const quoted = (text) => (/^["“'‘]/.test(text) ? text : `“${text}”`);
  return terms.map((t, i) => [i ? "; " : "", t.kind === "scare_quote" ? quoted(t.text) : t.text,
    t.loaded.length ? el("span", {class: "loaded", title: "loaded words"}, ` [${t.loaded.join(", ")}]`) : null]);
}

async function entityView(id) {
  const entity = await api("entities/" + encodeURIComponent(id));
  const events = (await api("events", {entity: id, limit: 100})).items;
  show(
    el("h1", {}, entity.name, el("span", {class: "badge"}, entity.type)),
    entity.description ? el("p", {}, entity.description) : null,
    el("p", {}, el("strong", {}, "Also called: "), entity.aliases.join(", ") || "—"),
    el("p", {class: "muted"}, `${entity.mentions} mentions in ${entity.documents.length} documents`),
    el("h2", {}, "Roles, as the documents state them"),
    entity.roles.length ? el("ul", {}, entity.roles.map((r) => el("li", {}, r.text, " ",
      r.citations.slice(0, 3).map((c) => el("a", {class: "badge", href: `#/document/${encodeURIComponent(c.document)}?hl=${c.start}-${c.end}`},
        entity.document_titles[c.document] || "source"))))) : el("p", {class: "muted"}, "No roles stated."),
    el("h2", {}, "How each outlet names and describes it"),
    entity.framing.length ? el("table", {id: "framing"}, el("thead", {}, el("tr", {}, el("th", {}, "Outlet"), el("th", {}, "Titles, labels and scare quotes"))),
      el("tbody", {}, entity.framing.map((s) => el("tr", {},
        el("td", {}, el("a", {href: "#/document/" + encodeURIComponent(s.document)}, s.outlet)),
        el("td", {}, termList(s.terms)))))) : el("p", {class: "muted"}, "Fewer than two outlets describe it."),
    el("h2", {}, `Events (${entity.event_ids.length}${entity.event_ids.length > events.length ? `, first ${events.length} shown` : ""})`),
    events.map(eventLink));
}

// ---- sources: contradictions, framing, quality ---------------------------------------------------------

async function compareView(params) {
  const verdict = params.get("verdict") || "contradiction", kind = params.get("kind") || "";
  const offset = Number(params.get("offset") || 0);
  const [pairs, framing, outlets] = await Promise.all([
    api("contradictions", {verdict, kind, offset, limit: 50}), api("framing", {limit: 100}), api("outlets", {limit: 500})]);
  show(
    el("h1", {}, "Sources compared"),
    filterForm("/compare", {},
      el("label", {}, "Show", el("select", {name: "verdict"}, ["contradiction", "update", "compatible", "agreement", "all"].map(
        (v) => el("option", {value: v, selected: v === verdict}, v)))),
      select("kind", "Kind", [["quantity", "number"], ["date", "date"], ["ordinal", "ordinal"], ["event", "polarity"]], kind),
      el("button", {type: "submit"}, "Show")),
    el("h2", {}, `${pairs.total} ${verdict === "all" ? "comparison" : verdict}${pairs.total === 1 ? "" : "s"}`),
    el("p", {class: "muted"}, "Pairs of cited claims to read side by side; newsline does not say which outlet is right."),
    pairs.items.map((c) => el("section", {class: "comparison"},
      el("p", {}, el("span", {class: "badge " + c.verdict}, c.verdict), el("span", {class: "badge"}, c.kind), " ", c.explanation),
      el("div", {class: "pair"}, c.claims.map((claim) => el("div", {},
        el("a", {href: `#/document/${encodeURIComponent(claim.document)}?hl=${claim.start}-${claim.end}`}, claim.title || claim.outlet),
        el("span", {class: "muted"}, ` · ${claim.outlet}`, claim.speaker ? ` · says ${claim.speaker}` : ""),
        el("p", {}, highlighted(claim.sentence, markIn(claim.sentence, claim.text)))))))),
    pager(pairs, (o) => go("/compare", {verdict, kind, offset: o})),
    el("h2", {}, "Framing: how outlets name the same entity"),
    framing.items.length ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Entity"), el("th", {}, "Outlet"), el("th", {}, "Names and labels"))),
      el("tbody", {}, framing.items.flatMap((f) => f.documents.map((s, i) => el("tr", {},
        el("td", {}, i ? "" : el("a", {href: "#/entity/" + encodeURIComponent(f.entity)}, f.name)),
        el("td", {}, s.outlet), el("td", {}, termList(s.terms))))))) : el("p", {class: "muted"}, "No entity is described by two outlets."),
    el("h2", {}, "Outlet quality"),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Outlet"), el("th", {}, "Documents"), el("th", {}, "Flags"))),
      el("tbody", {}, outlets.items.map((s) => el("tr", {},
        el("td", {}, el("a", {href: "#/documents?outlet=" + encodeURIComponent(s.outlet)}, s.outlet)), el("td", {}, s.documents),
        el("td", {}, Object.entries(s.flags).map(([k, n]) => el("span", {class: "badge flag"}, `${k} ${n}`))))))));
}

function markIn(sentence, text) {
  const at = sentence.indexOf(text);
  return at < 0 ? [] : [{start: at, end: at + text.length, cls: "claim"}];
}

// ---- documents ----------------------------------------------------------------------------------------

async function documentsView(params) {
  const filters = {flag: params.get("flag") || "", outlet: params.get("outlet") || "", q: params.get("q") || ""};
  const offset = Number(params.get("offset") || 0);
  const page = await api("documents", {...filters, offset, limit: 100});
  const flagKinds = ["boilerplate", "spun", "machine_translated", "low_information", "unverified_claim", "duplicate", "date_conflict"];
  show(
    el("h1", {}, "Documents", el("span", {class: "muted"}, ` · ${page.total}`)),
    filterForm("/documents", {},
      el("label", {}, "Title", el("input", {name: "q", value: filters.q})),
      select("flag", "Flag", flagKinds.map((f) => [f, f]), filters.flag),
      filters.outlet ? el("input", {type: "hidden", name: "outlet", value: filters.outlet}) : null,
      el("button", {type: "submit"}, "Filter")),
    el("table", {}, el("thead", {}, el("tr", {}, ["Title", "Outlet", "Published", "Events", "Flags"].map((h) => el("th", {}, h)))),
      el("tbody", {}, page.items.map((d) => el("tr", {},
        el("td", {}, el("a", {href: "#/document/" + encodeURIComponent(d.id)}, d.title || d.path)),
        el("td", {}, d.outlet), el("td", {}, d.published || "—"), el("td", {}, d.events),
        el("td", {}, d.flags.map((f) => el("span", {class: "badge flag"}, f.kind))))))),
    pager(page, (o) => go("/documents", {...filters, offset: o})));
}

async function documentView(id, params) {
  const doc = await api("documents/" + encodeURIComponent(id));
  const ranges = [];
  doc.flags.forEach((flag, f) => flag.evidence.forEach((ev, i) => {
    if (ev.start !== null && ev.start !== undefined) ranges.push({start: ev.start, end: ev.end, cls: "flag", title: `${flag.kind}: ${ev.note || flag.explanation}`, id: `flag-${f}-${i}`});
  }));
  const hl = /^(\d+)-(\d+)$/.exec(params.get("hl") || "");
  if (hl) ranges.push({start: Number(hl[1]), end: Number(hl[2]), cls: "current", id: "hl"});
  const pub = doc.published_detail;
  show(
    el("h1", {}, doc.title || doc.path),
    el("p", {class: "muted"}, `${doc.outlet} · published ${doc.published || "unknown"}`,
      pub.origin ? ` (from ${pub.origin}${pub.estimated ? ", estimated" : ""})` : "", ` · ${doc.language || "?"} · ${doc.path}`),
    doc.url ? el("p", {}, "URL: ", el("span", {class: "muted"}, doc.url)) : null,
    el("h2", {}, `Flags (${doc.flags.length})`),
    doc.flags.length ? el("ul", {class: "flaglist"}, doc.flags.map((flag, f) => el("li", {},
      el("span", {class: "badge flag"}, flag.kind), ` score ${flag.score.toFixed(2)} · ${flag.explanation} `,
      flag.evidence.map((ev, i) => ev.start !== null && ev.start !== undefined
        ? el("a", {class: "badge", href: "#", onclick: (e) => { e.preventDefault(); focusMark(`flag-${f}-${i}`); }}, `“${ev.text.slice(0, 60)}”`)
        : el("span", {class: "badge"}, `“${ev.text.slice(0, 60)}”`))))) : el("p", {class: "muted"}, "No flags."),
    el("h2", {}, "Text"),
    el("div", {class: "source-text", tabindex: 0}, highlighted(doc.text, ranges)),
    doc.event_ids.length ? el("h2", {}, `Events cited from it (${doc.event_ids.length})`) : null,
    doc.event_ids.length ? el("ul", {}, doc.event_ids.slice(0, 100).map((e) => el("li", {}, el("a", {href: "#/event/" + encodeURIComponent(e)}, e)))) : null);
  if (hl) focusMark("hl");
}

function focusMark(id) {
  const mark = document.getElementById(id);
  if (!mark) return;
  const box = mark.closest(".source-text");
  box.scrollTop = mark.offsetTop - box.offsetTop - 40;
  for (const m of box.querySelectorAll("mark.current")) if (m.id !== "hl") m.classList.remove("current");
  mark.classList.add("current");
}

// ---- search -------------------------------------------------------------------------------------------

async function searchView(params) {
  const q = params.get("q") || "", mode = params.get("mode") || "text";
  const offset = Number(params.get("offset") || 0);
  document.getElementById("search-input").value = q;
  document.getElementById("search-mode").value = mode;
  if (!q) { show(el("h1", {}, "Search"), el("p", {class: "muted"}, "Type words above.")); return; }
  const page = await api("search", {q, mode, offset, limit: 20});
  show(
    el("h1", {}, `Search: ${q}`, el("span", {class: "muted"}, ` · ${page.total} ${mode === "semantic" ? "passages" : "documents"}`)),
    el("ol", {class: "hits", start: offset + 1}, page.items.map((hit) => el("li", {},
      el("a", {href: `#/document/${encodeURIComponent(hit.id)}` + (hit.start !== undefined && hit.start !== null ? `?hl=${hit.start}-${hit.end}` : "")},
        hit.title || hit.path),
      el("span", {class: "muted"}, ` · ${hit.outlet || ""}`, hit.score !== undefined ? ` · ${hit.score}` : ""),
      el("div", {}, hit.snippet.map((run) => run.match ? el("mark", {}, run.text) : run.text))))),
    pager(page, (o) => go("/search", {q, mode, offset: o})));
}

// ---- frame --------------------------------------------------------------------------------------------

async function render() {
  const {parts, params} = route();
  const name = parts[0] || "timeline";
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("active", link.dataset.view === ({event: "timeline", entity: "entities", document: "documents"}[name] || name));
  }
  try {
    if (name === "timeline") {
      if (await timelineView(params) === REDIRECTED) return; // drawn again on hashchange
    }
    else if (name === "event") await eventView(parts[1], params);
    else if (name === "entities") await entitiesView(params);
    else if (name === "entity") await entityView(parts[1]);
    else if (name === "compare") await compareView(params);
    else if (name === "documents") await documentsView(params);
    else if (name === "document") await documentView(parts[1], params);
    else if (name === "search") await searchView(params);
    else show(el("p", {class: "error"}, "No such view."));
  } catch (error) {
    show(el("p", {class: "error"}, error.message, error.hint ? el("br") : null, error.hint || ""));
  }
  document.body.dataset.ready = name; // tests wait for this
}

async function footer() {
  const stats = await api("stats");
  document.getElementById("stats").textContent =
    `${stats.documents} documents · ${stats.events} events · ${stats.entities} entities · ${stats.contradictions} contradictions · ${stats.outlets} outlets · newsline ${stats.version}`;
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    go("/search", {q: document.getElementById("search-input").value.trim(), mode: document.getElementById("search-mode").value});
  });
  window.addEventListener("hashchange", () => { delete document.body.dataset.ready; render(); });
  render();
  footer().catch(() => {});
});
