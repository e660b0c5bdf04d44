"""Web pages for people: the export check, the entry checklist and the timeline, read-only.

They show public rule packs only (no applications, licences or lists), so they need no token;
everything private stays behind the authenticated API.
"""

from corridor.web.pages import router

__all__ = ["router"]
