answer-not-in-documents = В документах нет ответа на этот вопрос.
answer-never-mentioned = В документах нигде не упоминается «{ $name }», поэтому они не отвечают на этот вопрос.
answer-unverified = Я нашёл похожие фрагменты, но не смог подтвердить по ним ответ, поэтому не отвечаю.
answer-closest = Похоже, в документах нет ответа. Ближе всего эти фрагменты:
answer-lead = В документах сказано:
answer-sources = Источники:
answer-page = с. { $page }
answer-pages = с. { $first }–{ $last }
answer-scanned = скан
answer-passage-button = фрагмент

help-intro = Я отвечаю на вопросы по этим документам и даю пронумерованные источники, которые можно проверить:
help-more = и ещё { $count }: /sources
help-private = Просто пришлите мне вопрос. Уточняющие вопросы тоже работают.
help-group = В группе упомяните меня (@имя + вопрос), ответьте на одно из моих сообщений или используйте /ask <вопрос>.
help-commands = Команды: /ask <вопрос>, /sources, /stats, /help

command-ask = Задать вопрос по документам
command-sources = Список проиндексированных документов
command-stats = Статистика индекса и модели
command-help = Как пользоваться ботом
command-reindex = Перестроить индекс из папки документов (для админов)
command-add = Добавить веб-страницу или документ (PDF, Word, Markdown, текст) по адресу (для админов)
command-docs = Список документов с их фрагментами (для админов)
command-remove = Удалить документ (для админов)
command-access = Кто может задавать вопросы: допущенные, ожидающие, отклонённые (для админов)
command-collections = Какие документы ищет этот чат (для админов)

non-text = Я умею читать только текстовые сообщения. Пожалуйста, напишите вопрос.
voice-off = Я не могу слушать голосовые сообщения: модель распознавания речи не настроена (администратор бота может задать TRANSCRIBE_MODEL). Пожалуйста, напишите вопрос.
voice-too-long = Запись слишком длинная: я слушаю не более { $seconds } секунд. Задайте вопрос короче или напишите его.
voice-failed = Не удалось распознать голосовое сообщение: сервис распознавания не отвечает. Попробуйте позже или напишите вопрос.
voice-empty = В голосовом сообщении не удалось разобрать ни одного слова. Попробуйте ещё раз или напишите вопрос.
voice-unreadable = Я не смог определить длину этой записи, поэтому не стал её слушать. Пришлите голосовое сообщение или напишите вопрос.
unknown-command = Я не знаю такой команды. Команды: /ask <вопрос>, /sources, /stats, /help
too-long = Вопрос слишком длинный: не более { $max } символов. Пожалуйста, сократите его.
empty-ask = Напишите вопрос после команды, например: /ask Кто возглавляет Сбербанк?
rate-limited = Вы отправляете сообщения быстрее, чем я успеваю отвечать. Подождите немного и спросите снова.
slow-down = Слишком много команд или нажатий подряд: подождите немного.
llm-down = Извините, языковая модель сейчас не отвечает, поэтому я не могу написать ответ. Попробуйте через несколько минут.
failed = Извините, при ответе что-то пошло не так. Попробуйте ещё раз.
stopped = Остановлено. Спрашивайте снова, когда захотите.
thanks = Спасибо за отзыв!
expired = Этот ответ слишком старый, чтобы его оценить.
passage-gone = Этого фрагмента больше нет в индексе (документы изменились); спросите снова.
still-reading = Я ещё читаю документы. Спросите снова чуть позже.
still-reading-progress = Я ещё читаю документы ({ $progress }). Спросите снова чуть позже.
private-bot = Это закрытый бот. Я попросил администраторов дать вам доступ; вы получите сообщение, когда они это сделают.
private-button = Это закрытый бот.
button-gone = Эта кнопка больше не работает.
private-bot-full = Это закрытый бот, и сейчас слишком много запросов ждут администраторов. Обратитесь к ним напрямую.
private-group = Это закрытый бот, он отвечает только в группах, разрешённых администраторами, поэтому я выхожу. Администратор может добавить меня снова.
group-allowed = Здравствуйте! Администратор добавил меня, поэтому в этой группе можно задавать мне вопросы по документам: упомяните меня или ответьте на одно из моих сообщений.
sources-header = Проиндексированные документы ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } фрагмент
    [few] { $count } фрагмента
   *[many] { $count } фрагментов
  })
sources-more = и ещё { $count }
stats = Документов: { $documents }
    Фрагментов: { $chunks }
    Эмбеддинги: { $embeddings }
    Ответы: { $answerer }
    Последняя сборка индекса: { $built } ({ $seconds } с)
stage-model = загрузка языковой модели, МБ
stage-load = чтение файлов
stage-embed = фрагменты
stage-write = запись индекса
stage-scanned = чтение отсканированных страниц
stage-count = { $name }: { $done } из { $total }

