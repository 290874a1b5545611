/**
 * `npx -y pnpm@10 cluster`: starts Redis, three instances of the example
 * server and nginx (round-robin, no stickiness) on loopback ports, prints
 * the balancer's URL and runs until Ctrl-C. Needs Debian's `redis-server`
 * and `nginx` packages.
 */
import { startCluster } from './cluster.js';

const main = async () => {
  const cluster = await startCluster({ echo: process.argv.includes('--verbose') });
  console.log(`mcpkit cluster: MCP endpoint ${cluster.url} (nginx, round-robin over 3 instances)`);
  for (const instance of cluster.instances) console.log(`  ${instance.name}: ${instance.url} (pid ${instance.pid()})`);
  console.log(`  redis: ${cluster.redisUrl}`);
  console.log('Ctrl-C stops everything.');
  const stop = () => {
    cluster.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error) => {
  console.error('cluster failed to start:', error);
  process.exit(1);
});
