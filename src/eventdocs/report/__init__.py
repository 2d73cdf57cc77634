"""Report stage: findings → human text, JSON, GitHub workflow commands, or SARIF."""