admin-help = Вы администратор: /reindex пересобирает индекс из папки с документами; пришлите мне файл (PDF, Word, HTML, Markdown, текст) или /add <url>, чтобы добавить документ; /docs показывает список документов, /remove удаляет документ; /access показывает, кто может задавать вопросы, и позволяет одобрить или отозвать доступ; /collections выбирает, по каким документам ищет чат.
admin-not-admin = Пересобрать индекс могут только администраторы бота.
admin-use-private = Используйте эту команду в нашем личном чате: здесь ответ прочитают все участники.
admin-previous = ‹ Назад
admin-next = Вперёд ›
list-separator = {", "}
admin-internal-error = внутренняя ошибка (см. журнал бота)
admin-reindex-busy = Индекс уже пересобирается; я сообщу здесь, когда закончу.
admin-reindex-start = Пересобираю индекс… (на вопросы пока отвечает текущий)
admin-reindex-progress = Пересобираю индекс… { $progress }
admin-reindex-rebuilt = Индекс пересобран за { $seconds } с: { $documents ->
    [one] { $documents } документ
    [few] { $documents } документа
    [many] { $documents } документов
   *[other] { $documents } документа
  }, { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагмента
    [many] { $chunks } фрагментов
   *[other] { $chunks } фрагмента
  }.
admin-reindex-unchanged = Документы не изменились с прошлой сборки; теперь используется она: { $documents ->
    [one] { $documents } документ
    [few] { $documents } документа
    [many] { $documents } документов
   *[other] { $documents } документа
  }, { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагмента
    [many] { $chunks } фрагментов
   *[other] { $chunks } фрагмента
  }.
admin-reindex-documents = Документы: добавлено { $added }, изменено { $changed }, удалено { $removed }, без изменений { $unchanged }.
admin-reindex-chunks = Фрагменты: новых эмбеддингов { $embedded }, взято из прежнего индекса { $reused }.
admin-reindex-skipped = Пропущены: { $files }
admin-reindex-warnings = Прочитаны с предупреждением: { $files }
admin-reindex-more = и ещё { $count } (см. журнал)
admin-reindex-fallback = Предупреждение: { $reason }
admin-reindex-failed = Пересобрать индекс не удалось; продолжает работать прежний индекс.
    Причина: { $reason }

access-request = { $who } просит доступ к боту.
access-approve = Одобрить
access-deny = Отклонить
access-approved = { $who }: одобрено администратором { $by }.
access-denied = { $who }: отклонено администратором { $by }.
access-approved-toast = Одобрено.
access-denied-toast = Отклонено: этот человек больше не может задавать вопросы.
access-group-revoked-toast = Отозвано: эта группа больше не может задавать вопросы, и я её покидаю.
access-not-saved = Не удалось сохранить (хранилище решений о доступе не работает); ничего не изменилось. Попробуйте ещё раз.
access-approved-notice = Теперь вы можете задавать мне вопросы.
access-not-admin = Видеть и менять, кто может задавать вопросы, могут только администраторы бота.
access-overflow = Ещё { $count ->
    [one] { $count } человек попросил
    [few] { $count } человека попросили
    [many] { $count } человек попросили
   *[other] { $count } человека попросили
  } доступ к боту, когда уже { $max ->
    [one] ждал { $max } запрос
    [few] ждали { $max } запроса
    [many] ждали { $max } запросов
   *[other] ждали { $max } запроса
  }; бот ответил, что он закрытый, и запрос не создавался. /access покажет ожидающих (это уведомление приходит не чаще раза в час).
access-open = Открыто: задавать вопросы может любой (ALLOWED_USER_IDS и ALLOWED_CHAT_IDS не заданы).
access-header = Кто может задавать вопросы ({ $count }), сначала новые:
access-header-paged = Кто может задавать вопросы ({ $count }, страница { $page } из { $pages }), сначала новые:
access-empty = Кроме администраторов, пока никого.
access-kind-pending = Ожидают
access-kind-approved = Одобрены здесь
access-kind-denied = Отклонены
access-kind-configured = Пользователи из ALLOWED_USER_IDS
access-kind-group = Группы, добавленные администратором
access-kind-configured-group = Группы из ALLOWED_CHAT_IDS
access-revoke = Отозвать
access-let-in = Впустить

