"""Type stubs of pressmine's Python API."""

import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Union, overload

__version__: str

Data = Union[bytes, bytearray, str]
"""A page: its raw bytes (any encoding, gzip inflated) or text already decoded."""

Item = Union[Data, Mapping[str, Any]]
"""A page of a batch: data, or a mapping with ``data`` and optionally ``path``, ``url`` and
``http_charset``."""

Document = Dict[str, Any]
"""A document of the JSON contract ("schema": "pressmine/1"), as ``json.loads`` reads it."""

class PressmineError(Exception):
    """A page or the patterns could not be processed."""

    stage: str
    """Where it failed: ``patterns``, ``read`` (empty, binary, oversized or corrupt gzip
    input) or ``process``."""
    reason: str
    """Why, in words."""
    path: str
    """The page's id (its path, else its URL, else ``-``) or the patterns folder."""

def extract(
    data: Data,
    *,
    path: Optional[str] = None,
    url: Optional[str] = None,
    http_charset: Optional[str] = None,
) -> Document:
    """Processes one page with the default patterns (loaded once per process).

    ``path`` names the page (its id; a ``.txt`` name means plain text), ``url`` is where it
    came from and ``http_charset`` the charset of its HTTP header (a decoding hint).

    Raises ``PressmineError`` when the page cannot be read or processed."""

def is_page_name(name: str) -> bool:
    """Whether ``pressmine run`` reads a file of this name (``.html``, ``.txt``, optionally
    ``.gz``; no extension; server pages such as ``.php``) rather than skipping it."""

class Pipeline:
    """Patterns compiled once; pages processed one by one or in parallel batches."""

    def __init__(
        self,
        patterns: Optional[Union[str, "os.PathLike[str]"]] = None,
        threads: Optional[int] = None,
    ) -> None:
        """Loads a patterns folder (default: the one ``pressmine`` uses without
        ``--patterns``, shared by every default ``Pipeline`` of the process). ``threads``
        sizes the pool batches run on (default: all cores).

        Raises ``PressmineError`` (stage ``patterns``) for a missing or invalid folder."""

    @property
    def threads(self) -> int:
        """Threads a batch uses."""

    def extract(
        self,
        data: Data,
        *,
        path: Optional[str] = None,
        url: Optional[str] = None,
        http_charset: Optional[str] = None,
    ) -> Document:
        """Processes one page, like the module's ``extract``."""

    @overload
    def extract_many(
        self, items: Iterable[Item], *, errors: Literal["raise", "include"] = ..., as_json: Literal[False] = ...
    ) -> List[Document]: ...
    @overload
    def extract_many(
        self, items: Iterable[Item], *, errors: Literal["raise", "include"] = ..., as_json: Literal[True]
    ) -> List[str]: ...
    def extract_many(
        self, items: Iterable[Item], *, errors: Literal["raise", "include"] = "raise", as_json: bool = False
    ) -> Union[List[Document], List[str]]:
        """Processes a batch on Rust threads with the GIL released; one result per item, in
        order.

        ``errors="raise"`` raises ``PressmineError`` for the first item that failed;
        ``errors="include"`` puts the failure in its place as an error line
        ``{"path", "stage", "reason"}`` (errors.jsonl's form). ``as_json=True`` returns each
        result as its JSON text (a line of ``pressmine extract``), e.g. to keep values exact
        with ``json.loads(text, parse_float=decimal.Decimal)``."""
