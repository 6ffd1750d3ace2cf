namespace Platform.Api.Endpoints;

public sealed record ChangeEmailRequest(string? NewEmail, string? CurrentPassword);
