namespace Platform.Api.Endpoints;

public sealed record TokenOnlyRequest(string? Token);
