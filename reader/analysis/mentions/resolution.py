"""Whom each mention means: a pronoun goes to the topic of its own sentence before it, else of the
nearest earlier sentence that has one, with a compatible gender; definite role nouns to their antecedent."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .. import cue_lexicon, lexicon
from ..boilerplate import is_byline
from ..results import RoleLink
from .institutions import institution_kind, of_kind
from .referents import Mention, Referent
from .state import MentionState
from .word_rules import given_name_gender, likely_feminine

_AGE_ADJECTIVE = re.compile(r"^\d+-jährigen?$")
_AGE_HEAD = re.compile(r"^\d+-Jährigen?$")  # "die 81-Jährige": a person by age
# adjectives of what a person was or has long been: they say nothing that sets a second person apart
_PAST = re.compile(r"^(?:früher|ehemalig|einstig|langjährig|bisherig|pensioniert|emeritiert)(?:e|en)?$")
_DATELINE_CLOSE = re.compile(r"\)\s*[-–—]")  # "(dpa) - " after a dateline's place
_AGE_IN_NOUN = re.compile(r"(?:^|\s)(\d{1,3})-[jJ]ährig")  # "die 44-Jährige", "der 61-jährige Rentner"
_AGE_AFTER_NAME = re.compile(r"\s*(?:\((\d{1,3})\)|,\s*(\d{1,3}),)")  # "Uwe Brandt (58)", "Anna Roth, 44,"
_CUE_FORMS = cue_lexicon.cue_forms()
# what opens a subordinate clause before the cue ("Als die Ministerin … sprach, sagte sie"): its subject may be hers
_SUBORDINATORS = frozenset(
    {"als", "wenn", "weil", "nachdem", "während", "bevor", "obwohl", "da", "seit", "seitdem", "sobald", "solange"}
    | {"falls", "ob", "wie", "wo", "damit", "indem", "ehe", "bis", "sodass", "obgleich", "wobei", "zumal"}
)
INVERTED_CUE_REACH = 40  # words before the comma searched for the opening of the clause the cue follows
PRONOUN_LOOKBACK_SENTENCES = 3
DEFINITE_LOOKBACK_SENTENCES = 3
AGE_LOOKBACK_SENTENCES = 6  # an age noun names a person of the story, often some sentences after her name
ANAPHOR_LOOKBACK_SENTENCES = 2
_HOSPITAL_HEADS = ("klinik", "klinikum", "kliniken", "krankenhaus", "universitätsmedizin", "spital", "hospital")
# the definite articles before an institution noun that takes up a named one: a subject, an owner,
# or a source ("Der Staatsanwaltschaft zufolge", "laut dem Landgericht")
_DETERMINERS_BY_CASE = {
    "nom": frozenset({"der", "die", "das"}),
    "gen": frozenset({"der", "des"}),
    "src": frozenset({"der", "dem", "des"}),
}
_PREFIX_HEAD_MIN = 6  # an institution noun this long may open a compound name: "Polizei" → "Polizeipräsidium"


class MentionResolution(MentionState):
    """The resolution rules: pronouns, definite role nouns and anaphors to the people they mean."""

    # ---- resolution ---------------------------------------------------------------------
    def resolve(self, mentions: list[Mention]) -> list[Mention]:
        """Give each pronoun and possessive the referent it most likely stands for: the nearest
        fitting antecedent by gender, a person first, else an organisation or an unnamed role."""
        by_sentence: list[list[int]] = [[] for _ in self.sentences] or [[]]
        starts = [sentence.start for sentence in self.sentences]
        for index, mention in enumerate(mentions):
            by_sentence[max(0, bisect_right(starts, mention.start) - 1)].append(index)
        out: list[Mention] = list(mentions)
        self.anaphors = []
        self.taken_up_as_men = set()
        topics: list[Referent | None] = []  # per sentence: its first nominative person
        earlier: list[list[Referent]] = []  # per sentence: antecedent candidates, best first
        subjects: list[list[Referent]] = []  # per sentence: its nominative candidates
        introduced: list[list[Referent]] = []  # per sentence: the unnamed people an indefinite article brings in
        opened: list[int] = []  # per sentence: where it starts
        organisations: list[list[Referent]] = []  # per sentence: the organisations it names, in any case
        by_head = _organisations_by_head(mentions)
        by_word = _organisations_by_word(mentions)
        # where a place's name opens: "der Bauernverband Sachsen-Anhalt" names its own body, no anaphor
        places = {m.start for m in mentions if m.kind == "name" and m.referent.label == "LOC"}
        companies = _companies(mentions)
        clubs = _clubs(mentions)
        ages: dict[str, str] = {}  # person key → the age the text gave them ("der 61-Jährige", "Uwe Brandt (58)")
        sought: set[str] = (
            set()
        )  # roles named unnamed as an object ("sucht den Besitzer"): a later "der Besitzer" is that one
        for number, indices in enumerate(by_sentence):
            topic: Referent | None = None
            source_topic: Referent | None = None  # a person named as the sentence's source ("laut X", "X zufolge")
            nominative: list[Referent] = []
            other: list[Referent] = []
            unnamed: list[Referent] = []
            for index in indices:
                mention = out[index]
                if (
                    mention.kind == "role"
                    and mention.case == "nom"
                    and not mention.referent.known
                    and mention.referent.role
                ):
                    self._vote_anaphor(mention, topics)
                if mention.kind in {"pronoun", "possessive"}:
                    here = nominative + other
                    if (reported := self._reported_before(mention)) is not None:
                        inside = {
                            id(out[i].referent)
                            for i in indices
                            if reported <= out[i].start < mention.start and out[i].kind not in {"pronoun", "possessive"}
                        }
                        here = [r for r in here if id(r) not in inside]  # not a noun of the reported clause
                    referent = self._antecedent(mention, here, earlier)
                    if (
                        mention.kind == "pronoun"
                        and mention.referent.gender == "m"
                        and referent.known
                        and not self.words.between(starts[number], mention.start)
                    ):  # "Er fährt den Bus": a sentence about him opens with "Er", no "oder er bleibt" of a thing
                        self.taken_up_as_men.add(referent.key or "")
                    mention = Mention(mention.start, mention.end, mention.kind, mention.case, referent, mention.text)
                    out[index] = mention
                elif _anaphoric(mention) and not (
                    (mention.kind == "organisation" and mention.end + 1 in places)
                    or (mention.kind == "role" and mention.referent.role in sought)
                ):
                    # "…, muss Trump den Druck erhöhen, so der frühere Diplomat": not one the report names
                    trailing = self._trailing_source(mention, starts[number])
                    here = [] if trailing else nominative
                    found = self._definite_antecedent(mention, here, subjects, organisations)
                    if found is None and _AGE_HEAD.match(mention.text.split(" ")[-1]) and earlier:
                        # "Für Hannelore Schäfer ist das ein Trost. Die 81-Jährige …": an age takes up
                        # the one person the sentence before names, in any case
                        found = self._definite_antecedent(mention, [], earlier[-1:])
                    if found is None:
                        found = self._salient_person(
                            mention,
                            [] if trailing else nominative + other,
                            self._in_paragraph(mention, earlier, opened),
                            [unnamed, *introduced[::-1]],
                        )
                    if found is None and _AGE_HEAD.match(mention.text.split(" ")[-1]):
                        found = self._only_person_of_gender(mention, nominative + other, earlier)
                    if found is not None and (
                        not self._age_fits(mention, found, ages)
                        or _unnamed_nearer(
                            mention, found, [nominative + other, *earlier[::-1]], [unnamed, *introduced[::-1]]
                        )
                    ):
                        found = None  # "die 44-Jährige" is not the one the text made "der 61-Jährige"
                    if found is None:
                        found = (
                            _named_by_head(mention, by_head)
                            or _named_by_word(mention, by_word)
                            or _the_company(mention, companies)
                            or _the_club(mention, clubs)
                        )
                    if found is not None:
                        if all(found.key != c.key for c in nominative + other):
                            self._learn_gender(mention, found)  # not "X verteidigte die Regisseurin": an object
                        mention = Mention(mention.start, mention.end, mention.kind, mention.case, found, mention.text)
                        out[index] = mention
                elif (found := _named_by_head(mention, by_head) or _named_by_word(mention, by_word)) is not None:
                    mention = Mention(mention.start, mention.end, mention.kind, mention.case, found, mention.text)
                    out[index] = mention
                referent = mention.referent
                if (
                    mention.kind == "role"
                    and mention.case == "obl"
                    and not referent.known
                    and referent.role
                    and mention.text.split(" ")[0].lower() in {"den", "dem", "der"}
                ):
                    sought.add(referent.role)
                self._note_age(mention, ages)
                if (
                    _introduced_unnamed(mention.referent, mention.referent.gender)
                    and mention.case != "gen"
                    and mention.kind not in {"pronoun", "possessive"}  # brought in by her noun, not by a guess
                ):
                    unnamed.append(mention.referent)
                if not _can_be_antecedent(mention) or self._dateline_agency(mention) or self._byline(mention):
                    continue
                if mention.case == "nom" and referent.label == "PER" and topic is None and mention.kind != "possessive":
                    topic = referent
                elif _named_source(mention) and source_topic is None:
                    source_topic = referent
                if mention.case == "nom" and mention.kind not in {"possessive", "pronoun"}:
                    nominative.append(referent)
                elif mention.kind == "name" and mention.case != "gen":
                    other.append(referent)
                elif mention.kind in {"pronoun", "possessive"} and referent.known:
                    # a chain: "Clara … sie … Ihr Amtskollege … begrüßt sie ihn": a resolved pronoun
                    # keeps its person present for the next sentences, as a subject when it is one
                    (nominative if mention.case == "nom" and mention.kind == "pronoun" else other).append(referent)
            if number < len(self.sentences) and not self._narrates(number):
                continue  # a sentence that is only a quotation is the speaker's, no step away from them
            topics.append(topic or source_topic)
            earlier.append(nominative + other)
            introduced.append(unnamed)
            opened.append(starts[number] if number < len(starts) else 0)
            organisations.append(  # named ones, and those named by their noun only ("Dem Landesbauernverband …"),
                [  # which keep a later "der Verband" from an organisation named sentences before
                    out[i].referent
                    for i in indices
                    if out[i].referent.label == "ORG"
                    and (out[i].referent.known or out[i].referent.kind == "organisation")
                    and not self._dateline_agency(out[i])
                ]
            )
            subjects.append(self._topic_group(out, indices, "PER") + self._topic_group(out, indices, "ORG"))
        return out

    def _trailing_source(self, mention: Mention, sentence_start: int) -> bool:
        """ "Ohne Zugeständnisse muss Trump den Druck erhöhen, so der frühere Diplomat" / "…, meint der
        Experte": a definite noun right after a comma and "so" or a cue verb is the source of the
        sentence before it, which reports about the people it names — so it takes up none of them.
        Not after a subordinate clause ("Als Paul Weber kam, sagte der Offizier": may be Weber)."""
        before = self.words.before(mention.start, 2)
        if not (
            len(before) == 2
            and before[0].text == ","
            and (before[1].lower == "so" or before[1].lower in _CUE_FORMS)
            and before[1].text.islower()
        ):
            return False
        opening = self.words.between(sentence_start, before[0].start)
        return bool(opening) and opening[0].lower not in _SUBORDINATORS

    def _reported_before(self, mention: Mention) -> int | None:
        """ "Ihr Sohn habe sich …, sagte sie" / "Sein Sohn, sagte er, habe …": a subject pronoun right
        after a cue verb that follows a comma speaks about the nouns of the clause before it, and
        takes up someone outside it (before it, or in an earlier sentence): where that clause opens.
        None for a subordinate clause ("Als die Ministerin sprach, sagte sie": hers) and after a
        quotation, whose words are no mentions ("„…“, sagte er")."""
        if mention.kind != "pronoun" or mention.case != "nom" or mention.referent.gender == "1":
            return None
        before = self.words.before(mention.start, 2)
        if not (
            len(before) == 2 and before[0].text == "," and before[1].lower in _CUE_FORMS and before[1].text.islower()
        ):
            return None
        clause = self.words.before(before[0].start, INVERTED_CUE_REACH)
        if not clause or clause[-1].is_quote:
            return None
        opener = clause[0]
        for word in reversed(clause):
            if word.text in {",", ".", ":", ";", "!", "?"}:
                break
            opener = word
        return opener.start if opener.lower not in _SUBORDINATORS else None

    def _dateline_agency(self, mention: Mention) -> bool:
        """The agency of a dateline ("Könnern (dpa) - Der Konzern …"): a byline in parentheses,
        no actor of the story, so no antecedent for "der Konzern" or "das Unternehmen"."""
        text = self.words.text
        return (
            mention.kind == "name"
            and text[max(0, mention.start - 1) : mention.start] == "("
            and bool(_DATELINE_CLOSE.match(text, mention.end))
        )

    def _byline(self, mention: Mention) -> bool:
        """A name on a line of its own that credits the author ("Von Nora Beckmann"): the writer,
        no actor of the story, so no antecedent for the "sie" of the next paragraph."""
        text = self.words.text
        end = text.find("\n", mention.end)
        return is_byline(text[text.rfind("\n", 0, mention.start) + 1 : len(text) if end == -1 else end])

    def _narrates(self, number: int) -> bool:
        """Whether the sentence has words of the narration (outside its quotation marks)."""
        sentence = self.sentences[number]
        return any(word.is_word for word in self.words.between(sentence.start, sentence.end))

    def _topic_group(self, mentions: list[Mention], indices: list[int], label: str) -> list[Referent]:
        """The sentence's topic among its people (or organisations) — its first such subject, with
        any coordinated to it ("Anna Roth und Maria Lang") — which a definite noun in the next
        sentences takes up. A dateline's agency before it ("Antholz (dpa) - Franziska Leitner
        hat …") does not hide the person."""
        group: list[Mention] = []
        for index in indices:
            mention = mentions[index]
            if (
                mention.case != "nom"
                or mention.kind in {"possessive", "pronoun"}
                or mention.referent.label != label
                or not _can_be_antecedent(mention)
                or self._dateline_agency(mention)
                or self._byline(mention)
            ):
                continue
            if group and self.words.text[group[-1].end : mention.start].strip() not in {"und", ",", "sowie", "oder"}:
                break
            group.append(mention)
        if not group and label == "PER":  # "Dem Mitautor X zufolge spricht einiges für …": the sentence's source
            group = [m for m in (mentions[i] for i in indices) if _named_source(m)][:1]
        return [m.referent for m in group]

    def _vote_anaphor(self, mention: Mention, topics: list[Referent | None]) -> None:
        """A definite role noun right after a sentence about a person may mean them ("Trump … Der
        Republikaner …"). Only bare roles vote: a qualified one ("der russische Präsident") is how
        a text brings in a second person, so it is learned from appositions alone."""
        if " " in (mention.referent.role or " "):
            return
        for back in range(1, ANAPHOR_LOOKBACK_SENTENCES + 1):
            if back > len(topics):
                return
            candidate = topics[-back]
            if candidate is not None:
                if candidate.known and _compatible(candidate, mention.referent.gender):
                    self.anaphors.append(
                        RoleLink(
                            mention.referent.role or "",
                            candidate.key or "",
                            candidate.name or "",
                            mention.start,
                            mention.end,
                            "anaphor",
                        )
                    )
                return

    def _definite_antecedent(
        self,
        mention: Mention,
        here: list[Referent],
        earlier: list[list[Referent]],
        named: list[list[Referent]] | None = None,
    ) -> Referent | None:
        """The named person (for a role) or organisation (for an institution noun) nearest before
        a definite noun, in its sentence or the DEFINITE_LOOKBACK_SENTENCES before it. An
        institution noun also takes up the one organisation a sentence names outside its subject
        ("Nach einer Umfrage der DIHK ist jedes dritte Unternehmen betroffen. Der Verband sprach …")."""
        label = "ORG" if mention.kind == "organisation" else "PER"
        gender = mention.referent.gender
        role = mention.referent.role
        # "der französische Präsident" brings in someone new, "der CDU-Politiker", an age ("der
        # 58-jährige Winzer") and the person's past ("der frühere Marineoffizier") take up someone named before
        if label == "PER" and (
            role is None or _qualified(mention) or len({link.key for link in self.roles if link.role == role}) > 1
        ):
            return None  # "der französische Präsident" brings in someone new; a role two people hold is no clue
        windows = [here] + [earlier[-back] for back in range(1, min(DEFINITE_LOOKBACK_SENTENCES, len(earlier)) + 1)]
        if label == "ORG" and named:
            # a sentence's subject first, then every organisation it names: "Der Verband X
            # verweist auf einen Leitfaden der Y. Der Verband nennt …" is X
            windows = [
                part
                for back, window in enumerate(windows)
                for part in ([window, window + [c for c in named[-back] if c not in window]] if back else [window])
            ]
        for window in windows:
            if label == "ORG" and any(_unnamed_same_head(mention, c) for c in window):
                return None  # "der Landesschafzuchtverband Niedersachsen … Der Verband": the body without a tagged name
            present = [c for c in window if c.label == label and c.kind != "group" and (label == "PER" or c.known)]
            if not present:
                continue
            if label == "ORG" and not any(_org_fits(mention, c) for c in present):
                continue  # "das Unternehmen" passes over the court the sentence before names
            fitting = {
                c.key: c
                for c in present
                if c.known
                and (label != "PER" or (_compatible(c, gender, lenient=True) and not self._shown_a_man(c, gender)))
                and (label != "ORG" or _org_fits(mention, c))
            }
            # the nearest sentence with a subject decides: one fitting name, else no guess
            # ("Der französische Präsident wartete. … sagte der französische Präsident": someone new)
            return next(iter(fitting.values())) if len(fitting) == 1 else None
        return None

    def _in_paragraph(self, mention: Mention, earlier: list[list[Referent]], opened: list[int]) -> list[list[Referent]]:
        """The windows of the sentences before the mention in its own paragraph: a role noun after
        a heading or a paragraph break ("… Vorerst keine Urteile / In den Monaten hatte der
        Republikaner …") is no pointer to whoever the paragraph before was about."""
        paragraph = self.words.text.rfind("\n", 0, mention.start) + 1
        return [window for window, start in zip(earlier, opened, strict=True) if start >= paragraph]

    def _salient_person(
        self, mention: Mention, here: list[Referent], earlier: list[list[Referent]], unnamed: list[list[Referent]]
    ) -> Referent | None:
        """A definite role noun, subject or source, no sentence subject settles ("Sie lacht. … sagt die Chefin", "Den
        Ausschlag gab Lena Berg. Die junge Nationalspielerin … sagte die Zuspielerin"): the one named
        person of its gender whom the nearest sentence naming anyone keeps present — by name or by
        a pronoun resolved to them — in its own sentence or the DEFINITE_LOOKBACK_SENTENCES before.
        An unnamed role is passed over (it may be the same person); two fitting people: no guess."""
        gender = mention.referent.gender
        if (
            mention.kind != "role"
            or mention.case not in {"nom", "src"}  # a subject, or a source: "Dem Ökologen zufolge …"
            or gender not in {"m", "f"}
            or _qualified(mention)
            or len({link.key for link in self.roles if link.role == mention.referent.role}) > 1
        ):
            return None
        windows = [here] + [earlier[-back] for back in range(1, min(DEFINITE_LOOKBACK_SENTENCES, len(earlier)) + 1)]
        for window, brought_in in zip(windows, unnamed, strict=False):
            if any(_introduced_unnamed(c, gender) for c in brought_in):
                return None  # "hatte ein Schichtleiter ausgesagt. … schilderte der 49-Jährige": that one
            fitting = {
                c.key: self._gendered(c)
                for c in window
                if c.known
                and c.label == "PER"
                and c.kind != "group"
                and _clearly(self._gendered(c), gender)
                and not self._shown_a_man(c, gender)
            }
            if fitting:
                return next(iter(fitting.values())) if len(fitting) == 1 else None
        return None

    def _only_person_of_gender(
        self, mention: Mention, here: list[Referent], earlier: list[list[Referent]]
    ) -> Referent | None:
        """An age noun ("die 54-Jährige") a few sentences after the one named person of its gender
        the text has been about ("Birgit Hollmann steht im Steuerhaus … Der Pegel steht … sagt die
        54-Jährige"): that person, when the AGE_LOOKBACK_SENTENCES name no other of the gender.
        When they name no one of it, the one person of the gender the whole text before names
        ("Erstautorin Katharina Seidl … [a man, a paragraph on the method] … sagt die 38-Jährige")."""
        gender = mention.referent.gender
        if gender not in {"m", "f"}:
            return None
        for windows in ([here, *earlier[-AGE_LOOKBACK_SENTENCES:]], [here, *earlier]):
            people = {
                c.key: self._gendered(c)
                for window in windows
                for c in window
                if c.known and c.label == "PER" and c.kind != "group" and _clearly(self._gendered(c), gender)
            }
            if people:
                return next(iter(people.values())) if len(people) == 1 else None
        return None

    def _shown_a_man(self, person: Referent, gender: str) -> bool:
        """ "Er fährt den Bus … Erst ging der Konsum, sagt die Wirtin": a feminine role noun takes
        up no person of unknown gender whom a sentence before it opened with "Er" for."""
        return gender == "f" and not person.gender and (person.key or "") in self.taken_up_as_men

    def _gendered(self, referent: Referent) -> Referent:
        """The referent with the gender a definite noun taking them up has shown ("die 58-Jährige")."""
        if referent.gender or referent.label != "PER" or not referent.key:
            return referent
        learned = self.genders.get(referent.key, "")
        return replace(referent, gender=learned) if learned else referent

    def _learn_gender(self, mention: Mention, person: Referent) -> None:
        """A feminine definite noun in the nominative that takes up a person named in an earlier
        sentence shows she is a woman ("die 58-Jährige", "die Chefin"), for the "sie" after it —
        what a first name not in -a ("Heike", "Karin") does not. A masculine one tells nothing: "er"
        takes a person of unknown gender anyway, and "der Bürgermeister" is often someone else."""
        if (
            mention.kind == "role"
            and mention.case == "nom"
            and mention.referent.gender == "f"
            and person.label == "PER"
            and person.key
            and not person.gender
            and person.key not in self._gender_conflicts
            and person.key not in self.taken_up_as_men
        ):
            self.genders.setdefault(person.key, "f")

    def _note_age(self, mention: Mention, ages: dict[str, str]) -> None:
        """The age the text gives a named person: "Uwe Brandt (58)", "Anna Roth, 44," or a resolved
        "der 61-Jährige"."""
        key = mention.referent.key
        if not key or mention.referent.label != "PER" or mention.kind not in {"name", "role"}:
            return
        if mention.kind == "role":
            age = _age_of(mention.text)
        else:
            after = _AGE_AFTER_NAME.match(self.words.text, mention.end)
            age = after.group(1) or after.group(2) if after else None
        if age:
            ages.setdefault(key, age)

    def _age_fits(self, mention: Mention, person: Referent, ages: dict[str, str]) -> bool:
        """An age noun ("die 44-Jährige") takes up no one the text has given another age."""
        age = _age_of(mention.text)
        known = ages.get(person.key or "")
        return age is None or known is None or known == age

    def _antecedent(self, pronoun: Mention, here: list[Referent], earlier: list[list[Referent]]) -> Referent:
        """The nearest fitting antecedent: this sentence before the pronoun, then up to
        PRONOUN_LOOKBACK_SENTENCES before it; a referent of known, matching gender first, then
        (for "sie") one whose gender the text does not tell."""
        want = pronoun.referent.gender
        if want == "1":
            return pronoun.referent  # ich, wir: the speaker, never resolved in narration
        windows = [here] + [earlier[-back] for back in range(1, min(PRONOUN_LOOKBACK_SENTENCES, len(earlier)) + 1)]
        for lenient, labels in ((False, {"PER", "ORG"}), (True, {"PER"}), (True, {"ORG"})):
            for window in windows:
                for candidate in window:
                    if candidate.label in labels and _compatible(self._gendered(candidate), want, lenient=lenient):
                        return self._gendered(candidate)
        return Referent(gender=want)


