"""发文字号 (document number) as a self-normalising pydantic type."""

from __future__ import annotations

from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, model_validator

from policyparse.core.numerals import to_halfwidth_digits

# The year bracket comes in many shapes: 〔〕 (the standard), [] 【】 （） () ［］ and 〈〉.
_OPEN = "〔\\[【（(［〈"
_CLOSE = "〕\\]】）)］〉"
DOC_NUMBER_RE = regex.compile(
    rf"(?P<code>[\p{{Han}}A-Za-z]{{1,20}}?)\s*[{_OPEN}]\s*(?P<year>[0-9０-９]{{4}})\s*[{_CLOSE}]"
    rf"\s*第?\s*(?P<serial>[0-9０-９]{{1,5}})\s*号"
)


class DocNumberError(ValueError):
    """Text that is not a 发文字号."""


def parse_doc_number(text: str) -> tuple[str, int, int]:
    """Return (agency_code, year, serial) of the first 发文字号 in ``text``."""
    m = DOC_NUMBER_RE.search(text)
    if m is None:
        raise DocNumberError(f"no 发文字号 in {text!r}")
    return m["code"], int(to_halfwidth_digits(m["year"])), int(to_halfwidth_digits(m["serial"]))


class DocNumber(BaseModel):
    """A 发文字号 such as 浙长三角办〔2021〕9号.

    Validates from a string or a dict; ``text`` is always the normalised form with 〔〕 and ASCII
    digits, whatever bracket and digit width the source printed.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    agency_code: str
    year: int
    serial: int

    @model_validator(mode="before")
    @classmethod
    def _from_any(cls, data: Any) -> Any:
        if isinstance(data, dict) and "text" in data and "agency_code" not in data:
            data = data["text"]
        if isinstance(data, str):
            code, year, serial = parse_doc_number(data)
            return {"text": f"{code}〔{year}〕{serial}号", "agency_code": code, "year": year, "serial": serial}
        return data

    @model_validator(mode="after")
    def _normalised(self) -> DocNumber:
        want = f"{self.agency_code}〔{self.year}〕{self.serial}号"
        if self.text != want:
            raise ValueError(f"doc number text {self.text!r} is not the normal form {want!r}")
        return self

    @classmethod
    def parse(cls, text: str) -> DocNumber:
        """Parse the first 发文字号 in ``text``; raises DocNumberError."""
        return cls.model_validate(text)
