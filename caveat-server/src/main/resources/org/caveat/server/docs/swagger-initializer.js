// Starts Swagger UI over the service's own OpenAPI document. A file, not an inline script, so the
// page keeps the Content-Security-Policy that forbids inline scripts.
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    persistAuthorization: false,
    validatorUrl: null, // the default asks a validator on another origin
  });
});
