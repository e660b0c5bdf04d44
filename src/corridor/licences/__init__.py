"""Licence applications from draft to the authority's decision, and drawdown against licences.

The rules live here as pure functions over pydantic values (`forms`, `workflow`, `drawdown`,
`review`); `service` is the one place that runs them inside a database transaction together
with the audit entry, so the CLI and the API share every step.
"""
