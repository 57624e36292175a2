"""PLOVER's auxiliary modes: is a statement history, a plan, a hypothesis or a denial?

Background is not news: "Established in 1951, the alliance..." must not count as an event of the
publication week. The rules use the verb's own modifiers first (negation, modals, future
auxiliaries), then the resolved date against the publication date.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from watchfloor.events.lexicon import is_nominal
from watchfloor.records import Aux, DateSpan

HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should"})
POSSIBLE_WORDS = frozenset({"potential", "possible", "hypothetical", "prospective", "feared"})
FUTURE_WORDS = frozenset({"will", "shall", "'ll"})
FUTURE_VERBS = frozenset({"plan", "intend", "expect", "schedule", "prepare", "aim", "seek"})
HISTORICAL_CUES = (
    "established in",
    "founded in",
    "signed in",
    "dates back",
    "dates to",
    "since the",
    "has long",
    "have long",
    "long-standing",
    "historically",
)
HISTORY_AGE = timedelta(days=365)
REPORTING_VERBS = frozenset(
    "say announce tell state declare insist add report claim stress affirm confirm indicate reiterate write".split()
)
# Intentions stated in a noun ("announced plans to withdraw", "an offer to mediate"): the act is only promised
PROMISED_NOUNS = frozenset(
    {"plan", "intention", "commitment", "pledge", "promise", "willingness", "readiness", "offer", "threat"}
)
COMMITMENT_VERBS = frozenset({"threaten", "vow", "promise", "pledge", "offer", "agree", "undertake", "warn"})
# "committed to deepen cooperation" promises; "committed abuses" is a deed, so "commit" counts only with an infinitive
INFINITIVE_COMMITMENTS = COMMITMENT_VERBS | {"commit"}
UNDERTAKING_VERBS = frozenset({"undertake"})  # a promise with an infinitive ("undertook to mediate"), a deed with a noun
READINESS_WORDS = frozenset({"willing", "ready", "prepared", "determined", "eager", "poised", "keen"})
FUTURE_IN_REPORT = frozenset({"will", "would", "'ll", "'d", "shall"})
CLOSING_MARKS = frozenset({'"', "'", "”", "’", ")"})
NEGATING_VERBS = frozenset(
    {"refuse", "fail", "reject", "decline", "cancel", "postpone", "suspend", "halt", "deny", "thwart", "foil", "prevent", "avert"}
)


REFUSAL_NOUNS = frozenset({"refusal", "failure", "reluctance", "unwillingness"})


def _denied_by_governor(trigger: Token) -> bool:
    """'refused to lift sanctions', 'failed to reach agreement', 'cancelled a planned visit', 'Kenya's refusal to
    extradite the suspect', 'has no plans to attack': the act did not happen."""
    verb = governing_verb(trigger) if is_nominal(trigger) else trigger.head if trigger.dep_ == "xcomp" else None
    if _denying_noun(verb if is_nominal(trigger) and verb is not None else trigger):
        return True
    return verb is not None and verb is not trigger and verb.lemma_.lower() in NEGATING_VERBS


PERMITTING_VERBS = frozenset({"allow", "let", "permit", "enable"})


def _denied_above(trigger: Token) -> bool:
    """'refused to let Red Cross aircraft touch down and fly out the injured': an act joined to, or permitted by, a denied one
    did not happen either."""
    act = trigger
    for _ in range(3):
        joined = act.dep_ == "conj" and act.tag_ == "VB"  # "to land and evacuate"; not "refused ... and attacked"
        permitted = act.dep_ == "ccomp" and act.head.lemma_.lower() in PERMITTING_VERBS
        if not (joined or permitted) or act.head.pos_ != "VERB":
            return False
        act = act.head
        if _denied_by_governor(act):
            return True
    return False


def _denying_noun(act: Token) -> bool:
    """The noun an act hangs on denies it: 'Kenya's refusal to extradite', 'its failure to reach agreement', 'has no
    intention of withdrawing', 'no plans to attack'."""
    if act.dep_ == "acl":
        noun = act.head
    elif act.dep_ == "pcomp" and act.head.lower_ == "of":
        noun = act.head.head
    else:
        return False
    return noun.lemma_.lower() in REFUSAL_NOUNS or any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children)


def reported_verb(trigger: Token) -> Token | None:
    """The verb of the clause a reporting verb introduces ("Syria said it would ..."), or None."""
    verb = _act_verb(trigger)
    if verb is None:
        return None
    head = verb.head
    if verb.dep_ == "ccomp" and head.pos_ != "NOUN" and head.lemma_ in REPORTING_VERBS:
        return verb
    if verb.dep_ in ("ccomp", "acl") and head.lemma_.lower() in REPORTING_NOUNS and head.dep_ == "dobj":
        return verb  # "sent a firm note to Togo that it must reopen the border"
    return None


