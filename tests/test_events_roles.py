"""Roles read off clause structures news prose is full of: relative clauses, participles describing a noun, two
subjects side by side, an act named in a passive's agent phrase, 'called for X to ...', acts with no named party."""

from __future__ import annotations

import pytest

from tests.helpers import codes, countries, find_events, one_event
from watchfloor import analyze
from watchfloor.pipeline import Pipeline
from watchfloor.records import Result


def _analyze(pipeline: Pipeline, text: str) -> Result:
    return analyze(text, "2025-06-10", pipeline=pipeline)


def test_a_relative_pronoun_stands_for_the_noun_its_clause_describes(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Chinese troops who attacked Indian soldiers were withdrawn on Monday.")
    attack = find_events(result, "ASSAULT") or find_events(result, "RETREAT")
    assert attack and codes(attack[0].actor) == {"CHNMIL"}, [(e.event, codes(e.actor)) for e in result.events]
    text = "A Ghanaian senator who was accused of embezzling public funds stepped down."
    accused = one_event(_analyze(pipeline, text), "ACCUSE", "accused")
    assert countries(accused.recipient) == {"GHA"}


def test_a_participle_describing_a_noun_tells_what_the_noun_underwent(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Three Zambian officials accused of rigging tenders were jailed on Friday.")
    accused = one_event(result, "ACCUSE", "accused")
    assert countries(accused.recipient) == {"ZMB"}


def test_a_description_by_participle_does_not_stand_for_the_sentence(pipeline: Pipeline) -> None:
    text = "Malian army units backed by French helicopters kept up their attacks on the insurgents near Gao on Tuesday."
    result = _analyze(pipeline, text)
    main = max(result.events, key=lambda event: event.confidence)
    assert main.event == "ASSAULT", [(e.event, e.trigger, e.confidence) for e in result.events]


def test_of_two_subjects_side_by_side_the_one_naming_actors_is_taken(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "NATO allies Portugal and Spain jointly staged naval drills on Tuesday.")
    drill = find_events(result, "COOPERATE")
    assert drill and countries(drill[0].actor) == {"PRT", "ESP"}, [(e.event, codes(e.actor)) for e in result.events]


@pytest.mark.parametrize(
    ("text", "event", "recipient"),
    [
        ("Finland's state-owned postal company has been crippled by a cyberattack.", "COERCE", "FINBUS"),
        ("A senior Iraqi army commander was killed in a drone strike on Saturday.", "ASSAULT", "IRQMIL"),
    ],
)
def test_an_act_named_in_a_passive_phrase_befalls_the_passive_subject(
    pipeline: Pipeline, text: str, event: str, recipient: str
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found and recipient in codes(found[0].recipient), [(e.event, codes(e.recipient)) for e in found]


def test_called_for_someone_to_act_addresses_them(pipeline: Pipeline) -> None:
    request = one_event(_analyze(pipeline, "The UN called for Israel to halt strikes in Gaza."), "REQUEST", "called")
    assert countries(request.recipient) == {"ISR"}


def test_a_government_named_by_protesters_is_their_own(pipeline: Pipeline) -> None:
    text = "Opposition leaders in Kenya called for the government to resign."
    request = one_event(_analyze(pipeline, text), "REQUEST", "called")
    assert codes(request.actor) == {"KENOPP"} and codes(request.recipient) == {"KENGOV"}


@pytest.mark.parametrize(
    "text",
    [
        "Four independent charities have been banned from working in Belarus.",
        "A girls' school was stormed in Zamfara state overnight.",
        "A huge cyberattack knocked out the computers of the biggest oil refinery in Romania on Monday.",
    ],
)
def test_a_violent_or_coercive_act_with_no_named_party_befalls_the_country_where_it_happened(
    pipeline: Pipeline, text: str
) -> None:
    result = _analyze(pipeline, text)
    assert result.events and result.events[0].recipient, [(e.event, codes(e.recipient)) for e in result.events]


def test_a_verbal_act_with_no_named_party_is_still_not_coded(pipeline: Pipeline) -> None:
    assert not _analyze(pipeline, "Talks were held in Geneva on Monday.").events
    assert not _analyze(pipeline, "He expressed condolences over the attack in Kabul.").events


def test_a_survey_released_is_no_release_of_captives(pipeline: Pipeline) -> None:
    text = "A survey released on Tuesday put the senator's approval rating at 38 percent in Georgia."
    assert not find_events(_analyze(pipeline, text), "RETREAT")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The government outlawed the country's largest trade union federation.", "COERCE"),
        ("The army imposed a curfew on the town after the riots.", "COERCE"),
    ],
)
def test_a_state_organ_whose_state_no_text_names_still_acts(pipeline: Pipeline, text: str, event: str) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found and all(actor.code.startswith("---") for actor in found[0].actor), [(e.event, codes(e.actor)) for e in found]


def test_several_governments_are_no_one_states_organ(pipeline: Pipeline) -> None:
    text = "Yet with governments committed to realizing a lasting partnership, the alliance has a historic opportunity."
    assert not _analyze(pipeline, text).events


def test_a_place_in_the_subject_says_who_acted_not_what_was_hit(pipeline: Pipeline) -> None:
    text = "Libyan government aircraft supported by Turkey pounded the militia-held suburb of southern Tripoli on Sunday."
    attack = one_event(_analyze(pipeline, text), "ASSAULT", "pounded")
    assert "TUR" not in countries(attack.recipient), codes(attack.recipient)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("China warned its neighbour Vietnam on Monday.", "VNM"),
        ("Narendra Modi met longtime rival Pakistan's Prime Minister Nawaz Sharif on Thursday.", "PAK"),
    ],
)
def test_the_one_named_beside_a_relation_noun_is_the_party(pipeline: Pipeline, text: str, recipient: str) -> None:
    result = _analyze(pipeline, text)
    found = [(e.event, codes(e.recipient)) for e in result.events]
    assert result.events and recipient in countries(result.events[0].recipient), found


