/**
 * Solves A X = B for X by Gaussian elimination with partial pivoting (A square, B with any number of columns).
 * The systems here are small ((r−1)(c−1) for an r × c table), so a dense solve is enough. Null when A is singular.
 */
export function solveLinear(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const lhs = a.map((row) => [...row]);
  const rhs = b.map((row) => [...row]);
  const scale = Math.max(...lhs.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(lhs[r]![col]!) > Math.abs(lhs[pivot]![col]!)) pivot = r;
    if (!(Math.abs(lhs[pivot]![col]!) > scale * 1e-13)) return null;
    [lhs[col], lhs[pivot]] = [lhs[pivot]!, lhs[col]!];
    [rhs[col], rhs[pivot]] = [rhs[pivot]!, rhs[col]!];
    const p = lhs[col]!;
    const q = rhs[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = lhs[r]!;
      const factor = row[col]! / p[col]!;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) row[k]! -= factor * p[k]!;
      const out = rhs[r]!;
      for (let k = 0; k < m; k++) out[k]! -= factor * q[k]!;
    }
  }
  const x = rhs.map((row) => row.map(() => 0));
  for (let r = n - 1; r >= 0; r--) {
    for (let k = 0; k < m; k++) {
      let sum = rhs[r]![k]!;
      for (let j = r + 1; j < n; j++) sum -= lhs[r]![j]! * x[j]![k]!;
      x[r]![k] = sum / lhs[r]![r]!;
    }
  }
  return x;
}
