using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// Turns a command, or the details of an event, into the JSON stored as an audit row's changes. Every audit row goes
/// through here, because <see cref="AuditEntry.Record"/> is the only way to build one. At every depth (nested objects,
/// lists, dictionaries):
/// <list type="bullet">
/// <item>members marked <see cref="SensitiveAttribute"/>, or with a secret C# name, are written as "[redacted]"
/// (their value is never read; see <see cref="SensitiveMembers.IsSecret"/>);</item>
/// <item>values whose JSON name is a secret name (<see cref="SecretRules.IsSecretName"/>) become "[redacted]";</item>
/// <item>parts of strings that look like credentials (<see cref="SecretRules.ScrubValue"/>) become "[redacted]".</item>
/// </list>
/// Null stays null: it says only that there was no value. Pipeline metadata (the idempotency key, the audit
/// descriptors) is left out.
/// </summary>
public static class AuditRedactor
{
    public const string Redacted = "[redacted]";

    /// <summary>Pipeline metadata, not changes: the key and the audit descriptors themselves.</summary>
    private static readonly string[] MetaProperties = ["idempotency_key", "audit_action", "audit_resource_type", "audit_resource_id"];

    /// <summary>The application's JSON settings, plus: secret members are written redacted.</summary>
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Describe(object changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var scratch = JsonScratch.Rent();
        try
        {
            // Serialised (secret members already written redacted), then copied once with the name and value rules
            // applied and the metadata left out: the same JSON as redacting the tree (Redact), without building one.
            JsonSerializer.Serialize(scratch.FirstWriter, changes, changes.GetType(), Options);
            var json = scratch.First.WrittenSpan;
            if (json.IsEmpty || json[0] != (byte)'{')
            {
                throw new ArgumentException($"Audit changes must be an object with named values, not {changes.GetType().Name}.", nameof(changes));
            }

            SecretJson.Copy(json, scratch.SecondWriter, MetaProperties);
            return Encoding.UTF8.GetString(scratch.Second.WrittenSpan);
        }
        finally
        {
            JsonScratch.Return(scratch);
        }
    }

    /// <summary>Applies the name and value rules to a JSON tree in place. True when anything was redacted.</summary>
    public static bool Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var changed = false;
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is { } secret && SecretRules.IsSecretName(name))
                    {
                        changed |= !IsRedacted(secret);
                        obj[name] = Redacted;
                    }
                    else if (Scrubbed(obj[name]) is { } scrubbed)
                    {
                        obj[name] = scrubbed;
                        changed = true;
                    }
                    else
                    {
                        changed |= Redact(obj[name]);
                    }
                }

                return changed;
            case JsonArray array:
                var any = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (Scrubbed(array[i]) is { } scrubbed)
                    {
                        array[i] = scrubbed;
                        any = true;
                    }
                    else
                    {
                        any |= Redact(array[i]);
                    }
                }

                return any;
            default:
                return false;
        }
    }

    private static bool IsRedacted(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == Redacted;

    /// <summary>The string with its credential-shaped parts redacted, or null when it is not a string or has none.</summary>
    private static string? Scrubbed(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>();
        return SecretRules.ContainsSecretValue(text) ? SecretRules.ScrubValue(text) : null;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ApplicationJson.Options)
        {
            TypeInfoResolver = ApplicationJson.Options.TypeInfoResolver!.WithAddedModifier(RedactSecretMembers),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void RedactSecretMembers(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties.Where(SensitiveMembers.IsSecret))
        {
            property.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(RedactedConverter<>).MakeGenericType(property.PropertyType))!;
        }
    }

    /// <summary>Writes "[redacted]" for any value, null (or a present null optional) as null. Audit JSON is never read back.</summary>
    private sealed class RedactedConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Redacted audit values cannot be read back.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is null or IOptional { BoxedValue: null })
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(Redacted);
            }
        }
    }
}
