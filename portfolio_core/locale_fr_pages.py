"""French texts added for issue #13 on the analysis pages (history, the user's column names), keyed by
their English wording (merged into locale_fr.FR)."""

FR_PAGES: dict[str, str] = {
    " of revenue": " du chiffre d'affaires",
    "The dated sales run from {first} to {last}.": "Les ventes datées vont du {first} au {last}.",
    "Periods of up to {n} months fit: move the slider.": (
        "Des périodes de {n} mois au plus conviennent : déplacez le curseur."
    ),
    "A migration needs at least two periods of 3 months.": (
        "Une migration demande au moins deux périodes de 3 mois."
    ),
    "Not enough history to compare two periods of {months} months: every client would look new. "
    "{span} {fits}": (
        "Pas assez d'historique pour comparer deux périodes de {months} mois : tous les clients "
        "paraîtraient nouveaux. {span} {fits}"
    ),
    " of revenue; no activity log to weigh the time it takes": (
        " du chiffre d'affaires ; pas de journal d'activités pour mesurer le temps qu'il demande"
    ),
    "No activity log": "Pas de journal d'activités",
}
