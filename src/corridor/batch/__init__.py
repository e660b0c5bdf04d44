"""Batch runners: many order lines through the same pure engines, each distinct question once."""
