"""Properties of the hours calculation, for any amount, share, rate, cost and step."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from clausier.hours import LotRequest, compute_lot, expected_range
from clausier.profile import load_profile

BASE = load_profile()

amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
shares = st.floats(min_value=0, max_value=1, allow_nan=False)
rates = st.floats(min_value=0, max_value=1, allow_nan=False)
costs = st.floats(min_value=1, max_value=200, allow_nan=False)
steps = st.integers(min_value=1, max_value=50)
minimums = st.integers(min_value=0, max_value=500)


def profile_with(rate, cost, step, minimum):
    return replace(
        BASE, insertion_rate=rate, hourly_cost=cost, rounding_step=step, min_hours=minimum
    )


def hours(amount, share, profile):
    lot = compute_lot(LotRequest("1", None, amount, "x", labour_share=share), profile)
    return lot.hours


@settings(max_examples=300)
@given(amounts, shares, rates, costs, steps, minimums)
def test_hours_are_never_negative_a_multiple_of_the_step_and_respect_the_minimum(
    amount, share, rate, cost, step, minimum
):
    profile = profile_with(rate, cost, step, minimum)
    result = hours(amount, share, profile)
    if result is not None:
        assert result >= 0
        assert result % step == 0
        assert result >= minimum


@settings(max_examples=300)
@given(amounts, amounts, shares, rates, costs, steps, minimums)
def test_hours_never_decrease_when_the_amount_grows(a, b, share, rate, cost, step, minimum):
    low, high = sorted((a, b))
    profile = profile_with(rate, cost, step, minimum)
    assert (hours(low, share, profile) or 0) <= (hours(high, share, profile) or 0)


@settings(max_examples=200)
@given(amounts, shares, rates, costs, steps)
def test_computed_hours_lie_in_the_expected_range(amount, share, rate, cost, step):
    profile = profile_with(rate, cost, step, 0)
    request = LotRequest("1", None, amount, "x", labour_share=share)
    low, high = expected_range(request, profile)
    assert 0 <= low <= high
    assert low <= compute_lot(request, profile).hours <= high


@settings(max_examples=200)
@given(amounts, st.sampled_from(sorted(BASE.trades)), st.floats(min_value=0.1, max_value=20))
def test_framework_hours_are_never_negative_and_multiples_of_the_step(amount, trade, years):
    lot = compute_lot(
        LotRequest("1", None, amount, trade), BASE, framework=True, duration_years=years
    )
    if lot.hours is not None:
        assert lot.hours >= 0 and lot.hours % BASE.rounding_step == 0
