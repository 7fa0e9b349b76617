"""Third-party code kept in this repository, with its licence and our patches (see each folder's PATCHES.md)."""
