"""Who did it and to whom: actors and recipients of a trigger, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from watchfloor.events.auxiliary import PROMISED_NOUNS, is_conditional
from watchfloor.events.clauses import (
    DYING_VERBS,
    PHRASAL_SPEECH,
    acronym,
    agreeing_verb_above,
    conjoined_to_the_report,
    done_by_way_of,
    has_object,
    has_subject,
    holds_an_attitude,
    misparsed_main_verb,
    stranded_object,
    subject_of_an_infinitive_misparsed,
    undergoing_verb,
    untagged_name,
    with_misparsed_as_mark,
)
from watchfloor.events.lexicon import is_nominal
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.mentions import GROUP_ROLES, PRONOUNS, UNKNOWN_STATE, actors_of
from watchfloor.records import Actor

RECIPIENT_PREPS = frozenset({"on", "to", "with", "against", "into", "toward", "towards", "at", "near", "around", "outside"})
SUBJECT_DEPS = ("nsubj", "csubj")
# "During a trip to Tokyo, Hegseth said": Hegseth travelled; "Hezbollah used civilians as human shields"
FRAMING_PREPS = frozenset({"during", "on", "at", "as"})
MEETING_NOUNS = frozenset({"discussion", "talk", "meeting", "call", "conversation", "negotiation", "summit", "visit", "trip"})
TRAVEL_VERBS = frozenset({"arrive", "travel", "come", "go", "fly", "head", "leave", "land"})  # "arrived in Tehran for talks"
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
TAKING_VERBS = frozenset({"seize", "capture", "recapture", "retake", "wrest", "take", "grab", "steal", "confiscate", "impound"})
RECEIVING_VERBS = frozenset({"receive", "accept", "admit"})  # "received monitors from the Arab League": the other party
BACKING_NOUNS = frozenset({"support", "backing", "assistance", "sympathy", "solidarity", "condolence"})
AFFIRMING_VERBS = frozenset(
    {"reaffirm", "reiterate", "affirm", "express", "voice", "pledge"}
    | {"underscore", "stress", "emphasize", "emphasise", "highlight"}
)


def _own_backing(obj: Token, verb: Token) -> bool:
    """'reaffirmed U.S. support', 'expressed Japan's solidarity': backing the subject states is its own; not
    'welcomed Japan's support', which names the one welcomed."""
    return obj.lemma_.lower() in BACKING_NOUNS and verb.lemma_.lower() in AFFIRMING_VERBS and obj.dep_ == "dobj"


ASKING_VERBS = frozenset({"demand", "request", "seek", "ask", "want", "expect"})  # "demanded support from X": asked of X
EXPULSION_VERBS = frozenset({"expel", "deport", "evict", "oust"})
RECIPROCAL_WORDS = frozenset({"joint", "jointly", "bilateral", "combined", "trilateral", "together"})
THIRD_PARTY_NOUNS = frozenset({"mediation", "mediator"})
MISPARSED_SUBJECT_DEPS = frozenset({"advmod", "npadvmod", "dep", "nmod"})
NAMED_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# The state itself and its organs; any other sector (rebels, opposition, civilians ...) is not the state
STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP"})
ACT_NOUNS = frozenset(
    "removal resignation release withdrawal ouster dismissal arrest extradition return expulsion recognition".split()
)

# Verbs whose object is a subject matter: "discussed the situation in Syria" is talking with someone else
TOPIC_VERBS = frozenset({"discuss", "debate", "review"})
TOPIC_NOUNS = frozenset({"view", "opinion", "idea", "information", "note", "thought"})
# Things said or decreed, whose "from" or "by" names who said them: "an appeal from X", "a ban by X"
SPEECH_NOUNS = frozenset(
    "appeal call offer proposal demand request plea invitation ultimatum ban order decree".split()
    + "charge accusation allegation claim".split()
)
# Acts whose "of" names who underwent them: "the arrest of X", "the release of hostages", "the expulsion of diplomats"
PATIENT_NOUNS = frozenset(
    "arrest detention release removal dismissal ouster extradition expulsion deportation execution assassination"
    " kidnapping abduction impeachment killing torture murder beheading".split()
)
# Acts on a place or people whose "of" names what underwent them, though "Russia's invasion" is Russia's own:
# "the blockade of the Libyan coast", "the invasion of Kuwait"
ACTS_ON_WHAT_OF_NAMES = PATIENT_NOUNS | frozenset("blockade siege invasion occupation annexation bombing shelling".split())
# Disapproval whose "of" names the one disapproved of: "their condemnation of Iran's attack", "criticism of Uganda"
CENSURE_NOUNS = frozenset("condemnation criticism denunciation censure rebuke disapproval".split())
# Verbs of public disapproval, aimed at whoever did the act they name
CENSURING_VERBS = frozenset("condemn denounce criticize criticise deplore decry censure".split())
# "tightened the blockade with Tunisia's help": who helps, not whom the act is aimed at
HELP_NOUNS = frozenset("help support assistance backing cooperation participation".split())


@dataclass(slots=True)
class Participants:
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    reciprocal: bool = False
    how: list[str] = field(default_factory=list)  # how each role was found, for `events --explain`

    def take(self, role: str, found: list[Actor], how: str) -> None:
        """Add actors to a role and remember where in the sentence they came from."""
        target = self.actor if role == "actor" else self.recipient
        new = [actor for actor in found if all(actor.code != known.code for known in target)]
        target.extend(new)
        self.how.extend(f"{role} {actor.code} ({actor.text}): {how}" for actor in new)


def _merge(into: list[Actor], found: list[Actor]) -> None:
    for actor in found:
        if all(actor.code != known.code for known in into):
            into.append(actor)


