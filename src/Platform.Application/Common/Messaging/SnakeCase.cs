using System.Text.Json;

namespace Platform.Application.Common.Messaging;

public static class SnakeCase
{
    /// <summary>Converts a property path such as <c>Items[0].PageSize</c> to <c>items[0].page_size</c>.</summary>
    public static string Convert(string name) =>
        string.Join('.', name.Split('.').Select(part => JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));
}
