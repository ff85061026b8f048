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
    this.item.text = errors || warnings ? `$(error) ${errors} $(warning) ${warnings} Copydesk` : '$(check) Copydesk';
    this.item.tooltip = errors ? `Copydesk: ${errors} error(s) to fix before publishing` : 'Copydesk: no errors in this draft';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
