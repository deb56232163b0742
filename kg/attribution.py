"""Who said it, and through which channel.

A fact inside a quotation belongs to whoever the quotation is attributed to
("“... rail hub ...,” Kuzan said."); quotations may run over several sentences.
Outside quotations, a fact in the reported clause of a speech verb ("Konashenkov
said Moscow was withdrawing ...") or under "according to X" is attributed to the
speech verb's subject or to X. A surname alone ("Kuzan") is resolved to the full
name seen earlier ("Serhiy Kuzan").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = frozenset("""say tell claim report announce add state confirm write describe insist
deny allege warn acknowledge admit note post tweet declare assert suggest show indicate""".split())
CHANNEL_NOUNS = frozenset("""address statement interview briefing media television tv telegram post
video broadcast conference message channel radio newspaper website x twitter facebook""".split())
OPEN_QUOTES = "“\""
CLOSE_QUOTES = "”\""
_QUOTE_CHARS = re.compile('[“”"]')


@dataclass
class Source:
    """The speaker of a statement: a person, an organisation or a party."""

    name: str
    kind: str                 # Person | Organisation | Party
    role: str | None = None
    party: str | None = None
    channel: str | None = None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, pairing curly quotes (straight ones alternate)."""
    spans, start = [], None
    straight_open = False
    for found in _QUOTE_CHARS.finditer(text):        # only the quote marks matter
        i, ch = found.start(), found.group()
        if ch == "“":
            start = i
        elif ch == "”" and start is not None:
            spans.append((start, i + 1))
            start = None
        elif ch == '"':
            if not straight_open:
                start, straight_open = i, True
            else:
                spans.append((start, i + 1))
                start, straight_open = None, False
    if start is not None:                       # unclosed: runs to the end of the paragraph
        end = text.find("\n\n", start)
        spans.append((start, len(text) if end < 0 else end))
    return spans


_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)


