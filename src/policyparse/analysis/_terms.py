"""The one seam between the comparison and a tokenizer: ``_terms(text) -> list[str]``.

Until the language layer (issue #12, ``policyparse.analysis.language``) lands, this is a private
``jieba.Tokenizer`` (never jieba's global one, which other code may load words into) created on
first use, with a short list of words every policy text uses. Swapping it is a one-line change.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Any

import regex

from policyparse.errors import AnalysisDependencyError

# Words every plan uses (verbs of planning, function words, generic nouns): they say nothing about
# what a section is about and would make every pair of sections look alike.
_STOP = frozenset(
    """
    加强 推进 推动 进一步 建立 健全 完善 落实 开展 实施 提升 提高 强化 深化 促进 加快 积极 全面 坚持 支持 鼓励
    引导 做好 抓好 组织 负责 牵头 配合 会同 协同 按照 根据 有关 相关 各类 各级 以及 及其 其他 等等 并且 同时
    通过 进行 实现 形成 确保 不断 持续 切实 着力 有效 重点 主要 工作 方面 要求 任务 措施 方案 意见 通知 本区
    全区 全市 我市 我区 各区 区域 体系 机制 建设 发展 管理 服务 能力 水平 作用 基础 问题 情况 内容 相关 单位
    部门 责任单位 牵头单位 配合单位 责任 一批 一系列 若干 到位 规范 依法 年底 以上 以下 左右 左右 之间 其中
    继续 各种 符合 进行 需要 可以 应当 不得 已经 以来 目前 当前 今后 通过 主体 有序 相应
    一是 二是 三是 四是 五是 六是 七是 八是 九是 十是
    """.split()
)
_WORD = regex.compile(r"^(?:\p{Han}{2,}|[A-Za-z][A-Za-z0-9+#\-]+)$")
# outline markers (第一节, 第三章) are numbering, not content
_MARKER = regex.compile(r"^第[一二三四五六七八九十百零〇两\d]+[章节条款部篇编]$")
_lock = threading.Lock()


@cache
def _tokenizer() -> Any:
    try:
        import jieba
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise AnalysisDependencyError(
            "comparing documents needs jieba: pip install 'policyparse[analysis]'"
        ) from exc
    tk = jieba.Tokenizer()
    # jieba reports building its prefix dictionary at DEBUG on a handler of its own; keep that out
    # of our users' stderr without touching their logging set-up
    lg = logging.getLogger("jieba")
    old = lg.level
    lg.setLevel(logging.WARNING)
    try:
        with _lock:
            tk.initialize()
    finally:
        lg.setLevel(old)
    return tk


def _terms(text: str) -> list[str]:
    """Content words of ``text``: jieba tokens of two or more 汉字 (or a Latin word), stop words out."""
    return [w for w in _tokenizer().lcut(text) if _WORD.match(w) and w not in _STOP and not _MARKER.match(w)]
