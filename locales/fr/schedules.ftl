schedules-title = Rapports programmés
schedules-description = Rapports pour le conseil d’administration et le consortium produits chaque mois ou chaque trimestre par le système, avec un lien envoyé par e-mail aux personnes de votre choix.
schedules-intro = Chaque exécution couvre le mois ou le trimestre complet qui précède et est conservée ici. Les destinataires reçoivent un e-mail avec un lien ; le rapport lui-même ne circule jamais par e-mail.
schedules-list = Programmations
schedules-none = Aucun rapport n’est encore programmé.
schedule-new = Programmer un rapport
schedule-report = Rapport
schedule-cadence = Fréquence
schedule-cadence-monthly = Mensuelle (le mois précédent)
schedule-cadence-quarterly = Trimestrielle (le trimestre précédent)
schedule-format = Format
schedule-language = Langue du rapport
schedule-recipients = Destinataires
schedule-recipients-hint = Seuls les membres actifs du personnel autorisés à voir les rapports peuvent les recevoir.
schedule-all-programs = Tous les programmes
schedule-next-run = Prochaine exécution
schedule-state = État
schedule-active = Active
schedule-paused = En pause
schedule-pause = Mettre en pause
schedule-resume = Reprendre
schedule-create = Programmer
schedule-runs = Rapports produits
schedule-runs-none = Aucun rapport programmé n’a encore été produit.
schedule-made = Produit (UTC)
schedule-file = Fichier
schedule-error-report = Choisissez un rapport qui peut être programmé.
schedule-error-format = Choisissez PDF, XLSX ou CSV.
schedule-error-cadence = Choisissez mensuelle ou trimestrielle.
schedule-error-recipients = Choisissez au moins un destinataire autorisé à voir les rapports.
schedule-error-language = Choisissez une langue proposée par Sendero.
schedule-error-conflict = Quelqu’un a modifié cette programmation entre-temps. La page affiche maintenant sa modification ; réessayez.
schedule-mail-subject = { $report } : { $from } au { $to } est prêt
schedule-mail-body =
    Bonjour { $name },

    Le rapport programmé « { $report } » pour la période du { $from } au { $to } est prêt. Connectez-vous à Sendero pour le télécharger :
    { $link }

    Le rapport est agrégé et anonymisé ; il n’est pas joint à cet e-mail.