def _qualified(mention: Mention) -> bool:
    """A role noun with an adjective that sets its person apart ("der französische Präsident"),
    not an age ("der 58-jährige Winzer") or a past ("der frühere Marineoffizier")."""
    return len([w for w in mention.text.split(" ") if not _AGE_ADJECTIVE.match(w) and not _says_nothing(w)]) > 2


def _says_nothing(adjective: str) -> bool:
    """An adjective of a person's past or age that sets no second person apart ("der frühere",
    "der junge Winzer"), by the role keys' own list."""
    return bool(_PAST.match(adjective)) or re.sub(r"(?:en|em|er|es|e)$", "", adjective) in lexicon.ROLE_NOISE_ADJECTIVES


def _age_of(text: str) -> str | None:
    """The age a definite noun gives its person: "die 44-Jährige", "der 61-jährige Rentner" → the number."""
    found = _AGE_IN_NOUN.search(text)
    return found.group(1) if found else None


def _unnamed_nearer(
    mention: Mention, person: Referent, present: list[list[Referent]], unnamed: list[list[Referent]]
) -> bool:
    """ "Paul Weber muss zahlen. Aufgeflogen war die Sache durch eine Mitarbeiterin der Stadt. „…“,
    sagte die 44-Jährige": an unnamed person of the role's gender brought in (in any case but the
    genitive) after the person found, nearer the role noun, is whom it takes up. `present` and
    `unnamed` hold, per sentence from the role's own backwards, who is named and who brought in."""
    if mention.kind != "role" or person.label != "PER":
        return False
    for window, brought_in in list(zip(present, unnamed, strict=False))[: DEFINITE_LOOKBACK_SENTENCES + 1]:
        if any(_introduced_unnamed(c, mention.referent.gender) for c in brought_in):
            return True
        if any(c.key == person.key for c in window):
            return False
    return False


