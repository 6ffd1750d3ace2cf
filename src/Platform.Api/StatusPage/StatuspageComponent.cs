namespace Platform.Api.StatusPage;

public sealed record StatuspageComponent(
    string Id,
    string Name,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Position,
    string? Description,
    bool Showcase,
    string? StartDate,
    string? GroupId,
    string PageId,
    bool Group,
    bool OnlyShowIfDegraded,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Components);
