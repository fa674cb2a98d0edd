package io.hezuo.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Everything a session holds replicates between the nodes of a cluster ({@code <distributable/>},
 * deploy/cluster.sh): every session and view scoped bean is serializable, and so is every field it
 * keeps (declared type and type arguments), except what is transient or injected (the container
 * passivates injected normal-scoped beans by their proxies; an injected field is never transient,
 * or it would be null on the node the session moved to). One field that cannot be serialized drops
 * the whole view map from the replicated session: the form a user was typing is lost when the node
 * dies.
 */
class SessionStateTest {

  /**
   * Abstract types whose every instance here is serializable. ({@code Object} is let through as
   * well: a rule violation's message arguments are strings, numbers and dates.)
   */
  private static final Set<Class<?>> SERIALIZABLE_AT_RUNTIME =
      Set.of(java.time.Clock.class, Number.class, CharSequence.class);

  @Test
  void everySessionAndViewBeanKeepsOnlySerializableState() throws Exception {
    List<String> problems = new ArrayList<>();
    int beans = 0;
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hezuo")) {
      if (!c.isAnnotatedWith("jakarta.faces.view.ViewScoped")
          && !c.isAnnotatedWith("jakarta.enterprise.context.SessionScoped")) {
        continue;
      }
      beans++;
      Class<?> bean = Class.forName(c.getName());
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getName() + " is not Serializable");
      }
      for (Class<?> k = bean; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          int m = f.getModifiers();
          if (f.isAnnotationPresent(jakarta.inject.Inject.class)) {
            // an injected field must not be transient: after the session moved to another node
            // it would be null (the container does not inject a deserialized bean again); the
            // normal-scoped beans it refers to serialize as their proxies
            if (Modifier.isTransient(m)) {
              problems.add(k.getName() + "." + f.getName() + ": injected and transient");
            }
            continue;
          }
          if (Modifier.isStatic(m) || Modifier.isTransient(m)) {
            continue;
          }
          String why = unserializable(f.getGenericType());
          if (why != null) {
            problems.add(k.getName() + "." + f.getName() + ": " + why);
          }
        }
      }
    }
    assertTrue(beans >= 30, "found only " + beans + " beans");
    assertEquals(List.of(), problems);
  }

  private static final Set<Class<?>> CHECKED = new java.util.HashSet<>();

  /** Why an instance of one of our serializable classes may not serialize (its fields), or null. */
  static String fieldsOf(Class<?> c) {
    if (!CHECKED.add(c)) {
      return null;
    }
    // our classes' fields (a library's superclass answers for its own)
    for (Class<?> k = c; k != null && k.getName().startsWith("io.hezuo."); k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m)
            || Modifier.isTransient(m)
            || f.isAnnotationPresent(jakarta.inject.Inject.class)) {
          continue;
        }
        String why = unserializable(f.getGenericType());
        if (why != null) {
          return why + " (field " + k.getSimpleName() + "." + f.getName() + ")";
        }
      }
    }
    return null;
  }

  /** Why a value of this declared type may not serialize, or null. */
  static String unserializable(Type t) {
    if (t instanceof Class<?> c) {
      if (c.isPrimitive()
          || c.isEnum()
          || c == Object.class
          || SERIALIZABLE_AT_RUNTIME.contains(c)) {
        return null;
      }
      if (c.isArray()) {
        return unserializable(c.getComponentType());
      }
      if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
        // the collections of java.util are serializable: what they hold decides
        return c.getName().startsWith("java.util.") ? null : c.getName() + " is no java.util type";
      }
      if (!Serializable.class.isAssignableFrom(c)) {
        return c.getName() + " is not Serializable";
      }
      // our own types: what they keep must serialize too
      return c.getName().startsWith("io.hezuo.") ? fieldsOf(c) : null;
    }
    if (t instanceof ParameterizedType p) {
      String raw = unserializable(p.getRawType());
      if (raw != null) {
        return raw;
      }
      for (Type a : p.getActualTypeArguments()) {
        String why = unserializable(a);
        if (why != null) {
          return why + " (in " + p.getTypeName() + ")";
        }
      }
      return null;
    }
    if (t instanceof WildcardType w) {
      return w.getUpperBounds().length == 1 ? unserializable(w.getUpperBounds()[0]) : null;
    }
    return null;
  }
}
