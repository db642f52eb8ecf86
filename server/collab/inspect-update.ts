import * as Y from "yjs";

/**
 * What a client's update would do to the room's document, decided before it
 * is applied (record 0018). Yjs applies what it can and keeps the rest
 * aside, and it has no rollback, so refusing afterwards is too late:
 * - `forbidden`: it creates, changes or deletes anything under a server-only
 *   root type (the sign-off, the signals);
 * - `missing`: it builds on changes the document lacks (Yjs would keep parts
 *   pending, and a compaction would write them into a snapshot that no
 *   longer loads);
 * - `malformed`: it does not decode, or refers to things in impossible ways.
 * `grows` says whether it adds new structs (only deletions never grow the doc).
 *
 * Cost: one extra decode of the update, plus a walk to the root for each new
 * struct and each deleted range (memoised per parent type); a keystroke is a
 * single struct.
 */
export type UpdateVerdict = { ok: true; grows: boolean } | { ok: false; reason: "forbidden" | "missing" | "malformed" };

type Struct = Y.Item | Y.GC | Y.Skip;
/** `null`: no root (garbage-collected content; Yjs turns what hangs off it into garbage too). */
type Root = string | null;

class Refusal extends Error {
  constructor(readonly reason: "forbidden" | "missing" | "malformed") {
    super(reason);
  }
}

export function inspectUpdate(doc: Y.Doc, update: Uint8Array, serverOnly: ReadonlySet<string>): UpdateVerdict {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  try {
    return { ok: true, grows: new Inspection(doc, decoded.structs, serverOnly).run(decoded.ds.clients) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    return { ok: false, reason: "malformed" };
  }
}

class Inspection {
  private readonly store: Y.Doc["store"];
  /** The update's structs per client, in clock order (as decodeUpdate yields them). */
  private readonly byClient = new Map<number, Struct[]>();
  private readonly rootOfStruct = new Map<Struct, Root>();
  private readonly rootOfType = new Map<Y.AbstractType<unknown>, Root>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: Struct[],
    private readonly serverOnly: ReadonlySet<string>,
  ) {
    this.store = doc.store;
    for (const s of structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
  }

  /** Throws a Refusal; returns whether new structs are added. */
  run(deletes: Map<number, { clock: number; len: number }[]>): boolean {
    let grows = false;
    for (const [client, list] of this.byClient) {
      // Yjs integrates a client's structs in clock order from what it has:
      // a gap (or a Skip followed by more) leaves the rest pending.
      let known = Y.getState(this.store, client);
      for (const s of list) {
        if (s instanceof Y.Skip) continue;
        if (s.id.clock > known) throw new Refusal("missing");
        known = Math.max(known, s.id.clock + s.length);
      }
    }
    for (const s of this.structs) {
      if (!(s instanceof Y.Item)) continue;
      if (s.id.clock + s.length <= Y.getState(this.store, s.id.client)) continue; // already known: skipped by Yjs
      grows = true;
      this.touch(this.resolve(s));
      // Yjs places the struct by its left origin; the right one must not lead elsewhere either.
      if (s.origin && s.rightOrigin) this.touch(this.rootOfId(s.rightOrigin, false));
    }
    for (const [client, ranges] of deletes) {
      for (const { clock, len } of ranges) this.touchDeleted(client, clock, clock + len);
    }
    return grows;
  }

  private touch(root: Root): void {
    if (root !== null && this.serverOnly.has(root)) throw new Refusal("forbidden");
  }

  /** The root type a new struct ends up in, following origins and parents (iteratively: chains can be long). */
  private resolve(start: Y.Item): Root {
    const chain: Struct[] = [];
    const visiting = new Set<Struct>();
    let current: Struct = start;
    let root: Root;
    for (;;) {
      const memo = this.rootOfStruct.get(current);
      if (memo !== undefined) {
        root = memo;
        break;
      }
      if (visiting.has(current)) throw new Refusal("malformed"); // refers to itself in a circle
      visiting.add(current);
      chain.push(current);
      if (!(current instanceof Y.Item)) {
        root = null; // a GC struct of the update: content that is already gone
        break;
      }
      const state = Y.getState(this.store, current.id.client);
      // Partly known: Yjs integrates the new part with its left origin at the last known clock.
      const sliced = current.id.clock < state;
      const ref = sliced ? Y.createID(current.id.client, state - 1) : (current.origin ?? current.rightOrigin ?? current.parent);
      if (typeof ref === "string") {
        root = ref;
        break;
      }
      if (!(ref instanceof Y.ID)) throw new Refusal("malformed");
      const isParent = !sliced && ref === current.parent;
      if (ref.clock < Y.getState(this.store, ref.client)) {
        root = this.storeRoot(ref, isParent);
        break;
      }
      const next = this.inUpdate(ref);
      if (isParent && next instanceof Y.Item && !(next.content instanceof Y.ContentType)) throw new Refusal("malformed");
      current = next;
    }
    for (const s of chain) this.rootOfStruct.set(s, root);
    return root;
  }

  private rootOfId(id: Y.ID, isParent: boolean): Root {
    if (id.clock < Y.getState(this.store, id.client)) return this.storeRoot(id, isParent);
    const s = this.inUpdate(id);
    return s instanceof Y.Item ? this.resolve(s) : null;
  }

  /** The struct of this update holding `id`; missing when the update does not have it either. */
  private inUpdate(id: Y.ID): Struct {
    const list = this.byClient.get(id.client);
    if (list) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const s = list[mid]!;
        if (id.clock < s.id.clock) hi = mid - 1;
        else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
        else if (s instanceof Y.Skip) break;
        else return s;
      }
    }
    throw new Refusal("missing");
  }

  private storeRoot(id: Y.ID, isParent: boolean): Root {
    const struct = Y.getItem(this.store, id) as Y.Item | Y.GC;
    if (!(struct instanceof Y.Item)) return null;
    if (isParent && !(struct.content instanceof Y.ContentType)) throw new Refusal("malformed");
    return this.typeRoot(struct.parent);
  }

  private typeRoot(parent: Y.Item["parent"]): Root {
    if (!(parent instanceof Y.AbstractType)) return null;
    const memo = this.rootOfType.get(parent);
    if (memo !== undefined) return memo;
    let type: Y.AbstractType<unknown> = parent;
    while (type._item !== null) {
      const up = type._item.parent;
      if (!(up instanceof Y.AbstractType)) return null;
      type = up;
    }
    const root = type.doc === this.doc ? Y.findRootTypeKey(type) : null;
    this.rootOfType.set(parent, root);
    return root;
  }

  /** A deleted range: what it removes from the store, and from this update itself. */
  private touchDeleted(client: number, from: number, to: number): void {
    if (to <= from) return;
    const state = Y.getState(this.store, client);
    if (from < state) {
      const structs = this.store.clients.get(client)!;
      const end = Math.min(to, state);
      for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < end; i++) {
        const s = structs[i]!;
        // Already deleted: a no-op for Yjs. Every sync step 2 carries the sender's
        // whole delete set, including the server's own overwrites of signals.
        if (s instanceof Y.Item && !s.deleted) this.touch(this.typeRoot(s.parent));
      }
    }
    // Beyond what the store has, only the update's own new structs can be deleted.
    for (let clock = Math.max(from, state); clock < to; ) {
      const s = this.inUpdate(Y.createID(client, clock));
      if (s instanceof Y.Item) this.touch(this.resolve(s));
      clock = s.id.clock + s.length;
    }
  }
}
