"""The shapes of ``schema/<event>.yaml`` and ``schema/types/<Type>.yaml``: language-neutral,
no prose. Every sentence about them lives in the locale files, keyed by the names here.

A value's shape (``Shape``) is what a field and an array's items have in common: a JSON type or
a reference to a shared type, with its format, pattern, enum, bounds and nested fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Annotated, Any, ClassVar, Literal

from eventdocs.load._models import FORBID_UNKNOWN_KEYS, Checked, Constrained
from eventdocs.load._pattern import check_pattern

_NAME = r"^[a-z][a-z0-9_]{0,63}$"
_FIELD_NAME = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"
_TYPE_NAME = r"^[A-Z][A-Za-z0-9]{0,63}$"
# An enum value is part of keys and anchors: letters, digits, `_` and `-` only.
_ENUM_VALUE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
# Names that end up in file paths and URLs: no `/`, no `..`, nothing to escape.
EventName = Annotated[str, Constrained(pattern=_NAME)]
FieldName = Annotated[str, Constrained(pattern=_FIELD_NAME)]
TypeName = Annotated[str, Constrained(pattern=_TYPE_NAME)]
Product = Annotated[str, Constrained(pattern=_NAME)]
Category = Annotated[str, Constrained(pattern=_NAME)]
EnumLiteral = Annotated[str, Constrained(pattern=_ENUM_VALUE)]
Scalar = bool | int | float | str

JsonType = Literal["string", "integer", "number", "boolean", "object", "array"]
Format = Literal["date-time", "date", "time", "uri", "email", "uuid", "hostname", "ipv4", "ipv6"]
Direction = Literal["outgoing", "incoming", "both"]
_STRING_ONLY = ("format", "pattern", "min_length", "max_length")
_NUMBERS = ("integer", "number")


@dataclass(frozen=True, kw_only=True)
class EnumValue:
    """One value an enum field may take; its meaning is translated per value."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    value: EnumLiteral
    deprecated: bool = False


