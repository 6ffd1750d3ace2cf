namespace Platform.Application.Common.Errors;

/// <summary>Error codes raised by the application layer. Every code is listed in docs/errors.md.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation.failed";
    public const string AuthForbidden = "auth.forbidden";
    public const string AuthUnauthorized = "auth.unauthorized";
    public const string AuthInvalidCredentials = "auth.invalid_credentials";
    public const string AuthInvalidRefreshToken = "auth.invalid_refresh_token";
    public const string AuthEmailTaken = "auth.email_taken";
    public const string AuthRefreshTokenReused = "auth.refresh_token_reused";
    public const string AuthSessionRevoked = "auth.session_revoked";
    public const string AuthAccountDisabled = "auth.account_disabled";
    public const string AuthLoginBackoff = "auth.login_backoff";
    public const string AuthCsrfRequired = "auth.csrf_required";
    public const string SessionsNotFound = "sessions.not_found";
    public const string UsersCannotDisableSelf = "users.cannot_disable_self";
    public const string UsersNotFound = "users.not_found";
    public const string UsersLastAdmin = "users.last_admin";
    public const string TicketsNotFound = "tickets.not_found";
    public const string TicketCommentNotFound = "tickets.comment_not_found";
    public const string IdempotencyKeyReused = "idempotency.key_reused";
    public const string IdempotencyInProgress = "idempotency.in_progress";
    public const string PreconditionFailed = "precondition.failed";
}
