"""convert --format csv, markdown and chunks, and the analysts' tables (Parquet and CSV) on real reports."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

import docparse
from docparse import batch
from docparse.renderers.parquet import TABLES, description, rows, unique_paths

from .conftest import ROOT, SAMPLES

REAL_SHAPES = ROOT / "tests" / "fixtures" / "spec" / "real_shapes.txt"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for sample in SAMPLES[:3]:
        shutil.copy(sample, root / sample.name)
    shutil.copy(REAL_SHAPES, root / "sub" / REAL_SHAPES.name)
    return root


def read_csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode())
    assert b"\r\n" in data
    return list(csv.DictReader(data.decode("utf-8-sig").splitlines(keepends=True)))


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "errors.csv"}


def test_csv_tables_hold_every_table_with_the_parquet_columns(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = batch.convert([str(reports)], out, format="csv")
    assert summary.converted == 4 and summary.errors == 0
    docs = [docparse.parse_file(p) for p in sorted(reports.rglob("*.txt"))]
    for name, columns in TABLES.items():
        table = read_csv(out / f"{name}.csv")
        assert list(table[0]) == list(columns) if table else True
    documents = read_csv(out / "documents.csv")
    assert sorted(row["sha256"] for row in documents) == sorted(d.source.sha256 for d in docs)
    findings = read_csv(out / "diagnostics.csv")
    assert len(findings) == sum(len(docparse.validate(d)) for d in docs)
    assert {row["severity"] for row in findings} <= {"error", "warning", "info"}
    sections = read_csv(out / "sections.csv")
    assert len(sections) == sum(1 for d in docs for _ in d.walk())
    for doc_id in {row["doc_id"] for row in sections}:  # unique paths within a document
        paths = [row["path"] for row in sections if row["doc_id"] == doc_id]
        assert len(paths) == len(set(paths))


def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "r.txt").write_text("关于2022年度工作的报告\n一、主要工作\n=HYPERLINK(\"x\")开展培训12次。\n",
                                  encoding="utf-8")
    batch.convert([str(source)], tmp_path / "out", format="csv")
    claims = read_csv(tmp_path / "out" / "claims.csv")
    assert claims[0]["text"].startswith("'=HYPERLINK")


@pytest.mark.parametrize("fmt", ["csv", "markdown", "chunks"])
def test_resume_keeps_the_same_bytes_and_converts_what_changed(fmt: str, reports: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch.convert([str(reports)], out, format=fmt, jobs=2)
    first = files(out)
    again = batch.convert([str(reports)], out, format=fmt, resume=True)
    assert (again.skipped, again.converted) == (4, 0)
    assert files(out) == first
    changed = reports / SAMPLES[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n三、其他\n新增内容。\n", encoding="utf-8")
    third = batch.convert([str(reports)], out, format=fmt, resume=True)
    assert (third.skipped, third.converted) == (3, 1)
    assert files(out) != first


def test_a_file_per_input_for_markdown_and_chunks(reports: Path, tmp_path: Path) -> None:
    batch.convert([str(reports)], tmp_path / "md", format="markdown")
    batch.convert([str(reports)], tmp_path / "chunks", format="chunks")
    nested = reports / "sub" / REAL_SHAPES.name
    doc = docparse.parse_file(nested)
    markdown = (tmp_path / "md" / "sub" / "real_shapes.md").read_text(encoding="utf-8")
    assert markdown == docparse.to_markdown(doc)
    written = tmp_path / "chunks" / "sub" / "real_shapes.chunks.jsonl"
    lines = written.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == [c.text for c in docparse.chunks(doc)]


def test_a_deleted_output_is_written_again_on_resume(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch.convert([str(reports)], out, format="markdown")
    (out / "sub" / "real_shapes.md").unlink()
    again = batch.convert([str(reports)], out, format="markdown", resume=True)
    assert (again.skipped, again.converted) == (3, 1)
    assert (out / "sub" / "real_shapes.md").exists()


def test_section_paths_are_unique_and_parents_are_sections() -> None:
    doc = docparse.parse_file(REAL_SHAPES)
    assert len({s.path for s in doc.walk()}) < sum(1 for _ in doc.walk())  # the source repeats paths
    tables = rows(doc)
    sections = tables["sections"]
    assert len(set(sections["path"])) == len(sections["path"])
    assert set(unique_paths(doc).values()) == set(sections["path"])
    ids = set(sections["section_id"])
    assert all(parent is None or parent in ids for parent in sections["parent_id"])
    for section in doc.walk():  # the text is the heading and the section's own paragraphs, as written
        text = sections["text"][sections["section_id"].index(section.id)]
        assert text.startswith(doc.text[section.heading_span.start:section.heading_span.end])
        assert all(p.text in text for p in section.body)
        assert all(section.heading_span.start + len(text) <= child.span.start for child in section.children)
    claim_paths = set(tables["claims"]["section_path"]) - {""}
    assert claim_paths <= set(sections["path"])


def test_the_documents_table_holds_the_text_and_every_metadata_field() -> None:
    doc = docparse.parse_file(ROOT / "tests" / "fixtures" / "genres" / "gov_cn_page.txt")
    row = {column: values[0] for column, values in rows(doc)["documents"].items()}
    assert row["text"] == doc.text
    assert row["issuer"] == doc.metadata.issuer and row["doc_number"] == doc.metadata.doc_number
    fields = json.loads(row["metadata_fields"])
    assert [f["value"] for f in fields] == [f.value for f in doc.metadata.fields]
    assert fields, "the fixture is a page with a metadata block"
    assert row["diagnostics"] == len(docparse.validate(doc))


def test_every_typed_metadata_field_has_a_column_of_the_documents_table() -> None:
    """A field added to Metadata (主送机关, the 版记 …) reaches the analysts' table too."""
    renamed = {"title": "metadata_title", "source": "metadata_source", "fields": "metadata_fields"}
    columns = TABLES["documents"]
    assert [name for name in docparse.Metadata.model_fields if renamed.get(name, name) not in columns] == []
    doc = docparse.parse_file(ROOT / "tests" / "fixtures" / "frontmatter" / "banji_printed_by.txt")
    row = {column: values[0] for column, values in rows(doc)["documents"].items()}
    assert row["addressees"] == "各乡镇人民政府、县直各单位"
    assert row["copy_to"] == "县委办公室、县人大常委会办公室、县政协办公室"
    assert row["printed_by"] == "某某县人民政府办公室"


