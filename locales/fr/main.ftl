# Sendero — French (fr)
skip-to-content = Aller au contenu principal
nav-label = Principal
nav-dashboard = Tableau de bord
nav-clients = Clients
nav-cases = Dossiers
nav-caseloads = Charges de dossiers
nav-import = Importer
nav-admin = Administration
nav-account = Mon compte
sign-out = Se déconnecter
language = Langue
change-language = Changer de langue
footer-firewall = Sendero est au service des personnes qu’il accompagne. Aucun rôle, rapport, export ni API ne donne aux services d’application des lois sur l’immigration des données permettant d’identifier un client.
back-home = Retour au tableau de bord
error-status = Statut
actions = Actions
save = Enregistrer
edit = Modifier
search = Rechercher
filter = Filtrer
all = Tous
name = Nom
city = Ville
role = Rôle
status = Statut
status-open = Ouvert
status-closed = Fermé
updated = Mis à jour
client = Client
program = Programme
site = Site
phase = Étape
relationship = Lien avec le chef de famille
sort-by = Trier par
sort-name = Nom
sort-newest = Plus récents
sort-updated = Mis à jour récemment
sort-opened = Ouverts récemment
sort-client = Nom du client
pager-label = Pages
pager-status = Page { $page } sur { $pages } ({ $total } au total)
pager-previous = Page précédente
pager-next = Page suivante

# Connexion
login-title = Connexion
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-invalid = Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte actif.
login-locked = Trop de tentatives échouées. Le compte est bloqué pendant 15 minutes ; un administrateur peut le débloquer plus tôt.
demo-accounts = Comptes de démonstration (un par rôle)
demo-password = Tous les comptes de démonstration utilisent le mot de passe

# Tableau de bord
dashboard-title = Tableau de bord
dashboard-my-open = mes dossiers ouverts
dashboard-org-open = dossiers ouverts dans mon organisation
dashboard-org-clients = clients de mon organisation
dashboard-my-cases = Mes dossiers mis à jour le plus récemment
dashboard-no-cases = Vous n’avez aucun dossier ouvert.
dashboard-all-my-cases = Tous mes dossiers
dashboard-restricted = Votre rôle ne donne pas accès au registre des clients. Les fonctions de réseau de soutien, de registre des tuteurs et d’évaluation s’ouvriront ici à mesure qu’elles deviennent disponibles pour votre rôle.

# Clients
clients-title = Clients
clients-new = Enregistrer un client
clients-search = Rechercher par nom (toute orthographe ou écriture)
clients-none = Aucun client ne correspond.
clients-count = { $n ->
    [one] { $n } client
   *[other] { $n } clients
}
client-name = Nom
client-new-title = Enregistrer un client
client-edit-title = Modifier le client
client-identity = Identité
client-contact = Premières coordonnées
client-given-names = Prénoms
client-family-names = Noms de famille
client-family-names-hint = Les deux noms de famille si la personne en utilise deux.
client-aliases = Autres noms et orthographes
client-aliases-hint = Orthographes sur les documents, surnoms, noms dans d’autres écritures.
client-birth-date = Date de naissance
client-birth-date-hint = AAAA-MM-JJ, ou AAAA-MM, ou seulement AAAA quand seule l’année est connue.
client-country = Pays d’origine
client-languages = Langues
client-languages-hint = Séparées par des virgules, la langue préférée en premier.
client-a-number = A-number
client-a-number-hint = 8 ou 9 chiffres. Enregistré sous forme chiffrée.
form-has-errors = Certains champs sont à corriger. Chaque problème est décrit à côté de son champ.
conflict-explain = Quelqu’un d’autre a enregistré ce dossier pendant que vous le modifiiez. Rien de ce que vous avez saisi n’a encore été enregistré. Les valeurs enregistrées par cette personne figurent ci-dessous ; votre saisie reste dans le formulaire. Enregistrez de nouveau pour garder votre version.
conflict-reload = Abandonner mes modifications et charger le dossier actuel
contacts-title = Coordonnées
contact-kind = Type
contact-value = Valeur
contact-since = Depuis
contact-until = Jusqu’au
contact-current = actuel
contact-phone = Téléphone
contact-email = E-mail
contact-address = Adresse
contact-end = Terminer
contact-add = Ajouter une coordonnée
contact-replaces = Remplace la coordonnée actuelle de ce type (elle reste dans l’historique)
household-title = Foyer
household-none = Ne fait pas encore partie d’un foyer.
household-create = Créer un foyer avec cette personne comme chef de famille
household-default-name = Famille { $name }
household-members = { $n ->
    [one] { $n } membre
   *[other] { $n } membres
}
household-add-member = Ajouter un membre du foyer
relationship-head = Chef de famille
relationship-spouse = Conjoint ou partenaire
relationship-child = Enfant
relationship-parent = Parent
relationship-sibling = Frère ou sœur
relationship-other-relative = Autre membre de la famille
relationship-non-relative = Sans lien de parenté

