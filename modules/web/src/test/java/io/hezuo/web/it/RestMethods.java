package io.hezuo.web.it;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Every JAX-RS resource method of the WAR, found by reading the WAR's own classes and module jars
 * and their annotations: the tests that must cover every endpoint (CSRF, access declarations,
 * headers, OpenAPI) enumerate them here, so an endpoint added later is covered without anyone
 * remembering.
 */
final class RestMethods {

  /** One method: HTTP method, path ({@code /api/v1/call/calls/{id}}) and the Java method. */
  record RestMethod(String http, String path, Method method) {
    @Override
    public String toString() {
      return http + " " + path + " (" + method.getDeclaringClass().getSimpleName() + ")";
    }

    /** The path relative to the base URL with every template variable replaced by {@code id}. */
    String concrete(String id) {
      return path.substring(1).replaceAll("\\{[^}]+}", id);
    }
  }

  private RestMethods() {}

  static List<RestMethod> ofTheWar() throws Exception {
    File war = new File(System.getProperty("hezuo.war", "target/hezuo.war"));
    List<String> classes = new ArrayList<>();
    try (ZipFile zip = new ZipFile(war)) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        String name = e.getName();
        if (name.startsWith("WEB-INF/classes/io/hezuo/") && name.endsWith(".class")) {
          classes.add(name.substring("WEB-INF/classes/".length()));
        } else if (name.matches("WEB-INF/lib/hezuo-[^/]+\\.jar")) {
          try (ZipInputStream jar =
              new ZipInputStream(new ByteArrayInputStream(zip.getInputStream(e).readAllBytes()))) {
            for (ZipEntry c = jar.getNextEntry(); c != null; c = jar.getNextEntry()) {
              if (c.getName().startsWith("io/hezuo/") && c.getName().endsWith(".class")) {
                classes.add(c.getName());
              }
            }
          }
        }
      }
    }
    List<RestMethod> found = new ArrayList<>();
    ClassLoader loader = RestMethods.class.getClassLoader();
    for (String file : classes) {
      Class<?> type =
          Class.forName(file.replace('/', '.').replaceAll("\\.class$", ""), false, loader);
      Path root = type.getAnnotation(Path.class);
      if (root == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        continue;
      }
      for (Method m : type.getMethods()) {
        String http = httpMethod(m);
        if (http != null) {
          found.add(new RestMethod(http, path(root, m.getAnnotation(Path.class)), m));
        }
      }
    }
    return found;
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
      if (h != null) {
        return h.value();
      }
    }
    return null;
  }

  private static String path(Path root, Path method) {
    StringBuilder b = new StringBuilder("/api");
    for (Path p : new Path[] {root, method}) {
      if (p != null) {
        String v = p.value().replaceAll("^/+|/+$", "");
        if (!v.isEmpty()) {
          b.append('/').append(v);
        }
      }
    }
    // {id: \d+} is {id}
    return b.toString().replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
  }
}
