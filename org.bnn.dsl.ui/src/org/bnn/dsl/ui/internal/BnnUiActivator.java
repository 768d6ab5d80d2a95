package org.bnn.dsl.ui.internal;

import org.bnn.dsl.ide.BnnIdeSetup;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Plugin;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.osgi.framework.BundleContext;

import com.google.inject.Injector;

/**
 * Bundle activator. Owns the one Guice injector of the language inside Eclipse: the language's
 * runtime and generic IDE modules ({@link BnnIdeSetup}) plus the few Eclipse-side bindings of
 * {@link BnnUiModule}.
 */
public final class BnnUiActivator extends Plugin {

    public static final String PLUGIN_ID = "org.bnn.dsl.ui";

    private static BnnUiActivator instance;

    private final Object injectorLock = new Object();
    private volatile Injector injector;
    private IPreferenceStore preferences;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        injector = null;
        super.stop(context);
    }

    public static BnnUiActivator getDefault() {
        return instance;
    }

    /**
     * The language injector, created on first use (it registers the EMF package and the
     * {@code bnn} resource factory, as the standalone setup does).
     */
    public Injector getInjector() {
        Injector result = injector;
        if (result == null) {
            synchronized (injectorLock) {
                result = injector;
                if (result == null) {
                    Log4jToEclipseLog.installIfUnconfigured();
                    Injector language = new BnnIdeSetup().createInjectorAndDoEMFRegistration();
                    result = language.createChildInjector(new BnnUiModule());
                    injector = result;
                }
            }
        }
        return result;
    }

    /** The plugin's preferences (instance scope), e.g. the editor's bracket matching. */
    public synchronized IPreferenceStore getPreferenceStore() {
        if (preferences == null) {
            preferences = new ScopedPreferenceStore(InstanceScope.INSTANCE, PLUGIN_ID);
        }
        return preferences;
    }

    public static void log(String message, Throwable error) {
        ILog.of(BnnUiActivator.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, error));
    }
}
