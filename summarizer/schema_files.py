"""The JSON Schema files of the contract, and validation of output files against them.

``generate()`` builds one ``<name>.schema.json`` per document in ``records.DOCUMENTS``
(JSON Schema draft 2020-12, from the pydantic models). They are written to the top-level
``schemas/`` folder (shipped as the ``summarizer.schemas`` package) by
``summarizer schema --write schemas/`` and a test fails when they are stale.

``validate_document`` checks a parsed document against its schema, then the parts of the
contract a schema cannot express (span offsets consistent with their text, dates in one of
the contract's forms, the primary meeting first). ``validate_file`` also re-reads the article
a brief points to, when it is still there unchanged, and checks that every evidence span's
text is exactly ``article[start:end]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import BaseModel

from .errors import ConfigError, InputError, SummarizerError, ValidationIssue
from .reading import Article, read_article
from .records import DOCUMENTS, SCHEMA_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_PACKAGE = "summarizer.schemas"
SUFFIX = ".schema.json"
REGENERATE = "summarizer schema --write schemas/  (or: make schemas)"
ROOT = "(document)"

_DATE_FORMS = {
    4: "year",
    7: "month",
    10: "day",
}
_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ---- schema files ------------------------------------------------------------------------


def schema_id(name: str) -> str:
    return f"urn:summarizer:schema:{name}:{SCHEMA_VERSION}"


def file_name(name: str) -> str:
    return f"{name}{SUFFIX}"


def build_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one document, generated from its pydantic model."""
    model = DOCUMENTS.get(name)
    if model is None:
        known = ", ".join(DOCUMENTS)
        raise ConfigError(f"no document named {name!r}; known: {known}")
    return {"$schema": DRAFT, "$id": schema_id(name), **model.model_json_schema()}


