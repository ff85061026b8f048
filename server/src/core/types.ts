// The engine's vocabulary. Positions follow LSP: 0-based lines, UTF-16 code units,
// which is also how JavaScript indexes strings, so offsets need no conversion.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

export interface Fix {
  title: string;
  isPreferred: boolean;
  edits: TextEdit[];
}

export interface RelatedInformation {
  /** Path of the related file (e.g. a ledger), or undefined for the draft itself. */
  path?: string;
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  /** Extra facts a rule wants to show in hovers or reports (e.g. speaker, ledger id). */
  data?: Record<string, unknown>;
  related?: RelatedInformation[];
}

/** Offset-based edit, as rules produce them; the engine turns offsets into positions. */
export interface OffsetEdit { start: number; end: number; newText: string }

export interface OffsetFix {
  title: string;
  isPreferred?: boolean;
  edits: OffsetEdit[];
}

export interface Report {
  /** Source offsets (UTF-16) of the flagged text, end exclusive. */
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's configured severity for this one finding. */
  severity?: Severity;
  fixes?: OffsetFix[];
  data?: Record<string, unknown>;
  related?: RelatedInformation[];
}
