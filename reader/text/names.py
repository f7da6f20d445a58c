"""Name particles: the small words inside names ("Ursula von der Leyen", "Mohammed bin Salman",
"Abdel Fattah al-Sisi"), one list for the pipeline's name spans (nlp/components/name_spans.py)
and the analysis (analysis/analyze.py, analysis/mentions/word_rules.py) alike."""

from __future__ import annotations

# particles that begin a chain before a surname ("von", "de", "van", "zu Reventlow")
CHAIN_PARTICLES = frozenset({"von", "zu", "van", "de", "da", "di", "du", "do", "dos", "del", "della", "ten", "ter", "le", "la"})  # fmt: skip
# articles a chain may hold after its first particle ("von der Leyen", "de la Cruz")
CHAIN_ARTICLES = frozenset({"der", "den", "dem", "la", "le"})
# Arabic and Hebrew particles, apart or hyphenated ("bin Salman", "al-Mansouri", "ben Ami")
ARABIC_PARTICLES = frozenset({"al", "el", "bin", "ibn", "ben"})
NAME_PARTICLES = CHAIN_PARTICLES | CHAIN_ARTICLES | ARABIC_PARTICLES
# ... of which these open a name alone, without a first name before them ("de Vries", "bin
# Salman"): not "da", "von", "zu", "der", which are everyday German words too
LONE_PARTICLES = frozenset({"van", "de", "di", "do", "dos", "del", "della", "bin", "ibn", "al", "ter", "ten", "le", "la"})  # fmt: skip
# foreign chains: what follows is a surname even where it is a German noun ("van der Berg")
FOREIGN_CHAIN_STARTS = frozenset({"van", "de", "di", "do", "dos", "del", "della", "ter", "ten", "le", "la"})
# Arabic articles written with a hyphen before the name ("al-Sisi", "el-Baradei", "ash-Sharaa")
HYPHENATED_ARTICLES = ("al", "el", "as", "ash", "ad", "at")
