from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from curriculum.generator import generate_plans
from pagemodels.fields import current_school_year, validate_school_year
from units.models import Unit


class Command(BaseCommand):
    help = (
        "Give every active school a demo curriculum distribution for a school "
        "year (national periods spread over 35 weeks); existing plans are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--school-year", default=None)

    def handle(self, school_year=None, **options):
        school_year = school_year or current_school_year()
        try:
            validate_school_year(school_year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        schools = Unit.objects.active().filter(kind=Unit.Kind.SCHOOL)
        created = sum(generate_plans(school, school_year) for school in schools)
        if options["verbosity"] >= 1:
            self.stdout.write(f"{created} phân phối chương trình mới ({school_year}).")
