package io.hezuo.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * All REST resources live under {@code /api}; each module's under {@code /api/v1/<module>}. The
 * OpenAPI description of every endpoint is at {@code /openapi} (operations tagged by module, see
 * {@link OpenApiTags}).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "hezuo — 浙江省科技合作项目管理系统 REST API",
            version = "v1",
            description =
                "What the screens can do, the API can do, under the same checks. A browser session"
                    + " (cookie) or HTTP Basic; errors as application/problem+json (RFC 9457)."))
public class RestApplication extends Application {}
