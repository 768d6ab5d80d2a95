package org.bnn.dsl.ui.outline;

import java.util.List;
import java.util.function.Consumer;

import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;

import com.google.inject.Injector;

/**
 * Outline of a .bnn file: the language server's document symbols (elements, layers, regimes, with
 * the estimate of layers and mappings as detail), rebuilt after each parse; selecting an entry
 * selects its name in the editor.
 */
public final class BnnOutlinePage extends ContentOutlinePage {

    private final ITextEditor editor;
    private final BnnDocumentModel model;
    private final Injector injector;
    private final Consumer<ParsedDocument> refresh = parsed -> update(parsed);

    public BnnOutlinePage(ITextEditor editor, BnnDocumentModel model, Injector injector) {
        this.editor = editor;
        this.model = model;
        this.injector = injector;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new SymbolTree());
        viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(new SymbolLabels()));
        viewer.addSelectionChangedListener(event -> {
            if (event.getSelection() instanceof IStructuredSelection selection
                    && selection.getFirstElement() instanceof DocumentSymbol symbol) {
                reveal(symbol);
            }
        });
        model.addListener(refresh);
        ParsedDocument latest = model.latest();
        if (latest != null) {
            update(latest);
        }
    }

    @Override
    public void dispose() {
        model.removeListener(refresh);
        super.dispose();
    }

    /** Computes the symbols on the publishing thread, shows them on the UI thread. */
    private void update(ParsedDocument parsed) {
        List<DocumentSymbol> symbols = injector.getInstance(HierarchicalDocumentSymbolService.class).getSymbols(parsed.resource(),
                () -> false);
        Display display = Display.getDefault();
        display.asyncExec(() -> {
            TreeViewer viewer = getTreeViewer();
            if (viewer != null && !viewer.getControl().isDisposed()) {
                viewer.setInput(symbols);
                viewer.expandToLevel(3); // package, elements, layers
            }
        });
    }

    private void reveal(DocumentSymbol symbol) {
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        try {
            int start = offset(document, symbol.getSelectionRange().getStart());
            int end = offset(document, symbol.getSelectionRange().getEnd());
            editor.selectAndReveal(start, end - start);
        } catch (BadLocationException e) {
            // the text changed since the outline was built; the next parse rebuilds it
        }
    }

    private static int offset(IDocument document, Position position) throws BadLocationException {
        return document.getLineOffset(position.getLine()) + position.getCharacter();
    }

    private static final class SymbolTree implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof List<?> list ? list.toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof DocumentSymbol symbol && symbol.getChildren() != null ? symbol.getChildren().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }
    }

    /** "fc1  800 tiles · …": the name, then the detail in the decorations colour. */
    private static final class SymbolLabels extends LabelProvider implements DelegatingStyledCellLabelProvider.IStyledLabelProvider {
        @Override
        public StyledString getStyledText(Object element) {
            if (!(element instanceof DocumentSymbol symbol)) {
                return new StyledString(String.valueOf(element));
            }
            StyledString text = new StyledString(symbol.getName());
            if (symbol.getDetail() != null && !symbol.getDetail().isEmpty()) {
                text.append("  " + symbol.getDetail(), StyledString.DECORATIONS_STYLER);
            }
            return text;
        }

        @Override
        public String getText(Object element) {
            return getStyledText(element).getString();
        }
    }
}
