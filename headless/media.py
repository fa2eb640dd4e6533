"""Images as rendition URLs in a few named sizes, documents as download
URLs with size and type: what a front end needs without a second call."""

from django.db.models import Prefetch
from ninja import Schema
from wagtail.images import get_image_model

RENDITIONS = {
    "thumbnail": "fill-400x225",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


class RenditionOut(Schema):
    url: str
    width: int
    height: int


class ImageOut(Schema):
    id: int
    title: str
    alt: str
    width: int
    height: int
    thumbnail: RenditionOut
    medium: RenditionOut
    large: RenditionOut


class DocumentOut(Schema):
    id: int
    title: str
    url: str
    size: int | None
    type: str


def with_renditions(field):
    """Prefetch `field` (an image foreign key) with its named renditions."""
    images = get_image_model().objects.prefetch_renditions(*RENDITIONS.values())
    return Prefetch(field, queryset=images)


def image_out(image, request, alt=None):
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITIONS.values())
    sizes = {
        name: {
            "url": request.build_absolute_uri(renditions[spec].url),
            "width": renditions[spec].width,
            "height": renditions[spec].height,
        }
        for name, spec in RENDITIONS.items()
    }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt if alt is not None else image.default_alt_text,
        "width": image.width,
        "height": image.height,
        **sizes,
    }


def document_out(document, request):
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": request.build_absolute_uri(document.url),
        "size": document.get_file_size(),
        "type": document.file_extension.lower(),
    }