@dataclass(frozen=True, kw_only=True)
class Shape:
    """What a value is: a JSON ``type`` or a ``ref`` to a shared type, and its constraints."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    type: JsonType | None = None
    ref: TypeName | None = None
    format: Format | None = None
    pattern: Annotated[str, Checked(check_pattern)] | None = None
    enum: tuple[EnumValue, ...] = ()
    const: Scalar | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_length: Annotated[int, Constrained(ge=0)] | None = None
    max_length: Annotated[int, Constrained(ge=0)] | None = None
    # An array's items: a shape of their own (objects, refs, formats), or just a JSON type
    # name (`items: string`); read them through `item`.
    items: Item | JsonType | None = None
    # An object's fields; `open: false` refuses every other key (a closed object).
    fields: tuple[Field, ...] = ()
    open: bool = True
    # A map: an object whose keys are free and whose values all have this shape.
    map: Item | None = None
    # A union: the value has one of these shapes (each a `ref` or a plain type); the
    # `discriminator` names the field whose value tells them apart, when there is one.
    one_of: tuple[Item, ...] = ()
    discriminator: FieldName | None = None
    default: Scalar | None = None

    @property
    def label(self) -> str:
        """The name of what this is, for errors: the field's name or ``items``."""
        return "items"

    @property
    def item(self) -> Item | None:
        """An array's items as a shape (``items: string`` is ``Item(type="string")``)."""
        return Item(type=self.items) if isinstance(self.items, str) else self.items

    @property
    def kind(self) -> JsonType:
        """The JSON type: a ``ref`` is an object (a union has none: see ``one_of``)."""
        return self.type or "object"

    @property
    def inner(self) -> Shape | None:
        """What an array or a map holds: the shape its items or values have."""
        return self.item or self.map

    def __post_init__(self) -> None:
        if isinstance(self.items, str):  # one spelling in the model: the shape
            object.__setattr__(self, "items", Item(type=self.items))
        what = self.label
        given = [self.type is not None, self.ref is not None, bool(self.one_of)]
        if given.count(True) != 1:
            raise ValueError(f"{what}: give one of `type`, `ref` (a shared type) or `one_of`")
        if self.one_of:
            self._check_union(what)
            return
        if self.discriminator:
            raise ValueError(f"{what}: only a `one_of` has a `discriminator`")
        kind = self.type or "object"
        if self.map is not None and kind != "object":
            raise ValueError(f"{what}: only an object is a `map`")
        if self.fields and kind != "object":
            raise ValueError(f"{what}: only an object has nested fields")
        if self.ref and (self.fields or not self.open):
            raise ValueError(f"{what}: a `ref` takes its fields from the shared type")
        if (self.items is None) != (kind != "array"):
            raise ValueError(f"{what}: an array, and only an array, has `items`")
        if kind != "string" and any(getattr(self, name) is not None for name in _STRING_ONLY):
            raise ValueError(f"{what}: format, pattern and lengths are for strings")
        if kind not in _NUMBERS and (self.minimum is not None or self.maximum is not None):
            raise ValueError(f"{what}: minimum and maximum are for numbers")
        if self.enum and kind != "string":
            raise ValueError(f"{what}: an enum lists strings")
        self._check_consistent(what, kind)
        _check_unique([value.value for value in self.enum], "enum value")
        _check_unique([field.name for field in self.fields], "field")
        _check_replacements(self.fields)

    def _check_consistent(self, what: str, kind: JsonType) -> None:
        """Keys that contradict each other, or the type, describe no payload at all."""
        for low, high in (("minimum", "maximum"), ("min_length", "max_length")):
            floor, ceiling = getattr(self, low), getattr(self, high)
            if floor is not None and ceiling is not None and floor > ceiling:
                raise ValueError(f"{what}: `{low}` is above `{high}`")
        for name in ("const", "default"):
            value = getattr(self, name)
            if value is not None and not _fits(value, kind):
                article = "an" if kind[0] in "aeiou" else "a"
                raise ValueError(f"{what}: `{name}` is not {article} {kind}")
        if self.map is not None and not self.open:
            raise ValueError(f"{what}: a `map` takes any key; it cannot be `open: false`")

    def _check_union(self, what: str) -> None:
        if len(self.one_of) < 2:
            raise ValueError(f"{what}: a `one_of` lists two shapes or more")
        for alternative in self.one_of:
            if alternative.fields or alternative.one_of or alternative.inner:
                raise ValueError(
                    f"{what}: each `one_of` shape is a `ref` or a plain type; declare an "
                    "object as a shared type and refer to it"
                )
        constrained = [self.format, self.pattern, self.const, self.items, self.map]
        if self.enum or self.fields or any(value is not None for value in constrained):
            raise ValueError(f"{what}: a `one_of` takes its constraints from its shapes")


@dataclass(frozen=True, kw_only=True)
class Item(Shape):
    """The shape of every item of an array."""


@dataclass(frozen=True, kw_only=True)
class Field(Shape):
    """One named field of an object."""

    name: FieldName
    required: bool = False
    nullable: bool = False
    deprecated: bool = False
    # The field that replaces a deprecated one, by its path in the same object.
    replaced_by: FieldName | None = None
    # Each value of the field's enum gets a section of its own on the page, with a title
    # (the seed event's message statuses), instead of a row of the values table.
    sections: bool = False
    example: Scalar | None = None

    @property
    def label(self) -> str:
        return f"field {self.name!r}"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.sections and not self.enum:
            raise ValueError(f"{self.label}: `sections` presents an enum's values; list them")
        if self.replaced_by and not self.deprecated:
            raise ValueError(f"{self.label}: only a deprecated field is `replaced_by` another")


@dataclass(frozen=True, kw_only=True)
class Availability:
    """Where the event is sent from: products that emit it, and message direction."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    products: tuple[Product, ...] = ()
    direction: Direction = "both"


@dataclass(frozen=True, kw_only=True)
class TypeSchema:
    """A shared object type (``schema/types/<Type>.yaml``): declared once, used by name."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    name: TypeName
    version: Annotated[int, Constrained(ge=1)] = 1
    fields: Annotated[tuple[Field, ...], Constrained(min_length=1)]
    open: bool = True
    examples: tuple[dict[str, Any], ...] = ()
    lines: Mapping[str, int] = dataclass_field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        _check_unique([field.name for field in self.fields], "field")
        _check_replacements(self.fields)

    def walk_fields(self) -> Iterator[tuple[str, Field]]:
        """Yield ``(dotted path, field)`` for every field of the type, parents first."""
        yield from walk(self.fields, "")

    def references(self) -> Iterator[str]:
        """The shared types this type names, anywhere in its fields."""
        yield from _references(self.fields)


