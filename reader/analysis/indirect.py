"""Indirect speech: the clause a cue reports without quotation marks, and who it is from.

"Er sagte, der Sohn habe sich … stranguliert" · "Die Ministerin kündigte an, dass …" · "Der
Zug sei ausgefallen, teilte die Bahn mit" · "Laut Polizei seien zwei Menschen verletzt worden".
A clause counts when a cue (a verb of saying or thinking, "laut", "zufolge", "so") governs it
and it is a dass- or ob-clause, or its verbs are in the subjunctive (Konjunktiv I, or II where I
would look like the indicative). Its span is the reported clause (with "dass"), its speaker the
cue's source, found by the same rules as for quotations.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from . import lexicon
from .cue_lexicon import THINK, clause_nouns, cue_forms, is_evidence_form, sourceless_forms, weak
from .mentions import Mention, Referent, is_role_noun
from .predicative_cues import DATIVE, PREDICATIVE_CUES, clause_separator, copula_of, dative_holder
from .results import INDIRECT, Quote
from .words import Word

if TYPE_CHECKING:
    from .attribution import Attribution, Attributor

_CLAUSE_BREAKS = frozenset({",", ":", ";", "(", ")", "–", "—"})
_ENDS = frozenset({".", "!", "?", ";"})
_OPEN_ENDS = frozenset({":", ","})  # a sentence that ends on these is not finished
_INTRODUCERS = frozenset({"dass", "ob"})
# an indirect question after a cue ("fragte, wie das finanziert werden solle")
_QUESTION_WORDS = frozenset(
    {
        "wie",
        "was",
        "warum",
        "weshalb",
        "wieso",
        "wer",
        "wen",
        "wem",
        "wo",
        "wohin",
        "woher",
        "wann",
        "welche",
        "welcher",
        "welches",
        "welchen",
        "worum",
        "wofür",
        "womit",
        "wozu",
        "wovon",
        "worüber",
        "woran",
        "worauf",
        "wodurch",
        "weswegen",
        "inwiefern",
        "inwieweit",
    }
)
# words that open a clause that is not what the cue reports ("sagte er, als er kam")
_SUBORDINATORS = frozenset(
    {
        "als",
        "wenn",
        "weil",
        "da",
        "nachdem",
        "obwohl",
        "bevor",
        "während",
        "seit",
        "seitdem",
        "um",
        "ohne",
        "statt",
        "und",
        "oder",
        "aber",
        "sondern",
        "denn",
        "doch",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "deren",
        "dessen",
        "damit",
        "sodass",
        "indem",
        "falls",
        "sofern",
        "bis",
        "zumal",
        "solange",
    }
)
# cues of feeling whose message may be a wenn-clause ("Ich würde mich freuen, wenn …", "Ich bin
# dankbar, wenn …", "darf sich nicht wundern, wenn …": GePaDe train, 7 of its 8 such clauses)
_WENN_CUES = weak("freuen") | weak("wundern") | weak("verwundern") | {"dankbar", "froh"}


def _sentence_end(narration: list[Word], start: int) -> int:
    end = start
    while end < len(narration) and narration[end].text not in _ENDS:
        end += 1
    return end


_COORDINATORS = frozenset({"und", "oder", "aber", "denn", "doch", "sondern"})
# a clause that opens with these is no source clause of what follows: "Was er gesagt hat, stimmt",
# "Anders als die Ministerin gesagt hat, …"
_NOT_REPORTING_OPENERS = frozenset({"was", "anders", "wer"})  # "Wer das fordert, tritt das Recht mit Füßen"
# a relative pronoun after a preposition opens a relative clause: "…, von denen ich einige nenne, …"
_RELATIVE_PRONOUNS = frozenset({"denen", "dem", "der", "den", "deren", "dessen", "welchem", "welcher", "welchen"})
# "ehrlich gesagt", "offen gesagt": a comment on the speaker's candour, no cue (GePaDe train: 0 of 5)
_WORDING_ADVERBS = frozenset({"ehrlich", "offen"})
_CUE_FORMS = cue_forms()
_CLAUSE_NOUNS = clause_nouns()
_SOURCELESS = sourceless_forms()
_COPULAS = frozenset({"ist", "war", "lautet", "lautete", "bleibt"})
# "ich bin der Überzeugung", "wir haben den Eindruck", "sie teilen die Sorge": the subject holds the view
_HOLDING_VERBS = frozenset(
    {"bin", "bist", "ist", "sind", "seid", "war", "waren", "sei", "seien", "habe", "hast", "hat", "haben", "habt"}
    | {"hatte", "hatten", "hätte", "hätten", "teile", "teilt", "teilen", "teilte", "teilten"}
    | {"stelle", "stellt", "stellen", "stellte", "stellten"}  # "wir stellen uns die Frage, ob …"
    # the verbs that make a noun the subject's act: "zur Kenntnis nehmen", "sich Gedanken machen",
    # "die Auffassung vertreten", "zu dem Schluss kommen", "den Beschluss fassen"
    | {"nehme", "nimmt", "nehmen", "nahm", "nahmen", "genommen"}
    | {"mache", "macht", "machen", "machte", "machten", "gemacht"}
    | {"vertrete", "vertritt", "vertreten", "vertrat", "vertraten"}
    | {"komme", "kommt", "kommen", "kam", "kamen", "gekommen"}
    | {"fasse", "fasst", "fassen", "fasste", "fassten", "gefasst"}
)
_HEISST_FORMS = frozenset({"heißt", "hieß", "heisst", "hiess"})  # Swiss spelling without ß
DOCUMENT_PHRASE_WORDS = 4  # a preposition, an article, adjectives and a noun before a relative clause
HEISST_PHRASE_REACH = 12  # words after "heißt es" searched for the comma that opens its clause
MIN_WORDS = 3  # a reported clause has a subject and a verb at least
MAX_QUOTED_SHARE = 0.8  # a clause that is mostly a direct quotation is that quotation, not indirect speech
_PRONOUN_SUBJECTS = frozenset({"er", "sie", "es", "man"})
_NOT_SUBJUNCTIVE = frozenset(
    {
        "die",
        "eine",
        "keine",
        "seine",
        "ihre",
        "meine",
        "deine",
        "unsere",
        "alle",
        "beide",
        "diese",
        "jene",
        "welche",
        "ohne",
        "gerne",
        "ende",
        "bitte",
    }
)
_VERBISH_E = re.compile(r"^[a-zäöüß]{3,}e$")
# Konjunktiv I forms that are also the first person's indicative: "ich habe Zeit" reports nothing
_FIRST_PERSON_INDICATIVE = frozenset(
    {
        "habe",
        "gebe",
        "komme",
        "gehe",
        "stehe",
        "liege",
        "bleibe",
        "brauche",
        "halte",
        "mache",
        "trage",
        "gelte",
        "werde",
    }
)
# Konjunktiv II that stands in for I in a reported clause ("…, andere würden sich nicht kümmern",
# "er wäre bereit"): forms no indicative shares; a sign of a report only after a cue, so not in
# is_subjunctive, which also tells quotations from terms
_KONJUNKTIV_II = frozenset(
    {"wäre", "würde", "würden", "könnte", "könnten", "müsste", "dürfte", "dürften", "gäbe", "käme", "wüsste"}
)


_KONJUNKTIV_I = re.compile(r"^[a-zäöüß]{3,}[^t]e$")  # "schwanke", "ersetze": not the past "sagte"
_OPENING_SUBJECTS = frozenset({"das", "dies", "dieses", "er", "sie", "es", "man"})
_PERSONAL_OPENERS = frozenset({"er", "sie", "es", "man", "dies"})  # never an article before an adjective
_NOT_VERBS = frozenset({"gerade", "heute", "alleine", "gerne", "lange", "bitte", "ohne", "ende", "weise", "ebene"})
# words in -e after a noun that are a determiner or quantifier of the next noun, not a verb ("Am Freitag viele Menschen")
_DETERMINERS_IN_E = frozenset({"viele", "einige", "manche", "andere", "mehrere", "solche", "jede", "wenige"})
# lower-case words a subject may open with in a clause after a cue ("…, sagte er, die Stadt erfordere Geduld")
_NOUN_PHRASE_OPENERS = (
    lexicon.ARTICLES
    | _OPENING_SUBJECTS
    | frozenset(
        {"sein", "seine", "ihr", "ihre", "unser", "unsere", "kein", "keine", "dieser", "diese", "jeder", "jede"}
    )
)
VERB_SECOND_REACH = 8  # words from a sentence's start searched for its verb in the second place


def konjunktiv_main_verb(words: list[Word]) -> bool:
    """A sentence whose verb in the second place is Konjunktiv I after a noun or pronoun subject
    ("Die Witterung schwanke stark", "Das ersetze keinen Bus", "Mit Kunstschnee lasse sich …"):
    reported speech, whatever the verb (is_subjunctive knows only listed forms and "er plane").
    A noun may follow the verb ("Die Stadt erfordere Geduld", "Er fordere Respekt"); after "Das"
    or "Dieses", which may be an article before an adjective ("Das deutsche Team gewann"), only
    when the noun ends the clause ("Das erfordere Mut.")."""
    if not words or words[0].is_quote or words[0].lower in {"ich", "wir"}:
        return False
    if not words[0].capitalized and words[0].lower not in _NOUN_PHRASE_OPENERS:
        return False  # "…, war Trump möglicherweise unklar": a clause opened by its verb
    for position, word in enumerate(words[1:VERB_SECOND_REACH], start=1):
        if not word.is_word or word.is_quote:
            return False  # a comma or a quotation before any verb: no main clause opens here
        if word.lower in _SUBORDINATORS or word.lower in _INTRODUCERS:
            return False  # "Erst wenn das Wasser zurückkomme": a subordinate clause, its verb last
        previous = words[position - 1]
        if word.capitalized or not previous.capitalized or (position == 1 and previous.lower not in _OPENING_SUBJECTS):
            continue  # still in the first part: "Mit technischer Beschneiung …"
        if (
            not _KONJUNKTIV_I.match(word.text)
            or word.lower in _NOT_VERBS
            or word.lower in _NOT_SUBJUNCTIVE
            or word.lower in _DETERMINERS_IN_E
            or word.lower.endswith("weise")  # "möglicherweise", "teilweise": adverbs
        ):
            return False
        after = words[position + 1] if position + 1 < len(words) else None
        if after is None or not after.capitalized:
            return True
        if position > 1 or previous.lower in _PERSONAL_OPENERS:
            return True  # "Die Stadt erfordere Geduld": after a noun subject the verb stands second
        beyond = words[position + 2] if position + 2 < len(words) else None
        # "Das erfordere Mut." — not "Das deutsche Team gewann", "Das ungute Gefühl, dass …"
        return beyond is None or beyond.text in _ENDS
    return False


def _first_person_clause(words: list[Word], position: int) -> bool:
    """An "ich" before `position` in its clause ("…, wenn ich Zeit habe")."""
    k = position - 1
    while k >= 0 and words[k].text not in _CLAUSE_BREAKS and words[k].text not in _ENDS:
        if words[k].lower == "ich":
            return True
        k -= 1
    return False


def is_subjunctive(words: list[Word], position: int) -> bool:
    """Konjunktiv I or II at `position`: a listed form ("sei", "habe", "könne", "hätten", "würde"),
    or a verb in -e right after a pronoun subject ("er plane", "sie arbeite")."""
    word = words[position]
    if word.lower in lexicon.SUBJUNCTIVE:
        return word.lower not in _FIRST_PERSON_INDICATIVE or not _first_person_clause(words, position)
    if (
        position > 0
        and words[position - 1].lower in _PRONOUN_SUBJECTS
        and (words[position - 1].text.islower() or position == 1 or words[position - 2].text in _ENDS)
    ):  # "er plane"; at the start of a sentence "Man arbeite daran"
        return bool(_VERBISH_E.match(word.text)) and word.lower not in _NOT_SUBJUNCTIVE
    return False


def reported_clause(
    words: list[Word],
    *,
    main_clause: bool = False,
    after_colon: bool = False,
    conditional: bool = False,
    own_stance: bool = False,
) -> bool:
    """The words form a reported clause: opened by dass/ob or a question word, or holding a
    subjunctive verb; with `main_clause` (after a verb of saying and a comma, or after a colon)
    also an indicative main clause ("Es wurde gesagt, Deutschland hat andere Probleme"). After a
    `conditional` cue ("Wenn Sie das lesen, könnte man glauben …") Konjunktiv II is the main
    clause's own mood, no sign of a report. After the speaker's `own_stance` ("ist es, glaube ich,
    ganz wichtig, dass …") a short first part is no apposition."""
    if len([w for w in words if w.is_word]) < MIN_WORDS:
        return False
    if words[0].lower in _INTRODUCERS or words[0].lower in _QUESTION_WORDS:
        return True  # a dass-clause that goes on "…, um diesen Eindruck zu verstetigen" too
    if _zu_infinitive(words[: next((k for k, w in enumerate(words) if w.text in _CLAUSE_BREAKS), len(words))]):
        return False
    if any(is_subjunctive(words, position) for position in range(len(words))) or konjunktiv_main_verb(words):
        return True
    if not conditional and _konjunktiv_ii(words):
        return True
    if not (main_clause or after_colon) or not words[0].is_word:
        return False
    if after_colon:
        return True  # "Ich kann nur sagen: Gut, dass wir sie haben"
    first_part = next((k for k, w in enumerate(words) if w.text in _CLAUSE_BREAKS), len(words))
    if not own_stance and (
        first_part < MIN_WORDS or not any(w.is_word and not w.capitalized for w in words[:first_part])
    ):
        return False  # "sagte der Sprecher, Khalid al-Mansouri, in Doha": an apposition
    if not own_stance and all(w.capitalized or not w.is_word or w.lower in _APPOSITION_SMALL_WORDS for w in words):
        return False  # "sagt Anna Roth, Chefärztin der Kinderklinik": nouns and articles, no verb
    if own_stance and words[0].lower in _DEMONSTRATIVES:
        return True  # "Ich finde, die Antwort darauf ist klar": no noun before the comma for a relative clause
    return after_colon or words[0].lower not in _SUBORDINATORS or _demonstrative_main_clause(words)


_DEMONSTRATIVES = frozenset({"der", "die", "das"})
_APPOSITION_SMALL_WORDS = lexicon.ARTICLES | lexicon.PREPOSITIONS | lexicon.APPOSITION_SMALL_WORDS
# words after "das"/"die" that open a relative clause's middle field, not a finite verb
_NOT_FINITE_AFTER_DEMONSTRATIVE = (
    frozenset(
        {"ich", "du", "er", "sie", "es", "wir", "ihr", "man", "mich", "uns", "ihn", "ihm", "ihnen", "mir", "sich"}
    )
    | frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "kein", "keine"})
    | frozenset({"nicht", "nur", "auch", "schon", "noch", "so", "hier", "dort", "heute", "jetzt", "immer", "bereits"})
)