def _introduced_unnamed(referent: Referent, gender: str) -> bool:
    """An unnamed person of the gender whom an indefinite article brings in ("ein Schichtleiter",
    "eine Mitarbeiterin der Stadt"): whom a definite noun after them may take up, not anyone named."""
    first = (referent.text or "").split(" ")[0].lower()
    return (
        not referent.known
        and referent.label == "PER"
        and referent.kind == "role"
        and first in lexicon.INDEFINITE_DETERMINERS
        and referent.gender in {gender, ""}
    )


def _clearly(referent: Referent, gender: str) -> bool:
    """The person is of the gender by what the text has shown, or (none shown) by a first name in
    -a for a woman and one not in -a for a man — a stricter test than `_compatible`'s lenient one."""
    if referent.gender:
        return referent.gender == gender
    return likely_feminine(referent.name) == (gender == "f")


def _org_fits(mention: Mention, candidate: Referent) -> bool:
    """ "das Polizeipräsidium" takes up "Polizeipräsidium Niederbayern", "die Gewerkschaft" any
    organisation that opened the sentence before (checked by the caller); a company noun ("das
    Unternehmen", "der Konzern") never a court, an authority or a party."""
    head = mention.text.split(" ")[-1].lower()
    name = (candidate.name or "").lower()
    # (in any case: "des Präsidiums" is the "Polizeipräsidium Westpfalz", not the inspection named nearer)
    specific = next((h for h in ("präsidium", "ministerium", "gericht", "amt", "bank") if _head_is(head, (h,))), None)
    if specific is not None:
        return specific in name  # "die Notenbank" → "Bundesbank", not "Deutsche Bahn"
    if _head_is(head, lexicon.COMPANY_HEADS):
        return not any(public in name for public in (*lexicon.PUBLIC_BODY_HEADS, *lexicon.FACILITY_HEADS))
    # "das Gremium" takes up a "Kreisseniorenbeirat", never a name that does not say it is one ("Verdi")
    return institution_kind(head) is None or of_kind(head, candidate.name or "")


