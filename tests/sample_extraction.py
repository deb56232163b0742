"""A small hand-built :class:`Extraction` (invented text) for the mapping, SHACL and query tests."""
from __future__ import annotations

from datetime import date

from kg.types import Article, Entity, Extraction, Fact

DOC_ID = "sample-2022-09-10"

TEXT = (
    "Ukrainian troops entered Izium on Saturday, the Ukrainian defence ministry said. "
    "Russian forces had held the town since April 1. "
    "Igor Konashenkov said Moscow was pulling its units out of Izium and Balakliia. "
    "Russia plans to send more troops to the Kherson region. "
    "Russian units there are supplied through the rail hub of Kupiansk."
)


def span(fragment: str) -> tuple[int, int]:
    """Character offsets of the first occurrence of ``fragment`` in :data:`TEXT`."""
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def sentence_of(fragment: str) -> tuple[str, int, int]:
    """The sentence containing ``fragment``, with its offsets."""
    start, end = span(fragment)
    s = TEXT.rfind(". ", 0, start)
    s = 0 if s < 0 else s + 2
    e = TEXT.find(". ", end)
    e = len(TEXT) if e < 0 else e + 1
    return TEXT[s:e], s, e


def fact(subject: str, relation: str, obj: str, evidence: str, **extra) -> Fact:
    sentence, s_start, s_end = sentence_of(evidence)
    e_start, e_end = span(evidence)
    return Fact(
        subject=subject, relation=relation, object=obj, sentence=sentence,
        sentence_start=s_start, sentence_end=s_end,
        evidence_start=e_start, evidence_end=e_end, **extra,
    )


def make_extraction() -> Extraction:
    """Five asserted facts, one planned fact, persons, organisations and places."""
    article = Article(
        id=DOC_ID, text=TEXT, title="Sample: Izium changes hands",
        published=date(2022, 9, 10), url="https://example.org/news/sample", source="Example Wire",
    )
    ex = Extraction(article=article, extractor_version="test-1")
    for ent in (
        Entity("Ukraine", "Ukraine", "Party", {"Ukrainian troops", "Ukrainian"}, qid="Q212"),
        Entity("Russia", "Russia", "Party", {"Russian forces", "Moscow"}, qid="Q159"),
        Entity("Kharkiv Oblast", "Kharkiv Oblast", "Region", qid="Q170666", parent="Ukraine"),
        Entity("Izium", "Izium", "Settlement", {"Izyum"}, parent="Kharkiv Oblast",
               lat=49.2128, lon=37.2569),
        Entity("Balakliia", "Balakliia", "Settlement", {"Balakliia", "Balaklia"},
               parent="Kharkiv Oblast"),
        Entity("Kupiansk", "Kupiansk", "Settlement", {"Kupyansk"}, parent="Kharkiv Oblast"),
        Entity("Kherson Oblast", "Kherson Oblast", "Region", {"Kherson region"}, qid="Q163271"),
        Entity("Ministry of Defence of Ukraine", "Ministry of Defence of Ukraine", "Organisation",
               {"Ukrainian defence ministry"}, party="Ukraine"),
        Entity("Igor Konashenkov", "Igor Konashenkov", "Person", party="Russia",
               role="Russian defence ministry spokesman"),
    ):
        ex.add_entity(ent)
    ex.facts = [
        fact("Ukraine", "controls", "Izium", "Ukrainian troops entered Izium", trigger="entered",
             confidence=0.8, at=date(2022, 9, 10),
             attributed_to="Ministry of Defence of Ukraine"),
        fact("Russia", "controls", "Izium", "Russian forces had held the town since April 1",
             trigger="held", confidence=0.7, since=date(2022, 4, 1), until=date(2022, 9, 10)),
        fact("Russia", "withdrewFrom", "Izium", "Moscow was pulling its units out of Izium",
             trigger="pulling", confidence=0.9, attributed_to="Igor Konashenkov",
             channel="briefing"),
        fact("Russia", "withdrewFrom", "Balakliia",
             "Moscow was pulling its units out of Izium and Balakliia", trigger="pulling",
             confidence=0.85, attributed_to="Igor Konashenkov"),
        fact("Russia", "deployedTo", "Kherson Oblast",
             "Russia plans to send more troops to the Kherson region", trigger="send",
             modality="planned", confidence=0.6),
        fact("Russia", "suppliesVia", "Kupiansk",
             "Russian units there are supplied through the rail hub of Kupiansk",
             trigger="supplied through", confidence=0.75),
    ]
    return ex
