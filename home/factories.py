import factory

from home.models import CentreHomePage, PortalHomePage, SchoolHomePage
from pagemodels.factories import BasePageFactory


class SchoolHomePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Trường thử nghiệm {n}")

    class Meta:
        model = SchoolHomePage


class CentreHomePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Trung tâm thử nghiệm {n}")

    class Meta:
        model = CentreHomePage


class PortalHomePageFactory(BasePageFactory):
    title = "Phòng Giáo dục và Đào tạo thử nghiệm"

    class Meta:
        model = PortalHomePage
