# MkDocs loads this file by path (mkdocs.yml, `hooks:`); the hooks live in the package.
from eventdocs.site.hooks import on_post_build, on_post_template, on_pre_build

__all__ = ["on_post_build", "on_post_template", "on_pre_build"]
