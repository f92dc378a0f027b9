"""Every warning code a parse can record in ``PolicyDocument.warnings``, with what it means.

Lenient parsing records oddities here instead of failing; ``strict=True`` turns the first into a
``StrictModeError``. The table is the documentation (docs/warnings.md repeats it) and a test checks
that every code the library emits is listed.
"""

from __future__ import annotations

WARNING_CODES: dict[str, str] = {
    # reading
    "encrypted_owner_password": "the PDF is encrypted with an owner password only; it was read without one",
    "page_unreadable": "pdfminer could not read one page; the other pages were read",
    "image_only_page": "a page is an image without text (a scan inside a text PDF); OCR it or install the ocr extra",
    "ocr_low_confidence": "a page read by OCR has a low mean word confidence: check its text",
    "unmapped_glyphs": "glyphs without a Unicode mapping are kept as (cid:N)",
    "code_points_mapped": "radical or compatibility code points (⼈, ⺠, 豈…) were mapped to the unified ideographs",
    "private_use_glyphs": "private-use code points were left as printed: they have no Unicode meaning",
    "pdf_font_warnings": "the PDF library complained about fonts (count and the commonest message); --debug shows them",
    "pdf_library_warnings": "other messages from the PDF library (count and the commonest); --debug shows them",
    "html_article_not_found": "no element of the web page holds most of its text: the whole page was read",
    "docx_alt_chunk": "a Word file embeds another document (altChunk) that was not read",
    "page_metadata_differs": "a web page's header table disagrees with the document's own text (the text is kept)",
    # structure
    "unbalanced_bracket": "a paragraph has unbalanced brackets: often a lost line or a clause split wrongly",
    "numbering_gap": "a numbered heading does not follow its predecessor (一、 then 三、)",
    "no_structure": "no title and no numbered sections were found",
    # tasks
    "clause_without_units": "a bracket reads like a responsibility clause but names no unit",
    "clause_without_task": "a clause follows another clause with no task text between them",
    "unknown_clause_label": "a clause label whose role morpheme is unknown (督导单位：…): its units are read as responsible",
    "unknown_units": "units the agency lexicon does not know (one warning per document, listing them)",
}
