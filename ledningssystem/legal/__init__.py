"""The legal register at work: coverage of each krav, the year's law changes, lagbevakning.

Reads the validated register (core.model.requirement); imports only the core and render.
"""
