# Authentification unique via un fournisseur OpenID Connect.
sso-heading = Ou utilisez le compte de votre organisation
sso-sign-in-with = Se connecter avec { $label }
sso-unavailable = L’authentification unique n’est pas disponible pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre mot de passe.
sso-expired = Cette tentative d’authentification unique a expiré ou a déjà été utilisée. Recommencez.
sso-cancelled = L’authentification unique a été annulée chez le fournisseur. Vous n’êtes pas connecté.
sso-failed = L’authentification unique a échoué : la réponse du fournisseur n’a pas pu être vérifiée. Recommencez.
sso-email-unverified = Votre fournisseur n’a pas vérifié votre adresse e-mail : elle ne peut donc pas être liée à un compte Sendero. Faites-la vérifier auprès de votre fournisseur, ou adressez-vous à un administrateur.
sso-no-account = Aucun compte Sendero actif ne correspond à cette connexion. Les comptes sont créés par les administrateurs : demandez au vôtre de créer ou de réactiver votre compte.
