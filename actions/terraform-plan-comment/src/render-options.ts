/** What a rendering is asked for and what it reports back. */

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
  /** Markdown shown right under the title, before the counts (the apply result); counted in the budget. */
  banner?: string;
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
