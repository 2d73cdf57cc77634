"""The four hand-written pages this project replaces, read into the sentences they say."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_FILES = {
    "fr": "000_5acca89ac6df1a1d.txt",
    "pt": "001_41484c2f33f1ca5d.txt",
    "it": "002_86db4d584110ee89.txt",
    "en": "003_1be7fe6da2a6c18b.txt",
}
# Plain typos mended on the way; each pair is (as the seed has it, as the page says it).
MENDED = {"en": [("message deliver notifications", "message delivery notifications")]}


def seed_text(locale: str) -> str:
    return (SEEDS / SEED_FILES[locale]).read_text(encoding="utf-8")


def seed_example(locale: str) -> Any:
    match = re.search(r"```json title=payload.json\n(.*?)```", seed_text(locale), re.S)
    assert match
    return json.loads(match.group(1))


def seed_sentences(locale: str) -> list[str]:
    """Every line of prose a reader of the seed sees: headings, notes, paragraphs, list
    items and the field table's description cells (types and field names are schema data)."""
    text = seed_text(locale).split("```json", 1)[0]
    for typo, mended in MENDED.get(locale, []):
        text = text.replace(typo, mended)
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(":::") or line.startswith("| :--"):
            continue
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            # The header row is all prose; a body row's prose is its description.
            sentences.extend(cells[2:] if cells[0].startswith("`") else cells)
            continue
        sentences.append(re.sub(r"^(#+|-)\s+", "", line))
    return sentences
