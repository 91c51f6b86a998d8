schedules-title = Relatórios agendados
schedules-description = Relatórios para a diretoria e para o consórcio gerados todo mês ou trimestre pelo sistema, com um link enviado por e-mail às pessoas que você escolher.
schedules-intro = Cada execução cobre o mês ou trimestre inteiro anterior e fica guardada aqui. Os destinatários recebem um e-mail com um link; o relatório em si nunca vai por e-mail.
schedules-list = Agendamentos
schedules-none = Nenhum relatório agendado ainda.
schedule-new = Agendar um relatório
schedule-report = Relatório
schedule-cadence = Frequência
schedule-cadence-monthly = Mensal (o mês anterior)
schedule-cadence-quarterly = Trimestral (o trimestre anterior)
schedule-format = Formato
schedule-language = Idioma do relatório
schedule-recipients = Destinatários
schedule-recipients-hint = Só membros ativos da equipe com permissão para ver relatórios podem recebê-los.
schedule-all-programs = Todos os programas
schedule-next-run = Próxima execução
schedule-state = Situação
schedule-active = Ativo
schedule-paused = Pausado
schedule-pause = Pausar
schedule-resume = Retomar
schedule-create = Agendar
schedule-runs = Relatórios gerados
schedule-runs-none = Nenhum relatório agendado foi gerado ainda.
schedule-made = Gerado em (UTC)
schedule-file = Arquivo
schedule-error-report = Escolha um relatório que possa ser agendado.
schedule-error-format = Escolha PDF, XLSX ou CSV.
schedule-error-cadence = Escolha mensal ou trimestral.
schedule-error-recipients = Escolha pelo menos um destinatário com permissão para ver relatórios.
schedule-error-language = Escolha um idioma oferecido pelo Sendero.
schedule-error-conflict = Outra pessoa alterou este agendamento nesse meio-tempo. A página agora mostra a alteração; tente de novo.
schedule-mail-subject = { $report }: { $from } a { $to } está pronto
schedule-mail-body =
    Olá, { $name },

    O relatório agendado "{ $report }" de { $from } a { $to } está pronto. Entre no Sendero para baixá-lo:
    { $link }

    O relatório é agregado e anonimizado; ele não vai anexado a este e-mail.
