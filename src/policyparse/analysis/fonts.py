"""A CJK font for charts, found and handed to matplotlib explicitly: never tofu.

matplotlib's default font (DejaVu Sans) has no 汉字 and draws empty boxes. We look, in order, at
``$POLICYPARSE_CJK_FONT`` (a font file), the files Debian's ``fonts-noto-cjk`` and
``fonts-wqy-microhei`` install, macOS's and Windows' own CJK fonts, then any font matplotlib
already knows by a CJK family name. A file is registered with ``fontManager.addfont`` so a font
installed after matplotlib built its cache is found too. No font: :class:`AnalysisDependencyError`.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from policyparse.errors import AnalysisDependencyError

ENV = "POLICYPARSE_CJK_FONT"
KNOWN_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian/Ubuntu fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",  # Arch, Fedora
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # fonts-wqy-microhei
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)
# Simplified-Chinese faces first: a collection's Japanese face draws some 汉字 in Japanese forms
FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
            "Microsoft YaHei", "SimHei", "Heiti SC", "Noto Sans CJK JP")  # fmt: skip
PROBE = "科技发展改革委员会绿化市容消防救援〔〕（）、"


@cache
def cjk_family() -> str:
    """The family name of a CJK font registered with matplotlib (found once per process)."""
    try:
        from matplotlib import font_manager
    except ImportError as exc:
        raise AnalysisDependencyError("charts need matplotlib: pip install 'policyparse[analysis]'") from exc
    env = os.environ.get(ENV)
    files = [env] if env else []
    files += [f for f in KNOWN_FILES if Path(f).is_file()]
    for f in files:
        if not Path(f).is_file():
            raise AnalysisDependencyError(f"{ENV}={f}: no such font file")
        font_manager.fontManager.addfont(f)
        names = {e.name for e in font_manager.fontManager.ttflist if os.fspath(e.fname) == f}
        for fam in [*FAMILIES, *sorted(names)]:
            if fam in names and _covers(font_manager, fam):
                return fam
    known = {e.name for e in font_manager.fontManager.ttflist}
    for fam in FAMILIES:
        if fam in known and _covers(font_manager, fam):
            return fam
    raise AnalysisDependencyError(
        "no CJK font for charts: install one (Debian: apt-get install fonts-noto-cjk) "
        f"or set {ENV} to a .ttf/.otf/.ttc file with 汉字"
    )


def _covers(font_manager: Any, family: str) -> bool:
    """The family's file has a glyph for every probe character (else matplotlib would draw boxes)."""
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    font = font_manager.get_font(path)
    return all(font.get_char_index(ord(c)) for c in PROBE)


def chart_rc() -> Any:
    """matplotlib settings for charts with Chinese labels (use in ``matplotlib.rc_context``).

    Typed Any: matplotlib's stubs want a dict of literal rc keys."""
    return {
        "font.family": [cjk_family(), "DejaVu Sans"],
        "axes.unicode_minus": False,  # the CJK font's U+2212 is fine, but hyphen keeps SVG text paths small
        "svg.fonttype": "path",  # glyphs as outlines: the SVG renders without the font installed
    }
