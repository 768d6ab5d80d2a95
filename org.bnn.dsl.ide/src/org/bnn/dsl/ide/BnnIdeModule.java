package org.bnn.dsl.ide;

import org.bnn.dsl.ide.quickfix.BnnIdeQuickfixProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;

/** Guice bindings of the UI-neutral IDE services (language server, Eclipse plugin). */
public class BnnIdeModule extends AbstractBnnIdeModule {

    public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
        return BnnIdeQuickfixProvider.class;
    }

    /** Offers the quick fixes as LSP code actions. */
    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return QuickFixCodeActionService.class;
    }
}
