# Sendero — Español
skip-to-content = Saltar al contenido principal
nav-label = Principal
nav-dashboard = Panel principal
nav-clients = Clientes
nav-cases = Casos
nav-caseloads = Cargas de casos
nav-import = Importar
nav-admin = Administración
nav-account = Mi cuenta
sign-out = Cerrar sesión
language = Idioma
change-language = Cambiar idioma
footer-firewall = Sendero está al servicio de las personas que acompaña. Ningún rol, informe, exportación ni API entrega datos identificables de clientes a las autoridades de control migratorio.
back-home = Volver al panel principal
error-status = Estado
actions = Acciones
save = Guardar
edit = Editar
search = Buscar
filter = Filtrar
all = Todos
name = Nombre
city = Ciudad
role = Rol
status = Estado
status-open = Abierto
status-closed = Cerrado
updated = Actualizado
client = Cliente
program = Programa
site = Sede
phase = Fase
relationship = Parentesco con el/la jefe/a de familia
sort-by = Ordenar por
sort-name = Nombre
sort-newest = Más recientes
sort-updated = Actualizados recientemente
sort-opened = Abiertos recientemente
sort-client = Nombre del cliente
pager-label = Páginas
pager-status = Página { $page } de { $pages } ({ $total } en total)
pager-previous = Página anterior
pager-next = Página siguiente

# Inicio de sesión
login-title = Iniciar sesión
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-invalid = Ese correo electrónico y esa contraseña no corresponden a ninguna cuenta activa.
login-locked = Demasiados intentos fallidos. La cuenta está bloqueada durante 15 minutos; un administrador puede desbloquearla antes.
demo-accounts = Cuentas de demostración (una por rol)
demo-password = Todas las cuentas de demostración usan la contraseña

# Panel principal
dashboard-title = Panel principal
dashboard-my-open = mis casos abiertos
dashboard-org-open = casos abiertos en mi organización
dashboard-org-clients = clientes en mi organización
dashboard-my-cases = Mis casos actualizados más recientemente
dashboard-no-cases = No tiene casos abiertos.
dashboard-all-my-cases = Todos mis casos
dashboard-restricted = Su rol no incluye el registro de clientes. Las funciones de red de apoyo, registro de tutores y evaluación aparecerán aquí a medida que estén disponibles para su rol.

# Clientes
clients-title = Clientes
clients-new = Registrar un cliente
clients-search = Buscar por nombre (cualquier ortografía o alfabeto)
clients-none = Ningún cliente coincide.
clients-count = { $n ->
    [one] Un cliente
   *[other] { $n } clientes
}
client-name = Nombre
client-new-title = Registrar un cliente
client-edit-title = Editar cliente
client-identity = Identidad
client-contact = Datos del primer contacto
client-given-names = Nombres
client-family-names = Apellidos
client-family-names-hint = Ambos apellidos si la persona usa dos.
client-aliases = Otros nombres y formas de escribirlos
client-aliases-hint = Cómo aparece escrito en documentos, apodos, nombres en otros alfabetos.
client-birth-date = Fecha de nacimiento
client-birth-date-hint = YYYY-MM-DD, o YYYY-MM, o solo YYYY cuando solo se conoce el año.
client-country = País de origen
client-languages = Idiomas
client-languages-hint = Separados por comas, el preferido primero.
client-a-number = Número A (número de extranjero)
client-a-number-hint = 8 o 9 dígitos. Se guarda cifrado.
form-has-errors = Algunos campos necesitan atención. Cada problema se explica junto a su campo.
conflict-explain = Otra persona guardó este registro mientras usted lo editaba. Todavía no se ha guardado nada de lo suyo. Los valores que esa persona guardó aparecen abajo; lo que usted escribió se conserva en el formulario. Guarde de nuevo para conservar su versión.
conflict-reload = Descartar mis cambios y cargar el registro actual
contacts-title = Datos de contacto
contact-kind = Tipo
contact-value = Valor
contact-since = Desde
contact-until = Hasta
contact-current = actual
contact-phone = Teléfono
contact-email = Correo electrónico
contact-address = Dirección
contact-end = Finalizar
contact-add = Agregar contacto
contact-replaces = Reemplaza el actual de este tipo (lo conserva en el historial)
household-title = Grupo familiar
household-none = Todavía no forma parte de un grupo familiar.
household-create = Crear un grupo familiar con esta persona como jefe/a de familia
household-default-name = Familia { $name }
household-members = { $n ->
    [one] un integrante
   *[other] { $n } integrantes
}
household-add-member = Agregar un integrante al grupo familiar
relationship-head = Jefe/a de familia
relationship-spouse = Cónyuge o pareja
relationship-child = Hijo/a
relationship-parent = Padre o madre
relationship-sibling = Hermano/a
relationship-other-relative = Otro familiar
relationship-non-relative = Sin parentesco

