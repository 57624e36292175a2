import itertools
from collections import defaultdict
from datetime import date

import pytest

from watchfloor.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("office", "when", "name"),
    [
        ("JPN.defence_minister", date(2025, 3, 30), "Gen Nakatani"),
        ("JPN.defence_minister", date(2025, 12, 18), "Shinjiro Koizumi"),
        ("JPN.head_of_government", date(2025, 3, 30), "Shigeru Ishiba"),
        ("JPN.head_of_government", date(2025, 12, 18), "Sanae Takaichi"),
        ("USA.head_of_state", date(2022, 6, 1), "Joe Biden"),
        ("USA.head_of_state", date(2025, 6, 1), "Donald Trump"),
        ("USA.defence_minister", date(2025, 3, 30), "Pete Hegseth"),
        ("USA.defence_minister", date(2023, 1, 1), "Lloyd Austin"),
        ("CHN.head_of_state", date(2020, 1, 1), "Xi Jinping"),
        ("TWN.head_of_state", date(2024, 6, 1), "Lai Ching-te"),
        ("USA.foreign_minister", date(2003, 3, 1), "Colin Powell"),
        ("USA.foreign_minister", date(2011, 3, 1), "Hillary Clinton"),
        ("USA.defence_minister", date(2008, 3, 1), "Robert Gates"),
        ("RUS.foreign_minister", date(2001, 3, 1), "Igor Ivanov"),
        ("PRK.head_of_state", date(2006, 10, 9), "Kim Jong Il"),
        ("JPN.head_of_government", date(1993, 12, 1), "Morihiro Hosokawa"),
        ("PHL.head_of_state", date(1995, 1, 1), "Fidel V. Ramos"),
        ("IRQ.head_of_government", date(2010, 1, 1), "Nouri al-Maliki"),
        ("CHN.head_of_government", date(1996, 1, 1), "Li Peng"),
    ],
)
def test_holder_is_time_aware(kb: KnowledgeBase, office: str, when: date, name: str) -> None:
    holder = kb.holder(office, when)
    assert holder is not None and holder.name == name


# Real vacancies longer than a month, not gaps in the data.
KNOWN_VACANCIES = {("CHN.defence_minister", date(2023, 10, 24))}  # Li Shangfu removed, Dong Jun named in December
# Offices that ended before 2017, kept for older wire copy.
ENDED_OFFICES = {"RUS.soviet_leader"}  # ended with the Soviet Union on 1991-12-25


def test_every_office_has_a_known_holder_since_2017(kb: KnowledgeBase) -> None:
    """Gaps of up to a month are short acting tenures the KB leaves out; longer ones are errors."""
    long_gaps = []
    for office in kb.offices:
        if office in ENDED_OFFICES:
            continue
        terms = sorted((person.terms[i].valid_from, person.terms[i].valid_to or date.max) for person, i in kb.holders(office))
        covered_until = date(2017, 1, 1)
        for start, end in terms:
            if start > covered_until and (start - covered_until).days > 31 and (office, covered_until) not in KNOWN_VACANCIES:
                long_gaps.append(f"{office}: nobody from {covered_until} to {start}")
            covered_until = max(covered_until, end)
        assert covered_until == date.max, f"{office}: no current holder"
    assert long_gaps == []


def test_terms_of_one_office_do_not_overlap(kb: KnowledgeBase) -> None:
    by_office = defaultdict(list)
    for entity in kb.entities.values():
        for term in entity.terms:
            assert term.office in kb.offices, f"{entity.id}: unknown office {term.office}"
            assert term.source, f"{entity.id}: term without a source"
            by_office[term.office].append((term.valid_from, term.valid_to or date.max, entity.id))
    for office, terms in by_office.items():
        terms.sort()
        for (_start_a, end_a, a), (start_b, _end_b, b) in itertools.pairwise(terms):
            assert end_a <= start_b, f"{office}: {a} until {end_a} overlaps {b} from {start_b}"


