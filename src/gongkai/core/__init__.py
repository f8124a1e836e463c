"""The cores everything leans on: organisations, staff, the working-day calendar,
statutory clocks and the audit ledger."""
