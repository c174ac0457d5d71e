"""The one loader of the packages' data files, and their contracts.

``read_data_file(folder, name)`` is the one reader of a data file (JSON, an object).
``load_table(package, name)`` reads ``<package>/data/<name>`` (JSON) once and returns it as a
read-only ``Table`` without its documentation key (``_doc``, ``_comment``, ``_source`` or
``about``). ``structure_table(package, name, cls)`` gives the table as a frozen attrs class,
one field a key: a key no field holds, or a field the file lacks, is refused by name. Each data file has a JSON Schema beside it, ``<package>/schema/<stem>.schema.json``,
with a description for every key; ``tests/timeline/test_package_data.py`` checks that every
file validates, that every key the code reads exists and every key in the data is read
(``Table`` records the keys read, in ``KEYS_READ``), and that entries are unique.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import cattrs

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

__all__ = ["DOC_KEYS", "KEYS_READ", "Table", "data_files", "load_table", "read_data_file", "schema_of", "structure_table"]

T = TypeVar("T", bound=attrs.AttrsInstance)

DOC_KEYS = ("_doc", "_comment", "_source", "about", "$comment")
"""The keys that document a data file; the code never reads them."""

KEYS_READ: dict[tuple[str, str], set[str]] = {}
"""The keys of each table (package, name) the code has read in this process."""


class Table(Mapping[str, Any]):
    """A data file's top-level object, read-only; it records which keys are read."""

    __slots__ = ("_data", "_read")

    def __init__(self, data: Mapping[str, Any], read: set[str]) -> None:
        self._data = dict(data)
        self._read = read

    def __getitem__(self, key: str) -> Any:
        self._read.add(key)  # recorded even when missing: the test names keys read but absent
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        self._read.update(self._data)  # a table read whole reads every key
        return iter(self._data)

    @property
    def data(self) -> dict[str, Any]:
        """A copy of the whole table, read without recording the reads (for checks)."""
        return dict(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __repr__(self) -> str:
        return f"Table({sorted(self._data)})"


def read_data_file(folder: Traversable | Path, name: str) -> dict[str, Any]:
    """The JSON object of the data file ``name`` in ``folder`` (a package's data folder, or a
    user's folder of tables, as ``timeline.timex.Lexicon.load`` takes), documentation keys kept."""
    path = folder.joinpath(name)
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a data file holds a JSON object, not {type(data).__name__}")
    return data


@functools.cache
def load_table(package: str, name: str) -> Table:
    """The data file ``<package>/data/<name>`` without its documentation key."""
    data = read_data_file(resources.files(package).joinpath("data"), name)
    return Table({k: v for k, v in data.items() if k not in DOC_KEYS}, KEYS_READ.setdefault((package, name), set()))


# Tables are read strictly: a key the class lacks (also in a nested entry) is an error, not ignored.
_STRICT = cattrs.Converter(forbid_extra_keys=True)


def structure_table(package: str, name: str, cls: type[T]) -> T:
    """The data file ``<package>/data/<name>`` as ``cls``, a frozen attrs class whose fields are
    the file's keys (its documentation key aside). ``ValueError`` names the keys no field holds,
    the fields the file lacks, and any entry that does not fit its field's type."""
    table = load_table(package, name)
    data = dict(table)  # every key: structuring reads the whole table
    fields = attrs.fields(cls)
    unknown = sorted(set(data) - {f.name for f in fields})
    missing = [f.name for f in fields if f.name not in data and f.default is attrs.NOTHING]
    where = f"{package}/data/{name}"
    if unknown or missing:
        problems = [f"keys that {cls.__name__} has no field for: {', '.join(unknown)}"] if unknown else []
        problems += [f"fields of {cls.__name__} that the file lacks: {', '.join(missing)}"] if missing else []
        raise ValueError(f"{where}: {'; '.join(problems)}")
    try:
        return _STRICT.structure(data, cls)
    except cattrs.BaseValidationError as error:
        raise ValueError(f"{where} does not fit {cls.__name__}: {'; '.join(cattrs.transform_error(error, path=name))}") from error


def data_files(package: str) -> list[str]:
    """The names of the JSON data files of ``package`` (``<package>/data/*.json``)."""
    folder = resources.files(package).joinpath("data")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


def schema_of(package: str, name: str) -> dict[str, Any]:
    """The JSON Schema of the data file ``name`` (``<package>/schema/<stem>.schema.json``)."""
    stem = name.removesuffix(".json")
    schema: dict[str, Any] = json.loads(resources.files(package).joinpath("schema", f"{stem}.schema.json").read_text(encoding="utf-8"))
    return schema
