answer-not-in-documents = اسناد به این پرسش پاسخ نمی‌دهند.
answer-never-mentioned = در اسناد هیچ‌جا از «{ $name }» نامی برده نشده است؛ بنابراین به این پرسش پاسخ نمی‌دهند.
answer-unverified = بخش‌های مرتبطی پیدا کردم، اما نتوانستم پاسخی را با آن‌ها تأیید کنم؛ بنابراین پاسخی نمی‌دهم.
answer-closest = به نظر می‌رسد اسناد به این پرسش پاسخ نمی‌دهند. نزدیک‌ترین بخش‌ها این‌ها هستند:
answer-other-language = پاسخی در اسناد پیدا نکردم. زبان اسناد { $languages } است و بدون مدل زبانی، بخش‌ها را فقط با واژه‌هایی که با پرسش مشترک دارند پیدا می‌کنم: اگر پرسش به { $language } باشد، شاید پاسخی پیدا شود.
answer-other-language-closest = زبان اسناد { $languages } است و بدون مدل زبانی، بخش‌ها را فقط با واژه‌هایی که با پرسش مشترک دارند پیدا می‌کنم: اگر پرسش به { $language } باشد، شاید بیشتر پیدا شود. به نظر می‌رسد اسناد به این پاسخ نمی‌دهند. نزدیک‌ترین بخش‌ها این‌ها هستند:
answer-lead = در اسناد آمده است:
answer-sources = منابع:
answer-page = ص. { $page }
answer-pages = ص. { $first }–{ $last }
answer-scanned = اسکن‌شده
answer-passage-button = بخش

help-intro = به پرسش‌ها دربارهٔ این اسناد پاسخ می‌دهم، با منابع شماره‌داری که می‌توانید بررسی کنید:
help-more = و { $count } مورد دیگر: /sources
help-private = کافی است پرسش خود را بفرستید. پرسش‌های پیگیری هم کار می‌کنند.
help-group = در گروه، مرا منشن کنید (‎@نام + پرسش)، به یکی از پیام‌هایم پاسخ دهید یا از /ask <پرسش> استفاده کنید.
help-commands = دستورها: /ask <پرسش>، /sources، /stats، /help

command-ask = پرسیدن دربارهٔ اسناد
command-sources = فهرست اسناد نمایه‌شده
command-stats = آمار نمایه و مدل
command-help = راهنمای استفاده از ربات
command-reindex = بازسازی نمایه از پوشهٔ اسناد (مدیران)
command-add = افزودن صفحهٔ وب یا سند (PDF، Word، Markdown، متن) با نشانی آن (مدیران)
command-docs = فهرست اسناد با بخش‌هایشان (مدیران)
command-remove = حذف یک سند (مدیران)
command-access = چه کسی می‌تواند بپرسد: پذیرفته، در انتظار، ردشده (مدیران)
command-collections = این گفتگو در کدام اسناد جستجو می‌کند (مدیران)

