"""Extra relation patterns of :class:`kg.relations.RelationFinder` that are not
plain trigger frames: possession idioms ("in Taliban hands"), movement to a spot
"outside" a place, and places inherited from the governing clause."""
from __future__ import annotations

from spacy.tokens import Token

from . import syntax as S
from ._mentions import STRUCTURE_HEADS
from .parties import is_force_noun

#: nouns that say a party holds a place: "the Taliban stronghold of Musa Qala"
STRONGHOLD_NOUNS = frozenset({"stronghold", "bastion"})
#: "Knin, the capital of the Republic of Serbian Krajina": the party's seat, which it holds
CAPITAL_NOUNS = frozenset({"capital"})
#: nominal triggers whose possessor may be the place: "Saigon's capture by ..."
_POSSESSED_PLACE_RELATIONS = frozenset({"controls", "attacked", "besieged", "encircled"})

#: "came under fire from X": what a place comes under when it is attacked
UNDER_ATTACK_NOUNS = frozenset("""fire attack attacks shelling bombardment bombing assault
rocket rockets missile artillery siege""".split())

#: subordinators of a clause that happens where the main clause happens
_SAME_PLACE_MARKS = frozenset({"after", "as", "when", "once", "before", "while"})


def hands_places(hands: Token) -> list[Token]:
    """The place said to be "in X's hands": the clause subject ("Homs is in their hands"),
    the noun modified ("the only city still in government hands"), or, for a noun
    after "as", the object of that verb ("leaving Kabul as the only city in ... hands")."""
    prep = hands.head
    if hands.dep_ != "pobj" or prep.lower_ not in ("in", "into", "to"):    # "fell into rebel hands",
        #                                                     "returned to government hands"
        return []
    head = prep.head
    if head.pos_ == "ADV" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head              # "Hue was back in government hands"
    if head.pos_ in ("VERB", "AUX"):
        held = [c for c in head.children if c.dep_ == "dobj"] if head.lemma_.lower() in (
            "leave", "put", "place", "hand") else []
        return held or S.subjects(head)       # "leaves Sadr City in the militia's hands"
    if head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB":
            return S.objects(head.head.head) or [head]
        return [head]
    return []


def hands_owners(hands: Token) -> list[Token]:
    """Who holds the hands: "their hands", "Taliban hands", "government hands", each of
    "German and Italian hands"."""
    return [m for c in hands.children if c.dep_ in ("poss", "compound", "amod", "nmod")
            for m in S.conj_members(c)] + \
        S.prep_objects(hands, ["of"], False)          # "in the hands of the Taliban"


def outside_places(verb: Token) -> list[Token]:
    """"redeployed its units outside the city", "withdrew to the airport outside the city":
    moving to a position outside a place is leaving it."""
    out = S.prep_objects(verb, ["outside"])
    for dest in S.prep_objects(verb, ["to", "towards", "toward"]):
        out += S.prep_objects(dest, ["outside", "outside of"], False)
    return out