def test_fighting_alongside_is_no_attack(pipeline: Pipeline) -> None:
    text = "Korean troops fought shoulder-to-shoulder with Americans in the war."
    assert not find_events(_analyze(pipeline, text), "ASSAULT")


def test_the_one_received_to_talk_is_the_other_side(pipeline: Pipeline) -> None:
    text = "Kuwait's crown prince received the Omani ambassador to discuss trade between the two countries."
    talk = one_event(_analyze(pipeline, text), "CONSULT", "discuss")
    assert countries(talk.actor) == {"KWT"} and countries(talk.recipient) == {"OMN"}
    encouraged = "We encourage Serbia and Kosovo to utilize existing dialogue channels to discuss their remaining differences."
    assert not find_events(_analyze(pipeline, encouraged), "CONSULT")


def test_allies_of_an_alliance_act_as_the_alliance_and_a_countrys_allies_are_no_one(pipeline: Pipeline) -> None:
    agreed = _analyze(pipeline, "NATO allies agreed on Tuesday to prolong their training mission in Iraq.")
    assert agreed.events and codes(agreed.events[0].actor) == {"IGONAT"}, [(e.event, codes(e.actor)) for e in agreed.events]
    assert not _analyze(pipeline, "US allies criticized the plan on Monday.").events


def test_a_town_named_before_a_group_gives_its_country(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Cleveland police arrested two protesters on Monday.")
    arrest = find_events(result, "COERCE")
    assert arrest and codes(arrest[0].actor) == {"USACOP"}, [(e.event, codes(e.actor)) for e in result.events]


@pytest.mark.parametrize(
    ("text", "event", "actor"),
    [
        ("The former president, Muhammadu Buhari, had turned down several bills passed by the Senate.", "REJECT", "NGAGOV"),
        ("Abu Obeida, the Hamas spokesman, claimed responsibility for the rocket strike on the army post.", "ASSAULT", "PSEREB"),
    ],
)
def test_a_title_and_a_name_in_apposition_name_one_person(pipeline: Pipeline, text: str, event: str, actor: str) -> None:
    found = find_events(analyze(text, pipeline=pipeline), event)
    assert found and codes(found[0].actor) == {actor}, [(e.event, codes(e.actor)) for e in found]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Sudanese rebel leaders met Kenyan officials in Nairobi.", "SDNREB"),
        ("Russian opposition leader Alexei Navalny met Lithuanian officials in Vilnius.", "RUSOPP"),
        ("Myanmar's civilian president met Thai officials in Bangkok.", "MMRGOV"),
    ],
)
def test_the_group_before_a_role_gives_the_sector_a_title_keeps_its_own(pipeline: Pipeline, text: str, actor: str) -> None:
    found = find_events(analyze(text, pipeline=pipeline), "CONSULT")
    assert found and actor in codes(found[0].actor), [(e.event, codes(e.actor)) for e in found]


