"""SPEC.md's "Output tables", written out by hand: the contract the models must match."""

PROVENANCE = ["doc_id", "article_id", "text", "sentence", "start", "end"]
SPEC_COLUMNS = {
    "documents": ["doc_id", "article_id", "path", "title", "published", "source", "authors", "script",
                  "n_chars", "province", "city", "county", "county_code", "article_text"],
    "villages": PROVENANCE + ["name", "town", "county", "city", "province", "status", "mentions"],
    "cooperatives": PROVENANCE + ["name", "village", "town", "county", "led_by", "model", "households",
                                  "land_mu"],
    "projects": PROVENANCE + ["name", "category", "village", "town", "county", "investment_yuan", "scale"],
    "amounts": PROVENANCE + ["value_yuan", "value_max_yuan", "approx", "per", "role", "year", "village",
                             "cooperative", "project", "status", "repeat", "county", "province"],
    "household_counts": PROVENANCE + ["value", "value_max", "unit", "group", "poor", "approx", "village",
                                      "cooperative", "project", "status", "repeat", "county", "province"],
    "quantities": PROVENANCE + ["value", "value_max", "unit", "kind", "approx", "object"],
}