def subject_of(verb: Token, ctx: DocContext, depth: int = 0, pronouns: bool = True) -> list[Actor]:
    """The actors of a verb's subject, climbing to the governing verb for xcomp/conj/advcl.

    ``pronouns`` False leaves a pronoun subject unresolved: used when the verb is not the event's
    own ("it was the ninth joint patrol"), where "it" rarely names the actor.
    """
    if subject_of_an_infinitive_misparsed(verb) and depth < 3:  # "spoke with Kishida to congratulate him"
        return subject_of(verb.head.head, ctx, depth + 1, pronouns)
    if with_misparsed_as_mark(verb) is not None and depth < 3:  # "met with Ruiz to stress ..."
        return subject_of(verb.head, ctx, depth + 1, pronouns)
    stated = _stated_subject(verb, ctx, depth, pronouns)
    if stated is not None:
        return stated
    misparsed = next((c for c in verb.lefts if c.dep_ in MISPARSED_SUBJECT_DEPS and c.ent_type_ in NAMED_ACTOR_LABELS), None)
    if misparsed is not None:  # "USAID deployed ...", parsed with USAID as an adverb
        return actors_of(misparsed, ctx, pronouns)
    if misparsed_main_verb(verb):  # "Hundreds of people protested in Lagos", parsed as a noun phrase
        return actors_of(verb.head, ctx, pronouns)
    if verb.dep_ == "acl":  # "Trump's decision to impose tariffs"
        owners = [actor for child in verb.head.children if child.dep_ == "poss" for actor in actors_of(child, ctx)]
        undertaken = _issued_text(verb.head) or _undertaking(verb.head)
        if not owners and undertaken and depth < 3:  # "Amnesty issued a statement calling on ...", "began an operation to"
            return subject_of(verb.head.head, ctx, depth + 1, pronouns)
        return owners
    if verb.dep_ == "xcomp" and (controller := _object_controller(verb.head)) is not None:
        return actors_of(controller, ctx)  # "urged Japan to raise spending": Japan raises it
    if shares_a_passive(verb):  # "four people were shot and killed": the people are the recipients
        return _agents(verb.head, ctx)
    if holds_an_attitude(verb):  # "Egypt is opposed to Turkish mediation": Egypt opposes it
        return [actor for child in verb.children if child.dep_ == "nsubjpass" for actor in actors_of(child, ctx, pronouns)]
    if {"auxpass", "nsubjpass"} <= {child.dep_ for child in verb.children}:
        return []  # "77 Palestinians have been killed, 145 people injured": a passive with no agent names no actor
    return _subject_of_a_clause_above(verb, ctx, depth, pronouns)


def _subject_of_a_clause_above(verb: Token, ctx: DocContext, depth: int, pronouns: bool) -> list[Actor]:
    """The subject a clause with none of its own shares with the clause it hangs on."""
    if depth < 3 and done_by_way_of(verb):  # "crowds resorted to hurling rocks", "responded by firing rockets"
        governor = verb.head.head
        if governor.dep_ == "acl" and governor.lemma_.lower() == "resort":  # "youths resorted to ...", read as a participle
            return actors_of(governor.head, ctx, pronouns)
        return subject_of(governor, ctx, depth + 1, pronouns)
    if depth < 3 and conjoined_to_the_report(verb):  # "The President said Hamas must release them, and asked ..."
        return subject_of(verb.head.head, ctx, depth + 1, pronouns)
    if depth < CLIMB_LIMIT and verb.dep_ == "conj" and (agreeing := agreeing_verb_above(verb)) is not None:
        return subject_of(agreeing, ctx, depth + 1, pronouns)
    if depth < CLIMB_LIMIT and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp") and verb.head != verb:
        return subject_of(verb.head, ctx, depth + 1, pronouns)
    if depth < 3 and verb.dep_ == "csubj" and verb.head.dep_ == "ccomp":  # "US officials said lifting sanctions is out of
        return subject_of(verb.head.head, ctx, depth + 1, pronouns)  # the question": the speakers would lift them
    return []


# Clauses climbed to find a subject: 'Greece is ready to send ships to help defend Cyprus' is four steps up
CLIMB_LIMIT = 4


def _stated_subject(verb: Token, ctx: DocContext, depth: int, pronouns: bool) -> list[Actor] | None:
    """The actors of the verb's own subject or 'by' phrase; None when it has neither. Of two subjects the parser
    hangs side by side ('NATO allies Albania and Belarus held ...'), the one that names an actor."""
    auxiliaries = [child for child in verb.children if child.dep_ == "aux" and child.lemma_ in ("have", "be", "do")]
    stated: list[Actor] | None = None
    vague: list[Actor] = []  # "The rebel Free Syrian Army threatened", parsed as two subjects: the named one wins
    # "Norway and Denmark however have objected": the parser may hang the subject on the auxiliary
    for child in (*verb.children, *(grandchild for aux in auxiliaries for grandchild in aux.children)):
        if child.dep_ in SUBJECT_DEPS or (depth > 0 and child.dep_ == "nsubjpass"):
            stated = actors_of(child, ctx, pronouns)
        elif _is_agent(child) and stated is None:
            stated = _agents(verb, ctx)
        if stated and not any(actor.country or actor.kb_id for actor in stated):
            vague, stated = vague or stated, []
        if stated:
            return stated
    return vague or stated


ISSUED_TEXTS = frozenset({"statement", "message", "letter", "communique", "communiqué", "declaration", "note", "resolution"})


def _issued_text(noun: Token) -> bool:
    """A statement, letter or resolution that the governing verb's subject issued, sent or adopted: what the text
    says ('calling on Canada to ...') is said by its author."""
    return noun.lemma_.lower() in ISSUED_TEXTS and noun.dep_ == "dobj" and noun.head.pos_ == "VERB"


# Undertakings of force, and intentions stated; not "efforts" or "a push", which official prose launches to do anything
UNDERTAKINGS = frozenset({"operation", "campaign", "offensive", "raid", "crackdown"})
# a decision or a bid is taken or made, not only promised; the act is still its maker's
INTENTIONS = PROMISED_NOUNS | {"decision", "bid"}


def _undertaking(noun: Token) -> bool:
    """'started an operation to seize arms', 'launched a campaign to arrest', 'made a commitment to ease restrictions',
    'announced plans to withdraw': the act is done by whoever undertook or stated it."""
    lemma = noun.lemma_.lower()
    return (lemma in UNDERTAKINGS or lemma in INTENTIONS) and noun.dep_ == "dobj" and noun.head.pos_ == "VERB"


