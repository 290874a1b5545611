import { describe, expect, it } from 'vitest';
import server from './server.js';

describe('composition example', () => {
  it('lists local, transformed, namespaced and mounted tools by the names clients see', async () => {
    expect((await server.listTools()).map((t) => t.name)).toEqual([
      'now',
      'weekly_forecast',
      'eu_weather_forecast',
      'find_reports',
    ]);
  });

  it('namespaces URIs and templates, nested from the inside out', async () => {
    expect((await server.listResourceTemplates()).map((t) => t.uriTemplate)).toEqual([
      'stations://eu/weather/{city}/latest',
    ]);
    expect((await server.listResources()).map((r) => r.uri)).toEqual([
      'stations://eu/weather/oslo/latest',
      'stations://eu/weather/rome/latest',
      'stations://eu/weather/lima/latest',
    ]);
    expect((await server.readResource('stations://eu/weather/rome/latest')).contents[0]).toMatchObject({
      text: '{"city":"rome","celsius":21}',
    });
    expect((await server.listPrompts()).map((p) => p.name)).toEqual(['eu_weather_brief']);
  });

  it('calls through every layer', async () => {
    expect((await server.callTool('eu_weather_forecast', { city: 'oslo' })).structuredContent).toEqual({
      city: 'oslo',
      days: 1,
      outlook: 'sunny',
    });
    expect((await server.callTool('weekly_forecast', { city: 'lima' })).structuredContent).toMatchObject({ days: 7 });
    expect((await server.callTool('find_reports', { topic: 'storms' })).content).toEqual([
      { type: 'text', text: '5 results for "storms" in reports' },
    ]);
  });

  it('keeps the internal tool out of this module', async () => {
    await expect(server.callTool('eu_weather_reset_cache')).rejects.toThrow(/Unknown tool/);
  });
});
