namespace Platform.Application.Common.Messaging;

/// <summary>Marks a property whose value must never be written to audit rows or logs (passwords, tokens).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SensitiveAttribute : Attribute
{
}
