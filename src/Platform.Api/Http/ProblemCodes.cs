namespace Platform.Api.Http;

/// <summary>Error codes raised by the HTTP layer itself. All codes are listed in docs/errors.md.</summary>
internal static class ProblemCodes
{
    public const string Malformed = "request.malformed";
    public const string TooLarge = "request.too_large";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string NotFound = "route.not_found";
    public const string MethodNotAllowed = "route.method_not_allowed";
    public const string Unauthorized = "auth.unauthorized";
    public const string Forbidden = "auth.forbidden";
    public const string RateLimited = "rate_limit.exceeded";
    public const string DependencyUnavailable = "dependency.unavailable";
    public const string Internal = "internal_error";
}
