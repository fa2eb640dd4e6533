"""What API writes accept: closed schemas (an unknown field is a 422 naming
it) and references checked against the acting unit (an image, document or
page that does not exist or belongs to another unit is a 422 naming it)."""

import datetime
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import ValidationError
from pydantic import ConfigDict, Field
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from headless.blocks import HeadingValue
from pagemodels.blocks import BodyBlock
from pagemodels.choices import NewsCategory


class Closed(Schema):
    model_config = ConfigDict(extra="forbid")


class ImageRef(Closed):
    image: int
    alt_text: str = Field("", max_length=255)
    decorative: bool = False


class AttachmentRef(Closed):
    document: int
    caption: str = Field("", max_length=255)


class EmbedRef(Closed):
    url: str = Field(max_length=500)


class HeadingIn(Closed):
    type: Literal["heading"]
    value: HeadingValue


class ParagraphIn(Closed):
    type: Literal["paragraph"]
    value: str = Field(description="HTML: p, b, i, a, ol, ul, h3")


class ImageIn(Closed):
    type: Literal["image"]
    value: ImageRef


class AttachmentIn(Closed):
    type: Literal["attachment"]
    value: AttachmentRef


class EmbedIn(Closed):
    type: Literal["embed"]
    value: EmbedRef


class QuoteIn(Closed):
    type: Literal["quote"]
    value: str


BlockIn = Annotated[
    HeadingIn | ParagraphIn | ImageIn | AttachmentIn | EmbedIn | QuoteIn,
    Field(discriminator="type"),
]
Action = Literal["draft", "submit", "publish"]


class NewsIn(Closed):
    title: str = Field(min_length=1, max_length=255)
    date: datetime.date | None = None
    category: NewsCategory = NewsCategory.ACTIVITY
    summary: str = Field("", max_length=500)
    cover_image: int | None = None
    body: list[BlockIn] = []
    action: Action = "draft"


class NewsPatch(Closed):
    title: str | None = Field(None, min_length=1, max_length=255)
    date: datetime.date | None = None
    category: NewsCategory | None = None
    summary: str | None = Field(None, max_length=500)
    cover_image: int | None = None
    body: list[BlockIn] | None = None
    action: Action = "draft"


def invalid(loc, message):
    return ValidationError(
        [{"type": "value_error", "loc": ["body", *loc], "msg": str(message)}]
    )


class References:
    """Images and documents the acting unit may use: its own collection and
    the authority's shared one."""

    def __init__(self, collection_paths):
        self.paths = [path for path in collection_paths if path]

    def _usable(self, model, pk):
        item = model.objects.select_related("collection").filter(pk=pk).first()
        if item is None:
            return None
        path = item.collection.path
        return item if any(path.startswith(p) for p in self.paths) else None

    def image(self, pk, loc):
        image = self._usable(get_image_model(), pk)
        if image is None:
            raise invalid(
                loc, _("Không có ảnh %(id)s trong thư viện của đơn vị.") % {"id": pk}
            )
        return image

    def document(self, pk, loc):
        document = self._usable(get_document_model(), pk)
        if document is None:
            raise invalid(
                loc, _("Không có tệp %(id)s trong thư viện của đơn vị.") % {"id": pk}
            )
        return document


PARAGRAPH = EditorHTMLConverter(features=BodyBlock.base_blocks["paragraph"].features)


def stream_data(blocks, references, field="body"):
    """StreamField raw data from API blocks, every reference checked."""
    data = []
    for index, block in enumerate(blocks):
        loc = [field, index, "value"]
        value = block.value
        if block.type == "heading":
            raw = {"text": value.text, "level": value.level}
        elif block.type == "paragraph":
            raw = PARAGRAPH.to_database_format(value)
        elif block.type == "image":
            image = references.image(value.image, [*loc, "image"])
            raw = {
                "image": image.pk,
                "alt_text": value.alt_text,
                "decorative": value.decorative,
            }
        elif block.type == "attachment":
            document = references.document(value.document, [*loc, "document"])
            raw = {"document": document.pk, "caption": value.caption}
        elif block.type == "embed":
            raw = value.url
        else:
            raw = value
        data.append({"type": block.type, "value": raw})
    return data