def test_a_pronoun_in_a_lower_clause_stands_for_the_subject_above(pipeline: Pipeline) -> None:
    text = (
        "Former British Prime Minister Tony Blair wrapped up his tour in Berlin,"
        " where he had dinner with German Chancellor Olaf Scholz."
    )
    lunch = find_events(analyze(text, pipeline=pipeline), "CONSULT")
    assert lunch and countries(lunch[0].actor) == {"GBR"}, [(e.event, codes(e.actor)) for e in lunch]
    text = "Japanese Prime Minister Shinzo Abe met Chinese officials, who told him to stop the visits."
    request = find_events(analyze(text, pipeline=pipeline), "REQUEST")
    assert request and countries(request[0].recipient) == {"JPN"}, [(e.event, codes(e.recipient)) for e in request]


def test_a_capitalised_title_is_a_title(pipeline: Pipeline) -> None:
    text = (
        "The Federal Minister for Water Resources Tariq Lodhi allowed the opposition alliance to stage a march,"
        " as confirmed by the Pakistani Federal Secretary Water Resources."
    )
    allowed = find_events(analyze(text, pipeline=pipeline), "CONCEDE")
    assert allowed and codes(allowed[0].actor) == {"PAKGOV"}, [(e.event, codes(e.actor)) for e in allowed]


@pytest.mark.parametrize(
    ("text", "event", "actor"),
    [
        ("Tigrayan forces attacked Ethiopian troops near Mekelle.", "ASSAULT", "ETHREB"),
        ("Tibetan monks protested in Lhasa.", "PROTEST", "CHNCVL"),
        ("The Catalan government met Spanish ministers in Madrid.", "CONSULT", "ESPGOV"),
    ],
)
def test_a_people_of_a_countrys_regions_is_of_that_country_but_not_its_state(
    pipeline: Pipeline, text: str, event: str, actor: str
) -> None:
    found = find_events(analyze(text, pipeline=pipeline), event)
    assert found and actor in codes(found[0].actor), [(e.event, codes(e.actor)) for e in found]


def test_the_country_a_visit_went_to_is_its_recipient(pipeline: Pipeline) -> None:
    visit = find_events(analyze("Ethiopia's prime minister arrived in Nairobi on a two-day visit.", pipeline=pipeline), "CONSULT")
    assert visit and countries(visit[0].actor) == {"ETH"} and countries(visit[0].recipient) == {"KEN"}, [
        (e.event, codes(e.actor), codes(e.recipient)) for e in visit
    ]


def test_what_views_are_exchanged_on_is_a_topic_not_a_party(pipeline: Pipeline) -> None:
    text = "Kenya exchanged views with Ethiopia on Russian military activities near Ukraine."
    views = find_events(analyze(text, pipeline=pipeline), "CONSULT")
    assert views and countries(views[0].recipient) == {"ETH"}, [(e.event, codes(e.recipient)) for e in views]


def test_a_date_before_two_joined_acts_dates_both(pipeline: Pipeline) -> None:
    text = (
        "In 1958, President Eisenhower founded a national science week and issued the first"
        " public call for high school students to study mathematics."
    )
    call = find_events(analyze(text, "2022-10-01", pipeline=pipeline), "REQUEST")
    assert call and call[0].aux == "historical" and call[0].date.start == "1958-01-01", [(e.aux, e.date) for e in call]


def test_a_participle_followed_by_the_day_is_the_verb_of_a_verbless_parse(pipeline: Pipeline) -> None:
    text = "A pro-government Turkish daily called Friday on readers to boycott Swedish goods."
    call = find_events(analyze(text, pipeline=pipeline), "REQUEST")
    assert call and countries(call[0].actor) == {"TUR"}, [(e.event, codes(e.actor)) for e in call]


