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


def _count(label):
    return blocks.IntegerBlock(label=label, min_value=0, required=False)


class StaffRowBlock(blocks.StructBlock):
    """A row of the staff table: a staff group counted by qualification."""

    group = blocks.CharBlock(
        label=_("Nhóm"), max_length=100, help_text=_("Ví dụ: Giáo viên")
    )
    total = blocks.IntegerBlock(label=_("Tổng số"), min_value=0)
    female = _count(_("Nữ"))
    ethnic_minority = _count(_("Dân tộc thiểu số"))
    postgraduate = _count(_("Sau đại học"))
    university = _count(_("Đại học"))
    college = _count(_("Cao đẳng"))
    intermediate = _count(_("Trung cấp"))
    other = _count(_("Khác"))

    class Meta:
        icon = "group"
        label = _("Dòng đội ngũ")


class FacilityRowBlock(blocks.StructBlock):
    """A row of the facilities table: rooms, equipment, land."""

    item = blocks.CharBlock(
        label=_("Hạng mục"), max_length=150, help_text=_("Ví dụ: Phòng học")
    )
    unit = blocks.CharBlock(label=_("Đơn vị tính"), max_length=30, required=False)
    quantity = blocks.IntegerBlock(label=_("Số lượng"), min_value=0)
    area_m2 = blocks.DecimalBlock(
        label=_("Diện tích (m²)"), min_value=0, required=False, decimal_places=1
    )
    note = blocks.CharBlock(label=_("Ghi chú"), max_length=255, required=False)

    class Meta:
        icon = "home"
        label = _("Dòng cơ sở vật chất")


class ContactBlock(blocks.StructBlock):
    address = blocks.CharBlock(label=_("Địa chỉ"), required=False)
    phone = blocks.CharBlock(label=_("Điện thoại"), required=False, max_length=30)
    email = blocks.EmailBlock(label=_("Thư điện tử"), required=False)

    class Meta:
        icon = "mail"
        label = _("Liên hệ")