def clause_places(verb: Token, is_place) -> list[Token]:
    """For a movement verb without a place in an "after/as/when" clause, the places of the
    governing clause ("SDF moved into Deir ez-Zor after government forces pulled out")."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _SAME_PLACE_MARKS
                                       for c in verb.children):
        return []
    head = verb.head
    cands = S.objects(head) + S.prep_objects(head, ["into", "in", "to", "of"]) + S.subjects(head)
    return [t for t in cands if is_place(t)]


#: forces named by where they are posted: storming "the garrison at X" is an attack on X
STATIONED_FORCES = frozenset({"garrison", "outpost"})


def located_in(target: Token) -> list[Token]:
    """An attack on a thing located somewhere is an attack on that place: "air strikes on RSF
    bases in Khartoum", "a strike on a market in the village of Togoga", "stormed the
    garrison at Fada". Not so for armed forces on the move ("an offensive against Ukrainian
    forces in the Donbas" targets the forces)."""
    if target.pos_ == "AUX" and target.text.isupper():     # "strikes on IS positions in X": "IS" read as "is"
        target = next((c for c in target.children if c.dep_ in ("attr", "dobj")), target)
    if target.pos_ == "PROPN" and target.lower_ in STRUCTURE_HEADS:
        pass              # "fired rockets at the International Zone in Baghdad"
    elif target.pos_ not in ("NOUN", "VERB") or (
            is_force_noun(target) and target.lemma_.lower() not in STATIONED_FORCES):
        return []
    for child in target.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "inside", "at", "around", "near"):
            # "positions in and around Kidal": the place hangs on the coordinated "around"
            preps = [child, *(c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP")]
            obj = next((c for p in preps for c in p.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):          # not "in April"
                return S.conjuncts(obj)
    return []


#: ways that stand for the places they run through: "the highway through X is the supply route"
_ROAD_NOUNS = frozenset("road highway route railway rail bridge crossing pass".split())


def road_places(tok: Token) -> list[Token]:
    """The places a road runs through ("the highway through Nasiriyah"); else ``tok`` itself."""
    if tok.lemma_.lower() not in _ROAD_NOUNS:
        return [tok]
    places = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("through", "via", "across")
              for p in c.children if p.dep_ == "pobj" for o in S.conjuncts(p)]
    return places or [tok]


def modifiers_and_of_objects(head: Token) -> list[Token]:
    """The children of a force noun and the objects of its "of" ("fighters of A and B")."""
    return [*head.children, *(p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj")]


def for_phrase_parties(prep: Token) -> list[Token]:
    """Who a "for" phrase names: "the supply route for Russian forces", or the subject of
    a clause in it ("for U.S. units advancing up the valley")."""
    return [p for p in prep.children if p.dep_ == "pobj"] or [
        x for p in prep.children if p.dep_ == "pcomp" for x in p.children if x.dep_ == "nsubj"]


def stray_of_objects(control: Token) -> list[Token]:
    """"the army is 'in full control' of X": the quote made the parser hang "of X" on the
    verb; the "of" right after "in ... control" (past a closing quote) is still control's."""
    verb = control.head.head
    nxt = control.doc[control.i + 1] if control.i + 1 < len(control.doc) else None
    if nxt is not None and nxt.is_quote and nxt.i + 1 < len(control.doc):
        nxt = control.doc[nxt.i + 1]
    if nxt is None or nxt.lower_ != "of" or nxt.head.i != verb.i:
        return []
    return [o for c in [nxt] for o in c.children if o.dep_ == "pobj"]


def name_after_prep(noun: Token, preps: list[str], is_place) -> list[Token]:
    """A place name right after a nominal trigger's preposition that the parser hung
    elsewhere ("recapture of Balakliia surprised ...": Balakliia as a modifier of a later noun)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i + 1 < len(noun.doc):
            nxt = noun.doc[child.i + 1]
            if nxt.pos_ == "PROPN" and nxt.head.i != child.i and is_place(nxt):
                return [nxt]
    return []


def stronghold_owners(noun: Token, party) -> list[Token]:
    """Whose stronghold: a modifier ("a Taliban stronghold"), a possessor ("the rebels'
    stronghold") or a party after "of" ("the last stronghold of Islamic State")."""
    out = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            out += [o for o in c.children if o.dep_ == "pobj" and party(o, noun) is not None]
    return out


def stronghold_places(noun: Token, party) -> list[Token]:
    """The place a stronghold is: "the stronghold of X", "X, a ... stronghold", "X is a ... stronghold"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [o for o in c.children if o.dep_ == "pobj" and party(o, noun) is None]
            if objs:
                return S.conjuncts(objs[0])
    if noun.dep_ == "appos":
        return [noun.head]
    if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in ("be", "remain", "become"):
        return S.subjects(noun.head)
    return []


def capital_places(noun: Token) -> list[Token]:
    """The city a "capital" phrase names by apposition: "Knin, the capital of X" or
    "its de facto capital, Raqqa"."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return [noun.head]
    return [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]


def flag_owners(flag: Token) -> list[Token]:
    """The side a flag belongs to: "the Russian flag", "Ukraine's flag", "the flag of X"."""
    out = [c for c in flag.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    out += S.prep_objects(flag, ["of"], False)
    return out


def possessor_place(noun: Token, frame: dict, agents: list[Token], is_place) -> tuple[list, list]:
    """"Saigon's capture by North Vietnamese forces", "Kabul's fall to the Taliban": with an
    explicit agent phrase, the possessor is the place. Returns (places, agents)."""
    if frame["relation"] not in _POSSESSED_PLACE_RELATIONS:
        return [], agents
    poss = [c for c in noun.children if c.dep_ == "poss"]
    explicit = [a for a in agents if a.dep_ == "pobj"]
    if not poss or not explicit or poss[0].lower_ in ("its", "their") or is_place(poss[0]) is None:
        return [], agents
    return [poss[0]], explicit


def under_attack(verb: Token) -> tuple[list[Token], list[Token]]:
    """"Kharkiv came under fire from Russian artillery", "the town came under heavy shelling
    by Serb forces": (attackers, places); empty when the verb is no such "come"."""
    if verb.lemma_.lower() != "come":
        return [], []
    events = [e for e in S.prep_objects(verb, ["under"], False) if e.lemma_.lower() in UNDER_ATTACK_NOUNS]
    if not events:
        return [], []
    attackers = S.prep_objects(events[0], ["from", "by"], False) or S.prep_objects(verb, ["from", "by"], False)
    attackers += [c for c in events[0].children if c.dep_ in ("amod", "compound", "poss")]
    return attackers, S.subjects(verb)


#: relations of a main-clause verb whose subject also takes the place it acts on
_TAKER_RELATIONS = frozenset({"attacked", "controls", "deployedTo"})


def relative_passive_agents(verb: Token, verbs: dict, forms: dict) -> list[Token]:
    """The agent of an agentless passive in a relative clause on the object of an attack:
    "Soviet troops stormed Seelow, which was taken on 19 April" -> "troops". Only when the
    antecedent is the direct object of a verb that attacks, takes or enters it."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubjpass" and c.lower_ in S.REL_PRONOUNS
                                       for c in verb.children):
        return []
    place = verb.head
    if place.dep_ != "dobj":
        return []
    gov = place.head
    lemma = forms.get(gov.lower_, gov.lemma_.lower())
    if not any(f["relation"] in _TAKER_RELATIONS for f in verbs.get(lemma, ())):
        return []
    return S.subjects(gov)


#: nouns of an operation that a side launches ("an offensive", "the battle of ...")
OFFENSIVE_NOUNS = frozenset("""offensive counteroffensive counter-offensive operation battle attack
assault campaign push drive""".split())
#: verbs that set an operation going
LAUNCH_VERBS = frozenset("launch begin start mount open unleash stage".split())


def launched_attack(verb: Token) -> tuple[list[Token], Token] | None:
    """"launched an offensive to recapture Palmyra", "began the battle to liberate Al-Faw":
    the capture is only the aim, but the offensive against the place happened. The
    subjects of the launching verb and that verb, or None."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and head.lemma_.lower() in OFFENSIVE_NOUNS and head.dep_ == "dobj":
        launch = head.head                     # "began an offensive to recapture X"
    elif verb.dep_ in ("advcl", "xcomp"):
        launch = head                          # "launched an operation on Tuesday to retake X"
    else:
        return None
    if launch.lemma_.lower() not in LAUNCH_VERBS or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in OFFENSIVE_NOUNS for c in launch.children):
        return None
    return S.subjects(launch), launch


def unit_posted_in(unit: Token, relation: str) -> list[Token]:
    """"reinforced the 27th Brigade in Putumayo with mobile units": reinforcing a unit where
    it is posted is a deployment to that place (an attack on forces stays an attack on them)."""
    if relation != "deployedTo" or not is_force_noun(unit):
        return []
    return [o for c in unit.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]

