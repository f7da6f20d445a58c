"""Agreement coefficients checked against worked examples from the literature, to three decimals."""

from __future__ import annotations

import pytest

from reader.coding.reliability import cohens_kappa, krippendorffs_alpha, percent_agreement


def _ratings(rows: dict[str, str]) -> dict[int, dict[str, str]]:
    """Coder -> space-separated values per unit ("." = missing) as unit -> coder -> value."""
    ratings: dict[int, dict[str, str]] = {}
    for coder, values in rows.items():
        for unit, value in enumerate(values.split()):
            if value != ".":
                ratings.setdefault(unit, {})[coder] = value
    return ratings


def test_krippendorffs_alpha_nominal_with_missing_data() -> None:
    """Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of
    Pennsylvania, Annenberg School for Communication, Departmental Papers 43, section C:
    four observers, twelve units, values 1–5 with missing data; nominal alpha = 0.743."""
    ratings = _ratings(
        {
            "A": "1 2 3 3 2 1 4 1 2 . . .",
            "B": "1 2 3 3 2 2 4 1 2 5 . 3",
            "C": ". 3 3 3 2 3 4 2 2 5 1 .",
            "D": "1 2 3 3 2 4 4 1 2 5 1 .",
        }
    )
    assert round(krippendorffs_alpha(ratings) or 0, 3) == 0.743
    # unit 12 has one value only: not pairable, so it changes nothing
    del ratings[11]
    assert round(krippendorffs_alpha(ratings) or 0, 3) == 0.743


def test_krippendorffs_alpha_two_observers_binary() -> None:
    """Krippendorff (2011), section A: two observers, ten units, binary data; alpha = 0.095."""
    ratings = _ratings({"A": "0 1 0 0 0 0 0 0 1 0", "B": "1 1 1 0 0 1 0 0 0 0"})
    assert round(krippendorffs_alpha(ratings) or 0, 3) == 0.095
    assert percent_agreement(ratings) == pytest.approx(0.6)


def test_cohens_kappa_of_a_2x2_table() -> None:
    """The 2×2 example of Cohen's kappa in Wikipedia ("Cohen's kappa", section Examples):
    50 proposals, both yes 20, A yes B no 5, A no B yes 10, both no 15: p_o = 0.70,
    p_e = 0.50, kappa = 0.400."""
    cells = [("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15)]
    ratings: dict[int, dict[str, str]] = {}
    for a, b, count in cells:
        for _ in range(count):
            ratings[len(ratings)] = {"A": a, "B": b}
    assert round(cohens_kappa(ratings, "A", "B") or 0, 3) == 0.400
    assert percent_agreement(ratings) == pytest.approx(0.70)


def test_undefined_coefficients_are_none_not_numbers() -> None:
    same = _ratings({"A": "1 1 1", "B": "1 1 1"})
    assert krippendorffs_alpha(same) is None and cohens_kappa(same, "A", "B") is None
    assert percent_agreement(same) == 1.0
    assert krippendorffs_alpha({}) is None and percent_agreement({}) is None
