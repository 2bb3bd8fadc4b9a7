#!/usr/bin/env python3
"""Synthetic inputs for bench/scale.sh. Deterministic: the same arguments give
byte-identical files.

    gen.py book   --pages N   --out DIR [--seed S]
        DIR/careerbook  book.toml + content/            (YAML front matter: title, order)
        DIR/mdbook      book.toml + src/SUMMARY.md + src/**.md
        DIR/zola        config.toml + content/ (+++ TOML +++) + templates/
        DIR/hugo        config.toml + content/ (YAML: title, weight) + layouts/
    The same pages in each: about 4 KB of Markdown with headings, a task list, a
    table, a fenced code block, paragraphs and two links to other pages, spread over
    10-50 folders (parts).

    gen.py cohort --members N --out DIR --guide REPO [--seed S]
        DIR/book.toml, DIR/content/ (copied from REPO), and
        DIR/data/people/member-0001/{profile,relationships,progress}.yaml, ...
"""

import argparse
import datetime as dt
import os
import random
import re
import shutil

WORDS = """
mentor sponsor career goal network plan review feedback project result meeting
coffee message update leader manager team design research product launch skill
practice habit question answer story ambition promotion visibility credit advice
listen learn teach share ask offer thank introduce follow check rhythm quarter
month week calendar draft outline slide talk conference event community guild
chapter volunteer stretch role scope impact measure signal trust credibility
decision trade-off priority risk budget deadline stakeholder executive peer
colleague friend prospect contact active dormant warm cold honest specific
short clear brave patient generous curious steady careful open direct useful
""".split()

FIRST = """Ana Ben Chloe David Emma Farid Grace Hugo Ines Jonah Kira Liam Maya Noah
Olivia Pierre Quinn Rosa Sami Tara Umar Vera Wen Xavier Yara Zoe Amir Bea Caleb
Dina Eli Fatima Gabriel Hana Isaac Jade Karim Lea Marc Nina""".split()
LAST = """Arsenault Boudreau Chen Dubois Ekwueme Fraser Gagnon Haddad Ito Jensen
Kowalski Leblanc Martin Nguyen Okafor Patel Quesnel Roy Singh Tremblay Ueda
Valdez Wong Xu Yilmaz Zhang Lima Cormier Osei Park""".split()
REGIONS = ["atlantic", "quebec", "ontario", "prairies", "british-columbia",
           "north", "outside-canada"]
STAGES = ["prospect", "contacted", "active", "dormant"]
CHANNELS = ["linkedin", "email", "conference", "in-person"]
KINDS = ["coffee", "call", "email", "introduction", "update", "meeting"]
TODAY = dt.date(2026, 11, 24)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def sentence(rng):
    s = words(rng, rng.randint(8, 16))
    return s[0].upper() + s[1:] + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


# ---------------------------------------------------------------------------
# Books


class Page:
    def __init__(self, num, part, order, title):
        self.num = num          # 1-based, book-wide
        self.part = part        # 1-based
        self.order = order      # position in its part
        self.title = title
        self.stem = f"page-{num:05d}"
        self.dir = f"part-{part:02d}"


