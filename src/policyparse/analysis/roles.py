"""Canonical name and functional role of every unit, for the comparison.

The core resolves units (``Unit.canonical``/``role``/``resolved_by``): from the agency lexicon, or
from organ-name morphology for organs the lexicon does not list (区科委 in a 青浦区 document →
上海市青浦区科委, role 科技). What it leaves unresolved — collectives such as 各街镇 — keeps its
printed name, qualified by the document's place so that the 各街镇 of two districts do not share a
row, and a role from the name's core where it has one.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyparse.core.organs import Place, place_of, role_of
from policyparse.models import PolicyDocument, Unit


@dataclass(frozen=True)
class Identity:
    """Who a unit is: canonical name, role, level and where that answer came from."""

    canonical: str
    role: str | None
    level: str | None
    source: str  # lexicon | morphology | printed


def document_place(doc: PolicyDocument) -> Place:
    """The place (city, district, town) a document is issued in, from its issuers, title and plan titles."""
    m = doc.meta
    return place_of([*m.issuers, *m.signatories, *m.banner, m.title or "", *(p.title or "" for p in doc.attachments)])


def places_of(doc: PolicyDocument) -> tuple[str | None, str | None]:
    """(city, district) of the document, for qualifying the organs it names."""
    p = document_place(doc)
    return p.city, p.district


def identify(unit: Unit, places: tuple[str | None, str | None] = (None, None)) -> Identity:
    """Canonical name and role of ``unit``: the core's answer (lexicon or morphology) when it has one."""
    if unit.canonical is not None:
        source = "lexicon" if unit.resolved_by == "lexicon" else "morphology"
        return Identity(unit.canonical, unit.role, unit.level, source)
    role = role_of(unit.name)
    return Identity(_qualified(unit.name, *places), role, None, "morphology" if role else "printed")


def _qualified(name: str, city: str | None, district: str | None) -> str:
    """各街镇 → 青浦区各街镇: collectives of different places must not share a row."""
    if district is not None and not name.startswith(district) and name.startswith(("各", "属地", "区")):
        return district + (name[1:] if name.startswith("区") else name)
    if city is not None and name.startswith("市") and not name.startswith(city):
        return city + name[1:]
    return name
