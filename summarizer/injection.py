"""Paragraphs that address the software reading the article rather than its readers.

A news article never tells "the AI" or "the summarizer" what to report, and never asks its
reader to "ignore the above". Such paragraphs are prompt injection. They are masked before the
model sees the article, and grounding runs on the masked text, so no fact can be supported by
them: the record says what the article reports, and the masked paragraphs are listed in
`rejected` so the user sees what was withheld.

Masking keeps every offset: a masked paragraph becomes spaces of the same length, so a span
found in the masked text has the same text in the original article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS = [
    # "ignore the above", "disregard all previous instructions", "forget your rules"
    r"\b(?:ignore|disregard|forget|override)\b[^.\n]{0,60}\b(?:above|previous|preceding|prior|"
    r"earlier|instructions?|rules?|prompt|guidelines)\b",
    # "you are an AI", "as a language model"
    r"\b(?:you are|you're|as)\s+(?:an?\s+)?(?:ai|artificial intelligence|assistant|language "
    r"model|llm|chatbot|summari[sz]er|model)\b",
    # "AI systems summarizing this article must report ..."
    r"\b(?:ai|llm|chatbot|assistant|language models?|summari[sz](?:er|ers|ing tools?)|"
    r"automated (?:tools?|systems?))\b[^.\n]{0,80}\b(?:must|should|shall|need to|are "
    r"(?:instructed|required|asked) to)\b",
    r"\b(?:new|updated|real|hidden) instructions?\b",
    r"\bsystem prompt\b",
]
_INJECTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_SENTENCE_END = tuple('.!?:"”»。؟')


@dataclass(frozen=True)
class Masked:
    """The article with injected paragraphs blanked out, and what was blanked."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def withheld(self, original: str) -> list[str]:
        return [original[start:end] for start, end in self.spans]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a line, joined with the lines after it while a line
    does not end a sentence (hard-wrapped text)."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        if line.strip():
            if start is None:
                start = offset
            if line.rstrip().endswith(_SENTENCE_END):
                found.append((start, end))
                start = None
        elif start is not None:
            found.append((start, offset - 1))
            start = None
        offset = end + 1
    if start is not None:
        found.append((start, len(text)))
    return found


def injected_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph that reads as an instruction to software."""
    return [(a, b) for a, b in paragraphs(text) if _INJECTION.search(text, a, b)]


def mask(text: str) -> Masked:
    spans = injected_paragraphs(text)
    if not spans:
        return Masked(text, ())
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return Masked("".join(chars), tuple(spans))


def for_model(text: str) -> str:
    """The masked text as the model gets it: blanked lines dropped, not padded."""
    return "\n".join(line for line in text.split("\n") if line == "" or line.strip())
