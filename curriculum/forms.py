from django import forms
from django.utils.translation import gettext_lazy as _

from curriculum.models import CurriculumPlan
from pagemodels.choices import Grade, subject_choices
from pagemodels.fields import current_school_year, validate_school_year
from units.access import schools_of
from units.models import Unit


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Trường"), queryset=Unit.objects.none())
    school_year = forms.CharField(
        label=_("Năm học"), max_length=9, validators=[validate_school_year]
    )
    grade = forms.TypedChoiceField(
        label=_("Khối lớp"), choices=Grade.choices, coerce=int
    )
    subject = forms.ChoiceField(label=_("Môn học"), choices=subject_choices)
    file = forms.FileField(
        label=_("Tệp phân phối chương trình (.xlsx hoặc .csv)"),
        help_text=_(
            "Các cột: Tuần, Chủ đề/Mạch nội dung, Tên bài học, Số tiết, Ghi chú."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        schools = schools_of(user)
        self.fields["unit"].queryset = schools
        if len(schools) == 1:
            self.fields["unit"].initial = schools[0].pk
        self.fields["school_year"].initial = current_school_year()

    def clean(self):
        cleaned = super().clean()
        unit, grade = cleaned.get("unit"), cleaned.get("grade")
        if unit and grade and grade not in unit.grades:
            self.add_error(
                "grade",
                _("%(unit)s không dạy lớp %(grade)d.") % {"unit": unit, "grade": grade},
            )
        return cleaned

    def plan(self):
        data = self.cleaned_data
        plan, _created = CurriculumPlan.objects.get_or_create(
            unit=data["unit"],
            school_year=data["school_year"],
            grade=data["grade"],
            subject=data["subject"],
        )
        return plan
