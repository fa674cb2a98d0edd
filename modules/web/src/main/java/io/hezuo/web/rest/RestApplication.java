package io.hezuo.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources live under {@code /api}; each module's under {@code /api/v1/<module>}. */
@ApplicationPath("/api")
public class RestApplication extends Application {}
