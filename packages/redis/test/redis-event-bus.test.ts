import { eventBusContract } from '@mcpkit/runtime/testing';
import { redisEventBus } from '../src/index.js';
import { namespacedDrivers } from './contract-drivers.js';

const drivers = namespacedDrivers('bus', (options) => redisEventBus(options));

eventBusContract('redis', {
  create: drivers.create,
  peer: drivers.peer,
});
