"""Analysis of parsed documents: frames (pandas) and comparison of plans side by side.

Nothing heavy is imported here: pandas, jieba and matplotlib load when a function needs them
(``pip install 'policyparse[analysis]'``).
"""

from __future__ import annotations

from policyparse.analysis.compare import Comparison, compare
from policyparse.analysis.frames import to_frame

__all__ = ["Comparison", "compare", "to_frame"]
