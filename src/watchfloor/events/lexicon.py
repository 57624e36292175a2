"""The trigger lexicon: which words signal which PLOVER event, mode and context.

Matching rule (also in the header of ``lexicon.yaml``): a token fires an entry when its lower-case
lemma and coarse part of speech match, every ``requires`` lemma appears among its syntactic
children or grandchildren, the five tokens after it or the two before it, or (for a noun) its head,
and no ``excludes`` lemma appears in the sentence. When
several entries fire on one token, the one with the most ``requires`` wins. A word written ``$name`` stands for any
lemma of the file's class ``name`` ("send" with ``$forces`` fires with troops, soldiers, marines, a battalion ...):
one entry per verb and kind of thing, so a synonym added to a class reaches every verb that uses it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from watchfloor.errors import Code, KnowledgeBaseError
from watchfloor.events.ontology import data_path, load_ontology
from watchfloor.nlp.mentions import common_lemma
from watchfloor.yamlio import read_yaml_cached


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    pos: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    needs: tuple[frozenset[str], ...] = ()  # ``requires`` with classes spelt out: one of each set must be near
    avoids: frozenset[str] = frozenset()  # ``excludes`` with classes spelt out
    transitive: bool = False  # fires only on a verb with a direct object or a passive subject
    intransitive: bool = False  # fires only on a verb with neither: "students demonstrated", not "demonstrated resolve"
    object_acts: bool = False  # the object did the act, the subject underwent it: "X hosted Y", "X detected Y's jets"
    alleged: bool = False  # an act coded only as an accusation by whoever reports it: "X said Y violated the treaty"


NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"})


def is_nominal(token: Token) -> bool:
    """A noun by position even when the tagger says verb: 'two days of joint military drills'; a verb by position
    even when it says noun: 'Militants storm army base', a headline's verb with a subject and an object."""
    if token.pos_ in ("NOUN", "PROPN"):
        return not _verb_by_position(token)
    if token.pos_ != "VERB" or token.dep_ not in NOMINAL_DEPS:
        return False
    # "Fighting between the army and rebels erupted": a gerund without an object names the act like a noun
    # "held his first foreign leader call with ...": a base form after a determiner or possessive is a noun
    determined = token.tag_ in ("VB", "VBP") and any(t.dep_ in ("det", "poss") for left in token.lefts for t in left.subtree)
    gerund = token.tag_ == "VBG" and not any(c.dep_ == "dobj" for c in token.children)
    return token.tag_ in ("NNS", "NN", "VBZ") or gerund or determined


def _verb_by_position(token: Token) -> bool:
    """A 'noun' with a subject and an object or complement ('Militants storm army base', 'Kenya and Ethiopia pledge
    to increase cooperation'), or with a subject as the root of a sentence with no verb: the tagger's mistake on a
    present-tense verb, common in leads and headlines."""
    deps = {child.dep_ for child in token.children}
    if token.pos_ != "NOUN" or "nsubj" not in deps:
        return False
    verbless = token.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in token.sent)
    return bool(deps & {"dobj", "xcomp", "ccomp", "dative"}) or verbless


# Things a noun trigger can only name the kind of when it modifies them
MODIFIED_THINGS = frozenset("boat ship vessel craft aircraft plane jet helicopter drone submarine vehicle car rifle dog".split())
# What a noun trigger can name without the act having happened: "a bombing threat", "a coup plot", "an attack suspect"
UNREALISED = frozenset("threat scare hoax plot suspect attempt alert warning".split())
NOT_ACTS_BEFORE = MODIFIED_THINGS | UNREALISED
DESCENT_LEVELS = 3  # "handed over $4 million worth of new medical equipment": equipment is three levels down


def _neighbourhood(token: Token, pos: str) -> set[str]:
    """The lemmas an entry's ``requires`` and ``excludes`` are looked for in: the token's descendants down
    to three levels (short of another act's clause), the five tokens after it and the two before it, a noun's
    governing verb, and the noun a relative clause hangs on ('a storm that killed six')."""
    nearby: set[str] = set()
    # a prepositional phrase before a verb frames it ("On Monday, X called Y"): its words are no particle of the verb
    level = [child for child in token.children if not (child.dep_ == "prep" and child.i < token.i and pos == "VERB")]
    for _ in range(DESCENT_LEVELS):
        level = [child for child in level if not _another_clause(child)]
        # "launched tank, mortar and rocket fire against rebel posts": nouns in a list stand at one level
        level += [noun for child in level if child.dep_ != "conj" for noun in child.conjuncts if noun.pos_ == "NOUN"]
        nearby.update(common_lemma(child) for child in level if not _of_time(child))
        level = [grandchild for child in level for grandchild in child.children]
    nearby.update(common_lemma(t) for t in token.doc[token.i + 1 : token.i + 6] if not _of_time(t))
    nearby.update(common_lemma(t) for t in token.doc[max(token.i - 2, 0) : token.i] if not _of_time(t))
    if pos == "NOUN":  # "declared a three-month ceasefire": a noun's governing verb
        nearby.add(token.head.lemma_.lower())
    if token.dep_ == "relcl":
        nearby.add(token.head.lemma_.lower())
    if token.dep_ == "xcomp":  # "troops have begun leaving": the governing verb's subject is the complement's too
        nearby.update(child.lemma_.lower() for child in token.head.children if child.dep_ == "nsubj")
    return nearby


RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _another_clause(token: Token) -> bool:
    """'cut off aid after the military seized power': the words of a subordinate clause with its own subject, or
    of a verb coordinated with the trigger, belong to another act and do not qualify this one; a purpose
    ('sent troops to distribute supplies') still does."""
    if token.dep_ == "advcl":
        return any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
    if token.dep_ == "relcl":  # "fired people that they thought were at fault"; not "missiles that landed on the base"
        return any(child.dep_ in ("nsubj", "nsubjpass") and child.tag_ not in RELATIVE_TAGS for child in token.children)
    return token.dep_ == "parataxis" or (token.dep_ == "conj" and token.pos_ == "VERB")


def _of_time(token: Token) -> bool:
    """'fired missiles on Thursday', 'at dawn': 'on' or 'at' before a date or time is no particle of the verb ('fired
    on protesters', 'fired at a patrol')."""
    if token.dep_ != "prep" or token.lower_ not in ("on", "at"):
        return False
    return any(child.dep_ == "pobj" and child.ent_type_ in ("DATE", "TIME") for child in token.children)


class Lexicon:
    def __init__(self, entries: list[Entry], classes: dict[str, frozenset[str]] | None = None) -> None:
        self.entries = entries
        # verbs that lift a measure or spurn an act: what they name as their object is no act of its own ("eased the
        # curfew", "broke off talks", "ignored the ultimatum")
        classes = classes or {}
        self.easing_verbs = classes.get("easing", frozenset()) | classes.get("spurning", frozenset())
        self._index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for entry in entries:
            self._index[(entry.lemma, entry.pos)].append(entry)

    def match(self, token: Token, alleged: bool = True) -> Entry | None:
        """The best entry fired by ``token``, or None; with ``alleged`` False, not one of the entries that code only a
        reported accusation ('violated the ceasefire' told by the writer is a violation)."""
        pos = "NOUN" if is_nominal(token) else "VERB" if token.pos_ in ("VERB", "AUX", "NOUN") else token.pos_
        candidates = self._index.get((token.lemma_.lower(), pos)) or self._index.get((token.lower_, pos))
        if not candidates:
            return None
        if pos == "NOUN" and token.dep_ == "compound" and token.head.lemma_.lower() in NOT_ACTS_BEFORE:
            return None  # "patrol boats", "attack helicopters": a kind of craft; "a bombing threat": no bombing
        nearby = _neighbourhood(token, pos)
        fired = [
            entry
            for entry in candidates
            if all(alternatives & nearby for alternatives in entry.needs)
            and not entry.avoids & nearby
            and (not entry.transitive or _has_object(token))
            and (not entry.intransitive or not _has_object(token, clauses=True))
            and (alleged or not entry.alleged)
        ]
        if not fired:
            return None
        most = max(len(entry.requires) for entry in fired)
        best = [entry for entry in fired if len(entry.requires) == most]
        if len(best) == 1:
            return best[0]
        # a tie: the entry whose words hang on the trigger beats one whose words merely sit nearby ("Beijing presses its
        # territorial claims" is about claims, whatever "for" follows five words later); then the file's order
        close = {t.lemma_.lower() for child in token.children for t in (child, *child.children)}
        return max(best, key=lambda entry: all(alternatives & close for alternatives in entry.needs))

    def triggers(self, sentence: Span) -> list[tuple[Token, Entry]]:
        found = []
        for token in sentence:
            if (
                token.pos_ in ("VERB", "AUX", "NOUN")
                and not _describes(token)
                and not _vacancy(token)
                and not self._undone(token)
            ):
                entry = self.match(token)
                if entry is not None:
                    found.append((token, entry))
        return found

    def _undone(self, token: Token) -> bool:
        """'agreed to lift retaliatory tariffs', 'eased the curfew': a measure named as what is lifted is the object of
        that act, not an act of its own (the lifting is the event); so are the attacks in 'a suspension of attacks'
        and the talks in 'a call for talks', and the arrest in 'voiced concern over the arrest'."""
        if token.pos_ == "VERB" and token.tag_ == "VBG":  # "agreed to stop bombing Gaza": the halting is the act
            return token.dep_ in ("xcomp", "dobj", "pcomp") and token.head.lemma_.lower() in HALTING_VERBS
        if token.pos_ != "NOUN":
            return False
        if any(child.dep_ == "det" and child.lower_ == "any" for child in token.children):
            return True  # "defend Israel against any attack": no attack in particular
        if token.dep_ in ("nsubjpass", "dobj") and token.head.lemma_.lower() in EXPECTING_VERBS | PREVENTING_VERBS:
            return True  # "this attack from Iran has been predicted", "police prevented the demonstration"
        if token.dep_ == "pobj" and token.head.lower_ in ("on", "against") and token.head.head.lemma_.lower() in ATTACK_NOUNS:
            return True  # "an attack on a police patrol": the patrol is what was attacked, no act of its own
        if token.dep_ == "pobj":  # "a suspension of attacks", "a call for talks", "concern over the arrest"
            holder = token.head.head
            return holder.pos_ == "NOUN" and holder.lemma_.lower() in NOT_DONE_AFTER.get(token.head.lower_, frozenset())
        return token.dep_ == "dobj" and token.head.lemma_.lower() in self.easing_verbs


