"""Typed objects over a document's JSON (the output contract,
``schema/output.schema.json``).

Each object wraps its part of the JSON and reads a field when first asked:
declared fields are typed (amounts as :class:`decimal.Decimal`, nested
objects as these classes), and a field the JSON leaves out when empty (a
table's ``text_columns``, a row's ``attributes``) reads as an empty list or
dict, never a ``KeyError``. A field added to the contract after this package
was written is still there, as plain JSON values (``obj.new_field``), and
``to_dict()`` always returns the whole JSON.
"""
from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any, Callable, Dict, Iterator, List, Optional, Union

__all__ = [
    "Record",
    "Source",
    "DocumentMeta",
    "PageBox",
    "Column",
    "Row",
    "Table",
    "Form",
    "FundRow",
    "Funds",
    "Goal",
    "Indicator",
    "PerformanceTable",
    "PerformanceList",
    "GoalRow",
    "DepartmentGoals",
    "Section",
    "Check",
    "ComparedFigure",
    "Document",
]

_MISSING = object()


class _Field:
    """A field read from the wrapped JSON: ``convert`` turns a present,
    non-null value into its Python type; ``empty`` makes the value of a
    missing or null field (a new empty list or dict, or None)."""

    def __init__(
        self,
        convert: Optional[Callable[[Any], Any]] = None,
        empty: Optional[Callable[[], Any]] = None,
    ) -> None:
        self.convert = convert
        self.empty = empty
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Optional["Record"], objtype: Optional[type] = None) -> Any:
        if obj is None:
            return self
        cache = obj._cache
        if self.name in cache:
            return cache[self.name]
        raw = obj._raw().get(self.name)
        if raw is None:
            value = self.empty() if self.empty else None
        else:
            value = self.convert(raw) if self.convert else raw
        cache[self.name] = value
        return value


def _list_of(cls: Callable[[Any], Any]) -> Callable[[Any], list]:
    return lambda raw: [cls(item) for item in raw]


def _decimals(raw: Dict[str, Optional[str]]) -> Dict[str, Optional[Decimal]]:
    return {k: (None if v is None else Decimal(v)) for k, v in raw.items()}


def _text(convert: Optional[Callable[[Any], Any]] = None) -> Any:
    """A field that may be null."""
    return _Field(convert)


def _list(convert: Optional[Callable[[Any], Any]] = None) -> Any:
    """A list field, empty when missing."""
    return _Field(convert or list, list)


def _object(cls: Callable[[Any], Any], empty: Optional[Callable[[], Any]] = None) -> Any:
    """A nested object field."""
    return _Field(cls, empty)


def _dict(convert: Optional[Callable[[Any], Any]] = None) -> Any:
    """A dict field, empty when missing."""
    return _Field(convert or dict, dict)


class Record:
    """Base of the typed objects: one object of the document's JSON."""

    __slots__ = ("_data", "_cache")

    def __init__(self, data: Dict[str, Any]) -> None:
        if not isinstance(data, dict):
            raise TypeError(f"{type(self).__name__} wraps a dict, not {type(data).__name__}")
        self._data = data
        self._cache: Dict[str, Any] = {}

    def _raw(self) -> Dict[str, Any]:
        return self._data

    def to_dict(self) -> Dict[str, Any]:
        """The object as the JSON has it (amounts as decimal strings), a copy."""
        return copy.deepcopy(self._raw())

    def __getattr__(self, name: str) -> Any:
        # Only fields this class does not declare get here: a field the
        # contract gained later, as plain JSON.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._raw()[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._raw()))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._raw() == other._raw()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        return (type(self), (self._raw(),))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}={v!r}" for k, v in self._raw().items() if not isinstance(v, (list, dict))
        )
        return f"{type(self).__name__}({shown})"


class Source(Record):
    """The PDF a document was extracted from."""

    __slots__ = ()
    file: str = _text()
    """The file's name (not its path)."""
    sha256: str = _text()
    """SHA-256 of the file's bytes, lowercase hex: the document's identity."""
    pages: int = _text()
    """Pages read."""
    producer: Optional[str] = _text()
    """The PDF's /Producer."""


