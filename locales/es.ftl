answer-not-in-documents = Los documentos no responden a esta pregunta.
answer-never-mentioned = Los documentos no mencionan «{ $name }» en ningún lugar, así que no responden a esta pregunta.
answer-unverified = Encontré pasajes relacionados, pero no pude verificar una respuesta con ellos, así que no daré ninguna.
answer-closest = Parece que los documentos no responden a esto. Estos pasajes son los más cercanos:
answer-other-language = No encontré una respuesta en los documentos. Están en { $languages } y, sin un modelo de lenguaje, solo encuentro pasajes por las palabras que comparten con la pregunta: formulada en { $language }, quizá encuentre una.
answer-other-language-closest = Los documentos están en { $languages } y, sin un modelo de lenguaje, solo encuentro pasajes por las palabras que comparten con la pregunta: formulada en { $language }, quizá encuentre más. Parece que los documentos no responden a esto. Estos pasajes son los más cercanos:
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
command-reindex = Reconstruir el índice desde la carpeta de documentos (administradores)
command-add = Añadir una página web o un documento (PDF, Word, Markdown, texto) por su dirección (administradores)
command-docs = Listar los documentos con sus pasajes (administradores)
command-remove = Quitar un documento (administradores)
command-access = Quién puede preguntar: admitidos, en espera y rechazados (administradores)
command-collections = Qué documentos busca este chat (administradores)

non-text = Solo puedo leer mensajes de texto. Por favor, escriba su pregunta.
voice-off = No puedo escuchar mensajes de voz: no hay ningún modelo de transcripción configurado (el administrador del bot puede definir TRANSCRIBE_MODEL). Por favor, escriba su pregunta.
voice-too-long = Esta grabación es demasiado larga: escucho como máximo { $seconds } segundos. Pregunte en un mensaje más corto o escriba su pregunta.
voice-failed = No pude transcribir el mensaje de voz: el servicio de transcripción no responde. Inténtelo más tarde o escriba su pregunta.
voice-empty = No entendí ninguna palabra en el mensaje de voz. Inténtelo de nuevo o escriba su pregunta.
voice-unreadable = No pude saber cuánto dura esta grabación, así que no la escuché. Envíe un mensaje de voz o escriba su pregunta.
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
button-gone = Este botón ya no funciona.
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

admin-help = Es usted administrador: /reindex reconstruye el índice a partir de la carpeta de documentos; envíeme un archivo (PDF, Word, HTML, Markdown, texto) o /add <url> para añadir un documento; /docs los muestra, /remove quita uno; /access muestra quién puede preguntar y le permite aprobar o revocar; /collections elige en qué documentos busca un chat.
admin-not-admin = Solo los administradores del bot pueden reconstruir el índice.
admin-use-private = Use este comando en nuestro chat privado: aquí todos los miembros leerían la respuesta.
admin-previous = ‹ Anterior
admin-next = Siguiente ›
list-separator = {", "}
admin-internal-error = error interno (consulte el registro del bot)
admin-reindex-busy = Ya se está reconstruyendo el índice; le avisaré aquí cuando termine.
admin-reindex-start = Reconstruyendo el índice… (las preguntas se siguen respondiendo con el actual)
admin-reindex-progress = Reconstruyendo el índice… { $progress }
admin-reindex-rebuilt = Índice reconstruido en { $seconds } s: { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documentos
  }, { $chunks ->
    [one] { $chunks } fragmento
   *[other] { $chunks } fragmentos
  }.
admin-reindex-unchanged = Los documentos no han cambiado desde la última construcción; ahora se usa esa: { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documentos
  }, { $chunks ->
    [one] { $chunks } fragmento
   *[other] { $chunks } fragmentos
  }.
admin-reindex-documents = Documentos añadidos { $added }, modificados { $changed }, eliminados { $removed }, sin cambios { $unchanged }.
admin-reindex-chunks = Fragmentos vectorizados { $embedded }, reutilizados { $reused }.
admin-reindex-skipped = Omitidos: { $files }
admin-reindex-warnings = Leídos con una advertencia: { $files }
admin-reindex-more = y { $count } más (consulte el registro)
admin-reindex-fallback = Advertencia: { $reason }
admin-reindex-failed = La reconstrucción del índice falló; el índice anterior sigue en servicio.
    Motivo: { $reason }

access-request = { $who } pide usar el bot.
access-approve = Aprobar
access-deny = Rechazar
access-approved = { $who }: aprobado por { $by }.
access-denied = { $who }: rechazado por { $by }.
access-approved-toast = Aprobado.
access-denied-toast = Rechazado: esta persona ya no puede preguntar.
access-group-revoked-toast = Retirado: este grupo ya no puede preguntar y lo abandono.
access-not-saved = No se pudo guardar (falló el almacenamiento de las decisiones de acceso); no ha cambiado nada. Inténtelo de nuevo.
access-approved-notice = Ya puede hacerme preguntas.
access-not-admin = Solo los administradores del bot pueden ver o cambiar quién puede preguntar.
access-overflow = { $count ->
    [one] { $count } persona más pidió
   *[other] { $count } personas más pidieron
  } usar el bot cuando ya esperaban { $max } solicitudes; el bot respondió que es privado y no se creó ninguna solicitud. /access muestra quién espera (este aviso llega como mucho una vez por hora).
