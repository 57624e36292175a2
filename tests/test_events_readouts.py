"""Readouts of meetings and calls as governments publish them: who 'the leaders' and 'they' are, support stated with
weight, promises to cooperate, strikes told as nouns, and dates that stay in their paragraph."""

from __future__ import annotations

import pytest

from tests.helpers import codes, countries, find_events, one_event
from watchfloor import analyze
from watchfloor.pipeline import Pipeline
from watchfloor.records import Result

CALL = "Prime Minister Keir Starmer spoke by phone with President Emmanuel Macron of France. "


def _analyze(pipeline: Pipeline, text: str) -> Result:
    return analyze(text, "2025-06-10", pipeline=pipeline)


def test_they_agreeing_after_a_call_are_both_sides_of_it(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, CALL + "They agreed to keep talking over the coming weeks.")
    agree = one_event(result, "AGREE", "agreed")
    assert countries(agree.actor) == {"GBR", "FRA"}, agree.explanation


def test_the_leaders_are_those_who_met_not_the_people_named_since(pipeline: Pipeline) -> None:
    text = (
        CALL + "Prime Minister Starmer thanked President Macron for all France has done for the people of Lebanon. "
        "The leaders also pledged to hold a summit on migration next spring."
    )
    pledge = one_event(_analyze(pipeline, text), "AGREE", "pledged")
    assert countries(pledge.actor) == {"GBR", "FRA"}, pledge.explanation


def test_a_plural_title_with_more_said_of_it_is_not_the_pair(pipeline: Pipeline) -> None:
    text = CALL + "The leaders of three Baltic states pledged to hold a summit on migration next spring."
    pledges = find_events(_analyze(pipeline, text), "AGREE")
    assert all(countries(event.actor) != {"GBR", "FRA"} for event in pledges)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Chile emphasized its full support for Bolivia.", "CHL", "BOL"),
        ("Norway underscored its support for a Sudanese-led peace process.", "NOR", "SDN"),
        ("Ghana reaffirmed the support of the African Union for Togo.", "GHA", "TGO"),
        ("The minister reaffirmed the support of Portugal for the stability of Angola.", "PRT", "AGO"),
        ("Canada expressed its solidarity with the people of Moldova.", "CAN", "MDA"),
    ],
)
def test_support_stated_with_weight_names_who_backs_whom(pipeline: Pipeline, text: str, actor: str, recipient: str) -> None:
    support = find_events(_analyze(pipeline, text), "SUPPORT")
    assert support and countries(support[0].actor) == {actor}, [(codes(e.actor), codes(e.recipient)) for e in support]
    assert countries(support[0].recipient) == {recipient}, support[0].explanation


def test_the_people_of_a_country_are_its_civilians(pipeline: Pipeline) -> None:
    protest = one_event(_analyze(pipeline, "The people of Moldova protested in the streets."), "PROTEST", "protested")
    assert codes(protest.actor) == {"MDACVL"}
    assert not _analyze(pipeline, "The people protested in the streets.").events


def test_committing_to_cooperate_is_a_promise(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Peru and Chile committed to deepen cooperation on fisheries.")
    assert [event.event for event in result.events] == ["AGREE"], [(e.event, e.trigger) for e in result.events]
    abuses = _analyze(pipeline, "Chile said the militia had committed abuses against civilians.")
    assert not find_events(abuses, "AGREE")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("France conducted strikes against militants in northern Mali on Sunday.", "FRA", "MLI"),
        ("The strikes carried out by Turkey hit Kurdish fighters in northern Iraq.", "TUR", None),
        ("Jordan launched strikes against drug smugglers near the Syrian border.", "JOR", None),
    ],
)
def test_strikes_conducted_or_aimed_against_someone_are_attacks(
    pipeline: Pipeline, text: str, actor: str, recipient: str | None
) -> None:
    attack = find_events(_analyze(pipeline, text), "ASSAULT")
    assert attack and actor in countries(attack[0].actor), [(e.event, codes(e.actor)) for e in _analyze(pipeline, text).events]
    assert recipient is None or recipient in countries(attack[0].recipient)


