"""Diagrams as inline SVG with their text alternatives: process maps, landscape, årshjul, RACI.

Pure: validated models in, markup out. flow (the graph) → map_layout (geometry) →
map_routes (arrows) → process_map (SVG + text) runs one way; nothing here reads files or
runs Git.
"""
