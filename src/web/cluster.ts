/**
 * Grid clustering in screen pixels: points whose projections fall in the same cell become one cluster. One pass
 * over the points per zoom level, so 10,000 incidents cluster in a few milliseconds.
 */
export interface Projected {
  x: number;
  y: number;
  /** index into the caller's point array */
  index: number;
}

export interface Cluster {
  x: number;
  y: number;
  indexes: number[];
}

export function gridCluster(points: Projected[], cell: number): Cluster[] {
  const cells = new Map<string, { sx: number; sy: number; indexes: number[] }>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`;
    const c = cells.get(key);
    if (c) {
      c.sx += p.x;
      c.sy += p.y;
      c.indexes.push(p.index);
    } else cells.set(key, { sx: p.x, sy: p.y, indexes: [p.index] });
  }
  return [...cells.values()].map((c) => ({
    x: c.sx / c.indexes.length,
    y: c.sy / c.indexes.length,
    indexes: c.indexes,
  }));
}

/**
 * Merges the clusters whose drawn circles would overlap (`radius` of a cluster, px), the smaller into the larger at
 * their weighted mean, until none do: grid cells keep points apart, but two cells' means can lie a few pixels
 * apart. Neighbours are found through a grid of the largest diameter, so a pass stays near linear.
 */
export function separate(clusters: Cluster[], radius: (c: Cluster) => number): Cluster[] {
  let list = clusters.map((c) => ({ ...c, indexes: [...c.indexes] }));
  for (let pass = 0; pass < 8; pass++) {
    const cell = Math.max(1, ...list.map((c) => 2 * radius(c)));
    const grid = new Map<string, Cluster[]>();
    const key = (gx: number, gy: number) => `${gx}:${gy}`;
    // the largest first: a small cluster joins the large one it touches
    list.sort((a, b) => b.indexes.length - a.indexes.length);
    const kept: Cluster[] = [];
    let merged = false;
    for (const c of list) {
      const gx = Math.floor(c.x / cell);
      const gy = Math.floor(c.y / cell);
      let into: Cluster | null = null;
      for (let dx = -1; dx <= 1 && !into; dx++)
        for (let dy = -1; dy <= 1 && !into; dy++)
          for (const k of grid.get(key(gx + dx, gy + dy)) ?? [])
            if (Math.hypot(k.x - c.x, k.y - c.y) < radius(k) + radius(c)) {
              into = k;
              break;
            }
      if (into) {
        const n = into.indexes.length;
        const m = c.indexes.length;
        into.x = (into.x * n + c.x * m) / (n + m);
        into.y = (into.y * n + c.y * m) / (n + m);
        into.indexes.push(...c.indexes);
        merged = true;
        continue;
      }
      kept.push(c);
      const cellList = grid.get(key(gx, gy)) ?? [];
      cellList.push(c);
      grid.set(key(gx, gy), cellList);
    }
    list = kept;
    if (!merged) break;
  }
  return list;
}