def _agents(verb: Token, ctx: DocContext) -> list[Actor]:
    """The actors of a passive verb's 'by' phrase (parsed as a plain preposition when the verb keeps an object:
    'Ukraine was promised air defence systems by Germany')."""
    agents = [pobj for agent in verb.children if _is_agent(agent) for pobj in agent.children if pobj.dep_ == "pobj"]
    return [actor for pobj in agents for actor in actors_of(pobj, ctx)]


def _is_agent(child: Token) -> bool:
    passive = any(sibling.dep_ == "auxpass" for sibling in child.head.children)
    return child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by")


def shares_a_passive(verb: Token) -> bool:
    """A participle coordinated with a passive verb ('were shot and killed') is passive too."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in verb.head.children)


def _object_controller(verb: Token) -> Token | None:
    """The object that controls an infinitive: 'called on allies to ...', 'urged Tokyo to ...'."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ == "on":  # not "vowed on Monday to ..."
            return next((pobj for pobj in child.children if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME")), None)
    return None


def prep_objects(token: Token, ctx: DocContext, preps: frozenset[str]) -> list[Actor]:
    found: list[Actor] = []
    for child in token.children:  # "gave a warm welcome to X": the parser calls that 'to' a dative
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and not (child.lower_ == "with" and pobj.lemma_.lower() in HELP_NOUNS):
                    _merge(found, actors_of(pobj, ctx))
                elif pobj.dep_ == "pcomp" and subject_of_an_infinitive_misparsed(pobj):  # "with Kishida to ..."
                    for subject in pobj.children:
                        if subject.dep_ == "nsubj":
                            _merge(found, actors_of(subject, ctx))
            if (stranded := stranded_object(child)) is not None:
                _merge(found, actors_of(stranded, ctx))
    return found


def verb_participants(verb: Token, ctx: DocContext) -> Participants:
    result = Participants(reciprocal=any(child.lower_ in RECIPROCAL_WORDS for child in verb.children))
    result.take("actor", subject_of(verb, ctx), f"subject of '{verb.text}'")
    if not result.actor and verb.lemma_.lower() in EXPULSION_VERBS and any(c.dep_ == "nsubjpass" for c in verb.children):
        # "two inspectors were expelled from North Korea": the state they were expelled from expelled them
        result.take("actor", prep_objects(verb, ctx, frozenset({"from"})), f"'{verb.text} from ...'")
    objects = _objects(verb)
    _object_recipients(verb, objects, ctx, result)
    result.take("recipient", prep_objects(verb, ctx, RECIPIENT_PREPS), f"prepositional object of '{verb.text}'")
    for met in (with_misparsed_as_mark(child) for child in verb.children if child.dep_ == "advcl"):
        if met is not None and not result.recipient:  # "met today with Foreign Minister Ruiz of Paraguay to ..."
            result.take("recipient", actors_of(met, ctx), f"'{verb.text} with ...' (read as a clause's subject)")
    if not result.recipient and result.actor:  # "provides 10 million euros in aid to the Palestinian people"
        _object_chain_recipients(objects, ctx, result)
    if not _placed(result.recipient):
        _aimed_at(verb, objects, ctx, result)
    if verb.lemma_.lower() in TAKING_VERBS | RECEIVING_VERBS | ASKING_VERBS:  # "recaptured the town from rebels"
        result.take("recipient", prep_objects(verb, ctx, frozenset({"from"})), f"taken from: '{verb.text} from ...'")
    if not _placed(result.recipient):  # "scrambled jets to warn away Chinese aircraft": the jets are its own
        _complement_recipients(verb, ctx, result)
    if not result.recipient:
        _indirect_recipients(verb, ctx, result)
    if not result.recipient and verb.lemma_.lower() in TALKING_VERBS and is_infinitive(verb):
        _the_other_side_of_a_talk(verb, ctx, result)
    return result


def _object_recipients(verb: Token, objects: list[Token], ctx: DocContext, result: Participants) -> None:
    """Whom the verb's objects name, or the phrases on them: 'demanded the ouster of President X', 'seized rifles
    from rebels', 'reaffirmed U.S. support for Haiti' (the backer is then the actor)."""
    for child in objects:
        named = _other_party(child, actors_of(child, ctx), result.actor, ctx)
        if _own_backing(child, verb):  # "reaffirmed U.S. support for ...": the backer, not the backed
            named = named or prep_objects(child, ctx, frozenset({"of"}))  # "reaffirmed the support of Norway"
            if named and not any(actor.country for actor in result.actor):
                result.take("actor", named, f"whose '{child.text}' it is")
            named = []
        result.take("recipient", named, f"{_object_kind(child, verb)} '{child.text}'")
        doers = _censured(child, verb, ctx) if verb.lemma_.lower() in CENSURING_VERBS else []
        if doers:  # "condemned the detention of fishermen by Ethiopia": aimed at Ethiopia, not the fishermen
            result.take("recipient", doers, f"who did the '{child.text}'")
            continue
        # "demanded the ouster of President X", "a camp for Malian refugees was raided": when the object names
        # no one, its "of" or "for" does (for an act's object, or when the actor is known)
        wider = not named and (child.lemma_.lower() in ACT_NOUNS or bool(result.actor))
        # "ended mediation efforts between A and B"
        preps = RECIPIENT_PREPS | {"of", "for", "between"} if wider else RECIPIENT_PREPS
        if child.lemma_.lower() in SPEECH_NOUNS:  # "turned down a plea from President X", "violated a ban by X"
            preps = preps | {"from", "by"}
        if verb.lemma_.lower() in ASKING_VERBS | TAKING_VERBS:  # "demanded self-rule from Spain", "seized rifles from X"
            preps = preps | {"from"}
        if child.lemma_.lower() in BACKING_NOUNS:  # "pledged full support for Seoul's efforts"
            preps = preps | {"for"}
            if _own_backing(child, verb):  # "reaffirmed the support of Norway for Chile": "of" is the backer
                preps = preps - {"of"}
        if child.lemma_.lower() in TOPIC_NOUNS:  # "exchanged views on Russian military activities": what, not whom
            preps = preps - {"on", "near", "around"}
        for part in (child, *(c for c in child.conjuncts if c.pos_ == "NOUN")):  # "violence and abuses of the regime"
            result.take("recipient", prep_objects(part, ctx, preps), f"prepositional object of '{part.text}'")
            if not result.recipient:  # not the actor itself: "a rocket fired by a terrorist" names who fired it
                doers = [actor for actor in _done_by(part, ctx) if all(actor.text != known.text for known in result.actor)]
                result.take("recipient", doers, f"who did the '{part.text}'")
            if not result.recipient and part.lemma_.lower() in RESTRICTION_NOUNS:
                result.take("recipient", _restricted(part, ctx), f"whose trade the '{part.text}' restricts")


TALKING_VERBS = frozenset({"discuss", "talk", "negotiate", "confer", "consult", "meet"})
AIMED_PREPS = frozenset({"against", "on", "into"})


def _aimed_at(verb: Token, objects: list[Token], ctx: DocContext, result: Participants) -> None:
    """'mobilized the army for a ground assault against X': whom what the act is for is aimed at."""
    aims = [pobj for holder in (verb, *objects) for prep in holder.children if prep.lower_ == "for" for pobj in prep.children]
    result.take("recipient", [a for aim in aims for a in prep_objects(aim, ctx, AIMED_PREPS)], "whom what it is for is aimed at")


def _the_other_side_of_a_talk(verb: Token, ctx: DocContext, result: Participants) -> None:
    """'received the UAE ambassador to discuss ...': the one received is the other side of the talk; 'invited the
    Kenyan minister to discuss ...': the minister talks, with the one who invited."""
    governor = verb.head
    if verb.dep_ == "xcomp" and _object_controller(governor) is not None and result.actor:
        result.take("recipient", subject_of(governor, ctx), f"who asked them to '{verb.text}'")
    elif verb.dep_ == "advcl":
        received = [child for child in governor.children if child.dep_ == "dobj"]
        result.take("recipient", [a for obj in received for a in actors_of(obj, ctx)], f"received or met to '{verb.text}'")


EXCEPTIONS = frozenset({"except", "excluding", "besides"})  # "a tariff on steel from all countries except Canada"
RESTRICTION_NOUNS = frozenset("ban embargo sanction restriction curb tariff boycott blockade moratorium".split())


def _restricted(noun: Token, ctx: DocContext) -> list[Actor]:
    """'a ban on imports of Egyptian products', 'the ban on doing business with ZTE': who the trade a restriction is put
    on belongs to, named deeper in its 'on' phrase."""
    holders = (noun, noun.head) if noun.dep_ == "dobj" else (noun,)  # "lifted the ban on ...", parsed on the verb
    preps = [prep for holder in holders for prep in holder.children if prep.dep_ == "prep" and prep.lower_ in ("on", "against")]
    inner = [t for prep in preps for t in prep.subtree if t.dep_ == "pobj" and t.head.i != prep.i and not exempted(t)]
    found: list[Actor] = []
    for pobj in inner:
        _merge(found, actors_of(pobj, ctx, pronouns=False))
    return found


def exempted(token: Token) -> bool:
    """'a duty on aluminium from every country except Chile and Peru': the countries left out."""
    return any(ancestor.lower_ in EXCEPTIONS for ancestor in token.ancestors)


def _done_by(noun: Token, ctx: DocContext) -> list[Actor]:
    """'condemned the threats made by the United States', 'investigate violations committed by the military', 'the
    holding of hostages by Hamas': the one a participle, or the noun's own 'by', names as the doer of the act (the
    parser may hang the participle on the noun's 'of': 'the shelling of villages carried out by ...')."""
    described = [noun, *(pobj for prep in noun.children if prep.lower_ == "of" for pobj in prep.children)]
    participles = [child for token in described for child in token.children if child.dep_ == "acl" and child.tag_ == "VBN"]
    agents = [agent for participle in participles for agent in participle.children if agent.dep_ == "agent"]
    agents += [prep for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "by"]
    return [actor for agent in agents for pobj in agent.children if pobj.dep_ == "pobj" for actor in actors_of(pobj, ctx)]


def _censured(obj: Token, verb: Token, ctx: DocContext) -> list[Actor]:
    """Who did the act a condemnation names: by a participle or 'by' ('condemned the detention of fishermen by Togo',
    also when the parser hangs the 'by' on the active verb), or as its owner ('condemned Russia's war against
    Ukraine'), not for an act that befalls its owner ('Nasrallah's killing')."""
    active = not any(child.dep_ == "auxpass" for child in verb.children)
    owners = [child for child in obj.children if child.dep_ == "poss"] if obj.lemma_.lower() not in PATIENT_NOUNS else []
    owned = [actor for owner in owners for actor in actors_of(owner, ctx)]
    return _done_by(obj, ctx) or owned or (prep_objects(verb, ctx, frozenset({"by"})) if active else [])


def _objects(verb: Token) -> list[Token]:
    """What the verb acts on: its objects, a passive subject, 'up to 16 advisers'; a coordinated verb's object."""
    objects = [child for child in verb.children if child.dep_ in ("dobj", "dative", "attr", "nsubjpass")]
    if holds_an_attitude(verb):  # "is opposed to the plan": what is opposed follows 'to'
        objects = [pobj for prep in verb.children if prep.lower_ in ("to", "in") for pobj in prep.children if pobj.dep_ == "pobj"]
    if verb.lemma_.lower() in TOPIC_VERBS:  # "discussed Syria-related topics": Syria is what, not whom
        objects = [child for child in objects if child.dep_ != "dobj"]
    objects += _counted_up_to(verb)
    if verb.lemma_.lower() in PHRASAL_SPEECH | {"ask"}:  # "called for the withdrawal of Syrian forces": the act asked for
        objects += [t for p in verb.children if p.lower_ == "for" for t in p.children if t.lemma_.lower() in ACT_NOUNS]
    if _described_by_participle(verb):  # "two politicians accused of selling votes": the politicians were accused
        objects.append(verb.head)
    if shares_a_passive(verb):
        objects.extend(child for child in verb.head.children if child.dep_ == "nsubjpass")
    if not objects:  # "rammed and boarded Philippine boats": coordinated verbs share the object
        conjuncts = [conj for conj in verb.children if conj.dep_ == "conj" and conj.pos_ == "VERB" and not has_subject(conj)]
        objects = [obj for conj in conjuncts for obj in conj.children if obj.dep_ == "dobj"]
    return objects


def _object_kind(obj: Token, verb: Token) -> str:
    if obj.i == verb.head.i:
        return f"the noun '{verb.text}' describes:"
    return "passive subject" if obj.dep_ == "nsubjpass" else "object"


def _described_by_participle(verb: Token) -> bool:
    """A past participle describing a noun ('politicians accused of fraud', 'a convoy attacked near Kabul') tells what
    the noun underwent; not the main verb the parser missed ('Hundreds of people protested in Lagos')."""
    participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children))
    return verb.dep_ == "acl" and participle and verb.head.pos_ in ("NOUN", "PROPN") and not misparsed_main_verb(verb)


