answer-not-in-documents = Os documentos não respondem a esta pergunta.
answer-unverified = Encontrei trechos relacionados, mas não consegui verificar uma resposta com eles, por isso não vou dar nenhuma.
answer-closest = Os documentos não parecem responder a isto. Estes trechos são os mais próximos:
answer-lead = Os documentos dizem:
answer-sources = Fontes
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = digitalizado
answer-passage-button = trecho

help-intro = Respondo a perguntas sobre estes documentos, com fontes numeradas que pode verificar:
help-more = e mais { $count }: /sources
help-private = Basta enviar-me uma pergunta. Perguntas de seguimento também funcionam.
help-group = Num grupo, mencione-me (@nome + pergunta), responda a uma das minhas mensagens ou use /ask <pergunta>.
help-commands = Comandos: /ask <pergunta>, /sources, /stats, /help

command-ask = Fazer uma pergunta sobre os documentos
command-sources = Lista dos documentos indexados
command-stats = Estatísticas do índice e do modelo
command-help = Como usar este bot
