using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Platform.Application.Common.Messaging;

namespace Platform.Api.Http;

/// <summary>snake_case JSON, lower-case enum strings, RFC 3339 UTC timestamps with milliseconds, merge-patch optionals.</summary>
internal static class JsonSetup
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new OptionalJsonConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcTimestampConverter());
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(ApplicationJson.SkipAbsentOptionals);
    }

    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw new JsonException("Expected an RFC 3339 timestamp.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