# Casos
cases-title = Casos
cases-none = No hay casos.
cases-mine = Solo mis casos
cases-count = { $n ->
    [one] Un caso
   *[other] { $n } casos
}
case-heading = { $client } — { $program }
case-client-profile = Perfil del cliente
case-manager = Gestor/a de casos
case-opened = Abierto el
case-open = Abrir un caso
case-advance = Pasar a la siguiente fase
case-step-back = Volver a la fase anterior
case-close = Cerrar el caso
case-close-reason = Motivo
case-close-detail = Detalles (opcional)
case-reopen = Reabrir el caso
case-assign = Asignar un/a gestor/a de casos
case-override = Excepción del/de la supervisor/a al límite de carga de casos
case-error-closed = El caso está cerrado. Primero reábralo.
case-error-already-open = El caso ya está abierto.
case-error-last-phase = Esta es la última fase del programa: en su lugar, cierre el caso.
case-error-first-phase = Esta es la primera fase del programa.
case-error-phase-not-in-program = La fase del caso no pertenece a su programa.
case-error-conflict = Otra persona modificó este caso hace un momento. La página ahora muestra el estado actual; inténtelo de nuevo.
case-error-unknown-manager = Esa persona no es un miembro activo del personal de su organización.
caseload-error-full = Ese/a gestor/a de casos ya alcanzó su límite de carga de casos. Un/a supervisor/a puede asignar por encima del límite mediante una excepción, que queda registrada.
notes-title = Notas del caso
note-date = Fecha del contacto
note-body = Nota
note-add = Agregar nota
history-title = Historial
event-open = abierto
event-advance = avanzó de fase
event-step-back = retrocedió de fase
event-close = cerrado
event-reopen = reabierto
event-assign = asignado
event-caseload-override = se hizo una excepción al límite de carga de casos
phase-enrollment = Inscripción
phase-engagement = Vinculación inicial
phase-network-formation = Formación de la red de apoyo
phase-assessment-planning = Evaluación y planificación
phase-linkage-accompaniment = Derivación y acompañamiento
phase-monitoring = Seguimiento
phase-stabilization-closure = Estabilización y cierre
closure-goals-met = Metas cumplidas
closure-moved-away = Se mudó
closure-lost-contact = Se perdió el contacto
closure-declined = Rechazó los servicios
closure-other = Otro
caseloads-title = Cargas de casos
caseloads-open = Casos abiertos
caseloads-limit = Límite de carga de casos
caseloads-use = Uso
caseloads-full = en el límite

# Roles, programas, organizaciones
role-administrator = Administrador/a
role-supervisor = Supervisor/a
role-case-manager = Gestor/a de casos
role-intake-worker = Encargado/a de admisión
role-volunteer = Voluntario/a
role-attorney = Abogado/a
role-evaluator = Evaluador/a
program-kind = Tipo de programa
program-goal = Meta de inscripción
program-kind-destination = Gestión de casos en el lugar de destino
program-kind-community-network = Red comunitaria de apoyo
program-kind-trafficking-survivor = Servicios para sobrevivientes de trata
program-kind-detention-alternative = Programa piloto de alternativas a la detención
org-kind-lead = Agencia principal
org-kind-partner = Organización aliada

# Cuenta
account-title = Mi cuenta
account-password = Contraseña
account-current-password = Contraseña actual
account-new-password = Contraseña nueva
account-password-hint = Al menos 10 caracteres. Una frase corta es fácil de recordar.
account-change-password = Cambiar contraseña
account-password-changed = Contraseña cambiada. Se cerraron sus otras sesiones.
account-tokens = Tokens de API
account-tokens-explain = Los tokens personales permiten que los scripts usen la API JSON (/api/v1) con sus permisos. Envíe uno como "Authorization: Bearer TOKEN".
account-token-name = Nombre del token
account-token-create = Crear token
account-token-once = Copie este token ahora; no se volverá a mostrar:

