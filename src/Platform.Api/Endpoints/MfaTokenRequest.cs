namespace Platform.Api.Endpoints;

/// <summary>The optional body of <c>POST /auth/mfa/totp</c>: an enrolment <c>mfa_token</c>, for an account without a session.</summary>
public sealed record MfaTokenRequest(string? MfaToken);
