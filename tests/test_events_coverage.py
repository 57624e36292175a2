"""Coverage by word classes (one lexicon entry per verb and kind of thing) and by what crowds and forces do."""

from __future__ import annotations

import pytest

from tests.helpers import codes, countries, find_events, one_event
from watchfloor import analyze
from watchfloor.pipeline import Pipeline
from watchfloor.records import Result


def _analyze(pipeline: Pipeline, text: str) -> Result:
    return analyze(text, "2025-06-10", pipeline=pipeline)


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Belgium is pulling its remaining troops out of Chad.", "RETREAT", "BEL", "TCD"),
        ("Britain sent 300 marines to Estonia.", "MOBILIZE", "GBR", "EST"),
        ("Russia dispatched two battalions to the Belarusian border.", "MOBILIZE", "RUS", "BLR"),
        ("Uruguay lifted the embargo on Cuba.", "RETREAT", "URY", "CUB"),
        ("Japan ended sanctions against Myanmar.", "RETREAT", "JPN", "MMR"),
        ("Oman and Samoa on Tuesday signed a memorandum to deepen fisheries cooperation.", "SUPPORT", "OMN", None),
        ("Fiji on Thursday voiced gratitude to Tonga for its help.", "SUPPORT", "FJI", None),
    ],
)
def test_a_class_word_fires_every_verb_that_names_the_class(
    pipeline: Pipeline, text: str, event: str, actor: str, recipient: str | None
) -> None:
    found = find_events(_analyze(pipeline, text), event)
    assert found, text
    assert actor in countries(found[0].actor), (text, codes(found[0].actor))
    if recipient is not None:
        assert recipient in countries(found[0].recipient), (text, codes(found[0].recipient))


def test_a_presidents_memorandum_to_his_agencies_is_no_agreement(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "The President signed a Presidential Memorandum ordering the Attorney General to act.")
    assert not find_events(result, "SUPPORT")


def test_forces_named_as_moved_in_the_passive_are_the_ones_deploying(pipeline: Pipeline) -> None:
    sent = one_event(_analyze(pipeline, "Russian troops were sent to Belarus on Monday."), "MOBILIZE", "sent")
    assert codes(sent.actor) == {"RUSMIL"} and countries(sent.recipient) == {"BLR"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Protests erupted in Tehran on Friday.", "IRN"),
        ("Noisy demonstrations were held in several towns of Ghana on Sunday.", "GHA"),
        ("Large crowds took part in protests in Bishkek on Tuesday.", "KGZ"),
        ("Thousands of people marched in Berlin against the ban.", "DEU"),
    ],
)
def test_a_protest_with_no_named_party_is_the_publics_where_it_happened(pipeline: Pipeline, text: str, country: str) -> None:
    protest = find_events(_analyze(pipeline, text), "PROTEST")
    assert protest and codes(protest[0].actor) == {f"{country}CVL"}, [(e.event, codes(e.actor)) for e in protest]


def test_a_place_named_inside_another_name_does_not_make_a_protest(pipeline: Pipeline) -> None:
    text = "The Committee on Foreign Investment in the United States reviews buyers with a demonstrated military aim."
    assert not find_events(_analyze(pipeline, text), "PROTEST")


def test_complaints_embargoes_and_acts_undertaken_in_an_operation(pipeline: Pipeline) -> None:
    text = "Bolivia formally complained to Peru over the border closure."
    complained = one_event(_analyze(pipeline, text), "ACCUSE", "complained")
    assert countries(complained.actor) == {"BOL"} and countries(complained.recipient) == {"PER"}
    banned = one_event(_analyze(pipeline, "India imposed a ban on poultry imports from Canada."), "SANCTION", "ban")
    assert countries(banned.actor) == {"IND"} and countries(banned.recipient) == {"CAN"}
    text = "The Ecuadorian government has begun an operation to seize rifles from criminal gangs."
    seized = one_event(_analyze(pipeline, text), "COERCE", "seize")
    assert codes(seized.actor) == {"ECUGOV"}