def _unnamed_same_head(mention: Mention, candidate: Referent) -> bool:
    """An organisation the text names without a tagged name whose noun ends in the mention's noun:
    "der Landesschafzuchtverband" for "der Verband"."""
    if candidate.known or candidate.label != "ORG" or candidate.kind != "organisation" or not candidate.text:
        return False
    head = mention.text.split(" ")[-1].lower()
    stem = head.removesuffix("es") if head.endswith("es") and len(head) > 5 else head.removesuffix("s")
    # "der Kreisseniorenbeirat … Das Gremium": an unnamed body of the noun's kind, too
    return _head_is(candidate.text.split(" ")[-1].lower(), (stem,)) or of_kind(head, candidate.text)


def _head_is(noun: str, heads: tuple[str, ...]) -> bool:
    """The noun, or its genitive ("des Verbands", "des Verbandes"), ends in one of the heads; a
    head ending in -e keeps it ("die Behörde", "der Behörde")."""
    return noun.endswith(heads) or noun.removesuffix("s").endswith(heads) or noun.removesuffix("es").endswith(heads)


def _organisations_by_head(mentions: list[Mention]) -> dict[str, dict[str, Referent]]:
    """The article's named organisations by the noun their name opens with: "Polizei
    Gelsenkirchen" and "Universität Augsburg" under "polizei" and "universität"."""
    found: dict[str, dict[str, Referent]] = {}
    for mention in mentions:
        referent = mention.referent
        words = (referent.name or "").split(" ")
        if mention.kind == "name" and referent.label == "ORG" and referent.key and len(words) > 1:
            found.setdefault(words[0].lower(), {})[referent.key] = referent
    return found


