/** Fargate task size rules (task-level cpu and memory). Pure. */

/** CPU units -> allowed memory in MiB: [min, max, step] or an explicit list. */
const FARGATE_SIZES: ReadonlyMap<number, { list?: number[]; min?: number; max?: number; step?: number }> =
  new Map([
    [256, { list: [512, 1024, 2048] }],
    [512, { min: 1024, max: 4096, step: 1024 }],
    [1024, { min: 2048, max: 8192, step: 1024 }],
    [2048, { min: 4096, max: 16384, step: 1024 }],
    [4096, { min: 8192, max: 30720, step: 1024 }],
    [8192, { min: 16384, max: 61440, step: 4096 }],
    [16384, { min: 32768, max: 122880, step: 8192 }],
  ]);

export function allowedMemory(cpuUnits: number): number[] {
  const size = FARGATE_SIZES.get(cpuUnits);
  if (!size) return [];
  if (size.list) return size.list;
  const out: number[] = [];
  for (let m = size.min!; m <= size.max!; m += size.step!) out.push(m);
  return out;
}

export function describeAllowedMemory(cpuUnits: number): string {
  const size = FARGATE_SIZES.get(cpuUnits);
  if (!size) return '';
  if (size.list) return size.list.join(', ');
  return `${size.min} to ${size.max} in steps of ${size.step}`;
}

export const FARGATE_CPU_VALUES = [...FARGATE_SIZES.keys()];

/** Task cpu as CPU units: 1024, '1024', '1 vCPU', '0.25 vcpu'. NaN when malformed. */
export function parseCpuUnits(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i.exec(v);
  return m ? Math.round(Number(m[1]) * 1024) : NaN;
}

/** Task memory in MiB: 2048, '2048', '2 GB', '0.5GB'. NaN when malformed. */
export function parseMemoryMiB(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i.exec(v);
  return m ? Math.round(Number(m[1]) * 1024) : NaN;
}

/** Why cpu/memory is not a Fargate size, or undefined. */
export function fargateSizeProblem(cpu: unknown, memory: unknown): string | undefined {
  const fix = `Fargate cpu values are ${FARGATE_CPU_VALUES.join(', ')} (units of 1/1024 vCPU)`;
  if (cpu === undefined) return `'cpu' is required for Fargate: set it (or the cpu input); ${fix}`;
  if (memory === undefined) return `'memory' is required for Fargate: set it (or the memory input) in MiB`;
  const units = parseCpuUnits(cpu);
  if (!FARGATE_SIZES.has(units)) return `'cpu' is '${String(cpu)}', not a Fargate size: ${fix}`;
  const mib = parseMemoryMiB(memory);
  if (!allowedMemory(units).includes(mib)) {
    return `'memory' is '${String(memory)}', which Fargate does not offer with cpu ${units}: use ${describeAllowedMemory(units)} MiB`;
  }
  return undefined;
}