# Dossiers
cases-title = Dossiers
cases-none = Aucun dossier.
cases-mine = Seulement mes dossiers
cases-count = { $n ->
    [one] { $n } dossier
   *[other] { $n } dossiers
}
case-heading = { $client } — { $program }
case-client-profile = Profil du client
case-manager = Gestionnaire de dossier
case-opened = Ouvert le
case-open = Ouvrir un dossier
case-advance = Passer à l’étape suivante
case-step-back = Revenir à l’étape précédente
case-close = Fermer le dossier
case-close-reason = Motif
case-close-detail = Précisions (facultatif)
case-reopen = Rouvrir le dossier
case-assign = Attribuer un gestionnaire de dossier
case-override = Dérogation du superviseur à la limite de charge de dossiers
case-error-closed = Le dossier est fermé. Rouvrez-le d’abord.
case-error-already-open = Le dossier est déjà ouvert.
case-error-last-phase = C’est la dernière étape du programme : fermez plutôt le dossier.
case-error-first-phase = C’est la première étape du programme.
case-error-phase-not-in-program = L’étape du dossier n’appartient pas à son programme.
case-error-conflict = Quelqu’un d’autre vient de modifier ce dossier. La page affiche maintenant son état actuel ; réessayez.
case-error-unknown-manager = Cette personne n’est pas un membre actif du personnel de votre organisation.
caseload-error-full = Ce gestionnaire de dossier a atteint sa limite de charge de dossiers. Un superviseur peut dépasser la limite par une dérogation, qui est enregistrée.
notes-title = Notes de suivi
note-date = Date du contact
note-body = Note
note-add = Ajouter une note
history-title = Historique
event-open = ouvert
event-advance = avancé
event-step-back = reculé
event-close = fermé
event-reopen = rouvert
event-assign = attribué
event-caseload-override = limite de charge de dossiers dépassée
phase-enrollment = Inscription
phase-engagement = Prise de contact
phase-network-formation = Formation du réseau de soutien
phase-assessment-planning = Évaluation et planification
phase-linkage-accompaniment = Mise en lien et accompagnement
phase-monitoring = Suivi
phase-stabilization-closure = Stabilisation et clôture
closure-goals-met = Objectifs atteints
closure-moved-away = A déménagé
closure-lost-contact = Contact perdu
closure-declined = A refusé les services
closure-other = Autre
caseloads-title = Charges de dossiers
caseloads-open = Dossiers ouverts
caseloads-limit = Limite de charge
caseloads-use = Utilisation
caseloads-full = limite atteinte

# Rôles, programmes, organisations
role-administrator = Administrateur
role-supervisor = Superviseur
role-case-manager = Gestionnaire de dossier
role-intake-worker = Agent d’accueil
role-volunteer = Bénévole
role-attorney = Avocat
role-evaluator = Évaluateur
program-kind = Type de programme
program-goal = Objectif d’inscriptions
program-kind-destination = Gestion de dossiers à destination
program-kind-community-network = Réseau de soutien communautaire
program-kind-trafficking-survivor = Services aux survivants de la traite
program-kind-detention-alternative = Projet pilote d’alternatives à la détention
org-kind-lead = Organisme chef de file
org-kind-partner = Organisation partenaire

# Compte
account-title = Mon compte
account-password = Mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-password-hint = Au moins 10 caractères. Une courte phrase est facile à retenir.
account-change-password = Changer le mot de passe
account-password-changed = Mot de passe changé. Vos autres sessions ont été déconnectées.
account-tokens = Jetons d’API
account-tokens-explain = Les jetons personnels permettent à des scripts d’utiliser l’API JSON (/api/v1) avec vos autorisations. Envoyez-en un sous la forme "Authorization: Bearer TOKEN".
account-token-name = Nom du jeton
account-token-create = Créer un jeton
account-token-once = Copiez ce jeton maintenant ; il ne sera plus affiché :

