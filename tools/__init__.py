"""The book's tooling, run from the repository root as modules: ``python -m tools.<name>``.

    python -m tools.bilingual check|generate|stamp   # the bilingual sources (book/src) and their twins
    python -m tools.execute [SRC…]                   # generate + execute book/id and book/en
    python -m tools.authoring refresh [SRC…]         # exercises' options, hints, solutions from the registry
    python -m tools.new_chapter p2-09-x "Judul" "Title"   # a new chapter's skeleton, wired in everywhere
    python -m tools.glossary [--check]               # the glossary pages
    python -m tools.readme [--check]                 # README.md's chapter table
    python -m tools.language_audit                   # which language each notebook speaks
    python -m tools.check_data                       # the data sets the tests read
    python -m tools.reader_env WHEEL colab           # the readers' environment
    python -m tools.audit.audit                      # `make audit`

``tools.words`` holds every word the tooling writes into a chapter (both languages).
"""
