"""The whole portal's content, loaded and checked once: handbook, berättelse, facts, links.

`load_content` reads the handbook (core.load), the berättelse (report.load), then checks
facts, raw HTML and every link against the pages the content makes, so that `check` and
the build report every problem of a run together. Also the JSON Schemas of every file.
"""
