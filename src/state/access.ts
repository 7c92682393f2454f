import fs from "node:fs/promises";
import path from "node:path";
import { isFolderName } from "../documents/collections.js";
import { headOf, plainLine } from "../unicode.js";

/**
 * Who an id is (a person's name and @username, a group's title) and when it last asked or was
 * decided on. The id is never part of the stored name: it is added from the key when shown, so a
 * name cannot pass itself off as someone else's ("Eve (@alice, id 7)").
 */
export interface Known {
  readonly name: string;
  readonly username?: string;
  readonly at: number;
}

/** What is said about someone who asks: their name and @username, as Telegram gives them. */
export interface Who {
  readonly name: string;
  readonly username?: string | undefined;
}

/** What is stored: who was approved or denied by an admin, who is waiting, and who they are. */
export interface AccessFile {
  readonly users: number[];
  readonly chats: number[];
  readonly denied: number[];
  readonly pending: number[];
  /** By id, for the ids in the lists above: what /access shows instead of a bare number. */
  readonly names: Readonly<Record<string, Known>>;
  /** By chat id: the collections an admin set for it from the chat (over COLLECTIONS_BY_CHAT). */
  readonly collections: Readonly<Record<string, readonly string[]>>;
}

export const EMPTY_ACCESS: AccessFile = { users: [], chats: [], denied: [], pending: [], names: {}, collections: {} };

/** A stored name is shown to admins: one line, and short. */
const MAX_NAME = 120;

/** Only safe integer ids and well-formed names from whatever was stored. */
export function accessData(raw: Partial<AccessFile> | null | undefined): AccessFile {
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : []);
  const names: Record<string, Known> = {};
  if (raw?.names && typeof raw.names === "object") {
    for (const [id, k] of Object.entries(raw.names as Record<string, Partial<Known>>)) {
      if (!/^-?\d+$/.test(id) || typeof k?.name !== "string" || !Number.isFinite(k.at)) continue;
      const username = typeof k.username === "string" && /^\w{1,64}$/.test(k.username) ? k.username : undefined;
      names[id] = { name: oneLine(k.name), ...(username ? { username } : {}), at: k.at! };
    }
  }
  const collections: Record<string, string[]> = {};
  if (raw?.collections && typeof raw.collections === "object") {
    for (const [id, list] of Object.entries(raw.collections as Record<string, unknown>)) {
      // An admin limited this chat: a list that no longer reads leaves it no collection to search,
      // rather than the settings' (often every one, which were searched instead; found by a review).
      if (/^-?\d+$/.test(id)) collections[id] = Array.isArray(list) ? list.filter((n): n is string => typeof n === "string" && isFolderName(n)) : [];
    }
  }
  return { users: ids(raw?.users), chats: ids(raw?.chats), denied: ids(raw?.denied), pending: ids(raw?.pending), names, collections };
}

function oneLine(name: string): string {
  // Direction overrides go: "Alice (@alice, id 7)" and an override before the real id made the
  // admin read the wrong id. Control characters become spaces.
  const flat = plainLine(name);
  return flat.length > MAX_NAME ? `${headOf(flat, MAX_NAME - 1)}…` : flat;
}

/** Names of ids no list holds any more are dropped, so the stored state stays as small as the lists. */
function withName(d: AccessFile, id: number, who: Who | undefined): AccessFile {
  const names: Record<string, Known> = {};
  const listed = new Set([...d.users, ...d.chats, ...d.denied, ...d.pending]);
  for (const [key, known] of Object.entries(d.names)) if (listed.has(Number(key))) names[key] = known;
  const name = oneLine(who?.name ?? d.names[id]?.name ?? "");
  const username = who ? who.username : d.names[id]?.username;
  if (listed.has(id)) names[id] = { name, ...(username ? { username } : {}), at: Date.now() };
  return { ...d, names };
}

