import { describe, expect, test } from 'vitest';
import { compose, createServer, DefinitionError, prompt, resource, tool } from '../index.js';

const forecast = tool({ name: 'forecast', tags: ['public'], run: () => 'sunny' });
const alerts = tool({ name: 'alerts', tags: ['internal'], run: () => 'none' });
const station = resource({ uri: 'stations://{id}/data', read: ({ id }) => `station ${id}` });
const config = resource({ uri: 'data://config', read: () => 'cfg' });
const summary = prompt({ name: 'summary', render: () => 'Summarize the weather' });

describe('compose()', () => {
  test('without options it groups components into a frozen module', () => {
    const module = compose(forecast, [alerts]);
    expect(module).toEqual([
      { ...forecast, '~composed': true },
      { ...alerts, '~composed': true },
    ]);
    expect(Object.isFrozen(module)).toBe(true);
  });

  test('a namespace prefixes tool and prompt names and inserts a path segment in URIs', async () => {
    const weather = compose({ namespace: 'weather' }, forecast, station, config, summary);
    const server = createServer({ name: 't', version: '1' }, [...weather]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['weather_forecast']);
    expect((await server.listPrompts()).map((p) => p.name)).toEqual(['weather_summary']);
    expect((await server.listResources()).map((r) => r.uri)).toEqual(['data://weather/config']);
    expect((await server.listResourceTemplates()).map((r) => r.uriTemplate)).toEqual(['stations://weather/{id}/data']);
    expect((await server.readResource('stations://weather/7/data')).contents[0]).toMatchObject({ text: 'station 7' });
    expect((await server.callTool('weather_forecast')).content).toEqual([{ type: 'text', text: 'sunny' }]);
    // the originals are untouched
    expect(forecast.name).toBe('forecast');
  });

  test('namespaces nest from the inside out, with a configurable separator', async () => {
    const inner = compose({ namespace: 'weather' }, forecast, config);
    const outer = compose({ namespace: 'eu', separator: '.' }, inner);
    const server = createServer({ name: 't', version: '1' }, outer);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['eu.weather_forecast']);
    expect((await server.listResources()).map((r) => r.uri)).toEqual(['data://eu/weather/config']);
  });

  test('include and exclude filter by tag', () => {
    expect(compose({ include: ['public'] }, forecast, alerts).map((c) => c.kind === 'tool' && c.name)).toEqual([
      'forecast',
    ]);
    expect(compose({ exclude: ['public'] }, forecast, alerts).map((c) => c.kind === 'tool' && c.name)).toEqual([
      'alerts',
    ]);
  });

  test('bad namespaces and resulting names fail at construction', () => {
    expect(() => compose({ namespace: 'has space' }, forecast)).toThrow(DefinitionError);
    expect(() => compose({ namespace: 'x'.repeat(120) }, forecast)).toThrow(/Namespaced tool name/);
  });
});
