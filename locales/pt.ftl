answer-not-in-documents = Os documentos não respondem a esta pergunta.
answer-unverified = Encontrei trechos relacionados, mas não consegui verificar uma resposta com eles, por isso não vou dar nenhuma.
answer-closest = Os documentos não parecem responder a isto. Estes trechos são os mais próximos:
answer-lead = Os documentos dizem:
answer-sources = Fontes:
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = digitalizada
answer-passage-button = trecho

help-intro = Respondo a perguntas sobre estes documentos, com fontes numeradas que você pode verificar:
help-more = e mais { $count }: /sources
help-private = É só me enviar uma pergunta. Perguntas complementares também funcionam.
help-group = Em um grupo, mencione-me (@nome + pergunta), responda a uma das minhas mensagens ou use /ask <pergunta>.
help-commands = Comandos: /ask <pergunta>, /sources, /stats, /help

command-ask = Fazer uma pergunta sobre os documentos
command-sources = Lista dos documentos indexados
command-stats = Estatísticas do índice e do modelo
command-help = Como usar este bot

non-text = Só consigo ler mensagens de texto. Por favor, escreva a sua pergunta.
voice-off = Não consigo ouvir mensagens de voz: não há nenhum modelo de transcrição configurado (o administrador do bot pode definir TRANSCRIBE_MODEL). Por favor, escreva a sua pergunta.
voice-too-long = Esta gravação é demasiado longa: ouço no máximo { $seconds } segundos. Pergunte numa mensagem mais curta ou escreva a sua pergunta.
voice-failed = Não consegui transcrever a mensagem de voz: o serviço de transcrição não responde. Tente mais tarde ou escreva a sua pergunta.
voice-empty = Não percebi nenhuma palavra na mensagem de voz. Tente de novo ou escreva a sua pergunta.
unknown-command = Não conheço esse comando. Comandos: /ask <pergunta>, /sources, /stats, /help
too-long = A pergunta é demasiado longa: o limite é de { $max } caracteres. Por favor, encurte-a.
empty-ask = Escreva a pergunta depois do comando, por exemplo: /ask Quem lidera o Sberbank?
rate-limited = Está a enviar mensagens mais depressa do que consigo responder. Aguarde um momento e pergunte de novo.
slow-down = Demasiados comandos ou botões seguidos: aguarde um momento, por favor.
llm-down = Desculpe, o modelo de linguagem não está a responder agora, por isso não consigo escrever uma resposta. Tente de novo dentro de alguns minutos.
failed = Desculpe, algo correu mal ao responder. Tente de novo.
stopped = Parado. Pergunte de novo quando quiser.
thanks = Obrigado pela opinião!
expired = Esta resposta é demasiado antiga para ser avaliada.
passage-gone = Este trecho já não está no índice (os documentos mudaram); pergunte de novo.
still-reading = Ainda estou a ler os documentos. Pergunte de novo daqui a um momento.
still-reading-progress = Ainda estou a ler os documentos ({ $progress }). Pergunte de novo daqui a um momento.
private-bot = Este bot é privado. Pedi aos administradores que lhe deem acesso; receberá uma mensagem quando o fizerem.
private-button = Este bot é privado.
private-bot-full = Este bot é privado e há demasiados pedidos à espera dos administradores neste momento. Fale diretamente com eles.
private-group = Este bot é privado e só responde em grupos que os administradores permitiram, por isso vou sair. Um administrador pode voltar a adicionar-me.
group-allowed = Olá! Um administrador adicionou-me, por isso este grupo pode perguntar-me sobre os documentos: mencione-me ou responda a uma das minhas mensagens.
sources-header = Documentos indexados ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } trecho
   *[other] { $count } trechos
  })
sources-more = e mais { $count }
stats = Documentos: { $documents }
    Trechos: { $chunks }
    Embeddings: { $embeddings }
    Respostas: { $answerer }
    Última construção do índice: { $built } ({ $seconds } s)
stage-model = a descarregar o modelo de linguagem, MB
stage-load = a ler ficheiros
stage-embed = trechos
stage-write = a escrever o índice
stage-scanned = a ler páginas digitalizadas
stage-count = { $name }: { $done } de { $total }
