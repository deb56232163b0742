// Pure helpers over SPARQL text: query form, declared prefixes, safe terms, parameter binding.
// No DOM here, so the browser test can import this module and check it directly.

const KEYWORD = /^[A-Za-z]+/;
const PREFIX_DECL = /^PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>"{}|^`\\\s]*)>/i;
const BASE_DECL = /^BASE\s*<[^<>"{}|^`\\\s]*>/i;
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Skip blanks and `#` comments from `pos`; return the next meaningful position. */
function skipBlank(text, pos) {
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === "#") {
      const end = text.indexOf("\n", pos);
      pos = end === -1 ? text.length : end + 1;
    } else if (/\s/.test(ch)) {
      pos += 1;
    } else {
      break;
    }
  }
  return pos;
}

/** Walk the prologue (PREFIX/BASE lines); returns {prefixes, end}. */
function readPrologue(text) {
  const prefixes = {};
  let pos = skipBlank(text, 0);
  for (;;) {
    const rest = text.slice(pos);
    const prefix = PREFIX_DECL.exec(rest);
    const base = prefix ? null : BASE_DECL.exec(rest);
    const match = prefix || base;
    if (!match) break;
    if (prefix) prefixes[prefix[1] || ""] = prefix[2];
    pos = skipBlank(text, pos + match[0].length);
  }
  return { prefixes, end: pos };
}

/**
 * The query form: "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "UPDATE" (any update
 * operation) or null when the text does not start like a query.
 */
export function queryForm(text) {
  const { end } = readPrologue(text);
  const word = KEYWORD.exec(text.slice(end));
  if (!word) return null;
  const upper = word[0].toUpperCase();
  if (["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"].includes(upper)) return upper;
  const updates = ["INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"];
  return updates.includes(upper) ? "UPDATE" : null;
}

/** Prefixes declared in the query's own prologue, as {prefix: namespace IRI}. */
export function declaredPrefixes(text) {
  return readPrologue(text).prefixes;
}

/** A SPARQL string literal holding exactly `value` (quotes and controls escaped). */
export function sparqlString(value) {
  const escapes = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
  const body = String(value).replace(/[\\"\n\r\t\b\f]/g, (ch) => escapes[ch]);
  return `"${body}"`;
}

/** `<iri>` for an absolute IRI; throws an Error with a readable message otherwise. */
export function sparqlIri(value) {
  const iri = String(value).trim().replace(/^<(.*)>$/s, "$1");
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri)) {
    throw new Error(`"${value}" is not an absolute IRI (it must start with a scheme such as https:)`);
  }
  if (IRI_FORBIDDEN.test(iri)) {
    throw new Error(`"${value}" is not a valid IRI: spaces and the characters <>"{}|^\`\\ are not allowed`);
  }
  return `<${iri}>`;
}

/**
 * Turn what a person typed into one SPARQL term.
 * kind "iri": an absolute IRI (`<...>` optional) or a prefixed name with a known prefix;
 * kind "literal": always a plain string literal;
 * kind "auto" (named-query parameters): an IRI when written as `<...>`, else a plain
 * string literal, as the server's NamedQuery.bind does for strings.
 */
export function termFromInput(value, kind = "auto", prefixes = {}) {
  const raw = String(value).trim();
  if (kind === "iri") return sparqlIri(expandPrefixed(raw, prefixes) ?? raw);
  if (kind === "auto" && /^<.*>$/s.test(raw)) return sparqlIri(raw);
  return sparqlString(raw);
}

function expandPrefixed(raw, prefixes) {
  const m = /^([A-Za-z][\w.-]*)?:([\w.-]*)$/.exec(raw);
  if (!m || !Object.hasOwn(prefixes, m[1] || "")) return null;
  return prefixes[m[1] || ""] + m[2];
}

// Tokens that matter for finding keywords: comments, IRIs, strings and variables are
// matched whole so that a "WHERE" or "{" inside them is never taken for syntax.
const TOKEN = new RegExp(
  [
    /(#[^\n\r]*)/.source,
    /(<[^<>"{}|^`\\\u0000-\u0020]*>)/.source,
    /("""(?:[^"\\]|\\[\s\S]|"(?!""))*"""|'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')/.source,
    /([?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)/.source,
    /((?:[A-Za-z\u00C0-\uFFFF][\w.-]*)?:[\w.:%-]*)/.source,
    /([A-Za-z_][A-Za-z0-9_-]*)/.source,
    /([\s\S])/.source,
  ].join("|"),
  "g",
);
const WORD_GROUP = 6;
const OTHER_GROUP = 7;

/** Offset of the `{` opening the first WHERE group (outside strings, IRIs, comments), or -1. */
export function whereBrace(sparql) {
  let seenWhere = false;
  for (const m of sparql.matchAll(TOKEN)) {
    if (m[WORD_GROUP] !== undefined && m[WORD_GROUP].toUpperCase() === "WHERE") seenWhere = true;
    else if (seenWhere && m[OTHER_GROUP] === "{") return m.index;
  }
  return -1;
}

/**
 * Bind parameters with a VALUES block at the start of the top-level WHERE group, so every
 * pattern and FILTER of that group sees them (the same place the server's binding uses).
 * `bindings` is a list of {name, term} where term comes from termFromInput; names are
 * checked, so nothing typed can change the query's structure.
 */
export function bindParameters(sparql, bindings) {
  if (!bindings.length) return sparql;
  for (const { name } of bindings) {
    if (!VARIABLE_NAME.test(name)) throw new Error(`"${name}" is not a valid SPARQL variable name`);
  }
  const brace = whereBrace(sparql);
  if (brace < 0) throw new Error("A query with parameters needs an explicit WHERE { ... } clause.");
  const vars = bindings.map((b) => `?${b.name}`).join(" ");
  const terms = bindings.map((b) => b.term).join(" ");
  const block = `\n  VALUES (${vars}) { (${terms}) }`;
  return sparql.slice(0, brace + 1) + block + sparql.slice(brace + 1);
}

/** The shortest `prefix:local` form of `iri`, or null when no prefix fits. */
export function compactIri(iri, prefixes) {
  let best = null;
  for (const [prefix, ns] of Object.entries(prefixes)) {
    if (!ns || !iri.startsWith(ns)) continue;
    const local = iri.slice(ns.length);
    if (!/^[\w-]*$/.test(local)) continue;
    if (best === null || ns.length > best.ns.length) best = { prefix, ns, local };
  }
  return best === null ? null : `${best.prefix}:${best.local}`;
}
