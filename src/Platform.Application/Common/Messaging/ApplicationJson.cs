using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Application.Common.Messaging;

/// <summary>
/// The one JSON settings set: the HTTP API (through <c>JsonSetup</c>), outbox payloads, request fingerprints, audit
/// changes and stored idempotent responses all write JSON the same way: snake_case names, enums as snake_case
/// strings, RFC 3339 UTC timestamps with milliseconds, absent merge-patch optionals left out. Immutable once built.
/// </summary>
public static class ApplicationJson
{
    /// <summary>The converters, in order; the API adds the same ones to the framework's own options instance.</summary>
    public static IReadOnlyList<JsonConverter> Converters { get; } =
    [
        new OptionalJsonConverterFactory(),
        new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower),
        new UtcTimestampJsonConverter(),
    ];

    /// <summary>Declared after <see cref="Converters"/>, which it needs: static initialisers run in order.</summary>
    public static JsonSerializerOptions Options { get; } = Create(exactTimestamps: false);

    /// <summary>
    /// The same settings, but timestamps keep every digit (round-trip format): for what is stored and read back by
    /// the application itself, such as idempotent responses, whose replay must equal the original to the tick.
    /// </summary>
    public static JsonSerializerOptions Exact { get; } = Create(exactTimestamps: true);

    public static void SkipAbsentOptionals(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        foreach (var property in typeInfo.Properties)
        {
            if (typeof(IOptional).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is IOptional { HasValue: true };
            }
        }
    }

    /// <summary>Applies the settings to an options instance someone else owns (ASP.NET Core's).</summary>
    public static void ApplyTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        foreach (var converter in Converters)
        {
            options.Converters.Add(converter);
        }

        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(SkipAbsentOptionals);
    }

    private static JsonSerializerOptions Create(bool exactTimestamps)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApplyTo(options);
        if (exactTimestamps)
        {
            // Without the API's converter, System.Text.Json writes timestamps in full (ISO 8601 round-trip).
            var index = options.Converters.IndexOf(Converters[2]);
            options.Converters.RemoveAt(index);
        }

        options.MakeReadOnly();
        return options;
    }
}
