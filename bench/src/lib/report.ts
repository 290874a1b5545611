import { LIBRARIES, type Library } from './spawn-server.js';

/** One server's figure in a row; `note` replaces the figure when there is none. */
export interface Cell {
  readonly value?: number;
  readonly note?: string;
  /** Errors seen while measuring (socket errors, non-2xx, JSON-RPC errors). */
  readonly errors?: number;
  /** HTTP load only: the server process's CPU time per request over the measured runs, in µs (Linux). */
  readonly cpuUsPerRequest?: number;
  /** Raw details for `--json`. */
  readonly detail?: unknown;
}

/** One line of the table: a figure per server. */
export interface Row {
  readonly scenario: string;
  readonly metric: string;
  readonly lowerIsBetter?: boolean;
  readonly cells: Partial<Record<Library, Cell>>;
  /** Lines printed under the table: what a column means in this row, ratios other than to the SDK. */
  readonly notes?: readonly string[];
}

const HEADINGS: Record<Library, string> = { raw: 'raw node:http', sdk: 'SDK', fastmcp: 'fastmcp', mcpkit: 'mcpkit' };

const format = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value >= 10 ? value.toFixed(1) : value.toFixed(2);

const render = (cell: Cell | undefined, sdk: Cell | undefined): string => {
  if (!cell) return '';
  if (cell.value === undefined) return cell.note ?? 'n/a';
  const ratio = sdk?.value ? ` (${(cell.value / sdk.value).toFixed(2)}×)` : '';
  const errors = cell.errors ? ` ⚠ ${cell.errors.toLocaleString('en-US')} errors` : '';
  return `${format(cell.value)}${ratio}${errors}`;
};

/** Markdown table: each figure with its ratio to the SDK's; the rows' notes follow it as a list. */
export const toMarkdown = (rows: readonly Row[], libraries: readonly Library[] = LIBRARIES): string => {
  const head = `| Scenario | Metric | ${libraries.map((l) => HEADINGS[l]).join(' | ')} |`;
  const rule = `|---|---|${libraries.map(() => '---:').join('|')}|`;
  const lines = rows.map((row) => {
    const metric = row.lowerIsBetter ? `${row.metric} ↓` : `${row.metric} ↑`;
    const cells = libraries.map((l) => render(row.cells[l], row.cells.sdk));
    return `| ${row.scenario} | ${metric} | ${cells.join(' | ')} |`;
  });
  const notes = rows.flatMap((row) => (row.notes ?? []).map((note) => `- ${row.scenario}: ${note}`));
  const table = [head, rule, ...lines].join('\n');
  return notes.length === 0 ? table : `${table}\n\n${notes.join('\n')}`;
};

/** The `n/a` cell of a server that could not be measured; logs the reason under `label`. */
export const failedCell = (log: (line: string) => void, label: string, error: unknown): Cell => {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300);
  log(`  ${label}: n/a (${reason})`);
  return { note: 'n/a', detail: { error: reason } };
};

/** Runs `measure` for one server; a failure becomes `n/a` cells (logged with the reason). */
export const attempt = async <T extends Cell | Cell[]>(
  log: (line: string) => void,
  library: Library,
  measure: () => Promise<T>,
  count = 1,
): Promise<T> => {
  try {
    return await measure();
  } catch (error) {
    const cell = failedCell(log, library, error);
    return (count === 1 ? cell : Array.from({ length: count }, () => cell)) as T;
  }
};