def _demonstrative_main_clause(words: list[Word]) -> bool:
    """ "das ist der falsche Ansatz", "der Gesetzentwurf hat Fehler": a main clause opened by a
    demonstrative or an article, its finite verb second — not a relative clause ("die wir … sitzen")."""
    if words[0].lower not in _DEMONSTRATIVES | {"da"} or len(words) < 3:
        return False
    if words[1].lower in lexicon.AUXILIARIES:
        return True  # "das ist der falsche Ansatz", "da wird sich zeigen, …"
    if words[0].lower == "da":
        return False
    part = next((k for k, w in enumerate(words) if not w.is_word), len(words))
    if (
        part >= 3
        and words[1].is_word
        and not words[1].capitalized
        and words[1].lower not in _NOT_FINITE_AFTER_DEMONSTRATIVE
        and words[part - 1].capitalized
    ):
        return True  # "das stärkt den Zusammenhalt": a relative clause would end in its verb
    noun = 1 if words[1].capitalized else 2 if len(words) > 3 and words[2].capitalized else 0
    return bool(noun) and noun + 1 < len(words) and words[noun + 1].lower in lexicon.AUXILIARIES


# a cue in a clause they open ("Wenn man das liest, könnte man glauben …") leaves the main clause its own mood
_CONDITIONS = frozenset({"wenn", "falls", "sofern", "solange", "als", "weil", "da", "obwohl"})
_NOT_REPORTING_KONJUNKTIV = frozenset({"dann", "so", "sonst", "als", "zumal"})  # "…, dann hätten Sie kommen sollen"


