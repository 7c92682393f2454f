answer-not-in-documents = У документах немає відповіді на це запитання.
answer-never-mentioned = У документах ніде не згадується «{ $name }», тому вони не відповідають на це запитання.
answer-unverified = Я знайшов схожі фрагменти, але не зміг на їх основі підтвердити відповідь, тому не відповідаю.
answer-closest = Схоже, документи на це не відповідають. Найближчі фрагменти:
answer-lead = У документах сказано:
answer-sources = Джерела:
answer-page = с. { $page }
answer-pages = с. { $first }–{ $last }
answer-scanned = скан
answer-passage-button = фрагмент

help-intro = Я відповідаю на запитання щодо цих документів і даю пронумеровані джерела, які можна перевірити:
help-more = і ще { $count }: /sources
help-private = Просто надішліть мені запитання. Уточнювальні запитання теж працюють.
help-group = У групі згадайте мене (@ім'я + запитання), дайте відповідь на одне з моїх повідомлень або скористайтеся /ask <запитання>.
help-commands = Команди: /ask <запитання>, /sources, /stats, /help

command-ask = Поставити запитання щодо документів
command-sources = Список проіндексованих документів
command-stats = Статистика індексу та моделі
command-help = Як користуватися ботом
command-reindex = Перебудувати індекс із теки документів (для адмінів)
command-add = Додати вебсторінку або документ (PDF, Word, Markdown, текст) за адресою (для адмінів)
command-docs = Список документів з їхніми фрагментами (для адмінів)
command-remove = Видалити документ (для адмінів)
command-access = Хто може ставити запитання: допущені, ті, що чекають, відхилені (для адмінів)
command-collections = Які документи шукає цей чат (для адмінів)

non-text = Я вмію читати лише текстові повідомлення. Будь ласка, напишіть запитання.
voice-off = Я не можу слухати голосові повідомлення: модель розпізнавання мовлення не налаштована (адміністратор бота може задати TRANSCRIBE_MODEL). Будь ласка, напишіть запитання.
voice-too-long = Запис задовгий: я слухаю не більше { $seconds } секунд. Поставте запитання коротше або напишіть його.
voice-failed = Не вдалося розпізнати голосове повідомлення: сервіс розпізнавання не відповідає. Спробуйте пізніше або напишіть запитання.
voice-empty = У голосовому повідомленні не вдалося розібрати жодного слова. Спробуйте ще раз або напишіть запитання.
voice-unreadable = Я не зміг визначити, скільки триває цей запис, тому не слухав його. Надішліть голосове повідомлення або напишіть запитання.
unknown-command = Я не знаю такої команди. Команди: /ask <запитання>, /sources, /stats, /help
too-long = Запитання задовге: не більше { $max } символів. Будь ласка, скоротіть його.
empty-ask = Напишіть запитання після команди, наприклад: /ask Хто очолює Сбербанк?
rate-limited = Ви надсилаєте повідомлення швидше, ніж я встигаю відповідати. Зачекайте трохи й запитайте знову.
slow-down = Забагато команд або натискань поспіль: зачекайте трохи.
llm-down = Вибачте, мовна модель зараз не відповідає, тому я не можу написати відповідь. Спробуйте за кілька хвилин.
failed = Вибачте, під час відповіді щось пішло не так. Спробуйте ще раз.
stopped = Зупинено. Запитуйте знову, коли захочете.
thanks = Дякую за відгук!
expired = Ця відповідь надто стара, щоб її оцінити.
passage-gone = Цього фрагмента більше немає в індексі (документи змінилися); запитайте знову.
still-reading = Я ще читаю документи. Запитайте знову трохи згодом.
still-reading-progress = Я ще читаю документи ({ $progress }). Запитайте знову трохи згодом.
private-bot = Це закритий бот. Я попросив адміністраторів надати вам доступ; ви отримаєте повідомлення, коли вони це зроблять.
private-button = Це закритий бот.
button-gone = Ця кнопка більше не працює.
private-bot-full = Це закритий бот, і зараз забагато запитів чекають на адміністраторів. Зверніться до них напряму.
private-group = Це закритий бот, він відповідає лише в групах, дозволених адміністраторами, тому я виходжу. Адміністратор може додати мене знову.
group-allowed = Вітаю! Адміністратор додав мене, тож у цій групі можна ставити мені запитання щодо документів: згадайте мене або дайте відповідь на одне з моїх повідомлень.
sources-header = Проіндексовані документи ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } фрагмент
    [few] { $count } фрагменти
   *[many] { $count } фрагментів
  })
sources-more = і ще { $count }
stats = Документів: { $documents }
    Фрагментів: { $chunks }
    Ембедінги: { $embeddings }
    Відповіді: { $answerer }
    Остання збірка індексу: { $built } ({ $seconds } с)
