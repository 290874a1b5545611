import { describe, expect, it } from 'vitest';
import { resolveRunSettings } from '../src/cli/settings.js';
import { UsageError } from '../src/cli/usage-error.js';

describe('resolveRunSettings', () => {
  it('defaults to stdio and leaves host, port and path to serve()', () => {
    expect(resolveRunSettings({}, {})).toEqual({ transport: 'stdio', stateless: false, json: false });
  });

  it('reads every setting from MCPKIT_* variables', () => {
    const env = {
      MCPKIT_TRANSPORT: 'http',
      MCPKIT_HOST: '0.0.0.0',
      MCPKIT_PORT: '8080',
      MCPKIT_PATH: '/api/mcp',
      MCPKIT_STATELESS: 'true',
      MCPKIT_JSON: '1',
    };
    expect(resolveRunSettings({}, env)).toEqual({
      transport: 'http',
      host: '0.0.0.0',
      port: 8080,
      path: '/api/mcp',
      stateless: true,
      json: true,
    });
  });

  it('lets flags win over the environment', () => {
    const env = { MCPKIT_TRANSPORT: 'sse', MCPKIT_HOST: '0.0.0.0', MCPKIT_PORT: '8080', MCPKIT_PATH: '/env' };
    expect(
      resolveRunSettings({ transport: 'http', host: 'localhost', port: '3001', path: '/flag', json: true }, env),
    ).toEqual({ transport: 'http', host: 'localhost', port: 3001, path: '/flag', stateless: false, json: true });
  });

  it('treats empty variables as unset and reads booleans leniently', () => {
    expect(resolveRunSettings({}, { MCPKIT_TRANSPORT: '', MCPKIT_PORT: '', MCPKIT_STATELESS: 'no' })).toEqual({
      transport: 'stdio',
      stateless: false,
      json: false,
    });
    expect(resolveRunSettings({}, { MCPKIT_STATELESS: 'YES', MCPKIT_JSON: 'off' })).toMatchObject({
      stateless: true,
      json: false,
    });
  });

  it('rejects bad values, naming where they came from', () => {
    const bad = (flags: object, env: NodeJS.ProcessEnv) => () => resolveRunSettings(flags, env);
    expect(bad({ transport: 'ws' }, {})).toThrow(/--transport must be one of stdio, http, sse; got 'ws'/);
    expect(bad({}, { MCPKIT_TRANSPORT: 'ws' })).toThrow(/MCPKIT_TRANSPORT must be one of/);
    expect(bad({ port: '70000' }, {})).toThrow(/--port must be a port number/);
    expect(bad({ port: '-1' }, {})).toThrow(/--port must be a port number/);
    expect(bad({}, { MCPKIT_PORT: '3.5' })).toThrow(/MCPKIT_PORT must be a port number/);
    expect(bad({}, { MCPKIT_JSON: 'maybe' })).toThrow(/MCPKIT_JSON must be true or false/);
    expect(bad({ path: 'mcp' }, {})).toThrow(/must start with '\/'/);
    expect(bad({ transport: 'ws' }, {})).toThrow(UsageError);
  });
});
