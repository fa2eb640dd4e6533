"""Controlled vocabularies shared by page types, the API and search facets."""

import csv
from functools import cache
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _

CURRICULUM_FILE = Path(__file__).parent / "data" / "curriculum-periods-gdpt2018.csv"


@cache
def curriculum_subjects():
    with open(CURRICULUM_FILE, encoding="utf-8", newline="") as handle:
        return sorted({row["subject"] for row in csv.DictReader(handle)})


def subject_choices():
    return [(subject, subject) for subject in curriculum_subjects()]


class Grade(models.IntegerChoices):
    G1 = 1, _("Lớp 1")
    G2 = 2, _("Lớp 2")
    G3 = 3, _("Lớp 3")
    G4 = 4, _("Lớp 4")
    G5 = 5, _("Lớp 5")
    G6 = 6, _("Lớp 6")
    G7 = 7, _("Lớp 7")
    G8 = 8, _("Lớp 8")
    G9 = 9, _("Lớp 9")


class NewsCategory(models.TextChoices):
    INTRODUCTION = "gioi-thieu", _("Giới thiệu nhà trường")
    ACTIVITY = "hoat-dong", _("Tin hoạt động")


class DisclosureCategory(models.TextChoices):
    # The four items of the letter (công văn 1093, §II.1.3)
    DEVELOPMENT_PLAN = "ke-hoach-phat-trien", _("Kế hoạch phát triển giáo dục")
    EDUCATION_QUALITY = "chat-luong-giao-duc", _("Chất lượng giáo dục")
    STAFF = "doi-ngu", _("Thông tin đội ngũ")
    FACILITIES = "co-so-vat-chat", _("Thông tin về cơ sở vật chất")
    # Thông tư 09/2024/TT-BGDĐT
    GENERAL = "thong-tin-chung", _("Thông tin chung")
    FINANCE = "tai-chinh", _("Tài chính")
    QUALITY_ASSESSMENT = "kiem-dinh", _("Kiểm định chất lượng")
    PLAN = "ke-hoach", _("Kế hoạch")
    RESULTS = "ket-qua", _("Kết quả")
    ANNUAL_REPORT = "bao-cao-thuong-nien", _("Báo cáo thường niên")


class ResourceType(models.TextChoices):
    SLIDES = "bai-giang-trinh-chieu", _("Bài giảng trình chiếu")
    ELEARNING = "bai-giang-e-learning", _("Bài giảng e-learning")
    LESSON_PLAN = "ke-hoach-bai-day", _("Kế hoạch bài dạy")
    TEST = "de-kiem-tra", _("Đề kiểm tra")
    WORKSHEET = "phieu-hoc-tap", _("Phiếu học tập")
    VIDEO = "video", _("Video")
    TEACHING_DOCUMENT = "tai-lieu-giang-day", _("Tài liệu giảng dạy")
    LEARNING_MATERIAL = "tai-lieu-hoc-tap", _("Tài liệu học tập")

    @classmethod
    def it_applied(cls):
        """Types that make a planned lesson IT-applied."""
        return {cls.SLIDES, cls.ELEARNING}


class TextbookSeries(models.TextChoices):
    KNOWLEDGE = "ket-noi", _("Kết nối tri thức với cuộc sống")
    HORIZONS = "chan-troi", _("Chân trời sáng tạo")
    KITE = "canh-dieu", _("Cánh Diều")
    OTHER = "khac", _("Khác")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("CC BY 4.0 (ghi công)")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0 (ghi công, chia sẻ tương tự)")
    CC_BY_NC = "cc-by-nc", _("CC BY-NC 4.0 (ghi công, phi thương mại)")
    INTERNAL = "noi-bo", _("Chỉ dùng trong ngành")
    ALL_RIGHTS = "ban-quyen", _("Giữ bản quyền")


class AchievementLevel(models.TextChoices):
    SCHOOL = "truong", _("Cấp trường")
    DISTRICT = "huyen", _("Cấp huyện / xã")
    PROVINCE = "tinh", _("Cấp tỉnh")
    NATIONAL = "quoc-gia", _("Cấp quốc gia")
    INTERNATIONAL = "quoc-te", _("Quốc tế")


class IssuingLevel(models.TextChoices):
    CENTRAL = "trung-uong", _("Trung ương")
    PROVINCE = "tinh", _("Tỉnh")
    DISTRICT = "huyen", _("Huyện (lưu trữ)")
    COMMUNE = "xa", _("Xã")
    OWN_UNIT = "don-vi", _("Đơn vị")


class DocumentType(models.TextChoices):
    """Administrative document types of Nghị định 30/2020/NĐ-CP."""

    RESOLUTION = "nghi-quyet", _("Nghị quyết")
    DECISION = "quyet-dinh", _("Quyết định")
    DIRECTIVE = "chi-thi", _("Chỉ thị")
    REGULATION = "quy-che", _("Quy chế")
    RULE = "quy-dinh", _("Quy định")
    ANNOUNCEMENT = "thong-bao", _("Thông báo")
    GUIDANCE = "huong-dan", _("Hướng dẫn")
    PROGRAMME = "chuong-trinh", _("Chương trình")
    PLAN = "ke-hoach", _("Kế hoạch")
    SCHEME = "de-an", _("Đề án")
    REPORT = "bao-cao", _("Báo cáo")
    MINUTES = "bien-ban", _("Biên bản")
    SUBMISSION = "to-trinh", _("Tờ trình")
    OFFICIAL_LETTER = "cong-van", _("Công văn")
    DISPATCH = "cong-dien", _("Công điện")
    INVITATION = "giay-moi", _("Giấy mời")
