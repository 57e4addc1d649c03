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
