namespace Platform.Api.Http;

/// <summary>Security headers on every response, and <c>Cache-Control: private, no-cache</c> on API responses that set none.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }

            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            if (!headers.ContainsKey("Cache-Control") && context.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "private, no-cache";
            }

            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
