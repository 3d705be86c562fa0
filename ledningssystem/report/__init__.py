"""The yearly kvalitetsberättelse built from data files in reports/<år>/.

load → check → compute figures → resolve narrative → render; no MkDocs here.
`report.load.load_reports` is called once from portal.load, so that report errors are
reported together with every other content error; the result is `Ledningssystem.reports`.
"""