def test_recipients_inside_the_object_and_in_an_accepted_invitation(pipeline: Pipeline) -> None:
    text = "Denmark each year provides 25 million kroner in humanitarian aid to the Yemeni people."
    aid = one_event(_analyze(pipeline, text), "AID", "provides")
    assert countries(aid.recipient) == {"YEM"}
    accepted = _analyze(pipeline, "Brazilian President Lula has accepted an invitation to hold talks with Narendra Modi.")
    agreed = one_event(accepted, "AGREE", "accepted")
    assert countries(agreed.actor) == {"BRA"} and countries(agreed.recipient) == {"IND"}
    welcomed = _analyze(pipeline, "The Presidents welcome plans to begin a US-Brazil Bilateral Space Research Partnership.")
    assert not any(countries(event.recipient) for event in welcomed.events)


def test_the_weapons_fired_in_an_attack_are_the_attack(pipeline: Pipeline) -> None:
    text = "The missiles fired by Azerbaijani units struck a fuel depot of the Armenian army, setting it ablaze."
    result = _analyze(pipeline, text)
    assert not find_events(result, "MOBILIZE")
    struck = one_event(result, "ASSAULT", "struck")
    assert codes(struck.actor) == {"AZEMIL"} and codes(struck.recipient) == {"ARMMIL"}
    rockets = one_event(_analyze(pipeline, "Rockets launched by Hezbollah hit a town in northern Israel."), "ASSAULT", "hit")
    assert countries(rockets.recipient) == {"ISR"}


def test_a_wrongdoing_said_by_someone_is_their_accusation(pipeline: Pipeline) -> None:
    said = one_event(_analyze(pipeline, "Switzerland said that Palau had violated several treaties."), "ACCUSE", "violated")
    assert countries(said.actor) == {"CHE"} and countries(said.recipient) == {"PLW"}
    assert _analyze(pipeline, "Russia violated the INF treaty in 2019.").events == []
    assert find_events(_analyze(pipeline, "Russian troops violated the ceasefire near Donetsk."), "ASSAULT")


def test_a_first_name_is_not_a_surname_the_kb_knows(pipeline: Pipeline) -> None:
    text = "On Tuesday the envoy met President Teodoro Obiang Nguema Mbasogo in Malabo."
    met = one_event(_analyze(pipeline, text), "CONSULT", "met")
    assert "PHL" not in countries(met.recipient)  # not Gilberto Teodoro, the Philippine defence secretary
    known = one_event(_analyze(pipeline, "Teodoro met Hegseth in Manila."), "CONSULT", "met")
    assert codes(known.actor) == {"PHLMIL"}


def test_an_act_some_years_ago_is_background(pipeline: Pipeline) -> None:
    text = "Three years ago, a gunman attacked a synagogue in Pittsburgh."
    attack = one_event(analyze(text, "2021-10-27", pipeline=pipeline), "ASSAULT", "attacked")
    assert attack.aux == "historical" and attack.date.start == "2018-01-01"


def test_an_occasion_before_the_verb_is_no_recipient_but_a_city_is_the_host(pipeline: Pipeline) -> None:
    text = "At the 2025 Shangri-La Dialogue in Singapore, Mr. Hegseth reaffirmed Washington's commitment to the region."
    reaffirmed = one_event(_analyze(pipeline, text), "SUPPORT", "reaffirmed")
    assert "SGP" not in countries(reaffirmed.recipient)
    visit = "In Paris, Mr. Carter will meet with Deputy Minister Claire Dubois."
    assert any("FRA" in countries(event.recipient) for event in _analyze(pipeline, visit).events)


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # a present-tense verb the tagger read as a noun: a subject and a complement make it the verb
        ("Ghana and Togo pledge to raise bilateral trade.", "AGREE", "GHA", None),
        ("Ghana and Togo expand consular relations.", "SUPPORT", "GHA", None),
        ("Kenya expresses willingness to talk with opposition parties.", "AGREE", "KEN", None),
        ("Ghana brought a formal complaint against Togo over fishing rights.", "ACCUSE", "GHA", "TGO"),
        ("Ghana declined Togo's request to hold a summit.", "REJECT", "GHA", None),
        ("Ghana gives in to Togo's demands on fishing quotas.", "CONCEDE", "GHA", "TGO"),
        ("Ghana makes a firm commitment to ease travel restrictions.", "CONCEDE", "GHA", None),
        ("A Ghanaian patrol ship holds joint drills with the Togolese navy.", "COOPERATE", "TGO", None),
        ("Separatists in Jaffna reject calls for peace talks.", "REJECT", "LKA", None),
        ("Insurgents in Nigeria announced a suspension of hostilities against the army.", "RETREAT", "NGA", None),
    ],
)
def test_leads_and_headlines_read_as_news(pipeline: Pipeline, text: str, event: str, actor: str, recipient: str | None) -> None:
    _assert_main_event(_analyze(pipeline, text), event, actor, recipient)


