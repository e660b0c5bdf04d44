"""News and notices → people, organisations and dated, typed events linked to the packs.

Pure functions of text, packs and a publication date: `ingest` turns bytes into an article,
`report.report_article` strings dates, entities, events, figure checks and pack links together,
and `overlay.news_rows` puts the events on the country-pair timeline. Reading files is the
shell's job (`corridor.cli.news`).
"""
