"""The OpenAPI and AsyncAPI documents of one language, built from the same parts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from eventdocs.load.project import Project
from eventdocs.render.api_parts import ApiParts, api_parts
from eventdocs.render.asyncapi import build_asyncapi
from eventdocs.render.openapi import build_openapi
from eventdocs.render.translator import Translations

_BUILDERS: dict[str, Callable[[ApiParts], dict[str, Any]]] = {
    "openapi": build_openapi,
    "asyncapi": build_asyncapi,
}


def api_documents(
    project: Project,
    translations: Translations,
    code: str | None,
    note: str,
    kinds: Iterable[str],
) -> dict[str, dict[str, Any]]:
    """The documents of ``kinds`` (``API_KINDS``) in the language of ``translations``
    (``code``, ``None`` for the source language), each starting with ``note``."""
    parts = api_parts(project, translations, code, note)
    return {kind: _BUILDERS[kind](parts) for kind in kinds}
