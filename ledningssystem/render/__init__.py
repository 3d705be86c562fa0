"""Pure renderers: validated models in, HTML/SVG/Markdown strings out."""
