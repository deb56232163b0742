"""Words that name a side only in one war (kg/data/party_eras.json, periods with "where"):
"Nationalist", "Republican", "Loyalist" in a story set in Spain in 1936-39, "Nationalist"
and "Communist" in China in 1927-49, "Communist" in Greece in 1946-49, "the Reds" and "the
Whites" in Russia and Ukraine in 1917-22, "Confederate", "Union" and "the Federals" in the
United States in 1861-65 (the country of a town from kg/data/towns.txt when the gazetteer
lacks it), "Partisans" in Yugoslavia in 1941-45, "Tigers" in Sri Lanka in 1976-2009, "federal" (in any
case) in Croatia, Bosnia and Slovenia in 1991-92, "Republican" and "Irregulars" in Ireland in 1922-23 (the anti-Treaty
IRA, a party of the lexicon too); nowhere else, and never a lower-case "republican". Our
own sentences."""
from __future__ import annotations

from datetime import date

from kg.party_eras import side_in_war, side_words
from phrasings import recall_tests


def test_side_depends_on_country_and_date():
    assert side_in_war("Nationalist", date(1937, 3, 1), "Spain") == "Francoist Spain"
    assert side_in_war("Nationalists", date(1947, 3, 1), "China") == "Republic of China (1912–1949)"
    assert side_in_war("Republicans", date(1938, 1, 1), "Spain") == "Second Spanish Republic"
    assert side_in_war("Nationalist", date(1960, 1, 1), "China") is None
    assert side_in_war("Republican", date(1937, 3, 1), "United States") is None
    assert side_in_war("Republican", date(1937, 3, 1), None) is None
    assert {"nationalist", "republican", "loyalists"} <= side_words()


ASSERTED = [
    ("spain-republican", "In 1937 Republican forces attacked Belchite, near Zaragoza, Spain.",
     ("Second Spanish Republic", "attacked", "Belchite")),
    ("spain-nationalist", "In February 1938 Nationalist troops retook Teruel from the Republicans.",
     ("Francoist Spain", "controls", "Teruel")),
    ("ireland-anti-treaty", "In July 1922 anti-Treaty forces withdrew from Limerick after a week "
     "of fighting.", ("Anti-Treaty IRA", "withdrewFrom", "Limerick")),
    ("ireland-republican", "In July 1922 Republican columns attacked Kilmallock, near Limerick, "
     "Ireland.", ("Anti-Treaty IRA", "attacked", "Kilmallock")),
    ("china-communist", "In 1948 Communist forces captured Mukden, China, from the Nationalists.",
     ("China", "controls", "Mukden")),
    ("greece-communist", "In August 1949 Communist troops captured Grammos, Greece.",
     ("Democratic Army of Greece", "controls", "Grammos")),
    ("russia-whites", "In 1919 the Whites captured Tsaritsyn, Russia.",
     ("White movement", "controls", "Volgograd")),
    ("us-federals", "In September 1864 the Federals occupied Atlanta.",
     ("United States", "controls", "Atlanta")),
    ("yugoslav-partisans", "In 1944 the Partisans liberated Belgrade with Soviet help.",
     ("Yugoslav Partisans", "controls", "Belgrade")),
    ("sri-lanka-tigers", "The Tigers withdrew from Kilinochchi, Sri Lanka, in January 2009.",
     ("Liberation Tigers of Tamil Eelam", "withdrewFrom", "Kilinochchi")),
    ("yugoslav-federal-army", "In 1991 federal army units shelled Dubrovnik.",
     ("Yugoslavia", "attacked", "Dubrovnik")),
    ("first-year-of-the-war", "In 1936 Nationalist troops took Toledo, Spain.",
     ("Francoist Spain", "controls", "Toledo")),
    ("china-nationalist", "In March 1947 Nationalist troops took Yan'an, the Communist capital in "
     "Shaanxi, China.", ("Republic of China (1912–1949)", "controls", "Yan'an")),
]

NOT_ASSERTED = [
    ("after-the-war", "In 1958 Nationalist troops on Quemoy shelled Xiamen, China.",
     ("Republic of China (1912–1949)", "attacked", "Xiamen")),
    ("ireland-after-the-war", "In 1925 Republican columns attacked Kilmallock, near Limerick, "
     "Ireland.", ("Anti-Treaty IRA", "attacked", "Kilmallock")),
    ("vietnam-communist", "In 1975 Communist forces captured Saigon.",
     ("China", "controls", "Ho Chi Minh City")),
    ("us-union-workers", "In 2019 Union workers occupied the factory in Atlanta.",
     ("United States", "controls", "Atlanta")),
    ("federal-elsewhere", "In 1995 federal troops entered Grozny.",
     ("Yugoslavia", "controls", "Grozny")),
    ("lower-case", "In August 1937 republican militia attacked Belchite, near Zaragoza, Spain.",
     ("Second Spanish Republic", "attacked", "Belchite")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, date(2000, 6, 1))
