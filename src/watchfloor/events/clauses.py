"""Clause shapes, read off the parse as it is, not as it should be: misparsed main verbs and infinitives,
verbs joined to one of another person, acts done by way of another, what someone underwent or died of, names the
tagger missed. Predicates on tokens only; who the parties are is for ``participants``."""

from __future__ import annotations

from spacy.tokens import Token

from watchfloor.geo.resolve import is_english_word

# Acts done without an object: a participle of one with no passive marker is active ("people protested")
INTRANSITIVE_ACTS = frozenset({"protest", "march", "rally", "demonstrate", "riot", "strike", "clash", "gather", "mutiny"})


ATTITUDE_PARTICIPLES = frozenset({"oppose", "engage", "involve"})


THIRD_PERSON_SINGULAR, OTHER_PRESENT = "VBZ", frozenset({"VBP", "VB"})


def agreeing_verb_above(verb: Token) -> Token | None:
    """'They back reforms in Haiti, agree that Venezuela never acquires missiles, and back the independence of
    Guyana': the parser joins the last 'back' to 'acquires', whose subject it cannot have ('They ... back', not
    'Venezuela ... back'). A verb joined to one of another person or tense is the coordinate of a verb further up
    that agrees with it; None when the two agree or nothing above does."""
    head = verb.head
    while head.dep_ == "conj" and not has_subject(head) and head.head.i != head.i:  # "develops or acquires"
        head = head.head
    if not has_subject(head) or not _disagree(verb, head):
        return None
    return next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX") and has_subject(a) and not _disagree(verb, a)), None)


def _disagree(verb: Token, other: Token) -> bool:
    """Person or tense that cannot share a subject: 'Iran acquires' and 'support'; 'for the DPRK to refrain' and
    'reaffirmed'."""
    forms = {verb.tag_, other.tag_}
    infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in other.children)
    return (THIRD_PERSON_SINGULAR in forms and bool(forms & OTHER_PRESENT)) or (verb.tag_ == "VBD" and infinitive)


def has_subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


def done_by_way_of(verb: Token) -> bool:
    """'resorted to hurling rocks', 'responded by firing rockets': the act is the governing verb's subject's own
    (not in 'accused Y of killing', where Y is the one said to have done it)."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.dep_ != "prep" or preposition.lower_ not in ("to", "by"):
        return False
    governor = preposition.head
    if governor.lemma_.lower() not in RESPONDING_VERBS:  # not "kept services going by providing food"
        return False
    return governor.pos_ == "VERB" and not any(child.dep_ in ("dobj", "nsubjpass") for child in governor.children)


# Verbs whose subject answers or acts by way of another act: "responded by firing", "resorted to throwing"
RESPONDING_VERBS = frozenset({"respond", "retaliate", "react", "reply", "answer", "protest", "resort", "hit"})


def holds_an_attitude(verb: Token) -> bool:
    """'Russia is opposed to NATO's expansion', 'militias were involved in mass expulsions': a passive in form
    whose subject holds the stance or does the act (a state, not an act done to it)."""
    return (
        verb.lemma_.lower() in ATTITUDE_PARTICIPLES
        and any(child.dep_ == "nsubjpass" for child in verb.children)
        and not any(child.dep_ == "agent" for child in verb.children)
    )


def conjoined_to_the_report(verb: Token) -> bool:
    """A past-tense verb the parser joined to the bare verb of a reported 'must' or 'should' clause, as in 'reiterated
    that Hamas must release all hostages, and asked for the King's assistance': it continues the report."""
    head = verb.head
    modal = any(child.dep_ == "aux" and child.tag_ == "MD" for child in head.children)
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and head.tag_ == "VB" and modal and head.dep_ == "ccomp"


def subject_of_an_infinitive_misparsed(verb: Token) -> bool:
    """'spoke with Prime Minister Kishida to congratulate him': the parser makes Kishida the subject of the
    infinitive inside the 'with' phrase; only 'for X to ...' gives an infinitive its own subject, so the one who
    congratulates is the subject of 'spoke'."""
    infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    preposition = verb.head
    return infinitive and verb.dep_ == "pcomp" and preposition.lower_ != "for" and preposition.head.pos_ in ("VERB", "AUX")


def with_misparsed_as_mark(verb: Token) -> Token | None:
    """'met today with Foreign Minister Ruiz of Paraguay to stress ...': the parser makes 'with' the mark of the
    infinitive and Ruiz its subject. The one met (returned) is the object of 'with'; the one who stresses is the
    subject of 'met'."""
    infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    marked = any(child.dep_ == "mark" and child.lower_ == "with" for child in verb.children)
    if not (infinitive and marked and verb.dep_ == "advcl"):
        return None
    return next((child for child in verb.children if child.dep_ == "nsubj"), None)


def misparsed_main_verb(verb: Token) -> bool:
    """'Hundreds of people protested in Lagos': the small model reads a sentence whose subject starts with a number
    as a noun phrase ('people' the root, 'protested' a participle modifying it). In a sentence with no verb as
    root, a participle that takes an object or is one of the acts done without one is its main verb, and the
    root its subject (so is one followed by the day, as news dates its verbs); a bare transitive participle stays
    passive ('Hundreds of people killed in floods')."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.dep_ != "ROOT" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(child.dep_ in ("agent", "auxpass") for child in verb.children):
        return False
    # "A state-run Iraqi daily urged Monday on Gulf states to act": a day right after it makes it news prose's verb
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else verb
    dated = following.ent_type_ == "DATE" and following.head == verb
    # "A Senate inquiry called for an embargo": a speech verb and its own preposition
    phrasal = verb.lemma_.lower() in PHRASAL_SPEECH and following.head == verb and following.lower_ in ("for", "on")
    return dated or phrasal or verb.lemma_.lower() in INTRANSITIVE_ACTS or any(child.dep_ == "dobj" for child in verb.children)


