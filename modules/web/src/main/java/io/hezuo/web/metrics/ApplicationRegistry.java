package io.hezuo.web.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's metric registry for code that is not a CDI bean (a JAX-RS provider): Payara
 * produces the registry for an injection point only, so {@code CDI.current().select(
 * MetricRegistry.class)} fails; this bean has the injection point.
 */
@ApplicationScoped
public class ApplicationRegistry {

  @Inject MetricRegistry registry;

  public MetricRegistry get() {
    return registry;
  }
}
