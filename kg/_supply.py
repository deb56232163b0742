"""Supply phrasings of :class:`kg.relations.RelationFinder`: the "supply" verbs, hub
nouns, and forces that depend on a place for supplies, bring supplies in through it,
use it as a logistics hub, or whose supply route runs through it.

Each function takes the finder (for ``party``, ``place`` and ``_pair``) and a verb or a
hub noun. :func:`supply_frame` is the frame of the supply verbs; :func:`hub_candidates`
reads hub nouns ("the main logistics hub for its forces").
"""
from __future__ import annotations

from spacy.tokens import Token

from . import _frames as F
from . import syntax as S

#: what forces are supplied with: "depend on that road for fuel", "bring in weapons through X"
SUPPLY_NOUNS = frozenset("""supply supplies fuel ammunition ammo weapon weapons arms munitions food
reinforcements provisions equipment materiel shells resupply logistics""".split())
#: "X relied on Y as its logistics hub" / "depend on Y for fuel"
RELY_VERBS = frozenset({"rely", "depend", "count", "use", "serve", "act", "function"})
#: "brings in supplies through Y", "the hub through which it receives supplies"
BRING_VERBS = frozenset({"bring", "receive", "get", "smuggle", "funnel", "channel"})
#: "the main supply route for X runs through Y"
ROUTE_VERBS = frozenset({"run", "pass", "go"})
#: "the insurgents' arms reach them through Honduras", "supplies for the mujahideen reached
#: the front through Jabal Saraj": goods that arrive through a place
ARRIVE_VERBS = frozenset({"reach", "arrive", "flow"})
#: hub nouns that mean supply wherever they stand ("X is the railhead that feeds Y")
_SUPPLY_HUBS = frozenset({"lifeline", "railhead", "airhead", "conduit"})
#: hub nouns that need no modifier to mean supply ("used X as a hub")
_PLAIN_HUBS = frozenset({"hub", "depot", "artery"}) | _SUPPLY_HUBS
#: every verb :func:`supply_patterns` looks at
SUPPLY_VERBS = RELY_VERBS | BRING_VERBS | ROUTE_VERBS | ARRIVE_VERBS
_THROUGH = ["through", "via"]


def supply_patterns(finder, verb: Token, lemma: str) -> list:
    """Every supply candidate the verb licenses (usually none)."""
    if lemma in RELY_VERBS:
        return _as_hub(finder, verb, lemma) or _depend_for(finder, verb, lemma)
    if lemma in BRING_VERBS:
        return _bring_through(finder, verb)
    if lemma in ARRIVE_VERBS:
        return _goods_arrive(finder, verb)
    return _route_through(finder, verb)


def _goods_arrive(finder, verb: Token) -> list:
    """"The insurgents' arms reach them through Honduras", "supplies for the mujahideen
    reached the front through Jabal Saraj", "rifles reach the Turks across the Tunisian
    frontier": the party the goods are for (their owner, their "for" phrase, or the one
    they reach) is supplied via the place."""
    goods = [g for g in S.subjects(verb) if _is_goods(g)]
    if not goods:
        return []
    places = _through_places(finder, verb, [*_THROUGH, "across"], False)
    if not places:
        return []
    agents = [c for g in goods for c in g.children if c.dep_ == "poss"]
    agents += [o for g in goods for o in S.prep_objects(g, ["for"], False)]
    agents += [o for o in S.objects(verb) if finder.party(o, verb) is not None]
    return finder._pair(verb, "suppliesVia", agents[:1], places, False)


def _is_goods(tok: Token) -> bool:
    """What forces are supplied with ("fuel", "supplies", "arms")."""
    return tok.lemma_.lower() in SUPPLY_NOUNS or tok.lower_ in SUPPLY_NOUNS


def _is_hub(finder, noun: Token) -> bool:
    if noun.lemma_.lower() not in finder.hub_heads and noun.lower_ not in finder.hub_heads:
        return False
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    return bool(mods & finder.hub_mods) or noun.lemma_.lower() in _PLAIN_HUBS


