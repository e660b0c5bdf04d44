"""Web pages for people, served by `corridor serve` beside the API: sign-in with the API's users
and roles, the export check with its timeline chart, the entry checklist, screening, licence
applications and licences, the news review queue and the audit log. Every asset is local.
`corridor.web.app.install(app)` mounts them on the API's application.
"""
