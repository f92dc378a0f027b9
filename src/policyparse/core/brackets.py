"""Bracket-aware scanning shared by the stages: separators inside （…）《…》“…” do not count."""

from __future__ import annotations

OPENERS = "（(《“【〔["
CLOSERS = "）)》”】〕]"


def split_outside(s: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Ranges of ``s[start:end]`` between separators that stand outside any bracket or quote."""
    out: list[tuple[int, int]] = []
    depth = 0
    a = start
    for i in range(start, end):
        ch = s[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((a, i))
            a = i + 1
    out.append((a, end))
    return out


def find_outside(s: str, chars: str) -> int | None:
    """Offset of the first of ``chars`` outside brackets and quotes, or None."""
    first = split_outside(s, 0, len(s), chars)[0][1]
    return first if first < len(s) else None
