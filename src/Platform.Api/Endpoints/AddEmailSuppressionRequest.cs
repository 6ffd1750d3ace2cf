namespace Platform.Api.Endpoints;

public sealed record AddEmailSuppressionRequest(string? Email, string? Note);
