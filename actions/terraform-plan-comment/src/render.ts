import { attributeDiff, outputValue } from './diff.js';
import { bytes, cell, code, cutLines, details, escapeHtml, fenced } from './markdown.js';
import {
  describeKind,
  describeReason,
  isChange,
  type Entry,
  type PlanSummary,
  type Status,
} from './summarize.js';

export interface RenderOptions {
  title: string;
  key: string;
  /** Hard limit for the whole body, in UTF-8 bytes. */
  maxBytes: number;
  /** Where the complete rendering can be read when detail is left out (e.g. "the job summary"). */
  fullPlanLink?: { text: string; url?: string };
  commit?: string;
  runUrl?: string;
  /** Per-resource blocks from `terraform show` text, by address; the JSON diff is used for the others. */
  textBlocks?: ReadonlyMap<string, string>;
  /** Strings Terraform marks sensitive: never shown, wherever they appear. */
  redact?: ReadonlySet<string>;
  /** Include the hidden identity marker (comments: yes; step summary: no). */
  marker?: boolean;
}

export interface Rendered {
  markdown: string;
  bytes: number;
  /** Detail blocks (resources, drift, outputs) shown / in total. */
  detailsShown: number;
  detailsTotal: number;
  /** True when the destroy list had to be shortened to index ranges, or cut (`listCut` entries left out). */
  listCompacted: boolean;
  listCut: number;
}

// ---- identity marker ----

const MARKER = /<!-- slipway:plan(-outdated)? key=(\S*) status=([\w-]+) -->/;

