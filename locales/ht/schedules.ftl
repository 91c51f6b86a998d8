schedules-title = Rapò planifye
schedules-description = Rapò konsèy administrasyon ak konsòsyòm sistèm nan fè chak mwa oswa chak trimès, ak yon lyen yo voye pa imèl bay moun ou chwazi yo.
schedules-intro = Chak rapò kouvri tout mwa oswa tout trimès ki te anvan li a, epi li rete isit la. Destinatè yo resevwa yon imèl ak yon lyen; rapò a li menm pa janm voye pa imèl.
schedules-list = Planifikasyon
schedules-none = Poko gen rapò ki planifye.
schedule-new = Planifye yon rapò
schedule-report = Rapò
schedule-cadence = Chak konbyen tan
schedule-cadence-monthly = Chak mwa (mwa anvan an)
schedule-cadence-quarterly = Chak trimès (trimès anvan an)
schedule-format = Fòma
schedule-language = Lang rapò a
schedule-recipients = Destinatè
schedule-recipients-hint = Se sèlman pèsonèl aktif ki gen dwa wè rapò ki ka resevwa yo.
schedule-all-programs = Tout pwogram yo
schedule-next-run = Pwochen fwa
schedule-state = Eta
schedule-active = Aktif
schedule-paused = An poz
schedule-pause = Mete an poz
schedule-resume = Rekòmanse
schedule-create = Planifye
schedule-runs = Rapò ki fèt
schedule-runs-none = Poko gen rapò planifye ki fèt.
schedule-made = Fèt (UTC)
schedule-file = Fichye
schedule-error-report = Chwazi yon rapò ki ka planifye.
schedule-error-format = Chwazi PDF, XLSX oswa CSV.
schedule-error-cadence = Chwazi chak mwa oswa chak trimès.
schedule-error-recipients = Chwazi omwen yon destinatè ki gen dwa wè rapò.
schedule-error-language = Chwazi yon lang Sendero ofri.
schedule-error-conflict = Yon lòt moun chanje planifikasyon sa a pandan tan sa a. Paj la montre chanjman yo kounye a; eseye ankò.
schedule-mail-subject = { $report }: { $from } rive { $to } pare
schedule-mail-body =
    Bonjou { $name },

    Rapò planifye "{ $report }" pou { $from } rive { $to } pare. Konekte nan Sendero pou telechaje l:
    { $link }

    Rapò a se done total san idantite; li pa tache ak imèl sa a.
