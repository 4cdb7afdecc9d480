"""The words of a text as ``decode`` reads them: lower case, accents folded, split into
tokens. Standard library only, so ``validate`` can check vocabulary names the way decode will
match them without importing decode (and numpy)."""

from __future__ import annotations

import functools
import re
import unicodedata

TOKEN = re.compile(r"[a-z0-9]+[+#]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.cache
def _fold_table() -> dict[int, str]:
    """How each non-ASCII character folds; built on the first non-ASCII text."""
    table = {}
    for code in range(0x2500):
        ch = chr(code)
        if ch.isspace():
            folded = " "
        else:
            base = unicodedata.normalize("NFKD", ch)[:1].lower()
            folded = base if len(base) == 1 else "?"
        if folded != ch:
            table[code] = folded
    for quote in "\u2019\u2018`\u00b4":
        table[ord(quote)] = "'"
    return table


def fold(text: str) -> str:
    """Lower case, accents removed, typographic quotes plain; exactly as long as ``text``."""
    if text.isascii():
        return text.lower()  # the common case, and the fast one
    table = _fold_table()
    # fold only the few non-ASCII characters, then lower-case the rest
    folded = _NON_ASCII.sub(lambda m: table.get(ord(m.group()), m.group()), text).lower()
    return folded if len(folded) == len(text) else text.translate(table)


def tokens(text: str) -> tuple[str, ...]:
    """The words decode sees in ``text``."""
    return tuple(TOKEN.findall(fold(text)))