@pytest.mark.parametrize(
    ("text", "event", "recipient"),
    [
        ("The meeting condemned the repeated incursions made by the Turkish Government.", "ACCUSE", "TURGOV"),
        ("The EU condemned the attack carried out by Hamas.", "ACCUSE", "PSEREB"),
        ("Japan welcomed the aid sent by South Korea.", "SUPPORT", "KOR"),
    ],
)
def test_the_doer_a_participle_names_of_an_object_is_the_recipient(
    pipeline: Pipeline, text: str, event: str, recipient: str
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found and recipient in codes(found[0].recipient), [(e.event, codes(e.recipient)) for e in found]


@pytest.mark.parametrize(
    ("text", "event", "recipients"),
    [
        ("Qatar launched a mediation effort to avert a clash between Ethiopia and Egypt.", "CONSULT", {"ETH", "EGY"}),
        ("Several Asian states agreed to lift curbs on purchases of Argentine beef.", "CONCEDE", {"ARG"}),
        ("Canada will not lift its ban on trading with Iranian shipping firm IRISL.", "REJECT", {"IRN"}),
        ("The EU imposed an embargo on imports of Russian oil.", "SANCTION", {"RUS"}),
        ("Kenya announced a ceasefire proposal to stop the violence in Sudan.", "RETREAT", {"SDN"}),
        ("Nepal is deploying a battalion to serve with the UN peacekeepers in South Sudan.", "COOPERATE", {"SSD"}),
    ],
)
def test_a_party_named_deeper_in_the_object_or_its_purpose_is_the_recipient(
    pipeline: Pipeline, text: str, event: str, recipients: set[str]
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found and recipients <= countries(found[0].recipient), [(e.event, codes(e.recipient)) for e in found]


def test_the_countries_a_restriction_exempts_do_not_undergo_it(pipeline: Pipeline) -> None:
    text = "The President imposed a 15 percent tariff on aluminum imported from all nations except Australia and Argentina."
    found = _analyze(pipeline, text).events
    assert all(not countries(e.recipient) & {"AUS", "ARG"} for e in found), [(e.event, codes(e.recipient)) for e in found]


def test_the_host_of_a_meeting_place_is_no_party_beside_an_international_body(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "In Brussels, Mr. Sullivan met with NATO Allied National Security Advisors.")
    assert all("BEL" not in countries(e.recipient) for e in result.events), [(e.event, codes(e.recipient)) for e in result.events]


@pytest.mark.parametrize("region", ["Central American", "Latin American", "South American"])
def test_a_regions_adjective_ending_in_a_demonym_names_no_country(pipeline: Pipeline, region: str) -> None:
    result = _analyze(pipeline, f"The Honduran army rejected claims by {region} bishops that it had beaten a journalist.")
    assert all("USA" not in countries([*e.actor, *e.recipient]) for e in result.events)


def test_he_in_a_reported_clause_is_the_person_speaking_not_a_country_named_between(pipeline: Pipeline) -> None:
    text = "Chancellor Olaf Scholz said that Serbia must recognise Kosovo before he would support its EU membership."
    support = find_events(_analyze(pipeline, text), "SUPPORT")
    assert support and countries(support[0].actor) == {"DEU"}, [(e.event, codes(e.actor)) for e in support]


def test_a_speech_verb_and_its_preposition_after_a_subject_is_the_main_verb(pipeline: Pipeline) -> None:
    request = find_events(_analyze(pipeline, "A British parliamentary committee called for penalties against Iran."), "REQUEST")
    assert request and countries(request[0].actor) == {"GBR"} and countries(request[0].recipient) == {"IRN"}


def test_of_a_group_noun_and_a_name_parsed_as_two_subjects_the_name_acts(pipeline: Pipeline) -> None:
    text = "The rebel Kachin Independence Army on Friday threatened to attack outposts of the junta in Kachin State."
    threat = find_events(_analyze(pipeline, text), "THREATEN")
    assert threat and codes(threat[0].actor) == {"MMRREB"}, [(e.event, codes(e.actor)) for e in threat]


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Authorities in the former Belgian colony of Burundi lifted travel restrictions on Monday.", "CONCEDE", "BDIGOV", None),
        ("Belgian police sealed off a suburb under a military lockdown in Belgium on Tuesday.", "COERCE", "BELCOP", None),
        ("A substation in Moldova was knocked offline by a cyber attack on Tuesday.", "COERCE", None, "MDA"),
        ("A farmer died in a drone strike in Kandahar province on Thursday.", "ASSAULT", None, "AFGCVL"),
        (
            "Armenian troops and allied fighters launched a drone strike against an army depot in Azerbaijan's Tovuz district.",
            "ASSAULT",
            "ARMMIL",
            "AZE",
        ),
    ],
)
def test_parties_from_nested_places_imposed_states_passive_agents_and_deaths(
    pipeline: Pipeline, text: str, event: str, actor: str | None, recipient: str | None
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found, [(e.event, codes(e.actor), codes(e.recipient)) for e in _analyze(pipeline, text).events]
    assert actor is None or codes(found[0].actor) == {actor}, codes(found[0].actor)
    assert recipient is None or recipient in codes(found[0].recipient), codes(found[0].recipient)


@pytest.mark.parametrize(
    ("text", "event", "recipient"),
    [
        ("Former Zambian finance minister Joseph Banda is facing charges of fraud.", "ACCUSE", "ZMB"),
        ("Several Kenyan bank websites are under cyber attack.", "COERCE", "KEN"),
    ],
)
def test_what_a_subject_faces_or_is_under_befalls_it(pipeline: Pipeline, text: str, event: str, recipient: str) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found and recipient in countries(found[0].recipient) and not found[0].actor, [
        (e.event, codes(e.actor), codes(e.recipient)) for e in found
    ]


def test_the_leaders_of_a_countrys_faction_are_of_that_country_and_sector(pipeline: Pipeline) -> None:
    text = "The leaders of the three Fijian separatist factions turned down a draft peace deal."
    rejection = find_events(_analyze(pipeline, text), "REJECT")
    assert rejection and codes(rejection[0].actor) == {"FJIREB"}, [(e.event, codes(e.actor)) for e in rejection]


def test_the_need_for_someone_to_act_is_a_request_of_them(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Biden stressed the need for Hamas to cease firing rockets into Israel.")
    assert [(e.event, codes(e.actor), codes(e.recipient)) for e in result.events] == [("REQUEST", {"USAGOV"}, {"PSEREB"})]
    result = _analyze(pipeline, "The EU emphasized the importance of Russia withdrawing its troops.")
    assert [(e.event, countries(e.recipient)) for e in result.events] == [("REQUEST", {"RUS"})]


def test_a_ceasefire_a_state_declares_at_home_falls_on_its_own_country(pipeline: Pipeline) -> None:
    text = "Prime Minister Abiy Ahmed declared a unilateral truce across Ethiopia on Tuesday."
    truce = find_events(_analyze(pipeline, text), "RETREAT")
    assert truce and countries(truce[0].recipient) == {"ETH"}, [(codes(e.actor), codes(e.recipient)) for e in truce]


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        # the parser leaves 'to' without an object and makes the dissidents the subject of their own clause
        (
            "Ecuador granted asylum to four Peruvian dissidents sheltering in its embassy since last year's Bolivian coup.",
            "AID",
            {"ECU"},
            {"PER"},
        ),
        # forces no name places are the forces of the state that moves them; 'from Iraq' is the place left
        ("Britain completed the withdrawal of its remaining combat forces from Iraq on Friday.", "RETREAT", {"GBR"}, {"IRQ"}),
        ("The government of Mali received African Union monitors in Bamako.", "RETREAT", {"MLI"}, set()),
        ("Ghana's foreign minister wrote to Togo that it must reopen the border.", "REQUEST", {"GHA"}, {"TGO"}),
        ("The EU navy tightened its blockade of Libyan ports on Friday with Tunisia's help.", "COERCE", set(), {"LBY"}),
        ("Rosa Jimenez, Colombia's best-known land rights activist, began a hunger strike on Monday.", "PROTEST", {"COL"}, None),
        ("A Chechen detainee was tortured to death in Russian police custody, his family said.", "ASSAULT", set(), {"RUS"}),
    ],
)
def test_roles_through_misparses_movements_envoys_addressees_and_victims(
    pipeline: Pipeline, text: str, event: str, actors: set[str], recipients: set[str] | None
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found, [(e.event, codes(e.actor), codes(e.recipient)) for e in _analyze(pipeline, text).events]
    shown = [(e.event, codes(e.actor), codes(e.recipient)) for e in found]
    assert actors <= countries(found[0].actor), shown
    if recipients is not None:
        assert countries(found[0].recipient) - {None} == recipients, shown


def test_a_body_sending_envoys_is_the_party_and_the_place_of_a_reporter_is_not_the_events(pipeline: Pipeline) -> None:
    received = find_events(_analyze(pipeline, "Chad received monitors from the Arab League on Monday."), "RETREAT")
    assert received and any(a.code.startswith("IGO") for a in received[0].recipient), [codes(e.recipient) for e in received]
    text = "Rebels shelled the town of Goma on Sunday, aid workers in Kampala said."
    shelled = find_events(_analyze(pipeline, text), "ASSAULT")
    assert shelled and all(e.place is None or e.place.country != "UGA" for e in shelled), [e.place for e in shelled]
    assert all("UGA" not in countries(e.recipient) for e in shelled), [codes(e.recipient) for e in shelled]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # both Presidents Bush were American: the surname names no one person but one country
        ("The Bush administration on Monday called on Syria to close its border with Iraq.", "USAGOV", "SYR"),
        ("Catalan leaders demanded a referendum from the Spanish government.", None, "ESP"),
    ],
)
def test_an_administration_by_surname_and_whom_a_demand_is_made_of(
    pipeline: Pipeline, text: str, actor: str | None, recipient: str
) -> None:
    request = find_events(_analyze(pipeline, text), "REQUEST")
    assert request, [(e.event, codes(e.actor)) for e in _analyze(pipeline, text).events]
    assert actor is None or actor in codes(request[0].actor), codes(request[0].actor)
    assert recipient in countries(request[0].recipient), codes(request[0].recipient)


