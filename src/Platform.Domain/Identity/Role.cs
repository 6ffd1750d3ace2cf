namespace Platform.Domain.Identity;

/// <summary>The roles a user can hold. Stored and sent as lower-case strings.</summary>
public static class Role
{
    public const string Customer = "customer";
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Customer, Agent, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Agents and admins work tickets; customers only raise them.</summary>
    public static bool IsStaff(IEnumerable<string> roles) => roles.Any(r => r is Agent or Admin);
}