/** "Jane Doe (@jane, id 42)", "Team chat (id -100…)", or "id 42" for someone never seen. */
export function describeKnown(id: number, known: Known | undefined): string {
  if (!known?.name && !known?.username) return `id ${id}`;
  return `${known.name || "?"} (${known.username ? `@${known.username}, ` : ""}id ${id})`;
}

/**
 * Where approvals are kept: a JSON file (one instance), or Postgres (instances share them).
 * `change` applies a change to the stored state atomically and returns what is stored after it.
 */
export interface AccessStore {
  load(): Promise<AccessFile>;
  change(change: (data: AccessFile) => AccessFile): Promise<AccessFile>;
}

/** A small JSON file, replaced atomically (write, fsync, rename), so a crash never leaves half a list. */
export class FileAccessStore implements AccessStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async load(): Promise<AccessFile> {
    try {
      return accessData(JSON.parse(await fs.readFile(this.file, "utf8")) as Partial<AccessFile>);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return EMPTY_ACCESS;
      throw new Error(`cannot read ${this.file}: ${(error as Error).message}`);
    }
  }

  /** Changes run one after another, each on the state the previous one left. */
  change(change: (data: AccessFile) => AccessFile): Promise<AccessFile> {
    const run = this.queue.then(async () => {
      const current = await this.load();
      const next = change(current);
      if (next !== current) await this.save(next);
      return next;
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private async save(next: AccessFile): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const handle = await fs.open(tmp, "w");
    try {
      await handle.writeFile(`${JSON.stringify(next, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, this.file);
  }
}

/** How often a refusal may look for approvals given through another instance. */
const REFRESH_MS = 2000;

export type AccessDecision = "allowed" | "denied" | "pending" | "unknown";

/** One row of /access. `configured`: from the settings, changed only there. */
export interface AccessEntry {
  readonly id: number;
  readonly kind: "pending" | "approved" | "denied" | "configured" | "group" | "configuredGroup";
  /** How /access shows it: "Jane Doe (@jane, id 42)", or "id 42". */
  readonly description: string;
  /** The name alone, for a button; empty when unknown. */
  readonly name: string;
}

/**
 * Who may ask: admins always; with `ALLOWED_USER_IDS` or `ALLOWED_CHAT_IDS` set, those users (in
 * private) and chats (groups) plus the ones admins approved from the chat; with neither, everyone.
 * Approvals are kept in an AccessStore (a file path: a JSON file); what the bot acts on is what
 * the store holds after each change, and, with `watch`, what another instance (or an edit of the
 * file) changed there a few seconds ago.
 */
export class AccessList {
  private lastRefresh = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Counts this instance's changes: a read that started before one must not undo it in memory. */
  private changes = 0;

  private constructor(
    private readonly store: AccessStore,
    private readonly configured: { users: ReadonlySet<number>; chats: ReadonlySet<number>; admins: ReadonlySet<number> },
    private data: AccessFile,
    /** Requests waiting at most; strangers beyond it are told the bot is private, without a request. */
    readonly maxPending: number,
  ) {}

  static async open(
    store: string | AccessStore,
    configured: { users: readonly number[]; chats: readonly number[]; admins: readonly number[]; maxPending?: number },
  ): Promise<AccessList> {
    const s = typeof store === "string" ? new FileAccessStore(store) : store;
    const sets = { users: new Set(configured.users), chats: new Set(configured.chats), admins: new Set(configured.admins) };
    return new AccessList(s, sets, await s.load(), configured.maxPending ?? 50);
  }

  /**
   * Reads the store again (at most every 2 s unless forced): before refusing someone, the bot
   * looks for an approval given through another instance sharing the store. A failing store keeps
   * the last state.
   */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.lastRefresh < REFRESH_MS) return;
    this.lastRefresh = Date.now();
    await this.reload().catch(() => {});
  }

  /** Reads the store; kept only when no change of this instance finished meanwhile (that one is newer). */
  private async reload(): Promise<void> {
    const before = this.changes;
    const data = await this.store.load();
    if (this.changes === before) this.data = data;
  }

  /**
   * Re-reads the store every `intervalMs`, so that a denial or revocation given on another
   * instance, or an edit of the access file, holds here within that time. A failing read keeps
   * the last state and is reported once until a read succeeds again.
   */
  watch(intervalMs: number, onError: (error: unknown) => void): void {
    this.close();
    let failing = false;
    let reading = false;
    this.timer = setInterval(() => {
      // A slow store: no second read while one is under way.
      if (reading) return;
      reading = true;
      this.reload().finally(() => (reading = false)).then(
        () => {
          this.lastRefresh = Date.now();
          failing = false;
        },
        (error: unknown) => {
          if (!failing) onError(error);
          failing = true;
        },
      );
    }, intervalMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** No allow-list configured: the bot answers everyone. */
  get open(): boolean {
    return this.configured.users.size === 0 && this.configured.chats.size === 0;
  }

  isAdmin(userId: number | undefined): boolean {
    return userId !== undefined && this.configured.admins.has(userId);
  }

  get admins(): readonly number[] {
    return [...this.configured.admins];
  }

  user(userId: number): AccessDecision {
    if (this.open || this.isAdmin(userId) || this.configured.users.has(userId) || this.data.users.includes(userId)) return "allowed";
    if (this.data.denied.includes(userId)) return "denied";
    return this.data.pending.includes(userId) ? "pending" : "unknown";
  }

  chatAllowed(chatId: number): boolean {
    return this.open || this.configured.chats.has(chatId) || this.data.chats.includes(chatId);
  }

  /** The collections an admin set for a chat from the chat; undefined: none set (the settings decide). */
  collectionsOf(chatId: number): readonly string[] | undefined {
    return this.data.collections[chatId];
  }

  /**
   * Switches one collection on or off for a chat, on what the store holds at that moment (or
   * `fallback`, the chat's collections by the settings, when none were set), so that two admins
   * pressing at once do not undo each other.
   */
  async toggleCollection(chatId: number, name: string, fallback: readonly string[]): Promise<void> {
    await this.update((d) => {
      const current = d.collections[chatId] ?? fallback;
      const next = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
      return { ...d, collections: { ...d.collections, [chatId]: [...new Set(next)].sort() } };
    });
  }

  /** Sets the collections a chat searches (undefined: back to the settings). Holds on every instance within seconds. */
  setCollections(chatId: number, collections: readonly string[] | undefined): Promise<void> {
    return this.update((d) => {
      const next = { ...d.collections };
      if (collections) next[chatId] = [...new Set(collections)].sort();
      else delete next[chatId];
      return { ...d, collections: next };
    });
  }

  /** Who an id is, as admins read it: "Jane Doe (@jane, id 42)", or "id 42". */
  describe(id: number): string {
    return describeKnown(id, this.data.names[id]);
  }

  /** Everyone /access shows: waiting, approved, denied, then the settings' users and the groups; newest first within each. */
  entries(): AccessEntry[] {
    const d = this.data;
    const newestFirst = (ids: readonly number[]) => [...ids].sort((a, b) => (d.names[b]?.at ?? 0) - (d.names[a]?.at ?? 0));
    const rows = (ids: readonly number[], kind: AccessEntry["kind"]) =>
      newestFirst(ids).map((id) => ({ id, kind, description: this.describe(id), name: d.names[id]?.name ?? "" }));
    return [
      ...rows(d.pending, "pending"),
      ...rows(d.users.filter((id) => !this.configured.users.has(id)), "approved"),
      ...rows(d.denied, "denied"),
      ...rows([...this.configured.users], "configured"),
      ...rows(d.chats.filter((id) => !this.configured.chats.has(id)), "group"),
      ...rows([...this.configured.chats], "configuredGroup"),
    ];
  }

  /**
   * Records a request: "added" (admins are to be asked), "known" (this user already asked or was
   * decided on: nobody is asked twice), or "full" (`maxPending` requests are waiting already).
   */
  async request(userId: number, who: Who): Promise<"added" | "known" | "full"> {
    // Already asked or decided on, as far as this instance knows: no write (a stranger who keeps
    // writing costs no lock on the shared row).
    if (this.user(userId) !== "unknown") return "known";
    let result: "added" | "known" | "full" = "known";
    await this.update((d) => {
      if ([d.users, d.denied, d.pending].some((ids) => ids.includes(userId))) return d;
      if (d.pending.length >= this.maxPending) {
        result = "full";
        return d;
      }
      result = "added";
      return withName({ ...d, pending: [...d.pending, userId] }, userId, who);
    });
    return result;
  }

  approveUser(userId: number): Promise<void> {
    return this.update((d) =>
      withName(
        {
          ...d,
          users: [...new Set([...d.users, userId])],
          pending: d.pending.filter((id) => id !== userId),
          denied: d.denied.filter((id) => id !== userId),
        },
        userId,
        undefined,
      ),
    );
  }

  /** Denies a request, or revokes an approval: the user is refused from then on, on every instance. */
  denyUser(userId: number): Promise<void> {
    return this.update((d) =>
      withName(
        {
          ...d,
          users: d.users.filter((id) => id !== userId),
          pending: d.pending.filter((id) => id !== userId),
          denied: [...new Set([...d.denied, userId])],
        },
        userId,
        undefined,
      ),
    );
  }

  allowChat(chatId: number, title?: string): Promise<void> {
    return this.update((d) =>
      this.open || this.configured.chats.has(chatId) || d.chats.includes(chatId) ? d : withName({ ...d, chats: [...d.chats, chatId] }, chatId, title ? { name: title } : undefined),
    );
  }

  /**
   * A group's permission from the chat ends (the bot was removed from it, or an admin withdrew
   * it): an admin has to add the bot again. A group of the settings (ALLOWED_CHAT_IDS) stays. The
   * collections set for it stay too, so a group added again searches no more than it did. True
   * when the group had been allowed from the chat.
   */
  async forgetChat(chatId: number): Promise<boolean> {
    // Not allowed here as far as this instance knows (the bot leaving a group nobody allowed, as
    // on every stranger's add): no write to the shared store.
    if (!this.data.chats.includes(chatId)) return false;
    let forgotten = false;
    await this.update((d) => {
      if (!d.chats.includes(chatId)) return d;
      forgotten = true;
      return withName({ ...d, chats: d.chats.filter((id) => id !== chatId) }, chatId, undefined);
    });
    return forgotten;
  }

  /**
   * A group became a supergroup (a new chat id): if the old one was allowed, the new one is,
   * under the same name. True when the new chat may ask.
   */
  async migrateChat(from: number, to: number, configuredCollections?: readonly string[]): Promise<boolean> {
    await this.refresh(true);
    const allowed = this.chatAllowed(from);
    if (!allowed && !this.data.collections[from] && !configuredCollections) return this.chatAllowed(to);
    await this.update((d) => {
      // Its collections move with it: those set from the chat, else those of the settings (which
      // name the old id and would no longer apply).
      const collections = { ...d.collections };
      const moving = collections[from] ?? configuredCollections;
      if (moving && !collections[to]) collections[to] = [...moving];
      delete collections[from];
      const grant = allowed && !this.open && !this.configured.chats.has(to) && !d.chats.includes(to);
      const chats = grant ? [...d.chats.filter((id) => id !== from), to] : d.chats;
      return withName({ ...d, chats, collections }, to, d.names[from] ?? d.names[to]);
    });
    return this.chatAllowed(to);
  }

  /** Only once the store has it: what the bot acts on is what a restart reads. */
  private async update(change: (data: AccessFile) => AccessFile): Promise<void> {
    this.data = await this.store.change(change);
    this.changes++;
  }
}