def _konjunktiv_ii(words: list[Word]) -> bool:
    """A Konjunktiv II form in a clause that is no consequence or comparison ("als gäbe es …")."""
    return words[0].lower not in _NOT_REPORTING_KONJUNKTIV and any(w.lower in _KONJUNKTIV_II for w in words)


def _subjunctive_main_clause(words: list[Word]) -> bool:
    """ "Deutschland sei der Zahlmeister", "andere würden sich nicht kümmern": a main clause whose
    first part (up to its comma) holds a Konjunktiv, opened by no subordinator or relative pronoun."""
    part = next((k for k, w in enumerate(words) if w.text in _CLAUSE_BREAKS), len(words))
    article = words[0].lower in _DEMONSTRATIVES and words[1].capitalized  # "die Steuer sei …", not "die wir …"
    if part < MIN_WORDS or not words[0].is_word or (words[0].lower in _SUBORDINATORS | _QUESTION_WORDS and not article):
        return False
    return any(is_subjunctive(words, k) for k in range(part)) or _konjunktiv_ii(words[:part])


def _zu_infinitive(words: list[Word]) -> bool:
    """ "den Antrag abzulehnen", "die Grenzen zu schließen": a demand, not a reported clause."""
    verbs = [w for w in words if w.is_word]
    last = verbs[-1].lower if verbs else ""
    return (
        bool(verbs)
        and last.endswith(("en", "ern", "eln"))
        and (
            (len(verbs) > 1 and verbs[-2].lower == "zu")
            or bool(re.fullmatch(r"(?:ab|an|auf|aus|ein|mit|vor|zurück|weiter|fest|hin|her|zusammen)zu[a-zäöü]+", last))
        )
    )


def _first_person_next_to(narration: list[Word], cue: int) -> bool:
    """ "Ich denke, …", "glaube ich, …": a speaker's own stance, whose clause is the message."""
    near = narration[max(0, cue - 1) : cue] + narration[cue + 1 : cue + 2]
    return any(w.lower in {"ich", "wir"} or w.text == "Sie" for w in near)  # "Sie sehen, …": the audience


def _can_speak(mention: Mention | None) -> bool:
    """A person, a role noun, an organisation or a pronoun: someone, not something ("die
    Konferenz", "Ihr Antrag", "Nordkorea" as a place)."""
    if mention is None:
        return False
    if mention.kind in {"pronoun", "possessive", "role", "organisation"}:
        return True
    if mention.kind == "name":
        return mention.referent.label in {"PER", "ORG"}
    head = mention.text.split(" ")[-1]
    return is_role_noun(head) or mention.referent.kind == "group"


_CAUSATIVES = frozenset({"lassen", "lasse", "lass", "lasst", "läßt", "lässt", "ließ", "ließen", "hören", "gehört"})


def _causee(narration: list[Word], cue: int) -> int | None:
    """ "Lassen Sie mich sagen", "Sie haben mich sagen hören": the "mich"/"uns" a causative
    verb makes the speaker of the infinitive cue."""
    word = narration[cue]
    if not word.lower.endswith("en"):
        return None
    start = cue
    while start > 0 and narration[start - 1].text not in _CLAUSE_BREAKS and narration[start - 1].text not in _ENDS:
        start -= 1
    clause = narration[start : min(len(narration), cue + 2)]
    if not any(w.lower in _CAUSATIVES for w in clause):
        return None
    return next((start + k for k, w in enumerate(narration[start:cue]) if w.lower in {"mich", "uns"}), None)


def _free_relative(narration: list[Word], cue: int) -> Mention | None:
    """ "Wer …, weiß, dass …", "Wer pauschale Zurückweisungen fordert, …": the "wer" of a free
    relative clause that opens the sentence and holds the cue or precedes it."""
    if not narration or narration[0].lower != "wer" or narration[-1].text == "?":
        return None
    commas = [k for k, w in enumerate(narration[:cue]) if w.text == ","]
    if len(commas) > 1 or (commas and commas[0] != cue - 1 and not _verb_right_before(narration, commas[0])):
        return None
    opener = narration[0]
    return Mention(opener.start, opener.end, "pronoun", "nom", Referent(kind="group"), opener.text)


# "weiß jeder", "Das bestreitet niemand", "Jeder, der hier sitzt, weiß": who holds the view when
# no person is named
_INDEFINITES = frozenset({"jeder", "jede", "niemand", "jemand", "keiner", "viele", "manche", "einige"})