HALTING_NOUNS = frozenset({"suspension", "cessation", "halt", "end", "lifting", "easing", "removal"})
# what is asked for is not done: the talks of "a call for talks" are the request's object
ASKING_NOUNS = frozenset({"call", "demand", "appeal", "request", "plea"})
# a feeling voiced about an act: the act is what it is about (earlier, and by someone the sentence may not name)
FEELING_NOUNS = frozenset({"concern", "worry", "alarm", "regret", "sympathy", "condolence", "sorrow", "grief"})
# an act threatened or feared: "threats of a major missile attack"
THREAT_NOUNS = frozenset({"threat", "risk", "prospect", "possibility", "danger", "spectre", "specter"})
# the nouns whose object, after this preposition, names an act not done by the sentence
NOT_DONE_AFTER = {
    "of": HALTING_NOUNS | THREAT_NOUNS,
    "for": ASKING_NOUNS,
    "over": FEELING_NOUNS,
    "about": FEELING_NOUNS,
    "at": FEELING_NOUNS,
}
HALTING_VERBS = frozenset({"stop", "cease", "halt", "quit", "end", "suspend", "prevent"})
EXPECTING_VERBS = frozenset({"predict", "expect", "anticipate", "forecast", "fear", "foresee"})
PREVENTING_VERBS = frozenset({"prevent", "thwart", "foil"})
ATTACK_NOUNS = frozenset({"attack", "assault", "raid", "ambush", "strike", "airstrike"})


def _describes(token: Token) -> bool:
    """'Iran-backed groups', 'returning citizens', 'wrongfully detained Americans': a participle used as an
    adjective describes the people or thing it qualifies and reports no act of the day (the act, if news, is
    told by its own verb)."""
    return (token.dep_ == "amod" and token.pos_ == "VERB") or _participle_before_its_noun(token)


def _participle_before_its_noun(token: Token) -> bool:
    """'Britain returned looted bronzes to Nigeria', parsed with 'looted' as a clause taking 'bronzes' as its object:
    a past participle right after a verb that has no object of its own describes that verb's object."""
    head = token.head
    if token.tag_ != "VBN" or token.dep_ not in ("advcl", "xcomp", "ccomp") or token.i != head.i + 1 or head.pos_ != "VERB":
        return False
    has_noun_object = any(child.dep_ == "dobj" and child.i == token.i + 1 for child in token.children)
    return has_noun_object and not any(child.dep_ in ("dobj", "nsubjpass") for child in head.children)


def _vacancy(token: Token) -> bool:
    """'Jane Roe, to be United States Attorney, vice John Doe, resigned': a nomination names the post's last holder
    and how the post fell vacant ('vice X, resigned / retired'); that resignation is no act of the day."""
    if token.i == 0 or token.doc[token.i - 1].text != ",":
        return False
    return any(before.lower_ == "vice" for before in token.doc[max(token.i - 10, token.sent.start) : token.i])


