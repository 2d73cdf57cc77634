"""Check stage: findings about translations, markup, generated files and examples."""