def _assert_main_event(result: Result, event: str, actor: str, recipient: str | None) -> None:
    """The sentence's most confident event has the type, an actor of the country and, if given, the recipient's."""
    main = max(result.events, key=lambda found: found.confidence) if result.events else None
    assert main is not None and main.event == event, [(e.event, e.trigger, e.confidence) for e in result.events]
    assert actor in countries(main.actor), codes(main.actor)
    if recipient is not None:
        assert recipient in countries(main.recipient), codes(main.recipient)


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # verbs of the CAMEO dictionary the lexicon took
        ("Russia annexed Crimea in 2014.", "COERCE", "RUS", None),
        ("Iran exiled the opposition leader.", "COERCE", "IRN", "IRN"),
        ("The Kenyan president chided Ethiopia over the border closure.", "ACCUSE", "KEN", "ETH"),
        ("Indian forces skirmished with Chinese troops.", "ASSAULT", "IND", "CHN"),
        ("Ethiopian soldiers pillaged the village.", "ASSAULT", "ETH", None),
        # phrases of its verb patterns, and the wire phrasing around them
        ("Kenya recalled its diplomats from Ethiopia.", "SANCTION", "KEN", "ETH"),
        ("Kenya withdrew its ambassador from Ethiopia.", "SANCTION", "KEN", "ETH"),
        ("Kenya set a deadline for Ethiopia to withdraw its troops.", "THREATEN", "KEN", "ETH"),
        ("Kenyan warplanes violated Ethiopian air space.", "MOBILIZE", "KEN", "ETH"),
        ("Kenya repeated its allegation that Ethiopia armed the rebels.", "ACCUSE", "KEN", "ETH"),
        ("Kenya sought the release of its citizens held in Ethiopia.", "REQUEST", "KEN", None),
        ("Kenyan soldiers traded gunfire with Ethiopian troops.", "ASSAULT", "KEN", "ETH"),
        ("Protesters chanted slogans against the Kenyan government.", "PROTEST", "KEN", "KEN"),
        ("Kenya closed its airspace to Ethiopian flights.", "COERCE", "KEN", "ETH"),
        ("Kenya wrote off Ethiopia's debt.", "AID", "KEN", "ETH"),
        ("Kenya ordered the expulsion of Ethiopian diplomats.", "SANCTION", "KEN", "ETH"),
        ("Militants threw grenades at Kenyan police.", "ASSAULT", "KEN", "KEN"),
        ("Kenya expressed anger at Ethiopia's decision.", "ACCUSE", "KEN", "ETH"),
        ("Kenya held Ethiopia responsible for the attack.", "ACCUSE", "KEN", "ETH"),
        ("Kenya pinned the blame on Ethiopia.", "ACCUSE", "KEN", "ETH"),
        ("Kenya reached a compromise with Ethiopia.", "AGREE", "KEN", "ETH"),
        ("Kenya held consultations with Ethiopia.", "CONSULT", "KEN", "ETH"),
        ("Kenya forged ties with Ethiopia.", "SUPPORT", "KEN", "ETH"),
        ("Kenya opened an embassy in Ethiopia.", "SUPPORT", "KEN", "ETH"),
        ("Qatar brokered a deal between Hamas and Israel.", "CONSULT", "QAT", "ISR"),
        ("Kenya banned imports from Ethiopia.", "SANCTION", "KEN", "ETH"),
        ("Kenya announced the suspension of its military operations in Somalia.", "RETREAT", "KEN", "SOM"),
        ("Ethiopian refugees were forcibly returned by Kenya.", "COERCE", "KEN", "ETH"),
        ("Kenya dispatched a peace envoy to Sudan.", "CONSULT", "KEN", "SDN"),
        ("Kenya would respond with force to any attack by Ethiopia.", "THREATEN", "KEN", None),
        ("Kenya said it would use force if Ethiopia attacked.", "THREATEN", "KEN", "ETH"),
        ("Kenya sought the extradition of the suspect from Ethiopia.", "REQUEST", "KEN", "ETH"),
        ("Kenya's refusal to extradite the suspect angered Ethiopia.", "REJECT", "KEN", None),
        ("Ethiopia's rejection of the peace plan drew criticism.", "REJECT", "ETH", None),
        ("Kenya objected to the presence of Ethiopian troops.", "REJECT", "KEN", None),
        ("Kenya broke off talks with the rebels.", "SANCTION", "KEN", None),
        ("Kenya walked out of the talks with Ethiopia.", "REJECT", "KEN", "ETH"),
        ("Kenya ignored the UN ultimatum.", "REJECT", "KEN", None),
        ("Rebels broke the ceasefire in Darfur.", "ASSAULT", "SDN", "SDN"),
        ("Kenya wants Ethiopia to withdraw its troops from the border.", "REQUEST", "KEN", "ETH"),
        ("Kenya said it reserved the right to retaliate.", "THREATEN", "KEN", None),
        ("Kenya hinted at military action against the rebels.", "THREATEN", "KEN", None),
        ("Kenya vowed revenge for the attack.", "THREATEN", "KEN", None),
        ("Kenya said it was prepared to negotiate with the rebels.", "AGREE", "KEN", None),
        ("Kenya gave its consent to the deployment.", "AGREE", "KEN", None),
        ("Kenya renewed its appeal to Ethiopia to release the prisoners.", "REQUEST", "KEN", "ETH"),
        ("Kenya submitted a formal protest to Ethiopia.", "ACCUSE", "KEN", "ETH"),
        ("Kenya placed the opposition leader under house arrest.", "COERCE", "KEN", "KEN"),
        ("Kenya cut off fuel supplies to Ethiopia.", "SANCTION", "KEN", "ETH"),
        ("Somali clan militias agreed to give up their guns and join forces with Kenya.", "AGREE", "SOM", "KEN"),
    ],
)
def test_phrases_of_the_cameo_dictionary(pipeline: Pipeline, text: str, event: str, actor: str, recipient: str | None) -> None:
    _assert_main_event(_analyze(pipeline, text), event, actor, recipient)


