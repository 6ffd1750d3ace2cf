namespace Platform.Application.Common.Errors;

/// <summary>
/// Declares what a lost race on a unique index means for this command: when saving the command's changes violates
/// <see cref="IndexName"/>, the transaction behaviour answers 409 with <see cref="Code"/> instead of failing. The
/// database is the referee; a handler may still check first for a friendlier common case.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConflictOnUniqueIndexAttribute(string indexName, string code, string message) : Attribute
{
    public string IndexName { get; } = indexName;

    public string Code { get; } = code;

    public string Message { get; } = message;
}
