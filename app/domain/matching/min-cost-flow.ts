/** Residual capacities, potentials and capacities of a solved network. */
export type FlowState = { res: Int32Array; pi: Float64Array; capacity: Int32Array };

/**
 * Min-cost maximum flow with lexicographic vector costs.
 *
 * Costs live in ℤ^dim ordered lexicographically. That is an ordered abelian
 * group, so the textbook primal-dual / successive-shortest-path method
 * (Ahuja, Magnanti & Orlin, "Network Flows", 1993, §9.7 and §9.8) carries over
 * unchanged: Dijkstra on reduced costs c(u,v) + π(u) − π(v) ≥ 0, potentials
 * raised by min(d(v), d(t)), then a maximum flow (Dinic) on the admissible arcs
 * (residual, reduced cost exactly 0) before the next Dijkstra. Every unit is
 * sent along a cheapest path, so the final flow is a maximum flow of minimum
 * cost, exactly; no weights are folded into one number, so nothing overflows.
 *
 * Costs are restricted to the shape the matching needs, which keeps memory at
 * two small numbers per arc whatever the dimension:
 *   cost = (head, 1, 1, …, 1, 0, …, 0)  with `steps` ones after the head.
 * Initial costs are therefore ≥ 0 and the zero potential is feasible.
 * Distances and potentials are exact integers in Float64Array (|value| stays
 * far below 2^53: it is bounded by nodes × augmentations).
 */
export class LexMinCostFlow {
  readonly dim: number;
  readonly nodeCount: number;
  private readonly fromList: number[] = [];
  private readonly toList: number[] = [];
  private readonly capList: number[] = [];
  private readonly headList: number[] = [];
  private readonly stepsList: number[] = [];
  private frozen = false;

  // Frozen form: arc 2k is forward arc k, 2k + 1 its reverse.
  private arcTo = new Int32Array(0);
  private res = new Int32Array(0);
  private capacity = new Int32Array(0);
  private costHead = new Int8Array(0);
  private costSteps = new Int32Array(0);
  private adjStart = new Int32Array(0);
  private adjArcs = new Int32Array(0);

  // Work arrays, allocated once.
  private pi = new Float64Array(0);
  private dist = new Float64Array(0);
  private state = new Uint8Array(0);
  private heap = new Int32Array(0);
  private heapPos = new Int32Array(0);
  private level = new Int32Array(0);
  private queue = new Int32Array(0);
  private iter = new Int32Array(0);
  private pathArcs = new Int32Array(0);
  private pred = new Int32Array(0);
  private base = new Float64Array(0);

  /** Number of Dijkstra runs in the last solve (for benchmarks). */
  phases = 0;

  constructor(nodeCount: number, dim: number) {
    if (dim < 1) throw new Error("dim must be at least 1");
    this.nodeCount = nodeCount;
    this.dim = dim;
  }

  /** Adds an arc and returns its id. `head` ∈ {0,1}; 0 ≤ steps < dim. */
  addArc(from: number, to: number, capacity: number, head: number, steps: number): number {
    if (this.frozen) throw new Error("network is frozen");
    if (steps >= this.dim && steps > 0) throw new Error("steps out of range");
    this.fromList.push(from);
    this.toList.push(to);
    this.capList.push(capacity);
    this.headList.push(head);
    this.stepsList.push(steps);
    return this.fromList.length - 1;
  }

  get arcCount(): number {
    return this.fromList.length;
  }

  /** Changes the capacity of arc `arc` for the next solve. */
  setCapacity(arc: number, capacity: number): void {
    this.freeze();
    this.capacity[arc] = capacity;
  }

  /** Flow on arc `arc` after solve(). */
  flow(arc: number): number {
    return this.res[2 * arc + 1]!;
  }