def schema_text(schema: Mapping[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generate() -> dict[str, str]:
    """File name -> JSON text, for every document of the contract."""
    return {file_name(name): schema_text(build_schema(name)) for name in DOCUMENTS}


def write(directory: Path) -> list[Path]:
    """Write every schema file into ``directory`` (created if needed); return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path) -> list[str]:
    """Names of the schema files in ``directory`` that are missing or differ from the models."""
    out: list[str] = []
    for name, text in generate().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out


def load_schema(name: str) -> dict[str, Any]:
    """The shipped schema of a document (generated from the models if the file is absent)."""
    if name not in DOCUMENTS:
        raise ConfigError(f"no document named {name!r}; known: {', '.join(DOCUMENTS)}")
    ref = resources.files(SCHEMA_PACKAGE).joinpath(file_name(name))
    if not ref.is_file():
        return build_schema(name)
    data = json.loads(ref.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ConfigError(f"{file_name(name)}: not a JSON object; regenerate: {REGENERATE}")
    return data


# ---- validating documents ------------------------------------------------------------------


def detect_document(data: Mapping[str, Any]) -> str:
    """Which document ``data`` is, by its keys; InputError when it is none of them."""
    keys = set(data)
    if {"meetings", "source"} <= keys:
        return "article_brief"
    if {"events", "articles"} <= keys:
        return "comparative_summary"
    if {"parties", "status"} <= keys:
        return "meeting_record"
    raise InputError(
        "not a summarizer document (expected an article brief, a comparative summary or a "
        "meeting record)",
        reason="unknown_document",
    )


def json_path(parts: Sequence[str | int]) -> str:
    """``["meetings", 0, "round"]`` -> ``meetings[0].round``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or ROOT


def schema_reason(error: SchemaError) -> str:
    """The error message, made readable for the ``anyOf`` that optional fields produce."""
    context = error.context or []
    if error.validator in ("anyOf", "oneOf") and context:
        types = [c.validator_value for c in context if c.validator == "type" and not c.path]
        if len(types) == len(context):
            return f"{error.instance!r} is not of type " + " or ".join(map(str, types))
        nested = [c for c in context if c.validator != "type"]
        if nested:
            return schema_reason(nested[0])
    return error.message


def schema_issues(data: Any, name: str) -> list[ValidationIssue]:
    validator = Draft202012Validator(load_schema(name))
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [ValidationIssue(json_path(list(e.absolute_path)), schema_reason(e)) for e in errors]


def validate_document(data: Any, name: str | None = None) -> list[ValidationIssue]:
    """Problems of a parsed document: its schema first, then the contract checks."""
    if not isinstance(data, dict):
        return [ValidationIssue(ROOT, f"expected a JSON object, got {type(data).__name__}")]
    if name is None:
        try:
            name = detect_document(data)
        except InputError as exc:
            return [ValidationIssue(ROOT, exc.message)]
    issues = schema_issues(data, name)
    if issues:
        return issues
    return contract_issues(data, name)


def contract_issues(data: Mapping[str, Any], name: str) -> list[ValidationIssue]:
    """What JSON Schema cannot say: consistent spans, date forms, the primary meeting first."""
    issues = [
        ValidationIssue(path, problem)
        for path, span in iter_spans(data)
        if (problem := span_shape_problem(span))
    ]
    issues += [
        ValidationIssue(path, problem)
        for path, date in iter_dates(data)
        if (problem := date_problem(date))
    ]
    if name == "article_brief":
        issues += primary_issues(data.get("meetings", []))
    return issues


def iter_spans(data: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every evidence span of a document, with its JSON path."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from iter_spans(item, f"{path}[{i}]")
        return
    if not isinstance(data, Mapping):
        return
    for key, value in data.items():
        where = f"{path}.{key}" if path else str(key)
        if key == "evidence" and isinstance(value, list):
            for i, span in enumerate(value):
                if isinstance(span, Mapping):
                    yield f"{where}[{i}]", span
        elif key == "field_evidence" and isinstance(value, Mapping):
            for fact, spans in value.items():
                for i, span in enumerate(spans if isinstance(spans, list) else []):
                    if isinstance(span, Mapping):
                        yield f"{where}.{fact}[{i}]", span
        else:
            yield from iter_spans(value, where)


def iter_dates(data: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every meeting date (``date`` objects with a ``precision``), with its JSON path."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from iter_dates(item, f"{path}[{i}]")
        return
    if not isinstance(data, Mapping):
        return
    for key, value in data.items():
        where = f"{path}.{key}" if path else str(key)
        if key == "date" and isinstance(value, Mapping) and "precision" in value:
            yield where, value
        yield from iter_dates(value, where)


def span_shape_problem(span: Mapping[str, Any]) -> str | None:
    start, end, text = span.get("start"), span.get("end"), span.get("text")
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(text, str):
        return None  # the schema reports these
    if start > end:
        return f"span start {start} is after its end {end}"
    if len(text) != end - start:
        return f"span text has {len(text)} characters but covers {start}-{end} ({end - start})"
    return None


def date_problem(date: Mapping[str, Any]) -> str | None:
    value, precision = date.get("value"), date.get("precision")
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE_VALUE.match(value):
        return f'date value {value!r} is not "YYYY-MM-DD", "YYYY-MM" or "YYYY"'
    expected = _DATE_FORMS[len(value)]
    if precision != expected:
        return f"date value {value!r} has precision {expected!r}, not {precision!r}"
    return None


def primary_issues(meetings: Any) -> list[ValidationIssue]:
    if not isinstance(meetings, list) or not meetings:
        return []
    flags = [m.get("primary") is True for m in meetings if isinstance(m, Mapping)]
    if sum(flags) > 1:
        return [ValidationIssue("meetings", f"{sum(flags)} meetings are marked primary")]
    if not flags[0]:
        return [ValidationIssue("meetings[0].primary", "the primary meeting must come first")]
    return []


# ---- evidence against the article -----------------------------------------------------------


def span_text_problem(span: Mapping[str, Any], article: str) -> str | None:
    start, end, text = span.get("start"), span.get("end"), span.get("text")
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(text, str):
        return None
    if end > len(article):
        return f"span {start}-{end} is past the end of the article ({len(article)} chars)"
    found = article[start:end]
    if found != text:
        return f"evidence text {text[:60]!r} != article[{start}:{end}] {found[:60]!r}"
    return None


def check_evidence(
    document: BaseModel | Mapping[str, Any], article_text: str, *, source: str | None = None
) -> list[ValidationIssue]:
    """Every span whose text is not ``article_text[start:end]``, by JSON path.

    With ``source``, only the spans that point into that article (merged records) are checked.
    """
    data = document.model_dump(mode="json") if isinstance(document, BaseModel) else document
    issues = []
    for path, span in iter_spans(data):
        if source is not None and span.get("source") != source:
            continue
        problem = span_text_problem(span, article_text)
        if problem:
            issues.append(ValidationIssue(path, problem))
    return issues


# ---- files ------------------------------------------------------------------------------------


@dataclass
class FileReport:
    """The result of validating one file: problems (errors) and notes (not errors)."""

    file: str
    document: str | None = None
    issues: list[ValidationIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", path=str(path), reason="missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: cannot read: {exc}", path=str(path), reason="unreadable"
        ) from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            path=str(path),
            reason="not_json",
        ) from exc


def validate_file(path: Path) -> FileReport:
    """Validate one output file, checking evidence against its article(s) when available."""
    report = FileReport(file=str(path))
    try:
        data = read_json(path)
    except InputError as exc:
        report.issues.append(ValidationIssue("(file)", exc.message.removeprefix(f"{path}: ")))
        return report
    if isinstance(data, dict):
        try:
            report.document = detect_document(data)
        except InputError:
            report.document = None
    report.issues = validate_document(data, report.document)
    if report.issues or report.document is None:
        return report
    if report.document == "article_brief":
        source = data.get("source", {})
        _check_article(report, data, source.get("path"), source.get("sha256"), path.parent)
    elif report.document == "comparative_summary":
        for ref in data.get("articles", []):
            where = ref.get("path")
            _check_article(report, data, where, ref.get("sha256"), path.parent, ref.get("id"))
    else:
        report.notes.append("evidence not checked: a meeting record does not name its article")
    return report


def _check_article(
    report: FileReport,
    data: Mapping[str, Any],
    where: str | None,
    sha256: str | None,
    base: Path,
    source: str | None = None,
) -> None:
    label = f" {source}" if source else ""
    article = find_article(where, sha256, base)
    if isinstance(article, str):
        report.notes.append(f"evidence{label} not checked: {article}")
        return
    report.issues += check_evidence(data, article.text, source=source)


def find_article(where: str | None, sha256: str | None, base: Path) -> Article | str:
    """The article at ``where`` (as given, or beside the checked file) if its hash matches;
    otherwise the reason it cannot be used."""
    if not where:
        return "article not found (the document names no path)"
    candidates = [Path(where)]
    if not Path(where).is_absolute():
        candidates.append(base / where)
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            article = read_article(candidate)
        except SummarizerError as exc:
            return f"article not readable: {exc.message}"
        if article.sha256 != sha256:
            return f"article at {candidate} has changed since (sha256 differs)"
        return article
    return "article not found"
