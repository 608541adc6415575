"""The pure domain: statements, markings, grading, principals, entity building, audit events."""
