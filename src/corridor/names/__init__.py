"""Reading names written in any script into Latin forms: the layer below the engines.

Korean (Hangul, and Hanja read as Korean), Japanese and Chinese readers, the Korean surname
table, legal forms and script detection. Screening and news both read names through here, so
a party is spelled the same way wherever corridor meets it.
"""
