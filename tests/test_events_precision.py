"""Words that look like acts in official and economic prose but report none, and who does an act done on order."""

from __future__ import annotations

import pytest

from tests.helpers import codes, countries, find_events, one_event
from watchfloor.pipeline import Pipeline
from watchfloor.records import DateSpan, Result
from watchfloor.sources import make_document


def _analyze(pipeline: Pipeline, text: str) -> Result:
    return next(iter(pipeline.pipe([make_document(text, "precision", {"published": "2025-06-10"}, None)])))


@pytest.mark.parametrize(
    ("text", "not_event"),
    [
        ("The pilot programme in Japan demonstrated the value of early warning systems.", "PROTEST"),
        ("Canada demonstrated that its respect for press freedom starts within its own borders.", "PROTEST"),
        ("The Japanese foreign minister rallied more than 40 nations behind the plan.", "PROTEST"),
        ("Japan and India pledged to fight corruption and inflation together.", "ASSAULT"),
        ("Electricity demand from Japanese companies rose sharply in May.", "REQUEST"),
        ("The United States is mobilizing private companies to drive investment in clean energy.", "MOBILIZE"),
        ("India will speed up the deployment of clean energy and chargers across the country.", "MOBILIZE"),
        ("Canada and the European Union want to meet their climate targets for 2030.", "CONSULT"),
        ("US forces in Somalia are responsible for executing counterterrorism operations.", "ASSAULT"),
        ("Japan's foreign minister provided opening remarks at the conference.", "AID"),
        ("Unused Japanese visa numbers shall be allocated to other regions as needed.", "AID"),
        ("Japan hosts the largest number of US forces overseas.", "CONSULT"),
        ("The US president decided to block the release of the audio of his interview.", "RETREAT"),
        ("Our actions toward China, pardon me, are focused on strategic sectors.", "CONCEDE"),
        ("Beating cancer is something Japanese and American researchers can do together.", "ASSAULT"),
        ("As a demonstration of their mutual trust, Australia and Japan set up a joint council.", "PROTEST"),
        ("The Administration has approved various Medicaid demonstrations in Illinois.", "PROTEST"),
        ("The White House is mobilizing the Japanese and American science councils.", "MOBILIZE"),
        ("Japan will deploy training and employment services for Afghan families.", "MOBILIZE"),
    ],
)
def test_acts_in_name_only_are_not_coded(pipeline: Pipeline, text: str, not_event: str) -> None:
    result = _analyze(pipeline, text)
    assert not find_events(result, not_event), [(e.event, e.trigger) for e in result.events]


def test_the_same_verbs_still_code_the_acts(pipeline: Pipeline) -> None:
    students = _analyze(pipeline, "Thousands of students demonstrated in Seoul against the new law.")
    protest = one_event(students, "PROTEST", "Seoul")
    assert countries(protest.actor) == {"KOR"}
    rally = _analyze(pipeline, "Opposition supporters rallied in Dhaka on Sunday.")
    assert find_events(rally, "PROTEST")
    aid = one_event(_analyze(pipeline, "Japan allocated 5 million dollars in emergency aid to Turkey."), "AID", "emergency aid")
    assert countries(aid.actor) == {"JPN"} and countries(aid.recipient) == {"TUR"}


def test_a_nomination_names_how_the_post_fell_vacant_not_a_resignation(pipeline: Pipeline) -> None:
    text = "Jane Roe, of Vermont, to be an Assistant Secretary of Commerce, vice John Doe, resigned."
    assert _analyze(pipeline, text).events == []
    resigned = _analyze(pipeline, "Japan's defence minister, Gen Nakatani, resigned on Friday.")
    assert find_events(resigned, "RETREAT")


def test_a_coercive_act_done_on_order_is_the_act_of_who_ordered_it(pipeline: Pipeline) -> None:
    text = "Tanzania's government ordered the Swahili newspaper Mwananchi to suspend publication for a month."
    censored = one_event(_analyze(pipeline, text), "COERCE", "Mwananchi")
    assert countries(censored.actor) == {"TZA"} and "MED" in {actor.sector for actor in censored.recipient}
    assert any("ordered by the subject of 'ordered'" in how for how in censored.explanation["roles"])
    expelled = one_event(_analyze(pipeline, "Iran ordered two German diplomats to leave the country."), "SANCTION", "diplomats")
    assert countries(expelled.actor) == {"IRN"} and codes(expelled.recipient) == {"DEUGOV"}


