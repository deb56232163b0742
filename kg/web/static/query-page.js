// The query page: named-query list, editor with line numbers, parameters, run, results.

import { bindParameters, declaredPrefixes, queryForm, sparqlIri, termFromInput } from "./sparql-text.js";
import { el, errorMessage, renderBoolean, renderGraphText, renderTable } from "./results.js";

const ACCEPT = {
  SELECT: "application/sparql-results+json",
  ASK: "application/sparql-results+json",
  CONSTRUCT: "text/turtle",
  DESCRIBE: "text/turtle",
};

const config = JSON.parse(document.getElementById("kg-config").textContent);
const editor = document.getElementById("sparql-editor");
const gutter = document.getElementById("editor-gutter");
const form = document.getElementById("query-form");
const runButton = document.getElementById("run-button");
const paramBox = document.getElementById("params");
const paramFields = document.getElementById("param-fields");
const paramLegend = document.getElementById("params-legend");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");
const downloads = document.getElementById("downloads");
const about = document.getElementById("query-about");

let activeQuery = null; // the named query whose parameters are shown
let running = null; // AbortController of the request in flight

// -- editor ---------------------------------------------------------------------------

function updateGutter() {
  const lines = editor.value.split("\n").length;
  if (gutter.dataset.lines === String(lines)) return;
  gutter.dataset.lines = String(lines);
  gutter.textContent = Array.from({ length: lines }, (_, i) => String(i + 1)).join("\n");
}

editor.addEventListener("input", updateGutter);
editor.addEventListener("scroll", () => {
  gutter.scrollTop = editor.scrollTop;
});
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});

// -- named queries ----------------------------------------------------------------------

function renderQueryList() {
  const list = document.getElementById("query-list");
  for (const query of config.queries) {
    const item = el("li");
    const button = el("button", "query-pick");
    button.type = "button";
    button.dataset.name = query.name;
    button.append(el("span", "query-title", query.title || query.name));
    if (query.description) button.append(el("span", "query-description", query.description));
    button.addEventListener("click", () => loadNamedQuery(query));
    item.append(button);
    list.append(item);
  }
  if (config.queriesError) {
    list.append(el("li", "error", `The named queries could not be loaded: ${config.queriesError}`));
  } else if (!config.queries.length) {
    list.append(el("li", "empty", "No named queries are installed."));
  }
}

function setEditorText(text) {
  editor.value = text;
  editor.setSelectionRange(0, 0);
  editor.scrollTop = 0;
  editor.scrollLeft = 0;
  updateGutter();
  gutter.scrollTop = 0;
}

function loadNamedQuery(query) {
  setEditorText(query.sparql);
  activeQuery = query;
  for (const b of document.querySelectorAll(".query-pick")) {
    b.setAttribute("aria-pressed", String(b.dataset.name === query.name));
  }
  renderParameters(query);
  showAbout(query);
  history.replaceState(null, "", `#${encodeURIComponent(query.name)}`);
  const firstInput = paramFields.querySelector("input");
  (firstInput ?? editor).focus();
}

/** The full title and description of the loaded named query, above the editor. */
function showAbout(query) {
  about.replaceChildren();
  about.hidden = !query;
  if (query) about.append(el("strong", null, query.title || query.name), " ", el("span", null, query.description));
}

function renderParameters(query) {
  paramFields.replaceChildren();
  const params = query?.parameters ?? [];
  paramBox.hidden = params.length === 0;
  if (!params.length) return;
  paramLegend.textContent = `Parameters of “${query.title || query.name}”`;
  for (const p of params) {
    const id = `param-${p.name}`;
    const row = el("div", "param");
    const label = el("label", null, p.label || `?${p.name}`);
    label.htmlFor = id;
    const input = el("input");
    input.id = id;
    input.name = p.name;
    input.required = true;
    input.placeholder = p.kind === "iri" ? "an IRI or prefixed name" : "text, or <https://…> for an IRI";
    input.dataset.kind = p.kind || "auto";
    input.autocomplete = "off";
    input.spellcheck = false;
    row.append(label, input);
    paramFields.append(row);
  }
}

/** The editor's query with the parameter inputs bound in a VALUES block (see bindParameters). */
function queryToSend() {
  const text = editor.value;
  if (paramBox.hidden || !activeQuery) return text;
  const prefixes = { ...config.prefixes, ...declaredPrefixes(text) };
  const bindings = [];
  for (const input of paramFields.querySelectorAll("input")) {
    if (!input.value.trim()) {
      input.focus();
      throw new Error(`Give a value for ?${input.name}.`);
    }
    bindings.push({ name: input.name, term: termFromInput(input.value, input.dataset.kind, prefixes) });
  }
  return bindParameters(text, bindings);
}

