"""Stage 4d (fields): targets — every quantified commitment of the plan, in prose, tasks and tables.

The definition is docs/targets.md. Modules: quantities (numbers and units by shape), years (which
year governs), scan (clauses, brackets, the words before a quantity), reading (why a quantity is,
or is not, a commitment), prose (paragraphs and text cells, clause by clause), grid (target tables
by shape), indicators (names and synonyms), lexicon (the word tables), collect (the document walk).
"""

from policyparse.core.targets.collect import Block, collect_targets
from policyparse.core.targets.indicators import normalize_indicator
from policyparse.core.targets.prose import Scope, targets_in_text
from policyparse.core.targets.quantities import number_value as parse_number
from policyparse.core.targets.years import heading_year, period_in

__all__ = [
    "Block",
    "Scope",
    "collect_targets",
    "heading_year",
    "normalize_indicator",
    "parse_number",
    "period_in",
    "scale_unit",
    "targets_in_text",
]


def scale_unit(value: float, unit: str) -> tuple[float, str]:
    """Fold 万/亿 into the value: (1.5, "万家") → (15000, "家"); (500, "亿元") → (5e10, "元")."""
    from policyparse.core.targets.quantities import normal_unit

    for prefix, factor in (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, normal_unit(unit[len(prefix) :])
        if unit == prefix:
            return value * factor, ""
    return value, normal_unit(unit)
