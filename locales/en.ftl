# What the bot says around an answer, in English. Every locale has the same keys and variables
# (checked by test/i18n.test.ts). Texts not here yet are in src/bot/texts.ts (English and German).

answer-not-in-documents = The documents do not answer this question.
answer-unverified = I found related passages, but could not verify an answer against them, so I will not give one.
answer-closest = The documents do not seem to answer this. These passages come closest:
answer-lead = The documents say:
answer-sources = Sources
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
