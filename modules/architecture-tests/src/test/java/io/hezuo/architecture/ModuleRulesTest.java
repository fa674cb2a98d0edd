package io.hezuo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md, over the compiled classes of every module. */
class ModuleRulesTest {

  /** The pipeline, upstream first; a module may depend only on modules before it. */
  static final List<String> PIPELINE =
      List.of(
          "kernel",
          "directory",
          "call",
          "submission",
          "recommendation",
          "formalreview",
          "scoring",
          "contract",
          "web");

  /** The only classes outside another module's api that {@code web} may use. */
  static final Set<String> WEB_MAY_USE =
      Set.of(
          "io.hezuo.directory.service.LoginAttempts",
          "io.hezuo.directory.service.DeviceTokens",
          // the home pages: the PI's own applications and the window of the PI's unit
          "io.hezuo.submission.service.ApplicationSearch");

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hezuo");
  }

  static String module(JavaClass c) {
    String[] p = c.getPackageName().split("\\.");
    return p.length > 2 ? p[2] : "";
  }

  static String layer(JavaClass c) {
    String[] p = c.getPackageName().split("\\.");
    return p.length > 3 ? p[3] : "";
  }

  @Test
  void theImportWorked() {
    for (String m : List.of("kernel", "directory", "web")) {
      if (classes.stream().noneMatch(c -> module(c).equals(m))) {
        throw new AssertionError("no classes of module " + m + " were imported");
      }
    }
  }

  @Test
  void modulesUseEachOtherOnlyThroughApiOrKernel() {
    ArchCondition<JavaClass> onlyApi =
        new ArchCondition<>("use other modules only through their api package (kernel freely)") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            String own = module(c);
            c.getDirectDependenciesFromSelf()
                .forEach(
                    d -> {
                      JavaClass t = d.getTargetClass();
                      if (!t.getPackageName().startsWith("io.hezuo.")) {
                        return;
                      }
                      String other = module(t);
                      if (other.equals(own) || other.equals("kernel") || own.equals("launcher")) {
                        return;
                      }
                      // web assembles the WAR: besides other modules' api it uses exactly the
                      // services that plug into the container's sign-in (login attempts and
                      // device cookies), never another service, domain, web or rest class.
                      boolean webUsingService =
                          own.equals("web") && WEB_MAY_USE.contains(t.getName().split("\\$")[0]);
                      if (!layer(t).equals("api") && !webUsingService) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                      }
                    });
          }
        };
    classes().should(onlyApi).allowEmptyShould(true).check(classes);
  }

  @Test
  void dependenciesRunOneWayAlongThePipeline() {
    ArchCondition<JavaClass> downstreamOnly =
        new ArchCondition<>("depend only on modules upstream in the pipeline") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            int own = PIPELINE.indexOf(module(c));
            if (own < 0) {
              return;
            }
            c.getDirectDependenciesFromSelf()
                .forEach(
                    d -> {
                      int other = PIPELINE.indexOf(module(d.getTargetClass()));
                      if (other > own) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                      }
                    });
          }
        };
    classes().should(downstreamOnly).check(classes);
  }

  @Test
  void domainKnowsNothingOfFacesRestOrCdi() {
    noClasses()
        .that()
        .resideInAPackage("io.hezuo..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.faces..",
            "jakarta.ws.rs..",
            "jakarta.enterprise..",
            "jakarta.inject..",
            "jakarta.servlet..",
            "org.primefaces..",
            "org.omnifaces..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void entitiesDoNotReferenceOtherModulesEntities() {
    ArchCondition<JavaClass> ownEntitiesOnly =
        new ArchCondition<>("reference only entities of their own module") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            c.getDirectDependenciesFromSelf()
                .forEach(
                    d -> {
                      JavaClass t = d.getTargetClass();
                      if (t.isAnnotatedWith(jakarta.persistence.Entity.class)
                          && !module(t).equals(module(c))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                      }
                    });
          }
        };
    classes()
        .that()
        .areAnnotatedWith(jakarta.persistence.Entity.class)
        .should(ownEntitiesOnly)
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * The layers inside a module: which layers each may not use, in its own module (and, for {@code
   * domain}, in any module). Framework dependencies of {@code domain} are the rule above.
   */
  static final Map<String, Set<String>> LAYER_MAY_NOT_USE =
      Map.of(
          "domain", Set.of("service", "web", "rest"),
          "api", Set.of("service", "web", "rest"),
          "service", Set.of("web", "rest"),
          "rest", Set.of("web"),
          "web", Set.of("rest"));

  @Test
  void layersInsideAModuleRunOneWay() {
    ArchCondition<JavaClass> layered =
        new ArchCondition<>(
            "not use the layers they sit above (domain: service, web, rest; service: web, rest;"
                + " rest and web: each other)") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            Set<String> forbidden = LAYER_MAY_NOT_USE.get(layer(c));
            if (forbidden == null || module(c).equals("kernel") || module(c).equals("web")) {
              return;
            }
            c.getDirectDependenciesFromSelf()
                .forEach(
                    d -> {
                      JavaClass t = d.getTargetClass();
                      if (!t.getPackageName().startsWith("io.hezuo.")
                          || module(t).equals("kernel")) {
                        return;
                      }
                      boolean sameModule = module(t).equals(module(c));
                      boolean anyModule = layer(c).equals("domain") || layer(c).equals("api");
                      if ((sameModule || anyModule) && forbidden.contains(layer(t))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                      }
                    });
          }
        };
    classes().should(layered).check(classes);
  }

  @Test
  void domainUsesNoContainerPersistenceContextOrTransactions() {
    noClasses()
        .that()
        .resideInAPackage("io.hezuo..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.transaction..", "jakarta.ejb..", "jakarta.json.bind..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
