"""RSS for a news section: the newest published, public articles."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_SIZE = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.news_index.title} – {self.news_index.get_site().site_name}"

    def link(self):
        return self.news_index.get_full_url(self.request)

    def description(self):
        return self.news_index.intro or self.title()

    def items(self):
        return self.news_index.articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.get_category_display()]