non-text = فقط می‌توانم پیام‌های متنی را بخوانم. لطفاً پرسش خود را بنویسید.
voice-off = نمی‌توانم پیام‌های صوتی را گوش کنم: هیچ مدل تبدیل گفتار به متنی تنظیم نشده است (مدیر ربات می‌تواند TRANSCRIBE_MODEL را تنظیم کند). لطفاً پرسش خود را بنویسید.
voice-too-long = این ضبط بیش از حد طولانی است: حداکثر { $seconds } ثانیه گوش می‌کنم. لطفاً کوتاه‌تر بپرسید یا پرسش خود را بنویسید.
voice-failed = نتوانستم پیام صوتی را به متن تبدیل کنم: سرویس تبدیل گفتار پاسخ نمی‌دهد. لطفاً بعداً دوباره امتحان کنید یا پرسش خود را بنویسید.
voice-empty = در پیام صوتی هیچ واژه‌ای تشخیص ندادم. لطفاً دوباره امتحان کنید یا پرسش خود را بنویسید.
voice-unreadable = نتوانستم بفهمم این ضبط چقدر طول می‌کشد، برای همین به آن گوش ندادم. لطفاً یک پیام صوتی بفرستید یا سؤالتان را بنویسید.
unknown-command = این دستور را نمی‌شناسم. دستورها: /ask <پرسش>، /sources، /stats، /help
too-long = پرسش بیش از حد طولانی است: حداکثر { $max } نویسه. لطفاً آن را کوتاه کنید.
empty-ask = لطفاً پرسش را پس از دستور بنویسید، مثلاً: /ask چه کسی اسبربانک را اداره می‌کند؟
rate-limited = پیام‌ها را سریع‌تر از آنچه می‌توانم پاسخ دهم می‌فرستید. لطفاً کمی صبر کنید و دوباره بپرسید.
slow-down = دستورها یا فشردن دکمه‌های پشت سر هم بیش از حد است: لطفاً کمی صبر کنید.
llm-down = متأسفم، مدل زبانی اکنون پاسخ نمی‌دهد، بنابراین نمی‌توانم پاسخی بنویسم. لطفاً چند دقیقهٔ دیگر دوباره امتحان کنید.
failed = متأسفم، هنگام پاسخ دادن مشکلی پیش آمد. لطفاً دوباره امتحان کنید.
stopped = متوقف شد. هر وقت خواستید دوباره بپرسید.
thanks = از بازخورد شما سپاسگزارم!
expired = این پاسخ برای امتیازدهی بیش از حد قدیمی است.
passage-gone = این بخش دیگر در نمایه نیست (اسناد تغییر کرده‌اند)؛ دوباره بپرسید.
still-reading = هنوز در حال خواندن اسناد هستم. لطفاً کمی بعد دوباره بپرسید.
still-reading-progress = هنوز در حال خواندن اسناد هستم ({ $progress }). لطفاً کمی بعد دوباره بپرسید.
private-bot = این ربات خصوصی است. از مدیران آن خواسته‌ام به شما دسترسی بدهند؛ وقتی این کار را کردند پیامی دریافت می‌کنید.
private-button = این ربات خصوصی است.
button-gone = این دکمه دیگر کار نمی‌کند.
private-bot-full = این ربات خصوصی است و اکنون درخواست‌های زیادی در انتظار مدیران آن است. لطفاً مستقیماً از آن‌ها بپرسید.
private-group = این ربات خصوصی است و فقط در گروه‌هایی که مدیرانش اجازه داده‌اند پاسخ می‌دهد، پس گروه را ترک می‌کنم. یک مدیر می‌تواند دوباره مرا اضافه کند.
group-allowed = سلام! یک مدیر مرا اضافه کرد، پس این گروه می‌تواند دربارهٔ اسناد از من بپرسد: مرا منشن کنید یا به یکی از پیام‌هایم پاسخ دهید.
sources-header = اسناد نمایه‌شده ({ $count }):
sources-line = { $title } ({ $source }، { $count } بخش)
sources-more = و { $count } مورد دیگر
stats = اسناد: { $documents }
    بخش‌ها: { $chunks }
    بردارها: { $embeddings }
    پاسخ‌ها: { $answerer }
    آخرین ساخت نمایه: { $built } ({ $seconds } ثانیه)
stage-model = بارگیری مدل زبانی، مگابایت
stage-load = خواندن پرونده‌ها
stage-embed = بخش‌ها
stage-write = نوشتن نمایه
stage-scanned = خواندن صفحه‌های اسکن‌شده
stage-count = { $name }: { $done } از { $total }

admin-help = شما مدیر هستید: /reindex نمایه را از پوشهٔ اسناد از نو می‌سازد؛ برای افزودن سند، یک پرونده (PDF، Word، HTML، Markdown، متن) برایم بفرستید یا از /add <url> استفاده کنید؛ /docs فهرست اسناد را نشان می‌دهد و /remove یکی را حذف می‌کند؛ /access نشان می‌دهد چه کسانی می‌توانند بپرسند و امکان تأیید یا لغو دسترسی را می‌دهد؛ /collections تعیین می‌کند یک گفتگو در کدام اسناد جستجو کند.
admin-not-admin = فقط مدیران ربات می‌توانند نمایه را از نو بسازند.
admin-use-private = لطفاً این دستور را در گفتگوی خصوصی ما به کار ببرید: اینجا همهٔ اعضا پاسخ را می‌خوانند.
admin-previous = ‹ قبلی
admin-next = بعدی ›
list-separator = {"، "}
admin-internal-error = خطای داخلی (گزارش ربات را ببینید)
admin-reindex-busy = ساختن دوبارهٔ نمایه از قبل در جریان است؛ وقتی تمام شد همین‌جا خبر می‌دهم.
admin-reindex-start = در حال ساختن دوبارهٔ نمایه… (در این مدت پرسش‌ها همچنان با نمایهٔ فعلی پاسخ داده می‌شوند)
admin-reindex-progress = در حال ساختن دوبارهٔ نمایه… { $progress }
admin-reindex-rebuilt = نمایه در { $seconds } ثانیه از نو ساخته شد: { $documents } سند، { $chunks } بخش.
admin-reindex-unchanged = اسناد از آخرین ساخت تغییری نکرده‌اند؛ همان نمایه اکنون به کار می‌رود: { $documents } سند، { $chunks } بخش.
admin-reindex-documents = اسناد: افزوده { $added }، تغییریافته { $changed }، حذف‌شده { $removed }، بدون تغییر { $unchanged }.
admin-reindex-chunks = بخش‌ها: بردار تازه { $embedded }، استفادهٔ دوباره { $reused }.
admin-reindex-skipped = رد شده: { $files }
admin-reindex-warnings = خوانده‌شده با هشدار: { $files }
admin-reindex-more = و { $count } مورد دیگر (گزارش را ببینید)
admin-reindex-fallback = هشدار: { $reason }
admin-reindex-failed = ساختن دوبارهٔ نمایه ناموفق بود؛ نمایهٔ قبلی همچنان به کار می‌رود.
    علت: { $reason }