def _object_chain_recipients(objects: list[Token], ctx: DocContext, result: Participants) -> None:
    """The 'to' of the nouns an object is counted in or made of: '10 million euros in aid to X', '$5 million worth
    of equipment to X'."""
    for obj in objects:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "worth"):
                for noun in (pobj for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"):
                    result.take("recipient", prep_objects(noun, ctx, frozenset({"to"})), f"'{noun.text} to ...' in the object")


def _other_party(pronoun: Token, named: list[Actor], actors: list[Actor], ctx: DocContext) -> list[Actor]:
    """'Biden spoke with Kishida to congratulate him': an object pronoun is not the subject it would resolve to (that
    would be 'himself'), but the other party of the last event, when the same sentence names it."""
    own = {actor.code for actor in actors}
    if pronoun.lower_ not in OBJECT_PRONOUNS or not named or not own or {actor.code for actor in named} - own:
        return named
    sentence = pronoun.sent.text
    return [party for party in ctx.last_parties if party.code not in own and party.text in sentence][:1]


def _placed(actors: list[Actor]) -> bool:
    """Any actor whose state is known or that is no state organ (a group of no country still says who)."""
    return any(not actor.code.startswith(UNKNOWN_STATE) for actor in actors)


def _counted_up_to(verb: Token) -> list[Token]:
    """'kidnapped up to 16 Russian advisers': the parser reads 'up' as a particle and the object as its 'to'."""
    particles = [child for child in verb.children if child.dep_ == "prt" and child.lower_ == "up"]
    preps = [prep for particle in particles for prep in particle.children if prep.dep_ == "prep" and prep.lower_ == "to"]
    return [pobj for prep in preps for pobj in prep.children if pobj.dep_ == "pobj" and any(c.like_num for c in pobj.children)]


def _indirect_recipients(verb: Token, ctx: DocContext, result: Participants) -> None:
    """'broke her pledge to the Malawian voters': the one an abstract object is owed to; 'threatened to
    quit the talks if Britain presses on': the one a condition is put to."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS | {"for"}:  # "mobilized the army for an assault against X"
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    owed = prep_objects(pobj, ctx, frozenset({"to", "against"}))
                    result.take("recipient", owed, f"'{pobj.text} to/against ...'")
    clauses = [verb, *(child for child in verb.children if child.dep_ == "xcomp")]
    conditions = [c for clause in clauses for c in clause.children if c.dep_ == "advcl" and is_conditional(c)]
    for condition in conditions:
        for subject in condition.children:
            if subject.dep_ in ("nsubj", "nsubjpass"):
                result.take("recipient", actors_of(subject, ctx, pronouns=False), f"subject of the condition '{condition.text}'")


def _complement_recipients(verb: Token, ctx: DocContext, result: Participants, purpose: bool = False) -> None:
    """'demanded that Japan drop the plan', 'offered to turn them over to France': the recipient sits in the complement;
    with ``purpose``, also in a purpose clause ('opened fire to disperse demonstrators'); an invitation or offer
    accepted or refused names its other party in its own clause ('took up an offer to talk with President Lula')."""
    proposed = [obj for obj in verb.children if obj.dep_ == "dobj" and obj.lemma_.lower() in PROPOSAL_NOUNS]
    proposals = [clause for obj in proposed for clause in obj.children if clause.dep_ == "acl" and is_infinitive(clause)]
    for clause in (*verb.children, *proposals):
        if clause.dep_ == "ccomp" or _for_someone_to(clause):  # "called for Israel to halt strikes"
            for subject in clause.children:
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    result.take("recipient", actors_of(subject, ctx, pronouns=False), f"subject of the clause '{clause.text}'")
        elif clause.dep_ == "xcomp" or clause in proposals or (purpose and clause.dep_ == "advcl" and is_infinitive(clause)):
            result.take("recipient", prep_objects(clause, ctx, RECIPIENT_PREPS), f"prepositional object of '{clause.text}'")
            for obj in clause.children:
                if obj.dep_ in ("dobj", "dative"):
                    result.take("recipient", actors_of(obj, ctx, pronouns=False), f"object of '{clause.text}'")
                    # "vowed to keep up arms deliveries to Chad", "to demand the resignation of President X"
                    preps = RECIPIENT_PREPS | {"of"} if obj.lemma_.lower() in ACT_NOUNS else RECIPIENT_PREPS
                    result.take("recipient", prep_objects(obj, ctx, preps), f"prepositional object of '{obj.text}'")


def _for_someone_to(clause: Token) -> bool:
    """'called for the government to resign': an infinitive clause whose subject comes after 'for'."""
    return clause.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ == "for" for child in clause.children)


PROPOSAL_NOUNS = frozenset({"invitation", "offer", "proposal", "request", "appeal", "overture"})


def is_infinitive(verb: Token) -> bool:
    """A verb with 'to' before it ('to release', 'to disperse')."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def noun_participants(noun: Token, ctx: DocContext) -> Participants:
    result = Participants(reciprocal=any(child.lower_ in RECIPROCAL_WORDS for child in noun.children))
    # "Nasrallah's killing", "her arrest": who underwent it; not "Israel's killing of the Hezbollah leader"
    of_phrase = any(child.dep_ == "prep" and child.lower_ == "of" for child in noun.children)
    patient = noun.lemma_.lower() in PATIENT_NOUNS and not of_phrase
    for child in noun.children:
        if child.dep_ == "poss" and patient:
            result.take("recipient", actors_of(child, ctx), f"'{child.text} {noun.text}' (who underwent it)")
        elif child.dep_ == "poss" and child.lower_ in PRONOUNS:
            # "China and Russia flew their first joint patrol": the possessor is the clause's subject
            found = _governing_actors(noun, ctx, False) or actors_of(child, ctx)
            result.take("actor", found, f"'{child.text}' in '{child.text} {noun.text}'")
        elif child.dep_ in ("poss", "compound", "amod", "nmod") and child.ent_type_:
            result.take("actor", actors_of(child, ctx), f"modifier '{child.text}' of '{noun.text}'")
    if noun.dep_ == "compound":  # "the Chinese government's assistance package": the package's owner gave it
        owners = [child for child in noun.head.children if child.dep_ == "poss" and child.lower_ not in PRONOUNS]
        for owner in owners:
            result.take("actor", actors_of(owner, ctx), f"'{owner.text}' in '{owner.text} ... {noun.head.text}'")
    _between(noun, ctx, result)
    if noun.lemma_.lower() in ACTS_ON_WHAT_OF_NAMES | CENSURE_NOUNS:  # "ordered the arrest of the former prime minister"
        result.take("recipient", prep_objects(noun, ctx, frozenset({"of"})), f"'{noun.text} of ...' (who underwent it)")
        result.take("actor", prep_objects(noun, ctx, frozenset({"by"})), f"'{noun.text} by ...'")
    else:
        result.take("actor", prep_objects(noun, ctx, frozenset({"by", "from", "of"})), f"'{noun.text} by/of ...'")
    if not result.actor:  # "the strikes carried out by Turkey were condemned by Iraq": Turkey struck
        result.take("actor", _done_by(noun, ctx), f"who did the '{noun.text}'")
    if (undergoing := undergoing_verb(noun)) is not None:  # "Vucic is facing charges", "died of torture"
        result.take("recipient", subject_of(undergoing, ctx), f"who is under, faces or died of '{noun.text}'")
    elif not result.actor:
        result.take("actor", _governing_actors(noun, ctx, result.reciprocal), f"the clause '{noun.text}' belongs to")
    elif noun.lemma_.lower() in MOVEMENT_NOUNS and not _placed(result.actor):
        _owner_of_the_forces_moved(noun, ctx, result)
    _noun_recipients(noun, ctx, result)
    return result


# Protests, whose target is whoever did what they are against (not "an attack on a patrol by X": X attacked)
PROTEST_NOUNS = frozenset("protest demonstration rally march strike boycott".split())
MOVEMENT_NOUNS = frozenset("withdrawal pullout pullback redeployment deployment evacuation".split())


def _owner_of_the_forces_moved(noun: Token, ctx: DocContext, result: Participants) -> None:
    """'Britain sped up the withdrawal of its combat forces': forces no name places are the forces of
    the state that moves them, the subject of the clause."""
    owners = _governing_actors(noun, ctx, result.reciprocal)
    if _placed(owners):
        result.actor.clear()
        result.how[:] = [line for line in result.how if not line.startswith("actor ")]
        result.take("actor", owners, f"who moves the forces of '{noun.text}': the clause it belongs to")


def _noun_recipients(noun: Token, ctx: DocContext, result: Participants) -> None:
    """Who a nominal event is aimed at: its own prepositional object, else its verb's, a passive subject, whose trade a
    restriction names, the subject of a clause it introduces; the first that names anyone."""
    # a joint drill "near the Armenian border" is held near Armenia, not with it
    preps = RECIPIENT_PREPS - {"near", "around"} if result.reciprocal else RECIPIENT_PREPS
    if noun.lemma_.lower() in BACKING_NOUNS:  # "stressed its full support for a Sudanese-led process"
        preps = preps | {"for"}
    result.take("recipient", prep_objects(noun, ctx, preps), f"prepositional object of '{noun.text}'")
    if not result.recipient and noun.lemma_.lower() in PROTEST_NOUNS:  # "demonstrations against violations by X"
        acts = [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in preps for pobj in prep.children]
        doers = [actor for act in acts for actor in prep_objects(act, ctx, frozenset({"by"}))]
        result.take("recipient", doers, "who did what it is against")
    if not result.recipient and noun.dep_ == "dobj":  # "opened fire on demonstrators", "launched strikes against X"
        verb = noun.head
        result.take("recipient", prep_objects(verb, ctx, preps), f"prepositional object of '{verb.text} {noun.text}'")
        if not result.recipient:  # "opened fire to disperse demonstrators"
            _complement_recipients(verb, ctx, result, purpose=True)
    if not result.recipient and noun.dep_ == "pobj":
        _recipients_of_the_verb_phrase(noun, ctx, result)
    if not result.recipient and noun.dep_ == "nsubj":  # "the strikes hit Kurdish fighters", "sanctions hit Russian banks"
        hit = [child for child in noun.head.children if child.dep_ == "dobj"]
        struck = [actor for obj in hit for actor in actors_of(obj, ctx)]
        result.take("recipient", struck, f"what the '{noun.text}' {noun.head.text}")
    if not result.recipient and noun.lemma_.lower() in RESTRICTION_NOUNS:  # "an embargo on imports of Russian oil"
        result.take("recipient", _restricted(noun, ctx), f"whose trade the '{noun.text}' restricts")
    for clause in noun.children:  # "its demand that Israel ease restrictions"
        if clause.dep_ in ("acl", "ccomp") and not result.recipient:
            subjects = [child for child in clause.children if child.dep_ in ("nsubj", "nsubjpass")]
            for subject in subjects:
                result.take("recipient", actors_of(subject, ctx, pronouns=False), f"subject of the clause '{clause.text}'")


def _recipients_of_the_verb_phrase(noun: Token, ctx: DocContext, result: Participants) -> None:
    """'used civilians as human shields': the object used; 'was hit by a cyberattack', 'was killed in a drone strike':
    the passive subject, who underwent the act the phrase names; 'were involved in the attack': the subject, who did
    it (the actor)."""
    preposition, verb = noun.head, noun.head.head
    if preposition.lower_ == "as":
        undergoing = [child for child in verb.children if child.dep_ == "dobj"]
    elif holds_an_attitude(verb):  # "Iranian agents were involved in the attack": they did it
        result.take("actor", subject_of(verb, ctx), f"subject of '{verb.text} {preposition.text}'")
        return
    elif preposition.lower_ in ("by", "in") and any(child.dep_ == "auxpass" for child in verb.children):
        undergoing = [child for child in verb.children if child.dep_ == "nsubjpass"]
    elif preposition.lower_ == "in" and verb.lemma_.lower() in DYING_VERBS:  # "a civilian died in a drone strike"
        undergoing = [child for child in verb.children if child.dep_ == "nsubj"]
    else:
        return
    for obj in undergoing:
        how = f"'{obj.text}' {verb.text} {preposition.text} '{noun.text}'"
        result.take("recipient", actors_of(obj, ctx, pronouns=False), how)


# States a verb's subject puts someone under: "closed a village under lockdown", "placed the town under curfew"
IMPOSED_STATES = frozenset({"lockdown", "curfew", "siege", "blockade", "quarantine", "surveillance"})


def _between(noun: Token, ctx: DocContext, result: Participants) -> None:
    """'Talks between A and B': A and B together; 'mediation (efforts) between A and B': A and B receive it."""
    between = prep_objects(noun, ctx, frozenset({"between", "among"}))
    if not between and noun.dep_ in ("compound", "nsubj"):  # "a mediation effort between ...", "clashes broke out between"
        between = prep_objects(noun.head, ctx, frozenset({"between", "among"}))
    if not between and noun.lemma_ in THIRD_PARTY_NOUNS:  # "a mediation bid to settle the feud between A and B"
        effort = noun.head if noun.dep_ == "compound" else noun
        rifts = {prep.head for prep in effort.subtree if prep.dep_ == "prep" and prep.lower_ in ("between", "among")}
        between = [actor for rift in rifts for actor in prep_objects(rift, ctx, frozenset({"between", "among"}))]
    if between and noun.lemma_ in THIRD_PARTY_NOUNS:
        result.take("recipient", between, f"'{noun.text} between ...'")
    elif between:
        result.reciprocal = True
        result.take("actor", between, f"'{noun.text} between ...'")


def _governing_actors(noun: Token, ctx: DocContext, reciprocal: bool) -> list[Actor]:
    """Actors of a nominal event from the clause around it.

    "Hegseth held talks" and "During a trip to Tokyo, Hegseth said" take the verb's subject; a joint
    activity ("accompanied Russian bombers in a joint patrol") also takes the nouns on the way up.
    """
    found: list[Actor] = []
    token = noun
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ == "acomp" and token.lemma_.lower() == "responsible":  # "X is responsible for the massacres"
            _merge(found, subject_of(head, ctx))
            break
        if head.pos_ in ("VERB", "AUX") and noun.lemma_.lower() == "alert" and head.lemma_.lower() in ("put", "place"):
            placed = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]  # "the army was put on alert"
            alerted = [actor for c in placed for actor in actors_of(c, ctx)]
            _merge(found, alerted if any(a.country for a in alerted) else subject_of(head, ctx) or alerted)  # "its forces"
            break
        if head.pos_ in ("VERB", "AUX"):
            if token.dep_ in ("dobj", "nsubjpass", "attr", "npadvmod", "conj") or _frames(token, head, noun):
                _merge(found, subject_of(head, ctx, pronouns=head.lemma_ not in ("be", "describe", "say", "call", "monitor")))
            break
        if reciprocal and head.pos_ in ("NOUN", "PROPN"):
            _merge(found, actors_of(head, ctx))
        token = head
    return found


