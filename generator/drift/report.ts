import type { Bump, ChangeClass } from './classify.js';
import { CLASS_ORDER } from './classify.js';
import type { DriftChange } from './changes.js';
import type { SurfaceDiff } from './surface.js';

export type ProviderStatus = 'clean' | 'drift' | 'updated' | 'no-upstream' | 'error';

/** The outcome for one provider: the unit of both reports. */
export interface ProviderResult {
  provider: string;
  status: ProviderStatus;
  sources: { file: string; upstream: string; embedded: boolean }[];
  version: string;
  bump: Bump;
  nextVersion: string;
  summary: Record<ChangeClass, number>;
  changes: DriftChange[];
  surface: SurfaceDiff | null;
  /** Upstream operations the provider does not include (they do not reach the package). */
  notIncluded: string[];
  /** The upstream text differs from the vendored text, whether or not the difference means anything. */
  textChanged: boolean;
  error: string | null;
}

export interface UpstreamReport {
  schemaVersion: 1;
  exitCode: number;
  failOn: FailOn;
  providers: ProviderResult[];
}

export type FailOn = 'any' | 'non-breaking' | 'breaking';

/** Whether a provider's changes fail the run at this threshold. */
export function fails(result: ProviderResult, failOn: FailOn): boolean {
  if (result.status !== 'drift') return false;
  const worst = CLASS_ORDER.length - 1 - CLASS_ORDER.findIndex((c) => result.summary[c] > 0);
  const threshold = { any: 0, 'non-breaking': 1, breaking: 2 }[failOn];
  return result.changes.length > 0 && worst >= threshold;
}

/** Machines: every field always present, in a fixed order, lists sorted; no timings, no temporary paths. */
export function jsonReport(report: UpstreamReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** People: one block per provider, every change with its class, what it touches, and what to do next. */
export function humanReport(report: UpstreamReport, acceptCommand: (provider: string) => string): string {
  const lines: string[] = [];
  for (const result of report.providers) {
    const from = result.sources.map((s) => `${s.file} <- ${s.upstream}${s.embedded ? ' (embedded)' : ''}`);
    switch (result.status) {
      case 'no-upstream':
        lines.push(
          `${result.provider}: no upstream source (the spec is authored in this repository); nothing to check`,
        );
        continue;
      case 'error':
        lines.push(`${result.provider}: ERROR ${result.error}`);
        continue;
      case 'clean':
        lines.push(
          `${result.provider}: no drift (${from.join('; ')})${result.textChanged ? '; the upstream text differs only in form' : ''}`,
        );
        continue;
    }
    const counts = CLASS_ORDER.filter((c) => result.summary[c]).map((c) => `${result.summary[c]} ${c}`);
    lines.push(
      `${result.provider}: ${result.changes.length} change${result.changes.length === 1 ? '' : 's'} upstream (${counts.join(', ') || 'text only'})`,
    );
    for (const source of from) lines.push(`  source   ${source}`);
    lines.push(`  bump     ${result.bump} (${result.version} -> ${result.nextVersion})`);
    for (const change of result.changes) {
      lines.push(`  ${change.class.padEnd(12)} ${change.location}: ${change.message}`);
      const affects = [...change.affects.types, ...change.affects.methods];
      if (affects.length) lines.push(`  ${''.padEnd(12)}   affects ${affects.join(', ')}`);
    }
    const surface = result.surface;
    if (surface) {
      const parts = [
        ['methods added', surface.methods.added],
        ['methods removed', surface.methods.removed],
        ['methods changed', surface.methods.changed],
        ['types added', surface.types.added],
        ['types removed', surface.types.removed],
        ['types changed', surface.types.changed],
        ['doc comments changed', surface.types.docs],
      ] as const;
      const shown = parts.filter(([, names]) => names.length);
      lines.push(`  public surface${shown.length ? ':' : ': unchanged'}`);
      for (const [label, names] of shown) lines.push(`    ${label}: ${names.join(', ')}`);
    }
    if (result.notIncluded.length)
      lines.push(`  not included (no effect on the package): ${result.notIncluded.join(', ')}`);
    if (result.status === 'updated') {
      lines.push(
        `  updated: vendored the upstream text into specs/${result.provider}/, regenerated generated/${result.provider}/, version ${result.nextVersion}`,
      );
    } else {
      lines.push(
        `  to accept: ${acceptCommand(result.provider)}   (vendors the upstream text, regenerates, bumps to ${result.nextVersion})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
