# Sendero — Brazilian Portuguese (pt-BR)
skip-to-content = Ir para o conteúdo principal
nav-label = Principal
nav-dashboard = Painel
nav-clients = Clientes
nav-cases = Casos
nav-caseloads = Cargas de casos
nav-import = Importar
nav-admin = Administração
nav-account = Minha conta
sign-out = Sair
language = Idioma
change-language = Mudar idioma
footer-firewall = O Sendero está a serviço das pessoas que acompanha. Nenhuma função, relatório, exportação ou API entrega dados que identifiquem clientes às autoridades de fiscalização da imigração.
back-home = Voltar ao painel
error-status = Status
actions = Ações
save = Salvar
edit = Editar
search = Buscar
filter = Filtrar
all = Todos
name = Nome
city = Cidade
role = Função
status = Status
status-open = Aberto
status-closed = Encerrado
updated = Atualizado
client = Cliente
program = Programa
site = Unidade
phase = Fase
relationship = Parentesco com o chefe de família
sort-by = Ordenar por
sort-name = Nome
sort-newest = Mais recentes
sort-updated = Atualizados recentemente
sort-opened = Abertos recentemente
sort-client = Nome do cliente
pager-label = Páginas
pager-status = Página { $page } de { $pages } ({ $total } no total)
pager-previous = Página anterior
pager-next = Próxima página

# Entrar
login-title = Entrar
login-email = E-mail
login-password = Senha
login-submit = Entrar
login-invalid = Esse e-mail e essa senha não correspondem a nenhuma conta ativa.
login-locked = Tentativas demais sem sucesso. A conta está bloqueada por 15 minutos; um administrador pode desbloqueá-la antes.
demo-accounts = Contas de demonstração (uma por função)
demo-password = Todas as contas de demonstração usam a senha

# Painel
dashboard-title = Painel
dashboard-my-open = meus casos abertos
dashboard-org-open = casos abertos na minha organização
dashboard-org-clients = clientes na minha organização
dashboard-my-cases = Meus casos atualizados mais recentemente
dashboard-no-cases = Você não tem casos abertos.
dashboard-all-my-cases = Todos os meus casos
dashboard-restricted = Sua função não inclui o cadastro de clientes. Os recursos de rede de apoio, cadastro de tutores e avaliação aparecerão aqui à medida que ficarem disponíveis para a sua função.

# Clientes
clients-title = Clientes
clients-new = Cadastrar um cliente
clients-search = Buscar por nome (qualquer grafia ou alfabeto)
clients-none = Nenhum cliente encontrado.
clients-count = { $n ->
    [one] { $n } cliente
   *[other] { $n } clientes
}
client-name = Nome
client-new-title = Cadastrar um cliente
client-edit-title = Editar cliente
client-identity = Identidade
client-contact = Primeiros dados de contato
client-given-names = Nomes
client-family-names = Sobrenomes
client-family-names-hint = Os dois sobrenomes, se a pessoa usar dois.
client-aliases = Outros nomes e grafias
client-aliases-hint = Grafias em documentos, apelidos, nomes em outros alfabetos.
client-birth-date = Data de nascimento
client-birth-date-hint = AAAA-MM-DD, ou AAAA-MM, ou só AAAA quando só se sabe o ano.
client-country = País de origem
client-languages = Idiomas
client-languages-hint = Separados por vírgulas, o preferido primeiro.
client-a-number = A-number
client-a-number-hint = 8 ou 9 dígitos. Armazenado com criptografia.
form-has-errors = Alguns campos precisam de atenção. Cada problema está descrito ao lado do seu campo.
conflict-explain = Outra pessoa salvou este registro enquanto você o editava. Nada do que você fez foi salvo ainda. Os valores que ela salvou estão abaixo; o que você digitou continua no formulário. Salve de novo para manter a sua versão.
conflict-reload = Descartar minhas alterações e carregar o registro atual
contacts-title = Dados de contato
contact-kind = Tipo
contact-value = Valor
contact-since = Desde
contact-until = Até
contact-current = atual
contact-phone = Telefone
contact-email = E-mail
contact-address = Endereço
contact-end = Encerrar
contact-add = Adicionar contato
contact-replaces = Substitui o contato atual deste tipo (ele fica no histórico)
household-title = Núcleo familiar
household-none = Ainda não faz parte de um núcleo familiar.
household-create = Criar um núcleo familiar com esta pessoa como chefe de família
household-default-name = Família { $name }
household-members = { $n ->
    [one] { $n } membro
   *[other] { $n } membros
}
household-add-member = Adicionar um membro do núcleo familiar
relationship-head = Chefe de família
relationship-spouse = Cônjuge ou companheiro(a)
relationship-child = Filho(a)
relationship-parent = Pai ou mãe
relationship-sibling = Irmão ou irmã
relationship-other-relative = Outro parente
relationship-non-relative = Sem parentesco

