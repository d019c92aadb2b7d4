"""How many voting members make a meeting quorate, from the body's rule."""

from __future__ import annotations

from clerk_app.core.procedure.bodies import Quorum


def quorum_needed(rule: Quorum, voting_members: int) -> int:
    """A fixed number, or the fraction of the membership rounded up, at least the minimum."""
    if rule.fixed is not None:
        return rule.fixed
    share = -(-voting_members * rule.numerator // rule.denominator)  # ceiling division
    return max(share, rule.minimum)


def describe(rule: Quorum) -> str:
    if rule.fixed is not None:
        return str(rule.fixed)
    return f"{rule.numerator}/{rule.denominator}, at least {rule.minimum}"
