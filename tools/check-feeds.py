#!/usr/bin/python3
"""Reads feeds the way a feed reader would, as a second opinion beside the Java tests.

Usage: tools/check-feeds.py URL...

Fetches each URL (http:, https: or file:) and parses it: Atom and RSS with
Debian's python3-feedparser, JSON Feed with Python's json module (feedparser
6.0 has no JSON Feed support). A feed fails when it cannot be fetched, when
feedparser sets its "bozo" flag (not well-formed, wrong content type, bad
encoding...), when it has no entries, or when an entry lacks an id, a link or
a date. Prints one line per feed; exits 0 when all pass, 1 when any fails,
2 on bad usage.

Runs with /usr/bin/python3 (the shebang), where Debian installs feedparser;
a python3 earlier on PATH (pyenv) does not have it.
"""

import datetime
import json
import sys
import urllib.error
import urllib.request

try:
    import feedparser
except ImportError:
    sys.exit(
        "check-feeds: the feedparser module is missing: install Debian's python3-feedparser "
        "(apt-get install python3-feedparser) and run this script with /usr/bin/python3"
    )

TIMEOUT_SECONDS = 10
JSON_FEED_VERSIONS = ("https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1")


class FeedProblem(Exception):
    """Why one feed fails; the message is shown to the user as is."""


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "home-web check-feeds"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        raise FeedProblem(f"HTTP {e.code} {e.reason}") from e
    except (urllib.error.URLError, OSError) as e:
        raise FeedProblem(f"cannot fetch: {getattr(e, 'reason', e)}") from e


def is_json(body, content_type):
    return "json" in content_type.lower() or body.lstrip()[:1] == b"{"


def check_xml(url, body, content_type):
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    if parsed.bozo:
        raise FeedProblem(f"bozo: {type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}")
    if not parsed.version:
        raise FeedProblem("not a feed format feedparser knows")
    entries = parsed.entries
    if not entries:
        raise FeedProblem(f"{parsed.version} feed has no entries")
    for number, entry in enumerate(entries, 1):
        missing = [
            name
            for name, present in (
                ("id", entry.get("id")),
                ("link", entry.get("link")),
                ("date", entry.get("published_parsed") or entry.get("updated_parsed")),
            )
            if not present
        ]
        if missing:
            raise FeedProblem(f"entry {number} ({entry.get('title', '?')!r}) has no {', '.join(missing)}")
    return parsed.version, len(entries), parsed.feed.get("title", "")


def parse_date(value, where):
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (AttributeError, ValueError) as e:
        raise FeedProblem(f"{where} is not an RFC 3339 date: {value!r}") from e


def check_json(body):
    try:
        feed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FeedProblem(f"not JSON: {e}") from e
    if not isinstance(feed, dict) or feed.get("version") not in JSON_FEED_VERSIONS:
        raise FeedProblem("not a JSON Feed: no https://jsonfeed.org/version/1.x version")
    if not isinstance(feed.get("title"), str):
        raise FeedProblem("JSON Feed has no title")
    items = feed.get("items")
    if not isinstance(items, list) or not items:
        raise FeedProblem("JSON Feed has no items")
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise FeedProblem(f"item {number} has no id")
        if not isinstance(item.get("content_html", item.get("content_text")), str):
            raise FeedProblem(f"item {number} has neither content_html nor content_text")
        if not isinstance(item.get("url"), str):
            raise FeedProblem(f"item {number} has no url")
        for field in ("date_published", "date_modified"):
            if field in item:
                parse_date(item[field], f"item {number} {field}")
    return "json" + feed["version"].rsplit("/", 1)[1].replace(".", ""), len(items), feed["title"]


def check(url):
    body, content_type = fetch(url)
    if is_json(body, content_type):
        return check_json(body)
    return check_xml(url, body, content_type)


def main(urls):
    if not urls or any(u in ("-h", "--help") for u in urls):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failures = 0
    for url in urls:
        try:
            version, count, title = check(url)
            print(f"ok    {version:<7} {count:>3} entries  {url}  {title!r}")
        except FeedProblem as problem:
            failures += 1
            print(f"FAIL  {url}: {problem}")
    if failures:
        print(f"check-feeds: {failures} of {len(urls)} feeds failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
