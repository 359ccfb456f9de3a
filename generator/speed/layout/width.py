"""black's measure of a line's width, without importing black.

For a line with non-ASCII text black counts display columns (East Asian wide characters
take two, combining marks none), from a table it ships in ``black/_width_table.py``.
Importing anything from black imports all of it (a quarter of a second); that one file
is plain data, so it is loaded on its own. Were it missing or changed in shape, black's
own ``str_width`` is used. black is pinned, and a test holds this to black's result for
every code point at the table's edges and every line of every corpus.
"""

from __future__ import annotations

import bisect
import importlib.util
import os
from collections.abc import Callable
from functools import lru_cache


def str_width(line: str) -> int:
    if line.isascii():
        return len(line)
    return _measure()(line)


@lru_cache(maxsize=1)
def _measure() -> Callable[[str], int]:
    table = _black_table()
    if table is None:
        from black.strings import str_width as black_width

        return lambda line: int(black_width(line))
    starts = [start for start, _, _ in table]

    @lru_cache(maxsize=4096)
    def char_width(char: str) -> int:
        codepoint = ord(char)
        i = bisect.bisect_right(starts, codepoint) - 1
        if i >= 0 and codepoint <= table[i][1]:
            return max(table[i][2], 0)
        return 1

    return lambda line: sum(map(char_width, line))


def _black_table() -> list[tuple[int, int, int]] | None:
    """``WIDTH_TABLE`` from black's source, sorted ranges (first, last, width), or None."""
    try:
        spec = importlib.util.find_spec("black")  # finds the package, does not run it
        locations = spec.submodule_search_locations if spec else None
        if not locations:
            return None
        path = os.path.join(locations[0], "_width_table.py")
        loader = importlib.util.spec_from_file_location("_gen_models_black_width_table", path)
        if loader is None or loader.loader is None:
            return None
        module = importlib.util.module_from_spec(loader)
        loader.loader.exec_module(module)
        table = [(int(a), int(b), int(w)) for a, b, w in module.WIDTH_TABLE]
    except Exception:  # noqa: BLE001 - not there, or not as expected: black's own function
        return None
    ordered = all(table[i][1] < table[i + 1][0] for i in range(len(table) - 1))
    return table if table and ordered else None
