"""Charts for the HTML reports, drawn with matplotlib as SVG to put inline in a page.

matplotlib is imported by this module only, and this module only when a chart is drawn
(``--report``, ``show --format html``). The SVG keeps its text as text (searchable, no font
files), treats no label as math (a ``$`` in a title stays a dollar), has no date in it (the
same data give the same bytes) and gives its ids a per-chart prefix, so several charts in
one page never share one.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from html import escape
from typing import Any

import matplotlib
from matplotlib.figure import Figure

_RC: Any = {"svg.fonttype": "none", "svg.hashsalt": "rolematch", "text.parse_math": False,
       "font.size": 9, "font.family": "sans-serif", "axes.spines.top": False,
       "axes.spines.right": False}
COLORS = ("#2f7d5b", "#3b6ea8", "#c7792b", "#8a5aa8", "#b8434f", "#5f8f9e", "#9a8a3a",
          "#6b6b6b")
_ID = re.compile(r'\bid="([^"]+)"')


def _svg(fig: Figure, key: str, title: str) -> str:
    """The figure as an inline <svg> element: no XML prolog, ids prefixed with ``key``,
    scaled to the page, labelled for screen readers."""
    buffer = io.StringIO()
    # a tiny chart (one or two people) makes matplotlib warn that its layout collapsed: the
    # page is still right, and a warning on stderr would read as a problem with the input
    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="constrained_layout not applied",
                                category=UserWarning)
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    for old in set(_ID.findall(text)):
        new = f"{key}-{old}"
        text = (text.replace(f'id="{old}"', f'id="{new}"')
                .replace(f"url(#{old})", f"url(#{new})")
                .replace(f'href="#{old}"', f'href="#{new}"'))
    label = escape(title, quote=True)
    return text.replace("<svg ", f'<svg role="img" aria-label="{label}" class="chart" ', 1)


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), layout="constrained")


def bars(key: str, title: str, labels: Sequence[str], values: Sequence[float],
         axis_label: str, percent: bool = False, lang: str = "en") -> str:
    """Horizontal bars, the first label on top, each bar's value written at its end (in
    ``lang``'s way: "74 %" and "1 234" in French)."""
    from engine.i18n import percent as as_percent
    from engine.i18n import whole

    with matplotlib.rc_context(_RC):
        fig = _figure(6.5, 0.9 + 0.32 * len(labels))
        ax = fig.add_subplot()
        positions = list(range(len(labels)))[::-1]
        ax.barh(positions, values, color=COLORS[0])
        ax.set_yticks(positions, labels)
        ax.set_xlabel(axis_label)
        ax.set_title(title, loc="left")
        top = max([*values, 1e-9])
        ax.set_xlim(0, top * 1.15)
        for y, value in zip(positions, values, strict=True):
            shown = as_percent(100 * value, lang) if percent else whole(round(value), lang)
            ax.text(value + top * 0.01, y, shown, va="center")
        if percent:
            ax.xaxis.set_major_formatter(lambda x, _: as_percent(100 * x, lang))
    return _svg(fig, key, title)


def heatmap(key: str, title: str, rows: Sequence[str], columns: Sequence[str],
            values: Sequence[Sequence[float]], axis_labels: tuple[str, str],
            shown: Sequence[Sequence[str]] | None = None) -> str:
    """A table of numbers as shaded cells, rows top to bottom, each cell's text in it."""
    import numpy as np

    data = np.asarray(values, dtype=float)
    with matplotlib.rc_context(_RC):
        fig = _figure(1.8 + 0.62 * len(columns), 1.2 + 0.28 * len(rows))
        ax = fig.add_subplot()
        limit = float(np.abs(data).max()) or 1.0
        signed = bool((data < 0).any())
        ax.imshow(data, cmap="RdBu" if signed else "Greens", aspect="auto",
                  vmin=-limit if signed else 0, vmax=limit)
        ax.set_xticks(range(len(columns)), columns, rotation=40, ha="right",
                      rotation_mode="anchor")
        ax.set_yticks(range(len(rows)), rows)
        ax.set_xlabel(axis_labels[0])
        ax.set_ylabel(axis_labels[1])
        ax.set_title(title, loc="left")
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for i in range(len(rows)):
            for j in range(len(columns)):
                text = shown[i][j] if shown is not None else f"{data[i, j]:.0f}"
                if text:
                    dark = abs(data[i, j]) > 0.6 * limit
                    ax.text(j, i, text, ha="center", va="center", fontsize=7.5,
                            color="white" if dark else "#1d2430")
    return _svg(fig, key, title)


def profile_bars(key: str, title: str, dimensions: Sequence[str],
                 series: Sequence[tuple[str, Sequence[float]]], axis_label: str) -> str:
    """Grouped horizontal bars: one group per dimension (the first on top), one bar per
    series (a person, then roles), so where one is short of another shows at a glance."""
    n = len(series)
    height = 0.8 / max(1, n)
    with matplotlib.rc_context(_RC):
        fig = _figure(6.5, 1.0 + 0.085 * n * len(dimensions))
        ax = fig.add_subplot()
        base = list(range(len(dimensions)))[::-1]
        for k, (name, values) in enumerate(series):
            offsets = [b + 0.4 - height * (k + 0.5) for b in base]
            ax.barh(offsets, values, height=height, label=name, color=COLORS[k % len(COLORS)])
        ax.set_yticks(base, dimensions)
        ax.axvline(0, color="#57606a", linewidth=0.6)
        ax.set_xlabel(axis_label)
        ax.set_title(title, loc="left")
        ax.set_ylim(-0.6, len(dimensions) - 0.4)
        fig.legend(loc="outside lower center", ncols=n, frameon=False)
    return _svg(fig, key, title)


def version() -> Any:
    """matplotlib's version, for the page's footer."""
    return matplotlib.__version__
