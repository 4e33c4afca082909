"""French texts, keyed by their English wording (see portfolio_core.i18n)."""

FR: dict[str, str] = {
    # measures, classes, navigation
    "revenue": "chiffre d'affaires",
    "margin": "montant de marge",  # masculine, so "du {measure}" reads right
    "Revenue": "Chiffre d'affaires",
    "Margin": "Marge",
    "Effort": "Effort",
    "Measure": "Mesure",
    "Data": "Données",
    "ABC analysis": "Analyse ABC",
    "Effort vs revenue": "Effort et chiffre d'affaires",
    "KPIs": "Indicateurs",
    "Segments": "Segments",
    "Account managers": "Commerciaux",
    "Clients": "Clients",
    "Presentation": "Présentation",
    "Saved analyses": "Analyses enregistrées",
    "Export": "Export",
    "new": "nouveau",
    "lost": "perdu",
    # sidebar
    "Classes": "Classes",
    "A cut-off (%)": "Seuil A (%)",
    "B cut-off (%)": "Seuil B (%)",
    "Clients that make the first A % of revenue are class A.": (
        "Les clients qui font les premiers A % du chiffre d'affaires sont en classe A."
    ),
    "The next clients, up to B % of revenue, are class B; the rest are C.": (
        "Les clients suivants, jusqu'à B % du chiffre d'affaires, sont en classe B ; les autres en C."
    ),
    "Rank clients by": "Classer les clients par",
    "ABC rule": "Règle ABC",
    "Share before the client (recommended)": "Part avant le client (recommandé)",
    "Spreadsheet convention (cumulative share including the client)": (
        "Convention tableur (part cumulée client compris)"
    ),
    "Recommended: a client is A when the clients above it make less than A % of revenue, so the top "
    "client is always A and equal clients share a class. The spreadsheet convention matches old Excel "
    "sheets.": (
        "Recommandé : un client est A quand les clients au-dessus de lui font moins de A % du chiffre "
        "d'affaires ; le premier client est donc toujours A et des clients égaux ont la même classe. La "
        "convention tableur reproduit les anciens fichiers Excel."
    ),
    "Filters": "Filtres",
    "All": "Tous",
    "Rank within the selection": "Classer au sein de la sélection",
    "Off: a client's class is computed on the whole portfolio, so an A client stays A when you filter. "
    "On: the selected clients are ranked among themselves.": (
        "Désactivé : la classe d'un client est calculée sur tout le portefeuille, un client A reste A quand "
        "vous filtrez. Activé : les clients sélectionnés sont classés entre eux."
    ),
    "Language / Langue": "Language / Langue",
    # shared descriptions
    "{n} clients ranked by revenue": "{n} clients classés par chiffre d'affaires",
    "{n} clients ranked by margin": "{n} clients classés par marge",
    "A up to {a} %, B up to {b} %": "A jusqu'à {a} %, B jusqu'à {b} %",
    "ranked within the selection": "classés au sein de la sélection",
    "classes from the whole portfolio": "classes calculées sur tout le portefeuille",
    "filtered ({filters}), {mode}": "filtré ({filters}), {mode}",
    "prospects, former clients and partners included": "prospects, anciens clients et partenaires inclus",
    "No client matches the filters. Clear some filters in the sidebar.": (
        "Aucun client ne correspond aux filtres. Retirez des filtres dans la barre latérale."
    ),
    "No client has a positive {measure} in this selection, so there is nothing to rank. Rank by revenue, "
    "clear some filters, or load other data on the Data page.": (
        "Aucun client n'a de {measure} positif dans cette sélection : il n'y a rien à classer. Classez par "
        "chiffre d'affaires, retirez des filtres ou chargez d'autres données dans la page Données."
    ),
    # column labels
    "Sector": "Secteur",
    "Size": "Taille",
    "Contract type": "Type de contrat",
    "Account manager": "Commercial",
    "Region": "Région",
    "Cac (range)": "Coût d'acquisition (tranche)",
    "Potential (range)": "Potentiel (tranche)",
    "Name": "Nom",
    "Status": "Statut",
    "Cac": "Coût d'acquisition",
    "Potential": "Potentiel",
    "Start date": "Date de début",
    "Date": "Date",
    "Amount": "Montant",
    "Stage": "Étape",
    "Product": "Produit",
    "Type": "Type",
    "Hours": "Heures",
    # ABC page
    "{cls} clients": "Clients {cls}",
    "{clients} of clients · {value} of {measure} ({share})": (
        "{clients} des clients · {value} de {measure} ({share})"
    ),
    "{n} clients with zero or negative {measure} are counted in C.": (
        "{n} clients avec un {measure} nul ou négatif sont comptés en C."
    ),
    "Clients by class": "Clients par classe",
    "Client": "Client",
    "Rank": "Rang",
    "Share": "Part",
    "Cumulative share": "Part cumulée",
    "Class": "Classe",
    "Note": "Remarque",
    "no net revenue": "pas de CA net",
    "Search clients": "Rechercher des clients",
    "Client, name, sector…": "Client, nom, secteur…",
    "Classes shown": "Classes affichées",
    "Download the class table (CSV)": "Télécharger le tableau des classes (CSV)",
    "Showing the first {shown} of {total} clients by rank: search above, or download the whole table.": (
        "Affichage des {shown} premiers clients sur {total} par rang : cherchez ci-dessus ou téléchargez le "
        "tableau complet."
    ),
    # charts
    "Pareto curve: cumulative share of {measure}": "Courbe de Pareto : part cumulée du {measure}",
    "Clients ranked by {measure} (share of clients)": "Clients classés par {measure} (part des clients)",
    "Cumulative share of {measure}": "Part cumulée du {measure}",
    "Share of clients": "Part des clients",
    "{cls} cut-off {pct}": "Seuil {cls} {pct}",
    "Effort (hours)": "Effort (heures)",
    "Profit after cost to serve": "Profit après coût de service",
    "Quadrant": "Quadrant",
    "{measure} against effort, one point per client": "{measure} et effort, un point par client",
    "{measure} against effort: the largest clients one by one, {n} smaller ones in groups": (
        "{measure} et effort : les plus gros clients un par un, {n} plus petits regroupés"
    ),
    "{n} clients (grouped)": "{n} clients (regroupés)",
    "Share of clients (each curve ranked by itself)": "Part des clients (chaque courbe classée par elle-même)",
    "Who makes the revenue, who takes the time": "Qui fait le chiffre d'affaires, qui prend le temps",
    "Clients ranked by profit (share of clients)": "Clients classés par profit (part des clients)",
    "Cumulative profit after cost to serve": "Profit cumulé après coût de service",
    "Cumulative profit": "Profit cumulé",
    "Peak: the clients after it lose money": "Sommet : les clients au-delà font perdre de l'argent",
    "Whale curve": "Courbe de la baleine",
    "Segment": "Segment",
    "Earlier period": "Période précédente",
    "Later period": "Période suivante",
    "From": "De",
    "To": "Vers",
    "Revenue before": "Chiffre d'affaires avant",
    "Revenue after": "Chiffre d'affaires après",
    "Class migration (clients)": "Migration de classe (clients)",
    # quadrants and actions
    "Develop": "Développer",
    "Keep": "Garder",
    "Serve cheaper": "Servir à moindre coût",
    "Reconsider": "Reconsidérer",
    "Retain and delight; ask for a referral, a testimonial or a case study": (
        "Fidéliser et enchanter ; demander une recommandation, un témoignage ou une étude de cas"
    ),
    "Retain: secure the relationship": "Fidéliser : sécuriser la relation",
    "Develop: unmet potential": "Développer : potentiel non exploité",
    "Develop: grow the share of wallet": "Développer : augmenter la part de portefeuille",
    "Reprice or let go: costs more than it brings": "Revoir le prix ou se séparer : coûte plus qu'il ne rapporte",
    "Serve more cheaply: fewer visits, remote contact": (
        "Servir à moindre coût : moins de visites, contact à distance"
    ),
    "Light touch: no extra time": "Suivi léger : pas de temps en plus",
    " of revenue, bought in ": " du chiffre d'affaires, achats sur ",
    " year(s)": " an(s)",
    " a year of potential not yet sold": " par an de potentiel pas encore vendu",
    "mid-sized client; no potential column to size the gap": (
        "client de taille moyenne ; pas de colonne de potentiel pour mesurer l'écart"
    ),
    " h of effort for ": " h d'effort pour ",
    " of margin (profit ": " de marge (profit ",
    # effort page
    "This page needs an activity log: one row per call, meeting, visit or e-mail with the client, the "
    "date, the type and (if you have it) the duration in hours. Upload it on the Data page together with "
    "your sales, or a client list with an effort (hours) column.": (
        "Cette page a besoin d'un historique des activités : une ligne par appel, réunion, visite ou e-mail "
        "avec le client, la date, le type et (si vous l'avez) la durée en heures. Chargez-le dans la page "
        "Données avec vos ventes, ou une liste de clients avec une colonne d'effort (heures)."
    ),
    "Settings: hourly cost, default durations, quadrant lines": (
        "Réglages : coût horaire, durées par défaut, lignes des quadrants"
    ),
    "Hourly cost": "Coût horaire",
    "Quadrant line: {measure}": "Ligne de quadrant : {measure}",
    "Quadrant line: hours": "Ligne de quadrant : heures",
    "median": "médiane",
    "Durations used when the log gives none (hours per activity):": (
        "Durées utilisées quand l'historique n'en donne pas (heures par activité) :"
    ),
    "Activity type": "Type d'activité",
    "No client has a positive {measure}: nothing to compare the effort with.": (
        "Aucun client n'a de {measure} positif : rien à comparer à l'effort."
    ),
    "The activity log has no hours for the clients in the portfolio: check the duration column.": (
        "L'historique des activités n'a pas d'heures pour les clients du portefeuille : vérifiez la colonne "
        "de durée."
    ),
    "Total effort (hours)": "Effort total (heures)",
    "Cost to serve": "Coût de service",
    "Hours × {cost} per hour": "Heures × {cost} de l'heure",
    "Clients taking 80 % of effort": "Clients : 80 % de l'effort",
    "Share of clients that consume 80 % of the hours": "Part des clients qui consomment 80 % des heures",
    "Clients making 80 % of {measure}": "Clients : 80 % du {measure}",
    "**{effort} of clients consume 80 % of the effort**; {revenue} make 80 % of the {measure}. Only "
    "{overlap} of the {top} clients who take the most time are also among those who make the most "
    "{measure}.": (
        "**{effort} des clients consomment 80 % de l'effort** ; {revenue} font 80 % du {measure}. Seuls "
        "{overlap} des {top} clients qui prennent le plus de temps sont aussi parmi ceux qui font le plus de "
        "{measure}."
    ),
    "Client: {name}": "Client : {name}",
    "Click a point to see the client's figures.": "Cliquez sur un point pour voir les chiffres du client.",
    "Quadrant lines at {revenue} of {measure} and {hours} hours. Develop: high value for little time. "
    "Keep: worth the time. Serve cheaper: small and cheap to serve. Reconsider: small but "
    "time-consuming.": (
        "Lignes des quadrants à {revenue} de {measure} et {hours} heures. Développer : beaucoup de valeur pour "
        "peu de temps. Garder : vaut le temps passé. Servir à moindre coût : petit et peu coûteux. "
        "Reconsidérer : petit mais chronophage."
    ),
    " (no margin column: profit is revenue minus cost to serve)": (
        " (pas de colonne de marge : le profit est le chiffre d'affaires moins le coût de service)"
    ),
    "{n} clients cost more to serve than they bring{note}: together {lost} of profit lost.": (
        "{n} clients coûtent plus à servir qu'ils ne rapportent{note} : ensemble, {lost} de profit perdu."
    ),
    "Per class": "Par classe",
    "{measure} share": "Part du {measure}",
    "Effort share": "Part de l'effort",
    "{measure} per hour": "{measure} par heure",
    "What if": "Et si",
    "Scenario": "Scénario",
    "Serve C clients with less time": "Servir les clients C avec moins de temps",
    "Let go of clients below a profit threshold": "Se séparer des clients sous un seuil de profit",
    "Time cut for C clients (%)": "Réduction du temps pour les clients C (%)",
    "Profit threshold": "Seuil de profit",
    "Hours freed": "Heures libérées",
    "Cost saved": "Coût économisé",
    "{measure} at risk": "{measure} en jeu",
    "Margin at risk": "Marge en jeu",
    "{n} clients concerned.": "{n} clients concernés.",
    "Profit": "Profit",
    "Action list": "Plan d'action",
    "Action": "Action",
    "Why": "Pourquoi",
    "Download the action list (CSV)": "Télécharger le plan d'action (CSV)",
    # segments page
    "Your data has no client attributes to segment by. Upload a client list with columns such as sector, "
    "size, contract type, region or account manager.": (
        "Vos données n'ont pas d'attribut client pour segmenter. Chargez une liste de clients avec des "
        "colonnes comme secteur, taille, type de contrat, région ou commercial."
    ),
    "Compare segments by": "Comparer les segments par",
    "Clients per class": "Clients par classe",
    "{measure} per class": "{measure} par classe",
    "Compare the segments": "Comparer les segments",
    "Share of total": "Part du total",
    "Share of effort": "Part de l'effort",
    "Largest client's weight": "Poids du plus gros client",
    "Share of A clients": "Part de clients A",
    "Crossed ABC matrix: revenue class × potential class": (
        "Matrice ABC croisée : classe de chiffre d'affaires × classe de potentiel"
    ),
    "Needs a potential column in the client list (the revenue each client could bring per year).": (
        "Il faut une colonne de potentiel dans la liste des clients (le chiffre d'affaires que chaque client "
        "pourrait apporter par an)."
    ),
    "Potential A cut-off (%)": "Seuil A du potentiel (%)",
    "Potential B cut-off (%)": "Seuil B du potentiel (%)",
    "The potential B cut-off must be above the A cut-off.": "Le seuil B du potentiel doit dépasser le seuil A.",
    "Revenue class": "Classe de CA",
    "Clients (rows: revenue class, columns: potential class)": (
        "Clients (lignes : classe de chiffre d'affaires, colonnes : classe de potentiel)"
    ),
    "Unmet potential per year (potential minus revenue per year)": (
        "Potentiel non exploité par an (potentiel moins chiffre d'affaires annuel)"
    ),
    "Core clients to keep": "Clients clés à fidéliser",
    "Clients to develop": "Clients à développer",
    "Clients to serve economically": "Clients à servir économiquement",
    "Unmet potential {value} per year": "Potentiel non exploité : {value} par an",
    "Develop: the potential class is above the revenue class. Serve economically: C on both. Keep: the "
    "rest, whose revenue already matches their potential.": (
        "À développer : la classe de potentiel dépasse la classe de chiffre d'affaires. À servir "
        "économiquement : C sur les deux. À fidéliser : les autres, dont le chiffre d'affaires correspond déjà "
        "au potentiel."
    ),
    "Class migration between two periods": "Migration de classe entre deux périodes",
    "Needs dated sales (a date column in the invoices or deals).": (
        "Il faut des ventes datées (une colonne de date dans les factures ou les affaires)."
    ),
    "Period length (months)": "Durée de la période (mois)",
    "Earlier: {s1} – {e1} · later: {s2} – {e2} · classes computed in each period with A up to {a} %, B "
    "up to {b} %.": (
        "Avant : {s1} – {e1} · après : {s2} – {e2} · classes calculées sur chaque période avec A jusqu'à "
        "{a} %, B jusqu'à {b} %."
    ),
    "**{n} clients dropped a class or stopped buying** (an early churn signal):": (
        "**{n} clients ont perdu une classe ou ont cessé d'acheter** (un signe précoce d'attrition) :"
    ),
    "Before": "Avant",
    "After": "Après",
    # managers page
    "Needs an account manager column (owner, commercial, sales rep...) in the client list or the deals. "
    "Upload it on the Data page.": (
        "Il faut une colonne de commercial (propriétaire, chargé de compte...) dans la liste des clients ou "
        "les affaires. Chargez-la dans la page Données."
    ),
    "Share of the portfolio": "Part du portefeuille",
    "A clients": "clients A",
    "hours of effort": "heures d'effort",
    "{name} holds {value} {noun}, {ratio}x the median of the others ({median}): consider handing some "
    "over.": (
        "{name} a {value} {noun}, {ratio} fois la médiane des autres ({median}) : envisagez d'en confier "
        "une partie."
    ),
    "No manager holds far more A clients or hours than the others (more than 1.5 × the median).": (
        "Aucun commercial n'a beaucoup plus de clients A ou d'heures que les autres (plus de 1,5 × la "
        "médiane)."
    ),
    "One manager's book": "Le portefeuille d'un commercial",
    "{name} has no client with a positive {measure} in this selection.": (
        "{name} n'a aucun client avec un {measure} positif dans cette sélection."
    ),
    "A clients (whole portfolio)": "Clients A (tout le portefeuille)",
    "{name}: Pareto curve of the book": "{name} : courbe de Pareto du portefeuille",
    "Upload an activity log to see this book's effort against revenue.": (
        "Chargez un historique des activités pour voir l'effort de ce portefeuille face au chiffre d'affaires."
    ),
    # clients page
    "Name, ID, sector, manager…": "Nom, identifiant, secteur, commercial…",
    "{n} clients. Click a row to open the client's card.": (
        "{n} clients. Cliquez sur une ligne pour ouvrir la fiche du client."
    ),
    "**Recommended:** {action}. {reason}.": "**Recommandé :** {action}. {reason}.",
    "Details": "Détails",
    "Deals": "Affaires",
    "Interactions": "Interactions",
    "Class over time": "Classe dans le temps",
    "Value": "Valeur",
    "No interaction recorded for this client.": "Aucune interaction enregistrée pour ce client.",
    "Class of the client's sales in each calendar year, ranked among that year's clients.": (
        "Classe des ventes du client pour chaque année civile, parmi les clients de l'année."
    ),
    "Needs dated sales to show the class over time.": "Il faut des ventes datées pour suivre la classe.",
    # presentation
    "◀ Previous": "◀ Précédent",
    "Next ▶": "Suivant ▶",
    "Leave presentation": "Quitter la présentation",
    "Who makes the revenue": "Qui fait le chiffre d'affaires",
    "The Pareto curve": "La courbe de Pareto",
    "Who takes the team's time": "Qui prend le temps de l'équipe",
    "Revenue and effort per class": "Chiffre d'affaires et effort par classe",
    "What we do about it": "Ce que nous faisons",
    "{clients} of clients make {share} of {measure}": "{clients} des clients font {share} du {measure}",
    "{effort} of clients take 80 % of the effort; {revenue} make 80 % of the {measure}.": (
        "{effort} des clients prennent 80 % de l'effort ; {revenue} font 80 % du {measure}."
    ),
    "{cls}: share of {measure}": "{cls} : part du {measure}",
    "{cls}: share of effort": "{cls} : part de l'effort",
    "{n} clients": "{n} clients",
    "Something went wrong on this page. Your data and settings are unchanged: try another setting, another page, or reload. The details are in the server log.": (
        "Un problème est survenu sur cette page. Vos données et réglages sont intacts : essayez un autre "
        "réglage, une autre page, ou rechargez. Le détail est dans le journal du serveur."
    ),
    "Client Portfolio Analyzer": "Analyse du portefeuille clients",
    "Demo portfolio": "Portefeuille de démonstration",
    "Sign in to see your team's portfolio and your saved analyses.": (
        "Connectez-vous pour voir le portefeuille de l'équipe et vos analyses enregistrées."
    ),
    "Sign in": "Se connecter",
    "Sign out": "Se déconnecter",
    "Signed in as {user}": "Connecté en tant que {user}",
    # data page
    "Upload your export (CSV or Excel): clients with their revenue, or invoices / deals, and optionally a client list and an activity log": (
        "Chargez votre export (CSV ou Excel) : les clients avec leur chiffre d'affaires, ou les factures / "
        "affaires, et en option une liste de clients et un historique des activités"
    ),
    "Loaded: {source}": "Chargé : {source}",
    "Clients in the portfolio": "Clients du portefeuille",
    "Set aside": "Mis de côté",
    "Transactions": "Transactions",
    "Activities": "Activités",
    "Include prospects, former clients and partners in the analysis": (
        "Inclure les prospects, anciens clients et partenaires dans l'analyse"
    ),
    "Preview": "Aperçu",
    "File type": "Type de fichier",
    "Files and columns": "Fichiers et colonnes",
    "Each file's type and columns were recognised from its header and applied. Change any of them here: the analysis follows, and the choice is remembered for files with the same columns.": (
        "Le type et les colonnes de chaque fichier ont été reconnus d'après son en-tête et appliqués. "
        "Modifiez-les ici : l'analyse suit, et le choix est retenu pour les fichiers aux mêmes colonnes."
    ),
    "Prospects, former clients and partners": "Prospects, anciens clients et partenaires",
    "Set aside by default: {prospects} prospect(s), {former} former client(s), {partners} partner(s).": (
        "Mis de côté par défaut : {prospects} prospect(s), {former} ancien(s) client(s), {partners} partenaire(s)."
    ),
    "This is the built-in demo portfolio. Upload your own export above to analyse it.": (
        "Voici le portefeuille de démonstration. Chargez votre propre export ci-dessus pour l'analyser."
    ),
    "No activity log loaded: upload one (client, date, type, hours) to see who takes the team's time.": (
        "Aucun historique des activités : chargez-en un (client, date, type, heures) pour voir qui prend le "
        "temps de l'équipe."
    ),
    "The files could not be read. Export them again as CSV or .xlsx; if this keeps happening, send the file to support.": (
        "Les fichiers n'ont pas pu être lus. Exportez-les de nouveau en CSV ou .xlsx ; si cela se "
        "reproduit, envoyez le fichier au support."
    ),
    "read as": "lu comme",
    "Files: {files}": "Fichiers : {files}",
    "{rejected} rows could not be used and {flagged} rows were used with a value left out: listed below, and downloadable.": (
        "{rejected} lignes n'ont pas pu être utilisées et {flagged} lignes ont été utilisées sans une de "
        "leurs valeurs : la liste est ci-dessous, et téléchargeable."
    ),
    "{rejected} rows could not be used: listed below, and downloadable.": (
        "{rejected} lignes n'ont pas pu être utilisées : la liste est ci-dessous, et téléchargeable."
    ),
    "Download the validation report (CSV)": "Télécharger le rapport de validation (CSV)",
    "Every row was used.": "Toutes les lignes ont été utilisées.",
    "More columns: {roles}…": "Plus de colonnes : {roles}…",
    "Reading the files…": "Lecture des fichiers…",
    "Two uploaded files have the same name: rename one so each file can be told apart.": (
        "Deux fichiers chargés portent le même nom : renommez-en un pour les distinguer."
    ),
    "Analysing…": "Analyse en cours…",
    "The data loaded before is still in place: {source}.": "Les données chargées avant restent en place : {source}.",
    "{n} rows": "{n} lignes",
    "Choose it below and the analysis starts at once. Until then the data loaded before stays in place: {source}.": (
        "Choisissez-la ci-dessous et l'analyse démarre aussitôt. D'ici là, les données chargées avant restent "
        "en place : {source}."
    ),
    "{n} used": "{n} utilisées",
    "Mapping remembered from an earlier file with the same columns.": (
        "Correspondance reprise d'un fichier précédent aux mêmes colonnes."
    ),
    "dates read as {format}": "dates lues en {format}",
    "Sheet of {name}": "Feuille de {name}",
    "Transactions (invoices, deals)": "Transactions (factures, affaires)",
    "Client list (attributes)": "Liste de clients (attributs)",
    "Activities (interaction history)": "Activités (historique des échanges)",
    "Client (identifier)": "Client (identifiant)",
    "Client name": "Nom du client",
    "Amount (revenue)": "Montant (chiffre d'affaires)",
    "Deal stage": "Étape de l'affaire",
    "Client status": "Statut du client",
    "Acquisition cost (CAC)": "Coût d'acquisition (CAC)",
    "Client since": "Client depuis",
    "The column that identifies the client; files are joined on it. Required.": (
        "La colonne qui identifie le client ; les fichiers sont joints sur elle. Obligatoire."
    ),
    "Revenue of each row (invoice, deal) or of each client. Required in one file at least.": (
        "Le chiffre d'affaires de chaque ligne (facture, affaire) ou de chaque client. Obligatoire dans au "
        "moins un fichier."
    ),
    "Won deals make revenue; lost and open deals feed the win rate and the pipeline only.": (
        "Les affaires gagnées font le chiffre d'affaires ; les perdues et en cours ne comptent que pour le "
        "taux de réussite et le pipeline."
    ),
    "Active clients are analysed; prospects, former clients and partners are set aside.": (
        "Les clients actifs sont analysés ; prospects, anciens clients et partenaires sont mis de côté."
    ),
    "Invoice date, close date or won time.": "Date de facture, de clôture ou de gain.",
}

# Catalogs of other areas, kept in their own files so they can be edited apart.
from portfolio_core.locale_fr_kpis import FR_KPIS  # noqa: E402

FR.update(FR_KPIS)
from portfolio_core.locale_fr_meeting import FR_MEETING  # noqa: E402

FR.update(FR_MEETING)
from portfolio_core.locale_fr_data import FR_DATA  # noqa: E402

FR.update(FR_DATA)

from portfolio_core.locale_fr_pages import FR_PAGES  # noqa: E402

FR.update(FR_PAGES)