# Administración
admin-title = Administración
admin-users = Cuentas del personal
admin-add-user = Agregar una cuenta del personal
admin-user-created = Cuenta creada.
admin-programs = Programas
admin-add-program = Agregar programa
admin-sites = Sedes
admin-add-site = Agregar sede
admin-organizations = Organizaciones del consorcio
admin-add-organization = Agregar organización aliada
admin-error-self = No puede quitarse su propio rol de administrador ni desactivar su propia cuenta.
admin-error-not-lead = Solo los administradores de la agencia principal pueden agregar organizaciones aliadas.
user-active = Activa
user-inactive = Inactiva
user-locked = bloqueada
user-unlock = Desbloquear (borra los intentos fallidos de inicio de sesión)
audit-title = Registro de auditoría
audit-recent = Últimas entradas en la cadena de su organización
audit-verified = { $n ->
    [one] La cadena de auditoría es válida: una entrada, sin alteraciones.
   *[other] La cadena de auditoría es válida: { $n } entradas, sin alteraciones.
}
audit-broken = { $n ->
    [one] Se detectó una alteración: una entrada no se puede verificar.
   *[other] Se detectó una alteración: { $n } entradas no se pueden verificar.
}
audit-when = Cuándo
audit-who = Usuario
audit-action = Acción
audit-record = Registro
audit-hash = Hash

# Importación y exportación
import-title = Importar clientes
import-explain = Suba un archivo CSV con una persona por fila. Las filas que comparten el mismo household_ref forman un solo grupo familiar. No se guarda nada a menos que todas las filas sean válidas.
import-file = Archivo CSV
import-upload = Subir y asignar columnas
import-map-explain = Asigne a cada columna de Sendero una columna de su archivo. Las columnas con el mismo nombre ya están asignadas.
import-mapping = Asignación de columnas
import-sendero-column = Columna de Sendero
import-file-column = Columna de su archivo
import-skip = (no está en mi archivo)
import-commit = Revisar todas las filas e importar
import-errors = Problemas encontrados (no se importó nada)
import-line = Línea
import-field = Campo
import-problem = Problema
import-failed = No se pudo leer el archivo.
import-rejected = { $n ->
    [one] Se encontró un problema. No se importó nada; corríjalo y vuelva a subir el archivo.
   *[other] Se encontraron { $n } problemas. No se importó nada; corríjalos y vuelva a subir el archivo.
}
import-done = { $n ->
    [one] Se importó un cliente.
   *[other] Se importaron { $n } clientes.
}
import-another = Importar otro archivo
export-clients = Exportar todos los clientes en CSV (mismas columnas)
import-error-not-csv = El archivo no es un archivo CSV legible.
import-error-missing-column = El archivo no tiene una columna para los nombres.
import-error-malformed-row = Esta fila tiene un número de columnas distinto al del encabezado.
import-error-too-many-rows = Demasiadas filas en un solo archivo.

# Errores
error-not-found = No se encontró.
error-forbidden = Su rol no permite esta acción.
error-unauthorized = Inicie sesión.
error-csrf = Este formulario venció o no proviene de Sendero. Vuelva a cargar la página e inténtelo de nuevo.
error-conflict = Otra persona guardó este registro primero. Vuelva a cargarlo e inténtelo de nuevo.
error-unexpected = Algo salió mal de nuestro lado. Ya quedó registrado.
error-invalid = Este valor no es válido.
error-invalid-json = El cuerpo de la solicitud no es un JSON válido con la estructura esperada.
error-required = Obligatorio.
error-too-long = Demasiado largo.
error-control-chars = Contiene caracteres que no se pueden guardar.
error-date-format = Use YYYY-MM-DD, YYYY-MM o YYYY.
error-date-invalid = Esa fecha no existe.
error-date-range = La fecha debe estar entre 1900 y hoy.
error-date-format-day = Use el formato AAAA-MM-DD.
error-note-date-range = La fecha debe estar entre el 2000-01-01 y hoy.
error-a-number = El número A tiene 8 o 9 dígitos.
error-phone = Un número de teléfono tiene de 7 a 15 dígitos, y puede incluir + ( ) - y espacios.
error-email = Esa no es una dirección de correo electrónico.
error-email-taken = Ya existe una cuenta con ese correo electrónico.
error-password-short = La contraseña debe tener al menos 10 caracteres.
error-password-wrong = La contraseña actual no es correcta.
error-number = Ingrese un número entero dentro del rango permitido.
error-relationship = Elija un parentesco de la lista.