def test_what_a_call_asks_for_is_not_done(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Kenya issued a call for talks with Ethiopia.")
    assert [event.event for event in result.events] == ["REQUEST"], [(e.event, e.trigger) for e in result.events]


def test_an_act_someone_refused_or_failed_to_do_did_not_happen(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "Kenya's failure to reach agreement with Ethiopia angered the opposition.")
    assert all(event.aux == "negated" for event in result.events if event.event == "AGREE"), [
        (e.event, e.aux) for e in result.events
    ]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Kenya broke off talks with the rebels.", "CONSULT"),
        ("Kenya ignored the UN ultimatum.", "THREATEN"),
    ],
)
def test_an_act_spurned_did_not_happen(pipeline: Pipeline, text: str, event: str) -> None:
    assert event not in {found.event for found in _analyze(pipeline, text).events}


def test_an_act_a_feeling_is_voiced_about_is_its_topic(pipeline: Pipeline) -> None:
    assert not _analyze(pipeline, "Kenya voiced concern over the arrest of its nationals.").events


def test_no_intention_of_an_act_denies_it(pipeline: Pipeline) -> None:
    attack = [e for e in _analyze(pipeline, "Kenya has no plans to attack Ethiopia.").events if e.event == "ASSAULT"]
    assert attack and attack[0].aux == "negated", [(e.event, e.aux) for e in attack]


