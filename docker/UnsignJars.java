import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files ({@code META-INF/*.SF|RSA|DSA|EC}) from each jar named on the command line,
 * in place, and prints the name of each jar it changed. Run by build-twin-image.sh with the build's own JDK
 * ({@code java UnsignJars.java JAR...}) on the image's copies of the jars, never on the dist's.
 */
public final class UnsignJars {

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        for (String name : args) {
            Path jar = Path.of(name);
            if (unsign(jar)) {
                System.out.println(jar.getFileName());
            }
        }
    }

    private static boolean unsign(Path jar) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean signed = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                String entry = entries.nextElement().getName();
                if (SIGNATURE.matcher(entry).matches()) {
                    signed = true;
                } else {
                    kept.add(entry);
                }
            }
            if (!signed) {
                return false;
            }
            Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
            try (OutputStream file = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(file)) {
                for (String entry : kept) {
                    ZipEntry source = zip.getEntry(entry);
                    ZipEntry target = new ZipEntry(entry);
                    target.setTime(source.getTime());
                    out.putNextEntry(target);
                    try (InputStream in = zip.getInputStream(source)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }
}
