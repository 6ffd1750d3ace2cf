namespace Platform.Application.Common.Errors;

/// <summary>
/// The cross-cutting error codes, raised by the pipeline rather than by one feature: validation, authorisation,
/// idempotency and preconditions. Each feature has its own catalogue (<c>IdentityErrorCodes</c>,
/// <c>TicketErrorCodes</c>, <c>StatusErrorCodes</c>, <c>OutboxErrorCodes</c>) and the HTTP layer has
/// <c>ProblemCodes</c>. Every code is listed in docs/errors.md.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation.failed";
    public const string AuthForbidden = "auth.forbidden";
    public const string AuthUnauthorized = "auth.unauthorized";
    public const string IdempotencyKeyReused = "idempotency.key_reused";
    public const string IdempotencyInProgress = "idempotency.in_progress";
    public const string PreconditionFailed = "precondition.failed";
}
