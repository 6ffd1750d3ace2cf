using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Application.Common.Messaging;

namespace Platform.Api.Http;

/// <summary>
/// OpenAPI document tweaks: merge-patch optionals are documented as their value type (nullable, not required),
/// since on the wire an <see cref="Optional{T}"/> is just the value or an absent property.
/// </summary>
internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options) => options.AddSchemaTransformer(TransformAsync);

    private static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            var inner = Nullable.GetUnderlyingType(type.GetGenericArguments()[0]) ?? type.GetGenericArguments()[0];
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = inner == typeof(Guid) ? "uuid" : null;
            return Task.CompletedTask;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (typeof(IOptional).IsAssignableFrom(property.PropertyType))
                {
                    required.Remove(property.Name);
                }
            }
        }

        return Task.CompletedTask;
    }
}
