/**
 * A line diff of two texts, as `-`/`+`/` ` prefixed lines (longest common
 * subsequence; configs are small). Unchanged runs longer than `context * 2`
 * lines are cut down to `context` lines around each change.
 */
export const lineDiff = (before: string, after: string, context = 3): string => {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      row[j] =
        a[i] === b[j]
          ? ((lengths[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lengths[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(`  ${a[i++]}`);
      j++;
    } else if (
      j < b.length &&
      (i >= a.length || ((lengths[i] as number[])[j + 1] as number) > ((lengths[i + 1] as number[])[j] as number))
    ) {
      lines.push(`+ ${b[j++]}`);
    } else {
      lines.push(`- ${a[i++]}`);
    }
  }
  const near = (index: number) =>
    lines.slice(Math.max(0, index - context), index + context + 1).some((line) => !line.startsWith('  '));
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (!line.startsWith('  ') || near(index)) kept.push(line);
    else if (kept.at(-1) !== '  ...') kept.push('  ...');
  });
  return kept.join('\n');
};
