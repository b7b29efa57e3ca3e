package com.todoapi.local.lambda;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The jars of AWS's runtime interface client, which Lambda's managed runtime provides outside
 * the function package; found where this process loaded them from.
 */
final class RuntimeInterfaceClient {
    private static final String[] CLASSES = {
            FunctionProcess.RUNTIME_MAIN,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
            "software.amazon.awssdk.annotations.SdkInternalApi",
    };

    private RuntimeInterfaceClient() {
    }

    static String classpath() {
        Set<String> jars = new LinkedHashSet<>();
        for (String name : CLASSES) {
            try {
                Class<?> type = Class.forName(name, false, RuntimeInterfaceClient.class.getClassLoader());
                jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("The runtime interface client is incomplete: " + name + " is missing", e);
            }
        }
        return String.join(File.pathSeparator, jars);
    }
}