def plan_book(rng, n):
    parts = min(50, max(10, n // 50))
    pages = []
    for i in range(n):
        part = i * parts // n + 1
        order = pages[-1].order + 1 if pages and pages[-1].part == part else 1
        title = f"Page {i + 1}: {words(rng, 3).capitalize()}"
        pages.append(Page(i + 1, part, order, title))
    part_titles = [f"Part {p}: {words(rng, 2).capitalize()}" for p in range(1, parts + 1)]
    return parts, part_titles, pages


def page_body(rng, page, pages, link):
    """The Markdown body (no title heading, no front matter). `link(target,
    fragment)` writes the address of another page in the peer's own form."""
    a = pages[rng.randrange(len(pages))]
    b = pages[page.num % len(pages)]  # the next page (wraps)
    items = [f"{words(rng, rng.randint(4, 8)).capitalize()} ({page.num}.{k})"
             for k in range(1, rng.randint(3, 5) + 1)]
    rows = "\n".join(
        f"| {words(rng, 2)} | {rng.choice(FIRST)} | 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} | {rng.choice(['open', 'done', 'waiting'])} |"
        for _ in range(5))
    code = "\n".join([
        "fn score(meetings: &[Meeting]) -> u32 {",
        "    let mut total = 0;",
        "    for m in meetings {",
        f"        if m.kind == \"{rng.choice(KINDS)}\" {{",
        f"            total += {rng.randint(1, 9)};",
        "        }",
        "    }",
        "    total",
        "}",
    ])
    return f"""{paragraph(rng, 5)}

## Overview

{paragraph(rng, 3)} See [{a.title}]({link(a, "checklist")}) for the checklist it builds on.

{paragraph(rng, 4)}

### Why it matters

{paragraph(rng, 5)}

## Practice

{paragraph(rng, 5)}

### Questions to ask

{chr(10).join("- " + words(rng, rng.randint(6, 10)).capitalize() + "?" for _ in range(3))}

## Checklist

{chr(10).join("- [ ] " + t for t in items)}

## Reference

| Topic | Owner | Due | Status |
| --- | --- | --- | --- |
{rows}

## Example

```rust
{code}
```

## Notes

{paragraph(rng, 3)} Some of it is **worth repeating**, some *only once*, and
`cadence_days` is the field that sets the rhythm.

{paragraph(rng, 3)} Continue with [{b.title}]({link(b, None)}).
"""


def gen_book(n, out, seed):
    rng = random.Random(seed)
    parts, part_titles, pages = plan_book(rng, n)

    def md_link(src):
        def f(t, frag):
            rel = f"{t.stem}.md" if t.dir == src.dir else f"../{t.dir}/{t.stem}.md"
            return rel + (f"#{frag}" if frag else "")
        return f

    def pretty_link(src):  # Hugo and Zola: /part-03/page-00123/
        def f(t, frag):
            rel = f"../{t.stem}/" if t.dir == src.dir else f"../../{t.dir}/{t.stem}/"
            return rel + (f"#{frag}" if frag else "")
        return f

    # One random stream for the text; the links are written per peer from the same
    # choices, so the stream is replayed with the same seed for each form.
    def bodies_for(linker):
        r = random.Random(seed * 7919 + n)
        return {p.num: page_body(r, p, pages, linker(p)) for p in pages}

    home_text = paragraph(random.Random(seed + 1), 5)
    part_text = [paragraph(random.Random(seed + 100 + k), 3) for k in range(parts)]
    title = f"Synthetic book of {n} pages"

    # careerbook
    root = os.path.join(out, "careerbook")
    write(os.path.join(root, "book.toml"), f'[book]\ntitle = "{title}"\n')
    write(os.path.join(root, "content/index.md"), f"---\ntitle: Home\n---\n\n{home_text}\n")
    for k, t in enumerate(part_titles, 1):
        write(os.path.join(root, f"content/part-{k:02d}/index.md"),
              f"---\ntitle: \"{t}\"\norder: {k}\n---\n\n{part_text[k - 1]}\n")
    bodies = bodies_for(md_link)
    for p in pages:
        write(os.path.join(root, "content", p.dir, p.stem + ".md"),
              f"---\ntitle: \"{p.title}\"\norder: {p.order}\n---\n\n{bodies[p.num]}")

    # mdBook: no front matter; the title is the page's first heading and SUMMARY.md
    # gives the order.
    root = os.path.join(out, "mdbook")
    write(os.path.join(root, "book.toml"),
          f'[book]\ntitle = "{title}"\nsrc = "src"\n\n[output.html]\n\n'
          '[output.html.search]\nenable = false\n')
    summary = ["# Summary", "", "[Home](index.md)", ""]
    write(os.path.join(root, "src/index.md"), f"# Home\n\n{home_text}\n")
    for k, t in enumerate(part_titles, 1):
        summary.append(f"- [{t}](part-{k:02d}/index.md)")
        write(os.path.join(root, f"src/part-{k:02d}/index.md"), f"# {t}\n\n{part_text[k - 1]}\n")
        for p in pages:
            if p.part == k:
                summary.append(f"  - [{p.title}]({p.dir}/{p.stem}.md)")
                write(os.path.join(root, "src", p.dir, p.stem + ".md"),
                      f"# {p.title}\n\n{bodies[p.num]}")
    write(os.path.join(root, "src/SUMMARY.md"), "\n".join(summary) + "\n")

    bodies = bodies_for(pretty_link)

    # Zola
    root = os.path.join(out, "zola")
    write(os.path.join(root, "config.toml"),
          f'base_url = "/"\ntitle = "{title}"\ncompile_sass = false\n'
          'build_search_index = false\n\n'
          # Zola 0.22 refuses the old highlight_code key; without
          # [markdown.highlighting] it leaves code unhighlighted, like the others.
          '[markdown]\nsmart_punctuation = true\n')
    write(os.path.join(root, "content/_index.md"),
          f'+++\ntitle = "Home"\nsort_by = "weight"\n+++\n\n{home_text}\n')
    for k, t in enumerate(part_titles, 1):
        write(os.path.join(root, f"content/part-{k:02d}/_index.md"),
              f'+++\ntitle = "{t}"\nweight = {k}\nsort_by = "weight"\n+++\n\n{part_text[k - 1]}\n')
    for p in pages:
        write(os.path.join(root, "content", p.dir, p.stem + ".md"),
              f'+++\ntitle = "{p.title}"\nweight = {p.order}\n+++\n\n{bodies[p.num]}')
    head = ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<title>{{ %s.title }} - {{ config.title }}</title></head><body>\n'
            '<nav><a href="{{ get_url(path="/") }}">{{ config.title }}</a></nav>\n')
    write(os.path.join(root, "templates/page.html"),
          head % "page" +
          '<main><h1>{{ page.title }}</h1>\n'
          '<ul>{% for h in page.toc %}<li><a href="#{{ h.id }}">{{ h.title }}</a></li>{% endfor %}</ul>\n'
          '{{ page.content | safe }}</main>\n'
          '<nav>{% if page.lower %}<a href="{{ page.lower.permalink }}">{{ page.lower.title }}</a>{% endif %}\n'
          '{% if page.higher %}<a href="{{ page.higher.permalink }}">{{ page.higher.title }}</a>{% endif %}</nav>\n'
          '</body></html>\n')
    section = (head % "section" +
               '<main><h1>{{ section.title }}</h1>{{ section.content | safe }}\n'
               '<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}'
               '<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}\n'
               '{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>\n'
               '</main></body></html>\n')
    write(os.path.join(root, "templates/section.html"), section)
    write(os.path.join(root, "templates/index.html"), section)

    # Hugo
    root = os.path.join(out, "hugo")
    write(os.path.join(root, "config.toml"),
          f'baseURL = "/"\ntitle = "{title}"\nrelativeURLs = true\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n\n'
          '[markup.highlight]\ncodeFences = false\n\n'
          '[markup.tableOfContents]\nstartLevel = 2\nendLevel = 3\n')
    write(os.path.join(root, "content/_index.md"), f"---\ntitle: Home\n---\n\n{home_text}\n")
    for k, t in enumerate(part_titles, 1):
        write(os.path.join(root, f"content/part-{k:02d}/_index.md"),
              f"---\ntitle: \"{t}\"\nweight: {k}\n---\n\n{part_text[k - 1]}\n")
    for p in pages:
        write(os.path.join(root, "content", p.dir, p.stem + ".md"),
              f"---\ntitle: \"{p.title}\"\nweight: {p.order}\n---\n\n{bodies[p.num]}")
    head = ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<title>{{ .Title }} - {{ .Site.Title }}</title></head><body>\n'
            '<nav><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></nav>\n')
    write(os.path.join(root, "layouts/_default/single.html"),
          head + '<main><h1>{{ .Title }}</h1>\n{{ .TableOfContents }}\n{{ .Content }}</main>\n'
          '<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n'
          '{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>\n'
          '</body></html>\n')
    lst = (head + '<main><h1>{{ .Title }}</h1>{{ .Content }}\n<ul>'
           '{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}\n'
           '{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n'
           '</main></body></html>\n')
    write(os.path.join(root, "layouts/_default/list.html"), lst)
    write(os.path.join(root, "layouts/index.html"), lst)


