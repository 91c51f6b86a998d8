# Inicio de sesión único con un proveedor OpenID Connect (issue 10).
sso-heading = O use la cuenta de su organización
sso-sign-in-with = Iniciar sesión con { $label }
sso-unavailable = El inicio de sesión único no está disponible en este momento. Vuelva a intentarlo en unos minutos o inicie sesión con su contraseña.
sso-expired = Ese intento de inicio de sesión único caducó o ya se usó. Empiece de nuevo.
sso-cancelled = El inicio de sesión único se canceló en el proveedor. No ha iniciado sesión.
sso-failed = El inicio de sesión único no se completó: no se pudo verificar la respuesta del proveedor. Empiece de nuevo.
sso-email-unverified = Su proveedor no ha verificado su correo electrónico, así que no se puede vincular a una cuenta de Sendero. Verifíquelo con su proveedor o consulte a un administrador.
sso-no-account = Ninguna cuenta activa de Sendero corresponde a este inicio de sesión. Las cuentas las crean los administradores: pida al suyo que cree o reactive su cuenta.