def test_a_strike_against_a_law_is_a_protest(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Dock workers in Chile held strikes against the new pension law.")
    assert find_events(result, "PROTEST") and not find_events(result, "ASSAULT")


def test_a_task_given_is_no_charge(pipeline: Pipeline) -> None:
    text = "Presidents Boric and Petro charged their teams with drafting a trade agreement."
    assert not find_events(_analyze(pipeline, text), "ACCUSE")


def test_a_date_does_not_carry_into_the_next_paragraph(pipeline: Pipeline) -> None:
    text = (
        "Peru and Chile met in Lima on Sunday. The pact between them was signed in 1929.\n\n"
        "Peru said it would expel two Chilean diplomats."
    )
    expulsion = find_events(_analyze(pipeline, text), actor_country="PER")
    assert expulsion and all((event.date.start or "").startswith("2025") for event in expulsion), [
        (e.event, e.date.text) for e in expulsion
    ]


def test_leaders_listed_with_their_countries_meet_together(pipeline: Pipeline) -> None:
    text = (
        "President Gabriel Boric of Chile, President Luis Arce of Bolivia, and President Gustavo Petro of Colombia "
        "met today in Quito. The leaders condemned the attack on an Ecuadorian border post."
    )
    result = _analyze(pipeline, text)
    meeting = one_event(result, "CONSULT", "met today")
    assert countries(meeting.actor) == {"CHL", "BOL", "COL"} and meeting.mode == "multilateral", meeting.explanation
    condemned = one_event(result, "ACCUSE", "condemned")
    assert countries(condemned.actor) == {"CHL", "BOL", "COL"}, condemned.explanation


def test_they_meeting_someone_are_one_side_not_the_pair(pipeline: Pipeline) -> None:
    text = CALL + "In Lille, they met with President Andrzej Duda of Poland."
    met = one_event(_analyze(pipeline, text), "CONSULT", "Lille")
    assert countries(met.actor) != {"GBR", "FRA"}, met.explanation


def test_a_place_discussed_is_not_where_the_talk_took_place(pipeline: Pipeline) -> None:
    text = "Chile's president spoke with Peru's president to discuss the situation in Bolivia."
    talk = one_event(_analyze(pipeline, text), "CONSULT", "spoke")
    assert talk.place is None or talk.place.country != "BOL"


def test_a_body_named_as_another_countrys_is_not_the_one_the_kb_knows(pipeline: Pipeline) -> None:
    text = "Poland's National Security Bureau warned of Russian sabotage."
    actors = {code for event in _analyze(pipeline, text).events for code in codes(event.actor)}
    assert "TWNSPY" not in actors and "POL" in {code[:3] for code in actors}, actors


@pytest.mark.parametrize(
    "text",
    [
        "Ghana repeated its condemnation of Togo.",  # what a condemnation is of is its target, not its author
        "The ministers reiterated their condemnation of Togo's raid on the border town.",
        "Ghana voiced its criticism of Togo's decision.",
        "Ghana condemned the holding of hostages by the rebels of Togo.",  # a condemned act: whoever did it
        "Ghana condemned the detention of Ghanaian fishermen by Togo.",
        "Ghana denounced the shelling of villages carried out by Togolese troops.",
    ],
)
def test_a_condemnation_is_aimed_at_whoever_did_what_it_condemns(pipeline: Pipeline, text: str) -> None:
    accuse = find_events(_analyze(pipeline, text), "ACCUSE")
    assert accuse and countries(accuse[0].recipient) == {"TGO"}, [(codes(e.actor), codes(e.recipient)) for e in accuse]
    assert "TGO" not in countries(accuse[0].actor)


def test_a_date_in_a_clause_describing_a_noun_does_not_carry_to_the_next_sentence(pipeline: Pipeline) -> None:
    text = (
        "Ghana's president met Togo's president in Lomé. Ghana thanked Togo for freeing a fisherman whose boat was "
        "seized on March 3. "
        "The two leaders agreed to set up a joint patrol."
    )
    agree = one_event(_analyze(pipeline, text), "AGREE", "agreed")
    assert agree.date.text != "March 3", agree.date


def test_a_date_of_the_news_carries_into_a_one_sentence_paragraph_after_it(pipeline: Pipeline) -> None:
    text = "Peru expelled two Chilean diplomats on Monday.\n\nChile recalled its ambassador from Lima in response."
    recall = find_events(_analyze(pipeline, text), actor_country="CHL")
    assert recall and recall[0].date.text == "Monday", [(e.event, e.date.text) for e in recall]


THREE = {"GHA", "TGO", "BEN"}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The National Security Advisers of Ghana, Togo and Benin met in Accra on Monday.", "met", THREE),
        ("We – the Leaders of Ghana, Togo and Benin – convened in Accra to renew our pledge.", "convened", THREE),
        ("We, the President of Ghana, Prime Minister of Togo, and President of Benin, met in Accra today.", "met", THREE),
        ("We the Ministers of Ghana, Togo, Benin, Niger and Mali met in Accra to discuss piracy.", "met", {*THREE, "NER", "MLI"}),
    ],
)
def test_a_we_titles_or_countries_listed_the_parser_splits_meet_together(
    pipeline: Pipeline, text: str, trigger: str, expected: set[str]
) -> None:
    meeting = one_event(_analyze(pipeline, text), "CONSULT", trigger)
    assert countries(meeting.actor) == expected and meeting.mode == "multilateral", meeting.explanation


