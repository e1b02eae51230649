"""Read an article: bytes to text (UTF-8 or a detected legacy encoding; HTML reduced to text).

The text returned here is THE article: every evidence offset points into it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import sys
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import InputError

#: Refuse files larger than this outright (a news article is a few KB).
MAX_BYTES = 2_000_000
_HTML_HINT = re.compile(rb"<\s*(html|body|article|p|div|head|!doctype)\b", re.I)
_MIN_LETTERS = 20


@dataclass(frozen=True)
class Article:
    text: str
    sha256: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date given by the caller (wins over detection)

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def label(self) -> str:
        return self.path or self.url or f"sha256:{self.sha256[:12]}"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_bytes(data: bytes, *, label: str) -> str:
    """Decode article bytes, refusing binary data with a clear reason."""
    if not data.strip():
        raise InputError(f"{label}: file is empty", path=label, reason="empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{label}: binary file, not a text article", path=label, reason="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(
                f"{label}: not text in any known encoding", path=label, reason="binary"
            ) from None
        text = str(best)
    if _HTML_HINT.search(data[:4096]):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # counting stops at the threshold: only a text below it needs its exact count
    letters = sum(1 for _ in islice(filter(str.isalpha, text), _MIN_LETTERS))
    if letters < _MIN_LETTERS:
        raise InputError(
            f"{label}: no readable text ({letters} letters)", path=label, reason="no_text"
        )
    return text


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its readable text, one block per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    root = soup.find("article") or soup.body or soup
    lines = [line.strip() for line in root.get_text("\n").splitlines()]
    return "\n".join(line for line in lines if line)


#: What ``Path.exists`` takes for "does not exist".
_MISSING_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_O_BINARY: int = getattr(os, "O_BINARY", 0)


def _read_file(p: Path, label: str) -> bytes:
    """The bytes of the article file ``p``, refusing a missing file, a folder or a file too
    large; one open, one fstat and the reads (a batch reads thousands: each system call can
    hand the GIL to another worker)."""
    try:
        fd = os.open(p, os.O_RDONLY | _O_BINARY)
    except OSError as exc:
        if exc.errno in _MISSING_ERRNOS:
            raise InputError(f"{label}: no such file", path=label, reason="missing") from None
        if p.is_dir():  # a folder cannot be opened on some systems
            raise _folder(label) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _folder(label)
        if info.st_size > MAX_BYTES:
            raise InputError(
                f"{label}: {info.st_size} bytes is too large for an article",
                path=label,
                reason="too_large",
            )
        chunks = []
        while chunk := os.read(fd, max(info.st_size + 1, 65536)):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _folder(label: str) -> InputError:
    return InputError(
        f"{label}: is a folder (use `summarizer batch` for folders)", path=label, reason="folder"
    )


def read_article(
    path: str | Path | None = None,
    *,
    text: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> Article:
    """Read an article from a path ("-" for standard input) or from given text."""
    label = str(path) if path is not None else (url or "text")
    if text is None:
        if path is None:
            raise InputError("no input given", reason="missing")
        if str(path) == "-":
            data = sys.stdin.buffer.read()
            label = "<stdin>"
        else:
            data = _read_file(Path(path), label)
        text = decode_bytes(data, label=label)
    else:
        text = decode_bytes(text.encode("utf-8"), label=label)
    return Article(
        text=text,
        sha256=sha256_text(text),
        path=None if path is None else label,
        url=url,
        outlet=outlet,
        published=published,
    )