def _frames(token: Token, verb: Token, noun: Token) -> bool:
    """The word through which a verb's subject is the nominal event's actor: 'During a trip to Tokyo, Hegseth said',
    'flew to Paris for talks', 'took part in protests', 'closed a village under lockdown', 'are out on strike', 'are
    behind the attack'."""
    word = token.lower_
    travelled = word == "for" and verb.lemma_.lower() in TRAVEL_VERBS
    meeting = noun.lemma_ in MEETING_NOUNS and (word == "in" or travelled)
    joined = word == "in" and _taking_part(verb)  # "thousands took part in protests"
    imposed = word == "under" and noun.lemma_.lower() in IMPOSED_STATES and has_object(verb)
    if token.dep_ == "prep" and (word in FRAMING_PREPS or meeting or joined or imposed):
        return True
    return word == "out" or (word == "behind" and verb.lemma_ == "be")


def _taking_part(verb: Token) -> bool:
    """'took part in', 'participated in', 'joined in', 'engaged in': the subject is among those who acted."""
    lemma = verb.lemma_.lower()
    return lemma in ("participate", "engage", "join") or (lemma == "take" and any(c.lemma_ == "part" for c in verb.children))


# Prepositions that set an act beside the one told, as its time or cause: "withdrew after the recent attacks"
FRAMING_TIMES = frozenset({"after", "before", "since", "following", "during", "amid", "despite", "until"})


