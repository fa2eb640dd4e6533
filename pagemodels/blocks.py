"""Blocks shared by every page type; a block that means one thing lives here."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("h2", _("Tiêu đề lớn")), ("h3", _("Tiêu đề nhỏ"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "pagemodels/blocks/heading.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tệp"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Tệp đính kèm")
        template = "pagemodels/blocks/attachment.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
    )
    image = ImageBlock(label=_("Ảnh"))
    attachment = AttachmentBlock()
    embed = EmbedBlock(label=_("Nhúng (video, bài giảng trực tuyến)"))
    quote = blocks.BlockQuoteBlock(label=_("Trích dẫn"))

    class Meta:
        label = _("Nội dung")