PHRASAL_SPEECH = frozenset({"call", "appeal", "press", "push", "urge", "plead"})


def stranded_object(prep: Token) -> Token | None:
    """'granted asylum to three Bolivian dissidents hiding in ...': the parser leaves 'to' without an object and
    makes the officers the subject of a clause of their own; the noun right after the preposition is its object."""
    if any(child.dep_ in ("pobj", "pcomp") for child in prep.children) or prep.i + 1 >= len(prep.doc):
        return None
    noun = prep.doc[prep.i + 1]
    while noun.dep_ in ("det", "nummod", "amod", "compound", "poss") and noun.head.i > noun.i:
        noun = noun.head
    clause = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and clause.i > noun.i and clause.head == prep.head and clause.dep_ == "advcl":
        return noun
    return None


UNDERGOING_VERBS = frozenset({"face", "suffer", "endure", "undergo"})


def undergoing_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the act: the object of 'face' or 'suffer', 'under attack' with no object put
    under it, or what someone died of ('died as a result of torture')."""
    if noun.dep_ == "dobj":
        return noun.head if noun.head.lemma_.lower() in UNDERGOING_VERBS else None
    preposition = noun.head
    under = noun.dep_ == "pobj" and preposition.lower_ == "under" and preposition.head.pos_ in ("VERB", "AUX")
    if under and not has_object(preposition.head):
        return preposition.head
    return _death_caused(noun)


DYING_VERBS = frozenset({"die", "perish", "succumb"})


def _death_caused(noun: Token) -> Token | None:
    """'died of torture', 'died as a result of torture', 'died from wounds': the verb of dying the act caused."""
    token = noun
    while token.dep_ == "pobj" and token.head.dep_ == "prep":
        governor = token.head.head
        if governor.lemma_.lower() in DYING_VERBS:
            return governor
        token = governor
    return None


def has_object(verb: Token) -> bool:
    """'closed a village under lockdown' puts its object under it; 'the city remained under siege' undergoes it."""
    return any(child.dep_ == "dobj" for child in verb.children)


def untagged_name(token: Token) -> bool:
    """A proper noun no entity label covers and no dictionary holds: a name the tagger missed."""
    return token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper() and not is_english_word(token.text)


def acronym(token: Token) -> bool:
    """Capital initials with no entity label ('the ELN', 'the SPLA'); not a title ('MS. JEAN-PIERRE')."""
    title = token.i + 1 < len(token.doc) and token.nbor(1).text == "."
    initials = token.pos_ == "PROPN" and token.is_upper and token.is_alpha and 2 <= len(token) <= 6
    return initials and token.ent_type_ in ("", "ORG", "GPE") and not title  # "UNDOF" tagged a place