# Evaluaciones
nav-reports = Informes
assessments-title = Evaluaciones
assessments-none = Todavía no hay evaluaciones.
assessment-date = Fecha
assessment-instrument = Instrumento
assessment-timing = Momento
assessment-score = Puntaje
assessment-flagged = alerta activada
assessment-complete = Completa
assessment-draft = Borrador (parcial)
assessment-start = Iniciar una evaluación
assessment-back-to-case = Volver al caso
assessment-respondent = Quién responde
assessment-language = Idioma de las preguntas
assessment-partial-hint = Puede guardar respuestas parciales y terminar después. Para completarla, responda todas las preguntas marcadas con *.
assessment-save-draft = Guardar respuestas parciales
assessment-complete-action = Completar la evaluación
assessment-question = Pregunta
assessment-answer = Respuesta
assessments-chart-title = Puntajes a lo largo del tiempo
assessments-chart-x = Evaluación
assessments-chart-y = Puntaje
timing-intake = Admisión
timing-periodic = Periódica
timing-closure = Cierre
assessment-error-unknown-item = Una respuesta corresponde a una pregunta que no está en este instrumento.
assessment-error-off-scale = Una respuesta no es una de las opciones de la pregunta.
assessment-error-incomplete = Faltan preguntas obligatorias. Guarde las respuestas parciales o responda todas las preguntas marcadas con *.
assessment-error-respondent = Quien responde debe ser la persona atendida o alguien de su grupo familiar.
assessment-error-complete = Una evaluación completa no se puede cambiar; haga una nueva.

# Informes de resultados
outcomes-title = Informe de resultados
outcomes-from = Línea de base desde
outcomes-to = Línea de base hasta
outcomes-show = Ver informe
outcomes-choose = Elija un programa para ver sus resultados.
outcomes-design-caveat = Esta es una comparación antes/después sin grupo de comparación: muestra cómo cambiaron los puntajes de las familias, no cuánto de ese cambio se debe al programa. Las familias que se fueron antes de la evaluación de cierre se cuentan abajo; no se ocultan.
outcomes-participation = Participación y pérdida de seguimiento
outcomes-baseline = Familias con evaluación de línea de base (admisión)
outcomes-closure = Familias con evaluación de cierre
outcomes-completion = Tasa de finalización (IC 95%)
outcomes-lost-contact = Familias sin cierre cuyo caso se cerró por pérdida de contacto
outcomes-months = Meses de servicio de quienes completaron (mín. / mediana / media / máx.)
outcomes-version-changes = Pares con versiones distintas del instrumento (emparejados por pregunta)
outcomes-closure-without-baseline = Evaluaciones de cierre sin línea de base (excluidas)
outcomes-attrition-bias = ¿Quienes se quedaron eran distintos al inicio?
outcomes-attrition-explain = Puntaje total de línea de base de las familias que completaron la evaluación de cierre, frente a las que no. Una diferencia grande significa que el cambio de abajo puede no valer para todas las familias que empezaron.
outcomes-completers = Completaron
outcomes-non-completers = No completaron
outcomes-mean = media
outcomes-baseline-difference = Diferencia (t de Welch)
outcomes-smd = Diferencia estandarizada (d de Cohen)
outcomes-change = Cambio de la admisión al cierre
outcomes-chart-title = { $instrument }: puntaje medio en la admisión y en el cierre
outcomes-chart-x = Total y dominios
outcomes-chart-y = Puntaje medio
outcomes-table-caption = Cambio pareado por total, dominio y pregunta (familias con ambas evaluaciones)
outcomes-variable = Variable
outcomes-pre = Media en la admisión
outcomes-post = Media en el cierre
outcomes-mean-change = Cambio medio
outcomes-methods = Métodos: prueba t pareada y prueba de rangos con signo de Wilcoxon (exacta para muestras pequeñas sin empates; si no, aproximación normal con corrección por empates; diferencias cero excluidas), bilaterales; tamaños del efecto d_z de Cohen y r biserial de rangos para pares; valores p ajustados en todas las filas con el método de Holm. Una respuesta faltante excluye ese par solo de esa fila.
outcomes-csv = Descargar esta tabla en CSV

