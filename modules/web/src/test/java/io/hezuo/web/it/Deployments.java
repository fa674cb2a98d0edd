package io.hezuo.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR as built by this module, for Arquillian to deploy on Payara Micro, plus the test clock.
 */
final class Deployments {

  private Deployments() {}

  static WebArchive war() {
    File war = new File(System.getProperty("hezuo.war", "target/hezuo.war"));
    return ShrinkWrap.create(ZipImporter.class, "hezuo.war")
        .importFrom(war)
        .as(WebArchive.class)
        // test-only: a clock the tests can set (deadlines) and a session timeout they can shorten,
        // never in the production WAR
        .addClasses(
            io.hezuo.web.it.support.TestClock.class,
            io.hezuo.web.it.support.TestClockResource.class,
            io.hezuo.web.it.support.TestSessionResource.class,
            io.hezuo.web.it.support.TestSessionCheckResource.class);
  }
}
