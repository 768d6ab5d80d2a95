package org.bnn.dsl.ui.codemining;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bnn.dsl.ide.estimate.EstimateHint;
import org.bnn.dsl.ide.estimate.EstimateHints;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.preferences.BnnPreferences;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.codemining.AbstractCodeMiningProvider;
import org.eclipse.jface.text.codemining.ICodeMining;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.codemining.LineEndCodeMining;
import org.eclipse.jface.text.codemining.LineHeaderCodeMining;

import com.google.inject.Injector;

/**
 * The Estimator's figures as code minings: after each layer "tiles · energy/inference ·
 * latency", above each mapping its totals and chip utilization, above each experiment the
 * expected bit errors. The texts are the language server's inlay hints ({@link EstimateHints});
 * they are computed from the reconciler's latest parse on a background thread, and only when that
 * parse is of the current text (the reconciler asks for new minings after each parse).
 */
public final class BnnCodeMiningProvider extends AbstractCodeMiningProvider {

    private final BnnDocumentModel model;
    private final Injector injector;

    public BnnCodeMiningProvider(BnnDocumentModel model, Injector injector) {
        this.model = model;
        this.injector = injector;
    }

    @Override
    public CompletableFuture<List<? extends ICodeMining>> provideCodeMinings(ITextViewer viewer, IProgressMonitor monitor) {
        IDocument document = viewer.getDocument();
        return CompletableFuture.supplyAsync(() -> {
            ParsedDocument parsed = model.current(document);
            if (parsed == null || monitor.isCanceled() || !BnnPreferences.codeMinings()) {
                return List.of();
            }
            return minings(document, injector.getInstance(EstimateHints.class).of(parsed.resource(), monitor::isCanceled));
        });
    }

    /** The texts of the minings of a parse, in document order (what the editor shows). */
    public List<String> labels(IDocument document) {
        ParsedDocument parsed = model.current(document);
        if (parsed == null || !BnnPreferences.codeMinings()) {
            return List.of();
        }
        return injector.getInstance(EstimateHints.class).of(parsed.resource(), () -> false).stream().map(EstimateHint::text).toList();
    }

    private List<ICodeMining> minings(IDocument document, List<EstimateHint> hints) {
        List<ICodeMining> minings = new ArrayList<>();
        for (EstimateHint hint : hints) {
            try {
                minings.add(hint.isHeader()
                        ? new Header(document.getLineOfOffset(hint.elementStart()), document, this, hint.text())
                        : new LineEnd(document, document.getLineOfOffset(hint.offset()), this, hint.text()));
            } catch (BadLocationException e) {
                BnnUiActivator.log("Code mining outside the document: " + hint, e);
            }
        }
        return minings;
    }

    /** A text above a line. */
    private static final class Header extends LineHeaderCodeMining {
        Header(int line, IDocument document, ICodeMiningProvider provider, String label) throws BadLocationException {
            super(line, document, provider);
            setLabel(label);
        }
    }

    /** A text after the end of a line. */
    private static final class LineEnd extends LineEndCodeMining {
        LineEnd(IDocument document, int line, ICodeMiningProvider provider, String label) throws BadLocationException {
            super(document, line, provider);
            setLabel("  " + label);
        }
    }
}
