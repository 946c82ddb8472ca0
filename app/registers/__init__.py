"""The registers: drafts, numbering services and queries."""