def test_a_pronoun_behind_an_empty_it_is_the_speaker_above(pipeline: Pipeline) -> None:
    text = "The Spanish government has made it plain it will never negotiate with ETA."
    refused = one_event(_analyze(pipeline, text), "REJECT", "ETA")
    assert codes(refused.actor) == {"ESPGOV"}


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Syrian government troops have recaptured the airbase near Palmyra.", "ASSAULT", "SYR", None),
        ("Australia lifted its curbs on travel to and from New Zealand.", "CONCEDE", "AUS", "NZL"),
        ("French troops have started pulling out of Mali.", "RETREAT", "FRA", "MLI"),
        ("Kuwait announced the suspension of commercial flights from India.", "SANCTION", "KWT", None),
        ("Cuba's government said that releasing the prisoners was out of question.", "REJECT", "CUB", None),
        # an act the speakers rule out is their refusal; the author of a statement says what it says
        ("British ministers said that easing the arms embargo on Sudan was out of the question.", "REJECT", "GBR", "SDN"),
        ("Japan's foreign ministry issued a statement calling on China to release the man.", "REQUEST", "JPN", "CHN"),
    ],
)
def test_captures_curbs_links_refusals_and_statements_with_their_parties(
    pipeline: Pipeline, text: str, event: str, actor: str, recipient: str | None
) -> None:
    found = [e for e in _analyze(pipeline, text).events if e.event == event]
    assert found and actor in countries(found[0].actor), [(e.event, e.trigger) for e in _analyze(pipeline, text).events]
    assert recipient is None or recipient in countries(found[0].recipient)


def test_forces_made_ready_to_attack_are_a_show_of_force_not_the_attack(pipeline: Pipeline) -> None:
    for text in (
        "Russian troops are preparing to attack Kyiv.",
        "Azerbaijani artillery units prepared to resume bombarding Armenian positions.",
    ):
        events = _analyze(pipeline, text).events
        assert [e.event for e in events] == ["MOBILIZE"], text
        assert events[0].aux is None and events[0].mode == "troops"
    assert [e.event for e in _analyze(pipeline, "Iran vowed to attack Israel.").events] == ["THREATEN"]


def test_someone_put_under_investigation_is_investigated(pipeline: Pipeline) -> None:
    text = "A Dutch tourist was put under investigation in Greece over a fire at a hotel."
    investigated = one_event(_analyze(pipeline, text), "ACCUSE", "investigation")
    assert investigated.mode == "investigate" and countries(investigated.recipient) == {"NLD"}


def test_headline_verbs_killings_and_bombings_with_no_party_named(pipeline: Pipeline) -> None:
    storm = one_event(_analyze(pipeline, "Militants storm army base in northern Mali."), "ASSAULT", "storm")
    assert codes(storm.recipient) == {"MLIMIL"}
    text = "The killing of two Italian soldiers by Taliban fighters shocked Rome."
    killing = one_event(_analyze(pipeline, text), "ASSAULT", "killing")
    assert countries(killing.actor) == {"AFG"} and countries(killing.recipient) == {"ITA"}
    bomb = one_event(_analyze(pipeline, "A bomb exploded at a bus station in Jerusalem."), "ASSAULT", "bomb")
    assert not bomb.actor and countries(bomb.recipient) == {"ISR"}
    metaphor = "In Idaho and California, firefighters battled raging wildfires."
    assert not find_events(_analyze(pipeline, metaphor), "ASSAULT")


def test_a_gerund_subject_names_the_act_like_a_noun(pipeline: Pipeline) -> None:
    fighting = one_event(_analyze(pipeline, "Fighting between the army and rebels erupted in Khartoum."), "ASSAULT", "Fighting")
    assert codes(fighting.actor) == {"SDNMIL", "SDNREB"}


def test_officials_from_a_body_are_the_body(pipeline: Pipeline) -> None:
    text = "Foreign ministers from the Group of Seven met in Tokyo to discuss the war in Ukraine."
    assert codes(one_event(_analyze(pipeline, text), "CONSULT", "Seven").actor) == {"IGOG07"}
    text = "Officials from the European Union met Iranian negotiators in Vienna."
    met = one_event(_analyze(pipeline, text), "CONSULT", "Vienna")
    assert codes(met.actor) == {"IGOEUR"} and countries(met.recipient) == {"IRN"}