def _has_object(token: Token, clauses: bool = False) -> bool:
    """'returned two paintings to Brazil', 'paintings were returned', 'people evacuated by the US': not 'returned to
    Brazil'. With ``clauses``, a that-clause is an object too ('demonstrating that our commitment begins at home')."""
    participle = token.dep_ == "acl" and token.tag_ == "VBN"  # the noun it follows is its object
    deps = ("dobj", "nsubjpass", "ccomp") if clauses else ("dobj", "nsubjpass")
    return participle or any(
        child.dep_ in deps or _participle_before_its_noun(child) or _someone_to(child) for child in token.children
    )


def _someone_to(clause: Token) -> bool:
    """'wants Ethiopia to withdraw', parsed as a clause with its own subject: that subject is the verb's object."""
    children = list(clause.children)
    return clause.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in children) and any(c.lower_ == "to" for c in children)


def _words(value: object, where: str) -> tuple[str, ...]:
    """A list of lemmas; YAML reads a bare on/off/yes/no as a boolean, which is a mistake here."""
    if not value:
        return ()
    items = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    if any(isinstance(item, bool) for item in items):
        raise KnowledgeBaseError(
            Code.KB_FILE, "lexicon.yaml", detail=f"{where}: quote on/off/yes/no, YAML reads them as true/false"
        )
    return tuple(str(item).lower() for item in items)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = read_yaml_cached(data_path("lexicon.yaml"))
    classes = _classes(data.get("classes") or {})
    entries = [_entry(record, classes) for record in data["entries"]]
    _validate(entries)
    return Lexicon(entries, classes)


def _classes(data: object) -> dict[str, frozenset[str]]:
    """The file's word classes: a name and the lemmas it stands for."""
    if not isinstance(data, dict):
        raise KnowledgeBaseError(Code.KB_FILE, "lexicon.yaml", detail="classes: a mapping of names to lists of lemmas")
    classes = {str(name): frozenset(_words(members, f"class {name}")) for name, members in data.items()}
    if empty := [name for name, members in classes.items() if not members]:
        raise KnowledgeBaseError(Code.KB_FILE, "lexicon.yaml", detail=f"class {empty[0]}: no lemmas")
    return classes


def _entry(record: dict[str, object], classes: dict[str, frozenset[str]]) -> Entry:
    where = f"entry {record['lemma']}/{record.get('pos', 'VERB')}"
    requires = _words(record.get("requires"), where)
    excludes = _words(record.get("excludes"), where)
    return Entry(
        lemma=str(record["lemma"]).lower(),
        pos=str(record.get("pos", "VERB")).upper(),
        event=str(record["event"]),
        mode=record.get("mode"),  # type: ignore[arg-type]
        context=_words(record.get("context"), where),
        requires=requires,
        excludes=excludes,
        needs=tuple(_spelt_out(word, classes, where) for word in requires),
        avoids=frozenset().union(*(_spelt_out(word, classes, where) for word in excludes)),
        transitive=bool(record.get("transitive", False)),
        intransitive=bool(record.get("intransitive", False)),
        object_acts=bool(record.get("object_acts", False)),
        alleged=bool(record.get("alleged", False)),
    )


def _spelt_out(word: str, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    """A lemma, or the lemmas of the class a ``$name`` stands for."""
    if not word.startswith("$"):
        return frozenset({word})
    if word[1:] not in classes:
        raise KnowledgeBaseError(Code.KB_FILE, "lexicon.yaml", detail=f"{where}: no class {word[1:]!r} under classes")
    return classes[word[1:]]


def _validate(entries: list[Entry]) -> None:
    """Every entry names a PLOVER type, a mode of that type and known contexts; no entry twice."""
    ontology = load_ontology()
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for entry in entries:
        where = f"entry {entry.lemma}/{entry.pos}"
        event_type = ontology.types.get(entry.event)
        problem = None
        if event_type is None:
            problem = f"unknown event type {entry.event!r}"
        elif entry.mode is not None and entry.mode not in event_type.modes:
            problem = f"{entry.event} has no mode {entry.mode!r}"
        elif unknown := [c for c in entry.context if c not in ontology.contexts]:
            problem = f"unknown context {unknown[0]!r}"
        elif (entry.lemma, entry.pos, entry.requires) in seen:
            problem = "appears twice with the same requires"
        elif entry.transitive and entry.intransitive:
            problem = "cannot be both transitive and intransitive"
        if problem:
            raise KnowledgeBaseError(Code.KB_FILE, "lexicon.yaml", detail=f"{where}: {problem}")
        seen.add((entry.lemma, entry.pos, entry.requires))
