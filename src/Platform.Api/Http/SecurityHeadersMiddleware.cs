namespace Platform.Api.Http;

/// <summary>
/// Security headers on every response; <c>Cache-Control: no-store</c> on every response of a route that sends tokens
/// (<see cref="NoStoreMetadata"/>), and <c>private, no-cache</c> on other API responses that set none.
/// </summary>
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

            // A refusal is written by the exception handler, which clears the endpoint; the feature keeps it.
            var endpoint = context.GetEndpoint() ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint;
            if (endpoint?.Metadata.GetMetadata<NoStoreMetadata>() is not null)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            else if (!headers.ContainsKey("Cache-Control") && context.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "private, no-cache";
            }

            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