collections-admins-only = Выбирать, по каким документам ищет чат, могут только администраторы бота.
collections-sent-privately = Я отправил вам выбор для этой группы в наш личный чат.
collections-open-private = Откройте личный чат со мной (нажмите там «Запустить»), затем отправьте /collections { $chat }.
collections-usage = Использование: /collections в группе или личном чате либо /collections <id пользователя> для личного чата этого человека.
collections-changed = Документы изменились после этого сообщения; отправьте /collections ещё раз.
collections-reset = ↩ Как в настройках
collections-this-chat = Этот чат
collections-that-chat = Чат { $chat }
collections-all = { $chat } ищет по всем коллекциям ({ $count }).
collections-these = { $chat } ищет по этим коллекциям: { $names }.
collections-none = { $chat } не ищет ни по одной коллекции (он не получает ответов).
collections-of = { $searches } Нажмите на коллекцию, чтобы включить или выключить её.

doc-not-admin = Добавлять и удалять документы могут только администраторы бота. Попросите администратора добавить этот файл.
doc-unsupported = Я не умею читать такие файлы. Я читаю: { $extensions }.
doc-too-large = Файл слишком большой ({ $size }); предел — { $limit }.
doc-unreadable = Не удалось прочитать { $name }: { $reason }. Ничего не добавлено; индекс не изменился.
doc-downloading = Читаю файл…
doc-reading-scans = Читаю файл… { $progress }
doc-download-failed = файл не удалось скачать
doc-photo-hint = Чтобы добавить это фото в документы, отправьте его ещё раз с подписью /add (или /add и название коллекции).
doc-photo-no-ocr = Я не могу читать фото: распознавание текста выключено (OCR=false в настройках бота).
doc-exists = Документ с именем { $name } уже есть. Заменить его, оставить оба или отменить?
doc-replace = Заменить
doc-keep-both = Оставить оба
doc-cancel = Отменить
doc-cancelled = Отменено; ничего не изменилось.
doc-expired = Время на выбор истекло; отправьте файл ещё раз.
doc-indexing = Добавляю { $name } в индекс…
doc-progress = Добавляю { $name } в индекс… { $progress }
doc-added = Добавлено: { $title } ({ $source })
doc-replaced = Заменено: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } страница
    [few] { $count } страницы
    [many] { $count } страниц
   *[other] { $count } страницы
  }
doc-sections = { $count ->
    [one] { $count } раздел
    [few] { $count } раздела
    [many] { $count } разделов
   *[other] { $count } раздела
  }
doc-passages = { $count ->
    [one] { $count } фрагмент
    [few] { $count } фрагмента
    [many] { $count } фрагментов
   *[other] { $count } фрагмента
  }
doc-url = Источник: { $url }
doc-note = Примечание: { $notes }.
doc-ready = Теперь по нему можно задавать вопросы.
doc-add-failed = Не удалось проиндексировать { $name }, поэтому файл не сохранён; индекс не изменился.
    Причина: { $reason }
doc-save-failed = Не удалось сохранить { $name } в папке документов, поэтому файл не добавлен; индекс не изменился.
    Причина: { $reason }
doc-add-usage = Отправьте /add и адрес веб-страницы или документа (PDF, Word, Markdown, текст), а при желании и коллекцию, в которую его положить, например: /add https://example.org/manual.html hr
doc-fetching = Загружаю { $url }…
doc-fetch-failed = Не удалось добавить { $url }: { $reason }. Ничего не добавлено.
doc-fetch-error = страницу не удалось загрузить
doc-docs-header = Документы ({ $count }), страница { $page } из { $pages }:
doc-docs-header-collection = Документы коллекции { $collection } ({ $count }), страница { $page } из { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } фрагмент
    [few] { $count } фрагмента
    [many] { $count } фрагментов
   *[other] { $count } фрагмента
  }
doc-no-docs = В индексе нет документов.
doc-no-such-collection = Коллекции «{ $name }» нет. Коллекции: { $names }.
doc-which-collection = В какую коллекцию положить { $name }? (В следующий раз её можно указать подписью или словом после адреса; новое имя создаёт новую коллекцию.)
doc-bad-collection = «{ $name }» не может быть именем коллекции: буквы, цифры, «.», «-» и «_», не больше 64, в начале буква или цифра.
doc-remove-which = Какой документ удалить? (страница { $page } из { $pages })
doc-remove-confirm = Удалить { $title } ({ $source }) из документов и индекса?
doc-remove = Удалить
doc-removing = Удаляю { $source }…
doc-removed = Документ { $source } удалён. { $count ->
    [one] Остался { $count } документ
    [few] Осталось { $count } документа
    [many] Осталось { $count } документов
   *[other] Осталось { $count } документа
  }; ответы больше на него не ссылаются.
doc-remove-gone = Этого документа больше нет в индексе.
doc-remove-failed = Не удалось удалить { $source }: { $reason }
doc-delete-failed = файл не удалось удалить (см. журнал бота)
doc-not-in-folder = Удалять можно только документы из папки с документами.
doc-no-match = Ни один документ не соответствует «{ $name }». Отправьте /remove без имени, чтобы выбрать документ.
