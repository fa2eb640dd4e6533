"""Keeping pages, edits and search working while OpenSearch is down or slow.

- An index write that fails is queued (PendingIndexUpdate) instead of lost;
  editors' saves and publications go on.
- After a failure the engine counts as down for a while, so neither saves nor
  searches wait for its timeouts; searches answer from the database meanwhile.
- Queued writes are applied again by `replay`, as a background task asked by
  the next write or search the engine answers, and by
  `manage.py replay_search_updates` (cron).
"""

import logging
import threading
import time

from django.apps import apps
from django.conf import settings
from opensearchpy.exceptions import ConnectionError, OpenSearchException, TransportError

logger = logging.getLogger(__name__)

ENGINE_ERRORS = (OpenSearchException, OSError)


def is_engine_failure(error):
    """An error of the engine being away or overloaded, not of the request."""
    if isinstance(error, OSError | ConnectionError):
        return True
    if isinstance(error, TransportError):
        status = error.status_code
        return not isinstance(status, int) or status >= 500 or status == 429
    return False


ENGINE = "opensearch"
_state = threading.local()
_down_until = [0.0]
_replay_asked = [float("-inf")]


def retry_seconds():
    return settings.SEARCH_ENGINE_RETRY_SECONDS


def is_down():
    return time.monotonic() < _down_until[0]


def mark_down(error):
    if not is_down():
        logger.warning("Search engine unavailable, using the database: %s", error)
    _down_until[0] = time.monotonic() + retry_seconds()


def mark_up():
    _down_until[0] = 0.0


def queue(objs, action):
    from search.models import PendingIndexUpdate

    for obj in objs:
        PendingIndexUpdate.objects.update_or_create(
            backend=ENGINE,
            app_label=obj._meta.app_label,
            model=obj._meta.model_name,
            object_id=str(obj.pk),
            defaults={"action": action},
        )


def pending_exists():
    from search.models import PendingIndexUpdate

    return PendingIndexUpdate.objects.filter(backend=ENGINE).exists()


def guarded(objs, action, write):
    """Run an index write for `objs`; queue them if the engine fails."""
    if is_down():
        queue(objs, action)
        return
    try:
        write()
    except ENGINE_ERRORS as error:
        _failed(error)
        queue(objs, action)
        return
    schedule_replay()


def _failed(error):
    """Away or overloaded: count the engine down. Anything else (a missing
    index, a refused document) is logged and the write kept for later."""
    if is_engine_failure(error):
        mark_down(error)
    else:
        logger.error("Search index write refused, kept for a replay: %s", error)


def schedule_replay():
    """Once the engine answers again: replay the queue in the background,
    asked at most once per retry window by this process."""
    if getattr(_state, "replaying", False):
        return
    now = time.monotonic()
    if now < _replay_asked[0] + retry_seconds() or not pending_exists():
        return
    _replay_asked[0] = now
    from search.tasks import replay_missed_updates

    replay_missed_updates.enqueue()


def _instance(pending):
    model = apps.get_model(pending.app_label, pending.model)
    if pending.action == pending.Action.UPDATE:
        obj = model._default_manager.filter(pk=pending.object_id).first()
        if obj is not None:
            from modelsearch.index import get_indexed_instance

            indexed = get_indexed_instance(obj)
            if indexed is not None:
                return indexed, "update"
    return model(pk=model._meta.pk.to_python(pending.object_id)), "delete"


def replay(limit=None):
    """Apply the queued writes in order; stops when the engine is still away
    (a write it refuses stays queued, the others go on). Returns how many
    were applied."""
    from search.engines import get_engine
    from search.models import PendingIndexUpdate

    backend = get_engine(ENGINE)
    applied = 0
    _state.replaying = True
    try:
        for pending in PendingIndexUpdate.objects.filter(backend=ENGINE).order_by("pk")[
            :limit
        ]:
            obj, action = _instance(pending)
            try:
                if action == "update":
                    backend.write_add(obj)
                else:
                    backend.write_delete(obj)
            except ENGINE_ERRORS as error:
                _failed(error)
                PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                    attempts=pending.attempts + 1
                )
                if is_engine_failure(error):
                    break
                continue
            pending.delete()
            applied += 1
    finally:
        _state.replaying = False
    if applied:
        mark_up()
    return applied