access-request = ‏{ $who } می‌خواهد از ربات استفاده کند.
access-approve = تأیید
access-deny = رد
access-approved = ‏{ $who }: توسط { $by } تأیید شد.
access-denied = ‏{ $who }: توسط { $by } رد شد.
access-approved-toast = تأیید شد.
access-denied-toast = رد شد: این شخص دیگر نمی‌تواند بپرسد.
access-group-revoked-toast = لغو شد: این گروه دیگر نمی‌تواند بپرسد و من آن را ترک می‌کنم.
access-not-saved = ذخیره نشد (محل نگهداری تصمیم‌های دسترسی از کار افتاده است)؛ چیزی تغییر نکرد. لطفاً دوباره امتحان کنید.
access-approved-notice = اکنون می‌توانید از من بپرسید.
access-not-admin = فقط مدیران ربات می‌توانند ببینند یا تغییر دهند چه کسانی می‌توانند بپرسند.
access-overflow = { $count ->
    [one] { $count } نفر دیگر خواست از ربات استفاده کند
   *[other] { $count } نفر دیگر خواستند از ربات استفاده کنند
  }، در حالی که { $max } درخواست از قبل در انتظار بود؛ ربات پاسخ داد که خصوصی است و درخواستی ثبت نشد. /access منتظران را نشان می‌دهد (این یادداشت حداکثر ساعتی یک بار می‌آید).
access-open = باز: همه می‌توانند بپرسند (ALLOWED_USER_IDS و ALLOWED_CHAT_IDS تنظیم نشده‌اند).
access-header = چه کسانی می‌توانند بپرسند ({ $count })، جدیدترین‌ها اول:
access-header-paged = چه کسانی می‌توانند بپرسند ({ $count }، صفحهٔ { $page } از { $pages })، جدیدترین‌ها اول:
access-empty = هنوز کسی جز مدیران نیست.
access-kind-pending = در انتظار
access-kind-approved = تأییدشده در اینجا
access-kind-denied = ردشده
access-kind-configured = کاربران ALLOWED_USER_IDS
access-kind-group = گروه‌هایی که یک مدیر افزوده است
access-kind-configured-group = گروه‌های ALLOWED_CHAT_IDS
access-revoke = لغو دسترسی
access-let-in = اجازه دادن

collections-admins-only = فقط مدیران ربات می‌توانند تعیین کنند یک گفتگو در کدام اسناد جستجو کند.
collections-sent-privately = گزینه‌های این گروه را در گفتگوی خصوصی‌مان برایتان فرستادم.
collections-open-private = یک گفتگوی خصوصی با من باز کنید (آنجا Start را بزنید)، سپس ‎/collections { $chat } را بفرستید.
collections-usage = طرز استفاده: /collections در یک گروه یا گفتگوی خصوصی، یا /collections <شناسهٔ کاربر> برای گفتگوی خصوصی آن شخص.
collections-changed = اسناد پس از این پیام تغییر کرده‌اند؛ دوباره /collections را بفرستید.
collections-reset = ↩ مطابق تنظیمات
collections-this-chat = این گفتگو
collections-that-chat = گفتگوی { $chat }
collections-all = { $chat } در همهٔ مجموعه‌ها ({ $count }) جستجو می‌کند.
collections-these = { $chat } در این مجموعه‌ها جستجو می‌کند: { $names }.
collections-none = { $chat } در هیچ مجموعه‌ای جستجو نمی‌کند (پاسخی نمی‌گیرد).
collections-of = { $searches } برای روشن یا خاموش کردن هر مجموعه، آن را بزنید.

