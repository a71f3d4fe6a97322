// A failing container's own output, for the `crash` and `unhealthy` scenarios: the scenario's `logLines`,
// else a Python traceback (crash) or failing health requests (unhealthy), written to moto's CloudWatch Logs
// where the task definition's awslogs options say, as the awslogs driver would (`<prefix>/<container>/<task
// id>`). Only the first container writes; a task definition without awslogs options writes nothing.
import { putContainerLines } from '../ecs-task-runner-sim.mjs';

export const CRASH_LINES = [
  'Starting gunicorn 23.0.0',
  'Booting worker with pid: 7',
  'Traceback (most recent call last):',
  '  File "/app/app/settings.py", line 12, in <module>',
  "    DATABASE_URL = os.environ['DATABASE_URL']",
  "KeyError: 'DATABASE_URL'",
  'Worker failed to boot.',
];
export const UNHEALTHY_LINES = [
  'Starting gunicorn 23.0.0',
  'Listening at: http://0.0.0.0:8000',
  'GET /health 500 (psycopg.OperationalError: connection to server at "db" failed: timeout expired)',
  'GET /health 500 (psycopg.OperationalError: connection to server at "db" failed: timeout expired)',
  'Handling signal: term',
];

/** @param {{motoUrl: string, region: string, containerCache: Map<string, {defs: object[]}>}} opts */
export function createCrashLogWriter({ motoUrl, region, containerCache }) {
  /** The crashing (first) container's last words, where its awslogs options send them (not awaited). */
  return function writeCrashLog(svc, dep, task, at, fallback = CRASH_LINES) {
    const def = containerCache.get(dep.taskDefinition)?.defs?.[0];
    const o =
      def?.logConfiguration?.logDriver === 'awslogs' ? (def.logConfiguration.options ?? {}) : undefined;
    if (!o?.['awslogs-group'] || !o['awslogs-stream-prefix']) return;
    const lines = dep.logLines ?? fallback;
    void putContainerLines({
      motoUrl,
      region: o['awslogs-region'] ?? region,
      group: o['awslogs-group'],
      stream: `${o['awslogs-stream-prefix']}/${def.name}/${task.id}`,
      lines,
      at: at - 50,
    }).catch(() => undefined);
  };
}
