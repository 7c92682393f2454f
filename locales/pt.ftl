answer-not-in-documents = Os documentos não respondem a esta pergunta.
answer-never-mentioned = Os documentos nunca mencionam «{ $name }», por isso não respondem a esta pergunta.
answer-unverified = Encontrei trechos relacionados, mas não consegui verificar uma resposta com eles, por isso não vou dar nenhuma.
answer-closest = Os documentos não parecem responder a isto. Estes trechos são os mais próximos:
answer-other-language = Não encontrei uma resposta nos documentos. Eles estão em { $languages } e, sem um modelo de linguagem, só encontro trechos pelas palavras que têm em comum com a pergunta: feita em { $language }, talvez encontre uma.
answer-other-language-closest = Os documentos estão em { $languages } e, sem um modelo de linguagem, só encontro trechos pelas palavras que têm em comum com a pergunta: feita em { $language }, talvez encontre mais. Parece que os documentos não respondem a isto. Estes trechos são os mais próximos:
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
command-reindex = Reconstruir o índice a partir da pasta de documentos (administradores)
command-add = Adicionar uma página web ou um documento (PDF, Word, Markdown, texto) pelo endereço (administradores)
command-docs = Listar os documentos com as suas passagens (administradores)
command-remove = Remover um documento (administradores)
command-access = Quem pode perguntar: admitidos, em espera e recusados (administradores)
command-collections = Que documentos este chat pesquisa (administradores)

non-text = Só consigo ler mensagens de texto. Por favor, escreva a sua pergunta.
voice-off = Não consigo ouvir mensagens de voz: não há nenhum modelo de transcrição configurado (o administrador do bot pode definir TRANSCRIBE_MODEL). Por favor, escreva a sua pergunta.
voice-too-long = Esta gravação é demasiado longa: ouço no máximo { $seconds } segundos. Pergunte numa mensagem mais curta ou escreva a sua pergunta.
voice-failed = Não consegui transcrever a mensagem de voz: o serviço de transcrição não responde. Tente mais tarde ou escreva a sua pergunta.
voice-empty = Não percebi nenhuma palavra na mensagem de voz. Tente de novo ou escreva a sua pergunta.
voice-unreadable = Não consegui saber quanto tempo dura esta gravação, por isso não a ouvi. Envie uma mensagem de voz ou escreva a sua pergunta.
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
button-gone = Este botão já não funciona.
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

admin-help = É administrador: /reindex reconstrói o índice a partir da pasta de documentos; envie-me um ficheiro (PDF, Word, HTML, Markdown, texto) ou /add <url> para adicionar um documento; /docs lista os documentos, /remove retira um; /access mostra quem pode perguntar e permite aprovar ou revogar; /collections escolhe em que documentos um chat pesquisa.
admin-not-admin = Só os administradores do bot podem reconstruir o índice.
admin-use-private = Use este comando no nosso chat privado: aqui todos os membros leriam a resposta.
admin-previous = ‹ Anterior
admin-next = Seguinte ›
list-separator = {", "}
admin-internal-error = erro interno (veja o registo do bot)
admin-reindex-busy = Já está a decorrer uma reconstrução do índice; aviso aqui quando terminar.
admin-reindex-start = A reconstruir o índice… (as perguntas continuam a ser respondidas com o índice atual)
admin-reindex-progress = A reconstruir o índice… { $progress }
admin-reindex-rebuilt = Índice reconstruído em { $seconds } s: { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documentos
  }, { $chunks ->
    [one] { $chunks } trecho
   *[other] { $chunks } trechos
  }.
admin-reindex-unchanged = Os documentos não mudaram desde a última construção, que passa a ser usada: { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documentos
  }, { $chunks ->
    [one] { $chunks } trecho
   *[other] { $chunks } trechos
  }.
admin-reindex-documents = Documentos adicionados { $added }, alterados { $changed }, removidos { $removed }, inalterados { $unchanged }.
admin-reindex-chunks = Trechos vetorizados { $embedded }, reaproveitados { $reused }.
admin-reindex-skipped = Ignorados: { $files }
admin-reindex-warnings = Lidos com um aviso: { $files }
admin-reindex-more = e mais { $count } (veja o registo)
admin-reindex-fallback = Aviso: { $reason }
admin-reindex-failed = A reconstrução do índice falhou; o índice anterior continua em uso.
    Motivo: { $reason }

access-request = { $who } pede para usar o bot.
access-approve = Aprovar
access-deny = Recusar
access-approved = { $who }: aprovado por { $by }.
access-denied = { $who }: recusado por { $by }.
access-approved-toast = Aprovado.
access-denied-toast = Recusado: esta pessoa já não pode perguntar.
access-group-revoked-toast = Retirado: este grupo já não pode perguntar, e vou sair dele.
access-not-saved = Não foi possível guardar (o armazenamento das decisões de acesso falhou); nada mudou. Tente de novo.
access-approved-notice = Já pode fazer-me perguntas.
access-not-admin = Só os administradores do bot podem ver ou mudar quem pode perguntar.
access-overflow = Mais { $count ->
    [one] { $count } pessoa pediu
   *[other] { $count } pessoas pediram
  } para usar o bot quando já havia { $max } pedidos à espera; o bot respondeu que é privado e não foi criado nenhum pedido. /access lista quem está à espera (este aviso chega no máximo uma vez por hora).
