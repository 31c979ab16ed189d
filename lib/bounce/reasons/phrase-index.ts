/**
 * All phrases of all reason tables in one Aho-Corasick automaton (Aho & Corasick, CACM 1975): one
 * pass over the text finds every phrase it contains, so the cost is linear in the text whatever
 * the number of phrases, with no regular expression and no backtracking.
 */
export class PhraseIndex {
  private readonly ids = new Map<string, number>();
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private built = false;

  /** Registers a literal (already lowercase) and returns its id; the same literal keeps one id. */
  add(phrase: string): number {
    const known = this.ids.get(phrase);
    if (known !== undefined) return known;
    if (this.built) throw new Error('PhraseIndex: add() after build()');
    const id = this.ids.size;
    this.ids.set(phrase, id);
    let node = 0;
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      let to = this.next[node]!.get(c);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[node]!.set(c, to);
      }
      node = to;
    }
    this.out[node]!.push(id);
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Computes failure links breadth-first and folds each node's suffix outputs into its own. */
  build(): void {
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [c, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const inherited = this.out[this.fail[child]!]!;
        if (inherited.length > 0) this.out[child] = [...this.out[child]!, ...inherited];
        queue.push(child);
      }
    }
    this.built = true;
  }

  /** Which phrases occur in the text: found[id] === 1. */
  scan(text: string): Uint8Array {
    if (!this.built) this.build();
    const found = new Uint8Array(this.ids.size);
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[node]!.get(c);
      while (to === undefined && node !== 0) {
        node = this.fail[node]!;
        to = this.next[node]!.get(c);
      }
      node = to ?? 0;
      const hits = this.out[node]!;
      for (let k = 0; k < hits.length; k++) found[hits[k]!] = 1;
    }
    return found;
  }
}
