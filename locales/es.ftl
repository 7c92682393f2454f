answer-not-in-documents = Los documentos no responden a esta pregunta.
answer-unverified = Encontré pasajes relacionados, pero no pude verificar una respuesta con ellos, así que no daré ninguna.
answer-closest = Parece que los documentos no responden a esto. Estos pasajes son los más cercanos:
answer-lead = Los documentos dicen:
answer-sources = Fuentes:
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = escaneada
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

non-text = Solo puedo leer mensajes de texto. Por favor, escriba su pregunta.
voice-off = No puedo escuchar mensajes de voz: no hay ningún modelo de transcripción configurado (el administrador del bot puede definir TRANSCRIBE_MODEL). Por favor, escriba su pregunta.
voice-too-long = Esta grabación es demasiado larga: escucho como máximo { $seconds } segundos. Pregunte en un mensaje más corto o escriba su pregunta.
voice-failed = No pude transcribir el mensaje de voz: el servicio de transcripción no responde. Inténtelo más tarde o escriba su pregunta.
voice-empty = No entendí ninguna palabra en el mensaje de voz. Inténtelo de nuevo o escriba su pregunta.
unknown-command = No conozco ese comando. Comandos: /ask <pregunta>, /sources, /stats, /help
too-long = La pregunta es demasiado larga: el límite es de { $max } caracteres. Por favor, acórtela.
empty-ask = Escriba la pregunta después del comando, por ejemplo: /ask ¿Quién dirige Sberbank?
rate-limited = Está enviando mensajes más rápido de lo que puedo responder. Espere un momento y vuelva a preguntar.
slow-down = Demasiados comandos o botones seguidos: espere un momento, por favor.
llm-down = Lo siento, el modelo de lenguaje no responde ahora mismo, así que no puedo escribir una respuesta. Inténtelo de nuevo en unos minutos.
failed = Lo siento, algo salió mal al responder. Inténtelo de nuevo.
stopped = Detenido. Pregunte de nuevo cuando quiera.
thanks = ¡Gracias por su opinión!
expired = Esta respuesta es demasiado antigua para valorarla.
passage-gone = Este pasaje ya no está en el índice (los documentos cambiaron); pregunte de nuevo.
still-reading = Todavía estoy leyendo los documentos. Vuelva a preguntar en un momento.
still-reading-progress = Todavía estoy leyendo los documentos ({ $progress }). Vuelva a preguntar en un momento.
private-bot = Este bot es privado. He pedido a sus administradores que le den acceso; recibirá un mensaje cuando lo hagan.
private-button = Este bot es privado.
private-bot-full = Este bot es privado y ahora mismo hay demasiadas solicitudes esperando a sus administradores. Pregúnteles directamente.
private-group = Este bot es privado y solo responde en los grupos que sus administradores permitieron, así que me voy. Un administrador puede volver a añadirme.
group-allowed = ¡Hola! Un administrador me añadió, así que este grupo puede preguntarme sobre los documentos: mencióneme o responda a uno de mis mensajes.
sources-header = Documentos indexados ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } pasaje
   *[other] { $count } pasajes
  })
sources-more = y { $count } más
stats = Documentos: { $documents }
    Fragmentos: { $chunks }
    Embeddings: { $embeddings }
    Respuestas: { $answerer }
    Última construcción del índice: { $built } ({ $seconds } s)
stage-model = descargando el modelo de lenguaje, MB
stage-load = leyendo archivos
stage-embed = pasajes
stage-write = escribiendo el índice
stage-scanned = leyendo páginas escaneadas
stage-count = { $name }: { $done } de { $total }
