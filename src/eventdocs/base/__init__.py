"""Primitives every stage shares: atomic writes, bounded reads, staying inside the project."""
