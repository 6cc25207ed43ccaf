"""Dates as officers write them: ``2018-10-02``, ``2018-10``, ``2018``, ``02/10/2018``, ``10/2018``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
VI_DATE = re.compile(r"^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")

DATE_FIX = "viết ngày dạng 02/10/2018, 10/2018, 2018 hoặc 2018-10-02"


def _error(message: str, fix: str = DATE_FIX) -> PydanticCustomError:
    return PydanticCustomError("mohinh", "{message}\x1f{fix}", {"message": message, "fix": fix})


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year (``2020`` sorts before ``03/2020``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Parse a record's date; raise a Vietnamese validation error on anything else."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool) or value is None:
            raise _error("phải là một ngày")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        text = str(value).strip()
        if isinstance(value, float):
            raise _error(f"`{text}` không phải là ngày (dấu chấm không dùng trong ngày)")
        if m := ISO_DATE.match(text):
            year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        elif m := VI_DATE.match(text):
            day, month, year = m[1] and int(m[1]), int(m[2]), int(m[3])
        else:
            raise _error(f"`{text}` không phải là ngày")
        if month is not None and not 1 <= month <= 12:
            raise _error(f"tháng {month} không tồn tại", "tháng là số từ 1 đến 12; viết ngày trước, tháng sau: 02/10/2018")
        if day is not None:
            try:
                dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                raise _error(
                    f"ngày {day:02d}/{month:02d}/{year} không có thật",
                    "kiểm tra lại ngày trong nguồn; viết ngày trước, tháng sau: 02/10/2018",
                ) from None
        date = cls(year, month, day)
        if date.first_day > dt.date.today():
            raise _error(f"ngày {date.display} còn ở tương lai", "chỉ ghi những gì đã diễn ra; kiểm tra lại năm")
        if year < 1945:
            raise _error(f"năm {year} quá xa", "kiểm tra lại năm")
        return date

    @property
    def first_day(self) -> dt.date:
        """The earliest calendar day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def iso(self) -> str:
        """``2018-10-02``, ``2018-10`` or ``2018``."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def display(self) -> str:
        """Vietnamese form: ``02/10/2018``, ``tháng 10/2018`` or ``năm 2018``."""
        if self.day is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}"

    @property
    def short(self) -> str:
        """Short Vietnamese form, for the axis of a chart: ``02/10/2018``, ``10/2018`` or ``2018``."""
        if self.day is not None:
            return self.display
        return f"{self.month:02d}/{self.year}" if self.month is not None else str(self.year)

    def __str__(self) -> str:
        return self.display

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.iso)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?|(\d{1,2}/)?\d{1,2}/\d{4})$"},
                {"type": "integer", "minimum": 1945},
            ],
            "examples": ["02/10/2018", "10/2018", "2018", "2018-10-02"],
        }