# ---------------------------------------------------------------------------
# Cohorts


def date_between(rng, a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gen_cohort(n, out, guide, seed):
    rng = random.Random(seed)
    shutil.copy(os.path.join(guide, "book.toml"), os.path.join(out, "book.toml"))
    shutil.copytree(os.path.join(guide, "content"), os.path.join(out, "content"))
    with open(os.path.join(guide, "content/action-plan.md"), encoding="utf-8") as f:
        plan_ids = re.findall(r"^- \[[ x]\] .*\{#([a-z0-9-]+)\}\s*$", f.read(), re.M)
    if not plan_ids:
        raise SystemExit("gen.py: no plan item ids in content/action-plan.md")
    for m in range(1, n + 1):
        mid = f"member-{m:04d}"
        base = os.path.join(out, "data/people", mid)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        plan_start = date_between(rng, dt.date(2025, 12, 1), dt.date(2026, 9, 1))
        write(os.path.join(base, "profile.yaml"), "\n".join([
            f"name: {name}",
            f"role: {words(rng, 2).capitalize()} lead",
            f"organisation: {rng.choice(LAST)} {rng.choice(['Health', 'Bank', 'Labs', 'Studio'])}",
            f"email: {mid}@example.org",
            f"region: {rng.choice(REGIONS)}",
            f"plan_start: {plan_start}",
            "goals:",
            f"  - {sentence(rng)}",
            f"  - {sentence(rng)}",
            "ambitions:",
            f"  - {sentence(rng)}",
            "",
        ]))
        people = []
        used = set()
        for k in range(rng.randint(3, 6)):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            pid = f"{first}-{last}".lower()
            while pid in used:
                pid += "-x"
            used.add(pid)
            role = "mentor" if k % 2 == 0 else "sponsor"
            log_dates = sorted(date_between(rng, dt.date(2026, 1, 5), TODAY - dt.timedelta(days=1))
                               for _ in range(rng.randint(1, 4)))
            lines = [
                f"  - id: {pid}",
                f"    name: {first} {last}",
                f"    role: {role}",
                f"    stage: {rng.choice(STAGES)}",
                f"    title: {words(rng, 2).capitalize()} director",
                f"    organisation: {rng.choice(LAST)} Group",
                f"    email: {pid}@example.com",
                # Fixed text, so the random stream (and every other value) stays
                # as it was before the drafts asked for these.
                "    met: the regional leadership forum",
                f"    channel: {rng.choice(CHANNELS)}",
                f"    cadence_days: {rng.choice([30, 45, 60, 90])}",
                f"    last_contact: {log_dates[-1]}",
                f"    next_step: {yaml_str(sentence(rng))}",
                f"    next_step_due: {date_between(rng, TODAY - dt.timedelta(days=20), TODAY + dt.timedelta(days=60))}",
                "    outreach:",
            ]
            for key in ["topic", "their_work", "challenge", "mutual_connection", "event",
                        "project", "result", "ask"]:
                lines.append(f"      {key}: {yaml_str(words(rng, 5))}")
            lines.append("      new_role: director of client programs")
            lines.append("    log:")
            for d in log_dates:
                lines += [
                    f"      - date: {d}",
                    f"        kind: {rng.choice(KINDS)}",
                    f"        summary: {yaml_str(sentence(rng))}",
                    f"        gave: {'true' if rng.random() < 0.3 else 'false'}",
                ]
            lines.append(f"    notes: {yaml_str('PRIVATE-NOTE ' + mid + ' ' + words(rng, 6))}")
            if rng.random() < 0.1:
                lines.append("    private: true")
            people.append("\n".join(lines))
        write(os.path.join(base, "relationships.yaml"), "people:\n" + "\n\n".join(people) + "\n")
        done = sorted(rng.sample(plan_ids, rng.randint(2, min(8, len(plan_ids)))),
                      key=plan_ids.index)
        dates = sorted(date_between(rng, plan_start, TODAY - dt.timedelta(days=1)) for _ in done)
        write(os.path.join(base, "progress.yaml"),
              "done:\n" + "".join(f"  {i}: {d}\n" for i, d in zip(done, dates)))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    b = sub.add_parser("book")
    b.add_argument("--pages", type=int, required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--seed", type=int, default=1)
    c = sub.add_parser("cohort")
    c.add_argument("--members", type=int, required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--guide", required=True)
    c.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if os.path.exists(a.out) and os.listdir(a.out):
        raise SystemExit(f"gen.py: {a.out} is not empty")
    os.makedirs(a.out, exist_ok=True)
    if a.what == "book":
        gen_book(a.pages, a.out, a.seed)
    else:
        gen_cohort(a.members, a.out, a.guide, a.seed)


if __name__ == "__main__":
    main()