def unknown_named_subject(trigger: Token, acronyms: bool = True) -> str | None:
    """The name of a person or organisation the KB does not know that did the act ('Suharto resigned')."""
    verb = trigger
    if is_nominal(trigger):  # "the ELN declared a ceasefire"; not "withdrew after the recent attacks"
        if any(t.dep_ == "prep" and t.lower_ in FRAMING_TIMES for t in trigger.ancestors):
            return None
        verb = next((t for t in trigger.ancestors if t.pos_ in ("VERB", "AUX")), trigger)
    subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
    if subject is None and verb.i == trigger.i:  # "Mutesi was detained": the act befell a named person
        subject = next((child for child in verb.children if child.dep_ == "nsubjpass"), None)
    if subject is not None and acronyms and acronym(subject):  # "the ELN declared a ceasefire": an organisation's initials
        return subject.text
    named_in = [child for child in subject.children if child.dep_ in ("compound", "nmod")] if subject is not None else []
    if subject is not None and not subject.ent_type_ and any(child.ent_type_ == "ORG" for child in named_in):
        subject = next(child for child in named_in if child.ent_type_ == "ORG")  # "the FARC political wing"
    if subject is not None and subject.lemma_.lower() in GROUP_ROLES:  # "Members of the Union of Arab Lawyers"
        groups = [t for prep in subject.children if prep.lower_ == "of" for t in prep.children if t.dep_ == "pobj"]
        subject = groups[0] if groups else subject
    if subject is not None and untagged_name(subject):  # "Papandreou agreed to resign", the tagger missing the name
        return " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
    if subject is None or subject.ent_type_ not in ("PERSON", "ORG", "NORP"):  # "Shiites have demanded ..."
        return None
    return " ".join(t.text for t in subject.subtree if t.ent_type_ == subject.ent_type_)


