/**
 * Duplicate clusters, gathered from the documents as they finish: the kept
 * document (the earliest of the cluster) and each copy with its similarity.
 */
export interface ClusterMember {
  input: string;
  line?: number;
  similarity: number;
}

export interface Cluster {
  /** Cluster id: the id of its kept document (as `cluster` in documents.jsonl). */
  id: number;
  kept: string;
  members: ClusterMember[];
}

export class ClusterList {
  private readonly byId = new Map<number, Cluster>();

  add(cluster: number, kept: string, member: ClusterMember): void {
    let c = this.byId.get(cluster);
    if (!c) this.byId.set(cluster, (c = { id: cluster, kept, members: [] }));
    c.members.push(member);
  }

  get size(): number {
    return this.byId.size;
  }

  /** In the order of their kept documents. */
  all(): Cluster[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }
}