@dataclass(frozen=True, kw_only=True)
class EventSchema:
    """One webhook event: its name, version, statuses, payload fields and examples."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_UNKNOWN_KEYS

    event: EventName
    version: Annotated[int, Constrained(ge=1)]
    category: Category | None = None
    availability: Availability = Availability()
    # The payload: its fields, or the shared type it is (`payload_type: Contact`).
    payload: tuple[Field, ...] = ()
    payload_type: TypeName | None = None
    examples: Annotated[tuple[dict[str, Any], ...], Constrained(min_length=1)]
    # Where each part was written, by dotted location (`version`, `examples.0`, a field's
    # `payload.contact.name`), so findings point at the line. Set on load, never by the file.
    lines: Mapping[str, int] = dataclass_field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        if self.event in ("types", "envelope", "index"):
            raise ValueError(
                f"`{self.event}` is a name eventdocs keeps for itself; rename the event"
            )
        _check_unique([field.name for field in self.payload], "field")
        _check_replacements(self.payload)
        if bool(self.payload) == bool(self.payload_type):
            raise ValueError("give the payload's `payload` fields or its `payload_type`, one")

    def walk_fields(self) -> Iterator[tuple[str, Field]]:
        """Yield ``(dotted path, field)`` for every field written in the event itself (a shared
        type's fields are the type's), parents before children."""
        yield from walk(self.payload, "")

    def references(self) -> Iterator[str]:
        """The shared types the event names, directly."""
        if self.payload_type:
            yield self.payload_type
        yield from _references(self.payload)


def walk(fields: tuple[Field, ...], prefix: str) -> Iterator[tuple[str, Field]]:
    """``(dotted path, field)`` for ``fields`` and every field nested in them or in their
    array items; an array's item fields are under the array's own path."""
    for field in fields:
        path = f"{prefix}{field.name}"
        yield path, field
        shape: Shape = field
        while shape.inner is not None:
            shape = shape.inner
        yield from walk(shape.fields, f"{path}.")


def _references(fields: tuple[Field, ...]) -> Iterator[str]:
    for _, field in walk(fields, ""):
        yield from shape_references(field)


def types_used(names: Iterable[str], types: Mapping[str, TypeSchema]) -> list[str]:
    """``names`` and every shared type they use, at any depth, sorted."""
    seen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(types[name].references())
    return sorted(seen)


def shape_references(shape: Shape) -> Iterator[str]:
    """The shared types one shape names: itself, what it holds, its union's shapes."""
    current: Shape | None = shape
    while current is not None:
        if current.ref:
            yield current.ref
        for alternative in current.one_of:
            yield from shape_references(alternative)
        current = current.inner


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def _fits(value: object, kind: JsonType) -> bool:
    """Whether a scalar ``value`` is of JSON type ``kind`` (a boolean is not a number)."""
    if isinstance(value, bool):
        return kind == "boolean"
    return isinstance(value, _PYTHON_TYPES.get(kind, ()))


def _check_replacements(fields: tuple[Field, ...]) -> None:
    """A deprecated field is replaced by another field of the same object."""
    names = {field.name for field in fields}
    for field in fields:
        if field.replaced_by is not None and field.replaced_by not in names - {field.name}:
            raise ValueError(
                f"field {field.name!r}: `replaced_by` names {field.replaced_by!r}, which is not "
                "another field of the same object"
            )


def _check_unique(names: list[Any], what: str) -> None:
    seen: set[Any] = set()
    for name in names:
        if name in seen:
            raise ValueError(f"{what} {name!r} is listed twice")
        seen.add(name)