def _indefinite_subject(narration: list[Word], cue: int, clause_start: int) -> Mention | None:
    """An indefinite pronoun as the cue's subject: right after the cue (a particle between:
    "weiß doch jeder"), opening its clause ("jeder Jurist weiß", with its noun), or opening the
    sentence before a relative clause that ends right before the cue ("Jeder, der …, weiß")."""
    after = narration[cue + 1 : cue + 3]
    if after and after[0].lower in _INDEFINITES:
        return _group_mention(after[:1])
    if len(after) == 2 and after[0].is_word and not after[0].capitalized and after[1].lower in _INDEFINITES:
        return _group_mention(after[1:])
    if cue > 0 and narration[cue - 1].lower in _INDEFINITES:  # "…, weil jeder weiß, dass …"
        return _group_mention(narration[cue - 1 : cue])
    if clause_start < cue and narration[clause_start].lower in _INDEFINITES:
        phrase = narration[clause_start : clause_start + 2]
        return _group_mention(phrase if phrase[-1].capitalized and len(phrase) == 2 else phrase[:1])
    commas = [k for k, w in enumerate(narration[:cue]) if w.text == ","]
    if (
        narration[0].lower in _INDEFINITES
        and len(commas) == 2
        and commas[0] == 1
        and commas[1] == cue - 1
        and narration[2].lower in {"der", "die", "dem", "den", "denen"}
    ):
        return _group_mention(narration[:1])
    return None


_FUER_PRONOUNS = frozenset({"mich", "uns", "dich", "euch", "ihn"})


def _fuer_holder(narration: list[Word], start: int, cue: int) -> int | None:
    """ "Für mich ist klar", "klar ist für uns": the pronoun after "für" in the adjective's clause
    holds the view (its position)."""
    end = cue + 1
    while end < len(narration) and narration[end].text not in _CLAUSE_BREAKS and narration[end].text not in _ENDS:
        end += 1
    return next(
        (
            k + 1
            for k in range(start, min(end, len(narration) - 1))
            if narration[k].lower == "für" and narration[k + 1].lower in _FUER_PRONOUNS
        ),
        None,
    )


def _group_mention(words: list[Word]) -> Mention:
    return Mention(
        words[0].start,
        words[-1].end,
        "pronoun",
        "nom",
        Referent(kind="group"),
        " ".join(w.text for w in words),
    )


def _verb_right_before(narration: list[Word], comma: int) -> bool:
    """The wer-clause ends at this comma with its verb ("Wer das fordert, tritt …")."""
    return comma > 0 and narration[comma - 1].text[:1].islower()


# the speaker, the audience or the addressee; not "sie"/"er", often a thing ("die Zahlen … sie zeigen")
_PERSONAL_PRONOUNS = frozenset({"ich", "Ich", "wir", "Wir", "Sie", "du", "Du", "ihr", "Ihr"})
_TOPIC_VERBS = frozenset({"reden", "sprechen"})


def _determiner(narration: list[Word], position: int) -> bool:
    """ "meine Damen und Herren", "meine sehr verehrten Kollegen": "meine" before its noun is the
    possessive, not the verb "meinen"."""
    if narration[position].lower != "meine":
        return False
    for word in narration[position + 1 : position + 4]:
        if not word.is_word or word.lower in _PRONOUN_SUBJECTS | {"ich", "wir", "sie"}:
            return False
        if word.capitalized:
            return True
    return False


def _topic_verb(narration: list[Word], position: int) -> bool:
    """ "darüber reden, wie …", "über X sprechen, ob …": GePaDe gives these clauses as the talk's
    topic; "sprach davon, dass …" reports one."""
    if _CUE_FORMS.get(narration[position].lower, ("",))[0] not in _TOPIC_VERBS:
        return False
    clause = narration[max(0, position - 6) : position + 4]
    return not any(w.lower in {"davon", "von"} for w in clause)


_ADDRESSEE_PREPOSITIONS = frozenset({"an"})
# words in a parenthesis that stand for the sentence around it: "- das hat sie gesagt -", "- darauf
# hat er hingewiesen -"
_PLACEHOLDERS = frozenset({"das", "es", "dies", "darauf", "daran", "davon", "dazu", "darüber"})
_DASHES = frozenset({"-", "–", "—"})


def _aside_around(narration: list[Word], mention: Mention | None, cue: int) -> tuple[int, int] | None:
    """The positions of the dashes of a parenthesis ("- das lernen wir im ersten Semester -") that
    holds the mention but not the cue: a source there belongs to the aside, not to the cue."""
    if mention is None:
        return None
    dashes = [k for k, w in enumerate(narration) if w.text in _DASHES]
    for first, last in zip(dashes[::2], dashes[1::2], strict=False):
        inside = narration[first].end <= mention.start and mention.end <= narration[last].start
        if inside and not first < cue < last:
            return first, last
    return None


def _pointing_aside(narration: list[Word], cue: int) -> tuple[int, int] | None:
    """The dashes of a parenthesis around the cue whose "das"/"es" before the cue stands for the
    sentence around it ("Unternehmen erleben - das hat die Kollegin gesagt - einen Crashkurs"):
    that sentence is what the cue reports, not the words after the closing dash (GePaDe train
    gives such a "das", "es" or "darauf" as the message 80 times). None without a sentence on both sides."""
    dashes = [k for k, w in enumerate(narration) if w.text in _DASHES]
    aside = next(((a, b) for a, b in zip(dashes[::2], dashes[1::2], strict=False) if a < cue < b), None)
    if aside is None or not any(w.lower in _PLACEHOLDERS for w in narration[aside[0] + 1 : cue]):
        return None
    first, last = aside
    if first == 0 or _sentence_end(narration, last) <= last + 1:
        return None
    return aside


# prepositions that make a cue noun a topic ("über die Frage", "mit der Frage"); "zu" makes it a
# support verb's ("zur Kenntnis nehmen", "zu dem Schluss kommen")
_TOPIC_PREPOSITIONS = lexicon.PREPOSITIONS - {"zu", "zur", "zum"}


def _governed_noun(narration: list[Word], cue: int) -> bool:
    """The cue noun after a preposition and its article ("über die Frage", "mit der Frage"): a
    topic, not the object a subject holds; a bare one is a support verb's ("in Zweifel stellen")."""
    words = [w for w in narration[max(0, cue - 3) : cue] if w.is_word]
    return len(words) >= 2 and words[-1].lower in lexicon.ARTICLES and words[-2].lower in _TOPIC_PREPOSITIONS


def _es_beside(narration: list[Word], position: int) -> bool:
    """ "heißt es" or "es heißt": the impersonal form that reports what a text or rumour says."""
    after = position + 1 < len(narration) and narration[position + 1].lower == "es"
    return after or (position > 0 and narration[position - 1].lower == "es")


def _crosses(quote: Quote, found: list[Quote]) -> bool:
    """The span overlaps one already found without either containing the other."""
    return any(
        other.start < quote.end
        and quote.start < other.end
        and not (other.start <= quote.start and quote.end <= other.end)
        and not (quote.start <= other.start and other.end <= quote.end)
        for other in found
    )


