"""`reportgen serve`: the web service for officers and their bureau.

app (routes, headers, limits) · store, store_documents, schema (SQLAlchemy Core; SQLite or a URL) ·
auth (argon2, sessions, CSRF, who sees which unit) · session_pages, pages, pages_document, bureau
(the pages) · forms, fields, datafile (the form read from the model; YAML edited keeping comments) ·
services, worker (check, build, compare, audit in worker processes) · imports, uploads, preview.
Imported by the serve command only, so that the other commands start without the web stack.
"""
