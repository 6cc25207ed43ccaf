"""The record contract, declared once with pydantic.

`Model` and its parts validate a record; `json_schema()` derives the JSON Schema editors use.
Field titles and descriptions are Vietnamese because officers read them in their editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .dates import PartialDate
from .load import SourceFloat, yaml11_reading
from .text import QUALIFIER_LABELS, SLUG_PATTERN, is_slug, nfc  # noqa: F401 - QUALIFIER_LABELS: the contract's words

#: The record format's version, published in the open data (``schema_version`` of ``/du-lieu/mo-hinh.json``). A field or
#: value is only ever added, or deprecated (`DEPRECATED`), never taken away: a record, or a unit's open data, written
#: for an earlier version is read by this generator (`can_read`). Raise it when the format gains a field or value.
SCHEMA_VERSION = 4  # 4: a source may be written inside a record's `sources:` (`WrittenSource`)


def can_read(version: Any) -> bool:
    """Whether data written for record format ``version`` (an open data file's ``schema_version``) is read by this
    generator: every version up to its own; a newer unit's data needs the generator upgraded."""
    return isinstance(version, int) and not isinstance(version, bool) and 1 <= version <= SCHEMA_VERSION


@dataclass(frozen=True)
class Deprecated:
    """A value or field of a record still read (a record that built yesterday builds today) but no longer to be
    written: `mohinh check` warns, in Vietnamese, where it is and how to change it (`catalogue.check_deprecated`)."""

    path: tuple[str, ...]  #: where in a record, ``*`` for every item of a list: ``("costs", "*", "paid_by")``
    value: str | None  #: the value no longer to be written; None: the field itself, whatever its value
    since: int  #: the `SCHEMA_VERSION` that superseded it
    fix: str  #: how to change it


#: Every deprecated value and field of the record format, in one place (documented on the contributing page).
DEPRECATED: tuple[Deprecated, ...] = (
    Deprecated(("costs", "*", "paid_by"), "hon-hop", 3,
               "ghi `nhieu-nguon` nếu nguồn nêu nhiều bên cùng chi trả, `khong-neu` nếu nguồn nêu số tiền nhưng "
               "không nói ai chi trả"),
)


def _error(message: str, fix: str) -> PydanticCustomError:
    """A Vietnamese message and its fix, carried in the error's ``ctx`` (`catalogue.problems_from_validation`)."""
    return PydanticCustomError("mohinh", "{message}. Cách sửa: {fix}", {"message": message, "fix": fix})


def _text(value: Any) -> str:
    if isinstance(value, list):
        raise _error("phải là văn bản, đang là một danh sách",
                     "viết văn bản ngay sau dấu hai chấm, không dùng [ ] hay dòng bắt đầu bằng `- `")
    if isinstance(value, dict):
        raise _error("phải là văn bản, đang là một nhóm trường",
                     'viết văn bản ngay sau dấu hai chấm; văn bản có dấu hai chấm thì đặt trong ngoặc kép')
    if not isinstance(value, str):
        shown = "trống" if value is None else f"`{value}`"
        raise _error(
            f"phải là văn bản, đang là {shown}",
            'đặt giá trị trong ngoặc kép, ví dụ: "2018" hoặc "Có"' if value is not None else "điền nội dung hoặc xóa trường này",
        )
    value = " ".join(nfc(value).split()) if "\n" not in value.strip() else nfc(value).strip()
    if not value:
        raise _error("không được để trống", "điền nội dung hoặc xóa trường này")
    return value


_RAW_HTML = re.compile(r"<\s*[a-zA-Z!/?]")
_IMAGE = re.compile(r"!\[")
# Where a Markdown link points: [chữ](đích), [chữ]: đích (a reference), in a record only http(s) or mailto.
_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([^\s)>]*)|^\s{0,3}\[[^\]\n]+\]:\s*<?([^\s>]*)", re.MULTILINE)
_GOOD_TARGET = re.compile(r"^(?:https?://[^\s\"'<>]+|mailto:[^\s\"'<>]+@[^\s\"'<>]+)$", re.IGNORECASE)


def _markdown(value: Any) -> str:
    text = _text(value)
    if _RAW_HTML.search(text):
        raise _error("có thẻ HTML; trường này chỉ nhận Markdown", "bỏ thẻ <...>; dùng **đậm**, *nghiêng*, [chữ](https://...)")
    if _IMAGE.search(text):
        raise _error(
            "không nhúng ảnh vào trường chữ (trang không tải gì từ trang khác)",
            "bỏ ![...](...); nếu cần, để liên kết thường: [xem ảnh](https://...)",
        )
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if not _GOOD_TARGET.match(target):
            raise _error(
                f"liên kết “{target[:60]}” phải bắt đầu bằng http:// hoặc https://",
                "sửa địa chỉ liên kết thành https://..., hoặc bỏ dấu [ ] nếu không phải liên kết",
            )
    return text


def _slug(value: Any) -> str:
    if not is_slug(value):
        raise _error(
            f"`{value}` không phải mã hợp lệ",
            "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ: bac-kan-ho-an-toan",
        )
    return value


