// prepublishOnly of every package: refuses to publish a manifest that still
// holds `workspace:` ranges. pnpm rewrites them to real versions when it packs;
// npm and yarn v1 do not, and would publish ranges no user can install.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const agent = process.env.npm_config_user_agent ?? '';
const fields = ['dependencies', 'peerDependencies', 'optionalDependencies'];
const workspaceRanges = fields.flatMap((field) =>
  Object.entries(manifest[field] ?? {})
    .filter(([, range]) => String(range).startsWith('workspace:'))
    .map(([name, range]) => `${field}.${name}: ${range}`),
);
if (workspaceRanges.length > 0 && !agent.startsWith('pnpm/')) {
  console.error(
    `${manifest.name}: refusing to publish with ${agent.split(' ')[0] || 'this client'}: ` +
      `${workspaceRanges.join(', ')} would reach the registry. Publish with \`pnpm publish\`, which rewrites workspace ranges.`,
  );
  process.exit(1);
}
