#!/usr/bin/env python3
"""Writes N synthetic blog posts (Markdown with YAML front matter) into OUT_DIR/posts/.

Every post has headings, fenced code blocks, a GFM table, bulleted and numbered lists, inline,
reference and auto links, emphasis, strikethrough, a block quote and footnotes, and is about
7 KB on average (5.3-8.5 KB). The output is a pure function of N and SEED: the generator uses its own PRNG
(SplitMix64), not Python's `random`, whose integer helpers may change between Python versions.
Dates run from 2019-01-01 two days apart, so every post is in the past.

Usage: make-corpus.py OUT_DIR [N=1000] [SEED=1]
Prints the corpus fingerprint (SHA-256 over file names and bytes) on stdout.
"""
import datetime
import hashlib
import os
import sys

WORDS = (
    "deploy server blog post java systemd service unit secret key ssh host release rollback "
    "migration database query page feed reader markdown render cache request latency "
    "throughput socket kernel process memory thread pool config option module profile "
    "activation health check version build index table column schema import export header "
    "buffer stream parser token footnote anchor heading snapshot handler route filter jetty "
    "javalin flyway postgres vacuum replica backup restore archive timer journal socket "
    "the a of to and in is it that for on with as was by this be are from or not but "
    "when then after before every each one two small large quick slow new old first last"
).split()
ACCENTED = ["café", "naïve", "façade", "déjà vu", "résumé", "Zürich", "smörgåsbord", "jalapeño"]
TAGS = WORDS[:48]
LANGS = ["java", "bash", "sql", "toml", "python", "yaml", "ini"]
TARGET_MIN, TARGET_MAX = 5100, 6900


