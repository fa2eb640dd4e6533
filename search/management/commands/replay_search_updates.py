from django.core.management.base import BaseCommand

from search import outage
from search.engines import engine_backend_names
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Apply the index updates OpenSearch missed while it was away."

    def handle(self, *args, **options):
        if "opensearch" not in engine_backend_names():
            self.stdout.write("OpenSearch is not configured: nothing to replay.")
            return
        waiting = PendingIndexUpdate.objects.filter(backend=outage.ENGINE).count()
        outage.mark_up()
        applied = outage.replay()
        self.stdout.write(f"{applied} of {waiting} missed index updates applied.")
        if applied < waiting:
            self.stderr.write(
                "OpenSearch is still not answering; run this again later."
            )
