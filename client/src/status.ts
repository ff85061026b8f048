import * as vscode from 'vscode';

/** Status bar: the active draft's Copydesk error and warning counts; click shows the Problems panel. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Copydesk';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !['markdown', 'plaintext'].includes(editor.document.languageId)) {
      this.item.hide();
      return;
    }
    const mine = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'copydesk');
    const errors = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    // Errors block publication; warnings are for the desk's judgement.
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    this.item.text = errors
      ? `$(error) ${plural(errors, 'blocker')}${warnings ? ` $(warning) ${warnings}` : ''}`
      : warnings ? `$(check) Ready $(warning) ${warnings}` : '$(check) Ready';
    this.item.tooltip = errors
      ? `Copydesk: not ready to publish — ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in this draft`
      : `Copydesk: ready to publish${warnings ? ` (${plural(warnings, 'warning')} to review)` : ''}`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