class DocumentMeta(Record):
    """What the document says about itself (cover, title, tables)."""

    __slots__ = ()
    entity: Optional[str] = _text()
    """The department or unit, as printed."""
    year: Optional[int] = _text()
    """The year the budget or final accounts are for."""
    kind: Optional[str] = _text()
    """``"final_accounts"`` (决算) or ``"budget"`` (预算)."""
    variant: Optional[str] = _text()
    """``"department"``, ``"unit"`` or ``"department_comprehensive"``."""
    scope: Optional[str] = _text()
    """``"consolidated"`` (汇总) or ``"own_level"`` (本级)."""
    title: Optional[str] = _text()
    """The document's title as printed."""
    money_unit: Optional[str] = _text()
    """The unit most tables print amounts in: 元, 千元, 万元 or 亿元."""


class PageBox(Record):
    """Where something is printed: a 1-based page and a box in points from
    the page's top-left corner, y downward (pdfplumber's convention)."""

    __slots__ = ()
    page: int = _text()
    """1-based page number."""
    x0: float = _text()
    """Left edge."""
    top: float = _text()
    """Top edge, from the page's top."""
    x1: float = _text()
    """Right edge."""
    bottom: float = _text()
    """Bottom edge, from the page's top."""


def _boxes_by_key(raw: Dict[str, Any]) -> Dict[str, PageBox]:
    return {k: PageBox(v) for k, v in raw.items()}


class Column(Record):
    """A column of a grid table."""

    __slots__ = ()
    key: str = _text()
    """The vocabulary's key (``total``, ``basic``, ``three_public``,
    ``prior_year_total`` …; README: column keys) of rows' ``values``."""
    header: str = _text()
    """The printed header path, levels joined with "/"."""
    group: Optional[str] = _text()
    """The side of a two-sided table the column belongs to (收入, 支出 …)."""
    period: str = _Field(None, lambda: "current")
    """Whose year the figures are: ``"current"`` (the document's),
    ``"prior_year"`` or ``"change"`` (the difference of two years)."""
    year: Optional[int] = _text()
    """The year the header prints ("2025年预算数"), if it prints one."""
    part_of: bool = _Field(None, lambda: False)
    """A "其中：…" column: part of the column before it, not a component."""


class Row(Record):
    """A body row of a grid table."""

    __slots__ = ()
    group: Optional[str] = _text()
    """The side of a two-sided table (收入/支出) or the unit whose rows follow."""
    role: str = _Field(None, lambda: "item")
    """What the row is to the rows around it: ``"total"`` (合计, 总计 … of
    the table or its side), ``"subtotal"`` (小计, 本年收入合计 …),
    ``"unit_header"`` (opens a unit's block) or ``"item"`` (anything else)."""
    code: Optional[str] = _text()
    """科目编码 (subject code); None for 合计/总计 and named rows."""
    classification: Optional[str] = _text()
    """``"functional"`` (功能分类) or ``"economic"`` (经济分类)."""
    economic_system: Optional[str] = _text()
    """For an economic code: ``"department"`` (3xx) or ``"government"`` (5xx)."""
    level: Optional[int] = _text()
    """1 类, 2 款, 3 项."""
    parent: Optional[str] = _text()
    """The code of the enclosing row."""
    economic_code: Optional[str] = _text()
    """A 部门预算支出经济分类 code printed beside ``code``."""
    government_economic_code: Optional[str] = _text()
    """A 政府预算支出经济分类 code printed beside ``code``."""
    name: Optional[str] = _text()
    """The row's label as printed."""
    line: Optional[int] = _text()
    """行次, where the table prints one."""
    item: Optional[str] = _text()
    """The vocabulary key of the row's label in a 三公 table listing its
    items as rows (``three_public``, ``overseas_travel`` …)."""
    period: str = _Field(None, lambda: "current")
    """Whose year the row's figures are where the row names one (深圳's
    "2025 年", "增减变化金额"): ``"prior_year"``, ``"change"``; else ``"current"``."""
    measure: Optional[str] = _text()
    """The measure the row names where it is not its table's own (a 决算
    table's 预算数 row: ``"budget"``); None for the table's own."""
    values: Dict[str, Optional[Decimal]] = _dict(_decimals)
    """Exact amounts by column key; None for an empty cell."""
    attributes: Dict[str, str] = _dict()
    """Texts of the table's ``text_columns`` by key (blank cells left out)."""
    bbox: Optional[PageBox] = _object(PageBox)
    """Where the row is printed (a row cut by a page break: its first part)."""
    value_bboxes: Dict[str, PageBox] = _dict(_boxes_by_key)
    """Where each printed figure of ``values`` stands, by the same keys."""

    def value(self, key: str) -> Optional[Decimal]:
        """The amount in column ``key``; None when empty or no such column."""
        return self.values.get(key)


