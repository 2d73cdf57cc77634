"""Site stage: how the generated docs meet MkDocs (hooks run by `mkdocs build` and `serve`)."""
