"""Pure extraction functions over a parsed spaCy `Doc`, one module per job."""
