// Render SPARQL results into the DOM. Every piece of data goes in through textContent
// or attributes set with setAttribute, never parsed as HTML.

import { compactIri } from "./sparql-text.js";

export const MAX_ROWS_SHOWN = 1000;

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/** Small helper: an element with a class and optional text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** A clickable IRI: compact label, full IRI in the tooltip; click asks for a DESCRIBE. */
function iriNode(iri, prefixes, onIri) {
  const compact = compactIri(iri, prefixes);
  const button = el("button", "term iri", compact ?? `<${iri}>`);
  button.type = "button";
  button.title = iri;
  button.setAttribute("aria-label", `Describe ${iri}`);
  button.dataset.iri = iri;
  button.addEventListener("click", () => onIri(iri));
  return button;
}

function literalNode(term, prefixes) {
  const wrap = el("span", "term literal");
  wrap.append(el("span", "value", term.value));
  if (term["xml:lang"]) {
    wrap.append(el("span", "lang", `@${term["xml:lang"]}`));
  } else if (term.datatype && term.datatype !== XSD_STRING && term.datatype !== RDF_LANG_STRING) {
    wrap.classList.add("typed");
    const dt = el("span", "datatype", `^^${compactIri(term.datatype, prefixes) ?? `<${term.datatype}>`}`);
    dt.title = term.datatype;
    wrap.append(dt);
  }
  return wrap;
}

/** One RDF term from SPARQL JSON results as a DOM node. */
export function termNode(term, prefixes, onIri) {
  switch (term.type) {
    case "uri":
      return iriNode(term.value, prefixes, onIri);
    case "literal":
    case "typed-literal":
      return literalNode(term, prefixes);
    case "bnode":
      return el("span", "term bnode", `_:${term.value}`);
    case "triple": {
      const wrap = el("span", "term triple", "<< ");
      for (const part of ["subject", "predicate", "object"]) {
        wrap.append(termNode(term.value[part], prefixes, onIri), " ");
      }
      wrap.append(">>");
      return wrap;
    }
    default:
      return el("span", "term", String(term.value ?? ""));
  }
}

/** Render a SELECT result as a table; returns the number of rows in the result. */
export function renderTable(container, json, prefixes, onIri) {
  const vars = json.head?.vars ?? [];
  const rows = json.results?.bindings ?? [];
  if (!rows.length) {
    container.append(el("p", "empty", "No results."));
    return 0;
  }
  const scroller = el("div", "table-scroll");
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", "Result table");
  const table = el("table", "results");
  const head = table.createTHead().insertRow();
  for (const name of vars) {
    const th = el("th", null, `?${name}`);
    th.scope = "col";
    head.append(th);
  }
  const body = table.createTBody();
  for (const binding of rows.slice(0, MAX_ROWS_SHOWN)) {
    const tr = body.insertRow();
    for (const name of vars) {
      const cell = tr.insertCell();
      if (binding[name]) cell.append(termNode(binding[name], prefixes, onIri));
    }
  }
  scroller.append(table);
  container.append(scroller);
  if (rows.length > MAX_ROWS_SHOWN) {
    container.append(el("p", "note", `Showing the first ${MAX_ROWS_SHOWN} rows; download the CSV or JSON for all.`));
  }
  return rows.length;
}

/** Render an ASK result as a clear yes/no. */
export function renderBoolean(container, json) {
  const yes = json.boolean === true;
  const box = el("p", `boolean ${yes ? "yes" : "no"}`, yes ? "Yes" : "No");
  box.append(el("span", "explain", yes ? " (the pattern matches)" : " (the pattern does not match)"));
  container.append(box);
}

/** Render RDF text (CONSTRUCT/DESCRIBE) as preformatted text; false when the graph is empty. */
export function renderGraphText(container, text) {
  if (!text.trim()) {
    container.append(el("p", "empty", "The result graph is empty."));
    return false;
  }
  const pre = el("pre", "graph", text);
  pre.tabIndex = 0;
  pre.setAttribute("aria-label", "Result graph in Turtle");
  container.append(pre);
  return true;
}

/** Turn an error response into a short readable message (JSON, plain text or HTML). */
export async function errorMessage(response) {
  const type = response.headers.get("Content-Type") ?? "";
  const body = await response.text();
  let message = body;
  if (type.includes("json")) {
    try {
      const data = JSON.parse(body);
      message = data.error ?? data.message ?? body;
    } catch {
      message = body;
    }
  } else if (type.includes("html")) {
    const doc = new DOMParser().parseFromString(body, "text/html");
    message = doc.body?.textContent ?? "";
  }
  message = String(message).replace(/\s+\n/g, "\n").trim();
  if (message.length > 2000) message = `${message.slice(0, 2000)}…`;
  return message || `${response.status} ${response.statusText}`;
}
