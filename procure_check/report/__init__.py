"""Renderers: one `Report` model, many output formats."""
