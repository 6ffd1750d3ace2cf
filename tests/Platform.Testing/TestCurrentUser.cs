using Platform.Application.Common.Interfaces;

namespace Platform.Testing;

/// <summary>A user to act as in application tests; <paramref name="SessionId"/> plays the access token's <c>sid</c> claim.</summary>
public sealed record TestUser(Guid Id, string Email, IReadOnlyCollection<string> Roles, string? Ip = "203.0.113.10", Guid? SessionId = null);

/// <summary>The current user of one scope: set per send, so no test shares it with another.</summary>
public sealed class TestCurrentUser : ICurrentUser, IRequestContext
{
    public TestUser? User { get; set; }

    public string? Ip { get; set; } = "203.0.113.10";

    public Guid? UserId => User?.Id;

    public Guid? SessionId => User?.SessionId;

    public IReadOnlyCollection<string> Roles => User?.Roles ?? [];

    public string? ClientIp => User?.Ip ?? Ip;

    public string? RequestId { get; set; } = Guid.NewGuid().ToString("N");

    public string? TraceId { get; set; } = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
}