def _as_hub(finder, verb: Token, lemma: str) -> list:
    """"relied on the Qayyarah air base as their main logistics hub", "Benghazi served as the
    supply hub for the rebel forces", "used Izium as a logistics hub"."""
    hubs = [h for h in S.prep_objects(verb, ["as"], False) if _is_hub(finder, h)]
    if not hubs:
        return []
    hub = hubs[0]
    agents = S.prep_objects(hub, ["for"], False) + [c for c in hub.children if c.dep_ == "poss"]
    if lemma in ("serve", "act", "function"):
        places = S.subjects(verb)
    else:
        places = S.prep_objects(verb, ["on", "upon"], False) if lemma != "use" else S.objects(verb)
        agents = S.subjects(verb) + agents
    return finder._pair(verb, "suppliesVia", agents[:1], places, False)


def _depend_for(finder, verb: Token, lemma: str) -> list:
    """"Armenian forces depend on the Lachin road for fuel and ammunition"."""
    if lemma not in ("rely", "depend", "count"):
        return []
    goods = S.prep_objects(verb, ["for"], False)
    if not any(_is_goods(g) for g in goods):
        return []
    places = S.prep_objects(verb, ["on", "upon"], False)
    return finder._pair(verb, "suppliesVia", S.subjects(verb), places, False)


def _bring_through(finder, verb: Token) -> list:
    """"IS brings in fighters and supplies through Tal Abyad", "Kismayo, the port through
    which al-Shabaab receives weapons"."""
    goods = S.objects(verb)
    if not any(_is_goods(g) for g in goods):
        return []
    places = _through_places(finder, verb, _THROUGH, True)
    if not places and verb.dep_ == "relcl" and verb.head.dep_ == "pobj" and \
            verb.head.head.lower_ in _THROUGH:
        places = [verb.head]
    return finder._pair(verb, "suppliesVia", S.subjects(verb), places, False)


def _route_through(finder, verb: Token) -> list:
    """"The main supply route for Russian forces in Kherson runs through Nova Kakhovka",
    "Russian supply lines pass through Melitopol"."""
    routes = [s for s in S.subjects(verb) if _is_hub(finder, s)]
    if not routes:
        return []
    route = routes[0]
    agents = [c for c in route.children if c.dep_ in ("compound", "amod", "poss", "nmod")
              and finder.party(c, route, modifier=c.dep_ != "poss") is not None]
    agents += S.prep_objects(route, ["for"], False)
    if verb.dep_ == "relcl" and any(c.lower_ == "whose" for c in route.children):
        agents = [verb.head]       # "the YPG, whose supply line ran through Nubl"
    places = S.prep_objects(verb, _THROUGH, False)
    return finder._pair(verb, "suppliesVia", agents[:1], places, False,
                        modifier_agents=bool(agents) and agents[0].dep_ not in ("pobj", "nsubj", "dobj"))


def _through_places(finder, verb: Token, preps: list[str], search_objects: bool) -> list[Token]:
    """The places after ``preps`` on the verb; a relative "through which" stands for what
    the clause hangs on ("the hub through which ...", "the port of X, through which arms
    reach Y")."""
    places: list[Token] = []
    for p in S.prep_objects(verb, preps, search_objects):
        if p.lower_ not in S.REL_PRONOUNS:
            places.append(p)
        elif verb.dep_ == "relcl":
            places += _antecedent_place(finder, verb.head, p)
    return places


def _antecedent_place(finder, head: Token, pronoun: Token) -> list[Token]:
    """What "through which" refers to: the hub noun the clause hangs on ("the hub through
    which ..."), else the nearest place named before the pronoun ("Tal Abyad, the border
    town to the east through which ...", where the parser hangs the clause on "east")."""
    if head.lower_ in finder.hub_heads:
        return hub_places(finder, [head])
    if finder.place(head, probe=True) is not None:
        return [head]
    window = head.doc[max(pronoun.sent.start, pronoun.i - 10): pronoun.i]
    names = [t for t in window if (hit := finder.place(t, probe=True)) is not None
             and hit["kind"] != "Country"]
    return names[-1:]


