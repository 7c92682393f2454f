import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { Composer, InlineKeyboard } from "grammy";
import { AppError } from "../../errors.js";
import { COLLECTION_NAME, collectionOf, collectionsOf, MAIN_COLLECTION } from "../../documents/collections.js";
import { chatCollections } from "../scope.js";
import { redactSecrets } from "../../logger.js";
import { safeFileName, writeFailure, type DocumentSummary } from "../../documents/library.js";
import { SAME_CONTENT } from "../../documents/load.js";
import { downloadTelegramFile, fetchDocument, FetchRefusedError, TELEGRAM_DOWNLOAD_LIMIT } from "../../net/fetch-document.js";
import { docSay } from "../documents-texts.js";
import { ProgressMessage } from "../progress.js";
import { head, markup, pageOf, pager, tail } from "../paging.js";
import { replyText } from "../reply.js";
import { adminSay } from "../texts.js";
import { localeFor } from "../../i18n/index.js";
import type { BotContext, BotDeps } from "../context.js";
import { plainLine } from "../../unicode.js";

/** How long a Replace / Keep both / Cancel question waits for an answer; its file is held in memory until then. */
const PENDING_TTL_MS = 15 * 60_000;
const MAX_PENDING = 20;
/** Documents per page in /docs and /remove. */
const PAGE_SIZE = 8;

/** A file read and checked, waiting for the admin to say what to do about a name already taken. */
interface Pending {
  readonly name: string;
  /** The collections offered for it, when the admin is asked to choose one. */
  readonly choices?: readonly string[];
  readonly bytes: Buffer;
  readonly summary: DocumentSummary;
  readonly url?: string;
  readonly userId: number;
  readonly at: number;
}

/**
 * A caption "/add" or "/add <collection>" (also "/add@thisbot …"): the collection named, if any;
 * undefined when the caption is not that command for this bot. Everything after the command is
 * the collection, so "/add hr extra" is refused as a bad collection name, not taken as "hr".
 */
export function addCaption(caption: string | undefined, username: string): { collection: string | undefined } | undefined {
  const m = /^\/add(?:@(\w+))?(?:\s+([\s\S]*))?$/i.exec(caption?.trim() ?? "");
  if (!m || (m[1] !== undefined && m[1].toLowerCase() !== username.toLowerCase())) return undefined;
  return { collection: m[2]?.trim() || undefined };
}

/** A short, stable id of a document for callback data (64 bytes at most): its source may be long. */
const docId = (source: string) => createHash("sha256").update(source).digest("base64url").slice(0, 12);

/** Case and compatibility forms aside ("HR" and "hr", "ﬁnance" and "finance"). */
const foldName = (name: string) => name.normalize("NFKC").toLowerCase();

/** The item named exactly `typed`, else one whose name differs from it only in case or by a compatibility form. */
function namedSo<T>(items: readonly T[], name: (item: T) => string, typed: string): T | undefined {
  return items.find((x) => name(x) === typed) ?? items.find((x) => foldName(name(x)) === foldName(typed));
}

/**
 * Admins keep the documents current from the chat: a file sent in private is added, `/add <url>`
 * fetches a page, `/docs` lists, `/remove` deletes. Every change is checked with the same readers
 * as ingestion before it touches the folder, and the index is updated in the background with a
 * progress message. A change whose indexing fails is undone, so the folder and the index agree.
 */
