import { compose, createServer, mount, tool, transform } from '@mcpkit/core';
import { search } from './search.js';
import { forecast, weather } from './weather.js';

const clock = tool({ name: 'now', description: 'The server time', run: () => new Date(0).toISOString() });

/**
 * Namespaces: inside `weather`, names become `weather_forecast` and URIs `stations://weather/oslo/latest`;
 * wrapping it again in `eu` gives `eu_weather_forecast` and `stations://eu/weather/oslo/latest`.
 * `exclude` drops the internal tool from this module only.
 */
const euWeather = compose({ namespace: 'eu' }, compose({ namespace: 'weather', exclude: ['internal'] }, weather));

/** `transform()`: a new tool from an existing one, with a hidden argument and a new name. */
const weekly = transform(forecast, {
  name: 'weekly_forecast',
  description: 'Seven-day forecast for a city',
  args: { days: { hide: true, default: 7 } },
});

export default createServer(
  { name: 'composition', version: '1.0.0' },
  [
    clock,
    weekly,
    ...euWeather,
    // A live mount: the search server (or a proxy of a remote one) is asked at request time.
    mount(search, { namespace: 'archive' }),
  ],
  {
    // Server-level transforms reshape composed or mounted tools by the name clients see.
    transforms: {
      archive_query: {
        name: 'find_reports',
        description: 'Find weather reports in the archive',
        args: { q: { name: 'topic' }, limit: { default: 5 }, index: { hide: true, default: 'reports' } },
      },
    },
  },
);