class Table(Record):
    """A grid of figures (表1 … 表10 and others), one table even when it
    continues over pages."""

    __slots__ = ()
    is_form = False
    number: Optional[str] = _text()
    """"表2" as printed."""
    title: str = _text()
    """The title as printed."""
    kind: str = _text()
    """What the table is (``"income"``, ``"three_public_expenses"`` …, ``"unknown"``)."""
    entity: Optional[str] = _text()
    """The 单位 named above the table."""
    money_unit: Optional[str] = _text()
    """The unit its amounts are printed in."""
    pages: List[int] = _list()
    """1-based pages the table spans."""
    columns: List[Column] = _list(_list_of(Column))
    """Value columns, in printed order."""
    text_columns: List[Column] = _list(_list_of(Column))
    """Columns of text that are not row labels (采购组织形式 …): keys of rows' ``attributes``."""
    rows: List[Row] = _list(_list_of(Row))
    """Body rows, in printed order."""
    notes: List[str] = _list()
    """Notes printed under the table (注：…)."""
    bboxes: List[PageBox] = _list(_list_of(PageBox))
    """Where the table's grid is printed, one box per page it spans."""

    def column(self, key: str) -> Optional[Column]:
        """The value column ``key``, if the table has it."""
        return next((c for c in self.columns if c.key == key), None)


class Form(Record):
    """A form (绩效 tables): fields by kind; a kind this package does not know
    yet is a plain ``Form`` whose fields read as JSON values."""

    __slots__ = ()
    is_form = True
    kind: str = _text()
    """The form's kind."""
    title: str = _text()
    """The title as printed."""
    pages: List[int] = _list()
    """1-based pages the form spans."""
    bboxes: List[PageBox] = _list(_list_of(PageBox))
    """Where the form is printed, one box per page it spans."""
    field_bboxes: Dict[str, PageBox] = _dict(_boxes_by_key)
    """Where each text field is printed, by JSON Pointer into the form
    (``/project``, ``/indicators/3/target``); a field not found as printed has none."""


class FundRow(Record):
    """A row of a 绩效自评表's funds block."""

    __slots__ = ()
    source: str = _text()
    """The fund source (年度资金总额, 财政拨款 …)."""
    values: List[Optional[str]] = _list()
    """The row's cells by the block's columns, as printed."""
    detail: Optional[str] = _text()
    """What the row says beside its amounts (a department form's task)."""


class Funds(Record):
    """The funds block of a 项目支出绩效自评表."""

    __slots__ = ()
    columns: List[str] = _list()
    """The block's column headers."""
    rows: List[FundRow] = _list(_list_of(FundRow))
    """One row per fund source."""
    weight: Optional[str] = _text()
    """分值."""
    completion_rate: Optional[str] = _text()
    """执行率."""
    score: Optional[str] = _text()
    """得分."""


class Goal(Record):
    """A form's 年度目标: as set and as achieved."""

    __slots__ = ()
    target: Optional[str] = _text()
    """预期目标."""
    actual: Optional[str] = _text()
    """实际完成情况."""
    long_term: Optional[str] = _text()
    """A target form's 中长期目标."""


class Indicator(Record):
    """A 绩效指标 row of a self-evaluation form."""

    __slots__ = ()
    category: Optional[str] = _text()
    """一级指标."""
    level1: Optional[str] = _text()
    """二级指标."""
    level2: Optional[str] = _text()
    """三级指标."""
    target: Optional[str] = _text()
    """年度指标值."""
    actual: Optional[str] = _text()
    """实际完成值."""
    weight: Optional[str] = _text()
    """分值."""
    score: Optional[str] = _text()
    """得分."""
    deviation: Optional[str] = _text()
    """偏差原因分析及改进措施."""
    nature: Optional[str] = _text()
    """指标性质 (a target form's ≥, ≤, =, 定性 …)."""
    unit: Optional[str] = _text()
    """度量单位."""
    direction: Optional[str] = _text()
    """指标方向."""
    note: Optional[str] = _text()
    """备注."""
    other: Dict[str, str] = _dict()
    """Other printed columns by header."""


