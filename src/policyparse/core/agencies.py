"""Agency names as printed → full official name, level, province and functional role.

The lexicon is data (``data/agencies.json``); this module only reads it. "省科技厅" needs to know
whose province it is: the caller passes the document's province (from its 发文字号 or issuer).
Unknown names resolve to None and are reported by the caller, never guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex


@dataclass(frozen=True)
class Agency:
    canonical: str
    role: str
    level: str | None  # national | province | city | county | None for collective units
    province: str | None


class Lexicon:
    """Resolves printed agency names; build one with :func:`lexicon`."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.provinces: dict[str, dict[str, Any]] = raw["provinces"]
        self._central: dict[str, Agency] = {}
        self._full: dict[str, Agency] = {}
        self._prov_forms: dict[str, dict[str, Agency]] = {}
        for e in raw["central"]:
            ag = Agency(e["full"], e["role"], "national", None)
            self._full.setdefault(e["full"], ag)
            for f in e["forms"]:
                self._central.setdefault(f, ag)
        for p, info in self.provinces.items():
            forms: dict[str, Agency] = {}
            for e in [*raw["overrides"].get(p, []), *raw["provincial"]]:
                full = e["full"].replace("{P}", info["full"])
                ag = Agency(full, e["role"], "province", p)
                self._full.setdefault(full, ag)
                for f in e["forms"]:
                    forms.setdefault(f, ag)
            self._prov_forms[p] = forms
        self._collective = [(regex.compile(c["pattern"]), c["role"], c["level"]) for c in raw["collective"]]
        self._local = regex.compile(raw["local_government"])

    def province_of_code(self, code: str) -> str | None:
        """Province whose 发文字号 agency codes start with ``code``'s first character (浙 → 浙江)."""
        for p, info in self.provinces.items():
            if code[:1] in info["codes"]:
                return p
        return None

    def province_in(self, name: str) -> str | None:
        for p, info in self.provinces.items():
            if name.startswith((info["full"], p)):
                return p
        return None

    def resolve(self, name: str, province: str | None = None) -> Agency | None:
        """The agency a printed name stands for, in a document of ``province`` (None: central)."""
        if name in self._full:
            return self._full[name]
        if province is not None:
            pre = self.provinces[province]["short_prefix"]
            if name.startswith(pre) and name[len(pre) :] in self._prov_forms[province]:
                return self._prov_forms[province][name[len(pre) :]]
        named = self.province_in(name)
        if named is not None:
            info = self.provinces[named]
            for head in (info["full"], named + info["short_prefix"], named):
                if name.startswith(head) and name[len(head) :] in self._prov_forms[named]:
                    return self._prov_forms[named][name[len(head) :]]
        if name in self._central:
            return self._central[name]
        for rx, role, level in self._collective:
            if rx.match(name):
                return Agency(name, role, level, province)
        m = self._local.match(name)
        if m is not None:
            level = "city" if m["place"].endswith(("市", "州", "盟")) else "county"
            return Agency(m["place"] + "人民政府", "地方政府", level, province)
        return None


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon (read once, on first use)."""
    raw = json.loads(resources.files("policyparse").joinpath("data/agencies.json").read_text("utf-8"))
    return Lexicon(raw)
