package com.ai2aim.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(RxApplication.class);
    private static final Path DOCS = Path.of("target", "spring-modulith-docs");

    @Test
    void detectsTheModulesThePackagesDeclare() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("platform", "identity", "audit");
    }

    @Test
    void modulesHaveNoCyclesAndReachOnlyIntoAllowedPublicApis() {
        MODULES.verify();
    }

    @Test
    void writesModuleDiagramsAndCanvases() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        for (ApplicationModule module : MODULES) {
            String id = module.getIdentifier().toString();
            assertThat(DOCS.resolve("module-" + id + ".puml")).as(id).isNotEmptyFile();
            assertThat(DOCS.resolve("module-" + id + ".adoc")).as(id).isNotEmptyFile();
        }
        try (var files = Files.list(DOCS)) {
            assertThat(files.count()).isGreaterThanOrEqualTo(1 + 2L * MODULES.stream().count());
        }
    }
}
