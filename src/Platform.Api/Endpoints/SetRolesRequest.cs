namespace Platform.Api.Endpoints;

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
