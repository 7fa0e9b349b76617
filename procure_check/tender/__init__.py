"""Tender documents: requirements with their modality, and what they demand."""
