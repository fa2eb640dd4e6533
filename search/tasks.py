from django_tasks import task


@task()
def replay_missed_updates():
    """Apply the index updates OpenSearch missed (search.outage)."""
    from search import outage

    return outage.replay()