class IndirectFinder:
    """Reported clauses of one article, attributed through the article's Attributor."""

    def __init__(self, attributor: Attributor) -> None:
        self.attributor = attributor
        self.words = attributor.words
        self.text = attributor.text
        self.quote_spans = [(span.outer_start, span.outer_end) for span in attributor.spans if span.depth == 0]

    def find(self) -> list[Quote]:
        """Every reported clause, a nested one too ("Ich glaube, wir sind uns einig, dass …" reports
        two statements by two sources); of several cues of one clause ("Ich glaube und ich weiß,
        dass …") the first."""
        found: list[Quote] = []
        taken: set[tuple[int, int]] = set()
        sentences = self.attributor.sentences
        for index, sentence in enumerate(sentences):
            narration = self.words.between(sentence.start, sentence.end)
            while narration and narration[0].text in _DASHES:
                narration = narration[1:]  # "- Wer …, weiß, …": a reply marked by a dash
            follow = index + 1
            while narration and narration[-1].text in _OPEN_ENDS and follow < min(len(sentences), index + 3):
                # "Er sagte:" ending a paragraph, or a sentence cut at a colon or comma: the
                # report goes on in the next one
                narration = narration + self.words.between(sentences[follow].start, sentences[follow].end)
                follow += 1
            for quote in self._in_sentence(narration, sentence.start):
                if (quote.start, quote.end) not in taken and not _crosses(quote, found):
                    found.append(quote)
                    taken.add((quote.start, quote.end))
        return sorted(found, key=lambda quote: (quote.start, -quote.end))

    # ---- per sentence -----------------------------------------------------------------------
    def _in_sentence(self, narration: list[Word], sentence_start: int) -> list[Quote]:
        out: list[Quote] = []
        for position, word in enumerate(narration):
            if word.is_quote:
                continue
            if self.attributor.is_speech_verb(narration, position):
                if self.attributor.in_vocative(word.start) or _determiner(narration, position):
                    continue  # "…, meine Damen und Herren, …": an address, not "meinen"
                if _topic_verb(narration, position):
                    continue  # "darüber reden, wie …": the clause is the topic, not a report
                if position > 0 and word.lower == "gesagt" and narration[position - 1].lower in _WORDING_ADVERBS:
                    continue  # "Niemand möchte, ehrlich gesagt, …"
                aside = _pointing_aside(narration, position)
                if aside is not None:  # "- das hat die Kollegin gesagt -": the sentence around it, her words
                    report = self._aside_report(narration, aside, position)
                    out.extend([report] if report is not None else [])
                    continue
                clause = self._after(narration, position) or self._before(narration, position)
                if clause is not None:
                    out.append(self._quote(clause, self._cue_attribution(narration, position, sentence_start)))
            elif word.lower in _HEISST_FORMS and _es_beside(narration, position):
                report = self._heisst_es_report(narration, position, sentence_start)
                out.extend([report] if report is not None else [])
            elif word.lower in _CLAUSE_NOUNS and word.capitalized:
                clause = self._after_noun(narration, position)
                if clause is not None:
                    out.append(self._quote(clause, self._noun_attribution(narration, position)))
            elif word.lower in PREDICATIVE_CUES and (not word.capitalized or position == 0):
                copula = copula_of(narration, position)
                clause = self._after_adjective(narration, position) if copula is not None else None
                if clause is not None and copula is not None:
                    out.append(self._quote(clause, self._adjective_attribution(narration, copula, position)))
            elif word.lower == "fest" and (holder := self._fest_holder(narration, position)) is not None:
                clause = self._after_adjective(narration, position)  # "Für die Ministerin steht fest, dass …"
                if clause is not None:
                    out.append(self._quote(clause, holder))
            elif word.lower in {"laut", "zufolge"} or (
                word.lower == "so" and position > 0 and narration[position - 1].text == ","
            ):
                clause = self._around_source(narration, position)
                if clause is not None:
                    phrase_source = self.attributor.source_phrase(narration, position)
                    if phrase_source is not None:
                        out.append(self._quote(clause, phrase_source))
        return out

    def _heisst_es_report(self, narration: list[Word], cue: int, sentence_start: int) -> Quote | None:
        """ "In einer Mitteilung des Kreises heißt es, man prüfe …" · "Man prüfe …, hieß es aus dem
        Rathaus": the clause after "heißt es" (and the document or place phrase it may have) or
        before it; its source is the document's owner or the phrase, as for a direct quotation
        ("heißt es" alone names no one). "Als Begründung hieß es, …" is a main clause (the verb before
        "es"); not "Wie es heißt, …", "als es hieß" (a clause of their own) or "Wie heißt es so schön"."""
        from .attribution import Attribution, Cue  # the attribution module imports this one

        es_after = cue + 1 < len(narration) and narration[cue + 1].lower == "es"
        opening = self._clause_start(narration, cue)
        if es_after and cue > 0 and opening == cue - 1 and narration[opening].lower == "wie":
            return None  # "Wie heißt es so schön": a question
        if not es_after and opening < cue and narration[opening].lower in _SUBORDINATORS | {"wie", "so"}:
            return None  # "wie es heißt", "als es hieß": the formula's own clause
        k = cue + 2 if es_after else cue + 1
        while (
            k < len(narration)
            and k - cue <= HEISST_PHRASE_REACH
            and narration[k].text not in _CLAUSE_BREAKS
            and narration[k].text not in _ENDS
            and not narration[k].is_quote
        ):
            k += 1
        clause = None
        if k + 1 < len(narration) and narration[k].text in {",", ":"}:
            end = k + 1
            while end < len(narration) and narration[end].text not in _ENDS:
                end += 1
            words = narration[k + 1 : end]
            if words and reported_clause(words, main_clause=True, after_colon=narration[k].text == ":"):
                clause = self._span(words)
        if clause is None:
            clause = self._before(narration, cue)
        if clause is None and not (
            cue > 1 and narration[cue - 1].text == "," and self._document_phrase_before(narration, cue)
        ):
            clause = self._before(narration, cue, main_clause=True)  # "Er soll teuer sein, heißt es."
        if clause is None:
            return None
        word = narration[cue]
        if narration[cue - 1].lower == "es" if cue > 0 else False:
            cue_found = Cue(narration[cue - 1].start, word.end, f"{narration[cue - 1].text} {word.text}", "verb")
        else:
            cue_found = Cue(word.start, narration[cue + 1].end, f"{word.text} es", "verb")
        return self._quote(clause, Attribution(cue_found, self.attributor.document_source(word, sentence_start), False))

    @staticmethod
    def _document_phrase_before(narration: list[Word], cue: int) -> bool:
        """ "In dem Beschluss, der dieser Zeitung vorliegt, heißt es": the words before the comma
        are a prepositional phrase and its relative clause — the document the formula quotes, no
        clause it reports ("Vor allem Preise stiegen, hieß es" is one)."""
        start = cue - 1
        while start > 0 and narration[start - 1].text not in _ENDS and narration[start - 1].text != ":":
            start -= 1
        phrase = narration[start : start + DOCUMENT_PHRASE_WORDS + 1]
        return narration[start].lower in lexicon.PREPOSITIONS and any(w.text == "," for w in phrase[2:])

    def _aside_report(self, narration: list[Word], aside: tuple[int, int], cue: int) -> Quote | None:
        """The sentence around a parenthesis that says whose it is, with the source the parenthesis
        names ("- das hat die Kollegin gesagt -"); none in the passive ("- das wurde schon gesagt -"),
        where the noun-phrase fallback would take the placeholder for the source."""
        first, last = aside
        clause = self._span(narration[: _sentence_end(narration, last)])
        if clause is None:
            return None
        inner = narration[first + 1 : last]
        attribution = self._cue_attribution(inner, cue - first - 1, inner[0].start)
        mention = attribution.mention
        if mention is not None and any(
            mention.start <= w.start < mention.end for w in inner if w.lower in _PLACEHOLDERS
        ):
            attribution = replace(attribution, mention=None)
        return self._quote(clause, attribution)

    def _cue_attribution(self, narration: list[Word], cue: int, sentence_start: int) -> Attribution:
        """The source of a verb cue, with what GePaDe's conventions add: none for a finding or a
        reading ("Die Konferenz hat gezeigt, dass …"), the "wer" of a free relative clause, an
        indefinite subject ("weiß doch jeder")."""
        word = narration[cue]
        attribution = self._verb_attribution(narration, cue, sentence_start)
        if (word.lower in _SOURCELESS and not self._personal_subject(narration, cue, attribution.mention)) or (
            is_evidence_form(word.lower) and not _can_speak(attribution.mention)
        ):
            return replace(attribution, mention=None)
        if (generic := _free_relative(narration, cue)) is not None:
            return replace(attribution, mention=generic)
        if attribution.mention is None:
            opening = self._clause_start(narration, cue)
            return replace(attribution, mention=_indefinite_subject(narration, cue, opening))
        return attribution

    def _personal_subject(self, narration: list[Word], cue: int, mention: Mention | None) -> bool:
        """ "Wir werden zeigen, dass …", "Sie haben nicht gezeigt, wieso …": a speaker or the
        addressee as the subject of an evidence verb in its own clause shows by what they say or
        do, and is the source (GePaDe train: 7 such "zeigen" cues with that source, 1 without),
        unlike a finding ("Das zeigt, dass …") or a reading ("lesen wir, dass …": no source)."""
        word = narration[cue].lower
        if mention is None or mention.kind != "pronoun" or not is_evidence_form(word) or word.startswith("laut"):
            return False
        if mention.text not in _PERSONAL_PRONOUNS:
            return False
        start = self._clause_start(narration, cue)
        end = cue + 1
        while end < len(narration) and narration[end].text not in _CLAUSE_BREAKS and narration[end].text not in _ENDS:
            end += 1
        return narration[start].start <= mention.start and mention.end <= narration[end - 1].end

    @staticmethod
    def _first_person_subject(narration: list[Word], cue: int) -> Mention | None:
        """ "frage ich Sie, ob …", "An die Kollegen möchte ich appellieren: …": an "ich" or "wir" in
        the cue's clause (between commas or dashes) is its subject — they have no other case —,
        whoever else it names; not one compared with ("genauso gut wie ich")."""
        bounds = _CLAUSE_BREAKS | _ENDS | _DASHES
        start = cue
        while start > 0 and narration[start - 1].text not in bounds:
            start -= 1
        end = cue + 1
        while end < len(narration) and narration[end].text not in bounds:
            end += 1
        pronoun = next(
            (
                w
                for k, w in enumerate(narration[start:end], start)
                if w.lower in {"ich", "wir"}
                and not w.is_quote
                and not (k > 0 and narration[k - 1].lower in {"als", "wie"})
            ),
            None,
        )
        if pronoun is None:
            return None
        return Mention(pronoun.start, pronoun.end, "pronoun", "nom", Referent(gender="1"), pronoun.text)

    def _verb_attribution(self, narration: list[Word], cue: int, sentence_start: int) -> Attribution:
        """The cue rules' source, or the one a causative names: "Lassen Sie mich sagen", "Sie haben
        mich sagen hören" are "mich"'s words, not the addressee's."""
        attribution = self.attributor.verb_source(narration, cue, sentence_start)
        aside = _aside_around(narration, attribution.mention, cue)
        if aside is not None:  # "jeder Jurist weiß - das lernen wir im ersten Semester - , dass …"
            first, last = aside
            shifted = cue - (last + 1 - first) if cue > last else cue
            attribution = self.attributor.verb_source(
                narration[:first] + narration[last + 1 :], shifted, sentence_start
            )
            if _aside_around(narration, attribution.mention, cue) is not None:
                attribution = replace(attribution, mention=None)
        speaker = self._first_person_subject(narration, cue)
        found = attribution.mention
        if speaker is not None and (found is None or found.text.lower() not in {"ich", "wir"}):
            attribution = replace(attribution, mention=speaker)  # "frage ich Sie, ob …": "ich", not "Sie"
        causee = _causee(narration, cue)
        if causee is None:
            return attribution
        word = narration[causee]
        return replace(
            attribution, mention=Mention(word.start, word.end, "pronoun", "obl", Referent(gender="1"), word.text)
        )

    def _after(self, narration: list[Word], cue: int) -> tuple[int, int] | None:
        """ "sagte er (am Montag), der Sohn habe …" / "kündigte an, dass …" / "sagte: X sei …"."""
        k = cue + 1
        while (
            k < len(narration)
            and narration[k].text not in _CLAUSE_BREAKS
            and narration[k].text not in _ENDS
            and not narration[k].is_quote
        ):
            if narration[k].text == "-":  # "weiß - das lernen wir im ersten Semester - , dass …"
                closing = next((j for j in range(k + 1, len(narration)) if narration[j].text == "-"), None)
                if closing is not None and all(w.text not in _ENDS for w in narration[k:closing]):
                    k = closing
            k += 1
        if k >= len(narration) or narration[k].text not in {",", ":"}:
            return None
        separator = narration[k].text
        start = k + 1
        end = start
        while end < len(narration) and narration[end].text not in _ENDS:
            if (
                narration[end].text == ","
                and end + 1 < len(narration)
                and self.attributor.is_speech_verb(narration, end + 1)
                and not _determiner(narration, end + 1)  # "…, meine Damen und Herren": an address
            ):
                break  # ", sagte sie, …": the next cue's clause begins
            end += 1
        clause = narration[start:end]
        addressed = False
        while clause and (self.attributor.in_vocative(clause[0].start) or clause[0].text == ","):
            clause = clause[1:]  # "…, sage ich, meine Damen und Herren, …": the address is no report
            addressed = True
        if addressed and clause and clause[0].text == ":":
            clause, separator = clause[1:], ":"  # "sage ich Ihnen, liebe Kollegen: Das machen wir nicht mit"
        if len(clause) > 2 and clause[0].lower in _WORDING_ADVERBS and clause[1].lower == "gesagt":
            clause = clause[3:] if clause[2].text == "," else clause  # "erwarte ich, ehrlich gesagt, dass …"
        from .attribution import cue_category  # the attribution module imports this one

        says = (
            cue_category(narration[cue].text) != THINK
            or narration[cue].lower not in _CUE_FORMS
            or _first_person_next_to(narration, cue)  # "Ich glaube, das ist der falsche Ansatz"
        )
        opening = self._clause_start(narration, cue)
        if opening < cue and narration[opening].lower in _COORDINATORS:
            opening += 1  # "…, und ich hoffe, sie wird …": a main clause of its own
        opener = narration[opening].lower if opening < cue else ""
        if opener in _DEMONSTRATIVES | {"den", "dem"} and narration[opening].capitalized:
            opener = ""  # "Die Ministerin sagte, …": an article, not a relative pronoun
        relative = opener in lexicon.PREPOSITIONS and narration[opening + 1].lower in _RELATIVE_PRONOUNS
        if opener in _SUBORDINATORS or opener in _NOT_REPORTING_OPENERS or relative:
            says = False  # "Wenn Sie sagen, stellen wir …", "Was er gesagt hat, stimmt": no report
        conditional = opener in _CONDITIONS and not (opener == "da" and opening + 1 == cue)  # "Da fragt man sich"
        if clause and clause[0].lower == "wenn" and narration[cue].lower in _WENN_CUES and separator == ",":
            return self._span(clause)  # "Ich würde mich freuen, wenn Sie zustimmen"
        if not clause or not reported_clause(
            clause,
            main_clause=says or opener == "wie",
            after_colon=separator == ":",
            conditional=conditional,
            # "Ich glaube, …", "glaube ich, …": the stance right before its comma
            own_stance=_first_person_next_to(narration, cue)
            and cue_category(narration[cue].text) == THINK
            and k <= cue + 2,
        ):
            return None
        if opener == "wie" and separator == "," and opening > 1 and narration[opening - 1].text == ",":
            # "Kitas sind, wie schon gesagt wurde, nicht nur Orte der Betreuung": the statement is
            # the sentence around the wie-clause
            begin = opening - 1
            while begin > 0 and narration[begin - 1].text not in _ENDS and narration[begin - 1].text != ":":
                begin -= 1
            return self._span(narration[begin : opening - 1] + clause)
        if separator == "," and self.attributor.is_speech_verb(clause, 0):
            return None  # "Wer das fordert, sagt, …": the next cue opens its own report (after a
            # colon the clause is the message, an imperative too: "Ich bitte Sie: Hören Sie auf")
        if (
            conditional
            and separator == ","
            and clause[0].lower in _QUESTION_WORDS
            and len(clause) > 1
            and clause[1].lower in lexicon.AUXILIARIES
        ):
            return None  # "Wenn sich das bewiesen hat, warum können wir dann nicht …": the main clause asks
        if clause[0].lower == "wie" and any(self.attributor.is_speech_verb(clause, i) for i in range(len(clause))):
            return None  # ", wie Pro Asyl feststellt": a source clause, not a report
        lemma = _CUE_FORMS.get(narration[cue].lower, ("",))[0]
        if clause[0].lower == "was" and lemma and any(_CUE_FORMS.get(w.lower, ("",))[0] == lemma for w in clause):
            return None  # "hat gesagt, was er sagen wollte": what he said, not a question he reports
        return self._span(clause)

    @staticmethod
    def _clause_start(narration: list[Word], cue: int) -> int:
        """Where the clause the cue stands in begins ("wie" in "Wie X mitteilte, …"). A quotation
        inside the clause is one of its words ("Während Trump von „Fortschritten“ sprach, …"): only
        one that opens the clause ends it ("„…“ sagte er")."""
        k = cue
        while k > 0 and narration[k - 1].text not in _CLAUSE_BREAKS and narration[k - 1].text not in _ENDS:
            if narration[k - 1].is_quote and (
                k == 1 or narration[k - 2].text in _CLAUSE_BREAKS or narration[k - 2].text in _ENDS
            ):
                break
            k -= 1
        return k

    def _after_noun(self, narration: list[Word], cue: int) -> tuple[int, int] | None:
        """ "die Frage, ob …", "den Eindruck, dass …": a dass-, ob- or question-word clause right
        after a noun of saying or thinking."""
        k = cue + 1
        if k < len(narration) and narration[k].lower in _COPULAS:
            k += 1  # "Die Frage ist, wie …", "Mein Eindruck ist: …"
        if k < len(narration) and narration[k].lower in _ADDRESSEE_PREPOSITIONS:
            # "Mein Appell an Sie: …", "ein Appell an alle Fraktionen: …": whom it is addressed to
            colon = next((j for j in range(k + 1, min(len(narration), k + 8)) if not narration[j].is_word), None)
            if colon is not None and narration[colon].text == ":":
                k = colon
        verbs = 0
        while k < len(narration) and verbs < 2 and narration[k].is_word and narration[k].text.islower():
            if narration[k].lower not in _HOLDING_VERBS and self.attributor.is_speech_verb(narration, k):
                return None  # "in der Debatte darstellen, dass …": the verb's clause, not the noun's
            k += 1  # "die Frage stellen, ob …", "zur Kenntnis nehmen, dass …", "Hoffnung haben können, dass …"
            verbs += 1
        if k + 1 >= len(narration) or narration[k].text not in {",", ":"}:
            return None
        return self._clause_after(narration, k)

    def _after_adjective(self, narration: list[Word], cue: int) -> tuple[int, int] | None:
        """ "überzeugt, dass …", "bewusst: …", "einig darüber, ob …": the clause after a predicative cue."""
        k = clause_separator(narration, cue)
        if k is None or k + 1 >= len(narration):
            return None
        if narration[cue].lower in _WENN_CUES and narration[k + 1].lower == "wenn":
            return self._span(narration[k + 1 : _sentence_end(narration, k + 1)])  # "Ich bin dankbar, wenn …"
        return self._clause_after(narration, k)

    def _clause_after(self, narration: list[Word], k: int) -> tuple[int, int] | None:
        """The reported clause after the comma or colon at `k`, up to the sentence's end: after a
        comma only when it opens with "dass", "ob" or a question word."""
        colon = narration[k].text == ":"
        end = k + 1
        while end < len(narration) and narration[end].text not in _ENDS:
            end += 1
        clause = narration[k + 1 : end]
        while clause and (self.attributor.in_vocative(clause[0].start) or clause[0].text == ","):
            clause = clause[1:]  # "der Überzeugung, meine Damen und Herren, dass …": the address is no report
        if not clause:
            return None
        opener = clause[0].lower
        if not colon and opener not in _INTRODUCERS and opener not in _QUESTION_WORDS:
            if not _subjunctive_main_clause(clause):
                return None  # "die Sorge, die wir teilen": a relative clause, no report
            return self._span(clause)  # "den Eindruck erwecken, Deutschland sei der Zahlmeister"
        return self._span(clause) if reported_clause(clause, after_colon=colon) else None

    def _adjective_attribution(self, narration: list[Word], copula: int, cue: int) -> Attribution:
        """The holder of a predicative cue: its dative ("Mir ist klar") or its subject ("Wir sind uns
        einig"), as PREDICATIVE_CUES says; nobody when the sentence names none ("Es ist klar")."""
        from .attribution import Attribution, Cue  # the attribution module imports this one

        word = narration[cue]
        start = copula
        while start > 0 and narration[start - 1].text not in _CLAUSE_BREAKS and narration[start - 1].text not in _ENDS:
            start -= 1
        holder: Mention | None = None
        dative = dative_holder(narration, start, cue) if PREDICATIVE_CUES[word.lower] == DATIVE else None
        if dative is not None:
            pronoun = narration[dative]
            first_person = pronoun.lower in {"mir", "uns"}
            holder = Mention(
                pronoun.start, pronoun.end, "pronoun", "obl", Referent(gender="1" if first_person else ""), pronoun.text
            )
        elif (held := self.attributor.fuer_holder(narration[start : cue + 1])) is not None:
            holder = held  # "Für ihn ist klar", "für die Ministerin ist klar": the mention, resolved as any
        elif (beneficiary := _fuer_holder(narration, start, cue)) is not None:
            pronoun = narration[beneficiary]
            first_person = pronoun.lower in {"mich", "uns"}
            holder = Mention(
                pronoun.start, pronoun.end, "pronoun", "obl", Referent(gender="1" if first_person else ""), pronoun.text
            )
        elif PREDICATIVE_CUES[word.lower] != DATIVE:  # "wir sind uns einig": "uns" is reflexive
            holder = next(
                (
                    m
                    for m in self.attributor.mentions_in(narration[start].start, word.start)
                    if m.case == "nom" and m.kind != "possessive"
                ),
                None,
            )
        return Attribution(Cue(word.start, word.end, word.text, "noun"), holder, False)

    def _fest_holder(self, narration: list[Word], cue: int) -> Attribution | None:
        """Whose view "für X steht fest, dass …" reports: X (the attributor's "für" frame); none
        without it ("Es steht fest, dass …" is no one's words, and no report here)."""
        from .attribution import Attribution, Cue  # the attribution module imports this one

        start = cue
        while start > 0 and narration[start - 1].text not in _CLAUSE_BREAKS and narration[start - 1].text not in _ENDS:
            start -= 1
        holder = self.attributor.fuer_holder(narration[start : cue + 1])
        if holder is None:
            return None
        word = narration[cue]
        return Attribution(Cue(word.start, word.end, word.text, "noun"), holder, False)

    def _noun_attribution(self, narration: list[Word], cue: int) -> Attribution:
        """The owner of a cue noun when a possessive names it ("seine Hoffnung, dass …"), else nobody:
        "Es stellt sich die Frage, ob …" reports no one's words."""
        from .attribution import Attribution, Cue  # the attribution module imports this one

        word = narration[cue]
        owner = None
        if cue > 0 and narration[cue - 1].lower in lexicon.POSSESSIVE_DETERMINERS | {"ihre", "ihrer", "ihren"}:
            determiner = narration[cue - 1]
            owner = next(
                (m for m in self.attributor.mentions_in(determiner.start, word.start) if m.kind == "possessive"),
                None,
            )
            if owner is None and determiner.lower.startswith(("mein", "unser")):
                # "Mein Eindruck ist: …", "aus meiner Sicht": the speaker's own view
                owner = Mention(
                    determiner.start, determiner.end, "possessive", "gen", Referent(gender="1"), determiner.text
                )
        if owner is None:
            owner = self._clause_subject(narration, cue)  # "Ich bin der festen Überzeugung, dass …"
        return Attribution(Cue(word.start, word.end, word.text, "noun"), owner, False)

    def _clause_subject(self, narration: list[Word], cue: int) -> Mention | None:
        """The subject before a cue noun in its clause: "Ich habe den Eindruck, dass …", "Die Länder
        hatten die Befürchtung, dass …" (none in "Es stellt sich die Frage, ob …")."""
        start = cue
        while start > 0 and narration[start - 1].text not in _CLAUSE_BREAKS and narration[start - 1].text not in _ENDS:
            start -= 1
        if not any(w.lower in _HOLDING_VERBS for w in narration[start : cue + 3]):
            return None  # "Der Bericht wirft die Frage auf, ob …": the subject raises it, holds no view
        if _governed_noun(narration, cue):
            return None  # "Sie haben über die Frage gesprochen, wie …": the topic, nobody's view
        return next(
            (
                m
                for m in self.attributor.mentions_in(narration[start].start, narration[cue].start)
                if m.case == "nom" and m.kind != "possessive" and m.end <= narration[cue].start
            ),
            None,
        )

    def _before(self, narration: list[Word], cue: int, *, main_clause: bool = False) -> tuple[int, int] | None:
        """ "Der Zug sei ausgefallen, teilte die Bahn mit": the clause before an inverted cue (with
        `main_clause`, an indicative one too: "Er soll teuer sein, heißt es")."""
        if cue == 0 or narration[cue - 1].text != ",":
            return None
        start = cue - 1
        while start > 0 and narration[start - 1].text not in _ENDS and narration[start - 1].text != ":":
            start -= 1
        clause = narration[start : cue - 1]
        if (
            not clause
            or not reported_clause(clause, main_clause=main_clause)
            or (clause[0].lower in _INTRODUCERS and start > 0)
        ):
            return None
        return self._span(clause)

    def _around_source(self, narration: list[Word], position: int) -> tuple[int, int] | None:
        """ "Laut Polizei seien zwei Menschen verletzt worden" · "Der Polizei zufolge sei …" ·
        "Der Mann sei, so die Polizei, geflohen": the sentence around the source phrase, when
        it is in the subjunctive."""
        word = narration[position].lower
        end = len(narration)
        while end > 0 and narration[end - 1].text in _ENDS:
            end -= 1
        if word == "zufolge":
            clause = narration[position + 1 : end]
        elif word == "laut" and (position == 0 or narration[position - 1].text in _CLAUSE_BREAKS):
            k = position + 1
            while k < end and narration[k].text not in _CLAUSE_BREAKS and not is_subjunctive(narration, k):
                k += 1
            clause = narration[k + 1 if k < end and narration[k].text in _CLAUSE_BREAKS else k : end]
        elif word == "so":
            k = position + 1
            while k < end and narration[k].text not in _CLAUSE_BREAKS:
                k += 1
            clause = narration[: position - 1] + narration[k + 1 : end]
        else:
            clause = narration[:end]  # "Zwei Menschen seien laut Polizei verletzt worden"
        words = [w for w in clause if w.is_word]
        if len(words) < MIN_WORDS or not any(is_subjunctive(clause, i) for i in range(len(clause))):
            return None
        return self._span(clause)

    # ---- output ------------------------------------------------------------------------------
    def _span(self, clause: list[Word]) -> tuple[int, int] | None:
        while clause and clause[-1].text in _CLAUSE_BREAKS:
            clause = clause[:-1]
        if not clause:
            return None
        start, end = clause[0].start, clause[-1].end
        quoted = sum(min(end, e) - max(start, s) for s, e in self.quote_spans if s < end and e > start)
        if quoted > MAX_QUOTED_SHARE * (end - start):
            return None
        return start, end

    def _quote(self, span: tuple[int, int], attribution: Attribution) -> Quote:
        from .attribution import attributed_quote  # the attribution module imports this one

        start, end = span
        quote = Quote(start=start, end=end, text=self.text[start:end], kind=INDIRECT, open_mark="", close_mark="")
        return attributed_quote(quote, self.attributor.described(attribution))
