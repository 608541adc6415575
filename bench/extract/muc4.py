"""MUC-4 role fillers (PerpInd, PerpOrg, Target, Victim, Weapon) from Tansiq's extraction.

Reads ``../shared/eval/events/muc4_{train,dev}.jsonl`` at run time. Two scores are printed:

* ``head``: the MUC-4 literature's head-noun scoring (:mod:`tansiq.extract.roles.heads`). A
  predicted string is correct when its head noun equals the head noun of any mention of a gold
  entity; each gold entity counts once and coreferent predictions are merged.
* ``exact``: GRIT's CEAF-REE with ``phi_strict`` (normalised exact string match), for comparison.

Three runs of the product's extraction on the split:

* *rules*: ``Extractor()``, the roles of attack events (as ``tansiq ingest`` without a model);
* *model*: ``Extractor(roles=MODEL)``, the roles the learnt role model added (marked
  ``model:<id>``), the model trained by the product trainer
  (:func:`tansiq.extract.roles.training.train_file`, as ``tansiq extract train-roles``) on
  ``muc4_train.jsonl``; its five-fold train cross-validation is printed from the model file;
* *rules + model*: both sets of roles of the same extraction.

``--model-cache DIR`` keeps the trained model (named by the training file's SHA-256) so reruns
only extract; ``--retrain`` trains again. Nothing trained is kept in the repository.

``--adapt`` extends the rules' lexicon with words learnt from the *train* split (head nouns of
fillers seen at least ``--min-count`` times, and PerpOrg names as a gazetteer).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from tansiq.extract import Document, Extraction, Extractor, Gazetteer
from tansiq.extract.lexicon import ATTACK, Lexicon
from tansiq.extract.roles import RoleModel, load_role_model
from tansiq.extract.roles.heads import f1, head, matching, normalise, score_head
from tansiq.extract.roles.store import save
from tansiq.extract.roles.training import train_file

ROOT = Path(__file__).resolve().parents[3] / "shared" / "eval" / "events"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
ROLE_OF = {
    "perpetrator": "PerpInd",
    "perpetrator_org": "PerpOrg",
    "target": "Target",
    "victim": "Victim",
    "weapon": "Weapon",
}
Preds = list[dict[str, list[str]]]


def load(split: str) -> list[dict[str, object]]:
    with (ROOT / f"muc4_{split}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def gold_entities(record: dict[str, object], role: str) -> list[list[str]]:
    extracts = record["extracts"]
    assert isinstance(extracts, dict)
    return [[m[0] for m in entity] for entity in extracts[role] if entity]


def score_exact(preds: list[str], golds: list[list[str]]) -> tuple[int, int, int]:
    """(correct, predicted, gold) as GRIT's CEAF-REE phi_strict with singleton predictions."""
    gold_norm = [{normalise(m) for m in entity} for entity in golds]
    edges = [[j for j, ms in enumerate(gold_norm) if normalise(p) in ms] for p in preds]
    return matching(edges, len(golds)), len(preds), len(golds)


def documents(records: list[dict[str, object]]) -> list[Document]:
    return [
        Document(str(r["docid"]), str(r["doctext"]), "text/plain", str(r["docid"]), language="en")
        for r in records
    ]


def fillers(extractions: list[Extraction], keep: Callable[[str], bool]) -> Preds:
    """Per document, role -> the texts of the attack roles whose method ``keep`` accepts."""
    out = []
    for extraction in extractions:
        by_role: dict[str, list[str]] = {role: [] for role in ROLES}
        for event in extraction.events:
            if event.type != ATTACK:
                continue
            for role in event.roles:
                name = ROLE_OF.get(role.role)
                if name and keep(role.method) and normalise(role.text) not in by_role[name]:
                    by_role[name].append(normalise(role.text))
        out.append(by_role)
    return out


def adapted(records: Iterable[dict[str, object]], min_count: int) -> tuple[Lexicon, Gazetteer]:
    """A lexicon and gazetteer extended with the train split's frequent filler heads and groups."""
    heads: dict[str, Counter[str]] = {role: Counter() for role in ROLES}
    orgs: Counter[str] = Counter()
    for record in records:
        for role in ROLES:
            for entity in gold_entities(record, role):
                heads[role].update({head(m) for m in entity})
                if role == "PerpOrg":
                    orgs.update(normalise(m) for m in entity)
    common = {
        r: frozenset(h for h, n in c.items() if n >= min_count and h) for r, c in heads.items()
    }
    lexicon = Lexicon().extended(
        perp_nouns=common["PerpInd"] - common["Victim"],
        weapons=common["Weapon"],
        target_nouns=common["Target"] - common["Victim"],
        person_nouns=common["Victim"] - common["Target"],
    )
    names = [(f"org-{i}", "Organization", [n]) for i, n in enumerate(orgs) if orgs[n] >= min_count]
    return lexicon, Gazetteer(names)


