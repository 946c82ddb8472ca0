"""Column widths of a register, from what the columns hold (issue 9, finding 18).

Each column wants the width of its title on at most two lines and of most of its values
(the 90th percentile of the rows on screen); dates, numbers, symbols and short values are
never cut. Room left over goes to the long text columns by weight, trích yếu first; on a
narrow screen the long columns give up room down to a floor, their text elided with the
full text on hover. Pure functions of widths: the tab measures, this decides.
"""
from __future__ import annotations

from dataclasses import dataclass

# Long text: grows with spare room (weight), may shrink to FLOOR_CHARS average letters.
WEIGHTS = {"summary": 5.0, "issuer": 2.0, "recipients": 2.0, "signer_name": 1.5,
           "recipient_unit": 1.2, "notes": 1.0}
STRETCH = "summary"
FLOOR_CHARS = 10
SUMMARY_CHARS, LONG_CHARS = 52, 24
PAD = 16  # cell margins and the sort arrow's room


@dataclass(frozen=True)
class Want:
    key: str
    least: int  # never narrower
    want: int  # shows the title and most values whole
    full: int = 0  # shows every value measured whole


def title_width(advance, title: str) -> int:
    """The narrowest width showing `title` on at most two lines (the header wraps at spaces)."""
    words = title.split()
    best = advance(title)
    for i in range(1, len(words)):
        best = min(best, max(advance(" ".join(words[:i])), advance(" ".join(words[i:]))))
    return best


def percentile(values: list[int], p: float) -> int:
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def want(key: str, title_w: int, value_widths: list[int], letter: int, minimum_value: int = 0) -> Want:
    content = max(percentile(value_widths, 0.9), minimum_value)
    wanted = max(title_w, content) + PAD
    full = max(wanted, max(value_widths, default=0) + PAD)
    if key in WEIGHTS:
        # Long text asks for a readable start, not for all of itself: the rest is given from
        # spare room, names before trích yếu.
        wanted = min(wanted, max(title_w + PAD, (SUMMARY_CHARS if key == STRETCH else LONG_CHARS) * letter))
        floor = max(title_w + PAD, min(wanted, FLOOR_CHARS * letter))
        return Want(key, floor, wanted, full)
    return Want(key, wanted, wanted, wanted)


def fit(wants: list[Want], room: int) -> list[int]:
    """Widths filling `room` when it allows; never below each column's least."""
    widths = [w.want for w in wants]
    extra = room - sum(widths)
    if extra >= 0:
        # Trích yếu already has a readable start (SUMMARY_CHARS). The other long columns still
        # cutting some of their values come next, by weight, each up to what shows all of them
        # (a name is read whole or misread); what is left goes to trích yếu.
        weights = [WEIGHTS.get(w.key, 0.0) if w.key != STRETCH else 0.0 for w in wants]
        for _ in range(len(wants)):
            needy = [i for i, w in enumerate(wants) if weights[i] and widths[i] < w.full]
            total = sum(weights[i] for i in needy)
            if extra <= 0 or not total:
                break
            given = 0
            for i in needy:
                share = min(int(extra * weights[i] / total), wants[i].full - widths[i])
                widths[i] += share
                given += share
            extra -= given
            if not given:
                break
        last = next((i for i, w in enumerate(wants) if w.key == STRETCH), None)
        if last is None:
            last = max(range(len(wants)), key=lambda i: WEIGHTS.get(wants[i].key, 0.0))
        widths[last] += max(0, extra)
        return widths
    give = [w.want - w.least for w in wants]
    can = sum(give)
    if can <= 0:
        return widths
    short = min(-extra, can)
    return [w.want - (g * short // can) for w, g in zip(wants, give)]
