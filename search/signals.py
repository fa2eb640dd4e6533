from django.dispatch import receiver
from wagtail.signals import post_page_move


@receiver(post_page_move)
def resources_follow_moves(sender, instance, **kwargs):
    """The tree moves descendants without saving them: resources at or under a
    moved page are saved again, which gives them the unit of their new place
    and reindexes them with their new path on every engine."""
    from pagemodels.models import ResourcePage

    for resource in ResourcePage.objects.descendant_of(instance, inclusive=True):
        resource.save()
