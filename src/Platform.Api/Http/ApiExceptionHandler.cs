using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity;
using Platform.Domain.Common;

namespace Platform.Api.Http;

/// <summary>
/// The one place exceptions become HTTP responses: application and domain errors map to their status and code,
/// malformed input to 400/413/415, an unreachable database to 503, and anything else to a 500 that reveals nothing.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger, IHostEnvironment environment, IDatabaseErrors databaseErrors) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        switch (exception)
        {
            case RequestValidationException validation:
                await Problems.WriteAsync(httpContext, 400, validation.Code, "Validation failed", validation.Message, validation.Errors);
                return true;
            case TooManyRequestsException tooMany:
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.WriteAsync(httpContext, 429, tooMany.Code, Problems.TitleFor(429), tooMany.Message);
                return true;
            case SecondFactorRequiredException secondFactor:
                // The next step's token travels in the problem itself: the sign-in has no other answer to carry it.
                var factorStatus = StatusFor(secondFactor.Kind);
                await Problems.WriteAsync(
                    httpContext,
                    factorStatus,
                    secondFactor.Code,
                    Problems.TitleFor(factorStatus),
                    secondFactor.Message,
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["mfa_token"] = secondFactor.MfaToken,
                        ["mfa_token_expires_in"] = (int)secondFactor.ExpiresIn.TotalSeconds,
                    });
                return true;
            case AppException app:
                var status = StatusFor(app.Kind);
                await Problems.WriteAsync(httpContext, status, app.Code, Problems.TitleFor(status), app.Message);
                return true;
            case DomainException { Kind: DomainErrorKind.Invalid } invalid:
                var errors = new Dictionary<string, string[]> { [invalid.Field ?? "body"] = [invalid.Message] };
                await Problems.WriteAsync(httpContext, 400, ErrorCodes.ValidationFailed, "Validation failed", invalid.Message, errors);
                return true;
            case DomainException domain:
                var domainStatus = domain.Kind == DomainErrorKind.Forbidden ? 403 : 409;
                await Problems.WriteAsync(httpContext, domainStatus, domain.Code, Problems.TitleFor(domainStatus), domain.Message);
                return true;
            case BadHttpRequestException bad:
                var badStatus = bad.StatusCode is 413 or 415 ? bad.StatusCode : 400;
                var code = badStatus switch
                {
                    413 => ProblemCodes.TooLarge,
                    415 => ProblemCodes.UnsupportedMediaType,
                    _ => ProblemCodes.Malformed,
                };
                await Problems.WriteAsync(httpContext, badStatus, code, Problems.TitleFor(badStatus), BadRequestDetail(badStatus));
                return true;
            case System.Text.Json.JsonException:
                await Problems.WriteAsync(httpContext, 400, ProblemCodes.Malformed, "Bad Request", BadRequestDetail(400));
                return true;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true;
        }

        if (FindPostgresError(exception) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter })
        {
            // Text PostgreSQL cannot store (a NUL character) that slipped past the validators: still the client's input.
            await Problems.WriteAsync(httpContext, 400, ProblemCodes.Malformed, "Bad Request", "The request contains characters that cannot be stored.");
            return true;
        }

        if (databaseErrors.IsUnavailable(exception))
        {
            // One line per request, without the stack trace: an outage is expected, and its start and end are logged
            // once each by the circuit breaker (ADR 0028).
            LogDatabaseUnavailable(httpContext.Request.Method, httpContext.Request.Path.Value, Describe(exception));
            httpContext.Response.Headers.RetryAfter = "5";
            await Problems.WriteAsync(httpContext, 503, ProblemCodes.DependencyUnavailable, "Service Unavailable", "The database is not reachable. Retry shortly.");
            return true;
        }

        LogUnexpected(exception);
        var detail = environment.IsDevelopment() ? exception.ToString() : "An unexpected error occurred. Quote the request_id when you report it.";
        await Problems.WriteAsync(httpContext, 500, ProblemCodes.Internal, "Internal Server Error", detail);
        return true;
    }

    private static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => 400,
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.PreconditionFailed => 412,
        ErrorKind.Unprocessable => 422,
        ErrorKind.TooManyRequests => 429,
        _ => 500,
    };

    private static string BadRequestDetail(int status) => status switch
    {
        413 => "The request body is larger than the server accepts.",
        415 => "Send the body as application/json.",
        _ => "A query value or the body could not be read: check the values' types and that the body is JSON of the documented shape.",
    };

    private static PostgresException? FindPostgresError(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private partial void LogUnexpected(Exception exception);

    /// <summary>The exception's type and message, and its innermost cause's: enough to tell a refused connection from a timeout.</summary>
    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, exception)
            ? $"{exception.GetType().Name}: {exception.Message}"
            : $"{exception.GetType().Name}: {exception.Message} <- {innermost.GetType().Name}: {innermost.Message}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {Method} {Path} answered 503 ({Reason})")]
    private partial void LogDatabaseUnavailable(string method, string? path, string reason);
}
