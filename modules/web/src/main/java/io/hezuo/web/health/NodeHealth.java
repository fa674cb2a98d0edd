package io.hezuo.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which node answered and how many members its cluster has (Payara's Hazelcast); always up, shown
 * beside the database at {@code /health/ready}: {@code deploy/cluster.sh status} reads it. A server
 * started without clustering (the tests, {@code deploy/run.sh}) has no members.
 */
@Readiness
@ApplicationScoped
public class NodeHealth implements HealthCheck {

  static final String NODE = nodeName();

  /** This node's name: HEZUO_NODE_NAME, or the host's name. */
  public static String name() {
    return NODE;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("node")
        .up()
        .withData("name", NODE)
        .withData("clusterMembers", clusterMembers())
        .build();
  }

  /** The members of Payara's data grid, or 0 when there is none (clustering disabled). */
  static long clusterMembers() {
    try {
      Object hz = new InitialContext().lookup("payara/Hazelcast");
      ClassLoader loader = hz.getClass().getClassLoader();
      Class<?> instance = Class.forName("com.hazelcast.core.HazelcastInstance", false, loader);
      Object cluster = instance.getMethod("getCluster").invoke(hz);
      Class<?> clusterType = Class.forName("com.hazelcast.cluster.Cluster", false, loader);
      return ((Collection<?>) clusterType.getMethod("getMembers").invoke(cluster)).size();
    } catch (NamingException | ReflectiveOperationException | RuntimeException | LinkageError e) {
      return 0;
    }
  }

  static String nodeName() {
    String name = System.getenv("HEZUO_NODE_NAME");
    if (name != null && !name.isBlank()) {
      return name.trim();
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "node";
    }
  }
}