def participants(trigger: Token, ctx: DocContext) -> Participants:
    """Actors and recipients of a trigger; an actor never also appears as its own recipient."""
    found = noun_participants(trigger, ctx) if is_nominal(trigger) else verb_participants(trigger, ctx)
    settle(found)
    return found


COMPELLING_VERBS = frozenset({"order", "force", "compel", "require", "instruct", "direct", "oblige"})
COMPELLED_TYPES = frozenset({"COERCE", "SANCTION"})


def compelled(trigger: Token, found: Participants, ctx: DocContext, event_type: str) -> Participants:
    """'The junta ordered the daily El Sol to stop printing', 'forced the mission to close': a coercive act done
    on someone's order is the act of the one who ordered it, on the one ordered (the grammatical subject of the
    infinitive undergoes it). Other acts keep their doer: 'ordered troops to attack the village' is the troops'."""
    head = trigger.head
    if event_type not in COMPELLED_TYPES or trigger.dep_ != "xcomp" or head.lemma_.lower() not in COMPELLING_VERBS:
        return found
    controller = _object_controller(head)
    orderer = subject_of(head, ctx)
    if controller is None or not orderer:
        return found
    ordered = actors_of(controller, ctx)
    why = f"ordered by the subject of '{head.text}'"
    result = Participants()
    result.take("actor", orderer, why)
    result.take("recipient", [actor for actor in ordered if actor not in orderer], f"the object of '{head.text}'")
    return result


