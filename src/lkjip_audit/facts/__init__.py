"""Fact tables: what the recognizers read, as pandera-validated DataFrames.

Each fact table has one schema, declared in the module of this package that covers its
subject (``text``, ``indicators``, ``budget``, ``survey``, ``rekap``) and registered with
:func:`register_schema` as the function that builds it: pandera (slow to import) is imported
when a table is first validated, not when tables are only named (loading a rule set). Cells
that hold numbers hold :class:`~lkjip_audit.numbers.Stated` values so that every number keeps
its raw text, page and bbox.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

SchemaBuilder = Callable[[], "pa.DataFrameSchema"]
_SCHEMAS: dict[str, SchemaBuilder] = {}
_VIEWS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {}


def register_schema(name: str) -> Callable[[SchemaBuilder], SchemaBuilder]:
    """Declare the fact table ``name``; the decorated function builds its schema, once, when
    the table is first validated or its columns are asked for."""

    def register(build: SchemaBuilder) -> SchemaBuilder:
        _SCHEMAS[name] = build
        return build

    return register


def register_view(name: str, view: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    """Declare how the fact table ``name`` is best shown to a reviewer (e.g. as a grid)."""
    _VIEWS[name] = view


def view_of(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as a reviewer reads it: the table's registered view, or the table itself."""
    _load_schema_modules()
    view = _VIEWS.get(name)
    return view(frame) if view else frame


@cache
def schema_for(name: str) -> pa.DataFrameSchema:
    """The registered schema of a fact table (built on first use)."""
    _load_schema_modules()
    return _SCHEMAS[name]()


def known_tables() -> list[str]:
    """Names of every fact table with a schema."""
    _load_schema_modules()
    return sorted(_SCHEMAS)


@cache
def _load_schema_modules() -> None:
    """Import every module of this package so that each registers its schemas (once: the
    package's modules are listed from the disk)."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


@dataclass(frozen=True, slots=True)
class FactProblem:
    """A row a schema rejected: the table, the column, the check and the offending value."""

    table: str
    column: str | None
    check: str
    value: str
    row: Any


@dataclass(slots=True)
class Facts:
    """The fact tables of one document (or of one recap), by name."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[FactProblem] = field(default_factory=list)

    def table(self, name: str) -> pd.DataFrame:
        """The table ``name``, or an empty frame with the schema's columns if none was read."""
        if name in self.tables:
            return self.tables[name]
        import pandas as pd

        return pd.DataFrame(columns=list(schema_for(name).columns))

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def add(self, name: str, frame: pd.DataFrame) -> None:
        """Validate ``frame`` against its schema and keep the rows that pass.

        Rows that fail are dropped and recorded in :attr:`problems`, so that a malformed
        row becomes an ``extraction`` finding instead of stopping the audit.
        """
        self.tables[name], problems = validate(name, frame)
        self.problems.extend(problems)

    def update(self, frames: Mapping[str, pd.DataFrame]) -> None:
        """:meth:`add` every table of ``frames``."""
        for name, frame in frames.items():
            self.add(name, frame)


def validate(name: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[FactProblem]]:
    """Validate lazily; return the passing rows and one problem per failing row."""
    import pandera.errors as pa_errors

    schema = schema_for(name)
    if frame.empty:
        # An empty frame's columns have no dtype to check; nothing was read, nothing is wrong.
        return frame, []
    try:
        return schema.validate(frame, lazy=True), []
    except pa_errors.SchemaErrors as err:
        cases = err.failure_cases
        # A dataframe-wide check yields one row per column: keep one per index.
        cases = cases.drop_duplicates(subset=["index"])
        problems = [
            FactProblem(
                table=name,
                column=None if row.column is None else str(row.column),
                check=str(row.check),
                value=str(row.failure_case),
                row=row.index,
            )
            for row in cases.itertuples()
        ]
        bad_rows = {p.row for p in problems if p.row is not None}
        kept = frame.drop(index=[r for r in bad_rows if r in frame.index])
        if any(p.row is None for p in problems):
            # A table-level failure (a missing column) leaves nothing trustworthy.
            kept = frame.iloc[0:0]
        return schema.validate(kept, lazy=False) if len(kept) else kept, problems
