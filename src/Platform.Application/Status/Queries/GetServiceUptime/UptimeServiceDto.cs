namespace Platform.Application.Status.Queries.GetServiceUptime;

public sealed record UptimeServiceDto(Guid Id, string Slug, string Name);