def test_of_two_entries_with_as_many_words_the_one_whose_words_hang_on_the_trigger_wins(pipeline: Pipeline) -> None:
    text = "As Beijing presses its territorial claims, the urgency for Tokyo and Washington to act has never been greater."
    assert [event.event for event in _analyze(pipeline, text).events] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Militants in Mali claimed the beheading of two Malian soldiers.", "ASSAULT", "MLI", "MLI"),
        ("Turkish police held dozens of Syrians in detention at the border.", "COERCE", "TUR", "SYR"),
        ("The Mozambican insurgents' commander said he will end attacks on army posts.", "CONCEDE", "MOZ", "MOZ"),
        ("Sudan and Chad agreed to end the fighting along their border.", "CONCEDE", "SDN", None),
        ("Police in Tanzania closed a popular social media site on Monday.", "COERCE", "TZA", None),
        ("Hackers from Iran targeted the servers of the Israeli water authority.", "COERCE", "IRN", "ISR"),
        ("Haitian teachers are on strike.", "PROTEST", "HTI", "HTI"),
        ("The Kenyan teachers' union called a strike.", "PROTEST", "KEN", None),
        ("The Kenyan president attacked the opposition's plan.", "ACCUSE", "KEN", None),
    ],
)
def test_phrases_of_synthetic_news_leads(pipeline: Pipeline, text: str, event: str, actor: str, recipient: str | None) -> None:
    _assert_main_event(_analyze(pipeline, text), event, actor, recipient)


def test_a_bomb_that_went_off_is_an_attack_on_the_country_where_it_did(pipeline: Pipeline) -> None:
    attack = find_events(_analyze(pipeline, "A bomb went off outside a police barracks in Quetta on Friday."), "ASSAULT")
    assert attack and countries(attack[0].recipient) == {"PAK"}, [(e.event, codes(e.recipient)) for e in attack]


@pytest.mark.parametrize(
    "text",
    [
        "The US will defend Israel against any attack from Iran.",
        "This attack from Iran has been predicted for weeks.",
        "These threats of a major missile attack against Israel alarmed the region.",
    ],
)
def test_an_attack_that_is_any_predicted_or_threatened_is_no_attack(pipeline: Pipeline, text: str) -> None:
    assert not find_events(_analyze(pipeline, text), "ASSAULT")


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Israel agreed to stop bombing Gaza.", "CONCEDE", "ISR", "PSE"),
        ("Russia stopped shelling Kharkiv on Monday.", "RETREAT", "RUS", None),
        ("Hamas fired rockets into Israel.", "ASSAULT", "PSE", "ISR"),
        ("North Korea fired two missiles into the sea.", "MOBILIZE", "PRK", None),
    ],
)
def test_acts_of_war_halted_and_projectiles_fired_into_a_country(
    pipeline: Pipeline, text: str, event: str, actor: str, recipient: str | None
) -> None:
    _assert_main_event(_analyze(pipeline, text), event, actor, recipient)
    assert not find_events(_analyze(pipeline, text), "THREATEN")


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Striking bus drivers stopped traffic across central Dhaka on Monday.", "PROTEST", "BGD", None),
        ("Judges in Kisumu handed two Kenyan county officials ten-year sentences.", "SANCTION", "KEN", None),
        ("Investigators say hackers in Belarus carried out a cyber assault on Lithuanian banks.", "ASSAULT", "BLR", "LTU"),
        ("Russia is behind the attack on the power grid, Ukraine said.", "ASSAULT", "RUS", None),
    ],
)
def test_phrases_of_further_synthetic_leads(pipeline: Pipeline, text: str, event: str, actor: str, recipient: str | None) -> None:
    _assert_main_event(_analyze(pipeline, text), event, actor, recipient)