export function documentsFeature(deps: BotDeps, secrets: readonly string[]): Composer<BotContext> {
  const { kb, library, settings, access, log } = deps;
  const composer = new Composer<BotContext>();
  const pending = new Map<string, Pending>();
  const t = (ctx: BotContext) => docSay(localeFor(ctx.from?.language_code));
  const progressOptions = { intervalMs: settings.progressIntervalMs, log };
  /** What the admin is told of a failure: an AppError's message, else that it is the bot's own fault (the log has the details). */
  const reasonOf = (error: unknown, tx: { internalError: string }) => redactSecrets(error instanceof AppError ? error.message : tx.internalError, secrets);

  function hold(item: Omit<Pending, "at">): string {
    const now = Date.now();
    for (const [key, p] of pending) if (now - p.at > PENDING_TTL_MS || pending.size >= MAX_PENDING) pending.delete(key);
    const key = randomBytes(6).toString("base64url");
    pending.set(key, { ...item, at: now });
    return key;
  }

  /**
   * Puts a checked file into the folder and the index. With `replace` false the name is made
   * free ("name (2).pdf"). If indexing fails, the previous state of the folder comes back.
   */
  async function commit(ctx: BotContext, status: ProgressMessage, item: Omit<Pending, "at" | "userId">, replace: boolean): Promise<void> {
    const tx = t(ctx);
    let name = item.name;
    let before: { bytes: Buffer; url?: string } | undefined;
    const origin = item.url ? { url: item.url } : {};
    try {
      // A copy of a document the collection has adds nothing (the index reads copies once): not kept.
      const copy = await library.copyOf(name, item.bytes, replace);
      if (copy !== undefined) {
        log.info({ name, copy }, "an added document is a copy of one in the folder; not kept");
        await status.finish(tx.addFailed(name, `${SAME_CONTENT} ${copy}, which is in the documents already`));
        return;
      }
      if (replace) {
        // What it replaces read in the same step: another admin's replacement meanwhile is what an undo restores.
        before = await library.replace(name, item.bytes, origin);
      } else {
        // The name made free as it is written: another admin's upload of the same name may be saved meanwhile.
        name = await library.add(name, item.bytes, origin);
      }
    } catch (error) {
      log.error({ err: error, name }, "could not save an uploaded document");
      await status.finish(tx.saveFailed(name, writeFailure(error)));
      return;
    }
    await status.finish(tx.indexing(name));
    // Not awaited: the chat's other updates keep flowing while the index is updated.
    void kb
      .update((p) => status.update(tx.progress(name, p)))
      .then(async () => {
        const doc = kb.index.manifest.documents.find((d) => d.source === name);
        log.info({ name, chunks: doc?.chunks, url: item.url }, "document added from the chat");
        await status.finish(
          tx.added(
            {
              title: doc?.title ?? item.summary.title ?? name,
              source: name,
              pages: item.summary.pages,
              sections: item.summary.sections,
              chunks: doc?.chunks ?? 0,
              url: item.url,
              warnings: item.summary.warnings,
            },
            before !== undefined,
          ),
        );
      })
      .catch(async (error: unknown) => {
        log.error({ err: error, name }, "indexing an added document failed; undoing the change");
        await undo();
        await status.finish(tx.addFailed(name, reasonOf(error, tx)));
      });
    /** The folder as it was before the file was saved (the index follows at its next update), unless the file was replaced since. */
    async function undo(): Promise<void> {
      try {
        if (!(await library.takeBack(name, item.bytes, before))) log.info({ name }, "the file was replaced since; the newer one is kept");
      } catch (error) {
        log.error({ err: error, name }, "could not undo the change in the documents folder");
      }
    }
  }

  /**
   * After a file or page was read: into the collection named (a caption, or after the address),
   * else the chat's only collection, else the admin chooses one with buttons.
   */
  async function place(ctx: BotContext, status: ProgressMessage, item: Omit<Pending, "at" | "userId">, named: string | undefined): Promise<void> {
    const tx = t(ctx);
    const into = (collection: string) => ({ ...item, name: collection === MAIN_COLLECTION ? item.name : `${collection}/${item.name}` });
    if (named) return offer(ctx, status, into(existingCollection(named)));
    const scope = chatCollections(settings, access, ctx);
    const choices = [...new Set([...(scope ?? collectionsOf(kb.index.manifest.documents)), MAIN_COLLECTION])]
      .filter((c) => !scope || scope.includes(c))
      .sort()
      .slice(0, 30);
    if (choices.length <= 1) return offer(ctx, status, into(choices[0] ?? MAIN_COLLECTION));
    const key = hold({ ...item, choices, userId: ctx.from!.id });
    const keyboard = new InlineKeyboard();
    choices.forEach((c, i) => {
      keyboard.text(c, `upc:${key}:${i}`);
      if (i % 3 === 2) keyboard.row();
    });
    keyboard.row().text(tx.cancel, `up:${key}:c`);
    await status.finish(tx.whichCollection(item.name));
    await ctx.reply(tx.whichCollection(item.name), markup(keyboard));
  }

  /** After a file or page was read: ask about a name already taken, else add it. */
  async function offer(ctx: BotContext, status: ProgressMessage | undefined, item: Omit<Pending, "at" | "userId">): Promise<void> {
    const tx = t(ctx);
    if (await library.exists(item.name)) {
      const key = hold({ ...item, userId: ctx.from!.id });
      const keyboard = new InlineKeyboard().text(tx.replace, `up:${key}:r`).text(tx.keepBoth, `up:${key}:k`).text(tx.cancel, `up:${key}:c`);
      if (status) await status.finish(tx.exists(item.name));
      await ctx.reply(tx.exists(item.name), markup(keyboard));
      return;
    }
    await commit(ctx, status ?? (await ProgressMessage.send(ctx, tx.indexing(item.name), progressOptions)), item, false);
  }

  const isAdmin = (ctx: BotContext) => access.isAdmin(ctx.from?.id);

  /**
   * Runs a step that reports through a status message; if it throws, the message still ends, with
   * `failed`, so no admin is left looking at "Reading the file…". Nothing was kept by then.
   */
  async function settled(status: ProgressMessage, failed: string, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      log.error({ err: error }, "adding a document failed unexpectedly");
      await status.finish(failed);
    }
  }

  /** The largest file an admin may send: MAX_FILE_BYTES, and Telegram's own limit unless a local Bot API server is used. */
  const uploadLimit = () => (settings.apiRoot ? library.maxFileBytes : Math.min(library.maxFileBytes, TELEGRAM_DOWNLOAD_LIMIT));

  /**
   * A file an admin sent (a document, or a photo captioned /add): downloaded, read as ingestion
   * would (scanned pages and photos by OCR, with its progress), then placed in a collection.
   */
  async function receiveFile(ctx: BotContext, file: { name: string; id: string; size: number | undefined; collection: string | undefined }): Promise<void> {
    const tx = t(ctx);
    const { name, collection } = file;
    if (collection !== undefined && !COLLECTION_NAME.test(collection)) {
      await replyText(ctx, tx.badCollection(collection));
      return;
    }
    const limit = uploadLimit();
    if (file.size !== undefined && file.size > limit) {
      await replyText(ctx, tx.tooLarge(file.size, limit));
      return;
    }
    const status = await ProgressMessage.send(ctx, tx.downloading, progressOptions);
    await settled(status, tx.unreadable(name, tx.internalError), async () => {
      let bytes: Buffer;
      try {
        const found = await ctx.api.getFile(file.id);
        if (!found.file_path) throw new FetchRefusedError("Telegram gave no download path for the file");
        bytes = await downloadTelegramFile(found.file_path, {
          apiRoot: settings.apiRoot ?? "https://api.telegram.org",
          token: settings.token ?? "",
          maxBytes: limit,
          timeoutMs: settings.fetchTimeoutMs,
        });
      } catch (error) {
        log.warn({ err: error, name }, "could not download an uploaded file");
        await status.finish(tx.unreadable(name, error instanceof AppError ? error.message : tx.downloadFailed));
        return;
      }
      const summary = await library.inspect(name, bytes, { onScanProgress: (done, total) => status.update(tx.readingScans(done, total)) });
      if (typeof summary === "string") {
        log.info({ name, reason: summary }, "an uploaded file could not be read; not kept");
        await status.finish(tx.unreadable(name, summary));
        return;
      }
      await place(ctx, status, { name, bytes, summary }, collection);
    });
  }

  // Files: admins in private chats. In groups, files are not for the bot and are ignored.
  composer.chatType("private").on("message:document", async (ctx) => {
    const tx = t(ctx);
    if (!isAdmin(ctx)) {
      await replyText(ctx, tx.notAdmin);
      return;
    }
    void kb.index; // still reading the first build: the user is told (NotReadyError)
    const document = ctx.msg.document;
    const name = safeFileName(document.file_name ?? "", library.extensions);
    if (!name) {
      await replyText(ctx, tx.unsupported(library.extensions.join(", ")));
      return;
    }
    // A caption names the collection it goes into (a new name makes a new one); "/add hr" as a photo's would, too.
    // "/add" alone names none (the admin is asked), as on a photo.
    // Not a forwarded file's caption: someone else wrote it, for their own chat (a file forwarded
    // with the caption "board" went into the board's collection, unasked). The admin is asked.
    const caption = ctx.msg.forward_origin ? undefined : ctx.msg.caption;
    const command = addCaption(caption, ctx.me.username);
    const collection = command ? command.collection : caption?.trim() || undefined;
    await receiveFile(ctx, { name, id: document.file_id, size: document.file_size, collection });
  });

  // Photos: an admin's photo captioned /add (or "/add collection") is read by OCR and added.
  composer.chatType("private").on("message:photo", async (ctx, next) => {
    const tx = t(ctx);
    // (Not a forwarded photo's caption: someone else wrote its "/add"; the admin is given the hint.)
    const caption = ctx.msg.forward_origin ? undefined : addCaption(ctx.msg.caption, ctx.me.username);
    if (!isAdmin(ctx)) {
      // Anyone else's photo is a message the bot cannot read (said further on).
      if (caption) await replyText(ctx, tx.notAdmin);
      else await next();
      return;
    }
    if (!caption) {
      await replyText(ctx, library.extensions.includes(".jpg") ? tx.photoHint : tx.photoNoOcr);
      return;
    }
    if (!library.extensions.includes(".jpg")) {
      await replyText(ctx, tx.photoNoOcr);
      return;
    }
    void kb.index;
    // Telegram sends a photo in several sizes, smallest first: the largest that may be downloaded.
    const limit = uploadLimit();
    const sizes = ctx.msg.photo;
    const photo = [...sizes].reverse().find((p) => p.file_size === undefined || p.file_size <= limit) ?? sizes.at(-1)!;
    const taken = new Date(ctx.msg.date * 1000).toISOString().slice(0, 19).replace("T", "-").replace(/:/g, "");
    await receiveFile(ctx, { name: `photo-${taken}.jpg`, id: photo.file_id, size: photo.file_size, collection: caption.collection });
  });

  composer.command("add", async (ctx) => {
    const tx = t(ctx);
    if (!isAdmin(ctx)) {
      if (ctx.chat.type === "private") await replyText(ctx, tx.notAdmin);
      return;
    }
    if (ctx.chat.type !== "private") {
      await replyText(ctx, adminSay(localeFor(ctx.from?.language_code)).usePrivate);
      return;
    }
    void kb.index;
    const [address, collection, ...extra] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!address || extra.length) {
      await replyText(ctx, tx.addUsage);
      return;
    }
    if (collection !== undefined && !COLLECTION_NAME.test(collection)) {
      await replyText(ctx, tx.badCollection(collection));
      return;
    }
    const status = await ProgressMessage.send(ctx, tx.fetching(address), progressOptions);
    await settled(status, tx.fetchFailed(address, tx.internalError), async () => {
      let fetched;
      try {
        fetched = await fetchDocument(address, { maxBytes: library.maxFileBytes, timeoutMs: settings.fetchTimeoutMs, allowPrivate: settings.allowPrivateUrls });
      } catch (error) {
        log.info({ err: error, address }, "/add refused or failed");
        await status.finish(tx.fetchFailed(address, error instanceof AppError ? error.message : tx.fetchError));
        return;
      }
      const name = safeFileName(fetched.fileName, library.extensions) ?? safeFileName(`page${path.extname(fetched.fileName)}`, library.extensions)!;
      const summary = await library.inspect(name, fetched.bytes);
      if (typeof summary === "string") {
        await status.finish(tx.fetchFailed(address, summary));
        return;
      }
      await place(ctx, status, { name, bytes: fetched.bytes, summary, url: fetched.url }, collection);
    });
  });

  // The collection chosen for an upload or /add.
  composer.callbackQuery(/^upc:([\w-]+):(\d{1,2})$/, async (ctx) => {
    const tx = t(ctx);
    const item = pending.get(ctx.match[1]!);
    const collection = item?.choices?.[Number(ctx.match[2])];
    if (!isAdmin(ctx) || !item || item.userId !== ctx.from.id || !collection) {
      await ctx.answerCallbackQuery({ text: isAdmin(ctx) ? tx.expired : tx.notAdmin });
      return;
    }
    pending.delete(ctx.match[1]!);
    await ctx.answerCallbackQuery();
    const message = ctx.callbackQuery.message;
    if (!message) return;
    const status = ProgressMessage.attach(ctx.api, message.chat.id, message.message_id, tx.whichCollection(item.name), progressOptions);
    const { choices: _choices, userId: _userId, at: _at, ...rest } = item;
    await settled(status, tx.addFailed(item.name, tx.internalError), () => place(ctx, status, rest, collection));
  });

  composer.callbackQuery(/^up:([\w-]+):([rkc])$/, async (ctx) => {
    const tx = t(ctx);
    const item = pending.get(ctx.match[1]!);
    if (!isAdmin(ctx) || !item || item.userId !== ctx.from.id) {
      await ctx.answerCallbackQuery({ text: isAdmin(ctx) ? tx.expired : tx.notAdmin });
      return;
    }
    pending.delete(ctx.match[1]!);
    await ctx.answerCallbackQuery();
    const message = ctx.callbackQuery.message;
    if (ctx.match[2] === "c" || !message) {
      await ctx.editMessageText(tx.cancelled).catch(() => {});
      return;
    }
    const status = ProgressMessage.attach(ctx.api, message.chat.id, message.message_id, tx.exists(item.name), progressOptions);
    await settled(status, tx.addFailed(item.name, tx.internalError), () => commit(ctx, status, item, ctx.match[2] === "r"));
  });

  /** The documents in the index (of one collection, if given), sorted by source, as pages. */
  function documentPage(page: number, collection?: string) {
    const docs = [...kb.index.manifest.documents].filter((d) => collection === undefined || collectionOf(d.source) === collection).sort((a, b) => a.source.localeCompare(b.source));
    return { docs, ...pageOf(docs, page, PAGE_SIZE) };
  }

  /** The index's collections, sorted: a /docs page button names one by its place here (callback data is short). */
  const collectionNames = () => collectionsOf(kb.index.manifest.documents);
  /**
   * The collection a typed name means: one named exactly so, else one whose name differs only in
   * case or by a compatibility form ("HR" for "hr", "ﬁnance" for "finance"), else a new one of that
   * name. Two folders "hr" and "HR" would be two collections an admin cannot tell apart by name
   * (and one folder on a file system that ignores case).
   */
  const existingCollection = (typed: string) => namedSo([MAIN_COLLECTION, ...collectionNames()], (c) => c, typed) ?? typed;

  function docsView(ctx: BotContext, page: number, collection?: string) {
    const tx = t(ctx);
    const { docs, at, pages, shown } = documentPage(page, collection);
    if (!docs.length) return { text: tx.noDocs, keyboard: new InlineKeyboard() };
    const text = [tx.docsHeader(docs.length, at + 1, pages, collection), ...shown.map((d) => tx.docsLine(d.title, plainLine(d.source), d.chunks))].join("\n");
    const which = collection === undefined ? "" : `:${collectionNames().indexOf(collection)}`;
    return { text, keyboard: pager(new InlineKeyboard(), "docs", at, pages, tx, which) };
  }

  function removeView(ctx: BotContext, page: number, collection?: string) {
    const tx = t(ctx);
    const { docs, at, pages, shown } = documentPage(page, collection);
    if (!docs.length) return { text: tx.noDocs, keyboard: new InlineKeyboard() };
    const keyboard = new InlineKeyboard();
    // The file name whole when it fits (the end of a path says most), then as much of the title as fits.
    for (const d of shown) {
      const file = tail(plainLine(d.source), 40);
      keyboard.text(d.title && d.title !== d.source ? `${head(d.title, Math.max(16, 64 - 3 - file.length))} (${file})` : file, `rm:${docId(d.source)}`).row();
    }
    const which = collection === undefined ? "" : `:${collectionNames().indexOf(collection)}`;
    return { text: tx.removeWhich(at + 1, pages), keyboard: pager(keyboard, "rmp", at, pages, tx, which) };
  }

  /** Admins, in their private chat: these lists show the whole folder, which a group's members must not read. */
  const adminOnly = async (ctx: BotContext, next: () => Promise<void>) => {
    if (isAdmin(ctx) && ctx.chat?.type === "private") return next();
    if (isAdmin(ctx)) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: adminSay(localeFor(ctx.from?.language_code)).usePrivate });
      else await replyText(ctx, adminSay(localeFor(ctx.from?.language_code)).usePrivate);
      return;
    }
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t(ctx).notAdmin });
    else if (ctx.chat?.type === "private") await replyText(ctx, t(ctx).notAdmin);
  };

  // `/docs` lists every document, `/docs hr` those of one collection.
  composer.command("docs", adminOnly, async (ctx) => {
    const wanted = ctx.match.trim();
    const names = collectionNames();
    const collection = wanted ? existingCollection(wanted) : undefined;
    if (collection !== undefined && !names.includes(collection)) {
      await replyText(ctx, t(ctx).noSuchCollection(wanted, names));
      return;
    }
    const view = docsView(ctx, 0, collection);
    await ctx.reply(view.text, markup(view.keyboard));
  });
  composer.callbackQuery(/^docs:(\d+)(?::(\d+))?$/, adminOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    const collection = ctx.match[2] === undefined ? undefined : collectionNames()[Number(ctx.match[2])];
    const view = docsView(ctx, Number(ctx.match[1]), collection);
    await ctx.editMessageText(view.text, markup(view.keyboard)).catch(() => {});
  });

  const documentById = (id: string) => kb.index.manifest.documents.find((d) => docId(d.source) === id);

  const confirmRemoval = (ctx: BotContext, doc: { title: string; source: string }) => {
    const tx = t(ctx);
    return {
      text: tx.removeConfirm(doc.title, plainLine(doc.source)),
      keyboard: new InlineKeyboard().text(tx.remove, `rmy:${docId(doc.source)}`).text(tx.cancel, "rmn"),
    };
  };

  composer.command("remove", adminOnly, async (ctx) => {
    const typed = ctx.match.trim();
    // ("hr" and "HR" may both be collections: the one named exactly so comes first.)
    const named = <T>(items: readonly T[], name: (item: T) => string) => namedSo(items, name, typed);
    // `/remove hr`: the picker for one collection's documents.
    const collection = named(collectionNames(), (c) => c);
    if (typed && collection !== undefined) {
      const view = removeView(ctx, 0, collection);
      await ctx.reply(view.text, markup(view.keyboard));
      return;
    }
    if (typed) {
      const docs = kb.index.manifest.documents;
      const doc = named(docs, (d) => d.source) ?? named(docs, (d) => d.title);
      if (!doc) {
        await replyText(ctx, t(ctx).noMatch(ctx.match.trim()));
        return;
      }
      const view = confirmRemoval(ctx, doc);
      await ctx.reply(view.text, markup(view.keyboard));
      return;
    }
    const view = removeView(ctx, 0);
    await ctx.reply(view.text, markup(view.keyboard));
  });
  composer.callbackQuery(/^rmp:(\d+)(?::(\d+))?$/, adminOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    const collection = ctx.match[2] === undefined ? undefined : collectionNames()[Number(ctx.match[2])];
    const view = removeView(ctx, Number(ctx.match[1]), collection);
    await ctx.editMessageText(view.text, markup(view.keyboard)).catch(() => {});
  });
  composer.callbackQuery(/^rm:([\w-]+)$/, adminOnly, async (ctx) => {
    const doc = documentById(ctx.match[1]!);
    if (!doc) {
      await ctx.answerCallbackQuery({ text: t(ctx).removeGone });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = confirmRemoval(ctx, doc);
    await ctx.editMessageText(view.text, markup(view.keyboard)).catch(() => {});
  });
  composer.callbackQuery("rmn", adminOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(t(ctx).cancelled).catch(() => {});
  });
  composer.callbackQuery(/^rmy:([\w-]+)$/, adminOnly, async (ctx) => {
    const tx = t(ctx);
    const doc = documentById(ctx.match[1]!);
    const message = ctx.callbackQuery.message;
    if (!doc || !message) {
      await ctx.answerCallbackQuery({ text: tx.removeGone });
      return;
    }
    await ctx.answerCallbackQuery();
    const status = ProgressMessage.attach(ctx.api, message.chat.id, message.message_id, "", progressOptions);
    if (!library.contains(doc.source)) {
      await status.finish(tx.removeFailed(doc.source, tx.notInFolder));
      return;
    }
    await status.finish(tx.removing(doc.source));
    const before = await library.read(doc.source);
    const url = (await library.origins())[doc.source];
    try {
      await library.remove(doc.source);
    } catch (error) {
      log.warn({ err: error, source: doc.source }, "could not remove a document");
      await status.finish(tx.removeFailed(doc.source, tx.deleteFailed));
      return;
    }
    void kb
      .update((p) => status.update(tx.progress(doc.source, p)))
      .then(async () => {
        log.info({ source: doc.source }, "document removed from the chat");
        await status.finish(tx.removed(doc.source, kb.index.manifest.documents.length));
      })
      .catch(async (error: unknown) => {
        log.error({ err: error, source: doc.source }, "indexing after a removal failed; putting the file back");
        // Not over a file uploaded under the name meanwhile.
        if (before) await library.putBack(doc.source, before, url ? { url } : {}).catch((err: unknown) => log.error({ err }, "could not put the file back"));
        await status.finish(tx.removeFailed(doc.source, reasonOf(error, tx)));
      });
  });

  return composer;
}