# Nouns of saying that introduce what was said, as the object of the verb that says it
REPORTING_NOUNS = frozenset({"reminder", "warning", "message", "statement", "declaration", "insistence"})


def _stated_intention(trigger: Token, clause: list[Token]) -> bool:
    """'Syria is willing to withdraw', 'they said they would meet the mediator': an intention stated today.

    A conditional in reported speech ("would meet him if ...") is still the statement of an intention.
    """
    verb = _act_verb(trigger)  # "willing to hold talks", "willing to send material to help defend Saudi Arabia"
    for _ in range(3):
        if verb is None or verb.dep_ not in ("xcomp", "advcl") or verb.tag_ != "VB":
            break
        if verb.head.lower_ in READINESS_WORDS:
            return True
        verb = verb.head
    verb = reported_verb(trigger)
    return verb is not None and any(t.lower_ in FUTURE_IN_REPORT and t.dep_ == "aux" for t in (*clause, *verb.children))


WISH_NOUNS = frozenset({"desire", "call", "need", "demand", "push", "hope", "appeal", "wish", "plea", "request"})


def _wished_for(trigger: Token) -> bool:
    """An act named as what a wish or call is for ('a desire for a transparent investigation')."""
    preposition = trigger.head
    return trigger.dep_ == "pobj" and preposition.lower_ == "for" and preposition.head.lemma_.lower() in WISH_NOUNS


PREPARING_WORDS = frozenset({"prepare", "ready", "gear", "poise", "poised"})


def prepared_for(trigger: Token) -> bool:
    """'The army got ready to renew its bombardment', 'troops are poised to attack': readiness for an attack, a show of force
    (PLOVER's MOBILIZE: increased readiness), neither the attack nor a spoken threat."""
    token = _act_verb(trigger)
    for _ in range(3):
        if token is None or token.dep_ != "xcomp":
            return False
        token = token.head
        if token.lemma_.lower() in PREPARING_WORDS or token.lower_ in PREPARING_WORDS:
            return True
    return False


def _act_verb(trigger: Token) -> Token | None:
    """The verb of the act: the trigger itself, or the verb a nominal trigger hangs on ("will hold ... drills")."""
    return governing_verb(trigger) if is_nominal(trigger) else trigger


def governing_verb(trigger: Token) -> Token | None:
    """The verb a nominal trigger hangs on ("will hold ... drills" -> hold), at most five steps up."""
    token = trigger
    for _ in range(5):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _clause_tokens(trigger: Token) -> list[Token]:
    """The trigger, its children, and the verb governing it with that verb's children."""
    tokens = [trigger, *trigger.children]
    head = governing_verb(trigger) if is_nominal(trigger) else trigger.head if trigger.dep_ in ("xcomp", "ccomp") else None
    if head is not None and head.i != trigger.i:
        tokens.extend([head, *head.children])
        if head.dep_ in ("advcl", "xcomp", "conj") and head.head.i != head.i:
            tokens.extend(head.head.children)  # "will hold ..., starting with drills in April"
    return tokens


def _promised_or_threatened(trigger: Token) -> bool:
    """'threatened to ban voting', 'offered to hand over', 'threatened to launch an offensive': the act is only
    promised or threatened; the promise or threat is the event."""
    verb = _act_verb(trigger)
    if is_nominal(trigger) and verb is not None and verb.lemma_.lower() in COMMITMENT_VERBS - UNDERTAKING_VERBS:
        return True  # "pledged £50 million in humanitarian aid", "threatened sanctions"; "undertook a mediation" did it
    if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in PROMISED_NOUNS:
        return True  # "announced plans to withdraw", "made a commitment to ease restrictions"
    if verb is not None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "agreed to hand in their rifles and enter the army": both acts are promised
    for _ in range(2):
        if verb is None or verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        if verb.head.lemma_.lower() in INFINITIVE_COMMITMENTS:
            return True
        verb = verb.head
    return False


def is_question(sentence: Span) -> bool:
    """A sentence asking, not telling: press briefings and interviews put many acts in questions. Read from its last
    tokens (past closing quotes and brackets), not from ``Span.text``, which spaCy rebuilds on every call."""
    last = next((token for token in reversed(sentence) if not token.is_space and token.text not in CLOSING_MARKS), None)
    return last is not None and last.text.endswith("?")


def _awaited(trigger: Token) -> bool:
    """An act in an 'until' clause under a refusal or a promise: the condition still awaited, not an act done."""
    marked = any(child.lower_ == "until" and child.dep_ == "mark" for child in trigger.children)
    governor = trigger.head
    awaiting = any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in FUTURE_IN_REPORT) for c in governor.children)
    return marked and trigger.dep_ == "advcl" and awaiting


