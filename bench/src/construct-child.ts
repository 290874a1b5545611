/**
 * Child process of the construction scenario: `construct-child.ts <library> <tools> <runs>`.
 * Builds the server `runs` times in this fresh process (after one unmeasured
 * run) and prints every duration in ms as JSON.
 */
const [name = '', tools = '1000', runs = '5'] = process.argv.slice(2);
const library = (await import(`../servers/${name}.js`)) as { build: (tools: number) => unknown };
library.build(Number(tools));
const durations: number[] = [];
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  library.build(Number(tools));
  durations.push(performance.now() - start);
}
process.stdout.write(`${JSON.stringify(durations)}\n`);
