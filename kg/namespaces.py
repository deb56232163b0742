# ruff: noqa: E501
"""Base IRIs of the project and the closed namespace :class:`KG` of ontology terms.

``KG`` mirrors ``ontology/kg.ttl`` term for term (``tests/test_namespaces.py`` checks
it), and ``_fail = True`` makes a misspelt term raise ``AttributeError`` instead of
minting a junk IRI::

    >>> KG.withdrewFrom
    rdflib.term.URIRef('https://w3id.org/newskg/ontology#withdrewFrom')
"""
from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

BASE = "https://w3id.org/newskg/"
ONTOLOGY = BASE + "ontology#"   # classes and properties (prefix kg:)
ENTITY = BASE + "id/"           # canonical entities, shared across documents (prefix kgr:)
DOCUMENT = BASE + "doc/"        # articles; statement nodes live below their article
GRAPH = BASE + "graph/"         # one named graph per article
WIKIDATA = "http://www.wikidata.org/entity/"

PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "http://schema.org/"
GEO = "http://www.opengis.net/ont/geosparql#"

#: Prefixes to bind in stores and serialisations (prefix -> namespace IRI).
PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY,
    "kgr": ENTITY,
    "kgd": DOCUMENT,
    "kgg": GRAPH,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "geo": GEO,
    "wd": WIKIDATA,
    "wdt": "http://www.wikidata.org/prop/direct/",
}


class KG(DefinedNamespace):
    """Terms of the news conflict ontology (``ontology/kg.ttl``), prefix ``kg:``."""

    _fail = True
    _NS = Namespace(ONTOLOGY)

    # Classes
    Party: URIRef  # A side in an armed conflict: a state or an organised armed group. Units and fighters are attributed to their party; a state party is also typed kg:Country.
    ArmedGroup: URIRef  # An organised armed group that takes part in a conflict without being a state, such as a militia or a private military company.
    Place: URIRef  # A named location on the ground. Used as is when the kind of place is not known; may carry a point geometry.
    Country: URIRef  # The territory of a sovereign state. The same resource is typed kg:Party when the state acts as a side in the conflict.
    Region: URIRef  # An area inside or across countries: an administrative unit such as an oblast or district, or a named area such as a historical region or a front sector.
    Settlement: URIRef  # A place where people live: a city, town or village.
    Person: URIRef  # An individual human, typically an official, commander or witness quoted in an article.
    Organisation: URIRef  # A body of people with a shared purpose: a ministry, an administration, a think tank, a military unit or a media outlet.
    NewsAgency: URIRef  # An organisation that gathers news and supplies reports to other media, such as a wire service.
    Document: URIRef  # A news article that statements were extracted from. Character offsets in statements index into its text.
    Statement: URIRef  # One mention of a relation between a party and a place in one document, with its evidence, modality, dates, confidence and speaker. The relation is named by rdf:predicate, never used as a predicate on the statement itself.
    Extraction: URIRef  # A run of the extractor over one document that generated its statements.
    Modality: URIRef  # How a statement presents its relation: as something that happened, or as planned, denied, negated, hypothetical or failed. The class is closed: kg:Asserted, kg:Planned, kg:Denied, kg:Negated, kg:Hypothetical and kg:Failed.

    # Modalities (individuals of kg:Modality)
    Asserted: URIRef  # The text presents the relation as a fact, whoever the source is. Only asserted statements also yield a direct triple.
    Planned: URIRef  # The relation is intended, prepared, expected or hoped for, but has not happened yet.
    Denied: URIRef  # A source rejects a claim that the relation holds.
    Negated: URIRef  # The text states that the relation does not hold.
    Hypothetical: URIRef  # The relation is mentioned as a possibility or condition (could, might, if).
    Failed: URIRef  # An attempt at the relation was made and did not succeed, such as a repelled assault.

    # Relations between a party and a place
    controls: URIRef  # The party holds the place at some time, which may lie in the past; kg:since and kg:until on the statement give the period when known.
    controlledBy: URIRef  # Inverse of kg:controls: the place is held by the party. Not written by the mapping; available to reasoners and queries.
    withdrewFrom: URIRef  # Forces of the party left the place or were leaving it, by retreat, pull-out or being pushed out.
    suppliesVia: URIRef  # The party's forces receive supplies through the place, for example a logistics base, rail hub or supply line.
    attacked: URIRef  # The party struck the place, by shelling, rockets, bombing or an assault.
    deployedTo: URIRef  # The party sent, moved or regrouped forces to the place.
    captured: URIRef  # The party took the place from another party. Capture implies control from that moment, so this is a sub-property of kg:controls and the mapping also writes the kg:controls triple.
    besieged: URIRef  # The party surrounded the place and cut it off in order to force its surrender.
    encircled: URIRef  # The party closed a ring of forces around the place or the enemy forces in it.
    lostControlOf: URIRef  # The party ceased to hold the place, whether by retreat or by defeat.

    # Other object properties
    modality: URIRef  # How the statement presents its relation (one of the kg:Modality individuals).
    attributedTo: URIRef  # The person, organisation or party that the article names as the source of the statement.
    partOf: URIRef  # The place lies inside the larger place, for example a town in a region or a region in a country.
    memberOf: URIRef  # A person or unit belongs to an organisation or party.
    partyOf: URIRef  # Points from a person, unit or organisation to the party (state or armed group) it belongs to or fights for.

    # Datatype properties
    channel: URIRef  # The medium through which the source made the statement, such as a video address or state television.
    sentence: URIRef  # The full text of the sentence that contains the evidence.
    evidence: URIRef  # The exact span of article text that licenses the statement, equal to the text between kg:charStart and kg:charEnd.
    charStart: URIRef  # Offset, in Unicode code points from the start of the article text, of the first character of the evidence.
    charEnd: URIRef  # Offset, in Unicode code points, just after the last character of the evidence (exclusive end).
    sentenceStart: URIRef  # Offset, in Unicode code points, of the first character of the sentence in the article text.
    sentenceEnd: URIRef  # Offset, in Unicode code points, just after the last character of the sentence (exclusive end).
    trigger: URIRef  # The word or phrase in the evidence that signalled the relation, such as withdrawing or fell.
    confidence: URIRef  # The extractor's belief, between 0 and 1, that the statement is a correct reading of its evidence.
    extractorVersion: URIRef  # Version of the extraction software that produced a statement or ran an extraction.
    since: URIRef  # First day on which the reported relation held, as given or implied by the text.
    until: URIRef  # Last day on which the reported relation held, as given or implied by the text.
    eventDate: URIRef  # Day of the event that the sentence reports, such as the day of an attack or a withdrawal.
    role: URIRef  # The position or function of a person as the article gives it, such as defence ministry spokesman.
    contentHash: URIRef  # Digest of the exact article text that offsets refer to, written as sha256: followed by lowercase hex. The text itself is not stored.
