using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Application.Common.Messaging;

/// <summary>
/// The JSON settings the application uses for request fingerprints, audit changes and stored idempotent
/// responses: snake_case names, absent optionals left out. Immutable once built.
/// </summary>
public static class ApplicationJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void SkipAbsentOptionals(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (typeof(IOptional).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is IOptional { HasValue: true };
            }
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipAbsentOptionals } },
        };
        options.Converters.Add(new OptionalJsonConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }
}
