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
    const count = (n: number, one: string, many: string) => vscode.l10n.t(n === 1 ? one : many, n);
    const ready = vscode.l10n.t('Ready');
    this.item.text = errors
      ? `$(error) ${count(errors, '{0} blocker', '{0} blockers')}${warnings ? ` $(warning) ${warnings}` : ''}`
      : warnings ? `$(check) ${ready} $(warning) ${warnings}` : `$(check) ${ready}`;
    this.item.tooltip = errors
      ? vscode.l10n.t('Copydesk: not ready to publish — {0} and {1} in this draft', count(errors, '{0} error', '{0} errors'), count(warnings, '{0} warning', '{0} warnings'))
      : warnings ? vscode.l10n.t('Copydesk: ready to publish ({0} to review)', count(warnings, '{0} warning', '{0} warnings')) : vscode.l10n.t('Copydesk: ready to publish');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
