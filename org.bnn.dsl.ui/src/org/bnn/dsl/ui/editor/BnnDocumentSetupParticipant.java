package org.bnn.dsl.ui.editor;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;

/** Installs the .bnn partitioner on every document of the BNN content type. */
public final class BnnDocumentSetupParticipant implements IDocumentSetupParticipant {

    @Override
    public void setup(IDocument document) {
        if (document instanceof IDocumentExtension3 extension
                && extension.getDocumentPartitioner(BnnPartitions.PARTITIONING) == null) {
            IDocumentPartitioner partitioner = BnnPartitions.createPartitioner();
            extension.setDocumentPartitioner(BnnPartitions.PARTITIONING, partitioner);
            partitioner.connect(document);
        }
    }
}