# Casos
cases-title = Casos
cases-none = Nenhum caso.
cases-mine = Só os meus casos
cases-count = { $n ->
    [one] { $n } caso
   *[other] { $n } casos
}
case-heading = { $client } — { $program }
case-client-profile = Perfil do cliente
case-manager = Gestor de caso
case-opened = Aberto em
case-open = Abrir um caso
case-advance = Avançar para a próxima fase
case-step-back = Voltar para a fase anterior
case-close = Encerrar o caso
case-close-reason = Motivo
case-close-detail = Detalhes (opcional)
case-reopen = Reabrir o caso
case-assign = Designar um gestor de caso
case-override = Exceção do supervisor ao limite da carga de casos
case-error-closed = O caso está encerrado. Reabra-o primeiro.
case-error-already-open = O caso já está aberto.
case-error-last-phase = Esta é a última fase do programa: encerre o caso.
case-error-first-phase = Esta é a primeira fase do programa.
case-error-phase-not-in-program = A fase do caso não pertence ao programa dele.
case-error-conflict = Outra pessoa acabou de alterar este caso. A página agora mostra a situação atual; tente de novo.
case-error-unknown-manager = Essa pessoa não é um membro ativo da equipe da sua organização.
caseload-error-full = Esse gestor de caso chegou ao limite da sua carga de casos. Um supervisor pode ultrapassar o limite com uma exceção, que fica registrada.
notes-title = Anotações do caso
note-date = Data do contato
note-body = Anotação
note-add = Adicionar anotação
history-title = Histórico
event-open = aberto
event-advance = avançou
event-step-back = voltou
event-close = encerrado
event-reopen = reaberto
event-assign = designado
event-caseload-override = limite da carga de casos ultrapassado
phase-enrollment = Inscrição
phase-engagement = Vinculação
phase-network-formation = Formação da rede de apoio
phase-assessment-planning = Avaliação e planejamento
phase-linkage-accompaniment = Encaminhamento e acompanhamento
phase-monitoring = Monitoramento
phase-stabilization-closure = Estabilização e encerramento
closure-goals-met = Metas alcançadas
closure-moved-away = Mudou-se
closure-lost-contact = Perdeu-se o contato
closure-declined = Recusou os serviços
closure-other = Outro
caseloads-title = Cargas de casos
caseloads-open = Casos abertos
caseloads-limit = Limite da carga de casos
caseloads-use = Uso
caseloads-full = no limite

# Funções, programas, organizações
role-administrator = Administrador
role-supervisor = Supervisor
role-case-manager = Gestor de caso
role-intake-worker = Agente de acolhimento
role-volunteer = Voluntário
role-attorney = Advogado
role-evaluator = Avaliador
program-kind = Tipo de programa
program-goal = Meta de inscrições
program-kind-destination = Gestão de casos no destino
program-kind-community-network = Rede comunitária de apoio
program-kind-trafficking-survivor = Serviços para sobreviventes de tráfico de pessoas
program-kind-detention-alternative = Projeto-piloto de alternativas à detenção
org-kind-lead = Organização líder
org-kind-partner = Organização parceira

# Conta
account-title = Minha conta
account-password = Senha
account-current-password = Senha atual
account-new-password = Nova senha
account-password-hint = Pelo menos 10 caracteres. Uma frase curta é fácil de lembrar.
account-change-password = Mudar a senha
account-password-changed = Senha alterada. Suas outras sessões foram encerradas.
account-tokens = Tokens de API
account-tokens-explain = Tokens pessoais permitem que scripts usem a API JSON (/api/v1) com as suas permissões. Envie um assim: "Authorization: Bearer TOKEN".
account-token-name = Nome do token
account-token-create = Criar token
account-token-once = Copie este token agora; ele não será mostrado de novo:

# Administração
admin-title = Administração
admin-users = Contas da equipe
admin-add-user = Adicionar uma conta da equipe
admin-user-created = Conta criada.
admin-programs = Programas
admin-add-program = Adicionar programa
admin-sites = Unidades
admin-add-site = Adicionar unidade
admin-organizations = Organizações do consórcio
admin-add-organization = Adicionar organização parceira
admin-error-self = Você não pode remover a sua própria função de administrador nem desativar a sua própria conta.
admin-error-not-lead = Só os administradores da organização líder adicionam organizações parceiras.
user-active = Ativo
user-inactive = Inativo
user-locked = bloqueado
user-unlock = Desbloquear (apaga as tentativas de login sem sucesso)
audit-title = Registro de auditoria
audit-recent = Últimas entradas na cadeia da sua organização
audit-verified = { $n ->
    [one] A cadeia de auditoria foi verificada: { $n } entrada, sem alterações.
   *[other] A cadeia de auditoria foi verificada: { $n } entradas, sem alterações.
}
audit-broken = { $n ->
    [one] Adulteração detectada: { $n } entrada não confere.
   *[other] Adulteração detectada: { $n } entradas não conferem.
}
audit-when = Quando
audit-who = Usuário
audit-action = Ação
audit-record = Registro
audit-hash = Hash

# Importação e exportação
import-title = Importar clientes
import-explain = Envie um arquivo CSV com uma pessoa por linha. As linhas com o mesmo household_ref formam um único núcleo familiar. Nada é salvo a menos que todas as linhas sejam válidas.
import-file = Arquivo CSV
import-upload = Enviar e associar as colunas
import-map-explain = Associe cada coluna do Sendero a uma coluna do seu arquivo. As colunas com o mesmo nome já estão associadas.
import-mapping = Associação de colunas
import-sendero-column = Coluna do Sendero
import-file-column = Coluna no seu arquivo
import-skip = (não está no meu arquivo)
import-commit = Verificar cada linha e importar
import-errors = Problemas encontrados (nada foi importado)
import-line = Linha
import-field = Campo
import-problem = Problema
import-failed = Não foi possível ler o arquivo.
import-rejected = { $n ->
    [one] { $n } problema encontrado. Nada foi importado; corrija-o e envie de novo.
   *[other] { $n } problemas encontrados. Nada foi importado; corrija-os e envie de novo.
}
import-done = { $n ->
    [one] { $n } cliente importado.
   *[other] { $n } clientes importados.
}
import-another = Importar outro arquivo
export-clients = Exportar todos os clientes em CSV (mesmas colunas)
import-error-not-csv = O arquivo não é um CSV legível.
import-error-missing-column = O arquivo não tem coluna para os nomes.
import-error-malformed-row = Esta linha tem um número de colunas diferente do cabeçalho.
import-error-too-many-rows = Linhas demais em um único arquivo.

# Erros
error-not-found = Não encontrado.
error-forbidden = Sua função não permite isso.
error-unauthorized = Por favor, entre.
error-csrf = Este formulário expirou ou não veio do Sendero. Recarregue a página e tente de novo.
error-conflict = Outra pessoa salvou este registro antes. Recarregue-o e tente de novo.
error-unexpected = Algo deu errado do nosso lado. O problema foi registrado.
error-invalid = Este valor não é válido.
error-invalid-json = O corpo da requisição não é um JSON válido no formato esperado.
error-required = Obrigatório.
error-too-long = Longo demais.
error-control-chars = Contém caracteres que não podem ser armazenados.
error-date-format = Use AAAA-MM-DD, AAAA-MM ou AAAA.
error-date-invalid = Essa data não existe.
error-date-range = A data deve estar entre 1900 e hoje.
error-date-format-day = Use o formato AAAA-MM-DD.
error-note-date-range = A data deve estar entre 2000-01-01 e hoje.
error-a-number = Um A-number tem 8 ou 9 dígitos.
error-phone = Um número de telefone tem de 7 a 15 dígitos, podendo ter + ( ) - e espaços.
error-email = Isso não é um endereço de e-mail.
error-email-taken = Já existe uma conta com esse e-mail.
error-password-short = A senha deve ter pelo menos 10 caracteres.
error-password-wrong = A senha atual não está correta.
error-number = Digite um número inteiro dentro do intervalo permitido.
error-relationship = Escolha um parentesco da lista.