def test_forces_sent_to_protect_another_country_are_military_aid(pipeline: Pipeline) -> None:
    sent = one_event(_analyze(pipeline, "Rwanda sent troops to protect civilians in Mozambique."), "AID", "Rwanda")
    assert countries(sent.actor) == {"RWA"} and countries(sent.recipient) == {"MOZ"}
    own = _analyze(pipeline, "Poland deployed troops to defend its border with Belarus.")
    assert find_events(own, "MOBILIZE") and not find_events(own, "AID")


def test_a_participle_before_the_object_describes_it(pipeline: Pipeline) -> None:
    returned = _analyze(pipeline, "Britain returned looted bronzes to Nigeria.")
    assert [e.event for e in returned.events] == ["RETREAT"]
    assert countries(returned.events[0].actor) == {"GBR"} and countries(returned.events[0].recipient) == {"NGA"}


def test_the_act_a_refusal_waits_for_has_not_happened(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Washington will not lift its sanctions until Iran signs the accord.")
    signs = one_event(result, "SUPPORT", "accord")
    assert signs.aux == "hypothetical"
    done = one_event(_analyze(pipeline, "The fighting continued until the rebels withdrew from the town."), "RETREAT", "withdrew")
    assert done.aux is None


@pytest.mark.parametrize(
    ("text", "event", "actors"),
    [
        ("A Red Cross plane flew insulin and other medicine into Khartoum.", "AID", None),
        ("USAID deployed a rescue team of 80 firefighters to Turkey after the earthquake.", "AID", {"USA"}),
        ("Niger has banned two French broadcasters.", "COERCE", {"NER"}),
        ("The navies of Chile and Peru staged joint manoeuvres in March.", "COOPERATE", {"CHL", "PER"}),
    ],
)
def test_relief_flown_in_newspapers_banned_and_two_armies_drilling(
    pipeline: Pipeline, text: str, event: str, actors: set[str] | None
) -> None:
    events = _analyze(pipeline, text).events
    assert [e.event for e in events] == [event], [(e.event, e.trigger) for e in events]
    assert actors is None or countries(events[0].actor) == actors


def test_a_measure_being_lifted_is_not_imposed(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "The EU agreed to lift the punitive duties it had slapped on Australian wine.")
    assert not find_events(result, "THREATEN") and not find_events(result, "SANCTION")


def test_the_place_right_after_a_noun_trigger_is_its_place(pipeline: Pipeline) -> None:
    text = (
        "She represented men imprisoned at Guantanamo Bay and led the first investigations into the impact of drone "
        "strikes in Pakistan, which expanded the debate."
    )
    strikes = one_event(_analyze(pipeline, text), "ASSAULT", "drone")
    assert strikes.place is not None and strikes.place.country == "PAK" and countries(strikes.recipient) == {"PAK"}


def test_threats_of_bombing_and_pounded_tables_are_no_attacks(pipeline: Pipeline) -> None:
    for text in (
        "We are aware of reports of a bombing threat in Springfield, Ohio, at city hall.",
        "People in Washington were pounding the table for a ceasefire in Gaza.",
    ):
        assert not find_events(_analyze(pipeline, text), "ASSAULT"), text


def test_whose_killing_or_arrest_names_who_underwent_it(pipeline: Pipeline) -> None:
    text = "Israel's killing of the Hezbollah leader angered Lebanon."
    killing = one_event(_analyze(pipeline, text), "ASSAULT", "Hezbollah")
    assert countries(killing.actor) == {"ISR"} and countries(killing.recipient) == {"LBN"}
    text = "The French journalist was held in Tehran; her arrest was condemned by Paris."
    arrest = [e for e in _analyze(pipeline, text).events if e.trigger == "arrest"]
    assert not arrest or not countries(arrest[0].actor) & {"FRA"}


def test_joint_exercises_near_a_third_country_and_approved_arms_sales(pipeline: Pipeline) -> None:
    text = "Turkish and Azerbaijani troops held joint military exercises near the Armenian border."
    drills = _analyze(pipeline, text).events
    assert {e.event for e in drills} == {"COOPERATE"} and all(not e.recipient for e in drills)
    sale = one_event(_analyze(pipeline, "Washington approved the sale of F-16 fighter jets to Turkey."), "AID", "F-16")
    assert countries(sale.actor) == {"USA"} and countries(sale.recipient) == {"TUR"}


def test_a_deadline_of_the_verb_does_not_date_an_act_named_inside_its_object(pipeline: Pipeline) -> None:
    text = (
        "The Librarian shall issue a timetable, no later than March 31, to release documents relating to the assassination "
        "of Japan's former prime minister."
    )
    assassination = [e for e in _analyze(pipeline, text).events if e.trigger == "assassination"]
    assert assassination and assassination[0].event == "ASSAULT" and "March" not in assassination[0].date.text


def test_drills_by_two_countries_in_a_third_stay_cooperation(pipeline: Pipeline) -> None:
    drills = one_event(_analyze(pipeline, "US and Japanese warships conducted drills in the Philippines."), "COOPERATE", "drills")
    assert countries(drills.actor) == {"USA", "JPN"}


def test_what_someone_can_do_is_no_act_done(pipeline: Pipeline) -> None:
    text = "Canada and the European Union say deepfake tools can threaten their democratic institutions."
    assert all(event.aux == "hypothetical" for event in _analyze(pipeline, text).events)
    refused = _analyze(pipeline, "Iran said it cannot accept the proposal of the European Union.")
    assert all(event.aux != "hypothetical" for event in refused.events)


def test_an_act_joined_to_or_permitted_by_a_refused_one_did_not_happen(pipeline: Pipeline) -> None:
    from watchfloor.events.auxiliary import auxiliary

    doc = pipeline.nlp("The Houthi leadership refused to let UN cargo planes refuel and unload medicine at Sanaa airport.")
    unload = next(token for token in doc if token.lower_ == "unload")
    assert auxiliary(unload, doc[:], DateSpan(start=None, end=None, text="", precision="unknown"), None) == "negated"
    attacked = pipeline.nlp("Russia refused to withdraw and attacked the town.")
    assert auxiliary(attacked[5], attacked[:], DateSpan(start=None, end=None, text="", precision="unknown"), None) is None


def test_a_list_of_weapons_fired_against_a_target_is_an_attack(pipeline: Pipeline) -> None:
    text = "Turkish forces launched drone, howitzer, and tank fire against Kurdish militia posts along the frontier."
    result = _analyze(pipeline, text)
    main = max(result.events, key=lambda event: event.confidence)
    assert main.event == "ASSAULT", [(e.event, e.trigger) for e in result.events]


def test_emergency_measures_eased_are_a_concession_and_an_organisations_wing_acts_uncoded(pipeline: Pipeline) -> None:
    eased = _analyze(pipeline, "Peru relaxed its emergency rules in the southern provinces on Friday.")
    assert [e.event for e in eased.events] == ["CONCEDE"], [(e.event, e.trigger) for e in eased.events]
    refused = _analyze(pipeline, "The FARC political wing refused to attend the talks.")
    assert [e.event for e in refused.events] == ["REJECT"], [(e.event, e.trigger) for e in refused.events]


def test_readiness_reaches_an_act_done_to_help(pipeline: Pipeline) -> None:
    text = "Canada is willing to send equipment to help defend Latvia, the Canadian minister said."
    result = _analyze(pipeline, text)
    main = max(result.events, key=lambda event: event.confidence)
    assert main.event == "AGREE", [(e.event, e.trigger, e.aux) for e in result.events]
    assert (codes(main.actor), codes(main.recipient)) == ({"CAN"}, {"LVA"})  # the subject four clauses up


def test_a_days_meeting_mentioned_again_is_the_meeting_told_before(pipeline: Pipeline) -> None:
    text = "President Ruto met President Museveni in Nairobi on Monday. Monday's meeting with Museveni covered trade."
    result = _analyze(pipeline, text)
    assert [(e.event, codes(e.actor)) for e in result.events] == [("CONSULT", {"KENGOV"})]


def test_a_date_in_a_clause_below_with_its_own_subject_does_not_date_the_act(pipeline: Pipeline) -> None:
    text = "Egypt welcomed efforts to ensure that Sudan holds elections on December 20."
    result = next(iter(pipeline.pipe([make_document(text, "precision", {"published": "2025-10-29"}, None)])))
    welcomed = [e for e in result.events if e.trigger == "welcomed"]
    assert welcomed and welcomed[0].date.start == "2025-10-29", [(e.trigger, e.date) for e in result.events]


def test_never_hung_on_the_adverb_beside_the_verb_still_negates(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Kenya says it never again sends troops to Somalia without a mandate.")
    sent = [e for e in result.events if e.trigger == "sends"]
    assert sent and sent[0].aux == "negated", [(e.event, e.aux) for e in result.events]
