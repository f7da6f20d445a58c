"""Pairs of quotations written for measuring quote grouping: (text a, text b, speaker a, speaker b).

SAME: one utterance rendered by two outlets (other translation, partial quote, other order,
spelling, punctuation). DIFFERENT: other utterances, often on the same topic and by the same
person, which a careless matcher would merge.
"""

SAME = [
    (
        "Wir haben ein sehr produktives Gespräch geführt",
        "Wir hatten ein äußerst produktives Gespräch, und über vieles waren wir uns einig",
        "Olaf Scholz",
        "Olaf Scholz",
    ),
    ("produktives Gespräch", "Wir haben ein sehr produktives Gespräch geführt", "Olaf Scholz", "Olaf Scholz"),
    ("Du musst einen Kompromiss finden.", "einen Kompromiss finden", "Olaf Scholz", None),
    (
        "Es gibt keine Einigung, bis es eine Einigung gibt",
        "Es gibt keine Einigung, bevor es eine Einigung gibt.",
        "Friedrich Merz",
        "Friedrich Merz",
    ),
    ("Die Tür für Gespräche bleibt offen", "die Tür für Gespräche bleibe offen", None, "Annalena Baerbock"),
    (
        "Europa muss jetzt geschlossen handeln und darf nicht zögern",
        "Europa muss geschlossen handeln",
        "Emmanuel Macron",
        "Emmanuel Macron",
    ),
    (
        "Jetzt liegt es wirklich an der Regierung in Kiew, die Dinge umzusetzen. Und ich würde sagen, die Europäer müssen sich ein wenig engagieren.",
        "Ich würde auch sagen, dass die Europäer sich ein wenig engagieren müssen",
        "Olaf Scholz",
        "Olaf Scholz",
    ),
    (
        "Das Treffen war ein Schritt in Richtung Frieden",
        "einen Schritt Richtung Frieden",
        "Emmanuel Macron",
        "Emmanuel Macron",
    ),
    ("schwerwiegende Folgen", "Es wird sehr schwerwiegende Folgen haben", "Friedrich Merz", "Friedrich Merz"),
    (
        "Wir sind noch nicht am Ziel, aber wir haben eine sehr gute Chance, dorthin zu kommen",
        "Wir sind noch nicht am Ziel, aber wir haben eine gute Chance",
        "Olaf Scholz",
        "Olaf Scholz",
    ),
    (
        "Putin wird nur auf Stärke reagieren",
        "Putin wird nur auf Stärke reagieren. Ohne Druck spielt er weiter auf Zeit",
        "Lena Berg",
        "Lena Berg",
    ),
    (
        "Niemand hat die Absicht, die Steuern zu erhöhen",
        "niemand habe die Absicht, die Steuern zu erhöhen",
        "Friedrich Merz",
        None,
    ),
    (
        "Wir werden das Land nicht im Stich lassen, niemals",
        "Wir werden das Land niemals im Stich lassen",
        "Annalena Baerbock",
        "Annalena Baerbock",
    ),
    ("Das nächste Mal in Paris", "nächstes Mal in Paris", "Emmanuel Macron", "Emmanuel Macron"),
    ("Zehn von zehn Punkten", "Das Gipfeltreffen verdient zehn von zehn Punkten", "Friedrich Merz", "Friedrich Merz"),
]

