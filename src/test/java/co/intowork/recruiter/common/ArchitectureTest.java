package co.intowork.recruiter.common;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering the brief writes down, checked on the compiled classes (issue 17; decision 0017): MVVM without
 * scene-graph types below the views, no package cycles, common depending on no feature, errors worded at the edge,
 * and a product that does not depend on the developer tools the installer leaves out.
 */
class ArchitectureTest {
    private static final String ROOT = "co.intowork.recruiter";
    private static final String[] FEATURES = {ROOT + ".app..", ROOT + ".auth..", ROOT + ".board..",
            ROOT + ".notifications..", ROOT + ".pipeline..", ROOT + ".review..", ROOT + ".seed..",
            ROOT + ".settings..", ROOT + ".stats..", ROOT + ".sync.."};
    /** Left out of the installer's jar (pom.xml, installer profile): nothing else may need them. */
    private static final String[] DEVELOPER_TOOLS = {ROOT + ".app.bench..", ROOT + ".seed.large.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /**
     * Services, mappers, their exceptions and the data layer: the layers below the ViewModels. In sync, every class
     * but the view, its ViewModel and the enums whose display names are UI words (OperationKind).
     */
    private static final DescribedPredicate<JavaClass> BELOW_THE_EDGE = DescribedPredicate.describe(
            "services, mappers, exceptions, the sync parts and the data layer",
            c -> !c.getPackageName().startsWith(ROOT + ".app.bench")
                    && (c.getSimpleName().endsWith("Service") || c.getSimpleName().endsWith("Mapper")
                    || c.getSimpleName().endsWith("Exception")
                    || c.getPackageName().startsWith(ROOT + ".common.db")
                    || c.getPackageName().startsWith(ROOT + ".common.text")
                    || (c.getPackageName().equals(ROOT + ".sync") && !c.isEnum()
                    && !c.getName().startsWith(ROOT + ".sync.SyncView"))));

    @Test
    void viewModelsAndServicesUseNoSceneGraphTypes() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Mapper")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("the brief's MVVM: ViewModels expose properties, only views know the scene graph");
        rule.check(classes);
    }

    @Test
    void servicesAndTheDataLayerKnowNothingOfJavaFx() {
        noClasses().that(BELOW_THE_EDGE).should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("services and mappers know nothing of JavaFX (the brief)").check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        // every package is its own slice, so app <-> app.bench counts as a cycle too
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".common..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURES).check(classes);
    }

    @Test
    void errorsAreWordedAtTheEdgeOnly() {
        noClasses().that(BELOW_THE_EDGE).should().dependOnClassesThat().resideInAPackage(ROOT + ".common.ui..")
                .because("they name a sentence (common.text.Sentence); a ViewModel, view or command words it")
                .check(classes);
    }

    @Test
    void theProductDoesNotNeedTheDeveloperTools() {
        noClasses().that().resideOutsideOfPackages(DEVELOPER_TOOLS).should().dependOnClassesThat()
                .resideInAnyPackage(DEVELOPER_TOOLS)
                .because("the installer leaves them out; they register through app.DeveloperTools").check(classes);
    }
}
