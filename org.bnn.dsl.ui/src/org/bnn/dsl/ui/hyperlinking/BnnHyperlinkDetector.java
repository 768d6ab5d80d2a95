package org.bnn.dsl.ui.hyperlinking;

import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Injector;

/**
 * Ctrl+click on a reference (a tile's device, a chip's tile, a mapping's network, chip or regime,
 * an experiment's mapping) opens its declaration, in this file or another of the project. Reads the
 * reconciler's latest parse only (it runs on the UI thread): while that parse is older than the
 * text, there is no link.
 */
public final class BnnHyperlinkDetector extends AbstractHyperlinkDetector {

    private final BnnDocumentModel model;
    private final Injector injector;

    public BnnHyperlinkDetector(BnnDocumentModel model, Injector injector) {
        this.model = model;
        this.injector = injector;
    }

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        return linksAt(model.current(viewer.getDocument()), region.getOffset());
    }

    /** The link of the reference at {@code offset} in {@code parsed} (null: none), to its declaration. */
    IHyperlink[] linksAt(ParsedDocument parsed, int offset) {
        if (parsed == null || parsed.resource().getParseResult() == null) {
            return null;
        }
        EObject target = injector.getInstance(EObjectAtOffsetHelper.class).resolveCrossReferencedElementAt(parsed.resource(), offset);
        if (target == null || target.eIsProxy() || target.eResource() == null) {
            return null;
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(parsed.resource().getParseResult().getRootNode(), offset);
        ITextRegion name = injector.getInstance(ILocationInFileProvider.class).getSignificantTextRegion(target);
        if (leaf == null || name == null) {
            return null;
        }
        return new IHyperlink[] {new BnnHyperlink(new Region(leaf.getOffset(), leaf.getLength()), target.eResource().getURI(),
                name.getOffset(), name.getLength())};
    }
}
