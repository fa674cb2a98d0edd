package io.hezuo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where Payara Micro's Jakarta Batch runtime keeps its job repository: in the application's own
 * database (not Micro's default in-memory H2, lost at every stop), so that a formal review run
 * resumes from its checkpoint after a restart. Micro needs a server-level pool for it, created by a
 * post-boot command file, and the JDBC driver on its own class path ({@code --addlibs}); see {@code
 * modules/formal-review/BATCH_SPIKE.md}. The file holds the database password: it is written
 * readable by its owner only.
 */
final class BatchRepository {

  /** The driver jar and the command file to give Payara Micro. */
  record Files(Path driver, Path commands) {}

  private BatchRepository() {}

  static Files write(Path data, Path war, String url, String user, String password)
      throws IOException {
    Path dir = data.resolve("payara");
    java.nio.file.Files.createDirectories(dir);
    Path driver = dir.resolve("mysql-connector-j.jar");
    try (ZipFile zip = new ZipFile(war.toFile())) {
      ZipEntry jar =
          zip.stream()
              .filter(e -> e.getName().matches("WEB-INF/lib/mysql-connector-j-.*\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IOException("no MySQL driver in " + war));
      try (InputStream in = zip.getInputStream(jar)) {
        java.nio.file.Files.copy(in, driver, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path commands = dir.resolve("post-boot.asadmin");
    java.nio.file.Files.deleteIfExists(commands);
    java.nio.file.Files.createFile(
        commands,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    java.nio.file.Files.writeString(
        commands, commands(url, user, password), StandardCharsets.UTF_8);
    return new Files(driver, commands);
  }

  /** The asadmin commands: the pool, its JNDI resource and the batch runtime's configuration. */
  static String commands(String url, String user, String password) {
    return "create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource"
        + " --restype javax.sql.DataSource --isolationlevel read-committed --property url="
        + escape(url)
        + ":user="
        + escape(user)
        + ":password="
        + (password == null || password.isEmpty() ? "''" : escape(password))
        + " hezuoBatchPool\n"
        + "create-jdbc-resource --connectionpoolid hezuoBatchPool jdbc/hezuoBatch\n"
        + "set-batch-runtime-configuration --dataSourceLookupName jdbc/hezuoBatch --schemaName "
        + schema(url)
        + "\n";
  }

  /** The database of a JDBC URL ({@code jdbc:mysql://host:port/NAME?…}). */
  static String schema(String url) {
    String rest = url.substring(url.indexOf("//") + 2);
    int slash = rest.indexOf('/');
    String db = slash < 0 ? "" : rest.substring(slash + 1);
    int q = db.indexOf('?');
    return q < 0 ? db : db.substring(0, q);
  }

  /** A property value of an asadmin command: its separators ':' and '=' escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }
}
