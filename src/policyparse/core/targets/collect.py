"""The document walk of target extraction: paragraphs in order, runs of table rows as tables."""

from __future__ import annotations

from dataclasses import dataclass

from policyparse.core.targets.grid import table_targets
from policyparse.core.targets.prose import Scope, targets_in_text
from policyparse.models import Target


@dataclass(frozen=True)
class Block:
    """One paragraph to read, with what governs it from outside."""

    start: int
    end: int
    scope: Scope


def _is_row(text: str, b: Block) -> bool:
    return "\t" in text[b.start : b.end]


def _section_row(text: str, b: Block) -> bool:
    """A one-cell row between table rows ("行动二：重塑美丽新居行动"): its empty cells were trimmed."""
    s = text[b.start : b.end]
    return len(s) <= 60 and not s.rstrip().endswith("。")


def collect_targets(text: str, blocks: list[Block]) -> list[Target]:
    """Targets of the blocks in document order (unnumbered; the pipeline numbers them)."""
    out: list[Target] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if _is_row(text, b):
            j = i
            while j < len(blocks) and (
                _is_row(text, blocks[j])
                or (j + 1 < len(blocks) and _is_row(text, blocks[j + 1]) and _section_row(text, blocks[j]))
            ):
                j += 1
            caption = "\n".join(text[c.start : c.end] for c in blocks[max(0, i - 2) : i])
            out.extend(table_targets(text, [(c.start, c.end) for c in blocks[i:j]], caption, b.scope))
            i = j
            continue
        out.extend(targets_in_text(text, b.start, b.end, b.scope))
        i += 1
    out.sort(key=lambda t: t.span[0])
    return out
