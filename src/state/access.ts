import fs from "node:fs/promises";
import path from "node:path";

/** What is stored: who was approved or denied by an admin, and who is waiting. */
export interface AccessFile {
  readonly users: number[];
  readonly chats: number[];
  readonly denied: number[];
  readonly pending: number[];
}

export const EMPTY_ACCESS: AccessFile = { users: [], chats: [], denied: [], pending: [] };

/** Only safe integer ids from whatever was stored. */
export function accessData(raw: Partial<AccessFile> | null | undefined): AccessFile {
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : []);
  return { users: ids(raw?.users), chats: ids(raw?.chats), denied: ids(raw?.denied), pending: ids(raw?.pending) };
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

/**
 * Who may ask: admins always; with `ALLOWED_USER_IDS` or `ALLOWED_CHAT_IDS` set, those users (in
 * private) and chats (groups) plus the ones admins approved from the chat; with neither, everyone.
 * Approvals are kept in an AccessStore (a file path: a JSON file); what the bot acts on is what
 * the store holds after each change.
 */
export class AccessList {
  private lastRefresh = 0;

  private constructor(
    private readonly store: AccessStore,
    private readonly configured: { users: ReadonlySet<number>; chats: ReadonlySet<number>; admins: ReadonlySet<number> },
    private data: AccessFile,
  ) {}

  static async open(
    store: string | AccessStore,
    configured: { users: readonly number[]; chats: readonly number[]; admins: readonly number[] },
  ): Promise<AccessList> {
    const s = typeof store === "string" ? new FileAccessStore(store) : store;
    return new AccessList(s, { users: new Set(configured.users), chats: new Set(configured.chats), admins: new Set(configured.admins) }, await s.load());
  }

  /**
   * Reads the store again (at most every 2 s): before refusing someone, the bot looks for an
   * approval given through another instance sharing the store. A failing store keeps the last state.
   */
  async refresh(): Promise<void> {
    if (Date.now() - this.lastRefresh < REFRESH_MS) return;
    this.lastRefresh = Date.now();
    this.data = await this.store.load().catch(() => this.data);
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

  /** Everyone allowed, for /access: configured and approved separately. */
  list(): { configuredUsers: number[]; configuredChats: number[]; approvedUsers: number[]; approvedChats: number[]; pending: number[]; denied: number[] } {
    return {
      configuredUsers: [...this.configured.users],
      configuredChats: [...this.configured.chats],
      approvedUsers: [...this.data.users],
      approvedChats: [...this.data.chats],
      pending: [...this.data.pending],
      denied: [...this.data.denied],
    };
  }

  /** Records a request; false when this user already asked (so admins are asked once). */
  async request(userId: number): Promise<boolean> {
    let added = false;
    await this.update((d) => {
      if ([d.users, d.denied, d.pending].some((ids) => ids.includes(userId))) return d;
      added = true;
      return { ...d, pending: [...d.pending, userId] };
    });
    return added;
  }

  approveUser(userId: number): Promise<void> {
    return this.update((d) => ({
      ...d,
      users: [...new Set([...d.users, userId])],
      pending: d.pending.filter((id) => id !== userId),
      denied: d.denied.filter((id) => id !== userId),
    }));
  }

  denyUser(userId: number): Promise<void> {
    return this.update((d) => ({
      ...d,
      users: d.users.filter((id) => id !== userId),
      pending: d.pending.filter((id) => id !== userId),
      denied: [...new Set([...d.denied, userId])],
    }));
  }

  allowChat(chatId: number): Promise<void> {
    return this.update((d) => (this.open || this.configured.chats.has(chatId) || d.chats.includes(chatId) ? d : { ...d, chats: [...d.chats, chatId] }));
  }

  /** Only once the store has it: what the bot acts on is what a restart reads. */
  private async update(change: (data: AccessFile) => AccessFile): Promise<void> {
    this.data = await this.store.change(change);
  }
}
