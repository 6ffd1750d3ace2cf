namespace Platform.Application.Common.Security;

/// <summary>The request needs the caller to hold at least one of these roles; otherwise 403 <c>auth.forbidden</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