// -- running ----------------------------------------------------------------------------

function showStatus(text, kind = "info") {
  statusLine.textContent = text;
  statusLine.dataset.kind = kind;
}

function showError(title, message) {
  results.replaceChildren();
  const box = el("div", "error");
  box.setAttribute("role", "alert");
  box.append(el("strong", null, title), el("pre", "error-message", message));
  results.append(box);
  showStatus("The query failed.", "error");
}

// Servers cap the request line (gunicorn: 8190 bytes); longer queries download by POST.
const MAX_URL_LENGTH = 7000;

/** A link (or, for a long query, a one-button POST form) fetching `query` in `format`. */
function downloadControl(query, label, format) {
  const url = `${config.endpoint}?${new URLSearchParams({ query, format })}`;
  if (url.length <= MAX_URL_LENGTH) {
    const link = el("a", "download", label);
    link.href = url;
    link.setAttribute("download", "");
    return link;
  }
  const post = el("form", "download-form");
  post.method = "post";
  post.action = config.endpoint;
  for (const [name, value] of [["query", query], ["format", format]]) {
    const hidden = el("input");
    hidden.type = "hidden";
    hidden.name = name;
    hidden.value = value;
    post.append(hidden);
  }
  const button = el("button", "download", label);
  button.type = "submit";
  post.append(button);
  return post;
}

function renderDownloads(query, kind) {
  downloads.replaceChildren();
  const formats = kind === "graph" ? config.downloads.graph : config.downloads.tabular;
  downloads.append(el("span", "downloads-label", "Download:"));
  for (const [label, format] of formats) downloads.append(" ", downloadControl(query, label, format));
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

async function run() {
  let query;
  try {
    query = queryToSend();
  } catch (err) {
    showError("A parameter is not valid.", err.message);
    return;
  }
  if (!query.trim()) {
    showError("There is no query to run.", "Type a SPARQL query or pick a named query.");
    return;
  }
  const kind = queryForm(query);
  running?.abort();
  running = new AbortController();
  const started = performance.now();
  runButton.disabled = true;
  downloads.replaceChildren();
  results.setAttribute("aria-busy", "true");
  showStatus("Running…");
  try {
    const response = await fetch(config.endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        Accept: ACCEPT[kind] ?? `${ACCEPT.SELECT}, text/turtle;q=0.9`,
      },
      body: new URLSearchParams({ query }),
      signal: running.signal,
    });
    if (!response.ok) {
      const title = response.status >= 500
        ? `The server could not answer (${response.status}).`
        : `The server refused the query (${response.status}).`;
      showError(title, await errorMessage(response));
      return;
    }
    await showResponse(response, query, started);
  } catch (err) {
    if (err.name === "AbortError") return;
    showError("The query could not be sent.", err.message);
  } finally {
    runButton.disabled = false;
    results.removeAttribute("aria-busy");
  }
}

async function showResponse(response, query, started) {
  const type = response.headers.get("Content-Type") ?? "";
  const prefixes = { ...config.prefixes, ...declaredPrefixes(query) };
  const out = document.createDocumentFragment();
  let summary;
  if (type.includes("json")) {
    const json = await response.json();
    if (typeof json.boolean === "boolean") {
      renderBoolean(out, json);
      summary = "ASK result";
      renderDownloads(query, "tabular");
    } else {
      const rows = renderTable(out, json, prefixes, describe);
      summary = plural(rows, "row");
      renderDownloads(query, "tabular");
    }
  } else {
    const text = await response.text();
    summary = renderGraphText(out, text) ? "Graph result" : "Empty graph";
    renderDownloads(query, "graph");
  }
  const elapsed = Math.round(performance.now() - started);
  results.replaceChildren(out);
  showStatus(`${summary} · ${elapsed} ms`, "ok");
}

function describe(iri) {
  setEditorText(`DESCRIBE ${sparqlIri(iri)}`);
  activeQuery = null;
  renderParameters(null);
  showAbout(null);
  for (const b of document.querySelectorAll(".query-pick")) b.setAttribute("aria-pressed", "false");
  run();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});

// -- start ------------------------------------------------------------------------------

renderQueryList();
updateGutter();
/** Load the named query that the URL's #fragment names, if any. */
function loadFromHash() {
  const wanted = decodeURIComponent(location.hash.slice(1));
  const query = config.queries.find((q) => q.name === wanted);
  if (query && query !== activeQuery) loadNamedQuery(query);
}

window.addEventListener("hashchange", loadFromHash);
loadFromHash();
document.body.dataset.ready = "true";
