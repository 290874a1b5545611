/** Edit distance between two short strings (insertions, deletions, substitutions). */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
};

/**
 * The known word closest to a mistyped one (`--prot` → `--port`, `rn` →
 * `run`), or one it begins, when it is close enough to be a typo; undefined otherwise.
 */
export const closestOf = (word: string, known: readonly string[]): string | undefined => {
  // A word cut short (`claude` for `claude-desktop`) is a guess too.
  const extended = word.length >= 3 ? known.find((candidate) => candidate.startsWith(word)) : undefined;
  if (extended) return extended;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
};
