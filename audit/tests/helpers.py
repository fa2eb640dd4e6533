from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from pagemodels.factories import NewsPageFactory
from pagemodels.models import NewsIndexPage
from units.permissions import AUTHORITY_GROUPS, SUPERVISORS


def member(unit, role, name=None):
    user = get_user_model().objects.create_user(
        name or f"{unit.key}-{role}", password="pw"
    )
    user.groups.add(getattr(unit, f"{role}_group"))
    return user


def supervisor():
    user = get_user_model().objects.create_user("pgd-giamsat", password="pw")
    user.groups.add(Group.objects.get(name=str(AUTHORITY_GROUPS[SUPERVISORS])))
    return user


def published_news(unit, user, title):
    section = NewsIndexPage.objects.child_of(unit.root_page).get()
    page = NewsPageFactory(parent=section, title=title, live=False, owner=user)
    page.save_revision(user=user).publish(user=user)
    return page


def entries_of(instance, action):
    return ModelLogEntry.objects.for_instance(instance).filter(action=action)