def _definite_institution_noun(mention: Mention) -> str | None:
    """The noun of an unnamed organisation mention that is just a definite article of its case and
    one noun ("Die Polizei", "dem Landesamt"), or as a source the noun alone ("Laut Polizei",
    "laut Feuerwehr"), lower-cased; None for any other mention."""
    words = mention.text.split(" ")
    if mention.kind != "organisation" or mention.case not in _DETERMINERS_BY_CASE or mention.referent.known:
        return None
    if len(words) == 1 and mention.case == "src" and words[0][:1].isupper():
        return words[0].lower()
    if len(words) != 2 or words[0].lower() not in _DETERMINERS_BY_CASE[mention.case]:
        return None
    return words[1].lower()


def _named_by_head(mention: Mention, by_head: dict[str, dict[str, Referent]]) -> Referent | None:
    """The one named organisation a definite institution noun as subject (or owner, or source) is the first word of,
    anywhere in the article: "Die Polizei bestätigte …" in a story about the "Polizei
    Gelsenkirchen", "Die Universität plant …" after the "Universität Augsburg" — or whose first
    word it heads as a compound ("Das Gericht" and the "Landgericht Osnabrück"). Two such names: no
    guess."""
    noun = _definite_institution_noun(mention)
    if noun is None:
        return None
    named = by_head.get(noun)
    if not named:  # the head of a compound is its last part: "Das Gericht" is the "Landgericht Osnabrück"
        heads = {noun, *(noun.removesuffix(ending) for ending in ("es", "s") if len(noun) > len(ending) + 3)}
        named = {key: r for first, found in by_head.items() if first.endswith(tuple(heads)) for key, r in found.items()}
    if not named and len(noun) >= _PREFIX_HEAD_MIN:  # "die Polizei" of the "Polizeipräsidium Nordhessen"
        named = {key: r for first, found in by_head.items() if first.startswith(noun) for key, r in found.items()}
    if not named:
        named = _named_hospital(noun, by_head)
    return next(iter(named.values())) if named and len(named) == 1 else None