#: A number written with Vietnamese thousands dots (`76.303`), refused in number fields.
THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+$")


def _number(value: Any) -> int | float:
    value = yaml11_reading(value)
    if isinstance(value, str) and THOUSANDS.match(value.strip()):
        value = SourceFloat(0.0, value.strip())
    if isinstance(value, bool) or value is None or isinstance(value, (str, list, dict)):
        shown = "trống" if value is None else f"`{value}`"
        raise _error(
            f"phải là một số, đang là {shown}",
            "chỉ ghi số, không kèm chữ hay dấu chấm phân cách; đơn vị ghi vào trường `unit`, ví dụ: value: 76303",
        )
    if isinstance(value, SourceFloat) and THOUSANDS.match(value.source):
        digits = value.source.replace(".", "")
        reading = (
            f"bị đọc thành số thập phân {value.source.replace('.', ',')}"
            if value.source.count(".") == 1
            else "bị đọc thành văn bản"
        )
        raise _error(
            f"`{value.source}` {reading}; dấu chấm phân cách hàng nghìn không dùng được trong trường số",
            f"viết {digits}",
        )
    if value < 0:
        raise _error(f"số {value} bị âm", "số đếm không thể âm; kiểm tra lại nguồn")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_MONEY_WORDS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
_MONEY = re.compile(r"^(\d+(?:[.,]\d+)*)\s*(nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|đ|vnđ|vnd)?$", re.IGNORECASE)