ALLEGING_VERBS = frozenset({"say", "claim", "charge", "allege", "insist", "state", "assert", "contend", "accuse", "complain"})


def alleged_by_reporter(trigger: Token, ctx: DocContext) -> Participants | None:
    """'Switzerland said that Palau had violated several treaties': the one who says it accuses the one said to have
    done it (CAMEO 112, PLOVER ACCUSE); a wrongdoing told by the writer alone is no one's accusation (None)."""
    reporter = trigger.head
    if trigger.dep_ != "ccomp" or reporter.lemma_.lower() not in ALLEGING_VERBS:
        return None
    result = Participants()
    result.take("actor", subject_of(reporter, ctx), f"who said it ('{reporter.text}')")
    accused = [child for child in trigger.children if child.dep_ == "nsubj"]
    result.take("recipient", [a for c in accused for a in actors_of(c, ctx)], f"said to have done it ('{trigger.text}')")
    return result if result.actor else None


MOVED_FORCE_TYPES = frozenset({"MOBILIZE", "RETREAT"})


def moved_forces(trigger: Token, found: Participants, ctx: DocContext, event_type: str) -> None:
    """'Russian troops were sent to Belarus', 'Israeli forces were pulled out of Gaza': forces named as the ones moved,
    with no one named as moving them, are their own side's deployment or withdrawal, not its recipient."""
    if event_type not in MOVED_FORCE_TYPES or found.actor:
        return
    moved = [child for child in trigger.children if child.dep_ == "nsubjpass"]
    forces = [actor for child in moved for actor in actors_of(child, ctx) if actor.sector == "MIL"]
    if forces:
        found.recipient = [actor for actor in found.recipient if actor not in forces]
        found.take("actor", forces, f"the forces moved ('{trigger.text}', passive)")


def settle(found: Participants) -> None:
    """Final shape: a state's own forces are not its recipient; joint acts list every party as actor.

    "The U.S. dispatched B-52s" has the US military as the object: the actor becomes USAMIL and there
    is no recipient. Within one country, a state organ acting on a non-state group or the reverse keeps
    its recipient: police detaining residents, the army striking rebels, the Taliban attacking an
    Afghan army base. A joint activity with one named actor and one recipient has two actors.
    """
    state_countries = {actor.country for actor in found.actor if actor.sector in STATE_SECTORS}
    own = [actor for actor in found.recipient if actor.country in state_countries and actor.sector in STATE_SECTORS]
    found.recipient = [actor for actor in found.recipient if actor not in own]
    for index, actor in enumerate(found.actor):
        better = next((o for o in own if o.country == actor.country and actor.code == actor.country and o.sector), None)
        if better is not None:
            found.actor[index] = better
    if found.reciprocal and found.recipient:
        _merge(found.actor, found.recipient)
        found.recipient = []
