"""Factories for tests: pages with Vietnamese titles and ASCII slugs.

Pages are created live (Wagtail's default) without a revision; tests that
need moderation history publish a revision themselves."""

import factory
import wagtail_factories

from pagemodels.choices import DocumentType, IssuingLevel, ResourceType
from pagemodels.models import DirectivePage, NewsPage, ResourcePage, StandardPage
from search.folding import ascii_slug


class BasePageFactory(wagtail_factories.PageFactory):
    slug = factory.LazyAttribute(lambda page: ascii_slug(page.title)[:80])

    class Meta:
        abstract = True


class StandardPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Trang nội dung {n}")

    class Meta:
        model = StandardPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Tin hoạt động số {n}")
    summary = "Tóm tắt bài viết."

    class Meta:
        model = NewsPage


class ResourcePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Bài giảng số {n}")
    resource_type = ResourceType.SLIDES
    subject = "Toán"
    grade = 1
    embed_url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"

    class Meta:
        model = ResourcePage


class DirectivePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Văn bản số {n}")
    number = factory.Sequence(lambda n: f"{n}/KH-UBND")
    document_type = DocumentType.PLAN
    issuing_body = "Ủy ban nhân dân xã"
    issuing_level = IssuingLevel.COMMUNE
    issue_date = factory.Faker("date_this_decade")
    summary = "Trích yếu văn bản."

    class Meta:
        model = DirectivePage