# Instrumentos
instruments-title = Instrumentos de evaluación
instrument-key = Clave
instrument-version = Versión
instrument-items = Preguntas
instrument-builtin = incluido
instrument-new-version = Editar como nueva versión
instrument-download = Descargar
instrument-editor = Editor de instrumentos
instrument-editor-explain = Pegue o edite una definición en el formato sendero-instrument/1. Al guardar se crea una versión nueva; los resultados ya registrados conservan la versión con la que se tomaron.
instrument-definition = Definición (JSON)
instrument-save = Revisar y guardar como nueva versión
instrument-saved = Se guardó { $key } versión { $version }.
instrument-error-json = La definición no es un JSON válido del formato de instrumento:
instrument-error-too-large = La definición es demasiado grande.
instrument-error-format = Formato desconocido; se esperaba sendero-instrument/1:
instrument-error-key = La clave solo puede usar letras, dígitos, - y _:
instrument-error-version = La versión debe ser 1 o mayor:
instrument-error-items = Un instrumento necesita entre 1 y 500 preguntas; tiene
instrument-error-scale = Una escala no tiene valores:
instrument-error-scale-labels = Una escala necesita una etiqueta por valor en cada idioma:
instrument-error-item-key = Cada pregunta necesita una clave única de letras, dígitos, - y _:
instrument-error-item-scale = Una pregunta usa una escala que no está definida:
instrument-error-item-domain = Una pregunta pertenece a un dominio que no está definido:
instrument-error-flag-item = La regla de alerta menciona una pregunta que no existe:
instrument-error-version-exists = Esa versión ya existe: dé a la nueva definición un número de versión mayor.

# Duplicados
merge-error-same = Un registro no se puede fusionar consigo mismo.
merge-error-already-merged = Uno de estos registros ya fue fusionado.
merge-error-undone = Esta fusión ya fue deshecha.
nav-dedup = Duplicados
client-merged-into = Este registro se fusionó con otro. Abra el registro vigente.
candidates-title = ¿Esta persona ya está registrada?
candidates-explain = Estos registros existentes se parecen a la persona que está registrando. Abra uno si es la misma persona; si no, registre una persona nueva.
candidates-score = puntaje de coincidencia
candidates-open = Abrir este registro
candidates-new-person = Es otra persona: registrar una persona nueva
error-possible-duplicate = Posible duplicado.
match-line = { $field }: «{ $left }» ~ «{ $right }» — { $level }
match-field-given-name = Nombres
match-field-family-name = Apellidos
match-field-birth-date = Fecha de nacimiento
match-field-phone = Teléfono
match-field-country = País
match-field-household = Integrantes del grupo familiar
match-field-other-id = Número de documento
match-field-address = Dirección
match-level-exact = iguales
match-level-transposed = iguales pero invertidos (nombres invertidos, o día y mes invertidos)
match-level-token-overlap = comparte todas las palabras del más corto
match-level-similar = se escriben casi igual
match-level-phonetic = suenan igual
match-level-within-one-year = mismo día y mes, un año de diferencia
match-level-year-only = mismo año de nacimiento
match-level-last-digits = comparten los últimos 7 dígitos
match-level-disagree = distintos
match-level-missing = desconocido en un registro
dedup-title = Posibles registros duplicados
dedup-explain = Pares de registros de su organización que podrían ser la misma persona, los más probables primero. Revise cada par: fusiónelo (se puede deshacer) o márquelos como personas distintas para que el par no vuelva a proponerse.
dedup-threshold = Puntaje mínimo de coincidencia
dedup-scan = Buscar de nuevo
dedup-found = { $n ->
    [one] Se encontró un par.
   *[other] Se encontraron { $n } pares (se muestran los primeros 50).
}
dedup-side-by-side = Los dos registros lado a lado
dedup-keep = Qué registro conservar (los casos, notas, evaluaciones y contactos del otro pasan a este)
dedup-reason = Motivo
dedup-merge = Fusionar
dedup-distinct = Son personas distintas
merge-error-reason = Indique un motivo para la fusión.
merges-title = Fusiones
merges-none = Todavía no hay fusiones.
merges-kept = Conservado
merges-merged = Fusionado
merges-undone = deshecha
merges-undo = Deshacer
pager-status-many = Página { $page } (más de 10.000 en total)
clients-count-many = Más de 10.000 clientes
cases-count-many = Más de 10.000 casos
