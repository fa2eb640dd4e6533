"""StreamField content in the API: one schema per block type (so that a
client can be generated from the OpenAPI document), images and documents
expanded to URLs."""

from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from headless.media import DocumentOut, ImageOut, document_out, image_out


class HeadingValue(Schema):
    text: str
    level: Literal["h2", "h3"]


class AttachmentValue(Schema):
    document: DocumentOut | None
    caption: str


class EmbedValue(Schema):
    url: str


class HeadingBlockOut(Schema):
    type: Literal["heading"]
    id: str
    value: HeadingValue


class ParagraphBlockOut(Schema):
    type: Literal["paragraph"]
    id: str
    value: str = Field(description="HTML")


class ImageBlockOut(Schema):
    type: Literal["image"]
    id: str
    value: ImageOut | None


class AttachmentBlockOut(Schema):
    type: Literal["attachment"]
    id: str
    value: AttachmentValue


class FileBlockOut(Schema):
    type: Literal["file"]
    id: str
    value: AttachmentValue


class EmbedBlockOut(Schema):
    type: Literal["embed"]
    id: str
    value: EmbedValue | None


class QuoteBlockOut(Schema):
    type: Literal["quote"]
    id: str
    value: str


Block = Annotated[
    HeadingBlockOut
    | ParagraphBlockOut
    | ImageBlockOut
    | AttachmentBlockOut
    | FileBlockOut
    | EmbedBlockOut
    | QuoteBlockOut,
    Field(discriminator="type"),
]


def _value(kind, value, request):
    if kind == "heading":
        return {"text": value["text"], "level": value["level"]}
    if kind == "paragraph":
        return str(value)
    if kind == "image":
        if value is None:
            return None
        alt = "" if getattr(value, "decorative", False) else value.contextual_alt_text
        return image_out(value, request, alt=alt)
    if kind in {"attachment", "file"}:
        return {
            "document": document_out(value["document"], request),
            "caption": value["caption"] or "",
        }
    if kind == "embed":
        return {"url": value.url} if value else None
    if kind == "quote":
        return str(value)
    raise ValueError(f"no API form for block {kind!r}")


def stream_out(stream, request):
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": _value(child.block_type, child.value, request),
        }
        for child in stream
    ]
