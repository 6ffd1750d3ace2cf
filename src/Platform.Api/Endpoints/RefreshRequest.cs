using Platform.Domain.Identity;

namespace Platform.Api.Endpoints;

public sealed record RefreshRequest(string? RefreshToken);