def _organisations_by_word(mentions: list[Mention]) -> dict[str, dict[str, Referent]]:
    """The article's named organisations by each later word of their name: the "Bayerische
    Landesamt für Denkmalpflege" under "landesamt" (and "für", "denkmalpflege")."""
    found: dict[str, dict[str, Referent]] = {}
    for mention in mentions:
        referent = mention.referent
        if mention.kind == "name" and referent.label == "ORG" and referent.key:
            for word in (referent.name or "").split(" ")[1:]:
                found.setdefault(word.lower(), {})[referent.key] = referent
    return found


def _named_by_word(mention: Mention, by_word: dict[str, dict[str, Referent]]) -> Referent | None:
    """The one named organisation whose name has the definite institution noun as a later word:
    "dem Landesamt zufolge" after the "Bayerische Landesamt für Denkmalpflege". Two such names: no guess."""
    noun = _definite_institution_noun(mention)
    if noun is None:
        return None
    named = by_word.get(noun) or by_word.get(noun.removesuffix("s")) or by_word.get(noun.removesuffix("es"))
    return next(iter(named.values())) if named and len(named) == 1 else None


def _named_hospital(noun: str, by_head: dict[str, dict[str, Referent]]) -> dict[str, Referent]:
    """ "die Klinik" (or "das Krankenhaus", "das Klinikum") after the "Universitätsmedizin
    Rostock" or the "Klinikum Nordstadt": a hospital is named by any of the nouns German names
    hospitals with, and the bare noun takes up the one the article names."""
    stem = noun.removesuffix("s")
    if not stem.endswith(_HOSPITAL_HEADS):
        return {}
    return {key: r for first, found in by_head.items() if first.endswith(_HOSPITAL_HEADS) for key, r in found.items()}


