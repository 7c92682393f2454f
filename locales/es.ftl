answer-not-in-documents = Los documentos no responden a esta pregunta.
answer-unverified = Encontré pasajes relacionados, pero no pude verificar una respuesta con ellos, así que no daré ninguna.
answer-closest = Parece que los documentos no responden a esto. Estos pasajes son los más cercanos:
answer-lead = Los documentos dicen:
answer-sources = Fuentes
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = escaneado
answer-passage-button = pasaje

help-intro = Respondo preguntas sobre estos documentos, con fuentes numeradas que puede comprobar:
help-more = y { $count } más: /sources
help-private = Envíeme una pregunta. También funcionan las preguntas de seguimiento.
help-group = En un grupo, mencióneme (@nombre + pregunta), responda a uno de mis mensajes o use /ask <pregunta>.
help-commands = Comandos: /ask <pregunta>, /sources, /stats, /help

command-ask = Hacer una pregunta sobre los documentos
command-sources = Lista de los documentos indexados
command-stats = Estadísticas del índice y del modelo
command-help = Cómo usar este bot
