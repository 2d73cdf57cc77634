"""Write stage: put rendered files on disk atomically, touching only what changed."""
