using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareApi;

/// <summary>Timestamps as Platform writes them: RFC 3339 in UTC with milliseconds (<c>2026-11-21T22:44:45.123Z</c>).</summary>
internal sealed class MillisecondTimestamps : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException("Expected an RFC 3339 timestamp.");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[Format.Length];
        value.ToUniversalTime().TryFormat(text, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }
}
