package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.xml.bind.annotation.XmlSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** An action binds through the JAXB context of its namespace's package only: the namespace → package mapping. */
class OozieJaxbTest {

    static final java.util.List<String> PACKAGES = OozieJaxb.PACKAGES;

    /** Every generated package is the one its own {@code @XmlSchema} namespace maps to. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("PACKAGES")
    void eachPackageIsTheOneItsNamespaceMapsTo(String pkg) throws ClassNotFoundException {
        Class<?> info = Class.forName("dev.ferry.parser.oozie.xml." + pkg + ".package-info");
        String namespace = info.getAnnotation(XmlSchema.class).namespace();
        assertEquals(pkg, OozieJaxb.packageOf(namespace), namespace);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            value = {
                "uri:oozie:workflow:0.2.5,        workflow.v0_2_5",
                "uri:oozie:shell-action:1.0,      shell.v1_0",
                "uri:oozie:hive2-action:0.1,      hive2.v0_1",
                "uri:oozie:coordinator:0.4,       coordinator.v0_4",
                "uri:oozie:sla:0.2,               sla.v0_2",
                "uri:oozie:custom-action:0.1,     custom.v0_1",
                "uri:oozie:,                      ''",
                "urn:other:workflow:0.5,          ''",
                "'',                              ''",
            })
    void namespaceToPackage(String namespace, String expected) {
        assertEquals(expected, OozieJaxb.packageOf(namespace));
    }
}
