answer-not-in-documents = اسناد به این پرسش پاسخ نمی‌دهند.
answer-unverified = بخش‌های مرتبطی پیدا کردم، اما نتوانستم پاسخی را با آن‌ها تأیید کنم؛ بنابراین پاسخی نمی‌دهم.
answer-closest = به نظر می‌رسد اسناد به این پاسخ نمی‌دهند. نزدیک‌ترین بخش‌ها این‌ها هستند:
answer-lead = در اسناد آمده است:
answer-sources = منابع
answer-page = ص. { $page }
answer-pages = ص. { $first }–{ $last }
answer-scanned = اسکن‌شده
answer-passage-button = بخش

help-intro = به پرسش‌ها دربارهٔ این اسناد پاسخ می‌دهم، با منابع شماره‌دار که می‌توانید بررسی کنید:
help-more = و { $count } مورد دیگر: /sources
help-private = کافی است پرسش خود را بفرستید. پرسش‌های پیگیری هم کار می‌کنند.
help-group = در گروه، مرا نام ببرید (‎@نام + پرسش)، به یکی از پیام‌هایم پاسخ دهید یا از /ask <پرسش> استفاده کنید.
help-commands = دستورها: /ask <پرسش>، /sources، /stats، /help

command-ask = پرسیدن دربارهٔ اسناد
command-sources = فهرست اسناد نمایه‌شده
command-stats = آمار نمایه و مدل
command-help = راهنمای استفاده از ربات