access-open = Aberto: todos podem perguntar (ALLOWED_USER_IDS e ALLOWED_CHAT_IDS não estão definidos).
access-header = Quem pode perguntar ({ $count }), os mais recentes primeiro:
access-header-paged = Quem pode perguntar ({ $count }, página { $page } de { $pages }), os mais recentes primeiro:
access-empty = Ainda ninguém além dos administradores.
access-kind-pending = À espera
access-kind-approved = Aprovados aqui
access-kind-denied = Recusados
access-kind-configured = Utilizadores em ALLOWED_USER_IDS
access-kind-group = Grupos adicionados por um administrador
access-kind-configured-group = Grupos em ALLOWED_CHAT_IDS
access-revoke = Revogar
access-let-in = Admitir

collections-admins-only = Só os administradores do bot podem escolher em que documentos um chat pesquisa.
collections-sent-privately = Enviei-lhe a escolha para este grupo no nosso chat privado.
collections-open-private = Abra um chat privado comigo (toque em Iniciar), depois envie /collections { $chat }.
collections-usage = Utilização: /collections num grupo ou chat privado, ou /collections <id do utilizador> para o chat privado dessa pessoa.
collections-changed = Os documentos mudaram desde esta mensagem; envie /collections de novo.
collections-reset = ↩ Como nas definições
collections-this-chat = Este chat
collections-that-chat = O chat { $chat }
collections-all = { $chat } pesquisa em todas as coleções ({ $count }).
collections-these = { $chat } pesquisa nestas coleções: { $names }.
collections-none = { $chat } não pesquisa em nenhuma coleção (não recebe respostas).
collections-of = { $searches } Toque numa para a ativar ou desativar.

doc-not-admin = Só os administradores do bot podem adicionar ou retirar documentos. Peça a um administrador que adicione este ficheiro.
doc-unsupported = Não consigo ler este tipo de ficheiro. Leio: { $extensions }.
doc-too-large = Este ficheiro é demasiado grande ({ $size }); o limite é { $limit }.
doc-unreadable = Não consegui ler { $name }: { $reason }. Não foi adicionado nada; o índice não mudou.
doc-downloading = A ler o ficheiro…
doc-reading-scans = A ler o ficheiro… { $progress }
doc-download-failed = a transferência falhou
doc-photo-hint = Para adicionar esta foto aos documentos, envie-a de novo com a legenda /add (ou /add seguido de uma coleção).
doc-photo-no-ocr = Não consigo ler fotos: o OCR está desligado (OCR=false nas definições do bot).
doc-exists = Já existe um documento chamado { $name }. Substituir, manter os dois ou cancelar?
doc-replace = Substituir
doc-keep-both = Manter os dois
doc-cancel = Cancelar
doc-cancelled = Cancelado; nada foi alterado.
doc-expired = Esta escolha expirou; envie o ficheiro de novo.
doc-indexing = A adicionar { $name } ao índice…
doc-progress = A adicionar { $name } ao índice… { $progress }
doc-added = Adicionado: { $title } ({ $source })
doc-replaced = Substituído: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } página
   *[other] { $count } páginas
  }
doc-sections = { $count ->
    [one] { $count } secção
   *[other] { $count } secções
  }
doc-passages = { $count ->
    [one] { $count } trecho
   *[other] { $count } trechos
  }
doc-url = Fonte: { $url }
doc-note = Nota: { $notes }.
doc-ready = Já pode ser consultado com perguntas.
doc-add-failed = Não foi possível indexar { $name }, por isso não foi guardado; o índice não mudou.
    Motivo: { $reason }
doc-save-failed = Não foi possível guardar { $name } na pasta de documentos, por isso não foi adicionado; o índice não mudou.
    Motivo: { $reason }
doc-add-usage = Envie /add seguido do endereço de uma página web ou de um documento (PDF, Word, Markdown, texto) e, se quiser, da coleção onde o colocar, por exemplo: /add https://example.org/manual.html hr
doc-fetching = A descarregar { $url }…
doc-fetch-failed = Não consegui adicionar { $url }: { $reason }. Não foi adicionado nada.
doc-fetch-error = não foi possível descarregar a página
doc-docs-header = Documentos ({ $count }), página { $page } de { $pages }:
doc-docs-header-collection = Documentos da coleção { $collection } ({ $count }), página { $page } de { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } trecho
   *[other] { $count } trechos
  }
doc-no-docs = O índice não tem documentos.
doc-no-such-collection = Não existe a coleção «{ $name }». Coleções: { $names }.
doc-which-collection = Em que coleção deve ficar { $name }? (Da próxima vez, uma legenda ou uma palavra depois do endereço indica-a; um nome novo cria uma coleção nova.)
doc-bad-collection = «{ $name }» não pode ser nome de coleção: letras, algarismos, «.», «-» e «_», no máximo 64, a começar por uma letra ou um algarismo.
doc-remove-which = Que documento devo retirar? (página { $page } de { $pages })
doc-remove-confirm = Retirar { $title } ({ $source }) dos documentos e do índice?
doc-remove = Retirar
doc-removing = A retirar { $source }…
doc-removed = { $source } foi retirado. { $count ->
    [one] Resta { $count } documento
   *[other] Restam { $count } documentos
  }; as respostas já não o citam.
doc-remove-gone = Esse documento já não está no índice.
doc-remove-failed = Não foi possível retirar { $source }: { $reason }
doc-delete-failed = não foi possível apagar o ficheiro (veja o registo do bot)
doc-not-in-folder = Só é possível retirar documentos que estão na pasta de documentos.
doc-no-match = Nenhum documento corresponde a «{ $name }». Envie /remove sem nome para escolher um.
