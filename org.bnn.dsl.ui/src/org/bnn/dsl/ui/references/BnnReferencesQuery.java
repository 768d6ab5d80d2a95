package org.bnn.dsl.ui.references;

import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.ISearchResult;
import org.eclipse.search.ui.text.Match;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.findReferences.ReferenceAcceptor;
import org.eclipse.xtext.findReferences.TargetURICollector;
import org.eclipse.xtext.findReferences.TargetURIs;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceSetBasedResourceDescriptions;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Injector;

/**
 * The references to one element in the .bnn files of its project: Xtext's reference finder (the
 * one behind the language server's references) over the editor's parse, whose resource set holds
 * every file of the project. Shown in the Search view.
 */
public final class BnnReferencesQuery implements ISearchQuery {

    private final ParsedDocument parsed;
    private final EObject target;
    private final String name;
    private final Injector injector;
    private final BnnReferencesResult result = new BnnReferencesResult(this);

    BnnReferencesQuery(ParsedDocument parsed, EObject target, String name, Injector injector) {
        this.parsed = parsed;
        this.target = target;
        this.name = name;
        this.injector = injector;
    }

    @Override
    public IStatus run(IProgressMonitor monitor) {
        result.removeAll();
        ResourceSet resources = parsed.resource().getResourceSet();
        TargetURIs targets = injector.getInstance(TargetURIs.class);
        injector.getInstance(TargetURICollector.class).add(target, targets);
        ResourceSetBasedResourceDescriptions index = injector.getInstance(ResourceSetBasedResourceDescriptions.class);
        index.setContext(resources);
        IReferenceFinder.IResourceAccess access = new IReferenceFinder.IResourceAccess() {
            @Override
            public <R> R readOnly(URI uri, org.eclipse.xtext.util.concurrent.IUnitOfWork<R, ResourceSet> work) {
                try {
                    return work.exec(resources);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ILocationInFileProvider locations = injector.getInstance(ILocationInFileProvider.class);
        injector.getInstance(IReferenceFinder.class).findAllReferences(targets, access, index,
                new ReferenceAcceptor(injector.getInstance(IResourceServiceProvider.Registry.class),
                        reference -> add(reference, locations)),
                monitor);
        return Status.OK_STATUS;
    }

    private void add(IReferenceDescription reference, ILocationInFileProvider locations) {
        URI source = reference.getSourceEObjectUri();
        EObject owner = parsed.resource().getResourceSet().getEObject(source, false);
        if (owner == null || !source.isPlatformResource()) {
            return;
        }
        ITextRegion region = locations.getSignificantTextRegion(owner, reference.getEReference(), reference.getIndexInList());
        IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(source.trimFragment().toPlatformString(true)));
        result.addMatch(new Match(file, region.getOffset(), region.getLength()));
    }

    @Override
    public String getLabel() {
        return "References to " + name;
    }

    @Override
    public boolean canRerun() {
        return false;
    }

    @Override
    public boolean canRunInBackground() {
        return true;
    }

    @Override
    public ISearchResult getSearchResult() {
        return result;
    }
}
