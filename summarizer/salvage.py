"""What can be kept of a structured answer the model's token budget cut short.

A small local model sometimes loops ("commerce, rice cultivation, commerce, rice
cultivation, ...") until ``max_tokens`` cuts its JSON mid-string. Re-asking with the same
budget loops again (measured: fr_25, three attempts, 900 tokens each), so the answer is read
as far as it goes instead: pydantic's partial JSON parser closes what was open and drops the
unfinished last string; a list keeps its first distinct items up to the schema's maximum; a
field the cut left out is empty (a list) or null (where the schema allows it); an item that
does not validate on its own (a head cut before its party) is dropped. The result is
validated like any answer, validators included; an answer whose every meeting was cut short
is none (it would read as "no meeting"). What was lost is said in ``Salvaged.lost``.
"""

from __future__ import annotations

import json
import types
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

import annotated_types
import pydantic_core
from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)


class _Unfit(Exception):
    """A required field the cut left out, with no empty value to stand for it."""


@dataclass
class Salvaged(Generic[T]):
    value: T
    lost: list[str] = field(default_factory=list)


def salvage(arguments: str, model: type[T]) -> Salvaged[T] | None:
    """The answer ``arguments`` (JSON cut short) read as far as it goes, or None when nothing
    valid remains."""
    try:
        data = pydantic_core.from_json(arguments, allow_partial=True)
    except ValueError:
        return None
    lost: list[str] = []
    try:
        fitted = _fit_model(data, model, lost, model.__name__)
        value = model.model_validate(fitted)
    except (_Unfit, ValidationError):
        return None
    # a list the answer began (a meeting) and nothing whole of it left is no answer ("no
    # meetings" would be a false one)
    if any(data.get(name) and not fitted.get(name) for name in model.model_fields):
        return None
    return Salvaged(value, lost)


def _fit_model(data: Any, model: type[BaseModel], lost: list[str], path: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _Unfit(path)
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        annotation, optional = _unwrap_optional(info.annotation)
        where = f"{path}.{name}"
        if name not in data:
            if get_origin(annotation) is list:
                out[name] = []
            elif optional or not info.is_required():
                out[name] = None if optional else info.get_default(call_default_factory=True)
            else:
                raise _Unfit(where)
            lost.append(f"{where}: cut before it was written")
            continue
        value = data[name]
        if get_origin(annotation) is list and isinstance(value, list):
            (item_type,) = get_args(annotation) or (Any,)
            out[name] = _fit_list(value, item_type, _max_length(info.metadata), lost, where)
        elif _is_model(annotation) and value is not None:
            try:
                out[name] = _fit_model(value, annotation, lost, where)
            except _Unfit:
                if not optional:
                    raise
                out[name] = None
                lost.append(f"{where}: cut inside it")
        else:
            out[name] = value
    return out


def _fit_list(
    values: list[Any], item_type: Any, most: int | None, lost: list[str], where: str
) -> list[Any]:
    """The list's first distinct items that are whole, up to ``most``."""
    kept: list[Any] = []
    seen: set[str] = set()
    for value in values:
        if _is_model(item_type):
            try:
                value = _fit_model(value, item_type, lost, where)
                item_type.model_validate(value)
            except (_Unfit, ValidationError):
                lost.append(f"{where}: an item cut short or invalid")
                continue
        key = json.dumps(value, sort_keys=True, default=str)
        if key in seen:
            continue  # a looping answer repeats itself
        seen.add(key)
        kept.append(value)
    if most is not None and len(kept) > most:
        lost.append(f"{where}: {len(kept) - most} distinct items past the schema's {most}")
        kept = kept[:most]
    return kept


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], len(args) < len(get_args(annotation))
    return annotation, False


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _max_length(metadata: list[Any]) -> int | None:
    for item in metadata:
        if isinstance(item, annotated_types.MaxLen):
            return int(item.max_length)
    return None