stage-model = завантаження мовної моделі, МБ
stage-load = читання файлів
stage-embed = фрагменти
stage-write = запис індексу
stage-scanned = читання відсканованих сторінок
stage-count = { $name }: { $done } з { $total }

admin-help = Ви адміністратор: /reindex перебудовує індекс із теки з документами; надішліть мені файл (PDF, Word, HTML, Markdown, текст) або /add <url>, щоб додати документ; /docs показує список документів, /remove вилучає документ; /access показує, хто може ставити запитання, і дає змогу схвалити або відкликати доступ; /collections вибирає, у яких документах шукає чат.
admin-not-admin = Перебудувати індекс можуть лише адміністратори бота.
admin-use-private = Скористайтеся цією командою в нашому особистому чаті: тут відповідь прочитають усі учасники.
admin-previous = ‹ Назад
admin-next = Далі ›
list-separator = {", "}
admin-internal-error = внутрішня помилка (див. журнал бота)
admin-reindex-busy = Індекс уже перебудовується; я повідомлю тут, коли закінчу.
admin-reindex-start = Перебудовую індекс… (на запитання поки відповідає поточний)
admin-reindex-progress = Перебудовую індекс… { $progress }
admin-reindex-rebuilt = Індекс перебудовано за { $seconds } с: { $documents ->
    [one] { $documents } документ
    [few] { $documents } документи
    [many] { $documents } документів
   *[other] { $documents } документа
  }, { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагменти
    [many] { $chunks } фрагментів
   *[other] { $chunks } фрагмента
  }.
admin-reindex-unchanged = Документи не змінилися від попередньої збірки; тепер використовується вона: { $documents ->
    [one] { $documents } документ
    [few] { $documents } документи
    [many] { $documents } документів
   *[other] { $documents } документа
  }, { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагменти
    [many] { $chunks } фрагментів
   *[other] { $chunks } фрагмента
  }.
admin-reindex-documents = Документи: додано { $added }, змінено { $changed }, вилучено { $removed }, без змін { $unchanged }.
admin-reindex-chunks = Фрагменти: нових ембедінгів { $embedded }, узято з попереднього індексу { $reused }.
admin-reindex-skipped = Пропущено: { $files }
admin-reindex-warnings = Прочитано з попередженням: { $files }
admin-reindex-more = і ще { $count } (див. журнал)
admin-reindex-fallback = Попередження: { $reason }
admin-reindex-failed = Перебудувати індекс не вдалося; далі працює попередній індекс.
    Причина: { $reason }

access-request = { $who } просить доступ до бота.
access-approve = Схвалити
access-deny = Відхилити
access-approved = { $who }: схвалено адміністратором { $by }.
access-denied = { $who }: відхилено адміністратором { $by }.
access-approved-toast = Схвалено.
access-denied-toast = Відхилено: ця людина більше не може ставити запитання.
access-group-revoked-toast = Відкликано: ця група більше не може ставити запитання, і я її залишаю.
access-not-saved = Не вдалося зберегти (сховище рішень про доступ не працює); нічого не змінилося. Спробуйте ще раз.
access-approved-notice = Тепер ви можете ставити мені запитання.
access-not-admin = Бачити й змінювати, хто може ставити запитання, можуть лише адміністратори бота.
access-overflow = Ще { $count ->
    [one] { $count } людина попросила
    [few] { $count } людини попросили
    [many] { $count } людей попросили
   *[other] { $count } людини попросили
  } доступ до бота, коли вже { $max ->
    [one] чекав { $max } запит
    [few] чекали { $max } запити
    [many] чекали { $max } запитів
   *[other] чекали { $max } запиту
  }; бот відповів, що він закритий, і запит не створювався. /access покаже тих, хто чекає (це сповіщення надходить не частіше ніж раз на годину).
access-open = Відкрито: ставити запитання може будь-хто (ALLOWED_USER_IDS і ALLOWED_CHAT_IDS не задано).
access-header = Хто може ставити запитання ({ $count }), спершу нові:
access-header-paged = Хто може ставити запитання ({ $count }, сторінка { $page } з { $pages }), спершу нові:
access-empty = Крім адміністраторів, поки нікого.
access-kind-pending = Чекають
access-kind-approved = Схвалені тут
access-kind-denied = Відхилені
access-kind-configured = Користувачі з ALLOWED_USER_IDS
access-kind-group = Групи, додані адміністратором
access-kind-configured-group = Групи з ALLOWED_CHAT_IDS
access-revoke = Відкликати
access-let-in = Впустити