# Avaliações
nav-reports = Relatórios
assessments-title = Avaliações
assessments-none = Nenhuma avaliação ainda.
assessment-date = Data de aplicação
assessment-instrument = Instrumento
assessment-timing = Momento
assessment-score = Pontuação
assessment-flagged = alerta gerado
assessment-complete = Concluída
assessment-draft = Rascunho (parcial)
assessment-start = Iniciar uma avaliação
assessment-back-to-case = Voltar ao caso
assessment-respondent = Quem responde
assessment-language = Idioma das perguntas
assessment-partial-hint = Você pode salvar respostas parciais e terminar depois. Para concluir, é preciso responder a todas as perguntas marcadas com *.
assessment-save-draft = Salvar respostas parciais
assessment-complete-action = Concluir a avaliação
assessment-question = Pergunta
assessment-answer = Resposta
assessments-chart-title = Pontuações ao longo do tempo
assessments-chart-x = Avaliação
assessments-chart-y = Pontuação
timing-intake = Acolhimento
timing-periodic = Periódica
timing-closure = Encerramento
assessment-error-unknown-item = Uma resposta se refere a uma pergunta que não faz parte deste instrumento.
assessment-error-off-scale = Uma resposta não é uma das opções da pergunta.
assessment-error-incomplete = Há perguntas obrigatórias sem resposta. Salve as respostas parciais ou responda a todas as perguntas marcadas com *.
assessment-error-respondent = Quem responde deve ser o cliente ou um membro do núcleo familiar do cliente.
assessment-error-complete = Uma avaliação concluída não pode ser alterada; faça uma nova.

# Relatórios de resultados
outcomes-title = Relatório de resultados
outcomes-from = Linha de base a partir de
outcomes-to = Linha de base até
outcomes-show = Mostrar relatório
outcomes-choose = Escolha um programa para ver os resultados dele.
outcomes-design-caveat = Esta é uma comparação antes/depois sem grupo de comparação: mostra como as pontuações das famílias mudaram, não quanto dessa mudança foi causado pelo programa. As famílias que saíram antes da avaliação de encerramento são contadas abaixo, não escondidas.
outcomes-participation = Participação e desistência
outcomes-baseline = Famílias com avaliação de linha de base (acolhimento)
outcomes-closure = Famílias com avaliação de encerramento
outcomes-completion = Taxa de conclusão (IC de 95%)
outcomes-lost-contact = Não concluintes cujo caso foi encerrado por perda de contato
outcomes-months = Meses de serviço, concluintes (mín. / mediana / média / máx.)
outcomes-version-changes = Pares aplicados com versões diferentes do instrumento (pareados por pergunta)
outcomes-closure-without-baseline = Avaliações de encerramento sem linha de base (excluídas)
outcomes-attrition-bias = Quem ficou era diferente no início?
outcomes-attrition-explain = Pontuações totais de linha de base das famílias que fizeram a avaliação de encerramento, comparadas com as das que não fizeram. Uma diferença grande significa que a mudança abaixo pode não valer para todos que começaram.
outcomes-completers = Concluintes
outcomes-non-completers = Não concluintes
outcomes-mean = média
outcomes-baseline-difference = Diferença (t de Welch)
outcomes-smd = Diferença padronizada (d de Cohen)
outcomes-change = Mudança do acolhimento ao encerramento
outcomes-chart-title = { $instrument }: pontuação média no acolhimento e no encerramento
outcomes-chart-x = Total e domínios
outcomes-chart-y = Pontuação média
outcomes-table-caption = Mudança pareada por total, domínio e pergunta (famílias com as duas avaliações)
outcomes-variable = Variável
outcomes-pre = Média no acolhimento
outcomes-post = Média no encerramento
outcomes-mean-change = Mudança média
outcomes-methods = Métodos: teste t pareado e teste dos postos sinalizados de Wilcoxon (exato para amostras pequenas sem empates; caso contrário, aproximação normal com correção para empates; diferenças nulas descartadas), bicaudais; tamanhos de efeito d_z de Cohen e r rank-bisserial para pares; valores p ajustados em todas as linhas pelo método de Holm. Uma resposta ausente exclui aquele par apenas daquela linha.
outcomes-csv = Baixar esta tabela em CSV