def threatened_consequence(trigger: Token) -> bool:
    """'Kenya would respond with force to any attack', 'the United States would impose sanctions on Russia': what an
    actor says it would do to another is a threat; the condition itself ('if Ethiopia attacked') and what could or
    might happen are not, unless a condition is set on it ('may halt mediation if cooperation founders')."""
    verb = _act_verb(trigger)
    if verb is None:
        return False
    children = list(verb.children)
    modals = {child.lower_ for child in children if child.dep_ == "aux"}
    on_condition = any(child.dep_ == "advcl" and is_conditional(child) for child in children)
    return not is_conditional(verb) and ("would" in modals or (bool(modals & {"may", "might", "could"}) and on_condition))


def is_conditional(clause: Token) -> bool:
    """A clause opened by 'if' or 'unless'."""
    return any(child.dep_ == "mark" and child.lower_ in ("if", "unless") for child in clause.children)


def refused_intention(trigger: Token) -> bool:
    """'The government will not lift the ban', 'lifting the ban is out of the question': a stated refusal, which
    PLOVER codes as REJECT."""
    clause = _clause_tokens(trigger)
    return ruled_out(trigger) or (any(t.dep_ == "neg" for t in clause) and any(t.lower_ in FUTURE_IN_REPORT for t in clause))


RULED_OUT = ("out of the question", "out of question", "off the table", "not an option", "not on the table")


def ruled_out(trigger: Token) -> bool:
    """'Removing the sanctions is out of the question': an act named as the subject of a clause that rules it out."""
    if trigger.dep_ != "csubj":
        return False
    clause = trigger.head
    said = clause.doc[clause.i : clause.right_edge.i + 1].text.lower()
    return any(phrase in said for phrase in RULED_OUT)


NEGATORS = frozenset({"no", "never", "none", "nobody", "neither"})


def _negated_in_clause(trigger: Token, clause: list[Token]) -> bool:
    """A negation in the act's clause ('did not attack', 'no troops were sent'), also one the parser hangs on the
    adverb beside the verb ('never again provides')."""
    modifying = [grandchild for child in trigger.children if child.dep_ == "advmod" for grandchild in child.children]
    return any(
        token.dep_ == "neg" or (token.lower_ in NEGATORS and token.dep_ in ("det", "nsubj", "nsubjpass"))
        for token in (*clause, *modifying)
    )


def auxiliary(trigger: Token, sentence: Span, when: DateSpan, anchor: date | None) -> Aux | None:
    """The auxiliary mode of the event at ``trigger``, or None for a plain report."""
    clause = _clause_tokens(trigger)
    if _negated_in_clause(trigger, clause):
        return "negated"
    if _denied_by_governor(trigger) or ruled_out(trigger) or _denied_above(trigger):
        return "negated"
    if is_question(sentence):
        return "hypothetical"  # "Does he plan to block it?", "Why not ban them altogether?": asked, not reported
    if _wished_for(trigger):
        return "hypothetical"  # "a desire for a full investigation", "calls for a ceasefire": sought, not done
    if _stated_intention(trigger, clause):
        return "future"
    if any(token.lower_ in ("if", "unless") and token.dep_ == "mark" for token in clause):
        return "hypothetical"  # the condition itself: "If China attacked Taiwan, ..."
    if _awaited(trigger):
        return "hypothetical"  # "will not ease the sanctions until Iran frees the sailors": Iran has not freed them
    if any(token.lower_ in ("if", "unless") for token in sentence) and any(t.lower_ in HYPOTHETICAL_MODALS for t in clause):
        return "hypothetical"
    if any(token.lower_ in HYPOTHETICAL_MODALS and token.dep_ == "aux" for token in clause):
        return "hypothetical"
    if any(token.lower_ == "can" and token.dep_ == "aux" for token in clause):
        return "hypothetical"  # "AI technologies can threaten our values", "Russia can strike any city": able, not done
    if any(child.dep_ == "amod" and child.lower_ in POSSIBLE_WORDS for child in trigger.children):
        return "hypothetical"  # "a potential ground assault", "a possible strike"
    governor = governing_verb(trigger)
    planned = governor is not None and governor.lemma_ in FUTURE_VERBS and (trigger.dep_ == "xcomp" or is_nominal(trigger))
    if _promised_or_threatened(trigger):
        return "future"
    if any(token.lower_ in FUTURE_WORDS for token in clause) or planned:
        return "future"
    if anchor is not None and when.start is not None and when.end is not None and when.text:
        if date.fromisoformat(when.start) > anchor:
            return "future"
        if date.fromisoformat(when.end) < anchor - HISTORY_AGE:
            return "historical"
    lowered = sentence.text.lower()
    if any(cue in lowered for cue in HISTORICAL_CUES) and when.text:
        return "historical"
    return None
