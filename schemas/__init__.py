"""JSON Schema files generated from summarizer.records (see `make schemas`)."""
