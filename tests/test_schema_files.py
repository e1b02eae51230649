"""JSON Schema files: current with the models, and validation of output documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from summarizer import schema_files
from summarizer.compare import compare_briefs
from summarizer.errors import ConfigError, InputError
from summarizer.records import DOCUMENTS, ArticleBrief

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def save(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def paths(issues: list[Any]) -> list[str]:
    return [issue.path for issue in issues]


# ---- the schema files --------------------------------------------------------------------


def test_schema_files_are_current() -> None:
    outdated = schema_files.stale(SCHEMAS)
    assert not outdated, (
        f"stale JSON Schema files in schemas/: {', '.join(outdated)}. "
        f"Regenerate them: {schema_files.REGENERATE}"
    )


def test_stale_names_missing_and_changed_files(tmp_path: Path) -> None:
    schema_files.write(tmp_path)
    assert schema_files.stale(tmp_path) == []
    (tmp_path / "meeting_record.schema.json").unlink()
    (tmp_path / "article_brief.schema.json").write_text("{}\n", encoding="utf-8")
    assert sorted(schema_files.stale(tmp_path)) == [
        "article_brief.schema.json",
        "meeting_record.schema.json",
    ]


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_generated_schemas_are_draft_2020_12(name: str) -> None:
    schema = json.loads(schema_files.generate()[f"{name}.schema.json"])
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == schema_files.DRAFT
    assert schema["$id"] == schema_files.schema_id(name)


def test_load_schema_reads_the_packaged_file() -> None:
    shipped = load(SCHEMAS / "comparative_summary.schema.json")
    assert schema_files.load_schema("comparative_summary") == shipped


def test_load_schema_refuses_unknown_names() -> None:
    with pytest.raises(ConfigError, match="article_brief"):
        schema_files.load_schema("minutes")


# ---- detecting and validating documents ------------------------------------------------------


def test_detect_document_by_keys() -> None:
    assert schema_files.detect_document({"meetings": [], "source": {}}) == "article_brief"
    assert schema_files.detect_document({"events": [], "articles": []}) == "comparative_summary"
    assert schema_files.detect_document({"parties": [], "status": "held"}) == "meeting_record"
    with pytest.raises(InputError):
        schema_files.detect_document({"headline": "x"})


def test_json_path_formats_indexes_and_keys() -> None:
    assert schema_files.json_path(["meetings", 0, "date", "value"]) == "meetings[0].date.value"
    assert schema_files.json_path([]) == schema_files.ROOT


def test_pipeline_brief_is_valid(seed_brief_file: Path) -> None:
    assert schema_files.validate_document(load(seed_brief_file)) == []


def test_round_as_a_word_is_reported_at_its_path(seed_brief_file: Path) -> None:
    data = load(seed_brief_file)
    data["meetings"][0]["round"] = "nine"
    issues = schema_files.validate_document(data)
    assert paths(issues) == ["meetings[0].round"]
    assert "'nine'" in issues[0].message and "integer" in issues[0].message


def test_missing_required_field_is_reported(seed_brief_file: Path) -> None:
    data = load(seed_brief_file)
    del data["run"]
    issues = schema_files.validate_document(data)
    assert [(i.path, i.message) for i in issues] == [
        (schema_files.ROOT, "'run' is a required property")
    ]


def test_unknown_document_is_one_issue() -> None:
    issues = schema_files.validate_document({"title": "minutes"})
    assert paths(issues) == [schema_files.ROOT]
    assert schema_files.validate_document([1, 2])[0].message.startswith("expected a JSON object")


def test_span_whose_offsets_disagree_with_its_text(seed_brief_file: Path) -> None:
    data = load(seed_brief_file)
    data["meetings"][0]["parties"][0]["evidence"][0]["end"] += 3
    issues = schema_files.validate_document(data)
    assert paths(issues) == ["meetings[0].parties[0].evidence[0]"]
    assert "covers" in issues[0].message


def test_date_value_not_in_a_contract_form(seed_brief_file: Path) -> None:
    data = load(seed_brief_file)
    data["meetings"][0]["date"].update(value="20 Feb 2025", precision="day")
    assert paths(schema_files.validate_document(data)) == ["meetings[0].date"]
    data["meetings"][0]["date"].update(value="2025-02", precision="day")
    issues = schema_files.validate_document(data)
    assert "'month'" in issues[0].message


def test_primary_meeting_must_come_first(seed_brief_file: Path) -> None:
    data = load(seed_brief_file)
    data["meetings"][0]["primary"] = False
    assert paths(schema_files.validate_document(data)) == ["meetings[0].primary"]


# ---- evidence against the article -------------------------------------------------------------


def test_check_evidence_finds_a_changed_span_text(
    seed_brief_file: Path, seed_article: Path
) -> None:
    text = seed_article.read_text(encoding="utf-8")
    brief = ArticleBrief.model_validate(load(seed_brief_file))
    assert schema_files.check_evidence(brief, text) == []
    span = brief.meetings[0].location.evidence[0]
    span.text = "X" * len(span.text)
    issues = schema_files.check_evidence(brief, text)
    assert paths(issues) == ["meetings[0].location.evidence[0]"]
    assert "Brussels" in issues[0].message


def test_validate_file_checks_evidence_in_the_article(seed_brief_file: Path) -> None:
    data = load(seed_brief_file)
    data["meetings"][0]["delegations"][0]["evidence"][0]["text"] = "Abdul Hamid!"
    save(seed_brief_file, data)
    report = schema_files.validate_file(seed_brief_file)
    assert paths(report.issues) == ["meetings[0].delegations[0].evidence[0]"]
    assert report.notes == []


def test_validate_file_notes_a_missing_article(seed_brief_file: Path) -> None:
    data = load(seed_brief_file)
    data["source"]["path"] = str(seed_brief_file.parent / "gone.txt")
    data["meetings"][0]["location"]["evidence"][0]["text"] = "Brusseli"  # unverifiable
    save(seed_brief_file, data)
    report = schema_files.validate_file(seed_brief_file)
    assert report.ok
    assert report.notes == ["evidence not checked: article not found"]


def test_validate_file_notes_a_changed_article(seed_brief_file: Path, seed_article: Path) -> None:
    seed_article.write_text(seed_article.read_text(encoding="utf-8") + " Updated.", "utf-8")
    report = schema_files.validate_file(seed_brief_file)
    assert report.ok
    assert len(report.notes) == 1 and "sha256 differs" in report.notes[0]


def test_validate_file_reports_a_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "brief.json"
    path.write_text("{not json", encoding="utf-8")
    report = schema_files.validate_file(path)
    assert paths(report.issues) == ["(file)"]
    assert "not JSON" in report.issues[0].message


def test_comparative_summary_evidence_is_checked_per_article(seed_brief_file: Path) -> None:
    brief = ArticleBrief.model_validate(load(seed_brief_file))
    summary = compare_briefs([brief])
    path = seed_brief_file.with_name("comparison.json")
    data = summary.model_dump(mode="json")
    save(path, data)
    assert schema_files.validate_file(path).ok
    spans = data["events"][0]["record"]["parties"][0]["evidence"]
    spans[0]["text"] = "P" * len(spans[0]["text"])
    save(path, data)
    report = schema_files.validate_file(path)
    assert paths(report.issues) == ["events[0].record.parties[0].evidence[0]"]
