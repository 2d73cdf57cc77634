"""Writing locale YAML by hand, so translators' comments and layout survive every edit."""

from __future__ import annotations

import json


def yaml_string(text: str) -> str:
    """Return ``text`` as a quoted YAML scalar, preferring the quoting that needs no escapes."""
    if '"' in text and "\n" not in text and "\\" not in text:
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)


def translation_entry(key: str, source: str, text: str | None) -> str:
    """Return one translation entry: the key, the English it translates, and its text."""
    value = f" {yaml_string(text)}" if text is not None else ""
    return f"{key}:\n  source: {yaml_string(source)}\n  text:{value}\n"


def translation_file_header(code: str, source_code: str) -> str:
    """The comment every scaffolded translation file starts with."""
    return (
        f"# Translations into {code!r}. For each key, `source` is the {source_code!r} text the\n"
        "# translation was made from and `text` the translation; an empty `text` is not\n"
        "# translated yet. Edit `text` only: `eventdocs accept` updates `source` once a\n"
        "# translation is reviewed. Inline code, bold and links must match the source.\n"
    )
