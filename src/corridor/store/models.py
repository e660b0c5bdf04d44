"""Imports every module that declares tables, so Alembic and tests see the whole schema."""