def test_a_surname_shared_across_countries_names_no_administration(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "The Kim government imposed a curfew on Friday.")
    assert all(countries(e.actor) <= {None} for e in result.events), [(e.event, codes(e.actor)) for e in result.events]


def test_an_act_done_by_way_of_another_verb_is_its_subjects(pipeline: Pipeline) -> None:
    fired = find_events(_analyze(pipeline, "Hezbollah responded by firing rockets at Israel on Sunday."), "ASSAULT")
    assert fired and codes(fired[0].actor) == {"LBNREB"}, [codes(e.actor) for e in fired]
    thrown = find_events(_analyze(pipeline, "Syrian villagers resorted to throwing rocks at the Turkish patrol."), "ASSAULT")
    assert thrown and countries(thrown[0].actor) == {"SYR"}, [codes(e.actor) for e in thrown]


def test_a_protest_against_what_someone_did_is_aimed_at_them(pipeline: Pipeline) -> None:
    text = "Students held demonstrations against the abuses by the Iranian police in Tehran."
    protest = find_events(_analyze(pipeline, text), "PROTEST")
    assert protest and "IRNCOP" in codes(protest[0].recipient), [codes(e.recipient) for e in protest]
    text = "Two Kenyan police officers were killed in an attack by Somali gunmen on a border police post."
    attack = find_events(_analyze(pipeline, text), "ASSAULT")
    assert attack and all("SOM" not in countries(e.recipient) for e in attack), [codes(e.recipient) for e in attack]


