import { bytes, code } from './markdown.js';
import { marker } from './marker.js';
import {
  actionsAlert,
  compactList,
  countsLine,
  deferredNote,
  destroyAlert,
  listItem,
  type ListItem,
} from './render-head.js';
import { detailBlocks } from './render-detail.js';
import type { RenderOptions, Rendered } from './render-options.js';
import type { PlanSummary } from './summarize.js';

export type { RenderOptions, Rendered } from './render-options.js';

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
    if (opts.banner) parts.push(opts.banner);
    parts.push(countsLine(s));
    if (s.destroyList.length) parts.push(destroyAlert(items, s.destroyList.length, cut, where));
    for (const alert of [actionsAlert(s, where), deferredNote(s)]) if (alert) parts.push(alert);
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
