import fs from "node:fs/promises";
import path from "node:path";

/** What is stored: who was approved or denied by an admin, and who is waiting. */
interface AccessFile {
  readonly users: number[];
  readonly chats: number[];
  readonly denied: number[];
  readonly pending: number[];
}

export type AccessDecision = "allowed" | "denied" | "pending" | "unknown";

/**
 * Who may ask: admins always; with `ALLOWED_USER_IDS` or `ALLOWED_CHAT_IDS` set, those users (in
 * private) and chats (groups) plus the ones admins approved from the chat; with neither, everyone.
 * Approvals live in a small JSON file, replaced atomically (write, fsync, rename), so a crash
 * never leaves half a list.
 */
export class AccessList {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly configured: { users: ReadonlySet<number>; chats: ReadonlySet<number>; admins: ReadonlySet<number> },
    private data: AccessFile,
  ) {}

  static async open(
    file: string,
    configured: { users: readonly number[]; chats: readonly number[]; admins: readonly number[] },
  ): Promise<AccessList> {
    let data: AccessFile = { users: [], chats: [], denied: [], pending: [] };
    try {
      const raw = JSON.parse(await fs.readFile(file, "utf8")) as Partial<AccessFile>;
      const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : []);
      data = { users: ids(raw.users), chats: ids(raw.chats), denied: ids(raw.denied), pending: ids(raw.pending) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`cannot read ${file}: ${(error as Error).message}`);
    }
    return new AccessList(file, { users: new Set(configured.users), chats: new Set(configured.chats), admins: new Set(configured.admins) }, data);
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
      if (this.user(userId) !== "unknown") return d;
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
    return this.update((d) => (this.chatAllowed(chatId) ? d : { ...d, chats: [...d.chats, chatId] }));
  }

  /** Changes run one after another, each on the state the previous one left. */
  private update(change: (data: AccessFile) => AccessFile): Promise<void> {
    const run = this.queue.then(async () => {
      const next = change(this.data);
      if (next !== this.data) await this.save(next);
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
    this.data = next; // only once it is on disk: what the bot acts on is what a restart reads
  }
}