def test_a_condemned_war_is_held_against_its_owner_and_a_homeland_defended_is_no_support(pipeline: Pipeline) -> None:
    war = find_events(_analyze(pipeline, "Ghana condemned Togo's continued war against Benin."), "ACCUSE")
    assert war and countries(war[0].recipient) == {"TGO"}, [(codes(e.actor), codes(e.recipient)) for e in war]
    homeland = _analyze(pipeline, "Beninese soldiers are fighting to defend their homeland.")
    assert not find_events(homeland, "SUPPORT")


def test_the_one_met_with_stays_the_recipient_when_the_parser_reads_with_as_a_mark(pipeline: Pipeline) -> None:
    text = (
        "National Security Adviser Tom Reyes met today with Foreign Minister Carlos Ruiz of Paraguay to stress the need "
        "for a transparent count."
    )
    meeting = one_event(_analyze(pipeline, text), "CONSULT", "met today")
    assert countries(meeting.recipient) == {"PRY"}, meeting.explanation


def test_who_fired_a_weapon_is_not_also_its_target(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "A rocket fired by a Malian militant misfired and landed on a Malian clinic.")
    fired = [event for event in result.events if event.trigger == "fired"]
    assert fired and not set(codes(fired[0].actor)) & set(codes(fired[0].recipient)), fired[0].explanation


def test_values_a_country_names_are_no_party(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Chile reaffirmed its commitment to deeply Peruvian values of openness.")
    assert all("PER" not in countries(event.recipient) for event in result.events)


@pytest.mark.parametrize(
    "text",
    [
        "Chile's president spoke by phone with Peru's president.",
        "Chile's foreign minister spoke by telephone with her Peruvian counterpart.",
        "The Chilean and Peruvian foreign ministers held a videoconference on Friday.",
    ],
)
def test_talks_by_phone_or_video_are_remote_consultations(pipeline: Pipeline, text: str) -> None:
    talk = find_events(_analyze(pipeline, text), "CONSULT")
    assert talk and talk[0].mode == "phone", [(e.event, e.mode) for e in talk]


def test_the_us_vice_president_is_the_us_government(pipeline: Pipeline) -> None:
    text = "Vice President Kamala Harris met Prime Minister Luc Frieden of Luxembourg in Paris."
    meeting = one_event(analyze(text, "2023-11-10", pipeline=pipeline), "CONSULT", "met")
    assert codes(meeting.actor) == {"USAGOV"}, meeting.explanation


@pytest.mark.parametrize(
    "text",
    [
        "The sale will help the airline meet growing demands for air travel in Chile.",
        "Chile's president spoke by phone with allies to underscore continued support for Bolivia.",
    ],
)
def test_market_demand_met_and_a_calls_purpose_are_no_party(pipeline: Pipeline, text: str) -> None:
    result = _analyze(pipeline, text)
    assert not find_events(result, "CONCEDE") and not find_events(result, "REQUEST")
    assert all("BOL" not in countries(event.recipient) for event in find_events(result, "CONSULT"))
