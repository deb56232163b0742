"""Content negotiation: the formats we serve and ``Accept`` matching with q-values.

Each :class:`Format` is served by pyoxigraph's own serializer. Tables are in server
preference order (the first is the default when the client expresses none):

* results of SELECT / ASK: SPARQL JSON, SPARQL XML, CSV, TSV;
* graphs (CONSTRUCT / DESCRIBE, service description, VoID, Graph Store GET):
  Turtle, N-Triples, RDF/XML, JSON-LD, N-Quads, TriG.

ASK results in CSV/TSV are the bare word ``true`` / ``false`` (pyoxigraph's choice).
``application/json`` means SPARQL JSON for results and JSON-LD for graphs.

Example::

    >>> negotiate("text/csv;q=0.9, application/sparql-results+json;q=0.5", RESULTS).key
    'csv'
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

FORMATS_NS = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    key: str                    # value of the ``format=`` parameter
    media_type: str             # what pyoxigraph is asked for
    content_type: str           # the response Content-Type header
    sd_iri: str                 # its IRI in the W3C formats namespace
    aliases: tuple[str, ...] = field(default=())  # other media types accepted


RESULTS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", "application/sparql-results+json",
           FORMATS_NS + "SPARQL_Results_JSON", ("application/json",)),
    Format("xml", "application/sparql-results+xml", "application/sparql-results+xml",
           FORMATS_NS + "SPARQL_Results_XML", ("application/xml", "text/xml")),
    Format("csv", "text/csv", "text/csv; charset=utf-8", FORMATS_NS + "SPARQL_Results_CSV"),
    Format("tsv", "text/tab-separated-values", "text/tab-separated-values; charset=utf-8",
           FORMATS_NS + "SPARQL_Results_TSV"),
)

GRAPH: tuple[Format, ...] = (
    Format("ttl", "text/turtle", "text/turtle; charset=utf-8", FORMATS_NS + "Turtle",
           ("application/x-turtle",)),
    Format("nt", "application/n-triples", "application/n-triples", FORMATS_NS + "N-Triples"),
    Format("rdfxml", "application/rdf+xml", "application/rdf+xml", FORMATS_NS + "RDF_XML"),
    Format("jsonld", "application/ld+json", "application/ld+json", FORMATS_NS + "JSON-LD",
           ("application/json",)),
    Format("nq", "application/n-quads", "application/n-quads", FORMATS_NS + "N-Quads"),
    Format("trig", "application/trig", "application/trig", FORMATS_NS + "TriG"),
)

#: Graph Store GET serves one graph: triple syntaxes only.
TRIPLES: tuple[Format, ...] = GRAPH[:4]

#: ``format=`` values -> (results format key, graph format key).
FORMAT_PARAM: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "ttl": (None, "ttl"),
    "turtle": (None, "ttl"),
    "nt": (None, "nt"),
    "ntriples": (None, "nt"),
    "n-triples": (None, "nt"),
    "rdfxml": (None, "rdfxml"),
    "rdf": (None, "rdfxml"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "nq": (None, "nq"),
    "nquads": (None, "nq"),
    "n-quads": (None, "nq"),
    "trig": (None, "trig"),
}


def by_key(table: Sequence[Format], key: str | None) -> Format | None:
    return next((f for f in table if f.key == key), None)


def offered(table: Sequence[Format]) -> list[str]:
    return [f.media_type for f in table]


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """-1 if this range does not match ``media_type``, else 0 (*/*), 1 (t/*), 2."""
        mtype, _, msub = media_type.partition("/")
        if self.type == "*":
            return 0 if self.subtype == "*" else -1
        if self.type != mtype:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == msub else -1


def parse_accept(header: str | None) -> list[_Range]:
    """The media ranges of an ``Accept`` header; malformed entries are ignored."""
    ranges = []
    for item in (header or "").split(","):
        parts = [p.strip() for p in item.split(";")]
        mtype, _, msub = parts[0].lower().partition("/")
        if not mtype or not msub:
            continue
        q = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(_Range(mtype, msub, q))
    return ranges


def quality(ranges: Sequence[_Range], fmt: Format) -> float:
    """The q-value the client gives ``fmt``: its main media type matches ranges and
    wildcards, an alias only an exact range (``text/*`` must not pick ``text/xml``)."""
    best_spec, best_q = -1, 0.0
    for media_type in (fmt.media_type, *fmt.aliases):
        for r in ranges:
            spec = r.specificity(media_type)
            if media_type != fmt.media_type and spec < 2:
                continue
            if spec > best_spec or (spec == best_spec and r.q > best_q):
                best_spec, best_q = spec, r.q
    return best_q if best_spec >= 0 else 0.0


def negotiate(accept: str | None, table: Sequence[Format]) -> Format | None:
    """The format of ``table`` the client prefers; ``None`` if none is acceptable.

    No (or an empty) ``Accept`` header means the table's first format. Ties go to
    the server's order.
    """
    ranges = parse_accept(accept)
    if not ranges:
        return table[0]
    scored = [(quality(ranges, f), -i, f) for i, f in enumerate(table)]
    q, _, best = max(scored, key=lambda t: (t[0], t[1]))
    return best if q > 0 else None


def accepts_html(accept: str | None) -> bool:
    """True when the client explicitly asks for HTML (a browser)."""
    return any(r.type == "text" and r.subtype == "html" and r.q > 0 for r in parse_accept(accept))
