# Protección de datos: sesiones, límites de solicitudes, verificación en dos pasos, conservación, exportaciones.
sessions-title = Dónde tiene la sesión abierta
sessions-explain = Cada navegador donde su cuenta tiene la sesión abierta. Si no reconoce alguno, ciérrelo y cambie su contraseña.
sessions-device = Navegador
sessions-ip = Dirección
sessions-signed-in = Inicio de sesión (UTC)
sessions-last-seen = Última actividad (UTC)
sessions-actions = Acciones
sessions-unknown = Desconocido
sessions-this-one = este navegador
sessions-end = Cerrar sesión
sessions-end-this = Cerrar sesión aquí
sessions-end-others = Cerrar todas las demás sesiones
error-rate-limited = Demasiadas solicitudes. Espere un momento y vuelva a intentarlo.
