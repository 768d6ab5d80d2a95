package org.bnn.dsl.generator

import com.google.inject.Inject
import org.bnn.dsl.bnn.Experiment
import org.bnn.dsl.bnn.Explore
import org.bnn.dsl.bnn.Mapping
import org.bnn.dsl.bnn.Model
import org.bnn.dsl.bnn.Training
import org.eclipse.emf.ecore.resource.Resource
import org.eclipse.xtext.generator.AbstractGenerator
import org.eclipse.xtext.generator.IFileSystemAccess2
import org.eclipse.xtext.generator.IGeneratorContext

/**
 * Generates one runnable Java class per mapping (simulation), per experiment, per exploration and per training. Mappings the translator cannot turn into
 * a spec (the validator reports why) are skipped.
 */
class BnnGenerator extends AbstractGenerator {

	@Inject MappingSimulationTemplate template
	@Inject ExperimentTemplate experiments
	@Inject TrainingTemplate trainings
	@Inject ExploreTemplate explorations

	override void doGenerate(Resource resource, IFileSystemAccess2 fsa, IGeneratorContext context) {
		val model = resource.contents.head
		if (!(model instanceof Model)) {
			return
		}
		val packageName = JavaNames.packageName((model as Model).name)
		for (mapping : resource.allContents.filter(Mapping).toIterable) {
			write(fsa, packageName, template.className(mapping), template.generate(mapping, packageName, resource.URI.lastSegment ?: ""))
		}
		for (experiment : resource.allContents.filter(Experiment).toIterable) {
			write(fsa, packageName, experiments.className(experiment),
				experiments.generate(experiment, packageName, resource.URI.lastSegment ?: ""))
		}
		for (explore : resource.allContents.filter(Explore).toIterable) {
			write(fsa, packageName, explorations.className(explore),
				explorations.generate(explore, packageName, resource.URI.lastSegment ?: ""))
		}
		for (training : resource.allContents.filter(Training).toIterable) {
			write(fsa, packageName, trainings.className(training), trainings.generate(training, packageName, resource.URI.lastSegment ?: ""))
		}
	}

	/** The generated class's qualified name; {@code packageName} empty is the default package. */
	def static String qualifiedName(String packageName, String className) {
		if (packageName.empty) className else packageName + "." + className
	}

	private def void write(IFileSystemAccess2 fsa, String packageName, String className, String code) {
		if (code !== null) {
			fsa.generateFile(qualifiedName(packageName, className).replace('.', '/') + ".java", ImportOrganizer.organize(code))
		}
	}
}