class PerformanceTable(Form):
    """A 决算 项目支出绩效自评表 (``kind == "project_performance_self_evaluation"``)
    or a 预算 绩效目标表 (``budget_project_performance_goals``,
    ``budget_department_performance_goals``, ``budget_transfer_performance_goals``)."""

    __slots__ = ()
    money_unit: Optional[str] = _text()
    """The unit of its funds."""
    project: Optional[str] = _text()
    """项目名称."""
    fields: Dict[str, str] = _dict()
    """Other labelled fields (项目属性, 项目期限, 单位编码 …) by printed label."""
    department: Optional[str] = _text()
    """主管部门."""
    implementer: Optional[str] = _text()
    """实施单位."""
    funds: Funds = _object(Funds, lambda: Funds({}))
    """The funds block."""
    goal: Goal = _object(Goal, lambda: Goal({}))
    """年度总体目标."""
    indicators: List[Indicator] = _list(_list_of(Indicator))
    """绩效指标 rows."""
    total_score: Optional[str] = _text()
    """总分."""


class PerformanceList(Form):
    """Many projects' 绩效目标 printed as one grid over pages; each project is
    read as a :class:`PerformanceTable`."""

    __slots__ = ()
    money_unit: Optional[str] = _text()
    """The unit of its amounts."""
    columns: List[str] = _list()
    """The printed column headers of the amounts."""
    totals: List[FundRow] = _list(_list_of(FundRow))
    """The grid's total rows."""
    forms: List[PerformanceTable] = _list(_list_of(PerformanceTable))
    """One form per project."""


class GoalRow(Record):
    """A row of a 部门整体支出绩效目标 form."""

    __slots__ = ()
    goal: Optional[str] = _text()
    """The goal the row belongs to."""
    indicator: Optional[str] = _text()
    """The indicator."""
    expected: Optional[str] = _text()
    """As expected."""
    actual: Optional[str] = _text()
    """As achieved."""


class DepartmentGoals(Form):
    """A 部门整体支出主要绩效目标完成情况表 (``kind == "department_performance_goals"``)."""

    __slots__ = ()
    department: Optional[str] = _text()
    """The department."""
    goal: Optional[str] = _text()
    """The overall goal."""
    budget_rate_expected: Optional[str] = _text()
    """预算执行率, expected."""
    budget_rate_actual: Optional[str] = _text()
    """预算执行率, achieved."""
    columns: List[str] = _list()
    """The printed column headers."""
    rows: List[GoalRow] = _list(_list_of(GoalRow))
    """The indicator rows."""


def _is_grid(raw: Dict[str, Any]) -> bool:
    rows, columns = raw.get("rows"), raw.get("columns")
    return (
        isinstance(columns, list)
        and all(isinstance(c, dict) for c in columns)
        and isinstance(rows, list)
        and all(isinstance(r, dict) and "values" in r for r in rows)
    )


def _any_table(raw: Dict[str, Any]) -> Union[Table, Form]:
    """A grid table or a form of the class its shape names (the JSON does not
    tag them, and several form shapes share a kind): a list of forms, a form
    with indicators, a department's goals, a grid; anything else is a plain
    :class:`Form`."""
    if isinstance(raw.get("forms"), list):
        return PerformanceList(raw)
    if "indicators" in raw:
        return PerformanceTable(raw)
    if raw.get("kind") == "department_performance_goals":
        return DepartmentGoals(raw)
    return Table(raw) if _is_grid(raw) else Form(raw)


class Section(Record):
    """A section of the narrative outline."""

    __slots__ = ()
    heading: str = _text()
    """The heading as printed, numbering included."""
    level: int = _text()
    """By numbering: 第X部分 1, 一、 2, （一） 3, 1. 4, （1） 5."""
    pages: List[int] = _list()
    """1-based pages the section spans."""
    paragraphs: List[str] = _list()
    """Reflowed paragraphs."""
    children: List["Section"] = _list(lambda raw: [Section(s) for s in raw])
    """Sections nested under this one."""
    heading_bbox: Optional[PageBox] = _object(PageBox)
    """Where the heading is printed."""
    paragraph_bboxes: List[List[PageBox]] = _list(
        lambda raw: [[PageBox(b) for b in boxes] for boxes in raw]
    )
    """Parallel to ``paragraphs``: where each is printed, a box per page it covers."""

    @property
    def text(self) -> str:
        """The paragraphs, one per line."""
        return "\n".join(self.paragraphs)

    def walk(self) -> Iterator["Section"]:
        """This section and every section under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


class ComparedFigure(Record):
    """A figure a check compared, and where it is printed."""

    __slots__ = ()
    table: str = _text()
    """The table, by number or title."""
    code: Optional[str] = _text()
    """The row's code."""
    name: Optional[str] = _text()
    """The row's name."""
    column: str = _text()
    """The column key."""
    value: Optional[Decimal] = _text(Decimal)
    """The amount, exact."""
    bbox: Optional[PageBox] = _object(PageBox)
    """Where it is printed."""


