answer-not-in-documents = В документах нет ответа на этот вопрос.
answer-unverified = Я нашёл похожие фрагменты, но не смог подтвердить по ним ответ, поэтому не отвечаю.
answer-closest = Похоже, в документах нет ответа. Ближе всего эти фрагменты:
answer-lead = В документах сказано:
answer-sources = Источники
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
