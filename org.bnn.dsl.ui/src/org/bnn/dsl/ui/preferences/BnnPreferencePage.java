package org.bnn.dsl.ui.preferences;

import java.util.Map;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ColorFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window → Preferences → BNN: code minings, colours, and the severity of warnings and hints. */
public final class BnnPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.bnn.dsl.ui.preferences";

    private static final String[][] SEVERITY_CHOICES = {{"As the validator reports it", ""}, {"Warning", BnnPreferences.WARNING},
        {"Info", BnnPreferences.INFO}, {"Ignore", BnnPreferences.IGNORE}};

    public BnnPreferencePage() {
        super(GRID);
        setDescription("The .bnn editor. Errors always stay errors; files that are not open follow at the next build.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(BnnPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(BnnPreferences.CODE_MININGS, "Show tiles, energy and latency as code minings",
                getFieldEditorParent()));
        heading("Colours");
        for (Map.Entry<String, String> colour : BnnPreferences.COLOURS.entrySet()) {
            addField(new ColorFieldEditor(colour.getValue(), colour.getKey(), getFieldEditorParent()));
        }
        heading("Severity of warnings and hints");
        for (Map.Entry<String, String> severity : BnnPreferences.SEVERITIES.entrySet()) {
            addField(new ComboFieldEditor(severity.getValue(), severity.getKey(), SEVERITY_CHOICES, getFieldEditorParent()));
        }
    }

    private void heading(String text) {
        Label label = new Label(getFieldEditorParent(), SWT.NONE);
        label.setText(text);
        label.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    }
}
