import type { Cluster, Worker } from "node:cluster";

/**
 * /metrics under `minstd serve --workers n`. node:cluster hands each connection to one worker, so a
 * scrape would see one worker's counters, a different one each time. Instead the worker that gets
 * the scrape asks the primary, which asks every worker for its own text and answers with all of
 * them in one exposition, every series labelled worker="<id>": Prometheus scrapes one target and
 * `sum without (worker) (…)` gives the whole server.
 */

const GATHER = "minstd:metrics-gather";
const GATHERED = "minstd:metrics-gathered";
const COLLECT = "minstd:metrics-collect";
const PART = "minstd:metrics-part";

/** How long the primary waits for a worker's part (one that is stuck or dying is left out). */
const PART_WAIT_MS = 5000;
/** How long a worker waits for the primary before answering with its own metrics alone. */
const GATHER_WAIT_MS = 10_000;

interface Message {
  readonly type?: string;
  readonly id?: number;
  readonly text?: string;
}

/** Adds one label in front of a sample line's labels; comment lines are kept as they are. */
function labelSample(line: string, name: string, value: string): string {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (.*)$/.exec(line);
  if (!m) return line;
  const label = `${name}="${value}"`;
  return `${m[1]}{${m[3] ? `${label},${m[3]}` : label}} ${m[4]}`;
}

/**
 * Several processes' expositions (Prometheus text format) as one: each metric's HELP and TYPE once,
 * then its samples from every process, each with the process's label.
 */
export function mergeExpositions(
  parts: ReadonlyArray<{ readonly worker: string; readonly text: string }>,
  label = "worker",
): string {
  const families = new Map<string, { head: string[]; samples: string[] }>();
  for (const part of parts) {
    let family: { head: string[]; samples: string[] } | undefined;
    for (const line of part.text.split("\n")) {
      if (line === "") continue;
      const help = /^# HELP (\S+)/.exec(line);
      if (help) {
        family = families.get(help[1]!);
        if (!family) {
          family = { head: [line], samples: [] };
          families.set(help[1]!, family);
        }
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        if (family && family.head.length === 1) family.head.push(line);
        continue;
      }
      if (line.startsWith("#")) continue;
      if (!family) {
        family = { head: [], samples: [] };
        families.set(`:${families.size}`, family);
      }
      family.samples.push(labelSample(line, label, part.worker));
    }
  }
  return `${[...families.values()].flatMap((f) => [...f.head, ...f.samples]).join("\n")}\n`;
}

/**
 * In a worker: answers the primary's requests for this process's metrics, and returns what /metrics
 * answers: every worker's, gathered through the primary.
 */
export function shareWorkerMetrics(render: () => string): () => Promise<string> {
  const send = process.send?.bind(process);
  if (!send) return async () => render();
  let next = 0;
  const waiting = new Map<number, (text: string) => void>();
  process.on("message", (m: Message) => {
    if (m?.type === COLLECT) send({ type: PART, id: m.id, text: render() });
    else if (m?.type === GATHERED && m.id !== undefined) waiting.get(m.id)?.(m.text ?? "");
  });
  return () =>
    new Promise<string>((resolve) => {
      const id = ++next;
      const done = (text: string): void => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(text);
      };
      const timer = setTimeout(() => done(render()), GATHER_WAIT_MS);
      waiting.set(id, done);
      send({ type: GATHER, id });
    });
}

/** In the primary: gathers every worker's metrics when one of them is scraped. */
export function gatherWorkerMetrics(cluster: Cluster): void {
  let next = 0;
  const collecting = new Map<number, (worker: Worker, text: string) => void>();
  cluster.on("message", (from: Worker, m: Message) => {
    if (m?.type === PART && m.id !== undefined) collecting.get(m.id)?.(from, m.text ?? "");
    if (m?.type !== GATHER) return;
    const workers = Object.values(cluster.workers ?? {}).filter(
      (w): w is Worker => w !== undefined && w.isConnected(),
    );
    const id = ++next;
    const parts = new Map<number, string>();
    const answer = (): void => {
      clearTimeout(timer);
      collecting.delete(id);
      const text = mergeExpositions(
        [...parts.entries()].sort(([a], [b]) => a - b).map(([w, t]) => ({ worker: String(w), text: t })),
      );
      if (from.isConnected()) from.send({ type: GATHERED, id: m.id, text });
    };
    const timer = setTimeout(answer, PART_WAIT_MS);
    collecting.set(id, (worker, text) => {
      parts.set(worker.id, text);
      if (parts.size === workers.length) answer();
    });
    for (const w of workers) w.send({ type: COLLECT, id });
  });
}
