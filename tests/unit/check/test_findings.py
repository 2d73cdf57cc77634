"""The rules table explains every finding code, and the reference page of checks has a
section for each, anchored by the code, that names the same fix."""

from __future__ import annotations

import re

import pytest

from eventdocs.check.findings import RULES, Code
from tests.helpers import REPO

PAGE = REPO / "pages" / "en" / "checks.md"
# `## Title {#code}`: a second-level heading with an explicit anchor (attr_list).
SECTION = re.compile(r"^## .+ \{#([a-z-]+)\}$", re.MULTILINE)


def sections() -> dict[str, str]:
    """Each anchored section of the page, by anchor: its text up to the next heading."""
    text = PAGE.read_text("utf-8")
    found = list(SECTION.finditer(text))
    anchors = [match.group(1) for match in found]
    assert len(anchors) == len(set(anchors)), "an anchor is used twice"
    ends = [match.start() for match in found[1:]] + [len(text)]
    return {match.group(1): text[match.end() : end] for match, end in zip(found, ends, strict=True)}


def test_every_code_has_a_rule_and_a_section() -> None:
    """The table covers every code, and the page has one section per code and no other."""
    assert set(RULES) == set(Code)
    assert set(sections()) == {code.value for code in Code}


@pytest.mark.parametrize("code", list(Code))
def test_each_section_names_the_commands_of_its_fix(code: Code) -> None:
    """A section says how to fix its finding with the very commands the rule's help names."""
    commands = re.findall(r"`(eventdocs [a-z-]+(?: --[a-z]+)?)", RULES[code].fix)
    assert commands, f"the fix of {code} names no command"
    section = sections()[code.value]
    assert "**Fix:**" in section
    for command in commands:
        assert command in section, (code, command)