def test_police_stopping_traffic_is_no_protest_and_coalition_planes_are_not_the_hosts(pipeline: Pipeline) -> None:
    assert not find_events(_analyze(pipeline, "Police stopped traffic on the bridge."), "PROTEST")
    strike = find_events(_analyze(pipeline, "Coalition planes bombed militant camps in eastern Libya."), "ASSAULT")
    assert strike and "LBY" not in countries(strike[0].actor), [(codes(e.actor), codes(e.recipient)) for e in strike]


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # a former state's name codes to its successor
        ("The Soviet Union offered to pull its tanks out of Hungary.", None, "RUS", None),
        ("Yugoslavia demanded that NATO halt its air strikes.", "REQUEST", "SRB", None),
        ("Czechoslovakia restored full diplomatic relations with Israel in 1990.", "SUPPORT", "CZE", None),
        # an obligation a speaker puts on someone is a demand, whatever its verb
        ("The Canadian government declared that Peru must open its markets to foreign grain.", "REQUEST", "CAN", "PER"),
        ("The Danish foreign minister said that Iran must let the impounded ship's crew go home.", "REQUEST", "DNK", "IRN"),
        # petitions, consensus, welcomes, know-how, aid handed over or cut
        ("Health ministers from Chile and Bolivia reached a consensus on joint vaccination campaigns.", "AGREE", "CHL", None),
        # a welcome given is a visit received: the guest's visit to the host
        ("The Norwegian prime minister gave a warm welcome to the Icelandic president.", "CONSULT", "ISL", "NOR"),
        ("Cuba has been sharing its vaccine expertise with Venezuela.", "COOPERATE", "CUB", "VEN"),
        ("Norway's aid agency handed over antibiotics and insulin to hospitals in Gaza.", "AID", "NOR", "PSE"),
        ("The World Food Programme reduced its aid deliveries to refugee settlements in Chad.", "SANCTION", None, "TCD"),
        # restrictions cancelled, observers received, an investigation into, pressure to act, defiance
        ("The Lithuanian Supreme Court cancelled the ban on bilingual street signs in Vilnius.", "CONCEDE", "LTU", None),
        ("Georgia received election monitors sent by the Council of Europe.", "RETREAT", "GEO", None),
        ("The Ukrainian government kept pressuring Donetsk coal miners to go back to work.", "REQUEST", "UKR", None),
        ("Moldova defied Moscow's orders and held the vote in Transnistria anyway.", "REJECT", "MDA", None),
        # stances, conditional threats, protests stopped, a convoy attacked, sexual abuse
        ("Greece is opposed to Turkey acting as mediator in the talks on Cyprus.", "REJECT", "GRC", "TUR"),
        ("If the fighting goes on, the African Union may suspend its mediation in Sudan.", "THREATEN", None, None),
        ("Belarusian police prevented students from rallying in Minsk.", "COERCE", "BLR", None),
        ("Three Malian soldiers were killed in an attack on their convoy by jihadist fighters.", "ASSAULT", None, "MLI"),
        ("Soldiers at checkpoints sexually abused Haitian women, Human Rights Watch said.", "ASSAULT", None, "HTI"),
    ],
)
def test_categories_of_the_cameo_codebook_in_other_words(
    pipeline: Pipeline, text: str, event: str | None, actor: str | None, recipient: str | None
) -> None:
    result = _analyze(pipeline, text)
    main = max(result.events, key=lambda found: found.confidence, default=None)
    assert main is not None, text
    if event is not None:
        assert main.event == event, (text, main.event)
    if actor is not None:
        assert actor in countries(main.actor), (text, codes(main.actor))
    if recipient is not None:
        assert recipient in countries(main.recipient), (text, codes(main.recipient))


def test_a_speaker_bound_by_its_own_must_is_no_demand(pipeline: Pipeline) -> None:
    result = _analyze(pipeline, "The Chancellor said we must keep standing with our partners.")
    assert not find_events(result, "REQUEST"), [(e.event, codes(e.actor)) for e in result.events]


def test_those_engaged_or_involved_in_an_act_did_it(pipeline: Pipeline) -> None:
    text = "Ethiopian federal troops were engaged in the mass killing of civilians in western Tigray, the inquiry found."
    result = _analyze(pipeline, text)
    found = find_events(result, "ASSAULT")
    assert found and "ETH" in countries(found[0].actor), [(e.event, codes(e.actor), codes(e.recipient)) for e in result.events]


def test_a_reminder_that_someone_must_act_is_a_demand_and_a_rally_to_protest_is_a_protest(pipeline: Pipeline) -> None:
    text = "The Belgian foreign minister issued a reminder to Kosovo that it must honour the Brussels agreement."
    reminder = _analyze(pipeline, text)
    assert any("BEL" in countries(e.actor) for e in find_events(reminder, "REQUEST")), [e.event for e in reminder.events]
    rally = _analyze(pipeline, "Several thousand Chileans turned out for a rally in Santiago to protest pension cuts.")
    assert any("CHL" in countries(e.actor) for e in find_events(rally, "PROTEST")), [e.event for e in rally.events]
