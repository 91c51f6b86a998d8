schedules-title = Informes programados
schedules-description = Informes para la junta y el consorcio que el trabajador prepara cada mes o trimestre, con un enlace enviado por correo a las personas que usted elija.
schedules-intro = Cada informe cubre el mes o el trimestre completo anterior y se guarda aquí. Las personas destinatarias reciben un correo con un enlace; el informe nunca viaja por correo.
schedules-list = Programaciones
schedules-none = Todavía no hay ningún informe programado.
schedule-new = Programar un informe
schedule-report = Informe
schedule-cadence = Frecuencia
schedule-cadence-monthly = Mensual (el mes anterior)
schedule-cadence-quarterly = Trimestral (el trimestre anterior)
schedule-format = Formato
schedule-language = Idioma del informe
schedule-recipients = Destinatarios
schedule-recipients-hint = Solo el personal activo que puede ver informes puede recibirlos.
schedule-all-programs = Todos los programas
schedule-next-run = Próxima ejecución
schedule-state = Estado
schedule-active = Activo
schedule-paused = En pausa
schedule-pause = Pausar
schedule-resume = Reanudar
schedule-create = Programar
schedule-runs = Informes preparados
schedule-runs-none = Todavía no se ha preparado ningún informe programado.
schedule-made = Preparado (UTC)
schedule-file = Archivo
schedule-error-report = Elija un informe que se pueda programar.
schedule-error-format = Elija PDF, XLSX o CSV.
schedule-error-cadence = Elija mensual o trimestral.
schedule-error-recipients = Elija al menos un destinatario que pueda ver informes.
schedule-error-language = Elija un idioma que ofrezca Sendero.
schedule-error-conflict = Otra persona cambió esta programación mientras tanto. La página muestra ahora su cambio; inténtelo de nuevo.
schedule-mail-subject = { $report }: del { $from } al { $to } está listo
schedule-mail-body =
    Hola, { $name }:

    El informe programado «{ $report }» del { $from } al { $to } está listo. Inicie sesión en Sendero para descargarlo:
    { $link }

    El informe es agregado y no identifica a nadie; no se adjunta a este correo.