# Instrumentos
instruments-title = Instrumentos de avaliação
instrument-key = Chave
instrument-version = Versão
instrument-items = Perguntas
instrument-builtin = integrado
instrument-new-version = Editar como nova versão
instrument-download = Baixar
instrument-editor = Editor de instrumentos
instrument-editor-explain = Cole ou edite uma definição no formato sendero-instrument/1. Salvar cria uma nova versão; os resultados já registrados mantêm a versão com que foram aplicados.
instrument-definition = Definição (JSON)
instrument-save = Verificar e salvar como nova versão
instrument-saved = { $key } versão { $version } salva.
instrument-error-json = A definição não é um JSON válido no formato de instrumento:
instrument-error-too-large = A definição é grande demais.
instrument-error-format = Formato desconhecido; era esperado sendero-instrument/1:
instrument-error-key = A chave só pode ter letras, dígitos, - e _:
instrument-error-version = A versão deve ser 1 ou mais:
instrument-error-items = Um instrumento precisa ter entre 1 e 500 perguntas; este tem
instrument-error-scale = Uma escala não tem valores:
instrument-error-scale-labels = Uma escala precisa de um rótulo por valor em cada idioma:
instrument-error-item-key = Cada pergunta precisa de uma chave única de letras, dígitos, - e _:
instrument-error-item-scale = Uma pergunta usa uma escala que não está definida:
instrument-error-item-domain = Uma pergunta pertence a um domínio que não está definido:
instrument-error-flag-item = A regra de alerta cita uma pergunta que não existe:
instrument-error-version-exists = Essa versão já existe: dê à nova definição um número de versão maior.

# Duplicados
merge-error-same = Um registro não pode ser mesclado com ele mesmo.
merge-error-already-merged = Um destes registros já foi mesclado.
merge-error-undone = Esta mesclagem já foi desfeita.
nav-dedup = Duplicados
client-merged-into = Este registro foi mesclado com outro. Abra o registro atual.
candidates-title = Esta pessoa já está cadastrada?
candidates-explain = Estes registros existentes se parecem com a pessoa que você está cadastrando. Abra um deles se for a mesma pessoa; se não, cadastre uma nova pessoa.
candidates-score = pontuação de semelhança
candidates-open = Abrir este registro
candidates-new-person = É outra pessoa: cadastrar uma nova pessoa
error-possible-duplicate = Possível duplicado.
match-line = { $field }: «{ $left }» ~ «{ $right }» — { $level }
match-field-given-name = Nomes
match-field-family-name = Sobrenomes
match-field-birth-date = Data de nascimento
match-field-phone = Telefone
match-field-country = País
match-field-household = Membros do núcleo familiar
match-field-other-id = Número do documento
match-field-address = Endereço
match-level-exact = iguais
match-level-transposed = iguais, mas trocados (nomes trocados, ou dia e mês trocados)
match-level-token-overlap = contém todas as palavras do mais curto
match-level-similar = grafia quase igual
match-level-phonetic = soa igual
match-level-within-one-year = mesmo dia e mês, um ano de diferença
match-level-year-only = mesmo ano de nascimento
match-level-last-digits = mesmos 7 últimos dígitos
match-level-disagree = diferentes
match-level-missing = desconhecido em um dos registros
dedup-title = Possíveis registros duplicados
dedup-explain = Pares de registros da sua organização que podem ser a mesma pessoa, os mais prováveis primeiro. Revise cada par: mescle-o (é reversível) ou marque os dois como pessoas diferentes para que o par não seja sugerido de novo.
dedup-threshold = Pontuação mínima de semelhança
dedup-scan = Buscar de novo
dedup-found = { $n ->
    [one] { $n } par encontrado.
   *[other] { $n } pares encontrados (são mostrados os 50 primeiros).
}
dedup-side-by-side = Os dois registros lado a lado
dedup-keep = Qual registro manter (os casos, anotações, avaliações e contatos do outro passam para ele)
dedup-reason = Motivo
dedup-merge = Mesclar
dedup-distinct = Pessoas diferentes
merge-error-reason = Informe um motivo para a mesclagem.
merges-title = Mesclagens
merges-none = Nenhuma mesclagem ainda.
merges-kept = Mantido
merges-merged = Mesclado
merges-undone = desfeita
merges-undo = Desfazer
pager-status-many = Página { $page } (mais de 10.000 no total)
clients-count-many = Mais de 10.000 clientes
cases-count-many = Mais de 10.000 casos
