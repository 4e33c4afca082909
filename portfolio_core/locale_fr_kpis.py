"""French texts of the KPIs page, keyed by their English wording (merged into locale_fr.FR)."""

FR_KPIS: dict[str, str] = {
    # measures in sentences ("60 % of revenue")
    "of revenue": "du chiffre d'affaires",
    "of margin": "de la marge",
    # KPI names (the keys of kpis.missing_kpis) and section titles
    "Concentration": "Concentration",
    "Suggested cut-offs": "Seuils suggérés",
    "Sales": "Ventes",
    "Loyalty and lifetime": "Fidélité et durée de vie",
    "Customer lifetime value against acquisition cost": "Valeur vie client face au coût d'acquisition",
    "Churn risk": "Risque d'attrition",
    "Unmet potential": "Potentiel non exploité",
    "Revenue per client per year": "CA annuel par client",
    "Average deal size": "Montant moyen des affaires",
    "Repeat-purchase rate": "Taux de réachat",
    "Retention": "Rétention",
    "Client lifetime": "Durée de vie client",
    "Profitability per client": "Rentabilité par client",
    "CLV": "CLV",
    "CLV:CAC": "CLV:CAC",
    "Win rate": "Taux de réussite",
    "Pipeline value": "Valeur du pipeline",
    "Sales activities": "Activités commerciales",
    "Other indicators": "Autres indicateurs",
    "**{kpi}** {need}.": "**{kpi}** : {need}.",
    # what a KPI needs (kpis.missing_kpis)
    "needs a date column on the sales (one row per invoice or deal, with its date)": (
        "il faut une colonne de date sur les ventes (une ligne par facture ou affaire, avec sa date)"
    ),
    "needs a date column on the sales or a contract start date on the clients": (
        "il faut une colonne de date sur les ventes ou une date de début de contrat sur les clients"
    ),
    "needs a margin column on the sales": "il faut une colonne de marge sur les ventes",
    "needs a margin column on the sales (CLV is margin per year x expected lifetime)": (
        "il faut une colonne de marge sur les ventes (la CLV est la marge annuelle x la durée de vie attendue)"
    ),
    "needs a date column on the sales (for margin per year and retention)": (
        "il faut une colonne de date sur les ventes (pour la marge annuelle et la rétention)"
    ),
    "needs an acquisition cost (CAC) column on the clients": (
        "il faut une colonne de coût d'acquisition (CAC) sur les clients"
    ),
    "needs a deal stage column (won, lost, open)": (
        "il faut une colonne d'étape des affaires (gagnée, perdue, en cours)"
    ),
    "needs a deal stage column with open deals": (
        "il faut une colonne d'étape des affaires avec des affaires en cours"
    ),
    "needs an activity log (client, date, type)": "il faut un historique des activités (client, date, type)",
    "needs a potential column on the clients": "il faut une colonne de potentiel sur les clients",
    "need client columns such as product usage, web visits, clicks or satisfaction (NPS)": (
        "il faut des colonnes clients comme l'usage du produit, les visites web, les clics ou la satisfaction "
        "(NPS)"
    ),
    "No client has a positive revenue in this selection: there is nothing to measure.": (
        "Aucun client n'a de chiffre d'affaires positif dans cette sélection : il n'y a rien à mesurer."
    ),
    # concentration
    "Largest client": "Plus gros client",
    "Share of revenue of the single largest client": "Part du chiffre d'affaires du plus gros client",
    "Top 10 clients": "10 premiers clients",
    "Share of revenue of the 10 largest clients": "Part du chiffre d'affaires des 10 plus gros clients",
    "Top 20 % of clients": "Premiers 20 % des clients",
    "Share of revenue of the {n} largest clients (20 % of {total}, rounded up)": (
        "Part du chiffre d'affaires des {n} plus gros clients (20 % de {total}, arrondi au-dessus)"
    ),
    "Gini": "Gini",
    "0: every client brings the same; near 1: one client brings all": (
        "0 : chaque client apporte autant ; proche de 1 : un client apporte tout"
    ),
    "HHI": "IHH",
    "Herfindahl-Hirschman index, the sum of squared revenue shares: {even} if all clients were equal, "
    "1 with a single client": (
        "Indice de Herfindahl-Hirschman, la somme des carrés des parts de chiffre d'affaires : {even} si tous "
        "les clients étaient égaux, 1 avec un seul client"
    ),
    "{n} client(s) make more than {share} of revenue on their own ({who}): losing one would hurt. "
    "Consider lowering the dependency.": (
        "{n} client(s) font à eux seuls plus de {share} du chiffre d'affaires ({who}) : en perdre un ferait "
        "mal. Envisagez de réduire cette dépendance."
    ),
    "No client makes more than {share} of revenue on its own.": (
        "Aucun client ne fait à lui seul plus de {share} du chiffre d'affaires."
    ),
    "**Reading the figures**\n\n"
    "- The **{n} largest clients** (20 %) make **{share}** of revenue; the 80/20 rule would say 80 %.\n"
    "- The **Lorenz curve** ranks clients from the smallest: the further it sags below the diagonal, "
    "the more concentrated the revenue. The Gini coefficient is twice the area between them.\n"
    "- The **HHI** is {hhi}: as concentrated as {equal} clients of equal size.": (
        "**Lire les chiffres**\n\n"
        "- Les **{n} plus gros clients** (20 %) font **{share}** du chiffre d'affaires ; la règle des 80/20 "
        "dirait 80 %.\n"
        "- La **courbe de Lorenz** classe les clients du plus petit au plus gros : plus elle se creuse sous "
        "la diagonale, plus le chiffre d'affaires est concentré. Le coefficient de Gini vaut deux fois l'aire "
        "entre les deux.\n"
        "- L'**IHH** vaut {hhi} : autant de concentration que {equal} clients de même taille."
    ),
    # Lorenz chart
    "Lorenz curve (Gini {gini})": "Courbe de Lorenz (Gini {gini})",
    "Share of clients, smallest first": "Part des clients, les plus petits d'abord",
    "Cumulative share of revenue": "Part cumulée du chiffre d'affaires",
    "Smallest clients": "Plus petits clients",
    "Their share of revenue": "Leur part du chiffre d'affaires",
    "Equal revenue for all": "Même chiffre d'affaires pour tous",
    # suggested cut-offs
    "No client has a positive {measure}: no cut-off to suggest.": (
        "Aucun client n'a de {measure} positif : pas de seuil à suggérer."
    ),
    "The **computed ABC analysis** (Ultsch and Lötsch, 2015) reads the cut-offs off the curve of "
    "cumulative {measure} instead of taking 80/95 on faith. It suggests **A up to {a} %** and "
    "**B up to {b} %** {of_measure}: {na} A clients, {nb} B and {nc} C.": (
        "L'**analyse ABC calculée** (Ultsch et Lötsch, 2015) lit les seuils sur la courbe cumulée "
        "({measure}) au lieu de prendre 80/95 pour acquis. Elle suggère **A jusqu'à {a}\u00a0%** et "
        "**B jusqu'à {b}\u00a0%** {of_measure} : {na} clients A, {nb} B et {nc} C."
    ),
    "The sliders rank the whole portfolio (“Rank within the selection” is off): the cut-offs are "
    "suggested from every client's curve, and the sensitivity counts the selected clients.": (
        "Les curseurs classent tout le portefeuille (« Classer au sein de la sélection » est désactivé) : "
        "les seuils sont suggérés d'après la courbe de tous les clients, et la sensibilité compte les "
        "clients sélectionnés."
    ),
    "Suggest cut-offs (A {a} %, B {b} %)": "Suggérer des seuils (A {a}\u00a0%, B {b}\u00a0%)",
    "Sets the A and B sliders to the cut-offs of the computed ABC analysis (Ultsch and Lötsch 2015): A "
    "ends at the Pareto or break-even point, B at the submarginal point.": (
        "Règle les curseurs A et B sur les seuils de l'analyse ABC calculée (Ultsch et Lötsch 2015) : A "
        "s'arrête au point de Pareto ou au point d'équilibre, B au point submarginal."
    ),
    "Cut-offs set to the suggestion: A {a} %, B {b} %.": "Seuils réglés sur la suggestion : A {a}\u00a0%, B {b}\u00a0%.",
    "Red dashed lines: the suggested cut-offs. Grey dotted lines: the current ones (A {a} %, B {b} %). "
    "The blue dotted segment has slope 1: it touches the curve at the break-even point.": (
        "Lignes rouges en tirets : les seuils suggérés. Lignes grises en pointillés : les seuils actuels "
        "(A {a}\u00a0%, B {b}\u00a0%). Le segment bleu en pointillés a une pente de 1 : il touche la courbe au point "
        "d'équilibre."
    ),
    "**The three points**\n\n"
    "- **Pareto point** ({px} of clients, {py} {of_measure}): the point of the curve nearest to the "
    "ideal corner, where a few clients would make everything.\n"
    "- **Break-even point** ({bx}, {by}): where the curve's slope is 1, the last client who brings at "
    "least the average {of_measure} per client.\n"
    "- **Submarginal point** ({sx}, {sy}): past it, each extra client adds little; the clients after it "
    "are C.\n\n"
    "Class A ends at {first} (the nearer of the first two), B at the submarginal point. The cut-offs are "
    "the cumulative share {of_measure} at those points, rounded to the percent.": (
        "**Les trois points**\n\n"
        "- **Point de Pareto** ({px} des clients, {py} {of_measure}) : le point de la courbe le plus proche "
        "du coin idéal, où quelques clients feraient tout.\n"
        "- **Point d'équilibre** ({bx}, {by}) : là où la pente de la courbe vaut 1, le dernier client qui "
        "apporte au moins la moyenne {of_measure} par client.\n"
        "- **Point submarginal** ({sx}, {sy}) : au-delà, chaque client de plus ajoute peu ; les clients "
        "suivants sont C.\n\n"
        "La classe A s'arrête {first} (le plus proche des deux premiers), B au point submarginal. Les seuils "
        "sont la part cumulée {of_measure} en ces points, arrondie au pour cent."
    ),
    "the Pareto point": "au point de Pareto",
    "the break-even point": "au point d'équilibre",
    "Sensitivity of the current cut-offs": "Sensibilité des seuils actuels",
    "How many of the {n} clients change class when a cut-off moves by one point (now A {a} %, B {b} %). "
    "Large numbers mean the cut-off sits where many clients are alike.": (
        "Combien des {n} clients changent de classe quand un seuil bouge d'un point (actuellement A {a}\u00a0%, "
        "B {b}\u00a0%). Un grand nombre signifie que le seuil tombe là où beaucoup de clients se ressemblent."
    ),
    "Move": "Variation",
    "A cut-off -1": "Seuil A -1",
    "A cut-off +1": "Seuil A +1",
    "B cut-off -1": "Seuil B -1",
    "B cut-off +1": "Seuil B +1",
    "Clients changing class": "Clients qui changent de classe",
    # cut-offs chart
    "ABC curve and the three points of the computed ABC analysis": (
        "Courbe ABC et les trois points de l'analyse ABC calculée"
    ),
    "Cumulative share {of_measure}": "Part cumulée {of_measure}",
    "Pareto point": "Point de Pareto",
    "Break-even point": "Point d'équilibre",
    "Submarginal point": "Point submarginal",
    "{point} ({clients} of clients, {value} {of_measure})": "{point} ({clients} des clients, {value} {of_measure})",
    "Point": "Point",
    "Suggested {cls} cut-off {pct}": "Seuil {cls} suggéré {pct}",
    # sales
    "Mean amount of the won deals": "Montant moyen des affaires gagnées",
    "{won} won / {closed} closed": "{won} gagnées / {closed} conclues",
    "Amount of the {n} open deals": "Montant des {n} affaires en cours",
    "Rows of the activity log": "Lignes de l'historique des activités",
    "Segment for the breakdowns": "Segment pour les ventilations",
    "Figures by {group}": "Chiffres par {group}",
    "Won": "Gagnées",
    "Lost": "Perdues",
    "Open": "En cours",
    "Won value": "Montant gagné",
    "Pipeline": "Pipeline",
    "Average deal": "Affaire moyenne",
    "(blank)": "(vide)",
    "Win rate by {group}": "Taux de réussite par {group}",
    "Win rate (won / (won + lost))": "Taux de réussite (gagnées / (gagnées + perdues))",
    "Won deals": "Affaires gagnées",
    "Lost deals": "Affaires perdues",
    # loyalty and lifetime
    "CLV settings: discount rate and expected lifetime": (
        "Réglages de la CLV : taux d'actualisation et durée de vie attendue"
    ),
    "Discount rate (% a year)": "Taux d'actualisation (% par an)",
    "Expected lifetime (years)": "Durée de vie attendue (années)",
    "from retention: {years}": "d'après la rétention : {years}",
    "enter a number of years": "saisissez un nombre d'années",
    "Blank: 1 / (1 - yearly retention), capped at 20 years.": (
        "Vide : 1 / (1 - rétention annuelle), plafonné à 20 ans."
    ),
    "Buying clients who bought on two days or more": (
        "Clients acheteurs qui ont acheté sur deux jours ou plus"
    ),
    "Retention, last year": "Rétention, dernière année",
    "{retained} of the {before} clients who bought the year before bought again between {start} and {end}": (
        "{retained} des {before} clients qui avaient acheté l'année précédente ont racheté entre le {start} et "
        "le {end}"
    ),
    "Median client lifetime": "Durée de vie client médiane",
    "{years} years": "{years} ans",
    "Since the contract start or the first purchase, whichever is earlier": (
        "Depuis le début du contrat ou le premier achat, le plus ancien des deux"
    ),
    "Mean over the clients of each one's revenue over its years in the data": (
        "Moyenne sur les clients du chiffre d'affaires de chacun sur ses années présentes dans les données"
    ),
    "{start} – {end}: {share}": "{start} – {end} : {share}",
    "Retention between consecutive years (every client who bought, former clients included, since leaving "
    "is what it measures): {years}": (
        "Rétention d'une année sur l'autre (tous les clients qui ont acheté, anciens clients compris, puisque "
        "c'est le départ qu'elle mesure) : {years}"
    ),
    # CLV vs CAC
    "CLV = margin per year × expected lifetime ({years} years), discounted at {rate} % a year. A CLV:CAC "
    "ratio under {target} means the client barely pays back what it cost to win.": (
        "CLV = marge annuelle × durée de vie attendue ({years} ans), actualisée à {rate}\u00a0% par an. Un ratio "
        "CLV:CAC inférieur à {target} signifie que le client rembourse à peine ce qu'il a coûté à gagner."
    ),
    "Median CLV": "CLV médiane",
    "CLV : CAC, all clients": "CLV : CAC, tous clients",
    "Total CLV over total acquisition cost": "CLV totale sur coût d'acquisition total",
    "Clients under 3": "Clients sous 3",
    "Of the {n} clients with an acquisition cost": "Sur les {n} clients ayant un coût d'acquisition",
    "Median margin rate": "Taux de marge médian",
    "Margin / revenue per client": "Marge / chiffre d'affaires par client",
    "Under 3": "Sous 3",
    "3 or more": "3 ou plus",
    "CLV : CAC": "CLV : CAC",
    "CLV : CAC (total CLV / total acquisition cost)": "CLV : CAC (CLV totale / coût d'acquisition total)",
    "CLV : CAC by {group}": "CLV : CAC par {group}",
    # churn risk
    "High": "Élevé",
    "Medium": "Moyen",
    "Low": "Faible",
    "Unknown": "Inconnu",
    "No purchase": "Aucun achat",
    "Risk": "Risque",
    "Clients by churn risk": "Clients par risque d'attrition",
    "Each client is compared with **its own usual interval** between purchases (the average gap; for a "
    "client who bought on fewer than 3 days, the median of the regular buyers): **Low** up to 1.5 times "
    "that interval since the last purchase, **Medium** up to 3 times, **High** beyond.": (
        "Chaque client est comparé à **son propre intervalle habituel** entre deux achats (l'écart moyen ; "
        "pour un client qui a acheté sur moins de 3 jours, la médiane des acheteurs réguliers) : **Faible** "
        "jusqu'à 1,5 fois cet intervalle depuis le dernier achat, **Moyen** jusqu'à 3 fois, **Élevé** au-delà."
    ),
    "**Probability still active** (modified BG/NBD model, MBG/NBD, of Batislam, Denizel and Filiztekinler, "
    "2007, fitted on {n} buyers' histories, former clients included): a client who has not bought for longer "
    "than its pace predicts is less likely to be still active. A client may drop out right after any "
    "purchase, the first included, so a client who bought only once gets a probability below 100 % that "
    "falls with its silence. Fitted r = {r}, α = {alpha} weeks, a = {a}, b = {b}.": (
        "**Probabilité d'être encore actif** (modèle BG/NBD modifié, MBG/NBD, de Batislam, Denizel et "
        "Filiztekinler, 2007, ajusté sur l'historique de {n} acheteurs, anciens clients compris) : un client "
        "qui n'a pas acheté depuis plus longtemps que son rythme ne le prévoit a moins de chances d'être encore "
        "actif. Un client peut partir juste après n'importe quel achat, le premier compris : un client qui n'a "
        "acheté qu'une fois a donc une probabilité inférieure à 100\u00a0%, qui baisse avec son silence. "
        "Paramètres ajustés : r\u00a0=\u00a0{r}, α\u00a0=\u00a0{alpha} semaines, a\u00a0=\u00a0{a}, "
        "b\u00a0=\u00a0{b}."
    ),
    "The probability that a client is still active (MBG/NBD) needs more repeat history: at least 30 buyers "
    "with dated sales, 10 of whom bought twice or more.": (
        "La probabilité qu'un client soit encore actif (MBG/NBD) demande plus d'historique d'achats répétés : "
        "au moins 30 acheteurs avec des ventes datées, dont 10 ont acheté deux fois ou plus."
    ),
    "Win rate, deal size and pipeline count the deals of every company in the files, prospects and former "
    "clients included (the scope only decides who is ranked A/B/C); by account manager, each deal counts "
    "under its own owner.": (
        "Le taux de réussite, le montant moyen et le pipeline comptent les affaires de toutes les entreprises "
        "des fichiers, prospects et anciens clients compris (le périmètre ne décide que du classement A/B/C) ; "
        "par commercial, chaque affaire compte pour son propre responsable."
    ),
    "The model is fitted on the whole portfolio, filters aside: a fit per selection would take tens of "
    "seconds on large portfolios.": (
        "Le modèle est ajusté sur tout le portefeuille, sans les filtres : un ajustement par sélection "
        "prendrait des dizaines de secondes sur les gros portefeuilles."
    ),
    "Clients at risk ({n})": "Clients à risque ({n})",
    "Probability still active": "Probabilité d'être encore actif",
    "Last purchase {days} days ago; usually buys every {interval} days ({times}x the usual interval)": (
        "Dernier achat il y a {days} jours ; achète d'habitude tous les {interval} jours ({times} fois "
        "l'intervalle habituel)"
    ),
    "Only one purchase, {days} days ago; regular clients buy every {interval} days ({times}x the usual "
    "interval)": (
        "Un seul achat, il y a {days} jours ; les clients réguliers achètent tous les {interval} jours "
        "({times} fois l'intervalle habituel)"
    ),
    "Bought on two days only, last {days} days ago; regular clients buy every {interval} days ({times}x the "
    "usual interval)": (
        "Achats sur deux jours seulement, le dernier il y a {days} jours ; les clients réguliers achètent tous "
        "les {interval} jours ({times} fois l'intervalle habituel)"
    ),
    "Too few purchases and no regular buyer to compare with": (
        "Trop peu d'achats et aucun acheteur régulier pour comparer"
    ),
    "No won sale in the data": "Aucune vente gagnée dans les données",
    # unmet potential
    "Potential minus revenue per year": "Potentiel moins chiffre d'affaires annuel",
    "Potential minus revenue (undated sales: the whole revenue)": (
        "Potentiel moins chiffre d'affaires (ventes non datées : tout le chiffre d'affaires)"
    ),
    "Clients below potential": "Clients sous leur potentiel",
    "Top 10 gaps": "10 plus gros écarts",
    "Share of the total gap": "Part de l'écart total",
    # client table
    "Margin rate": "Taux de marge",
    "First purchase": "Premier achat",
    "Last purchase": "Dernier achat",
    "Purchase days": "Jours d'achat",
    "Lifetime (years)": "Durée de vie (années)",
    "Revenue per year": "Chiffre d'affaires annuel",
    "Margin per year": "Marge annuelle",
    "CAC": "CAC",
    "CLV : CAC under 3": "CLV : CAC sous 3",
    "Days since purchase": "Jours depuis l'achat",
    "Usual interval (days)": "Intervalle habituel (jours)",
    "Compared with (days)": "Comparé à (jours)",
    "Times the usual interval": "Fois l'intervalle habituel",
    "Other indicators from your client list: {columns} (last columns).": (
        "Autres indicateurs de votre liste de clients : {columns} (dernières colonnes)."
    ),
    "Download the client KPIs (CSV)": "Télécharger les indicateurs clients (CSV)",
}