def test_parquet_files_describe_their_columns_and_versions(reports: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    batch.convert([str(reports)], out, format="parquet")
    for name in TABLES:
        schema = pq.read_schema(out / f"{name}.parquet")
        assert schema.metadata[b"docparse.version"] == docparse.__version__.encode()
        assert schema.metadata[b"docparse.schema_version"] == docparse.SCHEMA_VERSION.encode()
        for column in TABLES[name]:
            assert schema.field(column).metadata[b"description"].decode() == description(name, column)
    items = pq.read_table(out / "enumerations.parquet").to_pylist()
    docs = [docparse.parse_file(p) for p in sorted(reports.rglob("*.txt"))]
    assert len(items) == sum(1 for d in docs for _ in d.enum_items())
    assert all(row["lead"] for row in items)


@pytest.mark.parametrize("fmt", ["csv", "chunks", "markdown"])
def test_ids_come_from_content_and_place_so_a_folder_spelled_otherwise_resumes(
        fmt: str, reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(reports.parent)
    out = tmp_path / "out"
    batch.convert(["in"], out, format=fmt)
    first = files(out)
    again = batch.convert([str(reports.resolve())], out, format=fmt, resume=True)
    assert (again.skipped, again.converted) == (4, 0)
    if fmt != "markdown":  # the ids in the output are the same; only the paths as given differ
        assert {k: v for k, v in files(out).items() if "manifest" not in k and "documents" not in k} == {
            k: v for k, v in first.items() if "manifest" not in k and "documents" not in k}


def test_a_document_id_is_its_content_and_its_name_below_the_root(reports: Path, tmp_path: Path) -> None:
    from docparse.ids import document_id

    copy = tmp_path / "copy"
    shutil.copytree(reports, copy)
    shutil.copy(reports / SAMPLES[0].name, copy / "twin.txt")  # the same content, another name
    batch.convert([str(reports)], tmp_path / "a", format="csv")
    batch.convert([str(copy)], tmp_path / "b", format="csv")
    ids_a = {row["doc_id"] for row in read_csv(tmp_path / "a" / "documents.csv")}
    ids_b = {row["doc_id"] for row in read_csv(tmp_path / "b" / "documents.csv")}
    assert len(ids_b) == 5 and ids_a < ids_b  # a moved folder keeps its ids; the twin has its own
    sha = docparse.parse_file(REAL_SHAPES).source.sha256
    assert document_id(sha, "sub/real_shapes.txt") in ids_a