class Check(Record):
    """One rule applied to the document: figures compared, or why not."""

    __slots__ = ()
    rule: str = _text()
    """The rule (``hierarchy_sum``, ``total_row``, ``table_set`` …)."""
    table: Optional[str] = _text()
    """The table it is about, by number or title."""
    status: str = _text()
    """``"pass"``, ``"fail"``, ``"undetermined"`` or ``"skipped"``."""
    detail: str = _text()
    """What was compared, with the figures on both sides."""
    pages: List[int] = _list()
    """1-based pages the figures are on."""
    figures: List[ComparedFigure] = _list(_list_of(ComparedFigure))
    """The figures compared, the one checked first."""

    @property
    def failed(self) -> bool:
        """Whether the document's figures disagree."""
        return self.status == "fail"


class Document(Record):
    """One extracted disclosure.

    Read it through its fields (``source``, ``document``, ``tables``,
    ``sections``, ``checks``, ``warnings``), the shortcuts (``entity``,
    ``year``, ``kind``, ``grids``, ``forms``, ``failed_checks``), or as a
    whole: ``to_dict()``, ``to_json()``, ``figures()``.
    """

    __slots__ = ("_native",)

    source: Source = _object(Source, lambda: Source({}))
    """The PDF it came from."""
    document: DocumentMeta = _object(DocumentMeta, lambda: DocumentMeta({}))
    """Entity, year, kind, title, unit."""
    tables: List[Union[Table, Form]] = _list(_list_of(_any_table))
    """Every table and form, in page order (a form has ``is_form``)."""
    sections: List[Section] = _list(_list_of(Section))
    """The narrative outline."""
    checks: List[Check] = _list(_list_of(Check))
    """The document's arithmetic and narrative checked."""
    warnings: List[str] = _list()
    """Anything recovered from, with page numbers."""

    def __init__(self, native: Any) -> None:
        # The Rust document; its JSON is read on first use.
        self._native = native
        self._data = None  # type: ignore[assignment]
        self._cache = {}

    def _raw(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self._native.to_json())
        return self._data

    def __reduce__(self) -> Any:
        return (Document, (self._native,))

    def __repr__(self) -> str:
        meta = self.document
        return (
            f"Document(file={self.file!r}, entity={meta.entity!r}, year={meta.year!r}, "
            f"kind={meta.kind!r}, tables={len(self.tables)})"
        )

    @property
    def file(self) -> str:
        """The input as named: the path as given, or the name given with bytes."""
        return self._native.shown

    @property
    def sha256(self) -> str:
        """SHA-256 of the PDF: the document's identity (a dataset's key)."""
        return self._native.sha256

    @property
    def entity(self) -> Optional[str]:
        """``document.entity``: the department or unit."""
        return self.document.entity

    @property
    def year(self) -> Optional[int]:
        """``document.year``."""
        return self.document.year

    @property
    def kind(self) -> Optional[str]:
        """``document.kind``: ``"final_accounts"`` or ``"budget"``."""
        return self.document.kind

    @property
    def grids(self) -> List[Table]:
        """The grid tables (figures), without the forms."""
        return [t for t in self.tables if isinstance(t, Table)]

    @property
    def forms(self) -> List[Form]:
        """The forms (绩效 tables)."""
        return [t for t in self.tables if isinstance(t, Form)]

    @property
    def failed_checks(self) -> List[Check]:
        """The checks whose figures disagree."""
        return [c for c in self.checks if c.failed]

    def table(self, kind: str) -> Optional[Table]:
        """The first grid table of ``kind`` (e.g. ``"three_public_expenses"``)."""
        return next((t for t in self.grids if t.kind == kind), None)

    def to_json(self, pretty: bool = False) -> str:
        """The document's JSON; ``pretty=True`` gives exactly what ``extract`` prints."""
        return self._native.to_pretty_json() if pretty else self._native.to_json()

    def figures(self) -> Any:
        """Every printed amount as a ``pyarrow.Table``: see :func:`fiscal_extract.figures`."""
        from . import figures

        return figures(self)
