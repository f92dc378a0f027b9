"""Targets against the blind hand gold of corpora/dev (issue #16's acceptance, kept from regressing)."""

from __future__ import annotations

import json

from conftest import CORPORA, parsed
from targets_eval import Score, match

GOLD = sorted((CORPORA / "dev").glob("*.targets.gold.json"))


def test_precision_and_recall_on_the_dev_gold() -> None:
    total = Score()
    for f in GOLD:
        name = f.name.removesuffix(".targets.gold.json")
        gold = json.loads(f.read_text("utf-8"))["targets"]
        _, s = match(parsed(str(CORPORA / "dev" / f"{name}.txt")), gold)
        total.add(s)
    assert len(GOLD) == 8 and total.gold == 243
    assert total.p() >= 0.95 and total.r() >= 0.9, (total.tp, total.pred, total.gold)
    for field in ("comparator", "year", "firmness", "where"):
        assert total.agree[field] >= 0.95 * total.tp, field


def test_table_cells_name_their_row_and_column() -> None:
    doc = parsed(str(CORPORA / "dev" / "sh_jiading_illegal_land_3yr_2024.txt"))
    cells = {(t.row, t.column): (t.value, t.unit, t.year) for t in doc.targets if t.where == "table"}
    assert cells[("总计", "2024-2026年任务量")] == (5806.12, "亩", 2026)
    assert cells[("安亭镇", "分年度任务量/2025年约2200亩")] == (720.86, "亩", 2025)
    assert not any("分布情况" in (c or "") for _, c in cells)  # the baseline columns


def test_task_table_targets_belong_to_their_row_task() -> None:
    doc = parsed(str(CORPORA / "dev" / "sh_transport_fine_mgmt_3yr_2024.txt"))
    tasks = {t.id: t for t in doc.iter_tasks()}
    row = [t for t in doc.targets if t.where == "table" and t.row == "（16）"]
    assert [(t.value, t.unit, t.year) for t in row] == [(300, "个", 2026), (100, "个", 2024), (100, "个", 2025), (100, "个", 2026)]
    (owner,) = {t.task_id for t in row}
    assert owner is not None and tasks[owner].lead_units == ["客运处"]
    assert set(tasks[owner].target_ids) == {t.id for t in row}
