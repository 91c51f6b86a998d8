# Koneksyon inik atravè yon founisè OpenID Connect.
sso-heading = Oswa itilize kont òganizasyon ou
sso-sign-in-with = Konekte ak { $label }
sso-unavailable = Koneksyon inik pa disponib kounye a. Eseye ankò nan kèk minit, oswa konekte ak modpas ou.
sso-expired = Tantativ koneksyon inik sa a ekspire oswa yo te deja itilize l. Rekòmanse.
sso-cancelled = Koneksyon inik la te anile kote founisè a. Ou pa konekte.
sso-failed = Koneksyon inik la pa reyisi: nou pa t ka verifye repons founisè a. Rekòmanse.
sso-email-unverified = Founisè ou a poko verifye adrès imèl ou, kidonk nou pa ka konekte l ak yon kont Sendero. Verifye l kote founisè ou a, oswa mande yon administratè.
sso-no-account = Pa gen okenn kont Sendero aktif ki koresponn ak koneksyon sa a. Se administratè yo ki kreye kont yo: mande administratè ou a pou l kreye oswa reaktive kont ou.
