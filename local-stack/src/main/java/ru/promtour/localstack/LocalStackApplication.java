package ru.promtour.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar local-stack-exec.jar}: reads the environment (see {@link LocalStackConfig#fromEnv}),
 * starts the {@link LocalStack}, stops it on Ctrl-C or TERM, and exits with status 1 when something
 * cannot start (a port in use, a locked data file), with the reason on one line.
 */
public final class LocalStackApplication {

    /**
     * The logging configuration of the stack's own JVM. It is not called {@code logback.xml} because
     * the plain jar is on the test classpath of every service (through platform-test), where a
     * {@code logback.xml} would take over their logging.
     */
    static final String LOGBACK_CONFIG = "ru/promtour/localstack/local-stack-logback.xml";

    private LocalStackApplication() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG); // before the first logger exists
        }
        Logger log = LoggerFactory.getLogger(LocalStackApplication.class);
        LocalStack stack;
        try {
            stack = new LocalStack(LocalStackConfig.fromEnv(System.getenv()));
            log.info("Starting the local stack, data in {}", stack.config().dataDir());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("Stopping the local stack");
                stack.close();
                log.info("Local stack stopped");
            }, "local-stack-stop"));
            stack.start();
        }
        catch (RuntimeException ex) {
            log.error("Local stack failed to start: {}", ex.getMessage());
            log.debug("Startup failure", ex);
            System.exit(1);
        }
    }
}
