"""Markup helpers every renderer shares: Swedish formats, links, status badges, phone cards.

Also the one Jinja environment (templating). Pure: data in, strings out.
"""