collections-admins-only = Вибирати, у яких документах шукає чат, можуть лише адміністратори бота.
collections-sent-privately = Я надіслав вам вибір для цієї групи в наш особистий чат.
collections-open-private = Відкрийте особистий чат зі мною (натисніть там «Почати»), потім надішліть /collections { $chat }.
collections-usage = Використання: /collections у групі чи особистому чаті або /collections <id користувача> для особистого чату цієї людини.
collections-changed = Документи змінилися після цього повідомлення; надішліть /collections ще раз.
collections-reset = ↩ Як у налаштуваннях
collections-this-chat = Цей чат
collections-that-chat = Чат { $chat }
collections-all = { $chat } шукає в усіх колекціях ({ $count }).
collections-these = { $chat } шукає в цих колекціях: { $names }.
collections-none = { $chat } не шукає в жодній колекції (він не отримує відповідей).
collections-of = { $searches } Натисніть на колекцію, щоб увімкнути або вимкнути її.

doc-not-admin = Додавати й вилучати документи можуть лише адміністратори бота. Попросіть адміністратора додати цей файл.
doc-unsupported = Я не вмію читати такі файли. Я читаю: { $extensions }.
doc-too-large = Файл завеликий ({ $size }); межа — { $limit }.
doc-unreadable = Не вдалося прочитати { $name }: { $reason }. Нічого не додано; індекс не змінився.
doc-downloading = Читаю файл…
doc-reading-scans = Читаю файл… { $progress }
doc-download-failed = файл не вдалося завантажити
doc-photo-hint = Щоб додати це фото до документів, надішліть його ще раз із підписом /add (або /add і назва колекції).
doc-photo-no-ocr = Я не можу читати фото: розпізнавання тексту вимкнено (OCR=false у налаштуваннях бота).
doc-exists = Документ з іменем { $name } уже є. Замінити його, залишити обидва чи скасувати?
doc-replace = Замінити
doc-keep-both = Залишити обидва
doc-cancel = Скасувати
doc-cancelled = Скасовано; нічого не змінилося.
doc-expired = Час на вибір минув; надішліть файл ще раз.
doc-indexing = Додаю { $name } до індексу…
doc-progress = Додаю { $name } до індексу… { $progress }
doc-added = Додано: { $title } ({ $source })
doc-replaced = Замінено: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } сторінка
    [few] { $count } сторінки
    [many] { $count } сторінок
   *[other] { $count } сторінки
  }
doc-sections = { $count ->
    [one] { $count } розділ
    [few] { $count } розділи
    [many] { $count } розділів
   *[other] { $count } розділу
  }
doc-passages = { $count ->
    [one] { $count } фрагмент
    [few] { $count } фрагменти
    [many] { $count } фрагментів
   *[other] { $count } фрагмента
  }
doc-url = Джерело: { $url }
doc-note = Примітка: { $notes }.
doc-ready = Тепер щодо нього можна ставити запитання.
doc-add-failed = Не вдалося проіндексувати { $name }, тому файл не збережено; індекс не змінився.
    Причина: { $reason }
doc-save-failed = Не вдалося зберегти { $name } у теці документів, тому файл не додано; індекс не змінився.
    Причина: { $reason }
doc-add-usage = Надішліть /add і адресу вебсторінки чи документа (PDF, Word, Markdown, текст), а за бажанням і колекцію, до якої його додати, наприклад: /add https://example.org/manual.html hr
doc-fetching = Завантажую { $url }…
doc-fetch-failed = Не вдалося додати { $url }: { $reason }. Нічого не додано.
doc-fetch-error = сторінку не вдалося завантажити
doc-docs-header = Документи ({ $count }), сторінка { $page } з { $pages }:
doc-docs-header-collection = Документи колекції { $collection } ({ $count }), сторінка { $page } з { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } фрагмент
    [few] { $count } фрагменти
    [many] { $count } фрагментів
   *[other] { $count } фрагмента
  }
doc-no-docs = В індексі немає документів.
doc-no-such-collection = Колекції «{ $name }» немає. Колекції: { $names }.
doc-which-collection = До якої колекції додати { $name }? (Наступного разу її можна вказати підписом або словом після адреси; нове ім'я створює нову колекцію.)
doc-bad-collection = «{ $name }» не може бути іменем колекції: літери, цифри, «.», «-» і «_», не більше 64, на початку літера або цифра.
doc-remove-which = Який документ вилучити? (сторінка { $page } з { $pages })
doc-remove-confirm = Вилучити { $title } ({ $source }) з документів та індексу?
doc-remove = Вилучити
doc-removing = Вилучаю { $source }…
doc-removed = Документ { $source } вилучено. { $count ->
    [one] Залишився { $count } документ
    [few] Залишилося { $count } документи
    [many] Залишилося { $count } документів
   *[other] Залишилося { $count } документа
  }; відповіді більше на нього не посилаються.
doc-remove-gone = Цього документа більше немає в індексі.
doc-remove-failed = Не вдалося вилучити { $source }: { $reason }
doc-delete-failed = файл не вдалося видалити (див. журнал бота)
doc-not-in-folder = Вилучати можна лише документи з теки з документами.
doc-no-match = Жоден документ не відповідає «{ $name }». Надішліть /remove без імені, щоб вибрати документ.
