// Minimal VS Code client of the BNN language server: starts `java -jar bnn-language-server.jar`
// (stdio) for .bnn files. Everything else (diagnostics, quick fixes, hover, inlay hints, code
// lenses, completion, go to definition, outline, formatting) comes from the server.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('bnn.languageServer');
  const jar = settings.get('jar');
  if (!jar) {
    vscode.window.showErrorMessage('BNN: set "bnn.languageServer.jar" to the path of bnn-language-server.jar '
      + '(org.bnn.dsl.ide/target/ after ./mvnw verify).');
    return;
  }
  const server = { command: settings.get('java') || 'java', args: ['-jar', jar], transport: TransportKind.stdio };
  client = new LanguageClient('bnn', 'BNN language server', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'bnn' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.bnn') }
  });
  context.subscriptions.push(client);
  client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
