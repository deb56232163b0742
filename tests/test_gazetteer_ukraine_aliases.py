"""Russian-language and Soviet-era names of Ukrainian places link to one gazetteer entry.

Reporting on the Russia-Ukraine war spells the same town three ways: the Ukrainian
romanisation (Vuhledar), the Russian one (Ugledar), or a name Ukraine dropped in its
2015-2016 decommunisation renaming (Artemivsk for Bakhmut). Each such name must reach
the same gazetteer key, and none of them may also be the name of another entry.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer, entry_from_dict, norm, translit_key

DATA = Path(str(resources.files("kg") / "data" / "gazetteer.jsonl"))

#: Russian transliterations and former official names, by gazetteer key. Some were in
#: the data already; the rest were added with this file.
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    # oblasts and regions
    "Crimea": ("Autonomous Republic of Crimea", "Republic of Crimea"),
    "Kharkiv Oblast": ("Kharkov region",),
    "Luhansk Oblast": ("Lugansk region", "Lugansk province"),
    "Zaporizhzhia Oblast": ("Zaporozhye region", "Zaporozhye Oblast", "Zaporozhye province"),
    "Mykolaiv Oblast": ("Nikolaev region", "Nikolaev Oblast"),
    "Chernihiv Oblast": ("Chernigov region", "Chernigov Oblast"),
    "Dnipropetrovsk Oblast": ("Dnepropetrovsk Oblast", "Dnepropetrovsk region"),
    "Vinnytsia Oblast": ("Vinnitsa Oblast",),
    "Lviv Oblast": ("Lvov Oblast",),
    "Rivne Oblast": ("Rovno Oblast",),
    # cities and towns
    "Kyiv": ("Kiev",),
    "Kharkiv": ("Kharkov",),
    "Mykolaiv": ("Nikolaev", "Nikolayev"),
    "Zaporizhzhia": ("Zaporozhye", "Zaporozhe"),
    "Dnipro": ("Dnepropetrovsk", "Dnipropetrovsk"),
    "Luhansk": ("Lugansk",),
    "Odesa": ("Odessa",),
    "Bakhmut": ("Artemovsk", "Artemivsk", "Artyomovsk"),
    "Pokrovsk": ("Krasnoarmeysk", "Krasnoarmiisk"),
    "Toretsk": ("Dzerzhinsk", "Dzerzhynsk"),
    "Lyman": ("Krasny Liman", "Krasnyi Lyman", "Liman"),
    "Sloviansk": ("Slavyansk",),
    "Sievierodonetsk": ("Severodonetsk",),
    "Lysychansk": ("Lisichansk",),
    "Kupiansk": ("Kupyansk",),
    "Izium": ("Izyum",),
    "Balakliia": ("Balakleya",),
    "Vovchansk": ("Volchansk",),
    "Chasiv Yar": ("Chasov Yar",),
    "Avdiivka": ("Avdeyevka", "Avdeevka"),
    "Marinka": ("Maryinka",),
    "Krasnohorivka": ("Krasnogorovka",),
    "Kurakhove": ("Kurakhovo",),
    "Selydove": ("Selidovo",),
    "Novohrodivka": ("Novogrodovka",),
    "Vuhledar": ("Ugledar",),
    "Velyka Novosilka": ("Velikaya Novosyolka", "Velikaya Novoselka"),
    "Robotyne": ("Rabotino",),
    "Orikhiv": ("Orekhov",),
    "Enerhodar": ("Energodar",),
    "Nova Kakhovka": ("Novaya Kakhovka",),
    "Henichesk": ("Genichesk",),
    "Krynky": ("Krinki",),
    "Chernihiv": ("Chernigov",),
    "Hostomel": ("Gostomel",),
    "Irpin": ("Irpen",),
    "Borodianka": ("Borodyanka",),
    "Zhytomyr": ("Zhitomir",),
    "Snihurivka": ("Snigirevka",),
    "Svatove": ("Svatovo",),
    "Kreminna": ("Kremennaya",),
    "Popasna": ("Popasnaya",),
    "Debaltseve": ("Debaltsevo",),
    "Ilovaisk": ("Ilovaysk",),
    "Horlivka": ("Gorlovka",),
    "Makiivka": ("Makeyevka",),
    "Yasynuvata": ("Yasinovataya",),
    "Shchastia": ("Shchastye", "Schastye"),
    "Pisky": ("Peski",),
    "Kostiantynivka": ("Konstantinovka",),
    "Druzhkivka": ("Druzhkovka",),
    "Sorokyne": ("Krasnodon",),
    "Kropyvnytskyi": ("Kirovograd", "Kirovohrad"),
    "Kamianske": ("Dniprodzerzhynsk", "Dneprodzerzhinsk"),
    "Chornomorsk": ("Illichivsk", "Ilyichevsk"),
    "Ivano-Frankivsk": ("Ivano-Frankovsk",),
    "Bila Tserkva": ("Belaya Tserkov",),
    "Kamianets-Podilskyi": ("Kamenets-Podolsky",),
    "Bilhorod-Dnistrovskyi": ("Belgorod-Dnestrovsky",),
    "Drohobych": ("Drogobych",),
    "Yenakiieve": ("Yenakiyevo", "Enakievo"),
    "Kadiivka": ("Kadiyevka", "Kadievka"),
    "Starobilsk": ("Starobelsk",),
    "Ocheretyne": ("Ocheretino",),
    "Hirnyk": ("Gornyak",),
    "Dobropillia": ("Dobropolye",),
    "Bilozerske": ("Belozerskoye",),
    "Rodynske": ("Rodinskoye",),
    "Sviatohirsk": ("Svyatogorsk",),
    "Stepnohirsk": ("Stepnogorsk",),
    "Kamianka-Dniprovska": ("Kamenka-Dneprovskaya",),
    "Polohy": ("Pologi",),
    "Bilohorivka": ("Belogorovka",),
    "Borova": ("Borovaya",),
    "Bohodukhiv": ("Bogodukhov",),
    "Kozacha Lopan": ("Kazachya Lopan",),
    "Dvorichna": ("Dvurechnaya",),
    "Ochakiv": ("Ochakov",),
    "Berdychiv": ("Berdichev",),
    "Netishyn": ("Neteshin",),
    "Nizhyn": ("Nezhin",),
    "Myrhorod": ("Mirgorod",),
    "Znamianka": ("Znamenka",),
    "Smila": ("Smela",),
    "Starokostiantyniv": ("Starokonstantinov",),
}

#: Settlements that had no row before, with the oblast (or Crimea) they lie in and the
#: other names they go by.
NEW_PLACES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Novoazovsk": ("Donetsk Oblast", ()),
    "Dokuchaievsk": ("Donetsk Oblast", ("Dokuchaevsk",)),
    # its former name Komsomolske is left out: Komsomolskoye is also a village in Chechnya
    "Kalmiuske": ("Donetsk Oblast", ()),
    "Shakhtarsk": ("Donetsk Oblast", ("Shakhtyorsk", "Shakhtersk")),
    "Snizhne": ("Donetsk Oblast", ("Snezhnoye",)),
    "Chystiakove": ("Donetsk Oblast", ("Torez",)),
    "Amvrosiivka": ("Donetsk Oblast", ("Amvrosiyevka",)),
    "Svitlodarsk": ("Donetsk Oblast", ("Svetlodarsk",)),
    "Vuhlehirsk": ("Donetsk Oblast", ("Uglegorsk",)),
    "Pavlivka": ("Donetsk Oblast", ("Pavlovka",)),
    "Staromaiorske": ("Donetsk Oblast", ("Staromayorskoye",)),
    "Urozhaine": ("Donetsk Oblast", ("Urozhainoye",)),
    "Stanytsia Luhanska": ("Luhansk Oblast", ("Stanitsa Luganskaya",)),
    "Zolote": ("Luhansk Oblast", ("Zolotoye",)),
    "Hirske": ("Luhansk Oblast", ("Gorskoye",)),
    "Khrustalnyi": ("Luhansk Oblast", ("Krasnyi Luch", "Krasny Luch")),
    "Lutuhyne": ("Luhansk Oblast", ("Lutugino",)),
    "Mala Tokmachka": ("Zaporizhzhia Oblast", ("Malaya Tokmachka",)),
    "Dniprorudne": ("Zaporizhzhia Oblast", ("Dneprorudnoye",)),
    "Skadovsk": ("Kherson Oblast", ()),
    "Chaplynka": ("Kherson Oblast", ("Chaplinka",)),
    "Chornobaivka": ("Kherson Oblast", ("Chernobaivka", "Chernobaevka")),
    "Yalta": ("Crimea", ()),
    "Saky": ("Crimea", ("Saki",)),
    "Bakhchysarai": ("Crimea", ("Bakhchisaray",)),
    "Armiansk": ("Crimea", ("Armyansk",)),
    "Vyshhorod": ("Kyiv Oblast", ("Vyshgorod",)),
    "Boryspil": ("Kyiv Oblast", ("Borispol",)),
    "Vasylkiv": ("Kyiv Oblast", ("Vasilkov",)),
    "Fastiv": ("Kyiv Oblast", ("Fastov",)),
    "Chornobyl": ("Kyiv Oblast", ("Chernobyl",)),
    "Ivankiv": ("Kyiv Oblast", ("Ivankov",)),
    "Derhachi": ("Kharkiv Oblast", ("Dergachi",)),
    "Staryi Saltiv": ("Kharkiv Oblast", ("Stary Saltov",)),
    "Pechenihy": ("Kharkiv Oblast", ("Pechenegi",)),
    "Bilopillia": ("Sumy Oblast", ("Belopolye",)),
    "Lebedyn": ("Sumy Oblast", ("Lebedin",)),
    "Marhanets": ("Dnipropetrovsk Oblast", ("Marganets",)),
    "Synelnykove": ("Dnipropetrovsk Oblast", ("Sinelnikovo",)),
    "Pivdennoukrainsk": ("Mykolaiv Oblast", ("Yuzhnoukrainsk",)),
    "Vylkove": ("Odesa Oblast", ("Vilkovo",)),
    "Yavoriv": ("Lviv Oblast", ("Yavorov",)),
    "Stryi": ("Lviv Oblast", ("Stryy",)),
    "Shepetivka": ("Ukraine", ("Shepetovka",)),
}

PAIRS = sorted({(name, key) for key, names in OTHER_NAMES.items() for name in names}
               | {(name, key) for key, (_, names) in NEW_PLACES.items() for name in (key, *names)})


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(include_user=False)


def test_every_row_still_parses():
    lines = [(n, line) for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    keys = [entry_from_dict(json.loads(line), f"{DATA}:{n}").key for n, line in lines]
    assert len(keys) == len(set(keys))
    assert len(Gazetteer.load(include_user=False)) == len(keys)


@pytest.mark.parametrize(("name", "key"), PAIRS, ids=[f"{n}->{k}" for n, k in PAIRS])
def test_name_resolves_to_one_ukrainian_place(gaz, name, key):
    assert [e.key for e in gaz.candidates(name)] == [key]
    assert gaz.country_of(gaz.get(key)).key == "Ukraine"


@pytest.mark.parametrize(("name", "key"), PAIRS, ids=[f"{n}->{k}" for n, k in PAIRS])
def test_name_belongs_to_no_other_entry(gaz, name, key):
    # neither the folded spelling nor the coarser transliteration key may be shared
    clash = [(e.key, alias) for e in gaz if e.key != key for alias in e.aliases
             if norm(alias) == norm(name) or translit_key(alias) == translit_key(name)]
    assert clash == []


@pytest.mark.parametrize("key", sorted(NEW_PLACES))
def test_new_settlement_rows(gaz, key):
    entry = gaz.get(key)
    assert entry is not None and entry.type == "settlement" and entry.label == key
    assert entry.parent == NEW_PLACES[key][0]
    assert entry.qid is None


def test_names_are_capitalised_for_the_entity_ruler():
    # the ruler matches place aliases case-sensitively, so a lower-case alias is never seen
    for name, _ in PAIRS:
        assert name[0].isupper(), name
