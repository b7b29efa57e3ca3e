package com.todoapi.testing;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.emulator.Provisioner;
import com.todoapi.local.template.Template;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;

/** The second backend: LocalStack in a container, provisioned from the same template. */
record LocalStackBackend(LocalStackContainer container, LocalAws aws, LocalResources resources)
        implements AwsBackend, ExtensionContext.Store.CloseableResource {
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4");

    static LocalStackBackend start(Template template, LocalConfig config) {
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS);
        container.start();
        URI endpoint = container.getEndpoint();
        LocalAws aws = new LocalAws(endpoint, endpoint);
        return new LocalStackBackend(container, aws, new Provisioner(aws).provision(template, config.parameters()));
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
