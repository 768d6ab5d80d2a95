// Minimal VS Code client of the BNN language server: starts `java -jar bnn-language-server.jar`
// (stdio) for .bnn files; keywords, comments, strings, numbers and units are coloured by the TextMate
// grammar (syntaxes/bnn.tmLanguage.json) until the server's semantic tokens arrive. Everything else (diagnostics, quick fixes, hover, inlay hints, code
// lenses, completion, go to definition, outline, formatting) comes from the server, and so does
// "Import Model as BNN..." on .onnx/.h5 files (the server's bnn.importModel command, docs/ide.md).
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(vscode.commands.registerCommand('bnn.ui.importModel', importModel));
  const settings = vscode.workspace.getConfiguration('bnn.languageServer');
  const jar = settings.get<string>('jar');
  if (!jar) {
    void vscode.window.showErrorMessage('BNN: set "bnn.languageServer.jar" to the path of bnn-language-server.jar '
      + '(org.bnn.dsl.ide/target/ after ./mvnw verify).');
    return;
  }
  const server = { command: settings.get<string>('java') || 'java', args: ['-jar', jar], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run: server, debug: server };
  client = new LanguageClient('bnn', 'BNN language server', serverOptions, {
    documentSelector: [{ scheme: 'file', language: 'bnn' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.bnn') },
    // Mapping and experiment totals as inlay hints or code lenses (docs/ide.md).
    initializationOptions: { estimateTotals: vscode.workspace.getConfiguration('bnn').get<string>('estimateTotals') || 'auto' },
  });
  context.subscriptions.push(client);
  await client.start();
}

/** What the server's bnn.importModel answers: the new file, or the `bnn import` error line. */
interface ImportAnswer {
  uri?: string;
  notes?: string[];
  error?: string;
  problem?: string;
}

/** Import Model as BNN on an explorer's file (or the active editor's): name and chip asked, then the server imports. */
async function importModel(selected?: vscode.Uri): Promise<void> {
  const model = selected ?? vscode.window.activeTextEditor?.document.uri;
  if (!client || !model) {
    void vscode.window.showErrorMessage('BNN: Import Model needs the language server (bnn.languageServer.jar) and a selected .onnx or .h5 file.');
    return;
  }
  const folder = vscode.Uri.joinPath(model, '..');
  const name = await vscode.window.showInputBox({
    title: 'Import Model as BNN', prompt: 'Network name (letters, digits and _)', placeHolder: 'empty: from the file name',
  });
  if (name === undefined) {
    return;
  }
  // Server commands go through the client's own registration of them (workspace/executeCommand).
  const chips = await vscode.commands.executeCommand<string[] | ImportAnswer>('bnn.importModel.chips', folder.toString());
  if (!Array.isArray(chips)) {
    void vscode.window.showErrorMessage(chips?.error ?? 'BNN: the language server listed no chip.');
    return;
  }
  const chip = await vscode.window.showQuickPick(chips, { title: 'Import Model as BNN', placeHolder: 'Chip to map onto (the first is bnn import\'s default)' });
  if (chip === undefined) {
    return;
  }
  const options = { folder: folder.toString(), name, chip, overwrite: false };
  let answer = await vscode.commands.executeCommand<ImportAnswer>('bnn.importModel', model.toString(), options);
  if (answer?.problem === 'exists'
      && await vscode.window.showWarningMessage(answer.error ?? 'The network exists.', { modal: true }, 'Overwrite') === 'Overwrite') {
    answer = await vscode.commands.executeCommand<ImportAnswer>('bnn.importModel', model.toString(), { ...options, overwrite: true });
  }
  if (!answer?.uri) {
    if (answer?.error && answer.problem !== 'exists') {
      void vscode.window.showErrorMessage(answer.error);
    }
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.parse(answer.uri));
  for (const note of answer.notes ?? []) {
    void vscode.window.showInformationMessage(`BNN import: ${note}`);
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
