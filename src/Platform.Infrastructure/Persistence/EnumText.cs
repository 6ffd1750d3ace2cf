using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Infrastructure.Persistence;

/// <summary>Stores enums as their lower-case names, the same words the API uses.</summary>
internal static class EnumText
{
    public static ValueConverter<T, string> SnakeCase<T>()
        where T : struct, Enum =>
        new(v => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), v => Enum.Parse<T>(v.Replace("_", string.Empty, StringComparison.Ordinal), true));

    /// <summary>The stored word for <paramref name="value"/>, for SQL written by hand.</summary>
    public static string ToSnakeCase<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static ValueConverter<T, string> Converter<T>()
        where T : struct, Enum =>
        new(v => v.ToString().ToLowerInvariant(), v => Enum.Parse<T>(v, true));
}