def supply_frame(finder, verb: Token, frame: dict) -> list:
    """The frame of the supply verbs: a place (or a hub said of a place) supplies party
    forces, or forces are supplied from/along/via a place."""
    subj = S.subjects(verb)
    objs = S.objects(verb)
    suppliers = [t for t in subj if finder.party(t, verb) is None]   # "Kyiv supplied" is a party
    out = finder._pair(verb, "suppliesVia", objs, hub_places(finder, suppliers), False)
    if out:
        return out
    # ... or forces are supplied from/along/via a place ("supplied along a road from
    # Bakhmut"): the party is the one whose forces receive the supplies
    receivers = subj if S.is_passive(verb) else objs or subj
    places = S.prep_objects(verb, [*frame["preps"], "from"])
    for route in S.prep_objects(verb, ["along", "by", "over"]):
        places += S.prep_objects(route, ["from", "through", "via"], False)
    return finder._pair(verb, "suppliesVia", receivers, places, False)


def hub_places(finder, toks: list[Token]) -> list[Token]:
    """A subject that is a hub noun stands for the place it is predicated of."""
    out = []
    for t in toks:
        if t.lower_ in finder.hub_heads:
            out.extend(hub_subject(finder, t))
        else:
            out.append(t)
    return out


def hub_candidates(finder, head: Token) -> list:
    """"Izium, the main Russian logistics base" / "it is the major rail hub that feeds X"."""
    mods = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod")}
    prev = finder.doc[head.i - 1].lower_ if head.i else ""
    if not (mods & finder.hub_mods or prev in finder.hub_mods or head.lemma_.lower() in _SUPPLY_HUBS):
        return []
    places = hub_subject(finder, head)
    if not places:
        return []
    # the party: a party word between the place and the hub, or whom the hub feeds
    agents = [t for t in finder.doc[max(places[0].i + 1, head.i - 6): head.i]
              if finder.party(t, head, modifier=True) is not None]
    if places[0].i > head.i:       # "Addis Ababa's lifeline remains the port of Massawa"
        agents += [c for c in head.children if c.dep_ == "poss" and finder.party(c, head) is not None]
    for c in head.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in ("feed", "supply", "serve", "resupply"):
            agents += S.objects(c)
        if c.dep_ == "prep" and c.lower_ == "for":      # "the main logistics hub for its forces"
            agents += F.for_phrase_parties(c)             # "... for its forces", "for units advancing"
    return finder._pair(head, "suppliesVia", agents[-1:] or agents, places, False)


def hub_subject(finder, head: Token) -> list[Token]:
    """The place a hub noun is said of: apposition, copula subject, or a name just before."""
    if head.dep_ == "appos":
        return [head.head]
    if head.dep_ in ("attr", "acomp", "oprd") and head.head.lemma_ in ("be", "remain", "become", "stay"):
        return [p for t in S.subjects(head.head) for p in F.road_places(t)]   # "the road through X is"
    if head.dep_ == "nsubj" and head.head.lemma_ in ("be", "remain", "become", "stay"):
        # "Addis Ababa's lifeline remains the Red Sea port of Massawa"
        return [p for c in head.head.children if c.dep_ == "attr" for p in F.road_places(c)]
    start = head.sent.start
    if finder.doc[start].is_lower and start > 0:     # a sentence broken by a stray period
        start = finder.doc[start - 1].sent.start
    window = finder.doc[max(start, head.i - 9): head.i]
    names = []
    for t in window:
        hit = finder.place(t, probe=True)
        if hit is not None and hit["kind"] != "Country":
            names.append(t)
    return names[-1:]
