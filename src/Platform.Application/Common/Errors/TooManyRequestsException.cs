namespace Platform.Application.Common.Errors;

/// <summary>The caller must wait before trying again; the API answers 429 with <c>Retry-After</c>.</summary>
public sealed class TooManyRequestsException(string code, string message, TimeSpan retryAfter) : AppException(ErrorKind.TooManyRequests, code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
