# What the bot says around an answer, in English. Every locale has the same keys and variables
# (checked by test/i18n.test.ts). Texts not here yet are in src/bot/texts.ts (English and German).

answer-not-in-documents = The documents do not answer this question.
answer-unverified = I found related passages, but could not verify an answer against them, so I will not give one.
answer-closest = The documents do not seem to answer this. These passages come closest:
answer-lead = The documents say:
answer-sources = Sources:
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = scanned
answer-passage-button = passage

help-intro = I answer questions about these documents, with numbered sources you can check:
help-more = and { $count } more: /sources
help-private = Just send me a question. Follow-up questions work too.
help-group = In a group, mention me (@name + question), reply to one of my messages, or use /ask <question>.
help-commands = Commands: /ask <question>, /sources, /stats, /help

command-ask = Ask a question about the documents
command-sources = List the indexed documents
command-stats = Index and model statistics
command-help = How to use this bot

# Said to anyone who asks
non-text = I can only read text messages. Please type your question.
voice-off = I cannot listen to voice messages: no transcription model is set up (the bot's admin can set TRANSCRIBE_MODEL). Please type your question.
voice-too-long = This recording is too long: I listen to at most { $seconds } seconds. Please ask in a shorter message or type your question.
voice-failed = I could not transcribe the voice message: the transcription service is not responding. Please try again later or type your question.
voice-empty = I could not make out any words in the voice message. Please try again or type your question.
unknown-command = I do not know that command. Commands: /ask <question>, /sources, /stats, /help
too-long = That question is too long: the limit is { $max } characters. Please shorten it.
empty-ask = Please put the question after the command, e.g. /ask Who leads Sberbank?
rate-limited = You are sending messages faster than I can answer. Please wait a moment and ask again.
slow-down = Too many commands or button presses in a row: please wait a moment.
llm-down = Sorry, the language model is not responding right now, so I cannot write an answer. Please try again in a few minutes.
failed = Sorry, something went wrong while answering. Please try again.
stopped = Stopped. Ask again whenever you like.
thanks = Thanks for the feedback!
expired = This answer is too old to rate.
passage-gone = This passage is no longer in the index (the documents changed); ask again.
still-reading = I am still reading the documents. Please ask again in a moment.
still-reading-progress = I am still reading the documents ({ $progress }). Please ask again in a moment.
private-bot = This bot is private. I have asked its admins to let you in; you will get a message when they do.
private-button = This bot is private.
private-bot-full = This bot is private, and too many requests are waiting for its admins right now. Please ask them directly.
private-group = This bot is private and only answers in groups its admins allowed, so I am leaving. An admin can add me again.
group-allowed = Hello! An admin added me, so this group may ask me about the documents: mention me or reply to one of my messages.
sources-header = Indexed documents ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  })
sources-more = and { $count } more
stats = Documents: { $documents }
    Chunks: { $chunks }
    Embeddings: { $embeddings }
    Answers: { $answerer }
    Last index build: { $built } ({ $seconds } s)
stage-model = downloading the language model, MB
stage-load = reading files
stage-embed = passages
stage-write = writing the index
stage-scanned = reading scanned pages
stage-count = { $name }: { $done } of { $total }
