"""French texts of the Data page's uploads (replace or add, what is loaded), the demo banner and the
last upload, and the assumptions shown beside the figures, keyed by their English wording (merged
into locale_fr.FR)."""

FR_DATA: dict[str, str] = {
    # --- uploads: replace or add, what is loaded --------------------------------------------------
    "A new upload": "Un nouvel import",
    "Replaces the data loaded now": "Remplace les données chargées",
    "Is added to the files loaded now (client list, deals, activity log of one set)": (
        "S'ajoute aux fichiers chargés (liste de clients, affaires, activités d'un même ensemble)"
    ),
    "Replace: next month's file takes the place of this month's. Add: join a client list, deals or an activity log to the files loaded now.": (
        "Remplacer : le fichier du mois suivant prend la place de celui de ce mois. Ajouter : joindre une "
        "liste de clients, des affaires ou un historique des activités aux fichiers chargés."
    ),
    "{new} added to the files already loaded: the analysis now joins {files}.": (
        "{new} ajouté aux fichiers déjà chargés : l'analyse réunit maintenant {files}."
    ),
    "{new} replaced the data loaded before ({old}).": "{new} remplace les données chargées avant ({old}).",
    "The files could not be read. Export them again as CSV or .xlsx; if this keeps happening, send the file to support.": (
        "Les fichiers n'ont pas pu être lus. Exportez-les de nouveau en CSV ou .xlsx ; si cela se "
        "reproduit, envoyez le fichier au support."
    ),
    "This upload could not be kept for after a reload (the saved-analyses store is unavailable); it stays loaded in this tab.": (
        "Cet import n'a pas pu être conservé pour après un rechargement (la base des analyses enregistrées "
        "est indisponible) ; il reste chargé dans cet onglet."
    ),
    "**{name}** ({kind}, {rows} rows)": "**{name}** ({kind}, {rows} lignes)",
    "In this analysis: {files}. Together {rows} rows and {clients} clients in the portfolio.": (
        "Dans cette analyse : {files}. En tout {rows} lignes et {clients} clients dans le portefeuille."
    ),
    "In this analysis: the data of {source} ({clients} clients in the portfolio).": (
        "Dans cette analyse : les données de {source} ({clients} clients dans le portefeuille)."
    ),
    # --- the demo banner and the last upload --------------------------------------------------------
    "**This is the built-in demo, not your data.** Upload your own export on the Data page to analyse it.": (
        "**Ceci est la démonstration intégrée, pas vos données.** Chargez votre propre export sur la page "
        "Données pour l'analyser."
    ),
    "**This is the built-in demo, not your data.** Your last upload is kept: reopen it in one click.": (
        "**Ceci est la démonstration intégrée, pas vos données.** Votre dernier import est conservé : "
        "rouvrez-le en un clic."
    ),
    "Reopen {files} ({clients} clients, uploaded {when})": "Rouvrir {files} ({clients} clients, importé le {when})",
    "Your last upload is open again: {files}.": "Votre dernier import est rouvert : {files}.",
    "Your last upload could not be reopened. Upload the files again.": (
        "Votre dernier import n'a pas pu être rouvert. Chargez de nouveau les fichiers."
    ),
    "the last upload's file {name} fails its checksum": (
        "le fichier {name} du dernier import ne correspond pas à sa somme de contrôle"
    ),
    # --- assumptions beside the figures (Effort, Presentation, workbook, deck) ---------------------
    "Cost to serve at {cost} per hour of the team's time (your hourly cost).": (
        "Coût de service à {cost} par heure de travail de l'équipe (votre coût horaire)."
    ),
    "Cost to serve at {cost} per hour of the team's time: a default, not your figure. Set your hourly cost.": (
        "Coût de service à {cost} par heure de travail de l'équipe : une valeur par défaut, pas la vôtre. "
        "Indiquez votre coût horaire."
    ),
    "{cost} per hour (your figure)": "{cost} par heure (votre chiffre)",
    "{cost} per hour (default, not chosen)": "{cost} par heure (par défaut, non choisi)",
    "{n} clients cost more to serve than they bring, at {cost} per hour (your hourly cost): {lost} of profit lost.": (
        "{n} clients coûtent plus à servir qu'ils ne rapportent, à {cost} par heure (votre coût horaire) : "
        "{lost} de profit perdu."
    ),
    "{n} clients cost more to serve than they bring at the default {cost} per hour, an hourly cost nobody chose ({lost} of profit lost): set your own before letting anyone go.": (
        "{n} clients coûtent plus à servir qu'ils ne rapportent au coût horaire par défaut de {cost}, que "
        "personne n'a choisi ({lost} de profit perdu) : indiquez le vôtre avant de vous séparer de quiconque."
    ),
    "{type} {hours} h": "{type} {hours} h",
    "Activities logged without a duration count: {durations}.": (
        "Les activités enregistrées sans durée comptent : {durations}."
    ),
    "Prospects, former clients and partners are included in the figures.": (
        "Les prospects, anciens clients et partenaires sont inclus dans les chiffres."
    ),
    "Set aside (not in the figures): {prospects} prospect(s), {former} former client(s), {partners} partner(s).": (
        "Mis de côté (hors des chiffres) : {prospects} prospect(s), {former} ancien(s) client(s), "
        "{partners} partenaire(s)."
    ),
    "call": "appel",
    "email": "e-mail",
    "meeting": "réunion",
    "visit": "visite",
    "support ticket": "ticket de support",
    "other": "autre",
    "Assumption: hourly cost": "Hypothèse : coût horaire",
    "Assumption: durations": "Hypothèse : durées",
    "Assumption: who is out of scope": "Hypothèse : qui est hors périmètre",
    "Let-go advice rests on": "Le conseil de se séparer repose sur",
    "Cost to serve based on": "Coût de service calculé sur",
    "{cost} (default)": "{cost} (par défaut)",
    "Settings: default durations, quadrant lines": "Réglages : durées par défaut, lignes des quadrants",
    # --- the ingest's texts shown on the Data page (ui/ingest_text.py) ------------------------------
    "CSV, {separator}-separated, {encoding}": "CSV, séparateur {separator}, {encoding}",
    "Excel, sheet “{sheet}”": "Excel, feuille « {sheet} »",
    "{format} (assumed)": "{format} (supposé)",
    "YYYY-MM-DD": "AAAA-MM-JJ",
    "DD/MM/YYYY": "JJ/MM/AAAA",
    "MM/DD/YYYY": "MM/JJ/AAAA",
    "written dates (e.g. 12 Mar 2024)": "dates en toutes lettres (par ex. 12 mars 2024)",
    "(none)": "(aucune)",
    "(not set)": "(non renseigné)",
    "comma": "virgule",
    "semicolon": "point-virgule",
    "tab": "tabulation",
    "pipe": "barre verticale",
    "durations in “{column}” read as minutes and converted to hours": (
        "durées de « {column} » lues en minutes et converties en heures"
    ),
    "1 company of this file with no transaction (0 revenue)": (
        "1 entreprise de ce fichier sans transaction (chiffre d'affaires nul)"
    ),
    "{n} companies of this file with no transaction (0 revenue)": (
        "{n} entreprises de ce fichier sans transaction (chiffre d'affaires nul)"
    ),
    "1 client not in the client list (added, status from the deals)": (
        "1 client absent de la liste des clients (ajouté, statut tiré des affaires)"
    ),
    "{n} clients not in the client list (added, status from the deals)": (
        "{n} clients absents de la liste des clients (ajoutés, statut tiré des affaires)"
    ),
    "joined on “{column}”: the transactions name their clients the way this column does": (
        "rapprochement sur « {column} » : les transactions nomment leurs clients comme cette colonne"
    ),
    "row not used": "ligne non utilisée",
    "row used without this value": "ligne utilisée sans cette valeur",
    "client identifier is blank": "l'identifiant du client est vide",
    "amount is missing": "le montant manque",
    "amount is not a number": "le montant n'est pas un nombre",
    "amount is not a plausible number (NaN, infinite or over 10^15)": (
        "le montant n'est pas un nombre plausible (NaN, infini ou au-delà de 10^15)"
    ),
    "date not recognised": "date non reconnue",
    "margin is not a usable number": "la marge n'est pas un nombre utilisable",
    "duration is not a usable number of hours": "la durée n'est pas un nombre d'heures utilisable",
    "File": "Fichier",
    "Row": "Ligne",
    "Column": "Colonne",
    "Problem": "Problème",
    "Outcome": "Suite donnée",
    "won": "gagnée",
    "open": "en cours",
    "active": "actif",
    "prospect": "prospect",
    "former": "ancien client",
    "partner": "partenaire",
    # --- currency -----------------------------------------------------------------------------------
    "Currency": "Devise",
    "From the data": "Celle des données",
    "Amounts in {currency}, as the files write them.": "Montants en {currency}, comme l'indiquent les fichiers.",
    "The files name no currency: amounts are shown without one. Choose it in the sidebar.": (
        "Les fichiers n'indiquent aucune devise : les montants s'affichent sans. Choisissez-la dans la barre "
        "latérale."
    ),
    "Shown on every amount. The data's currency comes from the amounts or headers (€, $, £...).": (
        "Affichée sur chaque montant. La devise des données vient des montants ou des en-têtes (€, $, £...)."
    ),
}
