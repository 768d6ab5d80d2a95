package org.bnn.dsl.ui.rename;

import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The Rename dialog: the new name, then Preview (every changed file) or OK. */
final class BnnRenameWizard extends RefactoringWizard {

    BnnRenameWizard(BnnRenameRefactoring refactoring) {
        super(refactoring, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
        setDefaultPageTitle(refactoring.getName());
    }

    @Override
    protected void addUserInputPages() {
        addPage(new NamePage((BnnRenameRefactoring) getRefactoring()));
    }

    /** The page with the new name, the old one selected. */
    private static final class NamePage extends UserInputWizardPage {

        private final BnnRenameRefactoring refactoring;

        NamePage(BnnRenameRefactoring refactoring) {
            super("NewName");
            this.refactoring = refactoring;
        }

        @Override
        public void createControl(Composite parent) {
            Composite composite = new Composite(parent, SWT.NONE);
            composite.setLayout(new GridLayout(2, false));
            new Label(composite, SWT.NONE).setText("New name:");
            Text name = new Text(composite, SWT.BORDER);
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            name.setText(refactoring.oldName());
            name.selectAll();
            name.addModifyListener(e -> {
                refactoring.setNewName(name.getText());
                setPageComplete(!name.getText().isBlank() && !name.getText().equals(refactoring.oldName()));
            });
            setPageComplete(false);
            setControl(composite);
            name.setFocus();
        }
    }
}
