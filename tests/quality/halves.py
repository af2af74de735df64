"""Development figures on tune and confirm halves (the protocol of docs/quality.md).

Every development file under ``../shared/data`` is split by document: **tune** when the last hex
digit of ``sha1(doc_id)`` is even, **confirm** when it is odd. Rules are read and fitted on the
tune half only; the confirm half's scores are the figures, and the gap between the two says how
much the tune figure flatters. Nothing of the data is kept in the project: this script writes
the halves, the extractions and the scores under ``OUT`` (outside the repository).

    .venv/bin/python -m tests.quality.halves OUT [--half confirm] [--only g5w1h-dev lgl-dev]

Scoring runs the shared scorers with the system ``python3`` (they need numpy and scipy);
``--boot N`` passes their bootstrap resample count (0, the default here, prints no intervals).
Summary lines go to stdout; each scorer's full report is in ``OUT/<file>.<half>.score.txt``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

# name → (path under shared/data, scorer under shared/eval)
FILES: dict[str, tuple[str, str]] = {
    "g5w1h-dev": ("events/g5w1h-dev.jsonl", "score_events.py"),
    "wikievents-dev": ("events/wikievents-dev.jsonl", "score_events.py"),
    "meantime-dev": ("events/meantime-dev.jsonl", "score_events.py"),
    "plover-gsr": ("events/plover-gsr.jsonl", "score_events.py"),
    "lgl-dev": ("geo/lgl-dev.jsonl", "score_geo.py"),
    "gwn-dev": ("geo/gwn-dev.jsonl", "score_geo.py"),
    "polnear-dev": ("claims/polnear-dev.jsonl", "score_claims.py"),
}
HALVES = ("tune", "confirm")


def half_of(doc_id: str) -> str:
    """The protocol's split: even last hex digit of sha1(doc_id) → tune, odd → confirm."""
    return "tune" if int(hashlib.sha1(doc_id.encode()).hexdigest()[-1], 16) % 2 == 0 else "confirm"


def split(name: str, out: Path) -> dict[str, Path]:
    """Write ``OUT/<name>.<half>.jsonl`` (gold lines of that half) and return the paths."""
    lines: dict[str, list[str]] = {h: [] for h in HALVES}
    for line in (SHARED / "data" / FILES[name][0]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            lines[half_of(json.loads(line)["doc_id"])].append(line + "\n")
    paths = {}
    for half, chosen in lines.items():
        paths[half] = out / f"{name}.{half}.jsonl"
        paths[half].write_text("".join(chosen), encoding="utf-8")
    return paths


def inputs(name: str, gold: Path, out: Path) -> Path:
    """The extractor's input for a gold file: the scorer's ``--inputs`` where it has one."""
    docs = out / gold.name.replace(".jsonl", ".docs.jsonl")
    scorer = SHARED / "eval" / FILES[name][1]
    if FILES[name][1] == "score_claims.py":
        rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
        docs.write_text(
            "".join(json.dumps({"doc_id": r["doc_id"], "text": r["text"]}) + "\n" for r in rows),
            encoding="utf-8",
        )
    else:
        text = subprocess.run(
            ["python3", str(scorer), "--inputs", str(gold)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        docs.write_text(text, encoding="utf-8")
    return docs


def _scorer_options(name: str, boot: int, stem: Path) -> list[str]:
    """The scorers' flags: the claims scorer names its resamples and details otherwise."""
    if FILES[name][1] == "score_claims.py":
        return ["--resamples", str(boot), "--json", f"{stem}.details.json"]
    return ["--boot", str(boot), "--details", f"{stem}.details.jsonl"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--half", choices=[*HALVES, "both"], default="both")
    ap.add_argument("--only", nargs="*", choices=sorted(FILES), default=None)
    ap.add_argument("--boot", type=int, default=0)
    ap.add_argument("--no-extract", action="store_true", help="score existing predictions")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    names = args.only or [n for n in FILES if n != "polnear-dev"]
    halves = HALVES if args.half == "both" else (args.half,)

    extractor = None
    if not args.no_extract:
        from services.extract.batch import extract_file
        from services.extract.domain.extractor import Extractor, load_nlp

        extractor = Extractor(load_nlp())
    for name in names:
        paths = split(name, args.out)
        for half in halves:
            gold = paths[half]
            preds = args.out / f"{name}.{half}.preds.jsonl"
            if extractor is not None:
                extract_file(inputs(name, gold, args.out), preds, extractor=extractor)
            report = subprocess.run(
                [
                    "python3",
                    str(SHARED / "eval" / FILES[name][1]),
                    str(gold),
                    str(preds),
                    *_scorer_options(name, args.boot, args.out / f"{name}.{half}"),
                ],
                capture_output=True,
                text=True,
            )
            (args.out / f"{name}.{half}.score.txt").write_text(
                report.stdout + report.stderr, encoding="utf-8"
            )
            print(f"## {name} {half}\n{report.stdout.strip()}\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
