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

from policyparse.core.organs import Place, expand_place, is_organ, morphology_roles, role_of


@dataclass(frozen=True)
class Agency:
    canonical: str
    role: str
    level: str | None  # national | province | city | county | town | None for collective units
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


    def knows(self, name: str) -> bool:
        """Is ``name`` an agency name the lexicon knows in any province ("市科协", "省科技厅", "海关总署")?"""
        if name in self._full or name in self._central:
            return True
        body = name[1:] if name[:1] in "省市区县" else name
        return any(body in forms for forms in self._prov_forms.values()) or self.resolve(name) is not None

    def known_start(self, s: str) -> bool:
        """Does ``s`` start with a name the lexicon knows (税务总局办公厅 → 税务总局)?"""
        return any(s.startswith(f) for f in self._central if len(f) >= 3) or any(
            s.startswith(f) for f in self._full if len(f) >= 4
        )

    def resolve_by_rule(self, name: str, province: str | None, place: Place) -> Agency | None:
        """An organ the lexicon does not list, from its morphology: the short place prefix filled
        from the document's place (区民防办 → 上海市奉贤区民防办), a body the lexicon knows in its
        official form (区发展改革委 → …区发展和改革委员会), the role from the name's core. None for
        names that are not organs by their head (有关部门, 建设单位)."""
        if not is_organ(name):
            return None
        full = expand_place(name, place) or name
        level: str | None = None
        if place.district and full.startswith(f"{place.city or ''}{place.district}"):
            level = "county"
            prefix = f"{place.city or ''}{place.district}"
        elif place.city and full.startswith(place.city):
            level = "city"
            prefix = place.city
        else:
            prefix = ""
        body = full[len(prefix) :]
        if province is not None and prefix and body in self._prov_forms.get(province, {}):
            # the body of a provincial organ's short form names the same kind of organ at this level
            official = self._prov_forms[province][body].canonical
            info = self.provinces[province]
            if official.startswith(info["full"]):
                full = prefix + official[len(info["full"]) :]
        role = role_of(name)
        if role is None and body in self._prov_forms.get(province or "", {}):
            role = self._prov_forms[province or ""][body].role
        if role is None and full == name:
            return None  # nothing the rules can add: an unknown organ stays unknown
        return Agency(full, role or "其他", level, province)


def agency_roles() -> dict[str, str]:
    """The functional-role vocabulary of units (科技, 发展改革, 绿化市容…), each with where it comes
    from: ``lexicon`` (roles of the agencies in data/agencies.json) or ``morphology`` (roles that only
    organs below the province carry, read off organ names by data/organs.json)."""
    raw = json.loads(resources.files("policyparse").joinpath("data/agencies.json").read_text("utf-8"))
    out = {e["role"]: "lexicon" for e in [*raw["central"], *raw["provincial"], *raw["collective"]]}
    for entries in raw["overrides"].values():
        out.update({e["role"]: "lexicon" for e in entries})
    out["地方政府"] = "lexicon"
    for role in [*morphology_roles(), "其他"]:  # 其他: an organ by its head whose core names no role
        out.setdefault(role, "morphology")
    return dict(sorted(out.items()))


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon (read once, on first use)."""
    raw = json.loads(resources.files("policyparse").joinpath("data/agencies.json").read_text("utf-8"))
    return Lexicon(raw)