class SplitMix64:
    """Small deterministic PRNG; the same seed gives the same stream on every Python."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        """An integer in [lo, hi]."""
        return lo + self.below(hi - lo + 1)

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def chance(self, percent):
        return self.below(100) < percent


# Posts are two days apart from this date; a larger corpus starts earlier, so that every post is
# in the past (a post dated later is scheduled: neither home-web nor Hugo publishes it). The
# 1,000-post corpus keeps its dates (and its fingerprint).
FIRST_DATE = datetime.date(2019, 1, 1)
LAST_DAY_OFFSET = 2500


def first_date(posts):
    return FIRST_DATE - datetime.timedelta(days=max(0, posts * 2 - LAST_DAY_OFFSET))


class Post:
    def __init__(self, rng, index, first=FIRST_DATE):
        self.rng = rng
        self.index = index
        self.first = first
        self.footnotes = []
        self.references = []

    def words(self, n):
        return [self.rng.choice(WORDS) for _ in range(n)]

    def sentence(self, lo=6, hi=18):
        words = self.words(self.rng.between(lo, hi))
        if self.rng.chance(8):
            words[self.rng.below(len(words))] = self.rng.choice(ACCENTED)
        if self.rng.chance(25):
            i = self.rng.below(len(words))
            words[i] = self.rng.choice(["*" + words[i] + "*", "**" + words[i] + "**",
                                        "`" + words[i] + "()`", "~~" + words[i] + "~~"])
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + self.rng.choice([".", ".", ".", "?", "!"])

    def paragraph(self, lo=3, hi=6):
        parts = [self.sentence() for _ in range(self.rng.between(lo, hi))]
        if self.rng.chance(40):
            parts.append(self.link())
        if self.rng.chance(35):
            parts[-1] = parts[-1] + self.footnote_ref()
        return " ".join(parts)

    def link(self):
        kind = self.rng.below(3)
        target = "/".join(self.words(2))
        label = " ".join(self.words(self.rng.between(1, 3)))
        if kind == 0:
            return f"See [{label}](https://example.org/{target}) for more."
        if kind == 1:
            ref = f"ref-{len(self.references) + 1}"
            self.references.append(f"[{ref}]: https://docs.example.com/{target} \"{label}\"")
            return f"The [{label}][{ref}] page explains it."
        return f"Details at https://www.example.net/{target}."

    def footnote_ref(self):
        n = len(self.footnotes) + 1
        self.footnotes.append(f"[^{n}]: {self.sentence(8, 20)}")
        return f"[^{n}]"

    def code_block(self):
        lang = self.rng.choice(LANGS)
        lines = []
        for _ in range(self.rng.between(5, 14)):
            a, b, c = self.words(3)
            lines.append(self.rng.choice([
                f'{a}_{b} = "{c}"  # {" ".join(self.words(4))}',
                f"if ({a} < {self.rng.below(100)}) {{ {b}.{c}(); }}",
                f"    {a}.{b}({c}, {self.rng.below(10000)}); // <{c}> & \"{a}\"",
                f"select {a}, {b} from {c} where id = {self.rng.below(500)};",
            ]))
        return f"```{lang}\n" + "\n".join(lines) + "\n```"

    def table(self):
        rows = ["| option | default | meaning |", "|:---|---:|---|"]
        for _ in range(self.rng.between(3, 7)):
            w = self.rng.choice(WORDS)
            rows.append(f"| `{w}` | {self.rng.below(9000)} | {self.sentence(4, 9)} |")
        return "\n".join(rows)

    def bullets(self):
        items = []
        for _ in range(self.rng.between(3, 6)):
            items.append("- " + self.sentence(4, 10))
            if self.rng.chance(20):
                items.append("  - " + self.sentence(3, 7))
        return "\n".join(items)

    def numbered(self):
        return "\n".join(f"{i}. {self.sentence(4, 10)}" for i in range(1, self.rng.between(3, 6) + 1))

    def quote(self):
        return "> " + self.sentence(8, 16) + "\n> " + self.sentence(6, 12)

    def heading(self, level):
        return "#" * level + " " + " ".join(self.words(self.rng.between(2, 5))).capitalize()

    def body(self, target):
        blocks = [self.paragraph()]
        # Each kind of block appears at least once, in a per-post order; then more until ~target.
        kinds = ["code", "table", "bullets", "numbered", "quote"]
        for i in range(len(kinds) - 1, 0, -1):
            j = self.rng.below(i + 1)
            kinds[i], kinds[j] = kinds[j], kinds[i]
        blocks.append(self.footnote_ref_sentence())
        while True:
            kind = kinds.pop(0) if kinds else self.rng.choice(
                ["code", "table", "bullets", "numbered", "quote", "text", "text"])
            blocks.append(self.heading(2 if self.rng.chance(75) else 3))
            blocks.append(self.paragraph())
            blocks.append({"code": self.code_block, "table": self.table, "bullets": self.bullets,
                           "numbered": self.numbered, "quote": self.quote,
                           "text": self.paragraph}[kind]())
            if not kinds and sum(len(b) + 2 for b in blocks) >= target:
                return blocks

    def footnote_ref_sentence(self):
        return self.sentence() + self.footnote_ref() + " " + self.link()

    def render(self):
        rng = self.rng
        target = rng.between(TARGET_MIN, TARGET_MAX)
        date = self.first + datetime.timedelta(days=self.index * 2)
        when = date.isoformat() if rng.chance(70) else f"{date.isoformat()}T{rng.below(24):02d}:{rng.below(60):02d}:00Z"
        tags = sorted({rng.choice(TAGS) for _ in range(rng.between(1, 4))})
        title = " ".join(w.capitalize() for w in self.words(rng.between(3, 7)))
        if rng.chance(10):
            title += ": " + rng.choice(ACCENTED)
        front = ["---", f'title: "{title}"', f"date: {when}", "tags: [" + ", ".join(tags) + "]",
                 f'summary: "{self.sentence(8, 16)}"']
        if rng.chance(15):
            front.append(f"updated: {(date + datetime.timedelta(days=rng.between(1, 30))).isoformat()}")
        front.append("---")
        header = "\n".join(front) + "\n"
        blocks = self.body(target - len(header))
        tail = []
        if self.references:
            tail.append("\n".join(self.references))
        tail.append("\n".join(self.footnotes))
        return header + "\n" + "\n\n".join(blocks + tail) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = os.path.join(sys.argv[1], "posts")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    fingerprint = hashlib.sha256()
    for i in range(n):
        name = f"post-{i:05d}.md"
        data = Post(SplitMix64(seed * 1_000_003 + i), i, first_date(n)).render().encode("utf-8")
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        fingerprint.update(name.encode() + b"\0" + data)
    print(fingerprint.hexdigest())


if __name__ == "__main__":
    main()