  private freeze(): void {
    if (this.frozen) return;
    this.frozen = true;
    const m = this.fromList.length;
    const n = this.nodeCount;
    this.arcTo = new Int32Array(2 * m);
    this.res = new Int32Array(2 * m);
    this.capacity = Int32Array.from(this.capList);
    this.costHead = Int8Array.from(this.headList);
    this.costSteps = Int32Array.from(this.stepsList);
    const degree = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      const u = this.fromList[k]!;
      const v = this.toList[k]!;
      this.arcTo[2 * k] = v;
      this.arcTo[2 * k + 1] = u;
      degree[u + 1]!++;
      degree[v + 1]!++;
    }
    for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
    this.adjStart = degree.slice();
    const fill = degree.slice(0, n);
    this.adjArcs = new Int32Array(2 * m);
    // Arcs in insertion order per node: the order is part of the tie-breaking.
    for (let k = 0; k < m; k++) {
      this.adjArcs[fill[this.fromList[k]!]!++] = 2 * k;
      this.adjArcs[fill[this.toList[k]!]!++] = 2 * k + 1;
    }
    const d = this.dim;
    this.pi = new Float64Array(n * d);
    this.dist = new Float64Array(n * d);
    this.state = new Uint8Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n);
    this.level = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.iter = new Int32Array(n);
    this.pathArcs = new Int32Array(n);
    this.pred = new Int32Array(n);
    this.base = new Float64Array(d);
  }

  /**
   * Sends a maximum flow from `source` to `sink` (stopping early once `limit`
   * units flow) of lexicographically minimum total cost. Returns the flow value.
   */
  solve(source: number, sink: number, limit = Infinity): number {
    this.freeze();
    const m2 = this.res.length;
    for (let e = 0; e < m2; e += 2) {
      this.res[e] = this.capacity[e >> 1]!;
      this.res[e + 1] = 0;
    }
    this.pi.fill(0);
    this.phases = 0;
    return this.augment(source, sink, 0, limit);
  }

  /** Primal-dual phases from the current flow (of value `total`, minimum cost for that value). */
  private augment(source: number, sink: number, total: number, limit: number): number {
    while (total < limit && this.dijkstra(source, sink) === sink) {
      this.phases++;
      for (;;) {
        if (!this.admissibleLevels(source, sink)) break;
        total += this.blockingFlow(source, sink);
        if (total >= limit) break;
      }
    }
    return total;
  }

  /** Copy of the flow and potentials after a solve, to warm-start later solves. */
  saveState(): FlowState {
    this.freeze();
    return { res: this.res.slice(), pi: this.pi.slice(), capacity: this.capacity.slice() };
  }

  /**
   * Re-optimises from a saved optimum after capacities were only lowered
   * (falls back to a cold solve otherwise). Lowering arc (u,v) below its flow
   * leaves excess at u and a deficit at v; the saved potentials stay valid
   * (no residual arc gains capacity), so each unit of excess is routed along
   * a shortest path to v, or if there is none back to the source, a unit of
   * the deficit then being pulled from the sink. Shortest-path augmentations keep the
   * reduced costs non-negative, so the pseudo-flow stays optimal for its
   * imbalances, and the usual phases then restore a maximum flow of minimum
   * cost. `limit` must be an upper bound on the new maximum flow (e.g. the
   * saved flow value). Returns the flow value.
   */
  solveFrom(state: FlowState, source: number, sink: number, limit = Infinity): number {
    this.freeze();
    const m = this.capacity.length;
    for (let k = 0; k < m; k++) if (this.capacity[k]! > state.capacity[k]!) return this.solve(source, sink);
    this.res.set(state.res);
    this.pi.set(state.pi);
    this.phases = 0;
    const { res, arcTo } = this;
    const excess: number[] = [];
    for (let k = 0; k < m; k++) {
      const flow = res[2 * k + 1]!;
      const cap = this.capacity[k]!;
      if (flow > cap) {
        res[2 * k] = 0;
        res[2 * k + 1] = cap;
        for (let unit = flow - cap; unit > 0; unit--) excess.push(k);
      } else {
        res[2 * k] = cap - flow;
      }
    }
    for (const k of excess) {
      const u = arcTo[2 * k + 1]!;
      const v = arcTo[2 * k]!;
      // Source and sink are ordinary nodes here, so a path may pass through
      // them (one placement swapped for another) and the flow value is kept.
      const reached = this.dijkstra(u, v);
      if (reached === v) {
        this.pushPath(u, v);
      } else {
        // No way round: give the unit back to the source, take one from the sink.
        this.pushPath(u, this.dijkstra(u, source));
        this.pushPath(sink, this.dijkstra(sink, v));
      }
    }
    let total = 0;
    for (let a = this.adjStart[source]!, end = this.adjStart[source + 1]!; a < end; a++) {
      const e = this.adjArcs[a]!;
      if ((e & 1) === 0) total += res[e + 1]!;
    }
    return this.augment(source, sink, total, limit);
  }

  /** Pushes one unit along the predecessor arcs of the last Dijkstra, from `from` to `to`. */
  private pushPath(from: number, to: number): void {
    if (to < 0) throw new Error("no residual path: inconsistent flow state");
    for (let v = to; v !== from; ) {
      const e = this.pred[v]!;
      this.res[e]!--;
      this.res[e ^ 1]!++;
      v = this.arcTo[e ^ 1]!;
    }
  }

  /**
   * Shortest reduced-cost distances from `source` until `sink` is settled;
   * records predecessor arcs and updates the potentials. Returns `sink`, or
   * -1 when it is unreachable (potentials then unchanged).
   */
  private dijkstra(source: number, sink: number): number {
    const { dim, dist, state, pi, arcTo, res, adjStart, adjArcs, costHead, costSteps, heap, pred } = this;
    const pos = this.heapPos;
    const base = this.base;
    const n = this.nodeCount;
    state.fill(0);

    for (let j = 0; j < dim; j++) dist[source * dim + j] = 0;
    state[source] = 1;
    heap[0] = source;
    pos[source] = 0;
    let size = 1;
    let reached = -1;
    while (size > 0) {
      const u: number = heap[0]!;
      size--;
      if (size > 0) this.siftDown(heap[size]!, 0, size);
      state[u] = 2;
      if (u === sink) {
        reached = u;
        break;
      }
      // d(u) + π(u) once per node; an arc then adds its cost and subtracts π(v).
      const ub = u * dim;
      for (let j = 0; j < dim; j++) base[j] = dist[ub + j]! + pi[ub + j]!;
      for (let a: number = adjStart[u]!, end: number = adjStart[u + 1]!; a < end; a++) {
        const e: number = adjArcs[a]!;
        if (res[e]! <= 0) continue;
        const v: number = arcTo[e]!;
        const sv = state[v]!;
        if (sv === 2) continue;
        const vb = v * dim;
        const k = e >> 1;
        const sign = e & 1 ? -1 : 1;
        const steps = costSteps[k]!;
        // Component 0, then the rest only while needed (lexicographic order).
        let cand = base[0]! + costHead[k]! * sign - pi[vb]!;
        if (sv === 1) {
          const cur = dist[vb]!;
          if (cand > cur) continue;
          if (cand === cur) {
            let better = false;
            for (let j = 1; j < dim; j++) {
              const c = base[j]! + (j <= steps ? sign : 0) - pi[vb + j]!;
              const d = dist[vb + j]!;
              if (c !== d) {
                better = c < d;
                break;
              }
            }
            if (!better) continue;
          }
        }
        dist[vb] = cand;
        for (let j = 1; j < dim; j++) {
          cand = base[j]! + (j <= steps ? sign : 0) - pi[vb + j]!;
          dist[vb + j] = cand;
        }
        pred[v] = e;
        if (sv === 0) {
          state[v] = 1;
          this.siftUp(v, size);
          size++;
        } else {
          this.siftUp(v, pos[v]!);
        }
      }
    }
    if (reached < 0) return -1;
    // π(v) += min(d(v), d(target)): nodes not settled have d(v) ≥ d(target).
    const tb = reached * dim;
    for (let v = 0; v < n; v++) {
      const vb = v * dim;
      if (state[v] === 2) {
        for (let j = 0; j < dim; j++) pi[vb + j]! += dist[vb + j]!;
      } else {
        for (let j = 0; j < dim; j++) pi[vb + j]! += dist[tb + j]!;
      }
    }
    return reached;
  }

  /** Heap order: distance vector, then node id (deterministic). */
  private less(a: number, b: number): boolean {
    const { dist, dim } = this;
    const ab = a * dim;
    const bb = b * dim;
    for (let j = 0; j < dim; j++) {
      const x = dist[ab + j]!;
      const y = dist[bb + j]!;
      if (x !== y) return x < y;
    }
    return a < b;
  }

  /** Places node v at heap slot i or above. */
  private siftUp(v: number, i: number): void {
    const { heap, heapPos } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const w = heap[p]!;
      if (!this.less(v, w)) break;
      heap[i] = w;
      heapPos[w] = i;
      i = p;
    }
    heap[i] = v;
    heapPos[v] = i;
  }

  /** Places node v at heap slot i or below, in a heap of `size` entries. */
  private siftDown(v: number, i: number, size: number): void {
    const { heap, heapPos } = this;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.less(heap[c + 1]!, heap[c]!)) c++;
      const w = heap[c]!;
      if (!this.less(w, v)) break;
      heap[i] = w;
      heapPos[w] = i;
      i = c;
    }
    heap[i] = v;
    heapPos[v] = i;
  }

  /** True when residual arc e (u → v) has reduced cost exactly zero. */
  private admissible(e: number, u: number, v: number): boolean {
    const { dim, pi } = this;
    const k = e >> 1;
    const sign = e & 1 ? -1 : 1;
    const ub = u * dim;
    const vb = v * dim;
    if (this.costHead[k]! * sign + pi[ub]! - pi[vb]! !== 0) return false;
    const steps = this.costSteps[k]!;
    for (let j = 1; j < dim; j++) {
      if ((j <= steps ? sign : 0) + pi[ub + j]! - pi[vb + j]! !== 0) return false;
    }
    return true;
  }

  /** BFS levels on the admissible graph; false when the sink is not reached. */
  private admissibleLevels(source: number, sink: number): boolean {
    const { level, queue, adjStart, adjArcs, arcTo, res } = this;
    level.fill(-1);
    level[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const u = queue[head++]!;
      const next = level[u]! + 1;
      for (let a = adjStart[u]!, end = adjStart[u + 1]!; a < end; a++) {
        const e = adjArcs[a]!;
        if (res[e]! <= 0) continue;
        const v = arcTo[e]!;
        if (level[v] !== -1 || !this.admissible(e, u, v)) continue;
        level[v] = next;
        if (v === sink) return true; // deeper levels are never used
        queue[tail++] = v;
      }
    }
    return false;
  }

  /** Dinic blocking flow on the level graph of admissible arcs (iterative DFS). */
  private blockingFlow(source: number, sink: number): number {
    const { level, iter, adjStart, adjArcs, arcTo, res, pathArcs } = this;
    iter.set(adjStart.subarray(0, this.nodeCount));
    let total = 0;
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let push = Infinity;
        for (let i = 0; i < depth; i++) push = Math.min(push, res[pathArcs[i]!]!);
        for (let i = 0; i < depth; i++) {
          const e = pathArcs[i]!;
          res[e]! -= push;
          res[e ^ 1]! += push;
        }
        total += push;
        depth = 0;
        u = source;
        continue;
      }
      let advanced = false;
      const end = adjStart[u + 1]!;
      const want = level[u]! + 1;
      while (iter[u]! < end) {
        const e = adjArcs[iter[u]!]!;
        const v = arcTo[e]!;
        if (res[e]! > 0 && level[v] === want && this.admissible(e, u, v)) {
          pathArcs[depth++] = e;
          u = v;
          advanced = true;
          break;
        }
        iter[u]!++;
      }
      if (advanced) continue;
      level[u] = -1; // dead end for this round
      if (depth === 0) return total;
      const e = pathArcs[--depth]!;
      u = arcTo[e ^ 1]!;
      iter[u]!++;
    }
  }
}
