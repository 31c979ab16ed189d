/**
 * All phrases of all reason tables in one Aho-Corasick automaton (Aho & Corasick, CACM 1975): one
 * pass over the text finds every phrase it contains, so the cost is linear in the text whatever
 * the number of phrases, with no regular expression and no backtracking.
 *
 * Layout: the tables hold about 1,200 phrases, about 30,000 trie nodes, almost all with a single
 * child. A JavaScript Map per node made start-up slow (tens of thousands of small objects to
 * allocate and then collect) and every character of a scan a hash lookup. The built automaton is
 * therefore a handful of typed arrays:
 *   - the root has a transition for every UTF-16 code unit (`rootNext`, 0 = stay at the root), so
 *     the first character of every phrase is one array read;
 *   - any other node's children are one run of `edgeChar`/`edgeTo`, from `edgeStart[node]` to
 *     `edgeStart[node + 1]`, sorted by character (usually one or two entries: a linear look);
 *   - `fail[node]` is the usual failure link; `phraseAt[node]` the phrase ending at that node (-1
 *     if none), and `outLink[node]` the nearest node on the failure chain where a phrase ends (-1
 *     if none): following it lists every phrase that ends at this point of the text.
 */
export class PhraseIndex {
  private readonly ids = new Map<string, number>();
  private built = false;
  private rootNext = new Int32Array(0);
  private edgeStart = new Int32Array(1);
  private edgeChar = new Uint16Array(0);
  private edgeTo = new Int32Array(0);
  private fail = new Int32Array(1);
  private phraseAt = new Int32Array(1).fill(-1);
  private outLink = new Int32Array(1).fill(-1);

  /** Registers a literal (already lowercase) and returns its id; the same literal keeps one id. */
  add(phrase: string): number {
    const known = this.ids.get(phrase);
    if (known !== undefined) return known;
    if (this.built) throw new Error('PhraseIndex: add() after build()');
    if (phrase === '') throw new Error('PhraseIndex: empty phrase');
    const id = this.ids.size;
    this.ids.set(phrase, id);
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Builds the trie, then failure and output links breadth-first. */
  build(): void {
    // Trie from the sorted phrases: each phrase shares with the previous one exactly the prefix it
    // shares with any earlier one, so the previous phrase's path (`path`) is all we need to
    // remember, and children get created in character order.
    const phrases = [...this.ids.keys()].sort();
    let chars = 1;
    for (const phrase of phrases) chars += phrase.length;
    const parent = new Int32Array(chars);
    const char = new Uint16Array(chars);
    const phraseAt = new Int32Array(chars).fill(-1);
    parent[0] = -1;
    const path = [0];
    let nodes = 1;
    let previous = '';
    for (const phrase of phrases) {
      let common = 0;
      while (common < phrase.length && common < previous.length && phrase.charCodeAt(common) === previous.charCodeAt(common)) common++;
      for (let i = common; i < phrase.length; i++) {
        parent[nodes] = path[i]!;
        char[nodes] = phrase.charCodeAt(i);
        path[i + 1] = nodes++;
      }
      phraseAt[path[phrase.length]!] = this.ids.get(phrase)!;
      previous = phrase;
    }

    // Group the edges by parent (a counting sort keeps each parent's children in character order).
    const edgeStart = new Int32Array(nodes + 1);
    for (let n = 1; n < nodes; n++) edgeStart[parent[n]! + 1]!++;
    for (let n = 0; n < nodes; n++) edgeStart[n + 1]! += edgeStart[n]!;
    const fill = edgeStart.slice(0, nodes);
    const edgeChar = new Uint16Array(nodes);
    const edgeTo = new Int32Array(nodes);
    for (let n = 1; n < nodes; n++) {
      const at = fill[parent[n]!]!++;
      edgeChar[at] = char[n]!;
      edgeTo[at] = n;
    }
    const rootNext = new Int32Array(0x10000);
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[edgeChar[e]!] = edgeTo[e]!;

    this.rootNext = rootNext;
    this.edgeStart = edgeStart;
    this.edgeChar = edgeChar;
    this.edgeTo = edgeTo;
    this.phraseAt = phraseAt;

    // Breadth-first, so a node's failure target (shallower) is complete before the node itself.
    const fail = new Int32Array(nodes);
    const outLink = new Int32Array(nodes).fill(-1);
    this.fail = fail; // read by step() while the links are being filled in
    this.outLink = outLink;
    const queue = new Int32Array(nodes);
    let tail = 0;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) queue[tail++] = edgeTo[e]!;
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!;
      for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
        const child = edgeTo[e]!;
        const f = this.step(fail[node]!, edgeChar[e]!);
        fail[child] = f;
        outLink[child] = phraseAt[f]! >= 0 ? f : outLink[f]!;
        queue[tail++] = child;
      }
    }
    this.built = true;
  }

  /**
   * The automaton's move from a node on one character, following failure links as needed. The
   * arrays are read into locals: this runs per character of every scanned text, mostly before
   * the JIT has optimised it, where each property load costs.
   */
  private step(node: number, c: number): number {
    const { rootNext, edgeStart, edgeChar, edgeTo, fail } = this;
    for (;;) {
      if (node === 0) return rootNext[c]!;
      for (let e = edgeStart[node]!, end = edgeStart[node + 1]!; e < end; e++) {
        if (edgeChar[e] === c) return edgeTo[e]!;
      }
      node = fail[node]!;
    }
  }

  /** Which phrases occur in the text: found[id] === 1. */
  scan(text: string): Uint8Array {
    if (!this.built) this.build();
    const found = new Uint8Array(this.ids.size);
    const { phraseAt, outLink } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      node = this.step(node, text.charCodeAt(i));
      for (let n = phraseAt[node]! >= 0 ? node : outLink[node]!; n > 0; n = outLink[n]!) found[phraseAt[n]!] = 1;
    }
    return found;
  }
}
