import { compose, prompt, resource, tool } from '@mcpkit/core';
import * as v from 'valibot';

const cities = ['oslo', 'rome', 'lima'];

/** The forecast tool, also reshaped on its own in server.ts. */
export const forecast = tool({
  name: 'forecast',
  description: 'Forecast for a city',
  input: v.object({ city: v.picklist(cities), days: v.optional(v.number(), 1) }),
  output: v.object({ city: v.string(), days: v.number(), outlook: v.string() }),
  tags: ['public'],
  run: ({ city, days }) => ({ city, days, outlook: 'sunny' }),
});

/** A module: weather tools, a station template and a prompt, grouped under no namespace yet. */
export const weather = compose(
  forecast,
  tool({ name: 'reset_cache', description: 'Operators only', tags: ['internal'], run: () => 'cache cleared' }),
  resource({
    uri: 'stations://{city}/latest',
    name: 'station',
    params: v.object({ city: v.picklist(cities) }),
    list: () => cities.map((city) => ({ params: { city } })),
    read: ({ city }) => ({ city, celsius: 21 }),
  }),
  prompt({
    name: 'brief',
    args: v.object({ city: v.picklist(cities) }),
    render: ({ city }) => `Write a weather brief for ${city}.`,
  }),
);
