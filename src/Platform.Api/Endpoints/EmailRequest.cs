namespace Platform.Api.Endpoints;

/// <summary>The body of the requests that name an address only: resend verification, forgot password.</summary>
public sealed record EmailRequest(string? Email);
