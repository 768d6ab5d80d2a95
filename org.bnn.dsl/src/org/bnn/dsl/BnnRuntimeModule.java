package org.bnn.dsl;

import org.bnn.dsl.conversion.BnnValueConverters;
import org.bnn.dsl.formatting2.BnnFormatter;
import org.bnn.dsl.parser.LineEndingParser;
import org.bnn.dsl.scoping.PackageImportingScopeProvider;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Guice bindings of the language runtime: the one place where a service is swapped. */
public class BnnRuntimeModule extends AbstractBnnRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return BnnValueConverters.class;
    }

    @Override
    public Class<? extends IParser> bindIParser() {
        return LineEndingParser.class;
    }

    public Class<? extends IFormatter2> bindIFormatter2() {
        return BnnFormatter.class;
    }

    @Override
    public void configureIScopeProviderDelegate(Binder binder) {
        binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
                .to(PackageImportingScopeProvider.class);
    }
}