def _companies(mentions: list[Mention]) -> dict[str, Referent]:
    """The article's named organisations whose name ends in a legal form ("Hollweg Confiserie GmbH
    & Co. KG", "Brenner Stahl AG"): what a company noun can mean."""
    return {
        m.referent.key: m.referent
        for m in mentions
        if m.kind == "name"
        and m.referent.label == "ORG"
        and m.referent.key
        and (m.referent.name or "").split(" ")[-1] in lexicon.LEGAL_FORMS
    }


def _clubs(mentions: list[Mention]) -> list[Referent]:
    """The article's named sports clubs ("SGS Essen", "SV Werder Bremen"), in the order the text first names them."""
    found: dict[str, Referent] = {}
    for m in mentions:
        name = m.referent.name or ""
        words = name.split(" ")  # "THW", "SGS" alone too
        if m.kind == "name" and m.referent.label == "ORG" and m.referent.key and lexicon.SPORTS_CLUB_WORDS & set(words):
            found.setdefault(m.referent.key, m.referent)
    return list(found.values())


def _the_club(mention: Mention, clubs: list[Referent]) -> Referent | None:
    """ "Der Verein teilte mit …", "in einer Stellungnahme des Klubs" where no sentence before settles
    it: the club the article names first — in a match report or a transfer story, the one it is
    about ("SGS Essen dreht Spiel gegen Werder … Der Verein teilte mit")."""
    words = mention.text.split(" ")
    if mention.case not in {"nom", "gen", "src"} or len(words) != 2 or not clubs:
        return None
    return clubs[0] if _head_is(words[1].lower(), lexicon.SPORTS_CLUB_NOUNS) else None


