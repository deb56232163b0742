"""Base IRIs of the project. Ontology terms are listed in :mod:`kg.namespaces` as KG."""
from __future__ import annotations

BASE = "https://w3id.org/newskg/"
ONTOLOGY = BASE + "ontology#"   # classes and properties (prefix kg:)
ENTITY = BASE + "id/"           # canonical entities, shared across documents (prefix kgr:)
DOCUMENT = BASE + "doc/"        # articles; statement nodes live below their article
GRAPH = BASE + "graph/"         # one named graph per article
WIKIDATA = "http://www.wikidata.org/entity/"
