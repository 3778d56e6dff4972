package gov.planning.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The parts of {@code ./platform} that talk HTTP and JSON to the running platform. The script stays the one command
 * users type; it runs this jar with the URLs of the ports it started things on.
 */
@Command(name = "platform-cli", mixinStandardHelpOptions = true, subcommands = { ImportCommand.class, LdapFederationCommand.class },
        description = "What ./platform does over HTTP: import a plan document, set up realm planning's LDAP federation.")
public final class PlatformCli {

    public static void main(String[] args) {
        // Chinese titles and organization names on any terminal locale (Java 17 would encode stdout by the locale).
        PrintWriter out = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), true);
        int exitCode = new CommandLine(new PlatformCli()).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }
}
