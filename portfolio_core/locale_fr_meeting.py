"""French texts of the "Saved analyses" and "Export" pages, the saved-analyses errors and the meeting
files (Excel workbook, PowerPoint deck), keyed by their English wording (merged into locale_fr.FR)."""

FR_MEETING: dict[str, str] = {
    # --- Saved analyses page ----------------------------------------------------------------------
    "A saved analysis keeps the loaded data, the column mapping, the cut-offs, filters and options, and "
    "its date.": (
        "Une analyse enregistrée garde les données chargées, l'association des colonnes, les seuils, les "
        "filtres et les options, ainsi que sa date."
    ),
    "See it on the ABC analysis page": "La voir sur la page Analyse ABC",
    "Save the current analysis": "Enregistrer l'analyse en cours",
    "Portfolio review {month}": "Revue du portefeuille {month}",
    "{source} · {n} clients · {settings}. Saving under a name already used adds a new version; "
    "nothing is overwritten.": (
        "{source} · {n} clients · {settings}. Enregistrer sous un nom déjà utilisé ajoute une nouvelle "
        "version : rien n'est écrasé."
    ),
    "Save": "Enregistrer",
    "Saved as “{name}”.": "Enregistrée sous « {name} ».",
    "Your saved analyses": "Vos analyses enregistrées",
    "No analysis saved yet. Save the current one above: you can open it again after a restart.": (
        "Aucune analyse enregistrée pour l'instant. Enregistrez celle en cours ci-dessus : vous pourrez la "
        "rouvrir après un redémarrage."
    ),
    "{when} · {n} clients · {source}": "{when} · {n} clients · {source}",
    "Open (a saved analysis)": "Ouvrir",
    "Columns used: {columns}": "Colonnes utilisées : {columns}",
    "Opened “{name}” ({when}): its data and settings ({settings}) are loaded on every page.": (
        "« {name} » ({when}) est ouverte : ses données et ses réglages ({settings}) sont chargés sur "
        "toutes les pages."
    ),
    "Rename": "Renommer",
    "New name": "Nouveau nom",
    "“{old}” is now “{new}”.": "« {old} » s'appelle maintenant « {new} ».",
    "Duplicate": "Dupliquer",
    "{name} (copy)": "{name} (copie)",
    "“{name}” duplicated as “{copy}”.": "« {name} » dupliquée sous « {copy} ».",
    "Delete": "Supprimer",
    "Delete “{name}” ({when}) for good? This cannot be undone.": (
        "Supprimer « {name} » ({when}) définitivement ? Impossible de revenir en arrière."
    ),
    "Yes, delete it": "Oui, la supprimer",
    "Cancel": "Annuler",
    "“{name}” was deleted.": "« {name} » a été supprimée.",
    "Compare two analyses": "Comparer deux analyses",
    "Save at least two analyses (this month's and last month's, say) to see how clients changed class.": (
        "Enregistrez au moins deux analyses (celle de ce mois-ci et celle du mois dernier, par exemple) "
        "pour voir comment les clients ont changé de classe."
    ),
    "Earlier analysis": "Analyse précédente",
    "Later analysis": "Analyse suivante",
    "Pick two different analyses.": "Choisissez deux analyses différentes.",
    "The “earlier” analysis is the more recent one: the migration below reads backwards in time.": (
        "L'analyse « précédente » est la plus récente : la migration ci-dessous se lit en remontant le temps."
    ),
    "Each analysis's clients are ranked by revenue with the current cut-offs (A up to {a} %, B up to "
    "{b} %); change them in the sidebar of any analysis page. Clients with revenue in one analysis only "
    "are “new” or “lost”.": (
        "Les clients de chaque analyse sont classés par chiffre d'affaires avec les seuils actuels (A "
        "jusqu'à {a} %, B jusqu'à {b} %) ; modifiez-les dans le panneau latéral de n'importe quelle page "
        "d'analyse. Les clients qui n'ont du chiffre d'affaires que dans une des deux analyses sont "
        "« nouveaux » ou « perdus »."
    ),
    "Clients who dropped a class or left": "Clients descendus d'une classe ou partis",
    "Their revenue in the earlier analysis": "Leur chiffre d'affaires avant",
    "No client dropped a class between these two analyses.": (
        "Aucun client n'est descendu d'une classe entre ces deux analyses."
    ),
    # settings of a saved analysis, in one line (ui/saved.py)
    "A {a} %, B {b} %": "A {a} %, B {b} %",
    "ranked by margin": "classés par marge",
    "spreadsheet convention": "convention tableur",
    "prospects and former clients included": "prospects et anciens clients inclus",
    "{column}: {values}": "{column} : {values}",
    "filters {filters}": "filtres {filters}",
    "filters {filters} (ranked within)": "filtres {filters} (classés entre eux)",
    # errors (portfolio_core.store.analyses and the page)
    "{problem}\n\nThe analysis loaded in the app is unchanged.": (
        "{problem}\n\nL'analyse chargée dans l'application n'a pas changé."
    ),
    "The saved analyses could not be used. The analysis loaded in the app is unchanged. If this keeps "
    "happening, tell whoever runs the app: the details are in the server log.": (
        "Les analyses enregistrées n'ont pas pu être utilisées. L'analyse chargée dans l'application n'a "
        "pas changé. Si cela se reproduit, prévenez la personne qui administre l'application : le détail "
        "est dans le journal du serveur."
    ),
    "The saved analyses cannot be read: their database is damaged or is not a saved-analyses database "
    "({detail}). It was left untouched. Whoever runs the app can move it away to start a new one, and keep "
    "it: a SQLite recovery tool may get the analyses back.": (
        "Les analyses enregistrées sont illisibles : leur base est endommagée ou n'est pas une base "
        "d'analyses enregistrées ({detail}). Elle n'a pas été modifiée. La personne qui administre "
        "l'application peut la déplacer pour en commencer une nouvelle, et la garder : un outil de "
        "récupération SQLite pourra peut-être retrouver les analyses."
    ),
    "it holds other tables and no saved-analyses schema version": (
        "elle contient d'autres tables et aucune version de schéma d'analyses enregistrées"
    ),
    "the {role} table of analysis #{id} fails its checksum": (
        "la table {role} de l'analyse n° {id} échoue au contrôle d'intégrité"
    ),
    "the {role} table of analysis #{id} cannot be read: {error}": (
        "la table {role} de l'analyse n° {id} est illisible : {error}"
    ),
    "analysis #{id} lacks its {tables} table": "il manque à l'analyse n° {id} sa table {tables}",
    "The saved analyses are busy (another save is running). Try again in a moment.": (
        "Les analyses enregistrées sont occupées (un autre enregistrement est en cours). "
        "Réessayez dans un instant."
    ),
    "The saved analyses cannot be used ({error}). Whoever runs the app should check that the "
    "database's folder exists, is writable and the disk is not full.": (
        "Les analyses enregistrées sont inutilisables ({error}). La personne qui administre "
        "l'application doit vérifier que le dossier de la base existe, qu'il est accessible en écriture "
        "et que le disque n'est pas plein."
    ),
    "The saved analyses cannot be created or opened ({error}). Whoever runs the app should give them a "
    "writable folder.": (
        "Les analyses enregistrées ne peuvent être ni créées ni ouvertes ({error}). La personne qui "
        "administre l'application doit leur donner un dossier accessible en écriture."
    ),
    "The saved analyses were written by a newer version of the app (schema {version}, "
    "this app reads up to {supported}). Update the app; the file was left untouched.": (
        "Les analyses enregistrées ont été écrites par une version plus récente de "
        "l'application (schéma {version}, cette application lit jusqu'au {supported}). Mettez "
        "l'application à jour ; le fichier n'a pas été modifié."
    ),
    "The saved analysis #{id} no longer exists (deleted, maybe in another tab). Pick another one in the "
    "list.": (
        "L'analyse enregistrée n° {id} n'existe plus (supprimée, peut-être dans un autre onglet). "
        "Choisissez-en une autre dans la liste."
    ),
    "Give the analysis a name.": "Donnez un nom à l'analyse.",
    "The name is too long: keep it under 200 characters.": (
        "Le nom est trop long : restez sous 200 caractères."
    ),
    "These settings cannot be saved ({error}).": "Ces réglages ne peuvent pas être enregistrés ({error}).",
    "A column of this table cannot be stored ({error}).": (
        "Une colonne de cette table ne peut pas être enregistrée ({error})."
    ),
    # --- Export page ------------------------------------------------------------------------------
    "The meeting pack for the view above: the charts as PNG (for slides) and SVG (for print), an Excel "
    "workbook (the class of every client, the class summary, the action list, the settings) and a "
    "PowerPoint deck (settings, Pareto chart, effort vs revenue, class summary, key figures, actions). "
    "Move the sliders or filters first: the files follow the view.": (
        "Le dossier de réunion de la vue ci-dessus : les graphiques en PNG (pour les diapositives) et en "
        "SVG (pour l'impression), un classeur Excel (la classe de chaque client, la synthèse par classe, "
        "la liste d'actions, les réglages) et une présentation PowerPoint (réglages, courbe de Pareto, "
        "effort et chiffre d'affaires, synthèse par classe, chiffres clés, actions). Réglez d'abord les "
        "curseurs ou les filtres : les fichiers suivent la vue."
    ),
    "Hourly cost (for the cost to serve)": "Coût horaire (pour le coût de service)",
    "What an hour of the team's time costs: profit is margin minus hours x this cost.": (
        "Ce que coûte une heure de l'équipe : le profit est la marge moins les heures × ce coût."
    ),
    "Prepare the meeting pack": "Préparer le dossier de réunion",
    "Press **Prepare the meeting pack** to build the files for this view (a few seconds).": (
        "Appuyez sur **Préparer le dossier de réunion** pour créer les fichiers de cette vue (quelques "
        "secondes)."
    ),
    "Rendering the charts and building the workbook and the deck…": (
        "Rendu des graphiques, création du classeur et de la présentation…"
    ),
    "The export failed. The analysis pages still work; the details are in the server log.": (
        "L'export a échoué. Les pages d'analyse fonctionnent toujours ; le détail est dans le journal du "
        "serveur."
    ),
    "Meeting files": "Fichiers de la réunion",
    "Excel workbook (.xlsx)": "Classeur Excel (.xlsx)",
    "PowerPoint deck (.pptx)": "Présentation PowerPoint (.pptx)",
    "Charts": "Graphiques",
    "{chart} (PNG)": "{chart} (PNG)",
    "{chart} (SVG)": "{chart} (SVG)",
    "Pareto curve": "Courbe de Pareto",
    "Revenue and effort Pareto": "Pareto du CA et de l'effort",
    # --- the meeting files (portfolio_core.report) -----------------------------------------------
    # settings
    "Source": "Source",
    "(not named)": "(sans nom)",
    "Ranking measure": "Mesure de classement",
    "share before the client (recommended)": "part avant le client (recommandé)",
    "spreadsheet convention (cumulative share including the client)": (
        "convention tableur (part cumulée incluant le client)"
    ),
    "none": "aucun",
    "Classes computed on": "Classes calculées sur",
    "the selection alone": "la sélection seule",
    "the whole portfolio": "tout le portefeuille",
    "Clients in scope": "Clients pris en compte",
    "every company (prospects, former clients, partners included)": (
        "toutes les sociétés (prospects, anciens clients et partenaires inclus)"
    ),
    "active clients": "clients actifs",
    "Hourly cost (cost to serve)": "Coût horaire (coût de service)",
    # workbook sheets and headers
    "Summary": "Synthèse",
    "Actions": "Actions",
    "Settings": "Réglages",
    "Setting": "Réglage",
    "Note": "Remarque",
    "Client ID": "Identifiant client",
    "Share of {measure}": "Part du {measure}",
    # key figures
    "of {measure}": "du {measure}",
    "Clients analysed": "Clients analysés",
    "Total {measure}": "Total du {measure}",
    "Top 20% of clients": "20 % des clients en tête",
    "0 = equal, 1 = one client": "0 = égalité, 1 = un seul client",
    "won / (won + lost) deals": "gagnées / (gagnées + perdues)",
    "A / B, from the curve": "A / B, d'après la courbe",
    "Total effort": "Effort total",
    "{hours} h": "{hours} h",
    "Clients taking 80% of effort": "Clients prenant 80 % de l'effort",
    "Clients costing more than they bring": "Clients non rentables",
    "{amount} of profit lost": "{amount} de profit perdu",
    "No activity log: load one (client, date, type, hours) to see effort against revenue.": (
        "Pas d'historique des échanges : chargez-en un (client, date, type, heures) pour voir l'effort "
        "face au chiffre d'affaires."
    ),
    "The activity log gives no hours for these clients: check its duration column.": (
        "L'historique des échanges ne donne aucune heure pour ces clients : vérifiez sa colonne de durée."
    ),
    "{Measure} against effort: the {shown} largest clients by {measure} or effort, of {total}": (
        "{Measure} face à l'effort : les {shown} plus gros clients par {measure} ou par effort, sur {total}"
    ),
    # slides
    "Client portfolio review": "Revue du portefeuille clients",
    "{source} · {date} · A {a} % / B {b} % · ranked by {measure} · filters: {filters}": (
        "{source} · {date} · A {a} % / B {b} % · classés par {measure} · filtres : {filters}"
    ),
    "Data: {source}": "Données : {source}",
    "{n} clients ranked by {measure}; A up to {a} %, B up to {b} % of {measure}": (
        "{n} clients classés par {measure} ; A jusqu'à {a} %, B jusqu'à {b} % du {measure}"
    ),
    "ABC rule: {rule}": "Règle ABC : {rule}",
    "Filters: {filters} (classes computed on {on})": "Filtres : {filters} (classes calculées sur {on})",
    "Clients in scope: {scope}": "Clients pris en compte : {scope}",
    "Hourly cost used for the cost to serve: {cost}": "Coût horaire retenu pour le coût de service : {cost}",
    "{client_share} of clients (class A, {clients}) make {revenue_share} of {measure}": (
        "{client_share} des clients (classe A, {clients}) font {revenue_share} du {measure}"
    ),
    "{share} of clients take 80% of the effort": "{share} des clients prennent 80 % de l'effort",
    "Effort vs revenue: no activity log yet": (
        "Effort et chiffre d'affaires : pas encore d'historique des échanges"
    ),
    "The file needs one row per call, meeting, visit or e-mail: the client, the date, the type and (if "
    "known) the duration in hours.": (
        "Le fichier doit avoir une ligne par appel, réunion, visite ou e-mail : le client, la date, le type "
        "et (si elle est connue) la durée en heures."
    ),
    "Clients and revenue by class": "Clients et chiffre d'affaires par classe",
    "A: clients that make the first {a} % of {measure}; B: up to {b} %; C: the rest.": (
        "A : les clients qui font les premiers {a} % du {measure} ; B : jusqu'à {b} % ; C : le reste."
    ),
    "Key figures": "Chiffres clés",
    "Action plan": "Plan d'action",
    # "Action list" is the Effort page's "Plan d'action": the slide's title has its own key
    "Action list (slide)": "Liste d'actions",
    "Action list ({page}/{pages})": "Liste d'actions ({page}/{pages})",
}
