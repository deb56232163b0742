"""Articles in, :class:`~kg.types.Extraction` out, batched through ``nlp.pipe``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .pipeline import build_nlp
from .types import Article, Extraction


def extract_articles(articles: Iterable[Article], nlp: Language | None = None,
                     batch_size: int = 16, online: bool = False) -> Iterator[Extraction]:
    """Extract every article, in order, with one batched pass of the pipeline."""
    nlp = nlp or build_nlp(online)

    def docs():
        for art in articles:
            doc = nlp.make_doc(art.text)
            doc._.kg_article = art
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield doc._.kg_extraction


def extract_article(article: Article, nlp: Language | None = None) -> Extraction:
    return next(extract_articles([article], nlp))
