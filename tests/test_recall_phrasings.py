"""Recall on phrasings beyond the tune articles: capture, withdrawal, deployment, attack and
supply wordings, and the small model's parse errors the extractor works around.

Every case is our own sentence about a war other than the ones in the tune split. All
cases go through one ``extract_articles`` call; triples are ``(party key, relation,
place label)`` (labels, because places unknown to the gazetteer get minted keys).
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2015, 6, 1)

# (id, text, triple that must be asserted)
ASSERTED = [
    # parse errors
    ("coordinated-verb-as-adjective", "Afghan commandos entered and secured Kandahar.",
     ("Afghanistan", "controls", "Kandahar")),
    ("passive-verb-tagged-noun", "Kunduz was overrun by Taliban fighters.",
     ("Taliban", "controls", "Kunduz")),
    ("acronym-tagged-auxiliary", "IS took over Palmyra in May 2015.",
     ("Islamic State", "controls", "Palmyra")),
    ("verb-tagged-compound", "NTC-aligned brigades retook Abu Kamal within days.",
     ("National Transitional Council", "controls", "Abu Kamal")),
    ("person-tagged-object-of-place-verb", "SDF-aligned brigades retook Tal Tamr within days.",
     ("Syrian Democratic Forces", "controls", "Tal Tamr")),
    ("subject-swallowed-by-fronted-pp",
     "In late March Taliban fighters and militias loyal to the governor launched an assault on Kunduz.",
     ("Taliban", "attacked", "Kunduz")),
    ("agent-hung-on-place", "The seizure of Goma by M23 rebels alarmed the region.",
     ("M23", "controls", "Goma")),
    ("light-verb-keeps-place", "Israeli warplanes carried out air strikes on Beirut.",
     ("Israel", "attacked", "Beirut")),
    ("garrison-at-place", "Taliban fighters stormed the Afghan army garrison at Ghazni overnight.",
     ("Taliban", "attacked", "Ghazni")),
    ("facility-at-place", "Israeli jets struck the air base at Palmyra.",
     ("Israel", "attacked", "Palmyra")),
    ("light-verb-attack-in-place", "American jets carried out strikes in Basra on Friday.",
     ("United States", "attacked", "Basra")),
    ("date-is-no-place", "Ethiopian troops entered Humera in March. Ethiopian troops attacked the town again in May.",
     ("Ethiopia", "attacked", "Humera")),
    ("resupplied-through", "Syrian troops in Deir ez-Zor were resupplied through Palmyra.",
     ("Syria", "suppliesVia", "Palmyra")),
    ("armoured-columns-are-forces", "Indian armoured columns crossed the river and occupied Jessore.",
     ("India", "controls", "Jessore")),
    ("border-guards-are-forces", "Afghan border guards withdrew from Torkham on Tuesday.",
     ("Afghanistan", "withdrewFrom", "Torkham")),
    ("coordinated-preposition",
     "The Taliban had been deploying fighters in Kunduz and near the northern town of Baghlan.",
     ("Taliban", "deployedTo", "Baghlan")),
    ("person-tagged-name-after-from", "Argentine forces retreated from Goose Green.",
     ("Argentina", "withdrewFrom", "Goose Green")),
    # capture and holding
    ("possessor-is-place", "Saigon's capture by North Vietnamese forces ended the war.",
     ("North Vietnam", "controls", "Saigon")),
    ("seized-control-of", "Rwandan troops seized control of Goma.", ("Rwanda", "controls", "Goma")),
    ("gained-control-of", "Kenyan troops gained control of Kismayo.", ("Kenya", "controls", "Kismayo")),
    ("wrested-control-of", "Taliban fighters wrested control of Kunduz from the army.",
     ("Taliban", "controls", "Kunduz")),
    ("back-in-hands", "Kandahar was back in Taliban hands by evening.",
     ("Taliban", "controls", "Kandahar")),
    ("hands-of", "Kandahar was in the hands of the Taliban.", ("Taliban", "controls", "Kandahar")),
    ("relative-without-pronoun", "Jalalabad, the last city the Afghan army held in the east, fell in August.",
     ("Afghanistan", "controls", "Jalalabad")),
    ("stronghold-of", "The Taliban stronghold of Musa Qala was quiet.",
     ("Taliban", "controls", "Musa Qala")),
    ("stronghold-apposition", "Marjah, a Taliban stronghold in Helmand, was attacked.",
     ("Taliban", "controls", "Marjah")),
    ("flag-passive", "The Croatian flag was raised over Knin.", ("Croatia", "controls", "Knin")),
    ("ruled", "Hamas has ruled Gaza City since 2007.", ("Hamas", "controls", "Gaza City")),
    ("retained", "The Bosnian army retained Gorazde throughout the war.",
     ("Bosnia and Herzegovina", "controls", "Gorazde")),
    ("holding-out-in", "Islamic State militants are holding out in Raqqa.",
     ("Islamic State", "controls", "Raqqa")),
    # withdrawal
    ("evacuated-garrison-from", "The Iraqi army evacuated its garrison from Tikrit.",
     ("Iraq", "withdrewFrom", "Tikrit")),
    ("withdrawn-passive", "Iraqi troops were withdrawn from Kuwait in 1991.", ("Iraq", "withdrewFrom", "Kuwait")),
    ("ordered-out-of", "Iraqi troops were ordered out of Kuwait City.", ("Iraq", "withdrewFrom", "Kuwait City")),
    ("left-named-air-base", "American troops left the Bagram air base in July.",
     ("United States", "withdrewFrom", "Bagram")),
    # deployment
    ("reinforcements-from", "Reinforcements from Chad arrived in Bamako.", ("Chad", "deployedTo", "Bamako")),
    ("peacekeepers", "Russian peacekeepers arrived in Stepanakert.", ("Russia", "deployedTo", "Stepanakert")),
    ("bolstered-forces-in", "Russia bolstered its forces in Crimea.", ("Russia", "deployedTo", "Crimea")),
    ("amassed-in", "Iraq amassed troops in Basra.", ("Iraq", "deployedTo", "Basra")),
    ("built-up-in", "Russia has built up thousands of soldiers in Belarus.", ("Russia", "deployedTo", "Belarus")),
    ("deployed-near", "Turkey deployed tanks near Kobani.", ("Turkey", "deployedTo", "Kobani")),
    ("poured-into", "Iraqi troops poured into Kuwait.", ("Iraq", "deployedTo", "Kuwait")),
    # attacks
    ("army-aircraft-are-state", "Army helicopters struck rebel positions in Kandahar.",
     ("Afghanistan", "attacked", "Kandahar")),
    ("came-under-fire-from", "Sderot came under rocket fire from Hamas.", ("Hamas", "attacked", "Sderot")),
    # supply
    ("relied-on-as-hub", "The Taliban relied on Quetta as their main logistics hub.",
     ("Taliban", "suppliesVia", "Quetta")),
    ("used-as-hub", "French troops used Gao as their main logistics hub.", ("France", "suppliesVia", "Gao")),
    ("served-as-hub",
     "Gao, the desert town on the Niger river, served as the main supply hub for French forces in Mali.",
     ("France", "suppliesVia", "Gao")),
    ("person-tagged-supply-base", "Musa Qala remained the main supply base for British troops in Helmand.",
     ("United Kingdom", "suppliesVia", "Musa Qala")),
    ("depend-on-for", "Houthi fighters depend on Hodeidah for weapons and fuel.",
     ("Houthis", "suppliesVia", "Hodeidah")),
    ("smuggled-through", "Hamas smuggled weapons through Rafah.", ("Hamas", "suppliesVia", "Rafah")),
    ("brought-in-through", "The Taliban brought in fighters and weapons through Chaman.",
     ("Taliban", "suppliesVia", "Chaman")),
    ("port-through-which", "Hodeidah, the port through which the Houthis receive weapons, was bombed.",
     ("Houthis", "suppliesVia", "Hodeidah")),
    ("town-through-which-misattached",
     "Hamas still controls Rafah, the border town to the south through which it brings in weapons and supplies.",
     ("Hamas", "suppliesVia", "Rafah")),
    ("route-runs-through", "The main supply route for Russian forces in Kherson runs through Nova Kakhovka.",
     ("Russia", "suppliesVia", "Nova Kakhovka")),
]

# (id, text, triple that must not be asserted)
NOT_ASSERTED = [
    ("planned-control", "Russia plans to gain control of Kharkiv.", ("Russia", "controls", "Kharkiv")),
    ("negated-control", "Taliban fighters did not gain control of Kunduz.", ("Taliban", "controls", "Kunduz")),
    ("failed-supply", "The Taliban failed to bring in supplies through Chaman.",
     ("Taliban", "suppliesVia", "Chaman")),
    ("civilians-evacuated", "Britain evacuated its citizens from Kabul.",
     ("United Kingdom", "withdrewFrom", "Kabul")),
    ("trade-is-no-supply", "Armenia depends on Georgia for trade.", ("Armenia", "suppliesVia", "Georgia")),
    ("loyal-army-units-are-no-state", "Army units loyal to the general attacked Aden.",
     ("Yemen", "attacked", "Aden")),
    ("smuggled-to-a-party", "Iran smuggled weapons to Hezbollah.", ("Iran", "suppliesVia", "Lebanon")),
    ("capture-of-a-person", "Iraqi troops captured Abu Bakr Hassan.",
     ("Iraq", "controls", "Abu Bakr Hassan")),
    ("title-is-no-place", "In a statement on Sunday, Commander-in-Chief Davit Beridze said he had"
     " decided to withdraw Georgian units from Gori. The 4th Brigade said it had held the line"
     " while other units pulled back.",
     ("Georgia", "withdrewFrom", "Chief")),
    ("maker-is-not-the-attacker", "Iranian-made drones struck Kharkiv overnight.",
     ("Iran", "attacked", "Kharkiv")),
    ("home-town-of-a-person", "Islamic State seized Sirte, the home town of Muammar Gaddafi.",
     ("Islamic State", "controls", "Muammar Gaddafi")),
]


extractions, test_phrasing_gives_fact, test_phrasing_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
