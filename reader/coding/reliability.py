"""Intercoder reliability on nominal data: percent agreement, Cohen's kappa, Krippendorff's alpha.

Data are ratings: per unit, per coder, one value (a coder who did not rate a unit is absent from
it — missing data). Units rated by fewer than two coders cannot be compared and are left out, as
Krippendorff prescribes. A coefficient that is undefined (one value only: no variation to
agree on) is None, never a made-up number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations
from typing import Any

Ratings = Mapping[Any, Mapping[str, Any]]  # unit -> coder -> value (hashable)


def pairable(ratings: Ratings) -> list[list[Hashable]]:
    """The values of every unit rated by two coders or more."""
    return [list(values.values()) for values in ratings.values() if len(values) >= 2]


def percent_agreement(ratings: Ratings) -> float | None:
    """Agreeing pairs of coders over all pairs, pooled over units (for two coders: the share of
    units both rated the same). None without any pairable unit."""
    agreeing = total = 0
    for values in pairable(ratings):
        for first, second in combinations(values, 2):
            total += 1
            agreeing += first == second
    return agreeing / total if total else None


def cohens_kappa(ratings: Ratings, first: str, second: str) -> float | None:
    """Cohen's (1960) kappa of two coders over the units both rated: (p_o − p_e) / (1 − p_e)."""
    pairs = [(values[first], values[second]) for values in ratings.values() if first in values and second in values]
    if not pairs:
        return None
    count = len(pairs)
    observed = sum(a == b for a, b in pairs) / count
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[value] * right[value] for value in left.keys() | right.keys()) / count**2
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorffs_alpha(ratings: Ratings) -> float | None:
    """Krippendorff's alpha for nominal data, any number of coders, missing values allowed.

    From the coincidence matrix o_ck (Krippendorff 2011, "Computing Krippendorff's
    Alpha-Reliability"): alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k.
    """
    coincidences: dict[tuple[Hashable, Hashable], float] = {}
    for values in pairable(ratings):
        weight = 1 / (len(values) - 1)
        for i, first in enumerate(values):
            for j, second in enumerate(values):
                if i != j:
                    coincidences[(first, second)] = coincidences.get((first, second), 0.0) + weight
    margins: dict[Hashable, float] = {}
    for (first, _), weight in coincidences.items():
        margins[first] = margins.get(first, 0.0) + weight
    total = sum(margins.values())
    disagreeing = sum(weight for (first, second), weight in coincidences.items() if first != second)
    expected = sum(margins[c] * margins[k] for c in margins for k in margins if c != k)
    if total <= 1 or expected == 0:
        return None
    return 1 - (total - 1) * disagreeing / expected


def coders_of(ratings: Ratings) -> Sequence[str]:
    return sorted({coder for values in ratings.values() for coder in values})
