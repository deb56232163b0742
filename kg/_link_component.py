"""The ``kg_linker`` spaCy component: links ``doc.ents`` to gazetteer keys."""
from __future__ import annotations

from collections.abc import Sequence

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
        return self._mentions(span.doc, [span])[0]

    def link_doc(self, doc: Doc) -> list[LinkResult]:
        """The link of each entity in ``doc.ents``, with article context."""
        return link_document(self.linker, self._mentions(doc, doc.ents))

    def _mentions(self, doc: Doc, spans: Sequence[Span]) -> list[Mention]:
        """Mentions of ``spans``, each with up to ``window`` tokens either side within
        its sentence; the texts are cut from ``doc.text`` (what ``Span.text`` gives)."""
        text = doc.text
        sents = _sentence_bounds(doc)
        out = []
        for span in spans:
            lo, hi = max(span.start - self.window, 0), min(span.end + self.window, len(doc))
            if sents is None:
                sent = span.sent
                lo, hi = max(lo, sent.start), min(hi, sent.end)
            elif sents:
                sent_start, sent_end = sents[span.start]
                lo, hi = max(lo, sent_start), min(hi, sent_end)
            out.append(Mention(text[span.start_char:span.end_char], span.label_,
                               _cut(doc, text, lo, span.start), _cut(doc, text, span.end, hi)))
        return out

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        results = link_document(self.linker, self._mentions(doc, ents))
        doc.ents = [Span(doc, span.start, span.end, label=span.label,
                         kb_id=result.entry.key if result.entry else "")
                    for span, result in zip(ents, results)]
        for span, result in zip(doc.ents, results):
            span._.set(self.score_attr, result.score if result.entry else None)
            span._.set(self.qid_attr, result.qid)
        return doc


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]] | None:
    """(start, end) of the sentence of each token, as ``Span.sent`` finds them, in one
    pass; empty when the Doc has no sentence boundaries, None when hooks decide them
    (then ``Span.sent`` is asked)."""
    if "sent" in doc.user_span_hooks or "sents" in doc.user_hooks:
        return None
    if not doc.has_annotation("SENT_START"):
        return []
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return bounds


def _cut(doc: Doc, text: str, start: int, end: int) -> str:
    """``doc[start:end].text`` sliced from ``text`` (= ``doc.text``) without the Span."""
    if start >= end:
        return ""
    last = doc[end - 1]
    return text[doc[start].idx:last.idx + len(last.text)]