access-open = Abierto: cualquiera puede preguntar (ALLOWED_USER_IDS y ALLOWED_CHAT_IDS no están definidos).
access-header = Quién puede preguntar ({ $count }), primero los más recientes:
access-header-paged = Quién puede preguntar ({ $count }, página { $page } de { $pages }), primero los más recientes:
access-empty = Nadie todavía, aparte de los administradores.
access-kind-pending = En espera
access-kind-approved = Aprobados aquí
access-kind-denied = Rechazados
access-kind-configured = Usuarios en ALLOWED_USER_IDS
access-kind-group = Grupos añadidos por un administrador
access-kind-configured-group = Grupos en ALLOWED_CHAT_IDS
access-revoke = Revocar
access-let-in = Admitir

collections-admins-only = Solo los administradores del bot pueden elegir en qué documentos busca un chat.
collections-sent-privately = Le he enviado la selección para este grupo en nuestro chat privado.
collections-open-private = Abra un chat privado conmigo (pulse Iniciar allí) y luego envíe /collections { $chat }.
collections-usage = Uso: /collections en un grupo o chat privado, o /collections <id de usuario> para el chat privado de esa persona.
collections-changed = Los documentos han cambiado desde este mensaje; envíe /collections de nuevo.
collections-reset = ↩ Como en la configuración
collections-this-chat = Este chat
collections-that-chat = El chat { $chat }
collections-all = { $chat } busca en todas las colecciones ({ $count }).
collections-these = { $chat } busca en estas colecciones: { $names }.
collections-none = { $chat } no busca en ninguna colección (no recibe respuestas).
collections-of = { $searches } Pulse una para activarla o desactivarla.

doc-not-admin = Solo los administradores del bot pueden añadir o quitar documentos. Pida a un administrador que añada este archivo.
doc-unsupported = No puedo leer este tipo de archivo. Leo: { $extensions }.
doc-too-large = Este archivo es demasiado grande ({ $size }); el límite es { $limit }.
doc-unreadable = No pude leer { $name }: { $reason }. No se añadió nada; el índice no ha cambiado.
doc-downloading = Leyendo el archivo…
doc-reading-scans = Leyendo el archivo… { $progress }
doc-download-failed = la descarga falló
doc-photo-hint = Para añadir esta foto a los documentos, envíela de nuevo con el pie de foto /add (o /add seguido de una colección).
doc-photo-no-ocr = No puedo leer fotos: el OCR está desactivado (OCR=false en la configuración del bot).
doc-exists = Ya existe un documento llamado { $name }. ¿Reemplazarlo, conservar ambos o cancelar?
doc-replace = Reemplazar
doc-keep-both = Conservar ambos
doc-cancel = Cancelar
doc-cancelled = Cancelado; no se cambió nada.
doc-expired = Esta elección ha caducado; envíe el archivo de nuevo.
doc-indexing = Añadiendo { $name } al índice…
doc-progress = Añadiendo { $name } al índice… { $progress }
doc-added = Añadido: { $title } ({ $source })
doc-replaced = Reemplazado: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } página
   *[other] { $count } páginas
  }
doc-sections = { $count ->
    [one] { $count } sección
   *[other] { $count } secciones
  }
doc-passages = { $count ->
    [one] { $count } pasaje
   *[other] { $count } pasajes
  }
doc-url = Fuente: { $url }
doc-note = Nota: { $notes }.
doc-ready = Ya se pueden hacer preguntas sobre él.
doc-add-failed = No se pudo indexar { $name }, así que no se conservó; el índice no ha cambiado.
    Motivo: { $reason }
doc-save-failed = No se pudo guardar { $name } en la carpeta de documentos, así que no se añadió; el índice no ha cambiado.
    Motivo: { $reason }
doc-add-usage = Envíe /add seguido de la dirección de una página web o de un documento (PDF, Word, Markdown, texto) y, si quiere, la colección a la que va, p. ej. /add https://example.org/manual.html hr
doc-fetching = Descargando { $url }…
doc-fetch-failed = No pude añadir { $url }: { $reason }. No se añadió nada.
doc-fetch-error = no se pudo descargar la página
doc-docs-header = Documentos ({ $count }), página { $page } de { $pages }:
doc-docs-header-collection = Documentos de la colección { $collection } ({ $count }), página { $page } de { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } pasaje
   *[other] { $count } pasajes
  }
doc-no-docs = El índice no tiene documentos.
doc-no-such-collection = No hay ninguna colección «{ $name }». Colecciones: { $names }.
doc-which-collection = ¿En qué colección debe ir { $name }? (La próxima vez, un pie de foto o una palabra después de la dirección la indica; un nombre nuevo crea una colección nueva.)
doc-bad-collection = «{ $name }» no puede ser el nombre de una colección: letras, dígitos, «.», «-» y «_», como máximo 64, empezando por una letra o un dígito.
doc-remove-which = ¿Qué documento quito? (página { $page } de { $pages })
doc-remove-confirm = ¿Quitar { $title } ({ $source }) de los documentos y del índice?
doc-remove = Quitar
doc-removing = Quitando { $source }…
doc-removed = Se quitó { $source }. { $count ->
    [one] Queda { $count } documento
   *[other] Quedan { $count } documentos
  }; las respuestas ya no lo citan.
doc-remove-gone = Ese documento ya no está en el índice.
doc-remove-failed = No se pudo quitar { $source }: { $reason }
doc-delete-failed = no se pudo borrar el archivo (consulte el registro del bot)
doc-not-in-folder = Solo se pueden quitar documentos que estén dentro de la carpeta de documentos.
doc-no-match = Ningún documento coincide con «{ $name }». Envíe /remove sin nombre para elegir uno.
