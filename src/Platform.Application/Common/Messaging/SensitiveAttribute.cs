namespace Platform.Application.Common.Messaging;

/// <summary>
/// Marks a member whose value is a secret (a password, a token, a signing secret).
/// <list type="bullet">
/// <item>On a request, or anything written to an audit row: the value is written as "[redacted]".</item>
/// <item>On a response, at any depth: an idempotent command's stored response is encrypted, never kept in plain
/// text (see <c>Common/Idempotency/StoredResponse.cs</c>).</item>
/// </list>
/// Put it on the property (<c>[property: Sensitive]</c> on a record parameter); on the parameter alone it works too.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SensitiveAttribute : Attribute
{
}