def _money_hint(text: str) -> str | None:
    """``51,8 triệu`` -> ``51800000``; ``1,5 tỷ`` -> ``1500000000``; ``878.000.000`` -> ``878000000``."""
    found = _MONEY.match(text.strip())
    if found is None:
        return None
    digits, word = found.group(1), (found.group(2) or "").lower()
    if word:
        whole, _, decimals = digits.replace(".", "").partition(",")
        scale = _MONEY_WORDS[word]
        if len(decimals) > len(str(scale)) - 1:
            return None
        return str(int(whole or "0") * scale + (int(decimals) * scale // 10 ** len(decimals) if decimals else 0))
    if not re.fullmatch(r"\d+|\d{1,3}(?:\.\d{3})+", digits):
        return None
    return digits.replace(".", "")


def _amount(value: Any) -> int:
    """An amount of money in đồng, as a whole number; Vietnamese habits get a precise suggestion."""
    value = yaml11_reading(value)
    source = value.source if isinstance(value, SourceFloat) else value
    if isinstance(source, (str, float)) and not isinstance(source, bool):
        hint = _money_hint(str(source))
        if hint is not None and (isinstance(source, str) or isinstance(value, SourceFloat)):
            raise _error(f"`{source}` không phải số tiền viết liền (dấu chấm, dấu phẩy và chữ không dùng được)",
                         f"viết {hint}")
    if isinstance(value, bool) or not isinstance(value, int):
        shown = "trống" if value is None else f"`{source}`"
        raise _error(f"số tiền phải là số nguyên đồng, đang là {shown}", "chỉ ghi chữ số, ví dụ: amount: 878000000")
    if value < 0:
        raise _error(f"số tiền {value} bị âm", "kiểm tra lại nguồn")
    return value


def _count(value: Any) -> int:
    value = yaml11_reading(value)
    if isinstance(value, SourceFloat) or (isinstance(value, str) and THOUSANDS.match(value.strip())):
        _number(value)  # `1.064`: told as the thousands trap, with the number to write
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        source = value.source if isinstance(value, SourceFloat) else value
        hint = _money_hint(str(source)) if isinstance(source, (str, float)) else None
        raise _error(f"phải là số nguyên không âm, đang là `{source}`",
                     f"viết {hint}" if hint and hint.isdigit() else "chỉ ghi chữ số, ví dụ: 12")
    return value


_RANGE = re.compile(r"^\s*(\d+)\s*[-–—]\s*(\d+)\s*(?:người)?\s*$")


def _members(value: Any) -> Any:
    """People in one team: a whole number, or ``{min: 10, max: 20}``; ``10-20`` gets that suggestion."""
    if isinstance(value, str):
        found = _RANGE.match(value)
        if found:
            raise _error(f"`{value}` là một khoảng, không phải một số",
                         f"viết members: {{min: {found.group(1)}, max: {found.group(2)}}}")
    if isinstance(value, dict):
        return value
    return _count(value)



#: A web address in a record (the web editor's form checks the same pattern).
URL_PATTERN = r"^https?://[^\s<>\"']+$"
URL_PROBLEM = "địa chỉ phải bắt đầu bằng http:// hoặc https://"


def _url(value: Any) -> str:
    text = _text(value)
    if not re.match(URL_PATTERN, text, re.IGNORECASE):
        raise _error(URL_PROBLEM, "chép đúng địa chỉ bài viết, ví dụ: https://...")
    return text


def _bool(value: Any, info: ValidationInfo) -> bool:
    value = yaml11_reading(value)
    if not isinstance(value, bool):
        name = info.field_name or "draft"
        raise _error(f"phải là true hoặc false, đang là `{value}`", f"viết {name}: true hoặc {name}: false")
    return value


def _list(value: Any) -> Any:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        raise _error("phải là một danh sách", "viết dạng danh sách, mỗi dòng bắt đầu bằng `- `, hoặc [a, b]")
    return value


Text = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
Markdown = Annotated[
    str, PlainValidator(_markdown), WithJsonSchema({"type": "string", "minLength": 1, "description": "Markdown, không HTML"})
]
Slug = Annotated[str, PlainValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]
Number = Annotated[int | float, PlainValidator(_number), WithJsonSchema({"type": "number", "minimum": 0})]
Url = Annotated[str, PlainValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]
Flag = Annotated[bool, PlainValidator(_bool), WithJsonSchema({"type": "boolean"})]
Amount = Annotated[int, PlainValidator(_amount), WithJsonSchema({"type": "integer", "minimum": 0,
                                                                 "description": "Đồng, viết liền: 878000000"})]
Count = Annotated[int, PlainValidator(_count), WithJsonSchema({"type": "integer", "minimum": 0})]
Date = PartialDate


def TextList(**kw: Any) -> Any:  # noqa: N802 - reads as a type in the models below
    return Field(default_factory=list, **kw)


Status = Literal["pilot", "active", "replicating", "paused", "ended"]
STATUS_LABELS: dict[str, str] = {
    "pilot": "Thí điểm",
    "active": "Đang hoạt động",
    "replicating": "Đang nhân rộng",
    "paused": "Tạm dừng",
    "ended": "Đã kết thúc",
}


Qualifier = Literal["gan", "hon", "khoang", "duoi"]
_QUALIFIER_HELP = "Chữ nguồn đặt trước số: gan (gần), hon (hơn, trên), khoang (khoảng), duoi (dưới, chưa đến)"

FigureKind = Literal["result", "target", "context"]
#: What a figure is: the model's own result, a plan or decision, or context about a wider area.
KIND_LABELS: dict[str, str] = {"result": "Kết quả của mô hình", "target": "Kế hoạch, chỉ tiêu", "context": "Bối cảnh"}


class Part(BaseModel):
    """Common settings: unknown keys are errors, values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False)


class Location(Part):
    """Where a model runs, as the source reported it."""

    province: Text | None = Field(
        ..., title="Tỉnh, thành phố",
        description="Tên tỉnh như nguồn ghi (trước hoặc sau sắp xếp 2025). Ghi null nếu nguồn không nêu, và giải thích ở `note`.",
    )
    district: Text | None = Field(None, title="Huyện, quận, thị xã", description="Ví dụ: huyện Kon Rẫy, thị xã Kỳ Anh")
    commune: Text | None = Field(None, title="Xã, phường, thị trấn", description="Ví dụ: xã Đăk Tờ Re, phường Kỳ Long")
    place: Text | None = Field(None, title="Thôn, tổ dân phố, nơi cụ thể", description="Thôn, bản, tổ dân phố, giáo họ, trường học, doanh nghiệp…")
    since: Date | None = Field(None, title="Có từ", description="Mô hình có ở nơi này từ khi nào")
    note: Text | None = Field(None, title="Ghi chú", description="Ví dụ: nguồn không nêu tên tỉnh; nơi mô hình khởi đầu")
    origin: Flag = Field(False, title="Nơi khởi đầu", description="true: mô hình bắt đầu ở nơi này; nơi khác là điểm nhân rộng")
    teams: Count | None = Field(None, title="Số tổ, đội", description="Số tổ, đội, nhóm ở nơi này, như nguồn nêu")
    members: Count | None = Field(None, title="Số người tham gia", description="Số người tham gia ở nơi này, như nguồn nêu")
    pilot: Flag = Field(False, title="Nơi thí điểm", description="true: nơi làm thử; không tính là điểm nhân rộng")


class _OtherFigure(Part):
    """What another source says of a figure besides the number: its hedge, date, source and a note."""

    qualifier: Qualifier | None = Field(None, title="Chữ kèm số", description=_QUALIFIER_HELP)
    as_of: Date | None = Field(None, title="Tính đến ngày", description="Ngày của số liệu theo nguồn kia")
    source: Slug = Field(..., title="Nguồn", description="Mã nguồn trong models/_sources/, hoặc của nguồn viết trong `sources` của hồ sơ")
    note: Text | None = Field(None, title="Ghi chú", description="Nguồn kia nói gì khác")


class OtherValue(_OtherFigure):
    """Another source's figure for the same thing a result counts (sources disagree)."""

    value: Number = Field(..., title="Số liệu", description="Số nguồn kia ghi, viết liền: 87000000")


class OtherAmount(_OtherFigure):
    """Another source's amount for the same cost (sources disagree)."""

    amount: Amount = Field(..., title="Số tiền (đồng)", description="Số tiền nguồn kia ghi, viết liền: 87000000")


class Result(Part):
    """One figure reported about a model, with its source and date."""

    label: Text = Field(..., title="Nội dung đếm", description="Cái được đếm, ví dụ: Hộ gia đình tham gia")
    value: Number = Field(..., title="Số liệu", description="Chỉ ghi số, không dấu chấm hàng nghìn: 76303")
    total: Number | None = Field(None, title="Trên tổng số", description="Mẫu số nếu có, ví dụ 1310 trong 847/1.310")
    unit: Text | None = Field(None, title="Đơn vị", description="Ví dụ: hộ, thôn, tổ dân phố, lượt người")
    as_of: Date = Field(..., title="Tính đến ngày", description="Ngày của số liệu (ngày bài viết nếu bài không nêu ngày khác)")
    scope: Text | None = Field(None, title="Phạm vi", description="Ví dụ: toàn tỉnh; 108 xã, phường, thị trấn")
    source: Slug = Field(..., title="Nguồn", description="Mã nguồn trong models/_sources/, hoặc của nguồn viết trong `sources` của hồ sơ")
    qualifier: Qualifier | None = Field(None, title="Chữ kèm số", description=_QUALIFIER_HELP)
    kind: FigureKind = Field(
        "result", title="Loại số liệu",
        description="result: kết quả mô hình đạt được; target: kế hoạch, chỉ tiêu, quyết định chưa thực hiện; "
                    "context: số về địa bàn, cộng đồng hoặc cả vùng rộng hơn mô hình")
    replication: Flag = Field(False, title="Đếm nơi nhân rộng", description="true: số này đếm các nơi đã làm theo mô hình")
    other_values: Annotated[list[OtherValue], BeforeValidator(_list)] = TextList(
        title="Nguồn khác ghi khác", description="Khi nguồn khác ghi số khác cho cùng nội dung: mỗi số kèm nguồn")


class Cost(Part):
    """What setting up or running the model cost, and who paid, as the source states it."""

    label: Text = Field(..., title="Khoản chi", description="Tiền chi cho việc gì, ví dụ: Đèn năng lượng mặt trời (37 bóng)")
    amount: Amount = Field(..., title="Số tiền (đồng)", description="Viết liền, không dấu chấm: 878000000")
    per: Text | None = Field(None, title="Tính cho mỗi", description="Số tiền tính cho mỗi: hộ, thành viên, tháng, năm")
    paid_by: Slug = Field(..., title="Ai chi trả", description="Mã trong danh mục funders: ngan-sach, nguoi-dan, doanh-nghiep, nhieu-nguon (nhiều bên cùng chi), khong-neu (nguồn không nói ai chi); hon-hop của hồ sơ cũ vẫn hợp lệ")
    in_kind: Flag = Field(False, title="Hiện vật", description="true: đóng góp bằng hiện vật, số tiền là giá trị hiện vật")
    note: Text | None = Field(None, title="Ghi chú", description="Ví dụ: Hộ nghèo được miễn")
    as_of: Date = Field(..., title="Tính đến ngày", description="Ngày của số liệu, theo nguồn")
    source: Slug = Field(..., title="Nguồn", description="Mã nguồn trong models/_sources/, hoặc của nguồn viết trong `sources` của hồ sơ")
    qualifier: Qualifier | None = Field(None, title="Chữ kèm số", description=_QUALIFIER_HELP)
    quantity: Count | None = Field(None, title="Số lượng mua được", description="Số tiền mua được bao nhiêu, ví dụ 6 (camera)")
    unit: Text | None = Field(None, title="Đơn vị của số lượng", description="Ví dụ: camera, bóng đèn, điểm")
    other_values: Annotated[list[OtherAmount], BeforeValidator(_list)] = TextList(
        title="Nguồn khác ghi khác", description="Khi nguồn khác ghi số tiền khác cho cùng khoản: mỗi số kèm nguồn")

    @model_validator(mode="after")
    def _quantity_has_unit(self) -> Cost:
        if (self.quantity is None) != (self.unit is None):
            missing = "unit" if self.unit is None else "quantity"
            raise _error("`quantity` và `unit` phải đi cùng nhau (số lượng mua được và đơn vị của nó)",
                         f"thêm `{missing}`, ví dụ: quantity: 6, unit: camera; hoặc xóa cả hai")
        return self


class MemberRange(Part):
    """People in one team, as a range."""

    min: Count = Field(..., title="Ít nhất", description="Số người ít nhất của một tổ")
    max: Count = Field(..., title="Nhiều nhất", description="Số người nhiều nhất của một tổ")


Members = Annotated[int | MemberRange, BeforeValidator(_members)]


class Team(Part):
    """Who does the work, as the source describes it."""

    members: Members | None = Field(
        None, title="Số người mỗi tổ", description="Một số (12) hoặc một khoảng {min: 10, max: 20}")
    per: Text | None = Field(None, title="Mỗi tổ phụ trách", description="Ví dụ: thôn, tổ dân phố, dòng họ")
    roles: Annotated[list[Text], BeforeValidator(_list)] = TextList(title="Vai trò", description="Ví dụ: Tổ trưởng do các hộ bầu")
    schedule: Text | None = Field(None, title="Lịch làm việc", description="Ví dụ: Tuần tra từ 22 giờ đến 4 giờ sáng hôm sau")
    training: Annotated[list[Text], BeforeValidator(_list)] = TextList(title="Tập huấn", description="Thành viên được tập huấn gì")
    source: Slug = Field(..., title="Nguồn", description="Mã nguồn trong models/_sources/, hoặc của nguồn viết trong `sources` của hồ sơ")


RecognitionLevel = Literal["xa", "huyen", "tinh", "bo"]
RECOGNITION_LABELS: dict[str, str] = {"xa": "Cấp xã", "huyen": "Cấp huyện", "tinh": "Cấp tỉnh", "bo": "Cấp bộ"}


class Recognition(Part):
    """Official recognition of the model."""

    title: Text = Field(..., title="Danh hiệu, hình thức", description="Ví dụ: Mô hình điển hình tiên tiến")
    by: Text = Field(..., title="Cơ quan công nhận", description="Ví dụ: Ủy ban nhân dân tỉnh Bắc Kạn")
    level: RecognitionLevel = Field(..., title="Cấp", description="xa: cấp xã; huyen: cấp huyện (trước 07/2025); tinh: cấp tỉnh; bo: cấp bộ")
    date: Date = Field(..., title="Ngày", description="Ngày công nhận: 02/10/2018, 10/2018 hoặc 2018")
    document: Text | None = Field(None, title="Văn bản", description="Ví dụ: Quyết định số 123/QĐ-UBND")
    source: Slug = Field(..., title="Nguồn", description="Mã nguồn trong models/_sources/, hoặc của nguồn viết trong `sources` của hồ sơ")


class Contact(Part):
    """A unit's published contact (never a private person's)."""

    organisation: Text = Field(..., title="Đơn vị", description="Ví dụ: Công an xã Đăk Tờ Re")
    phone: Text | None = Field(None, title="Điện thoại", description="Số của đơn vị đã được công bố")
    email: Text | None = Field(None, title="Thư điện tử", description="Thư điện tử công khai của đơn vị")
    address: Text | None = Field(None, title="Địa chỉ", description="Địa chỉ trụ sở của đơn vị")
    note: Text | None = Field(None, title="Ghi chú", description="Nơi số điện thoại đã được công bố")


class ReplacedForce(Part):
    """The force a model is built on, replaced by law since the source was written."""

    force: Text = Field(..., title="Lực lượng", description="Lực lượng mô hình dựa vào, ví dụ: Bảo vệ dân phố")
    replaced_by: Text = Field(..., title="Thay bằng", description="Ví dụ: Tổ bảo vệ an ninh, trật tự ở cơ sở")
    law: Text = Field(..., title="Căn cứ", description="Ví dụ: Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở (Luật số 30/2023/QH15)")
    date: Date = Field(..., title="Từ ngày", description="Ngày lực lượng mới thay lực lượng cũ, ví dụ: 01/07/2024")


class ReplicationStep(Part):
    """One step a commune takes to copy a model."""

    title: Text = Field(..., title="Việc cần làm", description="Một câu ngắn, bắt đầu bằng động từ: Họp dân thống nhất quy ước")
    who: Text | None = Field(None, title="Người, đơn vị phụ trách", description="Ví dụ: Trưởng thôn, Công an xã")
    when: Text | None = Field(None, title="Thời hạn, thời điểm", description="Ví dụ: Tháng đầu tiên; hằng quý")
    detail: Markdown | None = Field(None, title="Chi tiết", description="Markdown, không HTML")


class Replication(Part):
    """How another commune copies the model."""

    prerequisites: list[Text] = TextList(title="Điều kiện cần có", description="Những gì xã, phường cần có trước khi bắt đầu")
    steps: list[ReplicationStep] = TextList(title="Các bước thực hiện", description="Theo thứ tự; mỗi bước có `title`, có thể có `who`, `when`, `detail`")
    resources: list[Text] = TextList(title="Nguồn lực", description="Người, kinh phí, vật dụng cần chuẩn bị")
    indicators: list[Text] = TextList(title="Chỉ số theo dõi", description="Cần đo gì để biết mô hình hiệu quả")
    pitfalls: list[Text] = TextList(title="Điều cần tránh", description="Sai lầm thường gặp, rút từ bài học và hạn chế")


class Update(Part):
    """Dated news about a model."""

    date: Date = Field(..., title="Ngày", description="Ngày của tin: 02/10/2024, 10/2024 hoặc 2024")
    title: Text = Field(..., title="Tiêu đề", description="Một dòng, ví dụ: Nhân rộng thêm 12 thôn")
    text: Markdown | None = Field(None, title="Nội dung", description="Markdown, không HTML")
    source: Slug | None = Field(None, title="Nguồn", description="Mã nguồn trong models/_sources/, hoặc của nguồn viết trong `sources` của hồ sơ")


class Media(Part):
    """A photo of the model, stored under ``models/media/<id>/``."""

    file: Text = Field(..., title="Tệp ảnh", description="Đường dẫn trong models/media/<id>/, ví dụ: keng.jpg")
    alt: Text = Field(..., title="Mô tả ảnh", description="Tả nội dung ảnh cho người không nhìn thấy")
    caption: Text | None = Field(None, title="Chú thích", description="Hiện dưới ảnh")
    credit: Text | None = Field(None, title="Tác giả, nguồn ảnh", description="Ví dụ: Công an phường Kỳ Long")


class Source(Part):
    """An article or report that facts come from (an entry of ``models/_sources.yml``)."""

    title: Text = Field(..., title="Tiêu đề", description="Tiêu đề bài báo, báo cáo, như nguồn ghi")
    publisher: Text | None = Field(None, title="Cơ quan đăng tải", description="Báo, cổng thông tin, cơ quan ban hành")
    author: Text | None = Field(None, title="Tác giả", description="Người viết, như nguồn ghi")
    date: Date = Field(..., title="Ngày đăng", description="Ngày, tháng hoặc năm đăng: 02/10/2018, 10/2018, 2018")
    url: Url | None = Field(None, title="Địa chỉ", description="Chỉ http:// hoặc https://")
    note: Text | None = Field(None, title="Ghi chú", description="Điều người đọc cần biết về nguồn: bản lưu, nơi đã tìm")
    unavailable: Flag = Field(
        False, title="Không mở lại được",
        description="true: không tìm lại được bản nào của nguồn để đối chiếu; trang nói rõ hồ sơ chưa được kiểm tra lại "
                    "và không nêu số liệu nổi bật dựa trên nguồn này. Ghi ở `note` đã tìm ở đâu, khi nào")


class WrittenSource(Source):
    """A source written in the record that cites it (an entry of its ``sources:`` that is a group of fields, not an
    id): the catalogue registers it under ``id`` as if it were ``models/_sources/<id>.yml``, so a model and its
    new source reach the reviewer in one change."""

    id: Slug = Field(..., title="Mã nguồn",
                     description="Mã mới của nguồn, để kết quả, kinh phí, tin cập nhật ghi `source: <mã>`; "
                                 "ví dụ: bao-khanh-hoa-2025-11-camera")


WRITTEN_SOURCE = "nguon-viet-trong-ho-so"  # the union's tags (`catalogue` leaves them out of where a problem is)
SOURCE_ID = "nguon-da-co"


def _source_entry(value: Any) -> str:
    return WRITTEN_SOURCE if isinstance(value, (dict, BaseModel)) else SOURCE_ID  # as written, or validated


#: One entry of a model's ``sources:``: a source id, or a source written there (`WrittenSource`).
SourceEntry = Annotated[Annotated[Slug, Tag(SOURCE_ID)] | Annotated[WrittenSource, Tag(WRITTEN_SOURCE)],
                        Discriminator(_source_entry)]


class Model(Part):
    """An exemplary community self-management model for public order (one record)."""

    id: Slug | None = Field(None, title="Mã mô hình", description="Mặc định là tên tệp; nếu ghi thì phải trùng tên tệp")
    name: Text = Field(..., title="Tên mô hình", description="Tên chính thức")
    summary: Text = Field(..., title="Tóm tắt", description="1–3 câu: mô hình là gì")
    status: Status = Field(
        ..., title="Tình trạng",
        description="pilot: thí điểm; active: đang hoạt động; replicating: đang nhân rộng; paused: tạm dừng; ended: đã kết thúc",
    )
    status_as_of: Date | None = Field(None, title="Tình trạng tính đến", description="Ngày nguồn cho biết tình trạng; mặc định là ngày mới nhất của nguồn và tin cập nhật")
    topics: Annotated[list[Slug], BeforeValidator(_list)] = Field(
        ..., min_length=1, title="Chủ đề", description="Mã chủ đề trong models/_vocabularies.yml"
    )
    community: Slug = Field(..., title="Cộng đồng", description="Mã loại cộng đồng trong models/_vocabularies.yml")
    started: Date | None = Field(None, title="Bắt đầu từ", description="Ngày, tháng hoặc năm mô hình ra đời: 02/10/2018, 10/2018, 2018")
    lead: Text | None = Field(None, title="Cơ quan chủ trì", description="Ví dụ: Công an thị xã Kỳ Anh")
    partners: Annotated[list[Text], BeforeValidator(_list)] = TextList(title="Đơn vị phối hợp", description="Các tổ chức cùng tham gia")
    motto: Text | None = Field(None, title="Phương châm", description="Ví dụ: Tự phòng, tự quản, tự bảo vệ, tự hòa giải")
    criteria: Annotated[list[Text], BeforeValidator(_list)] = TextList(title="Tiêu chí", description="Điều một đơn vị phải làm, phải đạt để được công nhận mô hình")
    locations: Annotated[list[Location], BeforeValidator(_list)] = Field(
        ..., min_length=1, title="Địa bàn", description="Nơi mô hình hoạt động, ghi như nguồn nêu (mỗi nơi có ít nhất `province`)"
    )
    results: Annotated[list[Result], BeforeValidator(_list)] = TextList(title="Kết quả", description="Số liệu, mỗi số có ngày và nguồn")
    costs: Annotated[list[Cost], BeforeValidator(_list)] = TextList(title="Kinh phí", description="Chi phí và ai chi trả, mỗi khoản có ngày và nguồn")
    team: Team | None = Field(None, title="Đội, tổ thực hiện", description="Số người, vai trò, lịch, tập huấn, như nguồn nêu")
    recognition: Annotated[list[Recognition], BeforeValidator(_list)] = TextList(title="Công nhận", description="Công nhận chính thức, mỗi mục có ngày và nguồn")
    replaced_force: ReplacedForce | None = Field(
        None, title="Lực lượng đã được thay thế",
        description="Khi lực lượng mô hình dựa vào đã được luật thay bằng lực lượng khác (ví dụ bảo vệ dân phố, từ 01/07/2024)")
    contacts: Annotated[list[Contact], BeforeValidator(_list)] = TextList(title="Liên hệ", description="Số điện thoại, địa chỉ công khai của đơn vị (không ghi số cá nhân)")
    lessons: Annotated[list[Text], BeforeValidator(_list)] = TextList(title="Bài học kinh nghiệm", description="Điều rút ra được, mỗi bài học một dòng")
    limitations: Annotated[list[Text], BeforeValidator(_list)] = TextList(title="Hạn chế, khó khăn", description="Điểm yếu, khó khăn nguồn đã nêu")
    replication: Replication | None = Field(None, title="Nhân rộng", description="Hướng dẫn để xã, phường khác làm theo")
    updates: Annotated[list[Update], BeforeValidator(_list)] = TextList(
        title="Tin cập nhật", description="Tin có ngày về mô hình; thêm bằng lệnh `mohinh add-update`"
    )
    sources: Annotated[list[SourceEntry], BeforeValidator(_list)] = Field(
        ..., min_length=1, title="Nguồn",
        description="Mã nguồn trong models/_sources/, hoặc một nguồn mới viết ngay tại đây (id, title, date…)")
    types: Annotated[list[Slug], BeforeValidator(_list)] = TextList(
        title="Loại mô hình", description="Mã loại mô hình trong models/_types/, ví dụ: camera-an-ninh; để trống nếu không thuộc loại nào")
    related: Annotated[list[Slug], BeforeValidator(_list)] = TextList(title="Mô hình liên quan", description="Mã (tên tệp) của mô hình nên đọc tiếp")
    media: Annotated[list[Media], BeforeValidator(_list)] = TextList(title="Ảnh", description="Ảnh đặt trong models/media/<mã mô hình>/, mỗi ảnh có `alt`")
    draft: Flag = Field(False, title="Bản nháp", description="true: chưa công bố, không có trong trang công khai")

    @property
    def source_ids(self) -> list[str]:
        """The ids of the sources the model lists, written in the record or not."""
        return [entry.id if isinstance(entry, WrittenSource) else entry for entry in self.sources]

    @property
    def written_sources(self) -> list[WrittenSource]:
        """The sources written in the record (registered by the catalogue with the others)."""
        return [entry for entry in self.sources if isinstance(entry, WrittenSource)]


SeenIn = Annotated[list[Slug], BeforeValidator(_list)]


class GuidanceItem(Part):
    """One prerequisite, resource, indicator or pitfall of a model type, with the cases that document it."""

    text: Text = Field(..., title="Nội dung")
    seen_in: SeenIn = Field(..., min_length=1, title="Thấy ở",
                            description="Mã mô hình hoặc mã nguồn ghi nhận điều này (ít nhất một)")


class GuidanceStep(Part):
    """One step places took, with the cases that document it."""

    title: Text = Field(..., title="Việc cần làm", description="Một câu ngắn, bắt đầu bằng động từ")
    who: Text | None = Field(None, title="Người, đơn vị phụ trách")
    when: Text | None = Field(None, title="Thời hạn, thời điểm")
    detail: Markdown | None = Field(None, title="Chi tiết", description="Markdown, không HTML")
    seen_in: SeenIn = Field(..., min_length=1, title="Thấy ở",
                            description="Mã mô hình hoặc mã nguồn ghi nhận bước này (ít nhất một)")


class TypeGuidance(Part):
    """How places usually do it, drawn from the cases: every item names where it was seen."""

    prerequisites: list[GuidanceItem] = TextList(title="Điều kiện cần có")
    steps: list[GuidanceStep] = TextList(title="Các bước thực hiện")
    resources: list[GuidanceItem] = TextList(title="Nguồn lực")
    indicators: list[GuidanceItem] = TextList(title="Chỉ số theo dõi")
    pitfalls: list[GuidanceItem] = TextList(title="Điều cần tránh")


class ModelType(Part):
    """A kind of practice run in many places (``models/_types/<slug>.yml``): camera an ninh, tiếng kẻng an ninh…"""

    name: Text = Field(..., title="Tên loại mô hình", description="Như thực tế gọi, ví dụ: Camera an ninh")
    aliases: Annotated[list[Text], BeforeValidator(_list)] = TextList(
        title="Tên gọi khác", description="Tên người đọc hay gõ, ví dụ: mắt thần, camera giám sát (cũng được tìm)")
    summary: Text = Field(..., title="Tóm tắt", description="1–3 câu: cách làm này là gì")
    description: Markdown | None = Field(None, title="Mô tả", description="Cách thường làm, viết lại từ các trường hợp; Markdown, không HTML")
    guidance: TypeGuidance | None = Field(None, title="Hướng dẫn rút từ các trường hợp",
                                         description="Mỗi mục ghi `seen_in`: mô hình hoặc nguồn ghi nhận nó")
    official: Annotated[list[Slug], BeforeValidator(_list)] = TextList(
        title="Văn bản quy định", description="Mã nguồn của luật, nghị định, thông tư, hướng dẫn liên quan")
    sources: Annotated[list[Slug], BeforeValidator(_list)] = Field(
        ..., min_length=1, title="Nguồn", description="Mã nguồn trong models/_sources/")


class Term(Part):
    """One entry of a vocabulary: a slug and its Vietnamese label."""

    slug: Slug = Field(..., title="Mã")
    label: Text = Field(..., title="Tên hiển thị")
    description: Text | None = Field(None, title="Mô tả")


class Vocabularies(Part):
    """The topics and kinds of community records may use (``models/_vocabularies.yml``)."""

    topics: list[Term] = Field(..., min_length=1, title="Chủ đề")
    communities: list[Term] = Field(..., min_length=1, title="Loại cộng đồng")
    funders: list[Term] = Field(default_factory=list, title="Nguồn kinh phí", description="Ai chi trả (`paid_by` của kinh phí)")


_PART_DOCS = {
    "Location": ("Địa bàn", "Một nơi mô hình hoạt động, ghi như nguồn nêu (trước hoặc sau sắp xếp 2025)"),
    "Result": ("Kết quả", "Một số liệu về mô hình, có ngày và nguồn"),
    "Replication": ("Nhân rộng", "Hướng dẫn để xã, phường khác làm theo mô hình"),
    "ReplicationStep": ("Bước thực hiện", "Một việc cần làm khi nhân rộng mô hình"),
    "Update": ("Tin cập nhật", "Một tin có ngày về mô hình"),
    "Media": ("Ảnh", "Một ảnh của mô hình, đặt trong models/media/<mã mô hình>/"),
    "Cost": ("Kinh phí", "Một khoản chi: số tiền, ai chi trả, ngày và nguồn"),
    "GuidanceItem": ("Mục hướng dẫn", "Một điều rút từ các trường hợp, kèm nơi ghi nhận"),
    "GuidanceStep": ("Bước thực hiện", "Một bước các nơi đã làm, kèm nơi ghi nhận"),
    "TypeGuidance": ("Hướng dẫn", "Cách các nơi thường làm, rút từ các trường hợp"),
    "OtherValue": ("Số liệu nguồn khác", "Số một nguồn khác ghi cho cùng nội dung"),
    "OtherAmount": ("Số tiền nguồn khác", "Số tiền một nguồn khác ghi cho cùng khoản chi"),
    "Team": ("Đội, tổ thực hiện", "Ai làm việc, như nguồn mô tả"),
    "MemberRange": ("Khoảng số người", "Ít nhất và nhiều nhất"),
    "Recognition": ("Công nhận", "Một lần được công nhận chính thức"),
    "Contact": ("Liên hệ", "Liên hệ công khai của một đơn vị"),
    "WrittenSource": ("Nguồn viết trong hồ sơ", "Một nguồn mới ghi ngay trong `sources` của hồ sơ (chưa có tệp "
                                                "trong models/_sources/), được duyệt cùng mô hình"),
    "ReplacedForce": ("Lực lượng đã được thay thế", "Lực lượng mô hình dựa vào, đã được luật thay bằng lực lượng khác"),
}


def _describe_parts(schema: dict[str, Any]) -> None:
    """Vietnamese titles and descriptions of the parts a schema uses (editors show them on hover)."""
    for name, (title, description) in _PART_DOCS.items():
        if name in schema.get("$defs", {}):
            schema["$defs"][name].update(title=title, description=description)


def _editor_schema(shape: type[BaseModel], file_name: str, title: str, description: str) -> dict[str, Any]:
    """The JSON Schema of ``shape`` as editors read it: its file name as ``$id``, Vietnamese titles."""
    schema = shape.model_json_schema()
    schema.update({"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": file_name,
                   "title": title, "description": description})
    _describe_parts(schema)
    return schema


def type_json_schema() -> dict[str, Any]:
    """The JSON Schema of a model type, for editors (``schema/type.schema.json``)."""
    return _editor_schema(ModelType, "type.schema.json", "Loại mô hình tự quản về an ninh trật tự",
                          "Mỗi tệp models/_types/<mã>.yml là một loại mô hình; xem trang Đóng góp của trang web.")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a record, for editors (``schema/model.schema.json``)."""
    schema = _editor_schema(Model, "model.schema.json", "Hồ sơ mô hình tự quản về an ninh trật tự",
                            "Mỗi tệp models/<mã>.yml là một mô hình; xem trang Đóng góp của trang web.")
    # Shown beside each value in editors' completion lists (VS Code and the YAML language server).
    schema["properties"]["status"]["enumDescriptions"] = [STATUS_LABELS[s] for s in schema["properties"]["status"]["enum"]]
    return schema
