namespace Platform.Api.Endpoints;

public sealed record CreateMonitoredServiceRequest(string? Slug, string? Name, string? Description, string? Group, int? DisplayOrder);
