"""French texts of the KPIs page, keyed by their English wording (merged into locale_fr.FR)."""

FR_KPIS: dict[str, str] = {}
