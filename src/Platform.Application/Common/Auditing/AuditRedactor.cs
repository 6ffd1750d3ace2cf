using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// Turns a command into the JSON stored as an audit row's changes. Properties marked <see cref="SensitiveAttribute"/>,
/// or whose names say password, token or secret, are replaced by "[redacted]"; the idempotency key is left out.
/// </summary>
public static class AuditRedactor
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SensitiveWords = ["password", "token", "secret"];

    /// <summary>Pipeline metadata, not changes: the key and the audit descriptors themselves.</summary>
    private static readonly string[] MetaProperties = ["idempotency_key", "audit_action", "audit_resource_type", "audit_resource_id"];

    public static string Describe(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var node = JsonSerializer.SerializeToNode(command, command.GetType(), ApplicationJson.Options) as JsonObject ?? [];
        foreach (var meta in MetaProperties)
        {
            node.Remove(meta);
        }

        foreach (var property in command.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            if (node.ContainsKey(name) && IsSensitive(property))
            {
                node[name] = Redacted;
            }
        }

        return node.ToJsonString(ApplicationJson.Options);
    }

    private static bool IsSensitive(PropertyInfo property) =>
        property.GetCustomAttribute<SensitiveAttribute>() is not null
        || SensitiveWords.Any(word => property.Name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