# Administration
admin-title = Administration
admin-users = Comptes du personnel
admin-add-user = Ajouter un compte du personnel
admin-user-created = Compte créé.
admin-programs = Programmes
admin-add-program = Ajouter un programme
admin-sites = Sites
admin-add-site = Ajouter un site
admin-organizations = Organisations du consortium
admin-add-organization = Ajouter une organisation partenaire
admin-error-self = Vous ne pouvez pas retirer votre propre rôle d’administrateur ni désactiver votre propre compte.
admin-error-not-lead = Seuls les administrateurs de l’organisme chef de file ajoutent des organisations partenaires.
user-active = Actif
user-inactive = Inactif
user-locked = bloqué
user-unlock = Débloquer (efface les échecs de connexion)
audit-title = Journal d’audit
audit-recent = Dernières entrées de la chaîne de votre organisation
audit-verified = { $n ->
    [one] La chaîne d’audit est vérifiée : { $n } entrée, non modifiée.
   *[other] La chaîne d’audit est vérifiée : { $n } entrées, non modifiées.
}
audit-broken = { $n ->
    [one] Falsification détectée : { $n } entrée ne se vérifie pas.
   *[other] Falsification détectée : { $n } entrées ne se vérifient pas.
}
audit-when = Quand
audit-who = Utilisateur
audit-action = Action
audit-record = Fiche
audit-hash = Empreinte

# Import et export
import-title = Importer des clients
import-explain = Téléversez un fichier CSV avec une personne par ligne. Les lignes qui ont le même household_ref forment un seul foyer. Rien n’est enregistré si une seule ligne n’est pas valide.
import-file = Fichier CSV
import-upload = Téléverser et faire correspondre les colonnes
import-map-explain = Associez chaque colonne de Sendero à une colonne de votre fichier. Les colonnes de même nom sont déjà associées.
import-mapping = Correspondance des colonnes
import-sendero-column = Colonne Sendero
import-file-column = Colonne de votre fichier
import-skip = (absente de mon fichier)
import-commit = Vérifier chaque ligne et importer
import-errors = Problèmes trouvés (rien n’a été importé)
import-line = Ligne
import-field = Champ
import-problem = Problème
import-failed = Le fichier n’a pas pu être lu.
import-rejected = { $n ->
    [one] { $n } problème trouvé. Rien n’a été importé ; corrigez-le et téléversez de nouveau.
   *[other] { $n } problèmes trouvés. Rien n’a été importé ; corrigez-les et téléversez de nouveau.
}
import-done = { $n ->
    [one] { $n } client importé.
   *[other] { $n } clients importés.
}
import-another = Importer un autre fichier
export-clients = Exporter tous les clients en CSV (mêmes colonnes)
import-error-not-csv = Le fichier n’est pas un fichier CSV lisible.
import-error-missing-column = Le fichier n’a pas de colonne pour les prénoms.
import-error-malformed-row = Cette ligne n’a pas le même nombre de colonnes que l’en-tête.
import-error-too-many-rows = Trop de lignes dans un seul fichier.

# Erreurs
error-not-found = Introuvable.
error-forbidden = Votre rôle ne le permet pas.
error-unauthorized = Veuillez vous connecter.
error-csrf = Ce formulaire a expiré ou ne vient pas de Sendero. Rechargez la page et réessayez.
error-conflict = Quelqu’un d’autre a enregistré ce dossier avant vous. Rechargez-le et réessayez.
error-unexpected = Un problème est survenu de notre côté. Il a été consigné.
error-invalid = Cette valeur n’est pas valide.
error-invalid-json = Le corps de la requête n’est pas un JSON valide de la forme attendue.
error-required = Obligatoire.
error-too-long = Trop long.
error-control-chars = Contient des caractères qui ne peuvent pas être enregistrés.
error-date-format = Utilisez AAAA-MM-JJ, AAAA-MM ou AAAA.
error-date-invalid = Cette date n’existe pas.
error-date-range = La date doit être comprise entre 1900 et aujourd’hui.
error-date-format-day = Utilisez le format AAAA-MM-JJ.
error-note-date-range = La date doit être comprise entre le 2000-01-01 et aujourd’hui.
error-a-number = Un A-number compte 8 ou 9 chiffres.
error-phone = Un numéro de téléphone compte de 7 à 15 chiffres, éventuellement avec + ( ) - et des espaces.
error-email = Ce n’est pas une adresse e-mail.
error-email-taken = Un compte existe déjà avec cette adresse e-mail.
error-password-short = Le mot de passe doit compter au moins 10 caractères.
error-password-wrong = Le mot de passe actuel n’est pas correct.
error-number = Saisissez un nombre entier dans la plage autorisée.
error-relationship = Choisissez un lien dans la liste.

