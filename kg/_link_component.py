"""The ``kg_linker`` spaCy component: links ``doc.ents`` to gazetteer keys."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.linking import Linker, LinkResult, Mention, link_document


class GazetteerLinker:
    """Sets ``span.kb_id_`` to the gazetteer key and Span extensions for score and QID."""

    def __init__(self, linker: Linker, score_attr: str = "kg_link_score",
                 qid_attr: str = "kg_qid", window: int = 6):
        self.linker = linker
        self.score_attr = score_attr
        self.qid_attr = qid_attr
        self.window = window
        for attr in (score_attr, qid_attr):
            if not Span.has_extension(attr):
                Span.set_extension(attr, default=None)

    def mention(self, span: Span) -> Mention:
        """The span as a :class:`Mention`, with up to ``window`` tokens either side."""
        doc = span.doc
        lo, hi = max(span.start - self.window, 0), min(span.end + self.window, len(doc))
        if doc.has_annotation("SENT_START"):
            sent = span.sent
            lo, hi = max(lo, sent.start), min(hi, sent.end)
        return Mention(span.text, span.label_, doc[lo:span.start].text, doc[span.end:hi].text)

    def link_doc(self, doc: Doc) -> list[LinkResult]:
        """The link of each entity in ``doc.ents``, with article context."""
        return link_document(self.linker, [self.mention(span) for span in doc.ents])

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        results = self.link_doc(doc)
        doc.ents = [Span(doc, span.start, span.end, label=span.label,
                         kb_id=result.entry.key if result.entry else "")
                    for span, result in zip(ents, results)]
        for span, result in zip(doc.ents, results):
            span._.set(self.score_attr, result.score if result.entry else None)
            span._.set(self.qid_attr, result.qid)
        return doc
