using System.Buffers;
using System.Text.Json;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// <see cref="AuditRedactor.Redact"/>'s rules applied to serialised JSON in one forward pass, without building a
/// tree: it copies the JSON to a writer with secrets redacted, or, without a writer, only tells whether there is
/// anything to redact. The result is what serialising, redacting the tree and writing it gave (tests compare the
/// two on the same inputs).
/// </summary>
internal static class SecretJson
{
    private const int StackChars = 256;

    /// <summary>True when <paramref name="json"/> holds a value that <see cref="AuditRedactor.Redact"/> would redact.</summary>
    public static bool HoldsSecret(ReadOnlySpan<byte> json) => Copy(json, writer: null, leaveOut: []);

    /// <summary>
    /// Copies <paramref name="json"/> to <paramref name="writer"/> with secrets redacted (unless
    /// <paramref name="redact"/> is false) and the top-level properties named in <paramref name="leaveOut"/> left out;
    /// without a writer it stops at the first secret. True when anything was redacted. Every string is written again
    /// through the writer's encoder, as writing a tree does (a timestamp's <c>+</c> becomes <c>\u002B</c>).
    /// </summary>
    public static bool Copy(ReadOnlySpan<byte> json, Utf8JsonWriter? writer, ReadOnlySpan<string> leaveOut, bool redact = true)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var changed = false;
        Span<char> nameBuffer = stackalloc char[StackChars];
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                // An array item, or the document itself. A string at the top is not redacted (nor was it in the tree).
                changed |= WriteValue(ref reader, writer, scrub: redact && reader.CurrentDepth > 0);
            }
            else
            {
                var nameLength = reader.ValueSpan.Length;
                var rented = nameLength <= StackChars ? null : ArrayPool<char>.Shared.Rent(nameLength);
                var name = rented is null ? nameBuffer[..reader.CopyString(nameBuffer)] : rented.AsSpan(0, reader.CopyString(rented));
                try
                {
                    var topLevel = reader.CurrentDepth == 1;
                    reader.Read();
                    if (topLevel && Contains(leaveOut, name))
                    {
                        reader.Skip();
                        continue;
                    }

                    writer?.WritePropertyName(name);
                    if (redact && reader.TokenType != JsonTokenType.Null && SecretRules.IsSecretName(name))
                    {
                        changed |= !(reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(AuditRedactor.Redacted));
                        reader.Skip();
                        writer?.WriteStringValue(AuditRedactor.Redacted);
                    }
                    else
                    {
                        changed |= WriteValue(ref reader, writer, scrub: redact);
                    }
                }
                finally
                {
                    if (rented is not null)
                    {
                        ArrayPool<char>.Shared.Return(rented);
                    }
                }
            }

            if (changed && writer is null)
            {
                return true;
            }
        }

        writer?.Flush();
        return changed;
    }

    /// <summary>Writes the current token (a value, or the start or end of an object or array). True when it was scrubbed.</summary>
    private static bool WriteValue(ref Utf8JsonReader reader, Utf8JsonWriter? writer, bool scrub)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer?.WriteStartObject();
                return false;
            case JsonTokenType.EndObject:
                writer?.WriteEndObject();
                return false;
            case JsonTokenType.StartArray:
                writer?.WriteStartArray();
                return false;
            case JsonTokenType.EndArray:
                writer?.WriteEndArray();
                return false;
            case JsonTokenType.String:
                return WriteString(ref reader, writer, scrub);
            case JsonTokenType.Null:
                writer?.WriteNullValue();
                return false;
            case JsonTokenType.True:
            case JsonTokenType.False:
                writer?.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                return false;
            default:
                writer?.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                return false;
        }
    }

    private static bool WriteString(ref Utf8JsonReader reader, Utf8JsonWriter? writer, bool scrub)
    {
        // Unescaped UTF-16 is never longer than the UTF-8 it was read from.
        var length = reader.ValueSpan.Length;
        char[]? rented = null;
        var buffer = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var value = buffer[..reader.CopyString(buffer)];
            if (scrub && SecretRules.ContainsSecretValue(value))
            {
                writer?.WriteStringValue(SecretRules.ScrubValue(value.ToString()));
                return true;
            }

            writer?.WriteStringValue(value);
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool Contains(ReadOnlySpan<string> names, ReadOnlySpan<char> name)
    {
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