export function encodeKey(key: string): string {
  return [...key]
    .map((ch) =>
      /[A-Za-z0-9._~/:@+=,-]/.test(ch)
        ? ch
        : [...Buffer.from(ch, 'utf8')]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');
}

export function marker(key: string, status: Status, outdated = false): string {
  return `<!-- slipway:plan${outdated ? '-outdated' : ''} key=${encodeKey(key)} status=${status} -->`;
}

export function parseMarker(body: string): { key: string; status: string; outdated: boolean } | undefined {
  const m = MARKER.exec(body.slice(0, 2000));
  if (!m) return undefined;
  try {
    return { key: decodeURIComponent(m[2]!), status: m[3]!, outdated: m[1] !== undefined };
  } catch {
    return undefined;
  }
}

/** Marks a comment body outdated, so that it is no longer ours for its key (and not counted for labels). */
export function markOutdated(body: string): string {
  return body.replace(
    MARKER,
    (_m, _o, key: string, status: string) => `<!-- slipway:plan-outdated key=${key} status=${status} -->`,
  );
}

// ---- pieces ----

const ICON: Record<string, string> = {
  delete: '🔴',
  replace: '🔁',
  update: '🟡',
  create: '🟢',
  forget: '⚪',
  read: '🔵',
  'no-op': '📥',
  drift: '⚠️',
  outputs: '📤',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function countsLine(s: PlanSummary): string {
  const c = s.counts;
  const extra: string[] = [];
  if (c.replace) extra.push(`${ICON.replace} ${c.replace} to replace`);
  if (c.import) extra.push(`📥 ${c.import} to import`);
  if (c.move) extra.push(`➡️ ${c.move} to move`);
  if (c.forget) extra.push(`${ICON.forget} ${c.forget} to forget`);
  if (c.read) extra.push(`${ICON.read} ${c.read} to read`);
  if (c.outputs) extra.push(`${ICON.outputs} ${plural(c.outputs, 'output change')}`);
  if (c.drift) extra.push(`${ICON.drift} ${c.drift} changed outside Terraform`);
  if (!s.hasChanges) {
    return ['**No changes.** The infrastructure matches the configuration.', ...extra].join(' · ');
  }
  return [
    `**Plan:** ${ICON.create} ${c.create} to add`,
    `${ICON.update} ${c.update} to change`,
    `${ICON.delete} ${c.delete} to destroy`,
    ...extra,
  ].join(' · ');
}

interface ListItem {
  icon: string;
  label: string;
  what: string;
  /** Resource instances this item stands for. */
  count: number;
}

function listItem(e: Entry): ListItem {
  const reason = describeReason(e.reason);
  return {
    icon: ICON[e.kind] ?? '',
    label: code(e.deposed ? `${e.address} (deposed ${e.deposed})` : e.address),
    what: `${describeKind(e)}${reason ? ` · ${reason.text ? `${reason.text} ` : ''}${code(reason.code)}` : ''}`,
    count: 1,
  };
}

/** Collapses runs of count indexes (`x[0]`, `x[1]`, … with the same action and reason) into `x[0–9]` (10). */
export function compactList(entries: readonly Entry[]): ListItem[] {
  const out: ListItem[] = [];
  let run: { prefix: string; from: number; to: number; e: Entry } | undefined;
  const flush = () => {
    if (!run) return;
    const item = listItem(run.e);
    const n = run.to - run.from + 1;
    out.push(
      n === 1
        ? item
        : { ...item, label: `${code(`${run.prefix}[${run.from}–${run.to}]`)} (${n} instances)`, count: n },
    );
    run = undefined;
  };
  for (const e of entries) {
    const m = /^(.*)\[(\d+)\]$/.exec(e.address);
    const same =
      run &&
      m &&
      !e.deposed &&
      m[1] === run.prefix &&
      Number(m[2]) === run.to + 1 &&
      e.kind === run.e.kind &&
      e.reason === run.e.reason &&
      e.actions.join() === run.e.actions.join();
    if (same && run && m) {
      run.to = Number(m[2]);
      continue;
    }
    flush();
    if (m && !e.deposed) run = { prefix: m[1]!, from: Number(m[2]), to: Number(m[2]), e };
    else out.push(listItem(e));
  }
  flush();
  return out;
}

function destroyAlert(items: ListItem[], total: number, cut: number, where: string): string {
  const lines = [
    '> [!CAUTION]',
    `> **${plural(total, 'resource')} will be destroyed or replaced:**`,
    ...items.map((i) => `> - ${i.icon} ${i.label} — ${cell(i.what)}`),
  ];
  if (cut > 0) lines.push(`> - … and ${cut} more, all listed in ${where}`);
  return lines.join('\n');
}

function entryBlock(e: Entry, opts: RenderOptions, cap: number, drift = false): string {
  const redact = opts.redact ?? new Set<string>();
  const text = drift
    ? undefined
    : opts.textBlocks?.get(e.deposed ? `${e.address} (deposed object ${e.deposed})` : e.address);
  const lines = text !== undefined ? text.split('\n') : attributeDiff(e, redact);
  const where = opts.fullPlanLink?.text ?? 'the job summary';
  const body = cutLines(lines, cap, (n) => `# … ${n} more lines, in ${where}`).join('\n');
  const tags: string[] = [drift ? 'changed outside Terraform' : describeKind(e)];
  if (!drift && e.importing && e.kind !== 'no-op') tags.push('import');
  if (!drift && e.previousAddress && e.kind !== 'no-op') tags.push(`moved from ${e.previousAddress}`);
  if (!drift && e.previousAddress && e.kind === 'no-op') tags[0] = `moved from ${e.previousAddress}`;
  const reason = drift ? undefined : describeReason(e.reason);
  const summary =
    `${drift ? ICON.drift : (ICON[e.kind] ?? '')} <code>${escapeHtml(e.address)}</code> — ${escapeHtml(tags.join(', '))}` +
    (reason
      ? ` · ${reason.text ? `${escapeHtml(reason.text)} ` : ''}<code>${escapeHtml(reason.code)}</code>`
      : '');
  return details(summary, fenced('diff', body));
}

const GROUPS: Array<{ title: string; icon: string; match: (e: Entry) => boolean }> = [
  { title: 'Destroy', icon: ICON.delete!, match: (e) => e.kind === 'delete' },
  { title: 'Replace', icon: ICON.replace!, match: (e) => e.kind === 'replace' },
  { title: 'Update in place', icon: ICON.update!, match: (e) => e.kind === 'update' },
  { title: 'Create', icon: ICON.create!, match: (e) => e.kind === 'create' },
  {
    title: 'Forget (removed from state, not destroyed)',
    icon: ICON.forget!,
    match: (e) => e.kind === 'forget',
  },
  { title: 'Import or move only', icon: ICON['no-op']!, match: (e) => e.kind === 'no-op' && isChange(e) },
  { title: 'Read', icon: ICON.read!, match: (e) => e.kind === 'read' },
];

/** The detail blocks in order, built lazily: a comment stops building them once the budget is spent. */
function detailBlocks(
  s: PlanSummary,
  opts: RenderOptions,
): { total: number; blocks: () => Iterable<string> } {
  const cap = Math.max(1500, Math.floor(opts.maxBytes / 8));
  const groups = GROUPS.map((g) => ({ ...g, members: s.entries.filter(g.match) }));
  const total =
    groups.reduce((n, g) => n + g.members.length, 0) + s.drift.length + (s.outputs.length ? 1 : 0);
  function* blocks(): Iterable<string> {
    for (const g of groups) {
      for (const [i, e] of g.members.entries()) {
        const block = entryBlock(e, opts, cap);
        yield i === 0 ? `#### ${g.icon} ${g.title} (${g.members.length})\n\n${block}` : block;
      }
    }
    for (const [i, e] of s.drift.entries()) {
      const block = entryBlock(e, opts, cap, true);
      yield i === 0
        ? `#### ${ICON.drift} Changed outside Terraform (${s.drift.length})\n\nTerraform refreshed these objects and found changes made outside it; the plan above already accounts for them.\n\n${block}`
        : block;
    }
    if (s.outputs.length) {
      const redact = opts.redact ?? new Set<string>();
      const lines: string[] = [];
      for (const { name, change } of s.outputs) {
        const kind = change.actions.includes('delete')
          ? 'delete'
          : change.actions.includes('create')
            ? 'create'
            : 'update';
        if (kind !== 'create') lines.push(`- ${name} = ${outputValue(change, 'before', redact)}`);
        if (kind !== 'delete') lines.push(`+ ${name} = ${outputValue(change, 'after', redact)}`);
      }
      const body = cutLines(lines, cap, (n) => `# … ${n} more lines`).join('\n');
      yield `#### ${ICON.outputs} Output changes (${s.outputs.length})\n\n${details(plural(s.outputs.length, 'output'), fenced('diff', body))}`;
    }
  }
  return { total, blocks };
}

function footer(s: PlanSummary, opts: RenderOptions, omitted: number, total: number): string {
  const parts: string[] = [];
  if (omitted > 0) {
    const link = opts.fullPlanLink;
    const where = link?.url ? `[${link.text}](${link.url})` : (link?.text ?? 'the job summary');
    parts.push(
      `> [!NOTE]\n> Details of ${omitted} of ${total} changes were left out to keep this under ${opts.maxBytes} bytes. Every change is in ${where}.`,
    );
  }
  const meta = [`key ${code(opts.key)}`];
  if (s.plan.terraformVersion) meta.push(`Terraform ${s.plan.terraformVersion}`);
  if (opts.commit) meta.push(`commit ${code(opts.commit.slice(0, 7))}`);
  if (opts.runUrl) meta.push(`[workflow run](${opts.runUrl})`);
  parts.push(`<sub>${meta.join(' · ')}</sub>`);
  return parts.join('\n\n');
}

/**
 * Renders a plan summary as markdown of at most `opts.maxBytes` UTF-8 bytes. The title, counts, warnings
 * and the list of destroyed/replaced resources always come first and are kept; per-resource detail is
 * dropped from the bottom up when it does not fit, and the footer says what was left out and where it is.
 */
export function renderPlan(s: PlanSummary, opts: RenderOptions): Rendered {
  const where = opts.fullPlanLink?.text ?? 'the job summary';
  const head = (items: ListItem[], cut: number): string => {
    const parts: string[] = [];
    if (opts.marker !== false) parts.push(marker(opts.key, s.status));
    parts.push(`### ${opts.title}`);
    parts.push(countsLine(s));
    if (s.plan.errored) {
      parts.push(
        '> [!WARNING]\n> Terraform reported errors while planning: this plan is incomplete and cannot be applied.',
      );
    }
    if (s.destroyList.length) parts.push(destroyAlert(items, s.destroyList.length, cut, where));
    return parts.join('\n\n');
  };
  const { total, blocks } = detailBlocks(s, opts);
  const footerMax = bytes(footer(s, opts, total, total));
  const sep = 2; // "\n\n" between parts

  let items = s.destroyList.map(listItem);
  let listCompacted = false;
  let cut = 0;
  let headText = head(items, 0);
  const fits = (h: string) => bytes(h) + sep + footerMax <= opts.maxBytes;
  // A list longer than half the budget is shortened to index ranges (lossless), leaving room for detail.
  if (!fits(headText) || bytes(headText) > opts.maxBytes / 2) {
    const compacted = compactList(s.destroyList);
    listCompacted = compacted.length < items.length;
    if (listCompacted) {
      items = compacted;
      headText = head(items, 0);
    }
  }
  if (!fits(headText)) {
    // Only when even index ranges cannot fit: keep as many items as fit and say where the rest are.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(head(items.slice(0, mid), s.destroyList.length))) lo = mid;
      else hi = mid - 1;
    }
    cut = items.slice(lo).reduce((n, i) => n + i.count, 0);
    items = items.slice(0, lo);
    headText = head(items, cut);
  }

  let used = bytes(headText) + sep + footerMax;
  const shown: string[] = [];
  for (const block of blocks()) {
    const size = bytes(block);
    if (used + size + sep > opts.maxBytes) break;
    shown.push(block);
    used += size + sep;
  }
  const markdown = [headText, ...shown, footer(s, opts, total - shown.length, total)].join('\n\n') + '\n';
  return {
    markdown,
    bytes: bytes(markdown),
    detailsShown: shown.length,
    detailsTotal: total,
    listCompacted,
    listCut: cut,
  };
}
