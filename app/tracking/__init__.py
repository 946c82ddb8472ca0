"""Deadlines on working days, follow-up, reports, statistics, Excel in and out."""
