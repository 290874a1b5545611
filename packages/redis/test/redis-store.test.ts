import { storeContract } from '@mcpkit/core/testing';
import { redisStore } from '../src/index.js';
import { namespacedDrivers } from './contract-drivers.js';

const drivers = namespacedDrivers('contract', (options) => redisStore(options));

storeContract('redis', {
  create: drivers.create,
  peer: drivers.peer,
});