class Attributor:
    """Finds the source of each sentence of a Doc; built once per document."""

    def __init__(self, doc: Doc, party_np, persons: dict[str, str], party_word=None,
                 text: str | None = None):
        """``text`` is ``doc.text`` when the caller has it already (building it joins every token)."""
        self.doc = doc
        self.party_np = party_np                  # callable: head token -> party key | None
        self.party_word = party_word              # callable: any token -> party key | None
        self.skip: set[int] = set()               # tokens that cannot be speakers (datelines)
        self.persons = persons                    # surname -> full name seen so far
        text = doc.text if text is None else text
        self.quotes = quote_spans(text)
        self._quote_source: dict[tuple[int, int], Source | None] = {}
        #: whether the text says "according to" at all (most do not: no sentence scan then)
        self._has_according = _ACCORDING.search(text) is not None

    def source_for(self, trigger: Token) -> Source | None:
        quote = self._quote_at(trigger.idx)
        if quote is not None:
            if quote not in self._quote_source:
                self._quote_source[quote] = self._speaker_of_quote(quote)
            if self._quote_source[quote] is not None:
                return self._quote_source[quote]
        # reported speech: the nearest speech verb above the trigger
        t = trigger
        while t.head.i != t.i:
            child, t = t, t.head
            if t.lemma_.lower() in SPEECH_VERBS and child.dep_ in ("ccomp", "xcomp", "advcl", "dobj", "conj"):
                src = self._subject_source(t)
                if src is not None:
                    return src
        return self._according_to(trigger.sent) if self._has_according else None

    def in_quote(self, tok: Token) -> bool:
        """Whether ``tok`` stands inside quotation marks."""
        return self._quote_at(tok.idx) is not None

    # -- internals ---------------------------------------------------------------
    def _quote_at(self, char: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= char < q[1]:
                return q
        return None

    def _speaker_of_quote(self, quote: tuple[int, int]) -> Source | None:
        doc = self.doc
        end_span = doc.char_span(quote[1] - 1, quote[1], alignment_mode="expand")
        start_span = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
        for span, after in ((end_span, True), (start_span, False)):
            if span is None:
                continue
            sent = span[0].sent
            for tok in sent:
                inside = quote[0] <= tok.idx < quote[1]
                if inside or (after and tok.idx < quote[1]) or (not after and tok.idx > quote[0]):
                    continue
                if tok.lemma_.lower() in SPEECH_VERBS:
                    src = self._subject_source(tok)
                    if src is not None:
                        return src
        return None

    def _subject_source(self, verb: Token) -> Source | None:
        # the subject nearest the verb: a dateline ("KYIV, May 21 –") may be parsed as a second one
        subjects = [c for c in verb.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.skip]
        subj = subjects[-1] if subjects else None
        if subj is None and verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON":
            return None
        src = self.describe(subj)
        if src is not None:
            src.channel = _channel(verb)
        return src

    def _according_to(self, sent: Span) -> Source | None:
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                for c in self.doc[tok.i + 1].children:
                    if c.dep_ == "pobj":
                        return self.describe(c)
        return None

    def describe(self, head: Token) -> Source | None:
        """A Source for the noun phrase headed by ``head``."""
        doc = self.doc
        named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is not None and head.pos_ == "NOUN":
            # "The head of the Wagner group, Yevgeny Prigozhin, said": the name, with the title
            title = _strip_det(doc[head.left_edge.i: named.left_edge.i].text.strip(" ,"))
            src = self.describe(named)
            if src is not None and src.role is None:
                src.role = title or None
            return src
        ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and ent.label_ == "PERSON" or (head.pos_ == "PROPN" and ent is None
                                                          and head.ent_type_ == ""):
            name = ent.text if ent is not None else head.text
            name = self._full_name(name)
            role = _role(head, ent)
            return Source(name=name, kind="Person", role=role,
                          party=self.party_np(head) or self._role_party(head))
        party = self.party_np(head)
        if party is not None:
            return Source(name=party, kind="Party", party=party)
        if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
            return Source(name=_strip_det(ent.text), kind="Organisation")
        if head.pos_ in ("NOUN", "PROPN"):
            phrase = doc[head.left_edge.i: head.i + 1]
            text = _strip_det(phrase.text)
            if len(text) > 2 and head.lemma_.lower() not in ("statement", "report", "it"):
                return Source(name=text, kind="Organisation" if head.pos_ == "PROPN" else "Person",
                              role=None if head.pos_ == "PROPN" else text)
        return None

    def _role_party(self, head: Token) -> str | None:
        """The party a speaker's title names: "Russian Defense Ministry spokesman Igor
        Konashenkov", "Serhiy Kuzan, a military expert at the Ukrainian Center ..."."""
        tokens = list(self.doc[head.left_edge.i: head.i])
        tokens += [t for c in head.children if c.dep_ == "appos" for t in c.subtree]
        for t in tokens:
            key = self.party_word(t) if self.party_word else None
            if key is not None:
                return key
        return None

    def _full_name(self, name: str) -> str:
        parts = name.split()
        if len(parts) >= 2:
            self.persons.setdefault(parts[-1], name)
            return name
        return self.persons.get(name, name)


def _strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det):]
    return text


def _role(head: Token, ent) -> str | None:
    """"Serhiy Kuzan, a military expert at X" or "Defense Ministry spokesman Igor Konashenkov"."""
    for c in head.children:
        if c.dep_ == "appos":
            return _strip_det(head.doc[c.left_edge.i: c.right_edge.i + 1].text).removeprefix("a ").removeprefix("an ")
    if ent is not None and ent.start > head.left_edge.i:
        pre = head.doc[head.left_edge.i: ent.start].text.strip(" ,")
        return _strip_det(pre) or None
    return None


def _channel(verb: Token) -> str | None:
    """"told state television", "said on social media", "in a video address"."""
    if verb.lemma_.lower() == "tell":
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.ent_type_ != "PERSON":
                return _strip_det(verb.doc[c.left_edge.i: c.i + 1].text)
    for c in list(verb.children) + ([verb.head] if verb.head.i != verb.i else []):
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "during"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in CHANNEL_NOUNS:
                    return _strip_det(verb.doc[p.left_edge.i: p.i + 1].text).removeprefix("a ")
    for sent_tok in verb.sent:
        if sent_tok.dep_ == "prep" and sent_tok.lower_ == "in" and sent_tok.head.lemma_.lower() in SPEECH_VERBS:
            for p in sent_tok.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in CHANNEL_NOUNS:
                    return _strip_det(verb.doc[p.left_edge.i: p.i + 1].text).removeprefix("a ")
    return None
