namespace Platform.Application.Common.Security;

/// <summary>The request may be sent without a signed-in user (registration, sign-in, system jobs).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousRequestAttribute : Attribute
{
}