doc-not-admin = فقط مدیران ربات می‌توانند سند اضافه یا حذف کنند. از یک مدیر بخواهید این پرونده را اضافه کند.
doc-unsupported = این نوع پرونده را نمی‌توانم بخوانم. این‌ها را می‌خوانم: { $extensions }.
doc-too-large = این پرونده بیش از حد بزرگ است ({ $size })؛ حد مجاز { $limit } است.
doc-unreadable = نتوانستم { $name } را بخوانم: { $reason }. چیزی اضافه نشد؛ نمایه تغییری نکرد.
doc-downloading = در حال خواندن پرونده…
doc-reading-scans = در حال خواندن پرونده… { $progress }
doc-download-failed = بارگیری ناموفق بود
doc-photo-hint = برای افزودن این عکس به اسناد، آن را دوباره با توضیح /add (یا /add و نام یک مجموعه) بفرستید.
doc-photo-no-ocr = نمی‌توانم عکس بخوانم: OCR خاموش است (OCR=false در تنظیمات ربات).
doc-exists = سندی به نام { $name } از قبل وجود دارد. جایگزین شود، هر دو نگه داشته شوند یا لغو شود؟
doc-replace = جایگزین کن
doc-keep-both = هر دو را نگه دار
doc-cancel = لغو
doc-cancelled = لغو شد؛ چیزی تغییر نکرد.
doc-expired = مهلت این انتخاب تمام شده است؛ لطفاً پرونده را دوباره بفرستید.
doc-indexing = در حال افزودن { $name } به نمایه…
doc-progress = در حال افزودن { $name } به نمایه… { $progress }
doc-added = افزوده شد: { $title } ({ $source })
doc-replaced = جایگزین شد: { $title } ({ $source })
doc-pages = { $count } صفحه
doc-sections = { $count } قسمت
doc-passages = { $count } بخش
doc-url = منبع: { $url }
doc-note = توجه: { $notes }.
doc-ready = اکنون می‌توان دربارهٔ آن پرسید.
doc-add-failed = ‏{ $name } را نتوانستم نمایه کنم، پس نگه داشته نشد؛ نمایه تغییری نکرد.
    علت: { $reason }
doc-save-failed = ‏{ $name } را نتوانستم در پوشهٔ اسناد ذخیره کنم، پس افزوده نشد؛ نمایه تغییری نکرد.
    علت: { $reason }
doc-add-usage = ‏/add را همراه با نشانی یک صفحهٔ وب یا سند (PDF، Word، Markdown، متن) و در صورت تمایل نام مجموعهٔ مقصد بفرستید، مثلاً: /add https://example.org/manual.html hr
doc-fetching = در حال دریافت { $url }…
doc-fetch-failed = نتوانستم { $url } را اضافه کنم: { $reason }. چیزی اضافه نشد.
doc-fetch-error = صفحه دریافت نشد
doc-docs-header = اسناد ({ $count })، صفحهٔ { $page } از { $pages }:
doc-docs-header-collection = اسناد مجموعهٔ { $collection } ({ $count })، صفحهٔ { $page } از { $pages }:
doc-docs-line = { $title } ({ $source }): { $count } بخش
doc-no-docs = نمایه هیچ سندی ندارد.
doc-no-such-collection = مجموعه‌ای به نام «{ $name }» وجود ندارد. مجموعه‌ها: { $names }.
doc-which-collection = ‏{ $name } در کدام مجموعه قرار گیرد؟ (دفعهٔ بعد، توضیح پرونده یا واژه‌ای پس از نشانی آن را مشخص می‌کند؛ نام تازه یک مجموعهٔ تازه می‌سازد.)
doc-bad-collection = «{ $name }» نمی‌تواند نام مجموعه باشد: حروف، ارقام، «.»، «-» و «_»، حداکثر ۶۴ نویسه، و آغاز با یک حرف یا رقم.
doc-remove-which = کدام سند را حذف کنم؟ (صفحهٔ { $page } از { $pages })
doc-remove-confirm = ‏{ $title } ({ $source }) از اسناد و نمایه حذف شود؟
doc-remove = حذف
doc-removing = در حال حذف { $source }…
doc-removed = ‏{ $source } حذف شد. { $count } سند باقی مانده است؛ پاسخ‌ها دیگر به آن ارجاع نمی‌دهند.
doc-remove-gone = آن سند دیگر در نمایه نیست.
doc-remove-failed = ‏{ $source } حذف نشد: { $reason }
doc-delete-failed = پرونده حذف نشد (گزارش ربات را ببینید)
doc-not-in-folder = فقط اسناد داخل پوشهٔ اسناد را می‌توان حذف کرد.
doc-no-match = هیچ سندی با «{ $name }» مطابقت ندارد. برای انتخاب، /remove را بدون نام بفرستید.