def test_names_demonyms_and_metonyms_resolve(kb: KnowledgeBase) -> None:
    resolved = kb.resolve("Japan")
    assert resolved is not None and resolved.code == "JPN"
    demonym = kb.demonym("Chinese")
    assert demonym is not None and demonym.code == "CHN"
    capital = kb.resolve("Beijing")
    assert capital is not None and capital.country == "CHN"
    taiwan = kb.resolve("Taiwan")
    assert taiwan is not None and taiwan.country == "TWN"
    office = kb.office_for("JPN", "defense minister")
    assert office is not None and office.id == "JPN.defence_minister"
    people = kb.demonym("Rohingyas")
    assert people is not None and people.code == "MMR" and "Rohingya" in people.peoples


def test_places_have_coordinates_in_range(kb: KnowledgeBase) -> None:
    for entity in kb.entities.values():
        if entity.lat is not None:
            assert -90 <= entity.lat <= 90 and -180 <= (entity.lon or 0) <= 180, entity.id
    for name in ("Sea of Japan", "Taiwan Strait", "Senkaku Islands", "East China Sea"):
        found = kb.lookup(name)
        assert found and found[0].lat is not None, name


def test_facts_have_sources(kb: KnowledgeBase) -> None:
    assert kb.facts
    for fact in kb.facts:
        assert fact.source and fact.statement, fact.id
        assert fact.attribute in kb.attributes, fact.id


def test_resolve_is_time_aware_for_offices(kb: KnowledgeBase) -> None:
    march = kb.resolve("Japan's defence minister", date(2025, 3, 30))
    december = kb.resolve("the Japanese defense minister", date(2025, 12, 18))
    assert march is not None and march.name == "Gen Nakatani"
    assert december is not None and december.name == "Shinjiro Koizumi"
    koizumi = kb.resolve("Koizumi", date(2020, 1, 1))
    assert koizumi is not None and koizumi.name == "Shinjiro Koizumi"


def test_fact_lookup_takes_the_fact_valid_on_the_date(kb: KnowledgeBase) -> None:
    budget = kb.fact("CHN", "defense_budget_growth", date(2025, 6, 1))
    assert budget is not None and budget.value == 7.2 and "2025" in budget.statement
    assert kb.fact("CHN", "defense_budget_growth", date(2020, 6, 1)) is None
    old = kb.fact("USA", "gdp", date(2024, 6, 1))
    new = kb.fact("USA", "gdp", date(2025, 6, 1))
    assert old is not None and new is not None and old.as_of == "2023" and new.as_of == "2024"


def test_a_document_s_issuer_is_the_body_whose_website_published_it(kb: KnowledgeBase) -> None:
    white_house = kb.issuer("https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/03/14/x/")
    assert white_house is not None and white_house.code == "USAGOV"
    eu = kb.issuer("https://www.eeas.europa.eu/eeas/statement")  # a subdomain belongs to its parent
    assert eu is not None and eu.id == "org.eu"
    assert kb.issuer("https://www.archives.gov/research") is None and kb.issuer(None) is None


def test_one_letter_slips_and_what_is_no_slip() -> None:
    from watchfloor.kb.base import one_edit_apart

    assert one_edit_apart("ethopia", "ethiopia") and one_edit_apart("quatar", "qatar") and one_edit_apart("cihna", "china")
    assert not one_edit_apart("austria", "australia") and not one_edit_apart("niger", "niger")


def test_the_white_house_s_national_security_advisers_by_date(kb: KnowledgeBase) -> None:
    sullivan = kb.holder("USA.national_security_adviser", date(2021, 10, 6))
    bolton = kb.holder("USA.national_security_adviser", date(2019, 1, 1))
    assert sullivan is not None and sullivan.name == "Jake Sullivan"
    assert bolton is not None and bolton.name == "John Bolton"


def test_on_a_handover_day_the_incoming_holder_answers(kb: KnowledgeBase) -> None:
    kishida = kb.holder("JPN.head_of_government", date(2021, 10, 4))  # Suga's last day, Kishida's first
    assert kishida is not None and kishida.name == "Fumio Kishida"


def test_congolese_is_the_democratic_republic_of_the_congo() -> None:
    """The DRC is the country news means by 'Congolese'; 'Congo' alone stays the Republic of the Congo."""
    from watchfloor.kb import load_kb

    kb = load_kb()
    demonym = kb.demonym("Congolese")
    assert demonym is not None and demonym.country == "COD"
    assert [entity.country for entity in kb.lookup("Congo") if entity.kind == "country"] == ["COG"]