@pytest.mark.parametrize(
    "text",
    ["Members of the Free Lawyers Association investigated the deaths of three prisoners.", "Shiites demanded new elections."],
)
def test_an_act_of_a_body_or_people_the_kb_does_not_know_is_coded_with_the_party_uncoded(pipeline: Pipeline, text: str) -> None:
    result = _analyze(pipeline, text)
    assert result.events, text
    assert any("not in the knowledge base" in how for how in result.events[0].explanation["roles"])


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Two Australian journalists were detained in Myanmar on Monday.", "MMR", "AUS"),
        ("Dock workers at the main container terminal in Chile went on strike on Monday.", "CHL", None),
    ],
)
def test_an_arrest_by_no_one_named_is_the_states_and_workers_at_a_site_are_of_its_country(
    pipeline: Pipeline, text: str, actor: str, recipient: str | None
) -> None:
    result = _analyze(pipeline, text)
    main = max(result.events, key=lambda event: event.confidence)
    assert actor in countries(main.actor), [(e.event, codes(e.actor), codes(e.recipient)) for e in result.events]
    assert recipient is None or countries(main.recipient) == {recipient}, codes(main.recipient)


def test_fighting_a_disease_written_with_its_year_is_no_combat(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Japan donated medical supplies to Indonesia to fight COVID-19.")
    assert [e.event for e in result.events] == ["AID"], [(e.event, e.trigger) for e in result.events]


def test_a_states_invasion_is_its_own_and_the_invasion_of_a_country_befalls_it(pipeline: Pipeline) -> None:
    fleeing = find_events(_analyze(pipeline, "Poland sheltered many Ukrainian families escaping Russia's invasion."), "ASSAULT")
    assert fleeing and codes(fleeing[0].actor) == {"RUS"}, [(codes(e.actor), codes(e.recipient)) for e in fleeing]
    invaded = find_events(_analyze(pipeline, "Morocco's invasion of Mauritania shocked the region."), "ASSAULT")
    assert invaded and (codes(invaded[0].actor), codes(invaded[0].recipient)) == ({"MAR"}, {"MRT"})


def test_people_only_described_as_detained_are_no_arrest_by_the_state_where_they_are(pipeline: Pipeline) -> None:
    text = "The President urged the junta to free those unjustly detained in Myanmar and to end the violence."
    result = _analyze(pipeline, text)
    assert not [e for e in result.events if e.event == "COERCE" and "MMR" in countries(e.actor)], [
        (e.event, codes(e.actor)) for e in result.events
    ]


def test_an_act_by_way_of_another_is_the_subjects_only_after_a_verb_of_responding(pipeline: Pipeline) -> None:
    text = "Farm workers kept the markets open by growing and supplying vegetables to the towns."
    assert not _analyze(pipeline, text).events


def test_an_arrest_at_a_base_is_not_put_on_the_state_around_it(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Two men were imprisoned at Naval Station Guantanamo Bay in 2004.")
    assert all("CUB" not in countries(e.actor) for e in result.events), [(e.event, codes(e.actor)) for e in result.events]


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        ("Some 40 delegates from Tunisian trade unions handed a petition to the Libyan embassy.", "REQUEST", {"TUN"}, None),
        ("Nurses from three Canadian charities delivered medicine to refugees in Chad.", "AID", {"CAN"}, None),
        ("Kenya and Uganda called for the withdrawal of Ethiopian troops from Somalia.", "REQUEST", {"KEN", "UGA"}, {"ETH"}),
        ("Nigerien police confiscated rifles from Malian armed groups on Sunday.", "COERCE", {"NER"}, {"MLI"}),
        ("Al-Shabaab threatened to resume attacks in Kenya.", "THREATEN", {"SOM"}, {"KEN"}),
    ],
)
def test_envoys_of_a_group_acts_asked_for_things_taken_and_places_threatened(
    pipeline: Pipeline, text: str, event: str, actors: set[str], recipients: set[str] | None
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    shown = [(e.event, codes(e.actor), codes(e.recipient)) for e in _analyze(pipeline, text).events]
    assert found and actors <= countries(found[0].actor), shown
    assert recipients is None or recipients <= countries(found[0].recipient), shown


def test_an_act_a_wish_or_call_is_for_is_not_done(pipeline: Pipeline) -> None:
    text = "The envoy voiced a desire for a thorough investigation into the killing of the Kenyan journalist."
    investigation = find_events(_analyze(pipeline, text), "ACCUSE")
    assert investigation and investigation[0].aux == "hypothetical", [(e.event, e.aux) for e in investigation]


def test_forces_massed_for_an_offensive_are_aimed_at_its_target(pipeline: Pipeline) -> None:
    text = "Riyadh mobilized the army for a possible offensive against the Houthis."
    massed = find_events(_analyze(pipeline, text), "MOBILIZE")
    assert massed and codes(massed[0].recipient) == {"YEMREB"}, [codes(e.recipient) for e in massed]


def test_troops_taking_part_in_peacekeeping_operations_cooperate_where_they_serve(pipeline: Pipeline) -> None:
    found = find_events(_analyze(pipeline, "Nepalese troops take part in peacekeeping operations in Lebanon."), "COOPERATE")
    assert found and codes(found[0].actor) == {"NPLMIL"} and countries(found[0].recipient) == {"LBN"}


def test_a_present_verb_joined_to_one_of_another_person_takes_the_subject_that_agrees(pipeline: Pipeline) -> None:
    text = (
        "The presidents of Brazil and Chile met in Lima. They support reforms in Haiti, insist on the need to make sure "
        "Venezuela never develops or acquires long-range missiles, underscore the importance of the Quito conference, "
        "and support the independence of Guyana."
    )
    backed = [e for e in _analyze(pipeline, text).events if e.event == "SUPPORT"]
    assert all("VEN" not in countries(e.actor) for e in backed), [(codes(e.actor), codes(e.recipient)) for e in backed]
    assert any(countries(e.actor) == {"BRA", "CHL"} for e in backed), [(codes(e.actor), codes(e.recipient)) for e in backed]


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        ("The delegation reaffirmed U.S. support for the Haitian electoral council.", "SUPPORT", {"USA"}, {"HTI"}),
        ("Australia welcomed Japan's support for the plan.", "SUPPORT", {"AUS"}, {"JPN"}),
        ("The Nordic states pledged full support for Kyiv's efforts.", "AGREE", set(), {"UKR"}),
    ],
)
def test_backing_stated_is_the_backers_and_what_it_is_for_names_the_backed(
    pipeline: Pipeline, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    shown = [(e.event, codes(e.actor), codes(e.recipient)) for e in _analyze(pipeline, text).events]
    assert found and actors <= countries(found[0].actor) and recipients <= countries(found[0].recipient), shown


@pytest.mark.parametrize("text", ["Mitsotakis agreed to resign.", "UNFICYP also withdrew troops from another position nearby."])
def test_a_name_the_tagger_missed_acts_uncoded(pipeline: Pipeline, text: str) -> None:
    result = _analyze(pipeline, text)
    assert result.events and any("not in the knowledge base" in how for how in result.events[0].explanation["roles"]), [
        (e.event, e.explanation["roles"]) for e in result.events
    ]


def test_a_past_verb_joined_to_an_infinitive_keeps_the_speakers_subject(pipeline: Pipeline) -> None:
    text = "The envoy stressed the need for Hamas to release the hostages and also reaffirmed Egyptian support for Jordan."
    backed = find_events(_analyze(pipeline, text), "SUPPORT")
    assert backed and "PSE" not in countries(backed[0].actor), [(codes(e.actor), codes(e.recipient)) for e in backed]
    assert countries(backed[0].recipient) == {"JOR"}, [(codes(e.actor), codes(e.recipient)) for e in backed]


def test_an_unknown_group_claiming_attacks_is_their_uncoded_actor_but_not_of_attacks_it_only_followed(pipeline: Pipeline) -> None:
    claimed = _analyze(pipeline, "The ADF has claimed responsibility for several attacks in Uganda's western region.")
    assert [e.event for e in claimed.events] == ["ASSAULT"], [(e.event, e.trigger) for e in claimed.events]
    text = "UNFICYP also withdrew troops from another position as a precaution after the recent attacks nearby."
    assert [e.event for e in _analyze(pipeline, text).events] == ["RETREAT"]


def test_a_verb_joined_with_a_subject_of_its_own_shares_no_object(pipeline: Pipeline) -> None:
    text = "They also discussed regional trade, and Ms. Lee reiterated U.S. support for Mongolian efforts."
    discussed = [e for e in _analyze(pipeline, text).events if e.trigger == "discussed"]
    assert all("USA" not in countries(e.recipient) for e in discussed), [codes(e.recipient) for e in discussed]
