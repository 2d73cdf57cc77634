"""``mkdocs.yml`` read as data only, so ``eventdocs check`` can compare the site with the project.

MkDocs reads its config with PyYAML's full loader, where a tag can import a module or call a
function. Here it is read with the safe loader, and a tag that loader does not know (MkDocs'
``!ENV`` and ``!relative``, or ``!!python/object/apply:…``) becomes an opaque ``Tagged`` value:
nothing named in the file is imported, called or looked up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from eventdocs.base.bounded import read_bounded
from eventdocs.base.confined import refuse_outside
from eventdocs.errors import LoadError
from eventdocs.load._yaml_guards import check_shape, reader_error
from eventdocs.load.yaml_files import MAX_FILE_BYTES, MAX_NODES, YamlDocument, decode_text

SITE_CONFIG = "mkdocs.yml"
PYTHON_TAG = "tag:yaml.org,2002:python/"


@dataclass(frozen=True)
class Tagged:
    """A value under a tag eventdocs does not interpret, kept as written: never constructed."""

    tag: str
    line: int

    @property
    def shown(self) -> str:
        """The tag as it was most likely written: ``!!python/name:x`` rather than its URI."""
        return self.tag.replace("tag:yaml.org,2002:", "!!", 1)


@dataclass(frozen=True)
class SiteConfig:
    """The parsed ``mkdocs.yml``, with every tagged value it holds, for positions and findings."""

    document: YamlDocument
    tagged: tuple[Tagged, ...]


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DataLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader, with every unknown tag (the ``None`` entry) made an opaque value."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.tagged: list[Tagged] = []


def _opaque(loader: _DataLoader, node: yaml.Node) -> Tagged:
    value = Tagged(str(node.tag), node.start_mark.line + 1)
    loader.tagged.append(value)
    return value


_DataLoader.add_constructor(None, _opaque)


def load_site_config(root: Path) -> SiteConfig:
    """Read ``root/mkdocs.yml`` as plain data; raise ``LoadError`` at its line if it cannot be.

    Bounded in size and depth like every input, and refused if a symlink leads outside the
    project.
    """
    path = root / SITE_CONFIG
    refuse_outside(root, path, what="site config")
    text = decode_text(read_bounded(path, MAX_FILE_BYTES, what="site config"), path)
    loader = _DataLoader(text)
    try:
        check_shape(text, path, _BaseLoader, max_nodes=MAX_NODES)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as error:
        byte_offset = _BaseLoader is not yaml.SafeLoader
        raise reader_error(error, text, path, byte_offset=byte_offset) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise LoadError(
            f"invalid YAML: {error.problem or error.context or 'cannot be read'}",
            path=path,
            line=mark.line + 1 if mark else None,
        ) from None
    except (yaml.YAMLError, ValueError, ArithmeticError) as error:
        raise LoadError(f"invalid YAML: {error}", path=path, line=1) from None
    finally:
        loader.dispose()
    return SiteConfig(YamlDocument(path, data, text, node), tuple(loader.tagged))