DIFFERENT = [
    (
        "Es gibt keine Einigung, bis es eine Einigung gibt",
        "Du musst eine Einigung finden",
        "Olaf Scholz",
        "Olaf Scholz",
    ),
    (
        "Wir haben ein sehr produktives Gespräch geführt",
        "Das Gespräch war eine Zumutung",
        "Olaf Scholz",
        "Friedrich Merz",
    ),
    ("Fortschritten", "großen Fortschritt", "Olaf Scholz", "Olaf Scholz"),
    ("Die Tür für Gespräche bleibt offen", "Die Tür für Gespräche bleibt offen", "Olaf Scholz", "Friedrich Merz"),
    (
        "Europa muss jetzt geschlossen handeln",
        "Russland muss den Krieg sofort beenden",
        "Emmanuel Macron",
        "Emmanuel Macron",
    ),
    (
        "Wir werden das Land nicht im Stich lassen",
        "Wir lassen uns nicht erpressen",
        "Annalena Baerbock",
        "Annalena Baerbock",
    ),
    ("viele Punkte", "Ein paar wenige Punkte sind noch offen", None, None),
    ("Das war ein guter Tag für Europa", "Das war ein schwarzer Tag für die Ukraine", "Emmanuel Macron", "Lena Berg"),
    ("Putin ist ein Kriegsverbrecher", "Putin wird nur auf Stärke reagieren", None, "Lena Berg"),
    ("Wir haben eine sehr gute Chance", "Wir haben keine Chance mehr", "Olaf Scholz", "Olaf Scholz"),
    ("Kernursachen", "Ursachen", "Emmanuel Macron", "Emmanuel Macron"),
    ("Die Sanktionen bleiben in Kraft", "Die Sanktionen werden sofort aufgehoben", "Friedrich Merz", None),
    (
        "Die Lage ist ernst",
        "Die Lage an der Front ist ernst, aber stabil, sagen alle Beteiligten",
        "Maria Lang",
        "Anna Roth",
    ),
    ("Wir stehen fest an der Seite der Ukraine", "Wir stehen fest an der Seite Israels", "Olaf Scholz", "Olaf Scholz"),
    ("Es wird teuer", "Es wird kalt", None, None),
]

# Paraphrased renderings of one utterance by the same speaker (other words, a shortened form, a
# looser translation): the grouping should find them too.
PARAPHRASE_SAME = [
    (
        "Wir sind noch nicht dort, wo wir hinwollen, aber wir kommen voran",
        "Wir sind noch nicht da",
        "Olaf Scholz",
        "Olaf Scholz",
    ),
    (
        "Wir sind noch nicht dort, wo wir sein wollen",
        "Wir sind noch nicht da, wo wir hinwollen",
        "Friedrich Merz",
        "Friedrich Merz",
    ),
    (
        "Es war ein sehr gutes Gespräch, wirklich sehr gut",
        "Das war ein wirklich gutes Gespräch",
        "Emmanuel Macron",
        "Emmanuel Macron",
    ),
    (
        "Ich glaube, wir stehen kurz vor einer Einigung",
        "Wir stehen wohl kurz vor einer Einigung",
        "Annalena Baerbock",
        "Annalena Baerbock",
    ),
    (
        "Das ist nicht verhandelbar, das sage ich ganz deutlich",
        "Das ist nicht verhandelbar",
        "Olaf Scholz",
        "Olaf Scholz",
    ),
    (
        "Wir werden uns bald wiedersehen, vielleicht schon nächste Woche",
        "Wir sehen uns bald wieder",
        "Lena Berg",
        "Lena Berg",
    ),
]
# The same speaker saying other things in similar words: never one group.
PARAPHRASE_DIFFERENT = [
    ("Wir sind noch nicht da", "Wir sind noch nicht fertig mit der Arbeit", "Olaf Scholz", "Olaf Scholz"),
    ("Wir sind bereit zu reden", "Wir sind nicht bereit zu zahlen", "Olaf Scholz", "Olaf Scholz"),
    ("Das ist nicht verhandelbar", "Das ist verhandelbar", "Friedrich Merz", "Friedrich Merz"),
    ("Wir werden das Land schützen", "Wir werden das Land verlassen", "Emmanuel Macron", "Emmanuel Macron"),
    ("Es war ein gutes Gespräch", "Es war ein schwieriges Gespräch", "Annalena Baerbock", "Annalena Baerbock"),
    ("Wir stehen kurz vor einer Einigung", "Wir sind weit entfernt von einer Einigung", "Lena Berg", "Lena Berg"),
    ("Wir sind noch nicht da", "Wir sind noch nicht da", "Olaf Scholz", "Friedrich Merz"),
    ("Wir sind noch nicht da", "Wir sind noch nicht dort, wo wir hinwollen", None, None),
    ("Ich habe keine Angst", "Ich habe keine Zeit", "Maria Lang", "Maria Lang"),
    ("Das Treffen war ein Erfolg", "Das Treffen war kein Erfolg", "Olaf Scholz", "Olaf Scholz"),
]