def _the_company(mention: Mention, companies: dict[str, Referent]) -> Referent | None:
    """ "Das Unternehmen erklärte …", "in einer Broschüre des Konzerns" where no sentence before
    settles it: the one company the article names by its legal form. Two such companies: no guess."""
    words = mention.text.split(" ")
    if (
        mention.case not in {"nom", "gen", "src"}
        or len(words) != 2
        or not _head_is(words[1].lower(), lexicon.COMPANY_HEADS)
    ):
        return None
    return next(iter(companies.values())) if len(companies) == 1 else None


def _anaphoric(mention: Mention) -> bool:
    """A definite role or institution noun that takes up someone named before it ("Vorstandschef
    Henrik Vollmer … sagte der Manager", "Timo Rasch … Dem Ökologen zufolge", "Die IG BCE … Die
    Gewerkschaft nannte")."""
    if mention.referent.known or mention.kind not in {"role", "organisation"}:
        return False
    words = mention.text.split(" ")
    if mention.kind == "organisation":  # also as a document's owner: "in einem Schreiben des Verbands"
        return (
            mention.case in {"nom", "gen"}
            and words[0].lower() in {"der", "die", "das", "des"}
            and _head_is(words[-1].lower(), lexicon.ANAPHORIC_ORGANISATION_HEADS)
        )
    # a subject, or a source: "Dem Ökologen zufolge", "laut der Ärztin", "nach Angaben des Trainers"
    return words[0].lower() in _DETERMINERS_BY_CASE.get(mention.case, ()) and mention.case in {"nom", "src"}


def _named_source(mention: Mention) -> bool:
    """A named person as a sentence's source ("laut X", "X zufolge"): what the sentence reports is
    theirs, and a definite role noun after it may take them up."""
    return mention.case == "src" and mention.kind == "name" and mention.referent.label == "PER"


def _can_be_antecedent(mention: Mention) -> bool:
    """People, organisations and unnamed roles can be taken up by a pronoun; places cannot."""
    referent = mention.referent
    if mention.kind == "pronoun" and not referent.known and referent.text is None:
        return False
    if referent.gender == "1":
        return False
    return referent.label in {"PER", "ORG"}


def _compatible(referent: Referent, gender: str, *, lenient: bool = False) -> bool:
    """Whether "er" (m) or "sie" (f) can stand for the referent. People of unknown gender take
    "er" at once and "sie" only leniently; one whose given name is likely a woman's takes "sie" at
    once and "er" only leniently, one the lexicon knows as a woman's never; organisations need their article's gender ("die Regierung" → sie, "der
    Konzern" → er), named ones ("Siemens") take "sie" leniently."""
    if referent.label == "PER" and referent.kind != "group":
        feminine = referent.gender == "f" or (referent.gender == "" and likely_feminine(referent.name))
        if gender == "f":
            return feminine or (lenient and referent.gender == "")
        if referent.gender in {"f", "n"} or given_name_gender(referent.name) == "f":
            return False  # "er" never a woman's given name ("Sabine", "Ingrid")
        return lenient or not feminine  # "Andrea", "Luka": an -a ending only orders the candidates
    if referent.label == "ORG":
        if referent.gender:
            return referent.gender == gender
        return lenient and gender == "f"
    return False
