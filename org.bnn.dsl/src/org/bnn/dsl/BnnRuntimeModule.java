package org.bnn.dsl;

import org.bnn.dsl.conversion.BnnValueConverters;
import org.eclipse.xtext.conversion.IValueConverterService;

/** Guice bindings of the language runtime: the one place where a service is swapped. */
public class BnnRuntimeModule extends AbstractBnnRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return BnnValueConverters.class;
    }
}
