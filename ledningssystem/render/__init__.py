"""Markup helpers every renderer shares: Swedish formats, links, status badges, phone cards.

Also the one Jinja environment (templating) and the marks of finished HTML that skips
Markdown (finished_html). Pure: data in, strings out.
"""