# Évaluations
nav-reports = Rapports
assessments-title = Évaluations
assessments-none = Aucune évaluation pour l’instant.
assessment-date = Date de passation
assessment-instrument = Instrument
assessment-timing = Moment
assessment-score = Score
assessment-flagged = alerte déclenchée
assessment-complete = Terminée
assessment-draft = Brouillon (partielle)
assessment-start = Commencer une évaluation
assessment-back-to-case = Retour au dossier
assessment-respondent = Qui répond
assessment-language = Langue des questions
assessment-partial-hint = Vous pouvez enregistrer des réponses partielles et terminer plus tard. Pour terminer, il faut répondre à toutes les questions marquées *.
assessment-save-draft = Enregistrer les réponses partielles
assessment-complete-action = Terminer l’évaluation
assessment-question = Question
assessment-answer = Réponse
assessments-chart-title = Scores au fil du temps
assessments-chart-x = Évaluation
assessments-chart-y = Score
timing-intake = Accueil
timing-periodic = Périodique
timing-closure = Clôture
assessment-error-unknown-item = Une réponse renvoie à une question qui ne fait pas partie de cet instrument.
assessment-error-off-scale = Une réponse ne fait pas partie des choix de la question.
assessment-error-incomplete = Des questions obligatoires sont sans réponse. Enregistrez les réponses partielles, ou répondez à toutes les questions marquées *.
assessment-error-respondent = La personne qui répond doit être le client ou un membre de son foyer.
assessment-error-complete = Une évaluation terminée ne peut pas être modifiée ; faites-en une nouvelle.

# Rapports de résultats
outcomes-title = Rapport de résultats
outcomes-from = Référence à partir du
outcomes-to = Référence jusqu’au
outcomes-show = Afficher le rapport
outcomes-choose = Choisissez un programme pour voir ses résultats.
outcomes-design-caveat = Il s’agit d’une comparaison avant/après sans groupe témoin : elle montre comment les scores des familles ont évolué, pas quelle part de cette évolution est due au programme. Les familles parties avant l’évaluation de clôture sont comptées ci-dessous, pas cachées.
outcomes-participation = Participation et abandons
outcomes-baseline = Familles ayant une évaluation de référence (accueil)
outcomes-closure = Familles ayant une évaluation de clôture
outcomes-completion = Taux d’achèvement (IC à 95 %)
outcomes-lost-contact = Non-finissants dont le dossier a été fermé pour perte de contact
outcomes-months = Mois de service, finissants (min / médiane / moyenne / max)
outcomes-version-changes = Paires passées avec des versions différentes de l’instrument (appariées par question)
outcomes-closure-without-baseline = Évaluations de clôture sans référence (exclues)
outcomes-attrition-bias = Ceux qui sont restés étaient-ils différents au départ ?
outcomes-attrition-explain = Scores totaux de référence des familles qui ont fait l’évaluation de clôture, comparés à ceux des familles qui ne l’ont pas faite. Un grand écart signifie que l’évolution ci-dessous peut ne pas valoir pour toutes les personnes qui ont commencé.
outcomes-completers = Finissants
outcomes-non-completers = Non-finissants
outcomes-mean = moyenne
outcomes-baseline-difference = Différence (t de Welch)
outcomes-smd = Différence standardisée (d de Cohen)
outcomes-change = Évolution de l’accueil à la clôture
outcomes-chart-title = { $instrument } : score moyen à l’accueil et à la clôture
outcomes-chart-x = Total et domaines
outcomes-chart-y = Score moyen
outcomes-table-caption = Évolution appariée par total, domaine et question (familles ayant les deux évaluations)
outcomes-variable = Variable
outcomes-pre = Moyenne à l’accueil
outcomes-post = Moyenne à la clôture
outcomes-mean-change = Évolution moyenne
outcomes-methods = Méthodes : test t apparié et test des rangs signés de Wilcoxon (exact pour les petits échantillons sans ex aequo, sinon approximation normale avec correction pour ex aequo ; différences nulles écartées), bilatéraux ; tailles d’effet d_z de Cohen et r rang-bisérial pour paires appariées ; valeurs p ajustées sur toutes les lignes par la méthode de Holm. Une réponse manquante exclut cette paire de cette ligne uniquement.
outcomes-csv = Télécharger ce tableau en CSV

