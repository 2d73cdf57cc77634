"""Commands that edit locale files for translators: scaffold a language, accept translations."""