def role_model(cache: Path | None, retrain: bool) -> RoleModel:
    """The product trainer's model of muc4_train.jsonl, from ``cache`` when it is there."""
    data = ROOT / "muc4_train.jsonl"
    digest = hashlib.sha256(data.read_bytes()).hexdigest()[:12]
    path = (cache or Path("var")) / f"muc4-roles-{digest}.json.gz"
    if path.exists() and not retrain:
        print(f"\nrole model {path} (cached)")
        return load_role_model(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    trained = train_file(data, _progress)
    save(trained.model, path)
    print(
        f"\nrole model trained on {data.name} in {time.perf_counter() - started:.0f} s "
        f"({time.process_time() - cpu:.0f} CPU-s), saved to {path} ({path.stat().st_size:,} bytes)"
    )
    return load_role_model(path)


def _progress(stage: str, done: int, total: int) -> None:
    if done == total or (stage == "parse" and done % 250 == 0):
        print(f"  training: {stage} {done}/{total}", flush=True)


SCORERS = (("head", score_head), ("exact", score_exact))


def report(
    records: list[dict[str, object]],
    preds: Preds,
    scorers: tuple[tuple[str, Callable[..., tuple[int, int, int]]], ...] = SCORERS,
    split: str = "dev",
) -> None:
    for label, scorer in scorers:
        totals = Counter[str]()
        print(f"\nMUC-4 {split}, {label} match       P      R     F1   (correct/pred/gold)")
        for role in ROLES:
            c = p = g = 0
            for record, pred in zip(records, preds, strict=True):
                dc, dp, dg = scorer(pred[role], gold_entities(record, role))
                c, p, g = c + dc, p + dp, g + dg
            totals.update({"c": c, "p": p, "g": g})
            print(row(role, c, p, g))
        print(row("micro", totals["c"], totals["p"], totals["g"]))


def row(name: str, c: int, p: int, g: int) -> str:
    prec, rec, f = f1((c, p, g))
    return f"  {name:<24} {prec:6.3f} {rec:6.3f} {f:6.3f}   ({c}/{p}/{g})"


def timed(extractor: Extractor, records: list[dict[str, object]]) -> list[Extraction]:
    """The extractions of the records, with words per CPU-second printed."""
    extractor.extract(Document("warm-up", "Guerrillas attacked.", "text/plain", "0", language="en"))
    started, cpu = time.perf_counter(), time.process_time()
    found = list(extractor.extract_many(documents(records)))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    words = sum(len(str(r["doctext"]).split()) for r in records)
    print(
        f"{len(records)} documents, {words} words in {elapsed:.1f} s, {cpu:.1f} CPU-s "
        f"({words / cpu:,.0f} words per CPU-s)"
    )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--adapt", action="store_true", help="learn lexicon words from train")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--no-learn", dest="learn", action="store_false")
    parser.add_argument("--model-cache", type=Path, help="directory keeping the trained model")
    parser.add_argument("--parse-cache", type=Path, help="same as --model-cache (old name)")
    parser.add_argument("--retrain", action="store_true", help="train even if a model is cached")
    args = parser.parse_args(argv)
    records = load(args.split)
    extractor = Extractor()
    if args.adapt:
        lexicon, gazetteer = adapted(load("train"), args.min_count)
        extractor = Extractor(gazetteer, lexicon)
    print("rules only (Extractor())")
    report(records, fillers(timed(extractor, records), lambda method: method == "rules"))
    if not args.learn:
        return 0
    model = role_model(args.model_cache or args.parse_cache, args.retrain)
    cv = model.meta.get("cv", {})
    print(f"model {model.id}: train 5-fold CV (P, R, F1) {cv}")
    print(f"thresholds {model.thresholds}")
    learnt = Extractor(extractor.gazetteer, extractor.lexicon, roles=model)
    print("\nrules + role model (Extractor(roles=model)): the model's roles")
    found = timed(learnt, records)
    report(records, fillers(found, lambda method: method.startswith("model:")))
    print("\nrules + role model: rule and model roles together")
    report(records, fillers(found, lambda method: True), scorers=SCORERS[:1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
