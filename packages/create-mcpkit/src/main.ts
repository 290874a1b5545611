/**
 * `create-mcpkit [directory] [flags]`: writes a new mcpkit server project.
 * Asks what it is not told when stdin is a TTY; `--yes` (or no TTY) takes the defaults.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { type PackageManager, packageManagerOf, packageNameOf, type Transport } from './options.js';
import { isWritable, scaffold } from './scaffold.js';

const USAGE = `Usage: create-mcpkit [directory] [options]

Options:
  --transport <stdio|http>    How dev and start serve (default stdio)
  --git / --no-git            git init the project (default yes when git is installed)
  --install / --no-install    Install dependencies (default no)
  --pm <npm|pnpm|yarn|bun>    Package manager (default: the one running this)
  -y, --yes                   Ask nothing, take the defaults
  --force                     Write into a non-empty directory
  -h, --help                  Show this help`;

const ownVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const fail = (message: string): never => {
  process.stderr.write(`create-mcpkit: ${message}\n\n${USAGE}\n`);
  process.exit(2);
};

const parse = () => {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        transport: { type: 'string' },
        git: { type: 'boolean' },
        'no-git': { type: 'boolean' },
        install: { type: 'boolean' },
        'no-install': { type: 'boolean' },
        pm: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
};

const hasGit = () => spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;

const main = async () => {
  const { values, positionals } = parse();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 1) fail(`one directory please; got ${positionals.join(' ')}`);
  const interactive = !values.yes && process.stdin.isTTY === true;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask = async (question: string, fallback: string) =>
    rl ? (await rl.question(`${question} (${fallback}) `)).trim() || fallback : fallback;
  const yesNo = async (question: string, fallback: boolean) =>
    /^y/i.test(await ask(`${question} [y/n]`, fallback ? 'y' : 'n'));

  const directory = resolve(positionals[0] ?? (await ask('Project directory?', 'my-mcp-server')));
  if (!isWritable(directory, values.force === true)) fail(`${directory} is not empty (use --force to write into it)`);
  const transport = (values.transport ?? (await ask('Transport, stdio or http?', 'stdio'))) as Transport;
  if (transport !== 'stdio' && transport !== 'http') fail(`--transport must be stdio or http; got '${transport}'`);
  const packageManager = (values.pm ?? packageManagerOf(process.env.npm_config_user_agent)) as PackageManager;
  if (!['npm', 'pnpm', 'yarn', 'bun'].includes(packageManager)) fail(`--pm must be npm, pnpm, yarn or bun`);
  const gitAvailable = hasGit();
  const git = values['no-git']
    ? false
    : (values.git ?? (gitAvailable && (await yesNo('Initialize a git repository?', true))));
  const install = values['no-install'] ? false : (values.install ?? (await yesNo('Install dependencies now?', false)));
  rl?.close();

  const name = packageNameOf(basename(directory));
  const files = scaffold(directory, { name, transport, packageManager, mcpkitRange: `^${ownVersion()}` });
  process.stdout.write(`Created ${name} in ${directory}:\n${files.map((file) => `  ${file}`).join('\n')}\n`);
  if (git) {
    if (!gitAvailable) process.stderr.write('create-mcpkit: git is not installed; skipped git init\n');
    else spawnSync('git', ['init', '-q'], { cwd: directory, stdio: 'inherit' });
  }
  if (install) {
    const result = spawnSync(packageManager, ['install'], {
      cwd: directory,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) {
      process.stderr.write(`create-mcpkit: ${packageManager} install failed; run it yourself in ${directory}\n`);
      process.exit(1);
    }
  }
  const run = (script: string) => (packageManager === 'npm' ? `npm run ${script}` : `${packageManager} ${script}`);
  const cd = relative(process.cwd(), directory) || '.';
  process.stdout.write(
    `\nNext:\n  cd ${cd}\n${install ? '' : `  ${packageManager} install\n`}  ${run('dev')}     # serve and reload on change\n  ${run('test')}    # run the tests\n`,
  );
};

await main();