# Instruments
instruments-title = Instruments d’évaluation
instrument-key = Clé
instrument-version = Version
instrument-items = Questions
instrument-builtin = intégré
instrument-new-version = Modifier comme nouvelle version
instrument-download = Télécharger
instrument-editor = Éditeur d’instruments
instrument-editor-explain = Collez ou modifiez une définition au format sendero-instrument/1. L’enregistrement crée une nouvelle version ; les résultats déjà enregistrés gardent la version avec laquelle ils ont été obtenus.
instrument-definition = Définition (JSON)
instrument-save = Vérifier et enregistrer comme nouvelle version
instrument-saved = { $key } version { $version } enregistrée.
instrument-error-json = La définition n’est pas un JSON valide au format des instruments :
instrument-error-too-large = La définition est trop volumineuse.
instrument-error-format = Format inconnu ; sendero-instrument/1 attendu :
instrument-error-key = La clé ne peut contenir que des lettres, des chiffres, - et _ :
instrument-error-version = La version doit être 1 ou plus :
instrument-error-items = Un instrument doit compter entre 1 et 500 questions ; celui-ci en a
instrument-error-scale = Une échelle n’a aucune valeur :
instrument-error-scale-labels = Une échelle doit avoir un libellé par valeur dans chaque langue :
instrument-error-item-key = Chaque question doit avoir une clé unique faite de lettres, de chiffres, - et _ :
instrument-error-item-scale = Une question utilise une échelle qui n’est pas définie :
instrument-error-item-domain = Une question appartient à un domaine qui n’est pas défini :
instrument-error-flag-item = La règle d’alerte cite une question qui n’existe pas :
instrument-error-version-exists = Cette version existe déjà : donnez à la nouvelle définition un numéro de version plus élevé.

# Doublons
merge-error-same = Une fiche ne peut pas être fusionnée avec elle-même.
merge-error-already-merged = L’une de ces fiches a déjà été fusionnée.
merge-error-undone = Cette fusion a déjà été annulée.
nav-dedup = Doublons
client-merged-into = Cette fiche a été fusionnée avec une autre. Ouvrez la fiche actuelle.
candidates-title = Cette personne est-elle déjà enregistrée ?
candidates-explain = Ces fiches existantes ressemblent à la personne que vous enregistrez. Ouvrez-en une s’il s’agit de la même personne ; sinon, enregistrez une nouvelle personne.
candidates-score = score de correspondance
candidates-open = Ouvrir cette fiche
candidates-new-person = C’est quelqu’un d’autre : enregistrer une nouvelle personne
error-possible-duplicate = Doublon possible.
match-line = { $field } : « { $left } » ~ « { $right } » — { $level }
match-field-given-name = Prénoms
match-field-family-name = Noms de famille
match-field-birth-date = Date de naissance
match-field-phone = Téléphone
match-field-country = Pays
match-field-household = Membres du foyer
match-field-other-id = Numéro de document
match-field-address = Adresse
match-level-exact = identique
match-level-transposed = identique, mais inversé (noms inversés, ou jour et mois inversés)
match-level-token-overlap = contient tous les mots du plus court
match-level-similar = orthographe presque identique
match-level-phonetic = se prononce pareil
match-level-within-one-year = même jour et même mois, à un an d’écart
match-level-year-only = même année de naissance
match-level-last-digits = mêmes 7 derniers chiffres
match-level-disagree = différent
match-level-missing = inconnu sur l’une des fiches
dedup-title = Fiches en double possibles
dedup-explain = Paires de fiches de votre organisation qui pourraient concerner la même personne, les plus probables en premier. Examinez chaque paire : fusionnez-la (réversible), ou indiquez qu’il s’agit de deux personnes différentes pour que la paire ne soit plus proposée.
dedup-threshold = Score de correspondance minimal
dedup-scan = Relancer la recherche
dedup-found = { $n ->
    [one] { $n } paire trouvée.
   *[other] { $n } paires trouvées (les 50 premières sont affichées).
}
dedup-side-by-side = Les deux fiches côte à côte
dedup-keep = Quelle fiche garder (les dossiers, notes, évaluations et coordonnées de l’autre y sont transférés)
dedup-reason = Motif
dedup-merge = Fusionner
dedup-distinct = Personnes différentes
merge-error-reason = Indiquez le motif de la fusion.
merges-title = Fusions
merges-none = Aucune fusion pour l’instant.
merges-kept = Gardée
merges-merged = Fusionnée
merges-undone = annulée
merges-undo = Annuler
pager-status-many = Page { $page } (plus de 10 000 au total)
clients-count-many = Plus de 10 000 clients
cases-count-many = Plus de 10 000 dossiers
