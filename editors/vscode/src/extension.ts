// Minimal VS Code client of the BNN language server: starts `java -jar bnn-language-server.jar`
// (stdio) for .bnn files; keywords, comments, strings, numbers and units are coloured by the TextMate
// grammar (syntaxes/bnn.tmLanguage.json) until the server's semantic tokens arrive. Everything else (diagnostics, quick fixes, hover, inlay hints, code
// lenses, completion, go to definition, outline, formatting) comes from the server.
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
